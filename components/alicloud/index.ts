import * as alicloud from "@pulumi/alicloud";

import { StackSpec, providerName, regionBaseName } from "../model";
import { Region } from "./region";

export { Autoscaling } from "./autoscaling";
export { Cache } from "./cache";
export { Database } from "./database";
export { LoadBalancer } from "./loadbalancer";
export { Monitoring } from "./monitoring";
export { Network } from "./network";
export { Queue } from "./queue";
export { Region } from "./region";
export { Storage } from "./storage";

/** Deploys every region of an Alibaba Cloud stack, each under its own explicit provider. */
export function deployAlicloud(spec: StackSpec): Region[] {
    return spec.regions.map((region) => {
        const provider = new alicloud.Provider(providerName(spec, region.name), { region: region.name });
        return new Region(regionBaseName(spec, region.name), { spec, region }, { providers: [provider] });
    });
}
export { KubernetesCluster } from "./kubernetes";
