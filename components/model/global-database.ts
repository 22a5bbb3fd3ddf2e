// The global database of a multi-region stack: which region writes, which replicate, and which
// keep their own data apart (regions outside the residency boundary).

import { residencyPlacements } from "./residency";
import { StackSpec } from "./types";

/**
 * - `standalone`: the region's own database, no global database (one region, or none configured);
 * - `primary` / `secondary`: the writer and the storage-level replicas of the global database;
 * - `separate`: a region outside the residency boundary: its own database for its own users, never
 *   a replica of the boundary's (components/model/residency.ts).
 */
export type GlobalDatabaseRole = "standalone" | "primary" | "secondary" | "separate";

/**
 * Role of each region's database, in region order. With `database.globalDatabase` (mature) and two
 * regions or more inside the residency boundary (every region without a residency), the first
 * region's cluster takes every write and the other regions inside are storage-level replicas
 * (PolarDB global database network, Aurora global database) that serve reads locally and forward
 * writes; on the loss of the primary region an operator promotes a secondary (docs/GLOBAL.md).
 * Regions outside the boundary are `separate`. The first region is inside (residencyIssues).
 */
export function globalDatabaseRoles(spec: Pick<StackSpec, "database" | "regions" | "residency">): GlobalDatabaseRole[] {
    const placements = residencyPlacements(spec);
    const global = spec.database.globalDatabase && placements.filter((p) => p === "inside").length > 1;
    let primary = false;
    return placements.map((p): GlobalDatabaseRole => {
        if (p === "separate") return "separate";
        if (!global) return "standalone";
        if (primary) return "secondary";
        primary = true;
        return "primary";
    });
}

/**
 * Logical name suffix of a region's database cluster. A `separate` region's cluster has its own
 * name: an existing stack whose region held a global database secondary there must not see the
 * secondary turned into the separate cluster by an in-place update (PolarDB `gdn_id` and
 * `creation_option`, Aurora `global_cluster_identifier` are not replace-on-change: the update would
 * leave, or promote, a full copy of the boundary's data outside it). With its own name the change
 * preview shows the secondary's delete, which docs/UPGRADING.md's residency migration covers.
 */
export function databaseNameSuffix(spec: Pick<StackSpec, "regions" | "residency">, region: string): string {
    const i = spec.regions.findIndex((r) => r.name === region);
    return residencyPlacements(spec)[i] === "separate" ? "-partition" : "";
}
