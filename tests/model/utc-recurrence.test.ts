// Recurring peaks on a cloud that takes recurrences as a UTC cron with an end (Alibaba Cloud ESS:
// the app group and the transcoders): planned next to a daylight-saving change, the declared task
// must run at the peak's local time on every run from its launch to its end. The runs are
// simulated here from the cron text alone and read back in the peak's zone with Intl.

import * as assert from "assert";

import { RecurringAction, SAE_TIME_ZONE, SaeTimer, UtcRecurrence, occurrences, recurringActions, saeTimers, scheduleReport, utcRecurrence, utcRecurrences } from "../../components/model";
import { ALICLOUD_SCHEDULE_HORIZON } from "../../components/alicloud/profile";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { NOW, rawConfig } from "../helpers";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The growth preset's scaling settings: pre-scale 30 minutes ahead, release 30 minutes after. */
const SCALING = resolveSpec(rawConfig("growth", "alicloud"), { now: NOW }).scaling;
const BOUNDS = { minSize: 4, maxSize: 40, zones: 2 };

/** The instants a five-field UTC cron (`m h * * days`) runs at in [from, to], both included. */
function cronRuns(cron: string, from: number, to: number): number[] {
    const [m, h, dom, month, dow] = cron.split(" ");
    assert.strictEqual(`${dom} ${month}`, "* *", `only day-of-week crons are written: ${cron}`);
    const days = dow === "*" ? [0, 1, 2, 3, 4, 5, 6] : dow.split(",").map(Number);
    const runs: number[] = [];
    for (let day = Math.floor(from / DAY) * DAY; day <= to; day += DAY) {
        const t = day + Number(h) * 3_600_000 + Number(m) * MINUTE;
        if (t >= from && t <= to && days.includes(new Date(day).getUTCDay())) runs.push(t);
    }
    return runs;
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** Local wall time (minutes after midnight) and weekday (0 = Sunday) of an instant in a zone, read with Intl. */
function local(t: number, timeZone: string): { minute: number; weekday: number } {
    const format = formats.get(timeZone) ?? new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "numeric", minute: "numeric", weekday: "short" });
    formats.set(timeZone, format);
    const parts = format.formatToParts(new Date(t));
    const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? "";
    return { minute: Number(get("hour")) * 60 + Number(get("minute")), weekday: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"].indexOf(get("weekday")) };
}

function offsetAt(t: number, timeZone: string): string {
    return new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }).formatToParts(new Date(t)).find((p) => p.type === "timeZoneName")?.value ?? "";
}

const days = new Map<string, Intl.DateTimeFormat>();
/** The local calendar date of an instant in a zone, as a day number (days since 1970-01-01 of that date). */
function localDay(t: number, timeZone: string): number {
    const format = days.get(timeZone) ?? new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    days.set(timeZone, format);
    const parts = format.formatToParts(new Date(t));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? "0");
    return Date.UTC(get("year"), get("month") - 1, get("day")) / DAY;
}

/**
 * The declared tasks of an action, one per offset span (utcRecurrences): each launches after the
 * `pulumi up`, ends within 90 days and not before its launch, keeps one offset, and its first run
 * is its launch. Over all of them, every run is at the action's local time on one of its days and
 * none is missed from the first launch to the last end (two consecutive runs are as many local days
 * apart as the action's next day), across the daylight-saving changes between the spans.
 */
function assertRunsAtLocalTime(action: RecurringAction, now: number): UtcRecurrence[] {
    const spans = utcRecurrences(ALICLOUD_SCHEDULE_HORIZON, action, now);
    assert.deepStrictEqual(spans[0], utcRecurrence(ALICLOUD_SCHEDULE_HORIZON, action, now), "the first span is the next run's");
    const runs: number[] = [];
    for (const r of spans) {
        const launch = Date.parse(r.launchAt);
        const end = Date.parse(r.endAt);
        assert.ok(launch > now, `${r.launchAt} after the pulumi up at ${new Date(now).toISOString()}`);
        assert.ok(end >= launch, `RecurrenceEndTime ${r.endAt} not before LaunchTime ${r.launchAt}`);
        assert.ok(end <= now + ALICLOUD_SCHEDULE_HORIZON.days * DAY, `${r.endAt} within 90 days`);
        assert.strictEqual(offsetAt(launch, action.timeZone), offsetAt(end, action.timeZone), `one offset from ${r.launchAt} to ${r.endAt}`);
        const mine = cronRuns(r.cron, launch, end);
        assert.strictEqual(mine[0], launch, `${r.cron} first runs at the launch ${r.launchAt}`);
        runs.push(...mine);
    }
    for (const t of runs) {
        const l = local(t, action.timeZone);
        assert.strictEqual(l.minute, action.minuteOfDay, `${new Date(t).toISOString()} at local ${action.minuteOfDay} min (${action.timeZone})`);
        assert.ok(action.days.includes(l.weekday), `${new Date(t).toISOString()} on a local day of ${JSON.stringify(action.days)}`);
    }
    for (let i = 1; i < runs.length; i++) {
        const from = local(runs[i - 1], action.timeZone).weekday;
        const ahead = [1, 2, 3, 4, 5, 6, 7].find((n) => action.days.includes((from + n) % 7));
        assert.strictEqual(localDay(runs[i], action.timeZone) - localDay(runs[i - 1], action.timeZone), ahead, `no run missed between ${new Date(runs[i - 1]).toISOString()} and ${new Date(runs[i]).toISOString()}`);
    }
    return spans;
}

function peakActions(timeZone: string, days: readonly ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[] = [], hours: { readonly start: string; readonly end: string } = { start: "19:00", end: "23:00" }): { prescale: RecurringAction; release: RecurringAction } {
    const [prescale, release] = recurringActions(
        { scaling: SCALING },
        days.length === 0
            ? { name: "evening", recurrence: "daily", days: [], ...hours, peakOnline: 40000, streams: 1, timeZone }
            : { name: "evening", recurrence: "weekly", days: [...days], ...hours, peakOnline: 40000, streams: 1, timeZone },
        12,
        BOUNDS,
    );
    return { prescale, release };
}

describe("ESS recurring tasks across a daylight-saving change: one task per offset span, from the next run", () => {
    it("Europe/London planned at 2027-03-27T19:00Z (BST from 2027-03-28T01:00Z): the pre-scale is the BST cron from its first BST run to the horizon; the release's last GMT run ends before the change and a second task carries its BST runs", () => {
        const now = Date.parse("2027-03-27T19:00:00Z");
        const { prescale, release } = peakActions("Europe/London");
        assert.deepStrictEqual(assertRunsAtLocalTime(prescale, now), [{ cron: "30 17 * * *", launchAt: "2027-03-28T17:30:00Z", endAt: "2027-06-24T00:00:00Z" }]);
        assert.deepStrictEqual(assertRunsAtLocalTime(release, now), [
            { cron: "30 23 * * *", launchAt: "2027-03-27T23:30:00Z", endAt: "2027-03-28T00:59:00Z" },
            { cron: "30 22 * * *", launchAt: "2027-03-28T22:30:00Z", endAt: "2027-06-24T00:00:00Z" },
        ]);
    });

    it("Australia/Lord_Howe planned at 2027-04-03T12:00Z (+11 to +10:30 at 2027-04-03T15:00Z): the pre-scale takes the half-hour offset's cron", () => {
        const now = Date.parse("2027-04-03T12:00:00Z");
        const { prescale, release } = peakActions("Australia/Lord_Howe");
        assert.deepStrictEqual(assertRunsAtLocalTime(prescale, now), [{ cron: "0 8 * * *", launchAt: "2027-04-04T08:00:00Z", endAt: "2027-07-01T00:00:00Z" }]);
        assert.deepStrictEqual(assertRunsAtLocalTime(release, now), [
            { cron: "30 12 * * *", launchAt: "2027-04-03T12:30:00Z", endAt: "2027-04-03T14:59:00Z" },
            { cron: "0 13 * * *", launchAt: "2027-04-04T13:00:00Z", endAt: "2027-07-01T00:00:00Z" },
        ]);
    });

    it("Pacific/Chatham weekly on Sunday planned at 2027-04-03T12:00Z (+13:45 to +12:45 on 2027-04-03T14:00Z): the days shift with the offset", () => {
        const now = Date.parse("2027-04-03T12:00:00Z");
        const { prescale, release } = peakActions("Pacific/Chatham", ["sun"]);
        assert.deepStrictEqual(assertRunsAtLocalTime(prescale, now), [{ cron: "45 5 * * 0", launchAt: "2027-04-04T05:45:00Z", endAt: "2027-07-01T00:00:00Z" }]);
        assert.deepStrictEqual(assertRunsAtLocalTime(release, now), [{ cron: "45 10 * * 0", launchAt: "2027-04-04T10:45:00Z", endAt: "2027-07-01T00:00:00Z" }]);
    });

    it("every 12 hours over the week around each 2027 change of London, New York, Sydney, Lord Howe and Chatham: each declared task runs at the local time", function () {
        this.timeout(60_000);
        const zones = ["Europe/London", "America/New_York", "Australia/Sydney", "Australia/Lord_Howe", "Pacific/Chatham"];
        const changes: Record<string, string[]> = {
            "Europe/London": ["2027-03-28T01:00:00Z", "2027-10-31T01:00:00Z"],
            "America/New_York": ["2027-03-14T07:00:00Z", "2027-11-07T06:00:00Z"],
            "Australia/Sydney": ["2027-04-03T16:00:00Z", "2027-10-02T16:00:00Z"],
            "Australia/Lord_Howe": ["2027-04-03T15:00:00Z", "2027-10-02T15:30:00Z"],
            "Pacific/Chatham": ["2027-04-03T14:00:00Z", "2027-09-25T14:00:00Z"],
        };
        for (const zone of zones) {
            for (const change of changes[zone]) {
                assert.notStrictEqual(offsetAt(Date.parse(change) - MINUTE, zone), offsetAt(Date.parse(change), zone), `${zone} changes at ${change}`);
                for (let now = Date.parse(change) - 3 * DAY; now <= Date.parse(change) + 3 * DAY; now += 12 * 3_600_000) {
                    for (const a of [...Object.values(peakActions(zone)), ...Object.values(peakActions(zone, ["sat", "sun"]))]) assertRunsAtLocalTime(a, now);
                }
            }
        }
    });
});

describe("the schedule report words each tier's horizon on Alibaba Cloud", () => {
    const peaks = [
        // 40 streams need 10 transcoders: the transcoders' ESS group is lifted too.
        { name: "evening", recurrence: "daily", start: "19:00", end: "23:00", peakOnline: 40000, streams: 40, timeZone: "Europe/London" },
        { name: "saturday", recurrence: "weekly", days: ["sat"], start: "09:00", end: "11:00", peakOnline: 40000, timeZone: "Asia/Shanghai" },
    ];
    const far = { name: "far", start: "2027-04-20T20:00:00+08:00", end: "2027-04-20T22:00:00+08:00", peakOnline: 40000 };
    const report = (compute: "vm" | "serverless") => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { compute, peaks, events: [far] }), { now: NOW });
        const p = PROFILES.alicloud;
        return scheduleReport(spec, NOW.getTime(), p.scheduleHorizon, p.eventLimit(spec, NOW.getTime()), (t) => p.eventLimit(spec, t), p.horizonText(spec, NOW.getTime())).map((r) => r.detail);
    };

    it("compute vm: the ESS tasks of the tiers each peak lifts (the transcoders for 40 streams only), to the horizon a day short (2027-02-19)", () => {
        assert.deepStrictEqual(report("vm"), [
            "scheduled when within 90 days (Alibaba Cloud ESS accepts scheduled tasks up to 90 days ahead): a pulumi up on or after 2027-01-20T11:30:00Z declares it",
            "19:00-23:00 Europe/London every day; ESS tasks (app group, transcoders) declared until 2027-02-19T00:00:00Z, each pulumi up extends it",
            "09:00-11:00 Asia/Shanghai on sat; ESS tasks (app group) declared until 2027-02-19T00:00:00Z, each pulumi up extends it",
        ]);
    });

    it("compute serverless: SAE timers dated to the London change after the horizon (2027-03-28) or long-term in Shanghai; the far event's wait names the SAE rules, not ESS alone", () => {
        assert.deepStrictEqual(report("serverless"), [
            "scheduled when within 90 days (Alibaba Cloud ESS accepts the transcoders' scheduled tasks up to 90 days ahead; the SAE rules' dated timers are planned over the same span): a pulumi up on or after 2027-01-20T11:30:00Z declares it",
            "19:00-23:00 Europe/London every day; ESS tasks (transcoders) declared until 2027-02-19T00:00:00Z, SAE timers dated until 2027-03-28 (GMT+8), each pulumi up extends it",
            "09:00-11:00 Asia/Shanghai on sat; SAE timers long-term (no end date)",
        ]);
    });
});

describe("SAE timers (fixed GMT+8) across a daylight-saving change: one dated timer per offset", () => {
    /** Instants (UTC ms) a daily SAE timer fires in [from, to): each point on each GMT+8 date from beginDate to endDate. */
    function saeFirings(timers: readonly SaeTimer[], from: number, to: number): { at: number; minReplicas: number }[] {
        const out: { at: number; minReplicas: number }[] = [];
        const names = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
        for (const t of timers) {
            // SAE periods: "* * *" every day, "* * Mon,Sat" the listed days (GMT+8).
            const listed = /^\* \* ([A-Za-z,]+)$/.exec(t.period)?.[1].split(",");
            assert.ok(t.period === "* * *" || listed !== undefined, t.period);
            // From the GMT+8 midnight two days before `from` (the dates before cannot fire in [from, to)).
            const first = Math.max(Date.parse(`${t.beginDate ?? "2000-01-01"}T00:00:00+08:00`), Math.floor((from - 2 * DAY + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000);
            const last = Math.min(Date.parse(`${t.endDate ?? "2100-01-01"}T00:00:00+08:00`), to);
            for (let day = first; day <= last; day += DAY) {
                if (listed !== undefined && !listed.includes(names[new Date(day + 8 * 3_600_000).getUTCDay()])) continue;
                for (const s of t.schedules) {
                    const [h, m] = s.atTime.split(":").map(Number);
                    const at = day + (h * 60 + m) * MINUTE;
                    if (at >= from && at < to) out.push({ at, minReplicas: s.minReplicas });
                }
            }
        }
        return out.sort((a, b) => a.at - b.at);
    }

    for (const [zone, planned] of [
        ["Europe/London", "2027-03-27T19:00:00Z"],
        ["Australia/Lord_Howe", "2027-04-03T12:00:00Z"],
    ] as const) {
        it(`${zone} planned at ${planned}: over 30 days every firing is at local 18:30 (floor 12) or 23:30 (floor 4), one each a day, none missed`, () => {
            const now = Date.parse(planned);
            const { prescale, release } = peakActions(zone);
            const fired = saeFirings(saeTimers([prescale, release], SAE_TIME_ZONE, now, ALICLOUD_SCHEDULE_HORIZON), now, now + 30 * DAY);
            for (const f of fired) {
                const l = local(f.at, zone);
                assert.deepStrictEqual([l.minute, f.minReplicas], l.minute === prescale.minuteOfDay ? [prescale.minuteOfDay, 12] : [release.minuteOfDay, 4], new Date(f.at).toISOString());
            }
            assert.strictEqual(fired.filter((f) => f.minReplicas === 12).length, 30, "one pre-scale a day");
            assert.strictEqual(fired.filter((f) => f.minReplicas === 4).length, 30, "one release a day");
        });
    }

    // A day peak ending after 16:00 in London is released after midnight in Shanghai: the GMT+8
    // date of the change holds the last release at the old offset and the first pre-scale at the
    // new one, and gets a rule of its own (neither span's rule may run there).
    const dayPeak = { start: "11:00", end: "16:34" };
    for (const [zone, planned, hours, rules] of [
        ["Europe/London", "2027-03-20T09:00:00Z", dayPeak, 3],
        ["Europe/London", "2027-03-27T16:30:00Z", dayPeak, 3],
        ["Europe/London", "2027-03-28T12:00:00Z", dayPeak, 3],
        ["Europe/London", "2027-10-01T00:00:00Z", dayPeak, 3],
        ["Europe/London", "2027-03-20T09:00:00Z", { start: "19:00", end: "23:00" }, 2],
        ["America/New_York", "2027-03-01T00:00:00Z", { start: "10:00", end: "12:30" }, 3],
        ["Australia/Lord_Howe", "2027-03-20T00:00:00Z", { start: "20:00", end: "23:45" }, 2],
    ] as const) {
        it(`${zone} ${hours.start}-${hours.end} planned at ${planned}: over 40 days the rules fire exactly the peak's pre-scales and releases (${rules} rules)`, () => {
            const now = Date.parse(planned);
            const { prescale, release } = peakActions(zone, [], hours);
            const timers = saeTimers([prescale, release], SAE_TIME_ZONE, now, ALICLOUD_SCHEDULE_HORIZON);
            const to = now + 40 * DAY;
            const expected = [...occurrences(prescale, now, to).map((at) => ({ at, minReplicas: 12 })), ...occurrences(release, now, to).map((at) => ({ at, minReplicas: 4 }))].sort((a, b) => a.at - b.at);
            const iso = (f: { at: number; minReplicas: number }): string => `${new Date(f.at).toISOString()} ${f.minReplicas}`;
            assert.deepStrictEqual(saeFirings(timers, now, to).map(iso), expected.map(iso));
            assert.strictEqual(timers.length, rules);
        });
    }

    // A wall time in a spring-forward gap runs later by the gap on the change date only: the span's
    // rule keeps the regular time (from a run two days after the change), the change date its own.
    for (const [zone, days, hours, planned] of [
        ["Europe/London", [], { start: "01:30", end: "04:00" }, "2027-03-11T00:00:00Z"],
        ["Europe/London", [], { start: "01:30", end: "04:00" }, "2027-03-27T12:00:00Z"],
        ["Europe/London", [], { start: "22:00", end: "01:00" }, "2027-03-27T17:00:00Z"],
        ["America/New_York", ["sun"], { start: "02:30", end: "05:00" }, "2027-02-20T00:00:00Z"],
        ["Australia/Lord_Howe", [], { start: "02:30", end: "04:00" }, "2027-09-20T00:00:00Z"],
        ["Pacific/Chatham", [], { start: "03:15", end: "05:00" }, "2027-09-15T00:00:00Z"],
    ] as const) {
        it(`${zone} ${hours.start}-${hours.end}${days.length === 0 ? "" : ` on ${days.join(",")}`} (a run in the spring-forward gap), planned at ${planned}: over 60 days the rules fire exactly the peak's runs`, () => {
            const now = Date.parse(planned);
            const { prescale, release } = peakActions(zone, days, hours);
            const to = now + 60 * DAY;
            const expected = [...occurrences(prescale, now, to).map((at) => ({ at, minReplicas: 12 })), ...occurrences(release, now, to).map((at) => ({ at, minReplicas: 4 }))].sort((a, b) => a.at - b.at);
            const iso = (f: { at: number; minReplicas: number }): string => `${new Date(f.at).toISOString()} ${f.minReplicas}`;
            assert.deepStrictEqual(saeFirings(saeTimers([prescale, release], SAE_TIME_ZONE, now, ALICLOUD_SCHEDULE_HORIZON), now, to).map(iso), expected.map(iso));
        });
    }

    // An up on a change date after the change: the rules keep that date's earlier points, so the
    // last one before now (SAE puts it in force at once) is the peak's own.
    for (const [zone, hours, planned] of [
        ["Europe/London", { start: "00:30", end: "02:30" }, "2027-10-31T01:30:00Z"],
        ["Europe/London", { start: "00:30", end: "02:30" }, "2027-03-28T01:30:00Z"],
        ["America/New_York", { start: "02:15", end: "03:30" }, "2027-11-07T06:20:00Z"],
    ] as const) {
        it(`${zone} ${hours.start}-${hours.end} planned at ${planned}, after that date's change: the last point before now is the peak's last run`, () => {
            const now = Date.parse(planned);
            const { prescale, release } = peakActions(zone, [], hours);
            const today = Date.parse(`${new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)}T00:00:00+08:00`);
            const runs = [...occurrences(prescale, today, now + 1).map((at) => ({ at, minReplicas: 12 })), ...occurrences(release, today, now + 1).map((at) => ({ at, minReplicas: 4 }))].sort((a, b) => a.at - b.at);
            const fired = saeFirings(saeTimers([prescale, release], SAE_TIME_ZONE, now, ALICLOUD_SCHEDULE_HORIZON), today, now + 1);
            assert.ok(runs.length > 0, "the peak ran earlier that date");
            assert.deepStrictEqual(fired.at(-1), runs.at(-1));
        });
    }

    // Peaks in zones with other offset changes (or none) keep their own rules: a Shanghai peak's
    // points run every day, a London peak's only at its offset's dates, whatever the other zone does.
    const allRuns = (actions: readonly RecurringAction[], from: number, to: number) =>
        actions.flatMap((a, i) => occurrences(a, from, to).map((at) => ({ at, minReplicas: i % 2 === 0 ? 12 : 4 }))).sort((a, b) => a.at - b.at || a.minReplicas - b.minReplicas);
    const WEEK: readonly ("sun" | "mon" | "tue" | "wed" | "thu" | "fri" | "sat")[] = [];
    for (const [label, peaks, planned] of [
        ["Shanghai 09:00-11:00 and London 11:00-14:00, daily", [["Asia/Shanghai", WEEK, { start: "09:00", end: "11:00" }], ["Europe/London", WEEK, { start: "11:00", end: "14:00" }]], "2027-03-01T09:00:00Z"],
        ["London 11:00-14:00 and New York 20:00-22:00, daily", [["Europe/London", WEEK, { start: "11:00", end: "14:00" }], ["America/New_York", WEEK, { start: "20:00", end: "22:00" }]], "2027-03-01T09:00:00Z"],
        ["Los Angeles Sunday 18:00-21:00 and Sydney Monday 18:00-19:00", [["America/Los_Angeles", ["sun"], { start: "18:00", end: "21:00" }], ["Australia/Sydney", ["mon"], { start: "18:00", end: "19:00" }]], "2027-03-01T09:00:00Z"],
    ] as const) {
        it(`${label}, planned at ${planned}: over 60 days the rules fire exactly each peak's runs`, () => {
            const now = Date.parse(planned);
            const actions = peaks.flatMap(([zone, days, hours]) => {
                const { prescale, release } = peakActions(zone, days, hours);
                return [prescale, release];
            });
            const to = now + 60 * DAY;
            const iso = (f: { at: number; minReplicas: number }): string => `${new Date(f.at).toISOString()} ${f.minReplicas}`;
            const fired = saeFirings(saeTimers(actions, SAE_TIME_ZONE, now, ALICLOUD_SCHEDULE_HORIZON), now, to).sort((a, b) => a.at - b.at || a.minReplicas - b.minReplicas);
            assert.deepStrictEqual(fired.map(iso), allRuns(actions, now, to).map(iso));
        });
    }
});
