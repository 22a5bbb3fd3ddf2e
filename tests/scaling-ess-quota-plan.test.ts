// The ESS scheduled tasks a stack declares in a region stay within scaling.essScheduledTaskQuota:
// the events beyond it are declared by a later pulumi up, never an error.

import * as assert from "assert";

import { essEventTasks, essPeakTasks } from "../components/model";
import { ALICLOUD_SCHEDULE_HORIZON } from "../components/alicloud/profile";
import { resolveSpec } from "../components/profiles";
import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { at, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
/** 40 two-hour events, one a day from 2 December 2026 at 12:00Z, 40,000 viewers and 12 streams each (app group and transcoders lifted). */
const EVENTS = Array.from({ length: 40 }, (_, i) => {
    const day = new Date(Date.parse("2026-12-02T00:00:00Z") + i * 86_400_000).toISOString().slice(0, 10);
    return { name: `sale${i}`, start: `${day}T12:00:00Z`, end: `${day}T14:00:00Z`, peakOnline: 40000, streams: 12 };
});
const STARTUP = { stage: "startup", cloud: "alicloud", domain: "live.example.com", regions: HANGZHOU, database: { engine: "mysql" }, events: EVENTS };

/** A daily London peak (two UTC offsets within the 90 days from 1 March 2027: a task per offset span) and three events, one over the peak's pre-scale. */
const LONDON = {
    stage: "growth",
    cloud: "alicloud",
    compute: "vm",
    domain: "live.example.com",
    regions: HANGZHOU,
    peaks: [{ name: "evening", start: "19:00", end: "21:00", timeZone: "Europe/London", peakOnline: 40000, streams: 12 }],
    events: [
        { name: "sale-a", start: "2027-03-10T12:00:00Z", end: "2027-03-10T14:00:00Z", peakOnline: 80000 },
        { name: "sale-b", start: "2027-03-11T17:00:00Z", end: "2027-03-11T20:00:00Z", peakOnline: 80000, streams: 20 },
        { name: "sale-c", start: "2027-03-12T02:00:00Z", end: "2027-03-12T03:00:00Z", peakOnline: 80000 },
    ],
};

const DIR = stackDir({
    "ess-london": stackFile(LONDON),
    "ess-40": stackFile(STARTUP),
    "ess-40-raised": stackFile({ ...STARTUP, scaling: { essScheduledTaskQuota: 240 } }),
    // Growth vm, 200,000 viewers and 80 streams (app group 4-40 raised to 100, transcoders 2-12 to 40)
    // on 12 December and again on 19 December, with a quota of 8 tasks: eve waits for sale's release.
    "ess-swap": stackFile({
        stage: "growth",
        cloud: "alicloud",
        compute: "vm",
        domain: "live.example.com",
        regions: HANGZHOU,
        tls: { certificateId: "14211234-cn-hangzhou" },
        events: [
            { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000, streams: 80 },
            { name: "eve", start: "2026-12-19T20:00:00Z", end: "2026-12-19T22:00:00Z", peakOnline: 200000, streams: 80 },
        ],
        scaling: { essScheduledTaskQuota: 8 },
    }),
});

describe("ESS scheduled-task quota: the tasks a plan declares per region, and 40 events on startup-alicloud", function () {
    this.timeout(300_000);
    const tasks = (p: Awaited<ReturnType<typeof planStack>>) => p.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask");

    it("counts 6 tasks an event at most (pre-scale, release and ceiling lowering on the app group and the transcoders): 11 events fit the 70 allowed and declare 66 tasks (each lowers its own raised ceilings: a later event's pre-scale raises them again itself), the rest deferred, exit without a finding", async () => {
        const p = await checkPlan(await planStack("ess-40", DIR, { now: new Date("2026-12-01T09:00:00Z") }));
        assert.strictEqual(tasks(p).length, 66);
        assert.deepStrictEqual(
            [...new Set(tasks(p).map((r) => String(at(r.inputs, "description")).replace(/ of sale\d+:.*/, "").replace(/^ceiling of sale\d+ lowered .*/, "lower")))].sort(),
            ["lower", "prescale", "release"],
        );
        assert.deepStrictEqual(tasks(p).filter((r) => r.name.endsWith("-lower")).length, 22);
        assert.deepStrictEqual(tasks(p).filter((r) => r.name.endsWith("-sale1-lower")).map((r) => r.name), ["lc-cn-hangzhou-app-schedule-sale1-lower", "lc-cn-hangzhou-video-transcoders-schedule-sale1-lower"]);
        const schedule = p.scaling.schedule;
        assert.deepStrictEqual(schedule.filter((r) => at(r, "status") === "scheduled").length, 11);
        assert.deepStrictEqual(schedule.find((r) => at(r, "source") === "sale11"), {
            source: "sale11",
            status: "deferred",
            detail: "scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after 2026-12-02T14:30:00Z declares it (ESS allows 70 scheduled tasks per account and region (scaling.essScheduledTaskQuota), all for the events declared now)",
        });
        assert.deepStrictEqual(p.policy.violations.filter((v) => v.policy === "ha-scaling-event-prescale"), []);
    });

    it("the tasks the plan declares are the tasks the quota counts: the peak's per offset span, each event's on each tier it lifts", async () => {
        const now = new Date("2027-03-01T09:00:00Z");
        const p = await planStack("ess-london", DIR, { now });
        const spec = resolveSpec(LONDON, { now });
        const region = spec.regions[0];
        const peak = essPeakTasks(spec, region, now.getTime(), ALICLOUD_SCHEDULE_HORIZON);
        const events = spec.events.map((e) => essEventTasks(spec, region, e, now.getTime()));
        // the app group and the transcoders, pre-scale and release, in GMT and BST: 8; sale-b (16:30-20:30Z
        // over the peak's 18:30Z pre-scale: a restore after it) 3 actions on both tiers, sale-a and sale-c 2 on the app group
        assert.deepStrictEqual([peak, events], [8, [2, 6, 2]]);
        assert.strictEqual(tasks(p).length, 8 + 2 + 6 + 2);
    });

    it("with scaling.essScheduledTaskQuota: 240 all 40 events are declared (160 tasks and each event's two lowerings: 240, the quota exactly)", async () => {
        const p = await planStack("ess-40-raised", DIR, { now: new Date("2026-12-01T09:00:00Z") });
        assert.strictEqual(tasks(p).length, 240);
    });
});

describe("ESS quota: a deferred event admitted during a released event's drain never costs that event its ceiling lowering", function () {
    this.timeout(300_000);
    const tasks = (p: Awaited<ReturnType<typeof planStack>>) =>
        p.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask").map((r) => [r.name, at(r.inputs, "launchTime"), at(r.inputs, "maxValue")]);

    it("16:40Z (sale released 16:30Z, its groups draining to 17:04Z and 17:02Z): the lowering tasks of sale stay (app 40 at 17:04Z, transcoders 12 at 17:02Z) with eve's six, 8 tasks, the quota", async () => {
        const p = await checkPlan(await planStack("ess-swap", DIR, { now: new Date("2026-12-12T16:40:00Z") }));
        assert.deepStrictEqual(tasks(p), [
            ["lc-cn-hangzhou-app-schedule-eve-lower", "2026-12-19T23:04Z", 40],
            ["lc-cn-hangzhou-app-schedule-eve-prescale", "2026-12-19T19:30Z", 100],
            ["lc-cn-hangzhou-app-schedule-eve-release", "2026-12-19T22:30Z", 100],
            ["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:04Z", 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-eve-lower", "2026-12-19T23:02Z", 12],
            ["lc-cn-hangzhou-video-transcoders-schedule-eve-prescale", "2026-12-19T19:30Z", 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-eve-release", "2026-12-19T22:30Z", 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02Z", 12],
        ]);
        assert.match(String(at(p.scaling.schedule.find((r) => at(r, "source") === "sale"), "detail")), /scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 40 at 2026-12-12T17:04:00Z; the transcoders 40 -> 12 at 2026-12-12T17:02:00Z/);
    });
});
