import { hasGlobalSteering } from "../availability/estimate";
import { Node, place } from "../availability/tiers";
import { STAGE_CONFIG, intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { resolveStage } from "../lib/stage";

interface Config {
    readonly stage: string;
    readonly minRegions: number;
}

/** Regions that run custom resources of the stack (from their providers or region tags). */
export function regionsOf(nodes: readonly Node[]): string[] {
    return [...new Set(nodes.filter((n) => !n.type.startsWith("pulumi:") && !n.type.startsWith("live-commerce:")).map((n) => n.region).filter((r): r is string => r !== undefined))].sort();
}

export function multiRegionFindings(nodes: readonly Node[], minRegions: number): string[] {
    const regions = regionsOf(nodes);
    const out: string[] = [];
    if (regions.length < minRegions) out.push(`mature stack runs in ${regions.length} region(s) (${regions.join(", ")}); at least ${minRegions} are required.`);
    // Steering needs something to steer to: it is required once a load balancer exists.
    const entryPoints = nodes.some((n) => { const p = place(n, nodes); return typeof p === "object" && p.tier === "loadBalancer"; });
    if (entryPoints && !hasGlobalSteering(nodes)) out.push("no health-checked global steering: add Route 53 records with a health check and a failover/latency routing policy, or a GTM instance with a monitor (dns.GtmInstance + dns.MonitorConfig).");
    return out;
}

export const haStackRequireMultiRegion = stackRule(
    {
        name: "ha-stack-require-multi-region",
        description: "Mature stacks run active-active in >= 2 regions behind health-checked global traffic steering.",
        category: "availability",
        remediation: "List >= 2 regions in the stack config and declare the global steering (components/<cloud>/global.ts).",
        config: { ...STAGE_CONFIG, minRegions: intConfig(2, "Minimum regions of a mature stack.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        const c = args.getConfig<Config>();
        if (resolveStage(c.stage, nodes.map((n) => n.props)) !== "mature") args.notApplicable("only mature stacks span regions");
        multiRegionFindings(nodes, c.minRegions).forEach((m) => report(m));
    },
);
