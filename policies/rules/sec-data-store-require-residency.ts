// Data residency: user data stays in the region it belongs to (the seed: user data stored by
// region). With a residency boundary (the stack config `live-commerce:residency`, carried as the
// `residency` tag of every resource, or this policy's `boundary` / `regions` config), every data
// store (database, cache, queue, topic, bucket) is inside the boundary or in a region the stack
// declares a separate partition (tag `residency: separate:<region>`: that region keeps only its own
// users' data), and no replication link joins two partitions: a global database secondary, an
// Aurora global cluster member, a cross-region read replica, an ElastiCache global datastore
// member, a Tair global instance, an OSS or S3 replication rule.
//
// Requests are not judged here: a CDN whose standby sources sit in another partition carries the
// boundary's users' requests (cart, user API) there, and the flow walk breaks every viewer flow on
// that CDN domain (policies/flows/alicloud.ts, "the CDN's sources stay inside"; docs/GLOBAL.md).
//
// Where a link's far end cannot be placed before the resources exist (an OSS replication
// destination computed in a first preview without a dependency), the fact is listed as
// undetermined by ha-stack-cannot-judge-from-input, never reported as a violation.

import type { Node } from "../availability/tiers";
import { REPLACE_ON_CHANGE } from "../conformance/replace-on-change";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { Finding, Judgement, containsUnknown, depsOf, isUnknown } from "../lib/refs";
import { isRecord, list, record, str, tagValue } from "../lib/values";
import { BOUNDARY_NAMES, boundaryRegions, isBoundaryName } from "../../components/model/residency";
import { ALICLOUD_REGIONS, ALICLOUD_RESIDENCY_BOUNDARIES } from "../../components/alicloud/regions";
import { AWS_REGIONS, AWS_RESIDENCY_BOUNDARIES } from "../../components/aws/regions";

/**
 * The region ids the pack config's `regions` may list: the union of the clouds' region tables
 * (components/alicloud/regions.ts, components/aws/regions.ts, each citing its source), since a
 * pack config is not bound to one cloud.
 */
/** Each cloud's regions inside the named boundaries (the cloud profiles' residencyBoundaries). */
const RESIDENCY_BOUNDARIES_OF = { alicloud: ALICLOUD_RESIDENCY_BOUNDARIES, aws: AWS_RESIDENCY_BOUNDARIES } as const;

export const RESIDENCY_REGION_IDS: readonly string[] = [...new Set([...Object.keys(ALICLOUD_REGIONS.regions), ...Object.keys(AWS_REGIONS.regions)])].sort();

interface Config {
    readonly boundary: string;
    readonly regions: readonly string[];
}

/** The boundary a check runs against: its name (for messages) and its regions. */
export interface Boundary {
    readonly name: string;
    readonly regions: readonly string[];
}

/** The tag every resource of a stack with a residency carries (components/model/residency.ts, residencyTag). */
export const RESIDENCY_TAG = "residency";
const SEPARATE = "separate:";

/** What the stateful kinds hold that residency covers (Kubernetes clusters and node pools hold no user data). */
const DATA_KINDS: readonly string[] = ["database", "cache", "queue", "topic", "bucket"];

/** Data stores beyond the replace-on-change table: global containers of replicated data. */
const GLOBAL_STORES: readonly string[] = ["alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork", "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup"];

export function isDataStore(type: string): boolean {
    const kind = REPLACE_ON_CHANGE[type]?.stateful;
    return (kind !== undefined && kind !== null && DATA_KINDS.includes(kind)) || GLOBAL_STORES.includes(type);
}

/** Cloud of a type token (its first segment), as the boundary table names it. */
function cloudOf(type: string): "alicloud" | "aws" | undefined {
    const c = type.split(":")[0];
    return c === "alicloud" || c === "aws" ? c : undefined;
}

/**
 * The boundary of a stack: the policy config when set (`regions`, else `boundary` by name), else
 * the boundary most of the resources' `residency` tags name (a boundary name, or region ids joined
 * by "+"; on a tie, the one named first); undefined when there is none. Tags that disagree do not
 * switch the rule off: see disagreeingTags.
 */
export function boundaryOf(nodes: readonly Node[], config: Partial<Config>): Boundary | undefined {
    const cloud = nodes.map((n) => cloudOf(n.type)).find((c) => c !== undefined) ?? "alicloud";
    if (config.regions !== undefined && config.regions.length > 0) return { name: config.regions.join("+"), regions: config.regions };
    const named = (name: string): Boundary | undefined => {
        if (name === "") return undefined;
        const regions = boundaryRegions(name, { residencyBoundaries: RESIDENCY_BOUNDARIES_OF[cloud] }) ?? (isBoundaryName(name) ? undefined : name.split("+").filter((r) => r !== ""));
        return regions === undefined || regions.length === 0 ? undefined : { name, regions };
    };
    if (config.boundary !== undefined && config.boundary !== "") return named(config.boundary);
    const majority = majorityTag(nodes);
    return majority === undefined ? undefined : named(majority);
}

/** The boundary `residency` tag values of the nodes (separate partitions left out), each with its nodes, in order of first use. */
function boundaryTags(nodes: readonly Node[]): Map<string, Node[]> {
    const byTag = new Map<string, Node[]>();
    for (const n of nodes) {
        const t = tagValue(n.props, RESIDENCY_TAG);
        if (t === undefined || t === "" || t.startsWith(SEPARATE)) continue;
        byTag.set(t, [...(byTag.get(t) ?? []), n]);
    }
    return byTag;
}

/** The boundary tag most nodes carry (the first named on a tie); undefined when none carries one. */
function majorityTag(nodes: readonly Node[]): string | undefined {
    let best: [string, number] | undefined;
    for (const [tag, tagged] of boundaryTags(nodes)) if (best === undefined || tagged.length > best[1]) best = [tag, tagged.length];
    return best?.[0];
}

/**
 * Resources whose boundary `residency` tag disagrees with the one most resources carry: one stack
 * has one boundary (components/model/residency.ts, residencyTag), so a different value is a
 * mislabelled resource, reported, never a reason to skip the check.
 */
export function disagreeingTags(nodes: readonly Node[]): Finding[] {
    const majority = majorityTag(nodes);
    if (majority === undefined) return [];
    return [...boundaryTags(nodes)].filter(([tag]) => tag !== majority).flatMap(([tag, tagged]) =>
        tagged.map((n) => ({ urn: n.urn, message: `${n.type} is tagged residency=${tag}, but the stack's other resources name the boundary ${majority}: the residency tags disagree (one stack has one boundary); the links are judged against ${majority}.` })),
    );
}

/** The partition a region belongs to: the boundary, or the region itself when outside. */
function partitionOf(region: string, boundary: Boundary): string {
    return boundary.regions.includes(region) ? boundary.name : `${SEPARATE}${region}`;
}

/** A replication link: `from` holds (or receives) a copy of `to`'s data. */
interface Link {
    readonly from: Node;
    readonly what: string;
    /**
     * The far end: its region when known; `outside` when a known value names no resource of the
     * stack and carries no region (its region cannot be shown inside the boundary: a violation);
     * `unknown` only while a first preview has not computed the value.
     */
    readonly to: { readonly region: string; readonly name: string } | { readonly outside: string } | { readonly unknown: string };
}

function byUrn(nodes: readonly Node[]): ReadonlyMap<string, Node> {
    return new Map(nodes.map((n) => [n.urn, n]));
}

function nameOf(urn: string): string {
    return urn.split("::").pop() ?? urn;
}

/** The nodes property `prop` of `n` depends on, of one of `types`. */
function targets(n: Node, prop: string, types: readonly string[], index: ReadonlyMap<string, Node>): Node[] {
    return depsOf(n, prop).map((u) => index.get(u)).filter((t): t is Node => t !== undefined && types.includes(t.type));
}

/** A link to each target of `prop` (a dependency on a resource of `types`), or an unknown one when a value is set without a resolvable target. */
function referenceLinks(n: Node, prop: string, types: readonly string[], what: string, index: ReadonlyMap<string, Node>): Link[] {
    const value = n.props[prop];
    if (value === undefined || value === null || value === "" || value === false) return [];
    const found = targets(n, prop, types, index);
    if (found.length > 0) return found.map((t) => ({ from: n, what, to: t.region === undefined ? { unknown: `the region of ${nameOf(t.urn)} is not known` } : { region: t.region, name: nameOf(t.urn) } }));
    return [{ from: n, what, to: farEnd(value, prop) }];
}

/**
 * The far end of a reference that names no resource of the stack: unknown while a first preview
 * has not computed it; else the region an ARN carries (`arn:<partition>:<service>:<region>:...`,
 * AWS General Reference, "Amazon Resource Names"); else outside the stack, region unknowable.
 */
function farEnd(value: unknown, prop: string): Link["to"] {
    if (containsUnknown(value)) return { unknown: `${prop} is not known before the resources exist and names no resource of the stack` };
    const s = str(value) ?? JSON.stringify(value);
    const region = /^arn:[^:]+:[^:]+:([a-z0-9-]+):/.exec(s)?.[1];
    return region !== undefined ? { region, name: s } : { outside: s };
}

const T = {
    polardb: "alicloud:polardb/cluster:Cluster",
    gdn: "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork",
    ossBucket: "alicloud:oss/bucket:Bucket",
    ossReplication: "alicloud:oss/bucketReplication:BucketReplication",
    kvstore: "alicloud:kvstore/instance:Instance",
    tair: "alicloud:redis/tairInstance:TairInstance",
    auroraCluster: "aws:rds/cluster:Cluster",
    globalCluster: "aws:rds/globalCluster:GlobalCluster",
    rdsInstance: "aws:rds/instance:Instance",
    clusterSnapshot: "aws:rds/clusterSnapshot:ClusterSnapshot",
    dbSnapshot: "aws:rds/snapshot:Snapshot",
    aliRdsInstance: "alicloud:rds/instance:Instance",
    replicationGroup: "aws:elasticache/replicationGroup:ReplicationGroup",
    globalReplicationGroup: "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup",
    s3Bucket: "aws:s3/bucket:Bucket",
    s3BucketV2: "aws:s3/bucketV2:BucketV2",
    s3Replication: "aws:s3/bucketReplicationConfig:BucketReplicationConfig",
    backupPlan: "aws:backup/plan:Plan",
    backupVault: "aws:backup/vault:Vault",
    airGappedVault: "aws:backup/logicallyAirGappedVault:LogicallyAirGappedVault",
    polardbBackupPolicy: "alicloud:polardb/backupPolicy:BackupPolicy",
    rdsCrossBackup: "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy",
    hbrVault: "alicloud:hbr/vault:Vault",
    hbrReplicationVault: "alicloud:hbr/replicationVault:ReplicationVault",
    snapshotCopy: "aws:rds/snapshotCopy:SnapshotCopy",
    clusterSnapshotCopy: "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy",
    backupsReplication: "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication",
} as const;

/** OSS names regions `oss-<region id>` (oss.BucketReplication `destination.location`, oss.Bucket `location`). */
function ossRegion(location: unknown): string | undefined {
    const s = str(location);
    return s === undefined || isUnknown(s) ? undefined : s.replace(/^oss-/, "");
}

/**
 * Every replication link of the stack. Inputs read (terraform-provider-alicloud v1.294 / -aws
 * v6.66 docs): polardb_cluster `gdn_id` (a CreateGdnStandby secondary) and
 * polardb_global_database_network `db_cluster_id` (its primary); kvstore_instance
 * `global_instance_id`; rds_cluster `global_cluster_identifier` and
 * `replication_source_identifier`; db_instance `replicate_source_db`;
 * elasticache_replication_group `global_replication_group_id` and
 * elasticache_global_replication_group `primary_replication_group_id`; oss_bucket_replication
 * `bucket` and `destination.{bucket, location}`; s3_bucket_replication_configuration `bucket` and
 * `rule.destination.bucket`; and the data movements of DATA_MOVES and backupCopyLinks (DTS jobs,
 * cross-region backups and snapshot copies, AWS Backup copy actions).
 */
export function replicationLinks(nodes: readonly Node[]): Link[] {
    const index = byUrn(nodes);
    return nodes.flatMap((n): Link[] => {
        if (n.type === T.ossReplication) return ossReplicationLinks(n, index);
        if (n.type === T.s3Replication) return s3ReplicationLinks(n, index);
        if (n.type === T.backupPlan) return backupCopyLinks(n, index);
        const moves = DATA_MOVES[n.type];
        if (moves !== undefined) return moves.flatMap((m) => dataMoveLinks(n, m, index));
        return (REFERENCE_LINKS[n.type] ?? []).filter((l) => l.when === undefined || l.when(n)).flatMap((l) => referenceLinks(n, l.property, l.targets, l.what, index));
    });
}

/**
 * PolarDB `creationOption` values whose `sourceResourceId` names the cluster or RDS instance the
 * new cluster copies its data from (polardb.Cluster `sourceResourceId`: "required only when
 * CreationOption is set to MigrationFromRDS, CloneFromRDS, or CloneFromPolarDB";
 * @pulumi/alicloud 3.108.0 polardb/cluster.d.ts; CreateDBCluster `SourceResourceId`).
 */
export const POLARDB_COPY_OPTIONS: readonly string[] = ["CloneFromPolarDB", "CloneFromRDS", "MigrationFromRDS"];

/**
 * Whether a restore's `snapshotIdentifier` (rds.Cluster, rds.Instance; @pulumi/aws 7.48.0 .d.ts:
 * "the name or ARN" of a DB cluster snapshot, "the snapshot ID") may name another region's
 * snapshot: an ARN (it carries its region), a snapshot of the stack (by dependency), or a value a
 * first preview has not computed. A bare identifier names a snapshot of the resource's own region:
 * RDS names a snapshot of another region by its ARN only (Amazon RDS API Reference,
 * CopyDBClusterSnapshot `SourceDBClusterSnapshotIdentifier`: "If the source snapshot is in a
 * different AWS Region than the copy, specify a valid cluster snapshot ARN").
 */
function snapshotElsewhere(prop: string): (n: Node) => boolean {
    return (n) => {
        const v = n.props[prop];
        return /^arn:/.test(str(v) ?? "") || depsOf(n, prop).length > 0 || containsUnknown(v);
    };
}

/** Links read from one reference input: the input, the types it refers to, and what the link is. */
const REFERENCE_LINKS: Readonly<Record<string, readonly { readonly property: string; readonly targets: readonly string[]; readonly what: string; readonly when?: (n: Node) => boolean }[]>> = {
    [T.polardb]: [
        { property: "gdnId", targets: [T.gdn], what: "global database secondary of" },
        { property: "sourceResourceId", targets: [T.polardb, T.aliRdsInstance], what: "clone of", when: (n) => POLARDB_COPY_OPTIONS.includes(str(n.props.creationOption) ?? "") },
    ],
    [T.gdn]: [{ property: "dbClusterId", targets: [T.polardb], what: "global database network of" }],
    [T.kvstore]: [{ property: "globalInstanceId", targets: [T.kvstore], what: "global instance member of" }],
    [T.auroraCluster]: [
        { property: "globalClusterIdentifier", targets: [T.globalCluster], what: "global cluster member of" },
        { property: "replicationSourceIdentifier", targets: [T.auroraCluster, T.rdsInstance], what: "replica of" },
        { property: "snapshotIdentifier", targets: [T.clusterSnapshot], what: "restored from snapshot", when: snapshotElsewhere("snapshotIdentifier") },
    ],
    [T.rdsInstance]: [
        { property: "replicateSourceDb", targets: [T.rdsInstance], what: "read replica of" },
        { property: "snapshotIdentifier", targets: [T.dbSnapshot], what: "restored from snapshot", when: snapshotElsewhere("snapshotIdentifier") },
    ],
    [T.replicationGroup]: [{ property: "globalReplicationGroupId", targets: [T.globalReplicationGroup], what: "global datastore member of" }],
    [T.globalReplicationGroup]: [{ property: "primaryReplicationGroupId", targets: [T.replicationGroup], what: "global datastore of" }],
};

/**
 * One end of a data movement: the input naming its region and/or the input naming the resource
 * there (resolved through the dependency graph to a resource of the stack). Absent ends default to
 * the mover's own region.
 */
interface MoveEnd {
    readonly region?: string;
    readonly ref?: string;
    /** The input naming the end's instance type, where some types are a database reached by address (OFF_CLOUD_TYPES), and the input of that address. */
    readonly instanceType?: { readonly type: string; readonly ip: string };
}

/**
 * DTS endpoint instance types that reach a database by its address rather than as an instance of
 * an Alibaba Cloud region: `OTHER` (a self-built database over the public IP), `EXPRESS` (over a
 * leased line or VPN), `DG` (through a database gateway), `CEN` (through Cloud Enterprise Network):
 * "When `destinationEndpointInstanceType` is `OTHER`, `EXPRESS`, `DG`, `CEN`, this parameter
 * [destinationEndpointIp] is available and must be passed in" (@pulumi/alicloud 3.108.0
 * dts/synchronizationJob.d.ts; the DTS API ConfigureMigrationJob / ConfigureSynchronizationJob
 * DestinationEndpoint.InstanceType). Such a database is on premises or in another cloud: its
 * region input only says where DTS connects from, so the copy cannot be shown inside a boundary.
 */
export const OFF_CLOUD_TYPES: readonly string[] = ["OTHER", "EXPRESS", "DG", "CEN"];

/** A data movement a resource sets up: from one end to the other, both copies of one data set. */
interface DataMove {
    readonly what: string;
    readonly from: MoveEnd;
    readonly to: MoveEnd;
}

/** The destination instance type and address inputs of dts.SynchronizationJob and dts.MigrationJob. */
const DTS_DESTINATION = { type: "destinationEndpointInstanceType", ip: "destinationEndpointIp" };

/**
 * Resources that copy a data store's data to another place (inputs read at @pulumi/alicloud
 * 3.108.0 / @pulumi/aws 7.48.0 .d.ts, terraform-provider-alicloud v1.294 / -aws v6.66 docs):
 * - alicloud dts.SynchronizationJob, dts.MigrationJob: `sourceEndpointRegion`/
 *   `sourceEndpointInstanceId` to `destinationEndpointRegion`/`destinationEndpointInstanceId`
 *   ("The region of destination instance ... if the target is an Alibaba Cloud database, this
 *   parameter must be passed in");
 * - alicloud dts.SubscriptionJob: `sourceEndpointRegion`/`sourceEndpointInstanceId` to
 *   `destinationRegion` (where the change data is served to subscribers);
 * - alicloud dts.SynchronizationInstance, dts.MigrationInstance: `sourceEndpointRegion` to
 *   `destinationEndpointRegion`; dts.Instance: `sourceRegion` to `destinationRegion`;
 * - alicloud polardb.BackupPolicy: the cluster (`dbClusterId`) to
 *   `dataLevel2BackupAnotherRegionRegion` ("level-2 backup is a cross regional backup area") and
 *   to `logBackupAnotherRegionRegion` ("the region in which you want to store cross-region log
 *   backups");
 * - alicloud rds.RdsInstanceCrossBackupPolicy: the instance (`instanceId`) to `crossBackupRegion`;
 * - alicloud hbr.ReplicationVault: `replicationSourceRegionId`/`replicationSourceVaultId` to the
 *   replication vault's own region ("the replication vault used by the cross-region backup
 *   function");
 * - aws rds.SnapshotCopy / rds.ClusterSnapshotCopy: `sourceDbSnapshotIdentifier` /
 *   `sourceDbClusterSnapshotIdentifier` (an ARN in another region) to `destinationRegion`, else
 *   the copy's own region;
 * - aws rds.InstanceAutomatedBackupsReplication: `sourceDbInstanceArn` to its own region (the
 *   resource is declared in the destination region).
 */
const DATA_MOVES: Readonly<Record<string, readonly DataMove[]>> = {
    "alicloud:dts/synchronizationJob:SynchronizationJob": [{ what: "DTS synchronization to", from: { region: "sourceEndpointRegion", ref: "sourceEndpointInstanceId" }, to: { region: "destinationEndpointRegion", ref: "destinationEndpointInstanceId", instanceType: DTS_DESTINATION } }],
    "alicloud:dts/migrationJob:MigrationJob": [{ what: "DTS migration to", from: { region: "sourceEndpointRegion", ref: "sourceEndpointInstanceId" }, to: { region: "destinationEndpointRegion", ref: "destinationEndpointInstanceId", instanceType: DTS_DESTINATION } }],
    "alicloud:dts/subscriptionJob:SubscriptionJob": [{ what: "DTS change-data subscription in", from: { region: "sourceEndpointRegion", ref: "sourceEndpointInstanceId" }, to: { region: "destinationRegion" } }],
    "alicloud:dts/synchronizationInstance:SynchronizationInstance": [{ what: "DTS synchronization instance to", from: { region: "sourceEndpointRegion" }, to: { region: "destinationEndpointRegion" } }],
    "alicloud:dts/migrationInstance:MigrationInstance": [{ what: "DTS migration instance to", from: { region: "sourceEndpointRegion" }, to: { region: "destinationEndpointRegion" } }],
    "alicloud:dts/instance:Instance": [{ what: "DTS instance to", from: { region: "sourceRegion" }, to: { region: "destinationRegion" } }],
    [T.polardbBackupPolicy]: [
        { what: "PolarDB cross-region data backup to", from: { ref: "dbClusterId" }, to: { region: "dataLevel2BackupAnotherRegionRegion" } },
        { what: "PolarDB cross-region log backup to", from: { ref: "dbClusterId" }, to: { region: "logBackupAnotherRegionRegion" } },
    ],
    [T.rdsCrossBackup]: [{ what: "RDS cross-region backup to", from: { ref: "instanceId" }, to: { region: "crossBackupRegion" } }],
    [T.hbrReplicationVault]: [{ what: "HBR vault replication to", from: { region: "replicationSourceRegionId", ref: "replicationSourceVaultId" }, to: {} }],
    [T.snapshotCopy]: [{ what: "RDS snapshot copy to", from: { ref: "sourceDbSnapshotIdentifier" }, to: { region: "destinationRegion" } }],
    [T.clusterSnapshotCopy]: [{ what: "Aurora cluster snapshot copy to", from: { ref: "sourceDbClusterSnapshotIdentifier" }, to: { region: "destinationRegion" } }],
    [T.backupsReplication]: [{ what: "RDS automated backups replication to", from: { ref: "sourceDbInstanceArn" }, to: {} }],
};

/** Whether an input is set (not absent, empty, or null). */
function isSet(v: unknown): boolean {
    return v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);
}

/**
 * Where one end of a data movement is: the region of the stack resource its reference depends on,
 * else its region input, else what its reference's value says (an ARN's region, unknown in a
 * first preview, outside the stack for a destination; a bare source id is of the mover's own
 * region); undefined when neither input is set (the mover's own region).
 */
function moveEnd(n: Node, end: MoveEnd, index: ReadonlyMap<string, Node>, side: "from" | "to"): Link["to"] | undefined {
    if (side === "to" && end.instanceType !== undefined) {
        const type = n.props[end.instanceType.type];
        if (typeof type === "string" && OFF_CLOUD_TYPES.includes(type.toUpperCase())) {
            const ip = n.props[end.instanceType.ip];
            return { outside: `a database reached by address (${end.instanceType.type} ${type}${typeof ip === "string" && ip !== "" ? `, ${end.instanceType.ip} ${ip}` : ""}), in no Alibaba Cloud region` };
        }
    }
    if (end.ref !== undefined) {
        const found = depsOf(n, end.ref).map((u) => index.get(u)).filter((t): t is Node => t !== undefined && t.type.split(":")[0] === n.type.split(":")[0] && !t.type.startsWith("pulumi:"));
        const placed = found.find((t) => t.region !== undefined);
        if (placed !== undefined && placed.region !== undefined) return { region: placed.region, name: nameOf(placed.urn) };
        if (found.length > 0) return { unknown: `the region of ${nameOf(found[0].urn)} is not known` };
    }
    if (end.region !== undefined) {
        const v = n.props[end.region];
        if (containsUnknown(v)) return { unknown: `${end.region} is not known before the resources exist` };
        if (typeof v === "string" && v !== "") return { region: v, name: `${end.region} ${v}` };
    }
    if (end.ref !== undefined && isSet(n.props[end.ref])) {
        const to = farEnd(n.props[end.ref], end.ref);
        // a bare source id (not an ARN) names a resource of the mover's own region (a snapshot, an instance);
        // a destination named by a bare id and no region (a self-built database, an instance elsewhere) cannot be shown inside
        return "outside" in to && side === "from" ? undefined : to;
    }
    return undefined;
}

/** The link a data movement sets up, when its far end is set (a movement without a destination region copies within the mover's region). */
function dataMoveLinks(n: Node, move: DataMove, index: ReadonlyMap<string, Node>): Link[] {
    const toRegion = move.to.region === undefined ? undefined : n.props[move.to.region];
    const toRef = move.to.ref === undefined ? undefined : n.props[move.to.ref];
    const own: Link["to"] | undefined = n.region === undefined ? undefined : { region: n.region, name: nameOf(n.urn) };
    // a movement whose far end is its own region is named by its source only (a snapshot copy, a backups replication, an HBR replication vault)
    const farSet = move.to.region === undefined && move.to.ref === undefined ? true : isSet(toRegion) || isSet(toRef);
    if (!farSet) return [];
    const from = moveEnd(n, move.from, index, "from") ?? own;
    const to = moveEnd(n, move.to, index, "to") ?? own;
    if (from === undefined || to === undefined) return [];
    if ("unknown" in from) return [{ from: n, what: move.what, to: from }];
    if ("outside" in from) return [];
    return [{ from: { ...n, region: from.region }, what: `${move.what}`, to }];
}

/**
 * An AWS Backup plan copies every recovery point of a rule to each `rules[].copyActions[]
 * .destinationVaultArn` (backup.Plan; aws_backup_plan `copy_action.destination_vault_arn`: "ARN
 * that uniquely identifies the destination backup vault for the copied backup"): a link from the
 * plan's region to the vault's, read from a vault of the stack the rules depend on, else the ARN.
 */
function backupCopyLinks(n: Node, index: ReadonlyMap<string, Node>): Link[] {
    const arns = list(n.props.rules).filter(isRecord).flatMap((r) => list(r.copyActions).filter(isRecord).map((c) => c.destinationVaultArn)).filter(isSet);
    if (arns.length === 0) return [];
    const vaults = targets(n, "rules", [T.backupVault, T.airGappedVault], index);
    const what = `AWS Backup copy of ${nameOf(n.urn)} to`;
    return arns.map((arn): Link => {
        // a known ARN carries its region; an unknown one (a vault created with the plan) is placed by the vault the rules depend on
        if (!containsUnknown(arn) || vaults.length === 0) return { from: n, what, to: farEnd(arn, "rules[].copyActions[].destinationVaultArn") };
        const regions = [...new Set(vaults.map((v) => v.region))];
        const region = regions.length === 1 ? regions[0] : undefined;
        return { from: n, what, to: region === undefined ? { unknown: "rules[].copyActions[].destinationVaultArn is not known and the vaults the rules depend on are in several regions or none" } : { region, name: vaults.map((v) => nameOf(v.urn)).join(", ") } };
    });
}

/** An OSS replication rule joins its source bucket with the destination (by its location, else the destination bucket it depends on). */
function ossReplicationLinks(n: Node, index: ReadonlyMap<string, Node>): Link[] {
    const destination = record(n.props.destination);
    const location = ossRegion(destination.location);
    const destBuckets = targets(n, "destination", [T.ossBucket], index);
    const to: Link["to"] =
        location !== undefined ? { region: location, name: str(destination.bucket) ?? "the destination bucket" }
        : destBuckets[0]?.region !== undefined ? { region: destBuckets[0].region, name: nameOf(destBuckets[0].urn) }
        : { unknown: "destination.location is not known and no destination bucket of the stack is referenced" };
    const sources = targets(n, "bucket", [T.ossBucket], index);
    // The rule's own region is its source bucket's: the provider of the rule is the source's.
    const from = sources[0] ?? n;
    return [{ from: { ...from, urn: n.urn }, what: `OSS replication of ${nameOf(from.urn)} to`, to }];
}

/** An S3 replication configuration joins its bucket with each rule's destination bucket (by dependency). */
function s3ReplicationLinks(n: Node, index: ReadonlyMap<string, Node>): Link[] {
    const rules = list(n.props.rules).filter(isRecord);
    if (rules.length === 0) return [];
    const destinations = targets(n, "rules", [T.s3Bucket, T.s3BucketV2], index);
    const what = `S3 replication of ${str(n.props.bucket) ?? nameOf(n.urn)} to`;
    if (destinations.length === 0) {
        const arns = rules.map((r) => record(r.destination).bucket).filter((b) => b !== undefined && b !== null && b !== "");
        if (arns.length === 0 || arns.some(containsUnknown)) return [{ from: n, what, to: { unknown: "rules[].destination.bucket is not known before the resources exist and names no bucket of the stack" } }];
        // An S3 bucket ARN carries no region (arn:aws:s3:::name; AWS General Reference, "Amazon Resource Names").
        return arns.map((b) => ({ from: n, what, to: farEnd(b, "rules[].destination.bucket") }));
    }
    return destinations.map((d) => ({ from: n, what, to: d.region === undefined ? { unknown: `the region of ${nameOf(d.urn)} is not known` } : { region: d.region, name: nameOf(d.urn) } }));
}

/** Regions the stack declares separate partitions (a resource there tagged `residency: separate:<its region>`). */
function separateRegions(nodes: readonly Node[]): Set<string> {
    return new Set(nodes.filter((n) => n.region !== undefined && tagValue(n.props, RESIDENCY_TAG) === `${SEPARATE}${n.region}`).map((n) => n.region ?? ""));
}

/** The residency verdict of a stack against `boundary`: sure violations, and what cannot be placed yet. */
export function residencyJudgement(nodes: readonly Node[], boundary: Boundary): Judgement {
    const violations: Finding[] = [];
    const undetermined: Finding[] = [];
    const separate = separateRegions(nodes);
    const where = `${boundary.name} (${boundary.regions.join(", ")})`;
    for (const n of nodes.filter((x) => isDataStore(x.type))) {
        if (n.region === undefined) {
            violations.push({ urn: n.urn, message: `${n.type} has no region (no provider region, no region tag): it cannot be shown to be inside ${where}.` });
            continue;
        }
        const tag = tagValue(n.props, RESIDENCY_TAG);
        const inside = boundary.regions.includes(n.region);
        if (tag !== undefined && tag !== partitionOf(n.region, boundary) && !(inside && !tag.startsWith(SEPARATE))) {
            violations.push({ urn: n.urn, message: `${n.type} in ${n.region} is tagged residency=${tag}, but its region belongs to ${partitionOf(n.region, boundary)}: the data is stored outside the partition it belongs to.` });
        } else if (!inside && !separate.has(n.region)) {
            violations.push({ urn: n.urn, message: `${n.type} is in ${n.region}, outside the residency boundary ${where}, in no declared separate partition.` });
        }
    }
    for (const link of replicationLinks(nodes)) {
        const region = link.from.region;
        if (region === undefined) continue;
        if ("unknown" in link.to) {
            undetermined.push({ urn: link.from.urn, message: `sec-data-store-require-residency: ${nameOf(link.from.urn)}, ${link.what} a far end that cannot be judged until created: ${link.to.unknown}.` });
        } else if ("outside" in link.to) {
            violations.push({ urn: link.from.urn, message: `${link.what} ${link.to.outside}: replicates to ${link.to.outside}, outside the stack: its region cannot be shown to be inside the residency boundary ${where}.` });
        } else if (partitionOf(region, boundary) !== partitionOf(link.to.region, boundary)) {
            violations.push({ urn: link.from.urn, message: `${link.what} ${link.to.name}: replicates between ${region} (${partitionOf(region, boundary)}) and ${link.to.region} (${partitionOf(link.to.region, boundary)}), across the residency boundary ${where}.` });
        }
    }
    return { violations, undetermined };
}

export const secDataStoreRequireResidency = stackRule(
    {
        name: "sec-data-store-require-residency",
        description: "Data stores and every replica of them stay inside the stack's residency boundary; regions outside it keep only their own users' data.",
        category: "security",
        remediation:
            "Keep databases, caches, queues and buckets in the regions of `live-commerce:residency`; a region outside it gets its own stores for its own users (no global database secondary, global datastore, read replica or bucket replication rule joins it with the boundary). See docs/GLOBAL.md, Data residency.",
        config: {
            boundary: { type: "string", enum: ["", ...BOUNDARY_NAMES], default: "", description: `Residency boundary by name (${BOUNDARY_NAMES.join(", ")}); empty reads the resources' \`residency\` tag.` },
            // no default: an explicit empty list is an error, not "no boundary"
            regions: { type: "array", items: { type: "string", enum: [...RESIDENCY_REGION_IDS] }, minItems: 1, description: "Region ids of the boundary (of either cloud's region table); when set, they override `boundary`. Defaults to unset." },
        },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        const boundary = boundaryOf(nodes, args.getConfig<Config>());
        if (boundary === undefined) args.notApplicable("no residency boundary (stack config live-commerce:residency, or this policy's boundary/regions)");
        else [...disagreeingTags(nodes), ...residencyJudgement(nodes, boundary).violations].forEach((f) => report(f.message, f.urn));
    },
);
