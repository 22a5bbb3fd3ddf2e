// Calendar arithmetic the schedules need: strict ISO 8601 instants, local wall times in IANA time
// zones, weekdays. Pure; the zone database is the runtime's (Intl, ICU).

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
export const MINUTES_PER_DAY = 24 * 60;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

/** Days in a month of the proleptic Gregorian calendar (month 1-12). */
export function daysInMonth(year: number, month: number): number {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Parses an ISO 8601 instant with an offset (`2026-12-12T12:00:00Z`, `2026-12-12T20:00+08:00`)
 * strictly: month 1-12, a day that exists in that month (no 30 February), hours 0-23, minutes and
 * seconds 0-59, offsets up to 14:00, years 2000-9999. Returns epoch milliseconds, or null for any
 * other text. (`Date.parse` rolls 2099-02-30 over to 2 March, so it cannot be the judge.)
 */
export function parseInstant(text: string): number | null {
    const m = INSTANT.exec(text);
    if (m === null) return null;
    const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
    const second = m[6] === undefined ? 0 : Number(m[6]);
    const millis = m[7] === undefined ? 0 : Number(m[7].padEnd(3, "0"));
    if (year < 2000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    let offset = 0;
    if (m[8] !== undefined) {
        const oh = Number(m[9]);
        const om = Number(m[10]);
        if (oh > 14 || om > 59) return null;
        offset = (m[8] === "-" ? -1 : 1) * (oh * 60 + om);
    }
    return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offset * MINUTE_MS;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of a local wall time `HH:MM` (00:00-23:59), or null. */
export function parseLocalTime(text: string): number | null {
    const m = LOCAL_TIME.exec(text);
    return m === null ? null : Number(m[1]) * 60 + Number(m[2]);
}

/** Whether the runtime's zone database knows `timeZone` (an IANA name such as Asia/Shanghai). */
export function isTimeZone(timeZone: string): boolean {
    try {
        new Intl.DateTimeFormat("en-US", { timeZone });
        return true;
    } catch {
        return false;
    }
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
    let f = formatters.get(timeZone);
    if (f === undefined) {
        f = new Intl.DateTimeFormat("en-US", {
            timeZone,
            hourCycle: "h23",
            year: "numeric",
            month: "numeric",
            day: "numeric",
            hour: "numeric",
            minute: "numeric",
            second: "numeric",
        });
        formatters.set(timeZone, f);
    }
    return f;
}

export interface LocalDateTime {
    readonly year: number;
    readonly month: number;
    readonly day: number;
    readonly hour: number;
    readonly minute: number;
    readonly second: number;
}

/** The wall-clock date and time of an instant in a zone. */
export function localDateTime(ms: number, timeZone: string): LocalDateTime {
    const parts = formatter(timeZone).formatToParts(new Date(ms));
    const get = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? "0");
    return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute"), second: get("second") };
}

/** Offset of a zone from UTC at an instant, in minutes (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
    const l = localDateTime(ms, timeZone);
    const wall = Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);
    return Math.round((wall - Math.floor(ms / 1000) * 1000) / MINUTE_MS);
}

/**
 * The instant a local wall time occurs in a zone: `minuteOfDay` minutes after midnight of the
 * local date year-month-day (day may overflow the month; it is normalised). In a gap of a
 * daylight-saving change the instant moves forward by the gap, as the zone's clocks do.
 */
export function zonedToUtc(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
    const key = `${timeZone} ${year} ${month} ${day} ${minuteOfDay}`;
    const known = instants.get(key);
    if (known !== undefined) return known;
    const found = searchInstant(year, month, day, minuteOfDay, timeZone);
    if (instants.size >= INSTANTS_KEPT) instants.clear();
    instants.set(key, found);
    return found;
}

/**
 * Answers of zonedToUtc by zone and local time: a schedule's occurrences are computed again for
 * each check, report and resource that reads them. Cleared at INSTANTS_KEPT entries.
 */
const instants = new Map<string, number>();
const INSTANTS_KEPT = 100_000;

/** zonedToUtc without the memo: two guesses of the zone's offset. */
function searchInstant(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
    const wall = Date.UTC(year, month - 1, day, 0, minuteOfDay);
    const first = wall - zoneOffsetMinutes(wall, timeZone) * MINUTE_MS;
    const second = wall - zoneOffsetMinutes(first, timeZone) * MINUTE_MS;
    const l = localDateTime(second, timeZone);
    // In a gap the second guess lands before it (wrong wall time): the first lies after the gap.
    return l.hour * 60 + l.minute === ((minuteOfDay % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY ? second : Math.max(first, second);
}

/** Day of the week of a local date, 0 = Sunday ... 6 = Saturday (the numbering of cron). */
export function weekday(year: number, month: number, day: number): number {
    return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The offset changes of a zone by UTC year (offsetChangesOfYear): a search steps a day at a time
 * through the year once, and every question of nextOffsetChange (offsetSpans, for every scheduled
 * tier and instant a plan looks at) is answered from the years' lists. A zone's years are few
 * (about 1.5 per plan; the yearly worst case looks at three), so the memo stays small.
 */
const yearChanges = new Map<string, readonly number[]>();

/**
 * The instants (epoch ms, to the minute) at which a zone's UTC offset changes in (1 January of
 * `year`, 1 January of `year` + 1], UTC: the offset is compared a day apart, then the change is
 * halved to the minute (two changes within one day would be seen as neither; no zone in the tz
 * database changes so).
 */
export function offsetChangesOfYear(timeZone: string, year: number): readonly number[] {
    const key = `${timeZone} ${year}`;
    const known = yearChanges.get(key);
    if (known !== undefined) return known;
    const end = Date.UTC(year + 1, 0, 1);
    const found: number[] = [];
    let lo = Date.UTC(year, 0, 1);
    let base = zoneOffsetMinutes(lo, timeZone);
    while (lo < end) {
        const at = Math.min(lo + DAY_MS, end);
        const offset = zoneOffsetMinutes(at, timeZone);
        if (offset !== base) {
            let low = lo;
            let hi = at;
            while (hi - low > MINUTE_MS) {
                const mid = low + Math.floor((hi - low) / 2 / MINUTE_MS) * MINUTE_MS;
                if (zoneOffsetMinutes(mid, timeZone) === base) low = mid;
                else hi = mid;
            }
            found.push(hi);
            base = offset;
        }
        lo = at;
    }
    yearChanges.set(key, found);
    return found;
}

/**
 * The first instant after `from` and at or before `until` at which the zone's UTC offset changes
 * (a daylight-saving change), to the minute; null when none (offsetChangesOfYear).
 */
export function nextOffsetChange(from: number, until: number, timeZone: string): number | null {
    for (let year = new Date(from).getUTCFullYear(); year <= new Date(until).getUTCFullYear(); year++) {
        const change = offsetChangesOfYear(timeZone, year).find((c) => c > from && c <= until);
        if (change !== undefined) return change;
    }
    return null;
}

/** Formats an instant as YYYY-MM-DDThh:mm:00Z (clouds schedule at minute precision). */
export function utcMinute(ms: number): string {
    return new Date(Math.floor(ms / MINUTE_MS) * MINUTE_MS).toISOString().replace(/\.\d{3}Z$/, "Z");
}
