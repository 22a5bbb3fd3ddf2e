import type { Node } from "../availability/tiers";
import { byUrnOf, nodesOfType } from "../availability/tiers";
import { toNodes } from "../lib/nodes";
import { intConfig, stackRule } from "../lib/policy";
import { Finding, Judgement, isUnknown, refersTo, undeterminedMessage } from "../lib/refs";
import { str } from "../lib/values";
import { ZoneCount, spreadFindings, valuesAt, zoneCount, zoneVerdict } from "../lib/zones";

/**
 * A zone id written with whitespace around it (`"cn-hangzhou-h "`) is no zone the cloud has: the
 * replica's zone cannot be judged equal or different, so it is a finding naming it (the
 * provider-conformance table rejects it too). Undefined when both are clean.
 */
export function zonePadding(zoneId: string | undefined, secondaryZoneId: string | undefined): string | undefined {
    const bad = [["zoneId", zoneId], ["secondaryZoneId", secondaryZoneId]].filter(([, z]) => z !== undefined && z.trim() !== z);
    return bad.length === 0 ? undefined : `${bad.map(([k, z]) => `${k} ${JSON.stringify(z)}`).join(" and ")} ${bad.length === 1 ? "is not a zone id" : "are not zone ids"} (whitespace around it); the replica's zone is unknown.`;
}

const KVSTORE = "alicloud:kvstore/instance:Instance";
const TAIR = "alicloud:redis/tairInstance:TairInstance";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const CACHE_SUBNET_GROUP = "aws:elasticache/subnetGroup:SubnetGroup";

/** The finding of an Alibaba Cloud Redis/Tair instance's primary and secondary zone (`what`: "Redis instance", "Tair instance"); none while either is unknown (a first preview). */
function secondaryZoneFinding(what: string, primary: unknown, secondary: unknown): string | undefined {
    if (isUnknown(primary) || isUnknown(secondary)) return undefined;
    const zone = str(primary);
    const second = str(secondary);
    if (second === undefined || second.trim() === "") return `${what} has no secondaryZoneId; its replica shares the primary's zone.`;
    const padded = zonePadding(zone, second);
    if (padded !== undefined) return padded;
    return second === zone ? `${what} secondaryZoneId equals its zone ${zone}.` : undefined;
}

/**
 * The zones an ElastiCache replication group's nodes can be in: its cache subnet group's subnets
 * (`subnetGroupName` names an elasticache.SubnetGroup by its `name`, or depends on it; "Name of
 * the cache subnet group to be used for the replication group", @pulumi/aws
 * elasticache/replicationGroup.d.ts; the group's `subnetIds`, elasticache/subnetGroup.d.ts): every
 * node is placed in one of them, so a group whose subnets share one zone keeps primary and replica
 * in it whatever `multiAzEnabled` says. Undefined when the group names no subnet group of the stack
 * (the default subnet group, or one the input does not carry: not judged here).
 */
function subnetGroupZones(group: Node, nodes: readonly Node[]): ZoneCount | undefined {
    const subnetGroup = nodesOfType(nodes, CACHE_SUBNET_GROUP).find((g) => refersTo(group, "subnetGroupName", g.urn, g.props.name));
    return subnetGroup === undefined ? undefined : zoneCount(subnetGroup, [{ path: "subnetIds", kind: "subnet" }], byUrnOf(nodes));
}

/**
 * The findings of one ElastiCache replication group: Multi-AZ off; its cache subnet group's
 * subnets in fewer than `minZones` zones; its `preferredCacheClusterAzs`, when set, naming fewer
 * ("List of EC2 availability zones in which the replication group's cache clusters will be
 * created ... The first item in the list will be the primary node", replicationGroup.d.ts).
 */
function replicationGroupJudgement(rule: string, group: Node, nodes: readonly Node[], minZones: number): Judgement {
    const name = group.urn.split("::").pop() ?? group.urn;
    const violations: Finding[] = [];
    const undetermined: Finding[] = [];
    if (!isUnknown(group.props.multiAzEnabled) && group.props.multiAzEnabled !== true) violations.push({ urn: group.urn, message: "ElastiCache replication group multiAzEnabled is not true." });
    const placements: [string, ZoneCount | undefined][] = [
        ["cache subnet group", subnetGroupZones(group, nodes)],
        ["preferredCacheClusterAzs", valuesAt(group.props, "preferredCacheClusterAzs").length > 0 ? zoneCount(group, [{ path: "preferredCacheClusterAzs", kind: "zone" }], byUrnOf(nodes)) : undefined],
    ];
    for (const [what, c] of placements) {
        if (c === undefined) continue;
        const verdict = zoneVerdict(c, minZones);
        if (verdict === "undetermined") undetermined.push({ urn: group.urn, message: undeterminedMessage(rule, `the zones of the ${what} of ElastiCache replication group ${name}`, c.undetermined, c.unreadable) });
        else if (verdict === "violated") spreadFindings(`ElastiCache replication group's ${what}`, c.atMost, undefined, minZones).forEach((message) => violations.push({ urn: group.urn, message }));
    }
    return { violations, undetermined };
}

/** Redis/Tair instances whose replica shares the primary's zone, and replication groups that cannot place their replicas in `minZones` zones. */
export function cacheZoneJudgement(nodes: readonly Node[], minZones: number): Judgement {
    const rule = "ha-cache-require-multi-zone";
    const violations: Finding[] = [];
    const undetermined: Finding[] = [];
    for (const n of nodesOfType(nodes, KVSTORE)) {
        const message = secondaryZoneFinding("Redis instance", n.props.zoneId ?? n.props.availabilityZone, n.props.secondaryZoneId);
        if (message !== undefined) violations.push({ urn: n.urn, message });
    }
    for (const n of nodesOfType(nodes, TAIR)) {
        const message = secondaryZoneFinding("Tair instance", n.props.zoneId, n.props.secondaryZoneId);
        if (message !== undefined) violations.push({ urn: n.urn, message });
    }
    for (const n of nodesOfType(nodes, REPLICATION_GROUP)) {
        const j = replicationGroupJudgement(rule, n, nodes, minZones);
        violations.push(...j.violations);
        undetermined.push(...j.undetermined);
    }
    return { violations, undetermined };
}

/**
 * A stack rule: an ElastiCache replication group's zones are those of the subnets of the cache
 * subnet group it names, another resource (references resolved through the resource graph, as
 * the other multi-zone rules do).
 */
export const haCacheRequireMultiZone = stackRule(
    {
        name: "ha-cache-require-multi-zone",
        description: "Redis keeps its replica in a second zone (Tair/Redis secondary zone; ElastiCache Multi-AZ over a cache subnet group spanning >= 2 zones).",
        category: "availability",
        remediation: "Set `secondaryZoneId` to another zone than `zoneId` (kvstore.Instance, redis.TairInstance); `multiAzEnabled: true` and a cache subnet group with a subnet in each of two zones or more (elasticache.ReplicationGroup, elasticache.SubnetGroup `subnetIds`).",
        config: { minZones: intConfig(2, "Minimum zones of an ElastiCache replication group's cache subnet group (and of its preferredCacheClusterAzs when set).", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => n.type === KVSTORE || n.type === TAIR || n.type === REPLICATION_GROUP)) args.notApplicable("no Redis/Tair instance or ElastiCache replication group");
        const { minZones } = args.getConfig<{ readonly minZones: number }>();
        cacheZoneJudgement(nodes, minZones).violations.forEach((f) => report(f.message, f.urn));
    },
);
