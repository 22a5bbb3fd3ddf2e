// Stack config -> resolved, validated StackSpec: the stage preset with the stack's overrides on top.

import { defaultRegionCidr } from "./cidr";
import { ConfigError, show } from "./errors";
import { SERVERLESS_CAPACITY_FALLBACK, STAGE_PRESETS, StagePreset, serverlessCapacityDefault } from "./presets";
import { ConfigObject, ConfigReader, isConfigObject } from "./reader";
import {
    ALARM_LEVELS,
    AlarmLevel,
    CACHE_MODES,
    CLOUDS,
    COMPUTE_TIERS,
    Cloud,
    ComputeSize,
    ComputeTier,
    DATABASE_ENGINES,
    LiveEvent,
    NAT_STRATEGIES,
    RECURRENCES,
    RecurringPeak,
    WEEKDAYS,
    RegionSpec,
    SERVICE_NAMES,
    STAGES,
    ScalingThreshold,
    ServiceName,
    ServerlessCapacity,
    ServiceSpec,
    StackSpec,
    Stage,
} from "./types";
import { isTimeZone, parseInstant, parseLocalTime } from "./timezone";
import { checkCompute } from "./compute";
import { validateSpec } from "./validate";
import { CloudProfile, CloudProfiles } from "./profile";
import { BOUNDARY_NAMES, ResidencySpec, boundaryRegions, residencyIssues } from "./residency";

/** Every config key of the project (namespace `live-commerce`), with whether its value is structured. */
export const CONFIG_KEYS = {
    stage: "string",
    cloud: "string",
    prefix: "string",
    domain: "string",
    regions: "object",
    natStrategy: "string",
    compute: "string",
    appPort: "number",
    adminCidrs: "object",
    app: "object",
    scaling: "object",
    database: "object",
    cache: "object",
    queue: "object",
    kubernetes: "object",
    monitoring: "object",
    cdn: "object",
    tls: "object",
    dns: "object",
    video: "object",
    residency: "object",
    events: "object",
    peaks: "object",
    tags: "object",
} as const;
export type ConfigKey = keyof typeof CONFIG_KEYS;
export const PROJECT = "live-commerce";

export interface ResolveOptions {
    /** The instant validation compares live events against (the program passes the wall clock). */
    readonly now: Date;
}

const NAME_PATTERN = /^[a-z][a-z0-9-]{0,30}[a-z0-9]$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
const CIDR_TEXT = /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/;

/** Reads the stage and cloud; both decide everything else, so a bad one stops resolution at once. */
export function readIdentity(raw: ConfigObject): { stage: Stage; cloud: Cloud } {
    const issues: string[] = [];
    const stage = STAGES.find((s) => s === raw.stage);
    const cloud = CLOUDS.find((c) => c === raw.cloud);
    if (stage === undefined) issues.push(`stage: must be one of ${STAGES.join(", ")} (got ${show(raw.stage)})`);
    if (cloud === undefined) issues.push(`cloud: must be one of ${CLOUDS.join(", ")} (got ${show(raw.cloud)})`);
    if (stage === undefined || cloud === undefined) throw new ConfigError(issues);
    return { stage, cloud };
}

/**
 * Resolves a stack's config (the values of `live-commerce:*`, objects already parsed) into a
 * StackSpec, with the profile of its cloud from `profiles` (components/profiles.ts holds both).
 * Throws a ConfigError listing every problem; returns only a spec that is safe to deploy.
 */
export function resolveSpecWith(profiles: CloudProfiles, raw: ConfigObject, options: ResolveOptions): StackSpec {
    const { stage, cloud } = readIdentity(raw);
    const profile: CloudProfile = profiles[cloud];
    const preset = STAGE_PRESETS[stage];
    const r = new ConfigReader();
    for (const key of Object.keys(raw)) {
        if (!(key in CONFIG_KEYS)) r.failUnknownKey(key, `is not a config key of ${PROJECT}; allowed: ${Object.keys(CONFIG_KEYS).join(", ")}`);
    }
    const compute: ComputeTier = r.oneOf(raw, "compute", "", COMPUTE_TIERS, preset.compute);
    const spec: StackSpec = {
        project: PROJECT,
        stage,
        cloud,
        prefix: r.string(raw, "prefix", "", "lc", /^[a-z][a-z0-9]{1,9}$/, "2-10 lower-case letters and digits starting with a letter"),
        domain: r.string(raw, "domain", "", "live.example.com", DOMAIN_PATTERN, "a lower-case DNS name such as live.example.com"),
        onlineUsers: preset.onlineUsers,
        regions: readRegions(r, raw.regions),
        natStrategy: r.oneOf(raw, "natStrategy", "", NAT_STRATEGIES, preset.spec.natStrategy),
        compute,
        appPort: r.number(raw, "appPort", "", preset.spec.appPort, { integer: true, min: 1024, max: 65535 }),
        adminCidrs: r.stringList(raw, "adminCidrs", "", preset.spec.adminCidrs, CIDR_TEXT, "an IPv4 CIDR"),
        app: readApp(r, raw.app, preset),
        scaling: readScaling(r, raw.scaling, preset),
        database: readDatabase(r, raw.database, preset, profile, compute),
        cache: readCache(r, raw.cache, preset),
        queue: readQueue(r, raw.queue, preset),
        kubernetes: readKubernetes(r, raw.kubernetes, preset, compute),
        monitoring: readMonitoring(r, raw.monitoring, preset),
        tls: readTls(r, raw.tls, preset),
        cdn: readCdn(r, raw.cdn, preset, profile),
        dns: readDns(r, raw.dns, profile),
        video: readVideo(r, raw.video, preset),
        residency: readResidency(r, raw.residency, cloud),
        events: readEvents(r, raw.events),
        peaks: readPeaks(r, raw.peaks),
        tags: r.stringMap(raw.tags, "tags", preset.spec.tags),
    };
    const kubernetesEnabledSet = isConfigObject(raw.kubernetes) && raw.kubernetes.enabled !== undefined;
    const issues = [...r.issues, ...validateSpec(spec, profile, preset, options.now), ...checkCompute(spec, kubernetesEnabledSet), ...residencyIssues(spec, profile)];
    if (issues.length > 0) throw new ConfigError(issues);
    return spec;
}

function readSize(r: ConfigReader, value: unknown, field: string, fallback: ComputeSize): ComputeSize {
    const s = r.section(value, field, ["vcpu", "memoryGiB"]);
    return {
        vcpu: r.number(s, "vcpu", field, fallback.vcpu, { integer: true, min: 1, max: 128 }),
        memoryGiB: r.number(s, "memoryGiB", field, fallback.memoryGiB, { integer: true, min: 1, max: 1024 }),
    };
}

function readRegions(r: ConfigReader, value: unknown): RegionSpec[] {
    if (value === undefined) {
        r.fail("regions", value, "must list at least one region, e.g. [{name: cn-hangzhou, zones: [cn-hangzhou-h]}]");
        return [];
    }
    return r.list(value, "regions").flatMap((item, i) => {
        const field = `regions[${i}]`;
        if (!isConfigObject(item)) {
            r.fail(field, item, "must be an object with name, zones and optional cidr");
            return [];
        }
        const s = r.section(item, field, ["name", "zones", "cidr"]);
        return [
            {
                name: r.requiredString(s, "name", field, /^[a-z0-9-]+$/, "a region id such as cn-hangzhou or us-east-1"),
                zones: r.stringList(s, "zones", field, []),
                cidr: r.string(s, "cidr", field, defaultRegionCidr(i), CIDR_TEXT, "an IPv4 CIDR such as 10.10.0.0/16"),
            },
        ];
    });
}

function readApp(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["app"] {
    const d = preset.spec.app;
    const s = r.section(value, "app", ["size", "minSize", "maxSize", "healthCheckGracePeriodSeconds", "imageId"]);
    return {
        size: readSize(r, s.size, "app.size", d.size),
        minSize: r.number(s, "minSize", "app", d.minSize, { integer: true, min: 1, max: 1000 }),
        maxSize: r.number(s, "maxSize", "app", d.maxSize, { integer: true, min: 1, max: 1000 }),
        healthCheckGracePeriodSeconds: r.number(s, "healthCheckGracePeriodSeconds", "app", d.healthCheckGracePeriodSeconds, { integer: true, min: 0, max: 3600 }),
        imageId: r.nullableString(s, "imageId", "app", d.imageId),
    };
}

function readThreshold(r: ConfigReader, value: unknown, field: string, d: ScalingThreshold): ScalingThreshold {
    const s = r.section(value, field, ["connectionsPerInstance", "cpuPercent"]);
    return {
        connectionsPerInstance: r.number(s, "connectionsPerInstance", field, d.connectionsPerInstance, { integer: true, min: 1 }),
        cpuPercent: r.number(s, "cpuPercent", field, d.cpuPercent, { min: 1, max: 100 }),
    };
}

function readScaling(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["scaling"] {
    const d = preset.spec.scaling;
    const s = r.section(value, "scaling", [
        "scaleOut",
        "scaleIn",
        "scaleOutStepPercent",
        "scaleInStep",
        "scaleInStepPercent",
        "evaluationPeriodSeconds",
        "evaluationPeriods",
        "cooldownSeconds",
        "preScaleMinutes",
        "releaseAfterMinutes",
    ]);
    return {
        scaleOut: readThreshold(r, s.scaleOut, "scaling.scaleOut", d.scaleOut),
        scaleIn: readThreshold(r, s.scaleIn, "scaling.scaleIn", d.scaleIn),
        scaleOutStepPercent: r.number(s, "scaleOutStepPercent", "scaling", d.scaleOutStepPercent, { integer: true, min: 10, max: 500 }),
        scaleInStep: r.number(s, "scaleInStep", "scaling", d.scaleInStep, { integer: true, min: 1, max: 100 }),
        scaleInStepPercent: r.number(s, "scaleInStepPercent", "scaling", d.scaleInStepPercent, { integer: true, min: 1, max: 50 }),
        evaluationPeriodSeconds: r.number(s, "evaluationPeriodSeconds", "scaling", d.evaluationPeriodSeconds, { integer: true, min: 60, max: 3600 }),
        evaluationPeriods: r.number(s, "evaluationPeriods", "scaling", d.evaluationPeriods, { integer: true, min: 1, max: 10 }),
        cooldownSeconds: r.number(s, "cooldownSeconds", "scaling", d.cooldownSeconds, { integer: true, min: 0, max: 3600 }),
        preScaleMinutes: r.number(s, "preScaleMinutes", "scaling", d.preScaleMinutes, { integer: true, min: 5, max: 720 }),
        releaseAfterMinutes: r.number(s, "releaseAfterMinutes", "scaling", d.releaseAfterMinutes, { integer: true, min: 0, max: 720 }),
    };
}

function readDatabase(r: ConfigReader, value: unknown, preset: StagePreset, profile: CloudProfile, compute: ComputeTier): StackSpec["database"] {
    const d = preset.spec.database;
    const s = r.section(value, "database", ["engine", "size", "highAvailability", "readReplicas", "storageGiB", "backupRetentionDays", "globalDatabase", "serverless"]);
    const engine = r.oneOf(s, "engine", "database", DATABASE_ENGINES, preset.databaseEngine === "clustered" ? profile.clusteredEngine : "mysql");
    const size = readSize(r, s.size, "database.size", d.size);
    return {
        engine,
        serverless: readServerlessCapacity(r, s.serverless, serverlessCapacityDefault(compute, engine, size, profile)),
        size,
        highAvailability: r.boolean(s, "highAvailability", "database", d.highAvailability),
        readReplicas: r.number(s, "readReplicas", "database", d.readReplicas, { integer: true, min: 0, max: 15 }),
        storageGiB: r.number(s, "storageGiB", "database", d.storageGiB, { integer: true, min: 20, max: 65536 }),
        backupRetentionDays: r.number(s, "backupRetentionDays", "database", d.backupRetentionDays, { integer: true, min: 1, max: 35 }),
        globalDatabase: r.boolean(s, "globalDatabase", "database", d.globalDatabase),
    };
}

/**
 * `database.serverless`: `{enabled, minCapacity, maxCapacity}` over the default of the compute
 * choice; ranges are checked per engine by checkServerlessDatabase.
 */
function readServerlessCapacity(r: ConfigReader, value: unknown, fallback: ServerlessCapacity | null): ServerlessCapacity | null {
    const s = r.section(value, "database.serverless", ["enabled", "minCapacity", "maxCapacity"]);
    const enabled = r.boolean(s, "enabled", "database.serverless", fallback !== null);
    if (!enabled) return null;
    const base = fallback ?? SERVERLESS_CAPACITY_FALLBACK;
    return {
        minCapacity: r.number(s, "minCapacity", "database.serverless", base.minCapacity, { min: 0, max: 256 }),
        maxCapacity: r.number(s, "maxCapacity", "database.serverless", base.maxCapacity, { min: 0.5, max: 256 }),
    };
}

function readCache(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["cache"] {
    const d = preset.spec.cache;
    const s = r.section(value, "cache", ["mode", "shards", "replicasPerShard", "memoryGiB"]);
    return {
        mode: r.oneOf(s, "mode", "cache", CACHE_MODES, d.mode),
        shards: r.number(s, "shards", "cache", d.shards, { integer: true, min: 1, max: 256 }),
        replicasPerShard: r.number(s, "replicasPerShard", "cache", d.replicasPerShard, { integer: true, min: 0, max: 5 }),
        memoryGiB: r.number(s, "memoryGiB", "cache", d.memoryGiB, { integer: true, min: 1, max: 512 }),
    };
}

function readQueue(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["queue"] {
    const d = preset.spec.queue;
    const s = r.section(value, "queue", ["enabled", "topics", "partitions", "retentionHours"]);
    return {
        enabled: r.boolean(s, "enabled", "queue", d.enabled),
        topics: r.stringList(s, "topics", "queue", d.topics, /^[a-z][a-z0-9.-]{1,63}$/, "a topic name of lower-case letters, digits, dots and dashes"),
        partitions: r.number(s, "partitions", "queue", d.partitions, { integer: true, min: 1, max: 360 }),
        retentionHours: r.number(s, "retentionHours", "queue", d.retentionHours, { integer: true, min: 24, max: 8760 }),
    };
}

const IMAGE_PATTERN = /^(?!.*\/\/)[a-z0-9]([a-z0-9._\/:@-]{0,254})$/;
const IMAGE_WHAT = "an image reference such as registry.example.com/live-commerce/order:1.0.0";

function readKubernetes(r: ConfigReader, value: unknown, preset: StagePreset, compute: ComputeTier): StackSpec["kubernetes"] {
    const d = preset.spec.kubernetes;
    const s = r.section(value, "kubernetes", ["enabled", "version", "nodeSize", "minNodesPerZone", "maxNodesPerZone", "imageRegistry", "imageTag", "services"]);
    const services = r.section(s.services, "kubernetes.services", SERVICE_NAMES);
    const readService = (name: ServiceName): ServiceSpec => {
        const field = `kubernetes.services.${name}`;
        const svc = r.section(services[name], field, ["image", "minReplicas", "maxReplicas"]);
        const fallback = d.services[name];
        const image = r.nullableString(svc, "image", field, fallback.image);
        const imageOk = image === null || IMAGE_PATTERN.test(image);
        if (!imageOk) r.fail(`${field}.image`, image, `must be ${IMAGE_WHAT}`);
        return {
            image: imageOk ? image : fallback.image,
            minReplicas: r.number(svc, "minReplicas", field, fallback.minReplicas, { integer: true, min: 1, max: 1000 }),
            maxReplicas: r.number(svc, "maxReplicas", field, fallback.maxReplicas, { integer: true, min: 1, max: 1000 }),
        };
    };
    return {
        // The cluster exists exactly when it is the business tier (checkCompute rejects a contradiction).
        enabled: r.boolean(s, "enabled", "kubernetes", compute === "kubernetes"),
        version: r.string(s, "version", "kubernetes", d.version, /^1\.\d{2}$/, "a Kubernetes minor version such as 1.33"),
        nodeSize: readSize(r, s.nodeSize, "kubernetes.nodeSize", d.nodeSize),
        minNodesPerZone: r.number(s, "minNodesPerZone", "kubernetes", d.minNodesPerZone, { integer: true, min: 0, max: 100 }),
        maxNodesPerZone: r.number(s, "maxNodesPerZone", "kubernetes", d.maxNodesPerZone, { integer: true, min: 1, max: 100 }),
        imageRegistry: r.string(s, "imageRegistry", "kubernetes", d.imageRegistry, /^(?!.*\/\/)[a-z0-9]([a-z0-9._\/:-]{0,200}[a-z0-9])?$/, "a registry path such as registry.example.com/live-commerce"),
        imageTag: r.string(s, "imageTag", "kubernetes", d.imageTag, /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/, "an image tag such as 1.0.0"),
        services: { user: readService("user"), product: readService("product"), order: readService("order"), interaction: readService("interaction") },
    };
}

function readMonitoring(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["monitoring"] {
    const d = preset.spec.monitoring;
    const s = r.section(value, "monitoring", ["contacts", "dashboards"]);
    const c = r.section(s.contacts, "monitoring.contacts", ALARM_LEVELS);
    const email = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/;
    const contacts: Record<AlarmLevel, readonly string[]> = { warning: [], critical: [], fatal: [] };
    for (const level of ALARM_LEVELS) {
        contacts[level] = r.stringList(c, level, "monitoring.contacts", d.contacts[level], email, "an e-mail address");
    }
    return { levels: d.levels, contacts, dashboards: r.boolean(s, "dashboards", "monitoring", d.dashboards) };
}

function readCdn(r: ConfigReader, value: unknown, preset: StagePreset, profile: CloudProfile): StackSpec["cdn"] {
    const d = preset.spec.cdn;
    const s = r.section(value, "cdn", ["enabled", "originFailover", "certificate"]);
    const certificate = r.nullableString(s, "certificate", "cdn", d.certificate);
    const rule = profile.cdnCertificate;
    const certificateOk = certificate === null || rule.pattern.test(certificate);
    if (!certificateOk) r.fail("cdn.certificate", certificate, `must be ${rule.what} on ${profile.cloud}`);
    return {
        enabled: r.boolean(s, "enabled", "cdn", d.enabled),
        originFailover: r.boolean(s, "originFailover", "cdn", d.originFailover),
        certificate: certificateOk ? certificate : d.certificate,
    };
}

function readDns(r: ConfigReader, value: unknown, profile: CloudProfile): StackSpec["dns"] {
    const s = r.section(value, "dns", ["zoneId"]);
    const zoneId = r.nullableString(s, "zoneId", "dns", null);
    if (zoneId === null) return { zoneId };
    const rule = profile.dnsZoneId;
    if ("rejected" in rule) {
        r.fail("dns.zoneId", zoneId, rule.rejected);
        return { zoneId: null };
    }
    if (!rule.pattern.test(zoneId)) {
        r.fail("dns.zoneId", zoneId, `must be ${rule.what}`);
        return { zoneId: null };
    }
    return { zoneId };
}

function readVideo(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["video"] {
    const d = preset.spec.video;
    const s = r.section(value, "video", ["transcoderSize", "maxTranscoders", "transcoderImageId"]);
    return {
        transcoderSize: readSize(r, s.transcoderSize, "video.transcoderSize", d.transcoderSize),
        maxTranscoders: r.number(s, "maxTranscoders", "video", d.maxTranscoders, { integer: true, min: 1, max: 500 }),
        transcoderImageId: r.string(s, "transcoderImageId", "video", d.transcoderImageId, /^[A-Za-z0-9][A-Za-z0-9_.-]{1,127}$/, "an ECS image id such as m-bp1abc... or a public image id"),
    };
}

const REGION_ID = /^[a-z]{2}(-[a-z0-9]+){1,4}$/;

/**
 * `residency: {boundary}`: a boundary name of RESIDENCY_BOUNDARIES, or a list of region ids.
 * Defaults to none (every region one partition, as without residency).
 */
function readResidency(r: ConfigReader, value: unknown, cloud: Cloud): ResidencySpec | null {
    const s = r.section(value, "residency", ["boundary"]);
    const b = s.boundary;
    if (b === undefined || b === null) return null;
    if (typeof b === "string") {
        const regions = boundaryRegions(b, cloud);
        if (regions === undefined) {
            r.fail("residency.boundary", b, `must be one of ${BOUNDARY_NAMES.join(", ")}, or a list of region ids`);
            return null;
        }
        return { boundary: b, regions };
    }
    const regions = r.stringList(s, "boundary", "residency", [], REGION_ID, "a region id such as cn-hangzhou");
    if (!Array.isArray(b) || regions.length !== b.length) return null;
    if (regions.length === 0) {
        r.fail("residency.boundary", b, `must name a boundary (${BOUNDARY_NAMES.join(", ")}) or list at least one region id`);
        return null;
    }
    return { boundary: regions.join("+"), regions };
}

function readTls(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["tls"] {
    const s = r.section(value, "tls", ["certificateId"]);
    return { certificateId: r.nullableString(s, "certificateId", "tls", preset.spec.tls.certificateId) };
}

/**
 * Most viewers one event or peak may name per region: 100x the 100,000 of the largest single
 * stream in the requirements. Larger audiences are also stopped by the capacity check (instances
 * needed versus the largest app.maxSize).
 */
export const MAX_PEAK_ONLINE = 10_000_000;
/** Most broadcasts one event or peak may name per region. */
export const MAX_STREAMS = 1000;

function readInstant(r: ConfigReader, s: ConfigObject, key: string, field: string, example: string): string {
    const text = r.requiredString(s, key, field, ISO_INSTANT, `an ISO 8601 instant with offset, e.g. ${example}`);
    if (text !== "" && parseInstant(text) === null) {
        r.fail(`${field}.${key}`, text, "is not a calendar date and time (month 01-12, a day that exists in that month, hours 00-23, minutes and seconds 00-59)");
        return "";
    }
    return text;
}

function readTimeZone(r: ConfigReader, s: ConfigObject, field: string): string {
    const tz = r.string(s, "timeZone", field, "UTC");
    if (!isTimeZone(tz)) {
        r.fail(`${field}.timeZone`, tz, "is not an IANA time zone; allowed: a zone such as Asia/Shanghai or America/New_York");
        return "UTC";
    }
    return tz;
}

function readEvents(r: ConfigReader, value: unknown): LiveEvent[] {
    return r.list(value, "events").flatMap((item, i) => {
        const field = `events[${i}]`;
        if (!isConfigObject(item)) {
            r.fail(field, item, "must be an object with name, start, end, peakOnline and optional streams and timeZone");
            return [];
        }
        const s = r.section(item, field, ["name", "start", "end", "peakOnline", "streams", "timeZone"]);
        return [
            {
                name: r.requiredString(s, "name", field, NAME_PATTERN, "2-32 lower-case letters, digits and dashes"),
                start: readInstant(r, s, "start", field, "2026-12-12T12:00:00Z"),
                end: readInstant(r, s, "end", field, "2026-12-12T15:00:00Z"),
                peakOnline: r.requiredNumber(s, "peakOnline", field, { integer: true, min: 1, max: MAX_PEAK_ONLINE }),
                streams: r.number(s, "streams", field, 1, { integer: true, min: 1, max: MAX_STREAMS }),
                timeZone: readTimeZone(r, s, field),
            },
        ];
    });
}

const LOCAL_TIME_TEXT = /^\d{2}:\d{2}$/;

function readLocalTime(r: ConfigReader, s: ConfigObject, key: string, field: string): string {
    const text = r.requiredString(s, key, field, LOCAL_TIME_TEXT, "a local wall time HH:MM, e.g. 20:00");
    if (text !== "" && parseLocalTime(text) === null) {
        r.fail(`${field}.${key}`, text, "is not a time of day; allowed: 00:00 to 23:59");
        return "";
    }
    return text;
}

function readPeaks(r: ConfigReader, value: unknown): RecurringPeak[] {
    return r.list(value, "peaks").flatMap((item, i) => {
        const field = `peaks[${i}]`;
        if (!isConfigObject(item)) {
            r.fail(field, item, "must be an object with name, recurrence, start, end, peakOnline, timeZone and (weekly) days");
            return [];
        }
        const s = r.section(item, field, ["name", "recurrence", "days", "start", "end", "peakOnline", "streams", "timeZone"]);
        const recurrence = r.oneOf(s, "recurrence", field, RECURRENCES, "daily");
        const days = r.stringList(s, "days", field, [], new RegExp(`^(${WEEKDAYS.join("|")})$`), `a day of the week: ${WEEKDAYS.join(", ")}`);
        if (recurrence === "weekly" && days.length === 0) r.fail(`${field}.days`, s.days, `must list the days of a weekly peak: ${WEEKDAYS.join(", ")}`);
        if (recurrence === "daily" && s.days !== undefined) r.fail(`${field}.days`, s.days, "is for weekly peaks only; a daily peak runs every day");
        return [
            {
                name: r.requiredString(s, "name", field, NAME_PATTERN, "2-32 lower-case letters, digits and dashes"),
                recurrence,
                days: WEEKDAYS.filter((d) => days.includes(d)),
                start: readLocalTime(r, s, "start", field),
                end: readLocalTime(r, s, "end", field),
                peakOnline: r.requiredNumber(s, "peakOnline", field, { integer: true, min: 1, max: MAX_PEAK_ONLINE }),
                streams: r.number(s, "streams", field, 1, { integer: true, min: 1, max: MAX_STREAMS }),
                timeZone: r.requiredString(s, "timeZone", field, /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/, "an IANA time zone such as Asia/Shanghai") === "" ? "UTC" : readTimeZone(r, s, field),
            },
        ];
    });
}

