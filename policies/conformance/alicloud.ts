// Alibaba Cloud rules of the provider-conformance table (terraform-provider-alicloud ~v1.294 as
// bridged by @pulumi/alicloud 3.108.0, and the cloud APIs). One entry per constrained property the
// program sets; each names its source: the provider's resource file, the SDK docstring at the
// pinned version (generated from the provider's website/docs/r/*.html.markdown) or the API page.

import { Props, isRecord, num, str } from "../lib/values";
import { ALICLOUD_REGIONS } from "../../components/alicloud/regions";
import { checkZoneId } from "../../components/model/regions";
import { ConformanceRule, ValueTest, between, forbidden, lengthBetween, matches, name, not, oneOf, present } from "./checkers";

const TF = "terraform-provider-alicloud alicloud/";
const SDK = "@pulumi/alicloud 3.108.0 ";

/** Comparison operators of a CloudMonitor escalation (the constants MoreThan ... Equal and the period variants). */
export const CMS_COMPARISON_OPERATORS = [
    ">",
    ">=",
    "<",
    "<=",
    "!=",
    "==",
    "GreaterThanYesterday",
    "LessThanYesterday",
    "GreaterThanLastWeek",
    "LessThanLastWeek",
    "GreaterThanLastPeriod",
    "LessThanLastPeriod",
] as const;

/**
 * Instance-level `acs_alb` metrics (dimensions userId, loadBalancerId; statistic `Value` for all),
 * from the "ALB monitoring metrics" tables.
 */
export const ACS_ALB_INSTANCE_METRICS = [
    "LoadBalancerActiveConnection",
    "LoadBalancerInactiveConnection",
    "LoadBalancerMaxConnection",
    "LoadBalancerUpstreamTLSNegotiationError",
    "LoadBalancerNewConnection",
    "LoadBalancerRejectedConnection",
    "LoadBalancerUpstreamConnectionError",
    "LoadBalancerClientTLSNegotiationError",
    "LoadBalancerHTTPFixedResponse",
    "LoadBalancerHTTPRedirect",
    "LoadBalancerQPS",
    "LoadBalancerNonStickyRequest",
    "LoadBalancerUpstreamResponseTime",
    "LoadBalancerRequestTime",
    "LoadBalancerOutBits",
    "LoadBalancerInBits",
    "LoadBalancerHTTPCode2XX",
    "LoadBalancerHTTPCode3XX",
    "LoadBalancerHTTPCode4XX",
    "LoadBalancerHTTPCode500",
    "LoadBalancerHTTPCode502",
    "LoadBalancerHTTPCode503",
    "LoadBalancerHTTPCode504",
    "LoadBalancerHTTPCode5XX",
    "LoadBalancerHTTPCodeUpstream2XX",
    "LoadBalancerHTTPCodeUpstream3XX",
    "LoadBalancerHTTPCodeUpstream4XX",
    "LoadBalancerHTTPCodeUpstream5XX",
    "LoadBalancerHealthyHostCount",
    "LoadBalancerUnHealthyHostCount",
] as const;

/**
 * Per-application Serverless App Engine metrics (namespace acs_serverless, dimension appId,
 * statistic Average) the serverless tier's alarms read. Unverified (docs/CONFORMANCE.md): taken from
 * a copy of CloudMonitor's acs_serverless table, not the console page itself.
 */
export const ACS_SERVERLESS_METRICS = ["cpu", "memoryPercent"] as const;
const SAE_METRICS_DOC = "https://cloudmonitor.console.alibabacloud.com/metric-meta/acs_serverless/serverless (linked from CloudMonitor \"Appendix 1: Metrics\", Serverless App Engine); unverified, docs/CONFORMANCE.md";
const saeProject = { describe: "when project is acs_serverless", holds: (i: Props) => project(i) === "acs_serverless" };

const ALB_METRICS_DOC = "https://www.alibabacloud.com/help/en/slb/application-load-balancer/user-guide/alb-monitoring-metrics (instance metrics: MetricName, Dimensions, Statistics)";
const CMS_STATISTICS_DOC = "https://www.alibabacloud.com/help/en/cms/developer-reference/api-414265 (since 2024-08-15 Statistics must be the metric's own statistic)";

/** CloudMonitor's metric tables ("Appendix 1: Metrics"), as published per product. */
const CMS_METRICS_DOC = "https://help.aliyun.com/document_detail/163515.html";

/**
 * Statistics CloudMonitor publishes for the database and cache metrics the alarms read (MetricName ->
 * Statistics column of the product's table in CMS_METRICS_DOC): ApsaraDB RDS (acs_rds_dashboard),
 * PolarDB for MySQL (acs_polardb), Redis/Tair standard (`Standard*`) and cluster (`Sharding*`)
 * architectures (acs_kvstore). Metrics not listed here are not judged by this table.
 */
export const CMS_METRIC_STATISTICS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
    acs_rds_dashboard: { CpuUsage: ["Average", "Minimum", "Maximum"], ConnectionUsage: ["Average", "Minimum", "Maximum"] },
    acs_polardb: { cluster_cpu_utilization: ["Average"], cluster_connection_utilization: ["Average", "Maximum", "Minimum"] },
    // Unverified (SAE_METRICS_DOC).
    acs_serverless: { cpu: ["Average"], memoryPercent: ["Average"] },
    acs_kvstore: {
        StandardCpuUsage: ["Average", "Maximum"],
        StandardMemoryUsage: ["Average", "Maximum"],
        ShardingCpuUsage: ["Average", "Maximum"],
        ShardingMemoryUsage: ["Average", "Maximum"],
    },
};

/** The statistics the alarm's `project`/`metric` publishes, when the table lists it. */
export function cmsMetricStatistics(inputs: Props): readonly string[] | undefined {
    return CMS_METRIC_STATISTICS[project(inputs) ?? ""]?.[str(inputs.metric) ?? ""];
}

/**
 * System metrics an ESS event-triggered task (metricType `system`) can read, from the provider's
 * alicloud_ess_alarm documentation (website/docs/r/ess_alarm.html.markdown, "Supported metric names
 * and dimensions"). PackagesNetIn/PackagesNetOut also need a `device` dimension and TcpConnection a
 * `state` dimension, set by the user.
 */
export const ESS_SYSTEM_METRICS = [
    "CpuUtilization",
    "ClassicInternetRx",
    "ClassicInternetTx",
    "VpcInternetRx",
    "VpcInternetTx",
    "IntranetRx",
    "IntranetTx",
    "LoadAverage",
    "MemoryUtilization",
    "SystemDiskReadBps",
    "SystemDiskWriteBps",
    "SystemDiskReadOps",
    "SystemDiskWriteOps",
    "PackagesNetIn",
    "PackagesNetOut",
    "TcpConnection",
] as const;
const ESS_ALARM_DOC = "terraform-provider-alicloud website/docs/r/ess_alarm.html.markdown (dimensions: supported metric names)";
const essSystemMetric = { describe: "when metricType is system (the default)", holds: (i: Props) => str(i.metricType) !== "custom" };

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** Letters first, then letters, digits, `.`, `_`, `-` (ALB, NLB and EIP names). */
const LETTER_THEN_WORD = /^[a-zA-Z][a-zA-Z0-9._-]*$/;
/** A digit, letter or CJK first, then those and `.`, `_`, `-` (ESS names). */
const ESS_NAME = /^[a-zA-Z0-9\u4e00-\u9fa5][a-zA-Z0-9\u4e00-\u9fa5._-]*$/;
const NOT_HTTP = /^(?!https?:\/\/)[\s\S]*$/;

function project(inputs: Props): string | undefined {
    return str(inputs.project);
}

const ESCALATIONS = ["escalationsCritical", "escalationsWarn", "escalationsInfo"] as const;

const albProject = { describe: "when project is acs_alb", holds: (i: Props) => project(i) === "acs_alb" };

/** The escalation's statistic is one its metric publishes (CMS_METRIC_STATISTICS). */
const publishedStatistic: ValueTest = {
    describe: "a statistic the metric publishes (CloudMonitor metric tables: RDS CpuUsage/ConnectionUsage Average, Minimum, Maximum; PolarDB cluster_cpu_utilization Average; Tair Standard*/Sharding* Average, Maximum)",
    accepts: (value, inputs) => typeof value === "string" && (cmsMetricStatistics(inputs)?.includes(value) ?? true),
};

/**
 * A `[{"key": "value"}]` JSON list with at least one entry: what CloudMonitor takes as an alarm's
 * resources (resource_alicloud_cms_alarm.go reads metric_dimensions from the rule's `Resources`;
 * the CloudMonitor API models give `[{"resource":"_ALL"}]` as the Resources example).
 */
const dimensionsJson: ValueTest = {
    describe: 'a JSON list of resources, e.g. [{"instanceId":"i-..."}] or [{"resource":"_ALL"}] for every resource of the project',
    accepts: (value) => {
        if (typeof value !== "string") return false;
        try {
            const parsed: unknown = JSON.parse(value);
            return Array.isArray(parsed) && parsed.length > 0;
        } catch {
            return false;
        }
    },
};

/**
 * A zone id of the regions and zones table config validation uses (components/alicloud/regions.ts,
 * each region's zones as its cited source lists them, else the region's zone form): a zone id the
 * cloud does not have (`cn-hangzhou-z`, or `cn-hangzhou-h ` with a trailing space) is rejected by the
 * API (InvalidZoneId.NotFound / Zone.NotExist).
 */
export const ALICLOUD_ZONE: ValueTest = {
    describe: `a zone id of an Alibaba Cloud region (${ALICLOUD_REGIONS.zonesSource}; components/alicloud/regions.ts)`,
    accepts: (v) => typeof v === "string" && Object.keys(ALICLOUD_REGIONS.regions).some((region) => v.startsWith(region) && checkZoneId(ALICLOUD_REGIONS, "", region, v).length === 0),
};

/** The zone properties of the resources the blueprint places in a zone, checked against ALICLOUD_ZONE. */
const ZONE_RULES: readonly ConformanceRule[] = [
    ["alicloud:vpc/switch:Switch", "zoneId"],
    ["alicloud:redis/tairInstance:TairInstance", "zoneId"],
    ["alicloud:redis/tairInstance:TairInstance", "secondaryZoneId"],
    ["alicloud:kvstore/instance:Instance", "zoneId"],
    ["alicloud:kvstore/instance:Instance", "secondaryZoneId"],
].map(([type, property]) => ({ type, property, test: ALICLOUD_ZONE, source: ALICLOUD_REGIONS.zonesSource }));

/** A GTM access strategy that steers by geography (alicloud.dns.AccessStrategy `strategyMode` GEO), whose own required properties follow. */
const GEO_STRATEGY = { describe: "when strategyMode is GEO", holds: (i: Props) => i.strategyMode === "GEO" };

export const ALICLOUD_RULES: readonly ConformanceRule[] = [
    ...ZONE_RULES,
    {
        // Without a zone the cloud rejects the vSwitch, and the zone rules cannot place what uses it.
        type: "alicloud:vpc/switch:Switch",
        property: "zoneId",
        test: present("a zone id (required for a VPC vSwitch)"),
        required: true,
        when: { describe: "when its deprecated alias availabilityZone is unset", holds: (i) => i.availabilityZone === undefined || i.availabilityZone === null || i.availabilityZone === "" },
        source: `${SDK}vpc/switch.d.ts (zoneId: "Required for a VPC VSwitch"); VPC API CreateVSwitch (ZoneId: required)`,
    },
    // CloudMonitor alarms
    ...ESCALATIONS.map(
        (e): ConformanceRule => ({
            type: "alicloud:cms/alarm:Alarm",
            property: `${e}.comparisonOperator`,
            test: oneOf(CMS_COMPARISON_OPERATORS),
            source: `${TF}resource_alicloud_cms_alarm.go (escalations_critical/_warn/_info.comparison_operator: StringInSlice([]string{MoreThan, MoreThanOrEqual, LessThan, LessThanOrEqual, NotEqual, Equal, "GreaterThanYesterday", "LessThanYesterday", "GreaterThanLastWeek", "LessThanLastWeek", "GreaterThanLastPeriod", "LessThanLastPeriod"}, false))`,
        }),
    ),
    ...ESCALATIONS.map(
        (e): ConformanceRule => ({
            type: "alicloud:cms/alarm:Alarm",
            property: `${e}.statistics`,
            test: publishedStatistic,
            when: { describe: "when the metric is in the CloudMonitor statistics table", holds: (i) => cmsMetricStatistics(i) !== undefined },
            source: `${CMS_METRICS_DOC} (ApsaraDB RDS, PolarDB for MySQL, Redis standard and cluster tables: Statistics); ${CMS_STATISTICS_DOC}`,
        }),
    ),
    ...ESCALATIONS.map(
        (e): ConformanceRule => ({
            type: "alicloud:cms/alarm:Alarm",
            property: `${e}.statistics`,
            test: oneOf(["Value"]),
            when: albProject,
            source: `${ALB_METRICS_DOC}; ${CMS_STATISTICS_DOC}`,
        }),
    ),
    { type: "alicloud:cms/alarm:Alarm", property: "metric", test: oneOf(ACS_ALB_INSTANCE_METRICS), when: albProject, source: ALB_METRICS_DOC },
    { type: "alicloud:cms/alarm:Alarm", property: "metric", test: oneOf(ACS_SERVERLESS_METRICS), when: saeProject, source: SAE_METRICS_DOC },
    { type: "alicloud:cms/alarm:Alarm", property: "silenceTime", test: between(300, 86400), source: `${TF}resource_alicloud_cms_alarm.go (silence_time: IntBetween(300, 86400), Default 86400)` },
    {
        type: "alicloud:cms/alarm:Alarm",
        property: "metricDimensions",
        test: dimensionsJson,
        required: true,
        when: { describe: "required unless project is acs_prometheus", holds: (i) => project(i) !== "acs_prometheus" && i.dimensions === undefined },
        source: `${SDK}cms/alarm.d.ts (project: "dimensions and metricDimensions must be empty when project is acs_prometheus, otherwise, one of them must be set")`,
    },
    { type: "alicloud:cms/alarm:Alarm", property: "contactGroups", test: present("at least one contact group"), required: true, source: `${TF}resource_alicloud_cms_alarm.go (contact_groups: TypeList, Required)` },

    // ApsaraMQ for Kafka
    {
        type: "alicloud:alikafka/topic:Topic",
        property: "remark",
        test: name(3, 64, /^[a-zA-Z0-9_-]+$/, "letters, digits, underscores (_) and hyphens (-) only"),
        required: true,
        source: "https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-kafka-topic (Remark: 3 to 64 characters, letters, digits, _ and -); alikafka CreateTopic Remark",
    },
    {
        type: "alicloud:alikafka/topic:Topic",
        property: "topic",
        test: name(3, 64, /^[a-zA-Z0-9_-]+$/, "letters, digits, underscores (_) and hyphens (-) only"),
        source: "https://www.alibabacloud.com/help/en/ros/developer-reference/aliyun-kafka-topic (Topic: 3 to 64 characters, letters, digits, _ and -)",
    },
    { type: "alicloud:alikafka/instance:Instance", property: "name", test: lengthBetween(3, 64), source: `${SDK}alikafka/instance.d.ts (name: between 3 and 64 characters)` },
    { type: "alicloud:alikafka/instance:Instance", property: "paidType", test: oneOf(["PostPaid", "PrePaid"]), source: `${SDK}alikafka/instance.d.ts (paidType)` },
    { type: "alicloud:alikafka/instance:Instance", property: "specType", test: oneOf(["normal", "professional", "professionalForHighRead"]), source: `${SDK}alikafka/instance.d.ts (specType, instanceType alikafka)` },
    { type: "alicloud:alikafka/instance:Instance", property: "serviceVersion", test: oneOf(["2.2.0", "2.6.2"]), source: `${SDK}alikafka/instance.d.ts (serviceVersion, instanceType alikafka)` },

    // Application Load Balancer
    {
        type: "alicloud:alb/loadBalancer:LoadBalancer",
        property: "modificationProtectionConfig.reason",
        test: matches(/^[a-zA-Z][a-zA-Z0-9_\-.]{1,127}$/, "2 to 128 characters, starting with a letter; letters, digits, periods (.), underscores (_) and hyphens (-) only"),
        source: `${TF}resource_alicloud_alb_load_balancer.go (modification_protection_config.reason: StringMatch ^[a-zA-Z][a-zA-Z0-9_\\-.]{1,127}$)`,
    },
    { type: "alicloud:alb/loadBalancer:LoadBalancer", property: "modificationProtectionConfig.status", test: oneOf(["ConsoleProtection", "NonProtection"]), source: `${TF}resource_alicloud_alb_load_balancer.go (modification_protection_config.status)` },
    { type: "alicloud:alb/loadBalancer:LoadBalancer", property: "loadBalancerEdition", test: oneOf(["Basic", "Standard", "StandardWithWaf"]), source: `${TF}resource_alicloud_alb_load_balancer.go (load_balancer_edition)` },
    { type: "alicloud:alb/loadBalancer:LoadBalancer", property: "loadBalancerBillingConfig.payType", test: oneOf(["PayAsYouGo"]), source: `${TF}resource_alicloud_alb_load_balancer.go (load_balancer_billing_config.pay_type)` },
    { type: "alicloud:alb/listener:Listener", property: "listenerDescription", test: lengthBetween(2, 256), source: `${SDK}alb/listener.d.ts (listenerDescription: 2 to 256 characters)` },
    { type: "alicloud:alb/listener:Listener", property: "listenerProtocol", test: oneOf(["HTTP", "HTTPS", "QUIC"]), source: `${SDK}alb/listener.d.ts (listenerProtocol)` },
    { type: "alicloud:alb/rule:Rule", property: "ruleName", test: name(2, 128, LETTER_THEN_WORD, "starting with a letter; letters, digits, ., _ and - only"), source: `${SDK}alb/rule.d.ts (ruleName)` },
    { type: "alicloud:alb/rule:Rule", property: "priority", test: between(1, 10000), source: `${SDK}alb/rule.d.ts (priority)` },
    { type: "alicloud:alb/serverGroup:ServerGroup", property: "serverGroupName", test: name(2, 128, LETTER_THEN_WORD, "starting with a letter; letters, digits, ., _ and - only"), source: `${SDK}alb/serverGroup.d.ts (serverGroupName)` },
    { type: "alicloud:alb/serverGroup:ServerGroup", property: "scheduler", test: oneOf(["Wrr", "Wlc", "Sch"]), source: `${SDK}alb/serverGroup.d.ts (scheduler)` },
    { type: "alicloud:alb/serverGroup:ServerGroup", property: "protocol", test: oneOf(["HTTP", "HTTPS", "gRPC"]), source: `${SDK}alb/serverGroup.d.ts (protocol)` },

    // Network Load Balancer
    { type: "alicloud:nlb/loadBalancer:LoadBalancer", property: "loadBalancerName", test: name(2, 128, LETTER_THEN_WORD, "starting with a letter; letters, digits, ., _ and - only"), source: `${SDK}nlb/loadBalancer.d.ts (loadBalancerName)` },
    {
        type: "alicloud:nlb/listener:Listener",
        property: "listenerDescription",
        test: name(2, 256, /^[a-zA-Z0-9,.;/@_-]+$/, "letters, digits, commas (,), periods (.), semicolons (;), forward slashes (/), at signs (@), underscores (_) and hyphens (-) only"),
        source: `${SDK}nlb/listener.d.ts (listenerDescription)`,
    },
    { type: "alicloud:nlb/listener:Listener", property: "listenerProtocol", test: oneOf(["TCP", "UDP", "TCPSSL"]), source: `${SDK}nlb/listener.d.ts (listenerProtocol)` },
    { type: "alicloud:nlb/serverGroup:ServerGroup", property: "serverGroupName", test: name(2, 128, LETTER_THEN_WORD, "starting with a letter; letters, digits, ., _ and - only"), source: `${SDK}nlb/serverGroup.d.ts (serverGroupName)` },
    { type: "alicloud:nlb/serverGroup:ServerGroup", property: "connectionDrainTimeout", test: between(10, 900), source: `${SDK}nlb/serverGroup.d.ts (connectionDrainTimeout)` },
    { type: "alicloud:nlb/serverGroup:ServerGroup", property: "scheduler", test: oneOf(["Wrr", "Rr", "Sch", "Tch", "Qch", "Wlc"]), source: `${SDK}nlb/serverGroup.d.ts (scheduler)` },

    // ECS security groups and EIPs
    { type: "alicloud:ecs/securityGroup:SecurityGroup", property: "description", test: name(2, 256, NOT_HTTP, "not starting with http:// or https://"), source: `${SDK}ecs/securityGroup.d.ts (description)` },
    {
        type: "alicloud:ecs/securityGroup:SecurityGroup",
        property: "securityGroupName",
        test: name(2, 128, /^(?!https?:\/\/)[\p{L}][\p{L}\p{Nd}:_.-]*$/u, "starting with a letter; letters, digits, :, _, . and - only"),
        source: `${SDK}ecs/securityGroup.d.ts (securityGroupName)`,
    },
    { type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", property: "description", test: lengthBetween(1, 512), source: `${SDK}ecs/securityGroupRule.d.ts (description)` },
    { type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", property: "ipProtocol", test: oneOf(["tcp", "udp", "icmp", "icmpv6", "gre", "all"]), source: `${SDK}ecs/securityGroupRule.d.ts (ipProtocol)` },
    { type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", property: "priority", test: between(1, 100), source: `${SDK}ecs/securityGroupRule.d.ts (priority)` },
    { type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", property: "policy", test: oneOf(["accept", "drop"]), source: `${SDK}ecs/securityGroupRule.d.ts (policy)` },
    { type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", property: "nicType", test: oneOf(["internet", "intranet"]), source: `${SDK}ecs/securityGroupRule.d.ts (nicType)` },
    { type: "alicloud:ecs/eipAddress:EipAddress", property: "addressName", test: name(1, 128, LETTER_THEN_WORD, "starting with a letter; letters, digits, ., _ and - only"), source: `${SDK}ecs/eipAddress.d.ts (addressName)` },
    {
        type: "alicloud:ecs/eipAddress:EipAddress",
        property: "bandwidth",
        test: between(1, 200),
        when: { describe: "PayAsYouGo, PayByTraffic", holds: (i) => i.paymentType === "PayAsYouGo" && i.internetChargeType === "PayByTraffic" },
        source: `${SDK}ecs/eipAddress.d.ts (bandwidth)`,
    },

    // VPC
    { type: "alicloud:vpc/switch:Switch", property: "vswitchName", test: name(1, 128, NOT_HTTP, "not starting with http:// or https://"), source: `${SDK}vpc/switch.d.ts (vswitchName)` },
    {
        type: "alicloud:vpc/natGateway:NatGateway",
        property: "natGatewayName",
        test: name(2, 128, /^(?!https?:\/\/)[a-zA-Z0-9._](?:[a-zA-Z0-9._-]*[a-zA-Z0-9._])?$/, "letters, digits, ., _ and - only, not beginning or ending with a hyphen"),
        source: `${SDK}vpc/natGateway.d.ts (natGatewayName)`,
    },
    { type: "alicloud:vpc/snatEntry:SnatEntry", property: "snatEntryName", test: name(2, 128, /^(?!https?:\/\/)[a-zA-Z][\s\S]*$/, "starting with a letter, not with http:// or https://"), source: `${SDK}vpc/snatEntry.d.ts (snatEntryName)` },

    // Auto Scaling
    { type: "alicloud:ess/scalingGroup:ScalingGroup", property: "scalingGroupName", test: name(2, 64, ESS_NAME, "starting with a digit or letter; letters, digits, _, - and . only"), source: `${SDK}ess/scalingGroup.d.ts (scalingGroupName)` },
    { type: "alicloud:ess/scalingRule:ScalingRule", property: "scalingRuleName", test: name(2, 64, ESS_NAME, "starting with a digit or letter; letters, digits, _, - and . only"), source: `${SDK}ess/scalingRule.d.ts (scalingRuleName)` },
    { type: "alicloud:ess/scalingConfiguration:ScalingConfiguration", property: "scalingConfigurationName", test: name(2, 64, ESS_NAME, "starting with a digit or letter; letters, digits, _, - and . only"), source: `${SDK}ess/scalingConfiguration.d.ts (scalingConfigurationName)` },
    { type: "alicloud:ess/scalingRule:ScalingRule", property: "adjustmentType", test: oneOf(["QuantityChangeInCapacity", "PercentChangeInCapacity", "TotalCapacity"]), source: `${SDK}ess/scalingRule.d.ts (adjustmentType)` },
    {
        type: "alicloud:ess/scalingRule:ScalingRule",
        property: "minAdjustmentMagnitude",
        test: forbidden("only with adjustmentType PercentChangeInCapacity"),
        when: { describe: "adjustmentType is not PercentChangeInCapacity", holds: (i) => i.adjustmentType !== "PercentChangeInCapacity" },
        source: `${SDK}ess/scalingRule.d.ts (minAdjustmentMagnitude: takes effect with AdjustmentType PercentChangeInCapacity)`,
    },
    { type: "alicloud:ess/scalingRule:ScalingRule", property: "scalingRuleType", test: oneOf(["SimpleScalingRule", "TargetTrackingScalingRule", "StepScalingRule", "PredictiveScalingRule"]), source: `${SDK}ess/scalingRule.d.ts (scalingRuleType)` },
    {
        type: "alicloud:ess/scalingRule:ScalingRule",
        property: "estimatedInstanceWarmup",
        test: between(0, 86400),
        source: "Auto Scaling API ModifyScalingRule/CreateScalingRule EstimatedInstanceWarmup: 0 to 86400 seconds",
    },
    {
        type: "alicloud:ess/scalingRule:ScalingRule",
        property: "stepAdjustments[].scalingAdjustment",
        test: between(-100, 10000),
        when: { describe: "adjustmentType is PercentChangeInCapacity", holds: (i) => i.adjustmentType === "PercentChangeInCapacity" },
        source: `${SDK}ess/scalingRule.d.ts (adjustmentValue: PercentChangeInCapacity [0, 10000] U [-100, 0])`,
    },
    {
        type: "alicloud:ess/scalingRule:ScalingRule",
        property: "stepAdjustments[].metricIntervalLowerBound",
        test: matches(/^-?\d+(\.\d+)?$/, "a decimal number as a string"),
        source: "terraform-provider-alicloud resource_alicloud_ess_scaling_rule.go: metric_interval_lower_bound is a string parsed as a float (strconv.ParseFloat); an open bound is left out",
    },
    {
        type: "alicloud:ess/scalingRule:ScalingRule",
        property: "stepAdjustments[].metricIntervalUpperBound",
        test: matches(/^-?\d+(\.\d+)?$/, "a decimal number as a string"),
        source: "terraform-provider-alicloud resource_alicloud_ess_scaling_rule.go: metric_interval_upper_bound is a string parsed as a float (strconv.ParseFloat); an open bound is left out",
    },
    {
        type: "alicloud:ess/scalingRule:ScalingRule",
        property: "cooldown",
        test: forbidden("only on a SimpleScalingRule (the provider drops it on other rule types)"),
        when: { describe: "scalingRuleType is not SimpleScalingRule", holds: (i) => i.scalingRuleType !== undefined && i.scalingRuleType !== "SimpleScalingRule" },
        source: `${SDK}ess/scalingRule.d.ts (cooldown: applicable only to simple scaling rules)`,
    },
    { type: "alicloud:ess/alarm:Alarm", property: "threshold", test: matches(/^-?\d+(\.\d+)?$/, "a decimal number as a string"), source: `${SDK}ess/alarm.d.ts (threshold); the provider parses it as a float` },
    { type: "alicloud:ess/alarm:Alarm", property: "comparisonOperator", test: oneOf([">=", "<=", ">", "<"]), source: `${SDK}ess/alarm.d.ts (comparisonOperator)` },
    { type: "alicloud:ess/alarm:Alarm", property: "expressions[].comparisonOperator", test: oneOf([">=", "<=", ">", "<"]), source: `${SDK}ess/alarm.d.ts (comparisonOperator)` },
    { type: "alicloud:ess/alarm:Alarm", property: "statistics", test: oneOf(["Average", "Minimum", "Maximum"]), source: `${SDK}ess/alarm.d.ts (statistics)` },
    { type: "alicloud:ess/alarm:Alarm", property: "expressions[].statistics", test: oneOf(["Average", "Minimum", "Maximum"]), source: `${SDK}ess/alarm.d.ts (statistics)` },
    { type: "alicloud:ess/alarm:Alarm", property: "period", test: oneOf([60, 120, 300, 900]), source: `${SDK}ess/alarm.d.ts (period)` },
    { type: "alicloud:ess/alarm:Alarm", property: "expressions[].period", test: oneOf([60, 120, 300, 900]), source: `${SDK}types/input.d.ts ess.AlarmExpression (period)` },
    { type: "alicloud:ess/alarm:Alarm", property: "metricName", test: oneOf(ESS_SYSTEM_METRICS), when: essSystemMetric, source: ESS_ALARM_DOC },
    { type: "alicloud:ess/alarm:Alarm", property: "expressions[].metricName", test: oneOf(ESS_SYSTEM_METRICS), when: essSystemMetric, source: ESS_ALARM_DOC },
    { type: "alicloud:ess/alarm:Alarm", property: "metricType", test: oneOf(["system", "custom"]), source: `${SDK}ess/alarm.d.ts (metricType)` },
    {
        type: "alicloud:ess/alarm:Alarm",
        property: "cloudMonitorGroupId",
        test: present("the CloudMonitor application group the custom metric is reported to"),
        required: true,
        when: { describe: "when metricType is custom", holds: (i: Props) => str(i.metricType) === "custom" },
        source: `${SDK}ess/alarm.d.ts (cloudMonitorGroupId: "the application group id defined by CMS which is assigned when you upload custom metric to CMS, only available for custom metric"); Auto Scaling console, custom monitoring: "select the application group, metric, and dimension"`,
    },

    // Identity of the app servers (RAM role for ECS)
    { type: "alicloud:ram/role:Role", property: "roleName", test: name(1, 64, /^[a-zA-Z0-9.-]+$/, "letters, digits, . and - only"), required: true, source: "RAM API CreateRole (RoleName: 1 to 64 characters, letters, digits, periods (.) and hyphens (-))" },
    { type: "alicloud:ram/policy:Policy", property: "policyName", test: name(1, 128, /^[a-zA-Z0-9-]+$/, "letters, digits and - only"), required: true, source: `${SDK}ram/policy.d.ts (policyName: "1 to 128 characters in length and can contain English letters, digits, and dashes (-)")` },
    { type: "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", property: "policyType", test: oneOf(["Custom", "System"]), required: true, source: `${SDK}ram/rolePolicyAttachment.d.ts (policyType: Custom, System)` },

    // Databases and cache
    {
        type: "alicloud:rds/instance:Instance",
        property: "tdeStatus",
        test: not("Enabled", "TDE needs RDS High-availability or Cluster Edition"),
        when: { describe: "category Basic", holds: (i) => i.category === "Basic" },
        source: "https://www.alibabacloud.com/help/en/rds/apsaradb-rds-for-mysql/configure-tde-for-an-apsaradb-rds-for-mysql-instance (prerequisites: High-availability Edition or Cluster Edition)",
    },
    {
        type: "alicloud:rds/instance:Instance",
        property: "category",
        test: oneOf(["Basic", "HighAvailability", "AlwaysOn", "Finance", "cluster", "serverless_basic", "serverless_standard", "serverless_ha"]),
        source: `${SDK}rds/instance.d.ts (category)`,
    },
    { type: "alicloud:rds/instance:Instance", property: "instanceName", test: lengthBetween(2, 256), source: `${SDK}rds/instance.d.ts (instanceName)` },
    { type: "alicloud:rds/instance:Instance", property: "instanceChargeType", test: oneOf(["Prepaid", "Postpaid", "Serverless"]), source: `${SDK}rds/instance.d.ts (instanceChargeType)` },
    { type: "alicloud:rds/backupPolicy:BackupPolicy", property: "backupRetentionPeriod", test: between(7, 730), source: `${SDK}rds/backupPolicy.d.ts (backupRetentionPeriod)` },
    { type: "alicloud:rds/backupPolicy:BackupPolicy", property: "preferredBackupPeriods[]", test: oneOf(DAYS), source: `${SDK}rds/backupPolicy.d.ts (preferredBackupPeriods)` },
    { type: "alicloud:rds/backupPolicy:BackupPolicy", property: "releasedKeepPolicy", test: oneOf(["None", "Lastest", "All"]), source: `${SDK}rds/backupPolicy.d.ts (releasedKeepPolicy)` },
    {
        type: "alicloud:rds/database:Database",
        property: "dataBaseName",
        test: name(2, 64, /^[a-z](?:[a-z0-9_-]*[a-z0-9])?$/, "starting with a lowercase letter, ending with a lowercase letter or digit; lowercase letters, digits, _ and - only"),
        source: `${SDK}rds/database.d.ts (dataBaseName)`,
    },
    { type: "alicloud:rds/database:Database", property: "characterSet", test: oneOf(["utf8", "gbk", "latin1", "utf8mb4"]), source: `${SDK}rds/database.d.ts (characterSet, MySQL)` },
    {
        type: "alicloud:rds/rdsAccount:RdsAccount",
        property: "accountName",
        test: name(2, 32, /^[a-z](?:[a-z0-9_]*[a-z0-9])?$/, "starting with a lowercase letter, ending with a letter or digit; lowercase letters, digits and _ only"),
        source: `${SDK}rds/rdsAccount.d.ts (accountName)`,
    },
    {
        type: "alicloud:polardb/account:Account",
        property: "accountName",
        test: name(2, 16, /^[a-z](?:[a-z0-9_]*[a-z0-9])?$/, "starting with a lowercase letter, ending with a letter or digit; lowercase letters, digits and _ only; not root or admin"),
        source: `${SDK}polardb/account.d.ts (accountName)`,
    },
    { type: "alicloud:polardb/accountPrivilege:AccountPrivilege", property: "accountPrivilege", test: oneOf(["ReadOnly", "ReadWrite", "DMLOnly", "DDLOnly"]), source: `${SDK}polardb/accountPrivilege.d.ts (accountPrivilege)` },
    { type: "alicloud:rds/accountPrivilege:AccountPrivilege", property: "privilege", test: oneOf(["ReadOnly", "ReadWrite", "DDLOnly", "DMLOnly", "DBOwner"]), source: `${SDK}rds/accountPrivilege.d.ts (privilege)` },
    { type: "alicloud:polardb/cluster:Cluster", property: "creationCategory", test: oneOf(["Normal", "Basic", "ArchiveNormal", "NormalMultimaster", "SENormal"]), source: `${SDK}polardb/cluster.d.ts (creationCategory)` },
    {
        type: "alicloud:polardb/cluster:Cluster",
        property: "creationOption",
        test: oneOf(["Normal", "CloneFromPolarDB", "CloneFromRDS", "MigrationFromRDS", "CreateGdnStandby", "RecoverFromRecyclebin", "UpgradeFromPolarDB"]),
        source: `${SDK}polardb/cluster.d.ts (creationOption)`,
    },
    { type: "alicloud:polardb/cluster:Cluster", property: "hotStandbyCluster", test: oneOf(["ON", "OFF", "EQUAL"]), source: `${SDK}polardb/cluster.d.ts (hotStandbyCluster)` },
    { type: "alicloud:polardb/cluster:Cluster", property: "hotReplicaMode", test: oneOf(["ON", "OFF"]), source: `${TF}resource_alicloud_polardb_cluster.go (hot_replica_mode: StringInSlice([]string{"ON", "OFF"}, false))` },
    {
        type: "alicloud:polardb/cluster:Cluster",
        property: "dbNodeId",
        test: present("the node (an id, or a node subscript 1-15) hot_replica_mode applies to"),
        required: true,
        when: { describe: "when hotReplicaMode is set", holds: (i) => i.hotReplicaMode !== undefined },
        source: `${TF}resource_alicloud_polardb_cluster.go (hot_replica_mode: RequiredWith: []string{"db_node_id"})`,
    },
    {
        type: "alicloud:polardb/cluster:Cluster",
        property: "dbNodeId",
        test: matches(/^(?:[1-9]|1[0-5]|.{3,})$/, "a node subscript 1-15 or a node id (longer than two characters)"),
        source: `${SDK}polardb/cluster.d.ts (dbNodeId: "The ID of the node or node subscript. Node subscript values: 1 to 15"); ${TF}resource_alicloud_polardb_cluster.go (a value longer than 2 characters is a node id, else an index into DBNodes)`,
    },
    { type: "alicloud:polardb/cluster:Cluster", property: "dbNodeCount", test: between(2, 16), source: `${SDK}polardb/cluster.d.ts (dbNodeCount)` },
    { type: "alicloud:polardb/cluster:Cluster", property: "tdeStatus", test: oneOf(["Enabled", "Disabled"]), source: `${SDK}polardb/cluster.d.ts (tdeStatus)` },
    {
        type: "alicloud:polardb/cluster:Cluster",
        property: "encryptNewTables",
        test: oneOf(["ON", "OFF"]),
        when: { describe: "MySQL 8.0 only", holds: (i) => i.dbVersion === "8.0" },
        source: `${SDK}polardb/cluster.d.ts (encryptNewTables: Only MySQL 8.0 supports)`,
    },
    { type: "alicloud:polardb/backupPolicy:BackupPolicy", property: "backupRetentionPolicyOnClusterDeletion", test: oneOf(["ALL", "LATEST", "NONE"]), source: `${SDK}polardb/backupPolicy.d.ts (backupRetentionPolicyOnClusterDeletion)` },
    { type: "alicloud:polardb/backupPolicy:BackupPolicy", property: "preferredBackupPeriods[]", test: oneOf(DAYS), source: `${SDK}polardb/backupPolicy.d.ts (preferredBackupPeriods)` },
    {
        // The provider's preferred_backup_period is a TypeSet of day names with no minimum; the API rejects fewer than two days.
        type: "alicloud:polardb/backupPolicy:BackupPolicy",
        property: "preferredBackupPeriods",
        test: { describe: "at least two distinct days of the week", accepts: (v) => Array.isArray(v) && new Set(v.filter((d) => typeof d === "string")).size >= 2 },
        source: `PolarDB API ModifyBackupPolicy (PreferredBackupPeriod: "Select at least two values", https://www.alibabacloud.com/help/doc-detail/185398.htm); ${TF}resource_alicloud_polardb_backup_policy.go (preferred_backup_period: TypeSet of Monday..Sunday, Optional, Computed)`,
    },
    {
        type: "alicloud:polardb/database:Database",
        property: "dbName",
        test: name(1, 64, /^[a-z][a-z0-9_]*$/, "starting with a letter; lowercase letters, digits and _ only"),
        source: `${SDK}polardb/database.d.ts (dbName)`,
    },
    {
        type: "alicloud:kvstore/instance:Instance",
        property: "instanceClass",
        test: matches(/^(?!tair\.)/, "not a cloud-native Tair class (tair.*): kvstore.Instance calls CreateInstance, which does not create cloud-native Tair; use redis.TairInstance (CreateTairInstance)"),
        source: "https://www.alibabacloud.com/help/en/redis/developer-reference/api-r-kvstore-2015-01-01-createinstance-redis (\"To create a cloud-native Tair instance, call the CreateTairInstance operation\")",
    },
    { type: "alicloud:kvstore/instance:Instance", property: "engineVersion", test: oneOf(["2.8", "4.0", "5.0", "6.0", "7.0"]), source: `${SDK}kvstore/instance.d.ts (engineVersion)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "instanceType", test: oneOf(["tair_rdb", "tair_scm", "tair_essd"]), source: `${TF}resource_alicloud_redis_tair_instance.go (instance_type: StringInSlice)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "tdeStatus", test: oneOf(["enabled", "disabled"]), source: `${TF}resource_alicloud_redis_tair_instance.go (tde_status: StringInSlice "enabled", "disabled", lower case)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "port", test: between(1024, 65535), source: `${TF}resource_alicloud_redis_tair_instance.go (port: IntBetween(1024, 65535))` },
    {
        type: "alicloud:redis/tairInstance:TairInstance",
        property: "engineVersion",
        test: oneOf(["5.0", "6.0", "7.0"]),
        when: { describe: "instanceType tair_rdb", holds: (i) => i.instanceType === "tair_rdb" },
        source: `${SDK}redis/tairInstance.d.ts (engineVersion: tair_rdb is compatible with Redis 5.0, 6.0, 7.0)`,
    },
    {
        type: "alicloud:redis/tairInstance:TairInstance",
        property: "instanceClass",
        test: matches(/^tair\.rdb\./, "a tair.rdb.* class"),
        when: { describe: "instanceType tair_rdb", holds: (i) => i.instanceType === "tair_rdb" },
        source: "https://www.alibabacloud.com/help/en/tair/developer-reference/api-r-kvstore-2015-01-01-createtairinstance (InstanceClass of the DRAM-based series)",
    },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "paymentType", test: oneOf(["Subscription", "PayAsYouGo"]), source: `${TF}resource_alicloud_redis_tair_instance.go (payment_type: StringInSlice)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "nodeType", test: oneOf(["MASTER_SLAVE", "STAND_ALONE", "double", "single"]), source: `${TF}resource_alicloud_redis_tair_instance.go (node_type: StringInSlice)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "shardCount", test: between(1, 32), source: `${SDK}redis/tairInstance.d.ts (shardCount: 1, or 2 to 32 for the cluster architecture)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "sslEnabled", test: oneOf(["Disable", "Enable", "Update"]), source: `${TF}resource_alicloud_redis_tair_instance.go (ssl_enabled: StringInSlice)` },
    { type: "alicloud:redis/tairInstance:TairInstance", property: "vpcAuthMode", test: oneOf(["Open", "Close"]), source: `${SDK}redis/tairInstance.d.ts (vpcAuthMode)` },

    // Kubernetes, KMS, DNS, CDN, OSS, live
    { type: "alicloud:cs/managedKubernetes:ManagedKubernetes", property: "clusterSpec", test: oneOf(["ack.standard", "ack.pro.small", "ack.pro.xlarge", "ack.pro.2xlarge", "ack.pro.4xlarge"]), source: `${SDK}cs/managedKubernetes.d.ts (clusterSpec)` },
    {
        type: "alicloud:cs/nodePool:NodePool",
        property: "scalingConfig.maxSize",
        test: { describe: "0 to 1000 and greater than scalingConfig.minSize", accepts: (v, i) => typeof v === "number" && v >= 0 && v <= 1000 && v > (num(isRecord(i.scalingConfig) ? i.scalingConfig.minSize : undefined) ?? 0) },
        source: `${SDK}types/input.d.ts (NodePoolScalingConfig.maxSize: "valid value range [0~1000]. maxSize has to be greater than minSize")`,
    },
    { type: "alicloud:cs/nodePool:NodePool", property: "scalingConfig.minSize", test: between(0, 1000), source: `${SDK}types/input.d.ts (NodePoolScalingConfig.minSize: "valid value range [0~1000]")` },
    { type: "alicloud:cs/autoscalingConfig:AutoscalingConfig", property: "scalerType", test: oneOf(["cluster-autoscaler", "goatscaler"]), source: `${SDK}cs/autoscalingConfig.d.ts (scalerType)` },
    { type: "alicloud:cs/autoscalingConfig:AutoscalingConfig", property: "expander", test: oneOf(["least-waste", "random", "priority"]), source: `${SDK}cs/autoscalingConfig.d.ts (expander)` },
    { type: "alicloud:cs/nodePool:NodePool", property: "instanceChargeType", test: oneOf(["PostPaid", "PrePaid"]), source: `${SDK}cs/nodePool.d.ts (instanceChargeType)` },
    { type: "alicloud:kms/key:Key", property: "pendingWindowInDays", test: between(7, 366), source: `${SDK}kms/key.d.ts (pendingWindowInDays)` },
    { type: "alicloud:kms/key:Key", property: "protectionLevel", test: oneOf(["SOFTWARE", "HSM"]), source: `${SDK}kms/key.d.ts (protectionLevel)` },
    { type: "alicloud:dns/gtmInstance:GtmInstance", property: "ttl", test: oneOf([60, 120, 300, 600]), source: `${SDK}dns/gtmInstance.d.ts (ttl)` },
    { type: "alicloud:dns/gtmInstance:GtmInstance", property: "packageEdition", test: oneOf(["ultimate", "standard"]), source: `${SDK}dns/gtmInstance.d.ts (packageEdition)` },
    { type: "alicloud:dns/gtmInstance:GtmInstance", property: "paymentType", test: oneOf(["Subscription"]), source: `${SDK}dns/gtmInstance.d.ts (paymentType)` },
    { type: "alicloud:dns/gtmInstance:GtmInstance", property: "strategyMode", test: oneOf(["GEO", "LATENCY"]), source: `${SDK}dns/gtmInstance.d.ts (strategyMode)` },
    {
        type: "alicloud:dns/gtmInstance:GtmInstance",
        property: "publicCnameMode",
        test: oneOf(["CUSTOM"]),
        source: `${TF}resource_alicloud_alidns_gtm_instance.go (public_cname_mode: CUSTOM, SYSTEM_ASSIGN); Alibaba Cloud DNS API UpdateDnsGtmInstanceGlobalConfig (PublicCnameMode: "SYSTEM_ASSIGN：系统分配（此选项功能关闭）", the option is disabled; help.aliyun.com/document_detail/2357230.html)`,
    },
    {
        type: "alicloud:dns/gtmInstance:GtmInstance",
        property: "publicZoneName",
        test: present("the primary domain of GTM's access domain, without publicRr"),
        required: true,
        when: { describe: "when publicCnameMode is CUSTOM", holds: (i) => i.publicCnameMode === "CUSTOM" },
        source: "Alibaba Cloud DNS API UpdateDnsGtmInstanceGlobalConfig (PublicZoneName: \"主域名，且当为自定义接入时为必填\", required in custom mode; help.aliyun.com/document_detail/2357230.html)",
    },
    {
        type: "alicloud:dns/gtmInstance:GtmInstance",
        property: "publicRr",
        test: present("the host record of GTM's access domain under publicZoneName"),
        required: true,
        when: { describe: "when publicCnameMode is CUSTOM", holds: (i) => i.publicCnameMode === "CUSTOM" },
        source: `${SDK}dns/gtmInstance.d.ts (publicRr: "The CNAME access domain name"); Alibaba Cloud DNS API UpdateDnsGtmInstanceGlobalConfig (PublicZoneName "不包含 PublicRr 参数内容": the access domain is PublicRr under PublicZoneName)`,
    },
    { type: "alicloud:dns/gtmInstance:GtmInstance", property: "instanceName", test: present("a non-empty instance name"), required: true, source: `${TF}resource_alicloud_alidns_gtm_instance.go (instance_name: TypeString, Required)` },
    { type: "alicloud:dns/gtmInstance:GtmInstance", property: "renewalStatus", test: oneOf(["AutoRenewal", "ManualRenewal"]), source: `${SDK}dns/gtmInstance.d.ts (renewalStatus)` },
    { type: "alicloud:dns/monitorConfig:MonitorConfig", property: "evaluationCount", test: oneOf([1, 2, 3]), source: `${SDK}dns/monitorConfig.d.ts (evaluationCount)` },
    { type: "alicloud:dns/monitorConfig:MonitorConfig", property: "interval", test: oneOf([60]), source: `${SDK}dns/monitorConfig.d.ts (interval)` },
    { type: "alicloud:dns/monitorConfig:MonitorConfig", property: "timeout", test: oneOf([2000, 3000, 5000, 10000]), source: `${SDK}dns/monitorConfig.d.ts (timeout)` },
    { type: "alicloud:dns/monitorConfig:MonitorConfig", property: "protocolType", test: oneOf(["HTTP", "HTTPS", "PING", "TCP"]), source: `${SDK}dns/monitorConfig.d.ts (protocolType)` },
    { type: "alicloud:dns/addressPool:AddressPool", property: "type", test: oneOf(["IPV4", "IPV6", "DOMAIN"]), source: `${SDK}dns/addressPool.d.ts (type)` },
    { type: "alicloud:dns/addressPool:AddressPool", property: "lbaStrategy", test: oneOf(["ALL_RR", "RATIO"]), source: `${SDK}dns/addressPool.d.ts (lbaStrategy)` },
    { type: "alicloud:dns/accessStrategy:AccessStrategy", property: "strategyMode", test: oneOf(["GEO", "LATENCY"]), source: `${SDK}dns/accessStrategy.d.ts (strategyMode)` },
    {
        type: "alicloud:dns/accessStrategy:AccessStrategy",
        property: "lines",
        test: present("at least one source line (lineCode) to steer"),
        required: true,
        when: GEO_STRATEGY,
        source: `${SDK}dns/accessStrategy.d.ts (lines: "The \`lines\` is required under the condition that \`strategyMode\` is \`GEO\`")`,
    },
    {
        type: "alicloud:dns/accessStrategy:AccessStrategy",
        property: "defaultLbaStrategy",
        test: oneOf(["ALL_RR", "RATIO"]),
        required: true,
        when: GEO_STRATEGY,
        source: `${SDK}dns/accessStrategy.d.ts (defaultLbaStrategy: "Valid values: \`ALL_RR\`, \`RATIO\`. The \`defaultLbaStrategy\` is required under the condition that \`strategyMode\` is \`GEO\`")`,
    },
    {
        type: "alicloud:dns/accessStrategy:AccessStrategy",
        property: "defaultMaxReturnAddrNum",
        test: present("the maximum number of addresses the default pools return"),
        required: true,
        when: { describe: "when strategyMode is LATENCY", holds: (i) => i.strategyMode === "LATENCY" },
        source: `${SDK}dns/accessStrategy.d.ts (defaultMaxReturnAddrNum: "required under the condition that \`strategyMode\` is \`LATENCY\`")`,
    },
    { type: "alicloud:dns/accessStrategy:AccessStrategy", property: "defaultAddrPoolType", test: oneOf(["IPV4", "IPV6", "DOMAIN"]), source: `${SDK}dns/accessStrategy.d.ts (defaultAddrPoolType)` },
    { type: "alicloud:dns/accessStrategy:AccessStrategy", property: "defaultLatencyOptimization", test: oneOf(["OPEN", "CLOSE"]), source: `${SDK}dns/accessStrategy.d.ts (defaultLatencyOptimization)` },
    { type: "alicloud:cdn/domainNew:DomainNew", property: "cdnType", test: oneOf(["web", "download", "video"]), source: `${SDK}cdn/domainNew.d.ts (cdnType)` },
    { type: "alicloud:cdn/domainNew:DomainNew", property: "sources[].port", test: oneOf([80, 443]), source: `${SDK}types/input.d.ts (DomainNewSource.port: "Valid values are 443 and 80")` },
    { type: "alicloud:cdn/domainNew:DomainNew", property: "scope", test: oneOf(["domestic", "overseas", "global"]), source: `${SDK}cdn/domainNew.d.ts (scope)` },
    { type: "alicloud:oss/bucketAcl:BucketAcl", property: "acl", test: oneOf(["private", "public-read", "public-read-write"]), source: `${SDK}oss/bucketAcl.d.ts (acl)` },
    { type: "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", property: "sseAlgorithm", test: oneOf(["KMS", "AES256"]), source: `${SDK}oss/bucketServerSideEncryption.d.ts (sseAlgorithm)` },
    { type: "alicloud:live/domain:Domain", property: "domainType", test: oneOf(["liveVideo", "liveEdge"]), source: `${SDK}live/domain.d.ts (domainType)` },
];
