import { stackRule } from "../lib/policy";
import { str } from "../lib/values";
import { bucketResources, bucketsOf } from "./object-storage-buckets";

export const PUBLIC_ACLS: readonly string[] = ["public-read", "public-read-write", "authenticated-read"];

const OSS_ACL = "alicloud:oss/bucketAcl:BucketAcl";
const OSS_BLOCK = "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock";
const S3_BLOCK = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const S3_BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"] as const;

/**
 * A stack check, because the ACL and the public access block are either inputs of the bucket or
 * separate resources that target it (see object-storage-buckets.ts for how the two are matched).
 * Every bucket needs a public access block of its own; an ACL, inline or separate, must be private.
 */
export const secObjectStorageRequirePrivate = stackRule(
    {
        name: "sec-object-storage-require-private",
        description: "Buckets are private: no public ACL, public access blocked (viewers reach content through the CDN).",
        category: "security",
        remediation: "Keep `acl` private (oss.Bucket, oss.BucketAcl, s3.Bucket); give every bucket an oss.BucketPublicAccessBlock with `blockPublicAccess: true` or an s3.BucketPublicAccessBlock with all four flags true. Serve media through the CDN with origin access control.",
    },
    (args, report) => {
        const buckets = bucketsOf(args.resources);
        const separate = args.resources.filter((r) => r.type === OSS_ACL || r.type === OSS_BLOCK || r.type === S3_BLOCK);
        if (buckets.length === 0 && separate.length === 0) args.notApplicable("no bucket");
        for (const r of separate) {
            if (r.type === OSS_ACL && PUBLIC_ACLS.includes(str(r.props.acl) ?? "private")) report(`OSS bucket acl is ${str(r.props.acl)}.`, r.urn);
            if (r.type === OSS_BLOCK && r.props.blockPublicAccess !== true) report("OSS blockPublicAccess is not true.", r.urn);
            if (r.type === S3_BLOCK) {
                const off = S3_BLOCK_FLAGS.filter((k) => r.props[k] !== true);
                if (off.length > 0) report(`S3 public access block leaves ${off.join(", ")} off.`, r.urn);
            }
        }
        for (const b of buckets) {
            const aws = b.type.startsWith("aws:");
            const acl = str(b.props.acl) ?? "private";
            if (PUBLIC_ACLS.includes(acl)) report(`${aws ? "S3" : "OSS"} bucket acl is ${acl}.`, b.urn);
            if (bucketResources(b, args.resources, [aws ? S3_BLOCK : OSS_BLOCK]).length === 0) {
                report(`${aws ? "S3" : "OSS"} bucket has no public access block (${aws ? "s3.BucketPublicAccessBlock" : "oss.BucketPublicAccessBlock"}).`, b.urn);
            }
        }
    },
);
