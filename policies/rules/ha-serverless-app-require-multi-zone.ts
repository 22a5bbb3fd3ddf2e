import * as alicloud from "@pulumi/alicloud";
import * as aws from "@pulumi/aws";
import { validateResourceOfType } from "@pulumi/policy";

import { saeVswitches } from "../availability/tiers";
import { intConfig, resourceRule } from "../lib/policy";
import { distinctStrings, num } from "../lib/values";
import { spreadFindings } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

export const haServerlessAppRequireMultiZone = resourceRule(
    {
        name: "ha-serverless-app-require-multi-zone",
        description: "Serverless applications (SAE applications, ECS services) span >= 2 zones and run at least one instance per zone.",
        category: "availability",
        remediation:
            "Give an SAE application one vSwitch per zone in `vswitchId` (comma-separated) and `replicas` >= the number of zones; give an ECS service one subnet per zone in `networkConfiguration.subnets` and `desiredCount` >= the number of zones.",
        config: { minZones: intConfig(2, "Minimum zones (distinct vSwitches/subnets) of a serverless application.", 1) },
    },
    [
        validateResourceOfType(alicloud.sae.Application, (app, args, report) => {
            const zones = distinctStrings(saeVswitches(app.vswitchId));
            spreadFindings("SAE application", zones.length, num(app.replicas), args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
        validateResourceOfType(aws.ecs.Service, (svc, args, report) => {
            const zones = distinctStrings(svc.networkConfiguration?.subnets ?? []);
            spreadFindings("ECS service", zones.length, num(svc.desiredCount), args.getConfig<Config>().minZones).forEach((m) => report(m));
        }),
    ],
);
