// The mutant suite: single-property breakages of the shipped growth and mature plans, each of which
// a rule must catch as a mandatory violation, in the resolved plan and in the first-preview plan
// (ids unknown). A reference is broken the way a program would break it: its value and the
// property dependency that resolves it change together. The closing line gives the size and the
// catch rate.

import * as assert from "assert";
import type { Policies } from "@pulumi/policy";

import { POLICIES } from "../../policies/all";
import { EvalResource, evaluatePolicies } from "../../tools/lib/evaluate";
import { Plan } from "../../tools/lib/record";
import { listStacks } from "../../tools/lib/stackfiles";
import { isRecord, list } from "../../policies/lib/values";
import { shippedPlan, shippedPreviewPlan } from "../support/shipped";
import { setRef, withoutResource } from "./helpers";

interface Mutant {
    readonly policy: string;
    /** What is broken, e.g. "vpcZoneIdentifiers: one subnet". */
    readonly what: string;
    readonly type: string;
    /** The broken copy of the first resource of `type` (undefined: the rule cannot apply here). */
    readonly mutate: (r: EvalResource, all: readonly EvalResource[]) => EvalResource | undefined;
    /** Remove the resource instead (and every other of its type under the same parent when `siblings`). */
    readonly remove?: "one" | "siblings";
    /** Which resource of `type` to break (default: the first). */
    readonly pick?: (r: EvalResource, all: readonly EvalResource[]) => boolean;
    /** Resources the mutant adds beside the broken one (a provider in another region, a replication rule). */
    readonly add?: (broken: EvalResource, all: readonly EvalResource[]) => EvalResource[];
}

type Inputs = Record<string, unknown>;

function at(inputs: Inputs, path: readonly string[], value: unknown): Inputs {
    const [head, ...rest] = path;
    const current = inputs[head];
    return { ...inputs, [head]: rest.length === 0 ? value : at(isRecord(current) ? current : {}, rest, value) };
}

function get(inputs: Inputs, path: readonly string[]): unknown {
    return path.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), inputs);
}

/** Sets an input (a dotted path). */
const set = (path: string, value: unknown) => (r: EvalResource): EvalResource => ({ ...r, inputs: at(r.inputs, path.split("."), value) });

/** Keeps only the first reference of a list input and the first resource its top property depends on. */
const firstRef = (path: string) => (r: EvalResource): EvalResource | undefined => {
    const parts = path.split(".");
    const values = get(r.inputs, parts);
    const deps = r.propertyDependencies?.[parts[0]] ?? [];
    if (!Array.isArray(values) || values.length < 2) return undefined;
    const subnets = deps.filter((d) => /:(ec2\/subnet:Subnet|vpc\/switch:Switch)::/.test(d));
    const kept = deps.filter((d) => !subnets.includes(d) || d === subnets[0]);
    return { ...r, inputs: at(r.inputs, parts, [values[0]]), propertyDependencies: { ...r.propertyDependencies, [parts[0]]: kept } };
};

/** Keeps the first element of a list input and the first of its dependencies. */
const firstOnly = (prop: string) => (r: EvalResource): EvalResource | undefined => {
    const values = r.inputs[prop];
    const deps = r.propertyDependencies?.[prop] ?? [];
    return Array.isArray(values) && values.length > 1 ? setRef(prop, values.slice(0, 1), deps.slice(0, 1))(r) : undefined;
};

/** The load balancer of another region than the one `prop` of `r` depends on. */
function otherLoadBalancer(r: EvalResource, prop: string, all: readonly EvalResource[]): EvalResource | undefined {
    const own = r.propertyDependencies?.[prop] ?? [];
    return all.find((x) => /:(lb\/loadBalancer:LoadBalancer|alb\/loadBalancer:LoadBalancer)::/.test(x.urn) && !own.includes(x.urn));
}

/** Points `prop` (a list of `{field: name}` or a plain string) of `r` at another region's load balancer. */
const toOtherLoadBalancer = (prop: string, field?: string) => (r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined => {
    const lb = otherLoadBalancer(r, prop, all);
    if (lb === undefined) return undefined;
    const name = `${lb.name}.elb.example`;
    const value = field === undefined ? name : list(r.inputs[prop]).map((v) => (isRecord(v) ? { ...v, [field]: name } : v));
    return setRef(prop, value, [lb.urn])(r);
};

const isSecondaryAurora = (r: EvalResource): boolean => r.inputs.globalClusterIdentifier !== undefined;
const isSecondaryPolardb = (r: EvalResource): boolean => r.inputs.creationOption === "CreateGdnStandby";
const isLatencyRecord = (r: EvalResource): boolean => r.inputs.latencyRoutingPolicies !== undefined;

/** A Kubernetes Deployment's first container with `key` removed. */
const dropContainerKey = (key: string) => (r: EvalResource): EvalResource => {
    const containers = get(r.inputs, ["spec", "template", "spec", "containers"]);
    const list = Array.isArray(containers) ? containers.map((c, i) => (i === 0 && isRecord(c) ? Object.fromEntries(Object.entries(c).filter(([k]) => k !== key)) : c)) : [];
    return set("spec.template.spec.containers", list)(r);
};


// Residency mutants: a data store or a replica moved outside the stack's boundary (the shipped
// mature stacks set one), or a replication rule that leaves it.

const RESIDENCY = "sec-data-store-require-residency";

/** Whether the plan has a residency boundary (its resources carry the residency tag). */
function hasResidency(all: readonly EvalResource[]): boolean {
    return all.some((r) => isRecord(r.inputs.tags) && typeof r.inputs.tags.residency === "string");
}

function residencyOf(r: EvalResource): string | undefined {
    const tags = r.inputs.tags;
    return isRecord(tags) && typeof tags.residency === "string" ? tags.residency : undefined;
}

/** A resource of the boundary's partition (not of a separate region). */
const inBoundary = (r: EvalResource): boolean => residencyOf(r)?.startsWith("separate:") === false;

/** A provider resource of `cloud` in `region` that the mutant adds (an outside region the plan has no provider for). */
function outsideProvider(all: readonly EvalResource[], cloud: string, region: string): EvalResource {
    const stackUrn = all.find((r) => r.type === "pulumi:pulumi:Stack")?.urn ?? "urn:pulumi:s::live-commerce::pulumi:pulumi:Stack::s";
    const project = stackUrn.split("::").slice(0, 2).join("::");
    return { urn: `${project}::pulumi:pulumi:Stack$pulumi:providers:${cloud}::mutant-provider-${region}`, type: `pulumi:providers:${cloud}`, name: `mutant-provider-${region}`, parent: stackUrn, custom: true, provider: null, inputs: { region } };
}

/** The provider reference (`urn::id`) of a provider resource. */
function refOf(provider: EvalResource): string {
    return `${provider.urn}::${provider.id ?? "mutant-id"}`;
}

/** Moves `r` to the existing provider of a region outside the boundary (a separate partition of the stack), keeping or relabelling its tag. */
const toSeparateRegion = (relabel: boolean) => (r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined => {
    if (!hasResidency(all) || residencyOf(r)?.startsWith("separate:") !== false) return undefined;
    const separate = all.find((x) => residencyOf(x)?.startsWith("separate:") === true && x.provider !== null);
    if (separate === undefined || separate.provider === null) return undefined;
    const moved = { ...r, provider: separate.provider };
    return relabel ? set("tags.residency", residencyOf(separate))(moved) : moved;
};

/** Moves `r` to a new provider in `region` (outside every boundary the shipped stacks use). */
const toNewRegion = (cloud: string, region: string) => (r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined =>
    hasResidency(all) && residencyOf(r)?.startsWith("separate:") === false ? { ...r, provider: refOf(outsideProvider(all, cloud, region)) } : undefined;

const MUTANTS: readonly Mutant[] = [
    { policy: "ha-autoscaling-group-require-multi-zone", what: "vpcZoneIdentifiers: one subnet", type: "aws:autoscaling/group:Group", mutate: firstRef("vpcZoneIdentifiers") },
    { policy: "ha-autoscaling-group-require-multi-zone", what: "minSize 1", type: "aws:autoscaling/group:Group", mutate: set("minSize", 1) },
    { policy: "ha-autoscaling-group-require-multi-zone", what: "vswitchIds: one vSwitch", type: "alicloud:ess/scalingGroup:ScalingGroup", mutate: firstRef("vswitchIds") },
    { policy: "ha-autoscaling-group-require-multi-zone", what: "minSize 1", type: "alicloud:ess/scalingGroup:ScalingGroup", mutate: set("minSize", 1) },
    { policy: "ha-autoscaling-group-require-lb-health-check", what: "healthCheckType EC2", type: "aws:autoscaling/group:Group", mutate: set("healthCheckType", "EC2") },
    { policy: "ha-load-balancer-require-multi-zone", what: "subnets: one subnet", type: "aws:lb/loadBalancer:LoadBalancer", mutate: firstRef("subnets") },
    { policy: "ha-load-balancer-require-multi-zone", what: "zoneMappings: one zone", type: "alicloud:alb/loadBalancer:LoadBalancer", mutate: (r) => {
        const z = r.inputs.zoneMappings;
        return Array.isArray(z) && z.length > 1 ? firstRef("zoneMappings")({ ...r, inputs: { ...r.inputs, zoneMappings: [z[0], z[0]] } }) : undefined;
    } },
    { policy: "ha-load-balancer-require-deletion-protection", what: "enableDeletionProtection false", type: "aws:lb/loadBalancer:LoadBalancer", mutate: set("enableDeletionProtection", false) },
    { policy: "ha-load-balancer-require-deletion-protection", what: "deletionProtectionEnabled false", type: "alicloud:alb/loadBalancer:LoadBalancer", mutate: set("deletionProtectionEnabled", false) },
    { policy: "ha-cache-require-multi-zone", what: "multiAzEnabled false", type: "aws:elasticache/replicationGroup:ReplicationGroup", mutate: set("multiAzEnabled", false) },
    { policy: "ha-cache-require-multi-zone", what: "secondaryZoneId = zoneId", type: "alicloud:kvstore/instance:Instance", mutate: (r) => set("secondaryZoneId", r.inputs.zoneId)(r) },
    { policy: "ha-cache-require-multi-zone", what: "secondaryZoneId = zoneId", type: "alicloud:redis/tairInstance:TairInstance", mutate: (r) => set("secondaryZoneId", r.inputs.zoneId)(r) },
    { policy: "ha-cache-require-multi-zone", what: "no secondaryZoneId", type: "alicloud:redis/tairInstance:TairInstance", mutate: set("secondaryZoneId", "") },
    { policy: "ha-cache-require-replica-failover", what: "nodeType STAND_ALONE", type: "alicloud:redis/tairInstance:TairInstance", mutate: set("nodeType", "STAND_ALONE") },
    { policy: "sec-data-store-forbid-public-access", what: "securityIps 0.0.0.0/1,128.0.0.0/1", type: "alicloud:redis/tairInstance:TairInstance", mutate: set("securityIps", "0.0.0.0/1,128.0.0.0/1") },
    { policy: "ha-cache-require-replica-failover", what: "automaticFailoverEnabled false", type: "aws:elasticache/replicationGroup:ReplicationGroup", mutate: set("automaticFailoverEnabled", false) },
    { policy: "ha-cache-require-replica-failover", what: "nodeType STAND_ALONE", type: "alicloud:kvstore/instance:Instance", mutate: set("nodeType", "STAND_ALONE") },
    { policy: "ha-database-require-multi-zone", what: "hotStandbyCluster OFF", type: "alicloud:polardb/cluster:Cluster", mutate: set("hotStandbyCluster", "OFF") },
    { policy: "ha-database-require-backups", what: "backupRetentionPeriod 1", type: "aws:rds/cluster:Cluster", mutate: set("backupRetentionPeriod", 1) },
    { policy: "ha-database-require-backups", what: "dataLevel1BackupRetentionPeriod 1", type: "alicloud:polardb/backupPolicy:BackupPolicy", mutate: set("dataLevel1BackupRetentionPeriod", 1) },
    { policy: "ha-database-cluster-require-multiple-nodes", what: "a cluster's instances but one removed", type: "aws:rds/clusterInstance:ClusterInstance", mutate: (r) => r, remove: "siblings" },
    { policy: "ha-queue-require-multi-zone", what: "clientSubnets: one subnet", type: "aws:msk/cluster:Cluster", mutate: firstRef("brokerNodeGroupInfo.clientSubnets") },
    { policy: "ha-queue-require-multi-zone", what: "selectedZones: one zone", type: "alicloud:alikafka/instance:Instance", mutate: (r) => (Array.isArray(r.inputs.selectedZones) ? set("selectedZones", r.inputs.selectedZones.slice(0, 1))(r) : undefined) },
    { policy: "ha-kubernetes-cluster-require-multi-zone", what: "vpcConfig.subnetIds: one subnet", type: "aws:eks/cluster:Cluster", mutate: firstRef("vpcConfig.subnetIds") },
    { policy: "ha-kubernetes-cluster-require-multi-zone", what: "vswitchIds: one vSwitch", type: "alicloud:cs/managedKubernetes:ManagedKubernetes", mutate: firstRef("vswitchIds") },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a cluster's node groups but one removed", type: "aws:eks/nodeGroup:NodeGroup", mutate: (r) => r, remove: "siblings" },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a cluster's node pools but one removed", type: "alicloud:cs/nodePool:NodePool", mutate: (r) => r, remove: "siblings" },
    { policy: "ha-k8s-deployment-require-replicas", what: "replicas 1", type: "kubernetes:apps/v1:Deployment", mutate: set("spec.replicas", 1) },
    { policy: "ha-k8s-deployment-require-probes", what: "no readinessProbe", type: "kubernetes:apps/v1:Deployment", mutate: dropContainerKey("readinessProbe") },
    { policy: "ha-k8s-deployment-require-probes", what: "no livenessProbe", type: "kubernetes:apps/v1:Deployment", mutate: dropContainerKey("livenessProbe") },
    { policy: "ha-k8s-deployment-require-zone-spread", what: "no spread, no anti-affinity", type: "kubernetes:apps/v1:Deployment", mutate: (r) => set("spec.template.spec.affinity", undefined)(set("spec.template.spec.topologySpreadConstraints", [])(r)) },
    { policy: "ha-k8s-deployment-require-pdb", what: "a PodDisruptionBudget removed", type: "kubernetes:policy/v1:PodDisruptionBudget", mutate: (r) => r, remove: "one" },
    { policy: "ha-object-storage-require-versioning-and-redundancy", what: "versioning Suspended", type: "aws:s3/bucketVersioning:BucketVersioning", mutate: set("versioningConfiguration.status", "Suspended") },
    { policy: "ha-object-storage-require-versioning-and-redundancy", what: "a versioning resource removed", type: "aws:s3/bucketVersioning:BucketVersioning", mutate: (r) => r, remove: "one" },
    { policy: "ha-object-storage-require-versioning-and-redundancy", what: "redundancyType LRS", type: "alicloud:oss/bucket:Bucket", mutate: set("redundancyType", "LRS") },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "an ingress rule open to 0.0.0.0/1 + 128.0.0.0/1 on 22", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", mutate: (r) => set("cidrIpv4", "0.0.0.0/1")(set("fromPort", 22)(set("toPort", 22)(set("ipProtocol", "tcp")(r)))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "a rule open to 0.0.0.0/0 on 22", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", mutate: (r) => set("cidrIp", "0.0.0.0/0")(set("portRange", "22/22")(set("type", "ingress")(set("ipProtocol", "tcp")(set("policy", "accept")(r))))) },
    { policy: "sec-data-store-forbid-public-access", what: "securityIps 0.0.0.0/0", type: "alicloud:kvstore/instance:Instance", mutate: set("securityIps", ["0.0.0.0/0"]) },
    { policy: "sec-data-store-forbid-public-access", what: "whitelist group 0.0.0.0/0", type: "alicloud:polardb/cluster:Cluster", mutate: set("dbClusterIpArrays", [{ dbClusterIpArrayName: "ops", securityIps: ["0.0.0.0/0"] }]) },
    { policy: RESIDENCY, what: "the GDN secondary moved to the separate region", type: "alicloud:polardb/cluster:Cluster", pick: (r) => r.inputs.creationOption === "CreateGdnStandby", mutate: toSeparateRegion(false) },
    { policy: RESIDENCY, what: "the GDN secondary moved to the separate region and relabelled", type: "alicloud:polardb/cluster:Cluster", pick: (r) => r.inputs.creationOption === "CreateGdnStandby", mutate: toSeparateRegion(true) },
    { policy: RESIDENCY, what: "a mainland bucket moved to the separate region", type: "alicloud:oss/bucket:Bucket", pick: inBoundary, mutate: toSeparateRegion(false) },
    { policy: RESIDENCY, what: "a mainland cache moved to eu-central-1", type: "alicloud:redis/tairInstance:TairInstance", pick: inBoundary, mutate: toNewRegion("alicloud", "eu-central-1"), add: (_, all) => [outsideProvider(all, "alicloud", "eu-central-1")] },
    {
        policy: RESIDENCY,
        what: "an OSS replication rule from a mainland bucket to oss-ap-southeast-1",
        type: "alicloud:oss/bucket:Bucket",
        pick: inBoundary,
        mutate: (r, all) => (hasResidency(all) && residencyOf(r)?.startsWith("separate:") === false ? r : undefined),
        add: (bucket) => [{
            urn: `${bucket.urn}-replication`, type: "alicloud:oss/bucketReplication:BucketReplication", name: `${bucket.name}-replication`, parent: bucket.parent, custom: true, provider: bucket.provider,
            inputs: { bucket: bucket.id ?? bucket.name, action: "ALL", destination: { bucket: "lc-replica", location: "oss-ap-southeast-1" } },
            propertyDependencies: { bucket: [bucket.urn] },
        }],
    },
    {
        policy: RESIDENCY,
        what: "the separate region's cluster cloned from a boundary cluster (CloneFromPolarDB)",
        type: "alicloud:polardb/cluster:Cluster",
        pick: (r) => residencyOf(r)?.startsWith("separate:") === true,
        mutate: (r, all) => {
            const source = all.find((x) => x.type === r.type && inBoundary(x));
            return source === undefined ? undefined : setRef("sourceResourceId", source.id ?? `${source.name}-id`, [source.urn])(set("creationOption", "CloneFromPolarDB")(r));
        },
    },
    {
        policy: RESIDENCY,
        what: "an S3 replication rule to a bucket ARN outside the stack",
        type: "aws:s3/bucket:Bucket",
        mutate: (r, all) => (hasResidency(all) ? r : undefined),
        add: (bucket) => [{
            urn: `${bucket.urn}-replication`, type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: `${bucket.name}-replication`, parent: bucket.parent, custom: true, provider: bucket.provider,
            inputs: { bucket: bucket.id ?? bucket.name, role: "arn:aws:iam::123456789012:role/replication", rules: [{ id: "all", status: "Enabled", destination: { bucket: "arn:aws:s3:::a-bucket-outside-the-stack" } }] },
            propertyDependencies: { bucket: [bucket.urn] },
        }],
    },
    { policy: RESIDENCY, what: "a VPC's residency tag naming another boundary", type: "alicloud:vpc/network:Network", pick: inBoundary, mutate: (r, all) => (hasResidency(all) ? set("tags.residency", "us")(r) : undefined) },
    { policy: RESIDENCY, what: "a VPC's residency tag naming another boundary", type: "aws:ec2/vpc:Vpc", pick: inBoundary, mutate: (r, all) => (hasResidency(all) ? set("tags.residency", "mainland-china")(r) : undefined) },
    { policy: RESIDENCY, what: "the Aurora global secondary moved to eu-west-1", type: "aws:rds/cluster:Cluster", pick: (r) => r.inputs.globalClusterIdentifier !== undefined && r.inputs.masterUsername === undefined, mutate: toNewRegion("aws", "eu-west-1"), add: (_, all) => [outsideProvider(all, "aws", "eu-west-1")] },
    {
        policy: RESIDENCY,
        what: "an S3 replication rule to a bucket in eu-west-1",
        type: "aws:s3/bucket:Bucket",
        mutate: (r, all) => (hasResidency(all) ? r : undefined),
        add: (bucket, all) => {
            const provider = outsideProvider(all, "aws", "eu-west-1");
            const replica: EvalResource = { ...bucket, urn: `${bucket.urn}-replica`, name: `${bucket.name}-replica`, provider: refOf(provider), inputs: { ...bucket.inputs, bucket: undefined } };
            return [provider, replica, {
                urn: `${bucket.urn}-replication`, type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: `${bucket.name}-replication`, parent: bucket.parent, custom: true, provider: bucket.provider,
                inputs: { bucket: bucket.id ?? bucket.name, role: "arn:aws:iam::123456789012:role/replication", rules: [{ id: "all", status: "Enabled", destination: { bucket: `arn:aws:s3:::${replica.name}` } }] },
                propertyDependencies: { bucket: [bucket.urn], rules: [replica.urn] },
            }];
        },
    },
    // The mature multi-region guarantees: a global database spanning the regions.
    { policy: "ha-stack-require-global-database", what: "the Aurora global cluster removed", type: "aws:rds/globalCluster:GlobalCluster", mutate: (r) => r, remove: "one" },
    { policy: "ha-stack-require-global-database", what: "sourceDbClusterIdentifier unset (no primary)", type: "aws:rds/globalCluster:GlobalCluster", mutate: setRef("sourceDbClusterIdentifier", undefined, []) },
    { policy: "ha-stack-require-global-database", what: "a secondary's globalClusterIdentifier unset", type: "aws:rds/cluster:Cluster", pick: isSecondaryAurora, mutate: setRef("globalClusterIdentifier", undefined, []) },
    { policy: "ha-stack-require-global-database", what: "a secondary's enableGlobalWriteForwarding false", type: "aws:rds/cluster:Cluster", pick: isSecondaryAurora, mutate: set("enableGlobalWriteForwarding", false) },
    { policy: "ha-stack-require-global-database", what: "the PolarDB global database network removed", type: "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork", mutate: (r) => r, remove: "one" },
    { policy: "ha-stack-require-global-database", what: "dbClusterId unset (no primary)", type: "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork", mutate: setRef("dbClusterId", undefined, []) },
    { policy: "ha-stack-require-global-database", what: "a secondary's gdnId unset", type: "alicloud:polardb/cluster:Cluster", pick: isSecondaryPolardb, mutate: setRef("gdnId", undefined, []) },
    { policy: "ha-stack-require-global-database", what: "a secondary created Normal, not CreateGdnStandby", type: "alicloud:polardb/cluster:Cluster", pick: isSecondaryPolardb, mutate: set("creationOption", "Normal") },
    // CDN origin failover across regions.
    { policy: "ha-stack-require-cdn-origin-failover", what: "originGroups removed, the default behaviour on the first origin", type: "aws:cloudfront/distribution:Distribution", mutate: withOriginGroup((r) => set("defaultCacheBehavior.targetOriginId", firstOriginId(r))(set("originGroups", [])(r))) },
    { policy: "ha-stack-require-cdn-origin-failover", what: "origin group without failoverCriteria.statusCodes", type: "aws:cloudfront/distribution:Distribution", mutate: withOriginGroup((r) => set("originGroups", list(r.inputs.originGroups).map((g) => (isRecord(g) ? { ...g, failoverCriteria: { statusCodes: [] } } : g)))(r)) },
    { policy: "ha-stack-require-cdn-origin-failover", what: "origin group with one member", type: "aws:cloudfront/distribution:Distribution", mutate: withOriginGroup((r) => set("originGroups", list(r.inputs.originGroups).map((g) => (isRecord(g) ? { ...g, members: list(g.members).slice(0, 1) } : g)))(r)) },
    { policy: "ha-stack-require-cdn-origin-failover", what: "default behaviour targets the first origin, not the group", type: "aws:cloudfront/distribution:Distribution", mutate: withOriginGroup((r) => set("defaultCacheBehavior.targetOriginId", firstOriginId(r))(r)) },
    { policy: "ha-stack-require-cdn-origin-failover", what: "origins: one region's load balancer", type: "aws:cloudfront/distribution:Distribution", mutate: firstOnly("origins") },
    { policy: "ha-stack-require-cdn-origin-failover", what: "sources: one region's load balancer", type: "alicloud:cdn/domainNew:DomainNew", mutate: firstOnly("sources") },
    // A steering health check per region.
    { policy: "ha-stack-require-steering-health-checks", what: "a region's Route 53 health check removed", type: "aws:route53/healthCheck:HealthCheck", mutate: (r) => r, remove: "one" },
    { policy: "ha-stack-require-steering-health-checks", what: "a latency record's healthCheckId unset", type: "aws:route53/record:Record", pick: isLatencyRecord, mutate: setRef("healthCheckId", undefined, []) },
    { policy: "ha-stack-require-steering-health-checks", what: "a latency record without a routing policy", type: "aws:route53/record:Record", pick: isLatencyRecord, mutate: (r) => setRef("setIdentifier", undefined, [])(setRef("latencyRoutingPolicies", undefined, [])(r)) },
    { policy: "ha-stack-require-steering-health-checks", what: "a health check disabled", type: "aws:route53/healthCheck:HealthCheck", mutate: set("disabled", true) },
    { policy: "ha-stack-require-steering-health-checks", what: "a health check inverted", type: "aws:route53/healthCheck:HealthCheck", mutate: set("invertHealthcheck", true) },
    { policy: "ha-stack-require-steering-health-checks", what: "a health check's fqdn on another region's load balancer", type: "aws:route53/healthCheck:HealthCheck", mutate: toOtherLoadBalancer("fqdn") },
    { policy: "ha-stack-require-steering-health-checks", what: "a GTM pool's monitor removed", type: "alicloud:dns/monitorConfig:MonitorConfig", mutate: (r) => r, remove: "one" },
    { policy: "ha-stack-require-steering-health-checks", what: "a monitor's addrPoolId on another pool", type: "alicloud:dns/monitorConfig:MonitorConfig", mutate: (r, all) => {
        const other = all.find((x) => x.type === "alicloud:dns/addressPool:AddressPool" && !(r.propertyDependencies?.addrPoolId ?? []).includes(x.urn));
        return other === undefined ? undefined : setRef("addrPoolId", `${other.name}-id`, [other.urn])(r);
    } },
    { policy: "ha-stack-require-steering-health-checks", what: "a pool left out of the access strategy", type: "alicloud:dns/accessStrategy:AccessStrategy", mutate: (r) => {
        const pools = list(r.inputs.defaultAddrPools);
        const deps = r.propertyDependencies?.defaultAddrPools ?? [];
        return pools.length < 2 ? undefined : setRef("defaultAddrPools", pools.slice(1), deps.slice(1))(r);
    } },
    { policy: "ha-stack-require-steering-health-checks", what: "a pool's address on another region's load balancer", type: "alicloud:dns/addressPool:AddressPool", mutate: toOtherLoadBalancer("addresses", "address") },
];

/** A distribution mutant that applies only where the distribution has an origin group (the mature stacks). */
function withOriginGroup(mutate: (r: EvalResource) => EvalResource): (r: EvalResource) => EvalResource | undefined {
    return (r) => (list(r.inputs.originGroups).length > 0 ? mutate(r) : undefined);
}

/** The id of a distribution's first origin. */
function firstOriginId(r: EvalResource): unknown {
    const first = list(r.inputs.origins)[0];
    return isRecord(first) ? first.originId : undefined;
}

/** Applies a mutant to a plan's resources; undefined when the plan has no resource it applies to. */
function applyMutant(m: Mutant, resources: readonly EvalResource[]): EvalResource[] | undefined {
    const target = resources.find((r) => r.type === m.type && (m.pick === undefined || m.pick(r, resources)));
    if (target === undefined) return undefined;
    if (m.remove === "one") return withoutResource(resources, target);
    if (m.remove === "siblings") {
        const siblings = resources.filter((r) => r.type === m.type && r.parent === target.parent);
        return siblings.length < 2 ? undefined : resources.filter((r) => !siblings.includes(r) || r === target);
    }
    const broken = m.mutate(target, resources);
    if (broken === undefined) return undefined;
    // the ingress rule mutant needs its twin: a second rule of the same group covering the other half
    const twin = m.what.includes("128.0.0.0/1") ? [{ ...broken, urn: `${broken.urn}-twin`, name: `${broken.name}-twin`, inputs: { ...broken.inputs, cidrIpv4: "128.0.0.0/1" } }] : [];
    return [...resources.map((r) => (r === target ? broken : r)), ...twin, ...(m.add?.(broken, resources) ?? [])];
}

const outcome = { size: 0, caught: 0, missed: [] as string[] };

describe("mutant suite: every mutant of a shipped plan is caught, resolved and in preview", () => {
    const stacks = listStacks().filter((s) => !s.startsWith("startup"));
    for (const stack of stacks) {
        for (const [mode, planOf] of [["resolved", shippedPlan], ["preview", shippedPreviewPlan]] as const) {
            it(`${stack} (${mode})`, async () => {
                const plan: Plan = await planOf(stack);
                for (const m of MUTANTS) {
                    const mutated = applyMutant(m, plan.resources);
                    if (mutated === undefined) continue;
                    const policies: Policies = POLICIES.filter((p) => p.name === m.policy);
                    const result = await evaluatePolicies(policies, mutated, { stage: plan.stage });
                    outcome.size++;
                    if (result.violations.some((v) => v.enforcement === "mandatory")) outcome.caught++;
                    else outcome.missed.push(`${stack} ${mode}: ${m.policy} ${m.type} ${m.what}`);
                }
                assert.deepStrictEqual(outcome.missed, []);
            });
        }
    }
    after(() => {
        process.stdout.write(`      mutant suite: ${outcome.size} mutants, ${outcome.caught} caught (${outcome.size === 0 ? 0 : ((100 * outcome.caught) / outcome.size).toFixed(1)}%), ${MUTANTS.length} kinds over ${stacks.length} stacks x 2 modes\n`);
    });
    it("covers every rule kind it lists on some shipped stack", () => {
        assert.ok(outcome.size >= MUTANTS.length, `${outcome.size} mutants applied`);
    });
});
