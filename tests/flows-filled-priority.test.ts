// A listener answers a request with the first rule by priority whose conditions all match (ELB
// "Listener rules": lowest value first; Alibaba Cloud ALB Rule `priority`: a smaller value is a
// higher priority), else its default action. On the filled shipped stacks: a rule ahead of a
// route's that refuses every path breaks every request flow at that rule, a refusing rule moved
// ahead of the order rule breaks the order flow there, and a route named by two rules is walked
// through the one that answers first.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list } from "../policies/lib/values";
import { HopLink, assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { filledPlan } from "./support/filled";

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

const CASES: readonly Case[] = [
    { stack: "growth-alicloud", flow: "viewer", region: "cn-hangzhou", link: "a rule at priority 1 on /* answering 503", type: ALI_RULE, nameEnds: "cn-hangzhou-lb-rule-ws", mutate: aliCatchAll, hop: "no rule ahead of the default action answers", resource: "lc-cn-hangzhou-lb-rule-ws", heldOn: "lc-cn-hangzhou-lb-https" },
    { stack: "growth-alicloud", flow: "order", region: "cn-hangzhou", link: "a rule at priority 1 on /* answering 503", type: ALI_RULE, nameEnds: "cn-hangzhou-lb-rule-ws", mutate: aliCatchAll, hop: "no rule ahead of lc-cn-hangzhou-lb-rule-order answers", resource: "lc-cn-hangzhou-lb-rule-ws", heldOn: "lc-cn-hangzhou-lb-rule-order" },
    { stack: "growth-aws", flow: "viewer", region: "us-east-1", link: "a rule at priority 1 on /* answering 503", type: AWS_RULE, nameEnds: "us-east-1-lb-rule-ws", mutate: awsCatchAll, hop: "no rule ahead of the default action answers", resource: "lc-us-east-1-lb-rule-ws", heldOn: "lc-us-east-1-lb-https" },
    { stack: "growth-aws", flow: "order", region: "us-east-1", link: "a rule at priority 1 on /* answering 503", type: AWS_RULE, nameEnds: "us-east-1-lb-rule-ws", mutate: awsCatchAll, hop: "no rule ahead of lc-us-east-1-lb-rule-order answers", resource: "lc-us-east-1-lb-rule-ws", heldOn: "lc-us-east-1-lb-rule-order" },
    {
        stack: "mature-alicloud",
        flow: "order",
        region: "cn-shanghai",
        link: "the rule refusing orders on other hosts moved to priority 5, ahead of the API name's order rule",
        type: ALI_RULE,
        nameEnds: "cn-shanghai-lb-rule-order-other-hosts",
        mutate: (r) => with_(r, { priority: 5 }),
        hop: "rule /order /order/* forwards",
        resource: "lc-cn-shanghai-lb-rule-order-other-hosts",
        heldOn: "lc-cn-shanghai-lb-rule-order",
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
