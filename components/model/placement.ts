// Where stateful primaries, standbys and replicas go within a region's zones.

import { RegionSpec } from "./types";

export interface PrimaryStandby {
    readonly primaryZone: string;
    /** Zone of the synchronous standby; null when the region has a single zone. */
    readonly standbyZone: string | null;
}

/** Primary in the first zone, standby in the second: every failover crosses a zone boundary. */
export function primaryStandby(region: RegionSpec): PrimaryStandby {
    return { primaryZone: region.zones[0], standbyZone: region.zones.length > 1 ? region.zones[1] : null };
}

/**
 * Zones of `count` read replicas, round-robin starting after the primary's zone, so replicas sit
 * away from the primary first.
 */
export function replicaZones(region: RegionSpec, count: number): string[] {
    const n = region.zones.length;
    return Array.from({ length: count }, (_, i) => region.zones[(i + 1) % n]);
}
