import { clusterInstances } from "../availability/tiers";
import { isAurora } from "../lib/database";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { str } from "../lib/values";

interface Config {
    readonly minInstances: number;
}

export const haDatabaseClusterRequireMultipleNodes = stackRule(
    {
        name: "ha-database-cluster-require-multiple-nodes",
        description: "Aurora clusters have >= 2 instances (a writer and a replica in another AZ to fail over to).",
        category: "availability",
        remediation: "Declare >= 2 rds.ClusterInstance per Aurora cluster (`clusterIdentifier` naming the cluster), in different availability zones.",
        config: { minInstances: intConfig(2, "Minimum instances of an Aurora cluster.", 1) },
    },
    (args, report) => {
        const nodes = toNodes(args.resources);
        const clusters = nodes.filter((n) => n.type === "aws:rds/cluster:Cluster" && isAurora(str(n.props.engine)));
        if (clusters.length === 0) args.notApplicable("no Aurora cluster");
        const min = args.getConfig<Config>().minInstances;
        for (const c of clusters) {
            const count = clusterInstances(c, nodes).length;
            if (count < min) report(`Aurora cluster has ${count} instance(s); at least ${min} are required.`, c.urn);
        }
    },
);
