import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    ANYWHERE,
    DEREGISTRATION_DELAY_SECONDS,
    HEALTH_CHECK,
    INGEST_LISTENERS,
    RENDITIONS,
    ScalingAction,
    TierSchedule,
    scheduledBounds,
    scheduledBoundsIgnoreChanges,
    TranscodeTier,
    CONTAINER_HTML,
    HOST_RECORDING_DIR,
    INGEST_APP,
    MEDIA_HTTP_PORT,
    PLAY_APP,
    PLAY_ORIGIN_PORT,
    RECORDING_PREFIX,
    Rendition,
    SRS_IMAGE,
    instanceTypeFor,
    srsConfig,
} from "../model";
import { ECS_CATALOGUE } from "./catalogue";
import { Cdn } from "./cdn";
import { ecsTrustPolicy } from "./metrics";
import { Network } from "./network";
import { ESS_GROUP_BOUNDS, essScheduledTasks, scalingRuleArgs } from "./scaling-rule";


// ---------------------------------------------------------------------------------------------
// The Alibaba Cloud boot of the media server (components/model/media-server.ts): Docker on Alibaba
// Cloud Linux 3, the SRS image from Alibaba Cloud's registry mirror, and the recording uploader that
// writes to OSS with the instance's RAM role.
//
// Sources:
// - Docker on Alibaba Cloud Linux 3: ECS "Install Docker" (docker-ce repo at
//   mirrors.aliyun.com/docker-ce, dnf-plugin-releasever-adapter from alinux3-plus); Alibaba
//   Cloud's own OOS template ACS::ECS::InstallDockerCE.
// - The mirror: SRS docs, "Docker" (registry.cn-hangzhou.aliyuncs.com/ossrs/srs:v5.0.60).
// - Credentials: ECS instance metadata `100.100.100.200/latest/meta-data/ram/security-credentials/<role>`
//   (AccessKeyId, AccessKeySecret, SecurityToken); OSS PutObject with a header signature
//   ("Include signatures in the Authorization header", V1: HMAC-SHA1 over VERB, Content-MD5,
//   Content-Type, Date, canonicalized x-oss- headers and /bucket/key) and `x-oss-security-token`.

/** Where Alibaba Cloud instances pull the SRS image from: Alibaba Cloud's registry mirror of ossrs/srs. */
export const SRS_IMAGE_MIRROR = `registry.cn-hangzhou.aliyuncs.com/${SRS_IMAGE}`;

/**
 * The uploader: every finished recording segment of the ingest app (unchanged for a minute) is PUT to
 * `oss://<bucket>/recordings/<app>/<stream>/...` with the instance RAM role's temporary
 * credentials, then removed locally. The bucket encrypts it (server-side, KMS).
 */
export function recordingUploader(bucket: string, region: string, roleName: string): string {
    return [
        "#!/bin/bash",
        "set -euo pipefail",
        `BUCKET=${bucket}`,
        `ENDPOINT=${bucket}.oss-${region}-internal.aliyuncs.com`,
        `CREDS=$(curl -sf http://100.100.100.200/latest/meta-data/ram/security-credentials/${roleName})`,
        "AK=$(echo \"$CREDS\" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"AccessKeyId\"])')",
        "SK=$(echo \"$CREDS\" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"AccessKeySecret\"])')",
        "TOKEN=$(echo \"$CREDS\" | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"SecurityToken\"])')",
        `cd ${HOST_RECORDING_DIR}`,
        // The renditions are recorded too (dvr_apply all); the archive keeps the source quality only.
        `find ./${PLAY_APP} -type f -name '*.flv' -mmin +1 -delete 2>/dev/null || true`,
        `[ -d ./${INGEST_APP} ] || exit 0`,
        `find ./${INGEST_APP} -type f -name '*.flv' -mmin +1 | while read -r f; do`,
        `  KEY="${RECORDING_PREFIX}\${f#./}"`,
        "  DATE=$(LC_ALL=C date -u '+%a, %d %b %Y %H:%M:%S GMT')",
        "  TYPE=video/x-flv",
        "  SIG=$(printf 'PUT\\n\\n%s\\n%s\\nx-oss-security-token:%s\\n/%s/%s' \"$TYPE\" \"$DATE\" \"$TOKEN\" \"$BUCKET\" \"$KEY\" | openssl dgst -sha1 -hmac \"$SK\" -binary | base64)",
        "  curl -sf -X PUT -T \"$f\" -H \"Date: $DATE\" -H \"Content-Type: $TYPE\" -H \"x-oss-security-token: $TOKEN\" -H \"Authorization: OSS $AK:$SIG\" \"https://$ENDPOINT/$KEY\" && rm -f \"$f\"",
        "done",
    ].join("\n");
}

function indent(text: string, spaces: number): string {
    const pad = " ".repeat(spaces);
    return text.split("\n").map((l) => pad + l).join("\n");
}

/** What the transcoder's user data needs from the region. */
export interface TranscoderBoot {
    readonly region: string;
    readonly ladder: readonly Rendition[];
    /** The region's recordings bucket; null: no recording uploader. */
    readonly bucket: string | null;
    /** RAM role of the instances (the uploader's credentials). */
    readonly roleName: string;
}

/**
 * cloud-init user data of a transcoder: installs Docker, writes the SRS config, runs the pinned
 * SRS image on the host network (1935/TCP, 10080/UDP, 8080/TCP: what the NLB listeners and
 * health checks reach) restarted on failure and at boot, and the recording uploader every minute
 * (a systemd timer).
 */
export function transcoderUserData(boot: TranscoderBoot): string {
    const files = [
        { path: "/etc/srs/live.conf", permissions: "0644", content: srsConfig(boot.ladder) },
        ...(boot.bucket === null
            ? []
            : [
                  { path: "/usr/local/bin/upload-recordings", permissions: "0755", content: recordingUploader(boot.bucket, boot.region, boot.roleName) },
                  { path: "/etc/systemd/system/upload-recordings.service", permissions: "0644", content: "[Service]\nType=oneshot\nExecStart=/usr/local/bin/upload-recordings" },
                  { path: "/etc/systemd/system/upload-recordings.timer", permissions: "0644", content: "[Timer]\nOnBootSec=60\nOnUnitActiveSec=60\n[Install]\nWantedBy=timers.target" },
              ]),
    ];
    return [
        "#cloud-config",
        "write_files:",
        ...files.flatMap((f) => [`  - path: ${f.path}`, `    permissions: '${f.permissions}'`, "    content: |", indent(f.content, 6)]),
        "runcmd:",
        "  - dnf config-manager --add-repo=https://mirrors.aliyun.com/docker-ce/linux/centos/docker-ce.repo",
        "  - dnf -y install dnf-plugin-releasever-adapter --repo alinux3-plus",
        "  - dnf -y install docker-ce --nobest",
        "  - systemctl enable --now docker",
        `  - mkdir -p ${HOST_RECORDING_DIR}`,
        ...(boot.bucket === null ? [] : ["  - systemctl daemon-reload", "  - systemctl enable --now upload-recordings.timer"]),
        `  - docker run -d --name srs --restart always --network host -v /etc/srs/live.conf:/usr/local/srs/conf/live.conf:ro -v ${HOST_RECORDING_DIR}:${CONTAINER_HTML}/record ${SRS_IMAGE_MIRROR} ./objs/srs -c conf/live.conf`,
    ].join("\n") + "\n";
}

/**
 * RAM policy of the transcoders: PutObject below the recordings prefix of the region's bucket and
 * nothing else (OSS resource ARN `acs:oss:*:*:<bucket>/<key>`, RAM "Policy elements for OSS").
 */
export function recordingPolicy(bucket: string): string {
    return JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:PutObject"], Resource: [`acs:oss:*:*:${bucket}/${RECORDING_PREFIX}*`] }] });
}

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
    /**
     * The region's network: the VPC, its app vSwitches per zone (the ingest NLB's zones) and the
     * transcoders' own vSwitches with their egress (Network `transcoderVswitchIds`,
     * `transcoderEgress`); the transcoders get a security group of their own.
     */
    readonly network: Pick<Network, "vpcId" | "vswitchIds" | "zones" | "transcoderVswitchIds" | "transcoderEgress">;
    /** The region's encrypted private recordings bucket. Defaults to none: the transcoders do not record. */
    readonly recordingBucketName?: pulumi.Input<string>;
    /** Regions of the stack (the acceleration scope of the play domain's CDN). */
    readonly stackRegions: readonly string[];
    /** Certificate Management Service certificate id of the play domain; null: the CDN's free certificate. */
    readonly certificateId: string | null;
    /** The names that certificate covers (config `cdn.certificateNames`). */
    readonly certificateNames: readonly string[];
    readonly tags: Record<string, string>;
}

/** The ECS metric the transcoding tier scales on. */
const CPU_METRIC = "CpuUtilization";

/**
 * Live video of one Alibaba Cloud region.
 *
 * Self-run tier (a region with two zones or more, every shipped stack): broadcasters push RTMP/SRT
 * to an internet NLB in front of an ESS group of transcoders over every zone; each transcoder runs
 * the SRS media server (configuration in components/model/media-server.ts, boot by transcoderUserData above) that transcodes
 * the ladder and serves HLS/HTTP-FLV; the play domain (`play-<region>.<domain>`) is an Alibaba Cloud
 * CDN domain whose origin is the NLB's HTTP listener; recordings go to the region's encrypted
 * bucket with the transcoders' RAM role.
 *
 * Why not an ApsaraVideo Live play domain here: playback on a Live play domain needs it mapped to
 * an ingest domain (ApsaraVideo Live API AddLiveDomain: "You can associate a streaming domain with
 * an ingest domain by calling the AddLiveDomainMapping operation"; parameters PushDomain,
 * PullDomain), and neither terraform-provider-alicloud v1.294
 * (resources alicloud_live_domain and alicloud_live_caster only) nor @pulumi/alicloud 3.108.0
 * (`alicloud.live.Domain`, `alicloud.live.Caster`) can declare that mapping: an unmapped play domain
 * plays nothing. A region with one zone (no NLB) keeps the managed path: the ingest (`liveEdge`)
 * and play (`liveVideo`) domains, whose mapping and transcoding templates are set on ApsaraVideo
 * Live once, outside the stack (docs/GLOBAL.md).
 */
export class Video extends pulumi.ComponentResource {
    readonly ingestDomain: pulumi.Output<string>;
    readonly playDomain: pulumi.Output<string>;
    /** Public name broadcasters send RTMP/SRT to (the NLB), when the tier is self-run. */
    readonly ingestEndpoint: pulumi.Output<string> | undefined;
    /** CNAME of the play domain's CDN (self-run tier): point play-<region>.<domain> at it. */
    readonly playCname: pulumi.Output<string> | undefined;
    readonly scalingGroupId: pulumi.Output<string> | undefined;

    constructor(name: string, args: VideoArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Video", name, {}, opts);
        if (args.tier.mode === "selfRun") {
            const tier = this.transcoders(name, args);
            const play = new Cdn(
                `${name}-play`,
                {
                    origins: [{ region: args.region, role: "primary", rank: 0, priority: 20, hostname: tier.ingestEndpoint }],
                    hostname: args.hostnames.play,
                    regions: args.stackRegions,
                    certificateId: args.certificateId,
                    certificateNames: args.certificateNames,
                    tags: args.tags,
                    delivery: "live",
                },
                { parent: this },
            );
            // push-<region>.<domain> is a CNAME to the NLB (ingestEndpoint); play-<region>.<domain> to the CDN (playCname).
            this.ingestDomain = pulumi.output(args.hostnames.ingest);
            this.playDomain = play.domainName;
            this.playCname = play.cname;
            this.ingestEndpoint = tier.ingestEndpoint;
            this.scalingGroupId = tier.scalingGroupId;
        } else {
            const live = (role: string, domainName: string, domainType: string): alicloud.live.Domain =>
                new alicloud.live.Domain(`${name}-${role}`, { domainName, domainType, region: args.liveRegion, tags: args.tags }, { parent: this });
            this.ingestDomain = live("ingest", args.hostnames.ingest, "liveEdge").domainName;
            this.playDomain = live("play", args.hostnames.play, "liveVideo").domainName;
        }
        this.registerOutputs(this.outputs());
    }

    /** Stack outputs of this region's video. */
    outputs(): Record<string, pulumi.Input<unknown>> {
        return {
            ingestDomain: this.ingestDomain,
            playDomain: this.playDomain,
            ...(this.playCname === undefined ? {} : { playCname: this.playCname }),
            ...(this.ingestEndpoint === undefined ? {} : { ingestEndpoint: this.ingestEndpoint }),
        };
    }

    private transcoders(name: string, args: VideoArgs): { ingestEndpoint: pulumi.Output<string>; scalingGroupId: pulumi.Output<string> } {
        const { network, tier, tags } = args;
        if (network.transcoderVswitchIds.length !== network.zones.length) {
            throw new pulumi.ResourceError(`the transcoders need a vSwitch of their own in each zone (${network.zones.join(", ")}); the network has ${network.transcoderVswitchIds.length}: give it transcoderSubnets (planTranscoderSubnets)`, this);
        }
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
        new alicloud.ecs.SecurityGroupRule(
            `${name}-sg-ingest-http`,
            { type: "ingress", ipProtocol: "tcp", nicType: "intranet", policy: "accept", priority: 1, portRange: `${MEDIA_HTTP_PORT}/${MEDIA_HTTP_PORT}`, securityGroupId: sg.id, cidrIp: ANYWHERE, description: "HLS and HTTP-FLV for the play domain's CDN" },
            { parent: this },
        );
        const role = this.recorderIdentity(name, args);
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
                // Raised bounds asserted directly inside an event's window (ModifyScalingGroup, as the app group).
                ...scheduledBounds(args.schedule, tier),
                // Their own vSwitches (planTranscoderSubnets): the data tier's IP whitelists admit the app
                // vSwitches, so transcoders there could reach PolarDB and Tair whatever their security
                // group. vswitch_ids is updated in place (terraform-provider-alicloud
                // resource_alicloud_ess_scaling_group.go: Optional, not ForceNew; Update sends
                // ModifyScalingGroup VSwitchIds): on a stack whose transcoders ran in the app vSwitches
                // the group is kept and only new instances launch here; the running ones stay until
                // scaled in (removal policy OldestInstance) or rotated (docs/UPGRADING.md).
                vswitchIds: network.transcoderVswitchIds,
                multiAzPolicy: "BALANCE",
                azBalance: true,
                defaultCooldown: tier.scaleOut.cooldownSeconds,
                removalPolicies: ["OldestScalingConfiguration", "OldestInstance"],
                healthCheckTypes: ["ECS", "LOAD_BALANCER"],
                tags,
            },
            // The scheduled tasks own the bounds while there are any (scheduledBoundsIgnoreChanges).
            // The group waits for its vSwitches' SNAT entries and route tables: a transcoder booting
            // without egress cannot install Docker or pull the media server (transcoderUserData).
            { parent: this, ignoreChanges: scheduledBoundsIgnoreChanges(args.schedule, ESS_GROUP_BOUNDS), dependsOn: network.transcoderEgress },
        );
        const userData = pulumi
            .all([args.recordingBucketName ?? null, role.roleName])
            .apply(([bucket, roleName]) => transcoderUserData({ region: args.region, ladder: RENDITIONS, bucket, roleName }));
        new alicloud.ess.ScalingConfiguration(
            `${name}-launch`,
            {
                scalingGroupId: group.id,
                scalingConfigurationName: `${name}-transcoder`,
                instanceType: instanceTypeFor(ECS_CATALOGUE, tier.size),
                imageId: args.imageId,
                // Their own group only (least privilege): the app group would let them into the data
                // tier, whose rules admit the app group on 3306/6379/9092 (and their own vSwitches keep
                // them out of the PolarDB and Tair IP whitelists, above); the ingest group admits the
                // media ports, and a basic (normal) security group allows all outbound traffic by
                // default (ECS User Guide, "Security group rules"), which the recording upload needs.
                securityGroupIds: [sg.id],
                // The RAM role for ECS whose temporary credentials the recording uploader uses.
                roleName: role.roleName,
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
        const listeners = [
            ...INGEST_LISTENERS.map((l) => ({ protocol: l.protocol, transport: l.transport, port: l.port, backendPort: l.port, description: `${l.protocol}-ingest` })),
            { protocol: "http", transport: "TCP", port: PLAY_ORIGIN_PORT, backendPort: MEDIA_HTTP_PORT, description: "play-origin" },
        ];
        for (const l of listeners) {
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
                        // TCP probes: the ingest groups probe the RTMP port (the media server that
                        // accepts RTMP also serves SRT, and a UDP probe cannot tell a live server);
                        // the play origin's group probes its own HTTP port.
                        healthCheckType: "TCP",
                        healthCheckConnectPort: l.protocol === "http" ? MEDIA_HTTP_PORT : INGEST_LISTENERS[0].port,
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
                { loadBalancerId: nlb.id, listenerProtocol: l.transport, listenerPort: l.port, serverGroupId: serverGroup.id, listenerDescription: l.description, tags },
                { parent: this },
            );
            new alicloud.ess.ServerGroupAttachment(
                `${name}-attach-${l.protocol}`,
                { scalingGroupId: group.id, serverGroupId: serverGroup.id, type: "NLB", port: l.backendPort, weight: 100, forceAttach: true },
                { parent: this },
            );
        }
        this.scalingRule(name, "out", group, tier.scaleOut);
        this.scalingRule(name, "in", group, tier.scaleIn);
        essScheduledTasks(`${name}-transcoders`, group.id, args.schedule, this);
        return { ingestEndpoint: nlb.dnsName, scalingGroupId: group.id };
    }

    /**
     * The transcoders' RAM role for ECS (trusted by ecs.aliyuncs.com), allowed oss:PutObject below
     * the recordings prefix of the region's bucket only (recordingPolicy); without a bucket it has
     * no policy. ram.Role / ram.Policy / ram.RolePolicyAttachment (policyType Custom), as the app tier's.
     */
    private recorderIdentity(name: string, args: VideoArgs): alicloud.ram.Role {
        const role = new alicloud.ram.Role(
            `${name}-role`,
            { roleName: `${name}-transcoder`, assumeRolePolicyDocument: ecsTrustPolicy(), description: "live-commerce transcoders: upload recordings", tags: args.tags },
            { parent: this },
        );
        if (args.recordingBucketName !== undefined) {
            const policy = new alicloud.ram.Policy(
                `${name}-record`,
                { policyName: `${name}-record`, policyDocument: pulumi.output(args.recordingBucketName).apply(recordingPolicy), description: "oss:PutObject of recordings for the transcoders" },
                { parent: this },
            );
            new alicloud.ram.RolePolicyAttachment(`${name}-record`, { roleName: role.roleName, policyName: policy.policyName, policyType: "Custom" }, { parent: this });
        }
        return role;
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
