import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import {
    RUN_AS_USER,
    RegionSpec,
    ScalingAction,
    ServerlessUnitPlan,
    ServiceName,
    StackSpec,
    planServerlessUnits,
    scalingActions,
    unitSchedule,
    serviceImage,
} from "../model";
import { scheduledActions } from "./scaling-rule";
import { SCALING_ALARM_THRESHOLD, ScalingScope, scaleOutRatioQueries, scaleOutSteps, scalingDescription, scalingQueries } from "./metrics";

export interface FargateServicesArgs {
    readonly spec: StackSpec;
    readonly region: RegionSpec;
    /** One private subnet per zone: the tasks spread over all of them. */
    readonly privateSubnetIds: pulumi.Input<string>[];
    /** The app security group (the app port from the load balancer only; the data tier admits it). */
    readonly securityGroupId: pulumi.Input<string>;
    /** Target group (type ip) of each service's route. */
    readonly targetGroupArns: Readonly<Record<ServiceName, pulumi.Input<string>>>;
    readonly endpoints: {
        readonly databaseHost: pulumi.Input<string>;
        readonly databaseReaderHost: pulumi.Input<string> | null;
        readonly redisHost: pulumi.Input<string>;
        readonly kafkaBrokers: pulumi.Input<string> | null;
    };
    /** The instant the timetable is planned against (epoch ms; the program passes the wall clock). */
    readonly now: number;
    readonly tags: Record<string, string>;
}

/** Application Auto Scaling names of an ECS service's desired count (PutScalingPolicy / RegisterScalableTarget). */
export const ECS_SCALING = { serviceNamespace: "ecs", scalableDimension: "ecs:service:DesiredCount" } as const;
/** Fargate CPU units per vCPU (task `cpu` "1024" is 1 vCPU) and MiB per GiB of task `memory`. */
const CPU_UNITS_PER_VCPU = 1024;
const MIB_PER_GIB = 1024;
/** Days the services' logs are kept. */
export const LOG_RETENTION_DAYS = 30;
/** AWS managed policy that lets ECS pull images and write logs for a task. */
export const TASK_EXECUTION_POLICY_ARN = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";

/**
 * The business tier on ECS with Fargate: one cluster (Container Insights on), one task definition
 * and service per business service over every zone's private subnet behind its own `ip` target
 * group, a deployment circuit breaker with rollback, and Application Auto Scaling per service:
 * step policies driven by the same metric-math alarms as the VM tier (scale out on connections OR
 * CPU, scale in on connections AND CPU) plus scheduled actions for planned events and recurring peaks.
 */
export class FargateServices extends pulumi.ComponentResource {
    readonly clusterName: pulumi.Output<string>;
    readonly serviceNames: Readonly<Record<ServiceName, pulumi.Output<string>>>;

    constructor(name: string, args: FargateServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:FargateServices", name, {}, opts);
        const { spec, region, tags } = args;
        // Named explicitly: the alarms' dimensions and the scalable target's resource id carry the names.
        const cluster = new aws.ecs.Cluster(`${name}-cluster`, { name, settings: [{ name: "containerInsights", value: "enabled" }], tags }, { parent: this });
        const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { retentionInDays: LOG_RETENTION_DAYS, tags }, { parent: this });
        const executionRole = new aws.iam.Role(
            `${name}-execution`,
            {
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
                tags,
            },
            { parent: this },
        );
        new aws.iam.RolePolicyAttachment(`${name}-execution-policy`, { role: executionRole.name, policyArn: TASK_EXECUTION_POLICY_ARN }, { parent: this });
        const environment = pulumi
            .all([args.endpoints.databaseHost, args.endpoints.databaseReaderHost ?? "", args.endpoints.redisHost, args.endpoints.kafkaBrokers ?? ""])
            .apply(([db, reader, redis, kafka]) =>
                [
                    { name: "DATABASE_HOST", value: db },
                    { name: "DATABASE_READER_HOST", value: reader },
                    { name: "REDIS_HOST", value: redis },
                    { name: "KAFKA_BROKERS", value: kafka },
                ].filter((e) => e.value !== ""),
            );

        const names = new Map<ServiceName, pulumi.Output<string>>();
        for (const unit of planServerlessUnits(spec.kubernetes.services, region)) {
            const container = unit.service;
            const taskDefinition = new aws.ecs.TaskDefinition(
                `${name}-${unit.service}-task`,
                {
                    family: `${spec.prefix}-${region.name}-${unit.service}`,
                    requiresCompatibilities: ["FARGATE"],
                    networkMode: "awsvpc",
                    cpu: String(unit.vcpu * CPU_UNITS_PER_VCPU),
                    memory: String(unit.memoryGiB * MIB_PER_GIB),
                    executionRoleArn: executionRole.arn,
                    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
                    containerDefinitions: pulumi.all([logs.name, environment]).apply(([group, env]) =>
                        JSON.stringify([
                            {
                                name: container,
                                image: serviceImage(spec.kubernetes, unit.service),
                                essential: true,
                                user: `${RUN_AS_USER}:${RUN_AS_USER}`,
                                readonlyRootFilesystem: true,
                                portMappings: [{ containerPort: spec.appPort, protocol: "tcp" }],
                                environment: env,
                                logConfiguration: { logDriver: "awslogs", options: { "awslogs-group": group, "awslogs-region": region.name, "awslogs-stream-prefix": unit.service } },
                            },
                        ]),
                    ),
                    tags: { ...tags, service: unit.service },
                },
                { parent: this },
            );
            const service = new aws.ecs.Service(
                `${name}-${unit.service}`,
                {
                    name: unit.service,
                    cluster: cluster.arn,
                    taskDefinition: taskDefinition.arn,
                    launchType: "FARGATE",
                    platformVersion: "LATEST",
                    desiredCount: unit.minInstances,
                    networkConfiguration: { subnets: args.privateSubnetIds, securityGroups: [args.securityGroupId], assignPublicIp: false },
                    loadBalancers: [{ targetGroupArn: args.targetGroupArns[unit.service], containerName: container, containerPort: spec.appPort }],
                    healthCheckGracePeriodSeconds: spec.app.healthCheckGracePeriodSeconds,
                    deploymentCircuitBreaker: { enable: true, rollback: true },
                    // Rolling deployments start new tasks before stopping old ones: capacity never dips.
                    deploymentMinimumHealthyPercent: 100,
                    deploymentMaximumPercent: 200,
                    availabilityZoneRebalancing: "ENABLED",
                    enableEcsManagedTags: true,
                    propagateTags: "SERVICE",
                    tags: { ...tags, service: unit.service },
                },
                // Application Auto Scaling owns the running count after creation.
                { parent: this, ignoreChanges: ["desiredCount"] },
            );
            names.set(unit.service, service.name);
            this.scaling(name, cluster, service, unit, args);
        }

        const nameOf = (s: ServiceName): pulumi.Output<string> => {
            const n = names.get(s);
            if (n === undefined) throw new pulumi.ResourceError(`no ECS service for ${s}`, this);
            return n;
        };
        this.clusterName = cluster.name;
        this.serviceNames = { user: nameOf("user"), product: nameOf("product"), order: nameOf("order"), interaction: nameOf("interaction") };
        this.registerOutputs({ clusterName: this.clusterName });
    }

    /** The service's scalable target, its two step policies with their alarms, and its scheduled actions. */
    private scaling(name: string, cluster: aws.ecs.Cluster, service: aws.ecs.Service, unit: ServerlessUnitPlan, args: FargateServicesArgs): void {
        const { spec, tags } = args;
        const prefix = `${name}-${unit.service}`;
        const target = new aws.appautoscaling.Target(
            `${prefix}-target`,
            { ...ECS_SCALING, resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`, minCapacity: unit.minInstances, maxCapacity: unit.maxInstances, tags },
            { parent: this },
        );
        const rules = scalingActions(spec);
        for (const action of [rules.out, rules.in]) this.stepPolicy(prefix, target, cluster, service, action, tags);
        scheduledActions(prefix, target, unitSchedule(spec, args.region, unit, args.now), (key) => `${unit.service}-${key}`, { parent: this });
    }

    /**
     * The seed's two rules on one service, as on the VM tier: scale out on the breach ratio
     * (connections OR CPU over threshold) in steps proportional to the breach, scale in on the AND
     * alarm by a percent of the service; PercentChangeInCapacity with a minimum magnitude.
     */
    private stepPolicy(prefix: string, target: aws.appautoscaling.Target, cluster: aws.ecs.Cluster, service: aws.ecs.Service, action: ScalingAction, tags: Record<string, string>): void {
        const out = action.direction === "out";
        const policy = new aws.appautoscaling.Policy(
            `${prefix}-scale-${action.direction}`,
            {
                policyType: "StepScaling",
                serviceNamespace: target.serviceNamespace,
                resourceId: target.resourceId,
                scalableDimension: target.scalableDimension,
                stepScalingPolicyConfiguration: {
                    adjustmentType: "PercentChangeInCapacity",
                    minAdjustmentMagnitude: action.minAdjustmentMagnitude,
                    cooldown: action.cooldownSeconds,
                    metricAggregationType: "Maximum",
                    stepAdjustments: out ? scaleOutSteps(action) : [{ metricIntervalLowerBound: "0", scalingAdjustment: action.adjustment.value }],
                },
            },
            { parent: this },
        );
        new aws.cloudwatch.MetricAlarm(
            `${prefix}-scale-${action.direction}-alarm`,
            {
                alarmDescription: scalingDescription(action),
                comparisonOperator: out ? "GreaterThanThreshold" : "GreaterThanOrEqualToThreshold",
                threshold: SCALING_ALARM_THRESHOLD,
                evaluationPeriods: action.evaluationPeriods,
                metricQueries: pulumi.all([cluster.name, service.name]).apply(([c, s]) => {
                    const scope: ScalingScope = { kind: "ecsService", cluster: c, service: s };
                    return out ? scaleOutRatioQueries(action, scope) : scalingQueries(action, scope);
                }),
                treatMissingData: "notBreaching",
                alarmActions: [policy.arn],
                tags,
            },
            { parent: this },
        );
    }
}
