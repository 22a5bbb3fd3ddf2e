// Shared fixtures of the tests: minimal valid raw configs per stage and cloud.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import * as assert from "assert";

import { ConfigError } from "../components/model";
import { resolveSpec } from "../components/profiles";
import { ConfigObject } from "../components/model/reader";
import { Plan, PlannedResource } from "../tools/lib/record";

export const NOW = new Date("2026-11-22T00:00:00Z");

type RegionFixture = { readonly name: string; readonly zones: readonly string[] };

export const REGIONS: Readonly<Record<"alicloud" | "aws", Readonly<Record<"startup" | "growth" | "mature", readonly RegionFixture[]>>>> = {
    alicloud: {
        startup: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
        growth: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
        mature: [
            { name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"] },
            { name: "cn-shanghai", zones: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"] },
        ],
    },
    aws: {
        startup: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }],
        growth: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }],
        mature: [
            { name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
            { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"] },
        ],
    },
};

/** A valid raw config for a stage and cloud, with `extra` keys merged on top. */
export function rawConfig(stage: "startup" | "growth" | "mature", cloud: "alicloud" | "aws", extra: ConfigObject = {}): ConfigObject {
    return { stage, cloud, regions: REGIONS[cloud][stage], ...extra };
}

/** Writes stack files `Pulumi.<name>.yaml` into a fresh temporary folder and returns it. */
export function stackDir(files: Readonly<Record<string, string>>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "live-commerce-stacks-"));
    for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, `Pulumi.${name}.yaml`), text);
    return dir;
}

/** A stack file with the given live-commerce config values (rendered as JSON, which is YAML). */
export function stackFile(values: ConfigObject): string {
    return `config:\n${Object.entries(values)
        .map(([k, v]) => `  live-commerce:${k}: ${JSON.stringify(v)}`)
        .join("\n")}\n`;
}

/** Reads a nested value of a recorded input by keys and indexes; undefined where the path ends. */
export function at(value: unknown, ...keys: (string | number)[]): unknown {
    let v: unknown = value;
    for (const k of keys) {
        if (typeof k === "number") v = Array.isArray(v) ? v[k] : undefined;
        else v = typeof v === "object" && v !== null && !Array.isArray(v) ? Object.entries(v).find(([key]) => key === k)?.[1] : undefined;
    }
    return v;
}

/** A recorded value as a list (empty when it is not one). */
export function list(v: unknown): unknown[] {
    return Array.isArray(v) ? v : [];
}

export function ofType(plan: Plan, type: string): PlannedResource[] {
    return plan.resources.filter((r) => r.type === type);
}

export function one(plan: Plan, type: string, name: string): PlannedResource {
    const r = plan.resources.find((x) => x.type === type && x.name === name);
    assert.ok(r, `${type} ${name} not in plan ${plan.stack}`);
    return r;
}

/** The issues of the ConfigError `raw` resolves to at `now` (Defaults to NOW); fails when it resolves. */
export function configIssues(raw: ConfigObject, now: Date = NOW): readonly string[] {
    try {
        resolveSpec(raw, { now });
    } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
    }
    assert.fail(`expected a ConfigError for ${JSON.stringify(raw)}`);
}

/** Plans made once in a suite's `before`, handed out by stack name. */
export class PlanCache {
    private readonly plans = new Map<string, Plan>();

    set(stack: string, plan: Plan): void {
        this.plans.set(stack, plan);
    }

    get(stack: string): Plan {
        const p = this.plans.get(stack);
        if (p === undefined) throw new Error(`stack ${stack} not planned`);
        return p;
    }
}
