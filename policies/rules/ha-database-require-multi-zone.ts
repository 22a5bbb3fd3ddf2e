import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { POLARDB_STANDBY_ON, RDS_HA_CATEGORIES, hasDistinctZone, polardbStandbyInPrimaryZone } from "../lib/database";
import { intConfig, resourceRule } from "../lib/policy";
import { num } from "../lib/values";

interface Config {
    readonly minPolarDbNodes: number;
}

export const haDatabaseRequireMultiZone = resourceRule(
    {
        name: "ha-database-require-multi-zone",
        description: "Primary databases fail over to a standby in another zone: RDS HA edition with a standby zone, PolarDB with >= 2 nodes and a hot standby, AWS RDS Multi-AZ.",
        category: "availability",
        remediation: "Alibaba Cloud RDS: `category: \"HighAvailability\"` (or cluster) and `zoneIdSlaveA` in another zone. PolarDB: `dbNodeCount` >= 2 and `hotStandbyCluster: \"ON\"` with `standbyAz` in another zone than `zoneId`. AWS RDS: `multiAz: true`. Aurora node count is checked by ha-database-cluster-require-multiple-nodes.",
        config: { minPolarDbNodes: intConfig(2, "Minimum PolarDB nodes (primary + read-only).", 1) },
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, _args, report) => {
            if (!RDS_HA_CATEGORIES.includes(db.category ?? "Basic")) report(`RDS instance category ${db.category ?? "Basic (default)"} has no standby; use HighAvailability or cluster.`);
            if (!hasDistinctZone(db.zoneId, db.zoneIdSlaveA)) report("RDS instance has no zoneIdSlaveA in a zone other than zoneId.");
        }),
        validateResourceOfType(alicloud.polardb.Cluster, (c, args, report) => {
            const nodes = num(c.dbNodeCount) ?? 2;
            const min = args.getConfig<Config>().minPolarDbNodes;
            if (nodes < min) report(`PolarDB cluster has ${nodes} node(s); at least ${min} are required for failover.`);
            if (!POLARDB_STANDBY_ON.includes(c.hotStandbyCluster ?? "")) report(`PolarDB hotStandbyCluster is ${c.hotStandbyCluster ?? "unset"}; set ON or EQUAL so storage survives a zone failure.`);
            else {
                const same = polardbStandbyInPrimaryZone(c.zoneId, c.standbyAz);
                if (same !== undefined) report(`PolarDB standbyAz is the primary zone ${same}: the hot standby storage does not survive that zone's failure; set standbyAz to another zone of the region.`);
            }
        }),
        validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
            if (db.replicateSourceDb !== undefined) return; // a read replica; its source carries the standby
            if (db.multiAz !== true) report("RDS instance multiAz is not true.");
        }),
    ],
);
