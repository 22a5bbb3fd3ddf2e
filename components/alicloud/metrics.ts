// CloudMonitor translation of the cloud-neutral alarm rules and scaling conditions, and the app
// servers' publisher of the connection metric. Pure: names, texts and policy documents; the
// Alibaba Cloud components declare them.

import { APP_CONNECTIONS_METRIC, AlarmLevel, AlarmMetric, AlarmRule, CacheMode, DatabaseEngine, PublisherSteps, ScalingCondition, ServiceAlarmMetric } from "../model";

/** What an alarm watches: the CloudMonitor namespace, metric, statistic and the resource it is scoped to. */
export interface CmsMetric {
    readonly project: string;
    readonly metric: string;
    /** The statistic the metric publishes (CloudMonitor rejects any other since 2024-08-15). */
    readonly statistics: "Average" | "Value";
    /** Which resource id the alarm is scoped to; `group`: every ECS instance of the account in the region; `application`: one SAE application. */
    readonly target: "group" | "loadBalancer" | "database" | "cache" | "application";
    /** Dimension key of the target's id. */
    readonly dimension: string;
}

/**
 * CloudMonitor metric of each alarm metric; database metrics depend on the engine, cache metrics on
 * the Tair architecture (standard or cluster). Sources: the CloudMonitor metric tables
 * (https://www.alibabacloud.com/help/en/cms/cloudmonitor-1-0/support/appendix-1-metrics):
 * acs_rds_dashboard `CpuUsage`/`ConnectionUsage` publish Average, Minimum, Maximum; acs_polardb
 * `cluster_cpu_utilization` publishes Average only and `cluster_connection_utilization` Average,
 * Maximum, Minimum; acs_kvstore `Standard*`/`Sharding*` CPU and memory usage publish Average and
 * Maximum (the table policies/conformance/alicloud.ts CMS_METRIC_STATISTICS checks). For `acs_alb`,
 * https://www.alibabacloud.com/help/en/slb/application-load-balancer/user-guide/alb-monitoring-metrics:
 * the instance-level ALB metrics are named `LoadBalancer...` and publish the statistic `Value`.
 * Unverified (docs/CONFORMANCE.md): whether cloud-native Tair (`redis.TairInstance`) instances
 * publish the `Standard*`/`Sharding*` names, and the name and statistics of acs_ecs_dashboard
 * `net_tcpconnection`.
 * ALB publishes no instance-level 5xx ratio (only `RuleHTTPCodeUpstream5XXRatio` per forwarding
 * rule, API only): Alibaba Cloud stacks alarm on `lb5xxPerSecond`, the backend 5xx responses per
 * second (`LoadBalancerHTTPCodeUpstream5XX`, "Unit: Count/s"), and never on `lb5xxPercent`
 * (CloudProfile.lb5xxMetric; docs/CONFORMANCE.md).
 */
export function cmsMetric(metric: Exclude<AlarmMetric, "lb5xxPercent">, engine: DatabaseEngine, cacheMode: CacheMode): CmsMetric {
    const polardb = engine === "polardb";
    const db = (rds: string, polar: string): CmsMetric =>
        polardb
            ? { project: "acs_polardb", metric: polar, statistics: "Average", target: "database", dimension: "clusterId" }
            : { project: "acs_rds_dashboard", metric: rds, statistics: "Average", target: "database", dimension: "instanceId" };
    const cache = (standard: string, sharding: string): CmsMetric => ({
        project: "acs_kvstore",
        metric: cacheMode === "cluster" ? sharding : standard,
        statistics: "Average",
        target: "cache",
        dimension: "instanceId",
    });
    switch (metric) {
        case "appCpuPercent":
            return { project: "acs_ecs_dashboard", metric: "CPUUtilization", statistics: "Average", target: "group", dimension: "instanceId" };
        case "appConnectionsPerInstance":
            return { project: "acs_ecs_dashboard", metric: "net_tcpconnection", statistics: "Average", target: "group", dimension: "instanceId" };
        case "lb5xxPerSecond":
            return { project: "acs_alb", metric: "LoadBalancerHTTPCodeUpstream5XX", statistics: "Value", target: "loadBalancer", dimension: "loadBalancerId" };
        case "lbUnhealthyHosts":
            return { project: "acs_alb", metric: "LoadBalancerUnHealthyHostCount", statistics: "Value", target: "loadBalancer", dimension: "loadBalancerId" };
        case "dbCpuPercent":
            return db("CpuUsage", "cluster_cpu_utilization");
        case "dbConnectionUsagePercent":
            return db("ConnectionUsage", "cluster_connection_utilization");
        case "cacheCpuPercent":
            return cache("StandardCpuUsage", "ShardingCpuUsage");
        case "cacheMemoryPercent":
            return cache("StandardMemoryUsage", "ShardingMemoryUsage");
    }
}

/** CloudMonitor namespace of Serverless App Engine. */
export const SAE_METRICS_PROJECT = "acs_serverless";

/**
 * CloudMonitor metric of a per-service alarm on an SAE application: the Serverless App Engine
 * namespace `acs_serverless` (CloudMonitor "Appendix 1: Metrics" links SAE to
 * https://cloudmonitor.console.alibabacloud.com/metric-meta/acs_serverless/serverless), metrics
 * `cpu` (CPU usage, %) and `memoryPercent` (memory usage, %) with the statistic Average, scoped by
 * `appId`. Unverified (docs/CONFORMANCE.md): the names and the dimension come from a copy of that
 * table, not the console page itself. Unhealthy targets and the 5xx share are target-group
 * metrics, and the ALB server groups belong to the SAE ingress (no id to scope to): null.
 */
export function cmsServiceMetric(metric: ServiceAlarmMetric): CmsMetric | null {
    switch (metric) {
        case "serviceCpuPercent":
            return { project: SAE_METRICS_PROJECT, metric: "cpu", statistics: "Average", target: "application", dimension: "appId" };
        case "serviceMemoryPercent":
            return { project: SAE_METRICS_PROJECT, metric: "memoryPercent", statistics: "Average", target: "application", dimension: "appId" };
        case "serviceUnhealthyTargets":
        case "service5xxPercent":
            return null;
    }
}

/**
 * CloudMonitor comparison operator of a rule (terraform-provider-alicloud
 * alicloud/resource_alicloud_cms_alarm.go: `>`, `>=`, `<`, `<=`, `!=`, `==`, period variants).
 */
export function cmsComparisonOperator(comparison: AlarmRule["comparison"]): ">" | ">=" {
    return comparison === "greaterThanOrEqual" ? ">=" : ">";
}

/**
 * Resources of an alarm scoped to every instance of its project in the account and region
 * (CloudMonitor PutResourceMetricRule `Resources`: `[{"resource":"_ALL"}]`, the example the
 * CloudMonitor API models give for Resources; resource_alicloud_cms_alarm.go maps
 * `metric_dimensions` to and from `Resources`).
 */
export const CMS_ALL_RESOURCES = JSON.stringify([{ resource: "_ALL" }]);

/**
 * CloudMonitor has three escalation levels (Info, Warn, Critical); the blueprint's three levels map
 * onto them in order, so each rule fires at its own severity.
 */
export const CMS_ESCALATION: Readonly<Record<AlarmLevel, "escalationsInfo" | "escalationsWarn" | "escalationsCritical">> = {
    warning: "escalationsInfo",
    critical: "escalationsWarn",
    fatal: "escalationsCritical",
};

// ---------------------------------------------------------------------------------------------
// The app servers' publisher of APP_CONNECTIONS_METRIC (components/model/app-metrics.ts)

/** The custom metric the Alibaba Cloud publisher also sends: the guest's CPU in percent (see cpuCommand). */
export const ALICLOUD_CPU_METRIC = "CpuUtilization";

/**
 * CPU busy percent since the previous run, from /proc/stat's aggregate `cpu` line (user nice system
 * idle iowait irq softirq steal; idle = idle + iowait), kept in a state file between runs.
 * Alibaba Cloud only: an ESS alarm of metricType `custom` may read custom metrics only
 * (Auto Scaling CreateAlarm: "If you create an event-triggered task of the custom monitoring type,
 * you can associate only custom metrics with the task"), so the AND scale-in alarm reads the CPU
 * from the same publisher as the connections.
 */
export const CPU_COMMAND = [
    "read -r _ u n s i w q sq st _ < /proc/stat",
    "busy=$((u + n + s + q + sq + st)); idle=$((i + w))",
    "read -r pb pi < /run/lc-cpu 2>/dev/null || { pb=0; pi=0; }",
    'echo "$busy $idle" > /run/lc-cpu',
    "db=$((busy - pb)); di=$((idle - pi))",
    "cpu=$(( db + di > 0 ? 100 * db / (db + di) : 0 ))",
].join("\n");

/**
 * ESS alarm metric per scaling metric: the custom metrics the app servers' publisher sends to the
 * group's CloudMonitor application group (components/model/app-metrics.ts). Both are custom because
 * an alarm of metricType `custom` "can associate only custom metrics" (Auto Scaling CreateAlarm),
 * and the AND scale-in alarm needs connections and CPU in one alarm (metricType is one per alarm:
 * alicloud_ess_alarm `metric_type`, "system" or "custom").
 */
export const ESS_METRIC: Readonly<Record<ScalingCondition["metric"], string>> = {
    connectionsPerInstance: APP_CONNECTIONS_METRIC,
    cpuPercent: ALICLOUD_CPU_METRIC,
};

/** The metric type of the app group's alarms: the custom metrics of ESS_METRIC (ess.Alarm metricType: "system" | "custom"). */
export const ESS_APP_METRIC_TYPE = "custom";

/** Where the publisher of an app server sends its data points. */
export interface PublisherTarget {
    readonly appPort: number;
    /** Region of the CloudMonitor endpoint. */
    readonly region: string;
    /** The CloudMonitor application group the ESS alarms read (cms.MonitorGroup id). */
    readonly monitorGroupId: string;
    /** The ESS scaling group the instance belongs to (the `scaling_group` dimension). */
    readonly scalingGroupId: string;
    /** The RAM role of the instances (EcsRamRole credentials of the Alibaba Cloud CLI). */
    readonly roleName: string;
}

/**
 * The publish step reads `$count` and `$cpu` and sends them: the Alibaba Cloud CLI with
 * `--mode EcsRamRole` (credentials of the instance's RAM role, no AccessKey: Alibaba Cloud CLI,
 * "Configure credentials") calls CloudMonitor PutCustomMetric with MetricList.N.{GroupId,
 * MetricName, Dimensions (JSON), Type 0 = raw data, Values (JSON {"value": ...})} (CloudMonitor API
 * reference, PutCustomMetric). Dimensions carry `user_id` (the account, instance metadata
 * `owner-account-id`) and `scaling_group` (the ESS group id): the two dimensions an ESS alarm fills
 * itself (CreateAlarm: "user_id and scaling_group are automatically populated").
 * The install step: the Linux AMD64 archive holding the `aliyun` executable
 * (https://aliyuncli.alicdn.com/aliyun-cli-linux-latest-amd64.tgz: aliyun-cli docs/en/installation.md,
 * "Package downloads"; Alibaba Cloud CLI, "Install on Linux", TGZ file).
 */
export function publisherSteps(t: PublisherTarget): PublisherSteps {
    const dims = `{\\"user_id\\":\\"$account\\",\\"scaling_group\\":\\"${t.scalingGroupId}\\"}`;
    const metric = (n: number, name: string, value: string): string =>
        `--MetricList.${n}.GroupId ${t.monitorGroupId} --MetricList.${n}.MetricName ${name} --MetricList.${n}.Dimensions "${dims}" --MetricList.${n}.Time "$now" --MetricList.${n}.Type 0 --MetricList.${n}.Values "{\\"value\\":${value}}"`;
    return {
        appPort: t.appPort,
        install: "command -v aliyun >/dev/null || curl -sfL https://aliyuncli.alicdn.com/aliyun-cli-linux-latest-amd64.tgz | tar -xz -C /usr/local/bin aliyun",
        publish: [
            "account=$(curl -sf http://100.100.100.200/latest/meta-data/owner-account-id)",
            "now=$(($(date +%s) * 1000))",
            CPU_COMMAND,
            `aliyun cms PutCustomMetric --mode EcsRamRole --ram-role-name ${t.roleName} --region ${t.region} ${metric(1, APP_CONNECTIONS_METRIC, "$count")} ${metric(2, ALICLOUD_CPU_METRIC, "$cpu")}`,
        ].join("\n"),
    };
}

/** The action the instance identity needs to publish. */
export const PUBLISH_ACTION = "cms:PutCustomMetric";

/**
 * The RAM policy of the app servers: cms:PutCustomMetric, which supports no resource-level
 * authorization and no condition key (CloudMonitor PutCustomMetric, "Authorization information":
 * resource All Resources `*`), so the statement names `*`.
 */
export function publishPolicy(): string {
    return JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: [PUBLISH_ACTION], Resource: ["*"] }] });
}

/**
 * Trust policy of a RAM role for ECS: the ECS service assumes it (RAM, "Create a RAM role for a
 * trusted Alibaba Cloud service": Principal Service ecs.aliyuncs.com, Action sts:AssumeRole).
 */
export function ecsTrustPolicy(): string {
    return JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["ecs.aliyuncs.com"] } }] });
}
