// Provider conformance: every rule of the table accepts a value the provider accepts and rejects one
// it rejects; the shipped stacks carry no rejected value; a rejected value fails plan and check.

import * as assert from "assert";
import * as fs from "fs";

import { FLOW_POLICY } from "../../tools/lib/inputs";
import * as os from "os";
import * as path from "path";

import { ACS_ALB_INSTANCE_METRICS, CMS_COMPARISON_OPERATORS, CMS_METRIC_STATISTICS, ESS_SYSTEM_METRICS } from "../../policies/conformance/alicloud";
import { AUTO_NAME_SUFFIX_LENGTH, autoNameOf } from "../../policies/conformance/checkers";
import { CONFORMANCE_RULES, ConformanceResource, ConformanceRule, checkConformance, checkRule, valuesAt } from "../../policies/conformance";
import { check, parseCheckArgs } from "../../tools/check";
import { CheckedPlan, checkPlan, exitCodeOf, renderPlans } from "../../tools/plan";
import { listStacks } from "../../tools/lib/stackfiles";
import { shippedPlan } from "../support/shipped";

/** Values tried against each rule: the first one the rule rejects is its failing case. */
const REJECT_CANDIDATES: readonly unknown[] = [
    "GreaterThanThreshold",
    "not a valid value!",
    "x".repeat(300),
    "-starts-with-hyphen",
    "",
    -1,
    100000,
    "Average",
    "HTTPCodeUpstream5XXRatio",
    "tair.rdb.2g",
    "Enabled",
    true,
    3,
    "managed by pulumi",
    { namespace: "AWS/ApplicationELB", metricName: "NoSuchMetric" },
    // ELB listener rule conditions: the Host header in an http-header condition, 4 values in one condition, 6 in one rule.
    "Host",
    { pathPattern: { values: ["/a", "/b", "/c", "/d"] } },
    [{ pathPattern: { values: ["/a", "/b", "/c"] } }, { httpRequestMethod: { values: ["GET", "HEAD", "POST"] } }],
];

/** Inputs under which a conditional rule applies (its `when`), for rules whose shipped stacks never meet it. */
const CONDITIONS: Readonly<Record<string, Record<string, unknown>>> = {
    "alicloud:rds/instance:Instance tdeStatus": { category: "Basic" },
    "alicloud:ecs/eipAddress:EipAddress bandwidth": { paymentType: "PayAsYouGo", internetChargeType: "PayByTraffic" },
    "alicloud:ess/scalingRule:ScalingRule minAdjustmentMagnitude": { adjustmentType: "QuantityChangeInCapacity" },
    "alicloud:ess/scalingRule:ScalingRule cooldown": { scalingRuleType: "StepScalingRule" },
    "aws:autoscaling/policy:Policy minAdjustmentMagnitude": { adjustmentType: "ChangeInCapacity" },
    "aws:rds/cluster:Cluster manageMasterUserPassword": { globalClusterIdentifier: "lc-global-db" },
    "aws:elasticache/replicationGroup:ReplicationGroup multiAzEnabled": { automaticFailoverEnabled: false },
    "aws:elasticache/replicationGroup:ReplicationGroup numCacheClusters": { automaticFailoverEnabled: true },
    "aws:elasticache/replicationGroup:ReplicationGroup automaticFailoverEnabled": { clusterMode: "enabled" },
    "aws:msk/cluster:Cluster numberOfBrokerNodes": { brokerNodeGroupInfo: { clientSubnets: ["a", "b", "c"] } },
    "alicloud:cms/alarm:Alarm metricDimensions": { project: "acs_ecs_dashboard" },
    "alicloud:dns/accessStrategy:AccessStrategy lines": { strategyMode: "GEO" },
    "alicloud:dns/accessStrategy:AccessStrategy defaultLbaStrategy": { strategyMode: "GEO" },
    // The shipped multi-metric ESS alarms (the app group's) are custom; a system one for the rule.
    "alicloud:ess/alarm:Alarm expressions[].metricName": { metricType: "system", expressions: [{ metricName: "CpuUtilization", comparisonOperator: ">", statistics: "Average", period: 60 }] },
};

/** Values the provider accepts, for rules whose property no shipped stack sets. */
const ACCEPTED: Readonly<Record<string, unknown>> = {
    "aws:lb/listenerRule:ListenerRule conditions[].httpHeader.httpHeaderName": "X-Channel",
    "aws:lb/listenerRule:ListenerRule conditions[].hostHeader.values[]": "*.example.com",
    // the shipped stacks run Tair (redis.TairInstance), not kvstore.Instance: zone ids of the table
    "alicloud:kvstore/instance:Instance zoneId": "cn-hangzhou-h",
    "alicloud:kvstore/instance:Instance secondaryZoneId": "cn-hangzhou-i",
    "alicloud:rds/instance:Instance tdeStatus": "Disabled",
    "alicloud:ess/scalingRule:ScalingRule minAdjustmentMagnitude": undefined,
    "alicloud:ess/scalingRule:ScalingRule cooldown": undefined,
    "aws:autoscaling/policy:Policy minAdjustmentMagnitude": undefined,
    "aws:rds/cluster:Cluster manageMasterUserPassword": false,
    "aws:elasticache/replicationGroup:ReplicationGroup multiAzEnabled": false,
    "aws:elasticache/replicationGroup:ReplicationGroup numCacheClusters": 2,
    "aws:elasticache/replicationGroup:ReplicationGroup automaticFailoverEnabled": true,
    "aws:msk/cluster:Cluster numberOfBrokerNodes": 6,
    "alicloud:redis/tairInstance:TairInstance engineVersion": "7.0",
    // The shipped global cluster is created from the primary cluster and takes its engine from it
    // (`engine` conflicts with `sourceDbClusterIdentifier`).
    "aws:rds/globalCluster:GlobalCluster engine": "aurora-mysql",
    "alicloud:kvstore/instance:Instance engineVersion": "7.0",
    "alicloud:kvstore/instance:Instance instanceClass": "redis.shard.small.2.ce",
    "aws:lb/loadBalancer:LoadBalancer name": "lc-us-east-1-alb",
    "aws:lb/targetGroup:TargetGroup name": "lc-us-east-1-api",
    // The shipped access strategies steer by LATENCY; a GEO one names its source lines (SDK example: lineCode default).
    "alicloud:dns/accessStrategy:AccessStrategy lines": [{ lineCode: "default" }],
    "alicloud:dns/accessStrategy:AccessStrategy defaultLbaStrategy": "ALL_RR",
    // Live domains remain only for a one-zone region (managed tier), which no shipped stack has.
    "alicloud:live/domain:Domain domainType": "liveVideo",
};

/** Sets `path` (`a.b`, `a[].b` as the first element) in a deep copy of `inputs`. */
function withValue(inputs: Record<string, unknown>, property: string, value: unknown): Record<string, unknown> {
    const copy: Record<string, unknown> = JSON.parse(JSON.stringify(inputs));
    let at: Record<string, unknown> = copy;
    const parts = property.split(".");
    parts.forEach((raw, i) => {
        const each = raw.endsWith("[]");
        const key = each ? raw.slice(0, -2) : raw;
        const last = i === parts.length - 1;
        if (last) {
            if (value === undefined) delete at[key];
            else at[key] = each ? [value] : value;
            return;
        }
        const next: Record<string, unknown> = {};
        const existing = at[key];
        if (each) {
            const first = Array.isArray(existing) && typeof existing[0] === "object" && existing[0] !== null ? existing[0] : next;
            at[key] = [first];
            at = first;
        } else {
            at[key] = typeof existing === "object" && existing !== null && !Array.isArray(existing) ? existing : next;
            const child = at[key];
            if (typeof child === "object" && child !== null && !Array.isArray(child)) at = child as Record<string, unknown>;
        }
    });
    return copy;
}

function resource(type: string, inputs: Record<string, unknown>, name = "lc-test"): ConformanceResource {
    return { urn: `urn:pulumi:test::live-commerce::${type}::${name}`, type, name, custom: true, inputs };
}

const key = (rule: ConformanceRule): string => `${rule.type} ${rule.property}`;

describe("provider conformance rules", function () {
    let plans: CheckedPlan[] = [];
    before(async function () {
        this.timeout(600_000);
        plans = [];
        for (const stack of listStacks()) plans.push(await checkPlan(await shippedPlan(stack)));
    });

    /** A shipped resource of the rule's type (its inputs are a realistic base), else just the condition. */
    function baseInputs(rule: ConformanceRule): Record<string, unknown> {
        const shipped = plans
            .flatMap((p) => p.resources)
            .find((r) => r.type === rule.type && r.custom && valuesAt(r.inputs, rule.property).length > 0 && (rule.when === undefined || rule.when.holds(r.inputs)));
        return { ...(shipped?.inputs ?? {}), ...(CONDITIONS[key(rule)] ?? {}) };
    }

    it("every rule names its source and says what it accepts", () => {
        for (const rule of CONFORMANCE_RULES) {
            assert.ok(rule.source.length > 10, `${key(rule)} has no source`);
            assert.ok(rule.test.describe.length > 0, `${key(rule)} says nothing of what it accepts`);
        }
    });

    it("every rule accepts a value the provider accepts and rejects one it rejects", () => {
        for (const rule of CONFORMANCE_RULES) {
            const base = baseInputs(rule);
            const accepted = key(rule) in ACCEPTED ? ACCEPTED[key(rule)] : valuesAt(base, rule.property)[0]?.value;
            // An auto-named property left unset is checked as Pulumi names it (logical name "lc-test" + 8).
            assert.ok(key(rule) in ACCEPTED || accepted !== undefined || rule.autoName === true, `${key(rule)}: no shipped value and no accepted fixture`);
            const good = resource(rule.type, withValue(base, rule.property, accepted));
            assert.deepStrictEqual(checkRule(rule, good), [], `${key(rule)} rejects ${JSON.stringify(accepted)}`);

            const rejected = REJECT_CANDIDATES.find((v) => checkRule(rule, resource(rule.type, withValue(base, rule.property, v))).length > 0);
            assert.ok(rejected !== undefined, `${key(rule)} rejects none of the candidate values: it cannot fail`);
            const [v] = checkRule(rule, resource(rule.type, withValue(base, rule.property, rejected)));
            assert.strictEqual(v.type, rule.type);
            assert.strictEqual(v.property.replace(/\[\d+\]/g, "[]"), rule.property);
            assert.deepStrictEqual(v.value, rejected);
            assert.strictEqual(v.source, rule.source);
        }
    });

    it("ELB listener rules: at most 3 match evaluations per condition, 5 per rule, 5 wildcards per rule, one path-pattern per rule, no Host http-header (ELB Condition basics)", () => {
        const RULE = "aws:lb/listenerRule:ListenerRule";
        const found = (conditions: unknown[]) => checkConformance([resource(RULE, { listenerArn: "arn:l", priority: 10, conditions, actions: [{ type: "forward", targetGroupArn: "arn:tg" }] })]).map((v) => [v.property, v.rule]);
        const PER_RULE = "at most 5 match evaluations (condition values) and 5 wildcard characters per rule, and at most one each of hostHeader, httpRequestMethod, pathPattern and sourceIp";
        // The shipped order rule with a host: 3 match evaluations, 1 wildcard.
        assert.deepStrictEqual(found([{ pathPattern: { values: ["/order", "/order/*"] } }, { hostHeader: { values: ["api.example.com"] } }]), []);
        // Every method on the order rule: 7 in one condition, 9 in the rule (CreateRule refuses it).
        assert.deepStrictEqual(found([{ pathPattern: { values: ["/order", "/order/*"] } }, { httpRequestMethod: { values: ["POST", "GET", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] } }]), [
            ["conditions[1]", "at most 3 match evaluations (values) in one condition"],
            ["conditions", PER_RULE],
        ]);
        // 3 + 3 values: each condition within 3, the rule over 5.
        assert.deepStrictEqual(found([{ pathPattern: { values: ["/order", "/order/*", "/orders"] } }, { sourceIp: { values: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"] } }]), [["conditions", PER_RULE]]);
        // 6 wildcards within 5 values; two path-pattern conditions.
        assert.deepStrictEqual(found([{ pathPattern: { values: ["/*/*/*", "/?/?/?"] } }]), [["conditions", PER_RULE]]);
        assert.deepStrictEqual(found([{ pathPattern: { values: ["/order"] } }, { pathPattern: { values: ["/order/*"] } }]), [["conditions", PER_RULE]]);
        assert.deepStrictEqual(found([{ httpHeader: { httpHeaderName: "host", values: ["*"] } }]), [["conditions[0].httpHeader.httpHeaderName", "a header other than Host (a host-header condition matches the Host header)"]]);
    });

    it("ELB host-header values: each must include a '.' (ELB API HostHeaderConditionConfig Values): `*` and `localhost` are rejected, `*.live-commerce.*` is not", () => {
        const RULE = "aws:lb/listenerRule:ListenerRule";
        const found = (values: string[]) =>
            checkConformance([resource(RULE, { listenerArn: "arn:l", priority: 10, conditions: [{ pathPattern: { values: ["/order"] } }, { hostHeader: { values } }], actions: [{ type: "forward", targetGroupArn: "arn:tg" }] })]).map((v) => [v.property, v.value, v.rule]);
        const DOT = "a host name with at least one '.' character";
        assert.deepStrictEqual(found(["*.live-commerce.*", "*"]), [["conditions[1].hostHeader.values[1]", "*", DOT]]);
        assert.deepStrictEqual(found(["localhost"]), [["conditions[1].hostHeader.values[0]", "localhost", DOT]]);
        assert.deepStrictEqual(found(["api.example.com", "*.example.com"]), []);
    });

    it("CloudMonitor escalations take the provider's operators, not CloudWatch's", () => {
        const alarm = { project: "acs_alb", metric: "LoadBalancerUnHealthyHostCount", metricDimensions: '[{"loadBalancerId":"alb-1"}]', contactGroups: ["g"] };
        const ok = checkConformance([resource("alicloud:cms/alarm:Alarm", { ...alarm, escalationsCritical: { comparisonOperator: ">=", statistics: "Value" } })]);
        assert.deepStrictEqual(ok, []);
        const bad = checkConformance([resource("alicloud:cms/alarm:Alarm", { ...alarm, escalationsCritical: { comparisonOperator: "GreaterThanOrEqualToThreshold", statistics: "Average" } })]);
        assert.deepStrictEqual(
            bad.map((v) => [v.property, v.value]),
            [
                ["escalationsCritical.comparisonOperator", "GreaterThanOrEqualToThreshold"],
                ["escalationsCritical.statistics", "Average"],
            ],
        );
        assert.ok(CMS_COMPARISON_OPERATORS.includes(">="));
        assert.ok(ACS_ALB_INSTANCE_METRICS.includes("LoadBalancerUnHealthyHostCount"));
    });

    it("CloudMonitor escalations read a statistic their metric publishes (RDS, PolarDB, Tair tables)", () => {
        const alarm = (project: string, metric: string, statistics: string) =>
            resource("alicloud:cms/alarm:Alarm", { project, metric, metricDimensions: '[{"instanceId":"i-1"}]', contactGroups: ["g"], escalationsWarn: { comparisonOperator: ">", statistics } });
        assert.deepStrictEqual(checkConformance([alarm("acs_polardb", "cluster_cpu_utilization", "Average"), alarm("acs_kvstore", "ShardingMemoryUsage", "Maximum"), alarm("acs_rds_dashboard", "CpuUsage", "Minimum")]), []);
        const bad = checkConformance([alarm("acs_polardb", "cluster_cpu_utilization", "Maximum"), alarm("acs_kvstore", "StandardCpuUsage", "Minimum")]);
        assert.deepStrictEqual(
            bad.map((v) => [v.property, v.value]),
            [
                ["escalationsWarn.statistics", "Maximum"],
                ["escalationsWarn.statistics", "Minimum"],
            ],
        );
        // A metric the table does not list is not judged by it.
        assert.deepStrictEqual(checkConformance([alarm("acs_kvstore", "StandardUsedQPS", "Minimum")]), []);
        assert.deepStrictEqual(CMS_METRIC_STATISTICS.acs_polardb.cluster_cpu_utilization, ["Average"]);
    });

    it("SAE application alarms read acs_serverless cpu / memoryPercent with Average; a hot replica names its node", () => {
        const alarm = (metric: string, statistics: string) =>
            resource("alicloud:cms/alarm:Alarm", { project: "acs_serverless", metric, metricDimensions: '[{"appId":"a-1"}]', contactGroups: ["g"], escalationsWarn: { comparisonOperator: ">", statistics } });
        assert.deepStrictEqual(checkConformance([alarm("cpu", "Average"), alarm("memoryPercent", "Average")]), []);
        assert.deepStrictEqual(
            checkConformance([alarm("CPUUtilization", "Average"), alarm("cpu", "Maximum")]).map((v) => [v.property, v.value]),
            [
                ["metric", "CPUUtilization"],
                ["escalationsWarn.statistics", "Maximum"],
            ],
        );
        const cluster = (inputs: Record<string, unknown>) => resource("alicloud:polardb/cluster:Cluster", { dbType: "MySQL", dbVersion: "8.0", payType: "PostPaid", ...inputs });
        assert.deepStrictEqual(checkConformance([cluster({ hotReplicaMode: "ON", dbNodeId: "1" })]).filter((v) => ["hotReplicaMode", "dbNodeId"].includes(v.property)), []);
        assert.deepStrictEqual(
            checkConformance([cluster({ hotReplicaMode: "on" }), cluster({ hotReplicaMode: "ON", dbNodeId: "16" })])
                .filter((v) => ["hotReplicaMode", "dbNodeId"].includes(v.property))
                .map((v) => [v.property, v.value]),
            [
                ["hotReplicaMode", "on"],
                ["dbNodeId", null],
                ["dbNodeId", "16"],
            ],
        );
    });

    it("ESS system alarms read the metric names Auto Scaling publishes, not CloudMonitor's ECS names", () => {
        const alarm = (inputs: Record<string, unknown>) => resource("alicloud:ess/alarm:Alarm", { scalingGroupId: "asg-1", alarmActions: ["ari"], ...inputs });
        assert.deepStrictEqual(checkConformance([alarm({ metricType: "system", expressions: [{ metricName: "TcpConnection", comparisonOperator: ">", statistics: "Average", period: 60 }] })]), []);
        const [v] = checkConformance([alarm({ metricType: "system", metricName: "CPUUtilization" })]);
        assert.deepStrictEqual([v.property, v.value], ["metricName", "CPUUtilization"]);
        assert.deepStrictEqual(checkConformance([alarm({ metricType: "custom", metricName: "my_queue_depth", cloudMonitorGroupId: 12345 })]), []);
        assert.ok(ESS_SYSTEM_METRICS.includes("CpuUtilization"));
    });

    it("ESS custom alarms name the CloudMonitor application group their metric is reported to; metricType is system or custom", () => {
        const alarm = (inputs: Record<string, unknown>) => resource("alicloud:ess/alarm:Alarm", { scalingGroupId: "asg-1", alarmActions: ["ari"], ...inputs });
        assert.deepStrictEqual(checkConformance([alarm({ metricType: "custom", metricName: "ConnectionsPerInstance" })]).map((v) => v.property), ["cloudMonitorGroupId"]);
        assert.deepStrictEqual(checkConformance([alarm({ metricType: "system", metricName: "CpuUtilization" })]), []);
        assert.deepStrictEqual(checkConformance([alarm({ metricType: "Custom", metricName: "CpuUtilization", cloudMonitorGroupId: 1 })]).map((v) => [v.property, v.value]), [["metricType", "Custom"]]);
    });

    it("the app servers' RAM role, policy and attachment take RAM's names and policy types", () => {
        assert.deepStrictEqual(checkConformance([resource("alicloud:ram/role:Role", { roleName: "lc-cn-hangzhou-app-metrics" })]), []);
        assert.deepStrictEqual(checkConformance([resource("alicloud:ram/role:Role", { roleName: "lc_app metrics" })]).map((v) => v.property), ["roleName"]);
        assert.deepStrictEqual(checkConformance([resource("alicloud:ram/role:Role", { roleName: "r".repeat(65) })]).map((v) => v.property), ["roleName"]);
        assert.deepStrictEqual(checkConformance([resource("alicloud:ram/policy:Policy", { policyName: "lc.app.publish" })]).map((v) => v.property), ["policyName"]);
        assert.deepStrictEqual(checkConformance([resource("alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", { roleName: "r", policyName: "p", policyType: "custom" })]).map((v) => [v.property, v.value]), [["policyType", "custom"]]);
    });

    it("launch template metadata tags are enabled or disabled", () => {
        const lt = (tags: string) => resource("aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required", instanceMetadataTags: tags } });
        assert.deepStrictEqual(checkConformance([lt("enabled")]), []);
        assert.deepStrictEqual(checkConformance([lt("on")]).map((v) => [v.property, v.value]), [["metadataOptions.instanceMetadataTags", "on"]]);
    });

    it("CloudWatch metric queries take the provider's periods and statistics (1, 5, 10, 20, 30 or n x 60; percentiles)", () => {
        const alarm = (metric: Record<string, unknown>) =>
            resource("aws:cloudwatch/metricAlarm:MetricAlarm", { metricQueries: [{ id: "m1", metric: { namespace: "Custom/App", metricName: "Queue", ...metric } }] });
        for (const ok of [{ period: 1, stat: "Average" }, { period: 420, stat: "p99" }, { period: 60, stat: "TM(10%:90%)" }]) assert.deepStrictEqual(checkConformance([alarm(ok)]), [], JSON.stringify(ok));
        const bad = checkConformance([alarm({ period: 45, stat: "Median" })]);
        assert.deepStrictEqual(
            bad.map((v) => [v.property, v.value]),
            [
                ["metricQueries[0].metric.stat", "Median"],
                ["metricQueries[0].metric.period", 45],
            ],
        );
    });

    it("AWS limits read from the provider source: EIP domain vpc only, launch template names to 125, global cluster ids to 63", () => {
        const [eip] = checkConformance([resource("aws:ec2/eip:Eip", { domain: "standard" })]);
        assert.deepStrictEqual([eip.property, eip.value], ["domain", "standard"]);
        assert.match(eip.source, /EC2-Classic/);
        assert.deepStrictEqual(checkConformance([resource("aws:ec2/launchTemplate:LaunchTemplate", { name: "a".repeat(125) })]), []);
        const [lt] = checkConformance([resource("aws:ec2/launchTemplate:LaunchTemplate", { name: "a".repeat(126) })]);
        assert.deepStrictEqual([lt.property, lt.source.includes("ValidLaunchTemplateName")], ["name", true]);
        const [global] = checkConformance([resource("aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: `g${"x".repeat(63)}`, engine: "aurora-mysql" })]);
        assert.strictEqual(global.property, "globalClusterIdentifier");
        const [acm] = checkConformance([resource("aws:acm/certificate:Certificate", { validationMethod: "NONE" })]);
        assert.deepStrictEqual([acm.property, acm.value], ["validationMethod", "NONE"]);
    });

    it("an unset AWS load balancer name is checked as Pulumi's auto-name, the 7-character suffix counted", () => {
        assert.strictEqual(autoNameOf("lc-us-east-1-loadbalancer-alb").length, "lc-us-east-1-loadbalancer-alb".length + 1 + AUTO_NAME_SUFFIX_LENGTH);
        const [v] = checkConformance([resource("aws:lb/loadBalancer:LoadBalancer", { loadBalancerType: "application" }, "lc-us-east-1-loadbalancer-alb")]);
        assert.strictEqual(v.property, "name");
        assert.strictEqual(v.value, "lc-us-east-1-loadbalancer-alb-xxxxxxx");
        assert.match(v.rule, /1 to 32 characters.*auto-names it/);
        assert.deepStrictEqual(checkConformance([resource("aws:lb/loadBalancer:LoadBalancer", { namePrefix: "alb-" }, "lc-us-east-1-loadbalancer-alb")]), []);
        assert.deepStrictEqual(checkConformance([resource("aws:lb/loadBalancer:LoadBalancer", {}, "lc-use1-alb")]), []);
    });

    it("GTM: an empty instance name, and a GEO access strategy without source lines, are rejected", () => {
        const gtm = plans.flatMap((p) => p.resources).find((r) => r.type === "alicloud:dns/gtmInstance:GtmInstance") ?? assert.fail("no shipped GTM instance");
        assert.deepStrictEqual(checkConformance([resource(gtm.type, gtm.inputs)]), []);
        assert.deepStrictEqual(checkConformance([resource(gtm.type, { ...gtm.inputs, instanceName: "" })]).map((v) => v.property), ["instanceName"]);
        const strategy = plans.flatMap((p) => p.resources).find((r) => r.type === "alicloud:dns/accessStrategy:AccessStrategy") ?? assert.fail("no shipped access strategy");
        assert.deepStrictEqual(checkConformance([resource(strategy.type, strategy.inputs)]), []);
        const geo = checkConformance([resource(strategy.type, { ...strategy.inputs, strategyMode: "GEO" })]).map((v) => v.property).sort();
        assert.deepStrictEqual(geo, ["defaultLbaStrategy", "lines"]);
        assert.deepStrictEqual(checkConformance([resource(strategy.type, { ...strategy.inputs, strategyMode: "GEO", lines: [{ lineCode: "default" }], defaultLbaStrategy: "RATIO" })]), []);
    });

    it("values a preview does not know yet, and secrets, are not judged", () => {
        const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        assert.deepStrictEqual(checkConformance([resource("alicloud:alikafka/topic:Topic", { topic: "orders", remark: unknown })]), []);
    });

    it("the eight shipped stacks carry no value a provider would reject", () => {
        assert.strictEqual(plans.length, 8);
        for (const p of plans) assert.deepStrictEqual(p.conformance.violations, [], `${p.stack}: ${JSON.stringify(p.conformance.violations, null, 2)}`);
    });

    it("the shipped stacks say which keys must be set before the first pulumi up", () => {
        for (const p of plans) {
            const keys = p.notDeployableUntilSet.map((m) => m.key);
            assert.ok(keys.includes("live-commerce:domain"), `${p.stack}: ${keys.join(", ")}`);
            assert.ok(keys.includes("live-commerce:monitoring"), `${p.stack}: ${keys.join(", ")}`);
            assert.strictEqual(keys.includes("live-commerce:tls"), p.cloud === "alicloud", `${p.stack}: ${keys.join(", ")}`);
            // The service images' placeholder registry: growth and mature run compute kubernetes, the
            // -serverless stacks compute serverless (both run the service images); startup runs compute vm (app.imageId).
            assert.strictEqual(keys.includes("live-commerce:kubernetes"), p.stage !== "startup", `${p.stack}: ${keys.join(", ")}`);
            assert.strictEqual(keys.includes("live-commerce:app"), p.stage === "startup", `${p.stack}: ${keys.join(", ")}`);
        }
    });

    it("changing one constrained value to a rejected one fails the plan: exit 1, the text names resource, property, value, rule and source", async () => {
        const growth = plans.find((p) => p.stack === "growth-aws");
        assert.ok(growth !== undefined);
        // before the change only the flows still open fail it (pinned per stack in tests/tools/check.test.ts)
        const withoutFlows = (p: typeof growth) => ({ ...p, policy: { violations: p.policy.violations.filter((v) => v.policy !== FLOW_POLICY) } });
        assert.strictEqual(exitCodeOf([withoutFlows(growth)]), 0);
        const alarm = growth.resources.find((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
        assert.ok(alarm !== undefined);
        const broken = await checkPlan({ ...growth, resources: growth.resources.map((r) => (r === alarm ? { ...r, inputs: { ...r.inputs, comparisonOperator: ">" } } : r)) });
        assert.strictEqual(exitCodeOf([withoutFlows(broken)]), 1);
        assert.deepStrictEqual(
            broken.conformance.violations.map((v) => [v.urn, v.property, v.value]),
            [[alarm.urn, "comparisonOperator", ">"]],
        );
        const text = renderPlans([broken], "text");
        assert.match(text, /provider conformance: 1 value\(s\) a provider would reject/);
        assert.ok(text.includes(`[rejected] aws:cloudwatch/metricAlarm:MetricAlarm comparisonOperator = ">"\n      ${alarm.urn}\n      rule: one of "GreaterThanOrEqualToThreshold"`));
        assert.match(text, /source: terraform-provider-aws internal\/service\/cloudwatch\/metric_alarm\.go/);
        const json: unknown = JSON.parse(renderPlans([broken], "json"));
        assert.ok(typeof json === "object" && json !== null && "conformance" in json);
    });

    it("changing one constrained value to a rejected one fails check --from, naming resource, property, rule and source, and free text only by its length", async () => {
        const growth = plans.find((p) => p.stack === "growth-alicloud");
        assert.ok(growth !== undefined);
        const topic = growth.resources.find((r) => r.type === "alicloud:alikafka/topic:Topic");
        assert.ok(topic !== undefined);
        const broken = { ...growth, resources: growth.resources.map((r) => (r === topic ? { ...r, inputs: { ...r.inputs, remark: "live-commerce orders" } } : r)) };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conformance-"));
        const file = path.join(dir, "plan.json");
        fs.writeFileSync(file, JSON.stringify(broken));
        const [code, out] = await check(parseCheckArgs(["--from", file, "--output", "json"]));
        assert.strictEqual(code, 1);
        const report: unknown = JSON.parse(out);
        const violations = typeof report === "object" && report !== null && "conformance" in report ? report.conformance : undefined;
        assert.deepStrictEqual(violations, {
            violations: [
                {
                    urn: topic.urn,
                    type: "alicloud:alikafka/topic:Topic",
                    property: "remark",
                    // a remark is free text: reports give its length, never its text (tools/lib/report.ts, reportedConformance)
                    got: "a string of 20 characters; value not shown",
                    rule: "3 to 64 characters; letters, digits, underscores (_) and hyphens (-) only",
                    source: CONFORMANCE_RULES.find((r) => r.type === "alicloud:alikafka/topic:Topic" && r.property === "remark")?.source,
                },
            ],
        });
        const [tableCode, table] = await check(parseCheckArgs(["--from", file, "--output", "table"]));
        assert.strictEqual(tableCode, 1);
        assert.match(table, /\[rejected\] alicloud:alikafka\/topic:Topic remark = a string of 20 characters; value not shown/);
        const [sarifCode, sarif] = await check(parseCheckArgs(["--from", file, "--output", "sarif"]));
        assert.strictEqual(sarifCode, 1);
        assert.match(sarif, /"ruleId": "provider-conformance"/);
        assert.ok(sarif.includes("alicloud:alikafka/topic:Topic remark = a string of 20 characters; value not shown"));
        assert.ok(!sarif.includes("live-commerce orders"));
    });
});
