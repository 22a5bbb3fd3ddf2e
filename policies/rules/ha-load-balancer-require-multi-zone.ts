import type { Node } from "../availability/tiers";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import type { Judgement } from "../lib/refs";
import { SpreadTarget, spreadJudgement } from "../lib/spread";

interface Config {
    readonly minZones: number;
}

const NAME = "ha-load-balancer-require-multi-zone";

export const LOAD_BALANCERS: readonly SpreadTarget[] = [
    { type: "alicloud:alb/loadBalancer:LoadBalancer", kind: "ALB" },
    { type: "aws:lb/loadBalancer:LoadBalancer", kind: "Load balancer" },
];

/** Load balancers in fewer than `minZones` zones (zone mappings; subnets resolved to their zones). */
export function loadBalancerJudgement(nodes: readonly Node[], minZones: number): Judgement {
    return spreadJudgement(NAME, nodes, LOAD_BALANCERS, minZones);
}

/** A stack check: subnets are references, resolved to their zones through the resource graph. */
export const haLoadBalancerRequireMultiZone = stackRule(
    {
        name: NAME,
        description: "Load balancers (ALB on both clouds) run in >= 2 zones.",
        category: "availability",
        remediation: "Give the load balancer one `zoneMappings` entry (Alibaba Cloud) or one subnet (AWS `subnets`/`subnetMappings`) per zone.",
        config: { minZones: intConfig(2, "Minimum zones of a load balancer.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => LOAD_BALANCERS.some((t) => t.type === n.type))) args.notApplicable("no load balancer");
        loadBalancerJudgement(nodes, args.getConfig<Config>().minZones).violations.forEach((f) => report(f.message, f.urn));
    },
);
