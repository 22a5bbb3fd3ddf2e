import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { DnsFailoverPlan, HEALTH_CHECK } from "../model";

/** One region's entry point for latency-based steering. */
export interface SteeringRegion {
    readonly region: string;
    /** Public DNS name of the region's application load balancer. */
    readonly loadBalancerDnsName: pulumi.Input<string>;
}

export interface SteeringArgs {
    /** Name steered to the nearest healthy region, e.g. api.live.example.com (GTM's user domain). */
    readonly hostname: string;
    /**
     * GTM's CNAME access domain (gtmAccessName in components/model/global.ts): the zone, the host
     * record and the full name `rr.zone`; custom mode, the only one GTM still offers; `hostname` is
     * a CNAME to `name`.
     */
    readonly access: { readonly zone: string; readonly rr: string; readonly name: string };
    readonly regions: readonly SteeringRegion[];
    /** Health-check interval and threshold from components/model (dnsFailoverPlan). */
    readonly failover: DnsFailoverPlan;
}

/** Probe nodes of the health checks: BGP nodes in several cities (GTM city and ISP codes). */
const PROBE_NODES = [
    { cityCode: "503", ispCode: "465" },
    { cityCode: "357", ispCode: "465" },
    { cityCode: "738", ispCode: "465" },
];
/** A probe answer at or above this HTTP status counts as a failure. */
const UNHEALTHY_STATUS = 400;
/** Share of probe nodes that must fail before an address is unhealthy (one node's network trouble is not an outage). */
const FAILURE_RATE_PERCENT = 50;

/**
 * Alibaba Cloud GTM: an instance answering for `hostname`, an address pool per region holding the
 * region's load balancer name (type DOMAIN), an HTTPS health check per pool, and a latency access
 * strategy over all pools: resolvers get the nearest region whose pool is healthy. A failed
 * region's pool leaves the answers by itself, so no separate failover pool group is needed.
 */
export class Steering extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    /**
     * GTM's access domain, the CNAME target of `hostname`: the name computed from the config
     * (`access.name`), never read back from the instance. The provider's Read sets public_zone_name
     * from DescribeDnsGtmInstance `Config.PubicZoneName` (terraform-provider-alicloud
     * resource_alicloud_alidns_gtm_instance.go, resourceAlicloudAlidnsGtmInstanceRead), a field the
     * API reference gives as the access domain itself rather than its parent zone: joining the
     * read-back fields could output `gtm.gtm-....<domain>`. Should the read-back differ from the
     * input, `pulumi preview` shows an update of publicZoneName (an in-place
     * UpdateDnsGtmInstanceGlobalConfig: the field is not ForceNew), never a replacement.
     */
    readonly accessName: pulumi.Output<string>;
    readonly addressPoolIds: Readonly<Record<string, pulumi.Output<string>>>;

    constructor(name: string, args: SteeringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Steering", name, {}, opts);
        if (args.regions.length < 2) throw new pulumi.ResourceError(`latency steering needs >= 2 regions (got ${args.regions.length})`, this);
        const gtm = new alicloud.dns.GtmInstance(
            `${name}-gtm`,
            {
                instanceName: name,
                packageEdition: "ultimate",
                paymentType: "Subscription",
                period: 1,
                renewalStatus: "AutoRenewal",
                renewPeriod: 1,
                healthCheckTaskCount: 100,
                smsNotificationCount: 1000,
                strategyMode: "LATENCY",
                ttl: args.failover.ttlSeconds,
                cnameType: "PUBLIC",
                // CUSTOM: SYSTEM_ASSIGN is disabled (UpdateDnsGtmInstanceGlobalConfig PublicCnameMode,
                // help.aliyun.com/document_detail/2357230.html); the access domain is publicRr.publicZoneName
                // (alicloud.dns.GtmInstance publicRr "The CNAME access domain name", publicZoneName "The
                // domain name that is used to access GTM over the Internet").
                publicCnameMode: "CUSTOM",
                publicZoneName: args.access.zone,
                publicRr: args.access.rr,
                publicUserDomainName: args.hostname,
            },
            { parent: this },
        );
        const pools = args.regions.map((r) => {
            const pool = new alicloud.dns.AddressPool(
                `${name}-pool-${r.region}`,
                {
                    instanceId: gtm.id,
                    addressPoolName: `${name}-${r.region}`,
                    type: "DOMAIN",
                    lbaStrategy: "ALL_RR",
                    addresses: [{ address: r.loadBalancerDnsName, mode: "SMART", attributeInfo: JSON.stringify({ lineCodeRectifyType: "AUTO", lineCodes: [] }), remark: r.region }],
                },
                { parent: this },
            );
            new alicloud.dns.MonitorConfig(
                `${name}-health-${r.region}`,
                {
                    addrPoolId: pool.id,
                    protocolType: "HTTPS",
                    interval: args.failover.intervalSeconds,
                    evaluationCount: args.failover.failureThreshold,
                    timeout: args.failover.timeoutSeconds * 1000,
                    monitorExtendInfo: JSON.stringify({ host: args.hostname, path: HEALTH_CHECK.path, port: 443, code: UNHEALTHY_STATUS, failureRate: FAILURE_RATE_PERCENT, sni: true }),
                    ispCityNodes: PROBE_NODES,
                },
                { parent: this },
            );
            return { region: r.region, pool };
        });
        new alicloud.dns.AccessStrategy(
            `${name}-latency`,
            {
                instanceId: gtm.id,
                strategyName: `${name}-latency`,
                strategyMode: "LATENCY",
                defaultAddrPoolType: "DOMAIN",
                defaultAddrPools: pools.map((p) => ({ addrPoolId: p.pool.id, lbaWeight: 1 })),
                defaultLatencyOptimization: "OPEN",
                defaultMaxReturnAddrNum: 1,
                defaultMinAvailableAddrNum: 1,
            },
            { parent: this },
        );
        this.instanceId = gtm.id;
        this.accessName = pulumi.output(args.access.name);
        this.addressPoolIds = Object.fromEntries(pools.map((p) => [p.region, p.pool.id]));
        this.registerOutputs({ instanceId: this.instanceId, accessName: this.accessName, addressPoolIds: this.addressPoolIds });
    }
}
