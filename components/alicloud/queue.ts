import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { QueueSpec } from "../model";

export interface QueueArgs {
    readonly queue: QueueSpec;
    readonly vpcId: pulumi.Input<string>;
    /** Zones of the region and their vSwitches, in the same order. */
    readonly zones: readonly string[];
    readonly vswitchIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly tags: Record<string, string>;
}

/** Kafka version and traffic specification of the cluster (20 MB/s read+write, professional edition). */
export const KAFKA_VERSION = "2.6.2";
export const KAFKA_IO_SPEC = "alikafka.hw.2xlarge";
const KAFKA_DISK_GIB = 500;

/**
 * Managed Kafka (ApsaraMQ for Kafka, professional edition) spread over the region's zones, VPC
 * only, with one topic per `queue.topics` entry: high-concurrency writes (orders, interactions)
 * are buffered here instead of hitting the database directly.
 */
export class Queue extends pulumi.ComponentResource {
    readonly instanceId: pulumi.Output<string>;
    /** Default (VPC) bootstrap servers. */
    readonly bootstrapServers: pulumi.Output<string>;
    readonly topics: readonly string[];

    constructor(name: string, args: QueueArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Queue", name, {}, opts);
        const { queue, tags } = args;
        if (args.zones.length !== args.vswitchIds.length || args.zones.length === 0) {
            throw new pulumi.ResourceError(`queue needs one vSwitch per zone (got ${args.vswitchIds.length} for ${args.zones.length} zones)`, this);
        }
        const kafka = new alicloud.alikafka.Instance(
            `${name}-kafka`,
            {
                name,
                deployType: 5, // VPC access only
                specType: "professional",
                serviceVersion: KAFKA_VERSION,
                ioMaxSpec: KAFKA_IO_SPEC,
                diskType: 1, // SSD
                diskSize: KAFKA_DISK_GIB,
                partitionNum: queue.topics.length * queue.partitions,
                paidType: "PostPaid",
                vpcId: args.vpcId,
                zoneId: args.zones[0],
                vswitchId: args.vswitchIds[0],
                vswitchIds: args.vswitchIds,
                selectedZones: [...args.zones],
                securityGroup: args.securityGroupId,
                config: JSON.stringify({ "kafka.log.retention.hours": String(queue.retentionHours) }),
                tags,
            },
            { parent: this, retainOnDelete: true },
        );
        for (const topic of queue.topics) {
            new alicloud.alikafka.Topic(
                `${name}-topic-${topic}`,
                { instanceId: kafka.id, topic, partitionNum: queue.partitions, remark: `live-commerce-${topic}`, localTopic: false, tags },
                { parent: this, retainOnDelete: true },
            );
        }
        this.instanceId = kafka.id;
        this.bootstrapServers = kafka.endPoint;
        this.topics = queue.topics;
        this.registerOutputs({ instanceId: this.instanceId, bootstrapServers: this.bootstrapServers });
    }
}
