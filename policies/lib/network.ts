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
