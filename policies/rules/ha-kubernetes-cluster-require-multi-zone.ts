import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { distinctStrings, num } from "../lib/values";
import { spreadFindings } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

export const haKubernetesClusterRequireMultiZone = resourceRule(
    {
        name: "ha-kubernetes-cluster-require-multi-zone",
        description: "Managed Kubernetes clusters and node pools span >= 2 zones with at least one node per zone (ACK, EKS).",
        category: "availability",
        remediation: "Give cs.ManagedKubernetes `vswitchIds`/`zoneIds`, cs.NodePool `vswitchIds`, eks.Cluster `vpcConfig.subnetIds` and eks.NodeGroup `subnetIds` one entry per zone; keep node pool minimums >= the zone count.",
        config: { minZones: intConfig(2, "Minimum zones of a cluster or node pool.", 1) },
    },
    [
        validateResourceOfType(alicloud.cs.ManagedKubernetes, (c, args, report) => {
            const zones = Math.max(...[c.zoneIds, c.vswitchIds, c.workerVswitchIds].map((l) => distinctStrings(l ?? []).length));
            spreadFindings("ACK cluster", zones, undefined, args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
        validateResourceOfType(alicloud.cs.NodePool, (p, args, report) => {
            const min = p.scalingConfig?.enable === true ? num(p.scalingConfig.minSize) : num(p.desiredSize ?? p.nodeCount);
            spreadFindings("ACK node pool", distinctStrings(p.vswitchIds ?? []).length, min, args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.eks.Cluster, (c, args, report) => {
            spreadFindings("EKS cluster", distinctStrings(c.vpcConfig.subnetIds ?? []).length, undefined, args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.eks.NodeGroup, (g, args, report) => {
            spreadFindings("EKS node group", distinctStrings(g.subnetIds).length, num(g.scalingConfig.minSize), args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
    ],
);
