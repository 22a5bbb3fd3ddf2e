// Reads and validates a policy pack config (`--policy-pack-config` file) as the Pulumi CLI does
// (pkg/resource/analyzer/config.go: parsePolicyPackConfig, applyConfig, validatePolicyPackConfig):
// each entry is an enforcement level or an object with an optional `enforcementLevel`; `all` sets
// the level of every policy; each policy's properties, overlaid on its configSchema defaults, must
// validate against that schema (JSON Schema, as gojsonschema checks it). Stricter than the CLI in
// one respect: a name that is neither `all` nor a policy of the pack is an error, since a
// misspelled policy name would otherwise be ignored without a word.

import Ajv from "ajv";
import type { Policies } from "@pulumi/policy";

import { ENFORCEMENT_LEVELS, isEnforcementLevel } from "../../policies/lib/stage";
import { isRecord } from "../../policies/lib/values";
import { PackConfig } from "./evaluate";
import { nearestNames } from "../../components/model/regions";

export class PackConfigError extends Error {}

const ajv = new Ajv({ allErrors: true, strict: false });

/** A short JSON rendering of a value for error messages (pack configs hold no secrets). */
function shown(v: unknown): string {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** "; did you mean ..." for a value outside an enum (the JSON Schema `enum` keyword's allowedValues). */
function nearestHint(params: unknown, value: unknown): string {
    const allowed = isRecord(params) && Array.isArray(params.allowedValues) ? params.allowedValues.filter((v): v is string => typeof v === "string") : [];
    const near = typeof value === "string" && allowed.length > 0 ? nearestNames(value, allowed) : [];
    return near.length === 0 ? "" : `; did you mean ${near.join(" or ")}?`;
}

/**
 * The validated pack config with `all` folded into every policy's entry: policy name ->
 * `{enforcementLevel?, ...properties}`. `findings` names findings the tools report besides the
 * pack's policies (`flow-connected`): configurable like a policy, by an enforcement level only.
 * Errors name the file, the policy, the property, the value and what is allowed.
 */
export function validatePackConfig(doc: unknown, policies: Policies, file: string, findings: readonly string[] = []): PackConfig {
    if (!isRecord(doc)) throw new PackConfigError(`${file}: a pack config must be a JSON object of policy name -> enforcement level or {enforcementLevel, ...properties}`);
    const names = [...policies.map((p) => p.name), ...findings];
    const errors: string[] = [];
    const entries = new Map<string, Record<string, unknown>>();
    for (const [name, value] of Object.entries(doc)) {
        if (name !== "all" && !names.includes(name)) {
            errors.push(`"${name}" is not a policy of the pack (nor "all")`);
            continue;
        }
        if (typeof value === "string") {
            if (!isEnforcementLevel(value)) errors.push(`${name}: ${shown(value)} is not an enforcement level (${ENFORCEMENT_LEVELS.join(", ")})`);
            else entries.set(name, { enforcementLevel: value });
        } else if (isRecord(value)) {
            if (value.enforcementLevel !== undefined && !isEnforcementLevel(value.enforcementLevel)) errors.push(`${name}: enforcementLevel ${shown(value.enforcementLevel)} is not one of ${ENFORCEMENT_LEVELS.join(", ")}`);
            else entries.set(name, { ...value });
        } else errors.push(`${name}: ${shown(value)} must be an enforcement level or an object`);
    }
    const all = entries.get("all");
    if (all !== undefined && Object.keys(all).some((k) => k !== "enforcementLevel")) errors.push(`all: only "enforcementLevel" applies to every policy`);
    const out: Record<string, Record<string, unknown>> = {};
    for (const policy of policies) {
        const own = entries.get(policy.name) ?? {};
        const { enforcementLevel, ...properties } = own;
        const schema = policy.configSchema;
        if (schema !== undefined) {
            const defaults = Object.fromEntries(Object.entries(schema.properties ?? {}).flatMap(([k, s]) => ("default" in s ? [[k, s.default]] : [])));
            const merged = { ...defaults, ...properties };
            const validate = ajv.compile({ type: "object", properties: schema.properties ?? {}, ...(schema.required !== undefined ? { required: schema.required } : {}) });
            if (!validate(merged)) {
                for (const e of validate.errors ?? []) {
                    const property = e.instancePath.replace(/^\//, "").replace(/\//g, ".") || "(config)";
                    const value = e.instancePath === "" ? undefined : e.instancePath.split("/").slice(1).reduce<unknown>((v, k) => (isRecord(v) ? v[k] : Array.isArray(v) ? v[Number(k)] : undefined), merged);
                    errors.push(`${policy.name}: ${property} ${e.message ?? "is invalid"}${value !== undefined || e.instancePath !== "" ? ` (got ${shown(value)})` : ""}${nearestHint(e.params, value)}`);
                }
            }
        } else if (Object.keys(properties).length > 0) errors.push(`${policy.name}: takes no properties (got ${Object.keys(properties).join(", ")})`);
        const level = enforcementLevel ?? all?.enforcementLevel;
        if (entries.has(policy.name) || all !== undefined) out[policy.name] = { ...properties, ...(level !== undefined ? { enforcementLevel: level } : {}) };
    }
    for (const name of findings) {
        const { enforcementLevel, ...properties } = entries.get(name) ?? {};
        if (Object.keys(properties).length > 0) errors.push(`${name}: takes only an enforcement level (got ${Object.keys(properties).join(", ")})`);
        const level = enforcementLevel ?? all?.enforcementLevel;
        if (level !== undefined) out[name] = { enforcementLevel: level };
    }
    if (errors.length > 0) throw new PackConfigError(`${file}: invalid pack config:\n  ${errors.join("\n  ")}`);
    return out;
}
