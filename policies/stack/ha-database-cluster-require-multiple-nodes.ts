import { clusterInstances } from "../availability/tiers";
import { isAurora } from "../lib/database";
import { intConfig, stackRule } from "../lib/policy";
import { toNodes } from "../lib/nodes";
import { isUnknown } from "../lib/refs";
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
            const instances = clusterInstances(c, nodes);
            const count = instances.length;
            if (count < min) report(`Aurora cluster has ${count} instance(s); at least ${min} are required.`, c.urn);
            // Instances that pin their zone (aws.rds.ClusterInstance `availabilityZone`) must not all pin
            // the same one: a zone outage would take the writer and every reader. Unset zones are RDS's choice.
            const zones = instances.map((i) => str(i.props.availabilityZone));
            const pinned = new Set(zones.filter((z): z is string => z !== undefined && !isUnknown(z)));
            if (count >= 2 && zones.every((z) => z !== undefined && !isUnknown(z)) && pinned.size === 1) report(`Aurora cluster's ${count} instances all sit in ${[...pinned][0]}: no reader in another availability zone to fail over to.`, c.urn);
        }
    },
);
