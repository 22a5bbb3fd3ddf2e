// The compute choice as config and as pure decisions: defaults per stage, the errors a bad value
// gets, the routes of each tier, the serverless units, timed capacity and metric plans.

import * as assert from "assert";

import {
    SERVICE_ROUTES,
    businessRoutes,
    defaultRoute,
    planServerlessUnits,
    polardbServerlessPlan,
    routeNodePort,
    saeMetricPlan,
    unitSchedule,
    targetKind,
} from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { NOW, configIssues, rawConfig } from "../helpers";

describe("compute config", () => {
    it("defaults: vm for startup, kubernetes for growth and mature; the cluster follows the choice", () => {
        for (const [stage, compute] of [["startup", "vm"], ["growth", "kubernetes"], ["mature", "kubernetes"]] as const) {
            const spec = resolveSpec(rawConfig(stage, "aws"), { now: NOW });
            assert.strictEqual(spec.compute, compute, stage);
            assert.strictEqual(spec.kubernetes.enabled, compute === "kubernetes", stage);
            assert.strictEqual(spec.database.serverless, null, stage);
        }
        const serverless = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless" }), { now: NOW });
        assert.strictEqual(serverless.kubernetes.enabled, false);
        assert.deepStrictEqual(serverless.database.serverless, { minCapacity: 1, maxCapacity: 16 });
        const aurora = resolveSpec(rawConfig("growth", "aws", { compute: "serverless" }), { now: NOW });
        assert.deepStrictEqual(aurora.database.serverless, { minCapacity: 2, maxCapacity: 16 });
    });

    it("a bad compute value names the field, the value and what is allowed", () => {
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "lambda" })), ['compute: must be one of vm, kubernetes, serverless (got "lambda")']);
    });

    it("kubernetes.enabled contradicting compute is an error (exactly one business tier)", () => {
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "serverless", kubernetes: { enabled: true } })), [
            "kubernetes.enabled: true contradicts compute serverless (exactly one business tier per region); allowed: leave kubernetes.enabled unset (it follows compute) or set compute: kubernetes",
        ]);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { kubernetes: { enabled: true } }), { now: NOW }).compute, "kubernetes");
    });

    it("serverless database capacity is checked per engine and needs PolarDB or Aurora", () => {
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "serverless", database: { serverless: { maxCapacity: 40 } } })), [
            "database.serverless.maxCapacity: 40 PCU is outside polardb's range; allowed: 1 to 32 in steps of 1",
        ]);
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { minCapacity: 2.25 } } })), [
            "database.serverless.minCapacity: 2.25 ACU is outside aurora's range; allowed: 0 to 256 in steps of 0.5",
        ]);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", database: { engine: "mysql" } }), { now: NOW }).database.serverless, null, "RDS MySQL stays provisioned");
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "serverless", database: { engine: "mysql", serverless: { enabled: true } } })), [
            'database.serverless: a serverless database needs engine aurora (got engine "mysql"); allowed: database.serverless.enabled false, or that engine',
        ]);
        const off = resolveSpec(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { enabled: false } } }), { now: NOW });
        assert.strictEqual(off.database.serverless, null);
    });

    it("recurring peaks on SAE repeat daily: a weekly peak is an error there, accepted elsewhere", () => {
        const weekly = { name: "weekend", recurrence: "weekly", days: ["sat", "sun"], start: "19:00", end: "23:00", peakOnline: 100, timeZone: "Asia/Shanghai" };
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "serverless", peaks: [weekly] })), [
            "peaks[0].recurrence: weekly (SAE timed rules of this blueprint repeat daily); allowed: daily on alicloud with compute serverless",
        ]);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", peaks: [weekly] }), { now: NOW }).peaks.length, 1);
    });
});

describe("compute decisions", () => {
    it("vm keeps /order, /ws and the rest on the app group; kubernetes the same routes to node ports; serverless one route per service", () => {
        assert.deepStrictEqual(
            businessRoutes("vm").map((r) => [r.name, r.pathPatterns, r.target.kind]),
            [
                ["order", ["/order", "/order/*"], "appGroup"],
                ["ws", ["/ws", "/ws/*"], "appGroup"],
                ["api", [], "appGroup"],
            ],
        );
        assert.strictEqual(businessRoutes("serverless"), SERVICE_ROUTES);
        assert.strictEqual(defaultRoute(businessRoutes("serverless")).name, "product");
        assert.strictEqual(targetKind("serverless"), "ip");
        // Kubernetes keeps the three routes, each to its service's NodePort on the nodes (instance targets).
        assert.deepStrictEqual(
            businessRoutes("kubernetes").map((r) => [r.name, r.target.kind === "service" ? r.target.service : r.target.kind, routeNodePort(r.name)]),
            [
                ["order", "order", 30082],
                ["ws", "interaction", 30081],
                ["api", "product", 30080],
            ],
        );
        assert.strictEqual(targetKind("kubernetes"), "instance");
        assert.deepStrictEqual(SERVICE_ROUTES.filter((r) => r.longLived).map((r) => r.name), ["interaction"]);
    });

    it("serverless units: at least one instance per zone, the service's floor otherwise", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "serverless" }), { now: NOW });
        const threeZones = { name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"], cidr: "10.10.0.0/16" };
        assert.deepStrictEqual(
            planServerlessUnits(spec.kubernetes.services, threeZones).map((u) => [u.service, u.minInstances, u.maxInstances, u.vcpu, u.memoryGiB]),
            [
                ["user", 3, 10, 1, 2],
                ["product", 3, 10, 1, 2],
                ["order", 3, 20, 2, 4],
                ["interaction", 3, 40, 2, 4],
            ],
        );
    });

    it("timed capacity of a unit: the stack's timetable within the unit's floor and ceiling", () => {
        const spec = resolveSpec(
            rawConfig("growth", "aws", {
                compute: "serverless",
                events: [{ name: "launch", start: "2026-12-01T12:00:00Z", end: "2026-12-01T14:00:00Z", peakOnline: 40000 }],
                peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" }],
            }),
            { now: NOW },
        );
        const region = spec.regions[0];
        const order = planServerlessUnits(spec.kubernetes.services, region)[2];
        const t = unitSchedule(spec, region, order, NOW.getTime());
        // 40,000 / (5,000 x 0.8) = 10 instances; 20,000 -> 5, rounded up to the 2 zones: 6. Floor 3, ceiling 20.
        assert.deepStrictEqual(
            t.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]),
            [
                ["launch-prescale", "2026-12-01T11:30:00Z", 10, 20],
                ["launch-release", "2026-12-01T14:30:00Z", 3, 20],
            ],
        );
        assert.deepStrictEqual(
            t.recurring.map((a) => [a.key, a.minuteOfDay, a.days.length, a.timeZone, a.minSize, a.maxSize]),
            [
                ["evening-prescale", 18 * 60 + 30, 7, "Asia/Shanghai", 6, 20],
                ["evening-release", 23 * 60 + 30, 7, "Asia/Shanghai", 3, 20],
            ],
        );
    });

    it("SAE metric plan and PolarDB Serverless plan follow the stack's scaling thresholds", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", scaling: { scaleOut: { cpuPercent: 80 }, releaseAfterMinutes: 120 } }), { now: NOW });
        const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0])[3];
        assert.deepStrictEqual(saeMetricPlan(spec, unit), {
            cpuPercent: 80,
            tcpActiveConnections: 5000,
            scaleUp: { step: 3, stabilizationWindowSeconds: 0 },
            scaleDown: { step: 1, stabilizationWindowSeconds: 3600 },
        });
        assert.deepStrictEqual(polardbServerlessPlan(spec, { minCapacity: 2, maxCapacity: 8 }, 0), {
            dbNodeClass: "polar.mysql.sl.small",
            serverlessType: "AgileServerless",
            scaleMin: 2,
            scaleMax: 8,
            scaleRoNumMin: 1,
            scaleRoNumMax: 4,
            serverlessRuleCpuEnlargeThreshold: 80,
            serverlessRuleCpuShrinkThreshold: 30,
        });
    });
});
