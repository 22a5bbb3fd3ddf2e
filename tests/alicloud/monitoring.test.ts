import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { Plan } from "../../tools/lib/record";
import { MYSQL_STACK, POLARDB_STACK, input, named, ofType, usePlans } from "./plans";

const ALARM = "alicloud:cms/alarm:Alarm";
const GROUP = "alicloud:cms/alarmContactGroup:AlarmContactGroup";
const CONTACT = "alicloud:cms/alarmContact:AlarmContact";
const alarm = (plan: Plan, key: string) => named(plan, ALARM, `lc-cn-hangzhou-monitoring-alarm-${key}`);

describe("alicloud Monitoring", function () {
    const stacks = usePlans();

    it("one contact group per level and 8 metrics x 3 levels = 24 alarms per region (6 metrics without the VM app group)", () => {
        const plan = stacks()[MYSQL_STACK];
        assert.deepStrictEqual(
            ofType(plan, GROUP).map((g) => input(g, "alarmContactGroupName")),
            ["lc-cn-hangzhou-monitoring-critical", "lc-cn-hangzhou-monitoring-fatal", "lc-cn-hangzhou-monitoring-warning"],
        );
        assert.strictEqual(ofType(plan, ALARM).length, 24);
        assert.strictEqual(ofType(stacks()["growth-alicloud"], ALARM).length, 18);
        assert.strictEqual(ofType(stacks()["mature-alicloud"], ALARM).length, 54);
    });

    it("each level escalates at its own CloudMonitor severity and notifies only its own group", () => {
        const plan = stacks()[MYSQL_STACK];
        const cases: [string, string, string, Record<string, unknown>][] = [
            ["appCpuPercent-warning", "escalationsInfo", "warning", { comparisonOperator: ">", statistics: "Average", threshold: "70", times: 5 }],
            ["appCpuPercent-critical", "escalationsWarn", "critical", { comparisonOperator: ">", statistics: "Average", threshold: "85", times: 3 }],
            ["appCpuPercent-fatal", "escalationsCritical", "fatal", { comparisonOperator: ">", statistics: "Average", threshold: "95", times: 1 }],
            ["lbUnhealthyHosts-fatal", "escalationsCritical", "fatal", { comparisonOperator: ">=", statistics: "Value", threshold: "4", times: 1 }],
        ];
        for (const [key, escalation, level, want] of cases) {
            const a = alarm(plan, key);
            assert.deepStrictEqual(input(a, escalation), want, key);
            const others = ["escalationsInfo", "escalationsWarn", "escalationsCritical"].filter((e) => e !== escalation);
            assert.deepStrictEqual(others.map((e) => input(a, e)), [undefined, undefined], key);
            assert.deepStrictEqual(input(a, "contactGroups"), [`lc-cn-hangzhou-monitoring-${level}`], key);
        }
    });

    it("watches CPU, connections, 5xx, database and Redis health on the right resources (MySQL stack)", () => {
        const plan = stacks()[MYSQL_STACK];
        const dims = (key: string) => input(alarm(plan, key), "metricDimensions");
        const what = (key: string) => [input(alarm(plan, key), "project"), input(alarm(plan, key), "metric")];
        assert.deepStrictEqual(
            ["appCpuPercent", "appConnectionsPerInstance", "lb5xxPerSecond", "lbUnhealthyHosts", "dbCpuPercent", "dbConnectionUsagePercent", "cacheCpuPercent", "cacheMemoryPercent"].map((m) =>
                what(`${m}-critical`),
            ),
            [
                ["acs_ecs_dashboard", "CPUUtilization"],
                ["acs_ecs_dashboard", "net_tcpconnection"],
                ["acs_alb", "LoadBalancerHTTPCodeUpstream5XX"],
                ["acs_alb", "LoadBalancerUnHealthyHostCount"],
                ["acs_rds_dashboard", "CpuUsage"],
                ["acs_rds_dashboard", "ConnectionUsage"],
                ["acs_kvstore", "ShardingCpuUsage"],
                ["acs_kvstore", "ShardingMemoryUsage"],
            ],
        );
        assert.strictEqual(dims("lb5xxPerSecond-fatal"), JSON.stringify([{ loadBalancerId: mockId("alicloud:alb/loadBalancer:LoadBalancer", "lc-cn-hangzhou-lb-alb") }]));
        assert.strictEqual(dims("dbCpuPercent-fatal"), JSON.stringify([{ instanceId: mockId("alicloud:rds/instance:Instance", "lc-cn-hangzhou-db-mysql") }]));
        assert.strictEqual(dims("cacheMemoryPercent-fatal"), JSON.stringify([{ instanceId: mockId("alicloud:redis/tairInstance:TairInstance", "lc-cn-hangzhou-cache-redis") }]));
        assert.strictEqual(dims("appCpuPercent-fatal"), JSON.stringify([{ resource: "_ALL" }]));
    });

    it("5xx: Alibaba Cloud alarms on the backend 5xx count per second under its own name, never as a percentage", () => {
        const plan = stacks()[MYSQL_STACK];
        assert.deepStrictEqual(
            ofType(plan, ALARM)
                .map((a) => String(input(a, "name")))
                .filter((n) => n.includes("5xx"))
                .sort(),
            ["lc-cn-hangzhou-monitoring-lb5xxPerSecond-critical", "lc-cn-hangzhou-monitoring-lb5xxPerSecond-fatal", "lc-cn-hangzhou-monitoring-lb5xxPerSecond-warning"],
        );
        const critical = alarm(plan, "lb5xxPerSecond-critical");
        assert.deepStrictEqual([input(critical, "project"), input(critical, "metric")], ["acs_alb", "LoadBalancerHTTPCodeUpstream5XX"]);
        assert.deepStrictEqual(input(critical, "escalationsWarn"), { comparisonOperator: ">", statistics: "Value", threshold: "5", times: 3 });
    });

    it("PolarDB stacks (the growth default) watch the cluster's own metrics", () => {
        for (const plan of [stacks()[POLARDB_STACK], stacks()["growth-alicloud"]]) {
            const a = alarm(plan, "dbCpuPercent-critical");
            assert.deepStrictEqual(
                [input(a, "project"), input(a, "metric"), input(a, "metricDimensions")],
                ["acs_polardb", "cluster_cpu_utilization", JSON.stringify([{ clusterId: mockId("alicloud:polardb/cluster:Cluster", "lc-cn-hangzhou-db-polardb") }])],
                plan.stack,
            );
        }
    });

    it("contacts: one per distinct e-mail, each group holding its level's contacts", () => {
        const plan = stacks()[POLARDB_STACK];
        assert.deepStrictEqual(
            ofType(plan, CONTACT).map((c) => [c.name, input(c, "channelsMail")]),
            [
                ["lc-cn-hangzhou-monitoring-contact-0", "ops@example.com"],
                ["lc-cn-hangzhou-monitoring-contact-1", "lead@example.com"],
                ["lc-cn-hangzhou-monitoring-contact-2", "cto@example.com"],
            ],
        );
        const members = (level: string) => input(named(plan, GROUP, `lc-cn-hangzhou-monitoring-contacts-${level}`), "contacts");
        assert.deepStrictEqual(
            ["warning", "critical", "fatal"].map(members),
            [["lc-cn-hangzhou-monitoring-0"], ["lc-cn-hangzhou-monitoring-0", "lc-cn-hangzhou-monitoring-1"], ["lc-cn-hangzhou-monitoring-2"]],
        );
        assert.strictEqual(ofType(stacks()["growth-alicloud"], CONTACT).length, 0);
    });
});
