import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { QueueLayout } from "./catalogue";

export interface QueueArgs {
    /** Zones, brokers, replication and retention from queueLayout() in ./catalogue. */
    readonly layout: QueueLayout;
    /** Private subnets of layout.zones, in the same order. */
    readonly clientSubnetIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly topics: readonly string[];
    readonly tags: Record<string, string>;
}

/**
 * Amazon MSK (Kafka) for high-concurrency writes (orders, interactions): one broker per zone,
 * TLS between clients and brokers and inside the cluster, encrypted at rest (MSK always encrypts
 * storage; the AWS managed key unless one is given). Clients authenticate by network: only the
 * app security group reaches the TLS listener (port 9094). Topics are declared here, not
 * auto-created.
 */
export class Queue extends pulumi.ComponentResource {
    readonly clusterArn: pulumi.Output<string>;
    readonly bootstrapBrokersTls: pulumi.Output<string>;

    constructor(name: string, args: QueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Queue", name, {}, opts);
        const { layout, tags } = args;
        const config = new aws.msk.Configuration(
            `${name}-config`,
            {
                kafkaVersions: [layout.kafkaVersion],
                serverProperties: [
                    "auto.create.topics.enable=false",
                    `default.replication.factor=${layout.replicationFactor}`,
                    `min.insync.replicas=${layout.minInSyncReplicas}`,
                    `log.retention.ms=${layout.retentionMs}`,
                    "unclean.leader.election.enable=false",
                ].join("\n"),
            },
            { parent: this },
        );
        const cluster = new aws.msk.Cluster(
            `${name}-kafka`,
            {
                kafkaVersion: layout.kafkaVersion,
                numberOfBrokerNodes: layout.brokers,
                brokerNodeGroupInfo: {
                    instanceType: layout.instanceType,
                    clientSubnets: args.clientSubnetIds,
                    securityGroups: [args.securityGroupId],
                    storageInfo: { ebsStorageInfo: { volumeSize: layout.volumeGiB } },
                },
                encryptionInfo: { encryptionInTransit: { clientBroker: "TLS", inCluster: true } },
                clientAuthentication: { unauthenticated: true },
                configurationInfo: { arn: config.arn, revision: config.latestRevision },
                enhancedMonitoring: "PER_BROKER",
                tags,
            },
            { parent: this, retainOnDelete: true },
        );
        for (const topic of args.topics) {
            new aws.msk.Topic(
                `${name}-topic-${topic}`,
                {
                    clusterArn: cluster.arn,
                    name: topic,
                    partitionCount: layout.partitions,
                    replicationFactor: layout.replicationFactor,
                    configs: JSON.stringify({ "retention.ms": String(layout.retentionMs), "min.insync.replicas": String(layout.minInSyncReplicas) }),
                },
                { parent: this, retainOnDelete: true },
            );
        }
        this.clusterArn = cluster.arn;
        this.bootstrapBrokersTls = cluster.bootstrapBrokersTls;
        this.registerOutputs({ clusterArn: this.clusterArn, bootstrapBrokersTls: this.bootstrapBrokersTls });
    }
}
