import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { SpreadTarget, spreadJudgement } from "../lib/spread";
import { num } from "../lib/values";
import type { Node } from "../availability/tiers";
import type { Judgement } from "../lib/refs";

interface Config {
    readonly minZones: number;
}

const NAME = "ha-autoscaling-group-require-multi-zone";

export const SCALING_GROUPS: readonly SpreadTarget[] = [
    { type: "alicloud:ess/scalingGroup:ScalingGroup", kind: "ESS scaling group", minSize: (n) => num(n.props.minSize) },
    { type: "aws:autoscaling/group:Group", kind: "Auto Scaling group", minSize: (n) => num(n.props.minSize) },
];

/** Scaling groups over fewer than `minZones` zones (vSwitches/subnets resolved to their zones). */
export function scalingGroupJudgement(nodes: readonly Node[], minZones: number): Judgement {
    return spreadJudgement(NAME, nodes, SCALING_GROUPS, minZones);
}

/**
 * A stack check: a group's vSwitches/subnets are references whose ids a first preview does not
 * know; their zones are known inputs of the subnets the group depends on.
 */
export const haAutoscalingGroupRequireMultiZone = stackRule(
    {
        name: NAME,
        description: "Scaling groups (ESS, EC2 Auto Scaling) span >= 2 zones and keep at least one instance per zone.",
        category: "availability",
        remediation: "List one vSwitch/subnet per zone in `vswitchIds` (ESS) or `vpcZoneIdentifiers` (AWS) and set `minSize` >= the number of zones.",
        config: { minZones: intConfig(2, "Minimum zones (the zones of its vSwitches/subnets) of a scaling group.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => SCALING_GROUPS.some((t) => t.type === n.type))) args.notApplicable("no scaling group");
        scalingGroupJudgement(nodes, args.getConfig<Config>().minZones).violations.forEach((f) => report(f.message, f.urn));
    },
);
