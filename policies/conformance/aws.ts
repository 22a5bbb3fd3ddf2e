// AWS rules of the provider-conformance table (terraform-provider-aws v6.66 as bridged by
// @pulumi/aws 7.48.0, and the AWS APIs). One entry per constrained property the program sets;
// each names its source: the provider's resource file, the SDK docstring at the pinned version
// (generated from the provider's website/docs/r/*.html.markdown) or the API reference page.
// Provider citations name the file and the function or schema field that holds the rule, as read in
// hashicorp/terraform-provider-aws; where the provider sets no limit, the API page that does is cited.

import { Props, isRecord, list, num, str } from "../lib/values";
import { ConformanceRule, ValueTest, allOf, between, forbidden, lengthBetween, matches, name, oneOf } from "./checkers";

const TF = "terraform-provider-aws internal/service/";
const SDK = "@pulumi/aws 7.48.0 ";
/** AWS's own RDS request reference (the constraints each identifier states). */
const RDS_API = "https://docs.aws.amazon.com/sdk-for-kotlin/api/latest/rds/aws.sdk.kotlin.services.rds.model/";
const RDS_IDENTIFIER_SOURCE = `${TF}rds/validate.go (validIdentifier: ^[0-9a-z-]+$, first character a letter, no "--", no trailing hyphen; no length limit)`;

/** ELB names: letters, digits and hyphens, not beginning or ending with a hyphen. */
const ELB_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?$/;
/** RDS identifiers: a letter first, lowercase letters, digits and hyphens, no "--", no trailing hyphen. */
const RDS_IDENTIFIER = /^[a-z](?!.*--)[a-z0-9-]*[a-z0-9]$|^[a-z]$/;
const RDS_IDENTIFIER_WORDS = "starting with a letter; lowercase letters, digits and hyphens; no two consecutive hyphens; not ending with a hyphen";
/** Characters EC2 accepts in security group and rule descriptions. */
const EC2_DESCRIPTION = /^[a-zA-Z0-9. _\-:/()#,@[\]+=&;{}!$*]*$/;

/**
 * The CloudWatch metrics the program's alarms read, by namespace, from the services' published
 * metric tables. A custom namespace (not `AWS/...`) is the app's own and is not checked here.
 */
export const AWS_METRICS: Readonly<Record<string, { readonly names: readonly string[]; readonly source: string }>> = {
    "AWS/ApplicationELB": {
        names: [
            "ActiveConnectionCount",
            "ConsumedLCUs",
            "HTTPCode_ELB_4XX_Count",
            "HTTPCode_ELB_5XX_Count",
            "HTTPCode_Target_2XX_Count",
            "HTTPCode_Target_3XX_Count",
            "HTTPCode_Target_4XX_Count",
            "HTTPCode_Target_5XX_Count",
            "HealthyHostCount",
            "NewConnectionCount",
            "RejectedConnectionCount",
            "RequestCount",
            "RequestCountPerTarget",
            "TargetConnectionErrorCount",
            "TargetResponseTime",
            "UnHealthyHostCount",
        ],
        source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-cloudwatch-metrics.html",
    },
    "AWS/EC2": {
        names: ["CPUUtilization", "NetworkIn", "NetworkOut", "StatusCheckFailed", "StatusCheckFailed_Instance", "StatusCheckFailed_System"],
        source: "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/viewing_metrics_with_cloudwatch.html",
    },
    "AWS/ECS": {
        // Service-level metrics with the ClusterName and ServiceName dimensions (Fargate services included).
        names: ["CPUUtilization", "MemoryUtilization"],
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/available-metrics.html",
    },
    "AWS/RDS": {
        names: ["CPUUtilization", "DatabaseConnections", "FreeableMemory", "FreeStorageSpace", "ReadLatency", "WriteLatency", "AuroraReplicaLag", "AuroraGlobalDBReplicationLag"],
        source: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.AuroraMonitoring.Metrics.html; https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-metrics.html",
    },
    "AWS/ElastiCache": {
        names: ["CPUUtilization", "EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "CurrConnections", "Evictions", "ReplicationLag"],
        source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/CacheMetrics.Redis.html",
    },
};

/** ELB's page of listener rule condition limits ("Condition basics"). */
const ELB_CONDITIONS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html (Condition basics)";
/** ELB API reference of the host-header condition's values. */
const ELB_HOST_HEADER = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_HostHeaderConditionConfig.html";
/** ELB's quota table: "Condition values per rule 5", "Condition wildcards per rule 5", "Match evaluations per rule 5", none adjustable. */
const ELB_RULE_QUOTAS = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-limits.html (Rules)";
/** The condition blocks of aws.lb.ListenerRule `conditions[]` whose value lists are match evaluations. */
const VALUE_CONDITIONS = ["hostHeader", "httpHeader", "httpRequestMethod", "pathPattern", "sourceIp"] as const;
/** The conditions a rule may hold at most once ("up to one of each of the following conditions: host-header, http-request-method, path-pattern, and source-ip"). */
const ONCE_PER_RULE = ["hostHeader", "httpRequestMethod", "pathPattern", "sourceIp"] as const;

/** The strings a listener rule condition block compares with the request (values, regexValues, query-string pairs): its match evaluations. */
function matchEvaluations(condition: unknown): number {
    if (!isRecord(condition)) return 0;
    const lists = VALUE_CONDITIONS.flatMap((k) => {
        const c = condition[k];
        return isRecord(c) ? [list(c.values).length + list(c.regexValues).length] : [];
    });
    return lists.reduce((a, b) => a + b, 0) + list(condition.queryString).length;
}

/** The `*` and `?` wildcards of a condition block's values (host-header, http-header, path-pattern, query-string; regexValues are no wildcards). */
function wildcards(condition: unknown): number {
    if (!isRecord(condition)) return 0;
    const count = (v: unknown) => (typeof v === "string" ? (v.match(/[*?]/g) ?? []).length : 0);
    const values = ["hostHeader", "httpHeader", "pathPattern"].flatMap((k) => (isRecord(condition[k]) ? list(condition[k].values) : []));
    const pairs = list(condition.queryString).flatMap((q) => (isRecord(q) ? [q.key, q.value] : []));
    return [...values, ...pairs].reduce((n: number, v) => n + count(v), 0);
}

/**
 * ELB listener rule condition limits (ELB User Guide, "Condition types for listener rules",
 * Condition basics): "You can specify up to three match evaluations per condition" (each string a
 * condition compares, e.g. up to three http-header values), "up to five match evaluations per
 * rule", "a limit of five wildcard characters per rule" (host-header, http-header, path-pattern,
 * query-string), and "up to one of each of the following conditions: host-header,
 * http-request-method, path-pattern, and source-ip"; the quota table lists condition values,
 * condition wildcards and match evaluations per rule at 5, not adjustable. CreateRule refuses a
 * rule beyond them.
 */
const ruleConditionsLimits: ValueTest = {
    describe: "at most 5 match evaluations (condition values) and 5 wildcard characters per rule, and at most one each of hostHeader, httpRequestMethod, pathPattern and sourceIp",
    accepts: (value) => {
        const conditions = list(value);
        const evaluations = conditions.reduce((n: number, c) => n + matchEvaluations(c), 0);
        const stars = conditions.reduce((n: number, c) => n + wildcards(c), 0);
        const repeated = ONCE_PER_RULE.some((k) => conditions.filter((c) => isRecord(c) && c[k] !== undefined).length > 1);
        return evaluations <= 5 && stars <= 5 && !repeated;
    },
};

/** At most three match evaluations in one condition block (ELB "Condition basics"). */
const conditionLimit: ValueTest = {
    describe: "at most 3 match evaluations (values) in one condition",
    accepts: (value) => matchEvaluations(value) <= 3,
};

/**
 * A host-header condition value names a host with a domain: ELB API HostHeaderConditionConfig
 * Values, "You must include at least one "." character" (CloudFormation
 * AWS::ElasticLoadBalancingV2::ListenerRule HostHeaderConfig Values, the same words). CreateRule
 * refuses a value without one (`localhost`, `*`).
 */
const hostHeaderValue: ValueTest = {
    describe: "a host name with at least one '.' character",
    accepts: (value) => typeof value !== "string" || value.includes("."),
};

/** CloudWatch `Statistic` enum values (types.Statistic). */
const STATISTICS = ["SampleCount", "Average", "Sum", "Minimum", "Maximum"];
/** Extended statistics (percentiles, trimmed means, ...): the StringMatch of metric_alarm.go, verbatim. */
const EXTENDED_STATISTIC = /^((p|(tm)|(wm)|(tc)|(ts))((\d{1,2}(\.\d{1,2})?)|(100))|(IQM)|(((TM)|(WM)|(PR)|(TC)|(TS)))\((\d+(\.\d+)?%?)?:(\d+(\.\d+)?%?)?\))$/;

/** A metric query's `stat`: a Statistic enum value or an extended statistic (p99, tm90, TM(10%:90%), IQM, ...). */
const metricStatistic: ValueTest = {
    describe: `one of ${STATISTICS.map((v) => JSON.stringify(v)).join(", ")} or an extended statistic (p99, tm90, TM(10%:90%), IQM, ...)`,
    accepts: (value) => typeof value === "string" && (STATISTICS.includes(value) || EXTENDED_STATISTIC.test(value)),
};

/** A metric query's `period` in seconds: 1, 5, 10, 20 or 30 (high resolution) or a positive multiple of 60. */
const metricPeriod: ValueTest = {
    describe: "1, 5, 10, 20, 30 or a positive multiple of 60 (seconds)",
    accepts: (value) => {
        const n = num(value);
        return n !== undefined && Number.isInteger(n) && ([1, 5, 10, 20, 30].includes(n) || (n > 0 && n % 60 === 0));
    },
};

/** A metric query's metric names a metric its AWS namespace publishes. */
const publishedMetric: ValueTest = {
    describe: `a metric the namespace publishes (${Object.keys(AWS_METRICS).join(", ")}; custom namespaces are the app's own)`,
    accepts: (value) => {
        if (!isRecord(value)) return true;
        const ns = str(value.namespace) ?? "";
        const known = AWS_METRICS[ns];
        if (known === undefined) return !ns.startsWith("AWS/");
        return known.names.includes(str(value.metricName) ?? "");
    },
};

/** MSK: brokers in equal numbers per client subnet. */
const brokersPerSubnet: ValueTest = {
    describe: "a multiple of the number of brokerNodeGroupInfo.clientSubnets",
    accepts: (value, inputs) => {
        const n = num(value);
        const subnets = list(isRecord(inputs.brokerNodeGroupInfo) ? inputs.brokerNodeGroupInfo.clientSubnets : undefined).length;
        return n !== undefined && (subnets === 0 || n % subnets === 0);
    },
};

function truthy(v: unknown): boolean {
    return v === true || v === "true";
}

const autoFailover = (i: Props): boolean => truthy(i.automaticFailoverEnabled);

export const AWS_RULES: readonly ConformanceRule[] = [
    // Load balancing
    {
        type: "aws:lb/loadBalancer:LoadBalancer",
        property: "name",
        autoName: true,
        autoNameUnless: "namePrefix",
        test: allOf(name(1, 32, ELB_NAME, "letters, digits and hyphens, not beginning or ending with a hyphen"), matches(/^(?!internal-)/, 'not beginning with "internal-"')),
        source: `${TF}elbv2/validate.go (validName: at most 32 characters, ^[0-9A-Za-z-]+$, no leading or trailing hyphen, not beginning with "internal-")`,
    },
    {
        type: "aws:lb/targetGroup:TargetGroup",
        property: "name",
        autoName: true,
        autoNameUnless: "namePrefix",
        test: name(1, 32, ELB_NAME, "letters, digits and hyphens, not beginning or ending with a hyphen"),
        source: `${TF}elbv2/validate.go (validTargetGroupName: at most 32 characters, ^[0-9A-Za-z-]+$, no leading or trailing hyphen)`,
    },
    { type: "aws:lb/loadBalancer:LoadBalancer", property: "namePrefix", test: name(1, 6, /^[a-zA-Z0-9][a-zA-Z0-9-]*$/, "letters, digits and hyphens, not beginning with a hyphen"), source: `${TF}elbv2/validate.go (validNamePrefix: at most 6 characters, ^[0-9A-Za-z-]+$, no leading hyphen, not "internal-")` },
    { type: "aws:lb/targetGroup:TargetGroup", property: "namePrefix", test: name(1, 6, /^[a-zA-Z0-9][a-zA-Z0-9-]*$/, "letters, digits and hyphens, not beginning with a hyphen"), source: `${TF}elbv2/validate.go (validTargetGroupNamePrefix: at most 32 - id.UniqueIDSuffixLength (26) = 6 characters, ^[0-9A-Za-z-]+$, no leading hyphen)` },
    { type: "aws:lb/loadBalancer:LoadBalancer", property: "desyncMitigationMode", test: oneOf(["monitor", "defensive", "strictest"]), source: `${SDK}lb/loadBalancer.d.ts (desyncMitigationMode)` },
    { type: "aws:lb/loadBalancer:LoadBalancer", property: "idleTimeout", test: between(1, 4000), source: "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html (idle_timeout.timeout_seconds: 1-4000)" },
    { type: "aws:lb/targetGroup:TargetGroup", property: "deregistrationDelay", test: between(0, 3600), source: `${SDK}lb/targetGroup.d.ts (deregistrationDelay)` },
    { type: "aws:lb/targetGroup:TargetGroup", property: "protocol", test: oneOf(["GENEVE", "HTTP", "HTTPS", "TCP", "TCP_UDP", "TLS", "UDP", "QUIC", "TCP_QUIC"]), source: `${SDK}lb/targetGroup.d.ts (protocol)` },
    { type: "aws:lb/listenerRule:ListenerRule", property: "priority", test: between(1, 50000), source: `${SDK}lb/listenerRule.d.ts (priority)` },
    { type: "aws:lb/listenerRule:ListenerRule", property: "conditions[]", test: conditionLimit, source: `${ELB_CONDITIONS}: "You can specify up to three match evaluations per condition"` },
    { type: "aws:lb/listenerRule:ListenerRule", property: "conditions", test: ruleConditionsLimits, source: `${ELB_CONDITIONS}: up to five match evaluations per rule, five wildcard characters per rule, up to one each of host-header, http-request-method, path-pattern and source-ip; ${ELB_RULE_QUOTAS}` },
    {
        type: "aws:lb/listenerRule:ListenerRule",
        property: "conditions[].hostHeader.values[]",
        test: hostHeaderValue,
        source: `${ELB_HOST_HEADER} (Values: "You must include at least one "." character"; CloudFormation ListenerRule HostHeaderConfig Values, the same words)`,
    },
    {
        type: "aws:lb/listenerRule:ListenerRule",
        property: "conditions[].httpHeader.httpHeaderName",
        test: { describe: "a header other than Host (a host-header condition matches the Host header)", accepts: (value) => typeof value !== "string" || value.trim().toLowerCase() !== "host" },
        source: `${SDK}lb/listenerRule.d.ts (condition.httpHeader.httpHeaderName: "You cannot use HTTP header condition to specify the host header, use a \`host-header\` condition instead")`,
    },
    { type: "aws:lb/listener:Listener", property: "protocol", test: oneOf(["HTTP", "HTTPS", "TCP", "TLS", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC", "GENEVE"]), source: `${SDK}lb/listener.d.ts (protocol: HTTP, HTTPS for ALB; TCP, TLS, UDP, TCP_UDP, QUIC, TCP_QUIC for NLB; GENEVE for GWLB)` },

    // Auto Scaling and CloudWatch
    { type: "aws:autoscaling/group:Group", property: "name", autoName: true, test: lengthBetween(1, 255), source: `${SDK}autoscaling/group.d.ts (name); pulumi-aws provider/autonaming.go (AutoName max 255)` },
    { type: "aws:autoscaling/group:Group", property: "metricsGranularity", test: oneOf(["1Minute"]), source: `${SDK}autoscaling/group.d.ts (metricsGranularity)` },
    { type: "aws:autoscaling/policy:Policy", property: "adjustmentType", test: oneOf(["ChangeInCapacity", "ExactCapacity", "PercentChangeInCapacity"]), source: `${SDK}autoscaling/policy.d.ts (adjustmentType)` },
    { type: "aws:autoscaling/policy:Policy", property: "metricAggregationType", test: oneOf(["Minimum", "Maximum", "Average"]), source: `${SDK}autoscaling/policy.d.ts (metricAggregationType)` },
    { type: "aws:autoscaling/policy:Policy", property: "policyType", test: oneOf(["SimpleScaling", "StepScaling", "TargetTrackingScaling", "PredictiveScaling"]), source: `${TF}autoscaling/policy.go (policy_type)` },
    {
        type: "aws:autoscaling/policy:Policy",
        property: "minAdjustmentMagnitude",
        test: forbidden("only with adjustmentType PercentChangeInCapacity"),
        when: { describe: "adjustmentType is not PercentChangeInCapacity", holds: (i) => i.adjustmentType !== "PercentChangeInCapacity" },
        source: "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html (MinAdjustmentMagnitude: valid only with PercentChangeInCapacity)",
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "comparisonOperator",
        test: oneOf(["GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold"]),
        source: `${TF}cloudwatch/metric_alarm.go (comparison_operator: enum.Validate[types.ComparisonOperator]); values: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html (ComparisonOperator)`,
    },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", property: "treatMissingData", test: oneOf(["breaching", "notBreaching", "ignore", "missing"]), source: `${TF}cloudwatch/metric_alarm.go (treat_missing_data: StringInSlice(missingData_Values(), true); the provider ignores case, the table keeps the documented spelling)` },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", property: "alarmDescription", test: lengthBetween(0, 1024), source: `${TF}cloudwatch/metric_alarm.go (alarm_description: validation.StringLenBetween(0, 1024))` },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", property: "name", autoName: true, test: lengthBetween(1, 255), source: `${TF}cloudwatch/metric_alarm.go (alarm_name: validation.StringLenBetween(1, 255))` },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "metricQueries[].id",
        test: name(1, 255, /^[a-z][a-zA-Z0-9_]*$/, "starting with a lowercase letter; letters, digits and _ only"),
        source: `${TF}cloudwatch/metric_alarm.go (metric_query.id: validation.StringLenBetween(1, 255)); pattern: https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_MetricDataQuery.html (Id)`,
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "metricQueries[].metric.stat",
        test: metricStatistic,
        source: `${TF}cloudwatch/metric_alarm.go (metric_query.metric.stat: enum.Validate[types.Statistic] or the extended-statistic StringMatch)`,
    },
    {
        type: "aws:cloudwatch/metricAlarm:MetricAlarm",
        property: "metricQueries[].metric.period",
        test: metricPeriod,
        source: `${TF}cloudwatch/metric_alarm.go (metric_query.metric.period: validation.Any(IntInSlice([]int{1, 5, 10, 20, 30}), IntDivisibleBy(60)))`,
    },
    { type: "aws:cloudwatch/metricAlarm:MetricAlarm", property: "metricQueries[].metric", test: publishedMetric, source: Object.values(AWS_METRICS).map((m) => m.source).join("; ") },

    // Data stores
    {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        property: "replicationGroupId",
        test: name(1, 40, RDS_IDENTIFIER, RDS_IDENTIFIER_WORDS),
        required: true,
        source: `${TF}elasticache/replication_group.go (replication_group_id: validReplicationGroupID, 40 characters)`,
    },
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", property: "engine", test: oneOf(["redis", "valkey"]), source: `${SDK}elasticache/replicationGroup.d.ts (engine)` },
    { type: "aws:elasticache/replicationGroup:ReplicationGroup", property: "clusterMode", test: oneOf(["enabled", "disabled", "compatible"]), source: `${SDK}elasticache/replicationGroup.d.ts (clusterMode)` },
    {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        property: "multiAzEnabled",
        test: forbidden("multiAzEnabled needs automaticFailoverEnabled"),
        when: { describe: "automaticFailoverEnabled is not true", holds: (i) => truthy(i.multiAzEnabled) && !autoFailover(i) },
        source: `${SDK}elasticache/replicationGroup.d.ts (multiAzEnabled: If true, automaticFailoverEnabled must also be enabled)`,
    },
    {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        property: "numCacheClusters",
        test: between(2, 6),
        when: { describe: "automaticFailoverEnabled is true", holds: (i) => autoFailover(i) && i.numNodeGroups === undefined },
        source: `${SDK}elasticache/replicationGroup.d.ts (numCacheClusters: If automaticFailoverEnabled or multiAzEnabled are true, must be at least 2)`,
    },
    {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        property: "automaticFailoverEnabled",
        test: { describe: "true", accepts: (v) => truthy(v) },
        when: { describe: "cluster mode enabled", holds: (i) => i.clusterMode === "enabled" },
        source: `${SDK}elasticache/replicationGroup.d.ts (automaticFailoverEnabled: Must be enabled for Redis (cluster mode enabled) replication groups)`,
    },
    {
        type: "aws:elasticache/replicationGroup:ReplicationGroup",
        property: "authToken",
        // free text (a secret): the finding never quotes the value
        test: allOf(lengthBetween(16, 128), matches(/^[^@"/]+$/, "no @, \" or /")),
        source: `${TF}elasticache/validate.go (validReplicationGroupAuthToken: 16 to 128 characters, ^[^@"\\/]+$)`,
    },
    { type: "aws:elasticache/subnetGroup:SubnetGroup", property: "name", autoName: true, test: name(1, 255, /^[a-zA-Z0-9-]+$/, "letters, digits and hyphens only"), source: "https://docs.aws.amazon.com/AmazonElastiCache/latest/APIReference/API_CreateCacheSubnetGroup.html (CacheSubnetGroupName: no more than 255 alphanumeric characters or hyphens)" },
    { type: "aws:rds/cluster:Cluster", property: "clusterIdentifier", test: name(1, 63, RDS_IDENTIFIER, RDS_IDENTIFIER_WORDS), source: `${TF}rds/cluster.go (cluster_identifier: validIdentifier); ${RDS_IDENTIFIER_SOURCE}; length: ${RDS_API}-create-db-cluster-request/db-cluster-identifier.html (1 to 63 for Aurora DB clusters)` },
    {
        type: "aws:rds/clusterInstance:ClusterInstance",
        property: "identifier",
        test: name(1, 63, RDS_IDENTIFIER, RDS_IDENTIFIER_WORDS),
        source: `${TF}rds/cluster_instance.go (identifier: validIdentifier); ${TF}rds/validate.go (validIdentifier: pattern only); length: ${RDS_API}-restore-db-instance-from-db-snapshot-request/db-instance-identifier.html (DBInstanceIdentifier: 1 to 63)`,
    },
    {
        type: "aws:rds/instance:Instance",
        property: "identifier",
        test: name(1, 63, RDS_IDENTIFIER, RDS_IDENTIFIER_WORDS),
        source: `${TF}rds/instance.go (identifier: validIdentifier); ${TF}rds/validate.go (validIdentifier: pattern only); length: ${RDS_API}-restore-db-instance-from-db-snapshot-request/db-instance-identifier.html (DBInstanceIdentifier: 1 to 63)`,
    },
    {
        type: "aws:rds/globalCluster:GlobalCluster",
        property: "globalClusterIdentifier",
        test: name(1, 63, RDS_IDENTIFIER, RDS_IDENTIFIER_WORDS),
        source: `${TF}rds/global_cluster.go (global_cluster_identifier: validIdentifier); ${TF}rds/validate.go (validIdentifier: pattern only); length: ${RDS_API}-modify-global-cluster-request/new-global-cluster-identifier.html (1 to 63; unverified: the CreateGlobalCluster page itself was not found)`,
    },
    {
        type: "aws:rds/cluster:Cluster",
        property: "finalSnapshotIdentifier",
        test: name(1, 255, /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/, "starting with a letter; letters, digits and hyphens; no two consecutive hyphens; not ending with a hyphen"),
        source: `${TF}rds/cluster.go (final_snapshot_identifier: inline ValidateFunc, ^[0-9A-Za-z-]+$, no "--", no trailing hyphen); first letter and length: ${RDS_API}-delete-db-cluster-request/final-db-snapshot-identifier.html (1 to 255, first character a letter)`,
    },
    {
        type: "aws:rds/instance:Instance",
        property: "finalSnapshotIdentifier",
        test: name(1, 255, /^[a-zA-Z](?!.*--)[a-zA-Z0-9-]*[a-zA-Z0-9]$/, "starting with a letter; letters, digits and hyphens; no two consecutive hyphens; not ending with a hyphen"),
        source: `${TF}rds/instance.go (final_snapshot_identifier: ^[A-Za-z], ^[0-9A-Za-z-]+$, no "--", no trailing hyphen); length: ${RDS_API}-delete-db-instance-request/final-db-snapshot-identifier.html (1 to 255)`,
    },
    {
        type: "aws:rds/cluster:Cluster",
        property: "manageMasterUserPassword",
        test: forbidden("Secrets Manager master passwords are not supported for clusters in an Aurora global database"),
        when: { describe: "globalClusterIdentifier is set", holds: (i) => truthy(i.manageMasterUserPassword) && str(i.globalClusterIdentifier) !== undefined },
        source: "https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations (not supported: DB clusters that are part of an Aurora global database)",
    },
    {
        type: "aws:rds/cluster:Cluster",
        property: "masterUsername",
        test: name(1, 16, /^[A-Za-z][A-Za-z0-9]*$/, "letters or numbers, the first a letter"),
        source: `${RDS_API}-create-db-cluster-request/master-username.html (Aurora DB clusters: 1 to 16 letters or numbers; first character a letter)`,
    },
    {
        type: "aws:rds/cluster:Cluster",
        property: "databaseName",
        test: name(1, 64, /^[A-Za-z0-9]+$/, "alphanumeric characters only"),
        source: `${RDS_API}-create-db-cluster-request/database-name.html (up to 64 alphanumeric characters)`,
    },
    { type: "aws:rds/cluster:Cluster", property: "engine", test: oneOf(["aurora-mysql", "aurora-postgresql", "mysql", "postgres"]), source: `${SDK}rds/cluster.d.ts (engine)` },
    { type: "aws:rds/cluster:Cluster", property: "backupRetentionPeriod", test: between(1, 35), source: `${TF}rds/cluster.go (backup_retention_period: validation.IntAtMost(35)); minimum 1: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html (BackupRetentionPeriod: 1 to 35)` },
    { type: "aws:rds/instance:Instance", property: "backupRetentionPeriod", test: between(0, 35), source: `${SDK}rds/instance.d.ts (backupRetentionPeriod)` },
    { type: "aws:rds/instance:Instance", property: "storageType", test: oneOf(["standard", "gp2", "gp3", "io1", "io2"]), source: `${SDK}rds/instance.d.ts (storageType)` },
    { type: "aws:rds/globalCluster:GlobalCluster", property: "engine", test: oneOf(["aurora", "aurora-mysql", "aurora-postgresql"]), source: `${SDK}rds/globalCluster.d.ts (engine)` },
    { type: "aws:rds/clusterInstance:ClusterInstance", property: "promotionTier", test: between(0, 15), source: `${TF}rds/cluster_instance.go (promotion_tier: IntBetween(0, 15))` },
    { type: "aws:rds/subnetGroup:SubnetGroup", property: "name", autoName: true, test: name(1, 255, /^[a-z0-9 ._-]+$/, "lowercase letters, digits, spaces, periods, underscores and hyphens only"), source: `${TF}rds/validate.go (validSubnetGroupName: ^[0-9a-z_ .-]+$, at most 255 characters, not "default")` },
    { type: "aws:msk/cluster:Cluster", property: "numberOfBrokerNodes", test: brokersPerSubnet, source: `${SDK}msk/cluster.d.ts (numberOfBrokerNodes)` },
    { type: "aws:msk/cluster:Cluster", property: "clusterName", autoName: true, test: name(1, 64, /^[0-9A-Za-z][0-9A-Za-z-]*$/, "starting with a letter or digit; letters, digits and hyphens only"), source: "https://docs.aws.amazon.com/msk/1.0/apireference/clusters.html (clusterName: 1-64, ^[0-9A-Za-z][0-9A-Za-z-]{0,}$)" },
    { type: "aws:s3/bucket:Bucket", property: "bucket", autoName: true, test: name(3, 63, /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/, "lowercase letters, digits, dots and hyphens, beginning and ending with a letter or digit"), source: "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html" },

    // Network, identity, edge
    { type: "aws:ec2/securityGroup:SecurityGroup", property: "name", autoName: true, test: lengthBetween(1, 255), source: `${TF}ec2/vpc_security_group.go (name: StringLenBetween(0, 255))` },
    { type: "aws:ec2/securityGroup:SecurityGroup", property: "description", test: name(0, 255, EC2_DESCRIPTION, "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* only"), source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html (GroupDescription)" },
    { type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", property: "description", test: name(0, 255, EC2_DESCRIPTION, "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* only"), source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html (Description)" },
    { type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", property: "description", test: name(0, 255, EC2_DESCRIPTION, "a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* only"), source: "https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpRange.html (Description)" },
    { type: "aws:ec2/launchTemplate:LaunchTemplate", property: "metadataOptions.instanceMetadataTags", test: oneOf(["enabled", "disabled"]), source: `${SDK}types/input.d.ts ec2.LaunchTemplateMetadataOptions (instanceMetadataTags: "enabled" or "disabled")` },
    {
        type: "aws:ec2/launchTemplate:LaunchTemplate",
        property: "name",
        autoName: true,
        test: name(3, 125, /^[a-zA-Z0-9().\-/_]+$/, "letters, digits and ( ) . - / _ only"),
        source: "terraform-provider-aws internal/service/ec2/ec2_launch_template.go (name: verify.ValidLaunchTemplateName); internal/verify/validate.go (ValidLaunchTemplateName: 3 to 125 characters, ^[0-9A-Za-z()./_\\-]+$)",
    },
    { type: "aws:iam/role:Role", property: "name", autoName: true, test: name(1, 64, /^[\w+=,.@-]+$/, "letters, digits and + = , . @ _ - only"), source: `${TF}iam/role.go (name: validResourceName(roleNameMaxLen), roleNameMaxLen = 64); ${TF}iam/validate.go (validResourceName: StringLenBetween(1, max), ^[\\w+=,.@-]*$)` },
    { type: "aws:eks/cluster:Cluster", property: "name", test: name(1, 100, /^[0-9A-Za-z][A-Za-z0-9\-_]*$/, "starting with a letter or digit; letters, digits, - and _ only"), source: `${SDK}eks/cluster.d.ts (name)` },
    { type: "aws:eks/nodeGroup:NodeGroup", property: "nodeGroupName", test: name(1, 63, /^[0-9A-Za-z][A-Za-z0-9\-_]*$/, "starting with a letter or digit; letters, digits, - and _ only"), source: `${SDK}eks/nodeGroup.d.ts (nodeGroupName)` },
    { type: "aws:autoscaling/tag:Tag", property: "tag.key", test: lengthBetween(1, 128), source: "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Tag.html (Key: length 1-128)" },
    { type: "aws:autoscaling/tag:Tag", property: "tag.value", test: lengthBetween(0, 256), source: "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Tag.html (Value: length 0-256)" },
    { type: "aws:eks/nodeGroup:NodeGroup", property: "capacityType", test: oneOf(["ON_DEMAND", "SPOT"]), source: `${SDK}eks/nodeGroup.d.ts (capacityType)` },
    { type: "aws:kms/key:Key", property: "deletionWindowInDays", test: between(7, 30), source: `${SDK}kms/key.d.ts (deletionWindowInDays)` },
    { type: "aws:sns/topic:Topic", property: "name", autoName: true, test: name(1, 256, /^[a-zA-Z0-9_-]+$/, "letters, digits, _ and - only"), source: `${TF}sns/topic.go (resourceTopicCustomizeDiff: the generated or given name must match ^[0-9A-Za-z_-]{1,256}$ for a standard topic)` },
    { type: "aws:sns/topic:Topic", property: "displayName", test: lengthBetween(0, 100), source: "https://docs.aws.amazon.com/sns/latest/api/API_SetTopicAttributes.html (DisplayName: up to 100 characters)" },
    { type: "aws:ivs/channel:Channel", property: "latencyMode", test: oneOf(["NORMAL", "LOW"]), source: `${SDK}ivs/channel.d.ts (latencyMode)` },
    { type: "aws:ivs/channel:Channel", property: "type", test: oneOf(["STANDARD", "BASIC"]), source: `${SDK}ivs/channel.d.ts (type)` },
    { type: "aws:route53/healthCheck:HealthCheck", property: "type", test: oneOf(["HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH", "TCP", "CALCULATED", "CLOUDWATCH_METRIC", "RECOVERY_CONTROL"]), source: `${SDK}route53/healthCheck.d.ts (type)` },
    { type: "aws:route53/healthCheck:HealthCheck", property: "requestInterval", test: oneOf([10, 30]), source: "https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (RequestInterval: 10 or 30)" },
    { type: "aws:route53/healthCheck:HealthCheck", property: "failureThreshold", test: between(1, 10), source: "https://docs.aws.amazon.com/Route53/latest/APIReference/API_HealthCheckConfig.html (FailureThreshold: 1-10)" },
    { type: "aws:route53/record:Record", property: "type", test: oneOf(["A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"]), source: `${SDK}route53/record.d.ts (type)` },
    { type: "aws:cloudfront/distribution:Distribution", property: "comment", test: lengthBetween(0, 128), source: `${TF}cloudfront/distribution.go (comment: validation.StringLenBetween(0, 128))` },
    { type: "aws:cloudfront/distribution:Distribution", property: "httpVersion", test: oneOf(["http1.1", "http2", "http2and3", "http3"]), source: `${TF}cloudfront/distribution.go (http_version: enum.Validate[awstypes.HttpVersion])` },
    { type: "aws:cloudfront/distribution:Distribution", property: "defaultCacheBehavior.viewerProtocolPolicy", test: oneOf(["allow-all", "https-only", "redirect-to-https"]), source: `${TF}cloudfront/distribution.go (default_cache_behavior.viewer_protocol_policy, ordered_cache_behavior.viewer_protocol_policy: enum.Validate[awstypes.ViewerProtocolPolicy])` },
    { type: "aws:cloudfront/distribution:Distribution", property: "orderedCacheBehaviors[].viewerProtocolPolicy", test: oneOf(["allow-all", "https-only", "redirect-to-https"]), source: `${TF}cloudfront/distribution.go (default_cache_behavior.viewer_protocol_policy, ordered_cache_behavior.viewer_protocol_policy: enum.Validate[awstypes.ViewerProtocolPolicy])` },
    { type: "aws:cloudfront/distribution:Distribution", property: "origins[].customOriginConfig.originProtocolPolicy", test: oneOf(["http-only", "https-only", "match-viewer"]), source: `${TF}cloudfront/distribution.go (origin.custom_origin_config.origin_protocol_policy: enum.Validate[awstypes.OriginProtocolPolicy])` },
    { type: "aws:cloudfront/distribution:Distribution", property: "origins[].customOriginConfig.originSslProtocols[]", test: oneOf(["SSLv3", "TLSv1", "TLSv1.1", "TLSv1.2"]), source: `${TF}cloudfront/distribution.go (origin.custom_origin_config.origin_ssl_protocols: enum.Validate[awstypes.SslProtocol])` },
    { type: "aws:acm/certificate:Certificate", property: "validationMethod", test: oneOf(["DNS", "EMAIL"]), source: `${TF}acm/certificate.go (validation_method: enum.Validate[types.ValidationMethod], no "NONE"); unverified: whether types.ValidationMethod at v6.66 holds values beyond DNS and EMAIL` },
    { type: "aws:acm/certificate:Certificate", property: "keyAlgorithm", test: oneOf(["RSA_1024", "RSA_2048", "RSA_3072", "RSA_4096", "EC_prime256v1", "EC_secp384r1", "EC_secp521r1"]), source: `${TF}acm/certificate.go (key_algorithm: enum.Validate[types.KeyAlgorithm]); values: https://docs.aws.amazon.com/acm/latest/APIReference/API_RequestCertificate.html (KeyAlgorithm)` },
    {
        type: "aws:ec2/eip:Eip",
        property: "domain",
        test: oneOf(["vpc"]),
        source: `${TF}ec2/ec2_eip.go (domain: enum.Validate[awstypes.DomainType] accepts "standard", but resourceEIPRead and resourceEIPDelete fail on it: "with the retirement of EC2-Classic standard domain EC2 EIPs are no longer supported")`,
    },
];
