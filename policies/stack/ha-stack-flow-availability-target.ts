import { estimate } from "../availability/estimate";
import { flowTargetFindings } from "../availability/flows";
import { stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { ESTIMATE_CONFIG_SCHEMA, estimateConfig } from "./availability-config";

/**
 * The 99.99% target per request flow the seed names (watching: the viewer flow; interacting;
 * ordering), each estimated over its own hops (policies/availability/flows.ts). Advisory at every
 * stage by default: on published figures no layout the blueprint declares reaches it for every
 * flow. The order flow needs the primary region's database writer in series (99.99% on its own)
 * because neither cloud promotes a global database's secondary by itself, and the AWS viewer flow
 * enters through CloudFront, whose published figure is 99.9%. A pull request cannot change either;
 * the regressions it can make (the global database, the CDN origin failover, a region's steering
 * health check) are the mature rules `ha-stack-require-global-*`. A team that automates the
 * promotion (and records its measured time under `failoverSeconds`) or records measured figures
 * sets this policy to mandatory with `stages: {mature: "mandatory"}`.
 */
export const haStackFlowAvailabilityTarget = stackRule(
    {
        name: "ha-stack-flow-availability-target",
        description:
            "Each request flow the 99.99% target applies to (viewer web and API, WebSocket interaction, placing an order) meets it over its own hops: its entry, the tiers it crosses, the regions that can stand in for each other, and an order's database writer with its promotion. Advisory at every stage: published figures cap the order and (AWS) viewer flows below it on every shipped layout; see docs/POLICIES.md.",
        category: "availability",
        stageDefaults: { startup: "advisory", growth: "advisory", mature: "advisory" },
        remediation:
            "Automate the promotion of a global database secondary within the region failover budget and record its measured time under `failoverSeconds` (`aws.aurora.global-promotion`, `alicloud.polardb.gdn-promotion`); record measured figures under `figures`; keep the global database, CDN origin failover and a steering health check per region.",
        config: ESTIMATE_CONFIG_SCHEMA,
    },
    (args, report) => {
        const e = estimate(toNodes(args.resources), estimateConfig(args.getConfig<Record<string, unknown>>()));
        if (e.flows.length === 0) args.notApplicable("no request flow declared yet");
        flowTargetFindings(e.flows).forEach((f) => report(f.message, f.urn));
    },
);
