import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import { ALARM_LEVELS, AlarmLevel, AlarmMetric, AlarmRule, DatabaseEngine, StackSpec, alarmRules } from "../model";

/** What an alarm watches: the CloudMonitor namespace, metric and the resource it is scoped to. */
interface CmsMetric {
    readonly project: string;
    readonly metric: string;
    /** Which resource id the alarm is scoped to; `group`: every ECS instance of the account in the region. */
    readonly target: "group" | "loadBalancer" | "database" | "cache";
    /** Dimension key of the target's id. */
    readonly dimension: string;
}

/** CloudMonitor metric of each alarm metric; database metrics depend on the engine. */
export function cmsMetric(metric: AlarmMetric, engine: DatabaseEngine): CmsMetric {
    const polardb = engine === "polardb";
    const db = (rds: string, polar: string): CmsMetric =>
        polardb
            ? { project: "acs_polardb", metric: polar, target: "database", dimension: "clusterId" }
            : { project: "acs_rds_dashboard", metric: rds, target: "database", dimension: "instanceId" };
    switch (metric) {
        case "appCpuPercent":
            return { project: "acs_ecs_dashboard", metric: "CPUUtilization", target: "group", dimension: "instanceId" };
        case "appConnectionsPerInstance":
            return { project: "acs_ecs_dashboard", metric: "net_tcpconnection", target: "group", dimension: "instanceId" };
        case "lb5xxPercent":
            return { project: "acs_alb", metric: "HTTPCodeUpstream5XXRatio", target: "loadBalancer", dimension: "loadBalancerId" };
        case "lbUnhealthyHosts":
            return { project: "acs_alb", metric: "UnHealthyHostCount", target: "loadBalancer", dimension: "loadBalancerId" };
        case "dbCpuPercent":
            return db("CpuUsage", "cluster_cpu_utilization");
        case "dbConnectionUsagePercent":
            return db("ConnectionUsage", "cluster_connection_utilization");
        case "cacheCpuPercent":
            return { project: "acs_kvstore", metric: "CpuUsage", target: "cache", dimension: "instanceId" };
        case "cacheMemoryPercent":
            return { project: "acs_kvstore", metric: "MemoryUsage", target: "cache", dimension: "instanceId" };
    }
}

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
        for (const rule of rules) this.alarm(name, rule, cmsMetric(rule.metric, spec.database.engine), targets, groups[rule.level]);

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
            statistics: "Average",
            comparisonOperator: rule.comparison === "greaterThanOrEqual" ? "GreaterThanOrEqualToThreshold" : "GreaterThanThreshold",
            threshold: String(rule.threshold),
            times: rule.evaluationPeriods,
        };
        new alicloud.cms.Alarm(
            `${name}-alarm-${rule.key}`,
            {
                name: `${name}-${rule.key}`,
                project: m.project,
                metric: m.metric,
                ...(target !== null
                    ? { metricDimensions: pulumi.output(target).apply((id) => JSON.stringify([{ [m.dimension]: id }])) }
                    : {}),
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
