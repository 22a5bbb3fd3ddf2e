// The ESS scheduled-task quota of Alibaba Cloud: every alicloud.ess.ScheduledTask a stack declares
// in a region (the app group's on compute vm, the transcoders' where they run self-run) counts
// against one quota per account and region. Pure: no @pulumi import.

import { transcodeTier } from "./global";
import { EventLimit, ScheduleHorizon, ScheduleSpec, TierBounds, TierDrain, admissibleEvents, drainHasEnded, eventActionCount, eventWindow, eventsInHorizon, eventsThatFit, scheduleCeiling, tierNeed, tierSchedule, utcRecurrences } from "./schedule";
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
 * ESS tasks one event declares in a region at most: its actions (eventActionCount: pre-scale,
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
        const tasks = essPeakTasks(spec, region, now, horizon);
        const room = essPeakRoom(tasks);
        return room <= quota
            ? []
            : [
                  `peaks: ${spec.peaks.length} recurring peaks declare ${tasks} ESS scheduled tasks in ${region.name}, ${room} with the room a renamed task needs (created before the old one is deleted); allowed: at most ${quota} per account and region (scaling.essScheduledTaskQuota, Auto Scaling DescribeLimitation MaxNumberOfScheduledTasks): merge peaks that share a window, or raise the quota in Quota Center and set scaling.essScheduledTaskQuota to it`,
              ];
    });
}

/**
 * How many events an Alibaba Cloud `pulumi up` may declare on ESS: in every region, the earliest
 * events in reach whose tasks (essEventTasks) fit the quota (`scaling.essScheduledTaskQuota`) less
 * the peaks' tasks and their rename room (essPeakRoom); the others are reported `deferred` and
 * declared by a later `pulumi up` once earlier events have passed, or `unschedulable` when one
 * alone needs more than is left.
 */
export function essEventLimit(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video" | "regions">, now: number, horizon: ScheduleHorizon, drainOf: ((bounds: TierBounds) => TierDrain) | null = null): EventLimit {
    const quota = spec.scaling.essScheduledTaskQuota;
    // A released event's ceiling lowering still ahead holds its task until it runs (essPendingLowerings).
    const budgets = spec.regions.map((region) => ({ region, peaks: essPeakRoom(essPeakTasks(spec, region, now, horizon)) + (drainOf === null ? 0 : essPendingLowerings(spec, region, now, drainOf)) }));
    const alone = (event: LiveEvent): string | null => {
        for (const { region, peaks } of budgets) {
            const n = essEventTasks(spec, region, event, now);
            if (n > quota - peaks) return `it takes ${n} ESS scheduled tasks in ${region.name} and ${Math.max(0, quota - peaks)} are left after the peaks'`;
        }
        return null;
    };
    const admissible = admissibleEvents(eventsInHorizon(spec, now, horizon), { alone });
    const count = Math.min(admissible.length, ...budgets.map(({ region, peaks }) => eventsThatFit(admissible, quota - peaks, (event) => essEventTasks(spec, region, event, now))));
    const peaks = Math.max(0, ...budgets.map((b) => b.peaks));
    const share = peaks > 0 ? `; the peaks take ${peaks} with the room a renamed task needs, the events declared now take the rest` : ", all for the events declared now";
    return { count, why: `ESS allows ${quota} scheduled tasks per account and region (scaling.essScheduledTaskQuota)${share}`, alone };
}

/**
 * ESS tasks the released events still hold in a region at `now`: one per ESS tier whose raised
 * ceiling an event's lowering (ceilingLowerings) sets back after `now`, at the end of the tier's
 * drain (`drainOf` the tier's TierDrain, timetopeak groupDrain). The tasks of a released event go at
 * its release otherwise, so these count against the quota until they run.
 */
export function essPendingLowerings(spec: ScheduleSpec & Pick<StackSpec, "compute" | "video">, region: RegionSpec, now: number, drainOf: (bounds: TierBounds) => TierDrain): number {
    return essTiers(spec, region).reduce(
        (n, { tier, bounds }) =>
            n +
            spec.events.filter((event) => {
                const w = eventWindow(spec, event.start, event.end);
                const d = w === null || w.to > now ? null : drainOf(bounds)(tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams));
                // One whose instant has passed is no task: the up sets its ceiling (drainHasEnded).
                return w !== null && d !== null && !drainHasEnded(w.to + d.seconds * 1000, now);
            }).length,
        0,
    );
}

/**
 * Two limits on the events declared at once, both applying (the SAE rules and the ESS tasks of a
 * serverless Alibaba Cloud stack): the fewer events, the reason of the one that binds, and an event
 * too large for either on its own.
 */
export function bothEventLimits(a: EventLimit, b: EventLimit | null): EventLimit {
    if (b === null) return a;
    const binding = b.count < a.count ? b : a;
    return { count: Math.min(a.count, b.count), why: binding.why, alone: (event) => a.alone?.(event) ?? b.alone?.(event) ?? null };
}
