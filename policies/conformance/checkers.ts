// Shared checkers of the provider-conformance table: lengths, enums, ranges, patterns and the
// Pulumi auto-name. Each returns a ValueTest: what the provider accepts, said in words, and a pure
// predicate. Cloud-specific tables (alicloud.ts, aws.ts) only combine these with a source.

import type { Props } from "../lib/values";

/** What a rule accepts: `describe` is printed in the violation ("rule"). */
export interface ValueTest {
    readonly describe: string;
    /** `inputs` are the resource's inputs, for rules that relate one property to others. */
    readonly accepts: (value: unknown, inputs: Props) => boolean;
    /**
     * The property is free text the rule checks only by its length (a description, a tag value):
     * reports never quote its value, which may be anything, a token too; they give its length.
     */
    readonly freeText?: boolean;
}

/**
 * One provider rule for one property of one resource type.
 * `property` is a path into the resource inputs: `a.b` for nested objects, `a[].b` for every
 * element of a list (violations name the concrete element, `a[1].b`).
 */
export interface ConformanceRule {
    readonly type: string;
    readonly property: string;
    readonly test: ValueTest;
    /** Provider source file or API/doc page the rule comes from, at the bridged version. */
    readonly source: string;
    /** Only resources whose inputs satisfy this are checked (feature x edition and similar). */
    readonly when?: { readonly describe: string; readonly holds: (inputs: Props) => boolean };
    /**
     * The property is a name the provider generates when unset: Pulumi's auto-name, the logical
     * resource name plus "-" plus 7 random characters (tfbridge AutoName). Checked in that form.
     */
    readonly autoName?: boolean;
    /** A property that, when set, replaces the auto-name (e.g. `namePrefix`): then nothing is auto-named. */
    readonly autoNameUnless?: string;
    /** Checked even when unset (the provider or API requires it). */
    readonly required?: boolean;
}

/** Number of random characters Pulumi appends to an auto-name (after a "-"). */
export const AUTO_NAME_SUFFIX_LENGTH = 7;

/** The auto-name Pulumi generates for `logicalName`, the random part shown as x's. */
export function autoNameOf(logicalName: string): string {
    return `${logicalName}-${"x".repeat(AUTO_NAME_SUFFIX_LENGTH)}`;
}

/** Values `preview --json` and exports print for what is not known yet or is secret: never checked. */
const UNCHECKABLE = new Set(["04da6b54-80e4-46f7-96ec-b56ff0331ba9", "[secret]"]);

export function isCheckable(value: unknown): boolean {
    if (typeof value === "string") return !UNCHECKABLE.has(value);
    // a secret kept as its shape (tools/lib/record.ts sanitize: a map's keys, every value "[secret]")
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        const values = Object.values(value);
        return !(values.length > 0 && values.every((v) => v === "[secret]"));
    }
    return true;
}

function text(value: unknown): string | undefined {
    if (typeof value === "string") return value;
    if (typeof value === "number") return String(value);
    return undefined;
}

function number(value: unknown): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value))) return Number(value);
    return undefined;
}

/** Exactly one of `values` (case-sensitive, as the providers' StringInSlice(..., false)). */
export function oneOf(values: readonly (string | number)[]): ValueTest {
    return {
        describe: `one of ${values.map((v) => JSON.stringify(v)).join(", ")}`,
        accepts: (value) => values.some((v) => v === value || (typeof v === "number" && number(value) === v)),
    };
}

/** A string whose length (UTF-16 code units, as the providers' StringLenBetween) is in [min, max]. */
export function lengthBetween(min: number, max: number): ValueTest {
    return {
        describe: `${min} to ${max} characters`,
        freeText: true,
        accepts: (value) => {
            const s = text(value);
            return s !== undefined && s.length >= min && s.length <= max;
        },
    };
}

/** A string matching `pattern` in full; `describe` says the rule in words. */
export function matches(pattern: RegExp, describe: string): ValueTest {
    return {
        describe,
        accepts: (value) => {
            const s = text(value);
            return s !== undefined && pattern.test(s);
        },
    };
}

/** A number (or numeric string) in [min, max]; integral when `integer`. */
export function between(min: number, max: number, integer = true): ValueTest {
    return {
        describe: `${integer ? "an integer" : "a number"} from ${min} to ${max}`,
        accepts: (value) => {
            const n = number(value);
            return n !== undefined && n >= min && n <= max && (!integer || Number.isInteger(n));
        },
    };
}

/** Every test holds; the description joins theirs. */
export function allOf(...tests: readonly ValueTest[]): ValueTest {
    return { describe: tests.map((t) => t.describe).join("; "), accepts: (value, inputs) => tests.every((t) => t.accepts(value, inputs)), ...(tests.some((t) => t.freeText === true) ? { freeText: true } : {}) };
}

/** The property must not be set to `value` (a feature the edition or membership does not support). */
export function not(value: unknown, describe: string): ValueTest {
    return { describe, accepts: (v) => v !== value };
}

/** The property must be set (used with `required`). */
export function present(describe: string): ValueTest {
    return { describe, accepts: (v) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0) };
}

/** A name: length bounds plus a character pattern, described together. */
export function name(min: number, max: number, pattern: RegExp, chars: string): ValueTest {
    return allOf(lengthBetween(min, max), matches(pattern, chars));
}

/** The property must not be set at all under the rule's condition. */
export function forbidden(describe: string): ValueTest {
    return { describe, accepts: () => false };
}
