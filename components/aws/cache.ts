import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { DATA_PORTS } from "../model";
import { CacheLayout, cacheNodeIds } from "./catalogue";
import { cacheAuthToken } from "./password";

export interface CacheArgs {
    /** Node type, shards, replicas and failover from cacheLayout() in ./catalogue. */
    readonly layout: CacheLayout;
    /** Replication group id (<= 40 characters); fixed so that node ids and alarms are known in advance. */
    readonly replicationGroupId: string;
    readonly privateSubnetIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly tags: Record<string, string>;
}

/**
 * ElastiCache (Valkey) for hot products and sessions: one node for startup; shards x (1 + replicas)
 * with automatic failover across zones from growth. Encrypted at rest and in transit, AUTH token
 * from a random secret, daily snapshots and a final snapshot on deletion.
 */
export class Cache extends pulumi.ComponentResource {
    /** Configuration endpoint (cluster mode) or primary endpoint: where clients connect. */
    readonly endpoint: pulumi.Output<string>;
    readonly readerEndpoint: pulumi.Output<string>;
    readonly port: number;
    readonly nodeIds: readonly string[];
    /** AUTH token; a secret output. */
    readonly authToken: pulumi.Output<string>;

    constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Cache", name, {}, opts);
        const { layout, tags } = args;
        const token = cacheAuthToken(`${name}-auth-token`, this);
        const subnets = new aws.elasticache.SubnetGroup(
            `${name}-subnets`,
            { description: `${name} private subnets`, subnetIds: args.privateSubnetIds, tags },
            { parent: this },
        );
        const cluster = layout.clusterMode === "enabled";
        const group = new aws.elasticache.ReplicationGroup(
            `${name}-valkey`,
            {
                replicationGroupId: args.replicationGroupId,
                description: `${name} hot products and sessions`,
                engine: layout.engine,
                engineVersion: layout.engineVersion,
                nodeType: layout.nodeType,
                parameterGroupName: layout.parameterGroup,
                port: DATA_PORTS.redis,
                clusterMode: layout.clusterMode,
                ...(cluster ? { numNodeGroups: layout.shards, replicasPerNodeGroup: layout.replicasPerShard } : { numCacheClusters: 1 + layout.replicasPerShard }),
                automaticFailoverEnabled: layout.automaticFailover,
                multiAzEnabled: layout.multiAz,
                atRestEncryptionEnabled: true,
                transitEncryptionEnabled: true,
                authToken: pulumi.secret(token.result),
                subnetGroupName: subnets.name,
                securityGroupIds: [args.securityGroupId],
                snapshotRetentionLimit: layout.snapshotRetentionDays,
                finalSnapshotIdentifier: `${args.replicationGroupId}-final`,
                autoMinorVersionUpgrade: true,
                tags,
            },
            { parent: this, retainOnDelete: true },
        );
        this.endpoint = cluster ? group.configurationEndpointAddress : group.primaryEndpointAddress;
        this.readerEndpoint = group.readerEndpointAddress;
        this.port = DATA_PORTS.redis;
        this.nodeIds = cacheNodeIds(args.replicationGroupId, layout);
        this.authToken = pulumi.secret(token.result);
        this.registerOutputs({ endpoint: this.endpoint, readerEndpoint: this.readerEndpoint });
    }
}
