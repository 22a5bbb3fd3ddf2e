// The network slice of both clouds, recorded by running the real program under mocks.

import * as assert from "assert";

import { Plan, PlannedResource, planStack } from "../tools/lib/record";
import { rawConfig, stackDir, stackFile } from "./helpers";
import { shippedPlan } from "./support/shipped";

const ofType = (plan: Plan, type: string): PlannedResource[] => plan.resources.filter((r) => r.type === type);
const tag = (r: PlannedResource, key: string): unknown => {
    const tags = r.inputs.tags;
    return typeof tags === "object" && tags !== null && !Array.isArray(tags) ? Object.entries(tags).find(([k]) => k === key)?.[1] : undefined;
};
const byName = (plan: Plan, name: string): PlannedResource => plan.resources.find((r) => r.name === name) ?? assert.fail(`no resource ${name}`);

describe("Alibaba Cloud network", function () {
    let growth: Plan;
    let startup: Plan;
    before(async () => {
        growth = await shippedPlan("growth-alicloud");
        startup = await shippedPlan("startup-alicloud");
    });

    it("growth: one VPC, an app vSwitch and a transcoders' vSwitch per zone with the allocated CIDRs", () => {
        assert.strictEqual(ofType(growth, "alicloud:vpc/network:Network").length, 1);
        assert.deepStrictEqual(
            ofType(growth, "alicloud:vpc/switch:Switch").map((v) => [v.name, v.inputs.zoneId, v.inputs.cidrBlock]),
            [
                ["lc-cn-hangzhou-network-vsw-cn-hangzhou-h", "cn-hangzhou-h", "10.10.0.0/20"],
                ["lc-cn-hangzhou-network-vsw-cn-hangzhou-i", "cn-hangzhou-i", "10.10.32.0/20"],
                // each zone's second slot (the public tier on AWS), outside the data tier's whitelists
                ["lc-cn-hangzhou-network-vsw-media-cn-hangzhou-h", "cn-hangzhou-h", "10.10.16.0/20"],
                ["lc-cn-hangzhou-network-vsw-media-cn-hangzhou-i", "cn-hangzhou-i", "10.10.48.0/20"],
            ],
        );
        const vpc = ofType(growth, "alicloud:vpc/network:Network")[0];
        assert.strictEqual(vpc.inputs.cidrBlock, "10.10.0.0/16");
    });

    it("growth (perZone NAT): a NAT gateway, EIP and association per zone; a SNAT entry per vSwitch, on its zone's gateway", () => {
        for (const type of ["alicloud:vpc/natGateway:NatGateway", "alicloud:ecs/eipAddress:EipAddress", "alicloud:ecs/eipAssociation:EipAssociation"]) {
            assert.strictEqual(ofType(growth, type).length, 2, type);
        }
        assert.deepStrictEqual(ofType(growth, "alicloud:vpc/snatEntry:SnatEntry").map((e) => e.name).sort(), [
            "lc-cn-hangzhou-network-snat-cn-hangzhou-h",
            "lc-cn-hangzhou-network-snat-cn-hangzhou-i",
            "lc-cn-hangzhou-network-snat-media-cn-hangzhou-h",
            "lc-cn-hangzhou-network-snat-media-cn-hangzhou-i",
        ]);
        const media = byName(growth, "lc-cn-hangzhou-network-snat-media-cn-hangzhou-i");
        assert.strictEqual(media.inputs.sourceVswitchId, byName(growth, "lc-cn-hangzhou-network-vsw-media-cn-hangzhou-i").id);
        assert.strictEqual(media.inputs.snatTableId, byName(growth, "lc-cn-hangzhou-network-snat-cn-hangzhou-i").inputs.snatTableId, "the zone's own gateway");
        // both vSwitches of a zone share its route table
        const tableOf = (v: string) => ofType(growth, "alicloud:vpc/routeTableAttachment:RouteTableAttachment").find((a) => a.inputs.vswitchId === byName(growth, v).id)?.inputs.routeTableId;
        assert.strictEqual(tableOf("lc-cn-hangzhou-network-vsw-media-cn-hangzhou-i"), byName(growth, "lc-cn-hangzhou-network-rt-cn-hangzhou-i").id);
        assert.strictEqual(tableOf("lc-cn-hangzhou-network-vsw-cn-hangzhou-i"), byName(growth, "lc-cn-hangzhou-network-rt-cn-hangzhou-i").id);
        const snatH = byName(growth, "lc-cn-hangzhou-network-snat-cn-hangzhou-h");
        const vswH = byName(growth, "lc-cn-hangzhou-network-vsw-cn-hangzhou-h");
        assert.ok(typeof snatH.inputs.sourceVswitchId === "string" && vswH.urn.endsWith("vsw-cn-hangzhou-h"));
        const assoc = ofType(growth, "alicloud:ecs/eipAssociation:EipAssociation")[0];
        assert.strictEqual(assoc.inputs.instanceType, "Nat");
    });

    it("startup (single NAT): one gateway in the first zone whose SNAT covers both zones", () => {
        const nats = ofType(startup, "alicloud:vpc/natGateway:NatGateway");
        assert.deepStrictEqual(nats.map((n) => n.name), ["lc-cn-hangzhou-network-nat-cn-hangzhou-h"]);
        // the app and the transcoders' vSwitch of each zone
        assert.strictEqual(ofType(startup, "alicloud:vpc/snatEntry:SnatEntry").length, 4);
        assert.strictEqual(ofType(startup, "alicloud:vpc/switch:Switch").length, 4);
        assert.strictEqual(new Set(ofType(startup, "alicloud:vpc/snatEntry:SnatEntry").map((e) => e.inputs.snatTableId)).size, 1, "all on the one gateway");
    });

    it("security groups: only 443 and 80 from the internet, app port from the vSwitches, data ports from the app group", () => {
        // The network's own groups; the video tier's ingest group is tested with the video layer.
        const rules = ofType(growth, "alicloud:ecs/securityGroupRule:SecurityGroupRule").filter((r) => r.name.includes("-network-"));
        const world = rules.filter((r) => r.inputs.cidrIp === "0.0.0.0/0").map((r) => r.inputs.portRange);
        assert.deepStrictEqual(world.sort(), ["443/443", "80/80"]);
        assert.deepStrictEqual(
            rules.filter((r) => r.inputs.portRange === "8080/8080").map((r) => r.inputs.cidrIp),
            ["10.10.0.0/20", "10.10.32.0/20"],
        );
        const data = rules.filter((r) => typeof r.inputs.sourceSecurityGroupId === "string").map((r) => r.inputs.portRange);
        assert.deepStrictEqual(data.sort(), ["3306/3306", "6379/6379", "9092/9094"]);
        assert.ok(rules.every((r) => r.inputs.type === "ingress" && r.inputs.policy === "accept"));
    });

    it("every cloud resource uses the region's explicit provider", () => {
        const provider = ofType(growth, "pulumi:providers:alicloud");
        assert.strictEqual(provider.length, 1);
        assert.strictEqual(provider[0].inputs.region, "cn-hangzhou");
        const custom = growth.resources.filter((r) => r.custom && r.type.startsWith("alicloud:"));
        assert.ok(custom.length > 0);
        for (const r of custom) assert.ok(r.provider?.startsWith(provider[0].urn), `${r.name} uses ${r.provider}`);
    });
});

describe("AWS network", function () {
    let growth: Plan;
    let mature: Plan;
    before(async () => {
        growth = await shippedPlan("growth-aws");
        mature = await shippedPlan("mature-aws");
    });

    it("growth: a public and a private subnet per AZ, none mapping public IPs", () => {
        const subnets = ofType(growth, "aws:ec2/subnet:Subnet");
        assert.deepStrictEqual(
            subnets.map((s) => [s.inputs.availabilityZone, s.inputs.cidrBlock, tag(s, "tier")]),
            [
                ["us-east-1a", "10.10.0.0/20", "private"],
                ["us-east-1b", "10.10.32.0/20", "private"],
                ["us-east-1a", "10.10.16.0/20", "public"],
                ["us-east-1b", "10.10.48.0/20", "public"],
            ],
        );
        assert.ok(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false));
    });

    it("growth (perZone NAT): each private route table's default route goes to its own zone's NAT gateway", () => {
        const nats = ofType(growth, "aws:ec2/natGateway:NatGateway");
        assert.strictEqual(nats.length, 2);
        const natIdOf = (zone: string): unknown => byName(growth, `lc-us-east-1-network-nat-${zone}`).urn;
        assert.ok(natIdOf("us-east-1a") !== natIdOf("us-east-1b"));
        const routes = ofType(growth, "aws:ec2/route:Route").filter((r) => r.name.includes("private"));
        assert.strictEqual(routes.length, 2);
        assert.strictEqual(new Set(routes.map((r) => r.inputs.natGatewayId)).size, 2);
        assert.ok(routes.every((r) => r.inputs.destinationCidrBlock === "0.0.0.0/0"));
        const publicDefault = byName(growth, "lc-us-east-1-network-rt-public-default");
        assert.ok(typeof publicDefault.inputs.gatewayId === "string" && publicDefault.inputs.gatewayId.startsWith("igw-"));
    });

    it("security groups: the app port only from the lb group, data ports only from the app group", () => {
        const rules = ofType(growth, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.deepStrictEqual(
            rules.filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0").map((r) => r.inputs.fromPort).sort(),
            [443, 80],
        );
        const lbGroupId = rules.find((r) => r.name.endsWith("sg-app-8080-from-lb"))?.inputs.referencedSecurityGroupId;
        assert.ok(typeof lbGroupId === "string" && lbGroupId.startsWith("sg-"));
        assert.deepStrictEqual(
            rules.filter((r) => r.name.includes("-sg-data-")).map((r) => [r.inputs.fromPort, r.inputs.toPort]),
            [
                [3306, 3306],
                [6379, 6379],
                [9092, 9094],
            ],
        );
    });

    it("mature: a network in each region, each under that region's own provider", () => {
        const providers = ofType(mature, "pulumi:providers:aws");
        assert.deepStrictEqual(providers.map((p) => p.inputs.region).sort(), ["us-east-1", "us-west-2"]);
        const vpcs = ofType(mature, "aws:ec2/vpc:Vpc");
        assert.deepStrictEqual(vpcs.map((v) => v.inputs.cidrBlock), ["10.10.0.0/16", "10.20.0.0/16"]);
        for (const vpc of vpcs) {
            const region = vpc.name.includes("us-west-2") ? "us-west-2" : "us-east-1";
            const provider = providers.find((p) => p.inputs.region === region) ?? assert.fail(region);
            assert.ok(vpc.provider?.startsWith(provider.urn), `${vpc.name} uses ${vpc.provider}`);
        }
        assert.strictEqual(ofType(mature, "aws:ec2/subnet:Subnet").length, 12);
        assert.strictEqual(ofType(mature, "aws:ec2/natGateway:NatGateway").length, 6);
    });
});

describe("NAT strategy in a stack file", () => {
    it("none: no NAT gateway, no EIP and no default route for private subnets", async () => {
        const dir = stackDir({ "egress-free": stackFile(rawConfig("growth", "aws", { natStrategy: "none" })) });
        const plan = await planStack("egress-free", dir);
        assert.strictEqual(ofType(plan, "aws:ec2/natGateway:NatGateway").length, 0);
        assert.strictEqual(ofType(plan, "aws:ec2/eip:Eip").length, 0);
        assert.ok(!ofType(plan, "aws:ec2/route:Route").some((r) => r.name.includes("private")));
        assert.strictEqual(ofType(plan, "aws:ec2/routeTableAssociation:RouteTableAssociation").length, 4);
    });

    it("single on a two-zone Alibaba Cloud stack: one gateway, every vSwitch (app and transcoders') SNATs through it", async () => {
        const dir = stackDir({ shared: stackFile(rawConfig("growth", "alicloud", { natStrategy: "single" })) });
        const plan = await planStack("shared", dir);
        assert.strictEqual(ofType(plan, "alicloud:vpc/natGateway:NatGateway").length, 1);
        const snat = ofType(plan, "alicloud:vpc/snatEntry:SnatEntry");
        assert.strictEqual(snat.length, 4);
        assert.strictEqual(new Set(snat.map((s) => s.inputs.snatTableId)).size, 1);
    });
});
