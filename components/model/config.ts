// Raw Pulumi config (every value a string, as the CLI passes it) -> the untyped object resolveSpec reads.

import { ConfigError, show } from "./errors";
import { CONFIG_KEYS, PROJECT } from "./spec";

/**
 * Takes every `live-commerce:<key>` entry of the stack's config and parses structured values
 * (objects, lists, numbers, booleans) from their JSON text. Keys of other namespaces (provider
 * settings such as `aws:region`) are ignored; an empty value is treated as unset; unknown keys of ours are kept so that resolveSpec
 * can reject them by name.
 */
export function parseConfigValues(all: Readonly<Record<string, string>>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const issues: string[] = [];
    const prefix = `${PROJECT}:`;
    for (const [fullKey, text] of Object.entries(all)) {
        if (!fullKey.startsWith(prefix)) continue;
        const key = fullKey.slice(prefix.length);
        if (text === "") continue; // an empty project default means "the stage preset"
        const kind = Object.entries(CONFIG_KEYS).find(([k]) => k === key)?.[1];
        if (kind === "string") {
            out[key] = text;
            continue;
        }
        try {
            out[key] = JSON.parse(text);
        } catch {
            if (kind === undefined) out[key] = text;
            else issues.push(`${key}: not valid ${kind === "number" ? "number" : "YAML/JSON structure"} (got ${show(text)})`);
        }
    }
    if (issues.length > 0) throw new ConfigError(issues);
    return out;
}
