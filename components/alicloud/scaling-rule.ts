import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { ScalingAction, ScalingCondition, TierSchedule, boundedName, floorReleasesAhead, stepIntervals, utcRecurrences } from "../model";
import { ALICLOUD_PROFILE } from "./profile";

/**
 * The ESS simple scaling rule of a scaling action from the model: percent steps (with a minimum
 * magnitude) to scale out, fixed steps to scale in. Shared by the app tier and the transcoders.
 */
export function scalingRuleArgs(name: string, direction: string, groupId: pulumi.Input<string>, action: ScalingAction): alicloud.ess.ScalingRuleArgs {
    return {
        scalingGroupId: groupId,
        scalingRuleName: `${name}-${direction}`,
        scalingRuleType: "SimpleScalingRule",
        adjustmentType: action.adjustment.kind === "percentChange" ? "PercentChangeInCapacity" : "QuantityChangeInCapacity",
        adjustmentValue: action.adjustment.value,
        minAdjustmentMagnitude: action.adjustment.kind === "percentChange" ? action.minAdjustmentMagnitude : undefined,
        cooldown: action.cooldownSeconds,
    };
}

/**
 * The ESS step scaling rule of a scale-out action's bands on the connection metric: one rule whose
 * step adjustments (stepIntervals in connections above `threshold`, the alarm's threshold) add each
 * band's percent of the current capacity, at least minAdjustmentMagnitude instances, so one
 * execution meets the breach it reads (a 10x jump from planned utilisation, 8x the threshold, adds
 * +900 % at once). ESS executes an alarm task's rule as a non-parallel scaling activity ("Executing
 * a scaling rule by using the event-triggered task", Expected Number of Instances) and rejects
 * alarm-triggered rules during the cooldown, so one rule must take the whole jump. The provider
 * sends AdjustmentType, MinAdjustmentMagnitude, EstimatedInstanceWarmup and each StepAdjustment for a
 * StepScalingRule (terraform-provider-alicloud resource_alicloud_ess_scaling_rule.go; cooldown and
 * adjustment_value apply to simple rules only, so none is set); a bound is a decimal string, the open
 * upper bound left out (ScalingRuleStepAdjustment). `warmupSeconds`: EstimatedInstanceWarmup, the
 * seconds until a new instance serves; instances warming up are not counted in the current
 * capacity a step is computed on (CreateScalingRule).
 */
export function stepScalingRuleArgs(name: string, direction: string, groupId: pulumi.Input<string>, action: ScalingAction, threshold: number, warmupSeconds: number): alicloud.ess.ScalingRuleArgs {
    return {
        scalingGroupId: groupId,
        scalingRuleName: `${name}-${direction}`,
        scalingRuleType: "StepScalingRule",
        adjustmentType: "PercentChangeInCapacity",
        minAdjustmentMagnitude: action.minAdjustmentMagnitude,
        estimatedInstanceWarmup: warmupSeconds,
        stepAdjustments: stepIntervals(action, threshold).map((s) => ({
            metricIntervalLowerBound: String(s.lower),
            ...(s.upper === null ? {} : { metricIntervalUpperBound: String(s.upper) }),
            scalingAdjustment: s.percent,
        })),
    };
}

/** One ESS alarm task of a scaling action's condition: its key, the condition and the consecutive periods it needs. */
export interface EssScaleOutAlarm {
    readonly key: string;
    readonly condition: ScalingCondition;
    readonly evaluationCount: number;
    /** Whether it runs the step rule (the connection bands) rather than the simple rule of the first step. */
    readonly steps: boolean;
}

/**
 * The ESS alarm tasks of the scale-out rule (connections > threshold OR CPU > threshold): one per
 * condition, as a step rule needs one metric and one threshold to pick its step (ExecuteScalingRule
 * takes BreachThreshold and MetricValue). The connection alarm (key "out-connections") runs the step rule after
 * the action's evaluation periods; the CPU alarm ("out-cpu") runs the first step (+scaleOutStepPercent)
 * one period later, so when a viewer surge lifts both, the step rule is the one ESS executes and the
 * CPU rule, arriving during its activity or cooldown, is rejected rather than taking the place of
 * the larger step. CPU alone (no connection breach) still scales out, one period later than on AWS.
 */
export function essScaleOutAlarms(out: Pick<ScalingAction, "conditions" | "evaluationPeriods">): EssScaleOutAlarm[] {
    return out.conditions.map((condition) =>
        condition.metric === "connectionsPerInstance"
            ? { key: "out-connections", condition, evaluationCount: out.evaluationPeriods, steps: true }
            : { key: `out-${condition.metric === "cpuPercent" ? "cpu" : condition.metric}`, condition, evaluationCount: out.evaluationPeriods + 1, steps: false },
    );
}

/** The inputs of an ESS scaling group that its scheduled tasks set when they run (MinValue, MaxValue): scheduledBoundsIgnoreChanges. */
export const ESS_GROUP_BOUNDS = ["minSize", "maxSize"] as const;

/** ESS scheduled task names: 2-40 characters, unique per account and region (ScheduledTaskName). */
export const ESS_TASK_NAME_MAX = 40;

/** `<group>-<key>` cut to ESS_TASK_NAME_MAX with a hash of the full name when longer: unique and stable. */
export function essTaskName(group: string, key: string): string {
    return boundedName(`${group}-${key}`, ESS_TASK_NAME_MAX);
}

/** ESS takes scheduled launch times as UTC "YYYY-MM-DDThh:mmZ" (CreateScheduledTask LaunchTime, RecurrenceEndTime). */
export function essLaunchTime(at: string): string {
    const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?Z$/.exec(at);
    if (m === null) throw new RangeError(`not a UTC minute instant: ${at}`);
    return `${m[1]}Z`;
}

/**
 * The ESS scheduled tasks of a tier's schedule on a scaling group. Each sets MinValue and MaxValue
 * only (never DesiredCapacity): raising the floor makes ESS add instances up to it, lowering it
 * leaves running instances to the scale-in alarm. One-off tasks run once at LaunchTime; recurring
 * ones are RecurrenceType Cron (a UTC cron) from their first run to RecurrenceEndTime, one task per
 * span of one UTC offset within the ESS horizon (utcRecurrences, ALICLOUD_PROFILE.scheduleHorizon).
 */
export function essScheduledTasks(
    name: string,
    groupId: pulumi.Input<string>,
    schedule: TierSchedule,
    parent: pulumi.Resource,
): alicloud.ess.ScheduledTask[] {
    // A release whose LaunchTime has passed (TierSchedule.retained) is not declared on ESS: a task
    // that a stack never held would be created with a past LaunchTime, which CreateScheduledTask
    // refuses (a future UTC instant: components/model/schedule.ts), failing the whole up. The up that
    // drops it sets the released bounds on the scaling group itself (TierSchedule.asserted, kind
    // release), so cutting the task's LaunchExpirationTime retry window loses nothing.
    const oneOff = schedule.oneOff.map(
        (a) =>
            new alicloud.ess.ScheduledTask(
                `${name}-schedule-${a.key}`,
                {
                    scheduledTaskName: essTaskName(name, a.key),
                    description: `${a.kind} of ${a.source}: bounds ${a.minSize}-${a.maxSize}`,
                    scalingGroupId: groupId,
                    launchTime: essLaunchTime(a.at),
                    launchExpirationTime: LAUNCH_EXPIRATION_SECONDS,
                    minValue: a.minSize,
                    maxValue: a.maxSize,
                    taskEnabled: true,
                },
                { parent },
            ),
    );
    // A drained event's raised ceiling goes back by a task that sets MaxValue alone (CeilingLowering;
    // CreateScheduledTask: MinValue, MaxValue and DesiredCapacity each optional; the provider sends
    // MinValue only when min_value is set), so the floor in force stays.
    const lowerings = (schedule.lowerings ?? []).map(
        (a) =>
            new alicloud.ess.ScheduledTask(
                `${name}-schedule-${a.key}`,
                {
                    scheduledTaskName: essTaskName(name, a.key),
                    description: `ceiling of ${a.source} lowered when its drain ends: max ${a.from} -> ${a.maxSize}`,
                    scalingGroupId: groupId,
                    launchTime: essLaunchTime(a.at),
                    launchExpirationTime: LAUNCH_EXPIRATION_SECONDS,
                    maxValue: a.maxSize,
                    taskEnabled: true,
                },
                { parent },
            ),
    );
    // The release of an event whose audience no longer lifts the tier lowers the floor alone
    // (FloorRelease): a task that sets MinValue only, so the ceiling in force stays.
    const floorReleases = floorReleasesAhead(schedule).map(
        (a) =>
            new alicloud.ess.ScheduledTask(
                `${name}-schedule-${a.key}`,
                {
                    scheduledTaskName: essTaskName(name, a.key),
                    description: `release of ${a.source}, whose audience no longer lifts the group: min ${a.minSize}, max unchanged`,
                    scalingGroupId: groupId,
                    launchTime: essLaunchTime(a.at),
                    launchExpirationTime: LAUNCH_EXPIRATION_SECONDS,
                    minValue: a.minSize,
                    taskEnabled: true,
                },
                { parent },
            ),
    );
    // One task per offset span of each action (utcRecurrences): the first keeps the action's key.
    // The cron is part of the task's name (recurringTaskKey): a changed schedule is a new task.
    const recurring = schedule.recurring.flatMap((a) =>
        utcRecurrences(ALICLOUD_PROFILE.scheduleHorizon, a, schedule.plannedAt).map((r, i) => {
            const key = recurringTaskKey(i === 0 ? a.key : `${a.key}-${i + 1}`, r.cron);
            return new alicloud.ess.ScheduledTask(
                `${name}-schedule-${key}`,
                {
                    scheduledTaskName: essTaskName(name, key),
                    description: `${a.kind} of ${a.source} (${a.timeZone}): bounds ${a.minSize}-${a.maxSize}`,
                    scalingGroupId: groupId,
                    launchTime: essLaunchTime(r.launchAt),
                    recurrenceType: "Cron",
                    recurrenceValue: r.cron,
                    recurrenceEndTime: essLaunchTime(r.endAt),
                    launchExpirationTime: LAUNCH_EXPIRATION_SECONDS,
                    minValue: a.minSize,
                    maxValue: a.maxSize,
                    taskEnabled: true,
                },
                // The first run is set at creation only (RECURRING_TASK_IGNORE_CHANGES).
                { parent, ignoreChanges: [...RECURRING_TASK_IGNORE_CHANGES] },
            );
        }),
    );
    return [...oneOff, ...lowerings, ...floorReleases, ...recurring];
}

/**
 * Inputs of a recurring ESS task that Pulumi sets at creation only: `launchTime`, its first run. A
 * `pulumi up` less than SCHEDULE_MIN_LEAD_MINUTES before today's run computes the next day's run
 * (utcRecurrence starts at steadyStart), and sending that would skip today's run. The provider
 * sends LaunchTime on update only when it changed (terraform-provider-alicloud
 * resource_alicloud_ess_scheduled_task.go, Update: `if d.HasChange("launch_time") { request.LaunchTime
 * = ... }`; no field of the resource forces a replacement), so keeping the live value keeps today's
 * run; the cron, the end and the bounds are still updated in place (ModifyScheduledTask takes
 * RecurrenceEndTime up to 365 days from the day of the modification, not from LaunchTime). A task of
 * a new offset span or a new peak is created with its own first run.
 */
export const RECURRING_TASK_IGNORE_CHANGES = ["launchTime"] as const;

/**
 * The key of a recurring ESS task: the action's key and its UTC cron as `<hhmm>-<days>` ("all" for
 * every day), e.g. `evening-prescale-1830-all`, `saturday-release-0330-0`. A recurring task whose
 * first run is kept (RECURRING_TASK_IGNORE_CHANGES) would keep its old LaunchTime when its cron
 * changes: ESS runs a recurring task "once at the time specified by LaunchTime" and then by the
 * cycle (CreateScheduledTask, LaunchTime, RecurrenceType), so a weekly peak made daily would wait
 * for the old first run, and a moved peak would first run at the old instant. With the cron in the
 * name, a changed cron (its days, its time, its zone's offset) is a new task with a fresh first run
 * (Pulumi creates it and deletes the old one; the ESS name changes too, as names are unique per
 * account and region); an unchanged cron keeps the same task and its first run.
 */
export function recurringTaskKey(key: string, cron: string): string {
    const [minute, hour, , , days] = cron.split(" ");
    const hhmm = `${hour.padStart(2, "0")}${minute.padStart(2, "0")}`;
    return `${key}-${hhmm}-${days === "*" ? "all" : days.replace(/,/g, "")}`;
}

/** Seconds ESS retries a task that could not run (an activity in progress): 0-1800, default 600 (provider docstring). */
export const LAUNCH_EXPIRATION_SECONDS = 600;
