// The shape the mature multi-region rules share: availability rules that apply to a stack serving
// from two regions or more, mandatory for mature and advisory below (one region needs none of them).

import type { StackValidationPolicy } from "@pulumi/policy";

import { servingRegions } from "../availability/global";
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
 * regions; `findings` are reported as they come.
 */
export function multiRegionRule(spec: Omit<RuleSpec, "category" | "stageDefaults">, findings: (nodes: readonly Node[], config: Readonly<Record<string, unknown>>) => readonly RegionFinding[]): StackValidationPolicy {
    return stackRule({ ...spec, category: "availability", stageDefaults: { startup: "advisory", growth: "advisory" }, config: { ...STAGE_CONFIG, ...(spec.config ?? {}) } }, (args, report) => {
        const nodes = toNodes(args.resources);
        if (servingRegions(nodes).length < 2) args.notApplicable("the stack serves from one region");
        findings(nodes, args.getConfig<Record<string, unknown>>()).forEach((f) => report(f.message, f.urn));
    });
}
