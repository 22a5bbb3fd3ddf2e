// The cloud-neutral specification of a live-commerce stack.
//
// Everything in components/model is pure TypeScript: no @pulumi import, no I/O.
// The same resolved StackSpec drives the Alibaba Cloud and the AWS components. The shapes of the
// config sections are inferred from their one declaration, CONFIG_FIELDS (schema.ts).

import { ALARM_LEVELS, CACHE_MODES, CLOUDS, COMPUTE_TIERS, DATABASE_ENGINES, NAT_STRATEGIES, RECURRENCES, SERVICE_NAMES, STAGES, WEEKDAYS } from "./schema";
import type { ConfigValue } from "./schema";

export { ALARM_LEVELS, CACHE_MODES, CLOUDS, COMPUTE_TIERS, DATABASE_ENGINES, NAT_STRATEGIES, RECURRENCES, SERVICE_NAMES, STAGES, WEEKDAYS };

import type { ResidencySpec } from "./residency";

/** Growth stage of the business: startup (< 1,000 online), growth (1,000 - 10,000), mature (> 10,000). */
export type Stage = (typeof STAGES)[number];

export type Cloud = (typeof CLOUDS)[number];

/**
 * How private subnets reach the internet: `none` (no egress), `single` (one NAT gateway for the
 * region, a single point of failure for egress only), `perZone` (one NAT gateway per zone).
 */
export type NatStrategy = (typeof NAT_STRATEGIES)[number];

/** `mysql` on both clouds; `polardb` on Alibaba Cloud only; `aurora` (Aurora MySQL) on AWS only. */
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

/**
 * The one business tier of every region (config `compute`):
 * - `vm`: one autoscaling group of servers (ESS / EC2 Auto Scaling) runs the whole app and serves every route;
 * - `kubernetes`: the four services as Deployments on the managed cluster (ACK Pro / EKS), one route each;
 * - `serverless`: the four services as serverless applications (SAE on Alibaba Cloud, ECS on Fargate
 *   on AWS), one route each, with a serverless database (PolarDB Serverless / Aurora Serverless v2).
 */
export type ComputeTier = (typeof COMPUTE_TIERS)[number];

/** `standalone`: one Redis node (startup). `cluster`: sharded Redis with replicas per shard. */
export type CacheMode = (typeof CACHE_MODES)[number];

/** Concurrent online users a stage is designed for; `max` null means unbounded. */
export interface OnlineRange {
    readonly min: number;
    readonly max: number | null;
}

/** A compute size in vCPU and GiB of memory; each cloud maps it to its instance family. */
export type ComputeSize = ConfigValue["app"]["size"];

/** One metric pair of the elastic scaling policy: connections per instance and CPU percent. */
export type ScalingThreshold = ConfigValue["scaling"]["scaleOut"];

/**
 * Elastic scaling: scale out when connections > scaleOut.connections OR cpu > scaleOut.cpu;
 * scale in only when connections < scaleIn.connections AND cpu < scaleIn.cpu. Fields: config
 * `scaling` (schema.ts).
 */
export type ScalingSpec = ConfigValue["scaling"];

/** The app tier of compute `vm`: config `app` (schema.ts). */
export type AppTierSpec = ConfigValue["app"];

/** Bounds of a serverless database's compute, in the engine's unit (PolarDB PCU, Aurora ACU), per node. */
export type ServerlessCapacity = Omit<ConfigValue["database"]["serverless"], "enabled">;

/**
 * The database: config `database` (schema.ts), with `serverless` resolved to the capacity bounds
 * of a serverless database (PolarDB Serverless, Aurora Serverless v2) or null for provisioned nodes.
 */
export type DatabaseSpec = Omit<ConfigValue["database"], "serverless"> & {
    readonly serverless: ServerlessCapacity | null;
    /**
     * The serverless capacity range of the cloud's clustered engine (PolarDB, Aurora), whether or
     * not the nodes are serverless: `serverless` when enabled, else `database.serverless`
     * minCapacity/maxCapacity over the engine's serverless default (2 ACU and as many ACU as the
     * database has GiB of memory on Aurora). Null on another engine. Aurora keeps it on every cluster: the range is set
     * at the cluster level and applies only to its db.serverless instances (Amazon Aurora User
     * Guide, "Setting the Aurora Serverless v2 capacity range for a cluster"). PolarDB declares it
     * only when serverless, so it is null there with the nodes provisioned
     * (CloudProfile serverlessCapacity.rangeWhileProvisioned).
     */
    readonly serverlessRange: ServerlessCapacity | null;
};

/** Redis: config `cache` (schema.ts). */
export type CacheSpec = ConfigValue["cache"];

/** Managed Kafka: config `queue` (schema.ts). */
export type QueueSpec = ConfigValue["queue"];

/** The business microservices: user, product, order and interaction (likes, comments, WebSocket push). */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * One microservice on Kubernetes: its image (null means `<kubernetes.imageRegistry>/<service>:<kubernetes.imageTag>`)
 * and the bounds of its pod autoscaler.
 */
export type ServiceSpec = ConfigValue["kubernetes"]["services"]["user"];

/** The Kubernetes tier: config `kubernetes` (schema.ts). */
export type KubernetesSpec = ConfigValue["kubernetes"];

/** Alarms: config `monitoring` (schema.ts) and the three alarm levels, each routed to its own contact group / topic. */
export type MonitoringSpec = ConfigValue["monitoring"] & { readonly levels: readonly AlarmLevel[] };

export type AlarmLevel = (typeof ALARM_LEVELS)[number];

/** The CDN: config `cdn` (schema.ts). */
export type CdnSpec = ConfigValue["cdn"];

/** Global DNS: config `dns` (schema.ts). */
export type DnsSpec = ConfigValue["dns"];

/** The self-run transcoding tier of Alibaba Cloud: config `video` (schema.ts). */
export type VideoSpec = ConfigValue["video"];

/** TLS of the public HTTPS listener: config `tls` (schema.ts). */
export type TlsSpec = ConfigValue["tls"];

/** One region of the stack with its zones (real zone ids of the cloud) and its address space. */
export type RegionSpec = ConfigValue["regions"][number];

/** A planned live event: capacity is pre-scaled before `start` and released after `end` (config `events`). */
export type LiveEvent = ConfigValue["events"][number];

/** How a recurring peak repeats: every day, or on the listed days of the week. */
export type Recurrence = (typeof RECURRENCES)[number];

/** A day of the week; its index is the cron day number (0 = Sunday). */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A peak that recurs at the same local time (the daily evening peak of a live shop): capacity is
 * pre-scaled `scaling.preScaleMinutes` before `start` and released `scaling.releaseAfterMinutes`
 * after `end`, every day or on `days`, in `timeZone` (config `peaks`).
 */
export type RecurringPeak = ConfigValue["peaks"][number];

/**
 * The fully resolved, validated specification of one stack: every config key (schema.ts) after the
 * stage preset's defaults, plus what the stage decides and the project name.
 */
export type StackSpec = Omit<ConfigValue, "database" | "monitoring" | "residency"> & {
    /** The Pulumi project name (Pulumi.yaml `name`): the namespace of the config keys and the `project` tag. */
    readonly project: string;
    /** Concurrent online users the stage is designed for. */
    readonly onlineUsers: OnlineRange;
    readonly database: DatabaseSpec;
    readonly monitoring: MonitoringSpec;
    /**
     * Data residency (components/model/residency.ts): the boundary the stack's user data stays in;
     * regions outside it are separate partitions. null (the default): no boundary.
     */
    readonly residency: ResidencySpec | null;
};

/** Recursive partial: what a stack file may override on top of the stage preset. */
export type DeepPartial<T> = T extends readonly (infer U)[]
    ? readonly U[]
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T;
