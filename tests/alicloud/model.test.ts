import * as assert from "assert";

import {
    ConfigError,
    scheduleReport,
    tierSchedule,
} from "../../components/model";
import { checkAlicloudClasses, polardbClassFor, polardbNodeCount, rdsClassFor, redisClassFor } from "../../components/alicloud/catalogue";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { essLaunchTime } from "../../components/alicloud/scaling-rule";

const NOW = new Date("2026-11-22T00:00:00Z");

function raw(extra: Record<string, unknown> = {}, stage = "growth"): Record<string, unknown> {
    return { stage, cloud: "alicloud", regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }], ...extra };
}

function issuesOf(config: Record<string, unknown>): readonly string[] {
    try {
        resolveSpec(config, { now: NOW });
    } catch (e) {
        if (e instanceof ConfigError) return e.issues;
        throw e;
    }
    return [];
}

describe("model: Alibaba Cloud data service classes", () => {
    const rds: [number, number, "basic" | "highAvailability" | "readOnly", string][] = [
        [2, 4, "basic", "mysql.n2.medium.1"],
        [4, 16, "highAvailability", "mysql.n4.large.2c"],
        [4, 16, "readOnly", "mysqlro.n4.large.1c"],
        [8, 64, "highAvailability", "mysql.n8.xlarge.2c"],
    ];
    for (const [vcpu, memoryGiB, role, cls] of rds) {
        it(`RDS ${vcpu}c${memoryGiB}g ${role} -> ${cls}`, () => assert.strictEqual(rdsClassFor({ vcpu, memoryGiB }, role), cls));
    }
    it("RDS rejects a size without a class, naming what exists", () => {
        assert.throws(() => rdsClassFor({ vcpu: 3, memoryGiB: 6 }, "basic"), /no RDS MySQL class for 3 vCPU \/ 6 GiB; allowed: vCPU in 1, 2, 4, 8, 16, 32 with 2, 4, 8 GiB per vCPU/);
    });
    const polar: [number, number, string][] = [
        [8, 32, "polar.mysql.x4.xlarge"],
        [4, 32, "polar.mysql.x8.large"],
        [2, 8, "polar.mysql.x4.medium"],
    ];
    for (const [vcpu, memoryGiB, cls] of polar) {
        it(`PolarDB ${vcpu}c${memoryGiB}g -> ${cls}`, () => assert.strictEqual(polardbClassFor({ vcpu, memoryGiB }), cls));
    }
    it("PolarDB has no 2 GiB-per-vCPU class", () => assert.throws(() => polardbClassFor({ vcpu: 4, memoryGiB: 8 }), /no PolarDB class for 4 vCPU \/ 8 GiB/));
    const redis: ["standalone" | "cluster", number, string][] = [
        ["standalone", 2, "tair.rdb.2g"],
        ["cluster", 4, "tair.rdb.with.proxy.4g"],
        ["cluster", 8, "tair.rdb.with.proxy.8g"],
    ];
    for (const [mode, gib, cls] of redis) {
        it(`Redis ${mode} ${gib} GiB -> ${cls}`, () => assert.strictEqual(redisClassFor(mode, gib), cls));
    }
    it("Redis rejects memory without a class", () => assert.throws(() => redisClassFor("cluster", 3), /no Redis cluster class with 3 GiB per shard; allowed: 1, 2, 4, 8, 16, 32 GiB/));
    const nodes: [number, number][] = [
        [0, 2],
        [1, 2],
        [2, 3],
        [5, 6],
    ];
    for (const [replicas, count] of nodes) {
        it(`PolarDB with ${replicas} read replicas has ${count} nodes`, () => assert.strictEqual(polardbNodeCount(replicas), count));
    }
    it("every preset stage has classes for its database and cache", () => {
        const mature = {
            regions: [
                { name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"] },
                { name: "cn-shanghai", zones: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"] },
            ],
        };
        const specs = [resolveSpec(raw({}, "startup"), { now: NOW }), resolveSpec(raw({}, "growth"), { now: NOW }), resolveSpec(raw(mature, "mature"), { now: NOW })];
        assert.deepStrictEqual(
            specs.map((s) => [s.stage, s.database.engine, checkAlicloudClasses(s)]),
            [
                ["startup", "mysql", []],
                ["growth", "polardb", []],
                ["mature", "polardb", []],
            ],
        );
    });
});

describe("model: resolveSpec errors for Alibaba Cloud sizes and events", () => {
    it("a database size without an RDS class is a named error", () => {
        assert.deepStrictEqual(issuesOf(raw({ database: { engine: "mysql", size: { vcpu: 3, memoryGiB: 6 } } })), [
            'database.size: no RDS MySQL class for 3 vCPU / 6 GiB; allowed: vCPU in 1, 2, 4, 8, 16, 32 with 2, 4, 8 GiB per vCPU (got {"vcpu":3,"memoryGiB":6})',
        ]);
    });
    it("a PolarDB size without a class is a named error", () => {
        assert.deepStrictEqual(issuesOf(raw({ database: { engine: "polardb", size: { vcpu: 4, memoryGiB: 8 } } })), [
            'database.size: no PolarDB class for 4 vCPU / 8 GiB; allowed: vCPU in 2, 4, 8, 16, 32 with 4, 8 GiB per vCPU (got {"vcpu":4,"memoryGiB":8})',
        ]);
    });
    it("an app size without an ECS type is a named error", () => {
        const issues = issuesOf(raw({ compute: "vm", app: { size: { vcpu: 3, memoryGiB: 6 } } }));
        assert.strictEqual(issues.length, 1);
        assert.match(issues[0], /^app\.size: no instance type for 3 vCPU \/ 6 GiB/);
    });
    it("Redis memory without a class and cluster replicas other than 1 are named errors", () => {
        assert.deepStrictEqual(issuesOf(raw({ cache: { memoryGiB: 3, replicasPerShard: 2 } })), [
            "cache.memoryGiB: no Redis cluster class with 3 GiB per shard; allowed: 1, 2, 4, 8, 16, 32 GiB (got 3)",
            "cache.replicasPerShard: the Alibaba Cloud Redis cluster edition keeps exactly 1 replica per shard (got 2); allowed: 1",
        ]);
    });
    it("a Redis cluster or an HA database in a one-zone region is a named error", () => {
        const oneZone = { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }] };
        const loadBalancer =
            "regions[0].zones: the load balancer needs >= 2 zones of cn-hangzhou (got 1); allowed: list a second zone (a startup stack still keeps its database and cache in the first zone)";
        assert.deepStrictEqual(issuesOf(raw(oneZone, "startup")), [loadBalancer]);
        assert.deepStrictEqual(issuesOf(raw({ ...oneZone, cache: { mode: "cluster", shards: 2, replicasPerShard: 1 }, database: { highAvailability: true } }, "startup")), [
            loadBalancer,
            'cache.mode: the Redis cluster edition keeps its replicas in a second zone; regions[0] (cn-hangzhou) has 1 (got "cluster"); allowed: standalone, or >= 2 zones',
            "database.highAvailability: a standby needs a second zone; regions[0] (cn-hangzhou) has 1 (got true); allowed: false, or >= 2 zones",
        ]);
    });
    it("an event more than 90 days ahead is accepted and reported as scheduled when within 90 days, declaring nothing yet", () => {
        const config = raw({ events: [{ name: "double11", start: "2027-03-01T12:00:00Z", end: "2027-03-01T15:00:00Z", peakOnline: 8000 }] });
        assert.deepStrictEqual(issuesOf(config), []);
        const spec = resolveSpec(config, { now: NOW });
        const bounds = { minSize: 4, maxSize: 40, zones: 2 };
        assert.deepStrictEqual(tierSchedule(spec, spec.regions[0], "appGroup", bounds, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null).oneOff, []);
        assert.deepStrictEqual(scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon), [
            {
                source: "double11",
                status: "deferred",
                detail: "scheduled when within 90 days (Alibaba Cloud ESS accepts scheduled tasks up to 90 days ahead): a pulumi up on or after 2026-12-01T11:30:00Z declares it",
            },
        ]);
    });
    it("an event in the past is accepted, declares nothing and is reported as past", () => {
        const config = raw({ events: [{ name: "gone", start: "2026-11-01T12:00:00Z", end: "2026-11-01T15:00:00Z", peakOnline: 100 }] });
        assert.deepStrictEqual(issuesOf(config), []);
        const spec = resolveSpec(config, { now: NOW });
        assert.deepStrictEqual(tierSchedule(spec, spec.regions[0], "appGroup", { minSize: 4, maxSize: 40, zones: 2 }, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null).oneOff, []);
        assert.strictEqual(scheduleReport(spec, NOW.getTime(), PROFILES.alicloud.scheduleHorizon)[0].status, "past");
    });
    it("a bad tls value is named", () => {
        assert.deepStrictEqual(issuesOf(raw({ tls: { certificateId: "" } })), ['tls.certificateId: must be a non-empty string (got "")']);
        assert.deepStrictEqual(issuesOf(raw({ tls: { cert: "x" } })), [
            'tls.cert: is not a known key; allowed: certificateId, certificateNames (value not shown)',
        ]);
    });
    it("tls.certificateId defaults to null and is read when set", () => {
        assert.strictEqual(resolveSpec(raw(), { now: NOW }).tls.certificateId, null);
        assert.strictEqual(resolveSpec(raw({ tls: { certificateId: "14211234-cn-hangzhou" } }), { now: NOW }).tls.certificateId, "14211234-cn-hangzhou");
    });
});

describe("model: ESS launch times of scheduled events", () => {
    const cases: [string, string][] = [
        ["2026-12-12T11:30:00Z", "2026-12-12T11:30Z"],
        ["2026-12-12T11:30Z", "2026-12-12T11:30Z"],
    ];
    for (const [at, want] of cases) it(`${at} -> ${want}`, () => assert.strictEqual(essLaunchTime(at), want));
    it("rejects a non-UTC instant", () => assert.throws(() => essLaunchTime("2026-12-12T11:30:00+08:00"), /not a UTC minute instant/));
    it("event schedule feeds ESS: pre-scale 30 min before start, release 30 min after end, bounds only", () => {
        const spec = resolveSpec(raw({ events: [{ name: "sale", start: "2026-12-12T12:00:00+08:00", end: "2026-12-12T15:00:00+08:00", peakOnline: 40000 }] }), { now: NOW });
        const schedule = tierSchedule(spec, spec.regions[0], "appGroup", { minSize: 4, maxSize: 40, zones: 2 }, NOW.getTime(), PROFILES.alicloud.scheduleHorizon, null);
        assert.deepStrictEqual(
            schedule.oneOff.map((t) => [t.key, essLaunchTime(t.at), t.minSize, t.maxSize]),
            [
                ["sale-prescale", "2026-12-12T03:30Z", 10, 40],
                ["sale-release", "2026-12-12T07:30Z", 4, 40],
            ],
        );
    });
});
