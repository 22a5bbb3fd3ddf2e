import * as assert from "assert";

import { childrenOf, input, named, usePlans } from "./plans";

describe("alicloud Storage", function () {
    const stacks = usePlans();

    it("a zone-redundant bucket that is private, versioned, KMS-encrypted and closed to public access", () => {
        const plan = stacks()["startup-alicloud"];
        const kids = childrenOf(plan, named(plan, "live-commerce:alicloud:Storage", "lc-cn-hangzhou-storage"));
        assert.deepStrictEqual(kids.map((k) => k.type).sort(), [
            "alicloud:oss/bucket:Bucket",
            "alicloud:oss/bucketAcl:BucketAcl",
            "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption",
            "alicloud:oss/bucketVersioning:BucketVersioning",
        ]);
        const bucket = named(plan, "alicloud:oss/bucket:Bucket", "lc-cn-hangzhou-storage-media");
        assert.deepStrictEqual([input(bucket, "redundancyType"), input(bucket, "acl"), input(bucket, "bucket")], ["ZRS", undefined, undefined]);
        const byType = (t: string) => kids.find((k) => k.type === t);
        const name = "lc-cn-hangzhou-storage-media-1252601";
        const acl = byType("alicloud:oss/bucketAcl:BucketAcl");
        const versioning = byType("alicloud:oss/bucketVersioning:BucketVersioning");
        const sse = byType("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption");
        const block = byType("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock");
        assert.ok(acl && versioning && sse && block);
        assert.deepStrictEqual(
            [acl.inputs, versioning.inputs, sse.inputs, block.inputs],
            [
                { acl: "private", bucket: name },
                { bucket: name, status: "Enabled" },
                { bucket: name, sseAlgorithm: "KMS" },
                { blockPublicAccess: true, bucket: name },
            ],
        );
    });
});
