import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    ScalingAction,
    StackSpec,
    TierSchedule,
    appReadySeconds,
    scheduledBounds,
    scheduledBoundsIgnoreChanges,
    instanceTypeFor,
    publisherUserData,
    scalingActions,
} from "../model";
import { ESS_APP_METRIC_TYPE, ESS_METRIC, ecsTrustPolicy, publishPolicy, publisherSteps } from "./metrics";
import { ECS_CATALOGUE } from "./catalogue";
import { ESS_GROUP_BOUNDS, EssScaleOutAlarm, essScaleOutAlarms, essScheduledTasks, scalingRuleArgs, stepScalingRuleArgs } from "./scaling-rule";

/**
 * Stock Alibaba Cloud Linux 3 image used when `app.imageId` is unset. It is named, not looked up,
 * so that a plan never depends on a data source; set `app.imageId` to your own image in production.
 */
export const STOCK_IMAGE_NAME = "aliyun_3_x64_20G_alibase_20240819.vhd";

export interface AutoScalingArgs {
    /** What the group reads of the stack spec: the app's size, image, bounds and port, and the scaling rule thresholds. */
    readonly spec: Pick<StackSpec, "app" | "appPort" | "scaling">;
    /** vSwitch per zone of the region, in zone order: instances are balanced over all of them. */
    readonly vswitchIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    /** ALB server groups the group registers its instances in, on `spec.appPort`. */
    readonly serverGroupIds: pulumi.Input<string>[];
    /** Scheduled bounds of the app group (tierSchedule of the region, tier appGroup). */
    readonly schedule: TierSchedule;
    readonly tags: Record<string, string>;
    /** Region of the group (the CloudMonitor endpoint the publisher calls). */
    readonly region: string;
}

/**
 * The app tier: an ESS scaling group over every zone of the region, balanced, health-checked by
 * ECS and the load balancer, registered in the ALB server groups. Scale out when any scale-out
 * condition holds (connections OR CPU): one alarm task per condition (essScaleOutAlarms), the
 * connections' running one step rule whose steps grow with the breach (stepScalingRuleArgs: +100 %
 * from 1x, +300 % from 2x, +700 % from 4x, +900 % from 8x the threshold), so a 10x jump is met in one
 * scaling activity; ESS runs an alarm task's rule as a non-parallel activity and rejects
 * alarm-triggered rules during the cooldown, so one rule takes the whole jump. Scale in only when
 * every scale-in condition holds (one AND alarm). Planned events and recurring peaks set the
 * group's bounds on a timetable.
 *
 * The group runs with an expected number of instances (desiredCapacity, seeded with minSize and
 * then owned by ESS), so scheduled tasks and health checks run as parallel activities ("Scaling
 * groups with Expected Number of Instances configured: the scaling activities ... are parallel
 * scaling activities", CreateScheduledTask). Economical mode (`scalingPolicy: recycle`) stops
 * instances on scale-in and starts them first on the next scale-out.
 *
 * Rolling changes: a new scaling configuration only applies to instances launched after it; the
 * removal policy takes instances of the oldest configuration out first, so scale-in and
 * replacement roll the fleet over without taking it down.
 */
export class AutoScaling extends pulumi.ComponentResource {
    readonly scalingGroupId: pulumi.Output<string>;
    readonly instanceType: string;
    readonly scaleOutRuleAri: pulumi.Output<string>;
    readonly scaleInRuleAri: pulumi.Output<string>;

    constructor(name: string, args: AutoScalingArgs, opts?: pulumi.ComponentResourceOptions) {
        // Formerly typed live-commerce:alicloud:Autoscaling: the alias keeps existing stacks' group and
        // its children in place (a type change alone would replace them).
        super("live-commerce:alicloud:AutoScaling", name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: "live-commerce:alicloud:Autoscaling" }] });
        const { spec, tags } = args;
        if (args.vswitchIds.length === 0) throw new pulumi.ResourceError("autoscaling needs at least one vSwitch", this);
        this.instanceType = instanceTypeFor(ECS_CATALOGUE, spec.app.size);
        const actions = scalingActions(spec);

        // Inside an event's raised window the up sets the raised bounds on the group itself
        // (TierSchedule.asserted): "If you modify MinSize, and the number of ECS or ECI instances in
        // the scaling group is less than the new MinSize, Auto Scaling automatically adds instances
        // until the number of instances is equal to MinSize" (ESS API, ModifyScalingGroup);
        // terraform-provider-alicloud sends MinSize/MaxSize only when they change
        // (resource_alicloud_ess_scaling_group.go update, d.HasChange("min_size")).
        const bounds = scheduledBounds(args.schedule, spec.app);
        const group = new alicloud.ess.ScalingGroup(
            `${name}-group`,
            {
                scalingGroupName: name,
                minSize: bounds.minSize,
                maxSize: bounds.maxSize,
                // Within the bounds the group declares, the asserted ones included: "Expected number of
                // ECS instances in the scaling group. Value range: [min_size, maxSize]"
                // (ess.ScalingGroup desiredCapacity docstring), so a group
                // created inside a raised window starts at the raised floor. Set at creation only
                // (ignoreChanges below).
                desiredCapacity: bounds.minSize,
                scalingPolicy: "recycle",
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
            // ESS owns the expected number once running (rules and scheduled bounds move it); the
            // scheduled tasks own the bounds while there are any (scheduledBoundsIgnoreChanges).
            { parent: this, ignoreChanges: ["desiredCapacity", ...scheduledBoundsIgnoreChanges(args.schedule, ESS_GROUP_BOUNDS)] },
        );

        const identity = this.publisherIdentity(name, tags);
        const monitorGroup = new alicloud.cms.MonitorGroup(`${name}-metrics`, { monitorGroupName: `${name}-metrics`, tags }, { parent: this });
        // ess.Alarm cloudMonitorGroupId is a number; the provider sets a monitor group's id to its
        // GroupId (resource_alicloud_cms_monitor_group.go: d.SetId(fmt.Sprint(formatInt(response["GroupId"])))), a decimal number.
        const monitorGroupId = monitorGroup.id.apply((id) => Number(id));
        const userData = pulumi
            .all([monitorGroup.id, group.id, identity.roleName])
            .apply(([monitorGroupId, scalingGroupId, roleName]) =>
                Buffer.from(publisherUserData(publisherSteps({ appPort: spec.appPort, region: args.region, monitorGroupId, scalingGroupId, roleName }))).toString("base64"),
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
                // The RAM role for ECS the publisher's credentials come from, and its user data.
                roleName: identity.roleName,
                userData,
                active: true,
                enable: true,
                tags,
            },
            { parent: this },
        );

        // Scale out: one alarm task per condition (essScaleOutAlarms), the connections' running one
        // step rule over every band, the CPU's the first step; scale in: one AND alarm.
        const outRules = essScaleOutAlarms(actions.out).map((a) => {
            const rule = new alicloud.ess.ScalingRule(
                `${name}-rule-${a.key}`,
                a.steps ? stepScalingRuleArgs(name, a.key, group.id, actions.out, a.condition.threshold, appReadySeconds(spec.app)) : scalingRuleArgs(name, a.key, group.id, actions.out),
                { parent: this },
            );
            this.scaleOutAlarm(name, group, actions.out, a, rule, monitorGroupId);
            return { alarm: a, rule };
        });
        const outRule = outRules.find((r) => r.alarm.steps)?.rule ?? outRules[0].rule;
        const inRule = this.rule(name, "in", group, actions.in);
        this.alarm(name, "in", group, actions.in, inRule, monitorGroupId);
        essScheduledTasks(name, group.id, args.schedule, this);

        this.scalingGroupId = group.id;
        this.scaleOutRuleAri = outRule.ari;
        this.scaleInRuleAri = inRule.ari;
        this.registerOutputs({ scalingGroupId: this.scalingGroupId });
    }

    private rule(name: string, direction: string, group: alicloud.ess.ScalingGroup, action: ScalingAction): alicloud.ess.ScalingRule {
        return new alicloud.ess.ScalingRule(
            `${name}-rule-${direction}`,
            scalingRuleArgs(name, direction, group.id, action),
            { parent: this },
        );
    }

    /**
     * A scale-out alarm task on one condition (essScaleOutAlarms): the metric, its threshold and
     * comparison at the top level (a step rule picks its step from the one threshold and the metric
     * value), the action's period, the alarm's consecutive periods.
     */
    private scaleOutAlarm(name: string, group: alicloud.ess.ScalingGroup, out: ScalingAction, a: EssScaleOutAlarm, rule: alicloud.ess.ScalingRule, monitorGroupId: pulumi.Input<number>): void {
        new alicloud.ess.Alarm(
            `${name}-alarm-${a.key}`,
            {
                name: `${name}-${a.key}`,
                description: `${a.condition.metric} > ${a.condition.threshold}${a.steps ? ", step rule over the bands" : ""} (scale out: connections OR CPU)`,
                scalingGroupId: group.id,
                alarmActions: [rule.ari],
                metricType: ESS_APP_METRIC_TYPE,
                cloudMonitorGroupId: monitorGroupId,
                metricName: ESS_METRIC[a.condition.metric],
                comparisonOperator: a.condition.comparison === "greaterThan" ? ">" : "<",
                threshold: String(a.condition.threshold),
                statistics: "Average",
                period: out.periodSeconds,
                evaluationCount: a.evaluationCount,
                enable: true,
            },
            { parent: this },
        );
    }

    /**
     * The app servers' identity: a RAM role the ECS service assumes (ecsTrustPolicy), with
     * a custom policy allowing exactly cms:PutCustomMetric attached (policyType "Custom":
     * ram.RolePolicyAttachment docstring "Custom: Custom policy").
     */
    private publisherIdentity(name: string, tags: Record<string, string>): alicloud.ram.Role {
        const role = new alicloud.ram.Role(
            `${name}-role`,
            { roleName: `${name}-metrics`, assumeRolePolicyDocument: ecsTrustPolicy(), description: "live-commerce app servers: publish the connection metric", tags },
            { parent: this },
        );
        const policy = new alicloud.ram.Policy(`${name}-publish-metrics`, { policyName: `${name}-publish-metrics`, policyDocument: publishPolicy(), description: "cms:PutCustomMetric for the app servers" }, { parent: this });
        new alicloud.ram.RolePolicyAttachment(`${name}-publish-metrics`, { roleName: role.roleName, policyName: policy.policyName, policyType: "Custom" }, { parent: this });
        return role;
    }

    /** One alarm per direction; its expressions are joined by OR (`any`) or AND (`all`). */
    private alarm(name: string, direction: string, group: alicloud.ess.ScalingGroup, action: ScalingAction, rule: alicloud.ess.ScalingRule, monitorGroupId: pulumi.Input<number>): void {
        new alicloud.ess.Alarm(
            `${name}-alarm-${direction}`,
            {
                name: `${name}-${direction}`,
                description: action.conditions.map((c) => `${c.metric} ${c.comparison === "greaterThan" ? ">" : "<"} ${c.threshold}`).join(action.combine === "any" ? " OR " : " AND "),
                scalingGroupId: group.id,
                alarmActions: [rule.ari],
                metricType: ESS_APP_METRIC_TYPE,
                cloudMonitorGroupId: monitorGroupId,
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
