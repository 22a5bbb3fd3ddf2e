// Pure network helpers: world-open CIDRs and port ranges of security group rules.

import { num } from "./values";

export const WORLD_CIDRS: readonly string[] = ["0.0.0.0/0", "::/0"];

/** Admin and data ports that must never be reachable from the internet. */
export const DEFAULT_SENSITIVE_PORTS: readonly number[] = [22, 3389, 3306, 5432, 6379, 9092, 9093, 9094, 2181, 27017, 1433, 1521, 9200, 11211];

export interface PortRange {
    readonly from: number;
    readonly to: number;
}

export const ALL_PORTS: PortRange = { from: 0, to: 65535 };

export function isWorld(cidr: unknown): boolean {
    return typeof cidr === "string" && WORLD_CIDRS.includes(cidr.trim());
}

/** Protocol values that mean "every protocol, every port" on either cloud. */
export function isAllProtocols(protocol: unknown): boolean {
    return protocol === "-1" || protocol === -1 || protocol === "all" || protocol === "ALL";
}

/** Alibaba Cloud `portRange` "from/to" ("-1/-1" = all). */
export function parseSlashRange(portRange: unknown): PortRange {
    if (typeof portRange !== "string") return ALL_PORTS;
    const [a, b] = portRange.split("/").map((p) => num(p));
    if (a === undefined || b === undefined || a < 0 || b < 0) return ALL_PORTS;
    return { from: a, to: b };
}

/** AWS from/to ports; missing or -1 means all ports. */
export function rangeOf(fromPort: unknown, toPort: unknown, protocol: unknown): PortRange {
    if (isAllProtocols(protocol)) return ALL_PORTS;
    const from = num(fromPort);
    const to = num(toPort);
    if (from === undefined || to === undefined || from < 0 || to < 0) return ALL_PORTS;
    return { from, to };
}

/** Sensitive ports inside a range. */
export function exposedPorts(range: PortRange, sensitive: readonly number[]): number[] {
    return sensitive.filter((p) => p >= range.from && p <= range.to);
}

/** An address range of one IP version: first and last address as integers. */
export interface AddressRange {
    readonly version: 4 | 6;
    readonly first: bigint;
    readonly last: bigint;
}

const V4_BITS = 32;
const V6_BITS = 128;

function ipv4Value(text: string): bigint | undefined {
    const parts = text.split(".");
    if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
    return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

function ipv6Value(text: string): bigint | undefined {
    // A trailing dotted quad (`::ffff:1.2.3.4`, RFC 4291 section 2.2, form 3) stands for the last two groups.
    const dotted = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
    if (dotted !== null) {
        const v4 = ipv4Value(dotted[2]);
        if (v4 === undefined) return undefined;
        const hex = (v4 >> 16n).toString(16) + ":" + (v4 & 0xffffn).toString(16);
        return ipv6Value(dotted[1] + hex);
    }
    if (!/^[0-9a-fA-F:]+$/.test(text) || (text.match(/::/g) ?? []).length > 1) return undefined;
    const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
    const a = head === "" ? [] : head.split(":");
    const b = tail === undefined || tail === "" ? [] : tail.split(":");
    const missing = 8 - a.length - b.length;
    if ((tail === undefined && missing !== 0) || missing < 0 || ![...a, ...b].every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
    return [...a, ...Array<string>(tail === undefined ? 0 : missing).fill("0"), ...b].reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n);
}

/**
 * The range a CIDR (or a bare address, a /32 or /128) covers; undefined when it is not one.
 * `0.0.0.0` alone is read as the whole IPv4 space, as Alibaba Cloud whitelists do (ApsaraDB
 * "0.0.0.0/0 or 0.0.0.0 allows all addresses").
 */
export function addressRange(text: unknown): AddressRange | undefined {
    if (typeof text !== "string") return undefined;
    const t = text.trim();
    if (t === "0.0.0.0") return { version: 4, first: 0n, last: (1n << 32n) - 1n };
    const [addr, prefixText, extra] = t.split("/");
    if (extra !== undefined) return undefined;
    const version = addr.includes(":") ? 6 : 4;
    const bits = version === 4 ? V4_BITS : V6_BITS;
    const value = version === 4 ? ipv4Value(addr) : ipv6Value(addr);
    const prefix = prefixText === undefined ? bits : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (value === undefined || !(prefix >= 0 && prefix <= bits)) return undefined;
    const host = (1n << BigInt(bits - prefix)) - 1n;
    const first = value & ~host & ((1n << BigInt(bits)) - 1n);
    return { version, first, last: first | host };
}

/** The IPv4-mapped IPv6 block `::ffff:0:0/96` (RFC 4291 section 2.5.5.2): each address in it is an IPv4 address. */
const MAPPED_V4_FIRST = 0xffffn << 32n;
const MAPPED_V4_LAST = MAPPED_V4_FIRST | 0xffffffffn;

/**
 * The address ranges a CIDR admits, per IP version: an IPv6 range that overlaps the IPv4-mapped
 * block `::ffff:0:0/96` also admits the IPv4 addresses of the overlap (`::ffff:0.0.0.0/96` is
 * every IPv4 address, and so is `::/64`, which contains the block). [] when it is not a CIDR.
 */
export function addressRanges(text: unknown): AddressRange[] {
    const r = addressRange(text);
    if (r === undefined) return [];
    if (r.version === 4 || r.last < MAPPED_V4_FIRST || r.first > MAPPED_V4_LAST) return [r];
    const first = r.first > MAPPED_V4_FIRST ? r.first : MAPPED_V4_FIRST;
    const last = r.last < MAPPED_V4_LAST ? r.last : MAPPED_V4_LAST;
    return [r, { version: 4, first: first - MAPPED_V4_FIRST, last: last - MAPPED_V4_FIRST }];
}

/** Sorted, merged ranges of one version. */
function merged(ranges: readonly AddressRange[], version: 4 | 6): AddressRange[] {
    const sorted = ranges.filter((r) => r.version === version).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const out: AddressRange[] = [];
    for (const r of sorted) {
        const last = out[out.length - 1];
        if (last !== undefined && r.first <= last.last + 1n) out[out.length - 1] = { version, first: last.first, last: r.last > last.last ? r.last : last.last };
        else out.push(r);
    }
    return out;
}

/**
 * Address blocks that are not the internet, whose addresses a rule may admit without limit: the
 * blocks the IANA Special-Purpose Address Registries (RFC 6890; iana.org/assignments/
 * iana-ipv4-special-registry, iana-ipv6-special-registry) mark "Globally Reachable: False" and
 * that carry no public traffic: IPv4 "this network" 0.0.0.0/8, private-use 10.0.0.0/8,
 * 172.16.0.0/12, 192.168.0.0/16 (RFC 1918), shared address space 100.64.0.0/10 (RFC 6598),
 * loopback 127.0.0.0/8, link-local 169.254.0.0/16, benchmarking 198.18.0.0/15, reserved
 * 240.0.0.0/4; IPv6 unspecified ::/128, loopback ::1/128, unique-local fc00::/7, link-local
 * fe80::/10, and the IPv4-mapped block ::ffff:0:0/96 (its addresses are counted as IPv4). The
 * documentation blocks (192.0.2.0/24, ...) are counted as public: a rule naming them is a
 * placeholder left in.
 */
export const NON_PUBLIC_BLOCKS: readonly string[] = [
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16", "198.18.0.0/15", "240.0.0.0/4",
    "::/128", "::1/128", "fc00::/7", "fe80::/10", "::ffff:0:0/96",
];

const NON_PUBLIC: readonly AddressRange[] = NON_PUBLIC_BLOCKS.map((b) => addressRange(b)).filter((r): r is AddressRange => r !== undefined);

/** How many public addresses (outside NON_PUBLIC_BLOCKS) the ranges admit together, per IP version. */
export function publicAddressCount(ranges: readonly AddressRange[]): Record<4 | 6, bigint> {
    const count = (version: 4 | 6): bigint => {
        const holes = merged(NON_PUBLIC, version);
        let total = 0n;
        for (const r of merged(ranges, version)) {
            let n = r.last - r.first + 1n;
            for (const h of holes) {
                const lo = h.first > r.first ? h.first : r.first;
                const hi = h.last < r.last ? h.last : r.last;
                if (lo <= hi) n -= hi - lo + 1n;
            }
            total += n;
        }
        return total;
    };
    return { 4: count(4), 6: count(6) };
}

/**
 * The widest public source an admin or data port may admit, as a prefix length per IP version:
 * the public addresses every rule reaching one resource admits together may be no more than one
 * such prefix holds. Defaults to /16 for IPv4 (65,536 addresses: the largest block AWS lets one
 * VPC have, Amazon VPC User Guide, "VPC CIDR blocks": "between /16 and /28"; an operators'
 * network needs no more) and /48 for IPv6 (the largest assignment to one end site, RFC 6177,
 * "IPv6 Address Assignment to End Sites"). A policy choice, configurable per policy (`minPublicPrefixIpv4`,
 * `minPublicPrefixIpv6`).
 */
export const DEFAULT_MIN_PUBLIC_PREFIX: Readonly<Record<4 | 6, number>> = { 4: 16, 6: 48 };

/** What a set of sources admits that is too wide: per IP version, whether it is the whole internet or how many public addresses it admits beyond the limit. */
export interface Wideness {
    readonly version: 4 | 6;
    /** Every address of the version (0.0.0.0/0, ::/0, or ranges that add up to it). */
    readonly world: boolean;
    /** Public addresses admitted. */
    readonly publicAddresses: bigint;
    /** The limit's prefix length. */
    readonly minPrefix: number;
}

/**
 * The IP versions for which `sources` (CIDR strings; other values are ignored) admit more public
 * addresses together than one prefix of `minPrefix` holds, or the whole address space. [] when
 * every version stays within the limit.
 */
export function tooWide(sources: readonly unknown[], minPrefix: Readonly<Record<4 | 6, number>> = DEFAULT_MIN_PUBLIC_PREFIX): Wideness[] {
    const ranges = sources.flatMap(addressRanges);
    const world = worldCovered(sources);
    const counts = publicAddressCount(ranges);
    return ([4, 6] as const).flatMap((version): Wideness[] => {
        const limit = 1n << BigInt((version === 4 ? V4_BITS : V6_BITS) - minPrefix[version]);
        const isWorld = world.includes(version);
        return isWorld || counts[version] > limit ? [{ version, world: isWorld, publicAddresses: counts[version], minPrefix: minPrefix[version] }] : [];
    });
}

/** A Wideness in words: "the whole IPv4 internet" or "2,147,483,648 public IPv4 addresses, more than one /16". */
export function describeWideness(w: readonly Wideness[]): string {
    return w.map((x) => (x.world ? `the whole IPv${x.version} internet` : `${x.publicAddresses.toLocaleString("en-US")} public IPv${x.version} addresses, more than one /${x.minPrefix}`)).join(" and ");
}

/**
 * Whether the ranges together cover every address of an IP version (0.0.0.0/1 + 128.0.0.0/1 is
 * the whole internet as surely as 0.0.0.0/0). Returns the versions fully covered.
 */
export function worldCovered(cidrs: readonly unknown[]): (4 | 6)[] {
    const out: (4 | 6)[] = [];
    for (const version of [4, 6] as const) {
        const ranges = cidrs.flatMap(addressRanges).filter((r) => r.version === version).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
        const top = (1n << BigInt(version === 4 ? V4_BITS : V6_BITS)) - 1n;
        let next = 0n;
        for (const r of ranges) {
            if (r.first > next) break;
            if (r.last + 1n > next) next = r.last + 1n;
        }
        if (ranges.length > 0 && next > top) out.push(version);
    }
    return out;
}
