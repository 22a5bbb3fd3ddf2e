// Plans of the Alibaba Cloud stacks under mocks, computed once per test run and shared by the
// component tests: the three stack files of stacks/, plus a growth stack on PolarDB with a live
// event, on-call contacts and a certificate, and a growth stack that overrides the engine back to
// RDS MySQL, both written to temporary stacks directories; the MySQL one runs compute `vm` with the
// PolarDB stack's live event and app image (the app group's tests; the growth preset runs Kubernetes).

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { Plan, PlannedResource, planStack } from "../../tools/lib/record";
import { stackDir, stackFile } from "../helpers";
import { shippedPlan } from "../support/shipped";

export const STACKS = ["startup-alicloud", "growth-alicloud", "mature-alicloud"] as const;
export const POLARDB_STACK = "growth-polardb-alicloud";
/** Growth on RDS MySQL (`database.engine: mysql`): the read/write-split shape the stage defaulted to before PolarDB. */
export const MYSQL_STACK = "growth-mysql-alicloud";
export type StackName = (typeof STACKS)[number] | typeof POLARDB_STACK | typeof MYSQL_STACK;

/** Live event of the PolarDB stack: 10 days ahead, on the hour, three hours long. */
export function eventWindow(now: number = Date.now()): { start: string; end: string } {
    const start = Math.floor(now / 3_600_000) * 3_600_000 + 10 * 24 * 3_600_000;
    return { start: new Date(start).toISOString().replace(/\.000Z$/, "Z"), end: new Date(start + 3 * 3_600_000).toISOString().replace(/\.000Z$/, "Z") };
}
const EVENT = eventWindow();
export const POLARDB_EVENT = { name: "double11", start: EVENT.start, end: EVENT.end, peakOnline: 40000, timeZone: "Asia/Shanghai" };
export const CERTIFICATE_ID = "14211234-cn-hangzhou";
/** An image id of the test stack: a fixture, not a real image. */
export const APP_IMAGE_ID = "m-test0000000000000001";

export function polardbStackDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-stacks-"));
    const config = {
        config: {
            "live-commerce:stage": "growth",
            "live-commerce:cloud": "alicloud",
            "live-commerce:regions": [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
            "live-commerce:database": { engine: "polardb", size: { vcpu: 4, memoryGiB: 16 }, readReplicas: 1, backupRetentionDays: 10 },
            "live-commerce:events": [POLARDB_EVENT],
            "live-commerce:tls": { certificateId: CERTIFICATE_ID, certificateNames: ["live.example.com", "*.live.example.com"] },
            "live-commerce:monitoring": { contacts: { warning: ["ops@example.com"], critical: ["ops@example.com", "lead@example.com"], fatal: ["cto@example.com"] } },
        },
    };
    fs.writeFileSync(path.join(dir, `Pulumi.${POLARDB_STACK}.yaml`), JSON.stringify(config));
    return dir;
}

function mysqlStackDir(): string {
    return stackDir({
        [MYSQL_STACK]: stackFile({
            stage: "growth",
            cloud: "alicloud",
            compute: "vm",
            domain: "live.example.com",
            regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
            database: { engine: "mysql" },
            events: [POLARDB_EVENT],
            app: { imageId: APP_IMAGE_ID },
        }),
    });
}

let cached: Promise<Record<StackName, Plan>> | undefined;

/** Every plan, computed on first use (the runtime allows one program at a time, so sequentially). */
export function plans(): Promise<Record<StackName, Plan>> {
    if (cached === undefined) {
        cached = (async () => {
            const startup = await shippedPlan("startup-alicloud");
            const growth = await shippedPlan("growth-alicloud");
            const mature = await shippedPlan("mature-alicloud");
            const polardb = await planStack(POLARDB_STACK, polardbStackDir());
            const mysql = await planStack(MYSQL_STACK, mysqlStackDir());
            return { "startup-alicloud": startup, "growth-alicloud": growth, "mature-alicloud": mature, [POLARDB_STACK]: polardb, [MYSQL_STACK]: mysql };
        })();
    }
    return cached;
}

/**
 * Registers a mocha `before` hook that computes the plans, and returns an accessor for use inside
 * the tests of the enclosing `describe`.
 */
export function usePlans(): () => Record<StackName, Plan> {
    let all: Record<StackName, Plan> | undefined;
    before(async () => {
        all = await plans();
    });
    return () => {
        if (all === undefined) throw new Error("plans are read before the before() hook ran");
        return all;
    };
}

export function ofType(plan: Plan, type: string): PlannedResource[] {
    return plan.resources.filter((r) => r.type === type);
}

/** The one resource of `type` named `name`; fails when absent. */
export function named(plan: Plan, type: string, name: string): PlannedResource {
    const hit = plan.resources.find((r) => r.type === type && r.name === name);
    if (hit === undefined) throw new Error(`${plan.stack}: no ${type} named ${name}; have ${ofType(plan, type).map((r) => r.name).join(", ")}`);
    return hit;
}

/** The one resource of `type` in the plan's first region (names start with lc-cn-hangzhou). */
export function single(plan: Plan, type: string): PlannedResource {
    const hits = ofType(plan, type).filter((r) => r.name.startsWith("lc-cn-hangzhou-"));
    if (hits.length !== 1) throw new Error(`${plan.stack}: expected one ${type} in cn-hangzhou, got ${hits.length}`);
    return hits[0];
}

/** Resource counts per type, sorted by type. */
export function countsByType(plan: Plan, prefix = "alicloud:"): Record<string, number> {
    const out: Record<string, number> = {};
    for (const r of plan.resources) if (r.type.startsWith(prefix)) out[r.type] = (out[r.type] ?? 0) + 1;
    return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]]));
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A nested input by path ("healthCheckConfig.healthCheckInterval", "zoneMappings.0.zoneId"); undefined when absent. */
export function input(r: PlannedResource, dotted: string): unknown {
    let v: unknown = r.inputs;
    for (const key of dotted.split(".")) {
        if (Array.isArray(v)) v = v[Number(key)];
        else if (isRecord(v)) v = v[key];
        else return undefined;
    }
    return v;
}

/** Child resources of a component: resources whose parent is the component's URN. */
export function childrenOf(plan: Plan, component: PlannedResource): PlannedResource[] {
    return plan.resources.filter((r) => r.parent === component.urn);
}
