import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

export interface StorageArgs {
    readonly tags: Record<string, string>;
}

/** Key prefix under which the load balancer writes its access logs. */
export const LB_LOG_PREFIX = "alb";

type Statement = Record<string, unknown>;

/**
 * Two private buckets: `media` for recordings and static assets (SSE-KMS with the AWS managed key),
 * and `logs` for load balancer access logs (SSE-S3: the only encryption ELB log delivery writes to).
 * Both versioned, owner-enforced, every kind of public access blocked, TLS-only.
 */
export class Storage extends pulumi.ComponentResource {
    readonly mediaBucket: pulumi.Output<string>;
    readonly mediaBucketArn: pulumi.Output<string>;
    /** Name of the logs bucket, resolved only once its policy lets ELB deliver logs. */
    readonly logsBucket: pulumi.Output<string>;

    constructor(name: string, args: StorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Storage", name, {}, opts);
        const media = this.privateBucket(name, "media", "aws:kms", args.tags, () => []);
        const logs = this.privateBucket(name, "logs", "AES256", args.tags, (arn) => [
            {
                Sid: "AllowElbLogDelivery",
                Effect: "Allow",
                Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${arn}/${LB_LOG_PREFIX}/AWSLogs/*`,
            },
        ]);
        this.mediaBucket = media.bucket.bucket;
        this.mediaBucketArn = media.bucket.arn;
        this.logsBucket = pulumi.all([logs.bucket.bucket, logs.policy.id]).apply(([bucket]) => bucket);
        this.registerOutputs({ mediaBucket: this.mediaBucket, logsBucket: this.logsBucket });
    }

    private privateBucket(
        name: string,
        role: string,
        sseAlgorithm: "aws:kms" | "AES256",
        tags: Record<string, string>,
        extraStatements: (arn: string) => Statement[],
    ): { bucket: aws.s3.Bucket; policy: aws.s3.BucketPolicy } {
        const base = `${name}-${role}`;
        const bucket = new aws.s3.Bucket(base, { forceDestroy: false, tags: { ...tags, role } }, { parent: this, retainOnDelete: true });
        new aws.s3.BucketVersioning(`${base}-versioning`, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, { parent: this });
        new aws.s3.BucketServerSideEncryptionConfiguration(
            `${base}-encryption`,
            { bucket: bucket.id, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm }, bucketKeyEnabled: sseAlgorithm === "aws:kms" }] },
            { parent: this },
        );
        const block = new aws.s3.BucketPublicAccessBlock(
            `${base}-public-access`,
            { bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true },
            { parent: this },
        );
        new aws.s3.BucketOwnershipControls(`${base}-ownership`, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, { parent: this });
        const policy = new aws.s3.BucketPolicy(
            `${base}-policy`,
            {
                bucket: bucket.id,
                policy: bucket.arn.apply((arn) =>
                    JSON.stringify({
                        Version: "2012-10-17",
                        Statement: [
                            {
                                Sid: "DenyInsecureTransport",
                                Effect: "Deny",
                                Principal: "*",
                                Action: "s3:*",
                                Resource: [arn, `${arn}/*`],
                                Condition: { Bool: { "aws:SecureTransport": "false" } },
                            },
                            ...extraStatements(arn),
                        ],
                    }),
                ),
            },
            { parent: this, dependsOn: [block] },
        );
        return { bucket, policy };
    }
}
