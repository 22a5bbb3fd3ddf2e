// The plan's `scaling` section: what the program reported in its `scaling` stack output (schedule
// of events and peaks, simulated time to peak and drain), and the findings of a missed peak.

import { DAY_MS, FLOOR_JOB_STARTING_DEADLINE_SECONDS, LOWERING_RUN_MARGIN_MINUTES, NO_APP_TIER_LIFT, SAE_TIME_ZONE, SCENARIOS, SCHEDULE_MIN_LEAD_MINUTES, Stage, TIME_TO_PEAK_TIERS, TimeToPeak, isSaeEventRuleName, keepEventText, localInstant, localStamp, saeTimersHoldPoint, timeToPeakEnforcement, timeToPeakFindings, occurrences, utcMinute } from "../../components/model";
import { isRecord, list } from "../../policies/lib/values";
import type { Violation } from "./evaluate";
import type { PlannedResource } from "./record";
import { UpgradeResource, keptInputs, matchKey, valueAt } from "./upgrade";

/** Name the time-to-peak finding is reported under (alongside the policy pack's violations). */
export const TIME_TO_PEAK_FINDING = "ha-scaling-time-to-peak";

export interface ScalingSection {
    readonly timeToPeak: TimeToPeak[];
    readonly drain: readonly unknown[];
    readonly schedule: readonly unknown[];
    /** The schedules' bounds invariant broken (stackBoundsViolations): a ceiling below the floor or below what the needs in force hold. Absent or empty when kept. */
    readonly boundsViolations?: readonly string[];
    /** Who owns the app tier's bounds while schedules are declared (scheduledBoundsNote); absent where each up sets them (SAE) or nothing is scheduled. */
    readonly boundsNote?: string;
}

export function isTimeToPeak(v: unknown): v is TimeToPeak {
    return (
        isRecord(v) &&
        typeof v.region === "string" &&
        TIME_TO_PEAK_TIERS.some((t) => t === v.tier) &&
        SCENARIOS.some((s) => s === v.scenario) &&
        (v.minutes === null || typeof v.minutes === "number") &&
        typeof v.meets5Minutes === "boolean" &&
        typeof v.detail === "string"
    );
}

/** The `scaling` stack output of a plan; empty lists when the program reported none. */
export function scalingSection(outputs: Readonly<Record<string, unknown>>): ScalingSection {
    const s = isRecord(outputs.scaling) ? outputs.scaling : {};
    const bounds = list(s.boundsViolations).filter((v): v is string => typeof v === "string");
    return {
        timeToPeak: list(s.timeToPeak).filter(isTimeToPeak),
        drain: list(s.drain),
        schedule: list(s.schedule),
        ...(bounds.length === 0 ? {} : { boundsViolations: bounds }),
        ...(typeof s.boundsNote === "string" ? { boundsNote: s.boundsNote } : {}),
    };
}

/**
 * Name of the finding of a schedule whose replayed bounds break the invariant (boundsViolations,
 * components/model/schedule-conformance.ts): a ceiling below the floor is refused by the clouds
 * (Application Auto Scaling: "the new maximum capacity is not less than the minimum capacity"; the
 * HPA validation) and one below a running event's need removes its capacity at once. Mandatory.
 */
export const SCHEDULE_BOUNDS_FINDING = "ha-scaling-schedule-bounds";

/** Name of the finding of an event no `pulumi up` can pre-scale in time (schedule status `unschedulable`). */
export const EVENT_PRESCALE_FINDING = "ha-scaling-event-prescale";

/**
 * A missed 5-minute peak as a finding: advisory, mandatory for mature stacks. An event no `pulumi
 * up` can pre-scale in time (status `unschedulable`): advisory on every stage (events never block a
 * deploy; the metric rules still meet it), and one pre-scaled late (status `late`, its pre-scale
 * closer than the cloud's lead when planned): advisory too.
 */
export function scalingFindings(section: ScalingSection, stage: Stage): Violation[] {
    const peaks = timeToPeakFindings(section.timeToPeak).map((message): Violation => ({ policy: TIME_TO_PEAK_FINDING, enforcement: timeToPeakEnforcement(stage), urn: "", message }));
    const events = section.schedule
        .filter(isRecord)
        .filter((r) => r.status === "unschedulable" || r.status === "late")
        .map((r): Violation => ({ policy: EVENT_PRESCALE_FINDING, enforcement: "advisory", urn: "", message: `event ${String(r.source)}: ${String(r.detail)}` }));
    const nodes = section.schedule
        .filter(isRecord)
        .filter((r) => typeof r.nodeShortfall === "string" && r.nodeShortfall !== "")
        .map((r): Violation => ({ policy: POD_FLOORS_NODES_FINDING, enforcement: "advisory", urn: "", message: `${String(r.source)}: the raised pod floors exceed the node pools' capacity in ${String(r.nodeShortfall)}; raise kubernetes.maxNodesPerZone or kubernetes.nodeSize, or the floors' pods stay Pending` }));
    const bounds = (section.boundsViolations ?? []).map((message): Violation => ({ policy: SCHEDULE_BOUNDS_FINDING, enforcement: "mandatory", urn: "", message: `scheduled bounds: ${message}` }));
    return [...peaks, ...events, ...nodes, ...bounds, ...ceilingFindings(section)];
}

/**
 * The ceilings-lowered findings of a schedule (ScheduleReport.ceilingsLowered): "may lower" alone,
 * since the plan cannot tell whether an earlier up after the drain has already set them; "lowers"
 * once judged against the previous up's plan (ceilingsAgainstBase, `ceilingsChecked`).
 */
export function ceilingFindings(section: ScalingSection): Violation[] {
    return section.schedule
        .filter(isRecord)
        .filter((r) => typeof r.ceilingsLowered === "string" && r.ceilingsLowered !== "")
        .map((r): Violation => {
            const byActions = typeof r.loweredByActions === "string" && r.loweredByActions !== "" ? `; the scheduled actions declared with the event lowered ${r.loweredByActions} if a pulumi up declared them before then` : "";
            const what =
                typeof r.ceilingsStale === "string" && typeof r.ceilingsReraisedBy === "string"
                    ? `the --base plan's recurring ${r.ceilingsReraisedBy} (declared with the raised ceiling) ran after the lowering of ${r.ceilingsStale} and set that ceiling again: it is still in force and Pulumi's state holds the held one, so this pulumi up sends nothing for it; run it as pulumi up --refresh, which lowers it`
                    : typeof r.ceilingsStale === "string" && r.ceilingsRemoved === true
                    ? `the --base plan's action lowering its raised ceilings had not run by this pulumi up, which removes it; they are still in force and Pulumi's state holds the held ones, so this pulumi up sends nothing for them; run it as pulumi up --refresh, which lowers them (${String(r.ceilingsLowered)})`
                    : typeof r.ceilingsStale === "string"
                    ? `the --base plan declared no action lowering its raised ceilings (${r.ceilingsStale}): they are still in force and this pulumi up sends nothing for them; run it as pulumi up --refresh, which lowers them (${String(r.ceilingsLowered)})`
                    : r.ceilingsChecked === true
                      ? `this pulumi up lowers raised ceilings (${String(r.ceilingsLowered)})`
                      : `this pulumi up may lower raised ceilings (${String(r.ceilingsLowered)}) unless an earlier up after the drain already has${byActions} (plan with --base to tell)`;
            return { policy: CEILINGS_LOWERED_FINDING, enforcement: "advisory", urn: "", message: `event ${String(r.source)}: ${what}; the cloud removes the capacity above them at once whatever the load: run it once the viewers have left` };
        });
}

/** The SAE rules' metric ceiling (alicloud_sae_application_scaling_rule scaling_rule_metric.max_replicas). */
const SAE_METRIC_CEILING = "scalingRuleMetric.maxReplicas";

/**
 * The input that holds the ceiling in force of each scaled base resource a schedule owns: the
 * scaling groups' maxSize (EC2 Auto Scaling, ESS), the scalable targets' maxCapacity (ECS services,
 * Aurora readers), the HPAs' spec.maxReplicas, the SAE rules' metric maxReplicas (with their timer
 * points' maxReplicas: ceilingAt).
 */
export const CEILING_INPUTS: Readonly<Record<string, string>> = {
    "aws:autoscaling/group:Group": "maxSize",
    "alicloud:ess/scalingGroup:ScalingGroup": "maxSize",
    "aws:appautoscaling/target:Target": "maxCapacity",
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": "spec.maxReplicas",
    "alicloud:sae/applicationScalingRule:ApplicationScalingRule": SAE_METRIC_CEILING,
};

/**
 * The ceiling of a resource's inputs at `path` (CEILING_INPUTS); on an SAE rule the largest of its
 * metric maxReplicas and its timer points' maxReplicas (scalingRuleTimer.schedules: the peaks'
 * timers keep a raised ceiling through a drain, saeUnitTimers). null when there is none.
 */
export function ceilingAt(inputs: Readonly<Record<string, unknown>>, path: string): number | null {
    const own = valueAt(inputs, path);
    const points = path === SAE_METRIC_CEILING ? list(valueAt(inputs, "scalingRuleTimer.schedules")).flatMap((p) => (isRecord(p) && typeof p.maxReplicas === "number" ? [p.maxReplicas] : [])) : [];
    const all = [...(typeof own === "number" ? [own] : []), ...points];
    return all.length === 0 ? null : Math.max(...all);
}

/**
 * The ceilings this `pulumi up` lowers, from the previous up's resources as Pulumi keeps them
 * (`base`, carried: carryIgnored) to this plan's (`head`; an ignored ceiling keeps the base's value,
 * keptInputs): "<logical name> <input> <before> -> <after>" for every resource of CEILING_INPUTS
 * whose ceiling goes down, in head order; only resources of `types` (Defaults to every type of
 * CEILING_INPUTS). With `sent` (Defaults to false): every ceiling that differs from the base's, the
 * value Pulumi sends ("<logical name> <input> = <after>"), whichever way it goes.
 */
export function loweredCeilings(base: readonly UpgradeResource[], head: readonly UpgradeResource[], types: readonly string[] = Object.keys(CEILING_INPUTS), sent: boolean = false): string[] {
    const before = new Map(base.map((r) => [matchKey(r), r]));
    return head.flatMap((r) => {
        const path = types.includes(r.type) ? CEILING_INPUTS[r.type] : undefined;
        const old = before.get(matchKey(r));
        if (path === undefined || old === undefined) return [];
        const from = ceilingAt(old.inputs, path);
        const to = ceilingAt(keptInputs(old.inputs, r.inputs, r.ignoreChanges ?? []), path);
        const name = `${r.name} ${path === SAE_METRIC_CEILING ? "maxReplicas" : path}`;
        if (from === null || to === null) return [];
        // `sent`: every ceiling whose state differs, which Pulumi sends ("<name> <path> = <to>").
        if (sent) return to !== from ? [`${name} = ${to}`] : [];
        return to < from ? [`${name} ${from} -> ${to}`] : [];
    });
}

/**
 * Resource types whose ceiling Pulumi alone sets (no scheduled action changes it live): the SAE
 * scaling rules, rewritten by each `pulumi up`. The others' ceilings (CEILING_INPUTS) are set live
 * by the scheduled actions, tasks and floor jobs, so their state is not what is in force.
 */
export const RULE_CEILING_TYPES: readonly string[] = ["alicloud:sae/applicationScalingRule:ApplicationScalingRule"];

/**
 * Whether a base plan's resources declare the actions that lower `event`'s raised ceilings when its
 * drains end (CeilingLowering: logical names ending `-schedule-<event>-lower` or `-floors-<event>-lower`).
 */
export function loweringInBase(baseNames: readonly string[], event: string): boolean {
    return baseNames.some((n) => lowersEvent(n, event));
}

/**
 * Whether a resource's logical name is `event`'s ceiling lowering (CeilingLowering):
 * `<prefix>-schedule-<event>-lower` (the AWS scheduled actions, the ESS tasks) or
 * `<prefix>-floors-<event>-lower` (the pods' jobs).
 */
function lowersEvent(name: string, event: string): boolean {
    const a = eventActionOf(name);
    return a !== null && a.kind === "lower" && a.event === event;
}

/**
 * The instants (epoch ms) of `event`'s ceiling lowerings the previous up's plan declared (`base`:
 * `-schedule-<event>-lower`, `-floors-<event>-lower`, CeilingLowering) that ran by `now` and that a
 * recurring action the same plan declares set higher again: a run (boundSteps) on the same scaled
 * resource (an HPA by its floor jobs' patch) after the lowering and at or before `now`, whose ceiling
 * is above the one the lowering set. The base's actions are what ran after its up: a peak's run
 * before a tier's lowering, or one an up re-sized to the lowered ceiling, raises nothing again.
 */
export function reraisedInBase(base: readonly FloorResource[], event: string, now: number): number[] {
    const isLowering = (r: FloorResource): boolean => lowersEvent(r.name, event);
    const lowerings = boundSteps(base.filter(isLowering), now, now, "ceiling").filter((l) => l.at <= now);
    if (lowerings.length === 0) return [];
    const runs = boundSteps(
        base.filter((r) => !isLowering(r)),
        Math.min(...lowerings.map((l) => l.at)),
        now + 1,
        "ceiling",
    ).filter((s) => s.recurring);
    return [...new Set(lowerings.filter((l) => runs.some((s) => s.target === l.target && s.at > l.at && s.value > l.value)).map((l) => l.at))].sort((a, b) => a - b);
}

/**
 * The ceilings-lowered entries judged against the previous up's plan (its resources' logical names
 * `baseNames`; `lowered`: loweredCeilings of its resources and this plan's, `all` of every type,
 * `rules` of RULE_CEILING_TYPES only), per entry:
 * - the base declared the event's ceiling lowerings (loweringInBase): they set the ceilings live
 *   when the drains ended, so only the rules' ceilings this up lowers are in force (`rules`);
 * - the base declared the event's pre-scale or release but no lowering (declaredInBase: a base
 *   planned before the lowerings existed): the ceilings its actions raised are still in force while
 *   Pulumi's state holds the everyday ones; the entry says so (`ceilingsStale`: run pulumi up
 *   --refresh), a finding;
 * - otherwise (the base declared none of its actions: an up after the drain, or none declared it):
 *   what this up lowers against the base's state (`all`).
 * With nothing lowered the entry loses `ceilingsLowered` (no finding) and says what lowered the
 * ceilings; otherwise it names the resources this up lowers (`ceilingsLowered`, `ceilingsChecked`).
 */
export function ceilingsAgainstBase(
    section: ScalingSection,
    baseNames: readonly string[],
    lowered: { readonly all: readonly string[]; readonly rules: readonly string[]; readonly sent?: readonly string[] },
    baseActions: { readonly resources: readonly FloorResource[]; readonly now: number } | null = null,
): ScalingSection {
    const schedule = section.schedule.map((entry) => {
        if (!isRecord(entry) || typeof entry.ceilingsLowered !== "string" || entry.ceilingsLowered === "" || typeof entry.source !== "string") return entry;
        // With the base's resources (`baseActions`), only a lowering one of its recurring actions set
        // higher again after it ran is re-raised (reraisedInBase), named by its instant; an entry
        // none confirms loses the candidates the schedule named (reraisedBy, reraisedLowerings).
        const confirmed = baseActions === null ? null : reraisedInBase(baseActions.resources, entry.source, baseActions.now).map((t) => `at ${utcMinute(t)}`);
        const { reraisedBy: _by, reraisedLowerings: _tiers, ...unconfirmed } = entry;
        const r = confirmed !== null && confirmed.length === 0 ? unconfirmed : entry;
        if (typeof r.source !== "string") return entry;
        const released = String(r.detail).split(";")[0];
        // The event's lowerings still declared (ScheduleReport.pendingLowerings): keep the event until they have run.
        const keep = typeof r.pendingLowerings === "string" && typeof r.keepUntil === "string" ? keepEventText(r.pendingLowerings, r.keepUntil) : "";
        const kept = keep === "" ? "" : `; ${keep}`;
        const byActions = typeof r.loweredByActions === "string" ? r.loweredByActions : "";
        const inBase = byActions !== "" && loweringInBase(baseNames, r.source);
        // A recurring peak's action the base declared with the raised ceiling that ran after a
        // tier's own lowering set that tier's again (ScheduleReport.reraisedBy, reraisedLowerings):
        // the ceiling in force there is that action's; the other tiers' lowerings stand.
        const reraised = inBase && typeof r.reraisedBy === "string" && r.reraisedBy !== "" ? r.reraisedBy : "";
        const named = (typeof r.reraisedLowerings === "string" && r.reraisedLowerings !== "" ? r.reraisedLowerings : byActions).split("; ");
        const confirmedTiers = confirmed === null ? named : named.filter((l) => confirmed.some((at) => l.endsWith(at)));
        const reraisedTiers = reraised === "" ? "" : (confirmedTiers.length === 0 ? named : confirmedTiers).join("; ");
        const declared = inBase && reraised === "";
        const stale = byActions !== "" && !inBase && declaredInBase(baseNames, r.source);
        const inForce = declared ? lowered.rules : lowered.all;
        const actionsDid = declared ? `the scheduled actions the --base plan declared lowered ${byActions}` : "";
        // The base declared a lowering that had not run by this up (its instant passed,
        // drainHasEnded): this up removes it, so the live ceiling is still the raised one and
        // only what it sends (the state differs) lowers it.
        if (byActions === "" && loweringInBase(baseNames, r.source)) {
            const sent = lowered.sent ?? lowered.all;
            const removed = `the --base plan's action lowering its raised ceilings had not run by this pulumi up, which removes it and sets the held ceilings itself`;
            return {
                ...r,
                detail:
                    sent.length === 0
                        ? `${released}; ${removed}, but Pulumi's state holds the held ones, so it sends nothing for them: run it as pulumi up --refresh (the refresh reads the raised ceilings into state, so the up sets the held ones) once the viewers have left${kept}`
                        : `${released}; ${removed}: it sets ${sent.join("; ")}, which lowers the raised ceiling: the cloud removes capacity above a lowered ceiling at once, whatever the load, so run it once the viewers have left${kept}`,
                ceilingsLowered: sent.length === 0 ? String(r.ceilingsLowered) : sent.join("; "),
                ceilingsChecked: true,
                ...(sent.length === 0 ? { ceilingsStale: String(r.ceilingsLowered), ceilingsRemoved: true } : {}),
            };
        }
        if (reraised !== "") {
            // Live is the re-raised ceiling, whatever the state holds: every ceiling this up sends
            // (it differs from the state's) sets the held one, lower than the raised.
            const sent = lowered.sent ?? lowered.all;
            const after = `the scheduled actions the --base plan declared lowered ${byActions}, but its recurring ${reraised} (declared with the raised ceiling) ran after the lowering of ${reraisedTiers} and set that ceiling again`;
            return {
                ...r,
                detail:
                    sent.length === 0
                        ? `${released}; its estimated drain has ended: ${after}, and Pulumi's state holds the held one, so this pulumi up sends nothing for it; run it as pulumi up --refresh (the refresh reads the raised ceilings into state, so the up sets the held ones) once the viewers have left${kept}`
                        : `${released}; its estimated drain has ended: ${after}; this pulumi up sets ${sent.join("; ")} itself, which lowers the re-raised ceiling: the cloud removes capacity above a lowered ceiling at once, whatever the load, so run it once the viewers have left${kept}`,
                ceilingsLowered: sent.length === 0 ? reraisedTiers : sent.join("; "),
                ceilingsChecked: true,
                ...(sent.length === 0 ? { ceilingsStale: reraisedTiers, ceilingsReraisedBy: reraised } : {}),
            };
        }
        if (stale) {
            return {
                ...r,
                detail: `${released}; its estimated drain has ended, but the --base plan declared none of the actions that lower its raised ceilings (${byActions}), so the ceilings its scheduled actions raised are still in force while Pulumi's state holds the everyday ones: this pulumi up sends nothing for them${inForce.length === 0 ? "" : ` (it lowers ${inForce.join("; ")} itself)`}; run it as pulumi up --refresh (the refresh reads the raised ceilings into state, so the up sets the held ones) once the viewers have left${kept}`,
                ceilingsLowered: [...inForce, byActions].join("; "),
                ceilingsChecked: true,
                ceilingsStale: byActions,
            };
        }
        if (inForce.length === 0) {
            const { ceilingsLowered: _, ...rest } = r;
            const why = declared ? actionsDid : "the --base plan already holds the ceilings the declared events and peaks hold";
            return { ...rest, detail: `${released}; its estimated drain has ended: ${why}, so this pulumi up lowers none in force ${keep === "" ? "(delete the event from the stack file at will)" : `(${keep})`}` };
        }
        return {
            ...r,
            detail: `${released}; its estimated drain has ended: ${declared ? `${actionsDid}; ` : ""}this pulumi up lowers ${inForce.join("; ")} itself (the --base plan holds the raised ones): the cloud removes capacity above a lowered ceiling at once, whatever the load, so run it once the viewers have left${kept}`,
            ceilingsLowered: inForce.join("; "),
            ceilingsChecked: true,
        };
    });
    return { ...section, schedule };
}

/**
 * The instant (epoch ms) of a one-off ceiling lowering as its resource declares it: an ESS task's
 * launchTime ("2026-12-12T17:04Z"), an EC2 Auto Scaling action's startTime
 * ("2026-12-12T16:52:00Z"), an Application Auto Scaling action's schedule
 * ("at(2026-12-12T16:52:00)", UTC: timezone unset), a Kubernetes lowering job's one-off cron in
 * Etc/UTC ("6 17 12 12 *": minute, hour, day of month, month; the year nearest `near`, epoch ms);
 * null for anything else.
 */
export function loweringInstant(r: Pick<PlannedResource, "type" | "inputs">, near: number): number | null {
    const { instants, recurring } = r.type === "kubernetes:batch/v1:CronJob" ? cronJobInstants(r, near, near) : actionBound(r, near, near, BOUND_INPUTS.ceiling);
    return recurring ? null : (instants[0] ?? null);
}

/**
 * What a base one-off action of an event is, by its logical name: `<prefix>-<event>-prescale`,
 * `-release` or `-lower` (OneOffAction.key, CeilingLowering), `prefix` the scaled resource's
 * schedule (`...-schedule` of a group or scalable target, `...-floors` of the pods' jobs). null for
 * anything else (a recurring peak's action names its cron after the kind).
 */
function eventActionOf(name: string): { readonly prefix: string; readonly event: string; readonly kind: "prescale" | "release" | "lower" } | null {
    const m = /^(.*-(?:schedule|floors))-(.+)-(prescale|release|lower)$/.exec(name);
    return m === null ? null : { prefix: m[1], event: m[2], kind: m[3] === "prescale" ? "prescale" : m[3] === "release" ? "release" : "lower" };
}

/**
 * The first action of `resources` on the schedule `prefix` (eventActionOf) that sets the `bound`
 * after `now` (within 100 days, boundSteps): its name, instant and the step of each resource it
 * sets (one, or one per HPA a floor job patches); null when none does.
 */
function nextBoundAction(resources: readonly FloorResource[], prefix: string, bound: Bound, now: number): { readonly name: string; readonly at: number; readonly steps: readonly BoundStep[] } | null {
    const steps = boundSteps(resources.filter((r) => r.name.startsWith(`${prefix}-`)), now + 1, now + 100 * DAY_MS, bound);
    const first = earliestStep(steps);
    return first === null ? null : { name: first.name, at: first.at, steps: steps.filter((s) => s.name === first.name && s.at === first.at) };
}

/**
 * Whether this up sets a scaled resource's bound itself: its input in this plan (`own`, scaledFloors)
 * is not under ignoreChanges and differs from the one Pulumi's state holds (`state`, the base plan's
 * input: an update sends only changed inputs).
 */
function upSends(own: { readonly floor: number; readonly ignored: boolean } | undefined, state: { readonly floor: number } | undefined): boolean {
    return own !== undefined && !own.ignored && own.floor !== state?.floor;
}

/** The values of an action's steps (nextBoundAction): the one value, or each HPA's ("user 20, order 30") when a floor job patches several. */
function stepValues(steps: readonly BoundStep[]): string {
    return steps.length === 1 ? String(steps[0].value) : steps.map((s) => `${s.target.replace(/^hpa:.*\//, "")} ${s.value}`).join(", ");
}

/** The earliest of `steps` (ties: the first in the list), or null. */
function earliestStep(steps: readonly BoundStep[]): BoundStep | null {
    return steps.reduce<BoundStep | null>((first, s) => (first === null || s.at < first.at ? s : first), null);
}

/**
 * The ceiling lowerings the previous up's plan declared (`base`, eventActionOf) that this plan
 * (`head`, its resources and schedule `section`) deletes although they may not have run by `now`
 * (epoch ms: the lowering's instant plus LOWERING_RUN_MARGIN_MINUTES is later), once the event's
 * pre-scale may have run (none, or one at most LOWERING_RUN_MARGIN_MINUTES after `now`, which may
 * run before the up lands: the finding says "if"; one later is deleted with it and raised nothing). Pulumi's state holds the everyday ceiling under ignoreChanges, so nothing is sent for it
 * and the raised ceiling stays in force, until a later action of this plan on the same schedule
 * sets it (nextBoundAction: the finding names its ceiling, and the cut when it is below the one the
 * event's pre-scale raised, per HPA for the pods' floor jobs), else for good; each is a finding
 * (`ha-scaling-ceilings-lowered`), saying whether the lowering's instant is after this up or within
 * the margin before it:
 * - an event deleted from the stack file while it runs;
 * - an event still in the stack file whose lowering this plan no longer declares (its audience
 *   lowered: it raises that ceiling no more) while no lowering of this plan on the same schedule
 *   runs at or after it (another event's lowering that holds the ceiling longer covers it).
 * The advice: keep the event (or its audience) until the lowering has run, or `pulumi up --refresh`
 * (the refresh reads the raised ceiling into state, so the up sets the everyday one) when no later
 * action sets it. The floors are judged by floorsLeftRaised; an event still reported otherwise by
 * ceilingsAgainstBase.
 */
export function removedActionFindings(section: ScalingSection, base: readonly FloorResource[], head: readonly FloorResource[], now: number): Violation[] {
    const reported = new Set(section.schedule.filter(isRecord).map((r) => r.source));
    const declared = new Set(head.map((r) => r.name));
    const margin = LOWERING_RUN_MARGIN_MINUTES * 60_000;
    const instant = (r: FloorResource): number | null => loweringInstant(r, now);
    const headCeilings = scaledFloors(head, CEILING_INPUTS);
    const baseCeilings = scaledFloors(base, CEILING_INPUTS);
    return base.flatMap((r): Violation[] => {
        const a = eventActionOf(r.name);
        // A release left out: floorsLeftRaised reads the floors in force themselves.
        const at = a === null || a.kind !== "lower" || declared.has(r.name) ? null : instant(r);
        if (a === null || at === null || at + margin <= now) return [];
        // Not raised yet: the base's pre-scale on this schedule runs after the up has landed (this up
        // deletes it too); within the margin after `now` it may run first, raising the ceiling.
        const prescale = base.find((b) => b.name === `${a.prefix}-${a.event}-prescale`);
        const raisedAt = prescale === undefined ? null : instant(prescale);
        if (raisedAt !== null && raisedAt > now + margin) return [];
        const gone = !reported.has(a.event);
        const covered = head.some((h) => {
            const o = eventActionOf(h.name);
            return o !== null && o.kind === "lower" && o.prefix === a.prefix && (instant(h) ?? -Infinity) >= at;
        });
        // The raised ceilings: the ones the base's pre-scale of the event set on this schedule (per HPA on the pods), when it declares it.
        const raised = prescale === undefined ? [] : boundSteps([prescale], now - 8 * DAY_MS, now + 100 * DAY_MS, "ceiling");
        // A later lowering of this plan on the same schedule covers the deleted one, unless an action
        // of this plan before it sets a ceiling below a raised one (another event's pre-scale, no
        // longer merged into the edited event's release).
        const before = boundSteps(head.filter((h) => h.name.startsWith(`${a.prefix}-`)), now + 1, at, "ceiling");
        const firstCut = earliestStep(before.filter((s) => raised.some((p) => p.target === s.target && s.value < p.value)));
        if (!gone && covered && firstCut === null) return [];
        // This up sets each of them itself (an up inside the raised window asserts its bounds with no
        // ignoreChanges, and they differ from Pulumi's state): nothing is left raised, and one it sets
        // below the ceiling in force is a cut (ceilingsCutByUp), not a ceiling left in force.
        const targets = [...new Set(boundSteps([r], now - 8 * DAY_MS, now + 100 * DAY_MS, "ceiling").map((s) => s.target))];
        if (targets.length > 0 && targets.every((target) => upSends(headCeilings.get(target), baseCeilings.get(target)))) return [];
        // The scaled resource itself goes with this up (a compute change: the app group of compute vm
        // is deleted): no ceiling of it stays in force.
        if (targets.length > 0 && targets.every((target) => !headCeilings.has(target))) return [];
        const later = nextBoundAction(head, a.prefix, "ceiling", now);
        const cuts = later === null ? [] : later.steps.filter((s) => !raised.some((p) => p.target === s.target) || s.value < Math.max(...raised.filter((p) => p.target === s.target).map((p) => p.value)));
        // A later action of this plan that cuts the raised ceiling where the first one does not (an overlapping event's lowering).
        const thenCut = firstCut !== null && cuts.length === 0 && later !== null && firstCut.name !== later.name ? `; then ${firstCut.name} sets it to ${firstCut.value} at ${utcMinute(firstCut.at)}, which removes the capacity above ${firstCut.value} at once, whatever the load` : "";
        const cut = cuts.length === 0 ? thenCut : `, which removes the capacity above ${stepValues(cuts)} at once, whatever the load`;
        const after = utcMinute(at + margin);
        const run = at > now ? `, after this pulumi up` : `, which may not have run by this pulumi up`;
        const stays = raisedAt !== null && prescale !== undefined && raisedAt > now ? `if ${prescale.name} raises it at ${utcMinute(raisedAt)} before this pulumi up lands (within ${LOWERING_RUN_MARGIN_MINUTES} minutes), the raised ceiling stays in force` : "the raised ceiling stays in force";
        const why = gone ? "the event is no longer in the stack file" : "the event as the stack file now sets it raises that ceiling no more (its audience lowered)";
        const keep = gone ? `keep the event in the stack file until after ${after}` : `keep the event's audience until after ${after}`;
        const refresh = "run this pulumi up as pulumi up --refresh (the refresh reads the raised ceiling into state, so the up sets the everyday one) once the viewers have left: the cloud removes the capacity above it at once whatever the load";
        return [
            {
                policy: CEILINGS_LOWERED_FINDING,
                enforcement: "advisory",
                urn: "",
                message: `event ${a.event}: the --base plan declared ${r.name} to lower its raised ceiling at ${utcMinute(at)}${run}; ${why}, so this pulumi up deletes it, and Pulumi's state holds the everyday ceiling, so nothing is sent: ${stays}${later === null ? `; ${keep}, or ${refresh}` : ` until ${later.name} sets it to ${stepValues(later.steps)} at ${utcMinute(later.at)}${cut}; ${keep}`}`,
            },
        ];
    });
}

/**
 * The trigger points of an SAE event day rule (`<prefix>-events-<yyyymmdd>`, beginDate = endDate,
 * GMT+8) as instants (epoch ms, localInstant) with their bounds (`maxReplicas` null where a point
 * sets none); [] for any other resource.
 */
function saeDayPoints(r: FloorResource): { readonly at: number; readonly minReplicas: number; readonly maxReplicas: number | null }[] {
    const timer = r.type === SAE_SCALING_RULE_TYPE && isSaeEventRuleName(r.name) ? r.inputs.scalingRuleTimer : undefined;
    if (!isRecord(timer) || typeof timer.beginDate !== "string" || timer.beginDate !== timer.endDate) return [];
    const day = timer.beginDate;
    return list(timer.schedules).flatMap((p) => {
        if (!isRecord(p) || typeof p.atTime !== "string" || !/^\d{2}:\d{2}$/.test(p.atTime) || typeof p.minReplicas !== "number") return [];
        return [{ at: localInstant(day, p.atTime, SAE_TIME_ZONE), minReplicas: p.minReplicas, maxReplicas: typeof p.maxReplicas === "number" ? p.maxReplicas : null }];
    });
}

/** The point of an SAE event day rule (saeDayPoints) in force at `now`: the latest of today (GMT+8) at or before it; undefined when none. */
function saeDayPointInForce(r: FloorResource, now: number): ReturnType<typeof saeDayPoints>[number] | undefined {
    const today = localStamp(now, SAE_TIME_ZONE).date;
    return saeDayPoints(r)
        .filter((p) => p.at <= now && localStamp(p.at, SAE_TIME_ZONE).date === today)
        .sort((a, b) => b.at - a.at)[0];
}

/** The application prefix of an SAE event day rule's logical name (`<prefix>-events-<yyyymmdd>`): the name without its day suffix. */
function saeApplicationPrefix(name: string): string {
    return name.replace(/-events-\d{8}$/, "");
}

/** The metric bounds (scalingRuleMetric minReplicas, maxReplicas) of an SAE application's first rule, `<prefix>-scaling`, among `resources`; null where it has none. */
function saeMetricBounds(resources: readonly FloorResource[], prefix: string): { readonly min: number; readonly max: number } | null {
    const metric = resources.find((r) => r.name === `${prefix}-scaling`)?.inputs.scalingRuleMetric;
    return isRecord(metric) && typeof metric.minReplicas === "number" && typeof metric.maxReplicas === "number" ? { min: metric.minReplicas, max: metric.maxReplicas } : null;
}

/**
 * The SAE event day rules the previous up's plan declared (`base`) that this plan (`head`) deletes
 * while one holds an event's raised floor: its point in force at `now` (the latest of its day,
 * GMT+8, at or before now, the day being today) sets more instances than the metric floor of the
 * application's remaining rule (`<prefix>-scaling`), and the last point of the application's
 * deleted rules (the release) has not run by `now` (plus LOWERING_RUN_MARGIN_MINUTES). The rules are Pulumi's resources, so the up
 * deletes it at once and the application falls back to its other rules: the raised floor and
 * ceiling drop at once, and the cloud removes the capacity above the lower ceiling whatever the
 * load (an event deleted from the stack file, or edited so that it lifts that day no more, while it
 * runs). Each is a finding naming the rule, the bounds in force and the ones the up leaves, with the
 * instant after which the event may go (the last point of the application's deleted day rules, the
 * release, plus LOWERING_RUN_MARGIN_MINUTES).
 */
export function removedSaeRuleFindings(base: readonly FloorResource[], head: readonly FloorResource[], now: number): Violation[] {
    const declared = new Set(head.map((r) => r.name));
    const deleted = base.filter((r) => isSaeEventRuleName(r.name) && r.type === SAE_SCALING_RULE_TYPE && !declared.has(r.name));
    return deleted.flatMap((r): Violation[] => {
        const inForce = saeDayPointInForce(r, now);
        const prefix = saeApplicationPrefix(r.name);
        const left = saeMetricBounds(head, prefix);
        // The last point of the application's deleted day rules (the release): once it has run (and
        // its margin passed) the rules go as planned, the peaks' timers holding their own floors.
        const last = Math.max(...deleted.filter((d) => d.name.startsWith(`${prefix}-events-`)).flatMap((d) => saeDayPoints(d).map((p) => p.at)));
        if (inForce === undefined || left === null || inForce.minReplicas <= left.min || inForce.at >= last || last + LOWERING_RUN_MARGIN_MINUTES * 60_000 <= now) return [];
        const { min, max } = left;
        const cut = inForce.maxReplicas !== null && inForce.maxReplicas > max ? `, and the cloud removes the instances above ${max} at once, whatever the load` : "";
        return [
            {
                policy: CEILINGS_LOWERED_FINDING,
                enforcement: "advisory",
                urn: "",
                message: `the --base plan declared the SAE event rule ${r.name}, whose point of ${utcMinute(inForce.at)} holds ${inForce.minReplicas} to ${inForce.maxReplicas} instances now (an event's raised floor); this pulumi up deletes it (the event is no longer in the stack file, or lifts that day no more), so the application falls back to its other rules, ${min} to ${max} instances, at once${cut}; keep the event in the stack file, as it was, until after ${utcMinute(last + LOWERING_RUN_MARGIN_MINUTES * 60_000)} (its release)`,
            },
        ];
    });
}

/**
 * The SAE event day rules the previous up's plan declared (`base`) that this plan (`head`) rewrites
 * with a lower ceiling in force now: the rule's point in force at `now` (the latest of today, GMT+8,
 * at or before now) in the head sets fewer instances at most (maxReplicas) than the base's does. SAE
 * applies a rewritten rule at once, so the cloud removes the instances above the new maximum
 * whatever the load (an event's audience lowered while it runs, still lifting that day). Each is a
 * finding (`ha-scaling-ceiling-cut`, as ceilingsCutByUp on the other clouds).
 */
export function rewrittenSaeRuleCuts(base: readonly FloorResource[], head: readonly FloorResource[], now: number): Violation[] {
    return head.flatMap((r): Violation[] => {
        const old = base.find((b) => b.name === r.name && b.type === SAE_SCALING_RULE_TYPE);
        if (old === undefined || r.type !== SAE_SCALING_RULE_TYPE) return [];
        const before = saeDayPointInForce(old, now);
        const after = saeDayPointInForce(r, now);
        if (before?.maxReplicas == null || after?.maxReplicas == null || after.maxReplicas >= before.maxReplicas) return [];
        return [
            {
                policy: CEILING_CUT_FINDING,
                enforcement: "advisory",
                urn: "",
                message: `${r.name}: this pulumi up rewrites the SAE event rule so that its point in force now holds at most ${after.maxReplicas} instances, while its point of ${utcMinute(before.at)} holds ${before.maxReplicas} in the --base plan: SAE applies the rewritten rule at once, and the cloud removes the instances above ${after.maxReplicas} at once, whatever the load, not by the scale-in rule; if the event's audience or the stage changed, keep them as they were until its release; if the raised maximum was an overlapping event's whose estimated drain has ended (the rules drop it on the first up after, docs/SCALING.md), run this pulumi up once its viewers have left`,
            },
        ];
    });
}

/**
 * The most instances an SAE application's peak rule (`<prefix>-scaling`, not an event day rule)
 * allows at `now`: the point in force of its daily timer (`period` "* * *", GMT+8: the latest point
 * of today at or before now, else the day's last point, in force since yesterday), else its metric
 * rule's maxReplicas; null when neither tells (a timer on other days: not judged).
 */
function saePeakRuleMaxAt(r: FloorResource, now: number): { readonly max: number; readonly raised: boolean; readonly by: string } | null {
    const timer = r.inputs.scalingRuleTimer;
    const metric = r.inputs.scalingRuleMetric;
    if (isRecord(timer)) {
        if (timer.period !== "* * *" || timer.beginDate != null || timer.endDate != null) return null;
        const today = localStamp(now, SAE_TIME_ZONE);
        const floor = isRecord(metric) && typeof metric.minReplicas === "number" ? metric.minReplicas : Infinity;
        const points = list(timer.schedules).flatMap((p) => (isRecord(p) && typeof p.atTime === "string" && typeof p.maxReplicas === "number" && typeof p.minReplicas === "number" ? [{ atTime: p.atTime, max: p.maxReplicas, min: p.minReplicas }] : [])).sort((a, b) => a.atTime.localeCompare(b.atTime));
        const inForce = [...points].reverse().find((p) => p.atTime <= today.time) ?? points.at(-1);
        return inForce === undefined ? null : { max: inForce.max, raised: inForce.min > floor, by: `its daily point of ${inForce.atTime} (GMT+8)` };
    }
    return isRecord(metric) && typeof metric.maxReplicas === "number" ? { max: metric.maxReplicas, raised: false, by: "its metric rule" } : null;
}

/**
 * The SAE peak rules (`<prefix>-scaling`: the metric rule with the recurring peaks' daily timer)
 * this plan (`head`) rewrites with a lower maximum in force at `now` than the previous up's plan
 * (`base`) while a peak's window is open (the base's point in force raises the floor above the metric
 * rule's): a recurring peak lowered or deleted then. SAE applies a rewritten
 * rule at once, so the cloud removes the instances above the new maximum whatever the load. Each
 * is a finding (`ha-scaling-ceiling-cut`). The event day rules are judged by rewrittenSaeRuleCuts.
 */
export function rewrittenSaePeakRuleCuts(base: readonly FloorResource[], head: readonly FloorResource[], now: number): Violation[] {
    return head.flatMap((r): Violation[] => {
        if (r.type !== SAE_SCALING_RULE_TYPE || isSaeEventRuleName(r.name)) return [];
        const old = base.find((b) => b.name === r.name && b.type === SAE_SCALING_RULE_TYPE);
        const before = old === undefined ? null : saePeakRuleMaxAt(old, now);
        const after = saePeakRuleMaxAt(r, now);
        // Only while a peak's window is open (the point in force raises the floor above the metric
        // rule's): after its release the raised maximum it keeps has drained.
        if (before === null || after === null || !before.raised || after.max >= before.max) return [];
        return [
            {
                policy: CEILING_CUT_FINDING,
                enforcement: "advisory",
                urn: "",
                message: `${r.name}: this pulumi up rewrites the SAE rule so that it allows at most ${after.max} instances now (${after.by}), while ${before.by} allows ${before.max} in the --base plan: SAE applies the rewritten rule at once, and the cloud removes the instances above ${after.max} at once, whatever the load, not by the scale-in rule; change the peak after its window, or keep it until its release`,
            },
        ];
    });
}

/**
 * Whether a base plan's resources declare `event`'s scheduled actions: a resource whose logical name
 * holds `-<event>-prescale` or `-<event>-release` (the action keys, OneOffAction.key: the AWS
 * scheduled actions, the ESS tasks, the Kubernetes floor jobs).
 */
export function declaredInBase(baseNames: readonly string[], event: string): boolean {
    return baseNames.some((n) => n.includes(`-${event}-prescale`) || n.includes(`-${event}-release`));
}

/** Type token of an SAE scaling rule (alicloud.sae.ApplicationScalingRule). */
const SAE_SCALING_RULE_TYPE = "alicloud:sae/applicationScalingRule:ApplicationScalingRule";

/** The SAE timers (`scalingRuleTimer`: beginDate, endDate, the points' atTime) of a plan's event day rules (isSaeEventRuleName; not the peaks' rules); malformed ones are left out. */
export function saeRuleTimers(resources: readonly Pick<PlannedResource, "name" | "type" | "inputs">[]): { readonly beginDate?: string; readonly endDate?: string; readonly schedules: readonly { readonly atTime: string }[] }[] {
    return resources.flatMap((r) => {
        const t = r.type === SAE_SCALING_RULE_TYPE && isSaeEventRuleName(r.name) ? r.inputs.scalingRuleTimer : undefined;
        if (!isRecord(t)) return [];
        const schedules = list(t.schedules).flatMap((p) => (isRecord(p) && typeof p.atTime === "string" ? [{ atTime: p.atTime }] : []));
        return [{ ...(typeof t.beginDate === "string" ? { beginDate: t.beginDate } : {}), ...(typeof t.endDate === "string" ? { endDate: t.endDate } : {}), schedules }];
    });
}

/** What the floor-judging functions read of a planned resource. */
export type FloorResource = Pick<PlannedResource, "name" | "type" | "inputs"> & { readonly parent?: string | null; readonly ignoreChanges?: readonly string[]; readonly provider?: string | null };

/**
 * The scaled-resource key of an HPA: its cluster (the logical name of the Kubernetes provider the
 * resource is created with: `urn:pulumi:<stack>::<project>::<type>::<name>::<id>`, one per region),
 * namespace and name, as `hpa:<cluster>/<namespace>/<name>`. Every region's cluster holds the same
 * namespace and HPA names, so the cluster tells them apart; the stack's name is left out, as
 * floorTarget leaves it out of a parent URN.
 */
function hpaTarget(r: Pick<FloorResource, "provider">, namespace: string, name: string): string {
    const cluster = (r.provider ?? "").split("::")[3] ?? "";
    return `hpa:${cluster}/${namespace}/${name}`;
}

/**
 * The input that holds the floor of each scaled base resource a schedule owns: the scaling groups'
 * minSize (EC2 Auto Scaling, ESS), the scalable targets' minCapacity (ECS services, Aurora
 * readers), the HPAs' spec.minReplicas (set by the floor jobs).
 */
export const FLOOR_INPUTS: Readonly<Record<string, string>> = {
    "aws:autoscaling/group:Group": "minSize",
    "alicloud:ess/scalingGroup:ScalingGroup": "minSize",
    "aws:appautoscaling/target:Target": "minCapacity",
    "kubernetes:autoscaling/v2:HorizontalPodAutoscaler": "spec.minReplicas",
};

/** One floor a plan's one-off scheduled action sets: on which scaled resource (`target`, floorTarget), at which instant (epoch ms), to what. */
export interface FloorStep {
    readonly target: string;
    readonly at: number;
    readonly floor: number;
}

/**
 * The scaled resource a group's or scalable target's action acts on, as the plan can tell: a
 * scalable target by its resourceId and scalableDimension (the actions name both), an Auto Scaling
 * or ESS group by the component both it and its actions are declared under (`parent`).
 */
function floorTarget(r: FloorResource): string | null {
    const id = r.inputs.resourceId;
    const dimension = r.inputs.scalableDimension;
    if (typeof id === "string" && typeof dimension === "string") return `${id}|${dimension}`;
    // The stack's name left out: a stack file edited between ups is planned offline as another stack.
    return typeof r.parent === "string" ? r.parent.replace(/^urn:pulumi:[^:]*::/, "urn:pulumi:*::") : null;
}

/** A UTC instant of a one-off action's input ("2026-12-12T11:30Z", "2026-12-12T11:30:00Z", "at(2026-12-12T11:30:00)"); null otherwise. */
function oneOffInstant(v: unknown): number | null {
    if (typeof v !== "string") return null;
    const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(v);
    const iso = at !== null ? `${at[1]}Z` : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?Z$/.test(v) ? v : null;
    const t = iso === null ? NaN : Date.parse(iso);
    return Number.isFinite(t) ? t : null;
}

/**
 * The instant of a floor job's one-off cron ("30 11 12 12 *", read in Etc/UTC: minute, hour, day of
 * month, month), in the year that puts it nearest `near` (epoch ms); null for a recurring cron.
 */
function oneOffCron(cron: unknown, near: number): number | null {
    const m = typeof cron === "string" ? /^(\d+) (\d+) (\d+) (\d+) \*$/.exec(cron) : null;
    if (m === null) return null;
    const year = new Date(near).getUTCFullYear();
    const candidates = [year - 1, year, year + 1].map((y) => Date.UTC(y, Number(m[4]) - 1, Number(m[3]), Number(m[2]), Number(m[1])));
    return candidates.reduce((a, b) => (Math.abs(b - near) < Math.abs(a - near) ? b : a));
}

/** SAE's and Application Auto Scaling's day names, 0 = Sunday (the numbering of weekday()). */
const CRON_DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/**
 * The runs in [from, to) (epoch ms) of a daily or weekly cron read in `timeZone`: "m h * * dow"
 * (day of month and month `*` or `?`; day of week `*` or a list of 0-6 or SUN-SAT); [] for any other
 * form (one-off crons: oneOffCron).
 */
export function cronRuns(cron: string, timeZone: string, from: number, to: number): number[] {
    const m = /^(\d+) (\d+) [*?] [*?] ([*?]|[0-6A-Za-z,]+)$/.exec(cron.trim());
    if (m === null || to <= from) return [];
    const days = m[3] === "*" || m[3] === "?" ? [0, 1, 2, 3, 4, 5, 6] : m[3].split(",").map((d) => (/^\d$/.test(d) ? Number(d) : CRON_DAYS.indexOf(d.toUpperCase())));
    // The model's own reading of a recurring action at a wall time of a zone (occurrences).
    return occurrences({ minuteOfDay: Number(m[2]) * 60 + Number(m[1]), days, timeZone }, from, to);
}

/** Which bound of a scheduled action boundSteps reads: the floor (minimum) or the ceiling (maximum). */
export type Bound = "floor" | "ceiling";

/** One bound a plan's scheduled action sets: on which scaled resource (`target`, floorTarget), at which instant (epoch ms), to what, by which resource (`name`) and whether that action recurs (`recurring`). */
export interface BoundStep {
    readonly target: string;
    readonly at: number;
    readonly value: number;
    readonly name: string;
    readonly recurring: boolean;
}

/** The inputs holding each bound of an action: ESS task minValue/maxValue, EC2 Auto Scaling minSize/maxSize, Application Auto Scaling scalableTargetAction.minCapacity/maxCapacity, an HPA merge patch's spec.minReplicas/maxReplicas. */
const BOUND_INPUTS: Readonly<Record<Bound, { readonly ess: string; readonly asg: string; readonly target: string; readonly hpa: string }>> = {
    floor: { ess: "minValue", asg: "minSize", target: "scalableTargetAction.minCapacity", hpa: "spec.minReplicas" },
    ceiling: { ess: "maxValue", asg: "maxSize", target: "scalableTargetAction.maxCapacity", hpa: "spec.maxReplicas" },
};

/**
 * The floors a plan's scheduled actions set, the one-off ones and the recurring ones' runs in
 * [from, to) (epoch ms; `from` also places the floor jobs' year-less one-off crons): the ESS tasks
 * (launchTime, or RecurrenceType Cron in UTC from launchTime to recurrenceEndTime; minValue), the EC2
 * Auto Scaling actions (startTime, or recurrence in timeZone; minSize, -1 leaves it), the
 * Application Auto Scaling actions (at() or cron() in timezone; scalableTargetAction.minCapacity),
 * the Kubernetes floor jobs (their cron in spec.timeZone; one `kubectl patch hpa` container per HPA,
 * its spec.minReplicas). The ceiling lowerings (no floor) are left out.
 */
export function floorSteps(resources: readonly FloorResource[], from: number, to: number): FloorStep[] {
    return boundSteps(resources, from, to, "floor").map((s) => ({ target: s.target, at: s.at, floor: s.value }));
}

/**
 * The `bound` (BOUND_INPUTS) a plan's scheduled actions set, as floorSteps reads the floors, with
 * the resource that sets it and whether it recurs; an action that leaves the bound (none, or -1 on
 * EC2 Auto Scaling) is left out.
 */
export function boundSteps(resources: readonly FloorResource[], from: number, to: number, bound: Bound): BoundStep[] {
    const paths = BOUND_INPUTS[bound];
    return resources.flatMap((r): BoundStep[] => {
        if (r.type === "kubernetes:batch/v1:CronJob") {
            const { instants, recurring } = cronJobInstants(r, from, to);
            return list(valueAt(r.inputs, "spec.jobTemplate.spec.template.spec.containers")).flatMap((c): BoundStep[] => {
                const args = isRecord(c) ? list(c.args).filter((a): a is string => typeof a === "string") : [];
                const ns = args[args.indexOf("--namespace") + 1];
                const patch = args[args.indexOf("--patch") + 1];
                if (args[0] !== "patch" || args[1] !== "hpa" || args.indexOf("--namespace") < 0 || patch === undefined) return [];
                const value = hpaPatchBound(patch, paths.hpa);
                return value === null ? [] : instants.map((at) => ({ target: hpaTarget(r, ns ?? "", args[2] ?? ""), at, value, name: r.name, recurring }));
            });
        }
        const target = floorTarget(r);
        const { instants, value, recurring } = actionBound(r, from, to, paths);
        return target !== null && typeof value === "number" && value >= 0 ? instants.map((at) => ({ target, at, value, name: r.name, recurring })) : [];
    });
}

/**
 * The instants of a Kubernetes CronJob's runs: a one-off floor or lowering job's cron names its day
 * and month in Etc/UTC (the one nearest `from`); a peak's job recurs in its zone (its runs in
 * [from, to)). None when the schedule or the zone is missing.
 */
function cronJobInstants(r: Pick<PlannedResource, "inputs">, from: number, to: number): { readonly instants: readonly number[]; readonly recurring: boolean } {
    const cron = valueAt(r.inputs, "spec.schedule");
    const zone = valueAt(r.inputs, "spec.timeZone");
    if (typeof cron !== "string" || typeof zone !== "string") return { instants: [], recurring: false };
    const once = zone === "Etc/UTC" ? oneOffCron(cron, from) : null;
    return once !== null ? { instants: [once], recurring: false } : { instants: cronRuns(cron, zone, from, to), recurring: true };
}

/** The instants (one-off, or the recurring runs in [from, to)) and the bound at `paths` of an ESS task, an EC2 Auto Scaling or an Application Auto Scaling action; none for another resource. */
function actionBound(r: Pick<FloorResource, "type" | "inputs">, from: number, to: number, paths: (typeof BOUND_INPUTS)[Bound]): { readonly instants: readonly number[]; readonly value: unknown; readonly recurring: boolean } {
    const one = (v: unknown): number[] => {
        const t = oneOffInstant(v);
        return t === null ? [] : [t];
    };
    const i = r.inputs;
    if (r.type === "alicloud:ess/scheduledTask:ScheduledTask") {
        const value = valueAt(i, paths.ess);
        if (i.recurrenceType === undefined) return { instants: one(i.launchTime), value, recurring: false };
        // ESS: "RecurrenceType Cron: a cron expression which is written in UTC", first run LaunchTime, last by RecurrenceEndTime.
        const start = oneOffInstant(i.launchTime) ?? from;
        const end = oneOffInstant(i.recurrenceEndTime) ?? to;
        return { instants: i.recurrenceType === "Cron" && typeof i.recurrenceValue === "string" ? cronRuns(i.recurrenceValue, "UTC", Math.max(from, start), Math.min(to, end + 60_000)) : [], value, recurring: true };
    }
    if (r.type === "aws:autoscaling/schedule:Schedule") {
        const value = valueAt(i, paths.asg);
        if (i.recurrence === undefined) return { instants: one(i.startTime), value, recurring: false };
        return { instants: typeof i.recurrence === "string" ? cronRuns(i.recurrence, typeof i.timeZone === "string" ? i.timeZone : "UTC", from, to) : [], value, recurring: true };
    }
    if (r.type === "aws:appautoscaling/scheduledAction:ScheduledAction") {
        const value = valueAt(i, paths.target);
        // Application Auto Scaling cron(minutes hours day-of-month month day-of-week year), in `timezone`.
        const cron = typeof i.schedule === "string" ? /^cron\((\S+ \S+ \S+ \S+ \S+) \S+\)$/.exec(i.schedule) : null;
        if (cron === null) return { instants: one(i.schedule), value, recurring: false };
        return { instants: cronRuns(cron[1], typeof i.timezone === "string" ? i.timezone : "UTC", from, to), value, recurring: true };
    }
    return { instants: [], value: undefined, recurring: false };
}

/**
 * The floors the points of a plan's SAE event rules set (an SAE rule dated to one day, GMT+8,
 * `<prefix>-events-<yyyymmdd>`: scalingRuleTimer beginDate = endDate, each point's atTime and
 * minReplicas), by application (`sae:<prefix>`): the days' rules of one application are one
 * timeline.
 */
export function saeFloorSteps(resources: readonly FloorResource[]): FloorStep[] {
    return resources.flatMap((r) => saeDayPoints(r).map((p) => ({ target: `sae:${saeApplicationPrefix(r.name)}`, at: p.at, floor: p.minReplicas })));
}

/** The bound at `path` (spec.minReplicas, spec.maxReplicas) of a floor job's merge patch; null when it sets none (a lowering job sets no floor) or is not JSON. */
function hpaPatchBound(patch: string, path: string): number | null {
    try {
        const v: unknown = JSON.parse(patch);
        const value = isRecord(v) ? valueAt(v, path) : undefined;
        return typeof value === "number" ? value : null;
    } catch {
        return null;
    }
}

/**
 * The floors a plan sets on its scaled base resources itself (FLOOR_INPUTS not under ignoreChanges:
 * the bounds an up inside a raised window asserts), by target (floorTarget; an HPA by namespace and
 * name, as its floor jobs patch it).
 */
export function assertedFloors(resources: readonly FloorResource[]): Map<string, number> {
    return new Map([...scaledFloors(resources)].filter(([, f]) => !f.ignored).map(([target, f]) => [target, f.floor]));
}

/**
 * The floor input of each scaled base resource of a plan (FLOOR_INPUTS), by target (floorTarget; an
 * HPA by namespace and name): its value, whether ignoreChanges holds it (the schedule owns it: the
 * value is Pulumi's state, not sent) and the resource's logical name.
 */
export function scaledFloors(resources: readonly FloorResource[], inputs: Readonly<Record<string, string>> = FLOOR_INPUTS): Map<string, { readonly floor: number; readonly ignored: boolean; readonly name: string }> {
    const floors = new Map<string, { floor: number; ignored: boolean; name: string }>();
    for (const r of resources) {
        const path = inputs[r.type];
        if (path === undefined) continue;
        const floor = valueAt(r.inputs, path);
        const ns = valueAt(r.inputs, "metadata.namespace");
        const name = valueAt(r.inputs, "metadata.name");
        const target = r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" ? (typeof ns === "string" && typeof name === "string" ? hpaTarget(r, ns, name) : null) : floorTarget(r);
        if (target !== null && typeof floor === "number") floors.set(target, { floor, ignored: (r.ignoreChanges ?? []).includes(path), name: r.name });
    }
    return floors;
}

/**
 * The value of a bound in force on a scaled resource when this up lands, as the base tells: the one
 * the base's up asserted (`held`, Pulumi's state, not under ignoreChanges) when no step of the base
 * (`step`, its last one by then) ran after that up (`baseAt`, epoch ms), else the step's; with what
 * set it and when. null when neither tells.
 */
function boundInForce(held: { readonly floor: number; readonly ignored: boolean } | undefined, step: BoundStep | undefined, baseAt: number | undefined): { readonly value: number; readonly by: string; readonly at: number } | null {
    const assertedByBase = held !== undefined && !held.ignored && (step === undefined || (baseAt !== undefined && baseAt >= step.at));
    if (assertedByBase) return { value: held.floor, by: `the --base plan's pulumi up${baseAt === undefined ? "" : ` (${utcMinute(baseAt)})`}`, at: baseAt ?? -Infinity };
    return step === undefined ? null : { value: step.value, by: `${step.name} (${utcMinute(step.at)})`, at: step.at };
}

/** The latest step of each target among `steps` (ties: the later in the list). */
function latestByTarget(steps: readonly BoundStep[]): Map<string, BoundStep> {
    const latest = new Map<string, BoundStep>();
    for (const s of steps) {
        const seen = latest.get(s.target);
        if (seen === undefined || s.at >= seen.at) latest.set(s.target, s);
    }
    return latest;
}

/**
 * The floors an up leaves raised although the stack file no longer holds them (with `--base`): on
 * each scaled resource, the floor in force when this up lands (`live`: the base's last floor step by
 * `now` plus LOWERING_RUN_MARGIN_MINUTES, one that may still run before the up reaches the cloud,
 * or the floor the base's up asserted itself from `baseAt`, whichever is later) against the floor
 * this plan holds there then (`held`: its own last step by then, one after `now` first, else the
 * floor it asserts, else its last step, else the resource's input). The up changes the live floor
 * only by sending one it asserts that differs from Pulumi's state (the base's input: updates send
 * only the inputs that changed); a live floor above the held one stays until this plan's next floor
 * step on that resource (named), else for good. An event deleted, moved to end before now, or its
 * audience lowered while it runs; a recurring peak deleted or ended while open; an event deleted
 * just before its pre-scale: each a finding (`ha-scaling-floor-left-raised`) naming the resource,
 * the floors, what set the live one, the first later step that lowers it (else for good) and the
 * remedy: keep the stack file as it was until the floor
 * is released, or `pulumi up --refresh` (the refresh reads the raised floor into state, so the up
 * sends the held one, where the plan sets that floor itself, no ignoreChanges). A lower floor
 * removes no capacity: the scale-in rule drains it.
 */
export function floorsLeftRaised(base: readonly FloorResource[], head: readonly FloorResource[], now: number, baseAt?: number): Violation[] {
    const lands = now + LOWERING_RUN_MARGIN_MINUTES * 60_000;
    // A floor job of the base that this up deletes within its start window may not have run: the
    // CronJob controller starts a job up to startingDeadlineSeconds late, and deleting the CronJob
    // deletes a Job still running; its step does not count as in force.
    const declared = new Set(head.map((r) => r.name));
    const jobsDeleted = new Set(base.filter((r) => r.type === "kubernetes:batch/v1:CronJob" && !declared.has(r.name)).map((r) => r.name));
    const mayNotHaveRun = (s: BoundStep): boolean => jobsDeleted.has(s.name) && s.at > now - FLOOR_JOB_STARTING_DEADLINE_SECONDS * 1000;
    const baseSteps = latestByTarget(boundSteps(base, now - 8 * DAY_MS, lands + 1, "floor").filter((s) => s.at <= lands && !mayNotHaveRun(s)));
    const headSteps = latestByTarget(boundSteps(head, now - 8 * DAY_MS, lands + 1, "floor").filter((s) => s.at <= lands));
    const state = scaledFloors(base);
    const planned = scaledFloors(head);
    return [...planned].flatMap(([target, own]): Violation[] => {
        const stateFloor = state.get(target);
        const step = baseSteps.get(target);
        const live = boundInForce(stateFloor, step, baseAt);
        if (live === null) return [];
        // What this up sends: the floor it asserts, when Pulumi's state holds another.
        const sent = upSends(own, stateFloor);
        const after = sent && live.at <= now ? own.floor : live.value;
        const headStep = headSteps.get(target);
        const held = headStep !== undefined && (headStep.at > now || own.ignored) ? headStep.value : own.floor;
        if (after <= held) return [];
        // The first later step of this plan that sets a floor below the one in force (a step that
        // sets the same floor, or raises it, leaves it raised).
        const next = earliestStep(boundSteps(head, lands + 1, now + 100 * DAY_MS, "floor").filter((s) => s.target === target && s.value < after));
        // The up asserts the floor of a step closer than the lead ahead of it (a release inside the
        // lead): that step lowers the live floor itself.
        if (next !== null && next.value <= held && next.at <= lands + SCHEDULE_MIN_LEAD_MINUTES * 60_000) return [];
        const stays = next === null ? "for good" : `until ${next.name} sets ${next.value} at ${utcMinute(next.at)}`;
        const refresh = own.ignored ? "" : `, or run this pulumi up as pulumi up --refresh (the refresh reads the raised floor into state, so the up sends ${held})`;
        return [
            {
                policy: FLOOR_LEFT_RAISED_FINDING,
                enforcement: "advisory",
                urn: "",
                message: `${own.name}: the floor in force ${live.at > now ? `when this pulumi up lands may be ${after}, set by ${live.by}, which runs within ${LOWERING_RUN_MARGIN_MINUTES} minutes of it` : `is ${after}, set by ${live.by}`}, while the stack file as planned now holds ${held} there; this pulumi up ${sent ? `sends ${own.floor}, but ${live.by} may run after it` : `sends nothing for it (Pulumi's state holds ${stateFloor?.floor ?? own.floor})`}, so the floor stays ${after} ${stays}; keep the stack file as it was until the floor is released${refresh} (a lower floor removes no capacity: the scale-in rule drains it)`,
            },
        ];
    });
}

/** Name of the finding of a floor an up leaves raised although the stack file no longer holds it (floorsLeftRaised). */
export const FLOOR_LEFT_RAISED_FINDING = "ha-scaling-floor-left-raised";

/**
 * The ceilings this up sets itself below the one a scheduled action keeps in force (with `--base`):
 * on each scaled resource whose ceiling (CEILING_INPUTS) the up sends (not under ignoreChanges and
 * different from Pulumi's state, the base's input: updates send only changed inputs) and whose
 * ceiling the base's schedule sets (a scheduled action, a floor job's patch), the ceiling in force
 * when the up lands (the base's last ceiling step by `now` plus LOWERING_RUN_MARGIN_MINUTES, or the
 * one the base's up asserted from `baseAt` when later) against the one it sends. Every cloud removes
 * the capacity above a lowered maximum at once, whatever the load, outside the AND scale-in rule: an
 * up inside an event's raised window asserts the bounds of the stack file as it is now, so an
 * audience lowered (still lifting) or a stage change while the event runs cuts the raised ceiling.
 * Each is a finding (`ha-scaling-ceiling-cut`) naming the resource, both ceilings, what set the one
 * in force and the remedy: keep the event's audience until its release (its own lowering sets the
 * ceiling back when the drain ends), or make the change after the event.
 */
export function ceilingsCutByUp(base: readonly FloorResource[], head: readonly FloorResource[], now: number, baseAt?: number): Violation[] {
    const lands = now + LOWERING_RUN_MARGIN_MINUTES * 60_000;
    const steps = boundSteps(base, now - 8 * DAY_MS, lands + 1, "ceiling").filter((s) => s.at <= lands);
    const scheduled = new Set(boundSteps(base, now - 8 * DAY_MS, now + 100 * DAY_MS, "ceiling").map((s) => s.target));
    const baseSteps = latestByTarget(steps);
    const state = scaledFloors(base, CEILING_INPUTS);
    return [...scaledFloors(head, CEILING_INPUTS)].flatMap(([target, own]): Violation[] => {
        const held = state.get(target);
        // Not sent: under ignoreChanges, unchanged, or a new resource (nothing in force yet).
        if (held === undefined || !upSends(own, held) || !scheduled.has(target)) return [];
        const live = boundInForce(held, baseSteps.get(target), baseAt);
        if (live === null || own.floor >= live.value) return [];
        return [
            {
                policy: CEILING_CUT_FINDING,
                enforcement: "advisory",
                urn: "",
                message: `${own.name}: this pulumi up sets the ceiling ${own.floor} while ${live.value} is in force, set by ${live.by}: the cloud removes the capacity above ${own.floor} at once, whatever the load, not by the scale-in rule; keep the event's audience as it was until its release (its lowering sets the ceiling back when the drain ends), or make this change after the event`,
            },
        ];
    });
}

/**
 * The bounds this up asserts but does not send (with `--base`): on each scaled resource whose floor
 * or ceiling this plan sets itself (not under ignoreChanges) to the value Pulumi's state already
 * holds (an update sends only changed inputs), the value in force now is lower: the base's last step
 * of that bound at or before `now` when the base left the bound to the schedules (ignoreChanges: its
 * state is the value an earlier up sent, carried), else its last step after the base's own up
 * (`baseAt`, epoch ms), which asserted the state's value. That is an event's release or lowering
 * that ran after an up inside its window, before the event was extended or declared again: the floor
 * the up means to raise stays lower, and a ceiling below the floor it sends makes the cloud refuse
 * the update (a maximum below the minimum). Each is a finding (`ha-scaling-bound-not-sent`) naming
 * both values and the step, with the remedy: `pulumi up --refresh` (the refresh reads the values in
 * force into state, so the up sends the asserted ones). Without `baseAt` (a base that asserted no
 * floor its actions set records none) every step by `now` counts.
 */
export function boundsNotSent(base: readonly FloorResource[], head: readonly FloorResource[], now: number, baseAt?: number): Violation[] {
    const bounds: readonly { readonly bound: Bound; readonly inputs: Readonly<Record<string, string>> }[] = [
        { bound: "floor", inputs: FLOOR_INPUTS },
        { bound: "ceiling", inputs: CEILING_INPUTS },
    ];
    return bounds.flatMap(({ bound, inputs }) => {
        // The steps that have run by `now` (one still ahead, a release closer than the lead that this
        // up keeps declared, sets its bound as planned).
        const ran = boundSteps(base, now - 8 * DAY_MS, now + 1, bound).filter((s) => s.at <= now);
        const anyStep = latestByTarget(ran);
        const sinceUp = baseAt === undefined ? anyStep : latestByTarget(ran.filter((s) => s.at > baseAt));
        const state = scaledFloors(base, inputs);
        return [...scaledFloors(head, inputs)].flatMap(([target, own]): Violation[] => {
            const held = state.get(target);
            if (own.ignored || held === undefined || own.floor !== held.floor) return [];
            const step = (held.ignored ? anyStep : sinceUp).get(target);
            if (step === undefined || step.value >= own.floor) return [];
            return [
                {
                    policy: BOUND_NOT_SENT_FINDING,
                    enforcement: "advisory",
                    urn: "",
                    message: `${own.name}: this pulumi up asserts the ${bound} ${own.floor}, which Pulumi's state already holds (${held.ignored || baseAt === undefined ? "an earlier pulumi up sent it" : `the --base plan's pulumi up of ${utcMinute(baseAt)}`}), so nothing is sent, while ${step.name} has set ${step.value} since (${utcMinute(step.at)}): the ${bound} stays ${step.value}${bound === "ceiling" ? " (a floor this up sends above it is refused)" : ""}; run this pulumi up as pulumi up --refresh (the refresh reads ${step.value} into state, so the up sends ${own.floor})`,
                },
            ];
        });
    });
}

/** Name of the finding of a bound an up asserts but does not send, a step having lowered it since (boundsNotSent). */
export const BOUND_NOT_SENT_FINDING = "ha-scaling-bound-not-sent";

/** Name of the finding of a ceiling an up sets below the one a scheduled action keeps in force (ceilingsCutByUp). */
export const CEILING_CUT_FINDING = "ha-scaling-ceiling-cut";

/**
 * Whether a plan's up asserts a floor on a scaled resource its own scheduled actions also set
 * (assertedFloors, floorSteps with the recurring runs within a week of `now`, epoch ms): an up
 * inside a raised window, whose asserted floor holds from its instant (Plan.plannedAt) until the
 * next action.
 */
export function assertsScheduledFloors(resources: readonly FloorResource[], now: number): boolean {
    const acted = new Set(floorSteps(resources, now - 8 * DAY_MS, now + 8 * DAY_MS).map((s) => s.target));
    return [...assertedFloors(resources).keys()].some((target) => acted.has(target));
}

/**
 * Whether the base plan's declared schedule held the floors this up asserts for an event in its
 * window (`preScale` to `now`, epoch ms): on every scaled resource this plan asserts a floor on
 * (`head`, assertedFloors) and the base acts on, the largest floor the base holds there from the
 * pre-scale to the end of this up's lead (the step in force at the pre-scale and every step after
 * it until now + SCHEDULE_MIN_LEAD_MINUTES) is at least the asserted one. The steps are the base's
 * actions and the floors the base's up asserted on the scaled resources themselves
 * (assertedFloors), which hold from that up's instant (`baseAt`, epoch ms: StackInput.plannedAt)
 * until the base's next action: an up inside the event's raised window asserts its floors instead
 * of declaring an action. Without `baseAt`, the asserted floor counts only where no action is in
 * force at the pre-scale. Read from what the actions set, not their names: a pre-scale merged into
 * another event's release (the floor timeline's step is named after that event) counts, and so
 * does a floor another event's action holds through the window. null when no resource compares.
 */
export function floorsHeldInBase(base: readonly FloorResource[], head: readonly FloorResource[], preScale: number, now: number, baseAt?: number): boolean | null {
    const since = floorsHeldSince(base, head, preScale, now, baseAt);
    return since === null ? null : since !== false;
}

/**
 * Since when the base plan held the floors this up asserts for an event in its window (the same
 * comparison as floorsHeldInBase): `preScale` when the step in force at the pre-scale held them on
 * every compared resource, else the latest instant (epoch ms) at which a base step first reached
 * the asserted floor on a resource (the base's own up, `baseAt`, for floors it asserted after the
 * pre-scale). false when the base never held them, null when no resource compares.
 */
export function floorsHeldSince(base: readonly FloorResource[], head: readonly FloorResource[], preScale: number, now: number, baseAt?: number): number | false | null {
    const until = now + SCHEDULE_MIN_LEAD_MINUTES * 60_000;
    const baseAsserted = assertedFloors(base);
    // The recurring actions' runs from a week before the pre-scale: the last one before it may be in
    // force then. The asserted floors come last, so a run at the up's own instant (the same minute)
    // is before them in the stable sort below: the up set the bounds after it.
    const asserted = baseAt === undefined ? [] : [...baseAsserted].map(([target, floor]): FloorStep => ({ target, at: baseAt, floor }));
    const steps = [...floorSteps(base, preScale - 8 * DAY_MS, until), ...saeFloorSteps(base), ...asserted];
    // On SAE the up asserts a floor as a point of the day's event rule (saeAssertedPoint): the
    // point in force at `now`, or one closer than the lead.
    const saeHead = new Map<string, number>();
    for (const s of saeFloorSteps(head).sort((a, b) => a.at - b.at)) {
        if (s.at <= now) saeHead.set(s.target, s.floor);
        else if (s.at < until) saeHead.set(s.target, Math.max(saeHead.get(s.target) ?? 0, s.floor));
    }
    // An SAE application without a base point then holds its rules' metric floor (`<prefix>-scaling`).
    const saeMetricFloor = (target: string): number | undefined => (target.startsWith("sae:") ? saeMetricBounds(base, target.slice(4))?.min : undefined);
    let compared = false;
    let since = preScale;
    for (const [target, floor] of [...assertedFloors(head), ...saeHead]) {
        const own = steps.filter((s) => s.target === target).sort((a, b) => a.at - b.at);
        const inForce = own.filter((s) => s.at <= preScale).at(-1)?.floor ?? (baseAt === undefined ? baseAsserted.get(target) : undefined) ?? saeMetricFloor(target);
        const after = own.filter((s) => s.at > preScale && s.at < until);
        if (inForce === undefined && after.length === 0) continue;
        compared = true;
        if ((inForce ?? 0) >= floor) continue;
        const reached = after.find((s) => s.floor >= floor);
        if (reached === undefined) return false;
        since = Math.max(since, reached.at);
    }
    return compared ? since : null;
}

/**
 * Whether a base plan declared the event of a schedule entry: the floors its scheduled actions and
 * SAE event rules' points set held the ones this plan (`head`, its resources) asserts in the
 * event's window (floorsHeldInBase, from ScheduleReport.window). Where nothing compares, a resource
 * named after one of its actions (declaredInBase) or, on SAE, whose event rules are named by day and
 * shared by the day's events, a day rule holding a trigger point at the event's pre-scale or release
 * (saeTimersHoldPoint). Returns since when: the instant from floorsHeldSince (epoch ms),
 * "preScale" when told by a name or an SAE day rule (its actions hold them from the pre-scale),
 * false when the base did not declare it.
 */
export function eventDeclaredSince(base: readonly FloorResource[], entry: Readonly<Record<string, unknown>>, head: readonly FloorResource[] = [], baseAt?: number): number | "preScale" | false {
    if (typeof entry.source !== "string") return false;
    const w = entry.window;
    const preScale = isRecord(w) && typeof w.preScale === "string" ? Date.parse(w.preScale) : NaN;
    const now = isRecord(w) && typeof w.at === "string" ? Date.parse(w.at) : NaN;
    const held = Number.isFinite(preScale) && Number.isFinite(now) ? floorsHeldSince(base, head, preScale, now, baseAt) : null;
    if (held !== null) return held;
    if (declaredInBase(base.map((r) => r.name), entry.source)) return "preScale";
    if (!isRecord(w) || typeof w.preScale !== "string" || typeof w.release !== "string") return false;
    return saeTimersHoldPoint(saeRuleTimers(base), [Date.parse(w.preScale), Date.parse(w.release)]) ? "preScale" : false;
}

/** The kept text's instant: "its pre-scale" when the base held the floors from it, else the instant the base shows (eventDeclaredSince). */
export function heldSinceText(since: number | "preScale", preScale: number): string {
    return since === "preScale" || since <= preScale ? "its pre-scale" : utcMinute(since);
}

/**
 * The schedule judged against the plan of the previous `pulumi up` (`--base`, its resources and
 * the instant it planned against, `baseAt`: StackInput.plannedAt; `head` this plan's): an event in progress whose floor this up asserts after its pre-scale
 * (ScheduleReport.lateIfUndeclared) is `late` only when the base did not declare it
 * (eventDeclaredSince: its actions did not hold the floors this up asserts): the up is the first to
 * raise them, after its pre-scale; an advisory finding then. Otherwise it stays `inProgress`, with
 * the base's word that the pre-scale was declared and since when its floors held (heldSinceText).
 */
export function lateAgainstBase(section: ScalingSection, base: readonly FloorResource[], head: readonly FloorResource[] = [], baseAt?: number): { readonly section: ScalingSection; readonly findings: Violation[] } {
    const findings: Violation[] = [];
    const schedule = section.schedule.map((r) => {
        if (!isRecord(r) || typeof r.lateIfUndeclared !== "string" || typeof r.source !== "string") return r;
        const since = eventDeclaredSince(base, r, head, baseAt);
        if (since !== false) {
            const w = r.window;
            const preScale = isRecord(w) && typeof w.preScale === "string" ? Date.parse(w.preScale) : NaN;
            const held = `: the --base plan declared it, so its floors were in force since ${heldSinceText(since, preScale)}`;
            return { ...r, detail: String(r.detail).replace(/: the floors were in force since then if .*?\(it reads no live state; plan with --base <the previous up's plan> to tell\)/, held) };
        }
        findings.push({ policy: EVENT_PRESCALE_FINDING, enforcement: "advisory", urn: "", message: `event ${r.source}: ${r.lateIfUndeclared}` });
        return { ...r, status: "late", detail: r.lateIfUndeclared };
    });
    return { section: { ...section, schedule }, findings };
}

/** Name of the finding of a past event whose raised ceilings' estimated drain has ended (ScheduleReport.ceilingsLowered): the up sets the everyday ceilings again. */
export const CEILINGS_LOWERED_FINDING = "ha-scaling-ceilings-lowered";

/** Name of the finding of an event or peak whose raised pod floors exceed the node pools at maxNodesPerZone (ScheduleReport.nodeShortfall). */
export const POD_FLOORS_NODES_FINDING = "ha-scaling-pod-floors-nodes";

/** Text lines of the section for the human-readable plan. */
export function renderScaling(section: ScalingSection): string[] {
    const peak = section.timeToPeak.map((e) => `  ${e.region} ${e.tier} ${e.scenario}: ${e.minutes === null ? "never" : `${e.minutes} min`} ${e.meets5Minutes ? "(ok)" : "(missed)"}: ${e.detail}`);
    const schedule = section.schedule.filter(isRecord).map((r) => `  ${String(r.source)}: ${String(r.status)}, ${String(r.detail)}`);
    return ["scaling (time to peak):", ...peak, ...(schedule.length > 0 ? ["schedule:", ...schedule] : []), ...boundsNote(section)];
}

/** Statuses of a schedule entry whose actions (or drain) leave the app bounds to the schedules. */
const OWNING_STATUSES: readonly unknown[] = ["scheduled", "inProgress", "late", "recurring"];

/**
 * The note of a plan whose schedules own the app tier's bounds (scheduledBoundsNote, in the
 * section as boundsNote): an edited everyday bound does nothing to the running resource until its
 * next scheduled action. [] when no entry declares an action or holds a drain, or the stack's
 * compute has no such owner (SAE, Kubernetes without floor jobs).
 */
export function boundsNote(section: ScalingSection): string[] {
    // An entry that lifts no floor of the app tier declares nothing on it (NO_APP_TIER_LIFT).
    const owning = section.schedule.filter(isRecord).some((r) => (OWNING_STATUSES.includes(r.status) && !String(r.detail).includes(NO_APP_TIER_LIFT)) || (r.status === "past" && String(r.detail).includes("still drains")));
    return owning && section.boundsNote !== undefined ? [`note: while events or peaks are declared, ${section.boundsNote}`] : [];
}
