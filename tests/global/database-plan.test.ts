// The global database as the real program wires it on a mature stack: a PolarDB global database
// network on the first region's cluster with the other regions' clusters created into it as
// standbys (Alibaba Cloud), an Aurora global cluster with the first region's cluster as writer and
// the others joined as secondaries (AWS).

import * as assert from "assert";

import { MOCK_ACCOUNT, mockId } from "../../tools/lib/mocks";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { ofType, one } from "../helpers";
import { useGlobalPlans } from "./plans";

const GDN = "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork";
const POLARDB = "alicloud:polardb/cluster:Cluster";
const GLOBAL_CLUSTER = "aws:rds/globalCluster:GlobalCluster";
const AURORA = "aws:rds/cluster:Cluster";

/** The name of the provider a resource is declared under (lc-provider-<region>). */
function providerOf(r: PlannedResource): string | undefined {
    return r.provider?.split("::")[3];
}

describe("global database in the plan", function () {
    const plan = useGlobalPlans();

    describe("Alibaba Cloud: PolarDB global database network", () => {
        const REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"];

        it("one network, on the first region's cluster, under the first region's provider", () => {
            const p = plan("mature-alicloud");
            const gdn = ofType(p, GDN);
            assert.deepStrictEqual(gdn.map((g) => [g.name, g.inputs.dbClusterId, providerOf(g)]), [
                ["lc-global-db", mockId(POLARDB, "lc-cn-hangzhou-db-polardb"), "lc-provider-cn-hangzhou"],
            ]);
            assert.deepStrictEqual(p.outputs.globalDatabase, { id: mockId(GDN, "lc-global-db"), primaryRegion: "cn-hangzhou" });
        });

        it("without a residency boundary the primary is created normally; every other region's cluster is created as a standby of the network", () => {
            const p = plan("ali-three");
            const clusters = REGIONS.map((r) => one(p, POLARDB, `lc-${r}-db-polardb`));
            assert.deepStrictEqual(
                clusters.map((c) => [c.name, c.inputs.creationOption, c.inputs.gdnId, providerOf(c)]),
                [
                    ["lc-cn-hangzhou-db-polardb", undefined, undefined, "lc-provider-cn-hangzhou"],
                    ["lc-cn-shanghai-db-polardb", "CreateGdnStandby", mockId(GDN, "lc-global-db"), "lc-provider-cn-shanghai"],
                    ["lc-ap-southeast-1-db-polardb", "CreateGdnStandby", mockId(GDN, "lc-global-db"), "lc-provider-ap-southeast-1"],
                ],
            );
            for (const c of clusters) assert.deepStrictEqual([c.inputs.tdeStatus, c.inputs.deletionLock, c.inputs.hotStandbyCluster], ["Enabled", 1, "ON"], c.name);
        });

        it("schema and application account only on the primary (standbys replicate them)", () => {
            const p = plan("ali-three");
            const names = (type: string): string[] => ofType(p, type).map((r) => r.name).sort();
            assert.deepStrictEqual(names("alicloud:polardb/database:Database"), ["lc-cn-hangzhou-db-schema"]);
            assert.deepStrictEqual(names("alicloud:polardb/account:Account"), ["lc-cn-hangzhou-db-account"]);
            assert.strictEqual(one(p, "alicloud:polardb/account:Account", "lc-cn-hangzhou-db-account").inputs.accountPassword, "[secret]");
        });

        it("removing a region removes its standby and keeps the network and the primary", () => {
            const three = plan("ali-three");
            const two = plan("ali-two");
            const standbys = (x: Plan): string[] => ofType(x, POLARDB).filter((c) => c.inputs.creationOption === "CreateGdnStandby").map((c) => c.name).sort();
            assert.deepStrictEqual(standbys(three), ["lc-ap-southeast-1-db-polardb", "lc-cn-shanghai-db-polardb"]);
            assert.deepStrictEqual(standbys(two), ["lc-cn-shanghai-db-polardb"]);
            for (const x of [three, two]) assert.strictEqual(one(x, GDN, "lc-global-db").inputs.dbClusterId, mockId(POLARDB, "lc-cn-hangzhou-db-polardb"), x.stack);
        });

        it("no global database below mature", () => {
            for (const stack of ["startup-alicloud", "growth-alicloud"] as const) {
                const p = plan(stack);
                assert.deepStrictEqual(ofType(p, GDN), [], stack);
                assert.ok(ofType(p, POLARDB).every((c) => c.inputs.creationOption === undefined && c.inputs.gdnId === undefined), stack);
                assert.strictEqual(p.outputs.globalDatabase, undefined, stack);
            }
        });
    });

    describe("AWS: Aurora global database", () => {
        it("one deletion-protected global cluster created from the first region's existing cluster, under its provider", () => {
            const p = plan("mature-aws");
            const g = ofType(p, GLOBAL_CLUSTER);
            assert.strictEqual(g.length, 1);
            const primary = one(p, AURORA, "lc-us-east-1-db-cluster");
            // Engine, version and encryption come from the source cluster (`engine` conflicts with it).
            assert.deepStrictEqual(
                [g[0].name, g[0].inputs.globalClusterIdentifier, g[0].inputs.sourceDbClusterIdentifier, g[0].inputs.engine, g[0].inputs.forceDestroy, g[0].inputs.deletionProtection, providerOf(g[0])],
                ["lc-global-db", "lc-global-db", `arn:aws:rds:us-east-1:${MOCK_ACCOUNT}:${String(primary.inputs.clusterIdentifier)}`, undefined, true, true, "lc-provider-us-east-1"],
            );
            assert.deepStrictEqual(p.outputs.globalDatabase, { id: "lc-global-db", primaryRegion: "us-east-1" });
        });

        it("the first region's cluster is the writer with the schema and a generated secret master password (Secrets Manager cannot manage it in a global database), with no global identifier of its own (the global cluster is created from it); both run one engine version", () => {
            const p = plan("mature-aws");
            const primary = one(p, AURORA, "lc-us-east-1-db-cluster");
            assert.deepStrictEqual(
                [primary.inputs.globalClusterIdentifier, primary.inputs.databaseName, primary.inputs.masterUsername, primary.inputs.masterPassword, primary.inputs.manageMasterUserPassword, primary.inputs.enableGlobalWriteForwarding, providerOf(primary)],
                [undefined, "livecommerce", "admin", "[secret]", undefined, undefined, "lc-provider-us-east-1"],
            );
            const secondary = one(p, AURORA, "lc-us-west-2-db-cluster");
            for (const c of [primary, secondary]) assert.deepStrictEqual([c.inputs.engine, c.inputs.engineVersion, c.inputs.storageEncrypted], ["aurora-mysql", primary.inputs.engineVersion, true], c.name);
        });

        it("the second region's cluster joins the global cluster without master credentials or schema, and forwards writes", () => {
            const secondary = one(plan("mature-aws"), AURORA, "lc-us-west-2-db-cluster");
            assert.deepStrictEqual(
                [secondary.inputs.globalClusterIdentifier, secondary.inputs.enableGlobalWriteForwarding, providerOf(secondary)],
                ["lc-global-db", true, "lc-provider-us-west-2"],
            );
            for (const key of ["masterUsername", "masterPassword", "manageMasterUserPassword", "databaseName"]) assert.strictEqual(secondary.inputs[key], undefined, key);
        });

        it("no global cluster below mature; their clusters stand alone", () => {
            for (const stack of ["startup-aws", "growth-aws"] as const) {
                const p = plan(stack);
                assert.deepStrictEqual(ofType(p, GLOBAL_CLUSTER), [], stack);
                assert.ok(ofType(p, AURORA).every((c) => c.inputs.globalClusterIdentifier === undefined), stack);
            }
        });
    });
});
