import { LOAD_BALANCERS, STEERING_REFERENCES, dataGroups, servingRegions, steeredRegions } from "../availability/global";
import { Node } from "../availability/tiers";
import { RegionFinding, multiRegionRule } from "./multi-region-rule";

/**
 * Regions that can stand in for another (a global database spans them with another serving region)
 * whose steering entry has no health check of the region's load balancer. A region holding its own
 * data (outside the global database, e.g. a separate partition for data residency answering its
 * own hostname) cannot take another region's users, so steering has nothing to move to it.
 */
export function steeringFindings(nodes: readonly Node[]): RegionFinding[] {
    const regions = servingRegions(nodes);
    if (regions.length < 2) return [];
    const steered = steeredRegions(nodes);
    const shared = dataGroups(nodes, regions).filter((g) => g.length > 1).flat();
    return shared
        .filter((r) => !steered.includes(r))
        .map((r) => {
            const lb = nodes.find((n) => LOAD_BALANCERS.includes(n.type) && n.region === r);
            return { message: `region ${r} has no health-checked steering entry (${steeringEntry(lb?.type)}): DNS keeps sending users to ${r} when it fails.`, urn: lb?.urn };
        });
}

/** What a health-checked steering entry is on the cloud of a load balancer type (the provider's prefix); both when unknown. */
export function steeringEntry(loadBalancerType: string | undefined): string {
    const aws = "a Route 53 record with a routing policy aliasing its load balancer and an active health check of it";
    const alicloud = "a GTM address pool of it in the access strategy with a monitor";
    if (loadBalancerType?.startsWith("aws:") === true) return aws;
    if (loadBalancerType?.startsWith("alicloud:") === true) return alicloud;
    return `${aws}, or ${alicloud}`;
}

export const haStackRequireSteeringHealthChecks = multiRegionRule(
    {
        name: "ha-stack-require-steering-health-checks",
        description:
            "A stack serving from two regions or more health-checks the steering entry of every region that holds the same data as another (a global database spans them): a Route 53 record per region with a routing policy and an active health check of that region's load balancer, or a GTM address pool per region in the access strategy with its monitor. Mandatory for mature stacks.",
        remediation: "Declare the steering per region (components/<cloud>/steering.ts: a health check and latency record per region on AWS, an address pool and MonitorConfig per region on Alibaba Cloud).",
    },
    STEERING_REFERENCES,
    (nodes) => steeringFindings(nodes),
);
