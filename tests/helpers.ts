// Shared fixtures of the tests: minimal valid raw configs per stage and cloud.

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { ConfigObject } from "../components/model/reader";

export const NOW = new Date("2026-11-22T00:00:00Z");

type RegionFixture = { readonly name: string; readonly zones: readonly string[] };

export const REGIONS: Readonly<Record<"alicloud" | "aws", Readonly<Record<"startup" | "growth" | "mature", readonly RegionFixture[]>>>> = {
    alicloud: {
        startup: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }],
        growth: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
        mature: [
            { name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"] },
            { name: "cn-shanghai", zones: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"] },
        ],
    },
    aws: {
        startup: [{ name: "us-east-1", zones: ["us-east-1a"] }],
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
