import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { StackSpec, baseTags, edgePlan, forRegion, providerName, regionBaseName } from "../model";
import { Cdn } from "./cdn";
import { Region } from "./region";
import { Steering } from "./steering";
import { Video } from "./video";

export { Cdn } from "./cdn";
export { Network } from "./network";
export { Region } from "./region";
export { Steering } from "./steering";
export { Video } from "./video";
export { KubernetesCluster } from "./kubernetes";

/** What the cross-region layer needs from one region's regional tier. */
export interface RegionalEndpoints {
    readonly region: string;
    /** Public DNS name of the region's application load balancer. */
    readonly loadBalancerDnsName: pulumi.Input<string>;
    /** Route 53 hosted zone id of that load balancer. */
    readonly loadBalancerZoneId: pulumi.Input<string>;
}

export interface AwsDeployment {
    readonly regions: readonly Region[];
    readonly videos: readonly Video[];
    /** The explicit provider of each region, in region order. */
    readonly providers: readonly aws.Provider[];
}

/** Deploys every region of an AWS stack, each under its own explicit provider, with its live video channel. */
export function deployAws(spec: StackSpec): AwsDeployment {
    const providers = spec.regions.map((region) => new aws.Provider(providerName(spec, region.name), { region: region.name, defaultTags: { tags: { project: spec.project } } }));
    const regions = spec.regions.map((region, i) => new Region(regionBaseName(spec, region.name), { spec, region }, { providers: [providers[i]] }));
    // recordingBucketName: the region's encrypted recordings bucket (Region output `recordingBucket`)
    // is not part of this branch yet; until it is passed, channels do not record.
    const videos = spec.regions.map((region, i) => new Video(`${regionBaseName(spec, region.name)}-video`, { tags: baseTags(spec, region.name) }, { providers: [providers[i]] }));
    // The CDN and the global steering need each region's load balancer (Region outputs
    // `loadBalancerDnsName` and `loadBalancerZoneId`), not part of this branch yet; once they are:
    // deployAwsEdge(spec, regions.map((r, i) => ({ region: spec.regions[i].name, loadBalancerDnsName: r.loadBalancerDnsName, loadBalancerZoneId: r.loadBalancerZoneId })), providers[0]).
    return { regions, videos, providers };
}

export interface AwsEdge {
    readonly cdn?: Cdn;
    readonly steering?: Steering;
    readonly outputs: Record<string, pulumi.Input<unknown>>;
}

/**
 * The cross-region layer of an AWS stack: CloudFront over the regions' load balancers (when
 * `cdn.enabled`), and with two regions or more Route 53 latency steering of the api hostname.
 * CloudFront and Route 53 are global services; they go under the given (first region's) provider.
 */
export function deployAwsEdge(spec: StackSpec, endpoints: readonly RegionalEndpoints[], provider: aws.Provider): AwsEdge {
    const plan = edgePlan(spec);
    const tags = baseTags(spec, "global");
    const cdn =
        plan.cdn === null
            ? undefined
            : new Cdn(
                  `${spec.prefix}-cdn`,
                  {
                      origins: plan.cdn.origins.map((o) => ({ ...o, hostname: forRegion(endpoints, o.region).loadBalancerDnsName })),
                      hostname: plan.hostnames.cdn,
                      certificateArn: spec.cdn.certificate,
                      tags,
                  },
                  { providers: [provider] },
              );
    const steering =
        plan.steering === null
            ? undefined
            : new Steering(
                  `${spec.prefix}-steering`,
                  {
                      domain: spec.domain,
                      hostname: plan.hostnames.api,
                      zoneId: spec.dns.zoneId,
                      regions: plan.steering.regions.map((r) => forRegion(endpoints, r)),
                      failover: plan.steering.failover,
                      cdnAlias: cdn !== undefined && spec.cdn.certificate !== null ? { name: cdn.domainName, zoneId: cdn.hostedZoneId } : undefined,
                      tags,
                  },
                  { providers: [provider] },
              );
    return {
        cdn,
        steering,
        outputs: {
            ...(cdn === undefined ? {} : { cdn: { hostname: plan.hostnames.cdn, domainName: cdn.domainName } }),
            ...(steering === undefined || plan.steering === null
                ? {}
                : { steering: { hostname: plan.hostnames.api, zoneId: steering.zoneId, nameServers: steering.nameServers, regionFailoverSeconds: plan.steering.failover.failoverSeconds } }),
        },
    };
}
