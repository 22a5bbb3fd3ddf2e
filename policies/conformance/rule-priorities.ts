// Provider conformance across resources: two listener rules of one listener may not share a
// priority. Each rule is valid alone, so only the rules of the stack taken together tell.

import { isUnknown } from "../lib/refs";
import type { ConformanceResource, ConformanceViolation } from "./index";

/** A listener rule type, the input naming its listener, and what the cloud says of a priority in use. */
interface RuleKind {
    readonly type: string;
    readonly listener: string;
    readonly source: string;
}

/**
 * The listener rule types whose priority must be unique within their listener. AWS: CreateRule
 * fails with PriorityInUse, "The specified priority is in use" (ELB API Reference, CreateRule
 * Errors, HTTP 400; aws.lb.ListenerRule `priority`: "A listener can't have multiple rules with the
 * same priority", @pulumi/aws lb/listenerRule.d.ts). Alibaba Cloud: "The priority of each rule within the same listener must be unique"
 * (alicloud.alb.Rule `priority`, @pulumi/alicloud alb/rule.d.ts; ALB API CreateRule Priority).
 */
const RULE_KINDS: readonly RuleKind[] = [
    { type: "aws:lb/listenerRule:ListenerRule", listener: "listenerArn", source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html (Errors: PriorityInUse, \"The specified priority is in use\", HTTP 400)" },
    { type: "aws:alb/listenerRule:ListenerRule", listener: "listenerArn", source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html (Errors: PriorityInUse, \"The specified priority is in use\", HTTP 400)" },
    { type: "alicloud:alb/rule:Rule", listener: "listenerId", source: "@pulumi/alicloud alb/rule.d.ts `priority`: \"The priority of each rule within the same listener must be unique\" (ALB API CreateRule Priority)" },
];

/**
 * The listener a rule belongs to, as a key: its listener input when known, else the resources that
 * input comes from (a first preview: the listener's id is unknown, its dependency names it);
 * undefined when neither tells.
 */
function listenerKey(r: ConformanceResource, property: string): string | undefined {
    const v = r.inputs[property];
    if (typeof v === "string" && v !== "" && !isUnknown(v)) return `id ${v}`;
    const deps = r.propertyDependencies?.[property] ?? [];
    return deps.length > 0 ? `urn ${[...deps].sort().join(",")}` : undefined;
}

/**
 * The listener rules whose priority another rule of the same listener already has: each rule after
 * the first (in resource order) of a listener and priority. A rule whose priority or listener is
 * not known yet is not a finding: only what the cloud is certain to refuse.
 */
export function duplicateRulePriorities(resources: readonly ConformanceResource[]): ConformanceViolation[] {
    return RULE_KINDS.flatMap((kind) => {
        const first = new Map<string, ConformanceResource>();
        return resources.flatMap((r): ConformanceViolation[] => {
            if (!r.custom || r.type !== kind.type) return [];
            const priority = r.inputs.priority;
            const listener = listenerKey(r, kind.listener);
            if (typeof priority !== "number" || listener === undefined) return [];
            const key = `${listener} ${priority}`;
            const taken = first.get(key);
            if (taken === undefined) {
                first.set(key, r);
                return [];
            }
            return [{ urn: r.urn, type: r.type, property: "priority", value: priority, freeText: false, rule: `a priority no other rule of the listener has (${taken.name} has ${priority})`, source: kind.source }];
        });
    });
}
