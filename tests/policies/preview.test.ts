// The unknown sentinel of a first preview in every policy that reads a reference: references are
// resolved through property dependencies to known inputs; what stays unknown is never a violation
// and is listed by ha-stack-cannot-judge-from-input.

import * as assert from "assert";
import type { Policies } from "@pulumi/policy";

import { POLICIES } from "../../policies/all";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { resourceRule } from "../../policies/lib/policy";
import { EvalResource, Violation, evaluatePolicies } from "../../tools/lib/evaluate";
import { providerRes, res } from "./helpers";

const U = UNKNOWN_STRING;

function withDeps(r: EvalResource, deps: Record<string, readonly EvalResource[]>): EvalResource {
    return { ...r, propertyDependencies: Object.fromEntries(Object.entries(deps).map(([k, rs]) => [k, rs.map((d) => d.urn)])) };
}

async function run(resources: readonly EvalResource[], names: readonly string[] = POLICIES.map((p) => p.name)): Promise<Violation[]> {
    const policies: Policies = POLICIES.filter((p) => names.includes(p.name));
    return (await evaluatePolicies(policies, [providerRes("us-east-1"), ...resources], { stage: "growth" })).violations;
}

const mandatory = (vs: readonly Violation[], policy: string): Violation[] => vs.filter((v) => v.policy === policy && v.enforcement === "mandatory");
const UNDETERMINED = "ha-stack-cannot-judge-from-input";

const awsSubnet = (name: string, zone: string): EvalResource => res("aws:ec2/subnet:Subnet", { availabilityZone: zone, vpcId: U, cidrBlock: "10.0.0.0/24" }, name);
const vswitch = (name: string, zone: string): EvalResource => res("alicloud:vpc/switch:Switch", { zoneId: zone, vpcId: U, cidrBlock: "10.0.0.0/24" }, name);

interface Case {
    readonly policy: string;
    /** The zonal resource with its subnet references unknown, depending on `subnets`. */
    readonly build: (subnets: readonly EvalResource[], refs: readonly string[]) => EvalResource;
    readonly subnet: (name: string, zone: string) => EvalResource;
}

const CASES: readonly Case[] = [
    { policy: "ha-autoscaling-group-require-multi-zone", subnet: awsSubnet, build: (s, refs) => withDeps(res("aws:autoscaling/group:Group", { minSize: 2, maxSize: 4, vpcZoneIdentifiers: refs, healthCheckType: "ELB" }, "asg"), { vpcZoneIdentifiers: s }) },
    { policy: "ha-autoscaling-group-require-multi-zone", subnet: vswitch, build: (s, refs) => withDeps(res("alicloud:ess/scalingGroup:ScalingGroup", { minSize: 2, maxSize: 4, vswitchIds: refs }, "ess"), { vswitchIds: s }) },
    { policy: "ha-load-balancer-require-multi-zone", subnet: awsSubnet, build: (s, refs) => withDeps(res("aws:lb/loadBalancer:LoadBalancer", { subnets: refs }, "alb"), { subnets: s }) },
    { policy: "ha-load-balancer-require-multi-zone", subnet: vswitch, build: (s, refs) => withDeps(res("alicloud:alb/loadBalancer:LoadBalancer", { zoneMappings: refs.map((r) => ({ vswitchId: r, zoneId: U })) }, "alb"), { zoneMappings: s }) },
    { policy: "ha-kubernetes-cluster-require-multi-zone", subnet: awsSubnet, build: (s, refs) => withDeps(res("aws:eks/cluster:Cluster", { roleArn: U, vpcConfig: { subnetIds: refs } }, "eks"), { vpcConfig: s }) },
    { policy: "ha-kubernetes-cluster-require-multi-zone", subnet: vswitch, build: (s, refs) => withDeps(res("alicloud:cs/managedKubernetes:ManagedKubernetes", { vswitchIds: refs }, "ack"), { vswitchIds: s }) },
    { policy: "ha-queue-require-multi-zone", subnet: awsSubnet, build: (s, refs) => withDeps(res("aws:msk/cluster:Cluster", { numberOfBrokerNodes: 2, brokerNodeGroupInfo: { clientSubnets: refs, instanceType: "kafka.m5.large", securityGroups: [U] } }, "msk"), { brokerNodeGroupInfo: s }) },
    { policy: "ha-queue-require-multi-zone", subnet: vswitch, build: (s, refs) => withDeps(res("alicloud:alikafka/instance:Instance", { deployType: 5, vswitchIds: refs }, "kafka"), { vswitchIds: s }) },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", subnet: awsSubnet, build: (s, refs) => withDeps(res("aws:eks/nodeGroup:NodeGroup", { clusterName: "k", subnetIds: refs, scalingConfig: { minSize: 2, maxSize: 4, desiredSize: 2 } }, "ng"), { subnetIds: s }) },
    { policy: "ha-kubernetes-node-pools-require-multi-zone", subnet: vswitch, build: (s, refs) => withDeps(res("alicloud:cs/nodePool:NodePool", { clusterId: U, vswitchIds: refs, desiredSize: 2 }, "np"), { vswitchIds: s }) },
];

describe("policies on a first preview (ids unknown)", () => {
    for (const c of CASES) {
        const type = c.build([], []).type;
        describe(`${c.policy} on ${type}`, () => {
            it("resolves unknown subnet ids to the subnets' zones: two zones pass", async () => {
                const subnets = [c.subnet("a", "zone-a"), c.subnet("b", "zone-b")];
                const vs = await run([...subnets, c.build(subnets, [U, U])]);
                assert.deepStrictEqual(mandatory(vs, c.policy), []);
                assert.deepStrictEqual(vs.filter((v) => v.policy === UNDETERMINED || /during preview/.test(v.message)), []);
            });
            it("counts zones, not subnets: two subnets in one zone are one zone", async () => {
                const subnets = [c.subnet("a", "zone-a"), c.subnet("b", "zone-a")];
                const vs = mandatory(await run([...subnets, c.build(subnets, [U, U])]), c.policy);
                assert.strictEqual(vs.length, 1, JSON.stringify(vs));
                assert.match(vs[0].message, /1 zone/);
            });
            it("a single unknown subnet is at most one zone: a violation", async () => {
                const vs = mandatory(await run([c.build([], [U])]), c.policy);
                assert.strictEqual(vs.length, 1, JSON.stringify(vs));
            });
            it("unresolvable unknowns are no violation, listed as cannot be judged until created", async () => {
                const vs = await run([c.build([], [U, U])]);
                assert.deepStrictEqual(mandatory(vs, c.policy), []);
                const open = vs.filter((v) => v.policy === UNDETERMINED);
                assert.strictEqual(open.length, 1, JSON.stringify(vs));
                assert.strictEqual(open[0].enforcement, "advisory");
                assert.match(open[0].message, new RegExp(`^${c.policy}: .* cannot be judged until created`));
                assert.ok(open[0].urn.endsWith(`::${c.build([], []).name}`), open[0].urn);
            });
        });
    }

    it("ApsaraMQ Kafka counts selectedZones, not zone ids and vSwitch ids together", async () => {
        const vsw = vswitch("b", "zone-b");
        const kafka = withDeps(res("alicloud:alikafka/instance:Instance", { deployType: 5, selectedZones: ["zone-a"], vswitchIds: [U] }, "kafka"), { vswitchIds: [vsw] });
        assert.strictEqual(mandatory(await run([vsw, kafka]), "ha-queue-require-multi-zone").length, 1);
    });

    it("Aurora instances whose clusterIdentifier is unknown are matched to their cluster by dependency", async () => {
        const cluster = res("aws:rds/cluster:Cluster", { engine: "aurora-mysql", clusterIdentifier: "orders", backupRetentionPeriod: 7 }, "cluster");
        const other = res("aws:rds/cluster:Cluster", { engine: "aurora-mysql", clusterIdentifier: "other", backupRetentionPeriod: 7 }, "other");
        const instance = (name: string, target: EvalResource): EvalResource => withDeps(res("aws:rds/clusterInstance:ClusterInstance", { clusterIdentifier: U, instanceClass: "db.r6g.large", engine: "aurora-mysql" }, name), { clusterIdentifier: [target] });
        const two = await run([cluster, instance("i0", cluster), instance("i1", cluster)], ["ha-database-cluster-require-multiple-nodes"]);
        assert.deepStrictEqual(two, []);
        const split = await run([cluster, other, instance("i0", cluster), instance("i1", other)], ["ha-database-cluster-require-multiple-nodes"]);
        assert.deepStrictEqual(split.map((v) => [v.urn.split("::").pop(), v.message]), [
            ["cluster", "Aurora cluster has 1 instance(s); at least 2 are required."],
            ["other", "Aurora cluster has 1 instance(s); at least 2 are required."],
        ]);
        // an instance whose clusterIdentifier is unknown and resolved by no dependency may be either cluster's: not judged, listed
        const orphan = res("aws:rds/clusterInstance:ClusterInstance", { clusterIdentifier: U, instanceClass: "db.r6g.large", engine: "aurora-mysql" }, "orphan");
        const open = await run([cluster, instance("i0", cluster), orphan], ["ha-database-cluster-require-multiple-nodes", UNDETERMINED]);
        assert.deepStrictEqual(open.map((v) => [v.policy, v.enforcement, v.urn.split("::").pop(), v.message]), [[
            UNDETERMINED, "advisory", "cluster",
            "ha-database-cluster-require-multiple-nodes: the instances of Aurora cluster cluster cannot be judged until created: orphan.clusterIdentifier is not known before the resources exist and no known input resolves it.",
        ]]);
        // a cluster the orphan cannot complete (one instance at most) stays a violation
        assert.strictEqual(mandatory(await run([cluster, orphan], ["ha-database-cluster-require-multiple-nodes"]), "ha-database-cluster-require-multiple-nodes").length, 1);
    });

    it("node pools whose clusterId is unknown are grouped by the cluster they depend on", async () => {
        const [a, b] = [vswitch("a", "zone-a"), vswitch("b", "zone-b")];
        const c1 = res("alicloud:cs/managedKubernetes:ManagedKubernetes", { vswitchIds: ["vsw-a", "vsw-b"] }, "c1");
        const c2 = res("alicloud:cs/managedKubernetes:ManagedKubernetes", { vswitchIds: ["vsw-a", "vsw-b"] }, "c2");
        const pool = (name: string, cluster: EvalResource, vsw: EvalResource): EvalResource => withDeps(res("alicloud:cs/nodePool:NodePool", { clusterId: U, vswitchIds: [U], desiredSize: 1 }, name), { clusterId: [cluster], vswitchIds: [vsw] });
        const together = await run([a, b, c1, pool("p1", c1, a), pool("p2", c1, b)], ["ha-kubernetes-node-pools-require-multi-zone"]);
        assert.deepStrictEqual(together, []);
        const apart = await run([a, b, c1, c2, pool("p1", c1, a), pool("p2", c2, b)], ["ha-kubernetes-node-pools-require-multi-zone"]);
        assert.strictEqual(apart.length, 2, JSON.stringify(apart));
    });

    it("bucket resources whose bucket is unknown configure the bucket they depend on", async () => {
        const media = res("aws:s3/bucket:Bucket", {}, "media");
        const logs = res("aws:s3/bucket:Bucket", {}, "logs");
        const versioning = (name: string, bucket: EvalResource): EvalResource => withDeps(res("aws:s3/bucketVersioning:BucketVersioning", { bucket: U, versioningConfiguration: { status: "Enabled" } }, name), { bucket: [bucket] });
        const policy = ["ha-object-storage-require-versioning-and-redundancy"];
        assert.deepStrictEqual(await run([media, logs, versioning("media-versioning", media), versioning("logs-versioning", logs)], policy), []);
        // both versioning resources target media (the names would suggest otherwise): logs is unversioned
        const vs = await run([media, logs, versioning("media-versioning", media), versioning("logs-versioning", media)], policy);
        assert.deepStrictEqual(vs.map((v) => v.urn.split("::").pop()), ["logs"]);
    });

    it("a policy that reads an unknown value directly is reported as the CLI reports it: advisory, can't run during preview", async () => {
        const naive = resourceRule({ name: "naive", description: "reads a subnet id", category: "security", remediation: "-" }, [
            (args, report) => {
                if (typeof args.props.subnetId === "string") report("read");
            },
        ]);
        const vs = (await evaluatePolicies([naive], [res("aws:ec2/instance:Instance", { subnetId: U })], { stage: "growth" })).violations;
        assert.deepStrictEqual(vs.map((v) => [v.enforcement, v.message]), [["advisory", "can't run policy 'naive' during preview: value at .subnetId can't be known during preview"]]);
    });
});

describe("security rules on a first preview", () => {
    it("an RDS instance whose encryptionKey is a key not created yet is encrypted, not unjudgeable", async () => {
        const db = res("alicloud:rds/instance:Instance", { engine: "MySQL", encryptionKey: U }, "db");
        const vs = (await evaluatePolicies(POLICIES.filter((p) => p.name === "sec-data-store-require-encryption"), [db], { stage: "growth" })).violations;
        assert.deepStrictEqual(vs, []);
    });
});
