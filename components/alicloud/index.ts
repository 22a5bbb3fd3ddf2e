import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import { StackSpec, baseTags, edgePlan, forRegion, providerName, regionBaseName, transcodeTier, videoHostnames } from "../model";
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
}

export interface AlicloudDeployment {
    readonly regions: readonly Region[];
    readonly videos: readonly Video[];
    /** The explicit provider of each region, in region order. */
    readonly providers: readonly alicloud.Provider[];
}

/** Deploys every region of an Alibaba Cloud stack, each under its own explicit provider, with its live video layer. */
export function deployAlicloud(spec: StackSpec): AlicloudDeployment {
    const providers = spec.regions.map((region) => new alicloud.Provider(providerName(spec, region.name), { region: region.name }));
    const regions = spec.regions.map((region, i) => new Region(regionBaseName(spec, region.name), { spec, region }, { providers: [providers[i]] }));
    // recordingBucketName: the region's encrypted recordings bucket (Region output `recordingBucket`)
    // is not part of this branch yet; until it is passed, transcoders do not record.
    const videos = spec.regions.map(
        (region, i) =>
            new Video(
                `${regionBaseName(spec, region.name)}-video`,
                {
                    region: region.name,
                    hostnames: videoHostnames(spec, region.name),
                    tier: transcodeTier(spec, region),
                    imageId: spec.video.transcoderImageId,
                    network: regions[i].network,
                    tags: baseTags(spec, region.name),
                },
                { providers: [providers[i]] },
            ),
    );
    // The CDN and the global steering need each region's load balancer (Region output
    // `loadBalancerDnsName`), not part of this branch yet; once it is:
    // deployAlicloudEdge(spec, regions.map((r, i) => ({ region: spec.regions[i].name, loadBalancerDnsName: r.loadBalancerDnsName })), providers[0]).
    return { regions, videos, providers };
}

export interface AlicloudEdge {
    readonly cdn?: Cdn;
    readonly steering?: Steering;
    readonly outputs: Record<string, pulumi.Input<unknown>>;
}

/**
 * The cross-region layer of an Alibaba Cloud stack: CDN over the regions' load balancers (when
 * `cdn.enabled`), and with two regions or more GTM latency steering of the api hostname. CDN and
 * GTM are global services; they go under the given (first region's) provider.
 */
export function deployAlicloudEdge(spec: StackSpec, endpoints: readonly RegionalEndpoints[], provider: alicloud.Provider): AlicloudEdge {
    const plan = edgePlan(spec);
    const cdn =
        plan.cdn === null
            ? undefined
            : new Cdn(
                  `${spec.prefix}-cdn`,
                  {
                      origins: plan.cdn.origins.map((o) => ({ ...o, hostname: forRegion(endpoints, o.region).loadBalancerDnsName })),
                      hostname: plan.hostnames.cdn,
                      regions: spec.regions.map((r) => r.name),
                      certificateId: spec.cdn.certificate,
                      tags: baseTags(spec, "global"),
                  },
                  { providers: [provider] },
              );
    const steering =
        plan.steering === null
            ? undefined
            : new Steering(
                  `${spec.prefix}-steering`,
                  { hostname: plan.hostnames.api, regions: plan.steering.regions.map((r) => forRegion(endpoints, r)), failover: plan.steering.failover },
                  { providers: [provider] },
              );
    return {
        cdn,
        steering,
        outputs: {
            ...(cdn === undefined ? {} : { cdn: { hostname: plan.hostnames.cdn, cname: cdn.cname } }),
            ...(steering === undefined || plan.steering === null
                ? {}
                : { steering: { hostname: plan.hostnames.api, gtmInstanceId: steering.instanceId, regionFailoverSeconds: plan.steering.failover.failoverSeconds } }),
        },
    };
}
