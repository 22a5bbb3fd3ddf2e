// Renders policy results and the availability estimate: table, JSON, SARIF 2.1.0, Markdown.

import { createHash } from "crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";

import type { Estimate } from "../../policies/availability/estimate";
import type { ConformanceViolation } from "../../policies/conformance";
import type { Violation } from "./evaluate";
import type { FlowResult } from "../../policies/flows/walk";
import { flowLine, flowMermaid } from "../../policies/flows/render";
import { flowEstimateLine } from "../../policies/availability/flows";
import { describeHidden, mayQuote } from "../../components/model/errors";

export const OUTPUTS = ["table", "json", "sarif", "markdown"] as const;
export type Output = (typeof OUTPUTS)[number];

/** One evaluated stack (or input file). */
export interface StackReport {
    readonly stack: string;
    readonly stage: string;
    readonly policy: { readonly violations: readonly Violation[] };
    /** Values the providers would reject (policies/conformance): any one fails the plan. */
    readonly conformance: { readonly violations: readonly ReportedConformance[] };
    readonly availability: Estimate;
    /** Every flow walked hop by hop (policies/flows). */
    readonly flows: readonly FlowResult[];
}

/** How an availability figure is worded: an upper bound is never shown as a plain percentage. */
export function percentText(a: Estimate): string {
    if (a.percent === null) return "unknown";
    return a.status === "upper-bound" ? `at most ${a.percent}% (upper bound: some components have no published figure)` : `${a.percent}%`;
}

function availabilityLine(a: Estimate): string {
    if (a.status === "no-request-path") return "availability: no request-path tier declared yet (nothing to estimate)";
    const pct = a.percent === null ? "unknown" : `${percentText(a)} (${a.status === "upper-bound" ? "at least " : ""}${a.monthlyDowntimeMinutes} min/month downtime)`;
    const lowest = lowestTargetFlowText(a);
    return `availability: ${pct}, target ${a.targetPercent}%, ${a.status}${a.regionsInParallel ? ", regions in parallel" : ""}${lowest === "" ? "" : `; ${lowest}`}`;
}

/** The lowest estimate among the flows the target applies to, in words ("" when none is estimated). */
export function lowestTargetFlowText(a: Estimate): string {
    const flows = a.flows.filter((f) => f.target && f.percent !== null);
    if (flows.length === 0) return "";
    const low = flows.reduce((m, f) => ((f.percent ?? 0) < (m.percent ?? 0) ? f : m));
    return `lowest target flow: ${low.name} ${low.status === "upper-bound" ? "at most " : ""}${low.percent}%${(low.percent ?? 0) < low.targetPercent ? " (below target)" : ""}`;
}

/**
 * A conformance violation as every report gives it (table, JSON, SARIF, Markdown): `got` is the
 * rejected value as JSON where the project's rule lets an error quote it (components/model/errors.ts,
 * mayQuote: numbers, choices, formats; never text written like a password or longer than 256
 * characters) and the property is not free text checked only by its length (a description, a
 * tag value: ValueTest.freeText); else its kind and length ("a string of 300 characters; value
 * not shown"). `value` is present only when quoted.
 */
export interface ReportedConformance extends Omit<ConformanceViolation, "value" | "freeText"> {
    readonly value?: unknown;
    readonly got: string;
}

export function reportedConformance(v: ConformanceViolation): ReportedConformance {
    const { value, freeText, ...rest } = v;
    return !freeText && mayQuote(value) ? { ...rest, value, got: JSON.stringify(value) ?? "nothing" } : { ...rest, got: describeHidden(value) };
}

/** SARIF rule id of provider-conformance violations. */
export const CONFORMANCE_RULE_ID = "provider-conformance";

/** Whether any value would be rejected by a provider. */
export function hasConformanceViolations(r: Pick<StackReport, "conformance">): boolean {
    return r.conformance.violations.length > 0;
}

/** One block per conformance violation: resource, property, value, rule, source. */
export function conformanceLines(violations: readonly ReportedConformance[]): string[] {
    const lines = [`provider conformance: ${violations.length} value(s) a provider would reject`];
    for (const v of violations) {
        lines.push(`  [rejected] ${v.type} ${v.property} = ${v.got}`, `      ${v.urn}`, `      rule: ${v.rule}`, `      source: ${v.source}`);
    }
    return lines;
}

export function renderTable(reports: readonly StackReport[]): string {
    return reports
        .map((r) => {
            const lines = [`stack ${r.stack} (stage ${r.stage || "unknown"}): ${r.policy.violations.length} violation(s), ${r.policy.violations.filter((v) => v.enforcement === "mandatory").length} mandatory`, availabilityLine(r.availability)];
            for (const f of r.flows) lines.push(`  ${flowLine(f)}`);
            for (const f of r.availability.flows) lines.push(`  ${flowEstimateLine(f)}`);
            for (const reg of r.availability.regions) lines.push(`  ${reg.region}: ${reg.percent === null ? "unknown" : `${reg.percent.toFixed(4)}%`}  ${reg.tiers.map((t) => `${t.tier} ${t.percent === null ? "?" : t.percent.toFixed(4)}`).join(" x ")}`);
            for (const v of r.policy.violations) lines.push(`  [${v.enforcement}] ${v.policy}: ${v.message}${v.urn ? `\n      ${v.urn}` : ""}`);
            lines.push(...conformanceLines(r.conformance.violations));
            return lines.join("\n");
        })
        .join("\n\n");
}

/** U+200D ZERO WIDTH JOINER: invisible, and no mention, link or reference can span it. */
const JOINER = "\u200d";

/**
 * Text quoted into a Markdown table cell: HTML-significant characters as entities (a name holding
 * `</details>` stays text), pipes escaped, line breaks as spaces, backticks and emphasis escaped;
 * and nothing GitHub would turn into a notification or a link (GitHub Flavored Markdown's
 * extended autolinks, https://github.github.com/gfm/#autolinks-extension-, and GitHub's
 * references): a zero-width joiner after every `@` (`@everyone`, `@org/team`, `a@b.example`),
 * inside `://` and `www.` and after a `#` before a digit (`#12`), so the text reads the same
 * but pings no one, links nowhere and references no issue.
 */
export function markdownCell(text: string): string {
    return text
        .replace(/&/g, "&amp;")
        .replace(/</g, "&lt;")
        .replace(/>/g, "&gt;")
        .replace(/\r?\n|\r/g, " ")
        .replace(/([\\`*_[\]|])/g, "\\$1")
        .replace(/@/g, `@${JOINER}`)
        .replace(/:\/\//g, `:${JOINER}//`)
        .replace(/\b(www)\./gi, `$1${JOINER}.`)
        .replace(/#(?=\d)/g, `#${JOINER}`);
}

/** The logical name of a URN (its last `::` segment). */
export function logicalName(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

export function renderMarkdown(reports: readonly StackReport[]): string {
    const lines = ["## Policy check", "", "| stack | stage | mandatory | advisory | rejected values | availability |", "|---|---|---|---|---|---|"];
    for (const r of reports) {
        const m = r.policy.violations.filter((v) => v.enforcement === "mandatory").length;
        const a = r.availability;
        const pct = a.status === "no-request-path" ? "n/a (no request path yet)" : a.percent === null ? `unknown (${a.status})` : `${percentText(a)} (${a.status === "upper-bound" ? "at least " : ""}${a.monthlyDowntimeMinutes} min/month downtime)`;
        const c = r.conformance.violations.length;
        const lowest = lowestTargetFlowText(a);
        lines.push(`| ${markdownCell(r.stack)} | ${markdownCell(r.stage)} | ${m === 0 ? "0 ✅" : `${m} ❌`} | ${r.policy.violations.length - m} | ${c === 0 ? "0 ✅" : `${c} ❌`} | ${markdownCell(lowest === "" ? pct : `${pct}; ${lowest}`)} |`);
    }
    for (const r of reports.filter((x) => x.availability.flows.length > 0)) {
        const flows = r.availability.flows;
        const below = flows.filter((f) => f.target && f.percent !== null && f.percent < f.targetPercent).length;
        lines.push("", `<details${below > 0 ? " open" : ""}><summary>Availability per flow of ${markdownCell(r.stack)}: ${below === 0 ? "every target flow meets its target" : `${below} target flow(s) below ${flows[0].targetPercent}%`}</summary>`, "", "| flow | target | estimate | how |", "|---|---|---|---|");
        for (const f of flows) {
            const value = f.percent === null ? `unknown (${f.status})` : f.status === "upper-bound" ? `at most ${f.percent}% (upper bound)` : `${f.percent}%`;
            const verdict = !f.target ? "-" : f.percent === null ? "not judged" : f.percent >= f.targetPercent ? `${f.targetPercent}% ✅` : `${f.targetPercent}% ❌`;
            lines.push(`| ${markdownCell(f.name)} | ${verdict} | ${markdownCell(value)} | ${markdownCell(flowEstimateLine(f).split(" = ")[1] ?? "")} |`);
        }
        lines.push("", "</details>");
    }
    for (const r of reports.filter((x) => x.flows.length > 0)) {
        const broken = r.flows.filter((f) => f.status !== "connected").length;
        lines.push("", `<details${broken > 0 ? " open" : ""}><summary>Flows of ${markdownCell(r.stack)}: ${r.flows.length - broken} of ${r.flows.length} connected</summary>`, "", flowMermaid(r.flows), "", "</details>");
    }
    const all = reports.flatMap((r) => r.policy.violations.map((v) => ({ stack: r.stack, ...v })));
    if (all.length > 0) {
        lines.push("", "<details><summary>Violations</summary>", "", "| stack | level | policy | resource | message |", "|---|---|---|---|---|");
        for (const v of all) lines.push(`| ${markdownCell(v.stack)} | ${v.enforcement} | ${markdownCell(v.policy)} | ${v.urn ? markdownCell(logicalName(v.urn)) : "(stack)"} | ${markdownCell(v.message)} |`);
        lines.push("", "</details>");
    }
    const rejected = reports.flatMap((r) => r.conformance.violations.map((v) => ({ stack: r.stack, ...v })));
    if (rejected.length > 0) {
        lines.push("", "<details><summary>Values the providers would reject</summary>", "", "| stack | resource | property | value | rule | source |", "|---|---|---|---|---|---|");
        for (const v of rejected) lines.push(`| ${markdownCell(v.stack)} | ${markdownCell(logicalName(v.urn))} | ${markdownCell(v.property)} | ${markdownCell(v.got)} | ${markdownCell(v.rule)} | ${markdownCell(v.source)} |`);
        lines.push("", "</details>");
    }
    return lines.join("\n");
}

/** Where a SARIF result points: a file of the repository and a 1-based line. */
export interface SourceLocation {
    readonly uri: string;
    readonly line: number;
}

/** Maps a rule (policy name or CONFORMANCE_RULE_ID) of a stack to the stack file line responsible for it. */
export type Locator = (stack: string, rule: string) => SourceLocation;

/** The fallback locator: line 1 of the stack file. */
export const STACK_FILE_START: Locator = (stack) => ({ uri: `stacks/Pulumi.${stack}.yaml`, line: 1 });

/**
 * The fingerprint that identifies an alert across runs: the stack, the rule, the resource and the
 * finding's stable subject (Violation.subject), never the message: its wording and numbers
 * (estimates, counts) change from run to run while the finding does not. Several findings of one
 * rule on one resource without a subject are told apart by `occurrence`, their 0-based order
 * among them (a policy reports them in a fixed order). Defaults to 0.
 */
export function fingerprint(stack: string, v: Violation, occurrence = 0): string {
    return createHash("sha256").update(`${stack}|${v.policy}|${v.urn}|${v.subject ?? ""}|${occurrence}`).digest("hex").slice(0, 32);
}

/** Each violation's occurrence among those of the same stack, rule, resource and subject (see fingerprint). */
export function occurrences(violations: readonly Violation[]): number[] {
    const seen = new Map<string, number>();
    return violations.map((v) => {
        const key = `${v.policy}\0${v.urn}\0${v.subject ?? ""}`;
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        return n;
    });
}

/** A conformance finding's fingerprint: the resource and the property, not the rejected value. */
export function conformanceFingerprint(stack: string, v: Pick<ReportedConformance, "urn" | "property">): string {
    return createHash("sha256").update(`${stack}|${CONFORMANCE_RULE_ID}|${v.urn}|${v.property}`).digest("hex").slice(0, 32);
}

/** CrossGuard's documentation: what runs these policies and how results are enforced. */
export const INFORMATION_URI = "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/";

/** SARIF 2.1.0: one run, one rule per policy, one result per violation at the stack file line responsible. */
export function renderSarif(reports: readonly StackReport[], descriptions: ReadonlyMap<string, string>, locate: Locator = STACK_FILE_START): string {
    const names = [...new Set(reports.flatMap((r) => r.policy.violations.map((v) => v.policy)))].sort();
    const rejected = reports.flatMap((r) => r.conformance.violations.map((v) => ({ stack: r.stack, v })));
    const rules: ReportingDescriptor[] = [
        ...names.map((n) => ({ id: n, shortDescription: { text: descriptions.get(n) ?? n } })),
        ...(rejected.length > 0 ? [{ id: CONFORMANCE_RULE_ID, shortDescription: { text: "A value the cloud provider would reject (docs/CONFORMANCE.md)" } }] : []),
    ];
    const results: Result[] = reports.flatMap((r) => {
        const nth = occurrences(r.policy.violations);
        return r.policy.violations.map((v, i): Result => {
            const at = locate(r.stack, v.policy);
            return {
                ruleId: v.policy,
                level: v.enforcement === "mandatory" ? "error" : "warning",
                message: { text: `${r.stack}: ${v.message}${v.urn ? ` (${logicalName(v.urn)})` : ""}` },
                locations: [{ physicalLocation: { artifactLocation: { uri: at.uri }, region: { startLine: at.line } }, ...(v.urn ? { logicalLocations: [{ fullyQualifiedName: v.urn, name: logicalName(v.urn), kind: "resource" }] } : {}) }],
                partialFingerprints: { "livecommerceFinding/v2": fingerprint(r.stack, v, nth[i]) },
            };
        });
    });
    const rejectedResults: Result[] = rejected.map(({ stack, v }): Result => {
        const at = locate(stack, CONFORMANCE_RULE_ID);
        return {
            ruleId: CONFORMANCE_RULE_ID,
            level: "error",
            message: { text: `${stack}: ${v.type} ${v.property} = ${v.got}: ${v.rule} (source: ${v.source}) (${logicalName(v.urn)})` },
            locations: [{ physicalLocation: { artifactLocation: { uri: at.uri }, region: { startLine: at.line } }, logicalLocations: [{ fullyQualifiedName: v.urn, name: logicalName(v.urn), kind: "resource" }] }],
            partialFingerprints: { "livecommerceFinding/v2": conformanceFingerprint(stack, v) },
        };
    });
    const sarif: Log = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{ tool: { driver: { name: "live-commerce-policies", informationUri: INFORMATION_URI, rules } }, results: [...results, ...rejectedResults] }],
    };
    return JSON.stringify(sarif, null, 2);
}
