// Defers loading three parts of the Pulumi runtime that the offline plan never calls: function
// serialization's TypeScript parser, the package walk behind `computeCodePaths` (npm's Arborist
// and normalize-package-data) and the Automation API (`pulumi.automation`, which drives the CLI).
// `require("@pulumi/pulumi")` loads them eagerly (index.js, runtime/index.js,
// runtime/closure/parseFunction.js), about 9 MB of JavaScript, most of a bare `@pulumi/pulumi`
// load, while only `pulumi.runtime.serializeFunction` (closures for callback functions and dynamic
// providers, which this program declares none of), `computeCodePaths` and the Automation API use
// them.
//
// Each deferred module is replaced, for that one requiring module only, by a stand-in that loads
// the real module (through the same `require`, from the same parent, into the same require cache)
// on first use of any of its properties, then forwards every operation to it. Functions the parent
// reads at load time into its own exports (`exports.computeCodePaths = codePaths_1.computeCodePaths`)
// are handed out as forwarding functions, so reading them loads nothing; a module the parent wraps
// with TypeScript's `__importStar` (which reads `__esModule`) answers that read itself when it is
// declared `esModule` (compiled by tsc, which marks its exports so). A module that cannot be
// resolved is not deferred (typescript-shim then falls back to its vendored TypeScript, as without
// this file).
//
// Preloaded by the tools' npm scripts (`node -r ./tools/defer-modules.cjs ...`), not by `pulumi up`.
// LC_DEFER_MODULES=0 turns it off.
//
// Written in plain JavaScript because it runs before anything is compiled.
"use strict";

const Module = require("module");
const path = require("path");

/**
 * What is deferred: the request, the file of the module requiring it (below node_modules) and the
 * function properties that module reads while it loads.
 */
const DEFERRED = [
    // function serialization's parser: `module.exports = require("typescript")`
    { parent: "@pulumi/pulumi/typescript-shim.js", request: "typescript", functions: [] },
    // `exports.computeCodePaths = codePaths_1.computeCodePaths` (Arborist, normalize-package-data)
    { parent: "@pulumi/pulumi/runtime/index.js", request: "./closure/codePaths", functions: ["computeCodePaths"] },
    // `const automation = __importStar(require("./automation")); exports.automation = automation;`
    { parent: "@pulumi/pulumi/index.js", request: "./automation", functions: [], esModule: true },
];

/** Modules deferred and not (yet) loaded, by request: for tests. */
const pending = new Set();

/**
 * A stand-in for a module: `load()` runs on the first use of anything but `functions` (and
 * `__esModule` when `esModule`).
 */
function standIn(request, load, functions, esModule) {
    let real;
    const module = () => {
        if (real === undefined) {
            real = load();
            pending.delete(request);
        }
        return real;
    };
    const forwarders = new Map(
        functions.map((name) => [
            name,
            {
                [name](...args) {
                    return Reflect.apply(module()[name], this, args);
                },
            }[name],
        ]),
    );
    return new Proxy(
        {},
        {
            get: (_, key) => {
                if (real === undefined && forwarders.has(key)) return forwarders.get(key);
                if (real === undefined && esModule && key === "__esModule") return true;
                return Reflect.get(module(), key);
            },
            set: (_, key, value) => Reflect.set(module(), key, value),
            has: (_, key) => Reflect.has(module(), key),
            ownKeys: () => Reflect.ownKeys(module()),
            // reported configurable: the (empty) target has no such property (Proxy invariant)
            getOwnPropertyDescriptor: (_, key) => {
                const d = Reflect.getOwnPropertyDescriptor(module(), key);
                return d === undefined ? undefined : { ...d, configurable: true };
            },
            defineProperty: (_, key, d) => Reflect.defineProperty(module(), key, d),
            deleteProperty: (_, key) => Reflect.deleteProperty(module(), key),
            getPrototypeOf: () => Reflect.getPrototypeOf(module()),
        },
    );
}

function install() {
    const load = Module._load;
    const suffixes = DEFERRED.map((d) => ({ ...d, suffix: path.join("node_modules", ...d.parent.split("/")) }));
    const requests = new Set(DEFERRED.map((d) => d.request));
    Module._load = function (request, parent, isMain) {
        // every require passes here: the common case costs one set lookup
        const d = requests.has(request) && parent && typeof parent.filename === "string" ? suffixes.find((s) => s.request === request && parent.filename.endsWith(s.suffix)) : undefined;
        if (d === undefined) return load.apply(this, arguments);
        try {
            Module._resolveFilename(request, parent, false);
        } catch {
            return load.apply(this, arguments);
        }
        pending.add(request);
        return standIn(request, () => load.call(Module, request, parent, false), d.functions, d.esModule === true);
    };
}

if (process.env.LC_DEFER_MODULES !== "0") install();

module.exports = { DEFERRED, pending };
