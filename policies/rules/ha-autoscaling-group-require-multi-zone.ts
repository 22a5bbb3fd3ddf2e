import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";
import { distinctStrings, num } from "../lib/values";
import { spreadFindings } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

export const haAutoscalingGroupRequireMultiZone = resourceRule(
    {
        name: "ha-autoscaling-group-require-multi-zone",
        description: "Scaling groups (ESS, EC2 Auto Scaling) span >= 2 zones and keep at least one instance per zone.",
        category: "availability",
        remediation: "List one vSwitch/subnet per zone in `vswitchIds` (ESS) or `vpcZoneIdentifiers` (AWS) and set `minSize` >= the number of zones.",
        config: { minZones: intConfig(2, "Minimum zones (distinct vSwitches/subnets) of a scaling group.", 1) },
    },
    [
        validateResourceOfType(alicloud.ess.ScalingGroup, (g, args, report) => {
            const zones = distinctStrings([...(g.vswitchIds ?? []), ...(g.vswitchId !== undefined ? [g.vswitchId] : [])]);
            spreadFindings("ESS scaling group", zones.length, num(g.minSize), args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.autoscaling.Group, (g, args, report) => {
            const zones = distinctStrings(g.vpcZoneIdentifiers ?? g.availabilityZones ?? []);
            spreadFindings("Auto Scaling group", zones.length, num(g.minSize), args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
    ],
);
