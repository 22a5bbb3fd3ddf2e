// The offline plan command, run as a user runs it.

import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

import { ROOT, listStacks } from "../tools/lib/stackfiles";
import { PLAN_THREADS_ENV, planningThreads } from "../tools/plan";
import { STACK_TRACES_ENV } from "../tools/lib/stack-traces";
import { nextFor } from "../tools/lib/plan-threads";
import { rawConfig, stackDir, stackFile } from "./helpers";

interface Run {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/**
 * The arguments `npm run plan` gives node (package.json scripts.plan: its V8 flags, the preload,
 * bin/tools/plan.js), so that a run here starts as the user's does, without npm's own start.
 */
function planCommand(): string[] {
    const pkg: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const scripts = isRecord(pkg) ? pkg.scripts : undefined;
    const script = isRecord(scripts) ? scripts.plan : undefined;
    if (typeof script !== "string") throw new Error("package.json has no plan script");
    const [command, ...args] = script.split(/\s+/);
    if (command !== "node" || !args.includes("bin/tools/plan.js")) throw new Error(`package.json scripts.plan is not a node command running bin/tools/plan.js: ${script}`);
    return args;
}

const PLAN_COMMAND = planCommand();

function plan(...args: string[]): Run {
    return planWith({}, ...args);
}

/** `plan` with extra environment variables. */
function planWith(env: NodeJS.ProcessEnv, ...args: string[]): Run {
    const r = spawnSync(process.execPath, [...PLAN_COMMAND, ...args], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024, env: { ...process.env, ...env } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let readmeRun: Run | undefined;

/**
 * `npm run -s plan -- --stack startup-aws --format json` as the README runs it, run once: the
 * startup-aws plan alone, which the --all test compares its own document with.
 */
function readmeStartupAws(): Run {
    if (readmeRun !== undefined) return readmeRun;
    const r = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "plan", "--", "--stack", "startup-aws", "--format", "json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    readmeRun = { status: r.status, stdout: r.stdout, stderr: r.stderr };
    return readmeRun;
}

/**
 * `planWith`, without blocking: two runs that do not depend on each other run side by side, on a
 * core mocha leaves idle while it waits for a child.
 */
function planWithAsync(env: NodeJS.ProcessEnv, ...args: string[]): Promise<Run> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [...PLAN_COMMAND, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on("data", (d: Buffer) => out.push(d));
        child.stderr.on("data", (d: Buffer) => err.push(d));
        child.on("error", reject);
        child.on("close", (status) => resolve({ status, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    });
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Exit code of all shipped stacks together: every flow connects or waits only for settings the
 * stacks list as not yet given (advisory; the open hops are pinned in tests/tools/check.test.ts).
 */
const OPEN_FLOWS_EXIT = 0;
/**
 * Exit code of startup-aws: its flows connect or wait only for settings the stack lists as not yet
 * given (the app image, alarm recipients: advisory findings), so no mandatory finding is left.
 */
const STARTUP_AWS_EXIT = 0;
/**
 * Exit code of the shipped kubernetes and serverless stacks: every flow connects but those waiting
 * for a setting only the user can give (a certificate, alarm recipients), which are advisory.
 */
const SETTINGS_ONLY_EXIT = 0;

describe("npm run plan", function () {
    this.timeout(180_000);

    it("ships the eight stacks: three stages on two clouds, and growth on serverless on both", () => {
        assert.deepStrictEqual(listStacks(), [
            "growth-alicloud",
            "growth-alicloud-serverless",
            "growth-aws",
            "growth-aws-serverless",
            "mature-alicloud",
            "mature-aws",
            "startup-alicloud",
            "startup-aws",
        ]);
    });

    it("--format json prints one document with the stack, stage, cloud, resources and outputs", () => {
        const run = plan("--stack", "growth-alicloud", "--format", "json");
        assert.strictEqual(run.status, SETTINGS_ONLY_EXIT, run.stderr);
        const doc: unknown = JSON.parse(run.stdout);
        assert.ok(isRecord(doc));
        assert.deepStrictEqual(Object.keys(doc).slice(0, 6), ["stack", "stage", "cloud", "preview", "resources", "outputs"]);
        assert.deepStrictEqual([doc.stack, doc.stage, doc.cloud], ["growth-alicloud", "growth", "alicloud"]);
        assert.ok(Array.isArray(doc.resources));
        const resources: unknown[] = doc.resources;
        const retained: unknown[] = [];
        for (const r of resources) {
            assert.ok(isRecord(r));
            const keys = ["urn", "type", "name", "parent", "custom", "provider", "inputs"];
            // Data stores carry retainOnDelete: removing or replacing them never deletes their data.
            if ("retainOnDelete" in r) {
                assert.strictEqual(r.retainOnDelete, true);
                retained.push(r.type);
                keys.push("retainOnDelete");
            }
            // Declared aliases (URNs a renamed resource had before), in the engine's URN form.
            if ("aliases" in r) {
                assert.ok(Array.isArray(r.aliases) && r.aliases.length > 0 && r.aliases.every((u) => typeof u === "string" && u.startsWith("urn:pulumi:growth-alicloud::")));
                keys.push("aliases");
            }
            // then the id and the computed outputs the flow analysis joins resources by
            for (const k of ["id", "outputs"]) if (k in r) keys.push(k);
            keys.push("propertyDependencies");
            // every resource it waits for (inputs and dependsOn) and the properties it leaves alone, when there are any
            if ("dependencies" in r) {
                assert.ok(Array.isArray(r.dependencies) && r.dependencies.length > 0 && r.dependencies.every((u) => typeof u === "string" && u.startsWith("urn:pulumi:growth-alicloud::")));
                keys.push("dependencies");
            }
            if ("ignoreChanges" in r) {
                assert.ok(Array.isArray(r.ignoreChanges) && r.ignoreChanges.length > 0);
                keys.push("ignoreChanges");
            }
            // and the properties whose change replaces it (the PolarDB cluster's serverlessType)
            if ("replaceOnChanges" in r) {
                assert.deepStrictEqual([r.type, r.replaceOnChanges], ["alicloud:polardb/cluster:Cluster", ["serverlessType"]]);
                keys.push("replaceOnChanges");
            }
            assert.deepStrictEqual(Object.keys(r), keys);
            assert.ok(r.parent === null || (typeof r.parent === "string" && r.parent.startsWith("urn:pulumi:")));
        }
        assert.deepStrictEqual([...new Set(retained)].sort(), [
            "alicloud:alikafka/instance:Instance",
            "alicloud:alikafka/topic:Topic",
            "alicloud:oss/bucket:Bucket",
            "alicloud:polardb/cluster:Cluster",
            "alicloud:polardb/database:Database",
            "alicloud:redis/tairInstance:TairInstance",
        ]);
        const roots = resources.filter((r) => isRecord(r) && r.parent === null);
        assert.strictEqual(roots.length, 1, "exactly one root: the stack");
        const urns = new Set(resources.map((r) => (isRecord(r) ? r.urn : undefined)));
        for (const r of resources) if (isRecord(r) && r.parent !== null) assert.ok(urns.has(r.parent), `parent of ${String(r.name)} is recorded`);
        assert.ok(isRecord(doc.outputs) && isRecord(doc.outputs.regions) && "cn-hangzhou" in doc.outputs.regions);
        assert.ok(Array.isArray(doc.flows));
        const flows: unknown[] = doc.flows;
        assert.deepStrictEqual(
            flows.map((f) => (isRecord(f) ? [f.key, f.region, Object.keys(f).slice(0, 5), f.status === "broken", isRecord(f.broken)] : undefined)),
            [
                ["viewer", true],
                ["interaction", true],
                ["order", true],
                ["hot-products", true],
                ["stream", false],
                ["scaling", false],
                ["alarm", true],
            ].map(([k, broken]) => [k, "cn-hangzhou", ["key", "name", "region", "status", "hops"], broken, broken]),
        );
    });

    it("npm run -s plan, as the README runs it, writes only the JSON document to stdout", () => {
        const r = readmeStartupAws();
        assert.strictEqual(r.status, STARTUP_AWS_EXIT, r.stderr);
        const doc: unknown = JSON.parse(r.stdout);
        assert.ok(isRecord(doc) && doc.stack === "startup-aws");
    });

    it("is deterministic: the same stack gives the same bytes", async () => {
        // two processes, run side by side
        const [a, b] = await Promise.all([planWithAsync({}, "--stack", "mature-aws", "--format", "json"), planWithAsync({}, "--stack", "mature-aws", "--format", "json")]);
        assert.strictEqual(a.status, SETTINGS_ONLY_EXIT, a.stderr);
        assert.strictEqual(a.stdout, b.stdout);
    });

    it("--all plans every stack, each exactly as when planned alone", () => {
        const all = plan("--all", "--format", "json");
        assert.strictEqual(all.status, OPEN_FLOWS_EXIT, all.stderr);
        const docs: unknown = JSON.parse(all.stdout);
        assert.ok(Array.isArray(docs));
        const plans: unknown[] = docs;
        assert.deepStrictEqual(
            plans.map((d) => (isRecord(d) ? d.stack : undefined)),
            listStacks(),
        );
        const alone: unknown = JSON.parse(readmeStartupAws().stdout);
        assert.deepStrictEqual(plans[listStacks().indexOf("startup-aws")], alone);
    });

    it("prints a tree of components and their children, and a count per type", () => {
        const run = plan("--stack", "startup-aws");
        assert.strictEqual(run.status, STARTUP_AWS_EXIT, run.stderr);
        assert.match(run.stdout, /^stack startup-aws: stage startup, cloud aws, \d+ resources/);
        assert.match(run.stdout, /\n├─ live-commerce:aws:Region {2}lc-us-east-1\n│ {2}├─ live-commerce:aws:AutoScaling {2}lc-us-east-1-app\n│ {2}│ {2}├─ aws:autoscaling\/group:Group {2}lc-us-east-1-app-group\n/);
        assert.match(run.stdout, /resources by type:\n(.*\n)*\s+aws:ec2\/subnet:Subnet\s+4\n/);
    });

    it("an unknown stack exits 2 and lists the stacks that exist", () => {
        const run = plan("--stack", "growth-gcp");
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /unknown stack "growth-gcp"; stacks: growth-alicloud, growth-alicloud-serverless, growth-aws, growth-aws-serverless, mature-alicloud, mature-aws, startup-alicloud, startup-aws/);
        assert.strictEqual(run.stdout, "");
    });

    it("an invalid config exits 2 with the validation message and declares nothing", () => {
        const dir = stackDir({ broken: stackFile(rawConfig("growth", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }] })) });
        const run = plan("--stack", "broken", "--dir", dir);
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /regions\[0\]\.zones: growth stage needs >= 2 zones in region cn-hangzhou \(got 1\)/);
        assert.strictEqual(run.stdout, "");
    });

    it("several stacks planned on threads print what planning them in order prints, up to a refused stack", async () => {
        const args = ["--stack", "startup-aws", "--stack", "growth-gcp", "--stack", "startup-alicloud", "--format", "json"];
        const [threads, inOrder] = await Promise.all([planWithAsync({ [PLAN_THREADS_ENV]: "2" }, ...args), planWithAsync({ [PLAN_THREADS_ENV]: "1" }, ...args)]);
        assert.strictEqual(threads.status, 2);
        assert.strictEqual(threads.stdout, "");
        assert.match(threads.stderr, /(^|\n)growth-gcp: unknown stack "growth-gcp"; stacks: [^\n]*\n$/);
        assert.deepStrictEqual(threads, inOrder);
    });

    it("bad arguments exit 2 with the usage", () => {
        const run = plan("--stack", "growth-aws", "--format", "yaml");
        assert.strictEqual(run.status, 2);
        assert.match(run.stderr, /--format must be one of text, json \(got yaml\)\nusage:/);
    });
});

describe("planning threads", () => {
    it("one per stack, at most the machine's available parallelism from 4 cores; one thread below", () => {
        assert.strictEqual(planningThreads(6, {}, 2), 1);
        assert.strictEqual(planningThreads(6, {}, 4), 4);
        assert.strictEqual(planningThreads(1, {}, 8), 1);
        assert.strictEqual(planningThreads(3, {}, 8), 3);
    });

    it("LC_PLAN_THREADS sets the limit; a value that is not a whole number >= 1 is ignored", () => {
        assert.strictEqual(planningThreads(6, { [PLAN_THREADS_ENV]: "1" }, 8), 1);
        assert.strictEqual(planningThreads(6, { [PLAN_THREADS_ENV]: "2" }, 2), 2);
        assert.strictEqual(planningThreads(6, { [PLAN_THREADS_ENV]: "4" }, 2), 4);
        assert.strictEqual(planningThreads(6, { [PLAN_THREADS_ENV]: "0" }, 8), 6);
        assert.strictEqual(planningThreads(6, { [PLAN_THREADS_ENV]: "two" }, 2), 1);
    });

    it("a free thread plans the next stack of the cloud it planned last, else the next stack", () => {
        const clouds = ["alicloud", "aws", "alicloud", "aws", undefined];
        assert.strictEqual(nextFor(undefined, [0, 1, 2, 3, 4], clouds), 0);
        assert.strictEqual(nextFor("aws", [2, 3, 4], clouds), 1);
        assert.strictEqual(nextFor("alicloud", [3, 4], clouds), 0);
        assert.strictEqual(nextFor("aws", [], clouds), -1);
    });

    it("a crashed command run again with stack traces on plans in one thread", () => {
        assert.strictEqual(planningThreads(6, { [STACK_TRACES_ENV]: "1" }, 2), 1);
    });
});

describe("secret handling of the plan", () => {
    it("refuses a plan in which a generated secret shows in plain text, naming the resource", async () => {
        const { assertNoSecretLeak } = await import("../tools/lib/record");
        const leaky = {
            stack: "s",
            stage: "growth",
            cloud: "aws",
            preview: false,
            outputs: {},
            notDeployableUntilSet: [],
            resources: [{ urn: "urn:pulumi:s::live-commerce::aws:rds/instance:Instance::db", type: "aws:rds/instance:Instance", name: "db", parent: null, custom: true, provider: null, inputs: { password: "mock-secret-abc" } }],
        };
        assert.throws(() => assertNoSecretLeak(leaky, ["mock-secret-abc"]), /secret value appears in plain text in the plan of s: urn:pulumi:s::live-commerce::aws:rds\/instance:Instance::db/);
        assert.doesNotThrow(() => assertNoSecretLeak({ ...leaky, resources: [{ ...leaky.resources[0], inputs: { password: "[secret]" } }] }, ["mock-secret-abc"]));
    });
});
