import * as assert from "assert";

import { STAGE_PRESETS } from "../../components/model";
import { at, childrenOf, countByType, ofType, one, plan, regionOutput, strings } from "./plans";

const MSK = "aws:msk/cluster:Cluster";

describe("aws Queue", () => {
    it("startup has no queue", async () => {
        const p = await plan("startup-aws");
        assert.strictEqual(ofType(p, MSK).length, 0);
        assert.strictEqual(regionOutput(p, "us-east-1", "queueBootstrapServers"), null);
    });

    it("growth: one broker per zone over the private subnets, TLS in transit and in cluster, a topic per spec topic", async () => {
        const p = await plan("growth-aws");
        assert.deepStrictEqual(countByType(childrenOf(p, "lc-us-east-1-queue")), {
            "aws:msk/configuration:Configuration": 1,
            "aws:msk/cluster:Cluster": 1,
            "aws:msk/topic:Topic": STAGE_PRESETS.growth.spec.queue.topics.length,
        });
        const msk = one(p, MSK);
        const subnets = strings(at(msk, "brokerNodeGroupInfo", "clientSubnets"));
        assert.deepStrictEqual(subnets, regionOutput(p, "us-east-1", "privateSubnetIds"));
        assert.strictEqual(Number(at(msk, "numberOfBrokerNodes")) % subnets.length, 0);
        assert.strictEqual(at(msk, "numberOfBrokerNodes"), 2);
        assert.strictEqual(at(msk, "encryptionInfo", "encryptionInTransit", "clientBroker"), "TLS");
        assert.strictEqual(at(msk, "encryptionInfo", "encryptionInTransit", "inCluster"), true);
        const orders = one(p, "aws:msk/topic:Topic", "-topic-orders");
        assert.strictEqual(at(orders, "partitionCount"), STAGE_PRESETS.growth.spec.queue.partitions);
        assert.strictEqual(at(orders, "replicationFactor"), 2);
        assert.match(String(regionOutput(p, "us-east-1", "queueBootstrapServers")), /:9094,/);
    });

    it("mature: the growth brokers and replication factor (both replace-on-change) in each region of three zones", async () => {
        const p = await plan("mature-aws");
        const clusters = ofType(p, MSK);
        assert.strictEqual(clusters.length, 2);
        for (const msk of clusters) {
            assert.strictEqual(at(msk, "numberOfBrokerNodes"), 2);
            assert.strictEqual(strings(at(msk, "brokerNodeGroupInfo", "clientSubnets")).length, 2);
        }
        const growth = one(await plan("growth-aws"), MSK, "lc-us-east-1-queue-kafka");
        assert.deepStrictEqual(at(one(p, MSK, "lc-us-east-1-queue-kafka"), "brokerNodeGroupInfo", "clientSubnets"), at(growth, "brokerNodeGroupInfo", "clientSubnets"));
        assert.ok(ofType(p, "aws:msk/topic:Topic").every((t) => at(t, "replicationFactor") === 2));
    });
});
