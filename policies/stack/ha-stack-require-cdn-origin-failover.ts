import { cdnOrigins, servingRegions } from "../availability/global";
import { Node } from "../availability/tiers";
import { STAGE_CONFIG, intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { isRecord, num } from "../lib/values";

interface Config {
    readonly minRegions: number;
}

/** CDNs of a multi-region stack that do not fail over between the load balancers of `minRegions` regions. */
export function cdnFailoverFindings(nodes: readonly Node[], minRegions: number): { message: string; urn: string }[] {
    const want = Math.min(minRegions, servingRegions(nodes).length);
    if (want < 2) return [];
    return cdnOrigins(nodes).flatMap((c) => {
        if (c.failoverRegions.length >= want) return [];
        const why = c.gap ?? `it fails over between ${c.failoverRegions.length} region(s)`;
        return [{ message: `the CDN does not fail over between the load balancers of ${want} regions: ${why}; when the primary origin's region fails, the viewer flow fails with it.`, urn: c.urn }];
    });
}

export const haStackRequireCdnOriginFailover = stackRule(
    {
        name: "ha-stack-require-cdn-origin-failover",
        description:
            "A stack serving from two regions or more has its CDN fail over between the regions' load balancers: a CloudFront origin group (failover status codes, two member origins in different regions) targeted by the default cache behavior, or Alibaba Cloud CDN sources in two regions or more (priority 20 primary, 30 standby). Mandatory for mature stacks.",
        category: "availability",
        stageDefaults: { startup: "advisory", growth: "advisory" },
        remediation: "Keep `cdn.originFailover` on (the mature preset): components/<cloud>/cdn.ts then adds every region's load balancer as an origin in failover order (cdnOrigins).",
        config: { ...STAGE_CONFIG, minRegions: intConfig(2, "Regions the CDN must fail over between (CloudFront origin groups hold two origins).", 2) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (servingRegions(nodes).length < 2) args.notApplicable("the stack serves from one region");
        const c: unknown = args.getConfig<Config>();
        const minRegions = (isRecord(c) ? num(c.minRegions) : undefined) ?? 2;
        cdnFailoverFindings(nodes, minRegions).forEach((f) => report(f.message, f.urn));
    },
);
