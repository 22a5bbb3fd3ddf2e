// Stack files and project defaults -> the flat string config the Pulumi CLI would pass the program.

import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

import { PROJECT as PROJECT_NAME } from "../../components/model";
import { isConfigObject } from "../../components/model/reader";

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

function readYamlObject(file: string): Record<string, unknown> {
    const doc: unknown = yaml.load(fs.readFileSync(file, "utf8"));
    if (!isConfigObject(doc)) throw new Error(`${file}: not a YAML mapping`);
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

/** The config of a stack: project defaults overlaid with the stack file's values. */
export function loadStackConfig(stack: string, dir: string = STACKS_DIR, root: string = ROOT): Record<string, string> {
    const known = listStacks(dir);
    if (!known.includes(stack)) throw new UnknownStackError(stack, known);
    const { config } = projectDefaults(root);
    const file = readYamlObject(path.join(dir, `Pulumi.${stack}.yaml`));
    const values = isConfigObject(file.config) ? file.config : {};
    for (const [key, value] of Object.entries(values)) {
        if (isConfigObject(value) && "secure" in value) {
            throw new Error(`${stack}: ${key} is an encrypted secret; the offline plan cannot decrypt it. Keep secrets out of stack files (they come from @pulumi/random) or plan a copy without them.`);
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
    [/^(ha-database-|ha-stateful-|sec-data-store-)/, "database"],
    [/^ha-cache-/, "cache"],
    [/^ha-queue-/, "queue"],
    [/^(ha-kubernetes-|ha-k8s-|sec-k8s-)/, "kubernetes"],
    [/^ha-autoscaling-group-/, "scaling"],
    [/^(ha-load-balancer-|ha-stack-|ha-preview-)/, "regions"],
    [/^sec-listener-/, "tls"],
    [/^(ha|sec)-object-storage-/, "video"],
];

/** The 1-based line of `<project>:<key>:` in a stack file's text, if present. */
export function keyLine(text: string, key: string): number | undefined {
    const pattern = new RegExp(`^\\s*(?:${PROJECT_NAME}:)?${key}\\s*:`);
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
    return { uri, line: (key !== undefined ? keyLine(text, key) : undefined) ?? keyLine(text, "stage") ?? 1 };
}
