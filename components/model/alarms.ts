// Three-level alarms (warning, critical, fatal): which metric, which threshold, per level.
// Both clouds translate the same rules into their monitoring service.

import { AlarmLevel, StackSpec } from "./types";

export const ALARM_METRICS = [
    "appCpuPercent",
    "appConnectionsPerInstance",
    "lb5xxPercent",
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
    lbUnhealthyHosts: { warning: 1, critical: 2, fatal: 4, what: "unhealthy app servers behind the load balancer" },
    dbCpuPercent: { warning: 70, critical: 85, fatal: 95, what: "database CPU %" },
    dbConnectionUsagePercent: { warning: 70, critical: 85, fatal: 95, what: "database connection usage %" },
    cacheCpuPercent: { warning: 60, critical: 80, fatal: 95, what: "Redis CPU %" },
    cacheMemoryPercent: { warning: 70, critical: 85, fatal: 95, what: "Redis memory usage %" },
};

/** Consecutive periods before each level fires. */
export const LEVEL_PERIODS: Readonly<Record<AlarmLevel, number>> = { warning: 5, critical: 3, fatal: 1 };

/**
 * Metrics measured on the VM app group (per-instance CPU and connections): a container tier has no
 * such group, its per-service CPU and connections drive its own scaling rules and are watched by the
 * platform (SAE monitoring, Container Insights, the pod autoscalers).
 */
export const APP_GROUP_METRICS: readonly AlarmMetric[] = ["appCpuPercent", "appConnectionsPerInstance"];

/**
 * Every alarm of a stack: each metric at each of the three levels (the app group's metrics only
 * with compute `vm`). Connection and CPU warnings sit
 * at the scale-out thresholds, so a warning means "scaling should be kicking in".
 */
export function alarmRules(spec: StackSpec): AlarmRule[] {
    const thresholds: typeof ALARM_THRESHOLDS = {
        ...ALARM_THRESHOLDS,
        appCpuPercent: { ...ALARM_THRESHOLDS.appCpuPercent, warning: spec.scaling.scaleOut.cpuPercent },
        appConnectionsPerInstance: { ...ALARM_THRESHOLDS.appConnectionsPerInstance, warning: spec.scaling.scaleOut.connectionsPerInstance },
    };
    return ALARM_METRICS.filter((metric) => spec.compute === "vm" || !APP_GROUP_METRICS.includes(metric)).flatMap((metric) =>
        spec.monitoring.levels.map((level): AlarmRule => {
            const t = thresholds[metric];
            const atLeast = metric === "lbUnhealthyHosts";
            return {
                key: `${metric}-${level}`,
                metric,
                level,
                comparison: atLeast ? "greaterThanOrEqual" : "greaterThan",
                threshold: t[level],
                periodSeconds: 60,
                evaluationPeriods: LEVEL_PERIODS[level],
                description: `${level}: ${t.what} ${atLeast ? ">=" : ">"} ${t[level]}`,
            };
        }),
    );
}
