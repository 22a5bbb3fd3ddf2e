import type { Node } from "../availability/tiers";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import type { Judgement } from "../lib/refs";
import { SpreadTarget, spreadJudgement } from "../lib/spread";

interface Config {
    readonly minZones: number;
}

const NAME = "ha-kubernetes-cluster-require-multi-zone";

export const CLUSTERS: readonly SpreadTarget[] = [
    { type: "alicloud:cs/managedKubernetes:ManagedKubernetes", kind: "ACK cluster" },
    { type: "aws:eks/cluster:Cluster", kind: "EKS cluster" },
];

/** Control planes in fewer than `minZones` zones (zone ids; vSwitches/subnets resolved to their zones). */
export function clusterJudgement(nodes: readonly Node[], minZones: number): Judgement {
    return spreadJudgement(NAME, nodes, CLUSTERS, minZones);
}

export const haKubernetesClusterRequireMultiZone = stackRule(
    {
        name: NAME,
        description: "Managed Kubernetes control planes (ACK, EKS) span >= 2 zones; node pools are checked per cluster by ha-kubernetes-node-pools-require-multi-zone.",
        category: "availability",
        remediation: "Give cs.ManagedKubernetes `vswitchIds`/`zoneIds` and eks.Cluster `vpcConfig.subnetIds` one entry per zone.",
        config: { minZones: intConfig(2, "Minimum zones of a cluster control plane.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => CLUSTERS.some((t) => t.type === n.type))) args.notApplicable("no managed Kubernetes cluster");
        clusterJudgement(nodes, args.getConfig<Config>().minZones).violations.forEach((f) => report(f.message, f.urn));
    },
);
