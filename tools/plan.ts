// Offline plan: runs the program of a stack under recording mocks (no Pulumi CLI, no credentials,
// no network), prints the resources it would declare, evaluates the policy pack on them and
// estimates the stack's availability.
//
//   npm run plan -- --stack growth-alicloud [--format text|json]
//   npm run plan -- --all [--format text|json]
//   npm run plan -- --stack growth-aws --base startup-aws.json   # change preview against a base plan
//   npm run plan -- --stack growth-aws --preview   (as a first `pulumi preview` sees it: ids unknown)
//
// Several stacks plan on worker threads, one per core (tools/lib/plan-threads.ts; LC_PLAN_THREADS
// sets the limit), printed in the order named, as planning them one after the other prints them.
//
// Exit codes: 0 planned, no mandatory violation and no value a provider would reject; 1 a mandatory
// policy violation, a provider-conformance violation (or an unmocked call, or with --base a stateful
// replace/delete without a documented migration); 2 unknown stack, invalid config or bad arguments.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { ConfigError, STAGES } from "../components/model";
import { hasMandatory } from "./lib/evaluate";
import type { StackInput } from "./lib/inputs";
import { runCli } from "./lib/cli";
import type { Plan } from "./lib/record";
import { renderText } from "./lib/render";
import { CEILINGS_LOWERED_FINDING, RULE_CEILING_TYPES, ScalingSection, ceilingFindings, ceilingsAgainstBase, lateAgainstBase, loweredCeilings, floorsLeftRaised, ceilingsCutByUp, boundsNotSent, rewrittenSaePeakRuleCuts, rewrittenSaeRuleCuts, removedActionFindings, removedSaeRuleFindings, renderScaling, scalingFindings, scalingSection } from "./lib/scaling";
import { StackReport, hasConformanceViolations, renderTable } from "./lib/report";
import { STACKS_DIR, StackFileError, UnknownStackError, listStacks, loadStackConfig } from "./lib/stackfiles";
import { STACK_TRACES_ENV } from "./lib/stack-traces";
import { UpgradeReport, carryIgnored, diffPlans } from "./lib/upgrade";
import { deferredMessage, deferredSettings } from "../policies/conformance/applied-on-update";
import type { Violation } from "./lib/evaluate";
import { UpgradeJson, renderUpgradeText, upgradeJson } from "./lib/upgrade-report";

// Only what parses the arguments and prints the plans is imported here: the Pulumi runtime, the
// SDKs and the policy pack load when a stack is planned (`import()` below), so a bad argument is
// reported at once, and the thread printing the plans of planning threads (tools/lib/plan-threads.ts)
// never loads them.
export const FORMATS = ["text", "json"] as const;
export type Format = (typeof FORMATS)[number];

export interface PlanArgs {
    readonly stacks: readonly string[];
    readonly format: Format;
    /** Folder of the stack files (default: stacks/). */
    readonly dir: string;
    /** Plan (or preview / export) of the stack before the change: prints the change preview against it. */
    readonly base: string | undefined;
    /** Plan as a first `pulumi preview` sees it (ids, ARNs, endpoints of new resources unknown). Defaults to false. */
    readonly preview: boolean;
    /** File to write the plan to; stdout when undefined. */
    readonly out: string | undefined;
}

export class UsageError extends Error {}

const USAGE = "usage: npm run plan -- (--stack <name> | --all) [--preview] [--format text|json] [--out <file>] [--dir <stack file folder>] [--base <plan JSON of the stack before the change>]";

export function parseArgs(argv: readonly string[]): PlanArgs {
    let stacks: string[] = [];
    let all = false;
    let format: Format = "text";
    let dir = STACKS_DIR;
    let base: string | undefined;
    let preview = false;
    let out: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--all") all = true;
        else if (arg === "--preview") preview = true;
        else if (arg === "--out") {
            out = argv[++i];
            if (out === undefined) throw new UsageError(`--out needs a file\n${USAGE}`);
        }
        else if (arg === "--dir") {
            const v = argv[++i];
            if (v === undefined) throw new UsageError(`--dir needs a folder\n${USAGE}`);
            dir = path.resolve(v);
        }
        else if (arg === "--base") {
            const v = argv[++i];
            if (v === undefined) throw new UsageError(`--base needs a plan JSON file\n${USAGE}`);
            base = v;
        } else if (arg === "--stack") {
            const v = argv[++i];
            if (v === undefined) throw new UsageError(`--stack needs a name\n${USAGE}`);
            stacks.push(v);
        } else if (arg === "--format") {
            const v = FORMATS.find((f) => f === argv[i + 1]);
            if (v === undefined) throw new UsageError(`--format must be one of ${FORMATS.join(", ")} (got ${argv[i + 1] ?? "nothing"})\n${USAGE}`);
            format = v;
            i++;
        } else throw new UsageError(`unknown argument ${arg}\n${USAGE}`);
    }
    // a --dir that is no folder is named as such, never taken for an empty one
    if (!fs.existsSync(dir)) throw new UsageError(`--dir ${dir}: no such folder; name the folder that holds the stack files (Pulumi.<stack>.yaml)`);
    if (!fs.statSync(dir).isDirectory()) throw new UsageError(`--dir ${dir} is a file, not a folder; name the folder that holds the stack files (Pulumi.<stack>.yaml)`);
    const known = listStacks(dir);
    // --all of a folder without stack files plans nothing: an error naming the folder, never "name a stack"
    if (all && known.length === 0) throw new UsageError(`--all: no stack files (Pulumi.<stack>.yaml) in ${dir}; add one (README "Your own stack"), or name the folder with --dir`);
    if (all) stacks = known;
    if (stacks.length === 0) throw new UsageError(`name a stack or --all; stacks: ${known.length > 0 ? known.join(", ") : `none in ${dir}`}\n${USAGE}`);
    if (base !== undefined && stacks.length !== 1) throw new UsageError(`--base compares one stack: name it with --stack (got ${stacks.length} stacks)\n${USAGE}`);
    return { stacks, format, dir, base, preview, out };
}

/**
 * A plan with its policy findings, provider-conformance violations, availability estimate,
 * flows and scaling section (schedule, time to peak, drain), and with --base the change preview.
 */
export type CheckedPlan = Plan & Pick<StackReport, "policy" | "conformance" | "availability" | "flows"> & { readonly scaling: ScalingSection; readonly upgrade?: UpgradeJson };

/** Policy name of the findings on settings a new resource gets only from its second `pulumi up`. */
export const APPLIED_ON_UPDATE_FINDING = "provider-applied-on-update";

/**
 * Advisory findings, one per property a planned resource sets that its provider applies only when
 * it updates an existing resource (policies/conformance/applied-on-update.ts): the first
 * `pulumi up` of a new stack leaves them unapplied, the second applies them.
 */
export function appliedOnUpdateFindings(resources: Plan["resources"]): Violation[] {
    return resources.flatMap((r) => deferredSettings(r)).map((d) => ({ policy: APPLIED_ON_UPDATE_FINDING, enforcement: "advisory", urn: d.urn, message: deferredMessage(d) }));
}

/** Evaluates the policy pack on a plan and adds the time-to-peak findings of its scaling section and the settings only a second `pulumi up` applies. */
export async function checkPlan(plan: Plan): Promise<CheckedPlan> {
    const { evaluateStack } = await import("./lib/inputs");
    const report = await evaluateStack({ stack: plan.stack, stage: plan.stage, resources: plan.resources, unset: plan.notDeployableUntilSet.map((m) => m.key) });
    const scaling = scalingSection(plan.outputs);
    const stage = STAGES.find((s) => s === plan.stage);
    const findings = [...(stage === undefined ? [] : scalingFindings(scaling, stage)), ...appliedOnUpdateFindings(plan.resources)];
    return { ...plan, policy: { violations: [...report.policy.violations, ...findings] }, conformance: report.conformance, availability: report.availability, flows: report.flows, scaling };
}

/**
 * What planning one stack came to: its checked plan, or the error the command reports by its
 * message alone with its exit code (2 an unknown stack, an invalid config or stack file; 1 a data
 * source the mocks do not answer).
 */
export type StackOutcome = { readonly kind: "planned"; readonly plan: CheckedPlan } | { readonly kind: "refused"; readonly code: 1 | 2; readonly message: string };

/** Plans and checks one stack. Any other error (a crash) is thrown. */
export async function planOutcome(stack: string, dir: string, preview: boolean): Promise<StackOutcome> {
    try {
        // An unknown stack or an unreadable stack file is reported before the SDKs load.
        loadStackConfig(stack, dir);
        const { planStack } = await import("./lib/record");
        return { kind: "planned", plan: await checkPlan(await planStack(stack, dir, { preview })) };
    } catch (e) {
        if (e instanceof UnknownStackError || e instanceof ConfigError || e instanceof StackFileError) return { kind: "refused", code: 2, message: e.message };
        const { UnmockedCallError } = await import("./lib/mocks");
        if (e instanceof UnmockedCallError) return { kind: "refused", code: 1, message: e.message };
        throw e;
    }
}

/** Exit code of planned stacks: 1 when any has a mandatory policy violation or a value a provider would reject, else 0. */
export function exitCodeOf(plans: readonly CheckedPlan[]): number {
    return plans.some((p) => hasMandatory(p.policy.violations) || hasConformanceViolations(p)) ? 1 : 0;
}

export function renderPlans(plans: readonly CheckedPlan[], format: Format, upgrade?: UpgradeReport): string {
    if (format === "json") return JSON.stringify(plans.length === 1 ? plans[0] : plans, null, 2);
    const text = plans.map((p) => `${renderText(p)}\n\n${renderScaling(p.scaling).join("\n")}\n\n${renderTable([p])}`).join("\n\n");
    return upgrade === undefined ? text : `${text}\n\n${renderUpgradeText(upgrade)}`;
}

/** The one stack of a base file (a saved plan, preview or export). */
export async function readBase(baseFile: string): Promise<StackInput> {
    const { readInputStacks } = await import("./check");
    const { singleStack } = await import("./lib/inputs");
    return singleStack(readInputStacks(baseFile, "--base", undefined, false), baseFile);
}

/**
 * A plan judged against its base (the plan of the previous `pulumi up`): the change preview, and
 * the events in progress it tells late or not (lateAgainstBase). `now` (epoch ms; Defaults to the
 * clock, which the program planned at) tells the base's releases and ceiling lowerings this plan deletes before
 * they may have run (removedActionFindings).
 */
export function withBase(plan: CheckedPlan, base: StackInput, upgrade: UpgradeReport, now: number = Date.now()): CheckedPlan {
    const late = lateAgainstBase(plan.scaling, base.resources, plan.resources, base.plannedAt);
    // A drained event's raised ceilings are named only when this up really lowers one against the
    // base (ceilingsAgainstBase): the finding follows the judged entries.
    // The scheduled actions set the ceilings live, so the base's declared lowerings tell what is in
    // force, not its state (loweringInBase), and the base's recurring actions whether one ran after a
    // tier's lowering with a higher ceiling (reraisedInBase).
    const scaling = ceilingsAgainstBase(late.section, base.resources.map((r) => r.name), { all: loweredCeilings(base.resources, plan.resources), rules: loweredCeilings(base.resources, plan.resources, RULE_CEILING_TYPES), sent: loweredCeilings(base.resources, plan.resources, undefined, true) }, { resources: base.resources, now });
    // A release or lowering the base declared that this up deletes before it has run: an event
    // deleted or its audience lowered while it runs (`now`: the instant the program planned at).
    // Judged on the resources as Pulumi keeps them after this up (carryIgnored): a recurring ESS
    // task keeps the first run it was created with (launchTime under ignoreChanges), not the next
    // one this plan computes from `now`.
    const kept = carryIgnored(base.resources, plan.resources);
    const removed = [
        ...removedActionFindings(scaling, base.resources, kept, now),
        ...removedSaeRuleFindings(base.resources, kept, now),
        ...floorsLeftRaised(base.resources, kept, now, base.plannedAt),
        ...ceilingsCutByUp(base.resources, kept, now, base.plannedAt),
        ...rewrittenSaeRuleCuts(base.resources, kept, now),
        ...rewrittenSaePeakRuleCuts(base.resources, kept, now),
        ...boundsNotSent(base.resources, kept, now, base.plannedAt),
    ];
    const violations = [...plan.policy.violations.filter((v) => v.policy !== CEILINGS_LOWERED_FINDING), ...ceilingFindings(scaling), ...removed, ...late.findings];
    // The resources as Pulumi keeps them after this up (carryIgnored): this plan, used as the next
    // plan's --base, shows the up that sets an ignored property again.
    return { ...plan, resources: kept, scaling, policy: { violations }, upgrade: upgradeJson(upgrade) };
}

/** The change preview of a plan against its base. */
export function upgradeAgainst(plan: Plan, base: StackInput, baseFile: string): UpgradeReport {
    return diffPlans(base.resources, plan.resources, { base: base.stack || baseFile, head: plan.stack });
}

/** One stack's outcome, by name. */
export interface NamedOutcome {
    readonly stack: string;
    readonly outcome: StackOutcome;
}

/** Plans the stacks one after the other in this thread, yielding each outcome as it is known. */
async function* planInOrder(stacks: readonly string[], dir: string, preview: boolean): AsyncGenerator<NamedOutcome> {
    for (const stack of stacks) yield { stack, outcome: await planOutcome(stack, dir, preview) };
}

/**
 * Set to a whole number, the most threads that plan stacks at once (1: all in the command's own
 * thread). Defaults to the machine's available parallelism when it is at least
 * MIN_PARALLELISM_FOR_THREADS, else 1.
 */
export const PLAN_THREADS_ENV = "LC_PLAN_THREADS";

/**
 * The available parallelism from which several stacks plan on threads by default. Each thread
 * loads the runtime and SDKs again and runs its own garbage collection (about 1-1.5 s of CPU more
 * for the six matrix stacks): on a 2-core machine the six stacks took 3.6-4.1 s on two threads
 * and 2.9-3.4 s in one (npm run bench, quiet machine), so threads pay only with spare cores.
 */
export const MIN_PARALLELISM_FOR_THREADS = 4;

/**
 * How many threads plan `stacks` stacks: one per stack, at most LC_PLAN_THREADS or, unset, the
 * machine's available parallelism when it is at least MIN_PARALLELISM_FOR_THREADS (else 1); 1
 * (this thread) for a single stack, and when a crashed command runs again with stack traces on
 * (tools/lib/cli.ts), so the trace comes from one thread.
 */
export function planningThreads(stacks: number, env: NodeJS.ProcessEnv = process.env, parallelism: number = os.availableParallelism()): number {
    if (env[STACK_TRACES_ENV] === "1") return 1;
    const set = env[PLAN_THREADS_ENV];
    const limit = set !== undefined && /^[1-9][0-9]*$/.test(set) ? Number(set) : parallelism >= MIN_PARALLELISM_FOR_THREADS ? parallelism : 1;
    return Math.max(1, Math.min(stacks, limit));
}

async function main(): Promise<number> {
    let args: PlanArgs;
    try {
        args = parseArgs(process.argv.slice(2));
    } catch (e) {
        if (e instanceof UsageError) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
    // A bad base is reported before the (slower) plan runs.
    let base: StackInput | undefined;
    if (args.base !== undefined) {
        const { InputFormatError } = await import("./lib/inputs");
        try {
            base = await readBase(args.base);
        } catch (e) {
            if (e instanceof InputFormatError || e instanceof SyntaxError || (e instanceof Error && "code" in e && e.code === "ENOENT")) {
                process.stderr.write(`--base ${args.base}: ${e.message}\n`);
                return 2;
            }
            throw e;
        }
    }
    const threads = planningThreads(args.stacks.length);
    const plans: CheckedPlan[] = [];
    const outcomes = threads > 1 ? (await import("./lib/plan-threads")).planOnThreads(args.stacks, args.dir, args.preview, threads) : planInOrder(args.stacks, args.dir, args.preview);
    for await (const { stack, outcome } of outcomes) {
        if (outcome.kind === "refused") {
            process.stderr.write(`${stack}: ${outcome.message}\n`);
            return outcome.code;
        }
        plans.push(outcome.plan);
    }
    let upgrade: UpgradeReport | undefined;
    if (base !== undefined && args.base !== undefined) {
        upgrade = upgradeAgainst(plans[0], base, args.base);
        plans[0] = withBase(plans[0], base, upgrade);
    }
    if (args.out !== undefined) fs.writeFileSync(args.out, `${renderPlans(plans, args.format, upgrade)}\n`);
    else process.stdout.write(`${renderPlans(plans, args.format, upgrade)}\n`);
    return exitCodeOf(plans) === 1 || (upgrade !== undefined && upgrade.undocumented.length > 0) ? 1 : 0;
}

if (require.main === module) runCli(main);
