// Data residency: the config, the partition each region gets, the policy on the shipped plans and on
// the layout before residency, and the change preview of an existing stack.

import * as assert from "assert";

import { edgePlan, globalDatabaseRoles, residencyTag } from "../../components/model";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { POLICIES } from "../../policies/all";
import { isRecord } from "../../policies/lib/values";
import { evaluatePolicies, EvalResource } from "../../tools/lib/evaluate";
import { Plan } from "../../tools/lib/record";
import { diffPlans } from "../../tools/lib/upgrade";
import { globalPlans, SINGAPORE } from "../global/plans";
import { NOW, configIssues, list, rawConfig } from "../helpers";
import { shippedPlan, shippedPreviewPlan } from "../support/shipped";
import { providerRes, res } from "./helpers";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { residencyJudgement } from "../../policies/rules/sec-data-store-require-residency";

const POLICY = "sec-data-store-require-residency";
const policies = POLICIES.filter((p) => p.name === POLICY);
const THREE = [...list(rawConfig("mature", "alicloud").regions), SINGAPORE];

async function residencyViolations(resources: readonly EvalResource[], stage: string, config: Record<string, unknown> = {}): Promise<{ enforcement: string; resource: string; message: string }[]> {
    const result = await evaluatePolicies(policies, resources, { stage, config: { [POLICY]: config } });
    return result.violations.map((v) => ({ enforcement: v.enforcement, resource: v.urn.split("::").pop() ?? "", message: v.message }));
}

describe("residency config", () => {
    it("a named boundary resolves to the cloud's regions inside it; regions outside are separate partitions", () => {
        const spec = resolveSpec(rawConfig("mature", "alicloud", { regions: THREE, residency: { boundary: "mainland-china" } }), { now: NOW });
        assert.ok(spec.residency?.regions.includes("cn-hangzhou") && !spec.residency.regions.includes("cn-hongkong"));
        assert.deepStrictEqual(globalDatabaseRoles(spec), ["primary", "secondary", "separate"]);
        assert.deepStrictEqual(["cn-hangzhou", "ap-southeast-1"].map((r) => residencyTag(spec, r)), ["mainland-china", "separate:ap-southeast-1"]);
        const edge = edgePlan(spec, PROFILES[spec.cloud]);
        assert.deepStrictEqual(edge.steering?.regions, ["cn-hangzhou", "cn-shanghai"]);
        assert.deepStrictEqual(edge.separate, [{ region: "ap-southeast-1", api: "api-ap-southeast-1.live.example.com" }]);
    });
    it("without a residency every region is one partition (the global database spans all of them)", () => {
        const spec = resolveSpec(rawConfig("mature", "alicloud", { regions: THREE }), { now: NOW });
        assert.deepStrictEqual(globalDatabaseRoles(spec), ["primary", "secondary", "secondary"]);
        assert.deepStrictEqual(edgePlan(spec, PROFILES[spec.cloud]).separate, []);
        assert.strictEqual(residencyTag(spec, "cn-hangzhou"), undefined);
    });
    it("one region inside and one outside: no global database, each its own", () => {
        const spec = resolveSpec(rawConfig("mature", "alicloud", { regions: THREE, residency: { boundary: ["cn-hangzhou"] } }), { now: NOW });
        assert.deepStrictEqual(globalDatabaseRoles(spec), ["standalone", "separate", "separate"]);
        assert.strictEqual(edgePlan(spec, PROFILES[spec.cloud]).steering, null);
    });
    const bad: [string, Record<string, unknown>, string][] = [
        ["an unknown boundary", { residency: { boundary: "china" } }, 'residency.boundary: must be one of mainland-china, us, or a list of region ids (got "china")'],
        ["a region id that is not one", { residency: { boundary: ["cn-hangzhou", "Hangzhou"] } }, 'residency.boundary[1]: must be a region id such as cn-hangzhou (got "Hangzhou")'],
        ["an empty list", { residency: { boundary: [] } }, "residency.boundary: must name a boundary (mainland-china, us) or list at least one region id (got [])"],
        ["an unknown key", { residency: { boundry: "us" } }, "residency.boundry: is not a known key; allowed: boundary (value not shown)"],
        ["a listed region the cloud does not have", { residency: { boundary: ["cn-hangzhou", "cn-shanghai", "cn-hangzou"] } }, 'residency.boundary[2]: unknown region "cn-hangzou"; did you mean cn-hangzhou?'],
        [
            "a first region outside the boundary",
            { regions: [SINGAPORE, ...list(rawConfig("mature", "alicloud").regions)], residency: { boundary: "mainland-china" } },
            "residency.boundary: the first region ap-southeast-1 holds the primary database and must be inside mainland-china",
        ],
    ];
    for (const [what, extra, issue] of bad) {
        it(`rejects ${what}, naming the field and the value`, () => {
            const issues = configIssues(rawConfig("mature", "alicloud", extra));
            assert.ok(issues.some((i) => i.startsWith(issue)), issues.join("\n"));
        });
    }
    it("rejects a region outside the boundary on AWS, where separate regions are not built", () => {
        const issues = configIssues(rawConfig("mature", "aws", { regions: [...list(rawConfig("mature", "aws").regions), { name: "eu-west-1", zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }], residency: { boundary: "us" } }));
        assert.deepStrictEqual(issues, ["residency.boundary: regions eu-west-1 are outside us; AWS stacks build no separate region: deploy them as a stack of their own (got us)"]);
    });
});

describe("sec-data-store-require-residency", () => {
    for (const stack of ["mature-alicloud", "mature-aws"]) {
        for (const [mode, planOf] of [["resolved", shippedPlan], ["preview", shippedPreviewPlan]] as const) {
            it(`${stack} (${mode}) keeps every data store and replica inside its boundary`, async () => {
                const plan: Plan = await planOf(stack);
                assert.deepStrictEqual(await residencyViolations(plan.resources, plan.stage), []);
            });
        }
    }
    it("the shipped mature-alicloud: Singapore has its own cluster, no GDN secondary, no GTM pool", async () => {
        const plan = await shippedPlan("mature-alicloud");
        const clusters = plan.resources.filter((r) => r.type === "alicloud:polardb/cluster:Cluster").map((r) => [r.name, r.inputs.creationOption ?? "Normal"]);
        assert.deepStrictEqual(clusters.sort(), [["lc-ap-southeast-1-db-partition-polardb", "Normal"], ["lc-cn-hangzhou-db-polardb", "Normal"], ["lc-cn-shanghai-db-polardb", "CreateGdnStandby"]]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "alicloud:dns/addressPool:AddressPool").map((r) => r.name).sort(), ["lc-steering-pool-cn-hangzhou", "lc-steering-pool-cn-shanghai"]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "alicloud:polardb/account:Account").map((r) => r.name).sort(), ["lc-ap-southeast-1-db-partition-account", "lc-cn-hangzhou-db-account"]);
    });
    it("the layout before residency (a GDN secondary in Singapore) fails against mainland-china: the secondary and Singapore's stores", async () => {
        const before = (await globalPlans()).get("ali-three");
        assert.ok(before !== undefined);
        const found = await residencyViolations(before.resources, "mature", { boundary: "mainland-china" });
        assert.ok(found.every((f) => f.enforcement === "mandatory"));
        const secondary = found.filter((f) => f.resource === "lc-ap-southeast-1-db-polardb");
        assert.ok(secondary.some((f) => f.message.startsWith("global database secondary of lc-global-db: replicates between ap-southeast-1 (separate:ap-southeast-1) and cn-hangzhou (mainland-china)")), JSON.stringify(secondary));
        assert.ok(found.some((f) => f.resource === "lc-ap-southeast-1-storage-media" && f.message.includes("outside the residency boundary mainland-china")));
        // the mainland stores are not reported
        assert.ok(!found.some((f) => f.resource.startsWith("lc-cn-")), JSON.stringify(found.filter((f) => f.resource.startsWith("lc-cn-"))));
    });
    it("is not applicable without a boundary (no residency tag, no config)", async () => {
        const plan = await shippedPlan("growth-alicloud");
        assert.deepStrictEqual(await residencyViolations(plan.resources, plan.stage), []);
    });
    it("the pack config's regions override the stack's boundary", async () => {
        const plan = await shippedPlan("mature-aws");
        const found = await residencyViolations(plan.resources, plan.stage, { regions: ["us-east-1"] });
        assert.ok(found.some((f) => f.resource === "lc-us-west-2-db-cluster" && f.message.includes("global cluster member of lc-global-db")), JSON.stringify(found.map((f) => f.resource)));
    });
});

describe("residency: the second pulumi up of a stack that had a GDN secondary in Singapore", () => {
    it("the change preview deletes the secondary as the documented residency migration, nothing undocumented", async () => {
        const before = (await globalPlans()).get("ali-three");
        const after = await shippedPlan("mature-alicloud");
        assert.ok(before !== undefined);
        const report = diffPlans(before.resources, after.resources, { base: "ali-three", head: "mature-alicloud" });
        const secondary = report.changes.find((c) => c.name === "lc-ap-southeast-1-db-polardb");
        assert.deepStrictEqual([secondary?.op, secondary?.survival, secondary?.migration?.doc], ["delete", "migrated", "docs/UPGRADING.md#residency-a-global-database-secondary-outside-the-boundary"]);
        assert.deepStrictEqual(report.undocumented, []);
        assert.strictEqual(report.changes.find((c) => c.name === "lc-ap-southeast-1-db-partition-polardb")?.op, "create");
    });
    it("the migration covers only a former secondary: deleting a primary cluster stays undocumented", async () => {
        const after = await shippedPlan("mature-alicloud");
        const base = after.resources.map((r) => (r.name === "lc-ap-southeast-1-db-partition-polardb" ? { ...r, urn: r.urn.replace("-partition", ""), name: "lc-ap-southeast-1-db-polardb", parent: (r.parent ?? "").replace("-partition", "") } : r));
        const report = diffPlans(base, after.resources, { base: "a", head: "b" });
        assert.deepStrictEqual(report.undocumented.map((c) => c.name), ["lc-ap-southeast-1-db-polardb"]);
    });
});

describe("sec-data-store-require-residency in a first preview (unknown ids)", () => {
    const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    it("a GDN secondary whose gdnId is unknown is judged through its dependency", async () => {
        const plan = await shippedPreviewPlan("mature-alicloud");
        const singapore = plan.resources.find((r) => r.type === "pulumi:providers:alicloud" && r.inputs.region === "ap-southeast-1");
        assert.ok(singapore !== undefined);
        const moved = plan.resources.map((r) =>
            r.name === "lc-cn-shanghai-db-polardb" ? { ...r, provider: `${singapore.urn}::${singapore.id ?? UNKNOWN}`, inputs: { ...r.inputs, gdnId: UNKNOWN, tags: { ...(isRecord(r.inputs.tags) ? r.inputs.tags : {}), residency: "separate:ap-southeast-1" } } } : r,
        );
        const found = await residencyViolations(moved, plan.stage);
        assert.deepStrictEqual(found.map((f) => f.resource), ["lc-cn-shanghai-db-polardb"]);
        assert.match(found[0].message, /^global database secondary of lc-global-db: replicates between ap-southeast-1 \(separate:ap-southeast-1\) and cn-hangzhou \(mainland-china\)/);
    });
    it("an OSS replication rule whose destination is unknown and not in the stack cannot be judged: advisory, named, never a violation", async () => {
        const plan = await shippedPreviewPlan("mature-alicloud");
        const bucket = plan.resources.find((r) => r.name === "lc-cn-hangzhou-storage-media");
        assert.ok(bucket !== undefined);
        const rule: EvalResource = {
            ...bucket,
            urn: `${bucket.urn}-replication`,
            name: `${bucket.name}-replication`,
            type: "alicloud:oss/bucketReplication:BucketReplication",
            inputs: { bucket: UNKNOWN, destination: { bucket: UNKNOWN, location: UNKNOWN } },
            propertyDependencies: { bucket: [bucket.urn] },
        };
        const resources = [...plan.resources, rule];
        assert.deepStrictEqual(await residencyViolations(resources, plan.stage), []);
        const advisory = await evaluatePolicies(POLICIES.filter((p) => p.name === "ha-stack-cannot-judge-from-input"), resources, { stage: plan.stage });
        const mine = advisory.violations.filter((v) => v.message.startsWith("sec-data-store-require-residency"));
        assert.deepStrictEqual(mine.map((v) => [v.enforcement, v.urn]), [["advisory", rule.urn]]);
        assert.match(mine[0].message, /^sec-data-store-require-residency: lc-cn-hangzhou-storage-media-replication, OSS replication of lc-cn-hangzhou-storage-media to a far end that cannot be judged until created: destination\.location is not known/);
    });
});

describe("sec-data-store-require-residency: copies and destinations outside the stack", () => {
    const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    for (const [mode, planOf] of [["resolved", shippedPlan], ["preview", shippedPreviewPlan]] as const) {
        it(`a Singapore PolarDB cluster cloned from the mainland primary is a violation (${mode})`, async () => {
            const plan = await planOf("mature-alicloud");
            const primary = plan.resources.find((r) => r.name === "lc-cn-hangzhou-db-polardb");
            assert.ok(primary !== undefined);
            const cloned = plan.resources.map((r) =>
                r.name === "lc-ap-southeast-1-db-partition-polardb"
                    ? { ...r, inputs: { ...r.inputs, creationOption: "CloneFromPolarDB", sourceResourceId: primary.id ?? UNKNOWN }, propertyDependencies: { ...r.propertyDependencies, sourceResourceId: [primary.urn] } }
                    : r,
            );
            const found = await residencyViolations(cloned, plan.stage);
            assert.deepStrictEqual(found.map((f) => f.resource), ["lc-ap-southeast-1-db-partition-polardb"]);
            assert.match(found[0].message, /^clone of lc-cn-hangzhou-db-polardb: replicates between ap-southeast-1 \(separate:ap-southeast-1\) and cn-hangzhou \(mainland-china\)/);
        });
    }
    it("sourceResourceId is no link when creationOption does not copy data (Normal)", async () => {
        const plan = await shippedPlan("mature-alicloud");
        const primary = plan.resources.find((r) => r.name === "lc-cn-hangzhou-db-polardb");
        assert.ok(primary !== undefined);
        const normal = plan.resources.map((r) =>
            r.name === "lc-ap-southeast-1-db-partition-polardb" ? { ...r, inputs: { ...r.inputs, creationOption: "Normal", sourceResourceId: primary.id }, propertyDependencies: { ...r.propertyDependencies, sourceResourceId: [primary.urn] } } : r,
        );
        assert.deepStrictEqual(await residencyViolations(normal, plan.stage), []);
    });
    it("a resolved S3 replication to a bucket ARN outside the stack is a violation naming the ARN", async () => {
        const plan = await shippedPlan("mature-aws");
        const bucket = plan.resources.find((r) => r.type === "aws:s3/bucket:Bucket");
        assert.ok(bucket !== undefined);
        const rule: EvalResource = {
            urn: `${bucket.urn}-replication`, type: "aws:s3/bucketReplicationConfig:BucketReplicationConfig", name: `${bucket.name}-replication`, parent: bucket.parent, custom: true, provider: bucket.provider,
            inputs: { bucket: "lc-media", role: "arn:aws:iam::123456789012:role/r", rules: [{ id: "all", status: "Enabled", destination: { bucket: "arn:aws:s3:::some-eu-bucket" } }] },
            propertyDependencies: { bucket: [bucket.urn] },
        };
        const found = await residencyViolations([...plan.resources, rule], plan.stage);
        assert.deepStrictEqual(found.map((f) => [f.enforcement, f.resource]), [["mandatory", rule.name]]);
        assert.match(found[0].message, /^S3 replication of lc-media to arn:aws:s3:::some-eu-bucket: replicates to arn:aws:s3:::some-eu-bucket, outside the stack: its region cannot be shown to be inside the residency boundary us/);
    });
    it("an Aurora cluster restored from another region's snapshot ARN is a violation; a bare snapshot name (same region) is none", async () => {
        const plan = await shippedPlan("mature-aws");
        const restore = (snapshotIdentifier: string) => plan.resources.map((r) => (r.type === "aws:rds/cluster:Cluster" && r.name.startsWith("lc-us-east-1") ? { ...r, inputs: { ...r.inputs, snapshotIdentifier } } : r));
        const found = await residencyViolations(restore("arn:aws:rds:eu-west-1:123456789012:cluster-snapshot:eu-users"), plan.stage);
        assert.deepStrictEqual(found.map((f) => f.message.split(":")[0]), ["restored from snapshot arn"]);
        assert.match(found[0].message, /replicates between us-east-1 \(us\) and eu-west-1 \(separate:eu-west-1\)/);
        assert.deepStrictEqual(await residencyViolations(restore("lc-users-2026-11-01"), plan.stage), []);
    });
    it("an Aurora replica of a cluster ARN in another region is judged by the ARN's region", async () => {
        const plan = await shippedPlan("mature-aws");
        const replica = plan.resources.map((r) =>
            r.type === "aws:rds/cluster:Cluster" && r.name.startsWith("lc-us-west-2") ? { ...r, inputs: { ...r.inputs, replicationSourceIdentifier: "arn:aws:rds:eu-west-1:123456789012:cluster:eu-db" } } : r,
        );
        const found = await residencyViolations(replica, plan.stage);
        assert.ok(found.some((f) => f.resource.startsWith("lc-us-west-2") && f.message.startsWith("replica of arn:aws:rds:eu-west-1:123456789012:cluster:eu-db: replicates between us-west-2 (us) and eu-west-1 (separate:eu-west-1)")), JSON.stringify(found));
    });
});

describe("sec-data-store-require-residency: residency tags that disagree", () => {
    for (const [mode, planOf] of [["resolved", shippedPlan], ["preview", shippedPreviewPlan]] as const) {
        it(`one resource tagged another boundary is reported by name and the links are still judged (${mode})`, async () => {
            const plan = await planOf("mature-alicloud");
            const vpc = plan.resources.find((r) => r.type === "alicloud:vpc/network:Network" && r.name.startsWith("lc-cn-hangzhou"));
            const singapore = plan.resources.find((r) => r.name === "lc-ap-southeast-1-db-partition-polardb");
            const primary = plan.resources.find((r) => r.name === "lc-cn-hangzhou-db-polardb");
            assert.ok(vpc !== undefined && singapore !== undefined && primary !== undefined);
            const mixed = plan.resources.map((r) =>
                r === vpc ? { ...r, inputs: { ...r.inputs, tags: { ...(isRecord(r.inputs.tags) ? r.inputs.tags : {}), residency: "us" } } }
                : r === singapore ? { ...r, inputs: { ...r.inputs, creationOption: "CloneFromPolarDB", sourceResourceId: primary.id ?? "pc-src" }, propertyDependencies: { ...r.propertyDependencies, sourceResourceId: [primary.urn] } }
                : r,
            );
            const found = await residencyViolations(mixed, plan.stage);
            assert.deepStrictEqual(found.map((f) => f.resource).sort(), [singapore.name, vpc.name].sort());
            assert.ok(found.some((f) => f.resource === vpc.name && f.message === "alicloud:vpc/network:Network is tagged residency=us, but the stack's other resources name the boundary mainland-china: the residency tags disagree (one stack has one boundary); the links are judged against mainland-china."), JSON.stringify(found));
        });
    }
});

describe("residency follows data movements", () => {
    const cluster: EvalResource = { ...res("alicloud:polardb/cluster:Cluster", { dbType: "MySQL" }, "pc") };
    const job = (inputs: Record<string, unknown>, deps: Record<string, string[]> = {}): EvalResource => ({ ...res("alicloud:dts/synchronizationJob:SynchronizationJob", { dtsInstanceId: "dts-1", ...inputs }, "sync"), propertyDependencies: deps });
    const judge = async (resources: readonly EvalResource[]) => (await evaluatePolicies(policies, [providerRes("cn-hangzhou"), ...resources], { stage: "mature", config: { [POLICY]: { regions: ["cn-hangzhou", "cn-shanghai"] } } })).violations.map((v) => v.message);

    it("a DTS job from a boundary cluster to a region outside is a violation; to a region inside is not", async () => {
        const out = await judge([cluster, job({ sourceEndpointInstanceId: UNKNOWN_STRING, destinationEndpointRegion: "ap-southeast-1" }, { sourceEndpointInstanceId: [cluster.urn] })]);
        assert.deepStrictEqual(out, ["DTS synchronization to destinationEndpointRegion ap-southeast-1: replicates between cn-hangzhou (cn-hangzhou+cn-shanghai) and ap-southeast-1 (separate:ap-southeast-1), across the residency boundary cn-hangzhou+cn-shanghai (cn-hangzhou, cn-shanghai)."]);
        assert.deepStrictEqual(await judge([cluster, job({ sourceEndpointInstanceId: UNKNOWN_STRING, destinationEndpointRegion: "cn-shanghai" }, { sourceEndpointInstanceId: [cluster.urn] })]), []);
    });
    it("a DTS destination named by an id alone (a self-built database, no region) cannot be shown inside: a violation", async () => {
        const out = await judge([cluster, job({ sourceEndpointInstanceId: UNKNOWN_STRING, destinationEndpointInstanceType: "ECS", destinationEndpointInstanceId: "i-elsewhere" }, { sourceEndpointInstanceId: [cluster.urn] })]);
        assert.deepStrictEqual(out, ["DTS synchronization to i-elsewhere: replicates to i-elsewhere, outside the stack: its region cannot be shown to be inside the residency boundary cn-hangzhou+cn-shanghai (cn-hangzhou, cn-shanghai)."]);
    });
    it("a DTS destination reached by address (OTHER, EXPRESS, DG, CEN: on premises or another cloud) is a violation whatever its region input says", async () => {
        const offCloud = job({ sourceEndpointInstanceId: UNKNOWN_STRING, destinationEndpointRegion: "cn-hangzhou", destinationEndpointInstanceType: "OTHER", destinationEndpointIp: "203.0.113.5", destinationEndpointPort: "3306" }, { sourceEndpointInstanceId: [cluster.urn] });
        assert.deepStrictEqual(await judge([cluster, offCloud]), [
            "DTS synchronization to a database reached by address (destinationEndpointInstanceType OTHER, destinationEndpointIp 203.0.113.5), in no Alibaba Cloud region: replicates to a database reached by address (destinationEndpointInstanceType OTHER, destinationEndpointIp 203.0.113.5), in no Alibaba Cloud region, outside the stack: its region cannot be shown to be inside the residency boundary cn-hangzhou+cn-shanghai (cn-hangzhou, cn-shanghai).",
        ]);
        for (const type of ["EXPRESS", "DG", "CEN"]) assert.strictEqual((await judge([cluster, job({ ...offCloud.inputs, destinationEndpointInstanceType: type }, offCloud.propertyDependencies)])).length, 1, type);
        // a database of a region (RDS, PolarDB) with its region inside: no violation
        assert.deepStrictEqual(await judge([cluster, job({ ...offCloud.inputs, destinationEndpointInstanceType: "RDS", destinationEndpointIp: undefined }, offCloud.propertyDependencies)]), []);
    });
    it("a DTS destination unknown before creation is listed as undetermined, never a violation", async () => {
        const unknownFar = job({ sourceEndpointInstanceId: UNKNOWN_STRING, destinationEndpointRegion: UNKNOWN_STRING }, { sourceEndpointInstanceId: [cluster.urn] });
        assert.deepStrictEqual(await judge([cluster, unknownFar]), []);
        const nodes = [providerRes("cn-hangzhou"), cluster, unknownFar].map((r) => ({ urn: r.urn, type: r.type, props: r.inputs, region: r.type.startsWith("pulumi:") ? undefined : "cn-hangzhou", deps: r.propertyDependencies ?? {} }));
        assert.deepStrictEqual(residencyJudgement(nodes, { name: "b", regions: ["cn-hangzhou"] }).undetermined.map((f) => f.urn), [unknownFar.urn]);
    });
    it("an AWS Backup copy action to another region's vault ARN is a violation; a PolarDB cross-region backup too", async () => {
        const plan = res("aws:backup/plan:Plan", { name: "daily", rules: [{ ruleName: "daily", targetVaultName: "Default", copyActions: [{ destinationVaultArn: "arn:aws:backup:ap-southeast-1:123456789012:backup-vault:x" }] }] }, "plan");
        assert.strictEqual((await judge([plan])).length, 1);
        const backup = { ...res("alicloud:polardb/backupPolicy:BackupPolicy", { dbClusterId: UNKNOWN_STRING, logBackupAnotherRegionRegion: "ap-southeast-1" }, "bp"), propertyDependencies: { dbClusterId: [cluster.urn] } };
        assert.deepStrictEqual(await judge([cluster, backup]), ["PolarDB cross-region log backup to logBackupAnotherRegionRegion ap-southeast-1: replicates between cn-hangzhou (cn-hangzhou+cn-shanghai) and ap-southeast-1 (separate:ap-southeast-1), across the residency boundary cn-hangzhou+cn-shanghai (cn-hangzhou, cn-shanghai)."]);
    });
});
