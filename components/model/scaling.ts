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
    /** out: percent of the current size to add; in: instances to remove. */
    readonly adjustment: { readonly kind: "percentChange" | "countChange"; readonly value: number };
    /** Minimum instances one step adds (so a small group still grows fast). */
    readonly minAdjustmentMagnitude: number;
    readonly periodSeconds: number;
    readonly evaluationPeriods: number;
    readonly cooldownSeconds: number;
}

/** Scale-in waits this many times longer than scale-out before acting: adding is urgent, removing is not. */
export const SCALE_IN_PATIENCE = 10;

/**
 * The two scaling actions of the requirements: scale out when connections > 5,000 OR CPU > 70%;
 * scale in only when connections < 1,000 AND CPU < 30%, sustained, one instance at a time.
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
        },
        in: {
            direction: "in",
            combine: "all",
            conditions: [
                { metric: "connectionsPerInstance", comparison: "lessThan", threshold: s.scaleIn.connectionsPerInstance },
                { metric: "cpuPercent", comparison: "lessThan", threshold: s.scaleIn.cpuPercent },
            ],
            adjustment: { kind: "countChange", value: -s.scaleInStep },
            minAdjustmentMagnitude: s.scaleInStep,
            periodSeconds: s.evaluationPeriodSeconds,
            evaluationPeriods: s.evaluationPeriods * SCALE_IN_PATIENCE,
            cooldownSeconds: s.cooldownSeconds * 5,
        },
    };
}

/**
 * Share of the scale-out connection threshold planned capacity is sized for, so that an audience
 * exactly as large as expected does not immediately trigger metric scale-out.
 */
export const PLANNED_UTILISATION = 0.8;

/** Rounds up to a multiple of `step` (instances spread evenly over zones). */
export function roundUpTo(value: number, step: number): number {
    return Math.ceil(value / step) * step;
}

/**
 * Instances needed in one region for `online` concurrent viewers, each holding one long-lived
 * connection: online / (scale-out connections x planned utilisation), rounded up to whole zones,
 * never below the group's minimum.
 */
export function instancesForOnline(spec: StackSpec, region: RegionSpec, online: number): number {
    const perInstance = spec.scaling.scaleOut.connectionsPerInstance * PLANNED_UTILISATION;
    const needed = Math.ceil(online / perInstance);
    return Math.max(spec.app.minSize, roundUpTo(needed, Math.max(1, region.zones.length)));
}
