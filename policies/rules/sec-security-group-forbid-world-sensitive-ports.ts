import type { Node } from "../availability/tiers";
import { DEFAULT_MIN_PUBLIC_PREFIX, DEFAULT_SENSITIVE_PORTS, PortRange, addressRanges, describeWideness, exposedPorts, parseSlashRange, publicAddressCount, rangeOf, tooWide } from "../lib/network";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { Finding, Judgement, containsUnknown, depsOf, isUnknown, undeterminedMessage } from "../lib/refs";
import { isRecord, list, record } from "../lib/values";

const RULE = "sec-security-group-forbid-world-sensitive-ports";

interface Config {
    readonly ports: readonly number[];
    readonly minPublicPrefixIpv4: number;
    readonly minPublicPrefixIpv6: number;
}

/** Security group types: what a rule's `securityGroupId` and a resource's security group list refer to. */
export const SECURITY_GROUP_TYPES: readonly string[] = ["aws:ec2/securityGroup:SecurityGroup", "alicloud:ecs/securityGroup:SecurityGroup"];

/** Resources that hold ingress permissions themselves (never "attached" to the groups they name). */
const RULE_TYPES: readonly string[] = [
    "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    "aws:ec2/securityGroupRule:SecurityGroupRule",
    ...SECURITY_GROUP_TYPES,
];

/**
 * Prefix lists a rule may admit instead of a CIDR (SDK inputs at @pulumi/aws 7.48.0,
 * @pulumi/alicloud 3.108.0): aws ec2.ManagedPrefixList `entries[].cidr`, aws
 * ec2.ManagedPrefixListEntry `cidr` (its `prefixListId` names the list), alicloud vpc.PrefixList
 * `entrys[].cidr`.
 */
const PREFIX_LIST_TYPES: readonly string[] = ["aws:ec2/managedPrefixList:ManagedPrefixList", "alicloud:vpc/prefixList:PrefixList"];
const PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";

/** One ingress permission: the group it opens, its source CIDRs and port range. */
export interface Ingress {
    readonly urn: string;
    /** The security group it belongs to: `urn:<group urn>` (by dependency) or `value:<id>`; undefined while not known. */
    readonly group: string | undefined;
    readonly sources: readonly unknown[];
    readonly range: PortRange;
    /** Properties that decide what the permission opens or where, not known before the resources exist and resolved by no dependency. */
    readonly unknown: readonly string[];
}

/**
 * A reference to security groups held by property `prop` of `n`: the groups it depends on, else
 * its known values; `unknown` when a value is not known and no dependency resolves it.
 */
export function groupRefs(n: Node, prop: string, index: ReadonlyMap<string, Node>): { readonly keys: string[]; readonly unknown: boolean } {
    const byDeps = depsOf(n, prop).filter((u) => SECURITY_GROUP_TYPES.includes(index.get(u)?.type ?? ""));
    if (byDeps.length > 0) return { keys: byDeps.map((u) => `urn:${u}`), unknown: false };
    const values = list(n.props[prop]);
    return { keys: values.filter((v): v is string => typeof v === "string" && v !== "" && !isUnknown(v)).map((v) => `value:${v}`), unknown: values.some(containsUnknown) };
}

/** The CIDRs of the stack's prefix lists a property refers to (by dependency); `unknown` when an unknown id resolves to none. */
function prefixListSources(n: Node, prop: string, value: unknown, nodes: readonly Node[], index: ReadonlyMap<string, Node>): { readonly cidrs: unknown[]; readonly unknown: boolean } {
    if (value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0)) return { cidrs: [], unknown: false };
    const lists = depsOf(n, prop).filter((u) => PREFIX_LIST_TYPES.includes(index.get(u)?.type ?? ""));
    if (lists.length === 0) return { cidrs: [], unknown: containsUnknown(value) };
    const inline = lists.flatMap((u) => {
        const p = index.get(u)?.props ?? {};
        return [...list(p.entries), ...list(p.entrys)].map((e) => record(e).cidr);
    });
    const entries = nodes.filter((e) => e.type === PREFIX_LIST_ENTRY && depsOf(e, "prefixListId").some((u) => lists.includes(u))).map((e) => e.props.cidr);
    return { cidrs: [...inline, ...entries], unknown: false };
}

/**
 * Every ingress permission of the stack, wherever it lives (SDK inputs at @pulumi/alicloud 3.108.0,
 * @pulumi/aws 7.48.0): alicloud ecs.SecurityGroupRule (`type` ingress, `policy` accept,
 * `cidrIp`/`ipv6CidrIp`/`prefixListId`), aws vpc.SecurityGroupIngressRule
 * (`cidrIpv4`/`cidrIpv6`/`prefixListId`), aws ec2.SecurityGroupRule (`type` ingress,
 * `cidrBlocks`/`ipv6CidrBlocks`/`prefixListIds`) and the inline `ingress` blocks of aws
 * ec2.SecurityGroup (`cidrBlocks`/`ipv6CidrBlocks`/`prefixListIds`).
 */
export function ingressOf(nodes: readonly Node[], index: ReadonlyMap<string, Node> = new Map(nodes.map((n) => [n.urn, n]))): Ingress[] {
    return nodes.flatMap((n): Ingress[] => {
        const p = n.props;
        const of = (sources: unknown[], range: PortRange, prefixProp: string, prefixValue: unknown, group?: string): Ingress => {
            const ref = group === undefined ? groupRefs(n, "securityGroupId", index) : { keys: [group], unknown: false };
            const prefixes = prefixListSources(n, prefixProp, prefixValue, nodes, index);
            const unknown = [...(ref.keys.length === 0 && ref.unknown ? ["securityGroupId"] : []), ...(prefixes.unknown ? [prefixProp] : []), ...(sources.some(containsUnknown) ? ["source CIDRs"] : [])];
            return { urn: n.urn, group: ref.keys[0], sources: [...sources, ...prefixes.cidrs], range, unknown };
        };
        switch (n.type) {
            case "alicloud:ecs/securityGroupRule:SecurityGroupRule":
                if (p.type !== "ingress" || p.policy === "drop") return [];
                return [of([p.cidrIp, p.ipv6CidrIp], p.ipProtocol === "all" ? { from: 0, to: 65535 } : parseSlashRange(p.portRange), "prefixListId", p.prefixListId)];
            case "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule":
                return [of([p.cidrIpv4, p.cidrIpv6], rangeOf(p.fromPort, p.toPort, p.ipProtocol), "prefixListId", p.prefixListId)];
            case "aws:ec2/securityGroupRule:SecurityGroupRule":
                if (p.type !== "ingress") return [];
                return [of([...list(p.cidrBlocks), ...list(p.ipv6CidrBlocks)], rangeOf(p.fromPort, p.toPort, p.protocol), "prefixListIds", p.prefixListIds)];
            case "aws:ec2/securityGroup:SecurityGroup":
                return list(p.ingress).map(record).map((rule) => of([...list(rule.cidrBlocks), ...list(rule.ipv6CidrBlocks)], rangeOf(rule.fromPort, rule.toPort, rule.protocol), "ingress", rule.prefixListIds, `urn:${n.urn}`));
        }
        return [];
    });
}

/** A resource that security groups are attached to, and the groups (keys as in Ingress.group). */
export interface Attachment {
    readonly urn: string;
    readonly groups: readonly string[];
    /** Properties naming security groups that are not known and resolved by no dependency. */
    readonly unknown: readonly string[];
}

/** Property names that hold security groups on either cloud (securityGroups, securityGroupIds, vpcSecurityGroupIds, securityGroupId, ...). */
const GROUP_PROP = /securitygroup(s|id|ids)?$/i;

/** Whether `v` holds, at any depth, a key naming security groups whose value is unknown. */
function unknownGroupKey(v: unknown, depth = 0): boolean {
    if (depth > 6) return false;
    if (Array.isArray(v)) return v.some((x) => unknownGroupKey(x, depth + 1));
    if (!isRecord(v)) return false;
    return Object.entries(v).some(([k, x]) => (GROUP_PROP.test(k) && containsUnknown(x)) || unknownGroupKey(x, depth + 1));
}

/**
 * Every resource of the stack that security groups are attached to (an instance, launch template,
 * scaling configuration, node pool, cluster, load balancer, database, cache, ...): the groups
 * any of its properties depend on, or name by a known value in a property holding security groups.
 */
export function attachmentsOf(nodes: readonly Node[], index: ReadonlyMap<string, Node>): Attachment[] {
    return nodes.filter((n) => !RULE_TYPES.includes(n.type)).flatMap((n): Attachment[] => {
        const groups = new Set<string>();
        const unknown: string[] = [];
        for (const [prop, value] of Object.entries(n.props)) {
            const byDeps = depsOf(n, prop).filter((u) => SECURITY_GROUP_TYPES.includes(index.get(u)?.type ?? ""));
            byDeps.forEach((u) => groups.add(`urn:${u}`));
            if (byDeps.length > 0) continue;
            if (GROUP_PROP.test(prop)) {
                const ref = groupRefs(n, prop, index);
                ref.keys.forEach((k) => groups.add(k));
                if (ref.unknown) unknown.push(prop);
            } else if (unknownGroupKey(value)) unknown.push(prop);
        }
        return groups.size === 0 && unknown.length === 0 ? [] : [{ urn: n.urn, groups: [...groups], unknown }];
    });
}

function nameOf(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

/** Whether a permission admits some public address on one of the ports. */
function publicOnPorts(i: Ingress, ports: readonly number[]): boolean {
    if (exposedPorts(i.range, ports).length === 0) return false;
    const count = publicAddressCount(i.sources.flatMap(addressRanges));
    return count[4] > 0n || count[6] > 0n;
}

/**
 * The verdict on sensitive ports: per resource reached (each security group alone, and every
 * resource with the union of the groups attached to it) and per port, the sources of every
 * permission that opens the port there, judged together by tooWide (the whole internet, or more
 * public addresses than one `minPrefix` prefix holds). A permission whose group is not known
 * before creation is judged alone, and, when it admits public addresses on a sensitive port,
 * listed as undetermined (its group may add more); so is a resource whose groups are not known.
 */
export function sensitivePortJudgement(nodes: readonly Node[], sensitive: readonly number[], minPrefix: Readonly<Record<4 | 6, number>> = DEFAULT_MIN_PUBLIC_PREFIX): Judgement {
    const index = new Map(nodes.map((n) => [n.urn, n]));
    const ingress = ingressOf(nodes, index);
    const attachments = attachmentsOf(nodes, index);
    const reach: { readonly groups: ReadonlySet<string>; readonly via?: string }[] = [];
    const seen = new Set<string>();
    const addReach = (groups: readonly string[], via?: string): void => {
        const key = [...groups].sort().join("|");
        if (groups.length === 0 || seen.has(key)) return;
        seen.add(key);
        reach.push({ groups: new Set(groups), via });
    };
    for (const i of ingress) addReach([i.group ?? `rule:${i.urn}`]);
    for (const a of attachments) addReach(a.groups, a.urn);
    // rules by group: each resource reached reads only its groups' rules (linear in the stack, not quadratic)
    const byGroup = new Map<string, Ingress[]>();
    for (const i of ingress) {
        const g = i.group ?? `rule:${i.urn}`;
        const same = byGroup.get(g);
        if (same === undefined) byGroup.set(g, [i]);
        else same.push(i);
    }
    const violations: Finding[] = [];
    const reported = new Set<string>();
    for (const { groups, via } of reach) {
        const rules = [...groups].flatMap((g) => byGroup.get(g) ?? []);
        if (!rules.some((r) => publicOnPorts(r, sensitive))) continue;
        const byRules = new Map<string, { ports: number[]; open: Ingress[]; wide: string }>();
        for (const port of sensitive) {
            const open = rules.filter((r) => exposedPorts(r.range, [port]).length > 0);
            const wide = tooWide(open.flatMap((r) => r.sources), minPrefix);
            if (wide.length === 0) continue;
            // the fewest rules that are too wide on their own make the finding, when some are
            const alone = open.filter((r) => tooWide(r.sources, minPrefix).length > 0);
            const culprits = alone.length > 0 ? alone : open.filter((r) => publicOnPorts(r, [port]));
            const key = culprits.map((r) => r.urn).sort().join(",");
            const entry = byRules.get(key) ?? { ports: [], open: culprits, wide: describeWideness(tooWide(culprits.flatMap((r) => r.sources), minPrefix)) };
            entry.ports.push(port);
            byRules.set(key, entry);
        }
        for (const [key, { ports, open, wide }] of byRules) {
            const id = `${key}@${ports.join(",")}`;
            if (reported.has(id)) continue;
            reported.add(id);
            const cidrs = [...new Set(open.flatMap((r) => r.sources).filter((s): s is string => typeof s === "string" && s !== "" && !isUnknown(s)))];
            const groupsUsed = new Set(open.map((r) => r.group ?? r.urn));
            const through = via !== undefined && groupsUsed.size > 1 ? `, reaching ${nameOf(via)} through ${groupsUsed.size} security groups` : "";
            const what = wide.startsWith("the whole IPv") && !wide.includes(" and ") ? "the whole internet" : wide;
            violations.push({ urn: open[0].urn, message: `Ingress admits ${what} (${cidrs.join(", ")}${open.length > 1 ? ` over ${open.length} rules` : ""}${through}) on port(s) ${ports.join(", ")}.` });
        }
    }
    const undetermined: Finding[] = [];
    for (const i of ingress) {
        // an unknown group matters when the rule admits public addresses on a sensitive port (its group's other rules may add up); unknown sources always do
        const sourcesUnknown = i.unknown.some((u) => u !== "securityGroupId");
        if (i.unknown.length === 0 || exposedPorts(i.range, sensitive).length === 0 || (!sourcesUnknown && !publicOnPorts(i, sensitive))) continue;
        undetermined.push({ urn: i.urn, message: undeterminedMessage(RULE, `the addresses ${nameOf(i.urn)} admits to admin and data ports, together with the other rules of its security group,`, i.unknown) });
    }
    const anyPublic = ingress.some((i) => publicOnPorts(i, sensitive));
    for (const a of attachments) {
        if (a.unknown.length === 0 || !anyPublic) continue;
        undetermined.push({ urn: a.urn, message: undeterminedMessage(RULE, `the union of the security groups attached to ${nameOf(a.urn)}`, a.unknown) });
    }
    return { violations, undetermined };
}

export const secSecurityGroupForbidWorldSensitivePorts = stackRule(
    {
        name: RULE,
        description:
            "No resource admits the internet on admin or data ports (SSH, RDP, MySQL, PostgreSQL, Redis, Kafka, ...): the sources of every rule reaching it (over all its security groups) together cover neither the whole internet (0.0.0.0/0, ::/0, ::ffff:0.0.0.0/96, or ranges that add up to them) nor more public addresses than one /16 (IPv4) or /48 (IPv6) prefix holds.",
        category: "security",
        remediation: "Admit these ports only from a security group or the VPC/admin CIDRs (config adminCidrs, each network of your operators); reach hosts through a bastion or session manager.",
        config: {
            ports: { type: "array", items: { type: "integer", minimum: 0, maximum: 65535 }, default: [...DEFAULT_SENSITIVE_PORTS], description: "Ports never open to the internet." },
            minPublicPrefixIpv4: { type: "integer", minimum: 0, maximum: 32, default: DEFAULT_MIN_PUBLIC_PREFIX[4], description: "The public IPv4 addresses a port admits over every rule reaching a resource may be no more than one prefix of this length holds (policies/lib/network.ts, DEFAULT_MIN_PUBLIC_PREFIX). Defaults to 16." },
            minPublicPrefixIpv6: { type: "integer", minimum: 0, maximum: 128, default: DEFAULT_MIN_PUBLIC_PREFIX[6], description: "The same for IPv6. Defaults to 48." },
        },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        const config = args.getConfig<Config>();
        if (ingressOf(nodes).length === 0) args.notApplicable("no ingress permission");
        sensitivePortJudgement(nodes, config.ports, { 4: config.minPublicPrefixIpv4, 6: config.minPublicPrefixIpv6 }).violations.forEach((f) => report(f.message, f.urn));
    },
);
