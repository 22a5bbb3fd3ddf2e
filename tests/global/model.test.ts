import * as assert from "assert";

import {
    ALL_METHODS,
    INGEST_LISTENERS,
    READ_METHODS,
    RENDITIONS,
    StackSpec,
    cdnAllowedMethods,
    cdnOrigins,
    cdnScope,
    dnsFailoverPlan,
    dnsFailoverSeconds,
    edgePlan,
    forRegion,
    globalHostnames,
    ivsChannelType,
    steeringEnabled,
    transcodeTier,
    videoHostnames,
} from "../../components/model";
import { SRS_IMAGE_MIRROR, transcoderUserData } from "../../components/alicloud/video";
import { SRS_IMAGE, srsConfig } from "../../components/model";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { ConfigObject } from "../../components/model/reader";
import { NOW, configIssues, rawConfig } from "../helpers";

function spec(stage: "startup" | "growth" | "mature", cloud: "alicloud" | "aws", extra: ConfigObject = {}): StackSpec {
    return resolveSpec(rawConfig(stage, cloud, extra), { now: NOW });
}

const THREE_ALI_REGIONS = [
    { name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"] },
    { name: "cn-shanghai", zones: ["cn-shanghai-e", "cn-shanghai-f", "cn-shanghai-g"] },
    { name: "ap-southeast-1", zones: ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"] },
];

const THREE_AWS_REGIONS = [
    { name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
    { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"] },
    { name: "eu-west-1", zones: ["eu-west-1a", "eu-west-1b", "eu-west-1c"] },
];

describe("global model: DNS failover time", () => {
    const table: { cloud: "aws" | "alicloud"; interval: number; threshold: number; ttl: number; detection: number; failover: number }[] = [
        { cloud: "aws", interval: 10, threshold: 2, ttl: 60, detection: 20, failover: 80 },
        { cloud: "alicloud", interval: 60, threshold: 2, ttl: 60, detection: 120, failover: 180 },
    ];
    for (const row of table) {
        it(`${row.cloud}: shortest interval ${row.interval} s x threshold ${row.threshold} + TTL ${row.ttl} s = ${row.failover} s`, () => {
            const p = dnsFailoverPlan(PROFILES[row.cloud].dnsHealthCheck);
            assert.deepStrictEqual(
                [p.intervalSeconds, p.failureThreshold, p.ttlSeconds, p.detectionSeconds, p.failoverSeconds],
                [row.interval, row.threshold, row.ttl, row.detection, row.failover],
            );
            assert.strictEqual(p.intervalSeconds, PROFILES[row.cloud].dnsHealthCheck.shortestIntervalSeconds);
        });
    }

    it("every region failover is longer than the 30 s in-region switch-over target", () => {
        for (const cloud of ["aws", "alicloud"] as const) assert.ok(dnsFailoverPlan(PROFILES[cloud].dnsHealthCheck).failoverSeconds > 30, cloud);
    });

    it("refuses a budget the service cannot meet, naming the arithmetic", () => {
        assert.throws(() => dnsFailoverPlan(PROFILES.alicloud.dnsHealthCheck, 120), /Alibaba Cloud GTM fails a region over in 180 s \(TTL 60 \+ 60 x 2\), over the 120 s budget/);
    });

    it("dnsFailoverSeconds is TTL + interval x threshold", () => {
        const table: [number, number, number, number][] = [
            [60, 10, 3, 90],
            [60, 30, 3, 150],
            [0, 10, 1, 10],
        ];
        for (const [ttl, interval, threshold, expected] of table) {
            assert.strictEqual(dnsFailoverSeconds({ ttlSeconds: ttl, intervalSeconds: interval, failureThreshold: threshold }), expected);
        }
    });

    it("steering exists from two regions on", () => {
        assert.deepStrictEqual(
            [spec("startup", "aws"), spec("growth", "aws"), spec("mature", "aws")].map(steeringEnabled),
            [false, false, true],
        );
    });
});

describe("global model: CDN origins", () => {
    it("startup and growth: the one region as the only, primary origin; all methods", () => {
        for (const stage of ["startup", "growth"] as const) {
            const origins = cdnOrigins(spec(stage, "aws"), PROFILES.aws.cdnOriginLimit);
            assert.deepStrictEqual(origins, [{ region: "us-east-1", role: "primary", rank: 0, priority: 20 }], stage);
            assert.deepStrictEqual(cdnAllowedMethods(origins), ALL_METHODS);
        }
    });

    it("mature on AWS: first region primary, second failover (an origin group holds two), reads only", () => {
        const origins = cdnOrigins(spec("mature", "aws", { regions: THREE_AWS_REGIONS }), PROFILES.aws.cdnOriginLimit);
        assert.deepStrictEqual(origins.map((o) => [o.region, o.role, o.rank]), [["us-east-1", "primary", 0], ["us-west-2", "failover", 1]]);
        assert.deepStrictEqual(cdnAllowedMethods(origins), READ_METHODS);
    });

    it("mature on Alibaba Cloud: every region an origin, priority 20 for the first, 30 for the others", () => {
        const origins = cdnOrigins(spec("mature", "alicloud", { regions: THREE_ALI_REGIONS }), PROFILES.alicloud.cdnOriginLimit);
        assert.deepStrictEqual(origins.map((o) => [o.region, o.priority]), [["cn-hangzhou", 20], ["cn-shanghai", 30], ["ap-southeast-1", 30]]);
    });

    it("mature on Alibaba Cloud with a residency boundary: only the regions inside are origins (a standby source takes every method, user and cart APIs included)", () => {
        const s = spec("mature", "alicloud", { regions: THREE_ALI_REGIONS, residency: { boundary: "mainland-china" } });
        assert.deepStrictEqual(cdnOrigins(s, PROFILES.alicloud.cdnOriginLimit).map((o) => [o.region, o.priority]), [["cn-hangzhou", 20], ["cn-shanghai", 30]]);
    });

    it("originFailover false on a mature stack keeps one origin", () => {
        assert.strictEqual(cdnOrigins(spec("mature", "alicloud", { cdn: { originFailover: false } }), PROFILES.alicloud.cdnOriginLimit).length, 1);
    });

    it("Alibaba Cloud CDN scope by regions", () => {
        const table: [string[], string][] = [
            [["cn-hangzhou", "cn-shanghai"], "domestic"],
            [["cn-hangzhou", "ap-southeast-1"], "global"],
            [["ap-southeast-1"], "overseas"],
            [["cn-hongkong"], "overseas"],
        ];
        for (const [regions, scope] of table) assert.strictEqual(cdnScope(regions), scope, regions.join(","));
    });

    it("hostnames: CDN on the domain, api steered, push/play per region", () => {
        assert.deepStrictEqual(globalHostnames({ domain: "live.example.com" }), { cdn: "live.example.com", api: "api.live.example.com" });
        assert.deepStrictEqual(videoHostnames({ domain: "live.example.com" }, "cn-hangzhou"), {
            ingest: "push-cn-hangzhou.live.example.com",
            play: "play-cn-hangzhou.live.example.com",
        });
    });
});

describe("global model: the edge plan", () => {
    it("per stage: a CDN everywhere, steering from two regions on with the cloud's failover plan", () => {
        const table: { stage: "startup" | "growth" | "mature"; cloud: "aws" | "alicloud"; origins: number; steering: string[] | null; failover: number | null }[] = [
            { stage: "startup", cloud: "aws", origins: 1, steering: null, failover: null },
            { stage: "growth", cloud: "alicloud", origins: 1, steering: null, failover: null },
            { stage: "mature", cloud: "aws", origins: 2, steering: ["us-east-1", "us-west-2"], failover: 80 },
            { stage: "mature", cloud: "alicloud", origins: 2, steering: ["cn-hangzhou", "cn-shanghai"], failover: 180 },
        ];
        for (const row of table) {
            const p = edgePlan(spec(row.stage, row.cloud), PROFILES[row.cloud]);
            assert.strictEqual(p.cdn?.origins.length, row.origins, `${row.stage}-${row.cloud}`);
            assert.deepStrictEqual(p.steering?.regions ?? null, row.steering);
            assert.strictEqual(p.steering?.failover.failoverSeconds ?? null, row.failover);
            assert.strictEqual(p.hostnames.api, "api.live.example.com");
        }
    });

    it("cdn.enabled false is a config error naming the field, the value and what is allowed (the viewers would have no entry)", () => {
        for (const cloud of ["aws", "alicloud"] as const) {
            const issues = configIssues(rawConfig("growth", cloud, { cdn: { enabled: false } }));
            assert.ok(issues.some((i) => i.startsWith("cdn.enabled: false leaves the viewers no entry") && i.endsWith("allowed: true")), `${cloud}: ${issues.join("\n")}`);
        }
    });

    it("forRegion finds a region's value or names the missing region", () => {
        const values = [{ region: "a", v: 1 }, { region: "b", v: 2 }];
        assert.strictEqual(forRegion(values, "b").v, 2);
        assert.throws(() => forRegion(values, "c"), /no value given for region c \(given: a, b\)/);
        assert.throws(() => forRegion([], "c"), /\(given: none\)/);
    });
});

describe("global model: live video", () => {
    it("the ladder is 1080p, 720p, 480p, highest first, bitrates falling", () => {
        assert.deepStrictEqual(RENDITIONS.map((r) => [r.name, r.height]), [["1080p", 1080], ["720p", 720], ["480p", 480]]);
        for (let i = 1; i < RENDITIONS.length; i++) assert.ok(RENDITIONS[i].videoKbps < RENDITIONS[i - 1].videoKbps);
    });

    it("IVS channel type by ladder", () => {
        assert.strictEqual(ivsChannelType(RENDITIONS), "STANDARD");
        assert.strictEqual(ivsChannelType([RENDITIONS[0]]), "BASIC");
        assert.throws(() => ivsChannelType([{ ...RENDITIONS[0], name: "1440p", height: 1440 }]), /at most 1080p \(ladder tops at 1440p\)/);
    });

    it("ingest listens on RTMP 1935/TCP and SRT 10080/UDP", () => {
        assert.deepStrictEqual(INGEST_LISTENERS.map((l) => `${l.protocol} ${l.port}/${l.transport}`), ["rtmp 1935/TCP", "srt 10080/UDP"]);
    });

    it("transcoding tier: self-run in every valid stack (every region has >= 2 zones); one per zone minimum; CPU-only scaling from the shared actions", () => {
        const table: { stage: "startup" | "growth" | "mature"; mode: string; min: number; max: number }[] = [
            { stage: "startup", mode: "selfRun", min: 2, max: 4 },
            { stage: "growth", mode: "selfRun", min: 2, max: 12 },
            { stage: "mature", mode: "selfRun", min: 3, max: 40 },
        ];
        for (const row of table) {
            const s = spec(row.stage, "alicloud");
            const t = transcodeTier(s, s.regions[0]);
            assert.deepStrictEqual([t.mode, t.minSize, t.maxSize], [row.mode, row.min, row.max], row.stage);
            assert.deepStrictEqual(t.scaleOut.conditions, [{ metric: "cpuPercent", comparison: "greaterThan", threshold: 70 }]);
            assert.deepStrictEqual(t.scaleIn.conditions, [{ metric: "cpuPercent", comparison: "lessThan", threshold: 30 }]);
            assert.deepStrictEqual(t.scaleOut.adjustment, { kind: "percentChange", value: 100 });
            assert.deepStrictEqual(t.scaleIn.adjustment, { kind: "percentChange", value: -25 });
        }
    });

    it("a one-zone region is a validation error; the managed mode remains only the model's answer for one zone", () => {
        const issues = configIssues(rawConfig("startup", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }] }));
        assert.ok(
            issues.includes(
                "regions[0].zones: the load balancer needs >= 2 zones of cn-hangzhou (got 1); allowed: list a second zone (a startup stack still keeps its database and cache in the first zone)",
            ),
            issues.join("\n"),
        );
        const s = spec("startup", "alicloud");
        const t = transcodeTier(s, { ...s.regions[0], zones: [s.regions[0].zones[0]] });
        assert.deepStrictEqual([t.mode, t.minSize, t.maxSize], ["managed", 1, 4]);
    });

    it("maxTranscoders never falls below one per zone", () => {
        const s = spec("mature", "alicloud", { video: { maxTranscoders: 1 } });
        assert.strictEqual(transcodeTier(s, s.regions[0]).maxSize, 3);
    });

    it("the media server config ingests RTMP and SRT, serves HTTP, and transcodes exactly the ladder from the ingest app", () => {
        const c = srsConfig(RENDITIONS);
        assert.match(c, /^listen 1935;$/m);
        assert.match(c, /srt_server \{\n {4}enabled on;\n {4}listen 10080;\n\}/);
        assert.match(c, /http_server \{\n {4}enabled on;\n {4}listen 8080;/);
        assert.match(c, /transcode live \{/);
        const engines = [...c.matchAll(/engine (\w+) \{[^}]*?vbitrate (\d+);\s*vfps (\d+);\s*vwidth (\d+);\s*vheight (\d+);/g)].map((m) => [m[1], Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5])]);
        assert.deepStrictEqual(engines, RENDITIONS.map((r) => [r.name, r.videoKbps, r.fps, r.width, r.height]));
        // renditions go to another app, so they are not transcoded again
        assert.strictEqual([...c.matchAll(/output rtmp:\/\/127\.0\.0\.1:\[port\]\/play\?vhost=\[vhost\]\/\[stream\]_\[engine\];/g)].length, RENDITIONS.length);
        assert.match(c, /dvr_apply all;/);
        assert.deepStrictEqual(INGEST_LISTENERS.map((l) => l.port), [1935, 10080]);
    });

    it("the transcoder's user data runs the pinned image on the host network and uploads recordings with the role's credentials", () => {
        const ud = transcoderUserData({ region: "cn-hangzhou", ladder: RENDITIONS, bucket: "recordings-bucket", roleName: "lc-video-transcoder" });
        assert.ok(ud.startsWith("#cloud-config\n"));
        assert.match(ud, new RegExp(`docker run -d --name srs --restart always --network host .* ${SRS_IMAGE_MIRROR.replace(/[.]/g, "\\.")} \\./objs/srs -c conf/live\\.conf`));
        assert.match(ud, /BUCKET=recordings-bucket\n/);
        assert.match(ud, /ENDPOINT=recordings-bucket\.oss-cn-hangzhou-internal\.aliyuncs\.com/);
        assert.match(ud, /security-credentials\/lc-video-transcoder\)/);
        assert.match(ud, /systemctl enable --now upload-recordings\.timer/);
        const none = transcoderUserData({ region: "cn-hangzhou", ladder: RENDITIONS, bucket: null, roleName: "r" });
        assert.ok(!none.includes("upload-recordings") && none.includes(SRS_IMAGE_MIRROR) && SRS_IMAGE_MIRROR.endsWith(SRS_IMAGE));
    });
});

describe("global config: cdn.certificate, dns.zoneId, video", () => {
    it("defaults: no certificate, no zone id, stage transcoder bounds", () => {
        const s = spec("mature", "aws");
        assert.deepStrictEqual([s.cdn.certificate, s.dns.zoneId, s.video.maxTranscoders], [null, null, 40]);
    });

    it("accepts an ACM certificate in us-east-1 and a hosted zone id on AWS", () => {
        const arn = "arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0123-4567-89ab-0123456789ab";
        const s = spec("mature", "aws", { cdn: { certificate: arn }, dns: { zoneId: "Z0123456789ABCDEFGHIJ" } });
        assert.deepStrictEqual([s.cdn.certificate, s.dns.zoneId], [arn, "Z0123456789ABCDEFGHIJ"]);
    });

    const errors: { name: string; cloud: "aws" | "alicloud"; extra: ConfigObject; issue: RegExp }[] = [
        {
            name: "a certificate outside us-east-1",
            cloud: "aws",
            extra: { cdn: { certificate: "arn:aws:acm:eu-west-1:123456789012:certificate/0123abcd-0123-4567-89ab-0123456789ab" } },
            issue: /^cdn\.certificate: must be the ARN of an ACM certificate in us-east-1 \(CloudFront reads certificates from us-east-1 only\) on aws \(got "arn:aws:acm:eu-west-1:/,
        },
        {
            name: "an ARN on Alibaba Cloud",
            cloud: "alicloud",
            extra: { cdn: { certificate: "arn:aws:acm:us-east-1:123456789012:certificate/x" } },
            issue: /^cdn\.certificate: must be the numeric id of a Certificate Management Service certificate on alicloud \(got "arn:/,
        },
        { name: "a malformed zone id", cloud: "aws", extra: { dns: { zoneId: "example.com" } }, issue: /^dns\.zoneId: must be a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ \(got "example\.com"\)$/ },
        { name: "a zone id on Alibaba Cloud", cloud: "alicloud", extra: { dns: { zoneId: "Z0123456789" } }, issue: /^dns\.zoneId: is not used on alicloud \(aws only: Alibaba Cloud stacks steer with GTM and take no zone id\); allowed: leave it unset on alicloud: remove it from the stack file \(pulumi config rm --path live-commerce:dns\.zoneId\)$/ },
        { name: "an unknown dns key", cloud: "aws", extra: { dns: { zone: "Z1" } }, issue: /^dns\.zone: is not a known key; allowed: zoneId \(value not shown\)$/ },
        { name: "zero transcoders", cloud: "alicloud", extra: { video: { maxTranscoders: 0 } }, issue: /^video\.maxTranscoders: must be an integer from 1 to 500 \(got 0\)$/ },
        {
            name: "a transcoder size without an instance type",
            cloud: "alicloud",
            extra: { video: { transcoderSize: { vcpu: 3, memoryGiB: 6 } } },
            issue: /^video\.transcoderSize: no instance type for 3 vCPU \/ 6 GiB/,
        },
    ];
    for (const row of errors) {
        it(`rejects ${row.name}`, () => {
            const issues = configIssues(rawConfig("mature", row.cloud, row.extra));
            assert.ok(issues.some((i) => row.issue.test(i)), issues.join("\n"));
        });
    }
});
