import { alicloud, aws } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { DEFAULT_MIN_PUBLIC_PREFIX, describeWideness, tooWide } from "../lib/network";
import { resourceRule } from "../lib/policy";

interface Config {
    readonly minPublicPrefixIpv4: number;
    readonly minPublicPrefixIpv6: number;
}

/** Whitelist entries: strings of comma-separated addresses or CIDRs, split and trimmed. */
function entriesOf(ips: readonly (string | undefined)[] | undefined): string[] {
    return (ips ?? []).flatMap((s) => (s ?? "").split(",")).map((s) => s.trim()).filter((s) => s !== "");
}

/**
 * What the whitelist entries (comma-separated strings allowed) admit together that is too wide,
 * in words ("the whole IPv4 internet", "... public IPv4 addresses, more than one /16"); undefined
 * when they stay within the limit. Every whitelist of one database (the top-level `securityIps`
 * and each `dbClusterIpArrays` group of a PolarDB cluster) admits clients to the same endpoints,
 * so they are judged together.
 */
export function tooWideWhitelist(ips: readonly (string | undefined)[] | undefined, minPrefix: Readonly<Record<4 | 6, number>> = DEFAULT_MIN_PUBLIC_PREFIX): string | undefined {
    const wide = tooWide(entriesOf(ips), minPrefix);
    return wide.length === 0 ? undefined : describeWideness(wide);
}

const prefixes = (c: Config): Record<4 | 6, number> => ({ 4: c.minPublicPrefixIpv4, 6: c.minPublicPrefixIpv6 });

export const secDataStoreForbidPublicAccess = resourceRule(
    {
        name: "sec-data-store-forbid-public-access",
        description: "Databases and caches are reachable only from the VPC: no public endpoint, no world-open whitelist.",
        category: "security",
        config: {
            minPublicPrefixIpv4: { type: "integer", minimum: 0, maximum: 32, default: DEFAULT_MIN_PUBLIC_PREFIX[4], description: "A whitelist may admit no more public IPv4 addresses than one prefix of this length holds (policies/lib/network.ts, DEFAULT_MIN_PUBLIC_PREFIX). Defaults to 16." },
            minPublicPrefixIpv6: { type: "integer", minimum: 0, maximum: 128, default: DEFAULT_MIN_PUBLIC_PREFIX[6], description: "The same for IPv6. Defaults to 48." },
        },
        remediation: "Remove 0.0.0.0/0 (and ranges that add up to it, and public ranges wider than a /16 or /48) from `securityIps` (rds.Instance, polardb.Cluster and its `dbClusterIpArrays`, kvstore.Instance, redis.TairInstance) and use the app tier's CIDRs or security groups; set `publiclyAccessible: false` (aws rds.Instance / rds.ClusterInstance).",
    },
    [
        validateResourceOfType(alicloud.rds.Instance, (db, args, report) => {
            const wide = tooWideWhitelist(db.securityIps, prefixes(args.getConfig<Config>()));
            if (wide !== undefined) report(`RDS instance securityIps admit ${wide}.`);
        }),
        validateResourceOfType(alicloud.polardb.Cluster, (c, args, report) => {
            // Every whitelist group (dbClusterIpArrays) admits clients to the same cluster: judged together with securityIps.
            const groups = c.dbClusterIpArrays ?? [];
            const wide = tooWideWhitelist([...(c.securityIps ?? []), ...groups.flatMap((g) => g.securityIps ?? [])], prefixes(args.getConfig<Config>()));
            if (wide === undefined) return;
            const named = groups.filter((g) => (g.securityIps ?? []).length > 0).map((g) => g.dbClusterIpArrayName ?? "default");
            report(`PolarDB cluster whitelists (securityIps${named.length > 0 ? `, dbClusterIpArrays ${named.join(", ")}` : ""}) admit ${wide}.`);
        }),
        validateResourceOfType(alicloud.kvstore.Instance, (r, args, report) => {
            const wide = tooWideWhitelist(r.securityIps, prefixes(args.getConfig<Config>()));
            if (wide !== undefined) report(`Redis instance securityIps admit ${wide}.`);
        }),
        validateResourceOfType(alicloud.redis.TairInstance, (r, args, report) => {
            const wide = tooWideWhitelist([r.securityIps], prefixes(args.getConfig<Config>()));
            if (wide !== undefined) report(`Tair instance securityIps admit ${wide}.`);
        }),
        validateResourceOfType(aws.rds.Instance, (db, _args, report) => {
            if (db.publiclyAccessible === true) report("RDS instance publiclyAccessible is true.");
        }),
        validateResourceOfType(aws.rds.ClusterInstance, (db, _args, report) => {
            if (db.publiclyAccessible === true) report("RDS cluster instance publiclyAccessible is true.");
        }),
    ],
);
