import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";
import { num } from "../lib/values";

/** Replicas of a replication group: per shard in cluster mode, else cache clusters minus the primary. */
export function elastiCacheReplicas(numCacheClusters: number | undefined, replicasPerNodeGroup: number | undefined): number {
    if (replicasPerNodeGroup !== undefined) return replicasPerNodeGroup;
    return Math.max(0, (numCacheClusters ?? 1) - 1);
}

export const haCacheRequireReplicaFailover = resourceRule(
    {
        name: "ha-cache-require-replica-failover",
        description: "Redis runs master-replica with automatic failover (a switch within 30 s).",
        category: "availability",
        remediation: "Use `nodeType: \"MASTER_SLAVE\"` (kvstore.Instance, redis.TairInstance); set `automaticFailoverEnabled: true` and `numCacheClusters` >= 2 or `replicasPerNodeGroup` >= 1 (elasticache.ReplicationGroup).",
    },
    [
        validateResourceOfType(alicloud.kvstore.Instance, (r, _args, report) => {
            if (r.nodeType === "STAND_ALONE") report("Redis instance is STAND_ALONE: no replica to fail over to.");
        }),
        validateResourceOfType(alicloud.redis.TairInstance, (r, _args, report) => {
            if (r.nodeType === "STAND_ALONE" || r.nodeType === "single") report("Tair instance is STAND_ALONE: no replica to fail over to.");
        }),
        validateResourceOfType(aws.elasticache.ReplicationGroup, (r, _args, report) => {
            if (r.automaticFailoverEnabled !== true) report("ElastiCache replication group automaticFailoverEnabled is not true.");
            if (elastiCacheReplicas(num(r.numCacheClusters), num(r.replicasPerNodeGroup)) < 1) report("ElastiCache replication group has no replica (numCacheClusters < 2 / replicasPerNodeGroup < 1).");
        }),
    ],
);
