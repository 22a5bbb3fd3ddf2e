import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { worldCovered } from "../lib/network";
import { resourceRule } from "../lib/policy";

/**
 * The whitelist entries (comma-separated strings allowed), when together they admit the whole
 * internet of an IP version ("0.0.0.0/0", "0.0.0.0", "::/0", or ranges that add up to them);
 * [] otherwise.
 */
export function worldEntries(ips: readonly string[] | undefined): string[] {
    const entries = (ips ?? []).flatMap((s) => s.split(",")).map((s) => s.trim()).filter((s) => s !== "");
    return worldCovered(entries).length > 0 ? entries : [];
}

export const secDataStoreForbidPublicAccess = resourceRule(
    {
        name: "sec-data-store-forbid-public-access",
        description: "Databases and caches are reachable only from the VPC: no public endpoint, no world-open whitelist.",
        category: "security",
        remediation: "Remove 0.0.0.0/0 (and ranges that add up to it) from `securityIps` (rds.Instance, polardb.Cluster and its `dbClusterIpArrays`, kvstore.Instance, redis.TairInstance) and use the app tier's CIDRs or security groups; set `publiclyAccessible: false` (aws rds.Instance / rds.ClusterInstance).",
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, _args, report) => {
            if (worldEntries(db.securityIps).length > 0) report("RDS instance securityIps admit the whole internet.");
        }),
        validateResourceOfType(alicloud.polardb.Cluster, (c, _args, report) => {
            if (worldEntries(c.securityIps).length > 0) report("PolarDB cluster securityIps admit the whole internet.");
            // Each whitelist group (dbClusterIpArrays) is a whitelist of its own.
            for (const group of c.dbClusterIpArrays ?? []) {
                if (worldEntries(group.securityIps).length > 0) report(`PolarDB cluster whitelist group ${group.dbClusterIpArrayName ?? "default"} (dbClusterIpArrays) admits the whole internet.`);
            }
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
