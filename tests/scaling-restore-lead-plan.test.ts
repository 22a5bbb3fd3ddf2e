// An up closer than the 10-minute lead to a recurring peak's action inside an event (or to an
// event's pre-scale with a peak's action before it) asserts the event's bounds on the scaled
// resources itself, but the recurring action still runs after it and sets the peak's lower floor:
// the restore a minute after it (or the pre-scale) stays declared, with exact inputs on every cloud.

import * as assert from "assert";

import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { at, list, stackDir, stackFile } from "./helpers";

type Plan = Awaited<ReturnType<typeof checkPlan>>;

const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];
const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const ALICLOUD = { cloud: "alicloud", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" } };
/** Pre-scale 09:30Z, release 16:30Z (18:30Z when it ends at 18:00). */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000, streams: 80 };
/** 11:00-16:34 in London (UTC in December): pre-scale 10:30Z, release 17:04Z; 100,000 viewers. */
const DAY = { name: "day", start: "11:00", end: "16:34", timeZone: "Europe/London", peakOnline: 100000, streams: 20 };
/** AWS transcodes in IVS: no streams. */
const AWS_SALE = { name: "sale", start: SALE.start, end: SALE.end, peakOnline: SALE.peakOnline };
const AWS_DAY = { name: "day", start: DAY.start, end: DAY.end, timeZone: DAY.timeZone, peakOnline: DAY.peakOnline };

const DIR = stackDir({
    "restore-ess": stackFile({ stage: "growth", compute: "vm", domain: "live.example.com", ...ALICLOUD, events: [SALE], peaks: [DAY] }),
    "restore-ess-late": stackFile({ stage: "growth", compute: "vm", domain: "live.example.com", ...ALICLOUD, events: [{ ...SALE, end: "2026-12-12T18:00:00Z" }], peaks: [DAY] }),
    "restore-ack": stackFile({ stage: "growth", domain: "live.example.com", ...ALICLOUD, kubernetes: { kubectlImage: "registry.cn-hangzhou.aliyuncs.com/me/kubectl:v1.33.0" }, events: [SALE], peaks: [DAY] }),
    "restore-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [AWS_SALE], peaks: [AWS_DAY] }),
    "restore-aws-vm-late": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...AWS_SALE, end: "2026-12-12T18:00:00Z" }], peaks: [AWS_DAY] }),
    "restore-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [AWS_SALE], peaks: [AWS_DAY] }),
    // Eve (200,000 viewers) starts 17:36Z: its pre-scale at 17:06Z comes two minutes after the day peak's release (17:04Z).
    "restore-ess-eve": stackFile({ stage: "growth", compute: "vm", domain: "live.example.com", ...ALICLOUD, events: [{ ...SALE, name: "eve", start: "2026-12-12T17:36:00Z", end: "2026-12-12T19:00:00Z" }], peaks: [DAY] }),
    "restore-aws-vm-eve": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...AWS_SALE, name: "eve", start: "2026-12-12T17:36:00Z", end: "2026-12-12T19:00:00Z" }], peaks: [AWS_DAY] }),
    "restore-sae": stackFile({ stage: "growth", compute: "serverless", domain: "live.example.com", ...ALICLOUD, events: [{ ...SALE, peakOnline: 90000 }], peaks: [{ ...DAY, end: "18:00", peakOnline: 40000 }] }),
    "restore-pods-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [AWS_SALE], peaks: [AWS_DAY] }),
});

const plan = async (stack: string, hhmm: string) => checkPlan(await planStack(stack, DIR, { now: new Date(`2026-12-12T${hhmm}:00Z`) }));
/** The resources of `type` whose logical name contains `part`: [name, ...the inputs at `paths`]. */
const inputs = (p: Plan, type: string, part: string, paths: readonly (readonly string[])[]) =>
    p.resources.filter((r) => r.type === type && r.name.includes(part)).map((r) => [r.name, ...paths.map((keys) => at(r.inputs, ...keys))]);

/** A floor job's schedule and the [minReplicas, maxReplicas] its kubectl patches set (one per service, user/product/order/interaction). */
const floorJob = (p: Plan, name: string) => {
    const job = p.resources.find((r) => r.name === name)?.inputs;
    const patches = list(at(job, "spec", "jobTemplate", "spec", "template", "spec", "containers"))
        .filter((c) => at(c, "name") !== "once")
        .map((c): unknown => JSON.parse(String(list(at(c, "args")).at(-1))));
    return [at(job, "spec", "schedule"), ...patches.map((x) => [at(x, "spec", "minReplicas"), at(x, "spec", "maxReplicas")])];
};

const ESS_TASK = "alicloud:ess/scheduledTask:ScheduledTask";
const ESS_GROUP = "alicloud:ess/scalingGroup:ScalingGroup";
const ASG_SCHEDULE = "aws:autoscaling/schedule:Schedule";
const AAS_ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
const TASK = [["launchTime"], ["minValue"], ["maxValue"]];
const ASG = [["startTime"], ["minSize"], ["maxSize"], ["desiredCapacity"]];

describe("an up closer than the lead to a recurring peak's action inside an event keeps the restore after it declared", function () {
    this.timeout(600_000);

    it("ESS at 10:25 (the day peak's pre-scale at 10:30 sets 26 and 6 during the sale): the up sets 50/100 and 20/40 on the groups, and the restores at 10:31 set them again", async () => {
        const p = await plan("restore-ess", "10:25");
        assert.deepStrictEqual(inputs(p, ESS_GROUP, "", [["minSize"], ["maxSize"]]), [
            ["lc-cn-hangzhou-app-group", 50, 100],
            ["lc-cn-hangzhou-video-asg", 20, 40],
        ]);
        assert.deepStrictEqual(inputs(p, ESS_TASK, "-day-prescale", [["recurrenceValue"], ["minValue"]]), [
            ["lc-cn-hangzhou-app-schedule-day-prescale-1030-all", "30 10 * * *", 26],
            ["lc-cn-hangzhou-video-transcoders-schedule-day-prescale-1030-all", "30 10 * * *", 6],
        ]);
        assert.deepStrictEqual(inputs(p, ESS_TASK, "-restore-", TASK), [
            ["lc-cn-hangzhou-app-schedule-sale-restore-202612121031", "2026-12-12T10:31Z", 50, 100],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-restore-202612121031", "2026-12-12T10:31Z", 20, 40],
        ]);
    });

    it("ESS at 17:00 with the sale until 18:00 (the day peak's release at 17:04 sets 4 and 2): the restores at 17:05 stay declared", async () => {
        const p = await plan("restore-ess-late", "17:00");
        assert.deepStrictEqual(inputs(p, ESS_TASK, "-restore-", TASK), [
            ["lc-cn-hangzhou-app-schedule-sale-restore-202612121705", "2026-12-12T17:05Z", 50, 100],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-restore-202612121705", "2026-12-12T17:05Z", 20, 40],
        ]);
    });

    it("ESS at 10:31, after the restore's instant: the up asserts the sale's bounds and declares no restore", async () => {
        const p = await plan("restore-ess", "10:31");
        assert.deepStrictEqual(inputs(p, ESS_TASK, "-restore-", TASK), []);
        assert.deepStrictEqual(inputs(p, ESS_GROUP, "", [["minSize"], ["maxSize"]]), [
            ["lc-cn-hangzhou-app-group", 50, 100],
            ["lc-cn-hangzhou-video-asg", 20, 40],
        ]);
    });

    it("ACK with kubectlImage at 10:25: the pods' restore job at 10:31 patches the sale's floors over the day peak's job at 10:30", async () => {
        const p = await plan("restore-ack", "10:25");
        assert.deepStrictEqual(floorJob(p, "lc-cn-hangzhou-services-floors-day-prescale"), ["30 10 * * *", [13, 50], [13, 50], [20, 76], [26, 100]]);
        assert.deepStrictEqual(floorJob(p, "lc-cn-hangzhou-services-floors-sale-restore-202612121031"), ["31 10 12 12 *", [25, 50], [25, 50], [38, 76], [50, 100]]);
        assert.deepStrictEqual(inputs(p, ESS_TASK, "-restore-", TASK), [["lc-cn-hangzhou-video-transcoders-schedule-sale-restore-202612121031", "2026-12-12T10:31Z", 20, 40]]);
    });

    it("AWS EC2 Auto Scaling at 10:25 and, with the sale until 18:00, at 17:00: the restores at 10:31 and 17:05 (MinSize 50, MaxSize 100)", async () => {
        assert.deepStrictEqual(inputs(await plan("restore-aws-vm", "10:25"), ASG_SCHEDULE, "-restore-", ASG), [["lc-us-east-1-app-schedule-sale-restore-202612121031", "2026-12-12T10:31:00Z", 50, 100, -1]]);
        assert.deepStrictEqual(inputs(await plan("restore-aws-vm-late", "17:00"), ASG_SCHEDULE, "-restore-", ASG), [["lc-us-east-1-app-schedule-sale-restore-202612121705", "2026-12-12T17:05:00Z", 50, 100, -1]]);
    });

    it("AWS Fargate at 10:25: each service's restore and the Aurora readers' at 10:31", async () => {
        const p = await plan("restore-fargate", "10:25");
        assert.deepStrictEqual(inputs(p, AAS_ACTION, "-restore-", [["schedule"], ["scalableTargetAction", "minCapacity"], ["scalableTargetAction", "maxCapacity"]]), [
            ["lc-us-east-1-read-capacity-schedule-sale-restore-202612121031", "at(2026-12-12T10:31:00)", 13, 15],
            ["lc-us-east-1-fargate-interaction-schedule-sale-restore-202612121031", "at(2026-12-12T10:31:00)", 50, 100],
            ["lc-us-east-1-fargate-order-schedule-sale-restore-202612121031", "at(2026-12-12T10:31:00)", 38, 76],
            ["lc-us-east-1-fargate-product-schedule-sale-restore-202612121031", "at(2026-12-12T10:31:00)", 26, 52],
            ["lc-us-east-1-fargate-user-schedule-sale-restore-202612121031", "at(2026-12-12T10:31:00)", 26, 52],
        ]);
    });

    it("SAE at 10:25 (18:25 GMT+8; the day peak's timer point at 18:30 GMT+8 sets its floor): the day's event rule holds the sale's bounds at 00:00 and again at 18:31", async () => {
        const p = await plan("restore-sae", "10:25");
        const RULE = "alicloud:sae/applicationScalingRule:ApplicationScalingRule";
        assert.deepStrictEqual(inputs(p, RULE, "-interaction-scaling", [["scalingRuleTimer", "schedules"]]), [
            [
                "lc-cn-hangzhou-sae-interaction-scaling",
                [
                    { atTime: "02:30", maxReplicas: 48, minReplicas: 3 },
                    { atTime: "18:30", maxReplicas: 48, minReplicas: 10 },
                ],
            ],
        ]);
        assert.deepStrictEqual(inputs(p, RULE, "-interaction-events-20261212", [["scalingRuleTimer", "schedules"]]), [
            [
                "lc-cn-hangzhou-sae-interaction-events-20261212",
                [
                    { atTime: "00:00", maxReplicas: 48, minReplicas: 24 },
                    { atTime: "18:31", maxReplicas: 48, minReplicas: 24 },
                ],
            ],
        ]);
    });

    it("EKS pods at 10:25: the restore job at 10:31", async () => {
        const p = await plan("restore-pods-aws", "10:25");
        assert.deepStrictEqual(floorJob(p, "lc-us-east-1-services-floors-sale-restore-202612121031"), ["31 10 12 12 *", [25, 50], [25, 50], [38, 76], [50, 100]]);
    });
});

describe("an up closer than the lead to an event's pre-scale keeps it declared when a recurring action runs before it", function () {
    this.timeout(600_000);

    it("at 17:00 (the day peak's release at 17:04 sets 4, eve's pre-scale at 17:06): the up asserts 50 and the pre-scale stays declared; at 17:05, after the release, it is left to the up", async () => {
        const aws = await plan("restore-aws-vm-eve", "17:00");
        assert.deepStrictEqual(inputs(aws, "aws:autoscaling/group:Group", "", [["minSize"], ["maxSize"]]), [["lc-us-east-1-app-group", 50, 100]]);
        assert.deepStrictEqual(inputs(aws, ASG_SCHEDULE, "-eve-prescale", ASG), [["lc-us-east-1-app-schedule-eve-prescale", "2026-12-12T17:06:00Z", 50, 100, -1]]);
        assert.deepStrictEqual(inputs(await plan("restore-aws-vm-eve", "17:05"), ASG_SCHEDULE, "-eve-prescale", ASG), []);
        const ess = await plan("restore-ess-eve", "17:00");
        assert.deepStrictEqual(inputs(ess, ESS_TASK, "-eve-prescale", TASK), [
            ["lc-cn-hangzhou-app-schedule-eve-prescale", "2026-12-12T17:06Z", 50, 100],
            ["lc-cn-hangzhou-video-transcoders-schedule-eve-prescale", "2026-12-12T17:06Z", 20, 40],
        ]);
    });
});

describe("a recurring peak's run in the minute a raised span's drain ends belongs to the span", function () {
    this.timeout(600_000);

    it("ESS at 10:31 (the app group's drain ends 17:04, the day peak's release runs then): the release keeps MaxValue 100 and the lowering at 17:05 sets 52 after it, as the 09:00 up declared", async () => {
        for (const hhmm of ["09:00", "10:31"]) {
            const p = await plan("restore-ess", hhmm);
            assert.deepStrictEqual(inputs(p, ESS_TASK, "app-schedule-day-release", [["recurrenceValue"], ["minValue"], ["maxValue"]]), [["lc-cn-hangzhou-app-schedule-day-release-1704-all", "4 17 * * *", 4, 100]]);
            assert.deepStrictEqual(inputs(p, ESS_TASK, "app-schedule-sale-lower", [["launchTime"], ["minValue"], ["maxValue"]]), [["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:05Z", undefined, 52]]);
        }
    });
});
