import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import {
    ANYWHERE,
    DEREGISTRATION_DELAY_SECONDS,
    HEALTH_CHECK,
    INGEST_LISTENERS,
    RENDITIONS,
    ScalingAction,
    TierSchedule,
    TranscodeTier,
    instanceTypeFor,
    transcoderConfig,
} from "../model";
import { ECS_CATALOGUE } from "./catalogue";
import { Network } from "./network";
import { essScheduledTasks, scalingRuleArgs } from "./scaling-rule";

export interface VideoArgs {
    /** Region id of the stack region the video belongs to (transcoders, NLB). */
    readonly region: string;
    /**
     * ApsaraVideo Live region the live domains are created in (liveRegionFor(region)): Live runs in
     * a few regions only (LIVE_REGIONS); cn-hangzhou stacks use cn-shanghai.
     */
    readonly liveRegion: string;
    /** Ingest (liveEdge) and playback (liveVideo) hostnames from components/model (videoHostnames). */
    readonly hostnames: { readonly ingest: string; readonly play: string };
    /** The transcoding tier from components/model (transcodeTier). */
    readonly tier: TranscodeTier;
    /** Scheduled bounds of the transcoders (tierSchedule of the region, tier transcoders). */
    readonly schedule: TierSchedule;
    readonly imageId: string;
    /** The region's network: vSwitches per zone and the app security group. */
    readonly network: Pick<Network, "vpcId" | "vswitchIds" | "zones" | "securityGroupIds">;
    /** The region's encrypted private recordings bucket; without it the transcoders do not record. */
    readonly recordingBucketName?: pulumi.Input<string>;
    readonly tags: Record<string, string>;
}

/** The ECS metric the transcoding tier scales on. */
const CPU_METRIC = "CpuUtilization";

/**
 * Live video of one Alibaba Cloud region. ApsaraVideo Live (managed) holds the ingest (`liveEdge`)
 * and playback (`liveVideo`) domains and delivers over its CDN. Transcoding is self-run, because
 * the SDK has no transcoding or recording templates: an ESS group of transcoders over every zone
 * behind an internet NLB with RTMP (TCP) and SRT (UDP) listeners; transcoders push the ladder to
 * the ingest domain and write recordings to the region's bucket. Regions with a single zone (an
 * NLB needs two) use the managed transcoding of ApsaraVideo Live instead of the self-run tier.
 */
export class Video extends pulumi.ComponentResource {
    readonly ingestDomain: pulumi.Output<string>;
    readonly playDomain: pulumi.Output<string>;
    /** Public name broadcasters send RTMP/SRT to (the NLB), when the tier is self-run. */
    readonly ingestEndpoint: pulumi.Output<string> | undefined;
    readonly scalingGroupId: pulumi.Output<string> | undefined;

    constructor(name: string, args: VideoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Video", name, {}, opts);
        const live = (role: string, domainName: string, domainType: string): alicloud.live.Domain =>
            new alicloud.live.Domain(`${name}-${role}`, { domainName, domainType, region: args.liveRegion, tags: args.tags }, { parent: this });
        const ingest = live("ingest", args.hostnames.ingest, "liveEdge");
        const play = live("play", args.hostnames.play, "liveVideo");
        this.ingestDomain = ingest.domainName;
        this.playDomain = play.domainName;

        if (args.tier.mode === "selfRun") {
            const tier = this.transcoders(name, args);
            this.ingestEndpoint = tier.ingestEndpoint;
            this.scalingGroupId = tier.scalingGroupId;
        }
        this.registerOutputs(this.outputs());
    }

    /** Stack outputs of this region's video. */
    outputs(): Record<string, pulumi.Input<unknown>> {
        return { ingestDomain: this.ingestDomain, playDomain: this.playDomain, ...(this.ingestEndpoint === undefined ? {} : { ingestEndpoint: this.ingestEndpoint }) };
    }

    private transcoders(name: string, args: VideoArgs): { ingestEndpoint: pulumi.Output<string>; scalingGroupId: pulumi.Output<string> } {
        const { network, tier, tags } = args;
        const sg = new alicloud.ecs.SecurityGroup(
            `${name}-sg-ingest`,
            { securityGroupName: `${name}-ingest`, description: "live-commerce RTMP and SRT ingest", vpcId: network.vpcId, securityGroupType: "normal", tags },
            { parent: this },
        );
        for (const l of INGEST_LISTENERS) {
            new alicloud.ecs.SecurityGroupRule(
                `${name}-sg-ingest-${l.protocol}`,
                { type: "ingress", ipProtocol: l.transport.toLowerCase(), nicType: "intranet", policy: "accept", priority: 1, portRange: `${l.port}/${l.port}`, securityGroupId: sg.id, cidrIp: ANYWHERE, description: `${l.protocol} from broadcasters` },
                { parent: this },
            );
        }
        const nlb = new alicloud.nlb.LoadBalancer(
            `${name}-nlb`,
            {
                loadBalancerName: `${name}-ingest`,
                loadBalancerType: "Network",
                addressType: "Internet",
                addressIpVersion: "ipv4",
                crossZoneEnabled: true,
                vpcId: network.vpcId,
                zoneMappings: network.zones.map((zoneId, i) => ({ zoneId, vswitchId: network.vswitchIds[i] })),
                tags,
            },
            { parent: this },
        );
        const group = new alicloud.ess.ScalingGroup(
            `${name}-asg`,
            {
                scalingGroupName: `${name}-transcoders`,
                minSize: tier.minSize,
                maxSize: tier.maxSize,
                vswitchIds: network.vswitchIds,
                multiAzPolicy: "BALANCE",
                azBalance: true,
                defaultCooldown: tier.scaleOut.cooldownSeconds,
                removalPolicies: ["OldestScalingConfiguration", "OldestInstance"],
                healthCheckTypes: ["ECS", "LOAD_BALANCER"],
                tags,
            },
            { parent: this },
        );
        const userData = pulumi
            .output(args.recordingBucketName ?? null)
            .apply((bucket) => `#cloud-config\nwrite_files:\n  - path: /etc/live-commerce/transcoder.json\n    content: '${transcoderConfig(args.hostnames.ingest, RENDITIONS, bucket)}'\n`);
        new alicloud.ess.ScalingConfiguration(
            `${name}-launch`,
            {
                scalingGroupId: group.id,
                scalingConfigurationName: `${name}-transcoder`,
                instanceType: instanceTypeFor(ECS_CATALOGUE, tier.size),
                imageId: args.imageId,
                securityGroupIds: [network.securityGroupIds.app, sg.id],
                systemDiskCategory: "cloud_essd",
                systemDiskSize: 40,
                systemDiskEncrypted: true,
                userData,
                active: true,
                enable: true,
                tags,
            },
            { parent: this },
        );
        for (const l of INGEST_LISTENERS) {
            const serverGroup = new alicloud.nlb.ServerGroup(
                `${name}-servers-${l.protocol}`,
                {
                    serverGroupName: `${name}-${l.protocol}`,
                    serverGroupType: "Instance",
                    protocol: l.transport,
                    vpcId: network.vpcId,
                    scheduler: "Sch",
                    preserveClientIpEnabled: true,
                    connectionDrainEnabled: true,
                    connectionDrainTimeout: DEREGISTRATION_DELAY_SECONDS,
                    healthCheck: {
                        healthCheckEnabled: true,
                        // Both groups probe the RTMP port over TCP: a transcoder whose media server
                        // accepts RTMP also serves SRT, and a UDP probe cannot tell a live server.
                        healthCheckType: "TCP",
                        healthCheckConnectPort: INGEST_LISTENERS[0].port,
                        healthCheckInterval: HEALTH_CHECK.intervalSeconds,
                        healthCheckConnectTimeout: HEALTH_CHECK.timeoutSeconds,
                        healthyThreshold: HEALTH_CHECK.healthyThreshold,
                        unhealthyThreshold: HEALTH_CHECK.unhealthyThreshold,
                    },
                    tags,
                },
                { parent: this },
            );
            new alicloud.nlb.Listener(
                `${name}-listener-${l.protocol}`,
                { loadBalancerId: nlb.id, listenerProtocol: l.transport, listenerPort: l.port, serverGroupId: serverGroup.id, listenerDescription: `${l.protocol}-ingest`, tags },
                { parent: this },
            );
            new alicloud.ess.ServerGroupAttachment(
                `${name}-attach-${l.protocol}`,
                { scalingGroupId: group.id, serverGroupId: serverGroup.id, type: "NLB", port: l.port, weight: 100, forceAttach: true },
                { parent: this },
            );
        }
        this.scalingRule(name, "out", group, tier.scaleOut);
        this.scalingRule(name, "in", group, tier.scaleIn);
        essScheduledTasks(`${name}-transcoders`, group.id, args.schedule, { cloud: "alicloud" }, this);
        return { ingestEndpoint: nlb.dnsName, scalingGroupId: group.id };
    }

    /** A simple scaling rule and one CloudMonitor alarm per condition of a scaling action from the model. */
    private scalingRule(name: string, direction: string, group: alicloud.ess.ScalingGroup, action: ScalingAction): void {
        const rule = new alicloud.ess.ScalingRule(
            `${name}-rule-${direction}`,
            scalingRuleArgs(name, direction, group.id, action),
            { parent: this },
        );
        for (const c of action.conditions) {
            new alicloud.ess.Alarm(
                `${name}-alarm-${direction}-${c.metric}`,
                {
                    name: `${name}-${direction}-${c.metric}`,
                    scalingGroupId: group.id,
                    alarmActions: [rule.ari],
                    metricType: "system",
                    metricName: CPU_METRIC,
                    statistics: "Average",
                    comparisonOperator: c.comparison === "greaterThan" ? ">" : "<",
                    threshold: String(c.threshold),
                    period: action.periodSeconds,
                    evaluationCount: action.evaluationPeriods,
                },
                { parent: this },
            );
        }
    }
}
