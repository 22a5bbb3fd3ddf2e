import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const SSE_ALGORITHMS: readonly string[] = ["AES256", "KMS", "SM4", "aws:kms", "aws:kms:dsse"];

export const secObjectStorageRequireEncryption = resourceRule(
    {
        name: "sec-object-storage-require-encryption",
        description: "Recordings and uploads are encrypted at rest (server-side encryption).",
        category: "security",
        remediation: "Set `serverSideEncryptionRule.sseAlgorithm` (oss.Bucket) or an oss.BucketServerSideEncryption; on AWS an s3.BucketServerSideEncryptionConfiguration rule with AES256 or aws:kms (S3 encrypts new objects with SSE-S3 by default).",
    },
    [
        validateResourceOfType(alicloud.oss.Bucket, (b, _args, report) => {
            const alg = b.serverSideEncryptionRule?.sseAlgorithm;
            if (alg === undefined || !SSE_ALGORITHMS.includes(alg)) report(`OSS bucket server-side encryption is ${alg ?? "off"}.`);
        }),
        validateResourceOfType(alicloud.oss.BucketServerSideEncryption, (b, _args, report) => {
            if (!SSE_ALGORITHMS.includes(b.sseAlgorithm)) report(`OSS bucket sseAlgorithm is ${b.sseAlgorithm}.`);
        }),
        validateResourceOfType(aws.s3.BucketServerSideEncryptionConfiguration, (c, _args, report) => {
            const algs = c.rules.map((r) => r.applyServerSideEncryptionByDefault?.sseAlgorithm);
            if (algs.length === 0 || algs.some((a) => a === undefined || !SSE_ALGORITHMS.includes(a))) report(`S3 encryption rules use ${algs.join(", ") || "nothing"}.`);
        }),
    ],
);
