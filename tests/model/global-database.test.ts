import * as assert from "assert";

import { globalDatabaseRoles } from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { NOW, rawConfig } from "../helpers";

describe("global database roles", () => {
    it("mature: the first region writes, every other region is a secondary", () => {
        const spec = resolveSpec(rawConfig("mature", "aws"), { now: NOW });
        assert.deepStrictEqual(globalDatabaseRoles(spec), ["primary", "secondary"]);
    });
    it("a stack without a global database keeps a standalone database per region", () => {
        const spec = resolveSpec(rawConfig("mature", "alicloud", { database: { globalDatabase: false } }), { now: NOW });
        assert.deepStrictEqual(globalDatabaseRoles(spec), ["standalone", "standalone"]);
        assert.deepStrictEqual(globalDatabaseRoles(resolveSpec(rawConfig("growth", "alicloud"), { now: NOW })), ["standalone"]);
    });
});
