// A zone id the cloud does not have, such as "cn-hangzhou-h " with a trailing space: rejected by the
// provider-conformance table (the regions and zones table of config validation) and a finding of
// ha-cache-require-multi-zone, never a passing second zone.

import * as assert from "assert";

import { POLICIES } from "../../policies/all";
import { checkConformance } from "../../policies/conformance";
import { res, violations } from "./helpers";

const policy = POLICIES.find((p) => p.name === "ha-cache-require-multi-zone") ?? assert.fail("policy missing");
const tair = (zoneId: string, secondaryZoneId: string) => res("alicloud:redis/tairInstance:TairInstance", { zoneId, secondaryZoneId, instanceType: "tair_rdb", vpcId: "vpc-1", vswitchId: "vsw-1" }, "cache");

describe("zone ids outside the regions and zones table", () => {
    it("conformance rejects a Tair secondary zone with a trailing space and one the region does not have", () => {
        const found = (r: ReturnType<typeof tair>) => checkConformance([r]).filter((v) => /zone/i.test(v.property)).map((v) => v.property);
        assert.deepStrictEqual(found(tair("cn-hangzhou-i", "cn-hangzhou-h ")), ["secondaryZoneId"]);
        assert.deepStrictEqual(found(tair("cn-hangzhou-i", "cn-hangzhou-z")), ["secondaryZoneId"]);
        assert.deepStrictEqual(found(tair("cn-hangzhou-i", "cn-hangzhou-h")), []);
    });
    it("ha-cache-require-multi-zone flags the padded zone instead of passing it as a second zone", async () => {
        const [v] = await violations(policy, [tair("cn-hangzhou-h", "cn-hangzhou-h ")]);
        assert.match(v.message, /secondaryZoneId "cn-hangzhou-h " is not a zone id \(whitespace around it\)/);
        assert.deepStrictEqual(await violations(policy, [tair("cn-hangzhou-h", "cn-hangzhou-i")]), []);
        assert.match((await violations(policy, [tair("cn-hangzhou-h", "cn-hangzhou-h")]))[0].message, /equals its zone/);
    });
});
