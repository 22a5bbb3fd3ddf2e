import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { TierSchedule, applicationAutoScalingAt, applicationAutoScalingCron } from "../model";

export interface ReadCapacityArgs {
    /** Identifier of the Aurora cluster (the resource id is `cluster:<identifier>`). */
    readonly clusterIdentifier: string;
    /** Readers the cluster keeps (its reader instances) and the most Application Auto Scaling may add up to. */
    readonly minReaders: number;
    readonly maxReaders: number;
    /** CPU of the readers the target-tracking policy holds, in percent (the scale-out CPU threshold). */
    readonly targetCpuPercent: number;
    /** Scheduled bounds of the readers (tierSchedule of the region, tier readReplicas). */
    readonly schedule: TierSchedule;
    /** The cluster's reader instances: the target is registered after them. */
    readonly dependsOn: pulumi.Resource[];
    readonly tags: Record<string, string>;
}

const NAMESPACE = "rds";
const DIMENSION = "rds:cluster:ReadReplicaCount";

/**
 * Aurora read capacity on a timetable: the cluster's Aurora Replica count as an Application Auto
 * Scaling target (`rds:cluster:ReadReplicaCount`), scheduled actions raising and lowering its
 * minimum for events and peaks (bounds only, like the app group), and a target-tracking policy on
 * the readers' average CPU that adds replicas for unplanned load and removes the scheduled ones
 * after a release.
 */
export class ReadCapacity extends pulumi.ComponentResource {
    constructor(name: string, args: ReadCapacityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:ReadCapacity", name, {}, opts);
        const resourceId = `cluster:${args.clusterIdentifier}`;
        const target = new aws.appautoscaling.Target(
            `${name}-target`,
            { serviceNamespace: NAMESPACE, scalableDimension: DIMENSION, resourceId, minCapacity: args.minReaders, maxCapacity: args.maxReaders, tags: args.tags },
            { parent: this, dependsOn: args.dependsOn },
        );
        const common = { serviceNamespace: target.serviceNamespace, scalableDimension: target.scalableDimension, resourceId: target.resourceId };
        new aws.appautoscaling.Policy(
            `${name}-cpu`,
            {
                ...common,
                policyType: "TargetTrackingScaling",
                targetTrackingScalingPolicyConfiguration: {
                    predefinedMetricSpecification: { predefinedMetricType: "RDSReaderAverageCPUUtilization" },
                    targetValue: args.targetCpuPercent,
                    scaleOutCooldown: 300,
                    scaleInCooldown: 600,
                },
            },
            { parent: this },
        );
        for (const a of args.schedule.oneOff) {
            new aws.appautoscaling.ScheduledAction(
                `${name}-schedule-${a.key}`,
                { ...common, name: a.key, schedule: applicationAutoScalingAt(a.at), scalableTargetAction: { minCapacity: a.minSize, maxCapacity: a.maxSize } },
                { parent: this },
            );
        }
        for (const a of args.schedule.recurring) {
            new aws.appautoscaling.ScheduledAction(
                `${name}-schedule-${a.key}`,
                { ...common, name: a.key, schedule: applicationAutoScalingCron(a), timezone: a.timeZone, scalableTargetAction: { minCapacity: a.minSize, maxCapacity: a.maxSize } },
                { parent: this },
            );
        }
        this.registerOutputs({});
    }
}
