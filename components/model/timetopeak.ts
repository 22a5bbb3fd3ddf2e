// Time to peak and time to drain: a pure simulation of the scaling configuration of the tier that
// serves (the app group, the pods and node pools, or the serverless units): detection, boot,
// health check, steps, cooldown, limits. Nothing is measured here:
// every input is a value the plan sets, so a change of configuration changes the figures.

import { ServerlessUnitPlan, planServerlessUnits } from "./compute";
import { APP_WARM_UP_SECONDS, PROBES, SERVICE_RESOURCES, planHpa, podCeilings } from "./kubernetes";
import { MAX_POD_SHARE_OF_NODE, SCRAPE_INTERVAL_SECONDS, addonRequests, cpuCores, memoryGiB } from "./kubernetes-addons";
import { HEALTH_CHECK } from "./loadbalancer";
import { PLANNED_UTILISATION, SURGE_FACTOR, ScalingAction, StepBand, instancesForOnline, scalingActions, surgeNeed } from "./scaling";
import { CloudProfile } from "./profile";
import { saeMetricPlan, unitSchedule } from "./serverless";
import { Audience, RaisedDrain, ScheduleSpec, TierBounds, TierDrain, TierSchedule, appTierBounds, appTierNeed, liftsWithoutFloorJobs, scheduleCeiling, stackScheduleHorizon, tierNeed, tierSchedule, unitBounds } from "./schedule";
import { transcodeTier } from "./global";
import { RegionSpec, SERVICE_NAMES, ServiceName, StackSpec, Stage } from "./types";

/** The peak must be served within this many minutes of a stream's start (requirements). */
export const PEAK_DEADLINE_MINUTES = 5;
/** Simulated time limit: a configuration that has not reached the peak after an hour never will. */
const LIMIT_SECONDS = 3600;

export const SCENARIOS = ["unplanned10x", "plannedEvent"] as const;
export type Scenario = (typeof SCENARIOS)[number];

/** What the simulation reads from one region's app group. */
export interface GroupScaling {
    readonly minSize: number;
    readonly maxSize: number;
    /** Seconds from a breach to the alarm firing: evaluation period x periods. */
    readonly detectionSeconds: number;
    /** Seconds between two alarm evaluations (the period). */
    readonly periodSeconds: number;
    /** Seconds from a launch to serving: boot and app start (the health-check grace) + load balancer healthy checks. */
    readonly readySeconds: number;
    /** Seconds a scale-out rule waits after it ran (0 on AWS step scaling, which uses warm-up instead). */
    readonly scaleOutCooldownSeconds: number;
    readonly bands: readonly StepBand[];
    readonly minAdjustmentMagnitude: number;
    readonly scaleIn: { readonly detectionSeconds: number; readonly intervalSeconds: number; readonly percent: number; readonly minStep: number };
    /** Seconds between a planned event's pre-scale and its start. */
    readonly plannedLeadSeconds: number;
}

/**
 * Seconds from an app server's launch until it serves: its health check grace period (the app's
 * start, app.healthCheckGracePeriodSeconds) plus the load balancer's healthy checks
 * (HEALTH_CHECK.healthyThreshold x intervalSeconds). Also the warm-up of the ESS step rule
 * (estimatedInstanceWarmup): until then a new instance carries no viewers.
 */
export function appReadySeconds(app: Pick<StackSpec["app"], "healthCheckGracePeriodSeconds">): number {
    return app.healthCheckGracePeriodSeconds + HEALTH_CHECK.healthyThreshold * HEALTH_CHECK.intervalSeconds;
}

/**
 * The scaling configuration of a region's app group as the clouds run it. AWS step scaling has no
 * cooldown ("Amazon EC2 Auto Scaling doesn't support cooldowns for step scaling policies"; instances
 * warming up count toward the current capacity instead), and its scale-in alarm acts every period;
 * an ESS simple rule waits its cooldown after each execution.
 */
export function groupScaling(spec: Pick<StackSpec, "scaling" | "app">, profile: Pick<CloudProfile, "stepScalingCooldown">): GroupScaling {
    const { out, in: inward } = scalingActions(spec);
    const stepSeconds = (a: ScalingAction): number => a.periodSeconds * a.evaluationPeriods;
    return {
        minSize: spec.app.minSize,
        maxSize: spec.app.maxSize,
        detectionSeconds: stepSeconds(out),
        periodSeconds: out.periodSeconds,
        readySeconds: appReadySeconds(spec.app),
        scaleOutCooldownSeconds: profile.stepScalingCooldown ? out.cooldownSeconds : 0,
        bands: out.bands,
        minAdjustmentMagnitude: out.minAdjustmentMagnitude,
        scaleIn: {
            detectionSeconds: stepSeconds(inward),
            intervalSeconds: profile.stepScalingCooldown ? Math.max(inward.periodSeconds, inward.cooldownSeconds) : inward.periodSeconds,
            percent: -inward.adjustment.value,
            minStep: inward.minAdjustmentMagnitude,
        },
        plannedLeadSeconds: spec.scaling.preScaleMinutes * 60,
    };
}

/**
 * Instances a percent step changes, rounded as EC2 Auto Scaling documents for
 * PercentChangeInCapacity: magnitudes above 1 round toward zero, below 1 to 1; never less than
 * the minimum magnitude.
 */
export function percentStep(capacity: number, percent: number, minMagnitude: number): number {
    const raw = (capacity * Math.abs(percent)) / 100;
    return Math.max(minMagnitude, raw < 1 ? 1 : Math.floor(raw));
}

/** The band a breach of `ratio` x the threshold falls in (null below the first band). */
export function bandFor(bands: readonly StepBand[], ratio: number): StepBand | null {
    return [...bands].reverse().find((b) => ratio >= b.fromRatio) ?? null;
}

export interface PeakResult {
    /** Seconds until the group serves the peak below the scale-out threshold; null when it never does. */
    readonly seconds: number | null;
    /** Instances the peak needs, and the most the group reached. */
    readonly needed: number;
    readonly reached: number;
}

/**
 * An unplanned jump: at t = 0 the load goes from the floor at planned utilisation to `factor` x
 * that. Every period after detection the alarm reads connections per serving instance; a breach
 * of r x the threshold runs the band of r. While launched instances are still warming up, a breach
 * adds capacity only when it reaches a higher band than the last step (EC2 Auto Scaling step
 * scaling: warming instances count toward the current capacity, so the same step is not applied
 * twice), computed from the serving capacity; otherwise the step adds its percent of the group.
 * The same rule is applied to ESS, which only runs a rule again after its cooldown. Reached when
 * serving capacity carries the load at or below the threshold.
 */
export function simulateJump(g: GroupScaling, factor: number = SURGE_FACTOR): PeakResult {
    const load = factor * g.minSize * PLANNED_UTILISATION; // in units of one instance at the threshold
    const needed = Math.ceil(load - 1e-9);
    let serving = g.minSize;
    let desired = g.minSize;
    const pending: { ready: number; count: number }[] = [];
    let cooldownUntil = 0;
    let lastBand = -1;
    for (let t = g.detectionSeconds; t <= LIMIT_SECONDS; t += g.periodSeconds) {
        for (const p of pending.filter((x) => x.ready <= t).sort((a, b) => a.ready - b.ready)) {
            serving += p.count;
            if (serving >= needed) return { seconds: p.ready, needed, reached: serving };
        }
        pending.splice(0, pending.length, ...pending.filter((x) => x.ready > t));
        const band = bandFor(g.bands, load / serving);
        const index = band === null ? -1 : g.bands.indexOf(band);
        const warming = pending.length > 0;
        if (band !== null && t >= cooldownUntil && desired < g.maxSize && (!warming || index > lastBand)) {
            const base = warming ? serving : desired;
            const target = Math.min(g.maxSize, base + percentStep(base, band.percent, g.minAdjustmentMagnitude));
            if (target > desired) {
                pending.push({ ready: t + g.readySeconds, count: target - desired });
                desired = target;
                lastBand = index;
                cooldownUntil = t + g.scaleOutCooldownSeconds;
            }
        }
        if (!warming && pending.length === 0) lastBand = -1;
        if (pending.length === 0 && desired >= g.maxSize && serving < needed) return { seconds: null, needed, reached: serving };
    }
    return { seconds: null, needed, reached: serving };
}

/** A planned event: the floor is raised `plannedLeadSeconds` before the start; capacity serves after one launch. */
export function simulatePlanned(g: GroupScaling): { seconds: number; beforeStart: boolean } {
    return { seconds: g.readySeconds, beforeStart: g.readySeconds <= g.plannedLeadSeconds };
}

/**
 * Drain after the load is gone: the AND alarm fires after its detection time, then removes its
 * percent (at least minStep) every interval until the floor. Returns seconds from the load falling.
 */
export function simulateDrain(g: GroupScaling, from: number): number {
    let capacity = from;
    let t = g.scaleIn.detectionSeconds;
    if (capacity <= g.minSize) return 0;
    for (;;) {
        capacity = Math.max(g.minSize, capacity - percentStep(capacity, g.scaleIn.percent, g.scaleIn.minStep));
        if (capacity <= g.minSize) return t;
        t += g.scaleIn.intervalSeconds;
    }
}

/**
 * The drain of a scaling group tier (the app group, the transcoders: the same AND scale-in action,
 * groupScaling) whose bounds are `bounds`: from the ceiling an event's need raises (scheduleCeiling)
 * to `bounds.minSize` (simulateDrain); null when that ceiling is the everyday maxSize.
 */
export function groupDrain(spec: Pick<StackSpec, "scaling" | "app">, profile: Pick<CloudProfile, "stepScalingCooldown">, bounds: { readonly minSize: number; readonly maxSize: number }): TierDrain {
    const g = { ...groupScaling(spec, profile), minSize: bounds.minSize };
    return (need) => {
        const from = scheduleCeiling(bounds, [need]);
        return from > bounds.maxSize ? { from, seconds: simulateDrain(g, from) } : null;
    };
}

/**
 * Seconds the HPA of `service` takes from `from` pods to its minReplicas once every metric is below
 * target: the scale-down stabilisation window, then the larger of its percent and pods per period
 * (planHpa behavior, selectPolicy Max).
 */
export function hpaDrainSeconds(spec: Pick<StackSpec, "scaling" | "kubernetes">, service: ServiceName, from: number): number {
    const down = planHpa(spec, service).behavior.scaleDown;
    const floor = spec.kubernetes.services[service].minReplicas;
    let pods = from;
    let t = down.stabilizationWindowSeconds;
    if (pods <= floor) return 0;
    while (pods > floor) {
        pods = Math.max(floor, pods - Math.max(Math.floor((pods * down.percent) / 100), down.pods));
        if (pods > floor) t += down.periodSeconds;
    }
    return t;
}

/**
 * The pods' drain after an event whose app floor is `need` (the floor jobs follow the app group's
 * timetable): every service whose raised maxReplicas (podCeilings) is above its everyday one
 * drains by its HPA (hpaDrainSeconds); the longest. null when no service's maxReplicas is raised.
 */
export function podsDrain(spec: Pick<StackSpec, "scaling" | "app" | "kubernetes">): TierDrain {
    return (need) => {
        const raised = podRaises(spec, need);
        return raised.length === 0 ? null : { from: Math.max(...raised.map((r) => r.from)), seconds: Math.max(...raised.map((r) => r.seconds)) };
    };
}

/** The services whose maxReplicas an app floor of `appFloor` raises, with the raised ceiling and its drain. */
function podRaises(spec: Pick<StackSpec, "scaling" | "app" | "kubernetes">, appFloor: number): { service: ServiceName; from: number; maxSize: number; seconds: number }[] {
    const ceilings = podCeilings(spec, [appFloor]);
    return SERVICE_NAMES.filter((s) => ceilings[s] > spec.kubernetes.services[s].maxReplicas).map((s) => ({
        service: s,
        from: ceilings[s],
        maxSize: spec.kubernetes.services[s].maxReplicas,
        seconds: hpaDrainSeconds(spec, s, ceilings[s]),
    }));
}

/**
 * Seconds an SAE application takes from `from` instances to its minimum once both metrics are under
 * target: the scale-in stabilisation window, then `scaleDown.step` instances per evaluation
 * (saeMetricPlan, HPA_SYNC_PERIOD_SECONDS).
 */
export function saeDrainSeconds(spec: Pick<StackSpec, "scaling">, unit: ServerlessUnitPlan, from: number): number {
    const m = saeMetricPlan(spec, unit);
    const steps = Math.ceil(Math.max(0, from - unit.minInstances) / m.scaleDown.step);
    return from > unit.minInstances ? m.scaleDown.stabilizationWindowSeconds + Math.max(0, steps - 1) * HPA_SYNC_PERIOD_SECONDS : 0;
}

/**
 * The drain of a serverless service (an SAE application, saeDrainSeconds; an ECS service on
 * Fargate, simulateDrain of fargateScaling) from the ceiling an event's need raises
 * (scheduleCeiling) to its minimum; null when that ceiling is its everyday maxInstances.
 */
export function unitDrain(spec: Pick<StackSpec, "scaling" | "app">, profile: Pick<CloudProfile, "serverlessScaler">, unit: ServerlessUnitPlan): TierDrain {
    return (need) => {
        const from = scheduleCeiling({ maxSize: unit.maxInstances }, [need]);
        if (from <= unit.maxInstances) return null;
        return { from, seconds: profile.serverlessScaler === "saeRules" ? saeDrainSeconds(spec, unit, from) : simulateDrain(fargateScaling(spec, unit), from) };
    };
}

/** What the declared schedules of a cloud read of its profile (appTierSchedule, transcoderSchedule). */
export type ScheduleProfile = Pick<CloudProfile, "stepScalingCooldown" | "scheduleHorizon" | "eventLimit">;

/** What the declared schedules read of a stack (appTierSchedule, transcoderSchedule). */
export type TierScheduleSpec = ScheduleSpec & Pick<StackSpec, "compute" | "scaling" | "events" | "peaks" | "app" | "video" | "kubernetes" | "regions" | "database">;

/**
 * The app tier's schedule in `region` for a `pulumi up` at `now` (epoch ms): the app group's, which
 * the pods' floor jobs follow on compute kubernetes (tierSchedule under the profile's horizon and
 * event limit, with appTierDrain). The components declare the app tier from it and the report
 * reads its lowerings' instants from it.
 */
export function appTierSchedule(spec: TierScheduleSpec, profile: ScheduleProfile, region: RegionSpec, now: number): TierSchedule {
    return tierSchedule(spec, region, "appGroup", appTierBounds(spec, region), now, stackScheduleHorizon(spec, profile.scheduleHorizon), profile.eventLimit(spec, now), appTierDrain(spec, profile));
}

/**
 * The self-run transcoders' schedule in `region` for a `pulumi up` at `now` (epoch ms), their group
 * bounded by `tier` (tierSchedule with groupDrain). The components declare the group's scheduled
 * tasks from it and the report reads its lowerings from it.
 */
export function transcoderSchedule(spec: TierScheduleSpec, profile: ScheduleProfile, region: RegionSpec, tier: Pick<TierBounds, "minSize" | "maxSize">, now: number): TierSchedule {
    return tierSchedule(spec, region, "transcoders", { minSize: tier.minSize, maxSize: tier.maxSize, zones: region.zones.length }, now, stackScheduleHorizon(spec, profile.scheduleHorizon), profile.eventLimit(spec, now), groupDrain(spec, profile, tier));
}

/** The drain of the app tier's timetable: the pods' HPAs on compute kubernetes (the floor jobs follow it), the app group otherwise. */
export function appTierDrain(spec: Pick<StackSpec, "scaling" | "app" | "kubernetes" | "compute">, profile: Pick<CloudProfile, "stepScalingCooldown">): TierDrain {
    return spec.compute === "kubernetes" ? podsDrain(spec) : groupDrain(spec, profile, spec.app);
}

/** What the app tier's drains read of a stack (appTierDrains). */
export type AppTierDrainSpec = Pick<StackSpec, "compute" | "scaling" | "app" | "kubernetes" | "regions">;

/**
 * The app tier's raised ceilings for one event in one region, each with its drain (eventDrains
 * without the transcoders): the app group (compute vm), the pods of each raised service
 * (kubernetes; none without floor jobs, `floorJobs` false: no job raises their maxReplicas, so
 * none drains from a raised one or is lowered; Defaults to true), each serverless service
 * (serverless).
 */
export function appTierDrains(spec: AppTierDrainSpec, profile: Pick<CloudProfile, "stepScalingCooldown" | "serverlessScaler">, region: RegionSpec, event: Audience, floorJobs: boolean = true): RaisedDrain[] {
    const appFloor = appTierNeed(spec, region, event.peakOnline);
    if (spec.compute === "vm") {
        const d = groupDrain(spec, profile, spec.app)(appFloor);
        return d === null ? [] : [{ tier: "the app group", from: d.from, maxSize: spec.app.maxSize, seconds: d.seconds }];
    }
    if (spec.compute === "kubernetes") {
        if (liftsWithoutFloorJobs(spec, floorJobs)) return [];
        // One job lowers every service's ceiling, at the end of the longest drain (podsDrain, CeilingLowering).
        const raises = podRaises(spec, appFloor);
        const longest = Math.max(0, ...raises.map((r) => r.seconds));
        return raises.map((r) => ({ tier: `the pods of ${r.service}`, from: r.from, maxSize: r.maxSize, seconds: r.seconds, lowerAfterSeconds: longest }));
    }
    return planServerlessUnits(spec.kubernetes.services, region).flatMap((unit): RaisedDrain[] => {
        const d = unitDrain(spec, profile, unit)(tierNeed(spec, region, "serverlessUnit", unitBounds(unit, region), event.peakOnline, event.streams));
        // SAE: no scheduled action lowers the ceiling; the up after the drain rewrites the rules (RaisedDrain.byUp).
        return d === null ? [] : [{ tier: `the ${unit.service} service`, from: d.from, maxSize: unit.maxInstances, seconds: d.seconds, ...(profile.serverlessScaler === "saeRules" ? { byUp: true } : {}) }];
    });
}

/**
 * Whether an event raises some app-tier ceiling of the stack in some region (appTierDrains), so its
 * schedule declares a ceiling lowering (ceilingLowerings): what the AWS scheduled-action quota counts
 * for it (awsEventLimit).
 */
export function raisesAppCeiling(spec: AppTierDrainSpec, profile: Pick<CloudProfile, "stepScalingCooldown" | "serverlessScaler">, event: Audience): boolean {
    return spec.regions.some((region) => appTierDrains(spec, profile, region, event).length > 0);
}

/**
 * Every tier of the stack an event raises above its everyday ceiling, with its drain from there,
 * over the stack's regions (the longest per tier), for the report of a past event (pastEventHold):
 * the app tier's (appTierDrains), and with `scheduledTranscoders` (the cloud runs its own
 * transcoders on the timetable: Alibaba Cloud's ESS group; AWS's IVS is managed; Defaults to false)
 * the transcoders of a self-run video tier. `floorJobs` (whether the pods' floor jobs are declared,
 * kubectlImage not null; Defaults to true): without them no pod tier is raised (appTierDrains), as
 * scheduleReport is told with the same value.
 */
export function eventDrains(spec: StackSpec, profile: Pick<CloudProfile, "serverlessScaler"> & ScheduleProfile, scheduledTranscoders = false, floorJobs = true): (event: Audience) => RaisedDrain[] {
    return (event) => {
        const found = new Map<string, RaisedDrain>();
        const add = (d: RaisedDrain): void => {
            const known = found.get(d.tier);
            if (known === undefined || d.seconds > known.seconds) found.set(d.tier, d);
        };
        for (const region of spec.regions) {
            appTierDrains(spec, profile, region, event, floorJobs).forEach((d) => add(d.byUp === true ? d : { ...d, schedule: appTierDrainSchedule(spec, profile, region, d.tier) }));
            const video = transcodeTier(spec, region);
            if (scheduledTranscoders && video.mode === "selfRun") {
                const bounds = { minSize: video.minSize, maxSize: video.maxSize, zones: region.zones.length };
                const d = groupDrain(spec, profile, bounds)(tierNeed(spec, region, "transcoders", bounds, event.peakOnline, event.streams));
                if (d !== null) add({ tier: "the transcoders", from: d.from, maxSize: video.maxSize, seconds: d.seconds, schedule: { at: (now) => transcoderSchedule(spec, profile, region, video, now) } });
            }
        }
        return [...found.values()];
    };
}

/**
 * The schedule an app-tier drain's report reads its lowering from (RaisedDrain.schedule), as the
 * components declare it: the app group's own (compute vm); each ECS or SAE service's own
 * (unitSchedule with unitDrain, as components/aws/serverless.ts declares its scheduled actions);
 * the pods' floor jobs follow the app group's schedule, each service's maxReplicas podCeilings of
 * the app floors an action holds (kubernetes, ReplicaFloors). `tier` is appTierDrains' name.
 */
export function appTierDrainSchedule(spec: StackSpec, profile: Pick<CloudProfile, "serverlessScaler"> & ScheduleProfile, region: RegionSpec, tier: string): NonNullable<RaisedDrain["schedule"]> {
    const app = (now: number): TierSchedule => appTierSchedule(spec, profile, region, now);
    if (spec.compute === "vm") return { at: app };
    if (spec.compute === "kubernetes") {
        const service = SERVICE_NAMES.find((s) => tier === `the pods of ${s}`);
        return service === undefined ? { at: app } : { at: app, ceiling: (needs) => podCeilings(spec, needs)[service] };
    }
    const unit = planServerlessUnits(spec.kubernetes.services, region).find((u) => tier === `the ${u.service} service`);
    if (unit === undefined) return { at: app };
    return { at: (now) => unitSchedule(spec, region, unit, now, stackScheduleHorizon(spec, profile.scheduleHorizon), profile.eventLimit(spec, now), unitDrain(spec, profile, unit)) };
}

/**
 * The app group's ceiling while the stack declares events or peaks: the everyday maxSize, or the
 * largest floor any of them needs in `region` (scheduleCeiling), the level a drain after a release
 * starts from.
 */
export function appRaisedCeiling(spec: StackSpec, region: RegionSpec): number {
    const needs = [...spec.events, ...spec.peaks].map((e) => instancesForOnline(spec, region, e.peakOnline));
    return scheduleCeiling(spec.app, needs);
}

// ---------------------------------------------------------------------------------------------
// The tier that really serves: the app group (compute vm), the pods of the connection-holding
// service and the node pools under them (compute kubernetes), the serverless units (compute
// serverless: ECS on Fargate, SAE).

/**
 * Seconds between two HPA evaluations: kube-controller-manager `--horizontal-pod-autoscaler-sync-period`,
 * "the interval is set by the --horizontal-pod-autoscaler-sync-period parameter ... (and the default
 * interval is 15 seconds)" (Kubernetes, "Horizontal Pod Autoscaling", how it works).
 */
export const HPA_SYNC_PERIOD_SECONDS = 15;
/**
 * Seconds between two cluster autoscaler loops: `--scan-interval`, default 10 s
 * (kubernetes/autoscaler cluster-autoscaler FAQ, "What are the parameters to CA?").
 */
export const CLUSTER_AUTOSCALER_SCAN_SECONDS = 10;
/**
 * Seconds from the cluster autoscaler growing a node pool to a Ready node that takes pods: a new
 * instance boots, joins the cluster and starts its daemons. Neither cloud publishes a figure: the
 * EKS Workshop ("Cluster Over-Provisioning") reports that "it took several minutes before the pods
 * ... became available" after the autoscaler grew the group, the EKS best-practices autoscaling
 * reference gives 60-90 s for the Cluster Autoscaler's provisioning alone. The simulation takes 240 s
 * (4 minutes), the conservative end, so that no figure depends on a lucky boot.
 */
export const NODE_READY_SECONDS = 240;
/**
 * Seconds from a Fargate task's launch to its start: "It is normal for new AWS Fargate tasks to take
 * 30-45 seconds or longer to start ... launching the compute instance, allocating and attaching a
 * network interface, downloading your task image ..., starting the program" (AWS re:Post, "How to
 * speed up provisioning of ECS Fargate task"). The upper figure is taken.
 */
export const FARGATE_TASK_START_SECONDS = 45;
/**
 * Seconds the SAE metric window averages connections over: `tcpActiveConn` is "the average number of
 * TCP active connections for a single instance in 30 seconds" (alicloud_sae_application_scaling_rule,
 * `metric_type`, provider v1.294).
 */
export const SAE_METRIC_WINDOW_SECONDS = 30;

/**
 * Seconds a pod or an SAE instance takes from its start to Ready, at most: SAE publishes no instance
 * start time and a pod's app start is the app's own, so the simulation takes the longest start the
 * blueprint allows before the liveness probe acts (the startup probe's period x failures, 120 s;
 * the same budget is SAE's `livenessV2.initialDelaySeconds`) plus one readiness period.
 */
export function appStartSeconds(): number {
    return APP_WARM_UP_SECONDS + PROBES.readiness.periodSeconds;
}

/** The service that holds the viewers' connections: the tier a 10x jump of viewers lands on. */
export const SURGE_SERVICE: ServiceName = "interaction";


/**
 * Nodes each zone keeps so that a SURGE_FACTOR jump of the connection-holding pods starts on nodes
 * that are already there (node pool headroom): the requests of the system pods the plan sets
 * (ADDON_POD_REQUESTS), of every service's floor pods and of the
 * pods the jump adds, over the share of a node pods may request (MAX_POD_SHARE_OF_NODE), by CPU and
 * memory, spread over the zones; never below `minNodesPerZone` nor above `maxNodesPerZone`. New
 * nodes take NODE_READY_SECONDS, too long for a 5-minute peak, so the jump's pods must fit first;
 * the cluster autoscaler then restores the headroom behind them.
 */
export function surgeNodesPerZone(spec: Pick<StackSpec, "kubernetes">, zones: number): number {
    const k = spec.kubernetes;
    const extra = surgeNeed(k.services[SURGE_SERVICE].minReplicas) - k.services[SURGE_SERVICE].minReplicas;
    const request = (s: ServiceName, what: "cpu" | "memory"): number => {
        const q = SERVICE_RESOURCES[s].requests[what];
        return (what === "cpu" ? cpuCores(q) : memoryGiB(q)) ?? 0;
    };
    const total = (what: "cpu" | "memory"): number =>
        addonRequests(what) + SERVICE_NAMES.reduce((sum, s) => sum + request(s, what) * k.services[s].minReplicas, 0) + request(SURGE_SERVICE, what) * Math.max(0, extra);
    const nodes = Math.max(
        Math.ceil(total("cpu") / (k.nodeSize.vcpu * MAX_POD_SHARE_OF_NODE)),
        Math.ceil(total("memory") / (k.nodeSize.memoryGiB * MAX_POD_SHARE_OF_NODE)),
    );
    return Math.min(k.maxNodesPerZone, Math.max(k.minNodesPerZone, Math.ceil(nodes / Math.max(1, zones))));
}

/** What the pod simulation reads from one region's cluster. */
export interface PodScaling {
    readonly minReplicas: number;
    readonly maxReplicas: number;
    /** Seconds from the jump to the HPA acting: the metric's next scrape plus one sync period. */
    readonly detectionSeconds: number;
    /** HPA scale-up policies: the larger of percent and pods per period. */
    readonly scaleUp: { readonly percent: number; readonly pods: number; readonly periodSeconds: number };
    /** Seconds from a pod's scheduling to Ready. */
    readonly podReadySeconds: number;
    /** Pods of the service the nodes standing by can take without a new node. */
    readonly headroomPods: number;
    /** Pods of the service, beyond minReplicas, that the node pools at their largest (kubernetes.maxNodesPerZone per zone) can take: none beyond them is ever scheduled. */
    readonly nodePods: number;
    /** Seconds from Pending pods to a Ready node: the autoscaler's loop plus the node's boot and join. */
    readonly nodeSeconds: number;
}

/** Pods of `service` the nodes a region keeps at minimum can take beyond every service's floor pods. */
export function headroomPods(spec: Pick<StackSpec, "kubernetes">, zones: number, nodesPerZone: number): number {
    const k = spec.kubernetes;
    const room = (what: "cpu" | "memory"): number => {
        const per = what === "cpu" ? k.nodeSize.vcpu : k.nodeSize.memoryGiB;
        const used = addonRequests(what) + SERVICE_NAMES.reduce((sum, s) => {
            const q = SERVICE_RESOURCES[s].requests[what];
            return sum + ((what === "cpu" ? cpuCores(q) : memoryGiB(q)) ?? 0) * k.services[s].minReplicas;
        }, 0);
        const q = SERVICE_RESOURCES[SURGE_SERVICE].requests[what];
        const one = (what === "cpu" ? cpuCores(q) : memoryGiB(q)) ?? Infinity;
        return Math.floor((per * MAX_POD_SHARE_OF_NODE * zones * nodesPerZone - used) / one + 1e-9);
    };
    return Math.max(0, Math.min(room("cpu"), room("memory")));
}

/** The HPA of the connection-holding service and the node pools under it, as the plan sets them. */
export function podScaling(spec: StackSpec, zones: number): PodScaling {
    const hpa = planHpa(spec, SURGE_SERVICE);
    const svc = spec.kubernetes.services[SURGE_SERVICE];
    return {
        minReplicas: svc.minReplicas,
        maxReplicas: svc.maxReplicas,
        detectionSeconds: SCRAPE_INTERVAL_SECONDS + HPA_SYNC_PERIOD_SECONDS,
        scaleUp: { percent: hpa.behavior.scaleUp.percent, pods: hpa.behavior.scaleUp.pods, periodSeconds: hpa.behavior.scaleUp.periodSeconds },
        podReadySeconds: appStartSeconds(),
        headroomPods: headroomPods(spec, zones, surgeNodesPerZone(spec, zones)),
        nodePods: headroomPods(spec, zones, spec.kubernetes.maxNodesPerZone),
        nodeSeconds: CLUSTER_AUTOSCALER_SCAN_SECONDS + NODE_READY_SECONDS,
    };
}

/**
 * An unplanned jump on the pods: at t = 0 the load goes to `factor` x the floor at planned
 * utilisation. The HPA reads it after `detectionSeconds` and sets `desired = ceil(current x value /
 * target)`, limited each period by its scale-up policies (the larger of percent and pods, selectPolicy
 * Max) and by maxReplicas. Pods that fit the headroom start at once; the others stay Pending until
 * the cluster autoscaler's node is Ready (`nodeSeconds`). Reached when every needed pod is Ready;
 * never (seconds null) when maxReplicas or the node pools at their largest (`nodePods`) hold fewer.
 */
export function simulatePodJump(p: PodScaling, factor: number = SURGE_FACTOR): PeakResult {
    const needed = surgeNeed(p.minReplicas, factor);
    let desired = p.minReplicas;
    let scheduled = p.minReplicas;
    let last = 0;
    for (let t = p.detectionSeconds; t <= LIMIT_SECONDS && desired < Math.min(needed, p.maxReplicas); t += p.scaleUp.periodSeconds) {
        const allowed = desired + Math.max(Math.floor((desired * p.scaleUp.percent) / 100), p.scaleUp.pods);
        const next = Math.min(p.maxReplicas, needed, allowed);
        const added = next - desired;
        const onHeadroom = Math.max(0, Math.min(added, p.headroomPods - (scheduled - p.minReplicas)));
        scheduled += onHeadroom;
        const ready = Math.max(onHeadroom > 0 ? t + p.podReadySeconds : 0, added > onHeadroom ? t + p.nodeSeconds + p.podReadySeconds : 0);
        last = Math.max(last, ready);
        scheduled += added - onHeadroom;
        desired = next;
    }
    // Pods beyond what the node pools can ever hold stay Pending.
    const reached = Math.min(desired, p.minReplicas + p.nodePods);
    return reached >= needed ? { seconds: last, needed, reached } : { seconds: null, needed, reached };
}

/**
 * An ECS service on Fargate scaled by Application Auto Scaling step policies (the VM's bands, each
 * policy with the plan's `cooldown`, components/aws/serverless.ts). StepScalingPolicyConfiguration
 * `Cooldown` (Application Auto Scaling API reference): "For scale-out policies, while the cooldown
 * period is in effect, the capacity that has been added by the previous scale-out event ... is
 * calculated as part of the desired capacity for the next scale out" (EC2's warm-up, which
 * simulateJump models without a cooldown), and "For scale-in policies, the cooldown period is used
 * to block subsequent scale-in requests until it has expired": the drain removes one step per
 * max(period, cooldown).
 */
export function fargateScaling(spec: Pick<StackSpec, "scaling" | "app">, unit: ServerlessUnitPlan): GroupScaling {
    const g = groupScaling(spec, { stepScalingCooldown: false });
    const inward = scalingActions(spec).in;
    return {
        ...g,
        minSize: unit.minInstances,
        maxSize: unit.maxInstances,
        readySeconds: FARGATE_TASK_START_SECONDS + HEALTH_CHECK.healthyThreshold * HEALTH_CHECK.intervalSeconds,
        scaleIn: { ...g.scaleIn, intervalSeconds: Math.max(inward.periodSeconds, inward.cooldownSeconds) },
    };
}

/**
 * An SAE application's metric rule: SAE acts on the connections its 30 s window averaged (plus one
 * evaluation, the HPA sync SAE's elasticity runs on) and adds up to `scaleUp.step` instances per
 * evaluation (saeMetricPlan); an instance serves after appStartSeconds.
 */
export function saeJump(spec: StackSpec, unit: ServerlessUnitPlan, factor: number = SURGE_FACTOR): PeakResult {
    const step = saeMetricPlan(spec, unit).scaleUp.step;
    const needed = surgeNeed(unit.minInstances, factor);
    const steps = Math.ceil(Math.max(0, Math.min(needed, unit.maxInstances) - unit.minInstances) / step);
    const reached = Math.min(needed, unit.maxInstances);
    if (reached < needed) return { seconds: null, needed, reached };
    return { seconds: SAE_METRIC_WINDOW_SECONDS + HPA_SYNC_PERIOD_SECONDS * Math.max(1, steps) + appStartSeconds(), needed, reached };
}

/**
 * Tiers the simulation reports: `appGroup` (compute vm: the ESS / EC2 Auto Scaling group), `pods`
 * (compute kubernetes: the HPA of the connection-holding service and the node pools under it),
 * `serverlessUnit` (compute serverless: the connection-holding ECS service on Fargate or SAE application).
 */
export const TIME_TO_PEAK_TIERS = ["appGroup", "pods", "serverlessUnit"] as const;
export type TimeToPeakTier = (typeof TIME_TO_PEAK_TIERS)[number];

export interface TimeToPeak {
    readonly region: string;
    readonly tier: TimeToPeakTier;
    readonly scenario: Scenario;
    /** Minutes to the peak (unplanned: from the jump; planned: from the pre-scale), one decimal; null: never reached. */
    readonly minutes: number | null;
    /** Unplanned: within 5 minutes; planned: ready before the event starts. */
    readonly meets5Minutes: boolean;
    readonly detail: string;
}

export interface Drain {
    readonly region: string;
    readonly tier: TimeToPeakTier;
    readonly fromInstances: number;
    readonly toInstances: number;
    readonly minutes: number;
    readonly detail: string;
}

const minutesOf = (seconds: number): number => Math.round(seconds / 6) / 10;

/**
 * What a planned event's figure means (its `minutes` count from the pre-scale, and meets5Minutes is
 * whether the capacity is ready by the start): "ready 6.3 min after the pre-scale, 23.7 min before
 * the start", or "... after the start" when `readySeconds` exceeds the lead (`leadSeconds`).
 */
export function plannedReadiness(readySeconds: number, leadSeconds: number): string {
    // From the rounded figure, so the two add up to the lead.
    const margin = Math.round((leadSeconds / 60 - minutesOf(readySeconds)) * 10) / 10;
    return `ready ${minutesOf(readySeconds)} min after the pre-scale, ${Math.abs(margin)} min ${margin >= 0 ? "before" : "after"} the start`;
}

/** One tier's figures in one region: the jump, the planned event's readiness and the drain. */
export interface TierFigures {
    readonly tier: TimeToPeakTier;
    readonly jump: PeakResult;
    readonly jumpDetail: string;
    readonly plannedSeconds: number;
    readonly plannedDetail: string;
    readonly drain: { readonly from: number; readonly to: number; readonly seconds: number; readonly detail: string };
}

/** `raised`: the ceiling the schedules raise the tier to (appRaisedCeiling), where a drain after an event starts; Defaults to the unplanned jump's peak. */
function vmFigures(spec: StackSpec, tier: TimeToPeakTier, g: GroupScaling, what: string, raised = 0): TierFigures {
    const jump = simulateJump(g);
    const peak = Math.max(raised, Math.min(g.maxSize, Math.max(jump.reached, jump.needed)));
    return {
        tier,
        jump,
        jumpDetail:
            jump.seconds === null
                ? `${SURGE_FACTOR}x load needs ${jump.needed} ${what}; the ceiling ${g.maxSize} caps it at ${jump.reached}`
                : `${g.minSize} -> ${jump.needed} ${what}: alarm after ${g.detectionSeconds} s, steps ${g.bands.map((b) => `+${b.percent}% from ${b.fromRatio}x`).join(", ")}, ${g.readySeconds} s launch to serving`,
        plannedSeconds: g.readySeconds,
        plannedDetail: `floor raised ${g.plannedLeadSeconds / 60} min before the start; serving ${g.readySeconds} s later`,
        drain: {
            from: peak,
            to: g.minSize,
            seconds: simulateDrain(g, peak),
            detail:
                (raised > g.maxSize ? `from the ceiling ${raised} the events and peaks raise it to (maxSize ${g.maxSize}); ` : "") +
                `load gone: connections < ${spec.scaling.scaleIn.connectionsPerInstance} AND CPU < ${spec.scaling.scaleIn.cpuPercent}% for ${g.scaleIn.detectionSeconds} s, then -${g.scaleIn.percent}% (at least ${g.scaleIn.minStep}) every ${g.scaleIn.intervalSeconds} s`,
        },
    };
}

function podFigures(spec: StackSpec, zones: number): TierFigures {
    const p = podScaling(spec, zones);
    const jump = simulatePodJump(p);
    const hpa = planHpa(spec, SURGE_SERVICE);
    const down = hpa.behavior.scaleDown;
    const peak = Math.min(p.maxReplicas, Math.max(jump.reached, jump.needed));
    const nodes = surgeNodesPerZone(spec, zones);
    // The node pools already run every node they may hold (kubernetes.maxNodesPerZone): none is added.
    const full = nodes >= spec.kubernetes.maxNodesPerZone;
    const capped = `the node pools run kubernetes.maxNodesPerZone ${spec.kubernetes.maxNodesPerZone} nodes per zone already and add none`;
    return {
        tier: "pods",
        jump,
        jumpDetail:
            `${SURGE_SERVICE} ${p.minReplicas} -> ${jump.needed} pods: HPA acts after ${p.detectionSeconds} s (${SCRAPE_INTERVAL_SECONDS} s scrape + ${HPA_SYNC_PERIOD_SECONDS} s sync), ` +
            `scale-up up to +${p.scaleUp.percent}% or ${p.scaleUp.pods} pods per ${p.scaleUp.periodSeconds} s; ${p.headroomPods} pods fit the ${nodes} nodes per zone kept as headroom, ` +
            (full ? `${capped}; ` : `the rest wait ${p.nodeSeconds} s for a new node; `) +
            `${p.podReadySeconds} s pod start to Ready` +
            (jump.seconds === null ? `; ${jump.reached < Math.min(p.maxReplicas, jump.needed) ? `the node pools at kubernetes.maxNodesPerZone ${spec.kubernetes.maxNodesPerZone} hold` : `maxReplicas ${p.maxReplicas} caps it at`} ${jump.reached}` : ""),
        // A raised floor schedules its pods on the headroom or on nodes the autoscaler adds within the
        // lead; with the pools already at their largest, only on the headroom.
        plannedSeconds: full ? p.podReadySeconds : p.nodeSeconds + p.podReadySeconds,
        plannedDetail: full
            ? `pod floors raised ${spec.scaling.preScaleMinutes} min before the start; the ${p.headroomPods} pods that fit the nodes running are Ready ${p.podReadySeconds} s later, and ${capped}: pods beyond them stay Pending (raise kubernetes.maxNodesPerZone)`
            : `pod floors raised ${spec.scaling.preScaleMinutes} min before the start; Pending pods get a node within ${p.nodeSeconds} s and are Ready ${p.podReadySeconds} s later`,
        drain: {
            from: peak,
            to: p.minReplicas,
            seconds: hpaDrainSeconds(spec, SURGE_SERVICE, peak),
            detail: `HPA: every metric below its target for the ${down.stabilizationWindowSeconds} s window, then -${down.percent}% (at least ${down.pods} pods) every ${down.periodSeconds} s; nodes follow ${NODE_SCALE_DOWN_NOTE}`,
        },
    };
}

const NODE_SCALE_DOWN_NOTE = "10 minutes after they fall below half their requests (cluster autoscaler)";

function saeFigures(spec: StackSpec, unit: ServerlessUnitPlan): TierFigures {
    const jump = saeJump(spec, unit);
    const m = saeMetricPlan(spec, unit);
    const peak = Math.min(unit.maxInstances, Math.max(jump.reached, jump.needed));
    return {
        tier: "serverlessUnit",
        jump,
        jumpDetail:
            `SAE ${unit.service} ${unit.minInstances} -> ${jump.needed} instances: tcpActiveConn averaged over ${SAE_METRIC_WINDOW_SECONDS} s, evaluated every ${HPA_SYNC_PERIOD_SECONDS} s, ` +
            `up to ${m.scaleUp.step} instances a step, ${appStartSeconds()} s instance start to Ready` +
            (jump.seconds === null ? `; maxReplicas ${unit.maxInstances} caps it at ${jump.reached}` : ""),
        plannedSeconds: appStartSeconds(),
        plannedDetail: `timer raises minReplicas ${spec.scaling.preScaleMinutes} min before the start; instances Ready ${appStartSeconds()} s later`,
        drain: {
            from: peak,
            to: unit.minInstances,
            seconds: saeDrainSeconds(spec, unit, peak),
            detail: `both metrics under target for the ${m.scaleDown.stabilizationWindowSeconds} s window, then ${m.scaleDown.step} instances per evaluation`,
        },
    };
}

/** The figures of the tier that serves a region's viewers, by the stack's compute and cloud. */
export function tierFigures(spec: StackSpec, profile: Pick<CloudProfile, "stepScalingCooldown" | "serverlessScaler">, region: RegionSpec): TierFigures {
    if (spec.compute === "kubernetes") return podFigures(spec, region.zones.length);
    if (spec.compute === "serverless") {
        const unit = planServerlessUnits(spec.kubernetes.services, region).find((u) => u.service === SURGE_SERVICE);
        if (unit === undefined) throw new RangeError(`no serverless unit for ${SURGE_SERVICE}`);
        return profile.serverlessScaler === "saeRules"
            ? saeFigures(spec, unit)
            : vmFigures(spec, "serverlessUnit", fargateScaling(spec, unit), `Fargate tasks of ${SURGE_SERVICE} (${FARGATE_TASK_START_SECONDS} s task start)`);
    }
    return vmFigures(spec, "appGroup", groupScaling(spec, profile), "instances", appRaisedCeiling(spec, region));
}

/** The plan's `scaling` section: time to peak and drain of the serving tier of every region. */
export function scalingSimulation(spec: StackSpec, profile: Pick<CloudProfile, "stepScalingCooldown" | "serverlessScaler">): { timeToPeak: TimeToPeak[]; drain: Drain[] } {
    const timeToPeak: TimeToPeak[] = [];
    const drain: Drain[] = [];
    for (const r of spec.regions) {
        const f = tierFigures(spec, profile, r);
        const lead = spec.scaling.preScaleMinutes * 60;
        timeToPeak.push(
            {
                region: r.name,
                tier: f.tier,
                scenario: "unplanned10x",
                minutes: f.jump.seconds === null ? null : minutesOf(f.jump.seconds),
                meets5Minutes: f.jump.seconds !== null && f.jump.seconds <= PEAK_DEADLINE_MINUTES * 60,
                detail: f.jumpDetail,
            },
            { region: r.name, tier: f.tier, scenario: "plannedEvent", minutes: minutesOf(f.plannedSeconds), meets5Minutes: f.plannedSeconds <= lead, detail: `${f.plannedDetail}; ${plannedReadiness(f.plannedSeconds, lead)}` },
        );
        drain.push({ region: r.name, tier: f.tier, fromInstances: f.drain.from, toInstances: f.drain.to, minutes: minutesOf(f.drain.seconds), detail: f.drain.detail });
    }
    return { timeToPeak, drain };
}

/** Enforcement of a missed 5-minute peak: mandatory for mature stacks, advisory otherwise. */
export function timeToPeakEnforcement(stage: Stage): "mandatory" | "advisory" {
    return stage === "mature" ? "mandatory" : "advisory";
}

/** One finding per unplanned jump that misses the deadline or planned event not ready before its start. */
export function timeToPeakFindings(entries: readonly TimeToPeak[]): string[] {
    return entries
        .filter((e) => !e.meets5Minutes)
        .map((e) =>
            e.scenario === "unplanned10x"
                ? `${e.region} ${e.tier}: an unplanned ${SURGE_FACTOR}x jump ${e.minutes === null ? "is never served" : `takes ${e.minutes} min`}, more than ${PEAK_DEADLINE_MINUTES} (${e.detail})`
                : `${e.region} ${e.tier}: a planned event is not served by its start (${e.detail})`,
        );
}
