import type { Node } from "../availability/tiers";
import { DEFAULT_SENSITIVE_PORTS, PortRange, exposedPorts, parseSlashRange, rangeOf, worldCovered } from "../lib/network";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { Finding, referenceKey } from "../lib/refs";
import { list, record } from "../lib/values";

interface Config {
    readonly ports: readonly number[];
}

/** One ingress permission: the group it opens, its source CIDRs and port range. */
export interface Ingress {
    readonly urn: string;
    /** The security group it belongs to (by reference, resolved through the graph). */
    readonly group: string;
    readonly sources: readonly unknown[];
    readonly range: PortRange;
}

/**
 * Every ingress permission of the stack, wherever it lives (SDK inputs at @pulumi/alicloud 3.108.0,
 * @pulumi/aws 7.48.0): alicloud ecs.SecurityGroupRule (`type` ingress, `policy` accept,
 * `cidrIp`/`ipv6CidrIp`), aws vpc.SecurityGroupIngressRule (`cidrIpv4`/`cidrIpv6`), aws
 * ec2.SecurityGroupRule (`type` ingress, `cidrBlocks`/`ipv6CidrBlocks`) and the inline `ingress`
 * blocks of aws ec2.SecurityGroup.
 */
export function ingressOf(nodes: readonly Node[]): Ingress[] {
    return nodes.flatMap((n): Ingress[] => {
        const p = n.props;
        const group = referenceKey(n, "securityGroupId") ?? `rule ${n.urn}`;
        switch (n.type) {
            case "alicloud:ecs/securityGroupRule:SecurityGroupRule":
                if (p.type !== "ingress" || p.policy === "drop") return [];
                return [{ urn: n.urn, group, sources: [p.cidrIp, p.ipv6CidrIp], range: p.ipProtocol === "all" ? { from: 0, to: 65535 } : parseSlashRange(p.portRange) }];
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
                return [{ urn: n.urn, group, sources: [p.cidrIpv4, p.cidrIpv6], range: rangeOf(p.fromPort, p.toPort, p.ipProtocol) }];
            case "aws:ec2/securityGroupRule:SecurityGroupRule":
                if (p.type !== "ingress") return [];
                return [{ urn: n.urn, group, sources: [...list(p.cidrBlocks), ...list(p.ipv6CidrBlocks)], range: rangeOf(p.fromPort, p.toPort, p.protocol) }];
            case "aws:ec2/securityGroup:SecurityGroup":
                return list(p.ingress).map(record).map((rule) => ({ urn: n.urn, group: `group ${n.urn}`, sources: [...list(rule.cidrBlocks), ...list(rule.ipv6CidrBlocks)], range: rangeOf(rule.fromPort, rule.toPort, rule.protocol) }));
        }
        return [];
    });
}

/**
 * Per security group and sensitive port: the sources of every permission opening that port,
 * judged by what they cover together (0.0.0.0/1 and 128.0.0.0/1 in two rules are the internet).
 */
export function worldPortFindings(ingress: readonly Ingress[], sensitive: readonly number[]): Finding[] {
    const out: Finding[] = [];
    const groups = new Map<string, Ingress[]>();
    for (const i of ingress) groups.set(i.group, [...(groups.get(i.group) ?? []), i]);
    for (const rules of groups.values()) {
        const byPorts = new Map<string, { ports: number[]; rules: Ingress[] }>();
        for (const port of sensitive) {
            const open = rules.filter((r) => exposedPorts(r.range, [port]).length > 0);
            const covered = worldCovered(open.flatMap((r) => r.sources));
            if (covered.length === 0) continue;
            const key = open.map((r) => r.urn).join(",") + covered.join("");
            const entry = byPorts.get(key) ?? { ports: [], rules: open.filter((r) => r.sources.some((s) => typeof s === "string" && s !== "")) };
            entry.ports.push(port);
            byPorts.set(key, entry);
        }
        for (const { ports, rules: open } of byPorts.values()) {
            const cidrs = [...new Set(open.flatMap((r) => r.sources).filter((s): s is string => typeof s === "string" && s !== ""))];
            out.push({ urn: open[0].urn, message: `Ingress admits the whole internet (${cidrs.join(", ")}${open.length > 1 ? ` over ${open.length} rules` : ""}) on port(s) ${ports.join(", ")}.` });
        }
    }
    return out;
}

export const secSecurityGroupForbidWorldSensitivePorts = stackRule(
    {
        name: "sec-security-group-forbid-world-sensitive-ports",
        description: "No security group admits the whole internet (0.0.0.0/0, ::/0, or ranges that add up to them) on admin or data ports (SSH, RDP, MySQL, PostgreSQL, Redis, Kafka, ...).",
        category: "security",
        remediation: "Admit these ports only from a security group or the VPC/admin CIDRs (config adminCidrs); reach hosts through a bastion or session manager.",
        config: { ports: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: [...DEFAULT_SENSITIVE_PORTS], description: "Ports never open to the internet." } },
    },
    (args, report) => {
        const ingress = ingressOf(toNodes(args.resources));
        if (ingress.length === 0) args.notApplicable("no ingress permission");
        worldPortFindings(ingress, args.getConfig<Config>().ports).forEach((f) => report(f.message, f.urn));
    },
);
