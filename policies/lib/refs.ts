// Values that are not known until a resource is created, and references between resources that
// do not rest on ids.
//
// In a first `pulumi preview` every id, ARN and endpoint of a resource being created is unknown.
// The engine serializes such a value as a sentinel string; `@pulumi/policy` (proxy.js, 1.21.0)
// hands policies those same sentinels and throws UnknownValueError when a policy reads one through
// `props`. `pulumi preview --json` prints the string sentinel. A policy that judges a reference
// (a subnet id, a cluster id, a bucket name) must therefore resolve it through the resource graph
// (the engine's `propertyDependencies`: input property -> URNs of the resources it was computed
// from) or through known inputs (a subnet's zone), never through the id itself.

import type { PolicyResource } from "@pulumi/policy";

import { Props, isRecord } from "./values";

/**
 * The unknown sentinels of `@pulumi/policy` (proxy.js: unknownBooleanValue, unknownNumberValue,
 * unknownStringValue, unknownArrayValue, unknownAssetValue, unknownArchiveValue,
 * unknownObjectValue). The string one is also `@pulumi/pulumi`'s `runtime/rpc` `unknownValue`.
 */
export const UNKNOWN_SENTINELS: readonly string[] = [
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

/** The string sentinel: what `pulumi preview --json` prints for an unknown value. */
export const UNKNOWN_STRING = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/**
 * A secret as the inputs `check` reads show it: `pulumi preview --json` prints every secret as this
 * text (pulumi/pulumi pkg/backend/display/json.go massagePropertyValue: `resource.NewStringProperty("[secret]")`),
 * and `check` reads an export's or a plan's secrets the same way (tools/lib/record.ts SECRET).
 */
export const SECRET_TEXT = "[secret]";

export function isUnknown(v: unknown): boolean {
    return typeof v === "string" && UNKNOWN_SENTINELS.includes(v);
}

/** True when `v` or anything inside it is unknown. */
export function containsUnknown(v: unknown): boolean {
    if (isUnknown(v)) return true;
    if (Array.isArray(v)) return v.some(containsUnknown);
    if (isRecord(v)) return Object.values(v).some(containsUnknown);
    return false;
}

/**
 * The properties of a resource as plain values, unknowns left as their sentinels. `@pulumi/policy`
 * wraps props in a Proxy whose `get` throws on an unknown; property descriptors and keys reach the
 * proxied object itself, so reading through them never throws.
 */
export function plainProps(props: object): Props {
    return Object.fromEntries(Object.keys(props).map((k) => [k, Object.getOwnPropertyDescriptor(props, k)?.value]));
}

/** Input property -> URNs it depends on, of a stack policy's resource. */
export function dependencyUrns(r: Pick<PolicyResource, "propertyDependencies">): Record<string, string[]> {
    return Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).map(([k, rs]) => [k, rs.map((d) => d.urn)]));
}

/** Something with property dependencies (a stack node). */
export interface Referrer {
    readonly props: Props;
    /** Input property -> URNs of the resources it was computed from. */
    readonly deps?: Readonly<Record<string, readonly string[]>>;
}

/** URNs the top-level property `prop` depends on ([] when none were recorded). */
export function depsOf(r: Referrer, prop: string): readonly string[] {
    return r.deps?.[prop] ?? [];
}

/**
 * Whether property `prop` of `r` refers to the resource `targetUrn`, whose identifying value (its
 * name or id as far as known) is `targetValue`: by the values when both are known (a dependency
 * records only what the value was computed from, not what it names), else by the dependency graph
 * when the property recorded dependencies, else not.
 */
export function refersTo(r: Referrer, prop: string, targetUrn: string, targetValue: unknown): boolean {
    const v = r.props[prop];
    const known = (x: unknown): x is string => typeof x === "string" && x !== "" && !isUnknown(x);
    if (known(v) && known(targetValue)) return v === targetValue;
    const deps = depsOf(r, prop);
    if (deps.length > 0) return deps.includes(targetUrn);
    return false;
}

/**
 * A key naming what property `prop` of `r` refers to, equal for two resources that refer to the
 * same thing: the single URN it depends on, else its known value; undefined when neither is known.
 */
export function referenceKey(r: Referrer, prop: string): string | undefined {
    const deps = depsOf(r, prop);
    if (deps.length === 1) return `urn:${deps[0]}`;
    const v = r.props[prop];
    return typeof v === "string" && !isUnknown(v) ? `value:${v}` : undefined;
}

/** A finding about one resource. */
export interface Finding {
    readonly urn: string;
    readonly message: string;
}

/**
 * What a rule concludes from what is known: violations it is sure of, and facts it cannot judge
 * until the resources are created (reported as advisory by ha-stack-cannot-judge-from-input).
 */
export interface Judgement {
    readonly violations: Finding[];
    readonly undetermined: Finding[];
}

/**
 * The "cannot be judged" message of properties of a resource: `paths` not known before the
 * resources exist ("cannot be judged until created"), and, of them, `unreadable` ones the input
 * holds but the gate cannot read (a secret, a value that is no id, a subnet the stack does not
 * declare), which creating the resources does not settle.
 */
export function undeterminedMessage(rule: string, what: string, paths: readonly string[], unreadable: readonly string[] = []): string {
    const pending = paths.filter((p) => !unreadable.includes(p));
    const are = (ps: readonly string[]): string => (ps.length === 1 ? "is" : "are");
    const unread = `${unreadable.join(", ")}: the input does not carry ${unreadable.length === 1 ? "its zone" : "their zones"}, and no such value counts as a zone of its own`;
    if (pending.length === 0) return `${rule}: ${what} cannot be judged: ${unread}.`;
    const unknown = `${pending.join(", ")} ${are(pending)} not known before the resources exist and no known input resolves ${pending.length === 1 ? "it" : "them"}`;
    if (unreadable.length === 0) return `${rule}: ${what} cannot be judged until created: ${unknown}.`;
    return `${rule}: ${what} cannot be judged: ${unknown}; ${unread}.`;
}
