// Table tests of the pure scaling decisions: strict instants, local times in IANA zones, the floor
// timeline of overlapping events, recurring actions, and the time-to-peak and drain simulation.

import * as assert from "assert";

import {
    GroupScaling,
    PodScaling,
    awsEventLimit,
    declaredActionCount,
    checkAwsPeakActions,
    coveringEvent,
    groupDrain,
    drainHasEnded,
    separatedLowerings,
    takenMinute,
    peakActionsAfter,
    recurringFloorNear,
    podCeilingRaises,
    podCeilings,
    podFloors,
    raisesAppCeiling,
    scheduleCeiling,
    serviceFloor,
    appTierBounds,
    appTierNeed,
    connectionInstances,
    instancesForOnline,
    liftsAppTier,
    podsEverydayNeed,
    missingSettings,
    plannedReadiness,
    eventActionCount,
    floorReleases,
    floorTimeline,
    headroomPods,
    localCron,
    nextOffsetChange,
    parseInstant,
    pendingRunsFrom,
    percentStep,
    peakActionCount,
    recurringActions,
    scalingSimulation,
    scheduleReport,
    scheduledBoundsIgnoreChanges,
    simulateDrain,
    simulateJump,
    simulatePodJump,
    surgeNodesPerZone,
    tierSchedule,
    timeToPeakEnforcement,
    timeToPeakFindings,
    undoneByRun,
    utcCron,
    zonedToUtc,
} from "../../components/model";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { awsScheduledTiers } from "../../components/aws/profile";
import { rawConfig } from "../helpers";

const NOW = new Date("2026-11-22T00:00:00Z");

describe("model: strict instants", () => {
    const cases: [string, string | null][] = [
        ["2026-12-12T12:00:00Z", "2026-12-12T12:00:00.000Z"],
        ["2026-12-12T20:00+08:00", "2026-12-12T12:00:00.000Z"],
        ["2028-02-29T00:00:00Z", "2028-02-29T00:00:00.000Z"],
        ["2099-13-01T00:00:00Z", null],
        ["2099-02-30T00:00:00Z", null],
        ["2027-02-29T00:00:00Z", null],
        ["2026-04-31T00:00:00Z", null],
        ["2026-12-12T24:00:00Z", null],
        ["2026-12-12T12:60:00Z", null],
        ["2026-12-12T12:00:00+15:00", null],
        ["2026-12-12 12:00:00Z", null],
    ];
    for (const [text, want] of cases) {
        it(`${text} -> ${want ?? "rejected"}`, () => {
            const ms = parseInstant(text);
            assert.strictEqual(ms === null ? null : new Date(ms).toISOString(), want);
        });
    }
});

describe("model: local times in IANA zones", () => {
    it("20:00 in Asia/Shanghai is 12:00 UTC; 02:30 on a spring-forward day in New York moves forward with the clocks", () => {
        assert.strictEqual(new Date(zonedToUtc(2026, 12, 12, 20 * 60, "Asia/Shanghai")).toISOString(), "2026-12-12T12:00:00.000Z");
        assert.strictEqual(new Date(zonedToUtc(2027, 3, 14, 2 * 60 + 30, "America/New_York")).toISOString(), "2027-03-14T07:30:00.000Z");
        assert.strictEqual(new Date(zonedToUtc(2027, 7, 1, 20 * 60, "America/New_York")).toISOString(), "2027-07-02T00:00:00.000Z");
    });
    it("the next offset change of New York after 2026-11-22 is the spring-forward of 2027-03-14 07:00 UTC; Shanghai has none", () => {
        const until = Date.parse("2027-06-01T00:00:00Z");
        assert.strictEqual(new Date(nextOffsetChange(NOW.getTime(), until, "America/New_York") ?? 0).toISOString(), "2027-03-14T07:00:00.000Z");
        assert.strictEqual(nextOffsetChange(NOW.getTime(), until, "Asia/Shanghai"), null);
    });
});

describe("model: floor timeline of overlapping events", () => {
    it("takes the largest need of the open windows and names the event that opens or closes each step", () => {
        const windows = [
            { name: "a", from: 100, to: 400, need: 10 },
            { name: "b", from: 200, to: 600, need: 20 },
            { name: "c", from: 250, to: 300, need: 15 },
        ];
        assert.deepStrictEqual(floorTimeline(windows, 4), [
            { at: 100, floor: 10, name: "a", kind: "prescale" },
            { at: 200, floor: 20, name: "b", kind: "prescale" },
            { at: 600, floor: 4, name: "b", kind: "release" },
        ]);
    });
    it("a smaller event inside a larger one changes nothing; back-to-back events step down without a drop to the floor", () => {
        assert.deepStrictEqual(
            floorTimeline(
                [
                    { name: "a", from: 0, to: 100, need: 10 },
                    { name: "b", from: 100, to: 200, need: 6 },
                ],
                4,
            ),
            [
                { at: 0, floor: 10, name: "a", kind: "prescale" },
                { at: 100, floor: 6, name: "a", kind: "release" },
                { at: 200, floor: 4, name: "b", kind: "release" },
            ],
        );
    });
});

describe("model: recurring peaks", () => {
    const spec = resolveSpec(rawConfig("growth", "aws"), { now: NOW });
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    it("a weekly peak from 00:10 to 01:00 on Saturday pre-scales at 23:40 on Friday and releases at 01:30 on Saturday", () => {
        const actions = recurringActions(spec, { name: "sat", recurrence: "weekly", days: ["sat"], start: "00:10", end: "01:00", peakOnline: 20000, streams: 1, timeZone: "Europe/Berlin" }, 6, bounds);
        assert.deepStrictEqual(
            actions.map((a) => [a.key, localCron(a), a.minSize, a.maxSize]),
            [
                ["sat-prescale", "40 23 * * 5", 6, 40],
                ["sat-release", "30 1 * * 6", 4, 40],
            ],
        );
    });
    it("a daily peak ending after midnight releases on the next day; its UTC cron shifts by the zone's offset", () => {
        const [pre, rel] = recurringActions(spec, { name: "late", recurrence: "daily", days: [], start: "22:00", end: "01:00", peakOnline: 20000, streams: 1, timeZone: "Asia/Shanghai" }, 6, bounds);
        assert.deepStrictEqual([localCron(pre), localCron(rel)], ["30 21 * * *", "30 1 * * *"]);
        assert.deepStrictEqual([utcCron(pre, NOW.getTime()), utcCron(rel, NOW.getTime())], ["30 13 * * *", "30 17 * * *"]);
    });
    it("a weekly UTC cron moves its days with the offset: Monday 06:00 in Shanghai is Sunday 22:00 UTC", () => {
        const [pre] = recurringActions(spec, { name: "mon", recurrence: "weekly", days: ["mon"], start: "06:30", end: "09:00", peakOnline: 20000, streams: 1, timeZone: "Asia/Shanghai" }, 6, bounds);
        assert.strictEqual(utcCron(pre, NOW.getTime()), "0 22 * * 0");
    });
    /** A sale 10:00-16:00Z (80,000 viewers) with a daily evening peak 20:00-23:00 Shanghai inside it. */
    const withEvent = resolveSpec(
        rawConfig("growth", "aws", {
            events: [{ name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 }],
            peaks: [{ name: "evening", start: "20:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" }],
        }),
        { now: NOW },
    );
    it("a daily peak inside an event is followed by restores of the event's floor one minute after each recurring action", () => {
        const s = tierSchedule(withEvent, withEvent.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(withEvent, NOW.getTime()));
        assert.deepStrictEqual(
            s.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]),
            [
                ["sale-prescale", "2026-12-12T09:30:00Z", 20, 40],
                ["sale-restore-202612121131", "2026-12-12T11:31:00Z", 20, 40],
                ["sale-restore-202612121531", "2026-12-12T15:31:00Z", 20, 40],
                ["sale-release", "2026-12-12T16:30:00Z", 4, 40],
            ],
        );
    });
    it("an up closer than the lead to a recurring action inside the event keeps the restore after it; one after the restore's instant asserts the floor alone", () => {
        // Evening 20:00-23:00 Shanghai: pre-scale 11:30Z, release 15:30Z, both inside the sale (pre-scale 09:30Z, release 16:30Z).
        const restores = (hhmm: string) => {
            const now = Date.parse(`2026-12-12T${hhmm}Z`);
            const s = tierSchedule(withEvent, withEvent.regions[0], "appGroup", bounds, now, PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(withEvent, now));
            return [s.asserted?.minSize, ...s.oneOff.filter((a) => a.kind === "restore").map((a) => [a.key, a.at, a.minSize])];
        };
        // 11:25 and 11:30:40 (the pre-scale at 11:30 may run after the up): the restore at 11:31 stays, the up asserts 20.
        assert.deepStrictEqual(restores("11:25:00"), [20, ["sale-restore-202612121131", "2026-12-12T11:31:00Z", 20], ["sale-restore-202612121531", "2026-12-12T15:31:00Z", 20]]);
        assert.deepStrictEqual(restores("11:30:40"), [20, ["sale-restore-202612121131", "2026-12-12T11:31:00Z", 20], ["sale-restore-202612121531", "2026-12-12T15:31:00Z", 20]]);
        // 11:31: the pre-scale has run before the up, which asserts the floor itself.
        assert.deepStrictEqual(restores("11:31:00"), [20, ["sale-restore-202612121531", "2026-12-12T15:31:00Z", 20]]);
    });
    it("undoneByRun: a recurring run in [from, to) that sets a lower floor or ceiling than a step's; pendingRunsFrom is the start of the up's minute", () => {
        const [pre, rel] = recurringActions(spec, { name: "evening", recurrence: "daily", days: [], start: "20:00", end: "23:00", peakOnline: 20000, streams: 1, timeZone: "Asia/Shanghai" }, 6, bounds, 40);
        const t = Date.parse("2026-12-12T15:30:00Z");
        assert.strictEqual(pendingRunsFrom(t + 40_000), t);
        // The release (4/40) at 15:30Z: below a floor of 20, not below one of 4 with the ceiling 40.
        assert.deepStrictEqual([undoneByRun([rel], t, t + 60_000, 20, 40), undoneByRun([rel], t, t + 60_000, 4, 40), undoneByRun([rel], t, t + 60_000, 4, 52)], [true, false, true]);
        // [from, to): a run at `to` is not between.
        assert.deepStrictEqual([undoneByRun([pre, rel], t - 60_000, t, 20, 40), undoneByRun([rel], t + 60_000, t + 120_000, 20, 40)], [false, false]);
    });
    it("an event inside a daily peak releases to the peak's floor, not the minimum; the peak's own release lowers it", () => {
        // Evening 19:00-23:00 America/New_York (00:00-04:00 UTC in December); sale 20:00-22:00 local.
        const inside = resolveSpec(
            rawConfig("growth", "aws", {
                events: [{ name: "sale", start: "2026-12-05T01:00:00Z", end: "2026-12-05T03:00:00Z", peakOnline: 80000 }],
                peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "America/New_York" }],
            }),
            { now: NOW },
        );
        const s = tierSchedule(inside, inside.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(inside, NOW.getTime()));
        assert.deepStrictEqual(
            s.recurring.map((a) => [a.key, localCron(a), a.minSize]),
            [
                ["evening-prescale", "30 18 * * *", 6],
                ["evening-release", "30 23 * * *", 4],
            ],
        );
        assert.deepStrictEqual(
            s.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]),
            [
                ["sale-prescale", "2026-12-05T00:30:00Z", 20, 40],
                // 22:30 local, inside the evening window: the evening's floor (6), not minSize (4).
                ["sale-release", "2026-12-05T03:30:00Z", 6, 40],
            ],
        );
    });
    it("an event in progress asserts its floor on the group itself (no action at an instant computed from now); its past pre-scale is not declared", () => {
        const live = resolveSpec(rawConfig("growth", "aws", { events: [{ name: "live", start: "2026-11-21T23:00:00Z", end: "2026-11-22T02:00:00Z", peakOnline: 40000 }] }), { now: NOW });
        const s = tierSchedule(live, live.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(live, NOW.getTime()));
        assert.deepStrictEqual(
            s.oneOff.map((a) => [a.key, a.at, a.minSize]),
            [["live-release", "2026-11-22T02:30:00Z", 4]],
        );
        assert.deepStrictEqual(s.asserted, { source: "live", since: Date.parse("2026-11-21T22:30:00Z"), kind: "prescale", minSize: 10, maxSize: 40 });
    });
});

describe("model: floor releases of an event whose audience lifts the tier no more", () => {
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    // NOW is 2026-11-22T00:00Z; the lead ends at 00:10Z.
    const spec = resolveSpec(
        rawConfig("growth", "aws", {
            events: [
                // In progress since 23:30Z (pre-scale), release 02:30Z: 2,000 viewers lift nothing.
                { name: "small", start: "2026-11-22T00:00:00Z", end: "2026-11-22T02:00:00Z", peakOnline: 2000 },
                // Its pre-scale (00:05Z) closer than the lead: an earlier up may have raised the floor (or asserted it).
                { name: "near", start: "2026-11-22T00:35:00Z", end: "2026-11-22T03:00:00Z", peakOnline: 2000 },
                // Its pre-scale (00:20Z) beyond the lead: nothing ran for it yet.
                { name: "ahead", start: "2026-11-22T00:50:00Z", end: "2026-11-22T04:00:00Z", peakOnline: 2000 },
                // In progress and still lifting (floor 10): its own release lowers the floor.
                { name: "big", start: "2026-11-21T23:00:00Z", end: "2026-11-22T02:30:00Z", peakOnline: 40000 },
                // Released at 23:40Z: past.
                { name: "over", start: "2026-11-21T20:00:00Z", end: "2026-11-21T23:10:00Z", peakOnline: 2000 },
            ],
        }),
        { now: NOW },
    );
    const floorAt = (t: number) => (t < Date.parse("2026-11-22T03:00:00Z") ? 10 : 4);

    it("one per event in its window (pre-scale passed or inside the lead, release ahead) that lifts nothing, at its release, with the floor in force then", () => {
        assert.deepStrictEqual(floorReleases(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), () => false, floorAt), [
            { key: "small-release-floor", source: "small", at: "2026-11-22T02:30:00Z", minSize: 10 },
            { key: "near-release-floor", source: "near", at: "2026-11-22T03:30:00Z", minSize: 4 },
        ]);
    });

    it("none in a minute another action of the tier takes (it sets the floor in force itself), and one per minute when several end together", () => {
        assert.deepStrictEqual(
            floorReleases(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), (t) => t === Date.parse("2026-11-22T02:30:00Z"), floorAt).map((r) => r.key),
            ["near-release-floor"],
        );
        const twins = resolveSpec(
            rawConfig("growth", "aws", {
                events: [
                    { name: "b-twin", start: "2026-11-22T00:00:00Z", end: "2026-11-22T02:00:00Z", peakOnline: 2000 },
                    { name: "a-twin", start: "2026-11-21T23:00:00Z", end: "2026-11-22T02:00:00Z", peakOnline: 3000 },
                ],
            }),
            { now: NOW },
        );
        assert.deepStrictEqual(floorReleases(twins, twins.regions[0], "appGroup", bounds, NOW.getTime(), () => false, () => 4).map((r) => r.key), ["a-twin-release-floor"]);
    });

    it("tierSchedule declares them beside the lifting event's own release, and the group's bounds stay with the schedules", () => {
        const s = tierSchedule(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(spec, NOW.getTime()));
        // small's release (02:30Z) inside big's window keeps big's floor 10; near's (03:30Z), after big's release (03:00Z), the everyday 4.
        assert.deepStrictEqual(s.oneOff.map((a) => [a.key, a.at, a.minSize]), [["big-release", "2026-11-22T03:00:00Z", 4]]);
        assert.deepStrictEqual(s.floorReleases, [
            { key: "small-release-floor", source: "small", at: "2026-11-22T02:30:00Z", minSize: 10 },
            { key: "near-release-floor", source: "near", at: "2026-11-22T03:30:00Z", minSize: 4 },
        ]);
        assert.deepStrictEqual(scheduledBoundsIgnoreChanges({ ...s, asserted: undefined }, ["minSize", "maxSize"]), ["minSize", "maxSize"]);
        assert.strictEqual(declaredActionCount(s, () => 1), s.oneOff.length + s.recurring.length + (s.lowerings ?? []).length + 2);
    });
});

describe("model: the schedule horizon is the cloud profile's", () => {
    // An event 120 days ahead: beyond the 90 days ESS takes a scheduled task, within AWS's (no horizon).
    const event = { name: "anniversary", start: "2027-03-22T12:00:00Z", end: "2027-03-22T15:00:00Z", peakOnline: 20000 };
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };

    it("Alibaba Cloud (ESS, 90 days): the event declares nothing yet and is reported deferred, naming the service", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { events: [event] }), { now: NOW });
        assert.deepStrictEqual(PROFILES.alicloud.scheduleHorizon, { days: 90, service: "Alibaba Cloud ESS" });
        assert.deepStrictEqual(tierSchedule(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null).oneOff, []);
        assert.deepStrictEqual(scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon)[0], {
            source: "anniversary",
            status: "deferred",
            detail: "scheduled when within 90 days (Alibaba Cloud ESS accepts scheduled tasks up to 90 days ahead): a pulumi up on or after 2026-12-22T11:30:00Z declares it",
        });
    });

    it("AWS (no horizon): the same event is declared now, pre-scale and release", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { events: [event] }), { now: NOW });
        assert.strictEqual(PROFILES.aws.scheduleHorizon, null);
        const s = tierSchedule(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(spec, NOW.getTime()));
        assert.deepStrictEqual(s.oneOff.map((a) => [a.key, a.at]), [
            ["anniversary-prescale", "2027-03-22T11:30:00Z"],
            ["anniversary-release", "2027-03-22T15:30:00Z"],
        ]);
        assert.strictEqual(scheduleReport(spec, NOW.getTime(), PROFILES.aws.scheduleHorizon)[0].status, "scheduled");
    });
});

describe("model: releases never lower the ceiling below what an event reaches", () => {
    const spec = resolveSpec(
        rawConfig("growth", "aws", {
            events: [{ name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 }],
            peaks: [{ name: "evening", start: "20:00", end: "23:00", peakOnline: 60000, timeZone: "Asia/Shanghai" }],
        }),
        { now: NOW },
    );
    it("an event floor (20) above maxSize (12): every action, release included, keeps max 40 (twice the largest floor, SCHEDULED_HEADROOM_FACTOR); the release lowers only the floor", () => {
        const s = tierSchedule(spec, spec.regions[0], "appGroup", { minSize: 4, maxSize: 12, zones: 2 }, NOW.getTime(), PROFILES.aws.scheduleHorizon, null);
        assert.deepStrictEqual(
            s.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]),
            [
                ["sale-prescale", "2026-12-12T09:30:00Z", 20, 40],
                ["sale-restore-202612121131", "2026-12-12T11:31:00Z", 20, 40],
                ["sale-restore-202612121531", "2026-12-12T15:31:00Z", 20, 40],
                ["sale-release", "2026-12-12T16:30:00Z", 4, 40],
            ],
        );
        // The evening (60,000 online -> 15 -> 16 on 2 zones) releases to the floor 4 and keeps max 40.
        assert.deepStrictEqual(
            s.recurring.map((a) => [a.key, a.minSize, a.maxSize]),
            [
                ["evening-prescale", 16, 40],
                ["evening-release", 4, 40],
            ],
        );
    });
    it("the ceiling is the largest of maxSize and twice each need, capped at the limit but never below a need", () => {
        assert.strictEqual(scheduleCeiling({ maxSize: 40 }, [20, 16]), 40);
        assert.strictEqual(scheduleCeiling({ maxSize: 40 }, [30, 16]), 60);
        assert.strictEqual(scheduleCeiling({ maxSize: 12 }, [20, 16]), 40);
        assert.strictEqual(scheduleCeiling({ maxSize: 12 }, []), 12);
        assert.strictEqual(scheduleCeiling({ maxSize: 40 }, [700]), 1000);
        assert.strictEqual(scheduleCeiling({ maxSize: 15 }, [12], 15), 15);
    });
    it("serverless: each service's release keeps the service's largest event floor as its ceiling (user 2..4 lifted to 10 by 80,000 viewers, ceiling 20)", () => {
        const s = tierSchedule(spec, spec.regions[0], "serverlessUnit", { minSize: 2, maxSize: 4, zones: 2, service: "user" }, NOW.getTime(), PROFILES.aws.scheduleHorizon, null);
        assert.deepStrictEqual(s.oneOff.find((a) => a.kind === "release"), { key: "sale-release", source: "sale", kind: "release", at: "2026-12-12T16:30:00Z", minSize: 2, maxSize: 20 });
    });
});

describe("model: floors per service", () => {
    const spec = resolveSpec(rawConfig("growth", "aws"), { now: NOW });
    it("the connection-holding service takes one instance per app instance, within the everyday app floor too; CPU-bound ones their own ratio above it, minReplicas within it", () => {
        // growth: app.minSize 4. 20 app instances (80,000 viewers at 4,000 each).
        assert.strictEqual(spec.app.minSize, 4);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: true }, 20, 1), 20);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: false }, 20, 1), 15);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: false }, 20, 2), 16);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 2, holdsConnections: false }, 6, 2), 4);
        // 4 app instances' connections (16,000 viewers): the app group's everyday floor holds them, interaction's 3 does not.
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: true }, 4, 1), 4);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: false }, 4, 1), 3);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: true }, 2, 1), 3);
        assert.strictEqual(serviceFloor(spec, { minReplicas: 3, holdsConnections: true }, 0, 2), 3);
    });
    it("the app tier's schedule on Kubernetes starts from the pods' everyday need (interaction's minReplicas when below app.minSize): 12,001 viewers lift interaction alone, 8,000 nothing", () => {
        const k = resolveSpec(rawConfig("growth", "aws", { compute: "kubernetes" }), { now: NOW });
        const region = k.regions[0];
        assert.strictEqual(podsEverydayNeed(k), 3);
        assert.deepStrictEqual(appTierBounds(k, region), { minSize: 3, maxSize: 40, zones: 2 });
        assert.deepStrictEqual(appTierBounds({ ...k, compute: "vm" }, region), { minSize: 4, maxSize: 40, zones: 2 });
        assert.deepStrictEqual([connectionInstances(k, region, 12001), appTierNeed(k, region, 12001), instancesForOnline(k, region, 12001)], [4, 4, 4]);
        assert.deepStrictEqual(podFloors(k, appTierNeed(k, region, 12001)), { user: 2, product: 2, order: 3, interaction: 4 });
        assert.deepStrictEqual(podFloors(k, appTierNeed(k, region, 8000)), { user: 2, product: 2, order: 3, interaction: 3 });
        assert.deepStrictEqual([liftsAppTier(k, 12001), liftsAppTier(k, 8000), liftsAppTier({ ...k, compute: "vm" }, 12001), liftsAppTier({ ...k, compute: "serverless" }, 12001)], [true, false, false, true]);
        // interaction's minReplicas at or above the app floor: the CPU-bound services lift first, above app.minSize.
        const wide = { ...k, kubernetes: { ...k.kubernetes, services: { ...k.kubernetes.services, interaction: { ...k.kubernetes.services.interaction, minReplicas: 8 } } } };
        assert.strictEqual(podsEverydayNeed(wide), 4);
    });
    it("serverless interaction is sized on the viewers, user on its ratio: 80,000 online -> 20 and 10", () => {
        const tier = (service: "user" | "interaction") => tierSchedule(
            resolveSpec(rawConfig("growth", "aws", { events: [{ name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 }] }), { now: NOW }),
            spec.regions[0], "serverlessUnit", { minSize: 2, maxSize: 40, zones: 2, service }, NOW.getTime(), PROFILES.aws.scheduleHorizon, null,
        ).oneOff[0].minSize;
        assert.deepStrictEqual([tier("interaction"), tier("user")], [20, 10]);
    });
    it("pods: interaction at 4,000 connections per pod (app floor 20 -> 20 pods); a floor above half of maxReplicas raises the ceiling of every job to twice the floor, releases included", () => {
        assert.deepStrictEqual(podFloors(spec, 20), { user: 10, product: 10, order: 15, interaction: 20 });
        const small = { ...spec, kubernetes: { ...spec.kubernetes, services: { ...spec.kubernetes.services, interaction: { ...spec.kubernetes.services.interaction, maxReplicas: 12 } } } };
        assert.strictEqual(podFloors(small, 20).interaction, 20);
        // The pre-scale (app floor 20) and the release (4): one ceiling for both, never below the floor.
        const ceilings = podCeilings(small, [20, 4]);
        // Twice each floor (SCHEDULED_HEADROOM_FACTOR): interaction 20 -> 40, user 10 -> 20 (maxReplicas 10), order 15 -> 30 (maxReplicas 20).
        assert.strictEqual(ceilings.interaction, 40);
        assert.deepStrictEqual([spec.kubernetes.services.user.maxReplicas, spec.kubernetes.services.order.maxReplicas], [10, 20]);
        assert.deepStrictEqual([ceilings.user, ceilings.order], [20, 30]);
        assert.deepStrictEqual(podCeilingRaises(small, 20), ["user 10 -> 20 (kubernetes.services.user.maxReplicas)", "product 10 -> 20 (kubernetes.services.product.maxReplicas)", "order 20 -> 30 (kubernetes.services.order.maxReplicas)", "interaction 12 -> 40 (kubernetes.services.interaction.maxReplicas)"]);
        assert.deepStrictEqual(podCeilingRaises(spec, 20), ["user 10 -> 20 (kubernetes.services.user.maxReplicas)", "product 10 -> 20 (kubernetes.services.product.maxReplicas)", "order 20 -> 30 (kubernetes.services.order.maxReplicas)"]);
        assert.deepStrictEqual(podCeilingRaises(spec, 8), []);
    });
    it("the schedule report names the pods' maxReplicas the floor jobs raise on a Kubernetes stack", () => {
        const k = resolveSpec(
            rawConfig("growth", "aws", {
                compute: "kubernetes",
                kubernetes: { services: { interaction: { maxReplicas: 12 } } },
                events: [{ name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 }],
            }),
            { now: NOW },
        );
        assert.deepStrictEqual(scheduleReport(k, NOW.getTime(), PROFILES.aws.scheduleHorizon)[0], {
            source: "sale",
            status: "scheduled",
            detail:
                "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; pod maxReplicas raised with the floors: user 10 -> 20 (kubernetes.services.user.maxReplicas); product 10 -> 20 (kubernetes.services.product.maxReplicas); order 20 -> 30 (kubernetes.services.order.maxReplicas); interaction 12 -> 40 (kubernetes.services.interaction.maxReplicas), kept until a pulumi up no longer declares it (an event's until the job that lowers them when its drain ends)",
        });
    });
    it("without floor jobs (no kubectl image) the same report says each lifting event and peak is not declared, names no raised maxReplicas, and asserts no floor inside a raised window", () => {
        const k = resolveSpec(
            rawConfig("growth", "aws", {
                compute: "kubernetes",
                kubernetes: { services: { interaction: { maxReplicas: 12 } } },
                events: [
                    { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 },
                    { name: "inner", start: "2026-12-12T11:00:00Z", end: "2026-12-12T12:00:00Z", peakOnline: 40000 },
                    { name: "small", start: "2026-12-14T10:00:00Z", end: "2026-12-14T12:00:00Z", peakOnline: 1000 },
                ],
                peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 80000, timeZone: "America/New_York" }],
            }),
            { now: NOW },
        );
        const report = (iso: string) => scheduleReport(k, Date.parse(iso), PROFILES.aws.scheduleHorizon, null, () => null, null, null, false);
        const not = "not declared until kubernetes.kubectlImage is set (the pods' floor jobs run kubectl; no floor job is declared without it)";
        assert.deepStrictEqual(report(NOW.toISOString()), [
            { source: "sale", status: "scheduled", detail: `${not}: pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z` },
            {
                source: "inner",
                status: "scheduled",
                detail: `${not}: covered by sale: its pre-scale-to-release window (2026-12-12T10:30:00Z to 2026-12-12T12:30:00Z) lies inside sale's with no larger audience or streams, so sale's floor holds it and it declares no action of its own`,
            },
            { source: "small", status: "scheduled", detail: "pre-scale at 2026-12-14T09:30:00Z, release at 2026-12-14T12:30:00Z; the app tier needs no lift: 1000 viewers fit every service's everyday minReplicas (interaction 3, holding the connections)" },
            { source: "evening", status: "recurring", detail: `${not}: 19:00-23:00 America/New_York every day` },
        ]);
        // With floor jobs the same three name the pods' maxReplicas the jobs raise.
        const raised = scheduleReport(k, NOW.getTime(), PROFILES.aws.scheduleHorizon).filter((r) => r.detail.includes("; pod maxReplicas raised with the floors: "));
        assert.deepStrictEqual(raised.map((r) => r.source), ["sale", "inner", "evening"]);
        const inside = report("2026-12-12T12:05:00Z")[0];
        assert.deepStrictEqual(inside, {
            source: "sale",
            status: "inProgress",
            detail: `${not}, and no floor is asserted on the pods' HPAs either (they carry raised bounds only with the floor jobs): its pre-scale at 2026-12-12T09:30:00Z raises nothing; release at 2026-12-12T16:30:00Z`,
        });
        assert.strictEqual(report("2026-12-12T09:25:00Z")[0].status, "scheduled");
        assert.ok(report("2026-12-12T09:25:00Z")[0].detail.startsWith(`${not}, and no floor is asserted`));
    });
});

describe("model: the schedule report of peaks and events that lift nothing", () => {
    it("a peak and an event whose audience fits the everyday floor report no lift needed, not a declaration", () => {
        const spec = resolveSpec(
            rawConfig("growth", "alicloud", {
                compute: "vm",
                events: [{ name: "small", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 8000 }],
                peaks: [{ name: "quiet", start: "20:00", end: "23:00", peakOnline: 12000, timeZone: "Asia/Shanghai" }],
            }),
            { now: NOW },
        );
        assert.deepStrictEqual(
            scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon).map((r) => r.detail),
            [
                "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; the app tier needs no lift: 8000 viewers fit the everyday floor of 4 app instances",
                "20:00-23:00 Asia/Shanghai every day; the app tier needs no lift: 12000 viewers fit the everyday floor of 4 app instances",
            ],
        );
        assert.deepStrictEqual(tierSchedule(spec, spec.regions[0], "appGroup", appTierBounds(spec, spec.regions[0]), NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null), {
            tier: "appGroup",
            plannedAt: NOW.getTime(),
            oneOff: [],
            recurring: [],
        });
    });
    it("a peak whose streams lift the transcoders but whose viewers lift no app floor says both: the transcoders' ESS tasks and their end, and that the app tier needs no lift", () => {
        const spec = resolveSpec(
            rawConfig("growth", "alicloud", { compute: "vm", peaks: [{ name: "evening", start: "20:00", end: "23:00", peakOnline: 8000, streams: 40, timeZone: "Asia/Shanghai" }] }),
            { now: NOW },
        );
        const [peak] = scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null, () => null, PROFILES.alicloud.horizonText(spec, NOW.getTime()));
        assert.match(peak.detail, /^20:00-23:00 Asia\/Shanghai every day; ESS tasks \(transcoders\) declared until \S+, each pulumi up extends it; the app tier needs no lift: 8000 viewers fit the everyday floor of 4 app instances$/);
    });
    it("an Alibaba Cloud Kubernetes stack whose events and peaks lift no pod needs no kubectl image: only one that lifts makes it a missing setting", () => {
        const quiet = resolveSpec(rawConfig("growth", "alicloud", { compute: "kubernetes", events: [{ name: "small", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 8000 }] }), { now: NOW });
        const kubectl = (spec: typeof quiet) => missingSettings(spec, PROFILES.alicloud).filter((m) => m.reason.startsWith("no kubectlImage"));
        assert.deepStrictEqual(kubectl(quiet), []);
        const lifting = resolveSpec(rawConfig("growth", "alicloud", { compute: "kubernetes", events: [{ name: "big", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 12000 }] }), { now: NOW });
        assert.strictEqual(kubectl(lifting).length, 1);
    });
    it("on Kubernetes and serverless the same 12,000 viewers lift interaction (4 over two zones, above its 3); 8,000 fit every service's everyday floor", () => {
        for (const compute of ["kubernetes", "serverless"] as const) {
            const spec = resolveSpec(
                rawConfig("growth", "alicloud", {
                    compute,
                    ...(compute === "kubernetes" ? { kubernetes: { kubectlImage: "registry.example.com/mirror/kubectl:v1.33.0" } } : {}),
                    events: [{ name: "small", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 8000 }],
                    peaks: [{ name: "quiet", start: "20:00", end: "23:00", peakOnline: 12000, timeZone: "Asia/Shanghai" }],
                }),
                { now: NOW },
            );
            const floors = compute === "kubernetes" ? "minReplicas (interaction 3" : "instances (interaction 3";
            assert.deepStrictEqual(
                scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon).map((r) => r.detail),
                [
                    `pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; the app tier needs no lift: 8000 viewers fit every service's everyday ${floors}, holding the connections)`,
                    "20:00-23:00 Asia/Shanghai every day; declared until 2027-02-19T00:00:00Z, each pulumi up extends it",
                ],
                compute,
            );
        }
    });
});

describe("model: the bounds an up inside an event's raised window asserts", () => {
    const live = resolveSpec(rawConfig("growth", "aws", { events: [{ name: "soon", start: "2026-11-22T00:40:00Z", end: "2026-11-22T02:00:00Z", peakOnline: 40000 }] }), { now: NOW });
    const planAt = (iso: string) => {
        const s = tierSchedule(live, live.regions[0], "appGroup", { minSize: 4, maxSize: 40, zones: 2 }, Date.parse(iso), PROFILES.aws.scheduleHorizon, null);
        return { actions: s.oneOff.map((a) => [a.key, a.at, a.minSize]), asserted: s.asserted === undefined ? null : [s.asserted.source, s.asserted.minSize, s.asserted.maxSize], ignored: scheduledBoundsIgnoreChanges(s, ["minSize", "maxSize"]) };
    };
    const release = ["soon-release", "2026-11-22T02:30:00Z", 4];
    it("a pre-scale at least 10 minutes ahead stays at its declared instant (00:10, planned at 00:00); the schedules own the bounds", () => {
        assert.deepStrictEqual(planAt("2026-11-22T00:00:00Z"), { actions: [["soon-prescale", "2026-11-22T00:10:00Z", 10], release], asserted: null, ignored: ["minSize", "maxSize"] });
    });
    it("ups at 00:01, 00:04 and 00:09 never move the pre-scale later: a pre-scale closer than the lead is asserted on the group, the release stays at 02:30", () => {
        for (const t of ["2026-11-22T00:01:00Z", "2026-11-22T00:04:00Z", "2026-11-22T00:09:00Z"]) {
            assert.deepStrictEqual(planAt(t), { actions: [release], asserted: ["soon", 10, 40], ignored: [] });
        }
    });
    it("ups at 00:15, 00:45, 00:51 and 01:35 (after the pre-scale, before and after the start) each assert the same bounds and declare only the release", () => {
        for (const t of ["2026-11-22T00:15:00Z", "2026-11-22T00:45:00Z", "2026-11-22T00:51:00Z", "2026-11-22T01:35:00Z"]) {
            assert.deepStrictEqual(planAt(t), { actions: [release], asserted: ["soon", 10, 40], ignored: [] }, t);
        }
    });
    it("a release closer than the lead stays at its own instant (planned at 02:25 and 02:28: 02:30) after the asserted floor", () => {
        for (const t of ["2026-11-22T02:25:00Z", "2026-11-22T02:28:00Z"]) {
            assert.deepStrictEqual(planAt(t), { actions: [release], asserted: ["soon", 10, 40], ignored: [] }, t);
        }
    });
    it("an up within 20 minutes after the release (02:31, 02:49) asserts the released bounds and keeps the release as retained; from 02:50 the bounds are the schedules' again", () => {
        const retained = (iso: string) => (tierSchedule(live, live.regions[0], "appGroup", { minSize: 4, maxSize: 40, zones: 2 }, Date.parse(iso), PROFILES.aws.scheduleHorizon, null).retained ?? []).map((a) => [a.key, a.at, a.minSize, a.maxSize, a.raisedFrom]);
        for (const t of ["2026-11-22T02:31:00Z", "2026-11-22T02:49:00Z"]) {
            assert.deepStrictEqual(planAt(t), { actions: [], asserted: ["soon", 4, 40], ignored: [] }, t);
            assert.deepStrictEqual(retained(t), [["soon-release", "2026-11-22T02:30:00Z", 4, 40, 10]], t);
        }
        assert.deepStrictEqual([planAt("2026-11-22T02:50:00Z").asserted, retained("2026-11-22T02:50:00Z")], [null, []]);
    });
    it("the report of an up after the pre-scale says the floor is asserted by this up, in progress (late only against a --base without the event) before the event's end and after it", () => {
        const report = (iso: string) => scheduleReport(live, Date.parse(iso), PROFILES.aws.scheduleHorizon)[0];
        assert.strictEqual(report("2026-11-22T00:20:00Z").status, "inProgress");
        assert.match(report("2026-11-22T00:20:00Z").lateIfUndeclared ?? "", /: no earlier pulumi up declared it/);
        assert.strictEqual(report("2026-11-22T02:10:00Z").lateIfUndeclared, undefined);
        assert.match(report("2026-11-22T00:20:00Z").detail, /^floor asserted by this pulumi up on the scaled resources \(2026-11-22T00:20:00Z\), 10 min after its pre-scale at 2026-11-22T00:10:00Z, 20 min before the start instead of 30/);
        assert.match(report("2026-11-22T01:11:00Z").detail, /61 min after its pre-scale at 2026-11-22T00:10:00Z, 31 min after the start/);
        assert.deepStrictEqual([report("2026-11-22T02:10:00Z").status, report("2026-11-22T02:10:00Z").detail.split(";")[0]], ["inProgress", "floor asserted by this pulumi up on the scaled resources (2026-11-22T02:10:00Z), held until the release"]);
        assert.strictEqual(report("2026-11-22T00:05:00Z").status, "scheduled");
    });
});

describe("model: an event inside another's window with no larger need", () => {
    const fest = { name: "winter-fest", start: "2026-12-10T12:00:00Z", end: "2027-01-20T12:00:00Z", peakOnline: 40000 };
    const edge = { name: "edge", start: "2026-12-12T12:00:00Z", end: "2026-12-12T14:00:00Z", peakOnline: 40000 };
    const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", events: [fest, edge] }), { now: NOW });
    it("declares no action of its own and is reported as covered by the event that holds it, not as scheduled with its own pre-scale", () => {
        const s = tierSchedule(spec, spec.regions[0], "appGroup", { minSize: 4, maxSize: 40, zones: 2 }, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null);
        assert.deepStrictEqual(s.oneOff.map((a) => a.source), ["winter-fest", "winter-fest"]);
        const report = scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon).find((r) => r.source === "edge");
        assert.deepStrictEqual(report, {
            source: "edge",
            status: "scheduled",
            detail: "covered by winter-fest: its pre-scale-to-release window (2026-12-12T11:30:00Z to 2026-12-12T14:30:00Z) lies inside winter-fest's with no larger audience or streams, so winter-fest's floor holds it and it declares no action of its own",
        });
    });
    it("a larger audience is not covered: it keeps its own pre-scale", () => {
        const larger = resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", events: [fest, { ...edge, peakOnline: 80000 }] }), { now: NOW });
        assert.strictEqual(scheduleReport(larger, NOW.getTime(), PROFILES.alicloud.scheduleHorizon).find((r) => r.source === "edge")?.detail.startsWith("pre-scale at 2026-12-12T11:30:00Z"), true);
    });
});

describe("model: the up after a drained event's release lowers its raised ceiling itself", () => {
    // Growth AWS vm (app 4-40): 200,000 viewers need 50, ceiling 100; the group drains from 100 by 16:52Z.
    const sale = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000 };
    const old = { name: "old-sale", start: "2026-11-11T12:00:00Z", end: "2026-11-11T16:00:00Z", peakOnline: 200000 };
    const day = { name: "day", start: "11:00", end: "18:00", timeZone: "Europe/London", peakOnline: 100000 };
    const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: [old, sale], peaks: [day] }), { now: NOW });
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    const drain = groupDrain(spec, PROFILES.aws, spec.app);
    const schedule = (iso: string) => tierSchedule(spec, spec.regions[0], "appGroup", bounds, Date.parse(iso), PROFILES.aws.scheduleHorizon, null, drain);
    it("during the drain, the lowering 16:52Z at least the 10-minute lead ahead (16:42Z, in the release's retention), the up asserts the released bounds with the raised ceiling 100 and declares the lowering action", () => {
        const s = schedule("2026-12-12T16:42:00Z");
        assert.deepStrictEqual([s.asserted?.kind, s.asserted?.minSize, s.asserted?.maxSize, s.drainHold?.from], ["release", 26, 100, 100]);
        assert.deepStrictEqual(s.lowerings, [{ key: "sale-lower", source: "sale", at: "2026-12-12T16:52:00Z", from: 100, maxSize: 52, heldNeeds: [26] }]);
    });
    it("a lowering closer than the lead (16:43Z and 16:51Z, lowering 16:52Z) stays declared at its instant, as an earlier up declared it, and the bounds stay with the schedules; so it does in its own minute and until 3 minutes after it (16:52Z, 16:54Z: EC2 Auto Scaling may run it up to two minutes late); from 16:55Z the up asserts the lowered ceiling 52 itself, no ignoreChanges", () => {
        const lowering = [{ key: "sale-lower", source: "sale", at: "2026-12-12T16:52:00Z", from: 100, maxSize: 52, heldNeeds: [26] }];
        const hold = { source: "sale", releasedAt: Date.parse("2026-12-12T16:30:00Z"), from: 100, until: Date.parse("2026-12-12T16:52:00Z"), need: 50 };
        const at1643 = schedule("2026-12-12T16:43:00Z");
        const at1651 = schedule("2026-12-12T16:51:00Z");
        const at1652 = schedule("2026-12-12T16:52:00Z");
        const at1654 = schedule("2026-12-12T16:54:59Z");
        const at1655 = schedule("2026-12-12T16:55:00Z");
        assert.deepStrictEqual([at1643.asserted?.kind, at1643.asserted?.minSize, at1643.asserted?.maxSize, at1643.drainHold, at1643.lowerings], ["release", 26, 100, hold, lowering]);
        assert.deepStrictEqual([at1651.asserted, at1651.drainHold, at1651.lowerings, scheduledBoundsIgnoreChanges(at1651, ["minSize", "maxSize"])], [undefined, hold, lowering, ["minSize", "maxSize"]]);
        for (const s of [at1652, at1654]) assert.deepStrictEqual([s.asserted, s.drainHold, s.lowerings, scheduledBoundsIgnoreChanges(s, ["minSize", "maxSize"])], [undefined, hold, lowering, ["minSize", "maxSize"]]);
        assert.deepStrictEqual(at1655.asserted, { source: "sale", since: Date.parse("2026-12-12T16:52:00Z"), kind: "lowered", minSize: 26, maxSize: 52 });
        assert.deepStrictEqual([at1655.drainHold, at1655.lowerings, scheduledBoundsIgnoreChanges(at1655, ["minSize", "maxSize"])], [undefined, undefined, []]);
        assert.deepStrictEqual(
            [
                drainHasEnded(Date.parse("2026-12-12T16:52:00Z"), Date.parse("2026-12-12T16:51:59Z")),
                drainHasEnded(Date.parse("2026-12-12T16:51:30Z"), Date.parse("2026-12-12T16:51:59Z")),
                drainHasEnded(Date.parse("2026-12-12T16:51:30Z"), Date.parse("2026-12-12T16:52:00Z")),
                drainHasEnded(Date.parse("2026-12-12T16:52:00Z"), Date.parse("2026-12-12T16:52:00Z")),
                drainHasEnded(Date.parse("2026-12-12T16:51:30Z"), Date.parse("2026-12-12T16:54:59Z")),
                drainHasEnded(Date.parse("2026-12-12T16:51:30Z"), Date.parse("2026-12-12T16:55:00Z")),
            ],
            [false, false, false, false, false, true],
        );
    });
    it("after it (17:30Z, the day peak open) the up asserts the peak's floor 26 and its ceiling 52, no ignoreChanges; the event released last is the source, not the one of 11 November", () => {
        const s = schedule("2026-12-12T17:30:00Z");
        assert.deepStrictEqual(s.asserted, { source: "sale", since: Date.parse("2026-12-12T16:52:00Z"), kind: "lowered", minSize: 26, maxSize: 52 });
        assert.deepStrictEqual(scheduledBoundsIgnoreChanges(s, ["minSize", "maxSize"]), []);
    });
    it("outside the peak (20:00Z) the floor is the everyday 4, and a pre-scale closer than the 10-minute lead (10:25Z the next day, pre-scale 10:30Z) is asserted already", () => {
        assert.deepStrictEqual([schedule("2026-12-12T20:00:00Z").asserted?.minSize, schedule("2026-12-12T20:00:00Z").asserted?.maxSize], [4, 52]);
        assert.strictEqual(schedule("2026-12-13T10:25:00Z").asserted?.minSize, 26);
    });
    it("a need the declared events or peaks hold at or above the raised ceiling lowers nothing", () => {
        const held = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: [sale], peaks: [{ ...day, peakOnline: 200000 }] }), { now: NOW });
        assert.strictEqual(tierSchedule(held, held.regions[0], "appGroup", bounds, Date.parse("2026-12-12T17:30:00Z"), PROFILES.aws.scheduleHorizon, null, drain).asserted, undefined);
    });
    it("recurringFloorNear: the open peak's floor, a pre-scale within the lead; 0 when the peak's release (18:30Z) is within the lead", () => {
        const recurring = recurringActions(spec, spec.peaks[0], 26, bounds, 52);
        assert.deepStrictEqual(
            ["2026-12-12T17:30:00Z", "2026-12-12T18:19:00Z", "2026-12-12T18:25:00Z", "2026-12-12T20:00:00Z", "2026-12-13T10:25:00Z"].map((iso) => recurringFloorNear(recurring, Date.parse(iso) + 10 * 60_000)),
            [26, 26, 0, 0, 26],
        );
    });
});

describe("model: an event held back by a limit covers nothing", () => {
    const fest = { name: "week-fest", start: "2026-12-10T02:00:00Z", end: "2026-12-16T14:00:00Z", peakOnline: 40000 };
    const inner = { name: "inner", start: "2026-12-12T12:00:00Z", end: "2026-12-12T14:00:00Z", peakOnline: 40000 };
    const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "vm", events: [fest, inner] }), { now: NOW });
    it("inner lies in week-fest's window with its audience: covered when week-fest is declared, not when only inner is", () => {
        assert.strictEqual(coveringEvent(spec, spec.events[1], NOW.getTime())?.name, "week-fest");
        assert.strictEqual(coveringEvent(spec, spec.events[1], NOW.getTime(), [spec.events[1]]), null);
    });
});

describe("model: time to peak and drain", () => {
    const base: GroupScaling = {
        minSize: 4,
        maxSize: 40,
        detectionSeconds: 60,
        periodSeconds: 60,
        readySeconds: 130,
        scaleOutCooldownSeconds: 0,
        bands: [{ fromRatio: 1, percent: 100 }],
        minAdjustmentMagnitude: 2,
        scaleIn: { detectionSeconds: 600, intervalSeconds: 60, percent: 25, minStep: 1 },
        plannedLeadSeconds: 1800,
    };
    it("percent steps round toward zero above 1 and up to 1 below it, never under the minimum magnitude", () => {
        assert.deepStrictEqual([percentStep(40, 25, 1), percentStep(3, 25, 1), percentStep(4, 100, 2), percentStep(1, 100, 2), percentStep(7, 25, 1)], [10, 1, 4, 2, 1]);
    });
    it("doubling steps alone take 9.2 minutes for a 10x jump (the issue's 8-10 minutes): 4 -> 8 -> 16 -> 32", () => {
        assert.deepStrictEqual(simulateJump(base), { seconds: 550, needed: 32, reached: 32 });
    });
    it("proportional bands meet it in one step: 60 s to detect, 130 s to serve", () => {
        const bands = [
            { fromRatio: 1, percent: 100 },
            { fromRatio: 2, percent: 300 },
            { fromRatio: 4, percent: 700 },
            { fromRatio: 8, percent: 900 },
        ];
        assert.deepStrictEqual(simulateJump({ ...base, bands }), { seconds: 190, needed: 32, reached: 40 });
    });
    it("a ceiling below the need is never served; a cooldown delays the next step", () => {
        assert.deepStrictEqual(simulateJump({ ...base, maxSize: 6 }), { seconds: null, needed: 32, reached: 6 });
        assert.strictEqual(simulateJump({ ...base, scaleOutCooldownSeconds: 300 }).seconds, 790);
    });
    it("drain 40 -> 4: 10 minutes of AND, then -25 % per minute (40, 30, 23, 18, 14, 11, 9, 7, 6, 5, 4)", () => {
        assert.strictEqual(simulateDrain(base, 40), 600 + 9 * 60);
        assert.strictEqual(simulateDrain(base, 4), 0);
    });
    it("presets: each stage reports the tier that serves it; growth and mature meet 5 minutes on both clouds, startup is capped by maxSize 6", () => {
        const regions = { aws: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] }, { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"] }] };
        const rows = (["startup", "growth", "mature"] as const).flatMap((stage) =>
            (["aws", "alicloud"] as const).map((cloud) => {
                const extra = stage === "mature" && cloud === "aws" ? { regions: regions.aws } : {};
                const spec = resolveSpec(rawConfig(stage, cloud, extra), { now: NOW });
                const jump = scalingSimulation(spec, PROFILES[cloud]).timeToPeak.find((e) => e.scenario === "unplanned10x");
                return [stage, cloud, jump?.tier, jump?.minutes, jump?.meets5Minutes];
            }),
        );
        assert.deepStrictEqual(rows, [
            ["startup", "aws", "appGroup", null, false],
            ["startup", "alicloud", "appGroup", null, false],
            // 30 s (scrape + HPA sync) + 125 s pod start, the 21 new pods on the node pool headroom.
            ["growth", "aws", "pods", 2.6, true],
            ["growth", "alicloud", "pods", 2.6, true],
            ["mature", "aws", "pods", 2.6, true],
            ["mature", "alicloud", "pods", 2.6, true],
        ]);
    });
    it("serverless: Fargate tasks by the step bands (60 s alarm + 45 s task start + 10 s healthy checks), SAE in one step sized to the jump", () => {
        const rows = (["aws", "alicloud"] as const).map((cloud) => {
            const spec = resolveSpec(rawConfig("growth", cloud, { compute: "serverless" }), { now: NOW });
            return scalingSimulation(spec, PROFILES[cloud]).timeToPeak.map((e) => [e.tier, e.scenario, e.minutes, e.meets5Minutes]);
        });
        assert.deepStrictEqual(rows, [
            [
                ["serverlessUnit", "unplanned10x", 1.9, true],
                ["serverlessUnit", "plannedEvent", 0.9, true],
            ],
            [
                // 30 s metric window + 15 s evaluation + 125 s instance start: 170 s.
                ["serverlessUnit", "unplanned10x", 2.8, true],
                ["serverlessUnit", "plannedEvent", 2.1, true],
            ],
        ]);
    });
    it("a planned event's figure says what it counts: minutes from the pre-scale, and how long before (or after) the start the capacity is ready", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "kubernetes" }), { now: NOW });
        const planned = scalingSimulation(spec, PROFILES.aws).timeToPeak.find((e) => e.scenario === "plannedEvent");
        assert.deepStrictEqual([planned?.minutes, planned?.meets5Minutes], [6.3, true]);
        assert.ok(planned?.detail.endsWith("; ready 6.3 min after the pre-scale, 23.7 min before the start"), planned?.detail);
        assert.strictEqual(plannedReadiness(2000, 1800), "ready 33.3 min after the pre-scale, 3.3 min after the start");
    });
    it("pods: a jump that fits the headroom is Ready after detection + pod start; pods beyond it wait for a node", () => {
        const p: PodScaling = { minReplicas: 3, maxReplicas: 40, detectionSeconds: 30, scaleUp: { percent: 900, pods: 4, periodSeconds: 60 }, podReadySeconds: 125, headroomPods: 21, nodePods: 100, nodeSeconds: 250 };
        assert.deepStrictEqual(simulatePodJump(p), { seconds: 155, needed: 24, reached: 24 });
        // Without headroom (the nodes at 1 per zone hold the floors only): 30 + 250 + 125 = 405 s, more than 5 minutes.
        assert.deepStrictEqual(simulatePodJump({ ...p, headroomPods: 0 }), { seconds: 405, needed: 24, reached: 24 });
        // Doubling-only scale-up policies take three periods: 3 -> 6 -> 12 -> 24.
        assert.deepStrictEqual(simulatePodJump({ ...p, scaleUp: { percent: 100, pods: 1, periodSeconds: 60 } }), { seconds: 30 + 120 + 125, needed: 24, reached: 24 });
        assert.deepStrictEqual(simulatePodJump({ ...p, maxReplicas: 12 }), { seconds: null, needed: 24, reached: 12 });
        // Node pools that can never hold more than 10 pods beyond the floor: the jump is never served.
        assert.deepStrictEqual(simulatePodJump({ ...p, nodePods: 10 }), { seconds: null, needed: 24, reached: 13 });
    });
    it("pods: with kubernetes.maxNodesPerZone 3 the jump is never reached and the figure says the node pools hold it back", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { kubernetes: { maxNodesPerZone: 3 } }), { now: NOW });
        const jump = scalingSimulation(spec, PROFILES.aws).timeToPeak.find((e) => e.scenario === "unplanned10x");
        assert.deepStrictEqual([jump?.minutes, jump?.meets5Minutes], [null, false]);
        assert.match(jump?.detail ?? "", /the node pools run kubernetes\.maxNodesPerZone 3 nodes per zone already and add none; .*; the node pools at kubernetes\.maxNodesPerZone 3 hold \d+/);
        const planned = scalingSimulation(spec, PROFILES.aws).timeToPeak.find((e) => e.scenario === "plannedEvent");
        assert.match(planned?.detail ?? "", /pods beyond them stay Pending \(raise kubernetes\.maxNodesPerZone\)/);
    });
    it("node pool headroom: growth keeps 5 nodes per zone of 4 vCPU (2 zones), mature 2 of 8 vCPU (3 zones); within maxNodesPerZone", () => {
        const growth = resolveSpec(rawConfig("growth", "aws"), { now: NOW });
        const mature = resolveSpec(rawConfig("mature", "alicloud"), { now: NOW });
        assert.deepStrictEqual([surgeNodesPerZone(growth, 2), headroomPods(growth, 2, 5), surgeNodesPerZone(mature, 3), headroomPods(mature, 3, 2)], [5, 22, 2, 27]);
        assert.strictEqual(surgeNodesPerZone({ kubernetes: { ...growth.kubernetes, maxNodesPerZone: 3 } }, 2), 3);
    });
    it("a missed peak is a finding naming region, minutes and cause; mandatory for mature only", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", scaling: { scaleOutStepPercent: 100 }, app: { maxSize: 8 } }), { now: NOW });
        assert.deepStrictEqual(timeToPeakFindings(scalingSimulation(spec, PROFILES.aws).timeToPeak), [
            "us-east-1 appGroup: an unplanned 10x jump is never served, more than 5 (10x load needs 32 instances; the ceiling 8 caps it at 8)",
        ]);
        assert.deepStrictEqual((["startup", "growth", "mature"] as const).map(timeToPeakEnforcement), ["advisory", "advisory", "mandatory"]);
    });
});

describe("model: AWS scheduled-action quotas", () => {
    // 70 two-hour events, one a day from 2026-12-01, and a daily evening peak (19:00-23:00 Shanghai,
    // 11:00-15:00 UTC) that none of them overlaps: each event takes 2 actions, the peak 2.
    const events = Array.from({ length: 70 }, (_, i) => {
        const day = new Date(Date.parse("2026-12-01T00:00:00Z") + i * 86_400_000).toISOString().slice(0, 10);
        return { name: `e${String(i).padStart(2, "0")}`, start: `${day}T01:00:00Z`, end: `${day}T03:00:00Z`, peakOnline: 40000 };
    });
    const peak = { name: "evening", recurrence: "daily", start: "19:00", end: "23:00", timeZone: "Asia/Shanghai", peakOnline: 20000 };
    it("a VM stack declares the first 61 events (125 per Auto Scaling group - 2 for the peak = 123, 2 an event) and reports the others deferred, naming the quota", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events, peaks: [peak] }), { now: NOW });
        // 40,000 viewers need 10 app instances, ceiling 20, under the everyday maxSize 40: no ceiling lowering.
        const raises = (e: { peakOnline: number; streams: number }) => raisesAppCeiling(spec, PROFILES.aws, e);
        assert.deepStrictEqual([eventActionCount(spec, spec.events[0], NOW.getTime(), raises), peakActionCount(spec)], [2, 2]);
        const limit = awsEventLimit(spec, NOW.getTime(), PROFILES.aws.scheduleHorizon, awsScheduledTiers(spec, NOW.getTime()), raises);
        assert.strictEqual(PROFILES.aws.eventLimit(spec, NOW.getTime())?.count, 61);
        assert.strictEqual(limit.count, 61);
        const schedule = tierSchedule(spec, spec.regions[0], "appGroup", { minSize: spec.app.minSize, maxSize: spec.app.maxSize, zones: 2 }, NOW.getTime(), PROFILES.aws.scheduleHorizon, limit);
        assert.strictEqual(schedule.oneOff.length + schedule.recurring.length, 124);
        assert.deepStrictEqual(schedule.oneOff.at(-1)?.source, "e60");
        const report = scheduleReport(spec, NOW.getTime(), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(spec, NOW.getTime()));
        assert.deepStrictEqual(report.find((r) => r.source === "e61"), {
            source: "e61",
            status: "deferred",
            // the release of the first event (e00, 03:30 UTC on 1 December) frees its 2 actions
            detail: "scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after 2026-12-01T03:30:00Z declares it (AWS allows 125 scheduled actions per Auto Scaling group (EC2 Auto Scaling quota); the peaks take 2, the events declared now take the rest)",
        });
        assert.strictEqual(report.filter((r) => r.status === "scheduled").length, 61);
    });
    it("serverless stacks count against 200 per scalable target (each ECS service): 66 events that raise a service's ceiling fit (3 actions each, 198 left after the peak)", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "serverless", events, peaks: [peak] }), { now: NOW });
        assert.strictEqual(raisesAppCeiling(spec, PROFILES.aws, spec.events[0]), true);
        assert.strictEqual(PROFILES.aws.eventLimit(spec, NOW.getTime())?.count, 66);
    });
    it("kubernetes: the pods follow floor jobs, no AWS scheduled action; only the Aurora readers' scalable target counts (100 of 130 events, 2 actions each on it), none on RDS MySQL", () => {
        const many = Array.from({ length: 130 }, (_, i) => {
            const day = new Date(Date.parse("2026-12-01T00:00:00Z") + i * 86_400_000).toISOString().slice(0, 10);
            return { name: `k${String(i).padStart(3, "0")}`, start: `${day}T01:00:00Z`, end: `${day}T03:00:00Z`, peakOnline: 40000 };
        });
        const counts = (["mysql", "aurora"] as const).map((engine) => {
            const spec = resolveSpec(rawConfig("growth", "aws", { compute: "kubernetes", events: many, database: { engine } }), { now: NOW });
            const limit = PROFILES.aws.eventLimit(spec, NOW.getTime());
            const tiers = awsScheduledTiers(spec, NOW.getTime());
            return [engine, limit?.count, tiers.map((t) => [t.quota, declaredActionCount(t.schedule({ count: limit?.count ?? 0, why: "" }), () => 1)])];
        });
        assert.deepStrictEqual(counts, [
            ["mysql", 130, []],
            ["aurora", 100, [[200, 200]]],
        ]);
    });
    it("an event that raises a ceiling takes a third action, its ceiling lowering: 41 of 70 such events fit 123 actions", () => {
        // 200,000 viewers: app floor 50, ceiling 100 above the everyday 40.
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: events.map((e) => ({ ...e, peakOnline: 200000 })), peaks: [peak] }), { now: NOW });
        assert.deepStrictEqual([raisesAppCeiling(spec, PROFILES.aws, spec.events[0]), eventActionCount(spec, spec.events[0], NOW.getTime())], [true, 3]);
        assert.strictEqual(PROFILES.aws.eventLimit(spec, NOW.getTime())?.count, 41);
    });
    it("back-to-back events (each release the next one's pre-scale, 40,000 and 60,000 viewers in turn) count as the schedule declares them: 124 of 130 fit the 125 actions of the Auto Scaling group, not 62", () => {
        // Event i runs 2 h apart for 1 h from 2026-12-01T01:00Z: its release (end + 30 min) is the
        // next one's pre-scale (start - 30 min), one merged step; n such events take n + 1 actions.
        const b2b = Array.from({ length: 130 }, (_, i) => {
            const start = Date.parse("2026-12-01T01:00:00Z") + i * 2 * 3_600_000;
            return { name: `b${String(i).padStart(3, "0")}`, start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString(), peakOnline: i % 2 === 0 ? 40000 : 60000 };
        });
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: b2b }), { now: NOW });
        const limit = PROFILES.aws.eventLimit(spec, NOW.getTime());
        assert.strictEqual(limit?.count, 124);
        const bounds = { minSize: spec.app.minSize, maxSize: spec.app.maxSize, zones: spec.regions[0].zones.length };
        const schedule = tierSchedule(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.aws.scheduleHorizon, limit);
        assert.deepStrictEqual([schedule.oneOff.length, schedule.recurring.length, (schedule.lowerings ?? []).length], [125, 0, 0]);
        assert.deepStrictEqual(
            [schedule.oneOff[0], schedule.oneOff[1], schedule.oneOff.at(-1)].map((a) => [a?.key, a?.at, a?.minSize]),
            [
                ["b000-prescale", "2026-12-01T00:30:00Z", 10],
                ["b001-prescale", "2026-12-01T02:30:00Z", 16],
                ["b123-release", "2026-12-11T08:30:00Z", spec.app.minSize],
            ],
        );
        const report = scheduleReport(spec, NOW.getTime(), PROFILES.aws.scheduleHorizon, limit);
        assert.deepStrictEqual(
            report.filter((r) => r.status !== "scheduled").map((r) => [r.source, r.status]),
            ["b124", "b125", "b126", "b127", "b128", "b129"].map((name) => [name, "deferred"]),
        );
    });
    it("an event over a recurring action costs a restore too; peaks beyond the quota are a config error naming peaks", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: [{ name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 }], peaks: [peak] }), { now: NOW });
        // The peak's pre-scale (18:30 Shanghai, 10:30 UTC) and release (23:30, 15:30 UTC) fall inside the
        // sale's window (09:30-16:30 UTC): at most one restore after each.
        assert.strictEqual(eventActionCount(spec, spec.events[0], NOW.getTime(), (e) => raisesAppCeiling(spec, PROFILES.aws, e)), 4);
        const many = Array.from({ length: 63 }, (_, i) => ({ ...peak, name: `p${i}` }));
        assert.deepStrictEqual(checkAwsPeakActions({ compute: "vm", peaks: resolveSpec(rawConfig("growth", "aws", { compute: "vm" }), { now: NOW }).peaks.concat(many.map((p) => ({ ...p, recurrence: "daily" as const, days: [], streams: 1 }))) }), [
            "peaks: 63 recurring peaks need 126 scheduled actions on each scaled tier; AWS allows 125 scheduled actions per Auto Scaling group (EC2 Auto Scaling quota); allowed: at most 62 peaks (merge peaks that share a window)",
        ]);
    });
});

describe("model: a ceiling lowering never shares its minute with another action on the tier", () => {
    // Growth AWS vm (app 4-40): 200,000 viewers need 50 (ceiling 100), the group drains from 100 by
    // 16:52Z; the day peak's release (its end 16:22 London plus the 30-minute release lag) runs at 16:52Z too.
    const sale = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000 };
    const day = { name: "day", start: "11:00", end: "16:22", timeZone: "Europe/London", peakOnline: 100000 };
    const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: [sale], peaks: [day] }), { now: NOW });
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    const drain = groupDrain(spec, PROFILES.aws, spec.app);
    it("the lowering moves to 16:53Z, the minute after the day peak's release at 16:52Z (4/100), so its ceiling 52 stays in force", () => {
        const s = tierSchedule(spec, spec.regions[0], "appGroup", bounds, Date.parse("2026-12-12T09:00:00Z"), PROFILES.aws.scheduleHorizon, null, drain);
        assert.deepStrictEqual(s.recurring.map((a) => [a.key, a.minuteOfDay, a.minSize, a.maxSize]), [
            ["day-prescale", 630, 26, 100],
            ["day-release", 1012, 4, 100],
        ]);
        assert.deepStrictEqual(s.lowerings?.map((l) => [l.key, l.at, l.maxSize]), [["sale-lower", "2026-12-12T16:53:00Z", 52]]);
    });
    it("separatedLowerings: the first minute no action takes and no earlier lowering; a free minute is kept as is", () => {
        const lowering = (key: string, at: string) => ({ key, source: key, at, from: 100, maxSize: 52, heldNeeds: [26] });
        const taken = new Set([Date.parse("2026-12-12T16:52:00Z"), Date.parse("2026-12-12T16:53:00Z")]);
        assert.deepStrictEqual(
            separatedLowerings([lowering("a-lower", "2026-12-12T16:52:00Z"), lowering("b-lower", "2026-12-12T16:52:00Z"), lowering("c-lower", "2026-12-12T17:30:00Z")], (t) => taken.has(t)).map((l) => [l.key, l.at]),
            [
                ["a-lower", "2026-12-12T16:54:00Z"],
                ["b-lower", "2026-12-12T16:55:00Z"],
                ["c-lower", "2026-12-12T17:30:00Z"],
            ],
        );
    });
});

describe("model: a lowering keeps its instant on every up, and a peak's re-raise is judged per tier", () => {
    // Growth AWS vm (app 4-40): the sale (200,000, ceiling 100) drains by 16:52Z; eve's pre-scale at 16:52Z takes that minute.
    const sale = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000 };
    const eve = { name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 };
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    it("eve's pre-scale (16:52Z) declared at 09:00, asserted by the 16:45 and 16:50 ups, past for the 16:54 up: the sale's lowering stays at 16:53Z on all four", () => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: [sale, eve] }), { now: NOW });
        const drain = groupDrain(spec, PROFILES.aws, spec.app);
        const at = (iso: string) => tierSchedule(spec, spec.regions[0], "appGroup", bounds, Date.parse(iso), PROFILES.aws.scheduleHorizon, null, drain);
        const ups = ["09:00", "16:45", "16:50", "16:54"].map((hhmm) => at(`2026-12-12T${hhmm}:00Z`));
        assert.deepStrictEqual(
            ups.map((s) => [s.oneOff.some((o) => o.key === "eve-prescale"), s.lowerings?.find((l) => l.key === "sale-lower")?.at]),
            [
                [true, "2026-12-12T16:53:00Z"],
                [false, "2026-12-12T16:53:00Z"],
                [false, "2026-12-12T16:53:00Z"],
                [false, "2026-12-12T16:53:00Z"],
            ],
        );
    });
    it("takenMinute: an instant of the list or a recurring action's run takes the minute; another minute is free", () => {
        const release = { minuteOfDay: 17 * 60 + 4, days: [0, 1, 2, 3, 4, 5, 6], timeZone: "Europe/London" };
        const step = Date.parse("2026-12-12T16:52:00Z");
        assert.deepStrictEqual(
            ["16:52", "16:53", "17:04", "17:05"].map((hhmm) => takenMinute(Date.parse(`2026-12-12T${hhmm}:00Z`), [step], [release])),
            [true, false, true, false],
        );
    });
    it("peakActionsAfter: the day release at 17:04Z re-raised the tier lowered at 17:02Z, not the one lowered at 17:05Z; nothing before the up", () => {
        const day = { name: "day", start: "11:00", end: "16:34", timeZone: "Europe/London", peakOnline: 100000 };
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events: [sale], peaks: [day] }), { now: NOW });
        const released = Date.parse("2026-12-12T16:30:00Z");
        const after = (lowered: string, now: string) => peakActionsAfter(spec, spec.events[0], released, Date.parse(`2026-12-12T${lowered}:00Z`), Date.parse(`2026-12-12T${now}:00Z`));
        assert.deepStrictEqual([after("17:02", "17:05"), after("17:05", "17:05"), after("17:02", "17:03"), after("17:06", "17:05")], ["day-release at 2026-12-12T17:04:00Z", "", "", ""]);
    });
});

describe("model: each scheduled action's ceiling is the needs in force at its own instant", () => {
    // Growth AWS vm (app 4-40): 200,000 viewers need 50 (ceiling 100, drained by 16:52Z after a
    // 16:30Z release); 100,000 need 26 (ceiling 52); 80,000 need 20 (ceiling 40, the everyday one).
    const sale = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000 };
    const bounds = { minSize: 4, maxSize: 40, zones: 2 };
    const plan = (events: readonly object[], peaks: readonly object[] = [], iso = "2026-12-12T09:00:00Z") => {
        const spec = resolveSpec(rawConfig("growth", "aws", { compute: "vm", events, peaks }), { now: NOW });
        return tierSchedule(spec, spec.regions[0], "appGroup", bounds, Date.parse(iso), PROFILES.aws.scheduleHorizon, null, groupDrain(spec, PROFILES.aws, spec.app));
    };
    const oneOff = (s: ReturnType<typeof plan>) => [...s.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]), ...(s.lowerings ?? []).map((l) => [l.key, l.at, -1, l.maxSize])];

    it("a later event (late, 17:30Z-19:30Z, 80,000) after the sale's lowering: its actions carry 40, so no action sets 100 after sale-lower", () => {
        const s = plan([sale, { name: "late", start: "2026-12-12T18:00:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 80000 }]);
        assert.deepStrictEqual(oneOff(s), [
            ["sale-prescale", "2026-12-12T09:30:00Z", 50, 100],
            ["sale-release", "2026-12-12T16:30:00Z", 4, 100],
            ["late-prescale", "2026-12-12T17:30:00Z", 20, 40],
            ["late-release", "2026-12-12T19:30:00Z", 4, 40],
            ["sale-lower", "2026-12-12T16:52:00Z", -1, 40],
        ]);
    });

    it("a later event raising its own ceiling (eve, pre-scale 16:52Z, 100,000): its pre-scale and release carry 52, its lowering sets 40; the sale's lowering, moved off eve's minute to 16:53Z, sets 52", () => {
        const s = plan([sale, { name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 }]);
        assert.deepStrictEqual(oneOff(s), [
            ["sale-prescale", "2026-12-12T09:30:00Z", 50, 100],
            ["sale-release", "2026-12-12T16:30:00Z", 4, 100],
            ["eve-prescale", "2026-12-12T16:52:00Z", 26, 52],
            ["eve-release", "2026-12-12T19:30:00Z", 4, 52],
            ["sale-lower", "2026-12-12T16:53:00Z", -1, 52],
            ["eve-lower", "2026-12-12T19:50:00Z", -1, 40],
        ]);
    });

    it("an event inside the sale's raised span (flash, 14:30Z-17:30Z) released after the sale's lowering: its release sets 4/40; the sale's release keeps flash's floor 20 under the sale's 100", () => {
        const s = plan([sale, { name: "flash", start: "2026-12-12T15:00:00Z", end: "2026-12-12T17:00:00Z", peakOnline: 80000 }]);
        assert.deepStrictEqual(oneOff(s), [
            ["sale-prescale", "2026-12-12T09:30:00Z", 50, 100],
            ["sale-release", "2026-12-12T16:30:00Z", 20, 100],
            ["flash-release", "2026-12-12T17:30:00Z", 4, 40],
            ["sale-lower", "2026-12-12T16:52:00Z", -1, 40],
        ]);
    });

    it("a far event (2027-04-10 10:00-12:00Z) no run of the New York evening peak falls in: the peak's daily actions carry the peak's own ceiling, not the far event's for four months", () => {
        const far = { name: "far", start: "2027-04-10T10:00:00Z", end: "2027-04-10T12:00:00Z", peakOnline: 200000 };
        const evening = { name: "evening", start: "19:00", end: "23:00", timeZone: "America/New_York", peakOnline: 100000 };
        const s = plan([far], [evening]);
        assert.deepStrictEqual(s.recurring.map((a) => [a.key, a.minSize, a.maxSize]), [
            ["evening-prescale", 26, 52],
            ["evening-release", 4, 52],
        ]);
        assert.deepStrictEqual(oneOff(s), [
            ["far-prescale", "2027-04-10T09:30:00Z", 50, 100],
            ["far-release", "2027-04-10T12:30:00Z", 4, 100],
            ["far-lower", "2027-04-10T12:52:00Z", -1, 52],
        ]);
        // An event a run of the peak falls in (18:30 New York, 23:30Z): the daily actions hold its need, as a lower ceiling would cut its capacity at once.
        const inside = plan([{ ...far, start: "2027-04-10T22:00:00Z", end: "2027-04-11T02:00:00Z" }], [evening]);
        assert.deepStrictEqual(inside.recurring.map((a) => [a.key, a.maxSize]), [
            ["evening-prescale", 100],
            ["evening-release", 100],
        ]);
    });
});
