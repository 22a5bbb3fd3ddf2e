import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { distinctStrings, num } from "../lib/values";
import { spreadFindings } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

export const haQueueRequireMultiZone = resourceRule(
    {
        name: "ha-queue-require-multi-zone",
        description: "Kafka brokers are spread over >= 2 zones (ApsaraMQ for Kafka, Amazon MSK).",
        category: "availability",
        remediation: "Set `selectedZones` (or `vswitchIds`) with >= 2 zones on alikafka.Instance; give msk.Cluster `brokerNodeGroupInfo.clientSubnets` in >= 2 zones and `numberOfBrokerNodes` a multiple of them.",
        config: { minZones: intConfig(2, "Minimum zones of a Kafka cluster.", 1) },
    },
    [
        validateResourceOfType(alicloud.alikafka.Instance, (k, args, report) => {
            const zones = distinctStrings([...(k.selectedZones ?? []), ...(k.vswitchIds ?? [])]);
            const count = Math.max(zones.length, k.zoneId !== undefined || k.vswitchId !== undefined ? 1 : 0);
            const min = args.getConfig<Config>().minZones;
            if (count < min) report(`Kafka instance spans ${count} zone(s); at least ${min} are required (selectedZones / vswitchIds).`);
        }),
        validateResourceOfType(aws.msk.Cluster, (k, args, report) => {
            const subnets = distinctStrings(k.brokerNodeGroupInfo.clientSubnets);
            const brokers = num(k.numberOfBrokerNodes) ?? 0;
            spreadFindings("MSK cluster", subnets.length, brokers, args.getConfig<Config>().minZones).forEach((m) => report(m));
            if (subnets.length > 0 && brokers % subnets.length !== 0) report(`MSK numberOfBrokerNodes ${brokers} is not a multiple of its ${subnets.length} client subnets.`);
        }),
    ],
);
