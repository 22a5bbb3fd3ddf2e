// What spans regions: public hostnames, DNS steering with its failover-time arithmetic, CDN
// origins and their failover order, and the live video layer (rendition ladder, ingest ports,
// transcoding tier). Both clouds translate these tables; neither decides anything on its own.

import type { BusinessRoute } from "./compute";
import { HEALTH_CHECK, ROUTES, RouteName } from "./loadbalancer";
import { homeRegions } from "./residency";
import { ScalingAction, ScalingCondition, scalingActions } from "./scaling";
import { DnsHealthCheckService, CloudProfile } from "./profile";
import { ComputeSize, RegionSpec, StackSpec } from "./types";

// ---------------------------------------------------------------------------------------------
// Hostnames

export interface GlobalHostnames {
    /** The CDN: static assets and the app pages (spec.domain itself). */
    readonly cdn: string;
    /** API, WebSocket and order traffic, steered by DNS to the nearest healthy region (mature). */
    readonly api: string;
}

export function globalHostnames(spec: Pick<StackSpec, "domain">): GlobalHostnames {
    return { cdn: spec.domain, api: `api.${spec.domain}` };
}

/** The host record of GTM's access domain under the stack's domain (gtmAccessName). */
export const GTM_ACCESS_RR = "gtm";

/**
 * The name GTM answers DNS queries on (its CNAME access domain), which `api.<domain>` is a CNAME
 * to: `<rr>.<zone>`. GTM takes it in custom mode only: Alibaba Cloud DNS API
 * UpdateDnsGtmInstanceGlobalConfig lists PublicCnameMode SYSTEM_ASSIGN as "系统分配（此选项功能关闭）"
 * (system-assigned: this option is disabled) and CUSTOM with PublicZoneName ("CNAME 接入域名（公网）：
 * 主域名，且当为自定义接入时为必填", the primary domain without PublicRr, required in custom mode)
 * (help.aliyun.com/document_detail/2357230.html); terraform-provider-alicloud
 * resource_alicloud_alidns_gtm_instance.go sends public_rr and public_zone_name as PublicRr and
 * PublicZoneName. The zone is the stack's `domain`, which must be a domain of the account's
 * Alibaba Cloud DNS (GTM "Global configurations", doc-detail/87308: "a public domain name within
 * your account ... added to Alibaba Cloud DNS and associated with a paid instance").
 */
export function gtmAccessName(spec: Pick<StackSpec, "domain">): { readonly zone: string; readonly rr: string; readonly name: string } {
    return { zone: spec.domain, rr: GTM_ACCESS_RR, name: `${GTM_ACCESS_RR}.${spec.domain}` };
}

/** Ingest (push) and playback hostnames of one region's live video, e.g. push-cn-hangzhou.live.example.com. */
export function videoHostnames(spec: Pick<StackSpec, "domain">, region: string): { readonly ingest: string; readonly play: string } {
    return { ingest: `push-${region}.${spec.domain}`, play: `play-${region}.${spec.domain}` };
}

// ---------------------------------------------------------------------------------------------
// Global traffic steering (mature stacks with >= 2 regions)


/**
 * Budget for moving viewers off a failed region, seconds. Separate from (and longer than) the 30 s
 * in-region switch-over of the requirements: DNS answers are cached by resolvers for their TTL, so
 * no DNS-based steering can meet 30 s; inside a region the load balancer's health checks do.
 */
export const REGION_FAILOVER_BUDGET_SECONDS = 180;

export interface DnsFailoverPlan {
    readonly service: string;
    readonly intervalSeconds: number;
    readonly failureThreshold: number;
    readonly timeoutSeconds: number;
    readonly ttlSeconds: number;
    /** interval x threshold: from a region failing to the service marking it unhealthy. */
    readonly detectionSeconds: number;
    /** detection + TTL: until the last resolver stops answering with the failed region. */
    readonly failoverSeconds: number;
}

/** Seconds until viewers leave a failed region: TTL + interval x threshold. */
export function dnsFailoverSeconds(p: Pick<DnsFailoverPlan, "ttlSeconds" | "intervalSeconds" | "failureThreshold">): number {
    return p.ttlSeconds + p.intervalSeconds * p.failureThreshold;
}

/**
 * The DNS health check of a cloud: the shortest interval the service offers and the smallest
 * threshold it accepts that is at least the in-region unhealthy threshold (one lost probe must not
 * move a region's viewers). Throws when the result exceeds the region failover budget.
 */
export function dnsFailoverPlan(s: DnsHealthCheckService, budgetSeconds: number = REGION_FAILOVER_BUDGET_SECONDS): DnsFailoverPlan {
    const threshold = s.failureThresholds.find((t) => t >= HEALTH_CHECK.unhealthyThreshold);
    if (threshold === undefined) throw new Error(`${s.service} offers no failure threshold >= ${HEALTH_CHECK.unhealthyThreshold}`);
    const plan = {
        service: s.service,
        intervalSeconds: s.shortestIntervalSeconds,
        failureThreshold: threshold,
        timeoutSeconds: s.timeoutSeconds,
        ttlSeconds: s.ttlSeconds,
        detectionSeconds: s.shortestIntervalSeconds * threshold,
        failoverSeconds: 0,
    };
    const failoverSeconds = dnsFailoverSeconds(plan);
    if (failoverSeconds > budgetSeconds) {
        throw new Error(`${s.service} fails a region over in ${failoverSeconds} s (TTL ${s.ttlSeconds} + ${s.shortestIntervalSeconds} x ${threshold}), over the ${budgetSeconds} s budget`);
    }
    return { ...plan, failoverSeconds };
}

/** Global traffic steering exists when the stack spans two regions or more inside its residency boundary (every region without one). */
export function steeringEnabled(spec: Pick<StackSpec, "regions" | "residency">): boolean {
    return homeRegions(spec).length >= 2;
}

// ---------------------------------------------------------------------------------------------
// CDN origins

/** Origin answers that make the CDN retry the request at the next origin. */
export const ORIGIN_FAILOVER_STATUS_CODES: readonly number[] = [500, 502, 503, 504];

/** Alibaba Cloud CDN source priority: 20 is the primary origin, 30 a standby used when primaries fail. */
export const ORIGIN_PRIORITY = { primary: 20, failover: 30 } as const;

export interface CdnOrigin {
    readonly region: string;
    readonly role: "primary" | "failover";
    /** 0 for the primary, 1.. for failover origins in the order they are tried. */
    readonly rank: number;
    readonly priority: number;
}

/**
 * Origins of the CDN: the first region's load balancer is the primary; with `cdn.originFailover`
 * the next regions inside the residency boundary (homeRegions: every region without one) follow as
 * failover origins, up to what the cloud's CDN takes. Without it the CDN has the first region only.
 * A region outside the boundary is never an origin: a CDN's standby source takes every request when
 * the primary fails, whatever the method (Alibaba Cloud CDN: "If the primary origin server fails the
 * health check three consecutive times, Alibaba Cloud CDN forwards requests to the origin server
 * whose priority is Secondary", "Configure an origin server"), so the boundary users' cart and user
 * API calls on the CDN domain would be written there; its viewers' pages come from the boundary's
 * origins, and its users' API from its own name (separateApiHostname).
 */
export function cdnOrigins(spec: Pick<StackSpec, "regions" | "cdn" | "residency">, originLimit: number): CdnOrigin[] {
    const home = homeRegions(spec);
    const count = spec.cdn.originFailover ? Math.min(home.length, originLimit) : Math.min(1, home.length);
    return home.slice(0, count).map((region, i) => ({
        region,
        role: i === 0 ? "primary" : "failover",
        rank: i,
        priority: i === 0 ? ORIGIN_PRIORITY.primary : ORIGIN_PRIORITY.failover,
    }));
}

// ---------------------------------------------------------------------------------------------
// Live video

export interface Rendition {
    readonly name: string;
    readonly width: number;
    readonly height: number;
    readonly videoKbps: number;
    readonly audioKbps: number;
    readonly fps: number;
}

/** The transcoding ladder of the requirements: 1080p, 720p and 480p, highest first. */
export const RENDITIONS: readonly Rendition[] = [
    { name: "1080p", width: 1920, height: 1080, videoKbps: 6000, audioKbps: 128, fps: 30 },
    { name: "720p", width: 1280, height: 720, videoKbps: 3000, audioKbps: 128, fps: 30 },
    { name: "480p", width: 854, height: 480, videoKbps: 1200, audioKbps: 96, fps: 30 },
];

/**
 * Amazon IVS channel type for a ladder. BASIC passes the source through without transcoding;
 * STANDARD passes a source of up to 1080p through and transcodes lower renditions (720p, 480p,
 * 360p, 160p), so it is the type for any ladder of more than one rendition topped at 1080p.
 */
export function ivsChannelType(ladder: readonly Rendition[]): "STANDARD" | "BASIC" {
    const top = Math.max(...ladder.map((r) => r.height));
    if (top > 1080) throw new Error(`Amazon IVS ingests at most 1080p (ladder tops at ${top}p)`);
    return ladder.length > 1 ? "STANDARD" : "BASIC";
}

/** IVS low-latency streaming: about 2-5 s glass to glass, the only mode near the < 3 s target. */
export const IVS_LATENCY_MODE = "LOW";

export interface IngestListener {
    readonly protocol: "rtmp" | "srt";
    readonly transport: "TCP" | "UDP";
    readonly port: number;
}

/** Ingest ports of the self-run transcoding tier: RTMP on 1935/TCP, SRT on 10080/UDP. */
export const INGEST_LISTENERS: readonly IngestListener[] = [
    { protocol: "rtmp", transport: "TCP", port: 1935 },
    { protocol: "srt", transport: "UDP", port: 10080 },
];

/** A layer-4 load balancer in front of the ingest tier needs this many zones (Alibaba Cloud NLB). */
export const INGEST_LB_MIN_ZONES = 2;

export interface TranscodeTier {
    /** `selfRun`: ESS group behind an NLB; `managed`: ApsaraVideo Live ingests and transcodes (single-zone regions). */
    readonly mode: "selfRun" | "managed";
    readonly size: ComputeSize;
    readonly minSize: number;
    readonly maxSize: number;
    /** CPU-only scaling: transcoders carry streams, not viewer connections. */
    readonly scaleOut: ScalingAction;
    readonly scaleIn: ScalingAction;
}

/** Keeps only the CPU condition of a scaling action (the connection metric is an app-tier metric). */
function cpuOnly(action: ScalingAction): ScalingAction {
    const conditions = action.conditions.filter((c: ScalingCondition) => c.metric === "cpuPercent");
    return { ...action, conditions };
}

/**
 * The transcoding tier of one region: one transcoder per zone at minimum, up to
 * `video.maxTranscoders`, scaled by the same actions as the app tier on CPU. Regions with fewer
 * zones than a layer-4 load balancer needs use the managed service's transcoding instead.
 */
export function transcodeTier(spec: Pick<StackSpec, "video" | "scaling">, region: RegionSpec): TranscodeTier {
    const actions = scalingActions(spec);
    const minSize = region.zones.length;
    return {
        mode: region.zones.length >= INGEST_LB_MIN_ZONES ? "selfRun" : "managed",
        size: spec.video.transcoderSize,
        minSize,
        maxSize: Math.max(minSize, spec.video.maxTranscoders),
        scaleOut: cpuOnly(actions.out),
        scaleIn: cpuOnly(actions.in),
    };
}


/** Idempotent methods: the only ones a CDN may retry at a failover origin (CloudFront origin groups allow no others). */
export const READ_METHODS: readonly string[] = ["GET", "HEAD", "OPTIONS"];
export const ALL_METHODS: readonly string[] = ["DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT"];

/**
 * Methods the CDN forwards. A single-origin CDN carries the whole app (reads and writes); with
 * origin failover it carries reads only, and writes (cart, orders) go to the steered api hostname,
 * so that a request is never replayed against a second region.
 */
export function cdnAllowedMethods(origins: readonly CdnOrigin[]): readonly string[] {
    return origins.length > 1 ? READ_METHODS : ALL_METHODS;
}

/** Viewers: HTTPS only (HTTP answered with a permanent redirect), TLS 1.2 or newer; origins over HTTPS. */
export const CDN_TLS = { minimumVersion: "TLSv1.2", redirectStatus: 301, originPort: 443 } as const;

/**
 * Alibaba Cloud CDN acceleration scope of a stack's regions: `domestic` (mainland China, needs an
 * ICP filing) when every region is in mainland China, `overseas` when none is, `global` otherwise.
 */
export function cdnScope(regions: readonly string[]): "domestic" | "overseas" | "global" {
    const mainland = regions.filter((r) => r.startsWith("cn-") && r !== "cn-hongkong").length;
    if (mainland === regions.length) return "domestic";
    return mainland === 0 ? "overseas" : "global";
}

// ---------------------------------------------------------------------------------------------
// The edge of a stack: what spans regions, decided once for both clouds

export interface EdgePlan {
    readonly hostnames: GlobalHostnames;
    /** null when `cdn.enabled` is false. */
    readonly cdn: { readonly origins: readonly CdnOrigin[] } | null;
    /** null below two regions (inside the residency boundary). */
    readonly steering: { readonly regions: readonly string[]; readonly failover: DnsFailoverPlan } | null;
    /** Regions outside the residency boundary, each answering its own API hostname (no steering). */
    readonly separate: readonly { readonly region: string; readonly api: string }[];
}

/**
 * The edge of a stack. With a residency boundary the steering of `api.<domain>` spans only the
 * regions inside it (a user of the boundary is never answered with, nor failed over to, a region
 * outside), and each region outside gets its own API name `api-<region>.<domain>`, which the
 * clients of that partition's users call (the user's home partition is a property of the account,
 * not of where the viewer happens to be). The CDN's origins are the regions inside the boundary
 * only (cdnOrigins): its standby sources take every request, user and cart APIs included, so a
 * region outside serves its users by its own name and its viewers' pages come from the boundary.
 */
export function edgePlan(spec: Pick<StackSpec, "domain" | "regions" | "cdn" | "residency">, profile: Pick<CloudProfile, "cdnOriginLimit" | "dnsHealthCheck">): EdgePlan {
    const home = homeRegions(spec);
    return {
        hostnames: globalHostnames(spec),
        cdn: spec.cdn.enabled ? { origins: cdnOrigins(spec, profile.cdnOriginLimit) } : null,
        steering: steeringEnabled(spec) ? { regions: home, failover: dnsFailoverPlan(profile.dnsHealthCheck) } : null,
        separate: spec.regions.filter((r) => !home.includes(r.name)).map((r) => ({ region: r.name, api: separateApiHostname(spec, r.name) })),
    };
}

/**
 * The host name WebSocket clients of `region` connect to when the cloud's CDN does not carry
 * WebSocket (CloudProfile.cdnCarriesWebSocket false): the region's API name, which resolves to its
 * load balancer (GTM steering of `api.<domain>` across the boundary's regions, the stack output
 * `websocket` with one region, `api-<region>.<domain>` outside the boundary). null when WebSocket
 * goes through the CDN with the other routes (or the stack has no CDN: every name reaches the load
 * balancer, any host).
 */
export function websocketHostname(spec: Pick<StackSpec, "domain" | "regions" | "cdn" | "residency">, profile: Pick<CloudProfile, "cdnCarriesWebSocket">, region: string): string | null {
    if (profile.cdnCarriesWebSocket || !spec.cdn.enabled) return null;
    return apiHostname(spec, region);
}

/**
 * The host name order clients of `region` post to (`/order`) when the CDN could carry an order to
 * another region: a CDN with failover origins that fails over writes too
 * (CloudProfile.cdnFailoverReadsOnly false: Alibaba Cloud CDN's standby sources). Then orders go to
 * the region's API name (GTM steering of `api.<domain>` inside the residency boundary,
 * `api-<region>.<domain>` outside), and the load balancer's order route takes only that name (a Host
 * condition), so an order the CDN forwards never reaches an order service. null: the route takes
 * any host (a CDN with one origin, or one that fails over reads only, or no CDN).
 */
export function orderHostname(spec: Pick<StackSpec, "domain" | "regions" | "cdn" | "residency">, profile: Pick<CloudProfile, "cdnFailoverReadsOnly" | "cdnOriginLimit">, region: string): string | null {
    if (!spec.cdn.enabled || profile.cdnFailoverReadsOnly || cdnOrigins(spec, profile.cdnOriginLimit).length < 2) return null;
    return apiHostname(spec, region);
}

/**
 * The host name each routed path of `region`'s load balancer takes (a Host condition on its rule),
 * null for any host: the WebSocket route (websocketHostname) and the order route (orderHostname).
 */
export function routeHostnames(spec: Pick<StackSpec, "domain" | "regions" | "cdn" | "residency">, profile: Pick<CloudProfile, "cdnCarriesWebSocket" | "cdnFailoverReadsOnly" | "cdnOriginLimit">, region: string): Readonly<Record<RouteName, string | null>> {
    return { api: null, ws: websocketHostname(spec, profile, region), order: orderHostname(spec, profile, region) };
}

/**
 * Routes whose requests on a host other than their own name (routeHostnames) the load balancer
 * must answer itself rather than leave to its default action: the order route. With compute `vm`
 * every route's server group registers the same app servers (businessRoutes), so an order posted to
 * the CDN domain that misses the Host-restricted `/order` rule would fall to the default action and
 * still be written, by whichever region the CDN's standby source sent it to.
 */
export const OFF_HOST_REFUSED_ROUTES: readonly RouteName[] = ["order"];

/**
 * The answer to such a request: HTTP 421 Misdirected Request ("the request was directed at a server
 * that is unable or unwilling to produce an authoritative response for the target URI", RFC 9110
 * section 15.5.20), as a plain-text body naming the host to use. ALB FixedResponse action
 * (alicloud.alb.Rule `ruleActions[].fixedResponseConfig`: `content` required, at most 1 KB of
 * ASCII; `contentType` one of text/plain, text/css, text/html, application/javascript,
 * application/json; `httpCode` matching `^[2-5][0-9]{2}$`: terraform-provider-alicloud
 * resource_alicloud_alb_rule.go, ALB API CreateRule FixedResponseConfig HttpCode HTTP_2xx, HTTP_4xx, HTTP_5xx).
 */
export const OFF_HOST_REFUSAL = { httpCode: 421, contentType: "text/plain" } as const;

export interface OffHostRefusal {
    /** The route refused (its name in the tier's routes). */
    readonly route: string;
    /** The route's path patterns: the refusing rule matches them on any host. */
    readonly pathPatterns: readonly string[];
    /** Rule priority: the route's own plus one, so its Host-restricted rule (lower, first) still takes its own name. */
    readonly priority: number;
    /** The one host name the route takes. */
    readonly host: string;
    /** The fixed response body (ASCII, under 1 KB). */
    readonly content: string;
}

/**
 * The refusing rules of a load balancer: for each route of OFF_HOST_REFUSED_ROUTES that takes one
 * host name only (hostOfRoute not null), a rule on its path patterns for any host, one priority
 * after the route's own rule, answered with OFF_HOST_REFUSAL. Throws when that priority is another
 * route's (rule priorities are unique per listener, alicloud.alb.Rule `priority`).
 */
export function offHostRefusals(routes: readonly BusinessRoute[], hosts: Readonly<Record<RouteName, string | null>>): OffHostRefusal[] {
    return routes.flatMap((route) => {
        const host = hostOfRoute(hosts, route);
        const name = ROUTES.find((r) => r.pathPatterns.length > 0 && r.pathPatterns[0] === route.pathPatterns[0])?.name;
        if (host === null || name === undefined || !OFF_HOST_REFUSED_ROUTES.includes(name)) return [];
        const priority = route.priority + 1;
        const taken = routes.find((r) => r.priority === priority);
        if (taken !== undefined) throw new Error(`the refusing rule of route ${route.name} needs priority ${priority}, which route ${taken.name} holds`);
        return [{ route: route.name, pathPatterns: route.pathPatterns, priority, host, content: `Misdirected: send ${route.pathPatterns[0]} requests to https://${host}${route.pathPatterns[0]}` }];
    });
}

/**
 * The host name a load balancer route takes (routeHostnames), found by its first path pattern, so a
 * tier's own route names (the serverless tier's `order`, `interaction`) map to ROUTES; null: any host.
 */
export function hostOfRoute(hosts: Readonly<Record<RouteName, string | null>>, route: { readonly pathPatterns: readonly string[] }): string | null {
    const name = ROUTES.find((r) => r.pathPatterns.length > 0 && r.pathPatterns[0] === route.pathPatterns[0])?.name;
    return name === undefined ? null : hosts[name];
}

/**
 * The host names `region`'s load balancer answers on a route without a name of its own
 * (routeHostnames null): the CDN domain (the Host the CDN forwards to its origins) and the region's
 * API name (apiHostname: `api.<domain>` inside the residency boundary, `api-<region>.<domain>`
 * outside), in that order, without repeats. An SAE ingress rule matches one domain
 * (alicloud.sae.Ingress `rules[].domain`), so a route such as `/api/users` needs a rule for each.
 */
export function regionHostnames(spec: Pick<StackSpec, "domain" | "regions" | "residency">, region: string): string[] {
    return [...new Set([globalHostnames(spec).cdn, apiHostname(spec, region)])];
}

/** The API name of `region`: `api.<domain>` inside the residency boundary, `api-<region>.<domain>` outside. */
export function apiHostname(spec: Pick<StackSpec, "domain" | "regions" | "residency">, region: string): string {
    return homeRegions(spec).includes(region) ? globalHostnames(spec).api : separateApiHostname(spec, region);
}

/** API hostname of a region outside the residency boundary, e.g. api-ap-southeast-1.live.example.com. */
export function separateApiHostname(spec: Pick<StackSpec, "domain">, region: string): string {
    return `api-${region}.${spec.domain}`;
}

/** The entry of `region` among per-region values; throws naming the region when it is missing. */
export function forRegion<T extends { readonly region: string }>(values: readonly T[], region: string): T {
    const v = values.find((x) => x.region === region);
    if (v === undefined) throw new Error(`no value given for region ${region} (given: ${values.map((x) => x.region).join(", ") || "none"})`);
    return v;
}
