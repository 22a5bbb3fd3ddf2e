import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { distinctStrings } from "../lib/values";
import { spreadFindings } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

export const haKubernetesClusterRequireMultiZone = resourceRule(
    {
        name: "ha-kubernetes-cluster-require-multi-zone",
        description: "Managed Kubernetes control planes (ACK, EKS) span >= 2 zones; node pools are checked per cluster by ha-kubernetes-node-pools-require-multi-zone.",
        category: "availability",
        remediation: "Give cs.ManagedKubernetes `vswitchIds`/`zoneIds` and eks.Cluster `vpcConfig.subnetIds` one entry per zone.",
        config: { minZones: intConfig(2, "Minimum zones of a cluster control plane.", 1) },
    },
    [
        validateResourceOfType(alicloud.cs.ManagedKubernetes, (c, args, report) => {
            const zones = Math.max(...[c.zoneIds, c.vswitchIds, c.workerVswitchIds].map((l) => distinctStrings(l ?? []).length));
            spreadFindings("ACK cluster", zones, undefined, args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.eks.Cluster, (c, args, report) => {
            spreadFindings("EKS cluster", distinctStrings(c.vpcConfig.subnetIds ?? []).length, undefined, args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
    ],
);
