import { servingRegions, steeredRegions } from "../availability/global";
import { Node } from "../availability/tiers";
import { STAGE_CONFIG, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";

const LOAD_BALANCERS: readonly string[] = ["aws:lb/loadBalancer:LoadBalancer", "alicloud:alb/loadBalancer:LoadBalancer"];

/** Regions of a multi-region stack whose steering entry has no health check of the region's load balancer. */
export function steeringFindings(nodes: readonly Node[]): { message: string; urn?: string }[] {
    const regions = servingRegions(nodes);
    if (regions.length < 2) return [];
    const steered = steeredRegions(nodes);
    return regions
        .filter((r) => !steered.includes(r))
        .map((r) => ({
            message: `region ${r} has no health-checked steering entry (a Route 53 record with a routing policy aliasing its load balancer and an active health check of it, or a GTM address pool of it in the access strategy with a monitor): DNS keeps sending users to ${r} when it fails.`,
            urn: nodes.find((n) => LOAD_BALANCERS.includes(n.type) && n.region === r)?.urn,
        }));
}

export const haStackRequireSteeringHealthChecks = stackRule(
    {
        name: "ha-stack-require-steering-health-checks",
        description:
            "A stack serving from two regions or more health-checks every region's steering entry: a Route 53 record per region with a routing policy and an active health check of that region's load balancer, or a GTM address pool per region in the access strategy with its monitor. Mandatory for mature stacks.",
        category: "availability",
        stageDefaults: { startup: "advisory", growth: "advisory" },
        remediation: "Declare the steering per region (components/<cloud>/steering.ts: a health check and latency record per region on AWS, an address pool and MonitorConfig per region on Alibaba Cloud).",
        config: { ...STAGE_CONFIG },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (servingRegions(nodes).length < 2) args.notApplicable("the stack serves from one region");
        steeringFindings(nodes).forEach((f) => report(f.message, f.urn));
    },
);
