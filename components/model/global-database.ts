// The global database of a multi-region stack: which region writes, which replicate.

import { StackSpec } from "./types";

export type GlobalDatabaseRole = "standalone" | "primary" | "secondary";

/**
 * Role of each region's database, in region order. With `database.globalDatabase` (mature) the
 * first region's cluster takes every write and the others are storage-level replicas (PolarDB
 * global database network, Aurora global database) that serve reads locally and forward writes;
 * on the loss of the primary region an operator promotes a secondary (docs/GLOBAL.md).
 */
export function globalDatabaseRoles(spec: Pick<StackSpec, "database" | "regions">): GlobalDatabaseRole[] {
    const global = spec.database.globalDatabase && spec.regions.length > 1;
    return spec.regions.map((_, i) => (!global ? "standalone" : i === 0 ? "primary" : "secondary"));
}
