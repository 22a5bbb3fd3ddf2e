import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const haLoadBalancerRequireDeletionProtection = resourceRule(
    {
        name: "ha-load-balancer-require-deletion-protection",
        description: "Load balancers on the request path cannot be deleted by accident.",
        category: "availability",
        remediation: "Set `deletionProtectionEnabled: true` (Alibaba Cloud ALB) or `enableDeletionProtection: true` (AWS).",
    },
    [
        validateResourceOfType(alicloud.alb.LoadBalancer, (lb, _args, report) => {
            if (lb.deletionProtectionEnabled !== true) report("ALB deletionProtectionEnabled is not true.");
        }),
        validateResourceOfType(aws.lb.LoadBalancer, (lb, _args, report) => {
            if (lb.enableDeletionProtection !== true) report("Load balancer enableDeletionProtection is not true.");
        }),
    ],
);
