// Policy check of a saved plan, a `pulumi preview --json` output or a `pulumi stack export` file.
//
//   npm run -s check -- --from <file> [--output table|json|sarif|markdown] [--out <file>]
//                       [--config <pack-config.json>] [--stage startup|growth|mature] [--base <file>]
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

import { runCli } from "./lib/cli";
import { PackConfig, hasMandatory } from "./lib/evaluate";
import { FLOW_POLICY, InputFormatError, POLICY_DESCRIPTIONS, evaluateStack, parseInput, readSingleStack } from "./lib/inputs";
import { PackConfigError, validatePackConfig } from "./lib/pack-config";
import { scanJson } from "./lib/json-scan";
import { locateFinding } from "./lib/stackfiles";
import { OUTPUTS, Output, StackReport, hasConformanceViolations, renderMarkdown, renderSarif, renderTable } from "./lib/report";
import { POLICIES } from "../policies/all";
import { STAGES, Stage } from "../policies/lib/stage";
import { UpgradeReport, diffPlans } from "./lib/upgrade";
import { renderUpgradeMarkdown, renderUpgradeText, upgradeJson } from "./lib/upgrade-report";

export class UsageError extends Error {}

const USAGE = "usage: npm run -s check -- --from <file> [--output table|json|sarif|markdown] [--out <file>] [--config <pack-config.json>] [--stage startup|growth|mature] [--base <file of the stack before the change>]";

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
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
    let from: string | undefined;
    let output: Output = "table";
    let config: string | undefined;
    let base: string | undefined;
    let stage: Stage | undefined;
    let out: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = argv[i + 1];
        if (value === undefined || value.startsWith("--")) throw new UsageError(`${arg.startsWith("--") ? `${arg} needs a value` : `unexpected argument ${JSON.stringify(arg)}`}\n${USAGE}`);
        if (arg === "--from") from = value;
        else if (arg === "--config") config = value;
        else if (arg === "--out") out = value;
        else if (arg === "--base") base = value;
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
    return { from, output, config, base, stage, out };
}

/** The text of an input file, or an InputFormatError naming the file and what is wrong with it. */
export function readInputFile(file: string, what: string): string {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(file);
    } catch {
        throw new InputFormatError(`${what} ${file}: no such file`);
    }
    if (!stat.isFile()) throw new InputFormatError(`${what} ${file}: not a file`);
    const text = fs.readFileSync(file, "utf8");
    if (text.trim() === "") throw new InputFormatError(`${what} ${file}: the file is empty`);
    return text;
}

/**
 * Parses JSON strictly: a key given twice in one object is an error (JSON.parse would keep the
 * last value silently), and a syntax error names its line and column, never the text around it
 * (which may be a secret). For npm's banner (`> live-commerce@...`) the error says how to avoid it.
 */
export function parseJsonFile(text: string, file: string): unknown {
    const problem = scanJson(text);
    if (problem !== undefined) {
        const hint = text.trimStart().startsWith(">") ? "; it starts with npm's script banner: run `npm run -s ...` or write the file with --out" : "";
        const at = `line ${problem.line}, column ${problem.column}`;
        if (problem.message.startsWith("duplicate key")) throw new InputFormatError(`${file}: ${problem.message} at ${at}; JSON keeps only the last value, so remove one`);
        throw new InputFormatError(`${file}: not valid JSON at ${at}: ${problem.message}${hint}`);
    }
    return JSON.parse(text);
}

export function readPackConfig(file: string | undefined): PackConfig {
    if (file === undefined) return {};
    return validatePackConfig(parseJsonFile(readInputFile(file, "--config"), file), POLICIES, file, [FLOW_POLICY]);
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

/** Runs the check and returns [exit code, output]. */
export async function check(args: CheckArgs): Promise<[number, string]> {
    // The parsed document is read in this scope only: once its resources are converted (their own
    // frozen copies), the document and its text are garbage, so a large input is not held twice.
    const { inputs, upgrade } = ((): { inputs: ReturnType<typeof parseInput>; upgrade: UpgradeReport | undefined } => {
        const doc = parseJsonFile(readInputFile(args.from, "--from"), args.from);
        const parsed = parseInput(doc, args.from, args.stage);
        if (args.base === undefined) return { inputs: parsed, upgrade: undefined };
        const head = readSingleStack(doc, args.from, args.stage);
        const base = readSingleStack(parseJsonFile(readInputFile(args.base, "--base"), args.base), args.base);
        return { inputs: parsed, upgrade: diffPlans(base.resources, head.resources, { base: base.stack || args.base, head: head.stack || args.from }) };
    })();
    const config = readPackConfig(args.config);
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
