import * as assert from "assert";

import { estimate, targetFindings } from "../../policies/availability/estimate";
import { monthlyDowntimeMinutes, parallel, serial } from "../../policies/availability/math";
import { Node } from "../../policies/availability/tiers";

const close = (a: number, b: number): void => assert.ok(Math.abs(a - b) < 1e-9, `${a} != ${b}`);

describe("availability maths", () => {
    const serialCases: [number[], number][] = [[[0.9999], 0.9999], [[0.9999, 0.9999], 0.99980001], [[0.99995, 0.99995, 0.9995, 0.99995], 0.99995 * 0.99995 * 0.9995 * 0.99995]];
    for (const [parts, want] of serialCases) it(`serial ${parts.join(" x ")}`, () => close(serial(parts), want));
    const parallelCases: [number[], number][] = [[[0.99], 0.99], [[0.99, 0.99], 0.9999], [[0.999, 0.999, 0.999], 1 - 1e-9]];
    for (const [parts, want] of parallelCases) it(`parallel ${parts.join(" | ")}`, () => close(parallel(parts), want));
    it("99.99% is 4.32 minutes of downtime a month", () => close(monthlyDowntimeMinutes(0.9999), 4.32));
});

const n = (type: string, props: Record<string, unknown>, region: string | undefined, name = type): Node => ({ urn: `urn:${region}:${name}`, type, props, region });
const awsRegion = (r: string): Node[] => [
    n("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] }, r),
    n("aws:lb/targetGroup:TargetGroup", { healthCheck: { interval: 5, unhealthyThreshold: 2 } }, r),
    n("aws:autoscaling/group:Group", { vpcZoneIdentifiers: ["a", "b"], minSize: 2 }, r),
    n("aws:rds/cluster:Cluster", { engine: "aurora-mysql" }, r),
    n("aws:rds/clusterInstance:ClusterInstance", {}, r, "i1"),
    n("aws:rds/clusterInstance:ClusterInstance", {}, r, "i2"),
];
const steering = n("aws:route53/record:Record", { healthCheckId: "hc", failoverRoutingPolicies: [{ type: "PRIMARY" }] }, undefined);

describe("availability estimate", () => {
    it("has nothing to estimate for a network-only stack", () => {
        const e = estimate([n("aws:ec2/vpc:Vpc", {}, "r1")]);
        assert.strictEqual(e.status, "no-request-path");
        assert.deepStrictEqual(targetFindings(e), []);
    });
    it("multiplies tiers in series within a region", () => {
        const e = estimate(awsRegion("r1"));
        assert.strictEqual(e.status, "estimated");
        close(e.regions[0].percent ?? 0, 99.99 * 0.9999 * 0.9999);
        assert.ok(targetFindings(e).some((f) => f.message.includes("below")));
    });
    it("combines regions in parallel behind health-checked steering", () => {
        const e = estimate([...awsRegion("r1"), ...awsRegion("r2"), steering]);
        assert.ok(e.regionsInParallel);
        assert.ok((e.percent ?? 0) >= 99.99);
        assert.deepStrictEqual(targetFindings(e), []);
    });
    it("does not count regions as redundant without steering", () => {
        const e = estimate([...awsRegion("r1"), ...awsRegion("r2")]);
        assert.ok(!e.regionsInParallel);
        assert.ok(e.findings.some((f) => f.message.includes("no health-checked global steering")));
    });
    it("reports unknown resources and missing tiers as model findings", () => {
        const e = estimate([...awsRegion("r1"), n("aws:dynamodb/table:Table", {}, "r1")]);
        assert.strictEqual(e.status, "incomplete");
        assert.ok(e.findings.some((f) => f.message.includes("aws:dynamodb/table:Table is not in the availability model")));
        const partial = estimate([n("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] }, "r1")]);
        assert.ok(partial.findings.some((f) => f.message.includes("no compute tier")));
        assert.strictEqual(partial.percent, null);
    });
    it("a service without a published figure makes the estimate an upper bound, never 100%", () => {
        const gtm = n("alicloud:dns/gtmInstance:GtmInstance", {}, undefined);
        const e = estimate([...awsRegion("r1"), gtm]);
        assert.strictEqual(e.status, "upper-bound");
        assert.ok(e.unverified.some((f) => f.message.includes("no published availability figure for alicloud.gtm")));
        close(e.percent ?? 0, Math.floor(99.99 * 0.9999 * 0.9999 * 1e5) / 1e5);
        assert.ok(targetFindings(e).some((f) => f.message.startsWith("at most")));
    });
    it("keeps Kafka off the synchronous request path (orders commit to the database, events leave through an outbox)", () => {
        const e = estimate([...awsRegion("r1"), n("aws:msk/cluster:Cluster", {}, "r1"), n("alicloud:alikafka/instance:Instance", {}, "r1")]);
        assert.strictEqual(e.status, "estimated");
        assert.deepStrictEqual(e.regions[0].tiers.map((t) => t.tier), ["loadBalancer", "compute", "database"]);
    });
    it("lets the config override figures and failover times", () => {
        const gtm = n("alicloud:dns/gtmInstance:GtmInstance", {}, undefined);
        const e = estimate([...awsRegion("r1"), gtm], { targetPercent: 99.9, failoverBudgetSeconds: 30, figures: { "alicloud.gtm": 99.99 }, failoverSeconds: { "aws.aurora.replica": 25 }, offPathTypes: [] });
        assert.strictEqual(e.status, "estimated");
        assert.deepStrictEqual([...e.failoverFindings, ...e.failoverUnverified], []);
    });
    it("checks the 30 s failover budget per in-region tier: over, borderline, within", () => {
        const aurora = estimate(awsRegion("r1"));
        assert.deepStrictEqual(aurora.failoverFindings, []);
        assert.ok(aurora.failoverUnverified.some((f) => f.message.includes("straddles the 30 s budget")));
        assert.ok(aurora.failover.some((f) => f.tier === "compute" && f.seconds === 10 && f.status === "within"));
        const rds = estimate([...awsRegion("r1").filter((x) => !x.type.startsWith("aws:rds/")), n("aws:rds/instance:Instance", { multiAz: true }, "r1")]);
        assert.ok(rds.failoverFindings.some((f) => f.message.includes("failover takes 120 s")));
        const single = estimate([...awsRegion("r1").filter((x) => !x.type.startsWith("aws:rds/")), n("aws:rds/instance:Instance", {}, "r1")]);
        assert.ok(single.failoverFindings.some((f) => f.message.includes("no standby")));
        const slowChecks = estimate(awsRegion("r1").map((x) => (x.type === "aws:lb/targetGroup:TargetGroup" ? { ...x, props: { healthCheck: { interval: 30, unhealthyThreshold: 3 } } } : x)));
        assert.ok(slowChecks.failoverFindings.some((f) => f.message.includes("compute tier in r1: failover takes 90 s")));
    });
    it("counts a cluster's per-zone node pools as one compute element over their zones", () => {
        const pools = ["a", "b"].map((z) => n("aws:eks/nodeGroup:NodeGroup", { clusterName: "c", subnetIds: [z], scalingConfig: { minSize: 1 } }, "r1", `pool-${z}`));
        const e = estimate([...awsRegion("r1"), ...pools]);
        const compute = e.regions[0].tiers.find((t) => t.tier === "compute");
        assert.deepStrictEqual(compute?.components.map((c) => c.figure), ["aws.ec2.multi-az", "aws.ec2.multi-az"]);
    });
});
