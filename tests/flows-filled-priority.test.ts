// A listener answers a request with the first rule by priority whose conditions all match (ELB
// "Listener rules": lowest value first; Alibaba Cloud ALB Rule `priority`: a smaller value is a
// higher priority), else its default action. On the filled shipped stacks a route is walked
// through the rule written for it, and a rule ahead of it that answers its requests first breaks
// the flow at the precedence hop, naming that rule, its priority and what it does: a rule refusing
// or redirecting every path, a refusal moved ahead of the order rule, an order rule that also lists
// /ws ahead of the /ws rule (not at the order service's node port, later). A route named by two
// rules is walked through the one that answers first.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list } from "../policies/lib/values";
import { HopLink, assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";

const ALI_RULE = "alicloud:alb/rule:Rule";
const AWS_RULE = "aws:lb/listenerRule:ListenerRule";

function with_(r: FlowResource, inputs: Record<string, unknown>): FlowResource {
    return { ...r, inputs: { ...r.inputs, ...inputs } };
}

interface Case extends HopLink {
    readonly stack: string;
}

/** The /ws rule moved to priority 1, taking every path and answering 503 itself. */
const aliCatchAll = (r: FlowResource) => with_(r, { priority: 1, ruleConditions: [{ type: "Path", pathConfig: { values: ["/*"] } }], ruleActions: [{ type: "FixedResponse", order: 1, fixedResponseConfig: { content: "closed", contentType: "text/plain", httpCode: "503" } }] });
const awsCatchAll = (r: FlowResource) => with_(r, { priority: 1, conditions: [{ pathPattern: { values: ["/*"] } }], actions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "503" } }] });

/** The order rule listing /ws too: at priority 10 it is evaluated before the /ws rule (20). */
const awsOrderTakesWs = (r: FlowResource) => with_(r, { conditions: list(r.inputs.conditions).map((c) => (isRecord(c) && isRecord(c.pathPattern) ? { pathPattern: { values: [...list(c.pathPattern.values), "/ws"] } } : c)) });
const aliOrderTakesWs = (r: FlowResource) => with_(r, { ruleConditions: list(r.inputs.ruleConditions).map((c) => (isRecord(c) && c.type === "Path" && isRecord(c.pathConfig) ? { type: "Path", pathConfig: { values: [...list(c.pathConfig.values), "/ws"] } } : c)) });

const D = FILLED_DOMAIN;

const CASES: readonly Case[] = [
    {
        stack: "growth-alicloud",
        flow: "viewer",
        region: "cn-hangzhou",
        link: "a rule at priority 1 on /* answering 503",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-ws",
        mutate: aliCatchAll,
        hop: "no rule ahead of the default action answers",
        resource: "lc-cn-hangzhou-lb-rule-ws",
        heldOn: "lc-cn-hangzhou-lb-https",
        exactly: {
            hop: `no rule ahead of the default action answers ${D}/api/products first`,
            reason: `GET ${D}/api/products is answered by lc-cn-hangzhou-lb-rule-ws (priority 1), a FixedResponse 503, ahead of lc-cn-hangzhou-lb-https's default action: the flow's requests never reach lc-cn-hangzhou-lb-group-api`,
        },
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "a rule at priority 1 on /* answering 503",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-ws",
        mutate: aliCatchAll,
        hop: "no rule ahead of lc-cn-hangzhou-lb-rule-order answers",
        resource: "lc-cn-hangzhou-lb-rule-ws",
        heldOn: "lc-cn-hangzhou-lb-rule-order",
        exactly: {
            hop: `no rule ahead of lc-cn-hangzhou-lb-rule-order answers ${D}/order /order/* first`,
            reason: `POST ${D}/order is answered by lc-cn-hangzhou-lb-rule-ws (priority 1), a FixedResponse 503, ahead of lc-cn-hangzhou-lb-rule-order (priority 10): the flow's requests never reach lc-cn-hangzhou-lb-group-order`,
        },
    },
    {
        stack: "growth-aws",
        flow: "viewer",
        region: "us-east-1",
        link: "a rule at priority 1 on /* answering 503",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-ws",
        mutate: awsCatchAll,
        hop: "no rule ahead of the default action answers",
        resource: "lc-us-east-1-lb-rule-ws",
        heldOn: "lc-us-east-1-lb-https",
        exactly: {
            hop: `no rule ahead of the default action answers ${D} /api/products first`,
            reason: `GET ${D}/api/products is answered by lc-us-east-1-lb-rule-ws (priority 1), a fixed-response 503, ahead of lc-us-east-1-lb-https's default action: the flow's requests never reach lc-us-east-1-lb-tg-api`,
        },
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "a rule at priority 1 on /* answering 503",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-ws",
        mutate: awsCatchAll,
        hop: "no rule ahead of lc-us-east-1-lb-rule-order answers",
        resource: "lc-us-east-1-lb-rule-ws",
        heldOn: "lc-us-east-1-lb-rule-order",
        exactly: {
            hop: `no rule ahead of lc-us-east-1-lb-rule-order answers ${D} /order /order/* first`,
            reason: `POST ${D}/order is answered by lc-us-east-1-lb-rule-ws (priority 1), a fixed-response 503, ahead of lc-us-east-1-lb-rule-order (priority 10): the flow's requests never reach lc-us-east-1-lb-tg-order`,
        },
    },
    {
        stack: "growth-aws",
        flow: "interaction",
        region: "us-east-1",
        link: "the order rule (priority 10) also listing /ws, ahead of the /ws rule (priority 20)",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-order",
        mutate: awsOrderTakesWs,
        hop: "no rule ahead of lc-us-east-1-lb-rule-ws answers",
        resource: "lc-us-east-1-lb-rule-order",
        heldOn: "lc-us-east-1-lb-rule-ws",
        exactly: {
            hop: `no rule ahead of lc-us-east-1-lb-rule-ws answers ${D} /ws /ws/* first`,
            reason: `GET ${D}/ws is answered by lc-us-east-1-lb-rule-order (priority 10), forwarding to lc-us-east-1-lb-tg-order, ahead of lc-us-east-1-lb-rule-ws (priority 20): the flow's requests never reach lc-us-east-1-lb-tg-ws`,
        },
    },
    {
        stack: "growth-alicloud",
        flow: "interaction",
        region: "cn-hangzhou",
        link: "the order rule (priority 10, any host) also listing /ws, ahead of the /ws rule (priority 20)",
        type: ALI_RULE,
        nameEnds: "cn-hangzhou-lb-rule-order",
        mutate: aliOrderTakesWs,
        hop: "no rule ahead of lc-cn-hangzhou-lb-rule-ws answers",
        resource: "lc-cn-hangzhou-lb-rule-order",
        heldOn: "lc-cn-hangzhou-lb-rule-ws",
        exactly: {
            hop: `no rule ahead of lc-cn-hangzhou-lb-rule-ws answers api.${D}/ws /ws/* first`,
            reason: `GET api.${D}/ws is answered by lc-cn-hangzhou-lb-rule-order (priority 10), forwarding to lc-cn-hangzhou-lb-group-order, ahead of lc-cn-hangzhou-lb-rule-ws (priority 20): the flow's requests never reach lc-cn-hangzhou-lb-group-ws`,
        },
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "the /ws rule turned into a redirect of /order and /order/* at priority 5, ahead of the order rule",
        type: AWS_RULE,
        nameEnds: "us-east-1-lb-rule-ws",
        mutate: (r) => with_(r, { priority: 5, conditions: [{ pathPattern: { values: ["/order", "/order/*"] } }], actions: [{ type: "redirect", redirect: { host: `www.${FILLED_DOMAIN}`, statusCode: "HTTP_301" } }] }),
        hop: "no rule ahead of lc-us-east-1-lb-rule-order answers",
        resource: "lc-us-east-1-lb-rule-ws",
        heldOn: "lc-us-east-1-lb-rule-order",
        exactly: {
            hop: `no rule ahead of lc-us-east-1-lb-rule-order answers ${D} /order /order/* first`,
            reason: `POST ${D}/order is answered by lc-us-east-1-lb-rule-ws (priority 5), a redirect HTTP_301, ahead of lc-us-east-1-lb-rule-order (priority 10): the flow's requests never reach lc-us-east-1-lb-tg-order`,
        },
    },
    {
        stack: "mature-alicloud",
        flow: "order",
        region: "cn-shanghai",
        link: "the rule refusing orders on other hosts moved to priority 5, ahead of the API name's order rule",
        type: ALI_RULE,
        nameEnds: "cn-shanghai-lb-rule-order-other-hosts",
        mutate: (r) => with_(r, { priority: 5 }),
        hop: "no rule ahead of lc-cn-shanghai-lb-rule-order answers",
        resource: "lc-cn-shanghai-lb-rule-order-other-hosts",
        heldOn: "lc-cn-shanghai-lb-rule-order",
        exactly: {
            hop: `no rule ahead of lc-cn-shanghai-lb-rule-order answers api.${D}/order /order/* first`,
            reason: `POST api.${D}/order is answered by lc-cn-shanghai-lb-rule-order-other-hosts (priority 5), a FixedResponse 421, ahead of lc-cn-shanghai-lb-rule-order (priority 10): the flow's requests never reach lc-cn-shanghai-lb-group-order`,
        },
    },
];

describe("flows: listener rules answer by priority (the first rule whose conditions match)", function () {
    this.timeout(600_000);
    for (const c of CASES) {
        it(`${c.stack} ${c.flow} ${c.region}: ${c.link} is caught at "${c.hop}" on ${c.resource}`, async () => {
            const plan = await filledPlan(c.stack);
            assertBreaksAt(plan.resources, c);
        });
    }

    it("growth-aws interaction: /ws also named by the order rule (priority 10) is answered by the /ws rule moved to priority 5, and the flow stays connected through it", async () => {
        const plan = await filledPlan("growth-aws");
        const ws = breakLink(plan.resources, AWS_RULE, "us-east-1-lb-rule-ws", (r) => with_(r, { priority: 5 }));
        const both = breakLink(ws, AWS_RULE, "us-east-1-lb-rule-order", (r) =>
            with_(r, { priority: 10, conditions: list(r.inputs.conditions).map((c) => (isRecord(c) && isRecord(c.pathPattern) ? { pathPattern: { values: [...list(c.pathPattern.values), "/ws"] } } : c)) }),
        );
        const f = flowOf(analyzeFlows(both), "interaction", "us-east-1");
        assert.deepStrictEqual([f.status, f.broken?.hop], ["connected", undefined], `${f.broken?.hop}: ${f.broken?.reason}`);
        assert.ok(f.hops.some((h) => h.resource === "lc-us-east-1-lb-rule-ws" && h.check.startsWith("rule /ws /ws/* forwards") && h.ok === true), "the /ws rule is the one walked");
    });

    it("a route's rule written with a wildcard covering its patterns (/ws* on AWS, /order* on Alibaba Cloud) serves the same requests: the flow stays connected", async () => {
        const aws = await filledPlan("growth-aws");
        const awsWild = breakLink(aws.resources, AWS_RULE, "us-east-1-lb-rule-ws", (r) => with_(r, { conditions: list(r.inputs.conditions).map((c) => (isRecord(c) && isRecord(c.pathPattern) ? { pathPattern: { values: ["/ws*"] } } : c)) }));
        const ws = flowOf(analyzeFlows(awsWild), "interaction", "us-east-1");
        assert.deepStrictEqual([ws.status, ws.broken?.hop], ["connected", undefined], `${ws.broken?.hop}: ${ws.broken?.reason}`);
        const ali = await filledPlan("growth-alicloud");
        const aliWild = breakLink(ali.resources, ALI_RULE, "cn-hangzhou-lb-rule-order", (r) => with_(r, { ruleConditions: list(r.inputs.ruleConditions).map((c) => (isRecord(c) && c.type === "Path" ? { type: "Path", pathConfig: { values: ["/order*"] } } : c)) }));
        const order = flowOf(analyzeFlows(aliWild), "order", "cn-hangzhou");
        assert.deepStrictEqual([order.status, order.broken?.hop], ["connected", undefined], `${order.broken?.hop}: ${order.broken?.reason}`);
    });
});
