// The shape of a cloud's table of regions and zones (components/alicloud/regions.ts,
// components/aws/regions.ts) and the pure checks of a configured region and zone against it.

import { mayQuote, show } from "./errors";

/** One region of a cloud: its zone ids as far as a cited source lists them. */
export interface RegionEntry {
    /** The region's name in the cloud's documentation, e.g. "China (Hangzhou)". */
    readonly title: string;
    /**
     * The zone ids of the region (e.g. `cn-hangzhou-h`, `us-east-1a`); undefined where no cited
     * source lists them, and then only the zone id's form is checked (see `zoneForm`).
     */
    readonly zones?: readonly string[];
}

export interface RegionTable {
    /** Where the region ids come from (documentation page or API). */
    readonly regionsSource: string;
    /** Where the zone ids come from. */
    readonly zonesSource: string;
    readonly regions: Readonly<Record<string, RegionEntry>>;
    /** The zone id form of a region: the region followed by this separator and one letter. */
    readonly zoneSeparator: (region: string) => "" | "-";
    /** Services the blueprint declares in every region of the stack that only some regions offer. */
    readonly regionalServices: readonly RegionalService[];
}

/** A service offered in some regions only, with the source of that list. */
export interface RegionalService {
    /** The service's name, e.g. "Amazon IVS low-latency streaming". */
    readonly name: string;
    /** What the blueprint uses it for, e.g. "the region's live video channel". */
    readonly usedFor: string;
    readonly regions: readonly string[];
    readonly source: string;
}

/** Edit distance (insertions, deletions, substitutions) between two strings. */
export function editDistance(a: string, b: string): number {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}

/**
 * The names closest to `value` (smallest edit distance, at most 3 of them, in table order), for
 * "did you mean" hints; none when even the closest is more than half the value's length away.
 */
export function nearestNames(value: string, names: readonly string[], max = 3): string[] {
    const scored = names.map((name) => ({ name, d: editDistance(value, name) }));
    const best = Math.min(...scored.map((s) => s.d));
    if (!Number.isFinite(best) || best > Math.max(1, Math.floor(value.length / 4))) return [];
    return scored.filter((s) => s.d === best).slice(0, max).map((s) => s.name);
}

/** A configured region name as the errors about its zones name it: as given where an error may quote it (errors.ts, mayQuote), else "the region given". */
export function regionWord(name: string): string {
    return mayQuote(name) ? name : "the region given";
}

function didYouMean(value: string, names: readonly string[]): string {
    const near = nearestNames(value, names);
    return near.length === 0 ? "" : `; did you mean ${near.join(" or ")}?`;
}

/**
 * Errors of a configured region id against the cloud's table: none when the table lists it.
 * `field` names the config field (e.g. `regions[0].name`).
 */
export function checkRegionId(table: RegionTable, field: string, region: string): string[] {
    if (Object.hasOwn(table.regions, region)) return [];
    return [`${field}: unknown region ${show(region)}${didYouMean(region, Object.keys(table.regions))} (allowed: ${Object.keys(table.regions).join(", ")}; source: ${table.regionsSource})`];
}

/**
 * Errors of a region the table lists whose regional services (the table's `regionalServices`) are
 * not offered there: `pulumi up` would fail creating them.
 */
export function checkRegionServices(table: RegionTable, field: string, region: string): string[] {
    if (!Object.hasOwn(table.regions, region)) return [];
    return table.regionalServices
        .filter((s) => !s.regions.includes(region))
        .map((s) => `${field}: ${s.name} (${s.usedFor}) is not offered in ${region} (allowed: ${s.regions.join(", ")}; source: ${s.source})`);
}

/** Whether `zone` has the form of a zone id of `region`: the region, the table's separator, one letter. */
export function zoneForm(table: RegionTable, region: string, zone: string): boolean {
    const prefix = `${region}${table.zoneSeparator(region)}`;
    return zone.startsWith(prefix) && /^[a-z]$/.test(zone.slice(prefix.length));
}

/**
 * Errors of a configured zone id of a region the table lists: a zone the table lists for that
 * region, or, where the table lists none for it, a zone id of the region's form. A region the table
 * does not list is reported by checkRegionId alone.
 */
export function checkZoneId(table: RegionTable, field: string, region: string, zone: string): string[] {
    if (!Object.hasOwn(table.regions, region)) return [];
    const zones = table.regions[region].zones;
    if (zones === undefined) {
        if (zoneForm(table, region, zone)) return [];
        const example = `${region}${table.zoneSeparator(region)}a`;
        return [`${field}: zone ${show(zone)} is not a zone id of ${region} (allowed: ${region}${table.zoneSeparator(region)} followed by one letter, e.g. ${example})`];
    }
    if (zones.includes(zone)) return [];
    return [`${field}: zone ${show(zone)} is not a zone of ${region}${didYouMean(zone, zones)} (allowed: ${zones.join(", ")}; source: ${table.zonesSource})`];
}
