// Plans at fixed instants next to daylight-saving changes and around overlapping events: the exact
// scheduled actions each tier declares (DeployOptions.now fixes the instant the program plans at).

import * as assert from "assert";

import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { diffPlans } from "../tools/lib/upgrade";
import { CEILINGS_LOWERED_FINDING, EVENT_PRESCALE_FINDING, POD_FLOORS_NODES_FINDING, boundsNote, renderScaling, scalingSection } from "../tools/lib/scaling";
import { renderConfigDoc } from "../tools/lib/config-docs";
import { at, list, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const LONDON_PEAK = { name: "evening", recurrence: "daily", start: "19:00", end: "23:00", peakOnline: 40000, streams: 40, timeZone: "Europe/London" };

const shanghai = (name: string, start: string, end: string, peakOnline: number) => ({ name, start, end, peakOnline, timeZone: "Asia/Shanghai" });
const DOUBLE_12 = shanghai("double-12", "2026-12-12T20:00:00+08:00", "2026-12-13T00:00:00+08:00", 40000);
const OVERLAP_12 = shanghai("overlap-12", "2026-12-12T22:00:00+08:00", "2026-12-13T02:00:00+08:00", 80000);
/** Three peak timers (daily, Saturday, Sunday) leave 2 of SAE's 5 rules per application to the events. */
const THREE_TIMERS = [
    { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
    { name: "saturday", recurrence: "weekly", days: ["sat"], start: "09:00", end: "11:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
    { name: "sunday", recurrence: "weekly", days: ["sun"], start: "09:00", end: "11:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
];
const SERVERLESS = { stage: "growth", cloud: "alicloud", compute: "serverless", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" } };

const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 };
/** 100 days from 10 December: longer than the 90-day ESS horizon. */
const WINTER_FEST = { name: "winter-fest", start: "2026-12-10T12:00:00Z", end: "2027-03-20T12:00:00Z", peakOnline: 40000 };
const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];

const DIR = stackDir({
    // interaction's everyday maxReplicas 12 is below the sale's floor of 20 pods.
    "raised-pods-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [SALE], kubernetes: { services: { interaction: { minReplicas: 3, maxReplicas: 12 } } } }),
    "bounds-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [SALE] }),
    "bounds-aws-serverless": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [SALE] }),
    "bounds-alicloud-vm": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, events: [{ ...SALE, streams: 40 }] }),
    "drain-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }] }),
    "crowded-pods-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }], kubernetes: { maxNodesPerZone: 3 } }),
    "no-events-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA }),
    "london-alicloud": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, peaks: [LONDON_PEAK] }),
    "weekly-alicloud": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, peaks: [{ ...LONDON_PEAK, recurrence: "weekly", days: ["sat"] }] }),
    "overlap-sae": stackFile({ ...SERVERLESS, events: [DOUBLE_12, OVERLAP_12] }),
    "long-alicloud": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, events: [WINTER_FEST] }),
    "long-sae": stackFile({ ...SERVERLESS, events: [WINTER_FEST] }),
    "week-sae": stackFile({ ...SERVERLESS, peaks: [THREE_TIMERS[0]], events: [{ name: "week-fest", start: "2026-12-10T02:00:00Z", end: "2026-12-16T14:00:00Z", peakOnline: 40000 }] }),
    "nokubectl-alicloud": stackFile({ stage: "growth", cloud: "alicloud", domain: "live.example.com", regions: HANGZHOU, events: [SALE] }),
    "drain-sae": stackFile({ ...SERVERLESS, events: [SALE], peaks: [THREE_TIMERS[0]] }),
    // 11:00-16:34 London: released after midnight GMT+8 (01:04 in GMT, 00:04 in BST).
    "london-day-sae": stackFile({ ...SERVERLESS, peaks: [{ ...LONDON_PEAK, name: "day", start: "11:00", end: "16:34", peakOnline: 30000, streams: 20 }] }),
    // Four peak rules (London daily across its change, Sydney weekly across its own) and the London change date's rule: an event on that date shares it.
    "change-day-event-sae": stackFile({
        ...SERVERLESS,
        peaks: [
            { name: "lon", start: "22:00", end: "01:00", peakOnline: 20000, timeZone: "Europe/London" },
            { name: "syd", recurrence: "weekly", days: ["sat"], start: "19:00", end: "21:00", peakOnline: 20000, timeZone: "Australia/Sydney" },
        ],
        events: [{ name: "ev-change", start: "2027-03-28T01:00:00Z", end: "2027-03-28T03:00:00Z", peakOnline: 30000 }],
    }),
    // London 00:30-02:30 (released at 03:00 local, 10:00 GMT+8 in BST) and an event on the March change date.
    "change-day-up-sae": stackFile({
        ...SERVERLESS,
        peaks: [{ name: "ldn-night", start: "00:30", end: "02:30", peakOnline: 30000, timeZone: "Europe/London" }],
        events: [{ name: "ev-chg", start: "2027-03-28T10:00:00Z", end: "2027-03-28T12:00:00Z", peakOnline: 60000 }],
    }),
    "held-sae": stackFile({ ...SERVERLESS, peaks: THREE_TIMERS, events: [DOUBLE_12, { ...OVERLAP_12, end: "2026-12-14T02:00:00+08:00" }] }),
});
/** The instant the SAE stacks plan at. */
const NOV_22 = new Date("2026-11-22T00:00:00Z");

/** ESS recurring tasks of the plan: resource name (the cron is part of it, recurringTaskKey), launch, cron, end, floor, ceiling. */
function recurringTasks(resources: readonly { type: string; name: string; inputs: unknown }[], prefix: string): unknown[][] {
    return resources
        .filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask" && r.name.startsWith(prefix) && at(r.inputs, "recurrenceType") === "Cron")
        .map((r) => [r.name, at(r.inputs, "launchTime"), at(r.inputs, "recurrenceValue"), at(r.inputs, "recurrenceEndTime"), at(r.inputs, "minValue"), at(r.inputs, "maxValue")]);
}

describe("scheduled actions planned next to a daylight-saving change", function () {
    this.timeout(120_000);

    it("SAE, a London day peak planned 8 days before the March change: the change date (28 March GMT+8) gets its own rule with the last GMT release and the first BST pre-scale; neither offset's rule is valid on it", async () => {
        const plan = await planStack("london-day-sae", DIR, { now: new Date("2027-03-20T09:00:00Z") });
        const rules = plan.resources
            .filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-user-"))
            .map((r) => [r.name, at(r.inputs, "scalingRuleName"), at(r.inputs, "scalingRuleType"), at(r.inputs, "scalingRuleTimer", "beginDate"), at(r.inputs, "scalingRuleTimer", "endDate"), at(r.inputs, "scalingRuleTimer", "period"), at(r.inputs, "scalingRuleTimer", "schedules")]);
        const point = (atTime: string, minReplicas: number) => ({ atTime, minReplicas, maxReplicas: 10 });
        assert.deepStrictEqual(rules, [
            // GMT: pre-scale 10:30Z = 18:30 GMT+8, release 17:04Z = 01:04 the next day; the last day both run is 27 March.
            ["lc-cn-hangzhou-sae-user-scaling", "user-elastic", "mix", "2026-10-26", "2027-03-27", "* * *", [point("01:04", 2), point("18:30", 4)]],
            // BST: an hour earlier; the first day both run is 29 March, the last 30 October.
            ["lc-cn-hangzhou-sae-user-scaling-2", "user-elastic-2", "mix", "2027-03-29", "2027-10-30", "* * *", [point("00:04", 2), point("17:30", 4)]],
            // 28 March: the release of the 27th's GMT peak and the pre-scale of the 28th's BST peak.
            ["lc-cn-hangzhou-sae-user-scaling-3", "user-elastic-3", "mix", "2027-03-28", "2027-03-28", "* * *", [point("01:04", 2), point("17:30", 4)]],
        ]);
    });

    it("SAE, an event on a change date whose peaks take four rules and the date's own: the event shares the date's rule (five rules, the event scheduled), its points merged with the peaks' of that date", async () => {
        const plan = await planStack("change-day-event-sae", DIR, { now: new Date("2027-03-11T00:00:00Z") });
        const rules = plan.resources
            .filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-user-"))
            .map((r) => [r.name, at(r.inputs, "scalingRuleTimer", "period"), at(r.inputs, "scalingRuleTimer", "beginDate"), at(r.inputs, "scalingRuleTimer", "endDate"), list(at(r.inputs, "scalingRuleTimer", "schedules")).map((p) => `${String(at(p, "atTime"))} ${String(at(p, "minReplicas"))}`)]);
        assert.deepStrictEqual(rules, [
            // 28 March (GMT+8): London's last GMT pre-scale (21:30Z), the event's pre-scale (00:30Z), London's
            // release at 01:30 local, in the gap: 02:30 BST (01:30Z), the event's floor restored a minute
            // later, and its release (03:30Z).
            ["lc-cn-hangzhou-sae-user-events-20270328", "* * *", "2027-03-28", "2027-03-28", ["05:30 4", "08:30 4", "09:30 2", "09:31 4", "11:30 2"]],
            ["lc-cn-hangzhou-sae-user-scaling", "* * *", "2026-10-26", "2027-03-27", ["05:30 4", "09:30 2"]],
            ["lc-cn-hangzhou-sae-user-scaling-2", "* * *", "2027-03-29", "2027-10-30", ["04:30 4", "08:30 2"]],
            ["lc-cn-hangzhou-sae-user-scaling-3", "* * Sat", "2026-10-10", "2027-04-03", ["15:30 4", "18:30 2"]],
            ["lc-cn-hangzhou-sae-user-scaling-4", "* * Sat", "2027-04-10", "2027-10-02", ["16:30 4", "19:30 2"]],
        ]);
        assert.deepStrictEqual(
            list(at(plan.outputs, "scaling", "schedule")).filter((e) => at(e, "source") === "ev-change").map((e) => [at(e, "status"), at(e, "detail")]),
            [["scheduled", "pre-scale at 2027-03-28T00:30:00Z, release at 2027-03-28T03:30:00Z"]],
        );
    });

    it("SAE, an up on the March change date during an event sharing the date's rule (10:30Z): the event's held floor at 00:00 is the last point before now (the peak's earlier release is left out), and the peak's pre-scale of that date stays in its span's rule", async () => {
        const plan = await planStack("change-day-up-sae", DIR, { now: new Date("2027-03-28T10:30:00Z") });
        const rules = plan.resources
            .filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-product-"))
            .map((r) => [r.name, at(r.inputs, "scalingRuleTimer", "beginDate"), at(r.inputs, "scalingRuleTimer", "endDate"), list(at(r.inputs, "scalingRuleTimer", "schedules")).map((p) => `${String(at(p, "atTime"))} ${String(at(p, "minReplicas"))}`)]);
        assert.deepStrictEqual(rules, [
            // 00:00: the event's floor asserted by the up; 20:30 (12:30Z) its release. The peak's release at 10:00 (02:00Z), before the up, is left out.
            ["lc-cn-hangzhou-sae-product-events-20270328", "2027-03-28", "2027-03-28", ["00:00 8", "20:30 2"]],
            // GMT: the pre-scale at 00:00 local (08:00 GMT+8), its last run on the 28th, before the change at 01:00Z.
            ["lc-cn-hangzhou-sae-product-scaling", "2026-10-26", "2027-03-28", ["08:00 4"]],
            ["lc-cn-hangzhou-sae-product-scaling-2", "2027-03-29", "2027-10-30", ["07:00 4", "10:00 2"]],
        ]);
    });

    it("Alibaba Cloud ESS (app group and transcoders), London evening planned at 2027-03-27T19:00Z: the pre-scale is declared at its BST cron from its first BST run, the release as one task per offset", async () => {
        const plan = await planStack("london-alicloud", DIR, { now: new Date("2027-03-27T19:00:00Z") });
        // 19:00-23:00 London: pre-scale 18:30 BST = 17:30Z from 28 March; release 23:30 GMT on the
        // 27th, its last run before the change at 01:00Z, and a second task from 23:30 BST (22:30Z) on the 28th.
        assert.deepStrictEqual(recurringTasks(plan.resources, "lc-cn-hangzhou-"), [
            ["lc-cn-hangzhou-app-schedule-evening-prescale-1730-all", "2027-03-28T17:30Z", "30 17 * * *", "2027-06-24T00:00Z", 10, 40],
            ["lc-cn-hangzhou-app-schedule-evening-release-2-2230-all", "2027-03-28T22:30Z", "30 22 * * *", "2027-06-24T00:00Z", 4, 40],
            ["lc-cn-hangzhou-app-schedule-evening-release-2330-all", "2027-03-27T23:30Z", "30 23 * * *", "2027-03-28T00:59Z", 4, 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-evening-prescale-1730-all", "2027-03-28T17:30Z", "30 17 * * *", "2027-06-24T00:00Z", 10, 20],
            ["lc-cn-hangzhou-video-transcoders-schedule-evening-release-2-2230-all", "2027-03-28T22:30Z", "30 22 * * *", "2027-06-24T00:00Z", 2, 20],
            ["lc-cn-hangzhou-video-transcoders-schedule-evening-release-2330-all", "2027-03-27T23:30Z", "30 23 * * *", "2027-03-28T00:59Z", 2, 20],
        ]);
    });
});

describe("SAE overlapping events planned at 2026-11-22", function () {
    this.timeout(120_000);

    it("double-12 and overlap-12: the interaction application gets one rule per calendar day of the combined timeline, the 00:00 hold at overlap-12's floor", async () => {
        const plan = await planStack("overlap-sae", DIR, { now: NOV_22 });
        const rules = plan.resources
            .filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-interaction-events-"))
            .map((r) => [at(r.inputs, "scalingRuleName"), at(r.inputs, "scalingRuleTimer", "beginDate"), at(r.inputs, "scalingRuleTimer", "endDate"), at(r.inputs, "scalingRuleTimer", "period"), at(r.inputs, "scalingRuleTimer", "schedules")]);
        const point = (atTime: string, minReplicas: number) => ({ atTime, minReplicas, maxReplicas: 40 });
        assert.deepStrictEqual(rules, [
            ["interaction-events-1212", "2026-12-12", "2026-12-12", "* * *", [point("19:30", 10), point("21:30", 20)]],
            ["interaction-events-1213", "2026-12-13", "2026-12-13", "* * *", [point("00:00", 20), point("02:30", 3)]],
        ]);
        assert.deepStrictEqual(
            plan.outputs.scaling !== undefined ? at(plan.outputs, "scaling", "schedule") : undefined,
            [
                { source: "double-12", status: "scheduled", detail: "pre-scale at 2026-12-12T11:30:00Z, release at 2026-12-12T16:30:00Z" },
                {
                    source: "overlap-12",
                    status: "scheduled",
                    // SAE: no action lowers a rule's ceiling; double-12 holds interaction's higher then.
                    detail: "pre-scale at 2026-12-12T13:30:00Z, release at 2026-12-12T18:30:00Z; no scheduled action lowers the rules' raised ceilings: the first pulumi up after their drains end sets them back (the user service 20 -> 10 from 2026-12-12T19:05:00Z; the product service 20 -> 10 from 2026-12-12T19:05:00Z; the order service 32 -> 20 from 2026-12-12T19:07:00Z)",
                },
            ],
        );
    });

    it("an overlapping event the rules left cannot hold before its pre-scale is an advisory finding, not deferred, and declares nothing", async () => {
        const plan = await checkPlan(await planStack("held-sae", DIR, { now: NOV_22 }));
        assert.deepStrictEqual(
            plan.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING).map((v) => [v.enforcement, v.message.split(", ")[0]]),
            [["advisory", "event overlap-12: not pre-scaled: it touches 3 calendar days (GMT+8) from now on"]],
        );
        const eventRules = plan.resources.filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-interaction-events-"));
        assert.deepStrictEqual(eventRules.map((r) => at(r.inputs, "scalingRuleName")), ["interaction-events-1212", "interaction-events-1213"]);
    });
});

describe("the bounds the schedules own are left to them after creation (a refresh and up during a drain lowers no maximum)", function () {
    this.timeout(300_000);
    const ignored = (plan: { resources: readonly { type: string; name: string; ignoreChanges?: readonly string[] }[] }, type: string) =>
        plan.resources.filter((r) => r.type === type).map((r) => [r.name, r.ignoreChanges ?? []]);

    it("AWS: the app Auto Scaling group, the ECS services' and the Aurora readers' scalable targets ignore their bounds while schedules exist; without events or peaks they keep them", async () => {
        const vm = await planStack("bounds-aws-vm", DIR, { now: NOV_22 });
        assert.deepStrictEqual(ignored(vm, "aws:autoscaling/group:Group"), [["lc-us-east-1-app-group", ["minSize", "maxSize"]]]);
        const serverless = await planStack("bounds-aws-serverless", DIR, { now: NOV_22 });
        const targets = ignored(serverless, "aws:appautoscaling/target:Target");
        assert.ok(targets.length >= 5, JSON.stringify(targets));
        for (const [name, fields] of targets) assert.deepStrictEqual(fields, ["minCapacity", "maxCapacity"], String(name));
        const quiet = await planStack("no-events-aws-vm", DIR, { now: NOV_22 });
        assert.deepStrictEqual(ignored(quiet, "aws:autoscaling/group:Group"), [["lc-us-east-1-app-group", []]]);
    });

    it("Alibaba Cloud: the app scaling group and the transcoder group (40 streams lift it) ignore minSize and maxSize while schedules exist", async () => {
        const plan = await planStack("bounds-alicloud-vm", DIR, { now: NOV_22 });
        assert.deepStrictEqual(ignored(plan, "alicloud:ess/scalingGroup:ScalingGroup"), [
            ["lc-cn-hangzhou-app-group", ["desiredCapacity", "minSize", "maxSize"]],
            ["lc-cn-hangzhou-video-asg", ["minSize", "maxSize"]],
        ]);
    });

    it("Kubernetes: a sale floor of 20 interaction pods above maxReplicas 12 raises maxReplicas to 20 in every floor job, the release included; the HPAs leave both bounds to the jobs", async () => {
        const plan = await planStack("raised-pods-aws", DIR, { now: NOV_22 });
        const patches = plan.resources
            .filter((r) => r.type === "kubernetes:batch/v1:CronJob")
            .map((r) => [at(r.inputs, "spec", "schedule"), list(at(r.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers")).map((c) => list(at(c, "args")).join(" ")).filter((a) => a.includes("hpa interaction"))]);
        assert.deepStrictEqual(patches, [
            // At the end of the pods' drain (17:00Z) one job sets maxReplicas alone back to 12.
            ["0 17 12 12 *", ['patch hpa interaction --namespace live-commerce --type merge --patch {"spec":{"maxReplicas":12}}']],
            ["30 9 12 12 *", ['patch hpa interaction --namespace live-commerce --type merge --patch {"spec":{"minReplicas":20,"maxReplicas":40}}']],
            ["30 16 12 12 *", ['patch hpa interaction --namespace live-commerce --type merge --patch {"spec":{"minReplicas":3,"maxReplicas":40}}']],
        ]);
        const hpas = ignored(plan, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler");
        assert.strictEqual(hpas.length, 4);
        for (const [name, fields] of hpas) assert.deepStrictEqual(fields, ["spec.minReplicas", "spec.maxReplicas"], String(name));
    });
});

describe("a pulumi up shortly before a pre-scale keeps it at its declared instant", function () {
    this.timeout(300_000);
    const groupActions = (plan: { resources: readonly { type: string; inputs: unknown }[] }) =>
        plan.resources.filter((r) => r.type === "aws:autoscaling/schedule:Schedule").map((r) => [at(r.inputs, "scheduledActionName"), at(r.inputs, "startTime"), at(r.inputs, "minSize"), at(r.inputs, "maxSize")]);
    /** The bounds a tier's base resources declare and the fields Pulumi leaves alone: [name, min, max, ignoreChanges]. */
    const bounds = (plan: { resources: readonly { type: string; name: string; inputs: unknown; ignoreChanges?: readonly string[] }[] }, type: string, min: string[], max: string[]) =>
        plan.resources.filter((r) => r.type === type).map((r) => [r.name, at(r.inputs, ...min), at(r.inputs, ...max), r.ignoreChanges ?? []]);
    const GROUP = "aws:autoscaling/group:Group";

    it("AWS sale 10:00-16:00Z (pre-scale 09:30) planned at 09:10Z: the pre-scale stays at 09:30, not the next half hour after a 30-minute lead", async () => {
        const plan = await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T09:10:00Z") });
        assert.deepStrictEqual(groupActions(plan), [
            ["sale-prescale", "2026-12-12T09:30:00Z", 20, 40],
            ["sale-release", "2026-12-12T16:30:00Z", 4, 40],
        ]);
        assert.deepStrictEqual(bounds(plan, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, ["minSize", "maxSize"]]]);
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [{ source: "sale", status: "scheduled", detail: "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z" }]);
    });

    it("planned at 09:25Z (the pre-scale 5 minutes away, under the 10-minute lead): the group's own bounds are raised by this up, no pre-scale action is declared at an instant from now, no finding", async () => {
        const plan = await checkPlan(await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T09:25:00Z") }));
        assert.deepStrictEqual(groupActions(plan), [["sale-release", "2026-12-12T16:30:00Z", 4, 40]]);
        assert.deepStrictEqual(bounds(plan, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 20, 40, []]]);
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING), []);
        assert.strictEqual(
            at(plan.outputs, "scaling", "schedule", 0, "detail"),
            "floor asserted by this pulumi up on the scaled resources (2026-12-12T09:25:00Z): its pre-scale at 2026-12-12T09:30:00Z is less than 10 minutes ahead; release at 2026-12-12T16:30:00Z",
        );
    });

    it("ups at 09:33Z, 09:45Z, 10:11Z and 12:05Z (inside the raised window) assert the same bounds on every tier: the change preview between any two of them is empty, and the release never moves", async () => {
        const p0933 = await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T09:33:00Z") });
        const p0945 = await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T09:45:00Z") });
        const p1011 = await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T10:11:00Z") });
        const p1205 = await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T12:05:00Z") });
        for (const plan of [p0933, p0945, p1011, p1205]) {
            assert.deepStrictEqual(groupActions(plan), [["sale-release", "2026-12-12T16:30:00Z", 4, 40]]);
            assert.deepStrictEqual(bounds(plan, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 20, 40, []]]);
        }
        // The Aurora readers' scalable target carries its raised floor the same way.
        const readers = bounds(p1011, "aws:appautoscaling/target:Target", ["minCapacity"], ["maxCapacity"]);
        assert.ok(readers.length === 1 && Number(readers[0][1]) > 1 && (readers[0][3] as string[]).length === 0, JSON.stringify(readers));
        for (const [base, head] of [[p0933, p0945], [p0945, p1011], [p1011, p1205]]) {
            assert.deepStrictEqual(diffPlans(base.resources, head.resources, { base: "a", head: "b" }).changes.filter((c) => c.op !== "same" && /schedule|group|target|scheduled/i.test(c.name)).map((c) => [c.name, c.op]), []);
        }
    });

    it("the report of an up after the pre-scale says the floor is asserted by this up and, without --base, that it cannot tell whether it is late: no finding (10:11Z, 11 min after the start)", async () => {
        const plan = await checkPlan(await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T10:11:00Z") }));
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING), []);
        assert.deepStrictEqual(at(plan.scaling.schedule, 0), {
            source: "sale",
            status: "inProgress",
            detail: "floor asserted by this pulumi up on the scaled resources (2026-12-12T10:11:00Z), 41 min after its pre-scale at 2026-12-12T09:30:00Z, 11 min after the start: the floors were in force since then if an earlier pulumi up declared the event, which this plan cannot tell (it reads no live state; plan with --base <the previous up's plan> to tell); release at 2026-12-12T16:30:00Z",
            lateIfUndeclared: "floor asserted by this pulumi up on the scaled resources (2026-12-12T10:11:00Z), 41 min after its pre-scale at 2026-12-12T09:30:00Z, 11 min after the start: no earlier pulumi up declared it (the --base plan's actions did not hold its floors), so its floors are raised only now; release at 2026-12-12T16:30:00Z",
            window: { preScale: "2026-12-12T09:30:00Z", release: "2026-12-12T16:30:00Z", at: "2026-12-12T10:11:00Z" },
        });
    });

    it("an up after the release (16:35Z) asserts nothing: the group declares its everyday bounds again", async () => {
        const plan = await planStack("bounds-aws-vm", DIR, { now: new Date("2026-12-12T16:35:00Z") });
        assert.deepStrictEqual(groupActions(plan), []);
        assert.deepStrictEqual(bounds(plan, GROUP, ["minSize"], ["maxSize"]).map((b) => b.slice(1, 3)), [[4, 40]]);
    });

    it("an event added at 09:45Z, 15 minutes before its start: every tier carries the raised floor itself (Fargate targets, pods' HPAs, ESS groups), none declares an action at an instant from now", async () => {
        const serverless = await planStack("bounds-aws-serverless", DIR, { now: new Date("2026-12-12T09:45:00Z") });
        const targets = bounds(serverless, "aws:appautoscaling/target:Target", ["minCapacity"], ["maxCapacity"]);
        assert.ok(targets.length > 1 && targets.every((t) => (t[3] as string[]).length === 0), JSON.stringify(targets));
        // Beside the release, only the ceiling lowerings at the drains' ends (the event's instants, not now's).
        assert.deepStrictEqual(
            serverless.resources.filter((r) => r.type === "aws:appautoscaling/scheduledAction:ScheduledAction").map((r) => [r.name.replace(/^lc-us-east-1-/, ""), at(r.inputs, "schedule")]).filter((a) => a[1] !== "at(2026-12-12T16:30:00)"),
            [
                ["fargate-order-schedule-sale-lower", "at(2026-12-12T16:58:00)"],
                ["fargate-product-schedule-sale-lower", "at(2026-12-12T16:56:00)"],
                ["fargate-user-schedule-sale-lower", "at(2026-12-12T16:56:00)"],
            ],
        );
        const pods = await planStack("raised-pods-aws", DIR, { now: new Date("2026-12-12T09:45:00Z") });
        assert.deepStrictEqual(pods.resources.filter((r) => r.type === "kubernetes:batch/v1:CronJob").map((r) => at(r.inputs, "spec", "schedule")), ["0 17 12 12 *", "30 16 12 12 *"]);
        const interaction = pods.resources.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" && r.name.endsWith("interaction-hpa"));
        assert.deepStrictEqual([at(interaction?.inputs, "spec", "minReplicas"), at(interaction?.inputs, "spec", "maxReplicas"), at(interaction?.inputs, "metadata", "annotations", "pulumi.com/patchForce"), interaction?.ignoreChanges ?? []], [20, 40, "true", []]);
        const ess = await planStack("bounds-alicloud-vm", DIR, { now: new Date("2026-12-12T09:45:00Z") });
        const groups = bounds(ess, "alicloud:ess/scalingGroup:ScalingGroup", ["minSize"], ["maxSize"]);
        assert.deepStrictEqual(groups.find((g) => String(g[0]).endsWith("app-group")), ["lc-cn-hangzhou-app-group", 20, 40, ["desiredCapacity"]]);
        assert.ok(groups.every((g) => !(g[3] as string[]).includes("minSize")), JSON.stringify(groups));
        // The releases, and the transcoders' ceiling lowering at the end of their drain.
        assert.deepStrictEqual(ess.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask").map((r) => at(r.inputs, "launchTime")), ["2026-12-12T16:30Z", "2026-12-12T16:56Z", "2026-12-12T16:30Z"]);
    });

    it("Alibaba Cloud ESS, London evening (pre-scale 18:30Z in winter) planned at 2026-12-01T18:10Z: the recurring pre-scale launches that day, not the next", async () => {
        const plan = await planStack("london-alicloud", DIR, { now: new Date("2026-12-01T18:10:00Z") });
        const prescale = recurringTasks(plan.resources, "lc-cn-hangzhou-").find((t) => t[0] === "lc-cn-hangzhou-app-schedule-evening-prescale-1830-all") ?? [];
        assert.deepStrictEqual(prescale.slice(0, 3), ["lc-cn-hangzhou-app-schedule-evening-prescale-1830-all", "2026-12-01T18:30Z", "30 18 * * *"]);
    });
});

describe("a pulumi up less than 10 minutes before a daily ESS run keeps that day's run", function () {
    this.timeout(300_000);

    it("London evening (pre-scale 18:30Z) planned at 18:10Z, then again at 18:22Z: the recurring tasks keep their first run (ignoreChanges launchTime), so the change preview updates none of them", async () => {
        const base = await planStack("london-alicloud", DIR, { now: new Date("2026-12-01T18:10:00Z") });
        const head = await planStack("london-alicloud", DIR, { now: new Date("2026-12-01T18:22:00Z") });
        const tasks = head.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask" && at(r.inputs, "recurrenceType") === "Cron");
        assert.ok(tasks.length >= 2, JSON.stringify(tasks.map((t) => t.name)));
        for (const t of tasks) assert.deepStrictEqual(t.ignoreChanges, ["launchTime"], t.name);
        const report = diffPlans(base.resources, head.resources, { base: "18:10", head: "18:22" });
        const prescale = report.changes.filter((c) => c.name.endsWith("app-schedule-evening-prescale-1830-all")).map((c) => [c.op, c.properties.map((p) => p.name)]);
        assert.deepStrictEqual(prescale, [["same", []]]);
        assert.deepStrictEqual(report.changes.filter((c) => c.type === "alicloud:ess/scheduledTask:ScheduledTask" && c.op !== "same"), []);
    });
});

describe("a changed recurring peak gets fresh ESS tasks with a fresh first run", function () {
    this.timeout(300_000);
    const ess = (plan: { resources: readonly { type: string; name: string; inputs: unknown }[] }) =>
        recurringTasks(plan.resources, "lc-cn-hangzhou-app-").map((t) => [t[0], t[1], t[2]]);

    it("a Saturday peak made daily (planned on Tuesday 2026-12-01T09:00Z): the daily tasks are new resources that first run that evening, not on the old Saturday", async () => {
        const weekly = await planStack("weekly-alicloud", DIR, { now: new Date("2026-12-01T09:00:00Z") });
        const daily = await planStack("london-alicloud", DIR, { now: new Date("2026-12-01T09:00:00Z") });
        assert.deepStrictEqual(ess(weekly), [
            ["lc-cn-hangzhou-app-schedule-evening-prescale-1830-6", "2026-12-05T18:30Z", "30 18 * * 6"],
            ["lc-cn-hangzhou-app-schedule-evening-release-2330-6", "2026-12-05T23:30Z", "30 23 * * 6"],
        ]);
        assert.deepStrictEqual(ess(daily), [
            ["lc-cn-hangzhou-app-schedule-evening-prescale-1830-all", "2026-12-01T18:30Z", "30 18 * * *"],
            ["lc-cn-hangzhou-app-schedule-evening-release-2330-all", "2026-12-01T23:30Z", "30 23 * * *"],
        ]);
        // The change preview replaces the tasks (delete the weekly ones, create the daily ones): none keeps the Saturday first run.
        const report = diffPlans(weekly.resources, daily.resources, { base: "weekly", head: "daily" });
        const tasks = report.changes.filter((c) => c.type === "alicloud:ess/scheduledTask:ScheduledTask" && c.name.includes("-app-")).map((c) => [c.name, c.op]);
        assert.deepStrictEqual(tasks.sort(), [
            ["lc-cn-hangzhou-app-schedule-evening-prescale-1830-6", "delete"],
            ["lc-cn-hangzhou-app-schedule-evening-prescale-1830-all", "create"],
            ["lc-cn-hangzhou-app-schedule-evening-release-2330-6", "delete"],
            ["lc-cn-hangzhou-app-schedule-evening-release-2330-all", "create"],
        ]);
    });
});

describe("after a release the raised bounds stay with the schedules until the drain from the raised ceiling ends", function () {
    this.timeout(300_000);

    it("AWS sale of 200,000 viewers (need 50, ceiling raised to 100, maxSize 40), released 16:30Z: planned at 16:51Z (its release no longer retained, its drain ending at 16:52Z, closer than the 10-minute lead) the lowering an earlier up declared stays declared at 16:52Z (maxSize 40) and the group keeps its bounds with the schedules until then", async () => {
        const plan = await planStack("drain-aws-vm", DIR, { now: new Date("2026-12-12T16:51:00Z") });
        const group = plan.resources.filter((r) => r.type === "aws:autoscaling/group:Group").map((r) => [at(r.inputs, "minSize"), at(r.inputs, "maxSize"), r.ignoreChanges ?? []]);
        assert.deepStrictEqual(group, [[4, 40, ["minSize", "maxSize"]]]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "aws:autoscaling/schedule:Schedule").map((r) => [at(r.inputs, "scheduledActionName"), at(r.inputs, "startTime"), at(r.inputs, "minSize"), at(r.inputs, "maxSize")]), [["sale-lower", "2026-12-12T16:52:00Z", -1, 40]]);
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [
            {
                source: "sale",
                status: "past",
                detail: "released at 2026-12-12T16:30:00Z; declares no floor, but this tier still drains from its raised ceiling by its scale-in rule: the app group from 100 (everyday 40) until about 2026-12-12T16:52:00Z; its bounds stay with the schedules until then; scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 40 at 2026-12-12T16:52:00Z (keep the event in the stack file; delete it after 2026-12-12T16:55:00Z)",
            },
        ]);
        const drain = list(at(plan.outputs, "scaling", "drain"));
        assert.deepStrictEqual(drain.map((d) => [at(d, "fromInstances"), at(d, "toInstances"), at(d, "minutes")]), [[100, 4, 22]]);
    });
});

describe("every tier an event raised holds its bounds through the drain after the release, not only the app group", function () {
    this.timeout(300_000);
    /** After the release's retention (RELEASE_RETENTION_MINUTES): the up asserts released bounds until then. */
    const RELEASED_21_MIN_AGO = new Date("2026-12-12T16:51:00Z");

    // The pods' (17:00Z), the transcoders' (16:56Z) and the services' drains end less than the
    // 10-minute lead after 16:51Z, still ahead (drainHasEnded): the lowerings an earlier up
    // declared stay declared at their instants and the bounds stay with the schedules until then.
    it("Kubernetes (interaction maxReplicas 12, raised to 40 by the sale), 21 minutes after the release, the pods' drain ending at 17:00Z: the lowering job stays declared at 17:00 and the four HPAs keep their bounds with the schedules until then", async () => {
        const plan = await planStack("raised-pods-aws", DIR, { now: RELEASED_21_MIN_AGO });
        const hpas = plan.resources.filter((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler").map((r) => [r.name, at(r.inputs, "spec", "maxReplicas"), r.ignoreChanges ?? []]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "kubernetes:batch/v1:CronJob").map((r) => [r.name, at(r.inputs, "spec", "schedule")]), [["lc-us-east-1-services-floors-sale-lower", "0 17 12 12 *"]]);
        assert.deepStrictEqual(hpas, [
            ["lc-us-east-1-services-interaction-hpa", 12, ["spec.minReplicas", "spec.maxReplicas"]],
            ["lc-us-east-1-services-order-hpa", 20, ["spec.minReplicas", "spec.maxReplicas"]],
            ["lc-us-east-1-services-product-hpa", 10, ["spec.minReplicas", "spec.maxReplicas"]],
            ["lc-us-east-1-services-user-hpa", 10, ["spec.minReplicas", "spec.maxReplicas"]],
        ]);
        const detail = String(at(plan.outputs, "scaling", "schedule", 0, "detail"));
        assert.ok(detail.includes("their bounds stay with the schedules until then; scheduled actions lower the raised ceilings when the drains end: the pods of user 20 -> 10 at 2026-12-12T17:00:00Z; the pods of product 20 -> 10 at 2026-12-12T17:00:00Z; the pods of order 30 -> 20 at 2026-12-12T17:00:00Z; the pods of interaction 40 -> 12 at 2026-12-12T17:00:00Z"), detail);
    });

    it("Alibaba Cloud ESS, 40 streams (transcoders raised to 20, maxSize 12; the app group's ceiling 40 not raised), 21 minutes after the release, the transcoders' drain ending at 16:56Z: the transcoder group keeps its bounds with the schedules and the task lowering it to 12 stays declared at 16:56Z", async () => {
        const plan = await planStack("bounds-alicloud-vm", DIR, { now: RELEASED_21_MIN_AGO });
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "alicloud:ess/scalingGroup:ScalingGroup").map((r) => [r.name, at(r.inputs, "minSize"), at(r.inputs, "maxSize"), r.ignoreChanges ?? []]), [
            ["lc-cn-hangzhou-app-group", 4, 40, ["desiredCapacity"]],
            ["lc-cn-hangzhou-video-asg", 2, 12, ["minSize", "maxSize"]],
        ]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask").map((r) => [r.name, at(r.inputs, "launchTime"), at(r.inputs, "minValue"), at(r.inputs, "maxValue")]), [["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T16:56Z", undefined, 12]]);
        assert.strictEqual(at(plan.outputs, "scaling", "schedule", 0, "ceilingsLowered"), undefined);
    });

    it("ECS on Fargate, 21 minutes after the release, the services' drains ending within the lead: the raised targets keep their bounds with the schedules and their lowerings stay declared at 16:56Z and 16:58Z", async () => {
        const plan = await planStack("bounds-aws-serverless", DIR, { now: RELEASED_21_MIN_AGO });
        const targets = plan.resources.filter((r) => r.type === "aws:appautoscaling/target:Target" && r.name.includes("-fargate-")).map((r) => [r.name, at(r.inputs, "maxCapacity"), r.ignoreChanges ?? []]);
        assert.deepStrictEqual(targets, [
            ["lc-us-east-1-fargate-interaction-target", 40, []],
            ["lc-us-east-1-fargate-order-target", 20, ["minCapacity", "maxCapacity"]],
            ["lc-us-east-1-fargate-product-target", 10, ["minCapacity", "maxCapacity"]],
            ["lc-us-east-1-fargate-user-target", 10, ["minCapacity", "maxCapacity"]],
        ]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "aws:appautoscaling/scheduledAction:ScheduledAction" && r.name.includes("-fargate-")).map((r) => [r.name, at(r.inputs, "schedule"), at(r.inputs, "scalableTargetAction")]), [
            ["lc-us-east-1-fargate-order-schedule-sale-lower", "at(2026-12-12T16:58:00)", { maxCapacity: 20 }],
            ["lc-us-east-1-fargate-product-schedule-sale-lower", "at(2026-12-12T16:56:00)", { maxCapacity: 10 }],
            ["lc-us-east-1-fargate-user-schedule-sale-lower", "at(2026-12-12T16:56:00)", { maxCapacity: 10 }],
        ]);
    });

    it("SAE with a daily evening peak, 21 minutes after the release: the order rule's timer and metric keep the raised maximum of 32 (everyday 20) instead of cutting to 20", async () => {
        const plan = await planStack("drain-sae", DIR, { now: RELEASED_21_MIN_AGO });
        const order = plan.resources.find((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name === "lc-cn-hangzhou-sae-order-scaling");
        assert.deepStrictEqual(list(at(order?.inputs, "scalingRuleTimer", "schedules")).map((p) => at(p, "maxReplicas")), [32, 32]);
        assert.strictEqual(at(order?.inputs, "scalingRuleMetric", "maxReplicas"), 32);
        // The drain's end plus the lowerings' run margin (LOWERING_RUN_MARGIN_MINUTES), which the SAE tier keeps like the others.
        const after = await planStack("drain-sae", DIR, { now: new Date("2026-12-12T17:11:00Z") });
        const settled = after.resources.find((r) => r.name === "lc-cn-hangzhou-sae-order-scaling");
        assert.strictEqual(at(settled?.inputs, "scalingRuleMetric", "maxReplicas"), 20);
    });
});

describe("an event longer than the 90-day ESS horizon is pre-scaled now; only its release waits", function () {
    this.timeout(300_000);
    const essTasks = (plan: { resources: readonly { type: string; name: string; inputs: unknown }[] }) =>
        plan.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask" && r.name.includes("-app-")).map((r) => [r.name, at(r.inputs, "launchTime"), at(r.inputs, "minValue"), at(r.inputs, "maxValue")]);

    it("winter-fest (10 December to 20 March) planned on 1 December: the pre-scale task is declared, no release task, and the report says which pulumi up declares the release", async () => {
        const plan = await planStack("long-alicloud", DIR, { now: new Date("2026-12-01T09:00:00Z") });
        assert.deepStrictEqual(essTasks(plan), [["lc-cn-hangzhou-app-schedule-winter-fest-prescale", "2026-12-10T11:30Z", 10, 40]]);
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [
            {
                source: "winter-fest",
                status: "scheduled",
                detail: "pre-scale at 2026-12-10T11:30:00Z, release at 2027-03-20T12:30:00Z is beyond 90 days (Alibaba Cloud ESS accepts scheduled tasks up to 90 days ahead): a pulumi up on or after 2026-12-20T12:30:00Z declares it, until then the floors stay raised",
            },
        ]);
    });

    it("the same event planned on 21 December (in progress, release within 90 days): the floor is asserted on the group and the release declared", async () => {
        const plan = await planStack("long-alicloud", DIR, { now: new Date("2026-12-21T00:00:00Z") });
        assert.deepStrictEqual(essTasks(plan), [["lc-cn-hangzhou-app-schedule-winter-fest-release", "2027-03-20T12:30Z", 4, 40]]);
        const group = plan.resources.find((r) => r.type === "alicloud:ess/scalingGroup:ScalingGroup" && r.name === "lc-cn-hangzhou-app-group");
        assert.deepStrictEqual([at(group?.inputs, "minSize"), at(group?.inputs, "maxSize")], [10, 40]);
    });

    it("SAE, which needs one rule per day of an event: the 101-day event is unschedulable and the report says it alone needs more rules than are left", async () => {
        const plan = await planStack("long-sae", DIR, { now: new Date("2026-12-01T09:00:00Z") });
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule", 0, "status"), "unschedulable");
        const detail = String(at(plan.outputs, "scaling", "schedule", 0, "detail"));
        assert.ok(detail.startsWith("not pre-scaled: it touches 101 calendar days (GMT+8) from now on, 101 rules, and 4 are left after the peaks' rules, so it cannot be declared, whatever the other events"), detail);
    });

    it("SAE, a 7-day event with a daily peak and no other event: the report names its 7 day rules and the 4 left, not events ahead of it", async () => {
        const plan = await planStack("week-sae", DIR, { now: new Date("2026-12-01T09:00:00Z") });
        const detail = String(at(plan.outputs, "scaling", "schedule", 0, "detail"));
        assert.ok(detail.startsWith("not pre-scaled: it touches 7 calendar days (GMT+8) from now on, 7 rules, and 4 are left after the peaks' rules"), detail);
        assert.ok(!detail.includes("events ahead of it"), detail);
    });
});

describe("a Kubernetes stack without a kubectl image says its events are not declared", function () {
    this.timeout(300_000);

    it("growth Alibaba Cloud without kubernetes.kubectlImage: no floor job, and the sale's report says it is not declared until the image is set", async () => {
        const plan = await planStack("nokubectl-alicloud", DIR, { now: NOV_22 });
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "kubernetes:batch/v1:CronJob").length, 0);
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [
            {
                source: "sale",
                status: "scheduled",
                detail: "not declared until kubernetes.kubectlImage is set (the pods' floor jobs run kubectl; no floor job is declared without it): pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z",
            },
        ]);
    });
});

describe("once the drain from the raised ceiling has ended the bounds return to the stack file", function () {
    this.timeout(300_000);

    it("the same sale planned at 16:53Z, inside the lowering's run margin (lowering 16:52Z): the lowering stays declared and the group's bounds with the schedules", async () => {
        const plan = await checkPlan(await planStack("drain-aws-vm", DIR, { now: new Date("2026-12-12T16:53:00Z") }));
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "aws:autoscaling/group:Group").map((r) => [at(r.inputs, "maxSize"), r.ignoreChanges ?? []]), [[40, ["minSize", "maxSize"]]]);
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "aws:autoscaling/schedule:Schedule").map((r) => [at(r.inputs, "scheduledActionName"), at(r.inputs, "startTime"), at(r.inputs, "maxSize")]), [["sale-lower", "2026-12-12T16:52:00Z", 40]]);
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING), []);
    });

    it("the same sale planned at 16:55Z (lowering 16:52Z, run margin over): no ignoreChanges, the event declares nothing, and the plan warns that this up lowers the raised ceiling (an advisory finding)", async () => {
        const plan = await checkPlan(await planStack("drain-aws-vm", DIR, { now: new Date("2026-12-12T16:55:00Z") }));
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "aws:autoscaling/group:Group").map((r) => [at(r.inputs, "maxSize"), r.ignoreChanges ?? []]), [[40, []]]);
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [
            {
                source: "sale",
                status: "past",
                detail: "released at 2026-12-12T16:30:00Z; the estimated drain of these tiers has ended (about 2026-12-12T16:52:00Z); the scheduled actions declared with the event lowered the app group 100 -> 40 at 2026-12-12T16:52:00Z, if a pulumi up declared them before then (plan with --base <the previous up's plan> to tell); if none did, the ceilings its actions raised are still in force while Pulumi's state holds the everyday ones, so this pulumi up sends nothing for them: run it as pulumi up --refresh (the refresh reads the raised ceilings into state, so the up sets the held ones); this pulumi up sets the ceilings the declared events and peaks hold on the scaled resources itself (the app group 100 -> 40), which lowers those still raised in Pulumi's state (those an earlier up declared raised) unless an earlier up after the drain already has: the cloud removes capacity above a lowered ceiling at once, whatever the load, so run it once the viewers have left (the drain is an estimate, not a reading of the load); delete the event from the stack file once the ceilings are back",
                ceilingsLowered: "the app group 100 -> 40",
                loweredByActions: "the app group 100 -> 40 at 2026-12-12T16:52:00Z",
            },
        ]);
        assert.deepStrictEqual(
            plan.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING).map((v) => [v.enforcement, v.message]),
            [
                [
                    "advisory",
                    "event sale: this pulumi up may lower raised ceilings (the app group 100 -> 40) unless an earlier up after the drain already has; the scheduled actions declared with the event lowered the app group 100 -> 40 at 2026-12-12T16:52:00Z if a pulumi up declared them before then (plan with --base to tell); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left",
                ],
            ],
        );
    });
});

describe("an edited app.minSize or app.maxSize while schedules exist is said to wait for the next scheduled action", function () {
    this.timeout(300_000);
    const NOTE = "note: while events or peaks are declared, the scheduled actions own the app group's bounds (ignoreChanges): an edited app.minSize or app.maxSize reaches the running group only at its next scheduled action (a release sets the floor, every action the ceiling), not at this pulumi up";

    it("the plan's text has the note with a scheduled sale, and none without events or peaks", async () => {
        const withSale = await planStack("bounds-aws-vm", DIR, { now: NOV_22 });
        assert.ok(renderScaling(scalingSection(withSale.outputs)).includes(NOTE));
        const quiet = await planStack("no-events-aws-vm", DIR, { now: NOV_22 });
        assert.ok(!renderScaling(scalingSection(quiet.outputs)).includes(NOTE));
    });

    it("an event that lifts no floor of the app tier declares nothing on it: no note", () => {
        const row = (detail: string) => ({ source: "quiet", status: "scheduled", detail });
        const section = (detail: string) => ({ timeToPeak: [], drain: [], schedule: [row(detail)], boundsNote: "the scheduled actions own the app group's bounds" });
        assert.deepStrictEqual(boundsNote(section("pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; the app tier needs no lift: 8000 viewers fit the everyday floor of 4 app instances")), []);
        assert.deepStrictEqual(boundsNote(section("pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z")), ["note: while events or peaks are declared, the scheduled actions own the app group's bounds"]);
    });

    it("on the other computes the note names what owns the bounds there: the HPAs with floor jobs, the ECS scalable targets; none on SAE (each up rewrites its rules) or without floor jobs", async () => {
        const note = async (stack: string, now: Date) => renderScaling(scalingSection((await planStack(stack, DIR, { now })).outputs)).filter((l) => l.startsWith("note: while events or peaks are declared"));
        assert.deepStrictEqual(await note("raised-pods-aws", NOV_22), [
            "note: while events or peaks are declared, the floor jobs own the HPAs' minReplicas and maxReplicas (ignoreChanges): an edited kubernetes.services.<name>.minReplicas or maxReplicas reaches the running HPA only at its next scheduled floor job (a release sets the floor, every job the ceiling), not at this pulumi up",
        ]);
        assert.deepStrictEqual(await note("bounds-aws-serverless", NOV_22), [
            "note: while events or peaks are declared, the scheduled actions own the ECS services' scalable-target bounds (ignoreChanges): an edited kubernetes.services.<name>.minReplicas or maxReplicas reaches the running service only at its next scheduled action (a release sets the floor, every action the ceiling), not at this pulumi up",
        ]);
        assert.deepStrictEqual(await note("drain-sae", NOV_22), []);
        assert.deepStrictEqual(await note("nokubectl-alicloud", NOV_22), []);
    });

    it("CONFIG.md's app.minSize and app.maxSize rows say a change waits for the next scheduled action", () => {
        const rows = renderConfigDoc().split("\n").filter((l) => l.startsWith("| `app.minSize`") || l.startsWith("| `app.maxSize`"));
        assert.strictEqual(rows.length, 2);
        assert.ok(rows[0].includes("a changed minSize reaches the running group only at its next scheduled release, not at this pulumi up"), rows[0]);
        assert.ok(rows[1].includes("a changed maxSize reaches the running group only at its next scheduled action, not at this pulumi up"), rows[1]);
    });
});

describe("raised pod floors beyond the node pools' capacity are a finding", function () {
    this.timeout(300_000);

    it("a sale of 200,000 viewers on growth Kubernetes with maxNodesPerZone 3: an advisory finding naming the region and what is short; the 80,000 sale with the stage's pools: none", async () => {
        const crowded = await checkPlan(await planStack("crowded-pods-aws", DIR, { now: NOV_22 }));
        assert.deepStrictEqual(crowded.policy.violations.filter((v) => v.policy === POD_FLOORS_NODES_FINDING).map((v) => [v.enforcement, v.message]), [
            [
                "advisory",
                "sale: the raised pod floors exceed the node pools' capacity in us-east-1: CPU 82.0 of 16.8 vCPU requested (maxNodesPerZone 3 x 2 zones x 4 vCPU, 70% for pods); memory 88.5 of 33.6 GiB requested (maxNodesPerZone 3 x 2 zones x 8 GiB, 70% for pods); raise kubernetes.maxNodesPerZone or kubernetes.nodeSize, or the floors' pods stay Pending",
            ],
        ]);
        const fits = await checkPlan(await planStack("raised-pods-aws", DIR, { now: NOV_22 }));
        assert.deepStrictEqual(fits.policy.violations.filter((v) => v.policy === POD_FLOORS_NODES_FINDING), []);
    });
});
