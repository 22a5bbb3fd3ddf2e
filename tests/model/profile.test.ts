// Each cloud's profile: the decisions the model takes from it, with their exact values.

import * as assert from "assert";

import { checkRegionId, checkZoneId } from "../../components/model/regions";

import { ALICLOUD_PROFILE } from "../../components/alicloud/profile";
import { AWS_PROFILE } from "../../components/aws/profile";
import { instanceTypeFor } from "../../components/model";
import { PROFILES, profileOf, resolveSpec } from "../../components/profiles";
import { NOW, configIssues, rawConfig } from "../helpers";

describe("cloud profiles", () => {
    it("each profile is registered under its own cloud", () => {
        assert.deepStrictEqual(Object.keys(PROFILES).sort(), ["alicloud", "aws"]);
        assert.strictEqual(profileOf("aws"), AWS_PROFILE);
        assert.strictEqual(profileOf("alicloud"), ALICLOUD_PROFILE);
    });

    it("engines: mysql and the clustered engine; growth and mature default to the clustered one", () => {
        assert.deepStrictEqual([AWS_PROFILE.engines, AWS_PROFILE.clusteredEngine], [["mysql", "aurora"], "aurora"]);
        assert.deepStrictEqual([ALICLOUD_PROFILE.engines, ALICLOUD_PROFILE.clusteredEngine], [["mysql", "polardb"], "polardb"]);
        const engine = (stage: "startup" | "growth" | "mature", cloud: "aws" | "alicloud"): string => resolveSpec(rawConfig(stage, cloud), { now: NOW }).database.engine;
        assert.deepStrictEqual(
            (["startup", "growth", "mature"] as const).map((stage) => [engine(stage, "aws"), engine(stage, "alicloud")]),
            [
                ["mysql", "mysql"],
                ["aurora", "polardb"],
                ["aurora", "polardb"],
            ],
        );
    });

    it("rejects the other cloud's engine, naming what the cloud offers", () => {
        assert.ok(configIssues(rawConfig("growth", "aws", { database: { engine: "polardb" } })).includes('database.engine: "polardb" is not offered on aws; allowed: mysql, aurora'));
        assert.ok(configIssues(rawConfig("growth", "alicloud", { database: { engine: "aurora" } })).includes('database.engine: "aurora" is not offered on alicloud; allowed: mysql, polardb'));
    });

    it("serverless capacity of the clustered engine: PolarDB PCU, Aurora ACU", () => {
        const { pause, ...aurora } = AWS_PROFILE.serverlessCapacity;
        assert.deepStrictEqual(
            [ALICLOUD_PROFILE.serverlessCapacity, aurora, pause?.capacity],
            [
                { unit: "PCU", min: 1, max: 32, step: 1, maxMinCapacity: 31, defaultMinCapacity: 1, rangeWhileProvisioned: false, pause: null },
                // 0 ACU is Aurora's auto-pause, refused: the floor starts at 0.5.
                { unit: "ACU", min: 0.5, max: 256, step: 0.5, maxMinCapacity: 256, defaultMinCapacity: 2, rangeWhileProvisioned: true },
                0,
            ],
        );
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "serverless", database: { serverless: { minCapacity: 32, maxCapacity: 32 } } })), [
            "database.serverless.minCapacity: 32 PCU leaves no room to scale; allowed: 1 to 31 (polardb's floor tops at 31)",
        ]);
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { minCapacity: 256, maxCapacity: 256 } } }), { now: NOW });
        assert.deepStrictEqual(spec.database.serverless, { minCapacity: 256, maxCapacity: 256 });
    });

    it("region and zone tables of each cloud", () => {
        assert.deepStrictEqual(
            ["us-east-1", "us-gov-west-1", "cn-hangzhou", "ap-southeast-1"].map((r) => [checkRegionId(AWS_PROFILE.regions, "r", r).length === 0, checkRegionId(ALICLOUD_PROFILE.regions, "r", r).length === 0]),
            [
                [true, true],
                [true, false],
                [false, true],
                [true, true],
            ],
        );
        assert.deepStrictEqual(
            [
                checkZoneId(AWS_PROFILE.regions, "z", "us-east-1", "us-east-1a"),
                checkZoneId(AWS_PROFILE.regions, "z", "us-east-1", "us-east-1-a").length > 0,
                checkZoneId(ALICLOUD_PROFILE.regions, "z", "cn-hangzhou", "cn-hangzhou-h"),
                checkZoneId(ALICLOUD_PROFILE.regions, "z", "ap-southeast-1", "ap-southeast-1a"),
                checkZoneId(ALICLOUD_PROFILE.regions, "z", "cn-hangzhou", "cn-shanghai-a").length > 0,
            ],
            [[], true, [], [], true],
        );
    });

    it("instance catalogues: 4 vCPU / 8, 16, 32 GiB", () => {
        const sizes = [8, 16, 32].map((memoryGiB) => ({ vcpu: 4, memoryGiB }));
        assert.deepStrictEqual(
            sizes.map((s) => [instanceTypeFor(AWS_PROFILE.instances, s), instanceTypeFor(ALICLOUD_PROFILE.instances, s)]),
            [
                ["c6i.xlarge", "ecs.c7.xlarge"],
                ["m6i.xlarge", "ecs.g7.xlarge"],
                ["r6i.xlarge", "ecs.r7.xlarge"],
            ],
        );
    });

    it("scaling, DNS steering and CDN limits", () => {
        assert.deepStrictEqual([AWS_PROFILE.stepScalingCooldown, ALICLOUD_PROFILE.stepScalingCooldown], [false, true]);
        assert.deepStrictEqual(
            [AWS_PROFILE.dnsHealthCheck, ALICLOUD_PROFILE.dnsHealthCheck],
            [
                { service: "Route 53", shortestIntervalSeconds: 10, ttlSeconds: 60, failureThresholds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], timeoutSeconds: 4 },
                { service: "Alibaba Cloud GTM", shortestIntervalSeconds: 60, ttlSeconds: 60, failureThresholds: [1, 2, 3], timeoutSeconds: 3 },
            ],
        );
        assert.deepStrictEqual([AWS_PROFILE.cdnOriginLimit, ALICLOUD_PROFILE.cdnOriginLimit], [2, 20]);
        assert.deepStrictEqual([AWS_PROFILE.tlsCertificateRequired, ALICLOUD_PROFILE.tlsCertificateRequired], [false, true]);
    });

    it("certificate and zone id formats: each cloud's own, the other's rejected with the reason", () => {
        const arn = "arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0123-4567-89ab-0123456789ab";
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { cdn: { certificate: arn } }), { now: NOW }).cdn.certificate, arn);
        assert.ok(configIssues(rawConfig("growth", "aws", { cdn: { certificate: "12345" } })).some((i) => i.startsWith("cdn.certificate: ") && i.includes("must be the ARN of an ACM certificate in us-east-1")));
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { cdn: { certificate: "12345" } }), { now: NOW }).cdn.certificate, "12345");
        assert.ok(configIssues(rawConfig("mature", "alicloud", { dns: { zoneId: "Z0123456789ABCDEFGHIJ" } })).some((i) => i.includes("Alibaba Cloud stacks steer with GTM and take no zone id")));
    });

    it("check(): each cloud's own rules only", () => {
        // EC2 instance metadata tags: a key with a space cannot be read by the app servers (AWS only).
        assert.ok(configIssues(rawConfig("startup", "aws", { tags: { "cost center": "x" } })).some((i) => i.startsWith('tags: key "cost center" cannot be an instance tag')));
        assert.deepStrictEqual(resolveSpec(rawConfig("startup", "alicloud", { tags: { "cost center": "x" } }), { now: NOW }).tags["cost center"], "x");
        // The transcoding tier runs on ECS (Alibaba Cloud only): its size needs an ECS instance type.
        const odd = { video: { transcoderSize: { vcpu: 3, memoryGiB: 6 } } };
        assert.ok(configIssues(rawConfig("growth", "alicloud", odd)).some((i) => i.startsWith("video.transcoderSize: no instance type for 3 vCPU / 6 GiB")));
        // On AWS (IVS) the key is not used at all: an error naming the key and the cloud (schema.ts).
        assert.ok(configIssues(rawConfig("growth", "aws", odd)).some((i) => i.startsWith("video.transcoderSize: is not used on aws")));
    });
});
