// The one declaration of the stack config: every key, its kind, the values allowed, what it means
// and which clouds use it. Everything else derives from this table: the spec types (types.ts infers
// them with ConfigValue), the reader's key lists and bounds (spec.ts), the `config:` block of
// Pulumi.yaml and docs/CONFIG.md (tools/config-docs.ts renders both; a test keeps them in step).
// The defaults are values, not shape: the stage presets (presets.ts) are typed by this table.

import { isTimeZone, parseInstant, parseLocalTime } from "./timezone";
import type { AlarmLevel, Cloud, ServiceName } from "./types";

interface FieldBase {
    /** What the key means (one or two sentences; the default and the allowed values are added by the renderers). */
    readonly doc: string;
    /**
     * The clouds that use the key; setting it on a stack of another cloud is an error naming the
     * key and the cloud. Defaults to every cloud.
     */
    readonly clouds?: readonly Cloud[];
    /** Why the other clouds do without the key (with `clouds`), for the error. */
    readonly cloudNote?: string;
    /**
     * The compute tiers that use the key; setting it on a stack of another `compute` is an error
     * naming the key, the compute and the tiers that use it. Defaults to every tier.
     */
    readonly computes?: readonly (typeof COMPUTE_TIERS)[number][];
    /** What the other tiers use instead (with `computes`), for the error. */
    readonly computeNote?: string;
    /**
     * The clouds that use the key with one of its `computes`, where not every cloud does: setting it
     * with that compute on another cloud is an error naming the key, the compute and the cloud.
     * Defaults to every cloud of `clouds` for each tier of `computes`.
     */
    readonly computeClouds?: Readonly<Partial<Record<(typeof COMPUTE_TIERS)[number], readonly Cloud[]>>>;
    /** Why the other clouds do without the key with that compute (with `computeClouds`), for the error. */
    readonly computeCloudNote?: string;
    /** The default when the stage presets do not hold it (a computed or fixed default), as prose. */
    readonly defaultDoc?: string;
    /** A value the user must set (no default); a missing one is an error. */
    readonly required?: boolean;
}

/**
 * A number. Config text that is a plain decimal number (`"4"`, as YAML `minSize: "4"` or
 * `pulumi config set --type string` stores it) is read as that number.
 */
export interface NumberField extends FieldBase {
    readonly kind: "number";
    readonly integer: boolean;
    readonly min?: number;
    readonly max?: number;
}

/** true or false; the text "true" or "false" is read as the boolean. */
export interface BooleanField extends FieldBase {
    readonly kind: "boolean";
}

/**
 * Text matching `pattern`. An integer or a boolean (what `pulumi config set --path` stores for
 * `4711` or `true`) is read as its text ("4711", "true"); a leading zero is lost by the CLI before
 * the program sees it, so such text needs `--type string`.
 */
export interface TextField extends FieldBase {
    readonly kind: "text";
    readonly pattern?: RegExp;
    /** The allowed values in words, e.g. "an IPv4 CIDR such as 10.10.0.0/16". */
    readonly what: string;
    /** A check beyond the pattern; returns what is allowed when `text` fails it. */
    readonly check?: (text: string) => string | undefined;
}

/** Text or null (unset); like TextField, integers and booleans are read as their text. */
export interface OptionalTextField extends FieldBase {
    readonly kind: "optionalText";
    readonly pattern?: RegExp;
    readonly what: string;
}

/** One of a fixed list of words. */
export interface ChoiceField<T extends string> extends FieldBase {
    readonly kind: "choice";
    readonly values: readonly T[];
}

/** A list of words of a fixed list. */
export interface ChoiceListField<T extends string> extends FieldBase {
    readonly kind: "choiceList";
    readonly values: readonly T[];
}

/** A list of texts, each matching `pattern` (integers and booleans read as their text). */
export interface TextListField extends FieldBase {
    readonly kind: "textList";
    readonly pattern?: RegExp;
    readonly what: string;
}

/**
 * One name of a fixed list (`names`) or a list of texts matching `pattern` (a residency boundary: a
 * boundary's name, or the region ids themselves).
 */
export interface NameOrListField extends FieldBase {
    readonly kind: "nameOrList";
    /** The names, in words (they may depend on the cloud). */
    readonly names: string;
    readonly pattern: RegExp;
    /** What one list item is, e.g. "a region id such as cn-hangzhou". */
    readonly what: string;
}

/** A map of text to text (tags); integer and boolean values are read as their text. */
export interface TextMapField extends FieldBase {
    readonly kind: "textMap";
}

/** An object of named fields; unknown keys are errors. */
export interface SectionField<F extends Fields> extends FieldBase {
    readonly kind: "section";
    readonly fields: F;
}

/** A list of objects of the same fields. */
export interface ListField<F extends Fields> extends FieldBase {
    readonly kind: "list";
    readonly item: F;
    /** Shown when an item is not an object, e.g. "an object with name, zones and optional cidr". */
    readonly itemWhat: string;
}

export type Field =
    | NumberField
    | BooleanField
    | TextField
    | OptionalTextField
    | ChoiceField<string>
    | ChoiceListField<string>
    | TextListField
    | NameOrListField
    | TextMapField
    | SectionField<Fields>
    | ListField<Fields>;

export type Fields = { readonly [key: string]: Field };

/**
 * Whether an error about a key of this kind shows the value it got (decided here, per kind, for
 * every reader). Shown: numbers, true/false, choices and text read against a pattern or a list (a
 * prefix, a domain, an image, an e-mail address, a region id), which users need to see to fix.
 * Not shown, only what kind of value it was ("a string", "an object"): a tag map's free text (a tag
 * value may carry a token) and a value of the wrong shape where a section, a list of objects or a
 * map is declared (anything may have been pasted there). A `secure:` object is never shown under
 * any kind: it reads as "an encrypted secret" (errors.ts: show).
 */
export const SHOWS_VALUE: Readonly<Record<Field["kind"], boolean>> = {
    number: true,
    boolean: true,
    text: true,
    optionalText: true,
    choice: true,
    choiceList: true,
    textList: true,
    nameOrList: true,
    textMap: false,
    section: false,
    list: false,
};

/** The value a field resolves to (after defaults). */
export type ValueOf<F> = F extends NumberField
    ? number
    : F extends BooleanField
      ? boolean
      : F extends TextField
        ? string
        : F extends OptionalTextField
          ? string | null
          : F extends ChoiceField<infer T>
            ? T
            : F extends ChoiceListField<infer T>
              ? readonly T[]
              : F extends TextListField
                ? readonly string[]
                : F extends NameOrListField
                ? string | readonly string[]
                : F extends TextMapField
                  ? Readonly<Record<string, string>>
                  : F extends SectionField<infer S>
                    ? SectionValue<S>
                    : F extends ListField<infer S>
                      ? readonly SectionValue<S>[]
                      : never;

export type SectionValue<S extends Fields> = { readonly [K in keyof S]: ValueOf<S[K]> };

function section<const F extends Fields>(doc: string, fields: F, extra: Omit<SectionField<F>, "kind" | "fields" | "doc"> = {}): SectionField<F> {
    return { kind: "section", doc, fields, ...extra };
}

function integer(min: number, max: number | undefined, doc: string, extra: Omit<NumberField, "kind" | "integer" | "min" | "max" | "doc"> = {}): NumberField {
    return { kind: "number", integer: true, min, ...(max === undefined ? {} : { max }), doc, ...extra };
}

function decimal(min: number, max: number, doc: string): NumberField {
    return { kind: "number", integer: false, min, max, doc };
}

function flag(doc: string, extra: Omit<BooleanField, "kind" | "doc"> = {}): BooleanField {
    return { kind: "boolean", doc, ...extra };
}

function choice<const T extends string>(values: readonly T[], doc: string, extra: Omit<ChoiceField<T>, "kind" | "values" | "doc"> = {}): ChoiceField<T> {
    return { kind: "choice", values, doc, ...extra };
}

// The enumerations of the config (types.ts names their types and re-exports them).
export const STAGES = ["startup", "growth", "mature"] as const;
export const CLOUDS = ["alicloud", "aws"] as const;
export const NAT_STRATEGIES = ["none", "single", "perZone"] as const;
export const COMPUTE_TIERS = ["vm", "kubernetes", "serverless"] as const;
export const DATABASE_ENGINES = ["mysql", "polardb", "aurora"] as const;
export const CACHE_MODES = ["standalone", "cluster"] as const;
export const RECURRENCES = ["daily", "weekly"] as const;
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;
export const SERVICE_NAMES = ["user", "product", "order", "interaction"] as const;
export const ALARM_LEVELS = ["warning", "critical", "fatal"] as const;

export const CIDR_TEXT = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
/**
 * A name a certificate covers: a domain (DOMAIN_PATTERN) or a wildcard in its left-most label only
 * (`*.live.example.com`; RFC 6125 section 6.4.3), at most 128 characters: the value of an Alibaba
 * Cloud tag ("The value can be up to 128 characters in length", TagResources Tag.N.Value), which
 * is where the ALB carries it for the flow analysis.
 */
export const CERTIFICATE_NAME_PATTERN = /^(?=.{1,128}$)(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
export const LOCAL_TIME_TEXT = /^\d{2}:\d{2}$/;
export const IMAGE_PATTERN = /^(?!.*\/\/)[a-z0-9]([a-z0-9._\/:@-]{0,254})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;

const CALENDAR = "is not a calendar date and time (month 01-12, a day that exists in that month, hours 00-23, minutes and seconds 00-59)";
const checkInstant = (text: string): string | undefined => (parseInstant(text) === null ? CALENDAR : undefined);
const checkLocalTime = (text: string): string | undefined => (parseLocalTime(text) === null ? "is not a time of day; allowed: 00:00 to 23:59" : undefined);
const checkTimeZone = (text: string): string | undefined => (isTimeZone(text) ? undefined : "is not an IANA time zone; allowed: a zone such as Asia/Shanghai or America/New_York");

/**
 * Most viewers one event or peak may name per region: 100x the 100,000 of the largest single
 * stream in the requirements. Larger audiences are also stopped by the capacity check (instances
 * needed versus the largest app.maxSize).
 */
export const MAX_PEAK_ONLINE = 10_000_000;
/** Most broadcasts one event or peak may name per region. */
export const MAX_STREAMS = 1000;

/** A compute size; each cloud maps it to an instance type of its catalogue (sizes.ts). */
const SIZE = {
    vcpu: integer(1, 128, "Virtual CPUs."),
    memoryGiB: integer(1, 1024, "Memory in GiB."),
} as const;

const THRESHOLD = {
    connectionsPerInstance: integer(1, undefined, "Concurrent connections per instance."),
    cpuPercent: decimal(1, 100, "CPU utilisation in percent."),
} as const;

const SERVICE = {
    image: { kind: "optionalText", pattern: IMAGE_PATTERN, what: "an image reference such as registry.example.com/live-commerce/order:1.0.0", doc: "Container image of the service.", defaultDoc: "<kubernetes.imageRegistry>/<service>:<kubernetes.imageTag>" },
    minReplicas: integer(1, 1000, "Pods at minimum (serverless: instances, at least one per zone): the autoscaler's floor and the initial replica count. While events or peaks are declared the floor jobs (kubernetes) and the scheduled actions (ECS) own the bounds: a changed minReplicas reaches the running autoscaler at its next release, a changed maxReplicas at its next job or action, not at this pulumi up; the SAE rules take both at this pulumi up."),
    maxReplicas: integer(1, 1000, "Pods at most (the autoscaler's ceiling)."),
} as const satisfies Fields;

/** Why compute kubernetes and serverless take no app server settings. */
const APP_SERVERS_NOTE = "compute kubernetes and serverless run no app servers";

/** The keys of the cluster itself: compute kubernetes only (serverless runs the services without a cluster, vm runs no services). */
const CLUSTER_ONLY = { computes: ["kubernetes"], computeNote: "compute vm and serverless run no cluster" } as const satisfies Pick<FieldBase, "computes" | "computeNote">;

/** The keys of the four services: compute kubernetes and serverless (vm runs one app on its servers). */
const SERVICES_ONLY = { computes: ["kubernetes", "serverless"], computeNote: "compute vm runs the app on its app servers (app.*), not the four services" } as const satisfies Pick<FieldBase, "computes" | "computeNote">;

/** Why AWS stacks take no transcoder settings. */
const VIDEO_NOTE = "AWS transcodes in IVS, which runs no transcoders of the stack";

const CONTACTS = (level: AlarmLevel): TextListField => ({ kind: "textList", pattern: EMAIL, what: "an e-mail address", doc: `E-mail addresses notified of ${level} alarms.` });

/**
 * Every key of the stack config (namespace: the project name of Pulumi.yaml), in the order the
 * documentation lists them.
 */
export const CONFIG_FIELDS = {
    stage: choice(STAGES, "Growth stage: startup (< 1,000 concurrent online), growth (1,000 - 10,000) or mature (> 10,000).", { required: true }),
    cloud: choice(CLOUDS, "Target cloud.", { required: true }),
    prefix: { kind: "text", pattern: /^[a-z][a-z0-9]{1,9}$/, what: "2-10 lower-case letters and digits starting with a letter", doc: "Short prefix of every resource name." },
    domain: {
        kind: "text",
        pattern: DOMAIN_PATTERN,
        what: "a lower-case DNS name such as live.example.com",
        doc: "Public DNS name viewers use. The default is a reserved documentation name that plans offline; pulumi up refuses it until you set your own.",
    },
    regions: {
        kind: "list",
        required: true,
        itemWhat: "an object with name, zones and optional cidr",
        doc: "The regions of the stack, the first one primary. Startup and growth need >= 1 region, mature >= 2; every region needs >= 2 zones (the load balancers of both clouds span two), mature >= 3.",
        item: {
            name: { kind: "text", required: true, pattern: /^[a-z0-9-]+$/, what: "a region id such as cn-hangzhou or us-east-1", doc: "Region id of the cloud." },
            zones: { kind: "textList", what: "a zone id", doc: "Zone ids of the region (real ids of the cloud, e.g. cn-hangzhou-h, us-east-1a).", defaultDoc: "none, which fails the zone minimum: list them" },
            cidr: { kind: "text", pattern: CIDR_TEXT, what: "an IPv4 CIDR such as 10.10.0.0/16", doc: "Address space of the region's network.", defaultDoc: "10.(10 x (i+1)).0.0/16 for the i-th region (from 0)" },
        },
    },
    natStrategy: choice(NAT_STRATEGIES, "Egress of the private subnets: none, single (one NAT gateway per region) or perZone (one per zone)."),
    compute: choice(
        COMPUTE_TIERS,
        "The one business tier of every region: vm (one autoscaling group serves every route), kubernetes (user, product, order, interaction on ACK Pro / EKS, one route each) or serverless (the four services on SAE / ECS Fargate, one route each, with PolarDB Serverless / Aurora Serverless v2).",
    ),
    appPort: integer(1024, 65535, "TCP port the app servers listen on behind the load balancer."),
    adminCidrs: { kind: "textList", pattern: CIDR_TEXT, what: "an IPv4 CIDR", doc: "Networks allowed to SSH into app servers; empty: no SSH from anywhere. Together they may admit at most one /16 of public addresses (private ranges such as 10.0.0.0/8 are free); wider, or ranges that add up to the internet, is an error." },
    app: section("The app tier of compute vm (one scaling group per region). Keys only the app servers use are errors with another compute; minSize, maxSize and healthCheckGracePeriodSeconds also serve the other tiers as said below.", {
        size: section("Size of one app server.", SIZE, { computes: ["vm"], computeNote: APP_SERVERS_NOTE }),
        minSize: integer(1, 1000, "Fewest app servers per region. With compute kubernetes or serverless no app servers run, and it is the everyday floor that event and peak pre-scaling is measured against: a scheduled need of N app servers (one per scaling.scaleOut.connectionsPerInstance x 0.8 viewers, 4,000 by default, rounded up to whole zones) raises the interaction service, which holds the viewers' connections, to N pods or instances when above its minReplicas, and above minSize the other services' floors and the Aurora read replicas by N / minSize. While events or peaks are declared the scheduled actions own the group's bounds (ignoreChanges until their drain ends, docs/SCALING.md): a changed minSize reaches the running group only at its next scheduled release, not at this pulumi up."),
        maxSize: integer(1, 1000, "Most app servers per region (at least minSize). With compute kubernetes or serverless, the ceiling of the scheduled floor minSize is measured against. While events or peaks are declared the scheduled actions own the group's bounds (ignoreChanges until their drain ends, docs/SCALING.md): a changed maxSize reaches the running group only at its next scheduled action, not at this pulumi up."),
        healthCheckGracePeriodSeconds: integer(0, 3600, "Seconds a new server gets before health checks count (boot and app start). With compute serverless on AWS, the health check grace period of the ECS services, at least 133 s: the app's warm-up budget (120 s, docs/METRICS.md) plus the /ready target group's healthy checks (2 x 5 s) and the last check's 3 s timeout, since ECS replaces a task whose check fails after it; SAE applications (Alibaba Cloud) wait by their probes' delays and do not read it, so setting it there is an error.", {
            defaultDoc: "120 (the stage presets); 133 with compute serverless on aws",
            computes: ["vm", "serverless"],
            computeNote: "the Kubernetes tier's pods are judged by their readiness probes",
            computeClouds: { serverless: ["aws"] },
            computeCloudNote: "SAE applications wait by their probes' delays (livenessV2.initialDelaySeconds), not by a grace period",
        }),
        imageId: {
            kind: "optionalText",
            what: "a non-empty string",
            doc: "Image of the app servers (one that keeps the app image contract, docs/METRICS.md); unset: the cloud's stock Linux image of the region.",
            computes: ["vm"],
            computeNote: "compute kubernetes and serverless run the service images (kubernetes.imageRegistry, kubernetes.services.<service>.image)",
        },
    }),
    scaling: section(
        "Elastic scaling: out when connections > scaleOut.connectionsPerInstance OR CPU > scaleOut.cpuPercent, in only when connections < scaleIn.connectionsPerInstance AND CPU < scaleIn.cpuPercent (docs/SCALING.md).",
        {
            scaleOut: section("Scale-out thresholds (either one triggers).", THRESHOLD),
            scaleIn: section("Scale-in thresholds (both must hold).", THRESHOLD),
            scaleOutStepPercent: integer(10, 500, "Instances added by the first scale-out step, in percent of the group (larger steps follow from 2x, 4x and 8x the connection threshold)."),
            scaleInStep: integer(1, 100, "Fewest instances removed by one scale-in step."),
            scaleInStepPercent: integer(1, 50, "Share of the group removed by one scale-in step, in percent."),
            evaluationPeriodSeconds: integer(60, 3600, "Seconds of one alarm evaluation period."),
            evaluationPeriods: integer(1, 10, "Periods a metric must breach before an alarm fires."),
            cooldownSeconds: integer(0, 3600, "Seconds after a scaling activity before the next one."),
            preScaleMinutes: integer(5, 720, "Minutes before an event or peak when its floor is raised."),
            releaseAfterMinutes: integer(0, 720, "Minutes after an event or peak when its floor is lowered."),
            essScheduledTaskQuota: integer(
                1,
                undefined,
                "ESS scheduled tasks this stack may hold per region: the account's quota (Auto Scaling DescribeLimitation MaxNumberOfScheduledTasks, \"The maximum number of scheduled tasks that can be created in a region by using an Alibaba Cloud account\"; Quota Center shows it and takes requests to raise it) less the tasks other stacks and scaling groups of the account hold there. The app group (compute vm) and the self-run transcoders take one task per event action (a ceiling lowering included) and per recurring action and offset span; recurring peaks that need more than this, counted twice for the task a rename creates before it deletes the old one, are an error naming peaks; events beyond it are declared by a later pulumi up (docs/SCALING.md, ESS quota).",
                { clouds: ["alicloud"], cloudNote: "the quota is ESS's; AWS scheduled-action quotas are fixed per group and scalable target", defaultDoc: "70 (the DescribeLimitation example; the Auto Scaling Limits page points to Quota Center)" },
            ),
        },
    ),
    database: section("The relational database of every region (orders, users, products).", {
        engine: choice(DATABASE_ENGINES, "Engine: mysql (RDS MySQL, both clouds), polardb (Alibaba Cloud) or aurora (Aurora MySQL, AWS).", {
            defaultDoc: "mysql (startup); polardb on alicloud and aurora on aws (growth, mature)",
        }),
        size: section("Size of one database node.", SIZE),
        highAvailability: flag("Primary and standby in different zones with automatic failover."),
        readReplicas: integer(0, 15, "Read-only replicas (MySQL) or reader nodes (PolarDB, Aurora) for read/write splitting."),
        storageGiB: integer(20, 65536, "Storage in GiB."),
        backupRetentionDays: integer(1, 35, "Days automated backups are kept."),
        globalDatabase: flag("Replicate the database of the first region to every other region (PolarDB global database network, Aurora global database); needs polardb or aurora and >= 2 regions."),
        serverless: section(
            "Serverless compute of the database: capacity per node in PCU (PolarDB, 1-32) or ACU (Aurora, 0.5-256 in steps of 0.5; a PCU is about 1 CPU core and 2 GB of memory, an ACU about 2 GiB with matching CPU and networking). Aurora's minimum of 0 ACU (auto-pause: an idle instance pauses after 300 s by default and a connection then waits up to about 15 s for it to resume, for systems without a stringent service level objective) is an error. The bounds are read only where a database uses them: set with enabled false on PolarDB, or with engine mysql, they are errors naming the key and the command that removes it.",
            {
                enabled: flag("Serverless instead of provisioned nodes (needs polardb or aurora).", { defaultDoc: "true with compute serverless on polardb or aurora, else false" }),
                minCapacity: { kind: "number", integer: false, min: 0, max: 256, doc: "Least capacity per node.", defaultDoc: "1 PCU (PolarDB), 2 ACU (Aurora) with compute serverless; 1 with another compute and enabled true; with enabled false, Aurora still declares the range on its cluster: 2 ACU" },
                maxCapacity: { kind: "number", integer: false, min: 0.5, max: 256, doc: "Most capacity per node.", defaultDoc: "as many PCU / ACU as the database has GiB of memory (database.size.memoryGiB: 16 GiB gives 16), so about twice the provisioned size's memory at about 2 GiB per PCU or ACU, at most 32 PCU / 256 ACU, with compute serverless; 16 with another compute and enabled true; with enabled false, Aurora still declares the range on its cluster: the same number of ACU" },
            },
        ),
    }),
    cache: section("Redis of every region.", {
        mode: choice(CACHE_MODES, "standalone (one node) or cluster (shards with replicas)."),
        shards: integer(1, 256, "Shards of a cluster (1 for standalone)."),
        replicasPerShard: integer(0, 5, "Replicas per shard (0 for standalone)."),
        memoryGiB: integer(1, 512, "Memory per shard in GiB."),
    }),
    queue: section("Managed Kafka of every region.", {
        enabled: flag("Declare the Kafka cluster."),
        topics: { kind: "textList", pattern: /^[a-z][a-z0-9.-]{1,63}$/, what: "a topic name of lower-case letters, digits, dots and dashes", doc: "Topics created on the cluster." },
        partitions: integer(1, 360, "Partitions per topic."),
        retentionHours: integer(24, 8760, "Message retention in hours."),
    }),
    kubernetes: section("The managed Kubernetes tier (ACK Pro / EKS) of compute kubernetes; its service images and per service bounds also serve compute serverless. Keys a stack's compute does not use are errors.", {
        enabled: flag("Follows compute (true exactly with compute kubernetes); setting it against compute is an error, so leave it unset.", { defaultDoc: "true with compute kubernetes, else false" }),
        version: { kind: "text", pattern: /^1\.\d{2}$/, what: "a Kubernetes minor version such as 1.33", doc: "Kubernetes minor version of the cluster.", ...CLUSTER_ONLY },
        nodeSize: section("Size of one node.", SIZE, CLUSTER_ONLY),
        minNodesPerZone: integer(0, 100, "Nodes per zone at minimum; each pool keeps more when a 10x jump of the interaction pods needs them to start without new nodes (node pool headroom, docs/SCALING.md), within maxNodesPerZone.", CLUSTER_ONLY),
        maxNodesPerZone: integer(1, 100, "Nodes per zone at most.", CLUSTER_ONLY),
        imageRegistry: {
            kind: "text",
            pattern: /^(?!.*\/\/)[a-z0-9]([a-z0-9._\/:-]{0,200}[a-z0-9])?$/,
            what: "a registry path such as registry.example.com/live-commerce",
            doc: "Registry path of the service images <imageRegistry>/<service>:<imageTag>, run by compute kubernetes (Deployments) and serverless (SAE applications, Fargate tasks) (the default is a placeholder: set your own).",
            ...SERVICES_ONLY,
        },
        imageTag: { kind: "text", pattern: /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, what: "an image tag such as 1.0.0", doc: "Image tag of the services.", ...SERVICES_ONLY },
        kubectlImage: {
            kind: "optionalText",
            what: "an image reference such as registry.example.com/mirror/kubectl:v1.33.0",
            doc: "Image of the jobs that raise and lower the pods' floors on the timetable (its entrypoint must be kubectl, of the cluster's minor version or one next to it). Unset: on aws registry.k8s.io/kubectl:v<version>.0 (the Kubernetes project's image); on alicloud required when events or peaks are set, because registry.k8s.io is not reachable from mainland China: mirror that image to your Container Registry (ACR) and set it here.",
            ...CLUSTER_ONLY,
        },
        saeInstanceWhitelist: flag(
            "The Alibaba Cloud account is on SAE's whitelist for more than 50 instances per application (SAE CreateApplicationScalingRule: \"If you want to configure more than 50 instances for an application, you must contact SAE technical support to add your account to the whitelist\"). Unset, a service ceiling (kubernetes.services.<service>.maxReplicas) above 50 is an error with compute serverless.",
            { computes: ["serverless"], computeNote: "only SAE applications (compute serverless) have the 50 instance limit", clouds: ["alicloud"], cloudNote: "the limit is SAE's; ECS services allow 5,000 tasks" },
        ),
        services: section("Per service overrides (compute kubernetes: pods; compute serverless: SAE application or ECS service instances).", {
            user: section("The user service.", SERVICE),
            product: section("The product service (also the default route).", SERVICE),
            order: section("The order service (/order).", SERVICE),
            interaction: section("The interaction service (/ws: likes, comments, WebSocket push).", SERVICE),
        } satisfies Record<ServiceName, SectionField<typeof SERVICE>>, SERVICES_ONLY),
    }),
    monitoring: section("Alarms at three levels (warning, critical, fatal), each to its own contact group / SNS topic; pulumi up refuses the stack until every level has a recipient (without a critical one the flow \"alarm reaching a person\" is broken).", {
        contacts: section("Alarm recipients per level.", {
            warning: CONTACTS("warning"),
            critical: CONTACTS("critical"),
            fatal: CONTACTS("fatal"),
        } satisfies Record<AlarmLevel, TextListField>),
    }),
    cdn: section("The CDN in front of the regions (Alibaba Cloud CDN, CloudFront).", {
        enabled: flag("Declare the CDN. Must be true: every request flow enters through the CDN domain, and without it the stack gives the domain no name to a load balancer (false is a config error)."),
        originFailover: flag("The regions after the first inside the residency boundary become failover origins, up to what the cloud's CDN takes (a CloudFront origin group holds two); a region outside the boundary is never an origin (a standby source takes every request, user data included); with one region there is nothing to fail over to."),
        certificate: {
            kind: "optionalText",
            what: "a certificate reference",
            doc: "HTTPS certificate of the CDN domain: on aws the ARN of an existing ACM certificate in us-east-1 (unset: the stack requests one for the domain, DNS validation records in the output cdn.certificateValidationRecords); on alicloud the numeric id of a Certificate Management Service certificate (unset: the CDN's free certificate).",
        },
        certificateNames: {
            kind: "textList",
            pattern: CERTIFICATE_NAME_PATTERN,
            what: "a host name the certificate covers (a domain such as live.example.com, or a wildcard such as *.live.example.com, up to 128 characters)",
            clouds: ["alicloud"],
            cloudNote: "CloudFront's certificate is an ACM certificate whose names the plan carries",
            defaultDoc: "none: with cdn.certificate set, the CDN's certificate hops cannot be judged (unknown)",
            doc: "The names the Certificate Management Service certificate of cdn.certificate covers. The flows check the CDN domain (the domain) and each play domain (play-<region>.<domain>) against them, a wildcard matching one label; each is tagged on the CDN domain. Not needed with the CDN's free certificate, which is issued for the domain itself.",
        },
    }),
    tls: section("TLS of the load balancers' public HTTPS listeners.", {
        certificateId: {
            kind: "optionalText",
            what: "a non-empty string",
            clouds: ["alicloud"],
            cloudNote: "AWS stacks request their ACM certificates for the domain and api.<domain>",
            doc: "Certificate Management Service certificate id (e.g. 12345678-cn-hangzhou) of the domain; unset, the ALB HTTPS listener has no certificate and pulumi up refuses the stack. AWS stacks request their ACM certificates for the domain and api.<domain> and take no id.",
        },
        certificateNames: {
            kind: "textList",
            pattern: CERTIFICATE_NAME_PATTERN,
            what: "a host name the certificate covers (its subject alternative names: a domain such as live.example.com, or a wildcard such as *.live.example.com, up to 128 characters)",
            clouds: ["alicloud"],
            cloudNote: "AWS stacks request their ACM certificates, whose names the plan carries",
            defaultDoc: "none: the flows' certificate hops cannot be judged (unknown)",
            doc: "The names the certificate of tls.certificateId covers (its subject alternative names, as Certificate Management Service lists them). The flows check that every host name the load balancer answers (the domain the CDN forwards, api.<domain> for the API and WebSocket) is one of them, a wildcard matching exactly one label (RFC 6125 section 6.4.3). Each is tagged on the ALB (tags hold at most 128 characters).",
        },
    }),
    dns: section("Global DNS.", {
        zoneId: {
            kind: "optionalText",
            what: "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ",
            clouds: ["aws"],
            cloudNote: "Alibaba Cloud stacks steer with GTM and take no zone id",
            defaultDoc: "unset",
            doc: "Id of an existing Route 53 public hosted zone of the domain; unset, the stack creates the zone and outputs its name servers. Alibaba Cloud stacks steer with GTM and take no zone id.",
        },
    }),
    video: section("The self-run transcoding tier of Alibaba Cloud (AWS transcodes in IVS).", {
        transcoderSize: section("Size of one transcoder.", SIZE, { clouds: ["alicloud"], cloudNote: VIDEO_NOTE }),
        maxTranscoders: integer(1, 500, "Most transcoders per region.", { clouds: ["alicloud"], cloudNote: VIDEO_NOTE }),
        transcoderImageId: {
            kind: "text",
            pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]{1,127}$/,
            what: "an ECS image id such as m-bp1abc... or a public image id",
            clouds: ["alicloud"],
            cloudNote: VIDEO_NOTE,
            doc: "Image of the transcoders (the media server is installed at boot; a baked image scales out faster).",
        },
    }),
    events: {
        kind: "list",
        itemWhat: "an object with name, start, end, peakOnline and optional streams and timeZone",
        doc: "Planned live events: the floors of the app group (and transcoders) are raised scaling.preScaleMinutes before start and lowered scaling.releaseAfterMinutes after end; past events declare nothing, events beyond the scheduling horizon (Alibaba Cloud: 90 days; compute kubernetes: 364 days, a CronJob schedule has no year) are declared by a later pulumi up; a name no peak has.",
        item: {
            name: { kind: "text", required: true, pattern: NAME_PATTERN, what: "2-32 lower-case letters, digits and dashes", doc: "Name of the event." },
            start: { kind: "text", required: true, pattern: ISO_INSTANT, what: "an ISO 8601 instant with offset, e.g. 2026-12-12T12:00:00Z", check: checkInstant, doc: "Start, an ISO 8601 instant with offset." },
            end: { kind: "text", required: true, pattern: ISO_INSTANT, what: "an ISO 8601 instant with offset, e.g. 2026-12-12T15:00:00Z", check: checkInstant, doc: "End, an ISO 8601 instant with offset." },
            peakOnline: integer(1, MAX_PEAK_ONLINE, "Expected peak concurrent online users per region.", { required: true }),
            streams: integer(1, MAX_STREAMS, "Concurrent broadcasts per region: sizes the transcoders.", { clouds: ["alicloud"], cloudNote: VIDEO_NOTE, defaultDoc: "1" }),
            timeZone: { kind: "text", what: "an IANA time zone such as Asia/Shanghai", check: checkTimeZone, doc: "IANA time zone the event is announced in, for the people reading the stack file: the event is scheduled at the instants start and end name (each with its own UTC offset), whatever this says; checked as a zone only.", defaultDoc: "UTC" },
        },
    },
    peaks: {
        kind: "list",
        itemWhat: "an object with name, recurrence, start, end, peakOnline, timeZone and (weekly) days",
        doc: "Recurring peaks in local time of an IANA zone: the floors are raised before every occurrence and lowered after.",
        item: {
            name: { kind: "text", required: true, pattern: NAME_PATTERN, what: "2-32 lower-case letters, digits and dashes", doc: "Name of the peak." },
            recurrence: choice(RECURRENCES, "daily, or weekly on days.", { defaultDoc: "daily" }),
            days: { kind: "choiceList", values: WEEKDAYS, doc: "Days a weekly peak starts on (weekly only).", defaultDoc: "none (every day for daily)" },
            start: { kind: "text", required: true, pattern: LOCAL_TIME_TEXT, what: "a local wall time HH:MM, e.g. 20:00", check: checkLocalTime, doc: "Local wall time the peak starts at." },
            end: { kind: "text", required: true, pattern: LOCAL_TIME_TEXT, what: "a local wall time HH:MM, e.g. 20:00", check: checkLocalTime, doc: "Local wall time it ends at; earlier than start means the next day." },
            peakOnline: integer(1, MAX_PEAK_ONLINE, "Expected peak concurrent online users per region.", { required: true }),
            streams: integer(1, MAX_STREAMS, "Concurrent broadcasts per region: sizes the transcoders.", { clouds: ["alicloud"], cloudNote: VIDEO_NOTE, defaultDoc: "1" }),
            timeZone: { kind: "text", required: true, pattern: /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, what: "an IANA time zone such as Asia/Shanghai", check: checkTimeZone, doc: "IANA time zone of start and end, e.g. Asia/Shanghai." },
        },
    },
    residency: section("Data residency: user data (databases, caches, queues, buckets and every replica) stays inside the boundary; the first region must be inside; a region outside keeps only its own users' data (its own database, no global database secondary) and answers api-<region>.<domain> (Alibaba Cloud only); docs/GLOBAL.md (Data residency) lists the regions of each boundary.", {
        boundary: {
            kind: "nameOrList",
            names: "mainland-china, us",
            pattern: /^[a-z]{2}(-[a-z0-9]+){1,4}$/,
            what: "a region id such as cn-hangzhou",
            doc: "The boundary: a named boundary or the list of region ids inside it.",
            defaultDoc: "none: every region one partition",
        },
    }),
    tags: { kind: "textMap", doc: "Extra tags on every taggable resource (map of text to text; a number or boolean value is its text)." },
} as const satisfies Fields;

/** The top-level config keys. */
export type ConfigKey = keyof typeof CONFIG_FIELDS;

/** The whole config after defaults, as declared (spec.ts adds what the stage decides). */
export type ConfigValue = SectionValue<typeof CONFIG_FIELDS>;

/** The top-level keys, in declaration order. */
export const CONFIG_KEY_NAMES: readonly string[] = Object.keys(CONFIG_FIELDS);

/** The field of a top-level key, if it is one. */
export function configField(key: string): Field | undefined {
    return Object.entries(CONFIG_FIELDS).find(([k]) => k === key)?.[1];
}

/** Keys of a field list, in declaration order. */
export function fieldKeys(fields: Fields): readonly string[] {
    return Object.keys(fields);
}
