// AWS layouts of the stateful tier and short names, decided from the cloud-neutral spec.
// Pure: the AWS components declare exactly what these functions return.

import { DbClass, MSK_BROKER, cacheNodeTypeFor, dbClassFor } from "./aws-catalogue";
import { primaryStandby, queueZones, replicaZones } from "./placement";
import { RegionSpec, ServerlessCapacity, StackSpec } from "./types";

/**
 * Length limits of the identifiers the program sets itself: ElastiCache replication group ids 40,
 * RDS instance and cluster ids 63. (Load balancers and target groups are auto-named by the provider
 * within their 32-character limit.)
 */
export const AWS_NAME_LIMITS = { cacheId: 40, dbId: 63 } as const;

/** Short stable hash (FNV-1a, base 36) for names that must be cut to a length limit. */
export function shortHash(text: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36).padStart(7, "0").slice(0, 6);
}

/** `${base}-${role}` when it fits `max`, else a cut base plus a hash of the full name: unique and stable. */
export function awsName(base: string, role: string, max: number): string {
    const full = `${base}-${role}`;
    if (full.length <= max) return full;
    const tail = `-${shortHash(full)}-${role}`;
    return `${base.slice(0, Math.max(1, max - tail.length)).replace(/-+$/, "")}${tail}`.slice(0, max);
}

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
export function cacheLayout(spec: StackSpec, region: RegionSpec): CacheLayout {
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
      };

/**
 * mysql: one RDS instance, Multi-AZ when highly available, plus `readReplicas` replicas.
 * aurora: a cluster of one writer and `readReplicas` readers, at least one reader when highly
 * available, so a second zone always holds a failover target.
 */
export function databaseLayout(spec: StackSpec, region: RegionSpec): DatabaseLayout {
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
export function queueLayout(spec: StackSpec, region: RegionSpec): QueueLayout {
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
