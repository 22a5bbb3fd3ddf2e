import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { CDN_TLS, CdnOrigin, DYNAMIC_PATHS, PLAY_ORIGIN_PORT, cdnScope, certificateNameTags } from "../model";

/** A CDN origin from components/model with the hostname of its region's load balancer. */
export interface OriginArgs extends CdnOrigin {
    readonly hostname: pulumi.Input<string>;
}

export interface CdnArgs {
    /** Origins in failover order (cdnOrigins): priority 20 is tried first, 30 when it fails. */
    readonly origins: readonly OriginArgs[];
    /** The accelerated domain (spec.domain). */
    readonly hostname: string;
    /** Regions of the stack: they decide the acceleration scope. */
    readonly regions: readonly string[];
    /** Certificate Management Service certificate id; null uses the CDN's free certificate. */
    readonly certificateId: string | null;
    /** The names that certificate covers (config `cdn.certificateNames`), tagged on the domain (certificateNameTags) for the flows. */
    readonly certificateNames: readonly string[];
    readonly tags: Record<string, string>;
    /**
     * What the domain delivers. Defaults to `web` (cdnType web, origins over HTTPS on 443). `live`:
     * the play domain of the self-run video tier: cdnType `video`, origins over HTTP on
     * PLAY_ORIGIN_PORT (the NLB's HTTP listener in front of the media servers' HLS/HTTP-FLV, which
     * serve no TLS); viewers still get HTTPS only. cdn.DomainNew: cdnType web|download|video,
     * sources[].port 80|443 (@pulumi/alicloud 3.108.0 docs).
     */
    readonly delivery?: "web" | "live";
}

/** TTL of the dynamic paths' cache rules: 0 s, not cached (doc-detail/27145). */
export const DYNAMIC_TTL_SECONDS = 0;
/** Weight of those rules: 99, the highest of 1-99, so no file-type rule outranks them (a larger weight wins). */
export const DYNAMIC_RULE_WEIGHT = 99;

/** Region Certificate Management Service keeps certificates of mainland (cn-hangzhou) or international (ap-southeast-1) accounts in. */
function certificateRegion(scope: string): string {
    return scope === "domestic" ? "cn-hangzhou" : "ap-southeast-1";
}

/**
 * Alibaba Cloud CDN in front of the regions' load balancers: every origin over HTTPS with its
 * failover priority, an HTTPS certificate, HTTP redirected to HTTPS, TLS 1.2 and 1.3 only, and
 * requests to the origin over HTTPS.
 */
export class Cdn extends pulumi.ComponentResource {
    /** CNAME the domain must point to. */
    readonly cname: pulumi.Output<string>;
    readonly domainName: pulumi.Output<string>;

    constructor(name: string, args: CdnArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Cdn", name, {}, opts);
        if (args.origins.length === 0) throw new pulumi.ResourceError("the CDN needs at least one origin", this);
        const scope = cdnScope(args.regions);
        const live = args.delivery === "live";
        const domain = new alicloud.cdn.DomainNew(
            `${name}-domain`,
            {
                domainName: args.hostname,
                cdnType: live ? "video" : "web",
                scope,
                sources: args.origins.map((o) => ({ content: o.hostname, type: "domain", port: live ? PLAY_ORIGIN_PORT : CDN_TLS.originPort, priority: o.priority, weight: 10 })),
                certificateConfig:
                    args.certificateId === null
                        ? { certType: "free", serverCertificateStatus: "on" }
                        : { certType: "cas", certId: args.certificateId, certRegion: certificateRegion(scope), serverCertificateStatus: "on" },
                tags: { ...args.tags, ...(args.certificateId === null ? {} : certificateNameTags(args.certificateNames)) },
            },
            { parent: this },
        );
        const config = (role: string, functionName: string, functionArgs: Record<string, string>): alicloud.cdn.DomainConfig =>
            new alicloud.cdn.DomainConfig(
                `${name}-${role}`,
                { domainName: domain.domainName, functionName, functionArgs: Object.entries(functionArgs).map(([argName, argValue]) => ({ argName, argValue })) },
                { parent: this },
            );
        config("https-force", "https_force", { enable: "on", https_rediret_code: String(CDN_TLS.redirectStatus) });
        config("tls", "https_tls_version", { tls10: "off", tls11: "off", tls12: "on", tls13: "on" });
        config(live ? "origin-http" : "origin-https", "forward_scheme", { enable: "on", scheme_origin: live ? "http" : "https" });
        // Per-user paths are never cached at the edge: a directory cache rule (path_based_ttl_set:
        // path, ttl in seconds, weight 1-99, the larger first; BatchSetCdnDomainConfig feature list)
        // of TTL 0, "which indicates that dynamic content is not cached on CDN nodes" (CDN "Cache
        // policy" best practice, https://www.alibabacloud.com/help/doc-detail/27145.htm). Without a
        // rule the CDN's default policy caches a response with an ETag or Last-Modified up to 3,600 s.
        if (!live) for (const path of DYNAMIC_PATHS) config(`no-cache${path.replace(/\//g, "-")}`, "path_based_ttl_set", { path, ttl: String(DYNAMIC_TTL_SECONDS), weight: String(DYNAMIC_RULE_WEIGHT) });
        this.cname = domain.cname;
        this.domainName = domain.domainName;
        this.registerOutputs({ cname: this.cname, domainName: this.domainName });
    }
}
