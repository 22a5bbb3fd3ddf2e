// The limits on what recurring peaks declare (SAE scaling rules per application, ESS scheduled
// tasks per account and region) depend on the date: a daylight-saving change within the schedule
// horizon splits a peak's rules or tasks in two. They are checked over a whole year ahead, so a
// stack file valid today stays valid without an edit.

import { DAY_MS, MINUTE_MS, nextOffsetChange } from "./timezone";

/** How far ahead the peaks' limits are checked, days: a year, one whole cycle of every zone's daylight-saving rules. */
export const PEAK_LIMIT_LOOKAHEAD_DAYS = 366;

/** Days after a change enters the horizon within which the span after it is declared: a week to its first run of a weekly peak, a day of ESS's short end (horizonLimit), a day to spare. */
export const PEAK_LIMIT_ENTRY_DAYS = 9;

/** Why a peaks' limit is named with a later date (peakLimitWorst), for the errors' text. */
export const PEAK_LIMIT_WHY = `when a daylight-saving change comes within the schedule horizon; the next ${PEAK_LIMIT_LOOKAHEAD_DAYS} days are checked now, so a stack valid today stays valid`;

/**
 * The instants (epoch ms) at which what a `pulumi up` declares for recurring peaks in `zones` can
 * change over PEAK_LIMIT_LOOKAHEAD_DAYS after `now`: `now`, and for each UTC-offset change of a
 * zone (nextOffsetChange) the days after it enters the `horizonDays` horizon (from then on the span
 * after it is declared too, once its first run is within the horizon: up to a week later for a
 * weekly peak, and ESS ends its tasks a day short, horizonLimit: PEAK_LIMIT_ENTRY_DAYS days are
 * looked at) and the minute after it (its first span ends). In order, from `now`.
 */
export function peakLimitInstants(zones: readonly string[], now: number, horizonDays: number): number[] {
    const until = now + (PEAK_LIMIT_LOOKAHEAD_DAYS + horizonDays) * DAY_MS;
    const changes = [...new Set(zones)].flatMap((zone) => {
        const found: number[] = [];
        for (let c = nextOffsetChange(now, until, zone); c !== null; c = nextOffsetChange(c, until, zone)) found.push(c);
        return found;
    });
    const last = now + PEAK_LIMIT_LOOKAHEAD_DAYS * DAY_MS;
    const entries = Array.from({ length: PEAK_LIMIT_ENTRY_DAYS + 1 }, (_, k) => k * DAY_MS + MINUTE_MS);
    const instants = changes.flatMap((c) => [...entries.map((d) => c - horizonDays * DAY_MS + d), c + MINUTE_MS]).filter((t) => t > now && t <= last);
    return [now, ...[...new Set(instants)].sort((a, b) => a - b)];
}

/**
 * The largest `count` (what the peaks declare at an instant, e.g. saePeakTimers' length) over
 * peakLimitInstants, and the first instant it is reached (epoch ms).
 */
export function peakLimitWorst(zones: readonly string[], now: number, horizonDays: number, count: (at: number) => number): { readonly value: number; readonly at: number } {
    let worst = { value: -Infinity, at: now };
    for (const at of peakLimitInstants(zones, now, horizonDays)) {
        const value = count(at);
        if (value > worst.value) worst = { value, at };
    }
    return worst;
}
