// The Kubernetes layer's decisions: replica floors, autoscaler targets, probe timings, resources,
// pod placement and security, and the node pools of a region. Pure: the components only declare
// what these functions return, so the same numbers hold on ACK and on EKS.

import { cidrsOverlap, parseCidr } from "./cidr";
import { APP_CONTRACT_PATHS } from "./loadbalancer";
import { ceilingAbove, scalingActions, serviceFloor } from "./scaling";
import { InstanceCatalogue, UnsupportedSizeError, instanceTypeFor } from "./sizes";
import { ComputeSize, KubernetesSpec, SERVICE_NAMES, ServiceName, ServiceSpec, Stage, StackSpec } from "./types";
import { CloudProfile } from "./profile";
import type { TierSchedule } from "./schedule";

/** Namespace the business services run in. */
export const NAMESPACE = "live-commerce";
/** Label keys of every pod; the selectors of Deployment, Service, PDB and spread use exactly these. */
export const NAME_LABEL = "app.kubernetes.io/name";
export const PART_OF_LABEL = "app.kubernetes.io/part-of";
export const ZONE_TOPOLOGY_KEY = "topology.kubernetes.io/zone";
export const HOST_TOPOLOGY_KEY = "kubernetes.io/hostname";

/**
 * Fewest pods per service and stage. Two pods everywhere (one can restart while the other serves);
 * order and interaction carry the checkout and the live room, so growth and mature keep three, one
 * per zone of a three-zone region, and a zone loss still leaves two.
 */
export const REPLICA_FLOORS: Readonly<Record<Stage, Readonly<Record<ServiceName, number>>>> = {
    startup: { user: 2, product: 2, order: 2, interaction: 2 },
    growth: { user: 2, product: 2, order: 3, interaction: 3 },
    mature: { user: 2, product: 2, order: 3, interaction: 3 },
};

/** Default ceilings of the pod autoscalers per stage (interaction carries the 10x-100x peaks). */
export const DEFAULT_MAX_REPLICAS: Readonly<Record<Stage, Readonly<Record<ServiceName, number>>>> = {
    startup: { user: 4, product: 4, order: 6, interaction: 6 },
    growth: { user: 10, product: 10, order: 20, interaction: 40 },
    mature: { user: 30, product: 30, order: 60, interaction: 200 },
};

/** The services of a stage preset: floors as minimum, default ceilings, images from registry and tag. */
export function presetServices(stage: Stage): Record<ServiceName, ServiceSpec> {
    const service = (name: ServiceName): ServiceSpec => ({ image: null, minReplicas: REPLICA_FLOORS[stage][name], maxReplicas: DEFAULT_MAX_REPLICAS[stage][name] });
    return { user: service("user"), product: service("product"), order: service("order"), interaction: service("interaction") };
}

/** A type alias, not an interface: Kubernetes resource lists are string maps. */
export type ResourceList = {
    cpu: string;
    memory: string;
};
export interface Resources {
    requests: ResourceList;
    limits: ResourceList;
}

/**
 * Requests and limits per pod. The CPU target of the autoscaler is a share of the request, so the
 * request is what one pod is sized to carry; the limit leaves burst headroom for the seconds before
 * new pods are ready. Interaction holds WebSocket connections (memory per connection).
 */
export const SERVICE_RESOURCES: Readonly<Record<ServiceName, Resources>> = {
    user: { requests: { cpu: "250m", memory: "256Mi" }, limits: { cpu: "1", memory: "512Mi" } },
    product: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1", memory: "1Gi" } },
    order: { requests: { cpu: "500m", memory: "512Mi" }, limits: { cpu: "2", memory: "1Gi" } },
    interaction: { requests: { cpu: "1", memory: "1Gi" }, limits: { cpu: "2", memory: "2Gi" } },
};

/**
 * Name of the per-pod Pods metric the interaction service scales on: the custom metrics API
 * (custom.metrics.k8s.io) serves it through prometheus-adapter from the pods' connection count
 * (POD_CONNECTIONS_SERIES, components/model/kubernetes-addons.ts).
 */
export const POD_CONNECTIONS_METRIC = "app_connections";
/** Services whose load is held connections rather than CPU: they also scale on POD_CONNECTIONS_METRIC. */
export const SCALES_ON_CONNECTIONS: Readonly<Record<ServiceName, boolean>> = { user: false, product: false, order: false, interaction: true };

/** Container port name and number every service listens on; the Service exposes it on port 80. */
export const HTTP_PORT_NAME = "http";
export const SERVICE_PORT = 80;

export interface HttpProbe {
    httpGet: { path: string; port: string };
    periodSeconds: number;
    timeoutSeconds: number;
    failureThreshold: number;
    successThreshold: number;
}

/** Longest failure detection allowed for readiness and liveness: the 30 s switch-over budget keeps 10 s for it. */
export const MAX_PROBE_DETECTION_SECONDS = 10;

/** Seconds from the first failed check until the probe acts: period x failures. */
export function probeDetectionSeconds(p: Pick<HttpProbe, "periodSeconds" | "failureThreshold">): number {
    return p.periodSeconds * p.failureThreshold;
}

/**
 * Readiness takes a pod out of its Service after 2 failed checks 5 s apart (10 s); liveness restarts
 * it after the same. A startup probe (up to 120 s) holds liveness off while the JVM / runtime warms up.
 */
export const PROBES: Readonly<Record<"readiness" | "liveness" | "startup", HttpProbe>> = {
    readiness: { httpGet: { path: APP_CONTRACT_PATHS.ready, port: HTTP_PORT_NAME }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2, successThreshold: 1 },
    liveness: { httpGet: { path: APP_CONTRACT_PATHS.health, port: HTTP_PORT_NAME }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2, successThreshold: 1 },
    startup: { httpGet: { path: APP_CONTRACT_PATHS.health, port: HTTP_PORT_NAME }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 24, successThreshold: 1 },
};

/**
 * Seconds an app image may take from its process start until it serves (its warm-up): the startup
 * probe's period x failures, 120 s. The project's declared budget of the app image contract
 * (docs/METRICS.md), the same on every tier: pods (the startup probe holds liveness off), SAE
 * instances (`livenessV2.initialDelaySeconds`) and ECS tasks on Fargate (the least health check
 * grace period adds the target group's healthy checks and their timeout to it:
 * TASK_GRACE_PERIOD_MIN_SECONDS).
 */
export const APP_WARM_UP_SECONDS = PROBES.startup.periodSeconds * PROBES.startup.failureThreshold;

/** Shortest scale-down stabilisation: a stream's end must not remove pods the next stream needs. */
export const MIN_SCALE_DOWN_STABILIZATION_SECONDS = 300;

export interface HpaMetricPlan {
    /** Target average CPU utilisation in percent of the request. */
    readonly cpuAverageUtilization: number;
    /** Target average of POD_CONNECTIONS_METRIC per pod, null when the service does not scale on connections. */
    readonly connectionsAverageValue: number | null;
}

export interface HpaBehaviorPlan {
    readonly scaleUp: { readonly stabilizationWindowSeconds: number; readonly percent: number; readonly pods: number; readonly periodSeconds: number };
    readonly scaleDown: { readonly stabilizationWindowSeconds: number; readonly percent: number; readonly pods: number; readonly periodSeconds: number };
}

/**
 * The pod autoscaler follows the stack's elastic scaling policy as closely as the HPA allows.
 * Scale out above scaleOut.cpuPercent (and, for connection-holding services,
 * scaleOut.connectionsPerInstance per pod), with no delay and up to the largest scale-out band per
 * period (+900 %: the HPA already sizes a step to the breach, `desired = ceil(current x value /
 * target)`, so a 10x jump is one step). Scale in as the AND alarm does: only after the
 * recommendation stayed lower for the scale-in alarm's whole evaluation (stabilisation window =
 * period x SCALE_IN_PATIENCE periods, at least 5 minutes), then scaleInStepPercent (at least
 * scaleInStep pods) per scale-in cooldown.
 *
 * The remaining gap (docs/SCALING.md): the HPA takes the largest recommendation over its metrics,
 * so it scales in only when every metric is below its target (an AND), but against the scale-out
 * targets (70 % CPU, 5,000 connections, less its 10 % tolerance), not the lower scale-in thresholds
 * (30 %, 1,000): a per-direction threshold needs the HPA tolerance field, alpha in Kubernetes 1.33.
 */
export function planHpa(spec: Pick<StackSpec, "scaling">, service: ServiceName): { metrics: HpaMetricPlan; behavior: HpaBehaviorPlan } {
    const s = spec.scaling;
    const { out, in: inward } = scalingActions(spec);
    return {
        metrics: {
            cpuAverageUtilization: s.scaleOut.cpuPercent,
            connectionsAverageValue: SCALES_ON_CONNECTIONS[service] ? s.scaleOut.connectionsPerInstance : null,
        },
        behavior: {
            scaleUp: { stabilizationWindowSeconds: 0, percent: Math.max(...out.bands.map((b) => b.percent)), pods: 4, periodSeconds: out.periodSeconds },
            scaleDown: {
                stabilizationWindowSeconds: Math.max(MIN_SCALE_DOWN_STABILIZATION_SECONDS, inward.periodSeconds * inward.evaluationPeriods),
                percent: -inward.adjustment.value,
                pods: inward.minAdjustmentMagnitude,
                periodSeconds: inward.cooldownSeconds,
            },
        },
    };
}

/** The labels of a service's pods (and the exact selector of everything that selects them). */
export function podLabels(service: ServiceName): Record<string, string> {
    return { [NAME_LABEL]: service, [PART_OF_LABEL]: NAMESPACE };
}

/** Image of a service: its own reference, or registry/service:tag. */
export function serviceImage(k: Pick<KubernetesSpec, "imageRegistry" | "imageTag" | "services">, service: ServiceName): string {
    return k.services[service].image ?? `${k.imageRegistry}/${service}:${k.imageTag}`;
}

/** Pods spread evenly over zones (never more than one pod of difference: a zone loss takes its share only). */
export function zoneSpread(service: ServiceName): { maxSkew: number; topologyKey: string; whenUnsatisfiable: string; labelSelector: { matchLabels: Record<string, string> } }[] {
    return [{ maxSkew: 1, topologyKey: ZONE_TOPOLOGY_KEY, whenUnsatisfiable: "DoNotSchedule", labelSelector: { matchLabels: podLabels(service) } }];
}

/** Prefer one pod per node, so a node failure takes one pod of a service; preferred, so scale-out never waits for nodes. */
export function hostAntiAffinity(service: ServiceName): {
    podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: { weight: number; podAffinityTerm: { topologyKey: string; labelSelector: { matchLabels: Record<string, string> } } }[] };
} {
    return {
        podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { topologyKey: HOST_TOPOLOGY_KEY, labelSelector: { matchLabels: podLabels(service) } } },
            ],
        },
    };
}

/** Non-root user and group the service images run as. */
export const RUN_AS_USER = 10001;

export const POD_SECURITY_CONTEXT = {
    runAsNonRoot: true,
    runAsUser: RUN_AS_USER,
    runAsGroup: RUN_AS_USER,
    fsGroup: RUN_AS_USER,
    seccompProfile: { type: "RuntimeDefault" },
};

export const CONTAINER_SECURITY_CONTEXT = {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    readOnlyRootFilesystem: true,
    privileged: false,
    capabilities: { drop: ["ALL"] },
};

/** Writable scratch space: the root filesystem is read-only, so /tmp is an emptyDir of this size. */
export const TMP_VOLUME = { name: "tmp", mountPath: "/tmp", sizeLimit: "256Mi" };

/** Pods a voluntary disruption (node drain, upgrade) may take down at once per service. */
export const PDB_MAX_UNAVAILABLE = 1;

/** Grace period for a pod to close its connections (WebSocket clients reconnect to another pod). */
export const TERMINATION_GRACE_SECONDS = 30;

/**
 * Address ranges inside the cluster, outside every region network (10.x.0.0/16 by default): the
 * Service network (both clouds) and the pod network of ACK's Flannel plugin.
 */
export const CLUSTER_SERVICE_CIDR = "172.21.0.0/20";
export const CLUSTER_POD_CIDR = "172.20.0.0/16";

export interface NodePoolPlan {
    readonly zone: string;
    readonly minSize: number;
    readonly maxSize: number;
    readonly desiredSize: number;
}

/**
 * One node pool per zone: each zone keeps `nodesPerZone` nodes (Defaults to minNodesPerZone; the
 * stacks pass surgeNodesPerZone, the node pool headroom a 10x jump of pods starts on), so the zone
 * spread of the pods always has a node to land on; the cluster autoscaler grows each zone up to
 * maxNodesPerZone.
 */
export function planNodePools(k: Pick<KubernetesSpec, "minNodesPerZone" | "maxNodesPerZone">, zones: readonly string[], nodesPerZone: number = k.minNodesPerZone): NodePoolPlan[] {
    const min = Math.min(k.maxNodesPerZone, Math.max(k.minNodesPerZone, nodesPerZone));
    return zones.map((zone) => ({ zone, minSize: min, maxSize: k.maxNodesPerZone, desiredSize: Math.max(1, min) }));
}

/** The instance type of a node size in a cloud's catalogue (the same as the app tier's), or null when none matches. */
export function nodeInstanceType(catalogue: InstanceCatalogue, size: ComputeSize): string | null {
    try {
        return instanceTypeFor(catalogue, size);
    } catch (e) {
        if (e instanceof UnsupportedSizeError) return null;
        throw e;
    }
}

/** Cross-field checks of the Kubernetes section; each issue names the field, the value and what is allowed. */
export function checkKubernetesServices(spec: Pick<StackSpec, "stage" | "cloud" | "kubernetes" | "regions">): string[] {
    const k = spec.kubernetes;
    const issues: string[] = [];
    for (const name of SERVICE_NAMES) {
        const s = k.services[name];
        const floor = REPLICA_FLOORS[spec.stage][name];
        const field = `kubernetes.services.${name}`;
        if (s.minReplicas < floor) {
            issues.push(`${field}.minReplicas: ${spec.stage} stage needs >= ${floor} replicas of ${name} (got ${s.minReplicas})`);
        }
        if (s.minReplicas > s.maxReplicas) {
            issues.push(`${field}.minReplicas: ${s.minReplicas} is greater than ${field}.maxReplicas ${s.maxReplicas}; allowed: minReplicas <= maxReplicas`);
        }
    }
    if (k.enabled) {
        spec.regions.forEach((region, i) => {
            const net = parseCidr(region.cidr);
            for (const [what, cidr] of [["Service", CLUSTER_SERVICE_CIDR], ["pod", CLUSTER_POD_CIDR]] as const) {
                const inner = parseCidr(cidr);
                if (net !== null && inner !== null && cidrsOverlap(net, inner)) {
                    issues.push(`regions[${i}].cidr: ${region.cidr} overlaps the Kubernetes ${what} network ${cidr}; allowed: a region network outside ${cidr}, e.g. 10.${10 * (i + 1)}.0.0/16`);
                }
            }
        });
    }
    return issues;
}

/**
 * Pod floors of the services at a scheduled app-tier need (`appFloor`: the app instances of an
 * audience, appTierNeed, never below podsEverydayNeed; serviceFloor, the rule the serverless
 * services follow too): interaction, which holds the viewers' connections, one pod per app
 * instance (both sized at PLANNED_UTILISATION of the connection threshold), also within the app
 * group's everyday floor; the CPU-bound services in proportion above app.minSize (`minReplicas x
 * appFloor / app.minSize`). At the everyday need every service is back at its minReplicas. A floor
 * above a service's maxReplicas comes with a raised maxReplicas (podCeilings; the
 * HorizontalPodAutoscaler rejects minReplicas above maxReplicas).
 */
export function podFloors(spec: Pick<StackSpec, "app" | "kubernetes">, appFloor: number): Record<ServiceName, number> {
    const floor = (s: ServiceName): number => podFloorNeed(spec, s, appFloor);
    return { user: floor("user"), product: floor("product"), order: floor("order"), interaction: floor("interaction") };
}

function podFloorNeed(spec: Pick<StackSpec, "app" | "kubernetes">, s: ServiceName, appFloor: number): number {
    return serviceFloor(spec, { minReplicas: spec.kubernetes.services[s].minReplicas, holdsConnections: SCALES_ON_CONNECTIONS[s] }, appFloor, 1);
}

/**
 * The maxReplicas every floor job sets with its floors: per service its everyday maxReplicas or
 * twice the largest floor any of `appFloors` (the app floors of the tier's declared actions) needs
 * (ceilingAbove: room for the metric rules above the forecast), whichever is larger. The same for every job, releases included, as scheduleCeiling for the other tiers: an
 * HPA whose maxReplicas falls below its current replicas scales the Deployment down to it at its
 * next sync whatever the metrics (the controller keeps the desired replicas within [minReplicas,
 * maxReplicas]; its scale-down behavior does not apply to that clamp), which would bypass the AND
 * scale-in rule. The raised ceiling returns
 * to the everyday one when a later `pulumi up` no longer declares an event or peak that needs it.
 */
export function podCeilings(spec: Pick<StackSpec, "app" | "kubernetes">, appFloors: readonly number[]): Record<ServiceName, number> {
    const ceiling = (s: ServiceName): number => Math.max(spec.kubernetes.services[s].maxReplicas, ...appFloors.map((f) => raisedPodCeiling(spec, s, f)));
    return { user: ceiling("user"), product: ceiling("product"), order: ceiling("order"), interaction: ceiling("interaction") };
}

/**
 * The ceiling a service's pod floor at `appFloor` asks for (ceilingAbove of the floor), or 0 when
 * that floor is the service's own minReplicas: the everyday floor keeps the everyday maxReplicas,
 * even one below twice minReplicas (3 and 5 stay 3 and 5 after an event's release and lowering).
 */
function raisedPodCeiling(spec: Pick<StackSpec, "app" | "kubernetes">, s: ServiceName, appFloor: number): number {
    const floor = podFloorNeed(spec, s, appFloor);
    return floor > spec.kubernetes.services[s].minReplicas ? ceilingAbove(floor) : 0;
}

/**
 * The services whose raised ceiling at `appFloor` (twice the pod floor, ceilingAbove) exceeds
 * their everyday maxReplicas, each as "<service> <maxReplicas> -> <ceiling>
 * (kubernetes.services.<service>.maxReplicas)"; empty when every ceiling fits. The schedule report names them: the floor jobs raise maxReplicas with the floor
 * (podCeilings).
 */
export function podCeilingRaises(spec: Pick<StackSpec, "app" | "kubernetes">, appFloor: number): string[] {
    return SERVICE_NAMES.flatMap((s) => {
        const ceiling = raisedPodCeiling(spec, s, appFloor);
        const max = spec.kubernetes.services[s].maxReplicas;
        return ceiling > max ? [`${s} ${max} -> ${ceiling} (kubernetes.services.${s}.maxReplicas)`] : [];
    });
}

/**
 * Image of the jobs that set the autoscalers' floors: `kubernetes.kubectlImage`, or the cloud's
 * default (CloudProfile.defaultKubectlImage; on AWS the Kubernetes project's kubectl of the cluster's minor (`registry.k8s.io/kubectl:v<minor>.0`,
 * shell-free, entrypoint kubectl). null on Alibaba Cloud without a setting: registry.k8s.io is not
 * reachable from mainland China and no ACR-hosted kubectl of a current minor is documented (ACK's
 * own guides use `registry.cn-beijing.aliyuncs.com/acs/kubectl:1.14.8`, seventeen minors behind the
 * cluster, outside kubectl's one-minor version skew), so the stack requires the setting
 * (missingSettings) when it schedules floors.
 */
export function kubectlImage(spec: Pick<StackSpec, "kubernetes">, profile: Pick<CloudProfile, "defaultKubectlImage">): string | null {
    if (spec.kubernetes.kubectlImage !== null) return spec.kubernetes.kubectlImage;
    const image = profile.defaultKubectlImage;
    return image === null ? null : image(spec.kubernetes.version);
}

/**
 * Fields of an HPA Pulumi sets at creation only: `spec.minReplicas` and `spec.maxReplicas` while
 * floor jobs own them on a timetable (ReplicaFloors patch both: podFloors, podCeilings;
 * docs/SCALING.md, "One owner of minReplicas"), none otherwise. So a `pulumi refresh` and `up`
 * during an event's drain never lowers a raised maxReplicas (scheduledBoundsIgnoreChanges does the
 * same for the scaling groups and scalable targets).
 */
export function hpaIgnoreChanges(scheduledFloors: boolean, asserted: boolean = false): string[] {
    return scheduledFloors && !asserted ? ["spec.minReplicas", "spec.maxReplicas"] : [];
}

/**
 * The app floors of a tier's schedule the pod ceilings are sized on (podCeilings): every declared
 * action's floor, the floor an up inside a raised window asserts (TierSchedule.asserted) and the
 * floor a retained release lowered (TierSchedule.retained).
 */
export function scheduleAppFloors(schedule: Pick<TierSchedule, "oneOff" | "recurring" | "asserted" | "retained" | "drainHold">): number[] {
    return [
        // While a released event's raised ceilings drain (drainHold), every job keeps them: a
        // recurring job inside the drain would otherwise patch the everyday maxReplicas, and the HPA
        // sets the replicas above it down to it at once (podCeilings).
        ...(schedule.drainHold === undefined ? [] : [schedule.drainHold.need]),
        ...schedule.oneOff.map((a) => a.minSize),
        ...schedule.recurring.map((a) => a.minSize),
        ...(schedule.asserted === undefined ? [] : [schedule.asserted.minSize]),
        // A release kept after its instant (TierSchedule.retained) keeps the ceilings its floor job patched.
        ...(schedule.retained ?? []).map((a) => a.raisedFrom),
    ];
}

/**
 * The app floors the HPA bounds an up asserts are sized on (hpaAssertedBounds): the asserted floor
 * and the needs the asserted ceiling holds (ScheduleNeeds.asserted: in force from the up to the
 * lead's end, as tierSchedule sizes it); scheduleAppFloors on a schedule without needs.
 */
export function assertedAppFloors(schedule: Pick<TierSchedule, "oneOff" | "recurring" | "asserted" | "retained" | "drainHold" | "needs">): number[] {
    return schedule.needs === undefined ? scheduleAppFloors(schedule) : [schedule.asserted?.minSize ?? 0, ...schedule.needs.asserted];
}

/**
 * The HPA bounds a `pulumi up` inside an event's raised window sets in each service's HPA spec
 * itself (TierSchedule.asserted of the app group): the pod floors of the asserted app floor
 * (podFloors) and the one ceiling of the floor jobs (podCeilings of scheduleAppFloors), instead of a
 * floor job at an instant that would move with every up; null when the app group's schedule
 * asserts nothing. The up after a drained event's release (AssertedBounds kind lowered) sets the
 * pod floors of the floor in force and the ceilings the declared floors hold the same way, so the
 * raised maxReplicas leave the HPAs on that up rather than at the next floor job.
 */
export function hpaAssertedBounds(spec: Pick<StackSpec, "app" | "kubernetes">, schedule: Pick<TierSchedule, "oneOff" | "recurring" | "asserted" | "retained" | "drainHold" | "needs">): Record<ServiceName, { minReplicas: number; maxReplicas: number }> | null {
    if (schedule.asserted === undefined) return null;
    const floors = podFloors(spec, schedule.asserted.minSize);
    const ceilings = podCeilings(spec, assertedAppFloors(schedule));
    const bounds = (s: ServiceName) => ({ minReplicas: floors[s], maxReplicas: ceilings[s] });
    return { user: bounds("user"), product: bounds("product"), order: bounds("order"), interaction: bounds("interaction") };
}

/** A one-off instant (UTC minute) as a 5-field cron (minute hour day month *), read in Etc/UTC. */
export function oneOffCron(at: string): string {
    const m = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2}):00Z$/.exec(at);
    if (m === null) throw new RangeError(`not a UTC minute instant: ${at}`);
    return `${Number(m[4])} ${Number(m[3])} ${Number(m[2])} ${Number(m[1])} *`;
}

/**
 * Name of the EKS community add-on that deploys the Kubernetes Metrics Server, which serves the pod
 * CPU the HorizontalPodAutoscalers read (EKS User Guide, "Community add-ons": add-on name
 * `metrics-server`, namespace kube-system). EKS does not deploy metrics-server by default (EKS User
 * Guide, "View resource usage with the Kubernetes Metrics Server"); ACK does (see ACK_METRICS_SERVER).
 */
export const EKS_METRICS_SERVER_ADDON = "metrics-server";
