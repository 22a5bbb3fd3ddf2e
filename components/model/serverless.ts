// Elasticity of the serverless tier, shared by SAE (Alibaba Cloud) and ECS on Fargate (AWS):
// timed capacity for planned events and recurring peaks, and the metric rules of the seed.
// Pure: the components translate these plans into each cloud's resources.

import { ServerlessUnitPlan } from "./compute";
import { EventLimit, OneOffAction, RecurringAction, TierSchedule, declarableEvents, nextOccurrence, occurrences, recurringActions, tierSchedule } from "./schedule";
import { DAY_MS, localDateTime, weekday } from "./timezone";
import { LiveEvent, RegionSpec, ServerlessCapacity, StackSpec } from "./types";
import { surgeNeed } from "./scaling";

/**
 * Timed capacity of one serverless unit in a region: the timetable of the stack's events and
 * recurring peaks (tierSchedule, tier `serverlessUnit`) within the unit's own floor and ceiling.
 * Releases restore the bounds only: capacity then drains by the metric rules, never by a jump.
 */
export function unitSchedule(spec: StackSpec, region: RegionSpec, unit: ServerlessUnitPlan, now: number): TierSchedule {
    return tierSchedule(spec, region, "serverlessUnit", { minSize: unit.minInstances, maxSize: unit.maxInstances, zones: region.zones.length }, now);
}

/** Date (YYYY-MM-DD) and time (HH:MM) of an instant (epoch ms) in a time zone. */
export function localStamp(ms: number, timeZone: string): { readonly date: string; readonly time: string } {
    const t = localDateTime(ms, timeZone);
    const pad = (n: number): string => String(n).padStart(2, "0");
    return { date: `${t.year}-${pad(t.month)}-${pad(t.day)}`, time: `${pad(t.hour)}:${pad(t.minute)}` };
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

/** One SAE timer: the period and its trigger points (`atTime` HH:MM in the application's zone). */
export interface SaeTimer {
    readonly period: string;
    readonly schedules: readonly { readonly atTime: string; readonly minReplicas: number; readonly maxReplicas: number }[];
}

/**
 * The recurring actions as SAE timers in `timeZone` (the applications' zone, GMT+8 for SAE timers):
 * each action runs at its local time on its days in its own zone; over the week after `now` those
 * instants fall on some days at one time in `timeZone` (the day moves when the zones' dates differ).
 * Actions with the same days share one timer (one rule per period); timers keep first-seen order,
 * schedules are sorted by time.
 */
export function saeTimers(recurring: readonly RecurringAction[], timeZone: string, now: number): SaeTimer[] {
    const timers = new Map<string, { atTime: string; minReplicas: number; maxReplicas: number }[]>();
    for (const action of recurring) {
        const first = nextOccurrence(action, now);
        const week = occurrences(action, first, first + 7 * DAY_MS);
        const days = week.map((t) => {
            const l = localDateTime(t, timeZone);
            return weekday(l.year, l.month, l.day);
        });
        const period = saePeriod(days);
        timers.set(period, [...(timers.get(period) ?? []), { atTime: localStamp(first, timeZone).time, minReplicas: action.minSize, maxReplicas: action.maxSize }]);
    }
    return [...timers].map(([period, schedules]) => ({ period, schedules: [...schedules].sort((a, b) => a.atTime.localeCompare(b.atTime)) }));
}

/** SAE's limit on scaling rules per application (CreateApplicationScalingRule: "You can create up to five auto scaling policies for one application"). */
export const SAE_MAX_SCALING_RULES = 5;
/** Trigger points a day of one timer (CreateApplicationScalingRule: "You can create up to 20 trigger points within one day in a scheduled auto scaling policy"). */
export const SAE_MAX_TRIGGER_POINTS = 20;

/**
 * The SAE timers the stack's recurring peaks need at most in one application (saeTimers of every
 * peak, as if each lifted the service): one scaling rule per timer.
 */
export function saePeakTimers(spec: Pick<StackSpec, "peaks" | "scaling">, now: number): SaeTimer[] {
    const bounds = { minSize: 1, maxSize: 2, zones: 1 };
    return saeTimers(
        spec.peaks.flatMap((peak) => recurringActions(spec, peak, 2, bounds)),
        SAE_TIME_ZONE,
        now,
    );
}

/**
 * How many events the SAE applications may take at once: SAE_MAX_SCALING_RULES rules per
 * application less the rules of the peaks' timers (at least one rule, the metric one). One rule per
 * declared event; the earliest events are declared, the others wait for a later `pulumi up` (once
 * earlier ones have passed). Alibaba Cloud's profile applies it to serverless stacks (eventLimit).
 */
export function saeEventLimit(spec: Pick<StackSpec, "peaks" | "scaling">, now: number): EventLimit {
    const count = Math.max(0, SAE_MAX_SCALING_RULES - Math.max(1, saePeakTimers(spec, now).length));
    return { count, why: `SAE takes at most ${SAE_MAX_SCALING_RULES} scaling rules per application (CreateApplicationScalingRule), ${count} left for events after the peaks' rules` };
}

/** The events the SAE applications declare now: the declarable ones (declarableEvents) within saeEventLimit. */
export function saeDeclaredEvents(spec: Pick<StackSpec, "cloud" | "compute" | "peaks" | "scaling" | "events">, now: number): LiveEvent[] {
    return declarableEvents(spec, now).slice(0, saeEventLimit(spec, now).count);
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
 * resource_alicloud_polardb_cluster.go, `d.HasChange("hot_replica_mode")`). PolarDB, "Failover
 * with hot replica": hot replica read-only nodes speed up failover and "implement transaction
 * status preservation", PolarProxy keeping connections and transactions across the switchover.
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
}

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
    };
}
