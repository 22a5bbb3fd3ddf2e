import * as assert from "assert";

import {
    ConfigError,
    MAX_PROBE_DETECTION_SECONDS,
    PROBES,
    REPLICA_FLOORS,
    SERVICE_NAMES,
    STAGES,
    STAGE_PRESETS,
    ServiceName,
    Stage,
    nodeInstanceType,
    hpaIgnoreChanges,
    kubectlImage,
    planHpa,
    planNodePools,
    podLabels,
    probeDetectionSeconds,
    serviceImage,
} from "../components/model";
import { PROFILES, resolveSpec } from "../components/profiles";

const NOW = new Date("2026-11-01T00:00:00Z");
const REGIONS: Readonly<Record<Stage, unknown>> = {
    // Startup stacks list two zones: the load balancer needs them (database and cache stay in the first).
    startup: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
    growth: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
    mature: [
        { name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"] },
        { name: "cn-shanghai", zones: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"] },
    ],
};

function resolve(stage: Stage, kubernetes?: unknown) {
    return resolveSpec({ stage, cloud: "alicloud", compute: "kubernetes", regions: REGIONS[stage], ...(kubernetes === undefined ? {} : { kubernetes }) }, { now: NOW });
}

function issuesOf(f: () => unknown): readonly string[] {
    try {
        f();
    } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
    }
    assert.fail("expected a ConfigError");
}

describe("kubernetes model", () => {
    describe("replica floors", () => {
        const table: [Stage, ServiceName, number][] = [
            ["startup", "user", 2],
            ["startup", "order", 2],
            ["growth", "user", 2],
            ["growth", "product", 2],
            ["growth", "order", 3],
            ["growth", "interaction", 3],
            ["mature", "user", 2],
            ["mature", "order", 3],
            ["mature", "interaction", 3],
        ];
        for (const [stage, service, floor] of table) {
            it(`${stage} ${service}: floor ${floor}, preset minReplicas ${floor}`, () => {
                assert.strictEqual(REPLICA_FLOORS[stage][service], floor);
                assert.strictEqual(STAGE_PRESETS[stage].spec.kubernetes.services[service].minReplicas, floor);
            });
        }
        it("every preset keeps >= 2 replicas and max >= min", () => {
            for (const stage of STAGES) {
                for (const name of SERVICE_NAMES) {
                    const s = STAGE_PRESETS[stage].spec.kubernetes.services[name];
                    assert.ok(s.minReplicas >= 2, `${stage} ${name}`);
                    assert.ok(s.maxReplicas >= s.minReplicas, `${stage} ${name}`);
                }
            }
        });
        it("kubernetes is off for startup and on for growth and mature", () => {
            assert.deepStrictEqual(
                STAGES.map((s) => STAGE_PRESETS[s].spec.kubernetes.enabled),
                [false, true, true],
            );
        });
    });

    describe("autoscaler", () => {
        const spec = resolve("growth");
        it("interaction scales on CPU 70% and 5,000 connections per pod", () => {
            assert.deepStrictEqual(planHpa(spec, "interaction").metrics, { cpuAverageUtilization: 70, connectionsAverageValue: 5000 });
        });
        it("order scales on CPU only", () => {
            assert.deepStrictEqual(planHpa(spec, "order").metrics, { cpuAverageUtilization: 70, connectionsAverageValue: null });
        });
        it("targets follow the stack's scaling thresholds", () => {
            const custom = resolveSpec(
                { stage: "growth", cloud: "alicloud", regions: REGIONS.growth, scaling: { scaleOut: { connectionsPerInstance: 3000, cpuPercent: 60 } } },
                { now: NOW },
            );
            assert.deepStrictEqual(planHpa(custom, "interaction").metrics, { cpuAverageUtilization: 60, connectionsAverageValue: 3000 });
        });
        it("scale-up has no delay and reaches 10x in one period; scale-down waits the AND alarm's 10 minutes, then 25 % (at least 1 pod) per 2 minutes", () => {
            assert.deepStrictEqual(planHpa(spec, "user").behavior, {
                scaleUp: { stabilizationWindowSeconds: 0, percent: 900, pods: 4, periodSeconds: 60 },
                scaleDown: { stabilizationWindowSeconds: 600, percent: 25, pods: 1, periodSeconds: 120 },
            });
        });
        it("scale-down stabilisation follows the scale-in alarm's evaluation window", () => {
            const slow = resolveSpec({ stage: "growth", cloud: "alicloud", regions: REGIONS.growth, scaling: { evaluationPeriods: 2, scaleInStepPercent: 10 } }, { now: NOW });
            assert.deepStrictEqual(planHpa(slow, "user").behavior.scaleDown, { stabilizationWindowSeconds: 1200, percent: 10, pods: 1, periodSeconds: 120 });
        });
    });

    describe("probes", () => {
        for (const kind of ["readiness", "liveness"] as const) {
            it(`${kind} detects a failure within ${MAX_PROBE_DETECTION_SECONDS} s`, () => {
                assert.strictEqual(probeDetectionSeconds(PROBES[kind]), 10);
                assert.ok(PROBES[kind].timeoutSeconds < PROBES[kind].periodSeconds);
            });
        }
        it("startup probe allows 120 s of warm-up", () => {
            assert.strictEqual(probeDetectionSeconds(PROBES.startup), 120);
        });
    });

    describe("node pools", () => {
        it("one pool per zone, min = minNodesPerZone each", () => {
            assert.deepStrictEqual(planNodePools({ minNodesPerZone: 1, maxNodesPerZone: 10 }, ["a", "b", "c"]), [
                { zone: "a", minSize: 1, maxSize: 10, desiredSize: 1 },
                { zone: "b", minSize: 1, maxSize: 10, desiredSize: 1 },
                { zone: "c", minSize: 1, maxSize: 10, desiredSize: 1 },
            ]);
        });
        const types: ["aws" | "alicloud", number, number, string | null][] = [
            ["aws", 4, 8, "c6i.xlarge"],
            ["aws", 8, 32, "m6i.2xlarge"],
            ["aws", 8, 16, "c6i.2xlarge"],
            ["alicloud", 4, 8, "ecs.c7.xlarge"],
            ["alicloud", 8, 64, "ecs.r7.2xlarge"],
            ["aws", 3, 6, null],
            ["alicloud", 4, 12, null],
        ];
        for (const [cloud, vcpu, memoryGiB, want] of types) {
            it(`${cloud} ${vcpu} vCPU / ${memoryGiB} GiB -> ${want}`, () => assert.strictEqual(nodeInstanceType(PROFILES[cloud].instances, { vcpu, memoryGiB }), want));
        }
    });

    describe("config", () => {
        it("images default to registry/service:tag and can be set per service", () => {
            const spec = resolve("growth", { imageRegistry: "registry.cn-hangzhou.aliyuncs.com/shop", imageTag: "2.4.1", services: { order: { image: "ghcr.io/shop/order:7" } } });
            assert.strictEqual(serviceImage(spec.kubernetes, "user"), "registry.cn-hangzhou.aliyuncs.com/shop/user:2.4.1");
            assert.strictEqual(serviceImage(spec.kubernetes, "order"), "ghcr.io/shop/order:7");
        });
        it("replicas can be raised", () => {
            const spec = resolve("growth", { services: { interaction: { minReplicas: 6, maxReplicas: 80 } } });
            assert.deepStrictEqual(spec.kubernetes.services.interaction, { image: null, minReplicas: 6, maxReplicas: 80 });
        });
        const errors: [string, Stage, unknown, string][] = [
            ["order below the growth floor", "growth", { services: { order: { minReplicas: 2 } } }, "kubernetes.services.order.minReplicas: growth stage needs >= 3 replicas of order (got 2)"],
            ["interaction below the mature floor", "mature", { services: { interaction: { minReplicas: 1 } } }, "kubernetes.services.interaction.minReplicas: mature stage needs >= 3 replicas of interaction (got 1)"],
            ["user below 2 in startup", "startup", { services: { user: { minReplicas: 1 } } }, "kubernetes.services.user.minReplicas: startup stage needs >= 2 replicas of user (got 1)"],
            ["min above max", "growth", { services: { user: { minReplicas: 5, maxReplicas: 4 } } }, "kubernetes.services.user.minReplicas: 5 is greater than kubernetes.services.user.maxReplicas 4; allowed: minReplicas <= maxReplicas"],
            ["zero replicas", "growth", { services: { product: { minReplicas: 0 } } }, "kubernetes.services.product.minReplicas: must be an integer from 1 to 1000 (got 0)"],
            ["unknown service", "growth", { services: { payment: {} } }, "kubernetes.services.payment: is not a known key; allowed: user, product, order, interaction (value not shown)"],
            ["unknown service key", "growth", { services: { user: { replicas: 3 } } }, "kubernetes.services.user.replicas: is not a known key; allowed: image, minReplicas, maxReplicas (value not shown)"],
            ["bad image", "growth", { services: { user: { image: "Not An Image" } } }, 'kubernetes.services.user.image: must be an image reference such as registry.example.com/live-commerce/order:1.0.0 (got "Not An Image")'],
            ["bad tag", "growth", { imageTag: "latest tag" }, 'kubernetes.imageTag: must be an image tag such as 1.0.0 (got "latest tag")'],
            ["bad registry", "growth", { imageRegistry: "https://reg" }, 'kubernetes.imageRegistry: must be a registry path such as registry.example.com/live-commerce (got "https://reg")'],
            ["node size without an instance type", "growth", { nodeSize: { vcpu: 6, memoryGiB: 12 } }, 'kubernetes.nodeSize: no instance type for 6 vCPU / 12 GiB; allowed: vCPU in 2, 4, 8, 16, 32, 64 with 2, 4 or 8 GiB per vCPU (got {"vcpu":6,"memoryGiB":12})'],
        ];
        for (const [what, stage, kubernetes, issue] of errors) {
            it(`rejects ${what}`, () => assert.deepStrictEqual(issuesOf(() => resolve(stage, kubernetes)), [issue]));
        }
    });

    it("pod labels are the service name and the project", () => {
        assert.deepStrictEqual(podLabels("order"), { "app.kubernetes.io/name": "order", "app.kubernetes.io/part-of": "live-commerce" });
    });
});

describe("kubernetes model: the owner of the HPA's minReplicas and the floor jobs' image", () => {
    it("with floor jobs Pulumi sets minReplicas at creation only; without them it keeps it", () => {
        assert.deepStrictEqual(hpaIgnoreChanges(true), ["spec.minReplicas", "spec.maxReplicas"]);
        assert.deepStrictEqual(hpaIgnoreChanges(false), []);
    });
    it("kubectl image: the setting wins; else registry.k8s.io/kubectl of the minor on aws, none on alicloud", () => {
        const k = resolve("growth").kubernetes;
        assert.strictEqual(kubectlImage({ kubernetes: k }, PROFILES.aws), "registry.k8s.io/kubectl:v1.33.0");
        assert.strictEqual(kubectlImage({ kubernetes: k }, PROFILES.alicloud), null);
        assert.strictEqual(kubectlImage({ kubernetes: { ...k, kubectlImage: "registry.example.com/mirror/kubectl:v1.33.0" } }, PROFILES.alicloud), "registry.example.com/mirror/kubectl:v1.33.0");
    });
});
