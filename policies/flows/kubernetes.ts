// The Kubernetes tier's scaling signal, shared by EKS and ACK: each HorizontalPodAutoscaler scales a
// Deployment on pod CPU (metrics-server, resource metrics API) and, for the connection-holding
// services, on the pods' connection count (Prometheus scrapes it, prometheus-adapter serves it as a
// custom metric); Pending pods then reach a cluster autoscaler that grows the node groups.

import { isRecord, list, num, str } from "../lib/values";
import { FlowGraph, FlowResource, at, strings } from "./graph";
import { Verdict, Walk, undetermined } from "./walk";

const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const SECRET = "kubernetes:core/v1:Secret";
const CONFIG_MAP = "kubernetes:core/v1:ConfigMap";
const SERVICE = "kubernetes:core/v1:Service";
export const RELEASE = "kubernetes:helm.sh/v3:Release";

/** Where the cluster's resource metrics come from: the resource that provides metrics-server and its verdict. */
export interface MetricsServer {
    readonly resource: FlowResource;
    readonly check: string;
    readonly verdict: Verdict;
}

/** The cloud's part of the walk: Pending pods reach its cluster autoscaler, which may grow the node groups. */
export type NodeAutoscaling = (w: Walk) => void;

/** Whether an HPA metric is the pod CPU utilization of the resource metrics API (autoscaling/v2 `type: Resource`, `resource.name: cpu`). */
function readsPodCpu(metric: unknown): boolean {
    return isRecord(metric) && metric.type === "Resource" && at(metric, "resource.name") === "cpu" && at(metric, "resource.target.type") === "Utilization";
}

/** The Helm releases of a chart in a region (helm.v3.Release `chart`). */
export function releasesOf(g: FlowGraph, region: string, chart: string): FlowResource[] {
    return g.ofType(RELEASE, region).filter((r) => r.inputs.chart === chart);
}

/** A Prometheus regex matches the whole value (Prometheus configuration, `<relabel_config>`: regexes are fully anchored). */
function fullMatch(regex: string, value: string): boolean {
    try {
        return new RegExp(`^(?:${regex})$`).test(value);
    } catch {
        return false;
    }
}

/** `__meta_kubernetes_pod_label_<name>`: a label name with every character outside [a-zA-Z0-9_] as `_` (Prometheus kubernetes_sd_config). */
function podLabelMeta(label: string): string {
    return `__meta_kubernetes_pod_label_${label.replace(/[^a-zA-Z0-9_]/g, "_")}`;
}

/**
 * Whether a Prometheus scrape job of role `pod` keeps a target of the Deployment's pods, and labels
 * it with `namespace` and `pod` (what the adapter's rule maps to the Kubernetes resources). Evaluates
 * the job's `keep` rules against the meta labels a pod target of the Deployment carries, one target
 * per container port (Prometheus configuration, `<kubernetes_sd_config>` role pod).
 */
export function scrapesDeployment(job: unknown, deployment: FlowResource): string | true {
    if (!isRecord(job)) return "not a scrape job";
    const sd = list(job.kubernetes_sd_configs).filter(isRecord).find((c) => c.role === "pod");
    if (sd === undefined) return `job ${String(job.job_name)} discovers no pods (kubernetes_sd_configs role pod)`;
    const namespace = str(at(deployment.inputs, "metadata.namespace")) ?? "";
    const names = strings(at(sd, "namespaces.names"));
    if (names.length > 0 && !names.includes(namespace)) return `job ${String(job.job_name)} discovers pods in ${names.join(", ")}, not ${namespace}`;
    const labels = at(deployment.inputs, "spec.template.metadata.labels");
    const meta: Record<string, string> = { __meta_kubernetes_namespace: namespace };
    if (isRecord(labels)) for (const [k, v] of Object.entries(labels)) if (typeof v === "string") meta[podLabelMeta(k)] = v;
    const ports = list(at(deployment.inputs, "spec.template.spec.containers")).filter(isRecord).flatMap((c) => list(c.ports).filter(isRecord));
    const rules = list(job.relabel_configs).filter(isRecord);
    const kept = ports.filter((port) => {
        const target: Record<string, string> = { ...meta, __meta_kubernetes_pod_container_port_name: String(port.name ?? ""), __meta_kubernetes_pod_container_port_number: String(port.containerPort ?? "") };
        return rules
            .filter((r) => r.action === "keep")
            .every((r) => fullMatch(str(r.regex) ?? "(.*)", strings(r.source_labels).map((l) => target[l] ?? "").join(str(r.separator) ?? ";")));
    });
    if (kept.length === 0) return `job ${String(job.job_name)} keeps no port of ${deployment.name}'s pods`;
    const sets = (label: string, from: string) => rules.some((r) => (r.action === undefined || r.action === "replace") && r.target_label === label && strings(r.source_labels).join() === from);
    if (!sets("namespace", "__meta_kubernetes_namespace") || !sets("pod", "__meta_kubernetes_pod_name")) return `job ${String(job.job_name)} does not label its targets with namespace and pod`;
    return true;
}

/**
 * The fullname of a Prometheus chart release: `fullnameOverride`, else the release name when it
 * contains the chart name, else `<release>-prometheus` (charts/prometheus templates/_helpers.tpl
 * `prometheus.fullname`); its server Service is `<fullname>-server`.
 */
function prometheusFullname(release: FlowResource): string {
    const override = str(at(release.inputs, "values.fullnameOverride"));
    if (override !== undefined && override !== "") return override;
    const name = str(release.inputs.name) ?? "";
    return name.includes("prometheus") ? name : `${name}-prometheus`;
}

/** The series name a prometheus-adapter `seriesQuery` selects (`name{...}` or `{__name__="name",...}`), or null. */
function seriesOf(query: string): string | null {
    const plain = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\{|$)/.exec(query);
    if (plain !== null) return plain[1];
    const named = /__name__\s*=\s*"([a-zA-Z_:][a-zA-Z0-9_:]*)"/.exec(query);
    return named === null ? null : named[1];
}

/**
 * The custom-metric path of one HPA `Pods` metric: a prometheus-adapter release with a rule that
 * serves exactly that metric name per pod (kubernetes-sigs/prometheus-adapter docs/config.md:
 * `name.as`, `resources.overrides` with `pod`), querying a Prometheus release's server Service,
 * whose scrape job keeps the Deployment's pods and exposes the rule's series, which the pods publish
 * (`series`, the image contract of docs/METRICS.md).
 */
function customMetricPath(g: FlowGraph, w: Walk, region: string, hpa: FlowResource, metric: string, deployment: FlowResource, series: string): void {
    const adapters = releasesOf(g, region, "prometheus-adapter");
    if (adapters.length === 0) w.hop(hpa, `custom metric ${metric} is served (custom.metrics.k8s.io)`, `no prometheus-adapter release in ${region}: the HPA's Pods metric ${metric} is served by nothing`);
    const ruleOf = (a: FlowResource) => list(at(a.inputs, "values.rules.custom")).filter(isRecord).find((r) => at(r, "name.as") === metric);
    const adapter = adapters.find((a) => ruleOf(a) !== undefined);
    const served = adapters.flatMap((a) => list(at(a.inputs, "values.rules.custom")).filter(isRecord).map((r) => String(at(r, "name.as") ?? at(r, "name.matches") ?? "")));
    if (adapter === undefined) w.hop(adapters[0], `serves the HPA's Pods metric ${metric}`, `${hpa.name} reads the Pods metric ${metric}, the adapter serves ${served.join(", ") || "no custom metric"}`);
    const a = adapter ?? adapters[0];
    const rule = ruleOf(a) ?? {};
    const perPod = at(rule, "resources.overrides.pod.resource") === "pod" || at(rule, "resources.template") === "<<.Resource>>";
    w.hop(a, `serves ${metric} per pod (rule name.as ${metric}, pod label mapped to pods)`, perPod ? true : `the adapter's rule for ${metric} maps no label to the pod resource: a Pods metric is never found`);

    const url = str(at(a.inputs, "values.prometheus.url")) ?? "";
    const port = num(at(a.inputs, "values.prometheus.port"));
    const host = /^https?:\/\/([^/:]+)/.exec(url)?.[1] ?? "";
    const [service, namespace] = host.split(".");
    const prometheus = releasesOf(g, region, "prometheus").find((p) => `${prometheusFullname(p)}-server` === service && p.inputs.namespace === namespace);
    const servicePort = num(at(prometheus?.inputs, "values.server.service.servicePort")) ?? 80;
    w.hop(
        a,
        `queries Prometheus at ${url}:${String(port ?? "")}`,
        prometheus === undefined ? `the adapter queries ${url || "no URL"}: no Prometheus release in ${region} serves it (<release>-server.<namespace>.svc)` : port !== servicePort ? `the adapter queries port ${String(port)}, the Prometheus server Service listens on ${servicePort}` : true,
    );
    const p = prometheus ?? a;
    const ruleSeries = seriesOf(str(at(rule, "seriesQuery")) ?? "");
    w.hop(p, `the adapter reads the pods' series ${series}`, ruleSeries === series ? true : `the adapter's rule reads ${ruleSeries ?? "no series"}, the pods publish ${series}`);
    // `serverFiles."prometheus.yml"` (a key with a dot, so read directly rather than by a dotted path).
    const files = at(p.inputs, "values.serverFiles");
    const configs = list(at(isRecord(files) ? files["prometheus.yml"] : undefined, "scrape_configs"));
    const verdicts = configs.map((j) => scrapesDeployment(j, deployment));
    w.hop(p, `scrapes ${deployment.name}'s pods with namespace and pod labels`, verdicts.includes(true) ? true : verdicts.filter((v): v is string => v !== true).join("; ") || `Prometheus has no scrape job for ${deployment.name}'s pods`);
}

/**
 * Whether an HPA has room to scale: `maxReplicas` above `minReplicas` (autoscaling/v2
 * HorizontalPodAutoscalerSpec: `minReplicas` "defaults to 1 pod", `maxReplicas` "cannot be less
 * than minReplicas"; equal, the HPA never changes the replica count). Undetermined when either is
 * unknown (a first preview).
 */
export function replicaRange(hpa: FlowResource): Verdict {
    const min = at(hpa.inputs, "spec.minReplicas");
    const max = at(hpa.inputs, "spec.maxReplicas");
    if (FlowGraph.isUnknown(min) || FlowGraph.isUnknown(max)) return undetermined("spec");
    const lo = min === undefined ? 1 : num(min);
    const hi = num(max);
    if (lo === undefined || hi === undefined) return `${hpa.name} has no numeric minReplicas/maxReplicas (${String(min)}, ${String(max)})`;
    return hi > lo ? true : `${hpa.name} has maxReplicas ${hi} and minReplicas ${lo}: it can never scale out`;
}

/**
 * The HPA path of the scaling signal in `region`: metrics-server serves pod CPU, then for each HPA:
 * it scales a declared Deployment, reads pod CPU utilization, every container of the Deployment
 * requests CPU (Kubernetes, "Horizontal Pod Autoscaling": "if some of the Pod's containers do not have
 * the relevant resource request set, CPU utilization for the Pod will not be defined and the
 * autoscaler will not take any action for that metric"), and each `Pods` metric it reads is served
 * by the custom metrics adapter from the series the pods publish (`series`). Then `nodes`: the pods
 * the HPAs add and cannot place reach the cloud's cluster autoscaler.
 */
export function hpaScaling(g: FlowGraph, w: Walk, region: string, metricsServer: MetricsServer, series: string, nodes: NodeAutoscaling): void {
    const hpas = g.ofType(HPA, region);
    if (hpas.length === 0) w.absent(g.ofType(DEPLOYMENT, region)[0], "HorizontalPodAutoscaler", `no HorizontalPodAutoscaler in ${region}`);
    w.hop(metricsServer.resource, metricsServer.check, metricsServer.verdict);
    for (const hpa of hpas) {
        const ref = at(hpa.inputs, "spec.scaleTargetRef");
        const name = str(at(ref, "name"));
        const namespace = at(hpa.inputs, "metadata.namespace");
        const deployment = g.ofType(DEPLOYMENT, region).find((d) => at(d.inputs, "metadata.name") === name && at(d.inputs, "metadata.namespace") === namespace);
        w.hop(hpa, `scales Deployment ${name ?? "(none)"}`, at(ref, "kind") === "Deployment" && deployment !== undefined ? true : `${hpa.name} targets no Deployment the stack declares`);
        w.hop(hpa, "can scale out (maxReplicas above minReplicas)", replicaRange(hpa));
        const metrics = list(at(hpa.inputs, "spec.metrics"));
        w.hop(hpa, "reads pod CPU utilization (resource metrics)", metrics.some(readsPodCpu) ? true : `${hpa.name} reads no pod CPU utilization: no metric the cluster serves drives it`);
        const d = deployment ?? hpa;
        const containers = list(at(d.inputs, "spec.template.spec.containers")).filter(isRecord);
        const unrequested = containers.filter((c) => at(c, "resources.requests.cpu") === undefined).map((c) => String(c.name));
        w.hop(d, "containers request CPU", containers.length > 0 && unrequested.length === 0 ? true : `containers ${unrequested.join(", ") || "(none)"} request no CPU: CPU utilization is undefined and the HPA takes no action`);
        for (const m of metrics.filter(isRecord).filter((x) => x.type === "Pods")) {
            customMetricPath(g, w, region, hpa, str(at(m, "pods.metric.name")) ?? "(unnamed)", d, series);
        }
    }
    nodes(w);
}

/**
 * A Deployment gets a credential from a Kubernetes Secret: its first container loads (envFrom
 * secretRef) a Secret of its namespace whose data holds `key`.
 */
export function podSecretHolds(g: FlowGraph, w: Walk, region: string, deployment: FlowResource, key: string, what: string): void {
    const container = list(at(deployment.inputs, "spec.template.spec.containers")).filter(isRecord)[0] ?? {};
    const names = list(container.envFrom).filter(isRecord).map((e) => at(e, "secretRef.name"));
    const secrets = g.ofType(SECRET, region).filter((s) => names.includes(at(s.inputs, "metadata.name")) && at(s.inputs, "metadata.namespace") === at(deployment.inputs, "metadata.namespace"));
    const holds = secrets.find((s) => isRecord(s.inputs.stringData) && key in s.inputs.stringData);
    // A first preview may hide a Secret's data whole (a secret value not known yet): then its keys are unknown too.
    const envKeys = (v: unknown) => isRecord(v) && Object.keys(v).every((k) => /^[A-Z_][A-Z0-9_]*$/.test(k));
    const hidden = secrets.find((s) => !envKeys(s.inputs.stringData));
    const check = `${deployment.name} gets ${what} (${key})`;
    if (holds !== undefined) w.hop(holds, check, true);
    else if (hidden !== undefined) w.hop(hidden, check, undetermined("stringData"));
    else w.hop(deployment, check, `${deployment.name} loads no Secret with ${key}: it cannot log in`);
}

/**
 * Whether a Service's `spec.selector` selects the Deployment's pods: same namespace, and every
 * selector label is on the pod template with the same value (Kubernetes API, ServiceSpec
 * `selector`: "Route service traffic to pods with label keys and values matching this selector").
 * An empty selector selects no pods for the Service's endpoints (the endpoints controller only
 * manages Services with a selector). Undetermined when a label is unknown (a first preview).
 */
export function selectsPods(service: FlowResource, deployment: FlowResource): Verdict {
    const selector = at(service.inputs, "spec.selector");
    const labels = at(deployment.inputs, "spec.template.metadata.labels");
    if (FlowGraph.isUnknown(selector) || (isRecord(selector) && Object.values(selector).some((v) => FlowGraph.isUnknown(v)))) return undetermined("spec");
    const entries = isRecord(selector) ? Object.entries(selector) : [];
    if (entries.length === 0) return `${service.name} has no selector: it reaches no pods`;
    if (at(service.inputs, "metadata.namespace") !== at(deployment.inputs, "metadata.namespace")) return `${service.name} is in namespace ${String(at(service.inputs, "metadata.namespace"))}, ${deployment.name}'s pods in ${String(at(deployment.inputs, "metadata.namespace"))}`;
    const unmatched = entries.filter(([k, v]) => !isRecord(labels) || labels[k] !== v).map(([k, v]) => `${k}=${String(v)}`);
    return unmatched.length === 0 ? true : `${service.name} selects ${unmatched.join(", ")}, which ${deployment.name}'s pods do not carry: it reaches no pods`;
}

/**
 * Whether the Service port on `nodePort` targets a port the selected pods declare. `targetPort`
 * (Kubernetes API, ServicePort): "Number or name of the port to access on the pods targeted by
 * the service ... If this is a string, it will be looked up as a named port in the target Pod's
 * container ports. If this is not specified, the value of the 'port' field is used." A number must
 * be a declared `containerPort` too: the app image contract (docs/METRICS.md) serves on the port
 * its container declares. Undetermined when the port is unknown (a first preview).
 */
export function targetsContainerPort(service: FlowResource, nodePort: number, deployment: FlowResource): Verdict {
    const port = list(at(service.inputs, "spec.ports")).filter(isRecord).find((p) => num(p.nodePort) === nodePort);
    if (port === undefined) return `${service.name} has no port on node port ${nodePort}`;
    const target = port.targetPort ?? port.port;
    if (FlowGraph.isUnknown(target)) return undetermined("spec");
    const declared = list(at(deployment.inputs, "spec.template.spec.containers")).filter(isRecord).flatMap((c) => list(c.ports).filter(isRecord));
    const numbered = typeof target === "number" || (typeof target === "string" && /^[0-9]+$/.test(target));
    const hit = declared.some((p) => (numbered ? num(p.containerPort) === Number(target) : p.name === target));
    const names = declared.map((p) => `${String(p.name ?? "(unnamed)")}/${String(p.containerPort)}`).join(", ") || "none";
    return hit ? true : `${service.name} targets port ${String(target)}, ${deployment.name}'s containers declare ${names}: the node port reaches no container`;
}

/** The hops from a NodePort Service to the Deployment's pods: the selector selects them, the node port's target port is theirs. */
export function serviceReachesPods(w: Walk, service: FlowResource, nodePort: number, deployment: FlowResource): void {
    w.hop(service, `selects ${deployment.name}'s pods`, selectsPods(service, deployment));
    w.hop(service, `targets a container port of ${deployment.name} on node port ${nodePort}`, targetsContainerPort(service, nodePort, deployment));
}

/**
 * Whether the first container of a Deployment has the projected service account token its
 * `tokenFileEnv` variable points at: a volumeMount whose `mountPath` holds that file, naming a pod
 * volume (VolumeMount `name`: "This must match the Name of a Volume") that projects a
 * `serviceAccountToken` for `audience` at the rest of the path (Kubernetes, "Projected volumes":
 * `path` is "the path relative to the mount point of the file to project the token into"). Without
 * it the SDK's web identity provider reads no token and the pod takes no role. Undetermined when
 * the pod spec is unknown (a first preview).
 */
export function projectsTokenFile(deployment: FlowResource, tokenFileEnv: string, audience: string): Verdict {
    const pod = at(deployment.inputs, "spec.template.spec");
    const container = list(at(pod, "containers")).filter(isRecord)[0] ?? {};
    const file = list(container.env).filter(isRecord).find((e) => e.name === tokenFileEnv)?.value;
    if (FlowGraph.isUnknown(file) || FlowGraph.isUnknown(container.volumeMounts) || FlowGraph.isUnknown(at(pod, "volumes"))) return undetermined("spec");
    if (typeof file !== "string" || file === "") return `${deployment.name} sets no ${tokenFileEnv}: the SDK finds no web identity token`;
    const mount = list(container.volumeMounts)
        .filter(isRecord)
        .find((m) => typeof m.mountPath === "string" && file.startsWith(`${m.mountPath.replace(/\/$/, "")}/`));
    if (mount === undefined) return `${tokenFileEnv} is ${file}, which no volume mount of ${deployment.name} holds: the pod cannot take its role`;
    const volume = list(at(pod, "volumes")).filter(isRecord).find((v) => v.name === mount.name);
    if (volume === undefined) return `${deployment.name} mounts volume ${String(mount.name)} at ${String(mount.mountPath)}, and the pod declares no such volume: the pod cannot take its role`;
    const rest = file.slice(`${String(mount.mountPath).replace(/\/$/, "")}/`.length);
    const token = list(at(volume, "projected.sources"))
        .filter(isRecord)
        .map((s) => s.serviceAccountToken)
        .filter(isRecord)
        .find((t) => t.path === rest);
    if (token === undefined) return `volume ${String(volume.name)} projects no service account token at ${rest}: ${file} does not exist and the pod cannot take its role`;
    return token.audience === audience ? true : `the token at ${file} is for audience ${String(token.audience ?? "(the API server)")}, STS takes ${audience}`;
}

/**
 * Whether a Service exposes `nodePort` on every node: its `spec.type` is NodePort or LoadBalancer
 * and a port of it has that `nodePort` (Kubernetes API, ServiceSpec `type`: "Defaults to
 * ClusterIP"; "NodePort builds on ClusterIP and allocates a port on every node"; "LoadBalancer
 * builds on NodePort"; a ClusterIP Service allocates no node port, whatever its ports list).
 */
export function exposesNodePort(service: FlowResource, nodePort: number): boolean {
    const type = at(service.inputs, "spec.type") ?? "ClusterIP";
    return (type === "NodePort" || type === "LoadBalancer") && list(at(service.inputs, "spec.ports")).some((p) => isRecord(p) && num(p.nodePort) === nodePort);
}

/**
 * Whether the Deployment's pods answer the load balancer's health check on `path`: a readiness,
 * liveness or startup probe of its first container GETs that path, and every HTTP probe targets a
 * port the container declares (Kubernetes API, HTTPGetAction `port`: "Name or number of the port
 * to access on the container"; the app image contract, docs/METRICS.md, serves only on its declared
 * port): a liveness probe elsewhere restarts the pods forever, a readiness probe elsewhere keeps
 * them out of the Service, a startup probe elsewhere never lets them start. `checker` names who
 * sends the health check (the target group). Undetermined when a probe is unknown (a first preview).
 */
export function podsAnswer(deployment: FlowResource | undefined, path: string, service: string, checker: string): Verdict {
    const container = list(at(deployment?.inputs, "spec.template.spec.containers")).filter(isRecord)[0] ?? {};
    const declared = list(container.ports).filter(isRecord);
    const kinds = ["readinessProbe", "livenessProbe", "startupProbe"];
    const probes = kinds.map((k) => ({ kind: k, get: at(container, `${k}.httpGet`) })).filter((p): p is { kind: string; get: Record<string, unknown> } => isRecord(p.get));
    if (probes.some((p) => FlowGraph.isUnknown(p.get.port) || FlowGraph.isUnknown(p.get.path))) return undetermined("spec");
    if (!probes.some((p) => p.get.path === path)) return `the ${service} pods probe ${probes.map((p) => String(p.get.path)).join(", ") || "nothing"}, the ${checker} checks ${path}`;
    const onDeclared = (port: unknown) => declared.some((d) => (typeof port === "string" && !/^[0-9]+$/.test(port) ? d.name === port : num(d.containerPort) === Number(port)));
    const stray = probes.filter((p) => !onDeclared(p.get.port));
    if (stray.length === 0) return true;
    const names = declared.map((d) => `${String(d.name ?? "(unnamed)")}/${String(d.containerPort)}`).join(", ") || "none";
    return `the ${service} pods' ${stray.map((p) => `${p.kind} GETs ${String(p.get.path)} on port ${String(p.get.port)}`).join(", ")}, not a port the container declares (${names}): the probe fails and the pods never serve`;
}

/**
 * Whether the Deployment's first container loads the ConfigMap `name` into its environment
 * (`envFrom[].configMapRef.name`, Kubernetes API EnvFromSource): the endpoint settings the flow
 * checks in that ConfigMap reach the app only then. Undetermined when envFrom is unknown.
 */
export function loadsConfigMap(deployment: FlowResource, name: string): Verdict {
    const container = list(at(deployment.inputs, "spec.template.spec.containers")).filter(isRecord)[0] ?? {};
    if (FlowGraph.isUnknown(container.envFrom)) return undetermined("spec");
    const names = list(container.envFrom).filter(isRecord).map((e) => at(e, "configMapRef.name"));
    return names.includes(name) ? true : `${deployment.name} loads no ConfigMap ${name} (envFrom configMapRef): the app gets none of its endpoint settings`;
}

/** The ConfigMap of the data tier's endpoints the services load (components/kubernetes/services.ts). */
export const DATA_ENDPOINTS_CONFIG_MAP = "data-endpoints";

/** The Deployment named `service` (metadata.name) in the region, if the stack declares it. */
export function deploymentOf(g: FlowGraph, region: string, service: string): FlowResource | undefined {
    return g.ofType(DEPLOYMENT, region).find((d) => at(d.inputs, "metadata.name") === service);
}

/**
 * The Kubernetes hops between a route's pods and a data store: the pods of `service` load the
 * endpoints ConfigMap (when the stack declares it), and, when the store requires a password
 * (`credential`), a Secret holding it. Nothing when the region runs no such Deployment.
 */
export function podsReachStore(g: FlowGraph, w: Walk, region: string, service: string, credential?: { readonly key: string; readonly what: string }): void {
    const pods = deploymentOf(g, region, service);
    if (pods === undefined) return;
    if (g.ofType(CONFIG_MAP, region).some((c) => at(c.inputs, "metadata.name") === DATA_ENDPOINTS_CONFIG_MAP)) {
        w.hop(pods, `${pods.name} loads ConfigMap ${DATA_ENDPOINTS_CONFIG_MAP}`, loadsConfigMap(pods, DATA_ENDPOINTS_CONFIG_MAP));
    }
    if (credential !== undefined) podSecretHolds(g, w, region, pods, credential.key, credential.what);
}

/**
 * The Service of `service` (metadata.name) that exposes `nodePort` (exposesNodePort), and the hop
 * from the load balancer's registration (`registration`) to it: broken on the Service when it is
 * declared but not a NodePort/LoadBalancer Service on that port, on `registration` when no Service
 * of that name exists.
 */
export function nodePortService(g: FlowGraph, w: Walk, region: string, registration: FlowResource, service: string, nodePort: number): FlowResource | undefined {
    const named = g.ofType(SERVICE, region).filter((s) => at(s.inputs, "metadata.name") === service);
    const svc = named.find((s) => exposesNodePort(s, nodePort));
    const holder = svc ?? named[0] ?? registration;
    const type = String(at(named[0]?.inputs, "spec.type") ?? "ClusterIP");
    w.hop(holder, `node port ${nodePort} -> service ${service}`, svc !== undefined ? true : named.length === 0 ? `no ${service} Service of type NodePort on ${nodePort}` : `${named[0].name} is of type ${type} on ports ${list(at(named[0].inputs, "spec.ports")).filter(isRecord).map((p) => String(p.nodePort ?? p.port)).join(", ")}: no node port ${nodePort} is allocated (only NodePort and LoadBalancer Services get one)`);
    return svc;
}
