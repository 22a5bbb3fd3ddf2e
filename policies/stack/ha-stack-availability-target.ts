import { estimate, targetFindings } from "../availability/estimate";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { ESTIMATE_CONFIG_SCHEMA, estimateConfig } from "./availability-config";

export const haStackAvailabilityTarget = stackRule(
    {
        name: "ha-stack-availability-target",
        description:
            "The estimated availability of the request path (tiers in series per region, regions in parallel behind global steering) meets 99.99%. Mandatory for mature stacks; advisory for growth, whose single region cannot reach 99.99% on published figures.",
        category: "availability",
        stageDefaults: { growth: "advisory" },
        remediation: "Make each tier multi-zone, add a region behind health-checked global steering, or (with evidence) override a figure under `figures` in the pack config. Classify unknown resource types in policies/availability/tiers.ts.",
        config: ESTIMATE_CONFIG_SCHEMA,
    },
    (args, report) => {
        const e = estimate(toNodes(args.resources), estimateConfig(args.getConfig<Record<string, unknown>>()));
        if (e.status === "no-request-path" || e.status === "incomplete") args.notApplicable(`no estimate: ${e.status} (see ha-stack-availability-model)`);
        targetFindings(e).forEach((f) => report(f.message, f.urn));
    },
);
