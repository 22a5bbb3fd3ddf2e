import * as assert from "assert";

import { ESS_SCHEDULED_TASK_QUOTA, bothEventLimits, essDeclaredTasks, essEventLimit, essEventTasks, essPeakTasks, groupDrain, scheduleReport } from "../../components/model";
import { ALICLOUD_SCHEDULE_HORIZON } from "../../components/alicloud/profile";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { NOW, configIssues, rawConfig } from "../helpers";

/** `n` two-hour events, one a day from 2 December 2026 at 12:00Z, 40,000 viewers each (lifts the app group of every stage). */
const dailyEvents = (n: number) =>
    Array.from({ length: n }, (_, i) => {
        const day = new Date(Date.parse("2026-12-02T00:00:00Z") + i * 86_400_000).toISOString().slice(0, 10);
        return { name: `sale${i}`, start: `${day}T12:00:00Z`, end: `${day}T14:00:00Z`, peakOnline: 40000 };
    });
/** `n` daily peaks in Shanghai 80 minutes apart, 10 minutes each (spans of 70 minutes that never touch), 40,000 viewers each. */
const spacedPeaks = (n: number) =>
    Array.from({ length: n }, (_, i) => {
        const at = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        return { name: `p${i}`, start: at(i * 80), end: at(i * 80 + 10), timeZone: "Asia/Shanghai", peakOnline: 40000 };
    });

describe("model: ESS scheduled-task quota per account and region", () => {
    it("defaults to 70, the DescribeLimitation MaxNumberOfScheduledTasks example", () => {
        assert.strictEqual(ESS_SCHEDULED_TASK_QUOTA, 70);
        assert.strictEqual(resolveSpec(rawConfig("startup", "alicloud"), { now: NOW }).scaling.essScheduledTaskQuota, 70);
    });

    it("40 events on startup-alicloud: 3 app-group tasks each at most (pre-scale, release, the ceiling lowering: 40,000 viewers raise the startup ceiling), the first 23 fit the 70 tasks and the others are deferred to the release that frees room", () => {
        const spec = resolveSpec(rawConfig("startup", "alicloud", { events: dailyEvents(40) }), { now: NOW });
        const now = NOW.getTime();
        assert.strictEqual(essEventTasks(spec, spec.regions[0], spec.events[0], now), 3);
        // Counted as the schedules declare them (essDeclaredTasks): without a drain no lowering, 2 tasks each, 35 fit.
        assert.strictEqual(essEventLimit(spec, now, ALICLOUD_SCHEDULE_HORIZON).count, 35);
        assert.strictEqual(PROFILES.alicloud.eventLimit(spec, now)?.count, 23);
        assert.strictEqual(essDeclaredTasks(spec, spec.regions[0], now, ALICLOUD_SCHEDULE_HORIZON, PROFILES.alicloud.eventLimit(spec, now), (bounds) => groupDrain(spec, PROFILES.alicloud, bounds)).tasks, 69);
        const report = scheduleReport(spec, now, ALICLOUD_SCHEDULE_HORIZON, PROFILES.alicloud.eventLimit(spec, now), (t) => PROFILES.alicloud.eventLimit(spec, t));
        assert.deepStrictEqual(report.filter((r) => r.status === "scheduled").length, 23);
        assert.deepStrictEqual(report.find((r) => r.source === "sale23"), {
            source: "sale23",
            status: "deferred",
            // sale0's release (14:30Z on 2 December) frees its pre-scale and release (its lowering, if any, counted until it runs)
            detail: "scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after 2026-12-02T14:30:00Z declares it (ESS allows 70 scheduled tasks per account and region (scaling.essScheduledTaskQuota), all for the events declared now)",
        });
    });

    it("a raised quota (scaling.essScheduledTaskQuota: 120) declares all 40", () => {
        const spec = resolveSpec(rawConfig("startup", "alicloud", { events: dailyEvents(40), scaling: { essScheduledTaskQuota: 120 } }), { now: NOW });
        assert.strictEqual(essEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).count, 40);
    });

    it("recurring peaks take twice their tasks (a renamed task is created before the old one is deleted): 17 peaks leave 2 tasks, and an event over 4 of their actions needs 6: unschedulable", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", peaks: spacedPeaks(17), events: dailyEvents(1) }), { now: NOW });
        const now = NOW.getTime();
        assert.strictEqual(essPeakTasks(spec, spec.regions[0], now, ALICLOUD_SCHEDULE_HORIZON), 34);
        // sale0's window, 19:30-22:30 in Shanghai, holds the pre-scales and releases of p15 (20:00) and p16 (21:20): a restore after each at most,
        // but their floors are sale0's own (40,000 viewers each), so the schedule declares none: its pre-scale and release, 2 a tier
        assert.strictEqual(essEventTasks(spec, spec.regions[0], spec.events[0], now), 6);
        const limit = essEventLimit(spec, now, ALICLOUD_SCHEDULE_HORIZON);
        assert.deepStrictEqual(
            [limit.count, limit.alone?.(spec.events[0]), limit.remedy?.(spec.events[0])],
            [
                0,
                "it takes 4 ESS scheduled tasks in cn-hangzhou, more than the 2 the quota leaves (70 allowed less the recurring peaks' 34 and as many again of room for a renamed one)",
                // its 4 and the peaks' 34 twice: its task count does not shrink with its length, so no "shorten it"
                "raise the account's ESS scheduled task quota in Quota Center and set scaling.essScheduledTaskQuota to at least 72, or declare fewer recurring peaks",
            ],
        );
        const report = scheduleReport(spec, now, ALICLOUD_SCHEDULE_HORIZON, PROFILES.alicloud.eventLimit(spec, now), (t) => PROFILES.alicloud.eventLimit(spec, t));
        assert.deepStrictEqual(report.find((r) => r.source === "sale0")?.status, "unschedulable");
    });

    it("peaks beyond the quota are a config error naming peaks, the region, the count and the key that raises it", () => {
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "vm", peaks: spacedPeaks(18) })), [
            "peaks: 18 recurring peaks declare 36 ESS scheduled tasks in cn-hangzhou, 72 with the room a renamed task needs (created before the old one is deleted); allowed: at most 70 per account and region (scaling.essScheduledTaskQuota, Auto Scaling DescribeLimitation MaxNumberOfScheduledTasks): merge peaks that share a window, or raise the quota in Quota Center and set scaling.essScheduledTaskQuota to it",
        ]);
        assert.doesNotThrow(() => resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", peaks: spacedPeaks(18), scaling: { essScheduledTaskQuota: 72 } }), { now: NOW }));
    });

    it("the peaks' tasks are counted at the worst instant of the next year: daily London and New York peaks take 8 tasks once both March changes are within the horizon, so a quota of 14 is refused already in November, naming the instant", () => {
        const peaks = [
            { name: "london", start: "11:00", end: "14:00", peakOnline: 30000, timeZone: "Europe/London" },
            { name: "newyork", start: "20:00", end: "22:00", peakOnline: 20000, timeZone: "America/New_York" },
        ];
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", peaks }), { now: NOW });
        assert.strictEqual(essPeakTasks(spec, spec.regions[0], NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON), 4, "in November: one task per action");
        assert.strictEqual(essPeakTasks(spec, spec.regions[0], Date.parse("2027-01-20T00:00:00Z"), ALICLOUD_SCHEDULE_HORIZON), 8, "in January: two per action");
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "vm", peaks, scaling: { essScheduledTaskQuota: 14 } })), [
            "peaks: 2 recurring peaks declare 8 ESS scheduled tasks in cn-hangzhou from 2026-12-30T01:01:00Z (when a daylight-saving change comes within the schedule horizon; the next 366 days are checked now, so a stack valid today stays valid), 16 with the room a renamed task needs (created before the old one is deleted); allowed: at most 14 per account and region (scaling.essScheduledTaskQuota, Auto Scaling DescribeLimitation MaxNumberOfScheduledTasks): merge peaks that share a window, or raise the quota in Quota Center and set scaling.essScheduledTaskQuota to it",
        ]);
        assert.doesNotThrow(() => resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", peaks, scaling: { essScheduledTaskQuota: 16 } }), { now: NOW }));
    });

    it("scaling.essScheduledTaskQuota: a whole number of at least 1, on alicloud only", () => {
        assert.deepStrictEqual(configIssues(rawConfig("startup", "alicloud", { scaling: { essScheduledTaskQuota: 0 } })), ["scaling.essScheduledTaskQuota: must be an integer >= 1 (got 0)"]);
        assert.match(configIssues(rawConfig("startup", "aws", { scaling: { essScheduledTaskQuota: 100 } }))[0], /^scaling\.essScheduledTaskQuota: is not used on aws \(alicloud only: /);
    });

    it("on a serverless stack the fewer of the SAE and ESS limits binds, with its reason; an event too large for either is too large", () => {
        const event = resolveSpec(rawConfig("startup", "alicloud", { events: dailyEvents(1) }), { now: NOW }).events[0];
        const sae = { count: 4, why: "SAE", alone: () => null };
        const ess = { count: 2, why: "ESS", alone: () => "too large" };
        const both = bothEventLimits(sae, ess);
        assert.deepStrictEqual([both.count, both.why, both.alone?.(event)], [2, "ESS", "too large"]);
        assert.strictEqual(bothEventLimits(sae, null), sae);
    });
});
