import { Node, clusterInstances } from "../availability/tiers";
import { isAurora } from "../lib/database";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { Finding, Judgement, containsUnknown, depsOf, isUnknown, undeterminedMessage } from "../lib/refs";
import { str } from "../lib/values";

const NAME = "ha-database-cluster-require-multiple-nodes";
const INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

/** Instances an Aurora cluster needs by default: a writer and a replica to fail over to. */
export const DEFAULT_MIN_INSTANCES = 2;

interface Config {
    readonly minInstances: number;
}

/**
 * The instance count of every Aurora cluster against `min`. An instance whose `clusterIdentifier`
 * is unknown (a first preview) and resolved by no dependency may belong to any cluster of its
 * region: a cluster short of `min` that such instances could complete cannot be judged until
 * created (undetermined, never a violation).
 */
export function clusterNodesJudgement(nodes: readonly Node[], min: number): Judgement {
    const violations: Finding[] = [];
    const undetermined: Finding[] = [];
    for (const c of nodes.filter((n) => n.type === "aws:rds/cluster:Cluster" && isAurora(str(n.props.engine)))) {
        const found = clusterInstances(c, nodes);
        if (found.length >= min) {
            const zone = singlePinnedZone(found);
            if (zone !== undefined) violations.push({ urn: c.urn, message: `Aurora cluster's ${found.length} instances all sit in ${zone}: no reader in another availability zone to fail over to.` });
            continue;
        }
        const unplaced = nodes.filter((n) => n.type === INSTANCE && n.region === c.region && !found.includes(n) && containsUnknown(n.props.clusterIdentifier) && depsOf(n, "clusterIdentifier").length === 0);
        if (found.length + unplaced.length >= min) {
            undetermined.push({ urn: c.urn, message: undeterminedMessage(NAME, `the instances of Aurora cluster ${c.urn.split("::").pop() ?? c.urn}`, unplaced.map((u) => `${u.urn.split("::").pop() ?? u.urn}.clusterIdentifier`)) });
        } else {
            violations.push({ urn: c.urn, message: `Aurora cluster has ${found.length} instance(s); at least ${min} are required.` });
        }
    }
    return { violations, undetermined };
}

/**
 * The one zone every instance pins (aws.rds.ClusterInstance `availabilityZone`), when at least two
 * instances all pin the same known zone: a zone outage would take the writer and every reader.
 * Undefined when any zone is unset (RDS's choice) or unknown, or the zones differ.
 */
export function singlePinnedZone(instances: readonly Node[]): string | undefined {
    if (instances.length < 2) return undefined;
    // compared without surrounding spaces: "us-east-1a " is the zone us-east-1a
    const zones = instances.map((i) => str(i.props.availabilityZone)?.trim());
    if (!zones.every((z): z is string => z !== undefined && z !== "" && !isUnknown(z))) return undefined;
    const pinned = new Set(zones);
    return pinned.size === 1 ? zones[0] : undefined;
}

export const haDatabaseClusterRequireMultipleNodes = stackRule(
    {
        name: NAME,
        description: "Aurora clusters have >= 2 instances (a writer and a replica in another AZ to fail over to).",
        category: "availability",
        remediation: "Declare >= 2 rds.ClusterInstance per Aurora cluster (`clusterIdentifier` naming the cluster), in different availability zones.",
        config: { minInstances: intConfig(DEFAULT_MIN_INSTANCES, "Minimum instances of an Aurora cluster. Defaults to 2.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        if (!nodes.some((n) => n.type === "aws:rds/cluster:Cluster" && isAurora(str(n.props.engine)))) args.notApplicable("no Aurora cluster");
        clusterNodesJudgement(nodes, args.getConfig<Config>().minInstances).violations.forEach((f) => report(f.message, f.urn));
    },
);
