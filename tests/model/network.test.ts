import * as assert from "assert";

import {
    allocateZoneSubnets,
    cidrsOverlap,
    formatCidr,
    ingressRules,
    parseCidr,
    planNat,
    planTranscoderSubnets,
    subnetOf,
} from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { NOW, rawConfig } from "../helpers";

describe("CIDR arithmetic", () => {
    const table: [string, string | null][] = [
        ["10.10.0.0/16", "10.10.0.0/16"],
        ["192.168.4.0/22", "192.168.4.0/22"],
        ["10.10.0.1/16", null],
        ["10.10.0.0/33", null],
        ["256.0.0.0/8", null],
        ["10.10.0.0", null],
    ];
    for (const [text, expected] of table) {
        it(`parses ${text} as ${expected ?? "invalid"}`, () => {
            const c = parseCidr(text);
            assert.strictEqual(c === null ? null : formatCidr(c), expected);
        });
    }

    it("detects overlap and adjacency", () => {
        const p = (t: string) => parseCidr(t) ?? assert.fail(t);
        assert.strictEqual(cidrsOverlap(p("10.0.0.0/16"), p("10.0.255.0/24")), true);
        assert.strictEqual(cidrsOverlap(p("10.0.0.0/16"), p("10.1.0.0/16")), false);
        assert.strictEqual(cidrsOverlap(p("10.0.0.0/8"), p("10.200.0.0/16")), true);
    });

    it("splits a network into indexed sub-networks and rejects out-of-range indexes", () => {
        const parent = parseCidr("10.10.0.0/16") ?? assert.fail();
        assert.strictEqual(formatCidr(subnetOf(parent, 20, 0)), "10.10.0.0/20");
        assert.strictEqual(formatCidr(subnetOf(parent, 20, 15)), "10.10.240.0/20");
        assert.throws(() => subnetOf(parent, 20, 16), /out of range/);
    });
});

describe("zone subnet allocation", () => {
    it("gives each zone a private and a public /20 of a /16, in zone order", () => {
        assert.deepStrictEqual(allocateZoneSubnets("10.10.0.0/16", ["us-east-1a", "us-east-1b"]), [
            { zone: "us-east-1a", zoneIndex: 0, tier: "private", cidr: "10.10.0.0/20" },
            { zone: "us-east-1a", zoneIndex: 0, tier: "public", cidr: "10.10.16.0/20" },
            { zone: "us-east-1b", zoneIndex: 1, tier: "private", cidr: "10.10.32.0/20" },
            { zone: "us-east-1b", zoneIndex: 1, tier: "public", cidr: "10.10.48.0/20" },
        ]);
    });

    it("keeps existing subnets where they are when a zone is added (a stack growing up)", () => {
        const one = allocateZoneSubnets("10.10.0.0/16", ["a1"]);
        const three = allocateZoneSubnets("10.10.0.0/16", ["a1", "b1", "c1"]);
        assert.deepStrictEqual(three.slice(0, one.length), one);
    });

    it("never overlaps within a region", () => {
        const subnets = allocateZoneSubnets("10.20.0.0/16", ["z1", "z2", "z3", "z4", "z5", "z6", "z7", "z8"]);
        const cidrs = subnets.map((s) => parseCidr(s.cidr) ?? assert.fail(s.cidr));
        cidrs.forEach((a, i) => cidrs.slice(i + 1).forEach((b) => assert.strictEqual(cidrsOverlap(a, b), false)));
        assert.throws(() => allocateZoneSubnets("10.20.0.0/16", ["1", "2", "3", "4", "5", "6", "7", "8", "9"]), /at most 8 zones/);
    });
});

describe("transcoder subnets (Alibaba Cloud)", () => {
    it("one per zone, in the zone's free public slot: overlapping no app vSwitch and moving none", () => {
        const zones = ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"];
        const subnets = allocateZoneSubnets("10.10.0.0/16", zones);
        const media = planTranscoderSubnets({ zones, subnets });
        assert.deepStrictEqual(media, [
            { zone: "cn-hangzhou-h", cidr: "10.10.16.0/20" },
            { zone: "cn-hangzhou-i", cidr: "10.10.48.0/20" },
            { zone: "cn-hangzhou-j", cidr: "10.10.80.0/20" },
        ]);
        const parsed = (c: string) => parseCidr(c) ?? assert.fail(c);
        for (const m of media) for (const app of subnets.filter((s) => s.tier === "private")) assert.ok(!cidrsOverlap(parsed(m.cidr), parsed(app.cidr)), `${m.cidr} overlaps ${app.cidr}`);
    });

    it("none in a one-zone region (ApsaraVideo Live ingests there, no transcoders)", () => {
        const zones = ["cn-hangzhou-h"];
        assert.deepStrictEqual(planTranscoderSubnets({ zones, subnets: allocateZoneSubnets("10.10.0.0/16", zones) }), []);
    });
});

describe("NAT strategy", () => {
    const zones = ["z1", "z2", "z3"];
    it("none: no gateway and no egress", () => {
        assert.deepStrictEqual(planNat("none", zones), { gatewayZones: [], egressVia: { z1: null, z2: null, z3: null } });
    });
    it("single: one gateway in the first zone carries every zone", () => {
        assert.deepStrictEqual(planNat("single", zones), { gatewayZones: ["z1"], egressVia: { z1: "z1", z2: "z1", z3: "z1" } });
    });
    it("perZone: each zone egresses through its own gateway", () => {
        assert.deepStrictEqual(planNat("perZone", zones), { gatewayZones: zones, egressVia: { z1: "z1", z2: "z2", z3: "z3" } });
    });
});

describe("security rules", () => {
    it("opens only HTTPS/HTTP to the world, the app port to the load balancer, data ports to the app tier", () => {
        const rules = ingressRules(resolveSpec(rawConfig("growth", "aws"), { now: NOW }));
        const world = rules.filter((r) => r.source.kind === "cidr" && r.source.cidr === "0.0.0.0/0");
        assert.deepStrictEqual(world.map((r) => [r.role, r.fromPort]), [["lb", 443], ["lb", 80]]);
        assert.deepStrictEqual(
            rules.filter((r) => r.role === "data").map((r) => [r.fromPort, r.toPort, r.source]),
            [
                [3306, 3306, { kind: "role", role: "app" }],
                [6379, 6379, { kind: "role", role: "app" }],
                [9092, 9094, { kind: "role", role: "app" }],
            ],
        );
        assert.ok(!rules.some((r) => r.fromPort === 22), "no SSH without adminCidrs");
    });

    it("opens SSH only to the configured operator networks, and Kafka only with a queue", () => {
        const rules = ingressRules(resolveSpec(rawConfig("startup", "aws", { adminCidrs: ["203.0.113.0/24"] }), { now: NOW }));
        assert.deepStrictEqual(
            rules.filter((r) => r.fromPort === 22).map((r) => r.source),
            [{ kind: "cidr", cidr: "203.0.113.0/24" }],
        );
        assert.ok(!rules.some((r) => r.fromPort === 9092), "startup has no queue");
    });
});
