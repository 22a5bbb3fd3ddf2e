// Availability arithmetic: pure, table-tested (tests/policies/availability-math.test.ts).

export const MINUTES_PER_MONTH = 30 * 24 * 60;

/** All parts needed: A = prod(A_i). An empty list is not "100%": callers must not estimate nothing. */
export function serial(parts: readonly number[]): number {
    return parts.reduce((a, b) => a * b, 1);
}

/** Any part suffices: A = 1 - prod(1 - A_i). */
export function parallel(parts: readonly number[]): number {
    return 1 - parts.reduce((a, b) => a * (1 - b), 1);
}

export function fromPercent(percent: number): number {
    return percent / 100;
}

export function toPercent(a: number): number {
    return a * 100;
}

/** Expected downtime in minutes per 30-day month. */
export function monthlyDowntimeMinutes(a: number): number {
    return (1 - a) * MINUTES_PER_MONTH;
}

/** Rounds for display without ever rounding a miss up to the target (floor at `digits`). */
export function floorPercent(a: number, digits = 4): number {
    const f = 10 ** digits;
    return Math.floor(toPercent(a) * f + 1e-7) / f;
}
