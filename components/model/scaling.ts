// Elastic scaling decisions shared by both clouds: the metric rules, capacity for an expected
// audience, and the scheduled actions of planned live events.

import { RegionSpec, StackSpec } from "./types";

export const SCALING_METRICS = ["connectionsPerInstance", "cpuPercent"] as const;
/** connectionsPerInstance: a custom metric the app publishes (open WebSocket/HTTP connections). */
export type ScalingMetric = (typeof SCALING_METRICS)[number];

export interface ScalingCondition {
    readonly metric: ScalingMetric;
    readonly comparison: "greaterThan" | "lessThan";
    readonly threshold: number;
}

export interface ScalingAction {
    readonly direction: "out" | "in";
    /** `any`: one breached condition triggers (scale out); `all`: every condition must hold (scale in). */
    readonly combine: "any" | "all";
    readonly conditions: readonly ScalingCondition[];
    /** Percent of the current size to add (out) or remove (in, negative). */
    readonly adjustment: { readonly kind: "percentChange" | "countChange"; readonly value: number };
    /** Minimum instances one step adds or removes (so a small group still moves). */
    readonly minAdjustmentMagnitude: number;
    readonly periodSeconds: number;
    readonly evaluationPeriods: number;
    readonly cooldownSeconds: number;
    /**
     * Scale out only: larger steps for larger breaches, proportional to the jump. Each band starts
     * at a ratio of the connection metric to its scale-out threshold and adds `percent` of the
     * current capacity in one step; the first band (ratio 1) is `adjustment`. Empty for scale in.
     */
    readonly bands: readonly StepBand[];
}

/** One step of a proportional scale-out: from `fromRatio` x the threshold, add `percent` of the current capacity. */
export interface StepBand {
    readonly fromRatio: number;
    readonly percent: number;
}

/**
 * Steps beyond the first: a breach of r x the threshold needs r x the capacity, so each band adds
 * enough for the top of the band below 8x (2x-4x: +300 %, 4x-8x: +700 %) and 10x from 8x (+900 %):
 * a 10x jump from planned utilisation (8x the threshold) is met in one step. Only the connection
 * metric reaches these ratios (CPU stops at 100 %, 1.4x the 70 % threshold).
 */
export const SURGE_BANDS: readonly StepBand[] = [
    { fromRatio: 2, percent: 300 },
    { fromRatio: 4, percent: 700 },
    { fromRatio: 8, percent: 900 },
];

/** The scale-out bands of a stack: its own first step, then every surge band larger than it. */
export function scaleOutBands(spec: Pick<StackSpec, "scaling">): StepBand[] {
    const first = spec.scaling.scaleOutStepPercent;
    return [{ fromRatio: 1, percent: first }, ...SURGE_BANDS.filter((b) => b.percent > first)];
}

/** One step adjustment of a step scaling rule: the breach interval above the alarm's threshold (`upper` null: no upper bound) and the percent it adds. */
export interface StepInterval {
    readonly lower: number;
    readonly upper: number | null;
    readonly percent: number;
}

/**
 * The step adjustments of a scale-out action's bands (ScalingAction.bands) in the units of the
 * alarm that runs them, `threshold` being the alarm's threshold in those units: band r (from r x the
 * threshold) starts at (r - 1) x threshold above it, ends where the next band starts, the last
 * without an upper bound. One rule for both clouds' step rules: EC2 Auto Scaling and Application Auto
 * Scaling on the breach ratio (threshold 1: "the lower bound for the difference between the alarm
 * threshold and the CloudWatch metric", StepAdjustment reference), ESS StepScalingRule on the
 * connections (threshold scaleOut.connectionsPerInstance).
 */
export function stepIntervals(action: Pick<ScalingAction, "bands">, threshold: number): StepInterval[] {
    return action.bands.map((b, i) => {
        const next = action.bands[i + 1];
        return { lower: (b.fromRatio - 1) * threshold, upper: next === undefined ? null : (next.fromRatio - 1) * threshold, percent: b.percent };
    });
}

/** Scale-in waits this many times longer than scale-out before acting: adding is urgent, removing is not. */
export const SCALE_IN_PATIENCE = 10;
/** Scale-in steps are this many times the scale-out cooldown apart (instances leave at most every 2 minutes). */
export const SCALE_IN_COOLDOWN_FACTOR = 2;

/**
 * The two scaling actions of the requirements: scale out when connections > 5,000 OR CPU > 70%;
 * scale in only when connections < 1,000 AND CPU < 30%, sustained for SCALE_IN_PATIENCE periods,
 * removing scaleInStepPercent of the group (at least scaleInStep instances) per step.
 */
export function scalingActions(spec: Pick<StackSpec, "scaling">): { readonly out: ScalingAction; readonly in: ScalingAction } {
    const s = spec.scaling;
    return {
        out: {
            direction: "out",
            combine: "any",
            conditions: [
                { metric: "connectionsPerInstance", comparison: "greaterThan", threshold: s.scaleOut.connectionsPerInstance },
                { metric: "cpuPercent", comparison: "greaterThan", threshold: s.scaleOut.cpuPercent },
            ],
            adjustment: { kind: "percentChange", value: s.scaleOutStepPercent },
            minAdjustmentMagnitude: 2,
            periodSeconds: s.evaluationPeriodSeconds,
            evaluationPeriods: s.evaluationPeriods,
            cooldownSeconds: s.cooldownSeconds,
            bands: scaleOutBands(spec),
        },
        in: {
            direction: "in",
            combine: "all",
            conditions: [
                { metric: "connectionsPerInstance", comparison: "lessThan", threshold: s.scaleIn.connectionsPerInstance },
                { metric: "cpuPercent", comparison: "lessThan", threshold: s.scaleIn.cpuPercent },
            ],
            adjustment: { kind: "percentChange", value: -s.scaleInStepPercent },
            minAdjustmentMagnitude: s.scaleInStep,
            periodSeconds: s.evaluationPeriodSeconds,
            evaluationPeriods: s.evaluationPeriods * SCALE_IN_PATIENCE,
            cooldownSeconds: s.cooldownSeconds * SCALE_IN_COOLDOWN_FACTOR,
            bands: [],
        },
    };
}

/**
 * Share of the scale-out connection threshold planned capacity is sized for, so that an audience
 * exactly as large as expected does not immediately trigger metric scale-out.
 */
export const PLANNED_UTILISATION = 0.8;

/** The unplanned jump the time-to-peak simulation replays: 10x the everyday load (requirements: peaks are 10x-100x). */
export const SURGE_FACTOR = 10;

/** Instances (or pods) a `factor` jump needs from a floor running at PLANNED_UTILISATION of the threshold. */
export function surgeNeed(floor: number, factor: number = SURGE_FACTOR): number {
    return Math.ceil(factor * floor * PLANNED_UTILISATION - 1e-9);
}

/** Rounds up to a multiple of `step` (instances spread evenly over zones). */
export function roundUpTo(value: number, step: number): number {
    return Math.ceil(value / step) * step;
}

/**
 * App instances `online` concurrent viewers need in one region, each viewer holding one long-lived
 * connection: online / (scale-out connections x planned utilisation), rounded up to whole zones,
 * with no floor (0 for no viewers). The unit every app tier is sized in: the app group's instances
 * (instancesForOnline adds its minimum), the connection-holding pods or serverless instances one
 * per app instance (serviceFloor).
 */
export function connectionInstances(spec: Pick<StackSpec, "scaling">, region: Pick<RegionSpec, "zones">, online: number): number {
    const perInstance = spec.scaling.scaleOut.connectionsPerInstance * PLANNED_UTILISATION;
    return roundUpTo(Math.ceil(online / perInstance), Math.max(1, region.zones.length));
}

/**
 * Instances the app group needs in one region for `online` concurrent viewers: connectionInstances,
 * never below the group's minimum (app.minSize).
 */
export function instancesForOnline(spec: Pick<StackSpec, "scaling" | "app">, region: Pick<RegionSpec, "zones">, online: number): number {
    return Math.max(spec.app.minSize, connectionInstances(spec, region, online));
}

/**
 * The floor of one service (a Kubernetes Deployment's minReplicas, a serverless service's
 * instances) for an audience that needs `appNeed` app instances (connectionInstances: not clamped
 * at app.minSize), one rule for pods and serverless services:
 * - the service that holds the viewers' connections (`holdsConnections`: interaction) carries them
 *   at the same planned utilisation as an app instance (scaleOut.connectionsPerInstance x
 *   PLANNED_UTILISATION), so it needs `appNeed` itself (one pod or instance per app instance),
 *   whether or not the app group would be lifted: 20,000 viewers over three zones need 6
 *   interaction pods at 5,000 connections each, where the app group's everyday floor of 6 already
 *   holds them but interaction's own minReplicas of 3 does not;
 * - a CPU-bound service (user, product, order) keeps its `minReplicas` while `appNeed` is within the
 *   everyday app floor (app.minSize) and above it grows in proportion (minReplicas x appNeed /
 *   app.minSize, rounded up).
 * Rounded up to whole `zones`; never below `minReplicas`. Not clamped to a ceiling: the caller
 * raises its ceiling or reports the excess.
 */
export function serviceFloor(spec: Pick<StackSpec, "app">, service: { readonly minReplicas: number; readonly holdsConnections: boolean }, appNeed: number, zones: number): number {
    if (!service.holdsConnections && appNeed <= spec.app.minSize) return service.minReplicas;
    const need = service.holdsConnections ? appNeed : Math.ceil((service.minReplicas * appNeed) / spec.app.minSize - 1e-9);
    return Math.max(service.minReplicas, roundUpTo(need, Math.max(1, zones)));
}

/**
 * Room the metric rules keep above a scheduled floor: the ceiling is at least this many times the
 * floor. The requirements combine the two ("Both planned peaks (scheduled live events: pre-scale on
 * a timetable) and unplanned peaks (metric-driven scaling) must be handled; the two are combined",
 * ../shared/REQUIREMENTS.md, Traffic shape), and a live event's audience is a forecast the hottest
 * moments exceed (a top host going live, a flash sale inside the event); a ceiling equal to the
 * forecast floor would leave the OR scale-out rule nothing to add. One doubling above the forecast
 * is the project's rule: with the floor sized at PLANNED_UTILISATION of the threshold, the ceiling
 * holds 2.5 times the threshold load the forecast expects at the threshold.
 */
export const SCHEDULED_HEADROOM_FACTOR = 2;

/** The largest ceiling a schedule sets: the largest app.maxSize the config accepts (schema: an integer from 1 to 1000). */
export const MAX_SCHEDULED_CEILING = 1000;

/** The ceiling a scheduled floor of `need` asks for: SCHEDULED_HEADROOM_FACTOR x need, at most `limit` (Defaults to MAX_SCHEDULED_CEILING) but never below the need. */
export function ceilingAbove(need: number, limit: number = MAX_SCHEDULED_CEILING): number {
    return Math.max(need, Math.min(limit, need * SCHEDULED_HEADROOM_FACTOR));
}
