// Flow results as text (one line per flow) and as a Mermaid diagram (GitHub renders it in a PR comment).

import { FlowResult } from "./walk";

const MARK = { connected: "ok", broken: "BROKEN", unknown: "unknown" } as const;

/** One line per flow: status, name, region and its hops (`x` marks a broken one, `?` an unknown one), then the break and the hops waiting for a setting. */
export function flowLine(f: FlowResult): string {
    const hops = f.hops.map((h) => `${h.resource}${h.ok === false ? " x" : h.ok === null ? " ?" : ""}`);
    const collapsed = hops.filter((h, i) => i === 0 || h !== hops[i - 1]);
    const waiting = (f.advisories ?? []).filter((a) => a.hop !== f.broken?.hop).map((a) => `; waiting for ${a.setting ?? "a setting"} at ${a.hop}`);
    const operator = (f.operatorLinks ?? []).length > 0 ? `  -- set outside the stack: ${(f.operatorLinks ?? []).join("; ")}` : "";
    const tail = f.broken !== undefined ? `  -- ${f.broken.hop}: ${f.broken.reason}${waiting.join("")}` : operator;
    return `[${MARK[f.status]}] ${f.name}${f.region !== null ? ` (${f.region})` : ""}: ${collapsed.join(" -> ")}${tail}`;
}

/** Text of a Mermaid node label: no quote, angle bracket, backtick (a run of three would close the code fence) or line break. */
function escape(text: string): string {
    return text.replace(/["`]/g, "'").replace(/[<>]/g, "").replace(/\r?\n|\r/g, " ");
}

/** A Mermaid flowchart: one subgraph per flow, its hops in order, the broken hop in red. */
export function flowMermaid(flows: readonly FlowResult[]): string {
    const lines = ["```mermaid", "flowchart LR"];
    flows.forEach((f, i) => {
        lines.push(`  subgraph f${i}["${escape(`${f.name}${f.region !== null ? ` (${f.region})` : ""}: ${f.status}`)}"]`, "    direction LR");
        f.hops.forEach((h, j) => {
            const id = `f${i}h${j}`;
            lines.push(`    ${id}["${escape(`${h.resource}: ${h.check}`)}"]`);
            if (j > 0) lines.push(`    f${i}h${j - 1} --> ${id}`);
            if (h.ok === false) lines.push(`    style ${id} fill:#f88,stroke:#900`);
            if (h.ok === null) lines.push(`    style ${id} fill:#ffd,stroke:#990`);
        });
        lines.push("  end");
    });
    lines.push("```");
    return lines.join("\n");
}
