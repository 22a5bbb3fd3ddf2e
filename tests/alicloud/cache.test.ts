import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { SECRET } from "../../tools/lib/record";
import { childrenOf, input, named, ofType, single, usePlans } from "./plans";

const REDIS = "alicloud:redis/tairInstance:TairInstance";

describe("alicloud Cache", function () {
    const stacks = usePlans();

    it("declares one Redis instance and its generated password under the component", () => {
        const plan = stacks()["growth-alicloud"];
        const kids = childrenOf(plan, named(plan, "live-commerce:alicloud:Cache", "lc-cn-hangzhou-cache"));
        assert.deepStrictEqual(kids.map((k) => `${k.type} ${k.name}`).sort(), [
            "alicloud:redis/tairInstance:TairInstance lc-cn-hangzhou-cache-redis",
            "random:index/randomPassword:RandomPassword lc-cn-hangzhou-cache-password",
        ]);
    });

    it("startup: one standard instance in the first of its two zones, no shards, no secondary zone", () => {
        const r = single(stacks()["startup-alicloud"], REDIS);
        assert.deepStrictEqual(
            [input(r, "instanceType"), input(r, "instanceClass"), input(r, "shardCount"), input(r, "nodeType"), input(r, "zoneId"), input(r, "secondaryZoneId")],
            ["tair_rdb", "tair.rdb.2g", 1, "STAND_ALONE", "cn-hangzhou-h", undefined],
        );
    });

    it("growth: cluster edition, 2 shards, secondary zone different from the zone", () => {
        const r = single(stacks()["growth-alicloud"], REDIS);
        assert.deepStrictEqual(
            [input(r, "instanceType"), input(r, "instanceClass"), input(r, "shardCount"), input(r, "nodeType"), input(r, "zoneId"), input(r, "secondaryZoneId")],
            ["tair_rdb", "tair.rdb.with.proxy.4g", 2, "MASTER_SLAVE", "cn-hangzhou-h", "cn-hangzhou-i"],
        );
    });

    it("mature: the growth shard count (2, replace-on-change) in every region, each with a secondary zone", () => {
        const rs = ofType(stacks()["mature-alicloud"], REDIS);
        assert.deepStrictEqual(
            rs.map((r) => [r.name, input(r, "shardCount"), input(r, "zoneId"), input(r, "secondaryZoneId")]),
            [
                ["lc-ap-southeast-1-cache-redis", 2, "ap-southeast-1a", "ap-southeast-1b"],
                ["lc-cn-hangzhou-cache-redis", 2, "cn-hangzhou-h", "cn-hangzhou-i"],
                ["lc-cn-shanghai-cache-redis", 2, "cn-shanghai-e", "cn-shanghai-f"],
            ],
        );
    });

    it("in the VPC only: primary-zone vSwitch, whitelist of the private vSwitch CIDRs, password secret, TDE on, protected", () => {
        const r = single(stacks()["growth-alicloud"], REDIS);
        assert.strictEqual(input(r, "vswitchId"), mockId("alicloud:vpc/switch:Switch", "lc-cn-hangzhou-network-vsw-cn-hangzhou-h"));
        assert.strictEqual(input(r, "vpcId"), mockId("alicloud:vpc/network:Network", "lc-cn-hangzhou-network-vpc"));
        assert.deepStrictEqual(input(r, "securityIps"), "10.10.0.0/20,10.10.32.0/20");
        assert.deepStrictEqual(
            [input(r, "password"), input(r, "sslEnabled"), input(r, "tdeStatus"), input(r, "vpcAuthMode"), input(r, "port"), input(r, "paymentType")],
            [SECRET, "Enable", "enabled", "Open", 6379, "PayAsYouGo"],
        );
    });
});
