// Elasticity of the serverless tier, shared by SAE (Alibaba Cloud) and ECS on Fargate (AWS):
// timed capacity for planned events and recurring peaks, and the metric rules of the seed.
// Pure: the components translate these plans into each cloud's resources.

import { ServerlessUnitPlan } from "./compute";
import { OneOffAction, RecurringAction, TierSchedule, nextOccurrence, tierSchedule } from "./schedule";
import { localDateTime } from "./timezone";
import { RegionSpec, ServerlessCapacity, StackSpec } from "./types";

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

/** A daily recurring action's time of day in `timeZone`, at its next occurrence after `now`. */
export function recurringLocalTime(action: Pick<RecurringAction, "minuteOfDay" | "days" | "timeZone">, timeZone: string, now: number): string {
    return localStamp(nextOccurrence(action, now), timeZone).time;
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

export function saeMetricPlan(spec: Pick<StackSpec, "scaling">, unit: ServerlessUnitPlan): SaeMetricPlan {
    const s = spec.scaling;
    return {
        cpuPercent: s.scaleOut.cpuPercent,
        tcpActiveConnections: s.scaleOut.connectionsPerInstance,
        // One step adds scaleOutStepPercent of the floor (100%: doubles it), at least two instances.
        scaleUp: { step: Math.max(2, Math.ceil((unit.minInstances * s.scaleOutStepPercent) / 100)), stabilizationWindowSeconds: 0 },
        scaleDown: {
            step: s.scaleInStep,
            stabilizationWindowSeconds: Math.min(SAE_MAX_STABILIZATION_SECONDS, Math.max(SAE_MIN_SCALE_IN_STABILIZATION_SECONDS, s.releaseAfterMinutes * 60)),
        },
    };
}

/** The SAE timer period of the blueprint's timed rules: every day (checkSaePeaks keeps peaks daily on SAE). */
export const SAE_DAILY_PERIOD = "* * *";

/**
 * PolarDB Serverless layout, in the provider's argument names (alicloud_polardb_cluster, provider v1.294): the serverless node class
 * of the Enterprise edition (`db_node_class` "polar.mysql.sl.small"), AgileServerless (1-32 PCU per
 * node), and read-only nodes between `scale_ro_num_min` and `scale_ro_num_max` (0-15 for
 * AgileServerless). At least one read-only node always runs: the cluster endpoint splits reads to
 * it and a failover promotes it (the serverless counterpart of a standby node). The CPU thresholds
 * of the seed drive the node's own scaling: `serverless_rule_cpu_enlarge_threshold` (40-100) at
 * scaleOut.cpuPercent and `serverless_rule_cpu_shrink_threshold` (10-100, at least 30 below) at
 * scaleIn.cpuPercent.
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
}

export const POLARDB_SERVERLESS_NODE_CLASS = "polar.mysql.sl.small";
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
    };
}
