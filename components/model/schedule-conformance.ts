// The invariant every tier's schedule keeps (docs/SCALING.md, "One ceiling per instant"): replaying
// the bounds the `pulumi up` asserts and the actions it declares as the cloud runs them, at every
// instant the ceiling holds the needs in force (an event pre-scaled and not yet lowered, a peak) and
// is never below the floor. A maximum below the minimum is refused by the clouds ("the new maximum
// capacity is not less than the minimum capacity", Application Auto Scaling, scheduled scaling
// considerations; the HPA validation: "maxReplicas ... must be greater than or equal to
// minReplicas") or removes the capacity a running event needs.

import { SERVICE_NAMES, ServiceName, StackSpec } from "./types";
import { planServerlessUnits } from "./compute";
import { hpaAssertedBounds, podCeilings, podFloors } from "./kubernetes";
import { CloudProfile } from "./profile";
import { BoundsView, OWN_BOUNDS, TierSchedule, actionNeeds, boundsChanges, heldNeedsAt, scheduleCeiling, stackScheduleHorizon } from "./schedule";
import { unitSchedule } from "./serverless";
import { ScheduleProfile, TierScheduleSpec, appTierSchedule, unitDrain } from "./timetopeak";
import { DAY_MS, utcMinute } from "./timezone";

/**
 * The instants at which a tier's bounds break the invariant between its up (plannedAt) and `until`
 * (epoch ms, exclusive), as "<UTC minute> <action>: <what>": a ceiling below the floor, or below
 * `required` of the needs in force (heldNeedsAt of TierSchedule.needs: the ceiling they hold, the
 * tier's own: scheduleCeiling of its bounds on the app group and the ECS services, podCeilings on a
 * pod service). Checked at every change (boundsChanges, read through `view`; Defaults to OWN_BOUNDS)
 * and at every raised span's start; a bound no change of this up has set yet is not judged (it lies
 * with earlier ups' actions). Empty when the schedule keeps it; a schedule without needs is judged
 * on the floor alone.
 */
export function boundsViolations(
    schedule: Pick<TierSchedule, "plannedAt" | "oneOff" | "recurring" | "asserted" | "lowerings" | "floorReleases" | "needs">,
    until: number,
    required: (needs: readonly number[]) => number,
    view: BoundsView = OWN_BOUNDS,
): string[] {
    const changes = boundsChanges(schedule, until, view);
    const needs = schedule.needs;
    const instants = [...new Set([...changes.map((c) => c.at), ...(needs?.spans ?? []).map((r) => r.from).filter((t) => t >= schedule.plannedAt && t < until)])].sort((a, b) => a - b);
    const out: string[] = [];
    let minSize: number | undefined;
    let maxSize: number | undefined;
    let i = 0;
    let last = "";
    for (const t of instants) {
        for (; i < changes.length && changes[i].at <= t; i++) {
            minSize = changes[i].minSize ?? minSize;
            maxSize = changes[i].maxSize ?? maxSize;
            last = changes[i].key;
        }
        if (maxSize === undefined) continue;
        const by = `${utcMinute(t)} ${last === "" ? "(no action yet)" : last}`;
        if (minSize !== undefined && maxSize < minSize) out.push(`${by}: maxSize ${maxSize} below minSize ${minSize}`);
        if (needs !== undefined) {
            const held = heldNeedsAt(needs, t);
            const ceiling = required(held);
            if (maxSize < ceiling) out.push(`${by}: maxSize ${maxSize} below ${ceiling}, the ceiling the needs in force hold (${held.join(", ")})`);
        }
    }
    return out;
}

/**
 * How the app group's schedule reads as one pod service's HPA bounds (BoundsView): each floor job
 * patches minReplicas of podFloors of its app floor and maxReplicas of podCeilings of the needs it
 * holds (actionNeeds), a lowering job maxReplicas alone (podCeilings of CeilingLowering.heldNeeds),
 * an up inside a raised window the HPA bounds it asserts (hpaAssertedBounds). The floor jobs
 * (components/kubernetes/replica-floors.ts) patch exactly these.
 */
export function podBoundsView(spec: Pick<StackSpec, "app" | "kubernetes">, schedule: Pick<TierSchedule, "oneOff" | "recurring" | "asserted" | "retained" | "drainHold" | "needs">, service: ServiceName): BoundsView {
    const bounds = (appFloor: number, at: number | "recurring") => ({ minSize: podFloors(spec, appFloor)[service], maxSize: podCeilings(spec, actionNeeds(schedule, appFloor, at))[service] });
    return {
        oneOff: (a) => bounds(a.minSize, Date.parse(a.at)),
        recurring: (a) => bounds(a.minSize, "recurring"),
        lowering: (l) => podCeilings(spec, l.heldNeeds)[service],
        floorRelease: (r) => podFloors(spec, r.minSize)[service],
        asserted: () => {
            const hpa = hpaAssertedBounds(spec, schedule)?.[service];
            if (hpa === undefined) throw new RangeError("podBoundsView: asserted bounds read from a schedule that asserts none");
            return { minSize: hpa.minReplicas, maxSize: hpa.maxReplicas };
        },
    };
}

/** boundsViolations of every pod service's HPA (podBoundsView), each prefixed with the service. */
export function podBoundsViolations(spec: Pick<StackSpec, "app" | "kubernetes">, schedule: Pick<TierSchedule, "plannedAt" | "oneOff" | "recurring" | "asserted" | "retained" | "drainHold" | "lowerings" | "floorReleases" | "needs">, until: number): string[] {
    return SERVICE_NAMES.flatMap((service) => boundsViolations(schedule, until, (needs) => podCeilings(spec, needs)[service], podBoundsView(spec, schedule, service)).map((v) => `${service} ${v}`));
}

/** The replay's end for a schedule (boundsViolations `until`): 8 days after its last one-off action or lowering, at least 8 days after its up (a week of recurring runs past every dated action). */
export function replayEnd(schedule: Pick<TierSchedule, "plannedAt" | "oneOff" | "lowerings" | "floorReleases">): number {
    const last = Math.max(schedule.plannedAt, ...schedule.oneOff.map((a) => Date.parse(a.at)), ...[...(schedule.lowerings ?? []), ...(schedule.floorReleases ?? [])].map((l) => Date.parse(l.at)));
    return last + 8 * DAY_MS;
}

/**
 * The plan's guard of the invariant (boundsViolations) over the schedules an up at `now` declares
 * in every region, each violation as "<region> <tier>: <violation>": the app group on compute vm
 * (its own bounds, scheduleCeiling of spec.app), every pod service's HPA on compute kubernetes
 * (podBoundsViolations of the app group's schedule the floor jobs follow), every ECS service on
 * Fargate (unitSchedule, unitDrain: the scalable target's bounds). The SAE rules are rewritten by
 * every up (saeUnitTimers, no lowering action) and the transcoders keep their own bounds; they are
 * not replayed. Empty when every schedule keeps it.
 */
export function stackBoundsViolations(spec: TierScheduleSpec, profile: ScheduleProfile & Pick<CloudProfile, "serverlessScaler">, now: number): string[] {
    return spec.regions.flatMap((region) => {
        const app = appTierSchedule(spec, profile, region, now);
        if (spec.compute === "vm") return boundsViolations(app, replayEnd(app), (needs) => scheduleCeiling(spec.app, needs)).map((v) => `${region.name} app group: ${v}`);
        if (spec.compute === "kubernetes") return podBoundsViolations(spec, app, replayEnd(app)).map((v) => `${region.name} pods of ${v}`);
        if (profile.serverlessScaler !== "applicationAutoScalingSteps") return [];
        return planServerlessUnits(spec.kubernetes.services, region).flatMap((unit) => {
            const s = unitSchedule(spec, region, unit, now, stackScheduleHorizon(spec, profile.scheduleHorizon), profile.eventLimit(spec, now), unitDrain(spec, profile, unit));
            return boundsViolations(s, replayEnd(s), (needs) => scheduleCeiling({ maxSize: unit.maxInstances }, needs)).map((v) => `${region.name} ${unit.service} service: ${v}`);
        });
    });
}
