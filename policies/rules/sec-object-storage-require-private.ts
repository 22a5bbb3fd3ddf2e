import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const PUBLIC_ACLS: readonly string[] = ["public-read", "public-read-write", "authenticated-read"];

export const secObjectStorageRequirePrivate = resourceRule(
    {
        name: "sec-object-storage-require-private",
        description: "Buckets are private: no public ACL, public access blocked (viewers reach content through the CDN).",
        category: "security",
        remediation: "Keep `acl` private (oss.Bucket, oss.BucketAcl, s3.Bucket); `blockPublicAccess: true` (oss.BucketPublicAccessBlock); all four flags true on s3.BucketPublicAccessBlock. Serve media through the CDN with origin access control.",
    },
    [
        validateResourceOfType(alicloud.oss.Bucket, (b, _args, report) => {
            if (PUBLIC_ACLS.includes(b.acl ?? "private")) report(`OSS bucket acl is ${b.acl}.`);
        }),
        validateResourceOfType(alicloud.oss.BucketAcl, (b, _args, report) => {
            if (PUBLIC_ACLS.includes(b.acl)) report(`OSS bucket acl is ${b.acl}.`);
        }),
        validateResourceOfType(alicloud.oss.BucketPublicAccessBlock, (b, _args, report) => {
            if (b.blockPublicAccess !== true) report("OSS blockPublicAccess is not true.");
        }),
        validateResourceOfType(aws.s3.Bucket, (b, _args, report) => {
            if (PUBLIC_ACLS.includes(b.acl ?? "private")) report(`S3 bucket acl is ${b.acl}.`);
        }),
        validateResourceOfType(aws.s3.BucketPublicAccessBlock, (b, _args, report) => {
            const off = (["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const).filter((k) => b[k] !== true);
            if (off.length > 0) report(`S3 public access block leaves ${off.join(", ")} off.`);
        }),
    ],
);
