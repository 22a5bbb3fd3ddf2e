import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { CDN_TLS, CdnOrigin, ORIGIN_FAILOVER_STATUS_CODES, cdnAllowedMethods } from "../model";

/**
 * AWS managed cache and origin request policies (fixed ids, the same in every account; CloudFront
 * Developer Guide, "Use managed cache policies" / "Use managed origin request policies").
 *
 * Every behaviour forwards the viewer's Host (AllViewer), so the origin load balancer sees the
 * domain and CloudFront checks the origin certificate against it: "one of the domain names in the
 * certificate must match ... the value of the Host header if you configured CloudFront to forward
 * the Host header to your origin" (Developer Guide, "Require HTTPS for communication between
 * CloudFront and your custom origin"). Without it CloudFront checks the *.elb.amazonaws.com name,
 * which no certificate of the domain covers, and every request fails with 502.
 */
export const MANAGED_POLICY = {
    cachingDisabled: "4135ea2d-6df8-44a3-9df3-4b5a84be39ad",
    cachingOptimized: "658327ea-f89d-4fab-a63d-7e88639e58f6",
    allViewer: "216adef6-5c7f-47e4-b989-5492eafa07d3",
} as const;

/** Paths of fingerprinted static assets, cached at the edge. */
const STATIC_PATH = "/static/*";

/** A CDN origin from components/model with the hostname of its region's load balancer. */
export interface OriginArgs extends CdnOrigin {
    readonly hostname: pulumi.Input<string>;
}

export interface CdnArgs {
    /** Origins in failover order (cdnOrigins); two at most: a CloudFront origin group holds a primary and one failover. */
    readonly origins: readonly OriginArgs[];
    /** The viewer hostname (spec.domain), served only when a certificate is given. */
    readonly hostname: string;
    /** ARN of an ACM certificate in us-east-1; null uses CloudFront's default certificate (no alias). */
    readonly certificateArn: pulumi.Input<string> | null;
    readonly tags: Record<string, string>;
}

/**
 * CloudFront in front of the regions' load balancers: HTTPS only (HTTP redirected), TLS 1.2 with
 * a custom certificate, HTTPS to the origins, and with two origins an origin group that retries
 * a request at the failover origin on 500/502/503/504 or a connection failure.
 */
export class Cdn extends pulumi.ComponentResource {
    readonly domainName: pulumi.Output<string>;
    /** Route 53 zone id of the distribution, for an alias record. */
    readonly hostedZoneId: pulumi.Output<string>;
    readonly distributionId: pulumi.Output<string>;

    constructor(name: string, args: CdnArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Cdn", name, {}, opts);
        const [primary, ...failover] = args.origins;
        if (primary === undefined || primary.role !== "primary" || failover.length > 1) {
            throw new pulumi.ResourceError(`CloudFront takes one primary and at most one failover origin (got ${args.origins.map((o) => `${o.region}:${o.role}`).join(", ")})`, this);
        }
        const group = failover.length === 1 ? "regions" : undefined;
        const methods = [...cdnAllowedMethods(args.origins)];
        const distribution = new aws.cloudfront.Distribution(
            `${name}-distribution`,
            {
                enabled: true,
                comment: `live-commerce ${args.hostname}`,
                aliases: args.certificateArn === null ? [] : [args.hostname],
                httpVersion: "http2and3",
                origins: args.origins.map((o) => ({
                    originId: o.region,
                    domainName: o.hostname,
                    customOriginConfig: { httpPort: 80, httpsPort: CDN_TLS.originPort, originProtocolPolicy: "https-only", originSslProtocols: [CDN_TLS.minimumVersion] },
                })),
                originGroups:
                    group === undefined
                        ? []
                        : [{ originId: group, failoverCriteria: { statusCodes: [...ORIGIN_FAILOVER_STATUS_CODES] }, members: args.origins.map((o) => ({ originId: o.region })) }],
                defaultCacheBehavior: {
                    targetOriginId: group ?? primary.region,
                    viewerProtocolPolicy: "redirect-to-https",
                    allowedMethods: methods,
                    cachedMethods: ["GET", "HEAD"],
                    compress: true,
                    cachePolicyId: MANAGED_POLICY.cachingDisabled,
                    originRequestPolicyId: MANAGED_POLICY.allViewer,
                },
                orderedCacheBehaviors: [
                    {
                        pathPattern: STATIC_PATH,
                        targetOriginId: group ?? primary.region,
                        viewerProtocolPolicy: "redirect-to-https",
                        allowedMethods: ["GET", "HEAD"],
                        cachedMethods: ["GET", "HEAD"],
                        compress: true,
                        cachePolicyId: MANAGED_POLICY.cachingOptimized,
                        originRequestPolicyId: MANAGED_POLICY.allViewer,
                    },
                ],
                restrictions: { geoRestriction: { restrictionType: "none" } },
                viewerCertificate:
                    args.certificateArn === null
                        ? { cloudfrontDefaultCertificate: true }
                        : { acmCertificateArn: args.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" },
                tags: args.tags,
            },
            { parent: this },
        );
        this.domainName = distribution.domainName;
        this.hostedZoneId = distribution.hostedZoneId;
        this.distributionId = distribution.id;
        this.registerOutputs({ domainName: this.domainName, distributionId: this.distributionId });
    }
}
