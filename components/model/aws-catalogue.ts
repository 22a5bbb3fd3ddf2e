// AWS catalogues: RDS instance classes, ElastiCache node types and the MSK broker, each chosen
// from the cloud-neutral sizes of the spec by one rule: the smallest entry that covers the request.
// Pure data and functions (no @pulumi import); the AWS components only read the answers.

import { UnsupportedSizeError } from "./sizes";
import { ComputeSize, DatabaseEngine, StackSpec } from "./types";

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

/** Issues of an AWS spec the catalogues and services cannot serve; [] for other clouds. */
export function checkAwsServices(spec: StackSpec): string[] {
    if (spec.cloud !== "aws") return [];
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
