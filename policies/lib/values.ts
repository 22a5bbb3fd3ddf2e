// Pure readers of untyped property values (plan inputs, preview JSON, stack exports).
// The clouds' SDKs accept numbers as strings in places (e.g. alicloud "200"), so readers coerce.

export type Props = Readonly<Record<string, unknown>>;

export function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Freezes `value` and everything it holds (objects and arrays), in place; returns it. */
export function deepFreeze<T>(value: T): T {
    if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
        Object.freeze(value);
        for (const v of Object.values(value)) deepFreeze(v);
    }
    return value;
}

/**
 * How deep objects and arrays nest in `v` (a scalar is 0), counted no further than `limit` + 1: a
 * bounded walk, so a hostile value nested 10,000 deep costs `limit` frames, not a stack overflow.
 */
export function depthOf(v: unknown, limit: number): number {
    if (typeof v !== "object" || v === null) return 0;
    if (limit <= 0) return 1;
    let deepest = 0;
    for (const x of Object.values(v)) {
        deepest = Math.max(deepest, depthOf(x, limit - 1));
        if (deepest >= limit) break;
    }
    return 1 + deepest;
}

/** A property as a record, or an empty record. */
export function record(v: unknown): Props {
    return isRecord(v) ? v : {};
}

/** A property as a list (a single value becomes a one-element list; undefined an empty one). */
export function list(v: unknown): readonly unknown[] {
    if (Array.isArray(v)) return v;
    return v === undefined || v === null ? [] : [v];
}

/** A number, also from a numeric string; undefined otherwise. */
export function num(v: unknown): number | undefined {
    if (typeof v === "number" && Number.isFinite(v)) return v;
    if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
    return undefined;
}

/** A boolean, also from "true"/"false"; undefined otherwise. */
export function bool(v: unknown): boolean | undefined {
    if (typeof v === "boolean") return v;
    if (v === "true") return true;
    if (v === "false") return false;
    return undefined;
}

export function str(v: unknown): string | undefined {
    return typeof v === "string" ? v : undefined;
}

/** Distinct non-empty strings of a list property. */
export function distinctStrings(v: unknown): string[] {
    return [...new Set(list(v).filter((x): x is string => typeof x === "string" && x !== ""))];
}

/** Value of a tag (`tags` map) of a resource, if any. */
export function tagValue(props: Props, key: string): string | undefined {
    return str(record(props.tags)[key]);
}
