import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { num } from "../lib/values";
import { detectionSeconds } from "../lib/zones";

interface Config {
    readonly maxDetectionSeconds: number;
}

/**
 * Provider defaults when a field is unset (ALB server group: 2 s x 3; AWS target group: 30 s x 3;
 * NLB server group: 10 s x 2, @pulumi/alicloud 3.108.0 types/input.d.ts nlb.ServerGroupHealthCheck
 * `healthCheckInterval` "Default value: `10`", `unhealthyThreshold` "Default value: `2`").
 */
export const HEALTH_CHECK_DEFAULTS = {
    alicloud: { interval: 2, unhealthyThreshold: 3 },
    aws: { interval: 30, unhealthyThreshold: 3 },
    nlb: { interval: 10, unhealthyThreshold: 2 },
} as const;

function findings(kind: string, enabled: boolean | undefined, interval: number, threshold: number, max: number): string[] {
    if (enabled === false) return [`${kind} health checks are disabled; a dead target keeps receiving traffic.`];
    const seconds = detectionSeconds(interval, threshold);
    return seconds > max ? [`${kind} detects a dead target in ${interval} s x ${threshold} = ${seconds} s; at most ${max} s keeps failover within the 30 s budget.`] : [];
}

export const haLoadBalancerRequireFastHealthCheck = resourceRule(
    {
        name: "ha-load-balancer-require-fast-health-check",
        description: "Target health checks detect a dead target well within 30 s (interval x unhealthy threshold).",
        category: "availability",
        remediation: "Enable health checks and set e.g. interval 5 s x unhealthy threshold 2 (`healthCheckConfig` of alb.ServerGroup, `healthCheck` of nlb.ServerGroup and lb.TargetGroup).",
        config: { maxDetectionSeconds: intConfig(15, "Longest allowed detection time in seconds.", 1) },
    },
    [
        validateResourceOfType(alicloud.alb.ServerGroup, (sg, args, report) => {
            const hc = sg.healthCheckConfig ?? {};
            const d = HEALTH_CHECK_DEFAULTS.alicloud;
            findings("ALB server group", hc.healthCheckEnabled, num(hc.healthCheckInterval) ?? d.interval, num(hc.unhealthyThreshold) ?? d.unhealthyThreshold, args.getConfig<Config>().maxDetectionSeconds).forEach((m) => report(m));
        }),
        validateResourceOfType(alicloud.nlb.ServerGroup, (sg, args, report) => {
            const hc = sg.healthCheck ?? {};
            const d = HEALTH_CHECK_DEFAULTS.nlb;
            findings("NLB server group", hc.healthCheckEnabled, num(hc.healthCheckInterval) ?? d.interval, num(hc.unhealthyThreshold) ?? d.unhealthyThreshold, args.getConfig<Config>().maxDetectionSeconds).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.lb.TargetGroup, (tg, args, report) => {
            const hc = tg.healthCheck ?? {};
            const d = HEALTH_CHECK_DEFAULTS.aws;
            findings("Target group", hc.enabled, num(hc.interval) ?? d.interval, num(hc.unhealthyThreshold) ?? d.unhealthyThreshold, args.getConfig<Config>().maxDetectionSeconds).forEach((m) => report(m));
        }),
    ],
);
