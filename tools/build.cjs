// Compiles the TypeScript sources to JavaScript under bin/ (same tree: components/x.ts -> bin/components/x.js)
// with esbuild, file by file, only what changed since the last build. Type-checking is `tsc --noEmit`
// (npm test); this step only strips types, so it takes milliseconds when nothing changed.
//
//   node tools/build.cjs            build what changed, print a one-line summary
//   node -r ./tools/build.cjs x.js  the same, silently, before running x.js (npm run plan/check/bench)
//
// Written in plain JavaScript because it runs before anything is compiled.
"use strict";

const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "bin");
/** Folders holding TypeScript sources, relative to the project root. */
const SOURCE_DIRS = ["stacks", "components", "policies", "tools", "tests", "examples"];
const MANIFEST = path.join(OUT, ".build.json");

/**
 * esbuild options that decide the output; a change of any of them rebuilds everything. `import()`
 * becomes `require()` as tsc emits it for CommonJS (extension-less paths resolve the same way).
 */
const OPTIONS = { format: "cjs", platform: "node", target: "node20", sourcemap: "linked", keepNames: true, supported: { "dynamic-import": false } };

/** Calls `visit(rel)` for every file below `base`/<each source folder>, with root-relative `/` paths. */
function eachFile(base, visit) {
    const walk = (dir) => {
        let entries;
        try {
            entries = fs.readdirSync(path.join(base, dir), { withFileTypes: true });
        } catch {
            return;
        }
        for (const e of entries) {
            const rel = `${dir}/${e.name}`;
            if (!e.isDirectory()) visit(rel);
            else if (e.name !== "node_modules" && e.name !== "bin") walk(rel);
        }
    };
    for (const d of SOURCE_DIRS) walk(d);
}

/** Every .ts file (not .d.ts) below the source folders, as root-relative paths with `/`. */
function listSources() {
    const found = [];
    eachFile(ROOT, (rel) => {
        if (rel.endsWith(".ts") && !rel.endsWith(".d.ts")) found.push(rel);
    });
    return found.sort();
}

function readManifest(key) {
    try {
        const m = JSON.parse(fs.readFileSync(MANIFEST, "utf8"));
        return m.key === key && m.files !== null && typeof m.files === "object" ? m.files : {};
    } catch {
        return {};
    }
}

/**
 * Outputs under bin/<source folder> whose source no longer exists (a deleted or renamed file), found
 * by walking bin/ itself, so that none survives a lost manifest or a rebuild of everything.
 */
function staleOutputs(sources) {
    const stale = [];
    eachFile(OUT, (rel) => {
        const m = /^(.*)\.js(\.map)?$/.exec(rel);
        if (m !== null && !sources.has(`${m[1]}.ts`)) stale.push(path.join(OUT, rel));
    });
    return stale;
}

function outputOf(rel) {
    return path.join(OUT, rel.replace(/\.ts$/, ".js"));
}

/**
 * Brings bin/ up to date with the sources and returns what it did: `{compiled, removed, total}`.
 * A source counts as changed when its size or modification time differs from the last build.
 */
function build() {
    const esbuildVersion = require("esbuild/package.json").version;
    const key = JSON.stringify({ esbuildVersion, OPTIONS });
    const previous = readManifest(key);
    const sources = listSources();
    const files = {};
    const changed = [];
    for (const rel of sources) {
        const st = fs.statSync(path.join(ROOT, rel));
        const stamp = `${st.size}:${st.mtimeMs}`;
        files[rel] = stamp;
        if (previous[rel] !== stamp || !fs.existsSync(outputOf(rel))) changed.push(rel);
    }
    const removed = staleOutputs(new Set(sources));
    for (const f of removed) fs.rmSync(f, { force: true });
    if (changed.length > 0) {
        require("esbuild").buildSync({
            ...OPTIONS,
            entryPoints: changed.map((rel) => path.join(ROOT, rel)),
            outdir: OUT,
            outbase: ROOT,
            bundle: false,
            logLevel: "error",
            tsconfig: path.join(ROOT, "tsconfig.json"),
        });
    }
    if (changed.length > 0 || removed.length > 0) {
        fs.mkdirSync(OUT, { recursive: true });
        fs.writeFileSync(MANIFEST, JSON.stringify({ key, files }));
    }
    return { compiled: changed.length, removed: removed.length, total: sources.length };
}

if (require.main === module) {
    const r = build();
    process.stdout.write(`build: ${r.compiled} of ${r.total} file(s) compiled to bin/, ${r.removed} removed\n`);
} else if (require("worker_threads").isMainThread) {
    // preloaded into a worker thread too (the plan's planning threads): its process built bin/ already
    build();
}

module.exports = { build, listSources, ROOT, OUT };
