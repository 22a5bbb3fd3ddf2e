import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { CERTIFICATE_ID, POLARDB_STACK, childrenOf, input, named, ofType, single, usePlans, MYSQL_STACK } from "./plans";

const LB = "alicloud:alb/loadBalancer:LoadBalancer";
const LISTENER = "alicloud:alb/listener:Listener";
const RULE = "alicloud:alb/rule:Rule";
const GROUP = "alicloud:alb/serverGroup:ServerGroup";
const gid = (route: string) => mockId(GROUP, `lc-cn-hangzhou-lb-group-${route}`);

describe("alicloud LoadBalancer", function () {
    const stacks = usePlans();

    it("declares one ALB, two listeners, three server groups and three rules under the component", () => {
        const plan = stacks()[MYSQL_STACK];
        const kids = childrenOf(plan, named(plan, "live-commerce:alicloud:LoadBalancer", "lc-cn-hangzhou-lb"));
        const count = (t: string) => kids.filter((k) => k.type === t).length;
        assert.deepStrictEqual([count(LB), count(LISTENER), count(GROUP), count(RULE), kids.length], [1, 2, 3, 3, 9]);
    });

    it("tags the ALB with each name tls.certificateNames says the certificate covers, one tag a name", () => {
        const tags = input(single(stacks()[POLARDB_STACK], LB), "tags");
        const names = typeof tags === "object" && tags !== null ? Object.entries(tags).filter(([k]) => k.startsWith("certificate-name-")) : [];
        assert.deepStrictEqual(names, [
            ["certificate-name-1", "live.example.com"],
            ["certificate-name-2", "*.live.example.com"],
        ]);
    });

    it("growth: an address in each zone, on that zone's vSwitch; deletion protection on", () => {
        const alb = single(stacks()[MYSQL_STACK], LB);
        assert.deepStrictEqual(input(alb, "zoneMappings"), [
            { vswitchId: mockId("alicloud:vpc/switch:Switch", "lc-cn-hangzhou-network-vsw-cn-hangzhou-h"), zoneId: "cn-hangzhou-h" },
            { vswitchId: mockId("alicloud:vpc/switch:Switch", "lc-cn-hangzhou-network-vsw-cn-hangzhou-i"), zoneId: "cn-hangzhou-i" },
        ]);
        assert.deepStrictEqual([input(alb, "deletionProtectionEnabled"), input(alb, "addressType"), input(alb, "loadBalancerEdition")], [true, "Internet", "Standard"]);
    });

    it("mature: three zones per region", () => {
        for (const alb of ofType(stacks()["mature-alicloud"], LB)) {
            const zm = input(alb, "zoneMappings");
            assert.ok(Array.isArray(zm) && zm.length === 3, alb.name);
        }
    });

    it("health checks take a dead server out in 10 s (5 s x 2) on /healthz", () => {
        for (const g of ofType(stacks()[MYSQL_STACK], GROUP)) {
            assert.deepStrictEqual(input(g, "healthCheckConfig"), {
                healthCheckCodes: ["http_2xx"],
                healthCheckEnabled: true,
                healthCheckInterval: 5,
                healthCheckMethod: "GET",
                healthCheckPath: "/healthz",
                healthCheckProtocol: "HTTP",
                healthCheckTimeout: 3,
                healthyThreshold: 2,
                unhealthyThreshold: 2,
            });
            assert.deepStrictEqual(input(g, "connectionDrainConfig"), { connectionDrainEnabled: true, connectionDrainTimeout: 30 });
        }
    });

    it("only the WebSocket group is sticky", () => {
        const plan = stacks()[MYSQL_STACK];
        assert.deepStrictEqual(
            ["api", "order", "ws"].map((r) => input(named(plan, GROUP, `lc-cn-hangzhou-lb-group-${r}`), "stickySessionConfig.stickySessionEnabled")),
            [false, false, true],
        );
    });

    it("HTTPS listener: the certificate from config, TLS 1.2+ policy, WebSocket idle timeout, /api by default", () => {
        const https = named(stacks()[POLARDB_STACK], LISTENER, "lc-cn-hangzhou-lb-https");
        assert.deepStrictEqual(
            [input(https, "listenerProtocol"), input(https, "listenerPort"), input(https, "idleTimeout"), input(https, "securityPolicyId")],
            ["HTTPS", 443, 600, "tls_cipher_policy_1_2_strict_with_1_3"],
        );
        assert.deepStrictEqual(input(https, "certificates"), { certificateId: CERTIFICATE_ID });
        assert.deepStrictEqual(input(https, "defaultActions"), [{ forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: gid("api") }] }, type: "ForwardGroup" }]);
    });

    it("without tls.certificateId the HTTPS listener carries no certificate (and none is invented)", () => {
        assert.strictEqual(input(named(stacks()[MYSQL_STACK], LISTENER, "lc-cn-hangzhou-lb-https"), "certificates"), undefined);
    });

    it("routes /order and /ws by path to their own groups, /ws only for the API name (the CDN carries no WebSocket)", () => {
        const plan = stacks()[MYSQL_STACK];
        const https = mockId(LISTENER, "lc-cn-hangzhou-lb-https");
        const rule = (r: string) => named(plan, RULE, `lc-cn-hangzhou-lb-rule-${r}`);
        assert.deepStrictEqual(
            ["order", "ws"].map((r) => [input(rule(r), "listenerId"), input(rule(r), "priority"), input(rule(r), "ruleConditions"), input(rule(r), "ruleActions")]),
            [
                [https, 10, [{ pathConfig: { values: ["/order", "/order/*"] }, type: "Path" }], [{ forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: gid("order") }] }, order: 1, type: "ForwardGroup" }]],
                [https, 20, [{ pathConfig: { values: ["/ws", "/ws/*"] }, type: "Path" }, { hostConfig: { values: ["api.live.example.com"] }, type: "Host" }], [{ forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: gid("ws") }] }, order: 1, type: "ForwardGroup" }]],
            ],
        );
    });

    it("HTTP only redirects every path to HTTPS with a 301", () => {
        const plan = stacks()[MYSQL_STACK];
        const http = named(plan, LISTENER, "lc-cn-hangzhou-lb-http");
        assert.deepStrictEqual([input(http, "listenerProtocol"), input(http, "listenerPort")], ["HTTP", 80]);
        const redirect = named(plan, RULE, "lc-cn-hangzhou-lb-rule-redirect");
        assert.strictEqual(input(redirect, "listenerId"), mockId(LISTENER, "lc-cn-hangzhou-lb-http"));
        assert.strictEqual(input(redirect, "priority"), 1);
        assert.deepStrictEqual(input(redirect, "ruleConditions"), [{ pathConfig: { values: ["/*"] }, type: "Path" }]);
        assert.deepStrictEqual(input(redirect, "ruleActions"), [{ order: 1, redirectConfig: { httpCode: "301", port: "443", protocol: "HTTPS" }, type: "Redirect" }]);
    });
});
