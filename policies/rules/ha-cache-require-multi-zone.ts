import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

/**
 * A zone id written with whitespace around it (`"cn-hangzhou-h "`) is no zone the cloud has: the
 * replica's zone cannot be judged equal or different, so it is a finding naming it (the
 * provider-conformance table rejects it too). Undefined when both are clean.
 */
export function zonePadding(zoneId: string | undefined, secondaryZoneId: string | undefined): string | undefined {
    const bad = [["zoneId", zoneId], ["secondaryZoneId", secondaryZoneId]].filter(([, z]) => z !== undefined && z.trim() !== z);
    return bad.length === 0 ? undefined : `${bad.map(([k, z]) => `${k} ${JSON.stringify(z)}`).join(" and ")} ${bad.length === 1 ? "is not a zone id" : "are not zone ids"} (whitespace around it); the replica's zone is unknown.`;
}

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
            const padded = zonePadding(primary, r.secondaryZoneId);
            if (r.secondaryZoneId === undefined || r.secondaryZoneId.trim() === "") report("Redis instance has no secondaryZoneId; its replica shares the primary's zone.");
            else if (padded !== undefined) report(padded);
            else if (r.secondaryZoneId === primary) report(`Redis instance secondaryZoneId equals its zone ${primary}.`);
        }),
        validateResourceOfType(alicloud.redis.TairInstance, (r, _args, report) => {
            const padded = zonePadding(r.zoneId, r.secondaryZoneId);
            if (r.secondaryZoneId === undefined || r.secondaryZoneId.trim() === "") report("Tair instance has no secondaryZoneId; its replica shares the primary's zone.");
            else if (padded !== undefined) report(padded);
            else if (r.secondaryZoneId === r.zoneId) report(`Tair instance secondaryZoneId equals its zone ${r.zoneId}.`);
        }),
        validateResourceOfType(aws.elasticache.ReplicationGroup, (r, _args, report) => {
            if (r.multiAzEnabled !== true) report("ElastiCache replication group multiAzEnabled is not true.");
        }),
    ],
);
