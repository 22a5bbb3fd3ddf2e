// The seam between the clouds: what the cloud-neutral model needs to know about a cloud, as data and
// pure functions. Each cloud folder implements it once (components/<cloud>/profile.ts); the model
// takes a profile as an argument and never names a cloud itself.

import { Lb5xxMetric } from "./alarms";
import { RegionTable } from "./regions";
import { BoundaryName, BoundaryRegions } from "./residency";
import { EventLimit, HorizonText, ScheduleHorizon } from "./schedule";
import { InstanceCatalogue } from "./sizes";
import { Cloud, DatabaseEngine, StackSpec } from "./types";

/** The DNS health checks a cloud's global steering service offers. */
export interface DnsHealthCheckService {
    readonly service: string;
    /** Shortest probe interval the service offers, seconds. */
    readonly shortestIntervalSeconds: number;
    /** TTL of the steered record, seconds. */
    readonly ttlSeconds: number;
    /** Failure thresholds the service accepts, ascending. */
    readonly failureThresholds: readonly number[];
    /** Probe timeout, seconds. */
    readonly timeoutSeconds: number;
}

/** The serverless capacity a clustered engine offers per node. */
export interface ServerlessCapacityRange {
    /** The capacity unit (PCU, ACU). */
    readonly unit: string;
    readonly min: number;
    readonly max: number;
    readonly step: number;
    /** The highest floor (`minCapacity`) the engine takes. */
    readonly maxMinCapacity: number;
    /** The floor a serverless stack gets by default. */
    readonly defaultMinCapacity: number;
    /**
     * Whether the engine's cluster keeps declaring the range while its nodes are provisioned
     * (`database.serverless.enabled` false, DatabaseSpec.serverlessRange): true where the range is
     * a cluster setting that provisioned and serverless instances share (Aurora); false where only a
     * serverless cluster declares it (PolarDB), so bounds set with `enabled` false are an error.
     */
    readonly rangeWhileProvisioned: boolean;
    /**
     * A floor the engine accepts below `min` that pauses idle nodes (Aurora's auto-pause at 0 ACU),
     * with what it does for the error message; the blueprint refuses it (a paused node makes the
     * first connection wait). Null where the engine has none below `min`.
     */
    readonly pause: { readonly capacity: number; readonly effect: string } | null;
}

/** What a certificate reference of the cloud looks like, for config validation. */
export interface CertificateFormat {
    readonly pattern: RegExp;
    /** What a valid value is, for the error message. */
    readonly what: string;
}

/**
 * One cloud as the model sees it. Pure: no @pulumi import, no I/O. Every value cites its source in
 * the cloud's implementation.
 */
export interface CloudProfile {
    readonly cloud: Cloud;
    /** The cloud's name in messages ("Alibaba Cloud", "AWS"). */
    readonly title: string;
    /** Database engines the cloud offers, in the order messages list them. */
    readonly engines: readonly DatabaseEngine[];
    /**
     * The clustered MySQL-compatible engine (PolarDB, Aurora MySQL): the engine of a global or
     * serverless database and the default of the growth and mature stages.
     */
    readonly clusteredEngine: DatabaseEngine;
    /** Serverless capacity of the clustered engine, per node (`database.serverless`). */
    readonly serverlessCapacity: ServerlessCapacityRange;
    /**
     * The cloud's regions and zones, each list with its source (components/<cloud>/regions.ts):
     * config validation checks `regions[].name` and `regions[].zones` against it (./regions).
     */
    readonly regions: RegionTable;
    /**
     * The cloud's regions inside each named residency boundary, with their sources: `residency:
     * boundary: <name>` keeps the stack's user data in them.
     */
    readonly residencyBoundaries: Readonly<Record<BoundaryName, BoundaryRegions>>;
    /** The instance types the compute sizes map to (app servers, nodes, transcoders). */
    readonly instances: InstanceCatalogue;
    /**
     * Whether a scale-out step of the app group waits a cooldown after it acts, and a scale-in
     * step waits its cooldown before it acts again (false: the next evaluation period acts).
     */
    readonly stepScalingCooldown: boolean;
    /**
     * What scales the serverless tier's units: Application Auto Scaling step policies on the ECS
     * services (components/aws/serverless.ts) or SAE scaling rules (components/alicloud/serverless.ts);
     * time to peak models each (tierFigures).
     */
    readonly serverlessScaler: "applicationAutoScalingSteps" | "saeRules";
    /** The load balancer's 5xx metric the stack alarms on (alarmRules): a share or a count per second. */
    readonly lb5xxMetric: Lb5xxMetric;
    /**
     * The kubectl image the pod floor jobs run when `kubernetes.kubectlImage` is unset, from the
     * cluster's minor version; null where none is verified (kubectlImage: the setting is then required).
     */
    readonly defaultKubectlImage: ((minor: string) => string) | null;
    /**
     * Instances one serverless unit (SAE application, ECS service) may run without the cloud's
     * support raising it for the account, with the config flag that says the account was raised;
     * null when the cloud sets no per-unit limit the stack's ceilings can reach.
     */
    readonly serverlessInstanceLimit: ServerlessInstanceLimit | null;
    /** The health checks of the cloud's DNS steering service. */
    readonly dnsHealthCheck: DnsHealthCheckService;
    /** Origins the cloud's CDN can fail over between. */
    readonly cdnOriginLimit: number;
    /** What `cdn.certificate` must look like. */
    readonly cdnCertificate: CertificateFormat;
    /**
     * What `dns.zoneId` must look like; null when the cloud's steering takes no zone id (the config
     * declaration says which clouds use the key, schema.ts, and rejects it on the others).
     */
    readonly dnsZoneId: CertificateFormat | null;
    /**
     * Whether the cloud's CDN carries WebSocket (an HTTP/1.1 Upgrade held open end to end). False:
     * WebSocket clients reach the regions' load balancers by the API name instead (websocketHostname).
     */
    readonly cdnCarriesWebSocket: boolean;
    /**
     * Whether the cloud's CDN fails over reads only. True: a write (POST /order) is never sent to a
     * failover origin, so it reaches one region. False: the CDN sends every request to a standby
     * source when the primary fails, so a write to the CDN domain could land in another region; the
     * order route then takes only the API name (orderHostname).
     */
    readonly cdnFailoverReadsOnly: boolean;
    /** Whether the HTTPS listener needs an uploaded certificate (`tls.certificateId`) to deploy. */
    readonly tlsCertificateRequired: boolean;
    /**
     * Whether the cloud's edge builds a region outside the residency boundary (a separate partition
     * answering its own `api-<region>.<domain>`; components/model/residency.ts). False: such a
     * region is a config error (deploy it as a stack of its own).
     */
    readonly separateRegions: boolean;
    /**
     * Issues of a spec this cloud cannot build (catalogue sizes, service limits, shapes); each names
     * the field, the value and what is allowed. [] when the cloud can build it. `now` is the instant
     * the plan is made at (events already over count for nothing).
     */
    readonly check: (spec: StackSpec, now: Date) => string[];
    /**
     * How far ahead the cloud's scaling service accepts a one-off scheduled action; null when it
     * documents no limit. Events released beyond it are reported deferred (scheduleReport), and
     * recurring tasks the cloud takes in UTC end within it (recurringUntil).
     */
    readonly scheduleHorizon: ScheduleHorizon | null;
    /**
     * The cloud's limit on the events one `pulumi up` declares at `now` (epoch ms), beyond its
     * horizon; null when it has none (scheduleReport reports the events past it `deferred`).
     */
    readonly eventLimit: (spec: Pick<StackSpec, "compute" | "scaling" | "events" | "peaks" | "app" | "video" | "kubernetes" | "regions" | "database">, now: number) => EventLimit | null;
    /** How the schedule report words the horizon for the stack's tiers at `now` (HorizonText); null when the cloud has no horizon. */
    readonly horizonText: (spec: StackSpec, now: number) => HorizonText | null;
}

/** The profile of each cloud, for the code that reads a cloud from config. */
/** A per-unit instance limit of the serverless tier (CloudProfile.serverlessInstanceLimit). */
export interface ServerlessInstanceLimit {
    /** Most instances per unit without the raise. */
    readonly instances: number;
    /** The config field (under `kubernetes`) that says the account is allowed more. */
    readonly raisedFlag: "saeInstanceWhitelist";
    /** Where the limit is documented. */
    readonly source: string;
}

export type CloudProfiles = { readonly [C in Cloud]: CloudProfile & { readonly cloud: C } };
