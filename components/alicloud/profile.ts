// The Alibaba Cloud profile: what the cloud-neutral model needs to know about Alibaba Cloud
// (CloudProfile). Pure: no @pulumi import.

import { CloudProfile, StackSpec, checkComputeSize } from "../model";
import { ECS_CATALOGUE, checkAlicloudClasses } from "./catalogue";

/**
 * SAE timers repeat one `period` per rule; the blueprint writes daily timers ("* * *", the period of
 * the provider's own example), so on Alibaba Cloud's serverless tier a peak recurs daily.
 */
export function checkSaePeaks(spec: Pick<StackSpec, "compute" | "peaks">): string[] {
    if (spec.compute !== "serverless") return [];
    return spec.peaks.flatMap((peak, i) =>
        peak.recurrence === "daily" ? [] : [`peaks[${i}].recurrence: ${peak.recurrence} (SAE timed rules of this blueprint repeat daily); allowed: daily on alicloud with compute serverless`],
    );
}

/** Alibaba Cloud region ids: `cn-hangzhou`, `ap-southeast-1`. */
const REGION_PATTERN = /^[a-z]{2}-[a-z]+(-\d+)?$/;

/**
 * Alibaba Cloud as the model sees it.
 * - Engines: ApsaraDB RDS for MySQL and PolarDB for MySQL; PolarDB is the clustered engine (global
 *   database network, serverless).
 * - Zones: mainland zone ids add `-` and a letter to the region id (`cn-hangzhou-h`), zone ids of
 *   numbered regions add a letter (`ap-southeast-1a`).
 * - Scaling: an ESS simple scaling rule waits its cooldown after each execution (ess.ScalingRule
 *   `cooldown`), so scale-out steps and scale-in steps are spaced by it.
 * - DNS steering: the GTM SDK's MonitorConfig accepts an interval of 60 s only and an evaluation
 *   count of 1-3; the instance's global TTL is one of 60, 120, 300, 600 s.
 * - CDN: Alibaba Cloud CDN takes a list of sources with priorities (up to 20).
 * - Certificates: the ALB HTTPS listener needs a Certificate Management Service certificate
 *   (`tls.certificateId`); the CDN takes the numeric id of one.
 */
export const ALICLOUD_PROFILE: CloudProfile & { readonly cloud: "alicloud" } = {
    cloud: "alicloud",
    title: "Alibaba Cloud",
    engines: ["mysql", "polardb"],
    clusteredEngine: "polardb",
    // PolarDB AgileServerless: `scale_min` 1 to 31 PCU, `scale_max` 1 to 32 PCU (alicloud_polardb_cluster
    // schema, provider v1.294: "Valid values: 1 PCU to 32 PCUs when serverlessType is AgileServerless");
    // a default floor of 1 PCU.
    serverlessCapacity: { unit: "PCU", min: 1, max: 32, step: 1, maxMinCapacity: 31, defaultMinCapacity: 1 },
    isRegionName: (region) => REGION_PATTERN.test(region),
    regionExample: "cn-hangzhou",
    zoneBelongsToRegion: (region, zone) => zone.startsWith(region) && /^-?[a-z]$/.test(zone.slice(region.length)),
    zoneExample: (region) => (/\d$/.test(region) ? `${region}a` : `${region}-h`),
    instances: ECS_CATALOGUE,
    stepScalingCooldown: true,
    dnsHealthCheck: { service: "Alibaba Cloud GTM", shortestIntervalSeconds: 60, ttlSeconds: 60, failureThresholds: [1, 2, 3], timeoutSeconds: 3 },
    cdnOriginLimit: 20,
    cdnCertificate: { pattern: /^\d{1,20}$/, what: "the numeric id of a Certificate Management Service certificate" },
    dnsZoneId: { rejected: "is an AWS Route 53 hosted zone id; Alibaba Cloud stacks steer with GTM and take no zone id" },
    tlsCertificateRequired: true,
    // The edge outputs each separate region's api-<region> name and its load balancer (CNAME at the
    // user's DNS); the listener certificate of tls.certificateId must cover the name.
    separateRegions: true,
    check: (spec: StackSpec) => [...checkAlicloudClasses(spec), ...checkComputeSize(ECS_CATALOGUE, spec.video.transcoderSize, "video.transcoderSize"), ...checkSaePeaks(spec)],
};
