import type { Node } from "../availability/tiers";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import type { Finding, Judgement } from "../lib/refs";
import { SpreadTarget, spreadJudgement } from "../lib/spread";
import { num, record } from "../lib/values";
import { byUrnOf } from "../availability/tiers";
import { zonesOfType } from "../lib/zones";

interface Config {
    readonly minZones: number;
}

const NAME = "ha-queue-require-multi-zone";

export const KAFKA: readonly SpreadTarget[] = [
    { type: "alicloud:alikafka/instance:Instance", kind: "Kafka instance" },
    { type: "aws:msk/cluster:Cluster", kind: "MSK cluster", minSize: (n) => num(n.props.numberOfBrokerNodes) ?? 0 },
];

/**
 * The number of an MSK cluster's client subnets, when the input holds them as a list (its length
 * is known even where the ids are not): numberOfBrokerNodes "must be a multiple of the number of
 * specified client subnets" (@pulumi/aws 7.48.0 msk/cluster.d.ts, numberOfBrokerNodes). Undefined
 * when the list is unknown or a secret as a whole.
 */
function clientSubnetCount(n: Node): number | undefined {
    const subnets = record(n.props.brokerNodeGroupInfo).clientSubnets;
    return Array.isArray(subnets) ? subnets.length : undefined;
}

/**
 * Kafka over fewer than `minZones` zones (ApsaraMQ: `selectedZones`, else its vSwitches' zones;
 * MSK: the zones of its client subnets), and MSK brokers not a multiple of the client subnets.
 */
export function queueJudgement(nodes: readonly Node[], minZones: number): Judgement {
    const spread = spreadJudgement(NAME, nodes, KAFKA, minZones);
    const index = byUrnOf(nodes);
    const uneven: Finding[] = nodes
        .filter((n) => n.type === "aws:msk/cluster:Cluster")
        .flatMap((n) => {
            const brokers = num(n.props.numberOfBrokerNodes) ?? 0;
            const subnets = clientSubnetCount(n);
            if (subnets !== undefined) return subnets > 0 && brokers % subnets !== 0 ? [{ urn: n.urn, message: `MSK numberOfBrokerNodes ${brokers} is not a multiple of its ${subnets} client subnets.` }] : [];
            const c = zonesOfType(n, index);
            return c.undetermined.length === 0 && c.zones > 0 && brokers % c.zones !== 0 ? [{ urn: n.urn, message: `MSK numberOfBrokerNodes ${brokers} is not a multiple of its ${c.zones} client subnet zones.` }] : [];
        });
    return { violations: [...spread.violations, ...uneven], undetermined: spread.undetermined };
}

export const haQueueRequireMultiZone = stackRule(
    {
        name: NAME,
        description: "Kafka brokers are spread over >= 2 zones (ApsaraMQ for Kafka, Amazon MSK).",
        category: "availability",
        remediation: "Set `selectedZones` (or `vswitchIds`) with >= 2 zones on alikafka.Instance; give msk.Cluster `brokerNodeGroupInfo.clientSubnets` in >= 2 zones and `numberOfBrokerNodes` a multiple of them.",
        config: { minZones: intConfig(2, "Minimum zones of a Kafka cluster.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => KAFKA.some((t) => t.type === n.type))) args.notApplicable("no Kafka cluster");
        queueJudgement(nodes, args.getConfig<Config>().minZones).violations.forEach((f) => report(f.message, f.urn));
    },
);
