import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

export interface StorageArgs {
    readonly tags: Record<string, string>;
}

/**
 * Object storage for stream recordings and static assets: private, versioned, encrypted with a
 * KMS-managed key, public access blocked. Zone-redundant from the start, because the redundancy
 * type of a bucket cannot be changed in place and a stack grows into multi-zone.
 *
 * The bucket name is generated (a random suffix on the logical name), since OSS names are global.
 */
export class Storage extends pulumi.ComponentResource {
    readonly bucketName: pulumi.Output<string>;
    readonly intranetEndpoint: pulumi.Output<string>;

    constructor(name: string, args: StorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Storage", name, {}, opts);
        const bucket = new alicloud.oss.Bucket(
            `${name}-media`,
            { storageClass: "Standard", redundancyType: "ZRS", tags: args.tags },
            { parent: this, retainOnDelete: true, protect: true },
        );
        new alicloud.oss.BucketAcl(`${name}-media-acl`, { bucket: bucket.bucket, acl: "private" }, { parent: this });
        new alicloud.oss.BucketVersioning(`${name}-media-versioning`, { bucket: bucket.bucket, status: "Enabled" }, { parent: this });
        new alicloud.oss.BucketServerSideEncryption(`${name}-media-encryption`, { bucket: bucket.bucket, sseAlgorithm: "KMS" }, { parent: this });
        new alicloud.oss.BucketPublicAccessBlock(`${name}-media-public-access-block`, { bucket: bucket.bucket, blockPublicAccess: true }, { parent: this });
        this.bucketName = bucket.bucket;
        this.intranetEndpoint = bucket.intranetEndpoint;
        this.registerOutputs({ bucketName: this.bucketName });
    }
}
