import * as alicloud from "./sdk";
import * as k8s from "../kubernetes/sdk";
import * as pulumi from "@pulumi/pulumi";

import { CLUSTER_POD_CIDR, CLUSTER_SERVICE_CIDR, KubernetesSpec, nodeInstanceType, planNodePools, surgeNodesPerZone } from "../model";
import { ackAutoscalingSettings } from "./cluster-addons";
import { ALICLOUD_PROFILE } from "./profile";
import { Network } from "./network";

export interface KubernetesClusterArgs {
    readonly kubernetes: KubernetesSpec;
    /** The region's network: the control plane and one node pool per zone use its vSwitches. */
    readonly network: Pick<Network, "vpcId" | "vswitchIds" | "zones">;
    /**
     * Security group of the nodes (the region's app group): the data tier's rules and the ALB's
     * node-port rules admit it. Fixed at node pool creation (ACK: `security_group_ids` cannot be modified).
     */
    readonly nodeSecurityGroupId: pulumi.Input<string>;
    readonly tags: Record<string, string>;
}

/**
 * ACK managed cluster (Pro) over the vSwitches of every zone: API server on the intranet only (no
 * public SLB/EIP), Secrets encrypted with a KMS key of its own (rotated yearly), egress through the
 * region's NAT gateways (no extra NAT), and one autoscaling node pool per zone
 * (minNodesPerZone..maxNodesPerZone each) so every zone always has nodes for the zone-spread pods,
 * grown and shrunk by ACK's managed cluster-autoscaler (AutoscalingConfig, NODE_AUTOSCALING).
 * `provider` deploys workloads to it.
 *
 * ACK names versions by patch release (1.33.1-aliyun.1), so the cluster takes the newest release at
 * creation; `kubernetes.version` pins the EKS minor version and the workloads' API level.
 * With the intranet-only API server, `pulumi up` runs from inside the VPC (a runner in the VPC, or VPN).
 */
export class KubernetesCluster extends pulumi.ComponentResource {
    readonly clusterId: pulumi.Output<string>;
    readonly clusterName: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    /** Secret: the kubeconfig of the cluster (from the cluster credential API). */
    readonly kubeconfig: pulumi.Output<string>;
    readonly provider: k8s.Provider;
    readonly nodePoolIds: pulumi.Output<string>[];
    /** The ESS scaling group behind each node pool, in zone order (load balancer attachments). */
    readonly nodeScalingGroupIds: pulumi.Output<string>[];

    constructor(name: string, args: KubernetesClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:KubernetesCluster", name, {}, opts);
        const { kubernetes: k, network, tags } = args;
        const instanceType = nodeInstanceType(ALICLOUD_PROFILE.instances, k.nodeSize);
        if (instanceType === null) throw new pulumi.ResourceError(`kubernetes.nodeSize: no Alibaba Cloud instance type for ${k.nodeSize.vcpu} vCPU / ${k.nodeSize.memoryGiB} GiB`, this);
        if (network.zones.length !== network.vswitchIds.length) throw new pulumi.ResourceError("network: one vSwitch per zone expected", this);

        const key = new alicloud.kms.Key(
            `${name}-secrets-key`,
            {
                description: `${name} Kubernetes Secrets encryption`,
                keySpec: "Aliyun_AES_256",
                keyUsage: "ENCRYPT/DECRYPT",
                protectionLevel: "SOFTWARE",
                automaticRotation: "Enabled",
                rotationInterval: "31536000s",
                pendingWindowInDays: 30,
                tags,
            },
            { parent: this },
        );

        const cluster = new alicloud.cs.ManagedKubernetes(
            `${name}-cluster`,
            {
                name,
                clusterSpec: "ack.pro.small",
                vswitchIds: network.vswitchIds,
                newNatGateway: false,
                slbInternetEnabled: false,
                podCidr: CLUSTER_POD_CIDR,
                serviceCidr: CLUSTER_SERVICE_CIDR,
                addons: [{ name: "flannel" }],
                proxyMode: "ipvs",
                encryptionProviderKey: key.id,
                disableEncryption: false,
                isEnterpriseSecurityGroup: true,
                skipSetCertificateAuthority: true,
                deletionProtection: true,
                tags,
            },
            { parent: this },
        );

        const nodePools = planNodePools(k, network.zones, surgeNodesPerZone({ kubernetes: k }, network.zones.length)).map(
            (pool, i) =>
                new alicloud.cs.NodePool(
                    `${name}-nodes-${pool.zone}`,
                    {
                        clusterId: cluster.id,
                        nodePoolName: `${name}-${pool.zone}`,
                        vswitchIds: [network.vswitchIds[i]],
                        securityGroupIds: [args.nodeSecurityGroupId],
                        instanceTypes: [instanceType],
                        instanceChargeType: "PostPaid",
                        systemDiskCategory: "cloud_essd",
                        systemDiskSize: 120,
                        runtimeName: "containerd",
                        scalingConfig: { enable: true, minSize: pool.minSize, maxSize: pool.maxSize },
                        // `instanceTypes` updates in place (new nodes take the new type); node updates
                        // roll one node at a time per pool, never a whole zone at once.
                        rollingPolicy: { maxParallelism: 1 },
                        labels: [{ key: "live-commerce/zone", value: pool.zone }],
                        tags,
                    },
                    { parent: this },
                ),
        );

        // Node autoscaling of the cluster (CreateAutoscalingConfig; alicloud_cs_autoscaling_config): ACK's
        // managed cluster-autoscaler grows the pools with `scalingConfig.enable` when pods are Pending,
        // within each pool's min/max, and removes nodes under NODE_AUTOSCALING's threshold. It acts with
        // the account's ACK service role AliyunCSManagedAutoScalerRole (policy
        // AliyunCSManagedAutoScalerRolePolicy: ess:ScaleWithAdjustment, cs:ScaleClusterNodePool, ...),
        // which the account authorizes once (ACK, "Enable node auto scaling"; README prerequisites).
        new alicloud.cs.AutoscalingConfig(
            `${name}-node-autoscaling`,
            { clusterId: cluster.id, ...ackAutoscalingSettings() },
            { parent: this, dependsOn: nodePools },
        );

        const credential = alicloud.cs.getClusterCredentialOutput({ clusterId: cluster.id }, { parent: this });
        this.clusterId = cluster.id;
        this.clusterName = cluster.name;
        this.endpoint = cluster.connections.apiServerIntranet;
        this.kubeconfig = pulumi.secret(credential.kubeConfig);
        this.provider = new k8s.Provider(`${name}-provider`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, { parent: this, dependsOn: nodePools });
        this.nodePoolIds = nodePools.map((p) => p.id);
        this.nodeScalingGroupIds = nodePools.map((p) => p.scalingGroupId);
        this.registerOutputs({ clusterId: this.clusterId, clusterName: this.clusterName, endpoint: this.endpoint, nodePoolIds: this.nodePoolIds });
    }
}
