// Stack files and project defaults -> the flat string config the Pulumi CLI would pass the program.

import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

import { isConfigObject } from "../../components/model/reader";
import { depthOf, isRecord } from "../../policies/lib/values";

/**
 * The project root: the nearest folder above this module holding `Pulumi.yaml` (this file runs
 * from tools/lib/ as TypeScript and from bin/tools/lib/ once compiled).
 */
export function projectRoot(from: string = __dirname): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no Pulumi.yaml above ${from}`);
    }
}

export const ROOT = projectRoot();
export const STACKS_DIR = path.join(ROOT, "stacks");
const STACK_FILE = /^Pulumi\.(.+)\.yaml$/;

/** Names of the stacks that have a stack file, sorted. */
export function listStacks(dir: string = STACKS_DIR): string[] {
    return fs
        .readdirSync(dir)
        .map((f) => STACK_FILE.exec(f)?.[1])
        .filter((s): s is string => s !== undefined)
        .sort();
}

export class UnknownStackError extends Error {
    constructor(
        readonly stack: string,
        readonly known: readonly string[],
    ) {
        super(`unknown stack "${stack}"; stacks: ${known.join(", ")}`);
        this.name = "UnknownStackError";
    }
}

/** How the CLI hands a config value to the program: strings as-is, anything else as JSON. */
export function configText(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/** A stack or project file that cannot be read as one YAML mapping: its name and what is wrong. */
export class StackFileError extends Error {}

/** Deepest nesting a config value may have (the program's config is a few levels deep). */
export const MAX_CONFIG_DEPTH = 32;

/**
 * One YAML mapping from a file. Rejected with a StackFileError naming the file: a missing file or
 * a folder, an empty file, several documents, a syntax error (a tab indent, a duplicate key: js-yaml
 * 4 rejects both), a value nested deeper than MAX_CONFIG_DEPTH.
 */
export function readYamlObject(file: string): Record<string, unknown> {
    let text: string;
    try {
        if (!fs.statSync(file).isFile()) throw new StackFileError(`${file}: not a file`);
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        if (e instanceof StackFileError) throw e;
        throw new StackFileError(`${file}: cannot be read (${e instanceof Error && "code" in e ? String(e.code) : "unreadable"})`);
    }
    if (text.trim() === "") throw new StackFileError(`${file}: the file is empty; a stack file is a YAML mapping with a config: section`);
    let doc: unknown;
    try {
        doc = yaml.load(text, { filename: file });
    } catch (e) {
        // js-yaml's message quotes the offending line; stack files hold no secrets in plain text
        // (secure: values are rejected below), but the snippet is dropped to be sure.
        const reason = e instanceof yaml.YAMLException ? `${e.reason}${isRecord(e.mark) ? ` at line ${e.mark.line + 1}, column ${e.mark.column + 1}` : ""}` : "not valid YAML";
        throw new StackFileError(`${file}: ${reason}`);
    }
    if (!isConfigObject(doc)) throw new StackFileError(`${file}: not a YAML mapping`);
    if (depthOf(doc, MAX_CONFIG_DEPTH + 1) > MAX_CONFIG_DEPTH) throw new StackFileError(`${file}: nested deeper than ${MAX_CONFIG_DEPTH} levels`);
    return { ...doc };
}

/** Project-level defaults of Pulumi.yaml, as `<project>:<key>` -> text. */
export function projectDefaults(root: string = ROOT): { project: string; config: Record<string, string> } {
    const project = readYamlObject(path.join(root, "Pulumi.yaml"));
    const name = typeof project.name === "string" ? project.name : "";
    const out: Record<string, string> = {};
    const declared = isConfigObject(project.config) ? project.config : {};
    for (const [key, decl] of Object.entries(declared)) {
        if (isConfigObject(decl) && "default" in decl) out[key.includes(":") ? key : `${name}:${key}`] = configText(decl.default);
    }
    return { project: name, config: out };
}

/**
 * The path of the first `secure:` value in a config value (`live-commerce:tags.apikey`,
 * `live-commerce:x[2]`), or undefined. Nesting is bounded by readYamlObject (MAX_CONFIG_DEPTH).
 */
export function securePath(value: unknown, at: string): string | undefined {
    if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
            const found = securePath(value[i], `${at}[${i}]`);
            if (found !== undefined) return found;
        }
        return undefined;
    }
    if (!isConfigObject(value)) return undefined;
    if ("secure" in value) return at;
    for (const [k, v] of Object.entries(value)) {
        const found = securePath(v, `${at}.${k}`);
        if (found !== undefined) return found;
    }
    return undefined;
}

/** The config of a stack: project defaults overlaid with the stack file's values. */
export function loadStackConfig(stack: string, dir: string = STACKS_DIR, root: string = ROOT): Record<string, string> {
    const known = listStacks(dir);
    if (!known.includes(stack)) throw new UnknownStackError(stack, known);
    const { config } = projectDefaults(root);
    const file = readYamlObject(path.join(dir, `Pulumi.${stack}.yaml`));
    const values = isConfigObject(file.config) ? file.config : {};
    for (const [key, value] of Object.entries(values)) {
        const secret = securePath(value, key);
        if (secret !== undefined) {
            throw new StackFileError(`${secret} is an encrypted secret; the offline plan cannot decrypt it. Keep secrets out of stack files (they come from @pulumi/random) or plan a copy without them.`);
        }
        config[key] = configText(value);
    }
    return config;
}

/**
 * The stack config key responsible for a policy's findings (the key whose value the program
 * turns into the resources that policy reads); the stage key, whose presets set everything a
 * stack file leaves out, when none is more specific.
 */
export const RESPONSIBLE_KEY: readonly (readonly [RegExp, string])[] = [
    [/^sec-security-group-/, "adminCidrs"],
    [/^sec-data-store-require-residency$/, "residency"],
    [/^(ha-database-|ha-stateful-|sec-data-store-)/, "database"],
    [/^ha-cache-/, "cache"],
    [/^ha-queue-/, "queue"],
    [/^(ha-kubernetes-|ha-k8s-|sec-k8s-)/, "kubernetes"],
    [/^ha-autoscaling-group-/, "scaling"],
    [/^(ha-load-balancer-|ha-stack-|ha-preview-)/, "regions"],
    [/^sec-listener-/, "tls"],
    [/^(ha|sec)-object-storage-/, "video"],
];

/** The project name of Pulumi.yaml (`name`): the namespace of the stack config keys. */
export function projectName(root: string = ROOT): string {
    return projectDefaults(root).project;
}

/** The 1-based line of `<project>:<key>:` in a stack file's text, if present. */
export function keyLine(text: string, key: string, project: string = projectName()): number | undefined {
    const pattern = new RegExp(`^\\s*(?:${project.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:)?${key}\\s*:`);
    const index = text.split("\n").findIndex((l) => pattern.test(l));
    return index >= 0 ? index + 1 : undefined;
}

/** Where a policy finding of `stack` points in its stack file: the responsible key, else the stage key, else line 1. */
export function locateFinding(stack: string, policy: string, dir: string = STACKS_DIR, root: string = ROOT): { uri: string; line: number } {
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    const uri = path.relative(root, file).split(path.sep).join("/");
    let text = "";
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        return { uri, line: 1 };
    }
    const key = RESPONSIBLE_KEY.find(([re]) => re.test(policy))?.[1];
    const project = projectName(root);
    return { uri, line: (key !== undefined ? keyLine(text, key, project) : undefined) ?? keyLine(text, "stage", project) ?? 1 };
}
