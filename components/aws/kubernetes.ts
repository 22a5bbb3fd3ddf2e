import * as aws from "./sdk";
import * as k8s from "../kubernetes/sdk";
import * as pulumi from "@pulumi/pulumi";

import { CLUSTER_SERVICE_CIDR, EKS_METRICS_SERVER_ADDON, KubernetesSpec, ServiceAccountRef, nodeInstanceType, planNodePools, surgeNodesPerZone } from "../model";
import { RELEASE_TIMEOUT_SECONDS, chartArgs } from "../kubernetes";
import {
    CLUSTER_AUTOSCALER_ACCOUNT,
    CLUSTER_AUTOSCALER_CHART,
    IRSA_AUDIENCE,
    autoscalerDiscoveryTags,
    clusterAutoscalerImageTag,
    clusterAutoscalerPolicy,
    clusterAutoscalerValues,
    irsaTrustPolicy,
} from "./cluster-addons";
import { serviceTrustPolicy } from "./metrics";
import { AWS_PROFILE } from "./profile";
import { Network } from "./network";

export interface KubernetesClusterArgs {
    readonly kubernetes: KubernetesSpec;
    /** Region id, for the kubeconfig's token command. */
    readonly region: string;
    /** The region's network: the cluster and one node group per zone use its private subnets. */
    readonly network: Pick<Network, "vpcId" | "privateSubnetIds" | "zones">;
    readonly tags: Record<string, string>;
}

const MANAGED_POLICY = "arn:aws:iam::aws:policy/";
const CLUSTER_POLICIES = ["AmazonEKSClusterPolicy"];
const NODE_POLICIES = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryReadOnly"];

/**
 * EKS cluster in the region's private subnets: API endpoint reachable only from inside the VPC,
 * Secrets encrypted with a KMS key of its own (rotated yearly), control-plane audit logs, and one
 * managed node group per zone (minNodesPerZone..maxNodesPerZone each) so every zone always has
 * nodes for the zone-spread pods, the cluster's IAM OIDC provider (IRSA; `podRole` gives one service
 * account its own role), and the cluster autoscaler (chart `cluster-autoscaler`, its own IRSA role
 * limited to this cluster's node groups, which carry its discovery tags). `provider` deploys
 * workloads to it.
 *
 * With the private endpoint, `pulumi up` runs from inside the VPC (a runner in the VPC, or VPN).
 */
export class KubernetesCluster extends pulumi.ComponentResource {
    readonly clusterName: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    /** Secret: the kubeconfig of the cluster (token from `aws eks get-token`). */
    readonly kubeconfig: pulumi.Output<string>;
    readonly provider: k8s.Provider;
    readonly nodeGroupNames: pulumi.Output<string>[];
    /** The security group EKS creates for the cluster; managed nodes without a launch template sit in it. */
    readonly clusterSecurityGroupId: pulumi.Output<string>;
    /** The Auto Scaling group behind each managed node group, in zone order (load balancer attachments). */
    readonly nodeAutoScalingGroupNames: pulumi.Output<string>[];
    /** The cluster's IAM OIDC provider (IRSA) and its issuer URL (`https://oidc.eks.<region>.amazonaws.com/id/<id>`). */
    readonly oidcProviderArn: pulumi.Output<string>;
    readonly oidcIssuer: pulumi.Output<string>;
    private readonly tags: Record<string, string>;

    constructor(name: string, args: KubernetesClusterArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:KubernetesCluster", name, {}, opts);
        const { kubernetes: k, network, tags } = args;
        const instanceType = nodeInstanceType(AWS_PROFILE.instances, k.nodeSize);
        if (instanceType === null) throw new pulumi.ResourceError(`kubernetes.nodeSize: no AWS instance type for ${k.nodeSize.vcpu} vCPU / ${k.nodeSize.memoryGiB} GiB`, this);
        if (network.zones.length !== network.privateSubnetIds.length) throw new pulumi.ResourceError("network: one private subnet per zone expected", this);

        const key = new aws.kms.Key(
            `${name}-secrets-key`,
            { description: `${name} Kubernetes Secrets encryption`, enableKeyRotation: true, deletionWindowInDays: 30, tags },
            { parent: this },
        );
        const clusterRole = new aws.iam.Role(`${name}-cluster-role`, { assumeRolePolicy: serviceTrustPolicy("eks.amazonaws.com"), tags }, { parent: this });
        const clusterAttachments = CLUSTER_POLICIES.map(
            (p) => new aws.iam.RolePolicyAttachment(`${name}-cluster-${p}`, { role: clusterRole.name, policyArn: `${MANAGED_POLICY}${p}` }, { parent: this }),
        );
        const keyAccess = new aws.iam.RolePolicy(
            `${name}-cluster-secrets-key`,
            {
                role: clusterRole.name,
                policy: key.arn.apply((arn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [{ Effect: "Allow", Action: ["kms:Encrypt", "kms:Decrypt", "kms:DescribeKey", "kms:CreateGrant", "kms:ListGrants"], Resource: arn }],
                    }),
                ),
            },
            { parent: this },
        );

        const cluster = new aws.eks.Cluster(
            `${name}-cluster`,
            {
                name,
                version: k.version,
                roleArn: clusterRole.arn,
                vpcConfig: { subnetIds: network.privateSubnetIds, endpointPrivateAccess: true, endpointPublicAccess: false },
                kubernetesNetworkConfig: { serviceIpv4Cidr: CLUSTER_SERVICE_CIDR },
                encryptionConfig: { provider: { keyArn: key.arn }, resources: ["secrets"] },
                accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: true },
                enabledClusterLogTypes: ["api", "audit", "authenticator"],
                deletionProtection: true,
                tags,
            },
            { parent: this, dependsOn: [...clusterAttachments, keyAccess] },
        );

        const nodeRole = new aws.iam.Role(`${name}-node-role`, { assumeRolePolicy: serviceTrustPolicy("ec2.amazonaws.com"), tags }, { parent: this });
        const nodeAttachments = NODE_POLICIES.map(
            (p) => new aws.iam.RolePolicyAttachment(`${name}-node-${p}`, { role: nodeRole.name, policyArn: `${MANAGED_POLICY}${p}` }, { parent: this }),
        );
        // The instance type lives in a launch template, not in the node groups: a node group's
        // `instanceTypes` is replace-on-change (internal/service/eks/node_group.go), which would replace
        // every group at once, while a new launch template version is applied in place by
        // UpdateNodegroupVersion, a rolling update of `updateConfig.maxUnavailable` node per group.
        const launchTemplate = new aws.ec2.LaunchTemplate(
            `${name}-nodes`,
            {
                description: `${name} managed node groups`,
                instanceType,
                updateDefaultVersion: true,
                metadataOptions: { httpTokens: "required", httpPutResponseHopLimit: 2, httpEndpoint: "enabled" },
                tagSpecifications: [{ resourceType: "instance", tags }],
                tags,
            },
            { parent: this },
        );
        const nodeGroups = planNodePools(k, network.zones, surgeNodesPerZone({ kubernetes: k }, network.zones.length)).map(
            (pool, i) =>
                new aws.eks.NodeGroup(
                    `${name}-nodes-${pool.zone}`,
                    {
                        clusterName: cluster.name,
                        nodeGroupName: `${name}-${pool.zone}`,
                        nodeRoleArn: nodeRole.arn,
                        subnetIds: [network.privateSubnetIds[i]],
                        launchTemplate: { id: launchTemplate.id, version: pulumi.interpolate`${launchTemplate.latestVersion}` },
                        amiType: "AL2023_x86_64_STANDARD",
                        capacityType: "ON_DEMAND",
                        scalingConfig: { minSize: pool.minSize, maxSize: pool.maxSize, desiredSize: pool.desiredSize },
                        updateConfig: { maxUnavailable: 1 },
                        labels: { "live-commerce/zone": pool.zone },
                        tags: { ...tags, "k8s.io/cluster-autoscaler/enabled": "true" },
                    },
                    // The cluster autoscaler moves desiredSize between min and max; Pulumi keeps the bounds.
                    { parent: this, dependsOn: nodeAttachments, ignoreChanges: ["scalingConfig.desiredSize"] },
                ),
        );

        // The Kubernetes Metrics Server serves the resource metrics (pod CPU) the HorizontalPodAutoscalers
        // read; EKS does not deploy it (EKS User Guide, "View resource usage with the Kubernetes Metrics
        // Server": "it isn't deployed by default in Amazon EKS clusters"). Installed as the EKS community
        // add-on `metrics-server` (EKS User Guide, "Community add-ons": add-on name `metrics-server`,
        // namespace kube-system); with no addonVersion EKS installs the add-on's default version for the
        // cluster's Kubernetes version (CreateAddon API, `addonVersion` optional). Its pods need nodes.
        new aws.eks.Addon(`${name}-metrics-server`, { clusterName: cluster.name, addonName: EKS_METRICS_SERVER_ADDON, tags }, { parent: this, dependsOn: nodeGroups });

        // IRSA: the cluster's OIDC issuer as an IAM OIDC provider for the audience sts.amazonaws.com
        // (EKS User Guide, "Create an IAM OIDC provider for your cluster"); without `thumbprintList` IAM
        // fetches the issuer's certificate thumbprint itself (aws_iam_openid_connect_provider `thumbprint_list`).
        this.oidcIssuer = cluster.identities.apply((ids) => ids[0]?.oidcs?.[0]?.issuer ?? "");
        const oidc = new aws.iam.OpenIdConnectProvider(`${name}-oidc`, { url: this.oidcIssuer, clientIdLists: [IRSA_AUDIENCE], tags }, { parent: this });
        this.oidcProviderArn = oidc.arn;
        this.tags = tags;

        this.clusterName = cluster.name;
        this.endpoint = cluster.endpoint;
        this.kubeconfig = pulumi.secret(
            pulumi.all([cluster.name, cluster.endpoint, cluster.certificateAuthority]).apply(([clusterName, endpoint, ca]) =>
                JSON.stringify({
                    apiVersion: "v1",
                    kind: "Config",
                    clusters: [{ name: clusterName, cluster: { server: endpoint, "certificate-authority-data": ca.data ?? "" } }],
                    contexts: [{ name: clusterName, context: { cluster: clusterName, user: clusterName } }],
                    "current-context": clusterName,
                    users: [
                        {
                            name: clusterName,
                            user: {
                                exec: {
                                    apiVersion: "client.authentication.k8s.io/v1beta1",
                                    command: "aws",
                                    args: ["eks", "get-token", "--cluster-name", clusterName, "--region", args.region, "--output", "json"],
                                },
                            },
                        },
                    ],
                }),
            ),
        );
        this.provider = new k8s.Provider(`${name}-provider`, { kubeconfig: this.kubeconfig, enableServerSideApply: true }, { parent: this, dependsOn: nodeGroups });
        this.nodeGroupNames = nodeGroups.map((g) => g.nodeGroupName);
        this.clusterSecurityGroupId = cluster.vpcConfig.clusterSecurityGroupId;
        this.nodeAutoScalingGroupNames = nodeGroups.map((g) => g.resources.apply((r) => r[0]?.autoscalingGroups[0]?.name ?? ""));

        // The cluster autoscaler: node groups found by their discovery tags (set on each group's Auto
        // Scaling group, as EKS does for managed node groups; `aws_autoscaling_group_tag`), its own
        // service account in kube-system with an IAM role limited to this cluster's groups.
        const discovery = Object.entries(autoscalerDiscoveryTags(name));
        this.nodeAutoScalingGroupNames.forEach((autoscalingGroupName, i) =>
            discovery.forEach(
                ([key, value], t) =>
                    new aws.autoscaling.Tag(
                        `${name}-nodes-${network.zones[i]}-discovery-${t}`,
                        { autoscalingGroupName, tag: { key, value, propagateAtLaunch: false } },
                        { parent: this },
                    ),
            ),
        );
        const imageTag = clusterAutoscalerImageTag(k.version);
        if (imageTag === null) throw new pulumi.ResourceError(`kubernetes.version: no cluster autoscaler image for Kubernetes ${k.version}`, this);
        const autoscalerRole = this.podRole(`${name}-cluster-autoscaler`, CLUSTER_AUTOSCALER_ACCOUNT, clusterAutoscalerPolicy(name));
        new k8s.helm.v3.Release(
            `${name}-cluster-autoscaler`,
            {
                name: CLUSTER_AUTOSCALER_CHART.chart,
                ...chartArgs(CLUSTER_AUTOSCALER_CHART),
                namespace: CLUSTER_AUTOSCALER_ACCOUNT.namespace,
                values: clusterAutoscalerValues({ clusterName: name, region: args.region, roleArn: autoscalerRole.arn, imageTag }),
                timeout: RELEASE_TIMEOUT_SECONDS,
            },
            { parent: this, provider: this.provider },
        );
        this.registerOutputs({ clusterName: this.clusterName, endpoint: this.endpoint, nodeGroupNames: this.nodeGroupNames });
    }

    /**
     * An IAM role for the pods of one service account (IRSA): trusted by the cluster's OIDC provider
     * for exactly `system:serviceaccount:<namespace>:<name>` (irsaTrustPolicy), with `policy` inline.
     */
    podRole(name: string, account: ServiceAccountRef, policy: pulumi.Input<string>): aws.iam.Role {
        const role = new aws.iam.Role(
            name,
            { assumeRolePolicy: pulumi.all([this.oidcProviderArn, this.oidcIssuer]).apply(([arn, issuer]) => irsaTrustPolicy(arn, issuer, account)), tags: this.tags },
            { parent: this },
        );
        new aws.iam.RolePolicy(`${name}-policy`, { role: role.name, policy }, { parent: this });
        return role;
    }
}
