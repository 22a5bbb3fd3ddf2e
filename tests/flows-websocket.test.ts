// The WebSocket interaction flow on Alibaba Cloud checks that an open WebSocket outlives a lull:
// the listener's idle timeout against the interaction service's ping interval.

import * as assert from "assert";

import { ALB_DEFAULT_IDLE_TIMEOUT_SECONDS } from "../components/alicloud/profile";
import { WEBSOCKET_IDLE_TIMEOUT_SECONDS, WEBSOCKET_PING_ENV, WEBSOCKET_PING_INTERVAL_SECONDS, websocketIdleVerdict, websocketPingSeconds } from "../components/model";
import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { FlowResult } from "../policies/flows/walk";
import { isRecord } from "../policies/lib/values";
import { breakLink } from "./support/break-link";
import { shippedPlan } from "./support/shipped";

const REGION = "cn-hangzhou";
const SAE_APP = "alicloud:sae/application:Application";
const HOP = "WebSockets stay open";

function interaction(resources: readonly FlowResource[], region = REGION): FlowResult {
    return analyzeFlows(resources).find((f) => f.key === "interaction" && f.region === region) ?? assert.fail("no interaction flow");
}

function envsOf(r: FlowResource): Record<string, unknown>[] {
    const envs = r.inputs.envs;
    const parsed: unknown = typeof envs === "string" ? JSON.parse(envs) : [];
    return Array.isArray(parsed) ? parsed.filter(isRecord) : [];
}

describe("WebSocket idle timeout (model)", () => {
    it("the ping interval stays below half the idle timeout, at most the contract's 30 s, at least 1 s", () => {
        assert.deepStrictEqual([15, 600, 60, 1].map(websocketPingSeconds), [7, WEBSOCKET_PING_INTERVAL_SECONDS, 30, 1]);
        assert.throws(() => websocketPingSeconds(0), /idleTimeoutSeconds must be a positive number of seconds \(got 0\)/);
    });

    it("a ping at or past the idle timeout drops the connection, naming both numbers", () => {
        assert.strictEqual(websocketIdleVerdict(WEBSOCKET_IDLE_TIMEOUT_SECONDS, 30, "x"), true);
        assert.strictEqual(websocketIdleVerdict(15, 7, "x"), true);
        assert.match(String(websocketIdleVerdict(15, 30, "ALB's default")), /idle for 15 s \(ALB's default\) .* pings every 30 s/);
        assert.notStrictEqual(websocketIdleVerdict(15, 15, "x"), true);
    });
});

describe("WebSocket idle timeout (flows on the shipped stacks)", function () {
    this.timeout(300_000);

    it("SAE: the interaction application pings within ALB's default idle timeout, and the flow checks it", async () => {
        const resources = (await shippedPlan("growth-alicloud-serverless")).resources;
        const apps = resources.filter((r) => r.type === SAE_APP);
        const pings = apps.map((a) => [a.name.split("-").pop(), envsOf(a).find((e) => e.name === WEBSOCKET_PING_ENV)?.value]);
        assert.deepStrictEqual(
            pings.filter(([, v]) => v !== undefined),
            [["interaction", String(websocketPingSeconds(ALB_DEFAULT_IDLE_TIMEOUT_SECONDS))]],
        );
        const f = interaction(resources);
        const hop = f.hops.find((h) => h.check.startsWith(HOP));
        assert.ok(hop !== undefined && hop.ok === true, `hops: ${f.hops.map((h) => h.check).join("; ")}`);
        assert.match(hop.check, /pings every 7 s within the 15 s idle timeout/);
    });

    it("SAE without the ping setting (the earlier design) is broken at the idle timeout hop", async () => {
        const resources = (await shippedPlan("growth-alicloud-serverless")).resources;
        const broken = breakLink(resources, SAE_APP, "interaction", (r) => ({ ...r, inputs: { ...r.inputs, envs: JSON.stringify(envsOf(r).filter((e) => e.name !== WEBSOCKET_PING_ENV)) } }));
        const f = interaction(broken);
        assert.strictEqual(f.status, "broken");
        assert.ok(f.broken?.hop.startsWith(HOP), `broken at ${f.broken?.hop}`);
        assert.match(f.broken?.reason ?? "", /idle for 15 s \(ALB's default: the listener sets no idle timeout\) and the interaction service pings every 30 s/);
    });

    it("kubernetes: the HTTPS listener's 600 s keeps the contract's 30 s pings; a listener without idleTimeout breaks the flow", async () => {
        const resources = (await shippedPlan("growth-alicloud")).resources;
        const ok = interaction(resources).hops.find((h) => h.check.startsWith(HOP));
        assert.ok(ok !== undefined && ok.ok === true);
        const noIdle = breakLink(resources, "alicloud:alb/listener:Listener", "https", (r) => {
            const { idleTimeout: _dropped, ...rest } = r.inputs;
            return { ...r, inputs: rest };
        });
        const f = interaction(noIdle);
        assert.strictEqual(f.status, "broken");
        assert.ok(f.broken?.hop.startsWith(HOP), `broken at ${f.broken?.hop}`);
    });

    it("AWS (every tier, Fargate here): the load balancer's 600 s keeps the 30 s pings; 20 s breaks the flow", async () => {
        const resources = (await shippedPlan("growth-aws-serverless")).resources;
        const ok = interaction(resources, "us-east-1").hops.find((h) => h.check.startsWith(HOP));
        assert.ok(ok !== undefined && ok.ok === true);
        assert.match(ok.check, /within the 600 s idle timeout/);
        const short = breakLink(resources, "aws:lb/loadBalancer:LoadBalancer", "-lb-alb", (r) => ({ ...r, inputs: { ...r.inputs, idleTimeout: 20 } }));
        const f = interaction(short, "us-east-1");
        assert.strictEqual(f.status, "broken");
        assert.match(f.broken?.reason ?? "", /idle for 20 s \(the load balancer's idleTimeout\) and the interaction service pings every 30 s/);
    });
});
