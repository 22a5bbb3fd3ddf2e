import * as pulumi from "@pulumi/pulumi";

import { RegionSpec, StackSpec, baseTags, planRegionNetwork } from "../model";
import { Network } from "./network";

export interface RegionArgs {
    readonly spec: StackSpec;
    readonly region: RegionSpec;
}

/** One AWS region of the stack: everything a viewer's request needs, in that region. */
export class Region extends pulumi.ComponentResource {
    readonly network: Network;

    constructor(name: string, args: RegionArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Region", name, {}, opts);
        const tags = baseTags(args.spec, args.region.name);
        this.network = new Network(`${name}-network`, { plan: planRegionNetwork(args.spec, args.region), tags }, { parent: this });
        this.registerOutputs({ vpcId: this.network.vpcId });
    }

    /** Stack outputs of this region. */
    outputs(): Record<string, pulumi.Input<unknown>> {
        return {
            vpcId: this.network.vpcId,
            zones: this.network.zones,
            privateSubnetIds: this.network.privateSubnetIds,
            publicSubnetIds: this.network.publicSubnetIds,
            securityGroupIds: this.network.securityGroupIds,
        };
    }
}
