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
 * The example's strict type-check, started as soon as this file loads (mocha loads every test file
 * before it runs any), so that it runs on another core beside the other suites; the test awaits it.
 */
function startTypeCheck(): Promise<TypeCheck> {
    linkBlueprint();
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
        this.timeout(120_000);
        assert.ok(fs.existsSync(path.join(ROOT, "dist", "components", "aws", "index.d.ts")), "dist/ has no declarations: run npx tsc -p . (npm test does)");
        const tsc = await typeCheck;
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
