// CloudWatch translation of the cloud-neutral scaling actions and alarm rules: every alarm is a
// metric-math alarm over plain metric queries, so OR / AND of the scaling policy and ratios such as
// the 5xx share are expressed exactly. Pure: dimension values come in as plain strings.

import { APP_CONNECTIONS_METRIC, AlarmMetric, AlarmRule, PublisherSteps, ScalingAction, ScalingCondition, ScalingMetric, ServiceAlarmMetric, ServiceAlarmRule, stepIntervals } from "../model";

/** The CloudWatch namespace of the app's custom metric APP_CONNECTIONS_METRIC (see docs/METRICS.md). */
export const APP_METRICS_NAMESPACE = "LiveCommerce/App";

export interface CloudWatchMetric {
    readonly namespace: string;
    readonly metricName: string;
    readonly stat: string;
    readonly period: number;
    readonly dimensions: Readonly<Record<string, string>>;
}

/** One entry of a metric-math alarm: a metric (`metric`) or an expression over other ids. */
export interface MetricQuery {
    readonly id: string;
    readonly metric?: CloudWatchMetric;
    readonly expression?: string;
    readonly label?: string;
    readonly returnData: boolean;
}

/** CloudWatch allows at most this many metrics in one metric-math alarm. */
export const MAX_ALARM_METRICS = 10;

/** Where the metrics of one region's alarms come from. */
export interface AlarmDimensions {
    readonly autoScalingGroupName: string;
    /** The load balancer's ARN suffix (`app/<name>/<id>`). */
    readonly loadBalancer: string;
    /** ARN suffixes of the target groups (`targetgroup/<name>/<id>`). */
    readonly targetGroups: readonly string[];
    /** RDS dimension of the writer: an instance or an Aurora cluster. */
    readonly database: { readonly name: "DBInstanceIdentifier" | "DBClusterIdentifier"; readonly value: string };
    /** The database's default max_connections, for connection usage in percent. */
    readonly databaseMaxConnections: number;
    /** ElastiCache node ids (CacheClusterId). */
    readonly cacheNodes: readonly string[];
}

/**
 * What a scaling alarm measures: the EC2 app group (AWS/EC2 CPUUtilization by AutoScalingGroupName)
 * or one ECS service (AWS/ECS CPUUtilization by ClusterName and ServiceName: "the percentage of CPU
 * units used by the service", ECS developer guide "Amazon ECS CloudWatch metrics"). The connection
 * count is the app's own metric, published with the same dimensions as the CPU metric.
 */
export type ScalingScope = { readonly kind: "autoScalingGroup"; readonly name: string } | { readonly kind: "ecsService"; readonly cluster: string; readonly service: string };

function scopeDimensions(scope: ScalingScope): Readonly<Record<string, string>> {
    return scope.kind === "autoScalingGroup" ? { AutoScalingGroupName: scope.name } : { ClusterName: scope.cluster, ServiceName: scope.service };
}

function scalingSource(metric: ScalingMetric, scope: ScalingScope): { readonly namespace: string; readonly metricName: string } {
    if (metric === "connectionsPerInstance") return { namespace: APP_METRICS_NAMESPACE, metricName: APP_CONNECTIONS_METRIC };
    return { namespace: scope.kind === "autoScalingGroup" ? "AWS/EC2" : "AWS/ECS", metricName: "CPUUtilization" };
}

const SCALING_IDS: Readonly<Record<ScalingMetric, string>> = { connectionsPerInstance: "connections", cpuPercent: "cpu" };

/** The action's conditions joined by OR (any) or AND (all), each metric named by `name`. */
function combined(action: ScalingAction, name: (m: ScalingMetric) => string): string {
    const condition = (c: ScalingCondition): string => `${name(c.metric)} ${c.comparison === "greaterThan" ? ">" : "<"} ${c.threshold}`;
    return action.conditions.map(condition).join(action.combine === "any" ? " OR " : " AND ");
}

/**
 * What a missing connection count means to a scaling alarm of `scope` (CPU is always published by
 * the cloud):
 * - `holds` on the EC2 app group, whose publisher the blueprint installs (user data): a missing
 *   count is a broken publisher, so it satisfies no condition (filled with the threshold) and
 *   scale-in waits until the count is back;
 * - `cpuOnly` on an ECS service, where the count is the app's own contract (the task role may
 *   PutMetricData ConnectionsPerInstance with ClusterName and ServiceName, docs/METRICS.md): an app
 *   that does not publish would otherwise block scale-in for ever, so a missing count is filled with
 *   0 and the AND rule falls back to CPU < scaleIn.cpuPercent alone (docs/SCALING.md).
 */
export function missingConnections(scope: Pick<ScalingScope, "kind">): "holds" | "cpuOnly" {
    return scope.kind === "autoScalingGroup" ? "holds" : "cpuOnly";
}

/**
 * `IF(FILL(connections, 5000) > 5000 OR FILL(cpu, 70) > 70, 1, 0)`: 1 while the action's combined
 * condition holds. A missing data point is filled with the threshold itself, which satisfies no
 * condition: a silent metric can neither trigger a scale-out nor let a scale-in through, and CPU
 * alone still scales out when the app publishes no connection count. With `missing` `cpuOnly`
 * (missingConnections) a missing connection count is filled with 0 instead: it never triggers a
 * scale-out and satisfies a scale-in's `connections < 1000`, leaving the decision to CPU.
 */
export function scalingExpression(action: ScalingAction, missing: "holds" | "cpuOnly" = "holds"): string {
    const threshold = (m: ScalingMetric): number => action.conditions.find((c) => c.metric === m)?.threshold ?? 0;
    const fill = (m: ScalingMetric): number => (m === "connectionsPerInstance" && missing === "cpuOnly" ? 0 : threshold(m));
    return `IF(${combined(action, (m) => `FILL(${SCALING_IDS[m]}, ${fill(m)})`)}, 1, 0)`;
}

/** `scale out: connectionsPerInstance > 5000 OR cpuPercent > 70`, for alarm descriptions. */
export function scalingDescription(action: ScalingAction): string {
    return `scale ${action.direction}: ${combined(action, (m) => m)}`;
}

/** Alarm threshold on a scalingExpression: it fires at 1 (condition holds), not at 0. */
export const SCALING_ALARM_THRESHOLD = 1;

/**
 * `MAX([FILL(connections, 0) / 5000, FILL(cpu, 0) / 70])`: how many times its threshold the most
 * breached scale-out metric is. Above 1 exactly when connections > 5,000 OR CPU > 70 % (the alarm
 * compares GreaterThanThreshold 1), and its size picks the step (scale-out bands). A missing data
 * point counts as 0: a silent metric never triggers a scale-out. CloudWatch metric math: MAX of an
 * array of time series is the per-point maximum.
 */
export function scaleOutRatioExpression(action: ScalingAction): string {
    return `MAX([${action.conditions.map((c) => `FILL(${SCALING_IDS[c.metric]}, 0) / ${c.threshold}`).join(", ")}])`;
}

/** The metric queries of the scale-out alarm: the scope's average of each metric and the breach ratio. */
export function scaleOutRatioQueries(action: ScalingAction, scope: ScalingScope): MetricQuery[] {
    return [...metricQueries(action, scope), { id: "ratio", expression: scaleOutRatioExpression(action), label: "scale out: breach ratio", returnData: true }];
}

/**
 * Step adjustments of the scale-out policy from the bands (stepIntervals on the breach ratio, the
 * alarm's threshold SCALING_ALARM_THRESHOLD): lower bound inclusive above the threshold, per the
 * StepAdjustment reference; the last band has no upper bound.
 */
export function scaleOutSteps(action: ScalingAction): { metricIntervalLowerBound: string; metricIntervalUpperBound?: string; scalingAdjustment: number }[] {
    return stepIntervals(action, SCALING_ALARM_THRESHOLD).map((s) => ({
        metricIntervalLowerBound: String(s.lower),
        ...(s.upper === null ? {} : { metricIntervalUpperBound: String(s.upper) }),
        scalingAdjustment: s.percent,
    }));
}

/** The metric queries of a scaling alarm: the group's average of each metric and the combined condition. */
export function scalingQueries(action: ScalingAction, scope: ScalingScope): MetricQuery[] {
    return [...metricQueries(action, scope), { id: "condition", expression: scalingExpression(action, missingConnections(scope)), label: `scale ${action.direction}`, returnData: true }];
}

function metricQueries(action: ScalingAction, scope: ScalingScope): MetricQuery[] {
    return [...new Set(action.conditions.map((c) => c.metric))].map(
        (m): MetricQuery => ({
            id: SCALING_IDS[m],
            metric: { ...scalingSource(m, scope), stat: "Average", period: action.periodSeconds, dimensions: scopeDimensions(scope) },
            returnData: false,
        }),
    );
}

function single(id: string, metric: CloudWatchMetric, expression: string, label: string): MetricQuery[] {
    return [
        { id, metric, returnData: false },
        { id: "value", expression, label, returnData: true },
    ];
}

/** The share of requests (in %) the targets answered with a 5xx, over `dimensions` (a load balancer, or one target group of it). */
function target5xxPercent(period: number, dimensions: Readonly<Record<string, string>>, label: string): MetricQuery[] {
    return [
        { id: "errors", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", stat: "Sum", period, dimensions }, returnData: false },
        { id: "requests", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", stat: "Sum", period, dimensions }, returnData: false },
        { id: "value", expression: "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)", label, returnData: true },
    ];
}

/** Maximum of one metric over several dimension values (nodes, target groups), capped at MAX_ALARM_METRICS. */
function maxOver(base: Omit<CloudWatchMetric, "dimensions">, dimensions: readonly Readonly<Record<string, string>>[], label: string): MetricQuery[] {
    const metrics = dimensions.slice(0, MAX_ALARM_METRICS).map((d, i): MetricQuery => ({ id: `m${i}`, metric: { ...base, dimensions: d }, returnData: false }));
    return [...metrics, { id: "value", expression: `MAX([${metrics.map((m) => m.id).join(", ")}])`, label, returnData: true }];
}

/** The CloudWatch queries of one alarm rule; the alarm compares the returned `value` with the rule's threshold. */
export function alarmQueries(rule: AlarmRule, d: AlarmDimensions): MetricQuery[] {
    const period = rule.periodSeconds;
    const asg = { AutoScalingGroupName: d.autoScalingGroupName };
    const db = { [d.database.name]: d.database.value };
    const label = rule.description;
    const byMetric: Readonly<Record<AlarmMetric, () => MetricQuery[]>> = {
        appCpuPercent: () => single("cpu", { namespace: "AWS/EC2", metricName: "CPUUtilization", stat: "Average", period, dimensions: asg }, "cpu", label),
        appConnectionsPerInstance: () =>
            single("connections", { namespace: APP_METRICS_NAMESPACE, metricName: APP_CONNECTIONS_METRIC, stat: "Average", period, dimensions: asg }, "connections", label),
        lb5xxPercent: () => target5xxPercent(period, { LoadBalancer: d.loadBalancer }, label),
        // The same count Alibaba Cloud alarms on (its profile's lb5xxMetric): the targets' 5xx responses per second.
        lb5xxPerSecond: () =>
            single("errors", { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", stat: "Sum", period, dimensions: { LoadBalancer: d.loadBalancer } }, `FILL(errors, 0) / ${period}`, label),
        lbUnhealthyHosts: () =>
            maxOver(
                { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", stat: "Maximum", period },
                d.targetGroups.map((tg) => ({ TargetGroup: tg, LoadBalancer: d.loadBalancer })),
                label,
            ),
        dbCpuPercent: () => single("cpu", { namespace: "AWS/RDS", metricName: "CPUUtilization", stat: "Maximum", period, dimensions: db }, "cpu", label),
        dbConnectionUsagePercent: () =>
            single(
                "connections",
                { namespace: "AWS/RDS", metricName: "DatabaseConnections", stat: "Maximum", period, dimensions: db },
                `100 * connections / ${d.databaseMaxConnections}`,
                label,
            ),
        cacheCpuPercent: () =>
            maxOver({ namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", stat: "Maximum", period }, d.cacheNodes.map((n) => ({ CacheClusterId: n })), label),
        cacheMemoryPercent: () =>
            maxOver(
                { namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", stat: "Maximum", period },
                d.cacheNodes.map((n) => ({ CacheClusterId: n })),
                label,
            ),
    };
    return byMetric[rule.metric]();
}

/**
 * Which dimensions each per-service alarm reads: the ECS service (ClusterName and ServiceName) or
 * its own target group (TargetGroup and LoadBalancer).
 */
export const SERVICE_ALARM_DIMENSIONS: Readonly<Record<ServiceAlarmMetric, "service" | "targetGroup">> = {
    serviceCpuPercent: "service",
    serviceMemoryPercent: "service",
    serviceUnhealthyTargets: "targetGroup",
    service5xxPercent: "targetGroup",
};

/**
 * The CloudWatch queries of one per-service alarm over `dimensions` (as SERVICE_ALARM_DIMENSIONS
 * names them); the alarm compares the returned `value` with the rule's threshold. AWS/ECS
 * CPUUtilization and MemoryUtilization ("the percentage of CPU units / memory used by the
 * service", ECS Developer Guide, "Amazon ECS CloudWatch metrics"); AWS/ApplicationELB
 * UnHealthyHostCount ("the number of targets that are considered unhealthy") and the 5xx share of
 * the target group's requests (Application Load Balancer User Guide, "CloudWatch metrics for your
 * Application Load Balancer").
 */
export function serviceAlarmQueries(rule: ServiceAlarmRule, dimensions: Readonly<Record<string, string>>): MetricQuery[] {
    const period = rule.periodSeconds;
    const label = rule.description;
    switch (rule.metric) {
        case "serviceCpuPercent":
            return single("cpu", { namespace: "AWS/ECS", metricName: "CPUUtilization", stat: "Average", period, dimensions }, "cpu", label);
        case "serviceMemoryPercent":
            return single("memory", { namespace: "AWS/ECS", metricName: "MemoryUtilization", stat: "Average", period, dimensions }, "memory", label);
        case "serviceUnhealthyTargets":
            return single("unhealthy", { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", stat: "Maximum", period, dimensions }, "unhealthy", label);
        case "service5xxPercent":
            return target5xxPercent(period, dimensions, label);
    }
}

/** CloudWatch comparison operator of a rule. */
export function comparisonOperator(rule: Pick<AlarmRule, "comparison">): "GreaterThanThreshold" | "GreaterThanOrEqualToThreshold" {
    return rule.comparison === "greaterThan" ? "GreaterThanThreshold" : "GreaterThanOrEqualToThreshold";
}

// ---------------------------------------------------------------------------------------------
// The app servers' publisher of APP_CONNECTIONS_METRIC (components/model/app-metrics.ts)

/**
 * The publish step: the AWS CLI of Amazon Linux 2023 (`aws cloudwatch put-metric-data`, namespace,
 * metric name, dimension `AutoScalingGroupName`, unit Count), credentials from the instance profile;
 * the group name is the instance tag `aws:autoscaling:groupName` read from the instance metadata
 * service (IMDSv2 token, `meta-data/tags/instance/<key>`, with instance metadata tags enabled on the
 * launch template: EC2 User Guide, "View tags for your EC2 instances using instance metadata").
 * The install step: the AWS CLI version 2 installer for Linux x86_64
 * (https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip, unzip, `./aws/install`: AWS CLI User
 * Guide, "Installing or updating to the latest version of the AWS CLI").
 */
export function publisherSteps(appPort: number): PublisherSteps {
    return {
        appPort,
        install: "command -v aws >/dev/null || { curl -sfo /tmp/awscliv2.zip https://awscli.amazonaws.com/awscli-exe-linux-x86_64.zip && unzip -qo /tmp/awscliv2.zip -d /tmp && /tmp/aws/install; }",
        publish: [
            'token=$(curl -sf -X PUT -H "X-aws-ec2-metadata-token-ttl-seconds: 300" http://169.254.169.254/latest/api/token)',
            'group=$(curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/tags/instance/aws:autoscaling:groupName)',
            'region=$(curl -sf -H "X-aws-ec2-metadata-token: $token" http://169.254.169.254/latest/meta-data/placement/region)',
            `aws cloudwatch put-metric-data --region "$region" --namespace ${APP_METRICS_NAMESPACE} --metric-name ${APP_CONNECTIONS_METRIC} --dimensions "AutoScalingGroupName=$group" --unit Count --value "$count"`,
        ].join("\n"),
    };
}

/** The action the instance identity needs to publish. */
export const PUBLISH_ACTION = "cloudwatch:PutMetricData";

/**
 * The IAM policy of the app servers: PutMetricData into the app namespace only. Condition key
 * `cloudwatch:namespace` (CloudWatch User Guide, "Using condition keys to limit access to
 * CloudWatch namespaces": Allow cloudwatch:PutMetricData, Resource *, StringEquals
 * cloudwatch:namespace).
 */
export function publishPolicy(): string {
    return JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Action: PUBLISH_ACTION, Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": APP_METRICS_NAMESPACE } } }],
    });
}

/** Trust policy of an IAM role an AWS service assumes (sts:AssumeRole by the service principal, e.g. ec2.amazonaws.com). */
export function serviceTrustPolicy(service: string): string {
    return JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: service }, Action: "sts:AssumeRole" }] });
}
