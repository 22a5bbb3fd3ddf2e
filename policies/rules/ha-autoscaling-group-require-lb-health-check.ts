import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const haAutoscalingGroupRequireLbHealthCheck = resourceRule(
    {
        name: "ha-autoscaling-group-require-lb-health-check",
        description: "Scaling groups replace instances the load balancer finds unhealthy, not only instances that stopped.",
        category: "availability",
        remediation: "Set `healthCheckType: \"ELB\"` (AWS) or `healthCheckTypes: [\"LOAD_BALANCER\"]` (ESS) with a grace period that covers boot and app start.",
    },
    [
        validateResourceOfType(alicloud.ess.ScalingGroup, (g, _args, report) => {
            const types = [...(g.healthCheckTypes ?? []), ...(g.healthCheckType !== undefined ? [g.healthCheckType] : [])];
            if (!types.includes("LOAD_BALANCER")) report(`ESS scaling group health checks are ${types.join(", ") || "ECS (default)"}; include LOAD_BALANCER.`);
        }),
        validateResourceOfType(aws.autoscaling.Group, (g, _args, report) => {
            if (g.healthCheckType !== "ELB") report(`Auto Scaling group healthCheckType is ${g.healthCheckType ?? "EC2 (default)"}; use ELB.`);
        }),
    ],
);
