// Raw Pulumi config (every value a string, as the CLI passes it) -> the untyped object resolveSpec reads.

import { ConfigError, show } from "./errors";
import { SHOWS_VALUE, configField } from "./schema";
import { BLUEPRINT_PROJECT } from "./spec";

/**
 * Takes every `<project>:<key>` entry of the stack's config and parses structured values
 * (objects, lists, numbers, booleans) from their JSON text; a key declared as text or a choice
 * (CONFIG_FIELDS) keeps its text. Keys of other namespaces (provider settings such as `aws:region`)
 * are ignored; an empty value is treated as unset; unknown keys of ours are kept so that
 * resolveSpec can reject them by name. `project` is the Pulumi project name (Pulumi.yaml `name`,
 * `pulumi.getProject()` under the engine); defaults to BLUEPRINT_PROJECT.
 */
export function parseConfigValues(all: Readonly<Record<string, string>>, project: string = BLUEPRINT_PROJECT): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const issues: string[] = [];
    const prefix = `${project}:`;
    for (const [fullKey, text] of Object.entries(all)) {
        if (!fullKey.startsWith(prefix)) continue;
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
    if (issues.length > 0) throw new ConfigError(issues);
    return out;
}
