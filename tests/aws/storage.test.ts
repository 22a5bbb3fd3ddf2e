import * as assert from "assert";

import { at, childrenOf, countByType, dig, ofType, plan } from "./plans";

describe("aws Storage", () => {
    it("declares two buckets, each versioned, encrypted, owner-enforced, with all public access blocked and a policy", async () => {
        const p = await plan("startup-aws");
        const types = ["Bucket", "BucketVersioning", "BucketServerSideEncryptionConfiguration", "BucketPublicAccessBlock", "BucketOwnershipControls", "BucketPolicy"];
        assert.deepStrictEqual(
            countByType(childrenOf(p, "lc-us-east-1-storage")),
            Object.fromEntries(types.map((t) => [`aws:s3/${t[0].toLowerCase()}${t.slice(1)}:${t}`, 2])),
        );
        for (const v of ofType(p, "aws:s3/bucketVersioning:BucketVersioning")) assert.strictEqual(at(v, "versioningConfiguration", "status"), "Enabled");
        for (const b of ofType(p, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock")) {
            for (const k of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) assert.strictEqual(at(b, k), true, k);
        }
        const sse = ofType(p, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration").map((e) => [
            e.name,
            at(e, "rules", 0, "applyServerSideEncryptionByDefault", "sseAlgorithm"),
        ]);
        assert.deepStrictEqual(sse, [
            ["lc-us-east-1-storage-logs-encryption", "AES256"],
            ["lc-us-east-1-storage-media-encryption", "aws:kms"],
        ]);
    });

    it("the logs bucket lets the ELB log delivery service write under the access-log prefix only", async () => {
        const p = await plan("startup-aws");
        const policy = ofType(p, "aws:s3/bucketPolicy:BucketPolicy").find((r) => r.name.endsWith("-logs-policy"));
        const doc: unknown = JSON.parse(String(policy === undefined ? "{}" : at(policy, "policy")));
        const statements = dig(doc, "Statement");
        const allow = Array.isArray(statements) ? statements.find((s) => dig(s, "Sid") === "AllowElbLogDelivery") : undefined;
        assert.strictEqual(dig(allow, "Principal", "Service"), "logdelivery.elasticloadbalancing.amazonaws.com");
        assert.strictEqual(dig(allow, "Action"), "s3:PutObject");
        assert.match(String(dig(allow, "Resource")), /^arn:aws:s3:::lc-us-east-1-storage-logs-[0-9a-f]+\/alb\/AWSLogs\/\*$/);
    });
});
