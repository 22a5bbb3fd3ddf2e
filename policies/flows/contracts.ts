// Small contracts a hop checks, shared by both clouds' flows.

import { isRecord, num, str } from "../lib/values";
import { FlowGraph, FlowResource, at, strings } from "./graph";

/**
 * A DNS name in the form the flows compare: ASCII lower case (DNS names compare without regard to
 * case, RFC 4343 section 3) and without the final root dot (`api.example.com.` is the absolute form
 * of `api.example.com`, RFC 1034 section 3.1). Every comparison of DNS names in the flows (host
 * conditions, certificate names, CDN sources and origins, GTM and stack outputs) goes through it.
 */
export function dnsName(name: string): string {
    return name.trim().replace(/\.$/, "").toLowerCase();
}

/**
 * Whether a certificate with `names` is valid for `host`: an exact name, or a wildcard
 * `*.example.com` covering exactly one label (RFC 6125 section 6.4.3, as browsers and CloudFront apply it).
 */
export function coversName(names: readonly string[], host: string): boolean {
    const h = dnsName(host);
    return names.some((n) => {
        const name = dnsName(n);
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

/** Whether a statement's Action (or NotAction) covers `action` (wildcards either side). */
export function statementActs(s: Record<string, unknown>, action: string): boolean {
    if (s.NotAction !== undefined) return !strings(s.NotAction).some((a) => actionMatches(a, action));
    return strings(s.Action).some((a) => actionMatches(a, action));
}

/** Whether a statement's Principal names the service principal `service` (or `*`). */
function principalIs(s: Record<string, unknown>, service: string): boolean {
    const principal = s.Principal;
    if (principal === "*") return true;
    return isRecord(principal) && (strings(principal.Service).includes(service) || strings(principal.AWS).includes("*"));
}

/**
 * Whether a policy document (JSON string or object; IAM and KMS key policies, RAM policies) has an
 * Allow statement for `action` (wildcards either side), and, when `service` is given, with that
 * service principal, and no Deny statement without a condition for it (an explicit deny overrides
 * any allow: IAM User Guide, "Policy evaluation logic"). Conditions are not read: use
 * `accessVerdict` where the request's condition keys matter.
 */
export function statementsAllow(policy: unknown, action: string, service?: string): boolean {
    const statements = policyStatements(policy).filter((s) => statementActs(s, action) && (service === undefined || principalIs(s, service)));
    if (statements.some((s) => s.Effect === "Deny" && s.Condition === undefined)) return false;
    return statements.some((s) => s.Effect === "Allow");
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
    return accessDecision([policy], { action, resource: arn }).kind === "allow";
}

/** A request a hop needs allowed: the action, the resource ARN, the calling service principal, and the condition keys known for it. */
export interface AccessRequest {
    readonly action: string;
    /** The resource ARN; omitted, every statement's Resource is taken to cover it (trust and key policies name none that matter). */
    readonly resource?: string;
    /** The service principal that calls (resource and trust policies: `Principal.Service`). */
    readonly service?: string;
    /** Condition keys of the request and their values (e.g. `cloudwatch:namespace`); a key not given cannot be evaluated. */
    readonly context?: Readonly<Record<string, string>>;
}

/** The outcome of evaluating policies for a request (IAM User Guide, "Policy evaluation logic"). */
export type AccessDecision =
    | { readonly kind: "allow" }
    | { readonly kind: "deny"; readonly statement: string }
    | { readonly kind: "undetermined"; readonly keys: readonly string[] }
    | { readonly kind: "none"; readonly unmet: readonly string[] };

/** One condition operator's test of a request value against a statement's values; undefined for an operator not evaluated here. */
function conditionTest(operator: string, actual: string, values: readonly string[]): boolean | undefined {
    const like = (p: string) => resourceMatches(p, actual);
    switch (operator) {
        case "StringEquals":
        case "ArnEquals":
            return values.includes(actual);
        case "StringNotEquals":
        case "ArnNotEquals":
            return !values.includes(actual);
        case "StringEqualsIgnoreCase":
            return values.some((v) => v.toLowerCase() === actual.toLowerCase());
        case "StringLike":
        case "ArnLike":
            return values.some(like);
        case "StringNotLike":
        case "ArnNotLike":
            return !values.some(like);
        // IAM User Guide, "Condition operators", Boolean: `Bool` matches a key's true/false value.
        case "Bool":
            return values.some((v) => v.toLowerCase() === actual.toLowerCase());
        default:
            return undefined;
    }
}

/**
 * A statement's Condition against the request: met, not met (with the first unmet key), or not
 * evaluable (the keys the request does not carry, or an operator not evaluated here). All keys of
 * all operators must hold (IAM User Guide, "IAM JSON policy elements: Condition operators");
 * `...IfExists` holds when the key is absent.
 */
function conditionMet(s: Record<string, unknown>, context: Readonly<Record<string, string>>): { met: boolean; unknown: string[]; unmet: string[] } {
    const unknown: string[] = [];
    const unmet: string[] = [];
    const condition = s.Condition;
    if (!isRecord(condition)) return { met: true, unknown, unmet };
    for (const [rawOperator, block] of Object.entries(condition)) {
        if (!isRecord(block)) continue;
        const ifExists = rawOperator.endsWith("IfExists");
        const operator = ifExists ? rawOperator.slice(0, -"IfExists".length) : rawOperator;
        for (const [key, expected] of Object.entries(block)) {
            const actual = context[key];
            if (actual === undefined) {
                if (!ifExists) unknown.push(`${rawOperator} ${key}`);
                continue;
            }
            const ok = conditionTest(operator, actual, strings(expected));
            if (ok === undefined) unknown.push(`${rawOperator} ${key}`);
            else if (!ok) unmet.push(`${key} ${rawOperator} ${strings(expected).join("|")} (the request has ${actual})`);
        }
    }
    return { met: unknown.length === 0 && unmet.length === 0, unknown, unmet };
}

/**
 * Evaluates policy documents (identity, trust, KMS key or RAM policies: JSON strings or objects)
 * for a request: an applicable Deny whose condition holds overrides every Allow; else an Allow
 * whose condition holds allows; else, when a Deny or an Allow depends on a condition the request
 * does not carry, the decision is undetermined (never taken as allowed); else nothing allows
 * (implicit deny). IAM User Guide, "Policy evaluation logic" and "IAM JSON policy elements: Condition".
 */
export function accessDecision(policies: readonly unknown[], req: AccessRequest): AccessDecision {
    const context = req.context ?? {};
    const applicable = policies.flatMap((p) => policyStatements(p)).filter((s) => {
        if (!statementActs(s, req.action)) return false;
        if (req.service !== undefined && !principalIs(s, req.service)) return false;
        if (req.resource === undefined) return true;
        if (s.NotResource !== undefined) return !strings(s.NotResource).some((r) => resourceMatches(r, req.resource ?? ""));
        return s.Resource === undefined || strings(s.Resource).some((r) => resourceMatches(r, req.resource ?? ""));
    });
    const unknownKeys: string[] = [];
    for (const s of applicable.filter((x) => x.Effect === "Deny")) {
        const c = conditionMet(s, context);
        if (c.met) return { kind: "deny", statement: str(s.Sid) ?? JSON.stringify(s) };
        if (c.unmet.length === 0) unknownKeys.push(...c.unknown);
    }
    const unmet: string[] = [];
    let allowed = false;
    for (const s of applicable.filter((x) => x.Effect === "Allow")) {
        const c = conditionMet(s, context);
        if (c.met) allowed = true;
        else if (c.unmet.length === 0) unknownKeys.push(...c.unknown);
        else unmet.push(...c.unmet);
    }
    if (unknownKeys.length > 0) return { kind: "undetermined", keys: [...new Set(unknownKeys)] };
    return allowed ? { kind: "allow" } : { kind: "none", unmet };
}

/**
 * The verdict of a hop that needs `req` allowed by `policies` of `holder`: kept when allowed;
 * broken by an explicit deny or when nothing allows it (naming the unmet condition, or
 * `nothingAllows` when the hop gives its own reason); undetermined (`Condition`) when a condition
 * the request does not carry decides it.
 */
export function accessVerdict(policies: readonly unknown[], req: AccessRequest, holder: string, nothingAllows?: string): true | string | { readonly unknown: string; readonly kind: "unevaluated" } {
    const d = accessDecision(policies, req);
    const what = `${req.action}${req.resource !== undefined ? ` on ${req.resource}` : ""}${req.service !== undefined ? ` for ${req.service}` : ""}`;
    switch (d.kind) {
        case "allow":
            return true;
        case "deny":
            return `a Deny statement of ${holder} overrides any Allow of ${what} (${d.statement})`;
        case "undetermined":
            return { unknown: `Condition ${d.keys.join(", ")}`, kind: "unevaluated" };
        case "none":
            if (nothingAllows !== undefined) return nothingAllows;
            return d.unmet.length > 0 ? `${holder} allows ${what} only when ${d.unmet.join("; ")}` : `no statement of ${holder} allows ${what}`;
    }
}

/**
 * The `Resource` patterns of a policy document's Allow statements for `action` (wildcards either
 * side of the action), in document order; [] when none allows it or the document does not parse.
 */
export function allowedResources(policy: unknown, action: string): string[] {
    return policyStatements(policy)
        .filter((s) => s.Effect === "Allow" && strings(s.Action).some((a) => actionMatches(a, action)))
        .flatMap((s) => strings(s.Resource));
}

/**
 * The values a policy's Allow statements for `action` require of a condition key under
 * StringEquals: null when some statement allows the action without that condition (any value),
 * [] when none allows it.
 */
export function allowedConditionValues(policy: unknown, action: string, key: string): string[] | null {
    const statements = policyStatements(policy).filter((s) => s.Effect === "Allow" && statementActs(s, action));
    const values: string[] = [];
    for (const s of statements) {
        const equals = isRecord(s.Condition) && isRecord(s.Condition.StringEquals) ? s.Condition.StringEquals[key] : undefined;
        if (equals === undefined) return null;
        values.push(...strings(equals));
    }
    return values;
}

/** Whether an IPv4 CIDR (a.b.c.d/n) contains another IPv4 CIDR or address (their ranges, cidrRange). */
export function cidrContains(outer: string, inner: string): boolean {
    const o = cidrRange(outer);
    const i = cidrRange(inner);
    return o !== undefined && i !== undefined && o.family === 4 && i.family === 4 && o.first <= i.first && i.last <= o.last;
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
 * store's endpoint `hosts`, and every port it names (or, for a host without one, the client's
 * `defaultPort`) is the port the store listens on. A reason when not.
 */
export function endpointReaches(setting: string, hosts: readonly string[], port: number, defaultPort?: number): true | string {
    const known = new Set(hosts.flatMap((h) => hostPorts(h).map((x) => x.host)));
    const named = hostPorts(setting);
    if (named.length === 0) return "names no host";
    const elsewhere = named.filter((n) => !known.has(n.host));
    if (elsewhere.length > 0) return `names ${elsewhere.map((n) => n.host).join(", ")}, not an endpoint of the store (${[...known].join(", ") || "none known"})`;
    // A host without a port is reached on the client's default port (`defaultPort`, e.g. Redis 6379, MySQL 3306), when it has one.
    const wrongPort = named.map((n) => ({ ...n, port: n.port ?? defaultPort })).filter((n) => n.port !== undefined && n.port !== port);
    return wrongPort.length === 0 ? true : `names port ${wrongPort.map((n) => n.port).join(", ")}, the store listens on ${port}`;
}

/**
 * Whether a health check's success codes include `code`: an ELB matcher (`200`, `200,202`,
 * `200-299`; ELB User Guide, "Health checks for Application Load Balancer target groups":
 * Matcher, default 200) or Alibaba Cloud ALB codes (`http_2xx` ...; alicloud_alb_server_group
 * `health_check_codes`, default http_2xx).
 */
export function healthCodesInclude(codes: readonly string[], code: number): boolean {
    return codes.some((c) => {
        const klass = /^http_(\d)xx$/.exec(c);
        if (klass !== null) return Math.floor(code / 100) === Number(klass[1]);
        return c.split(",").some((part) => {
            const [from, to] = part.trim().split("-").map(Number);
            return to === undefined ? from === code : from <= code && code <= to;
        });
    });
}

/** A target group's (or server group's) health check as the flow reads it. */
export interface HealthCheck {
    /** The protocol the group speaks to its targets. */
    readonly protocol: string;
    /** The health check's protocol. */
    readonly checkProtocol: string;
    /** The health check's port, undefined when it checks the port traffic goes to. */
    readonly checkPort: number | undefined;
    /** The success codes. */
    readonly codes: readonly string[];
}

/**
 * Whether a group's health check passes on targets that keep the app image contract
 * (docs/METRICS.md: they serve HTTP on the app port and `GET /healthz` answers 200): the group
 * and the check speak HTTP, the check goes to the port traffic goes to, and 200 is a success code.
 */
export function healthCheckVerdict(group: string, hc: HealthCheck, trafficPort: number): true | string {
    if (hc.protocol !== "HTTP") return `${group} speaks ${hc.protocol} to its targets, which serve HTTP on ${trafficPort}`;
    if (hc.checkProtocol !== "HTTP") return `${group}'s health check uses ${hc.checkProtocol}, the targets serve HTTP: every target stays unhealthy`;
    if (hc.checkPort !== undefined && hc.checkPort !== trafficPort) return `${group} checks port ${hc.checkPort}, the targets serve ${trafficPort}: every target stays unhealthy`;
    return healthCodesInclude(hc.codes, 200) ? true : `${group}'s health check accepts ${hc.codes.join(", ")}, the health path answers 200: every target stays unhealthy`;
}

/** A `*` (any characters) and `?` (one character) wildcard pattern as a regular expression (`flags`: "i" to ignore case). */
function wildcardRegExp(pattern: string, flags: string): RegExp {
    return new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, flags);
}

/**
 * Whether a path pattern with `*` (zero or more characters) and `?` (exactly one character)
 * wildcards matches a request path, case-sensitively. ELB path-pattern condition: "The comparison
 * is case sensitive. The following wildcard characters are supported: * (matches 0 or more
 * characters) and ? (matches exactly 1 character)" (ELB API PathPatternConditionConfig Values);
 * CloudFront path patterns: "The path pattern is case sensitive" (CloudFront Developer Guide,
 * "Cache behavior settings", Path pattern); Alibaba Cloud ALB Path condition: exact match and
 * wildcard match with `*` and `?` (ALB "Configure domain name- and URL path-based forwarding rules
 * for ALB": the requested path must be the same as the specified one, or match its wildcard
 * pattern; ALB paths are case-sensitive, as alicloud.alb.Rule `rule_actions.rewrite_config.path`
 * states: "The path is case-sensitive"); a `~` regular expression is not a wildcard pattern.
 */
export function wildcardMatches(pattern: string, path: string): boolean {
    return wildcardRegExp(pattern, "").test(path);
}

/**
 * Whether a host pattern (`*` and `?` wildcards) matches a Host header, without regard to case
 * (ELB host-header condition: "Not case sensitive", ELB API HostHeaderConditionConfig Values;
 * DNS names compare case-insensitively, RFC 4343, as Alibaba Cloud ALB Host conditions do:
 * CreateRule HostConfig Values take an exact name or a wildcard pattern with `*` and `?`, e.g.
 * `*.example.com` or `www.example.*` matching www.example.com, ALB "Configure domain name-based and
 * URL-based forwarding rules for ALB", Exact match and wildcard match). A final root dot on either
 * side is ignored (dnsName, RFC 1034 section 3.1): `api.example.com.` is `api.example.com`.
 */
export function hostMatches(pattern: string, host: string): boolean {
    return wildcardRegExp(dnsName(pattern), "i").test(dnsName(host));
}

/** A CIDR block as the range of addresses it holds: its family, first and last address (as integers). */
interface CidrRange {
    readonly family: 4 | 6;
    readonly first: bigint;
    readonly last: bigint;
}

/** An IPv4 address (dotted quad) as an integer, undefined when it is not one. */
function ipv4Value(a: string): bigint | undefined {
    const parts = a.split(".");
    if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return undefined;
    return parts.reduce((n, p) => (n << 8n) + BigInt(Number(p)), 0n);
}

/** An IPv6 address (RFC 4291 section 2.2 text forms: `::` compression, an embedded dotted quad) as an integer, undefined when it is not one. */
function ipv6Value(a: string): bigint | undefined {
    const halves = a.split("::");
    if (halves.length > 2) return undefined;
    const groups = (h: string): number[] | undefined => {
        if (h === "") return [];
        const out: number[] = [];
        const parts = h.split(":");
        for (const [i, p] of parts.entries()) {
            if (i === parts.length - 1 && p.includes(".")) {
                const v4 = ipv4Value(p);
                if (v4 === undefined) return undefined;
                out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
            } else if (/^[0-9a-f]{1,4}$/.test(p)) out.push(parseInt(p, 16));
            else return undefined;
        }
        return out;
    };
    const head = groups(halves[0]);
    const tail = halves.length === 2 ? groups(halves[1]) : [];
    if (head === undefined || tail === undefined) return undefined;
    const fill = 8 - head.length - tail.length;
    if (halves.length === 2 ? fill < 1 : fill !== 0) return undefined;
    return [...head, ...Array<number>(fill).fill(0), ...tail].reduce((n, g) => (n << 16n) + BigInt(g), 0n);
}

/** A CIDR block (`a.b.c.d/n`, `x::/n`, or one address) as its address range, undefined when it is neither. */
function cidrRange(cidr: string): CidrRange | undefined {
    const [address, prefix, ...rest] = cidr.trim().toLowerCase().split("/");
    if (rest.length > 0 || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) return undefined;
    const family = address.includes(":") ? 6 : 4;
    const bits = family === 4 ? 32 : 128;
    const value = family === 4 ? ipv4Value(address) : ipv6Value(address);
    const length = prefix === undefined ? bits : Number(prefix);
    if (value === undefined || length > bits) return undefined;
    const host = (1n << BigInt(bits - length)) - 1n;
    return { family, first: value & ~host, last: (value & ~host) | host };
}

/** Whether `ranges` together hold every address from 0 to `last` (their union, merged in order). */
function coversAll(ranges: readonly CidrRange[], last: bigint): boolean {
    let next = 0n;
    for (const r of [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0))) {
        if (r.first > next) return false;
        if (r.last + 1n > next) next = r.last + 1n;
    }
    return next > last;
}

/**
 * Which clients of the load balancer a source-IP condition takes: `every` when its CIDRs together
 * hold every address of each IP family the load balancer accepts (0.0.0.0/1 with 128.0.0.0/1 is
 * the whole IPv4 space, as 0.0.0.0/0 is), `none` when none of its CIDRs is of a family it accepts
 * (::/0 on an IPv4-only load balancer: no client has an IPv6 source address there), `some`
 * otherwise, or when a value is not a CIDR block or address (the plan cannot tell which clients it
 * takes, or it holds no value). A condition is satisfied when the request's source address is in one of its CIDRs (ELB
 * User Guide, "Condition types for listener rules", Source IP address conditions;
 * aws.lb.ListenerRule `condition.sourceIp.values`: "Condition is satisfied if the source IP
 * address of the request matches one of the CIDR blocks"; Alibaba Cloud ALB CreateRule
 * SourceIpConfig Values, IP addresses or CIDR blocks); an IPv4-only load balancer (aws.lb
 * `ipAddressType` ipv4, the default; alicloud.alb `addressIpVersion` IPv4, the default) accepts
 * no IPv6 client, a dual-stack one (`dualStack`) accepts both families.
 */
export function sourceIpClients(values: readonly string[], dualStack: boolean): "every" | "none" | "some" {
    const ranges = values.map(cidrRange);
    // A condition without values is refused by both clouds (ELB RuleCondition: "the value for a condition can't be empty"): not judged here.
    if (ranges.length === 0) return "some";
    const known = ranges.filter((r): r is CidrRange => r !== undefined);
    if (known.length !== ranges.length) return "some";
    const v4 = known.filter((r) => r.family === 4);
    const v6 = known.filter((r) => r.family === 6);
    if (v4.length === 0 && (!dualStack || v6.length === 0)) return "none";
    return coversAll(v4, (1n << 32n) - 1n) && (!dualStack || coversAll(v6, (1n << 128n) - 1n)) ? "every" : "some";
}

/**
 * Whether a header condition takes every request: its header is one every request carries (Host:
 * "A client MUST send a Host header field in all HTTP/1.1 request messages", RFC 9112 section 3.2)
 * and one of its values is only `*` wildcards, which match any value ("* (matches 0 or more
 * characters)", aws.lb.ListenerRule `condition.httpHeader.values`; a condition is satisfied when
 * one of its values matches). A `*` on another header takes only the requests carrying that
 * header, which the plan does not tell: such a condition stays unevaluated.
 */
export function headerTakesEveryRequest(name: unknown, values: readonly string[]): boolean {
    return typeof name === "string" && name.trim().toLowerCase() === "host" && values.some((v) => /^\*+$/.test(v));
}

/**
 * Whether two DNS names are the same name: compared without regard to ASCII case (RFC 4343,
 * section 3) and without a final root dot (`api.example.com.` is `api.example.com`, RFC 1034
 * section 3.1). False when `a` is not a string.
 */
export function sameDnsName(a: unknown, b: string): boolean {
    return typeof a === "string" && dnsName(a) === dnsName(b);
}

/**
 * The HTTP methods a load balancer's method condition tells apart: Alibaba Cloud ALB CreateRule
 * MethodConfig Values "HEAD, GET, POST, OPTIONS, PUT, PATCH, and DELETE" (the methods of RFC 9110
 * section 9 an API takes, and PATCH, RFC 5789); ELB http-request-method conditions name any of them.
 */
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

/**
 * Whether a notification subscription reaches a person: its protocol delivers to one and its
 * endpoint has that protocol's form (aws.sns.TopicSubscription `protocol`: `email`/`email-json`
 * deliver to an e-mail address, `sms` to a phone number, `http`/`https` to a URL; `sqs`, `lambda`,
 * `firehose`, `application` deliver to another service's ARN, not a person; SNS Developer Guide,
 * "Subscribe" endpoint formats). The reason names the protocol and endpoint shape, never the value.
 */
export function subscriptionReachesPerson(protocol: unknown, endpoint: unknown): true | string {
    const p = String(protocol);
    const e = typeof endpoint === "string" ? endpoint.trim() : "";
    if (e === "") return `the ${p} subscription has an empty endpoint: nothing is delivered`;
    const forms: Readonly<Record<string, { readonly form: RegExp; readonly what: string }>> = {
        email: { form: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, what: "an e-mail address" },
        "email-json": { form: /^[^@\s]+@[^@\s]+\.[^@\s]+$/, what: "an e-mail address" },
        sms: { form: /^\+?[0-9]{6,15}$/, what: "a phone number (E.164)" },
        http: { form: /^http:\/\/\S+$/, what: "an http:// URL" },
        https: { form: /^https:\/\/\S+$/, what: "an https:// URL" },
    };
    const f = forms[p];
    if (f === undefined) return `protocol ${p} delivers to another service, not a person (email, email-json, sms, http or https do)`;
    return f.form.test(e) ? true : `the ${p} subscription's endpoint is not ${f.what}: nothing is delivered`;
}

/**
 * The verdict of an app's endpoint setting `env` (a ConfigMap key, a container variable) against
 * a data store's endpoints and listening port (endpointReaches): undetermined while the setting or
 * the endpoints are unknown (a first preview), unless the setting is computed from the store
 * itself (`fromStore`, a dependency on it), which names the store's own endpoint. Shared by the
 * clouds' order and hot-products flows.
 */
export function endpointSettingVerdict(env: string, setting: unknown, endpoints: readonly string[], port: number, fromStore: boolean, defaultPort?: number): true | string | { readonly unknown: string } {
    if (FlowGraph.isUnknown(setting) || endpoints.length === 0) return fromStore ? true : { unknown: env };
    if (typeof setting !== "string") return `${env} is not a string`;
    const v = endpointReaches(setting, endpoints, port, defaultPort);
    return v === true ? true : `${env} ${v}`;
}

/** The port of the load balancers' HTTPS listener (components/<cloud>/loadbalancer.ts; the CDN origin port, CDN_TLS.originPort), which steering health checks probe. */
export const LB_HTTPS_PORT = 443;

/** A DNS steering health check as a flow reads it (Route 53 HealthCheck, GTM MonitorConfig). */
export interface SteeringProbe {
    /** What the probe sends, as the service names it: `HTTPS`, `HTTP`, `TCP`, `PING` ... */
    readonly protocol: string;
    /** The port it probes; undefined when neither set nor defaulted by the service. */
    readonly port: number | undefined;
    /** The request path (HTTP and HTTPS probes); undefined when unset. */
    readonly path: string | undefined;
}

/**
 * Whether a DNS steering health check tells a live region from a dead one: it sends an HTTPS
 * request to the load balancer's HTTPS listener (`listenerPort`) for the app image contract's
 * health path (`healthPath`, docs/METRICS.md), which the listener's default action forwards to
 * targets that answer it, so the probe fails exactly when no target answers (the load balancer
 * then returns 5xx, a failure for both services: Route 53 counts only 200-399 as healthy, Route 53
 * API HealthCheckConfig Type; GTM counts a code above its `code` setting, 400 or 500, as abnormal,
 * Alibaba Cloud DNS API AddDnsGtmMonitor MonitorExtendInfo). A TCP or PING probe, or an HTTP probe
 * of the HTTP listener (which only redirects: a 3xx counts as healthy), stays healthy while every
 * target is dead; another port, or a path the targets do not answer, fails while the region is
 * healthy: either way the steering answers wrongly. `owner` names the health check in the reason.
 */
export function steeringProbeVerdict(owner: string, probe: SteeringProbe, listenerPort: number, healthPath: string): true | string | { readonly unknown: string } {
    if (probe.protocol === "HTTP" && probe.port === listenerPort) return `${owner} sends plain HTTP to the HTTPS listener (${listenerPort}): the probe fails while the region is healthy`;
    if (probe.protocol !== "HTTPS") {
        return `${owner} probes over ${probe.protocol}${probe.port !== undefined ? ` on ${probe.port}` : ""}: it stays healthy while every target of the region is dead (only an HTTPS request for ${healthPath} on the HTTPS listener, ${listenerPort}, reaches the targets)`;
    }
    if (probe.port === undefined) return { unknown: "the health check's port" };
    if (probe.port !== listenerPort) return `${owner} probes port ${probe.port}, the load balancer answers HTTPS on ${listenerPort}: the region is taken out of the answers while healthy`;
    if (probe.path !== healthPath) return `${owner} requests ${probe.path ?? "no path"}, not ${healthPath}, the health path the targets answer (docs/METRICS.md): the region is taken out of the answers while healthy`;
    return true;
}

/**
 * A listener rule as the load balancer evaluates it: its priority and the values of its conditions
 * (an empty list: no such condition, any value matches). `unjudged` names a condition the plan
 * cannot evaluate (headers, query strings, cookies, source addresses), undefined without one.
 */
export interface ListenerRuleView<R> {
    readonly rule: R;
    /** Lower first; undefined (not yet assigned) sorts after every numbered rule. */
    readonly priority: number | undefined;
    /** The values of all its host conditions (as `paths`, `methods`: of its path and method conditions), for reasoning over patterns. */
    readonly hosts: readonly string[];
    readonly paths: readonly string[];
    readonly methods: readonly string[];
    /** Each host, path and method condition with its own values: the rule applies only when every one matches (excludingCondition). */
    readonly conditions: readonly RuleConditionValues[];
    readonly unjudged: string | undefined;
    /** Whether the rule's action forwards to a group (a fixed response or a redirect answers itself). */
    readonly forwards: boolean;
}

/**
 * A condition of a listener rule: on the request's Host, its path or its HTTP method; `source`, a
 * source-IP condition the view carries only when it takes no client of the load balancer
 * (sourceIpClients `none`): it excludes every request.
 */
export type RuleCondition = "host" | "path" | "method" | "source";

/** One host, path or method condition of a listener rule: it matches a request when one of its values does. */
export interface RuleConditionValues {
    readonly condition: RuleCondition;
    readonly values: readonly string[];
}

/** A rule's view from its host, path and method conditions (`hosts`, `paths` and `methods` gather their values). */
export function listenerRuleView<R>(rule: R, priority: number | undefined, conditions: readonly RuleConditionValues[], unjudged: string | undefined, forwards: boolean): ListenerRuleView<R> {
    const of = (c: RuleCondition) => conditions.filter((x) => x.condition === c).flatMap((x) => x.values);
    return { rule, priority, hosts: of("host"), paths: of("path"), methods: of("method"), conditions, unjudged, forwards };
}

/** A request as a listener sees it: its Host, path and HTTP method. */
export interface ListenerRequest {
    readonly host: string;
    readonly path: string;
    readonly method: string;
}

/** Which rule answers a request: a rule, the listener's default action, or a rule whose conditions the plan cannot judge. */
export type RuleAnswer<R> = { readonly kind: "rule"; readonly rule: R } | { readonly kind: "default" } | { readonly kind: "undetermined"; readonly rule: R; readonly condition: string };

/**
 * The rule that answers a request: the listener evaluates its rules in ascending priority, the
 * first whose conditions all match performs its actions, and the default action answers when none
 * does. AWS: "Rules are evaluated in priority order, from the lowest value to the highest value.
 * The default rule is evaluated last" (ELB User Guide, "Listener rules for your Application Load
 * Balancer"; aws.lb.ListenerRule `priority` 1-50000). Alibaba Cloud: "The priority of the rule.
 * Valid values: 1 to 10000. A smaller value indicates a higher priority" (alicloud.alb.Rule
 * `priority`; ALB API CreateRule Priority), requests not matching any rule take the listener's
 * default action (ALB API CreateListener DefaultActions). Host and path values take `*` and `?`
 * wildcards (wildcardMatches); methods compare exactly (both clouds' method conditions are
 * case-sensitive upper-case names). A rule ahead of the answer whose conditions cannot be judged
 * makes the answer undetermined.
 */
export function answeringRule<R>(rules: readonly ListenerRuleView<R>[], req: ListenerRequest): RuleAnswer<R> {
    const ordered = rules.map((r, i) => ({ r, i })).sort((a, b) => (a.r.priority ?? Number.MAX_SAFE_INTEGER) - (b.r.priority ?? Number.MAX_SAFE_INTEGER) || a.i - b.i);
    for (const { r } of ordered) {
        if (excludingCondition(r, req) !== undefined) continue;
        if (r.unjudged !== undefined) return { kind: "undetermined", rule: r.rule, condition: r.unjudged };
        return { kind: "rule", rule: r.rule };
    }
    return { kind: "default" };
}

/**
 * The first of a rule's host, path and method conditions (in the rule's order) that excludes a
 * request: a host condition none of whose values matches its Host (hostMatches, without case), a
 * path condition none of whose values matches its path (wildcardMatches, with case), a method
 * condition not naming its method, a source condition (one taking no client); undefined when all match (a condition the plan cannot judge,
 * `unjudged`, is not read here). A rule applies only when every condition matches, a condition
 * when one of its values does (ELB User Guide, "Listener rules", Condition types; ALB API
 * CreateRule RuleConditions).
 */
export function excludingCondition<R>(rule: ListenerRuleView<R>, req: ListenerRequest): RuleConditionValues | undefined {
    return rule.conditions.find((c) => {
        if (c.condition === "host") return !c.values.some((h) => hostMatches(h, req.host));
        if (c.condition === "path") return !c.values.some((p) => wildcardMatches(p, req.path));
        if (c.condition === "source") return true;
        return !c.values.includes(req.method);
    });
}

/** The positions of a wildcard pattern reachable without reading a character: a `*` may match nothing. */
function globClose(pattern: string, positions: readonly number[]): number[] {
    const out = new Set(positions);
    for (const i of [...out].sort((a, b) => a - b)) {
        let j = i;
        while (pattern[j] === "*") out.add(++j);
    }
    return [...out].sort((a, b) => a - b);
}

/** The positions of a wildcard pattern after reading `c` from `positions` (an NFA step: `*` stays, `?` and the same literal advance). */
function globStep(pattern: string, positions: readonly number[], c: string): number[] {
    const next = new Set<number>();
    for (const i of positions) {
        if (i >= pattern.length) continue;
        if (pattern[i] === "*") next.add(i);
        else if (pattern[i] === "?" || pattern[i] === c) next.add(i + 1);
    }
    return globClose(pattern, [...next]);
}

/** Bound on the states explored by pathWitnesses; far above what listener rules of a few short patterns reach. */
const WITNESS_STATES = 20_000;

/**
 * For every distinct way the patterns `against` can match a path of the route (a path matched by
 * one of `route`), the shortest such path: a breadth-first walk of the product of the patterns'
 * automata (each wildcard pattern read as an NFA over the characters they name, plus one character
 * none names, which stands for every other character). Two paths meeting the same `against`
 * patterns meet the same rules, so a rule that answers any path of the route answers one of these.
 */
function pathWitnesses(route: readonly string[], against: readonly string[]): string[] {
    const named = new Set([...route, ...against].flatMap((p) => [...p].filter((c) => c !== "*" && c !== "?")));
    const other = [..."xzqjkw0123456789_-~"].find((c) => !named.has(c)) ?? "\u00e9";
    const alphabet = [...named, other];
    const start = [...route, ...against].map((p) => globClose(p, [0]));
    const key = (s: readonly number[][]) => s.map((x) => x.join(",")).join("|");
    const seen = new Set([key(start)]);
    const signatures = new Set<string>();
    const out: string[] = [];
    const queue: { state: number[][]; path: string }[] = [{ state: start, path: "" }];
    const patterns = [...route, ...against];
    for (let head = 0; head < queue.length && seen.size <= WITNESS_STATES; head++) {
        const { state, path } = queue[head];
        if (route.some((p, i) => state[i].includes(p.length))) {
            const signature = against.map((p, i) => (state[route.length + i].includes(p.length) ? "1" : "0")).join("");
            if (!signatures.has(signature)) {
                signatures.add(signature);
                out.push(path);
            }
        }
        for (const c of alphabet) {
            const next = patterns.map((p, i) => globStep(p, state[i], c));
            if (route.every((_, i) => next[i].length === 0)) continue;
            const k = key(next);
            if (seen.has(k)) continue;
            seen.add(k);
            queue.push({ state: next, path: path + c });
        }
    }
    return out;
}

/** The path patterns of a listener's rules, for samplePaths. */
export function rulePatterns<R>(rules: readonly ListenerRuleView<R>[]): string[] {
    return rules.flatMap((v) => v.paths);
}

/**
 * The request paths a route stands for, chosen so that every rule's verdict on any path of the
 * route is met on one of them: each pattern with every `*` and `?` as `x` (`/order/*` ->
 * `/order/x`), then, for every other way the listener's path patterns `against` can match a path
 * of the route, the shortest such path (`/order/?` matches `/order/x` but not `/order/xx`, so
 * `/order/xx` stands for the paths it leaves; a rule on `/order/checkout` adds `/order/checkout`).
 * A rule that takes only part of a route is then met on that part (answeringRule), whichever
 * rules are ahead of it. `fallback` for a route without patterns (the default action's).
 */
export function samplePaths(patterns: readonly string[], fallback: string, against: readonly string[] = []): string[] {
    if (patterns.length === 0) return [fallback];
    const others = [...new Set(against)];
    const signature = (path: string) => others.map((p) => (wildcardMatches(p, path) ? "1" : "0")).join("");
    const out = [...new Set(patterns.map((p) => p.replace(/[*?]/g, "x")))];
    const met = new Set(out.map(signature));
    for (const path of pathWitnesses(patterns, others)) {
        const s = signature(path);
        if (met.has(s)) continue;
        met.add(s);
        out.push(path);
    }
    return out;
}

/** The items `keep` picks, or all of them when it picks none: a preference, never an empty choice. */
function prefer<T>(items: readonly T[], keep: (item: T) => boolean): readonly T[] {
    const kept = items.filter(keep);
    return kept.length > 0 ? kept : items;
}

/**
 * The rules written for a route, whichever rule the listener evaluates first (a rule ahead of them
 * that answers the route's requests is judged by the precedence hop, walk.precedenceHop, and named
 * there as the break). Of the listener's rules naming the route (its first pattern, or path values
 * whose wildcards cover every request path the patterns stand for, against every rule's patterns:
 * samplePaths, so `/order/?` does not cover `/order/*`; ELB path patterns
 * and Alibaba Cloud ALB Path conditions take `*` as any characters, wildcardMatches, so `/ws*`
 * routes `/ws` and `/ws/x` as `/ws` and `/ws/*` do), preferred in turn: those that forward (a fixed
 * response or redirect on the route's paths refuses them, it does not route them), those covering
 * every path of the route, those whose paths all belong to the route (an order rule that also
 * lists `/ws` is the order route's), those naming the route's first pattern itself (a catch-all
 * `/*` is no route's own). When none of them forwards, the rules forwarding to the route's own
 * group (`ofRoute`: walk.routeGroupTest) join them: a rule whose Path values miss the route
 * (`/Order`, `/orders`) is still the route's. Empty when no rule names the route.
 */
export function routeRules<R>(rules: readonly ListenerRuleView<R>[], patterns: readonly string[], fallback: string, ofRoute?: (v: ListenerRuleView<R>) => boolean): readonly ListenerRuleView<R>[] {
    const paths = samplePaths(patterns, fallback, rulePatterns(rules));
    const first = patterns[0];
    const literal = (v: ListenerRuleView<R>) => first !== undefined && v.paths.includes(first);
    const covers = (v: ListenerRuleView<R>) => paths.every((path) => v.paths.some((p) => wildcardMatches(p, path)));
    const own = (v: ListenerRuleView<R>) => v.paths.every((p) => paths.some((path) => wildcardMatches(p, path)));
    let named: readonly ListenerRuleView<R>[] = rules.filter((v) => literal(v) || covers(v));
    // No forwarding rule names the route (its Path values mistyped, or in another case): the rules
    // forwarding to the route's own group (`ofRoute`) are the route's, so the break names that rule
    // and its Path condition, not a refusal that still names the path, nor the listener.
    if (ofRoute !== undefined && !named.some((v) => v.forwards)) named = [...named, ...rules.filter((v) => v.forwards && ofRoute(v) && !named.includes(v))];
    for (const keep of [(v: ListenerRuleView<R>) => v.forwards, covers, own, literal]) named = prefer(named, keep);
    return named;
}

/**
 * The rule a flow walks as its route's: of the rules written for the route (routeRules, with
 * `ofRoute` the rules forwarding to the route's group), the first
 * by priority that takes a request from `host` (answeringRule), else the first of them (its hops
 * say why not); undefined when no rule names the route.
 */
export function routeRule<R>(rules: readonly ListenerRuleView<R>[], patterns: readonly string[], fallback: string, host: string, method: string, ofRoute?: (v: ListenerRuleView<R>) => boolean): R | undefined {
    const named = routeRules(rules, patterns, fallback, ofRoute);
    const taking = answeringRule(named, { host, path: samplePaths(patterns, fallback)[0] ?? fallback, method });
    return taking.kind === "default" ? named[0]?.rule : taking.rule;
}

/** One group of a forward: the group (undefined when its id names none the stack declares), the id the action gives, and its weight. */
export interface WeightedGroup<G> {
    readonly group: G | undefined;
    readonly id: unknown;
    readonly weight: number;
}

/**
 * Whether a forward splitting a route's requests by weight sends all of them where the route's go:
 * the walk follows the first group with a weight above 0 (else the first), and every other group
 * with a weight above 0 is that group or has the same targets on the same ports behind it
 * (`answers`: `<what>:<port>` pairs; then the same processes answer). ELB: the load balancer routes
 * requests to each target group of a forward by its weight (ELB User Guide, "Listener rules",
 * forward action, weighted target groups; aws.lb.ListenerRule `forward.targetGroups[].weight`,
 * 0-999, default 1 in terraform-provider-aws); Alibaba Cloud ALB ForwardGroup: by
 * `serverGroupTuples[].weight` (0-100, default 100, alicloud.alb.Rule). A group with weight 0 takes
 * nothing. `groupWord` names the cloud's group in the reason.
 */
export function weightedForwardVerdict<G extends { readonly urn: string; readonly name: string }>(all: readonly WeightedGroup<G>[], answers: (group: G) => readonly string[], groupWord: string): true | string {
    const route = all.find((x) => x.weight > 0) ?? all[0];
    if (route === undefined) return true;
    const total = all.reduce((s, x) => s + Math.max(0, x.weight), 0);
    const behind = (x: WeightedGroup<G>) => (x.group === undefined ? [] : [...answers(x.group)].sort());
    const mine = behind(route);
    const same = (x: WeightedGroup<G>) => x.group !== undefined && (x.group.urn === route.group?.urn || (mine.length > 0 && behind(x).join(" ") === mine.join(" ")));
    const astray = all.filter((x) => x !== route && x.weight > 0 && !same(x));
    if (astray.length === 0) return true;
    const name = (x: WeightedGroup<G>) => x.group?.name ?? `${String(x.id)} (no ${groupWord} the stack declares)`;
    const share = (x: WeightedGroup<G>) => (total > 0 ? `${Math.round((x.weight / total) * 100)}%` : `weight ${x.weight}`);
    return `the rule forwards ${astray.map((x) => `${share(x)} of the route's requests to ${name(x)}${behind(x).length > 0 ? ` (${behind(x).join(", ")})` : ""}`).join(", ")}, not to ${name(route)}'s targets (${mine.join(", ") || name(route)}): those requests reach another ${groupWord}'s service`;
}

/**
 * Whether a load balancer group whose `route` tag is `tag` serves `route`: the load balancer
 * components tag each group with the name of the route it serves (AWS target groups and Alibaba
 * Cloud server groups, components/<cloud>/loadbalancer.ts), which is the route's own name (ws,
 * order, api) or, where the compute tier names its routes after the services (ECS, SAE:
 * components/model SERVICE_ROUTES), the route's service's (`service`: interaction for ws,
 * components/model ROUTE_SERVICE). Any other value (another route's, none) does not.
 */
export function servesRoute(tag: unknown, route: string, service: string): boolean {
    return tag === route || tag === service;
}

/**
 * Whether the group a route's rule (or the listener's default action) forwards to is the route's:
 * the load balancer components tag each group with the route it serves (`route` tag: AWS target
 * groups and Alibaba Cloud server groups of components/<cloud>/loadbalancer.ts; walk.routeGroupTest
 * reads the same tag, both by servesRoute). A group tagged for another route (`group`) sends the route's requests to
 * that route's service, unless it has the same targets on the same ports behind it as the route's
 * group (`answers`: `<what>:<port>` pairs, as weightedForwardVerdict compares them; with compute vm
 * every group registers the same fleet on the same port, so the same processes answer). A group
 * without a `route` tag, or no group at all (the next hop names it), is left to the hops after.
 * The route's group is tagged with the route's name (`route`: ws, order, api) or its service's
 * (`service`: interaction for ws; servesRoute). `groups` are the groups the route's group is looked
 * up in; `groupWord` names the cloud's group.
 */
export function routeGroupVerdict(rule: string, group: FlowResource | undefined, route: string, service: string, groups: readonly FlowResource[], answers: (group: FlowResource) => readonly string[], groupWord: string): true | string {
    const tag = group === undefined ? undefined : at(group.inputs, "tags.route");
    const mine = (t: unknown) => servesRoute(t, route, service);
    if (group === undefined || typeof tag !== "string" || mine(tag)) return true;
    const needs = groups.find((x) => mine(at(x.inputs, "tags.route")));
    const behind = (x: FlowResource) => [...answers(x)].sort().join(", ");
    if (needs !== undefined && behind(needs) !== "" && behind(group) === behind(needs)) return true;
    const targets = behind(group) === "" ? "" : ` (${behind(group)})`;
    const wanted = needs === undefined ? `no ${groupWord} of the stack is tagged route ${route}` : `not the ${route} ${groupWord} ${needs.name}${behind(needs) === "" ? "" : ` (${behind(needs)})`}`;
    return `${rule} forwards to ${group.name} (route ${tag})${targets}, ${wanted}: ${route} requests reach the targets of route ${tag}`;
}

/**
 * Whether a rule's path rewrite leaves every request of the route on a path of the route (the
 * route's service serves the route's paths: components/model SERVICE_ROUTES, docs/METRICS.md):
 * each sample path (samplePaths) rewritten by `rewrite` must still match one of `patterns`;
 * `rewrite` returns undefined where the plan cannot tell the rewritten path (a construct not
 * evaluated here), leaving the hop undetermined (kind `unevaluated`: walk.UndeterminedKind). `what`
 * names the rewrite in the reason.
 */
export function rewriteVerdict(patterns: readonly string[], samples: readonly string[], rewrite: (path: string) => string | undefined, what: string): true | string | { readonly unknown: string; readonly kind: "unevaluated" } {
    for (const path of samples) {
        const to = rewrite(path);
        // The rewrite is a literal of the plan the analysis cannot apply: no later plan or creation settles it.
        if (to === undefined) return { unknown: what, kind: "unevaluated" };
        if (patterns.length > 0 && !patterns.some((p) => wildcardMatches(p, to))) return `${what} rewrites ${path} to ${to}, not a path of the route (${patterns.join(", ")}): the route's service never serves that request`;
    }
    return true;
}

/**
 * The rules other than `router` (the route's rule, or the listener's default action) that answer
 * some request of the route (answeringRule for every host and sample path), each with the sample
 * paths it answers. Once the precedence hop holds, each forwards to the route's group: it carries
 * those requests as the route's rule would, so its weighted groups and rewrites are judged as the
 * route's rule's are (a rule on `/order/checkout` ahead of `/order/*` that rewrites the path breaks
 * checkout alone).
 */
export function sharingRules<R>(rules: readonly ListenerRuleView<R>[], hosts: readonly string[], paths: readonly string[], method: string, router: R): { readonly rule: R; readonly paths: readonly string[] }[] {
    const out = new Map<R, string[]>();
    for (const host of hosts) {
        for (const path of paths) {
            const answer = answeringRule(rules, { host, path, method });
            if (answer.kind !== "rule" || answer.rule === router) continue;
            const seen = out.get(answer.rule) ?? [];
            if (!seen.includes(path)) seen.push(path);
            out.set(answer.rule, seen);
        }
    }
    return [...out].map(([rule, answered]) => ({ rule, paths: answered }));
}
