// Data residency: user data stored by region (the seed: 数据本地化, 用户数据按地域存储). A stack may
// name a residency boundary; the regions inside it hold the boundary's users' data (databases,
// caches, buckets, queues, and every replica of them), and no replica or replication of that data
// leaves it. A region of the stack outside the boundary is a separate partition: it keeps the data
// of its own users only, never a copy of the boundary's data (docs/GLOBAL.md, "Data residency").

import type { CloudProfile } from "./profile";
import { checkRegionId } from "./regions";
import { StackSpec } from "./types";

/** A named residency boundary, as users name it; each cloud lists its regions inside it (CloudProfile.residencyBoundaries). */
export interface NamedBoundary {
    readonly description: string;
}

/**
 * The named boundaries. Each cloud's profile lists the region ids inside each one, with their
 * sources (components/<cloud>/regions.ts); a region absent there is outside.
 * - `mainland-china`: the regions in the Chinese mainland. Hong Kong is outside the mainland: data
 *   sent there leaves the mainland (a cross-border transfer under the Personal Information
 *   Protection Law, art. 38-40).
 * - `us`: the commercial United States regions.
 */
export const RESIDENCY_BOUNDARIES = {
    "mainland-china": { description: "the Chinese mainland (Hong Kong, Macao and Taiwan are outside)" },
    us: { description: "the United States (commercial regions)" },
} as const satisfies Readonly<Record<string, NamedBoundary>>;

/** The name of a named residency boundary. */
export type BoundaryName = keyof typeof RESIDENCY_BOUNDARIES;

/** The regions of one cloud inside a named boundary, and where the list was read. */
export interface BoundaryRegions {
    readonly regions: readonly string[];
    readonly sources: readonly string[];
}

export const BOUNDARY_NAMES: readonly BoundaryName[] = ["mainland-china", "us"];

/** Whether `name` names a residency boundary. */
export function isBoundaryName(name: string): name is BoundaryName {
    return BOUNDARY_NAMES.some((n) => n === name);
}

/** A stack's residency: the boundary's name (or "regions" for an explicit list) and its regions. */
export interface ResidencySpec {
    /** A boundary's name (BOUNDARY_NAMES), or the listed region ids joined by "+" when the stack file lists them itself. */
    readonly boundary: string;
    /** Region ids inside the boundary, for the stack's cloud. */
    readonly regions: readonly string[];
}

/** The regions a boundary holds on a cloud (its profile's residencyBoundaries); undefined for an unknown name. */
export function boundaryRegions(name: string, profile: Pick<CloudProfile, "residencyBoundaries">): readonly string[] | undefined {
    return isBoundaryName(name) ? profile.residencyBoundaries[name].regions : undefined;
}

/** Where a stack region stands against the residency: inside the boundary, or a separate partition. */
export type ResidencyPlacement = "inside" | "separate";

/**
 * Placement of each region, in region order. Without a residency every region is inside (one
 * partition, as before). With one, a region in the boundary is `inside`; any other is `separate`.
 */
export function residencyPlacements(spec: Pick<StackSpec, "regions" | "residency">): ResidencyPlacement[] {
    const inside = spec.residency?.regions;
    return spec.regions.map((r) => (inside === undefined || inside.includes(r.name) ? "inside" : "separate"));
}

/** The stack's regions inside the residency boundary (all of them without a residency), in order. */
export function homeRegions(spec: Pick<StackSpec, "regions" | "residency">): string[] {
    const placements = residencyPlacements(spec);
    return spec.regions.filter((_, i) => placements[i] === "inside").map((r) => r.name);
}

/**
 * The residency problems of a resolved spec: a listed boundary region must be a region id of the
 * cloud's table (profile.regions, with a "did you mean"); the first region holds the boundary's
 * primary database, so it must be inside the boundary, and so must at least one region.
 */
export function residencyIssues(spec: Pick<StackSpec, "regions" | "residency">, profile: Pick<CloudProfile, "separateRegions" | "title" | "regions">): string[] {
    const r = spec.residency;
    const first = spec.regions[0];
    if (r === null || first === undefined) return [];
    const issues: string[] = !isBoundaryName(r.boundary) ? r.regions.flatMap((region, i) => checkRegionId(profile.regions, `residency.boundary[${i}]`, region)) : [];
    if (!r.regions.includes(first.name)) {
        issues.push(`residency.boundary: the first region ${first.name} holds the primary database and must be inside ${r.boundary} (${r.regions.join(", ")}) (got regions ${spec.regions.map((x) => x.name).join(", ")}); list a region of the boundary first`);
    }
    const outside = spec.regions.filter((x) => !r.regions.includes(x.name)).map((x) => x.name);
    if (!profile.separateRegions && outside.length > 0) {
        issues.push(`residency.boundary: regions ${outside.join(", ")} are outside ${r.boundary}; ${profile.title} stacks build no separate region: deploy them as a stack of their own (got ${r.boundary})`);
    }
    return issues;
}

/** The value of the `residency` tag every resource carries: the partition its region belongs to. */
export function residencyTag(spec: Pick<StackSpec, "regions" | "residency">, region: string): string | undefined {
    const r = spec.residency;
    if (r === null || !spec.regions.some((x) => x.name === region)) return undefined;
    return r.regions.includes(region) ? r.boundary : `separate:${region}`;
}

/**
 * The residency a stack declares, in its config's shape (`{boundary: <name> | [region ids]}`), as
 * the stack output `residency` carries it for the gate (`check --from` of an export or a plan reads
 * it like the stage). Undefined without a boundary.
 */
export function residencyOutput(residency: ResidencySpec | null): { readonly boundary: string | readonly string[] } | undefined {
    if (residency === null) return undefined;
    return { boundary: isBoundaryName(residency.boundary) ? residency.boundary : [...residency.regions] };
}
