// Every policy of the pack. Imported by policies/index.ts (the pack) and by the offline evaluator.

import type { Policies } from "@pulumi/policy";

import { haAutoscalingGroupRequireLbHealthCheck } from "./rules/ha-autoscaling-group-require-lb-health-check";
import { haAutoscalingGroupRequireMultiZone } from "./rules/ha-autoscaling-group-require-multi-zone";
import { haCacheRequireMultiZone } from "./rules/ha-cache-require-multi-zone";
import { haCacheRequireReplicaFailover } from "./rules/ha-cache-require-replica-failover";
import { haDatabaseRequireBackups } from "./rules/ha-database-require-backups";
import { haDatabaseRequireMultiZone } from "./rules/ha-database-require-multi-zone";
import { haDatabaseRequireRpoZero } from "./rules/ha-database-require-rpo-zero";
import { haK8sDeploymentRequireProbes } from "./rules/ha-k8s-deployment-require-probes";
import { haK8sDeploymentRequireReplicas } from "./rules/ha-k8s-deployment-require-replicas";
import { haK8sDeploymentRequireResources } from "./rules/ha-k8s-deployment-require-resources";
import { haK8sDeploymentRequireZoneSpread } from "./rules/ha-k8s-deployment-require-zone-spread";
import { haKubernetesClusterRequireMultiZone } from "./rules/ha-kubernetes-cluster-require-multi-zone";
import { haLoadBalancerRequireDeletionProtection } from "./rules/ha-load-balancer-require-deletion-protection";
import { haLoadBalancerRequireFastHealthCheck } from "./rules/ha-load-balancer-require-fast-health-check";
import { haLoadBalancerRequireMultiZone } from "./rules/ha-load-balancer-require-multi-zone";
import { haObjectStorageRequireVersioningAndRedundancy } from "./rules/ha-object-storage-require-versioning-and-redundancy";
import { haQueueRequireMultiZone } from "./rules/ha-queue-require-multi-zone";
import { haServerlessAppRequireMultiZone } from "./rules/ha-serverless-app-require-multi-zone";
import { haStatefulRequireDeletionProtection } from "./rules/ha-stateful-require-deletion-protection";
import { secDataStoreForbidPublicAccess } from "./rules/sec-data-store-forbid-public-access";
import { secDataStoreRequireEncryption } from "./rules/sec-data-store-require-encryption";
import { secDataStoreRequireResidency } from "./rules/sec-data-store-require-residency";
import { secK8sDeploymentRequireNonRoot } from "./rules/sec-k8s-deployment-require-non-root";
import { secObjectStorageRequireEncryption } from "./rules/sec-object-storage-require-encryption";
import { secObjectStorageRequirePrivate } from "./rules/sec-object-storage-require-private";
import { secSecurityGroupForbidWorldSensitivePorts } from "./rules/sec-security-group-forbid-world-sensitive-ports";
import { haDatabaseClusterRequireMultipleNodes } from "./stack/ha-database-cluster-require-multiple-nodes";
import { haK8sDeploymentRequirePdb } from "./stack/ha-k8s-deployment-require-pdb";
import { haKubernetesNodePoolsRequireMultiZone } from "./stack/ha-kubernetes-node-pools-require-multi-zone";
import { haStackCannotJudgeFromInput } from "./stack/ha-stack-cannot-judge-from-input";
import { haStackAvailabilityModel } from "./stack/ha-stack-availability-model";
import { haStackAvailabilityTarget } from "./stack/ha-stack-availability-target";
import { haStackAvailabilityUnverified } from "./stack/ha-stack-availability-unverified";
import { haStackFailoverBudget } from "./stack/ha-stack-failover-budget";
import { haStackRequireMultiRegion } from "./stack/ha-stack-require-multi-region";
import { haStackRequireGlobalDatabase } from "./stack/ha-stack-require-global-database";
import { haStackRequireCdnOriginFailover } from "./stack/ha-stack-require-cdn-origin-failover";
import { haStackRequireSteeringHealthChecks } from "./stack/ha-stack-require-steering-health-checks";
import { haStackFlowAvailabilityTarget } from "./stack/ha-stack-flow-availability-target";
import { secEcsTaskRequireLeastPrivilegeSecrets } from "./stack/sec-ecs-task-require-least-privilege-secrets";
import { secListenerRequireHttps } from "./stack/sec-listener-require-https";
import { secListenerTlsPolicyUnsettable } from "./stack/sec-listener-tls-policy-unsettable";

export const POLICIES: Policies = [
    haAutoscalingGroupRequireMultiZone,
    haServerlessAppRequireMultiZone,
    haAutoscalingGroupRequireLbHealthCheck,
    haLoadBalancerRequireMultiZone,
    haLoadBalancerRequireDeletionProtection,
    haLoadBalancerRequireFastHealthCheck,
    haCacheRequireMultiZone,
    haCacheRequireReplicaFailover,
    haDatabaseRequireMultiZone,
    haDatabaseRequireBackups,
    haDatabaseRequireRpoZero,
    haDatabaseClusterRequireMultipleNodes,
    haStatefulRequireDeletionProtection,
    haObjectStorageRequireVersioningAndRedundancy,
    haQueueRequireMultiZone,
    haKubernetesClusterRequireMultiZone,
    haKubernetesNodePoolsRequireMultiZone,
    haK8sDeploymentRequireReplicas,
    haK8sDeploymentRequireZoneSpread,
    haK8sDeploymentRequireProbes,
    haK8sDeploymentRequireResources,
    haK8sDeploymentRequirePdb,
    haStackRequireMultiRegion,
    haStackRequireGlobalDatabase,
    haStackRequireCdnOriginFailover,
    haStackRequireSteeringHealthChecks,
    haStackAvailabilityModel,
    haStackAvailabilityTarget,
    haStackFlowAvailabilityTarget,
    haStackAvailabilityUnverified,
    haStackFailoverBudget,
    haStackCannotJudgeFromInput,
    secSecurityGroupForbidWorldSensitivePorts,
    secDataStoreRequireEncryption,
    secDataStoreForbidPublicAccess,
    secDataStoreRequireResidency,
    secObjectStorageRequirePrivate,
    secObjectStorageRequireEncryption,
    secListenerRequireHttps,
    secEcsTaskRequireLeastPrivilegeSecrets,
    secListenerTlsPolicyUnsettable,
    secK8sDeploymentRequireNonRoot,
];
