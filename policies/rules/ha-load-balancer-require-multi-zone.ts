import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { distinctStrings } from "../lib/values";

interface Config {
    readonly minZones: number;
}

function finding(kind: string, zones: number, min: number): string | undefined {
    return zones < min ? `${kind} is placed in ${zones} zone(s)/subnet(s); at least ${min} are required.` : undefined;
}

export const haLoadBalancerRequireMultiZone = resourceRule(
    {
        name: "ha-load-balancer-require-multi-zone",
        description: "Load balancers (ALB on both clouds) run in >= 2 zones.",
        category: "availability",
        remediation: "Give the load balancer one `zoneMappings` entry (Alibaba Cloud) or one subnet (AWS `subnets`/`subnetMappings`) per zone.",
        config: { minZones: intConfig(2, "Minimum zones of a load balancer.", 1) },
    },
    [
        validateResourceOfType(alicloud.alb.LoadBalancer, (lb, args, report) => {
            const m = finding("ALB", distinctStrings(lb.zoneMappings.map((z) => z.zoneId)).length, args.getConfig<Config>().minZones);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(aws.lb.LoadBalancer, (lb, args, report) => {
            const subnets = distinctStrings([...(lb.subnets ?? []), ...(lb.subnetMappings ?? []).map((s) => s.subnetId)]);
            const m = finding("Load balancer", subnets.length, args.getConfig<Config>().minZones);
            if (m !== undefined) report(m);
        }),
    ],
);
