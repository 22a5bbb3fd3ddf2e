// The shape the mature multi-region rules share: availability rules that apply to a stack serving
// from two regions or more, mandatory for mature and advisory below (one region needs none of them).

import type { StackValidationPolicy } from "@pulumi/policy";

import { CDN_REFERENCES, GLOBAL_DATABASE_REFERENCES, Reference, STEERING_REFERENCES, servingRegions, unresolvedReferences } from "../availability/global";
import { Node } from "../availability/tiers";
import { RuleSpec, STAGE_CONFIG, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";

/** A finding of a multi-region rule: the message and the resource it names, when one does. */
export interface RegionFinding {
    readonly message: string;
    readonly urn?: string;
}

/**
 * A stack rule over the stack's nodes and its config values, not applicable below two serving
 * regions; `findings` are reported as they come. While one of `references` is unknown and no
 * dependency resolves it (a first preview of resources outside the graph), the rule reports
 * nothing: what it would judge is listed by ha-stack-cannot-judge-from-input instead.
 */
export function multiRegionRule(spec: Omit<RuleSpec, "category" | "stageDefaults">, references: readonly Reference[], findings: (nodes: readonly Node[], config: Readonly<Record<string, unknown>>) => readonly RegionFinding[]): StackValidationPolicy {
    return stackRule({ ...spec, category: "availability", stageDefaults: { startup: "advisory", growth: "advisory" }, config: { ...STAGE_CONFIG, ...(spec.config ?? {}) } }, (args, report) => {
        const nodes = toNodes(args.resources);
        if (servingRegions(nodes).length < 2) args.notApplicable("the stack serves from one region");
        if (unresolvedReferences(spec.name, nodes, references).length > 0) args.notApplicable("references unknown until created (see ha-stack-cannot-judge-from-input)");
        findings(nodes, args.getConfig<Record<string, unknown>>()).forEach((f) => report(f.message, f.urn));
    });
}

/** The multi-region rules' references that cannot be judged until created, for ha-stack-cannot-judge-from-input. */
export const MULTI_REGION_REFERENCES: readonly (readonly [rule: string, references: readonly Reference[]])[] = [
    ["ha-stack-require-global-database", GLOBAL_DATABASE_REFERENCES],
    ["ha-stack-require-cdn-origin-failover", CDN_REFERENCES],
    ["ha-stack-require-steering-health-checks", STEERING_REFERENCES],
];
