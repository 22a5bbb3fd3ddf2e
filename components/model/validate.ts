// Cross-field validation of a resolved spec. Each check is a small pure function returning issues;
// an issue names the field, the value and what is allowed.

import { DEFAULT_MIN_PUBLIC_PREFIX, describeWideness, tooWide, worldCovered } from "../../policies/lib/network";
import { REGION_PREFIX_RANGE, ZONE_SLOTS, cidrsOverlap, parseCidr } from "./cidr";
import { show } from "./errors";
import { checkKubernetesServices } from "./kubernetes";
import { checkPodsFitNodes } from "./kubernetes-addons";
import { StagePreset } from "./presets";
import { checkComputeSize } from "./sizes";
import { PLANNED_UTILISATION, instancesForOnline } from "./scaling";
import { eventWindow, peakStartDays } from "./schedule";
import { DAY_MS, MINUTES_PER_DAY, nextOffsetChange, parseInstant, parseLocalTime, utcMinute, zoneOffsetMinutes } from "./timezone";
import { LiveEvent, RecurringPeak, RegionSpec, StackSpec } from "./types";
import { CloudProfile } from "./profile";
import { checkRegionId, checkRegionServices, checkZoneId, regionWord } from "./regions";

/**
 * Every issue of a resolved spec: the cloud-neutral checks, then the cloud's own (profile.check).
 * Each issue names the field, the value and what is allowed.
 */
export function validateSpec(spec: StackSpec, profile: CloudProfile, preset: StagePreset, now: Date): string[] {
    return [
        ...checkRegionCount(spec, preset),
        ...spec.regions.flatMap((region, i) => checkRegion(spec, profile, preset, region, i)),
        ...checkRegionsDistinct(spec.regions),
        ...checkLoadBalancerZones(spec.regions),
        ...checkAppCapacity(spec),
        ...checkScalingThresholds(spec),
        ...checkDatabase(spec, profile),
        ...checkServerlessDatabase(spec, profile),
        ...checkCache(spec),
        ...checkCdn(spec),
        ...checkKubernetes(spec),
        ...checkKubernetesServices(spec),
        ...checkPodsFitNodes(spec),
        ...checkEvents(spec, now),
        ...checkPeaks(spec, now),
        ...checkAdminCidrs(spec),
        ...checkComputeSize(profile.instances, spec.app.size, "app.size"),
        ...(spec.kubernetes.enabled ? checkComputeSize(profile.instances, spec.kubernetes.nodeSize, "kubernetes.nodeSize") : []),
        ...profile.check(spec, now),
    ];
}

export function checkRegionCount(spec: StackSpec, preset: StagePreset): string[] {
    if (spec.regions.length >= preset.minRegions) return [];
    return [
        `regions: ${spec.stage} stage needs >= ${preset.minRegions} region${preset.minRegions > 1 ? "s" : ""} ` +
            `(got ${spec.regions.length}: ${show(spec.regions.map((r) => r.name))})`,
    ];
}

export function checkRegion(spec: StackSpec, profile: CloudProfile, preset: StagePreset, region: RegionSpec, i: number): string[] {
    const field = `regions[${i}]`;
    const issues: string[] = [];
    if (region.name === "") return issues; // reported as missing by the reader
    issues.push(...checkRegionId(profile.regions, `${field}.name`, region.name), ...checkRegionServices(profile.regions, `${field}.name`, region.name));
    if (region.zones.length < preset.minZonesPerRegion) {
        issues.push(
            `${field}.zones: ${spec.stage} stage needs >= ${preset.minZonesPerRegion} zone${preset.minZonesPerRegion > 1 ? "s" : ""} ` +
                `in region ${regionWord(region.name)} (got ${region.zones.length})`,
        );
    }
    if (region.zones.length > ZONE_SLOTS) {
        issues.push(`${field}.zones: at most ${ZONE_SLOTS} zones per region (got ${region.zones.length})`);
    }
    region.zones.forEach((zone, z) => {
        issues.push(...checkZoneId(profile.regions, `${field}.zones[${z}]`, region.name, zone));
        if (region.zones.indexOf(zone) !== z) issues.push(`${field}.zones[${z}]: zone ${show(zone)} is listed twice`);
    });
    const cidr = parseCidr(region.cidr);
    if (cidr === null) {
        issues.push(`${field}.cidr: not an IPv4 network address (got ${show(region.cidr)}); allowed: e.g. 10.10.0.0/16`);
    } else if (cidr.prefix < REGION_PREFIX_RANGE.min || cidr.prefix > REGION_PREFIX_RANGE.max) {
        issues.push(`${field}.cidr: prefix /${cidr.prefix} out of range (got ${show(region.cidr)}); allowed: /${REGION_PREFIX_RANGE.min} to /${REGION_PREFIX_RANGE.max}`);
    }
    return issues;
}

/**
 * Layer-7 load balancers of both clouds (Alibaba Cloud ALB, AWS Application Load Balancer) need
 * addresses in at least two zones, so every region lists two even when its stage is single-zone.
 */
export const LOAD_BALANCER_MIN_ZONES = 2;

export function checkLoadBalancerZones(regions: readonly RegionSpec[]): string[] {
    return regions.flatMap((region, i) =>
        region.zones.length > 0 && region.zones.length < LOAD_BALANCER_MIN_ZONES
            ? [
                  `regions[${i}].zones: the load balancer needs >= ${LOAD_BALANCER_MIN_ZONES} zones of ${regionWord(region.name)} (got ${region.zones.length}); ` +
                      "allowed: list a second zone (a startup stack still keeps its database and cache in the first zone)",
              ]
            : [],
    );
}

export function checkRegionsDistinct(regions: readonly RegionSpec[]): string[] {
    const issues: string[] = [];
    regions.forEach((a, i) => {
        if (a.name !== "" && regions.findIndex((b) => b.name === a.name) !== i) {
            issues.push(`regions[${i}].name: region ${show(a.name)} is listed twice`);
        }
        const ca = parseCidr(a.cidr);
        regions.slice(0, i).forEach((b, j) => {
            const cb = parseCidr(b.cidr);
            if (ca !== null && cb !== null && cidrsOverlap(ca, cb)) {
                issues.push(`regions[${i}].cidr: ${a.cidr} overlaps regions[${j}].cidr ${b.cidr}; allowed: non-overlapping networks, e.g. 10.${10 * (i + 1)}.0.0/16`);
            }
        });
    });
    return issues;
}

export function checkAppCapacity(spec: StackSpec): string[] {
    const issues: string[] = [];
    const { minSize, maxSize } = spec.app;
    if (minSize > maxSize) issues.push(`app.minSize: ${minSize} is greater than app.maxSize ${maxSize}; allowed: minSize <= maxSize`);
    if (spec.stage !== "startup") {
        const zones = Math.max(0, ...spec.regions.map((r) => r.zones.length));
        if (minSize < zones) {
            issues.push(`app.minSize: ${spec.stage} stage needs >= 1 instance per zone, ${zones} for ${zones} zones (got ${minSize})`);
        }
    }
    return issues;
}

export function checkScalingThresholds(spec: StackSpec): string[] {
    const { scaleIn, scaleOut } = spec.scaling;
    const issues: string[] = [];
    if (scaleIn.connectionsPerInstance >= scaleOut.connectionsPerInstance) {
        issues.push(
            `scaling.scaleIn.connectionsPerInstance: ${scaleIn.connectionsPerInstance} must be below scaling.scaleOut.connectionsPerInstance ${scaleOut.connectionsPerInstance}; allowed: < ${scaleOut.connectionsPerInstance}`,
        );
    }
    if (scaleIn.cpuPercent >= scaleOut.cpuPercent) {
        issues.push(`scaling.scaleIn.cpuPercent: ${scaleIn.cpuPercent} must be below scaling.scaleOut.cpuPercent ${scaleOut.cpuPercent}; allowed: < ${scaleOut.cpuPercent}`);
    }
    return issues;
}

export function checkDatabase(spec: StackSpec, profile: Pick<CloudProfile, "engines" | "clusteredEngine">): string[] {
    const allowed: readonly string[] = profile.engines;
    const issues: string[] = [];
    if (!allowed.includes(spec.database.engine)) {
        issues.push(`database.engine: ${show(spec.database.engine)} is not offered on ${spec.cloud}; allowed: ${allowed.join(", ")}`);
    }
    if (spec.database.globalDatabase && spec.database.engine === "mysql") {
        issues.push(`database.globalDatabase: a global database needs engine ${profile.clusteredEngine} (got engine "mysql")`);
    }
    if (spec.database.globalDatabase && spec.regions.length < 2) {
        issues.push(`database.globalDatabase: a global database needs >= 2 regions (got ${spec.regions.length})`);
    }
    return issues;
}

/**
 * Issues of `database.serverless`: the cloud's clustered engine, and capacities within its range
 * (CloudProfile.serverlessCapacity), also while the nodes are provisioned (the range a cluster
 * keeps, DatabaseSpec.serverlessRange). A floor the engine takes to pause idle nodes (`pause`:
 * Aurora's 0 ACU) gets its own issue saying what it does.
 */
export function checkServerlessDatabase(spec: Pick<StackSpec, "database">, profile: Pick<CloudProfile, "clusteredEngine" | "serverlessCapacity">): string[] {
    const sl = spec.database.serverless ?? spec.database.serverlessRange;
    if (sl === null) return [];
    const engine = spec.database.engine;
    if (spec.database.serverless !== null && engine !== profile.clusteredEngine) {
        return [`database.serverless: a serverless database needs engine ${profile.clusteredEngine} (got engine ${show(engine)}); allowed: database.serverless.enabled false, or that engine`];
    }
    const range = profile.serverlessCapacity;
    const issues: string[] = [];
    const allowed = `${range.min} to ${range.max} in steps of ${range.step}`;
    for (const key of ["minCapacity", "maxCapacity"] as const) {
        const v = sl[key];
        const onStep = Number.isInteger(v / range.step);
        if (key === "minCapacity" && range.pause !== null && v === range.pause.capacity) {
            issues.push(`database.serverless.minCapacity: ${v} ${range.unit} turns on ${engine}'s auto-pause (${range.pause.effect}); allowed: ${allowed}`);
        } else if (v < range.min || v > range.max) {
            issues.push(`database.serverless.${key}: ${v} ${range.unit} is outside ${engine}'s range; allowed: ${allowed}`);
        } else if (!onStep) {
            issues.push(`database.serverless.${key}: ${v} ${range.unit} is not a multiple of ${range.step} ${range.unit}; allowed: ${allowed}`);
        }
    }
    if (sl.minCapacity > sl.maxCapacity) {
        issues.push(
            `database.serverless.maxCapacity: ${sl.maxCapacity} ${range.unit} is below database.serverless.minCapacity ${sl.minCapacity} ${range.unit} (the value set, or its default when unset); allowed: maxCapacity >= minCapacity (set both together)`,
        );
    }
    if (sl.minCapacity > range.maxMinCapacity && sl.minCapacity <= range.max) {
        issues.push(`database.serverless.minCapacity: ${sl.minCapacity} ${range.unit} leaves no room to scale; allowed: ${range.min} to ${range.maxMinCapacity} (${engine}'s floor tops at ${range.maxMinCapacity})`);
    }
    return issues;
}

export function checkCache(spec: StackSpec): string[] {
    const c = spec.cache;
    if (c.mode === "standalone" && (c.shards !== 1 || c.replicasPerShard !== 0)) {
        return [`cache.mode: standalone means 1 shard and 0 replicas (got ${c.shards} shards, ${c.replicasPerShard} replicas); allowed: mode cluster for shards or replicas`];
    }
    return [];
}

/**
 * `cdn.enabled` false is refused: every request flow enters through the CDN domain (the viewers'
 * pages and API everywhere, orders and reads wherever no API name reaches the region), and without
 * it no name the stack declares or outputs resolves the domain to a load balancer, so the viewers
 * would reach nothing (policies/flows: "no CDN domain serves the viewers").
 */
export function checkCdn(spec: Pick<StackSpec, "cdn">): string[] {
    if (spec.cdn.enabled) return [];
    return ["cdn.enabled: false leaves the viewers no entry (every request flow enters through the CDN domain, and the stack gives the domain no other name to a load balancer); allowed: true"];
}

export function checkKubernetes(spec: StackSpec): string[] {
    const k = spec.kubernetes;
    if (k.minNodesPerZone > k.maxNodesPerZone) {
        return [`kubernetes.minNodesPerZone: ${k.minNodesPerZone} is greater than kubernetes.maxNodesPerZone ${k.maxNodesPerZone}; allowed: min <= max`];
    }
    return [];
}

export function checkAdminCidrs(spec: StackSpec): string[] {
    const each = spec.adminCidrs.flatMap((c, i) => {
        const cidr = parseCidr(c);
        if (cidr === null) return [`adminCidrs[${i}]: not an IPv4 network address (got ${show(c)})`];
        if (cidr.prefix === 0) return [`adminCidrs[${i}]: ${c} opens administrative ports to the whole internet; allowed: a network of your operators, e.g. 203.0.113.0/24`];
        return [];
    });
    if (each.length > 0) return each;
    // Judged by what they cover: 0.0.0.0/1 and 128.0.0.0/1 together are the whole internet.
    if (worldCovered(spec.adminCidrs).length > 0) return [`adminCidrs: ${spec.adminCidrs.join(", ")} together cover the whole internet and open administrative ports to it; allowed: networks of your operators, e.g. 203.0.113.0/24`];
    // Judged as the policy judges SSH ingress (sec-security-group-forbid-world-sensitive-ports): no more public addresses than one /16 holds.
    const wide = tooWide(spec.adminCidrs, DEFAULT_MIN_PUBLIC_PREFIX);
    if (wide.length > 0) return [`adminCidrs: ${spec.adminCidrs.join(", ")} together admit ${describeWideness(wide)} to administrative ports; allowed: networks of your operators, together at most one /${DEFAULT_MIN_PUBLIC_PREFIX[4]} of public addresses, e.g. 203.0.113.0/24`];
    return [];
}


/** The largest app group the config accepts (`app.maxSize` is read up to 1000). */
export const MAX_GROUP_SIZE = 1000;

function checkAudience(spec: StackSpec, field: string, online: number): string[] {
    return spec.regions.flatMap((region) => {
        const needed = instancesForOnline(spec, region, online);
        return needed > MAX_GROUP_SIZE
            ? [`${field}.peakOnline: ${online} viewers need ${needed} app instances in ${regionWord(region.name)}, more than the ${MAX_GROUP_SIZE} a group may hold; allowed: at most ${Math.floor(MAX_GROUP_SIZE * spec.scaling.scaleOut.connectionsPerInstance * PLANNED_UTILISATION)} per region`]
            : [];
    }).slice(0, 1);
}

/**
 * An event is accepted whenever it is: past events declare nothing, far ones are declared once
 * within the cloud's horizon (schedule.ts). Only what can never be right is an issue: an end not
 * after the start, an audience no group can hold in an event not yet released at `now` (a released
 * one declares nothing, so a later change of the thresholds never makes it an error).
 */
export function checkEvent(spec: StackSpec, event: LiveEvent, i: number, now: Date): string[] {
    const field = `events[${i}]`;
    const start = parseInstant(event.start);
    const end = parseInstant(event.end);
    const issues: string[] = [];
    if (start !== null && end !== null && end <= start) issues.push(`${field}.end: ${event.end} is not after start ${event.start}; allowed: end > start`);
    const released = (eventWindow(spec, event.start, event.end)?.to ?? Infinity) <= now.getTime();
    return [...issues, ...(released ? [] : checkAudience(spec, field, event.peakOnline))];
}

export function checkEvents(spec: StackSpec, now: Date): string[] {
    const names = spec.events.map((e) => e.name);
    return spec.events.flatMap((event, i) => [
        ...checkEvent(spec, event, i, now),
        ...(event.name !== "" && names.indexOf(event.name) !== i ? [`events[${i}].name: event ${show(event.name)} is listed twice`] : []),
    ]);
}

/** Minutes a peak's scheduled actions reach beyond its window: the pre-scale before the start, the release after the end (scaling.preScaleMinutes, scaling.releaseAfterMinutes). */
export interface PeakMargins {
    readonly before: number;
    readonly after: number;
}

/** Minutes from a peak's pre-scale to its release: its window (`start` to `end`, local minutes of the day; an end not after the start is the next day's) with `margins`. */
function peakSpanMinutes(start: number, end: number, margins: PeakMargins): number {
    return (end <= start ? end + MINUTES_PER_DAY : end) - start + margins.before + margins.after;
}

/**
 * Minutes of the week a recurring peak's scheduled actions span (from its pre-scale, `margins.before`
 * minutes before the start, to its release, `margins.after` minutes after the end; day and minute
 * from 0 = Sunday 00:00, UTC at `offsetMinutes`), as [from, to) ranges. Defaults to no margins (the
 * window itself).
 */
export function peakWeekRanges(peak: RecurringPeak, offsetMinutes: number, margins: PeakMargins = { before: 0, after: 0 }): [number, number][] {
    const start = parseLocalTime(peak.start);
    const end = parseLocalTime(peak.end);
    if (start === null || end === null) return [];
    const length = peakSpanMinutes(start, end, margins);
    const days = peakStartDays(peak);
    const week = 7 * MINUTES_PER_DAY;
    return days.flatMap((d): [number, number][] => {
        const from = (((d * MINUTES_PER_DAY + start - margins.before - offsetMinutes) % week) + week) % week;
        return from + length <= week ? [[from, from + length]] : [[from, week], [0, from + length - week]];
    });
}

/**
 * A peak whose pre-scale-to-release span (`margins` counted) reaches its own next run: each run's
 * release would then set the floor back after the next run's pre-scale (an "all day" 00:00-23:59
 * peak is raised from 23:30 to 00:29 only). The span must be shorter than the gap to the next run
 * (a day for a daily peak; for a weekly one, to the next listed day). [] when it is.
 */
export function checkPeakRuns(peak: RecurringPeak, i: number, margins: PeakMargins): string[] {
    const start = parseLocalTime(peak.start);
    const end = parseLocalTime(peak.end);
    if (start === null || end === null || start === end) return [];
    const span = peakSpanMinutes(start, end, margins);
    const days = [...new Set(peakStartDays(peak))].sort((a, b) => a - b);
    if (days.length === 0) return [];
    const gap = Math.min(...days.map((d, k) => ((((days[(k + 1) % days.length] ?? d) - d + 7) % 7 || 7) * MINUTES_PER_DAY)));
    if (span < gap) return [];
    const hours = (m: number) => `${Math.floor(m / 60)} h${m % 60 === 0 ? "" : ` ${m % 60} min`}`;
    return [
        `peaks[${i}]: peak ${show(peak.name)} (${peak.start}-${peak.end} ${peak.timeZone}) spans ${hours(span)} from pre-scale to release (${peakActionSpan(peak, margins)}, scaling.preScaleMinutes ${margins.before}, scaling.releaseAfterMinutes ${margins.after}), not less than the ${hours(gap)} to its next run, so each run's release would set the floor back after the next run's pre-scale; allowed: a span shorter than the gap between its runs (shorten the peak; for a floor held all the time raise the everyday floor instead: app.minSize, or the services' minReplicas)`,
    ];
}

/** A local minute of the day as hh:mm, across midnight ("23:30", "00:15"). */
function localClock(minute: number): string {
    const m = ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** The span of a peak's scheduled actions, pre-scale to release ("18:30-21:30"), for messages: local, or in UTC given the zone's offset then (`offsetMinutes`; Defaults to 0, the local clock). */
export function peakActionSpan(peak: Pick<RecurringPeak, "start" | "end">, margins: PeakMargins, offsetMinutes = 0): string {
    const start = parseLocalTime(peak.start) ?? 0;
    const end = parseLocalTime(peak.end) ?? 0;
    return `${localClock(start - margins.before - offsetMinutes)}-${localClock(end + margins.after - offsetMinutes)}`;
}

/**
 * The UTC offsets (minutes) `zones` take together over [from, to) (epoch ms), each combination once
 * with the first instant it holds: at `from`, then at each offset change of any of the zones.
 */
export function zoneOffsetCombinations(zones: readonly string[], from: number, to: number): { readonly at: number; readonly offsets: readonly number[] }[] {
    const out: { at: number; offsets: number[] }[] = [];
    for (let t: number | null = from; t !== null && t < to; ) {
        const at: number = t;
        const offsets = zones.map((z) => zoneOffsetMinutes(at, z));
        if (!out.some((o) => o.offsets.every((x, k) => x === offsets[k]))) out.push({ at, offsets });
        const changes = zones.map((z) => nextOffsetChange(at, to, z)).filter((c): c is number => c !== null);
        t = changes.length === 0 ? null : Math.min(...changes);
    }
    return out;
}

/** How far ahead two peaks' zones are compared (checkPeaks): a year, every daylight-saving change of it. */
const PEAK_OVERLAP_YEAR_MS = 366 * DAY_MS;

/**
 * Recurring peaks: a start different from the end, a holdable audience, names listed once, and no
 * two peaks whose scheduled actions overlap or touch, counted from the pre-scale
 * (scaling.preScaleMinutes before the start) to the release (scaling.releaseAfterMinutes after the
 * end), not the windows alone: each one's release would cut the other's floor (19:00-21:00 and
 * 21:00-23:00 with 30-minute margins: the first's release at 21:30 sets the floor back while the
 * second runs); merge them into one peak.
 * Zones are compared at every combination of offsets they take over the year from `now`
 * (zoneOffsetCombinations), so a pair that plans in one season is not refused after a
 * daylight-saving change; the issue names the first instant the overlap holds when it is not now.
 */
export function checkPeaks(spec: StackSpec, now: Date): string[] {
    const names = spec.peaks.map((p) => p.name);
    const eventNames = spec.events.map((e) => e.name);
    const margins: PeakMargins = { before: spec.scaling.preScaleMinutes, after: spec.scaling.releaseAfterMinutes };
    const issues = spec.peaks.flatMap((peak, i) => [
        ...(peak.start !== "" && peak.start === peak.end ? [`peaks[${i}].end: ${peak.end} equals start; allowed: a different time (earlier than start means the next day)`] : []),
        ...checkAudience(spec, `peaks[${i}]`, peak.peakOnline),
        ...(peak.name !== "" && names.indexOf(peak.name) !== i ? [`peaks[${i}].name: peak ${show(peak.name)} is listed twice`] : []),
        // A peak's scheduled actions and an event's share their keys (`<name>-prescale`, `<name>-release`).
        ...(peak.name !== "" && eventNames.includes(peak.name) ? [`peaks[${i}].name: ${show(peak.name)} is also the name of events[${eventNames.indexOf(peak.name)}]; allowed: a name no event has (their scheduled actions are named after it)`] : []),
        ...checkPeakRuns(peak, i, margins),
    ]);
    // Once per pair of zones (many peaks usually share one or two zones).
    const combinations = new Map<string, ReturnType<typeof zoneOffsetCombinations>>();
    const combinationsOf = (a: string, b: string): ReturnType<typeof zoneOffsetCombinations> => {
        const key = `${a}\n${b}`;
        const hit = combinations.get(key) ?? zoneOffsetCombinations([a, b], now.getTime(), now.getTime() + PEAK_OVERLAP_YEAR_MS);
        combinations.set(key, hit);
        return hit;
    };
    spec.peaks.forEach((peak, i) => {
        spec.peaks.slice(0, i).forEach((other, j) => {
            const clash = combinationsOf(peak.timeZone, other.timeZone).find(({ offsets }) => {
                const [mine, theirs] = [peakWeekRanges(peak, offsets[0], margins), peakWeekRanges(other, offsets[1], margins)];
                // Touching spans clash too: a release and a pre-scale at one instant run in no set order.
                return mine.some(([a, b]) => theirs.some(([c, d]) => a <= d && c <= b));
            });
            if (clash !== undefined) {
                const when = clash.at === now.getTime() ? "" : ` from ${utcMinute(clash.at)} (a daylight-saving change)`;
                // Peaks in different zones: each span with its zone and in UTC at the clashing offsets; weekly peaks with their days.
                const zoneOf = (p: RecurringPeak, offset: number) =>
                    (p.recurrence === "weekly" ? ` on ${p.days.join(", ")}` : "") + (peak.timeZone === other.timeZone ? "" : ` ${p.timeZone} (${peakActionSpan(p, margins, offset)} UTC)`);
                issues.push(
                    `peaks[${i}]: peak ${show(peak.name)} (${peak.start}-${peak.end} ${peak.timeZone}) overlaps peaks[${j}] ${show(other.name)} (${other.start}-${other.end} ${other.timeZone})${when} once the scheduled actions' margins are counted: pre-scale to release ${peakActionSpan(peak, margins)}${zoneOf(peak, clash.offsets[0])} and ${peakActionSpan(other, margins)}${zoneOf(other, clash.offsets[1])} (scaling.preScaleMinutes ${margins.before}, scaling.releaseAfterMinutes ${margins.after}), so one peak's release would cut the other's floor; allowed: peaks whose pre-scale-to-release spans neither overlap nor touch in any season (merge them into one peak with the larger audience, or move one)`,
                );
            }
        });
    });
    return issues;
}

