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

/**
 * Whether the ranges together cover every address of an IP version (0.0.0.0/1 + 128.0.0.0/1 is
 * the whole internet as surely as 0.0.0.0/0). Returns the versions fully covered.
 */
export function worldCovered(cidrs: readonly unknown[]): (4 | 6)[] {
    const out: (4 | 6)[] = [];
    for (const version of [4, 6] as const) {
        const ranges = cidrs.map(addressRange).filter((r): r is AddressRange => r !== undefined && r.version === version).sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
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
