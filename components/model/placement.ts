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

/**
 * Zones that hold the message queue's brokers: the region's first two, at every stage. Broker
 * zones cannot change in place on either cloud (ApsaraMQ for Kafka `vswitchIds` and MSK
 * `brokerNodeGroupInfo.clientSubnets` are replace-on-change, policies/conformance/replace-on-change.ts),
 * so a stage that adds a third zone must not move the brokers: the queue grows by partitions and
 * brokers instead. Two zones is the fewest both services spread over (MSK: 2 or 3 Availability
 * Zones; ApsaraMQ for Kafka multi-zone deployment: two vSwitches in different zones). Fewer zones
 * than two are returned as they are (validation rejects a queue there).
 */
export const QUEUE_ZONE_COUNT = 2;

export function queueZones(region: RegionSpec): string[] {
    return region.zones.slice(0, QUEUE_ZONE_COUNT);
}
