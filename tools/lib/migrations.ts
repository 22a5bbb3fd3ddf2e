// The documented migrations: how the data of a stateful resource that a change replaces or
// removes reaches its successor. The change preview accepts a stateful replace or delete only
// when one of these covers it; each points at its section of the upgrade guides.

import { ChangedProperty, UpgradeResource, valueAt } from "./upgrade";

export interface Migration {
    /** Stable id of the migration. */
    readonly id: string;
    /** The guide section that moves the data, `docs/<file>.md#<anchor>`. */
    readonly doc: string;
    readonly summary: string;
}

interface MigrationRule extends Migration {
    /** The resource type the migration moves data out of. */
    readonly type: string;
    readonly op: "replace" | "delete";
    /**
     * delete: the head plan must declare a resource of this type under the same parent component
     * (by logical name), the resource that receives the data.
     */
    readonly successor?: string;
    /** delete: the successor sits under the parent whose name is the resource's parent's name plus this suffix (instead of the same parent). */
    readonly successorParentSuffix?: string;
    /** delete: the successor may sit anywhere in the head plan (another tier's component of the same stack). */
    readonly successorAnywhere?: boolean;
    /** The migration covers only a resource whose base inputs hold these values (e.g. a global database secondary). */
    readonly baseInputs?: Readonly<Record<string, string>>;
    /** ...or, instead, has a value set at this input. */
    readonly baseInputSet?: string;
    /** replace: the migration covers a replace caused only by these properties... */
    readonly properties?: readonly string[];
    /** ...and only when each of them was unset before (an architecture change, not a resize). */
    readonly fromUnset?: boolean;
}

const UPGRADING = "docs/UPGRADING.md";
const UPGRADING_AWS = "docs/UPGRADING-aws.md";

const RDS_TO_POLARDB = {
    id: "alicloud-rds-mysql-to-polardb",
    doc: `${UPGRADING}#database-mysql-to-polardb`,
    summary: "PolarDB migration from RDS replicates into the new cluster until cut-over; the RDS instance is kept (retainOnDelete, deletion protection)",
};
const REDIS_TO_CLUSTER = {
    id: "alicloud-redis-standard-to-cluster",
    doc: `${UPGRADING}#redis-standard-instance-to-cluster-edition`,
    summary: "the cluster edition is a new instance beside the standard one (the old one is kept, retainOnDelete); DTS moves the keys, or the cache is rebuilt from the database",
};
const RDS_SECOND_ZONE = {
    id: "alicloud-rds-basic-to-high-availability",
    doc: `${UPGRADING}#rds-mysql-basic-to-high-availability-in-a-second-zone`,
    summary: "the console upgrades the instance to High-availability with its standby in the second zone, then pulumi refresh records the zones; the instance and its data stay",
};
const MYSQL_TO_AURORA = {
    id: "aws-rds-mysql-to-aurora",
    doc: `${UPGRADING_AWS}#rds-mysql---aurora-mysql`,
    summary: "an Aurora read replica of the RDS instance is promoted and imported; the RDS instance is kept (retainOnDelete, deletion protection)",
};

const SECONDARY_TO_PARTITION = {
    id: "residency-secondary-to-partition",
    doc: `${UPGRADING}#residency-a-global-database-secondary-outside-the-boundary`,
    summary: "the secondary outside the residency boundary is detached from the global database and released (its data is a copy of the boundary's); the region's own cluster for its own users is new",
};

const CLUSTER_TO_SERVERLESS = {
    id: "compute-kubernetes-to-serverless",
    doc: `${UPGRADING}#compute-kubernetes-or-vm-to-serverless`,
    summary: "the cluster runs only the stateless services, which the serverless applications take over (their data is in the database, cache and queue, kept); the HTTPS listener goes first on Alibaba Cloud",
};

export const MIGRATIONS: readonly MigrationRule[] = [
    { ...RDS_TO_POLARDB, type: "alicloud:rds/instance:Instance", op: "delete", successor: "alicloud:polardb/cluster:Cluster" },
    { ...RDS_TO_POLARDB, type: "alicloud:rds/database:Database", op: "delete", successor: "alicloud:polardb/database:Database" },
    { ...RDS_TO_POLARDB, type: "alicloud:rds/readOnlyInstance:ReadOnlyInstance", op: "delete", successor: "alicloud:polardb/cluster:Cluster" },
    { ...REDIS_TO_CLUSTER, type: "alicloud:kvstore/instance:Instance", op: "replace", properties: ["shardCount"], fromUnset: true },
    // Tair: the standby zone of the cluster edition cannot be added to a standalone instance in place.
    { ...REDIS_TO_CLUSTER, type: "alicloud:redis/tairInstance:TairInstance", op: "replace", properties: ["secondaryZoneId"], fromUnset: true },
    { ...RDS_SECOND_ZONE, type: "alicloud:rds/instance:Instance", op: "replace", properties: ["zoneIdSlaveA", "vswitchId"] },
    { ...MYSQL_TO_AURORA, type: "aws:rds/instance:Instance", op: "delete", successor: "aws:rds/cluster:Cluster" },
    // A region moved outside the residency boundary (components/model/global-database.ts, databaseNameSuffix).
    { ...SECONDARY_TO_PARTITION, type: "alicloud:polardb/cluster:Cluster", op: "delete", successor: "alicloud:polardb/cluster:Cluster", successorParentSuffix: "-partition", baseInputs: { creationOption: "CreateGdnStandby" } },
    { ...SECONDARY_TO_PARTITION, type: "aws:rds/cluster:Cluster", op: "delete", successor: "aws:rds/cluster:Cluster", successorParentSuffix: "-partition", baseInputSet: "globalClusterIdentifier" },
    { ...SECONDARY_TO_PARTITION, type: "aws:rds/clusterInstance:ClusterInstance", op: "delete", successor: "aws:rds/cluster:Cluster", successorParentSuffix: "-partition" },
    // compute kubernetes -> serverless: the cluster and its node pools go when the stack declares the serverless services.
    { ...CLUSTER_TO_SERVERLESS, type: "alicloud:cs/managedKubernetes:ManagedKubernetes", op: "delete", successor: "alicloud:sae/application:Application", successorAnywhere: true },
    { ...CLUSTER_TO_SERVERLESS, type: "alicloud:cs/nodePool:NodePool", op: "delete", successor: "alicloud:sae/application:Application", successorAnywhere: true },
    { ...CLUSTER_TO_SERVERLESS, type: "aws:eks/cluster:Cluster", op: "delete", successor: "aws:ecs/service:Service", successorAnywhere: true },
    { ...CLUSTER_TO_SERVERLESS, type: "aws:eks/nodeGroup:NodeGroup", op: "delete", successor: "aws:ecs/service:Service", successorAnywhere: true },
];

function parentName(parentUrn: string | null): string {
    return parentUrn?.split("::").pop() ?? "";
}

/**
 * The migration that covers a stateful replace or delete, or null. A delete is covered only when
 * the head declares the successor beside it (same parent component); a replace only when every
 * property behind it is one the migration handles.
 */
export function migrationFor(
    resource: UpgradeResource,
    op: "replace" | "delete",
    properties: readonly ChangedProperty[],
    head: readonly UpgradeResource[],
    baseInputs: Readonly<Record<string, unknown>>,
    rules: readonly MigrationRule[] = MIGRATIONS,
): Migration | null {
    const replacing = properties.filter((p) => p.replaces).map((p) => p.name);
    const rule = rules.find(
        (m) =>
            m.type === resource.type &&
            m.op === op &&
            (m.successor === undefined || head.some((h) => h.type === m.successor && (m.successorAnywhere === true || parentName(h.parent) === `${parentName(resource.parent)}${m.successorParentSuffix ?? ""}`))) &&
            Object.entries(m.baseInputs ?? {}).every(([k, v]) => baseInputs[k] === v) &&
            (m.baseInputSet === undefined || (baseInputs[m.baseInputSet] !== undefined && baseInputs[m.baseInputSet] !== "")) &&
            (m.properties === undefined || replacing.every((p) => m.properties?.includes(p))) &&
            (m.fromUnset !== true || replacing.every((p) => valueAt(baseInputs, p) === undefined)),
    );
    return rule === undefined ? null : { id: rule.id, doc: rule.doc, summary: rule.summary };
}
