import * as assert from "assert";

import { childrenOf, plan } from "./plans";

const BLOCKS = ["AutoScaling", "Cache", "Database", "LoadBalancer", "Monitoring", "Network", "Queue", "Storage"];

describe("aws Region", () => {
    it("composes one component per block, each with the live-commerce:aws:<Block> type and a stage-free name", async () => {
        for (const stack of ["startup-aws", "growth-aws"]) {
            const p = await plan(stack);
            const blocks = childrenOf(p, "lc-us-east-1").filter((r) => !r.custom);
            // Growth's business tier is the managed Kubernetes cluster with the microservices, not the app group;
            // it scales its Aurora readers (ReadCapacity); startup's single MySQL instance has none.
            const expected = [
                ...BLOCKS.filter((b) => (stack !== "startup-aws" || b !== "Queue") && (stack !== "growth-aws" || b !== "AutoScaling")).map((b) => `live-commerce:aws:${b}`),
                ...(stack === "growth-aws" ? ["live-commerce:aws:KubernetesCluster", "live-commerce:kubernetes:Services", "live-commerce:aws:ReadCapacity"] : []),
            ].sort();
            assert.deepStrictEqual(blocks.map((b) => b.type).sort(), expected);
            for (const r of p.resources) assert.ok(!/startup|growth|mature/.test(r.name) || r.type === "pulumi:pulumi:Stack", r.name);
        }
    });

    it("exports endpoints but no secret", async () => {
        const p = await plan("growth-aws");
        const text = JSON.stringify(p.outputs);
        assert.ok(!text.includes("mock-secret"), "a generated secret reached the stack outputs");
        assert.ok(!text.includes("[secret]"));
        for (const key of ["loadBalancerDnsName", "cacheEndpoint", "databaseEndpoint", "databaseReaderEndpoints", "queueBootstrapServers", "mediaBucket"]) {
            assert.ok(text.includes(`"${key}"`), key);
        }
    });
});
