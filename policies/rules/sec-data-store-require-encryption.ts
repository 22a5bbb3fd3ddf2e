import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";
import { isUnknown, plainProps } from "../lib/refs";

export const secDataStoreRequireEncryption = resourceRule(
    {
        name: "sec-data-store-require-encryption",
        description: "Databases and caches encrypt data at rest (and caches in transit).",
        category: "security",
        remediation: "Alibaba Cloud: `tdeStatus: \"Enabled\"` or `encryptionKey` (rds.Instance), `tdeStatus: \"Enabled\"` (polardb.Cluster, kvstore.Instance), `tdeStatus: \"enabled\"` (redis.TairInstance). AWS: `storageEncrypted: true` (rds.Instance, rds.Cluster), `atRestEncryptionEnabled` and `transitEncryptionEnabled` (elasticache.ReplicationGroup).",
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, _args, report) => {
            // encryptionKey is a reference to a KMS key: unknown in a first preview, and set all the same.
            const key = plainProps(db).encryptionKey;
            const hasKey = isUnknown(key) || (typeof key === "string" && key !== "");
            if (plainProps(db).tdeStatus !== "Enabled" && !hasKey) report("RDS instance has neither TDE (tdeStatus) nor disk encryption (encryptionKey).");
        }),
        validateResourceOfType(alicloud.polardb.Cluster, (c, _args, report) => {
            if (c.tdeStatus !== "Enabled") report("PolarDB cluster tdeStatus is not Enabled.");
        }),
        validateResourceOfType(alicloud.kvstore.Instance, (r, _args, report) => {
            if (r.tdeStatus !== "Enabled") report("Redis instance tdeStatus is not Enabled.");
        }),
        validateResourceOfType(alicloud.redis.TairInstance, (r, _args, report) => {
            if (r.tdeStatus !== "enabled") report("Tair instance tdeStatus is not enabled.");
        }),
        validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
            if (db.storageEncrypted !== true) report("RDS instance storageEncrypted is not true.");
        }),
        validateResourceOfType(aws.rds.Cluster, (c, _args, report) => {
            if (c.storageEncrypted !== true) report("RDS cluster storageEncrypted is not true.");
        }),
        validateResourceOfType(aws.elasticache.ReplicationGroup, (r, _args, report) => {
            if (r.atRestEncryptionEnabled !== true) report("ElastiCache atRestEncryptionEnabled is not true.");
            if (r.transitEncryptionEnabled !== true) report("ElastiCache transitEncryptionEnabled is not true.");
        }),
    ],
);
