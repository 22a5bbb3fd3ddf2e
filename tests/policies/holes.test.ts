// Holes the rules used to have: address ranges judged by what they cover, every place a property
// can live, matching within the same cluster.

import * as assert from "assert";

import { POLICIES } from "../../policies/all";
import { addressRange, addressRanges, publicAddressCount, tooWide, worldCovered } from "../../policies/lib/network";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
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
        // ::/1 holds the IPv4-mapped block ::ffff:0:0/96: every IPv4 address too
        assert.deepStrictEqual(worldCovered(["::/1", "8000::/1"]), [4, 6]);
        assert.deepStrictEqual(worldCovered(["8000::/1", "::/1"].slice(0, 1)), []);
    });
    it("two rules of one group that add up to the internet on SSH are one violation", async () => {
        const rule = (name: string, cidr: string): EvalResource => ({ ...res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: cidr, securityGroupId: "sg-1" }, name) });
        const vs = await violations(policy("sec-security-group-forbid-world-sensitive-ports"), [rule("a", "0.0.0.0/1"), rule("b", "128.0.0.0/1")]);
        assert.deepStrictEqual(vs.map((v) => v.message), ["Ingress admits the whole internet (0.0.0.0/1, 128.0.0.0/1 over 2 rules) on port(s) 22."]);
        const otherGroup = { ...rule("b", "128.0.0.0/1"), inputs: { ...rule("b", "128.0.0.0/1").inputs, securityGroupId: "sg-2" } };
        // in two unattached groups the halves do not add up; each is still too wide alone
        assert.deepStrictEqual((await violations(policy("sec-security-group-forbid-world-sensitive-ports"), [rule("a", "0.0.0.0/1"), otherGroup])).map((v) => v.message), [
            "Ingress admits 2,092,957,696 public IPv4 addresses, more than one /16 (0.0.0.0/1) on port(s) 22.",
            "Ingress admits 1,877,737,472 public IPv4 addresses, more than one /16 (128.0.0.0/1) on port(s) 22.",
        ]);
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

describe("too wide: public addresses admitted together, over every rule reaching a resource", () => {
    const SG = "sec-security-group-forbid-world-sensitive-ports";
    const group = (name: string): EvalResource => res("aws:ec2/securityGroup:SecurityGroup", { name }, name);
    const ssh = (name: string, g: EvalResource, cidr: string): EvalResource => ({
        ...res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, [cidr.includes(":") ? "cidrIpv6" : "cidrIpv4"]: cidr, securityGroupId: UNKNOWN_STRING }, name),
        propertyDependencies: { securityGroupId: [g.urn] },
    });
    const instance = (groups: readonly EvalResource[]): EvalResource => ({ ...res("aws:ec2/instance:Instance", { vpcSecurityGroupIds: groups.map(() => UNKNOWN_STRING) }, "vm"), propertyDependencies: { vpcSecurityGroupIds: groups.map((g) => g.urn) } });

    it("IPv4-mapped IPv6 is IPv4: ::ffff:0.0.0.0/96 and ::/64 admit every IPv4 address", () => {
        assert.deepStrictEqual(addressRanges("::ffff:0.0.0.0/96").map((r) => r.version), [6, 4]);
        assert.deepStrictEqual(worldCovered(["::ffff:0.0.0.0/96"]), [4]);
        assert.deepStrictEqual(worldCovered(["::/64"]), [4]);
        assert.deepStrictEqual(addressRange("::ffff:10.1.2.3"), { version: 6, first: (0xffffn << 32n) | 0x0a010203n, last: (0xffffn << 32n) | 0x0a010203n });
    });
    it("counts public addresses only: private, shared and loopback space is not the internet", () => {
        assert.deepStrictEqual(publicAddressCount(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fd00::/8"].flatMap(addressRanges)), { 4: 0n, 6: 0n });
        assert.strictEqual(publicAddressCount(addressRanges("8.0.0.0/16"))[4], 65536n);
    });
    it("a public range wider than one /16 is too wide alone; a /16 is not; the limit is the policy's config", () => {
        assert.deepStrictEqual(tooWide(["0.0.0.0/1"]).map((w) => [w.version, w.world]), [[4, false]]);
        assert.deepStrictEqual(tooWide(["8.0.0.0/16"]), []);
        assert.deepStrictEqual(tooWide(["8.0.0.0/16", "9.0.0.0/17"]).map((w) => w.publicAddresses), [98304n]);
        assert.deepStrictEqual(tooWide(["2001:db8::/47"]).map((w) => w.version), [6]);
        assert.deepStrictEqual(tooWide(["8.0.0.0/16", "9.0.0.0/17"], { 4: 8, 6: 48 }), []);
    });
    it("a single 0.0.0.0/1 on SSH is a violation", async () => {
        const g = group("sg");
        const vs = await violations(policy(SG), [g, ssh("half", g, "0.0.0.0/1")]);
        assert.deepStrictEqual(vs.map((v) => v.message), ["Ingress admits 2,092,957,696 public IPv4 addresses, more than one /16 (0.0.0.0/1) on port(s) 22."]);
    });
    it("two groups attached to one instance are judged together; unattached, each alone", async () => {
        const a = group("sg-a");
        const b = group("sg-b");
        const rules = [ssh("a", a, "8.0.0.0/16"), ssh("b", b, "9.0.0.0/17")];
        assert.deepStrictEqual(await violations(policy(SG), [a, b, ...rules]), []);
        const vs = await violations(policy(SG), [a, b, ...rules, instance([a, b])]);
        assert.deepStrictEqual(vs.map((v) => v.message), ["Ingress admits 98,304 public IPv4 addresses, more than one /16 (8.0.0.0/16, 9.0.0.0/17 over 2 rules, reaching vm through 2 security groups) on port(s) 22."]);
    });
    it("a minPublicPrefixIpv4 of 8 lets a /16 and a /17 through", async () => {
        const a = group("sg-a");
        const b = group("sg-b");
        assert.deepStrictEqual(await violations(policy(SG), [a, b, ssh("a", a, "8.0.0.0/16"), ssh("b", b, "9.0.0.0/17"), instance([a, b])], "growth", { [SG]: { minPublicPrefixIpv4: 8 } }), []);
    });
    it("a rule whose group is unknown and resolved by no dependency cannot be judged until created: advisory, naming the rule and property", async () => {
        const a = group("sg-a");
        const orphan: EvalResource = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "8.0.0.0/16", securityGroupId: UNKNOWN_STRING }, "orphan");
        const resources = [a, ssh("a", a, "9.0.0.0/17"), orphan];
        assert.deepStrictEqual(await violations(policy(SG), resources), []);
        const listed = await violations(policy("ha-stack-cannot-judge-from-input"), resources);
        assert.deepStrictEqual(listed.map((v) => [v.enforcement, v.urn, v.message]), [[
            "advisory",
            orphan.urn,
            "sec-security-group-forbid-world-sensitive-ports: the addresses orphan admits to admin and data ports, together with the other rules of its security group, cannot be judged until created: securityGroupId is not known before the resources exist and no known input resolves it.",
        ]]);
        // a rule that admits only private addresses needs no group to be judged
        const privateOnly = { ...orphan, inputs: { ...orphan.inputs, cidrIpv4: "10.0.0.0/8" } };
        assert.deepStrictEqual(await violations(policy("ha-stack-cannot-judge-from-input"), [a, privateOnly]), []);
    });
    it("a resource whose security groups are unknown and resolved by no dependency is listed when some rule admits public addresses on a sensitive port", async () => {
        const a = group("sg-a");
        const vm = res("aws:ec2/instance:Instance", { vpcSecurityGroupIds: [UNKNOWN_STRING] }, "vm");
        const listed = async (rs: readonly EvalResource[]) => (await violations(policy("ha-stack-cannot-judge-from-input"), rs)).map((v) => v.urn);
        assert.deepStrictEqual(await listed([a, ssh("a", a, "203.0.113.0/24"), vm]), [vm.urn]);
        assert.deepStrictEqual(await listed([a, ssh("a", a, "10.0.0.0/8"), vm]), []);
    });
    it("a prefix list of the stack is read for its CIDRs; an unknown one resolved by nothing is listed", async () => {
        const a = group("sg-a");
        const pl = res("aws:ec2/managedPrefixList:ManagedPrefixList", { name: "ops", addressFamily: "IPv4", maxEntries: 2, entries: [{ cidr: "0.0.0.0/0" }] }, "pl");
        const viaList: EvalResource = { ...res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, prefixListId: UNKNOWN_STRING, securityGroupId: UNKNOWN_STRING }, "via-list"), propertyDependencies: { securityGroupId: [a.urn], prefixListId: [pl.urn] } };
        assert.deepStrictEqual((await violations(policy(SG), [a, pl, viaList])).map((v) => v.message), ["Ingress admits the whole internet (0.0.0.0/0) on port(s) 22."]);
        const unresolved = { ...viaList, propertyDependencies: { securityGroupId: [a.urn] } };
        assert.deepStrictEqual(await violations(policy(SG), [a, unresolved]), []);
        assert.deepStrictEqual((await violations(policy("ha-stack-cannot-judge-from-input"), [a, unresolved])).map((v) => v.urn), [unresolved.urn]);
    });
    it("adminCidrs wider than one public /16 together are a config error", () => {
        const spec = resolveSpec(rawConfig("startup", "aws", {}), { now: NOW });
        assert.deepStrictEqual(checkAdminCidrs({ ...spec, adminCidrs: ["0.0.0.0/1"] }), [
            "adminCidrs: 0.0.0.0/1 together admit 2,092,957,696 public IPv4 addresses, more than one /16 to administrative ports; allowed: networks of your operators, together at most one /16 of public addresses, e.g. 203.0.113.0/24",
        ]);
        assert.deepStrictEqual(checkAdminCidrs({ ...spec, adminCidrs: ["10.0.0.0/8", "203.0.113.0/24"] }), []);
    });
    it("PolarDB whitelists are one whitelist: securityIps and a group that each stay within the limit admit too much together", async () => {
        const pc = res("alicloud:polardb/cluster:Cluster", { dbType: "MySQL", dbVersion: "8.0", dbNodeClass: "polar.mysql.x4.large", securityIps: ["8.0.0.0/16"], dbClusterIpArrays: [{ dbClusterIpArrayName: "ops", securityIps: ["9.0.0.0/17"] }] }, "pc");
        assert.deepStrictEqual((await violations(policy("sec-data-store-forbid-public-access"), [pc])).map((v) => v.message), ["PolarDB cluster whitelists (securityIps, dbClusterIpArrays ops) admit 98,304 public IPv4 addresses, more than one /16."]);
    });
});
