import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import { ECS_CATALOGUE, ScalingAction, ScalingCondition, ScheduledCapacity, StackSpec, instanceTypeFor, scalingActions } from "../model";
import { scalingRuleArgs } from "./scaling-rule";

/**
 * Stock Alibaba Cloud Linux 3 image used when `app.imageId` is unset. It is named, not looked up,
 * so that a plan never depends on a data source; set `app.imageId` to your own image in production.
 */
export const STOCK_IMAGE_NAME = "aliyun_3_x64_20G_alibase_20240819.vhd";

/** ESS alarm metric per scaling metric. TcpConnection is collected by the CloudMonitor agent of the stock images. */
export const ESS_METRIC: Readonly<Record<ScalingCondition["metric"], string>> = {
    connectionsPerInstance: "TcpConnection",
    cpuPercent: "CpuUtilization",
};

/** ESS takes scheduled launch times as UTC "YYYY-MM-DDThh:mmZ". */
export function essLaunchTime(at: string): string {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?Z$/.exec(at);
    if (m === null) throw new RangeError(`not a UTC minute instant: ${at}`);
    return `${m[1]}Z`;
}

export interface AutoscalingArgs {
    readonly spec: StackSpec;
    /** vSwitch per zone of the region, in zone order: instances are balanced over all of them. */
    readonly vswitchIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    /** ALB server groups the group registers its instances in, on `spec.appPort`. */
    readonly serverGroupIds: pulumi.Input<string>[];
    /** Scheduled capacity of planned live events in this region (eventSchedule()). */
    readonly schedule: readonly ScheduledCapacity[];
    readonly tags: Record<string, string>;
}

/**
 * The app tier: an ESS scaling group over every zone of the region, balanced, health-checked by
 * ECS and the load balancer, registered in the ALB server groups. One alarm scales out when any
 * scale-out condition holds (connections OR CPU), one alarm scales in only when every scale-in
 * condition holds (connections AND CPU). Planned events pre-scale and release on a timetable.
 *
 * Rolling changes: a new scaling configuration only applies to instances launched after it; the
 * removal policy takes instances of the oldest configuration out first, so scale-in and
 * replacement roll the fleet over without taking it down.
 */
export class Autoscaling extends pulumi.ComponentResource {
    readonly scalingGroupId: pulumi.Output<string>;
    readonly instanceType: string;
    readonly scaleOutRuleAri: pulumi.Output<string>;
    readonly scaleInRuleAri: pulumi.Output<string>;

    constructor(name: string, args: AutoscalingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Autoscaling", name, {}, opts);
        const { spec, tags } = args;
        if (args.vswitchIds.length === 0) throw new pulumi.ResourceError("autoscaling needs at least one vSwitch", this);
        this.instanceType = instanceTypeFor(ECS_CATALOGUE, spec.app.size);
        const actions = scalingActions(spec);

        const group = new alicloud.ess.ScalingGroup(
            `${name}-group`,
            {
                scalingGroupName: name,
                minSize: spec.app.minSize,
                maxSize: spec.app.maxSize,
                defaultCooldown: spec.scaling.cooldownSeconds,
                vswitchIds: args.vswitchIds,
                multiAzPolicy: "BALANCE",
                azBalance: true,
                healthCheckTypes: ["ECS", "LOAD_BALANCER"],
                removalPolicies: ["OldestScalingConfiguration", "OldestInstance"],
                albServerGroups: args.serverGroupIds.map((albServerGroupId) => ({ albServerGroupId, port: spec.appPort, weight: 100 })),
                groupDeletionProtection: true,
                tags,
            },
            { parent: this },
        );

        new alicloud.ess.ScalingConfiguration(
            `${name}-config`,
            {
                scalingGroupId: group.id,
                scalingConfigurationName: name,
                instanceType: this.instanceType,
                ...(spec.app.imageId !== null ? { imageId: spec.app.imageId } : { imageName: STOCK_IMAGE_NAME }),
                securityGroupIds: [args.securityGroupId],
                systemDiskCategory: "cloud_essd",
                systemDiskSize: 40,
                systemDiskEncrypted: true,
                internetMaxBandwidthOut: 0,
                active: true,
                enable: true,
                tags,
            },
            { parent: this },
        );

        const outRule = this.rule(name, "out", group, actions.out);
        const inRule = this.rule(name, "in", group, actions.in);
        this.alarm(name, "out", group, actions.out, outRule);
        this.alarm(name, "in", group, actions.in, inRule);

        for (const task of args.schedule) {
            new alicloud.ess.ScheduledTask(
                `${name}-schedule-${task.key}`,
                {
                    scheduledTaskName: `${name}-${task.key}`,
                    description: `${task.kind} for live event ${task.event} (${task.timeZone})`,
                    scalingGroupId: group.id,
                    launchTime: essLaunchTime(task.at),
                    launchExpirationTime: 600,
                    minValue: task.minSize,
                    maxValue: task.maxSize,
                    desiredCapacity: task.desiredCapacity,
                    taskEnabled: true,
                },
                { parent: this },
            );
        }

        this.scalingGroupId = group.id;
        this.scaleOutRuleAri = outRule.ari;
        this.scaleInRuleAri = inRule.ari;
        this.registerOutputs({ scalingGroupId: this.scalingGroupId });
    }

    private rule(name: string, direction: ScalingAction["direction"], group: alicloud.ess.ScalingGroup, action: ScalingAction): alicloud.ess.ScalingRule {
        return new alicloud.ess.ScalingRule(
            `${name}-rule-${direction}`,
            scalingRuleArgs(name, direction, group.id, action),
            { parent: this },
        );
    }

    /** One alarm per direction; its expressions are joined by OR (`any`) or AND (`all`). */
    private alarm(name: string, direction: ScalingAction["direction"], group: alicloud.ess.ScalingGroup, action: ScalingAction, rule: alicloud.ess.ScalingRule): void {
        new alicloud.ess.Alarm(
            `${name}-alarm-${direction}`,
            {
                name: `${name}-${direction}`,
                description: action.conditions.map((c) => `${c.metric} ${c.comparison === "greaterThan" ? ">" : "<"} ${c.threshold}`).join(action.combine === "any" ? " OR " : " AND "),
                scalingGroupId: group.id,
                alarmActions: [rule.ari],
                metricType: "system",
                expressions: action.conditions.map((c) => ({
                    metricName: ESS_METRIC[c.metric],
                    comparisonOperator: c.comparison === "greaterThan" ? ">" : "<",
                    threshold: c.threshold,
                    statistics: "Average",
                    period: action.periodSeconds,
                })),
                expressionsLogicOperator: action.combine === "any" ? "||" : "&&",
                evaluationCount: action.evaluationPeriods,
                enable: true,
            },
            { parent: this },
        );
    }
}
