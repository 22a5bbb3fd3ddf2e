// The EKS cluster's add-ons, as pure decisions: the cluster autoscaler (chart, image, Helm values,
// its IAM policy and the Auto Scaling group tags it discovers node groups by) and IRSA (the trust
// policy of a role for one Kubernetes service account, the token a pod takes it with). The
// components (kubernetes.ts, region.ts) declare what these return; the flows check it.

import { HelmChart, NODE_AUTOSCALING, ServiceAccountRef, StackSpec, WebIdentityToken, serviceAccountSubject } from "../model";

/** Cluster Autoscaler, chart `cluster-autoscaler` 9.50.1 of https://kubernetes.github.io/autoscaler (kubernetes/autoscaler charts/cluster-autoscaler). */
export const CLUSTER_AUTOSCALER_CHART: HelmChart = { chart: "cluster-autoscaler", version: "9.50.1", repo: "https://kubernetes.github.io/autoscaler" };

/**
 * Cluster Autoscaler image per Kubernetes minor version: the autoscaler's minor must match the
 * cluster's (kubernetes/autoscaler cluster-autoscaler README, "Releases": "we strongly recommend
 * using Cluster Autoscaler with the Kubernetes control plane version for which it was meant").
 * Tags promoted to registry.k8s.io by kubernetes/k8s.io#8815 ("Promote Cluster Autoscaler images
 * 1.32.5, 1.33.3 & 1.34.2").
 */
export const CLUSTER_AUTOSCALER_IMAGE_TAGS: Readonly<Record<string, string>> = { "1.32": "v1.32.5", "1.33": "v1.33.3", "1.34": "v1.34.2" };
export const CLUSTER_AUTOSCALER_IMAGE = "registry.k8s.io/autoscaling/cluster-autoscaler";

/** The cluster autoscaler's service account (EKS): the only subject its IAM role trusts. */
export const CLUSTER_AUTOSCALER_ACCOUNT: ServiceAccountRef = { namespace: "kube-system", name: "cluster-autoscaler" };

/** Audience of the tokens IRSA exchanges (EKS User Guide, "Create an IAM OIDC provider for your cluster": client ID `sts.amazonaws.com`). */
export const IRSA_AUDIENCE = "sts.amazonaws.com";
/** The service account annotation that names the IAM role of its pods (EKS User Guide, "Assign IAM roles to Kubernetes service accounts"). */
export const IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

/**
 * Trust policy of an IAM role for one Kubernetes service account (IRSA): the cluster's OIDC provider
 * may assume it with AssumeRoleWithWebIdentity only for a token whose `sub` is exactly that service
 * account and whose `aud` is sts.amazonaws.com (EKS User Guide, "Assign IAM roles to Kubernetes
 * service accounts", step "Configure the role's trust policy": `<issuer>:sub` and `<issuer>:aud`
 * under StringEquals, the issuer without `https://`).
 */
export function irsaTrustPolicy(providerArn: string, issuerUrl: string, account: ServiceAccountRef): string {
    const issuer = issuerUrl.replace(/^https:\/\//, "");
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Principal: { Federated: providerArn },
                Action: "sts:AssumeRoleWithWebIdentity",
                Condition: { StringEquals: { [`${issuer}:sub`]: serviceAccountSubject(account), [`${issuer}:aud`]: IRSA_AUDIENCE } },
            },
        ],
    });
}

/**
 * The Auto Scaling group tags by which the cluster autoscaler discovers a cluster's node groups
 * (kubernetes/autoscaler cluster-autoscaler/cloudprovider/aws/README.md, "Auto-Discovery Setup":
 * `--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/<cluster-name>`,
 * the keys must exist; the chart's default `autoDiscovery.tags`). EKS puts the same two tags on a
 * managed node group's Auto Scaling group, `owned` for the cluster one (EKS User Guide, "Managed
 * node groups": nodes "are automatically tagged for auto-discovery by the Kubernetes Cluster Autoscaler").
 */
export function autoscalerDiscoveryTags(clusterName: string): Record<string, string> {
    return { "k8s.io/cluster-autoscaler/enabled": "true", [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned" };
}

/** The actions that change a node group's size, limited to the cluster's own groups by their discovery tag. */
export const AUTOSCALER_SCALING_ACTIONS = ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"] as const;
/**
 * The read actions the autoscaler needs with auto-discovery and launch templates (the README's IAM
 * policy, plus `autoscaling:DescribeTags` for auto-discovery and `ec2:DescribeLaunchTemplateVersions`
 * for groups built from a launch template). The README spells the instance-requirements action
 * `ec2:GetInstanceTypesFromInstanceRequirementsPages` (an SDK paginator); the IAM action is
 * `ec2:GetInstanceTypesFromInstanceRequirements` (Service Authorization Reference, Amazon EC2).
 */
export const AUTOSCALER_READ_ACTIONS = [
    "autoscaling:DescribeAutoScalingGroups",
    "autoscaling:DescribeAutoScalingInstances",
    "autoscaling:DescribeLaunchConfigurations",
    "autoscaling:DescribeScalingActivities",
    "autoscaling:DescribeTags",
    "ec2:DescribeImages",
    "ec2:DescribeInstanceTypes",
    "ec2:DescribeLaunchTemplateVersions",
    "ec2:GetInstanceTypesFromInstanceRequirements",
    "eks:DescribeNodegroup",
] as const;

/**
 * The cluster autoscaler's IAM policy: read actions on `*` (Describe* support no resource-level
 * permissions), and the two scaling actions only on Auto Scaling groups tagged
 * `k8s.io/cluster-autoscaler/<cluster>` = `owned` (Amazon EC2 Auto Scaling User Guide, "Control
 * access with IAM": SetDesiredCapacity and TerminateInstanceInAutoScalingGroup support the
 * `aws:ResourceTag/${TagKey}` condition key), so it can resize no other cluster's groups.
 */
export function clusterAutoscalerPolicy(clusterName: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Effect: "Allow",
                Action: [...AUTOSCALER_SCALING_ACTIONS],
                Resource: "*",
                Condition: { StringEquals: { [`aws:ResourceTag/k8s.io/cluster-autoscaler/${clusterName}`]: "owned" } },
            },
            { Effect: "Allow", Action: [...AUTOSCALER_READ_ACTIONS], Resource: "*" },
        ],
    });
}

/** Replicas of the cluster autoscaler: one leads (leader election is on by default), the other takes over. */
export const CLUSTER_AUTOSCALER_REPLICAS = 2;

/** The cluster autoscaler image of a Kubernetes minor version, or null when the blueprint pins none. */
export function clusterAutoscalerImageTag(version: string): string | null {
    return CLUSTER_AUTOSCALER_IMAGE_TAGS[version] ?? null;
}

/**
 * The cluster autoscaler needs an image of the cluster's minor version: an issue naming
 * `kubernetes.version` when the blueprint pins none (the profile's check).
 */
export function checkClusterAutoscaler(spec: Pick<StackSpec, "kubernetes">): string[] {
    const version = spec.kubernetes.version;
    if (!spec.kubernetes.enabled || clusterAutoscalerImageTag(version) !== null) return [];
    return [`kubernetes.version: the cluster autoscaler has no pinned image for Kubernetes ${version}; allowed: ${Object.keys(CLUSTER_AUTOSCALER_IMAGE_TAGS).join(", ")}`];
}

/**
 * Helm values of the cluster autoscaler on EKS (kubernetes/autoscaler charts/cluster-autoscaler
 * values.yaml): `cloudProvider: aws`, `awsRegion`, auto-discovery by cluster name (tags from
 * autoscalerDiscoveryTags), the service account CLUSTER_AUTOSCALER_ACCOUNT annotated with its IAM
 * role (IRSA), and NODE_AUTOSCALING as `extraArgs` (flags of kubernetes/autoscaler FAQ "What are the
 * parameters to CA?"). `roleArn` is the role's ARN, or a value that resolves to it (the values stay
 * known in a first preview but for that one annotation).
 */
export function clusterAutoscalerValues<Arn>(args: { clusterName: string; region: string; roleArn: Arn; imageTag: string }): Record<string, unknown> {
    return {
        cloudProvider: "aws",
        awsRegion: args.region,
        autoDiscovery: { clusterName: args.clusterName },
        image: { repository: CLUSTER_AUTOSCALER_IMAGE, tag: args.imageTag },
        replicaCount: CLUSTER_AUTOSCALER_REPLICAS,
        rbac: { serviceAccount: { create: true, name: CLUSTER_AUTOSCALER_ACCOUNT.name, annotations: { [IRSA_ROLE_ANNOTATION]: args.roleArn } } },
        extraArgs: {
            "balance-similar-node-groups": true,
            expander: NODE_AUTOSCALING.expander,
            "scale-down-unneeded-time": `${NODE_AUTOSCALING.scaleDownUnneededMinutes}m`,
            "scale-down-utilization-threshold": NODE_AUTOSCALING.scaleDownUtilizationThreshold,
            "skip-nodes-with-system-pods": false,
        },
        resources: { requests: { cpu: "100m", memory: "300Mi" }, limits: { cpu: "500m", memory: "600Mi" } },
    };
}

/**
 * How a pod takes its IAM role with IRSA without the EKS webhook: a projected service account token
 * for the audience sts.amazonaws.com, and the two variables the AWS SDKs' web identity provider
 * reads (EKS User Guide, "Configure Pods to use a Kubernetes service account": the webhook adds
 * AWS_ROLE_ARN, AWS_WEB_IDENTITY_TOKEN_FILE = /var/run/secrets/eks.amazonaws.com/serviceaccount/token
 * and the projected volume `aws-iam-token`). The services declare them themselves: their pods mount
 * no Kubernetes API token (automountServiceAccountToken false), which the webhook's injection
 * does not work with (aws/amazon-eks-pod-identity-webhook#67), and their service accounts carry no
 * role annotation, so the webhook leaves them alone (a pod with these variables already set fails its
 * patch: aws/amazon-eks-pod-identity-webhook#82).
 */
export const IRSA_TOKEN: WebIdentityToken = {
    volume: "aws-iam-token",
    directory: "/var/run/secrets/eks.amazonaws.com/serviceaccount",
    path: "token",
    audience: IRSA_AUDIENCE,
    /** Seconds a projected token lives; the kubelet renews it at 80 % of that (Kubernetes, "Projected volumes"). */
    expirationSeconds: 86400,
    roleEnv: "AWS_ROLE_ARN",
    tokenFileEnv: "AWS_WEB_IDENTITY_TOKEN_FILE",
};
