// Logical names and tags. Names never contain the stage, so a stack grows up in place.

import { residencyTag } from "./residency";
import { StackSpec } from "./types";

/** Base name of a region's components, e.g. "lc-cn-hangzhou". */
export function regionBaseName(spec: Pick<StackSpec, "prefix">, region: string): string {
    return `${spec.prefix}-${region}`;
}

/** Name of the explicit provider of a region. */
export function providerName(spec: Pick<StackSpec, "prefix">, region: string): string {
    return `${spec.prefix}-provider-${region}`;
}

/** Tags every taggable resource carries. */
export function baseTags(spec: Pick<StackSpec, "project" | "stage" | "tags" | "regions" | "residency">, region: string): Record<string, string> {
    const residency = residencyTag(spec, region);
    return { ...spec.tags, project: spec.project, stage: spec.stage, region, "managed-by": "pulumi", ...(residency === undefined ? {} : { residency }) };
}

/**
 * `full` cut to `max` characters with a hash of the whole name when longer (`<head>-<shortHash>`,
 * trailing hyphens of the head dropped): unique and stable, where a plain cut would give two long
 * names sharing their first `max` characters the same name.
 */
export function boundedName(full: string, max: number): string {
    if (full.length <= max) return full;
    const tail = `-${shortHash(full)}`;
    return `${full.slice(0, max - tail.length).replace(/-+$/, "")}${tail}`;
}

/** Short stable hash (FNV-1a, base 36) for names that must be cut to a length limit. */
export function shortHash(text: string): string {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(36).padStart(7, "0").slice(0, 6);
}
