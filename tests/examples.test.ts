// examples/live-shop: a separate Pulumi program that imports the components as a package
// (`live-commerce/model`, `live-commerce/aws` through package.json `exports`), type-checked with its
// own strict tsconfig against the declarations in dist/ and planned under Pulumi mocks.

import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";

import { isRecord } from "../policies/lib/values";
import { planProgram } from "../tools/lib/record";
import { ROOT } from "../tools/lib/stackfiles";

const EXAMPLE = path.join(ROOT, "examples", "live-shop");

/** What `npm install` of the example's `file:../..` dependency makes: node_modules/live-commerce -> the blueprint. */
function linkBlueprint(): void {
    const link = path.join(EXAMPLE, "node_modules", "live-commerce");
    if (fs.existsSync(link)) return;
    fs.mkdirSync(path.dirname(link), { recursive: true });
    fs.symlinkSync(path.relative(path.dirname(link), ROOT), link, "dir");
}

function isProgram(v: unknown): v is () => Promise<unknown> {
    return typeof v === "function";
}

/** The exit status and output of `tsc -p examples/live-shop`. */
interface TypeCheck {
    readonly status: number | null;
    readonly output: string;
}

/**
 * Set by `npm test` (tools/test.cjs), which runs the blueprint's `tsc` beside mocha: the file that
 * holds tsc's exit status once tsc has exited, that is once dist/ holds this tree's declarations.
 */
const DECLARATIONS_STATUS = process.env.LC_DECLARATIONS_STATUS;

/** How often the status file is looked for, in milliseconds. */
const STATUS_POLL_MS = 200;

/**
 * Resolves when the declarations in dist/ are ready: at once without DECLARATIONS_STATUS (dist/ as
 * it is), else once tsc has exited, with the failure to report when it failed.
 */
function declarationsReady(): Promise<TypeCheck | undefined> {
    const statusFile = DECLARATIONS_STATUS;
    if (statusFile === undefined || statusFile === "") return Promise.resolve(undefined);
    return new Promise((resolve) => {
        const look = (): void => {
            if (!fs.existsSync(statusFile)) {
                setTimeout(look, STATUS_POLL_MS);
                return;
            }
            const status = fs.readFileSync(statusFile, "utf8").trim();
            resolve(status === "0" ? undefined : { status: null, output: `tsc -p . exited with ${status}: dist/ holds no declarations of this tree (its errors follow the test report)` });
        };
        look();
    });
}

/**
 * The example's strict type-check, started as soon as this file loads (mocha loads every test file
 * before it runs any) and dist/ is ready, so that it runs on another core beside the other suites;
 * the test awaits it.
 */
async function startTypeCheck(): Promise<TypeCheck> {
    linkBlueprint();
    const failed = await declarationsReady();
    if (failed !== undefined) return failed;
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(EXAMPLE, "tsconfig.json")], { stdio: ["ignore", "pipe", "pipe"] });
        let output = "";
        child.stdout.on("data", (d: Buffer) => (output += d.toString()));
        child.stderr.on("data", (d: Buffer) => (output += d.toString()));
        child.on("error", (e) => resolve({ status: null, output: e.message }));
        child.on("close", (status) => resolve({ status, output }));
    });
}

const typeCheck = startTypeCheck();

describe("examples/live-shop, a Pulumi program using the components as a library", () => {
    before(linkBlueprint);

    it("type-checks with its strict tsconfig (exactOptionalPropertyTypes, noUncheckedIndexedAccess) against the package's declarations", async function () {
        // under npm test this includes the wait for the blueprint's own tsc, which runs beside mocha
        this.timeout(300_000);
        const tsc = await typeCheck;
        assert.ok(fs.existsSync(path.join(ROOT, "dist", "components", "aws", "index.d.ts")), "dist/ has no declarations: run npx tsc -p . (npm test does)");
        assert.strictEqual(tsc.status, 0, `tsc -p examples/live-shop failed:\n${tsc.output}`);
    });

    it("plans the shop's network and buckets under its own project name and config keys", async () => {
        // The example's compiled module (tools/build.cjs compiles examples/ into bin/ with the rest); a
        // computed path keeps the example out of the blueprint's own type-check, which has its own flags.
        const mod: unknown = require(path.join(ROOT, "bin", "examples", "live-shop", "index.js"));
        const main = isRecord(mod) ? mod.main : undefined;
        assert.ok(isProgram(main), "examples/live-shop exports main");
        const plan = await planProgram(
            "dev",
            async () => {
                const outputs = await main();
                assert.ok(isRecord(outputs));
                return outputs;
            },
            EXAMPLE,
            { root: EXAMPLE },
        );
        assert.deepStrictEqual([plan.stage, plan.cloud], ["startup", "aws"]);
        const names = plan.resources.map((r) => `${r.type}::${r.name}`);
        for (const expected of [
            "pulumi:providers:aws::shop-provider-eu-west-1",
            "live-commerce:aws:Network::shop-eu-west-1-network",
            "aws:ec2/vpc:Vpc::shop-eu-west-1-network-vpc",
            "live-commerce:aws:Storage::shop-eu-west-1-storage",
        ]) {
            assert.ok(names.includes(expected), `${expected} in\n${names.join("\n")}`);
        }
        const vpc = plan.resources.find((r) => r.type === "aws:ec2/vpc:Vpc");
        assert.ok(vpc);
        assert.strictEqual(vpc.inputs.cidrBlock, "10.10.0.0/16");
        assert.deepStrictEqual(vpc.inputs.tags, { project: "live-shop", stage: "startup", region: "eu-west-1", "managed-by": "pulumi", Name: "shop-eu-west-1-network" });
        assert.ok(vpc.urn.startsWith("urn:pulumi:dev::live-shop::"), vpc.urn);
        // Startup: one NAT gateway (natStrategy single), a private and a public subnet per zone.
        assert.strictEqual(plan.resources.filter((r) => r.type === "aws:ec2/natGateway:NatGateway").length, 1);
        assert.strictEqual(plan.resources.filter((r) => r.type === "aws:ec2/subnet:Subnet").length, 4);
    });
});
