// Holes the rules used to have: address ranges judged by what they cover, every place a property
// can live, matching within the same cluster.

import * as assert from "assert";

import { POLICIES } from "../../policies/all";
import { addressRange, worldCovered } from "../../policies/lib/network";
import { checkAdminCidrs } from "../../components/model/validate";
import { resolveSpec } from "../../components/profiles";
import { EvalResource } from "../../tools/lib/evaluate";
import { NOW, rawConfig } from "../helpers";
import { res, violations } from "./helpers";

const policy = (name: string) => {
    const p = POLICIES.find((x) => x.name === name);
    if (p === undefined) throw new Error(`no policy ${name}`);
    return p;
};

describe("address ranges are judged by coverage", () => {
    it("parses IPv4 and IPv6 ranges", () => {
        assert.deepStrictEqual(addressRange("10.0.0.0/8"), { version: 4, first: 0x0a000000n, last: 0x0affffffn });
        assert.deepStrictEqual(addressRange("::/0"), { version: 6, first: 0n, last: (1n << 128n) - 1n });
        assert.deepStrictEqual(addressRange("2001:db8::/32")?.first, 0x20010db8n << 96n);
        for (const bad of ["10.0.0.0/33", "300.0.0.0/8", "1.2.3/8", "x", "1::2::3/64"]) assert.strictEqual(addressRange(bad), undefined, bad);
    });
    it("0.0.0.0/1 + 128.0.0.0/1 cover the internet; 0.0.0.0/1 + 192.0.0.0/2 do not", () => {
        assert.deepStrictEqual(worldCovered(["0.0.0.0/1", "128.0.0.0/1"]), [4]);
        assert.deepStrictEqual(worldCovered(["0.0.0.0/1", "192.0.0.0/2"]), []);
        assert.deepStrictEqual(worldCovered(["::/1", "8000::/1"]), [6]);
    });
    it("two rules of one group that add up to the internet on SSH are one violation", async () => {
        const rule = (name: string, cidr: string): EvalResource => ({ ...res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: cidr, securityGroupId: "sg-1" }, name) });
        const vs = await violations(policy("sec-security-group-forbid-world-sensitive-ports"), [rule("a", "0.0.0.0/1"), rule("b", "128.0.0.0/1")]);
        assert.deepStrictEqual(vs.map((v) => v.message), ["Ingress admits the whole internet (0.0.0.0/1, 128.0.0.0/1 over 2 rules) on port(s) 22."]);
        const otherGroup = { ...rule("b", "128.0.0.0/1"), inputs: { ...rule("b", "128.0.0.0/1").inputs, securityGroupId: "sg-2" } };
        assert.deepStrictEqual(await violations(policy("sec-security-group-forbid-world-sensitive-ports"), [rule("a", "0.0.0.0/1"), otherGroup]), []);
    });
    it("alicloud rules and aws inline ingress are judged the same way", async () => {
        const ali = (name: string, cidr: string): EvalResource => res("alicloud:ecs/securityGroupRule:SecurityGroupRule", { type: "ingress", ipProtocol: "tcp", portRange: "3306/3306", cidrIp: cidr, securityGroupId: "sg-1" }, name);
        assert.strictEqual((await violations(policy("sec-security-group-forbid-world-sensitive-ports"), [ali("a", "0.0.0.0/1"), ali("b", "128.0.0.0/1")])).length, 1);
        const inline = res("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "tcp", fromPort: 6379, toPort: 6379, cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }] }, "sg");
        assert.strictEqual((await violations(policy("sec-security-group-forbid-world-sensitive-ports"), [inline])).length, 1);
    });
    it("a data store whitelist of 0.0.0.0/1,128.0.0.0/1 admits the internet", async () => {
        const redis = res("alicloud:kvstore/instance:Instance", { securityIps: ["0.0.0.0/1,128.0.0.0/1"] }, "redis");
        assert.strictEqual((await violations(policy("sec-data-store-forbid-public-access"), [redis])).length, 1);
    });
    it("adminCidrs that add up to the internet are a config error", () => {
        const spec = resolveSpec(rawConfig("startup", "aws", {}), { now: NOW });
        assert.deepStrictEqual(checkAdminCidrs({ ...spec, adminCidrs: ["0.0.0.0/1", "128.0.0.0/1"] }), ["adminCidrs: 0.0.0.0/1, 128.0.0.0/1 together cover the whole internet and open administrative ports to it; allowed: networks of your operators, e.g. 203.0.113.0/24"]);
        assert.deepStrictEqual(checkAdminCidrs({ ...spec, adminCidrs: ["203.0.113.0/24", "198.51.100.0/24"] }), []);
    });
});

describe("every place a property can live", () => {
    it("a PolarDB whitelist group (dbClusterIpArrays[].securityIps) open to the world is seen", async () => {
        const open = res("alicloud:polardb/cluster:Cluster", { dbType: "MySQL", dbVersion: "8.0", dbNodeClass: "polar.mysql.x4.large", dbClusterIpArrays: [{ dbClusterIpArrayName: "ops", securityIps: ["0.0.0.0/0"] }] }, "pc");
        assert.deepStrictEqual((await violations(policy("sec-data-store-forbid-public-access"), [open])).map((v) => v.message), ["PolarDB cluster whitelists (securityIps, dbClusterIpArrays ops) admit the whole IPv4 internet."]);
    });
});

describe("matching within the same cluster", () => {
    it("a PodDisruptionBudget of another cluster does not cover a Deployment", async () => {
        const provider = (region: string): EvalResource => ({ urn: `urn:pulumi:t::live-commerce::pulumi:providers:kubernetes::k8s-${region}`, type: "pulumi:providers:kubernetes", name: `k8s-${region}`, parent: null, custom: true, provider: null, inputs: {} });
        const on = (r: EvalResource, region: string): EvalResource => ({ ...r, provider: `${provider(region).urn}::id` });
        const labels = { app: "order" };
        const deployment = res("kubernetes:apps/v1:Deployment", { metadata: { namespace: "shop" }, spec: { replicas: 3, selector: { matchLabels: labels }, template: { metadata: { labels } } } }, "order");
        const pdb = res("kubernetes:policy/v1:PodDisruptionBudget", { metadata: { namespace: "shop" }, spec: { maxUnavailable: 1, selector: { matchLabels: labels } } }, "order-pdb");
        const pdbPolicy = policy("ha-k8s-deployment-require-pdb");
        const base = [provider("us-east-1"), provider("us-west-2")];
        assert.deepStrictEqual(await violations(pdbPolicy, [...base, on(deployment, "us-east-1"), on(pdb, "us-east-1")]), []);
        const vs = await violations(pdbPolicy, [...base, on(deployment, "us-east-1"), { ...on(pdb, "us-west-2"), urn: `${pdb.urn}-west` }]);
        assert.deepStrictEqual(vs.map((v) => v.urn), [deployment.urn]);
    });
});
