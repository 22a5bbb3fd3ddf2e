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
        assert.match(error.message, /  - live-commerce:kubernetes: images of user, product, order, interaction \(compute kubernetes\) come from a placeholder registry \(registry\.example\.com\)/);
        assert.strictEqual(declared, 0);
    });

    /** The keys `pulumi up` of `stack` (with `overrides`) stops on, from the error's first line. */
    async function keysToSet(stack: string, overrides: Record<string, string> = {}): Promise<string[]> {
        const { error, declared } = await up({ ...loadStackConfig(stack), ...overrides });
        assert.ok(error instanceof pulumi.RunError, String(error));
        assert.strictEqual(declared, 0);
        const first = /^not deployable until set: (.*)$/m.exec(error.message);
        assert.ok(first !== null, error.message);
        return (first[1] ?? "").split(", ");
    }

    // The guard asks for the image of the compute tier that serves the routes.
    it("compute vm: asks for app.imageId (the app group boots it), not the service images it never runs", async () => {
        assert.deepStrictEqual(await keysToSet("startup-aws"), ["live-commerce:domain", "live-commerce:app", "live-commerce:monitoring"]);
        assert.deepStrictEqual(await keysToSet("startup-alicloud"), ["live-commerce:domain", "live-commerce:tls", "live-commerce:app", "live-commerce:monitoring"]);
    });

    it("compute kubernetes: asks for the service images' registry, not app.imageId", async () => {
        assert.deepStrictEqual(await keysToSet("growth-aws"), ["live-commerce:domain", "live-commerce:kubernetes", "live-commerce:monitoring"]);
        assert.deepStrictEqual(await keysToSet("growth-aws", { "live-commerce:kubernetes": JSON.stringify({ imageRegistry: "123456789012.dkr.ecr.us-east-1.amazonaws.com/live-commerce" }) }), ["live-commerce:domain", "live-commerce:monitoring"]);
    });

    it("compute serverless: asks for the service images' registry (SAE and Fargate run them), not app.imageId", async () => {
        assert.deepStrictEqual(await keysToSet("growth-aws-serverless"), ["live-commerce:domain", "live-commerce:kubernetes", "live-commerce:monitoring"]);
        assert.deepStrictEqual(await keysToSet("growth-alicloud-serverless"), ["live-commerce:domain", "live-commerce:tls", "live-commerce:kubernetes", "live-commerce:monitoring"]);
        const { error } = await up(loadStackConfig("growth-alicloud-serverless"));
        assert.ok(error instanceof Error);
        assert.match(error.message, /  - live-commerce:kubernetes: images of user, product, order, interaction \(compute serverless\) come from a placeholder registry \(registry\.example\.com\)/);
        const registry = { "live-commerce:kubernetes": JSON.stringify({ imageRegistry: "registry.cn-hangzhou.aliyuncs.com/live-commerce" }) };
        assert.deepStrictEqual(await keysToSet("growth-alicloud-serverless", registry), ["live-commerce:domain", "live-commerce:tls", "live-commerce:monitoring"]);
        // One service left on the placeholder registry is still named.
        const partly = { "live-commerce:kubernetes": JSON.stringify({ imageRegistry: "registry.cn-hangzhou.aliyuncs.com/live-commerce", services: { order: { image: "registry.example.com/live-commerce/order:1.0.0" } } }) };
        const { error: e2 } = await up({ ...loadStackConfig("growth-alicloud-serverless"), ...partly });
        assert.ok(e2 instanceof Error);
        assert.match(e2.message, /  - live-commerce:kubernetes: images of order \(compute serverless\) come from a placeholder registry/);
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
