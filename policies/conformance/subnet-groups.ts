// Provider conformance across resources: a DB subnet group is judged by the zones of the subnets
// it lists, which are other resources of the stack.

import { isUnknown } from "../lib/refs";
import type { Props } from "../lib/values";
import { SUBNET_ZONE_INPUTS, zoneCount, zoneVerdict } from "../lib/zones";
import type { ConformanceResource, ConformanceViolation } from "./index";

const DB_SUBNET_GROUP = "aws:rds/subnetGroup:SubnetGroup";

/**
 * Availability Zones a DB subnet group must cover. RDS refuses a group whose subnets do not:
 * CreateDBSubnetGroup / ModifyDBSubnetGroup fail with DBSubnetGroupDoesNotCoverEnoughAZs, "Subnets
 * in the DB subnet group should cover at least two Availability Zones unless there is only one
 * Availability Zone" (Amazon RDS API Reference, CreateDBSubnetGroup Errors, HTTP 400; "DB subnet
 * groups must contain at least one subnet in at least two AZs in the AWS Region"). The SDK schema
 * states no such limit (@pulumi/aws rds/subnetGroup.d.ts `subnetIds`: "List of VPC subnet IDs"),
 * so `pulumi preview` accepts the group and `pulumi up` fails on it.
 */
export const DB_SUBNET_GROUP_MIN_AZS = 2;

const SOURCE = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBSubnetGroup.html (Errors: DBSubnetGroupDoesNotCoverEnoughAZs, \"Subnets in the DB subnet group should cover at least two Availability Zones unless there is only one Availability Zone\")";

/**
 * The DB subnet groups whose subnets are known to cover fewer than two Availability Zones: each
 * `subnetIds` entry matched by id to a subnet of the stack (or, while ids are unknown, by the
 * subnets it depends on) and counted by its zone (policies/lib/zones.ts zoneCount). A group whose
 * zones cannot be told yet (a subnet's zone unknown, a subnet the input does not carry) is not a
 * finding: only what is certain to be refused.
 */
export function dbSubnetGroupCoverage(resources: readonly ConformanceResource[]): ConformanceViolation[] {
    const groups = resources.filter((r) => r.custom && r.type === DB_SUBNET_GROUP);
    if (groups.length === 0) return [];
    const graph = new Map<string, { readonly type: string; readonly props: Props }>();
    for (const r of resources) {
        if (SUBNET_ZONE_INPUTS[r.type] === undefined) continue;
        const known = typeof r.id === "string" && r.id !== "" && !isUnknown(r.id) && !("id" in r.inputs);
        graph.set(r.urn, { type: r.type, props: known ? { ...r.inputs, id: r.id } : r.inputs });
    }
    return groups.flatMap((g): ConformanceViolation[] => {
        const c = zoneCount({ props: g.inputs, deps: g.propertyDependencies }, [{ path: "subnetIds", kind: "subnet" }], graph);
        if (zoneVerdict(c, DB_SUBNET_GROUP_MIN_AZS) !== "violated") return [];
        return [{ urn: g.urn, type: g.type, property: "subnetIds", value: g.inputs.subnetIds ?? null, freeText: false, rule: `subnets in at least ${DB_SUBNET_GROUP_MIN_AZS} Availability Zones (these cover ${c.atMost}: ${c.names.join(", ") || "none"})`, source: SOURCE }];
    });
}
