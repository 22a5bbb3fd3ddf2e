import * as assert from "assert";

import { RecordingMocks, UnmockedCallError, mockId } from "../tools/lib/mocks";

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
});
