// Back-to-back events whose steps merge (one event's release is the next one's pre-scale) and the ESS
// quota: admission counts the tasks the schedules really declare, a held event's report names what
// holds the tasks, and `plan --base` judges an event late by the floors the base's actions held.

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { CheckedPlan, checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { EVENT_PRESCALE_FINDING, cronRuns, floorsHeldInBase, floorsHeldSince, lateAgainstBase } from "../tools/lib/scaling";
import { essDeclaredTasks, groupDrain } from "../components/model";
import { ALICLOUD_SCHEDULE_HORIZON } from "../components/alicloud/profile";
import { PROFILES, resolveSpec } from "../components/profiles";
import { at, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];
/** Three one-hour events two hours apart: windows 09:30-11:30, 11:30-13:30, 13:30-15:30Z; e1 (120,000 viewers) needs less than e0 and e2 (200,000). */
const B2B = [
    { name: "e0", start: "2026-12-12T10:00:00Z", end: "2026-12-12T11:00:00Z", peakOnline: 200000, streams: 80 },
    { name: "e1", start: "2026-12-12T12:00:00Z", end: "2026-12-12T13:00:00Z", peakOnline: 120000, streams: 80 },
    { name: "e2", start: "2026-12-12T14:00:00Z", end: "2026-12-12T15:00:00Z", peakOnline: 200000, streams: 80 },
];
const B2B_AWS = B2B.map(({ streams: _streams, ...e }) => e);
/** 14 one-hour events every two hours from 10:00Z on 12 December (200,000 and 120,000 viewers in turn, 80 streams each): windows back to back. */
const MANY = Array.from({ length: 14 }, (_, i) => {
    const start = Date.parse("2026-12-12T10:00:00Z") + i * 2 * 3_600_000;
    return { name: `e${i}`, start: new Date(start).toISOString().replace(".000", ""), end: new Date(start + 3_600_000).toISOString().replace(".000", ""), peakOnline: i % 2 === 0 ? 200000 : 120000, streams: 80 };
});
/** Daily 11:00-18:00 in London (UTC in December), 100,000 viewers and 20 streams. */
const DAY_PEAK = { name: "day", recurrence: "daily", start: "11:00", end: "18:00", timeZone: "Europe/London", peakOnline: 100000, streams: 20 };
const { streams: _dayStreams, ...DAY_PEAK_AWS } = DAY_PEAK;
const ALI_VM = { stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" } };
const AWS_VM = { stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA };

/** sale (10:00-16:00Z) and eve (pre-scale 17:04Z) under a quota of 7 ESS tasks. */
const QUOTA_PENDING = {
    ...ALI_VM,
    events: [
        { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000, streams: 80 },
        { name: "eve", start: "2026-12-12T17:34:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000, streams: 40 },
    ],
    scaling: { essScheduledTaskQuota: 7 },
};

const DIR = stackDir({
    "b2b-alicloud-vm": stackFile({ ...ALI_VM, events: B2B }),
    "b2b-alicloud-quota": stackFile({ ...ALI_VM, events: B2B, scaling: { essScheduledTaskQuota: 6 } }),
    "b2b-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: B2B_AWS }),
    // SAE: at most 50 instances per application without the whitelist, so smaller audiences (e1 still less than e0 and e2).
    "b2b-sae": stackFile({ ...ALI_VM, compute: "serverless", events: B2B_AWS.map((e) => ({ ...e, peakOnline: e.name === "e1" ? 60000 : 90000 })) }),
    "b2b-aws-pods": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: B2B_AWS }),
    "many": stackFile({ ...ALI_VM, events: MANY, peaks: [DAY_PEAK] }),
    "many-30": stackFile({ ...ALI_VM, events: MANY, peaks: [DAY_PEAK], scaling: { essScheduledTaskQuota: 30 } }),
    "many-aws": stackFile({ ...AWS_VM, events: MANY.map(({ streams: _streams, ...e }) => e), peaks: [DAY_PEAK_AWS] }),
    // A daily peak and four events under a quota of 12: the peak's 4 tasks and their room leave 4, fewer than any event's 6.
    // The peak in UTC (London's December times): in London the March change would split its tasks
    // in two within the year, 8 tasks and 16 with their room, over the quota (checkEssPeakTasks).
    "quota-12": stackFile({
        ...ALI_VM,
        events: [...QUOTA_PENDING.events, { name: "night", start: "2026-12-12T21:00:00Z", end: "2026-12-12T22:00:00Z", peakOnline: 300000, streams: 40 }],
        peaks: [{ ...DAY_PEAK, end: "16:34", timeZone: "Etc/UTC" }],
        scaling: { essScheduledTaskQuota: 12 },
    }),
    // sale's lowerings (transcoders 17:02Z, app group 17:04Z) hold 2 of the 7 tasks while eve's pre-scale is 17:04Z.
    "quota-pending": stackFile(QUOTA_PENDING),
});

const plan = async (stack: string, hhmm: string): Promise<CheckedPlan> => checkPlan(await planStack(stack, DIR, { now: new Date(`2026-12-12T${hhmm}:00Z`) }));

/** `head` judged against `base` as `plan --base` does (written to a file, read back). */
async function against(head: CheckedPlan, base: CheckedPlan): Promise<CheckedPlan> {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-late-")), "base.json");
    fs.writeFileSync(file, JSON.stringify(base));
    const read = await readBase(file);
    // judged at the head's own instant (the minute it planned against), as `plan --base` right after it
    return withBase(head, read, upgradeAgainst(head, read, file), head.plannedAt === undefined ? undefined : Date.parse(head.plannedAt));
}

const entry = (p: CheckedPlan, source: string) => p.scaling.schedule.find((r) => at(r, "source") === source);
/** The ESS tasks the model counts for a stack `config` at 2026-12-12 `hhmm` (essDeclaredTasks under the profile's limit, with the groups' drains). */
const declared = (config: Readonly<Record<string, unknown>>, hhmm: string): number => {
    const now = new Date(`2026-12-12T${hhmm}:00Z`);
    const spec = resolveSpec(config, { now });
    return essDeclaredTasks(spec, spec.regions[0], now.getTime(), ALICLOUD_SCHEDULE_HORIZON, PROFILES.alicloud.eventLimit(spec, now.getTime()), (bounds) => groupDrain(spec, PROFILES.alicloud, bounds)).tasks;
};
/** The entry of `source` is `unschedulable` with exactly `detail`. */
const assertHeld = (p: CheckedPlan, source: string, detail: string): void => assert.deepStrictEqual(entry(p, source), { source, status: "unschedulable", detail });
const lateFindings = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING).map((v) => v.message);
const tasks = (p: CheckedPlan) => p.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask").map((r) => [r.name, at(r.inputs, "launchTime"), at(r.inputs, "minValue") ?? null, at(r.inputs, "maxValue")]);
const DECLARED = (asserted: string) =>
    `floor asserted by this pulumi up on the scaled resources (2026-12-12T${asserted}:00Z), 15 min after its pre-scale at 2026-12-12T11:30:00Z, 15 min before the start instead of 30: the --base plan declared it, so its floors were in force since its pre-scale; release at 2026-12-12T13:30:00Z`;

describe("back-to-back events: e1's pre-scale is e0's release and its release e2's pre-scale (merged steps)", function () {
    this.timeout(300_000);

    it("alicloud vm 09:00Z: 9 ESS tasks (the transcoders' floor stays 20 from 09:30Z to 15:30Z, no step between; e1 declares no task of its own), all three events declared; e0-release sets e1's floor 30", async () => {
        const p = await plan("b2b-alicloud-vm", "09:00");
        assert.deepStrictEqual(tasks(p), [
            ["lc-cn-hangzhou-app-schedule-e0-lower", "2026-12-12T12:04Z", null, 60],
            ["lc-cn-hangzhou-app-schedule-e0-prescale", "2026-12-12T09:30Z", 50, 100],
            ["lc-cn-hangzhou-app-schedule-e0-release", "2026-12-12T11:30Z", 30, 100],
            ["lc-cn-hangzhou-app-schedule-e2-lower", "2026-12-12T16:04Z", null, 40],
            ["lc-cn-hangzhou-app-schedule-e2-prescale", "2026-12-12T13:30Z", 50, 100],
            ["lc-cn-hangzhou-app-schedule-e2-release", "2026-12-12T15:30Z", 4, 100],
            ["lc-cn-hangzhou-video-transcoders-schedule-e0-prescale", "2026-12-12T09:30Z", 20, 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-e2-lower", "2026-12-12T16:02Z", null, 12],
            ["lc-cn-hangzhou-video-transcoders-schedule-e2-release", "2026-12-12T15:30Z", 2, 40],
        ]);
        assert.deepStrictEqual(p.scaling.schedule.map((r) => at(r, "status")), ["scheduled", "scheduled", "scheduled"]);
    });

    it("alicloud vm 09:00Z -> 11:45Z: e1 is inProgress (the base's e0-release set the app group's floor to 30 at its pre-scale, e0-prescale the transcoders' 20), no finding", async () => {
        const p = await against(await plan("b2b-alicloud-vm", "11:45"), await plan("b2b-alicloud-vm", "09:00"));
        assert.deepStrictEqual([at(entry(p, "e1"), "status"), at(entry(p, "e1"), "detail")], ["inProgress", DECLARED("11:45")]);
        assert.deepStrictEqual(lateFindings(p), []);
    });

    it("aws vm 09:00Z -> 11:45Z: e1 is inProgress (the Auto Scaling group's e0-release action, minSize 30), no finding", async () => {
        const base = await plan("b2b-aws-vm", "09:00");
        assert.deepStrictEqual(
            base.resources.filter((r) => r.name === "lc-us-east-1-app-schedule-e0-release").map((r) => [at(r.inputs, "startTime"), at(r.inputs, "minSize")]),
            [["2026-12-12T11:30:00Z", 30]],
        );
        assert.ok(!base.resources.some((r) => r.name.includes("-e1-")), "no action is named after e1");
        const p = await against(await plan("b2b-aws-vm", "11:45"), base);
        assert.deepStrictEqual([at(entry(p, "e1"), "status"), lateFindings(p)], ["inProgress", []]);
    });

    it("aws kubernetes 09:00Z -> 11:45Z: e1 is inProgress (the floor job e0-release patches the HPAs' minReplicas), no finding", async () => {
        const p = await against(await plan("b2b-aws-pods", "11:45"), await plan("b2b-aws-pods", "09:00"));
        assert.deepStrictEqual([at(entry(p, "e1"), "status"), lateFindings(p)], ["inProgress", []]);
    });

    it("alicloud serverless 09:00Z -> 12:05Z: e1 is inProgress (the base's day rule of 12 December holds the interaction app's point at 19:30 GMT+8 with e1's floor 16, the floor this up's 00:00 point asserts), no finding", async () => {
        const base = await plan("b2b-sae", "09:00");
        const rule = base.resources.find((r) => r.name === "lc-cn-hangzhou-sae-interaction-events-20261212");
        assert.deepStrictEqual(at(rule?.inputs, "scalingRuleTimer", "schedules"), [
            { atTime: "17:30", maxReplicas: 48, minReplicas: 24 },
            { atTime: "19:30", maxReplicas: 48, minReplicas: 16 },
            { atTime: "21:30", maxReplicas: 48, minReplicas: 24 },
            { atTime: "23:30", maxReplicas: 48, minReplicas: 3 },
        ]);
        const p = await against(await plan("b2b-sae", "12:05"), base);
        assert.deepStrictEqual([at(entry(p, "e1"), "status"), lateFindings(p)], ["inProgress", []]);
    });

    it("quota 6 at 09:00Z: e0's 6 tasks fill it, e1 is held; the room frees at e0's release, inside e1's lead, so the report names the up that declares it late", async () => {
        const p = await plan("b2b-alicloud-quota", "09:00");
        assert.strictEqual(tasks(p).length, 6);
        assertHeld(p, "e1", "not pre-scaled in time: no pulumi up can declare it 10 minutes before its pre-scale at 2026-12-12T11:30:00Z (ESS allows 6 scheduled tasks per account and region (scaling.essScheduledTaskQuota), all for the events declared now); a pulumi up on or after 2026-12-12T11:30:00Z, once that room has freed, declares it late, asserting its floors itself (its pre-scale less than 10 minutes ahead); until then the metric rules alone meet it: move it later or declare fewer");
    });

    it("quota 6, 09:00Z -> 11:45Z: the base held e0's release at the everyday floor 4 at e1's pre-scale, below the 30 this up asserts: late, the advisory finding", async () => {
        const base = await plan("b2b-alicloud-quota", "09:00");
        assert.deepStrictEqual(tasks(base).find((t) => t[0] === "lc-cn-hangzhou-app-schedule-e0-release"), ["lc-cn-hangzhou-app-schedule-e0-release", "2026-12-12T11:30Z", 4, 100]);
        const p = await against(await plan("b2b-alicloud-quota", "11:45"), base);
        assert.strictEqual(at(entry(p, "e1"), "status"), "late");
        assert.deepStrictEqual(lateFindings(p), [
            "event e1: floor asserted by this pulumi up on the scaled resources (2026-12-12T11:45:00Z), 15 min after its pre-scale at 2026-12-12T11:30:00Z, 15 min before the start instead of 30: no earlier pulumi up declared it (the --base plan's actions did not hold its floors), so its floors are raised only now; release at 2026-12-12T13:30:00Z",
        ]);
    });
});

describe("late against a --base up that asserted the event's floors on the scaled resources itself (from its instant, plannedAt)", function () {
    this.timeout(300_000);

    /** The ups of `stack` at `times` in order, each judged against the one before as `plan --base` does. */
    async function chain(stack: string, times: readonly string[]): Promise<CheckedPlan[]> {
        const plans: CheckedPlan[] = [];
        for (const t of times) {
            const head = await plan(stack, t);
            const prev = plans.at(-1);
            plans.push(prev === undefined ? head : await against(head, prev));
        }
        return plans;
    }
    const judged = (p: CheckedPlan, source: string) => [at(entry(p, source), "status"), lateFindings(p)];

    for (const [stack, group] of [
        ["many-30", "alicloud:ess/scalingGroup:ScalingGroup"],
        ["many-aws", "aws:autoscaling/group:Group"],
    ] as const) {
        it(`${stack} 09:00Z -> 11:45Z -> 12:05Z -> 15:35Z: e1 at 12:05Z and e3 at 15:35Z are inProgress, no finding; against a base without its instant, e1 is late`, async () => {
            const [, up1145, up1205, up1535] = await chain(stack, ["09:00", "11:45", "12:05", "15:35"]);
            // The 11:45Z up asserts e1's floor 30 on the app group itself (not under ignoreChanges) and declares no e1 action: e0's release has passed.
            const app = up1145.resources.find((r) => r.type === group && r.name.includes("-app-"));
            assert.deepStrictEqual([at(app?.inputs, "minSize"), (app?.ignoreChanges ?? []).includes("minSize"), up1145.plannedAt], [30, false, "2026-12-12T11:45:00.000Z"]);
            assert.deepStrictEqual(judged(up1205, "e1"), ["inProgress", []]);
            assert.deepStrictEqual(judged(up1535, "e3"), ["inProgress", []]);
            // A plan that records no instant: the asserted floor counts only where no action is in force at the pre-scale (the peak's 10:30Z pre-scale, 26).
            const { plannedAt: _plannedAt, ...undated } = up1145;
            assert.deepStrictEqual(judged(await against(await plan(stack, "12:05"), undated), "e1"), [
                "late",
                [
                    "event e1: floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 35 min after its pre-scale at 2026-12-12T11:30:00Z, 5 min after the start: no earlier pulumi up declared it (the --base plan's actions did not hold its floors), so its floors are raised only now; release at 2026-12-12T13:30:00Z",
                ],
            ]);
        });
    }
});

describe("ESS quota: admission counts the tasks the schedules declare, as the resources are built", function () {
    this.timeout(300_000);

    it("14 back-to-back events and a daily peak, quota 70: all 14 declared, 36 tasks (8 the peak's: 4 with their rename room), as many as essDeclaredTasks counts; 6 an event would have deferred 5", async () => {
        const p = await plan("many", "09:00");
        assert.deepStrictEqual(p.scaling.schedule.map((r) => at(r, "status")), [...MANY.map(() => "scheduled"), "recurring"]);
        assert.strictEqual(tasks(p).length, 36);
        assert.strictEqual(declared({ ...ALI_VM, events: MANY, peaks: [DAY_PEAK] }, "09:00"), 36);
    });

    it("the same with quota 30: e0-e8 declared, 26 tasks and the peak's rename room of 4, the quota exactly; e9 waits for e0's release", async () => {
        const p = await plan("many-30", "09:00");
        assert.strictEqual(tasks(p).length, 26);
        assert.strictEqual(declared({ ...ALI_VM, events: MANY, peaks: [DAY_PEAK], scaling: { essScheduledTaskQuota: 30 } }, "09:00"), 26);
        assert.deepStrictEqual(p.scaling.schedule.map((r) => at(r, "status")), [...MANY.map((_, i) => (i < 9 ? "scheduled" : "deferred")), "recurring"]);
        assert.strictEqual(
            at(entry(p, "e9"), "detail"),
            "scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after 2026-12-12T11:30:00Z declares it (ESS allows 30 scheduled tasks per account and region (scaling.essScheduledTaskQuota); the recurring peaks take 4 with as many again of room for a renamed task; the events declared now take the rest)",
        );
    });
});

describe("ESS quota: pending lowerings hold tasks until they run, and the report says so", function () {
    this.timeout(300_000);

    it("16:45Z: sale's two lowerings take 2 of the 7 tasks until 17:02Z and 17:04Z; eve (6 tasks) fits the quota alone, so it is not too large: the up on or after 17:02Z declares it", async () => {
        const p = await plan("quota-pending", "16:45");
        assert.deepStrictEqual(tasks(p), [
            ["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:04Z", null, 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02Z", null, 12],
        ]);
        assertHeld(p, "eve", "not pre-scaled in time: no pulumi up can declare it 10 minutes before its pre-scale at 2026-12-12T17:04:00Z (ESS allows 7 scheduled tasks per account and region (scaling.essScheduledTaskQuota); the ceiling lowerings of released events still ahead take 2 until they run (the app group's of sale at 2026-12-12T17:04:00Z, the transcoders' of sale at 2026-12-12T17:02:00Z); the events declared now take the rest); a pulumi up on or after 2026-12-12T17:02:00Z, once that room has freed, declares it late, asserting its floors itself (its pre-scale less than 10 minutes ahead); until then the metric rules alone meet it: move it later or declare fewer");
    });

    it("quota 12 at 16:35Z: night (6 tasks whatever its length) is too large for the 4 the peak's 4 tasks and their room leave, which the 2 pending lowerings do not change; the remedy is the quota, not a shorter event", async () => {
        const p = await plan("quota-12", "16:35");
        assertHeld(
            p,
            "night",
            "not pre-scaled: it takes 6 ESS scheduled tasks in cn-hangzhou, more than the 4 the quota leaves (12 allowed less the recurring peaks' 4 and as many again of room for a renamed one) even once the pending ceiling lowerings have run, so it cannot be declared, whatever the other events (ESS allows 12 scheduled tasks per account and region (scaling.essScheduledTaskQuota); the recurring peaks take 4 with as many again of room for a renamed task; the ceiling lowerings of released events still ahead take 2 until they run (the app group's of sale at 2026-12-12T17:05:00Z, the transcoders' of sale at 2026-12-12T17:02:00Z); the events declared now take the rest); the metric rules alone meet it: raise the account's ESS scheduled task quota in Quota Center and set scaling.essScheduledTaskQuota to at least 14, or declare fewer recurring peaks",
        );
    });

    it("17:03Z: the room has freed; eve is declared, and the tasks the plan declares are the ones admission counts (essDeclaredTasks), within the 7", async () => {
        const p = await plan("quota-pending", "17:03");
        assert.strictEqual(at(entry(p, "eve"), "status"), "scheduled");
        assert.ok(tasks(p).some((t) => t[0] === "lc-cn-hangzhou-app-schedule-eve-release"), "eve's release task is declared");
        assert.strictEqual(tasks(p).length, declared(QUOTA_PENDING, "17:03"));
        assert.ok(tasks(p).length <= 7, `${tasks(p).length} tasks within the quota of 7`);
    });
});

describe("floorsHeldInBase: the floors a base's one-off actions held against those a plan asserts", () => {
    const parent = "urn:pulumi:s::p::live-commerce:aws:AutoScaling::lc-us-east-1-app";
    const group = (minSize: number, ignoreChanges?: string[]) => ({ name: "lc-us-east-1-app-group", type: "aws:autoscaling/group:Group", parent, inputs: { minSize, maxSize: 100 }, ...(ignoreChanges === undefined ? {} : { ignoreChanges }) });
    const action = (key: string, startTime: string, minSize: number) => ({ name: `lc-us-east-1-app-schedule-${key}`, type: "aws:autoscaling/schedule:Schedule", parent, inputs: { startTime, minSize, maxSize: 100, desiredCapacity: -1 } });
    const preScale = Date.parse("2026-12-12T11:30:00Z");
    const DAY = 86_400_000;
    const now = Date.parse("2026-12-12T11:45:00Z");

    it("the action in force at the pre-scale (another event's merged release) holds 30: held; 26 (a deferred event, the peak's floor): not held", () => {
        const base = (floor: number) => [group(4, ["minSize", "maxSize"]), action("e0-prescale", "2026-12-12T09:30:00Z", 50), action("e0-release", "2026-12-12T11:30:00Z", floor)];
        assert.strictEqual(floorsHeldInBase(base(30), [group(30)], preScale, now), true);
        assert.strictEqual(floorsHeldInBase(base(26), [group(30)], preScale, now), false);
    });

    it("an action between the pre-scale and the end of this up's lead counts (a step this up asserts ahead of its instant); a lowering (minSize -1) and a later one do not", () => {
        const base = [group(4, ["minSize", "maxSize"]), action("a-release", "2026-12-12T11:00:00Z", 30), action("b-prescale", "2026-12-12T11:50:00Z", 50), action("b-lower", "2026-12-12T11:52:00Z", -1), action("c-prescale", "2026-12-12T12:30:00Z", 80)];
        assert.strictEqual(floorsHeldInBase(base, [group(50)], preScale, now), true);
        assert.strictEqual(floorsHeldInBase(base, [group(80)], preScale, now), false);
    });

    it("a recurring action's run counts as its floor: a daily peak pre-scaled at 11:40 (Europe/London) after the event's pre-scale raises the floor this up asserts to 60, which the base's recurring action held", () => {
        const peak = (minSize: number) => ({ name: "lc-us-east-1-app-schedule-day-prescale", type: "aws:autoscaling/schedule:Schedule", parent, inputs: { recurrence: "40 11 * * *", timeZone: "Europe/London", minSize, maxSize: 100, desiredCapacity: -1 } });
        const base = (floor: number) => [group(4, ["minSize", "maxSize"]), action("e0-release", "2026-12-12T11:30:00Z", 30), peak(floor)];
        assert.strictEqual(floorsHeldInBase(base(60), [group(60)], preScale, now), true);
        assert.strictEqual(floorsHeldInBase(base(50), [group(60)], preScale, now), false);
    });

    it("cronRuns reads a daily or weekly cron in its zone: ESS's UTC crons, EC2 Auto Scaling's and the floor jobs' IANA zones, Application Auto Scaling's day names", () => {
        const day = Date.parse("2026-12-12T00:00:00Z");
        assert.deepStrictEqual(cronRuns("30 10 * * *", "UTC", day, day + DAY).map((t) => new Date(t).toISOString()), ["2026-12-12T10:30:00.000Z"]);
        assert.deepStrictEqual(cronRuns("30 19 * * *", "Asia/Shanghai", day, day + DAY).map((t) => new Date(t).toISOString()), ["2026-12-12T11:30:00.000Z"]);
        // 12 December 2026 is a Saturday
        assert.deepStrictEqual(cronRuns("0 9 ? * SAT,MON", "UTC", day, day + 3 * DAY).map((t) => new Date(t).toISOString()), ["2026-12-12T09:00:00.000Z", "2026-12-14T09:00:00.000Z"]);
        assert.deepStrictEqual(cronRuns("30 9 12 12 *", "UTC", day, day + DAY), []);
    });

    it("a base inside the window that asserted the floor on the group itself holds it; a base with the floor under ignoreChanges and no action compares nothing (null)", () => {
        assert.strictEqual(floorsHeldInBase([group(30)], [group(30)], preScale, now), true);
        assert.strictEqual(floorsHeldInBase([group(4, ["minSize", "maxSize"])], [group(30)], preScale, now), null);
    });

    it("the floor the base's up asserted on the group holds from its instant (baseAt): after the peak's run at the pre-scale it holds; before a lower action at the pre-scale it does not; unknown, only where no action is in force", () => {
        const peak = { name: "lc-us-east-1-app-schedule-day-prescale-1030-all", type: "aws:autoscaling/schedule:Schedule", parent, inputs: { recurrence: "30 10 * * *", timeZone: "UTC", minSize: 26, maxSize: 100, desiredCapacity: -1 } };
        const head = [group(30)];
        const later = Date.parse("2026-12-12T12:05:00Z");
        // asserted at 11:45Z, after the pre-scale and inside the window
        assert.strictEqual(floorsHeldInBase([group(30), peak], head, preScale, later, Date.parse("2026-12-12T11:45:00Z")), true);
        // asserted at 11:20Z, then the base's 11:30Z release sets 26 at the pre-scale
        assert.strictEqual(floorsHeldInBase([group(30), peak, action("e0-release", "2026-12-12T11:30:00Z", 26)], head, preScale, later, Date.parse("2026-12-12T11:20:00Z")), false);
        // asserted at 10:00Z, before the peak's 10:30Z run set 26
        assert.strictEqual(floorsHeldInBase([group(30), peak], head, preScale, later, Date.parse("2026-12-12T10:00:00Z")), false);
        assert.strictEqual(floorsHeldInBase([group(30), peak], head, preScale, later), false);
        // an asserted floor under ignoreChanges is not the up's
        assert.strictEqual(floorsHeldInBase([group(30, ["minSize", "maxSize"]), peak], head, preScale, later, Date.parse("2026-12-12T11:45:00Z")), false);
    });

    it("SAE: the points of the base's day rule (GMT+8) are the application's floor steps; the head's point in force at the up is the floor it asserts", () => {
        const rule = (schedules: { atTime: string; minReplicas: number; maxReplicas: number }[]) => ({
            name: "lc-cn-hangzhou-sae-interaction-events-20261212",
            type: "alicloud:sae/applicationScalingRule:ApplicationScalingRule",
            inputs: { scalingRuleTimer: { beginDate: "2026-12-12", endDate: "2026-12-12", period: "* * *", schedules } },
        });
        const head = [rule([{ atTime: "00:00", minReplicas: 16, maxReplicas: 48 }, { atTime: "21:30", minReplicas: 24, maxReplicas: 48 }])];
        // e1's pre-scale 11:30Z is 19:30 GMT+8: the base's point there sets 16 (e1 declared) or 3 (e1 held back)
        const base = (floor: number) => [rule([{ atTime: "17:30", minReplicas: 24, maxReplicas: 48 }, { atTime: "19:30", minReplicas: floor, maxReplicas: 48 }])];
        assert.strictEqual(floorsHeldInBase(base(16), head, preScale, now), true);
        assert.strictEqual(floorsHeldInBase(base(3), head, preScale, now), false);
    });

    it("floorsHeldSince: from the pre-scale when the action in force then held the floor; from the base's own up (baseAt) when only its asserted floor did; from the first later action reaching it", () => {
        const peak = { name: "lc-us-east-1-app-schedule-day-prescale-1030-all", type: "aws:autoscaling/schedule:Schedule", parent, inputs: { recurrence: "30 10 * * *", timeZone: "UTC", minSize: 26, maxSize: 100, desiredCapacity: -1 } };
        const later = Date.parse("2026-12-12T12:05:00Z");
        const baseAt = Date.parse("2026-12-12T11:45:00Z");
        assert.strictEqual(floorsHeldSince([group(4, ["minSize", "maxSize"]), action("e0-release", "2026-12-12T11:30:00Z", 30)], [group(30)], preScale, later), preScale);
        assert.strictEqual(floorsHeldSince([group(30), peak], [group(30)], preScale, later, baseAt), baseAt);
        assert.strictEqual(floorsHeldSince([group(4, ["minSize", "maxSize"]), action("e0-release", "2026-12-12T11:30:00Z", 26), action("b-prescale", "2026-12-12T11:50:00Z", 30)], [group(30)], preScale, later), Date.parse("2026-12-12T11:50:00Z"));
        assert.strictEqual(floorsHeldSince([group(30), peak], [group(30)], preScale, later, Date.parse("2026-12-12T10:00:00Z")), false);
    });

    it("lateAgainstBase: late with the finding when the base held less, the entry's `window.at` being this up's instant", () => {
        const section = {
            timeToPeak: [],
            drain: [],
            schedule: [{ source: "e1", status: "inProgress", detail: "d", lateIfUndeclared: "late text", window: { preScale: "2026-12-12T11:30:00Z", release: "2026-12-12T13:30:00Z", at: "2026-12-12T11:45:00Z" } }],
        };
        const judged = lateAgainstBase(section, [group(4, ["minSize", "maxSize"]), action("e0-release", "2026-12-12T11:30:00Z", 4)], [group(30)]);
        assert.deepStrictEqual([at(judged.section.schedule[0], "status"), judged.findings.map((f) => f.message)], ["late", ["event e1: late text"]]);
    });
});
