// The flow analysis of a stack: every live-commerce flow walked over the planned resources.

import { FlowGraph, FlowResource } from "./graph";
import { AWS_WALKERS, awsGraph } from "./aws";
import { ALICLOUD_WALKERS } from "./alicloud";
import { FlowResult, flowsPerRegion } from "./walk";

export type { FlowResult, Hop, Broken, FlowStatus } from "./walk";

/** The cloud of a stack's resources: the provider package most resources come from. */
function cloudOf(resources: readonly FlowResource[]): "aws" | "alicloud" | null {
    const aws = resources.filter((r) => r.type.startsWith("aws:")).length;
    const ali = resources.filter((r) => r.type.startsWith("alicloud:")).length;
    return aws === 0 && ali === 0 ? null : aws >= ali ? "aws" : "alicloud";
}

/**
 * Walks every flow of the stack hop by hop. Pure: reads only the resources (a plan, a preview or
 * an export). An empty list when the resources hold no request path yet (no load balancer).
 */
export function analyzeFlows(resources: readonly FlowResource[]): FlowResult[] {
    const cloud = cloudOf(resources);
    if (cloud === "aws") return flowsPerRegion(awsGraph(resources), AWS_WALKERS);
    if (cloud === "alicloud") return flowsPerRegion(new FlowGraph(resources), ALICLOUD_WALKERS);
    return [];
}
