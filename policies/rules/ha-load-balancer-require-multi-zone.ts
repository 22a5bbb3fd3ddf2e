import { SpreadTarget, spreadRule } from "../lib/spread";

export const LOAD_BALANCERS: readonly SpreadTarget[] = [
    { type: "alicloud:alb/loadBalancer:LoadBalancer", kind: "ALB" },
    // the growth and mature video ingest (RTMP/SRT over TCP); the CLI's own rule too: "You must add
    // at least two zones" (@pulumi/alicloud nlb/loadBalancer.d.ts zoneMappings)
    { type: "alicloud:nlb/loadBalancer:LoadBalancer", kind: "NLB" },
    { type: "aws:lb/loadBalancer:LoadBalancer", kind: "Load balancer" },
];

const rule = spreadRule(
    {
        name: "ha-load-balancer-require-multi-zone",
        description: "Load balancers (ALB on both clouds, NLB on Alibaba Cloud; an AWS NLB is an aws.lb.LoadBalancer too) run in >= 2 zones.",
        category: "availability",
        remediation: "Give the load balancer one `zoneMappings` entry (Alibaba Cloud) or one subnet (AWS `subnets`/`subnetMappings`) per zone.",
    },
    LOAD_BALANCERS,
    "Minimum zones of a load balancer.",
);

export const haLoadBalancerRequireMultiZone = rule.policy;
/** Load balancers in fewer than `minZones` zones (zone mappings; subnets resolved to their zones). */
export const loadBalancerJudgement = rule.judge;
