// Builders shared by every rule: category tag, remediation text and a typed config schema.

import type { EnforcementLevel, PolicyConfigSchema, ResourceValidation, ResourceValidationPolicy, StackValidation, StackValidationPolicy } from "@pulumi/policy";

import { Category, ENFORCEMENT_LEVELS, STAGES, Stage } from "./stage";

export interface RuleSpec {
    /** Scoped name, e.g. `ha-database-require-multi-zone`. */
    readonly name: string;
    readonly description: string;
    readonly category: Category;
    /** What to change when the rule fails. */
    readonly remediation: string;
    /** Thresholds; every property has a `default`. */
    readonly config?: PolicyConfigSchema["properties"];
    /** Enforcement per stage where it differs from the category default (e.g. advisory for growth). */
    readonly stageDefaults?: Partial<Record<Stage, EnforcementLevel>>;
}

function base(spec: RuleSpec): Omit<ResourceValidationPolicy, "validateResource"> {
    return {
        name: spec.name,
        description: spec.description,
        // The level a pipeline uses without a config file; stage files relax it (policies/config/).
        enforcementLevel: "mandatory",
        tags: [spec.category],
        remediationSteps: spec.remediation,
        configSchema: { properties: { ...(spec.config ?? {}), ...stageOverrides(spec.stageDefaults ?? {}) } },
    };
}

/**
 * Every policy accepts per-stage enforcement overrides, e.g. `{"stages": {"growth": "advisory"}}`;
 * the property's default holds the policy's own per-stage defaults. Each stage takes an
 * enforcement level (the CLI validates the schema too: `{"growth": "strict"}` or a stage that is no
 * stage is an error, never a level silently ignored).
 */
export function stageOverrides(defaults: Partial<Record<Stage, EnforcementLevel>>): PolicyConfigSchema["properties"] {
    return {
        stages: {
            type: "object",
            description: "Enforcement level per stage (startup, growth, mature); overrides the category default.",
            properties: Object.fromEntries(STAGES.map((s) => [s, { type: "string", enum: [...ENFORCEMENT_LEVELS] }])),
            additionalProperties: false,
            default: defaults,
        },
    };
}

/** The policy's own per-stage enforcement defaults (the default of its `stages` config property). */
export function stageDefaultsOf(policy: Pick<ResourceValidationPolicy, "configSchema">): unknown {
    return policy.configSchema?.properties?.stages?.default ?? {};
}

export function resourceRule(spec: RuleSpec, validateResource: ResourceValidation[]): ResourceValidationPolicy {
    return { ...base(spec), validateResource };
}

export function stackRule(spec: RuleSpec, validateStack: StackValidation): StackValidationPolicy {
    return { ...base(spec), validateStack };
}

export function intConfig(defaultValue: number, description: string, minimum = 0): PolicyConfigSchema["properties"][string] {
    return { type: "integer", default: defaultValue, minimum, description };
}

export function numberConfig(defaultValue: number, description: string): PolicyConfigSchema["properties"][string] {
    return { type: "number", default: defaultValue, description };
}

export function stringListConfig(defaultValue: readonly string[], description: string): PolicyConfigSchema["properties"][string] {
    return { type: "array", items: { type: "string" }, default: [...defaultValue], description };
}

/** The `stage` property of stack policies: empty means "from the resources' stage tags". */
export const STAGE_CONFIG: PolicyConfigSchema["properties"] = {
    stage: { type: "string", enum: ["", "startup", "growth", "mature"], default: "", description: "Stage of the stack; empty reads the `stage` tag of its resources." },
};
