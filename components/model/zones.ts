// Region and zone naming of each cloud, for validation.

import { Cloud } from "./types";

/** Region ids: Alibaba Cloud `cn-hangzhou`, `ap-southeast-1`; AWS `us-east-1`, `us-gov-west-1`. */
const REGION_PATTERNS: Readonly<Record<Cloud, RegExp>> = {
    alicloud: /^[a-z]{2}-[a-z]+(-\d+)?$/,
    aws: /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/,
};

export function isRegionName(cloud: Cloud, region: string): boolean {
    return REGION_PATTERNS[cloud].test(region);
}

export function regionExample(cloud: Cloud): string {
    return cloud === "alicloud" ? "cn-hangzhou" : "us-east-1";
}

/**
 * Whether `zone` is a zone id of `region`. Alibaba Cloud: `cn-hangzhou-h` (mainland) or
 * `ap-southeast-1a`; AWS: `us-east-1a`.
 */
export function zoneBelongsToRegion(cloud: Cloud, region: string, zone: string): boolean {
    if (!zone.startsWith(region)) return false;
    const suffix = zone.slice(region.length);
    return cloud === "alicloud" ? /^-?[a-z]$/.test(suffix) : /^[a-z]$/.test(suffix);
}

/** What a zone id of `region` looks like, for error messages. */
export function zoneExample(cloud: Cloud, region: string): string {
    return cloud === "alicloud" && !/\d$/.test(region) ? `${region}-h` : `${region}a`;
}
