// The rule written for a route must take every request of the route: every name reaching the
// listener, every path of the route (one for each way the listener's patterns split it) and the
// flow's method. Where one of its conditions excludes a request, the flow breaks at that rule,
// naming the condition and what the request falls to (another rule, or the listener's default
// action, which is evaluated last), unless the rule that answers the request forwards to the
// route's own group: a route split into one rule per host, each forwarding to the route's group,
// is routed for every host, and each of those rules is judged as the route's rule is.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list } from "../policies/lib/values";
import { HopLink, assertBreaksAt, breakLink, flowOf, ruleLike } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";

const ALI_RULE = "alicloud:alb/rule:Rule";
const AWS_RULE = "aws:lb/listenerRule:ListenerRule";
const D = FILLED_DOMAIN;

function with_(r: FlowResource, inputs: Record<string, unknown>): FlowResource {
    return { ...r, inputs: { ...r.inputs, ...inputs } };
}

/** The AWS rule's conditions with its pathPattern values replaced and `extra` conditions added. */
const awsConditions = (r: FlowResource, paths: readonly string[] | undefined, extra: readonly Record<string, unknown>[] = []) =>
    with_(r, { conditions: [...list(r.inputs.conditions).map((c) => (paths !== undefined && isRecord(c) && isRecord(c.pathPattern) ? { pathPattern: { values: paths } } : c)), ...extra] });
/** The Alibaba Cloud rule's conditions with its Path values replaced and `extra` conditions added. */
const aliConditions = (r: FlowResource, paths: readonly string[] | undefined, extra: readonly Record<string, unknown>[] = []) =>
    with_(r, { ruleConditions: [...list(r.inputs.ruleConditions).map((c) => (paths !== undefined && isRecord(c) && c.type === "Path" ? { type: "Path", pathConfig: { values: paths } } : c)), ...extra] });

interface Case extends HopLink {
    readonly stack: string;
}

/**
 * The us-east-1 /ws rule of `stack` (named and tagged `group`, the listener's default action
 * forwarding to the `fallback` target group) with its path patterns in another case (/WS, /WS/*).
 */
function wsInAnotherCase(stack: string, group: string, fallback: string, link: string): Case {
    const rule = `lc-us-east-1-lb-rule-${group}`;
    return {
        stack,
        flow: "interaction",
        region: "us-east-1",
        link: `the WebSocket rule's path patterns in another case (/WS, /WS/*): ${link}`,
        type: AWS_RULE,
        nameEnds: `us-east-1-lb-rule-${group}`,
        mutate: (r) => awsConditions(r, ["/WS", "/WS/*"]),
        hop: "rule /ws /ws/* matches requests",
        resource: rule,
        exactly: {
            hop: `rule /ws /ws/* matches requests for ${D}`,
            reason: `${rule} does not take GET ${D}/ws: its pathPattern condition (/WS, /WS/*) does not match /ws, so the request falls to lc-us-east-1-lb-https's default action -> lc-us-east-1-lb-tg-${fallback}, not lc-us-east-1-lb-tg-${group}`,
        },
    };
}

const AWS_ORDER = "lc-us-east-1-lb-rule-order";
const ALI_ORDER = "lc-cn-hangzhou-lb-rule-order";

const CASES: readonly Case[] = [
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "the order rule's path patterns cut to /order: /order/<x> falls to the default action",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: (r) => awsConditions(r, ["/order"]),
        hop: "rule /order /order/* matches requests",
        resource: AWS_ORDER,
        exactly: {
            hop: `rule /order /order/* matches requests for ${D}`,
            reason: `${AWS_ORDER} does not take POST ${D}/order/x: its pathPattern condition (/order) does not match /order/x, so the request falls to lc-us-east-1-lb-https's default action -> lc-us-east-1-lb-tg-api, not lc-us-east-1-lb-tg-order`,
        },
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "the order rule's Path values cut to /order: /order/<x> falls to the default action",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: (r) => aliConditions(r, ["/order"]),
        hop: "rule /order /order/* matches requests",
        resource: ALI_ORDER,
        exactly: {
            hop: `rule /order /order/* matches requests for ${D}`,
            reason: `${ALI_ORDER} does not take POST ${D}/order/x: its Path condition (/order) does not match /order/x, so the request falls to lc-cn-hangzhou-lb-https's default action -> lc-cn-hangzhou-lb-group-api, not lc-cn-hangzhou-lb-group-order`,
        },
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "an httpRequestMethod condition GET on the order rule: an order (POST) falls to the default action",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: (r) => awsConditions(r, undefined, [{ httpRequestMethod: { values: ["GET"] } }]),
        hop: "rule /order /order/* matches requests",
        resource: AWS_ORDER,
        exactly: {
            hop: `rule /order /order/* matches requests for ${D}`,
            reason: `${AWS_ORDER} does not take POST ${D}/order: its httpRequestMethod condition (GET) excludes POST, so the request falls to lc-us-east-1-lb-https's default action -> lc-us-east-1-lb-tg-api, not lc-us-east-1-lb-tg-order`,
        },
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "a Method condition GET on the order rule: an order (POST) falls to the default action",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: (r) => aliConditions(r, undefined, [{ type: "Method", methodConfig: { values: ["GET"] } }]),
        hop: "rule /order /order/* matches requests",
        resource: ALI_ORDER,
        exactly: {
            hop: `rule /order /order/* matches requests for ${D}`,
            reason: `${ALI_ORDER} does not take POST ${D}/order: its Method condition (GET) excludes POST, so the request falls to lc-cn-hangzhou-lb-https's default action -> lc-cn-hangzhou-lb-group-api, not lc-cn-hangzhou-lb-group-order`,
        },
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "the order rule cut to /order while a rule behind it (priority 50) answers /order/* with a FixedResponse 503",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: (r) => aliConditions(r, ["/order"]),
        add: (resources) => [ruleLike(resources, ALI_ORDER, "x-closed", { priority: 50, ruleConditions: [{ type: "Path", pathConfig: { values: ["/order/*"] } }], ruleActions: [{ type: "FixedResponse", order: 1, fixedResponseConfig: { content: "closed", contentType: "text/plain", httpCode: "503" } }] })],
        hop: "rule /order /order/* matches requests",
        resource: ALI_ORDER,
        exactly: {
            hop: `rule /order /order/* matches requests for ${D}`,
            reason: `${ALI_ORDER} does not take POST ${D}/order/x: its Path condition (/order) does not match /order/x, so the request falls to x-closed (priority 50), a FixedResponse 503, not lc-cn-hangzhou-lb-group-order`,
        },
    },
    {
        stack: "mature-aws",
        flow: "order",
        region: "us-east-1",
        link: `the order route split per host, the rule for api.${D} (priority 12) forwarding to the api target group`,
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: (r) => awsConditions(r, undefined, [{ hostHeader: { values: [D] } }]),
        add: (resources) => {
            // The listener's default action forwards to the api target group.
            const listener = resources.find((x) => x.name === "lc-us-east-1-lb-https") ?? assert.fail("no HTTPS listener");
            return [ruleLike(resources, AWS_ORDER, "x-order-api", { priority: 12, conditions: [{ pathPattern: { values: ["/order", "/order/*"] } }, { hostHeader: { values: [`api.${D}`] } }], actions: listener.inputs.defaultActions })];
        },
        hop: "rule /order /order/* matches requests",
        resource: AWS_ORDER,
        exactly: {
            hop: `rule /order /order/* matches requests for ${D}, api.${D}`,
            reason: `${AWS_ORDER} does not take POST api.${D}/order: its hostHeader condition (${D}) does not match api.${D}, so the request falls to x-order-api (priority 12) -> lc-us-east-1-lb-tg-api, not lc-us-east-1-lb-tg-order`,
        },
    },
    // The /ws rule is found by the target group it forwards to, whether that group is tagged with
    // the route's name (ws) or, where the routes are named after the services (ECS), with its
    // service's (interaction; components/model ROUTE_SERVICE).
    wsInAnotherCase("growth-aws", "ws", "api", "the only rule forwarding to the ws target group misses /ws"),
    wsInAnotherCase("growth-aws-serverless", "interaction", "product", "the only rule forwarding to the target group tagged with the route's service (interaction) misses /ws"),
    {
        stack: "mature-alicloud",
        flow: "order",
        region: "cn-shanghai",
        link: "the order rule's Path values in another case (/Order, /Order/*): the off-host refusal still names /order, but the route's rule is the one forwarding to the order server group",
        type: ALI_RULE,
        nameEnds: "cn-shanghai-lb-rule-order",
        mutate: (r) => aliConditions(r, ["/Order", "/Order/*"]),
        hop: "rule /order /order/* matches requests",
        resource: "lc-cn-shanghai-lb-rule-order",
        exactly: {
            hop: `rule /order /order/* matches requests for api.${D}`,
            reason: `lc-cn-shanghai-lb-rule-order does not take POST api.${D}/order: its Path condition (/Order, /Order/*) does not match /order, so the request falls to lc-cn-shanghai-lb-rule-order-other-hosts (priority 11), a FixedResponse 421, not lc-cn-shanghai-lb-group-order`,
        },
    },
];

/** mature-aws with the order route split into one rule per host: the domain's at priority 10, api.<domain>'s (`inputs` over the order rule's) at 12. */
function splitPerHost(resources: readonly FlowResource[], inputs: Record<string, unknown> = {}): FlowResource[] {
    const own = breakLink(resources, AWS_RULE, "us-east-1-lb-rule-order", (r) => awsConditions(r, undefined, [{ hostHeader: { values: [D] } }]));
    const order = resources.find((x) => x.name === AWS_ORDER) ?? assert.fail("no order rule");
    return [...own, ruleLike(resources, AWS_ORDER, "x-order-api", { priority: 12, conditions: [...list(order.inputs.conditions), { hostHeader: { values: [`api.${D}`] } }], ...inputs })];
}

describe("flows: the route's rule takes every name, path and method of the route", function () {
    this.timeout(600_000);
    for (const c of CASES) {
        it(`${c.stack} ${c.flow} ${c.region}: ${c.link} is caught at "${c.hop}" on ${c.resource}`, async () => {
            const plan = await filledPlan(c.stack);
            assertBreaksAt(plan.resources, c);
        });
    }

    it("growth-aws and growth-alicloud order: a method condition naming POST and GET is judged (the rule takes POST): the flow stays connected", async () => {
        const aws = breakLink((await filledPlan("growth-aws")).resources, AWS_RULE, "us-east-1-lb-rule-order", (r) => awsConditions(r, undefined, [{ httpRequestMethod: { values: ["GET", "POST"] } }]));
        const ali = breakLink((await filledPlan("growth-alicloud")).resources, ALI_RULE, "cn-hangzhou-lb-rule-order", (r) => aliConditions(r, undefined, [{ type: "Method", methodConfig: { values: ["GET", "POST"] } }]));
        for (const [resources, region, rule] of [[aws, "us-east-1", AWS_ORDER], [ali, "cn-hangzhou", ALI_ORDER]] as const) {
            const f = flowOf(analyzeFlows(resources), "order", region);
            assert.deepStrictEqual([f.status, f.broken?.hop], ["connected", undefined], `${f.broken?.hop}: ${f.broken?.reason}`);
            assert.ok(f.hops.some((h) => h.resource === rule && h.check.startsWith("rule /order /order/* matches requests") && h.ok === true), "the rule's hop is judged, not unknown");
        }
    });

    it("growth-aws order: the order rule forwarding to the ws target group is caught at the rule, naming both groups and what answers behind them", async () => {
        const resources = (await filledPlan("growth-aws")).resources;
        const ws = resources.find((r) => r.name === "lc-us-east-1-lb-tg-ws") ?? assert.fail("no ws target group");
        const nodes = (port: number) => ["us-east-1a", "us-east-1b"].map((z) => `${String(resources.find((r) => r.type === "aws:autoscaling/attachment:Attachment" && r.name.endsWith(`-${z}`) && r.name.includes("order"))?.inputs.autoscalingGroupName)}:${port}`);
        assertBreaksAt(resources, {
            flow: "order",
            region: "us-east-1",
            link: "actions[0].targetGroupArn = the ws target group",
            type: AWS_RULE,
            nameEnds: "us-east-1-lb-rule-order",
            mutate: (r) => with_(r, { actions: list(r.inputs.actions).map((a, i) => (i === 0 && isRecord(a) ? { ...a, targetGroupArn: ws.outputs?.arn } : a)) }),
            hop: "rule /order /order/* forwards",
            resource: AWS_ORDER,
            exactly: {
                hop: "rule /order /order/* forwards",
                reason: `${AWS_ORDER} forwards to lc-us-east-1-lb-tg-ws (route ws) (${nodes(30081).join(", ")}), not the order target group lc-us-east-1-lb-tg-order (${nodes(30082).join(", ")}): order requests reach the targets of route ws`,
            },
        });
    });

    it("growth-aws-serverless interaction: the /ws rule (its group tagged with the service's name, interaction) forwarding to the order target group is caught at the rule", async () => {
        const resources = (await filledPlan("growth-aws-serverless")).resources;
        const order = resources.find((r) => r.name === "lc-us-east-1-lb-tg-order") ?? assert.fail("no order target group");
        const ws = resources.find((r) => r.type === AWS_RULE && r.name === "lc-us-east-1-lb-rule-interaction") ?? assert.fail("no /ws rule");
        const flows = analyzeFlows(breakLink(resources, AWS_RULE, ws.name, (r) => with_(r, { actions: list(r.inputs.actions).map((a, i) => (i === 0 && isRecord(a) ? { ...a, targetGroupArn: order.outputs?.arn } : a)) })));
        const f = flowOf(flows, "interaction", "us-east-1");
        assert.deepStrictEqual(
            { status: f.status, hop: f.broken?.hop, on: resources.find((r) => r.urn === f.broken?.urn)?.name },
            { status: "broken", hop: "rule /ws /ws/* forwards", on: ws.name },
            f.broken?.reason,
        );
        assert.match(f.broken?.reason ?? "", /^lc-us-east-1-lb-rule-interaction forwards to lc-us-east-1-lb-tg-order \(route order\) \(lc-us-east-1-fargate-order:8080\), not the ws target group lc-us-east-1-lb-tg-interaction \(lc-us-east-1-fargate-interaction:8080\): ws requests reach the targets of route order$/);
    });

    it("growth-alicloud order: the order rule forwarding to the ws server group is caught at the rule, naming both groups", async () => {
        const resources = (await filledPlan("growth-alicloud")).resources;
        const ws = resources.find((r) => r.name === "lc-cn-hangzhou-lb-group-ws") ?? assert.fail("no ws server group");
        const toWs = (a: unknown) => (isRecord(a) && isRecord(a.forwardGroupConfig) ? { ...a, forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: ws.outputs?.id ?? ws.id }] } } : a);
        const flows = analyzeFlows(breakLink(resources, ALI_RULE, "cn-hangzhou-lb-rule-order", (r) => with_(r, { ruleActions: list(r.inputs.ruleActions).map(toWs) })));
        const f = flowOf(flows, "order", "cn-hangzhou");
        assert.deepStrictEqual(
            { status: f.status, hop: f.broken?.hop, on: resources.find((r) => r.urn === f.broken?.urn)?.name },
            { status: "broken", hop: "rule /order /order/* forwards", on: ALI_ORDER },
            f.broken?.reason,
        );
        assert.match(f.broken?.reason ?? "", new RegExp(`^${ALI_ORDER} forwards to lc-cn-hangzhou-lb-group-ws \\(route ws\\) \\([^)]*:30081[^)]*\\), not the order server group lc-cn-hangzhou-lb-group-order \\([^)]*:30082[^)]*\\): order requests reach the targets of route ws$`));
    });

    it(`mature-aws order: the route split into one rule per host (${D} at priority 10, api.${D} at 12), both forwarding to the order target group, is connected`, async () => {
        const f = flowOf(analyzeFlows(splitPerHost((await filledPlan("mature-aws")).resources)), "order", "us-east-1");
        assert.deepStrictEqual([f.status, f.broken?.hop], ["connected", undefined], `${f.broken?.hop}: ${f.broken?.reason}`);
        assert.ok(f.hops.some((h) => h.resource === AWS_ORDER && h.check === `rule /order /order/* matches requests for ${D}, api.${D}` && h.ok === true), "the route's rule hop holds for both names");
    });

    it(`mature-aws order: the per-host rule for api.${D} rewriting the path to /healthz is judged as the route's rule is: caught at its url-rewrite hop`, async () => {
        const resources = splitPerHost((await filledPlan("mature-aws")).resources, { transforms: [{ type: "url-rewrite", urlRewriteConfig: { rewrite: { regex: "^/order(.*)$", replace: "/healthz" } } }] });
        const f = flowOf(analyzeFlows(resources), "order", "us-east-1");
        assert.deepStrictEqual(
            { status: f.status, hop: f.broken?.hop, urn: f.broken?.urn.split("::").pop() },
            { status: "broken", hop: "x-order-api's url-rewrite keeps requests on /order /order/*", urn: "x-order-api" },
            f.broken?.reason,
        );
    });
});
