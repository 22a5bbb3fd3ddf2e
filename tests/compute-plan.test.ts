// The three compute choices on both clouds, asserted on the real program's plan: exactly one
// business tier per region, the routes of that tier, and the exact inputs of the serverless tier
// (SAE applications, scaling rules and ingress; ECS services, Application Auto Scaling; the
// serverless databases).

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

import { Plan, planStack } from "../tools/lib/record";
import { evaluatePolicies } from "../tools/lib/evaluate";
import { POLICIES } from "../policies/all";
import { PlanCache, at, list, ofType, one, stackDir, stackFile } from "./helpers";
import { shippedPlan } from "./support/shipped";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * A 3-hour event on the first weekday at least 10 days ahead, 06:00-09:00 UTC (14:00-17:00 in
 * Shanghai, 01:00-04:00 or 02:00-05:00 in New York): clear of the test stacks' peaks (evening
 * 19:00-23:00 Shanghai and New York, weekend 10:00-14:00 Shanghai) with their 30-minute lead and
 * release, whatever hour the tests run at, so the exact inputs below do not depend on the clock.
 */
function offPeakEventWindow(now: number = Date.now()): { start: string; end: string } {
    let day = Math.floor(now / DAY_MS) * DAY_MS + 10 * DAY_MS;
    while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
    const start = day + 6 * HOUR_MS;
    const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.000Z$/, "Z");
    return { start: iso(start), end: iso(start + 3 * HOUR_MS) };
}

const EVENT = { name: "double12", ...offPeakEventWindow(), peakOnline: 40000, timeZone: "Asia/Shanghai" };
const ALI_EVENT_STACK = "event-alicloud-serverless";
/** An SAE stack whose evening peak is in London (daylight saving: GMT in winter, BST in summer). */
const ALI_LONDON_STACK = "london-alicloud-serverless";
const AWS_EVENT_STACK = "event-aws-serverless";

/** The shipped serverless stack's settings plus a planned event 10 days ahead. */
function eventStacks(): string {
    const common = { stage: "growth", compute: "serverless", domain: "live.example.com", events: [EVENT] };
    return stackDir({
        [ALI_EVENT_STACK]: stackFile({
            ...common,
            cloud: "alicloud",
            regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
            peaks: [
                { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
                { name: "weekend", recurrence: "weekly", days: ["sat", "sun"], start: "10:00", end: "14:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
            ],
            tls: { certificateId: "14211234-cn-hangzhou" },
        }),
        [ALI_LONDON_STACK]: stackFile({
            stage: "growth",
            compute: "serverless",
            domain: "live.example.com",
            cloud: "alicloud",
            regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
            peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Europe/London" }],
            tls: { certificateId: "14211234-cn-hangzhou" },
        }),
        [AWS_EVENT_STACK]: stackFile({
            ...common,
            cloud: "aws",
            regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }],
            peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "America/New_York" }],
        }),
    });
}

/** Minute-precision UTC instant `minutes` from an ISO instant. */
function shifted(iso: string, minutes: number): string {
    return new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(/:\d{2}\.\d{3}Z$/, ":00Z");
}

/** The same instant as date and HH:MM in Asia/Shanghai (UTC+8, no daylight saving). */
function shanghai(iso: string): { date: string; time: string } {
    const local = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
    return { date: local.slice(0, 10), time: local.slice(11, 16) };
}

describe("compute choices on the plan", function () {
    this.timeout(600_000);
    const plans = new PlanCache();
    const plan = (stack: string): Plan => plans.get(stack);

    before(async () => {
        for (const stack of ["startup-alicloud", "startup-aws", "growth-alicloud", "growth-aws", "growth-alicloud-serverless", "growth-aws-serverless"]) {
            plans.set(stack, await shippedPlan(stack));
        }
        const dir = eventStacks();
        for (const stack of [ALI_EVENT_STACK, AWS_EVENT_STACK, ALI_LONDON_STACK]) plans.set(stack, await planStack(stack, dir));
    });

    // The app group only: Alibaba Cloud's video tier runs a second ESS group of transcoders.
    const TIERS: Readonly<Record<string, readonly string[]>> = {
        vm: ["live-commerce:alicloud:AutoScaling", "aws:autoscaling/group:Group"],
        kubernetes: ["alicloud:cs/managedKubernetes:ManagedKubernetes", "aws:eks/cluster:Cluster", "kubernetes:apps/v1:Deployment"],
        serverless: ["alicloud:sae/application:Application", "aws:ecs/service:Service"],
    };
    const CASES: readonly { stack: string; compute: string }[] = [
        { stack: "startup-alicloud", compute: "vm" },
        { stack: "startup-aws", compute: "vm" },
        { stack: "growth-alicloud", compute: "kubernetes" },
        { stack: "growth-aws", compute: "kubernetes" },
        { stack: "growth-alicloud-serverless", compute: "serverless" },
        { stack: "growth-aws-serverless", compute: "serverless" },
    ];
    for (const { stack, compute } of CASES) {
        it(`${stack}: exactly one business tier (${compute}), reported as the region's compute`, () => {
            const p = plan(stack);
            for (const [tier, types] of Object.entries(TIERS)) {
                const present = types.some((t) => ofType(p, t).length > 0);
                assert.strictEqual(present, tier === compute, `${stack}: ${tier} tier ${present ? "present" : "absent"}`);
            }
            const regions = Object.values(p.outputs.regions ?? {});
            assert.ok(regions.length > 0);
            for (const r of regions) assert.strictEqual(at(r, "compute"), compute);
        });
    }

    describe("routes of each tier", () => {
        it("vm: three path routes (/order, /ws, the rest) to instance targets of the one app group", () => {
            const groups = ofType(plan("startup-aws"), "aws:lb/targetGroup:TargetGroup");
            assert.deepStrictEqual(groups.map((g) => g.name).sort(), ["lc-us-east-1-lb-tg-api", "lc-us-east-1-lb-tg-order", "lc-us-east-1-lb-tg-ws"]);
            for (const g of groups) assert.strictEqual(g.inputs.targetType, "instance");
            const asg = ofType(plan("startup-aws"), "aws:autoscaling/group:Group");
            assert.strictEqual(asg.length, 1);
            assert.strictEqual(list(asg[0].inputs.targetGroupArns).length, 3);
            const serverGroups = ofType(plan("startup-alicloud"), "alicloud:alb/serverGroup:ServerGroup");
            assert.deepStrictEqual(serverGroups.map((g) => g.inputs.serverGroupType), ["Instance", "Instance", "Instance"]);
        });

        for (const stack of ["growth-aws-serverless"]) {
            it(`${stack}: one ip target group and path rule per service; product is the default`, () => {
                const p = plan(stack);
                const groups = ofType(p, "aws:lb/targetGroup:TargetGroup");
                assert.deepStrictEqual(groups.map((g) => g.name.replace("lc-us-east-1-lb-tg-", "")).sort(), ["interaction", "order", "product", "user"]);
                for (const g of groups) assert.strictEqual(g.inputs.targetType, "ip");
                const rules = ofType(p, "aws:lb/listenerRule:ListenerRule")
                    .map((r) => [r.inputs.priority, at(r.inputs, "conditions", 0, "pathPattern", "values")])
                    .sort((a, b) => Number(a[0]) - Number(b[0]));
                assert.deepStrictEqual(rules, [
                    [110, ["/api/users", "/api/users/*"]],
                    [120, ["/order", "/order/*"]],
                    [130, ["/ws", "/ws/*"]],
                ]);
                assert.strictEqual(one(p, "aws:lb/targetGroup:TargetGroup", "lc-us-east-1-lb-tg-interaction").inputs.stickiness !== undefined, true);
            });
        }

        it("kubernetes: the three path routes to instance targets, the nodes answering on each route's NodePort", () => {
            const groups = ofType(plan("growth-aws"), "aws:lb/targetGroup:TargetGroup");
            assert.deepStrictEqual(groups.map((g) => [g.name.replace("lc-us-east-1-lb-tg-", ""), g.inputs.targetType, g.inputs.port]).sort(), [
                ["api", "instance", 30080],
                ["order", "instance", 30082],
                ["ws", "instance", 30081],
            ]);
            const serverGroups = ofType(plan("growth-alicloud"), "alicloud:alb/serverGroup:ServerGroup");
            assert.deepStrictEqual(serverGroups.map((g) => [g.inputs.serverGroupName, g.inputs.serverGroupType]).sort(), [
                ["lc-cn-hangzhou-lb-api", "Instance"],
                ["lc-cn-hangzhou-lb-order", "Instance"],
                ["lc-cn-hangzhou-lb-ws", "Instance"],
            ]);
        });
    });

    it("the load balancer's health check per tier: /healthz on servers and NodePorts, /ready on Fargate tasks (the only gate in front of a task), within the ECS grace period", () => {
        const paths = (stack: string): string[] => [...new Set(ofType(plan(stack), "aws:lb/targetGroup:TargetGroup").map((g) => String(at(g.inputs, "healthCheck", "path"))))];
        assert.deepStrictEqual(paths("startup-aws"), ["/healthz"]);
        assert.deepStrictEqual(paths("growth-aws"), ["/healthz"]);
        const p = plan("growth-aws-serverless");
        const groups = ofType(p, "aws:lb/targetGroup:TargetGroup");
        assert.ok(groups.length >= 3);
        for (const g of groups) {
            assert.deepStrictEqual(
                [g.inputs.targetType, at(g.inputs, "healthCheck", "path"), at(g.inputs, "healthCheck", "port"), at(g.inputs, "healthCheck", "interval"), at(g.inputs, "healthCheck", "unhealthyThreshold"), at(g.inputs, "healthCheck", "matcher")],
                ["ip", "/ready", "traffic-port", 5, 2, "200"],
                g.name,
            );
        }
        // ECS replaces a task failing that check only after its grace period: the warm-up (120 s) answers 503 on /ready
        // without a restart, and the target group's 2 healthy checks 5 s apart, the last answered within its 3 s
        // timeout, count it healthy by 133 s.
        for (const svc of ofType(p, "aws:ecs/service:Service")) assert.strictEqual(svc.inputs.healthCheckGracePeriodSeconds, 133, svc.name);
        const serverGroupPaths = (stack: string): string[] => [...new Set(ofType(plan(stack), "alicloud:alb/serverGroup:ServerGroup").map((g) => String(at(g.inputs, "healthCheckConfig", "healthCheckPath"))))];
        assert.deepStrictEqual(serverGroupPaths("startup-alicloud"), ["/healthz"]);
        assert.deepStrictEqual(serverGroupPaths("growth-alicloud"), ["/healthz"]);
    });

    it("every path any tier probes is one the app image contract of docs/METRICS.md asks images to answer", () => {
        const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "METRICS.md"), "utf8");
        const contract = doc.slice(doc.indexOf("## The app image contract"));
        const table = contract.slice(0, contract.indexOf("\n## ") > 0 ? contract.indexOf("\n## ") : undefined);
        const answered = new Set([...table.matchAll(/`GET (\/[a-z]+)`/g)].map((m) => m[1]));
        assert.deepStrictEqual([...answered].sort(), ["/healthz", "/ready"], "the contract names its paths");
        const probed = new Map<string, string>();
        for (const { stack } of CASES) {
            const p = plan(stack);
            for (const app of ofType(p, "alicloud:sae/application:Application")) {
                probed.set(String(at(app.inputs, "readinessV2", "httpGet", "path")), `${stack} ${app.name} readinessV2`);
                probed.set(String(at(app.inputs, "livenessV2", "httpGet", "path")), `${stack} ${app.name} livenessV2`);
            }
            for (const d of ofType(p, "kubernetes:apps/v1:Deployment")) {
                for (const c of list(at(d.inputs, "spec", "template", "spec", "containers"))) {
                    for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
                        const probedAt = at(c, probe, "httpGet", "path");
                        if (probedAt !== undefined) probed.set(String(probedAt), `${stack} ${d.name} ${probe}`);
                    }
                }
            }
            for (const tg of ofType(p, "aws:lb/targetGroup:TargetGroup")) probed.set(String(at(tg.inputs, "healthCheck", "path")), `${stack} ${tg.name} healthCheck`);
            for (const sg of ofType(p, "alicloud:alb/serverGroup:ServerGroup")) probed.set(String(at(sg.inputs, "healthCheckConfig", "healthCheckPath")), `${stack} ${sg.name} healthCheckConfig`);
        }
        for (const [probedPath, where] of probed) assert.ok(answered.has(probedPath), `${where} probes ${probedPath}, which the app image contract does not ask images to answer`);
        assert.deepStrictEqual([...probed.keys()].sort(), ["/healthz", "/ready"], "both contract paths are probed somewhere");
    });

    describe("serverless on Alibaba Cloud (SAE, PolarDB Serverless)", () => {
        it("one Image application per service over both zones' vSwitches, one instance per zone at least, probes on /ready and /healthz", () => {
            const p = plan("growth-alicloud-serverless");
            const apps = ofType(p, "alicloud:sae/application:Application");
            const floors: Record<string, [number, number, number]> = { user: [2, 1000, 2048], product: [2, 1000, 2048], order: [3, 2000, 4096], interaction: [3, 2000, 4096] };
            assert.deepStrictEqual(apps.map((a) => a.inputs.appName).sort(), ["lc-interaction", "lc-order", "lc-product", "lc-user"]);
            for (const app of apps) {
                const service = String(app.inputs.appName).replace("lc-", "");
                const [replicas, cpu, memory] = floors[service];
                assert.strictEqual(app.inputs.packageType, "Image");
                assert.strictEqual(app.inputs.imageUrl, `registry.example.com/live-commerce/${service}:1.0.0`);
                assert.strictEqual(app.inputs.replicas, replicas);
                assert.strictEqual(app.inputs.cpu, cpu);
                assert.strictEqual(app.inputs.memory, memory);
                assert.strictEqual(String(app.inputs.vswitchId).split(",").length, 2, "one vSwitch per zone");
                assert.strictEqual(app.inputs.minReadyInstances, 2);
                assert.strictEqual(app.inputs.timezone, "Asia/Shanghai");
                assert.deepStrictEqual(at(app.inputs, "readinessV2", "httpGet"), { path: "/ready", port: 8080, scheme: "HTTP" });
                assert.deepStrictEqual(at(app.inputs, "livenessV2", "httpGet"), { path: "/healthz", port: 8080, scheme: "HTTP" });
                assert.strictEqual(at(app.inputs, "readinessV2", "periodSeconds"), 5);
                assert.strictEqual(at(app.inputs, "readinessV2", "failureThreshold"), 2);
            }
        });

        it("the SAE ingress creates the ALB's HTTPS listener with a path rule per service and product as default; no ALB HTTPS listener of our own", () => {
            const p = plan(ALI_EVENT_STACK);
            const ingress = ofType(p, "alicloud:sae/ingress:Ingress");
            assert.strictEqual(ingress.length, 1);
            const i = ingress[0].inputs;
            assert.strictEqual(i.loadBalanceType, "alb");
            assert.strictEqual(i.listenerPort, 443);
            assert.strictEqual(i.listenerProtocol, "HTTPS");
            assert.strictEqual(i.certIds, "14211234-cn-hangzhou");
            const rules = list(i.rules).map((r) => [at(r, "domain"), at(r, "path"), at(r, "containerPort")]);
            // Every path pattern of a route: ALB path conditions match exactly or by wildcard, not by prefix.
            assert.deepStrictEqual(rules, [
                ["live.example.com", "/api/users", 8080],
                ["api.live.example.com", "/api/users", 8080],
                ["live.example.com", "/api/users/*", 8080],
                ["api.live.example.com", "/api/users/*", 8080],
                ["live.example.com", "/order", 8080],
                ["api.live.example.com", "/order", 8080],
                ["live.example.com", "/order/*", 8080],
                ["api.live.example.com", "/order/*", 8080],
                // WebSocket only on the API name: Alibaba Cloud CDN does not carry it (websocketHostname)
                ["api.live.example.com", "/ws", 8080],
                ["api.live.example.com", "/ws/*", 8080],
            ]);
            assert.strictEqual(at(i, "defaultRule", "containerPort"), 8080);
            const listeners = ofType(p, "alicloud:alb/listener:Listener");
            assert.deepStrictEqual(listeners.map((l) => l.inputs.listenerProtocol), ["HTTP"], "only the redirect listener is ours");
            assert.strictEqual(ofType(p, "alicloud:alb/serverGroup:ServerGroup").length, 1, "the redirect listener's required default group");
        });

        it("mixed scaling rule per service: CPU 70% and tcpActiveConn 5,000, the evening peak's timer; one more mixed rule for the event", () => {
            const p = plan(ALI_EVENT_STACK);
            const rule = one(p, "alicloud:sae/applicationScalingRule:ApplicationScalingRule", "lc-cn-hangzhou-sae-order-scaling").inputs;
            assert.strictEqual(rule.scalingRuleType, "mix");
            assert.strictEqual(rule.scalingRuleEnable, true);
            assert.deepStrictEqual(at(rule, "scalingRuleMetric", "metrics"), [
                { metricTargetAverageUtilization: 70, metricType: "CPU" },
                { metricTargetAverageUtilization: 5000, metricType: "tcpActiveConn" },
            ]);
            assert.strictEqual(at(rule, "scalingRuleMetric", "minReplicas"), 3);
            assert.strictEqual(at(rule, "scalingRuleMetric", "maxReplicas"), 20);
            assert.deepStrictEqual(at(rule, "scalingRuleMetric", "scaleUpRules"), { disabled: false, stabilizationWindowSeconds: 0, step: 21 });
            assert.deepStrictEqual(at(rule, "scalingRuleMetric", "scaleDownRules"), { disabled: false, stabilizationWindowSeconds: 1800, step: 1 });
            // order is CPU-bound (serviceFloor): 20,000 viewers / (5,000 x 0.8) = 5 -> 6 app instances (2 zones), order 3 x 6 / 4 = 4.5 -> 5,
            // rounded up to whole zones: 6; pre-scaled 30 min before 19:00, released 30 min after 23:00.
            assert.deepStrictEqual(at(rule, "scalingRuleTimer"), {
                period: "* * *",
                schedules: [
                    { atTime: "18:30", maxReplicas: 20, minReplicas: 6 },
                    { atTime: "23:30", maxReplicas: 20, minReplicas: 3 },
                ],
            });
            const prescale = shanghai(shifted(EVENT.start, -30));
            const release = shanghai(shifted(EVENT.end, 30));
            // 14:00-17:00 in Shanghai: one calendar day, one rule of the events valid on that day only, named by it.
            const event = one(p, "alicloud:sae/applicationScalingRule:ApplicationScalingRule", `lc-cn-hangzhou-sae-order-events-${prescale.date.replace(/-/g, "")}`).inputs;
            assert.strictEqual(event.scalingRuleName, `order-events-${prescale.date.slice(5).replace("-", "")}`);
            assert.strictEqual(event.scalingRuleType, "mix");
            assert.deepStrictEqual(at(event, "scalingRuleTimer"), {
                beginDate: prescale.date,
                endDate: release.date,
                period: "* * *",
                schedules: [
                    // 40,000 viewers: 10 app instances; order 3 x 10 / 4 = 7.5 -> 8.
                    { atTime: prescale.time, maxReplicas: 20, minReplicas: 8 },
                    { atTime: release.time, maxReplicas: 20, minReplicas: 3 },
                ],
            });
            // The weekly peak: a rule of its own, its timer on Saturday and Sunday only (SAE period "* * Sun,Sat").
            const weekend = one(p, "alicloud:sae/applicationScalingRule:ApplicationScalingRule", "lc-cn-hangzhou-sae-order-scaling-2").inputs;
            assert.deepStrictEqual([weekend.scalingRuleName, weekend.scalingRuleType, weekend.scalingRuleEnable], ["order-elastic-2", "mix", true]);
            assert.deepStrictEqual(at(weekend, "scalingRuleTimer"), {
                period: "* * Sun,Sat",
                schedules: [
                    { atTime: "09:30", maxReplicas: 20, minReplicas: 6 },
                    { atTime: "14:30", maxReplicas: 20, minReplicas: 3 },
                ],
            });
            assert.deepStrictEqual(at(weekend, "scalingRuleMetric"), at(rule, "scalingRuleMetric"), "each rule carries the same metric part");
            assert.strictEqual(ofType(p, "alicloud:sae/applicationScalingRule:ApplicationScalingRule").length, 12, "three rules per service: daily timer, weekly timer, event");
        });

        it("each application reads only its own service's passwords, by reference to a ConfigMap of its own, never in its envs", () => {
            const p = plan("growth-alicloud-serverless");
            const needs: Record<string, string[]> = { user: ["DATABASE_PASSWORD", "REDIS_PASSWORD"], product: ["DATABASE_PASSWORD", "REDIS_PASSWORD"], order: ["DATABASE_PASSWORD", "REDIS_PASSWORD"], interaction: ["REDIS_PASSWORD"] };
            const configMaps = ofType(p, "alicloud:sae/configMap:ConfigMap");
            assert.deepStrictEqual(configMaps.map((c) => c.inputs.name).sort(), ["interaction-credentials", "order-credentials", "product-credentials", "user-credentials"]);
            for (const [service, keys] of Object.entries(needs)) {
                const app = one(p, "alicloud:sae/application:Application", `lc-cn-hangzhou-sae-${service}`);
                const configMap = one(p, "alicloud:sae/configMap:ConfigMap", `lc-cn-hangzhou-sae-${service}-credentials`);
                assert.strictEqual(configMap.inputs.data, "[secret]");
                assert.strictEqual(configMap.inputs.namespaceId, "cn-hangzhou:lccnhangzhou");
                assert.strictEqual(app.inputs.namespaceId, configMap.inputs.namespaceId);
                const envs = list(JSON.parse(String(app.inputs.envs)));
                const database = keys.includes("DATABASE_PASSWORD");
                assert.deepStrictEqual(
                    envs.filter((e) => at(e, "valueFrom") !== undefined),
                    keys.map((key) => ({ name: key, valueFrom: { configMapRef: { configMapId: Number(configMap.id), key } } })),
                    `${service} reads ${keys.join(", ")} from its own ConfigMap and nothing else`,
                );
                assert.deepStrictEqual(envs.filter((e) => String(at(e, "name")).startsWith("DATABASE_")).map((e) => at(e, "name")), database ? ["DATABASE_HOST", "DATABASE_READER_HOST", "DATABASE_USER", "DATABASE_PASSWORD"] : []);
                assert.ok(!String(app.inputs.envs).includes("mock-secret-"), "no password in the envs");
            }
        });

        it("a London peak: each timer is limited to dates of one London offset, at that offset's Shanghai times (02:30/07:30 in GMT, 01:30/06:30 in BST)", () => {
            const p = plan(ALI_LONDON_STACK);
            // London's offset from UTC in hours at noon UTC of a date, read from Intl (not from the blueprint's time zone code).
            const londonOffset = (date: string): number => {
                const hour = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/London", hour: "2-digit", hourCycle: "h23" }).format(new Date(`${date}T12:00:00Z`));
                return Number(hour) - 12;
            };
            for (const service of ["user", "product", "order", "interaction"]) {
                const rules = ofType(p, "alicloud:sae/applicationScalingRule:ApplicationScalingRule")
                    .filter((r) => r.name.startsWith(`lc-cn-hangzhou-sae-${service}-scaling`))
                    .map((r) => at(r.inputs, "scalingRuleTimer"));
                assert.ok(rules.length === 1 || rules.length === 2, `${service}: one span, or two when an offset change falls within the 90-day horizon`);
                let previousEnd = "";
                for (const timer of rules) {
                    const begin = String(at(timer, "beginDate"));
                    const end = String(at(timer, "endDate"));
                    assert.match(begin, /^\d{4}-\d{2}-\d{2}$/);
                    assert.match(end, /^\d{4}-\d{2}-\d{2}$/);
                    assert.ok(begin > previousEnd && end > begin, `${service}: spans follow each other without overlap (${previousEnd} < ${begin} < ${end})`);
                    previousEnd = end;
                    // The middle of the span: one London offset holds throughout it.
                    const middle = new Date((Date.parse(begin) + Date.parse(end)) / 2).toISOString().slice(0, 10);
                    const expected = londonOffset(middle) === 0 ? ["02:30", "07:30"] : ["01:30", "06:30"];
                    assert.strictEqual(londonOffset(begin), londonOffset(middle), `${service}: the span starts after its offset took effect`);
                    assert.strictEqual(at(timer, "period"), "* * *");
                    assert.deepStrictEqual(list(at(timer, "schedules")).map((x) => at(x, "atTime")), expected, `${service} ${begin}..${end}`);
                }
            }
        });

        it("releases with the scaling rules on: autoEnableApplicationScalingRule, one ready instance per zone on the application and on every rule", () => {
            const p = plan(ALI_EVENT_STACK);
            for (const app of ofType(p, "alicloud:sae/application:Application")) {
                assert.deepStrictEqual([app.inputs.autoEnableApplicationScalingRule, app.inputs.minReadyInstances, app.inputs.minReadyInstanceRatio], [true, 2, -1], app.name);
                // a later `pulumi up` leaves the instance count the rules set (no RescaleApplication back to the floor)
                assert.deepStrictEqual(app.ignoreChanges, ["replicas"], app.name);
            }
            const rules = ofType(p, "alicloud:sae/applicationScalingRule:ApplicationScalingRule");
            assert.strictEqual(rules.length, 12);
            for (const rule of rules) assert.deepStrictEqual([rule.inputs.scalingRuleEnable, rule.inputs.minReadyInstances, rule.inputs.minReadyInstanceRatio], [true, 2, -1], rule.name);
        });

        it("three-level alarms per application on acs_serverless cpu and memoryPercent, each level to its own contact group", () => {
            const p = plan("growth-alicloud-serverless");
            const app = one(p, "alicloud:sae/application:Application", "lc-cn-hangzhou-sae-order");
            const alarms = ofType(p, "alicloud:cms/alarm:Alarm").filter((a) => at(a.inputs, "tags", "service") === "order");
            assert.deepStrictEqual(
                alarms.map((a) => [a.inputs.metric, at(a.inputs, "tags", "level"), list(a.inputs.contactGroups)[0]]).sort(),
                [
                    ["cpu", "critical", "lc-cn-hangzhou-monitoring-critical"],
                    ["cpu", "fatal", "lc-cn-hangzhou-monitoring-fatal"],
                    ["cpu", "warning", "lc-cn-hangzhou-monitoring-warning"],
                    ["memoryPercent", "critical", "lc-cn-hangzhou-monitoring-critical"],
                    ["memoryPercent", "fatal", "lc-cn-hangzhou-monitoring-fatal"],
                    ["memoryPercent", "warning", "lc-cn-hangzhou-monitoring-warning"],
                ],
            );
            const cpuCritical = one(p, "alicloud:cms/alarm:Alarm", "lc-cn-hangzhou-sae-alarm-order-serviceCpuPercent-critical").inputs;
            assert.strictEqual(cpuCritical.project, "acs_serverless");
            assert.strictEqual(cpuCritical.metricDimensions, JSON.stringify([{ appId: app.id }]));
            assert.deepStrictEqual(cpuCritical.escalationsWarn, { comparisonOperator: ">", statistics: "Average", threshold: "85", times: 3 });
            const cpuWarning = one(p, "alicloud:cms/alarm:Alarm", "lc-cn-hangzhou-sae-alarm-order-serviceCpuPercent-warning").inputs;
            assert.deepStrictEqual(cpuWarning.escalationsInfo, { comparisonOperator: ">", statistics: "Average", threshold: "70", times: 5 });
            assert.strictEqual(ofType(p, "alicloud:cms/alarm:Alarm").filter((a) => a.inputs.project === "acs_serverless").length, 4 * 2 * 3);
        });

        it("PolarDB Serverless: serverless node class, 1-16 PCU, read-only nodes 1-4, the seed's CPU thresholds", () => {
            const db = ofType(plan("growth-alicloud-serverless"), "alicloud:polardb/cluster:Cluster")[0].inputs;
            assert.strictEqual(db.dbNodeClass, "polar.mysql.sl.small");
            assert.strictEqual(db.serverlessType, "AgileServerless");
            assert.strictEqual(db.scaleMin, 1);
            assert.strictEqual(db.scaleMax, 16);
            assert.strictEqual(db.scaleRoNumMin, 1);
            assert.strictEqual(db.scaleRoNumMax, 4);
            assert.strictEqual(db.serverlessRuleCpuEnlargeThreshold, 70);
            assert.strictEqual(db.serverlessRuleCpuShrinkThreshold, 30);
            assert.strictEqual(db.dbNodeCount, undefined);
            assert.strictEqual(db.hotStandbyCluster, "ON");
            // Transaction resumption: the first read-only node is a hot replica, and transaction status
            // preservation is on (it must be enabled separately: loose_innodb_trx_resume ON).
            assert.deepStrictEqual([db.hotReplicaMode, db.dbNodeId], ["ON", "1"]);
            assert.deepStrictEqual(db.parameters, [{ name: "loose_innodb_trx_resume", value: "ON" }]);
        });
    });

    describe("serverless on AWS (ECS on Fargate, Aurora Serverless v2)", () => {
        it("one Fargate service per business service over both private subnets, behind its ip target group, rolling with a circuit breaker", () => {
            const p = plan("growth-aws-serverless");
            const services = ofType(p, "aws:ecs/service:Service");
            assert.strictEqual(services.length, 4);
            for (const s of services) {
                assert.strictEqual(s.inputs.launchType, "FARGATE");
                assert.strictEqual(list(at(s.inputs, "networkConfiguration", "subnets")).length, 2);
                assert.strictEqual(at(s.inputs, "networkConfiguration", "assignPublicIp"), false);
                assert.deepStrictEqual(at(s.inputs, "deploymentCircuitBreaker"), { enable: true, rollback: true });
                assert.strictEqual(s.inputs.deploymentMinimumHealthyPercent, 100);
                assert.strictEqual(s.inputs.availabilityZoneRebalancing, "ENABLED");
                assert.strictEqual(at(s.inputs, "loadBalancers", 0, "containerPort"), 8080);
            }
            assert.strictEqual(one(p, "aws:ecs/service:Service", "lc-us-east-1-fargate-order").inputs.desiredCount, 3);
            const task = one(p, "aws:ecs/taskDefinition:TaskDefinition", "lc-us-east-1-fargate-order-task").inputs;
            assert.deepStrictEqual([task.cpu, task.memory, task.networkMode, task.requiresCompatibilities], ["2048", "4096", "awsvpc", ["FARGATE"]]);
            const container = JSON.parse(String(task.containerDefinitions))[0];
            assert.strictEqual(container.image, "registry.example.com/live-commerce/order:1.0.0");
            assert.strictEqual(container.readonlyRootFilesystem, true);
            assert.strictEqual(container.user, "10001:10001");
        });

        it("each ECS service waits for the HTTPS listener and its route's rule (CreateService rejects a target group no listener forwards to); the running count is left to Application Auto Scaling", () => {
            const p = plan("growth-aws-serverless");
            const urn = (type: string, name: string): string => one(p, type, name).urn;
            const https = urn("aws:lb/listener:Listener", "lc-us-east-1-lb-https");
            const ruleOf = (route: string): string => urn("aws:lb/listenerRule:ListenerRule", `lc-us-east-1-lb-rule-${route}`);
            // product is the listener's default action: no rule of its own.
            const expected: Readonly<Record<string, readonly string[]>> = { user: [https, ruleOf("user")], order: [https, ruleOf("order")], interaction: [https, ruleOf("interaction")], product: [https] };
            for (const [service, waits] of Object.entries(expected)) {
                const s = one(p, "aws:ecs/service:Service", `lc-us-east-1-fargate-${service}`);
                const deps = s.dependencies ?? [];
                for (const d of waits) assert.ok(deps.includes(d), `${service} waits for ${d}`);
                // neither the listener nor a rule is one of its inputs: only dependsOn orders them
                assert.ok(Object.values(s.propertyDependencies ?? {}).every((urns) => !urns.some((u) => waits.includes(u))), service);
                // the listener rules of other routes are not waited for
                const others = ["user", "order", "interaction"].filter((r) => r !== service).map(ruleOf);
                assert.deepStrictEqual(deps.filter((d) => others.includes(d)), [], service);
                assert.deepStrictEqual(s.ignoreChanges, ["desiredCount"], service);
            }
        });

        it("Application Auto Scaling: bounds per service, step policies on the OR / AND metric-math alarms of the VM tier", () => {
            const p = plan("growth-aws-serverless");
            const target = one(p, "aws:appautoscaling/target:Target", "lc-us-east-1-fargate-interaction-target").inputs;
            assert.deepStrictEqual([target.serviceNamespace, target.scalableDimension, target.minCapacity, target.maxCapacity], ["ecs", "ecs:service:DesiredCount", 3, 40]);
            const out = one(p, "aws:appautoscaling/policy:Policy", "lc-us-east-1-fargate-interaction-scale-out").inputs;
            // The VM tier's scale-out: steps proportional to the breach ratio (1x, 2x, 4x, 8x the threshold).
            assert.deepStrictEqual(at(out, "stepScalingPolicyConfiguration"), {
                adjustmentType: "PercentChangeInCapacity",
                cooldown: 60,
                metricAggregationType: "Maximum",
                minAdjustmentMagnitude: 2,
                stepAdjustments: [
                    { metricIntervalLowerBound: "0", metricIntervalUpperBound: "1", scalingAdjustment: 100 },
                    { metricIntervalLowerBound: "1", metricIntervalUpperBound: "3", scalingAdjustment: 300 },
                    { metricIntervalLowerBound: "3", metricIntervalUpperBound: "7", scalingAdjustment: 700 },
                    { metricIntervalLowerBound: "7", scalingAdjustment: 900 },
                ],
            });
            const alarmOut = one(p, "aws:cloudwatch/metricAlarm:MetricAlarm", "lc-us-east-1-fargate-interaction-scale-out-alarm").inputs;
            const queries = list(alarmOut.metricQueries);
            assert.strictEqual(at(queries[2], "expression"), "MAX([FILL(connections, 0) / 5000, FILL(cpu, 0) / 70])");
            assert.strictEqual(alarmOut.comparisonOperator, "GreaterThanThreshold");
            assert.strictEqual(at(queries[1], "metric", "namespace"), "AWS/ECS");
            assert.deepStrictEqual(at(queries[1], "metric", "dimensions"), { ClusterName: "lc-us-east-1-fargate", ServiceName: "interaction" });
            assert.deepStrictEqual(at(queries[0], "metric", "dimensions"), { ClusterName: "lc-us-east-1-fargate", ServiceName: "interaction" });
            assert.strictEqual(target.resourceId, "service/lc-us-east-1-fargate/interaction");
            const alarmIn = one(p, "aws:cloudwatch/metricAlarm:MetricAlarm", "lc-us-east-1-fargate-interaction-scale-in-alarm").inputs;
            // The count is the app's contract on Fargate: a missing one leaves scale-in to CPU (missingConnections).
            assert.strictEqual(at(list(alarmIn.metricQueries)[2], "expression"), "IF(FILL(connections, 0) < 1000 AND FILL(cpu, 30) < 30, 1, 0)");
            assert.strictEqual(alarmIn.evaluationPeriods, 10);
        });

        it("scheduled actions: the event at its UTC instants, the evening peak as cron in its own zone; releases restore bounds only", () => {
            const p = plan(AWS_EVENT_STACK);
            // user is CPU-bound (serviceFloor, floor 2, app.minSize 4): the event's 10 app instances -> 5 -> 6 on 2 zones;
            // the evening's 6 -> 3 -> 4. Every action keeps the ceiling twice the largest floor: 12 (everyday maxSize 10).
            const action = (key: string) => one(p, "aws:appautoscaling/scheduledAction:ScheduledAction", `lc-us-east-1-fargate-user-schedule-${key}`).inputs;
            const prescaleAt = shifted(EVENT.start, -30).slice(0, 16);
            assert.deepStrictEqual([action("double12-prescale").schedule, action("double12-prescale").timezone, action("double12-prescale").scalableTargetAction], [
                `at(${prescaleAt}:00)`,
                undefined,
                { maxCapacity: 12, minCapacity: 6 },
            ]);
            assert.deepStrictEqual(action("double12-release").scalableTargetAction, { maxCapacity: 12, minCapacity: 2 });
            assert.deepStrictEqual([action("evening-prescale").schedule, action("evening-prescale").timezone, action("evening-prescale").scalableTargetAction], [
                "cron(30 18 * * ? *)",
                "America/New_York",
                // The peak's own ceiling: no run of the evening actions falls in double12's raised span.
                { maxCapacity: 10, minCapacity: 4 },
            ]);
            assert.deepStrictEqual([action("evening-release").schedule, action("evening-release").scalableTargetAction], ["cron(30 23 * * ? *)", { maxCapacity: 10, minCapacity: 2 }]);
            // A peak occurrence inside the event is followed by a restore of the event's floor (shared timetable).
            const user = ofType(p, "aws:appautoscaling/scheduledAction:ScheduledAction").filter((a) => a.name.startsWith("lc-us-east-1-fargate-user-schedule-"));
            const keys = user.map((a) => a.name.replace("lc-us-east-1-fargate-user-schedule-", ""));
            assert.deepStrictEqual(keys.filter((k) => !k.includes("-restore-")).sort(), ["double12-lower", "double12-prescale", "double12-release", "evening-prescale", "evening-release"]);
            // At the end of the service's drain after the release, MaxCapacity alone back to 10: the evening's ceiling (8) stays under the everyday one.
            assert.deepStrictEqual(action("double12-lower").scalableTargetAction, { maxCapacity: 10 });
            for (const restore of user.filter((a) => a.name.includes("-restore-"))) assert.deepStrictEqual(restore.inputs.scalableTargetAction, { maxCapacity: 12, minCapacity: 6 });
        });

        it("identities: each service has its own execution role reading exactly the secrets ECS injects and its own task role that publishes into LiveCommerce/App and reads the rotating database secret DATABASE_SECRET_ARN names", () => {
            const p = plan("growth-aws-serverless");
            const cluster = ofType(p, "aws:rds/cluster:Cluster")[0];
            const secretArn = String(at(cluster.outputs, "masterUserSecrets", 0, "secretArn"));
            assert.match(secretArn, /^arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-/);
            const cacheSecret = one(p, "aws:secretsmanager/secret:Secret", "lc-us-east-1-fargate-cache-token");
            const cacheSecretArn = String(at(cacheSecret.outputs, "arn"));
            assert.strictEqual(one(p, "aws:secretsmanager/secretVersion:SecretVersion", "lc-us-east-1-fargate-cache-token").inputs.secretString, "[secret]");
            const cache = [{ name: "REDIS_PASSWORD", valueFrom: `${cacheSecretArn}:password::` }];
            // What each service gets: ECS injects the cache token (the stack's own secret, not rotated);
            // the services that use the database read the RDS-managed secret, which RDS rotates every
            // seven days by default, themselves with their task role. The interaction service
            // (likes, comments, WebSocket push) gets no database credential.
            const expected = {
                user: { secrets: cache, reads: [cacheSecretArn], databaseSecret: secretArn },
                product: { secrets: cache, reads: [cacheSecretArn], databaseSecret: secretArn },
                order: { secrets: cache, reads: [cacheSecretArn], databaseSecret: secretArn },
                interaction: { secrets: cache, reads: [cacheSecretArn], databaseSecret: undefined },
            };
            const roleArns = new Set<unknown>();
            for (const [service, want] of Object.entries(expected)) {
                const execution = one(p, "aws:iam/role:Role", `lc-us-east-1-fargate-${service}-execution`);
                const task = one(p, "aws:iam/role:Role", `lc-us-east-1-fargate-${service}-task-role`);
                assert.deepStrictEqual(JSON.parse(String(execution.inputs.assumeRolePolicy)), {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
                });
                assert.deepStrictEqual(JSON.parse(String(task.inputs.assumeRolePolicy)).Statement[0].Condition, {
                    ArnLike: { "aws:SourceArn": "arn:aws:ecs:us-east-1:123456789012:*" },
                    StringEquals: { "aws:SourceAccount": "123456789012" },
                });
                assert.strictEqual(one(p, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", `lc-us-east-1-fargate-${service}-execution-policy`).inputs.policyArn, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
                assert.deepStrictEqual(JSON.parse(String(one(p, "aws:iam/rolePolicy:RolePolicy", `lc-us-east-1-fargate-${service}-execution-secrets`).inputs.policy)), {
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: want.reads }],
                });
                // The task role's policies: publishing the connection metric and, for a service that uses
                // the database, GetSecretValue on exactly the RDS-managed secret (no kms statement: RDS
                // encrypts it with the account's aws/secretsmanager key, masterUserSecretKmsKeyId unset).
                assert.strictEqual(cluster.inputs.masterUserSecretKmsKeyId, undefined);
                const taskPolicies = ofType(p, "aws:iam/rolePolicy:RolePolicy").filter((r) => r.inputs.role === at(task.outputs, "name"));
                assert.deepStrictEqual(
                    taskPolicies.map((r) => [r.name, JSON.parse(String(r.inputs.policy))]).sort((a, b) => (String(a[0]) < String(b[0]) ? 1 : -1)),
                    [
                        [`lc-us-east-1-fargate-${service}-task-role-publish`, { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "LiveCommerce/App" } } }] }],
                        ...(want.databaseSecret === undefined
                            ? []
                            : [[`lc-us-east-1-fargate-${service}-task-role-database-secret`, { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [want.databaseSecret] }] }]]),
                    ],
                );
                const def = one(p, "aws:ecs/taskDefinition:TaskDefinition", `lc-us-east-1-fargate-${service}-task`);
                assert.deepStrictEqual([def.inputs.executionRoleArn, def.inputs.taskRoleArn], [at(execution.outputs, "arn"), at(task.outputs, "arn")]);
                roleArns.add(def.inputs.executionRoleArn).add(def.inputs.taskRoleArn);
                const container = JSON.parse(String(def.inputs.containerDefinitions))[0];
                assert.deepStrictEqual(container.secrets, want.secrets, `${service}'s container secrets`);
                assert.deepStrictEqual(
                    container.environment.filter((e: { name: string }) => e.name === "DATABASE_SECRET_ARN" || e.name.startsWith("DATABASE_USER") || e.name.startsWith("DATABASE_PASSWORD")),
                    want.databaseSecret === undefined ? [] : [{ name: "DATABASE_SECRET_ARN", value: want.databaseSecret }],
                    `${service}'s database secret reference`,
                );
                assert.deepStrictEqual(container.logConfiguration.options, {
                    "awslogs-group": at(one(p, "aws:cloudwatch/logGroup:LogGroup", "lc-us-east-1-fargate-logs").outputs, "name"),
                    "awslogs-region": "us-east-1",
                    "awslogs-stream-prefix": service,
                });
                assert.ok(!String(def.inputs.containerDefinitions).includes("mock-secret-"), "no password in the task definition");
            }
            assert.strictEqual(roleArns.size, 8, "no two services share a role");
        });

        it("least privilege: the plan keeps sec-ecs-task-require-least-privilege-secrets; the interaction execution role reading the database secret is a mandatory finding on its task definition", async () => {
            const p = plan("growth-aws-serverless");
            const rule = POLICIES.filter((x) => x.name === "sec-ecs-task-require-least-privilege-secrets");
            assert.deepStrictEqual((await evaluatePolicies(rule, p.resources, { stage: "growth" })).violations, []);
            const secretArn = String(at(ofType(p, "aws:rds/cluster:Cluster")[0].outputs, "masterUserSecrets", 0, "secretArn"));
            const widened = p.resources.map((r) => {
                if (r.type !== "aws:iam/rolePolicy:RolePolicy" || r.name !== "lc-us-east-1-fargate-interaction-execution-secrets") return r;
                const doc = JSON.parse(String(r.inputs.policy));
                return { ...r, inputs: { ...r.inputs, policy: JSON.stringify({ ...doc, Statement: [{ ...doc.Statement[0], Resource: [secretArn, ...doc.Statement[0].Resource] }] }) } };
            });
            const found = (await evaluatePolicies(rule, widened, { stage: "growth" })).violations;
            assert.deepStrictEqual(
                found.map((v) => [v.enforcement, v.urn.split("::").pop()]),
                [["mandatory", "lc-us-east-1-fargate-interaction-task"]],
            );
            assert.ok(found[0].message.includes(secretArn));
            // The order task role reading the cache token besides the database secret its DATABASE_SECRET_ARN names.
            const cacheSecretArn = String(at(one(p, "aws:secretsmanager/secret:Secret", "lc-us-east-1-fargate-cache-token").outputs, "arn"));
            const appWidened = p.resources.map((r) => {
                if (r.type !== "aws:iam/rolePolicy:RolePolicy" || r.name !== "lc-us-east-1-fargate-order-task-role-database-secret") return r;
                const doc = JSON.parse(String(r.inputs.policy));
                return { ...r, inputs: { ...r.inputs, policy: JSON.stringify({ ...doc, Statement: [{ ...doc.Statement[0], Resource: [...doc.Statement[0].Resource, cacheSecretArn] }] }) } };
            });
            const appFound = (await evaluatePolicies(rule, appWidened, { stage: "growth" })).violations;
            assert.deepStrictEqual(appFound.map((v) => [v.enforcement, v.urn.split("::").pop()]), [["mandatory", "lc-us-east-1-fargate-order-task"]]);
            assert.ok(appFound[0].message.includes(cacheSecretArn) && !appFound[0].message.includes(`${secretArn},`));
        });

        it("three-level alarms per ECS service on AWS/ECS CPU and memory and its target group's unhealthy hosts and 5xx share, each to its level's topic", () => {
            const p = plan("growth-aws-serverless");
            const alarm = (metric: string, level: string) => one(p, "aws:cloudwatch/metricAlarm:MetricAlarm", `lc-us-east-1-fargate-order-${metric}-${level}`).inputs;
            const cpu = alarm("serviceCpuPercent", "critical");
            assert.deepStrictEqual(list(cpu.metricQueries), [
                { id: "cpu", metric: { namespace: "AWS/ECS", metricName: "CPUUtilization", stat: "Average", period: 60, dimensions: { ClusterName: "lc-us-east-1-fargate", ServiceName: "order" } }, returnData: false },
                { id: "value", expression: "cpu", label: "critical: order service CPU % > 85", returnData: true },
            ]);
            assert.deepStrictEqual([cpu.threshold, cpu.evaluationPeriods, cpu.comparisonOperator], [85, 3, "GreaterThanThreshold"]);
            const topic = (level: string) => at(one(p, "aws:sns/topic:Topic", `lc-us-east-1-monitoring-${level}`).outputs, "arn");
            assert.deepStrictEqual([list(cpu.alarmActions), list(cpu.okActions)], [[topic("critical")], [topic("critical")]]);
            assert.deepStrictEqual(list(alarm("serviceMemoryPercent", "warning").alarmActions), [topic("warning")]);
            assert.strictEqual(at(list(alarm("serviceMemoryPercent", "fatal").metricQueries)[0], "metric", "metricName"), "MemoryUtilization");
            const unhealthy = alarm("serviceUnhealthyTargets", "fatal");
            const tg = one(p, "aws:lb/targetGroup:TargetGroup", "lc-us-east-1-lb-tg-order");
            const lb = ofType(p, "aws:lb/loadBalancer:LoadBalancer")[0];
            assert.deepStrictEqual(at(list(unhealthy.metricQueries)[0], "metric", "dimensions"), { TargetGroup: at(tg.outputs, "arnSuffix"), LoadBalancer: at(lb.outputs, "arnSuffix") });
            assert.deepStrictEqual([unhealthy.threshold, unhealthy.comparisonOperator, unhealthy.evaluationPeriods], [4, "GreaterThanOrEqualToThreshold", 1]);
            const fiveXx = alarm("service5xxPercent", "critical");
            assert.deepStrictEqual(
                list(fiveXx.metricQueries).map((q) => at(q, "metric", "dimensions") ?? at(q, "expression")),
                [
                    { TargetGroup: at(tg.outputs, "arnSuffix"), LoadBalancer: at(lb.outputs, "arnSuffix") },
                    { TargetGroup: at(tg.outputs, "arnSuffix"), LoadBalancer: at(lb.outputs, "arnSuffix") },
                    "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)",
                ],
            );
            assert.deepStrictEqual([fiveXx.threshold, fiveXx.comparisonOperator], [5, "GreaterThanThreshold"]);
            const perService = ofType(p, "aws:cloudwatch/metricAlarm:MetricAlarm").filter((a) => at(a.inputs, "tags", "service") !== undefined);
            assert.strictEqual(perService.length, 4 * 4 * 3, "four services, four metrics, three levels");
        });

        it("Aurora with provisioned instances keeps the Serverless v2 range the serverless stack declares (2-16 ACU)", () => {
            const cluster = ofType(plan("growth-aws"), "aws:rds/cluster:Cluster")[0].inputs;
            assert.deepStrictEqual(cluster.serverlessv2ScalingConfiguration, { maxCapacity: 16, minCapacity: 2 });
            assert.ok(ofType(plan("growth-aws"), "aws:rds/clusterInstance:ClusterInstance").every((i) => i.inputs.instanceClass !== "db.serverless"));
        });

        it("Aurora Serverless v2: 2-16 ACU, a db.serverless writer and a reader in the other zone", () => {
            const p = plan("growth-aws-serverless");
            const cluster = ofType(p, "aws:rds/cluster:Cluster")[0].inputs;
            assert.deepStrictEqual(cluster.serverlessv2ScalingConfiguration, { maxCapacity: 16, minCapacity: 2 });
            const instances = ofType(p, "aws:rds/clusterInstance:ClusterInstance").map((i) => [i.inputs.instanceClass, i.inputs.availabilityZone, i.inputs.promotionTier]);
            assert.deepStrictEqual(instances, [
                ["db.serverless", "us-east-1a", 0],
                ["db.serverless", "us-east-1b", 1],
            ]);
        });
    });
});
