// V8 code cache for CommonJS modules, so that a tool run does not parse and compile the same ~20 MB
// of JavaScript (the SDKs, the Pulumi runtime with its TypeScript dependency, the compiled project)
// on every start. Node 20 has no `module.enableCompileCache` (added in Node 22.1), so this hooks
// `Module.prototype._compile` the way the `v8-compile-cache` package does, with two differences:
// the cache is written after the run (`vm.Script#createCachedData`), so it also holds the functions
// compiled lazily while the program ran, not only the top-level code; and an entry is keyed by the
// file's size, modification time, change time and inode, which every rewrite of the file changes
// (npm extracts packages with fixed modification times, so those alone would not do).
//
// The cache is one file per set of node options (V8 rejects data made under other flags),
// node_modules/.cache/live-commerce/v8-<node version>-<arch>-<options hash>.bin: a 4-byte
// length, a JSON index {file: [stamp, offset, length]}, then the cached data of every file. It is
// written at exit when the run compiled a file the cache lacked, atomically (write, then rename),
// so concurrent runs never read a torn file (the last writer wins; a lost entry is added by the
// next run). V8 itself rejects data made by another V8 version or with other flags; a rejected
// entry is compiled as usual and replaced.
//
// Off when Node maps stack traces through source maps (`--enable-source-maps`, which the tools set
// when they re-run a crashed command): Node registers source maps while it compiles a module, which
// this hook would skip. Off too with LC_COMPILE_CACHE=0. LC_COMPILE_CACHE_REPORT=1 prints, at exit,
// how many modules came from the cache.
//
// Written in plain JavaScript because it runs before anything is compiled.
"use strict";

const fs = require("fs");
const Module = require("module");
const path = require("path");
const vm = require("vm");

const ROOT = path.resolve(__dirname, "..");
/** The cache's folder; LC_COMPILE_CACHE_DIR overrides it (tests). */
const CACHE_DIR = process.env.LC_COMPILE_CACHE_DIR || path.join(ROOT, "node_modules", ".cache", "live-commerce");

/**
 * The options node runs with, preloads left out: V8 rejects cached data made under other flags (it
 * checks a hash of them, the heap sizes of `npm run plan` included), so each set of options keeps a
 * cache file of its own instead of the runs of one set replacing the cache of the other.
 */
function optionsKey() {
    const words = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/).filter((w) => w !== "")];
    const kept = words.filter((w, i) => !/^(-r|--require)$/.test(w) && !/^(-r|--require)$/.test(words[i - 1] ?? "") && !w.startsWith("--require="));
    return require("crypto").createHash("sha256").update(kept.join("\n")).digest("hex").slice(0, 12);
}

const CACHE_FILE = path.join(CACHE_DIR, `v8-${process.version}-${process.arch}-${optionsKey()}.bin`);

/** What this process compiled: from cached data, and without (new, changed or rejected). */
const counts = { cached: 0, compiled: 0 };

/**
 * A file's identity for the cache: any rewrite of its content changes it. Undefined for code that is
 * not a file (`node -e`).
 */
function stampOf(filename) {
    const st = fs.statSync(filename, { throwIfNoEntry: false });
    return st === undefined ? undefined : `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
}

/** Reads the cache file: `{index, blob}`; an empty cache when it is missing or malformed. */
function readCache() {
    try {
        const data = fs.readFileSync(CACHE_FILE);
        const indexLength = data.readUInt32LE(0);
        const index = JSON.parse(data.toString("utf8", 4, 4 + indexLength));
        if (index === null || typeof index !== "object") return { index: {}, blob: Buffer.alloc(0) };
        return { index, blob: data.subarray(4 + indexLength) };
    } catch {
        return { index: {}, blob: Buffer.alloc(0) };
    }
}

/** Writes `entries` (file -> [stamp, Buffer]) as the cache file, atomically. */
function writeCache(entries) {
    const index = {};
    const buffers = [];
    let offset = 0;
    for (const [file, [stamp, data]] of entries) {
        index[file] = [stamp, offset, data.length];
        buffers.push(data);
        offset += data.length;
    }
    const json = Buffer.from(JSON.stringify(index));
    const header = Buffer.alloc(4);
    header.writeUInt32LE(json.length, 0);
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    // one temporary file per thread: the planning threads of one process write at their exit too
    const tmp = `${CACHE_FILE}.${process.pid}.${require("worker_threads").threadId}.tmp`;
    fs.writeFileSync(tmp, Buffer.concat([header, json, ...buffers]));
    fs.renameSync(tmp, CACHE_FILE);
}

/** Node's `require` of a module (lib/internal/modules/helpers.js makeRequireFunction). */
function makeRequire(mod) {
    const require = function require(id) {
        return mod.require(id);
    };
    function resolve(request, options) {
        return Module._resolveFilename(request, mod, false, options);
    }
    resolve.paths = function paths(request) {
        return Module._resolveLookupPaths(request, mod);
    };
    require.resolve = resolve;
    require.main = process.mainModule;
    require.extensions = Module._extensions;
    require.cache = Module._cache;
    return require;
}

/** A hashbang line would not parse inside the module wrapper: blank it, keeping the line count. */
function stripHashbang(content) {
    if (!content.startsWith("#!")) return content;
    const eol = content.search(/\r?\n/);
    return eol < 0 ? "" : content.slice(eol);
}

function install() {
    const { index, blob } = readCache();
    /** Scripts compiled without usable cached data in this run: file -> [stamp, vm.Script]. */
    const fresh = new Map();
    const compile = Module.prototype._compile;
    Module.prototype._compile = function (content, filename, format) {
        const stamp = format === "module" ? undefined : stampOf(filename);
        if (stamp === undefined) return compile.call(this, content, filename, format);
        const entry = index[filename];
        const cachedData = Array.isArray(entry) && entry[0] === stamp ? blob.subarray(entry[1], entry[1] + entry[2]) : undefined;
        const script = new vm.Script(Module.wrap(stripHashbang(content)), {
            filename,
            cachedData,
            importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
        });
        if (cachedData === undefined || script.cachedDataRejected === true) {
            fresh.set(filename, [stamp, script]);
            counts.compiled++;
        } else counts.cached++;
        const wrapper = script.runInThisContext({ displayErrors: true });
        return Reflect.apply(wrapper, this.exports, [this.exports, makeRequire(this), this, filename, path.dirname(filename)]);
    };
    process.once("exit", () => {
        if (process.env.LC_COMPILE_CACHE_REPORT === "1") process.stderr.write(`compile-cache: ${counts.cached} from cache, ${counts.compiled} compiled\n`);
        if (fresh.size === 0) return;
        try {
            const entries = new Map();
            for (const [file, e] of Object.entries(index)) {
                if (!fresh.has(file) && Array.isArray(e) && fs.existsSync(file)) entries.set(file, [e[0], blob.subarray(e[1], e[1] + e[2])]);
            }
            for (const [file, [stamp, script]] of fresh) entries.set(file, [stamp, script.createCachedData()]);
            writeCache(entries);
        } catch {
            // a cache that cannot be written only costs the next run its compile time
        }
    });
}

const sourceMaps = process.sourceMapsEnabled === true || process.execArgv.includes("--enable-source-maps");
if (!sourceMaps && process.env.LC_COMPILE_CACHE !== "0") install();

module.exports = { CACHE_FILE, counts };
