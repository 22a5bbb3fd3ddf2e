import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { input, ofType, single, usePlans } from "./plans";

const KAFKA = "alicloud:alikafka/instance:Instance";
const TOPIC = "alicloud:alikafka/topic:Topic";

describe("alicloud Queue", function () {
    const stacks = usePlans();

    it("startup has no queue", () => {
        assert.deepStrictEqual([ofType(stacks()["startup-alicloud"], KAFKA).length, ofType(stacks()["startup-alicloud"], TOPIC).length], [0, 0]);
        assert.strictEqual(ofType(stacks()["startup-alicloud"], "live-commerce:alicloud:Queue").length, 0);
    });

    it("growth: a professional VPC-only Kafka over both zones, on the data security group", () => {
        const k = single(stacks()["growth-alicloud"], KAFKA);
        const sw = (z: string) => mockId("alicloud:vpc/switch:Switch", `lc-cn-hangzhou-network-vsw-${z}`);
        assert.deepStrictEqual(
            [input(k, "deployType"), input(k, "specType"), input(k, "selectedZones"), input(k, "vswitchIds"), input(k, "zoneId"), input(k, "partitionNum")],
            [5, "professional", ["cn-hangzhou-h", "cn-hangzhou-i"], [sw("cn-hangzhou-h"), sw("cn-hangzhou-i")], "cn-hangzhou-h", 24],
        );
        assert.strictEqual(input(k, "securityGroup"), mockId("alicloud:ecs/securityGroup:SecurityGroup", "lc-cn-hangzhou-network-sg-data"));
        assert.strictEqual(input(k, "config"), JSON.stringify({ "kafka.log.retention.hours": "72" }));
    });

    it("growth: one topic per configured topic with the configured partitions", () => {
        const plan = stacks()["growth-alicloud"];
        const kafkaId = mockId(KAFKA, "lc-cn-hangzhou-queue-kafka");
        assert.deepStrictEqual(
            ofType(plan, TOPIC).map((t) => [t.name, input(t, "instanceId"), input(t, "topic"), input(t, "partitionNum")]),
            [
                ["lc-cn-hangzhou-queue-topic-interactions", kafkaId, "interactions", 12],
                ["lc-cn-hangzhou-queue-topic-orders", kafkaId, "orders", 12],
            ],
        );
    });

    it("mature: Kafka stays in the first two zones (vSwitches are replace-on-change), 24-partition topics in every region", () => {
        const plan = stacks()["mature-alicloud"];
        assert.deepStrictEqual(
            ofType(plan, KAFKA).map((k) => {
                const vswitches = input(k, "vswitchIds");
                return [k.name, input(k, "selectedZones"), Array.isArray(vswitches) ? vswitches.length : 0];
            }),
            [
                ["lc-ap-southeast-1-queue-kafka", ["ap-southeast-1a", "ap-southeast-1b"], 2],
                ["lc-cn-hangzhou-queue-kafka", ["cn-hangzhou-h", "cn-hangzhou-i"], 2],
                ["lc-cn-shanghai-queue-kafka", ["cn-shanghai-e", "cn-shanghai-f"], 2],
            ],
        );
        const growth = single(stacks()["growth-alicloud"], KAFKA);
        const hangzhou = ofType(plan, KAFKA).find((k) => k.name === growth.name);
        assert.deepStrictEqual(input(hangzhou ?? growth, "vswitchIds"), input(growth, "vswitchIds"), "growth -> mature keeps the broker vSwitches");
        assert.deepStrictEqual([...new Set(ofType(plan, TOPIC).map((t) => input(t, "partitionNum")))], [24]);
        assert.strictEqual(ofType(plan, TOPIC).length, 6);
    });
});
