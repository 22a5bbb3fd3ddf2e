import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { APP_IMAGE_ID, POLARDB_EVENT, childrenOf, input, named, ofType, usePlans, MYSQL_STACK } from "./plans";

const G = "alicloud:ess/scalingGroup:ScalingGroup";
const C = "alicloud:ess/scalingConfiguration:ScalingConfiguration";
const MONITOR_GROUP = "alicloud:cms/monitorGroup:MonitorGroup";

/**
 * The one resource of `type` of the app tier in cn-hangzhou: a child of its AutoScaling component
 * (the region's live video tier runs a second ESS group of its own).
 */
function app(plan: Plan, type: string): PlannedResource {
    const hits = childrenOf(plan, named(plan, "live-commerce:alicloud:AutoScaling", "lc-cn-hangzhou-app")).filter((r) => r.type === type);
    if (hits.length !== 1) throw new Error(`${plan.stack}: expected one ${type} under lc-cn-hangzhou-app, got ${hits.length}`);
    return hits[0];
}

describe("alicloud AutoScaling", function () {
    const stacks = usePlans();

    it("declares exactly group, configuration, the connections' step rule, the CPU rule and the AND rule with their alarms, the metrics application group and the publisher's RAM role under the component", () => {
        const plan = stacks()["startup-alicloud"];
        const component = named(plan, "live-commerce:alicloud:AutoScaling", "lc-cn-hangzhou-app");
        assert.deepStrictEqual(
            childrenOf(plan, component).map((r) => `${r.type} ${r.name}`).sort(),
            [
                "alicloud:cms/monitorGroup:MonitorGroup lc-cn-hangzhou-app-metrics",
                "alicloud:ess/alarm:Alarm lc-cn-hangzhou-app-alarm-in",
                "alicloud:ess/alarm:Alarm lc-cn-hangzhou-app-alarm-out-connections",
                "alicloud:ess/alarm:Alarm lc-cn-hangzhou-app-alarm-out-cpu",
                "alicloud:ess/scalingConfiguration:ScalingConfiguration lc-cn-hangzhou-app-config",
                "alicloud:ess/scalingGroup:ScalingGroup lc-cn-hangzhou-app-group",
                "alicloud:ess/scalingRule:ScalingRule lc-cn-hangzhou-app-rule-in",
                "alicloud:ess/scalingRule:ScalingRule lc-cn-hangzhou-app-rule-out-connections",
                "alicloud:ess/scalingRule:ScalingRule lc-cn-hangzhou-app-rule-out-cpu",
                "alicloud:ram/policy:Policy lc-cn-hangzhou-app-publish-metrics",
                "alicloud:ram/role:Role lc-cn-hangzhou-app-role",
                "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment lc-cn-hangzhou-app-publish-metrics",
            ],
        );
    });

    it("startup: 2 to 6 instances of ecs.c7.xlarge (4 vCPU / 8 GiB)", () => {
        const plan = stacks()["startup-alicloud"];
        const g = app(plan, G);
        assert.deepStrictEqual([input(g, "minSize"), input(g, "maxSize")], [2, 6]);
        assert.strictEqual(input(app(plan, C), "instanceType"), "ecs.c7.xlarge");
    });

    it("growth: the group spans both zones, balanced, health-checked by ECS and the load balancer", () => {
        const plan = stacks()[MYSQL_STACK];
        const g = app(plan, G);
        // the app vSwitches, not the transcoders' (-vsw-media-)
        const vsw = ofType(plan, "alicloud:vpc/switch:Switch").map((r) => r.name).filter((n) => !n.includes("-vsw-media-"));
        assert.deepStrictEqual(vsw, ["lc-cn-hangzhou-network-vsw-cn-hangzhou-h", "lc-cn-hangzhou-network-vsw-cn-hangzhou-i"]);
        assert.deepStrictEqual(
            input(g, "vswitchIds"),
            vsw.map((n) => mockId("alicloud:vpc/switch:Switch", n)),
        );
        assert.strictEqual(input(g, "multiAzPolicy"), "BALANCE");
        assert.strictEqual(input(g, "azBalance"), true);
        assert.deepStrictEqual(input(g, "healthCheckTypes"), ["ECS", "LOAD_BALANCER"]);
        assert.deepStrictEqual(input(g, "removalPolicies"), ["OldestScalingConfiguration", "OldestInstance"]);
        assert.deepStrictEqual([input(g, "minSize"), input(g, "maxSize"), input(g, "groupDeletionProtection")], [4, 40, true]);
        // Expected-capacity mode (parallel scaling activities), seeded at the floor; economical mode keeps scaled-in instances stopped.
        assert.deepStrictEqual([input(g, "desiredCapacity"), input(g, "scalingPolicy")], [4, "recycle"]);
    });

    it("startup registers instances in the three ALB server groups on the app port", () => {
        const plan = stacks()["startup-alicloud"];
        const groups = input(app(plan, G), "albServerGroups");
        assert.ok(Array.isArray(groups));
        assert.strictEqual(groups.length, 3);
        const sgIds = ofType(plan, "alicloud:alb/serverGroup:ServerGroup").map((r) => r.name);
        assert.deepStrictEqual(sgIds.sort(), ["lc-cn-hangzhou-lb-group-api", "lc-cn-hangzhou-lb-group-order", "lc-cn-hangzhou-lb-group-ws"]);
        assert.deepStrictEqual(
            groups.map((_, i) => [input(app(plan, G), `albServerGroups.${i}.port`), input(app(plan, G), `albServerGroups.${i}.weight`)]),
            [
                [8080, 100],
                [8080, 100],
                [8080, 100],
            ],
        );
    });

    it("with Kubernetes there is no app group: each node pool joins every route's server group on the route's node port", () => {
        const plan = stacks()["growth-alicloud"];
        assert.strictEqual(ofType(plan, "live-commerce:alicloud:AutoScaling").length, 0);
        const attachments = ofType(plan, "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment");
        assert.deepStrictEqual(
            attachments.map((a) => [a.name, input(a, "port")]).sort(),
            [
                ["lc-cn-hangzhou-k8s-api-nodes-cn-hangzhou-h", 30080],
                ["lc-cn-hangzhou-k8s-api-nodes-cn-hangzhou-i", 30080],
                ["lc-cn-hangzhou-k8s-order-nodes-cn-hangzhou-h", 30082],
                ["lc-cn-hangzhou-k8s-order-nodes-cn-hangzhou-i", 30082],
                ["lc-cn-hangzhou-k8s-ws-nodes-cn-hangzhou-h", 30081],
                ["lc-cn-hangzhou-k8s-ws-nodes-cn-hangzhou-i", 30081],
            ],
        );
    });

    it("scale out on connections: ONE alarm task, ConnectionsPerInstance > 5000 for 1 period, runs ONE step rule: +100% from 1x, +300% from 2x, +700% from 4x, +900% from 8x (at least 2), warm-up 130 s", () => {
        const plan = stacks()[MYSQL_STACK];
        const component = named(plan, "live-commerce:alicloud:AutoScaling", "lc-cn-hangzhou-app");
        const alarms = childrenOf(plan, component).filter((r) => r.type === "alicloud:ess/alarm:Alarm");
        assert.deepStrictEqual(alarms.map((a) => a.name).sort(), ["lc-cn-hangzhou-app-alarm-in", "lc-cn-hangzhou-app-alarm-out-connections", "lc-cn-hangzhou-app-alarm-out-cpu"]);
        const alarm = named(plan, "alicloud:ess/alarm:Alarm", "lc-cn-hangzhou-app-alarm-out-connections");
        const pick = (r: typeof alarm, keys: readonly string[]) => keys.map((k) => input(r, k));
        // custom metric of the group's CloudMonitor application group, one metric and one threshold (the step rule's breach)
        assert.deepStrictEqual(pick(alarm, ["metricType", "cloudMonitorGroupId", "metricName", "comparisonOperator", "threshold", "statistics", "period", "evaluationCount", "expressions"]), [
            "custom",
            Number(mockId(MONITOR_GROUP, "lc-cn-hangzhou-app-metrics")),
            "ConnectionsPerInstance",
            ">",
            "5000",
            "Average",
            60,
            1,
            undefined,
        ]);
        assert.strictEqual(input(alarm, "alarmActions.0"), `ari:acs:ess:cn-hangzhou:123456789012:scalingrule/${mockId("alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-app-rule-out-connections")}`);
        const rule = named(plan, "alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-app-rule-out-connections");
        // Steps in connections above the threshold; the last has no upper bound. No cooldown or adjustmentValue (simple rules only).
        assert.deepStrictEqual(pick(rule, ["scalingRuleType", "adjustmentType", "minAdjustmentMagnitude", "estimatedInstanceWarmup", "stepAdjustments", "adjustmentValue", "cooldown"]), [
            "StepScalingRule",
            "PercentChangeInCapacity",
            2,
            130,
            [
                { metricIntervalLowerBound: "0", metricIntervalUpperBound: "5000", scalingAdjustment: 100 },
                { metricIntervalLowerBound: "5000", metricIntervalUpperBound: "15000", scalingAdjustment: 300 },
                { metricIntervalLowerBound: "15000", metricIntervalUpperBound: "35000", scalingAdjustment: 700 },
                { metricIntervalLowerBound: "35000", scalingAdjustment: 900 },
            ],
            undefined,
            undefined,
        ]);
    });

    it("scale out on CPU: its own alarm task, CpuUtilization > 70, one period later than the connections' (2), adds 100% (at least 2): a viewer surge runs the step rule, not this one", () => {
        const plan = stacks()[MYSQL_STACK];
        const alarm = named(plan, "alicloud:ess/alarm:Alarm", "lc-cn-hangzhou-app-alarm-out-cpu");
        assert.deepStrictEqual(["metricType", "metricName", "comparisonOperator", "threshold", "statistics", "period", "evaluationCount"].map((k) => input(alarm, k)), ["custom", "CpuUtilization", ">", "70", "Average", 60, 2]);
        assert.strictEqual(input(alarm, "alarmActions.0"), `ari:acs:ess:cn-hangzhou:123456789012:scalingrule/${mockId("alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-app-rule-out-cpu")}`);
        const rule = named(plan, "alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-app-rule-out-cpu");
        assert.deepStrictEqual(["scalingRuleType", "adjustmentType", "adjustmentValue", "minAdjustmentMagnitude", "cooldown"].map((k) => input(rule, k)), ["SimpleScalingRule", "PercentChangeInCapacity", 100, 2, 60]);
    });

    it("scale in: ONE alarm, connections < 1000 AND CPU < 30, sustained 10 periods, removes 25% (at least 1) per 120 s", () => {
        const plan = stacks()[MYSQL_STACK];
        const component = named(plan, "live-commerce:alicloud:AutoScaling", "lc-cn-hangzhou-app");
        const alarm = named(plan, "alicloud:ess/alarm:Alarm", "lc-cn-hangzhou-app-alarm-in");
        assert.strictEqual(alarm.parent, component.urn);
        assert.strictEqual(input(alarm, "scalingGroupId"), mockId(G, "lc-cn-hangzhou-app-group"));
        assert.strictEqual(input(alarm, "expressionsLogicOperator"), "&&");
        assert.strictEqual(input(alarm, "metricType"), "custom");
        assert.strictEqual(input(alarm, "cloudMonitorGroupId"), Number(mockId(MONITOR_GROUP, "lc-cn-hangzhou-app-metrics")));
        assert.deepStrictEqual(input(alarm, "expressions"), [
            { comparisonOperator: "<", metricName: "ConnectionsPerInstance", period: 60, statistics: "Average", threshold: 1000 },
            { comparisonOperator: "<", metricName: "CpuUtilization", period: 60, statistics: "Average", threshold: 30 },
        ]);
        assert.strictEqual(input(alarm, "alarmActions.0"), `ari:acs:ess:cn-hangzhou:123456789012:scalingrule/${mockId("alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-app-rule-in")}`);
        const rule = named(plan, "alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-app-rule-in");
        assert.deepStrictEqual(
            { evaluationCount: input(alarm, "evaluationCount"), rule: [input(rule, "adjustmentType"), input(rule, "adjustmentValue"), input(rule, "minAdjustmentMagnitude"), input(rule, "cooldown")] },
            { evaluationCount: 10, rule: ["PercentChangeInCapacity", -25, 1, 120] },
        );
    });

    it("app servers publish ConnectionsPerInstance and CpuUtilization with a RAM role for ECS allowed exactly cms:PutCustomMetric", () => {
        const plan = stacks()["startup-alicloud"];
        const role = named(plan, "alicloud:ram/role:Role", "lc-cn-hangzhou-app-role");
        assert.strictEqual(input(role, "roleName"), "lc-cn-hangzhou-app-metrics");
        assert.deepStrictEqual(JSON.parse(String(input(role, "assumeRolePolicyDocument"))), { Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["ecs.aliyuncs.com"] } }] });
        const policy = named(plan, "alicloud:ram/policy:Policy", "lc-cn-hangzhou-app-publish-metrics");
        assert.deepStrictEqual(JSON.parse(String(input(policy, "policyDocument"))), { Version: "1", Statement: [{ Effect: "Allow", Action: ["cms:PutCustomMetric"], Resource: ["*"] }] });
        const attachment = named(plan, "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", "lc-cn-hangzhou-app-publish-metrics");
        assert.deepStrictEqual([input(attachment, "roleName"), input(attachment, "policyName"), input(attachment, "policyType")], ["lc-cn-hangzhou-app-metrics", "lc-cn-hangzhou-app-publish-metrics", "Custom"]);
        const c = app(plan, C);
        assert.strictEqual(input(c, "roleName"), "lc-cn-hangzhou-app-metrics");
        const userData = Buffer.from(String(input(c, "userData")), "base64").toString("utf8");
        const groupId = mockId(MONITOR_GROUP, "lc-cn-hangzhou-app-metrics");
        assert.ok(userData.includes("curl -fs -o /dev/null --max-time 2 http://127.0.0.1:8080/ready || exit 0\ncount=$(ss -Htn state established '( sport = :8080 )' | wc -l)"), userData);
        assert.ok(userData.includes("aliyun cms PutCustomMetric --mode EcsRamRole --ram-role-name lc-cn-hangzhou-app-metrics --region cn-hangzhou"), userData);
        assert.ok(userData.includes(`--MetricList.1.GroupId ${groupId} --MetricList.1.MetricName ConnectionsPerInstance`), userData);
        assert.ok(userData.includes(`--MetricList.2.GroupId ${groupId} --MetricList.2.MetricName CpuUtilization`), userData);
        assert.ok(userData.includes(`\\"scaling_group\\":\\"${mockId(G, "lc-cn-hangzhou-app-group")}\\"`), userData);
        assert.ok(userData.includes("OnUnitActiveSec=60"), userData);
    });

    it("uses the stock image when no imageId is set, on the app security group, encrypted disk", () => {
        const c = app(stacks()["startup-alicloud"], C);
        assert.strictEqual(input(c, "imageName"), "aliyun_3_x64_20G_alibase_20240819.vhd");
        assert.strictEqual(input(c, "imageId"), undefined);
        assert.strictEqual(input(c, "systemDiskEncrypted"), true);
        assert.deepStrictEqual(input(c, "securityGroupIds"), [mockId("alicloud:ecs/securityGroup:SecurityGroup", "lc-cn-hangzhou-network-sg-app")]);
    });

    it("app.imageId replaces the stock image", () => {
        const c = app(stacks()[MYSQL_STACK], C);
        assert.deepStrictEqual([input(c, "imageId"), input(c, "imageName")], [APP_IMAGE_ID, undefined]);
    });

    it("stacks without events have no scheduled tasks", () => {
        for (const stack of ["startup-alicloud", "growth-alicloud", "mature-alicloud"] as const) {
            assert.strictEqual(ofType(stacks()[stack], "alicloud:ess/scheduledTask:ScheduledTask").length, 0, stack);
        }
    });

    it("a live event raises the floor 30 minutes before start and lowers it 30 minutes after end, in UTC minutes, never setting the group's size", () => {
        const plan = stacks()[MYSQL_STACK];
        const tasks = ofType(plan, "alicloud:ess/scheduledTask:ScheduledTask");
        const minute = (ms: number) => new Date(ms).toISOString().slice(0, 16) + "Z";
        const start = Date.parse(POLARDB_EVENT.start);
        const end = Date.parse(POLARDB_EVENT.end);
        // 40,000 viewers / (5,000 x 0.8) = 10 instances, a multiple of 2 zones; the ceiling stays 40.
        assert.deepStrictEqual(
            tasks.map((t) => [t.name, input(t, "launchTime"), input(t, "minValue"), input(t, "maxValue"), input(t, "desiredCapacity"), input(t, "taskEnabled")]),
            [
                ["lc-cn-hangzhou-app-schedule-double11-prescale", minute(start - 30 * 60_000), 10, 40, undefined, true],
                ["lc-cn-hangzhou-app-schedule-double11-release", minute(end + 30 * 60_000), 4, 40, undefined, true],
            ],
        );
        for (const t of tasks) assert.match(String(input(t, "launchTime")), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
    });
});
