// The ACK cluster's add-ons, as pure decisions: the node autoscaler ACK runs for the cluster and its
// settings (alicloud_cs_autoscaling_config). The components (kubernetes.ts) declare what these return.

import { NODE_AUTOSCALING } from "../model";

/**
 * The autoscaler ACK runs for node pools with auto scaling: `cluster-autoscaler` (alicloud_cs_autoscaling_config
 * `scaler_type`: `cluster-autoscaler` or `goatscaler`; the SDK docstring of cs.AutoscalingConfig
 * `scalerType`), the same project EKS runs, so both clouds add nodes by the same rules.
 */
export const ACK_SCALER_TYPE = "cluster-autoscaler";

/**
 * Settings of ACK's node autoscaler (cs.AutoscalingConfig) from NODE_AUTOSCALING: the same scale-down
 * rule as the EKS autoscaler (unneeded for `scaleDownUnneededMinutes` below
 * `scaleDownUtilizationThreshold`; `unneeded_duration`, `utilization_threshold` are strings in the
 * provider schema: resource_alicloud_cs_autoscaling_config.go), the same expander, and nodes with
 * system pods removable (the system pods move like the others).
 */
export function ackAutoscalingSettings() {
    return {
        scalerType: ACK_SCALER_TYPE,
        expander: NODE_AUTOSCALING.expander,
        scaleDownEnabled: true,
        unneededDuration: `${NODE_AUTOSCALING.scaleDownUnneededMinutes}m`,
        utilizationThreshold: String(NODE_AUTOSCALING.scaleDownUtilizationThreshold),
        skipNodesWithSystemPods: false,
    };
}
