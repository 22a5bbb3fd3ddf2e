// Replace-on-change rules: the input properties of each resource type whose change makes the
// provider replace the resource (terraform-plugin-sdk `ForceNew: true`, terraform-plugin-framework
// `RequiresReplace()`), and which types hold data or capacity that a replacement loses.
//
// Every rule names the file it was read from: terraform-provider-alicloud (bridged by
// @pulumi/alicloud 3.108.0, provider ~v1.294) and terraform-provider-aws (bridged by @pulumi/aws
// 7.48.0, provider v6.66). Property paths are the Pulumi input names (camelCase), nested blocks
// joined by dots. A property not listed here is treated as updatable in place; the database types
// other than RDS and PolarDB's serverless type on Alibaba Cloud (AWS RDS and Aurora), object storage buckets and the
// Aurora cluster instances list none yet: the
// stage layouts never change their identifying properties (names carry no stage, engines are pinned
// in the stack file), and their rules are to be read from the provider before one is relied on.

/** What a stateful resource holds: the reason its replacement or deletion needs a migration. */
export type StatefulKind = "database" | "cache" | "queue" | "topic" | "bucket" | "kubernetes-cluster" | "node-pool";

export interface ReplaceRule {
    /** Input property path (Pulumi names, nested blocks joined by "."). */
    readonly property: string;
    /** Where the replace-on-change flag was read. */
    readonly source: string;
    /** The upgrade guide section (`docs/<file>.md#<anchor>`) that makes this change without losing data, where there is one. */
    readonly guide?: string;
    /**
     * The guide of the change back: when the property's value before the change is `before`, the
     * section `guide` applies instead of the one above (a switch and its reverse are documented apart).
     */
    readonly reverse?: { readonly before: string; readonly guide: string };
}

/** The guide section of a replace by `rule` from the value `before`: its reverse guide when `before` is the reverse's value, else its guide; null when it has none. */
export function guideOf(rule: ReplaceRule, before: unknown): string | null {
    if (rule.reverse !== undefined && before === rule.reverse.before) return rule.reverse.guide;
    return rule.guide ?? null;
}

export interface ResourceRules {
    /** What the resource holds; null for resources that hold no data (a replacement only recreates them). */
    readonly stateful: StatefulKind | null;
    readonly replaceOn: readonly ReplaceRule[];
}

const ALIKAFKA_INSTANCE = "terraform-provider-alicloud website/docs/r/alikafka_instance.html.markdown (ForceNew) and alicloud/resource_alicloud_alikafka_instance.go";
const ALIKAFKA_TOPIC = "terraform-provider-alicloud alicloud/resource_alicloud_alikafka_topic.go";
const TAIR_INSTANCE = "terraform-provider-alicloud website/docs/r/redis_tair_instance.html.markdown (ForceNew)";
const RDS_INSTANCE = "terraform-provider-alicloud website/docs/r/db_instance.html.markdown (ForceNew)";
const KVSTORE = "terraform-provider-alicloud website/docs/r/kvstore_instance.html.markdown (ForceNew)";
const ACK_CLUSTER = "terraform-provider-alicloud website/docs/r/cs_managed_kubernetes.html.markdown (ForceNew)";
const ACK_NODE_POOL = "terraform-provider-alicloud website/docs/r/cs_kubernetes_node_pool.html.markdown (ForceNew)";
const MSK_CLUSTER = "terraform-provider-aws internal/service/kafka/cluster.go";
const MSK_TOPIC = "terraform-provider-aws internal/service/kafka/topic.go (RequiresReplace)";
const EKS_NODE_GROUP = "terraform-provider-aws internal/service/eks/node_group.go";
const ELASTICACHE_GROUP = "terraform-provider-aws internal/service/elasticache/replication_group.go";
const EKS_CLUSTER = "terraform-provider-aws internal/service/eks/cluster.go";
const RDS_GLOBAL = "terraform-provider-aws internal/service/rds/global_cluster.go";
// `serverless_type` is not ForceNew, yet it has no Update path: buildPolarDBCreateRequest sends
// ServerlessType (with ScaleMin/ScaleMax/ScaleRoNum*) only to CreateDBCluster, and
// resourceAlicloudPolarDBClusterUpdate has no `d.HasChange("serverless_type")` branch (an existing
// provisioned cluster becomes serverless only as SteadyServerless, `serverless_steady_switch` ->
// EnableDBClusterServerless). A provisioned -> AgileServerless change would be an update that
// cannot apply, so the program declares `replaceOnChanges: ["serverlessType"]` on the cluster
// (components/alicloud/database.ts, POLARDB_REPLACE_ON_CHANGES) and the preview shows the replace.
const POLARDB_CLUSTER = "terraform-provider-alicloud alicloud/resource_alicloud_polardb_cluster.go (no Update for serverless_type; replaceOnChanges in components/alicloud/database.ts)";
// ForceNew: port, protocol, protocol_version, target_type, vpc_id, name, name_prefix, ip_address_type.
const ELB_TARGET_GROUP = "terraform-provider-aws internal/service/elbv2/target_group.go";

function rules(source: string, ...properties: string[]): ReplaceRule[] {
    return properties.map((property) => ({ property, source }));
}

/** Resource types by Pulumi type token. Types absent here hold no data and have no rule. */
export const REPLACE_ON_CHANGE: Readonly<Record<string, ResourceRules>> = {
    // Alibaba Cloud
    "alicloud:alikafka/instance:Instance": {
        stateful: "queue",
        replaceOn: rules(ALIKAFKA_INSTANCE, "vswitchId", "vswitchIds", "zoneId", "vpcId", "securityGroup", "kmsKeyId", "diskType"),
    },
    "alicloud:alikafka/topic:Topic": { stateful: "topic", replaceOn: rules(ALIKAFKA_TOPIC, "instanceId", "topic", "localTopic", "compactTopic") },
    "alicloud:kvstore/instance:Instance": {
        stateful: "cache",
        replaceOn: rules(KVSTORE, "shardCount", "capacity", "instanceType", "privateIp", "backupId", "srcdbInstanceId", "restoreTime", "dedicatedHostGroupId", "globalInstance"),
    },
    // `category` (Basic -> HighAvailability) and `instanceType` update in place; the zones do not.
    "alicloud:redis/tairInstance:TairInstance": {
        stateful: "cache",
        replaceOn: rules(TAIR_INSTANCE, "instanceType", "paymentType", "port", "secondaryZoneId", "storagePerformanceLevel", "storageSizeGb", "vswitchId", "vpcId", "zoneId"),
    },
    "alicloud:rds/instance:Instance": { stateful: "database", replaceOn: rules(RDS_INSTANCE, "engine", "zoneId", "vswitchId", "zoneIdSlaveA", "zoneIdSlaveB", "dbTimeZone") },
    "alicloud:rds/readOnlyInstance:ReadOnlyInstance": { stateful: "database", replaceOn: [] },
    "alicloud:rds/database:Database": { stateful: "database", replaceOn: [] },
    "alicloud:polardb/cluster:Cluster": {
        stateful: "database",
        replaceOn: [
            {
                property: "serverlessType",
                source: POLARDB_CLUSTER,
                // Provisioned -> AgileServerless (compute to serverless), and AgileServerless -> provisioned
                // (compute back to kubernetes or vm, where database.serverless.enabled follows compute).
                guide: "docs/UPGRADING.md#compute-kubernetes-or-vm-to-serverless",
                reverse: { before: "AgileServerless", guide: "docs/UPGRADING.md#compute-serverless-back-to-kubernetes-or-vm" },
            },
        ],
    },
    "alicloud:polardb/database:Database": { stateful: "database", replaceOn: [] },
    "alicloud:oss/bucket:Bucket": { stateful: "bucket", replaceOn: [] },
    // `vswitchIds` (control plane vSwitches) updates in place; a zone added later does not replace the cluster.
    "alicloud:cs/managedKubernetes:ManagedKubernetes": {
        stateful: "kubernetes-cluster",
        replaceOn: rules(ACK_CLUSTER, "isEnterpriseSecurityGroup", "proxyMode", "clusterDomain", "serviceAccountIssuer", "apiAudiences", "profile", "autoMode", "podCidr", "serviceCidr", "nodeCidrMask", "ipStack"),
    },
    // `instanceTypes` and `vswitchIds` update in place.
    "alicloud:cs/nodePool:NodePool": {
        stateful: "node-pool",
        replaceOn: rules(ACK_NODE_POOL, "clusterId", "cisEnabled", "deploymentSetId", "loginAsNonRoot", "nodeNameMode", "ramRoleName", "securityGroupId", "securityGroupIds", "securityHardeningOs", "socEnabled"),
    },
    // AWS
    "aws:msk/cluster:Cluster": {
        stateful: "queue",
        replaceOn: rules(MSK_CLUSTER, "brokerNodeGroupInfo.clientSubnets", "brokerNodeGroupInfo.securityGroups", "brokerNodeGroupInfo.azDistribution", "clusterName", "encryptionInfo"),
    },
    "aws:msk/topic:Topic": { stateful: "topic", replaceOn: rules(MSK_TOPIC, "clusterArn", "name", "replicationFactor") },
    "aws:eks/nodeGroup:NodeGroup": {
        stateful: "node-pool",
        replaceOn: rules(
            EKS_NODE_GROUP,
            "amiType",
            "capacityType",
            "clusterName",
            "diskSize",
            "instanceTypes",
            "launchTemplate.id",
            "launchTemplate.name",
            "nodeGroupName",
            "nodeGroupNamePrefix",
            "nodeRoleArn",
            "remoteAccess",
            "subnetIds",
        ),
    },
    "aws:rds/globalCluster:GlobalCluster": { stateful: "database", replaceOn: rules(RDS_GLOBAL, "sourceDbClusterIdentifier") },
    "aws:rds/cluster:Cluster": { stateful: "database", replaceOn: [] },
    "aws:rds/clusterInstance:ClusterInstance": { stateful: "database", replaceOn: [] },
    "aws:rds/instance:Instance": { stateful: "database", replaceOn: [] },
    // `clusterMode`, `numNodeGroups`, `replicasPerNodeGroup`, `nodeType` update in place (online resharding).
    "aws:elasticache/replicationGroup:ReplicationGroup": {
        stateful: "cache",
        replaceOn: rules(
            ELASTICACHE_GROUP,
            "replicationGroupId",
            "atRestEncryptionEnabled",
            "dataTieringEnabled",
            "globalReplicationGroupId",
            "kmsKeyId",
            "networkType",
            "port",
            "securityGroupNames",
            "snapshotArns",
            "snapshotName",
            "subnetGroupName",
        ),
    },
    "aws:s3/bucket:Bucket": { stateful: "bucket", replaceOn: [] },
    // Holds nothing: a replace recreates it (and the listener rules forward to the new ARN).
    "aws:lb/targetGroup:TargetGroup": {
        stateful: null,
        replaceOn: rules(ELB_TARGET_GROUP, "port", "protocol", "protocolVersion", "targetType", "vpcId", "name", "namePrefix", "ipAddressType"),
    },
    "aws:s3/bucketV2:BucketV2": { stateful: "bucket", replaceOn: [] },
    // `vpcConfig.subnetIds` updates in place (a zone added later does not replace the cluster).
    "aws:eks/cluster:Cluster": {
        stateful: "kubernetes-cluster",
        replaceOn: rules(
            EKS_CLUSTER,
            "name",
            "roleArn",
            "accessConfig.bootstrapClusterCreatorAdminPermissions",
            "bootstrapSelfManagedAddons",
            "kubernetesNetworkConfig.ipFamily",
            "kubernetesNetworkConfig.serviceIpv4Cidr",
            "remoteNetworkConfig",
            "outpostConfig.controlPlaneInstanceType",
        ),
    },
};

/** The rules of a type: its replace-on-change properties and what it holds (none for unknown types). */
export function rulesFor(type: string): ResourceRules {
    return REPLACE_ON_CHANGE[type] ?? { stateful: null, replaceOn: [] };
}
