// SAE event rules are named by day and shared by the day's events: an up during an event is late
// against its --base only when the base's day rules hold none of the event's trigger points.

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { EVENT_PRESCALE_FINDING } from "../tools/lib/scaling";
import { at, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
/** Pre-scale 09:30Z (17:30 GMT+8), release 16:30Z (00:30 GMT+8 on 13 December). */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 };
/** Another event the same day (GMT+8): pre-scale 01:30Z (09:30 GMT+8), release 04:30Z (12:30 GMT+8). */
const MORNING = { name: "morning", start: "2026-12-12T02:00:00Z", end: "2026-12-12T04:00:00Z", peakOnline: 80000 };
const LONDON_DAY = { name: "day", recurrence: "daily", start: "11:00", end: "16:34", peakOnline: 30000, streams: 20, timeZone: "Europe/London" };
const SAE = { stage: "growth", cloud: "alicloud", compute: "serverless", domain: "live.example.com", regions: HANGZHOU };

const DIR = stackDir({
    "late-sae": stackFile({ ...SAE, events: [SALE] }),
    "late-sae-none": stackFile(SAE),
    "late-sae-morning": stackFile({ ...SAE, events: [MORNING] }),
    // A London day peak: on the March change date (28 March 2027 GMT+8) the peaks' own day rule holds
    // the BST pre-scale at 17:30 GMT+8 (09:30Z), the instant the event added below is pre-scaled at.
    "late-sae-london": stackFile({ ...SAE, peaks: [LONDON_DAY] }),
    "late-sae-london-sale": stackFile({ ...SAE, peaks: [LONDON_DAY], events: [{ ...SALE, start: "2027-03-28T10:00:00Z", end: "2027-03-28T16:00:00Z" }] }),
});

describe("SAE: an up inside the raised window is late only when the --base never declared the event", function () {
    this.timeout(300_000);
    /** The 12:05Z plan of late-sae judged against `baseStack` planned at `baseAt` (the base written to a file and read back, as `plan --base` does). */
    const against = async (baseStack: string, baseAt: string) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-late-sae-")), "base.json");
        fs.writeFileSync(file, JSON.stringify(await planStack(baseStack, DIR, { now: new Date(baseAt) })));
        const head = await checkPlan(await planStack("late-sae", DIR, { now: new Date("2026-12-12T12:05:00Z") }));
        const base = await readBase(file);
        return Object.assign(withBase(head, base, upgradeAgainst(head, base, file), Date.parse("2026-12-12T12:05:00Z")), { baseNames: base.resources.map((r) => r.name) });
    };
    const late = (p: Awaited<ReturnType<typeof checkPlan>>) => p.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING).map((v) => v.message);
    const entry = (p: Awaited<ReturnType<typeof checkPlan>>) => p.scaling.schedule.find((r) => at(r, "source") === "sale");
    const DECLARED =
        "floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 155 min after its pre-scale at 2026-12-12T09:30:00Z, 125 min after the start: the --base plan declared it, so its floors were in force since its pre-scale; release at 2026-12-12T16:30:00Z; no scheduled action lowers the rules' raised ceilings: the first pulumi up after their drains end sets them back (the user service 20 -> 10 from 2026-12-12T17:05:00Z; the product service 20 -> 10 from 2026-12-12T17:05:00Z; the order service 32 -> 20 from 2026-12-12T17:07:00Z)";

    it("against the plan of an up at 09:00Z, whose day rules hold the 17:30 (GMT+8) pre-scale point: inProgress, no finding", async () => {
        const p = await against("late-sae", "2026-12-12T09:00:00Z");
        assert.deepStrictEqual(late(p), []);
        assert.deepStrictEqual([at(entry(p), "status"), at(entry(p), "detail")], ["inProgress", DECLARED]);
    });

    it("against the plan of an up at 11:00Z during the event (the asserted point, then the 00:30 release on 13 December): inProgress, no finding", async () => {
        const p = await against("late-sae", "2026-12-12T11:00:00Z");
        assert.deepStrictEqual(late(p), []);
        assert.deepStrictEqual([at(entry(p), "status"), at(entry(p), "detail")], ["inProgress", DECLARED]);
    });

    it("against the plan of the stack before the event was added: late, and the advisory finding", async () => {
        const p = await against("late-sae-none", "2026-12-12T09:00:00Z");
        assert.strictEqual(at(entry(p), "status"), "late");
        assert.deepStrictEqual(late(p), [
            "event sale: floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 155 min after its pre-scale at 2026-12-12T09:30:00Z, 125 min after the start: no earlier pulumi up declared it (the --base plan's actions did not hold its floors), so its floors are raised only now; release at 2026-12-12T16:30:00Z; no scheduled action lowers the rules' raised ceilings: the first pulumi up after their drains end sets them back (the user service 20 -> 10 from 2026-12-12T17:05:00Z; the product service 20 -> 10 from 2026-12-12T17:05:00Z; the order service 32 -> 20 from 2026-12-12T17:07:00Z)",
        ]);
    });

    it("against a plan whose day rule for 12 December holds another event's points only: late", async () => {
        const p = await against("late-sae-morning", "2026-12-12T00:00:00Z");
        assert.ok(p.baseNames.includes("lc-cn-hangzhou-sae-interaction-events-20261212"), "the base declares a day rule for 12 December");
        assert.strictEqual(at(entry(p), "status"), "late");
        assert.strictEqual(late(p).length, 1);
    });

    it("against a plan whose only rule for that date is the peaks' change-day rule, with a point at the event's pre-scale (17:30 GMT+8): late (a peak's rule declares no event)", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-late-sae-")), "base.json");
        const basePlan = await planStack("late-sae-london", DIR, { now: new Date("2027-03-20T09:00:00Z") });
        const changeDay = basePlan.resources.find((r) => r.name === "lc-cn-hangzhou-sae-user-scaling-3");
        assert.deepStrictEqual([at(changeDay?.inputs, "scalingRuleTimer", "beginDate"), at(changeDay?.inputs, "scalingRuleTimer", "endDate"), at(changeDay?.inputs, "scalingRuleTimer", "schedules", 1, "atTime")], ["2027-03-28", "2027-03-28", "17:30"]);
        fs.writeFileSync(file, JSON.stringify(basePlan));
        const head = await checkPlan(await planStack("late-sae-london-sale", DIR, { now: new Date("2027-03-28T12:05:00Z") }));
        const base = await readBase(file);
        const p = withBase(head, base, upgradeAgainst(head, base, file), Date.parse("2027-03-28T12:05:00Z"));
        assert.strictEqual(at(entry(p), "status"), "late");
        assert.strictEqual(late(p).length, 1);
    });
});

describe("SAE back-to-back events: a pulumi up in a release's retention keeps the next event's floor in the day rule", function () {
    this.timeout(300_000);
    // e0's release at 11:30Z (19:30 GMT+8) is e1's pre-scale; e1's release at 13:30Z is e2's pre-scale.
    const B2B = [
        { name: "e0", start: "2026-12-12T10:00:00Z", end: "2026-12-12T11:00:00Z", peakOnline: 90000 },
        { name: "e1", start: "2026-12-12T12:00:00Z", end: "2026-12-12T13:00:00Z", peakOnline: 60000 },
        { name: "e2", start: "2026-12-12T14:00:00Z", end: "2026-12-12T15:00:00Z", peakOnline: 90000 },
    ];
    const dir = stackDir({ b2bsae: stackFile({ ...SAE, tls: { certificateId: "14211234-cn-hangzhou" }, events: B2B }) });
    const rules = async (iso: string) =>
        (await planStack("b2bsae", dir, { now: new Date(iso) })).resources
            .filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-interaction-events-"))
            .map((r) => [at(r.inputs, "scalingRuleName"), at(r.inputs, "scalingRuleTimer", "beginDate"), at(r.inputs, "scalingRuleTimer", "endDate"), at(r.inputs, "scalingRuleTimer", "schedules")]);
    const point = (atTime: string, minReplicas: number) => ({ atTime, minReplicas, maxReplicas: 48 });

    it("ups at 11:30Z, 11:45Z, 11:49Z (e0's 20-minute retention) and 11:55Z write one rule: 00:00 at e1's 16 instances, e2's pre-scale at 21:30, its release at 23:30", async () => {
        const expected = [["interaction-events-1212", "2026-12-12", "2026-12-12", [point("00:00", 16), point("21:30", 24), point("23:30", 3)]]];
        for (const iso of ["2026-12-12T11:30:00Z", "2026-12-12T11:45:00Z", "2026-12-12T11:49:00Z", "2026-12-12T11:55:00Z"]) assert.deepStrictEqual(await rules(iso), expected, iso);
        // The up at 11:25Z, during e0, holds its 24 from 00:00 and declares the step to e1's 16 at 19:30.
        assert.deepStrictEqual(await rules("2026-12-12T11:25:00Z"), [["interaction-events-1212", "2026-12-12", "2026-12-12", [point("00:00", 24), point("19:30", 16), point("21:30", 24), point("23:30", 3)]]]);
    });
});
