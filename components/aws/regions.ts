// AWS regions and Availability Zones, as data (no SDK): the table config validation checks
// `regions[].name` and `regions[].zones` against (components/model/regions.ts). The config names
// zones by their codes (`us-east-1a`, what `availabilityZone` inputs take), not by AZ ids (`use1-az1`).
//
// Region codes: "AWS Regions" (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html).
// Zone codes: "AWS Availability Zones" (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html):
// "the code for an Availability Zone is its Region code followed by a letter identifier", one per
// AZ id of the region listed there. In the oldest regions the letters are mapped per account
// ("Regions with independently mapped Availability Zones", az-ids.html), so the letters listed are
// every letter an account of that region may be given (us-west-1: two AZs, named a/b or b/c by
// account; ap-northeast-1: three AZs named from a-d; ca-central-1: a, b and d). Regions whose
// letters are not listed here are checked by form only (region code + one letter).

import type { RegionTable } from "../model/regions";
import type { BoundaryName, BoundaryRegions } from "../model/residency";

const letters = (region: string, ls: string): string[] => [...ls].map((l) => `${region}${l}`);

export const AWS_REGIONS: RegionTable = {
    regionsSource: "AWS Regions (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html)",
    zonesSource: "AWS Availability Zones (docs.aws.amazon.com/global-infrastructure/latest/regions/aws-availability-zones.html)",
    zoneSeparator: () => "",
    regionalServices: [
        {
            name: "Amazon IVS low-latency streaming",
            usedFor: "every region's live video channel",
            // AWS General Reference, "Amazon Interactive Video Service endpoints and quotas", IVS low-latency streaming endpoints
            regions: ["us-east-1", "us-west-2", "ap-south-1", "ap-northeast-2", "ap-northeast-1", "eu-central-1", "eu-west-1"],
            source: "AWS General Reference, Amazon Interactive Video Service endpoints (docs.aws.amazon.com/general/latest/gr/ivs.html)",
        },
    ],
    regions: {
        "us-east-1": { title: "US East (N. Virginia)", zones: letters("us-east-1", "abcdef") },
        "us-east-2": { title: "US East (Ohio)", zones: letters("us-east-2", "abc") },
        "us-west-1": { title: "US West (N. California)", zones: letters("us-west-1", "abc") },
        "us-west-2": { title: "US West (Oregon)", zones: letters("us-west-2", "abcd") },
        "af-south-1": { title: "Africa (Cape Town)", zones: letters("af-south-1", "abc") },
        "ap-east-1": { title: "Asia Pacific (Hong Kong)", zones: letters("ap-east-1", "abc") },
        "ap-east-2": { title: "Asia Pacific (Taipei)" },
        "ap-south-1": { title: "Asia Pacific (Mumbai)", zones: letters("ap-south-1", "abc") },
        "ap-south-2": { title: "Asia Pacific (Hyderabad)", zones: letters("ap-south-2", "abc") },
        "ap-southeast-1": { title: "Asia Pacific (Singapore)", zones: letters("ap-southeast-1", "abc") },
        "ap-southeast-2": { title: "Asia Pacific (Sydney)", zones: letters("ap-southeast-2", "abc") },
        "ap-southeast-3": { title: "Asia Pacific (Jakarta)", zones: letters("ap-southeast-3", "abc") },
        "ap-southeast-4": { title: "Asia Pacific (Melbourne)", zones: letters("ap-southeast-4", "abc") },
        "ap-southeast-5": { title: "Asia Pacific (Malaysia)", zones: letters("ap-southeast-5", "abc") },
        "ap-southeast-6": { title: "Asia Pacific (New Zealand)" },
        "ap-southeast-7": { title: "Asia Pacific (Thailand)", zones: letters("ap-southeast-7", "abc") },
        "ap-northeast-1": { title: "Asia Pacific (Tokyo)", zones: letters("ap-northeast-1", "abcd") },
        "ap-northeast-2": { title: "Asia Pacific (Seoul)", zones: letters("ap-northeast-2", "abcd") },
        "ap-northeast-3": { title: "Asia Pacific (Osaka)", zones: letters("ap-northeast-3", "abc") },
        "ca-central-1": { title: "Canada (Central)", zones: letters("ca-central-1", "abd") },
        "ca-west-1": { title: "Canada West (Calgary)", zones: letters("ca-west-1", "abc") },
        "eu-central-1": { title: "Europe (Frankfurt)", zones: letters("eu-central-1", "abc") },
        "eu-central-2": { title: "Europe (Zurich)", zones: letters("eu-central-2", "abc") },
        "eu-west-1": { title: "Europe (Ireland)", zones: letters("eu-west-1", "abc") },
        "eu-west-2": { title: "Europe (London)", zones: letters("eu-west-2", "abc") },
        "eu-west-3": { title: "Europe (Paris)", zones: letters("eu-west-3", "abc") },
        "eu-south-1": { title: "Europe (Milan)", zones: letters("eu-south-1", "abc") },
        "eu-south-2": { title: "Europe (Spain)", zones: letters("eu-south-2", "abc") },
        "eu-north-1": { title: "Europe (Stockholm)", zones: letters("eu-north-1", "abc") },
        "il-central-1": { title: "Israel (Tel Aviv)", zones: letters("il-central-1", "abc") },
        "me-south-1": { title: "Middle East (Bahrain)", zones: letters("me-south-1", "abc") },
        "me-central-1": { title: "Middle East (UAE)", zones: letters("me-central-1", "abc") },
        "mx-central-1": { title: "Mexico (Central)", zones: letters("mx-central-1", "abc") },
        "sa-east-1": { title: "South America (São Paulo)", zones: letters("sa-east-1", "abc") },
        "us-gov-east-1": { title: "AWS GovCloud (US-East)", zones: letters("us-gov-east-1", "abc") },
        "us-gov-west-1": { title: "AWS GovCloud (US-West)", zones: letters("us-gov-west-1", "abc") },
        "cn-north-1": { title: "China (Beijing)" },
        "cn-northwest-1": { title: "China (Ningxia)" },
    },
};

/** AWS regions inside each named residency boundary (the commercial partition and the China partition). */
export const AWS_RESIDENCY_BOUNDARIES: Readonly<Record<BoundaryName, BoundaryRegions>> = {
    "mainland-china": {
        regions: ["cn-north-1", "cn-northwest-1"],
        sources: ["AWS General Reference, Regions: China (Beijing) cn-north-1, China (Ningxia) cn-northwest-1 (https://docs.aws.amazon.com/general/latest/gr/rande.html)"],
    },
    us: {
        regions: ["us-east-1", "us-east-2", "us-west-1", "us-west-2"],
        sources: ["AWS General Reference, Regions: us-east-1, us-east-2, us-west-1, us-west-2 (https://docs.aws.amazon.com/general/latest/gr/rande.html)"],
    },
};
