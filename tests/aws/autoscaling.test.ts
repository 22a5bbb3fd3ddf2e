import * as assert from "assert";

import { STAGE_PRESETS, instanceTypeFor } from "../../components/model";
import { AWS_DEFAULT_IMAGE, EC2_CATALOGUE } from "../../components/aws/catalogue";
import { mockId } from "../../tools/lib/mocks";
import { at, childrenOf, countByType, ofType, one, plan, regionOutput, strings } from "./plans";

const GROUP = "aws:autoscaling/group:Group";
const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";

describe("aws AutoScaling", () => {
    it("startup: exactly one group, one launch template, two step policies and two alarms, the publisher's role and instance profile, 2 x 4 vCPU / 8 GiB", async () => {
        const p = await plan("startup-aws");
        assert.deepStrictEqual(countByType(childrenOf(p, "lc-us-east-1-app")), {
            "aws:autoscaling/group:Group": 1,
            "aws:ec2/launchTemplate:LaunchTemplate": 1,
            "aws:autoscaling/policy:Policy": 2,
            "aws:cloudwatch/metricAlarm:MetricAlarm": 2,
            "aws:iam/role:Role": 1,
            "aws:iam/rolePolicy:RolePolicy": 1,
            "aws:iam/instanceProfile:InstanceProfile": 1,
        });
        const group = one(p, GROUP);
        assert.strictEqual(at(group, "minSize"), 2);
        assert.strictEqual(at(one(p, TEMPLATE), "instanceType"), "c6i.xlarge");
        assert.strictEqual(at(one(p, TEMPLATE), "instanceType"), instanceTypeFor(EC2_CATALOGUE, STAGE_PRESETS.startup.spec.app.size));
    });

    it("growth on compute vm: the group spans every zone's private subnet with ELB health checks and rolling refresh", async () => {
        const p = await plan("growth-vm-aws");
        const group = one(p, GROUP);
        const subnets = strings(at(group, "vpcZoneIdentifiers"));
        assert.deepStrictEqual(subnets, regionOutput(p, "us-east-1", "privateSubnetIds"));
        const zoneOf = new Map(ofType(p, "aws:ec2/subnet:Subnet").map((s) => [mockId(s.type, s.name), at(s, "availabilityZone")]));
        assert.deepStrictEqual(subnets.map((id) => zoneOf.get(id)), ["us-east-1a", "us-east-1b"]);
        assert.strictEqual(at(group, "healthCheckType"), "ELB");
        assert.strictEqual(at(group, "healthCheckGracePeriod"), STAGE_PRESETS.growth.spec.app.healthCheckGracePeriodSeconds);
        assert.strictEqual(at(group, "capacityRebalance"), true);
        assert.strictEqual(at(group, "instanceRefresh", "strategy"), "Rolling");
        assert.strictEqual(at(group, "instanceRefresh", "preferences", "minHealthyPercentage"), 90);
        // compute vm: the app group serves the three routes; no cluster nodes attach to them
        assert.strictEqual(strings(at(group, "targetGroupArns")).length, 3);
        assert.strictEqual(ofType(p, "aws:autoscaling/attachment:Attachment").length, 0);
        // compute kubernetes (the growth default): the node groups are attached to the target groups, one per route and zone
        assert.strictEqual(ofType(await plan("growth-aws"), "aws:autoscaling/attachment:Attachment").length, 3 * 2);
        assert.strictEqual(at(group, "minSize"), 4);
        assert.strictEqual(at(group, "maxSize"), 40);
    });

    it("launch template: IMDSv2 required, encrypted root volume, app security group, stock image by SSM", async () => {
        const p = await plan("growth-vm-aws");
        const t = one(p, TEMPLATE, "-app-launch-template");
        assert.strictEqual(at(t, "metadataOptions", "httpTokens"), "required");
        assert.strictEqual(at(t, "blockDeviceMappings", 0, "ebs", "encrypted"), "true");
        assert.strictEqual(at(t, "imageId"), AWS_DEFAULT_IMAGE);
        const appSg = one(p, "aws:ec2/securityGroup:SecurityGroup", "-sg-app");
        assert.deepStrictEqual(strings(at(t, "vpcSecurityGroupIds")), [mockId(appSg.type, appSg.name)]);
    });

    it("app servers publish ConnectionsPerInstance per AutoScalingGroupName with an instance profile allowed exactly PutMetricData into LiveCommerce/App", async () => {
        const p = await plan("growth-vm-aws");
        const t = one(p, TEMPLATE, "-app-launch-template");
        const role = one(p, "aws:iam/role:Role", "-app-role");
        assert.deepStrictEqual(JSON.parse(String(at(role, "assumeRolePolicy"))), { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
        const policy = one(p, "aws:iam/rolePolicy:RolePolicy", "-app-publish-metrics");
        assert.strictEqual(at(policy, "role"), role.name);
        assert.deepStrictEqual(JSON.parse(String(at(policy, "policy"))), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "LiveCommerce/App" } } }],
        });
        const profile = one(p, "aws:iam/instanceProfile:InstanceProfile", "-app-profile");
        assert.strictEqual(at(profile, "role"), role.name);
        assert.strictEqual(at(t, "iamInstanceProfile", "arn"), `arn:aws:iam:us-east-1:123456789012:${mockId(profile.type, profile.name)}`);
        assert.strictEqual(at(t, "metadataOptions", "instanceMetadataTags"), "enabled");
        const userData = Buffer.from(String(at(t, "userData")), "base64").toString("utf8");
        // Nothing is published until the app answers /ready: a booting instance's 0 would pull the group's Average down mid-jump.
        assert.ok(userData.includes("curl -fs -o /dev/null --max-time 2 http://127.0.0.1:8080/ready || exit 0\ncount=$(ss -Htn state established '( sport = :8080 )' | wc -l)"), userData);
        assert.ok(userData.includes("meta-data/tags/instance/aws:autoscaling:groupName"), userData);
        assert.ok(userData.includes('aws cloudwatch put-metric-data --region "$region" --namespace LiveCommerce/App --metric-name ConnectionsPerInstance --dimensions "AutoScalingGroupName=$group" --unit Count --value "$count"'), userData);
        assert.ok(userData.includes("systemctl enable --now live-commerce-connections.timer"), userData);
    });

    it("scaling policies are step policies: out in steps proportional to the breach ratio, in by 25% (at least 1)", async () => {
        const p = await plan("growth-vm-aws");
        const out = one(p, "aws:autoscaling/policy:Policy", "-scale-out");
        const inn = one(p, "aws:autoscaling/policy:Policy", "-scale-in");
        assert.strictEqual(at(out, "policyType"), "StepScaling");
        assert.strictEqual(at(out, "adjustmentType"), "PercentChangeInCapacity");
        assert.strictEqual(at(out, "minAdjustmentMagnitude"), 2);
        // Intervals of the ratio above the alarm threshold 1: [1x, 2x) +100 %, [2x, 4x) +300 %, [4x, 8x) +700 %, 8x and more +900 %.
        assert.deepStrictEqual(at(out, "stepAdjustments"), [
            { metricIntervalLowerBound: "0", metricIntervalUpperBound: "1", scalingAdjustment: 100 },
            { metricIntervalLowerBound: "1", metricIntervalUpperBound: "3", scalingAdjustment: 300 },
            { metricIntervalLowerBound: "3", metricIntervalUpperBound: "7", scalingAdjustment: 700 },
            { metricIntervalLowerBound: "7", scalingAdjustment: 900 },
        ]);
        assert.strictEqual(at(inn, "adjustmentType"), "PercentChangeInCapacity");
        assert.strictEqual(at(inn, "minAdjustmentMagnitude"), 1);
        assert.deepStrictEqual(at(inn, "stepAdjustments"), [{ metricIntervalLowerBound: "0", scalingAdjustment: -25 }]);
    });

    it("scale-out alarm: the breach ratio MAX([connections/5000, cpu/70]) above 1, i.e. connections > 5000 OR CPU > 70", async () => {
        const p = await plan("growth-vm-aws");
        const alarm = one(p, "aws:cloudwatch/metricAlarm:MetricAlarm", "-scale-out-alarm");
        assert.strictEqual(at(alarm, "comparisonOperator"), "GreaterThanThreshold");
        assert.strictEqual(at(alarm, "threshold"), 1);
        assert.strictEqual(at(alarm, "metricQueries", 2, "expression"), "MAX([FILL(connections, 0) / 5000, FILL(cpu, 0) / 70])");
        assert.strictEqual(at(alarm, "metricQueries", 2, "returnData"), true);
    });

    it("warm pool: stopped instances prepared up to 10x the floor (capped at maxSize), returned on scale-in", async () => {
        const rows = [];
        for (const stack of ["startup-aws", "growth-vm-aws"] as const) rows.push(at(one(await plan(stack), GROUP), "warmPool"));
        assert.deepStrictEqual(rows, [
            { instanceReusePolicy: { reuseOnScaleIn: true }, maxGroupPreparedCapacity: 6, minSize: 0, poolState: "Stopped" },
            { instanceReusePolicy: { reuseOnScaleIn: true }, maxGroupPreparedCapacity: 40, minSize: 0, poolState: "Stopped" },
        ]);
    });

    it("a live event announced in Asia/Shanghai becomes two one-off bound changes at the right UTC instants, without timeZone", async () => {
        const p = await plan("events-aws");
        const schedules = p.resources.filter((r) => r.type === "aws:autoscaling/schedule:Schedule");
        assert.strictEqual(schedules.length, 2);
        const pre = one(p, "aws:autoscaling/schedule:Schedule", "-schedule-double-eleven-prescale");
        const rel = one(p, "aws:autoscaling/schedule:Schedule", "-schedule-double-eleven-release");
        // 20:00 +08:00 is 12:00 UTC; pre-scale 30 minutes before. 23:30 +08:00 is 15:30 UTC; release 30 minutes after.
        assert.strictEqual(at(pre, "startTime"), "2099-11-11T11:30:00Z");
        assert.strictEqual(at(rel, "startTime"), "2099-11-11T16:00:00Z");
        assert.strictEqual(at(pre, "timeZone"), undefined);
        assert.strictEqual(at(pre, "recurrence"), undefined);
        // 60,000 viewers / (5,000 x 0.8) = 15 instances, a multiple of the 3 zones.
        // Bounds only: desiredCapacity -1 leaves the running capacity to the metric rules (never a jump to minSize).
        assert.deepStrictEqual([at(pre, "minSize"), at(pre, "maxSize"), at(pre, "desiredCapacity")], [15, 40, -1]);
        assert.deepStrictEqual([at(rel, "minSize"), at(rel, "maxSize"), at(rel, "desiredCapacity")], [4, 40, -1]);
    });
});
