import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { isWorld } from "../lib/network";
import { resourceRule } from "../lib/policy";

/** Whitelist entries that admit the whole internet ("0.0.0.0/0", "0.0.0.0", "::/0"). */
export function worldEntries(ips: readonly string[] | undefined): string[] {
    return (ips ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => isWorld(s) || s === "0.0.0.0");
}

export const secDataStoreForbidPublicAccess = resourceRule(
    {
        name: "sec-data-store-forbid-public-access",
        description: "Databases and caches are reachable only from the VPC: no public endpoint, no world-open whitelist.",
        category: "security",
        remediation: "Remove 0.0.0.0/0 from `securityIps` (rds.Instance, polardb.Cluster, kvstore.Instance, redis.TairInstance) and use the app tier's CIDRs or security groups; set `publiclyAccessible: false` (aws rds.Instance / rds.ClusterInstance).",
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, _args, report) => {
            if (worldEntries(db.securityIps).length > 0) report("RDS instance securityIps admit the whole internet.");
        }),
        validateResourceOfType(alicloud.polardb.Cluster, (c, _args, report) => {
            if (worldEntries(c.securityIps).length > 0) report("PolarDB cluster securityIps admit the whole internet.");
        }),
        validateResourceOfType(alicloud.kvstore.Instance, (r, _args, report) => {
            if (worldEntries(r.securityIps).length > 0) report("Redis instance securityIps admit the whole internet.");
        }),
        validateResourceOfType(alicloud.redis.TairInstance, (r, _args, report) => {
            if (worldEntries(r.securityIps?.split(",")).length > 0) report("Tair instance securityIps admit the whole internet.");
        }),
        validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
            if (db.publiclyAccessible === true) report("RDS instance publiclyAccessible is true.");
        }),
        validateResourceOfType(aws.rds.ClusterInstance, (db, _args, report) => {
            if (db.publiclyAccessible === true) report("RDS cluster instance publiclyAccessible is true.");
        }),
    ],
);
