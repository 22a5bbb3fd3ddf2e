import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

import { ALARM_LEVELS, AlarmDimensions, AlarmLevel, AlarmRule, alarmQueries, comparisonOperator } from "../model";

export interface MonitoringArgs {
    /** Every alarm of the stack, from alarmRules() in components/model. */
    readonly rules: readonly AlarmRule[];
    readonly contacts: Readonly<Record<AlarmLevel, readonly string[]>>;
    /** Where the region's metrics come from (group, load balancer, database, cache nodes). */
    readonly dimensions: pulumi.Input<AlarmDimensions>;
    readonly tags: Record<string, string>;
}

/**
 * Three-level alarms: an SNS topic per level (warning, critical, fatal) with its e-mail subscribers,
 * and one CloudWatch metric-math alarm per rule, notifying its level's topic on alarm and recovery.
 */
export class Monitoring extends pulumi.ComponentResource {
    readonly topicArns: Readonly<Record<AlarmLevel, pulumi.Output<string>>>;
    readonly alarmNames: pulumi.Output<string>[];

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Monitoring", name, {}, opts);
        const { tags } = args;
        const topics = new Map(
            ALARM_LEVELS.map((level) => {
                const topic = new aws.sns.Topic(
                    `${name}-${level}`,
                    { displayName: `${name} ${level} alarms`, kmsMasterKeyId: "alias/aws/sns", tags: { ...tags, level } },
                    { parent: this },
                );
                args.contacts[level].forEach((email, i) => {
                    new aws.sns.TopicSubscription(`${name}-${level}-${i}`, { topic: topic.arn, protocol: "email", endpoint: email }, { parent: this });
                });
                return [level, topic.arn];
            }),
        );
        const topicOf = (level: AlarmLevel): pulumi.Output<string> => {
            const arn = topics.get(level);
            if (arn === undefined) throw new pulumi.ResourceError(`no topic for alarm level ${level}`, this);
            return arn;
        };
        const dimensions = pulumi.output(args.dimensions);
        this.alarmNames = args.rules.map((rule) => {
            const alarm = new aws.cloudwatch.MetricAlarm(
                `${name}-${rule.key}`,
                {
                    alarmDescription: rule.description,
                    comparisonOperator: comparisonOperator(rule),
                    threshold: rule.threshold,
                    evaluationPeriods: rule.evaluationPeriods,
                    metricQueries: dimensions.apply((d) => alarmQueries(rule, d)),
                    treatMissingData: "missing",
                    alarmActions: [topicOf(rule.level)],
                    okActions: [topicOf(rule.level)],
                    tags: { ...tags, level: rule.level },
                },
                { parent: this },
            );
            return alarm.name;
        });
        this.topicArns = { warning: topicOf("warning"), critical: topicOf("critical"), fatal: topicOf("fatal") };
        this.registerOutputs({ topicArns: this.topicArns });
    }
}
