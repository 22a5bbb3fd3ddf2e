import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";
import { num } from "../lib/values";

export const haStatefulRequireDeletionProtection = resourceRule(
    {
        name: "ha-stateful-require-deletion-protection",
        description: "Databases and caches are protected from deletion and keep a final snapshot.",
        category: "availability",
        remediation: "Alibaba Cloud: `deletionProtection: true` (rds.Instance), `deletionLock: 1` (polardb.Cluster), `instanceReleaseProtection: true` (kvstore.Instance). AWS: `deletionProtection: true` and `skipFinalSnapshot` false (rds.Instance, rds.Cluster).",
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, _args, report) => {
            if (db.deletionProtection !== true) report("RDS instance deletionProtection is not true.");
        }),
        validateResourceOfType(alicloud.polardb.Cluster, (c, _args, report) => {
            if (num(c.deletionLock) !== 1) report("PolarDB cluster deletionLock is not 1.");
        }),
        validateResourceOfType(alicloud.kvstore.Instance, (r, _args, report) => {
            if (r.instanceReleaseProtection !== true) report("Redis instance instanceReleaseProtection is not true.");
        }),
        validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
            if (db.deletionProtection !== true) report("RDS instance deletionProtection is not true.");
            if (db.replicateSourceDb === undefined && db.skipFinalSnapshot === true) report("RDS instance skipFinalSnapshot is true; the last data would be lost on deletion.");
        }),
        validateResourceOfType(aws.rds.Cluster, (c, _args, report) => {
            if (c.deletionProtection !== true) report("RDS cluster deletionProtection is not true.");
            if (c.skipFinalSnapshot === true) report("RDS cluster skipFinalSnapshot is true; the last data would be lost on deletion.");
        }),
    ],
);
