import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import { ALARM_LEVELS, AlarmLevel, AlarmMetric, AlarmRule, CacheMode, DatabaseEngine, StackSpec, alarmRules } from "../model";

/** What an alarm watches: the CloudMonitor namespace, metric, statistic and the resource it is scoped to. */
export interface CmsMetric {
    readonly project: string;
    readonly metric: string;
    /** The statistic the metric publishes (CloudMonitor rejects any other since 2024-08-15). */
    readonly statistics: "Average" | "Value";
    /** Which resource id the alarm is scoped to; `group`: every ECS instance of the account in the region. */
    readonly target: "group" | "loadBalancer" | "database" | "cache";
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
 * ALB publishes no instance-level 5xx ratio: `lb5xxPercent` reads the backend 5xx responses per
 * second (`LoadBalancerHTTPCodeUpstream5XX`), so on Alibaba Cloud its thresholds count responses
 * per second (docs/CONFORMANCE.md).
 */
export function cmsMetric(metric: AlarmMetric, engine: DatabaseEngine, cacheMode: CacheMode): CmsMetric {
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
        case "lb5xxPercent":
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

export interface MonitoringArgs {
    readonly spec: StackSpec;
    readonly loadBalancerId: pulumi.Input<string>;
    readonly databaseId: pulumi.Input<string>;
    readonly cacheId: pulumi.Input<string>;
}

/**
 * Three-level alarms: one contact group per level (warning, critical, fatal) with the level's
 * e-mail contacts, and one CloudMonitor alarm per alarmRules() entry (every metric at every level)
 * notifying that level's group.
 */
export class Monitoring extends pulumi.ComponentResource {
    /** Contact group name per level. */
    readonly contactGroups: Readonly<Record<AlarmLevel, pulumi.Output<string>>>;
    readonly alarmCount: number;

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Monitoring", name, {}, opts);
        const { spec } = args;
        const emails = [...new Set(ALARM_LEVELS.flatMap((level) => spec.monitoring.contacts[level]))];
        const contacts = new Map(
            emails.map((email, i) => [
                email,
                new alicloud.cms.AlarmContact(
                    `${name}-contact-${i}`,
                    { alarmContactName: `${name}-${i}`, describe: `live-commerce on-call ${email}`, channelsMail: email, lang: "en" },
                    { parent: this },
                ),
            ]),
        );
        const groups = {
            warning: this.contactGroup(name, "warning", spec, contacts),
            critical: this.contactGroup(name, "critical", spec, contacts),
            fatal: this.contactGroup(name, "fatal", spec, contacts),
        };
        const targets: Readonly<Record<CmsMetric["target"], pulumi.Input<string> | null>> = {
            group: null,
            loadBalancer: args.loadBalancerId,
            database: args.databaseId,
            cache: args.cacheId,
        };
        const rules = alarmRules(spec);
        for (const rule of rules) this.alarm(name, rule, cmsMetric(rule.metric, spec.database.engine, spec.cache.mode), targets, groups[rule.level]);

        this.contactGroups = {
            warning: groups.warning.alarmContactGroupName,
            critical: groups.critical.alarmContactGroupName,
            fatal: groups.fatal.alarmContactGroupName,
        };
        this.alarmCount = rules.length;
        this.registerOutputs({ contactGroups: this.contactGroups });
    }

    private contactGroup(name: string, level: AlarmLevel, spec: StackSpec, contacts: Map<string, alicloud.cms.AlarmContact>): alicloud.cms.AlarmContactGroup {
        const members = spec.monitoring.contacts[level].flatMap((email) => {
            const c = contacts.get(email);
            return c === undefined ? [] : [c.alarmContactName];
        });
        return new alicloud.cms.AlarmContactGroup(
            `${name}-contacts-${level}`,
            { alarmContactGroupName: `${name}-${level}`, describe: `live-commerce ${level} alarms`, contacts: members },
            { parent: this },
        );
    }

    private alarm(
        name: string,
        rule: AlarmRule,
        m: CmsMetric,
        targets: Readonly<Record<CmsMetric["target"], pulumi.Input<string> | null>>,
        group: alicloud.cms.AlarmContactGroup,
    ): void {
        const target = targets[m.target];
        const escalation = {
            statistics: m.statistics,
            comparisonOperator: cmsComparisonOperator(rule.comparison),
            threshold: String(rule.threshold),
            times: rule.evaluationPeriods,
        };
        new alicloud.cms.Alarm(
            `${name}-alarm-${rule.key}`,
            {
                name: `${name}-${rule.key}`,
                project: m.project,
                metric: m.metric,
                metricDimensions: target !== null ? pulumi.output(target).apply((id) => JSON.stringify([{ [m.dimension]: id }])) : CMS_ALL_RESOURCES,
                period: rule.periodSeconds,
                contactGroups: [group.alarmContactGroupName],
                [CMS_ESCALATION[rule.level]]: escalation,
                enabled: true,
                effectiveInterval: "00:00-23:59",
                silenceTime: 3600,
                tags: { level: rule.level, metric: rule.metric },
            },
            { parent: this },
        );
    }
}
