// The resource classes the policies validate (`validateResourceOfType`), each imported from its own
// module of the provider SDK instead of through the package index: `@pulumi/aws` and
// `@pulumi/alicloud` load every service's index (hundreds of modules) when their index is required,
// which would make the policy pack load both providers whole for a stack of one cloud, and
// `@pulumi/kubernetes` loads every API group and its Helm and YAML support. Grouped by
// service as the SDK indexes group them (`aws.rds.Instance`), so a rule reads as it would with the
// index; the classes are the SDK's own (same module, same `__pulumiType`).

import { LoadBalancer as AlbLoadBalancer } from "@pulumi/alicloud/alb/loadBalancer";
import { ServerGroup as AlbServerGroup } from "@pulumi/alicloud/alb/serverGroup";
import { ScalingGroup as EssScalingGroup } from "@pulumi/alicloud/ess/scalingGroup";
import { Instance as KvstoreInstance } from "@pulumi/alicloud/kvstore/instance";
import { ServerGroup as NlbServerGroup } from "@pulumi/alicloud/nlb/serverGroup";
import { BackupPolicy as PolardbBackupPolicy } from "@pulumi/alicloud/polardb/backupPolicy";
import { Cluster as PolardbCluster } from "@pulumi/alicloud/polardb/cluster";
import { BackupPolicy as RdsBackupPolicy } from "@pulumi/alicloud/rds/backupPolicy";
import { Instance as RdsInstance } from "@pulumi/alicloud/rds/instance";
import { TairInstance as RedisTairInstance } from "@pulumi/alicloud/redis/tairInstance";
import { Group as AutoscalingGroup } from "@pulumi/aws/autoscaling/group";
import { ReplicationGroup as ElasticacheReplicationGroup } from "@pulumi/aws/elasticache/replicationGroup";
import { LoadBalancer as LbLoadBalancer } from "@pulumi/aws/lb/loadBalancer";
import { TargetGroup as LbTargetGroup } from "@pulumi/aws/lb/targetGroup";
import { Cluster as AwsRdsCluster } from "@pulumi/aws/rds/cluster";
import { ClusterInstance as AwsRdsClusterInstance } from "@pulumi/aws/rds/clusterInstance";
import { Instance as AwsRdsInstance } from "@pulumi/aws/rds/instance";
import { Deployment as K8sDeployment } from "@pulumi/kubernetes/apps/v1/deployment";
import { HorizontalPodAutoscaler as K8sHorizontalPodAutoscaler } from "@pulumi/kubernetes/autoscaling/v2/horizontalPodAutoscaler";

/** Alibaba Cloud resource classes of the policies, by service (`@pulumi/alicloud`'s grouping). */
export const alicloud = {
    alb: { LoadBalancer: AlbLoadBalancer, ServerGroup: AlbServerGroup },
    ess: { ScalingGroup: EssScalingGroup },
    kvstore: { Instance: KvstoreInstance },
    nlb: { ServerGroup: NlbServerGroup },
    polardb: { BackupPolicy: PolardbBackupPolicy, Cluster: PolardbCluster },
    rds: { BackupPolicy: RdsBackupPolicy, Instance: RdsInstance },
    redis: { TairInstance: RedisTairInstance },
} as const;

/** AWS resource classes of the policies, by service (`@pulumi/aws`'s grouping). */
export const aws = {
    autoscaling: { Group: AutoscalingGroup },
    elasticache: { ReplicationGroup: ElasticacheReplicationGroup },
    lb: { LoadBalancer: LbLoadBalancer, TargetGroup: LbTargetGroup },
    rds: { Cluster: AwsRdsCluster, ClusterInstance: AwsRdsClusterInstance, Instance: AwsRdsInstance },
} as const;

/** Kubernetes resource classes of the policies, by API group and version (`@pulumi/kubernetes`'s grouping). */
export const kubernetes = {
    apps: { v1: { Deployment: K8sDeployment } },
    autoscaling: { v2: { HorizontalPodAutoscaler: K8sHorizontalPodAutoscaler } },
} as const;
