import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { Plan, SECRET } from "../../tools/lib/record";
import { MYSQL_STACK, POLARDB_STACK, childrenOf, input, named, ofType, single, usePlans } from "./plans";

const RDS = "alicloud:rds/instance:Instance";
const RO = "alicloud:rds/readOnlyInstance:ReadOnlyInstance";
const POLAR = "alicloud:polardb/cluster:Cluster";
const vsw = (zone: string) => mockId("alicloud:vpc/switch:Switch", `lc-cn-hangzhou-network-vsw-${zone}`);

describe("alicloud Database", function () {
    const stacks = usePlans();

    it("startup: one Basic 2c4g MySQL in the single zone, no replicas, no proxy", () => {
        const plan = stacks()["startup-alicloud"];
        const db = single(plan, RDS);
        assert.deepStrictEqual(
            [input(db, "category"), input(db, "instanceType"), input(db, "zoneId"), input(db, "zoneIdSlaveA"), input(db, "vswitchId"), input(db, "instanceStorage")],
            ["Basic", "mysql.n2.medium.1", "cn-hangzhou-h", undefined, vsw("cn-hangzhou-h"), 50],
        );
        assert.deepStrictEqual([ofType(plan, RO).length, ofType(plan, "alicloud:rds/rdsDbProxy:RdsDbProxy").length, ofType(plan, POLAR).length], [0, 0, 0]);
    });

    it("growth defaults to PolarDB: no RDS instance, a hot-standby cluster in the other zone", () => {
        const plan = stacks()["growth-alicloud"];
        assert.deepStrictEqual([ofType(plan, RDS).length, ofType(plan, RO).length], [0, 0]);
        const c = single(plan, POLAR);
        assert.deepStrictEqual([input(c, "zoneId"), input(c, "hotStandbyCluster"), input(c, "standbyAz")], ["cn-hangzhou-h", "ON", "cn-hangzhou-i"]);
    });

    it("growth on MySQL: HighAvailability, standby in the other zone, vSwitches of both zones", () => {
        const db = single(stacks()[MYSQL_STACK], RDS);
        assert.deepStrictEqual(
            [input(db, "category"), input(db, "instanceType"), input(db, "zoneId"), input(db, "zoneIdSlaveA"), input(db, "haConfig"), input(db, "vswitchId")],
            ["HighAvailability", "mysql.n4.large.2c", "cn-hangzhou-h", "cn-hangzhou-i", "Auto", `${vsw("cn-hangzhou-h")},${vsw("cn-hangzhou-i")}`],
        );
    });

    it("growth on MySQL: one read-only instance away from the primary and a read/write-splitting proxy", () => {
        const plan = stacks()[MYSQL_STACK];
        const ro = ofType(plan, RO);
        const primary = mockId(RDS, "lc-cn-hangzhou-db-mysql");
        assert.deepStrictEqual(
            ro.map((r) => [r.name, input(r, "masterDbInstanceId"), input(r, "zoneId"), input(r, "vswitchId"), input(r, "instanceType"), input(r, "deletionProtection")]),
            [["lc-cn-hangzhou-db-mysql-ro-0", primary, "cn-hangzhou-i", vsw("cn-hangzhou-i"), "mysqlro.n4.large.1c", true]],
        );
        const proxy = single(plan, "alicloud:rds/rdsDbProxy:RdsDbProxy");
        assert.deepStrictEqual(
            [input(proxy, "instanceId"), input(proxy, "instanceNetworkType"), input(proxy, "dbProxyEndpointReadWriteMode"), input(proxy, "readOnlyInstanceDistributionType")],
            [primary, "VPC", "ReadWrite", "Standard"],
        );
    });

    it("MySQL: deletion protection, TDE, private CIDRs only, backups kept 7 days, secret password", () => {
        const plan = stacks()[MYSQL_STACK];
        const db = single(plan, RDS);
        assert.deepStrictEqual(
            [input(db, "deletionProtection"), input(db, "tdeStatus"), input(db, "securityIps"), input(db, "releasedKeepPolicy")],
            [true, "Enabled", ["10.10.0.0/20", "10.10.32.0/20"], "All"],
        );
        const backup = single(plan, "alicloud:rds/backupPolicy:BackupPolicy");
        assert.deepStrictEqual([input(backup, "backupRetentionPeriod"), input(backup, "enableBackupLog"), input(backup, "logBackupRetentionPeriod")], [7, true, 7]);
        const account = single(plan, "alicloud:rds/rdsAccount:RdsAccount");
        assert.deepStrictEqual([input(account, "accountName"), input(account, "accountPassword")], ["app", SECRET]);
    });

    it("engine polardb: 2 nodes, hot standby in the other zone, deletion lock, TDE, read/write endpoint", () => {
        const plan = stacks()[POLARDB_STACK];
        assert.strictEqual(ofType(plan, RDS).length, 0);
        const c = single(plan, POLAR);
        assert.deepStrictEqual(
            [input(c, "dbNodeCount"), input(c, "dbNodeClass"), input(c, "zoneId"), input(c, "hotStandbyCluster"), input(c, "standbyAz"), input(c, "deletionLock"), input(c, "tdeStatus")],
            [2, "polar.mysql.x4.large", "cn-hangzhou-h", "ON", "cn-hangzhou-i", 1, "Enabled"],
        );
        assert.deepStrictEqual(input(c, "dbClusterIpArrays"), [{ dbClusterIpArrayName: "default", securityIps: ["10.10.0.0/20", "10.10.32.0/20"] }]);
        assert.strictEqual(ofType(plan, "alicloud:polardb/endpoint:Endpoint").length, 0, "the cluster endpoint already splits reads and writes");
        const backup = single(plan, "alicloud:polardb/backupPolicy:BackupPolicy");
        assert.strictEqual(input(backup, "backupRetentionPeriod"), "10");
        assert.strictEqual(input(single(plan, "alicloud:polardb/account:Account"), "accountPassword"), SECRET);
    });

    it("the Normal account app gets ReadWrite on the schema commerce only, after the account and the schema exist (RDS and PolarDB)", () => {
        const cases = [
            { plan: stacks()[MYSQL_STACK], type: "alicloud:rds/accountPrivilege:AccountPrivilege", store: "instanceId", storeType: RDS, field: "privilege", account: "alicloud:rds/rdsAccount:RdsAccount", schema: "alicloud:rds/database:Database" },
            { plan: stacks()[POLARDB_STACK], type: "alicloud:polardb/accountPrivilege:AccountPrivilege", store: "dbClusterId", storeType: POLAR, field: "accountPrivilege", account: "alicloud:polardb/account:Account", schema: "alicloud:polardb/database:Database" },
        ];
        for (const c of cases) {
            const grant = single(c.plan, c.type);
            assert.strictEqual(grant.name, "lc-cn-hangzhou-db-account-privilege");
            assert.deepStrictEqual([input(grant, c.store), input(grant, "accountName"), input(grant, "dbNames"), input(grant, c.field)], [single(c.plan, c.storeType).id, "app", ["commerce"], "ReadWrite"]);
            assert.strictEqual(input(single(c.plan, c.account), "accountType"), "Normal");
            // The grant reads the account's and the schema's outputs: it is created after both.
            assert.deepStrictEqual(grant.propertyDependencies?.accountName, [single(c.plan, c.account).urn]);
            assert.deepStrictEqual(grant.propertyDependencies?.dbNames, [single(c.plan, c.schema).urn]);
        }
    });

    it("mature: a PolarDB cluster of 3 nodes with hot standby in every region", () => {
        const cs = ofType(stacks()["mature-alicloud"], POLAR);
        assert.deepStrictEqual(
            cs.map((c) => [c.name, input(c, "dbNodeCount"), input(c, "dbNodeClass"), input(c, "zoneId"), input(c, "standbyAz")]),
            [
                // outside the residency boundary: its own cluster (docs/GLOBAL.md, Data residency)
                ["lc-ap-southeast-1-db-partition-polardb", 3, "polar.mysql.x4.xlarge", "ap-southeast-1a", "ap-southeast-1b"],
                ["lc-cn-hangzhou-db-polardb", 3, "polar.mysql.x4.xlarge", "cn-hangzhou-h", "cn-hangzhou-i"],
                ["lc-cn-shanghai-db-polardb", 3, "polar.mysql.x4.xlarge", "cn-shanghai-e", "cn-shanghai-f"],
            ],
        );
    });

    it("the database component holds exactly its engine's resources", () => {
        const kidsOf = (plan: Plan) => childrenOf(plan, named(plan, "live-commerce:alicloud:Database", "lc-cn-hangzhou-db")).map((k) => k.type).sort();
        assert.deepStrictEqual(kidsOf(stacks()["growth-alicloud"]), [
            "alicloud:polardb/account:Account",
            "alicloud:polardb/accountPrivilege:AccountPrivilege",
            "alicloud:polardb/backupPolicy:BackupPolicy",
            "alicloud:polardb/cluster:Cluster",
            "alicloud:polardb/database:Database",
            "random:index/randomPassword:RandomPassword",
        ]);
        assert.deepStrictEqual(kidsOf(stacks()[MYSQL_STACK]), [
            "alicloud:kms/key:Key",
            "alicloud:rds/accountPrivilege:AccountPrivilege",
            "alicloud:rds/backupPolicy:BackupPolicy",
            "alicloud:rds/database:Database",
            "alicloud:rds/instance:Instance",
            "alicloud:rds/rdsAccount:RdsAccount",
            "alicloud:rds/rdsDbProxy:RdsDbProxy",
            "alicloud:rds/readOnlyInstance:ReadOnlyInstance",
            "random:index/randomPassword:RandomPassword",
        ]);
    });
});
