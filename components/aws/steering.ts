import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { DnsFailoverPlan, HEALTH_CHECK } from "../model";

/** One region's entry point for latency-based steering. */
export interface SteeringRegion {
    readonly region: string;
    /** Public DNS name of the region's application load balancer. */
    readonly loadBalancerDnsName: pulumi.Input<string>;
    /** Route 53 hosted zone id of that load balancer (for the alias record). */
    readonly loadBalancerZoneId: pulumi.Input<string>;
}

export interface SteeringArgs {
    /** Name of the public hosted zone (the stack's domain). */
    readonly domain: string;
    /** Name steered to the nearest healthy region, e.g. api.live.example.com. */
    readonly hostname: string;
    /** Existing public hosted zone id of `domain`; null creates the zone. */
    readonly zoneId: string | null;
    readonly regions: readonly SteeringRegion[];
    /** Health-check interval and threshold from components/model (dnsFailoverPlan). */
    readonly failover: DnsFailoverPlan;
    /** The CDN's alias target: an alias record for `domain` itself is added when given. Defaults to none (no record for `domain`). */
    readonly cdnAlias?: { readonly name: pulumi.Input<string>; readonly zoneId: pulumi.Input<string> };
    readonly tags: Record<string, string>;
}

/**
 * Route 53 latency-based steering: a health check per region (HTTPS on the health path, the
 * shortest interval Route 53 offers) and one latency alias record per region with `setIdentifier`
 * and the region's health check, so resolvers get the nearest region that is healthy.
 */
export class Steering extends pulumi.ComponentResource {
    readonly zoneId: pulumi.Output<string>;
    /** Name servers to delegate `domain` to, when the zone is created here. */
    readonly nameServers: pulumi.Output<string[]> | undefined;
    readonly healthCheckIds: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: SteeringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Steering", name, {}, opts);
        if (args.regions.length < 2) throw new pulumi.ResourceError(`latency steering needs >= 2 regions (got ${args.regions.length})`, this);
        const zone = args.zoneId === null ? new aws.route53.Zone(`${name}-zone`, { name: args.domain, comment: "live-commerce public zone", tags: args.tags }, { parent: this }) : undefined;
        const zoneId = args.zoneId !== null ? pulumi.output(args.zoneId) : zone?.zoneId;
        if (zoneId === undefined) throw new pulumi.ResourceError("no hosted zone: neither a zone id nor a created zone", this);

        const healthCheckIds: Record<string, pulumi.Output<string>> = {};
        for (const r of args.regions) {
            const check = new aws.route53.HealthCheck(
                `${name}-hc-${r.region}`,
                {
                    type: "HTTPS",
                    fqdn: r.loadBalancerDnsName,
                    port: 443,
                    resourcePath: HEALTH_CHECK.path,
                    enableSni: true,
                    requestInterval: args.failover.intervalSeconds,
                    failureThreshold: args.failover.failureThreshold,
                    measureLatency: true,
                    tags: { ...args.tags, Name: `${args.hostname} ${r.region}` },
                },
                { parent: this },
            );
            new aws.route53.Record(
                `${name}-latency-${r.region}`,
                {
                    zoneId,
                    name: args.hostname,
                    type: "A",
                    setIdentifier: r.region,
                    latencyRoutingPolicies: [{ region: r.region }],
                    healthCheckId: check.id,
                    aliases: [{ name: r.loadBalancerDnsName, zoneId: r.loadBalancerZoneId, evaluateTargetHealth: true }],
                },
                { parent: this },
            );
            healthCheckIds[r.region] = check.id;
        }
        if (args.cdnAlias !== undefined) {
            new aws.route53.Record(
                `${name}-cdn`,
                { zoneId, name: args.domain, type: "A", aliases: [{ name: args.cdnAlias.name, zoneId: args.cdnAlias.zoneId, evaluateTargetHealth: false }] },
                { parent: this },
            );
        }
        this.zoneId = zoneId;
        this.nameServers = zone?.nameServers;
        this.healthCheckIds = healthCheckIds;
        this.registerOutputs({ zoneId: this.zoneId, healthCheckIds: this.healthCheckIds });
    }
}
