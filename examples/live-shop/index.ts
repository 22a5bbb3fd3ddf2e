// A Pulumi program of its own that takes the live-commerce components as a library: its own project
// name and config keys (live-shop:stage, live-shop:region, live-shop:zones), the blueprint's stage
// presets and network plan from `live-commerce/model` (resolved with the clouds' profiles,
// `live-commerce/profiles`), two AWS components from `live-commerce/aws`.

import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Network, Storage, type NetworkArgs } from "live-commerce/aws";
import { naming, network, type StackSpec } from "live-commerce/model";
import { resolveSpec } from "live-commerce/profiles";

function isTextList(v: unknown): v is string[] {
    return Array.isArray(v) && v.every((x) => typeof x === "string");
}

/** The shop's spec: its stage's presets over one region of its own config. */
export function shopSpec(config: pulumi.Config, now: Date): StackSpec {
    const zones: unknown = config.requireObject("zones");
    if (!isTextList(zones)) throw new pulumi.RunError("live-shop:zones must be a list of Availability Zone names");
    return resolveSpec(
        { stage: config.require("stage"), cloud: "aws", prefix: "shop", regions: [{ name: config.require("region"), zones }] },
        { now, project: pulumi.getProject() },
    );
}

/** Declares the shop's network and buckets; the outputs name the stage and cloud as the blueprint's do. */
export async function main(): Promise<Record<string, unknown>> {
    const spec = shopSpec(new pulumi.Config(), new Date());
    const region = spec.regions[0];
    if (region === undefined) throw new pulumi.RunError("live-shop:region is required");
    const provider = new aws.Provider(naming.providerName(spec, region.name), { region: region.name });
    const name = naming.regionBaseName(spec, region.name);
    const tags = naming.baseTags(spec, region.name);
    const args: NetworkArgs = { plan: network.planRegionNetwork(spec, region), tags };
    const net = new Network(`${name}-network`, args, { provider });
    const storage = new Storage(`${name}-storage`, { tags }, { provider });
    return { stage: spec.stage, cloud: spec.cloud, vpcId: net.vpcId, privateSubnetIds: net.privateSubnetIds, mediaBucket: storage.mediaBucket };
}

export default main;
