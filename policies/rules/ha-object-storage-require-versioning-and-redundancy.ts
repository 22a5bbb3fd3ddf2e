import { stackRule } from "../lib/policy";
import { bool, record, str } from "../lib/values";
import { bucketResources, bucketsOf } from "./object-storage-buckets";

const VERSIONING_TYPES: readonly string[] = ["alicloud:oss/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioning:BucketVersioning"];

/** Status a separate versioning resource sets (OSS `status`, S3 `versioningConfiguration.status`). */
function versioningStatus(type: string, props: Readonly<Record<string, unknown>>): string | undefined {
    return type.startsWith("aws:") ? str(record(props.versioningConfiguration).status) : str(props.status);
}

/** Versioning set on the bucket itself (OSS `versioning.status`, S3 `versioning.enabled`). */
function inlineVersioning(type: string, props: Readonly<Record<string, unknown>>): boolean {
    return type.startsWith("aws:") ? bool(record(props.versioning).enabled) === true : str(record(props.versioning).status) === "Enabled";
}

/**
 * A stack check, because versioning is either an input of the bucket or a separate resource that
 * targets it (see object-storage-buckets.ts for how the two are matched).
 */
export const haObjectStorageRequireVersioningAndRedundancy = stackRule(
    {
        name: "ha-object-storage-require-versioning-and-redundancy",
        description: "Buckets keep object versions and (Alibaba Cloud) store zone-redundantly (ZRS).",
        category: "availability",
        remediation: "Set `redundancyType: \"ZRS\"` on oss.Bucket and either `versioning: {status: \"Enabled\"}` on it or an oss.BucketVersioning with status Enabled for it; on AWS an s3.BucketVersioning with `versioningConfiguration.status: \"Enabled\"` for the bucket (S3 Standard is multi-AZ).",
    },
    (args, report) => {
        const buckets = bucketsOf(args.resources);
        const separate = args.resources.filter((r) => VERSIONING_TYPES.includes(r.type));
        if (buckets.length === 0 && separate.length === 0) args.notApplicable("no bucket");
        for (const v of separate) {
            const status = versioningStatus(v.type, v.props);
            if (status !== "Enabled") report(`${v.type.startsWith("aws:") ? "S3" : "OSS"} bucket versioning is ${status ?? "off"}.`, v.urn);
        }
        for (const b of buckets) {
            const aws = b.type.startsWith("aws:");
            if (!aws && b.props.redundancyType !== "ZRS") report(`OSS bucket redundancyType is ${str(b.props.redundancyType) ?? "LRS (default)"}; use ZRS.`, b.urn);
            if (!inlineVersioning(b.type, b.props) && bucketResources(b, args.resources, VERSIONING_TYPES).length === 0) {
                report(`${aws ? "S3" : "OSS"} bucket versioning is off: neither the bucket nor a versioning resource for it enables it.`, b.urn);
            }
        }
    },
);
