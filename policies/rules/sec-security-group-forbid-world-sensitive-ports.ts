import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { DEFAULT_SENSITIVE_PORTS, PortRange, exposedPorts, isWorld, parseSlashRange, rangeOf } from "../lib/network";
import { resourceRule } from "../lib/policy";

interface Config {
    readonly ports: readonly number[];
}

/** The finding for an ingress rule open to `sources` on `range`, if it exposes a sensitive port. */
export function worldIngressFinding(kind: string, sources: readonly unknown[], range: PortRange, sensitive: readonly number[]): string | undefined {
    const world = sources.filter(isWorld);
    const ports = exposedPorts(range, sensitive);
    if (world.length === 0 || ports.length === 0) return undefined;
    return `${kind} admits ${world.join(", ")} on port(s) ${ports.join(", ")} (range ${range.from}-${range.to}).`;
}

export const secSecurityGroupForbidWorldSensitivePorts = resourceRule(
    {
        name: "sec-security-group-forbid-world-sensitive-ports",
        description: "No security group admits 0.0.0.0/0 or ::/0 on admin or data ports (SSH, RDP, MySQL, PostgreSQL, Redis, Kafka, ...).",
        category: "security",
        remediation: "Admit these ports only from a security group or the VPC/admin CIDRs (config adminCidrs); reach hosts through a bastion or session manager.",
        config: { ports: { type: "array", items: { type: "integer" }, default: [...DEFAULT_SENSITIVE_PORTS], description: "Ports never open to the internet." } },
    },
    [
        validateResourceOfType(alicloud.ecs.SecurityGroupRule, (r, args, report) => {
            if (r.type !== "ingress" || r.policy === "drop") return;
            const range = r.ipProtocol === "all" ? { from: 0, to: 65535 } : parseSlashRange(r.portRange);
            const m = worldIngressFinding("Security group rule", [r.cidrIp], range, args.getConfig<Config>().ports);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(aws.vpc.SecurityGroupIngressRule, (r, args, report) => {
            const m = worldIngressFinding("Ingress rule", [r.cidrIpv4, r.cidrIpv6], rangeOf(r.fromPort, r.toPort, r.ipProtocol), args.getConfig<Config>().ports);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(aws.ec2.SecurityGroupRule, (r, args, report) => {
            if (r.type !== "ingress") return;
            const m = worldIngressFinding("Security group rule", [...(r.cidrBlocks ?? []), ...(r.ipv6CidrBlocks ?? [])], rangeOf(r.fromPort, r.toPort, r.protocol), args.getConfig<Config>().ports);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(aws.ec2.SecurityGroup, (sg, args, report) => {
            for (const rule of sg.ingress ?? []) {
                const m = worldIngressFinding("Security group inline ingress", [...(rule.cidrBlocks ?? []), ...(rule.ipv6CidrBlocks ?? [])], rangeOf(rule.fromPort, rule.toPort, rule.protocol), args.getConfig<Config>().ports);
                if (m !== undefined) report(m);
            }
        }),
    ],
);
