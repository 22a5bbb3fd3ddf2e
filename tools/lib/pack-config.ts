// Reads and validates a policy pack config (`--policy-pack-config` file) as the Pulumi CLI does
// (pkg/resource/analyzer/config.go: parsePolicyPackConfig, applyConfig, validatePolicyPackConfig):
// each entry is an enforcement level or an object with an optional `enforcementLevel`; `all` sets
// the level of every policy; each policy's properties, overlaid on its configSchema defaults, must
// validate against that schema (JSON Schema, as gojsonschema checks it). Stricter than the CLI in
// one respect: a name that is neither `all` nor a policy of the pack is an error, since a
// misspelled policy name would otherwise be ignored without a word.

import Ajv, { ValidateFunction } from "ajv";
import type { Policies, Policy } from "@pulumi/policy";

import { ENFORCEMENT_LEVELS, isEnforcementLevel } from "../../policies/lib/stage";
import { isRecord } from "../../policies/lib/values";
import { PackConfig } from "./evaluate";
import { nearestNames } from "../../components/model/regions";
import { holdsSecret, kindOf } from "../../components/model/errors";
import { NAME_ALPHABET, quotableName } from "./name-alphabet";

export class PackConfigError extends Error {}

const ajv = new Ajv({ allErrors: true, strict: false });

/**
 * The compiled validator of each policy's config schema, made on first use: Ajv compiles a schema
 * to JavaScript (tens of milliseconds for a pack) and caches it by the schema object, which here is
 * new on every call.
 */
const validators = new WeakMap<Configurable, ValidateFunction>();

function configValidator(policy: Configurable): ValidateFunction {
    const hit = validators.get(policy);
    if (hit !== undefined) return hit;
    const schema = policy.configSchema?.properties ?? {};
    const validate = ajv.compile({ type: "object", properties: schema, ...(policy.configSchema?.required !== undefined ? { required: policy.configSchema.required } : {}) });
    validators.set(policy, validate);
    return validate;
}

/** Property names whose values are never shown, whatever the schema (the project's rule for password-like keys). */
const SECRET_LIKE = /pass(word|wd|phrase)?|secret|token|credential|private|auth/i;

export { NAME_ALPHABET, quotableName };

/**
 * A value as an error shows it, by the rule the stack config follows (components/model/schema.ts,
 * SHOWS_VALUE): a number, true/false or null as given; text only where it was checked against a
 * closed list (an enforcement level, a stage, a region id; `enum`) and written in NAME_ALPHABET; an empty list or
 * object; anything else only by its kind ("a string; value not shown"). Never a value under a
 * password-like name, never a `secure:` object ("an encrypted secret").
 */
export function shownValue(value: unknown, closedList: boolean, property = ""): string {
    if (holdsSecret(value)) return "an encrypted secret";
    const hidden = `${kindOf(value)}; value not shown`;
    if (SECRET_LIKE.test(property)) return hidden;
    if (value === null || typeof value === "number" || typeof value === "boolean") return JSON.stringify(value);
    if (typeof value === "string") return closedList && quotableName(value) ? JSON.stringify(value) : hidden;
    if (Array.isArray(value) ? value.length === 0 : isRecord(value) && Object.keys(value).length === 0) return JSON.stringify(value);
    return hidden;
}

/** "; did you mean ..." for a value outside an enum (the JSON Schema `enum` keyword's allowedValues). */
function nearestHint(params: unknown, value: unknown): string {
    const allowed = isRecord(params) && Array.isArray(params.allowedValues) ? params.allowedValues.filter((v): v is string => typeof v === "string") : [];
    const near = typeof value === "string" && allowed.length > 0 ? nearestNames(value, allowed) : [];
    return near.length === 0 ? "" : `; did you mean ${near.join(" or ")}?`;
}

/** What the pack config configures: a policy of the pack, or a finding the tools report beside them (`flow-connected`). */
export type Configurable = Pick<Policy, "name" | "configSchema" | "tags">;

/** The value at an ajv instance path (`/regions/0`) of a config. */
function valueAt(config: unknown, instancePath: string): unknown {
    return instancePath
        .split("/")
        .slice(1)
        .reduce<unknown>((v, k) => (Array.isArray(v) ? v[Number(k)] : isRecord(v) ? v[k] : undefined), config);
}

/**
 * The validated pack config with `all` folded into every policy's entry: policy name ->
 * `{enforcementLevel?, ...properties}`. `findings` are reported by the tools beside the pack's
 * policies (`flow-connected`) and configured like them, against their own configSchema.
 * Errors name the file, the policy, the property and what is allowed; they show the value given
 * only by shownValue's rule (never free text, never a password-like property's value).
 */
/** Policies renamed since a release, old name -> new: a pack config that still sets the old name is told the new one. */
export const RENAMED_POLICIES: ReadonlyMap<string, string> = new Map([["ha-preview-cannot-judge-until-created", "ha-stack-cannot-judge-from-input"]]);

export function validatePackConfig(doc: unknown, policies: Policies, file: string, findings: readonly Configurable[] = []): PackConfig {
    if (!isRecord(doc)) throw new PackConfigError(`${file}: a pack config must be a JSON object of policy name -> enforcement level or {enforcementLevel, ...properties}`);
    const configurable: readonly Configurable[] = [...policies, ...findings];
    const names = configurable.map((p) => p.name);
    const errors: string[] = [];
    const entries = new Map<string, Record<string, unknown>>();
    for (const [name, value] of Object.entries(doc)) {
        if (name !== "all" && !names.includes(name)) {
            const renamed = RENAMED_POLICIES.get(name);
            if (renamed !== undefined) {
                errors.push(`${JSON.stringify(name)} was renamed ${renamed} (it also lists what an export or plan does not carry, not only what waits to be created): rename the key`);
                continue;
            }
            const near = nearestNames(name, names);
            errors.push(`${JSON.stringify(name.length > 80 ? `${name.slice(0, 77)}...` : name)} is not a policy of the pack (nor "all")${near.length > 0 ? `; did you mean ${near.join(" or ")}?` : ""}`);
            continue;
        }
        if (typeof value === "string") {
            if (!isEnforcementLevel(value)) errors.push(`${name}: must be an enforcement level (${ENFORCEMENT_LEVELS.join(", ")}) or an object (got ${shownValue(value, true)})${nearestHint({ allowedValues: ENFORCEMENT_LEVELS }, value)}`);
            else entries.set(name, { enforcementLevel: value });
        } else if (isRecord(value)) {
            if (value.enforcementLevel !== undefined && !isEnforcementLevel(value.enforcementLevel)) errors.push(`${name}: enforcementLevel must be one of ${ENFORCEMENT_LEVELS.join(", ")} (got ${shownValue(value.enforcementLevel, true)})${nearestHint({ allowedValues: ENFORCEMENT_LEVELS }, value.enforcementLevel)}`);
            else entries.set(name, { ...value });
        } else errors.push(`${name}: must be an enforcement level (${ENFORCEMENT_LEVELS.join(", ")}) or an object (got ${shownValue(value, false)})`);
    }
    const all = entries.get("all");
    if (all !== undefined && Object.keys(all).some((k) => k !== "enforcementLevel")) errors.push(`all: only "enforcementLevel" applies to every policy`);
    const out: Record<string, Record<string, unknown>> = {};
    for (const policy of configurable) {
        const own = entries.get(policy.name) ?? {};
        const { enforcementLevel, ...properties } = own;
        const schema = policy.configSchema?.properties ?? {};
        const known = Object.keys(schema);
        // stricter than the CLI (which ignores it): a misspelled property would leave its default in force
        for (const k of Object.keys(properties)) {
            if (!known.includes(k)) errors.push(`${policy.name}: ${JSON.stringify(k.length > 60 ? `${k.slice(0, 57)}...` : k)} is not a property of the policy; ${known.length > 0 ? `allowed: enforcementLevel, ${known.join(", ")}` : "it takes only enforcementLevel"}`);
        }
        if (known.length > 0) {
            const defaults = Object.fromEntries(Object.entries(schema).flatMap(([k, v]) => ("default" in v ? [[k, v.default]] : [])));
            const merged = { ...defaults, ...properties };
            const validate = configValidator(policy);
            if (!validate(merged)) {
                for (const e of validate.errors ?? []) {
                    const property = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(config)";
                    const extra = e.keyword === "additionalProperties" && isRecord(e.params) && typeof e.params.additionalProperty === "string" ? ` (${JSON.stringify(e.params.additionalProperty.slice(0, 60))})` : "";
                    const value = valueAt(merged, e.instancePath);
                    const shown = e.instancePath === "" || e.keyword === "additionalProperties" ? "" : ` (got ${shownValue(value, e.keyword === "enum", property)})`;
                    errors.push(`${policy.name}: ${property} ${e.message ?? "is invalid"}${extra}${shown}${e.keyword === "enum" ? nearestHint(e.params, value) : ""}`);
                }
            }
        }
        const level = enforcementLevel ?? all?.enforcementLevel;
        if (entries.has(policy.name) || all !== undefined) out[policy.name] = { ...properties, ...(level !== undefined ? { enforcementLevel: level } : {}) };
    }
    if (errors.length > 0) throw new PackConfigError(`${file}: invalid pack config:\n  ${errors.join("\n  ")}`);
    return out;
}
