// The availability estimate of a stack: tiers in series per region, regions in parallel behind
// the global entry, plus the failover-time budget per in-region tier. Pure.

import { FAILOVER } from "./figures";
import { floorPercent, fromPercent, monthlyDowntimeMinutes, parallel, serial } from "./math";
import { TierEstimate, componentOf, knownSerial, tierOf } from "./component";

export type { ComponentEstimate, TierEstimate } from "./component";
import { Node, Placement, REQUIRED_TIERS, TIERS, Tier, place } from "./tiers";
import { dataGroups, steeredRegions } from "./global";
import { FlowEstimate, flowEstimates } from "./flows";

export interface EstimateConfig {
    /** Target in percent (99.99). */
    readonly targetPercent: number;
    /** Failover budget per in-region tier in seconds (30). */
    readonly failoverBudgetSeconds: number;
    /** Figure overrides in percent, by figure key. */
    readonly figures: Readonly<Record<string, number>>;
    /** Failover overrides in seconds, by failover key. */
    readonly failoverSeconds: Readonly<Record<string, number>>;
    /** Extra resource types to treat as off the request path. */
    readonly offPathTypes: readonly string[];
}

export const DEFAULT_ESTIMATE_CONFIG: EstimateConfig = { targetPercent: 99.99, failoverBudgetSeconds: 30, figures: {}, failoverSeconds: {}, offPathTypes: [] };

export interface Finding {
    readonly urn?: string;
    readonly message: string;
}

export interface RegionGroup {
    readonly regions: readonly string[];
    readonly inParallel: boolean;
    /** Why a group of several regions is not counted in parallel. */
    readonly why?: string;
}

export interface RegionEstimate {
    readonly region: string;
    readonly percent: number | null;
    readonly tiers: readonly TierEstimate[];
}

/**
 * within / over: the switch time is known and inside / outside the budget (no standby at all is
 * "over"); borderline: the published range straddles the budget; unknown: nothing published.
 */
export type FailoverStatus = "within" | "over" | "borderline" | "unknown";

export interface FailoverCheck {
    readonly urn: string;
    readonly region: string;
    readonly tier: Tier;
    readonly seconds: number | null;
    readonly status: FailoverStatus;
    readonly source: string;
}

export interface Estimate {
    /**
     * `estimated`: every component has a figure; `upper-bound`: some component has no published
     * figure, so the value multiplies only the known ones and can only be lower in fact;
     * `incomplete`: a tier or a resource type is missing from the model (no value);
     * `no-request-path`: nothing to estimate yet.
     */
    readonly status: "estimated" | "upper-bound" | "incomplete" | "no-request-path";
    readonly targetPercent: number;
    readonly percent: number | null;
    readonly monthlyDowntimeMinutes: number | null;
    readonly entry: TierEstimate | null;
    readonly regions: readonly RegionEstimate[];
    /** Some regions combined in parallel (needs health-checked global steering). */
    readonly regionsInParallel: boolean;
    /**
     * Regions that can take over each other's users: those a global database spans hold the same
     * data; the others hold their own. A group counts in parallel only when every region in it has
     * a steering health check; the estimate is that of the weakest group.
     */
    readonly regionGroups: readonly RegionGroup[];
    readonly failover: readonly FailoverCheck[];
    /** Why the estimate is incomplete: unknown resource types, missing tiers, regions without steering. */
    readonly findings: readonly Finding[];
    /** Components without a published figure: the estimate is an upper bound until they are measured. */
    readonly unverified: readonly Finding[];
    /** Failover checks over the budget. */
    readonly failoverFindings: readonly Finding[];
    /** Failover checks whose published time straddles the budget or is not published. */
    readonly failoverUnverified: readonly Finding[];
    /** Each request flow's estimate, following its hops (flows.ts). */
    readonly flows: readonly FlowEstimate[];
}

interface Placed {
    readonly node: Node;
    readonly placement: Placement;
}

function failoverOf(p: Placed, config: EstimateConfig): FailoverCheck {
    const f = p.placement.failover;
    const budget = config.failoverBudgetSeconds;
    const base = { urn: p.node.urn, region: p.node.region ?? "global", tier: p.placement.tier };
    const measured = (seconds: number, source: string): FailoverCheck => ({ ...base, seconds, status: seconds <= budget ? "within" : "over", source });
    if (typeof f === "number") return measured(f, "health check interval x unhealthy threshold");
    if (f === undefined) return { ...base, seconds: null, status: "over", source: "no standby: a single node has no automatic failover" };
    const override = config.failoverSeconds[f];
    if (override !== undefined) return measured(override, `${f}: pack config override`);
    const known = FAILOVER[f];
    if (known === undefined) return { ...base, seconds: null, status: "unknown", source: `${f}: no published failover time` };
    const status: FailoverStatus = known.meetsBudget === "yes" && known.seconds <= budget ? "within" : known.meetsBudget === "no" ? "over" : "borderline";
    return { ...base, seconds: known.seconds, status, source: `${f}: ${known.component}, ${known.note} (${known.source})` };
}

/** Failover checks over the budget: mandatory findings. */
export function failoverFindings(checks: readonly FailoverCheck[], budget: number): Finding[] {
    return checks
        .filter((c) => c.status === "over")
        .map((c) => ({
            urn: c.urn,
            message:
                c.seconds === null
                    ? `${c.tier} tier in ${c.region}: ${c.source}, so it cannot fail over within the ${budget} s budget.`
                    : `${c.tier} tier in ${c.region}: failover takes ${c.seconds} s (${c.source}), over the ${budget} s budget.`,
        }));
}

/** Failover checks that published figures cannot settle: borderline ranges and unpublished times. */
export function failoverUnverified(checks: readonly FailoverCheck[], budget: number): Finding[] {
    return checks.flatMap((c): Finding[] => {
        if (c.status === "borderline") return [{ urn: c.urn, message: `${c.tier} tier in ${c.region}: published failover ${c.source} straddles the ${budget} s budget; measure it and record failoverSeconds in the pack config.` }];
        if (c.status === "unknown") return [{ urn: c.urn, message: `${c.tier} tier in ${c.region}: unknown failover time (${c.source}); measure it and record failoverSeconds in the pack config.` }];
        return [];
    });
}

/** A tier of placed resources: each resource with its placement's figure. */
function placedTier(tier: Tier, placed: readonly Placed[], config: EstimateConfig): TierEstimate {
    return tierOf(tier, placed.map((p) => componentOf(p.node.urn, p.placement.figure, config.figures)));
}

/** Health-checked global steering: DNS records with a health check and a routing policy, or GTM with a monitor. */
export function hasGlobalSteering(nodes: readonly Node[]): boolean {
    const route53 = nodes.some((n) => n.type === "aws:route53/record:Record" && typeof n.props.healthCheckId === "string" && ["failoverRoutingPolicies", "latencyRoutingPolicies", "geolocationRoutingPolicies", "weightedRoutingPolicies", "geoproximityRoutingPolicy"].some((k) => n.props[k] !== undefined));
    const gtm = nodes.some((n) => n.type === "alicloud:dns/gtmInstance:GtmInstance") && nodes.some((n) => n.type === "alicloud:dns/monitorConfig:MonitorConfig");
    return route53 || gtm;
}

/** Regions in parallel when redundant (any one serves), else the weakest one counts. */
export function combineRegions(values: readonly number[], redundant: boolean): number {
    return redundant ? parallel(values) : Math.min(...values);
}

export interface RegionRedundancy {
    /** Groups of regions that hold the same data (dataGroups). */
    readonly groups: readonly (readonly string[])[];
    /** Whether every region of a group has a steering health check (so DNS moves its users away). */
    readonly redundant: (group: readonly string[]) => boolean;
    /** The regions of a group without a steering health check, in words. */
    readonly why: (group: readonly string[]) => string;
}

/**
 * Which regions can stand in for each other: regions holding the same data (a global database
 * spans them) whose steering entries are health-checked. A region without a health check keeps
 * receiving its users when it fails; a region outside the global database cannot serve another's.
 */
export function regionRedundancy(nodes: readonly Node[], regions: readonly string[]): RegionRedundancy {
    const steered = steeredRegions(nodes);
    const groups = dataGroups(nodes, regions);
    const unsteered = (g: readonly string[]) => g.filter((r) => !steered.includes(r));
    return {
        groups,
        redundant: (g) => g.length > 1 && unsteered(g).length === 0,
        why: (g) => `no steering health check for ${unsteered(g).join(", ")}`,
    };
}

function groupBy<T, K>(items: readonly T[], key: (t: T) => K): Map<K, T[]> {
    const out = new Map<K, T[]>();
    for (const i of items) out.set(key(i), [...(out.get(key(i)) ?? []), i]);
    return out;
}

export function estimate(nodes: readonly Node[], config: EstimateConfig = DEFAULT_ESTIMATE_CONFIG): Estimate {
    const findings: Finding[] = [];
    const placed: Placed[] = [];
    for (const node of nodes) {
        if (config.offPathTypes.includes(node.type)) continue;
        const p = place(node, nodes);
        if (p === "unknown") findings.push({ urn: node.urn, message: `${node.type} is not in the availability model; classify it (policies/availability/tiers.ts) or list it in offPathTypes.` });
        else if (p !== "supporting" && p !== "off-path") placed.push({ node, placement: p });
    }
    const entryPlaced = placed.filter((p) => p.placement.tier === "entry");
    const regional = placed.filter((p) => p.placement.tier !== "entry");
    const base = { targetPercent: config.targetPercent, failover: [], failoverFindings: [], failoverUnverified: [], unverified: [], regionsInParallel: false, regionGroups: [], flows: [] };
    if (regional.length === 0) {
        return { ...base, status: findings.length > 0 ? "incomplete" : "no-request-path", percent: null, monthlyDowntimeMinutes: null, entry: null, regions: [], findings };
    }
    const regions = [...groupBy(regional, (p) => p.node.region ?? "unknown-region").entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([region, items]): RegionEstimate => {
        const byTier = groupBy(items, (p) => p.placement.tier);
        for (const t of REQUIRED_TIERS) if (!byTier.has(t)) findings.push({ message: `region ${region} has no ${t} tier: the estimate cannot assume it never fails.` });
        const tiers = TIERS.filter((t) => byTier.has(t)).map((t) => placedTier(t, byTier.get(t) ?? [], config));
        const complete = REQUIRED_TIERS.every((t) => byTier.has(t));
        return { region, tiers, percent: complete ? knownSerial(tiers) * 100 : null };
    });
    const unverified: Finding[] = [];
    for (const r of regions) for (const t of r.tiers) for (const c of t.components) if (c.percent === null) unverified.push({ urn: c.urn, message: `no published availability figure for ${c.figure} (${t.tier} tier, ${r.region}): the estimate is an upper bound; record a measured figure under figures in the pack config.` });
    const entry = entryPlaced.length > 0 ? placedTier("entry", entryPlaced, config) : null;
    for (const c of entry?.components ?? []) if (c.percent === null) unverified.push({ urn: c.urn, message: `no published availability figure for ${c.figure} (entry tier): the estimate is an upper bound; record a measured figure under figures in the pack config.` });
    const steering = hasGlobalSteering(nodes);
    if (regions.length > 1 && !steering) findings.push({ message: `${regions.length} regions but no health-checked global steering: regions are not counted as redundant.` });
    const known = regions.every((r) => r.percent !== null);
    const redundancy = regionRedundancy(nodes, regions.map((r) => r.region));
    const valueOf = (region: string): number => fromPercent(regions.find((r) => r.region === region)?.percent ?? 0);
    // The stack's figure is that of its weakest multi-region partition; a region kept apart as a
    // partition of its own (data residency) is reported in regionGroups and in the per-flow figures.
    const shared = redundancy.groups.filter((g) => g.length > 1);
    const judged = shared.length > 0 ? shared : redundancy.groups;
    const combined = Math.min(...judged.map((g) => combineRegions(g.map(valueOf), steering && redundancy.redundant(g))));
    const a = known ? serial([combined, entry === null ? 1 : knownSerial([entry])]) : null;
    const failover = regional.filter((p) => p.placement.tier !== "loadBalancer").map((p) => failoverOf(p, config));
    return {
        targetPercent: config.targetPercent,
        status: !known || findings.length > 0 ? "incomplete" : unverified.length > 0 ? "upper-bound" : "estimated",
        percent: a === null ? null : floorPercent(a, 5),
        monthlyDowntimeMinutes: a === null ? null : Math.round(monthlyDowntimeMinutes(a) * 100) / 100,
        entry,
        regions,
        regionsInParallel: steering && redundancy.groups.some((g) => g.length > 1 && redundancy.redundant(g)),
        regionGroups: redundancy.groups.map((g) => ({ regions: g, inParallel: steering && g.length > 1 && redundancy.redundant(g), ...(g.length > 1 && !redundancy.redundant(g) ? { why: redundancy.why(g) } : {}) })),
        failover,
        findings,
        unverified,
        failoverFindings: failoverFindings(failover, config.failoverBudgetSeconds),
        failoverUnverified: failoverUnverified(failover, config.failoverBudgetSeconds),
        flows: flowEstimates({
            nodes,
            regions,
            steering: entry,
            steers: steering,
            groups: redundancy.groups,
            steered: redundancy.redundant,
            targetPercent: config.targetPercent,
            figures: config.figures,
            failoverSeconds: config.failoverSeconds,
        }),
    };
}

/** Findings that fail the availability target: incomplete estimate or below target. */
export function targetFindings(e: Estimate): Finding[] {
    if (e.percent === null || e.percent >= e.targetPercent) return [];
    const what = e.status === "upper-bound" ? "at most" : "estimated";
    return [{ message: `${what} ${e.percent}% availability (${e.monthlyDowntimeMinutes} min/month of downtime) is below the ${e.targetPercent}% target.` }];
}
