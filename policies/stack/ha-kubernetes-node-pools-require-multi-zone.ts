import { clusterNodePools } from "../availability/tiers";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { distinctStrings, list, num, record } from "../lib/values";
import { spreadFindings } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

const POOL_TYPES = ["alicloud:cs/nodePool:NodePool", "aws:eks/nodeGroup:NodeGroup"];

/**
 * A cluster's node pools together span >= 2 zones, and each keeps at least one node per zone it
 * covers. Checked per cluster, not per pool: one pool per zone (the layout cluster autoscalers
 * balance best) is as highly available as one pool over all zones.
 */
export const haKubernetesNodePoolsRequireMultiZone = stackRule(
    {
        name: "ha-kubernetes-node-pools-require-multi-zone",
        description: "The node pools of each managed Kubernetes cluster (ACK node pools, EKS node groups) together span >= 2 zones, each pool keeping >= 1 node per zone it covers.",
        category: "availability",
        remediation: "Add a node pool per zone (or give one pool a vSwitch/subnet per zone) and keep each pool's minimum >= its zone count.",
        config: { minZones: intConfig(2, "Minimum zones covered by a cluster's node pools.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        const pools = nodes.filter((n) => POOL_TYPES.includes(n.type));
        if (pools.length === 0) args.notApplicable("no Kubernetes node pool");
        const minZones = args.getConfig<Config>().minZones;
        for (const first of pools.filter((p) => clusterNodePools(p, nodes)[0] === p)) {
            const members = clusterNodePools(first, nodes);
            const zonesOf = (n: (typeof members)[number]): string[] => distinctStrings([...list(n.type.startsWith("aws:") ? n.props.subnetIds : n.props.vswitchIds)]);
            const zones = distinctStrings(members.flatMap(zonesOf)).length;
            spreadFindings(`node pools of cluster ${String(first.props.clusterId ?? first.props.clusterName ?? first.region)}`, zones, undefined, minZones).forEach((m) => report(m, first.urn));
            for (const pool of members) {
                const scaling = record(pool.props.scalingConfig);
                const min = pool.type.startsWith("aws:") ? num(scaling.minSize) : scaling.enable === true ? num(scaling.minSize) : num(pool.props.desiredSize ?? pool.props.nodeCount);
                spreadFindings("node pool", zonesOf(pool).length, min, 1).forEach((m) => report(m, pool.urn));
            }
        }
    },
);
