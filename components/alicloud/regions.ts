// Alibaba Cloud regions and zones, as data (no SDK): the table config validation checks
// `regions[].name` and `regions[].zones` against (components/model/regions.ts).
//
// Region ids: ECS "Regions and zones" (https://www.alibabacloud.com/help/en/ecs/product-overview/regions-and-zones)
// and "Region IDs" (https://www.alibabacloud.com/help/doc-detail/140601.htm); the same ids as the
// ECS DescribeRegions API (https://www.alibabacloud.com/help/en/ecs/developer-reference/api-ecs-2014-05-26-describeregions).
// Zone ids: "Regions and zones supported by ECI" (https://help.aliyun.com/en/eci/product-overview/regions-and-zones,
// zh https://help.aliyun.com/document_detail/89155.html, December 2025), which lists the zone ids of
// each region it serves; the regions it does not tabulate keep `zones` undefined and are checked by
// form only (mainland and Hong Kong `cn-hangzhou-h`, elsewhere `ap-southeast-1a`, as the same page writes them).
// A zone added by Alibaba Cloud after that page is an error until it is added here.

import type { RegionTable } from "../model/regions";
import type { BoundaryName, BoundaryRegions } from "../model/residency";

/** `cn-hangzhou` + "-" + letter; `ap-southeast-1` + letter (region ids ending in a digit). */
function zoneSeparator(region: string): "" | "-" {
    return /\d$/.test(region) ? "" : "-";
}

const letters = (region: string, ls: string): string[] => [...ls].map((l) => `${region}${zoneSeparator(region)}${l}`);

export const ALICLOUD_REGIONS: RegionTable = {
    regionsSource: "Alibaba Cloud ECS Regions and zones (alibabacloud.com/help/en/ecs/product-overview/regions-and-zones)",
    zonesSource: "Alibaba Cloud Regions and zones supported by ECI (help.aliyun.com/en/eci/product-overview/regions-and-zones)",
    zoneSeparator,
    // ApsaraVideo Live runs in a few regions; a stack region uses the nearest one (liveRegionFor,
    // components/model/flows.ts), so no region is refused for it here.
    regionalServices: [],
    regions: {
        "cn-qingdao": { title: "China (Qingdao)", zones: letters("cn-qingdao", "bc") },
        "cn-beijing": { title: "China (Beijing)", zones: letters("cn-beijing", "cdefghijkl") },
        "cn-zhangjiakou": { title: "China (Zhangjiakou)", zones: letters("cn-zhangjiakou", "abc") },
        "cn-huhehaote": { title: "China (Hohhot)", zones: letters("cn-huhehaote", "ab") },
        "cn-wulanchabu": { title: "China (Ulanqab)", zones: letters("cn-wulanchabu", "abc") },
        "cn-hangzhou": { title: "China (Hangzhou)", zones: letters("cn-hangzhou", "befghijk") },
        "cn-shanghai": { title: "China (Shanghai)", zones: letters("cn-shanghai", "abcdefgklmn") },
        "cn-nanjing": { title: "China (Nanjing - Local Region)" },
        "cn-fuzhou": { title: "China (Fuzhou - Local Region)" },
        "cn-shenzhen": { title: "China (Shenzhen)", zones: letters("cn-shenzhen", "abcde") },
        "cn-heyuan": { title: "China (Heyuan)", zones: letters("cn-heyuan", "ab") },
        "cn-guangzhou": { title: "China (Guangzhou)", zones: letters("cn-guangzhou", "ab") },
        "cn-chengdu": { title: "China (Chengdu)", zones: letters("cn-chengdu", "ab") },
        "cn-hongkong": { title: "China (Hong Kong)", zones: letters("cn-hongkong", "bcd") },
        "ap-northeast-1": { title: "Japan (Tokyo)", zones: letters("ap-northeast-1", "abc") },
        "ap-northeast-2": { title: "South Korea (Seoul)" },
        "ap-southeast-1": { title: "Singapore", zones: letters("ap-southeast-1", "abc") },
        "ap-southeast-2": { title: "Australia (Sydney)", zones: letters("ap-southeast-2", "ab") },
        "ap-southeast-3": { title: "Malaysia (Kuala Lumpur)" },
        "ap-southeast-5": { title: "Indonesia (Jakarta)" },
        "ap-southeast-6": { title: "Philippines (Manila)" },
        "ap-southeast-7": { title: "Thailand (Bangkok)" },
        "ap-south-1": { title: "India (Mumbai)" },
        "us-east-1": { title: "US (Virginia)" },
        "us-west-1": { title: "US (Silicon Valley)" },
        "eu-central-1": { title: "Germany (Frankfurt)" },
        "eu-west-1": { title: "UK (London)" },
        "me-east-1": { title: "UAE (Dubai)" },
        "me-central-1": { title: "Saudi Arabia (Riyadh)" },
        "na-south-1": { title: "Mexico" },
    },
};

/**
 * Alibaba Cloud regions inside each named residency boundary. Hong Kong (`cn-hongkong`) is outside
 * the mainland and is not listed.
 */
export const ALICLOUD_RESIDENCY_BOUNDARIES: Readonly<Record<BoundaryName, BoundaryRegions>> = {
    "mainland-china": {
        regions: [
            "cn-qingdao", "cn-beijing", "cn-zhangjiakou", "cn-huhehaote", "cn-wulanchabu", "cn-hangzhou", "cn-shanghai",
            "cn-shenzhen", "cn-heyuan", "cn-guangzhou", "cn-chengdu", "cn-nanjing", "cn-fuzhou", "cn-shanghai-finance-1",
        ],
        sources: [
            "Alibaba Cloud, Regions and zones, 'Chinese mainland regions' (https://www.alibabacloud.com/help/doc-detail/188196.htm)",
            "Alibaba Cloud Tag API endpoints, local regions cn-nanjing and cn-fuzhou (https://www.alibabacloud.com/help/en/resource-management/tag/developer-reference/api-tag-2018-08-28-endpoint)",
            "Alibaba Finance Cloud region list, cn-shanghai-finance-1 (https://www.alibabacloud.com/help/doc-detail/72379.htm)",
        ],
    },
    us: {
        regions: ["us-west-1", "us-east-1"],
        sources: ["Alibaba Cloud, Regions and zones: US (Silicon Valley) us-west-1, US (Virginia) us-east-1 (https://www.alibabacloud.com/help/doc-detail/188196.htm)"],
    },
};
