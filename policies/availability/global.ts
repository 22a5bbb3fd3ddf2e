// What makes the regions of a multi-region stack redundant for each other, read from the planned
// resources: a global database spanning them, CDN origin failover across them, and a steering
// health check per region. Pure: works on nodes (inputs and property dependencies), so it judges a
// first preview (ids unknown) as it judges a resolved plan. The three mature rules
// (policies/stack/ha-stack-require-global-*) and the availability estimate read the same facts.

import { bool, isRecord, list, num, record, str } from "../lib/values";
import { Finding, containsUnknown, depsOf, refersTo, undeterminedMessage } from "../lib/refs";
import { Node, byUrnOf } from "./tiers";

/** Type tokens of the cross-region resources (the provider schemas at the pinned versions). */
export const GLOBAL_TYPES = {
    auroraCluster: "aws:rds/cluster:Cluster",
    auroraGlobal: "aws:rds/globalCluster:GlobalCluster",
    polardbCluster: "alicloud:polardb/cluster:Cluster",
    polardbGdn: "alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork",
    distribution: "aws:cloudfront/distribution:Distribution",
    cdnDomain: "alicloud:cdn/domainNew:DomainNew",
    record: "aws:route53/record:Record",
    healthCheck: "aws:route53/healthCheck:HealthCheck",
    awsLb: "aws:lb/loadBalancer:LoadBalancer",
    aliLb: "alicloud:alb/loadBalancer:LoadBalancer",
    gtmPool: "alicloud:dns/addressPool:AddressPool",
    gtmMonitor: "alicloud:dns/monitorConfig:MonitorConfig",
    gtmStrategy: "alicloud:dns/accessStrategy:AccessStrategy",
} as const;

/** The regional load balancers: a region with one serves requests. */
export const LOAD_BALANCERS: readonly string[] = [GLOBAL_TYPES.awsLb, GLOBAL_TYPES.aliLb];

/** The regions that have a regional load balancer: the regions a stack serves requests from. */
export function servingRegions(nodes: readonly Node[]): string[] {
    return [...new Set(nodes.filter((n) => LOAD_BALANCERS.includes(n.type)).map((n) => n.region).filter((r): r is string => r !== undefined))].sort();
}

/** Regions of the load balancers a property of `n` depends on (its recorded property dependencies). */
function loadBalancerRegions(n: Node, prop: string, nodes: readonly Node[]): string[] {
    const index = byUrnOf(nodes);
    return [...new Set(depsOf(n, prop).map((u) => index.get(u)).filter((d): d is Node => d !== undefined && LOAD_BALANCERS.includes(d.type)).map((d) => d.region).filter((r): r is string => r !== undefined))].sort();
}

// ---------------------------------------------------------------------------------------------
// Global database

export interface GlobalDatabaseMember {
    readonly region: string;
    readonly urn: string;
    /**
     * Whether the member takes writes from its region's app: the primary always; an Aurora secondary
     * with `enableGlobalWriteForwarding` (AWS provider docs, rds_cluster: "enable_global_write_forwarding
     * - (Optional) Whether cluster should forward writes to an associated global cluster. Applied
     * to secondary clusters to enable them to forward writes"); a PolarDB GDN secondary always
     * (PolarDB docs, "Global Database Network overview": the cluster endpoint of a secondary forwards
     * writes to the primary).
     */
    readonly forwardsWrites: boolean;
}

export interface GlobalDatabase {
    /** The global cluster (Aurora) or global database network (PolarDB). */
    readonly urn: string;
    readonly kind: "aurora" | "polardb";
    /** The cluster that takes the writes, null when the global resource names none the stack declares. */
    readonly primary: GlobalDatabaseMember | null;
    readonly secondaries: readonly GlobalDatabaseMember[];
}

/**
 * The global databases of a stack with their members. Aurora: the GlobalCluster's
 * `sourceDbClusterIdentifier` names the primary (the cluster it was created from; provider docs,
 * rds_global_cluster), clusters with `globalClusterIdentifier` referring to it are members (the
 * primary's own membership is recorded by the service, so it may carry none). PolarDB: the
 * GlobalDatabaseNetwork's `dbClusterId` is the primary; clusters created with `creationOption:
 * CreateGdnStandby` and the network's `gdnId` are its secondaries (provider docs, polardb_cluster:
 * "creation_option ... CreateGdnStandby: Create a secondary cluster"; "gdn_id - The ID of the
 * global database network (GDN). This parameter is required if CreationOption is CreateGdnStandby").
 * References are followed through property dependencies, else by a known equal identifier.
 */
export function globalDatabases(nodes: readonly Node[]): GlobalDatabase[] {
    const aurora = nodes.filter((n) => n.type === GLOBAL_TYPES.auroraGlobal).map((g): GlobalDatabase => {
        const clusters = nodes.filter((n) => n.type === GLOBAL_TYPES.auroraCluster);
        const primaryNode = clusters.find((c) => refersTo(g, "sourceDbClusterIdentifier", c.urn, undefined));
        const id = str(g.props.globalClusterIdentifier);
        const members = clusters.filter((c) => c !== primaryNode && refersTo(c, "globalClusterIdentifier", g.urn, id));
        return {
            urn: g.urn,
            kind: "aurora",
            primary: primaryNode === undefined || primaryNode.region === undefined ? null : { region: primaryNode.region, urn: primaryNode.urn, forwardsWrites: true },
            secondaries: members.flatMap((c) => (c.region === undefined ? [] : [{ region: c.region, urn: c.urn, forwardsWrites: bool(c.props.enableGlobalWriteForwarding) === true }])),
        };
    });
    const polardb = nodes.filter((n) => n.type === GLOBAL_TYPES.polardbGdn).map((g): GlobalDatabase => {
        const clusters = nodes.filter((n) => n.type === GLOBAL_TYPES.polardbCluster);
        const primaryNode = clusters.find((c) => refersTo(g, "dbClusterId", c.urn, undefined));
        const members = clusters.filter((c) => c !== primaryNode && c.props.creationOption === "CreateGdnStandby" && refersTo(c, "gdnId", g.urn, undefined));
        return {
            urn: g.urn,
            kind: "polardb",
            primary: primaryNode === undefined || primaryNode.region === undefined ? null : { region: primaryNode.region, urn: primaryNode.urn, forwardsWrites: true },
            secondaries: members.flatMap((c) => (c.region === undefined ? [] : [{ region: c.region, urn: c.urn, forwardsWrites: true }])),
        };
    });
    return [...aurora, ...polardb];
}

/** The `residency` tag value that marks a region outside the residency boundary (`separate:<region>`). */
const SEPARATE_PREFIX = "separate:";

/**
 * Regions the stack declares outside its residency boundary: the `residency` tag of their resources
 * reads `separate:<region>` (the stack's `live-commerce:residency` carried as a tag). Such a region
 * keeps its own users' data and holds no replica of the boundary's.
 */
export function separateRegions(nodes: readonly Node[]): string[] {
    const tagged = nodes.map((n) => record(n.props.tags).residency).filter((t): t is string => typeof t === "string" && t.startsWith(SEPARATE_PREFIX));
    return [...new Set(tagged.map((t) => t.slice(SEPARATE_PREFIX.length)))].sort();
}

/** Regions a global database spans (its primary's and its secondaries'). */
export function spannedRegions(g: GlobalDatabase): string[] {
    return [...new Set([...(g.primary === null ? [] : [g.primary.region]), ...g.secondaries.map((s) => s.region)])].sort();
}

/**
 * Groups of regions that hold the same data: the regions a global database spans form one group;
 * every other region holds its own data (a group of its own). Only regions of one group can take
 * over each other's users.
 */
export function dataGroups(nodes: readonly Node[], regions: readonly string[]): string[][] {
    const groups: string[][] = [];
    const placed = new Set<string>();
    for (const g of globalDatabases(nodes)) {
        const members = spannedRegions(g).filter((r) => regions.includes(r) && !placed.has(r));
        if (members.length === 0) continue;
        members.forEach((r) => placed.add(r));
        groups.push(members);
    }
    for (const r of regions) if (!placed.has(r)) groups.push([r]);
    return groups;
}

// ---------------------------------------------------------------------------------------------
// Steering health checks

export interface SteeringCheck {
    readonly region: string;
    /** The steering entry: a Route 53 record, or a GTM address pool. */
    readonly entryUrn: string;
    /** The health check: a Route 53 health check, or a GTM monitor config. */
    readonly checkUrn: string;
}

/** A Route 53 record that steers: a routing policy besides simple (Route 53 Developer Guide, "Choosing a routing policy"). */
const ROUTING_POLICIES = ["failoverRoutingPolicies", "latencyRoutingPolicies", "geolocationRoutingPolicies", "weightedRoutingPolicies", "geoproximityRoutingPolicy"];

function hasRoutingPolicy(n: Node): boolean {
    return ROUTING_POLICIES.some((k) => list(n.props[k]).length > 0 || isRecord(n.props[k]));
}

/**
 * Whether a Route 53 health check really checks: not `disabled` ("After you disable a health
 * check, Route 53 considers the status of the health check to always be healthy") and not
 * `invertHealthcheck` (provider docs, route53_health_check, and the SDK's HealthCheckArgs).
 */
function healthCheckActive(hc: Node): boolean {
    return bool(hc.props.disabled) !== true && bool(hc.props.invertHealthcheck) !== true;
}

/**
 * Regions whose steering entry has a health check of that region's load balancer.
 *
 * AWS: a Route 53 record with a routing policy, aliasing the region's load balancer (`aliases`),
 * whose `healthCheckId` refers to an active health check whose `fqdn` is that load balancer's name
 * (Route 53 answers with a record only while its health check passes: Developer Guide, "How Amazon
 * Route 53 chooses records when health checking is configured").
 *
 * Alibaba Cloud: a GTM address pool holding the region's load balancer (`addresses`), used by an
 * access strategy (`defaultAddrPools` or `failoverAddrPools`), with a MonitorConfig whose
 * `addrPoolId` refers to it (GTM takes an unhealthy pool out of the answers: Alibaba Cloud DNS docs,
 * "GTM health checks").
 */
export function steeringChecks(nodes: readonly Node[]): SteeringCheck[] {
    const out: SteeringCheck[] = [];
    const checks = nodes.filter((n) => n.type === GLOBAL_TYPES.healthCheck);
    for (const rec of nodes.filter((n) => n.type === GLOBAL_TYPES.record && hasRoutingPolicy(n))) {
        const hcValue = rec.props.healthCheckId;
        if (hcValue === undefined || hcValue === null || hcValue === "") continue;
        const hc = checks.find((c) => depsOf(rec, "healthCheckId").includes(c.urn));
        if (hc === undefined || !healthCheckActive(hc)) continue;
        const served = loadBalancerRegions(rec, "aliases", nodes);
        const checked = loadBalancerRegions(hc, "fqdn", nodes);
        for (const region of served.filter((r) => checked.includes(r))) out.push({ region, entryUrn: rec.urn, checkUrn: hc.urn });
    }
    const strategies = nodes.filter((n) => n.type === GLOBAL_TYPES.gtmStrategy);
    const monitors = nodes.filter((n) => n.type === GLOBAL_TYPES.gtmMonitor);
    for (const pool of nodes.filter((n) => n.type === GLOBAL_TYPES.gtmPool)) {
        const used = strategies.some((s) => depsOf(s, "defaultAddrPools").includes(pool.urn) || depsOf(s, "failoverAddrPools").includes(pool.urn));
        const monitor = monitors.find((m) => refersTo(m, "addrPoolId", pool.urn, undefined));
        if (!used || monitor === undefined) continue;
        for (const region of loadBalancerRegions(pool, "addresses", nodes)) out.push({ region, entryUrn: pool.urn, checkUrn: monitor.urn });
    }
    return out;
}

/** Regions with a health-checked steering entry. */
export function steeredRegions(nodes: readonly Node[]): string[] {
    return [...new Set(steeringChecks(nodes).map((c) => c.region))].sort();
}

// ---------------------------------------------------------------------------------------------
// CDN origin failover

export interface CdnOrigins {
    readonly urn: string;
    /** Regions whose load balancer is an origin of the CDN. */
    readonly regions: readonly string[];
    /** Regions the CDN fails over between (empty without origin failover). */
    readonly failoverRegions: readonly string[];
    /** Why the CDN does not fail over across regions, when it does not. */
    readonly gap?: string;
}

/**
 * The origins of each CDN and whether it fails over between regions.
 *
 * CloudFront: an origin group with `failoverCriteria.statusCodes` and two members that are origins
 * of the distribution, used as the `targetOriginId` of the default cache behavior (CloudFront
 * Developer Guide, "Optimize high availability with CloudFront origin failover": an origin group
 * has a primary and a secondary origin and the status codes that trigger failover; a cache
 * behavior must route to the group). The origins' load balancers are read from the dependencies
 * of `origins`.
 *
 * Alibaba Cloud CDN: `sources` holding load balancers of two regions or more; the CDN health-checks
 * its origins (layer 4, every 2.5 s; three failed probes mark an origin unavailable) and sends
 * requests to priority 20 (primary) origins, to priority 30 (secondary) ones when the primaries
 * fail (Alibaba Cloud CDN docs, "Configure an origin server"; provider docs, cdn_domain_new:
 * sources.priority 20 or 30).
 */
export function cdnOrigins(nodes: readonly Node[]): CdnOrigins[] {
    return allCdnOrigins(nodes).filter((c) => c.regions.length > 0);
}

/** Every CDN's origins; those reaching no regional load balancer (a video play domain) are not the request path's. */
function allCdnOrigins(nodes: readonly Node[]): CdnOrigins[] {
    const aws = nodes.filter((n) => n.type === GLOBAL_TYPES.distribution).map((d): CdnOrigins => {
        const regions = loadBalancerRegions(d, "origins", nodes);
        const originIds = list(d.props.origins).filter(isRecord).map((o) => str(o.originId));
        const groups = list(d.props.originGroups).filter(isRecord);
        const target = str(record(d.props.defaultCacheBehavior).targetOriginId);
        const group = groups.find((g) => str(g.originId) === target);
        const members = group === undefined ? [] : [...new Set(list(group.members).filter(isRecord).map((m) => str(m.originId)).filter((m): m is string => m !== undefined && originIds.includes(m)))];
        const codes = group === undefined ? [] : list(record(group.failoverCriteria).statusCodes).filter((c) => num(c) !== undefined);
        const gap =
            group === undefined
                ? groups.length === 0
                    ? "the distribution has no origin group"
                    : `the default cache behavior targets ${target ?? "no origin"}, not an origin group`
                : members.length < 2
                  ? `origin group ${String(group.originId)} has ${members.length} member origin(s) of the distribution; failover needs 2`
                  : codes.length === 0
                    ? `origin group ${String(group.originId)} has no failoverCriteria.statusCodes`
                    : regions.length < 2
                      ? `the origins reach load balancers of ${regions.length} region(s) (${regions.join(", ") || "none the stack declares"})`
                      : undefined;
        return { urn: d.urn, regions, failoverRegions: gap === undefined ? regions : [], ...(gap === undefined ? {} : { gap }) };
    });
    const ali = nodes.filter((n) => n.type === GLOBAL_TYPES.cdnDomain).map((d): CdnOrigins => {
        const regions = loadBalancerRegions(d, "sources", nodes);
        const sources = list(d.props.sources).filter(isRecord);
        const gap = sources.length < 2 ? `the CDN domain has ${sources.length} source(s)` : regions.length < 2 ? `the sources reach load balancers of ${regions.length} region(s) (${regions.join(", ") || "none the stack declares"})` : undefined;
        return { urn: d.urn, regions, failoverRegions: gap === undefined ? regions : [], ...(gap === undefined ? {} : { gap }) };
    });
    return [...aws, ...ali];
}

// ---------------------------------------------------------------------------------------------
// What cannot be judged until the resources exist

/** A reference the multi-region facts follow: a property of a resource type. */
export type Reference = readonly [type: string, property: string];

/** The references the global-database facts follow. */
export const GLOBAL_DATABASE_REFERENCES: readonly Reference[] = [
    [GLOBAL_TYPES.auroraGlobal, "sourceDbClusterIdentifier"],
    [GLOBAL_TYPES.auroraCluster, "globalClusterIdentifier"],
    [GLOBAL_TYPES.polardbGdn, "dbClusterId"],
    [GLOBAL_TYPES.polardbCluster, "gdnId"],
];

/** The references the CDN origin facts follow. */
export const CDN_REFERENCES: readonly Reference[] = [
    [GLOBAL_TYPES.distribution, "origins"],
    [GLOBAL_TYPES.cdnDomain, "sources"],
];

/** The references the steering facts follow. */
export const STEERING_REFERENCES: readonly Reference[] = [
    [GLOBAL_TYPES.record, "healthCheckId"],
    [GLOBAL_TYPES.record, "aliases"],
    [GLOBAL_TYPES.healthCheck, "fqdn"],
    [GLOBAL_TYPES.gtmPool, "addresses"],
    [GLOBAL_TYPES.gtmMonitor, "addrPoolId"],
    [GLOBAL_TYPES.gtmStrategy, "defaultAddrPools"],
];

/**
 * References whose value is unknown (a first preview) and that no recorded dependency resolves:
 * what they point at cannot be judged until the resources exist. The multi-region rules then
 * report nothing for them; ha-stack-cannot-judge-from-input lists them.
 */
export function unresolvedReferences(rule: string, nodes: readonly Node[], references: readonly Reference[]): Finding[] {
    return nodes.flatMap((n) => {
        const paths = references.filter(([type, prop]) => type === n.type && containsUnknown(n.props[prop]) && depsOf(n, prop).length === 0).map(([, prop]) => prop);
        return paths.length === 0 ? [] : [{ urn: n.urn, message: undeterminedMessage(rule, `what ${n.type.split(":").pop() ?? n.type} refers to`, paths) }];
    });
}
