// Renders a change preview (tools/lib/upgrade.ts): a text table per resource, JSON, and the
// Markdown tables of docs/UPGRADING.md and of pull-request comments.

import { markdownCell } from "./report";
import { CHANGE_OPS, ChangedProperty, SAE_BUSY_GUIDE, UpgradeChange, UpgradeReport, countByOp } from "./upgrade";

/** The JSON form: `"upgrade": {"base", "head", "changes": [{"urn", "op", "stateful", "properties", "migration"}]}`. */
export interface UpgradeJson {
    readonly base: string;
    readonly head: string;
    readonly changes: readonly UpgradeChange[];
    readonly undocumented: readonly string[];
    readonly handovers: UpgradeReport["handovers"];
    readonly rulesOnRunningApps: UpgradeReport["rulesOnRunningApps"];
}

export function upgradeJson(report: UpgradeReport): UpgradeJson {
    return { base: report.base, head: report.head, changes: report.changes, undocumented: report.undocumented.map((c) => c.urn), handovers: report.handovers, rulesOnRunningApps: report.rulesOnRunningApps };
}

function propertyText(p: ChangedProperty): string {
    return p.replaces ? `${p.name} (replaces: ${p.source ?? ""})` : p.name;
}

function countsLine(report: UpgradeReport): string {
    const counts = countByOp(report.changes);
    return CHANGE_OPS.map((op) => `${counts[op]} ${op}`).join(", ");
}

/** The guide sections of the properties that replace a resource, once each. */
function guidesOf(c: UpgradeChange): string[] {
    return [...new Set(c.properties.flatMap((p) => (p.replaces && p.guide !== null ? [p.guide] : [])))];
}

/** One line per resource: op, stateful survival, type, logical name, then the changed properties. */
export function renderUpgradeText(report: UpgradeReport): string {
    const lines = [`change preview ${report.base} -> ${report.head}: ${countsLine(report)}`];
    for (const c of report.changes) {
        const state = c.kind === null ? "" : ` [${c.kind}: ${c.survival ?? ""}]`;
        const props = c.properties.length > 0 ? `  ${c.properties.map(propertyText).join(", ")}` : "";
        lines.push(`  ${c.op.padEnd(7)} ${c.type} ${c.name}${state}${props}`);
        if (c.migration !== null) lines.push(`          migration: ${c.migration.doc} (${c.migration.summary})`);
        if (c.secondUp.length > 0) lines.push(`          applied by the second pulumi up (the provider sets it on update only): ${c.secondUp.join(", ")}`);
        for (const guide of [...new Set(c.maintenanceWindow.map((m) => m.guide))]) {
            const props = c.maintenanceWindow.filter((m) => m.guide === guide).map((m) => m.property);
            lines.push(`          pending until the next maintenance window (applyImmediately is not set): ${props.join(", ")}; see ${guide}`);
        }
        for (const n of c.notes) lines.push(`          ${n.property}: ${n.note}; see ${n.guide}`);
        const guides = guidesOf(c);
        if (c.migration === null && c.stateful && c.op === "replace" && guides.length > 0) lines.push(`          refused: no in-place path; see ${guides.join(", ")}`);
    }
    lines.push(
        report.undocumented.length === 0
            ? "every stateful resource keeps its data or has a documented migration"
            : `${report.undocumented.length} stateful replace/delete without a documented migration:\n${report.undocumented.map((c) => `  ${c.op} ${c.urn}${guidesOf(c).length > 0 ? ` (see ${guidesOf(c).join(", ")})` : ""}`).join("\n")}`,
    );
    if (report.rulesOnRunningApps.length > 0) {
        lines.push(
            `note: ${report.rulesOnRunningApps.length} SAE scaling rule(s) are created on running applications (${report.rulesOnRunningApps.join(", ")}): SAE refuses a new rule while the application scales, deploys, restarts or stops, and the provider does not retry that; run this pulumi up outside the peaks and well before the events' pre-scale, and run it again if it fails with the application busy (${SAE_BUSY_GUIDE})`,
        );
    }
    for (const h of report.handovers) {
        lines.push(`warning: ${h.created} is created on port ${h.port} while ${h.deleted}, which holds it, is deleted only after the creates: pulumi up fails there; remove ${h.deleted} first (${h.guide})`);
    }
    return lines.join("\n");
}

/** A resource type as a code span when it is written as a Pulumi type token, else escaped text. */
function typeCell(type: string): string {
    return /^[\w:/.-]+$/.test(type) ? `\`${type}\`` : markdownCell(type);
}

/**
 * Markdown: the op counts, then a row per existing stateful resource that changes and per other
 * resource that is replaced or deleted (creates and in-place updates of stateless resources are
 * only counted).
 * `linkPrefix` rewrites the migration links relative to the page the table lands in.
 */
export function renderUpgradeMarkdown(report: UpgradeReport, linkPrefix = ""): string {
    const rows = report.changes.filter((c) => (c.stateful && c.op !== "same" && c.op !== "create") || c.op === "replace" || c.op === "delete");
    const lines = [
        `**${markdownCell(report.base)} -> ${markdownCell(report.head)}**: ${countsLine(report)}; ${report.undocumented.length === 0 ? "no stateful resource is lost" : `${report.undocumented.length} stateful replace/delete without a documented migration`}.`,
        "",
        "| op | resource | holds | data | properties | migration |",
        "|---|---|---|---|---|---|",
        ...rows.map((c) => {
            const migration = c.migration === null ? "" : `[${c.migration.id}](${linkPrefix}${c.migration.doc.replace(/^docs\//, "")})`;
            const pending = (name: string): string => (c.maintenanceWindow.some((m) => m.property === name) ? " (applied in the maintenance window)" : "");
            const props = c.properties.map((p) => (p.replaces ? `**${markdownCell(p.name)}** (replaces)` : `${markdownCell(p.name)}${pending(p.name)}`)).join(", ");
            return `| ${c.op} | ${typeCell(c.type)} ${markdownCell(c.name)} | ${c.kind ?? "-"} | ${c.survival ?? "-"} | ${props} | ${migration} |`;
        }),
    ];
    return lines.join("\n");
}
