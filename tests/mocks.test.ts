import * as assert from "assert";

import { RecordingMocks, UnmockedCallError, generatedName, mockId } from "../tools/lib/mocks";

describe("recording mocks", () => {
    it("a data source the mocks do not know fails loudly, naming its token", () => {
        const mocks = new RecordingMocks("us-east-1");
        assert.throws(
            () => mocks.call({ token: "aws:ec2/getAmi:getAmi", inputs: { mostRecent: true } }),
            (e: unknown) => e instanceof UnmockedCallError && /data source aws:ec2\/getAmi:getAmi is not mocked/.test(e.message),
        );
        assert.deepStrictEqual(mocks.unmockedCalls, ["aws:ec2/getAmi:getAmi"]);
    });

    it("ids are deterministic, prefixed like the cloud's, and differ by name", () => {
        assert.strictEqual(mockId("aws:ec2/vpc:Vpc", "a"), mockId("aws:ec2/vpc:Vpc", "a"));
        assert.notStrictEqual(mockId("aws:ec2/vpc:Vpc", "a"), mockId("aws:ec2/vpc:Vpc", "b"));
        assert.match(mockId("alicloud:vpc/switch:Switch", "x"), /^vsw-[0-9a-f]{17}$/);
    });

    it("AWS resources get an ARN in their provider's region", () => {
        const mocks = new RecordingMocks("us-east-1");
        mocks.newResource({ type: "pulumi:providers:aws", name: "west", inputs: { region: "us-west-2" }, custom: true });
        const { state } = mocks.newResource({
            type: "aws:ec2/vpc:Vpc",
            name: "v",
            inputs: { cidrBlock: "10.0.0.0/16" },
            custom: true,
            provider: "urn:pulumi:s::p::pulumi:providers:aws::west::id",
        });
        assert.match(String(state.arn), /^arn:aws:ec2:us-west-2:123456789012:vpc-/);
        assert.strictEqual(state.cidrBlock, "10.0.0.0/16");
    });

    it("a resource whose cloud id is the identifier the program sets gets that identifier as its id", () => {
        const mocks = new RecordingMocks("us-east-1");
        const reg = (type: string, name: string, inputs: Record<string, unknown>) => mocks.newResource({ type, name, inputs, custom: true }).id;
        assert.strictEqual(reg("aws:rds/cluster:Cluster", "c", { clusterIdentifier: "lc-us-east-1-orders" }), "lc-us-east-1-orders");
        assert.strictEqual(reg("aws:rds/instance:Instance", "i", { identifier: "lc-us-east-1-db" }), "lc-us-east-1-db");
        assert.strictEqual(reg("aws:elasticache/replicationGroup:ReplicationGroup", "g", { replicationGroupId: "lc-cache" }), "lc-cache");
        // Unset identifiers: a generated name for buckets, the prefixed mock id for the rest.
        assert.strictEqual(reg("aws:s3/bucket:Bucket", "media", {}), generatedName("media"));
        assert.strictEqual(reg("aws:rds/cluster:Cluster", "c2", {}), mockId("aws:rds/cluster:Cluster", "c2"));
        // Other types keep the prefixed mock id even with a name input.
        assert.strictEqual(reg("aws:ec2/vpc:Vpc", "v", { name: "x" }), mockId("aws:ec2/vpc:Vpc", "v"));
    });

    it("in a plan, an Aurora cluster instance's clusterIdentifier matches its cluster's", async () => {
        const { shippedPlan } = await import("./support/shipped");
        const plan = await shippedPlan("growth-aws");
        const clusters = plan.resources.filter((r) => r.type === "aws:rds/cluster:Cluster");
        const instances = plan.resources.filter((r) => r.type === "aws:rds/clusterInstance:ClusterInstance");
        assert.ok(clusters.length > 0 && instances.length >= 2);
        const identifiers = new Set(clusters.map((c) => c.inputs.clusterIdentifier));
        for (const i of instances) assert.ok(identifiers.has(i.inputs.clusterIdentifier), `${i.name}: ${String(i.inputs.clusterIdentifier)}`);
    });
});
