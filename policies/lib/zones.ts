// Pure checks of zone spread shared by autoscaling groups, node pools and clusters.

/** Findings of a group spread over `zones` distinct zones (zone, subnet or vSwitch ids) with `minSize` instances. */
export function spreadFindings(kind: string, zones: number, minSize: number | undefined, minZones: number): string[] {
    const out: string[] = [];
    if (zones < minZones) {
        out.push(`${kind} spans ${zones} zone(s)/subnet(s); at least ${minZones} are required so one zone can fail.`);
    }
    if (minSize !== undefined && zones > 0 && minSize < zones) {
        out.push(`${kind} keeps a minimum of ${minSize} instance(s) over ${zones} zone(s)/subnet(s); the minimum must be >= the zone count so every zone runs capacity.`);
    }
    return out;
}

/** Seconds to detect a dead target: interval x unhealthy threshold. */
export function detectionSeconds(intervalSeconds: number, unhealthyThreshold: number): number {
    return intervalSeconds * unhealthyThreshold;
}
