// Policy check of a saved plan, a `pulumi preview --json` output or a `pulumi stack export` file.
//
//   npm run check -- --from <file> [--output table|json|sarif|markdown] [--config <pack-config.json>] [--base <file>]
//
// With --base (the plan, preview or export of the stack before the change) the check also prints
// the change preview of --from against it (tools/lib/upgrade.ts).
//
// Exit codes: 0 no mandatory violation and no value a provider would reject; 1 a mandatory violation
// or a provider-conformance violation, or with --base a stateful replace/delete without a documented
// migration; 2 bad arguments or input.

import * as fs from "fs";

import { runCli } from "./lib/cli";
import { PackConfig, hasMandatory } from "./lib/evaluate";
import { InputFormatError, POLICY_DESCRIPTIONS, evaluateStack, parseInput, readSingleStack } from "./lib/inputs";
import { OUTPUTS, Output, StackReport, hasConformanceViolations, renderMarkdown, renderSarif, renderTable } from "./lib/report";
import { isRecord } from "../policies/lib/values";
import { UpgradeReport, diffPlans } from "./lib/upgrade";
import { renderUpgradeMarkdown, renderUpgradeText, upgradeJson } from "./lib/upgrade-report";

export class UsageError extends Error {}

const USAGE = "usage: npm run check -- --from <file> [--output table|json|sarif|markdown] [--config <pack-config.json>] [--base <file of the stack before the change>]";

export interface CheckArgs {
    readonly from: string;
    readonly output: Output;
    readonly config: string | undefined;
    /** The stack before the change: adds the change preview of `from` against it. */
    readonly base: string | undefined;
}

export function parseCheckArgs(argv: readonly string[]): CheckArgs {
    let from: string | undefined;
    let output: Output = "table";
    let config: string | undefined;
    let base: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = argv[i + 1];
        if (arg === "--from" && value !== undefined) from = value;
        else if (arg === "--config" && value !== undefined) config = value;
        else if (arg === "--base" && value !== undefined) base = value;
        else if (arg === "--output" || arg === "--format") {
            const o = OUTPUTS.find((x) => x === value);
            if (o === undefined) throw new UsageError(`--output must be one of ${OUTPUTS.join(", ")} (got ${value ?? "nothing"})\n${USAGE}`);
            output = o;
        } else throw new UsageError(`unknown or incomplete argument ${arg}\n${USAGE}`);
        i++;
    }
    if (from === undefined) throw new UsageError(`--from is required\n${USAGE}`);
    return { from, output, config, base };
}

export function readPackConfig(file: string | undefined): PackConfig {
    if (file === undefined) return {};
    const doc: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!isRecord(doc)) throw new InputFormatError(`${file}: pack config must be a JSON object`);
    return doc;
}

export function renderReports(reports: readonly StackReport[], output: Output, upgrade?: UpgradeReport): string {
    switch (output) {
        case "json": {
            const docs = upgrade === undefined ? reports : reports.map((r) => ({ ...r, upgrade: upgradeJson(upgrade) }));
            return JSON.stringify(docs.length === 1 ? docs[0] : docs, null, 2);
        }
        case "sarif":
            return renderSarif(reports, POLICY_DESCRIPTIONS);
        case "markdown":
            return upgrade === undefined ? renderMarkdown(reports) : `${renderMarkdown(reports)}\n\n## Change preview\n\n${renderUpgradeMarkdown(upgrade, "docs/")}`;
        case "table":
            return upgrade === undefined ? renderTable(reports) : `${renderTable(reports)}\n\n${renderUpgradeText(upgrade)}`;
    }
}

/** Runs the check and returns [exit code, output]. */
export async function check(args: CheckArgs): Promise<[number, string]> {
    const doc: unknown = JSON.parse(fs.readFileSync(args.from, "utf8"));
    const inputs = parseInput(doc);
    const config = readPackConfig(args.config);
    let upgrade: UpgradeReport | undefined;
    if (args.base !== undefined) {
        const head = readSingleStack(doc, args.from);
        const base = readSingleStack(JSON.parse(fs.readFileSync(args.base, "utf8")), args.base);
        upgrade = diffPlans(base.resources, head.resources, { base: base.stack || args.base, head: head.stack || args.from });
    }
    const reports = await Promise.all(inputs.map((i) => evaluateStack(i, config)));
    const failed = reports.some((r) => hasMandatory(r.policy.violations) || hasConformanceViolations(r)) || (upgrade !== undefined && upgrade.undocumented.length > 0);
    return [failed ? 1 : 0, renderReports(reports, args.output, upgrade)];
}

async function main(): Promise<number> {
    try {
        const [code, text] = await check(parseCheckArgs(process.argv.slice(2)));
        process.stdout.write(`${text}\n`);
        return code;
    } catch (e) {
        if (e instanceof UsageError || e instanceof InputFormatError || e instanceof SyntaxError) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) runCli(main);
