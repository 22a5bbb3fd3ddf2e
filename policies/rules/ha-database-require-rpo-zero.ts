import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { RDS_RPO_ZERO_CATEGORIES } from "../lib/database";
import { resourceRule, stringListConfig } from "../lib/policy";

interface Config {
    readonly rpoZeroCategories: readonly string[];
}

export const haDatabaseRequireRpoZero = resourceRule(
    {
        name: "ha-database-require-rpo-zero",
        description: "The order database loses no committed transaction on failover (RPO 0): synchronous or shared-storage replication.",
        category: "availability",
        remediation: "Use PolarDB or Aurora (shared storage), Alibaba Cloud RDS cluster/Finance edition (quorum commit), or AWS RDS `multiAz: true` (synchronous standby). RDS MySQL HighAvailability replicates semi-synchronously and can fall back to asynchronous, so it does not guarantee RPO 0.",
        config: { rpoZeroCategories: stringListConfig(RDS_RPO_ZERO_CATEGORIES, "Alibaba Cloud RDS categories accepted as RPO 0.") },
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, args, report) => {
            const ok = args.getConfig<Config>().rpoZeroCategories;
            if (!ok.includes(db.category ?? "Basic")) report(`RDS instance category ${db.category ?? "Basic (default)"} does not guarantee RPO 0; accepted: ${ok.join(", ")}.`);
        }),
        validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
            if (db.replicateSourceDb !== undefined) return;
            if (db.multiAz !== true) report("RDS instance without multiAz has no synchronous standby: committed orders can be lost.");
        }),
    ],
);
