import * as assert from "assert";

import {
    ALARM_LEVELS,
    STAGE_PRESETS,
    StackSpec,
    alarmRules,
    scalingActions,
} from "../../components/model";
import { cacheLayout, cacheNodeIds } from "../../components/aws/catalogue";
import { comparisonOperator } from "../../components/aws/metrics";
import { PROFILES } from "../../components/profiles";
import { MOCK_ACCOUNT, mockId } from "../../tools/lib/mocks";
import { at, childrenOf, countByType, dig, ofType, one, plan, specOf } from "./plans";

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

function growthSpec(): StackSpec {
    return specOf("growth-aws");
}

function expressionOf(alarm: ReturnType<typeof one>): string {
    const queries = at(alarm, "metricQueries");
    const returned = Array.isArray(queries) ? queries.find((q) => dig(q, "returnData") === true) : undefined;
    return String(dig(returned, "expression"));
}

describe("aws Monitoring", () => {
    it("declares a topic per level, an e-mail subscription per contact and an alarm per rule", async () => {
        const p = await plan("events-aws");
        const rules = alarmRules(specOf("events-aws"), PROFILES.aws);
        assert.deepStrictEqual(countByType(childrenOf(p, "lc-us-east-1-monitoring")), {
            "aws:kms/key:Key": 1,
            "aws:sns/topic:Topic": 3,
            "aws:sns/topicSubscription:TopicSubscription": 2,
            [ALARM]: rules.length,
        });
        const subs = ofType(p, "aws:sns/topicSubscription:TopicSubscription");
        assert.deepStrictEqual(subs.map((s) => [s.name, at(s, "protocol"), at(s, "endpoint")]), [
            ["lc-us-east-1-monitoring-fatal-0", "email", "oncall@example.com"],
            ["lc-us-east-1-monitoring-fatal-1", "email", "sre@example.com"],
        ]);
    });

    it("compute kubernetes: no alarm on the app group's metrics (the tier has no app group)", async () => {
        const names = ofType(await plan("growth-aws"), ALARM).map((a) => a.name);
        assert.deepStrictEqual(names.filter((n) => /-app(Cpu|Connections)/.test(n)), []);
        assert.ok(names.some((n) => n.endsWith("-dbCpuPercent-fatal")));
    });

    it("5xx: AWS alarms on the targets' 5xx share (metric math), Alibaba Cloud on the count per second; the same thresholds", async () => {
        const aws = growthSpec();
        const fives = (spec: StackSpec) => alarmRules(spec, PROFILES[spec.cloud]).filter((r) => r.metric.startsWith("lb5xx")).map((r) => [r.key, r.threshold]);
        assert.deepStrictEqual(fives(aws), [["lb5xxPercent-warning", 1], ["lb5xxPercent-critical", 5], ["lb5xxPercent-fatal", 20]]);
        assert.deepStrictEqual(fives({ ...aws, cloud: "alicloud" }), [["lb5xxPerSecond-warning", 1], ["lb5xxPerSecond-critical", 5], ["lb5xxPerSecond-fatal", 20]]);
        const p = await plan("growth-aws");
        assert.strictEqual(expressionOf(one(p, ALARM, "-monitoring-lb5xxPercent-critical")), "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)");
        assert.strictEqual(ofType(p, ALARM).filter((a) => a.name.includes("lb5xxPerSecond")).length, 0);
    });

    it("alarm thresholds, periods and comparisons are exactly alarmRules(), each sent to its level's topic", async () => {
        const p = await plan("growth-aws");
        const spec = growthSpec();
        const topicArn = new Map(
            ALARM_LEVELS.map((l) => {
                const t = one(p, "aws:sns/topic:Topic", `-monitoring-${l}`);
                return [l, `arn:aws:sns:us-east-1:${MOCK_ACCOUNT}:${mockId(t.type, t.name)}`];
            }),
        );
        for (const rule of alarmRules(spec, PROFILES[spec.cloud])) {
            const alarm = one(p, ALARM, `-monitoring-${rule.key}`);
            assert.strictEqual(at(alarm, "threshold"), rule.threshold, rule.key);
            assert.strictEqual(at(alarm, "evaluationPeriods"), rule.evaluationPeriods, rule.key);
            assert.strictEqual(at(alarm, "comparisonOperator"), comparisonOperator(rule), rule.key);
            assert.strictEqual(dig(at(alarm, "metricQueries"), 0, "metric", "period"), rule.periodSeconds, rule.key);
            assert.strictEqual(dig(at(alarm, "tags"), "level"), rule.level);
            assert.deepStrictEqual(at(alarm, "alarmActions"), [topicArn.get(rule.level)], rule.key);
        }
        const topicArns = new Set(ofType(p, ALARM).filter((a) => a.name.includes("-monitoring-")).map((a) => String(dig(at(a, "alarmActions"), 0))));
        assert.strictEqual(topicArns.size, 3);
    });

    it("the AWS scaling alarms carry exactly the thresholds of scalingActions(), OR for out and AND for in", async () => {
        const p = await plan("growth-vm-aws");
        const { out, in: scaleIn } = scalingActions(growthSpec());
        const outAlarm = one(p, ALARM, "-scale-out-alarm");
        const inAlarm = one(p, ALARM, "-scale-in-alarm");
        assert.strictEqual(expressionOf(outAlarm), `MAX([FILL(connections, 0) / ${out.conditions[0].threshold}, FILL(cpu, 0) / ${out.conditions[1].threshold}])`);
        assert.strictEqual(expressionOf(inAlarm), `IF(FILL(connections, ${scaleIn.conditions[0].threshold}) < ${scaleIn.conditions[0].threshold} AND FILL(cpu, ${scaleIn.conditions[1].threshold}) < ${scaleIn.conditions[1].threshold}, 1, 0)`);
        // Above 1 exactly when connections > 5000 OR CPU > 70 (GreaterThanThreshold 1); its size picks the step.
        assert.strictEqual(expressionOf(outAlarm), "MAX([FILL(connections, 0) / 5000, FILL(cpu, 0) / 70])");
        assert.deepStrictEqual([at(outAlarm, "comparisonOperator"), at(outAlarm, "threshold")], ["GreaterThanThreshold", 1]);
        assert.strictEqual(expressionOf(inAlarm), "IF(FILL(connections, 1000) < 1000 AND FILL(cpu, 30) < 30, 1, 0)");
        assert.strictEqual(at(outAlarm, "evaluationPeriods"), out.evaluationPeriods);
        assert.strictEqual(at(inAlarm, "evaluationPeriods"), scaleIn.evaluationPeriods);
        // The connection warning sits at the scale-out threshold on both clouds.
        assert.strictEqual(at(one(p, ALARM, "-appConnectionsPerInstance-warning"), "threshold"), STAGE_PRESETS.growth.spec.scaling.scaleOut.connectionsPerInstance);
    });

    it("cache alarms watch every node of the replication group, primaries first", async () => {
        const p = await plan("growth-aws");
        const spec = growthSpec();
        const nodes = cacheNodeIds("lc-us-east-1-cache", cacheLayout(spec, spec.regions[0]));
        assert.deepStrictEqual(nodes, ["lc-us-east-1-cache-0001-001", "lc-us-east-1-cache-0002-001", "lc-us-east-1-cache-0001-002", "lc-us-east-1-cache-0002-002"]);
        const queries = at(one(p, ALARM, "-cacheCpuPercent-fatal"), "metricQueries");
        const watched = Array.isArray(queries) ? queries.map((q) => dig(q, "metric", "dimensions", "CacheClusterId")).filter((v) => v !== undefined) : [];
        assert.deepStrictEqual(watched, nodes);
    });
});
