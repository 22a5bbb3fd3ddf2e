// Alibaba Cloud instance classes of the managed data services (RDS MySQL, PolarDB, Redis), by the
// same rule as the ECS catalogue: the memory/vCPU ratio picks the family, the vCPU count the size.
// Pure tables; validation reports sizes without a class before anything is declared.

import { ComputeSize, InstanceCatalogue, STANDARD_SIZES, StackSpec } from "../model";

/** Alibaba Cloud ECS, 7th generation: ecs.c7.xlarge is 4 vCPU / 8 GiB. */
export const ECS_CATALOGUE: InstanceCatalogue = {
    families: { 2: "c7", 4: "g7", 8: "r7" },
    sizes: STANDARD_SIZES,
    format: (family, size) => `ecs.${family}.${size}`,
};

/** RDS MySQL general-purpose classes: family per GiB-per-vCPU ratio, size per vCPU count. */
const RDS_FAMILIES: Readonly<Record<number, string>> = { 2: "n2", 4: "n4", 8: "n8" };
const RDS_SIZES: Readonly<Record<number, string>> = { 1: "small", 2: "medium", 4: "large", 8: "xlarge", 16: "2xlarge", 32: "4xlarge" };

/** PolarDB MySQL dedicated classes: 4 or 8 GiB per vCPU. */
const POLARDB_FAMILIES: Readonly<Record<number, string>> = { 4: "x4", 8: "x8" };
const POLARDB_SIZES: Readonly<Record<number, string>> = { 2: "medium", 4: "large", 8: "xlarge", 16: "2xlarge", 32: "4xlarge" };

/** RDS editions: Basic is a single node (startup); HighAvailability keeps a standby in another zone. */
export type RdsRole = "basic" | "highAvailability" | "readOnly";
const RDS_SUFFIX: Readonly<Record<RdsRole, { readonly prefix: string; readonly suffix: string }>> = {
    basic: { prefix: "mysql", suffix: "1" },
    highAvailability: { prefix: "mysql", suffix: "2c" },
    readOnly: { prefix: "mysqlro", suffix: "1c" },
};

/**
 * Redis memory per shard (GiB) -> Tair (Enterprise Edition) memory-optimized class: standard (one
 * shard, master-replica) and cluster in proxy mode (per shard, with `shardCount`). Tair
 * memory-optimized is the edition that supports TDE (encryption at rest of the persistence files);
 * the Redis Open-Source Edition classes (redis.master.*, redis.shard.*) do not.
 */
const REDIS_STANDARD_CLASSES: Readonly<Record<number, string>> = {
    1: "tair.rdb.1g",
    2: "tair.rdb.2g",
    4: "tair.rdb.4g",
    8: "tair.rdb.8g",
    16: "tair.rdb.16g",
    32: "tair.rdb.32g",
};
const REDIS_CLUSTER_CLASSES: Readonly<Record<number, string>> = {
    1: "tair.rdb.with.proxy.1g",
    2: "tair.rdb.with.proxy.2g",
    4: "tair.rdb.with.proxy.4g",
    8: "tair.rdb.with.proxy.8g",
    16: "tair.rdb.with.proxy.16g",
    32: "tair.rdb.with.proxy.32g",
};

export class UnsupportedClassError extends Error {}

function lookup(table: Readonly<Record<number, string>>, key: number): string | undefined {
    return table[key];
}

function familyAndSize(size: ComputeSize, families: Readonly<Record<number, string>>, sizes: Readonly<Record<number, string>>, what: string): [string, string] {
    const family = lookup(families, size.memoryGiB / size.vcpu);
    const suffix = lookup(sizes, size.vcpu);
    if (family === undefined || suffix === undefined) {
        throw new UnsupportedClassError(
            `no ${what} class for ${size.vcpu} vCPU / ${size.memoryGiB} GiB; allowed: vCPU in ${Object.keys(sizes).join(", ")} with ${Object.keys(families).join(", ")} GiB per vCPU`,
        );
    }
    return [family, suffix];
}

/** RDS MySQL class, e.g. 2 vCPU / 4 GiB basic -> mysql.n2.medium.1, 4 vCPU / 16 GiB HA -> mysql.n4.large.2c. */
export function rdsClassFor(size: ComputeSize, role: RdsRole): string {
    const [family, suffix] = familyAndSize(size, RDS_FAMILIES, RDS_SIZES, "RDS MySQL");
    const r = RDS_SUFFIX[role];
    return `${r.prefix}.${family}.${suffix}.${r.suffix}`;
}

/** PolarDB MySQL node class, e.g. 8 vCPU / 32 GiB -> polar.mysql.x4.xlarge. */
export function polardbClassFor(size: ComputeSize): string {
    const [family, suffix] = familyAndSize(size, POLARDB_FAMILIES, POLARDB_SIZES, "PolarDB");
    return `polar.mysql.${family}.${suffix}`;
}

/** Redis class for memory per shard: standard edition for one shard, cluster edition otherwise. */
export function redisClassFor(mode: StackSpec["cache"]["mode"], memoryGiB: number): string {
    const table = mode === "cluster" ? REDIS_CLUSTER_CLASSES : REDIS_STANDARD_CLASSES;
    const cls = lookup(table, memoryGiB);
    if (cls === undefined) {
        throw new UnsupportedClassError(`no Redis ${mode} class with ${memoryGiB} GiB per shard; allowed: ${Object.keys(table).join(", ")} GiB`);
    }
    return cls;
}

/** PolarDB nodes: one primary plus one per read replica, never fewer than two (a reader to fail over to). */
export function polardbNodeCount(readReplicas: number): number {
    return Math.max(2, 1 + readReplicas);
}

function issueOf(field: string, got: unknown, f: () => string): string[] {
    try {
        f();
        return [];
    } catch (e) {
        return e instanceof UnsupportedClassError ? [`${field}: ${e.message} (got ${JSON.stringify(got)})`] : [String(e)];
    }
}

/**
 * Issues for database and cache sizes Alibaba Cloud has no class for, and for shapes it cannot build:
 * a Redis cluster (replicas in a secondary zone) or an HA database in a region with one zone.
 */
export function checkAlicloudClasses(spec: StackSpec): string[] {
    const db = spec.database;
    const dbIssues =
        db.engine === "polardb"
            ? issueOf("database.size", db.size, () => polardbClassFor(db.size))
            : issueOf("database.size", db.size, () => rdsClassFor(db.size, db.highAvailability ? "highAvailability" : "basic"));
    const cache = spec.cache;
    const replicaIssues =
        cache.mode === "cluster" && cache.replicasPerShard !== 1
            ? [`cache.replicasPerShard: the Alibaba Cloud Redis cluster edition keeps exactly 1 replica per shard (got ${cache.replicasPerShard}); allowed: 1`]
            : [];
    const zoneIssues = spec.regions.flatMap((region, i) =>
        region.zones.length >= 2
            ? []
            : [
                  ...(cache.mode === "cluster" ? [`cache.mode: the Redis cluster edition keeps its replicas in a second zone; regions[${i}] (${region.name}) has ${region.zones.length} (got "cluster"); allowed: standalone, or >= 2 zones`] : []),
                  ...(db.highAvailability ? [`database.highAvailability: a standby needs a second zone; regions[${i}] (${region.name}) has ${region.zones.length} (got true); allowed: false, or >= 2 zones`] : []),
              ],
    );
    return [...dbIssues, ...issueOf("cache.memoryGiB", cache.memoryGiB, () => redisClassFor(cache.mode, cache.memoryGiB)), ...replicaIssues, ...zoneIssues];
}
