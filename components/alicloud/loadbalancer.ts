import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { BusinessRoute, DEREGISTRATION_DELAY_SECONDS, HEALTH_CHECK, RouteName, TargetKind, targetHealthCheck, WEBSOCKET_IDLE_TIMEOUT_SECONDS, certificateNameTags, defaultRoute, hostOfRoute, offHostRefusals, OFF_HOST_REFUSAL } from "../model";

export interface LoadBalancerArgs {
    readonly vpcId: pulumi.Input<string>;
    /** Zones of the region and their vSwitches, in the same order: the ALB gets an address in each. */
    readonly zones: readonly string[];
    readonly vswitchIds: pulumi.Input<string>[];
    /** Certificate Management Service certificate id of the HTTPS listener (config `tls.certificateId`). */
    readonly certificateId: string | null;
    /** Names the certificate covers (config `tls.certificateNames`), tagged on the ALB (certificateNameTags). */
    readonly certificateNames: readonly string[];
    /**
     * The host name each path route takes (routeHostnames): the WebSocket route only the name its
     * clients use, since the CDN does not carry WebSocket (websocketHostname); the order route only
     * the API name when the CDN's standby sources could carry an order to another region
     * (orderHostname). null: any host.
     */
    readonly routeHosts: Readonly<Record<RouteName, string | null>>;
    /** Routes of the compute tier (businessRoutes): one server group and path rule each. */
    readonly routes: readonly BusinessRoute[];
    /** `instance`: ECS servers (server group type `Instance`); `ip`: pods by address (type `Ip`). */
    readonly targetKind: TargetKind;
    /**
     * Who owns the HTTPS listener: `loadBalancer` (this component: listener, TLS policy, path rules,
     * server groups) or `sae` (an SAE ingress creates the listener and its rules on this ALB; the
     * component keeps only the HTTP redirect).
     */
    readonly httpsOwner: "loadBalancer" | "sae";
    readonly tags: Record<string, string>;
}

/** ALB server group type of each target kind (alicloud_alb_server_group `server_group_type`: Instance, Ip, Fc). */
export const SERVER_GROUP_TYPE: Readonly<Record<TargetKind, string>> = { instance: "Instance", ip: "Ip" };


/** Priority of the HTTP listener's catch-all redirect rule. */
const REDIRECT_PRIORITY = 1;
/**
 * System TLS security policy of the HTTPS listener: TLS 1.2 (strict, forward-secret ciphers only)
 * and TLS 1.3; TLS 1.0 and 1.1 are refused. The ALB default (tls_cipher_policy_1_0) still allows them.
 */
export const TLS_SECURITY_POLICY = "tls_cipher_policy_1_2_strict_with_1_3";

/**
 * Internet-facing ALB over every zone of the region: HTTPS terminates here and is routed by URL path
 * to one server group per route (/order, /ws, the rest to /api); plain HTTP only redirects to HTTPS.
 * A route that takes only its host name and must not fall to the default action on another host
 * (offHostRefusals: /order where the CDN's standby sources span regions) gets a second rule on its
 * paths for any host that answers 421 (OFF_HOST_REFUSAL).
 *
 * ALB idle timeouts are set per listener, so the HTTPS listener carries the WebSocket idle timeout;
 * the /ws group additionally keeps viewers on one server (sticky sessions) across reconnects.
 */
export class LoadBalancer extends pulumi.ComponentResource {
    readonly loadBalancerId: pulumi.Output<string>;
    readonly dnsName: pulumi.Output<string>;
    /** Server group id per route name (empty when an SAE ingress owns the HTTPS listener). */
    readonly serverGroupIds: Readonly<Record<string, pulumi.Output<string>>>;
    /** null when an SAE ingress owns the HTTPS listener. */
    readonly httpsListenerId: pulumi.Output<string> | null;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:LoadBalancer", name, {}, opts);
        const { tags } = args;
        if (args.zones.length !== args.vswitchIds.length) {
            throw new pulumi.ResourceError(`load balancer needs one vSwitch per zone (got ${args.vswitchIds.length} for ${args.zones.length} zones)`, this);
        }
        if (args.certificateId === null) {
            pulumi.log.warn(`tls.certificateId is not set: the HTTPS listener has no certificate and cannot be created; set ${pulumi.getProject()}:tls to {certificateId: <CAS certificate id>}`, this);
        }

        const alb = new alicloud.alb.LoadBalancer(
            `${name}-alb`,
            {
                loadBalancerName: name,
                vpcId: args.vpcId,
                addressType: "Internet",
                addressAllocatedMode: "Fixed",
                loadBalancerEdition: "Standard",
                loadBalancerBillingConfig: { payType: "PayAsYouGo" },
                zoneMappings: args.zones.map((zoneId, i) => ({ zoneId, vswitchId: args.vswitchIds[i] })),
                deletionProtectionEnabled: true,
                modificationProtectionConfig: { status: "ConsoleProtection", reason: "managed-by-pulumi" },
                tags: { ...tags, ...certificateNameTags(args.certificateNames) },
            },
            { parent: this },
        );

        // A route's group carries its route's name in the `route` tag (as the AWS target groups do):
        // the flow analysis finds the route's rule by the group it forwards to when the rule's
        // conditions miss the route (policies/flows/walk.ts routeGroupTest).
        const serverGroup = (groupName: string, longLived: boolean, route?: string): alicloud.alb.ServerGroup =>
            new alicloud.alb.ServerGroup(
                `${name}-group-${groupName}`,
                {
                    serverGroupName: `${name}-${groupName}`,
                    serverGroupType: SERVER_GROUP_TYPE[args.targetKind],
                    protocol: "HTTP",
                    vpcId: args.vpcId,
                    scheduler: longLived ? "Wlc" : "Wrr",
                    healthCheckConfig: {
                        healthCheckEnabled: true,
                        healthCheckProtocol: "HTTP",
                        healthCheckMethod: "GET",
                        healthCheckPath: targetHealthCheck(args.targetKind).path,
                        healthCheckCodes: ["http_2xx"],
                        healthCheckInterval: HEALTH_CHECK.intervalSeconds,
                        healthCheckTimeout: HEALTH_CHECK.timeoutSeconds,
                        healthyThreshold: HEALTH_CHECK.healthyThreshold,
                        unhealthyThreshold: HEALTH_CHECK.unhealthyThreshold,
                    },
                    connectionDrainConfig: { connectionDrainEnabled: true, connectionDrainTimeout: DEREGISTRATION_DELAY_SECONDS },
                    stickySessionConfig: longLived
                        ? { stickySessionEnabled: true, stickySessionType: "Insert", cookieTimeout: WEBSOCKET_IDLE_TIMEOUT_SECONDS }
                        : { stickySessionEnabled: false },
                    tags: route === undefined ? tags : { ...tags, route },
                },
                { parent: this },
            );
        const forwardTo = (group: alicloud.alb.ServerGroup) => [{ type: "ForwardGroup", forwardGroupConfig: { serverGroupTuples: [{ serverGroupId: group.id }] } }];
        const fallback = defaultRoute(args.routes);

        const groups = new Map<string, alicloud.alb.ServerGroup>();
        let https: alicloud.alb.Listener | null = null;
        if (args.httpsOwner === "loadBalancer") {
            for (const route of args.routes) groups.set(route.name, serverGroup(route.name, route.longLived, route.name));
            const groupOf = (route: BusinessRoute): alicloud.alb.ServerGroup => {
                const g = groups.get(route.name);
                if (g === undefined) throw new pulumi.ResourceError(`no server group for route ${route.name}`, this);
                return g;
            };
            https = new alicloud.alb.Listener(
                `${name}-https`,
                {
                    loadBalancerId: alb.id,
                    listenerProtocol: "HTTPS",
                    listenerPort: 443,
                    listenerDescription: `${name} HTTPS`,
                    ...(args.certificateId !== null ? { certificates: { certificateId: args.certificateId } } : {}),
                    securityPolicyId: TLS_SECURITY_POLICY,
                    idleTimeout: WEBSOCKET_IDLE_TIMEOUT_SECONDS,
                    requestTimeout: 60,
                    gzipEnabled: true,
                    http2Enabled: true,
                    xForwardedForConfig: { xForwardedForEnabled: true, xForwardedForProtoEnabled: true },
                    defaultActions: forwardTo(groupOf(fallback)),
                    tags,
                },
                { parent: this },
            );
            for (const route of args.routes.filter((r) => r.pathPatterns.length > 0)) {
                new alicloud.alb.Rule(
                    `${name}-rule-${route.name}`,
                    {
                        ruleName: `${name}-${route.name}`,
                        listenerId: https.id,
                        priority: route.priority,
                        // All conditions of a rule must match (ALB API CreateRule RuleConditions: a Host
                        // condition matches the request's Host header against hostConfig.values; alicloud.alb.Rule
                        // ruleConditions type Host): the WebSocket and order routes take only their host name.
                        ruleConditions: [{ type: "Path", pathConfig: { values: [...route.pathPatterns] } }, ...hostConditions(hostOfRoute(args.routeHosts, route))],
                        ruleActions: [{ order: 1, ...forwardTo(groupOf(route))[0] }],
                    },
                    { parent: this },
                );
            }
            // An order posted on another host (the CDN domain) is answered 421 by the ALB instead of
            // falling to the default action, whose servers serve /order too with compute vm
            // (offHostRefusals): ALB rule action FixedResponse (alicloud.alb.Rule ruleActions type
            // FixedResponse with fixedResponseConfig content, contentType, httpCode).
            for (const refusal of offHostRefusals(args.routes, args.routeHosts)) {
                new alicloud.alb.Rule(
                    `${name}-rule-${refusal.route}-other-hosts`,
                    {
                        ruleName: `${name}-${refusal.route}-other-hosts`,
                        listenerId: https.id,
                        priority: refusal.priority,
                        ruleConditions: [{ type: "Path", pathConfig: { values: [...refusal.pathPatterns] } }],
                        ruleActions: [{ order: 1, type: "FixedResponse", fixedResponseConfig: { content: refusal.content, contentType: OFF_HOST_REFUSAL.contentType, httpCode: String(OFF_HOST_REFUSAL.httpCode) } }],
                    },
                    { parent: this },
                );
            }
        }
        // An ALB listener must forward by default; with SAE owning HTTPS the HTTP listener gets an
        // empty server group of its own, never reached: the redirect rule matches every path first.
        const httpDefault = groups.get(fallback.name) ?? serverGroup("redirect", false);

        const http = new alicloud.alb.Listener(
            `${name}-http`,
            {
                loadBalancerId: alb.id,
                listenerProtocol: "HTTP",
                listenerPort: 80,
                listenerDescription: `${name} HTTP, redirects to HTTPS`,
                // An ALB listener must name a default server group; the redirect rule below matches every path first.
                defaultActions: forwardTo(httpDefault),
                tags,
            },
            { parent: this },
        );
        new alicloud.alb.Rule(
            `${name}-rule-redirect`,
            {
                ruleName: `${name}-redirect-https`,
                listenerId: http.id,
                priority: REDIRECT_PRIORITY,
                ruleConditions: [{ type: "Path", pathConfig: { values: ["/*"] } }],
                ruleActions: [{ order: 1, type: "Redirect", redirectConfig: { protocol: "HTTPS", port: "443", httpCode: "301" } }],
            },
            { parent: this },
        );

        this.loadBalancerId = alb.id;
        this.dnsName = alb.dnsName;
        this.serverGroupIds = Object.fromEntries([...groups].map(([routeName, g]) => [routeName, g.id]));
        this.httpsListenerId = https !== null ? https.id : null;
        this.registerOutputs({ loadBalancerId: this.loadBalancerId, dnsName: this.dnsName });
    }
}

/** The Host condition of a rule taking only `host` (ALB API CreateRule RuleConditions, type Host, HostConfig.Values), none for any host. */
function hostConditions(host: string | null): { type: string; hostConfig: { values: string[] } }[] {
    return host === null ? [] : [{ type: "Host", hostConfig: { values: [host] } }];
}
