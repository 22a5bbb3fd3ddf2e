// Elasticity of the serverless tier, shared by SAE (Alibaba Cloud) and ECS on Fargate (AWS):
// timed capacity for planned events and recurring peaks, and the metric rules of the seed.
// Pure: the components translate these plans into each cloud's resources.

import { ServerlessUnitPlan, planServerlessUnits } from "./compute";
import { EventLimit, OneOffAction, RecurringAction, ScheduleHorizon, ScheduleSpec, TierDrain, TierSchedule, admissibleEvents, declarableEvents, eventWindow, eventsInHorizon, nextOccurrence, occurrences, liftsAppTier, recurringActions, tierSchedule, unitBounds } from "./schedule";
import { DAY_MS, MINUTE_MS, localDateTime, nextOffsetChange, utcMinute, weekday, zoneOffsetMinutes, zonedToUtc } from "./timezone";
import { LiveEvent, RegionSpec, ServerlessCapacity, StackSpec } from "./types";
import { surgeNeed } from "./scaling";

/**
 * Timed capacity of one serverless unit in a region: the timetable of the stack's events and
 * recurring peaks (tierSchedule, tier `serverlessUnit`) within the unit's own floor and ceiling.
 * Releases restore the bounds only: capacity then drains by the metric rules, never by a jump.
 * `horizon` is the cloud's (CloudProfile.scheduleHorizon), `eventLimit` the cloud's limit on the
 * events declared at once (CloudProfile.eventLimit; null when none). `drain` (the unit's drain,
 * timetopeak unitDrain; Defaults to null) holds the bounds and the raised ceiling while a released
 * event's raised ceiling drains (tierSchedule).
 */
export function unitSchedule(spec: ScheduleSpec, region: Pick<RegionSpec, "zones">, unit: ServerlessUnitPlan, now: number, horizon: ScheduleHorizon | null, eventLimit: EventLimit | null, drain: TierDrain | null = null): TierSchedule {
    return tierSchedule(spec, region, "serverlessUnit", unitBounds(unit, region), now, horizon, eventLimit, drain);
}

/** Date (YYYY-MM-DD) and time (HH:MM) of an instant (epoch ms) in a time zone. */
export function localStamp(ms: number, timeZone: string): { readonly date: string; readonly time: string } {
    const t = localDateTime(ms, timeZone);
    const pad = (n: number): string => String(n).padStart(2, "0");
    return { date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, time: `${pad(t.hour)}:${pad(t.minute)}` };
}

/** The instant (epoch ms) of a date (YYYY-MM-DD) and time of day (HH:MM) in a time zone: an SAE trigger point's, in SAE_TIME_ZONE (localStamp's inverse). */
export function localInstant(date: string, atTime: string, timeZone: string): number {
    const [y, m, d] = date.split("-").map(Number);
    const [h, min] = atTime.split(":").map(Number);
    return zonedToUtc(y, m, d, h * 60 + min, timeZone);
}

/** A one-off action's time of day in `timeZone` (SAE timers run in the application's zone). */
export function oneOffLocal(action: Pick<OneOffAction, "at">, timeZone: string): { readonly date: string; readonly time: string } {
    return localStamp(Date.parse(action.at), timeZone);
}

/**
 * SAE metric elasticity of one unit, the nearest SAE equivalents of the seed's rules
 * (alicloud_sae_application_scaling_rule, `scaling_rule_metric`, provider v1.294):
 * - scale out: `CPU` at scaleOut.cpuPercent and `tcpActiveConn` ("the average number of TCP active
 *   connections for a single instance in 30 seconds") at scaleOut.connectionsPerInstance; SAE adds
 *   instances when either metric is above its target (the OR of the seed);
 * - scale in: SAE metric rules track targets and take no separate low thresholds, so the AND of the
 *   seed (connections < scaleIn AND CPU < scaleIn) is approximated by removing instances only after
 *   both metrics stayed under their targets for the stabilisation window (releaseAfterMinutes,
 *   5 to 60 minutes: "Valid values: 0 to 3600" seconds), scaleInStep instances at a time.
 */
export interface SaeMetricPlan {
    readonly cpuPercent: number;
    readonly tcpActiveConnections: number;
    readonly scaleUp: { readonly step: number; readonly stabilizationWindowSeconds: number };
    readonly scaleDown: { readonly step: number; readonly stabilizationWindowSeconds: number };
}

/** SAE's limit on a scaling rule's stabilisation window, seconds. */
export const SAE_MAX_STABILIZATION_SECONDS = 3600;
/** Shortest scale-in stabilisation (a stream's end must not remove instances the next stream needs). */
export const SAE_MIN_SCALE_IN_STABILIZATION_SECONDS = 300;

/**
 * Instances a SURGE_FACTOR jump adds to a floor at planned utilisation (the jump's need less the
 * floor): SURGE_FACTOR is the 10x of the requirements, PLANNED_UTILISATION the share of the
 * threshold the floor runs at.
 */
export function surgeStep(floor: number): number {
    return Math.max(0, surgeNeed(floor) - floor);
}

export function saeMetricPlan(spec: Pick<StackSpec, "scaling">, unit: ServerlessUnitPlan): SaeMetricPlan {
    const s = spec.scaling;
    return {
        cpuPercent: s.scaleOut.cpuPercent,
        tcpActiveConnections: s.scaleOut.connectionsPerInstance,
        // One step takes the floor to the peak of an unplanned SURGE_FACTOR jump (the step is "the
        // maximum number of instances to be scaled" per unit time: SAE still adds only what the
        // metric asks for), at least scaleOutStepPercent of the floor and two instances.
        scaleUp: { step: Math.max(2, Math.ceil((unit.minInstances * s.scaleOutStepPercent) / 100), surgeStep(unit.minInstances)), stabilizationWindowSeconds: 0 },
        scaleDown: {
            step: s.scaleInStep,
            stabilizationWindowSeconds: Math.min(SAE_MAX_STABILIZATION_SECONDS, Math.max(SAE_MIN_SCALE_IN_STABILIZATION_SECONDS, s.releaseAfterMinutes * 60)),
        },
    };
}

/**
 * How an SAE application is released while its scaling rules are enabled. SAE,
 * CreateApplicationScalingRule, "Precautions": "If an auto scaling policy is enabled for an
 * application, you cannot manually manage the lifecycle of the application. For example, you cannot
 * scale, deploy (including single-batch release, phased release, and canary release), stop, or
 * restart the application, or change the instance type. If you want to perform the preceding
 * operations on the application, disable the auto scaling policy and then manually perform the
 * operations." The provider releases every change of an application with DeployApplication
 * (resource_alicloud_sae_application.go, Update: `deployApplicationReq`, which always carries
 * `AutoEnableApplicationScalingRule` and `MinReadyInstances`), and DeployApplication's
 * `AutoEnableApplicationScalingRule` ("Specifies whether to automatically enable an auto scaling
 * policy for the application") turns the rules back on once the release is done, so a `pulumi up`
 * that changes an application releases it and the rules resume on their own:
 * - `autoEnableApplicationScalingRule`: true (alicloud_sae_application);
 * - `minReadyInstances`: one instance per zone stays ready through a rolling release, on the
 *   application and on each scaling rule (ALIYUN::SAE::ApplicationScalingRule `MinReadyInstances`,
 *   "The minimum number of available instances ... 0: ... business interruption during upgrade ...
 *   we recommend that you set it to at least 1"), `minReadyInstanceRatio` -1 ("-1: Initialization
 *   value, indicating that percentages are not used", so the count rules).
 */
export interface SaeReleasePlan {
    readonly autoEnableApplicationScalingRule: true;
    readonly minReadyInstances: number;
    readonly minReadyInstanceRatio: -1;
}

/** The release settings of an SAE application in `region` and of its scaling rules (SaeReleasePlan): one ready instance per zone. */
export function saeReleasePlan(region: Pick<RegionSpec, "zones">): SaeReleasePlan {
    return { autoEnableApplicationScalingRule: true, minReadyInstances: Math.max(1, region.zones.length), minReadyInstanceRatio: -1 };
}

/**
 * SAE timer periods (CreateApplicationScalingRule `ScalingRuleTimer.period`, SAE API 2019-05-06;
 * alibabacloud sae20190506 CreateApplicationScalingRuleRequest): `* * *` runs the schedules every
 * day; `* * Fri,Mon` on the listed days of the week, "The time zone is GMT+8", day names Sun, Mon,
 * Tue, Wed, Thu, Fri, Sat; `1,2,3,28,31 * *` on days of the month (not used here).
 */
export const SAE_DAILY_PERIOD = "* * *";
/**
 * Time zone of the SAE applications and therefore of their timers: SAE timers run in GMT+8 ("The
 * time zone is GMT+8", ScalingRuleTimer.period) and the applications' default zone is
 * Asia/Shanghai (alicloud_sae_application `timezone`: "Default value: Asia/Shanghai"), a zone
 * without daylight saving at UTC+8; the blueprint sets it explicitly and writes every timer time in it.
 */
export const SAE_TIME_ZONE = "Asia/Shanghai";
/** SAE's day names by day of the week, 0 = Sunday (the numbering of weekday()). */
export const SAE_WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** The SAE period of schedules that run on `days` (0 = Sunday): daily for all seven, else the day names in week order. */
export function saePeriod(days: readonly number[]): string {
    const set = [...new Set(days)].sort((a, b) => a - b);
    if (set.length === 0 || set.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) throw new RangeError(`days of the week must be 0-6 (0 = Sunday), at least one: ${JSON.stringify(days)}`);
    return set.length === 7 ? SAE_DAILY_PERIOD : `* * ${set.map((d) => SAE_WEEKDAYS[d]).join(",")}`;
}

/**
 * One SAE timer: the period, its trigger points (`atTime` HH:MM in the application's zone) and, for
 * a peak in a zone whose UTC offset changes (daylight saving), the dates it runs between
 * (`beginDate`/`endDate`, YYYY-MM-DD in GMT+8; CreateApplicationScalingRule ScalingRuleTimer:
 * "beginDate and endDate ... When both are null, the policy is executed for a long term, which is the
 * default value. When they are set to specific dates, e.g. beginDate 2021-03-25 and endDate
 * 2021-04-25, the policy is valid for one month").
 */
export interface SaeTimer {
    readonly period: string;
    readonly beginDate?: string;
    readonly endDate?: string;
    readonly schedules: readonly { readonly atTime: string; readonly minReplicas: number; readonly maxReplicas: number }[];
}

/** How far an offset change is looked for on either side of `now` (a year and a month: every daylight-saving zone changes within it). */
const OFFSET_LOOKAROUND_MS = 400 * DAY_MS;

/** The earliest UTC-offset change of any of `zones` in (from, until], or null. */
function firstOffsetChange(zones: readonly string[], from: number, until: number): number | null {
    const changes = zones.map((z) => nextOffsetChange(from, until, z)).filter((c): c is number => c !== null);
    return changes.length === 0 ? null : Math.min(...changes);
}

/**
 * The spans of one constant UTC offset of every zone in `zones` that meet [now, now + horizonDays):
 * split at each offset change within the horizon; the first span starts at the last change before
 * `now` (so its dates stay put from one `pulumi up` to the next), the last one ends at the first
 * change after the horizon; `null` ends: no change within a year either way.
 */
export function offsetSpans(zones: readonly string[], now: number, horizonDays: number): { readonly start: number | null; readonly end: number | null }[] {
    let previous: number | null = null;
    for (let t = now - OFFSET_LOOKAROUND_MS; ; ) {
        const c = firstOffsetChange(zones, t, now);
        if (c === null || c > now) break;
        previous = c;
        t = c;
    }
    const horizonEnd = now + horizonDays * DAY_MS;
    const spans: { start: number | null; end: number | null }[] = [];
    let start: number | null = previous;
    for (let from = now; ; ) {
        const change = firstOffsetChange(zones, from, from + OFFSET_LOOKAROUND_MS);
        spans.push({ start, end: change });
        if (change === null || change >= horizonEnd) return spans;
        start = change;
        from = change;
    }
}

/**
 * The recurring actions as SAE timers in `timeZone` (the applications' zone, GMT+8 for SAE timers):
 * each action runs at its local time on its days in its own zone; over a week of its occurrences
 * those instants fall on some days at one time in `timeZone` (the day moves when the zones' dates
 * differ). Actions with the same days and the same spans of one offset share one timer (one rule
 * per period and span); timers keep first-seen order, schedules are sorted by time.
 *
 * Daylight saving: SAE timers are fixed GMT+8, so a peak in a zone that changes its offset (e.g.
 * Europe/London) would run an hour off half the year. When an action's zone (or `timeZone`)
 * changes its offset, each span of one offset (offsetSpans) within the `horizon` (the cloud's
 * scheduleHorizon) after `now` gets timers of its own, at that span's times, limited by
 * `beginDate`/`endDate` to the GMT+8 dates on which every action of the timer runs inside the span
 * (a timer runs all its points on every day between its dates, so no point may run on a day its
 * action does not: saeSpanDates). The GMT+8 date of an offset change can hold occurrences of both
 * spans (the last release at the old offset after GMT+8 midnight, the first pre-scale at the new
 * one): such a date, from today on and between two spans declared now, gets a daily timer of its
 * own valid on that date only with exactly its occurrences (saeChangeDayTimers), after the span
 * timers. A later `pulumi up` declares the spans after the horizon. Zones without offset changes
 * keep long-term timers without dates.
 */
export function saeTimers(recurring: readonly RecurringAction[], timeZone: string, now: number, horizon: ScheduleHorizon): SaeTimer[] {
    const timers = new Map<string, { period: string; beginDate?: string; endDate?: string; schedules: SaeTimer["schedules"][number][] }>();
    /** Occurrences on the GMT+8 dates of the offset changes between spans declared now, by timer. */
    const edges: SaeEdgeRun[] = [];
    const today = localInstant(localStamp(now, timeZone).date, "00:00", timeZone);
    for (const action of recurring) {
        // From the start of today (in `timeZone`): a rule rewritten today keeps today's earlier
        // points, the one before now in force at once, also those of an offset that changed today.
        const spans = offsetSpans([action.timeZone, timeZone], today, horizon.days);
        const dated = spans.some((s) => s.end !== null || s.start !== null);
        spans.forEach((span, i) => {
            const from = Math.max(today, span.start ?? today);
            const to = span.end ?? Infinity;
            const first = nextOccurrence(action, from);
            if (first >= to) return;
            // The span's regular run: on the date of a change a wall time in a spring-forward gap
            // runs later by the gap (zonedToUtc), so the times come from a run two days after it.
            const regular = occurrences(action, Math.max(first, (span.start ?? -Infinity) + 2 * DAY_MS), Math.min(to, first + 10 * DAY_MS))[0] ?? first;
            const week = occurrences(action, regular, Math.min(regular + 7 * DAY_MS, to));
            const days = week.map((t) => {
                const l = localDateTime(t, timeZone);
                return weekday(l.year, l.month, l.day);
            });
            // A span shorter than a week: its days follow the occurrences at this offset over a whole week.
            const period = saePeriod(to - regular < 7 * DAY_MS ? weekDays(action, regular, timeZone) : days);
            // Actions share a timer only when they share the span (the same offset changes) and the
            // days: a peak in another zone has its own spans, and its points other dates.
            const key = `${span.start ?? "-"} ${span.end ?? "-"} ${period}`;
            const point = { atTime: localStamp(regular, timeZone).time, minReplicas: action.minSize, maxReplicas: action.maxSize };
            const timer = timers.get(key) ?? { period, schedules: [] };
            if (dated) {
                const own = saeSpanDates(action, span, first, timeZone, point.atTime);
                // The timer's dates: those of all its actions (the latest begin, the earliest end).
                if (own.beginDate !== undefined) timer.beginDate = timer.beginDate === undefined || own.beginDate > timer.beginDate ? own.beginDate : timer.beginDate;
                if (own.endDate !== undefined) timer.endDate = timer.endDate === undefined || own.endDate < timer.endDate ? own.endDate : timer.endDate;
                // The occurrences next to a change between two spans declared now (the first span's
                // start: from today on) may fall outside the timer's dates: kept for the change day's timer.
                const near = [...(span.start !== null ? occurrences(action, span.start, span.start + 2 * DAY_MS) : []), ...(span.end !== null && i < spans.length - 1 ? occurrences(action, span.end - 2 * DAY_MS, span.end) : [])];
                for (const at of near) edges.push({ key, at, regular: point.atTime, point: { ...point, atTime: localStamp(at, timeZone).time } });
            }
            timer.schedules.push(point);
            timers.set(key, timer);
        });
    }
    const spanTimers = [...timers.values()].map((t) => ({ ...t, schedules: [...t.schedules].sort((a, b) => a.atTime.localeCompare(b.atTime)) }));
    return [...spanTimers, ...saeChangeDayTimers(edges, timers, localStamp(now, timeZone).date, timeZone)];
}

/** A run of a recurring action next to an offset change (saeTimers): its span timer (`key`), instant, the span's regular time of day (`regular`) and its own point (at its real time). */
interface SaeEdgeRun {
    readonly key: string;
    readonly at: number;
    readonly regular: string;
    readonly point: SaeTimer["schedules"][number];
}

/**
 * The GMT+8 dates (`timeZone`) over which an action runs inside one span of one offset at the
 * span's regular time of day (`atTime`, HH:MM in `timeZone`): from the date of its first such run in
 * the span (from `first`, its next occurrence from now, when the span has no start) to the date of
 * its last one before the span's end (none when the span has no end). Occurrences are assigned to
 * spans by instant, and a run in a spring-forward gap runs later by the gap, so only the date of a
 * change (or the date after it, for a run moved past GMT+8 midnight) holds runs at other times.
 */
export function saeSpanDates(action: RecurringAction, span: { readonly start: number | null; readonly end: number | null }, first: number, timeZone: string, atTime: string): { readonly beginDate: string; readonly endDate?: string } {
    const atRegular = (t: number): boolean => localStamp(t, timeZone).time === atTime;
    const begin = span.start === null ? first : (occurrences(action, span.start, span.start + 10 * DAY_MS).find(atRegular) ?? first);
    const last = span.end === null ? undefined : occurrences(action, span.end - 8 * DAY_MS, span.end).filter(atRegular).at(-1);
    return { beginDate: localStamp(begin, timeZone).date, ...(last !== undefined ? { endDate: localStamp(last, timeZone).date } : {}) };
}

/**
 * The timers of the offset changes' dates: the occurrences next to a change (`edges`, by span
 * timer key) that fall on a date outside their span timer's dates, or at another time than the
 * span's regular one (a run in a spring-forward gap), from `today` (GMT+8 date of now: a rule
 * rewritten today keeps today's earlier points, the one before now in force at once) on; one daily
 * timer per such date, valid on it only (`beginDate` = `endDate`), with exactly those points
 * (mergeSamePoints). Dates in order.
 */
function saeChangeDayTimers(
    edges: readonly SaeEdgeRun[],
    timers: ReadonlyMap<string, { readonly beginDate?: string; readonly endDate?: string }>,
    today: string,
    timeZone: string,
): SaeTimer[] {
    const byDate = new Map<string, SaeTimer["schedules"][number][]>();
    for (const e of edges) {
        const date = localStamp(e.at, timeZone).date;
        const t = timers.get(e.key);
        const covered = t !== undefined && e.point.atTime === e.regular && (t.beginDate === undefined || t.beginDate <= date) && (t.endDate === undefined || date <= t.endDate);
        if (covered || date < today) continue;
        byDate.set(date, [...(byDate.get(date) ?? []), e.point]);
    }
    return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, points]) => ({ period: SAE_DAILY_PERIOD, beginDate: date, endDate: date, schedules: mergeSamePoints(points) }));
}

/** The days (in `timeZone`) an action's occurrences fall on over a week at the offset of `first`: each occurrence shifted by the offset difference to `first`'s. */
function weekDays(action: RecurringAction, first: number, timeZone: string): number[] {
    const base = zoneOffsetMinutes(first, action.timeZone);
    return occurrences(action, first, first + 7 * DAY_MS).map((t) => {
        const l = localDateTime(t + (zoneOffsetMinutes(t, action.timeZone) - base) * MINUTE_MS, timeZone);
        return weekday(l.year, l.month, l.day);
    });
}

/** SAE's limit on scaling rules per application (CreateApplicationScalingRule: "You can create up to five auto scaling policies for one application"). */
export const SAE_MAX_SCALING_RULES = 5;
/** Trigger points a day of one timer (CreateApplicationScalingRule: "You can create up to 20 trigger points within one day in a scheduled auto scaling policy"). */
export const SAE_MAX_TRIGGER_POINTS = 20;

/** What the SAE rule budget reads of a stack: the events and peaks, and what tells whether they lift an application (liftsAppTier). */
export type SaeBudgetSpec = Pick<StackSpec, "peaks" | "scaling" | "events" | "app" | "regions" | "compute" | "kubernetes">;

/**
 * The SAE timers the stack's recurring peaks need at most in one application (saeTimers of every
 * peak that lifts some application, liftsAppTier, as if it lifted this one): one scaling rule per
 * timer. A peak that lifts none declares no timer.
 */
export function saePeakTimers(spec: Omit<SaeBudgetSpec, "events">, now: number, horizon: ScheduleHorizon): SaeTimer[] {
    const bounds = { minSize: 1, maxSize: 2, zones: 1 };
    return saeTimers(
        spec.peaks.filter((peak) => liftsAppTier(spec, peak.peakOnline)).flatMap((peak) => recurringActions(spec, peak, 2, bounds)),
        SAE_TIME_ZONE,
        now,
        horizon,
    );
}

/**
 * The SAE timers of the events' one-off actions (the tier's one floor timeline, tierSchedule): one
 * per calendar day in `timeZone` (GMT+8 for SAE timers) an event window touches, each limited to
 * that day (`beginDate` = `endDate`), daily period, holding only that day's trigger points. A timer
 * runs its points on every day from beginDate to endDate (ScalingRuleTimer: "When they are set to
 * specific dates ... the policy is valid" between them; period "* * *" every day), so one timer
 * over an event's whole range would fire each point on each day of it: the pre-scale again the day
 * after, the release in the middle of a multi-day event. Overlapping events share the days' rules
 * (one timeline: an earlier event's release never lowers the floor while a later one runs). A day
 * an event window is open at 00:00 starts with a point at 00:00 holding the bounds in force since
 * the last earlier action, so the floor stays up while that day's timer alone is valid; a day a
 * window opens before its first point (a `pulumi up` during the event re-asserts the floor later)
 * starts with a point at 00:00 holding that first point's bounds. `windows`
 * (epoch ms, the declared events' pre-scale to release) give the days; Defaults to one window from
 * the first action to the last. Timers in day order; points by time.
 */
export function saeEventTimers(actions: readonly Pick<OneOffAction, "at" | "minSize" | "maxSize">[], timeZone: string, windows?: readonly { readonly from: number; readonly to: number }[]): SaeTimer[] {
    const sorted = [...actions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    if (sorted.length === 0) return [];
    const spans = windows ?? [{ from: Date.parse(sorted[0].at), to: Date.parse(sorted[sorted.length - 1].at) }];
    const days = [...new Set(spans.flatMap((w) => calendarDays(w.from, w.to, timeZone)))].sort();
    const openAtMidnight = (day: string): boolean => {
        const midnight = localInstant(day, "00:00", timeZone);
        return spans.some((w) => w.from < midnight && midnight < w.to);
    };
    return days.flatMap((day) => {
        const points = sorted.filter((a) => oneOffLocal(a, timeZone).date === day).map((a) => ({ atTime: oneOffLocal(a, timeZone).time, minReplicas: a.minSize, maxReplicas: a.maxSize }));
        const before = sorted.filter((a) => oneOffLocal(a, timeZone).date < day);
        const carried = before[before.length - 1];
        const carry = carried !== undefined && openAtMidnight(day) && !points.some((p) => p.atTime === "00:00") ? [{ atTime: "00:00", minReplicas: carried.minSize, maxReplicas: carried.maxSize }] : [];
        // A window already open this day before its first point (a pulumi up during the event: the
        // window starts at `now`; its first point is the asserted one, saeAssertedPoint)
        // holds that point's bounds from 00:00: the rule is rewritten now, and without a point in
        // force before the first one the floor would fall until it.
        const first = sorted.find((a) => oneOffLocal(a, timeZone).date === day);
        const firstAt = first === undefined ? NaN : Date.parse(first.at);
        const openBefore = first !== undefined && spans.some((w) => w.from < firstAt && firstAt <= w.to && localStamp(w.from, timeZone).date === day);
        const hold = carry.length === 0 && openBefore && first !== undefined && !points.some((p) => p.atTime === "00:00") ? [{ atTime: "00:00", minReplicas: first.minSize, maxReplicas: first.maxSize }] : [];
        const schedules = mergeSamePoints([...carry, ...hold, ...points]);
        return schedules.length === 0 ? [] : [{ period: SAE_DAILY_PERIOD, beginDate: day, endDate: day, schedules }];
    });
}

/**
 * Trigger points sorted by time, those at one `atTime` merged into one holding the largest
 * minReplicas and the largest maxReplicas of them: each point counts against SAE_MAX_TRIGGER_POINTS
 * a day, and SAE documents no order for two points at one time (CreateApplicationScalingRule
 * `ScalingRuleTimer.Schedules`), so a rule never holds two.
 */
export function mergeSamePoints(points: readonly SaeTimer["schedules"][number][]): SaeTimer["schedules"][number][] {
    const byTime = new Map<string, SaeTimer["schedules"][number]>();
    for (const p of points) {
        const seen = byTime.get(p.atTime);
        byTime.set(p.atTime, seen === undefined ? p : { atTime: p.atTime, minReplicas: Math.max(seen.minReplicas, p.minReplicas), maxReplicas: Math.max(seen.maxReplicas, p.maxReplicas) });
    }
    return [...byTime.values()].sort((a, b) => a.atTime.localeCompare(b.atTime));
}

/** The logical-name suffix of an SAE application's event rule for a GMT+8 date (YYYY-MM-DD): `events-YYYYMMDD`. */
export function saeEventRuleSuffix(day: string): string {
    return `events-${day.replace(/-/g, "")}`;
}

/** Whether a logical name is that of an SAE event day rule (ends with saeEventRuleSuffix), not a peak's rule (a change day's rule of the peaks is valid on one date too). */
export function isSaeEventRuleName(name: string): boolean {
    return /-events-\d{8}$/.test(name);
}

/**
 * Whether SAE event day rules (the `scalingRuleTimer` of an application's rules) hold a trigger
 * point at any of `instants` (epoch ms): a timer valid on that instant's date in SAE_TIME_ZONE only
 * (`beginDate` = `endDate`, as saeEventTimers writes them; the peaks' timers, long-term or over a
 * span of one offset, are not an event's) with a point at its time of day ("The time zone is
 * GMT+8", CreateApplicationScalingRule `ScalingRuleTimer`). The event day rules are named by day,
 * not by event (saeEventTimers), so an earlier plan declared an event when its rules hold a point
 * at the event's pre-scale (declared ahead) or at its release (an up during the event, whose day
 * rule starts with the asserted point at 00:00 and ends with the release).
 */
export function saeTimersHoldPoint(timers: readonly { readonly beginDate?: string; readonly endDate?: string; readonly schedules: readonly { readonly atTime: string }[] }[], instants: readonly number[]): boolean {
    return instants.some((at) => {
        const local = localStamp(at, SAE_TIME_ZONE);
        return timers.some((t) => t.beginDate === local.date && t.endDate === local.date && t.schedules.some((p) => p.atTime === local.time));
    });
}

/** The windows (epoch ms) of `events` from `now` on: pre-scale (or `now`) to release; events over or without a valid window are left out. */
export function eventWindowsFrom(spec: Pick<StackSpec, "scaling">, events: readonly LiveEvent[], now: number): { readonly from: number; readonly to: number }[] {
    return events.flatMap((event) => {
        const w = eventWindow(spec, event.start, event.end);
        return w === null || w.to <= now ? [] : [{ from: Math.max(w.from, now), to: w.to }];
    });
}

/** The calendar dates (YYYY-MM-DD in `timeZone`) from the date of `from` to the date of `to`, both included (epoch ms). */
export function calendarDays(from: number, to: number, timeZone: string): string[] {
    const last = localStamp(to, timeZone).date;
    const days: string[] = [];
    // Steps of 12 hours never skip a date (a local day lasts 23 to 25 hours).
    for (let t = from; ; t += DAY_MS / 2) {
        const day = localStamp(Math.min(t, to), timeZone).date;
        if (days[days.length - 1] !== day) days.push(day);
        if (day === last) return days;
    }
}

/**
 * Scaling rules `events` take together in each SAE application: one per calendar day (GMT+8) any of
 * their windows touches from `now` on (overlapping events share a day's rule, saeEventTimers),
 * less the days in `shared` (Defaults to none): the dates of the peaks' change-day rules, which an
 * event's day shares (saeChangeDates, saeUnitTimers).
 */
export function saeEventsRuleCount(spec: Pick<StackSpec, "scaling">, events: readonly LiveEvent[], now: number, shared: ReadonlySet<string> = new Set()): number {
    return new Set(eventWindowsFrom(spec, events, now).flatMap((w) => calendarDays(w.from, w.to, SAE_TIME_ZONE)).filter((day) => !shared.has(day))).size;
}

/** The date a timer valid on one date only is valid on (`beginDate` = `endDate`: an event day's or a change date's timer), else null. */
function oneDate(t: Pick<SaeTimer, "beginDate" | "endDate">): string | null {
    return t.beginDate !== undefined && t.beginDate === t.endDate ? t.beginDate : null;
}

/** The GMT+8 dates of the timers valid on one date only among `timers` (the peaks' change-day timers, saeTimers). */
export function saeChangeDates(timers: readonly SaeTimer[]): Set<string> {
    return new Set(timers.flatMap((t) => oneDate(t) ?? []));
}

/**
 * The peaks' and the events' timers of one application with an event day sharing the rule of the
 * peaks' change-day timer of the same date (saeChangeDates): the event timer takes the peaks'
 * points of that date (mergeSamePoints) and the peaks' timer goes, one rule for the date. With
 * `assertedAt` (epoch ms: an up that asserts the events' bounds in the day rule; Defaults to null),
 * the peaks' points before it are left out: the event timeline holds the bounds in force then.
 */
export function shareChangeDays(peaks: readonly SaeTimer[], events: readonly SaeTimer[], assertedAt: number | null = null): { readonly peaks: SaeTimer[]; readonly events: SaeTimer[] } {
    const eventDays = new Set(events.flatMap((t) => (t.beginDate === undefined ? [] : [t.beginDate])));
    const shared = peaks.filter((t) => eventDays.has(oneDate(t) ?? ""));
    // After an up that asserts the events' bounds (the day rule's point at 00:00, saeAssertedPoint),
    // a peak's point before the up would be the last one before now, in force instead of it: left out.
    const kept = (date: string, p: SaeTimer["schedules"][number]): boolean => assertedAt === null || localInstant(date, p.atTime, SAE_TIME_ZONE) >= assertedAt;
    return {
        peaks: peaks.filter((t) => !shared.includes(t)),
        events: events.map((e) => {
            const own = shared.filter((t) => t.beginDate === e.beginDate).flatMap((t) => t.schedules.filter((p) => kept(t.beginDate ?? "", p)));
            return own.length === 0 ? e : { ...e, schedules: mergeSamePoints([...e.schedules, ...own]) };
        }),
    };
}

/**
 * How many events the SAE applications may take at once: SAE_MAX_SCALING_RULES rules per
 * application less the rules of the peaks' timers (at least one rule, the metric one), the events
 * together taking one rule per calendar day any of them touches (saeEventsRuleCount). The earliest
 * events that fit are declared; the first that does not fit and all after it wait for a later
 * `pulumi up` (once earlier ones have passed; scheduleReport tells whether that comes before their
 * pre-scale). Alibaba Cloud's profile applies it to serverless stacks (eventLimit).
 */
export function saeEventLimit(spec: SaeBudgetSpec, now: number, horizon: ScheduleHorizon): EventLimit {
    const peaks = saePeakTimers(spec, now, horizon);
    const rules = Math.max(0, SAE_MAX_SCALING_RULES - Math.max(1, peaks.length));
    // An event's day that a peaks' change-day rule already holds shares that rule (shareChangeDays).
    const shared = saeChangeDates(peaks);
    // An event that lifts no application declares no rule (unitSchedule): it takes none of them.
    const lifting = (events: readonly LiveEvent[]): LiveEvent[] => events.filter((event) => liftsAppTier(spec, event.peakOnline));
    const alone = (event: LiveEvent): string | null => {
        const n = saeEventsRuleCount(spec, lifting([event]), now, shared);
        return n > rules ? `it touches ${n} calendar days (GMT+8) from now on, ${n} rules, and ${rules} are left after the peaks' rules` : null;
    };
    // An event that alone needs more rules than are left declares nothing and holds none (admissibleEvents).
    const events = admissibleEvents(eventsInHorizon(spec, now, horizon), { alone });
    let count = 0;
    while (count < events.length && saeEventsRuleCount(spec, lifting(events.slice(0, count + 1)), now, shared) <= rules) count += 1;
    return {
        count,
        why: `SAE takes at most ${SAE_MAX_SCALING_RULES} scaling rules per application (CreateApplicationScalingRule), ${rules} left for events after the peaks' rules, one per calendar day (GMT+8) an event touches, shared by overlapping events and with the peaks' rule of a change date`,
        alone,
    };
}

/**
 * The events the SAE applications declare now: the declarable ones within Alibaba Cloud's horizon
 * (declarableEvents, `horizon` from the profile) within saeEventLimit.
 */
export function saeDeclaredEvents(spec: SaeBudgetSpec, now: number, horizon: ScheduleHorizon): LiveEvent[] {
    return declarableEvents(spec, now, horizon, saeEventLimit(spec, now, horizon));
}

/**
 * The SAE timers of one unit's application in `region` (the component's rules, one each): `peaks`
 * the timers of the recurring peaks (saeTimers, one mix rule per timer period), `events` one timer
 * per calendar day (GMT+8) the declared events (saeDeclaredEvents) touch (saeEventTimers), holding
 * that day's trigger points of the one floor timeline of the events. `drain` (the unit's drain,
 * timetopeak unitDrain; Defaults to null) gives `heldCeiling`, the raised ceiling a released event
 * still drains from (null when none): the peaks' timers keep it, and so must the metric bounds.
 */
export function saeUnitTimers(
    spec: ScheduleSpec & SaeBudgetSpec,
    region: Pick<RegionSpec, "zones">,
    unit: ServerlessUnitPlan,
    now: number,
    horizon: ScheduleHorizon,
    drain: TierDrain | null = null,
    declared: readonly LiveEvent[] = saeDeclaredEvents(spec, now, horizon),
): { readonly peaks: SaeTimer[]; readonly events: SaeTimer[]; readonly heldCeiling: number | null } {
    // The released events stay in view (they declare nothing): their raised ceilings hold while they drain (drainHold).
    const released = spec.events.filter((e) => (eventWindow(spec, e.start, e.end)?.to ?? Infinity) <= now);
    const timed = unitSchedule({ ...spec, events: [...declared, ...released] }, region, unit, now, horizon, null, drain);
    // The days of the events whose floor the asserted point holds: in a release's retention the
    // step in force is named after the released event, while the floor it asserts is that of the
    // events open at `now` (back-to-back events), whose days must keep a rule from `now` on.
    const asserted = saeAssertedPoint(timed, now);
    const openNow = (event: LiveEvent): boolean => asserted.length > 0 && eventWindowsFrom(spec, [event], now).some((w) => w.from <= now);
    const lifting = declared.filter((event) => timed.oneOff.some((a) => a.source === event.name) || timed.asserted?.source === event.name || openNow(event));
    const heldCeiling = timed.drainHold?.from ?? null;
    // SAE rewrites the rules on every up and the point before `now` is in force at once: the peaks'
    // timers keep the ceiling a released event still drains from (the other clouds' recurring
    // actions run only at their instants, recurringNeeds).
    const recurring = heldCeiling === null ? timed.recurring : timed.recurring.map((a) => ({ ...a, maxSize: Math.max(a.maxSize, heldCeiling) }));
    // A date both a peaks' change-day timer and the events' day hold is one rule (shareChangeDays).
    return {
        ...shareChangeDays(saeTimers(recurring, SAE_TIME_ZONE, now, horizon), saeEventTimers([...asserted, ...timed.oneOff], SAE_TIME_ZONE, eventWindowsFrom(spec, lifting, now)), asserted.length > 0 ? now : null),
        heldCeiling,
    };
}

/**
 * The point of the SAE event rule that holds the bounds an up asserts inside a raised window or in
 * a release's retention (TierSchedule.asserted, kind "prescale" or "release"): the floor timeline's
 * bounds in force at the up, at 00:00 (SAE_TIME_ZONE) of the day of `now`, so the day's rewritten
 * rule holds them from the start of the day (no moment of it without a point in force; the point
 * before `now` is in force at once, so the up raises the floor itself, as on the other clouds) and
 * every up that day writes the same rule (no instant computed from `now`); a pre-scale closer than
 * the lead too (not at its own instant: the floor is in force from the up). A release that
 * is also the next event's pre-scale (back-to-back events) is a step of kind "release" whose floor
 * is that next event's: SAE rewrites the day's rule whole, so without this point the rewritten rule
 * holds no floor from `now` until its first later point. [] outside a raised window and for kind
 * "lowered": a drained event's raised ceiling is lowered by the peaks' rules and the metric bounds,
 * which no longer keep it (heldCeiling), and the floor in force is theirs, so no event rule holds
 * a point for it.
 */
export function saeAssertedPoint(schedule: Pick<TierSchedule, "asserted">, now: number): Pick<OneOffAction, "at" | "minSize" | "maxSize">[] {
    const asserted = schedule.asserted;
    if (asserted === undefined || asserted.kind === "lowered") return [];
    return [{ at: utcMinute(localInstant(localStamp(now, SAE_TIME_ZONE).date, "00:00", SAE_TIME_ZONE)), minSize: asserted.minSize, maxSize: asserted.maxSize }];
}

/**
 * The event days whose SAE timer would hold more than SAE_MAX_TRIGGER_POINTS trigger points in some
 * application (CreateApplicationScalingRule, "Operation description": "You can create up to 20
 * trigger points within one day in a scheduled auto scaling policy",
 * https://www.alibabacloud.com/help/en/sae/developer-reference/api-create-application-scaling-rule):
 * one line per GMT+8 day naming the points, the services, the events that touch the day and the
 * limit. Each event adds its pre-scale and release (and the steps between) to its days' timers, so
 * many short events on one day overflow the day's rule; SAE would refuse it at `pulumi up`.
 */
export function saeEventPointIssues(spec: ScheduleSpec & SaeBudgetSpec, now: number, horizon: ScheduleHorizon): string[] {
    const crowded = new Map<string, { points: number; services: Set<string> }>();
    for (const region of spec.regions) {
        for (const unit of planServerlessUnits(spec.kubernetes.services, region)) {
            for (const timer of saeUnitTimers(spec, region, unit, now, horizon).events) {
                if (timer.schedules.length <= SAE_MAX_TRIGGER_POINTS) continue;
                const day = timer.beginDate ?? "";
                const seen = crowded.get(day) ?? { points: 0, services: new Set<string>() };
                crowded.set(day, { points: Math.max(seen.points, timer.schedules.length), services: seen.services.add(unit.service) });
            }
        }
    }
    const declared = saeDeclaredEvents(spec, now, horizon);
    return [...crowded.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([day, c]) => {
            const touching = declared.filter((e) => eventWindowsFrom(spec, [e], now).some((w) => calendarDays(w.from, w.to, SAE_TIME_ZONE).includes(day))).map((e) => e.name);
            return `events: ${c.points} trigger points on ${day} (GMT+8) in the SAE event rule of ${[...c.services].join(", ")} (events ${touching.join(", ")}); allowed: at most ${SAE_MAX_TRIGGER_POINTS} a day in one rule (SAE CreateApplicationScalingRule), so merge events of that day that follow each other or move some to another day`;
        });
}

/**
 * PolarDB Serverless layout, in the provider's argument names (alicloud_polardb_cluster, provider v1.294): the serverless node class
 * of the Enterprise edition (`db_node_class` "polar.mysql.sl.small"), AgileServerless (1-32 PCU per
 * node), and read-only nodes between `scale_ro_num_min` and `scale_ro_num_max` (0-15 for
 * AgileServerless). At least one read-only node always runs: the cluster endpoint splits reads to
 * it and a failover promotes it (the serverless counterpart of a standby node). The CPU thresholds
 * of the seed drive the node's own scaling: `serverless_rule_cpu_enlarge_threshold` (40-100) at
 * scaleOut.cpuPercent and `serverless_rule_cpu_shrink_threshold` (10-100, at least 30 below) at
 * scaleIn.cpuPercent.
 *
 * Transaction resumption: `hot_replica_mode` "ON" on the node subscript `db_node_id` "1" (the first
 * read-only node, which always runs) turns it into a hot replica; the provider applies it with
 * ModifyDBNodeHotReplicaMode (DBClusterId, DBNodeId, HotReplicaMode ON/OFF;
 * resource_alicloud_polardb_cluster.go, `d.HasChange("hot_replica_mode")`) only when it updates an
 * existing cluster: the API takes no hot replica at creation ("You cannot directly set hot replica
 * nodes when you create a cluster", PolarDB "Configure hot replica nodes") and the provider's
 * Update returns for a new resource before that step, so a new stack gets the hot replica from its
 * second `pulumi up` (policies/conformance/applied-on-update.ts, docs/UPGRADING.md). PolarDB, "Failover
 * with hot replica": hot replica read-only nodes speed up failover and "implement transaction
 * status preservation", PolarProxy keeping connections and transactions across the switchover.
 * The hot replica alone does not resume transactions: "The transaction status preservation feature
 * must be separately enabled. To enable this feature, you must set the loose_innodb_trx_resume
 * parameter to ON" (PolarDB, "Configure hot replica nodes", Precautions). The plan sets it in the
 * cluster's `parameters` block (alicloud_polardb_cluster `parameters`, name/value pairs "set after
 * DB cluster was launched", polardb/cluster.d.ts): the provider applies it with
 * ModifyDBClusterParameters in Update (resource_alicloud_polardb_cluster.go,
 * `d.HasChange("parameters")` -> ModifyParameters), also right after Create, in place (not
 * ForceNew): a later change never replaces the cluster.
 */
export interface PolardbServerlessPlan {
    readonly dbNodeClass: string;
    readonly serverlessType: string;
    readonly scaleMin: number;
    readonly scaleMax: number;
    readonly scaleRoNumMin: number;
    readonly scaleRoNumMax: number;
    readonly serverlessRuleCpuEnlargeThreshold: number;
    readonly serverlessRuleCpuShrinkThreshold: number;
    readonly hotReplicaMode: "ON";
    readonly dbNodeId: string;
    /** Cluster parameters (alicloud_polardb_cluster `parameters`): TRANSACTION_RESUMPTION_PARAMETER. */
    readonly parameters: readonly { readonly name: string; readonly value: string }[];
}

/** The cluster parameter that turns transaction status preservation on with a hot replica ("Configure hot replica nodes": loose_innodb_trx_resume ON). */
export const TRANSACTION_RESUMPTION_PARAMETER = { name: "loose_innodb_trx_resume", value: "ON" } as const;

export const POLARDB_SERVERLESS_NODE_CLASS = "polar.mysql.sl.small";
/** Node subscript of the first read-only node (alicloud_polardb_cluster `db_node_id`: "node subscript values: 1 to 15"; 0 is the primary). */
export const FIRST_READ_ONLY_NODE = "1";
/** Read-only nodes a serverless cluster may add on top of its floor (AgileServerless allows up to 15). */
export const POLARDB_MAX_READ_ONLY_NODES = 15;

export function polardbServerlessPlan(spec: Pick<StackSpec, "scaling">, capacity: ServerlessCapacity, readReplicas: number): PolardbServerlessPlan {
    const roMin = Math.max(1, readReplicas);
    return {
        dbNodeClass: POLARDB_SERVERLESS_NODE_CLASS,
        serverlessType: "AgileServerless",
        scaleMin: capacity.minCapacity,
        scaleMax: capacity.maxCapacity,
        scaleRoNumMin: roMin,
        scaleRoNumMax: Math.min(POLARDB_MAX_READ_ONLY_NODES, roMin * 4),
        serverlessRuleCpuEnlargeThreshold: Math.max(40, spec.scaling.scaleOut.cpuPercent),
        serverlessRuleCpuShrinkThreshold: Math.min(spec.scaling.scaleIn.cpuPercent, Math.max(40, spec.scaling.scaleOut.cpuPercent) - 30),
        hotReplicaMode: "ON",
        dbNodeId: FIRST_READ_ONLY_NODE,
        parameters: [{ ...TRANSACTION_RESUMPTION_PARAMETER }],
    };
}
