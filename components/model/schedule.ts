// Scheduled capacity of planned live events and recurring peaks, for every elastic tier an event
// must lift. Pure: the instant `now` comes in as an argument, so a plan is reproducible.
//
// Rules (docs/SCALING.md):
// - A scheduled action only ever sets a tier's bounds (floor and ceiling), never its current size:
//   raising the floor makes the cloud add capacity up to it; lowering it back leaves the running
//   capacity in place, and the metric scale-in rule (connections AND CPU low) drains it.
// - Events never block a deploy: a past event declares nothing and is reported as past; an event
//   beyond a cloud's scheduling horizon is reported as "scheduled when within N days" and declared
//   by a later `pulumi up`; a step at least 10 minutes ahead stays at its declared instant
//   (steadyStart). An up inside a raised window (its pre-scale passed or closer than that lead, its
//   release not) sets the floor and ceiling on the scaled resource itself (TierSchedule.asserted),
//   the same values on every such up, and declares only the steps still ahead: no declared instant
//   is computed from `now`, so no up moves a step. A release stays declared for
//   RELEASE_RETENTION_MINUTES after its instant (the clouds' retry windows), and an up in that time
//   asserts the released bounds.
// - Each action's ceiling is the one the needs in force at its own instant hold (heldNeedsAt): the
//   peaks', and those of the events whose raised span (pre-scale to the lowering at the end of the
//   drain) contains it; a lowering ends each span whose need is above what is held then.
// - Overlapping events share one floor timeline (the largest need of the events active at each
//   instant); a recurring peak's action that falls inside an event is followed one minute later by a
//   one-off action restoring the event's floor, declared by every up before that action runs, closer
//   than the lead too (undoneByRun: an up's asserted bounds hold only until an action sets others);
//   a one-off action that falls inside a recurring peak's window sets the floor to the largest need
//   open then (the peak's), never below.

import { LiveEvent, RecurringPeak, RegionSpec, SERVICE_NAMES, ServiceName, StackSpec } from "./types";
import { MAX_SCHEDULED_CEILING, ceilingAbove, connectionInstances, instancesForOnline, roundUpTo, serviceFloor } from "./scaling";
import { SCALES_ON_CONNECTIONS, podCeilingRaises, podFloors, scheduleAppFloors } from "./kubernetes";
import { podFloorsShortfall } from "./kubernetes-addons";
import { ServerlessUnitPlan, planServerlessUnits } from "./compute";
import type { CloudProfile } from "./profile";
import { DAY_MS, MINUTES_PER_DAY, MINUTE_MS, localDateTime, nextOffsetChange, parseInstant, parseLocalTime, utcMinute, weekday, zoneOffsetMinutes, zonedToUtc } from "./timezone";
import { WEEKDAYS } from "./types";

/**
 * How far ahead a cloud accepts a one-off scheduled action (CloudProfile.scheduleHorizon; null on a
 * cloud without such a limit). Events released beyond it are reported deferred and declared by a
 * later `pulumi up`; recurring tasks scheduled in UTC end within it (recurringUntil).
 */
export interface ScheduleHorizon {
    /** Days ahead of the `pulumi up`. */
    readonly days: number;
    /** The service that sets the limit, for the report ("Alibaba Cloud ESS"). */
    readonly service: string;
}

/**
 * How far ahead the pods' one-off floor jobs may be declared (compute kubernetes): a CronJob's
 * schedule has no year ("minute hour day-of-month month day-of-week", oneOffCron), so a job for an
 * instant a year or more ahead would run on that date and time within the coming year, then
 * suspend itself, and never run on the day. 364 days keeps every declared instant before the same
 * date comes round again.
 */
export const KUBERNETES_ONE_OFF_HORIZON: ScheduleHorizon = { days: 364, service: "Kubernetes CronJob" };

/** Why an event beyond KUBERNETES_ONE_OFF_HORIZON waits, for the report (HorizonText.deferral). */
export const KUBERNETES_DEFERRAL = `a CronJob schedule has no year, so the pods' one-off floor jobs are declared within ${KUBERNETES_ONE_OFF_HORIZON.days} days of their instant`;

/**
 * The horizon a stack's schedules are planned under: the cloud's (`horizon`, CloudProfile.scheduleHorizon;
 * null when it has none), or on compute kubernetes KUBERNETES_ONE_OFF_HORIZON when that is nearer,
 * so an event beyond it is reported deferred on every tier, not declared on some tiers and fired a
 * year early on the pods.
 */
export function stackScheduleHorizon(spec: Pick<StackSpec, "compute">, horizon: ScheduleHorizon | null): ScheduleHorizon | null {
    if (spec.compute !== "kubernetes") return horizon;
    return horizon !== null && horizon.days <= KUBERNETES_ONE_OFF_HORIZON.days ? horizon : KUBERNETES_ONE_OFF_HORIZON;
}

/**
 * What a cloud says about its horizon in the schedule report, per the tiers a stack schedules
 * (CloudProfile.horizonText): the ESS tasks of the app group and transcoders end within 90 days and
 * at a daylight-saving change, SAE timers are dated per offset or long-term.
 */
export interface HorizonText {
    /** Why an event released beyond the horizon waits ("Alibaba Cloud ESS accepts scheduled tasks up to 90 days ahead"). */
    readonly deferral: string;
    /**
     * Until when this `pulumi up` declares a peak's recurring actions, per tier ("ESS tasks (app
     * group, transcoders) declared until 2027-06-24T00:00:00Z"), naming only the tiers the peak
     * lifts; null when none of them has an end.
     */
    readonly declaredUntil: (peak: RecurringPeak) => string | null;
    /** What the cloud calls its one-off scheduled actions, for the report ("scheduled tasks" on ESS). Defaults to "scheduled actions" (EC2 Auto Scaling, Application Auto Scaling). */
    readonly oneOffActions?: string;
}

/**
 * Least lead, minutes, of a declared step a `pulumi up` keeps at its own instant. Both clouds take
 * any start time in the future and reject one in the past: "If you try to schedule your action in
 * the past, Amazon EC2 Auto Scaling returns an error message" (PutScheduledUpdateGroupAction,
 * StartTime); ESS "LaunchTime: the time at which the scheduled task is triggered", a future UTC
 * minute (CreateScheduledTask; a past one is refused); Application Auto Scaling `at()` and the SAE
 * timers name a future instant the same way. Neither documents a longer minimum, so the lead is the
 * project's allowance for a `pulumi up` to reach the scheduled actions once it has planned (an
 * existing action whose instant is unchanged is not touched at all): 10 minutes. A raising step
 * closer than that (or past) is asserted on the base resource by the up itself (AssertedBounds), and
 * stays declared too when a recurring action runs before it and sets lower bounds (undoneByRun); a
 * lowering one (a release a few minutes ahead) stays at its own instant, as every later one does, so
 * a `pulumi up` never moves a step an earlier up declared (a moved release was deleted by the next up
 * once its first instant had passed, before it ran). A new release declared less than a minute
 * ahead may reach the cloud after its instant and be refused; releases are declared with their
 * event, hours ahead.
 */
export const SCHEDULE_MIN_LEAD_MINUTES = 10;

/** The first instant (epoch ms, a whole minute) a `pulumi up` at `now` keeps a declared step at: now + SCHEDULE_MIN_LEAD_MINUTES, rounded up to the minute. */
export function steadyStart(now: number): number {
    return Math.ceil((now + SCHEDULE_MIN_LEAD_MINUTES * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
}

/**
 * The first instant (epoch ms) at which a recurring action's run may still take effect after a
 * `pulumi up` at `now` has set the bounds: the start of the up's own minute, since a run in that
 * minute may reach the resource after the up does. Such a run between the up and a step closer
 * than the lead (steadyStart) undoes the bounds the up asserts for that step (AssertedBounds), so
 * the step stays declared at its own instant (undoneByRun); one before it has run already.
 */
export function pendingRunsFrom(now: number): number {
    return Math.floor(now / MINUTE_MS) * MINUTE_MS;
}

/**
 * Whether a recurring action runs in [`from`, `to`) (epoch ms) and sets a floor below `floor` or a
 * ceiling below `ceiling`: the bounds a step at `to` sets, which a `pulumi up` at `from`
 * (pendingRunsFrom) asserting that step's bounds itself would leave undone after the run. A step
 * closer than the lead may be left to the up's asserted bounds only when no such run lies between
 * (tierSchedule keeps it declared otherwise: a peak's release or pre-scale to a lower floor just
 * before an event's pre-scale, a peak's action inside an event followed by its restore).
 */
export function undoneByRun(recurring: readonly RecurringAction[], from: number, to: number, floor: number, ceiling: number): boolean {
    return recurring.some((a) => (a.minSize < floor || a.maxSize < ceiling) && occurrences(a, from, to).length > 0);
}

/**
 * Minutes a release stays declared after its instant: a cloud or controller that runs it late still
 * finds it. ESS retries a scheduled task that could not run (a scaling activity in progress, the
 * group disabled) within LaunchExpirationTime: "Retry window if the task fails to trigger ... Unit:
 * seconds. Default value: 600" (ROS ALIYUN::ESS::ScheduledTask; CreateScheduledTask, "the scheduled
 * task automatically retries within the period specified by LaunchExpirationTime"; the tasks set
 * LAUNCH_EXPIRATION_SECONDS = 600). A Kubernetes floor job may start up to startingDeadlineSeconds
 * (600) late and retry its pod (backoffLimit 3: pod back-off 10 s, 20 s, 40 s), and pulumi-kubernetes
 * deletes a CronJob with Foreground propagation, which deletes a Job still running. 10 minutes of
 * retry window plus the job's retries and run time fit in 20. Until then the release is kept
 * declared at its own instant (TierSchedule.retained, unchanged since the up that declared it, so
 * the provider sends nothing) and the up asserts the released bounds itself (AssertedBounds), so a
 * release that has not run yet cannot leave the raised floor in force.
 */
export const RELEASE_RETENTION_MINUTES = 20;

/** Broadcasts one transcoder carries: a 16 vCPU transcoder carries about four 1080p inputs into the ladder. */
export const STREAMS_PER_TRANSCODER = 4;

/** Most Aurora Replicas one cluster holds ("up to 15 Aurora Replicas", Aurora User Guide, Aurora DB clusters). */
export const AURORA_MAX_READ_REPLICAS = 15;

export const SCHEDULED_TIERS = ["appGroup", "transcoders", "readReplicas", "serverlessUnit"] as const;
/**
 * Tiers whose bounds the schedules set: the app scaling group; the self-run transcoders (Alibaba
 * Cloud); the Aurora read replicas (AWS Application Auto Scaling, rds:cluster:ReadReplicaCount);
 * one service of the serverless tier (an SAE application, an ECS service).
 */
export type ScheduledTier = (typeof SCHEDULED_TIERS)[number];

/** Bounds of one tier: its everyday floor and ceiling. */
export interface TierBounds {
    readonly minSize: number;
    readonly maxSize: number;
    /** Zones the tier is spread over: floors are whole multiples of it. */
    readonly zones: number;
    /**
     * The service of a `serverlessUnit` tier (serviceFloor sizes the connection-holding one on the
     * viewers, the others on their own ratio). Defaults to interaction, the connection-holding one.
     */
    readonly service?: ServiceName;
}

/**
 * Capacity a tier needs for an audience of `online` viewers over `streams` broadcasts, in the
 * tier's units, never below `bounds.minSize`: the app tier the app instances the viewers' connections
 * need (connectionInstances; on compute kubernetes bounds.minSize is the pods' everyday need,
 * appTierBounds), a serverless service its serviceFloor of them, the transcoders one per
 * STREAMS_PER_TRANSCODER broadcasts, the readers in proportion to the app group's floor.
 */
export function tierNeed(spec: Pick<StackSpec, "scaling" | "app">, region: Pick<RegionSpec, "zones">, tier: ScheduledTier, bounds: TierBounds, online: number, streams: number): number {
    if (tier === "appGroup") return Math.max(bounds.minSize, connectionInstances(spec, region, online));
    // A serverless service follows the same rule as its pods (serviceFloor): the connection-holding
    // service is sized on the viewers, the CPU-bound ones in proportion to the app floor.
    if (tier === "serverlessUnit") {
        const holdsConnections = SCALES_ON_CONNECTIONS[bounds.service ?? "interaction"];
        return serviceFloor(spec, { minReplicas: bounds.minSize, holdsConnections }, connectionInstances(spec, region, online), bounds.zones);
    }
    if (tier === "transcoders") return Math.max(bounds.minSize, roundUpTo(Math.ceil(streams / STREAMS_PER_TRANSCODER), Math.max(1, bounds.zones)));
    // Readers grow in proportion to the app tier's floor (reads come from the app servers), within the ceiling.
    const ratio = instancesForOnline(spec, region, online) / spec.app.minSize;
    return Math.min(bounds.maxSize, Math.max(bounds.minSize, Math.ceil(bounds.minSize * ratio)));
}

/**
 * The app instances at which no pod is lifted above its minReplicas (podFloors): the everyday app
 * floor (app.minSize) for the CPU-bound services, each connection-holding service's own
 * minReplicas for it (serviceFloor: one pod per app instance), whichever is smaller. The floor jobs
 * run at every need above it.
 */
export function podsEverydayNeed(spec: Pick<StackSpec, "app" | "kubernetes">): number {
    return Math.min(spec.app.minSize, ...SERVICE_NAMES.filter((s) => SCALES_ON_CONNECTIONS[s]).map((s) => spec.kubernetes.services[s].minReplicas));
}

/**
 * Bounds of the app tier's schedule in `region`, in app instances (connectionInstances): the app
 * group's minSize and maxSize; on compute kubernetes, whose floor jobs follow this schedule
 * (podFloors of each action's floor), the floor is the pods' everyday need (podsEverydayNeed), so an
 * audience the app group's minimum holds but interaction's minReplicas does not is still pre-scaled.
 */
export function appTierBounds(spec: Pick<StackSpec, "app" | "kubernetes" | "compute">, region: Pick<RegionSpec, "zones">): TierBounds {
    return { minSize: spec.compute === "kubernetes" ? podsEverydayNeed(spec) : spec.app.minSize, maxSize: spec.app.maxSize, zones: region.zones.length };
}

/** The app tier's need for `online` viewers in `region` (tierNeed within appTierBounds): what its schedule's actions set and the pod floors are sized on. */
export function appTierNeed(spec: Pick<StackSpec, "scaling" | "app" | "kubernetes" | "compute">, region: Pick<RegionSpec, "zones">, online: number): number {
    return tierNeed(spec, region, "appGroup", appTierBounds(spec, region), online, 0);
}

/** What a tier's schedule reads of the stack: the scaling settings, the app group's floor, the events and peaks. */
export type ScheduleSpec = Pick<StackSpec, "scaling" | "app" | "events" | "peaks">;

/**
 * The ceiling of `needs` on a tier: the everyday maxSize, or twice the largest of them (ceilingAbove,
 * capped at `limit`), whichever is larger. Each scheduled action sets the ceiling of the needs in
 * force at its own instant (heldNeedsAt: the peaks' and the raised spans' containing it; the
 * recurring actions recurringNeeds). Releases lower the floor only and keep their instant's ceiling
 * (their event's span runs to its lowering), because lowering a ceiling below the running capacity makes every cloud remove capacity
 * at once, whatever the load (the AND scale-in rule would be bypassed):
 * - AWS Application Auto Scaling (Fargate services, Aurora readers): "If the current capacity is
 *   above the maximum capacity, Application Auto Scaling scales in to the maximum capacity"
 *   (PutScheduledAction, ScalableTargetAction). EC2 Auto Scaling keeps the desired capacity within
 *   [MinSize, MaxSize] the same way (a scheduled action's MaxSize bounds the group).
 * - Alibaba Cloud ESS: "If you modify MaxSize, and the number of ECS or ECI instances in the
 *   scaling group exceeds the new MaxSize, Auto Scaling automatically removes instances until the
 *   number of instances is equal to MaxSize" (ModifyScalingGroup; a scheduled task's MaxValue sets
 *   the same bound).
 * - SAE timers: SAE documents no exception for a period whose maxReplicas is below the running
 *   instances; it is treated like the two above (an assumption on the safe side).
 * Capacity above the everyday maxSize therefore drains by the metric scale-in rule only; the
 * ceiling returns to what the events and peaks still hold by the event's own action at the end of
 * its drain (ceilingLowerings), and in the recurring actions when a later `pulumi up` no longer
 * declares an event that needs more (docs/SCALING.md, "Releases keep the ceiling", "The clouds
 * lower the raised ceiling at the end of the drain").
 */
export function scheduleCeiling(bounds: Pick<TierBounds, "maxSize">, needs: readonly number[], limit: number = MAX_SCHEDULED_CEILING): number {
    return Math.max(bounds.maxSize, ...needs.map((need) => ceilingAbove(need, limit)));
}


/**
 * The bound inputs of a tier's base resource (`fields`: the scaling group's minSize/maxSize, the
 * scalable target's minCapacity/maxCapacity) that Pulumi leaves alone once the tier's schedule
 * declares any action ([] when it declares none). A scheduled action changes the base resource's
 * own bounds when it runs (ESS: the task's MinValue/MaxValue are written to the group's
 * MinSize/MaxSize; EC2 Auto Scaling: "With scheduled actions, the group size properties of an Auto
 * Scaling group can change at any time", AWS CloudFormation AutoScalingScheduledAction update
 * policy, whose reason is the same: an update "always sets the group size property values ... even
 * if a scheduled action is in effect"; Application Auto Scaling: a ScalableTargetAction sets the
 * target's MinCapacity/MaxCapacity), and each provider's Read puts the running bounds back into
 * state on `pulumi refresh` (alicloud_ess_scaling_group min_size/max_size from
 * DescribeScalingGroups; aws_autoscaling_group min_size/max_size from DescribeAutoScalingGroups;
 * aws_appautoscaling_target min_capacity/max_capacity from DescribeScalableTargets). Without this, a
 * `pulumi refresh` and `up` during an event's drain would set the everyday maxSize again, and every
 * cloud removes the capacity above a lowered maximum at once (scheduleCeiling). With it, the
 * schedules alone move the bounds after creation: a changed everyday minSize or maxSize reaches the
 * group through the next action that sets it (every action carries the ceiling, every release the
 * floor), as a changed HPA minReplicas does through the floor jobs.
 */
export function scheduledBoundsIgnoreChanges(schedule: Pick<TierSchedule, "oneOff" | "recurring" | "drainHold" | "asserted" | "lowerings" | "floorReleases">, fields: readonly string[]): string[] {
    // An up inside a raised window, or the one that lowers a drained event's raised ceiling, sets
    // the bounds itself (scheduledBounds): Pulumi must send them.
    if (schedule.asserted !== undefined) return [];
    const declared = schedule.oneOff.length + schedule.recurring.length + (schedule.lowerings ?? []).length + (schedule.floorReleases ?? []).length;
    return declared > 0 || schedule.drainHold !== undefined ? [...fields] : [];
}

/**
 * The bounds a tier's base resource declares: the bounds asserted by an up inside a raised window,
 * in a release's retention or after a drained event's release (TierSchedule.asserted), else the
 * everyday ones (`everyday`), which Pulumi sets at creation and then leaves to the schedules while
 * they own them (scheduledBoundsIgnoreChanges). During a drain hold the next up declares the
 * everyday bounds under ignoreChanges: the released bounds in force stay (the state keeps the
 * asserted inputs) and drain by the scale-in rule, until the up after the drain sets the held ones.
 */
export function scheduledBounds(schedule: Pick<TierSchedule, "asserted">, everyday: { readonly minSize: number; readonly maxSize: number }): { minSize: number; maxSize: number } {
    return schedule.asserted === undefined ? { minSize: everyday.minSize, maxSize: everyday.maxSize } : { minSize: schedule.asserted.minSize, maxSize: schedule.asserted.maxSize };
}

/**
 * A tier whose last event has been released but whose raised ceiling still drains: the schedules
 * declare nothing any more, yet lowering the bounds to the everyday maxSize now would make the cloud
 * remove the capacity above it at once (scheduleCeiling). The bounds stay with the schedules
 * (scheduledBoundsIgnoreChanges) until the drain from the raised ceiling by the AND scale-in rule
 * has finished (`until`).
 */
export interface DrainHold {
    /** The event whose release raised the ceiling the tier drains from. */
    readonly source: string;
    /** Its release instant, epoch ms. */
    readonly releasedAt: number;
    /** The raised ceiling the drain starts from. */
    readonly from: number;
    /** The instant the drain ends, epoch ms (releasedAt + the tier's drain seconds, TierDrain). */
    readonly until: number;
    /**
     * The tier's need for the event (tierNeed; the app floor on the app tier): the floor the raised
     * ceiling was sized on, so every action declared during the hold keeps that ceiling (the pods'
     * floor jobs size their maxReplicas on it: scheduleAppFloors).
     */
    readonly need: number;
}

/**
 * What a tier drains from after an event and for how long, given the tier's need for the event's
 * audience (tierNeed): its raised ceiling `from` (in the tier's own units) and the seconds its
 * scale-in rules take from there to its floor; null when the need raises no bound above the tier's
 * everyday ones (nothing to hold). Built per tier by timetopeak (groupDrain, podsDrain, unitDrain).
 */
export type TierDrain = (need: number) => { readonly from: number; readonly seconds: number } | null;

/**
 * The drain still running at `now` after a released event that raised the tier's bounds (`drain`
 * of the tier's need for it is not null), the latest-ending one; null when none. Every tier that
 * schedules bounds holds them this way (the app group, the transcoders, the pods' HPAs, the
 * serverless services), each by its own drain.
 */
export function drainHold(spec: ScheduleSpec, region: Pick<RegionSpec, "zones">, tier: ScheduledTier, bounds: TierBounds, now: number, drain: TierDrain): DrainHold | null {
    const holds = spec.events.flatMap((event): DrainHold[] => {
        const w = eventWindow(spec, event.start, event.end);
        if (w === null || w.to > now) return [];
        const need = tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams);
        const d = drain(need);
        if (d === null) return [];
        const until = w.to + d.seconds * 1000;
        // Held until its lowering has run (drainHasEnded: a margin after the lowering's instant).
        return drainHasEnded(until, now) ? [] : [{ source: event.name, releasedAt: w.to, from: d.from, until, need }];
    });
    return holds.sort((a, b) => b.until - a.until)[0] ?? null;
}

/**
 * Minutes a ceiling lowering stays declared after its instant, so that no `pulumi up` deletes it
 * before it has run: "A scheduled action generally executes within seconds. However, the action
 * may be delayed for up to two minutes from the scheduled start time" (Amazon EC2 Auto Scaling
 * Developer Guide, "Scheduled Scaling", programming considerations for scheduled actions); the
 * CronJob controller creates a job after its minute and the job's pod then starts and runs kubectl,
 * and pulumi-kubernetes deletes a CronJob with Foreground propagation, which deletes a Job still
 * running. Two minutes of delay plus one for the run: 3. An up in that time keeps the lowering
 * unchanged (nothing is sent for it) and leaves the bounds with the schedules (drainHold).
 * Not covered: an ESS task retried late within its LaunchExpirationTime (600 s), nor a floor job
 * started late within startingDeadlineSeconds (600), when an up runs after the margin and before
 * the retry (docs/SCALING.md).
 */
export const LOWERING_RUN_MARGIN_MINUTES = 3;

/** Seconds a pods' floor job may start late (its CronJob's startingDeadlineSeconds): a job the controller missed at its minute is skipped after that. */
export const FLOOR_JOB_STARTING_DEADLINE_SECONDS = 600;

/**
 * Whether a drain ending at `until` (epoch ms) is over for a `pulumi up` at `now`: its lowering
 * instant (`until` rounded up to the minute, ceilingLowerings) is LOWERING_RUN_MARGIN_MINUTES or more
 * before `now`, so the lowering has run. Until then the lowering stays declared at its own instant,
 * even closer than SCHEDULE_MIN_LEAD_MINUTES or just past: an earlier up declared it and this up
 * leaves it unchanged, so nothing is sent for it; dropping it would leave the raised ceiling live,
 * since Pulumi's state holds the everyday value under ignoreChanges and the up would send nothing.
 * Only a lowering first declared closer than the lead risks reaching the cloud after its instant
 * (EC2 Auto Scaling "If you try to schedule your action in the past, Amazon EC2 Auto Scaling returns
 * an error message", PutScheduledUpdateGroupAction), the same risk a release within the lead takes
 * (tierSchedule). Once it is over, the up sets the lowered ceiling on the base resource itself.
 */
export function drainHasEnded(until: number, now: number): boolean {
    return Math.ceil(until / MINUTE_MS) * MINUTE_MS + LOWERING_RUN_MARGIN_MINUTES * MINUTE_MS <= now;
}

/**
 * Hours after the end of its drain a tier whose raised ceiling only a `pulumi up` sets back
 * (RaisedDrain.byUp: the SAE rules, rewritten whole by every up) is still reported as lowered by
 * the up: the first up after the drain rewrites the rules with the held ceilings, so from then on
 * no up lowers anything. The plan cannot see whether an up ran since; past these hours the event is
 * reported past and declaring nothing, as on the other clouds: every up writes the held ceilings
 * anyway (saeUnitTimers keeps a raised one only while a drain runs), and a raised ceiling still in
 * force on a stack with no up since holds no instance by itself (the metric rule scales in to the
 * floor), so the up removes none and needs no warning that it does.
 */
export const BY_UP_LOWERING_REPORT_HOURS = 24;

/**
 * Whether the raised ceiling of `d`, a drain only an up sets back (byUp), was set back long ago: its
 * drain (from `releasedAt`, epoch ms) ended BY_UP_LOWERING_REPORT_HOURS or more before `now`.
 * Always false for a drain a scheduled action lowers.
 */
export function byUpLoweringPast(d: Pick<RaisedDrain, "byUp" | "seconds" | "lowerAfterSeconds">, releasedAt: number, now: number): boolean {
    return d.byUp === true && releasedAt + loweredAfter(d) * 1000 + BY_UP_LOWERING_REPORT_HOURS * 60 * MINUTE_MS <= now;
}

/** A one-off scheduled action: at `at` (UTC minute), set the tier's floor and ceiling. */
export interface OneOffAction {
    /** Unique, stable key: `<event>-prescale`, `<event>-release`, `<event>-restore-<yyyymmddhhmm>`. */
    readonly key: string;
    readonly source: string;
    readonly kind: "prescale" | "release" | "restore";
    /** YYYY-MM-DDThh:mm:00Z. */
    readonly at: string;
    readonly minSize: number;
    readonly maxSize: number;
}

/**
 * A one-off scheduled action that lowers only a tier's ceiling (its floor unchanged) when a released
 * event's estimated drain ends (TierDrain), to the ceiling the events and peaks still held then
 * need: the raised ceiling goes on the cloud's own schedule, whether or not a `pulumi up` runs after
 * the event (Pulumi's state keeps the everyday bounds under ignoreChanges, so an up that declares
 * them sends nothing: only an action can lower what actions raised). Declared with the event's other
 * actions while ahead. The clouds take a ceiling alone: EC2 Auto Scaling PutScheduledUpdateGroupAction
 * MinSize, MaxSize and DesiredCapacity each optional (aws_autoscaling_schedule `-1`: "Set to -1 if you
 * don't want to change the minimum size at the scheduled time"); Application Auto Scaling
 * ScalableTargetAction "At least one of maxCapacity or minCapacity must be set"; ESS
 * CreateScheduledTask MinValue, MaxValue and DesiredCapacity each optional (the alicloud provider
 * sends MinValue only when min_value is set); the pods' job patches maxReplicas alone.
 */
export interface CeilingLowering {
    /** `<event>-lower`. */
    readonly key: string;
    readonly source: string;
    /** YYYY-MM-DDThh:mm:00Z: the end of the event's estimated drain on the tier, rounded up to the minute. */
    readonly at: string;
    /** The raised ceiling the drain started from (TierDrain `from`, the tier's units). */
    readonly from: number;
    /** The ceiling it sets: scheduleCeiling of `heldNeeds`. */
    readonly maxSize: number;
    /**
     * The needs (the tier's units: the app floors on the app tier) in force at `at` (heldNeedsAt):
     * every recurring peak's, and those of the other raised spans containing it (an event pre-scaled
     * and not yet lowered). The pods' job sizes maxReplicas on them (podCeilings).
     */
    readonly heldNeeds: readonly number[];
}

/**
 * A one-off scheduled action that lowers only a tier's floor (its ceiling unchanged) at the release
 * instant of an event this `pulumi up` is inside of whose audience no longer lifts the tier (lowered
 * while the event runs: floorReleases). An earlier up may have raised the floor for the larger
 * audience, by its pre-scale action or by the bounds it asserted, and Pulumi's state holds the
 * everyday floor under ignoreChanges (scheduledBoundsIgnoreChanges), so only an action lowers it
 * again; where nothing raised it, the action sets the floor already in force. The ceiling stays:
 * which one an earlier up raised is not in the stack file, and lowering it removes capacity at once
 * (scheduleCeiling); the next action that sets the ceiling (an event's, a peak's) sets it. The
 * clouds take a floor alone, as they take a ceiling alone (CeilingLowering): EC2 Auto Scaling MaxSize
 * `-1`, Application Auto Scaling minCapacity alone, ESS MinValue alone, the pods' job patches
 * minReplicas alone. Not on SAE, whose rules every up rewrites (saeUnitTimers).
 */
export interface FloorRelease {
    /**
     * `<event>-release-floor`: not `<event>-release`, so that the full release an earlier up declared
     * is deleted and this one created, never updated in place (terraform-provider-alicloud
     * resource_alicloud_ess_scheduled_task.go Update sends `max_value` whenever it changed, as 0 once
     * unset). The pods' floor job keeps the release's
     * CronJob name instead (components/kubernetes/replica-floors.ts): a CronJob is updated in place.
     */
    readonly key: string;
    readonly source: string;
    /** YYYY-MM-DDThh:mm:00Z: the event's release instant (its end plus releaseAfterMinutes). */
    readonly at: string;
    /** The floor it sets: the floor in force then (the everyday one, an open peak's or another event's). */
    readonly minSize: number;
}

/**
 * The span over which an event's need holds a tier's ceiling: from its pre-scale to the lowering
 * of its raised ceiling (the end of its estimated drain, TierDrain, rounded up to the minute), or
 * to its release when its need raises no ceiling (drain null). Every action and asserted bound of
 * the tier inside the span carries the event's need (heldNeedsAt); none after it does.
 */
export interface RaisedSpan {
    readonly source: string;
    /** The pre-scale instant, epoch ms. */
    readonly from: number;
    /** The lowering instant (exclusive end), epoch ms: the drain's end rounded up to the minute; the release when the need raises nothing. */
    readonly until: number;
    /** The tier's need for the event (tierNeed; the app floor on the app tier). */
    readonly need: number;
}

/**
 * The needs a tier's ceilings are sized on (TierSchedule.needs): the recurring peaks', always held;
 * the events' raised spans; and those the recurring actions' one ceiling holds (recurringNeeds).
 * The pods' floor jobs size each job's maxReplicas on them (podCeilings of heldNeedsAt).
 */
export interface ScheduleNeeds {
    readonly peaks: readonly number[];
    readonly spans: readonly RaisedSpan[];
    readonly recurring: readonly number[];
    /** The needs the bounds the up asserts hold (AssertedBounds): those in force from `now` to the lead's end. */
    readonly asserted: readonly number[];
}

/**
 * The app floors (the tier's needs) one action's ceiling is sized on: its own floor (`floor`) and the
 * needs in force at its instant `at` (epoch ms; heldNeedsAt), or for a recurring action (`at`
 * "recurring") those the recurring actions' one ceiling holds. The pods' floor jobs size each job's
 * maxReplicas on them (podCeilings), so no job of a later event patches a drained event's raised
 * maxReplicas again. A schedule without needs (no drain simulation) sizes every action on
 * scheduleAppFloors, one ceiling for all.
 */
export function actionNeeds(schedule: Pick<TierSchedule, "oneOff" | "recurring" | "asserted" | "retained" | "drainHold" | "needs">, floor: number, at: number | "recurring"): number[] {
    const needs = schedule.needs;
    if (needs === undefined) return [floor, ...scheduleAppFloors(schedule)];
    return [floor, ...(at === "recurring" ? needs.recurring : heldNeedsAt(needs, at))];
}

/** The needs in force at `t` (epoch ms): every peak's, and those of the raised spans that contain `t` (from inclusive, until exclusive). */
export function heldNeedsAt(needs: Pick<ScheduleNeeds, "peaks" | "spans">, t: number): number[] {
    return [...needs.peaks, ...needs.spans.filter((r) => r.from <= t && t < r.until).map((r) => r.need)];
}

/**
 * The raised spans (RaisedSpan) of a tier: one per event this up declares (`windows`: the declared
 * events, with those released within the retention) and per event released by `now` (whose
 * lowering may still be ahead), in the tier's units (`drain`, TierDrain). A span whose need raises
 * the ceiling ends at the first minute at or after its drain's end in which no run of `recurring`
 * (the tier's recurring actions; Defaults to none) falls: its lowering is moved past such a run
 * (separatedLowerings), so the run belongs to the span and carries its raised ceiling
 * (recurringNeeds) instead of lowering it a minute before the declared lowering.
 */
export function raisedSpans(
    spec: ScheduleSpec,
    region: Pick<RegionSpec, "zones">,
    tier: ScheduledTier,
    bounds: TierBounds,
    now: number,
    drain: TierDrain,
    windows: readonly { readonly name: string; readonly from: number; readonly to: number; readonly need: number }[],
    recurring: readonly Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">[] = [],
): RaisedSpan[] {
    const declared = new Set(windows.map((w) => w.name));
    const released = spec.events.flatMap((event) => {
        const w = eventWindow(spec, event.start, event.end);
        return w === null || w.to > now || declared.has(event.name) ? [] : [{ name: event.name, ...w, need: tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams) }];
    });
    return [...windows, ...released].map((w) => {
        const d = drain(w.need);
        if (d === null) return { source: w.name, from: w.from, until: w.to, need: w.need };
        let until = Math.ceil((w.to + d.seconds * 1000) / MINUTE_MS) * MINUTE_MS;
        while (takenMinute(until, [], recurring)) until += MINUTE_MS;
        return { source: w.name, from: w.from, until, need: w.need };
    });
}

/**
 * The needs the recurring actions' one ceiling holds: every peak's, and those of the raised spans
 * (`spans`) starting by `reach` (the horizon) one of `recurring`'s runs falls in after `now`, to the
 * span's end even beyond the horizon (an event pre-scaled within it whose release a later up
 * declares: the runs inside its span must hold its need whether or not an up comes first): an
 * action there must not lower the span's ceiling, since the cloud removes capacity above a lowered
 * ceiling at once. A span no run falls in (a far event on another hour) leaves the daily actions alone.
 */
export function recurringNeeds(recurring: readonly Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">[], spans: readonly RaisedSpan[], peaks: readonly number[], now: number, reach: number): number[] {
    if (recurring.length === 0) return [...peaks];
    const hit = spans.filter((r) => {
        const from = Math.max(r.from, now);
        return r.from <= reach && r.until > from && recurring.some((a) => occurrences(a, from, r.until).length > 0);
    });
    return [...peaks, ...hit.map((r) => r.need)];
}

/**
 * The ceiling lowerings of a tier (CeilingLowering): one per raised span (`spans`, raisedSpans) whose
 * need raises the tier's ceiling (`drain` of it is not null) above what the needs still in force at
 * its lowering instant hold (`peakNeeds`, the other spans containing that instant: heldNeedsAt),
 * while it is not over for `now` (drainHasEnded: kept declared a margin after it) and within `reach`
 * (the cloud's horizon, horizonEnd). Each is moved off the minutes other actions take (`taken`,
 * separatedLowerings; Defaults to none) and then sized at the minute it finally runs: the needs in
 * force then (a later event pre-scaled in between holds its own) and the floor in force then
 * (`floorAt`, epoch ms to the floor the declared actions or the up's asserted bounds hold, 0 when
 * unknown; Defaults to 0), so a lowering never sets a ceiling below a running event's nor below the
 * floor (a maximum below the minimum is refused: "the new maximum capacity is not less than the
 * minimum capacity", Application Auto Scaling, scheduled scaling considerations; the HPA validation
 * refuses maxReplicas below minReplicas). One whose moved minute holds its raised need already (a
 * larger event pre-scaled in between) is dropped. Every action sizes its ceiling on the needs in
 * force at its own instant, so after the last lowering no ceiling above what the events and peaks
 * hold stays in force. `limit` caps the ceiling (scheduleCeiling). In instant order.
 */
export function ceilingLowerings(
    bounds: TierBounds,
    now: number,
    reach: number,
    drain: TierDrain,
    spans: readonly RaisedSpan[],
    peakNeeds: readonly number[],
    limit: number = MAX_SCHEDULED_CEILING,
    taken: (t: number) => boolean = () => false,
    floorAt: (t: number) => number = () => 0,
): CeilingLowering[] {
    const heldAt = (r: RaisedSpan, t: number): number[] => heldNeedsAt({ peaks: peakNeeds, spans: spans.filter((o) => o !== r) }, t);
    const raises = (r: RaisedSpan, from: number, t: number): boolean => from > Math.max(0, ...heldAt(r, t).map((need) => drain(need)?.from ?? 0));
    const due = spans
        .flatMap((r) => {
            const d = drain(r.need);
            // One whose instant is over is set by the up itself (tierSchedule, drainHasEnded).
            if (d === null || drainHasEnded(r.until, now) || r.until > reach || !raises(r, d.from, r.until)) return [];
            return [{ r, from: d.from, key: `${r.source}-lower`, at: utcMinute(r.until) }];
        })
        .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
    const used: number[] = [];
    return due.flatMap(({ r, from, key, at }): CeilingLowering[] => {
        const [moved] = separatedLowerings([{ key, source: r.source, at, from, maxSize: 0, heldNeeds: [] }], (t) => taken(t) || used.includes(t));
        const t = Date.parse(moved.at);
        if (!raises(r, from, t)) return [];
        used.push(t);
        // The floor in force then, when no need held then covers it (a ceiling at least twice a need
        // is above its floor) and it is above the everyday floor (whose ceiling is the everyday one,
        // even below twice the floor).
        const held = heldAt(r, t);
        const floor = floorAt(t);
        const heldNeeds = floor > Math.max(bounds.minSize, ...held) ? [...held, floor] : held;
        return [{ key, source: r.source, at: moved.at, from, maxSize: scheduleCeiling(bounds, heldNeeds, limit), heldNeeds }];
    });
}

/**
 * How the actions of a tier's schedule read as bounds of one scaled resource (BoundsChange): on the
 * app group, an ECS service or the transcoders the actions' own minSize and maxSize; on a pod
 * service the floor job's minReplicas and maxReplicas (podBoundsView). `lowering` gives the ceiling
 * a CeilingLowering sets, the floor untouched; `floorRelease` the floor a FloorRelease sets.
 */
export interface BoundsView {
    readonly oneOff: (a: OneOffAction) => { readonly minSize: number; readonly maxSize: number };
    readonly recurring: (a: RecurringAction) => { readonly minSize: number; readonly maxSize: number };
    readonly lowering: (l: CeilingLowering) => number;
    /** The floor a FloorRelease sets, the ceiling untouched. */
    readonly floorRelease: (r: FloorRelease) => number;
    readonly asserted: (a: AssertedBounds) => { readonly minSize: number; readonly maxSize: number };
}

/** The actions' own bounds (the app group, an ECS service, the transcoders). */
export const OWN_BOUNDS: BoundsView = { oneOff: (a) => a, recurring: (a) => a, lowering: (l) => l.maxSize, floorRelease: (r) => r.minSize, asserted: (a) => a };

/** One change of a scaled resource's bounds a schedule makes: at `at` (epoch ms) the action `key` sets the floor, the ceiling or both. */
export interface BoundsChange {
    readonly at: number;
    readonly key: string;
    readonly minSize?: number;
    readonly maxSize?: number;
}

/**
 * The bounds changes a tier's schedule makes from the `pulumi up` it was planned at (plannedAt) to
 * `until` (epoch ms, exclusive), in the order they run: the bounds the up asserts on the base
 * resource at plannedAt (TierSchedule.asserted), the one-off actions, the runs of the recurring
 * ones, the ceiling lowerings (ceiling alone) and the floor releases (floor alone), read through
 * `view` (Defaults to OWN_BOUNDS).
 * Releases kept after their instant (retained) have run before the up and are not replayed.
 */
export function boundsChanges(schedule: Pick<TierSchedule, "plannedAt" | "oneOff" | "recurring" | "asserted" | "lowerings" | "floorReleases">, until: number, view: BoundsView = OWN_BOUNDS): BoundsChange[] {
    const t0 = schedule.plannedAt;
    const changes: BoundsChange[] = [
        ...(schedule.asserted === undefined ? [] : [{ at: t0, key: "asserted", ...pick(view.asserted(schedule.asserted)) }]),
        ...schedule.oneOff.map((a) => ({ at: Date.parse(a.at), key: a.key, ...pick(view.oneOff(a)) })),
        ...schedule.recurring.flatMap((a) => occurrences(a, t0, until).map((at) => ({ at, key: a.key, ...pick(view.recurring(a)) }))),
        ...(schedule.lowerings ?? []).map((l) => ({ at: Date.parse(l.at), key: l.key, maxSize: view.lowering(l) })),
        // A floor release whose instant has passed has run before the up (kept declared as a retained release is): not replayed.
        ...(schedule.floorReleases ?? []).filter((r) => Date.parse(r.at) >= t0).map((r) => ({ at: Date.parse(r.at), key: r.key, minSize: view.floorRelease(r) })),
    ];
    // Within one minute the asserted bounds come first; a lowering or a floor release never shares a minute (separatedLowerings, floorReleases).
    return changes.filter((c) => c.at < until).sort((a, b) => a.at - b.at || Number(b.key === "asserted") - Number(a.key === "asserted"));
}

function pick(b: { readonly minSize: number; readonly maxSize: number }): { minSize: number; maxSize: number } {
    return { minSize: b.minSize, maxSize: b.maxSize };
}

/**
 * The bounds in force at `t` (epoch ms) by the changes a schedule makes from its up (boundsChanges):
 * each bound the last change at or before `t` set; a bound no change has set yet is absent (its value
 * lies with earlier ups' actions). null when nothing has been set by then.
 */
export function boundsInForceAt(schedule: Pick<TierSchedule, "plannedAt" | "oneOff" | "recurring" | "asserted" | "lowerings" | "floorReleases">, t: number, view: BoundsView = OWN_BOUNDS): { minSize?: number; maxSize?: number } | null {
    let state: { minSize?: number; maxSize?: number } | null = null;
    for (const c of boundsChanges(schedule, t + 1, view)) {
        state = { ...(state ?? {}), ...(c.minSize === undefined ? {} : { minSize: c.minSize }), ...(c.maxSize === undefined ? {} : { maxSize: c.maxSize }) };
    }
    return state;
}

/** A recurring scheduled action at a local wall time in an IANA zone. */
export interface RecurringAction {
    /** `<peak>-prescale` or `<peak>-release`. */
    readonly key: string;
    readonly source: string;
    readonly kind: "prescale" | "release";
    /** Minutes after local midnight. */
    readonly minuteOfDay: number;
    /** Local days of the week it runs on (0 = Sunday), ascending; all seven for a daily peak. */
    readonly days: readonly number[];
    readonly timeZone: string;
    readonly minSize: number;
    readonly maxSize: number;
}

/**
 * `unschedulable`: an event a cloud's limit holds back (EventLimit) that no later `pulumi up` can
 * declare before its pre-scale (the earlier events it waits for pass only after it), a finding of
 * the plan; the metric rules alone meet it. `late`: an event in progress that no earlier `pulumi
 * up` declared (the actions of a `--base` plan did not hold its floors: lateAgainstBase), so its floors are
 * raised only by this up, a finding too.
 */
export type ScheduleStatus = "past" | "inProgress" | "scheduled" | "late" | "deferred" | "unschedulable" | "recurring";

/** What became of one event or peak in one region, for the plan and the stack outputs. */
export interface ScheduleReport {
    readonly source: string;
    readonly status: ScheduleStatus;
    readonly detail: string;
    /**
     * On a Kubernetes stack, when the pod floors the event or peak raises exceed what the node pools
     * can hold at maxNodesPerZone (podFloorsShortfall): the region and what is short, a finding of
     * the plan. Absent otherwise.
     */
    readonly nodeShortfall?: string;
    /**
     * The past event released last whose raised ceilings' estimated drain has ended on some tier:
     * the tiers whose ceiling this `pulumi up` declares back at what the declared events and peaks
     * hold (AssertedBounds kind lowered; "the app group 100 -> 40"), which the event's lowering
     * actions have set already if an earlier up declared them (loweredByActions), a finding of the
     * plan: the cloud removes capacity above a lowered ceiling at once, whatever the load, and the
     * drain is an estimate, not a reading of the viewers still online. Absent otherwise; judged
     * against the previous up's plan by `plan --base` (tools/lib/scaling.ts, ceilingsAgainstBase).
     */
    readonly ceilingsLowered?: string;
    /**
     * With ceilingsLowered: the ceilings the scheduled actions declared with the event lowered when
     * its drains ended (CeilingLowering; "the app group 100 -> 40 at 2026-12-12T16:52:00Z"), "" when
     * no tier lowers by an action. `plan --base` judges whether they were declared (the base holds
     * `<event>-lower` resources) or the ceilings they raised stay in force.
     */
    readonly loweredByActions?: string;
    /**
     * With loweredByActions: the last recurring peak action that ran after a tier's own lowering
     * action and at or before `now` ("day-release at 2026-12-12T18:30:00Z"; peakActionsAfter, per
     * tier; several joined by ", "), absent when none did. An earlier up declared that action with the raised ceiling (a run of the peak
     * fell in the event's raised span: recurringNeeds), so it set the raised ceiling again: the ceiling in force at the up is the last
     * action's, and `plan --base` judges against it.
     */
    readonly reraisedBy?: string;
    /**
     * With reraisedBy: the lowerings (loweredByActions' entries, "the transcoders 40 -> 12 at
     * 2026-12-12T17:02:00Z") of the tiers whose ceiling such a run set again after their own
     * lowering (peakActionsAfter, per tier); a tier lowered after the run is not among them.
     */
    readonly reraisedLowerings?: string;
    /**
     * With ceilingsLowered: the event's lowerings this up still declares, their instant ahead or
     * passed less than LOWERING_RUN_MARGIN_MINUTES ago ("the app group 100 -> 40 at
     * 2026-12-12T17:04:00Z"); absent when none. Deleting the event before `keepUntil` deletes them
     * before they have run, and the raised ceilings stay in force (keepEventText).
     */
    readonly pendingLowerings?: string;
    /** With pendingLowerings: the UTC minute after which they have all run (the last one's instant plus LOWERING_RUN_MARGIN_MINUTES). */
    readonly keepUntil?: string;
    /**
     * An event in progress whose floor this up asserts after its pre-scale instant and before its
     * end: the report's detail when the previous up did not declare it (the actions of a `--base`
     * plan did not hold its floors: lateAgainstBase), status `late` then; absent otherwise.
     */
    readonly lateIfUndeclared?: string;
    /**
     * With `lateIfUndeclared`: the event's pre-scale and release instants (UTC ISO minutes), the
     * trigger points an earlier up's SAE day rules hold when it declared the event (SAE rules are
     * named by day, not by event: lateAgainstBase, saeTimersHoldPoint), and the instant of this up
     * (`at`): the base's actions from the pre-scale to this up's lead must hold the floors it
     * asserts (floorsHeldInBase, tools/lib/scaling.ts). Absent otherwise.
     */
    readonly window?: { readonly preScale: string; readonly release: string; readonly at: string };
}

export interface TierSchedule {
    readonly tier: ScheduledTier;
    /** The instant (epoch ms) the schedule was planned against. */
    readonly plannedAt: number;
    readonly oneOff: readonly OneOffAction[];
    readonly recurring: readonly RecurringAction[];
    /** Set while a released event's raised ceiling still drains (drainHold); absent otherwise or when the tier has no drain simulation. */
    readonly drainHold?: DrainHold;
    /** The one-off actions that lower a released event's raised ceiling when its drain ends (ceilingLowerings); absent when none. */
    readonly lowerings?: readonly CeilingLowering[];
    /** The one-off actions that lower the floor alone at the release of an event whose audience no longer lifts the tier (floorReleases); absent when none. */
    readonly floorReleases?: readonly FloorRelease[];
    /**
     * Set when the `pulumi up` runs inside a raised window (its pre-scale has passed or is closer
     * than the lead, its release not): the bounds the up sets on the tier's base resource itself
     * (scheduledBounds), instead of a scheduled action at an instant that would move with every up.
     */
    readonly asserted?: AssertedBounds;
    /**
     * Releases whose instant has passed less than RELEASE_RETENTION_MINUTES ago, kept declared at
     * their own instant on the clouds that retry or start them late (ESS tasks, Kubernetes floor
     * jobs); the AWS actions run once at their instant and are not kept (the up asserts the released
     * bounds, AssertedBounds). Absent when none.
     */
    readonly retained?: readonly RetainedRelease[];
    /**
     * The needs each action's ceiling is sized on (ScheduleNeeds), on a tier with a drain
     * simulation; absent otherwise (one ceiling over every declared event and peak).
     */
    readonly needs?: ScheduleNeeds;
}

/** A release kept declared after its instant (TierSchedule.retained). */
export interface RetainedRelease extends OneOffAction {
    /** The floor in force before the release (the pods' ceilings of its floor job are sized on it, scheduleAppFloors). */
    readonly raisedFrom: number;
}

/**
 * Bounds a `pulumi up` inside an event's raised window sets directly on the tier's base resource
 * (the Auto Scaling group's or ESS scaling group's MinSize/MaxSize, the scalable target's
 * MinCapacity/MaxCapacity, the HPAs' minReplicas/maxReplicas, the SAE rule's point in force): the
 * same values on every up within the window, so a second up changes nothing; the release that
 * follows is a scheduled action at its own instant.
 */
export interface AssertedBounds {
    /** The event whose floor is in force (the first one when several step together). */
    readonly source: string;
    /** The instant (epoch ms) of the step in force: the pre-scale, or a later step of overlapping events. */
    readonly since: number;
    /**
     * "release" when the step in force is a release passed less than RELEASE_RETENTION_MINUTES ago
     * (the released bounds, so the raised ones an earlier up asserted leave Pulumi's state);
     * "prescale" inside a raised window; "lowered" once the drain of a released event that raised
     * the tier's ceiling above what the declared events and peaks hold has ended (loweringEvent):
     * the bounds in force now with the held ceiling, so this up lowers the raised ceiling itself
     * (`source` the event, `since` its drain's end) instead of leaving it in force under
     * ignoreChanges until a recurring action runs.
     */
    readonly kind: "prescale" | "release" | "lowered";
    readonly minSize: number;
    readonly maxSize: number;
}

export interface RegionSchedule {
    readonly tiers: readonly TierSchedule[];
    readonly report: readonly ScheduleReport[];
}

interface Window {
    readonly name: string;
    readonly from: number;
    readonly to: number;
    readonly need: number;
}

/** Pre-scale and release instants of an event (epoch ms), from its strictly parsed start and end. */
export function eventWindow(spec: Pick<StackSpec, "scaling">, start: string, end: string): { from: number; to: number } | null {
    const s = parseInstant(start);
    const e = parseInstant(end);
    if (s === null || e === null) return null;
    return { from: s - spec.scaling.preScaleMinutes * MINUTE_MS, to: e + spec.scaling.releaseAfterMinutes * MINUTE_MS };
}

interface Step {
    readonly at: number;
    readonly floor: number;
    /** The event whose window opens or closes here (the first one when several coincide). */
    readonly name: string;
    readonly kind: "prescale" | "release";
}

/**
 * The floor over time of overlapping windows: at each instant the largest need of the windows open
 * then, never below `normal`. Returns the instants where it changes, in order.
 */
export function floorTimeline(windows: readonly Window[], normal: number): Step[] {
    const floorAt = (t: number): number => Math.max(normal, ...windows.filter((w) => w.from <= t && t < w.to).map((w) => w.need));
    const instants = [...new Set(windows.flatMap((w) => [w.from, w.to]))].sort((a, b) => a - b);
    const steps: Step[] = [];
    let current = normal;
    for (const at of instants) {
        const floor = floorAt(at);
        if (floor === current) continue;
        const opening = windows.find((w) => w.from === at);
        const closing = windows.find((w) => w.to === at);
        const up = floor > current;
        const cause = up ? (opening ?? closing) : (closing ?? opening);
        steps.push({ at, floor, name: cause?.name ?? "", kind: up ? "prescale" : "release" });
        current = floor;
    }
    return steps;
}

/**
 * The step whose floor a `pulumi up` at `now` asserts directly (AssertedBounds): of the step in force
 * at `now` (the last at or before it) and the steps closer than the lead (`keptFrom`, steadyStart:
 * a step there may not be taken by the cloud in time), the one with the largest floor, so a
 * pre-scale a few minutes ahead is raised now and a release a few minutes ahead waits for its own
 * action (tierSchedule). null when no step has started by `keptFrom`.
 */
export function assertedStep<S extends Pick<Step, "at" | "floor">>(steps: readonly S[], now: number, keptFrom: number): S | null {
    const inForce = [...steps].reverse().find((s) => s.at <= now);
    const near = steps.filter((s) => s.at > now && s.at < keptFrom);
    const candidates = [...(inForce === undefined ? [] : [inForce]), ...near];
    return candidates.reduce<S | null>((best, s) => (best === null || s.floor > best.floor ? s : best), null);
}

/** The weekdays a recurring peak starts on (0 = Sunday): every day, or its listed days. */
export function peakStartDays(peak: Pick<RecurringPeak, "recurrence" | "days">): number[] {
    return peak.recurrence === "daily" ? [0, 1, 2, 3, 4, 5, 6] : peak.days.map((d) => WEEKDAYS.indexOf(d));
}

/** The local wall-time actions of a recurring peak: pre-scale `preScaleMinutes` before start, release after end. */
export function recurringActions(spec: Pick<StackSpec, "scaling">, peak: RecurringPeak, need: number, bounds: TierBounds, ceiling: number = Math.max(bounds.maxSize, need)): RecurringAction[] {
    const start = parseLocalTime(peak.start);
    const end = parseLocalTime(peak.end);
    if (start === null || end === null) return [];
    const startDays = peakStartDays(peak);
    const endMinute = (end <= start ? end + MINUTES_PER_DAY : end) + spec.scaling.releaseAfterMinutes;
    const at = (minute: number): { minuteOfDay: number; days: number[] } => {
        const shift = Math.floor(minute / MINUTES_PER_DAY);
        const days = [...new Set(startDays.map((d) => (((d + shift) % 7) + 7) % 7))].sort((a, b) => a - b);
        return { minuteOfDay: ((minute % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY, days };
    };
    return [
        { key: `${peak.name}-prescale`, source: peak.name, kind: "prescale", ...at(start - spec.scaling.preScaleMinutes), timeZone: peak.timeZone, minSize: need, maxSize: ceiling },
        // The release lowers the floor only: the ceiling stays raised (scheduleCeiling).
        { key: `${peak.name}-release`, source: peak.name, kind: "release", ...at(endMinute), timeZone: peak.timeZone, minSize: bounds.minSize, maxSize: ceiling },
    ];
}

/**
 * The largest floor the recurring peaks hold at instant `t` (epoch ms), 0 when none is open: a
 * peak is open when its latest pre-scale at or before `t` is later than its latest release at or
 * before `t` (a release at `t` itself has closed it). Looks back 8 days, longer than a week plus
 * any peak's window.
 */
export function recurringFloorAt(recurring: readonly RecurringAction[], t: number): number {
    const latest = (action: RecurringAction): number => occurrences(action, t - 8 * DAY_MS, t + 1).at(-1) ?? -Infinity;
    return Math.max(
        0,
        ...recurring
            .filter((a) => a.kind === "prescale")
            .filter((open) => {
                const release = recurring.find((a) => a.kind === "release" && a.source === open.source);
                return latest(open) > (release === undefined ? -Infinity : latest(release));
            })
            .map((a) => a.minSize),
    );
}

/** Instants in [from, to) at which a recurring action runs. */
export function occurrences(action: Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">, from: number, to: number): number[] {
    const first = localDateTime(from - DAY_MS, action.timeZone);
    const out: number[] = [];
    for (let i = 0; ; i++) {
        const t = zonedToUtc(first.year, first.month, first.day + i, action.minuteOfDay, action.timeZone);
        if (t >= to) return out;
        if (t >= from && action.days.includes(weekday(first.year, first.month, first.day + i))) out.push(t);
    }
}

function compactMinute(ms: number): string {
    return utcMinute(ms).replace(/[-:TZ]/g, "").slice(0, 12);
}

/**
 * The schedule of one tier in one region: one-off actions of the events from the merged floor
 * timeline (past steps dropped; the floor of an event in progress asserted on the
 * base resource, AssertedBounds), restores after recurring actions inside an event, and the
 * recurring actions of the peaks. The events are those declarableEvents admits under the cloud's
 * `horizon` (the profile's scheduleHorizon) and the tier's `eventLimit` (null when none).
 * `drain` (the tier's drain from a raised ceiling, TierDrain; Defaults to null, no hold and one
 * ceiling over every declared event and peak) sets `drainHold` while a released event's raised
 * ceiling still drains, sizes each action's ceiling on the needs in force at its instant
 * (TierSchedule.needs) and declares the lowerings (ceilingLowerings).
 */
export function tierSchedule(
    spec: ScheduleSpec,
    region: Pick<RegionSpec, "zones">,
    tier: ScheduledTier,
    bounds: TierBounds,
    now: number,
    horizon: ScheduleHorizon | null,
    eventLimit: EventLimit | null,
    drain: TierDrain | null = null,
): TierSchedule {
    const keptFrom = steadyStart(now);
    // A drain whose lowering has run (drainHasEnded: its instant and the run margin passed) is over:
    // this up sets the lowered ceiling on the base resource itself (kind lowered). One not over,
    // even closer than the lead, holds the bounds with the schedules and its lowering stays declared.
    const hold = drain === null ? null : drainHold(spec, region, tier, bounds, now, drain);
    const retention = RELEASE_RETENTION_MINUTES * MINUTE_MS;
    // An event released less than RELEASE_RETENTION_MINUTES ago keeps its steps in the timeline:
    // its release stays declared (retained) and its bounds asserted, with the ceiling it had.
    const recent = spec.events.filter((event) => {
        const w = eventWindow(spec, event.start, event.end);
        return w !== null && w.to <= now && w.to > now - retention;
    });
    const windows = [...declarableEvents(spec, now, horizon, eventLimit), ...recent].flatMap((event): Window[] => {
        const w = eventWindow(spec, event.start, event.end);
        return w === null ? [] : [{ name: event.name, ...w, need: tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams) }];
    });
    const peakNeeds = spec.peaks.map((peak) => ({ peak, need: tierNeed(spec, region, tier, bounds, peak.peakOnline, peak.streams) })).filter((p) => p.need > bounds.minSize);
    // Aurora holds at most AURORA_MAX_READ_REPLICAS readers: their ceiling stays the tier's own maxSize.
    const limit = tier === "readReplicas" ? bounds.maxSize : MAX_SCHEDULED_CEILING;
    // Each action's ceiling is sized on the needs in force at its own instant (heldNeedsAt): the
    // peaks', and those of the events whose raised span (pre-scale to ceiling lowering) contains it,
    // so no action of a later event carries a drained one's raised ceiling (docs/SCALING.md, "One
    // ceiling per instant"). A tier without a drain simulation (drain null: no lowering action)
    // keeps one ceiling over every declared event, as nothing would lower a higher one.
    // A span whose pre-scale is closer than the lead is in force from this up: the up asserts its
    // bounds on the base resource (assertedStep), so every action from `now` on (a drained event's
    // lowering before that pre-scale included) holds its need.
    // The recurring actions' instants (their ceilings follow from the spans: recurringNeeds).
    const draft = peakNeeds.flatMap(({ peak, need }) => recurringActions(spec, peak, need, bounds));
    const spans = (drain === null ? [] : raisedSpans(spec, region, tier, bounds, now, drain, windows, draft)).map((r) => (r.from > now && r.from < keptFrom ? { ...r, from: now } : r));
    const peakOnly = peakNeeds.map((p) => p.need);
    const flat = scheduleCeiling(bounds, [...windows.map((w) => w.need), ...peakOnly], limit);
    const needsAt = (t: number): number[] => heldNeedsAt({ peaks: peakOnly, spans }, t);
    const ceilingAt = (floor: number, t: number): number => Math.max(floor, drain === null ? flat : scheduleCeiling(bounds, needsAt(t), limit));
    // The recurring actions run on every day: their one ceiling holds the peaks' needs and those of
    // the raised spans one of their runs falls in (recurringNeeds), never a far event's they miss.
    const reach = horizonEnd(now, horizon);
    const recurringHeld = recurringNeeds(draft, spans, peakOnly, now, reach);
    const recurringCeiling = drain === null ? flat : scheduleCeiling(bounds, recurringHeld, limit);
    const recurring = peakNeeds.flatMap(({ peak, need }) => recurringActions(spec, peak, need, bounds, recurringCeiling));
    // The bounds an up sets on the base resource hold from `now` until the next declared action:
    // the needs in force at `now` and at every raised span starting closer than the lead (a
    // pre-scale there is asserted now: assertedStep).
    const assertedAt = [now, ...windows.map((w) => w.from).filter((t) => t > now && t < keptFrom)];
    const assertedCeiling = (floor: number): number => Math.max(...assertedAt.map((t) => ceilingAt(floor, t)));
    // A one-off step inside a recurring peak's window never sets the floor below that peak's need.
    const withPeaks = (floor: number, t: number): number => Math.max(floor, recurringFloorAt(recurring, t));
    const steps = floorTimeline(windows, bounds.minSize);
    // A step beyond the horizon (the release of an event longer than it) waits for a later pulumi up.
    const due = steps.filter((s) => s.at >= keptFrom && s.at <= reach);
    // The floor this pulumi up is inside of: once a step's instant has passed (or is closer than the
    // lead, steadyStart), the up asserts its bounds directly on the tier's base resource
    // (AssertedBounds) instead of declaring an action at an instant computed from `now`, which would
    // move with every up. Each up within the raised window re-asserts the same bounds (no change).
    const asserted = assertedStep(steps, now, keptFrom);
    const oneOff: OneOffAction[] = [];
    let assertedBounds: AssertedBounds | null = null;
    // A release that has passed less than the retention ago: the up asserts the released bounds, so
    // the raised ones an earlier up asserted leave Pulumi's state (no ignoreChanges keeps them).
    const released = asserted !== null && asserted.kind === "release" && asserted.at <= now && now < asserted.at + retention;
    if (asserted !== null && (asserted.floor > bounds.minSize || released)) {
        const floor = withPeaks(asserted.floor, now);
        // A recurring action that ran since the step (and the restore after it) set the recurring
        // actions' one ceiling, which may hold a later event's need (recurringNeeds): the up keeps it,
        // never cutting the ceiling in force below it.
        const recurringRan = recurring.some((a) => occurrences(a, asserted.at, now + 1).length > 0);
        assertedBounds = { source: asserted.name, since: asserted.at, kind: released ? "release" : "prescale", minSize: floor, maxSize: Math.max(assertedCeiling(floor), recurringRan ? recurringCeiling : 0) };
        // A step closer than the lead that lowers the floor (a release a few minutes ahead) stays at
        // its own instant: both clouds take any future instant (SCHEDULE_MIN_LEAD_MINUTES), and an
        // earlier up declared it there, so this up leaves it unchanged (moving it to steadyStart made
        // each later up move it again, then drop it once its first instant had passed).
        const last = [...steps].reverse().find((s) => s.at < keptFrom);
        if (last !== undefined && last.floor < asserted.floor && last.at > now) {
            const lowered = withPeaks(last.floor, last.at);
            oneOff.push({ key: `${last.name}-${last.kind}`, source: last.name, kind: last.kind, at: utcMinute(last.at), minSize: lowered, maxSize: ceilingAt(lowered, last.at) });
        }
    }
    // Releases passed less than the retention ago stay declared at their own instant (retained).
    const retained = steps.flatMap((s, i): RetainedRelease[] => {
        if (s.kind !== "release" || s.at > now || s.at + retention <= now) return [];
        const floor = withPeaks(s.floor, s.at);
        const before = withPeaks(i === 0 ? bounds.minSize : steps[i - 1].floor, s.at - MINUTE_MS);
        return [{ key: `${s.name}-${s.kind}`, source: s.name, kind: s.kind, at: utcMinute(s.at), minSize: floor, maxSize: ceilingAt(floor, s.at), raisedFrom: before }];
    });
    // Once a released event's drain has ended, a ceiling it raised above what the declared events
    // and peaks hold is set back by this up on the base resource (kind lowered), not left in force
    // under ignoreChanges: the floor in force now (a recurring peak's, or one closer than the lead),
    // the held ceiling.
    // Never while an event runs (eventRunning), even one that lifts the tier no more: the ceiling its
    // pre-scale raised is in force, and lowering it would remove capacity at once.
    const lowering = assertedBounds === null && hold === null && drain !== null && !eventRunning(spec, now) ? loweringEvent(spec, region, tier, bounds, now, drain, [...windows.map((w) => w.need), ...peakOnly]) : null;
    if (lowering !== null) {
        const floor = Math.max(bounds.minSize, recurringFloorNear(recurring, keptFrom));
        // The ceiling the declared events and peaks hold (the report's, heldCeilings), at least the one in force now.
        const held = scheduleCeiling(bounds, [...windows.filter((w) => w.to > now).map((w) => w.need), ...peakOnly], limit);
        assertedBounds = { source: lowering.source, since: lowering.until, kind: "lowered", minSize: floor, maxSize: Math.max(held, assertedCeiling(floor)) };
    }
    // A recurring run between this up and a raising step closer than the lead (a peak's release or
    // pre-scale to a lower floor just before an event's pre-scale) would undo the bounds the up
    // asserts for it: that step stays declared at its own instant too (undoneByRun).
    const runsFrom = pendingRunsFrom(now);
    const undone = steps.filter((s) => s.kind === "prescale" && s.at > now && s.at < keptFrom && undoneByRun(recurring, runsFrom, s.at, withPeaks(s.floor, s.at), ceilingAt(withPeaks(s.floor, s.at), s.at)));
    for (const s of [...undone, ...due]) {
        const floor = withPeaks(s.floor, s.at);
        oneOff.push({ key: `${s.name}-${s.kind}`, source: s.name, kind: s.kind, at: utcMinute(s.at), minSize: floor, maxSize: ceilingAt(floor, s.at) });
    }

    // A recurring action inside an event would set the event's floor back: restore it a minute later.
    // From the up's own minute (pendingRunsFrom), closer than the lead included: the up asserts the
    // event's bounds, but a run after it sets them back, and only the restore sets them again.
    const floorAt = (t: number): number => withPeaks(Math.max(bounds.minSize, ...windows.filter((w) => w.from <= t && t < w.to).map((w) => w.need)), t);
    // Every restore of the windows, those before the lead too: their minutes stay taken for the lowerings.
    const restores: number[] = [];
    for (const w of windows) {
        for (const action of recurring) {
            for (const t of occurrences(action, w.from, Math.min(w.to - MINUTE_MS, reach - MINUTE_MS))) {
                const floor = floorAt(t + MINUTE_MS);
                if (action.minSize >= floor) continue;
                restores.push(t + MINUTE_MS);
                if (t < runsFrom) continue;
                const key = `${w.name}-restore-${compactMinute(t + MINUTE_MS)}`;
                if (oneOff.some((o) => o.kind === "restore" && o.at === utcMinute(t + MINUTE_MS))) continue;
                // Never below the ceiling the recurring action set a minute before (it may hold a raised span's need).
                oneOff.push({ key, source: w.name, kind: "restore", at: utcMinute(t + MINUTE_MS), minSize: floor, maxSize: Math.max(recurringCeiling, ceilingAt(floor, t + MINUTE_MS)) });
            }
        }
    }
    oneOff.sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
    // The raised ceilings go back on the cloud's own schedule at the end of each drain (ceilingLowerings),
    // each off the minutes the floor timeline's steps and the restores take whether this up declares
    // them or not (a step closer than the lead is asserted by the up, a past one has run), so every up
    // moves a lowering the same way and one declared earlier keeps its instant (takenMinute); each is
    // sized at the minute it then runs, never below the floor in force then (boundsInForceAt).
    const floorSet = (t: number): boolean => takenMinute(t, [...oneOff.map((o) => Date.parse(o.at)), ...steps.map((s) => s.at), ...restores], recurring);
    // An event whose audience no longer lifts the tier, lowered while it runs: its release lowers the
    // floor alone, in case an earlier up raised it (FloorRelease).
    const floorOnly = floorReleases(spec, region, tier, bounds, now, floorSet, floorAt);
    const taken = (t: number): boolean => floorSet(t) || floorOnly.some((r) => Date.parse(r.at) === t);
    const floorInForce = (t: number): number => boundsInForceAt({ plannedAt: now, oneOff, recurring, floorReleases: floorOnly, ...(assertedBounds === null ? {} : { asserted: assertedBounds }) }, t)?.minSize ?? 0;
    const lowerings = drain === null ? [] : ceilingLowerings(bounds, now, reach, drain, spans, peakOnly, limit, taken, floorInForce);
    return {
        tier,
        plannedAt: now,
        oneOff,
        recurring,
        ...(hold === null ? {} : { drainHold: hold }),
        ...(lowerings.length === 0 ? {} : { lowerings }),
        ...(floorOnly.length === 0 ? {} : { floorReleases: floorOnly }),
        ...(assertedBounds === null ? {} : { asserted: assertedBounds }),
        ...(retained.length === 0 ? {} : { retained }),
        ...(drain === null ? {} : { needs: { peaks: peakOnly, spans, recurring: recurringHeld, asserted: [...new Set(assertedAt.flatMap(needsAt))] } }),
    };
}

/**
 * The floor releases of a tier (FloorRelease), in instant order: one per event this `pulumi up` at
 * `now` is inside of (its pre-scale passed or closer than the lead, steadyStart: an earlier up may
 * have raised the floor for it or asserted it; its release still ahead, or passed less than
 * RELEASE_RETENTION_MINUTES ago: kept declared as a release is, TierSchedule.retained, where the
 * cloud may run it late; the clouds that refuse a past instant leave those out) whose need no longer lifts
 * the tier (tierNeed at most the everyday floor `bounds.minSize`), at its release instant, setting
 * the floor in force then (`floorAt`, epoch ms) alone. None in a minute another action of the tier
 * takes (`taken`: a step of the floor timeline, a restore or a recurring run sets the floor in force
 * itself, and ESS runs only one task per minute, separatedLowerings), and one per minute when several
 * such events end together (the first by name).
 */
export function floorReleases(
    spec: ScheduleSpec,
    region: Pick<RegionSpec, "zones">,
    tier: ScheduledTier,
    bounds: TierBounds,
    now: number,
    taken: (t: number) => boolean,
    floorAt: (t: number) => number,
): FloorRelease[] {
    const due = spec.events
        .flatMap((event): FloorRelease[] => {
            const w = eventWindow(spec, event.start, event.end);
            if (w === null || !inRaisedWindow(w, now, RELEASE_RETENTION_MINUTES * MINUTE_MS) || taken(w.to)) return [];
            if (tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams) > bounds.minSize) return [];
            return [{ key: `${event.name}-release-floor`, source: event.name, at: utcMinute(w.to), minSize: floorAt(w.to) }];
        })
        .sort((a, b) => a.at.localeCompare(b.at) || a.source.localeCompare(b.source));
    return due.filter((r, i) => due.findIndex((o) => o.at === r.at) === i);
}

/**
 * Whether another action of a tier runs in the minute starting at `t` (epoch ms), as
 * separatedLowerings asks: one of `instants` (the one-off actions this up declares, every step of
 * the floor timeline and every restore, past, asserted inside the lead or declared: epoch ms) or a
 * run of a `recurring` action. Counting the steps an up asserts itself (closer than the lead) and
 * those that have run keeps the answer the same on every up, so no up moves a declared lowering.
 */
export function takenMinute(t: number, instants: readonly number[], recurring: readonly Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">[]): boolean {
    return instants.includes(t) || recurring.some((a) => occurrences(a, t, t + MINUTE_MS).length > 0);
}

/**
 * The ceiling lowerings of a tier (in instant order), each moved to the first minute at or after its
 * own that no other action of the tier takes (`taken(t)`: a one-off or recurring action runs in the
 * minute starting at `t`, epoch ms) nor an earlier lowering: two actions on one group in one minute
 * do not both take effect in a known order. ESS runs only one: "If multiple scheduled tasks need to
 * be executed within the same minute, Auto Scaling executes the most recently created scheduled
 * task" (Alibaba Cloud Auto Scaling User Guide, scheduled tasks "Overview", configuration items,
 * https://www.alibabacloud.com/help/en/auto-scaling/user-guide/overview-8); EC2 Auto Scaling and Application Auto Scaling document no order between
 * actions at one instant. A minute later the lowering runs after a recurring action that set the
 * raised ceiling again, so its lower ceiling stays in force.
 */
export function separatedLowerings(lowerings: readonly CeilingLowering[], taken: (t: number) => boolean): CeilingLowering[] {
    const used: number[] = [];
    return lowerings.map((l) => {
        let t = Date.parse(l.at);
        while (taken(t) || used.includes(t)) t += MINUTE_MS;
        used.push(t);
        return t === Date.parse(l.at) ? l : { ...l, at: utcMinute(t) };
    });
}

/**
 * The first minute at or after `at` (epoch ms, a whole minute) in which no recurring action of a
 * peak that lifts the app tier runs (liftsAppTier), as separatedLowerings moves a lowering, for the
 * report's instants.
 */
export function clearOfPeakActions(spec: Pick<StackSpec, "scaling" | "peaks" | "app" | "regions" | "compute" | "kubernetes">, at: number): number {
    const bounds = { minSize: 1, maxSize: 2, zones: 1 };
    const actions = spec.peaks.filter((peak) => liftsAppTier(spec, peak.peakOnline)).flatMap((peak) => recurringActions(spec, peak, 2, bounds));
    let t = at;
    while (actions.some((a) => occurrences(a, t, t + MINUTE_MS).length > 0)) t += MINUTE_MS;
    return t;
}

/**
 * The last run of a recurring peak's action (one that lifts the app tier, liftsAppTier) after one
 * tier's ceiling lowering of `event` (at `loweredAt`, epoch ms: that tier's own instant, moved off
 * taken minutes) and at or before `now`, of a peak one of whose runs falls in the event's raised
 * span on that tier (from its pre-scale, or `releasedAt` without a valid window, to that lowering),
 * as "<action key> at <UTC instant>"; "" when none ran. Such a peak's actions an up declared while
 * the event was declared carry its raised ceiling (recurringNeeds), so such a run set the tier's
 * raised ceiling again after its lowering. Judged per tier: a run between one tier's lowering and a
 * later tier's re-raises the first only.
 */
export function peakActionsAfter(spec: Pick<StackSpec, "scaling" | "peaks" | "app" | "regions" | "compute" | "kubernetes">, event: LiveEvent, releasedAt: number, loweredAt: number, now: number): string {
    if (loweredAt > now) return "";
    const bounds = { minSize: 1, maxSize: 2, zones: 1 };
    // Only a peak one of whose runs falls in the event's raised span (pre-scale to lowering) carries
    // its raised ceiling on its actions (recurringNeeds); the others' actions hold their own.
    const from = eventWindow(spec, event.start, event.end)?.from ?? releasedAt;
    const runs = spec.peaks
        .filter((peak) => liftsAppTier(spec, peak.peakOnline))
        .map((peak) => recurringActions(spec, peak, 2, bounds))
        .filter((actions) => actions.some((a) => occurrences(a, from, loweredAt).length > 0))
        .flatMap((actions) => actions.flatMap((a) => occurrences(a, loweredAt + MINUTE_MS, now + 1).map((t) => ({ key: a.key, t }))))
        .sort((a, b) => b.t - a.t || a.key.localeCompare(b.key));
    return runs.length === 0 ? "" : `${runs[0].key} at ${utcMinute(runs[0].t)}`;
}

/**
 * Whether a `pulumi up` at `now` is inside some event's window (its pre-scale passed or closer than
 * the lead, steadyStart; its release ahead), whatever the event lifts now: an up then asserts no
 * lowered ceiling for an earlier event (loweringEvent), since the running event's pre-scale may hold
 * a raised one.
 */
export function eventRunning(spec: Pick<StackSpec, "scaling" | "events">, now: number): boolean {
    return spec.events.some((event) => {
        const w = eventWindow(spec, event.start, event.end);
        return w !== null && inRaisedWindow(w, now);
    });
}

/**
 * Whether a `pulumi up` at `now` (epoch ms) is inside an event's window `w` (eventWindow): its
 * pre-scale passed or closer than the lead (steadyStart), its release less than `after` ms behind
 * (Defaults to 0: still ahead).
 */
export function inRaisedWindow(w: { readonly from: number; readonly to: number }, now: number, after: number = 0): boolean {
    return w.from < steadyStart(now) && now < w.to + after;
}

/**
 * The released event whose raised ceiling a `pulumi up` at `now` lowers on a tier (AssertedBounds
 * kind lowered): of the events released at or before `now` whose need raised the tier's ceiling
 * (`drain` of it is not null) above the largest one the needs still declared hold (`heldNeeds`: the
 * declared events' and the peaks' needs, compared by `drain`'s own `from`, the tier's units), the
 * one released last, with the instant its drain ended (`until`); null when none does or a drain
 * still runs (the tier holds its bounds then: drainHold).
 */
export function loweringEvent(spec: ScheduleSpec, region: Pick<RegionSpec, "zones">, tier: ScheduledTier, bounds: TierBounds, now: number, drain: TierDrain, heldNeeds: readonly number[]): { source: string; releasedAt: number; from: number; until: number } | null {
    const held = Math.max(0, ...heldNeeds.map((need) => drain(need)?.from ?? 0));
    const raised = spec.events.flatMap((event) => {
        const w = eventWindow(spec, event.start, event.end);
        if (w === null || w.to > now) return [];
        const d = drain(tierNeed(spec, region, tier, bounds, event.peakOnline, event.streams));
        return d === null || d.from <= held ? [] : [{ source: event.name, releasedAt: w.to, from: d.from, until: w.to + d.seconds * 1000 }];
    });
    if (raised.some((r) => r.until > now)) return null;
    return raised.sort((a, b) => b.releasedAt - a.releasedAt || a.source.localeCompare(b.source))[0] ?? null;
}

/**
 * The floor the recurring peaks hold from `keptFrom` (steadyStart) on, as an up at `now` that may
 * reach the base resource any time before then declares it (recurringFloorAt just before
 * `keptFrom`): a pre-scale closer than the lead is in force, a release closer than the lead has
 * run (its released floor, not the open peak's: an up after that release would set the peak's
 * floor again until the next day's release); 0 when no peak is open then.
 */
export function recurringFloorNear(recurring: readonly RecurringAction[], keptFrom: number): number {
    // The floor in force just before keptFrom: a pre-scale closer than the lead counts (the up may
    // reach the resource after it), and so does a release closer than the lead (the up may reach it
    // after that release ran, and a floor it set again would hold until the next day's release;
    // lowering a floor early removes no capacity: the AND scale-in rule does).
    return recurringFloorAt(recurring, keptFrom - 1);
}

/**
 * The last instant (epoch ms) a `pulumi up` at `now` may declare a one-off action at under
 * `horizon` (now + horizon.days); Infinity when the cloud has none. ESS: LaunchTime "cannot be later
 * than 90 days from the date of scheduled task creation" (CreateScheduledTask; ModifyScheduledTask
 * the same from the day of the modification).
 */
export function horizonEnd(now: number, horizon: ScheduleHorizon | null): number {
    return horizon === null ? Infinity : now + horizon.days * DAY_MS;
}

/**
 * The events within reach of a `pulumi up` at `now`: a valid window that is not over and, on a cloud
 * with a horizon (`horizon`, the profile's scheduleHorizon; null when none), pre-scaled within it
 * (an event longer than the horizon declares its pre-scale now, its release once a later `pulumi up`
 * has it within the horizon: tierSchedule);
 * ordered by pre-scale instant (then by name), the order in which a per-resource limit (EventLimit)
 * admits them.
 */
export function eventsInHorizon(spec: Pick<StackSpec, "scaling" | "events">, now: number, horizon: ScheduleHorizon | null): LiveEvent[] {
    return spec.events
        .flatMap((event) => {
            const w = eventWindow(spec, event.start, event.end);
            if (w === null || w.to <= now) return [];
            return w.from > horizonEnd(now, horizon) ? [] : [{ event, from: w.from }];
        })
        .sort((a, b) => a.from - b.from || a.event.name.localeCompare(b.event.name))
        .map((e) => e.event);
}

/**
 * The events a `pulumi up` at `now` declares on a tier: those in reach (eventsInHorizon) and, when
 * the tier's cloud limits the events declared at once (`eventLimit`, null when none; on AWS the
 * scheduled-action quota of the Auto Scaling group and scalable targets, awsEventLimit), the first
 * `eventLimit.count` of them.
 */
export function declarableEvents(spec: Pick<StackSpec, "scaling" | "events">, now: number, horizon: ScheduleHorizon | null, eventLimit: EventLimit | null): LiveEvent[] {
    const events = eventsInHorizon(spec, now, horizon);
    return eventLimit === null ? events : admissibleEvents(events, eventLimit).slice(0, eventLimit.count);
}

/**
 * The events a limit can ever admit: those that fit it on their own (EventLimit.alone null). An
 * event that alone exceeds it declares nothing and holds no place under it (it is reported
 * `unschedulable`), so the events after it are counted without it.
 */
export function admissibleEvents(events: readonly LiveEvent[], eventLimit: Pick<EventLimit, "alone">): LiveEvent[] {
    return events.filter((event) => (eventLimit.alone?.(event) ?? null) === null);
}

/**
 * AWS quotas on scheduled actions, which cannot be raised: "Scheduled actions per Auto Scaling group
 * 125" (Amazon EC2 Auto Scaling user guide, "Quotas for Auto Scaling resources and groups") and
 * "Scheduled actions per scalable target 200" (Application Auto Scaling user guide, "Quotas for
 * Application Auto Scaling"; the ECS services and the Aurora readers are scalable targets).
 */
export const AWS_SCHEDULED_ACTION_QUOTAS = { autoScalingGroup: 125, scalableTarget: 200 } as const;

/**
 * The strictest scheduled-action quota among a stack's scheduled tiers: the app Auto Scaling group
 * (compute vm) or the scalable targets (every other compute; the Aurora readers on every stack).
 */
export function awsScheduledActionQuota(spec: Pick<StackSpec, "compute">): { readonly count: number; readonly what: string } {
    return spec.compute === "vm"
        ? { count: AWS_SCHEDULED_ACTION_QUOTAS.autoScalingGroup, what: "scheduled actions per Auto Scaling group (EC2 Auto Scaling quota)" }
        : { count: AWS_SCHEDULED_ACTION_QUOTAS.scalableTarget, what: "scheduled actions per scalable target (Application Auto Scaling quota)" };
}

/** Scheduled actions the recurring peaks take on one tier at most: a pre-scale and a release each. */
export function peakActionCount(spec: Pick<StackSpec, "peaks">): number {
    return 2 * spec.peaks.length;
}

/**
 * Scheduled actions one event takes on one tier at most: its pre-scale and release, its ceiling
 * lowering when `raises(event)` (it raises a tier's ceiling above the everyday one: ceilingLowerings;
 * Defaults to always, the safe count), plus a restore after each recurring action that runs inside
 * its window (tierSchedule).
 */
export function eventActionCount(spec: Pick<StackSpec, "scaling" | "peaks">, event: LiveEvent, now: number, raises: (event: LiveEvent) => boolean = () => true): number {
    const w = eventWindow(spec, event.start, event.end);
    if (w === null) return 0;
    const bounds = { minSize: 1, maxSize: 2, zones: 1 };
    const recurring = spec.peaks.flatMap((peak) => recurringActions(spec, peak, 2, bounds));
    return 2 + (raises(event) ? 1 : 0) + recurring.reduce((n, a) => n + occurrences(a, Math.max(w.from, pendingRunsFrom(now)), w.to - MINUTE_MS).length, 0);
}

/**
 * The recurring peaks alone must fit the strictest scheduled-action quota (a recurring action is
 * declared for good, unlike an event that can wait): an issue names `peaks`, the count of actions
 * and the quota.
 */
export function checkAwsPeakActions(spec: Pick<StackSpec, "compute" | "peaks">): string[] {
    const quota = awsScheduledActionQuota(spec);
    const need = peakActionCount(spec);
    return need <= quota.count
        ? []
        : [`peaks: ${spec.peaks.length} recurring peaks need ${need} scheduled actions on each scaled tier; AWS allows ${quota.count} ${quota.what}; allowed: at most ${Math.floor(quota.count / 2)} peaks (merge peaks that share a window)`];
}

/**
 * The scheduled actions (ESS scheduled tasks, EC2 Auto Scaling and Application Auto Scaling
 * scheduled actions) a tier's schedule declares: one per one-off action, one per ceiling lowering
 * (CeilingLowering, the released events' still ahead among them), one per floor release still
 * ahead (FloorRelease, floorReleasesAhead: the clouds with a quota take no past instant) and `recurringRuns(a)` per
 * recurring action (one where the cloud runs it in the peak's own time zone, AWS `TimeZone`; one
 * per UTC offset span where it takes a UTC cron, ESS utcRecurrences). Merged steps (one event's
 * release that is the next one's pre-scale) and lowerings another event holds count as the
 * schedule declares them: once, or not at all.
 */
export function declaredActionCount(schedule: Pick<TierSchedule, "plannedAt" | "oneOff" | "lowerings" | "floorReleases" | "recurring">, recurringRuns: (action: RecurringAction) => number): number {
    return schedule.oneOff.length + (schedule.lowerings ?? []).length + floorReleasesAhead(schedule).length + schedule.recurring.reduce((n, a) => n + recurringRuns(a), 0);
}

/**
 * One quota the scheduled actions of some tiers count against (an AWS Auto Scaling group or
 * scalable target, the ESS tasks of an account in a region), for declaredEventsThatFit.
 */
export interface DeclaredQuota {
    /** The actions the schedules may declare. */
    readonly limit: number;
    /**
     * The actions the schedules declare with the first `count` admissible events (declaredActionCount
     * of each tier's schedule under the limit `{ count }`); `count` 0 gives the idle ones (the peaks',
     * the released events' lowerings still ahead).
     */
    readonly declared: (count: number) => number;
    /** At most the actions `event` adds (an upper bound such as eventActionCount): cheap, so no schedule is built while the bounds fit. */
    readonly bound: (event: LiveEvent) => number;
}

/**
 * How many of `events` (the admissible ones in reach, in the order they are declared) a `pulumi up`
 * declares under every one of `quotas`: the earliest for which, in each quota, the actions the
 * schedules really declare (DeclaredQuota.declared) fit its limit; the first count that does not
 * fit ends it (later events wait with it). While the idle actions and the events'
 * upper bounds fit a quota, its schedules are not built.
 */
export function declaredEventsThatFit(events: readonly LiveEvent[], quotas: readonly DeclaredQuota[]): number {
    const bounded = quotas.map((q) => q.declared(0));
    let count = 0;
    while (count < events.length) {
        const next = events[count];
        for (const [i, q] of quotas.entries()) bounded[i] += q.bound(next);
        if (!quotas.every((q, i) => bounded[i] <= q.limit || q.declared(count + 1) <= q.limit)) return count;
        count += 1;
    }
    return count;
}

/**
 * A tier with AWS scheduled actions (the app Auto Scaling group, an ECS service's or the Aurora
 * readers' scalable target) in one region: its quota (AWS_SCHEDULED_ACTION_QUOTAS) and its schedule
 * under an event limit, as the components declare it (tierSchedule, unitSchedule).
 */
export interface AwsScheduledTier {
    readonly quota: number;
    readonly schedule: (eventLimit: EventLimit) => Pick<TierSchedule, "plannedAt" | "oneOff" | "lowerings" | "floorReleases" | "recurring">;
}

/**
 * How many events an AWS `pulumi up` may declare: the earliest events in reach whose actions, as the
 * schedules of `tiers` really declare them (declaredEventsThatFit, declaredActionCount: a recurring
 * action is one scheduled action in the peak's own time zone, `TimeZone`), fit each tier's
 * scheduled-action quota (AWS_SCHEDULED_ACTION_QUOTAS); the others are reported `deferred` and
 * declared by a later `pulumi up` once earlier events have passed. The released events' lowerings
 * still ahead are in the schedules and hold their actions until they run. `raises` tells the events
 * that take a ceiling lowering (eventActionCount, the upper bound of one event; Defaults to all).
 * An event whose own actions exceed what the strictest quota leaves is `unschedulable` (alone).
 */
export function awsEventLimit(spec: Pick<StackSpec, "compute" | "scaling" | "events" | "peaks">, now: number, horizon: ScheduleHorizon | null, tiers: readonly AwsScheduledTier[], raises: (event: LiveEvent) => boolean = () => true): EventLimit {
    const quota = awsScheduledActionQuota(spec);
    const idle = tiers.map((t) => declaredActionCount(t.schedule({ count: 0, why: "" }), () => 1));
    // What the tightest tier leaves after its idle actions (the peaks', the pending lowerings).
    const budget = Math.min(quota.count - peakActionCount(spec), ...tiers.map((t, i) => t.quota - idle[i]));
    const alone = (event: LiveEvent): string | null => {
        const n = eventActionCount(spec, event, now, raises);
        return n > budget ? `it takes ${n} scheduled actions on each tier and ${budget} are left after the peaks'` : null;
    };
    // Counted over the events that fit on their own (admissibleEvents), as declarableEvents takes them.
    const admissible = admissibleEvents(eventsInHorizon(spec, now, horizon), { alone });
    const count = declaredEventsThatFit(
        admissible,
        tiers.map((t, i) => ({
            limit: t.quota,
            declared: (n: number) => (n === 0 ? idle[i] : declaredActionCount(t.schedule({ count: n, why: "", alone }), () => 1)),
            bound: (event: LiveEvent) => eventActionCount(spec, event, now, raises),
        })),
    );
    return { count, why: `AWS allows ${quota.count} ${quota.what}; the peaks take ${peakActionCount(spec)}, the events declared now take the rest`, alone };
}

/** The remedy of an event too large for a limit that counts what grows with its length (EventLimit.remedy). */
export const SHORTEN_REMEDY = "shorten it or split it into shorter events";

/**
 * A cloud's limit on how many events one `pulumi up` may declare (beyond the horizon): the first
 * `count` declarable events are declared, the others reported `deferred` with `why`.
 */
export interface EventLimit {
    readonly count: number;
    /** The limit and its source, for the report. */
    readonly why: string;
    /**
     * What `event` needs on its own when that alone exceeds the limit, whatever the other events
     * ("it touches 7 calendar days (GMT+8), 7 rules, and 4 are left after the peaks' rules"); null
     * when it fits alone. Absent: the report does not say.
     */
    readonly alone?: (event: LiveEvent) => string | null;
    /**
     * What makes room for an event `alone` refuses ("raise ... scaling.essScheduledTaskQuota to at
     * least 14"). Defaults to SHORTEN_REMEDY, for limits that count what grows with the event's
     * length (the SAE rules count the calendar days it touches).
     */
    readonly remedy?: (event: LiveEvent) => string;
    /**
     * Instants (epoch ms, ascending) after which the limit leaves more room other than the events'
     * releases: the ESS ceiling lowerings still ahead, whose tasks go once they have run
     * (essEventLimit), computed when asked. heldEventDeclaredAt tries them with the releases.
     * Absent: none.
     */
    readonly frees?: () => readonly number[];
}

/**
 * Whether an audience of `online` viewers lifts some app-tier floor above its everyday one in some
 * region: the app group (compute vm) or the pods (kubernetes) above appTierBounds' floor
 * (appTierNeed), a serverless service above its minimum instances (tierNeed of its unit); when
 * none does, the app tier declares no scheduled action for it.
 */
export function liftsAppTier(spec: Pick<StackSpec, "scaling" | "app" | "regions" | "compute" | "kubernetes">, online: number): boolean {
    return spec.regions.some((region) =>
        spec.compute === "serverless"
            ? planServerlessUnits(spec.kubernetes.services, region).some((unit) => tierNeed(spec, region, "serverlessUnit", unitBounds(unit, region), online, 0) > unit.minInstances)
            : appTierNeed(spec, region, online) > appTierBounds(spec, region).minSize,
    );
}

/** The bounds of a serverless unit's schedule in `region` (tierNeed, tierSchedule): its instances, spread over the region's zones. */
export function unitBounds(unit: Pick<ServerlessUnitPlan, "minInstances" | "maxInstances" | "service">, region: Pick<RegionSpec, "zones">): TierBounds {
    return { minSize: unit.minInstances, maxSize: unit.maxInstances, zones: region.zones.length, service: unit.service };
}

/**
 * How the report says an event or peak lifts no floor of the app tier (liftsAppTier false); other
 * tiers (the transcoders, by the streams) may still be lifted and are reported with it.
 */
export const NO_APP_TIER_LIFT = "the app tier needs no lift";

/**
 * What an audience that lifts nothing (liftsAppTier false) fits, for the report: the app group's
 * everyday floor (compute vm), or the everyday floor of every service with that of the one holding
 * the viewers' connections (interaction: the pods' minReplicas, the serverless service's minimum
 * instances in the first region).
 */
export function everydayFloorText(spec: Pick<StackSpec, "app" | "regions" | "compute" | "kubernetes">): string {
    if (spec.compute === "vm") return `the everyday floor of ${spec.app.minSize} app instances`;
    const held = SERVICE_NAMES.filter((s) => SCALES_ON_CONNECTIONS[s]);
    const floors = held.map((s) => {
        const n = spec.compute === "kubernetes" ? spec.kubernetes.services[s].minReplicas : (planServerlessUnits(spec.kubernetes.services, spec.regions[0]).find((u) => u.service === s)?.minInstances ?? 0);
        return `${s} ${n}`;
    });
    return `every service's everyday ${spec.compute === "kubernetes" ? "minReplicas" : "instances"} (${floors.join(", ")}, holding the connections)`;
}

/**
 * On a Kubernetes stack, the pods' maxReplicas the floor jobs raise for an audience (podCeilingRaises
 * at the largest app-tier need of the regions, appTierNeed), as a report suffix; "" when the floors fit, on other
 * computes, or without floor jobs (`floorJobs` false: nothing raises them).
 */
function capped(spec: Pick<StackSpec, "scaling" | "app" | "regions" | "compute" | "kubernetes">, online: number, floorJobs: boolean): string {
    if (spec.compute !== "kubernetes" || !floorJobs) return "";
    const appFloor = Math.max(...spec.regions.map((region) => appTierNeed(spec, region, online)));
    const raises = podCeilingRaises(spec, appFloor);
    return raises.length === 0 ? "" : `; pod maxReplicas raised with the floors: ${raises.join("; ")}, kept until a pulumi up no longer declares it (an event's until the job that lowers them when its drain ends)`;
}

/**
 * The instant from which a `pulumi up` declares `event`, which the cloud's limit holds back at
 * `now`: the first release of another event after `now`, or instant the limit frees room at
 * (EventLimit.frees: the ESS lowerings still ahead), at which the events in reach then, under the
 * limit then (`limitAt`, the profile's eventLimit), include it, when that `pulumi up` can still
 * schedule its pre-scale (steadyStart at or before it); null when none can (the room frees only
 * after its pre-scale), or the event has no valid window. With `late` (Defaults to false): the
 * first such instant at or before its pre-scale even when that up is closer to it than the lead
 * (SCHEDULE_MIN_LEAD_MINUTES), so its floors are asserted by that up, not scheduled.
 */
export function heldEventDeclaredAt(spec: Pick<StackSpec, "scaling" | "events">, event: LiveEvent, now: number, horizon: ScheduleHorizon | null, limitAt: (t: number) => EventLimit | null, late: boolean = false): number | null {
    const w = eventWindow(spec, event.start, event.end);
    if (w === null) return null;
    const releases = spec.events.flatMap((e) => {
        const other = eventWindow(spec, e.start, e.end);
        return other !== null && e !== event && other.to > now && other.to <= w.from ? [other.to] : [];
    });
    const frees = (limitAt(now)?.frees?.() ?? []).filter((t) => t > now && t <= w.from);
    for (const t of [...new Set([...releases, ...frees])].sort((a, b) => a - b)) {
        if (!late && steadyStart(t) > w.from) return null;
        if (declarableEvents(spec, t, horizon, limitAt(t)).includes(event)) return t;
    }
    return null;
}

/**
 * What becomes of each event and peak, given the cloud's horizon (`horizon`, null when none), the
 * instant `now` and an optional limit on the events declared at once (`eventLimit`; Defaults to none)
 * with the same limit at a later instant (`limitAt`, the profile's eventLimit; Defaults to
 * `eventLimit` at every instant): an event the limit holds back is `deferred` when a later `pulumi
 * up` can declare it before its pre-scale (heldEventDeclaredAt), `unschedulable` when none can.
 * `text` (the profile's horizonText; Defaults to the horizon's service and recurringUntil) words the
 * horizon per tier. `drains` (the tiers an event raises and their drains, eventDrains; Defaults to
 * null) reports a past event whose raised ceilings still drain (pastEventHold). `floorJobs` (whether
 * the pods' floor jobs are declared: a kubectl image, kubectlImage not null; Defaults to true; read
 * on compute kubernetes only) false reports every event and peak that would lift the pods as not
 * declared (FLOOR_JOBS_UNDECLARED), without raised pod maxReplicas, and one inside its raised window
 * as asserting no floor either (unassertedWithoutFloorJobs), never `late`; pass `drains` built with
 * the same `floorJobs` (eventDrains), so no pod ceiling is reported raised or lowered.
 */
export function scheduleReport(
    spec: Pick<StackSpec, "scaling" | "events" | "peaks" | "app" | "regions" | "compute" | "kubernetes">,
    now: number,
    horizon: ScheduleHorizon | null,
    eventLimit: EventLimit | null = null,
    limitAt: (t: number) => EventLimit | null = () => eventLimit,
    text: HorizonText | null = null,
    drains: ((event: Audience) => readonly RaisedDrain[]) | null = null,
    floorJobs: boolean = true,
): ScheduleReport[] {
    const withoutJobs = liftsWithoutFloorJobs(spec, floorJobs);
    // An event or peak that would lift the pods of a stack without floor jobs says first that nothing is declared.
    const declaredOrNot = (online: number, detail: string): string => (withoutJobs && liftsAppTier(spec, online) ? `${FLOOR_JOBS_UNDECLARED}: ${detail}` : detail);
    const declared = declarableEvents(spec, now, horizon, eventLimit);
    const held = eventLimit === null ? [] : eventsInHorizon(spec, now, horizon).filter((event) => !declared.includes(event));
    const released = spec.events.flatMap((event) => {
        const w = eventWindow(spec, event.start, event.end);
        return w === null || w.to > now ? [] : [{ event, releasedAt: w.to }];
    });
    // A tier a released event still drains on holds its bounds (drainHold): nothing of it is lowered.
    const drainingTiers = new Set(drains === null ? [] : released.flatMap((r) => drains(r.event).filter((d) => !drainHasEnded(r.releasedAt + loweredAfter(d) * 1000, now)).map((d) => d.tier)));
    // The ceilings a released event raised that this up sets back (loweringEvent, per tier): its
    // tiers whose drain has ended, none still draining, down to what the declared events and
    // peaks hold (heldCeilings); "" when none.
    const loweredOf = (event: LiveEvent, releasedAt: number): string => {
        if (drains === null) return "";
        const kept = heldCeilings(spec, event, now, horizon, drains);
        return drains(event)
            .filter((d) => drainHasEnded(releasedAt + loweredAfter(d) * 1000, now) && !drainingTiers.has(d.tier) && !byUpLoweringPast(d, releasedAt, now))
            .flatMap((d) => {
                const to = Math.max(d.maxSize, kept.get(d.tier) ?? 0);
                return to < d.from ? [`${d.tier} ${d.from} -> ${to}`] : [];
            })
            .join("; ");
    };
    // The ceilings the event's own scheduled actions lower at the end of each tier's drain
    // (ceilingLowerings), to what the events and peaks hold then, and those the up after the drain
    // sets back itself (RaisedDrain.byUp).
    const loweringsOf = (event: LiveEvent, releasedAt: number): { text: string; byUp: boolean; at: number; reraised: boolean }[] =>
        drains === null
            ? []
            : drains(event).flatMap((d) => {
                  const declared = declaredLowering(d, event.name, now);
                  const at = declared?.at ?? clearOfPeakActions(spec, Math.ceil((releasedAt + loweredAfter(d) * 1000) / MINUTE_MS) * MINUTE_MS);
                  const to = declared?.to ?? Math.max(d.maxSize, heldCeilings(spec, event, at, horizon, drains, now, true).get(d.tier) ?? 0);
                  const from = declared?.from ?? d.from;
                  const byUp = d.byUp === true;
                  return to < from ? [{ text: `${d.tier} ${from} -> ${to} ${byUp ? "from" : "at"} ${utcMinute(at)}`, byUp, at, reraised: declared?.reraised ?? false }] : [];
              });
    const byActions = (event: LiveEvent, releasedAt: number, after: number = -Infinity, byUp = false, through: number = Infinity): string =>
        loweringsOf(event, releasedAt)
            .filter((l) => l.byUp === byUp && l.at > after && l.at <= through)
            .map((l) => l.text)
            .join("; ");
    // The lowerings of `event` this up still declares (their instant ahead, or passed less than
    // LOWERING_RUN_MARGIN_MINUTES ago: drainHasEnded), for the advice to keep the event until they
    // have run; null when none.
    const stillDeclared = (event: LiveEvent, releasedAt: number): { lowerings: string; until: number } | null => {
        const ahead = loweringsOf(event, releasedAt).filter((l) => !l.byUp && l.at > now - LOWERING_RUN_MARGIN_MINUTES * MINUTE_MS);
        return ahead.length === 0 ? null : { lowerings: ahead.map((l) => l.text).join("; "), until: Math.max(...ahead.map((l) => l.at)) + LOWERING_RUN_MARGIN_MINUTES * MINUTE_MS };
    };
    // Of the released events whose raised ceilings this up sets back, the one released last names
    // them (loweringEvent asserts the held bounds for it); an earlier one's raise is set back by the
    // same up or was superseded by the actions declared since.
    const running = eventRunning(spec, now);
    const lowering = released
        .filter((r) => !running && r.releasedAt <= now - RELEASE_RETENTION_MINUTES * MINUTE_MS && loweredOf(r.event, r.releasedAt) !== "")
        .sort((a, b) => b.releasedAt - a.releasedAt || a.event.name.localeCompare(b.event.name))[0]?.event;
    // The lowerings still ahead of `now`, as a report suffix ("" when none): declared by this up.
    const pending = (event: LiveEvent, releasedAt: number): string => {
        // A lowering whose instant is still ahead, or passed less than LOWERING_RUN_MARGIN_MINUTES
        // ago, stays declared at it (drainHasEnded).
        const ahead = byActions(event, releasedAt, now - LOWERING_RUN_MARGIN_MINUTES * MINUTE_MS);
        const ups = byActions(event, releasedAt, now, true);
        // A recurring peak's actions carry the one ceiling of the tier they were declared with
        // (recurringNeeds), so the first of them after a lowering raises it again until an up
        // after the drain declares them without the event.
        // Only when a run of theirs falls in the event's raised span (recurringNeeds) do they hold its need.
        const again = loweringsOf(event, releasedAt).some((l) => !l.byUp && l.reraised) ? " (a recurring peak's actions declared with the raised ceiling set it again when they run, until a pulumi up after the drains declares them anew)" : "";
        return (
            (ahead === "" ? "" : `; scheduled actions lower the raised ceilings when the drains end: ${ahead}${again}`) +
            (ups === "" ? "" : `; no scheduled action lowers the rules' raised ceilings: the first pulumi up after their drains end sets them back (${ups})`)
        );
    };
    const events = spec.events.map((event): ScheduleReport => {
        const w = eventWindow(spec, event.start, event.end);
        if (w === null) return { source: event.name, status: "past", detail: "no valid window" };
        if (w.to > now - RELEASE_RETENTION_MINUTES * MINUTE_MS && w.to <= now && liftsAppTier(spec, event.peakOnline)) {
            // Within the release's retention (tierSchedule: retained, AssertedBounds kind release).
            // A drain whose lowering instant has passed has its ceilings set by this up (drainHasEnded).
            const lowered = loweredOf(event, w.to);
            const byTheUp = lowered === "" ? "" : `; the estimated drain of ${lowered.split("; ").length === 1 ? "a tier" : "tiers"} it raised has ended, so this pulumi up sets the ceilings the declared events and peaks hold with the released bounds (${lowered})`;
            return {
                source: event.name,
                status: "past",
                detail: `released at ${utcMinute(w.to)}; ${retainedBoundsText(event.name, drains === null ? [] : drains(event), now)}; ${retainedReleaseText(spec, w.to, text?.oneOffActions, floorJobs)}${byTheUp}${pending(event, w.to)}; keep the event in the stack file`,
                ...(lowered === "" ? {} : { ceilingsLowered: lowered, loweredByActions: "" }),
            };
        }
        if (w.to <= now) {
            const hold = drains === null ? null : pastEventHold(event, w.to, now, drains);
            const raised = drains === null ? [] : drains(event);
            const still = hold === null ? "" : `${hold.tiers.map((d) => `${d.tier} from ${d.from} (everyday ${d.maxSize}) until about ${utcMinute(w.to + d.seconds * 1000)}`).join("; ")}`;
            if (event === lowering) {
                const lowered = loweredOf(event, w.to);
                const ended = raised.filter((d) => drainHasEnded(w.to + loweredAfter(d) * 1000, now));
                // Only the lowerings whose instant has passed ran (drainHasEnded): this up sets
                // their ceilings itself; one still ahead stays declared at its instant.
                const actions = byActions(event, w.to, -Infinity, false, now);
                const drainEnd = w.to + Math.max(...ended.map(loweredAfter)) * 1000;
                // Per tier: a peak's run after that tier's own lowering set its raised ceiling again.
                const reraised = actions === "" ? [] : loweringsOf(event, w.to).flatMap((l) => {
                    const by = l.byUp || l.at > now ? "" : peakActionsAfter(spec, event, w.to, l.at, now);
                    return by === "" ? [] : [{ text: l.text, by }];
                });
                const reraisedBy = [...new Set(reraised.map((x) => x.by))].join(", ");
                // A tier's lowering still declared: deleting the event now would delete it before it ran.
                const keep = stillDeclared(event, w.to);
                // Pulumi's state keeps the everyday bounds under ignoreChanges while actions own them,
                // so an up that declares them sends nothing: only the lowering actions, or a refresh
                // that reads the raised bounds into state, lower what actions raised.
                const byTheActions =
                    actions === ""
                        ? ""
                        : `; the scheduled actions declared with the event lowered ${actions}, if a pulumi up declared them before then (plan with --base <the previous up's plan> to tell); if none did, the ceilings its actions raised are still in force while Pulumi's state holds the everyday ones, so this pulumi up sends nothing for them: run it as pulumi up --refresh (the refresh reads the raised ceilings into state, so the up sets the held ones)`;
                return {
                    source: event.name,
                    status: "past",
                    detail: `released at ${utcMinute(w.to)}; the estimated drain of these tiers has ended (about ${utcMinute(drainEnd)})${byTheActions}; this pulumi up sets the ceilings the declared events and peaks hold on the scaled resources itself (${lowered}), which lowers those still raised in Pulumi's state (those an earlier up declared raised) unless an earlier up after the drain already has: the cloud removes capacity above a lowered ceiling at once, whatever the load, so run it once the viewers have left (the drain is an estimate, not a reading of the load)${still === "" ? "" : `; still draining, their bounds with the schedules until then: ${still}`}; ${keep === null ? "delete the event from the stack file once the ceilings are back" : keepEventText(keep.lowerings, utcMinute(keep.until))}`,
                    ceilingsLowered: lowered,
                    loweredByActions: actions,
                    ...(keep === null ? {} : { pendingLowerings: keep.lowerings, keepUntil: utcMinute(keep.until) }),
                    ...(reraisedBy === "" ? {} : { reraisedBy, reraisedLowerings: reraised.map((x) => x.text).join("; ") }),
                };
            }
            // Kept until the last of its lowerings still declared has run (moved off a taken minute, it may be after the drain's end).
            const keep = stillDeclared(event, w.to);
            // A floor release on the pods' jobs stays declared through the retention (floorReleases): keep the event until then.
            const retainedFloor = spec.compute === "kubernetes" && floorJobs && inRaisedWindow(w, now, RELEASE_RETENTION_MINUTES * MINUTE_MS) && !liftsAppTier(spec, event.peakOnline);
            return hold === null
                ? {
                      source: event.name,
                      status: "past",
                      detail: retainedFloor
                          ? `released at ${utcMinute(w.to)}; ${retainedReleaseText(spec, w.to, undefined, floorJobs)} (its floor release; keep the event in the stack file, as it is, until then)`
                          : `released at ${utcMinute(w.to)}; declares nothing (delete it from the stack file at will)`,
                  }
                : {
                      source: event.name,
                      status: "past",
                      detail: `released at ${utcMinute(w.to)}; declares no floor, but ${hold.tiers.length === 1 ? "this tier still drains from its raised ceiling by its scale-in rule" : "these tiers still drain from their raised ceilings by their scale-in rules"}: ${hold.tiers.map((d) => `${d.tier} from ${d.from} (everyday ${d.maxSize}) until about ${utcMinute(w.to + d.seconds * 1000)}`).join("; ")}; ${heldBoundsText(hold.tiers, now)}${pending(event, w.to)} (keep the event in the stack file; delete it after ${utcMinute(Math.max(Math.ceil(hold.until / MINUTE_MS) * MINUTE_MS + LOWERING_RUN_MARGIN_MINUTES * MINUTE_MS, keep?.until ?? -Infinity))})`,
                  };
        }
        const deferral = horizon === null ? "" : (text?.deferral ?? `${horizon.service} accepts scheduled tasks up to ${horizon.days} days ahead`);
        if (horizon !== null && w.from > horizonEnd(now, horizon)) {
            return {
                source: event.name,
                status: "deferred",
                detail: `scheduled when within ${horizon.days} days (${deferral}): a pulumi up on or after ${utcMinute(w.from - horizon.days * DAY_MS)} declares it`,
            };
        }
        // An event longer than the horizon: its pre-scale is declared now, its release by a later pulumi up.
        const releaseLater =
            horizon !== null && w.to > horizonEnd(now, horizon)
                ? ` is beyond ${horizon.days} days (${deferral}): a pulumi up on or after ${utcMinute(w.to - horizon.days * DAY_MS)} declares it, until then the floors stay raised`
                : "";
        const releaseAt = `release at ${utcMinute(w.to)}${releaseLater}`;
        if (eventLimit !== null && held.includes(event)) {
            const declaredAt = heldEventDeclaredAt(spec, event, now, horizon, limitAt);
            const alone = eventLimit.alone?.(event) ?? null;
            if (alone !== null) {
                return {
                    source: event.name,
                    status: "unschedulable",
                    detail: `not pre-scaled: ${alone}, so it cannot be declared, whatever the other events (${eventLimit.why}); the metric rules alone meet it: ${eventLimit.remedy?.(event) ?? SHORTEN_REMEDY}`,
                };
            }
            // Room that frees before the pre-scale but inside its lead: a later up declares it late.
            const lateAt = declaredAt === null ? heldEventDeclaredAt(spec, event, now, horizon, limitAt, true) : null;
            return declaredAt === null
                ? {
                      source: event.name,
                      status: "unschedulable",
                      detail:
                          lateAt === null
                              ? `not pre-scaled: no pulumi up can declare it before its pre-scale at ${utcMinute(w.from)}, the events ahead of it hold the limit until after then (${eventLimit.why}); the metric rules alone meet it: move it, merge it with the events it overlaps or declare fewer`
                              : `not pre-scaled in time: no pulumi up can declare it ${SCHEDULE_MIN_LEAD_MINUTES} minutes before its pre-scale at ${utcMinute(w.from)} (${eventLimit.why}); a pulumi up on or after ${utcMinute(lateAt)}, once that room has freed, declares it late, asserting its floors itself (its pre-scale less than ${SCHEDULE_MIN_LEAD_MINUTES} minutes ahead); until then the metric rules alone meet it: move it later or declare fewer`,
                  }
                : { source: event.name, status: "deferred", detail: `scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after ${utcMinute(declaredAt)} declares it (${eventLimit.why})` };
        }
        const lift = liftsAppTier(spec, event.peakOnline)
            ? capped(spec, event.peakOnline, floorJobs) + (releaseLater === "" ? pending(event, w.to) : "")
            : `; ${NO_APP_TIER_LIFT}: ${event.peakOnline} viewers fit ${everydayFloorText(spec)}`;
        const start = parseInstant(event.start) ?? w.from;
        const end = parseInstant(event.end) ?? w.to;
        const cover = coveringEvent(spec, event, now, declared);
        if (cover !== null) {
            return {
                source: event.name,
                status: w.from < now ? "inProgress" : "scheduled",
                detail: declaredOrNot(
                    event.peakOnline,
                    `covered by ${cover.name}: its pre-scale-to-release window (${utcMinute(w.from)} to ${utcMinute(w.to)}) lies inside ${cover.name}'s with no larger audience or streams, so ${cover.name}'s floor holds it and it declares no action of its own${lift}`,
                ),
            };
        }
        if (w.from < steadyStart(now) && liftsAppTier(spec, event.peakOnline)) {
            // Inside the raised window (or its pre-scale closer than the lead): this up sets the
            // floors on the scaled resources themselves (TierSchedule.asserted); without floor jobs
            // nothing is asserted on the pods, by this up or an earlier one, so it is never late either.
            if (withoutJobs) return { source: event.name, status: w.from > now ? "scheduled" : "inProgress", detail: unassertedWithoutFloorJobs(w.from, `${releaseAt}${lift}`) };
            const asserted = `floor asserted by this pulumi up on the scaled resources (${utcMinute(now)})`;
            if (w.from > now) return { source: event.name, status: "scheduled", detail: `${asserted}: its pre-scale at ${utcMinute(w.from)} is less than ${SCHEDULE_MIN_LEAD_MINUTES} minutes ahead; ${releaseAt}${lift}` };
            const after = Math.round((now - w.from) / MINUTE_MS);
            const lateBy = Math.round((now - start) / MINUTE_MS);
            const when = lateBy >= 0 ? `${lateBy} min after the start` : `${-lateBy} min before the start instead of ${spec.scaling.preScaleMinutes}`;
            // After the event's end the floor only holds until the release: nothing can be late then.
            if (now >= end) return { source: event.name, status: "inProgress", detail: `${asserted}, held until the release; ${releaseAt}${lift}` };
            // Late only if no earlier up declared the event: the plan of the previous up (--base)
            // tells (lateAgainstBase, tools/lib/scaling.ts); alone the plan cannot.
            const since = `${asserted}, ${after} min after its pre-scale at ${utcMinute(w.from)}, ${when}`;
            return {
                source: event.name,
                status: "inProgress",
                detail: `${since}: the floors were in force since then if an earlier pulumi up declared the event, which this plan cannot tell (it reads no live state; plan with --base <the previous up's plan> to tell); ${releaseAt}${lift}`,
                lateIfUndeclared: `${since}: no earlier pulumi up declared it (the --base plan's actions did not hold its floors), so its floors are raised only now; ${releaseAt}${lift}`,
                window: { preScale: utcMinute(w.from), release: utcMinute(w.to), at: utcMinute(now) },
            };
        }
        // Inside its window with an audience that lifts the app tier no more (lowered while it runs):
        // its release lowers the floor alone (FloorRelease), in case an earlier up raised it.
        const inWindow = inRaisedWindow(w, now);
        const floorOnly = inWindow ? `; ${floorReleaseText(w.to)}` : "";
        return { source: event.name, status: inWindow && w.from <= now ? "inProgress" : "scheduled", detail: declaredOrNot(event.peakOnline, `pre-scale at ${utcMinute(w.from)}, ${releaseAt}${lift}${floorOnly}`) };
    });
    const peaks = spec.peaks.map((peak): ScheduleReport => {
        const days = peak.recurrence === "daily" ? "every day" : `on ${peak.days.join(", ")}`;
        const window = `${peak.start}-${peak.end} ${peak.timeZone} ${days}`;
        const lifts = liftsAppTier(spec, peak.peakOnline);
        const end = recurringUntil(horizon, peak.timeZone, now);
        // The cloud's own text names every tier the peak lifts (the transcoders too); without it, the app tier's horizon.
        const until = text !== null ? text.declaredUntil(peak) : !lifts || end === null ? null : `declared until ${utcMinute(end)}`;
        const noLift = lifts ? "" : `; ${NO_APP_TIER_LIFT}: ${peak.peakOnline} viewers fit ${everydayFloorText(spec)}`;
        return { source: peak.name, status: "recurring", detail: declaredOrNot(peak.peakOnline, window + (until === null ? "" : `; ${until}${extension(until)}`) + capped(spec, peak.peakOnline, floorJobs) + noLift) };
    });
    const audiences = new Map<string, number>([...spec.events.map((e): [string, number] => [e.name, e.peakOnline]), ...spec.peaks.map((p): [string, number] => [p.name, p.peakOnline])]);
    return [...events, ...peaks].map((r) => {
        const online = audiences.get(r.source);
        // Only raised pod floors can exceed the node pools here: an audience that lifts nothing raises none.
        const short = online === undefined || !["scheduled", "late", "inProgress", "recurring"].includes(r.status) || !liftsAppTier(spec, online) ? "" : nodeShortfall(spec, online);
        return short === "" ? r : { ...r, nodeShortfall: short };
    });
}

/**
 * The floor releases of a schedule still ahead of the up it was planned at (TierSchedule.plannedAt):
 * what ESS, EC2 Auto Scaling and Application Auto Scaling declare, since they refuse an action at a
 * past instant; the Kubernetes floor jobs keep those passed less than RELEASE_RETENTION_MINUTES ago
 * too (a job may start up to 600 s late, and deleting its CronJob deletes a running Job).
 */
export function floorReleasesAhead(schedule: Pick<TierSchedule, "plannedAt" | "floorReleases">): FloorRelease[] {
    return (schedule.floorReleases ?? []).filter((r) => Date.parse(r.at) > schedule.plannedAt);
}

/**
 * What the report says of an event inside its window whose audience lifts the app tier no more
 * (floorReleases): its release at `releasedAt` (epoch ms) lowers the floors alone.
 */
export function floorReleaseText(releasedAt: number): string {
    return `its release at ${utcMinute(releasedAt)} still lowers the floor of each tier it lifts no more, alone (floor releases: MinSize only, the ceilings in force stay until the next action that sets them), in case an earlier pulumi up raised them for a larger audience`;
}

/**
 * The advice on a past event whose ceiling lowerings (`lowerings`, "the app group 100 -> 40 at
 * 2026-12-12T17:04:00Z") are still declared: keep it in the stack file until after `until` (UTC
 * minute: the last one's instant plus LOWERING_RUN_MARGIN_MINUTES). Deleting the event deletes its
 * lowerings, and Pulumi's state holds the everyday ceiling under ignoreChanges, so the raised ceiling
 * would stay in force with nothing sent for it.
 */
export function keepEventText(lowerings: string, until: string): string {
    return `its scheduled actions lowering ${lowerings} stay declared until they have surely run; keep the event in the stack file until then (deleting it deletes them, and a raised ceiling whose lowering has not run stays in force): delete it after ${until}`;
}

/**
 * What becomes of an event's release (at `releasedAt`, epoch ms) in the RELEASE_RETENTION_MINUTES
 * after it, for the report: only the Kubernetes floor jobs keep it declared (TierSchedule.retained:
 * a job may start late); the AWS scheduled actions and the ESS tasks run once at their instant and
 * are not kept (a new one with a past instant is refused: EC2 Auto Scaling "If you try to schedule
 * your action in the past, Amazon EC2 Auto Scaling returns an error message"; ESS `LaunchTime` a
 * future minute), nor is any other tier's. `oneOffActions` names them as the cloud does
 * (HorizonText.oneOffActions; Defaults to "scheduled actions"). `floorJobs` (Defaults to true):
 * whether the pods' floor jobs are declared; without them only the other tiers' actions are.
 */
export function retainedReleaseText(spec: Pick<StackSpec, "compute">, releasedAt: number, oneOffActions: string = "scheduled actions", floorJobs: boolean = true): string {
    const once = `${oneOffActions} run once at their instant and are not kept (a new one with a past instant is refused)`;
    return spec.compute === "kubernetes" && floorJobs
        ? `the pods' floor jobs keep the release declared until ${utcMinute(releasedAt + RELEASE_RETENTION_MINUTES * MINUTE_MS)}, where it may still start late; the other tiers' ${once}`
        : `its ${once}`;
}

/**
 * The event whose floor holds `event` entirely, so the merged floor timeline (floorTimeline) has no
 * step of `event`'s own and no tier declares an action for it: another event not over at `now`,
 * among those this `pulumi up` declares (`declared`, declarableEvents; Defaults to every event of
 * the stack), whose pre-scale-to-release window contains `event`'s, with at least its audience and
 * streams (every tier's need, tierNeed, grows with them). An event a limit holds back (deferred,
 * unschedulable) declares nothing, so it covers nothing. Of two identical events, the one first by
 * name holds the other. null when none does.
 */
export function coveringEvent(spec: Pick<StackSpec, "scaling" | "events">, event: LiveEvent, now: number, declared: readonly LiveEvent[] = spec.events): LiveEvent | null {
    const w = eventWindow(spec, event.start, event.end);
    if (w === null) return null;
    return (
        declared.find((other) => {
            if (other === event) return false;
            const o = eventWindow(spec, other.start, other.end);
            if (o === null || o.to <= now || o.from > w.from || o.to < w.to || other.peakOnline < event.peakOnline || other.streams < event.streams) return false;
            const same = o.from === w.from && o.to === w.to && other.peakOnline === event.peakOnline && other.streams === event.streams;
            return !same || other.name < event.name;
        }) ?? null
    );
}

/**
 * What a `pulumi up` does to the ends a peak's report names (`until`, HorizonText.declaredUntil):
 * ", each pulumi up extends it" when every end is a date, ", each pulumi up extends the dated ones"
 * when some are long-term ("no end date"), "" when all are (nothing to extend).
 */
export function extension(until: string): string {
    const dated = /until \d{4}-\d{2}-\d{2}/.test(until);
    const longTerm = until.includes("no end date");
    if (!dated) return "";
    return longTerm ? ", each pulumi up extends the dated ones" : ", each pulumi up extends it";
}

/**
 * Whether a stack's pods lift with no floor job: compute kubernetes without a kubectl image
 * (`floorJobs` false: kubectlImage null, kubernetes.kubectlImage unset; only an offline plan gets
 * that far, `pulumi up` refuses the stack first: missingSettings). No job then raises the pods'
 * floors or maxReplicas, none lowers them, and the HPAs carry no asserted bounds (hpaAssertedBounds
 * in components/kubernetes/services.ts). False on other computes.
 */
export function liftsWithoutFloorJobs(spec: Pick<StackSpec, "compute">, floorJobs: boolean): boolean {
    return spec.compute === "kubernetes" && !floorJobs;
}

/**
 * What an edit of the app tier's everyday bounds does while events or peaks are declared, for the
 * plan's note (tools/lib/scaling.ts, boundsNote): the schedules own the bounds of the scaled
 * resource under ignoreChanges (scheduledBoundsIgnoreChanges, hpaIgnoreChanges), so an edited
 * bound reaches it only at the next action that sets it (every release the floor, every action the
 * ceiling). The app group's (compute vm); the HPAs' with the pods' floor jobs (kubernetes; null
 * without them, `floorJobs` false: nothing is scheduled); the ECS services' scalable targets
 * (serverless on Application Auto Scaling); null on SAE (`serverlessScaler` saeRules), whose rules
 * each `pulumi up` rewrites with the edited bounds.
 */
export function scheduledBoundsNote(spec: Pick<StackSpec, "compute">, serverlessScaler: CloudProfile["serverlessScaler"], floorJobs: boolean): string | null {
    const pending = "only at its next scheduled action (a release sets the floor, every action the ceiling), not at this pulumi up";
    if (spec.compute === "vm") return `the scheduled actions own the app group's bounds (ignoreChanges): an edited app.minSize or app.maxSize reaches the running group ${pending}`;
    if (spec.compute === "kubernetes") return floorJobs ? `the floor jobs own the HPAs' minReplicas and maxReplicas (ignoreChanges): an edited kubernetes.services.<name>.minReplicas or maxReplicas reaches the running HPA ${pending.replace("action", "floor job").replace("every action", "every job")}` : null;
    return serverlessScaler === "saeRules" ? null : `the scheduled actions own the ECS services' scalable-target bounds (ignoreChanges): an edited kubernetes.services.<name>.minReplicas or maxReplicas reaches the running service ${pending}`;
}

/** How the report of an event or peak that would lift the pods begins on a stack without floor jobs (liftsWithoutFloorJobs), instead of a pre-scale that never comes. */
export const FLOOR_JOBS_UNDECLARED = "not declared until kubernetes.kubectlImage is set (the pods' floor jobs run kubectl; no floor job is declared without it)";

/**
 * The report of an event inside its raised window (its pre-scale passed or closer than the lead)
 * on a stack without floor jobs (liftsWithoutFloorJobs): not "floor asserted by this pulumi up", as
 * no floor is asserted on the pods' HPAs, but its pre-scale at `preScale` (epoch ms) raising nothing,
 * then `release` (its "release at ..." and what follows it).
 */
export function unassertedWithoutFloorJobs(preScale: number, release: string): string {
    return `${FLOOR_JOBS_UNDECLARED}, and no floor is asserted on the pods' HPAs either (they carry raised bounds only with the floor jobs): its pre-scale at ${utcMinute(preScale)} raises nothing; ${release}`;
}

/**
 * On a Kubernetes stack, the first region whose pod floors for an audience of `online` viewers
 * (podFloors of appTierNeed) exceed its node pools at maxNodesPerZone (podFloorsShortfall),
 * as "<region>: <what is short>"; "" when every region's fit or on other computes.
 */
export function nodeShortfall(spec: Pick<StackSpec, "scaling" | "app" | "regions" | "compute" | "kubernetes">, online: number): string {
    if (spec.compute !== "kubernetes") return "";
    for (const region of spec.regions) {
        const short = podFloorsShortfall(spec, region.zones.length, podFloors(spec, appTierNeed(spec, region, online)));
        if (short !== "") return `${region.name}: ${short}`;
    }
    return "";
}

/** One tier an event raised above its everyday ceiling and still draining from it, for the report. */
export interface RaisedDrain {
    /** The tier, as the report names it ("the app group", "the pods of order", "the SAE application of interaction"). */
    readonly tier: string;
    /** The raised ceiling the drain starts from, in the tier's units. */
    readonly from: number;
    /** The tier's everyday ceiling (maxSize, maxReplicas, maxInstances). */
    readonly maxSize: number;
    /** Seconds from the release to the end of the drain. */
    readonly seconds: number;
    /**
     * True when no scheduled action lowers this tier's raised ceiling at the end of its drain and the
     * next `pulumi up` sets it back (the SAE applications: their rules are Pulumi's resources, so the
     * up after the drain rewrites them); absent: a ceiling lowering (CeilingLowering) does.
     */
    readonly byUp?: boolean;
    /**
     * Seconds from the release to the action that lowers this tier's ceiling, when it is not the
     * tier's own drain: the pods' one lowering job runs at the end of the longest of their services'
     * drains (podsDrain). Defaults to `seconds`.
     */
    readonly lowerAfterSeconds?: number;
    /**
     * The schedule the tier's resources are declared from (`at(now)`: tierSchedule for a `pulumi up`
     * at `now`, the call the components make), whose lowerings (moved off minutes other actions
     * take: separatedLowerings) and actions give the report each lowering's instant, the ceiling in
     * force before it and the one it sets. `ceiling` gives the tier's ceiling from the needs an
     * action holds (the pods of a service: podCeilings of the app floors, the floor jobs following
     * the app group's schedule); absent, the actions' maxSize is the tier's own ceiling (the app
     * group, the transcoders, an ECS service). Absent on tiers no scheduled action lowers (byUp).
     */
    readonly schedule?: { readonly at: (now: number) => TierSchedule; readonly ceiling?: (needs: readonly number[]) => number };
}

/**
 * Seconds from a release to the instant the schedules stop holding a tier's raised ceiling: its
 * lowering (RaisedDrain.lowerAfterSeconds: the pods' one job at the end of the longest of their
 * services' drains, the seconds podsDrain builds the HPAs' hold and lowering job from), else the
 * end of its own drain. Until then the tier's bounds stay with the schedules (drainHold) and its
 * lowering stays declared; after it the up sets the held ceiling itself (drainHasEnded).
 */
export function loweredAfter(d: Pick<RaisedDrain, "seconds" | "lowerAfterSeconds">): number {
    return d.lowerAfterSeconds ?? d.seconds;
}

/**
 * The lowering of `source`'s raised ceiling that the tier's schedule declares at `now`
 * (RaisedDrain.schedule): its instant (epoch ms, after separatedLowerings moved it off a taken
 * minute), the ceiling in force before it (`from`: the ceiling the schedule's last one-off,
 * retained or recurring action before the lowering's own instant sets, an action in a taken minute
 * not counted: it already carries the lowered ceiling or raises it again; else the raised one it
 * lowers, CeilingLowering.from), the ceiling it sets (`to`) and whether a recurring action's one
 * ceiling is above it (`reraised`: the action sets the raised ceiling again when it runs). Ceilings are the tier's own
 * (RaisedDrain.schedule.ceiling of the needs an action holds, else its maxSize). null when the
 * schedule declares none (it is over or beyond the horizon) or the tier has no schedule.
 */
export function declaredLowering(d: Pick<RaisedDrain, "schedule">, source: string, now: number): { at: number; from: number; to: number; reraised: boolean } | null {
    if (d.schedule === undefined) return null;
    const schedule = d.schedule.at(now);
    const lowering = schedule.lowerings?.find((l) => l.source === source);
    if (lowering === undefined) return null;
    const at = Date.parse(lowering.at);
    const own = d.schedule.ceiling;
    const needs = schedule.needs;
    const ceilingOf = (maxSize: number, held: () => readonly number[]): number => (own === undefined || needs === undefined ? maxSize : own(held()));
    // The instant the lowering is due, before separatedLowerings moved it off a taken minute.
    const due = Math.min(at, needs?.spans.find((r) => r.source === source)?.until ?? at);
    const before = [
        ...[...schedule.oneOff, ...(schedule.retained ?? [])].map((o) => ({ t: Date.parse(o.at), ceiling: () => ceilingOf(o.maxSize, () => [o.minSize, ...(needs === undefined ? [] : heldNeedsAt(needs, Date.parse(o.at)))]) })),
        ...schedule.recurring.flatMap((a) => occurrences(a, now, due).map((t) => ({ t, ceiling: () => ceilingOf(a.maxSize, () => [a.minSize, ...(needs?.recurring ?? [])]) }))),
        ...(schedule.lowerings ?? []).map((l) => ({ t: Date.parse(l.at), ceiling: () => ceilingOf(l.maxSize, () => l.heldNeeds) })),
    ]
        .filter((a) => a.t < due)
        .sort((a, b) => b.t - a.t)[0];
    const raised = needs?.spans.find((r) => r.source === source);
    const from = before?.ceiling() ?? (own === undefined || raised === undefined ? lowering.from : own([raised.need]));
    const to = ceilingOf(lowering.maxSize, () => lowering.heldNeeds);
    // A recurring action whose one ceiling holds more than the lowering sets raises it again when it runs.
    const reraised = schedule.recurring.some((a) => ceilingOf(a.maxSize, () => [a.minSize, ...(needs?.recurring ?? [])]) > to);
    return { at, from, to, reraised };
}

/**
 * Who sets the bounds of the tiers still draining from a released event's raised ceilings at `now`
 * (`tiers`, pastEventHold), for the report: the schedules, while the tier's schedule asserts nothing
 * ("its bounds stay with the schedules until then"); this `pulumi up` itself, when another event's
 * floors are asserted on the tier (TierSchedule.asserted: an event in progress or in its lead),
 * Pulumi then sending the bounds, with the raised ceiling kept ("this pulumi up sets its bounds
 * itself (eve2's floors, the raised ceiling kept)"). A tier without a schedule stays with the
 * schedules.
 */
export function heldBoundsText(tiers: readonly Pick<RaisedDrain, "tier" | "schedule">[], now: number): string {
    const by = tiers.map((d) => ({ tier: d.tier, source: d.schedule?.at(now).asserted?.source ?? null }));
    const schedules = by.filter((b) => b.source === null);
    const up = by.filter((b) => b.source !== null);
    const sources = [...new Set(up.map((b) => b.source))].join(", ");
    if (up.length === 0) return `${tiers.length === 1 ? "its" : "their"} bounds stay with the schedules until then`;
    const set = `this pulumi up sets ${schedules.length === 0 ? (tiers.length === 1 ? "its" : "their") : `those of ${up.map((b) => b.tier).join(", ")}`} bounds itself (${sources}'s floors, the raised ceiling kept)`;
    return schedules.length === 0 ? set : `the bounds of ${schedules.map((b) => b.tier).join(", ")} stay with the schedules until then; ${set}`;
}

/**
 * Which bounds this `pulumi up` sets on the scaled resources in the retention of `released`'s
 * release (RELEASE_RETENTION_MINUTES), for the report: the released bounds, unless another event's
 * floors are asserted on a tier it raised (TierSchedule.asserted: that event in progress or its
 * pre-scale closer than the lead), the up then sending that event's floors with the raised ceiling
 * kept ("this pulumi up sets eve2's floors on the scaled resources itself, the raised ceiling of
 * sale kept"). `tiers` are the tiers `released` raised (eventDrains); one without a schedule counts
 * as released.
 */
export function retainedBoundsText(released: string, tiers: readonly Pick<RaisedDrain, "tier" | "schedule">[], now: number): string {
    const other = tiers.flatMap((d) => {
        const source = d.schedule?.at(now).asserted?.source;
        return source === undefined || source === released ? [] : [{ tier: d.tier, source }];
    });
    const base = "this pulumi up sets the released bounds on the scaled resources itself";
    if (other.length === 0) return base;
    const sources = [...new Set(other.map((b) => b.source))].join(", ");
    const floors = `${sources}'s floors`;
    return other.length === tiers.length
        ? `this pulumi up sets ${floors} on the scaled resources itself, the raised ceiling of ${released} kept`
        : `${base}, and ${floors} on ${other.map((b) => b.tier).join(", ")} (the raised ceiling of ${released} kept)`;
}

/** What a tier's need reads of an event or peak: its audience and its broadcasts. */
export type Audience = Pick<LiveEvent, "peakOnline" | "streams">;

/**
 * The ceilings, per tier (as RaisedDrain names it), that the events and peaks other than `past`
 * still hold at `now` (`drains`: the raised ceiling each needs, eventDrains): every recurring peak,
 * every other event not yet released whose pre-scale is within `horizon` (declared now), and every
 * other released event whose tier still drains (pastEventHold). A past event's raised ceiling is
 * lowered only below the largest of these (the up asserts what they hold: tierSchedule). `declaredAt`
 * (Defaults to `now`) is the `pulumi up` whose horizon tells the events declared: a later `now` asks
 * what they hold at a drain's end (ceilingLowerings). `openOnly` (Defaults to false) counts only the
 * events open at `now` (pre-scaled, not released), as a lowering action holds them (heldNeedsAt):
 * a later event's actions carry its own ceiling.
 */
export function heldCeilings(
    spec: Pick<StackSpec, "scaling" | "events" | "peaks">,
    past: LiveEvent,
    now: number,
    horizon: ScheduleHorizon | null,
    drains: (audience: Audience) => readonly RaisedDrain[],
    declaredAt: number = now,
    openOnly: boolean = false,
): Map<string, number> {
    const held = new Map<string, number>();
    const hold = (d: RaisedDrain): void => {
        held.set(d.tier, Math.max(held.get(d.tier) ?? 0, d.from));
    };
    for (const peak of spec.peaks) drains(peak).forEach(hold);
    for (const other of spec.events) {
        const w = other === past ? null : eventWindow(spec, other.start, other.end);
        if (w === null) continue;
        if (w.to > now) {
            if (w.from <= (openOnly ? now : horizonEnd(declaredAt, horizon))) drains(other).forEach(hold);
        } else {
            drains(other)
                .filter((d) => w.to + loweredAfter(d) * 1000 > now)
                .forEach(hold);
        }
    }
    return held;
}

/**
 * The tiers still draining at `now` from the ceilings a past `event` released at `releasedAt`
 * (epoch ms) raised (`drains`, every tier the stack runs: eventDrains), and the instant the last
 * one ends; null when none still drains.
 */
export function pastEventHold(event: LiveEvent, releasedAt: number, now: number, drains: (event: Audience) => readonly RaisedDrain[]): { tiers: RaisedDrain[]; until: number } | null {
    const tiers = drains(event).filter((d) => !drainHasEnded(releasedAt + loweredAfter(d) * 1000, now));
    if (tiers.length === 0) return null;
    return { tiers, until: releasedAt + Math.max(...tiers.map(loweredAfter)) * 1000 };
}

/**
 * The end of a recurring schedule on a cloud that schedules recurring tasks in UTC with a bounded
 * end (Alibaba Cloud ESS: cron in UTC, RecurrenceEndTime within the horizon): the horizon, or the
 * zone's next daylight-saving change, whichever is first (the UTC cron is right only until then).
 * null on clouds without a horizon, which read recurrences in the zone itself without an end (AWS
 * `TimeZone`).
 */
export function recurringUntil(horizon: ScheduleHorizon | null, timeZone: string, now: number): number | null {
    if (horizon === null) return null;
    const limit = horizonLimit(horizon, now);
    const change = nextOffsetChange(now, limit, timeZone);
    return change === null ? limit : Math.max(now + MINUTE_MS, change - MINUTE_MS);
}

/** The last instant a recurrence declared at `now` may run to under `horizon`: whole UTC days, a day short of it, so the end moves once a day rather than on every run. */
export function horizonLimit(horizon: ScheduleHorizon, now: number): number {
    return Math.floor((now + horizon.days * DAY_MS) / DAY_MS) * DAY_MS - DAY_MS;
}

/**
 * A recurring action as a UTC cron expression valid at `at` (the zone's offset then): minute, hour
 * and days of week shifted from local time to UTC. Fields: minute hour day-of-month month
 * day-of-week, days 0-6 from Sunday.
 */
export function utcCron(action: Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">, at: number): string {
    const utc = action.minuteOfDay - zoneOffsetMinutes(at, action.timeZone);
    const shift = Math.floor(utc / MINUTES_PER_DAY);
    const minute = ((utc % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
    const days = [...new Set(action.days.map((d) => (((d + shift) % 7) + 7) % 7))].sort((a, b) => a - b);
    return `${minute % 60} ${Math.floor(minute / 60)} * * ${days.length === 7 ? "*" : days.join(",")}`;
}

/** The same action as a cron expression in its own zone (for clouds that take an IANA zone). */
export function localCron(action: Pick<RecurringAction, "minuteOfDay" | "days">): string {
    return `${action.minuteOfDay % 60} ${Math.floor(action.minuteOfDay / 60)} * * ${action.days.length === 7 ? "*" : action.days.join(",")}`;
}

/** The first instant at or after `from` at which a recurring action runs (searching a horizon of 8 days). */
export function nextOccurrence(action: Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">, from: number): number {
    const found = occurrences(action, from, from + 8 * DAY_MS)[0];
    if (found === undefined) throw new RangeError(`recurring action runs on no day: ${JSON.stringify(action.days)}`);
    return found;
}

/** A recurring action as an ESS scheduled task takes it: a UTC cron, a first launch and an end. */
export interface UtcRecurrence {
    /** Cron in UTC: minute hour day-of-month month day-of-week. */
    readonly cron: string;
    /** First run, YYYY-MM-DDThh:mm:00Z, at or after steadyStart(now) (SCHEDULE_MIN_LEAD_MINUTES after `now`). */
    readonly launchAt: string;
    /** YYYY-MM-DDThh:mm:00Z: the horizon or the zone's next daylight-saving change. */
    readonly endAt: string;
}

/**
 * A recurring action for a cloud that takes recurrences in UTC with a bounded end (Alibaba Cloud
 * ESS: "RecurrenceType Cron: a cron expression which is written in UTC"; RecurrenceEndTime within
 * the horizon). The declared stretch is the span of one UTC offset that holds the action's next run
 * at or after steadyStart(now): its cron is that offset's, it launches at that run and it ends
 * at the zone's first offset change after that run (a minute before it) or at the horizon of `now`
 * (recurringUntil), whichever is first. So when a daylight-saving change falls between the `pulumi
 * up` and the next run, the new offset's span is declared (never the old offset's cron with an end
 * before its launch); the spans after it are utcRecurrences'. `horizon` null (no bounded end): a
 * year from the next run.
 */
export function utcRecurrence(horizon: ScheduleHorizon | null, action: RecurringAction, now: number): UtcRecurrence {
    return utcRecurrenceFrom(horizon, action, now, steadyStart(now));
}

/** The offset span of `action` whose first run is the first at or after `from`, declared at `now` (utcRecurrence). */
function utcRecurrenceFrom(horizon: ScheduleHorizon | null, action: RecurringAction, now: number, from: number): UtcRecurrence {
    const first = nextOccurrence(action, from);
    const limit = horizon === null ? first + 365 * DAY_MS : horizonLimit(horizon, now);
    const change = nextOffsetChange(first, Math.max(first, limit), action.timeZone);
    const until = change === null ? Math.max(first, limit) : Math.max(first, change - MINUTE_MS);
    return { cron: utcCron(action, first), launchAt: utcMinute(first), endAt: utcMinute(until) };
}

/**
 * Every offset span of a recurring action a `pulumi up` at `now` declares under `horizon`: the span
 * of its next run (utcRecurrence), then the span after each of the zone's offset changes whose first
 * run is still within the horizon, each with its own cron, launch and end. So the action keeps
 * running across a daylight-saving change without a `pulumi up` in between (one ESS task per span).
 */
export function utcRecurrences(horizon: ScheduleHorizon | null, action: RecurringAction, now: number): UtcRecurrence[] {
    const spans = [utcRecurrence(horizon, action, now)];
    const limit = horizon === null ? null : horizonLimit(horizon, now);
    for (;;) {
        const last = spans[spans.length - 1];
        const after = Date.parse(last.endAt) + MINUTE_MS;
        if (limit === null || after > limit) return spans;
        const next = utcRecurrenceFrom(horizon, action, now, after);
        if (Date.parse(next.launchAt) > limit) return spans;
        spans.push(next);
    }
}

const CRON_DAY_NAMES = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;

/**
 * A recurring action in Application Auto Scaling's cron: six fields, minutes hours day-of-month
 * month day-of-week year, one of the two day fields `?` ("30 6 ? * MON *" recurs every Monday at
 * 6:30; Application Auto Scaling user guide, scheduled scaling using cron expressions), read in the
 * action's IANA zone (`timezone`).
 */
export function applicationAutoScalingCron(action: Pick<RecurringAction, "minuteOfDay" | "days">): string {
    const [m, h] = [action.minuteOfDay % 60, Math.floor(action.minuteOfDay / 60)];
    return action.days.length === 7 ? `cron(${m} ${h} * * ? *)` : `cron(${m} ${h} ? * ${action.days.map((d) => CRON_DAY_NAMES[d]).join(",")} *)`;
}

/** A one-off action as Application Auto Scaling's `at(yyyy-mm-ddThh:mm:ss)`, read in UTC (timezone unset). */
export function applicationAutoScalingAt(at: string): string {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})Z$/.exec(at);
    if (m === null) throw new RangeError(`not a UTC instant: ${at}`);
    return `at(${m[1]})`;
}
