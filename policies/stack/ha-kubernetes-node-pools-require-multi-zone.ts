import { Node, byUrnOf, clusterKeyOf, clusterNodePools } from "../availability/tiers";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { Finding, Judgement, undeterminedMessage } from "../lib/refs";
import { num, record } from "../lib/values";
import { UNDECLARED_SUBNET, ZoneCount, spreadFindings, zoneVerdict, zonesOfType } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

const NAME = "ha-kubernetes-node-pools-require-multi-zone";
const POOL_TYPES = ["alicloud:cs/nodePool:NodePool", "aws:eks/nodeGroup:NodeGroup"];

/** The minimum node count of a pool: EKS `scalingConfig.minSize`; ACK `scalingConfig.minSize` when autoscaling, else `desiredSize`/`nodeCount`. */
function poolMinimum(pool: Node): number | undefined {
    const scaling = record(pool.props.scalingConfig);
    if (pool.type.startsWith("aws:") || scaling.enable === true) return num(scaling.minSize);
    return num(pool.props.desiredSize ?? pool.props.nodeCount);
}

/** How findings name a pool's cluster: its name or known id, else the cluster resource it depends on. */
function clusterLabel(pool: Node, nodes: readonly Node[]): string {
    const key = clusterKeyOf(pool, nodes);
    if (key === undefined) return pool.region ?? "(unknown)";
    return key.startsWith("urn:") ? (key.split("::").pop() ?? key) : key.slice("value:".length);
}

/**
 * Per cluster (pools grouped by the cluster they reference, resolved through the graph): the
 * zones the pools cover together, and each pool's minimum against its own zones.
 */
export function nodePoolJudgement(nodes: readonly Node[], minZones: number): Judgement {
    const index = byUrnOf(nodes);
    const violations: Finding[] = [];
    const undetermined: Finding[] = [];
    const pools = nodes.filter((n) => POOL_TYPES.includes(n.type));
    for (const first of pools.filter((p) => clusterNodePools(p, nodes)[0] === p)) {
        const members = clusterNodePools(first, nodes);
        const counts = new Map<Node, ZoneCount>(members.map((m) => [m, zonesOfType(m, index)]));
        const names = new Set(members.flatMap((m) => counts.get(m)?.names ?? []));
        const open = members.flatMap((m) => counts.get(m)?.undetermined ?? []);
        // a subnet the stack does not declare is one entry of each pool on it, yet at most one zone for them all
        const undeclared = members.flatMap((m) => (counts.get(m)?.unreadable ?? []).filter((u) => u.endsWith(UNDECLARED_SUBNET)));
        const repeated = undeclared.length - new Set(undeclared).size;
        const atMost = names.size + members.reduce((sum, m) => sum + ((counts.get(m)?.atMost ?? 0) - (counts.get(m)?.zones ?? 0)), 0) - repeated;
        const cluster = clusterLabel(first, nodes);
        const unreadable = [...new Set(members.flatMap((m) => counts.get(m)?.unreadable ?? []))];
        const together: ZoneCount = { zones: names.size, names: [...names], atMost, undetermined: [...new Set(open)], unreadable };
        const verdict = zoneVerdict(together, minZones);
        // filed under the first pool whose placement is not known (the one to fix), not the cluster's first pool
        const unsettled = members.find((m) => (counts.get(m)?.undetermined.length ?? 0) > 0 || (counts.get(m)?.unreadable ?? []).length > 0) ?? first;
        if (verdict === "undetermined") undetermined.push({ urn: unsettled.urn, message: undeterminedMessage(NAME, `the zones of the node pools of cluster ${cluster}`, together.undetermined, unreadable) });
        else spreadFindings(`node pools of cluster ${cluster}`, verdict === "violated" ? atMost : names.size, undefined, minZones).forEach((message) => violations.push({ urn: first.urn, message }));
        for (const pool of members) {
            const c = counts.get(pool);
            if (c === undefined) continue;
            if (c.undetermined.length === 0) {
                spreadFindings("node pool", c.zones, poolMinimum(pool), 1).forEach((message) => violations.push({ urn: pool.urn, message }));
                continue;
            }
            // zones not all known: a pool placed at all covers at least one, so a minimum of 0 leaves it without a node
            const least = Math.max(c.zones, c.atMost > 0 ? 1 : 0);
            const min = poolMinimum(pool);
            if (min !== undefined && least > 0 && min < least) violations.push({ urn: pool.urn, message: `node pool keeps a minimum of ${min} instance(s) over at least ${least} zone(s)/subnet(s); the minimum must be >= the zone count so every zone runs capacity.` });
        }
    }
    return { violations, undetermined };
}

/**
 * A cluster's node pools together span >= 2 zones, and each keeps at least one node per zone it
 * covers. Checked per cluster, not per pool: one pool per zone (the layout cluster autoscalers
 * balance best) is as highly available as one pool over all zones.
 */
export const haKubernetesNodePoolsRequireMultiZone = stackRule(
    {
        name: NAME,
        description: "The node pools of each managed Kubernetes cluster (ACK node pools, EKS node groups) together span >= 2 zones, each pool keeping >= 1 node per zone it covers.",
        category: "availability",
        remediation: "Add a node pool per zone (or give one pool a vSwitch/subnet per zone) and keep each pool's minimum >= its zone count.",
        config: { minZones: intConfig(2, "Minimum zones covered by a cluster's node pools.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => POOL_TYPES.includes(n.type))) args.notApplicable("no Kubernetes node pool");
        nodePoolJudgement(nodes, args.getConfig<Config>().minZones).violations.forEach((f) => report(f.message, f.urn));
    },
);
