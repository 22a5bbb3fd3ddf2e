// The stage presets: every default of the blueprint lives in this one table.
//
// Numbers come from the requirements (REQUIREMENTS.md of the blueprint's design notes):
// - stages: startup < 1,000 concurrent online, growth 1,000 - 10,000, mature > 10,000;
// - startup: single zone, app servers 4 vCPU / 8 GiB x 2, database 2 vCPU / 4 GiB x 1;
// - growth: multi-AZ, Redis cluster, database read/write split, automatic cross-AZ failover;
// - mature: multi-region, full-chain monitoring;
// - scale out when connections > 5,000 OR CPU > 70%; scale in when connections < 1,000 AND CPU < 30%.
// A stack file overrides any of these (see spec.ts); a stack never needs to repeat them.

import { ORDERS_TOPIC } from "./flows";
import { presetServices } from "./kubernetes";
import { ESS_SCHEDULED_TASK_QUOTA } from "./ess-quota";
import { CloudProfile } from "./profile";
import { ComputeSize, DatabaseEngine, ComputeTier, OnlineRange, ServerlessCapacity, Stage, StackSpec } from "./types";

/** The parts of a StackSpec that a stage decides (everything but identity and regions). */
export type PresetSpec = Omit<StackSpec, "project" | "stage" | "cloud" | "regions" | "events" | "peaks" | "database" | "dns" | "compute" | "residency"> & {
    readonly database: Omit<StackSpec["database"], "engine" | "serverless" | "serverlessRange">;
};

export interface StagePreset {
    /** Concurrent online users the stage is designed for. */
    readonly onlineUsers: OnlineRange;
    /** Fewest zones every region of a stack of this stage must have. */
    readonly minZonesPerRegion: number;
    /** Fewest regions a stack of this stage must have. */
    readonly minRegions: number;
    /**
     * Database engine before overrides: `mysql` on both clouds, or `clustered`, the cloud's clustered
     * engine (CloudProfile.clusteredEngine: PolarDB, Aurora MySQL).
     */
    readonly databaseEngine: "mysql" | "clustered";
    /** The business compute tier, before overrides (README "Choosing the compute tier" says why). */
    readonly compute: ComputeTier;
    readonly spec: PresetSpec;
}

/** The elastic scaling policy of the requirements, shared by every stage. */
export const SEED_SCALING = {
    scaleOut: { connectionsPerInstance: 5000, cpuPercent: 70 },
    scaleIn: { connectionsPerInstance: 1000, cpuPercent: 30 },
} as const;

const COMMON = {
    prefix: "lc",
    /** A reserved documentation name (RFC 2606): plans offline, refused by pulumi up until set (placeholders.ts). */
    domain: "live.example.com",
    appPort: 8080,
    adminCidrs: [],
    tags: {},
    scaling: {
        scaleOut: SEED_SCALING.scaleOut,
        scaleIn: SEED_SCALING.scaleIn,
        scaleOutStepPercent: 100,
        scaleInStep: 1,
        scaleInStepPercent: 25,
        evaluationPeriodSeconds: 60,
        evaluationPeriods: 1,
        cooldownSeconds: 60,
        preScaleMinutes: 30,
        releaseAfterMinutes: 30,
        essScheduledTaskQuota: ESS_SCHEDULED_TASK_QUOTA,
    },
    monitoringContacts: { warning: [], critical: [], fatal: [] },
    queueTopics: [ORDERS_TOPIC, "interactions"],
    /** Placeholder registry (a documentation domain): a stack sets its own registry or per-service images. */
    imageRegistry: "registry.example.com/live-commerce",
    imageTag: "1.0.0",
    tls: { certificateId: null, certificateNames: [] },
    /** A compute-optimised 16 vCPU transcoder carries about four 1080p inputs into the three-rendition ladder. */
    transcoderSize: { vcpu: 16, memoryGiB: 32 },
    /** Alibaba Cloud Linux 3 public image (public image ids are their names); a baked image scales out faster. */
    transcoderImageId: "aliyun_3_x64_20G_alibase_20251030.vhd",
} as const;

export const STAGE_PRESETS: Readonly<Record<Stage, StagePreset>> = {
    startup: {
        onlineUsers: { min: 0, max: 1000 },
        minZonesPerRegion: 1,
        minRegions: 1,
        databaseEngine: "mysql",
        // Two servers of one image: the least to run and no cluster fee while the audience is small.
        compute: "vm",
        spec: {
            onlineUsers: { min: 0, max: 1000 },
            natStrategy: "single",
            app: { size: { vcpu: 4, memoryGiB: 8 }, minSize: 2, maxSize: 6, healthCheckGracePeriodSeconds: 120, imageId: null },
            scaling: COMMON.scaling,
            database: {
                size: { vcpu: 2, memoryGiB: 4 },
                highAvailability: false,
                readReplicas: 0,
                storageGiB: 50,
                backupRetentionDays: 7,
                globalDatabase: false,
            },
            cache: { mode: "standalone", shards: 1, replicasPerShard: 0, memoryGiB: 2 },
            queue: { enabled: false, topics: COMMON.queueTopics, partitions: 6, retentionHours: 72 },
            kubernetes: {
                enabled: false,
                version: "1.33",
                nodeSize: { vcpu: 4, memoryGiB: 8 },
                minNodesPerZone: 1,
                maxNodesPerZone: 3,
                imageRegistry: COMMON.imageRegistry,
                imageTag: COMMON.imageTag,
                kubectlImage: null,
                saeInstanceWhitelist: false,
                services: presetServices("startup"),
            },
            monitoring: { levels: ["warning", "critical", "fatal"], contacts: COMMON.monitoringContacts },
            tls: COMMON.tls,
            cdn: { enabled: true, originFailover: false, certificate: null, certificateNames: [] },
            video: { transcoderSize: COMMON.transcoderSize, maxTranscoders: 4, transcoderImageId: COMMON.transcoderImageId },
            prefix: COMMON.prefix,
            domain: COMMON.domain,
            appPort: COMMON.appPort,
            adminCidrs: COMMON.adminCidrs,
            tags: COMMON.tags,
        },
    },
    growth: {
        onlineUsers: { min: 1000, max: 10000 },
        minZonesPerRegion: 2,
        minRegions: 1,
        // Order data needs RPO 0 and a failover inside the 30 s budget: PolarDB (shared storage, hot
        // standby switches in 5-10 s) and Aurora (shared storage, replica promotion typically < 30 s)
        // give both; RDS MySQL stays available with `database.engine: mysql`.
        databaseEngine: "clustered",
        // The four services scale and release independently on the managed cluster the stage already
        // runs; `serverless` (stacks growth-*-serverless) trades the cluster for per-instance billing.
        compute: "kubernetes",
        spec: {
            onlineUsers: { min: 1000, max: 10000 },
            natStrategy: "perZone",
            app: { size: { vcpu: 4, memoryGiB: 8 }, minSize: 4, maxSize: 40, healthCheckGracePeriodSeconds: 120, imageId: null },
            scaling: COMMON.scaling,
            database: {
                size: { vcpu: 4, memoryGiB: 16 },
                highAvailability: true,
                readReplicas: 1,
                storageGiB: 200,
                backupRetentionDays: 7,
                globalDatabase: false,
            },
            cache: { mode: "cluster", shards: 2, replicasPerShard: 1, memoryGiB: 4 },
            queue: { enabled: true, topics: COMMON.queueTopics, partitions: 12, retentionHours: 72 },
            kubernetes: {
                enabled: true,
                version: "1.33",
                nodeSize: { vcpu: 4, memoryGiB: 8 },
                minNodesPerZone: 1,
                maxNodesPerZone: 10,
                imageRegistry: COMMON.imageRegistry,
                imageTag: COMMON.imageTag,
                kubectlImage: null,
                saeInstanceWhitelist: false,
                services: presetServices("growth"),
            },
            monitoring: { levels: ["warning", "critical", "fatal"], contacts: COMMON.monitoringContacts },
            tls: COMMON.tls,
            cdn: { enabled: true, originFailover: false, certificate: null, certificateNames: [] },
            video: { transcoderSize: COMMON.transcoderSize, maxTranscoders: 12, transcoderImageId: COMMON.transcoderImageId },
            prefix: COMMON.prefix,
            domain: COMMON.domain,
            appPort: COMMON.appPort,
            adminCidrs: COMMON.adminCidrs,
            tags: COMMON.tags,
        },
    },
    mature: {
        onlineUsers: { min: 10000, max: null },
        minZonesPerRegion: 3,
        minRegions: 2,
        databaseEngine: "clustered",
        compute: "kubernetes",
        spec: {
            onlineUsers: { min: 10000, max: null },
            natStrategy: "perZone",
            app: { size: { vcpu: 8, memoryGiB: 16 }, minSize: 6, maxSize: 120, healthCheckGracePeriodSeconds: 120, imageId: null },
            scaling: COMMON.scaling,
            database: {
                size: { vcpu: 8, memoryGiB: 32 },
                highAvailability: true,
                readReplicas: 2,
                storageGiB: 500,
                backupRetentionDays: 14,
                globalDatabase: true,
            },
            // Same shard count as growth: an Alibaba Cloud cluster's `shardCount` is replace-on-change
            // (policies/conformance/replace-on-change.ts), so mature grows the shards' memory in place.
            cache: { mode: "cluster", shards: 2, replicasPerShard: 1, memoryGiB: 8 },
            queue: { enabled: true, topics: COMMON.queueTopics, partitions: 24, retentionHours: 168 },
            kubernetes: {
                enabled: true,
                version: "1.33",
                nodeSize: { vcpu: 8, memoryGiB: 16 },
                minNodesPerZone: 1,
                maxNodesPerZone: 20,
                imageRegistry: COMMON.imageRegistry,
                imageTag: COMMON.imageTag,
                kubectlImage: null,
                saeInstanceWhitelist: false,
                services: presetServices("mature"),
            },
            monitoring: { levels: ["warning", "critical", "fatal"], contacts: COMMON.monitoringContacts },
            tls: COMMON.tls,
            cdn: { enabled: true, originFailover: true, certificate: null, certificateNames: [] },
            video: { transcoderSize: COMMON.transcoderSize, maxTranscoders: 40, transcoderImageId: COMMON.transcoderImageId },
            prefix: COMMON.prefix,
            domain: COMMON.domain,
            appPort: COMMON.appPort,
            adminCidrs: COMMON.adminCidrs,
            tags: COMMON.tags,
        },
    },
};

/**
 * Serverless database compute by default (compute `serverless` on the cloud's clustered engine,
 * PolarDB or Aurora): the engine's default floor per node (CloudProfile.serverlessCapacity: 1 PCU,
 * 2 ACU; a PCU is about 1 vCPU and 2 GiB, an ACU about 2 GiB with matching CPU), a ceiling equal
 * to the stage's database memory in GiB (at most the engine's maximum), twice the provisioned node
 * of the stage, so an evening peak reaches twice the everyday database without a reconfiguration.
 */
export function serverlessCapacityDefault(
    compute: ComputeTier,
    engine: DatabaseEngine,
    size: ComputeSize,
    profile: Pick<CloudProfile, "clusteredEngine" | "serverlessCapacity">,
): ServerlessCapacity | null {
    if (compute !== "serverless" || engine !== profile.clusteredEngine) return null;
    return { minCapacity: profile.serverlessCapacity.defaultMinCapacity, maxCapacity: Math.min(profile.serverlessCapacity.max, size.memoryGiB) };
}

/** Bounds taken when `database.serverless.enabled` is set on an engine without a default (reported by validation). */
export const SERVERLESS_CAPACITY_FALLBACK: ServerlessCapacity = { minCapacity: 1, maxCapacity: 16 };
