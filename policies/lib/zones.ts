// Pure checks of zone spread shared by autoscaling groups, node pools and clusters.

import { Referrer, depsOf, isUnknown } from "./refs";
import { Props, list, record } from "./values";

/** Findings of a group spread over `zones` distinct zones (zone, subnet or vSwitch ids) with `minSize` instances. */
export function spreadFindings(kind: string, zones: number, minSize: number | undefined, minZones: number): string[] {
    const out: string[] = [];
    if (zones < minZones) {
        out.push(`${kind} spans ${zones} zone(s)/subnet(s); at least ${minZones} are required so one zone can fail.`);
    }
    if (minSize !== undefined && zones > 0 && minSize < zones) {
        out.push(`${kind} keeps a minimum of ${minSize} instance(s) over ${zones} zone(s)/subnet(s); the minimum must be >= the zone count so every zone runs capacity.`);
    }
    return out;
}

/** Seconds to detect a dead target: interval x unhealthy threshold. */
export function detectionSeconds(intervalSeconds: number, unhealthyThreshold: number): number {
    return intervalSeconds * unhealthyThreshold;
}

/**
 * The zone input of each subnet-like type: aws ec2.Subnet `availabilityZone` / `availabilityZoneId`
 * (terraform-provider-aws v6 resource_aws_subnet: both optional, computed when unset), alicloud
 * vpc.Switch `zoneId` (required; `availabilityZone` is its deprecated alias).
 */
export const SUBNET_ZONE_INPUTS: Readonly<Record<string, readonly string[]>> = {
    "aws:ec2/subnet:Subnet": ["availabilityZone", "availabilityZoneId"],
    "alicloud:vpc/switch:Switch": ["zoneId", "availabilityZone"],
};

/** Where a placement is read: a property path (`a.b`, `a[].b`) holding zone ids or subnet/vSwitch ids. */
export interface ZoneSource {
    readonly path: string;
    readonly kind: "zone" | "subnet";
}

/** What a placement is known to cover. */
export interface ZoneCount {
    /** Distinct zones known to be covered. */
    readonly zones: number;
    /** Those zones (a subnet whose zone is not set appears as `subnet <urn>`). */
    readonly names: readonly string[];
    /** The most zones it can cover once the undetermined values are known (each may add one). */
    readonly atMost: number;
    /** Property paths holding a value that cannot be resolved until the resources are created. */
    readonly undetermined: readonly string[];
}

/** The values at a property path; `[]` steps into each element of a list. */
export function valuesAt(props: Props, path: string): unknown[] {
    let current: unknown[] = [props];
    for (const step of path.split(".")) {
        const each = step.endsWith("[]");
        const key = each ? step.slice(0, -2) : step;
        current = current.flatMap((v) => {
            const next = record(v)[key];
            return each ? [...list(next)] : next === undefined || next === null ? [] : Array.isArray(next) ? next : [next];
        });
    }
    return current;
}

/** The top-level property of a path (what the engine's property dependencies are keyed by). */
function topOf(path: string): string {
    return path.split(/[.[]/)[0];
}

/**
 * Zones a resource covers, counting zones (not ids): zone ids as they are; subnet/vSwitch ids
 * resolved through the property's dependencies to the subnets and their zone inputs (literal
 * subnet ids count only when the resource gives no zone id, so ids and zones never add up). A subnet
 * whose zone input is unset counts as a zone of its own (the cloud picks one). Without recorded
 * dependencies each distinct known subnet id counts as one zone (its subnet is outside the stack).
 * Unknown values that no dependency resolves are reported as undetermined.
 */
export function zoneCount(r: Referrer, sources: readonly ZoneSource[], byUrn: ReadonlyMap<string, { readonly type: string; readonly props: Props }>): ZoneCount {
    const zones = new Set<string>();
    const undetermined: string[] = [];
    // Paths under one top-level property (zoneMappings[].zoneId, zoneMappings[].vswitchId) describe
    // the same entries: their unknowns are counted once, and resolved subnets settle them all.
    const unknownsByTop = new Map<string, number>();
    const resolvedTops = new Set<string>();
    // Literal subnet ids count as zones only when no zone id is given: ids and zones never mix.
    const hasZoneIds = sources.some((s) => s.kind === "zone" && valuesAt(r.props, s.path).length > 0);
    for (const s of sources) {
        const top = topOf(s.path);
        const subnets = depsOf(r, top).flatMap((urn) => {
            const n = byUrn.get(urn);
            return n !== undefined && SUBNET_ZONE_INPUTS[n.type] !== undefined ? [{ urn, ...n }] : [];
        });
        if (s.kind === "subnet" && subnets.length > 0) {
            resolvedTops.add(top);
            for (const n of subnets) {
                const zone = SUBNET_ZONE_INPUTS[n.type].map((k) => n.props[k]).find((z): z is string => typeof z === "string" && !isUnknown(z) && z !== "");
                zones.add(zone ?? `subnet ${n.urn}`);
            }
            continue;
        }
        if (s.kind === "subnet" && hasZoneIds) continue;
        let unknowns = 0;
        // a comma-separated list (SAE's vswitchId) names one id per entry
        for (const v of valuesAt(r.props, s.path).flatMap((x) => (typeof x === "string" && x.includes(",") ? x.split(",").map((t) => t.trim()).filter((t) => t !== "") : [x]))) {
            if (typeof v === "string" && v !== "" && !isUnknown(v)) zones.add(v);
            else if (isUnknown(v)) unknowns++;
        }
        if (unknowns > 0) {
            unknownsByTop.set(top, Math.max(unknownsByTop.get(top) ?? 0, unknowns));
            undetermined.push(s.path);
        }
    }
    const open = [...unknownsByTop.entries()].filter(([top]) => !resolvedTops.has(top));
    const unknowns = open.reduce((sum, [, n]) => sum + n, 0);
    const paths = undetermined.filter((p) => !resolvedTops.has(topOf(p)));
    return { zones: zones.size, names: [...zones].sort(), atMost: zones.size + unknowns, undetermined: paths };
}

/** A spread verdict: violated for sure, met, or not known until the resources are created. */
export type Verdict = "violated" | "met" | "undetermined";

/** Whether a placement meets `min` zones, given what is known. */
export function zoneVerdict(c: ZoneCount, min: number): Verdict {
    if (c.zones >= min) return "met";
    return c.atMost < min ? "violated" : "undetermined";
}

/**
 * Where each zonal resource type keeps its placement (SDK input names at @pulumi/alicloud 3.108.0
 * and @pulumi/aws 7.48.0): zone ids, or subnet/vSwitch ids resolved to their zones.
 */
export const ZONE_SOURCES: Readonly<Record<string, readonly ZoneSource[]>> = {
    "alicloud:ess/scalingGroup:ScalingGroup": [{ path: "vswitchIds", kind: "subnet" }, { path: "vswitchId", kind: "subnet" }],
    "aws:autoscaling/group:Group": [{ path: "vpcZoneIdentifiers", kind: "subnet" }, { path: "availabilityZones", kind: "zone" }],
    "alicloud:alb/loadBalancer:LoadBalancer": [{ path: "zoneMappings[].zoneId", kind: "zone" }, { path: "zoneMappings[].vswitchId", kind: "subnet" }],
    "aws:lb/loadBalancer:LoadBalancer": [{ path: "subnets", kind: "subnet" }, { path: "subnetMappings[].subnetId", kind: "subnet" }],
    "alicloud:cs/managedKubernetes:ManagedKubernetes": [{ path: "zoneIds", kind: "zone" }, { path: "vswitchIds", kind: "subnet" }, { path: "workerVswitchIds", kind: "subnet" }],
    "aws:eks/cluster:Cluster": [{ path: "vpcConfig.subnetIds", kind: "subnet" }],
    "alicloud:cs/nodePool:NodePool": [{ path: "vswitchIds", kind: "subnet" }],
    "aws:eks/nodeGroup:NodeGroup": [{ path: "subnetIds", kind: "subnet" }],
    "aws:msk/cluster:Cluster": [{ path: "brokerNodeGroupInfo.clientSubnets", kind: "subnet" }],
    // SAE: one comma-separated `vswitchId`; ECS services on Fargate: `networkConfiguration.subnets`.
    "alicloud:sae/application:Application": [{ path: "vswitchId", kind: "subnet" }],
    "aws:ecs/service:Service": [{ path: "networkConfiguration.subnets", kind: "subnet" }],
    // ApsaraMQ for Kafka: brokers run in `selectedZones` when set; otherwise in the vSwitches' zones.
    "alicloud:alikafka/instance:Instance": [{ path: "selectedZones", kind: "zone" }, { path: "vswitchIds", kind: "subnet" }, { path: "vswitchId", kind: "subnet" }],
};

/** Zones of a resource by its type's ZONE_SOURCES (Kafka: selectedZones alone when it lists any). */
export function zonesOfType(r: Referrer & { readonly type: string }, byUrn: ReadonlyMap<string, { readonly type: string; readonly props: Props }>): ZoneCount {
    const sources = ZONE_SOURCES[r.type] ?? [];
    if (r.type === "alicloud:alikafka/instance:Instance" && valuesAt(r.props, "selectedZones").length > 0) return zoneCount(r, sources.slice(0, 1), byUrn);
    return zoneCount(r, sources, byUrn);
}

/** The zones a zonal resource is known to cover, by name. */
export function zoneNamesOf(r: Referrer & { readonly type: string }, byUrn: ReadonlyMap<string, { readonly type: string; readonly props: Props }>): readonly string[] {
    return zonesOfType(r, byUrn).names;
}
