import { estimate } from "../availability/estimate";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { ESTIMATE_CONFIG_SCHEMA, estimateConfig } from "./availability-config";

/**
 * What published figures cannot settle: services without a published availability figure (the
 * estimate is then an upper bound) and failover times that straddle the budget or are not
 * published. Advisory at every stage: the remedy is a measurement, recorded in the pack config.
 */
export const haStackAvailabilityUnverified = stackRule(
    {
        name: "ha-stack-availability-unverified",
        description: "Availability figures and failover times the providers do not publish (or publish as a range straddling the 30 s budget) are listed for measurement.",
        category: "availability",
        remediation: "Measure the service (load test, failover drill) and record the result under `figures` or `failoverSeconds` in the pack config.",
        config: ESTIMATE_CONFIG_SCHEMA,
        stageDefaults: { startup: "advisory", growth: "advisory", mature: "advisory" },
    },
    (args, report) => {
        const e = estimate(toNodes(args.resources), estimateConfig(args.getConfig<Record<string, unknown>>()));
        if (e.status === "no-request-path") args.notApplicable("no request-path tier declared yet");
        [...e.unverified, ...e.failoverUnverified].forEach((f) => report(f.message, f.urn));
    },
);
