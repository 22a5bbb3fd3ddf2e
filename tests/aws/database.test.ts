import * as assert from "assert";

import { PlannedResource } from "../../tools/lib/record";
import { at, childrenOf, countByType, ofType, one, plan, regionOutput } from "./plans";

const INSTANCE = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

function assertProtected(r: PlannedResource): void {
    assert.strictEqual(at(r, "deletionProtection"), true, `${r.name} deletionProtection`);
    assert.strictEqual(at(r, "skipFinalSnapshot"), false, `${r.name} skipFinalSnapshot`);
    assert.match(String(at(r, "finalSnapshotIdentifier")), /-final$/);
    assert.ok(Number(at(r, "backupRetentionPeriod")) >= 7, `${r.name} backupRetentionPeriod`);
    assert.strictEqual(at(r, "storageEncrypted"), true);
    assert.strictEqual(at(r, "manageMasterUserPassword"), true);
}

describe("aws Database", () => {
    it("startup: one single-AZ MySQL instance of 2 vCPU / 4 GiB, private and protected", async () => {
        const p = await plan("startup-aws");
        assert.deepStrictEqual(countByType(childrenOf(p, "lc-us-east-1-db")), { "aws:rds/subnetGroup:SubnetGroup": 1, [INSTANCE]: 1 });
        const db = one(p, INSTANCE);
        assert.strictEqual(at(db, "engine"), "mysql");
        assert.strictEqual(at(db, "instanceClass"), "db.t4g.medium");
        assert.strictEqual(at(db, "multiAz"), false);
        assert.strictEqual(at(db, "availabilityZone"), "us-east-1a");
        assert.strictEqual(at(db, "publiclyAccessible"), false);
        assertProtected(db);
    });

    it("growth defaults to Aurora: a protected cluster, a writer and a reader in different zones, no RDS instance", async () => {
        const p = await plan("growth-aws");
        assert.strictEqual(ofType(p, INSTANCE).length, 0);
        const cluster = one(p, CLUSTER);
        assertProtected(cluster);
        const instances = ofType(p, CLUSTER_INSTANCE);
        assert.deepStrictEqual(instances.map((i) => at(i, "availabilityZone")).sort(), ["us-east-1a", "us-east-1b"]);
        assert.ok(instances.every((i) => at(i, "clusterIdentifier") === at(cluster, "clusterIdentifier")), "instances join the cluster by its identifier");
    });

    it("growth on MySQL: Multi-AZ primary plus one read replica in another zone", async () => {
        const p = await plan("growth-mysql-aws");
        assert.strictEqual(ofType(p, INSTANCE).length, 2);
        const primary = one(p, INSTANCE, "-primary");
        const replica = one(p, INSTANCE, "-replica-0");
        assert.strictEqual(at(primary, "multiAz"), true);
        assert.strictEqual(at(primary, "availabilityZone"), undefined);
        assert.strictEqual(at(primary, "instanceClass"), "db.m6i.xlarge");
        assertProtected(primary);
        assert.strictEqual(at(replica, "replicateSourceDb"), at(primary, "identifier"));
        assert.strictEqual(at(replica, "availabilityZone"), "us-east-1b");
        assert.strictEqual(at(replica, "publiclyAccessible"), false);
        assert.strictEqual(at(replica, "storageEncrypted"), true);
        assert.strictEqual(at(replica, "deletionProtection"), true);
        assert.deepStrictEqual(regionOutput(p, "us-east-1", "databaseReaderEndpoints"), ["lc-us-east-1-db-replica-0." + String(regionOutput(p, "us-east-1", "databaseEndpoint")).split(".").slice(1).join(".")]);
    });

    it("growth with engine aurora: a cluster and >= 2 instances in different zones, with a reader endpoint", async () => {
        const p = await plan("events-aws");
        assert.strictEqual(ofType(p, INSTANCE).length, 0);
        assertProtected(one(p, CLUSTER));
        const instances = ofType(p, CLUSTER_INSTANCE);
        assert.strictEqual(instances.length, 2);
        assert.deepStrictEqual(instances.map((i) => at(i, "availabilityZone")).sort(), ["us-east-1a", "us-east-1b"]);
        assert.ok(instances.every((i) => at(i, "publiclyAccessible") === false));
        assert.match(String(regionOutput(p, "us-east-1", "databaseReaderEndpoints")), /\.cluster-ro-/);
    });

    it("mature: Aurora in each region, writer plus two readers over three zones", async () => {
        const p = await plan("mature-aws");
        assert.strictEqual(ofType(p, CLUSTER).length, 2);
        const east = ofType(p, CLUSTER_INSTANCE).filter((i) => i.name.startsWith("lc-us-east-1-"));
        assert.deepStrictEqual(
            east.map((i) => at(i, "availabilityZone")),
            ["us-east-1a", "us-east-1b", "us-east-1c"],
        );
        assert.ok(east.every((i) => at(i, "instanceClass") === "db.r6i.2xlarge"));
    });
});
