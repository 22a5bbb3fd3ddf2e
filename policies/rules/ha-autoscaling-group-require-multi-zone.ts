import { SpreadTarget, spreadRule } from "../lib/spread";
import { num } from "../lib/values";

export const SCALING_GROUPS: readonly SpreadTarget[] = [
    { type: "alicloud:ess/scalingGroup:ScalingGroup", kind: "ESS scaling group", minSize: (n) => num(n.props.minSize) },
    { type: "aws:autoscaling/group:Group", kind: "Auto Scaling group", minSize: (n) => num(n.props.minSize) },
];

const rule = spreadRule(
    {
        name: "ha-autoscaling-group-require-multi-zone",
        description: "Scaling groups (ESS, EC2 Auto Scaling) span >= 2 zones and keep at least one instance per zone.",
        category: "availability",
        remediation: "List one vSwitch/subnet per zone in `vswitchIds` (ESS) or `vpcZoneIdentifiers` (AWS) and set `minSize` >= the number of zones.",
    },
    SCALING_GROUPS,
    "Minimum zones (the zones of its vSwitches/subnets) of a scaling group.",
);

export const haAutoscalingGroupRequireMultiZone = rule.policy;
/** Scaling groups over fewer than `minZones` zones (vSwitches/subnets resolved to their zones). */
export const scalingGroupJudgement = rule.judge;
