// tools/build.cjs: what `npm run plan` and `pulumi up` preload to bring bin/ up to date.

import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { ROOT } from "../../tools/lib/stackfiles";

/** A scratch project with the real build script and the project's node_modules. */
function scratchProject(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-build-"));
    fs.mkdirSync(path.join(dir, "tools"));
    fs.mkdirSync(path.join(dir, "components"));
    fs.copyFileSync(path.join(ROOT, "tools", "build.cjs"), path.join(dir, "tools", "build.cjs"));
    fs.copyFileSync(path.join(ROOT, "tsconfig.json"), path.join(dir, "tsconfig.json"));
    fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    return dir;
}

function build(dir: string): string {
    const r = spawnSync(process.execPath, [path.join(dir, "tools", "build.cjs")], { cwd: dir, encoding: "utf8" });
    assert.strictEqual(r.status, 0, r.stderr);
    return r.stdout.trim();
}

describe("tools/build.cjs", () => {
    it("compiles what changed, nothing when nothing did, and removes the output of a deleted source", () => {
        const dir = scratchProject();
        const source = path.join(dir, "components", "answer.ts");
        fs.writeFileSync(source, "export const answer: number = 42;\nexport type Unused = { a: string };\n");
        fs.writeFileSync(path.join(dir, "components", "other.ts"), "export const other = 1;\n");
        assert.strictEqual(build(dir), "build: 2 of 2 file(s) compiled to bin/, 0 removed");
        const out = path.join(dir, "bin", "components", "answer.js");
        const loaded: unknown = require(out);
        assert.ok(typeof loaded === "object" && loaded !== null && "answer" in loaded && loaded.answer === 42);

        assert.strictEqual(build(dir), "build: 0 of 2 file(s) compiled to bin/, 0 removed");

        fs.writeFileSync(source, "export const answer: number = 43;\n");
        assert.strictEqual(build(dir), "build: 1 of 2 file(s) compiled to bin/, 0 removed");
        assert.match(fs.readFileSync(out, "utf8"), /answer = 43/);

        fs.rmSync(source);
        assert.strictEqual(build(dir), "build: 0 of 1 file(s) compiled to bin/, 2 removed");
        assert.ok(!fs.existsSync(out), "a deleted source leaves no stale output (mocha would still run a stale test)");
    });

    it("removes the outputs of deleted sources even when the manifest is lost", () => {
        const dir = scratchProject();
        fs.writeFileSync(path.join(dir, "components", "kept.ts"), "export const kept = 1;\n");
        fs.writeFileSync(path.join(dir, "components", "gone.ts"), "export const gone = 1;\n");
        build(dir);
        fs.rmSync(path.join(dir, "components", "gone.ts"));
        fs.rmSync(path.join(dir, "bin", ".build.json"));
        assert.strictEqual(build(dir), "build: 1 of 1 file(s) compiled to bin/, 2 removed");
        assert.deepStrictEqual(fs.readdirSync(path.join(dir, "bin", "components")).sort(), ["kept.js", "kept.js.map"]);
    });

    it("the entry point `pulumi up` loads (package.json main under the preload of Pulumi.yaml's nodeargs) exports the program", () => {
        const r = spawnSync(process.execPath, ["--require", "./tools/build.cjs", "-e", "const m = require(require('path').resolve(require('./package.json').main)); process.stdout.write(typeof m)"], { cwd: ROOT, encoding: "utf8" });
        assert.strictEqual(r.status, 0, r.stderr);
        assert.strictEqual(r.stdout, "function");
    });

    it("compiles import() to require(), as tsc does for CommonJS", () => {
        const dir = scratchProject();
        fs.writeFileSync(path.join(dir, "components", "lazy.ts"), 'export const load = () => import("./target");\n');
        fs.writeFileSync(path.join(dir, "components", "target.ts"), "export const value = 7;\n");
        build(dir);
        assert.match(fs.readFileSync(path.join(dir, "bin", "components", "lazy.js"), "utf8"), /require\("\.\/target"\)/);
    });
});
