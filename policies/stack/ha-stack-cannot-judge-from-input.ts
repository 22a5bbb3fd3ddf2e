import type { Node } from "../availability/tiers";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import type { Finding } from "../lib/refs";
import { scalingGroupJudgement } from "../rules/ha-autoscaling-group-require-multi-zone";
import { cacheZoneJudgement } from "../rules/ha-cache-require-multi-zone";
import { clusterJudgement } from "../rules/ha-kubernetes-cluster-require-multi-zone";
import { loadBalancerJudgement } from "../rules/ha-load-balancer-require-multi-zone";
import { queueJudgement } from "../rules/ha-queue-require-multi-zone";
import { boundaryOf, residencyJudgement } from "../rules/sec-data-store-require-residency";
import { sensitivePortJudgement } from "../rules/sec-security-group-forbid-world-sensitive-ports";
import { DEFAULT_SENSITIVE_PORTS } from "../lib/network";
import { serverlessJudgement } from "../rules/ha-serverless-app-require-multi-zone";
import { DEFAULT_MIN_INSTANCES, clusterNodesJudgement } from "./ha-database-cluster-require-multiple-nodes";
import { nodePoolJudgement } from "./ha-kubernetes-node-pools-require-multi-zone";
import { unresolvedReferences } from "../availability/global";
import { MULTI_REGION_REFERENCES } from "./multi-region-rule";

interface Config {
    readonly minZones: number;
}

/** Facts the reference-reading rules cannot judge until the resources exist (zones with `minZones` required; sensitive ports and Aurora instance counts at their rules' defaults). */
export function undeterminedFindings(nodes: readonly Node[], minZones: number): Finding[] {
    const boundary = boundaryOf(nodes, {});
    const residency = boundary === undefined ? [] : residencyJudgement(nodes, boundary).undetermined;
    const placements = [scalingGroupJudgement, loadBalancerJudgement, clusterJudgement, queueJudgement, nodePoolJudgement, serverlessJudgement, cacheZoneJudgement].flatMap((judge) => judge(nodes, minZones).undetermined);
    const ports = sensitivePortJudgement(nodes, DEFAULT_SENSITIVE_PORTS).undetermined;
    const instances = clusterNodesJudgement(nodes, DEFAULT_MIN_INSTANCES).undetermined;
    return [...placements, ...residency, ...ports, ...instances, ...MULTI_REGION_REFERENCES.flatMap(([rule, references]) => unresolvedReferences(rule, nodes, references))];
}

/**
 * The rules that read references (subnets, clusters) judge what the input tells: references
 * resolved through the resource graph to known inputs. What the input cannot tell is not a
 * violation: a value unknown until creation (a first preview: a literal list of ids computed
 * outside the graph, a subnet without a zone input), or one the input does not carry (an export's
 * or plan's secret, a subnet the stack does not declare). It is listed here, advisory at every
 * stage, naming the resource and property, so no mandatory rule is skipped without a word.
 */
export const haStackCannotJudgeFromInput = stackRule(
    {
        name: "ha-stack-cannot-judge-from-input",
        description: "Lists what the reference-reading rules cannot judge from the input (placements, the security groups a rule or resource belongs to, residency links, Aurora cluster membership): unknown until the resources are created (a first preview) and not resolvable through the resource graph, or not carried by the input (a secret, a subnet the stack does not declare).",
        category: "availability",
        remediation: "Pass zones (or subnets declared in the stack) instead of ids computed outside it or secrets, or run the check again after `pulumi up`.",
        config: { minZones: intConfig(2, "Minimum zones the multi-zone rules require (as their own minZones).", 1) },
        stageDefaults: { startup: "advisory", growth: "advisory", mature: "advisory" },
    },
    (args, report) => {
        const found = undeterminedFindings(toNodes(args.resources), args.getConfig<Config>().minZones);
        if (found.length === 0) args.notApplicable("every placement is known");
        found.forEach((f) => report(f.message, f.urn));
    },
);
