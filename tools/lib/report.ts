// Renders policy results and the availability estimate: table, JSON, SARIF 2.1.0, Markdown.

import type { Estimate } from "../../policies/availability/estimate";
import type { ConformanceViolation } from "../../policies/conformance";
import type { Violation } from "./evaluate";
import type { FlowResult } from "../../policies/flows/walk";
import { flowLine, flowMermaid } from "../../policies/flows/render";

export const OUTPUTS = ["table", "json", "sarif", "markdown"] as const;
export type Output = (typeof OUTPUTS)[number];

/** One evaluated stack (or input file). */
export interface StackReport {
    readonly stack: string;
    readonly stage: string;
    readonly policy: { readonly violations: readonly Violation[] };
    /** Values the providers would reject (policies/conformance): any one fails the plan. */
    readonly conformance: { readonly violations: readonly ConformanceViolation[] };
    readonly availability: Estimate;
    /** Every flow walked hop by hop (policies/flows). */
    readonly flows: readonly FlowResult[];
}

function availabilityLine(a: Estimate): string {
    if (a.status === "no-request-path") return "availability: no request-path tier declared yet (nothing to estimate)";
    const pct = a.percent === null ? "unknown" : `${a.percent}% (${a.monthlyDowntimeMinutes} min/month downtime)`;
    return `availability: ${pct}, target ${a.targetPercent}%, ${a.status}${a.regionsInParallel ? ", regions in parallel" : ""}`;
}

/** SARIF rule id of provider-conformance violations. */
export const CONFORMANCE_RULE_ID = "provider-conformance";

/** Whether any value would be rejected by a provider. */
export function hasConformanceViolations(r: Pick<StackReport, "conformance">): boolean {
    return r.conformance.violations.length > 0;
}

/** One block per conformance violation: resource, property, value, rule, source. */
export function conformanceLines(violations: readonly ConformanceViolation[]): string[] {
    const lines = [`provider conformance: ${violations.length} value(s) a provider would reject`];
    for (const v of violations) {
        lines.push(`  [rejected] ${v.type} ${v.property} = ${JSON.stringify(v.value)}`, `      ${v.urn}`, `      rule: ${v.rule}`, `      source: ${v.source}`);
    }
    return lines;
}

export function renderTable(reports: readonly StackReport[]): string {
    return reports
        .map((r) => {
            const lines = [`stack ${r.stack} (stage ${r.stage || "unknown"}): ${r.policy.violations.length} violation(s), ${r.policy.violations.filter((v) => v.enforcement === "mandatory").length} mandatory`, availabilityLine(r.availability)];
            for (const f of r.flows) lines.push(`  ${flowLine(f)}`);
            for (const reg of r.availability.regions) lines.push(`  ${reg.region}: ${reg.percent === null ? "unknown" : `${reg.percent.toFixed(4)}%`}  ${reg.tiers.map((t) => `${t.tier} ${t.percent === null ? "?" : t.percent.toFixed(4)}`).join(" x ")}`);
            for (const v of r.policy.violations) lines.push(`  [${v.enforcement}] ${v.policy}: ${v.message}${v.urn ? `\n      ${v.urn}` : ""}`);
            lines.push(...conformanceLines(r.conformance.violations));
            return lines.join("\n");
        })
        .join("\n\n");
}

export function renderMarkdown(reports: readonly StackReport[]): string {
    const lines = ["## Policy check", "", "| stack | stage | mandatory | advisory | rejected values | availability |", "|---|---|---|---|---|---|"];
    for (const r of reports) {
        const m = r.policy.violations.filter((v) => v.enforcement === "mandatory").length;
        const a = r.availability;
        const pct = a.status === "no-request-path" ? "n/a (no request path yet)" : a.percent === null ? `unknown (${a.status})` : `${a.percent}% (${a.monthlyDowntimeMinutes} min/month)`;
        const c = r.conformance.violations.length;
        lines.push(`| ${r.stack} | ${r.stage} | ${m === 0 ? "0 ✅" : `${m} ❌`} | ${r.policy.violations.length - m} | ${c === 0 ? "0 ✅" : `${c} ❌`} | ${pct} |`);
    }
    for (const r of reports.filter((x) => x.flows.length > 0)) {
        const broken = r.flows.filter((f) => f.status !== "connected").length;
        lines.push("", `<details${broken > 0 ? " open" : ""}><summary>Flows of ${r.stack}: ${r.flows.length - broken} of ${r.flows.length} connected</summary>`, "", flowMermaid(r.flows), "", "</details>");
    }
    const all = reports.flatMap((r) => r.policy.violations.map((v) => ({ stack: r.stack, ...v })));
    if (all.length > 0) {
        lines.push("", "<details><summary>Violations</summary>", "", "| stack | level | policy | message |", "|---|---|---|---|");
        for (const v of all) lines.push(`| ${v.stack} | ${v.enforcement} | \`${v.policy}\` | ${v.message.replace(/\|/g, "\\|")} |`);
        lines.push("", "</details>");
    }
    const rejected = reports.flatMap((r) => r.conformance.violations.map((v) => ({ stack: r.stack, ...v })));
    if (rejected.length > 0) {
        lines.push("", "<details><summary>Values the providers would reject</summary>", "", "| stack | resource | property | value | rule | source |", "|---|---|---|---|---|---|");
        const cell = (s: string): string => s.replace(/\|/g, "\\|");
        for (const v of rejected) lines.push(`| ${v.stack} | \`${v.urn}\` | \`${v.property}\` | \`${cell(JSON.stringify(v.value))}\` | ${cell(v.rule)} | ${cell(v.source)} |`);
        lines.push("", "</details>");
    }
    return lines.join("\n");
}

/** SARIF 2.1.0: one run, one rule per policy, one result per violation (location: the stack file). */
export function renderSarif(reports: readonly StackReport[], descriptions: ReadonlyMap<string, string>): string {
    const names = [...new Set(reports.flatMap((r) => r.policy.violations.map((v) => v.policy)))].sort();
    const rejectedValues = reports.flatMap((r) =>
        r.conformance.violations.map((v) => ({
            ruleId: CONFORMANCE_RULE_ID,
            level: "error",
            message: { text: `${r.stack}: ${v.type} ${v.property} = ${JSON.stringify(v.value)}: ${v.rule} (source: ${v.source}) (${v.urn})` },
            locations: [{ physicalLocation: { artifactLocation: { uri: `stacks/Pulumi.${r.stack}.yaml` }, region: { startLine: 1 } } }],
            partialFingerprints: { urnPolicy: `${v.urn}|${CONFORMANCE_RULE_ID}|${v.property}` },
        })),
    );
    const results = reports.flatMap((r) =>
        r.policy.violations.map((v) => ({
            ruleId: v.policy,
            level: v.enforcement === "mandatory" ? "error" : "warning",
            message: { text: `${r.stack}: ${v.message}${v.urn ? ` (${v.urn})` : ""}` },
            locations: [{ physicalLocation: { artifactLocation: { uri: `stacks/Pulumi.${r.stack}.yaml` }, region: { startLine: 1 } } }],
            partialFingerprints: { urnPolicy: `${v.urn}|${v.policy}|${v.message}` },
        })),
    );
    const sarif = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "live-commerce-policies", informationUri: "https://github.com/", rules: [
                            ...names.map((n) => ({ id: n, shortDescription: { text: descriptions.get(n) ?? n } })),
                            ...(rejectedValues.length > 0 ? [{ id: CONFORMANCE_RULE_ID, shortDescription: { text: "A value the cloud provider would reject (docs/CONFORMANCE.md)" } }] : []),
                        ],
                    },
                },
                results: [...results, ...rejectedValues],
            },
        ],
    };
    return JSON.stringify(sarif, null, 2);
}
