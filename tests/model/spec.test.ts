import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

import { STAGES, STAGE_PRESETS, StackSpec, checkPeaks, zoneOffsetCombinations } from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { ConfigObject } from "../../components/model/reader";
import { NOW, configIssues, rawConfig } from "../helpers";

describe("resolveSpec: stage presets", () => {
    it("startup on Alibaba Cloud gets 2 x 4 vCPU/8 GiB app servers, one 2 vCPU/4 GiB MySQL, a standalone Redis", () => {
        const spec = resolveSpec(rawConfig("startup", "alicloud"), { now: NOW });
        assert.deepStrictEqual(spec.app.size, { vcpu: 4, memoryGiB: 8 });
        assert.strictEqual(spec.app.minSize, 2);
        assert.deepStrictEqual(spec.database.size, { vcpu: 2, memoryGiB: 4 });
        assert.strictEqual(spec.database.engine, "mysql");
        assert.strictEqual(spec.database.highAvailability, false);
        assert.strictEqual(spec.cache.mode, "standalone");
        assert.strictEqual(spec.queue.enabled, false);
        assert.strictEqual(spec.natStrategy, "single");
        assert.deepStrictEqual(spec.onlineUsers, { min: 0, max: 1000 });
    });

    it("every stage carries the scaling thresholds of the requirements", () => {
        for (const stage of STAGES) {
            const spec = resolveSpec(rawConfig(stage, "aws"), { now: NOW });
            assert.deepStrictEqual(spec.scaling.scaleOut, { connectionsPerInstance: 5000, cpuPercent: 70 }, stage);
            assert.deepStrictEqual(spec.scaling.scaleIn, { connectionsPerInstance: 1000, cpuPercent: 30 }, stage);
        }
    });

    it("growth is multi-AZ with an HA database, a read replica, a Redis cluster and Kafka", () => {
        const spec = resolveSpec(rawConfig("growth", "aws"), { now: NOW });
        assert.strictEqual(spec.database.highAvailability, true);
        assert.strictEqual(spec.database.readReplicas, 1);
        assert.deepStrictEqual([spec.cache.mode, spec.cache.shards, spec.cache.replicasPerShard], ["cluster", 2, 1]);
        assert.strictEqual(spec.queue.enabled, true);
        assert.strictEqual(spec.natStrategy, "perZone");
        assert.deepStrictEqual(spec.onlineUsers, { min: 1000, max: 10000 });
    });

    it("mature picks the cloud's global database engine: PolarDB on Alibaba Cloud, Aurora on AWS", () => {
        const ali: StackSpec = resolveSpec(rawConfig("mature", "alicloud"), { now: NOW });
        const aws: StackSpec = resolveSpec(rawConfig("mature", "aws"), { now: NOW });
        assert.deepStrictEqual([ali.database.engine, aws.database.engine], ["polardb", "aurora"]);
        assert.strictEqual(ali.database.globalDatabase, true);
        assert.strictEqual(ali.cdn.originFailover, true);
    });

    it("overrides replace only the keys given and keep the rest of the preset", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { app: { maxSize: 80 }, database: { engine: "polardb" } }), { now: NOW });
        assert.strictEqual(spec.app.maxSize, 80);
        assert.strictEqual(spec.app.minSize, STAGE_PRESETS.growth.spec.app.minSize);
        assert.strictEqual(spec.database.engine, "polardb");
        assert.strictEqual(spec.database.readReplicas, 1);
    });

    it("assigns non-overlapping default CIDRs per region", () => {
        const spec = resolveSpec(rawConfig("mature", "aws"), { now: NOW });
        assert.deepStrictEqual(
            spec.regions.map((r) => r.cidr),
            ["10.10.0.0/16", "10.20.0.0/16"],
        );
    });
});

describe("resolveSpec: every bad config gets an error naming the field, the value and what is allowed", () => {
    const future = (days: number, hours = 0): string => new Date(NOW.getTime() + days * 86_400_000 + hours * 3_600_000).toISOString();
    const cases: [string, ConfigObject, string][] = [
        ["unknown stage", { ...rawConfig("growth", "aws"), stage: "scaleup" }, 'stage: must be one of startup, growth, mature (got "scaleup")'],
        ["unknown cloud", { ...rawConfig("growth", "aws"), cloud: "gcp" }, 'cloud: must be one of alicloud, aws (got "gcp")'],
        ["missing regions", { stage: "startup", cloud: "aws" }, "regions: must list at least one region"],
        [
            "growth with one zone",
            rawConfig("growth", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }] }),
            "regions[0].zones: growth stage needs >= 2 zones in region cn-hangzhou (got 1)",
        ],
        [
            "mature with one region",
            rawConfig("mature", "aws", { regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] }] }),
            'regions: mature stage needs >= 2 regions (got 1: ["us-east-1"])',
        ],
        [
            "mature with two zones in a region",
            rawConfig("mature", "aws", {
                regions: [
                    { name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] },
                    { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"] },
                ],
            }),
            "regions[0].zones: mature stage needs >= 3 zones in region us-east-1 (got 2)",
        ],
        [
            "zone of another region",
            rawConfig("growth", "aws", { regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-west-2b"] }] }),
            'regions[0].zones[1]: zone "us-west-2b" is not a zone of us-east-1 (allowed: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f; source: AWS Availability Zones',
        ],
        [
            "zone listed twice",
            rawConfig("growth", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-h"] }] }),
            'regions[0].zones[1]: zone "cn-hangzhou-h" is listed twice',
        ],
        ["not a region id", rawConfig("startup", "aws", { regions: [{ name: "virginia", zones: ["virginiaa", "virginiab"] }] }), 'regions[0].name: unknown region "virginia" (allowed: us-east-1, us-east-2,'],
        // the three of issue 16: each passed the old pattern check
        ["a misspelt Alibaba Cloud region", rawConfig("startup", "alicloud", { regions: [{ name: "cn-hangzou", zones: ["cn-hangzou-h", "cn-hangzou-i"] }] }), 'regions[0].name: unknown region "cn-hangzou"; did you mean cn-hangzhou?'],
        ["an AWS region that does not exist", rawConfig("startup", "aws", { regions: [{ name: "us-east-7", zones: ["us-east-7a", "us-east-7b"] }] }), 'regions[0].name: unknown region "us-east-7"; did you mean us-east-1 or us-east-2?'],
        ["an AWS zone that does not exist", rawConfig("startup", "aws", { regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1z"] }] }), 'regions[0].zones[1]: zone "us-east-1z" is not a zone of us-east-1; did you mean us-east-1a or us-east-1b or us-east-1c? (allowed: us-east-1a'],
        ["an Alibaba Cloud zone the region does not have", rawConfig("growth", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-a"] }] }), 'regions[0].zones[1]: zone "cn-hangzhou-a" is not a zone of cn-hangzhou; did you mean cn-hangzhou-b or cn-hangzhou-e or cn-hangzhou-f? (allowed: cn-hangzhou-b, cn-hangzhou-e, cn-hangzhou-f, cn-hangzhou-g, cn-hangzhou-h, cn-hangzhou-i, cn-hangzhou-j, cn-hangzhou-k; source: Alibaba Cloud Regions and zones supported by ECI'],
        ["an AWS region without Amazon IVS (every region's live video channel)", rawConfig("startup", "aws", { regions: [{ name: "eu-west-3", zones: ["eu-west-3a", "eu-west-3b"] }] }), "regions[0].name: Amazon IVS low-latency streaming (every region's live video channel) is not offered in eu-west-3 (allowed: us-east-1, us-west-2, ap-south-1, ap-northeast-2, ap-northeast-1, eu-central-1, eu-west-1; source: AWS General Reference"],
        ["a zone of the wrong form in a region whose zones are not tabulated", rawConfig("startup", "alicloud", { regions: [{ name: "eu-central-1", zones: ["eu-central-1a", "eu-central-1-b"] }] }), 'regions[0].zones[1]: zone "eu-central-1-b" is not a zone id of eu-central-1 (allowed: eu-central-1 followed by one letter, e.g. eu-central-1a)'],
        [
            "one zone: the load balancer needs two",
            rawConfig("startup", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }] }),
            "regions[0].zones: the load balancer needs >= 2 zones of cn-hangzhou (got 1)",
        ],
        ["min above max", rawConfig("growth", "aws", { app: { minSize: 10, maxSize: 5 } }), "app.minSize: 10 is greater than app.maxSize 5; allowed: minSize <= maxSize"],
        ["fewer instances than zones", rawConfig("growth", "aws", { app: { minSize: 1 } }), "app.minSize: growth stage needs >= 1 instance per zone, 2 for 2 zones (got 1)"],
        [
            "scale-in connections not below scale-out",
            rawConfig("startup", "aws", { scaling: { scaleIn: { connectionsPerInstance: 5000 } } }),
            "scaling.scaleIn.connectionsPerInstance: 5000 must be below scaling.scaleOut.connectionsPerInstance 5000; allowed: < 5000",
        ],
        [
            "scale-in CPU not below scale-out",
            rawConfig("startup", "aws", { scaling: { scaleOut: { cpuPercent: 60 }, scaleIn: { cpuPercent: 65 } } }),
            "scaling.scaleIn.cpuPercent: 65 must be below scaling.scaleOut.cpuPercent 60; allowed: < 60",
        ],
        [
            "overlapping CIDRs",
            rawConfig("mature", "aws", {
                regions: [
                    { name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"], cidr: "10.0.0.0/16" },
                    { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"], cidr: "10.0.128.0/17" },
                ],
            }),
            "regions[1].cidr: 10.0.128.0/17 overlaps regions[0].cidr 10.0.0.0/16",
        ],
        ["CIDR with host bits", rawConfig("startup", "aws", { regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"], cidr: "10.0.0.1/16" }] }), 'regions[0].cidr: not an IPv4 network address (got "10.0.0.1/16")'],
        ["CIDR too small", rawConfig("startup", "aws", { regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"], cidr: "10.0.0.0/24" }] }), "regions[0].cidr: prefix /24 out of range"],
        [
            "event in month 13",
            rawConfig("startup", "aws", { events: [{ name: "launch", start: "2099-13-01T12:00:00Z", end: "2099-12-01T14:00:00Z", peakOnline: 5000 }] }),
            'events[0].start: is not a calendar date and time (month 01-12, a day that exists in that month, hours 00-23, minutes and seconds 00-59) (got "2099-13-01T12:00:00Z")',
        ],
        [
            "event on 30 February",
            rawConfig("startup", "aws", { events: [{ name: "launch", start: "2099-02-28T12:00:00Z", end: "2099-02-30T14:00:00Z", peakOnline: 5000 }] }),
            'events[0].end: is not a calendar date and time (month 01-12, a day that exists in that month, hours 00-23, minutes and seconds 00-59) (got "2099-02-30T14:00:00Z")',
        ],
        [
            "event audience beyond any group",
            rawConfig("startup", "aws", { events: [{ name: "launch", start: future(3), end: future(3, 2), peakOnline: 5_000_000 }] }),
            "events[0].peakOnline: 5000000 viewers need 1250 app instances in us-east-1, more than the 1000 a group may hold; allowed: at most 4000000 per region",
        ],
        [
            "event audience above the bound",
            rawConfig("startup", "aws", { events: [{ name: "launch", start: future(3), end: future(3, 2), peakOnline: 20_000_000 }] }),
            "events[0].peakOnline: must be an integer from 1 to 10000000 (got 20000000)",
        ],
        [
            "weekly peak without days",
            rawConfig("growth", "aws", { peaks: [{ name: "weekend", recurrence: "weekly", start: "20:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" }] }),
            "peaks[0].days: must list the days of a weekly peak: sun, mon, tue, wed, thu, fri, sat (got nothing)",
        ],
        [
            "peak at 24:00",
            rawConfig("growth", "aws", { peaks: [{ name: "late", start: "24:00", end: "01:00", peakOnline: 20000, timeZone: "UTC" }] }),
            'peaks[0].start: is not a time of day; allowed: 00:00 to 23:59 (got "24:00")',
        ],
        [
            "overlapping peaks",
            rawConfig("growth", "aws", {
                peaks: [
                    { name: "evening", start: "20:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
                    { name: "saturday", recurrence: "weekly", days: ["sat"], start: "12:00", end: "13:00", peakOnline: 30000, timeZone: "UTC" },
                ],
            }),
            'peaks[1]: peak "saturday" (12:00-13:00 UTC) overlaps peaks[0] "evening"',
        ],
        [
            // Pre-scale to release (30-minute margins): London 19:30-21:30Z in winter, 18:30-20:30Z in
            // summer; New York 22:00-00:00Z in winter, 21:00-23:00Z in summer: apart in both seasons,
            // together between the US change (14 March) and the UK change (28 March): refused now, naming March.
            "peaks whose actions overlap only between two zones' daylight-saving changes",
            rawConfig("growth", "aws", {
                peaks: [
                    { name: "london", start: "20:00", end: "21:00", peakOnline: 20000, timeZone: "Europe/London" },
                    { name: "new-york", start: "17:30", end: "18:30", peakOnline: 20000, timeZone: "America/New_York" },
                ],
            }),
            'peaks[1]: peak "new-york" (17:30-18:30 America/New_York) overlaps peaks[0] "london" (20:00-21:00 Europe/London) from 2027-03-14T07:00:00Z (a daylight-saving change) once the scheduled actions\' margins are counted: pre-scale to release 17:00-19:00 America/New_York (21:00-23:00 UTC) and 19:30-21:30 Europe/London (19:30-21:30 UTC) (scaling.preScaleMinutes 30, scaling.releaseAfterMinutes 30), so one peak\'s release would cut the other\'s floor; allowed: peaks whose pre-scale-to-release spans neither overlap nor touch in any season',
        ],
        [
            // The windows only touch (21:00), the actions overlap: the first's release at 21:30 would
            // set the floor back to 4 while the second (floor 10) runs.
            "back-to-back peaks whose pre-scale and release margins overlap",
            rawConfig("growth", "alicloud", {
                peaks: [
                    { name: "early", start: "19:00", end: "21:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
                    { name: "late", start: "21:00", end: "23:00", peakOnline: 40000, timeZone: "Asia/Shanghai" },
                ],
            }),
            'peaks[1]: peak "late" (21:00-23:00 Asia/Shanghai) overlaps peaks[0] "early" (19:00-21:00 Asia/Shanghai) once the scheduled actions\' margins are counted: pre-scale to release 20:30-23:30 and 18:30-21:30 (scaling.preScaleMinutes 30, scaling.releaseAfterMinutes 30), so one peak\'s release would cut the other\'s floor; allowed: peaks whose pre-scale-to-release spans neither overlap nor touch in any season (merge them into one peak with the larger audience, or move one)',
        ],
        [
            "weekly back-to-back peaks: the refusal names their days",
            rawConfig("growth", "alicloud", {
                peaks: [
                    { name: "early", recurrence: "weekly", days: ["sat"], start: "19:00", end: "21:00", peakOnline: 20000, timeZone: "Asia/Shanghai" },
                    { name: "late", recurrence: "weekly", days: ["sat", "sun"], start: "21:00", end: "23:00", peakOnline: 40000, timeZone: "Asia/Shanghai" },
                ],
            }),
            'peaks[1]: peak "late" (21:00-23:00 Asia/Shanghai) overlaps peaks[0] "early" (19:00-21:00 Asia/Shanghai) once the scheduled actions\' margins are counted: pre-scale to release 20:30-23:30 on sun, sat and 18:30-21:30 on sat (scaling.preScaleMinutes 30',
        ],
        [
            // An all-day peak: pre-scale 23:30 the day before, release 00:29 the day after, so each run's
            // release would set the floor back an hour after the next run's pre-scale.
            "a peak whose span reaches its own next run",
            rawConfig("growth", "aws", { peaks: [{ name: "allday", start: "00:00", end: "23:59", peakOnline: 60000, timeZone: "Asia/Shanghai" }] }),
            'peaks[0]: peak "allday" (00:00-23:59 Asia/Shanghai) spans 24 h 59 min from pre-scale to release (23:30-00:29, scaling.preScaleMinutes 30, scaling.releaseAfterMinutes 30), not less than the 24 h to its next run, so each run\'s release would set the floor back after the next run\'s pre-scale; allowed: a span shorter than the gap between its runs (shorten the peak; for a floor held all the time raise the everyday floor instead: app.minSize, or the services\' minReplicas)',
        ],
        [
            // Saturday and Sunday 20:00-19:45 (the next day): a day apart, the span 24 h 45 min.
            "a weekly peak on consecutive days whose span reaches the next day's run",
            rawConfig("growth", "alicloud", { peaks: [{ name: "weekend", recurrence: "weekly", days: ["sat", "sun"], start: "20:00", end: "19:45", peakOnline: 60000, timeZone: "Asia/Shanghai" }] }),
            'peaks[0]: peak "weekend" (20:00-19:45 Asia/Shanghai) spans 24 h 45 min from pre-scale to release (19:30-20:15, scaling.preScaleMinutes 30, scaling.releaseAfterMinutes 30), not less than the 24 h to its next run',
        ],
        [
            "an event and a peak of the same name (their scheduled actions share it)",
            rawConfig("growth", "aws", {
                events: [{ name: "evening", start: future(3), end: future(3, 2), peakOnline: 100000 }],
                peaks: [{ name: "evening", start: "20:00", end: "22:00", peakOnline: 60000, timeZone: "Asia/Shanghai" }],
            }),
            'peaks[0].name: "evening" is also the name of events[0]; allowed: a name no event has (their scheduled actions are named after it)',
        ],
        [
            "event ending before it starts",
            rawConfig("startup", "aws", { events: [{ name: "launch", start: future(3), end: future(2), peakOnline: 5000 }] }),
            `events[0].end: ${future(2)} is not after start ${future(3)}; allowed: end > start`,
        ],
        [
            "event without an audience",
            rawConfig("startup", "aws", { events: [{ name: "launch", start: future(3), end: future(3, 2) }] }),
            "events[0].peakOnline: is required: an integer from 1 to 10000000 (got nothing)",
        ],
        ["event in an unknown time zone", rawConfig("startup", "aws", { events: [{ name: "launch", start: future(3), end: future(3, 2), peakOnline: 10, timeZone: "Mars/Olympus" }] }), 'events[0].timeZone: is not an IANA time zone; allowed: a zone such as Asia/Shanghai or America/New_York (got "Mars/Olympus")'],
        ["engine of the other cloud", rawConfig("growth", "alicloud", { database: { engine: "aurora" } }), 'database.engine: "aurora" is not offered on alicloud; allowed: mysql, polardb'],
        ["misspelt key", rawConfig("growth", "aws", { app: { minSzie: 3 } }), "app.minSzie: is not a known key; allowed: size, minSize, maxSize"],
        ["unknown top-level key", rawConfig("growth", "aws", { region: "us-east-1" }), "region: is not a config key of live-commerce"],
        ["wrong type", rawConfig("growth", "aws", { app: { maxSize: "lots" } }), 'app.maxSize: must be an integer from 1 to 1000 (got "lots")'],
        ["bad NAT strategy", rawConfig("growth", "aws", { natStrategy: "shared" }), 'natStrategy: must be one of none, single, perZone (got "shared")'],
        ["admin ports open to the world", rawConfig("startup", "aws", { adminCidrs: ["0.0.0.0/0"] }), "adminCidrs[0]: 0.0.0.0/0 opens administrative ports to the whole internet"],
        ["AWS instance tag key EC2 rejects when tags are in the instance metadata", rawConfig("growth", "aws", { tags: { "cost/center": "live" } }), 'tags: key "cost/center" cannot be an instance tag readable in the instance metadata'],
        ["size without an instance type", rawConfig("startup", "alicloud", { app: { size: { vcpu: 3, memoryGiB: 8 } } }), "app.size: no instance type for 3 vCPU / 8 GiB"],
        ["standalone cache with replicas", rawConfig("startup", "aws", { cache: { replicasPerShard: 1 } }), "cache.mode: standalone means 1 shard and 0 replicas"],
        ["global database on MySQL", rawConfig("mature", "aws", { database: { engine: "mysql" } }), 'database.globalDatabase: a global database needs engine aurora (got engine "mysql")'],
        [
            "nodes too small for the pods",
            rawConfig("growth", "alicloud", { kubernetes: { nodeSize: { vcpu: 1, memoryGiB: 2 } } }),
            "kubernetes.nodeSize: 1 vCPU / 2 GiB cannot hold the interaction pod (requests 1 CPU, 1Gi); allowed: a node whose 70 % covers every pod's requests",
        ],
        ["EKS version without a cluster autoscaler image", rawConfig("growth", "aws", { kubernetes: { version: "1.29" } }), "kubernetes.version: the cluster autoscaler has no pinned image for Kubernetes 1.29; allowed: 1.32, 1.33, 1.34"],
    ];
    for (const [what, raw, expected] of cases) {
        it(what, () => {
            const issues = configIssues(raw);
            assert.ok(
                issues.some((i) => i.includes(expected)),
                `expected an issue containing\n  ${expected}\ngot\n  ${issues.join("\n  ")}`,
            );
        });
    }

    it("never echoes the value of an unknown key (it may be a decrypted secret)", () => {
        const issues = configIssues(rawConfig("growth", "aws", { dbPassword: "hunter2-secret", app: { password: "hunter3-secret" } }));
        assert.ok(issues.some((i) => /^dbPassword: is not a config key of live-commerce; .* \(value not shown\)$/.test(i)), issues.join("\n"));
        assert.ok(issues.some((i) => /^app\.password: is not a known key; .* \(value not shown\)$/.test(i)), issues.join("\n"));
        assert.doesNotMatch(issues.join("\n"), /hunter/);
    });

    it("reports every problem at once, not just the first", () => {
        const issues = configIssues(rawConfig("growth", "aws", { app: { minSize: 10, maxSize: 5 }, natStrategy: "shared" }));
        assert.ok(issues.length >= 2, issues.join("\n"));
    });

    it("accepts a valid future event inside the scheduling horizon", () => {
        const spec = resolveSpec(
            rawConfig("growth", "alicloud", { events: [{ name: "double-12", start: future(20), end: future(20, 4), peakOnline: 30000, timeZone: "Asia/Shanghai" }] }),
            { now: NOW },
        );
        assert.strictEqual(spec.events.length, 1);
        assert.strictEqual(spec.events[0].timeZone, "Asia/Shanghai");
    });
});

describe("peaks compared at every offset their zones take within a year", () => {
    it("zoneOffsetCombinations: London and New York take three pairs from 2026-11-22 (GMT/EST, GMT/EDT from 14 March, BST/EDT from 28 March); Shanghai with UTC one", () => {
        const year = NOW.getTime() + 366 * 86_400_000;
        assert.deepStrictEqual(
            zoneOffsetCombinations(["Europe/London", "America/New_York"], NOW.getTime(), year).map((c) => [new Date(c.at).toISOString(), ...c.offsets]),
            [
                ["2026-11-22T00:00:00.000Z", 0, -300],
                ["2027-03-14T07:00:00.000Z", 0, -240],
                ["2027-03-28T01:00:00.000Z", 60, -240],
            ],
        );
        assert.deepStrictEqual(zoneOffsetCombinations(["Asia/Shanghai", "UTC"], NOW.getTime(), year).map((c) => c.offsets), [[480, 0]]);
    });
    it("the pair apart in every season plans", () => {
        const spec = resolveSpec(
            rawConfig("growth", "aws", {
                peaks: [
                    { name: "london", start: "20:00", end: "21:00", peakOnline: 20000, timeZone: "Europe/London" },
                    { name: "new-york", start: "12:00", end: "13:00", peakOnline: 20000, timeZone: "America/New_York" },
                ],
            }),
            { now: NOW },
        );
        assert.deepStrictEqual(checkPeaks(spec, NOW), []);
    });
});

describe("SAE's 50 instances per application (compute serverless on Alibaba Cloud)", () => {
    // SAE CreateApplicationScalingRule: "If you want to configure more than 50 instances for an
    // application, you must contact SAE technical support to add your account to the whitelist."
    const serverless = (cloud: "alicloud" | "aws", stage: "growth" | "mature", kubernetes: ConfigObject): ConfigObject =>
        rawConfig(stage, cloud, { compute: "serverless", domain: "live.example.com", kubernetes });
    const limitIssue = (service: string, value: number): string =>
        `kubernetes.services.${service}.maxReplicas: ${value} instances exceed the 50 per application allowed without the cloud's whitelist (SAE CreateApplicationScalingRule: more than 50 instances per application need the account on SAE's whitelist (contact SAE technical support)); allowed: at most 50, or set kubernetes.saeInstanceWhitelist: true once the account is on the whitelist`;

    it("the mature preset's ceilings above 50 (interaction 200, order 60) are errors naming the field, the value and the limit", () => {
        assert.deepStrictEqual(
            configIssues(serverless("alicloud", "mature", {})).filter((i) => i.includes("whitelist")),
            [limitIssue("order", 60), limitIssue("interaction", 200)],
        );
    });
    it("a ceiling of exactly 50 is accepted; 51 is not", () => {
        assert.strictEqual(resolveSpec(serverless("alicloud", "growth", { services: { interaction: { maxReplicas: 50 } } }), { now: NOW }).kubernetes.services.interaction.maxReplicas, 50);
        assert.deepStrictEqual(configIssues(serverless("alicloud", "growth", { services: { interaction: { maxReplicas: 51 } } })), [limitIssue("interaction", 51)]);
    });
    it("kubernetes.saeInstanceWhitelist: true accepts the ceilings above 50", () => {
        const spec = resolveSpec(serverless("alicloud", "growth", { saeInstanceWhitelist: true, services: { interaction: { maxReplicas: 120 } } }), { now: NOW });
        assert.strictEqual(spec.kubernetes.services.interaction.maxReplicas, 120);
    });
    it("an event whose scheduled ceiling passes 50 (interaction raised to 52 for 100,000 viewers) is an error naming events, the service and the limit; the flag accepts it", () => {
        const big = { events: [{ name: "double11", start: "2026-12-12T19:00:00+08:00", end: "2026-12-12T23:00:00+08:00", peakOnline: 100000 }] };
        const raw = (kubernetes: ConfigObject): ConfigObject => ({ ...serverless("alicloud", "growth", kubernetes), ...big });
        assert.deepStrictEqual(configIssues(raw({})), [
            "events, peaks: they raise the interaction ceiling (kubernetes.services.interaction.maxReplicas) to 52 instances, above the 50 per application allowed without the cloud's whitelist (SAE CreateApplicationScalingRule: more than 50 instances per application need the account on SAE's whitelist (contact SAE technical support)); allowed: events and peaks whose scheduled ceiling stays at most 50 (a smaller peakOnline), or set kubernetes.saeInstanceWhitelist: true once the account is on the whitelist",
        ]);
        assert.strictEqual(resolveSpec(raw({ saeInstanceWhitelist: true }), { now: NOW }).events.length, 1);
        assert.strictEqual(resolveSpec({ ...raw({}), events: [{ ...big.events[0], peakOnline: 50000 }] }, { now: NOW }).events.length, 1);
    });
    it("an event beyond the 90-day horizon is judged now: one a later pulumi up would be refused for (190,000 viewers: interaction raised to 96) is refused today, naming the same ceiling; a past one is not judged", () => {
        const far = { name: "may-sale", start: "2027-05-05T12:00:00Z", end: "2027-05-05T14:00:00Z", peakOnline: 190000 };
        const issues = configIssues({ ...serverless("alicloud", "growth", {}), events: [far] });
        assert.deepStrictEqual(issues.map((i) => i.split(", above the 50")[0]), [
            "events, peaks: they raise the order ceiling (kubernetes.services.order.maxReplicas) to 72 instances",
            "events, peaks: they raise the interaction ceiling (kubernetes.services.interaction.maxReplicas) to 96 instances",
        ]);
        // The same, planned when it has come within the horizon: the same issues.
        assert.deepStrictEqual(configIssues({ ...serverless("alicloud", "growth", {}), events: [far] }, new Date("2027-03-01T00:00:00Z")), issues);
        // Once past, it declares nothing and is accepted.
        assert.strictEqual(resolveSpec({ ...serverless("alicloud", "growth", {}), events: [{ ...far, start: "2026-11-05T12:00:00Z", end: "2026-11-05T14:00:00Z" }] }, { now: NOW }).events.length, 1);
    });
    it("an audience no group can hold is an error only in an event not yet released: a released one declares nothing, so it never blocks a later deploy", () => {
        const huge = { name: "launch", start: "2026-11-11T12:00:00Z", end: "2026-11-11T15:00:00Z", peakOnline: 5_000_000 };
        assert.strictEqual(resolveSpec(rawConfig("startup", "aws", { events: [huge] }), { now: NOW }).events.length, 1);
        // The same event planned while it runs: refused.
        assert.deepStrictEqual(configIssues(rawConfig("startup", "aws", { events: [huge] }), new Date("2026-11-11T13:00:00Z")), [
            "events[0].peakOnline: 5000000 viewers need 1250 app instances in us-east-1, more than the 1000 a group may hold; allowed: at most 4000000 per region",
        ]);
    });
    it("ECS services on Fargate take 120; the SAE flag is an error on aws and with compute kubernetes", () => {
        assert.strictEqual(resolveSpec(serverless("aws", "growth", { services: { interaction: { maxReplicas: 120 } } }), { now: NOW }).kubernetes.services.interaction.maxReplicas, 120);
        assert.ok(configIssues(serverless("aws", "growth", { saeInstanceWhitelist: true })).some((i) => i.startsWith("kubernetes.saeInstanceWhitelist")));
        assert.ok(configIssues(rawConfig("growth", "alicloud", { kubernetes: { saeInstanceWhitelist: true } })).some((i) => i.startsWith("kubernetes.saeInstanceWhitelist")));
    });
    it("switching back to compute kubernetes with the flag left in the stack file: the error says to remove it, and how", () => {
        assert.deepStrictEqual(configIssues(rawConfig("growth", "alicloud", { compute: "kubernetes", kubernetes: { saeInstanceWhitelist: true } })), [
            "kubernetes.saeInstanceWhitelist: is not used with compute kubernetes (compute serverless only: only SAE applications (compute serverless) have the 50 instance limit); allowed: leave it unset with compute kubernetes: remove it from the stack file (pulumi config rm --path live-commerce:kubernetes.saeInstanceWhitelist)",
        ]);
        const guide = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8");
        const back = guide.slice(guide.indexOf("## Compute: serverless back to kubernetes or vm"));
        assert.ok(back.slice(0, back.indexOf("\n## ", 5)).includes("pulumi config rm --path live-commerce:kubernetes.saeInstanceWhitelist"), "the reverse switch's steps remove the flag");
    });
});
