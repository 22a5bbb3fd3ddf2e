// Stage-aware enforcement: how strict a rule is depends on the stack's growth stage.
//
// Availability rules are advisory for startup stacks (single zone by design) and mandatory for
// growth and mature; security rules are mandatory at every stage. Any policy's level can be
// overridden through the pack config (`enforcementLevel`, or `stages: {startup: ...}`).

import type { EnforcementLevel } from "@pulumi/policy";

import { Props, isRecord, str, tagValue } from "./values";

export const STAGES = ["startup", "growth", "mature"] as const;
export type Stage = (typeof STAGES)[number];

export const CATEGORIES = ["availability", "security"] as const;
/** Carried as a policy tag. */
export type Category = (typeof CATEGORIES)[number];

export const ENFORCEMENT_LEVELS: readonly EnforcementLevel[] = ["advisory", "mandatory", "remediate", "disabled"];

export function isStage(v: unknown): v is Stage {
    return STAGES.some((s) => s === v);
}

export function isEnforcementLevel(v: unknown): v is EnforcementLevel {
    return ENFORCEMENT_LEVELS.some((l) => l === v);
}

/** Default enforcement of a category at a stage. */
export function defaultEnforcement(category: Category, stage: Stage | undefined): EnforcementLevel {
    if (category === "availability" && stage === "startup") return "advisory";
    return "mandatory";
}

/** The category of a policy from its tags; policies without one count as availability rules. */
export function categoryOf(tags: readonly string[] | undefined): Category {
    return tags?.includes("security") ? "security" : "availability";
}

function levelAt(stages: unknown, stage: Stage | undefined): EnforcementLevel | undefined {
    const perStage = isRecord(stages) && stage !== undefined ? stages[stage] : undefined;
    return isEnforcementLevel(perStage) ? perStage : undefined;
}

/**
 * Enforcement of one policy, first match wins: the pack config's per-stage level (`stages`), its
 * `enforcementLevel`, the policy's own per-stage default (the default of its `stages` config
 * property), the category default for the stage.
 */
export function enforcementFor(category: Category, stage: Stage | undefined, config: unknown, stageDefaults: unknown = {}): EnforcementLevel {
    const c = isRecord(config) ? config : {};
    return levelAt(c.stages, stage) ?? (isEnforcementLevel(c.enforcementLevel) ? c.enforcementLevel : undefined) ?? levelAt(stageDefaults, stage) ?? defaultEnforcement(category, stage);
}

/**
 * The stage of a stack from its resources' `stage` tags: the single value they agree on, or
 * undefined when none carries it or they disagree.
 */
export function stageFromTags(propsList: readonly Props[]): Stage | undefined {
    const seen = new Set(propsList.map((p) => tagValue(p, "stage")).filter((s): s is string => s !== undefined));
    const only = seen.size === 1 ? [...seen][0] : undefined;
    return isStage(only) ? only : undefined;
}

/** The stage a stack policy works with: its config `stage` when set, else the resources' tags. */
export function resolveStage(configStage: unknown, propsList: readonly Props[]): Stage | undefined {
    const s = str(configStage);
    return isStage(s) ? s : stageFromTags(propsList);
}
