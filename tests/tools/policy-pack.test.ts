// The publishable pack (`npm run -s policy-pack`) loads alone, as `pulumi policy publish` ships
// it: `npm pack` of its folder (what the CLI runs, pulumi/pulumi sdk/nodejs/npm/npm.go Pack) holds
// the pack's own files only, and the packed folder, outside the project with nothing but its
// declared dependencies installed, starts the analyzer the CLI talks to and lists every policy.

import * as assert from "assert";
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";

import { POLICIES } from "../../policies/all";
import { PACK_FILES, packageOf, parsePackArgs, sourcePackage, writePolicyPack } from "../../tools/policy-pack";
import { ROOT } from "../../tools/lib/stackfiles";

/** The port the analyzer prints on its first line of stdout (@pulumi/policy server.js serve), or the process's output when it exits first. */
function analyzerPort(dir: string): Promise<{ port: number; stop: () => void }> {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, ["index.js"], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
        let out = "";
        let err = "";
        const timer = setTimeout(() => {
            child.kill();
            reject(new Error(`the pack printed no port within 60 s: ${out}${err}`));
        }, 60_000);
        child.stdout.on("data", (d: Buffer) => {
            out += d.toString();
            const m = /^(\d+)\r?\n/.exec(out);
            if (m === null) return;
            clearTimeout(timer);
            resolve({ port: Number(m[1]), stop: () => child.kill() });
        });
        child.stderr.on("data", (d: Buffer) => (err += d.toString()));
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`the pack exited (${String(code)}) before it served: ${out}${err}`));
        });
    });
}

/** The policy names the analyzer at `port` reports (GetAnalyzerInfo, as the CLI asks when it loads a pack). */
function analyzerPolicies(port: number): Promise<{ name: string; policies: string[] }> {
    const client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    return new Promise((resolve, reject) =>
        client.getAnalyzerInfo(new Empty(), (e, info) => {
            client.close();
            if (e !== null) reject(e);
            else resolve({ name: info.getName(), policies: info.getPoliciesList().map((p) => p.getName()).sort() });
        }),
    );
}

describe("the publishable policy pack (npm run policy-pack)", function () {
    this.timeout(120_000);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "policy-pack-"));
    const pack = path.join(dir, "live-commerce-availability");
    let files: string[];
    before(async () => {
        files = await writePolicyPack(pack);
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("writes the bundle, its package.json with the pinned SDKs, PulumiPolicy.yaml and the license", () => {
        assert.deepStrictEqual(files, PACK_FILES);
        const pkg: unknown = JSON.parse(fs.readFileSync(path.join(pack, "package.json"), "utf8"));
        assert.ok(typeof pkg === "object" && pkg !== null && "main" in pkg && "dependencies" in pkg && "version" in pkg);
        assert.strictEqual(pkg.main, "index.js");
        assert.deepStrictEqual(pkg.dependencies, sourcePackage().dependencies);
        assert.match(fs.readFileSync(path.join(pack, "PulumiPolicy.yaml"), "utf8"), /^runtime: nodejs\nmain: index\.js\n$/m);
        // nothing of the project is left to resolve: every require names a declared dependency or a Node built-in
        const requires = [...fs.readFileSync(path.join(pack, "index.js"), "utf8").matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
        assert.deepStrictEqual(requires.filter((r) => packageOf(r) === undefined && !r.startsWith("node:")), []);
    });

    it("npm pack of the folder (what pulumi policy publish runs) ships exactly those files", () => {
        const npm = spawnSync("npm", ["pack", "--dry-run", "--json", "--loglevel=error"], { cwd: pack, encoding: "utf8" });
        assert.strictEqual(npm.status, 0, npm.stderr);
        const listed: unknown = JSON.parse(npm.stdout);
        assert.ok(Array.isArray(listed) && listed.length === 1 && typeof listed[0] === "object" && listed[0] !== null && "files" in listed[0] && Array.isArray(listed[0].files));
        const paths = listed[0].files.map((f: unknown) => (typeof f === "object" && f !== null && "path" in f ? String(f.path) : "")).sort();
        assert.deepStrictEqual(paths, PACK_FILES);
    });

    it("loads alone, with only its declared dependencies, and serves every policy of the pack", async () => {
        // only the declared packages, linked from the project's install: no path back to the project's sources
        const modules = path.join(pack, "node_modules");
        for (const dep of Object.keys(sourcePackage().dependencies)) {
            fs.mkdirSync(path.dirname(path.join(modules, dep)), { recursive: true });
            fs.symlinkSync(path.join(ROOT, "node_modules", dep), path.join(modules, dep), "dir");
        }
        const { port, stop } = await analyzerPort(pack);
        try {
            const info = await analyzerPolicies(port);
            assert.strictEqual(info.name, "live-commerce-availability");
            assert.deepStrictEqual(info.policies, POLICIES.map((p) => p.name).sort());
        } finally {
            stop();
        }
    });

    it("refuses an argument it does not know, naming the usage", () => {
        assert.throws(() => parsePackArgs(["--outdir", "x"]), /usage: npm run -s policy-pack \[-- --out <dir>\]/);
        assert.strictEqual(parsePackArgs(["--out", "x"]), path.resolve("x"));
    });
});
