import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { DATA_PORTS, TierSchedule, scheduledBoundsIgnoreChanges } from "../model";
import { DatabaseLayout } from "./catalogue";
import { SCALABLE_TARGET_BOUNDS, scalableTargetBounds, scheduledActions } from "./scaling-rule";

/** The instance class of Aurora Serverless v2 (aws_rds_cluster_instance `instance_class`: "For Aurora Serverless v2 use db.serverless"). */
export const AURORA_SERVERLESS_CLASS = "db.serverless";

export interface DatabaseArgs {
    /** RDS MySQL or Aurora MySQL, class and zones, from databaseLayout() in ./catalogue. */
    readonly layout: DatabaseLayout;
    /** Identifier of the primary instance or cluster (<= 63 characters); replicas append -replica-i / -instance-i. */
    readonly identifier: string;
    readonly storageGiB: number;
    readonly backupRetentionDays: number;
    readonly privateSubnetIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly tags: Record<string, string>;
    /**
     * Membership of an Aurora global database: the primary writes, and the global cluster is
     * created from it afterwards (`sourceDbClusterIdentifier`), so a regional cluster joins in place;
     * a secondary replicates the primary's storage, takes no credentials of its own and forwards
     * writes to the primary. Defaults to none: a regional cluster (or instance) of its own.
     */
    readonly global?: GlobalMembership;
}

/**
 * The primary of a global database, or a secondary joining the global cluster
 * `globalClusterIdentifier`; `masterPassword` is the secret master password of the global database
 * (set on the primary; secondaries use the primary's).
 */
export type GlobalMembership =
    | { readonly role: "primary"; readonly masterPassword: pulumi.Input<string> }
    | { readonly role: "secondary"; readonly globalClusterIdentifier: pulumi.Input<string>; readonly masterPassword: pulumi.Input<string>; readonly dependsOn: pulumi.Resource[] };

const MASTER_USERNAME = "admin";

/** A database credential: a secret RDS manages (`secretArn`), or a user name and a secret password. */
export type DatabaseCredential = { readonly secretArn: pulumi.Input<string> } | { readonly username: string; readonly password: pulumi.Input<string> };
/** The app's schema; Alibaba Cloud names it `commerce`, and neither changes on a deployed stack (docs/CLOUDS.md). */
const DATABASE_NAME = "livecommerce";
/** RDS for MySQL 8.4; Alibaba Cloud runs 8.0 (docs/CLOUDS.md, "Differences that stay"). */
const MYSQL_VERSION = "8.4";
/** Aurora MySQL version of every cluster (and of the global database that joins them). */
export const AURORA_VERSION = "8.0.mysql_aurora.3.08.2";
const LOG_EXPORTS = ["error", "slowquery"];

/**
 * The transactional database: startup one RDS MySQL instance; growth RDS MySQL Multi-AZ (a
 * synchronous standby in another zone, automatic failover) with read replicas, or an Aurora MySQL
 * cluster; mature Aurora. Private, encrypted, deletion-protected, final snapshot kept, master
 * password generated and rotated by RDS in Secrets Manager (never in state or config).
 */
export class Database extends pulumi.ComponentResource {
    /** Read/write endpoint (the primary or the Aurora cluster writer). */
    readonly endpoint: pulumi.Output<string>;
    /** Read-only endpoints: the Aurora reader endpoint, or one per MySQL read replica. */
    readonly readerEndpoints: pulumi.Output<string>[];
    readonly port: number;
    /** CloudWatch dimension of the writer, for alarms. */
    readonly alarmDimension: { readonly name: "DBInstanceIdentifier" | "DBClusterIdentifier"; readonly value: string };
    readonly maxConnections: number;
    /** The Aurora cluster, when the engine is Aurora (a global secondary is created after it). */
    readonly cluster: aws.rds.Cluster | null;
    /**
     * Secret master password of a cluster in a global database (whose password cannot be managed
     * by Secrets Manager); null when RDS manages it in Secrets Manager.
     */
    readonly password: pulumi.Output<string> | null;
    /**
     * Where the master credential lives: the Secrets Manager secret RDS manages for the master user
     * (`manageMasterUserPassword`; keys `username` and `password`), or, in a global database, the
     * master user name and the generated password (secret).
     */
    readonly credential: DatabaseCredential;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Database", name, {}, opts);
        const { layout, tags } = args;
        const subnets = new aws.rds.SubnetGroup(`${name}-subnets`, { description: `${name} private subnets`, subnetIds: args.privateSubnetIds, tags }, { parent: this });
        const protectedData = {
            storageEncrypted: true,
            deletionProtection: true,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${args.identifier}-final`,
            backupRetentionPeriod: args.backupRetentionDays,
            copyTagsToSnapshot: true,
            dbSubnetGroupName: subnets.name,
            vpcSecurityGroupIds: [args.securityGroupId],
            enabledCloudwatchLogsExports: LOG_EXPORTS,
            port: DATA_PORTS.mysql,
            tags,
        };
        // A global secondary gets its schema and credentials from the primary's storage. Secrets
        // Manager master passwords are not supported for clusters in an Aurora global database
        // (AuroraUserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations): the global
        // primary takes the stack's generated password instead, kept secret.
        const globalPassword = args.global !== undefined ? pulumi.secret(args.global.masterPassword) : null;
        const credentials = globalPassword !== null ? { masterPassword: globalPassword } : { manageMasterUserPassword: true };
        this.password = globalPassword;
        if (layout.kind === "aurora-mysql") {
            const global = args.global;
            const cluster = new aws.rds.Cluster(
                `${name}-cluster`,
                {
                    clusterIdentifier: args.identifier,
                    engine: "aurora-mysql",
                    engineVersion: AURORA_VERSION,
                    ...protectedData,
                    // Aurora Serverless v2: instances of class db.serverless scale between these ACU
                    // bounds. Declared on every cluster, provisioned instances too: the range is set
                    // at the cluster level and applies to each db.serverless instance only; a cluster
                    // can mix db.serverless and provisioned instances (Amazon Aurora User Guide,
                    // "Setting the Aurora Serverless v2 capacity range for a cluster" and "Creating a
                    // DB cluster that uses Aurora Serverless v2"). Dropping it would not keep the
                    // range: in terraform-provider-aws internal/service/rds/cluster.go only
                    // serverlessv2_scaling_configuration.max_capacity carries the diff suppression of
                    // hashicorp/terraform-provider-aws#40473, min_capacity diffs to 0, and
                    // resourceClusterUpdate sends ModifyDBCluster ServerlessV2ScalingConfiguration
                    // with MinCapacity 0 (the old max kept), which this engine accepts (0 ACU pauses
                    // an idle db.serverless instance) while the instances still wait for their
                    // maintenance window to leave db.serverless.
                    ...(layout.serverlessRange !== null ? { serverlessv2ScalingConfiguration: { minCapacity: layout.serverlessRange.minCapacity, maxCapacity: layout.serverlessRange.maxCapacity } } : {}),
                    ...(global?.role === "secondary"
                        ? { globalClusterIdentifier: global.globalClusterIdentifier, enableGlobalWriteForwarding: true }
                        : { databaseName: DATABASE_NAME, masterUsername: MASTER_USERNAME, ...credentials }),
                },
                {
                    parent: this,
                    retainOnDelete: true,
                    dependsOn: global?.role === "secondary" ? global.dependsOn : [],
                    // The global cluster is created from this cluster and records itself here: not a change.
                    ...(global?.role === "primary" ? { ignoreChanges: ["globalClusterIdentifier"] } : {}),
                },
            );
            this.cluster = cluster;
            this.credential = globalPassword === null ? { secretArn: firstSecretArn(cluster.masterUserSecrets) } : { username: MASTER_USERNAME, password: globalPassword };
            layout.instances.forEach((instance, i) => {
                new aws.rds.ClusterInstance(
                    `${name}-instance-${i}`,
                    {
                        identifier: `${args.identifier}-${i}`,
                        clusterIdentifier: cluster.id,
                        engine: "aurora-mysql",
                        engineVersion: AURORA_VERSION,
                        instanceClass: layout.serverless !== null ? AURORA_SERVERLESS_CLASS : layout.dbClass.name,
                        availabilityZone: instance.zone,
                        // The writer is created first; readers are failover targets in creation order.
                        promotionTier: instance.role === "writer" ? 0 : 1,
                        publiclyAccessible: false,
                        dbSubnetGroupName: subnets.name,
                        performanceInsightsEnabled: true,
                        tags: { ...tags, role: instance.role },
                    },
                    { parent: this },
                );
            });
            this.endpoint = cluster.endpoint;
            this.readerEndpoints = [cluster.readerEndpoint];
            this.alarmDimension = { name: "DBClusterIdentifier", value: args.identifier };
        } else {
            const primary = new aws.rds.Instance(
                `${name}-primary`,
                {
                    identifier: args.identifier,
                    engine: "mysql",
                    engineVersion: MYSQL_VERSION,
                    instanceClass: layout.dbClass.name,
                    allocatedStorage: args.storageGiB,
                    maxAllocatedStorage: args.storageGiB * 4,
                    storageType: "gp3",
                    multiAz: layout.multiAz,
                    availabilityZone: layout.primaryZone ?? undefined,
                    publiclyAccessible: false,
                    dbName: DATABASE_NAME,
                    username: MASTER_USERNAME,
                    performanceInsightsEnabled: true,
                    ...protectedData,
                    ...credentials,
                },
                { parent: this, retainOnDelete: true },
            );
            this.cluster = null;
            this.credential = globalPassword === null ? { secretArn: firstSecretArn(primary.masterUserSecrets) } : { username: MASTER_USERNAME, password: globalPassword };
            const replicas = layout.replicaZones.map(
                (zone, i) =>
                    new aws.rds.Instance(
                        `${name}-replica-${i}`,
                        {
                            identifier: `${args.identifier}-replica-${i}`,
                            replicateSourceDb: primary.identifier,
                            instanceClass: layout.dbClass.name,
                            storageType: "gp3",
                            availabilityZone: zone,
                            storageEncrypted: true,
                            publiclyAccessible: false,
                            deletionProtection: true,
                            // RDS keeps no final snapshot of a read replica; the primary's is the backup.
                            skipFinalSnapshot: true,
                            vpcSecurityGroupIds: [args.securityGroupId],
                            performanceInsightsEnabled: true,
                            enabledCloudwatchLogsExports: LOG_EXPORTS,
                            tags: { ...tags, role: "replica" },
                        },
                        { parent: this },
                    ),
            );
            this.endpoint = primary.address;
            this.readerEndpoints = replicas.map((r) => r.address);
            this.alarmDimension = { name: "DBInstanceIdentifier", value: args.identifier };
        }
        this.port = DATA_PORTS.mysql;
        this.maxConnections = layout.dbClass.maxConnections;
        this.registerOutputs({ endpoint: this.endpoint, readerEndpoints: this.readerEndpoints });
    }
}

// ---------------------------------------------------------------------------------------------
// Read capacity of an Aurora cluster

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

/** The Application Auto Scaling dimension of an Aurora cluster's replica count (aws_appautoscaling_target). */
export const READ_REPLICA_SCALING = { serviceNamespace: "rds", scalableDimension: "rds:cluster:ReadReplicaCount" } as const;

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
        // Inside an event's raised window the up sets the raised bounds on the target itself
        // (TierSchedule.asserted, scalableTargetBounds).
        const target = new aws.appautoscaling.Target(
            `${name}-target`,
            { ...READ_REPLICA_SCALING, resourceId, ...scalableTargetBounds(args.schedule, { minSize: args.minReaders, maxSize: args.maxReaders }), tags: args.tags },
            // The scheduled actions own the bounds while there are any (scheduledBoundsIgnoreChanges).
            { parent: this, dependsOn: args.dependsOn, ignoreChanges: scheduledBoundsIgnoreChanges(args.schedule, SCALABLE_TARGET_BOUNDS) },
        );
        new aws.appautoscaling.Policy(
            `${name}-cpu`,
            {
                serviceNamespace: target.serviceNamespace,
                scalableDimension: target.scalableDimension,
                resourceId: target.resourceId,
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
        scheduledActions(name, target, args.schedule, (key) => key, { parent: this });
        this.registerOutputs({});
    }
}

/** The ARN of the master user secret RDS reports (`master_user_secret`: one block when the password is managed). */
function firstSecretArn(secrets: pulumi.Output<readonly { readonly secretArn: string }[]>): pulumi.Output<string> {
    return secrets.apply((s) => {
        const arn = s[0]?.secretArn;
        if (arn === undefined) throw new Error("RDS reports no master user secret although manageMasterUserPassword is set");
        return arn;
    });
}
