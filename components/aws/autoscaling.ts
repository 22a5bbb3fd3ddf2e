import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    SURGE_FACTOR,
    publisherUserData,
    ScalingAction,
    StackSpec,
    TierSchedule,
    scheduledBounds,
    scheduledBoundsIgnoreChanges,
    instanceTypeFor,
    localCron,
    scalingActions,
    floorReleasesAhead,
} from "../model";
import { AWS_DEFAULT_IMAGE, EC2_CATALOGUE } from "./catalogue";
import { MetricQuery, publishPolicy, publisherSteps, serviceTrustPolicy, SCALING_ALARM_THRESHOLD, scaleOutRatioQueries, scaleOutSteps, scalingDescription, scalingQueries } from "./metrics";

/**
 * `-1` leaves a size unchanged in a scheduled action (the provider sends no DesiredCapacity, MinSize
 * or MaxSize then; an unset one would send 0): terraform-provider-aws
 * internal/service/autoscaling/schedule.go "we accept -1 to mean don't include this parameter", the
 * same for min_size, max_size and desired_capacity ("Set to -1 if you don't want to change the
 * minimum size at the scheduled time. Defaults to 0", aws.autoscaling.Schedule minSize).
 */
export const UNCHANGED = -1;

/** Instances the warm pool keeps prepared (stopped) beyond the running ones: up to a 10x jump of the floor. */
export function warmPoolPreparedCapacity(minSize: number, maxSize: number): number {
    return Math.min(maxSize, minSize * SURGE_FACTOR);
}

export interface AutoScalingArgs {
    /** What the group reads of the stack spec: the app's size, image, bounds and port, and the scaling rule thresholds. */
    readonly spec: Pick<StackSpec, "app" | "appPort" | "scaling">;
    /** Scheduled bounds of the app group (tierSchedule of the region, tier appGroup). */
    readonly schedule: TierSchedule;
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
    /** The EC2 instance type of the app servers (EC2_CATALOGUE of `app.size`). */
    readonly instanceType: string;
    readonly launchTemplateId: pulumi.Output<string>;

    constructor(name: string, args: AutoScalingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:AutoScaling", name, {}, opts);
        const { spec, tags } = args;
        const app = spec.app;
        this.instanceType = instanceTypeFor(EC2_CATALOGUE, app.size);
        const profile = this.publisherIdentity(name, tags);
        const template = new aws.ec2.LaunchTemplate(
            `${name}-launch-template`,
            {
                imageId: app.imageId ?? AWS_DEFAULT_IMAGE,
                instanceType: this.instanceType,
                vpcSecurityGroupIds: [args.securityGroupId],
                // The publisher reads the instance tag aws:autoscaling:groupName from the metadata
                // service: instanceMetadataTags "enabled" | "disabled" (provider docstring).
                metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "enabled" },
                // The instance profile whose role may publish the connection metric, and the user data
                // (base64, LaunchTemplate userData "The base64-encoded user data") that installs the
                // publisher (components/model/app-metrics.ts).
                iamInstanceProfile: { arn: profile.arn },
                userData: Buffer.from(publisherUserData(publisherSteps(spec.appPort))).toString("base64"),
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
        // Inside an event's raised window the up sets the raised bounds on the group itself
        // (TierSchedule.asserted): UpdateAutoScalingGroup "If you specify a new value for MinSize
        // without specifying a value for DesiredCapacity, and the new MinSize is larger than the
        // current size of the group, this sets the group's DesiredCapacity to the new MinSize value"
        // (EC2 Auto Scaling API Reference, UpdateAutoScalingGroup); terraform-provider-aws sends
        // MinSize/MaxSize only when they change (autoscaling/group.go update, d.HasChange("min_size"))
        // and never DesiredCapacity here (desiredCapacity is not declared).
        const bounds = scheduledBounds(args.schedule, app);
        const group = new aws.autoscaling.Group(
            `${name}-group`,
            {
                vpcZoneIdentifiers: args.privateSubnetIds,
                minSize: bounds.minSize,
                maxSize: bounds.maxSize,
                healthCheckType: "ELB",
                healthCheckGracePeriod: app.healthCheckGracePeriodSeconds,
                defaultInstanceWarmup: app.healthCheckGracePeriodSeconds,
                targetGroupArns: args.targetGroupArns,
                capacityRebalance: true,
                // No capacity waiting: terraform-provider-aws waits after creation, and after any
                // update that changes minSize (an up asserting an event's floor, the released bounds),
                // for that many healthy InService instances, up to waitForCapacityTimeout (default
                // "10m"), and fails the up on a failed scaling activity (insufficient capacity in a
                // zone) or the timeout: a deploy during an event would wait for, or be blocked by,
                // instances the group adds anyway. "Setting this to "0" causes the provider to skip
                // all Capacity Waiting behavior" (aws.autoscaling.Group waitForCapacityTimeout
                // docstring, "Waiting for ASG Capacity"). The time to peak is the simulation's.
                waitForCapacityTimeout: "0",
                launchTemplate: { id: template.id, version: template.latestVersion.apply(String) },
                instanceRefresh: { strategy: "Rolling", preferences: { minHealthyPercentage: ROLLING_MIN_HEALTHY_PERCENT } },
                // Stopped, initialised instances to start instead of launching; scale-in returns
                // instances to the pool (WarmPoolConfiguration: PoolState Stopped, MaxGroupPreparedCapacity).
                warmPool: {
                    poolState: "Stopped",
                    minSize: 0,
                    maxGroupPreparedCapacity: warmPoolPreparedCapacity(app.minSize, app.maxSize),
                    instanceReusePolicy: { reuseOnScaleIn: true },
                },
                enabledMetrics: ["GroupMinSize", "GroupMaxSize", "GroupDesiredCapacity", "GroupInServiceInstances", "GroupPendingInstances", "GroupTerminatingInstances"],
                metricsGranularity: "1Minute",
                tags: Object.entries({ ...tags, Name: name }).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
            },
            // The scheduled actions own the bounds while there are any, except during a raised window
            // (scheduledBoundsIgnoreChanges).
            { parent: this, ignoreChanges: scheduledBoundsIgnoreChanges(args.schedule, ["minSize", "maxSize"]) },
        );

        const actions = scalingActions(spec);
        this.scaleOutPolicy(name, group, actions.out, app.healthCheckGracePeriodSeconds, tags);
        this.scaleInPolicy(name, group, actions.in, tags);

        // Scheduled actions set bounds only: desiredCapacity -1 leaves the running capacity to the
        // metric rules, so a release never jumps the group to its minimum. One-off actions run at
        // a UTC instant (startTime "YYYY-MM-DDThh:mm:ssZ", timeZone unset); recurring ones run on a
        // cron in the peak's own IANA zone (TimeZone), which follows daylight-saving changes.
        for (const a of args.schedule.oneOff) {
            new aws.autoscaling.Schedule(
                `${name}-schedule-${a.key}`,
                { autoscalingGroupName: group.name, scheduledActionName: a.key, startTime: a.at, minSize: a.minSize, maxSize: a.maxSize, desiredCapacity: UNCHANGED },
                { parent: this },
            );
        }
        // A drained event's raised ceiling goes back by an action that sets MaxSize alone (CeilingLowering):
        // MinSize -1 leaves the floor in force (a recurring peak's, the released one).
        for (const a of args.schedule.lowerings ?? []) {
            new aws.autoscaling.Schedule(
                `${name}-schedule-${a.key}`,
                { autoscalingGroupName: group.name, scheduledActionName: a.key, startTime: a.at, minSize: UNCHANGED, maxSize: a.maxSize, desiredCapacity: UNCHANGED },
                { parent: this },
            );
        }
        // The release of an event whose audience no longer lifts the group lowers the floor alone
        // (FloorRelease): MaxSize -1 leaves the ceiling in force.
        for (const a of floorReleasesAhead(args.schedule)) {
            new aws.autoscaling.Schedule(
                `${name}-schedule-${a.key}`,
                { autoscalingGroupName: group.name, scheduledActionName: a.key, startTime: a.at, minSize: a.minSize, maxSize: UNCHANGED, desiredCapacity: UNCHANGED },
                { parent: this },
            );
        }
        for (const a of args.schedule.recurring) {
            new aws.autoscaling.Schedule(
                `${name}-schedule-${a.key}`,
                { autoscalingGroupName: group.name, scheduledActionName: a.key, recurrence: localCron(a), timeZone: a.timeZone, minSize: a.minSize, maxSize: a.maxSize, desiredCapacity: UNCHANGED },
                { parent: this },
            );
        }

        this.groupName = group.name;
        this.groupArn = group.arn;
        this.launchTemplateId = template.id;
        this.registerOutputs({ groupName: this.groupName, groupArn: this.groupArn });
    }

    /**
     * The app servers' identity: an IAM role EC2 assumes, allowed exactly cloudwatch:PutMetricData
     * into the app namespace (publishPolicy), and its instance profile.
     */
    private publisherIdentity(name: string, tags: Record<string, string>): aws.iam.InstanceProfile {
        const role = new aws.iam.Role(`${name}-role`, { assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"), description: "live-commerce app servers: publish the connection metric", tags }, { parent: this });
        new aws.iam.RolePolicy(`${name}-publish-metrics`, { role: role.name, policy: publishPolicy() }, { parent: this });
        return new aws.iam.InstanceProfile(`${name}-profile`, { role: role.name, tags }, { parent: this });
    }

    /**
     * Scale out: one step policy on the breach ratio (connections OR CPU over threshold), its steps
     * proportional to the breach (scaleOutSteps), percent of the group with a minimum magnitude.
     */
    private scaleOutPolicy(name: string, group: aws.autoscaling.Group, action: ScalingAction, warmupSeconds: number, tags: Record<string, string>): void {
        this.stepPolicy(name, group, action, tags, {
            estimatedInstanceWarmup: warmupSeconds,
            stepAdjustments: scaleOutSteps(action),
            comparisonOperator: "GreaterThanThreshold",
            queries: (groupName) => scaleOutRatioQueries(action, { kind: "autoScalingGroup", name: groupName }),
        });
    }

    /** Scale in: the AND alarm (1 while every condition holds) removing a percent of the group per step. */
    private scaleInPolicy(name: string, group: aws.autoscaling.Group, action: ScalingAction, tags: Record<string, string>): void {
        this.stepPolicy(name, group, action, tags, {
            stepAdjustments: [{ metricIntervalLowerBound: "0", scalingAdjustment: action.adjustment.value }],
            comparisonOperator: "GreaterThanOrEqualToThreshold",
            queries: (groupName) => scalingQueries(action, { kind: "autoScalingGroup", name: groupName }),
        });
    }

    /** A percent step policy (MinAdjustmentMagnitude is valid with PercentChangeInCapacity only) and the metric-math alarm driving it. */
    private stepPolicy(
        name: string,
        group: aws.autoscaling.Group,
        action: ScalingAction,
        tags: Record<string, string>,
        how: {
            estimatedInstanceWarmup?: number;
            stepAdjustments: aws.types.input.autoscaling.PolicyStepAdjustment[];
            comparisonOperator: string;
            queries: (groupName: string) => MetricQuery[];
        },
    ): void {
        const policy = new aws.autoscaling.Policy(
            `${name}-scale-${action.direction}`,
            {
                autoscalingGroupName: group.name,
                policyType: "StepScaling",
                adjustmentType: "PercentChangeInCapacity",
                minAdjustmentMagnitude: action.minAdjustmentMagnitude,
                metricAggregationType: "Maximum",
                estimatedInstanceWarmup: how.estimatedInstanceWarmup,
                stepAdjustments: how.stepAdjustments,
            },
            { parent: this },
        );
        new aws.cloudwatch.MetricAlarm(
            `${name}-scale-${action.direction}-alarm`,
            {
                alarmDescription: scalingDescription(action),
                comparisonOperator: how.comparisonOperator,
                threshold: SCALING_ALARM_THRESHOLD,
                evaluationPeriods: action.evaluationPeriods,
                metricQueries: group.name.apply(how.queries),
                treatMissingData: "notBreaching",
                alarmActions: [policy.arn],
                tags,
            },
            { parent: this },
        );
    }
}
