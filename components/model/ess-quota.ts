// The ESS scheduled-task quota of Alibaba Cloud: every alicloud.ess.ScheduledTask a stack declares
// in a region (the app group's on compute vm, the transcoders' where they run self-run) counts
// against one quota per account and region. Pure: no @pulumi import.

import { transcodeTier } from "./global";
import { EventLimit, SHORTEN_REMEDY, ScheduleHorizon, ScheduleSpec, TierBounds, TierDrain, admissibleEvents, declaredActionCount, declaredEventsThatFit, eventActionCount, eventWindow, eventsInHorizon, scheduleCeiling, tierNeed, tierSchedule, utcRecurrences } from "./schedule";
import { utcMinute } from "./timezone";
import { PEAK_LIMIT_WHY, peakLimitWorst } from "./peak-limits";
import { LiveEvent, RegionSpec, StackSpec } from "./types";

/**
 * ESS scheduled tasks an Alibaba Cloud account may hold in one region unless raised: Auto Scaling
 * DescribeLimitation, `MaxNumberOfScheduledTasks` "The maximum number of scheduled tasks that can
 * be created in a region by using an Alibaba Cloud account" (example value 70; "To view the
 * scheduled task quota or request a quota increase, go to Quota Center";
 * https://www.alibabacloud.com/help/en/auto-scaling/developer-reference/api-gx1796). The current
 * Auto Scaling "Limits" page gives no figure, only "To view the quota, visit Quota Center" (its
 * older version said "A maximum of 20 scheduled tasks can be created under an account"), so 70 is
 * the default of `scaling.essScheduledTaskQuota`, which takes the account's own quota (Quota Center,
 * or DescribeLimitation), less what other stacks and groups of the account hold in the region.
 */
export const ESS_SCHEDULED_TASK_QUOTA = 70;

/** An ESS tier with scheduled tasks: the app group (compute vm) or the transcoders (self-run ingest). */
export type EssTier = "appGroup" | "transcoders";

/** The ESS tiers of a region with their bounds: the app group on compute vm, the transcoders where they run self-run (transcodeTier mode selfRun: essScheduledTasks on their group). */
export function essTiers(spec: Pick<StackSpec, "compute" | "app" | "video" | "scaling">, region: RegionSpec): { readonly tier: EssTier; readonly bounds: TierBounds }[] {
    const transcoders = transcodeTier(spec, region);
    const zones = region.zones.length;
    const app: { readonly tier: EssTier; readonly bounds: TierBounds }[] = spec.compute === "vm" ? [{ tier: "appGroup", bounds: { minSize: spec.app.minSize, maxSize: spec.app.maxSize, zones } }] : [];
    const video: { readonly tier: EssTier; readonly bounds: TierBounds }[] = transcoders.mode === "selfRun" ? [{ tier: "transcoders", bounds: { minSize: transcoders.minSize, maxSize: transcoders.maxSize, zones } }] : [];
    return [...app, ...video];
}

/**
 * The ESS tasks the recurring peaks declare in a region: one per offset span of each recurring
 * action of each ESS tier (utcRecurrences, as essScheduledTasks declares them), with the tiers a
 * peak does not lift left out (tierSchedule).
 */
export function essPeakTasks(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video">, region: RegionSpec, now: number, horizon: ScheduleHorizon): number {
    return essTiers(spec, region).reduce((n, { tier, bounds }) => {
        const recurring = tierSchedule({ ...spec, events: [] }, region, tier, bounds, now, horizon, null).recurring;
        return n + recurring.reduce((m, a) => m + utcRecurrences(horizon, a, now).length, 0);
    }, 0);
}

/**
 * ESS tasks one event declares in a region at most (an upper bound; admission counts the declared
 * tasks, essDeclaredTasks): its actions (eventActionCount: pre-scale,
 * release, the ceiling lowering on a tier whose ceiling it raises above maxSize, scheduleCeiling as
 * groupDrain and ceilingLowerings take it, and a restore after each recurring action inside its
 * window) on each ESS tier it lifts.
 */
export function essEventTasks(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video">, region: RegionSpec, event: LiveEvent, now: number): number {
    return essTiers(spec, region).reduce((n, { tier, bounds }) => {
        const need = tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams);
        if (need <= bounds.minSize) return n;
        const raises = scheduleCeiling(bounds, [need]) > bounds.maxSize;
        return n + eventActionCount(spec, event, now, () => raises);
    }, 0);
}

/**
 * Room the recurring tasks take: their own count twice. A recurring task's UTC cron is part of its
 * name (recurringTaskKey), so a changed peak, or the next offset span taking the first one's name
 * after a daylight-saving change, is a new task: Pulumi creates it before it deletes the old one
 * (a resource no longer declared is deleted at the end of the up), and for that while both count.
 */
export function essPeakRoom(peakTasks: number): number {
    return 2 * peakTasks;
}

/**
 * The recurring peaks alone must fit the ESS quota of every region (a recurring task is declared
 * for good, unlike an event that can wait): an issue names `peaks`, the region, the tasks with the
 * room a rename needs, and `scaling.essScheduledTaskQuota`.
 */
export function checkEssPeakTasks(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video" | "regions">, now: number, horizon: ScheduleHorizon): string[] {
    const quota = spec.scaling.essScheduledTaskQuota;
    return spec.regions.flatMap((region) => {
        // The tasks at the worst instant of the next year (a daylight-saving change within the
        // horizon adds a task per action): a stack valid now stays valid.
        const worst = peakLimitWorst(spec.peaks.map((p) => p.timeZone), now, horizon.days, (at) => essPeakTasks(spec, region, at, horizon));
        const tasks = worst.value;
        const room = essPeakRoom(tasks);
        return room <= quota
            ? []
            : [
                  `peaks: ${spec.peaks.length} recurring peaks declare ${tasks} ESS scheduled tasks in ${region.name}${worst.at > now ? ` from ${utcMinute(worst.at)} (${PEAK_LIMIT_WHY})` : ""}, ${room} with the room a renamed task needs (created before the old one is deleted); allowed: at most ${quota} per account and region (scaling.essScheduledTaskQuota, Auto Scaling DescribeLimitation MaxNumberOfScheduledTasks): merge peaks that share a window, or raise the quota in Quota Center and set scaling.essScheduledTaskQuota to it`,
              ];
    });
}

/**
 * The ESS scheduled tasks the schedules of a region's ESS tiers declare for a `pulumi up` at `now`
 * under `eventLimit` (the first `count` admissible events; null: every event in reach): the tasks
 * essScheduledTasks builds from each tier's schedule (components/alicloud/scaling-rule.ts), counted
 * by declaredActionCount as the AWS quota counts its actions: one per one-off action, one per ceiling
 * lowering (the released events' still ahead among them) and one per offset span of each recurring
 * action (utcRecurrences). Merged steps (one event's release that
 * is the next one's pre-scale) and lowerings another event holds count as the schedule declares
 * them: once, or not at all. `drainOf` the tier's drain (groupDrain; null: no lowering, no hold).
 * Each counts against the quota of scheduled tasks per account and region (ESS_SCHEDULED_TASK_QUOTA:
 * Auto Scaling DescribeLimitation MaxNumberOfScheduledTasks).
 */
export function essDeclaredTasks(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video">, region: RegionSpec, now: number, horizon: ScheduleHorizon, eventLimit: EventLimit | null, drainOf: ((bounds: TierBounds) => TierDrain) | null): { readonly tasks: number; readonly lowerings: readonly EssLowering[] } {
    let tasks = 0;
    const lowerings: EssLowering[] = [];
    for (const { tier, bounds } of essTiers(spec, region)) {
        const s = tierSchedule(spec, region, tier, bounds, now, horizon, eventLimit, drainOf === null ? null : drainOf(bounds));
        tasks += declaredActionCount(s, (a) => utcRecurrences(horizon, a, now).length);
        for (const l of s.lowerings ?? []) lowerings.push({ tier, source: l.source, at: Date.parse(l.at) });
    }
    return { tasks, lowerings };
}

/** A ceiling lowering task of an ESS tier (CeilingLowering): its event and instant (epoch ms). */
export interface EssLowering {
    readonly tier: EssTier;
    readonly source: string;
    readonly at: number;
}

/** `drainOf` with each tier's drain (by its bounds) simulated once per need. */
function memoDrains(drainOf: (bounds: TierBounds) => TierDrain): (bounds: TierBounds) => TierDrain {
    const tiers = new Map<string, TierDrain>();
    return (bounds) => {
        const key = `${bounds.minSize}/${bounds.maxSize}/${bounds.zones}`;
        const known = tiers.get(key);
        if (known !== undefined) return known;
        const drain = drainOf(bounds);
        const needs = new Map<number, ReturnType<TierDrain>>();
        const memo: TierDrain = (need) => {
            if (!needs.has(need)) needs.set(need, drain(need));
            return needs.get(need) ?? null;
        };
        tiers.set(key, memo);
        return memo;
    };
}

/** How the report names an ESS tier's task, possessive. */
const ESS_TIER_OWNERS: Readonly<Record<EssTier, string>> = { appGroup: "the app group's", transcoders: "the transcoders'" };

/**
 * How many events an Alibaba Cloud `pulumi up` may declare on ESS: in every region, the earliest
 * events in reach for which the tasks the schedules really declare (essDeclaredTasks: the peaks'
 * recurring tasks, the released events' lowerings still ahead, the events' actions as the merged
 * timeline declares them), with the peaks' rename room (essPeakRoom: their tasks once more), fit
 * the quota (`scaling.essScheduledTaskQuota`); the others are reported `deferred` and declared by a
 * later `pulumi up` once earlier events have passed or the pending lowerings have run (`frees`),
 * or `unschedulable` when one alone needs more than the quota leaves after the peaks and their room
 * (the pending lowerings free their tasks when they run, so they never make an event too large).
 */
export function essEventLimit(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video" | "regions">, now: number, horizon: ScheduleHorizon, drainOfTier: ((bounds: TierBounds) => TierDrain) | null = null): EventLimit {
    const quota = spec.scaling.essScheduledTaskQuota;
    const inReach = eventsInHorizon(spec, now, horizon);
    // The events whose windows have ended: their lowerings still ahead stay in every schedule counted.
    const released = spec.events.filter((event) => {
        const w = eventWindow(spec, event.start, event.end);
        return w !== null && w.to <= now;
    });
    // Each tier's drain simulated once per need for all the schedules counted below.
    const drainOf = drainOfTier === null ? null : memoDrains(drainOfTier);
    const regions = spec.regions.map((region) => {
        const peaks = essPeakTasks(spec, region, now, horizon);
        // The schedule without any event in reach: the peaks' tasks and the released events' lowerings still ahead.
        const idle = essDeclaredTasks(spec, region, now, horizon, { count: 0, why: "" }, drainOf);
        return { region, peaks, idle, room: quota - essPeakRoom(peaks) };
    });
    // What one event declares on its own in a region: the tasks of the schedule with it as the only event in reach, less the idle ones.
    const ownTasks = new Map<LiveEvent, number[]>();
    const own = (event: LiveEvent): number[] => {
        const known = ownTasks.get(event);
        if (known !== undefined) return known;
        const only = { ...spec, events: [...released, event] };
        const n = regions.map(({ region, idle }) => essDeclaredTasks(only, region, now, horizon, null, drainOf).tasks - idle.tasks);
        ownTasks.set(event, n);
        return n;
    };
    // The region where an event does not fit on its own, with its tasks there; null when it fits everywhere.
    const tooLarge = (event: LiveEvent): { readonly region: (typeof regions)[number]; readonly n: number } | null => {
        // At most essEventTasks each: an event within that bound fits alone without building its schedule.
        if (regions.every(({ region, room }) => essEventTasks(spec, region, event, now) <= room)) return null;
        const n = own(event);
        const i = regions.findIndex(({ room }, j) => n[j] > room);
        return i < 0 ? null : { region: regions[i], n: n[i] };
    };
    // The room once the pending lowerings have run (they free their tasks then, so they never make an event too large).
    const alone = (event: LiveEvent): string | null => {
        const t = tooLarge(event);
        if (t === null) return null;
        const { region, peaks, room, idle } = t.region;
        const left = peaks > 0 ? `the ${Math.max(0, room)} the quota leaves (${quota} allowed less the recurring peaks' ${peaks} and as many again of room for a renamed one)` : `the ${quota} allowed`;
        return `it takes ${t.n} ESS scheduled tasks in ${region.name}, more than ${left}${idle.lowerings.some((l) => l.at > now) ? " even once the pending ceiling lowerings have run" : ""}`;
    };
    // Its task count does not shrink with time: only a larger quota or fewer recurring tasks make room.
    const remedy = (event: LiveEvent): string => {
        const t = tooLarge(event);
        const needed = t === null ? quota : t.n + essPeakRoom(t.region.peaks);
        return `raise the account's ESS scheduled task quota in Quota Center and set scaling.essScheduledTaskQuota to at least ${needed}${t !== null && t.region.peaks > 0 ? ", or declare fewer recurring peaks" : ""}`;
    };
    const admissible = admissibleEvents(inReach, { alone });
    // One quota per region, the peaks' rename room set aside (declaredEventsThatFit): within the upper
    // bound (the idle tasks and essEventTasks of each event declared) it fits without building the schedules.
    const count = declaredEventsThatFit(
        admissible,
        regions.map(({ region, peaks, idle }) => ({
            limit: quota - peaks,
            declared: (n: number) => (n === 0 ? idle.tasks : essDeclaredTasks(spec, region, now, horizon, { count: n, why: "", alone }, drainOf).tasks),
            bound: (event: LiveEvent) => essEventTasks(spec, region, event, now),
        })),
    );
    const binding = regions.reduce((a, b) => (b.peaks > a.peaks || b.idle.lowerings.length > a.idle.lowerings.length ? b : a));
    const pending = binding.idle.lowerings.filter((l) => l.at > now && released.some((e) => e.name === l.source));
    const peakShare = binding.peaks > 0 ? `the recurring peaks take ${binding.peaks} with as many again of room for a renamed task` : "";
    const pendingShare = pending.length > 0 ? `the ceiling lowerings of released events still ahead take ${pending.length} until they run (${pending.map((l) => `${ESS_TIER_OWNERS[l.tier]} of ${l.source} at ${utcMinute(l.at)}`).join(", ")})` : "";
    const shares = [peakShare, pendingShare].filter((x) => x !== "");
    const share = shares.length > 0 ? `; ${shares.join("; ")}; the events declared now take the rest` : ", all for the events declared now";
    // Tasks free when an action the schedule declares has run: the lowerings (the released events' and the declared ones').
    const frees = (): number[] => [...new Set(regions.flatMap(({ region }) => essDeclaredTasks(spec, region, now, horizon, { count, why: "", alone }, drainOf).lowerings.map((l) => l.at)))].sort((a, b) => a - b);
    return { count, why: `ESS allows ${quota} scheduled tasks per account and region (scaling.essScheduledTaskQuota)${share}`, alone, remedy, frees };
}

/**
 * Two limits on the events declared at once, both applying (the SAE rules and the ESS tasks of a
 * serverless Alibaba Cloud stack): the fewer events, the reason of the one that binds, and an event
 * too large for either on its own.
 */
export function bothEventLimits(a: EventLimit, b: EventLimit | null): EventLimit {
    if (b === null) return a;
    const binding = b.count < a.count ? b : a;
    // The remedy of the limit the event is too large for (a's first, as `alone`).
    return { count: Math.min(a.count, b.count), why: binding.why, alone: (event) => a.alone?.(event) ?? b.alone?.(event) ?? null, remedy: (event) => ((a.alone?.(event) ?? null) !== null ? a : b).remedy?.(event) ?? SHORTEN_REMEDY };
}
