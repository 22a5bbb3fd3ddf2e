// How listener rules match a route's requests, on the filled shipped stacks: paths compare with
// case and hosts without; a rule covering only part of a route is met on that part (samplePaths
// reasons over the rules' patterns, not one sample per pattern); every weighted group of a forward
// and every path rewrite must keep the route's requests on the route's service; Alibaba Cloud
// Response-direction rules act on replies only and `~` regular expressions cannot be judged; SAE
// ingress rules overlapping a route have no documented order; listener rules sharing a priority are
// refused by both clouds (a conformance finding).

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource, at } from "../policies/flows/graph";
import { checkConformance } from "../policies/conformance";
import { isRecord, list } from "../policies/lib/values";
import { HopLink, assertBreaksAt, breakLink, flowOf, ruleLike } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";

const ALI_RULE = "alicloud:alb/rule:Rule";
const AWS_RULE = "aws:lb/listenerRule:ListenerRule";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";
const INGRESS = "alicloud:sae/ingress:Ingress";

function with_(r: FlowResource, inputs: Record<string, unknown>): FlowResource {
    return { ...r, inputs: { ...r.inputs, ...inputs } };
}

const awsFixed = [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "503" } }];
const aliFixed = [{ type: "FixedResponse", order: 1, fixedResponseConfig: { content: "closed", contentType: "text/plain", httpCode: "503" } }];
const aliPath = (values: readonly string[]) => [{ type: "Path", pathConfig: { values } }];
const awsPath = (values: readonly string[]) => [{ pathPattern: { values } }];

/** The distribution with a first ordered behaviour on /order/* (part of the order route): the default behaviour with `over`. */
function withOrderBehaviour(d: FlowResource, over: Record<string, unknown>): FlowResource {
    const base = isRecord(d.inputs.defaultCacheBehavior) ? d.inputs.defaultCacheBehavior : {};
    return with_(d, { orderedCacheBehaviors: [{ ...base, pathPattern: "/order/*", ...over }, ...list(d.inputs.orderedCacheBehaviors)] });
}

interface Case extends HopLink {
    readonly stack: string;
}

const CASES: readonly Case[] = [
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "a rule at priority 5 on /order/c* (any host), forwarding to the order group, made to answer 503: it takes part of the route only",
        type: AWS_RULE,
        nameEnds: "x-checkout",
        mutate: (r) => with_(r, { actions: awsFixed }),
        hop: "no rule ahead of lc-us-east-1-lb-rule-order answers",
        resource: "x-checkout",
        heldOn: "lc-us-east-1-lb-rule-order",
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "a rule at priority 5 on /order/c* (any host), forwarding to the order group, made to answer 503: it takes part of the route only",
        type: ALI_RULE,
        nameEnds: "x-checkout",
        mutate: (r) => with_(r, { ruleActions: aliFixed }),
        hop: "no rule ahead of lc-cn-hangzhou-lb-rule-order answers",
        resource: "x-checkout",
        heldOn: "lc-cn-hangzhou-lb-rule-order",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "a rule at priority 5 on /order/c* (any host), forwarding to the order group, given a url-rewrite to /healthz: it carries part of the route and is judged as the route's rule",
        type: AWS_RULE,
        nameEnds: "x-checkout",
        mutate: (r) => with_(r, { transforms: [{ type: "url-rewrite", urlRewriteConfig: { rewrite: { regex: "^/order/c(.*)$", replace: "/healthz" } } }] }),
        hop: "x-checkout's url-rewrite keeps requests on /order /order/*",
        resource: "x-checkout",
        held: "no rule ahead of lc-us-east-1-lb-rule-order answers",
        heldOn: "lc-us-east-1-lb-rule-order",
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "a rule at priority 5 on /order/c* (any host), forwarding to the order group, given a Rewrite to /healthz: it carries part of the route and is judged as the route's rule",
        type: ALI_RULE,
        nameEnds: "x-checkout",
        mutate: (r) => with_(r, { ruleActions: [{ type: "Rewrite", order: 1, rewriteConfig: { path: "/healthz" } }, ...list(r.inputs.ruleActions).filter(isRecord).map((a) => ({ ...a, order: 2 }))] }),
        hop: "x-checkout's Rewrite keeps requests on /order /order/*",
        resource: "x-checkout",
        held: "no rule ahead of lc-cn-hangzhou-lb-rule-order answers",
        heldOn: "lc-cn-hangzhou-lb-rule-order",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "the order rule written /Order, /Order/* (ELB path patterns are case-sensitive)",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: (r) => with_(r, { conditions: awsPath(["/Order", "/Order/*"]) }),
        // The only rule forwarding to the order target group is the route's: named with its pathPattern condition, not the listener.
        hop: "rule /order /order/* matches requests",
        resource: "lc-us-east-1-lb-rule-order",
        exactly: {
            hop: `rule /order /order/* matches requests for ${FILLED_DOMAIN}`,
            reason: `lc-us-east-1-lb-rule-order does not take POST ${FILLED_DOMAIN}/order: its pathPattern condition (/Order, /Order/*) does not match /order, so the request falls to lc-us-east-1-lb-https's default action -> lc-us-east-1-lb-tg-api, not lc-us-east-1-lb-tg-order`,
        },
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "the order rule written /Order, /Order/* (ALB paths match exactly)",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: (r) => with_(r, { ruleConditions: aliPath(["/Order", "/Order/*"]) }),
        // The only rule forwarding to the order server group is the route's: named with its Path condition, not the listener.
        hop: "rule /order /order/* matches requests",
        resource: "lc-cn-hangzhou-lb-rule-order",
        exactly: {
            hop: `rule /order /order/* matches requests for ${FILLED_DOMAIN}`,
            reason: `lc-cn-hangzhou-lb-rule-order does not take POST ${FILLED_DOMAIN}/order: its Path condition (/Order, /Order/*) does not match /order, so the request falls to lc-cn-hangzhou-lb-https's default action -> lc-cn-hangzhou-lb-group-api, not lc-cn-hangzhou-lb-group-order`,
        },
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "the order rule forwarding 50/50 to the order and WebSocket target groups",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: (r) => r,
        hop: "every weighted target group of lc-us-east-1-lb-rule-order serves the route",
        resource: "lc-us-east-1-lb-rule-order",
        held: "rule /order /order/* forwards",
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "the order rule forwarding 50/50 to the order and WebSocket server groups",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: (r) => r,
        hop: "every weighted server group of lc-cn-hangzhou-lb-rule-order serves the route",
        resource: "lc-cn-hangzhou-lb-rule-order",
        held: "rule /order /order/* forwards",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "the order rule's url-rewrite ^/order(.*)$ -> /healthz",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: (r) => with_(r, { transforms: [{ type: "url-rewrite", urlRewriteConfig: { rewrite: { regex: "^/order(.*)$", replace: "/healthz" } } }] }),
        hop: "lc-us-east-1-lb-rule-order's url-rewrite keeps requests on /order /order/*",
        resource: "lc-us-east-1-lb-rule-order",
        held: "rule /order /order/* forwards",
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "a Rewrite action to /healthz ahead of the order rule's ForwardGroup",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: (r) => with_(r, { ruleActions: [{ type: "Rewrite", order: 1, rewriteConfig: { path: "/healthz", host: "${host}", query: "${query}" } }, ...list(r.inputs.ruleActions).filter(isRecord).map((a) => ({ ...a, order: 2 }))] }),
        hop: "lc-cn-hangzhou-lb-rule-order's Rewrite keeps requests on /order /order/*",
        resource: "lc-cn-hangzhou-lb-rule-order",
        held: "rule /order /order/* forwards",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "a CloudFront behaviour /order/* allowing only GET and HEAD, ahead of the default behaviour",
        type: DISTRIBUTION,
        nameEnds: "lc-cdn-distribution",
        mutate: (d) => withOrderBehaviour(d, { allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] }),
        hop: "/order allows POST at the edge",
        resource: "lc-cdn-distribution",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "a CloudFront behaviour /order/* sending part of the route to another origin",
        type: DISTRIBUTION,
        nameEnds: "lc-cdn-distribution",
        mutate: (d) => withOrderBehaviour(with_(d, { origins: [...list(d.inputs.origins), { originId: "static-site", domainName: "static.live-commerce.cn" }] }), { targetOriginId: "static-site" }),
        hop: "origin -> lc-us-east-1-lb-alb",
        resource: "lc-cdn-distribution",
    },
];

/** The order rule of `region` forwarding half its requests to its own group and half to the /ws rule's. */
function splitOrderRule(resources: readonly FlowResource[], aws: boolean, region: string): FlowResource[] {
    const ws = resources.find((r) => r.name === `lc-${region}-lb-rule-ws`) ?? assert.fail("no ws rule");
    if (aws) {
        return breakLink(resources, AWS_RULE, `${region}-lb-rule-order`, (r) => with_(r, { actions: [{ type: "forward", forward: { targetGroups: [{ arn: at(r.inputs, "actions.0.targetGroupArn"), weight: 50 }, { arn: at(ws.inputs, "actions.0.targetGroupArn"), weight: 50 }] } }] }));
    }
    const tuple = (r: FlowResource) => {
        const t = at(r.inputs, "ruleActions.0.forwardGroupConfig.serverGroupTuples.0");
        return isRecord(t) ? t : {};
    };
    return breakLink(resources, ALI_RULE, `${region}-lb-rule-order`, (r) => with_(r, { ruleActions: [{ type: "ForwardGroup", order: 1, forwardGroupConfig: { serverGroupTuples: [{ ...tuple(r), weight: 50 }, { ...tuple(ws), weight: 50 }] } }] }));
}

describe("flows: listener rules match a route's requests as the clouds do", function () {
    this.timeout(600_000);
    for (const c of CASES) {
        it(`${c.stack} ${c.flow} ${c.region}: ${c.link} is caught at "${c.hop}" on ${c.resource}`, async () => {
            const plan = await filledPlan(c.stack);
            if (c.nameEnds === "x-checkout") {
                const aws = c.type === AWS_RULE;
                const checkout = ruleLike(plan.resources, `lc-${c.region}-lb-rule-order`, "x-checkout", aws ? { priority: 5, conditions: awsPath(["/order/c*"]) } : { priority: 5, ruleConditions: aliPath(["/order/c*"]) });
                assertBreaksAt([...plan.resources, checkout], c);
            } else if (c.hop.startsWith("every weighted")) {
                const split = splitOrderRule(plan.resources, c.stack.endsWith("aws"), c.region);
                assertBreaksAt(plan.resources, { ...c, mutate: (r) => split.find((x) => x.urn === r.urn) ?? r });
            } else assertBreaksAt(plan.resources, c);
        });
    }

    /** The request flows of `stack` stay connected with `rule` (a copy of the order rule with `inputs`) added. */
    async function staysConnected(stack: string, region: string, name: string, inputs: Record<string, unknown>): Promise<void> {
        const plan = await filledPlan(stack);
        const flows = analyzeFlows([...plan.resources, ruleLike(plan.resources, `lc-${region}-lb-rule-order`, name, inputs)]);
        for (const key of ["viewer", "interaction", "order"]) {
            const f = flowOf(flows, key, region);
            assert.deepStrictEqual([key, f.status], [key, "connected"], `${f.broken?.hop}: ${f.broken?.reason}`);
        }
    }

    it("growth-aws: a priority-1 rule on /ORDER*, /WS*, /API* answering 503 takes none of the lower-case routes: every request flow stays connected", () =>
        staysConnected("growth-aws", "us-east-1", "x-upper", { priority: 1, conditions: awsPath(["/ORDER*", "/WS*", "/API*"]), actions: awsFixed }));

    it("growth-alicloud: a Response-direction rule on /* answering 503 at priority 5 acts on replies only: every request flow stays connected", () =>
        staysConnected("growth-alicloud", "cn-hangzhou", "x-reply-503", { priority: 5, direction: "Response", ruleConditions: aliPath(["/*"]), ruleActions: aliFixed }));

    it("growth-alicloud: a `~` regular expression the plan cannot evaluate leaves the flow unknown at that rule, never connected or falsely broken", async () => {
        const plan = await filledPlan("growth-alicloud");
        const regexAhead = ruleLike(plan.resources, "lc-cn-hangzhou-lb-rule-order", "x-regex-503", { priority: 1, ruleConditions: aliPath(["~^/(ws|order)"]), ruleActions: aliFixed });
        const ahead = flowOf(analyzeFlows([...plan.resources, regexAhead]), "order", "cn-hangzhou");
        assert.strictEqual(ahead.status, "unknown");
        const hop = ahead.hops.find((h) => h.ok === null);
        assert.deepStrictEqual([hop?.resource, hop?.unknown, hop?.unevaluated], ["x-regex-503", "ruleConditions (Path regular expression ~^/(ws|order))", true]);
        const regexOwn = breakLink(plan.resources, ALI_RULE, "cn-hangzhou-lb-rule-order", (r) => with_(r, { ruleConditions: aliPath(["~^/order(/.*)?$"]) }));
        const own = flowOf(analyzeFlows(regexOwn), "order", "cn-hangzhou");
        assert.deepStrictEqual([own.status, own.hops.find((h) => h.ok === null)?.resource], ["unknown", "lc-cn-hangzhou-lb-rule-order"], `${own.broken?.hop}: ${own.broken?.reason}`);
    });

    it("growth-alicloud-serverless: an ingress rule for shop.<domain> on /* to the default application overlaps the order route: unknown at the ingress (SAE documents no order among its rules)", async () => {
        const plan = await filledPlan("growth-alicloud-serverless");
        const before = flowOf(analyzeFlows(plan.resources), "order", "cn-hangzhou");
        assert.strictEqual(before.status, "connected", `${before.broken?.hop}: ${before.broken?.reason}`);
        const overlapped = breakLink(plan.resources, INGRESS, "", (i) => {
            const d = isRecord(i.inputs.defaultRule) ? i.inputs.defaultRule : {};
            return with_(i, { rules: [{ appId: d.appId, appName: d.appName, backendProtocol: "http", containerPort: d.containerPort, domain: "shop.live-commerce.cn", path: "/*" }, ...list(i.inputs.rules)] });
        });
        const after = flowOf(analyzeFlows(overlapped), "order", "cn-hangzhou");
        const hop = after.hops.find((h) => h.ok === null);
        assert.strictEqual(after.status, "unknown", `${after.broken?.hop}: ${after.broken?.reason}`);
        assert.ok(hop?.check.startsWith("no other ingress rule takes shop.live-commerce.cn/order /order/*") && hop.resource.endsWith("ingress"), `${hop?.resource}: ${hop?.check}`);
        // The overlapping rules are literals of the plan: creating the resources does not settle them.
        assert.strictEqual(hop?.unevaluated, true);
    });

    for (const [stack, type, nameEnds, other] of [
        ["growth-aws", AWS_RULE, "us-east-1-lb-rule-ws", "lc-us-east-1-lb-rule-order"],
        ["growth-alicloud", ALI_RULE, "cn-hangzhou-lb-rule-ws", "lc-cn-hangzhou-lb-rule-order"],
    ] as const) {
        it(`${stack}: the /ws rule given the order rule's priority (10) is a conformance finding on its priority (the cloud refuses it)`, async () => {
            const plan = await filledPlan(stack);
            const asResources = (rs: readonly FlowResource[]) => rs.map((r) => ({ ...r, custom: true }));
            assert.deepStrictEqual(checkConformance(asResources(plan.resources)).filter((v) => v.property === "priority"), []);
            const clash = breakLink(plan.resources, type, nameEnds, (r) => with_(r, { priority: 10 }));
            const found = checkConformance(asResources(clash)).filter((v) => v.property === "priority");
            assert.deepStrictEqual(
                found.map((v) => [v.urn.split("::").pop(), v.value, v.rule]),
                [[`lc-${nameEnds}`, 10, `a priority no other rule of the listener has (${other} has 10)`]],
            );
        });
    }
});
