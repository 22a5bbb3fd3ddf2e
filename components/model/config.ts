// Raw Pulumi config (every value a string, as the CLI passes it) -> the untyped object resolveSpec reads.

import { ConfigError, show } from "./errors";
import { SHOWS_VALUE, configField } from "./schema";
import { BLUEPRINT_PROJECT } from "./spec";

/**
 * Takes every `<project>:<key>` entry of the stack's config and parses structured values
 * (objects, lists, numbers, booleans) from their JSON text; a key declared as text or a choice
 * (CONFIG_FIELDS) keeps its text. Keys of provider namespaces (`aws:region`) are ignored; a key
 * of this blueprint under another project's name (left behind by a rename) is an error naming the
 * key to move it to (keyOfAnotherProject); an empty value is treated as unset; unknown keys of ours are kept so that
 * resolveSpec can reject them by name. `project` is the Pulumi project name (Pulumi.yaml `name`,
 * `pulumi.getProject()` under the engine); defaults to BLUEPRINT_PROJECT.
 */
export function parseConfigValues(all: Readonly<Record<string, string>>, project: string = BLUEPRINT_PROJECT): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const issues: string[] = [];
    const prefix = `${project}:`;
    for (const [fullKey, text] of Object.entries(all)) {
        if (!fullKey.startsWith(prefix)) {
            const misplaced = keyOfAnotherProject(fullKey, project);
            if (misplaced !== undefined) issues.push(misplaced);
            continue;
        }
        const key = fullKey.slice(prefix.length);
        if (text === "") continue; // an empty project default means "the stage preset"
        const field = configField(key);
        if (field !== undefined && (field.kind === "text" || field.kind === "choice")) {
            out[key] = text;
            continue;
        }
        try {
            out[key] = JSON.parse(text);
        } catch {
            if (field === undefined) out[key] = text;
            else issues.push(`${key}: not valid ${field.kind === "number" ? "number" : "YAML/JSON structure"} (${SHOWS_VALUE[field.kind] ? `got ${show(text)}` : "value not shown"})`);
        }
    }
    if (issues.length > 0) throw new ConfigError(issues, project);
    return out;
}

/**
 * Config namespaces that belong to the providers and the engine, never to a project of this
 * blueprint: `aws:region`, `alicloud:region`, `kubernetes:context`, `random:...`, `pulumi:...`.
 */
const PROVIDER_NAMESPACES: readonly string[] = ["aws", "alicloud", "kubernetes", "random", "pulumi"];

/**
 * The issue of a key of this blueprint stored under another project's name, e.g. `live-commerce:domain`
 * left behind after a fork renamed the project to `shop` in Pulumi.yaml (the program would never
 * read it): names the key, the project it is under and the key to move it to. Undefined for a key
 * of a provider namespace or a name that is not a config key of the blueprint.
 */
export function keyOfAnotherProject(fullKey: string, project: string): string | undefined {
    const colon = fullKey.indexOf(":");
    if (colon <= 0) return undefined;
    const namespace = fullKey.slice(0, colon);
    const key = fullKey.slice(colon + 1);
    if (namespace === project || PROVIDER_NAMESPACES.includes(namespace) || configField(key) === undefined) return undefined;
    return `${fullKey}: is a key of project ${namespace}, but this project is ${project} (Pulumi.yaml name), so it would be ignored; rename it to ${project}:${key}`;
}
