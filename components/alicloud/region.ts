import * as pulumi from "@pulumi/pulumi";

import { RegionSpec, StackSpec, baseTags, planRegionNetwork } from "../model";
import { LiveCommerceServices } from "../kubernetes";
import { KubernetesCluster } from "./kubernetes";
import { Network } from "./network";

export interface RegionArgs {
    readonly spec: StackSpec;
    readonly region: RegionSpec;
}

/** One Alibaba Cloud region of the stack: everything a viewer's request needs, in that region. */
export class Region extends pulumi.ComponentResource {
    readonly network: Network;
    /** Managed cluster and the business microservices, when `kubernetes.enabled`. */
    readonly kubernetes?: { readonly cluster: KubernetesCluster; readonly services: LiveCommerceServices };

    constructor(name: string, args: RegionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Region", name, {}, opts);
        const tags = baseTags(args.spec, args.region.name);
        this.network = new Network(`${name}-network`, { plan: planRegionNetwork(args.spec, args.region), tags }, { parent: this });
        if (args.spec.kubernetes.enabled) {
            const cluster = new KubernetesCluster(`${name}-k8s`, { kubernetes: args.spec.kubernetes, network: this.network, tags }, { parent: this });
            // The regional Redis, database and Kafka components plug in here: pass their endpoints
            // (redisHost, databaseHost, databaseReaderHost, kafkaBrokers) and the secret databasePassword.
            const services = new LiveCommerceServices(`${name}-services`, { spec: args.spec, endpoints: {} }, { parent: this, providers: [cluster.provider] });
            this.kubernetes = { cluster, services };
        }
        this.registerOutputs({ vpcId: this.network.vpcId });
    }

    /** Stack outputs of this region. */
    outputs(): Record<string, pulumi.Input<unknown>> {
        return {
            vpcId: this.network.vpcId,
            zones: this.network.zones,
            vswitchIds: this.network.vswitchIds,
            securityGroupIds: this.network.securityGroupIds,
            ...(this.kubernetes === undefined ? {} : { kubernetes: { clusterName: this.kubernetes.cluster.clusterName, namespace: this.kubernetes.services.namespace } }),
        };
    }
}
