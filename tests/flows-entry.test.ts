// Where each request flow enters, on the plans with settings filled in: the walk's entry (the
// first hop of the flow) is the entry the availability estimate counts for that region's users, in
// every shipped stack; on Alibaba Cloud with CDN standby sources in other regions orders enter by
// the API name only (GTM inside the residency boundary, api-<region> outside) and the /order rule
// refuses the CDN domain.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list } from "../policies/lib/values";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { listStacks } from "../tools/lib/stackfiles";
import { Mutate, assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan, filledStacksDir } from "./support/filled";

const RULE = "alicloud:alb/rule:Rule";
const ALB = "alicloud:alb/loadBalancer:LoadBalancer";
const STRATEGY = "alicloud:dns/accessStrategy:AccessStrategy";
const CDN_TYPES = ["alicloud:cdn/domainNew:DomainNew", "aws:cloudfront/distribution:Distribution"];
const STEERING_TYPES = ["alicloud:dns/gtmInstance:GtmInstance", "aws:route53/record:Record"];

/** The resource type a URN names (`urn:pulumi:<stack>::<project>::<parent types $>type::<name>`). */
function typeOfUrn(urn: string): string {
    const types = urn.split("::")[2] ?? "";
    return types.split("$").pop() ?? "";
}

/** The kind of entry a hop's resource is: the CDN, the DNS steering, or straight at the load balancer by its name. */
function entryKind(urn: string): "cdn" | "steering" | "direct" {
    const type = typeOfUrn(urn);
    return CDN_TYPES.includes(type) ? "cdn" : STEERING_TYPES.includes(type) ? "steering" : "direct";
}

/** The Host condition values of a region's rule for `path`. */
function hostValues(resources: readonly FlowResource[], region: string, path: string): string[] {
    const rule = resources.find((r) => r.type === RULE && r.name.startsWith(`lc-${region}-`) && list(r.inputs.ruleConditions).some((c) => isRecord(c) && c.type === "Path" && list(isRecord(c.pathConfig) ? c.pathConfig.values : []).includes(path)));
    assert.ok(rule !== undefined, `a ${path} rule in ${region}`);
    return list(rule.inputs.ruleConditions)
        .filter(isRecord)
        .filter((c) => c.type === "Host")
        .flatMap((c) => list(isRecord(c.hostConfig) ? c.hostConfig.values : []).map(String));
}

/** The rule without its Host condition. */
const withoutHost: Mutate = (r) => ({ ...r, inputs: { ...r.inputs, ruleConditions: list(r.inputs.ruleConditions).filter((c) => !(isRecord(c) && c.type === "Host")) } });

describe("each request flow's entry", function () {
    this.timeout(600_000);

    for (const stack of listStacks()) {
        it(`${stack}: the availability estimate counts each region's users through the entry the flow walk takes`, async () => {
            const plan = await checkPlan(await filledPlan(stack));
            const flows = analyzeFlows(plan.resources).filter((f) => ["viewer", "interaction", "order", "hot-products"].includes(f.key));
            assert.ok(flows.length > 0);
            const mismatches = flows.flatMap((f) => {
                const estimate = plan.availability.flows.find((e) => e.key === f.key) ?? assert.fail(`no availability of ${f.key}`);
                // A region the walk does not enter through the CDN (no source of it): its CDN viewers are counted with the origins' regions, never in a group of its own.
                if (f.hops.length === 1 && /its region is not entered through the CDN/.test(f.hops[0]?.check ?? "")) {
                    return estimate.groups.some((g) => f.region !== null && g.regions.includes(f.region)) ? [`${f.key} ${f.region}: not entered through the CDN, counted in a group`] : [];
                }
                const group = estimate.groups.find((g) => f.region !== null && g.regions.includes(f.region)) ?? assert.fail(`no group of ${f.region} in ${f.key}`);
                const counted = group.entry === null ? "direct" : group.entry.tier === "cdn" ? "cdn" : "steering";
                const walked = entryKind(f.hops[0]?.urn ?? "");
                return counted === walked ? [] : [`${f.key} ${f.region}: walked ${walked} (${f.hops[0]?.resource}), counted ${counted}`];
            });
            assert.deepStrictEqual(mismatches, []);
        });
    }

    it("mature-alicloud: the /order rule takes only the region's API name (the CDN's standby sources span regions); growth-alicloud's takes any host", async () => {
        const mature = (await filledPlan("mature-alicloud")).resources;
        assert.deepStrictEqual(
            ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"].map((r) => hostValues(mature, r, "/order")),
            [[`api.${FILLED_DOMAIN}`], [`api.${FILLED_DOMAIN}`], [`api-ap-southeast-1.${FILLED_DOMAIN}`]],
        );
        assert.deepStrictEqual(hostValues((await filledPlan("growth-alicloud")).resources, "cn-hangzhou", "/order"), [], "one CDN source: orders may use the CDN domain");
    });

    it("mature-alicloud: orders and hot products enter by GTM in the mainland and by api-ap-southeast-1 in Singapore; the viewer by the CDN", async () => {
        const flows = analyzeFlows((await filledPlan("mature-alicloud")).resources);
        const first = (key: string, region: string) => flowOf(flows, key, region).hops[0]?.resource;
        assert.deepStrictEqual(
            ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"].map((r) => [first("viewer", r), first("order", r), first("hot-products", r)]),
            [
                ["lc-cdn-domain", "lc-steering-gtm", "lc-steering-gtm"],
                ["lc-cdn-domain", "lc-steering-gtm", "lc-steering-gtm"],
                ["lc-cdn-domain", "lc-ap-southeast-1-lb-alb", "lc-ap-southeast-1-lb-alb"],
            ],
        );
        const growth = analyzeFlows((await filledPlan("growth-alicloud")).resources);
        assert.strictEqual(flowOf(growth, "order", "cn-hangzhou").hops[0]?.resource, "lc-cdn-domain", "growth: one region, orders through the CDN");
    });

    // The CDN domain's sources: the mainland regions' ALBs.
    for (const region of ["cn-hangzhou", "cn-shanghai"]) {
        it(`mature-alicloud order ${region}: the /order rule without its Host condition is caught at "orders posted to" on lc-cdn-domain`, async () => {
            assertBreaksAt((await filledPlan("mature-alicloud")).resources, { flow: "order", region, link: "no Host condition", type: RULE, nameEnds: `${region}-lb-rule-order`, mutate: withoutHost, hop: "orders posted to", resource: "lc-cdn-domain" });
        });
    }

    it(`mature-alicloud order ap-southeast-1: Singapore's ALB is no source of the CDN domain, so its /order rule without a Host condition takes no order posted to ${FILLED_DOMAIN}: connected`, async () => {
        const f = flowOf(analyzeFlows(breakLink((await filledPlan("mature-alicloud")).resources, RULE, "ap-southeast-1-lb-rule-order", withoutHost)), "order", "ap-southeast-1");
        assert.deepStrictEqual([f.status, f.broken?.hop], ["connected", undefined], `${f.broken?.hop}: ${f.broken?.reason}`);
        assert.ok(f.hops.some((h) => h.resource === "lc-cdn-domain" && h.check.startsWith(`orders posted to ${FILLED_DOMAIN} never reach lc-ap-southeast-1-lb-alb: it is no source of lc-cdn-domain`) && h.ok === true), "the hop says why no refusal is judged");
    });

    it("mature-alicloud order: the region's pool dropped from the access strategy's default pools is caught at \"the API name reaches\" on lc-steering-gtm", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const pool = resources.find((r) => r.type === "alicloud:dns/addressPool:AddressPool" && r.name === "lc-steering-pool-cn-shanghai") ?? assert.fail("no cn-shanghai pool");
        const dropPool: Mutate = (r) => ({ ...r, inputs: { ...r.inputs, defaultAddrPools: list(r.inputs.defaultAddrPools).filter((p) => !(isRecord(p) && p.addrPoolId === pool.id)) } });
        for (const key of ["order", "hot-products"]) assertBreaksAt(resources, { flow: key, region: "cn-shanghai", link: "pool dropped", type: STRATEGY, nameEnds: "steering-latency", mutate: dropPool, hop: "the API name reaches", resource: "lc-steering-gtm" });
        assert.strictEqual(flowOf(analyzeFlows(breakLink(resources, STRATEGY, "steering-latency", dropPool)), "order", "cn-hangzhou").status, "connected", "the other region's pool still served");
    });

    it("mature-alicloud order ap-southeast-1: the separate region's CNAME output removed is caught at \"the API name reaches\" on the region's ALB", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const stackResource = resources.find((r) => r.type === "pulumi:pulumi:Stack") ?? assert.fail("no stack resource");
        const outputs = stackResource.outputs ?? {};
        const wrong: Mutate = (r) => ({ ...r, outputs: { ...r.outputs, separateRegions: { "ap-southeast-1": { hostname: `api-ap-southeast-1.${FILLED_DOMAIN}`, cname: "alb-0000000000000000.ap-southeast-1.alb.aliyuncs.com" } } } });
        assert.ok(isRecord(outputs.separateRegions), "the plan outputs separateRegions");
        assertBreaksAt(resources, { flow: "order", region: "ap-southeast-1", link: "CNAME to another load balancer", type: "pulumi:pulumi:Stack", nameEnds: "mature-alicloud", mutate: wrong, hop: "the API name reaches", resource: "lc-ap-southeast-1-lb-alb" });
    });

    for (const [stack, secondaries] of [
        ["mature-alicloud", ["cn-shanghai", "ap-southeast-1"]],
        ["mature-aws", ["us-west-2"]],
    ] as const) {
        it(`${stack} with cdn.originFailover false: every request flow connected; ${secondaries.join(", ")} not entered through the CDN, whose viewers the first region serves`, async () => {
            const dir = filledStacksDir();
            try {
                const doc = yaml.load(fs.readFileSync(path.join(dir, `Pulumi.${stack}.yaml`), "utf8"));
                const config = isRecord(doc) && isRecord(doc.config) ? doc.config : {};
                fs.writeFileSync(path.join(dir, "Pulumi.x-nofail.yaml"), yaml.dump({ config: { ...config, "live-commerce:cdn": { originFailover: false } } }));
                const flows = analyzeFlows((await planStack("x-nofail", dir)).resources).filter((f) => ["viewer", "interaction", "order", "hot-products"].includes(f.key));
                assert.deepStrictEqual(flows.filter((f) => f.status !== "connected").map((f) => `${f.key} ${f.region}: ${f.broken?.hop} ${f.broken?.reason}`), []);
                for (const region of secondaries) {
                    const viewer = flowOf(flows, "viewer", region);
                    assert.deepStrictEqual([viewer.hops.length, entryKind(viewer.hops[0]?.urn ?? "")], [1, "cdn"], `${region}: one hop on the CDN`);
                    assert.match(viewer.hops[0]?.check ?? "", /is no (CDN|CloudFront) origin \(cdn\.originFailover false\)/);
                }
            } finally {
                fs.rmSync(dir, { recursive: true, force: true });
            }
        });
    }

    it("mature-alicloud: lc-cdn-domain's sources are the ALBs inside the residency boundary only; ap-southeast-1's viewer flow is not entered through it", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const cdn = resources.find((r) => r.type === CDN_TYPES[0] && r.name === "lc-cdn-domain") ?? assert.fail("no lc-cdn-domain");
        const albName = (content: unknown) => resources.find((r) => r.type === ALB && [r.outputs?.dnsName, r.inputs.dnsName].includes(content))?.name;
        assert.deepStrictEqual(
            list(cdn.inputs.sources).filter(isRecord).map((x) => [albName(x.content), x.priority]),
            [["lc-cn-hangzhou-lb-alb", 20], ["lc-cn-shanghai-lb-alb", 30]],
        );
        const viewer = flowOf(analyzeFlows(resources), "viewer", "ap-southeast-1");
        assert.deepStrictEqual([viewer.status, viewer.hops.length, viewer.hops[0]?.resource], ["connected", 1, "lc-cdn-domain"]);
        assert.match(viewer.hops[0]?.check ?? "", /lc-ap-southeast-1-lb-alb \(residency separate:ap-southeast-1\) is no CDN origin/);
    });

    it("mature-alicloud viewer: ap-southeast-1's ALB added back as a standby source of lc-cdn-domain is caught in every region at \"the CDN's sources stay inside\" on lc-cdn-domain", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const singapore = resources.find((r) => r.type === ALB && r.name === "lc-ap-southeast-1-lb-alb") ?? assert.fail("no ap-southeast-1 ALB");
        const addSource: Mutate = (r) => ({
            ...r,
            inputs: { ...r.inputs, sources: [...list(r.inputs.sources), { content: singapore.outputs?.dnsName, type: "domain", port: 443, priority: 30, weight: 10 }] },
            propertyDependencies: { ...r.propertyDependencies, sources: [...(r.propertyDependencies?.sources ?? []), singapore.urn] },
        });
        const broken = analyzeFlows(breakLink(resources, CDN_TYPES[0], "cdn-domain", addSource));
        for (const region of ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]) {
            const viewer = flowOf(broken, "viewer", region);
            assert.deepStrictEqual([viewer.status, viewer.broken?.hop.startsWith("the CDN's sources stay inside"), viewer.broken?.urn], ["broken", true, viewer.hops[0]?.urn], region);
            assert.match(viewer.broken?.reason ?? "", /lc-ap-southeast-1-lb-alb \(residency separate:ap-southeast-1\)|lc-cn-hangzhou-lb-alb \(residency mainland-china\)/, region);
        }
    });

    it("mature-alicloud order and hot-products cn-shanghai: the region's GTM pool pointed at another load balancer is caught at \"the API name reaches\" on lc-steering-gtm (not at the /order rule through the CDN)", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const elsewhere: Mutate = (r) => ({ ...r, inputs: { ...r.inputs, addresses: list(r.inputs.addresses).map((a) => (isRecord(a) ? { ...a, address: "alb-0000000000000000.cn-shanghai.alb.aliyuncs.com" } : a)) }, propertyDependencies: { ...r.propertyDependencies, addresses: [] } });
        const flows = analyzeFlows(breakLink(resources, "alicloud:dns/addressPool:AddressPool", "steering-pool-cn-shanghai", elsewhere));
        for (const key of ["order", "hot-products"]) {
            const f = flowOf(flows, key, "cn-shanghai");
            assert.deepStrictEqual([f.status, f.hops[0]?.resource, f.broken?.hop.startsWith("the API name reaches"), f.broken?.urn === f.hops[0]?.urn], ["broken", "lc-steering-gtm", true, true], `${key}: ${f.broken?.hop} ${f.broken?.reason}`);
            assert.match(f.broken?.reason ?? "", /no address pool of lc-steering-gtm holds lc-cn-shanghai-lb-alb/);
        }
        assert.strictEqual(flowOf(flows, "order", "cn-hangzhou").status, "connected", "the other region's pool still holds its ALB");
    });
});
