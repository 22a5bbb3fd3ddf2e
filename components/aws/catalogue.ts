// AWS catalogues: RDS instance classes, ElastiCache node types and the MSK broker, each chosen
// from the cloud-neutral sizes of the spec by one rule: the smallest entry that covers the request.
// Pure data and functions (no @pulumi import); the AWS components only read the answers.

import { ComputeSize, DatabaseEngine, InstanceCatalogue, RegionSpec, STANDARD_SIZES, ServerlessCapacity, StackSpec, UnsupportedSizeError, primaryStandby, queueZones, replicaZones } from "../model";

/** Amazon EC2, 6th generation Intel: c6i.xlarge is 4 vCPU / 8 GiB. */
export const EC2_CATALOGUE: InstanceCatalogue = {
    families: { 2: "c6i", 4: "m6i", 8: "r6i" },
    sizes: STANDARD_SIZES,
    format: (family, size) => `${family}.${size}`,
};

export interface DbClass {
    readonly name: string;
    readonly vcpu: number;
    readonly memoryGiB: number;
    /** The engine's default `max_connections` on this class (used for connection-usage alarms). */
    readonly maxConnections: number;
}

/**
 * RDS for MySQL defaults `max_connections` to DBInstanceClassMemory / 12582880; the class memory
 * slightly overstates DBInstanceClassMemory, so this is an upper bound within a few percent.
 */
export function rdsMysqlMaxConnections(memoryGiB: number): number {
    return Math.floor((memoryGiB * 1024 ** 3) / 12582880);
}

function mysqlClass(name: string, vcpu: number, memoryGiB: number): DbClass {
    return { name, vcpu, memoryGiB, maxConnections: rdsMysqlMaxConnections(memoryGiB) };
}

/** RDS for MySQL classes, ordered by vCPU then memory. */
export const RDS_MYSQL_CLASSES: readonly DbClass[] = [
    mysqlClass("db.t4g.medium", 2, 4),
    mysqlClass("db.m6i.large", 2, 8),
    mysqlClass("db.r6i.large", 2, 16),
    mysqlClass("db.m6i.xlarge", 4, 16),
    mysqlClass("db.r6i.xlarge", 4, 32),
    mysqlClass("db.m6i.2xlarge", 8, 32),
    mysqlClass("db.r6i.2xlarge", 8, 64),
    mysqlClass("db.m6i.4xlarge", 16, 64),
    mysqlClass("db.r6i.4xlarge", 16, 128),
    mysqlClass("db.m6i.8xlarge", 32, 128),
    mysqlClass("db.r6i.8xlarge", 32, 256),
    mysqlClass("db.m6i.16xlarge", 64, 256),
    mysqlClass("db.r6i.16xlarge", 64, 512),
];

/**
 * Aurora MySQL classes, ordered by vCPU then memory: burstable t and memory-optimised r only
 * (Aurora MySQL offers no m classes). max_connections as published for Aurora MySQL.
 */
export const AURORA_MYSQL_CLASSES: readonly DbClass[] = [
    { name: "db.t4g.medium", vcpu: 2, memoryGiB: 4, maxConnections: 90 },
    { name: "db.r6i.large", vcpu: 2, memoryGiB: 16, maxConnections: 1000 },
    { name: "db.r6i.xlarge", vcpu: 4, memoryGiB: 32, maxConnections: 2000 },
    { name: "db.r6i.2xlarge", vcpu: 8, memoryGiB: 64, maxConnections: 3000 },
    { name: "db.r6i.4xlarge", vcpu: 16, memoryGiB: 128, maxConnections: 4000 },
    { name: "db.r6i.8xlarge", vcpu: 32, memoryGiB: 256, maxConnections: 5000 },
    { name: "db.r6i.16xlarge", vcpu: 64, memoryGiB: 512, maxConnections: 6000 },
];

/** Classes per AWS database engine. */
export const AWS_DB_CLASSES: Readonly<Partial<Record<DatabaseEngine, readonly DbClass[]>>> = {
    mysql: RDS_MYSQL_CLASSES,
    aurora: AURORA_MYSQL_CLASSES,
};

/** The smallest class of `engine` with at least the vCPU and memory of `size`; throws naming what exists. */
export function dbClassFor(engine: DatabaseEngine, size: ComputeSize): DbClass {
    const classes = AWS_DB_CLASSES[engine] ?? [];
    const hit = classes.find((c) => c.vcpu >= size.vcpu && c.memoryGiB >= size.memoryGiB);
    if (hit === undefined) {
        throw new UnsupportedSizeError(
            `no ${engine} instance class on aws for ${size.vcpu} vCPU / ${size.memoryGiB} GiB; allowed: up to ` +
                (classes.length === 0 ? "nothing (engine not offered)" : classes.map((c) => `${c.vcpu}/${c.memoryGiB}`).join(", ")),
        );
    }
    return hit;
}

export interface CacheNodeType {
    readonly name: string;
    /** Memory available to the engine, GiB, as AWS publishes it. */
    readonly memoryGiB: number;
}

/** ElastiCache node types, ordered by memory. */
export const CACHE_NODE_TYPES: readonly CacheNodeType[] = [
    { name: "cache.t4g.small", memoryGiB: 1.37 },
    { name: "cache.t4g.medium", memoryGiB: 3.09 },
    { name: "cache.m7g.large", memoryGiB: 6.38 },
    { name: "cache.m7g.xlarge", memoryGiB: 12.93 },
    { name: "cache.r7g.xlarge", memoryGiB: 26.32 },
    { name: "cache.r7g.2xlarge", memoryGiB: 52.82 },
    { name: "cache.r7g.4xlarge", memoryGiB: 105.81 },
    { name: "cache.r7g.8xlarge", memoryGiB: 209.55 },
    { name: "cache.r7g.16xlarge", memoryGiB: 419.09 },
];

/** The smallest node type holding `memoryGiB` per shard; throws naming the largest. */
export function cacheNodeTypeFor(memoryGiB: number): string {
    const hit = CACHE_NODE_TYPES.find((t) => t.memoryGiB >= memoryGiB);
    if (hit === undefined) {
        const largest = CACHE_NODE_TYPES[CACHE_NODE_TYPES.length - 1];
        throw new UnsupportedSizeError(`no ElastiCache node type with ${memoryGiB} GiB; allowed: up to ${largest.memoryGiB} GiB (${largest.name})`);
    }
    return hit.name;
}

/** Stock image of the app tier when `app.imageId` is unset: Amazon Linux 2023, resolved by EC2 at launch from SSM. */
export const AWS_DEFAULT_IMAGE = "resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64";

/** The MSK broker of every queue: Graviton general purpose, EBS storage per broker. */
export const MSK_BROKER = { instanceType: "kafka.m7g.large", volumeGiB: 1000, kafkaVersion: "3.8.x" } as const;


/** MSK spreads brokers over 2 or 3 Availability Zones. */
export const MSK_ZONES = { min: 2, max: 3 } as const;

function sizeIssue(field: string, value: unknown, decide: () => unknown): string[] {
    try {
        decide();
        return [];
    } catch (e) {
        return e instanceof UnsupportedSizeError ? [`${field}: ${e.message} (got ${JSON.stringify(value)})`] : [String(e)];
    }
}

/** Issues of an AWS spec the catalogues and services cannot serve. */
export function checkAwsServices(spec: StackSpec): string[] {
    const fewestZones = Math.min(...spec.regions.map((r) => r.zones.length));
    const issues = [
        ...sizeIssue("database.size", spec.database.size, () => dbClassFor(spec.database.engine, spec.database.size)),
        ...sizeIssue("cache.memoryGiB", spec.cache.memoryGiB, () => cacheNodeTypeFor(spec.cache.memoryGiB)),
    ];
    if (spec.queue.enabled && fewestZones < MSK_ZONES.min) {
        issues.push(`queue.enabled: Amazon MSK needs >= ${MSK_ZONES.min} zones per region (got ${fewestZones}); allowed: false, or list >= ${MSK_ZONES.min} zones`);
    }
    if (spec.database.highAvailability && fewestZones < 2) {
        issues.push(`database.highAvailability: a Multi-AZ database needs >= 2 zones per region (got ${fewestZones}); allowed: false, or list >= 2 zones`);
    }
    return issues;
}

// ---------------------------------------------------------------------------------------------
// Layouts of the stateful tier, decided from the cloud-neutral spec: the AWS components declare
// exactly what these functions return.

export interface CacheLayout {
    readonly engine: "valkey";
    readonly engineVersion: string;
    readonly nodeType: string;
    /** Default parameter group of the engine version and cluster mode. */
    readonly parameterGroup: string;
    /** `disabled`: one shard (primary + replicas); `enabled`: sharded (Redis Cluster protocol). */
    readonly clusterMode: "disabled" | "enabled";
    readonly shards: number;
    readonly replicasPerShard: number;
    readonly automaticFailover: boolean;
    readonly multiAz: boolean;
    readonly snapshotRetentionDays: number;
}

/** Days of daily cache snapshots kept. */
export const CACHE_SNAPSHOT_RETENTION_DAYS = 7;

/**
 * standalone: one node, no failover (startup). cluster: `shards` node groups of 1 primary plus
 * `replicasPerShard` replicas, automatic failover on and Multi-AZ whenever replicas and zones allow.
 */
export function cacheLayout(spec: Pick<StackSpec, "cache">, region: RegionSpec): CacheLayout {
    const cluster = spec.cache.mode === "cluster";
    const replicas = cluster ? spec.cache.replicasPerShard : 0;
    const failover = replicas >= 1;
    return {
        engine: "valkey",
        engineVersion: "8.0",
        nodeType: cacheNodeTypeFor(spec.cache.memoryGiB),
        parameterGroup: cluster ? "default.valkey8.cluster.on" : "default.valkey8",
        clusterMode: cluster ? "enabled" : "disabled",
        shards: cluster ? spec.cache.shards : 1,
        replicasPerShard: replicas,
        automaticFailover: failover,
        multiAz: failover && region.zones.length >= 2,
        snapshotRetentionDays: CACHE_SNAPSHOT_RETENTION_DAYS,
    };
}

/** ElastiCache member node ids of a replication group: `<id>-0001-001` (cluster mode) or `<id>-001`. */
export function cacheNodeIds(replicationGroupId: string, layout: CacheLayout): string[] {
    const pad = (n: number, w: number): string => String(n).padStart(w, "0");
    const perShard = 1 + layout.replicasPerShard;
    const nodes = Array.from({ length: perShard }, (_, i) => i + 1);
    if (layout.clusterMode === "disabled") return nodes.map((n) => `${replicationGroupId}-${pad(n, 3)}`);
    // Primaries (node 001 of every shard) first, so a truncated list still watches every shard.
    return nodes.flatMap((n) => Array.from({ length: layout.shards }, (_, s) => `${replicationGroupId}-${pad(s + 1, 4)}-${pad(n, 3)}`));
}

export interface DbInstancePlacement {
    readonly role: "writer" | "reader";
    readonly zone: string;
}

export type DatabaseLayout =
    | {
          readonly kind: "rds-mysql";
          readonly dbClass: DbClass;
          /** Synchronous standby in another zone, failed over automatically. */
          readonly multiAz: boolean;
          /** Zone of a single-AZ primary; null when Multi-AZ (RDS then chooses the zones). */
          readonly primaryZone: string | null;
          /** One zone per read replica. */
          readonly replicaZones: readonly string[];
      }
    | {
          readonly kind: "aurora-mysql";
          readonly dbClass: DbClass;
          /** Writer first; readers in other zones first. Any reader is a failover target. */
          readonly instances: readonly DbInstancePlacement[];
          /**
           * Aurora Serverless v2 capacity (ACU per instance) when `database.serverless`: every
           * instance is `db.serverless` and scales between the bounds; null for provisioned classes.
           */
          readonly serverless: ServerlessCapacity | null;
          /**
           * The capacity range (ACU per db.serverless instance) the cluster declares
           * (`serverlessv2ScalingConfiguration`), also when
           * every instance is provisioned: `serverless`, or DatabaseSpec.serverlessRange.
           */
          readonly serverlessRange: ServerlessCapacity | null;
      };

/**
 * mysql: one RDS instance, Multi-AZ when highly available, plus `readReplicas` replicas.
 * aurora: a cluster of one writer and `readReplicas` readers, at least one reader when highly
 * available, so a second zone always holds a failover target.
 */
export function databaseLayout(spec: Pick<StackSpec, "database">, region: RegionSpec): DatabaseLayout {
    const db = spec.database;
    const dbClass = dbClassFor(db.engine, db.size);
    const { primaryZone } = primaryStandby(region);
    if (db.engine === "aurora") {
        const readers = Math.max(db.readReplicas, db.highAvailability ? 1 : 0);
        return {
            kind: "aurora-mysql",
            dbClass,
            instances: [
                { role: "writer", zone: primaryZone },
                ...replicaZones(region, readers).map((zone): DbInstancePlacement => ({ role: "reader", zone })),
            ],
            serverless: db.serverless,
            serverlessRange: db.serverless ?? db.serverlessRange,
        };
    }
    return {
        kind: "rds-mysql",
        dbClass,
        multiAz: db.highAvailability,
        primaryZone: db.highAvailability ? null : primaryZone,
        replicaZones: replicaZones(region, db.readReplicas),
    };
}

export interface QueueLayout {
    /** Zones holding brokers: queueZones(), the region's first two at every stage. */
    readonly zones: readonly string[];
    /** A multiple of the zone count: one broker per zone. */
    readonly brokers: number;
    readonly replicationFactor: number;
    /** In-sync replicas a write needs: replicationFactor - 1, so a write survives one zone down. */
    readonly minInSyncReplicas: number;
    readonly instanceType: string;
    readonly volumeGiB: number;
    readonly kafkaVersion: string;
    readonly partitions: number;
    readonly retentionMs: number;
}

export const BROKERS_PER_ZONE = 1;

/**
 * The MSK layout of a region. Brokers sit in queueZones() at every stage and the topics keep one
 * replica per broker zone (replication factor 2): MSK cannot move brokers to other subnets and a
 * topic's replication factor is replace-on-change (policies/conformance/replace-on-change.ts), so
 * growth -> mature only adds partitions in place.
 */
export function queueLayout(spec: Pick<StackSpec, "queue">, region: RegionSpec): QueueLayout {
    const zones = queueZones(region);
    const brokers = zones.length * BROKERS_PER_ZONE;
    const replicationFactor = zones.length;
    return {
        zones,
        brokers,
        replicationFactor,
        minInSyncReplicas: Math.max(1, replicationFactor - 1),
        instanceType: MSK_BROKER.instanceType,
        volumeGiB: MSK_BROKER.volumeGiB,
        kafkaVersion: MSK_BROKER.kafkaVersion,
        partitions: spec.queue.partitions,
        retentionMs: spec.queue.retentionHours * 3_600_000,
    };
}
