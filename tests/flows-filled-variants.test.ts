// mature-alicloud with its settings filled in and another compute tier (vm, serverless): where the
// CDN's standby sources span regions, an order posted to the CDN domain is refused by the ALB of each
// source region (compute vm registers the same app servers behind every route, so the default action
// would serve it; a region that is no source is sent nothing by the CDN and needs no refusal), and
// each region's SAE ingress routes its users' API on the region's own API name.

import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list } from "../policies/lib/values";
import { Plan, planStack } from "../tools/lib/record";
import { assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { FILLED_DOMAIN, filledStacksDir } from "./support/filled";

const RULE = "alicloud:alb/rule:Rule";
const INGRESS = "alicloud:sae/ingress:Ingress";
const REGIONS = ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"];

/** The filled mature-alicloud stack with `over` replacing its config keys (null drops one), planned. */
async function variant(name: string, over: Record<string, unknown>): Promise<Plan> {
    const dir = filledStacksDir();
    try {
        const doc = yaml.load(fs.readFileSync(path.join(dir, "Pulumi.mature-alicloud.yaml"), "utf8"));
        const config: Record<string, unknown> = { ...(isRecord(doc) && isRecord(doc.config) ? doc.config : {}) };
        for (const [key, value] of Object.entries(over)) {
            if (value === null) delete config[`live-commerce:${key}`];
            else config[`live-commerce:${key}`] = value;
        }
        fs.writeFileSync(path.join(dir, `Pulumi.${name}.yaml`), yaml.dump({ config }));
        return await planStack(name, dir);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** The conditions' values of a type (Path, Host) of an ALB rule. */
function conditionValues(rule: FlowResource, type: string): string[] {
    return list(rule.inputs.ruleConditions)
        .filter(isRecord)
        .filter((c) => c.type === type)
        .flatMap((c) => list(isRecord(c.pathConfig) ? c.pathConfig.values : isRecord(c.hostConfig) ? c.hostConfig.values : []).map(String));
}

describe("mature-alicloud with compute vm: orders posted to the CDN domain are refused", function () {
    this.timeout(600_000);
    let plan: Plan;
    before(async () => {
        plan = await variant("x-ma-vm", { compute: "vm", app: { imageId: "m-bp1filledappimage0" }, kubernetes: null });
    });

    it("every request flow is connected", () => {
        const flows = analyzeFlows(plan.resources).filter((f) => ["viewer", "interaction", "order", "hot-products"].includes(f.key));
        assert.deepStrictEqual(flows.filter((f) => f.status !== "connected").map((f) => `${f.key} ${f.region}: ${f.broken?.hop} ${f.broken?.reason}`), []);
    });

    it("order cn-shanghai: the order rule forwarding to the ws server group stays connected: every group registers the same app servers on the same port", () => {
        const ws = plan.resources.find((r) => r.name === "lc-cn-shanghai-lb-group-ws") ?? assert.fail("no ws server group");
        const toWs = (a: unknown) => (isRecord(a) && isRecord(a.forwardGroupConfig) ? { ...a, forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: ws.outputs?.id ?? ws.id }] } } : a);
        const f = flowOf(analyzeFlows(breakLink(plan.resources, RULE, "cn-shanghai-lb-rule-order", (r) => ({ ...r, inputs: { ...r.inputs, ruleActions: list(r.inputs.ruleActions).map(toWs) } }))), "order", "cn-shanghai");
        assert.deepStrictEqual([f.status, f.broken?.reason], ["connected", undefined]);
        assert.ok(f.hops.some((h) => h.resource === "lc-cn-shanghai-lb-group-ws" && h.ok === true), "the walk follows the ws server group");
    });

    it("each region's HTTPS listener has a rule on /order for any host, after the API name's, answering 421 Misdirected Request", () => {
        for (const region of REGIONS) {
            const rules = plan.resources.filter((r) => r.type === RULE && r.name.startsWith(`lc-${region}-lb-rule-order`));
            const byName = (suffix: string) => rules.find((r) => r.name === `lc-${region}-lb-rule-${suffix}`) ?? assert.fail(`no rule ${suffix} in ${region}`);
            const own = byName("order");
            const refusal = byName("order-other-hosts");
            const api = region === "ap-southeast-1" ? `api-ap-southeast-1.${FILLED_DOMAIN}` : `api.${FILLED_DOMAIN}`;
            assert.deepStrictEqual(
                [conditionValues(own, "Host"), own.inputs.priority, conditionValues(refusal, "Path"), conditionValues(refusal, "Host"), refusal.inputs.priority, refusal.inputs.ruleActions],
                [[api], 10, ["/order", "/order/*"], [], 11, [{ order: 1, type: "FixedResponse", fixedResponseConfig: { content: `Misdirected: send /order requests to https://${api}/order`, contentType: "text/plain", httpCode: "421" } }]],
                region,
            );
        }
    });

    // The CDN domain's sources: the mainland regions' ALBs (Singapore's is outside the residency boundary).
    for (const region of REGIONS.filter((r) => r !== "ap-southeast-1")) {
        it(`order ${region}: the refusing rule removed is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on the HTTPS listener (its default action forwards to the same app servers)`, () => {
            assertBreaksAt(plan.resources, {
                flow: "order",
                region,
                link: "refusing rule removed",
                type: RULE,
                nameEnds: `${region}-lb-rule-order-other-hosts`,
                mutate: () => null,
                hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
                resource: `lc-${region}-lb-https`,
                heldOn: `lc-${region}-lb-rule-order-other-hosts`,
            });
            const f = flowOf(analyzeFlows(plan.resources.filter((r) => r.name !== `lc-${region}-lb-rule-order-other-hosts`)), "order", region);
            assert.match(f.broken?.reason ?? "", new RegExp(`default action -> lc-${region}-lb-group-api, whose targets \\(lc-${region}-app-group:8080\\) also answer /order`));
        });
    }

    it(`order ap-southeast-1: Singapore's ALB is no source of the CDN domain, so the CDN sends it no order posted to ${FILLED_DOMAIN}: its refusing rule removed leaves the flow connected, and the hop says why`, () => {
        const f = flowOf(analyzeFlows(plan.resources.filter((r) => r.name !== "lc-ap-southeast-1-lb-rule-order-other-hosts")), "order", "ap-southeast-1");
        assert.deepStrictEqual([f.status, f.broken?.hop], ["connected", undefined], `${f.broken?.hop}: ${f.broken?.reason}`);
        const hop = f.hops.find((h) => h.resource === "lc-cdn-domain") ?? assert.fail("no hop on the CDN domain");
        assert.deepStrictEqual(
            { check: hop.check, ok: hop.ok },
            {
                check: `orders posted to ${FILLED_DOMAIN} never reach lc-ap-southeast-1-lb-alb: it is no source of lc-cdn-domain (its sources: lc-cn-hangzhou-lb-alb, lc-cn-shanghai-lb-alb), so the CDN sends it no request for ${FILLED_DOMAIN} and its /order rule needs no refusal of that host`,
                ok: true,
            },
        );
        assert.ok(!f.hops.some((h) => h.check.startsWith(`an order posted to ${FILLED_DOMAIN}/order is refused`)), "no refusal is judged where the CDN sends nothing");
    });

    it(`order ap-southeast-1: with Singapore's ALB made a source of the CDN domain, its refusing rule removed is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on the HTTPS listener`, () => {
        const alb = plan.resources.find((r) => r.name === "lc-ap-southeast-1-lb-alb") ?? assert.fail("no Singapore ALB");
        const dnsName = alb.outputs?.dnsName;
        assert.ok(typeof dnsName === "string", "the ALB's DNS name is planned");
        const sourced = plan.resources.map((r) => (r.name === "lc-cdn-domain" ? { ...r, inputs: { ...r.inputs, sources: [...list(r.inputs.sources), { content: dnsName, port: 443, priority: 40, type: "domain", weight: 10 }] } } : r));
        assertBreaksAt(sourced, {
            flow: "order",
            region: "ap-southeast-1",
            link: "refusing rule removed",
            type: RULE,
            nameEnds: "ap-southeast-1-lb-rule-order-other-hosts",
            mutate: () => null,
            hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
            resource: "lc-ap-southeast-1-lb-https",
            heldOn: "lc-ap-southeast-1-lb-rule-order-other-hosts",
        });
    });

    it(`order cn-hangzhou: the refusing rule cut to /order only is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on the HTTPS listener (POST ${FILLED_DOMAIN}/order/x takes the default action)`, () => {
        assertBreaksAt(plan.resources, {
            flow: "order",
            region: "cn-hangzhou",
            link: "refusing rule on /order only",
            type: RULE,
            nameEnds: "cn-hangzhou-lb-rule-order-other-hosts",
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, ruleConditions: [{ type: "Path", pathConfig: { values: ["/order"] } }] } }),
            hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
            resource: "lc-cn-hangzhou-lb-https",
            heldOn: "lc-cn-hangzhou-lb-rule-order-other-hosts",
        });
    });

    it(`order cn-hangzhou: the refusing rule answering 200 is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on that rule (the client is told the order was taken)`, () => {
        const link = {
            flow: "order",
            region: "cn-hangzhou",
            link: "refusing rule answering 200",
            type: RULE,
            nameEnds: "cn-hangzhou-lb-rule-order-other-hosts",
            mutate: (r: FlowResource): FlowResource => ({ ...r, inputs: { ...r.inputs, ruleActions: [{ order: 1, type: "FixedResponse", fixedResponseConfig: { content: "ok", contentType: "text/plain", httpCode: "200" } }] } }),
            hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
            resource: "lc-cn-hangzhou-lb-rule-order-other-hosts",
        };
        assertBreaksAt(plan.resources, link);
        const f = flowOf(analyzeFlows(plan.resources.map((r) => (r.name === "lc-cn-hangzhou-lb-rule-order-other-hosts" ? link.mutate(r) : r))), "order", "cn-hangzhou");
        assert.match(f.broken?.reason ?? "", /FixedResponse 200, not a 4xx refusal/);
    });

    it(`order cn-hangzhou: the refusing rule turned into a 302 redirect to the API name is caught on that rule (a POST may come back as a GET)`, () => {
        const link = {
            flow: "order",
            region: "cn-hangzhou",
            link: "refusing rule redirecting",
            type: RULE,
            nameEnds: "cn-hangzhou-lb-rule-order-other-hosts",
            mutate: (r: FlowResource): FlowResource => ({ ...r, inputs: { ...r.inputs, ruleActions: [{ order: 1, type: "Redirect", redirectConfig: { host: `api.${FILLED_DOMAIN}`, httpCode: "302" } }] } }),
            hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
            resource: "lc-cn-hangzhou-lb-rule-order-other-hosts",
        };
        assertBreaksAt(plan.resources, link);
        const f = flowOf(analyzeFlows(plan.resources.map((r) => (r.name === "lc-cn-hangzhou-lb-rule-order-other-hosts" ? link.mutate(r) : r))), "order", "cn-hangzhou");
        assert.match(f.broken?.reason ?? "", /with a Redirect, not a 4xx refusal/);
    });

    // Each link below leaves part of the route, or part of its methods, to the default action, whose app servers also answer /order.
    const refusalCuts: readonly { readonly link: string; readonly mutate: (r: FlowResource) => FlowResource; readonly reason: RegExp }[] = [
        {
            link: "the refusing rule's paths cut to /order and /order/? (one character): POST /order/<two or more> takes the default action",
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, ruleConditions: [{ type: "Path", pathConfig: { values: ["/order", "/order/?"] } }] } }),
            reason: new RegExp(`^POST ${FILLED_DOMAIN}/order/ misses the Host-restricted /order rule and takes lc-cn-hangzhou-lb-https's default action`),
        },
        {
            link: "the refusing rule given direction Response: it acts on the app servers' reply, after they wrote the order",
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, direction: "Response" } }),
            reason: new RegExp(`^POST ${FILLED_DOMAIN}/order misses the Host-restricted /order rule and takes lc-cn-hangzhou-lb-https's default action`),
        },
        {
            link: "the refusing rule limited to POST (a Method condition): GET, PUT, PATCH and DELETE of an order take the default action",
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, ruleConditions: [...list(r.inputs.ruleConditions), { type: "Method", methodConfig: { values: ["POST"] } }] } }),
            reason: new RegExp(`^GET ${FILLED_DOMAIN}/order misses the Host-restricted /order rule and takes lc-cn-hangzhou-lb-https's default action`),
        },
    ];
    for (const cut of refusalCuts) {
        it(`order cn-hangzhou: ${cut.link}, is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on the HTTPS listener`, () => {
            const link = {
                flow: "order",
                region: "cn-hangzhou",
                link: cut.link,
                type: RULE,
                nameEnds: "cn-hangzhou-lb-rule-order-other-hosts",
                mutate: cut.mutate,
                hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
                resource: "lc-cn-hangzhou-lb-https",
                heldOn: "lc-cn-hangzhou-lb-rule-order-other-hosts",
            };
            assertBreaksAt(plan.resources, link);
            const f = flowOf(analyzeFlows(plan.resources.map((r) => (r.name === "lc-cn-hangzhou-lb-rule-order-other-hosts" ? cut.mutate(r) : r))), "order", "cn-hangzhou");
            assert.match(f.broken?.reason ?? "", cut.reason);
        });
    }
});

describe("mature-alicloud with compute serverless: each region's SAE ingress routes its users' API on its own API name", function () {
    this.timeout(600_000);
    let plan: Plan;
    before(async () => {
        plan = await variant("x-ma-serverless", { compute: "serverless", kubernetes: { imageRegistry: "registry-vpc.cn-hangzhou.aliyuncs.com/live-commerce", saeInstanceWhitelist: true } });
    });

    it("every request flow is connected", () => {
        const flows = analyzeFlows(plan.resources).filter((f) => ["viewer", "interaction", "order", "hot-products"].includes(f.key));
        assert.deepStrictEqual(flows.filter((f) => f.status !== "connected").map((f) => `${f.key} ${f.region}: ${f.broken?.hop} ${f.broken?.reason}`), []);
    });

    it("/api/users takes the CDN domain and the region's API name: api.<domain> in the mainland, api-ap-southeast-1.<domain> in Singapore", () => {
        const domains = (region: string) => {
            const ingress = plan.resources.find((r) => r.type === INGRESS && r.name.startsWith(`lc-${region}-`)) ?? assert.fail(`no ingress in ${region}`);
            return [...new Set(list(ingress.inputs.rules).filter(isRecord).filter((r) => r.path === "/api/users").map((r) => String(r.domain)))];
        };
        assert.deepStrictEqual(REGIONS.map(domains), [
            [FILLED_DOMAIN, `api.${FILLED_DOMAIN}`],
            [FILLED_DOMAIN, `api.${FILLED_DOMAIN}`],
            [FILLED_DOMAIN, `api-ap-southeast-1.${FILLED_DOMAIN}`],
        ]);
    });

    it(`order cn-shanghai: the ingress's default rule sent to the order application is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on the ingress`, () => {
        const ingress = plan.resources.find((r) => r.type === INGRESS && r.name.startsWith("lc-cn-shanghai-")) ?? assert.fail("no ingress in cn-shanghai");
        const orderRule = list(ingress.inputs.rules).filter(isRecord).find((r) => r.path === "/order") ?? assert.fail("no /order rule");
        assertBreaksAt(plan.resources, {
            flow: "order",
            region: "cn-shanghai",
            link: "default rule to the order application",
            type: INGRESS,
            nameEnds: ingress.name.slice("lc-cn-shanghai-".length),
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, defaultRule: { appId: orderRule.appId, appName: orderRule.appName, containerPort: orderRule.containerPort } } }),
            hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
            resource: ingress.name,
        });
    });

    it(`order cn-shanghai: an ingress rule sending ${FILLED_DOMAIN}/order/* (not /order) to the order application is caught at "an order posted to ${FILLED_DOMAIN}/order is refused" on the ingress (every path of the route is judged)`, () => {
        const ingress = plan.resources.find((r) => r.type === INGRESS && r.name.startsWith("lc-cn-shanghai-")) ?? assert.fail("no ingress in cn-shanghai");
        const orderRule = list(ingress.inputs.rules).filter(isRecord).find((r) => r.path === "/order/*") ?? assert.fail("no /order/* rule");
        const order = plan.resources.find((r) => r.type === "alicloud:sae/application:Application" && r.name === "lc-cn-shanghai-sae-order") ?? assert.fail("no order application");
        assertBreaksAt(plan.resources, {
            flow: "order",
            region: "cn-shanghai",
            link: "an ingress rule for the CDN domain on /order/* to the order application",
            type: INGRESS,
            nameEnds: ingress.name.slice("lc-cn-shanghai-".length),
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, rules: [...list(r.inputs.rules), { ...orderRule, domain: FILLED_DOMAIN }] } }),
            hop: `an order posted to ${FILLED_DOMAIN}/order is refused`,
            resource: ingress.name,
            exactly: {
                hop: `an order posted to ${FILLED_DOMAIN}/order is refused, not served by the default action (every path: /order, /order/*)`,
                reason: `${FILLED_DOMAIN}/order/x takes the ingress rule ${FILLED_DOMAIN}/order/* to ${order.name}, the order application: orders posted to the CDN domain are written by whichever region the CDN sent them to`,
            },
        });
    });

    it("hot-products ap-southeast-1: Singapore's /api/users rules on api.<domain> instead of its own name are caught at \"api-ap-southeast-1.<domain>/api/users reaches\" on its ingress", () => {
        const ingress = plan.resources.find((r) => r.type === INGRESS && r.name.startsWith("lc-ap-southeast-1-")) ?? assert.fail("no ingress in ap-southeast-1");
        const own = `api-ap-southeast-1.${FILLED_DOMAIN}`;
        const before = flowOf(analyzeFlows(plan.resources), "hot-products", "ap-southeast-1");
        assert.ok(before.hops.some((h) => h.check.startsWith(`${own}/api/users reaches`) && h.ok === true), "the user API hop holds on the region's own name");
        assertBreaksAt(plan.resources, {
            flow: "hot-products",
            region: "ap-southeast-1",
            link: "user rules on the mainland's API name",
            type: INGRESS,
            nameEnds: ingress.name.slice("lc-ap-southeast-1-".length),
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, rules: list(r.inputs.rules).map((x) => (isRecord(x) && x.domain === own && String(x.path).startsWith("/api/users") ? { ...x, domain: `api.${FILLED_DOMAIN}` } : x)) } }),
            hop: `${own}/api/users reaches`,
            resource: ingress.name,
        });
    });
});
