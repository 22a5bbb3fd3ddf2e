import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { ALARM_LEVELS, AlarmLevel, AlarmRule, StackSpec, alarmRules } from "../model";
import { ALICLOUD_PROFILE } from "./profile";
import { CMS_ALL_RESOURCES, CMS_ESCALATION, CmsMetric, cmsComparisonOperator, cmsMetric } from "./metrics";

/**
 * One CloudMonitor alarm: `rule` at its level's escalation on metric `m` of the resource `target`
 * (null: every resource of the project, CMS_ALL_RESOURCES), notifying the contact group `contactGroup`.
 */
export function cmsAlarm(
    parent: pulumi.Resource,
    name: string,
    rule: Pick<AlarmRule, "key" | "level" | "comparison" | "threshold" | "evaluationPeriods" | "periodSeconds">,
    m: CmsMetric,
    target: pulumi.Input<string> | null,
    contactGroup: pulumi.Input<string>,
    tags: Record<string, string>,
): alicloud.cms.Alarm {
    const escalation = {
        statistics: m.statistics,
        comparisonOperator: cmsComparisonOperator(rule.comparison),
        threshold: String(rule.threshold),
        times: rule.evaluationPeriods,
    };
    return new alicloud.cms.Alarm(
        `${name}-alarm-${rule.key}`,
        {
            name: `${name}-${rule.key}`,
            project: m.project,
            metric: m.metric,
            metricDimensions: target !== null ? pulumi.output(target).apply((id) => JSON.stringify([{ [m.dimension]: id }])) : CMS_ALL_RESOURCES,
            period: rule.periodSeconds,
            contactGroups: [contactGroup],
            [CMS_ESCALATION[rule.level]]: escalation,
            enabled: true,
            effectiveInterval: "00:00-23:59",
            silenceTime: 3600,
            tags: { level: rule.level, ...tags },
        },
        { parent },
    );
}

/** The part of the stack spec the alarms read. */
export type MonitoringSpec = Pick<StackSpec, "compute" | "monitoring" | "scaling" | "database" | "cache">;

export interface MonitoringArgs {
    /** What the alarms read of the stack spec: levels and recipients, the scaling thresholds, the compute tier, and the database engine and cache mode (their CloudMonitor namespaces). */
    readonly spec: MonitoringSpec;
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
        const targets: Readonly<Record<Exclude<CmsMetric["target"], "application">, pulumi.Input<string> | null>> = {
            group: null,
            loadBalancer: args.loadBalancerId,
            database: args.databaseId,
            cache: args.cacheId,
        };
        const rules = alarmRules(spec, ALICLOUD_PROFILE);
        for (const rule of rules) {
            const metric = rule.metric;
            // alarmRules keeps the 5xx count of this cloud (ALICLOUD_PROFILE.lb5xxMetric): ALB publishes no 5xx share per instance.
            if (metric === "lb5xxPercent") throw new pulumi.ResourceError(`alarm ${rule.key}: Alibaba Cloud's ALB publishes no 5xx share per instance; its alarm is lb5xxPerSecond`, this);
            const m = cmsMetric(metric, spec.database.engine, spec.cache.mode);
            if (m.target === "application") throw new pulumi.ResourceError(`alarm ${rule.key} reads an application metric: per-application alarms belong to the SAE applications`, this);
            cmsAlarm(this, name, rule, m, targets[m.target], groups[rule.level].alarmContactGroupName, { metric: rule.metric });
        }

        this.contactGroups = {
            warning: groups.warning.alarmContactGroupName,
            critical: groups.critical.alarmContactGroupName,
            fatal: groups.fatal.alarmContactGroupName,
        };
        this.alarmCount = rules.length;
        this.registerOutputs({ contactGroups: this.contactGroups });
    }

    private contactGroup(name: string, level: AlarmLevel, spec: MonitoringSpec, contacts: Map<string, alicloud.cms.AlarmContact>): alicloud.cms.AlarmContactGroup {
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
}
