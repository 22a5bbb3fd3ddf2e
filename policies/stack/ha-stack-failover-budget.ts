import { estimate } from "../availability/estimate";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { ESTIMATE_CONFIG_SCHEMA, estimateConfig } from "./availability-config";

export const haStackFailoverBudget = stackRule(
    {
        name: "ha-stack-failover-budget",
        description: "No in-region tier is known to fail over slower than 30 s (published switch times, health-check detection for compute, no standby at all); unsettled times go to ha-stack-availability-unverified.",
        category: "availability",
        remediation: "Tune health checks (5 s x 2), use PolarDB with hot standby, Tair master-replica, Aurora or a Multi-AZ DB cluster; record measured times under `failoverSeconds` in the pack config.",
        config: ESTIMATE_CONFIG_SCHEMA,
    },
    (args, report) => {
        const e = estimate(toNodes(args.resources), estimateConfig(args.getConfig<Record<string, unknown>>()));
        if (e.failover.length === 0) args.notApplicable("no in-region tier with failover declared yet");
        e.failoverFindings.forEach((f) => report(f.message, f.urn));
    },
);
