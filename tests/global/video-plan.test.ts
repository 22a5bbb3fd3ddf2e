import * as assert from "assert";

import { generatedName } from "../../tools/lib/mocks";
import { Plan, PlannedResource, planProgram } from "../../tools/lib/record";
import { at, configIssues, list, ofType, one, rawConfig, stackDir, stackFile } from "../helpers";
import { STACK_FILES, regionOutput, useGlobalPlans } from "./plans";

const STACKS = STACK_FILES;

/** Resources of `type` declared by the Video component of region `region`. */
function ofVideo(p: Plan, region: string, type: string): PlannedResource[] {
    const video = one(p, "live-commerce:alicloud:Video", `lc-${region}-video`);
    return p.resources.filter((r) => r.type === type && r.parent === video.urn);
}

describe("live video layer in the offline plan", function () {
    const plan = useGlobalPlans();

    it("every stage has a video component per region, under the region's provider", () => {
        for (const stack of STACKS) {
            const p = plan(stack);
            const cloud = stack.endsWith("aws") ? "aws" : "alicloud";
            const regions = ofType(p, `live-commerce:${cloud}:Region`).map((r) => r.name);
            assert.deepStrictEqual(ofType(p, `live-commerce:${cloud}:Video`).map((v) => v.name).sort(), regions.map((r) => `${r}-video`).sort(), stack);
        }
    });

    it("AWS: one low-latency STANDARD IVS channel per region (1080p passed through, 720p/480p transcoded), public playback", () => {
        for (const stack of ["startup-aws", "growth-aws", "mature-aws"] as const) {
            const channels = ofType(plan(stack), "aws:ivs/channel:Channel");
            assert.strictEqual(channels.length, stack === "mature-aws" ? 2 : 1, stack);
            for (const c of channels) {
                assert.deepStrictEqual([c.inputs.latencyMode, c.inputs.type, c.inputs.authorized], ["LOW", "STANDARD", false], c.name);
                assert.ok(c.provider?.includes(`lc-provider-${c.name.replace(/^lc-/, "").replace(/-video-channel$/, "")}`), `${c.name} under its region's provider`);
            }
        }
        const outputs = at(plan("mature-aws").outputs, "regions", "us-west-2", "video");
        assert.match(String(at(outputs, "rtmpsIngestUrl")), /^rtmps:\/\/[0-9a-f]+\.global-contribute\.live-video\.net:443\/app\/$/);
        assert.match(String(at(outputs, "playbackUrl")), /^https:\/\/.*\.us-west-2\.playback\.live-video\.net\/.*\.m3u8$/);
        assert.strictEqual(at(outputs, "recording"), true);
    });

    it("AWS: every region's channel records to that region's media bucket, under that region's provider", () => {
        for (const stack of ["startup-aws", "growth-aws", "mature-aws"] as const) {
            const p = plan(stack);
            const regions = stack === "mature-aws" ? ["us-east-1", "us-west-2"] : ["us-east-1"];
            assert.deepStrictEqual(ofType(p, "aws:ivs/recordingConfiguration:RecordingConfiguration").map((r) => r.name).sort(), regions.map((r) => `lc-${r}-video-recording`).sort(), stack);
            for (const region of regions) {
                const recording = one(p, "aws:ivs/recordingConfiguration:RecordingConfiguration", `lc-${region}-video-recording`);
                const bucket = regionOutput(p, region, "mediaBucket");
                assert.deepStrictEqual(recording.inputs.destinationConfiguration, { s3: { bucketName: bucket } }, `${stack} ${region}`);
                // The region's media bucket, by the name the provider generates for it.
                assert.strictEqual(one(p, "aws:s3/bucket:Bucket", `lc-${region}-storage-media`).inputs.bucket, undefined);
                assert.strictEqual(bucket, generatedName(`lc-${region}-storage-media`));
                assert.strictEqual(recording.provider?.split("::")[3], `lc-provider-${region}`);
                assert.match(String(one(p, "aws:ivs/channel:Channel", `lc-${region}-video-channel`).inputs.recordingConfigurationArn), new RegExp(`^arn:aws:ivs:${region}:`));
            }
        }
    });

    it("Alibaba Cloud: every region's transcoders upload recordings to that region's bucket, with a role limited to it", () => {
        const p = plan("mature-alicloud");
        for (const region of ["cn-hangzhou", "cn-shanghai", "ap-southeast-1"]) {
            const launch = one(p, "alicloud:ess/scalingConfiguration:ScalingConfiguration", `lc-${region}-video-launch`);
            const bucket = regionOutput(p, region, "mediaBucket");
            assert.strictEqual(bucket, generatedName(`lc-${region}-storage-media`));
            assert.match(String(launch.inputs.userData), new RegExp(`BUCKET=${String(bucket)}\n`), region);
            assert.strictEqual(launch.inputs.roleName, `lc-${region}-video-transcoder`);
            const policy: unknown = JSON.parse(String(one(p, "alicloud:ram/policy:Policy", `lc-${region}-video-record`).inputs.policyDocument));
            assert.deepStrictEqual(at(policy, "Statement"), [{ Effect: "Allow", Action: ["oss:PutObject"], Resource: [`acs:oss:*:*:${String(bucket)}/recordings/*`] }], region);
        }
    });

    it("Alibaba Cloud: the play domain is a video CDN domain over the NLB's HTTP listener (no unmapped ApsaraVideo Live play domain)", () => {
        for (const stack of ["startup-alicloud", "growth-alicloud", "mature-alicloud"] as const) {
            const p = plan(stack);
            assert.deepStrictEqual(ofType(p, "alicloud:live/domain:Domain"), [], stack);
            for (const region of ofType(p, "live-commerce:alicloud:Region").map((r) => r.name.replace(/^lc-/, ""))) {
                const play = one(p, "alicloud:cdn/domainNew:DomainNew", `lc-${region}-video-play-domain`);
                const nlb = one(p, "alicloud:nlb/loadBalancer:LoadBalancer", `lc-${region}-video-nlb`);
                assert.deepStrictEqual([play.inputs.domainName, play.inputs.cdnType], [`play-${region}.live.example.com`, "video"]);
                assert.deepStrictEqual(list(play.inputs.sources).map((s) => [at(s, "type"), at(s, "port"), at(s, "priority")]), [["domain", 80, 20]]);
                assert.deepStrictEqual(play.propertyDependencies?.sources, [nlb.urn]);
                const listener = one(p, "alicloud:nlb/listener:Listener", `lc-${region}-video-listener-http`);
                assert.deepStrictEqual([listener.inputs.listenerProtocol, listener.inputs.listenerPort], ["TCP", 80]);
                assert.strictEqual(one(p, "alicloud:ess/serverGroupAttachment:ServerGroupAttachment", `lc-${region}-video-attach-http`).inputs.port, 8080);
                // each group's health check probes what its listener needs answered: RTMP for ingest, HTTP for the play origin
                assert.deepStrictEqual(["rtmp", "srt", "http"].map((g) => at(one(p, "alicloud:nlb/serverGroup:ServerGroup", `lc-${region}-video-servers-${g}`).inputs, "healthCheck", "healthCheckConnectPort")), [1935, 1935, 8080]);
                // viewers: HTTPS only, TLS >= 1.2; the CDN fetches from the media servers over HTTP (they serve no TLS)
                const fn = (role: string): unknown => one(p, "alicloud:cdn/domainConfig:DomainConfig", `lc-${region}-video-play-${role}`).inputs.functionArgs;
                assert.deepStrictEqual(fn("https-force"), [{ argName: "enable", argValue: "on" }, { argName: "https_rediret_code", argValue: "301" }]);
                assert.deepStrictEqual(fn("origin-http"), [{ argName: "enable", argValue: "on" }, { argName: "scheme_origin", argValue: "http" }]);
                assert.strictEqual(at(play.inputs, "certificateConfig", "serverCertificateStatus"), "on");
            }
        }
    });

    it("Alibaba Cloud startup (two zones, as every region now lists): self-run transcoders, 2 to 4, behind the ingest NLB over both zones", () => {
        const p = plan("startup-alicloud");
        const nlb = one(p, "alicloud:nlb/loadBalancer:LoadBalancer", "lc-cn-hangzhou-video-nlb");
        assert.deepStrictEqual(list(at(nlb.inputs, "zoneMappings")).map((m) => at(m, "zoneId")), ["cn-hangzhou-h", "cn-hangzhou-i"]);
        assert.deepStrictEqual(ofVideo(p, "cn-hangzhou", "alicloud:ess/scalingGroup:ScalingGroup").map((g) => [g.name, g.inputs.minSize, g.inputs.maxSize]), [["lc-cn-hangzhou-video-asg", 2, 4]]);
        assert.strictEqual(ofType(p, "alicloud:ess/scalingGroup:ScalingGroup").length, 2, "the app tier's group and the transcoders'");
    });

    it("a one-zone region is refused before any resource is declared: both load balancers need two zones", () => {
        const issues = configIssues(rawConfig("startup", "alicloud", { regions: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h"] }] }));
        assert.deepStrictEqual(
            issues.filter((i) => i.startsWith("regions[0].zones:")),
            [
                "regions[0].zones: the load balancer needs >= 2 zones of cn-hangzhou (got 1); allowed: list a second zone (a startup stack still keeps its database and cache in the first zone)",
            ],
        );
    });

    it("Alibaba Cloud growth: transcoders over both zones behind an internet NLB with RTMP 1935/TCP, SRT 10080/UDP and the play origin 80/TCP", () => {
        const p = plan("growth-alicloud");
        const nlb = one(p, "alicloud:nlb/loadBalancer:LoadBalancer", "lc-cn-hangzhou-video-nlb");
        assert.deepStrictEqual([nlb.inputs.addressType, nlb.inputs.crossZoneEnabled], ["Internet", true]);
        assert.deepStrictEqual(list(at(nlb.inputs, "zoneMappings")).map((m) => at(m, "zoneId")), ["cn-hangzhou-h", "cn-hangzhou-i"]);
        // the NLB in the app vSwitches; the transcoders in their own (below)
        const vswitchId = (name: string) => one(p, "alicloud:vpc/switch:Switch", name).id;
        assert.deepStrictEqual(list(at(nlb.inputs, "zoneMappings")).map((m) => at(m, "vswitchId")), ["lc-cn-hangzhou-network-vsw-cn-hangzhou-h", "lc-cn-hangzhou-network-vsw-cn-hangzhou-i"].map(vswitchId));
        const listeners = ofType(p, "alicloud:nlb/listener:Listener").map((l) => [l.name, l.inputs.listenerProtocol, l.inputs.listenerPort]);
        assert.deepStrictEqual(listeners.sort(), [
            ["lc-cn-hangzhou-video-listener-http", "TCP", 80],
            ["lc-cn-hangzhou-video-listener-rtmp", "TCP", 1935],
            ["lc-cn-hangzhou-video-listener-srt", "UDP", 10080],
        ]);
        const groups = ofType(p, "alicloud:nlb/serverGroup:ServerGroup");
        assert.deepStrictEqual(groups.map((g) => [g.inputs.protocol, g.inputs.scheduler, at(g.inputs, "healthCheck", "healthCheckInterval"), at(g.inputs, "healthCheck", "unhealthyThreshold")]).sort(), [
            ["TCP", "Sch", 5, 2],
            ["TCP", "Sch", 5, 2],
            ["UDP", "Sch", 5, 2],
        ]);
        const asg = one(p, "alicloud:ess/scalingGroup:ScalingGroup", "lc-cn-hangzhou-video-asg");
        assert.deepStrictEqual([asg.inputs.minSize, asg.inputs.maxSize, asg.inputs.multiAzPolicy], [2, 12, "BALANCE"]);
        assert.deepStrictEqual(list(at(asg.inputs, "vswitchIds")), ["lc-cn-hangzhou-network-vsw-media-cn-hangzhou-h", "lc-cn-hangzhou-network-vsw-media-cn-hangzhou-i"].map(vswitchId), "the transcoders' own vSwitches, not the app vSwitches the whitelists admit");
        // no transcoder launches before its vSwitch has egress (the boot downloads Docker and the SRS image)
        const urnOf = (name: string) => p.resources.find((r) => r.name === name)?.urn ?? assert.fail(`no ${name}`);
        for (const zone of ["cn-hangzhou-h", "cn-hangzhou-i"]) {
            for (const egress of [`lc-cn-hangzhou-network-snat-media-${zone}`, `lc-cn-hangzhou-network-rta-media-${zone}`]) assert.ok(asg.dependencies?.includes(urnOf(egress)), `the group waits for ${egress}`);
        }
        const launch = one(p, "alicloud:ess/scalingConfiguration:ScalingConfiguration", "lc-cn-hangzhou-video-launch");
        assert.deepStrictEqual([launch.inputs.instanceType, launch.inputs.systemDiskEncrypted], ["ecs.c7.4xlarge", true]);
        assert.deepStrictEqual(list(at(launch.inputs, "securityGroupIds")), [one(p, "alicloud:ecs/securityGroup:SecurityGroup", "lc-cn-hangzhou-video-sg-ingest").id], "the ingest group only, not the app group the data tier admits");
        // the media server the NLB health checks reach: the pinned SRS image with the ladder's engines
        assert.match(String(launch.inputs.userData), /registry\.cn-hangzhou\.aliyuncs\.com\/ossrs\/srs:v5\.0\.60 \.\/objs\/srs -c conf\/live\.conf/);
        assert.match(String(launch.inputs.userData), /engine 1080p \{[\s\S]*engine 720p \{[\s\S]*engine 480p \{/);
        const attachments = ofType(p, "alicloud:ess/serverGroupAttachment:ServerGroupAttachment").map((a) => [a.inputs.type, a.inputs.port]);
        assert.deepStrictEqual(attachments.sort(), [["NLB", 10080], ["NLB", 1935], ["NLB", 8080]]);
        const ingressRules = ofType(p, "alicloud:ecs/securityGroupRule:SecurityGroupRule").filter((r) => r.name.includes("-video-"));
        assert.deepStrictEqual(ingressRules.map((r) => [r.inputs.ipProtocol, r.inputs.portRange, r.inputs.cidrIp]).sort(), [
            ["tcp", "1935/1935", "0.0.0.0/0"],
            ["tcp", "8080/8080", "0.0.0.0/0"],
            ["udp", "10080/10080", "0.0.0.0/0"],
        ]);
    });

    it("Alibaba Cloud transcoders scale on CPU with the app tier's thresholds: out > 70% by 100%, in < 30% by 25% (at least 1)", () => {
        const p = plan("mature-alicloud");
        const alarms = ofVideo(p, "cn-hangzhou", "alicloud:ess/alarm:Alarm");
        assert.deepStrictEqual(alarms.map((a) => [a.name, a.inputs.metricName, a.inputs.comparisonOperator, a.inputs.threshold, a.inputs.evaluationCount]).sort(), [
            ["lc-cn-hangzhou-video-alarm-in-cpuPercent", "CpuUtilization", "<", "30", 10],
            ["lc-cn-hangzhou-video-alarm-out-cpuPercent", "CpuUtilization", ">", "70", 1],
        ]);
        const out = one(p, "alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-video-rule-out");
        assert.deepStrictEqual([out.inputs.adjustmentType, out.inputs.adjustmentValue, out.inputs.minAdjustmentMagnitude], ["PercentChangeInCapacity", 100, 2]);
        const inRule = one(p, "alicloud:ess/scalingRule:ScalingRule", "lc-cn-hangzhou-video-rule-in");
        assert.deepStrictEqual([inRule.inputs.adjustmentType, inRule.inputs.adjustmentValue, inRule.inputs.minAdjustmentMagnitude], ["PercentChangeInCapacity", -25, 1]);
        assert.strictEqual(ofType(p, "alicloud:nlb/loadBalancer:LoadBalancer").length, 3, "one ingest NLB per region");
    });

    it("removing a region from a mature stack removes its video layer", () => {
        const three = plan("ali-three");
        const two = plan("ali-two");
        const videos = (p: Plan): string[] => ofType(p, "live-commerce:alicloud:Video").map((v) => v.name).sort();
        assert.deepStrictEqual(videos(three), ["lc-ap-southeast-1-video", "lc-cn-hangzhou-video", "lc-cn-shanghai-video"]);
        assert.deepStrictEqual(videos(two), ["lc-cn-hangzhou-video", "lc-cn-shanghai-video"]);
        const plays = (p: Plan): number => ofType(p, "alicloud:cdn/domainNew:DomainNew").filter((d) => d.inputs.cdnType === "video").length;
        assert.deepStrictEqual([plays(three), plays(two)], [3, 2]);
        assert.strictEqual(ofType(three, "alicloud:nlb/loadBalancer:LoadBalancer").length - ofType(two, "alicloud:nlb/loadBalancer:LoadBalancer").length, 1);
        assert.ok(!two.resources.some((r) => r.name.includes("ap-southeast-1")));
    });

    it("given the region's recordings bucket, IVS records to it and the transcoders write recordings there", async () => {
        const bucket = "recordings-test-bucket";
        const dir = stackDir({ aws: stackFile(rawConfig("growth", "aws")), ali: stackFile(rawConfig("growth", "alicloud")) });
        const program = async (): Promise<Record<string, unknown>> => {
            const { readSpec } = await import("../../stacks/program");
            const spec = readSpec();
            const { baseTags, transcodeTier, videoHostnames } = await import("../../components/model");
            const region = spec.regions[0];
            const tags = baseTags(spec, region.name);
            if (spec.cloud === "aws") {
                const { Video } = await import("../../components/aws");
                new Video("test-video", { recordingBucketName: bucket, tags });
            } else {
                const { Network, Video } = await import("../../components/alicloud");
                const { planRegionNetwork, planTranscoderSubnets } = await import("../../components/model");
                const plan = planRegionNetwork(spec, region);
                const network = new Network("test-network", { plan, transcoderSubnets: planTranscoderSubnets(plan), tags });
                new Video("test-video", { region: region.name, liveRegion: region.name, hostnames: videoHostnames(spec, region.name), tier: transcodeTier(spec, region), schedule: { tier: "transcoders", plannedAt: 0, oneOff: [], recurring: [] }, imageId: spec.video.transcoderImageId, network, recordingBucketName: bucket, stackRegions: [region.name], certificateId: null, certificateNames: [], tags });
            }
            return { stage: spec.stage, cloud: spec.cloud };
        };
        const aws = await planProgram("aws", program, dir);
        const recording = one(aws, "aws:ivs/recordingConfiguration:RecordingConfiguration", "test-video-recording");
        assert.deepStrictEqual(recording.inputs.destinationConfiguration, { s3: { bucketName: bucket } });
        assert.deepStrictEqual(recording.inputs.thumbnailConfiguration, { recordingMode: "INTERVAL", targetIntervalSeconds: 60 });
        assert.match(String(one(aws, "aws:ivs/channel:Channel", "test-video-channel").inputs.recordingConfigurationArn), /^arn:aws:ivs:/);
        const ali = await planProgram("ali", program, dir);
        const launch = one(ali, "alicloud:ess/scalingConfiguration:ScalingConfiguration", "test-video-launch");
        // the uploader PUTs to the bucket, and the role may PutObject below recordings/ of exactly that bucket
        assert.match(String(launch.inputs.userData), /BUCKET=recordings-test-bucket\n/);
        assert.strictEqual(launch.inputs.roleName, one(ali, "alicloud:ram/role:Role", "test-video-role").inputs.roleName);
        assert.deepStrictEqual(JSON.parse(String(one(ali, "alicloud:ram/policy:Policy", "test-video-record").inputs.policyDocument)), {
            Version: "1",
            Statement: [{ Effect: "Allow", Action: ["oss:PutObject"], Resource: ["acs:oss:*:*:recordings-test-bucket/recordings/*"] }],
        });
    });
});
