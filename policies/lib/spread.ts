// Zone-spread judgement shared by the multi-zone rules: zones counted (not ids), references
// resolved through the resource graph, and what cannot be known before creation kept apart.

import type { StackValidationPolicy } from "@pulumi/policy";

import { Node, byUrnOf } from "../availability/tiers";
import { toNodes } from "./nodes";
import { RuleSpec, intConfig, stackRule } from "./policy";
import { Finding, Judgement, undeterminedMessage } from "./refs";
import { spreadFindings, zoneVerdict, zonesOfType } from "./zones";

export interface SpreadTarget {
    /** Type token of the zonal resource. */
    readonly type: string;
    /** How findings name it, e.g. "Auto Scaling group". */
    readonly kind: string;
    /** Its minimum instance count, when every zone must run capacity. */
    readonly minSize?: (n: Node) => number | undefined;
}

/**
 * Violations and undetermined facts of the zonal resources of `targets` against `minZones`.
 * Violated: even if every unknown value were another zone, fewer than `minZones` are covered.
 */
export function spreadJudgement(rule: string, nodes: readonly Node[], targets: readonly SpreadTarget[], minZones: number): Judgement {
    const index = byUrnOf(nodes);
    const violations: Finding[] = [];
    const undetermined: Finding[] = [];
    for (const t of targets) {
        for (const n of nodes.filter((x) => x.type === t.type)) {
            const c = zonesOfType(n, index);
            const verdict = zoneVerdict(c, minZones);
            if (verdict === "undetermined") {
                undetermined.push({ urn: n.urn, message: undeterminedMessage(rule, `the zones of ${t.kind} ${n.urn.split("::").pop() ?? n.urn}`, c.undetermined, c.unreadable) });
                // whatever the zones turn out to be, a minimum below minZones leaves a zone without capacity
                const min = t.minSize?.(n);
                if (min !== undefined && min < minZones) violations.push({ urn: n.urn, message: `${t.kind} keeps a minimum of ${min} instance(s); at least ${minZones} (one per zone) are required so one zone can fail.` });
                continue;
            }
            const zones = verdict === "violated" ? c.atMost : c.zones;
            const minSize = c.undetermined.length === 0 ? t.minSize?.(n) : undefined;
            spreadFindings(t.kind, zones, minSize, minZones).forEach((message) => violations.push({ urn: n.urn, message }));
        }
    }
    return { violations, undetermined };
}

/** A multi-zone rule and its pure judgement (which ha-stack-cannot-judge-from-input also reads). */
export interface SpreadRule {
    readonly policy: StackValidationPolicy;
    readonly judge: (nodes: readonly Node[], minZones: number) => Judgement;
}

/**
 * A stack rule requiring the zonal resources of `targets` to span `minZones` zones (config
 * `minZones`, default 2): a stack check, since their subnets are references whose ids a first
 * preview does not know, resolved to the subnets' zone inputs through the resource graph.
 */
export function spreadRule(spec: Omit<RuleSpec, "config">, targets: readonly SpreadTarget[], minZonesDescription: string): SpreadRule {
    const judge = (nodes: readonly Node[], minZones: number): Judgement => spreadJudgement(spec.name, nodes, targets, minZones);
    const policy = stackRule({ ...spec, config: { minZones: intConfig(2, minZonesDescription, 1) } }, (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => targets.some((t) => t.type === n.type))) args.notApplicable(`no ${targets.map((t) => t.kind).join(" or ")}`);
        const { minZones } = args.getConfig<{ readonly minZones: number }>();
        judge(nodes, minZones).violations.forEach((f) => report(f.message, f.urn));
    });
    return { policy, judge };
}
