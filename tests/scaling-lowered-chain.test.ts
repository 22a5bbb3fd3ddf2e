// Chains of `pulumi up` plans through an event's drain (each plan the next one's --base, as Pulumi
// keeps state): the up after the drain sets the ceilings the declared peaks hold on every tier
// itself (no ignoreChanges keeps the raised ones), and the ceilings-lowered advisory fires on that
// up only, never on a later one nor for an event released long before.

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { CheckedPlan, checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { CEILINGS_LOWERED_FINDING } from "../tools/lib/scaling";
import { at, stackDir, stackFile } from "./helpers";

const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];
const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
/** Pre-scale 09:30Z, release 16:30Z. */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z" };
/** Released on 11 November: long past on 12 December. */
const OLD = { name: "old-sale", start: "2026-11-11T12:00:00Z", end: "2026-11-11T16:00:00Z", peakOnline: 200000 };
/** 11:00-18:00 in London (UTC in December): pre-scale 10:30Z, release 18:30Z, open through the drain's end. */
const DAY_PEAK = { name: "day", start: "11:00", end: "18:00", timeZone: "Europe/London" };

const DIR = stackDir({
    // 200,000 viewers: app floor 50, ceiling 100; the day peak of 100,000: floor 25, ceiling 50 (everyday 40).
    "lower-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, peakOnline: 100000 }] }),
    "lower-alicloud-vm": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...OLD, streams: 80 }, { ...SALE, peakOnline: 200000, streams: 80 }], peaks: [{ ...DAY_PEAK, peakOnline: 100000, streams: 8 }] }),
    "lower-pods-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
    "lower-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
    "lower-sae": stackFile({ stage: "growth", cloud: "alicloud", compute: "serverless", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...SALE, peakOnline: 90000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
});

/** The plans of ups at `instants` (2026-12-12, hh:mm UTC), each judged against the one before as `plan --base` does (written to a file, read back, carried). */
async function chain(stack: string, instants: readonly string[]): Promise<CheckedPlan[]> {
    const plans: CheckedPlan[] = [];
    for (const hhmm of instants) {
        const head = await checkPlan(await planStack(stack, DIR, { now: new Date(`2026-12-12T${hhmm}:00Z`) }));
        const prev = plans.at(-1);
        if (prev === undefined) {
            plans.push(head);
            continue;
        }
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-lower-")), "base.json");
        fs.writeFileSync(file, JSON.stringify(prev));
        const base = await readBase(file);
        plans.push(withBase(head, base, upgradeAgainst(head, base, file)));
    }
    return plans;
}

/** [name, min, max, ignoreChanges] of the resources of `type` (min and max at their input paths). */
const bounds = (p: CheckedPlan, type: string, min: readonly string[], max: readonly string[]) =>
    p.resources.filter((r) => r.type === type).map((r) => [r.name, at(r.inputs, ...min), at(r.inputs, ...max), r.ignoreChanges ?? []]);
/** The change preview's [name, op, changed properties] of the resources of `type`, unchanged ones left out. */
const updates = (p: CheckedPlan, type: string) => (p.upgrade?.changes ?? []).filter((c) => c.type === type && c.op !== "same").map((c) => [c.name, c.op, c.properties.map((x) => x.name).sort()]);
const findings = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING).map((v) => v.message);
const entry = (p: CheckedPlan, source: string) => p.scaling.schedule.find((r) => at(r, "source") === source);

describe("the up after an event's drain lowers the raised ceilings itself, and says so on that up only", function () {
    this.timeout(600_000);

    const AT = ["12:05", "16:51", "17:30", "17:40"];
    /** The findings of each up of the chain (12:05 in the event, 16:51 in the drain hold, 17:30 after it, 17:40 again). */
    const perUp = (plans: readonly CheckedPlan[]) => plans.map(findings);
    const LOWERS = (what: string) => [`event sale: this pulumi up lowers raised ceilings (${what}); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left`];

    it("AWS EC2 Auto Scaling: 12:05 asserts 50/100, 16:51 (drain hold) ignores the bounds, 17:30 sets the day peak's 26/52 on the group (no ignoreChanges) with the only finding, 17:40 changes nothing; the event of 11 November is never named", async () => {
        const plans = await chain("lower-aws-vm", AT);
        const GROUP = "aws:autoscaling/group:Group";
        assert.deepStrictEqual(plans.map((p) => bounds(p, GROUP, ["minSize"], ["maxSize"])[0]), [
            ["lc-us-east-1-app-group", 50, 100, []],
            ["lc-us-east-1-app-group", 50, 100, ["minSize", "maxSize"]],
            ["lc-us-east-1-app-group", 26, 52, []],
            ["lc-us-east-1-app-group", 26, 52, []],
        ]);
        assert.deepStrictEqual(plans.map((p) => updates(p, GROUP)), [[], [], [["lc-us-east-1-app-group", "update", ["maxSize", "minSize"]]], []]);
        assert.deepStrictEqual(perUp(plans), [[], [], LOWERS("lc-us-east-1-app-group maxSize 100 -> 52"), []]);
        assert.deepStrictEqual(at(entry(plans[3], "sale"), "detail"), "released at 2026-12-12T16:30:00Z; its estimated drain has ended and the --base plan already holds the ceilings the declared events and peaks hold, so this pulumi up lowers none (delete the event from the stack file at will)");
        for (const p of plans) assert.deepStrictEqual(at(entry(p, "old-sale"), "detail"), "released at 2026-11-11T16:30:00Z; declares nothing (delete it from the stack file at will)");
    });

    it("without --base the up at 17:30 says it sets the held ceilings itself and may lower them, since it cannot tell whether an earlier up has", async () => {
        const p = await checkPlan(await planStack("lower-aws-vm", DIR, { now: new Date("2026-12-12T17:30:00Z") }));
        assert.deepStrictEqual(findings(p), [
            "event sale: this pulumi up may lower raised ceilings (the app group 100 -> 52) unless an earlier up after the drain already has (plan with --base to tell); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left",
        ]);
    });

    it("Alibaba Cloud ESS: the app group (100 -> 52) and the transcoders (40 -> 12) get the held bounds on the 17:30 up, not at the next recurring task", async () => {
        const plans = await chain("lower-alicloud-vm", AT);
        const GROUP = "alicloud:ess/scalingGroup:ScalingGroup";
        assert.deepStrictEqual(plans.map((p) => bounds(p, GROUP, ["minSize"], ["maxSize"])), [
            [["lc-cn-hangzhou-app-group", 50, 100, ["desiredCapacity"]], ["lc-cn-hangzhou-video-asg", 20, 40, []]],
            [["lc-cn-hangzhou-app-group", 50, 100, ["desiredCapacity", "minSize", "maxSize"]], ["lc-cn-hangzhou-video-asg", 20, 40, ["minSize", "maxSize"]]],
            [["lc-cn-hangzhou-app-group", 26, 52, ["desiredCapacity"]], ["lc-cn-hangzhou-video-asg", 2, 12, []]],
            [["lc-cn-hangzhou-app-group", 26, 52, ["desiredCapacity"]], ["lc-cn-hangzhou-video-asg", 2, 12, []]],
        ]);
        assert.deepStrictEqual(perUp(plans), [[], [], LOWERS("lc-cn-hangzhou-app-group maxSize 100 -> 52; lc-cn-hangzhou-video-asg maxSize 40 -> 12"), []]);
        assert.deepStrictEqual(updates(plans[3], GROUP), []);
    });

    it("Kubernetes: the four HPAs get the day peak's bounds on the 17:30 up (no ignoreChanges), and the 17:40 change preview updates none of them", async () => {
        const plans = await chain("lower-pods-aws", AT);
        const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
        assert.deepStrictEqual(bounds(plans[2], HPA, ["spec", "minReplicas"], ["spec", "maxReplicas"]), [
            ["lc-us-east-1-services-interaction-hpa", 10, 40, []],
            ["lc-us-east-1-services-order-hpa", 8, 20, []],
            ["lc-us-east-1-services-product-hpa", 5, 10, []],
            ["lc-us-east-1-services-user-hpa", 5, 10, []],
        ]);
        assert.deepStrictEqual(bounds(plans[1], HPA, ["spec", "minReplicas"], ["spec", "maxReplicas"]).map((b) => b[3]), Array(4).fill(["spec.minReplicas", "spec.maxReplicas"]));
        assert.deepStrictEqual(
            perUp(plans),
            [[], [], LOWERS("lc-us-east-1-services-interaction-hpa spec.maxReplicas 100 -> 40; lc-us-east-1-services-order-hpa spec.maxReplicas 76 -> 20; lc-us-east-1-services-product-hpa spec.maxReplicas 50 -> 10; lc-us-east-1-services-user-hpa spec.maxReplicas 50 -> 10"), []],
        );
        assert.deepStrictEqual(updates(plans[3], HPA), []);
    });

    it("ECS on Fargate: the services' scalable targets get the day peak's bounds on the 17:30 up", async () => {
        const plans = await chain("lower-fargate", AT);
        const TARGET = "aws:appautoscaling/target:Target";
        assert.deepStrictEqual(bounds(plans[2], TARGET, ["minCapacity"], ["maxCapacity"]), [
            // The Aurora readers' ceiling is never raised (15 at most): they stay with the schedules.
            ["lc-us-east-1-read-capacity-target", 13, 15, ["minCapacity", "maxCapacity"]],
            ["lc-us-east-1-fargate-interaction-target", 10, 40, []],
            ["lc-us-east-1-fargate-order-target", 8, 20, []],
            ["lc-us-east-1-fargate-product-target", 6, 12, []],
            ["lc-us-east-1-fargate-user-target", 6, 12, []],
        ]);
        assert.deepStrictEqual(
            perUp(plans),
            [[], [], LOWERS("lc-us-east-1-fargate-interaction-target maxCapacity 100 -> 40; lc-us-east-1-fargate-order-target maxCapacity 76 -> 20; lc-us-east-1-fargate-product-target maxCapacity 52 -> 12; lc-us-east-1-fargate-user-target maxCapacity 52 -> 12"), []],
        );
        assert.deepStrictEqual(updates(plans[3], TARGET), []);
    });

    it("SAE: the rules keep the raised maximum through the drain (16:51) and drop it on the 17:30 up, the finding on that up only", async () => {
        const plans = await chain("lower-sae", AT);
        const RULE = "alicloud:sae/applicationScalingRule:ApplicationScalingRule";
        const metricMax = (p: CheckedPlan) => bounds(p, RULE, ["scalingRuleMetric", "minReplicas"], ["scalingRuleMetric", "maxReplicas"]).filter((b) => String(b[0]).endsWith("-scaling")).map((b) => [b[0], b[2]]);
        assert.deepStrictEqual(metricMax(plans[1]), [
            ["lc-cn-hangzhou-sae-interaction-scaling", 48],
            ["lc-cn-hangzhou-sae-order-scaling", 36],
            ["lc-cn-hangzhou-sae-product-scaling", 24],
            ["lc-cn-hangzhou-sae-user-scaling", 24],
        ]);
        assert.deepStrictEqual(metricMax(plans[2]), [
            ["lc-cn-hangzhou-sae-interaction-scaling", 40],
            ["lc-cn-hangzhou-sae-order-scaling", 20],
            ["lc-cn-hangzhou-sae-product-scaling", 10],
            ["lc-cn-hangzhou-sae-user-scaling", 10],
        ]);
        assert.deepStrictEqual(
            perUp(plans),
            [
                [],
                [],
                LOWERS(
                    "lc-cn-hangzhou-sae-interaction-scaling scalingRuleMetric.maxReplicas 48 -> 40; lc-cn-hangzhou-sae-order-scaling scalingRuleMetric.maxReplicas 36 -> 20; lc-cn-hangzhou-sae-product-scaling scalingRuleMetric.maxReplicas 24 -> 10; lc-cn-hangzhou-sae-user-scaling scalingRuleMetric.maxReplicas 24 -> 10",
                ),
                [],
            ],
        );
        assert.deepStrictEqual(updates(plans[3], RULE), []);
    });
});
