// `pulumi up` of a stack that still holds placeholders: the real entry point stops before any
// resource is declared, naming each key; a stack whose keys are set goes on.

import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";

import { NotDeployableError, isReservedDomain } from "../components/model";
import { RecordingMocks } from "../tools/lib/mocks";
import { loadStackConfig } from "../tools/lib/stackfiles";
import entry = require("../stacks/index");

/** Runs the entry point under mocks with `config`; returns the error it stops with and how many resources it declared (the root stack aside). */
async function up(config: Record<string, string>): Promise<{ error: unknown; declared: number }> {
    const mocks = new RecordingMocks("us-east-1");
    await pulumi.runtime.setMocks(mocks, "live-commerce", "test", false);
    pulumi.runtime.setAllConfig(config, []);
    let error: unknown;
    try {
        await pulumi.runtime.runInPulumiStack(entry);
    } catch (e) {
        error = e;
    }
    await pulumi.runtime.disconnect();
    return { error, declared: mocks.registrations.filter((r) => r.type !== "pulumi:pulumi:Stack").length };
}

describe("pulumi up with placeholders", function () {
    it("stops before declaring anything, naming each key to set (no stack trace: a RunError)", async () => {
        const { error, declared } = await up(loadStackConfig("growth-alicloud"));
        assert.ok(error instanceof pulumi.RunError, String(error));
        assert.match(error.message, /^not deployable until set: live-commerce:domain, live-commerce:tls, live-commerce:kubernetes, live-commerce:monitoring\n/);
        assert.match(error.message, /  - live-commerce:domain: live\.example\.com is a reserved documentation domain/);
        assert.match(error.message, /  - live-commerce:kubernetes: images of user, product, order, interaction come from a placeholder registry \(registry\.example\.com\)/);
        assert.strictEqual(declared, 0);
    });

    it("goes on once every key is set", async () => {
        const config = {
            ...loadStackConfig("startup-aws"),
            "live-commerce:domain": "live.shop.cn",
            "live-commerce:app": JSON.stringify({ imageId: "ami-0abcdef1234567890" }),
            "live-commerce:monitoring": JSON.stringify({ contacts: { warning: ["ops@shop.cn"], critical: ["ops@shop.cn"], fatal: ["oncall@shop.cn"] } }),
        };
        const { error, declared } = await up(config);
        assert.strictEqual(error, undefined, String(error));
        assert.ok(declared > 50, `declared ${declared}`);
    });

    it("reserved documentation domains are recognised, real ones are not", () => {
        for (const d of ["example.com", "live.example.com", "a.example.org", "shop.test", "x.invalid", "LIVE.EXAMPLE.NET."]) assert.ok(isReservedDomain(d), d);
        for (const d of ["example.com.cn", "myexample.com", "live.shop.cn", "testing.io"]) assert.ok(!isReservedDomain(d), d);
    });

    it("NotDeployableError lists every missing key with its reason", () => {
        const e = new NotDeployableError([
            { key: "live-commerce:domain", reason: "r1" },
            { key: "live-commerce:monitoring", reason: "r2" },
        ]);
        assert.strictEqual(e.message, "not deployable until set: live-commerce:domain, live-commerce:monitoring\n  - live-commerce:domain: r1\n  - live-commerce:monitoring: r2");
    });
});
