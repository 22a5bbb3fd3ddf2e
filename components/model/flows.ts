// The live-commerce flows: what a viewer, a host or an operator needs to go end to end, hop by
// hop. One table drives the flow analysis of a plan (policies/flows) and the README section
// "What flows where" (tools/flows-doc.ts); each cloud lists the hops of every flow in its own
// folder (components/<cloud>/flows.ts, FLOW_HOPS).

export const FLOW_KEYS = ["viewer", "interaction", "order", "hot-products", "stream", "scaling", "alarm"] as const;
export type FlowKey = (typeof FLOW_KEYS)[number];

export interface FlowDefinition {
    readonly key: FlowKey;
    readonly name: string;
    /** Who starts it and what it carries. */
    readonly description: string;
    /** The 99.99% availability target applies to it (the seed's watching, interacting, ordering). */
    readonly availabilityTarget: boolean;
}

/** The ALB route (components/model/loadbalancer.ts ROUTES) each request flow takes. */
export const FLOW_ROUTE = { viewer: "api", interaction: "ws", order: "order", "hot-products": "api" } as const;

/**
 * The HTTP methods each request flow sends through the edge: a viewer opening the shop reads
 * (GET), an order is a POST, a WebSocket opens with a GET upgrade request (RFC 6455 section 4.1),
 * hot products are read with GET. (A CloudFront origin group, mature's failover, serves only GET,
 * HEAD and OPTIONS: there orders and API writes use api.<domain>, resolved to the load balancers.) A CDN behaviour that
 * does not allow one of them answers it 403 (CloudFront Developer Guide, "Cache behavior
 * settings", Allowed HTTP methods).
 */
export const FLOW_METHODS: Readonly<Record<keyof typeof FLOW_ROUTE, readonly string[]>> = { viewer: ["GET"], interaction: ["GET"], order: ["POST"], "hot-products": ["GET"] };

/** The HTTP method a route's requests carry to the load balancer: the method its flow sends (FLOW_METHODS via FLOW_ROUTE: orders are posted, the API read, the WebSocket opened with a GET). */
export const ROUTE_METHOD: Readonly<Record<(typeof FLOW_ROUTE)[keyof typeof FLOW_ROUTE], string>> = { api: "GET", ws: "GET", order: "POST" };

/** The methods of `needed` that `allowed` does not list (case-insensitive), in `needed`'s order. */
export function methodsNotAllowed(allowed: readonly string[], needed: readonly string[]): string[] {
    const ok = new Set(allowed.map((m) => m.toUpperCase()));
    return needed.filter((m) => !ok.has(m.toUpperCase()));
}

/**
 * The Kubernetes service (SERVICE_NAMES) that answers each route in the stages with Kubernetes;
 * in startup the app tier's scaling group answers every route.
 */
export const ROUTE_SERVICE = { api: "product", ws: "interaction", order: "order" } as const;

/**
 * The NodePort each routed service is exposed on in the stages with Kubernetes: the load balancer
 * registers the nodes of every zone on it (AWS: the node groups' Auto Scaling groups attached to
 * the target group; Alibaba Cloud: the node pools' scaling groups attached to the server group),
 * and kube-proxy forwards to the service's pods. Inside the default NodePort range 30000-32767
 * (kube-apiserver `--service-node-port-range`; Kubernetes docs, "Service: type NodePort").
 */
export const ROUTE_NODE_PORTS = { api: 30080, ws: 30081, order: 30082 } as const;

/** The first and last node port the load balancer reaches (security group rules open exactly this range). */
export const NODE_PORT_RANGE = { from: Math.min(...Object.values(ROUTE_NODE_PORTS)), to: Math.max(...Object.values(ROUTE_NODE_PORTS)) } as const;

/** The node port of a service the load balancer routes to, or undefined (a ClusterIP service only). */
export function serviceNodePort(service: string): number | undefined {
    const route = (Object.keys(ROUTE_SERVICE) as (keyof typeof ROUTE_SERVICE)[]).find((r) => ROUTE_SERVICE[r] === service);
    return route === undefined ? undefined : ROUTE_NODE_PORTS[route];
}

/** The Kafka topic the order service publishes each order to (presets COMMON.queueTopics creates it). */
export const ORDERS_TOPIC = "orders";

export const FLOWS: readonly FlowDefinition[] = [
    {
        key: "viewer",
        name: "viewer web and API",
        description: "a viewer opens the shop: CDN, the region's load balancer, the app that answers /api",
        availabilityTarget: true,
    },
    {
        key: "interaction",
        name: "WebSocket interaction",
        description: "likes and comments over a WebSocket on /ws",
        availabilityTarget: true,
    },
    {
        key: "order",
        name: "placing an order",
        description: "an order on /order: written to the database writer (the primary region's in mature) and published to Kafka",
        availabilityTarget: true,
    },
    {
        key: "hot-products",
        name: "reading hot products (cache)",
        description: "product pages read from the cache",
        availabilityTarget: false,
    },
    {
        key: "stream",
        name: "host pushes a stream",
        description: "the host's encoder pushes RTMP/SRT; viewers play 1080p/720p/480p; the show is recorded to the encrypted bucket",
        availabilityTarget: false,
    },
    {
        key: "scaling",
        name: "scaling signal",
        description: "a metric the platform publishes reaches the rule that scales the app: the VM group's alarm, the HPAs, the ECS services' alarms, the SAE rules",
        availabilityTarget: false,
    },
    {
        key: "alarm",
        name: "alarm reaching a person",
        description: "a critical alarm notifies the on-call contacts; every level's topic / contact group that an alarm notifies (warning, critical, fatal) reaches a person; on the serverless tier, one critical alarm for every service",
        availabilityTarget: false,
    },
];

/**
 * Regions where ApsaraVideo Live runs (its API endpoints): live domains must be created in one.
 * Source: ApsaraVideo Live API reference, "Endpoints" (https://www.alibabacloud.com/help/doc-detail/50283.htm):
 * China (Shanghai, Beijing, Shenzhen, Qingdao), Japan (Tokyo), India (Mumbai), Indonesia (Jakarta),
 * Singapore, Germany (Frankfurt).
 */
export const LIVE_REGIONS: readonly string[] = ["cn-shanghai", "cn-beijing", "cn-shenzhen", "cn-qingdao", "ap-northeast-1", "ap-south-1", "ap-southeast-5", "ap-southeast-1", "eu-central-1"];

/**
 * The Live region that serves a stack region: the region itself when Live runs there, else the
 * nearest Live region (same country or metro area). null when none is close.
 */
export function liveRegionFor(region: string): string | null {
    if (LIVE_REGIONS.includes(region)) return region;
    return NEAREST_LIVE_REGION[region] ?? null;
}

const NEAREST_LIVE_REGION: Readonly<Record<string, string>> = {
    "cn-hangzhou": "cn-shanghai",
    "cn-zhangjiakou": "cn-beijing",
    "cn-huhehaote": "cn-beijing",
    "cn-wulanchabu": "cn-beijing",
    "cn-guangzhou": "cn-shenzhen",
    "cn-heyuan": "cn-shenzhen",
    "cn-chengdu": "cn-shenzhen",
    "cn-hongkong": "ap-southeast-1",
    "ap-southeast-3": "ap-southeast-1",
};

export function flowDefinition(key: FlowKey): FlowDefinition {
    const f = FLOWS.find((d) => d.key === key);
    if (f === undefined) throw new Error(`no flow ${key}`);
    return f;
}
