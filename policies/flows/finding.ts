// The `flow-connected` finding: every live-commerce flow walked hop by hop (policies/flows/analyze.ts)
// by `plan` and `check`. It is configured in the pack config like a policy of the pack (its level,
// `stages`), validated against this configSchema; the Pulumi CLI, which runs only the pack's
// policies, ignores the entry (pkg/resource/analyzer/config.go applies and validates the entries
// of the pack's own policies only).

import type { Policy } from "@pulumi/policy";

import { stageOverrides } from "../lib/policy";
import { Stage, categoryOf, enforcementFor } from "../lib/stage";
import { isRecord } from "../lib/values";

export const FLOW_CONNECTED: Pick<Policy, "name" | "description" | "tags" | "configSchema"> = {
    name: "flow-connected",
    description: "Every live-commerce flow connects end to end, hop by hop (certificate names, listener to targets answering the health check, security-group path, identity, route to egress)",
    tags: ["availability"],
    // a broken flow fails the request it carries at every stage: mandatory by default everywhere
    configSchema: { properties: stageOverrides({ startup: "mandatory", growth: "mandatory", mature: "mandatory" }) },
};

/**
 * The level of the flow findings at `stage` under a validated pack config (its `flow-connected`
 * entry, `all` folded in): the entry's `stages` level, else its `enforcementLevel`, else the
 * per-stage default (mandatory), as enforcementFor decides for every policy. Defaults to "mandatory".
 */
export function flowConnectedLevel(config: Readonly<Record<string, unknown>>, stage: Stage | undefined): ReturnType<typeof enforcementFor> {
    const own = config[FLOW_CONNECTED.name];
    const entry = typeof own === "string" ? { enforcementLevel: own } : isRecord(own) ? own : {};
    return enforcementFor(categoryOf(FLOW_CONNECTED.tags), stage, entry, FLOW_CONNECTED.configSchema?.properties.stages.default);
}
