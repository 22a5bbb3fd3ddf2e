import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { TierSchedule, applicationAutoScalingAt, applicationAutoScalingCron, floorReleasesAhead, scheduledBounds } from "../model";

/** The scalable target a scheduled action changes: the three keys of an Application Auto Scaling target. */
export interface ScalableTarget {
    readonly serviceNamespace: pulumi.Input<string>;
    readonly resourceId: pulumi.Input<string>;
    readonly scalableDimension: pulumi.Input<string>;
}

/** The inputs of an Application Auto Scaling target that its scheduled actions set when they run (ScalableTargetAction MinCapacity, MaxCapacity): scheduledBoundsIgnoreChanges. */
export const SCALABLE_TARGET_BOUNDS = ["minCapacity", "maxCapacity"] as const;

/**
 * A scalable target's minCapacity/maxCapacity: the tier's everyday bounds, or the bounds an up
 * inside an event's raised window asserts (scheduledBounds). aws_appautoscaling_target updates
 * through RegisterScalableTarget, which "Registers or updates a scalable target ... it changes the
 * resource's current capacity to a value that is inside of this range" (Application Auto Scaling
 * API Reference, RegisterScalableTarget): a raised MinCapacity scales the ECS service or the Aurora
 * readers out to it.
 */
export function scalableTargetBounds(schedule: Pick<TierSchedule, "asserted">, everyday: { readonly minSize: number; readonly maxSize: number }): { minCapacity: number; maxCapacity: number } {
    const bounds = scheduledBounds(schedule, everyday);
    return { minCapacity: bounds.minSize, maxCapacity: bounds.maxSize };
}

/**
 * The Application Auto Scaling scheduled actions of a tier's timetable (the Aurora readers, each ECS
 * service): one per one-off action at its UTC instant (`at(...)`, timezone unset: "at" expressions
 * are read in UTC) and one per recurring action as cron in the peak's own time zone
 * (aws_appautoscaling_scheduled_action `schedule`, `timezone`, `scalable_target_action`). Each sets
 * the target's bounds only, like the app group's scheduled actions; a ceiling lowering
 * (TierSchedule.lowerings) sets maxCapacity alone at its UTC instant, a floor release
 * (TierSchedule.floorReleases) minCapacity alone. Resource names are
 * `<prefix>-schedule-<key>`; `actionName` names the action in Application Auto Scaling.
 */
export function scheduledActions(
    prefix: string,
    target: ScalableTarget,
    schedule: TierSchedule,
    actionName: (key: string) => string,
    opts: pulumi.CustomResourceOptions,
): aws.appautoscaling.ScheduledAction[] {
    const common = { serviceNamespace: target.serviceNamespace, resourceId: target.resourceId, scalableDimension: target.scalableDimension };
    const actions: { key: string; schedule: string; timezone: string | null; minSize: number | null; maxSize: number | null }[] = [
        ...schedule.oneOff.map((a) => ({ key: a.key, schedule: applicationAutoScalingAt(a.at), timezone: null, minSize: a.minSize, maxSize: a.maxSize })),
        // A drained event's raised ceiling goes back by an action that sets MaxCapacity alone
        // (CeilingLowering; ScalableTargetAction: "At least one of maxCapacity or minCapacity must be set").
        ...(schedule.lowerings ?? []).map((a) => ({ key: a.key, schedule: applicationAutoScalingAt(a.at), timezone: null, minSize: null, maxSize: a.maxSize })),
        // The release of an event whose audience no longer lifts the target sets MinCapacity alone (FloorRelease).
        ...floorReleasesAhead(schedule).map((a) => ({ key: a.key, schedule: applicationAutoScalingAt(a.at), timezone: null, minSize: a.minSize, maxSize: null })),
        ...schedule.recurring.map((a) => ({ key: a.key, schedule: applicationAutoScalingCron(a), timezone: a.timeZone, minSize: a.minSize, maxSize: a.maxSize })),
    ];
    return actions.map(
        (a) =>
            new aws.appautoscaling.ScheduledAction(
                `${prefix}-schedule-${a.key}`,
                {
                    ...common,
                    name: actionName(a.key),
                    schedule: a.schedule,
                    ...(a.timezone !== null ? { timezone: a.timezone } : {}),
                    scalableTargetAction: { ...(a.minSize === null ? {} : { minCapacity: a.minSize }), ...(a.maxSize === null ? {} : { maxCapacity: a.maxSize }) },
                },
                opts,
            ),
    );
}
