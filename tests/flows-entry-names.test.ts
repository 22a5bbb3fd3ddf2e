// The names clients call, on Alibaba Cloud (settings filled in, tests/support/filled.ts): the GTM
// access name the operator's CNAME record points at is the one the GTM instance answers; the
// WebSocket entry is the name the stack serves, whatever the case or wildcard of the rule's Host
// values; the CDN domain's sources are matched to the load balancers by DNS name without case, and
// a source that names none of them is named at the CDN domain.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list, record } from "../policies/lib/values";
import { Mutate, assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";

const GTM = "alicloud:dns/gtmInstance:GtmInstance";
const STACK = "pulumi:pulumi:Stack";
const RULE = "alicloud:alb/rule:Rule";
const CDN = "alicloud:cdn/domainNew:DomainNew";
const API = `api.${FILLED_DOMAIN}`;
const ACCESS = `gtm.${FILLED_DOMAIN}`;

/** The GTM hop of a request flow's entry: the check names the flow's entry (`entry`) and the access name. */
const recordHop = (entry: string) => `${entry}: ${API} is a CNAME to GTM's access name (publicRr.publicZoneName), the stack output steering.accessName (a record the operator sets in the domain's DNS)`;
const ENTRY = { order: "the API name reaches lc-cn-shanghai-lb-alb", interaction: "the edge carries WebSocket" } as const;

/** The stack output steering with `over` merged in. */
const steeringOutput =
    (over: Record<string, unknown>): Mutate =>
    (r) => ({ ...r, outputs: { ...r.outputs, steering: { ...record(r.outputs?.steering), ...over } } });

/** The rule's Host condition values replaced by `values`. */
const hostValues =
    (values: readonly string[]): Mutate =>
    (r) => ({ ...r, inputs: { ...r.inputs, ruleConditions: list(r.inputs.ruleConditions).map((c) => (isRecord(c) && c.type === "Host" ? { ...c, hostConfig: { values } } : c)) } });

/** The CDN domain's source naming `region`'s ALB with its content replaced by `content(old)`. */
const sourceOf =
    (region: string, content: (old: string) => string, type?: string): Mutate =>
    (r) => ({ ...r, inputs: { ...r.inputs, sources: list(r.inputs.sources).map((s) => (isRecord(s) && String(s.content).includes(`.${region}.`) ? { ...s, content: content(String(s.content)), ...(type === undefined ? {} : { type }) } : s)) } });

const withoutHost: Mutate = (r) => ({ ...r, inputs: { ...r.inputs, ruleConditions: list(r.inputs.ruleConditions).filter((c) => !(isRecord(c) && c.type === "Host")) } });

describe("the names clients call (Alibaba Cloud)", function () {
    this.timeout(600_000);
    let resources: readonly FlowResource[];
    before(async () => {
        resources = (await filledPlan("mature-alicloud")).resources;
    });

    it(`mature-alicloud: the operator's record ${API} -> ${ACCESS} is listed, and GTM answers ${ACCESS} (publicRr gtm, publicZoneName ${FILLED_DOMAIN})`, () => {
        const gtm = resources.find((r) => r.type === GTM) ?? assert.fail("no GTM instance");
        assert.deepStrictEqual([gtm.inputs.publicRr, gtm.inputs.publicZoneName], ["gtm", FILLED_DOMAIN]);
        const f = flowOf(analyzeFlows(resources), "order", "cn-shanghai");
        assert.deepStrictEqual([f.status, f.operatorLinks], ["connected", [`the CNAME record ${API} -> ${ACCESS} (stack output steering.accessName) in the domain's DNS`]]);
    });

    for (const [key, entry] of Object.entries(ENTRY)) {
        it(`mature-alicloud ${key} cn-shanghai: GTM's publicRr changed (the output unchanged) breaks at lc-steering-gtm: GTM no longer answers the name the record points at`, () => {
            assertBreaksAt(resources, {
                flow: key,
                region: "cn-shanghai",
                link: "publicRr gtm2",
                type: GTM,
                nameEnds: "steering-gtm",
                mutate: (r) => ({ ...r, inputs: { ...r.inputs, publicRr: "gtm2" } }),
                hop: recordHop(entry),
                resource: "lc-steering-gtm",
                exactly: {
                    hop: recordHop(entry),
                    reason: `lc-steering-gtm answers the access name gtm2.${FILLED_DOMAIN} (publicRr.publicZoneName), but the stack output steering.accessName tells the operator to point ${API} at ${ACCESS}: GTM does not answer that name, so ${key === "order" ? "order" : "WebSocket"} clients calling ${API} never reach GTM`,
                },
            });
        });
    }

    it("mature-alicloud order cn-hangzhou: the output steering.accessName naming another domain breaks at lc-steering-gtm", () => {
        assertBreaksAt(resources, {
            flow: "order",
            region: "cn-hangzhou",
            link: "accessName elsewhere",
            type: STACK,
            nameEnds: "mature-alicloud",
            mutate: steeringOutput({ accessName: "gtm.elsewhere.example.com" }),
            hop: recordHop("the API name reaches lc-cn-hangzhou-lb-alb"),
            resource: "lc-steering-gtm",
            exactly: {
                hop: recordHop("the API name reaches lc-cn-hangzhou-lb-alb"),
                reason: `lc-steering-gtm answers the access name ${ACCESS} (publicRr.publicZoneName), but the stack output steering.accessName tells the operator to point ${API} at gtm.elsewhere.example.com: GTM does not answer that name, so order clients calling ${API} never reach GTM`,
            },
        });
    });

    it(`mature-alicloud order cn-hangzhou: GTM answering www.${FILLED_DOMAIN} while the output steering names ${API} breaks at lc-steering-gtm on the name GTM answers`, () => {
        const f = flowOf(analyzeFlows(breakLink(resources, GTM, "steering-gtm", (r) => ({ ...r, inputs: { ...r.inputs, publicUserDomainName: `www.${FILLED_DOMAIN}` } }))), "order", "cn-hangzhou");
        assert.deepStrictEqual([f.status, f.broken?.hop, f.broken?.reason], [
            "broken",
            `the API name reaches lc-cn-hangzhou-lb-alb: GTM answers ${API}`,
            `lc-steering-gtm answers www.${FILLED_DOMAIN}, not ${API}, and no stack output resolves ${API} to lc-cn-hangzhou-lb-alb: order clients reach no region`,
        ]);
    });

    it("mature-alicloud: publicCnameMode SYSTEM_ASSIGN (GTM's own access name, publicRr ignored) breaks at lc-steering-gtm", () => {
        const f = flowOf(analyzeFlows(breakLink(resources, GTM, "steering-gtm", (r) => ({ ...r, inputs: { ...r.inputs, publicCnameMode: "SYSTEM_ASSIGN" } }))), "hot-products", "cn-hangzhou");
        assert.deepStrictEqual([f.status, f.broken?.hop, f.broken?.reason], [
            "broken",
            recordHop("the API name reaches lc-cn-hangzhou-lb-alb"),
            "lc-steering-gtm's publicCnameMode is SYSTEM_ASSIGN: GTM assigns its own access name (publicRr and publicZoneName are ignored), a name no stack output gives; set publicCnameMode CUSTOM",
        ]);
    });

    it("mature-alicloud: the output's access name in another case (and with the root dot) is the same DNS name: connected, the record listed as output", () => {
        const flows = analyzeFlows(breakLink(resources, STACK, "mature-alicloud", steeringOutput({ accessName: `GTM.Shop.Live-Commerce.CN.` })));
        const f = flowOf(flows, "interaction", "cn-hangzhou");
        assert.deepStrictEqual([f.status, f.operatorLinks], ["connected", [`the CNAME record ${API} -> GTM.Shop.Live-Commerce.CN. (stack output steering.accessName) in the domain's DNS`]]);
    });

    it(`mature-alicloud order cn-shanghai: the served name with the root dot (steering.hostname ${API}.) is the name the /order rule's Host condition takes (RFC 1034): connected`, () => {
        const f = flowOf(analyzeFlows(breakLink(resources, STACK, "mature-alicloud", steeringOutput({ hostname: `${API}.` }))), "order", "cn-shanghai");
        assert.deepStrictEqual([f.status, f.broken?.reason], ["connected", undefined]);
    });

    it(`mature-alicloud interaction cn-shanghai: a /ws rule's Host value with the root dot (${API}.) takes ${API}: connected`, () => {
        const f = flowOf(analyzeFlows(breakLink(resources, RULE, "cn-shanghai-lb-rule-ws", hostValues([`${API}.`]))), "interaction", "cn-shanghai");
        assert.deepStrictEqual([f.status, f.broken?.reason], ["connected", undefined]);
    });

    // ALB Host conditions: exact or wildcard match with * and ? ("Configure domain name-based and URL-based forwarding rules for ALB"), without case (RFC 4343).
    for (const [what, region, values] of [
        ["a wildcard", "cn-shanghai", [`*.${FILLED_DOMAIN}`]],
        ["another case", "cn-shanghai", ["API.Shop.Live-Commerce.cn"]],
        ["another case (outside the residency boundary)", "ap-southeast-1", [`API-AP-SOUTHEAST-1.${FILLED_DOMAIN}`]],
    ] as const) {
        it(`mature-alicloud interaction ${region}: the /ws rule's Host value in ${what} still takes the name the stack serves: connected, entered by that name`, () => {
            const before = flowOf(analyzeFlows(resources), "interaction", region);
            const after = flowOf(analyzeFlows(breakLink(resources, RULE, `${region}-lb-rule-ws`, hostValues(values))), "interaction", region);
            assert.deepStrictEqual([after.status, after.broken?.reason], ["connected", undefined]);
            assert.deepStrictEqual(after.hops.map((h) => h.check), before.hops.map((h) => h.check), "the same hops: the entry is the served name, not the rule's Host value");
        });
    }

    it("mature-alicloud interaction cn-shanghai: a /ws rule whose Host value takes another name leaves the served name out: broken, not at GTM", () => {
        const f = flowOf(analyzeFlows(breakLink(resources, RULE, "cn-shanghai-lb-rule-ws", hostValues([`ws.${FILLED_DOMAIN}`]))), "interaction", "cn-shanghai");
        assert.strictEqual(f.status, "broken");
        const on = resources.find((r) => r.urn === f.broken?.urn)?.name;
        assert.ok(on === "lc-cn-shanghai-lb-https" || on === "lc-cn-shanghai-lb-rule-ws", `broken on ${on}: ${f.broken?.hop}: ${f.broken?.reason}`);
    });

    it("mature-alicloud viewer cn-shanghai: the CDN source naming Shanghai's ALB in upper case is that ALB (DNS names without case): entered through the CDN, origin kept", () => {
        const f = flowOf(analyzeFlows(breakLink(resources, CDN, "cdn-domain", sourceOf("cn-shanghai", (c) => c.toUpperCase()))), "viewer", "cn-shanghai");
        assert.strictEqual(f.status, "connected");
        assert.ok(f.hops.some((h) => h.resource === "lc-cdn-domain" && h.check === `origin -> lc-cn-shanghai-lb-alb:443 (Host = ${FILLED_DOMAIN})` && h.ok === true), f.hops.map((h) => h.check).join("; "));
    });

    it("mature-alicloud viewer cn-shanghai: the CDN source naming Shanghai's ALB with the root dot is that ALB (RFC 1034): entered through the CDN, origin kept", () => {
        const f = flowOf(analyzeFlows(breakLink(resources, CDN, "cdn-domain", sourceOf("cn-shanghai", (c) => `${c}.`))), "viewer", "cn-shanghai");
        assert.strictEqual(f.status, "connected", `${f.broken?.hop}: ${f.broken?.reason}`);
        assert.ok(f.hops.some((h) => h.resource === "lc-cdn-domain" && h.check === `origin -> lc-cn-shanghai-lb-alb:443 (Host = ${FILLED_DOMAIN})` && h.ok === true), f.hops.map((h) => h.check).join("; "));
    });

    it("mature-alicloud order cn-shanghai: with its CDN source in upper case, the /order rule without a Host condition is still caught at \"orders posted to\" on lc-cdn-domain", () => {
        const upper = breakLink(resources, CDN, "cdn-domain", sourceOf("cn-shanghai", (c) => c.toUpperCase()));
        assertBreaksAt(upper, { flow: "order", region: "cn-shanghai", link: "no Host condition", type: RULE, nameEnds: "cn-shanghai-lb-rule-order", mutate: withoutHost, hop: "orders posted to", resource: "lc-cdn-domain" });
    });

    for (const [what, content, type] of [
        ["a host of no load balancer of the stack", "origin.example.com", "domain"],
        ["an IP address (an ALB has none of its own)", "47.100.1.2", "ipaddr"],
    ] as const) {
        it(`mature-alicloud: a CDN source naming ${what} breaks the viewer flow at lc-cdn-domain, naming it`, () => {
            assertBreaksAt(resources, {
                flow: "viewer",
                region: "cn-hangzhou",
                link: `source ${content}`,
                type: CDN,
                nameEnds: "cdn-domain",
                mutate: sourceOf("cn-shanghai", () => content, type),
                hop: "every source of lc-cdn-domain is a load balancer of the stack",
                resource: "lc-cdn-domain",
                exactly: {
                    hop: "every source of lc-cdn-domain is a load balancer of the stack",
                    reason: `lc-cdn-domain's source ${content} (${type}) names no load balancer of the stack (DNS names compared without case): the CDN sends requests for ${FILLED_DOMAIN} to it, and every request when it is the one source left, to an origin whose routes, certificate and residency the stack does not declare; point each source at a region's ALB DNS name`,
                },
            });
        });
    }

    it("growth-aws viewer us-east-1: a CloudFront origin naming the ALB in upper case is that ALB (DNS names without case): connected", async () => {
        const aws = (await filledPlan("growth-aws")).resources;
        const upper: Mutate = (r) => ({ ...r, inputs: { ...r.inputs, origins: list(r.inputs.origins).map((o) => (isRecord(o) && typeof o.domainName === "string" && o.domainName.includes(".elb.") ? { ...o, domainName: o.domainName.toUpperCase() } : o)) } });
        const f = flowOf(analyzeFlows(breakLink(aws, "aws:cloudfront/distribution:Distribution", "distribution", upper)), "viewer", "us-east-1");
        assert.deepStrictEqual([f.status, f.broken?.reason], ["connected", undefined]);
    });

    it("mature-alicloud order cn-hangzhou (entered by GTM, not the CDN): a stray CDN source is still named at lc-cdn-domain, as orders posted to the CDN domain may reach it", () => {
        const f = flowOf(analyzeFlows(breakLink(resources, CDN, "cdn-domain", sourceOf("cn-shanghai", () => "origin.example.com"))), "order", "cn-hangzhou");
        assert.deepStrictEqual([f.status, f.broken?.hop, resources.find((r) => r.urn === f.broken?.urn)?.name], ["broken", "every source of lc-cdn-domain is a load balancer of the stack", "lc-cdn-domain"]);
    });
});
