import { SpreadTarget, spreadRule } from "../lib/spread";

export const CLUSTERS: readonly SpreadTarget[] = [
    { type: "alicloud:cs/managedKubernetes:ManagedKubernetes", kind: "ACK cluster" },
    { type: "aws:eks/cluster:Cluster", kind: "EKS cluster" },
];

const rule = spreadRule(
    {
        name: "ha-kubernetes-cluster-require-multi-zone",
        description: "Managed Kubernetes control planes (ACK, EKS) span >= 2 zones; node pools are checked per cluster by ha-kubernetes-node-pools-require-multi-zone.",
        category: "availability",
        remediation: "Give cs.ManagedKubernetes `vswitchIds`/`zoneIds` and eks.Cluster `vpcConfig.subnetIds` one entry per zone.",
    },
    CLUSTERS,
    "Minimum zones of a cluster control plane.",
);

export const haKubernetesClusterRequireMultiZone = rule.policy;
/** Control planes in fewer than `minZones` zones (zone ids; vSwitches/subnets resolved to their zones). */
export const clusterJudgement = rule.judge;
