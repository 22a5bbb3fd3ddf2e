// Stack config -> resolved, validated StackSpec: the stage preset with the stack's overrides on top.

import { defaultRegionCidr } from "./cidr";
import { checkCompute, checkScheduledInstanceLimit, checkServerlessInstanceLimit, gracePeriodDefault } from "./compute";
import { unitSchedule } from "./serverless";
import { eventWindow, scheduleCeiling, stackScheduleHorizon, tierNeed, unitBounds } from "./schedule";
import { ConfigError, show } from "./errors";
import { SERVERLESS_CAPACITY_FALLBACK, STAGE_PRESETS, StagePreset, serverlessCapacityDefault } from "./presets";
import { ConfigObject, ConfigReader, isConfigObject, keysUnused, removeUnused } from "./reader";
import { CONFIG_FIELDS, CONFIG_KEY_NAMES, Fields, SectionValue } from "./schema";
import { ALARM_LEVELS, CLOUDS, Cloud, ComputeSize, ComputeTier, LiveEvent, RecurringPeak, RegionSpec, STAGES, ServerlessCapacity, ServiceName, ServiceSpec, StackSpec, Stage } from "./types";
import { validateSpec } from "./validate";
import { CloudProfile, CloudProfiles } from "./profile";
import { BOUNDARY_NAMES, ResidencySpec, boundaryRegions, residencyIssues } from "./residency";

/**
 * The project name of the blueprint as shipped (Pulumi.yaml `name`). The program and the offline
 * planner take the name from Pulumi.yaml (`pulumi.getProject()`, projectDefaults), so a fork that
 * renames its project keeps working; this is only the default of ResolveOptions.project.
 */
export const BLUEPRINT_PROJECT = "live-commerce";

export interface ResolveOptions {
    /** The instant validation compares live events against (the program passes the wall clock). */
    readonly now: Date;
    /** The Pulumi project name: the `project` tag and the names of the config keys in messages. Defaults to BLUEPRINT_PROJECT. */
    readonly project?: string;
}

/** One identity key read: its value, or the issue naming the key, the value and what is allowed. */
type IdentityRead<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issue: string };

function readOneOf<T extends string>(key: string, allowed: readonly T[], value: unknown): IdentityRead<T> {
    const found = allowed.find((a) => a === value);
    return found !== undefined ? { ok: true, value: found } : { ok: false, issue: `${key}: must be one of ${allowed.join(", ")} (got ${show(value)})` };
}

/**
 * Reads the stage and cloud; both decide everything else, so a bad one stops resolution at once.
 * Throws a ConfigError headed by `project` (Defaults to BLUEPRINT_PROJECT).
 */
export function readIdentity(raw: ConfigObject, project: string = BLUEPRINT_PROJECT): { stage: Stage; cloud: Cloud } {
    const stage = readOneOf("stage", STAGES, raw.stage);
    const cloud = readOneOf("cloud", CLOUDS, raw.cloud);
    if (stage.ok && cloud.ok) return { stage: stage.value, cloud: cloud.value };
    throw new ConfigError([stage, cloud].flatMap((read) => (read.ok ? [] : [read.issue])), project);
}

const F = CONFIG_FIELDS;

/**
 * Resolves a stack's config (the values of `<project>:*`, objects already parsed) into a
 * StackSpec: every key of CONFIG_FIELDS read against its declaration, over the stage preset's
 * defaults. Throws a ConfigError listing every problem; returns only a spec that is safe to deploy.
 */
export function resolveSpecWith(profiles: CloudProfiles, raw: ConfigObject, options: ResolveOptions): StackSpec {
    const project = options.project ?? BLUEPRINT_PROJECT;
    const { stage, cloud } = readIdentity(raw, project);
    const profile: CloudProfile = profiles[cloud];
    const preset = STAGE_PRESETS[stage];
    const d = preset.spec;
    const r = new ConfigReader();
    for (const key of Object.keys(raw)) {
        if (!CONFIG_KEY_NAMES.includes(key)) r.failUnknownKey(key, `is not a config key of ${project}; allowed: ${CONFIG_KEY_NAMES.join(", ")}`);
    }
    const compute: ComputeTier = r.choice(F.compute, raw, "compute", "", preset.compute);
    const spec: StackSpec = {
        project,
        stage,
        cloud,
        prefix: r.text(F.prefix, raw, "prefix", "", d.prefix),
        domain: r.text(F.domain, raw, "domain", "", d.domain),
        onlineUsers: preset.onlineUsers,
        regions: readRegions(r, raw.regions),
        natStrategy: r.choice(F.natStrategy, raw, "natStrategy", "", d.natStrategy),
        compute,
        appPort: r.number(F.appPort, raw, "appPort", "", d.appPort),
        adminCidrs: r.textList(F.adminCidrs, raw, "adminCidrs", "", d.adminCidrs),
        app: readApp(r, raw.app, preset, compute),
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
        residency: readResidency(r, raw.residency, profile),
        events: readEvents(r, raw.events),
        peaks: readPeaks(r, raw.peaks),
        tags: r.textMap(F.tags, raw.tags, "tags", d.tags),
    };
    const kubernetesEnabledSet = isConfigObject(raw.kubernetes) && raw.kubernetes.enabled !== undefined;
    const issues = [...r.issues, ...keysUnused(compute, cloud, raw, CONFIG_FIELDS, project), ...serverlessBoundsUnused(raw, spec.database, profile, project), ...validateSpec(spec, profile, preset, options.now), ...checkCompute(spec, kubernetesEnabledSet), ...checkServerlessInstanceLimit(spec, profile.serverlessInstanceLimit), ...residencyIssues(spec, profile)];
    if (issues.length > 0) throw new ConfigError(issues, project);
    // The scheduled ceilings of the serverless units (events, peaks), once the spec is valid to plan
    // them on: those this up declares, and those of every event still ahead and every peak, each
    // judged now, so an event beyond the horizon that a later up would be refused for is refused
    // today (a stack valid now stays valid).
    const now = options.now.getTime();
    const scheduled = checkScheduledInstanceLimit(spec, profile.serverlessInstanceLimit, (unit, region) => {
        const schedule = unitSchedule(spec, region, unit, now, stackScheduleHorizon(spec, profile.scheduleHorizon), profile.eventLimit(spec, now));
        const ahead = [...spec.events.filter((e) => (eventWindow(spec, e.start, e.end)?.to ?? -Infinity) > now), ...spec.peaks];
        const needs = ahead.map((e) => tierNeed(spec, region, "serverlessUnit", unitBounds(unit, region), e.peakOnline, e.streams));
        return Math.max(0, ...schedule.oneOff.map((a) => a.maxSize), ...schedule.recurring.map((a) => a.maxSize), scheduleCeiling({ maxSize: unit.maxInstances }, needs));
    });
    if (scheduled.length > 0) throw new ConfigError(scheduled, project);
    return spec;
}

const SIZE_FIELDS = F.app.fields.size.fields;

function readSize(r: ConfigReader, value: unknown, field: string, fallback: ComputeSize): ComputeSize {
    const s = r.section(value, field, SIZE_FIELDS);
    return {
        vcpu: r.number(SIZE_FIELDS.vcpu, s, "vcpu", field, fallback.vcpu),
        memoryGiB: r.number(SIZE_FIELDS.memoryGiB, s, "memoryGiB", field, fallback.memoryGiB),
    };
}

/** The items of a list field that are objects, each with its field path; other items are issues. */
function readItems(r: ConfigReader, value: unknown, key: string, what: string, fields: Fields): { s: ConfigObject; field: string; i: number }[] {
    return r.list(value, key).flatMap((item, i) => {
        const field = `${key}[${i}]`;
        if (!isConfigObject(item)) {
            r.fail(field, item, `must be ${what}`);
            return [];
        }
        return [{ s: r.section(item, field, fields), field, i }];
    });
}

function readRegions(r: ConfigReader, value: unknown): RegionSpec[] {
    if (value === undefined) {
        r.fail("regions", value, "must list at least one region, e.g. [{name: cn-hangzhou, zones: [cn-hangzhou-h]}]");
        return [];
    }
    const f = F.regions.item;
    return readItems(r, value, "regions", F.regions.itemWhat, f).map(({ s, field, i }) => ({
        name: r.text(f.name, s, "name", field, ""),
        zones: r.textList(f.zones, s, "zones", field, []),
        cidr: r.text(f.cidr, s, "cidr", field, defaultRegionCidr(i)),
    }));
}

function readApp(r: ConfigReader, value: unknown, preset: StagePreset, compute: ComputeTier): StackSpec["app"] {
    const d = preset.spec.app;
    const f = F.app.fields;
    const s = r.section(value, "app", f);
    return {
        size: readSize(r, s.size, "app.size", d.size),
        minSize: r.number(f.minSize, s, "minSize", "app", d.minSize),
        maxSize: r.number(f.maxSize, s, "maxSize", "app", d.maxSize),
        healthCheckGracePeriodSeconds: r.number(f.healthCheckGracePeriodSeconds, s, "healthCheckGracePeriodSeconds", "app", gracePeriodDefault(compute, d.healthCheckGracePeriodSeconds)),
        imageId: r.optionalText(f.imageId, s, "imageId", "app", d.imageId),
    };
}

type ThresholdFields = typeof F.scaling.fields.scaleOut.fields;

function readThreshold(r: ConfigReader, value: unknown, field: string, d: SectionValue<ThresholdFields>): SectionValue<ThresholdFields> {
    const f = F.scaling.fields.scaleOut.fields;
    const s = r.section(value, field, f);
    return {
        connectionsPerInstance: r.number(f.connectionsPerInstance, s, "connectionsPerInstance", field, d.connectionsPerInstance),
        cpuPercent: r.number(f.cpuPercent, s, "cpuPercent", field, d.cpuPercent),
    };
}

function readScaling(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["scaling"] {
    const d = preset.spec.scaling;
    const f = F.scaling.fields;
    const s = r.section(value, "scaling", f);
    const n = (key: "scaleOutStepPercent" | "scaleInStep" | "scaleInStepPercent" | "evaluationPeriodSeconds" | "evaluationPeriods" | "cooldownSeconds" | "preScaleMinutes" | "releaseAfterMinutes" | "essScheduledTaskQuota"): number =>
        r.number(f[key], s, key, "scaling", d[key]);
    return {
        scaleOut: readThreshold(r, s.scaleOut, "scaling.scaleOut", d.scaleOut),
        scaleIn: readThreshold(r, s.scaleIn, "scaling.scaleIn", d.scaleIn),
        scaleOutStepPercent: n("scaleOutStepPercent"),
        scaleInStep: n("scaleInStep"),
        scaleInStepPercent: n("scaleInStepPercent"),
        evaluationPeriodSeconds: n("evaluationPeriodSeconds"),
        evaluationPeriods: n("evaluationPeriods"),
        cooldownSeconds: n("cooldownSeconds"),
        preScaleMinutes: n("preScaleMinutes"),
        releaseAfterMinutes: n("releaseAfterMinutes"),
        essScheduledTaskQuota: n("essScheduledTaskQuota"),
    };
}

function readDatabase(r: ConfigReader, value: unknown, preset: StagePreset, profile: CloudProfile, compute: ComputeTier): StackSpec["database"] {
    const d = preset.spec.database;
    const f = F.database.fields;
    const s = r.section(value, "database", f);
    const engine = r.choice(f.engine, s, "engine", "database", preset.databaseEngine === "clustered" ? profile.clusteredEngine : "mysql");
    const size = readSize(r, s.size, "database.size", d.size);
    return {
        engine,
        ...readServerlessCapacity(r, s.serverless, serverlessCapacityDefault(compute, engine, size, profile), profile.serverlessCapacity.rangeWhileProvisioned ? serverlessCapacityDefault("serverless", engine, size, profile) : null),
        size,
        highAvailability: r.boolean(f.highAvailability, s, "highAvailability", "database", d.highAvailability),
        readReplicas: r.number(f.readReplicas, s, "readReplicas", "database", d.readReplicas),
        storageGiB: r.number(f.storageGiB, s, "storageGiB", "database", d.storageGiB),
        backupRetentionDays: r.number(f.backupRetentionDays, s, "backupRetentionDays", "database", d.backupRetentionDays),
        globalDatabase: r.boolean(f.globalDatabase, s, "globalDatabase", "database", d.globalDatabase),
    };
}

/**
 * `database.serverless`: `{enabled, minCapacity, maxCapacity}` over the default of the compute
 * choice (`fallback`); ranges are checked per engine by checkServerlessDatabase. With `enabled`
 * false on an engine that keeps its range on provisioned nodes (`kept`: the engine's serverless
 * default; null on PolarDB, CloudProfile serverlessCapacity.rangeWhileProvisioned, and on another
 * engine) the bounds are still read into `serverlessRange`, the range Aurora keeps declaring on a
 * cluster of provisioned instances (components/aws/database.ts), so switching back from serverless
 * sends the same range and not a removal. Bounds nothing reads are serverlessBoundsUnused's issues.
 */
function readServerlessCapacity(r: ConfigReader, value: unknown, fallback: ServerlessCapacity | null, kept: ServerlessCapacity | null): Pick<StackSpec["database"], "serverless" | "serverlessRange"> {
    const f = F.database.fields.serverless.fields;
    const s = r.section(value, "database.serverless", f);
    const enabled = r.boolean(f.enabled, s, "enabled", "database.serverless", fallback !== null);
    const base = enabled ? (fallback ?? SERVERLESS_CAPACITY_FALLBACK) : kept;
    if (base === null) return { serverless: null, serverlessRange: null };
    const range = {
        minCapacity: r.number(f.minCapacity, s, "minCapacity", "database.serverless", base.minCapacity),
        maxCapacity: r.number(f.maxCapacity, s, "maxCapacity", "database.serverless", base.maxCapacity),
    };
    return { serverless: enabled ? range : null, serverlessRange: enabled && kept === null ? null : range };
}

/**
 * `database.serverless.minCapacity` / `maxCapacity` set where no database reads them: the serverless
 * database is off (`serverless` null) and the engine keeps no range on provisioned nodes
 * (`serverlessRange` null): PolarDB with `enabled` false, or an engine without serverless capacity
 * (RDS MySQL). One issue per key set, naming the key, why it is not used and the command that
 * removes it, under the project's own name (`project`); the values are not shown (not judged).
 */
function serverlessBoundsUnused(raw: ConfigObject, database: Pick<StackSpec["database"], "engine" | "serverless" | "serverlessRange">, profile: Pick<CloudProfile, "clusteredEngine">, project: string): string[] {
    if (database.serverless !== null || database.serverlessRange !== null) return [];
    const section = isConfigObject(raw.database) && isConfigObject(raw.database.serverless) ? raw.database.serverless : {};
    const engine = database.engine;
    const clustered = profile.clusteredEngine;
    return (["minCapacity", "maxCapacity"] as const).flatMap((key) => {
        if (section[key] === undefined || section[key] === null) return [];
        const field = `database.serverless.${key}`;
        if (engine !== clustered) {
            return [`${field}: is not used with engine ${engine} (engine ${clustered} only: ${engine} has no serverless capacity); ${removeUnused(project, field, `with engine ${engine}`)}`];
        }
        const where = `with database.serverless.enabled false on ${engine}`;
        return [`${field}: is not used ${where} (${engine} declares a capacity range on serverless nodes only: a cluster of provisioned nodes has none); ${removeUnused(project, field, where)}`];
    });
}

function readCache(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["cache"] {
    const d = preset.spec.cache;
    const f = F.cache.fields;
    const s = r.section(value, "cache", f);
    return {
        mode: r.choice(f.mode, s, "mode", "cache", d.mode),
        shards: r.number(f.shards, s, "shards", "cache", d.shards),
        replicasPerShard: r.number(f.replicasPerShard, s, "replicasPerShard", "cache", d.replicasPerShard),
        memoryGiB: r.number(f.memoryGiB, s, "memoryGiB", "cache", d.memoryGiB),
    };
}

function readQueue(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["queue"] {
    const d = preset.spec.queue;
    const f = F.queue.fields;
    const s = r.section(value, "queue", f);
    return {
        enabled: r.boolean(f.enabled, s, "enabled", "queue", d.enabled),
        topics: r.textList(f.topics, s, "topics", "queue", d.topics),
        partitions: r.number(f.partitions, s, "partitions", "queue", d.partitions),
        retentionHours: r.number(f.retentionHours, s, "retentionHours", "queue", d.retentionHours),
    };
}

function readKubernetes(r: ConfigReader, value: unknown, preset: StagePreset, compute: ComputeTier): StackSpec["kubernetes"] {
    const d = preset.spec.kubernetes;
    const f = F.kubernetes.fields;
    const s = r.section(value, "kubernetes", f);
    const services = r.section(s.services, "kubernetes.services", f.services.fields);
    const readService = (name: ServiceName): ServiceSpec => {
        const field = `kubernetes.services.${name}`;
        const sf = f.services.fields[name].fields;
        const svc = r.section(services[name], field, sf);
        const fallback = d.services[name];
        return {
            image: r.optionalText(sf.image, svc, "image", field, fallback.image),
            minReplicas: r.number(sf.minReplicas, svc, "minReplicas", field, fallback.minReplicas),
            maxReplicas: r.number(sf.maxReplicas, svc, "maxReplicas", field, fallback.maxReplicas),
        };
    };
    return {
        // The cluster exists exactly when it is the business tier (checkCompute rejects a contradiction).
        enabled: r.boolean(f.enabled, s, "enabled", "kubernetes", compute === "kubernetes"),
        version: r.text(f.version, s, "version", "kubernetes", d.version),
        nodeSize: readSize(r, s.nodeSize, "kubernetes.nodeSize", d.nodeSize),
        minNodesPerZone: r.number(f.minNodesPerZone, s, "minNodesPerZone", "kubernetes", d.minNodesPerZone),
        maxNodesPerZone: r.number(f.maxNodesPerZone, s, "maxNodesPerZone", "kubernetes", d.maxNodesPerZone),
        imageRegistry: r.text(f.imageRegistry, s, "imageRegistry", "kubernetes", d.imageRegistry),
        imageTag: r.text(f.imageTag, s, "imageTag", "kubernetes", d.imageTag),
        kubectlImage: r.optionalText(f.kubectlImage, s, "kubectlImage", "kubernetes", d.kubectlImage),
        saeInstanceWhitelist: r.boolean(f.saeInstanceWhitelist, s, "saeInstanceWhitelist", "kubernetes", d.saeInstanceWhitelist),
        services: { user: readService("user"), product: readService("product"), order: readService("order"), interaction: readService("interaction") },
    };
}

function readMonitoring(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["monitoring"] {
    const d = preset.spec.monitoring;
    const f = F.monitoring.fields;
    const s = r.section(value, "monitoring", f);
    const c = r.section(s.contacts, "monitoring.contacts", f.contacts.fields);
    const contacts = (level: (typeof ALARM_LEVELS)[number]): readonly string[] => r.textList(f.contacts.fields[level], c, level, "monitoring.contacts", d.contacts[level]);
    return { levels: d.levels, contacts: { warning: contacts("warning"), critical: contacts("critical"), fatal: contacts("fatal") } };
}

function readCdn(r: ConfigReader, value: unknown, preset: StagePreset, profile: CloudProfile): StackSpec["cdn"] {
    const d = preset.spec.cdn;
    const f = F.cdn.fields;
    const s = r.section(value, "cdn", f);
    const certificate = r.optionalText(f.certificate, s, "certificate", "cdn", d.certificate);
    const rule = profile.cdnCertificate;
    const certificateOk = certificate === null || rule.pattern.test(certificate);
    if (!certificateOk) r.fail("cdn.certificate", certificate, `must be ${rule.what} on ${profile.cloud}`);
    return {
        enabled: r.boolean(f.enabled, s, "enabled", "cdn", d.enabled),
        originFailover: r.boolean(f.originFailover, s, "originFailover", "cdn", d.originFailover),
        certificate: certificateOk ? certificate : d.certificate,
        certificateNames: r.textList(f.certificateNames, s, "certificateNames", "cdn", d.certificateNames),
    };
}

/**
 * `dns.zoneId` in the cloud's format (CloudProfile.dnsZoneId). A cloud whose steering takes no zone
 * id has none: the key is declared aws only (schema.ts) and keysUnused reports it there.
 */
function readDns(r: ConfigReader, value: unknown, profile: CloudProfile): StackSpec["dns"] {
    const f = F.dns.fields;
    const s = r.section(value, "dns", f);
    const zoneId = r.optionalText(f.zoneId, s, "zoneId", "dns", null);
    const rule = profile.dnsZoneId;
    if (zoneId === null || rule === null) return { zoneId: null };
    if (!rule.pattern.test(zoneId)) {
        r.fail("dns.zoneId", zoneId, `must be ${rule.what}`);
        return { zoneId: null };
    }
    return { zoneId };
}

function readVideo(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["video"] {
    const d = preset.spec.video;
    const f = F.video.fields;
    const s = r.section(value, "video", f);
    return {
        transcoderSize: readSize(r, s.transcoderSize, "video.transcoderSize", d.transcoderSize),
        maxTranscoders: r.number(f.maxTranscoders, s, "maxTranscoders", "video", d.maxTranscoders),
        transcoderImageId: r.text(f.transcoderImageId, s, "transcoderImageId", "video", d.transcoderImageId),
    };
}

function readResidency(r: ConfigReader, value: unknown, profile: Pick<CloudProfile, "residencyBoundaries">): ResidencySpec | null {
    const f = F.residency.fields.boundary;
    const s = r.section(value, "residency", F.residency.fields);
    const b = s.boundary;
    if (b === undefined || b === null) return null;
    if (typeof b === "string") {
        const regions = boundaryRegions(b, profile);
        if (regions === undefined) {
            r.fail("residency.boundary", b, `must be one of ${BOUNDARY_NAMES.join(", ")}, or a list of region ids`);
            return null;
        }
        return { boundary: b, regions };
    }
    const regions = r.textList({ kind: "textList", pattern: f.pattern, what: f.what, doc: f.doc }, s, "boundary", "residency", []);
    if (!Array.isArray(b) || regions.length !== b.length) return null;
    if (regions.length === 0) {
        r.fail("residency.boundary", b, `must name a boundary (${BOUNDARY_NAMES.join(", ")}) or list at least one region id`);
        return null;
    }
    return { boundary: regions.join("+"), regions };
}

function readTls(r: ConfigReader, value: unknown, preset: StagePreset): StackSpec["tls"] {
    const f = F.tls.fields;
    const s = r.section(value, "tls", f);
    return {
        certificateId: r.optionalText(f.certificateId, s, "certificateId", "tls", preset.spec.tls.certificateId),
        certificateNames: r.textList(f.certificateNames, s, "certificateNames", "tls", preset.spec.tls.certificateNames),
    };
}

function readEvents(r: ConfigReader, value: unknown): LiveEvent[] {
    const f = F.events.item;
    return readItems(r, value, "events", F.events.itemWhat, f).map(({ s, field }) => ({
        name: r.text(f.name, s, "name", field, ""),
        start: r.text(f.start, s, "start", field, ""),
        end: r.text(f.end, s, "end", field, ""),
        peakOnline: r.number(f.peakOnline, s, "peakOnline", field, 0),
        streams: r.number(f.streams, s, "streams", field, 1),
        timeZone: r.text(f.timeZone, s, "timeZone", field, "UTC"),
    }));
}

function readPeaks(r: ConfigReader, value: unknown): RecurringPeak[] {
    const f = F.peaks.item;
    return readItems(r, value, "peaks", F.peaks.itemWhat, f).map(({ s, field }) => {
        const recurrence = r.choice(f.recurrence, s, "recurrence", field, "daily");
        const days = r.choiceList(f.days, s, "days", field, []);
        if (recurrence === "weekly" && days.length === 0) r.fail(`${field}.days`, s.days, `must list the days of a weekly peak: ${f.days.values.join(", ")}`);
        if (recurrence === "daily" && s.days !== undefined) r.fail(`${field}.days`, s.days, "is for weekly peaks only; a daily peak runs every day");
        return {
            name: r.text(f.name, s, "name", field, ""),
            recurrence,
            days,
            start: r.text(f.start, s, "start", field, ""),
            end: r.text(f.end, s, "end", field, ""),
            peakOnline: r.number(f.peakOnline, s, "peakOnline", field, 0),
            streams: r.number(f.streams, s, "streams", field, 1),
            // A missing or bad zone is reported; UTC keeps the cross-peak checks computable.
            timeZone: r.text(f.timeZone, s, "timeZone", field, "UTC") || "UTC",
        };
    });
}
