// The network plan of one region: subnets per zone and tier, NAT placement, security rules.

import { ZoneSubnet, allocateZoneSubnets } from "./cidr";
import { INGEST_LB_MIN_ZONES } from "./global";
import { IngressRule, ingressRules } from "./security";
import { NatStrategy, RegionSpec, StackSpec } from "./types";

export interface NatPlan {
    /** Zones that host a NAT gateway, in zone order. */
    readonly gatewayZones: readonly string[];
    /** For each zone, the zone whose NAT gateway carries its egress (null: no egress). */
    readonly egressVia: Readonly<Record<string, string | null>>;
}

/**
 * none: no NAT at all; single: one gateway in the first zone serves every zone (cheap, but egress
 * fails with that zone); perZone: each zone egresses through its own gateway (no cross-zone
 * dependency, the highly available choice).
 */
export function planNat(strategy: NatStrategy, zones: readonly string[]): NatPlan {
    const gatewayZones = strategy === "none" ? [] : strategy === "single" ? zones.slice(0, 1) : [...zones];
    const egressVia: Record<string, string | null> = {};
    for (const zone of zones) {
        egressVia[zone] = strategy === "none" ? null : strategy === "single" ? zones[0] : zone;
    }
    return { gatewayZones, egressVia };
}

export interface RegionNetworkPlan {
    readonly region: string;
    readonly cidr: string;
    readonly zones: readonly string[];
    readonly subnets: readonly ZoneSubnet[];
    readonly nat: NatPlan;
    readonly ingress: readonly IngressRule[];
}

export function planRegionNetwork(spec: Pick<StackSpec, "natStrategy" | "adminCidrs" | "appPort" | "kubernetes" | "queue">, region: RegionSpec): RegionNetworkPlan {
    return {
        region: region.name,
        cidr: region.cidr,
        zones: region.zones,
        subnets: allocateZoneSubnets(region.cidr, region.zones),
        nat: planNat(spec.natStrategy, region.zones),
        ingress: ingressRules(spec),
    };
}

/** A vSwitch of the self-run transcoders: its zone and CIDR (planTranscoderSubnets). */
export interface TranscoderSubnet {
    readonly zone: string;
    readonly cidr: string;
}

/**
 * The vSwitches of Alibaba Cloud's self-run transcoders, one per zone in zone order; none in a
 * region that runs no transcoders (fewer than INGEST_LB_MIN_ZONES zones: ApsaraVideo Live ingests
 * there, transcodeTier). Each takes its zone's `public` slot of allocateZoneSubnets: Alibaba Cloud
 * vSwitches have no public tier (internet access goes through the NAT gateway and the ingest NLB),
 * so the slot is free there, and the existing vSwitches keep their CIDRs. The data tier's IP
 * whitelists (PolarDB `dbClusterIpArrays`, Tair `securityIps`) admit the app (`private`)
 * vSwitches only: transcoders in these reach no database or cache, whatever their security group.
 */
export function planTranscoderSubnets(plan: Pick<RegionNetworkPlan, "zones" | "subnets">): TranscoderSubnet[] {
    if (plan.zones.length < INGEST_LB_MIN_ZONES) return [];
    return plan.zones.map((zone) => {
        const slot = plan.subnets.find((s) => s.zone === zone && s.tier === "public");
        if (slot === undefined) throw new RangeError(`no subnet slot planned for the transcoders of zone ${zone}`);
        return { zone, cidr: slot.cidr };
    });
}
