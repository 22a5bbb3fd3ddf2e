import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    AlarmLevel,
    DATABASE_SECRET_ENV,
    RUN_AS_USER,
    SERVICE_ALARM_METRICS,
    ServiceAlarmMetric,
    RegionSpec,
    ScalingAction,
    ServerlessUnitPlan,
    ServiceCredential,
    ServiceName,
    StackSpec,
    serviceCredentials,
    serviceAlarmRules,
    planServerlessUnits,
    scalingActions,
    unitSchedule,
    unitDrain,
    serviceImage,
    scheduledBoundsIgnoreChanges,
    ANYWHERE,
    serviceDataRules,
    stackScheduleHorizon,
} from "../model";
import { AWS_PROFILE } from "./profile";
import { SCALABLE_TARGET_BOUNDS, scalableTargetBounds, scheduledActions } from "./scaling-rule";
import {
    SCALING_ALARM_THRESHOLD,
    SERVICE_ALARM_DIMENSIONS,
    ScalingScope,
    comparisonOperator,
    publishPolicy,
    scaleOutRatioQueries,
    scaleOutSteps,
    scalingDescription,
    scalingQueries,
    serviceAlarmQueries,
} from "./metrics";
import { DatabaseCredential } from "./database";
import { CREDENTIAL_KEYS, CredentialDelivery, awsPartition, containerSecrets, credentialDelivery, ecsExecutionRoleTrustPolicy, ecsTaskRoleTrustPolicy, secretReadPolicy, taskExecutionPolicyArn } from "./identity";
import { AWS_NAME_LIMITS, awsName } from "./profile";

/**
 * What the serverless tier reads of the stack spec: the name prefix (task families), the app port,
 * the services (images, sizes, task bounds), the app group's health check grace period and floor
 * (an event's need is sized against it), the scaling and alarm thresholds, the events and peaks
 * it is scheduled for, the compute and database (which tiers count against which scheduled-action
 * quota, awsScheduledTiers) and the
 * queue (whether the services that publish get the Kafka ports, serviceDataRules).
 */
export type ServerlessServicesSpec = Pick<StackSpec, "prefix" | "appPort" | "compute" | "kubernetes" | "app" | "scaling" | "monitoring" | "events" | "peaks" | "queue" | "regions" | "video" | "database">;

/** Inputs of ServerlessServices on AWS (ECS on Fargate). Every field is required. */
export interface ServerlessServicesArgs {
    readonly spec: ServerlessServicesSpec;
    /** The region: its name and zones (the tasks spread over every zone's private subnet). */
    readonly region: RegionSpec;
    /** One private subnet per zone: the tasks spread over all of them. */
    readonly privateSubnetIds: pulumi.Input<string>[];
    /** The VPC: each service's security group is created in it. */
    readonly vpcId: pulumi.Input<string>;
    /**
     * The security groups of the region's tiers: `lb` (the load balancer's: each service's group
     * admits it on the app port, and it may send there) and `data` (the data tier's: it admits each
     * service's group on that service's ports only, serviceDataRules).
     */
    readonly securityGroupIds: { readonly lb: pulumi.Input<string>; readonly data: pulumi.Input<string> };
    /** Target group (type ip) of each service's route. */
    readonly targetGroupArns: Readonly<Record<ServiceName, pulumi.Input<string>>>;
    /**
     * What each service waits for before ECS creates it: the HTTPS listener and the listener rule
     * of the service's route (LoadBalancer.routeListeners). ECS CreateService rejects a target
     * group that no listener forwards to yet ("The target group ... does not have an associated
     * load balancer", aws/aws-cdk#1160).
     */
    readonly listeners: Readonly<Record<ServiceName, readonly pulumi.Resource[]>>;
    readonly endpoints: {
        readonly databaseHost: pulumi.Input<string>;
        readonly databaseReaderHost: pulumi.Input<string> | null;
        readonly redisHost: pulumi.Input<string>;
        readonly kafkaBrokers: pulumi.Input<string> | null;
    };
    /**
     * Where the database credential comes from: the Secrets Manager secret RDS manages for the
     * master user (`secretArn`, keys `username` and `password`), or, for a global database whose
     * password RDS cannot manage, the generated password (kept secret) that this component writes
     * into a secret of its own with the same keys.
     */
    readonly databaseCredential: DatabaseCredential;
    /** The cache's AUTH token (secret): written into a secret of its own (key `password`) that the containers get as REDIS_PASSWORD. */
    readonly cacheAuthToken: pulumi.Input<string>;
    /** The per-service alarms: the SNS topic of each level, the load balancer's and each service's target group ARN suffix. */
    readonly alarms: {
        readonly topicArns: Readonly<Record<AlarmLevel, pulumi.Input<string>>>;
        readonly loadBalancerArnSuffix: pulumi.Input<string>;
        readonly targetGroupArnSuffixes: Readonly<Record<ServiceName, pulumi.Input<string>>>;
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

/**
 * The business tier on ECS with Fargate: one cluster (Container Insights on), one task definition
 * and service per business service over every zone's private subnet behind its own `ip` target
 * group, a deployment circuit breaker with rollback, and Application Auto Scaling per service:
 * step policies driven by the same metric-math alarms as the VM tier (scale out on connections OR
 * CPU, scale in on connections AND CPU) plus scheduled actions for planned events and recurring peaks;
 * per service an execution role that reads exactly the secrets of that service's credentials
 * (serviceCredentials: the interaction service gets no database credential) and a task role that
 * may only publish the connection metric, and three-level alarms per service.
 */
export class ServerlessServices extends pulumi.ComponentResource {
    readonly clusterName: pulumi.Output<string>;
    readonly serviceNames: Readonly<Record<ServiceName, pulumi.Output<string>>>;

    constructor(name: string, args: ServerlessServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        // Type token renamed from FargateServices (the same role on both clouds): the alias keeps the URNs of deployed stacks.
        super("live-commerce:aws:ServerlessServices", name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: "live-commerce:aws:FargateServices" }] });
        const { spec, region, tags } = args;
        // Named explicitly: the alarms' dimensions and the scalable target's resource id carry the names.
        const cluster = new aws.ecs.Cluster(`${name}-cluster`, { name, settings: [{ name: "containerInsights", value: "enabled" }], tags }, { parent: this });
        const logs = new aws.cloudwatch.LogGroup(`${name}-logs`, { retentionInDays: LOG_RETENTION_DAYS, tags }, { parent: this });
        const secretArns = this.credentialSecrets(name, args);
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
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
            const credentials = serviceCredentials(unit.service);
            // The RDS-managed secret rotates: the app reads it with its task role (credentialDelivery).
            const delivery = credentialDelivery(credentials, "secretArn" in args.databaseCredential);
            const { executionRole, taskRole } = this.serviceIdentity(name, unit.service, delivery, secretArns, account, args);
            const taskDefinition = new aws.ecs.TaskDefinition(
                `${name}-${unit.service}-task`,
                {
                    family: `${spec.prefix}-${region.name}-${unit.service}`,
                    requiresCompatibilities: ["FARGATE"],
                    networkMode: "awsvpc",
                    cpu: String(unit.vcpu * CPU_UNITS_PER_VCPU),
                    memory: String(unit.memoryGiB * MIB_PER_GIB),
                    executionRoleArn: executionRole.arn,
                    taskRoleArn: taskRole.arn,
                    runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" },
                    containerDefinitions: pulumi.all([logs.name, environment, secretArns]).apply(([group, env, arns]) =>
                        JSON.stringify([
                            {
                                name: container,
                                image: serviceImage(spec.kubernetes, unit.service),
                                essential: true,
                                user: `${RUN_AS_USER}:${RUN_AS_USER}`,
                                readonlyRootFilesystem: true,
                                portMappings: [{ containerPort: spec.appPort, protocol: "tcp" }],
                                environment: [...env, ...(delivery.readByTask.includes("database") ? [{ name: DATABASE_SECRET_ENV, value: arns.database }] : [])],
                                // Injected by ECS from Secrets Manager with the execution role: never in the task definition.
                                secrets: containerSecrets(delivery.injected, arns),
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
                    networkConfiguration: { subnets: args.privateSubnetIds, securityGroups: [this.serviceSecurityGroup(name, unit.service, args).id], assignPublicIp: false },
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
                // Application Auto Scaling owns the running count after creation; the target group
                // must be behind the listener before ECS accepts it (FargateServicesArgs.listeners).
                { parent: this, ignoreChanges: ["desiredCount"], dependsOn: [...args.listeners[unit.service]] },
            );
            names.set(unit.service, service.name);
            this.scaling(name, cluster, service, unit, args);
            this.serviceAlarms(name, cluster, service, unit.service, args);
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

    /**
     * The security group of one service's tasks (least access, serviceDataRules): the app port from
     * the load balancer only; the data tier admits it on the ports the service uses and no others
     * (the interaction service reaches no MySQL); outbound through NAT (image pulls, AWS APIs).
     * A group created by the provider has no egress rule ("Terraform will remove this default
     * rule", aws_security_group), so each direction is declared.
     */
    private serviceSecurityGroup(name: string, service: ServiceName, args: ServerlessServicesArgs): aws.ec2.SecurityGroup {
        const { spec, tags } = args;
        const base = `${name}-${service}-sg`;
        const sg = new aws.ec2.SecurityGroup(base, { name: `${name}-${service}`, description: `live-commerce ${service} service tasks`, vpcId: args.vpcId, revokeRulesOnDelete: true, tags: { ...tags, Name: `${name}-${service}`, service } }, { parent: this });
        const app = { ipProtocol: "tcp", fromPort: spec.appPort, toPort: spec.appPort, tags };
        new aws.vpc.SecurityGroupIngressRule(`${base}-from-lb`, { ...app, securityGroupId: sg.id, referencedSecurityGroupId: args.securityGroupIds.lb, description: "app traffic from the load balancer" }, { parent: this });
        new aws.vpc.SecurityGroupEgressRule(`${base}-lb-egress`, { ...app, securityGroupId: args.securityGroupIds.lb, referencedSecurityGroupId: sg.id, description: `to the ${service} service` }, { parent: this });
        new aws.vpc.SecurityGroupEgressRule(`${base}-egress-all`, { securityGroupId: sg.id, ipProtocol: "-1", cidrIpv4: ANYWHERE, description: "outbound through NAT", tags }, { parent: this });
        for (const rule of serviceDataRules(spec, service)) {
            new aws.vpc.SecurityGroupIngressRule(
                `${base}-data-${rule.fromPort}`,
                { securityGroupId: args.securityGroupIds.data, ipProtocol: "tcp", fromPort: rule.fromPort, toPort: rule.toPort, referencedSecurityGroupId: sg.id, description: rule.description, tags },
                { parent: this },
            );
        }
        return sg;
    }

    /**
     * The secret of each credential: the database's (the Secrets Manager secret RDS manages for the
     * master user, or, for a global database, one this component writes with the same keys) and
     * the cache AUTH token's (key `password`).
     */
    private credentialSecrets(name: string, args: ServerlessServicesArgs): pulumi.Output<Record<ServiceCredential, string>> {
        const { tags } = args;
        const credential = args.databaseCredential;
        const database =
            "secretArn" in credential
                ? pulumi.output(credential.secretArn)
                : this.credentialSecret(`${name}-database-credential`, "database credential", { [CREDENTIAL_KEYS.username]: credential.username, [CREDENTIAL_KEYS.password]: credential.password }, tags);
        const cache = this.credentialSecret(`${name}-cache-token`, "cache AUTH token", { [CREDENTIAL_KEYS.password]: args.cacheAuthToken }, tags);
        return pulumi.all([database, cache]).apply(([d, c]): Record<ServiceCredential, string> => ({ database: d, cache: c }));
    }

    /**
     * One service's two identities (ECS Developer Guide, "Amazon ECS task execution IAM role" and
     * "Amazon ECS task IAM role"). The execution role, used by ECS itself, pulls the image and writes
     * the logs (AmazonECSTaskExecutionRolePolicy in the region's partition) and reads exactly the
     * secrets ECS injects (`delivery.injected`; secretReadPolicy, no policy when there is none); the
     * task role, used by the app, may publish the connection metric into the app namespace
     * (publishPolicy) and read exactly the secrets the app reads itself (`delivery.readByTask`: the
     * rotating RDS-managed database secret, named by DATABASE_SECRET_ARN; policy
     * `<task role>-database-secret`), and only tasks of this account may assume it. Logical names are
     * `<name>-<service>-execution` and `<name>-<service>-task-role`, cut with a hash (awsName) so the
     * auto-named role stays within IAM's 64 characters.
     */
    private serviceIdentity(
        name: string,
        service: ServiceName,
        delivery: CredentialDelivery,
        secretArns: pulumi.Output<Record<ServiceCredential, string>>,
        account: pulumi.Output<string>,
        args: ServerlessServicesArgs,
    ): { executionRole: aws.iam.Role; taskRole: aws.iam.Role } {
        const { tags, region } = args;
        const parent = { parent: this };
        const partition = awsPartition(region.name);
        const serviceTags = { ...tags, service };
        const executionName = awsName(`${name}-${service}`, "execution", AWS_NAME_LIMITS.iamRoleLogical);
        const executionRole = new aws.iam.Role(executionName, { assumeRolePolicy: ecsExecutionRoleTrustPolicy(), tags: serviceTags }, parent);
        new aws.iam.RolePolicyAttachment(`${executionName}-policy`, { role: executionRole.name, policyArn: taskExecutionPolicyArn(partition) }, parent);
        if (delivery.injected.length > 0) {
            new aws.iam.RolePolicy(`${executionName}-secrets`, { role: executionRole.name, policy: secretArns.apply((arns) => secretReadPolicy(delivery.injected.map((c) => arns[c]))) }, parent);
        }
        const taskName = awsName(`${name}-${service}`, "task-role", AWS_NAME_LIMITS.iamRoleLogical);
        const taskRole = new aws.iam.Role(taskName, { assumeRolePolicy: account.apply((id) => ecsTaskRoleTrustPolicy(id, region.name, partition)), tags: serviceTags }, parent);
        new aws.iam.RolePolicy(`${taskName}-publish`, { role: taskRole.name, policy: publishPolicy() }, parent);
        if (delivery.readByTask.length > 0) {
            new aws.iam.RolePolicy(`${taskName}-database-secret`, { role: taskRole.name, policy: secretArns.apply((arns) => secretReadPolicy(delivery.readByTask.map((c) => arns[c]))) }, parent);
        }
        return { executionRole, taskRole };
    }

    /** A Secrets Manager secret of the program's own holding `values` (a JSON object, kept secret in state and plan); its ARN. */
    private credentialSecret(name: string, what: string, values: Readonly<Record<string, pulumi.Input<string>>>, tags: Record<string, string>): pulumi.Output<string> {
        const secret = new aws.secretsmanager.Secret(name, { description: `${name}: ${what}`, tags }, { parent: this });
        new aws.secretsmanager.SecretVersion(
            name,
            { secretId: secret.id, secretString: pulumi.secret(pulumi.output(values).apply((v) => JSON.stringify(v))) },
            { parent: this, additionalSecretOutputs: ["secretString"] },
        );
        return secret.arn;
    }

    /** Three-level alarms of one service (serviceAlarmRules) on its CPU, memory, unhealthy targets and 5xx share, to each level's SNS topic. */
    private serviceAlarms(name: string, cluster: aws.ecs.Cluster, service: aws.ecs.Service, serviceName: ServiceName, args: ServerlessServicesArgs): void {
        const { alarms, tags } = args;
        // Each alarm waits only for the dimensions it reads: the ECS names are known in a first
        // preview, the target group's ARN suffix is not.
        const dimensions = (metric: ServiceAlarmMetric): pulumi.Output<Readonly<Record<string, string>>> =>
            SERVICE_ALARM_DIMENSIONS[metric] === "service"
                ? pulumi.all([cluster.name, service.name]).apply(([c, s]): Readonly<Record<string, string>> => ({ ClusterName: c, ServiceName: s }))
                : pulumi.all([alarms.targetGroupArnSuffixes[serviceName], alarms.loadBalancerArnSuffix]).apply(([t, l]): Readonly<Record<string, string>> => ({ TargetGroup: t, LoadBalancer: l }));
        for (const rule of serviceAlarmRules(args.spec, [serviceName], SERVICE_ALARM_METRICS)) {
            const topic = alarms.topicArns[rule.level];
            new aws.cloudwatch.MetricAlarm(
                `${name}-${rule.key}`,
                {
                    alarmDescription: rule.description,
                    comparisonOperator: comparisonOperator(rule),
                    threshold: rule.threshold,
                    evaluationPeriods: rule.evaluationPeriods,
                    metricQueries: dimensions(rule.metric).apply((d) => serviceAlarmQueries(rule, d)),
                    treatMissingData: "missing",
                    alarmActions: [topic],
                    okActions: [topic],
                    tags: { ...tags, level: rule.level, service: serviceName },
                },
                { parent: this },
            );
        }
    }

    /** The service's scalable target, its two step policies with their alarms, and its scheduled actions. */
    private scaling(name: string, cluster: aws.ecs.Cluster, service: aws.ecs.Service, unit: ServerlessUnitPlan, args: ServerlessServicesArgs): void {
        const { spec, tags } = args;
        const prefix = `${name}-${unit.service}`;
        const schedule = unitSchedule(spec, args.region, unit, args.now, stackScheduleHorizon(spec, AWS_PROFILE.scheduleHorizon), AWS_PROFILE.eventLimit(spec, args.now), unitDrain(spec, AWS_PROFILE, unit));
        const target = new aws.appautoscaling.Target(
            `${prefix}-target`,
            { ...ECS_SCALING, resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`, ...scalableTargetBounds(schedule, { minSize: unit.minInstances, maxSize: unit.maxInstances }), tags },
            // The scheduled actions own the bounds while there are any (scheduledBoundsIgnoreChanges).
            { parent: this, ignoreChanges: scheduledBoundsIgnoreChanges(schedule, SCALABLE_TARGET_BOUNDS) },
        );
        const rules = scalingActions(spec);
        for (const action of [rules.out, rules.in]) this.stepPolicy(prefix, target, cluster, service, action, tags);
        scheduledActions(prefix, target, schedule, (key) => `${unit.service}-${key}`, { parent: this });
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

/** @deprecated Renamed ServerlessServices (the same name on both clouds). */
export const FargateServices = ServerlessServices;
/** @deprecated Renamed ServerlessServicesArgs. */
export type FargateServicesArgs = ServerlessServicesArgs;
