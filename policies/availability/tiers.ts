// Classification of resources into tiers of the request path, with the figure and failover
// time that apply. Pure: works on type tokens and input properties.

import { POLARDB_STANDBY_ON, RDS_HA_CATEGORIES, hasDistinctZone, isAurora, polardbStandbyInPrimaryZone } from "../lib/database";
import { Props, num, record, str } from "../lib/values";
import { depsOf, isUnknown, referenceKey } from "../lib/refs";
import { detectionSeconds, zoneNamesOf, zonesOfType } from "../lib/zones";

/**
 * Tiers of the synchronous request path, in the order a request crosses them. The message queue is
 * not one: orders are committed to the database first and published to Kafka from an outbox, and
 * likes/comments are merged and buffered by the app, so a queue outage delays events but fails no
 * request (see docs/POLICIES.md).
 */
export const TIERS = ["entry", "loadBalancer", "compute", "cache", "database"] as const;
export type Tier = (typeof TIERS)[number];

/** Tiers every region must have once it has any request-path resource. */
export const REQUIRED_TIERS: readonly Tier[] = ["loadBalancer", "compute", "database"];

export interface Node {
    readonly urn: string;
    readonly type: string;
    /** Input properties, unknown values as their sentinels (policies/lib/refs.ts). */
    readonly props: Props;
    /** Region of the resource's provider; undefined for global resources. */
    readonly region: string | undefined;
    /** Input property -> URNs it was computed from (the engine's property dependencies). */
    readonly deps?: Readonly<Record<string, readonly string[]>>;
}

const INDEXES = new WeakMap<readonly Node[], ReadonlyMap<string, Node>>();

/** The nodes by URN (built once per list). */
export function byUrnOf(nodes: readonly Node[]): ReadonlyMap<string, Node> {
    const known = INDEXES.get(nodes);
    if (known !== undefined) return known;
    const index = new Map(nodes.map((n) => [n.urn, n]));
    INDEXES.set(nodes, index);
    return index;
}

/**
 * A lookup table derived from a node list, built once per list and key: the stack checks ask the
 * same question of every resource, so each answer over the whole list is computed once (linear in
 * the stack, not quadratic).
 */
function perList<V>(cache: WeakMap<readonly Node[], Map<string, V>>, nodes: readonly Node[], key: string, build: () => V): V {
    const tables = cache.get(nodes) ?? new Map<string, V>();
    cache.set(nodes, tables);
    const known = tables.get(key);
    if (known !== undefined) return known;
    const value = build();
    tables.set(key, value);
    return value;
}

const GROUPS = new WeakMap<readonly Node[], Map<string, ReadonlyMap<string, readonly Node[]>>>();

/** The nodes grouped by `keyOf` (nodes it gives undefined are left out), in list order; `name` names the grouping for the cache. */
function groupedBy(nodes: readonly Node[], name: string, keysOf: (n: Node) => readonly string[]): ReadonlyMap<string, readonly Node[]> {
    return perList(GROUPS, nodes, name, () => {
        const groups = new Map<string, Node[]>();
        for (const n of nodes) {
            for (const key of new Set(keysOf(n))) {
                const same = groups.get(key);
                if (same === undefined) groups.set(key, [n]);
                else same.push(n);
            }
        }
        return groups;
    });
}

/** The nodes of a type token, in list order. */
export function nodesOfType(nodes: readonly Node[], type: string): readonly Node[] {
    return groupedBy(nodes, "type", (n) => [n.type]).get(type) ?? [];
}

/** Distinct zones a zonal resource is known to cover (see ZONE_SOURCES). */
function zonesOf(node: Node, nodes: readonly Node[]): number {
    return zonesOfType(node, byUrnOf(nodes)).zones;
}

export interface Placement {
    readonly tier: Tier;
    /** Key into FIGURES (or NOT_PUBLISHED). */
    readonly figure: string;
    /** Key into FAILOVER, or seconds computed from the resource itself, or undefined when not applicable. */
    readonly failover?: string | number;
}

/** Types that are part of a tier but not a point of failure of their own (listeners, rules, policies...). */
export const SUPPORTING_TYPES: readonly string[] = [
    "alicloud:alb/listener:Listener", "alicloud:alb/serverGroup:ServerGroup", "alicloud:alb/rule:Rule",
    "alicloud:ess/scalingConfiguration:ScalingConfiguration", "alicloud:ess/scalingRule:ScalingRule", "alicloud:ess/scheduledTask:ScheduledTask", "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment",
    "alicloud:rds/readOnlyInstance:ReadOnlyInstance", "alicloud:rds/rdsDbProxy:RdsDbProxy", "alicloud:rds/backupPolicy:BackupPolicy", "alicloud:rds/database:Database", "alicloud:rds/account:Account", "alicloud:rds/rdsAccount:RdsAccount", "alicloud:rds/accountPrivilege:AccountPrivilege",
    "alicloud:polardb/backupPolicy:BackupPolicy", "alicloud:polardb/database:Database", "alicloud:polardb/account:Account", "alicloud:polardb/accountPrivilege:AccountPrivilege", "alicloud:polardb/endpoint:Endpoint", "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork",
    "alicloud:alikafka/topic:Topic", "alicloud:alikafka/consumerGroup:ConsumerGroup", "alicloud:ess/alarm:Alarm",
    "aws:lb/listener:Listener", "aws:lb/targetGroup:TargetGroup", "aws:lb/listenerRule:ListenerRule", "aws:ec2/launchTemplate:LaunchTemplate",
    "aws:autoscaling/policy:Policy", "aws:autoscaling/schedule:Schedule", "aws:autoscaling/attachment:Attachment", "aws:autoscaling/tag:Tag",
    "aws:appautoscaling/target:Target", "aws:appautoscaling/policy:Policy", "aws:appautoscaling/scheduledAction:ScheduledAction",
    "aws:rds/clusterInstance:ClusterInstance", "aws:rds/subnetGroup:SubnetGroup", "aws:rds/parameterGroup:ParameterGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:rds/globalCluster:GlobalCluster", "aws:rds/proxy:Proxy",
    "aws:elasticache/subnetGroup:SubnetGroup", "aws:elasticache/parameterGroup:ParameterGroup", "aws:msk/configuration:Configuration", "aws:msk/topic:Topic",
    "aws:route53/healthCheck:HealthCheck", "aws:route53/zone:Zone",
    // Serverless tier: the SAE ingress is the ALB's listener, the rest configures the applications / services.
    "alicloud:sae/namespace:Namespace", "alicloud:sae/applicationScalingRule:ApplicationScalingRule", "alicloud:sae/ingress:Ingress", "alicloud:sae/configMap:ConfigMap",
    "aws:ecs/cluster:Cluster", "aws:ecs/taskDefinition:TaskDefinition",
    "aws:appautoscaling/target:Target", "aws:appautoscaling/policy:Policy", "aws:appautoscaling/scheduledAction:ScheduledAction",
];

/** Module prefixes of resources off the request path (network, identity, monitoring, storage of media, workloads). */
export const OFF_PATH_PREFIXES: readonly string[] = [
    "pulumi:", "random:", "live-commerce:",
    "alicloud:alikafka/", "aws:msk/",
    "alicloud:vpc/", "alicloud:ecs/securityGroup", "alicloud:ecs/eip", "alicloud:cms/", "alicloud:ram/", "alicloud:kms/", "alicloud:oss/", "alicloud:log/", "alicloud:cdn/", "alicloud:dcdn/", "alicloud:live/", "alicloud:dns/", "alicloud:alidns/", "alicloud:cs/",
    "aws:ec2/vpc", "aws:ec2/subnet", "aws:ec2/internetGateway", "aws:ec2/natGateway", "aws:ec2/eip", "aws:ec2/route", "aws:ec2/securityGroup", "aws:vpc/", "aws:cloudwatch/", "aws:sns/", "aws:iam/", "aws:kms/", "aws:s3/", "aws:cloudfront/", "aws:ivs/", "aws:acm/", "aws:eks/", "aws:secretsmanager/", "aws:ssm/",
    "kubernetes:",
];

/**
 * Components of the video path (ingest, transcoding, playback): their resources serve the stream,
 * whose target is play success > 99.9%, not the transactional request path. Recognised by the
 * component type in the resource's URN type chain.
 */
export const VIDEO_PATH_COMPONENT = /::live-commerce:[a-z]+:Video\$/;

/** Where a resource sits; "supporting" and "off-path" do not count; "unknown" is a finding. */
export function place(node: Node, nodes: readonly Node[]): Placement | "supporting" | "off-path" | "unknown" {
    const p = node.props;
    if (VIDEO_PATH_COMPONENT.test(node.urn)) return "off-path";
    switch (node.type) {
        case "aws:route53/record:Record":
            return { tier: "entry", figure: "aws.route53" };
        case "alicloud:dns/gtmInstance:GtmInstance":
            return { tier: "entry", figure: "alicloud.gtm" };
        case "alicloud:alb/loadBalancer:LoadBalancer":
            return { tier: "loadBalancer", figure: zonesOf(node, nodes) >= 2 ? "alicloud.alb.multi-zone" : "alicloud.alb.single-zone" };
        case "aws:lb/loadBalancer:LoadBalancer":
            return { tier: "loadBalancer", figure: zonesOf(node, nodes) >= 2 ? "aws.elb.multi-az" : "aws.elb.single-az" };
        case "alicloud:ess/scalingGroup:ScalingGroup":
            return { tier: "compute", figure: zonesOf(node, nodes) >= 2 ? "alicloud.ecs.multi-zone" : "alicloud.ecs.single", failover: healthCheckSeconds(node, nodes) };
        case "aws:autoscaling/group:Group":
            return { tier: "compute", figure: zonesOf(node, nodes) >= 2 ? "aws.ec2.multi-az" : "aws.ec2.single", failover: healthCheckSeconds(node, nodes) };
        case "alicloud:cs/nodePool:NodePool":
        case "aws:eks/nodeGroup:NodeGroup": {
            // A cluster's node pools (often one per zone) form one compute element spanning their zones.
            const pools = clusterNodePools(node, nodes);
            if (pools[0] !== node) return "supporting";
            const aws = node.type.startsWith("aws:");
            const zones = poolZones(pools, nodes);
            const figure = aws ? (zones >= 2 ? "aws.ec2.multi-az" : "aws.ec2.single") : zones >= 2 ? "alicloud.ecs.multi-zone" : "alicloud.ecs.single";
            return { tier: "compute", figure, failover: healthCheckSeconds(node, nodes) };
        }
        case "alicloud:sae/application:Application":
            // SAE spreads an application's instances over its vSwitches (one comma-separated VSwitchId).
            return { tier: "compute", figure: zonesOf(node, nodes) >= 2 ? "alicloud.sae.multi-zone" : "alicloud.sae.single-zone", failover: probeSeconds(p.readinessV2) };
        case "aws:ecs/service:Service":
            return {
                tier: "compute",
                figure: zonesOf(node, nodes) >= 2 ? "aws.fargate.multi-az" : "aws.fargate.single-az",
                failover: healthCheckSeconds(node, nodes),
            };
        case "alicloud:ecs/instance:Instance":
            return { tier: "compute", figure: "alicloud.ecs.single" };
        case "aws:ec2/instance:Instance":
            return { tier: "compute", figure: "aws.ec2.single" };
        case "alicloud:kvstore/instance:Instance":
        case "alicloud:redis/tairInstance:TairInstance":
            return { tier: "cache", figure: "alicloud.redis", failover: str(p.nodeType) === "STAND_ALONE" ? undefined : "alicloud.redis.master-replica" };
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return {
                tier: "cache",
                figure: p.multiAzEnabled === true ? "aws.elasticache.multi-az" : "aws.elasticache.single-az",
                failover: p.automaticFailoverEnabled === true ? "aws.elasticache.failover" : undefined,
            };
        case "alicloud:rds/instance:Instance":
            return { tier: "database", ...alicloudRds(p) };
        case "alicloud:polardb/cluster:Cluster":
            // a hot standby in the primary's own zone is no standby across zones (ha-database-require-multi-zone)
            return { tier: "database", figure: "alicloud.polardb", failover: POLARDB_STANDBY_ON.includes(str(p.hotStandbyCluster) ?? "") && polardbStandbyInPrimaryZone(p.zoneId, p.standbyAz) === undefined ? "alicloud.polardb.hot-standby" : "alicloud.polardb.no-hot-standby" };
        case "aws:rds/instance:Instance":
            if (p.replicateSourceDb !== undefined) return "supporting";
            return p.multiAz === true ? { tier: "database", figure: "aws.rds.multi-az", failover: "aws.rds.multi-az-instance" } : { tier: "database", figure: "aws.rds.single" }; // no standby: no failover
        case "aws:rds/cluster:Cluster":
            return { tier: "database", ...awsCluster(node, nodes) };
    }
    if (SUPPORTING_TYPES.includes(node.type)) return "supporting";
    if (OFF_PATH_PREFIXES.some((prefix) => node.type.startsWith(prefix))) return "off-path";
    return "unknown";
}

function alicloudRds(p: Props): Omit<Placement, "tier"> {
    const category = str(p.category) ?? "Basic";
    if (!RDS_HA_CATEGORIES.includes(category)) return { figure: "alicloud.rds.basic" }; // no standby: no failover
    const multiZone = hasDistinctZone(str(p.zoneId), str(p.zoneIdSlaveA));
    return { figure: multiZone ? "alicloud.rds.ha-multi-zone" : "alicloud.rds.ha-single-zone", failover: "alicloud.rds.ha" };
}

/** Aurora: multi-AZ with >= 2 instances in the region; other engines: a Multi-AZ DB cluster. */
function awsCluster(node: Node, nodes: readonly Node[]): Omit<Placement, "tier"> {
    if (!isAurora(str(node.props.engine))) return { figure: "aws.rds.multi-az", failover: "aws.rds.multi-az-cluster" };
    const instances = clusterInstances(node, nodes).length;
    return instances >= 2 ? { figure: "aws.aurora.multi-az", failover: "aws.aurora.replica" } : { figure: "aws.aurora.single-az", failover: "aws.aurora.no-replica" };
}

/** The vSwitch ids of an SAE application's comma-separated `vswitchId`. */
export function saeVswitches(value: unknown): string[] {
    const text = str(value);
    return text === undefined ? [] : text.split(",").map((v) => v.trim()).filter((v) => v !== "");
}

/** Seconds a readiness probe takes to take a failed instance out of traffic (period x failure threshold). */
function probeSeconds(probe: unknown): number | undefined {
    const p = record(probe);
    const period = num(p.periodSeconds);
    const failures = num(p.failureThreshold);
    return period !== undefined && failures !== undefined ? detectionSeconds(period, failures) : undefined;
}

/** Managed Kubernetes clusters by what a node pool names them with: ACK `clusterId` is the cluster's id; EKS `clusterName` its `name` (also its id). */
const CLUSTER_TYPES: Readonly<Record<string, { readonly cluster: string; readonly keys: readonly string[] }>> = {
    "alicloud:cs/nodePool:NodePool": { cluster: "alicloud:cs/managedKubernetes:ManagedKubernetes", keys: ["id"] },
    "aws:eks/nodeGroup:NodeGroup": { cluster: "aws:eks/cluster:Cluster", keys: ["name", "id"] },
};

/**
 * The cluster a node pool belongs to (`clusterId` on ACK, `clusterName` on EKS): the cluster of the
 * stack its known value names (`urn:<cluster>`; `value:<v>` for a cluster outside the stack), else,
 * when the value is unknown (a first preview), the cluster its dependency records. A known value
 * wins over a dependency: `clusterId: "other"` computed beside the cluster is not in it.
 */
export function clusterKeyOf(pool: Node, nodes: readonly Node[]): string | undefined {
    const kind = CLUSTER_TYPES[pool.type];
    const prop = pool.type.startsWith("aws:") ? "clusterName" : "clusterId";
    const v = pool.props[prop];
    if (kind !== undefined && typeof v === "string" && v !== "" && !isUnknown(v)) {
        const named = groupedBy(nodes, `clusters-by-name:${kind.cluster}`, (n) => (n.type === kind.cluster ? kind.keys.map((k) => n.props[k]).filter((x): x is string => typeof x === "string" && x !== "" && !isUnknown(x)) : []));
        const cluster = named.get(v)?.[0];
        return cluster !== undefined ? `urn:${cluster.urn}` : `value:${v}`;
    }
    return referenceKey(pool, prop);
}

/** Node pools of the same cluster in the node's region, sorted by URN. */
export function clusterNodePools(pool: Node, nodes: readonly Node[]): Node[] {
    const key = clusterKeyOf(pool, nodes);
    if (key === undefined) return [pool];
    const poolKey = (n: Node): string | undefined => {
        const k = clusterKeyOf(n, nodes);
        return k === undefined ? undefined : JSON.stringify([n.type, n.region ?? null, k]);
    };
    const members = groupedBy(nodes, "cluster-node-pools", (n) => {
        const k = poolKey(n);
        return k === undefined ? [] : [k];
    }).get(poolKey(pool) ?? "") ?? [];
    return [...(members.includes(pool) ? members : [...members, pool])].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
}

/** Distinct zones the pools cover together. */
export function poolZones(pools: readonly Node[], nodes: readonly Node[]): number {
    const index = byUrnOf(nodes);
    const zones = new Set(pools.flatMap((p) => zoneNamesOf(p, index)));
    return zones.size;
}

/**
 * Instances of an Aurora cluster: those whose known `clusterIdentifier` names the cluster (its
 * `clusterIdentifier` input or its id: aws_rds_cluster's id is the identifier), and those whose
 * identifier is unknown (a first preview) and depends on the cluster; with neither an identifier
 * nor a dependency anywhere (identifier left to the provider), the cluster instances of the same
 * region. A known identifier wins over a dependency: `clusterIdentifier: "other"` computed beside
 * the cluster does not place the instance in it.
 */
export function clusterInstances(cluster: Node, nodes: readonly Node[]): Node[] {
    const names = [str(cluster.props.clusterIdentifier), str(cluster.props.id)].filter((v): v is string => v !== undefined && v !== "" && !isUnknown(v));
    const resolvable = names.length > 0 || groupedBy(nodes, "cluster-instances-with-deps", (n) => (n.type === "aws:rds/clusterInstance:ClusterInstance" && depsOf(n, "clusterIdentifier").length > 0 ? ["any"] : [])).has("any");
    if (!resolvable) return [...(groupedBy(nodes, "cluster-instances-by-region", (n) => (n.type === "aws:rds/clusterInstance:ClusterInstance" ? [n.region ?? ""] : [])).get(cluster.region ?? "") ?? [])];
    // refersTo(n, "clusterIdentifier", cluster.urn, names), answered from an index of the instances by what they refer to
    const byTarget = groupedBy(nodes, "cluster-instances-by-target", (n) => {
        if (n.type !== "aws:rds/clusterInstance:ClusterInstance") return [];
        const v = n.props.clusterIdentifier;
        if (typeof v === "string" && v !== "" && !isUnknown(v)) return [`value:${v}`];
        return depsOf(n, "clusterIdentifier").map((u) => `urn:${u}`);
    });
    const found = new Set([...(byTarget.get(`urn:${cluster.urn}`) ?? []), ...names.flatMap((id) => byTarget.get(`value:${id}`) ?? [])]);
    return [...found];
}

/** Compute failover = how fast the load balancer stops sending to a dead target in that region (slowest group). */
function healthCheckSeconds(group: Node, nodes: readonly Node[]): number | undefined {
    return perList(HEALTH_CHECK_SECONDS, nodes, group.region ?? "", () => slowestHealthCheck(nodes.filter((n) => n.region === group.region)) ?? null) ?? undefined;
}

const HEALTH_CHECK_SECONDS = new WeakMap<readonly Node[], Map<string, number | null>>();

/** The slowest failure detection of the target groups / server groups among `nodes`. */
function slowestHealthCheck(nodes: readonly Node[]): number | undefined {
    const seconds = nodes
        .flatMap((n) => {
            if (n.type === "aws:lb/targetGroup:TargetGroup") {
                const hc = record(n.props.healthCheck);
                return [detectionSeconds(num(hc.interval) ?? 30, num(hc.unhealthyThreshold) ?? 3)];
            }
            if (n.type === "alicloud:alb/serverGroup:ServerGroup") {
                const hc = record(n.props.healthCheckConfig);
                return [detectionSeconds(num(hc.healthCheckInterval) ?? 2, num(hc.unhealthyThreshold) ?? 3)];
            }
            return [];
        });
    return seconds.length > 0 ? Math.max(...seconds) : undefined;
}
