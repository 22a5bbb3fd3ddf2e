// Zone-spread judgement shared by the multi-zone rules: zones counted (not ids), references
// resolved through the resource graph, and what cannot be known before creation kept apart.

import { Node, byUrnOf } from "../availability/tiers";
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
                undetermined.push({ urn: n.urn, message: undeterminedMessage(rule, `the zones of ${t.kind} ${n.urn.split("::").pop() ?? n.urn}`, c.undetermined) });
                continue;
            }
            const zones = verdict === "violated" ? c.atMost : c.zones;
            const minSize = c.undetermined.length === 0 ? t.minSize?.(n) : undefined;
            spreadFindings(t.kind, zones, minSize, minZones).forEach((message) => violations.push({ urn: n.urn, message }));
        }
    }
    return { violations, undetermined };
}
