import { estimate } from "../availability/estimate";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { ESTIMATE_CONFIG_SCHEMA, estimateConfig } from "./availability-config";

export const haStackAvailabilityModel = stackRule(
    {
        name: "ha-stack-availability-model",
        description:
            "The availability model covers the whole request path: every resource type is classified, every region has a load balancer, compute and database tier, and several regions sit behind health-checked global steering.",
        category: "availability",
        remediation: "Classify new resource types in policies/availability/tiers.ts (or list them in offPathTypes), give each region its missing tier, or add global steering (Route 53 health-checked records, GTM with a monitor).",
        config: ESTIMATE_CONFIG_SCHEMA,
    },
    (args, report) => {
        const e = estimate(toNodes(args.resources), estimateConfig(args.getConfig<Record<string, unknown>>()));
        if (e.status === "no-request-path") args.notApplicable("no request-path tier declared yet");
        e.findings.forEach((f) => report(f.message, f.urn));
    },
);
