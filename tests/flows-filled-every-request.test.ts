// A condition that matches every request is judged as matching: a source-IP condition whose CIDRs
// hold every address the load balancer accepts (0.0.0.0/0, and ::/0 on a dual-stack one), and a
// header condition on Host (every HTTP/1.1 request carries it) with a `*` value. A rule ahead of
// the route's rule taking every order with such a condition and answering 503 breaks the order
// flow at that rule. A condition the plan holds but the analysis does not evaluate (a CIDR that
// is not the whole address space, `0.0.0.0/0` alone on a dual-stack load balancer) leaves the hop
// unknown, reported as not judgeable from the plan at all (never "until created").

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { flowViolations } from "../tools/lib/inputs";
import { HopLink, assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";

const ALI_RULE = "alicloud:alb/rule:Rule";
const AWS_RULE = "aws:lb/listenerRule:ListenerRule";
const D = FILLED_DOMAIN;

function with_(r: FlowResource, inputs: Record<string, unknown>): FlowResource {
    return { ...r, inputs: { ...r.inputs, ...inputs } };
}

/** The /ws rule moved to priority 1 with `condition` and Path /order*, answering 503 itself. */
const ali503 = (condition: Record<string, unknown>) => (r: FlowResource) =>
    with_(r, { priority: 1, ruleConditions: [condition, { type: "Path", pathConfig: { values: ["/order*"] } }], ruleActions: [{ type: "FixedResponse", order: 1, fixedResponseConfig: { content: "closed", contentType: "text/plain", httpCode: "503" } }] });
const aws503 = (condition: Record<string, unknown>) => (r: FlowResource) =>
    with_(r, { priority: 1, conditions: [condition, { pathPattern: { values: ["/order*"] } }], actions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "503" } }] });

interface Case extends HopLink {
    readonly stack: string;
}

const aliCase = (link: string, condition: Record<string, unknown>): Case => ({
    stack: "growth-alicloud",
    flow: "order",
    region: "cn-hangzhou",
    link,
    type: ALI_RULE,
    nameEnds: "cn-hangzhou-lb-rule-ws",
    mutate: ali503(condition),
    hop: "no rule ahead of lc-cn-hangzhou-lb-rule-order answers",
    resource: "lc-cn-hangzhou-lb-rule-ws",
    heldOn: "lc-cn-hangzhou-lb-rule-order",
    exactly: {
        hop: `no rule ahead of lc-cn-hangzhou-lb-rule-order answers ${D}/order /order/* first`,
        reason: `POST ${D}/order is answered by lc-cn-hangzhou-lb-rule-ws (priority 1), a FixedResponse 503, ahead of lc-cn-hangzhou-lb-rule-order (priority 10): the flow's requests never reach lc-cn-hangzhou-lb-group-order`,
    },
});

const awsCase = (link: string, condition: Record<string, unknown>): Case => ({
    stack: "growth-aws",
    flow: "order",
    region: "us-east-1",
    link,
    type: AWS_RULE,
    nameEnds: "us-east-1-lb-rule-ws",
    mutate: aws503(condition),
    hop: "no rule ahead of lc-us-east-1-lb-rule-order answers",
    resource: "lc-us-east-1-lb-rule-ws",
    heldOn: "lc-us-east-1-lb-rule-order",
    exactly: {
        hop: `no rule ahead of lc-us-east-1-lb-rule-order answers ${D} /order /order/* first`,
        reason: `POST ${D}/order is answered by lc-us-east-1-lb-rule-ws (priority 1), a fixed-response 503, ahead of lc-us-east-1-lb-rule-order (priority 10): the flow's requests never reach lc-us-east-1-lb-tg-order`,
    },
});

const CASES: readonly Case[] = [
    aliCase("a SourceIp condition 0.0.0.0/0 (the IPv4 ALB's every client)", { type: "SourceIp", sourceIpConfig: { values: ["0.0.0.0/0"] } }),
    awsCase("a sourceIp condition 0.0.0.0/0 and ::/0", { sourceIp: { values: ["0.0.0.0/0", "::/0"] } }),
    aliCase("a SourceIp condition 0.0.0.0/1 and 128.0.0.0/1 (together the IPv4 ALB's every client)", { type: "SourceIp", sourceIpConfig: { values: ["0.0.0.0/1", "128.0.0.0/1"] } }),
    awsCase("a sourceIp condition 0.0.0.0/1, 128.0.0.0/2 and 192.0.0.0/2 (together the IPv4 ALB's every client)", { sourceIp: { values: ["0.0.0.0/1", "128.0.0.0/2", "192.0.0.0/2"] } }),
    aliCase("a Header condition Host: *", { type: "Header", headerConfig: { key: "Host", values: ["*"] } }),
    awsCase("an httpHeader condition Host: *", { httpHeader: { httpHeaderName: "Host", values: ["*"] } }),
];

describe("flows: a condition matching every request is judged as matching", function () {
    this.timeout(600_000);
    for (const c of CASES) {
        it(`${c.stack} ${c.flow} ${c.region}: a 503 rule at priority 1 on /order* with ${c.link} is caught at "${c.hop}" on ${c.resource}`, async () => {
            const plan = await filledPlan(c.stack);
            assertBreaksAt(plan.resources, c);
        });
    }

    it("growth-aws and growth-alicloud order: a 503 rule at priority 1 on /order* whose source-IP condition is ::/0 takes no client of the IPv4-only load balancer: connected", async () => {
        const aws = breakLink((await filledPlan("growth-aws")).resources, AWS_RULE, "us-east-1-lb-rule-ws", aws503({ sourceIp: { values: ["::/0"] } }));
        const ali = breakLink((await filledPlan("growth-alicloud")).resources, ALI_RULE, "cn-hangzhou-lb-rule-ws", ali503({ type: "SourceIp", sourceIpConfig: { values: ["::/0"] } }));
        for (const [resources, region] of [[aws, "us-east-1"], [ali, "cn-hangzhou"]] as const) {
            const f = flowOf(analyzeFlows(resources), "order", region);
            assert.deepStrictEqual([f.status, f.broken?.reason], ["connected", undefined], region);
        }
    });

    it("growth-aws order: the order rule itself given a sourceIp condition ::/0 on the IPv4-only load balancer takes no order: broken at the rule, naming the condition", async () => {
        const plan = await filledPlan("growth-aws");
        assertBreaksAt(plan.resources, {
            flow: "order",
            region: "us-east-1",
            link: "sourceIp ::/0 on the order rule",
            type: AWS_RULE,
            nameEnds: "us-east-1-lb-rule-order",
            mutate: (r) => with_(r, { conditions: [...(Array.isArray(r.inputs.conditions) ? r.inputs.conditions : []), { sourceIp: { values: ["::/0"] } }] }),
            hop: "rule /order /order/* matches requests",
            resource: "lc-us-east-1-lb-rule-order",
            exactly: {
                hop: `rule /order /order/* matches requests for ${D}`,
                reason: `lc-us-east-1-lb-rule-order does not take POST ${D}/order: its sourceIp condition (::/0) holds no address of an IP family lc-us-east-1-lb-https's load balancer accepts: no client matches it, so the request falls to lc-us-east-1-lb-https's default action -> lc-us-east-1-lb-tg-api, not lc-us-east-1-lb-tg-order`,
            },
        });
    });

    it("growth-aws order: a sourceIp condition 10.0.0.0/8, or 0.0.0.0/0 alone on a dual-stack load balancer, stays unknown at the rule, reported as not judgeable from the plan at all", async () => {
        const plan = await filledPlan("growth-aws");
        const partial = breakLink(plan.resources, AWS_RULE, "us-east-1-lb-rule-ws", aws503({ sourceIp: { values: ["10.0.0.0/8"] } }));
        const dual = breakLink(breakLink(plan.resources, AWS_RULE, "us-east-1-lb-rule-ws", aws503({ sourceIp: { values: ["0.0.0.0/0"] } })), "aws:lb/loadBalancer:LoadBalancer", "us-east-1-lb-alb", (r) => with_(r, { ipAddressType: "dualstack" }));
        for (const resources of [partial, dual]) {
            const f = flowOf(analyzeFlows(resources), "order", "us-east-1");
            const hop = f.hops.find((h) => h.ok === null);
            assert.deepStrictEqual(
                { status: f.status, resource: hop?.resource, unknown: hop?.unknown, unevaluated: hop?.unevaluated },
                { status: "unknown", resource: "lc-us-east-1-lb-rule-ws", unknown: "conditions (sourceIp)", unevaluated: true },
            );
            const advisory = flowViolations([f]).find((v) => v.urn === f.hops.find((h) => h.ok === null)?.urn);
            assert.strictEqual(
                advisory?.message,
                `flow "placing an order" in us-east-1 cannot be judged from the plan at all at hop "no rule ahead of lc-us-east-1-lb-rule-order answers ${D} /order /order/* first": lc-us-east-1-lb-rule-ws conditions (sourceIp) is a value the plan holds but the analysis does not evaluate, so creating the resources does not settle it`,
            );
        }
    });
});
