// IPv4 CIDR arithmetic and the zone/subnet allocation of a region.

export interface Cidr {
    /** Network address as an unsigned 32-bit integer. */
    readonly base: number;
    readonly prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns null for anything that is not a canonical IPv4 network. */
export function parseCidr(text: string): Cidr | null {
    const m = CIDR_PATTERN.exec(text.trim());
    if (m === null) return null;
    const octets = m.slice(1, 5).map(Number);
    const prefix = Number(m[5]);
    if (octets.some((o) => o > 255) || prefix > 32) return null;
    const base = ((octets[0] << 24) | (octets[1] << 16) | (octets[2] << 8) | octets[3]) >>> 0;
    if ((base & maskOf(prefix)) >>> 0 !== base) return null; // host bits set: not a network address
    return { base, prefix };
}

function maskOf(prefix: number): number {
    return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function formatCidr(c: Cidr): string {
    const b = c.base;
    return `${b >>> 24}.${(b >>> 16) & 255}.${(b >>> 8) & 255}.${b & 255}/${c.prefix}`;
}

export function cidrSize(c: Cidr): number {
    return 2 ** (32 - c.prefix);
}

export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
    const aEnd = a.base + cidrSize(a);
    const bEnd = b.base + cidrSize(b);
    return a.base < bEnd && b.base < aEnd;
}

/** The index-th sub-network of `parent` with the longer prefix `newPrefix`. */
export function subnetOf(parent: Cidr, newPrefix: number, index: number): Cidr {
    if (newPrefix < parent.prefix || newPrefix > 32) {
        throw new RangeError(`cannot split /${parent.prefix} into /${newPrefix}`);
    }
    const count = 2 ** (newPrefix - parent.prefix);
    if (index < 0 || index >= count) {
        throw new RangeError(`subnet index ${index} out of range: a /${parent.prefix} holds ${count} x /${newPrefix}`);
    }
    return { base: parent.base + index * 2 ** (32 - newPrefix), prefix: newPrefix };
}

/** Tiers of subnets every zone gets. AWS uses both; Alibaba Cloud vSwitches are private only. */
export const SUBNET_TIERS = ["private", "public"] as const;
export type SubnetTier = (typeof SUBNET_TIERS)[number];

/**
 * Zone slots per region. Subnets are sized for this many zones, not for the zones configured
 * today, so adding a zone (a startup stack growing up) never moves an existing subnet.
 */
export const ZONE_SLOTS = 8;
const SLOT_BITS = Math.log2(ZONE_SLOTS * SUBNET_TIERS.length); // 16 slots -> 4 bits

/** Smallest and largest region prefix the allocation accepts (/16 gives /20 subnets). */
export const REGION_PREFIX_RANGE = { min: 8, max: 24 - SLOT_BITS } as const;

export interface ZoneSubnet {
    readonly zone: string;
    readonly zoneIndex: number;
    readonly tier: SubnetTier;
    readonly cidr: string;
}

/**
 * Subnets of a region: zone i, tier t gets slot i * tiers + t of the region CIDR split into
 * ZONE_SLOTS x tiers equal blocks (a /16 region gives /20 subnets of 4,096 addresses).
 * Deterministic, non-overlapping, stable when zones are appended.
 */
export function allocateZoneSubnets(regionCidr: string, zones: readonly string[]): ZoneSubnet[] {
    const parent = parseCidr(regionCidr);
    if (parent === null) throw new RangeError(`not an IPv4 network: ${regionCidr}`);
    if (zones.length > ZONE_SLOTS) throw new RangeError(`at most ${ZONE_SLOTS} zones per region (got ${zones.length})`);
    const newPrefix = parent.prefix + SLOT_BITS;
    return zones.flatMap((zone, zoneIndex) =>
        SUBNET_TIERS.map((tier, t) => ({
            zone,
            zoneIndex,
            tier,
            cidr: formatCidr(subnetOf(parent, newPrefix, zoneIndex * SUBNET_TIERS.length + t)),
        })),
    );
}

/** Default address space of the i-th region: 10.(10 * (i + 1)).0.0/16, so regions never overlap. */
export function defaultRegionCidr(regionIndex: number): string {
    return `10.${10 * (regionIndex + 1)}.0.0/16`;
}
