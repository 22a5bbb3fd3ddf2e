// Pure facts about database editions shared by the database rules and the availability model.

/** Alibaba Cloud RDS categories with a standby (primary/standby or more nodes). */
export const RDS_HA_CATEGORIES: readonly string[] = ["HighAvailability", "AlwaysOn", "cluster", "Finance", "serverless_ha"];

/** Alibaba Cloud RDS categories whose replication commits on a quorum (RPO 0). */
export const RDS_RPO_ZERO_CATEGORIES: readonly string[] = ["cluster", "Finance"];

/** PolarDB hot standby values that keep a standby storage copy in another zone. */
export const POLARDB_STANDBY_ON: readonly string[] = ["ON", "EQUAL"];

export function isAurora(engine: string | undefined): boolean {
    return engine !== undefined && engine.startsWith("aurora");
}

/** A second zone id that is set, not empty and differs from the primary zone (compared without surrounding spaces: `"cn-hangzhou-h "` is the same zone). */
export function hasDistinctZone(primary: string | undefined, secondary: string | undefined): boolean {
    const second = secondary?.trim();
    return second !== undefined && second !== "" && second !== primary?.trim();
}

/**
 * The zone a PolarDB cluster's hot standby storage sits in when it is the primary's own: `standbyAz`
 * ("the availability zone where the hot standby cluster is stored, takes effect when
 * hotStandbyCluster is ON or EQUAL", @pulumi/alicloud 3.108.0 polardb/cluster.d.ts) equal to
 * `zoneId` (compared without surrounding spaces). Undefined when it is unset (the cloud's choice),
 * unknown, or another zone.
 */
export function polardbStandbyInPrimaryZone(zoneId: unknown, standbyAz: unknown): string | undefined {
    if (typeof zoneId !== "string" || typeof standbyAz !== "string") return undefined;
    const primary = zoneId.trim();
    return primary !== "" && primary === standbyAz.trim() ? primary : undefined;
}
