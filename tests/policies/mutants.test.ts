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
import { isRecord } from "../../policies/lib/values";
import { shippedPlan, shippedPreviewPlan } from "../support/shipped";

interface Mutant {
    readonly policy: string;
    /** What is broken, e.g. "vpcZoneIdentifiers: one subnet". */
    readonly what: string;
    readonly type: string;
    /** The broken copy of the first resource of `type` (undefined: the rule cannot apply here). */
    readonly mutate: (r: EvalResource, all: readonly EvalResource[]) => EvalResource | undefined;
    /** Remove the resource instead (and every other of its type under the same parent when `siblings`). */
    readonly remove?: "one" | "siblings";
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

/** A Kubernetes Deployment's first container with `key` removed. */
const dropContainerKey = (key: string) => (r: EvalResource): EvalResource => {
    const containers = get(r.inputs, ["spec", "template", "spec", "containers"]);
    const list = Array.isArray(containers) ? containers.map((c, i) => (i === 0 && isRecord(c) ? Object.fromEntries(Object.entries(c).filter(([k]) => k !== key)) : c)) : [];
    return set("spec.template.spec.containers", list)(r);
};

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
];

/** Applies a mutant to a plan's resources; undefined when the plan has no resource it applies to. */
function applyMutant(m: Mutant, resources: readonly EvalResource[]): EvalResource[] | undefined {
    const target = resources.find((r) => r.type === m.type);
    if (target === undefined) return undefined;
    if (m.remove === "one") return resources.filter((r) => r !== target);
    if (m.remove === "siblings") {
        const siblings = resources.filter((r) => r.type === m.type && r.parent === target.parent);
        return siblings.length < 2 ? undefined : resources.filter((r) => !siblings.includes(r) || r === target);
    }
    const broken = m.mutate(target, resources);
    if (broken === undefined) return undefined;
    // the ingress rule mutant needs its twin: a second rule of the same group covering the other half
    const twin = m.what.includes("128.0.0.0/1") ? [{ ...broken, urn: `${broken.urn}-twin`, name: `${broken.name}-twin`, inputs: { ...broken.inputs, cidrIpv4: "128.0.0.0/1" } }] : [];
    return [...resources.map((r) => (r === target ? broken : r)), ...twin];
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
