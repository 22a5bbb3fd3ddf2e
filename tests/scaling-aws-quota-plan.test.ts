// The AWS scheduled actions a stack declares stay within each Auto Scaling group's and scalable
// target's quota, counted as the schedules declare them: back-to-back events share their merged
// action, so more of them fit than two actions an event would allow.

import * as assert from "assert";

import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { EVENT_PRESCALE_FINDING } from "../tools/lib/scaling";
import { at, stackDir, stackFile } from "./helpers";

/** 130 one-hour events 2 h apart from 2026-12-01T01:00Z: each release (end + 30 min) is the next one's pre-scale (start - 30 min); 40,000 and 60,000 viewers in turn. */
const B2B = Array.from({ length: 130 }, (_, i) => {
    const start = Date.parse("2026-12-01T01:00:00Z") + i * 2 * 3_600_000;
    return { name: `b${String(i).padStart(3, "0")}`, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(), peakOnline: i % 2 === 0 ? 40000 : 60000 };
});
const VM = { stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }], database: { engine: "mysql" }, events: B2B };

const DIR = stackDir({ "aws-b2b": stackFile(VM) });

describe("AWS scheduled-action quota: back-to-back events on an Auto Scaling group", function () {
    this.timeout(300_000);

    it("planned at 2026-11-22: the app group declares 125 scheduled actions (the quota exactly) for the first 124 events, the others deferred without a finding", async () => {
        const p = await checkPlan(await planStack("aws-b2b", DIR, { now: new Date("2026-11-22T00:00:00Z") }));
        const actions = p.resources.filter((r) => r.type === "aws:autoscaling/schedule:Schedule");
        assert.strictEqual(actions.length, 125);
        assert.deepStrictEqual(
            [actions[0], actions[1], actions[actions.length - 1]].map((r) => [at(r.inputs, "scheduledActionName"), at(r.inputs, "startTime"), at(r.inputs, "minSize")]),
            [
                ["b000-prescale", "2026-12-01T00:30:00Z", 10],
                ["b001-prescale", "2026-12-01T02:30:00Z", 16],
                ["b123-release", "2026-12-11T08:30:00Z", 4],
            ],
        );
        assert.deepStrictEqual(
            p.scaling.schedule.filter((r) => at(r, "status") !== "scheduled").map((r) => [at(r, "source"), at(r, "status")]),
            ["b124", "b125", "b126", "b127", "b128", "b129"].map((name) => [name, "deferred"]),
        );
        assert.deepStrictEqual(p.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING), []);
    });
});
