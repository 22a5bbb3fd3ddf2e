import * as assert from "assert";

import {
    ConfigError,
    scalingActions,
} from "../../components/model";
import { ALICLOUD_PROFILE } from "../../components/alicloud/profile";
import { awsName } from "../../components/aws/profile";
import { cacheNodeTypeFor, checkAwsServices, databaseLayout, dbClassFor, queueLayout, rdsMysqlMaxConnections } from "../../components/aws/catalogue";
import { resolveSpec } from "../../components/profiles";
import { ScalingScope, scalingExpression, scalingQueries } from "../../components/aws/metrics";
import { specOf } from "./plans";

const NOW = { now: new Date("2026-01-01T00:00:00Z") };

function issuesOf(raw: Record<string, unknown>): readonly string[] {
    try {
        resolveSpec(raw, NOW);
        return [];
    } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
    }
}

describe("aws model decisions", () => {
    it("picks the smallest covering RDS class per engine", () => {
        const table: [("mysql" | "aurora"), number, number, string][] = [
            ["mysql", 2, 4, "db.t4g.medium"],
            ["mysql", 4, 16, "db.m6i.xlarge"],
            ["mysql", 8, 32, "db.m6i.2xlarge"],
            ["aurora", 2, 4, "db.t4g.medium"],
            ["aurora", 4, 16, "db.r6i.xlarge"],
            ["aurora", 8, 32, "db.r6i.2xlarge"],
        ];
        for (const [engine, vcpu, memoryGiB, name] of table) assert.strictEqual(dbClassFor(engine, { vcpu, memoryGiB }).name, name, `${engine} ${vcpu}/${memoryGiB}`);
        assert.strictEqual(rdsMysqlMaxConnections(4), 341);
    });

    it("rejects a database size without a class and a cache larger than any node, naming field, value and what is allowed", () => {
        const raw = { stage: "growth", cloud: "aws", regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }] };
        const db = issuesOf({ ...raw, database: { engine: "mysql", size: { vcpu: 128, memoryGiB: 1024 } } });
        assert.strictEqual(db.length, 1);
        assert.match(db[0], /^database\.size: no mysql instance class on aws for 128 vCPU \/ 1024 GiB; allowed: up to .*64\/512.*\(got \{"vcpu":128,"memoryGiB":1024\}\)$/);
        const cache = issuesOf({ ...raw, cache: { memoryGiB: 500 } });
        assert.deepStrictEqual(cache, ["cache.memoryGiB: no ElastiCache node type with 500 GiB; allowed: up to 419.09 GiB (cache.r7g.16xlarge) (got 500)"]);
        assert.deepStrictEqual(cacheNodeTypeFor(2), "cache.t4g.medium");
    });

    it("rejects a load balancer, an MSK queue and a Multi-AZ database in a single-zone region; ignores other clouds", () => {
        const raw = { stage: "startup", cloud: "aws", regions: [{ name: "us-east-1", zones: ["us-east-1a"] }] };
        assert.deepStrictEqual(issuesOf({ ...raw, queue: { enabled: true }, database: { highAvailability: true } }), [
            "regions[0].zones: the load balancer needs >= 2 zones of us-east-1 (got 1); allowed: list a second zone (a startup stack still keeps its database and cache in the first zone)",
            "queue.enabled: Amazon MSK needs >= 2 zones per region (got 1); allowed: false, or list >= 2 zones",
            "database.highAvailability: a Multi-AZ database needs >= 2 zones per region (got 1); allowed: false, or list >= 2 zones",
        ]);
        // The MSK and Multi-AZ rules belong to the AWS profile: the Alibaba Cloud profile does not apply them.
        const base = specOf("startup-aws");
        const oneZone = { ...base, queue: { ...base.queue, enabled: true }, regions: base.regions.map((r) => ({ ...r, zones: r.zones.slice(0, 1) })) };
        assert.ok(checkAwsServices(oneZone).some((i) => i.startsWith("queue.enabled: Amazon MSK")));
        assert.deepStrictEqual(ALICLOUD_PROFILE.check(oneZone, new Date()).filter((i) => i.startsWith("queue.enabled")), []);
    });

    it("places Aurora readers away from the writer and MySQL replicas per replicaZones", () => {
        const spec = specOf("events-aws");
        const layout = databaseLayout(spec, spec.regions[0]);
        assert.strictEqual(layout.kind, "aurora-mysql");
        if (layout.kind === "aurora-mysql") {
            assert.deepStrictEqual(layout.instances, [
                { role: "writer", zone: "us-east-1a" },
                { role: "reader", zone: "us-east-1b" },
            ]);
        }
        const growth = specOf("growth-mysql-aws");
        const mysql = databaseLayout(growth, growth.regions[0]);
        assert.ok(mysql.kind === "rds-mysql" && mysql.multiAz && mysql.primaryZone === null);
    });

    it("MSK brokers stay in the first two zones at every stage, one replica per zone", () => {
        const mature = specOf("mature-aws");
        const growth = specOf("growth-aws");
        const q = queueLayout(mature, mature.regions[0]);
        assert.deepStrictEqual([q.zones, q.brokers, q.replicationFactor, q.minInSyncReplicas], [["us-east-1a", "us-east-1b"], 2, 2, 1]);
        const g = queueLayout(growth, growth.regions[0]);
        assert.deepStrictEqual([g.zones, g.replicationFactor], [q.zones, q.replicationFactor], "growth -> mature changes neither broker subnets nor replication factor");
        assert.deepStrictEqual([g.partitions, q.partitions], [12, 24]);
    });

    it("builds the scaling condition from scalingActions(), so an override changes the alarm", () => {
        const spec = specOf("growth-aws");
        const tuned = { ...spec, scaling: { ...spec.scaling, scaleOut: { connectionsPerInstance: 4000, cpuPercent: 65 } } };
        assert.strictEqual(scalingExpression(scalingActions(tuned).out), "IF(FILL(connections, 4000) > 4000 OR FILL(cpu, 65) > 65, 1, 0)");
    });

    it("missing connections: the app group's scale-in waits for the count; an ECS service's falls back to CPU alone", () => {
        const inward = scalingActions(specOf("growth-aws")).in;
        const condition = (scope: ScalingScope) => scalingQueries(inward, scope).find((q) => q.id === "condition")?.expression;
        assert.strictEqual(condition({ kind: "autoScalingGroup", name: "g" }), "IF(FILL(connections, 1000) < 1000 AND FILL(cpu, 30) < 30, 1, 0)");
        assert.strictEqual(condition({ kind: "ecsService", cluster: "c", service: "s" }), "IF(FILL(connections, 0) < 1000 AND FILL(cpu, 30) < 30, 1, 0)");
        // Scale-out never fires on a missing count, on either scope.
        assert.strictEqual(scalingExpression(scalingActions(specOf("growth-aws")).out, "cpuOnly"), "IF(FILL(connections, 0) > 5000 OR FILL(cpu, 70) > 70, 1, 0)");
    });

    it("cuts long names to the AWS limit, stable and distinct", () => {
        assert.strictEqual(awsName("lc-us-east-1", "cache", 40), "lc-us-east-1-cache");
        const a = awsName("lc-ap-southeast-1-with-a-long-prefix-name", "cache", 40);
        const b = awsName("lc-ap-southeast-1-with-a-long-prefix-name2", "cache", 40);
        assert.ok(a.length <= 40 && b.length <= 40 && a !== b && a.endsWith("-cache"), `${a} ${b}`);
        assert.strictEqual(a, awsName("lc-ap-southeast-1-with-a-long-prefix-name", "cache", 40));
    });
});
