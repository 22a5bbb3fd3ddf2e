import * as alicloud from "@pulumi/alicloud";

import { StackSpec, providerName, regionBaseName } from "../model";
import { Region } from "./region";

export { Network } from "./network";
export { Region } from "./region";

/** Deploys every region of an Alibaba Cloud stack, each under its own explicit provider. */
export function deployAlicloud(spec: StackSpec): Region[] {
    return spec.regions.map((region) => {
        const provider = new alicloud.Provider(providerName(spec, region.name), { region: region.name });
        return new Region(regionBaseName(spec, region.name), { spec, region }, { providers: [provider] });
    });
}
export { KubernetesCluster } from "./kubernetes";
