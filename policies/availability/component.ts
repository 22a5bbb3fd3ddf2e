// One component's figure and a tier's components in series: the unit both the stack estimate and
// the per-flow estimates multiply. Pure.

import { FIGURES } from "./figures";
import { fromPercent, serial } from "./math";
import { Tier } from "./tiers";

/** Figure overrides in percent by figure key (the pack config's `figures`). */
export type FigureOverrides = Readonly<Record<string, number>>;

export interface ComponentEstimate {
    readonly urn: string;
    readonly figure: string;
    /** Percent, or null when no figure is known. */
    readonly percent: number | null;
    readonly source: string;
    readonly confidence: string;
}

export interface TierEstimate {
    /** The tier, or `cdn` for a CDN entry (on the viewer flow only). */
    readonly tier: Tier | "cdn";
    readonly percent: number | null;
    readonly components: readonly ComponentEstimate[];
}


/** The figure of `figure` for the resource `urn`: the pack config's override, else the published one, else none (null). */
export function componentOf(urn: string, figure: string, overrides: FigureOverrides): ComponentEstimate {
    const override = overrides[figure];
    const known = FIGURES[figure];
    if (override !== undefined) return { urn, figure, percent: override, source: "pack config override", confidence: "override" };
    if (known !== undefined) return { urn, figure, percent: known.percent, source: `${known.source} (${known.date})`, confidence: known.confidence };
    return { urn, figure, percent: null, source: "no published figure", confidence: "none" };
}

/**
 * A tier's components in series; components without a figure are left out (the result is then an
 * upper bound), and a tier with no figure at all has no value (shown as "?", never as 100%).
 */
export function tierOf(tier: Tier | "cdn", components: readonly ComponentEstimate[]): TierEstimate {
    const known = components.flatMap((c) => (c.percent === null ? [] : [fromPercent(c.percent)]));
    return { tier, components, percent: known.length === 0 ? null : serial(known) * 100 };
}

/** Known tier values in series (tiers without any figure are left out: an upper bound). */
export function knownSerial(tiers: readonly TierEstimate[]): number {
    return serial(tiers.flatMap((t) => (t.percent === null ? [] : [fromPercent(t.percent)])));
}
