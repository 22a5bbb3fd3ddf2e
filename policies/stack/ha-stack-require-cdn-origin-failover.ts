import { CDN_REFERENCES, cdnOrigins, separateRegions, servingRegions } from "../availability/global";
import { Node } from "../availability/tiers";
import { intConfig } from "../lib/policy";
import { num } from "../lib/values";
import { RegionFinding, multiRegionRule } from "./multi-region-rule";

/**
 * CDNs of a multi-region stack that do not fail over between the load balancers of `minRegions`
 * regions inside the residency boundary: a region outside it (separateRegions) is never a CDN
 * source (cdnOrigins in components/model/global.ts: a standby source takes every request, user
 * data included), so it does not count towards the regions the CDN can fail over between.
 */
export function cdnFailoverFindings(nodes: readonly Node[], minRegions: number): RegionFinding[] {
    const separate = separateRegions(nodes);
    const want = Math.min(minRegions, servingRegions(nodes).filter((r) => !separate.includes(r)).length);
    if (want < 2) return [];
    return cdnOrigins(nodes).flatMap((c) => {
        if (c.failoverRegions.length >= want) return [];
        const why = c.gap ?? `it fails over between ${c.failoverRegions.length} region(s)`;
        return [{ message: `the CDN does not fail over between the load balancers of ${want} regions: ${why}; when the primary origin's region fails, the viewer flow fails with it.`, urn: c.urn }];
    });
}

export const haStackRequireCdnOriginFailover = multiRegionRule(
    {
        name: "ha-stack-require-cdn-origin-failover",
        description:
            "A stack serving from two regions or more has its CDN fail over between the regions' load balancers: a CloudFront origin group (failover status codes, two member origins in different regions) targeted by the default cache behavior, or Alibaba Cloud CDN sources in two regions or more (priority 20 primary, 30 standby). Mandatory for mature stacks.",
        remediation: "Keep `cdn.originFailover` on (the mature preset): components/<cloud>/cdn.ts then adds every region's load balancer as an origin in failover order (cdnOrigins).",
        config: { minRegions: intConfig(2, "Regions the CDN must fail over between (CloudFront origin groups hold two origins).", 2) },
    },
    CDN_REFERENCES,
    (nodes, config) => cdnFailoverFindings(nodes, num(config.minRegions) ?? 2),
);
