// The cloud-neutral specification of a live-commerce stack.
//
// Everything in components/model is pure TypeScript: no @pulumi import, no I/O.
// The same resolved StackSpec drives the Alibaba Cloud and the AWS components.

import type { ResidencySpec } from "./residency";

export const STAGES = ["startup", "growth", "mature"] as const;
/** Growth stage of the business: startup (< 1,000 online), growth (1,000 - 10,000), mature (> 10,000). */
export type Stage = (typeof STAGES)[number];

export const CLOUDS = ["alicloud", "aws"] as const;
export type Cloud = (typeof CLOUDS)[number];

export const NAT_STRATEGIES = ["none", "single", "perZone"] as const;
/**
 * How private subnets reach the internet: `none` (no egress), `single` (one NAT gateway for the
 * region, a single point of failure for egress only), `perZone` (one NAT gateway per zone).
 */
export type NatStrategy = (typeof NAT_STRATEGIES)[number];

export const DATABASE_ENGINES = ["mysql", "polardb", "aurora"] as const;
/** `mysql` on both clouds; `polardb` on Alibaba Cloud only; `aurora` (Aurora MySQL) on AWS only. */
export type DatabaseEngine = (typeof DATABASE_ENGINES)[number];

export const COMPUTE_TIERS = ["vm", "kubernetes", "serverless"] as const;
/**
 * The one business tier of every region (config `compute`):
 * - `vm`: one autoscaling group of servers (ESS / EC2 Auto Scaling) runs the whole app and serves every route;
 * - `kubernetes`: the four services as Deployments on the managed cluster (ACK Pro / EKS), one route each;
 * - `serverless`: the four services as serverless applications (SAE on Alibaba Cloud, ECS on Fargate
 *   on AWS), one route each, with a serverless database (PolarDB Serverless / Aurora Serverless v2).
 */
export type ComputeTier = (typeof COMPUTE_TIERS)[number];

export const CACHE_MODES = ["standalone", "cluster"] as const;
/** `standalone`: one Redis node (startup). `cluster`: sharded Redis with replicas per shard. */
export type CacheMode = (typeof CACHE_MODES)[number];

/** Concurrent online users a stage is designed for; `max` null means unbounded. */
export interface OnlineRange {
    readonly min: number;
    readonly max: number | null;
}

/** A compute size in vCPU and GiB of memory; each cloud maps it to its instance family. */
export interface ComputeSize {
    readonly vcpu: number;
    readonly memoryGiB: number;
}

/** One metric pair of the elastic scaling policy. */
export interface ScalingThreshold {
    /** Concurrent connections per instance. */
    readonly connectionsPerInstance: number;
    /** CPU utilisation in percent. */
    readonly cpuPercent: number;
}

/**
 * Elastic scaling: scale out when connections > scaleOut.connections OR cpu > scaleOut.cpu;
 * scale in only when connections < scaleIn.connections AND cpu < scaleIn.cpu.
 */
export interface ScalingSpec {
    readonly scaleOut: ScalingThreshold;
    readonly scaleIn: ScalingThreshold;
    /** Instances added by one scale-out step, as a percentage of the current group size. */
    readonly scaleOutStepPercent: number;
    /** Fewest instances removed by one scale-in step. */
    readonly scaleInStep: number;
    /** Share of the group removed by one scale-in step, in percent. */
    readonly scaleInStepPercent: number;
    /** Seconds a metric must breach before an alarm fires (evaluation period x periods). */
    readonly evaluationPeriodSeconds: number;
    readonly evaluationPeriods: number;
    /** Seconds after a scaling activity before the next one (lets new instances warm up). */
    readonly cooldownSeconds: number;
    /** Minutes before an event's start when pre-scaling begins. */
    readonly preScaleMinutes: number;
    /** Minutes after an event's end when pre-scaled capacity is released. */
    readonly releaseAfterMinutes: number;
}

export interface AppTierSpec {
    readonly size: ComputeSize;
    /** Minimum instances per region. */
    readonly minSize: number;
    /** Maximum instances per region. */
    readonly maxSize: number;
    /** Seconds a new instance gets before health checks count (boot + app start). */
    readonly healthCheckGracePeriodSeconds: number;
    /** Instance image; when unset each cloud uses its stock Linux image of the region. */
    readonly imageId: string | null;
}

export interface DatabaseSpec {
    readonly engine: DatabaseEngine;
    readonly size: ComputeSize;
    /** true: primary and standby in different zones with automatic failover. */
    readonly highAvailability: boolean;
    /** Read-only replicas (MySQL) or reader nodes (PolarDB/Aurora) for read/write splitting. */
    readonly readReplicas: number;
    readonly storageGiB: number;
    readonly backupRetentionDays: number;
    /** Mature stacks replicate the database to every other region (PolarDB GDN / Aurora global). */
    readonly globalDatabase: boolean;
    /**
     * Serverless compute of the database, null for provisioned nodes: PolarDB Serverless (capacity
     * in PCU per node) or Aurora Serverless v2 (capacity in ACU per instance). Defaults to on with
     * compute `serverless` (see serverlessCapacityDefault), off otherwise.
     */
    readonly serverless: ServerlessCapacity | null;
}

/** Bounds of a serverless database's compute, in the engine's unit (PolarDB PCU, Aurora ACU), per node. */
export interface ServerlessCapacity {
    readonly minCapacity: number;
    readonly maxCapacity: number;
}

export interface CacheSpec {
    readonly mode: CacheMode;
    /** Shards of a cluster (1 for standalone). */
    readonly shards: number;
    /** Replicas per shard (0 for standalone). */
    readonly replicasPerShard: number;
    /** Memory per shard in GiB. */
    readonly memoryGiB: number;
}

export interface QueueSpec {
    readonly enabled: boolean;
    /** Topics created on the cluster (orders, interactions, ...). */
    readonly topics: readonly string[];
    readonly partitions: number;
    /** Message retention in hours. */
    readonly retentionHours: number;
}

export const SERVICE_NAMES = ["user", "product", "order", "interaction"] as const;
/** The business microservices: user, product, order and interaction (likes, comments, WebSocket push). */
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** One microservice on Kubernetes: its image and the bounds of its pod autoscaler. */
export interface ServiceSpec {
    /** Container image reference; null means `<kubernetes.imageRegistry>/<service>:<kubernetes.imageTag>`. */
    readonly image: string | null;
    /** Pods at minimum (the autoscaler's floor, also the initial replica count). */
    readonly minReplicas: number;
    readonly maxReplicas: number;
}

export interface KubernetesSpec {
    readonly enabled: boolean;
    readonly version: string;
    readonly nodeSize: ComputeSize;
    /** Nodes per zone at minimum (>= 1 keeps every zone able to run pods). */
    readonly minNodesPerZone: number;
    readonly maxNodesPerZone: number;
    /** Registry path the service images are pulled from when a service names no image. */
    readonly imageRegistry: string;
    /** Image tag of the services when a service names no image. */
    readonly imageTag: string;
    readonly services: Readonly<Record<ServiceName, ServiceSpec>>;
}

export interface MonitoringSpec {
    /** Three alarm levels, each routed to its own contact group / topic. */
    readonly levels: readonly AlarmLevel[];
    /** Contact e-mail per level; empty means create the groups without subscribers. */
    readonly contacts: Readonly<Record<AlarmLevel, readonly string[]>>;
    readonly dashboards: boolean;
}

export const ALARM_LEVELS = ["warning", "critical", "fatal"] as const;
export type AlarmLevel = (typeof ALARM_LEVELS)[number];

export interface CdnSpec {
    readonly enabled: boolean;
    /** Origin failover across regions (mature). */
    readonly originFailover: boolean;
    /**
     * HTTPS certificate of the CDN domain: on AWS the ARN of an ACM certificate in us-east-1 (null:
     * CloudFront's default *.cloudfront.net certificate, no custom name); on Alibaba Cloud the id of
     * a Certificate Management Service certificate (null: the CDN's free certificate).
     */
    readonly certificate: string | null;
}

export interface DnsSpec {
    /**
     * AWS: id of an existing Route 53 public hosted zone of `domain`; null creates the zone (its
     * name servers are a stack output to delegate to). Not used on Alibaba Cloud (GTM).
     */
    readonly zoneId: string | null;
}

export interface VideoSpec {
    /** Size of one transcoder of the self-run transcoding tier (Alibaba Cloud). */
    readonly transcoderSize: ComputeSize;
    /** Most transcoders per region. */
    readonly maxTranscoders: number;
    /** Image of the transcoders; defaults to the stock Alibaba Cloud Linux 3 public image (the media server is installed at boot). */
    readonly transcoderImageId: string;
}

/** TLS of the public HTTPS listener. */
export interface TlsSpec {
    /**
     * Id of an existing server certificate: on Alibaba Cloud the Certificate Management Service
     * certificate id (e.g. `12345678-cn-hangzhou`), on AWS the ACM certificate ARN. Defaults to null:
     * the HTTPS listener is declared without a certificate and `pulumi up` cannot create it until
     * `live-commerce:tls` is set.
     */
    readonly certificateId: string | null;
}

/** One region of the stack with its zones (real zone ids of the cloud) and its address space. */
export interface RegionSpec {
    readonly name: string;
    readonly zones: readonly string[];
    readonly cidr: string;
}

/** A planned live event: capacity is pre-scaled before `start` and released after `end`. */
export interface LiveEvent {
    readonly name: string;
    /** ISO 8601 instant, e.g. 2026-12-12T12:00:00Z. */
    readonly start: string;
    readonly end: string;
    /** Expected peak concurrent online users of the event (per region). */
    readonly peakOnline: number;
    /** Concurrent broadcasts of the event (per region): sizes the transcoders. Defaults to 1. */
    readonly streams: number;
    /** IANA time zone the event is announced in (used by clouds that schedule in local time). */
    readonly timeZone: string;
}

export const RECURRENCES = ["daily", "weekly"] as const;
/** How a recurring peak repeats: every day, or on the listed days of the week. */
export type Recurrence = (typeof RECURRENCES)[number];

export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
/** A day of the week; its index is the cron day number (0 = Sunday). */
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A peak that recurs at the same local time (the daily evening peak of a live shop): capacity is
 * pre-scaled `scaling.preScaleMinutes` before `start` and released `scaling.releaseAfterMinutes`
 * after `end`, every day or on `days`, in `timeZone` (daylight-saving changes follow the zone).
 */
export interface RecurringPeak {
    readonly name: string;
    readonly recurrence: Recurrence;
    /** Days the peak starts on; every day for `daily`. */
    readonly days: readonly Weekday[];
    /** Local wall time `HH:MM` the peak starts at. */
    readonly start: string;
    /** Local wall time `HH:MM` it ends at; earlier than `start` means the next day. */
    readonly end: string;
    /** Expected peak concurrent online users (per region). */
    readonly peakOnline: number;
    /** Concurrent broadcasts (per region): sizes the transcoders. Defaults to 1. */
    readonly streams: number;
    /** IANA time zone of `start` and `end`, e.g. Asia/Shanghai. */
    readonly timeZone: string;
}

/** The fully resolved, validated specification of one stack. */
export interface StackSpec {
    readonly project: string;
    readonly stage: Stage;
    readonly cloud: Cloud;
    /** Resource name prefix (short, lower case). */
    readonly prefix: string;
    readonly domain: string;
    readonly onlineUsers: OnlineRange;
    readonly regions: readonly RegionSpec[];
    readonly natStrategy: NatStrategy;
    /** The business tier serving the load balancer's routes in every region. */
    readonly compute: ComputeTier;
    readonly app: AppTierSpec;
    readonly scaling: ScalingSpec;
    readonly database: DatabaseSpec;
    readonly cache: CacheSpec;
    readonly queue: QueueSpec;
    readonly kubernetes: KubernetesSpec;
    readonly monitoring: MonitoringSpec;
    readonly cdn: CdnSpec;
    readonly tls: TlsSpec;
    readonly dns: DnsSpec;
    readonly video: VideoSpec;
    /**
     * Data residency (components/model/residency.ts): the boundary the stack's user data stays in;
     * regions outside it are separate partitions. null (the default): no boundary.
     */
    readonly residency: ResidencySpec | null;
    readonly events: readonly LiveEvent[];
    /** Recurring peaks (daily or weekly). */
    readonly peaks: readonly RecurringPeak[];
    /** Ports the app tier listens on behind the load balancer. */
    readonly appPort: number;
    /** CIDRs allowed to reach administrative ports (SSH); empty means no SSH at all. */
    readonly adminCidrs: readonly string[];
    readonly tags: Readonly<Record<string, string>>;
}

/** Recursive partial: what a stack file may override on top of the stage preset. */
export type DeepPartial<T> = T extends readonly (infer U)[]
    ? readonly U[]
    : T extends object
      ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
      : T;
