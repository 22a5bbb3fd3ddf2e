import * as assert from "assert";

import { ALICLOUD_REGIONS } from "../../components/alicloud/regions";
import { AWS_REGIONS } from "../../components/aws/regions";
import { editDistance, nearestNames, zoneForm } from "../../components/model/regions";

describe("region and zone tables", () => {
    for (const [cloud, table] of [["alicloud", ALICLOUD_REGIONS], ["aws", AWS_REGIONS]] as const) {
        it(`${cloud}: every tabulated zone has its region's zone id form`, () => {
            for (const [region, entry] of Object.entries(table.regions)) {
                for (const zone of entry.zones ?? []) assert.ok(zoneForm(table, region, zone), `${zone} of ${region}`);
            }
        });
    }

    it("writes Alibaba Cloud zones as the documentation does: cn-hangzhou-h, ap-southeast-1a", () => {
        assert.ok(zoneForm(ALICLOUD_REGIONS, "cn-hangzhou", "cn-hangzhou-h"));
        assert.ok(!zoneForm(ALICLOUD_REGIONS, "cn-hangzhou", "cn-hangzhouh"));
        assert.ok(zoneForm(ALICLOUD_REGIONS, "ap-southeast-1", "ap-southeast-1a"));
        assert.ok(!zoneForm(ALICLOUD_REGIONS, "ap-southeast-1", "ap-southeast-1-a"));
    });

    it("measures edit distance and suggests only near names", () => {
        assert.strictEqual(editDistance("cn-hangzou", "cn-hangzhou"), 1);
        assert.strictEqual(editDistance("", "abc"), 3);
        assert.deepStrictEqual(nearestNames("cn-hangzou", Object.keys(ALICLOUD_REGIONS.regions)), ["cn-hangzhou"]);
        assert.deepStrictEqual(nearestNames("mars-north-9", Object.keys(AWS_REGIONS.regions)), []);
    });
});
