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

/** Whether a security group rule's ports (fromPort/toPort, or protocol -1 = all) include `port`. */
export function portInRange(port: number, rule: Record<string, unknown>): boolean {
    if (rule.ipProtocol === "-1") return true;
    const from = num(rule.fromPort);
    const to = num(rule.toPort);
    return from !== undefined && to !== undefined && from <= port && port <= to;
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

