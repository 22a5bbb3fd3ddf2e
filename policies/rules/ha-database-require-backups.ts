import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { num } from "../lib/values";

interface Config {
    readonly minRetentionDays: number;
}

function finding(kind: string, days: number | undefined, min: number): string | undefined {
    return days === undefined || days < min ? `${kind} keeps backups ${days ?? "for the default"} day(s); at least ${min} are required.` : undefined;
}

export const haDatabaseRequireBackups = resourceRule(
    {
        name: "ha-database-require-backups",
        description: "Database backups are kept for >= 7 days.",
        category: "availability",
        remediation: "Set `backupRetentionPeriod` >= 7 (rds.BackupPolicy, aws rds.Instance / rds.Cluster) or `dataLevel1BackupRetentionPeriod` >= 7 (polardb.BackupPolicy).",
        config: { minRetentionDays: intConfig(7, "Minimum backup retention in days.", 1) },
    },
    [
        validateResourceOfType(alicloud.rds.BackupPolicy, (p, args, report) => {
            const m = finding("RDS backup policy", num(p.backupRetentionPeriod ?? p.retentionPeriod), args.getConfig<Config>().minRetentionDays);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(alicloud.polardb.BackupPolicy, (p, args, report) => {
            const m = finding("PolarDB backup policy", num(p.dataLevel1BackupRetentionPeriod ?? p.backupRetentionPeriod), args.getConfig<Config>().minRetentionDays);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(aws.rds.Instance, (db, args, report) => {
            if (db.replicateSourceDb !== undefined) return;
            const m = finding("RDS instance", num(db.backupRetentionPeriod), args.getConfig<Config>().minRetentionDays);
            if (m !== undefined) report(m);
        }),
        validateResourceOfType(aws.rds.Cluster, (c, args, report) => {
            const m = finding("RDS cluster", num(c.backupRetentionPeriod), args.getConfig<Config>().minRetentionDays);
            if (m !== undefined) report(m);
        }),
    ],
);
