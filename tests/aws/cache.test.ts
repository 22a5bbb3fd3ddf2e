import * as assert from "assert";

import { at, childrenOf, dig, countByType, ofType, one, plan, regionOutput } from "./plans";

const RG = "aws:elasticache/replicationGroup:ReplicationGroup";

describe("aws Cache", () => {
    it("declares a token, a subnet group and one replication group per region", async () => {
        const p = await plan("growth-aws");
        assert.deepStrictEqual(countByType(childrenOf(p, "lc-us-east-1-cache")), {
            "random:index/randomPassword:RandomPassword": 1,
            "aws:elasticache/subnetGroup:SubnetGroup": 1,
            "aws:elasticache/replicationGroup:ReplicationGroup": 1,
        });
        assert.strictEqual(ofType(await plan("mature-aws"), RG).length, 2);
    });

    it("startup: a single node, cluster mode off, no failover", async () => {
        const rg = one(await plan("startup-aws"), RG);
        assert.strictEqual(at(rg, "numCacheClusters"), 1);
        assert.strictEqual(at(rg, "clusterMode"), "disabled");
        assert.strictEqual(at(rg, "numNodeGroups"), undefined);
        assert.strictEqual(at(rg, "automaticFailoverEnabled"), false);
    });

    it("growth and mature: cluster mode with shards x replicas, automatic failover and Multi-AZ", async () => {
        const expected: [string, number][] = [
            ["growth-aws", 2],
            ["mature-aws", 2],
        ];
        for (const [stack, shards] of expected) {
            for (const rg of ofType(await plan(stack), RG)) {
                assert.strictEqual(at(rg, "clusterMode"), "enabled");
                assert.strictEqual(at(rg, "numNodeGroups"), shards);
                assert.strictEqual(at(rg, "replicasPerNodeGroup"), 1);
                assert.strictEqual(at(rg, "numCacheClusters"), undefined);
                assert.strictEqual(at(rg, "automaticFailoverEnabled"), true);
                assert.strictEqual(at(rg, "multiAzEnabled"), true);
                assert.strictEqual(at(rg, "parameterGroupName"), "default.valkey8.cluster.on");
            }
        }
    });

    it("encrypted at rest and in transit, secret AUTH token, snapshots kept, data security group only", async () => {
        const p = await plan("growth-aws");
        const rg = one(p, RG);
        assert.strictEqual(at(rg, "engine"), "valkey");
        assert.strictEqual(at(rg, "atRestEncryptionEnabled"), true);
        assert.strictEqual(at(rg, "transitEncryptionEnabled"), true);
        assert.strictEqual(at(rg, "authToken"), "[secret]");
        assert.strictEqual(at(rg, "snapshotRetentionLimit"), 7);
        assert.strictEqual(at(rg, "finalSnapshotIdentifier"), "lc-us-east-1-cache-final");
        const sgs = at(rg, "securityGroupIds");
        assert.deepStrictEqual(sgs, [dig(regionOutput(p, "us-east-1", "securityGroupIds"), "data")]);
        assert.match(String(regionOutput(p, "us-east-1", "cacheEndpoint")), /^clustercfg\./);
    });
});
