// Large inputs for `check` benchmarks and linearity tests: a `pulumi stack export` made of copies of
// a plan's resources, each copy with distinct URNs, names and ids, and references kept inside it.
//
// The shipped plans name every resource with the stack prefix (`lc-...`) and give other ids the
// mocks' `<kind>-<hex>` form; copy k renames the prefix `lc-` to `lc<k>-` and suffixes every other
// id with `x<k>`, in the JSON text, so a copy's references point at its own resources.

import * as fs from "fs";

import { isRecord, str } from "../../policies/lib/values";

/** The JSON text of copy `k` of `resources` (without the enclosing brackets), the root stack resource left out (a stack has one). */
export function replicaText(all: readonly unknown[], k: number): string {
    const resources = all.filter((r) => !(isRecord(r) && r.type === "pulumi:pulumi:Stack"));
    const ids = [
        ...new Set(
            resources.flatMap((r) => {
                const id = isRecord(r) ? str(r.id) : undefined;
                return id !== undefined && id !== "" && !id.includes("lc-") ? [id] : [];
            }),
        ),
    ].sort((a, b) => b.length - a.length);
    const escaped = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
    const pattern = new RegExp(["lc-", ...escaped].join("|"), "g");
    return JSON.stringify(resources)
        .slice(1, -1)
        .replace(pattern, (m) => (m === "lc-" ? `lc${k}-` : `${m}x${k}`));
}

/** Copies `k` = 0..copies-1 of the resources, parsed (for tests). */
export function replicate(resources: readonly unknown[], copies: number): unknown[] {
    return Array.from({ length: copies }, (_, k): unknown[] => JSON.parse(`[${replicaText(resources, k)}]`)).flat();
}

/**
 * Writes a `pulumi stack export` of at least `bytes` bytes to `file`: the root stack resource with
 * the stack's `stage` and `cloud` outputs, then copies of the resources until the size is reached,
 * written one copy at a time (the file is never held in memory). Returns how many copies it holds.
 */
export function writeLargeExport(file: string, plan: { readonly stack: string; readonly stage: string; readonly cloud: string; readonly resources: readonly unknown[] }, bytes: number): number {
    const fd = fs.openSync(file, "w");
    try {
        const root = { urn: `urn:pulumi:${plan.stack}::live-commerce::pulumi:pulumi:Stack::live-commerce-${plan.stack}`, type: "pulumi:pulumi:Stack", custom: false, outputs: { stage: plan.stage, cloud: plan.cloud } };
        let written = fs.writeSync(fd, `{"version":3,"deployment":{"manifest":{"time":"2026-11-22T00:00:00Z"},"resources":[${JSON.stringify(root)}`);
        let copies = 0;
        while (written < bytes) written += fs.writeSync(fd, `,${replicaText(plan.resources, copies++)}`);
        fs.writeSync(fd, "]}}\n");
        return copies;
    } finally {
        fs.closeSync(fd);
    }
}
