// The availability of each request flow, following the flow's hops (components/model/flows.ts,
// walked by policies/flows) instead of one tier list: the entry a viewer takes (the CDN for the
// viewer flow, DNS steering for the others where the stack steers), the tiers the flow crosses in
// a region, the regions that can stand in for each other, and for an order the database writer,
// which lives in the primary region of a global database. Pure.

import { FLOWS, FlowKey, REGION_FAILOVER_BUDGET_SECONDS } from "../../components/model";
import { ComponentEstimate, TierEstimate, componentOf, knownSerial, tierOf } from "./component";
import { PROMOTION } from "./figures";
import { cdnOrigins, globalDatabases } from "./global";
import { floorPercent, fromPercent, monthlyDowntimeMinutes, parallel, serial } from "./math";
import { Node, Tier } from "./tiers";
import { ALICLOUD_PROFILE } from "../../components/alicloud/profile";
import { AWS_PROFILE } from "../../components/aws/profile";

/** The request flows (the others are not on the transactional path: video, scaling, alarms). */
export type RequestFlowKey = Extract<FlowKey, "viewer" | "interaction" | "order" | "hot-products">;

export interface FlowPath {
    /**
     * `cdn`: the flow enters through the CDN (the viewer flow: pages and reads); `steering`: through
     * the DNS steering of `api.<domain>` where the stack steers (mature), else through the CDN, as
     * the flow walk does (policies/flows: a region without steering records is entered by the CDN),
     * except a long-lived flow where the CDN does not carry WebSocket (entersByCdn).
     */
    readonly entry: "cdn" | "steering";
    /** The tiers the flow crosses in a region, in order. */
    readonly tiers: readonly Tier[];
    /** The flow writes to the database writer (the primary region's under a global database). */
    readonly writes: boolean;
    /**
     * The flow holds a WebSocket open: where the CDN does not carry WebSocket, clients reach the
     * region's load balancer by its API name instead (CloudProfile.cdnCarriesWebSocket).
     */
    readonly longLived: boolean;
}

/**
 * The hops of each request flow as tiers (components/model/flows.ts FLOWS: viewer: CDN, load
 * balancer, the app answering /api; interaction: entry, load balancer, the interaction service;
 * order: entry, load balancer, the order service, the database writer; hot products: entry, load
 * balancer, the app, the cache). Kafka is off the synchronous path (the order's event leaves
 * through an outbox: docs/POLICIES.md).
 */
export const FLOW_PATHS: Readonly<Record<RequestFlowKey, FlowPath>> = {
    viewer: { entry: "cdn", tiers: ["loadBalancer", "compute"], writes: false, longLived: false },
    interaction: { entry: "steering", tiers: ["loadBalancer", "compute"], writes: false, longLived: true },
    order: { entry: "steering", tiers: ["loadBalancer", "compute"], writes: true, longLived: false },
    "hot-products": { entry: "steering", tiers: ["loadBalancer", "compute", "cache"], writes: false, longLived: false },
};

export const REQUEST_FLOWS: readonly RequestFlowKey[] = ["viewer", "interaction", "order", "hot-products"];

const DATABASE: readonly Tier[] = ["database"];

/** Figure key of a CDN resource (figures.ts). */
const CDN_FIGURES: Readonly<Record<string, string>> = {
    "aws:cloudfront/distribution:Distribution": "aws.cloudfront",
    "alicloud:cdn/domainNew:DomainNew": "alicloud.cdn",
};

/**
 * Whether a CDN resource carries WebSocket, as the cloud's profile says (CloudFront does; Alibaba
 * Cloud CDN does not, FAQ 40177: components/alicloud/profile.ts cdnCarriesWebSocket).
 */
const CDN_CARRIES_WEBSOCKET: Readonly<Record<string, boolean>> = {
    "aws:cloudfront/distribution:Distribution": AWS_PROFILE.cdnCarriesWebSocket,
    "alicloud:cdn/domainNew:DomainNew": ALICLOUD_PROFILE.cdnCarriesWebSocket,
};

/**
 * Whether a flow enters through the CDN: the viewer flow always; the others where the stack does
 * not steer by DNS, except a WebSocket flow when a CDN of the stack does not carry WebSocket (its
 * clients resolve the API name straight to the load balancer).
 */
export function entersByCdn(path: FlowPath, steers: boolean, nodes: readonly Node[]): boolean {
    if (path.entry === "cdn") return true;
    if (steers) return false;
    return !(path.longLived && nodes.some((n) => CDN_CARRIES_WEBSOCKET[n.type] === false));
}

/** Promotion key (figures.ts PROMOTION) of a global database kind. */
const PROMOTION_KEYS = { aurora: "aws.aurora.global-promotion", polardb: "alicloud.polardb.gdn-promotion" } as const;

/** One region's part of a flow: the tiers it crosses there. */
export interface FlowRegion {
    readonly region: string;
    readonly percent: number | null;
    readonly tiers: readonly TierEstimate[];
}

/** How a lost primary's writes move to a secondary. */
export interface WriterPromotion {
    readonly mode: "manual" | "automated";
    /** Seconds to promote: the measured time of an automated promotion, else the published one (null: none). */
    readonly seconds: number | null;
    readonly budgetSeconds: number;
    /** `within`: automated within the region failover budget (the secondaries count); `over`: manual or too slow. */
    readonly status: "within" | "over";
    readonly source: string;
}

/** The database that takes a group's writes. */
export interface FlowWriter {
    readonly region: string;
    readonly urn: string;
    readonly percent: number | null;
    readonly components: readonly ComponentEstimate[];
    readonly promotion: WriterPromotion;
    /** The secondaries' regions, counted in parallel with the writer only when the promotion is within budget. */
    readonly secondaries: readonly string[];
}

/** Regions of a flow that serve the same users; `inParallel` when any one of them can serve them. */
export interface FlowGroup {
    readonly regions: readonly string[];
    /**
     * Where the group's users enter, as the flow walk enters its regions: the CDN, the DNS steering
     * (the group's regions all health-checked behind it), or null: straight to the region's load
     * balancer by its own name (a region outside the residency boundary answers api-<region>, a
     * WebSocket name resolved to the load balancer).
     */
    readonly entry: TierEstimate | null;
    readonly inParallel: boolean;
    /** Why a group of several regions is not counted in parallel. */
    readonly why?: string;
    readonly percent: number | null;
    readonly writer?: FlowWriter;
}

export interface FlowEstimate {
    readonly key: RequestFlowKey;
    readonly name: string;
    /** The 99.99% target applies (the seed's watching, interacting, ordering). */
    readonly target: boolean;
    readonly targetPercent: number;
    /** As the stack estimate: `estimated`, `upper-bound` (a component has no published figure), `incomplete`. */
    readonly status: "estimated" | "upper-bound" | "incomplete";
    /** The weakest group's estimate (its users are the worst served), floored at 5 digits. */
    readonly percent: number | null;
    readonly monthlyDowntimeMinutes: number | null;
    readonly entry: TierEstimate | null;
    readonly regions: readonly FlowRegion[];
    readonly groups: readonly FlowGroup[];
}

/** What the flow estimate needs of the stack estimate. */
export interface FlowInputs {
    readonly nodes: readonly Node[];
    /** Region estimates of the stack, by tier. */
    readonly regions: readonly { readonly region: string; readonly tiers: readonly TierEstimate[] }[];
    /** The steering entry (Route 53 records, GTM), null without one. */
    readonly steering: TierEstimate | null;
    /** Whether the stack steers between regions with health checks (hasGlobalSteering). */
    readonly steers: boolean;
    /** Groups of regions holding the same data, and whether a group's regions all have a steering health check. */
    readonly groups: readonly (readonly string[])[];
    readonly steered: (group: readonly string[]) => boolean;
    readonly targetPercent: number;
    readonly figures: Readonly<Record<string, number>>;
    readonly failoverSeconds: Readonly<Record<string, number>>;
}

function tierIn(regionTiers: readonly TierEstimate[], tier: Tier): TierEstimate | undefined {
    return regionTiers.find((t) => t.tier === tier);
}

/** The CDN as an entry tier, or null when the stack has none. */
function cdnEntry(nodes: readonly Node[], figures: Readonly<Record<string, number>>): TierEstimate | null {
    const onPath = cdnOrigins(nodes).map((c) => c.urn);
    const cdn = nodes.filter((n) => CDN_FIGURES[n.type] !== undefined && onPath.includes(n.urn));
    return cdn.length === 0 ? null : tierOf("cdn", cdn.map((n) => componentOf(n.urn, CDN_FIGURES[n.type] ?? "", figures)));
}

function promotionOf(kind: "aurora" | "polardb", failoverSeconds: Readonly<Record<string, number>>): WriterPromotion {
    const key = PROMOTION_KEYS[kind];
    const budgetSeconds = REGION_FAILOVER_BUDGET_SECONDS;
    const measured = failoverSeconds[key];
    if (measured !== undefined) return { mode: "automated", seconds: measured, budgetSeconds, status: measured <= budgetSeconds ? "within" : "over", source: `${key}: pack config (a measured automated promotion)` };
    const p = PROMOTION[key];
    return { mode: "manual", seconds: p?.seconds ?? null, budgetSeconds, status: "over", source: p === undefined ? `${key}: nothing published` : `${p.component}: ${p.note} (${p.source})` };
}

/** Floors a value for display; null stays null. */
function shown(a: number | null): number | null {
    return a === null ? null : floorPercent(a, 5);
}

/**
 * The estimate of one request flow. Regions of a group count in parallel when the flow's entry can
 * move their users: the CDN's origin failover for the viewer flow, a steering health check in every
 * region of the group for the others. An order in a group under a global database also needs the
 * group's writer (the primary region's database) in series; the secondaries forward writes to it
 * and count beside it only when a promotion is automated within the region failover budget.
 */
export function flowEstimate(key: RequestFlowKey, inputs: FlowInputs): FlowEstimate {
    const path = FLOW_PATHS[key];
    const def = FLOWS.find((f) => f.key === key);
    const useCdn = entersByCdn(path, inputs.steers, inputs.nodes);
    const entry = useCdn ? cdnEntry(inputs.nodes, inputs.figures) : inputs.steering;
    const databases = globalDatabases(inputs.nodes);
    const writerOf = (group: readonly string[]) => databases.find((g) => g.primary !== null && group.includes(g.primary.region));
    const regionOf = (region: string): FlowRegion => {
        const all = inputs.regions.find((r) => r.region === region)?.tiers ?? [];
        const global = writerOf([region]) ?? databases.find((g) => g.secondaries.some((s) => s.region === region));
        // The database the region's app writes to: its own cluster, or under a global database its
        // local member, which forwards the writes (the primary's own cluster is the writer below).
        const ownDatabase = path.writes && (global === undefined || global.primary?.region !== region);
        const tiers = [...path.tiers, ...(ownDatabase ? DATABASE : [])].flatMap((t) => {
            const found = tierIn(all, t);
            return found === undefined ? [] : [found];
        });
        const complete = path.tiers.every((t) => tierIn(all, t) !== undefined) && (!ownDatabase || tierIn(all, "database") !== undefined);
        return { region, tiers, percent: complete ? knownSerial(tiers) * 100 : null };
    };
    const origins = cdnOrigins(inputs.nodes);
    const groups: { regions: readonly string[]; inParallel: boolean; why?: string; entry: TierEstimate | null }[] = useCdn
        ? origins.length === 0
            ? inputs.regions.map((r) => ({ regions: [r.region], inParallel: false, entry }))
            : origins.map((o) => ({
                  regions: o.regions.length > 0 ? o.regions : inputs.regions.map((r) => r.region),
                  inParallel: o.failoverRegions.length > 1,
                  ...(o.regions.length > 1 && o.failoverRegions.length < 2 ? { why: `no CDN origin failover: ${o.gap ?? "none"}` } : {}),
                  entry,
              }))
        : inputs.groups.map((g) => {
              const steered = inputs.steers && inputs.steered(g);
              // A group the steering does not cover (a region outside the residency boundary, no health check) is entered by its own name, straight to the load balancer.
              const groupEntry = steered || g.length > 1 ? entry : null;
              return { regions: g, inParallel: g.length > 1 && steered, ...(g.length > 1 && !steered ? { why: "a region of the group has no steering health check" } : {}), entry: groupEntry };
          });
    const regions = [...new Set(groups.flatMap((g) => g.regions))].sort().map(regionOf);
    const estimated: FlowGroup[] = groups.map((g) => {
        const parts = g.regions.map((r) => regions.find((x) => x.region === r)?.percent ?? null);
        const front = parts.some((p) => p === null) ? null : (g.inParallel ? parallel : (v: readonly number[]) => Math.min(...v))(parts.map((p) => fromPercent(p ?? 0)));
        const global = path.writes ? writerOf(g.regions) : undefined;
        if (global === undefined || global.primary === null) return { ...g, percent: front === null ? null : front * 100 };
        const promotion = promotionOf(global.kind, inputs.failoverSeconds);
        const primaryTier = tierIn(inputs.regions.find((r) => r.region === global.primary?.region)?.tiers ?? [], "database");
        const secondaries = global.secondaries.map((s) => s.region).filter((r) => g.regions.includes(r));
        const secondaryValues = secondaries.map((r) => tierIn(inputs.regions.find((x) => x.region === r)?.tiers ?? [], "database")?.percent ?? null);
        const primaryValue = primaryTier?.percent ?? null;
        const writerValue =
            primaryValue === null ? null : promotion.status === "within" && secondaryValues.every((v) => v !== null) ? parallel([primaryValue, ...secondaryValues.map((v) => v ?? 0)].map(fromPercent)) : fromPercent(primaryValue);
        const writer: FlowWriter = { region: global.primary.region, urn: global.primary.urn, percent: writerValue === null ? null : writerValue * 100, components: primaryTier?.components ?? [], promotion, secondaries };
        return { ...g, writer, percent: front === null || writerValue === null ? null : front * writerValue * 100 };
    });
    const known = estimated.every((g) => g.percent !== null) && estimated.length > 0;
    // Each group's users through their own entry: the weakest group counts.
    const a = known ? Math.min(...estimated.map((g) => serial([fromPercent(g.percent ?? 0), g.entry === null ? 1 : knownSerial([g.entry])]))) : null;
    const unverified = [entry, ...regions.flatMap((r) => r.tiers), ...estimated.map((g) => (g.writer === undefined ? null : tierOf("database", g.writer.components)))].some((t) => t !== null && t.components.some((c) => c.percent === null));
    return {
        key,
        name: def?.name ?? key,
        target: def?.availabilityTarget ?? false,
        targetPercent: inputs.targetPercent,
        status: !known ? "incomplete" : unverified ? "upper-bound" : "estimated",
        percent: shown(a),
        monthlyDowntimeMinutes: a === null ? null : Math.round(monthlyDowntimeMinutes(a) * 100) / 100,
        entry,
        regions,
        groups: estimated,
    };
}

/** Every request flow's estimate, in FLOWS order. */
export function flowEstimates(inputs: FlowInputs): FlowEstimate[] {
    return REQUEST_FLOWS.map((k) => flowEstimate(k, inputs));
}

/** Why a flow is below its target, in words: the weakest hop and, for an order, the writer's promotion. */
export function shortfall(f: FlowEstimate): string {
    const reasons: string[] = [];
    const entry = f.entry?.components.find((c) => c.percent !== null && c.percent < f.targetPercent);
    if (entry !== undefined) reasons.push(`its entry ${entry.figure} has a published figure of ${entry.percent}% (${entry.source}), below the target on its own`);
    for (const g of f.groups) {
        if (g.writer !== undefined && g.writer.promotion.status === "over") {
            reasons.push(
                `an order in ${g.regions.join(", ")} needs the writer in ${g.writer.region} (${g.writer.percent === null ? "?" : `${floorPercent(fromPercent(g.writer.percent), 5)}%`}) in series; the secondaries forward their writes to it and ${g.writer.promotion.mode === "manual" ? `promoting one is a manual operator action (${g.writer.promotion.source})` : `the measured promotion takes ${g.writer.promotion.seconds} s`}, not an automatic one within the ${g.writer.promotion.budgetSeconds} s region failover budget, so they do not count beside it`,
            );
        }
        if (g.why !== undefined) reasons.push(`regions ${g.regions.join(", ")} are not counted in parallel: ${g.why}`);
        if (g.regions.length === 1) reasons.push(`${g.regions[0]} serves its users alone`);
    }
    return reasons.length === 0 ? "the tiers in series fall below it" : reasons.join("; ");
}

/** Findings for flows the target applies to whose estimate (or upper bound) is below it. */
export function flowTargetFindings(flows: readonly FlowEstimate[]): { readonly message: string; readonly urn?: string }[] {
    return flows
        .filter((f) => f.target && f.percent !== null && f.percent < f.targetPercent)
        .map((f) => {
            const writer = f.groups.find((g) => g.writer !== undefined && g.writer.promotion.status === "over")?.writer;
            const what = f.status === "upper-bound" ? "at most" : "estimated";
            return {
                message: `flow "${f.name}": ${what} ${f.percent}% (${f.monthlyDowntimeMinutes} min/month of downtime) is below the ${f.targetPercent}% target: ${shortfall(f)}.`,
                ...(writer !== undefined ? { urn: writer.urn } : f.entry !== null && f.entry.components[0] !== undefined ? { urn: f.entry.components[0].urn } : {}),
            };
        });
}

function pct(v: number | null, digits = 4): string {
    return v === null ? "?" : v.toFixed(digits);
}

/**
 * One line per flow: its estimate, whether the target applies and is met, and how it is made:
 * entry x (regions, `|` in parallel, `,` the weakest counts) x the writer of an order.
 */
export function flowEstimateLine(f: FlowEstimate): string {
    const value = f.percent === null ? `unknown (${f.status})` : `${f.status === "upper-bound" ? "at most " : ""}${f.percent}%`;
    const verdict = !f.target ? "no target" : f.percent === null ? "target not judged" : f.percent >= f.targetPercent ? `meets ${f.targetPercent}%` : `BELOW ${f.targetPercent}%`;
    const groups = f.groups.map((g) => {
        const regions = g.regions.map((r) => `${r} ${pct(f.regions.find((x) => x.region === r)?.percent ?? null)}`).join(g.inParallel ? " | " : ", ");
        const writer = g.writer === undefined ? "" : ` x writer ${g.writer.region} ${pct(g.writer.percent)} (promotion ${g.writer.promotion.mode}${g.writer.promotion.seconds === null ? "" : `, ${g.writer.promotion.seconds} s`})`;
        return `(${regions})${writer}`;
    });
    const entry = f.entry === null ? "" : `${f.entry.tier === "cdn" ? "cdn" : "entry"} ${pct(f.entry.percent)} x `;
    return `flow ${f.name}: ${value} [${verdict}] = ${entry}${groups.join(" ; ")}`;
}
