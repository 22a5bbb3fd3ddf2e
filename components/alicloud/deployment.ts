import * as alicloud from "./sdk";

import { Deployment, Edge, RegionalEndpoint, cdnOriginHosts, deployStack } from "../deployment";
import { StackSpec, baseTags, edgePlan, forRegion, gtmAccessName, homeRegions, liveRegionFor, regionBaseName, transcoderSchedule, transcodeTier, videoHostnames, websocketHostname } from "../model";
import { Cdn } from "./cdn";
import { ALICLOUD_PROFILE } from "./profile";
import { Region } from "./region";
import { Steering } from "./steering";
import { Video } from "./video";

export type AlicloudDeployment = Deployment<alicloud.Provider, Region, alicloud.polardb.GlobalDatabaseNetwork, Video, AlicloudEdge>;

/**
 * Deploys an Alibaba Cloud stack (deployStack): every region under its own explicit provider (the
 * first region holds the primary of the PolarDB global database network when the stack has one),
 * its live video layer recording to the region's bucket, and the CDN and GTM steering over the
 * regions' ALBs. `now` (epoch ms) is the instant scheduled tasks are planned against.
 */
export function deployAlicloud(spec: StackSpec, now: number): AlicloudDeployment {
    return deployStack(spec, {
        provider: (name, region) => new alicloud.Provider(name, { region: region.name }),
        globalDatabase: (primary, provider) =>
            new alicloud.polardb.GlobalDatabaseNetwork(`${spec.prefix}-global-db`, { dbClusterId: primary.database.instanceId, description: `${spec.project} global database` }, { provider }),
        region: (region, provider, role, global) => {
            const membership =
                role === "primary"
                    ? { globalDatabase: { role } }
                    : role === "secondary" && global !== undefined
                      ? { globalDatabase: { role, gdnId: global.database.id, password: global.primary.database.password } }
                      : {};
            return new Region(regionBaseName(spec, region.name), { spec, region, now, ...membership }, { providers: [provider] });
        },
        video: (region, built, provider) => {
            const tier = transcodeTier(spec, region);
            return new Video(
                `${regionBaseName(spec, region.name)}-video`,
                {
                    region: region.name,
                    liveRegion: liveRegionFor(region.name) ?? region.name,
                    hostnames: videoHostnames(spec, region.name),
                    tier,
                    // ESS scheduled tasks: the events at once within the quota (ALICLOUD_PROFILE.eventLimit, as the app group's).
                    schedule: transcoderSchedule(spec, ALICLOUD_PROFILE, region, tier, now),
                    imageId: spec.video.transcoderImageId,
                    network: built.network,
                    recordingBucketName: built.storage.bucketName,
                    stackRegions: spec.regions.map((r) => r.name),
                    certificateId: spec.cdn.certificate,
                    certificateNames: spec.cdn.certificateNames,
                    tags: baseTags(spec, region.name),
                },
                { providers: [provider] },
            );
        },
        edge: (regions, provider) =>
            deployAlicloudEdge(
                spec,
                regions.map((r, i) => ({ region: spec.regions[i].name, loadBalancerDnsName: r.loadBalancer.dnsName })),
                provider,
            ),
    });
}

export type AlicloudEdge = Edge<Cdn, Steering>;

/**
 * The cross-region layer of an Alibaba Cloud stack: CDN over the regions' load balancers (when
 * `cdn.enabled`), and with two regions or more inside the residency boundary GTM latency steering
 * of the api hostname (regions outside it answer their own api-<region> name). CDN and
 * GTM are global services; they go under the given (first region's) provider.
 */
export function deployAlicloudEdge(spec: StackSpec, endpoints: readonly RegionalEndpoint[], provider: alicloud.Provider): AlicloudEdge {
    const plan = edgePlan(spec, ALICLOUD_PROFILE);
    const origins = cdnOriginHosts(plan, endpoints);
    const cdn =
        origins === null
            ? undefined
            : new Cdn(
                  `${spec.prefix}-cdn`,
                  {
                      origins,
                      hostname: plan.hostnames.cdn,
                      regions: spec.regions.map((r) => r.name),
                      certificateId: spec.cdn.certificate,
                      certificateNames: spec.cdn.certificateNames,
                      tags: baseTags(spec, "global"),
                  },
                  { providers: [provider] },
              );
    const steering =
        plan.steering === null
            ? undefined
            : new Steering(
                  `${spec.prefix}-steering`,
                  { hostname: plan.hostnames.api, access: gtmAccessName(spec), regions: plan.steering.regions.map((r) => forRegion(endpoints, r)), failover: plan.steering.failover },
                  { providers: [provider] },
              );
    const home = homeRegions(spec);
    const wsHost = home.length === 1 ? websocketHostname(spec, ALICLOUD_PROFILE, home[0]) : null;
    const websocket = wsHost === null || steering !== undefined ? undefined : { hostname: wsHost, cname: forRegion(endpoints, home[0]).loadBalancerDnsName };
    return {
        cdn,
        steering,
        outputs: {
            ...(cdn === undefined ? {} : { cdn: { hostname: plan.hostnames.cdn, cname: cdn.cname } }),
            ...(steering === undefined || plan.steering === null
                ? {}
                : // accessName: the CNAME target of the api name in the domain's DNS (GTM custom access mode).
                  { steering: { hostname: plan.hostnames.api, accessName: steering.accessName, gtmInstanceId: steering.instanceId, regionFailoverSeconds: plan.steering.failover.failoverSeconds } }),
            // One region inside the boundary and a CDN that does not carry WebSocket: point the API name,
            // which WebSocket clients use (websocketHostname), at the region's load balancer (CNAME).
            ...(websocket === undefined ? {} : { websocket }),
            // Regions outside the residency boundary: point each name (CNAME) at its load balancer.
            ...(plan.separate.length === 0 ? {} : { separateRegions: Object.fromEntries(plan.separate.map((x) => [x.region, { hostname: x.api, cname: forRegion(endpoints, x.region).loadBalancerDnsName }])) }),
        },
    };
}
