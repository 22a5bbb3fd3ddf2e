// Small contracts a hop checks, shared by both clouds' flows.

import { isRecord, num } from "../lib/values";
import { strings } from "./graph";

/**
 * Whether a certificate with `names` is valid for `host`: an exact name, or a wildcard
 * `*.example.com` covering exactly one label (RFC 6125 section 6.4.3, as browsers and CloudFront apply it).
 */
export function coversName(names: readonly string[], host: string): boolean {
    const h = host.toLowerCase().replace(/\.$/, "");
    return names.some((n) => {
        const name = n.toLowerCase().replace(/\.$/, "");
        if (name === h) return true;
        if (!name.startsWith("*.")) return false;
        const rest = h.split(".").slice(1).join(".");
        return rest === name.slice(2) && h.split(".").length === name.split(".").length;
    });
}

/** The text of user data (base64, as EC2 launch templates and ECS scaling configurations take it), or null. */
export function decodeUserData(v: unknown): string | null {
    if (typeof v !== "string" || v === "") return null;
    return /^[A-Za-z0-9+/]+={0,2}$/.test(v.replace(/\s/g, "")) ? Buffer.from(v, "base64").toString("utf8") : v;
}

/** The transport a flow's traffic uses on a security-group path. */
export type Transport = "tcp" | "udp";

/** IANA protocol numbers of the transports (AWS accepts a number or a name for `ipProtocol`). */
const PROTOCOL_NUMBER: Record<Transport, string> = { tcp: "6", udp: "17" };

/**
 * Whether a security group rule's protocol carries `transport`: the name or protocol number, or
 * all protocols (AWS `-1`: EC2 API IpPermission.IpProtocol "Use -1 to specify all protocols";
 * Alibaba Cloud `all`: alicloud_security_group_rule `ip_protocol` is one of tcp, udp, icmp, gre,
 * all). A TCP flow through a `udp` or `icmp` rule is not admitted.
 */
export function protocolCarries(protocol: unknown, transport: Transport): boolean {
    const p = String(protocol ?? "").toLowerCase();
    return p === "-1" || p === "all" || p === transport || p === PROTOCOL_NUMBER[transport];
}

/**
 * Whether an AWS security group rule (vpc ingress/egress rule: ipProtocol, fromPort/toPort)
 * admits `transport` on `port`: its protocol carries the transport, and the port is in range
 * (protocol -1 = all ports).
 */
export function portInRange(port: number, rule: Record<string, unknown>, transport: Transport = "tcp"): boolean {
    if (!protocolCarries(rule.ipProtocol, transport)) return false;
    if (String(rule.ipProtocol) === "-1") return true;
    const from = num(rule.fromPort);
    const to = num(rule.toPort);
    return from !== undefined && to !== undefined && from <= port && port <= to;
}

/** Whether an Alibaba Cloud port range `from/to` (alicloud_security_group_rule `port_range`) includes `port`; `-1/-1` is every port. */
export function rangeIncludes(range: unknown, port: number): boolean {
    const m = /^(-?\d+)\/(-?\d+)$/.exec(String(range ?? ""));
    if (m === null) return false;
    if (m[1] === "-1" && m[2] === "-1") return true;
    return Number(m[1]) <= port && port <= Number(m[2]);
}

/** An Alibaba Cloud security group rule's verdict on a packet: its policy and priority. */
interface AliRuleMatch {
    readonly drop: boolean;
    readonly priority: number;
}

/**
 * Whether the ingress rules of an Alibaba Cloud security group admit a packet the predicate
 * `matches` picks (source and port): some `accept` rule matches, and no `drop` rule that matches
 * has the same or a higher priority. Rules are ordered by `priority` (1-100, 1 the highest,
 * default 1: terraform-provider-alicloud docs r/security_group_rule `priority`, `policy` accept or
 * drop, default accept); at the same priority a drop rule is applied before an accept rule
 * (Alibaba Cloud ECS User Guide, "Security group rules", section "Security group custom rule
 * matching policy": rules are sorted by priority, then drop before accept, and the first match decides).
 */
export function aliRulesAdmit<R extends { readonly inputs: Record<string, unknown> }>(rules: readonly R[], matches: (rule: R) => boolean): boolean {
    const hits: AliRuleMatch[] = rules.filter((r) => r.inputs.type === "ingress" && matches(r)).map((r) => ({ drop: r.inputs.policy === "drop", priority: num(r.inputs.priority) ?? 1 }));
    const accept = hits.filter((h) => !h.drop).map((h) => h.priority);
    if (accept.length === 0) return false;
    const best = Math.min(...accept);
    return !hits.some((h) => h.drop && h.priority <= best);
}

function actionMatches(pattern: string, action: string): boolean {
    if (pattern === "*" || pattern === action) return true;
    if (pattern.endsWith("*")) return action.startsWith(pattern.slice(0, -1));
    if (action.endsWith("*")) return pattern.startsWith(action.slice(0, -1));
    return false;
}

/** The statements of a policy document (a JSON string or an object; `Statement` one or a list); none when it does not parse. */
export function policyStatements(policy: unknown): Record<string, unknown>[] {
    let doc: unknown = policy;
    if (typeof policy === "string") {
        try {
            doc = JSON.parse(policy);
        } catch {
            return [];
        }
    }
    if (!isRecord(doc)) return [];
    return (Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement]).filter(isRecord);
}

/**
 * Whether a policy document (JSON string or object; IAM and KMS key policies, RAM policies) has an
 * Allow statement for `action` (wildcards either side), and, when `service` is given, with that
 * service principal.
 */
export function statementsAllow(policy: unknown, action: string, service?: string): boolean {
    return policyStatements(policy).some((s) => {
        if (s.Effect !== "Allow") return false;
        if (!strings(s.Action).some((a) => actionMatches(a, action))) return false;
        if (service === undefined) return true;
        const principal = s.Principal;
        return isRecord(principal) && strings(principal.Service).includes(service);
    });
}

/** Whether an IAM resource pattern (`*` and `?` wildcards) matches an ARN. */
function resourceMatches(pattern: string, arn: string): boolean {
    const re = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`);
    return re.test(arn);
}

/**
 * Whether a policy document (IAM JSON, string or object) has an Allow statement for `action` whose
 * `Resource` covers `arn` (exactly or by wildcard; IAM User Guide, "IAM JSON policy elements: Resource").
 */
export function statementsAllowOn(policy: unknown, action: string, arn: string): boolean {
    return policyStatements(policy).some((s) => s.Effect === "Allow" && strings(s.Action).some((a) => actionMatches(a, action)) && strings(s.Resource).some((r) => resourceMatches(r, arn)));
}

/**
 * The values a policy's Allow statements for `action` require of a condition key under
 * StringEquals: null when some statement allows the action without that condition (any value),
 * [] when none allows it.
 */
export function allowedConditionValues(policy: unknown, action: string, key: string): string[] | null {
    const statements = policyStatements(policy).filter((s) => s.Effect === "Allow" && strings(s.Action).some((a) => actionMatches(a, action)));
    const values: string[] = [];
    for (const s of statements) {
        const equals = isRecord(s.Condition) && isRecord(s.Condition.StringEquals) ? s.Condition.StringEquals[key] : undefined;
        if (equals === undefined) return null;
        values.push(...strings(equals));
    }
    return values;
}

/** Whether a CIDR (a.b.c.d/n) contains another CIDR or address. */
export function cidrContains(outer: string, inner: string): boolean {
    const parse = (c: string): [number, number] | undefined => {
        const [ip, bits] = c.split("/");
        const parts = ip.split(".").map(Number);
        if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
        return [((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3], bits === undefined ? 32 : Number(bits)];
    };
    const o = parse(outer);
    const i = parse(inner);
    if (o === undefined || i === undefined || i[1] < o[1]) return false;
    const mask = o[1] === 0 ? 0 : (~0 << (32 - o[1])) >>> 0;
    return ((o[0] & mask) >>> 0) === ((i[0] & mask) >>> 0);
}


/** One `host[:port]` of an endpoint setting (a host, or a comma-separated broker list). */
export interface HostPort {
    readonly host: string;
    readonly port?: number;
}

/** The hosts (and ports, when given) of an endpoint setting: `host`, `host:port` or a comma-separated list of them. */
export function hostPorts(value: string): HostPort[] {
    return value
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== "")
        .map((x) => {
            const m = /^(.*):(\d+)$/.exec(x);
            return m === null ? { host: x.toLowerCase() } : { host: m[1].toLowerCase(), port: Number(m[2]) };
        });
}

/**
 * Whether an app's endpoint setting reaches a data store: every host it names is one of the
 * store's endpoint `hosts`, and every port it names is the port the store listens on. A reason
 * when not.
 */
export function endpointReaches(setting: string, hosts: readonly string[], port: number): true | string {
    const known = new Set(hosts.flatMap((h) => hostPorts(h).map((x) => x.host)));
    const named = hostPorts(setting);
    if (named.length === 0) return "names no host";
    const elsewhere = named.filter((n) => !known.has(n.host));
    if (elsewhere.length > 0) return `names ${elsewhere.map((n) => n.host).join(", ")}, not an endpoint of the store (${[...known].join(", ") || "none known"})`;
    const wrongPort = named.filter((n) => n.port !== undefined && n.port !== port);
    return wrongPort.length === 0 ? true : `names port ${wrongPort.map((n) => n.port).join(", ")}, the store listens on ${port}`;
}
