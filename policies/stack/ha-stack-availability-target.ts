import { estimate, targetFindings } from "../availability/estimate";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { ESTIMATE_CONFIG_SCHEMA, estimateConfig } from "./availability-config";

export const haStackAvailabilityTarget = stackRule(
    {
        name: "ha-stack-availability-target",
        description: "The estimated availability of the request path (tiers in series per region, regions in parallel) meets 99.99%; unknown resources and missing figures are findings.",
        category: "availability",
        remediation: "Make each tier multi-zone, add a region behind health-checked global steering, or (with evidence) override a figure under `figures` in the pack config. Classify unknown resource types in policies/availability/tiers.ts.",
        config: ESTIMATE_CONFIG_SCHEMA,
    },
    (args, report) => {
        const e = estimate(toNodes(args.resources), estimateConfig(args.getConfig<Record<string, unknown>>()));
        if (e.status === "no-request-path") args.notApplicable("no request-path tier declared yet");
        targetFindings(e).forEach((f) => report(f.message, f.urn));
    },
);
