// Typed reading of untyped stack config by the fields of its declaration (schema.ts), collecting
// one clear issue per bad field.

import { kindOf, show } from "./errors";
import { BooleanField, ChoiceField, ChoiceListField, Field, Fields, NumberField, OptionalTextField, TextField, TextListField, TextMapField } from "./schema";
import type { Cloud, ComputeTier } from "./types";

export type ConfigObject = Readonly<Record<string, unknown>>;

export function isConfigObject(v: unknown): v is ConfigObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field path: "app" + "minSize" -> "app.minSize"; top-level keys have an empty parent. */
export function path(parent: string, key: string): string {
    return parent === "" ? key : `${parent}.${key}`;
}

/** The allowed values of a number field in words: "an integer from 1 to 1000". */
export function describeBounds(b: Pick<NumberField, "min" | "max" | "integer">): string {
    const kind = b.integer ? "an integer" : "a number";
    if (b.min !== undefined && b.max !== undefined) return `${kind} from ${b.min} to ${b.max}`;
    if (b.min !== undefined) return `${kind} >= ${b.min}`;
    if (b.max !== undefined) return `${kind} <= ${b.max}`;
    return kind;
}

/** Text that is a plain decimal number ("4", "-2", "0.5"): read as that number where a number is declared. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

/**
 * A number field's value: a number, or text that is a plain decimal number (`minSize: "4"` in
 * YAML, `pulumi config set --type string`). Anything else is returned as is (and rejected).
 */
export function numberValue(v: unknown): unknown {
    return typeof v === "string" && DECIMAL_TEXT.test(v) ? Number(v) : v;
}

/** A boolean field's value: a boolean, or the text "true" / "false". */
export function booleanValue(v: unknown): unknown {
    return v === "true" ? true : v === "false" ? false : v;
}

/**
 * A text field's value: text, or an integer or boolean as its text. `pulumi config set --path`
 * stores `4711` as the number 4711 and `true` as a boolean; where text is declared (a tag value, an
 * image tag) that is what the user typed. Non-integers are not taken: the CLI stores them as text.
 */
export function textValue(v: unknown): unknown {
    if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
    if (typeof v === "boolean") return String(v);
    return v;
}

/**
 * What a text field allows, for its error: a YAML number that is not an integer (`version: 1.30`)
 * reaches the program as a number that has lost its text (1.3), so the hint says to quote it.
 */
function textAllowed(what: string, raw: unknown): string {
    return typeof raw === "number" && !Number.isInteger(raw) ? `must be ${what}, written as quoted text (a YAML number such as 1.30 reads as 1.3)` : `must be ${what}`;
}

/** Reads fields with defaults; every problem becomes an issue naming the field, the value and what is allowed. */
export class ConfigReader {
    readonly issues: string[] = [];

    fail(field: string, value: unknown, allowed: string): void {
        this.issues.push(`${field}: ${allowed} (got ${show(value)})`);
    }

    /** An issue of a key whose value is never shown (schema.ts: SHOWS_VALUE): only what kind of value it got. */
    failHidden(field: string, value: unknown, allowed: string): void {
        this.issues.push(`${field}: ${allowed} (got ${kindOf(value)}; value not shown)`);
    }

    /**
     * An issue of a key the program does not know: its value is never shown, since an unknown key
     * may hold a secret (the CLI hands the program `secure:` values decrypted).
     */
    failUnknownKey(field: string, allowed: string): void {
        this.issues.push(`${field}: ${allowed} (value not shown)`);
    }

    /** An optional object section of the declared fields; unknown keys are issues (typos must not pass silently). */
    section(value: unknown, field: string, fields: Fields): ConfigObject {
        const keys = Object.keys(fields);
        if (value === undefined || value === null) return {};
        if (!isConfigObject(value)) {
            this.failHidden(field, value, `must be an object with keys ${keys.join(", ")}`);
            return {};
        }
        for (const k of Object.keys(value)) {
            if (!keys.includes(k)) this.failUnknownKey(path(field, k), `is not a known key; allowed: ${keys.join(", ")}`);
        }
        return value;
    }

    number(f: NumberField, obj: ConfigObject, key: string, field: string, fallback: number): number {
        const raw = obj[key];
        if (raw === undefined) {
            if (f.required) this.fail(path(field, key), undefined, `is required: ${describeBounds(f)}`);
            return fallback;
        }
        const v = numberValue(raw);
        const ok =
            typeof v === "number" &&
            Number.isFinite(v) &&
            (!f.integer || Number.isInteger(v)) &&
            (f.min === undefined || v >= f.min) &&
            (f.max === undefined || v <= f.max);
        if (typeof v !== "number" || !ok) {
            this.fail(path(field, key), raw, `must be ${describeBounds(f)}`);
            return fallback;
        }
        return v;
    }

    boolean(_f: BooleanField, obj: ConfigObject, key: string, field: string, fallback: boolean): boolean {
        const raw = obj[key];
        if (raw === undefined) return fallback;
        const v = booleanValue(raw);
        if (typeof v !== "boolean") {
            this.fail(path(field, key), raw, "must be true or false");
            return fallback;
        }
        return v;
    }

    /** Text of a text field; a missing required one is an issue and reads as "". */
    text(f: TextField, obj: ConfigObject, key: string, field: string, fallback: string): string {
        const raw = obj[key];
        if (raw === undefined) {
            if (f.required) {
                this.fail(path(field, key), undefined, `is required: ${f.what}`);
                return "";
            }
            return fallback;
        }
        const v = textValue(raw);
        if (typeof v !== "string" || (f.pattern !== undefined && !f.pattern.test(v))) {
            this.fail(path(field, key), raw, textAllowed(f.what, raw));
            return f.required ? "" : fallback;
        }
        const problem = f.check?.(v);
        if (problem !== undefined) {
            this.fail(path(field, key), v, problem);
            return f.required ? "" : fallback;
        }
        return v;
    }

    /** Text or null: unset (or null) is the fallback; empty text is an issue. */
    optionalText(f: OptionalTextField, obj: ConfigObject, key: string, field: string, fallback: string | null): string | null {
        const raw = obj[key];
        if (raw === undefined || raw === null) return fallback;
        const v = textValue(raw);
        if (typeof v !== "string" || v.length === 0) {
            this.fail(path(field, key), raw, textAllowed("a non-empty string", raw));
            return fallback;
        }
        if (f.pattern !== undefined && !f.pattern.test(v)) {
            this.fail(path(field, key), v, `must be ${f.what}`);
            return fallback;
        }
        return v;
    }

    choice<T extends string>(f: ChoiceField<T>, obj: ConfigObject, key: string, field: string, fallback: T): T {
        const v = obj[key];
        if (v === undefined) return fallback;
        const hit = f.values.find((a) => a === v);
        if (hit === undefined) {
            this.fail(path(field, key), v, `must be one of ${f.values.join(", ")}`);
            return fallback;
        }
        return hit;
    }

    /** A list of words of `f.values`, in the order of `f.values`. */
    choiceList<T extends string>(f: ChoiceListField<T>, obj: ConfigObject, key: string, field: string, fallback: readonly T[]): readonly T[] {
        const v = obj[key];
        if (v === undefined) return fallback;
        const what = `one of ${f.values.join(", ")}`;
        if (!Array.isArray(v)) {
            this.fail(path(field, key), v, `must be a list of ${what}`);
            return fallback;
        }
        const picked = new Set<T>();
        v.forEach((item: unknown, i: number) => {
            const hit = f.values.find((a) => a === item);
            if (hit === undefined) this.fail(`${path(field, key)}[${i}]`, item, `must be ${what}`);
            else picked.add(hit);
        });
        return f.values.filter((a) => picked.has(a));
    }

    textList(f: TextListField, obj: ConfigObject, key: string, field: string, fallback: readonly string[]): readonly string[] {
        const v = obj[key];
        if (v === undefined) return fallback;
        if (!Array.isArray(v)) {
            this.fail(path(field, key), v, `must be a list, each ${f.what}`);
            return fallback;
        }
        const out: string[] = [];
        v.forEach((raw: unknown, i: number) => {
            const item = textValue(raw);
            if (typeof item !== "string" || (f.pattern !== undefined && !f.pattern.test(item))) {
                this.fail(`${path(field, key)}[${i}]`, raw, textAllowed(f.what, raw));
            } else {
                out.push(item);
            }
        });
        return out;
    }

    /** The items of a list field; not a list is an issue and reads as empty. */
    list(value: unknown, field: string): readonly unknown[] {
        if (value === undefined || value === null) return [];
        if (!Array.isArray(value)) {
            this.failHidden(field, value, "must be a list");
            return [];
        }
        return value;
    }

    textMap(_f: TextMapField, value: unknown, field: string, fallback: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
        if (value === undefined || value === null) return fallback;
        if (!isConfigObject(value)) {
            this.failHidden(field, value, "must be a map of string to string");
            return fallback;
        }
        const out: Record<string, string> = { ...fallback };
        for (const [k, raw] of Object.entries(value)) {
            const v = textValue(raw);
            if (typeof v !== "string") this.failHidden(path(field, k), raw, "must be a string (or a number or true/false, read as its text)");
            else out[k] = v;
        }
        return out;
    }
}

/**
 * The "allowed" part of an unused key's issue: leave it unset `where`, with the command that
 * removes it from the stack file under the project's own name (`project`, the Pulumi.yaml name).
 */
export function removeUnused(project: string, field: string, where: string): string {
    return `allowed: leave it unset ${where}: remove it from the stack file (pulumi config rm --path ${project}:${field})`;
}

/**
 * Keys set where the stack does not use them: one issue per key, naming the key and the command
 * that removes it, under the project's own name (`project`, the Pulumi.yaml name: `live-commerce`
 * as shipped). Walks the raw config along the declaration; values are never shown (they are not
 * judged). A key is judged by the cloud first (`clouds`, `cloudNote`: no compute uses it there),
 * then by the compute tier (`computes`, `computeNote`) and the clouds that compute uses it on
 * (`computeClouds`, `computeCloudNote`); a key unused on the cloud gets that one issue only, not a
 * second for the compute with the same command.
 */
export function keysUnused(compute: ComputeTier, cloud: Cloud, raw: ConfigObject, fields: Fields, project: string): string[] {
    return keysUnusedWalk(raw, fields, "", (f, field) => unusedOnCloud(f, field, cloud, project) ?? unusedWithCompute(f, field, compute, cloud, project));
}

/** The issue of a key its cloud does not use (`clouds`), or null. */
function unusedOnCloud(f: Field, field: string, cloud: Cloud, project: string): string | null {
    if (f.clouds === undefined || f.clouds.includes(cloud)) return null;
    const why = f.cloudNote === undefined ? "" : `: ${f.cloudNote}`;
    return `${field}: is not used on ${cloud} (${f.clouds.join(", ")} only${why}); ${removeUnused(project, field, `on ${cloud}`)}`;
}

/**
 * The issue of a key the compute tier does not use (`computes`), or uses on other clouds only
 * (`computeClouds`), or null. A compute switch leaves the keys of the former tier in the stack
 * file: the issue says how to remove one.
 */
function unusedWithCompute(f: Field, field: string, compute: ComputeTier, cloud: Cloud, project: string): string | null {
    if (f.computes !== undefined && !f.computes.some((c) => c === compute)) {
        const why = f.computeNote === undefined ? "" : `: ${f.computeNote}`;
        return `${field}: is not used with compute ${compute} (compute ${f.computes.join(", ")} only${why}); ${removeUnused(project, field, `with compute ${compute}`)}`;
    }
    const clouds = f.computeClouds?.[compute];
    if (clouds === undefined || clouds.includes(cloud)) return null;
    const why = f.computeCloudNote === undefined ? "" : `: ${f.computeCloudNote}`;
    return `${field}: is not used with compute ${compute} on ${cloud} (compute ${compute} on ${clouds.join(", ")} only${why}); ${removeUnused(project, field, `with compute ${compute} on ${cloud}`)}`;
}

/** Walks the keys set in `raw` along the declaration; `unused` returns the issue of a key set where it is not used (its keys are then not walked). */
function keysUnusedWalk(raw: ConfigObject, fields: Fields, parent: string, unused: (f: Field, field: string) => string | null): string[] {
    return Object.entries(fields).flatMap(([key, f]) => {
        const value = raw[key];
        if (value === undefined || value === null) return [];
        const field = path(parent, key);
        const issue = unused(f, field);
        if (issue !== null) return [issue];
        if (f.kind === "section" && isConfigObject(value)) return keysUnusedWalk(value, f.fields, field, unused);
        if (f.kind === "list" && Array.isArray(value)) {
            return value.flatMap((item: unknown, i: number) => (isConfigObject(item) ? keysUnusedWalk(item, f.item, `${field}[${i}]`, unused) : []));
        }
        return [];
    });
}
