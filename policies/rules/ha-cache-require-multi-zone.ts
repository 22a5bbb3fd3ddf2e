import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const haCacheRequireMultiZone = resourceRule(
    {
        name: "ha-cache-require-multi-zone",
        description: "Redis keeps its replica in a second zone (Tair/Redis secondary zone, ElastiCache Multi-AZ).",
        category: "availability",
        remediation: "Set `secondaryZoneId` to another zone than `zoneId` (kvstore.Instance, redis.TairInstance) or `multiAzEnabled: true` (elasticache.ReplicationGroup).",
    },
    [
        validateResourceOfType(alicloud.kvstore.Instance, (r, _args, report) => {
            const primary = r.zoneId ?? r.availabilityZone;
            if (r.secondaryZoneId === undefined || r.secondaryZoneId === "") report("Redis instance has no secondaryZoneId; its replica shares the primary's zone.");
            else if (r.secondaryZoneId === primary) report(`Redis instance secondaryZoneId equals its zone ${primary}.`);
        }),
        validateResourceOfType(alicloud.redis.TairInstance, (r, _args, report) => {
            if (r.secondaryZoneId === undefined || r.secondaryZoneId === "") report("Tair instance has no secondaryZoneId; its replica shares the primary's zone.");
            else if (r.secondaryZoneId === r.zoneId) report(`Tair instance secondaryZoneId equals its zone ${r.zoneId}.`);
        }),
        validateResourceOfType(aws.elasticache.ReplicationGroup, (r, _args, report) => {
            if (r.multiAzEnabled !== true) report("ElastiCache replication group multiAzEnabled is not true.");
        }),
    ],
);
