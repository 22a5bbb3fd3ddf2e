// The Kubernetes tier's add-ons that carry the scaling signal and grow the nodes, written once for
// EKS and ACK: Prometheus scrapes each pod's connection count, prometheus-adapter serves it as the
// custom metric the HorizontalPodAutoscalers read, a cluster autoscaler adds nodes for Pending pods,
// and every component that calls a cloud API has its own service account and role. Pure: chart
// pins, Helm values and policy documents; the components declare what these functions return.

import { HTTP_PORT_NAME, NAMESPACE, POD_CONNECTIONS_METRIC, SERVICE_RESOURCES } from "./kubernetes";
import { SERVICE_NAMES, ServiceName, StackSpec } from "./types";

/** A Helm chart pinned to one version of its repository. */
export interface HelmChart {
    readonly chart: string;
    readonly version: string;
    readonly repo: string;
}

const PROMETHEUS_COMMUNITY = "https://prometheus-community.github.io/helm-charts";

/**
 * Prometheus (server only), chart `prometheus` 27.19.0 of prometheus-community/helm-charts
 * (charts/prometheus/Chart.yaml: version 27.19.0, appVersion v3.4.1).
 */
export const PROMETHEUS_CHART: HelmChart = { chart: "prometheus", version: "27.19.0", repo: PROMETHEUS_COMMUNITY };

/**
 * kubernetes-sigs prometheus-adapter, chart `prometheus-adapter` 4.14.1 of
 * prometheus-community/helm-charts (adapter v0.12.0 since the chart's "bump adapter to 0.12.0",
 * prometheus-community/helm-charts#4569).
 */
export const PROMETHEUS_ADAPTER_CHART: HelmChart = { chart: "prometheus-adapter", version: "4.14.1", repo: PROMETHEUS_COMMUNITY };

/** Namespace of the metric pipeline (Prometheus and prometheus-adapter). */
export const METRICS_NAMESPACE = "live-commerce-metrics";
/**
 * Helm release name of Prometheus. The chart's fullname is the release name when it contains the
 * chart name, and the server's objects are `<fullname>-server` (charts/prometheus/templates/_helpers.tpl
 * `prometheus.fullname`, `prometheus.server.fullname`), so the server Service is `prometheus-server`
 * on `server.service.servicePort` 80 (chart default).
 */
export const PROMETHEUS_RELEASE = "prometheus";
export const PROMETHEUS_SERVER_SERVICE = "prometheus-server";
export const PROMETHEUS_SERVER_PORT = 80;
/** The adapter's query endpoint: Prometheus's server Service inside the cluster. */
export const PROMETHEUS_URL = `http://${PROMETHEUS_SERVER_SERVICE}.${METRICS_NAMESPACE}.svc`;

/**
 * Series every service container exposes at METRICS_PATH on its `http` port (Prometheus text
 * format, a gauge): its established TCP connections to the app port, the same count as the app
 * servers' `ConnectionsPerInstance` (docs/METRICS.md). The adapter serves it as POD_CONNECTIONS_METRIC.
 */
export const POD_CONNECTIONS_SERIES = "live_commerce_app_connections";
export const METRICS_PATH = "/metrics";
/** Name of the one scrape job: the live-commerce pods' `http` ports. */
export const SCRAPE_JOB = "live-commerce-pods";
/** Seconds between scrapes: a change of load reaches the HPA (15 s sync) within a scrape plus the adapter's query. */
export const SCRAPE_INTERVAL_SECONDS = 15;

/** A Prometheus relabel rule (Prometheus configuration, `<relabel_config>`). */
export interface RelabelConfig {
    readonly source_labels: readonly string[];
    readonly action: "keep" | "replace";
    readonly regex?: string;
    readonly target_label?: string;
}

export interface ScrapeConfig {
    readonly job_name: string;
    readonly scrape_interval: string;
    readonly metrics_path: string;
    readonly kubernetes_sd_configs: readonly { readonly role: "pod"; readonly namespaces: { readonly names: readonly string[] } }[];
    readonly relabel_configs: readonly RelabelConfig[];
}

/**
 * The scrape job of the live-commerce pods: pod discovery in NAMESPACE (Prometheus configuration,
 * `<kubernetes_sd_config>` role `pod`: one target per declared container port, with the meta labels
 * `__meta_kubernetes_namespace`, `__meta_kubernetes_pod_name`,
 * `__meta_kubernetes_pod_container_port_name` and `__meta_kubernetes_pod_label_<labelname>`, any
 * character not allowed in a label name becoming `_`), kept when the pod is part of live-commerce
 * and the port is the `http` port; `namespace` and `pod` labels, which the adapter's rule maps to
 * the Kubernetes resources.
 */
export function podScrapeConfig(): ScrapeConfig {
    return {
        job_name: SCRAPE_JOB,
        scrape_interval: `${SCRAPE_INTERVAL_SECONDS}s`,
        metrics_path: METRICS_PATH,
        kubernetes_sd_configs: [{ role: "pod", namespaces: { names: [NAMESPACE] } }],
        relabel_configs: [
            { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_part_of"], action: "keep", regex: NAMESPACE },
            { source_labels: ["__meta_kubernetes_pod_container_port_name"], action: "keep", regex: HTTP_PORT_NAME },
            { source_labels: ["__meta_kubernetes_namespace"], action: "replace", target_label: "namespace" },
            { source_labels: ["__meta_kubernetes_pod_name"], action: "replace", target_label: "pod" },
        ],
    };
}

/**
 * Helm values of the Prometheus chart: the server only (alertmanager, kube-state-metrics,
 * node-exporter and pushgateway off: the chart's `<subchart>.enabled` conditions in Chart.yaml and
 * `alertmanager.enabled`), the one scrape job replacing the chart's defaults
 * (`serverFiles."prometheus.yml".scrape_configs`), and a short retention on an emptyDir
 * (`server.persistentVolume.enabled: false`): the series feeds the autoscalers, which read the last
 * minutes only; a restarted server refills within one scrape.
 */
export function prometheusValues(): Record<string, unknown> {
    return {
        alertmanager: { enabled: false },
        "kube-state-metrics": { enabled: false },
        "prometheus-node-exporter": { enabled: false },
        "prometheus-pushgateway": { enabled: false },
        server: {
            retention: "1d",
            persistentVolume: { enabled: false },
            resources: { requests: PROMETHEUS_SERVER_REQUESTS, limits: { cpu: "1", memory: "1Gi" } },
        },
        serverFiles: { "prometheus.yml": { scrape_configs: [podScrapeConfig()] } },
    };
}

/** A prometheus-adapter discovery rule (kubernetes-sigs/prometheus-adapter docs/config.md). */
export interface AdapterRule {
    readonly seriesQuery: string;
    readonly resources: { readonly overrides: Readonly<Record<string, { readonly resource: string }>> };
    readonly name: { readonly matches: string; readonly as: string };
    readonly metricsQuery: string;
}

/**
 * The adapter rule that serves POD_CONNECTIONS_SERIES as the per-pod custom metric
 * POD_CONNECTIONS_METRIC (kubernetes-sigs/prometheus-adapter docs/config.md: `seriesQuery` discovers
 * the series, `resources.overrides` maps the `namespace` and `pod` labels to those resources,
 * `name.matches`/`name.as` rename it, `metricsQuery` aggregates per pod by `<<.GroupBy>>`).
 */
export function connectionsAdapterRule(): AdapterRule {
    return {
        seriesQuery: `${POD_CONNECTIONS_SERIES}{namespace!="",pod!=""}`,
        resources: { overrides: { namespace: { resource: "namespace" }, pod: { resource: "pod" } } },
        name: { matches: `^${POD_CONNECTIONS_SERIES}$`, as: POD_CONNECTIONS_METRIC },
        metricsQuery: "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)",
    };
}

/** Adapter replicas: the custom metrics API stays served while one pod restarts or its node drains. */
export const ADAPTER_REPLICAS = 2;

/**
 * Helm values of prometheus-adapter: the Prometheus server to query (`prometheus.url`,
 * `prometheus.port`), no default rules (`rules.default: false`) and the one custom rule
 * (`rules.custom`), which makes the chart register the custom.metrics.k8s.io APIService. Resource
 * metrics stay with metrics-server (no `rules.resource`).
 */
export function adapterValues(): Record<string, unknown> {
    return {
        prometheus: { url: PROMETHEUS_URL, port: PROMETHEUS_SERVER_PORT },
        replicas: ADAPTER_REPLICAS,
        rules: { default: false, custom: [connectionsAdapterRule()] },
        resources: { requests: ADAPTER_REQUESTS, limits: { cpu: "500m", memory: "256Mi" } },
    };
}

/** Requests of the Prometheus server pod (one replica), Kubernetes quantities. */
export const PROMETHEUS_SERVER_REQUESTS = { cpu: "250m", memory: "512Mi" } as const;
/** Requests of one prometheus-adapter pod (ADAPTER_REPLICAS of them), Kubernetes quantities. */
export const ADAPTER_REQUESTS = { cpu: "100m", memory: "128Mi" } as const;

/**
 * The system pods whose requests the blueprint sets, with their replicas: they take node room
 * before any service pod (node pool headroom, components/model/timetopeak.ts). The cluster
 * autoscaler, metrics-server and the DaemonSets (CNI, kube-proxy) keep their charts' or the
 * managed add-ons' own requests, which the plan does not set; they fall within the 30 % of each
 * node that MAX_POD_SHARE_OF_NODE leaves to the system.
 */
export const ADDON_POD_REQUESTS: readonly { readonly what: string; readonly replicas: number; readonly requests: { readonly cpu: string; readonly memory: string } }[] = [
    { what: "prometheus-server", replicas: 1, requests: PROMETHEUS_SERVER_REQUESTS },
    { what: "prometheus-adapter", replicas: ADAPTER_REPLICAS, requests: ADAPTER_REQUESTS },
];

/** The summed requests of ADDON_POD_REQUESTS in cores or GiB. */
export function addonRequests(what: "cpu" | "memory"): number {
    return ADDON_POD_REQUESTS.reduce((sum, a) => sum + a.replicas * ((what === "cpu" ? cpuCores(a.requests.cpu) : memoryGiB(a.requests.memory)) ?? 0), 0);
}

/**
 * How the cluster autoscaler of either cloud adds and removes nodes (the same numbers on EKS's
 * cluster-autoscaler flags and ACK's AutoscalingConfig): a node is removed after it stayed below
 * half its allocatable requests for 10 minutes (both defaults: kubernetes/autoscaler FAQ "What are
 * the parameters to CA?" `scale-down-unneeded-time` 10m, `scale-down-utilization-threshold` 0.5;
 * alicloud_cs_autoscaling_config `unneeded_duration` 10m, `utilization_threshold` 0.5), zones are
 * kept even (`balance-similar-node-groups`; ACK balances zones of one pool configuration itself),
 * and the pool that wastes least is grown (`least-waste`, an expander both accept).
 */
export const NODE_AUTOSCALING = {
    scaleDownUnneededMinutes: 10,
    scaleDownUtilizationThreshold: 0.5,
    expander: "least-waste",
} as const;

/** A Kubernetes service account, by namespace and name. */
export interface ServiceAccountRef {
    readonly namespace: string;
    readonly name: string;
}

/** The service account of a business service: one per service, named after it, in NAMESPACE. */
export function serviceAccountOf(service: ServiceName): ServiceAccountRef {
    return { namespace: NAMESPACE, name: service };
}

/** The OIDC `sub` of a service account's token: `system:serviceaccount:<namespace>:<name>`. */
export function serviceAccountSubject(account: ServiceAccountRef): string {
    return `system:serviceaccount:${account.namespace}:${account.name}`;
}

/**
 * Share of a node's capacity one pod may request so that the autoscaler's new node can hold it: the
 * OS, kubelet and system daemons take the rest (ACK, "FAQ about node auto scaling": "a pod's total
 * resource requests should not exceed 70% of the node's capacity"; the same reserve holds for EKS
 * nodes, whose allocatable is the instance less the kubelet and system reservations).
 */
export const MAX_POD_SHARE_OF_NODE = 0.7;

/** CPU cores of a Kubernetes quantity ("250m", "1", "1.5"), or null when it is not one. */
export function cpuCores(quantity: string): number | null {
    const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(quantity);
    return m === null ? null : Number(m[1]) / (m[2] === "m" ? 1000 : 1);
}

/** GiB of a Kubernetes memory quantity with a binary suffix ("512Mi", "1Gi"), or null. */
export function memoryGiB(quantity: string): number | null {
    const m = /^(\d+(?:\.\d+)?)(Mi|Gi)$/.exec(quantity);
    return m === null ? null : Number(m[1]) / (m[2] === "Mi" ? 1024 : 1);
}

/**
 * Every service's pod fits on one node of `kubernetes.nodeSize` with the system reserve left
 * (MAX_POD_SHARE_OF_NODE): a Pending pod that fits no node of any pool makes no autoscaler add one
 * (kubernetes/autoscaler FAQ: scale-up happens when "a pod ... could be scheduled" on a new node of
 * a group). An issue names `kubernetes.nodeSize`, the service and its request.
 */
export function checkPodsFitNodes(spec: Pick<StackSpec, "kubernetes">): string[] {
    const k = spec.kubernetes;
    if (!k.enabled) return [];
    const cpu = k.nodeSize.vcpu * MAX_POD_SHARE_OF_NODE;
    const memory = k.nodeSize.memoryGiB * MAX_POD_SHARE_OF_NODE;
    return SERVICE_NAMES.flatMap((service) => {
        const r = SERVICE_RESOURCES[service].requests;
        const fits = (cpuCores(r.cpu) ?? Infinity) <= cpu && (memoryGiB(r.memory) ?? Infinity) <= memory;
        return fits
            ? []
            : [`kubernetes.nodeSize: ${k.nodeSize.vcpu} vCPU / ${k.nodeSize.memoryGiB} GiB cannot hold the ${service} pod (requests ${r.cpu} CPU, ${r.memory}); allowed: a node whose ${MAX_POD_SHARE_OF_NODE * 100} % covers every pod's requests`];
    });
}

/** The data stores a business service uses: its credentials hold these and no others. */
export interface DataAccess {
    readonly database: boolean;
    readonly cache: boolean;
}

/**
 * Which service uses which store: user (accounts, sessions), product (catalogue, hot products) and
 * order (orders) read and write the database; interaction (likes, comments, WebSocket push) works
 * on the cache and the queue only, so it holds no database credential. Every service uses the cache.
 */
export const SERVICE_DATA_ACCESS: Readonly<Record<ServiceName, DataAccess>> = {
    user: { database: true, cache: true },
    product: { database: true, cache: true },
    order: { database: true, cache: true },
    interaction: { database: false, cache: true },
};

/** A credential a business service may be given: the database's (user and password) or the cache's AUTH token. */
export type ServiceCredential = keyof DataAccess;

/** Every credential, in the order a container lists them. */
export const SERVICE_CREDENTIALS: readonly ServiceCredential[] = ["database", "cache"];

/**
 * The credentials `service` is given and may read, in SERVICE_CREDENTIALS order (SERVICE_DATA_ACCESS):
 * the Kubernetes tier's per-service Secret and IRSA role and the serverless tier's per-service
 * execution role and container secrets both hold exactly these. The queue (MSK with TLS, no client
 * authentication; Kafka on Alibaba Cloud in the VPC) takes no credential.
 */
export function serviceCredentials(service: ServiceName): ServiceCredential[] {
    return SERVICE_CREDENTIALS.filter((c) => SERVICE_DATA_ACCESS[service][c]);
}

/**
 * How a pod takes a cloud role with a projected service account token (web identity federation):
 * the volume and where it is mounted, the token's audience and lifetime, and the environment
 * variables the cloud's SDKs read the role and the token file from. Each cloud gives its values.
 */
export interface WebIdentityToken {
    readonly volume: string;
    readonly directory: string;
    readonly path: string;
    readonly audience: string;
    readonly expirationSeconds: number;
    readonly roleEnv: string;
    readonly tokenFileEnv: string;
}

/** Environment variables of the credentials a service's Secret holds. */
export const DATABASE_PASSWORD_ENV = "DATABASE_PASSWORD";
export const REDIS_PASSWORD_ENV = "REDIS_PASSWORD";

/**
 * The credential environment variables a business service is given, in this order: the database
 * password when it uses the database, the cache password when it uses the cache (SERVICE_DATA_ACCESS).
 * Every tier gives a service exactly these (the Kubernetes Secret, the SAE ConfigMap of the
 * application) and the flows check each service holds these and no others.
 */
export function serviceCredentialEnvs(service: ServiceName): readonly string[] {
    const access = SERVICE_DATA_ACCESS[service];
    return [...(access.database ? [DATABASE_PASSWORD_ENV] : []), ...(access.cache ? [REDIS_PASSWORD_ENV] : [])];
}

/** Environment variable that names the database secret for services that read it with their own identity. */
export const DATABASE_SECRET_ENV = "DATABASE_SECRET_ARN";

/**
 * Whether raised pod floors (`floors`, per service, podFloors of an event's app floor) fit the most
 * the node pools of one region can hold: maxNodesPerZone x `zones` nodes of nodeSize, of which pods
 * may request MAX_POD_SHARE_OF_NODE, minus the system pods (addonRequests), by CPU and by memory.
 * Returns "" when they fit, else what is short ("CPU 52.1 of 44.8 vCPU requested (maxNodesPerZone 4
 * x 2 zones x 8 vCPU)"): the cluster autoscaler cannot add the nodes, and the floor's pods stay
 * Pending.
 */
export function podFloorsShortfall(spec: Pick<StackSpec, "kubernetes">, zones: number, floors: Readonly<Record<ServiceName, number>>): string {
    const k = spec.kubernetes;
    const nodes = k.maxNodesPerZone * Math.max(1, zones);
    const short = (what: "cpu" | "memory"): string => {
        const requested = addonRequests(what) + SERVICE_NAMES.reduce((sum, s) => {
            const q = SERVICE_RESOURCES[s].requests[what];
            return sum + ((what === "cpu" ? cpuCores(q) : memoryGiB(q)) ?? 0) * floors[s];
        }, 0);
        const per = what === "cpu" ? k.nodeSize.vcpu : k.nodeSize.memoryGiB;
        const room = per * MAX_POD_SHARE_OF_NODE * nodes;
        const unit = what === "cpu" ? "vCPU" : "GiB";
        return requested > room + 1e-9
            ? `${what === "cpu" ? "CPU" : "memory"} ${requested.toFixed(1)} of ${room.toFixed(1)} ${unit} requested (maxNodesPerZone ${k.maxNodesPerZone} x ${Math.max(1, zones)} zones x ${per} ${unit}, ${Math.round(MAX_POD_SHARE_OF_NODE * 100)}% for pods)`
            : "";
    };
    return [short("cpu"), short("memory")].filter((x) => x !== "").join("; ");
}
