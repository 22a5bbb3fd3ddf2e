// The compute choice as config and as pure decisions: defaults per stage, the errors a bad value
// gets, the routes of each tier, the serverless units, timed capacity and metric plans.

import * as assert from "assert";

import {
    RecurringPeak,
    SAE_TIME_ZONE,
    Weekday,
    SERVICE_ALARM_METRICS,
    SERVICE_ROUTES,
    recurringActions,
    saeDeclaredEvents,
    saeEventLimit,
    saePeriod,
    scheduleReport,
    saeTimers,
    saePeakTimers,
    peakLimitWorst,
    offsetSpans,
    serviceAlarmRules,
    businessRoutes,
    defaultRoute,
    planServerlessUnits,
    polardbServerlessPlan,
    routeNodePort,
    saeMetricPlan,
    unitSchedule,
    targetKind,
} from "../../components/model";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { cmsServiceMetric } from "../../components/alicloud/metrics";
import { saeEnvs } from "../../components/alicloud/identity";
import { awsPartition, containerSecrets, ecsTaskRoleTrustPolicy, isPrivateEcrImage, secretArnOf, secretKeyReference, secretReadPolicy, taskExecutionPolicyArn } from "../../components/aws/identity";
import { AWS_NAME_LIMITS, awsName } from "../../components/aws/profile";
import { ALICLOUD_SCHEDULE_HORIZON } from "../../components/alicloud/profile";
import { CONFIG_FIELDS, serviceCredentials } from "../../components/model";
import { serviceAlarmQueries } from "../../components/aws/metrics";
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
            "database.serverless.minCapacity: 2.25 ACU is not a multiple of 0.5 ACU; allowed: 0.5 to 256 in steps of 0.5",
        ]);
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { maxCapacity: 0.5 } } })), [
            "database.serverless.maxCapacity: 0.5 ACU is below database.serverless.minCapacity 2 ACU (the value set, or its default when unset); allowed: maxCapacity >= minCapacity (set both together)",
        ]);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", database: { engine: "mysql" } }), { now: NOW }).database.serverless, null, "RDS MySQL stays provisioned");
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "serverless", database: { engine: "mysql", serverless: { enabled: true } } })), [
            'database.serverless: a serverless database needs engine aurora (got engine "mysql"); allowed: database.serverless.enabled false, or that engine',
        ]);
        const off = resolveSpec(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { enabled: false } } }), { now: NOW });
        assert.strictEqual(off.database.serverless, null);
    });

    it("the clustered engine's capacity range is resolved under every compute: the same bounds on the way back from serverless", () => {
        const to = resolveSpec(rawConfig("growth", "aws", { compute: "serverless" }), { now: NOW }).database;
        const back = resolveSpec(rawConfig("growth", "aws", { compute: "kubernetes" }), { now: NOW }).database;
        assert.deepStrictEqual([to.serverlessRange, back.serverless, back.serverlessRange], [{ minCapacity: 2, maxCapacity: 16 }, null, { minCapacity: 2, maxCapacity: 16 }]);
        const custom = { serverless: { minCapacity: 4, maxCapacity: 64 } };
        const customBack = resolveSpec(rawConfig("growth", "aws", { compute: "vm", database: custom }), { now: NOW }).database;
        assert.deepStrictEqual([customBack.serverless, customBack.serverlessRange], [null, { minCapacity: 4, maxCapacity: 64 }], "the user's bounds stay declared with enabled false");
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { database: { engine: "mysql" } }), { now: NOW }).database.serverlessRange, null, "RDS MySQL has no range");
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "kubernetes", database: { serverless: { minCapacity: 0.3 } } })), [
            "database.serverless.minCapacity: 0.3 ACU is outside aurora's range; allowed: 0.5 to 256 in steps of 0.5",
        ]);
    });

    it("the ceiling by default is as many PCU / ACU as the database has GiB of memory, and the documentation says so with the 2 GiB per unit", () => {
        for (const cloud of ["alicloud", "aws"] as const) {
            const spec = resolveSpec(rawConfig("growth", cloud, { compute: "serverless", database: { size: { vcpu: 4, memoryGiB: 32 } } }), { now: NOW });
            assert.strictEqual(spec.database.serverless?.maxCapacity, 32, cloud);
        }
        // 1 ACU (PCU) is about 2 GiB: 32 units hold about 64 GiB, twice the provisioned size, not "the database memory".
        const doc = CONFIG_FIELDS.database.fields.serverless.fields.maxCapacity.defaultDoc ?? "";
        assert.ok(doc.startsWith("as many PCU / ACU as the database has GiB of memory (database.size.memoryGiB: 16 GiB gives 16), so about twice the provisioned size's memory at about 2 GiB per PCU or ACU"), doc);
    });

    it("Aurora minCapacity 0 (auto-pause) is an error with every compute: an idle instance pauses and the first connection waits for it to resume", () => {
        const pause =
            "database.serverless.minCapacity: 0 ACU turns on aurora's auto-pause (an idle db.serverless instance pauses after 300 s without user connections by default, and a connection to a paused instance waits up to about 15 s for it to resume: meant for systems without a stringent service level objective, not a 99.99% live platform); allowed: 0.5 to 256 in steps of 0.5";
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { minCapacity: 0 } } })), [pause]);
        assert.deepStrictEqual(configIssues(rawConfig("growth", "aws", { compute: "kubernetes", database: { serverless: { minCapacity: 0 } } })), [pause], "the range the cluster keeps with provisioned instances too");
        assert.deepStrictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", database: { serverless: { minCapacity: 0.5 } } }), { now: NOW }).database.serverless, { minCapacity: 0.5, maxCapacity: 16 });
    });

    it("capacity bounds no database uses are errors naming the key and the command that removes it: PolarDB with enabled false, an engine without serverless", () => {
        // A PolarDB cluster of provisioned nodes declares no scaleMin/scaleMax (components/alicloud/database.ts): nothing reads the bounds.
        const polardbOff = { serverless: { enabled: false, minCapacity: 4, maxCapacity: 8 } };
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { database: polardbOff })), [
            "database.serverless.minCapacity: is not used with database.serverless.enabled false on polardb (polardb declares a capacity range on serverless nodes only: a cluster of provisioned nodes has none); allowed: leave it unset with database.serverless.enabled false on polardb: remove it from the stack file (pulumi config rm --path live-commerce:database.serverless.minCapacity)",
            "database.serverless.maxCapacity: is not used with database.serverless.enabled false on polardb (polardb declares a capacity range on serverless nodes only: a cluster of provisioned nodes has none); allowed: leave it unset with database.serverless.enabled false on polardb: remove it from the stack file (pulumi config rm --path live-commerce:database.serverless.maxCapacity)",
        ]);
        assert.deepStrictEqual(resolveSpec(rawConfig("growth", "alicloud", { database: { serverless: { enabled: false } } }), { now: NOW }).database.serverlessRange, null, "PolarDB keeps no range with enabled false");
        // RDS MySQL (startup's engine) has no serverless capacity at all.
        assert.deepStrictEqual(configIssues(rawConfig("startup", "aws", { database: { serverless: { minCapacity: 4 } } })), [
            "database.serverless.minCapacity: is not used with engine mysql (engine aurora only: mysql has no serverless capacity); allowed: leave it unset with engine mysql: remove it from the stack file (pulumi config rm --path live-commerce:database.serverless.minCapacity)",
        ]);
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { database: { engine: "mysql", serverless: { maxCapacity: 8 } } })), [
            "database.serverless.maxCapacity: is not used with engine mysql (engine polardb only: mysql has no serverless capacity); allowed: leave it unset with engine mysql: remove it from the stack file (pulumi config rm --path live-commerce:database.serverless.maxCapacity)",
        ]);
        // Aurora keeps declaring the range with enabled false: the bounds are read there.
        assert.deepStrictEqual(resolveSpec(rawConfig("growth", "aws", { database: { serverless: { enabled: false, minCapacity: 4, maxCapacity: 8 } } }), { now: NOW }).database.serverlessRange, { minCapacity: 4, maxCapacity: 8 });
    });

    it("weekly peaks are accepted on SAE; more scaling rules than SAE takes per application are an error naming them", () => {
        const weekly = { name: "weekend", recurrence: "weekly", days: ["sat", "sun"], start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" };
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: [weekly] }), { now: NOW }).peaks[0].recurrence, "weekly");
        const days = ["mon", "tue", "wed", "thu", "fri", "sat"];
        const six = days.map((d) => ({ ...weekly, name: `peak-${d}`, days: [d] }));
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: six.slice(0, 5) }), { now: NOW }).peaks.length, 5, "five periods: five rules");
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "serverless", peaks: six })), [
            'peaks: 6 SAE scaling rules per application (one per timer period of the peaks, per offset of a zone with daylight saving, and per change date holding points of both offsets: "* * Mon", "* * Tue", "* * Wed", "* * Thu", "* * Fri", "* * Sat"); allowed: at most 5 (SAE CreateApplicationScalingRule), so give peaks the same days or a zone without daylight saving',
        ]);
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws", { compute: "serverless", peaks: six }), { now: NOW }).peaks.length, 6, "the limit is SAE's");
        // Peaks that lift no application (100 viewers) declare no timer and take no rule.
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: six.map((p) => ({ ...p, peakOnline: 100 })) }), { now: NOW }).peaks.length, 6, "no rule for a peak that lifts nothing");
        // Eleven daily half-hour peaks: 22 pre-scale and release points in the one daily timer.
        const eleven = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}`, start: `${String(i * 2).padStart(2, "0")}:00`, end: `${String(i * 2).padStart(2, "0")}:30`, peakOnline: 20000, timeZone: "Asia/Shanghai" }));
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "serverless", peaks: eleven })), [
            'peaks: 22 trigger points in the SAE timer "* * *"; allowed: at most 20 a day (SAE CreateApplicationScalingRule), so merge peaks',
        ]);
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "kubernetes", peaks: six }), { now: NOW }).peaks.length, 6, "and only for the serverless tier");
    });

    it("eleven short events on one day: more than 20 trigger points in that day's SAE event rule is an error naming the day, the services and the events", () => {
        // 2026-12-12 01:00-01:20 +08:00, then every 2 h: each event pre-scales and releases in the day's one rule.
        const events = Array.from({ length: 11 }, (_, i) => {
            const hh = String(1 + i * 2).padStart(2, "0");
            return { name: `ev${i}`, start: `2026-12-12T${hh}:00:00+08:00`, end: `2026-12-12T${hh}:20:00+08:00`, peakOnline: 30000, timeZone: "Asia/Shanghai" };
        });
        const issues = configIssues(rawConfig("growth", "alicloud", { compute: "serverless", events }));
        assert.deepStrictEqual(issues, [
            "events: 22 trigger points on 2026-12-12 (GMT+8) in the SAE event rule of user, product, order, interaction (events ev0, ev1, ev2, ev3, ev4, ev5, ev6, ev7, ev8, ev9, ev10); allowed: at most 20 a day in one rule (SAE CreateApplicationScalingRule), so merge events of that day that follow each other or move some to another day",
        ]);
        // Ten of them fit: 20 points at most.
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", events: events.slice(0, 10) }), { now: NOW }).events.length, 10);
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud", { compute: "kubernetes", events }), { now: NOW }).events.length, 11, "only SAE rules have the limit");
    });

    it("daylight saving counts, over the next year: three weekly London peaks need six rules once the March change is within 90 days, so they are refused already in November, naming the instant and each timer's dates", () => {
        const london = (days: readonly string[]) => days.map((d) => ({ name: `peak-${d}`, recurrence: "weekly", days: [d], start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Europe/London" }));
        const error =
            'peaks: 6 SAE scaling rules per application from 2026-12-29T01:01:00Z (when a daylight-saving change comes within the schedule horizon; the next 366 days are checked now, so a stack valid today stays valid) (one per timer period of the peaks, per offset of a zone with daylight saving, and per change date holding points of both offsets: "* * Tue from 2026-10-27 to 2027-03-23", "* * Tue from 2027-03-30 to 2027-10-26", "* * Wed from 2026-10-28 to 2027-03-24", "* * Wed from 2027-03-31 to 2027-10-27", "* * Thu from 2026-10-29 to 2027-03-25", "* * Thu from 2027-04-01 to 2027-10-28"); allowed: at most 5 (SAE CreateApplicationScalingRule), so give peaks the same days or a zone without daylight saving';
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "serverless", peaks: london(["mon", "tue", "wed"]) })), [error]);
        // Two peaks need four rules at most: accepted on every day of the year.
        for (let day = 0; day < 366; day += 15) {
            assert.doesNotThrow(() => resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: london(["mon", "tue"]) }), { now: new Date(NOW.getTime() + day * 86_400_000) }));
        }
    });

    it("the worst instant is found: for weekly peaks in Los Angeles, London and Sydney, and daily ones in London and New York, the rule count at peakLimitWorst is the largest of every day of the year", () => {
        const weekly = [
            { name: "la", recurrence: "weekly", days: ["sun"], start: "18:00", end: "21:00", peakOnline: 30000, timeZone: "America/Los_Angeles" },
            { name: "london", recurrence: "weekly", days: ["wed"], start: "18:00", end: "21:00", peakOnline: 30000, timeZone: "Europe/London" },
            { name: "syd", recurrence: "weekly", days: ["fri"], start: "18:00", end: "21:00", peakOnline: 30000, timeZone: "Australia/Sydney" },
        ];
        const daily = [
            { name: "london", start: "11:00", end: "16:34", peakOnline: 30000, timeZone: "Europe/London" },
            { name: "newyork", start: "20:00", end: "22:00", peakOnline: 20000, timeZone: "America/New_York" },
        ];
        for (const peaks of [weekly, daily]) {
            // Two of the peaks are valid (at most 5 rules); the count is computed for all of them.
            const spec = { ...resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: peaks.slice(0, 1) }), { now: NOW }), peaks: resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", peaks }), { now: NOW }).peaks };
            const count = (at: number): number => saePeakTimers(spec, at, ALICLOUD_SCHEDULE_HORIZON).length;
            const everyDay = Math.max(...Array.from({ length: 366 }, (_, d) => count(NOW.getTime() + d * 86_400_000)));
            assert.ok(everyDay > count(NOW.getTime()), "the count grows later in the year");
            assert.strictEqual(peakLimitWorst([SAE_TIME_ZONE, ...spec.peaks.map((p) => p.timeZone)], NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON.days, count).value, everyDay);
        }
    });
});

describe("SAE events within the per-application rule limit", () => {
    const daily = { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" };
    // Days after NOW (2026-11-22): 95 and 120 are beyond the 90-day horizon.
    const event = (name: string, day: number) => {
        const start = new Date(NOW.getTime() + day * 86_400_000 + 12 * 3_600_000).toISOString().replace(/\.000Z$/, "Z");
        const end = new Date(NOW.getTime() + day * 86_400_000 + 14 * 3_600_000).toISOString().replace(/\.000Z$/, "Z");
        return { name, start, end, peakOnline: 40000 };
    };
    const config = (days: readonly number[]) => rawConfig("growth", "alicloud", { compute: "serverless", peaks: [daily], events: days.map((d, i) => event(`e${i + 1}`, d)) });

    it("6 future events, 2 beyond 90 days, one daily peak: accepted (no config error); the 4 within the horizon take the 4 rules the peak leaves", () => {
        const spec = resolveSpec(config([40, 10, 20, 30, 95, 120]), { now: NOW });
        assert.strictEqual(saeEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).count, 4, "5 rules per application less the daily timer's rule");
        assert.deepStrictEqual(saeDeclaredEvents(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).map((e) => e.name), ["e2", "e3", "e4", "e1"]);
        assert.deepStrictEqual(
            scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, saeEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON)).map((r) => [r.source, r.status]),
            [
                ["e1", "scheduled"],
                ["e2", "scheduled"],
                ["e3", "scheduled"],
                ["e4", "scheduled"],
                ["e5", "deferred"],
                ["e6", "deferred"],
                ["evening", "recurring"],
            ],
        );
    });

    it("events and peaks that lift no application (8,000 viewers: every service's everyday floor holds them) take no rule: four such events and three such weekly peaks leave the 4 rules to the events that lift", () => {
        const quiet = (name: string, day: number) => ({ ...event(name, day), peakOnline: 8000 });
        const weekly = ["mon", "tue", "wed"].map((d) => ({ name: `quiet-${d}`, recurrence: "weekly", days: [d], start: "19:00", end: "21:00", peakOnline: 8000, timeZone: "Asia/Shanghai" }));
        const spec = resolveSpec(
            rawConfig("growth", "alicloud", { compute: "serverless", peaks: weekly, events: [quiet("q1", 10), quiet("q2", 11), quiet("q3", 12), quiet("q4", 13), ...[20, 21, 22, 23].map((d, i) => event(`big${i + 1}`, d))] }),
            { now: NOW },
        );
        assert.deepStrictEqual(saePeakTimers(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON), []);
        assert.deepStrictEqual(saeDeclaredEvents(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).map((e) => e.name), ["q1", "q2", "q3", "q4", "big1", "big2", "big3", "big4"]);
        // With the quiet events lifting (40,000 viewers each) the same eight need 8 rules: 4 are declared.
        const loud = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", events: [event("q1", 10), event("q2", 11), event("q3", 12), event("q4", 13), ...[20, 21, 22, 23].map((d, i) => event(`big${i + 1}`, d))] }), { now: NOW });
        assert.deepStrictEqual(saeDeclaredEvents(loud, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).map((e) => e.name), ["q1", "q2", "q3", "q4"]);
    });

    it("more declarable events than rules left: the earliest are declared, the others reported deferred until earlier ones pass", () => {
        const spec = resolveSpec(config([60, 10, 20, 30, 40, 50]), { now: NOW });
        assert.deepStrictEqual(saeDeclaredEvents(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).map((e) => e.name), ["e2", "e3", "e4", "e5"]);
        const report = scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, saeEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON));
        assert.deepStrictEqual(report.find((r) => r.source === "e1"), {
            source: "e1",
            status: "deferred",
            // e6 takes the rule e2 frees; e1 the one e3 frees, once e3 is released (day 20, 14:30Z).
            detail: "scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after 2026-12-12T14:30:00Z declares it (SAE takes at most 5 scaling rules per application (CreateApplicationScalingRule), 4 left for events after the peaks' rules, one per calendar day (GMT+8) an event touches, shared by overlapping events and with the peaks' rule of a change date)",
        });
        assert.deepStrictEqual(report.map((r) => r.status), ["deferred", "scheduled", "scheduled", "scheduled", "scheduled", "deferred", "recurring"]);
        // Declared events only reach the schedule of each SAE application.
        const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0])[0];
        const s = unitSchedule({ ...spec, events: saeDeclaredEvents(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON) }, spec.regions[0], unit, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON, null);
        assert.deepStrictEqual([...new Set(s.oneOff.map((a) => a.source))], ["e2", "e3", "e4", "e5"]);
        const awsServerless = resolveSpec(rawConfig("growth", "aws", { compute: "serverless" }), { now: NOW });
        assert.strictEqual(PROFILES.aws.eventLimit(awsServerless, NOW.getTime())?.count, 0, "on AWS the limit is the scheduled-action quota; this stack has no event in reach");
        // On Alibaba Cloud the ESS scheduled-task quota limits every compute (essEventLimit), the SAE rules the serverless tier too.
        assert.strictEqual(PROFILES.alicloud.eventLimit(resolveSpec(rawConfig("growth", "alicloud", { compute: "vm" }), { now: NOW }), NOW.getTime())?.why, "ESS allows 70 scheduled tasks per account and region (scaling.essScheduledTaskQuota), all for the events declared now");
        assert.strictEqual(PROFILES.alicloud.eventLimit(spec, NOW.getTime())?.count, 4);
    });
});

describe("SAE timers, envs and per-service alarms", () => {
    const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless" }), { now: NOW });
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    const peak = (name: string, days: readonly Weekday[] | null, start: string, end: string, timeZone: string) => {
        const p: RecurringPeak = { name, recurrence: days === null ? "daily" : "weekly", days: days ?? [], start, end, peakOnline: 20000, streams: 1, timeZone };
        return recurringActions(spec, p, 6, bounds);
    };

    it("period: every day is \"* * *\", some days are their SAE names in week order; no day or a day out of 0-6 is an error", () => {
        assert.strictEqual(saePeriod([0, 1, 2, 3, 4, 5, 6]), "* * *");
        assert.strictEqual(saePeriod([6, 0]), "* * Sun,Sat");
        assert.strictEqual(saePeriod([3, 3]), "* * Wed");
        assert.throws(() => saePeriod([]), /at least one/);
        assert.throws(() => saePeriod([7]), /must be 0-6/);
    });

    it("a daily peak is one \"* * *\" timer; a weekly peak ending after midnight splits into the start day's and the next day's timers", () => {
        const actions = [...peak("evening", null, "19:00", "23:00", "Asia/Shanghai"), ...peak("sunday-late", ["sun"], "23:00", "01:00", "Asia/Shanghai")];
        assert.deepStrictEqual(saeTimers(actions, SAE_TIME_ZONE, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON), [
            {
                period: "* * *",
                schedules: [
                    { atTime: "18:30", minReplicas: 6, maxReplicas: 40 },
                    { atTime: "23:30", minReplicas: 4, maxReplicas: 40 },
                ],
            },
            { period: "* * Sun", schedules: [{ atTime: "22:30", minReplicas: 6, maxReplicas: 40 }] },
            { period: "* * Mon", schedules: [{ atTime: "01:30", minReplicas: 4, maxReplicas: 40 }] },
        ]);
    });

    it("a weekly peak in another zone lands on the SAE zone's days and times: Saturday 00:10 in Berlin (CET) is Saturday 07:10 in Shanghai", () => {
        // Berlin keeps daylight saving: the timer runs between the last offset change (25 October) and the next (28 March 2027), Shanghai dates.
        assert.deepStrictEqual(saeTimers(peak("sat", ["sat"], "00:10", "01:00", "Europe/Berlin"), SAE_TIME_ZONE, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON), [
            {
                period: "* * Sat",
                beginDate: "2026-10-31",
                endDate: "2027-03-27",
                schedules: [
                    { atTime: "06:40", minReplicas: 6, maxReplicas: 40 },
                    { atTime: "08:30", minReplicas: 4, maxReplicas: 40 },
                ],
            },
        ]);
        // Monday 06:30-09:00 in New York (EST, UTC-5): pre-scale 06:00 is 19:00 Monday in Shanghai.
        assert.deepStrictEqual(saeTimers(peak("mon", ["mon"], "06:30", "09:00", "America/New_York"), SAE_TIME_ZONE, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON), [
            {
                period: "* * Mon",
                beginDate: "2026-11-02",
                endDate: "2027-03-08",
                schedules: [
                    { atTime: "19:00", minReplicas: 6, maxReplicas: 40 },
                    { atTime: "22:30", minReplicas: 4, maxReplicas: 40 },
                ],
            },
        ]);
    });

    it("daylight saving: a daily London peak across the March change is two timers, each at its offset's GMT+8 times, limited to its dates", () => {
        const beforeChange = Date.parse("2027-03-01T00:00:00Z");
        assert.deepStrictEqual(saeTimers(peak("evening", null, "19:00", "23:00", "Europe/London"), SAE_TIME_ZONE, beforeChange, ALICLOUD_SCHEDULE_HORIZON), [
            // GMT: 18:30 and 23:30 in London are 02:30 and 07:30 the next day in Shanghai, until the night of 27/28 March.
            {
                period: "* * *",
                beginDate: "2026-10-26",
                endDate: "2027-03-28",
                schedules: [
                    { atTime: "02:30", minReplicas: 6, maxReplicas: 40 },
                    { atTime: "07:30", minReplicas: 4, maxReplicas: 40 },
                ],
            },
            // BST from 28 March: an hour earlier in Shanghai, until the October change.
            {
                period: "* * *",
                beginDate: "2027-03-29",
                endDate: "2027-10-31",
                schedules: [
                    { atTime: "01:30", minReplicas: 6, maxReplicas: 40 },
                    { atTime: "06:30", minReplicas: 4, maxReplicas: 40 },
                ],
            },
        ]);
        // Shanghai has no daylight saving: one long-term timer, no dates.
        assert.deepStrictEqual(saeTimers(peak("evening", null, "19:00", "23:00", "Asia/Shanghai"), SAE_TIME_ZONE, beforeChange, ALICLOUD_SCHEDULE_HORIZON)[0], {
            period: "* * *",
            schedules: [
                { atTime: "18:30", minReplicas: 6, maxReplicas: 40 },
                { atTime: "23:30", minReplicas: 4, maxReplicas: 40 },
            ],
        });
    });

    it("offset spans: split at each change within the horizon, from the last change before now to the first after the horizon", () => {
        const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
        assert.deepStrictEqual(
            offsetSpans(["Europe/London", "Asia/Shanghai"], Date.parse("2027-03-01T00:00:00Z"), 90).map((x) => [iso(x.start), iso(x.end)]),
            [
                ["2026-10-25T01:00:00.000Z", "2027-03-28T01:00:00.000Z"],
                ["2027-03-28T01:00:00.000Z", "2027-10-31T01:00:00.000Z"],
            ],
        );
        assert.deepStrictEqual(offsetSpans(["Asia/Shanghai"], Date.parse("2027-03-01T00:00:00Z"), 90), [{ start: null, end: null }]);
    });

    it("envs: plain values (empty ones left out) and ConfigMap references by numeric id and key, never the value", () => {
        assert.strictEqual(
            saeEnvs(
                [
                    { name: "DATABASE_HOST", value: "pc-1.rwlb.rds.aliyuncs.com" },
                    { name: "KAFKA_BROKERS", value: "" },
                ],
                [{ name: "DATABASE_PASSWORD", configMapId: "2001624063", key: "DATABASE_PASSWORD" }],
            ),
            '[{"name":"DATABASE_HOST","value":"pc-1.rwlb.rds.aliyuncs.com"},{"name":"DATABASE_PASSWORD","valueFrom":{"configMapRef":{"configMapId":2001624063,"key":"DATABASE_PASSWORD"}}}]',
        );
        assert.throws(() => saeEnvs([], [{ name: "DATABASE_PASSWORD", configMapId: "cm-1", key: "K" }]), /SAE ConfigMap id "cm-1" of DATABASE_PASSWORD is not a ConfigMapId/);
    });

    it("per-service alarms: CPU warns at the scale-out threshold, memory, unhealthy targets and 5xx at their own; fatal pages after one period", () => {
        const rules = serviceAlarmRules(spec, ["order"], SERVICE_ALARM_METRICS);
        assert.deepStrictEqual(
            rules.map((r) => [r.key, r.comparison, r.threshold, r.evaluationPeriods]),
            [
                ["order-serviceCpuPercent-warning", "greaterThan", 70, 5],
                ["order-serviceCpuPercent-critical", "greaterThan", 85, 3],
                ["order-serviceCpuPercent-fatal", "greaterThan", 95, 1],
                ["order-serviceMemoryPercent-warning", "greaterThan", 70, 5],
                ["order-serviceMemoryPercent-critical", "greaterThan", 85, 3],
                ["order-serviceMemoryPercent-fatal", "greaterThan", 95, 1],
                ["order-serviceUnhealthyTargets-warning", "greaterThanOrEqual", 1, 5],
                ["order-serviceUnhealthyTargets-critical", "greaterThanOrEqual", 2, 3],
                ["order-serviceUnhealthyTargets-fatal", "greaterThanOrEqual", 4, 1],
                ["order-service5xxPercent-warning", "greaterThan", 1, 5],
                ["order-service5xxPercent-critical", "greaterThan", 5, 3],
                ["order-service5xxPercent-fatal", "greaterThan", 20, 1],
            ],
        );
        assert.strictEqual(rules[7].description, "critical: order unhealthy targets of the service >= 2");
        assert.deepStrictEqual(serviceAlarmQueries(rules[7], { TargetGroup: "targetgroup/tg/1", LoadBalancer: "app/lb/2" })[0], {
            id: "unhealthy",
            metric: { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", stat: "Maximum", period: 60, dimensions: { TargetGroup: "targetgroup/tg/1", LoadBalancer: "app/lb/2" } },
            returnData: false,
        });
        assert.deepStrictEqual(serviceAlarmQueries(rules[10], { TargetGroup: "targetgroup/tg/1", LoadBalancer: "app/lb/2" }).map((q) => q.expression ?? `${q.metric?.metricName} ${q.metric?.stat}`), [
            "HTTPCode_Target_5XX_Count Sum",
            "RequestCount Sum",
            "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)",
        ]);
        assert.deepStrictEqual(cmsServiceMetric("serviceMemoryPercent"), { project: "acs_serverless", metric: "memoryPercent", statistics: "Average", target: "application", dimension: "appId" });
        assert.strictEqual(cmsServiceMetric("serviceUnhealthyTargets"), null, "SAE has no per-application target count");
        assert.strictEqual(cmsServiceMetric("service5xxPercent"), null, "nor a per-application 5xx share");
    });
});

describe("ECS task identities", () => {
    it("the task role trusts ecs-tasks.amazonaws.com for tasks of this account only; the partition follows the region", () => {
        assert.deepStrictEqual(JSON.parse(ecsTaskRoleTrustPolicy("111122223333", "cn-north-1", awsPartition("cn-north-1"))), {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Principal: { Service: "ecs-tasks.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { ArnLike: { "aws:SourceArn": "arn:aws-cn:ecs:cn-north-1:111122223333:*" }, StringEquals: { "aws:SourceAccount": "111122223333" } },
                },
            ],
        });
        assert.deepStrictEqual(["us-east-1", "us-gov-west-1", "cn-northwest-1"].map(awsPartition), ["aws", "aws-us-gov", "aws-cn"]);
    });

    it("the execution role reads exactly the listed secrets; a container takes one JSON key of the current version", () => {
        const arn = "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1a2b-AbCdEf";
        assert.deepStrictEqual(JSON.parse(secretReadPolicy([arn])), { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [arn] }] });
        assert.strictEqual(secretKeyReference(arn, "password"), `${arn}:password::`);
        assert.strictEqual(secretArnOf(secretKeyReference(arn, "password")), arn);
        assert.throws(() => secretReadPolicy([]), /at least one secret ARN/);
    });

    it("each service's credentials: the interaction service gets the cache token only; containers get exactly those keys", () => {
        assert.deepStrictEqual(
            (["user", "product", "order", "interaction"] as const).map((s) => [s, serviceCredentials(s)]),
            [["user", ["database", "cache"]], ["product", ["database", "cache"]], ["order", ["database", "cache"]], ["interaction", ["cache"]]],
        );
        const arns = { database: "arn:aws:secretsmanager:us-east-1:111122223333:secret:rds!cluster-1-AbCdEf", cache: "arn:aws:secretsmanager:us-east-1:111122223333:secret:cache-GhIjKl" };
        assert.deepStrictEqual(containerSecrets(serviceCredentials("interaction"), arns), [{ name: "REDIS_PASSWORD", valueFrom: `${arns.cache}:password::` }]);
        assert.deepStrictEqual(containerSecrets(serviceCredentials("order"), arns), [
            { name: "DATABASE_USER", valueFrom: `${arns.database}:username::` },
            { name: "DATABASE_PASSWORD", valueFrom: `${arns.database}:password::` },
            { name: "REDIS_PASSWORD", valueFrom: `${arns.cache}:password::` },
        ]);
    });

    it("role names: the longest prefix and region keep the whole logical name within IAM's 64 characters once auto-named; a longer one is cut with a hash", () => {
        // prefix: 10 characters at most (config schema); ap-southeast-1 is among the longest AWS regions.
        const base = "abcdefghij-ap-southeast-1-fargate-interaction";
        assert.strictEqual(awsName(base, "execution", AWS_NAME_LIMITS.iamRoleLogical), `${base}-execution`);
        assert.ok(`${base}-execution`.length + 8 <= 64);
        const cut = awsName(`${base}-and-more-words`, "execution", AWS_NAME_LIMITS.iamRoleLogical);
        assert.strictEqual(cut.length, AWS_NAME_LIMITS.iamRoleLogical);
        assert.match(cut, /-[0-9a-z]{6}-execution$/);
        assert.deepStrictEqual(["aws", "aws-cn"].map(taskExecutionPolicyArn), [
            "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
            "arn:aws-cn:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy",
        ]);
        assert.deepStrictEqual(["111122223333.dkr.ecr.us-east-1.amazonaws.com/order:1", "111122223333.dkr.ecr.cn-north-1.amazonaws.com.cn/order:1", "public.ecr.aws/x/order:1", "docker.io/library/nginx"].map(isPrivateEcrImage), [true, true, false, false]);
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
        const t = unitSchedule(spec, region, order, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(spec, NOW.getTime()));
        // order is CPU-bound: it grows with the app floor (growth app.minSize 4). 40,000 / (5,000 x 0.8) = 10 app
        // instances -> 3 x 10 / 4 = 7.5 -> 8; 20,000 -> 5 -> 6 app instances (2 zones) -> 3 x 6 / 4 = 4.5 -> 5 -> 6. Floor 3, ceiling 20.
        assert.deepStrictEqual(
            t.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]),
            [
                ["launch-prescale", "2026-12-01T11:30:00Z", 8, 20],
                // 22:30 in Shanghai, inside the evening peak (19:00-23:00, released 23:30): its floor 6, not 3.
                ["launch-release", "2026-12-01T14:30:00Z", 6, 20],
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
            scaleUp: { step: 21, stabilizationWindowSeconds: 0 },
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
            hotReplicaMode: "ON",
            dbNodeId: "1",
            parameters: [{ name: "loose_innodb_trx_resume", value: "ON" }],
        });
    });
});
