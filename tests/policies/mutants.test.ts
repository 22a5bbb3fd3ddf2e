// The mutant suite: single-property breakages of the shipped growth and mature plans, each of which
// a rule must catch as a mandatory violation, in the resolved plan and in the first-preview plan
// (ids unknown). A reference is broken the way a program would break it: its value and the
// property dependency that resolves it change together. The closing line gives the size and the
// catch rate.

import * as assert from "assert";
import type { Policies } from "@pulumi/policy";

import { POLICIES } from "../../policies/all";
import { checkConformance } from "../../policies/conformance";
import { EvalResource, evaluatePolicies } from "../../tools/lib/evaluate";
import { Plan } from "../../tools/lib/record";
import { listStacks } from "../../tools/lib/stackfiles";
import { isRecord, list } from "../../policies/lib/values";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { parseInput } from "../../tools/lib/inputs";
import { resourceV3 } from "../support/resource-v3";
import { shippedPlan, shippedPreviewPlan } from "../support/shipped";
import { setRef, withoutResource } from "./helpers";

interface Mutant {
    readonly policy: string;
    /** What is broken, e.g. "vpcZoneIdentifiers: one subnet". */
    readonly what: string;
    /** The type of the resource to break; "*" lets `pick` choose among every type. */
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

/** Keeps the first id of a comma-separated reference text (SAE `vswitchId`) and the first subnet/vSwitch its property depends on. */
const firstRefText = (prop: string) => (r: EvalResource): EvalResource | undefined => {
    const v = r.inputs[prop];
    if (typeof v !== "string") return undefined;
    const deps = r.propertyDependencies?.[prop] ?? [];
    const switches = deps.filter((d) => /:(ec2\/subnet:Subnet|vpc\/switch:Switch)::/.test(d));
    return { ...r, inputs: { ...r.inputs, [prop]: v.split(",")[0] }, propertyDependencies: { ...r.propertyDependencies, [prop]: deps.filter((d) => !switches.includes(d) || d === switches[0]) } };
};

/** Keeps the first element of a list input and the first of its dependencies. */
const firstOnly = (prop: string) => (r: EvalResource): EvalResource | undefined => {
    const values = r.inputs[prop];
    const deps = r.propertyDependencies?.[prop] ?? [];
    return Array.isArray(values) && values.length > 1 ? setRef(prop, values.slice(0, 1), deps.slice(0, 1))(r) : undefined;
};

/**
 * Keeps only the first entry of a list input, its recorded dependencies left as they were: what a
 * program's `[subnets[0].id]` beside a dependency on every subnet, or an edited plan, looks like.
 * Zones are counted from the ids, never from the dependencies alone.
 */
const firstKeepingDeps = (path: string) => (r: EvalResource): EvalResource | undefined => {
    const parts = path.split(".");
    const values = get(r.inputs, parts);
    return Array.isArray(values) && values.length > 1 ? { ...r, inputs: at(r.inputs, parts, values.slice(0, 1)) } : undefined;
};

/** The first entry of a list input twice, dependencies kept (a first preview, whose entries are all the same sentinel, is left as it is). */
const firstTwice = (path: string) => (r: EvalResource): EvalResource | undefined => {
    const parts = path.split(".");
    const values = get(r.inputs, parts);
    if (!Array.isArray(values) || values.length < 2 || JSON.stringify(values[0]) === JSON.stringify(values[1])) return undefined;
    return { ...r, inputs: at(r.inputs, parts, [values[0], values[0]]) };
};

/** The other pool of the same type whose `prop` differs from this one's (by value or by dependency). */
function otherPool(r: EvalResource, prop: string, all: readonly EvalResource[]): EvalResource | undefined {
    const key = (x: EvalResource): string => JSON.stringify([x.inputs[prop], x.propertyDependencies?.[prop] ?? []]);
    return all.find((x) => x.type === r.type && x !== r && key(x) !== key(r));
}

/** A node pool moved into another pool's subnets: its ids changed, its recorded dependency left (`deps: false`) or moved too. */
const intoOtherPoolsSubnets = (prop: string, deps: boolean) => (r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined => {
    const other = otherPool(r, prop, all);
    if (other === undefined) return undefined;
    const moved = deps ? setRef(prop, other.inputs[prop], other.propertyDependencies?.[prop] ?? [])(r) : { ...r, inputs: { ...r.inputs, [prop]: other.inputs[prop] } };
    // in a first preview both pools' ids are the same sentinel: moving the value alone changes nothing
    return JSON.stringify(moved) === JSON.stringify(r) ? undefined : moved;
};

/**
 * The second member of a group of exactly two of its type that refer to the same thing through
 * `prop` (node pools of one cluster, instances of one Aurora cluster): moving it away leaves one.
 * A group of three keeps two when one moves, which the rules rightly accept.
 */
const secondOfPair = (prop: string) => (r: EvalResource, all: readonly EvalResource[]): boolean => {
    const group = sameReference(r, prop, all);
    return group.length === 2 && group[1] === r;
};

/** The resources of `r`'s type that refer through `prop` to what `r` refers to (same value, same dependencies), `r` included. */
function sameReference(r: EvalResource, prop: string, all: readonly EvalResource[]): EvalResource[] {
    const key = (x: EvalResource): string => JSON.stringify([x.inputs[prop], x.propertyDependencies?.[prop] ?? []]);
    return all.filter((x) => x.type === r.type && key(x) === key(r));
}

/** The provider conformance table, judged in the suite beside the policies (check fails on its findings as on a mandatory violation). */
const CONFORMANCE = "conformance";

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


// Address-range mutants: a sensitive port opened to a range too wide alone, to IPv4-mapped IPv6,
// split over two security groups attached to one resource, or through a prefix list of the stack.

const SG_TYPES = ["aws:ec2/securityGroup:SecurityGroup", "alicloud:ecs/securityGroup:SecurityGroup"];
const SSH = 22;

/** Whether the plan is a first preview (ids unknown): a reference input of `r` holds the sentinel. */
function previewOf(r: EvalResource): boolean {
    return JSON.stringify(r.inputs).includes(UNKNOWN_STRING);
}

/** What a program passes for the id of `target`: the sentinel in a first preview, else a resolved id. */
function idOf(target: EvalResource, preview: boolean): string {
    return preview ? UNKNOWN_STRING : target.id ?? `${target.name}-id`;
}

/** An ingress rule of the cloud of `group` opening `port` to `cidr` (IPv6 when it has a colon), its group by dependency. */
function ruleOn(group: EvalResource, name: string, port: number, cidr: string, preview: boolean, extra: Inputs = {}): EvalResource {
    const v6 = cidr.includes(":");
    const base = { urn: `${group.urn}-${name}`, name: `${group.name}-${name}`, parent: group.parent, custom: true, provider: group.provider, propertyDependencies: { securityGroupId: [group.urn] } };
    return group.type.startsWith("aws:")
        ? { ...base, type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", inputs: { securityGroupId: idOf(group, preview), ipProtocol: "tcp", fromPort: port, toPort: port, ...(v6 ? { cidrIpv6: cidr } : { cidrIpv4: cidr }), ...extra } }
        : { ...base, type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", inputs: { securityGroupId: idOf(group, preview), type: "ingress", policy: "accept", ipProtocol: "tcp", portRange: `${port}/${port}`, ...(v6 ? { ipv6CidrIp: cidr } : { cidrIp: cidr }), ...extra } };
}

/** The security groups of the stack a property of `r` depends on. */
function groupsOf(r: EvalResource, all: readonly EvalResource[]): { prop: string; groups: EvalResource[] }[] {
    return Object.entries(r.propertyDependencies ?? {}).map(([prop, urns]) => ({ prop, groups: all.filter((g) => SG_TYPES.includes(g.type) && urns.includes(g.urn)) })).filter((x) => x.groups.length > 0);
}

/** A resource with a security group attached (not a rule, not a group). */
const hasGroup = (all: readonly EvalResource[]) => (r: EvalResource): boolean => !/securityGroup/.test(r.type) && groupsOf(r, all).length > 0;

/** The security group of the same provider that `r` does not have attached yet. */
function otherGroup(r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined {
    const [{ groups }] = groupsOf(r, all);
    return all.find((g) => SG_TYPES.includes(g.type) && g.provider === groups[0].provider && !groups.includes(g));
}

/** Attaches a second security group of the same provider to `r` (a resource with one), reference and dependency together. */
const attachSecondGroup = (r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined => {
    const [{ prop }] = groupsOf(r, all);
    const second = otherGroup(r, all);
    if (second === undefined) return undefined;
    const value = r.inputs[prop];
    const deps = [...(r.propertyDependencies?.[prop] ?? []), second.urn];
    return Array.isArray(value) ? setRef(prop, [...value, idOf(second, previewOf(r))], deps)(r) : { ...r, propertyDependencies: { ...r.propertyDependencies, [prop]: deps } };
};

/**
 * Opens SSH to `low` on the first security group of `broken` and to `high` on the one
 * attachSecondGroup attached (its last): neither group alone need be too wide, the resource
 * admits both.
 */
const splitOverGroups = (low: string, high: string) => (broken: EvalResource, all: readonly EvalResource[]): EvalResource[] => {
    const [{ prop, groups }] = groupsOf(broken, all);
    const urns = broken.propertyDependencies?.[prop] ?? [];
    const second = all.find((g) => g.urn === urns[urns.length - 1]);
    const first = groups.find((g) => g !== second);
    if (second === undefined || first === undefined) return [];
    return [ruleOn(first, "mutant-low", SSH, low, previewOf(broken)), ruleOn(second, "mutant-high", SSH, high, previewOf(broken))];
};

/** Opens `port` to `cidr` through a prefix list of the stack (the rule names the list, not the CIDR). */
const throughPrefixList = (cidr: string) => (g: EvalResource): EvalResource[] => {
    const preview = JSON.stringify(g.inputs).includes(UNKNOWN_STRING) || g.id === undefined;
    const aws = g.type.startsWith("aws:");
    const list: EvalResource = {
        urn: `${g.urn}-mutant-prefix-list`, name: `${g.name}-mutant-prefix-list`, parent: g.parent, custom: true, provider: g.provider,
        type: aws ? "aws:ec2/managedPrefixList:ManagedPrefixList" : "alicloud:vpc/prefixList:PrefixList",
        inputs: aws ? { name: "admins", addressFamily: "IPv4", maxEntries: 5, entries: [{ cidr }] } : { prefixListName: "admins", ipVersion: "IPV4", maxEntries: 5, entrys: [{ cidr }] },
    };
    const rule = ruleOn(g, "mutant-prefix", SSH, "", preview, aws ? { cidrIpv4: undefined, prefixListId: idOf(list, preview) } : { cidrIp: undefined, prefixListId: idOf(list, preview) });
    return [list, { ...rule, propertyDependencies: { ...rule.propertyDependencies, prefixListId: [list.urn] } }];
};

/** A resource the mutant adds beside `anchor` (same parent), of `type`, on `provider` (default: the anchor's). */
function beside(anchor: EvalResource, suffix: string, type: string, inputs: Inputs, deps: Record<string, string[]> = {}, provider: string | null = anchor.provider): EvalResource {
    return { urn: `${anchor.urn}-${suffix}`, type, name: `${anchor.name}-${suffix}`, parent: anchor.parent, custom: true, provider, inputs, propertyDependencies: deps };
}

/** The region of a resource's provider. */
function regionOfRes(r: EvalResource, all: readonly EvalResource[]): string {
    const urn = r.provider?.split("::").slice(0, -1).join("::");
    const p = all.find((x) => x.urn === urn);
    return isRecord(p?.inputs) && typeof p.inputs.region === "string" ? p.inputs.region : "";
}

/** The separate partition's resource of `type` (a region outside the boundary the stack declares). */
function separateOf(type: string, all: readonly EvalResource[]): EvalResource | undefined {
    return all.find((x) => x.type === type && residencyOf(x)?.startsWith("separate:") === true);
}

/** A mutant anchored on a boundary resource of a stack with a residency (the resource itself unchanged). */
const anchoredInBoundary = (r: EvalResource, all: readonly EvalResource[]): EvalResource | undefined => (hasResidency(all) && inBoundary(r) ? r : undefined);

/** The id a program passes for `r` (the sentinel in a first preview). */
const refTo = (r: EvalResource, all: readonly EvalResource[]): string => (all.some(previewOf) ? UNKNOWN_STRING : r.id ?? `${r.name}-id`);

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
    // the video ingest NLB (Alibaba Cloud growth and mature): same zone mappings as the ALB
    { policy: "ha-load-balancer-require-multi-zone", what: "zoneMappings: one zone", type: "alicloud:nlb/loadBalancer:LoadBalancer", mutate: (r) => {
        const z = r.inputs.zoneMappings;
        return Array.isArray(z) && z.length > 1 ? firstRef("zoneMappings")({ ...r, inputs: { ...r.inputs, zoneMappings: [z[0], z[0]] } }) : undefined;
    } },
    { policy: "ha-load-balancer-require-multi-zone", what: "zoneMappings: one entry, dependencies on both vSwitches kept", type: "alicloud:nlb/loadBalancer:LoadBalancer", mutate: firstKeepingDeps("zoneMappings") },
    { policy: "ha-load-balancer-require-deletion-protection", what: "enableDeletionProtection false", type: "aws:lb/loadBalancer:LoadBalancer", mutate: set("enableDeletionProtection", false) },
    { policy: "ha-load-balancer-require-deletion-protection", what: "deletionProtectionEnabled false", type: "alicloud:alb/loadBalancer:LoadBalancer", mutate: set("deletionProtectionEnabled", false) },
    { policy: "ha-cache-require-multi-zone", what: "multiAzEnabled false", type: "aws:elasticache/replicationGroup:ReplicationGroup", mutate: set("multiAzEnabled", false) },
    // ElastiCache: its nodes are placed in the cache subnet group's subnets
    { policy: "ha-cache-require-multi-zone", what: "cache subnet group subnetIds: one subnet", type: "aws:elasticache/subnetGroup:SubnetGroup", mutate: firstRef("subnetIds") },
    { policy: "ha-cache-require-multi-zone", what: "cache subnet group subnetIds: one subnet, dependencies kept", type: "aws:elasticache/subnetGroup:SubnetGroup", mutate: firstKeepingDeps("subnetIds") },
    { policy: CONFORMANCE, what: "DB subnet group subnetIds: one subnet", type: "aws:rds/subnetGroup:SubnetGroup", mutate: firstRef("subnetIds") },
    { policy: CONFORMANCE, what: "DB subnet group subnetIds: one subnet, dependencies kept", type: "aws:rds/subnetGroup:SubnetGroup", mutate: firstKeepingDeps("subnetIds") },
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

    // Address ranges judged by the addresses they admit, wherever the range lives.
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "an ingress rule open to 0.0.0.0/1 alone on 22", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", mutate: (r) => setRef("referencedSecurityGroupId", undefined, [])(set("cidrIpv4", "0.0.0.0/1")(set("fromPort", 22)(set("toPort", 22)(set("ipProtocol", "tcp")(r))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "an ingress rule open to ::ffff:0.0.0.0/96 (IPv4-mapped) on 22", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", mutate: (r) => setRef("referencedSecurityGroupId", undefined, [])(set("cidrIpv6", "::ffff:0.0.0.0/96")(set("fromPort", 22)(set("toPort", 22)(set("ipProtocol", "tcp")(r))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "an ingress rule of every protocol open to 0.0.0.0/1", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", mutate: (r) => setRef("referencedSecurityGroupId", undefined, [])(set("cidrIpv4", "0.0.0.0/1")(set("fromPort", undefined)(set("toPort", undefined)(set("ipProtocol", "-1")(r))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "an ingress rule open to 0.0.0.0/0 on 22 whose group is unknown and resolved by no dependency", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", mutate: (r) => setRef("securityGroupId", UNKNOWN_STRING, [])(setRef("referencedSecurityGroupId", undefined, [])(set("cidrIpv4", "0.0.0.0/0")(set("fromPort", 22)(set("toPort", 22)(set("ipProtocol", "tcp")(r)))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "a rule open to 0.0.0.0/1 alone on 22", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", mutate: (r) => setRef("sourceSecurityGroupId", undefined, [])(set("cidrIp", "0.0.0.0/1")(set("portRange", "22/22")(set("type", "ingress")(set("ipProtocol", "tcp")(set("policy", "accept")(r)))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "a rule open to ::ffff:0.0.0.0/96 (ipv6CidrIp) on 3306", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", mutate: (r) => setRef("sourceSecurityGroupId", undefined, [])(set("cidrIp", undefined)(set("ipv6CidrIp", "::ffff:0.0.0.0/96")(set("portRange", "3306/3306")(set("type", "ingress")(set("ipProtocol", "tcp")(set("policy", "accept")(r))))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "a rule of every protocol (ipProtocol all) open to 0.0.0.0/1", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", mutate: (r) => setRef("sourceSecurityGroupId", undefined, [])(set("cidrIp", "0.0.0.0/1")(set("portRange", "-1/-1")(set("type", "ingress")(set("ipProtocol", "all")(set("policy", "accept")(r)))))) },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "SSH split over two groups attached to one resource, the halves of the IPv4 internet", type: "*", pick: (r, all) => hasGroup(all)(r), mutate: attachSecondGroup, add: splitOverGroups("0.0.0.0/1", "128.0.0.0/1") },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "SSH split over two groups attached to one resource, a /16 and a /17 (each within the limit)", type: "*", pick: (r, all) => hasGroup(all)(r), mutate: attachSecondGroup, add: splitOverGroups("8.0.0.0/16", "9.0.0.0/17") },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "SSH open through a prefix list of the stack holding 0.0.0.0/1", type: "aws:ec2/securityGroup:SecurityGroup", mutate: (r) => r, add: throughPrefixList("0.0.0.0/1") },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "SSH open through a prefix list of the stack holding 0.0.0.0/1", type: "alicloud:ecs/securityGroup:SecurityGroup", mutate: (r) => r, add: throughPrefixList("0.0.0.0/1") },
    { policy: "sec-security-group-forbid-world-sensitive-ports", what: "an inline ingress block open to 0.0.0.0/1 on 22", type: "aws:ec2/securityGroup:SecurityGroup", mutate: set("ingress", [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/1"] }]) },
    {
        policy: "sec-security-group-forbid-world-sensitive-ports",
        what: "an ec2.SecurityGroupRule open to ::/1 and 8000::/1 on 22",
        type: "aws:ec2/securityGroup:SecurityGroup",
        mutate: (r) => r,
        add: (g, all) => [beside(g, "mutant-rule", "aws:ec2/securityGroupRule:SecurityGroupRule", { type: "ingress", securityGroupId: refTo(g, all), protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/1", "8000::/1"] }, { securityGroupId: [g.urn] })],
    },
    { policy: "sec-data-store-forbid-public-access", what: "securityIps 0.0.0.0/1", type: "alicloud:kvstore/instance:Instance", mutate: set("securityIps", ["0.0.0.0/1"]) },
    { policy: "sec-data-store-forbid-public-access", what: "securityIps ::ffff:0.0.0.0/96", type: "alicloud:kvstore/instance:Instance", mutate: set("securityIps", ["::ffff:0.0.0.0/96"]) },
    { policy: "sec-data-store-forbid-public-access", what: "securityIps 0.0.0.0/1", type: "alicloud:redis/tairInstance:TairInstance", mutate: set("securityIps", "0.0.0.0/1") },
    { policy: "sec-data-store-forbid-public-access", what: "securityIps 8.0.0.0/16 and a whitelist group 9.0.0.0/17 (each within the limit)", type: "alicloud:polardb/cluster:Cluster", mutate: (r) => set("securityIps", ["8.0.0.0/16"])(set("dbClusterIpArrays", [{ dbClusterIpArrayName: "ops", securityIps: ["9.0.0.0/17"] }])(r)) },
    // Data movements out of the residency boundary.
    {
        policy: RESIDENCY, what: "a DTS synchronization job from a boundary cluster to ap-southeast-1", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-dts-sync", "alicloud:dts/synchronizationJob:SynchronizationJob", { dtsInstanceId: "dts-mutant", dtsJobName: "sync", sourceEndpointInstanceType: "PolarDB", sourceEndpointEngineName: "MySQL", sourceEndpointInstanceId: refTo(c, all), sourceEndpointRegion: regionOfRes(c, all), destinationEndpointInstanceType: "PolarDB", destinationEndpointEngineName: "MySQL", destinationEndpointInstanceId: "pc-singapore", destinationEndpointRegion: "ap-southeast-1", dbList: "{}" }, { sourceEndpointInstanceId: [c.urn] })],
    },
    {
        policy: RESIDENCY, what: "a DTS synchronization job from a boundary cluster to a self-built database named by id alone", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-dts-self-built", "alicloud:dts/synchronizationJob:SynchronizationJob", { dtsInstanceId: "dts-mutant", dtsJobName: "sync", sourceEndpointInstanceType: "PolarDB", sourceEndpointEngineName: "MySQL", sourceEndpointInstanceId: refTo(c, all), destinationEndpointInstanceType: "ECS", destinationEndpointEngineName: "MySQL", destinationEndpointInstanceId: "i-elsewhere", dbList: "{}" }, { sourceEndpointInstanceId: [c.urn] })],
    },
    {
        policy: RESIDENCY, what: "a DTS migration job from a boundary cluster into the separate region's cluster", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary,
        mutate: (r, all) => (separateOf(r.type, all) === undefined ? undefined : anchoredInBoundary(r, all)),
        add: (c, all) => {
            const far = separateOf(c.type, all);
            return far === undefined ? [] : [beside(c, "mutant-dts-migration", "alicloud:dts/migrationJob:MigrationJob", { dtsInstanceId: "dts-mutant", dtsJobName: "migrate", sourceEndpointInstanceType: "PolarDB", sourceEndpointEngineName: "MySQL", sourceEndpointInstanceId: refTo(c, all), destinationEndpointInstanceType: "PolarDB", destinationEndpointEngineName: "MySQL", destinationEndpointInstanceId: refTo(far, all), dbList: "{}" }, { sourceEndpointInstanceId: [c.urn], destinationEndpointInstanceId: [far.urn] })];
        },
    },
    {
        policy: RESIDENCY, what: "a DTS subscription of a boundary cluster served in eu-central-1", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-dts-subscription", "alicloud:dts/subscriptionJob:SubscriptionJob", { paymentType: "PayAsYouGo", sourceEndpointInstanceType: "PolarDB", sourceEndpointEngineName: "MySQL", sourceEndpointInstanceId: refTo(c, all), sourceEndpointRegion: regionOfRes(c, all), destinationRegion: "eu-central-1" }, { sourceEndpointInstanceId: [c.urn] })],
    },
    {
        policy: RESIDENCY, what: "a DTS instance from the boundary region to ap-southeast-1", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-dts-instance", "alicloud:dts/instance:Instance", { paymentType: "PayAsYouGo", type: "sync", sourceRegion: regionOfRes(c, all), destinationRegion: "ap-southeast-1", sourceEndpointEngineName: "MySQL", destinationEndpointEngineName: "MySQL" })],
    },
    {
        policy: RESIDENCY, what: "a DTS synchronization instance from the boundary region to ap-southeast-1", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-dts-sync-instance", "alicloud:dts/synchronizationInstance:SynchronizationInstance", { paymentType: "PayAsYouGo", sourceEndpointRegion: regionOfRes(c, all), destinationEndpointRegion: "ap-southeast-1", sourceEndpointEngineName: "MySQL", destinationEndpointEngineName: "MySQL" })],
    },
    { policy: RESIDENCY, what: "a boundary cluster's level-2 backups in ap-southeast-1", type: "alicloud:polardb/backupPolicy:BackupPolicy", pick: (r, all) => hasResidency(all) && all.some((c) => (r.propertyDependencies?.dbClusterId ?? []).includes(c.urn) && inBoundary(c)), mutate: set("dataLevel2BackupAnotherRegionRegion", "ap-southeast-1") },
    { policy: RESIDENCY, what: "a boundary cluster's log backups in ap-southeast-1", type: "alicloud:polardb/backupPolicy:BackupPolicy", pick: (r, all) => hasResidency(all) && all.some((c) => (r.propertyDependencies?.dbClusterId ?? []).includes(c.urn) && inBoundary(c)), mutate: set("logBackupAnotherRegionRegion", "ap-southeast-1") },
    {
        policy: RESIDENCY, what: "an RDS cross-region backup policy of a boundary instance to ap-southeast-1", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c) => [beside(c, "mutant-rds-cross-backup", "alicloud:rds/rdsInstanceCrossBackupPolicy:RdsInstanceCrossBackupPolicy", { instanceId: "rm-mutant", crossBackupRegion: "ap-southeast-1" })],
    },
    {
        policy: RESIDENCY, what: "an HBR replication vault in the separate region replicating a boundary region's vault", type: "alicloud:polardb/cluster:Cluster", pick: inBoundary,
        mutate: (r, all) => (separateOf(r.type, all) === undefined ? undefined : anchoredInBoundary(r, all)),
        add: (c, all) => {
            const far = separateOf(c.type, all);
            return far === undefined ? [] : [beside(c, "mutant-hbr-replica", "alicloud:hbr/replicationVault:ReplicationVault", { vaultName: "replica", replicationSourceRegionId: regionOfRes(c, all), replicationSourceVaultId: "v-mutant" }, {}, far.provider)];
        },
    },
    {
        policy: RESIDENCY, what: "an AWS Backup plan copying to a vault ARN in eu-west-1", type: "aws:rds/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c) => [beside(c, "mutant-backup-plan", "aws:backup/plan:Plan", { name: "daily", rules: [{ ruleName: "daily", targetVaultName: "Default", schedule: "cron(0 5 * * ? *)", copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-west-1:123456789012:backup-vault:offsite" }] }] })],
    },
    {
        policy: RESIDENCY, what: "an AWS Backup plan copying to a vault of the stack in eu-west-1", type: "aws:rds/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => {
            const provider = outsideProvider(all, "aws", "eu-west-1");
            const vault = beside(c, "mutant-offsite-vault", "aws:backup/vault:Vault", { name: "offsite" }, {}, refOf(provider));
            const arn = all.some(previewOf) ? UNKNOWN_STRING : "arn:aws:backup:eu-west-1:123456789012:backup-vault:offsite";
            return [provider, vault, beside(c, "mutant-backup-plan", "aws:backup/plan:Plan", { name: "daily", rules: [{ ruleName: "daily", targetVaultName: "Default", schedule: "cron(0 5 * * ? *)", copyActions: [{ destinationVaultArn: arn }] }] }, { rules: [vault.urn] })];
        },
    },
    {
        policy: RESIDENCY, what: "an Aurora cluster snapshot copy to eu-west-1", type: "aws:rds/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-snapshot-copy", "aws:rds/clusterSnapshotCopy:ClusterSnapshotCopy", { sourceDbClusterSnapshotIdentifier: `arn:aws:rds:${regionOfRes(c, all)}:123456789012:cluster-snapshot:nightly`, targetDbClusterSnapshotIdentifier: "nightly-copy", destinationRegion: "eu-west-1" })],
    },
    {
        policy: RESIDENCY, what: "an RDS snapshot copy to eu-west-1", type: "aws:rds/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => [beside(c, "mutant-db-snapshot-copy", "aws:rds/snapshotCopy:SnapshotCopy", { sourceDbSnapshotIdentifier: `arn:aws:rds:${regionOfRes(c, all)}:123456789012:snapshot:nightly`, targetDbSnapshotIdentifier: "nightly-copy", destinationRegion: "eu-west-1" })],
    },
    {
        policy: RESIDENCY, what: "automated backups of a boundary instance replicated to eu-west-1", type: "aws:rds/clusterInstance:ClusterInstance", pick: inBoundary, mutate: anchoredInBoundary,
        add: (i, all) => {
            const provider = outsideProvider(all, "aws", "eu-west-1");
            return [provider, beside(i, "mutant-backups-replication", "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", { sourceDbInstanceArn: all.some(previewOf) ? UNKNOWN_STRING : `arn:aws:rds:${regionOfRes(i, all)}:123456789012:db:${i.name}`, retentionPeriod: 7 }, { sourceDbInstanceArn: [i.urn] }, refOf(provider))];
        },
    },
    {
        policy: RESIDENCY, what: "an ElastiCache global datastore with a secondary in eu-west-1", type: "aws:elasticache/replicationGroup:ReplicationGroup", pick: inBoundary, mutate: anchoredInBoundary,
        add: (rg, all) => {
            const provider = outsideProvider(all, "aws", "eu-west-1");
            const global = beside(rg, "mutant-global", "aws:elasticache/globalReplicationGroup:GlobalReplicationGroup", { globalReplicationGroupIdSuffix: "cart", primaryReplicationGroupId: refTo(rg, all) }, { primaryReplicationGroupId: [rg.urn] });
            const secondary = beside(rg, "mutant-secondary", rg.type, { replicationGroupId: "cart-eu", description: "secondary", globalReplicationGroupId: refTo(global, all) }, { globalReplicationGroupId: [global.urn] }, refOf(provider));
            return [provider, global, secondary];
        },
    },
    {
        policy: RESIDENCY, what: "an Aurora cross-region read replica in eu-west-1", type: "aws:rds/cluster:Cluster", pick: inBoundary, mutate: anchoredInBoundary,
        add: (c, all) => {
            const provider = outsideProvider(all, "aws", "eu-west-1");
            return [provider, beside(c, "mutant-replica", c.type, { engine: "aurora-mysql", replicationSourceIdentifier: all.some(previewOf) ? UNKNOWN_STRING : `arn:aws:rds:${regionOfRes(c, all)}:123456789012:cluster:${c.name}` }, { replicationSourceIdentifier: [c.urn] }, refOf(provider))];
        },
    },
    { policy: RESIDENCY, what: "a bucket's own region input eu-west-1", type: "aws:s3/bucket:Bucket", pick: inBoundary, mutate: (r, all) => (hasResidency(all) ? set("region", "eu-west-1")(r) : undefined) },

    // Every property the resource rules read, in each place it lives.
    { policy: "ha-stateful-require-deletion-protection", what: "deletionLock 0", type: "alicloud:polardb/cluster:Cluster", mutate: set("deletionLock", 0) },
    { policy: "ha-stateful-require-deletion-protection", what: "instanceReleaseProtection false", type: "alicloud:kvstore/instance:Instance", mutate: set("instanceReleaseProtection", false) },
    { policy: "ha-stateful-require-deletion-protection", what: "deletionProtection false", type: "aws:rds/cluster:Cluster", mutate: set("deletionProtection", false) },
    { policy: "ha-stateful-require-deletion-protection", what: "skipFinalSnapshot true", type: "aws:rds/cluster:Cluster", mutate: set("skipFinalSnapshot", true) },
    { policy: "sec-data-store-require-encryption", what: "tdeStatus Disabled", type: "alicloud:polardb/cluster:Cluster", mutate: set("tdeStatus", "Disabled") },
    { policy: "sec-data-store-require-encryption", what: "tdeStatus disabled", type: "alicloud:redis/tairInstance:TairInstance", mutate: set("tdeStatus", "disabled") },
    { policy: "sec-data-store-require-encryption", what: "tdeStatus unset", type: "alicloud:kvstore/instance:Instance", mutate: set("tdeStatus", undefined) },
    { policy: "sec-data-store-require-encryption", what: "storageEncrypted false", type: "aws:rds/cluster:Cluster", mutate: set("storageEncrypted", false) },
    { policy: "sec-data-store-require-encryption", what: "atRestEncryptionEnabled false", type: "aws:elasticache/replicationGroup:ReplicationGroup", mutate: set("atRestEncryptionEnabled", false) },
    { policy: "sec-data-store-require-encryption", what: "transitEncryptionEnabled false", type: "aws:elasticache/replicationGroup:ReplicationGroup", mutate: set("transitEncryptionEnabled", false) },
    { policy: "ha-load-balancer-require-fast-health-check", what: "healthCheckEnabled false", type: "alicloud:alb/serverGroup:ServerGroup", mutate: set("healthCheckConfig.healthCheckEnabled", false) },
    { policy: "ha-load-balancer-require-fast-health-check", what: "interval 30 s x 3", type: "alicloud:alb/serverGroup:ServerGroup", mutate: (r) => set("healthCheckConfig.unhealthyThreshold", 3)(set("healthCheckConfig.healthCheckInterval", 30)(r)) },
    { policy: "ha-load-balancer-require-fast-health-check", what: "healthCheck.healthCheckEnabled false", type: "alicloud:nlb/serverGroup:ServerGroup", mutate: set("healthCheck.healthCheckEnabled", false) },
    { policy: "ha-load-balancer-require-fast-health-check", what: "interval 20 s x 2", type: "alicloud:nlb/serverGroup:ServerGroup", mutate: (r) => set("healthCheck.unhealthyThreshold", 2)(set("healthCheck.healthCheckInterval", 20)(r)) },
    { policy: "ha-load-balancer-require-fast-health-check", what: "healthCheck removed (30 s x 3 default)", type: "aws:lb/targetGroup:TargetGroup", mutate: set("healthCheck", undefined) },
    { policy: "ha-load-balancer-require-fast-health-check", what: "healthCheck.enabled false", type: "aws:lb/targetGroup:TargetGroup", mutate: set("healthCheck.enabled", false) },
    { policy: "sec-object-storage-require-private", what: "a public access block flag false", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", mutate: set("restrictPublicBuckets", false) },
    { policy: "sec-object-storage-require-private", what: "the public access block removed", type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", mutate: (r) => r, remove: "one" },
    { policy: "sec-object-storage-require-private", what: "blockPublicAccess false", type: "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock", mutate: set("blockPublicAccess", false) },
    { policy: "sec-object-storage-require-private", what: "acl public-read", type: "alicloud:oss/bucketAcl:BucketAcl", mutate: set("acl", "public-read") },
    { policy: "sec-object-storage-require-private", what: "bucket acl public-read-write", type: "aws:s3/bucket:Bucket", mutate: set("acl", "public-read-write") },
    { policy: "sec-object-storage-require-encryption", what: "sseAlgorithm unset", type: "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", mutate: set("sseAlgorithm", undefined) },
    { policy: "sec-object-storage-require-encryption", what: "the encryption resource removed", type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", mutate: (r) => r, remove: "one" },
    { policy: "sec-object-storage-require-encryption", what: "rules without an algorithm", type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", mutate: set("rules", [{ bucketKeyEnabled: true }]) },
    { policy: "sec-listener-require-https", what: "HTTPS sslPolicy ELBSecurityPolicy-2016-08", type: "aws:lb/listener:Listener", pick: (r) => r.inputs.protocol === "HTTPS", mutate: set("sslPolicy", "ELBSecurityPolicy-2016-08") },
    { policy: "sec-listener-require-https", what: "HTTP listener forwarding instead of redirecting", type: "aws:lb/listener:Listener", pick: (r) => r.inputs.protocol === "HTTP", mutate: set("defaultActions", [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/1" }]) },
    { policy: "sec-listener-require-https", what: "HTTPS securityPolicyId tls_cipher_policy_1_0", type: "alicloud:alb/listener:Listener", pick: (r) => r.inputs.listenerProtocol === "HTTPS", mutate: set("securityPolicyId", "tls_cipher_policy_1_0") },
    { policy: "sec-listener-require-https", what: "the redirect rule of the HTTP listener removed", type: "alicloud:alb/rule:Rule", pick: (r) => JSON.stringify(r.inputs.ruleActions ?? []).includes("Redirect"), mutate: (r) => r, remove: "one" },
    { policy: "sec-k8s-deployment-require-non-root", what: "a container's runAsUser 0", type: "kubernetes:apps/v1:Deployment", mutate: (r) => set("spec.template.spec.containers", list(get(r.inputs, ["spec", "template", "spec", "containers"])).map((c, i) => (i === 0 && isRecord(c) ? { ...c, securityContext: { ...(isRecord(c.securityContext) ? c.securityContext : {}), runAsUser: 0 } } : c)))(r) },
    {
        policy: "sec-k8s-deployment-require-non-root", what: "runAsNonRoot false on the pod and on every container", type: "kubernetes:apps/v1:Deployment",
        mutate: (r) => set("spec.template.spec.containers", list(get(r.inputs, ["spec", "template", "spec", "containers"])).map((c) => (isRecord(c) ? { ...c, securityContext: { ...(isRecord(c.securityContext) ? c.securityContext : {}), runAsNonRoot: false } } : c)))(set("spec.template.spec.securityContext.runAsNonRoot", false)(r)),
    },
    { policy: "sec-k8s-deployment-require-non-root", what: "an init container running as root", type: "kubernetes:apps/v1:Deployment", mutate: set("spec.template.spec.initContainers", [{ name: "migrate", image: "busybox:1.36", securityContext: { runAsUser: 0 }, resources: { requests: { cpu: "100m", memory: "64Mi" }, limits: { memory: "64Mi" } } }]) },
    { policy: "ha-k8s-deployment-require-resources", what: "a container without resources", type: "kubernetes:apps/v1:Deployment", mutate: dropContainerKey("resources") },
    { policy: "ha-k8s-deployment-require-resources", what: "an init container without resources", type: "kubernetes:apps/v1:Deployment", mutate: set("spec.template.spec.initContainers", [{ name: "migrate", image: "busybox:1.36" }]) },
    { policy: "ha-serverless-app-require-multi-zone", what: "vswitchId: one vSwitch", type: "alicloud:sae/application:Application", mutate: (r) => (typeof r.inputs.vswitchId === "string" && r.inputs.vswitchId.includes(",") ? firstRefText("vswitchId")(r) : undefined) },
    { policy: "ha-serverless-app-require-multi-zone", what: "replicas 1", type: "alicloud:sae/application:Application", mutate: set("replicas", 1) },
    { policy: "ha-serverless-app-require-multi-zone", what: "desiredCount 1", type: "aws:ecs/service:Service", mutate: set("desiredCount", 1) },
    { policy: "ha-serverless-app-require-multi-zone", what: "networkConfiguration.subnets: one subnet", type: "aws:ecs/service:Service", mutate: firstRef("networkConfiguration.subnets") },
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

    // Placements cut to one id while the property still depends on every subnet: zones come from
    // the ids (matched to the stack's subnets by id), dependencies stand in only for unknown ids.
    { policy: "ha-load-balancer-require-multi-zone", what: "zoneMappings: one entry, dependencies on both vSwitches kept", type: "alicloud:alb/loadBalancer:LoadBalancer", mutate: firstKeepingDeps("zoneMappings") },
    {
        policy: "ha-load-balancer-require-multi-zone", what: "zoneMappings: the second entry's zoneId the first one's with a trailing space", type: "alicloud:alb/loadBalancer:LoadBalancer",
        mutate: (r) => {
            const z = list(r.inputs.zoneMappings);
            const [first, second] = [z[0], z[1]];
            return z.length === 2 && isRecord(first) && isRecord(second) && typeof first.zoneId === "string" ? set("zoneMappings", [first, { ...second, zoneId: `${first.zoneId} ` }])(r) : undefined;
        },
    },
    { policy: "ha-load-balancer-require-multi-zone", what: "subnets: one subnet, dependencies kept", type: "aws:lb/loadBalancer:LoadBalancer", mutate: firstKeepingDeps("subnets") },
    { policy: "ha-autoscaling-group-require-multi-zone", what: "vswitchIds: one vSwitch, dependencies kept", type: "alicloud:ess/scalingGroup:ScalingGroup", mutate: firstKeepingDeps("vswitchIds") },
    { policy: "ha-autoscaling-group-require-multi-zone", what: "vpcZoneIdentifiers: one subnet, dependencies kept", type: "aws:autoscaling/group:Group", mutate: firstKeepingDeps("vpcZoneIdentifiers") },
    { policy: "ha-queue-require-multi-zone", what: "clientSubnets: one subnet, dependencies kept", type: "aws:msk/cluster:Cluster", mutate: firstKeepingDeps("brokerNodeGroupInfo.clientSubnets") },
    { policy: "ha-kubernetes-cluster-require-multi-zone", what: "vpcConfig.subnetIds: one subnet, dependencies kept", type: "aws:eks/cluster:Cluster", mutate: firstKeepingDeps("vpcConfig.subnetIds") },
    { policy: "ha-kubernetes-cluster-require-multi-zone", what: "vswitchIds: one vSwitch, dependencies kept", type: "alicloud:cs/managedKubernetes:ManagedKubernetes", mutate: firstKeepingDeps("vswitchIds") },
    { policy: "ha-serverless-app-require-multi-zone", what: "networkConfiguration.subnets: one subnet, dependencies kept", type: "aws:ecs/service:Service", mutate: firstKeepingDeps("networkConfiguration.subnets") },
    { policy: "ha-load-balancer-require-multi-zone", what: "subnets: the first subnet twice, dependencies kept", type: "aws:lb/loadBalancer:LoadBalancer", mutate: firstTwice("subnets") },
    { policy: "ha-autoscaling-group-require-multi-zone", what: "vswitchIds: the first vSwitch twice, dependencies kept", type: "alicloud:ess/scalingGroup:ScalingGroup", mutate: firstTwice("vswitchIds") },
    { policy: "ha-queue-require-multi-zone", what: "clientSubnets: the first subnet twice, dependencies kept", type: "aws:msk/cluster:Cluster", mutate: firstTwice("brokerNodeGroupInfo.clientSubnets") },
    { policy: "ha-kubernetes-cluster-require-multi-zone", what: "vswitchIds: the first vSwitch twice, dependencies kept", type: "alicloud:cs/managedKubernetes:ManagedKubernetes", mutate: firstTwice("vswitchIds") },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a node pool moved into the other pool's vSwitch (ids only)", type: "alicloud:cs/nodePool:NodePool", pick: secondOfPair("clusterId"), mutate: intoOtherPoolsSubnets("vswitchIds", false) },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a node pool moved into the other pool's vSwitch (ids and dependency)", type: "alicloud:cs/nodePool:NodePool", pick: secondOfPair("clusterId"), mutate: intoOtherPoolsSubnets("vswitchIds", true) },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a node group moved into the other group's subnet (ids only)", type: "aws:eks/nodeGroup:NodeGroup", pick: secondOfPair("clusterName"), mutate: intoOtherPoolsSubnets("subnetIds", false) },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a node group moved into the other group's subnet (ids and dependency)", type: "aws:eks/nodeGroup:NodeGroup", pick: secondOfPair("clusterName"), mutate: intoOtherPoolsSubnets("subnetIds", true) },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a node pool's clusterId \"other\", its dependency on the cluster kept", type: "alicloud:cs/nodePool:NodePool", pick: secondOfPair("clusterId"), mutate: set("clusterId", "other") },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", what: "a node group's clusterName \"other\", its dependency on the cluster kept", type: "aws:eks/nodeGroup:NodeGroup", pick: secondOfPair("clusterName"), mutate: set("clusterName", "other") },
    {
        policy: "ha-database-cluster-require-multiple-nodes", what: "the second instance pinned to the first one's zone (with a trailing space)", type: "aws:rds/clusterInstance:ClusterInstance", pick: secondOfPair("clusterIdentifier"),
        mutate: (r, all) => {
            const [first] = sameReference(r, "clusterIdentifier", all);
            return typeof first?.inputs.availabilityZone === "string" ? set("availabilityZone", `${first.inputs.availabilityZone} `)(r) : undefined;
        },
    },
    { policy: "ha-database-cluster-require-multiple-nodes", what: "an instance's clusterIdentifier \"other\", its dependency on the cluster kept", type: "aws:rds/clusterInstance:ClusterInstance", pick: secondOfPair("clusterIdentifier"), mutate: set("clusterIdentifier", "other") },
    // Values a rule must judge by what they mean.
    { policy: "ha-database-require-multi-zone", what: "standbyAz = zoneId", type: "alicloud:polardb/cluster:Cluster", pick: (r) => typeof r.inputs.standbyAz === "string", mutate: (r) => set("standbyAz", r.inputs.zoneId)(r) },
    { policy: "ha-k8s-deployment-require-pdb", what: "maxUnavailable \"100%\"", type: "kubernetes:policy/v1:PodDisruptionBudget", mutate: set("spec.maxUnavailable", "100%") },
    { policy: "ha-k8s-deployment-require-pdb", what: "minAvailable 0", type: "kubernetes:policy/v1:PodDisruptionBudget", mutate: (r) => set("spec.minAvailable", 0)(set("spec.maxUnavailable", undefined)(r)) },
    { policy: "ha-k8s-deployment-require-pdb", what: "minAvailable \"0%\"", type: "kubernetes:policy/v1:PodDisruptionBudget", mutate: (r) => set("spec.minAvailable", "0%")(set("spec.maxUnavailable", undefined)(r)) },
    { policy: CONFORMANCE, what: "preferredBackupPeriods: one day", type: "alicloud:polardb/backupPolicy:BackupPolicy", mutate: set("preferredBackupPeriods", ["Monday"]) },
    { policy: CONFORMANCE, what: "a vSwitch without zoneId", type: "alicloud:vpc/switch:Switch", mutate: set("zoneId", undefined) },
    // A vSwitch is in one zone: two zone mappings on one vSwitch are one zone whatever zoneIds say.
    {
        policy: "ha-load-balancer-require-multi-zone", what: "zoneMappings: the second entry on the first entry's vSwitch, zoneIds kept", type: "alicloud:alb/loadBalancer:LoadBalancer",
        mutate: (r) => {
            const z = list(r.inputs.zoneMappings);
            const [first, second] = z;
            return z.length === 2 && isRecord(first) && isRecord(second) && JSON.stringify(first.vswitchId) !== JSON.stringify(second.vswitchId) ? set("zoneMappings", [first, { ...second, vswitchId: first.vswitchId }])(r) : undefined;
        },
    },
    { policy: CONFORMANCE, what: "authToken of 15 characters", type: "aws:elasticache/replicationGroup:ReplicationGroup", pick: (r) => r.inputs.authToken !== undefined, mutate: set("authToken", "a".repeat(15)) },
    { policy: CONFORMANCE, what: "authToken of 129 characters", type: "aws:elasticache/replicationGroup:ReplicationGroup", pick: (r) => r.inputs.authToken !== undefined, mutate: set("authToken", "a".repeat(129)) },
    { policy: CONFORMANCE, what: "masterUsername of 17 characters", type: "aws:rds/cluster:Cluster", pick: (r) => typeof r.inputs.masterUsername === "string", mutate: set("masterUsername", "a".repeat(17)) },
    { policy: CONFORMANCE, what: "databaseName with a hyphen", type: "aws:rds/cluster:Cluster", pick: (r) => typeof r.inputs.databaseName === "string", mutate: set("databaseName", "live-commerce") },
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
    const target = resources.find((r) => (m.type === "*" || r.type === m.type) && (m.pick === undefined || m.pick(r, resources)));
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

const outcome = { size: 0, caught: 0, missed: [] as string[], byMode: { resolved: { size: 0, caught: 0 }, preview: { size: 0, caught: 0 } } };

/** Whether the mutated plan is caught: a mandatory violation of the mutant's policy, or a conformance finding on its type that the shipped plan does not have. */
async function caught(m: Mutant, mutated: EvalResource[], original: readonly EvalResource[], stage: string): Promise<boolean> {
    if (m.policy === CONFORMANCE) {
        const findings = (rs: readonly EvalResource[]): number => checkConformance(rs).filter((v) => v.type === m.type).length;
        return findings(mutated) > findings(original);
    }
    const policies: Policies = POLICIES.filter((p) => p.name === m.policy);
    const result = await evaluatePolicies(policies, mutated, { stage });
    return result.violations.some((v) => v.enforcement === "mandatory");
}

describe("mutant suite: every mutant of a shipped plan is caught, resolved and in preview", () => {
    const stacks = listStacks().filter((s) => !s.startsWith("startup"));
    for (const stack of stacks) {
        for (const [mode, planOf] of [["resolved", shippedPlan], ["preview", shippedPreviewPlan]] as const) {
            it(`${stack} (${mode})`, async () => {
                const plan: Plan = await planOf(stack);
                for (const m of MUTANTS) {
                    const mutated = applyMutant(m, plan.resources);
                    if (mutated === undefined) continue;
                    outcome.size++;
                    outcome.byMode[mode].size++;
                    if (await caught(m, mutated, plan.resources, plan.stage)) {
                        outcome.caught++;
                        outcome.byMode[mode].caught++;
                    } else outcome.missed.push(`${stack} ${mode}: ${m.policy} ${m.type} ${m.what}`);
                }
                assert.deepStrictEqual(outcome.missed, []);
            });
        }
    }
    after(() => {
        const rate = (o: { size: number; caught: number }): string => `${o.caught}/${o.size} caught (${o.size === 0 ? 0 : ((100 * o.caught) / o.size).toFixed(1)}%)`;
        process.stdout.write(`      mutant suite: ${outcome.size} mutants, ${outcome.caught} caught (${outcome.size === 0 ? 0 : ((100 * outcome.caught) / outcome.size).toFixed(1)}%), ${MUTANTS.length} kinds over ${stacks.length} stacks x 2 modes; resolved ${rate(outcome.byMode.resolved)}, preview ${rate(outcome.byMode.preview)}\n`);
    });
    it("covers every rule kind it lists on some shipped stack", () => {
        assert.ok(outcome.size >= MUTANTS.length, `${outcome.size} mutants applied`);
    });
});

/**
 * The `pulumi preview --json --show-sames` document of a pull request that makes `mutated` out of
 * the deployed `original`: every unchanged resource a `same` step, the broken one an `update` step
 * whose new state carries its new inputs and neither id nor outputs (pkg/resource/deploy/step.go
 * NewUpdateStep: `new.ID == ""`; the JSON is written at the step's pre-event), its `diffReasons`
 * the top-level inputs that differ; a resource the mutant adds a `create` step.
 */
function updatePreview(original: readonly EvalResource[], mutated: readonly EvalResource[], plan: Plan): unknown {
    const before = new Map(original.map((r) => [r.urn, r]));
    const steps = mutated.map((r) => {
        const old = before.get(r.urn);
        if (old === undefined) return { op: "create", urn: r.urn, newState: resourceV3(r, false) };
        if (old === r) return { op: "same", urn: r.urn, oldState: resourceV3(old, true), newState: resourceV3(r, false) };
        const keys = [...new Set([...Object.keys(old.inputs), ...Object.keys(r.inputs)])].filter((k) => JSON.stringify(old.inputs[k]) !== JSON.stringify(r.inputs[k]));
        return { op: "update", urn: r.urn, oldState: resourceV3(old, true), newState: resourceV3(r, false), diffReasons: keys };
    });
    const changeSummary: Record<string, number> = {};
    for (const s of steps) changeSummary[s.op] = (changeSummary[s.op] ?? 0) + 1;
    return { config: { "live-commerce:stage": plan.stage, "live-commerce:cloud": plan.cloud }, steps, changeSummary };
}

describe("mutant suite as a pull request's preview: each mutant an update step without id or outputs (as `pulumi preview --json` prints it), judged by check --from", () => {
    const stacks = listStacks().filter((s) => !s.startsWith("startup"));
    const counted = { size: 0, caught: 0 };
    for (const stack of stacks) {
        it(stack, async () => {
            const plan: Plan = await shippedPlan(stack);
            const [deployed] = parseInput(updatePreview(plan.resources, plan.resources, plan), `${stack} unchanged`);
            const missed: string[] = [];
            for (const m of MUTANTS) {
                // an update step changes one resource in place: removals and mutants that add resources are other steps
                if (m.remove !== undefined || m.add !== undefined) continue;
                const mutated = applyMutant(m, plan.resources);
                if (mutated === undefined || mutated.length !== plan.resources.length) continue;
                const [judged] = parseInput(updatePreview(plan.resources, mutated, plan), `${stack}: ${m.what}`);
                counted.size++;
                if (await caught(m, judged.resources, deployed.resources, judged.stage)) counted.caught++;
                else missed.push(`${stack}: ${m.policy} ${m.type} ${m.what}`);
            }
            assert.deepStrictEqual(missed, []);
        });
    }
    after(() => {
        process.stdout.write(`      update-step mutants: ${counted.size}, ${counted.caught} caught (${counted.size === 0 ? 0 : ((100 * counted.caught) / counted.size).toFixed(1)}%)\n`);
    });
});
