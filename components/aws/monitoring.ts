import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { ALARM_LEVELS, AlarmLevel, AlarmRule } from "../model";
import { AlarmDimensions, alarmQueries, comparisonOperator } from "./metrics";

export interface MonitoringArgs {
    /** Every alarm of the stack, from alarmRules() in components/model. */
    readonly rules: readonly AlarmRule[];
    readonly contacts: Readonly<Record<AlarmLevel, readonly string[]>>;
    /** Where the region's metrics come from (group, load balancer, database, cache nodes). */
    readonly dimensions: pulumi.Input<AlarmDimensions>;
    readonly tags: Record<string, string>;
}

/**
 * Policy of the customer managed key the alarm topics are encrypted with: the account administers
 * the key, and CloudWatch may use it to publish to the topics. An AWS managed key (alias/aws/sns)
 * cannot be used: its policy cannot be changed to admit CloudWatch. Source: Amazon SNS Developer
 * Guide, "Enable compatibility between event sources from AWS services and encrypted topics"
 * (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services):
 * principal cloudwatch.amazonaws.com, actions kms:Decrypt and kms:GenerateDataKey*.
 */
export function alarmTopicKeyPolicy(accountId: string): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "AccountAdministersKey", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: "kms:*", Resource: "*" },
            { Sid: "CloudWatchPublishesAlarms", Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*" },
        ],
    });
}

/**
 * Three-level alarms: an SNS topic per level (warning, critical, fatal), encrypted with a customer managed key CloudWatch may use, with its e-mail subscribers,
 * and one CloudWatch metric-math alarm per rule, notifying its level's topic on alarm and recovery.
 */
export class Monitoring extends pulumi.ComponentResource {
    readonly topicArns: Readonly<Record<AlarmLevel, pulumi.Output<string>>>;
    readonly alarmNames: pulumi.Output<string>[];

    constructor(name: string, args: MonitoringArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:Monitoring", name, {}, opts);
        const { tags } = args;
        const account = aws.getCallerIdentityOutput({}, { parent: this }).accountId;
        const key = new aws.kms.Key(
            `${name}-alarms-key`,
            { description: `${name} alarm topics`, enableKeyRotation: true, deletionWindowInDays: 30, policy: account.apply(alarmTopicKeyPolicy), tags },
            { parent: this },
        );
        const topics = new Map(
            ALARM_LEVELS.map((level) => {
                const topic = new aws.sns.Topic(
                    `${name}-${level}`,
                    { displayName: `${name} ${level} alarms`, kmsMasterKeyId: key.arn, tags: { ...tags, level } },
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
