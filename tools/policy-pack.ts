// Writes the publishable CrossGuard pack: `npm run -s policy-pack [-- --out <dir>]` (default
// dist/policy-pack). `policies/` imports the project's own model (components/model, the clouds'
// catalogues), which `pulumi policy publish` would not ship: it packs the pack's folder alone with
// `npm pack --loglevel=error` (pulumi/pulumi sdk/nodejs/npm/npm.go, Pack). The folder written here
// loads alone: `index.js`, the pack bundled with every project module it imports, the SDKs left
// as the `dependencies` of policies/package.json (pinned as the project's), its own package.json and
// PulumiPolicy.yaml (`main: index.js`, sdk/go/common/workspace/project.go PolicyPackProject.Main).
// Publish it with `cd dist/policy-pack && npm install && pulumi policy publish <org>`.

import * as esbuild from "esbuild";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import * as yaml from "js-yaml";

import { isRecord } from "../policies/lib/values";
import { runCli } from "./lib/cli";
import { ROOT } from "./lib/stackfiles";

/** The source of the pack (policies/). */
const SOURCE = path.join(ROOT, "policies");

/** Where `npm run policy-pack` writes the pack. Defaults to dist/policy-pack. */
export const DEFAULT_PACK_DIR = path.join(ROOT, "dist", "policy-pack");

/** The files of a written pack, sorted: what `npm pack` ships. */
export const PACK_FILES: readonly string[] = ["LICENSE", "PulumiPolicy.yaml", "index.js", "package.json"];

/** policies/package.json, read and checked: a name, a version and pinned `dependencies` (package name to version). */
export function sourcePackage(): { readonly manifest: Record<string, unknown>; readonly dependencies: Readonly<Record<string, string>> } {
    const file = path.join(SOURCE, "package.json");
    const manifest: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
    if (!isRecord(manifest) || typeof manifest.name !== "string" || typeof manifest.version !== "string") throw new Error(`${file}: needs "name" and "version" (the CLI reads the pack's version from it)`);
    const deps = manifest.dependencies;
    if (!isRecord(deps)) throw new Error(`${file}: needs "dependencies"`);
    const dependencies: Record<string, string> = {};
    for (const [name, version] of Object.entries(deps)) {
        if (typeof version !== "string" || !/^\d+\.\d+\.\d+$/.test(version)) throw new Error(`${file}: dependency ${name} must be pinned to an exact version (got ${JSON.stringify(version)})`);
        dependencies[name] = version;
    }
    return { manifest, dependencies };
}

/** The package a module specifier names (`@pulumi/aws/rds/cluster` -> `@pulumi/aws`); undefined for a relative path or a Node built-in. */
export function packageOf(specifier: string): string | undefined {
    if (specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) return undefined;
    const parts = specifier.split("/");
    return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

/**
 * Writes the pack into `out` (emptied first) and returns its files. The bundle keeps every import
 * of a declared dependency (and its subpaths) as a `require`, and fails when the pack imports a
 * package it does not declare: the published pack would not load.
 */
export async function writePolicyPack(out: string): Promise<string[]> {
    const { manifest, dependencies } = sourcePackage();
    const declared = Object.keys(dependencies);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const result = await esbuild.build({
        entryPoints: [path.join(SOURCE, "index.ts")],
        bundle: true,
        platform: "node",
        target: "node20",
        format: "cjs",
        outfile: path.join(out, "index.js"),
        external: declared.flatMap((d) => [d, `${d}/*`]),
        metafile: true,
        logLevel: "silent",
    });
    const builtins = new Set<string>(builtinModules);
    const undeclared = new Set<string>();
    for (const input of Object.values(result.metafile.inputs)) {
        for (const imported of input.imports) {
            const pkg = imported.external ? packageOf(imported.path) : undefined;
            if (pkg !== undefined && !declared.includes(pkg) && !builtins.has(pkg)) undeclared.add(pkg);
        }
    }
    if (undeclared.size > 0) throw new Error(`the policy pack imports ${[...undeclared].sort().join(", ")}, which policies/package.json does not declare: add ${undeclared.size === 1 ? "it" : "them"} to its dependencies, pinned`);
    const pkg = { name: manifest.name, version: manifest.version, description: manifest.description, license: manifest.license, private: true, main: "index.js", dependencies };
    fs.writeFileSync(path.join(out, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    const project: unknown = yaml.load(fs.readFileSync(path.join(SOURCE, "PulumiPolicy.yaml"), "utf8"));
    const description = isRecord(project) && typeof project.description === "string" ? project.description : undefined;
    fs.writeFileSync(path.join(out, "PulumiPolicy.yaml"), yaml.dump({ ...(description !== undefined ? { description } : {}), runtime: "nodejs", main: "index.js" }));
    fs.copyFileSync(path.join(ROOT, "LICENSE"), path.join(out, "LICENSE"));
    return fs.readdirSync(out).sort();
}

/** `--out <dir>` of the command line; DEFAULT_PACK_DIR without it. */
export function parsePackArgs(argv: readonly string[]): string {
    if (argv.length === 0) return DEFAULT_PACK_DIR;
    if (argv.length === 2 && argv[0] === "--out" && argv[1] !== "") return path.resolve(argv[1]);
    throw new Error(`usage: npm run -s policy-pack [-- --out <dir>] (got ${argv.map((a) => JSON.stringify(a)).join(" ")})`);
}

if (require.main === module) {
    runCli(async () => {
        let out: string;
        try {
            out = parsePackArgs(process.argv.slice(2));
        } catch (e) {
            process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
            return 2;
        }
        const files = await writePolicyPack(out);
        process.stdout.write(`wrote the policy pack to ${path.relative(process.cwd(), out) || "."}: ${files.join(", ")}; publish it with: cd ${path.relative(process.cwd(), out) || "."} && npm install && pulumi policy publish <org>\n`);
        return 0;
    });
}
