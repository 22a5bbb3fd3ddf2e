// Typed reading of untyped stack config, collecting one clear issue per bad field.

import { show } from "./errors";

export type ConfigObject = Readonly<Record<string, unknown>>;

export function isConfigObject(v: unknown): v is ConfigObject {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A field path: "app" + "minSize" -> "app.minSize"; top-level keys have an empty parent. */
export function path(parent: string, key: string): string {
    return parent === "" ? key : `${parent}.${key}`;
}

export interface NumberBounds {
    readonly min?: number;
    readonly max?: number;
    readonly integer?: boolean;
}

function describeBounds(b: NumberBounds): string {
    const kind = b.integer ? "an integer" : "a number";
    if (b.min !== undefined && b.max !== undefined) return `${kind} from ${b.min} to ${b.max}`;
    if (b.min !== undefined) return `${kind} >= ${b.min}`;
    if (b.max !== undefined) return `${kind} <= ${b.max}`;
    return kind;
}

/** Reads fields with defaults; every problem becomes an issue naming the field, the value and what is allowed. */
export class ConfigReader {
    readonly issues: string[] = [];

    fail(field: string, value: unknown, allowed: string): void {
        this.issues.push(`${field}: ${allowed} (got ${show(value)})`);
    }

    /**
     * An issue of a key the program does not know: its value is never shown, since an unknown key
     * may hold a secret (the CLI hands the program `secure:` values decrypted).
     */
    failUnknownKey(field: string, allowed: string): void {
        this.issues.push(`${field}: ${allowed} (value not shown)`);
    }

    /** An optional object section; unknown keys are issues (typos must not pass silently). */
    section(value: unknown, field: string, keys: readonly string[]): ConfigObject {
        if (value === undefined || value === null) return {};
        if (!isConfigObject(value)) {
            this.fail(field, value, `must be an object with keys ${keys.join(", ")}`);
            return {};
        }
        for (const k of Object.keys(value)) {
            if (!keys.includes(k)) this.failUnknownKey(path(field, k), `is not a known key; allowed: ${keys.join(", ")}`);
        }
        return value;
    }

    number(obj: ConfigObject, key: string, field: string, fallback: number, bounds: NumberBounds = {}): number {
        const v = obj[key];
        if (v === undefined) return fallback;
        const ok =
            typeof v === "number" &&
            Number.isFinite(v) &&
            (!bounds.integer || Number.isInteger(v)) &&
            (bounds.min === undefined || v >= bounds.min) &&
            (bounds.max === undefined || v <= bounds.max);
        if (typeof v !== "number" || !ok) {
            this.fail(path(field, key), v, `must be ${describeBounds(bounds)}`);
            return fallback;
        }
        return v;
    }

    /** A number that must be present: missing is an issue; returns 0 when missing or bad. */
    requiredNumber(obj: ConfigObject, key: string, field: string, bounds: NumberBounds): number {
        if (obj[key] === undefined) {
            this.fail(path(field, key), undefined, `is required: ${describeBounds(bounds)}`);
            return 0;
        }
        return this.number(obj, key, field, 0, bounds);
    }

    boolean(obj: ConfigObject, key: string, field: string, fallback: boolean): boolean {
        const v = obj[key];
        if (v === undefined) return fallback;
        if (typeof v !== "boolean") {
            this.fail(path(field, key), v, "must be true or false");
            return fallback;
        }
        return v;
    }

    string(obj: ConfigObject, key: string, field: string, fallback: string, pattern?: RegExp, what?: string): string {
        const v = obj[key];
        if (v === undefined) return fallback;
        if (typeof v !== "string" || (pattern !== undefined && !pattern.test(v))) {
            this.fail(path(field, key), v, `must be ${what ?? "a string"}`);
            return fallback;
        }
        return v;
    }

    /** A string that must be present: missing is an issue; returns "" when missing or bad. */
    requiredString(obj: ConfigObject, key: string, field: string, pattern?: RegExp, what?: string): string {
        if (obj[key] === undefined) {
            this.fail(path(field, key), undefined, `is required: ${what ?? "a string"}`);
            return "";
        }
        return this.string(obj, key, field, "", pattern, what);
    }

    nullableString(obj: ConfigObject, key: string, field: string, fallback: string | null): string | null {
        const v = obj[key];
        if (v === undefined || v === null) return fallback;
        if (typeof v !== "string" || v.length === 0) {
            this.fail(path(field, key), v, "must be a non-empty string");
            return fallback;
        }
        return v;
    }

    oneOf<T extends string>(obj: ConfigObject, key: string, field: string, allowed: readonly T[], fallback: T): T {
        const v = obj[key];
        if (v === undefined) return fallback;
        const hit = allowed.find((a) => a === v);
        if (hit === undefined) {
            this.fail(path(field, key), v, `must be one of ${allowed.join(", ")}`);
            return fallback;
        }
        return hit;
    }

    stringList(obj: ConfigObject, key: string, field: string, fallback: readonly string[], pattern?: RegExp, what?: string): readonly string[] {
        const v = obj[key];
        if (v === undefined) return fallback;
        if (!Array.isArray(v)) {
            this.fail(path(field, key), v, `must be a list of ${what ?? "strings"}`);
            return fallback;
        }
        const out: string[] = [];
        v.forEach((item: unknown, i: number) => {
            if (typeof item !== "string" || (pattern !== undefined && !pattern.test(item))) {
                this.fail(`${path(field, key)}[${i}]`, item, `must be ${what ?? "a string"}`);
            } else {
                out.push(item);
            }
        });
        return out;
    }

    list(value: unknown, field: string): readonly unknown[] {
        if (value === undefined || value === null) return [];
        if (!Array.isArray(value)) {
            this.fail(field, value, "must be a list");
            return [];
        }
        return value;
    }

    stringMap(value: unknown, field: string, fallback: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
        if (value === undefined || value === null) return fallback;
        if (!isConfigObject(value)) {
            this.fail(field, value, "must be a map of string to string");
            return fallback;
        }
        const out: Record<string, string> = { ...fallback };
        for (const [k, v] of Object.entries(value)) {
            if (typeof v !== "string") this.fail(path(field, k), v, "must be a string");
            else out[k] = v;
        }
        return out;
    }
}
