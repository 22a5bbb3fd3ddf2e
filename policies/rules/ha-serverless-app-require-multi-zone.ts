import { SpreadTarget, spreadRule } from "../lib/spread";
import { num } from "../lib/values";

/**
 * SAE applications spread their instances over the vSwitches of `vswitchId` (comma-separated);
 * ECS services over `networkConfiguration.subnets`. Zones are counted through the vSwitches/subnets
 * they depend on (see ZONE_SOURCES), so a first preview's unknown ids are judged as resolved.
 */
export const SERVERLESS_APPS: readonly SpreadTarget[] = [
    { type: "alicloud:sae/application:Application", kind: "SAE application", minSize: (n) => num(n.props.replicas) },
    { type: "aws:ecs/service:Service", kind: "ECS service", minSize: (n) => num(n.props.desiredCount) },
];

const rule = spreadRule(
    {
        name: "ha-serverless-app-require-multi-zone",
        description: "Serverless applications (SAE applications, ECS services) span >= 2 zones and run at least one instance per zone.",
        category: "availability",
        remediation:
            "Give an SAE application one vSwitch per zone in `vswitchId` (comma-separated) and `replicas` >= the number of zones; give an ECS service one subnet per zone in `networkConfiguration.subnets` and `desiredCount` >= the number of zones.",
    },
    SERVERLESS_APPS,
    "Minimum zones (the zones of its vSwitches/subnets) of a serverless application.",
);

export const haServerlessAppRequireMultiZone = rule.policy;
/** Serverless applications over fewer than `minZones` zones. */
export const serverlessJudgement = rule.judge;
