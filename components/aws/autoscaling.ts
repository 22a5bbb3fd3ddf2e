import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import {
    AWS_DEFAULT_IMAGE,
    EC2_CATALOGUE,
    RegionSpec,
    SCALING_ALARM_THRESHOLD,
    ScalingAction,
    StackSpec,
    eventSchedule,
    instanceTypeFor,
    scalingActions,
    scalingDescription,
    scalingQueries,
} from "../model";

export interface AutoScalingArgs {
    readonly spec: StackSpec;
    readonly region: RegionSpec;
    /** One private subnet per zone: the group spans every zone. */
    readonly privateSubnetIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly targetGroupArns: pulumi.Input<string>[];
    readonly tags: Record<string, string>;
}

/** Root volume of an app server. */
const ROOT_VOLUME = { deviceName: "/dev/xvda", sizeGiB: 30 } as const;
/** Instances a rolling update keeps in service, in percent of the group. */
export const ROLLING_MIN_HEALTHY_PERCENT = 90;

/**
 * The app tier: a launch template (IMDSv2 only, encrypted gp3 root volume) and an Auto Scaling
 * group over every zone with ELB health checks and rolling instance refresh. Metric scaling by two
 * metric-math alarms (scale out on connections OR CPU, scale in on connections AND CPU) driving
 * step policies; planned live events as one-off scheduled actions.
 */
export class AutoScaling extends pulumi.ComponentResource {
    readonly groupName: pulumi.Output<string>;
    readonly groupArn: pulumi.Output<string>;
    readonly launchTemplateId: pulumi.Output<string>;

    constructor(name: string, args: AutoScalingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:AutoScaling", name, {}, opts);
        const { spec, tags } = args;
        const app = spec.app;
        const template = new aws.ec2.LaunchTemplate(
            `${name}-launch-template`,
            {
                imageId: app.imageId ?? AWS_DEFAULT_IMAGE,
                instanceType: instanceTypeFor(EC2_CATALOGUE, app.size),
                vpcSecurityGroupIds: [args.securityGroupId],
                metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1 },
                blockDeviceMappings: [
                    { deviceName: ROOT_VOLUME.deviceName, ebs: { encrypted: "true", volumeType: "gp3", volumeSize: ROOT_VOLUME.sizeGiB, deleteOnTermination: "true" } },
                ],
                monitoring: { enabled: true },
                updateDefaultVersion: true,
                tagSpecifications: [
                    { resourceType: "instance", tags },
                    { resourceType: "volume", tags },
                ],
                tags,
            },
            { parent: this },
        );
        const group = new aws.autoscaling.Group(
            `${name}-group`,
            {
                vpcZoneIdentifiers: args.privateSubnetIds,
                minSize: app.minSize,
                maxSize: app.maxSize,
                healthCheckType: "ELB",
                healthCheckGracePeriod: app.healthCheckGracePeriodSeconds,
                defaultInstanceWarmup: app.healthCheckGracePeriodSeconds,
                targetGroupArns: args.targetGroupArns,
                capacityRebalance: true,
                launchTemplate: { id: template.id, version: template.latestVersion.apply(String) },
                instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: ROLLING_MIN_HEALTHY_PERCENT } },
                enabledMetrics: ["GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances", "GroupPendingInstances", "GroupTerminatingInstances"],
                metricsGranularity: "1Minute",
                tags: Object.entries({ ...tags, Name: name }).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
            },
            { parent: this },
        );

        const actions = scalingActions(spec);
        for (const action of [actions.out, actions.in]) this.scalingPolicy(name, group, action, app.healthCheckGracePeriodSeconds, tags);

        // eventSchedule gives each action's instant in UTC ("...Z"). AWS reads startTime as UTC only
        // while timeZone is unset (timeZone names the zone a schedule is read in), so timeZone stays
        // unset: the event's announced zone (event.timeZone) must not shift an absolute instant.
        for (const s of eventSchedule(spec, args.region)) {
            new aws.autoscaling.Schedule(
                `${name}-schedule-${s.key}`,
                {
                    autoscalingGroupName: group.name,
                    scheduledActionName: s.key,
                    startTime: s.at,
                    minSize: s.minSize,
                    maxSize: s.maxSize,
                    desiredCapacity: s.desiredCapacity,
                },
                { parent: this },
            );
        }

        this.groupName = group.name;
        this.groupArn = group.arn;
        this.launchTemplateId = template.id;
        this.registerOutputs({ groupName: this.groupName, groupArn: this.groupArn });
    }

    private scalingPolicy(name: string, group: aws.autoscaling.Group, action: ScalingAction, warmupSeconds: number, tags: Record<string, string>): void {
        const percent = action.adjustment.kind === "percentChange";
        const policy = new aws.autoscaling.Policy(
            `${name}-scale-${action.direction}`,
            {
                autoscalingGroupName: group.name,
                policyType: "StepScaling",
                adjustmentType: percent ? "PercentChangeInCapacity" : "ChangeInCapacity",
                // MinAdjustmentMagnitude is valid with PercentChangeInCapacity only.
                minAdjustmentMagnitude: percent ? action.minAdjustmentMagnitude : undefined,
                metricAggregationType: "Maximum",
                estimatedInstanceWarmup: warmupSeconds,
                stepAdjustments: [{ metricIntervalLowerBound: "0", scalingAdjustment: action.adjustment.value }],
            },
            { parent: this },
        );
        new aws.cloudwatch.MetricAlarm(
            `${name}-scale-${action.direction}-alarm`,
            {
                alarmDescription: scalingDescription(action),
                comparisonOperator: "GreaterThanOrEqualToThreshold",
                threshold: SCALING_ALARM_THRESHOLD,
                evaluationPeriods: action.evaluationPeriods,
                metricQueries: group.name.apply((groupName) => scalingQueries(action, groupName)),
                treatMissingData: "notBreaching",
                alarmActions: [policy.arn],
                tags,
            },
            { parent: this },
        );
    }
}
