// What the tools preload to start fast (tools/preload.cjs): the V8 code cache (compile-cache.cjs) and
// the deferred runtime dependencies (defer-modules.cjs); planning without stack-trace capture; and
// the mock engine's responses without protobuf.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";

import { mockUrn, structFields } from "../../tools/lib/monitor";
import { planProgram } from "../../tools/lib/record";
import { matrixStacks } from "../../tools/bench";
import { ROOT } from "../../tools/lib/stackfiles";

const COMPILE_CACHE = path.join(ROOT, "tools", "compile-cache.cjs");
const DEFER_MODULES = path.join(ROOT, "tools", "defer-modules.cjs");

interface Run {
    readonly stdout: string;
    /** The compile cache's report: modules from the cache and compiled. */
    readonly cached: number;
    readonly compiled: number;
}

/** Runs `node -r compile-cache.cjs <args>` with the cache in `cacheDir`, in `cwd`. */
function runCached(cacheDir: string, cwd: string, args: readonly string[], extraEnv: Record<string, string> = {}): Run {
    const r = spawnSync(process.execPath, ["-r", COMPILE_CACHE, ...args], { cwd, encoding: "utf8", env: { ...process.env, LC_COMPILE_CACHE_DIR: cacheDir, LC_COMPILE_CACHE_REPORT: "1", ...extraEnv } });
    assert.strictEqual(r.status, 0, r.stderr);
    const m = /compile-cache: (\d+) from cache, (\d+) compiled/.exec(r.stderr);
    return { stdout: r.stdout, cached: m === null ? 0 : Number(m[1]), compiled: m === null ? 0 : Number(m[2]) };
}

describe("tools/compile-cache.cjs", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-cache-"));
    const cacheDir = path.join(dir, "cache");
    const main = path.join(dir, "main.js");
    const dep = path.join(dir, "dep.js");

    it("compiles a module once, loads it from the cache afterwards, and never runs stale code", () => {
        fs.writeFileSync(dep, "module.exports = { word: 'first' };\n");
        fs.writeFileSync(main, "#!/usr/bin/env node\nconst path = require('path');\nconst d = require('./dep');\nprocess.stdout.write(`${d.word} ${path.basename(require.resolve('./dep'))} ${__filename === require.main.filename}`);\n");
        const first = runCached(cacheDir, dir, [main]);
        assert.strictEqual(first.stdout, "first dep.js true");
        assert.deepStrictEqual([first.cached, first.compiled], [0, 2]);
        const second = runCached(cacheDir, dir, [main]);
        assert.strictEqual(second.stdout, "first dep.js true");
        assert.deepStrictEqual([second.cached, second.compiled], [2, 0]);
        // same length, other content: V8 checks only the length, so the stamp must catch it
        fs.writeFileSync(dep, "module.exports = { word: 'other' };\n");
        const third = runCached(cacheDir, dir, [main]);
        assert.strictEqual(third.stdout, "other dep.js true");
        assert.deepStrictEqual([third.cached, third.compiled], [1, 1]);
    });

    it("keeps a cache per set of V8 flags, which V8 checks, so runs under other flags do not replace it", () => {
        const flagged = runCached(cacheDir, dir, ["--max-semi-space-size=32", main]);
        assert.deepStrictEqual([flagged.cached, flagged.compiled], [0, 2]);
        assert.deepStrictEqual([runCached(cacheDir, dir, [main]).cached, runCached(cacheDir, dir, ["--max-semi-space-size=32", main]).cached], [2, 2]);
    });

    it("leaves code that is not a file (node -e) and source-mapped runs to Node", () => {
        assert.strictEqual(runCached(cacheDir, dir, ["-e", "process.stdout.write(String(require('./dep.js').word))"]).stdout, "other");
        const mapped = runCached(cacheDir, dir, ["--enable-source-maps", main]);
        assert.strictEqual(mapped.stdout, "other dep.js true");
        assert.deepStrictEqual([mapped.cached, mapped.compiled], [0, 0]);
    });

    it("starts over from a damaged cache file", () => {
        for (const f of fs.readdirSync(cacheDir)) fs.writeFileSync(path.join(cacheDir, f), "not a cache");
        const r = runCached(cacheDir, dir, [main]);
        assert.strictEqual(r.stdout, "other dep.js true");
        assert.deepStrictEqual([r.cached, r.compiled], [0, 2]);
    });
});

describe("tools/defer-modules.cjs", () => {
    /** Runs a script with the deferral preloaded, in the project (where @pulumi/pulumi resolves). */
    function runDeferred(script: string): string {
        const r = spawnSync(process.execPath, ["-r", DEFER_MODULES, "-e", script], { cwd: ROOT, encoding: "utf8" });
        assert.strictEqual(r.status, 0, r.stderr);
        return r.stdout;
    }

    it("loads @pulumi/pulumi without TypeScript, npm's Arborist and the Automation API", () => {
        const loaded = runDeferred(
            "require('@pulumi/pulumi'); const names = Object.keys(require.cache); process.stdout.write(JSON.stringify(['typescript/lib/typescript.js', '@npmcli/arborist', 'normalize-package-data', 'runtime/closure/codePaths.js', '@pulumi/pulumi/automation/'].filter((m) => names.some((n) => n.includes(m)))))",
        );
        assert.deepStrictEqual(JSON.parse(loaded), []);
    });

    it("loads a deferred module on first use: serializeFunction parses with TypeScript, computeCodePaths stays a function, pulumi.automation is the Automation API", () => {
        const out = runDeferred(
            "const pulumi = require('@pulumi/pulumi'); const ts = require('typescript'); process.stdout.write(JSON.stringify([typeof pulumi.runtime.computeCodePaths, require('@pulumi/pulumi/typescript-shim').SyntaxKind.Identifier === ts.SyntaxKind.Identifier, pulumi.automation.LocalWorkspace === require('@pulumi/pulumi/automation').LocalWorkspace])); pulumi.runtime.serializeFunction((a) => a + 1).then((f) => process.stdout.write(' ' + f.text.includes('a + 1')))",
        );
        assert.strictEqual(out, '["function",true,true] true');
    });
});

describe("planning without stack traces", () => {
    it("captures no stack while the program runs, and restores Error.stackTraceLimit afterwards", async () => {
        const before = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
        let inside: string | undefined = "not run";
        await planProgram("startup-aws", async () => {
            Error.stackTraceLimit = Number.POSITIVE_INFINITY; // what Resource.callsites() does
            inside = new Error("planned").stack;
            return { stage: "startup", cloud: "aws" };
        });
        assert.strictEqual(inside, undefined);
        assert.deepStrictEqual(Object.getOwnPropertyDescriptor(Error, "stackTraceLimit"), before);
        assert.match(new Error("after").stack ?? "", /\n\s+at /);
    });

    it("plans again with traces on after an unexpected error, so the error it rejects with has one", async () => {
        const error = await planProgram("startup-aws", async () => {
            throw new Error("unexpected");
        }).then(
            () => undefined,
            (e: unknown) => e,
        );
        assert.ok(error instanceof Error);
        assert.strictEqual(error.message, "unexpected");
        assert.match(error.stack ?? "", /\n\s+at .*start\.test\.js/);
    });
});

describe("bench matrix stacks", () => {
    it("are the six stage x cloud stacks, without variants, in matrix order", () => {
        assert.deepStrictEqual(matrixStacks(["growth-aws-serverless", "mature-aws", "growth-alicloud", "startup-aws", "growth-aws", "startup-alicloud", "mature-alicloud"]), [
            "startup-alicloud",
            "startup-aws",
            "growth-alicloud",
            "growth-aws",
            "mature-alicloud",
            "mature-aws",
        ]);
    });
});

describe("mock engine responses (tools/lib/monitor.ts)", () => {
    it("hold what a protobuf Struct round trip holds, keys in the same order", () => {
        const state = { zeta: [1, "two", null, { b: true, a: -0 }], alpha: { "10": "x", "9": "y", b: { d: 1.5, c: [] } }, "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", empty: {} };
        const roundTrip = Struct.fromJavaScript(state).toJavaScript();
        assert.strictEqual(JSON.stringify(structFields(state)), JSON.stringify(roundTrip));
        assert.deepStrictEqual(structFields(state), roundTrip);
    });

    it("refuse what a Struct cannot hold, as Struct.fromJavaScript does", () => {
        assert.throws(() => Reflect.apply(Struct.fromJavaScript, Struct, [{ a: undefined }]), /Unexpected struct type/);
        assert.throws(() => structFields({ a: undefined }), /Unexpected struct type/);
    });

    it("give the URN MockMonitor gives, with the parent's type chain", () => {
        const monitor = new MockMonitor({ call: () => ({}), newResource: () => ({ id: undefined, state: {} }) });
        const newUrn: unknown = Reflect.get(monitor, "newUrn");
        assert.ok(typeof newUrn === "function");
        const parent = "urn:pulumi:stack::project::pulumi:pulumi:Stack$lc:region:Region::r1";
        assert.strictEqual(mockUrn(parent, "aws:ec2/vpc:Vpc", "v"), Reflect.apply(newUrn, monitor, [parent, "aws:ec2/vpc:Vpc", "v"]));
        assert.strictEqual(mockUrn("", "pulumi:pulumi:Stack", "s"), Reflect.apply(newUrn, monitor, ["", "pulumi:pulumi:Stack", "s"]));
    });
});
