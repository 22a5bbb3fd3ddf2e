import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import { ScalingAction } from "../model";

/**
 * The ESS simple scaling rule of a scaling action from the model: percent steps (with a minimum
 * magnitude) to scale out, fixed steps to scale in. Shared by the app tier and the transcoders.
 */
export function scalingRuleArgs(name: string, direction: string, groupId: pulumi.Input<string>, action: ScalingAction): alicloud.ess.ScalingRuleArgs {
    return {
        scalingGroupId: groupId,
        scalingRuleName: `${name}-${direction}`,
        scalingRuleType: "SimpleScalingRule",
        adjustmentType: action.adjustment.kind === "percentChange" ? "PercentChangeInCapacity" : "QuantityChangeInCapacity",
        adjustmentValue: action.adjustment.value,
        minAdjustmentMagnitude: action.adjustment.kind === "percentChange" ? action.minAdjustmentMagnitude : undefined,
        cooldown: action.cooldownSeconds,
    };
}
