// SAE event timers fire each trigger point on its own day only: a timer runs every point on every
// day from beginDate to endDate, so the plan gives each calendar day (GMT+8) of an event a timer of
// its own. The firing days are simulated here from the timer inputs alone, independently of the
// code that wrote them.

import * as assert from "assert";

import { BY_UP_LOWERING_REPORT_HOURS, OneOffAction, SAE_TIME_ZONE, SaeTimer, byUpLoweringPast, eventWindowsFrom, mergeSamePoints, planServerlessUnits, saeDeclaredEvents, saeAssertedPoint, saeEventLimit, saeEventTimers, saeUnitTimers, scheduleReport, unitDrain, unitSchedule } from "../../components/model";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { ALICLOUD_SCHEDULE_HORIZON } from "../../components/alicloud/profile";
import { NOW, rawConfig } from "../helpers";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** GMT+8, the zone of SAE timers ("The time zone is GMT+8"). */
const GMT8_MS = 8 * HOUR_MS;

interface Firing {
    readonly at: number;
    readonly minReplicas: number;
    readonly maxReplicas: number;
}

/** Every instant (UTC ms) a timer fires: each point on each day from beginDate to endDate (daily period), at its GMT+8 time. */
function firings(timers: readonly SaeTimer[]): Firing[] {
    const out: Firing[] = [];
    for (const t of timers) {
        assert.strictEqual(t.period, "* * *");
        assert.ok(t.beginDate !== undefined && t.endDate !== undefined, "an event timer is limited by dates");
        for (let day = Date.parse(`${t.beginDate}T00:00:00Z`); day <= Date.parse(`${t.endDate}T00:00:00Z`); day += DAY_MS) {
            for (const s of t.schedules) {
                const [h, m] = s.atTime.split(":").map(Number);
                out.push({ at: day + h * HOUR_MS + m * 60_000 - GMT8_MS, minReplicas: s.minReplicas, maxReplicas: s.maxReplicas });
            }
        }
    }
    return out.sort((a, b) => a.at - b.at);
}

/** The bounds the event's actions put in force at `t`: those of the last action at or before it. */
function boundsAt(actions: readonly OneOffAction[], t: number): { minReplicas: number; maxReplicas: number } | null {
    const last = actions.filter((a) => Date.parse(a.at) <= t).sort((a, b) => Date.parse(a.at) - Date.parse(b.at)).pop();
    return last === undefined ? null : { minReplicas: last.minSize, maxReplicas: last.maxSize };
}

/** Each action fires exactly once, at its instant; every other firing is a 00:00 GMT+8 hold of the bounds already in force; nothing fires outside the event's first and last action. */
function assertFiresOnItsDayOnly(actions: readonly OneOffAction[], timers: readonly SaeTimer[]): void {
    const fired = firings(timers);
    const first = Math.min(...actions.map((a) => Date.parse(a.at)));
    const last = Math.max(...actions.map((a) => Date.parse(a.at)));
    for (const a of actions) assert.strictEqual(fired.filter((f) => f.at === Date.parse(a.at)).length, 1, `${a.key} fires once`);
    for (const f of fired) {
        assert.ok(f.at >= first && f.at <= last, `${new Date(f.at).toISOString()} is within the event's actions`);
        assert.deepStrictEqual({ minReplicas: f.minReplicas, maxReplicas: f.maxReplicas }, boundsAt(actions, f.at), `bounds at ${new Date(f.at).toISOString()}`);
        if (!actions.some((a) => Date.parse(a.at) === f.at)) assert.strictEqual((f.at + GMT8_MS) % DAY_MS, 0, "a hold fires at 00:00 GMT+8");
    }
}

function eventPlan(event: { name: string; start: string; end: string }, peaks: readonly unknown[] = []) {
    const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: [...peaks], events: [{ ...event, peakOnline: 40000, timeZone: "Asia/Shanghai" }] }), { now: NOW });
    const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0])[0];
    const actions = unitSchedule(spec, spec.regions[0], unit, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON, null).oneOff.filter((a) => a.source === event.name);
    return { spec, unit, actions, timers: saeEventTimers(actions, SAE_TIME_ZONE) };
}

describe("SAE event rules never hold two points at one time", () => {
    it("mergeSamePoints: two points at 01:07 (8/16 and 10/12) become one 10/16; the others stay, in time order", () => {
        assert.deepStrictEqual(
            mergeSamePoints([
                { atTime: "01:07", minReplicas: 8, maxReplicas: 16 },
                { atTime: "03:30", minReplicas: 2, maxReplicas: 16 },
                { atTime: "01:07", minReplicas: 10, maxReplicas: 12 },
                { atTime: "00:00", minReplicas: 2, maxReplicas: 10 },
            ]),
            [
                { atTime: "00:00", minReplicas: 2, maxReplicas: 10 },
                { atTime: "01:07", minReplicas: 10, maxReplicas: 16 },
                { atTime: "03:30", minReplicas: 2, maxReplicas: 16 },
            ],
        );
    });
    it("byUpLoweringPast: an SAE drain (byUp) ended 17:02Z is reported lowered by an up until 24 h later; a scheduled lowering never counts as past here", () => {
        const released = Date.parse("2026-12-12T16:30:00Z");
        const d = { byUp: true, seconds: 32 * 60 };
        assert.strictEqual(BY_UP_LOWERING_REPORT_HOURS, 24);
        assert.strictEqual(byUpLoweringPast(d, released, Date.parse("2026-12-13T17:01:00Z")), false);
        assert.strictEqual(byUpLoweringPast(d, released, Date.parse("2026-12-13T17:02:00Z")), true);
        assert.strictEqual(byUpLoweringPast({ seconds: 32 * 60 }, released, Date.parse("2027-01-13T17:02:00Z")), false);
    });
});

describe("SAE event timers: each trigger point fires on its own day only", () => {
    it("pulumi ups during an event (13:00Z = 21:00 GMT+8, then 14:20Z): the day's rewritten rule holds the asserted floor from 00:00 and only the release follows; both ups write the same rule", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", events: [{ name: "soon-sale", start: "2026-12-12T12:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 40000 }] }), { now: NOW });
        const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0])[0];
        const timersAt = (iso: string) => {
            const now = Date.parse(iso);
            const schedule = unitSchedule(spec, spec.regions[0], unit, now, ALICLOUD_SCHEDULE_HORIZON, null);
            assert.deepStrictEqual(schedule.oneOff.map((a) => [a.kind, a.at]), [["release", "2026-12-12T16:30:00Z"]]);
            const raised = { minReplicas: schedule.asserted?.minSize, maxReplicas: schedule.asserted?.maxSize };
            return { raised, timers: saeEventTimers([...saeAssertedPoint(schedule, now), ...schedule.oneOff], SAE_TIME_ZONE, eventWindowsFrom(spec, spec.events, now)) };
        };
        const first = timersAt("2026-12-12T13:00:00Z");
        assert.deepStrictEqual(first.timers[0], { period: "* * *", beginDate: "2026-12-12", endDate: "2026-12-12", schedules: [{ atTime: "00:00", ...first.raised }] });
        assert.deepStrictEqual(timersAt("2026-12-12T14:20:00Z").timers, first.timers);
        // Planned before the pre-scale (at 09:00Z) the day's rule has no hold: the floor rises at 19:30 only.
        const early = unitSchedule(spec, spec.regions[0], unit, Date.parse("2026-12-12T09:00:00Z"), ALICLOUD_SCHEDULE_HORIZON, null).oneOff;
        const before = saeEventTimers(early, SAE_TIME_ZONE, eventWindowsFrom(spec, spec.events, Date.parse("2026-12-12T09:00:00Z")));
        assert.deepStrictEqual(before[0].schedules.map((p) => p.atTime), ["19:30"]);
    });

    it("the README's double-12 (12:00-16:00Z, the evening peak inside): Dec 12 19:30, 19:31 and 23:31, Dec 13 a hold at 00:00 and the release at 00:30; the pre-scale never fires on Dec 13", () => {
        const evening = { name: "evening", start: "20:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" };
        const { actions, timers } = eventPlan({ name: "double-12", start: "2026-12-12T12:00:00Z", end: "2026-12-12T16:00:00Z" }, [evening]);
        // The evening peak's own pre-scale (19:30) and release (23:30) inside the event are each followed by a restore of the event's floor.
        assert.deepStrictEqual(
            actions.map((a) => [a.kind, a.at]),
            [
                ["prescale", "2026-12-12T11:30:00Z"],
                ["restore", "2026-12-12T11:31:00Z"],
                ["restore", "2026-12-12T15:31:00Z"],
                ["release", "2026-12-12T16:30:00Z"],
            ],
        );
        const bounds = (at: string) => {
            const a = actions.find((x) => x.at === at);
            assert.ok(a !== undefined, at);
            return { minReplicas: a.minSize, maxReplicas: a.maxSize };
        };
        assert.deepStrictEqual(timers, [
            {
                period: "* * *",
                beginDate: "2026-12-12",
                endDate: "2026-12-12",
                schedules: [
                    { atTime: "19:30", ...bounds("2026-12-12T11:30:00Z") },
                    { atTime: "19:31", ...bounds("2026-12-12T11:31:00Z") },
                    { atTime: "23:31", ...bounds("2026-12-12T15:31:00Z") },
                ],
            },
            {
                period: "* * *",
                beginDate: "2026-12-13",
                endDate: "2026-12-13",
                schedules: [
                    { atTime: "00:00", ...bounds("2026-12-12T15:31:00Z") },
                    { atTime: "00:30", ...bounds("2026-12-12T16:30:00Z") },
                ],
            },
        ]);
        assert.ok(bounds("2026-12-12T11:30:00Z").minReplicas > bounds("2026-12-12T16:30:00Z").minReplicas, "the pre-scale lifts the floor, the release restores it");
        assertFiresOnItsDayOnly(actions, timers);
        assert.ok(!firings(timers).some((f) => f.at === Date.parse("2026-12-13T11:30:00Z")), "no pre-scale again on Dec 13");
    });

    it("an overnight event 22:00-03:00 GMT+8: the pre-scale on its day, a hold at 00:00 and the release at 03:30 on the next", () => {
        const { actions, timers } = eventPlan({ name: "overnight", start: "2026-12-20T14:00:00Z", end: "2026-12-20T19:00:00Z" });
        assert.deepStrictEqual(
            timers.map((t) => [t.beginDate, t.endDate, t.schedules.map((s) => s.atTime)]),
            [
                ["2026-12-20", "2026-12-20", ["21:30"]],
                ["2026-12-21", "2026-12-21", ["00:00", "03:30"]],
            ],
        );
        assertFiresOnItsDayOnly(actions, timers);
    });

    it("a three-day event: the floor is held at 00:00 on days 2 and 3 and released only at the end, never at 02:30 of day 2", () => {
        const { actions, timers } = eventPlan({ name: "festival", start: "2026-12-20T02:00:00Z", end: "2026-12-21T18:00:00Z" });
        assert.deepStrictEqual(
            actions.map((a) => [a.kind, a.at]),
            [
                ["prescale", "2026-12-20T01:30:00Z"],
                ["release", "2026-12-21T18:30:00Z"],
            ],
        );
        const [prescale, release] = actions;
        const hold = { minReplicas: prescale.minSize, maxReplicas: prescale.maxSize };
        assert.deepStrictEqual(timers, [
            { period: "* * *", beginDate: "2026-12-20", endDate: "2026-12-20", schedules: [{ atTime: "09:30", ...hold }] },
            { period: "* * *", beginDate: "2026-12-21", endDate: "2026-12-21", schedules: [{ atTime: "00:00", ...hold }] },
            { period: "* * *", beginDate: "2026-12-22", endDate: "2026-12-22", schedules: [{ atTime: "00:00", ...hold }, { atTime: "02:30", minReplicas: release.minSize, maxReplicas: release.maxSize }] },
        ]);
        assertFiresOnItsDayOnly(actions, timers);
    });

    it("a timer over the whole range (the old design) fails the simulation: the pre-scale would fire again on day 2", () => {
        const { actions, timers } = eventPlan({ name: "overnight", start: "2026-12-20T14:00:00Z", end: "2026-12-20T19:00:00Z" });
        const merged: SaeTimer = { period: "* * *", beginDate: timers[0].beginDate, endDate: timers[timers.length - 1].endDate, schedules: timers.flatMap((t) => t.schedules) };
        assert.throws(() => assertFiresOnItsDayOnly(actions, [merged]), assert.AssertionError);
    });

    it("each calendar day takes a rule of its own against SAE's 5 per application: a 3-day event after two 1-day events does not fit the 4 rules a daily peak leaves and is deferred", () => {
        const daily = { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" };
        const day = (name: string, start: string, end: string) => ({ name, start, end, peakOnline: 40000, timeZone: "Asia/Shanghai" });
        const spec = resolveSpec(
            rawConfig("growth", "alicloud", {
                compute: "serverless",
                peaks: [daily],
                events: [day("ev-a", "2026-12-01T02:00:00Z", "2026-12-01T04:00:00Z"), day("ev-b", "2026-12-02T02:00:00Z", "2026-12-02T04:00:00Z"), day("ev-c", "2026-12-05T02:00:00Z", "2026-12-07T04:00:00Z"), day("ev-d", "2026-12-10T02:00:00Z", "2026-12-10T04:00:00Z")],
            }),
            { now: NOW },
        );
        const limit = saeEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON);
        assert.strictEqual(limit.count, 2, "a and b take one rule each; c needs three of the two left");
        assert.deepStrictEqual(saeDeclaredEvents(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON).map((e) => e.name), ["ev-a", "ev-b"]);
        assert.deepStrictEqual(
            scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, limit).map((r) => [r.source, r.status]),
            [
                ["ev-a", "scheduled"],
                ["ev-b", "scheduled"],
                ["ev-c", "deferred"],
                ["ev-d", "deferred"],
                ["evening", "recurring"],
            ],
        );
        assert.match(limit.why, /4 left for events after the peaks' rules, one per calendar day \(GMT\+8\) an event touches/);
    });
});

describe("SAE overlapping events: one floor timeline, one rule per calendar day", () => {
    const shanghai = (name: string, start: string, end: string, peakOnline: number) => ({ name, start, end, peakOnline, timeZone: "Asia/Shanghai" });
    const DOUBLE_12 = shanghai("double-12", "2026-12-12T20:00:00+08:00", "2026-12-13T00:00:00+08:00", 40000);
    const OVERLAP_12 = shanghai("overlap-12", "2026-12-12T22:00:00+08:00", "2026-12-13T02:00:00+08:00", 80000);

    function plan(events: readonly unknown[], peaks: readonly unknown[] = []) {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", peaks: [...peaks], events: [...events] }), { now: NOW });
        const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0]).find((u) => u.service === "interaction");
        assert.ok(unit !== undefined);
        const declared = saeDeclaredEvents(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON);
        const actions = unitSchedule({ ...spec, events: declared }, spec.regions[0], unit, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON, null).oneOff;
        return { spec, unit, declared, actions, timers: saeEventTimers(actions, SAE_TIME_ZONE, eventWindowsFrom(spec, declared, NOW.getTime())) };
    }

    it("double-12 (20:00-24:00 +08:00, 40,000) and overlap-12 (22:00-02:00, 80,000): both declared, two day rules; the floor holds overlap-12's 20 instances until its release at 02:30, never 3 at 00:30", () => {
        const { spec, declared, actions, timers } = plan([DOUBLE_12, OVERLAP_12]);
        assert.deepStrictEqual(declared.map((e) => e.name), ["double-12", "overlap-12"]);
        assert.deepStrictEqual(
            timers.map((t) => [t.beginDate, t.endDate, t.schedules.map((s) => `${s.atTime} ${s.minReplicas}-${s.maxReplicas}`)]),
            [
                ["2026-12-12", "2026-12-12", ["19:30 10-40", "21:30 20-40"]],
                ["2026-12-13", "2026-12-13", ["00:00 20-40", "02:30 3-40"]],
            ],
        );
        assertFiresOnItsDayOnly(actions, timers);
        // Minute by minute from overlap-12's pre-scale to its release, the bounds the timers set hold its need.
        const fired = firings(timers);
        for (let t = Date.parse("2026-12-12T13:30:00Z"); t < Date.parse("2026-12-12T18:30:00Z"); t += 60_000) {
            const last = fired.filter((f) => f.at <= t).pop();
            assert.strictEqual(last?.minReplicas, 20, new Date(t).toISOString());
        }
        assert.deepStrictEqual(
            scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, saeEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON)).map((r) => r.status),
            ["scheduled", "scheduled"],
        );
    });

    it("three peak timers leave 2 rules: overlap-12 running to 12-14 needs a third day, more than the 2 left on its own: unschedulable, not deferred, and said so", () => {
        const peaks = [
            { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
            { name: "saturday", recurrence: "weekly", days: ["sat"], start: "09:00", end: "11:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
            { name: "sunday", recurrence: "weekly", days: ["sun"], start: "09:00", end: "11:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
        ];
        const long = { ...OVERLAP_12, end: "2026-12-14T02:00:00+08:00" };
        const { spec, declared } = plan([DOUBLE_12, long], peaks);
        const limit = saeEventLimit(spec, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON);
        assert.strictEqual(limit.count, 1);
        assert.deepStrictEqual(declared.map((e) => e.name), ["double-12"]);
        const report = scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, limit, (t) => saeEventLimit(spec, t, ALICLOUD_SCHEDULE_HORIZON));
        assert.deepStrictEqual(report[1], {
            source: "overlap-12",
            status: "unschedulable",
            detail:
                "not pre-scaled: it touches 3 calendar days (GMT+8) from now on, 3 rules, and 2 are left after the peaks' rules, so it cannot be declared, whatever the other events (SAE takes at most 5 scaling rules per application (CreateApplicationScalingRule), 2 left for events after the peaks' rules, one per calendar day (GMT+8) an event touches, shared by overlapping events and with the peaks' rule of a change date); the metric rules alone meet it: shorten it or split it into shorter events",
        });
        // Moved to the night of the 20th (two days, 4 with double-12's), it waits for double-12's release only: deferred, with the instant.
        const later = plan([DOUBLE_12, { ...OVERLAP_12, start: "2026-12-20T22:00:00+08:00", end: "2026-12-21T02:00:00+08:00" }], peaks).spec;
        const deferred = scheduleReport(later, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, saeEventLimit(later, NOW.getTime(), ALICLOUD_SCHEDULE_HORIZON), (t) => saeEventLimit(later, t, ALICLOUD_SCHEDULE_HORIZON))[1];
        assert.deepStrictEqual([deferred.status, deferred.detail.slice(0, 108)], ["deferred", "scheduled by a later pulumi up when earlier events have passed: a pulumi up on or after 2026-12-12T16:30:00Z"]);
    });
});

describe("SAE back-to-back events: an up in a release's retention keeps the next event's floor", () => {
    // e0's release (11:30Z) is e1's pre-scale: one step of the floor timeline, named after e0's
    // release, whose floor is e1's. Each up rewrites the day rules whole (saeUnitTimers).
    const B2B = [
        { name: "e0", start: "2026-12-12T10:00:00Z", end: "2026-12-12T11:00:00Z", peakOnline: 90000 },
        { name: "e1", start: "2026-12-12T12:00:00Z", end: "2026-12-12T13:00:00Z", peakOnline: 60000 },
        { name: "e2", start: "2026-12-12T14:00:00Z", end: "2026-12-12T15:00:00Z", peakOnline: 90000 },
    ];

    function timersAt(events: readonly { name: string; start: string; end: string; peakOnline: number }[], iso: string) {
        const now = Date.parse(iso);
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", events: [...events] }), { now: new Date(now) });
        const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0]).find((u) => u.service === "interaction");
        assert.ok(unit !== undefined);
        const timers = saeUnitTimers(spec, spec.regions[0], unit, now, ALICLOUD_SCHEDULE_HORIZON, unitDrain(spec, PROFILES.alicloud, unit)).events;
        return { spec, unit, timers, rule: timers.map((t) => [t.beginDate, t.schedules.map((s) => `${s.atTime} ${s.minReplicas}-${s.maxReplicas}`)]) };
    }

    /** The floor the events' timeline needs at each instant, from the actions of an up well before all of them (07:00Z). */
    function neededFloor(events: readonly { name: string; start: string; end: string; peakOnline: number }[]): (t: number) => number {
        const early = Date.parse("2026-12-12T07:00:00Z");
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute: "serverless", events: [...events] }), { now: new Date(early) });
        const unit = planServerlessUnits(spec.kubernetes.services, spec.regions[0]).find((u) => u.service === "interaction");
        assert.ok(unit !== undefined);
        const actions = unitSchedule(spec, spec.regions[0], unit, early, ALICLOUD_SCHEDULE_HORIZON, null).oneOff;
        return (t) => boundsAt(actions, t)?.minReplicas ?? unit.minInstances;
    }

    it("11:30Z to 11:55Z (e0's retention and after): every up writes the same rule, a 00:00 point holding e1's 16 instances, then e2's pre-scale at 21:30 and its release at 23:30", () => {
        const expected = [["2026-12-12", ["00:00 16-48", "21:30 24-48", "23:30 3-48"]]];
        for (const iso of ["2026-12-12T11:30:00Z", "2026-12-12T11:35:00Z", "2026-12-12T11:45:00Z", "2026-12-12T11:49:00Z", "2026-12-12T11:50:00Z", "2026-12-12T11:55:00Z"]) {
            assert.deepStrictEqual(timersAt(B2B, iso).rule, expected, iso);
        }
        // Before e0's release, the up during e0 holds e0's 24 from 00:00 and declares the release to e1's 16 at 19:30.
        assert.deepStrictEqual(timersAt(B2B, "2026-12-12T11:25:00Z").rule, [["2026-12-12", ["00:00 24-48", "19:30 16-48", "21:30 24-48", "23:30 3-48"]]]);
    });

    it("minute by minute from each up to e2's release, the floor the rewritten rules hold is at least the one the events need", () => {
        const b2bLong = [B2B[0], { ...B2B[1], end: "2026-12-12T17:00:00Z" }, { ...B2B[2], start: "2026-12-12T18:00:00Z", end: "2026-12-12T19:00:00Z" }];
        for (const events of [B2B, b2bLong]) {
            const end = Date.parse(events[2].end) + 30 * 60_000;
            const needed = neededFloor(events);
            for (const iso of ["2026-12-12T11:30:00Z", "2026-12-12T11:40:00Z", "2026-12-12T11:49:00Z", "2026-12-12T11:55:00Z"]) {
                const now = Date.parse(iso);
                const fired = firings(timersAt(events, iso).timers);
                for (let t = now; t < end; t += 60_000) {
                    const held = fired.filter((f) => f.at <= t).pop()?.minReplicas ?? 0;
                    assert.ok(held >= needed(t), `${events[1].end} up at ${iso}: ${held} held at ${new Date(t).toISOString()}, ${needed(t)} needed`);
                }
            }
        }
    });

    it("e1 running past midnight GMT+8 (to 17:00Z) with e2 after it: an up at 11:45Z keeps Dec 12 and Dec 13 from 00:00 at e1's 16 instances until e2's pre-scale at 01:30", () => {
        const events = [B2B[0], { ...B2B[1], end: "2026-12-12T17:00:00Z" }, { ...B2B[2], start: "2026-12-12T18:00:00Z", end: "2026-12-12T19:00:00Z" }];
        assert.deepStrictEqual(timersAt(events, "2026-12-12T11:45:00Z").rule, [
            ["2026-12-12", ["00:00 16-48"]],
            ["2026-12-13", ["00:00 16-48", "01:30 24-48", "03:30 3-48"]],
        ]);
    });

    it("a release to the minimum (no event after it): the retention asserts no point, and no day rule is left", () => {
        assert.deepStrictEqual(timersAt([B2B[0]], "2026-12-12T11:45:00Z").rule, []);
    });
});
