// Plans of the AWS stacks, each run once per test process (runs are sequential: one runtime at a time).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { StackSpec, parseConfigValues } from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { Plan, PlannedResource, planStack } from "../../tools/lib/record";
import { STACKS_DIR, loadStackConfig } from "../../tools/lib/stackfiles";
import { isShipped, shippedPlan } from "../support/shipped";

const cache = new Map<string, Promise<Plan>>();
let queue: Promise<unknown> = Promise.resolve();

/** Extra stack files for tests, written next to copies of the real ones. */
const EXTRA_STACKS: Readonly<Record<string, string>> = {
    // Growth on the VM tier (the stage defaults to Kubernetes): the app group's own tests.
    "growth-vm-aws": [
        "config:",
        "  live-commerce:stage: growth",
        "  live-commerce:cloud: aws",
        "  live-commerce:compute: vm",
        "  live-commerce:regions:",
        "    - name: us-east-1",
        "      zones: [us-east-1a, us-east-1b]",
    ].join("\n"),
    // Growth on the VM tier with Aurora, and a live event announced in Shanghai time.
    "events-aws": [
        "config:",
        "  live-commerce:stage: growth",
        "  live-commerce:cloud: aws",
        "  live-commerce:compute: vm",
        "  live-commerce:regions:",
        "    - name: us-east-1",
        "      zones: [us-east-1a, us-east-1b, us-east-1c]",
        "  live-commerce:database:",
        "    engine: aurora",
        "  live-commerce:monitoring:",
        "    contacts:",
        "      fatal: [oncall@example.com, sre@example.com]",
        "  live-commerce:events:",
        "    - name: double-eleven",
        "      start: 2099-11-11T20:00:00+08:00",
        "      end: 2099-11-11T23:30:00+08:00",
        "      peakOnline: 60000",
        "      timeZone: Asia/Shanghai",
    ].join("\n"),
    // Growth on RDS MySQL (the stage defaults to Aurora): Multi-AZ primary plus read replicas.
    "growth-mysql-aws": [
        "config:",
        "  live-commerce:stage: growth",
        "  live-commerce:cloud: aws",
        "  live-commerce:regions:",
        "    - name: us-east-1",
        "      zones: [us-east-1a, us-east-1b]",
        "  live-commerce:database:",
        "    engine: mysql",
    ].join("\n"),
};

let stacksDir: string | null = null;

function testStacksDir(): string {
    if (stacksDir !== null) return stacksDir;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-stacks-"));
    for (const f of fs.readdirSync(STACKS_DIR).filter((f) => f.endsWith(".yaml"))) fs.copyFileSync(path.join(STACKS_DIR, f), path.join(dir, f));
    for (const [stack, text] of Object.entries(EXTRA_STACKS)) fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), `${text}\n`);
    stacksDir = dir;
    return dir;
}

/** The plan of `stack` (startup-aws, growth-aws, mature-aws, growth-vm-aws, events-aws or growth-mysql-aws). */
export function plan(stack: string): Promise<Plan> {
    const hit = cache.get(stack);
    if (hit !== undefined) return hit;
    const next = isShipped(stack) ? shippedPlan(stack) : queue.then(() => planStack(stack, testStacksDir()));
    queue = next.catch(() => undefined);
    cache.set(stack, next);
    return next;
}

export function ofType(p: Plan, type: string): PlannedResource[] {
    return p.resources.filter((r) => r.type === type);
}

export function one(p: Plan, type: string, nameEnds = ""): PlannedResource {
    const hits = ofType(p, type).filter((r) => r.name.endsWith(nameEnds));
    if (hits.length !== 1) throw new Error(`expected one ${type} named *${nameEnds}, got ${hits.length}`);
    return hits[0];
}

/** Reads a nested input by path, e.g. at(r, "instanceRefresh", "preferences", "minHealthyPercentage"). */
export function at(r: PlannedResource, ...keys: (string | number)[]): unknown {
    return dig(r.inputs, ...keys);
}

/** Reads a nested value of any plain structure by path. */
export function dig(start: unknown, ...keys: (string | number)[]): unknown {
    let v: unknown = start;
    for (const k of keys) {
        if (typeof v !== "object" || v === null) return undefined;
        v = Object.entries(v).find(([key]) => key === String(k))?.[1];
    }
    return v;
}

export function strings(v: unknown): string[] {
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/** Child resources directly under the component named `component`. */
export function childrenOf(p: Plan, component: string): PlannedResource[] {
    const parent = p.resources.find((r) => !r.custom && r.name === component);
    if (parent === undefined) throw new Error(`no component ${component}`);
    return p.resources.filter((r) => r.parent === parent.urn);
}

/** Resource counts by type. */
export function countByType(resources: readonly PlannedResource[]): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of resources) out[r.type] = (out[r.type] ?? 0) + 1;
    return out;
}

/** One stack output of a region, e.g. regionOutput(p, "us-east-1", "publicSubnetIds"). */
export function regionOutput(p: Plan, region: string, key: string): unknown {
    const regions = p.outputs.regions;
    if (typeof regions !== "object" || regions === null) return undefined;
    const r = Object.entries(regions).find(([name]) => name === region)?.[1];
    if (typeof r !== "object" || r === null) return undefined;
    return Object.entries(r).find(([k]) => k === key)?.[1];
}

/** The resolved spec of a test stack, read from its stack file as the program reads it. */
export function specOf(stack: string): StackSpec {
    return resolveSpec(parseConfigValues(loadStackConfig(stack, testStacksDir())), { now: new Date("2026-01-01T00:00:00Z") });
}
