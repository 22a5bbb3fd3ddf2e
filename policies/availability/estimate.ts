// The availability estimate of a stack: tiers in series per region, regions in parallel behind
// the global entry, plus the failover-time budget per in-region tier. Pure.

import { FAILOVER, FIGURES } from "./figures";
import { floorPercent, fromPercent, monthlyDowntimeMinutes, parallel, serial } from "./math";
import { Node, Placement, REQUIRED_TIERS, TIERS, Tier, place } from "./tiers";

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

export interface ComponentEstimate {
    readonly urn: string;
    readonly figure: string;
    /** Percent, or null when no figure is known. */
    readonly percent: number | null;
    readonly source: string;
    readonly confidence: string;
}

export interface TierEstimate {
    readonly tier: Tier;
    readonly percent: number | null;
    readonly components: readonly ComponentEstimate[];
}

export interface RegionEstimate {
    readonly region: string;
    readonly percent: number | null;
    readonly tiers: readonly TierEstimate[];
}

export interface FailoverCheck {
    readonly urn: string;
    readonly region: string;
    readonly tier: Tier;
    readonly seconds: number | null;
    readonly source: string;
}

export interface Estimate {
    /** `estimated`: every component has a figure; `incomplete`: figures or tiers missing; `no-request-path`: nothing to estimate yet. */
    readonly status: "estimated" | "incomplete" | "no-request-path";
    readonly targetPercent: number;
    readonly percent: number | null;
    readonly monthlyDowntimeMinutes: number | null;
    readonly entry: TierEstimate | null;
    readonly regions: readonly RegionEstimate[];
    /** Regions combined in parallel (needs health-checked global steering). */
    readonly regionsInParallel: boolean;
    readonly failover: readonly FailoverCheck[];
    /** Why the estimate is incomplete or below target. */
    readonly findings: readonly Finding[];
    /** Failover checks over the budget or without a known time. */
    readonly failoverFindings: readonly Finding[];
}

interface Placed {
    readonly node: Node;
    readonly placement: Placement;
}

function componentOf(p: Placed, config: EstimateConfig): ComponentEstimate {
    const override = config.figures[p.placement.figure];
    const figure = FIGURES[p.placement.figure];
    if (override !== undefined) return { urn: p.node.urn, figure: p.placement.figure, percent: override, source: "pack config override", confidence: "override" };
    if (figure !== undefined) return { urn: p.node.urn, figure: p.placement.figure, percent: figure.percent, source: `${figure.source} (${figure.date})`, confidence: figure.confidence };
    return { urn: p.node.urn, figure: p.placement.figure, percent: null, source: "no published figure", confidence: "none" };
}

function tierOf(tier: Tier, placed: readonly Placed[], config: EstimateConfig): TierEstimate {
    const components = placed.map((p) => componentOf(p, config));
    const known = components.every((c) => c.percent !== null);
    return { tier, components, percent: known ? serial(components.map((c) => fromPercent(c.percent ?? 0))) * 100 : null };
}

function failoverOf(p: Placed, config: EstimateConfig): FailoverCheck {
    const f = p.placement.failover;
    const base = { urn: p.node.urn, region: p.node.region ?? "global", tier: p.placement.tier };
    if (typeof f === "number") return { ...base, seconds: f, source: "health check interval x unhealthy threshold" };
    if (f === undefined) return { ...base, seconds: null, source: "no failover (single node)" };
    const override = config.failoverSeconds[f];
    if (override !== undefined) return { ...base, seconds: override, source: `${f}: pack config override` };
    const known = FAILOVER[f];
    return known !== undefined ? { ...base, seconds: known.seconds, source: `${f}: ${known.component}, ${known.note} (${known.source})` } : { ...base, seconds: null, source: `${f}: no published failover time` };
}

/** Findings of the failover checks against the budget. */
export function failoverFindings(checks: readonly FailoverCheck[], budget: number): Finding[] {
    return checks.flatMap((c): Finding[] => {
        if (c.seconds === null) return [{ urn: c.urn, message: `${c.tier} tier in ${c.region}: unknown failover time (${c.source}); set failoverSeconds in the pack config once measured.` }];
        if (c.seconds > budget) return [{ urn: c.urn, message: `${c.tier} tier in ${c.region}: failover takes ${c.seconds} s (${c.source}), over the ${budget} s budget.` }];
        return [];
    });
}

/** Health-checked global steering: DNS records with a health check and a routing policy, or GTM with a monitor. */
export function hasGlobalSteering(nodes: readonly Node[]): boolean {
    const route53 = nodes.some((n) => n.type === "aws:route53/record:Record" && typeof n.props.healthCheckId === "string" && ["failoverRoutingPolicies", "latencyRoutingPolicies", "geolocationRoutingPolicies", "weightedRoutingPolicies", "geoproximityRoutingPolicy"].some((k) => n.props[k] !== undefined));
    const gtm = nodes.some((n) => n.type === "alicloud:dns/gtmInstance:GtmInstance") && nodes.some((n) => n.type === "alicloud:dns/monitorConfig:MonitorConfig");
    return route53 || gtm;
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
    const base = { targetPercent: config.targetPercent, failover: [], failoverFindings: [], regionsInParallel: false };
    if (regional.length === 0) {
        return { ...base, status: findings.length > 0 ? "incomplete" : "no-request-path", percent: null, monthlyDowntimeMinutes: null, entry: null, regions: [], findings };
    }
    const regions = [...groupBy(regional, (p) => p.node.region ?? "unknown-region").entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([region, items]): RegionEstimate => {
        const byTier = groupBy(items, (p) => p.placement.tier);
        for (const t of REQUIRED_TIERS) if (!byTier.has(t)) findings.push({ message: `region ${region} has no ${t} tier: the estimate cannot assume it never fails.` });
        const tiers = TIERS.filter((t) => byTier.has(t)).map((t) => tierOf(t, byTier.get(t) ?? [], config));
        const complete = tiers.every((t) => t.percent !== null) && REQUIRED_TIERS.every((t) => byTier.has(t));
        return { region, tiers, percent: complete ? serial(tiers.map((t) => fromPercent(t.percent ?? 0))) * 100 : null };
    });
    for (const r of regions) for (const t of r.tiers) for (const c of t.components) if (c.percent === null) findings.push({ urn: c.urn, message: `no availability figure for ${c.figure} (${t.tier} tier, ${r.region}); add one under figures in the pack config.` });
    const entry = entryPlaced.length > 0 ? tierOf("entry", entryPlaced, config) : null;
    for (const c of entry?.components ?? []) if (c.percent === null) findings.push({ urn: c.urn, message: `no availability figure for ${c.figure} (entry tier); add one under figures in the pack config.` });
    const steering = hasGlobalSteering(nodes);
    if (regions.length > 1 && !steering) findings.push({ message: `${regions.length} regions but no health-checked global steering: regions are not counted as redundant.` });
    const known = regions.every((r) => r.percent !== null) && (entry === null || entry.percent !== null);
    const regionValues = regions.map((r) => fromPercent(r.percent ?? 0));
    const combined = steering ? parallel(regionValues) : Math.min(...regionValues);
    const a = known ? serial([combined, fromPercent(entry?.percent ?? 100)]) : null;
    const failover = regional.filter((p) => p.placement.tier !== "loadBalancer").map((p) => failoverOf(p, config));
    return {
        targetPercent: config.targetPercent,
        status: known && findings.length === 0 ? "estimated" : "incomplete",
        percent: a === null ? null : floorPercent(a, 5),
        monthlyDowntimeMinutes: a === null ? null : Math.round(monthlyDowntimeMinutes(a) * 100) / 100,
        entry,
        regions,
        regionsInParallel: steering && regions.length > 1,
        failover,
        findings,
        failoverFindings: failoverFindings(failover, config.failoverBudgetSeconds),
    };
}

/** Findings that fail the availability target: incomplete estimate or below target. */
export function targetFindings(e: Estimate): Finding[] {
    if (e.status === "no-request-path") return [];
    const below = e.percent !== null && e.percent < e.targetPercent ? [{ message: `estimated availability ${e.percent}% (${e.monthlyDowntimeMinutes} min/month) is below the ${e.targetPercent}% target.` }] : [];
    return [...e.findings, ...below];
}
