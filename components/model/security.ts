// Which tier may talk to which, on which port: one cloud-neutral table both clouds translate.

import { NODE_PORT_RANGE } from "./flows";
import { SERVICE_DATA_ACCESS } from "./kubernetes-addons";
import { ServiceName, StackSpec } from "./types";

export const SECURITY_ROLES = ["lb", "app", "data"] as const;
/** lb: the internet-facing load balancer; app: app servers and Kubernetes nodes; data: databases, caches, queues. */
export type SecurityRole = (typeof SECURITY_ROLES)[number];

/** TCP ports of the data tier. */
export const DATA_PORTS = {
    mysql: 3306,
    redis: 6379,
    kafka: { from: 9092, to: 9094 },
} as const;

export const SSH_PORT = 22;
export const ANYWHERE = "0.0.0.0/0";

export type RuleSource = { readonly kind: "cidr"; readonly cidr: string } | { readonly kind: "role"; readonly role: SecurityRole };

export interface IngressRule {
    readonly role: SecurityRole;
    readonly fromPort: number;
    readonly toPort: number;
    readonly source: RuleSource;
    readonly description: string;
}

/**
 * Ingress rules of the three security groups. Only the load balancer is reachable from the
 * internet (HTTPS, and HTTP which only redirects); SSH is opened solely to `adminCidrs`; the data
 * tier only to the app tier, and Kafka only when the stack has a queue.
 */
export function ingressRules(spec: Pick<StackSpec, "adminCidrs" | "appPort" | "kubernetes" | "queue">): IngressRule[] {
    const fromLb: RuleSource = { kind: "role", role: "lb" };
    const fromApp: RuleSource = { kind: "role", role: "app" };
    const rules: IngressRule[] = [
        { role: "lb", fromPort: 443, toPort: 443, source: { kind: "cidr", cidr: ANYWHERE }, description: "HTTPS from viewers" },
        { role: "lb", fromPort: 80, toPort: 80, source: { kind: "cidr", cidr: ANYWHERE }, description: "HTTP, redirected to HTTPS" },
        { role: "app", fromPort: spec.appPort, toPort: spec.appPort, source: fromLb, description: "app traffic from the load balancer" },
        ...spec.adminCidrs.map(
            (cidr): IngressRule => ({ role: "app", fromPort: SSH_PORT, toPort: SSH_PORT, source: { kind: "cidr", cidr }, description: `SSH from operators ${cidr}` }),
        ),
        { role: "data", fromPort: DATA_PORTS.mysql, toPort: DATA_PORTS.mysql, source: fromApp, description: "MySQL from the app tier" },
        { role: "data", fromPort: DATA_PORTS.redis, toPort: DATA_PORTS.redis, source: fromApp, description: "Redis from the app tier" },
    ];
    if (spec.kubernetes.enabled) {
        rules.push({ role: "app", fromPort: NODE_PORT_RANGE.from, toPort: NODE_PORT_RANGE.to, source: fromLb, description: "service node ports from the load balancer" });
    }
    if (spec.queue.enabled) {
        rules.push({ role: "data", fromPort: DATA_PORTS.kafka.from, toPort: DATA_PORTS.kafka.to, source: fromApp, description: "Kafka from the app tier" });
    }
    return rules;
}

/**
 * The business services that publish to the queue: order (the `orders` topic) and interaction
 * (`interactions`: likes and comments), the two topics of the presets (`queue.topics`); user and
 * product publish nothing.
 */
export const SERVICE_QUEUE_ACCESS: Readonly<Record<ServiceName, boolean>> = { user: false, product: false, order: true, interaction: true };

/** A TCP port range of the data tier one business service may reach. */
export interface ServiceDataRule {
    readonly fromPort: number;
    readonly toPort: number;
    /** What the range serves, "MySQL from the order service". */
    readonly description: string;
}

/**
 * The data-tier ports one business service may reach when it runs in a security group of its own
 * (compute serverless on AWS): MySQL when it uses the database and Redis when it uses the cache
 * (SERVICE_DATA_ACCESS), Kafka when the stack has a queue and the service publishes to it
 * (SERVICE_QUEUE_ACCESS). The data tier's security group admits each service's group on exactly
 * these: the interaction service reaches no MySQL.
 */
export function serviceDataRules(spec: Pick<StackSpec, "queue">, service: ServiceName): ServiceDataRule[] {
    const access = SERVICE_DATA_ACCESS[service];
    return [
        ...(access.database ? [{ fromPort: DATA_PORTS.mysql, toPort: DATA_PORTS.mysql, description: `MySQL from the ${service} service` }] : []),
        ...(access.cache ? [{ fromPort: DATA_PORTS.redis, toPort: DATA_PORTS.redis, description: `Redis from the ${service} service` }] : []),
        ...(spec.queue.enabled && SERVICE_QUEUE_ACCESS[service] ? [{ fromPort: DATA_PORTS.kafka.from, toPort: DATA_PORTS.kafka.to, description: `Kafka from the ${service} service` }] : []),
    ];
}

/** Alibaba Cloud port range syntax "from/to". */
export function portRange(rule: Pick<IngressRule, "fromPort" | "toPort">): string {
    return `${rule.fromPort}/${rule.toPort}`;
}

/** A CIDR as a resource-name fragment: "10.10.0.0/20" -> "10-10-0-0-20". */
export function cidrLabel(cidr: string): string {
    return cidr.replace(/[./]/g, "-");
}
