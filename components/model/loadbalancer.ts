// Layer-7 routing and health checking of the app tier, shared by both clouds' load balancers.

import type { TargetKind } from "./compute";

export const ROUTE_NAMES = ["api", "ws", "order"] as const;
/** api: product, user and cart APIs (default); ws: WebSocket push of likes and comments; order: order creation. */
export type RouteName = (typeof ROUTE_NAMES)[number];

export interface Route {
    readonly name: RouteName;
    /** Path patterns routed to this route's server/target group; the default route has none. */
    readonly pathPatterns: readonly string[];
    /** Rule priority (lower wins); unique per listener. */
    readonly priority: number;
    /** Long-lived connections (WebSocket) need sticky, long-idle handling. */
    readonly longLived: boolean;
}

/** Routing by URL path: orders and WebSocket get their own groups so each scales and drains independently. */
export const ROUTES: readonly Route[] = [
    { name: "order", pathPatterns: ["/order", "/order/*"], priority: 10, longLived: false },
    { name: "ws", pathPatterns: ["/ws", "/ws/*"], priority: 20, longLived: true },
    { name: "api", pathPatterns: [], priority: 100, longLived: false },
];

/** The path prefix of the product, user and cart APIs the default route answers (compute.ts routes /api/users to the user service). */
export const API_PATH = "/api";

/**
 * Directories whose responses differ per user and are never served from a CDN cache: the APIs,
 * the orders and the WebSocket endpoint (each route's first path pattern). AWS leaves everything
 * but STATIC_PATH uncached (CachingDisabled on the default behaviour); Alibaba Cloud CDN gets a
 * zero-TTL cache rule per directory.
 */
export const DYNAMIC_PATHS: readonly string[] = [API_PATH, ...ROUTES.filter((r) => r.pathPatterns.length > 0).map((r) => r.pathPatterns[0])];

/** Idle timeout for listeners carrying WebSocket traffic (clients ping every 30 s; 10 minutes tolerates lulls). */
export const WEBSOCKET_IDLE_TIMEOUT_SECONDS = 600;

/**
 * Seconds between the WebSocket pings of the app image contract (docs/METRICS.md): the interaction
 * service pings each open WebSocket this often unless its environment sets WEBSOCKET_PING_ENV.
 */
export const WEBSOCKET_PING_INTERVAL_SECONDS = 30;

/** The environment variable that sets the interaction service's WebSocket ping interval in seconds (an integer). */
export const WEBSOCKET_PING_ENV = "WS_PING_INTERVAL_SECONDS";

/**
 * The WebSocket ping interval (seconds) that keeps a connection open through a listener closing
 * connections idle for `idleTimeoutSeconds`: at most half of it (one ping may be lost and the next
 * still arrives in time), never more than the contract's WEBSOCKET_PING_INTERVAL_SECONDS, at least 1.
 * A ping frame is payload on the connection, so the load balancer counts it as traffic.
 * Errors: a timeout that is not a positive number.
 */
export function websocketPingSeconds(idleTimeoutSeconds: number): number {
    if (!(idleTimeoutSeconds > 0)) throw new Error(`websocketPingSeconds: idleTimeoutSeconds must be a positive number of seconds (got ${idleTimeoutSeconds})`);
    return Math.max(1, Math.min(WEBSOCKET_PING_INTERVAL_SECONDS, Math.floor(idleTimeoutSeconds / 2)));
}

/**
 * Whether an open WebSocket survives a lull: true when the pings (every `pingSeconds`) arrive
 * before the listener's idle timeout closes the connection, else the reason (both numbers named).
 * `idleFrom` says where the timeout comes from (the listener's setting or the load balancer's default).
 */
export function websocketIdleVerdict(idleTimeoutSeconds: number, pingSeconds: number, idleFrom: string): true | string {
    if (pingSeconds < idleTimeoutSeconds) return true;
    return `the listener closes a connection idle for ${idleTimeoutSeconds} s (${idleFrom}) and the interaction service pings every ${pingSeconds} s: open WebSockets drop in every lull longer than ${idleTimeoutSeconds} s`;
}

export interface HealthCheck {
    readonly path: string;
    readonly intervalSeconds: number;
    readonly timeoutSeconds: number;
    readonly healthyThreshold: number;
    readonly unhealthyThreshold: number;
}

/**
 * The HTTP paths the app image contract (docs/METRICS.md "The app image contract") asks every app
 * image to answer on `appPort`, and the only paths any tier probes:
 * - `health` (`/healthz`): 200 while the process can serve. The load balancer's health check of
 *   the vm and kubernetes tiers (servers, NodePorts), the liveness and startup probes of pods and
 *   the liveness probe of SAE instances.
 * - `ready` (`/ready`): 200 while the instance should receive new requests. The readiness probes of
 *   pods (Kubernetes) and of SAE instances (`readinessV2`), and the target groups' health check of
 *   Fargate tasks (targetHealthCheck).
 */
export const APP_CONTRACT_PATHS: Readonly<{ health: "/healthz"; ready: "/ready" }> = { health: "/healthz", ready: "/ready" };

/**
 * Health check of every group: a dead server is taken out after interval x unhealthy threshold =
 * 10 s, well inside the 30 s failover budget of the requirements.
 */
export const HEALTH_CHECK: HealthCheck = { path: APP_CONTRACT_PATHS.health, intervalSeconds: 5, timeoutSeconds: 3, healthyThreshold: 2, unhealthyThreshold: 2 };

/**
 * The health check of a route's target group by how its targets register (TargetKind):
 * - `instance` (servers of the app group, Kubernetes nodes on a NodePort): HEALTH_CHECK on
 *   `/healthz`; a node answers for kube-proxy, and the pods' readiness probes on `/ready` decide
 *   which pods get the requests (PROBES);
 * - `ip` (ECS tasks on Fargate, compute serverless): HEALTH_CHECK on `/ready`. The target group is
 *   the only gate in front of a task, so it checks readiness: a task still warming up or draining
 *   answers 503 there and gets no new requests. ECS also stops and replaces a task of a service
 *   whose load balancer health check fails (AWS::ECS::TaskDefinition HealthCheck: "For tasks that
 *   are part of a service, if the task reports as unhealthy then the task will be stopped and the
 *   service scheduler will replace it"; ECS does so on the ELB check as well, aws/containers-roadmap#1271),
 *   except within the service's `healthCheckGracePeriodSeconds` ("ignores unhealthy Elastic Load
 *   Balancing, VPC Lattice, and container health checks after a task has first started", ECS
 *   CreateService), which covers the warm-up; so on Fargate `/ready` also stands for liveness: a
 *   task that answers 503 there for longer than failureDetectionSeconds after its grace period is
 *   replaced (docs/METRICS.md). No container health check is declared: ECS runs it as a command
 *   inside the container (ECS HealthCheck `command`, `CMD-SHELL`), which the app image contract
 *   does not ask images to carry.
 */
export function targetHealthCheck(kind: TargetKind): HealthCheck {
    return kind === "ip" ? { ...HEALTH_CHECK, path: APP_CONTRACT_PATHS.ready } : HEALTH_CHECK;
}

/**
 * Seconds from a target answering its check to the load balancer counting it healthy: interval x
 * healthy threshold (HEALTH_CHECK: 5 s x 2 = 10 s), the checks in a row a target must pass.
 */
export function healthySeconds(hc: HealthCheck): number {
    return hc.intervalSeconds * hc.healthyThreshold;
}

/** Seconds from a server failing to the load balancer stopping traffic to it. */
export function failureDetectionSeconds(hc: HealthCheck): number {
    return hc.intervalSeconds * hc.unhealthyThreshold;
}

/** Seconds in-flight requests get to finish when a server leaves a group (rolling updates, scale-in). */
export const DEREGISTRATION_DELAY_SECONDS = 30;

/**
 * Longest `namePrefix` of an AWS load balancer or target group: the provider appends a unique
 * 26-character suffix to fit the 32-character name limit (terraform-provider-aws
 * internal/service/elbv2/validate.go, validNamePrefix: 6 characters).
 */
export const ELB_NAME_PREFIX_MAX = 6;

/**
 * `namePrefix` of an AWS load balancer (`alb-`) or of a route's target group (`api-`, `order-`,
 * `ws-`; the services' routes `user-`, `produ-`, `order-`, `inter-`), cut to ELB_NAME_PREFIX_MAX. A prefix instead of a name: a fixed name cannot be created before its predecessor is
 * deleted on replacement, and Pulumi's auto-name (logical name + 7 characters) exceeds 32.
 */
export function elbNamePrefix(role: string): string {
    // Service routes are longer than the prefix allows: interaction -> inter-, product -> produ-.
    return `${role.slice(0, ELB_NAME_PREFIX_MAX - 1)}-`;
}

/** Key prefix of the tags naming what the load balancer's listener certificate covers: `certificate-name-1`, `certificate-name-2`, ... */
export const CERTIFICATE_NAME_TAG = "certificate-name-";

/**
 * Tags declaring the names the listener certificate covers (config `tls.certificateNames`), one
 * name a tag (a tag value holds at most 128 characters, CERTIFICATE_NAME_PATTERN), so the plan
 * carries them and the flows can check each served host name against them.
 */
export function certificateNameTags(names: readonly string[]): Record<string, string> {
    return Object.fromEntries(names.map((n, i) => [`${CERTIFICATE_NAME_TAG}${i + 1}`, n]));
}

/** The names a load balancer's tags declare its certificate covers (certificateNameTags), in tag order. */
export function certificateNamesOf(tags: unknown): string[] {
    if (typeof tags !== "object" || tags === null) return [];
    return Object.entries(tags)
        .filter((e): e is [string, string] => e[0].startsWith(CERTIFICATE_NAME_TAG) && typeof e[1] === "string")
        .sort(([a], [b]) => Number(a.slice(CERTIFICATE_NAME_TAG.length)) - Number(b.slice(CERTIFICATE_NAME_TAG.length)))
        .map(([, v]) => v);
}
