// Three-level alarms (warning, critical, fatal): which metric, which threshold, per level.
// Both clouds translate the same rules into their monitoring service.

import type { CloudProfile } from "./profile";
import { AlarmLevel, ServiceName, StackSpec } from "./types";

export const ALARM_METRICS = [
    "appCpuPercent",
    "appConnectionsPerInstance",
    "lb5xxPercent",
    "lb5xxPerSecond",
    "lbUnhealthyHosts",
    "dbCpuPercent",
    "dbConnectionUsagePercent",
    "cacheCpuPercent",
    "cacheMemoryPercent",
] as const;
export type AlarmMetric = (typeof ALARM_METRICS)[number];

export interface AlarmRule {
    /** Stable key used in resource names: `<metric>-<level>`. */
    readonly key: string;
    readonly metric: AlarmMetric;
    readonly level: AlarmLevel;
    readonly comparison: "greaterThan" | "greaterThanOrEqual";
    readonly threshold: number;
    readonly periodSeconds: number;
    readonly evaluationPeriods: number;
    readonly description: string;
}

/** Thresholds per level; a fatal alarm pages immediately, a warning waits for a sustained breach. */
export const ALARM_THRESHOLDS: Readonly<Record<AlarmMetric, { readonly warning: number; readonly critical: number; readonly fatal: number; readonly what: string }>> = {
    appCpuPercent: { warning: 70, critical: 85, fatal: 95, what: "app server CPU %" },
    appConnectionsPerInstance: { warning: 5000, critical: 7000, fatal: 9000, what: "connections per app server" },
    lb5xxPercent: { warning: 1, critical: 5, fatal: 20, what: "load balancer 5xx responses %" },
    lb5xxPerSecond: { warning: 1, critical: 5, fatal: 20, what: "backend 5xx responses per second at the load balancer" },
    lbUnhealthyHosts: { warning: 1, critical: 2, fatal: 4, what: "unhealthy app servers behind the load balancer" },
    dbCpuPercent: { warning: 70, critical: 85, fatal: 95, what: "database CPU %" },
    dbConnectionUsagePercent: { warning: 70, critical: 85, fatal: 95, what: "database connection usage %" },
    cacheCpuPercent: { warning: 60, critical: 80, fatal: 95, what: "Redis CPU %" },
    cacheMemoryPercent: { warning: 70, critical: 85, fatal: 95, what: "Redis memory usage %" },
};

/**
 * The load balancer's 5xx alarm metrics: the share of requests the targets answer with a 5xx
 * (`lb5xxPercent`) or their count per second (`lb5xxPerSecond`). A stack alarms on its cloud's one
 * (CloudProfile.lb5xxMetric).
 */
export const LB_5XX_METRICS = ["lb5xxPercent", "lb5xxPerSecond"] as const satisfies readonly AlarmMetric[];

/** One of LB_5XX_METRICS. */
export type Lb5xxMetric = (typeof LB_5XX_METRICS)[number];

/** Consecutive periods before each level fires. */
export const LEVEL_PERIODS: Readonly<Record<AlarmLevel, number>> = { warning: 5, critical: 3, fatal: 1 };

/**
 * Metrics measured on the VM app group (per-instance CPU and connections): a container tier has no
 * such group, its per-service CPU and connections drive its own scaling rules and are watched by the
 * platform (SAE monitoring, Container Insights, the pod autoscalers).
 */
export const APP_GROUP_METRICS: readonly AlarmMetric[] = ["appCpuPercent", "appConnectionsPerInstance"];

type Thresholds = { readonly warning: number; readonly critical: number; readonly fatal: number; readonly what: string };

/** One level of one metric: `>` (or `>=` for counts of unhealthy targets) the level's threshold, 60 s periods, LEVEL_PERIODS of them. */
function levelRule(t: Thresholds, level: AlarmLevel, atLeast: boolean): Omit<AlarmRule, "key" | "metric"> {
    return {
        level,
        comparison: atLeast ? "greaterThanOrEqual" : "greaterThan",
        threshold: t[level],
        periodSeconds: 60,
        evaluationPeriods: LEVEL_PERIODS[level],
        description: `${level}: ${t.what} ${atLeast ? ">=" : ">"} ${t[level]}`,
    };
}

/**
 * Every alarm of a stack: each metric at each of the three levels (the app group's metrics only
 * with compute `vm`; of the load balancer's 5xx metrics the cloud's, `profile.lb5xxMetric`). Connection and CPU warnings sit
 * at the scale-out thresholds, so a warning means "scaling should be kicking in".
 */
export function alarmRules(spec: Pick<StackSpec, "compute" | "monitoring" | "scaling">, profile: Pick<CloudProfile, "lb5xxMetric">): AlarmRule[] {
    const thresholds: typeof ALARM_THRESHOLDS = {
        ...ALARM_THRESHOLDS,
        appCpuPercent: { ...ALARM_THRESHOLDS.appCpuPercent, warning: spec.scaling.scaleOut.cpuPercent },
        appConnectionsPerInstance: { ...ALARM_THRESHOLDS.appConnectionsPerInstance, warning: spec.scaling.scaleOut.connectionsPerInstance },
    };
    const otherCloud5xx: readonly AlarmMetric[] = LB_5XX_METRICS.filter((m) => m !== profile.lb5xxMetric);
    return ALARM_METRICS.filter((metric) => (spec.compute === "vm" || !APP_GROUP_METRICS.includes(metric)) && !otherCloud5xx.includes(metric)).flatMap((metric) =>
        spec.monitoring.levels.map((level): AlarmRule => ({ key: `${metric}-${level}`, metric, ...levelRule(thresholds[metric], level, metric === "lbUnhealthyHosts") })),
    );
}

/**
 * What each service of the serverless tier is watched on: its CPU and memory (SAE application,
 * ECS service) and, where the program knows the service's own target group (ECS), its unhealthy
 * targets and the share of its responses that are 5xx. Each cloud maps them onto metrics it publishes (cmsServiceMetric, serviceAlarmQueries).
 */
export const SERVICE_ALARM_METRICS = ["serviceCpuPercent", "serviceMemoryPercent", "serviceUnhealthyTargets", "service5xxPercent"] as const;
export type ServiceAlarmMetric = (typeof SERVICE_ALARM_METRICS)[number];

/** Thresholds per level of the per-service metrics: the app tier's CPU, the cache's memory, the load balancer's unhealthy hosts and 5xx share. */
export const SERVICE_ALARM_THRESHOLDS: Readonly<Record<ServiceAlarmMetric, Thresholds>> = {
    serviceCpuPercent: { ...ALARM_THRESHOLDS.appCpuPercent, what: "service CPU %" },
    serviceMemoryPercent: { ...ALARM_THRESHOLDS.cacheMemoryPercent, what: "service memory %" },
    serviceUnhealthyTargets: { ...ALARM_THRESHOLDS.lbUnhealthyHosts, what: "unhealthy targets of the service" },
    service5xxPercent: { ...ALARM_THRESHOLDS.lb5xxPercent, what: "5xx responses of the service %" },
};

/** One alarm of one service: `<service>-<metric>-<level>`. */
export interface ServiceAlarmRule extends Omit<AlarmRule, "metric"> {
    readonly service: ServiceName;
    readonly metric: ServiceAlarmMetric;
}

/**
 * The per-service alarms of the serverless tier: every service, every metric of `metrics`, every
 * level of the stack's monitoring; the CPU warning sits at the scale-out threshold, as on the app
 * group, and each level notifies its own contacts.
 */
export function serviceAlarmRules(spec: Pick<StackSpec, "scaling" | "monitoring">, services: readonly ServiceName[], metrics: readonly ServiceAlarmMetric[]): ServiceAlarmRule[] {
    const thresholds: typeof SERVICE_ALARM_THRESHOLDS = {
        ...SERVICE_ALARM_THRESHOLDS,
        serviceCpuPercent: { ...SERVICE_ALARM_THRESHOLDS.serviceCpuPercent, warning: spec.scaling.scaleOut.cpuPercent },
    };
    return services.flatMap((service) =>
        metrics.flatMap((metric) =>
            spec.monitoring.levels.map((level): ServiceAlarmRule => ({
                key: `${service}-${metric}-${level}`,
                service,
                metric,
                ...levelRule(thresholds[metric], level, metric === "serviceUnhealthyTargets"),
                description: `${level}: ${service} ${thresholds[metric].what} ${metric === "serviceUnhealthyTargets" ? ">=" : ">"} ${thresholds[metric][level]}`,
            })),
        ),
    );
}
