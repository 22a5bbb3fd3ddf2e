// Policy check of a saved plan, a `pulumi preview --json` output or a `pulumi stack export` file.
//
//   npm run -s check -- --from <file> [--output table|json|sarif|markdown] [--out <file>]
//                       [--config <pack-config.json>] [--stage startup|growth|mature] [--base <file>]
//                       [--residency <boundary name>|<region id,...>]
//
// The stage comes from the input (plan `stage`, preview config `<project>:stage`, export stack
// output `stage`, or the resources' `stage` tags); `--stage` overrides it. `--out` writes the
// report to a file (stdout then carries nothing), so npm's own banner can never corrupt it.
// With --base (the plan, preview or export of the stack before the change) the check also prints
// the change preview of --from against it (tools/lib/upgrade.ts).
//
// Exit codes: 0 no mandatory violation and no value a provider would reject; 1 a mandatory violation
// or a provider-conformance violation, or with --base a stateful replace/delete without a documented
// migration; 2 bad arguments or input (one line naming what is wrong; never a stack trace).

import * as fs from "fs";
import * as path from "path";

import { runCli } from "./lib/cli";
import { PackConfig, hasMandatory } from "./lib/evaluate";
import { RESIDENCY_POLICY, INPUT_REVIVE_DEPTH, InputFormatError, POLICY_DESCRIPTIONS, StackInput, evaluateStack, inputReviver, parseInput, singleStack } from "./lib/inputs";
import { PackConfigError, validatePackConfig } from "./lib/pack-config";
import { JsonReadError, JsonReadOptions, readJsonFile } from "./lib/json-scan";
import { locateFinding } from "./lib/stackfiles";
import { OUTPUTS, Output, StackReport, hasConformanceViolations, renderMarkdown, renderSarif, renderTable } from "./lib/report";
import { POLICIES } from "../policies/all";
import { BOUNDARY_NAMES, isBoundaryName } from "../components/model/residency";
import { isRecord } from "../policies/lib/values";
import { FLOW_CONNECTED } from "../policies/flows/finding";
import { STAGES, Stage } from "../policies/lib/stage";
import { UpgradeReport, diffPlans } from "./lib/upgrade";
import { renderUpgradeMarkdown, renderUpgradeText, upgradeJson } from "./lib/upgrade-report";

export class UsageError extends Error {}

const USAGE = "usage: npm run -s check -- --from <file> [--output table|json|sarif|markdown] [--out <file>] [--config <pack-config.json>] [--stage startup|growth|mature] [--residency <boundary name>|<region id,...>] [--base <file of the stack before the change>]";

export interface CheckArgs {
    readonly from: string;
    readonly output: Output;
    readonly config: string | undefined;
    /** The stack before the change: adds the change preview of `from` against it. */
    readonly base: string | undefined;
    /** Overrides the stage the input declares. */
    readonly stage: Stage | undefined;
    /** File to write the report to; stdout when undefined. */
    readonly out: string | undefined;
    /** Overrides the residency boundary of the input and of the pack config: a boundary name or region ids separated by commas. */
    readonly residency?: string;
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
    let from: string | undefined;
    let output: Output = "table";
    let config: string | undefined;
    let base: string | undefined;
    let stage: Stage | undefined;
    let out: string | undefined;
    let residency: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = argv[i + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg.startsWith("--") ? `${arg} needs a value` : `unexpected argument ${JSON.stringify(arg)}`}\n${USAGE}`);
        if (arg === "--from") from = value;
        else if (arg === "--config") config = value;
        else if (arg === "--out") out = value;
        else if (arg === "--base") base = value;
        else if (arg === "--residency") residency = value;
        else if (arg === "--stage") {
            stage = STAGES.find((s) => s === value);
            if (stage === undefined) throw new UsageError(`--stage must be one of ${STAGES.join(", ")} (got ${JSON.stringify(value)})\n${USAGE}`);
        } else if (arg === "--output" || arg === "--format") {
            const o = OUTPUTS.find((x) => x === value);
            if (o === undefined) throw new UsageError(`--output must be one of ${OUTPUTS.join(", ")} (got ${JSON.stringify(value)})\n${USAGE}`);
            output = o;
        } else throw new UsageError(`unknown argument ${JSON.stringify(arg)}\n${USAGE}`);
        i++;
    }
    if (from === undefined) throw new UsageError(`--from is required\n${USAGE}`);
    return { from, output, config, base, stage, out, ...(residency !== undefined ? { residency } : {}) };
}

/** Checks that an input file exists and is a file; else an InputFormatError naming the file. */
function statInput(file: string, what: string): void {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new InputFormatError(`${what} ${file}: no such file`);
    }
    if (!stat.isFile()) throw new InputFormatError(`${what} ${file}: not a file`);
}

/**
 * Reads a JSON input file strictly and in one pass (tools/lib/json-scan.ts): a key given twice in
 * one object is an error (JSON.parse would keep the last value silently), and a syntax error names
 * its line and column, never the text around it (which may be a secret). For npm's banner
 * (`> live-commerce@...`) the error says how to avoid it. `what` names the option (`--from`).
 */
export function readJsonInput(file: string, what: string, options: JsonReadOptions = {}): unknown {
    statInput(file, what);
    try {
        return readJsonFile(file, options);
    } catch (e) {
        if (!(e instanceof JsonReadError)) throw e;
        const at = `line ${e.line}, column ${e.column}`;
        if (e.kind === "empty") throw new InputFormatError(`${what} ${file}: the file is empty`);
        if (e.kind === "duplicate") throw new InputFormatError(`${file}: ${e.problem} at ${at}; JSON keeps only the last value, so remove one`);
        const hint = e.startsWithBanner ? "; it starts with npm's script banner: run `npm run -s ...` or write the file with --out" : "";
        throw new InputFormatError(`${file}: not valid JSON at ${at}: ${e.problem}${hint}`);
    }
}

/**
 * The stacks of a plan, preview or export file, read in one pass: each resource is converted as
 * its last byte is read (tools/lib/inputs.ts, inputReviver), so neither the text nor the raw
 * document is ever held whole. `stageRequired` false for a `--base` file (compared, not judged).
 */
export function readInputStacks(file: string, what: string, stage: Stage | undefined, stageRequired = true): StackInput[] {
    const doc = readJsonInput(file, what, { revive: inputReviver(file), reviveDepth: INPUT_REVIVE_DEPTH });
    return parseInput(doc, file, stage, stageRequired);
}

export function readPackConfig(file: string | undefined): PackConfig {
    if (file === undefined) return {};
    return validatePackConfig(readJsonInput(file, "--config"), POLICIES, file, [FLOW_CONNECTED]);
}

/**
 * The pack config with `--residency` in force: the residency policy's `boundary` (a name of
 * RESIDENCY_BOUNDARIES) or `regions` (ids separated by commas), replacing what the pack config and
 * the input declare. Validated against the policy's configSchema; errors name the flag.
 */
export function withResidencyFlag(config: PackConfig, flag: string | undefined): PackConfig {
    if (flag === undefined) return config;
    const entry = isBoundaryName(flag) ? { boundary: flag } : { regions: flag.split(",").map((r) => r.trim()).filter((r) => r !== "") };
    try {
        validatePackConfig({ [RESIDENCY_POLICY]: entry }, POLICIES, "--residency");
    } catch (e) {
        if (!(e instanceof PackConfigError)) throw e;
        const problems = e.message.split("\n").slice(1).map((l) => l.trim().replace(`${RESIDENCY_POLICY}: `, ""));
        throw new UsageError(`--residency must be ${BOUNDARY_NAMES.join(", ")} or region ids separated by commas: ${problems.join("; ")}\n${USAGE}`);
    }
    const own = config[RESIDENCY_POLICY];
    const { boundary: _boundary, regions: _regions, ...rest } = isRecord(own) ? own : typeof own === "string" ? { enforcementLevel: own } : {};
    return { ...config, [RESIDENCY_POLICY]: { ...rest, ...entry } };
}

export function renderReports(reports: readonly StackReport[], output: Output, upgrade?: UpgradeReport): string {
    switch (output) {
        case "json": {
            const docs = upgrade === undefined ? reports : reports.map((r) => ({ ...r, upgrade: upgradeJson(upgrade) }));
            return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2);
        }
        case "sarif":
            return renderSarif(reports, POLICY_DESCRIPTIONS, (stack, rule) => locateFinding(stack, rule));
        case "markdown":
            return upgrade === undefined ? renderMarkdown(reports) : `${renderMarkdown(reports)}\n\n## Change preview\n\n${renderUpgradeMarkdown(upgrade, "docs/")}`;
        case "table":
            return upgrade === undefined ? renderTable(reports) : `${renderTable(reports)}\n\n${renderUpgradeText(upgrade)}`;
    }
}

/**
 * The stage a pack config file is for: its name, as the shipped ones are (`policies/config/<stage>.json`,
 * the workflow picks one by the stack's configured stage); undefined for any other name.
 */
export function packConfigStage(file: string): Stage | undefined {
    const name = path.basename(file).replace(/\.json$/i, "");
    return STAGES.find((s) => s === name);
}

/**
 * A pack config made for another stage than the input's is an error naming both (exit 2): applied
 * silently it would judge a growth stack by startup's levels. `--stage` given explicitly judges the
 * input at that stage, with whatever config the caller chose.
 */
export function checkConfigStage(config: string | undefined, inputs: readonly Pick<StackInput, "stack" | "stage">[], override: Stage | undefined): void {
    if (config === undefined || override !== undefined) return;
    const configStage = packConfigStage(config);
    const other = inputs.filter((i) => configStage !== undefined && i.stage !== "" && i.stage !== configStage);
    if (configStage !== undefined && other.length > 0) {
        throw new UsageError(`--config ${config} is the pack config of stage ${configStage}, but ${other.map((i) => `${i.stack || "the input"} is stage ${i.stage}`).join(", ")}; use policies/config/${other[0].stage}.json, or pass --stage ${configStage} to judge it at stage ${configStage}\n${USAGE}`);
    }
}

/**
 * The stages a validated pack config sets in its policies' `stage` property (the stack policies
 * that take one: policies/lib/pack-config.ts writes the stage of the file into each), with the
 * policies that set it; "" (unset: the input's stage fills it) is left out.
 */
export function configuredStages(config: PackConfig): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const [name, entry] of Object.entries(config)) {
        const stage = isRecord(entry) ? entry.stage : undefined;
        if (typeof stage !== "string" || stage === "") continue;
        out.set(stage, [...(out.get(stage) ?? []), name]);
    }
    return out;
}

/**
 * A pack config whose content sets another stage than the one the input is judged at is an error
 * naming the policies, both stages and the file to use (exit 2), whatever the file is called: the
 * workflow picks `policies/config/<stage>.json` by the stack's configured stage, and under
 * `pulumi preview --policy-pack-config` the stack policies judge at the `stage` the file sets, so a
 * renamed or edited file would judge a growth stack by startup's rules. `--stage` sets the stage
 * the input is judged at; the config must agree with it too.
 */
export function checkConfigContentStage(file: string | undefined, config: PackConfig, inputs: readonly Pick<StackInput, "stack" | "stage">[], override: Stage | undefined): void {
    if (file === undefined) return;
    const set = configuredStages(config);
    const shown = (s: string): string => (STAGES.some((x) => x === s) ? s : "a value not shown");
    if (set.size > 1) throw new UsageError(`--config ${file} sets more than one stage: ${[...set].map(([s, names]) => `${shown(s)} (${names[0]}${names.length > 1 ? ` and ${names.length - 1} more` : ""})`).join(", ")}; a pack config is for one stage\n${USAGE}`);
    const [[stage, names] = ["", []]] = [...set];
    if (stage === "") return;
    for (const input of inputs) {
        const judged = override ?? input.stage;
        if (judged === "" || judged === stage) continue;
        throw new UsageError(`--config ${file} sets stage ${shown(stage)} (${names.join(", ")}), but ${input.stack || "the input"} is judged at stage ${judged}; use policies/config/${judged}.json${override === undefined ? "" : ` or --stage ${shown(stage)}`}\n${USAGE}`);
    }
}

/** Runs the check and returns [exit code, output]. */
export async function check(args: CheckArgs): Promise<[number, string]> {
    const inputs = readInputStacks(args.from, "--from", args.stage);
    let upgrade: UpgradeReport | undefined;
    if (args.base !== undefined) {
        if (inputs.length !== 1) throw new InputFormatError(`${args.from}: --base compares one stack (got ${inputs.length}); plan one stack with --stack`);
        const base = singleStack(readInputStacks(args.base, "--base", undefined, false), args.base);
        upgrade = diffPlans(base.resources, inputs[0].resources, { base: base.stack || args.base, head: inputs[0].stack || args.from });
    }
    checkConfigStage(args.config, inputs, args.stage);
    const own = readPackConfig(args.config);
    checkConfigContentStage(args.config, own, inputs, args.stage);
    const config = withResidencyFlag(own, args.residency);
    const reports = await Promise.all(inputs.map((i) => evaluateStack(i, config)));
    const failed = reports.some((r) => hasMandatory(r.policy.violations) || hasConformanceViolations(r)) || (upgrade !== undefined && upgrade.undocumented.length > 0);
    return [failed ? 1 : 0, renderReports(reports, args.output, upgrade)];
}

/** Errors that are the input's or the arguments' fault: exit 2 with the message alone. */
export function isInputError(e: unknown): e is Error {
    return e instanceof UsageError || e instanceof InputFormatError || e instanceof PackConfigError;
}

async function main(): Promise<number> {
    try {
        const args = parseCheckArgs(process.argv.slice(2));
        const [code, text] = await check(args);
        if (args.out !== undefined) fs.writeFileSync(args.out, `${text}\n`);
        else process.stdout.write(`${text}\n`);
        return code;
    } catch (e) {
        process.stderr.write(isInputError(e) ? `${e.message}\n` : `check failed: ${e instanceof Error ? e.message : String(e)}\n`);
        return 2;
    }
}

if (require.main === module) runCli(main);
