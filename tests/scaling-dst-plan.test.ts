// Plans at fixed instants next to daylight-saving changes and around overlapping events: the exact
// scheduled actions each tier declares (DeployOptions.now fixes the instant the program plans at).

import * as assert from "assert";

import { planStack } from "../tools/lib/record";
import { at, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const LONDON_PEAK = { name: "evening", recurrence: "daily", start: "19:00", end: "23:00", peakOnline: 40000, streams: 40, timeZone: "Europe/London" };

const DIR = stackDir({
    "london-alicloud": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, peaks: [LONDON_PEAK] }),
});

/** ESS recurring tasks of the plan: name, launch, cron, end, floor, ceiling. */
function recurringTasks(resources: readonly { type: string; name: string; inputs: unknown }[], prefix: string): unknown[][] {
    return resources
        .filter((r) => r.type === "alicloud:ess/scheduledTask:ScheduledTask" && r.name.startsWith(prefix) && at(r.inputs, "recurrenceType") === "Cron")
        .map((r) => [at(r.inputs, "scheduledTaskName"), at(r.inputs, "launchTime"), at(r.inputs, "recurrenceValue"), at(r.inputs, "recurrenceEndTime"), at(r.inputs, "minValue"), at(r.inputs, "maxValue")]);
}

describe("scheduled actions planned next to a daylight-saving change", function () {
    this.timeout(120_000);

    it("Alibaba Cloud ESS (app group and transcoders), London evening planned at 2027-03-27T19:00Z: the pre-scale is declared at its BST cron from its first BST run", async () => {
        const plan = await planStack("london-alicloud", DIR, { now: new Date("2027-03-27T19:00:00Z") });
        // 19:00-23:00 London: pre-scale 18:30 BST = 17:30Z from 28 March; release 23:30 GMT on the
        // 27th, its last run before the change at 01:00Z (a later pulumi up declares its BST span).
        assert.deepStrictEqual(recurringTasks(plan.resources, "lc-cn-hangzhou-"), [
            ["lc-cn-hangzhou-app-evening-prescale", "2027-03-28T17:30Z", "30 17 * * *", "2027-06-24T00:00Z", 10, 40],
            ["lc-cn-hangzhou-app-evening-release", "2027-03-27T23:30Z", "30 23 * * *", "2027-03-28T00:59Z", 4, 40],
            ["lc-cn-hangzhou-video-transcoders-01be0t", "2027-03-28T17:30Z", "30 17 * * *", "2027-06-24T00:00Z", 10, 12],
            ["lc-cn-hangzhou-video-transcoders-0skeou", "2027-03-27T23:30Z", "30 23 * * *", "2027-03-28T00:59Z", 2, 12],
        ]);
    });
});
