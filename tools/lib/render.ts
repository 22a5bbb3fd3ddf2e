// Human-readable rendering of a plan: the component tree and a count per type.

import { notDeployableLine } from "../../components/model";
import { Plan, PlannedResource } from "./record";

/** The resource tree, children under their parent, each line "type name", sorted by name. */
export function renderTree(plan: Plan): string {
    const children = new Map<string | null, PlannedResource[]>();
    for (const r of plan.resources) {
        const list = children.get(r.parent) ?? [];
        list.push(r);
        children.set(r.parent, list);
    }
    const lines: string[] = [];
    const walk = (parent: string | null, indent: string): void => {
        const kids = [...(children.get(parent) ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.type < b.type ? -1 : 1));
        kids.forEach((r, i) => {
            const last = i === kids.length - 1;
            const branch = parent === null ? "" : last ? "└─ " : "├─ ";
            lines.push(`${indent}${branch}${r.type}  ${r.name}`);
            walk(r.urn, parent === null ? "" : indent + (last ? "   " : "│  "));
        });
    };
    walk(null, "");
    return lines.join("\n");
}

/** Resource count per type, most frequent first, then by type. */
export function countByType(plan: Plan): [string, number][] {
    const counts = new Map<string, number>();
    for (const r of plan.resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

export function renderText(plan: Plan): string {
    const counts = countByType(plan);
    const width = Math.max(...counts.map(([t]) => t.length));
    return [
        `stack ${plan.stack}: stage ${plan.stage}, cloud ${plan.cloud}, ${plan.resources.length} resources`,
        ...(plan.notDeployableUntilSet.length > 0 ? [notDeployableLine(plan.notDeployableUntilSet), ...plan.notDeployableUntilSet.map((m) => `  - ${m.key}: ${m.reason}`)] : []),
        "",
        renderTree(plan),
        "",
        "resources by type:",
        ...counts.map(([t, n]) => `  ${t.padEnd(width)}  ${n}`),
    ].join("\n");
}
