import { stackRule } from "../lib/policy";
import { list, record, str } from "../lib/values";
import { bucketResources, bucketsOf } from "./object-storage-buckets";

export const SSE_ALGORITHMS: readonly string[] = ["AES256", "KMS", "SM4", "aws:kms", "aws:kms:dsse"];

const ENCRYPTION_TYPES: readonly string[] = [
    "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption",
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
];

/** Algorithms of S3 encryption rules (`rules[]` of the separate resource, `rule` of the inline block). */
function s3Algorithms(rules: readonly unknown[]): (string | undefined)[] {
    return rules.map((r) => str(record(record(r).applyServerSideEncryptionByDefault).sseAlgorithm));
}

const allowed = (algs: readonly (string | undefined)[]): boolean => algs.length > 0 && algs.every((a) => a !== undefined && SSE_ALGORITHMS.includes(a));

/** Encryption set on the bucket itself (OSS `serverSideEncryptionRule`, S3 `serverSideEncryptionConfiguration.rule`). */
function inlineEncryption(type: string, props: Readonly<Record<string, unknown>>): (string | undefined)[] {
    if (type.startsWith("aws:")) {
        const rule = record(props.serverSideEncryptionConfiguration).rule;
        return rule === undefined ? [] : s3Algorithms([rule]);
    }
    const alg = str(record(props.serverSideEncryptionRule).sseAlgorithm);
    return alg === undefined ? [] : [alg];
}

/**
 * A stack check, because encryption is either an input of the bucket or a separate resource that
 * targets it (see object-storage-buckets.ts for how the two are matched).
 */
export const secObjectStorageRequireEncryption = stackRule(
    {
        name: "sec-object-storage-require-encryption",
        description: "Recordings and uploads are encrypted at rest (server-side encryption).",
        category: "security",
        remediation: "Set `serverSideEncryptionRule.sseAlgorithm` on oss.Bucket or an oss.BucketServerSideEncryption for it; on AWS an s3.BucketServerSideEncryptionConfiguration for the bucket with AES256 or aws:kms.",
    },
    (args, report) => {
        const buckets = bucketsOf(args.resources);
        const separate = args.resources.filter((r) => ENCRYPTION_TYPES.includes(r.type));
        if (buckets.length === 0 && separate.length === 0) args.notApplicable("no bucket");
        for (const c of separate) {
            if (c.type.startsWith("aws:")) {
                const algs = s3Algorithms(list(c.props.rules));
                if (!allowed(algs)) report(`S3 encryption rules use ${algs.map((a) => a ?? "nothing").join(", ") || "nothing"}.`, c.urn);
            } else if (!allowed([str(c.props.sseAlgorithm)])) {
                report(`OSS bucket sseAlgorithm is ${str(c.props.sseAlgorithm) ?? "unset"}.`, c.urn);
            }
        }
        for (const b of buckets) {
            const inline = inlineEncryption(b.type, b.props);
            const name = b.type.startsWith("aws:") ? "S3" : "OSS";
            if (inline.length > 0 && !allowed(inline)) report(`${name} bucket server-side encryption is ${inline.map((a) => a ?? "unset").join(", ")}.`, b.urn);
            else if (inline.length === 0 && bucketResources(b, args.resources, ENCRYPTION_TYPES).length === 0) {
                report(`${name} bucket server-side encryption is off: neither the bucket nor an encryption resource for it sets an algorithm.`, b.urn);
            }
        }
    },
);
