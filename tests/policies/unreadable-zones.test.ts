// Placements the input holds but does not let be read (policies/lib/zones.ts): a secret ("[secret]",
// as `pulumi preview --json` and check's reading of an export show one), a subnet/vSwitch id of no
// subnet the stack declares, a value that is no id. Each is undetermined, never a zone of its own,
// yet one entry is still at most one zone.

import * as assert from "assert";

import { Props } from "../../policies/lib/values";
import { ZoneCount, zoneVerdict, zonesOfType } from "../../policies/lib/zones";

type Graph = Map<string, { readonly type: string; readonly props: Props }>;
const SUBNET = "aws:ec2/subnet:Subnet";
const GROUP = "aws:autoscaling/group:Group";
const ALB = "alicloud:alb/loadBalancer:LoadBalancer";

/** A stack with two declared subnets, `subnet-a` in us-east-1a and `subnet-b` in us-east-1b, and `extra` subnets. */
function graph(extra: Record<string, Props> = {}): Graph {
    const g: Graph = new Map();
    g.set("urn:a", { type: SUBNET, props: { id: "subnet-a", availabilityZone: "us-east-1a" } });
    g.set("urn:b", { type: SUBNET, props: { id: "subnet-b", availabilityZone: "us-east-1b" } });
    for (const [urn, props] of Object.entries(extra)) g.set(urn, { type: SUBNET, props });
    return g;
}
const count = (type: string, props: Props, g: Graph = graph()): ZoneCount => zonesOfType({ type, props, deps: {} }, g);

describe("placements the input holds but cannot read", () => {
    it("a subnet id the stack does not declare is undetermined, not a second zone", () => {
        const c = count(GROUP, { vpcZoneIdentifiers: ["subnet-a", "subnet-0123456789abcdef0"] });
        assert.deepStrictEqual([c.zones, c.atMost, zoneVerdict(c, 2)], [1, 2, "undetermined"]);
        assert.deepStrictEqual(c.unreadable, ["vpcZoneIdentifiers: subnet-0123456789abcdef0 (no subnet of the stack)"]);
        // twice the same undeclared id is one subnet: at most one zone
        assert.strictEqual(zoneVerdict(count(GROUP, { vpcZoneIdentifiers: ["subnet-x", "subnet-x"] }), 2), "violated");
    });
    it("a secret entry is one entry; a secret list any number of them", () => {
        const entry = count(GROUP, { vpcZoneIdentifiers: ["subnet-a", "[secret]"] });
        assert.deepStrictEqual([entry.zones, entry.atMost, entry.unreadable], [1, 2, ["vpcZoneIdentifiers (a secret)"]]);
        const whole = count(GROUP, { vpcZoneIdentifiers: "[secret]" });
        assert.deepStrictEqual([whole.zones, whole.atMost, zoneVerdict(whole, 2)], [0, Number.POSITIVE_INFINITY, "undetermined"]);
        // two secret entries are never one zone "[secret]": both undetermined
        assert.strictEqual(zoneVerdict(count(GROUP, { vpcZoneIdentifiers: ["[secret]", "[secret]"] }), 2), "undetermined");
    });
    it("a value that is no id is undetermined, not skipped", () => {
        const c = count(GROUP, { vpcZoneIdentifiers: ["subnet-a", { id: "subnet-b" }] });
        assert.deepStrictEqual([c.zones, c.atMost, c.unreadable], [1, 2, ["vpcZoneIdentifiers (an object, not an id)"]]);
    });
    it("a subnet whose zone input is a secret is undetermined; zone mappings with secret zone ids fall back to their vSwitch", () => {
        const c = count(GROUP, { vpcZoneIdentifiers: ["subnet-a", "subnet-s"] }, graph({ "urn:pulumi:t::p::aws:ec2/subnet:Subnet::s": { id: "subnet-s", availabilityZone: "[secret]" } }));
        assert.deepStrictEqual([c.zones, c.atMost, c.undetermined], [1, 2, ["s.availabilityZone (a secret)"]]);
        const alb = count(ALB, { zoneMappings: [{ zoneId: "[secret]", vswitchId: "subnet-a" }, { zoneId: "[secret]", vswitchId: "subnet-b" }] });
        assert.deepStrictEqual([alb.zones, zoneVerdict(alb, 2)], [2, "met"]);
    });
    it("declared subnets still count by their zones", () => {
        const c = count(GROUP, { vpcZoneIdentifiers: ["subnet-a", "subnet-b"] });
        assert.deepStrictEqual([c.zones, c.undetermined, c.unreadable], [2, [], undefined]);
    });
});
