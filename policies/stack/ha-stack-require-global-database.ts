import { GLOBAL_DATABASE_REFERENCES, GlobalDatabase, globalDatabases, separateRegions, servingRegions } from "../availability/global";
import { Node } from "../availability/tiers";
import { stringListConfig } from "../lib/policy";
import { RegionFinding, multiRegionRule } from "./multi-region-rule";

const DATABASE_TYPES: readonly string[] = ["aws:rds/cluster:Cluster", "alicloud:polardb/cluster:Cluster"];

/** The database cluster of a region (the resource a finding names). */
function clusterIn(nodes: readonly Node[], region: string): Node | undefined {
    return nodes.find((n) => DATABASE_TYPES.includes(n.type) && n.region === region);
}

/**
 * What keeps a global database from spanning the regions: no global database, no primary, a
 * region inside the residency boundary without a secondary, an Aurora secondary that does not
 * forward writes. `boundary` lists the regions user data may be stored in (empty: every region);
 * regions the stack tags as outside its residency boundary (`residency: separate:<region>`) keep
 * their own data and need no secondary.
 */
export function globalDatabaseFindings(nodes: readonly Node[], boundary: readonly string[]): RegionFinding[] {
    const separate = separateRegions(nodes);
    const regions = servingRegions(nodes).filter((r) => clusterIn(nodes, r) !== undefined && !separate.includes(r));
    const required = boundary.length === 0 ? regions : regions.filter((r) => boundary.includes(r));
    if (required.length < 2) return [];
    const all = globalDatabases(nodes);
    const spanning: GlobalDatabase | undefined = all.find((g) => g.primary !== null && required.includes(g.primary.region)) ?? all[0];
    if (spanning === undefined) {
        return [{ message: `${required.length} regions (${required.join(", ")}) hold a database but no global database (Aurora global cluster / PolarDB global database network) spans them: each region's data is its own, so no region can take over another's users.`, urn: clusterIn(nodes, required[0])?.urn }];
    }
    if (spanning.primary === null) return [{ message: `the global database names no primary cluster the stack declares (${spanning.kind === "aurora" ? "sourceDbClusterIdentifier" : "dbClusterId"}): no region takes its writes.`, urn: spanning.urn }];
    const out: RegionFinding[] = [];
    for (const region of required.filter((r) => r !== spanning.primary?.region)) {
        const member = spanning.secondaries.find((s) => s.region === region);
        const cluster = clusterIn(nodes, region);
        if (member === undefined) {
            const how = spanning.kind === "aurora" ? "globalClusterIdentifier of the global cluster" : "creationOption CreateGdnStandby and the network's gdnId";
            out.push({ message: `region ${region} holds no secondary of the global database (${how}): its database is not a replica of ${spanning.primary.region}, so its users cannot be served from the others' data, nor the others' from its.`, urn: cluster?.urn });
        } else if (!member.forwardsWrites) {
            out.push({ message: `the secondary in ${region} does not forward writes (enableGlobalWriteForwarding): orders placed in ${region} fail, the app there cannot write.`, urn: member.urn });
        }
    }
    return out;
}

export const haStackRequireGlobalDatabase = multiRegionRule(
    {
        name: "ha-stack-require-global-database",
        description:
            "A stack serving from two regions or more keeps one global database across them (Aurora global cluster / PolarDB global database network) with a secondary in every region inside the residency boundary (Aurora secondaries forward writes), so any region can serve any user's data. Mandatory for mature stacks.",
        remediation: "Keep `database.globalDatabase` on (the mature preset): components/<cloud>/index.ts creates the global database from the first region's cluster and a secondary in every other region; list the regions user data may be stored in under `residencyRegions`.",
        config: { residencyRegions: stringListConfig([], "Regions user data may be stored in (the residency boundary); only these need a secondary. Empty: every region of the stack.") },
    },
    GLOBAL_DATABASE_REFERENCES,
    (nodes, config) => globalDatabaseFindings(nodes, Array.isArray(config.residencyRegions) ? config.residencyRegions.filter((r): r is string => typeof r === "string") : []),
);
