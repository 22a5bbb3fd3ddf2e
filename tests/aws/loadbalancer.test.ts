import * as assert from "assert";

import { DEREGISTRATION_DELAY_SECONDS, HEALTH_CHECK, ROUTES, WEBSOCKET_IDLE_TIMEOUT_SECONDS, failureDetectionSeconds } from "../../components/model";
import { at, childrenOf, countByType, ofType, one, plan, regionOutput, strings } from "./plans";

const TG = "aws:lb/targetGroup:TargetGroup";

describe("aws LoadBalancer (compute vm: the ROUTES of the app group)", () => {
    it("declares one ALB, a certificate with its validation, two listeners, a rule per path route and a target group per route", async () => {
        const p = await plan("growth-vm-aws");
        assert.deepStrictEqual(countByType(childrenOf(p, "lc-us-east-1-lb")), {
            "aws:acm/certificate:Certificate": 1,
            "aws:acm/certificateValidation:CertificateValidation": 1,
            "aws:lb/loadBalancer:LoadBalancer": 1,
            "aws:lb/listener:Listener": 2,
            "aws:lb/listenerRule:ListenerRule": ROUTES.filter((r) => r.pathPatterns.length > 0).length,
            "aws:lb/targetGroup:TargetGroup": ROUTES.length,
        });
    });

    it("the ALB spans every public subnet, is protected and drops invalid headers, idles long enough for WebSocket, logs to the logs bucket", async () => {
        const p = await plan("growth-vm-aws");
        const lb = one(p, "aws:lb/loadBalancer:LoadBalancer");
        assert.strictEqual(at(lb, "loadBalancerType"), "application");
        assert.strictEqual(strings(at(lb, "subnets")).length, 2);
        assert.deepStrictEqual(at(lb, "subnets"), regionOutput(p, "us-east-1", "publicSubnetIds"));
        assert.strictEqual(at(lb, "enableDeletionProtection"), true);
        assert.strictEqual(at(lb, "dropInvalidHeaderFields"), true);
        assert.strictEqual(at(lb, "idleTimeout"), WEBSOCKET_IDLE_TIMEOUT_SECONDS);
        assert.strictEqual(at(lb, "accessLogs", "enabled"), true);
        const logs = one(p, "aws:s3/bucket:Bucket", "-storage-logs");
        assert.ok(String(at(lb, "accessLogs", "bucket")).startsWith(logs.name));
    });

    it("HTTPS with the TLS 1.3 policy and the validated certificate; HTTP only redirects", async () => {
        const p = await plan("growth-vm-aws");
        const https = one(p, "aws:lb/listener:Listener", "-https");
        const http = one(p, "aws:lb/listener:Listener", "-http");
        assert.strictEqual(at(https, "protocol"), "HTTPS");
        assert.strictEqual(at(https, "sslPolicy"), "ELBSecurityPolicy-TLS13-1-2-2021-06");
        assert.match(String(at(https, "certificateArn")), /^arn:aws:acm:us-east-1:/);
        assert.strictEqual(at(https, "defaultActions", 0, "type"), "forward");
        assert.strictEqual(at(http, "defaultActions", 0, "type"), "redirect");
        assert.strictEqual(at(http, "defaultActions", 0, "redirect", "protocol"), "HTTPS");
        assert.strictEqual(at(http, "defaultActions", 0, "redirect", "statusCode"), "HTTP_301");
    });

    it("routes by path per ROUTES; target groups check health within 10 s and drain; only /ws is sticky", async () => {
        const p = await plan("growth-vm-aws");
        for (const route of ROUTES.filter((r) => r.pathPatterns.length > 0)) {
            const rule = one(p, "aws:lb/listenerRule:ListenerRule", `-rule-${route.name}`);
            assert.deepStrictEqual(at(rule, "conditions", 0, "pathPattern", "values"), route.pathPatterns);
            assert.strictEqual(at(rule, "priority"), route.priority);
        }
        for (const tg of ofType(p, TG)) {
            const interval = Number(at(tg, "healthCheck", "interval"));
            const unhealthy = Number(at(tg, "healthCheck", "unhealthyThreshold"));
            assert.strictEqual(interval * unhealthy, failureDetectionSeconds(HEALTH_CHECK));
            assert.strictEqual(interval * unhealthy, 10);
            assert.strictEqual(at(tg, "healthCheck", "path"), HEALTH_CHECK.path);
            assert.strictEqual(at(tg, "deregistrationDelay"), DEREGISTRATION_DELAY_SECONDS);
            assert.strictEqual(at(tg, "stickiness", "enabled"), tg.name.endsWith("-tg-ws"));
        }
    });
});
