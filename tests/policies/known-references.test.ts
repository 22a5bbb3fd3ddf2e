// Rules judge from what is known: a known subnet id is matched to its subnet by id (a dependency
// records what a value was computed from, not what it names); dependencies stand in only for
// unknown ids; a subnet whose zone is unknown is undetermined, never a zone of its own; values are
// judged by what they mean (a standby in the primary zone, a PDB that lets every pod go); a tier
// that fails its rule never raises the estimate; an export's resources pending deletion are gone.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Policies } from "@pulumi/policy";

import { POLICIES } from "../../policies/all";
import { checkConformance } from "../../policies/conformance";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { isRecord } from "../../policies/lib/values";
import { budgetPods, keepsPods } from "../../policies/stack/ha-k8s-deployment-require-pdb";
import { check, parseCheckArgs } from "../../tools/check";
import { EvalResource, Violation, availabilityOf, evaluatePolicies } from "../../tools/lib/evaluate";
import { parseInput } from "../../tools/lib/inputs";
import { shippedPlan } from "../support/shipped";
import { providerRes, res } from "./helpers";

const U = UNKNOWN_STRING;
const UNDETERMINED = "ha-stack-cannot-judge-from-input";

async function run(resources: readonly EvalResource[], names: readonly string[]): Promise<Violation[]> {
    const policies: Policies = POLICIES.filter((p) => names.includes(p.name));
    return (await evaluatePolicies(policies, [providerRes("us-east-1"), ...resources], { stage: "growth" })).violations;
}

const short = (vs: readonly Violation[]): string[][] => vs.map((v) => [v.policy, v.enforcement, v.urn.split("::").pop() ?? "", v.message]);

/** A subnet with a cloud id (as a resolved plan, a preview of an existing stack and an export carry it). */
const subnet = (name: string, zone: unknown, id?: string): EvalResource => ({ ...res("aws:ec2/subnet:Subnet", { availabilityZone: zone, vpcId: "vpc-1", cidrBlock: "10.0.0.0/24" }, name), ...(id !== undefined ? { id } : {}) });
const vswitch = (name: string, zone: unknown, id?: string): EvalResource => ({ ...res("alicloud:vpc/switch:Switch", { ...(zone !== undefined ? { zoneId: zone } : {}), vpcId: "vpc-1", cidrBlock: "10.0.0.0/24" }, name), ...(id !== undefined ? { id } : {}) });
const deps = (r: EvalResource, prop: string, on: readonly EvalResource[]): EvalResource => ({ ...r, propertyDependencies: { ...r.propertyDependencies, [prop]: on.map((s) => s.urn) } });
const awsLb = (subnets: unknown, on: readonly EvalResource[]): EvalResource => deps(res("aws:lb/loadBalancer:LoadBalancer", { subnets }, "alb"), "subnets", on);

const LB = "ha-load-balancer-require-multi-zone";

describe("zone rules count the ids a property holds, not the subnets it depends on", () => {
    const a = subnet("a", "us-east-1a", "subnet-a");
    const b = subnet("b", "us-east-1b", "subnet-b");

    it("a known id is matched to its subnet by id: one id beside dependencies on two subnets is one zone", async () => {
        assert.deepStrictEqual(short(await run([a, b, awsLb(["subnet-a"], [a, b])], [LB])), [[LB, "mandatory", "alb", "Load balancer spans 1 zone(s)/subnet(s); at least 2 are required so one zone can fail."]]);
        assert.deepStrictEqual(await run([a, b, awsLb(["subnet-a", "subnet-b"], [a, b])], [LB]), []);
    });

    it("two known ids of subnets in one zone are one zone, whatever the dependencies say", async () => {
        const a2 = subnet("a2", "us-east-1a", "subnet-a2");
        assert.strictEqual((await run([a, a2, b, awsLb(["subnet-a", "subnet-a2"], [a, b])], [LB])).length, 1);
    });

    it("an id of no subnet in the stack counts as one zone of its own", async () => {
        assert.deepStrictEqual(await run([awsLb(["subnet-outside-1", "subnet-outside-2"], [])], [LB]), []);
        assert.strictEqual((await run([awsLb(["subnet-outside-1"], [])], [LB])).length, 1);
    });

    it("without ids on the stack's subnets, known ids are placed among the dependent subnets, no more of them than there are ids", async () => {
        const [na, nb] = [subnet("a", "us-east-1a"), subnet("b", "us-east-1b")];
        assert.strictEqual((await run([na, nb, awsLb(["subnet-a"], [na, nb])], [LB])).length, 1);
        assert.deepStrictEqual(await run([na, nb, awsLb(["subnet-a", "subnet-b"], [na, nb])], [LB, UNDETERMINED]), []);
    });

    it("in a first preview, one unknown id beside dependencies on two subnets covers at most one zone", async () => {
        const [pa, pb] = [subnet("a", "us-east-1a"), subnet("b", "us-east-1b")];
        assert.strictEqual((await run([pa, pb, awsLb([U], [pa, pb])], [LB, UNDETERMINED])).filter((v) => v.enforcement === "mandatory").length, 1);
        assert.deepStrictEqual(await run([pa, pb, awsLb([U, U], [pa, pb])], [LB, UNDETERMINED]), []);
        // a value whose number of entries a first preview cannot count (an apply) is its dependencies
        assert.deepStrictEqual(await run([pa, pb, awsLb(U, [pa, pb])], [LB, UNDETERMINED]), []);
        assert.strictEqual((await run([pa, pb, awsLb(U, [pa])], [LB])).length, 1);
        // a list of unknown length that nothing bounds may hold any number of zones: not judged, listed
        assert.deepStrictEqual(short(await run([awsLb(U, [])], [LB, UNDETERMINED])).map((v) => [v[0], v[1]]), [[UNDETERMINED, "advisory"]]);
        const asg = res("aws:autoscaling/group:Group", { minSize: 2, maxSize: 4, availabilityZones: U, healthCheckType: "ELB" }, "asg");
        assert.deepStrictEqual(short(await run([asg], ["ha-autoscaling-group-require-multi-zone", UNDETERMINED])).map((v) => [v[0], v[1]]), [[UNDETERMINED, "advisory"]]);
    });

    it("an ALB zone mapping cut to one entry is one zone, its dependencies on both vSwitches notwithstanding", async () => {
        const [h, i] = [vswitch("h", "cn-hangzhou-h"), vswitch("i", "cn-hangzhou-i")];
        const alb = (mappings: unknown[]): EvalResource => deps(res("alicloud:alb/loadBalancer:LoadBalancer", { zoneMappings: mappings }, "alb"), "zoneMappings", [h, i]);
        assert.strictEqual((await run([h, i, alb([{ zoneId: "cn-hangzhou-h", vswitchId: U }])], [LB])).length, 1);
        assert.deepStrictEqual(await run([h, i, alb([{ zoneId: "cn-hangzhou-h", vswitchId: U }, { zoneId: "cn-hangzhou-i", vswitchId: U }])], [LB]), []);
        // a zone id padded with a space is the same zone
        assert.strictEqual((await run([h, i, alb([{ zoneId: "cn-hangzhou-h", vswitchId: U }, { zoneId: "cn-hangzhou-h ", vswitchId: U }])], [LB])).length, 1);
        // an entry whose zone id is unknown is placed by its vSwitch
        assert.deepStrictEqual(await run([h, i, alb([{ zoneId: "cn-hangzhou-h", vswitchId: U }, { zoneId: U, vswitchId: U }])], [LB, UNDETERMINED]), []);
    });

    it("an Aurora instance whose known clusterIdentifier names another cluster is not the cluster's, its dependency notwithstanding", async () => {
        const cluster = res("aws:rds/cluster:Cluster", { engine: "aurora-mysql", clusterIdentifier: "orders" }, "cluster");
        const instance = (name: string, id: string): EvalResource => deps(res("aws:rds/clusterInstance:ClusterInstance", { clusterIdentifier: id, instanceClass: "db.r6g.large", engine: "aurora-mysql" }, name), "clusterIdentifier", [cluster]);
        const rule = "ha-database-cluster-require-multiple-nodes";
        assert.deepStrictEqual(await run([cluster, instance("i0", "orders"), instance("i1", "orders")], [rule]), []);
        assert.deepStrictEqual(short(await run([cluster, instance("i0", "orders"), instance("i1", "other")], [rule])), [[rule, "mandatory", "cluster", "Aurora cluster has 1 instance(s); at least 2 are required."]]);
        // two instances pinned to one zone, one of them spelled with a trailing space
        const pinned = (name: string, zone: string): EvalResource => ({ ...instance(name, "orders"), inputs: { ...instance(name, "orders").inputs, availabilityZone: zone } });
        assert.deepStrictEqual(short(await run([cluster, pinned("i0", "us-east-1a"), pinned("i1", "us-east-1a ")], [rule])).map((v) => v[3]), ["Aurora cluster's 2 instances all sit in us-east-1a: no reader in another availability zone to fail over to."]);
    });
});

describe("a subnet whose zone is unknown or unset is undetermined, not a zone of its own", () => {
    const h = vswitch("h", U);
    const i = vswitch("i", U);
    const ess = (on: readonly EvalResource[], minSize = 2): EvalResource => deps(res("alicloud:ess/scalingGroup:ScalingGroup", { minSize, maxSize: 4, vswitchIds: [U, U] }, "ess"), "vswitchIds", on);
    const RULE = "ha-autoscaling-group-require-multi-zone";

    it("both vSwitches' zoneId unknown: cannot be judged until created, naming the resource and the properties", async () => {
        assert.deepStrictEqual(short(await run([h, i, ess([h, i])], [RULE, UNDETERMINED])), [[
            UNDETERMINED, "advisory", "ess",
            `${RULE}: the zones of ESS scaling group ess cannot be judged until created: h.zoneId, i.zoneId are not known before the resources exist and no known input resolves them.`,
        ]]);
    });

    it("a vSwitch without zoneId: undetermined for the zone rules, and a conformance finding (the provider requires it)", async () => {
        const [nh, ni] = [vswitch("h", undefined), vswitch("i", "cn-hangzhou-i")];
        assert.deepStrictEqual(short(await run([nh, ni, ess([nh, ni])], [RULE, UNDETERMINED])), [[
            UNDETERMINED, "advisory", "ess",
            `${RULE}: the zones of ESS scaling group ess cannot be judged until created: h.zoneId (unset) is not known before the resources exist and no known input resolves it.`,
        ]]);
        assert.deepStrictEqual(checkConformance([nh, ni]).map((v) => [v.urn.split("::").pop(), v.property, v.rule]), [["h", "zoneId", "a zone id (required for a VPC vSwitch) (when its deprecated alias availabilityZone is unset)"]]);
        assert.deepStrictEqual(checkConformance([{ ...nh, inputs: { ...nh.inputs, availabilityZone: "cn-hangzhou-h" } }]), []);
    });

    it("a minimum below the required zones is a violation whatever the zones turn out to be", async () => {
        assert.deepStrictEqual(short(await run([h, i, ess([h, i], 1)], [RULE])), [[RULE, "mandatory", "ess", "ESS scaling group keeps a minimum of 1 instance(s); at least 2 (one per zone) are required so one zone can fail."]]);
    });
});

describe("values judged by what they mean", () => {
    const polardb = (inputs: Record<string, unknown>): EvalResource => res("alicloud:polardb/cluster:Cluster", { dbType: "MySQL", dbVersion: "8.0", dbNodeClass: "polar.mysql.x4.large", dbNodeCount: 2, hotStandbyCluster: "ON", zoneId: "cn-hangzhou-h", ...inputs }, "db");
    const RULE = "ha-database-require-multi-zone";

    it("a PolarDB hot standby in the primary's zone is no standby across zones (also padded with spaces)", async () => {
        assert.deepStrictEqual(await run([polardb({ standbyAz: "cn-hangzhou-i" })], [RULE]), []);
        for (const az of ["cn-hangzhou-h", " cn-hangzhou-h "]) {
            assert.deepStrictEqual(short(await run([polardb({ standbyAz: az })], [RULE])).map((v) => v[3]), ["PolarDB standbyAz is the primary zone cn-hangzhou-h: the hot standby storage does not survive that zone's failure; set standbyAz to another zone of the region."]);
        }
        // unset: the cloud places the standby
        assert.deepStrictEqual(await run([polardb({})], [RULE]), []);
    });

    it("an RDS standby zone padded with spaces is the primary zone", async () => {
        const rds = (slave: string): EvalResource => res("alicloud:rds/instance:Instance", { engine: "MySQL", category: "HighAvailability", zoneId: "cn-hangzhou-h", zoneIdSlaveA: slave }, "rds");
        assert.deepStrictEqual(await run([rds("cn-hangzhou-i")], [RULE]), []);
        assert.deepStrictEqual(short(await run([rds(" cn-hangzhou-h ")], [RULE])).map((v) => v[3]), ["RDS instance has no zoneIdSlaveA in a zone other than zoneId."]);
    });

    it("a PDB's budget in pods: integers as they are, percentages of the replicas rounded up", () => {
        assert.deepStrictEqual([budgetPods(1, 2), budgetPods("50%", 2), budgetPods("60%", 2), budgetPods("1%", 3), budgetPods("100%", 3), budgetPods(U, 2), budgetPods("x", 2)], [1, 1, 2, 1, 3, undefined, undefined]);
        const cases: [Record<string, unknown>, number, boolean][] = [
            [{ maxUnavailable: 1 }, 2, true],
            [{ maxUnavailable: 2 }, 2, false],
            [{ maxUnavailable: "50%" }, 2, true],
            [{ maxUnavailable: "60%" }, 2, false],
            [{ maxUnavailable: "100%" }, 3, false],
            [{ minAvailable: 1 }, 2, true],
            [{ minAvailable: 0 }, 2, false],
            [{ minAvailable: "0%" }, 2, false],
            [{ minAvailable: "1%" }, 2, true],
            [{ maxUnavailable: U }, 2, true],
        ];
        for (const [spec, replicas, keeps] of cases) assert.strictEqual(keepsPods(spec, replicas), keeps, JSON.stringify([spec, replicas]));
    });

    it("a PolarDB backup policy backs up on at least two days of the week (the API rejects fewer)", () => {
        const policy = (days: unknown): EvalResource => res("alicloud:polardb/backupPolicy:BackupPolicy", { dbClusterId: "pc-1", preferredBackupPeriods: days }, "backup");
        assert.deepStrictEqual(checkConformance([policy(["Monday", "Thursday"])]), []);
        for (const days of [["Monday"], ["Monday", "Monday"]]) assert.deepStrictEqual(checkConformance([policy(days)]).map((v) => [v.property, v.rule]), [["preferredBackupPeriods", "at least two distinct days of the week"]], JSON.stringify(days));
    });
});

describe("a tier that fails its HA rule does not raise the estimate", () => {
    it("growth-alicloud with its ALB in one zone is estimated at most as high as shipped", async () => {
        const plan = await shippedPlan("growth-alicloud");
        const shipped = availabilityOf(POLICIES, plan.resources);
        const oneZone = plan.resources.map((r) => (r.type === "alicloud:alb/loadBalancer:LoadBalancer" && Array.isArray(r.inputs.zoneMappings) ? { ...r, inputs: { ...r.inputs, zoneMappings: r.inputs.zoneMappings.slice(0, 1) } } : r));
        const cut = availabilityOf(POLICIES, oneZone);
        assert.ok(shipped.percent !== null && cut.percent !== null, JSON.stringify([shipped.status, cut.status]));
        assert.ok(cut.percent < shipped.percent, `${cut.percent} < ${shipped.percent}`);
        const lb = cut.regions.flatMap((r) => r.tiers).find((t) => t.tier === "loadBalancer");
        assert.deepStrictEqual(lb?.components.map((c) => [c.figure, c.percent]), [["alicloud.alb.single-zone", 99.95]]);
    });
});

describe("an export's resources pending deletion are not judged", () => {
    const resource = (extra: Record<string, unknown>): Record<string, unknown> => ({
        urn: "urn:pulumi:prod::live-commerce::aws:rds/cluster:Cluster::db",
        type: "aws:rds/cluster:Cluster",
        custom: true,
        id: "db",
        inputs: { engine: "aurora-mysql", deletionProtection: true, tags: { stage: "growth" } },
        ...extra,
    });
    const doc = (resources: unknown[]): unknown => ({ version: 3, deployment: { manifest: {}, resources } });

    it("the old copy of a replaced resource (delete: true) is dropped; one pending replacement stays", () => {
        const old = resource({ delete: true, inputs: { engine: "aurora-mysql", deletionProtection: false, tags: { stage: "growth" } } });
        const [parsed] = parseInput(doc([resource({}), old]), "export.json");
        assert.deepStrictEqual(parsed.resources.map((r) => r.inputs.deletionProtection), [true]);
        const [pending] = parseInput(doc([resource({ pendingReplacement: true })]), "export.json");
        assert.strictEqual(pending.resources.length, 1);
    });

    it("check --from an export file gives no finding of the deleted copy", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pending-deletion-"));
        const file = path.join(dir, "export.json");
        const old = resource({ delete: true, inputs: { engine: "aurora-mysql", deletionProtection: false, tags: { stage: "growth" } } });
        fs.writeFileSync(file, JSON.stringify(doc([resource({}), old])));
        const [, out] = await check(parseCheckArgs(["--from", file, "--output", "json"]));
        const report: unknown = JSON.parse(out);
        const violations = isRecord(report) && isRecord(report.policy) && Array.isArray(report.policy.violations) ? report.policy.violations.filter(isRecord) : [];
        assert.deepStrictEqual(violations.filter((v) => v.policy === "ha-stateful-require-deletion-protection"), []);
        fs.rmSync(dir, { recursive: true, force: true });
    });
});

describe("AWS AZ names and AZ ids are not compared as text (a name maps to an id per account)", () => {
    const named = (name: string, zone: string, id: string): EvalResource => subnet(name, zone, id);
    const byId = (name: string, azId: string, id: string): EvalResource => ({ ...res("aws:ec2/subnet:Subnet", { availabilityZoneId: azId, vpcId: "vpc-1", cidrBlock: "10.0.0.0/24" }, name), id });
    const both = (name: string, zone: string, azId: string, id: string): EvalResource => ({ ...res("aws:ec2/subnet:Subnet", { availabilityZone: zone, availabilityZoneId: azId, vpcId: "vpc-1", cidrBlock: "10.0.0.0/24" }, name), id });

    it("us-east-1a beside use1-az1, the name's id unknown: cannot be judged (advisory, naming the name), never two zones", async () => {
        const found = short(await run([named("a", "us-east-1a", "subnet-a"), byId("b", "use1-az1", "subnet-b"), awsLb(["subnet-a", "subnet-b"], [])], [LB, UNDETERMINED]));
        assert.deepStrictEqual(found.map((v) => [v[0], v[1], v[2]]), [[UNDETERMINED, "advisory", "alb"]]);
        assert.match(found[0][3], /the AZ id of us-east-1a \(a name beside AZ ids such as use1-az1; names map to ids per account\)/);
    });
    it("a name whose id a subnet of the stack tells counts as that id: the same zone is one zone, another is two", async () => {
        const known = both("c", "us-east-1a", "use1-az1", "subnet-c");
        assert.deepStrictEqual(short(await run([known, named("a", "us-east-1a", "subnet-a"), byId("b", "use1-az1", "subnet-b"), awsLb(["subnet-a", "subnet-b"], [])], [LB, UNDETERMINED])).map((v) => [v[0], v[1]]), [[LB, "mandatory"]]);
        assert.deepStrictEqual(await run([known, named("a", "us-east-1a", "subnet-a"), byId("b", "use1-az2", "subnet-b"), awsLb(["subnet-a", "subnet-b"], [])], [LB, UNDETERMINED]), []);
    });
    it("ids alone and names alone compare as they are", async () => {
        assert.strictEqual((await run([byId("a", "use1-az1", "subnet-a"), byId("b", "use1-az1", "subnet-b"), awsLb(["subnet-a", "subnet-b"], [])], [LB])).length, 1);
        assert.deepStrictEqual(await run([byId("a", "use1-az1", "subnet-a"), byId("b", "use1-az2", "subnet-b"), awsLb(["subnet-a", "subnet-b"], [])], [LB, UNDETERMINED]), []);
    });
});

describe("placements behind another resource: the NLB's zone mappings, a cache's and a database's subnet group", () => {
    const a = subnet("a", "us-east-1a", "subnet-a");
    const b = subnet("b", "us-east-1b", "subnet-b");
    const a2 = subnet("a2", "us-east-1a", "subnet-a2");

    it("an Alibaba Cloud NLB whose zone mappings name one zone is a mandatory violation; two zones pass", async () => {
        const [h, i] = [vswitch("h", "cn-hangzhou-h", "vsw-h"), vswitch("i", "cn-hangzhou-i", "vsw-i")];
        const nlb = (mappings: readonly Record<string, unknown>[]): EvalResource => res("alicloud:nlb/loadBalancer:LoadBalancer", { loadBalancerType: "Network", addressType: "Internet", zoneMappings: mappings }, "video-nlb");
        assert.deepStrictEqual(short(await run([h, i, nlb([{ vswitchId: "vsw-h", zoneId: "cn-hangzhou-h" }])], [LB])), [[LB, "mandatory", "video-nlb", "NLB spans 1 zone(s)/subnet(s); at least 2 are required so one zone can fail."]]);
        assert.deepStrictEqual(await run([h, i, nlb([{ vswitchId: "vsw-h", zoneId: "cn-hangzhou-h" }, { vswitchId: "vsw-i", zoneId: "cn-hangzhou-i" }])], [LB]), []);
    });

    const CACHE = "ha-cache-require-multi-zone";
    const cacheSubnets = (ids: readonly string[], on: readonly EvalResource[]): EvalResource => deps(res("aws:elasticache/subnetGroup:SubnetGroup", { name: "lc-cache", description: "cache", subnetIds: ids }, "cache-subnets"), "subnetIds", on);
    const group = (extra: Record<string, unknown> = {}): EvalResource => res("aws:elasticache/replicationGroup:ReplicationGroup", { multiAzEnabled: true, automaticFailoverEnabled: true, numCacheClusters: 2, subnetGroupName: "lc-cache", ...extra }, "valkey");

    it("an ElastiCache replication group whose cache subnet group's subnets are in one zone is a violation though Multi-AZ is on; two zones pass", async () => {
        assert.deepStrictEqual(await run([a, b, cacheSubnets(["subnet-a", "subnet-b"], [a, b]), group()], [CACHE]), []);
        assert.deepStrictEqual(short(await run([a, a2, b, cacheSubnets(["subnet-a", "subnet-a2"], [a, a2]), group()], [CACHE])), [[CACHE, "mandatory", "valkey", "ElastiCache replication group's cache subnet group spans 1 zone(s)/subnet(s); at least 2 are required so one zone can fail."]]);
    });

    it("the subnet group is found by its dependency when the name is unknown (a first preview); unknown subnet ids resolve through the subnets they depend on", async () => {
        const unknownName = deps(group({ subnetGroupName: U }), "subnetGroupName", [cacheSubnets([U], [a])]);
        assert.deepStrictEqual(short(await run([a, b, cacheSubnets([U], [a]), unknownName], [CACHE])).map((v) => v[3]), ["ElastiCache replication group's cache subnet group spans 1 zone(s)/subnet(s); at least 2 are required so one zone can fail."]);
    });

    it("preferredCacheClusterAzs naming one zone is a violation even over a two-zone subnet group", async () => {
        assert.deepStrictEqual(short(await run([a, b, cacheSubnets(["subnet-a", "subnet-b"], [a, b]), group({ preferredCacheClusterAzs: ["us-east-1a", "us-east-1a"] })], [CACHE])).map((v) => v[3]), ["ElastiCache replication group's preferredCacheClusterAzs spans 1 zone(s)/subnet(s); at least 2 are required so one zone can fail."]);
    });

    it("a Tair instance whose zones are unknown (a first preview) is not judged equal: no violation", async () => {
        assert.deepStrictEqual(await run([res("alicloud:redis/tairInstance:TairInstance", { zoneId: U, secondaryZoneId: U }, "tair")], [CACHE]), []);
    });

    it("a DB subnet group whose subnets cover one Availability Zone is a conformance finding (RDS: DBSubnetGroupDoesNotCoverEnoughAZs); two AZs or zones not yet known are not", () => {
        const dbSubnets = (ids: readonly unknown[], on: readonly EvalResource[]): EvalResource => deps(res("aws:rds/subnetGroup:SubnetGroup", { name: "lc-db", description: "db", subnetIds: ids }, "db-subnets"), "subnetIds", on);
        const found = (rs: readonly EvalResource[]): string[][] => checkConformance(rs).filter((v) => v.type === "aws:rds/subnetGroup:SubnetGroup").map((v) => [v.property, v.rule]);
        assert.deepStrictEqual(found([a, a2, b, dbSubnets(["subnet-a", "subnet-a2"], [a, a2])]), [["subnetIds", "subnets in at least 2 Availability Zones (these cover 1: us-east-1a)"]]);
        assert.deepStrictEqual(found([a, b, dbSubnets(["subnet-a", "subnet-b"], [a, b])]), []);
        assert.deepStrictEqual(found([a, b, dbSubnets([U, U], [a, b])]), [], "unknown ids resolved through their dependencies: two AZs");
        assert.deepStrictEqual(found([a, b, dbSubnets([U], [a])]), [["subnetIds", "subnets in at least 2 Availability Zones (these cover 1: us-east-1a)"]]);
        assert.deepStrictEqual(found([subnet("u", U, "subnet-u"), a, dbSubnets(["subnet-u", "subnet-a"], [])]), [], "a subnet whose zone is unknown may be another AZ");
    });
});
