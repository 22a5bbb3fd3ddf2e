// The business compute tier of a stack: which one of VMs, Kubernetes or serverless containers
// serves the load balancer's routes, and how the routes reach its units. Pure: both clouds'
// load balancers and the availability model read these decisions.

import { ROUTE_NODE_PORTS, ROUTE_SERVICE } from "./flows";
import { APP_WARM_UP_SECONDS } from "./kubernetes";
import { ROUTES, healthySeconds, targetHealthCheck } from "./loadbalancer";
import { ServerlessInstanceLimit } from "./profile";
import { ComputeTier, RegionSpec, SERVICE_NAMES, ServiceName, ServiceSpec, StackSpec } from "./types";

/** What a load-balancer route forwards to: the app group, or one service of the container tiers. */
export type RouteTarget = { readonly kind: "appGroup" } | { readonly kind: "service"; readonly service: ServiceName };

/**
 * How a route's backends register: `instance` (servers of the scaling group, by instance id) or
 * `ip` (pods and serverless tasks, by their ENI address: Fargate's awsvpc network mode takes only
 * `ip` targets; AWS ELB "Target type"; Alibaba Cloud ALB server group type `Ip`).
 */
export type TargetKind = "instance" | "ip";

export interface BusinessRoute {
    /** Route and group name: the route names of ROUTES for `vm`, the service names otherwise. */
    readonly name: string;
    /** Path patterns of the listener rule; empty for the listener's default route. */
    readonly pathPatterns: readonly string[];
    /** Rule priority (lower wins), unique per listener. */
    readonly priority: number;
    /** WebSocket traffic: least-connections balancing, sticky sessions, long idle timeout. */
    readonly longLived: boolean;
    readonly target: RouteTarget;
}

/**
 * Path scheme of the container tiers: `/api/users` to user, `/api/products` to product, `/order`
 * to order, `/ws` to interaction (the WebSocket push of likes and comments); every other path
 * (pages, cart, search) falls to product, the catalogue service that renders the shop.
 *
 * Rule priorities 110, 120, 130 (200 for the default route, the listener's default action, not a
 * rule): disjoint from those of ROUTES (vm, kubernetes: 10, 20, 100) and from the Alibaba Cloud
 * HTTP listener's redirect rule (1). A compute switch updates the kept rules and creates the new
 * ones while Pulumi deletes the removed rules last, so a priority both sets used would be asked for
 * while the old rule still holds it (ELB `PriorityInUse`; "A listener can't have multiple rules with
 * the same priority", `aws.lb.ListenerRule.priority`). Both clouds' ranges hold them: AWS
 * `aws.lb.ListenerRule.priority` 1 to 50000, Alibaba Cloud `alicloud.alb.Rule.priority` 1 to 10000
 * (the SDK docstrings at the pinned providers).
 */
export const SERVICE_ROUTES: readonly BusinessRoute[] = [
    { name: "user", pathPatterns: ["/api/users", "/api/users/*"], priority: 110, longLived: false, target: { kind: "service", service: "user" } },
    { name: "order", pathPatterns: ["/order", "/order/*"], priority: 120, longLived: false, target: { kind: "service", service: "order" } },
    { name: "interaction", pathPatterns: ["/ws", "/ws/*"], priority: 130, longLived: true, target: { kind: "service", service: "interaction" } },
    { name: "product", pathPatterns: [], priority: 200, longLived: false, target: { kind: "service", service: "product" } },
];

/**
 * The routes of a compute tier: `vm` keeps the three path routes of ROUTES (/order, /ws, the rest)
 * on the one app group; `kubernetes` keeps the same three routes, each to its service's NodePort on
 * the nodes (ROUTE_SERVICE, ROUTE_NODE_PORTS: /order to order, /ws to interaction, the rest to
 * product; user is called by the other services, not routed); `serverless` gives each of the four
 * services its own route and group. Exactly one route has no path pattern: the listener's default.
 */
export function businessRoutes(compute: ComputeTier): readonly BusinessRoute[] {
    if (compute === "serverless") return SERVICE_ROUTES;
    return ROUTES.map((r) => ({
        name: r.name,
        pathPatterns: r.pathPatterns,
        priority: r.priority,
        longLived: r.longLived,
        target: compute === "vm" ? { kind: "appGroup" } : { kind: "service", service: ROUTE_SERVICE[r.name] },
    }));
}

/**
 * Registration of the routes' backends: servers and Kubernetes nodes by instance (nodes answer on
 * the route's NodePort), serverless tasks by address (Fargate's awsvpc network mode registers `ip`).
 */
export function targetKind(compute: ComputeTier): TargetKind {
    return compute === "serverless" ? "ip" : "instance";
}

/** The NodePort a route reaches the nodes on (compute `kubernetes`), undefined for routes without one. */
export function routeNodePort(route: string): number | undefined {
    return Object.entries(ROUTE_NODE_PORTS).find(([name]) => name === route)?.[1];
}

/** The listener's default route of a tier (the one without path patterns). */
export function defaultRoute(routes: readonly BusinessRoute[]): BusinessRoute {
    const fallback = routes.find((r) => r.pathPatterns.length === 0);
    if (fallback === undefined) throw new Error("a route list needs one default route without path patterns");
    return fallback;
}

/**
 * Size of one serverless instance per service, in vCPU and GiB: a pair both clouds offer (SAE
 * `cpu` 1000/2000 millicores with `memory` 2048/4096 MB, "Valid values: 500, 1000, 2000, ..." and
 * "1024, 2048, 4096, ..." in the alicloud_sae_application schema; Fargate task sizes 1 vCPU with
 * 2-8 GB and 2 vCPU with 4-16 GB, ECS developer guide "Task CPU and memory"). Order and interaction
 * carry the checkout and the live room's connections, so they get twice the others.
 */
export const SERVERLESS_UNIT_SIZE: Readonly<Record<ServiceName, { readonly vcpu: number; readonly memoryGiB: number }>> = {
    user: { vcpu: 1, memoryGiB: 2 },
    product: { vcpu: 1, memoryGiB: 2 },
    order: { vcpu: 2, memoryGiB: 4 },
    interaction: { vcpu: 2, memoryGiB: 4 },
};

/** Fewest instances every zone keeps of each service, so a zone loss leaves the others serving. */
export const MIN_INSTANCES_PER_ZONE = 1;

export interface ServerlessUnitPlan {
    readonly service: ServiceName;
    readonly vcpu: number;
    readonly memoryGiB: number;
    /** Instances at minimum in the region: the service's floor, at least MIN_INSTANCES_PER_ZONE per zone. */
    readonly minInstances: number;
    readonly maxInstances: number;
}

/** The serverless units of a region: one per service, its floor lifted to one instance per zone. */
export function planServerlessUnits(services: Readonly<Record<ServiceName, ServiceSpec>>, region: RegionSpec): ServerlessUnitPlan[] {
    return SERVICE_NAMES.map((service) => {
        const s = services[service];
        const minInstances = Math.max(s.minReplicas, MIN_INSTANCES_PER_ZONE * region.zones.length);
        return { service, ...SERVERLESS_UNIT_SIZE[service], minInstances, maxInstances: Math.max(s.maxReplicas, minInstances) };
    });
}

/**
 * The least health check grace period of an ECS service on Fargate, in seconds: the app's warm-up
 * (APP_WARM_UP_SECONDS, 120 s: the app image contract gives an app that long to answer 200 on
 * `/ready`) plus the time its `/ready` target group takes to count the task healthy once it answers
 * (healthySeconds of targetHealthCheck("ip"): 2 checks 5 s apart, 10 s) plus the timeout of the
 * last of those checks (3 s: a check that starts at 130 s may answer until 133 s), so 133 s. An app
 * that turns ready just before its warm-up ends is still unhealthy to the target group at 120 s,
 * and ECS would replace it there.
 */
export const TASK_GRACE_PERIOD_MIN_SECONDS = APP_WARM_UP_SECONDS + healthySeconds(targetHealthCheck("ip")) + targetHealthCheck("ip").timeoutSeconds;

/**
 * The default of `app.healthCheckGracePeriodSeconds`: the stage preset's (`presetSeconds`, 120 s,
 * the app servers' boot and app start) with compute vm and kubernetes; with compute serverless at
 * least TASK_GRACE_PERIOD_MIN_SECONDS (133 s), the ECS services' grace period on Fargate.
 */
export function gracePeriodDefault(compute: ComputeTier, presetSeconds: number): number {
    return compute === "serverless" ? Math.max(presetSeconds, TASK_GRACE_PERIOD_MIN_SECONDS) : presetSeconds;
}

/**
 * The health check grace period of the ECS services on Fargate (`app.healthCheckGracePeriodSeconds`,
 * compute serverless on AWS) against TASK_GRACE_PERIOD_MIN_SECONDS (133 s): the target group
 * checks `/ready` and ECS replaces a task that fails it once the grace period is over ("the Amazon
 * ECS service scheduler ignores unhealthy Elastic Load Balancing, VPC Lattice, and container health
 * checks after a task has first started", ECS CreateService `healthCheckGracePeriodSeconds`;
 * targetHealthCheck), so a shorter period replaces tasks still warming up or not yet counted
 * healthy, a deployment never becomes steady and the circuit breaker rolls it back. The issue names
 * the field, the value and the range allowed; none with another compute (SAE waits by its probes'
 * delays and does not read the key: schema.ts `computeClouds`).
 */
export function checkTaskGracePeriod(spec: Pick<StackSpec, "compute" | "app">): string[] {
    const seconds = spec.app.healthCheckGracePeriodSeconds;
    if (spec.compute !== "serverless" || seconds >= TASK_GRACE_PERIOD_MIN_SECONDS) return [];
    const ready = targetHealthCheck("ip");
    return [
        `app.healthCheckGracePeriodSeconds: ${seconds} s is shorter than a Fargate task needs with compute serverless (ECS replaces a task whose target group check of /ready fails after the grace period: the app image contract gives an app ${APP_WARM_UP_SECONDS} s to start, docs/METRICS.md, and the target group counts it healthy after ${ready.healthyThreshold} checks ${ready.intervalSeconds} s apart, the last answered within its ${ready.timeoutSeconds} s timeout); allowed: ${TASK_GRACE_PERIOD_MIN_SECONDS} to 3600`,
    ];
}

/**
 * The serverless units' instance ceilings against the cloud's per-unit limit
 * (CloudProfile.serverlessInstanceLimit: 50 per SAE application): with compute serverless, every
 * service whose ceiling (maxReplicas, or its floor when higher) exceeds the limit is an issue naming
 * the field, the value and the limit, unless `kubernetes.<raisedFlag>` says the account was raised.
 */
export function checkServerlessInstanceLimit(spec: Pick<StackSpec, "compute" | "kubernetes" | "regions">, limit: ServerlessInstanceLimit | null): string[] {
    if (spec.compute !== "serverless" || limit === null || spec.kubernetes[limit.raisedFlag]) return [];
    return SERVICE_NAMES.flatMap((service) => {
        const s = spec.kubernetes.services[service];
        const ceiling = Math.max(0, ...spec.regions.flatMap((region) => planServerlessUnits(spec.kubernetes.services, region).filter((u) => u.service === service).map((u) => u.maxInstances)));
        if (ceiling <= limit.instances) return [];
        const field = s.maxReplicas >= s.minReplicas ? "maxReplicas" : "minReplicas";
        return [
            `kubernetes.services.${service}.${field}: ${s[field]} instances exceed the ${limit.instances} per application allowed without the cloud's whitelist (${limit.source}); ` +
                `allowed: at most ${limit.instances}, or set kubernetes.${limit.raisedFlag}: true once the account is on the whitelist`,
        ];
    });
}

/**
 * The scheduled ceilings of the serverless units (the events' and peaks' timers raise maxReplicas
 * above the service's own: scheduleCeiling) against the same per-unit limit as
 * checkServerlessInstanceLimit; `scheduledCeiling` gives a unit's largest scheduled maxSize in a
 * region. Run on a valid spec (the schedule is planned from it).
 */
export function checkScheduledInstanceLimit(
    spec: Pick<StackSpec, "compute" | "kubernetes" | "regions">,
    limit: ServerlessInstanceLimit | null,
    scheduledCeiling: (unit: ServerlessUnitPlan, region: RegionSpec) => number,
): string[] {
    if (spec.compute !== "serverless" || limit === null || spec.kubernetes[limit.raisedFlag]) return [];
    return SERVICE_NAMES.flatMap((service) => {
        const scheduled = Math.max(0, ...spec.regions.flatMap((region) => planServerlessUnits(spec.kubernetes.services, region).filter((u) => u.service === service).map((u) => scheduledCeiling(u, region))));
        if (scheduled <= limit.instances) return [];
        return [
            `events, peaks: they raise the ${service} ceiling (kubernetes.services.${service}.maxReplicas) to ${scheduled} instances, above the ${limit.instances} per application allowed without the cloud's whitelist (${limit.source}); ` +
                `allowed: events and peaks whose scheduled ceiling stays at most ${limit.instances} (a smaller peakOnline), or set kubernetes.${limit.raisedFlag}: true once the account is on the whitelist`,
        ];
    });
}

/** Cross-field checks of the compute choice; each issue names the field, the value and what is allowed. */
export function checkCompute(spec: Pick<StackSpec, "compute" | "kubernetes">, kubernetesEnabledSet: boolean): string[] {
    const wantsCluster = spec.compute === "kubernetes";
    if (kubernetesEnabledSet && spec.kubernetes.enabled !== wantsCluster) {
        return [
            `kubernetes.enabled: ${spec.kubernetes.enabled} contradicts compute ${spec.compute} (exactly one business tier per region); ` +
                `allowed: leave kubernetes.enabled unset (it follows compute) or set compute: kubernetes`,
        ];
    }
    return [];
}
