import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { CacheSpec, DATA_PORTS, PrimaryStandby } from "../model";
import { redisClassFor } from "./catalogue";
import { generatedPassword } from "./password";

export interface CacheArgs {
    readonly cache: CacheSpec;
    /** Primary and standby zone of the region (primaryStandby()). */
    readonly placement: PrimaryStandby;
    readonly vpcId: pulumi.Input<string>;
    /** vSwitch of the primary zone. */
    readonly vswitchId: pulumi.Input<string>;
    /** The only networks allowed to connect: the region's private vSwitch CIDRs. */
    readonly allowedCidrs: readonly string[];
    readonly tags: Record<string, string>;
}

/** Redis engine version of every stage. */
export const REDIS_VERSION = "7.0";

/**
 * Redis (Tair memory-optimized) for hot products and sessions. Startup: one standard instance in
 * the primary zone, even when the region lists a second zone for the load balancer. Cluster mode:
 * the cluster edition with `shards` shards, each a primary with one replica; the replicas live in
 * the standby zone (`secondaryZoneId`), so losing a zone fails over instead of losing the cache.
 * In the VPC only, reachable from the region's vSwitch networks, password-protected, TLS on,
 * TDE on (encryption at rest of the persistence files, keys in KMS; it cannot be turned off),
 * protected from deletion by Pulumi (`protect`).
 */
export class Cache extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    readonly host: pulumi.Output<string>;
    readonly port: number;
    /** Secret. */
    readonly password: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Cache", name, {}, opts);
        const { cache, placement, tags } = args;
        const cluster = cache.mode === "cluster";
        if (cluster && placement.standbyZone === null) {
            throw new pulumi.ResourceError("a Redis cluster needs a standby zone: give the region >= 2 zones", this);
        }
        // Replicas go to the standby zone; a cache without replicas stays whole in the primary zone.
        const secondaryZone = cache.replicasPerShard > 0 ? placement.standbyZone : null;
        const password = generatedPassword(`${name}-password`, this);
        // Cloud-native Tair is created by CreateTairInstance (redis.TairInstance); kvstore.Instance
        // calls CreateInstance, which does not create it (api-r-kvstore-2015-01-01-createinstance-redis).
        // The instance has no release-protection input: `protect` keeps Pulumi from deleting it.
        const redis = new alicloud.redis.TairInstance(
            `${name}-redis`,
            {
                tairInstanceName: name,
                instanceType: "tair_rdb",
                engineVersion: REDIS_VERSION,
                instanceClass: redisClassFor(cache.mode, cache.memoryGiB),
                shardCount: cluster ? cache.shards : 1,
                nodeType: secondaryZone !== null ? "MASTER_SLAVE" : "STAND_ALONE",
                zoneId: placement.primaryZone,
                ...(secondaryZone !== null ? { secondaryZoneId: secondaryZone } : {}),
                vpcId: args.vpcId,
                vswitchId: args.vswitchId,
                securityIps: args.allowedCidrs.join(","),
                password: password.result,
                vpcAuthMode: "Open",
                sslEnabled: "Enable",
                // Lower case for Tair (resource_alicloud_redis_tair_instance.go: tde_status "enabled", "disabled").
                tdeStatus: "enabled",
                paymentType: "PayAsYouGo",
                port: DATA_PORTS.redis,
                tags,
            },
            { parent: this, retainOnDelete: true, additionalSecretOutputs: ["password"], protect: true },
        );
        this.instanceId = redis.id;
        this.host = redis.connectionDomain;
        this.port = DATA_PORTS.redis;
        this.password = pulumi.secret(password.result);
        this.registerOutputs({ instanceId: this.instanceId, host: this.host });
    }
}
