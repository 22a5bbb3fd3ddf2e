// An event pre-scaled within the cloud's horizon whose release lies beyond it, with a daily peak
// running inside it: the peak's recurring actions hold the event's need over its whole raised span,
// so the plan's own guard of the scheduled bounds finds nothing and the deploy is not blocked.

import * as assert from "assert";

import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { at, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];

const DIR = stackDir({
    // ESS (90 days): pre-scale 2027-03-12T09:30Z, within 90 days of 2026-12-12T11:00Z; release 2027-03-13T06:30Z beyond.
    "straddle-ess": stackFile({
        stage: "startup",
        cloud: "alicloud",
        domain: "live.example.com",
        regions: HANGZHOU,
        database: { engine: "mysql" },
        events: [{ name: "spring-fest", start: "2027-03-12T10:00:00Z", end: "2027-03-13T06:00:00Z", peakOnline: 20000 }],
        peaks: [{ name: "evening", start: "20:00", end: "22:00", peakOnline: 15000, timeZone: "Asia/Shanghai" }],
    }),
    // EKS (364 days for the pods' floor jobs): pre-scale 2027-12-11T09:30Z within, release 2027-12-12T12:30Z beyond.
    "straddle-eks": stackFile({
        stage: "growth",
        cloud: "aws",
        compute: "kubernetes",
        domain: "live.example.com",
        regions: VIRGINIA,
        events: [{ name: "anniversary", start: "2027-12-11T10:00:00Z", end: "2027-12-12T12:00:00Z", peakOnline: 100000 }],
        peaks: [{ name: "evening", start: "20:00", end: "22:00", peakOnline: 20000, timeZone: "America/New_York" }],
    }),
});
const NOW = new Date("2026-12-12T11:00:00Z");

describe("an event straddling the scheduling horizon with a daily peak inside it never blocks the deploy", function () {
    this.timeout(300_000);

    it("ESS: the evening tasks carry the event's ceiling (12 on the startup group, not its everyday 8), and no scheduled-bounds violation", async () => {
        const plan = await checkPlan(await planStack("straddle-ess", DIR, { now: NOW }));
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.policy === "ha-scaling-schedule-bounds").map((v) => v.message), []);
        const evening = plan.resources.filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask" && r.name.includes("-app-schedule-evening-"));
        assert.ok(evening.length >= 2);
        assert.deepStrictEqual([...new Set(evening.map((r) => at(r.inputs, "maxValue")))], [12]);
    });

    it("EKS: the evening floor jobs carry the event's maxReplicas, and no scheduled-bounds violation", async () => {
        const plan = await checkPlan(await planStack("straddle-eks", DIR, { now: NOW }));
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.policy === "ha-scaling-schedule-bounds").map((v) => v.message), []);
    });
});
