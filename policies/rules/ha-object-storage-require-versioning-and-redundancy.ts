import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const haObjectStorageRequireVersioningAndRedundancy = resourceRule(
    {
        name: "ha-object-storage-require-versioning-and-redundancy",
        description: "Buckets keep object versions and (Alibaba Cloud) store zone-redundantly (ZRS).",
        category: "availability",
        remediation: "Set `versioning: {status: \"Enabled\"}` and `redundancyType: \"ZRS\"` (oss.Bucket) or an oss.BucketVersioning with status Enabled; on AWS an s3.BucketVersioning with `versioningConfiguration.status: \"Enabled\"` (S3 Standard is multi-AZ).",
    },
    [
        validateResourceOfType(alicloud.oss.Bucket, (b, _args, report) => {
            if (b.redundancyType !== "ZRS") report(`OSS bucket redundancyType is ${b.redundancyType ?? "LRS (default)"}; use ZRS.`);
            if (b.versioning?.status !== "Enabled") report(`OSS bucket versioning is ${b.versioning?.status ?? "off"}.`);
        }),
        validateResourceOfType(alicloud.oss.BucketVersioning, (v, _args, report) => {
            if (v.status !== "Enabled") report(`OSS bucket versioning is ${v.status ?? "off"}.`);
        }),
        validateResourceOfType(aws.s3.BucketVersioning, (v, _args, report) => {
            if (v.versioningConfiguration.status !== "Enabled") report(`S3 bucket versioning is ${v.versioningConfiguration.status}.`);
        }),
    ],
);
