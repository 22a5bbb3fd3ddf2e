// Time to peak and time to drain: a pure, minute-by-minute simulation of the app group's scaling
// configuration (detection, boot, health check, steps, cooldown, limits). Nothing is measured here:
// every input is a value the plan sets, so a change of configuration changes the figures.

import { HEALTH_CHECK } from "./loadbalancer";
import { PLANNED_UTILISATION, ScalingAction, StepBand, scalingActions } from "./scaling";
import { CloudProfile } from "./profile";
import { StackSpec, Stage } from "./types";

/** The peak must be served within this many minutes of a stream's start (requirements). */
export const PEAK_DEADLINE_MINUTES = 5;
/** The unplanned jump the simulation replays: 10x the everyday load (requirements: peaks are 10x-100x). */
export const SURGE_FACTOR = 10;
/** Simulated time limit: a configuration that has not reached the peak after an hour never will. */
const LIMIT_SECONDS = 3600;

export const SCENARIOS = ["unplanned10x", "plannedEvent"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** What the simulation reads from one region's app group. */
export interface GroupScaling {
    readonly minSize: number;
    readonly maxSize: number;
    /** Seconds from a breach to the alarm firing: evaluation period x periods. */
    readonly detectionSeconds: number;
    /** Seconds between two alarm evaluations (the period). */
    readonly periodSeconds: number;
    /** Seconds from a launch to serving: boot and app start (the health-check grace) + load balancer healthy checks. */
    readonly readySeconds: number;
    /** Seconds a scale-out rule waits after it ran (0 on AWS step scaling, which uses warm-up instead). */
    readonly scaleOutCooldownSeconds: number;
    readonly bands: readonly StepBand[];
    readonly minAdjustmentMagnitude: number;
    readonly scaleIn: { readonly detectionSeconds: number; readonly intervalSeconds: number; readonly percent: number; readonly minStep: number };
    /** Seconds between a planned event's pre-scale and its start. */
    readonly plannedLeadSeconds: number;
}

/**
 * The scaling configuration of a region's app group as the clouds run it. AWS step scaling has no
 * cooldown ("Amazon EC2 Auto Scaling doesn't support cooldowns for step scaling policies"; instances
 * warming up count toward the current capacity instead), and its scale-in alarm acts every period;
 * an ESS simple rule waits its cooldown after each execution.
 */
export function groupScaling(spec: StackSpec, profile: Pick<CloudProfile, "stepScalingCooldown">): GroupScaling {
    const { out, in: inward } = scalingActions(spec);
    const stepSeconds = (a: ScalingAction): number => a.periodSeconds * a.evaluationPeriods;
    return {
        minSize: spec.app.minSize,
        maxSize: spec.app.maxSize,
        detectionSeconds: stepSeconds(out),
        periodSeconds: out.periodSeconds,
        readySeconds: spec.app.healthCheckGracePeriodSeconds + HEALTH_CHECK.healthyThreshold * HEALTH_CHECK.intervalSeconds,
        scaleOutCooldownSeconds: profile.stepScalingCooldown ? out.cooldownSeconds : 0,
        bands: out.bands,
        minAdjustmentMagnitude: out.minAdjustmentMagnitude,
        scaleIn: {
            detectionSeconds: stepSeconds(inward),
            intervalSeconds: profile.stepScalingCooldown ? Math.max(inward.periodSeconds, inward.cooldownSeconds) : inward.periodSeconds,
            percent: -inward.adjustment.value,
            minStep: inward.minAdjustmentMagnitude,
        },
        plannedLeadSeconds: spec.scaling.preScaleMinutes * 60,
    };
}

/**
 * Instances a percent step changes, rounded as EC2 Auto Scaling documents for
 * PercentChangeInCapacity: magnitudes above 1 round toward zero, below 1 to 1; never less than
 * the minimum magnitude.
 */
export function percentStep(capacity: number, percent: number, minMagnitude: number): number {
    const raw = (capacity * Math.abs(percent)) / 100;
    return Math.max(minMagnitude, raw < 1 ? 1 : Math.floor(raw));
}

/** The band a breach of `ratio` x the threshold falls in (null below the first band). */
export function bandFor(bands: readonly StepBand[], ratio: number): StepBand | null {
    return [...bands].reverse().find((b) => ratio >= b.fromRatio) ?? null;
}

export interface PeakResult {
    /** Seconds until the group serves the peak below the scale-out threshold; null when it never does. */
    readonly seconds: number | null;
    /** Instances the peak needs, and the most the group reached. */
    readonly needed: number;
    readonly reached: number;
}

/**
 * An unplanned jump: at t = 0 the load goes from the floor at planned utilisation to `factor` x
 * that. Every period after detection the alarm reads connections per serving instance; a breach
 * of r x the threshold runs the band of r. While launched instances are still warming up, a breach
 * adds capacity only when it reaches a higher band than the last step (EC2 Auto Scaling step
 * scaling: warming instances count toward the current capacity, so the same step is not applied
 * twice), computed from the serving capacity; otherwise the step adds its percent of the group.
 * The same rule is applied to ESS, which only runs a rule again after its cooldown. Reached when
 * serving capacity carries the load at or below the threshold.
 */
export function simulateJump(g: GroupScaling, factor: number = SURGE_FACTOR): PeakResult {
    const load = factor * g.minSize * PLANNED_UTILISATION; // in units of one instance at the threshold
    const needed = Math.ceil(load - 1e-9);
    let serving = g.minSize;
    let desired = g.minSize;
    const pending: { ready: number; count: number }[] = [];
    let cooldownUntil = 0;
    let lastBand = -1;
    for (let t = g.detectionSeconds; t <= LIMIT_SECONDS; t += g.periodSeconds) {
        for (const p of pending.filter((x) => x.ready <= t).sort((a, b) => a.ready - b.ready)) {
            serving += p.count;
            if (serving >= needed) return { seconds: p.ready, needed, reached: serving };
        }
        pending.splice(0, pending.length, ...pending.filter((x) => x.ready > t));
        const band = bandFor(g.bands, load / serving);
        const index = band === null ? -1 : g.bands.indexOf(band);
        const warming = pending.length > 0;
        if (band !== null && t >= cooldownUntil && desired < g.maxSize && (!warming || index > lastBand)) {
            const base = warming ? serving : desired;
            const target = Math.min(g.maxSize, base + percentStep(base, band.percent, g.minAdjustmentMagnitude));
            if (target > desired) {
                pending.push({ ready: t + g.readySeconds, count: target - desired });
                desired = target;
                lastBand = index;
                cooldownUntil = t + g.scaleOutCooldownSeconds;
            }
        }
        if (!warming && pending.length === 0) lastBand = -1;
        if (pending.length === 0 && desired >= g.maxSize && serving < needed) return { seconds: null, needed, reached: serving };
    }
    return { seconds: null, needed, reached: serving };
}

/** A planned event: the floor is raised `plannedLeadSeconds` before the start; capacity serves after one launch. */
export function simulatePlanned(g: GroupScaling): { seconds: number; beforeStart: boolean } {
    return { seconds: g.readySeconds, beforeStart: g.readySeconds <= g.plannedLeadSeconds };
}

/**
 * Drain after the load is gone: the AND alarm fires after its detection time, then removes its
 * percent (at least minStep) every interval until the floor. Returns seconds from the load falling.
 */
export function simulateDrain(g: GroupScaling, from: number): number {
    let capacity = from;
    let t = g.scaleIn.detectionSeconds;
    if (capacity <= g.minSize) return 0;
    for (;;) {
        capacity = Math.max(g.minSize, capacity - percentStep(capacity, g.scaleIn.percent, g.scaleIn.minStep));
        if (capacity <= g.minSize) return t;
        t += g.scaleIn.intervalSeconds;
    }
}

export interface TimeToPeak {
    readonly region: string;
    readonly tier: "appGroup";
    readonly scenario: Scenario;
    /** Minutes to the peak (unplanned: from the jump; planned: from the pre-scale), one decimal; null: never reached. */
    readonly minutes: number | null;
    /** Unplanned: within 5 minutes; planned: ready before the event starts. */
    readonly meets5Minutes: boolean;
    readonly detail: string;
}

export interface Drain {
    readonly region: string;
    readonly tier: "appGroup";
    readonly fromInstances: number;
    readonly toInstances: number;
    readonly minutes: number;
    readonly detail: string;
}

const minutesOf = (seconds: number): number => Math.round(seconds / 6) / 10;

/** The plan's `scaling` section: time to peak and drain of every region's app group. */
export function scalingSimulation(spec: StackSpec, profile: Pick<CloudProfile, "stepScalingCooldown">): { timeToPeak: TimeToPeak[]; drain: Drain[] } {
    const g = groupScaling(spec, profile);
    const jump = simulateJump(g);
    const planned = simulatePlanned(g);
    const peak = Math.min(g.maxSize, Math.max(jump.reached, jump.needed));
    const drainSeconds = simulateDrain(g, peak);
    const timeToPeak = spec.regions.flatMap((r): TimeToPeak[] => [
        {
            region: r.name,
            tier: "appGroup",
            scenario: "unplanned10x",
            minutes: jump.seconds === null ? null : minutesOf(jump.seconds),
            meets5Minutes: jump.seconds !== null && jump.seconds <= PEAK_DEADLINE_MINUTES * 60,
            detail:
                jump.seconds === null
                    ? `${SURGE_FACTOR}x load needs ${jump.needed} instances; app.maxSize ${g.maxSize} caps the group at ${jump.reached}`
                    : `${g.minSize} -> ${jump.needed} instances: alarm after ${g.detectionSeconds} s, steps ${g.bands.map((b) => `+${b.percent}% from ${b.fromRatio}x`).join(", ")}, ${g.readySeconds} s boot to serving`,
        },
        {
            region: r.name,
            tier: "appGroup",
            scenario: "plannedEvent",
            minutes: minutesOf(planned.seconds),
            meets5Minutes: planned.beforeStart,
            detail: `floor raised ${g.plannedLeadSeconds / 60} min before the start; serving ${planned.seconds} s later`,
        },
    ]);
    const drain = spec.regions.map((r): Drain => ({
        region: r.name,
        tier: "appGroup",
        fromInstances: peak,
        toInstances: g.minSize,
        minutes: minutesOf(drainSeconds),
        detail: `load gone: connections < ${spec.scaling.scaleIn.connectionsPerInstance} AND CPU < ${spec.scaling.scaleIn.cpuPercent}% for ${g.scaleIn.detectionSeconds} s, then -${g.scaleIn.percent}% (at least ${g.scaleIn.minStep}) every ${g.scaleIn.intervalSeconds} s`,
    }));
    return { timeToPeak, drain };
}

/** Enforcement of a missed 5-minute peak: mandatory for mature stacks, advisory otherwise. */
export function timeToPeakEnforcement(stage: Stage): "mandatory" | "advisory" {
    return stage === "mature" ? "mandatory" : "advisory";
}

/** One finding per unplanned jump that misses the deadline or planned event not ready before its start. */
export function timeToPeakFindings(entries: readonly TimeToPeak[]): string[] {
    return entries
        .filter((e) => !e.meets5Minutes)
        .map((e) =>
            e.scenario === "unplanned10x"
                ? `${e.region} ${e.tier}: an unplanned ${SURGE_FACTOR}x jump ${e.minutes === null ? "is never served" : `takes ${e.minutes} min`}, more than ${PEAK_DEADLINE_MINUTES} (${e.detail})`
                : `${e.region} ${e.tier}: a planned event is not served by its start (${e.detail})`,
        );
}
