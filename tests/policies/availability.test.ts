import * as assert from "assert";

import { estimate, targetFindings } from "../../policies/availability/estimate";
import { flowTargetFindings } from "../../policies/availability/flows";
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
/**
 * The region's two subnets, `a` and `b`, in two zones: a subnet id counts as the zone of the subnet
 * of the stack it names, never as a zone of its own (policies/lib/zones.ts).
 */
const subnets = (r: string): Node[] => ["a", "b"].map((id) => n("aws:ec2/subnet:Subnet", { id, availabilityZone: `${r}${id}` }, r, `subnet-${id}`));
const awsRegion = (r: string): Node[] => [
    ...subnets(r),
    n("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] }, r),
    n("aws:lb/targetGroup:TargetGroup", { healthCheck: { interval: 5, unhealthyThreshold: 2 } }, r),
    n("aws:autoscaling/group:Group", { vpcZoneIdentifiers: ["a", "b"], minSize: 2 }, r),
    n("aws:rds/cluster:Cluster", { engine: "aurora-mysql" }, r),
    n("aws:rds/clusterInstance:ClusterInstance", {}, r, "i1"),
    n("aws:rds/clusterInstance:ClusterInstance", {}, r, "i2"),
];
const lbUrn = (r: string): string => `urn:${r}:aws:lb/loadBalancer:LoadBalancer`;
const clusterUrn = (r: string): string => `urn:${r}:aws:rds/cluster:Cluster`;
const withDeps = (node: Node, deps: Record<string, string[]>): Node => ({ ...node, deps });
/** A Route 53 health check of the region's load balancer and a latency record aliasing it with that check. */
const regionSteering = (r: string): Node[] => [
    withDeps(n("aws:route53/healthCheck:HealthCheck", { type: "HTTPS" }, undefined, `hc-${r}`), { fqdn: [lbUrn(r)] }),
    withDeps(n("aws:route53/record:Record", { healthCheckId: `hc-${r}`, latencyRoutingPolicies: [{ region: r }], aliases: [{ name: `alb.${r}`, evaluateTargetHealth: true }] }, undefined, `latency-${r}`), { healthCheckId: [`urn:undefined:hc-${r}`], aliases: [lbUrn(r)] }),
];
/** An Aurora global cluster created from r1's cluster, with r2's cluster a write-forwarding secondary. */
const globalDatabase = (): Node[] => [withDeps(n("aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: "g" }, undefined, "global"), { sourceDbClusterIdentifier: [clusterUrn("r1")] })];
const secondary = (region: Node[]): Node[] => region.map((x) => (x.type === "aws:rds/cluster:Cluster" ? withDeps({ ...x, props: { ...x.props, globalClusterIdentifier: "g", enableGlobalWriteForwarding: true } }, { globalClusterIdentifier: ["urn:undefined:global"] }) : x));
/** Two AWS regions under one global database, each with its steering health check. */
const twoRegions = (): Node[] => [...awsRegion("r1"), ...secondary(awsRegion("r2")), ...globalDatabase(), ...regionSteering("r1"), ...regionSteering("r2")];

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
    it("combines regions in parallel behind health-checked steering when a global database spans them", () => {
        const e = estimate(twoRegions());
        assert.ok(e.regionsInParallel);
        assert.deepStrictEqual(e.regionGroups, [{ regions: ["r1", "r2"], inParallel: true }]);
        assert.ok((e.percent ?? 0) >= 99.99);
        assert.deepStrictEqual(targetFindings(e), []);
    });
    it("counts regions apart without the global database: each holds its own data, the weakest counts", () => {
        const e = estimate(twoRegions().filter((x) => x.type !== "aws:rds/globalCluster:GlobalCluster"));
        assert.deepStrictEqual(e.regionGroups, [{ regions: ["r1"], inParallel: false }, { regions: ["r2"], inParallel: false }]);
        close(e.percent ?? 0, Math.floor(99.99 * 0.9999 * 0.9999 * 1e5) / 1e5);
    });
    it("counts regions apart when one region's steering entry has no health check", () => {
        const e = estimate(twoRegions().filter((x) => x.urn !== "urn:undefined:hc-r2"));
        assert.deepStrictEqual(e.regionGroups, [{ regions: ["r1", "r2"], inParallel: false, why: "no steering health check for r2" }]);
        close(e.percent ?? 0, Math.floor(99.99 * 0.9999 * 0.9999 * 1e5) / 1e5);
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
        const partial = estimate([...subnets("r1"), n("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] }, "r1")]);
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

describe("availability per flow", () => {
    const front = 0.9999 * 0.9999; // load balancer x compute of one region
    const flow = (nodes: Node[], key: string, failoverSeconds: Record<string, number> = {}) => {
        const f = estimate(nodes, { targetPercent: 99.99, failoverBudgetSeconds: 30, figures: {}, failoverSeconds, offPathTypes: [] }).flows.find((x) => x.key === key);
        assert.ok(f !== undefined, `no ${key} flow`);
        return f;
    };
    it("an order needs the primary region's writer in series: a manual promotion does not count the secondaries", () => {
        const order = flow(twoRegions(), "order");
        const secondaryFront = front * 0.9999; // r2's app writes through its own (forwarding) cluster
        const want = (1 - (1 - front) * (1 - secondaryFront)) * 0.9999;
        assert.strictEqual(order.percent, Math.floor(want * 1e7 + 1e-7) / 1e5);
        assert.ok((order.percent ?? 100) < 99.99);
        const writer = order.groups[0].writer;
        assert.deepStrictEqual([writer?.region, writer?.urn, writer?.percent, writer?.promotion.mode, writer?.promotion.status, writer?.promotion.budgetSeconds], ["r1", clusterUrn("r1"), 99.99, "manual", "over", 180]);
        const [finding] = flowTargetFindings([order]);
        assert.strictEqual(finding.urn, clusterUrn("r1"));
        assert.match(finding.message, /^flow "placing an order": estimated 99\.98\d+% .* below the 99\.99% target: an order in r1, r2 needs the writer in r1 \(99\.99%\) in series; .*promoting one is a manual operator action \(Aurora global database: FailoverGlobalCluster/);
    });
    it("an automated promotion measured within the region failover budget counts the secondaries beside the writer", () => {
        const order = flow(twoRegions(), "order", { "aws.aurora.global-promotion": 90 });
        assert.deepStrictEqual([order.groups[0].writer?.promotion.mode, order.groups[0].writer?.promotion.status], ["automated", "within"]);
        assert.ok((order.percent ?? 0) >= 99.99, `${order.percent}`);
        assert.deepStrictEqual(flowTargetFindings([order]), []);
        const slow = flow(twoRegions(), "order", { "aws.aurora.global-promotion": 600 });
        assert.strictEqual(slow.groups[0].writer?.promotion.status, "over");
        assert.ok((slow.percent ?? 100) < 99.99);
    });
    it("interaction needs no writer: its regions stand in for each other behind the health-checked steering", () => {
        const interaction = flow(twoRegions(), "interaction");
        assert.strictEqual(interaction.groups[0].writer, undefined);
        assert.strictEqual(interaction.percent, Math.floor((1 - (1 - front) ** 2) * 1e7 + 1e-7) / 1e5);
    });
    const cdn = (originGroups: unknown[]): Node => withDeps(n("aws:cloudfront/distribution:Distribution", { origins: [{ originId: "r1" }, { originId: "r2" }], originGroups, defaultCacheBehavior: { targetOriginId: originGroups.length > 0 ? "regions" : "r1" } }, undefined, "cdn"), { origins: [lbUrn("r1"), lbUrn("r2")] });
    const group = { originId: "regions", failoverCriteria: { statusCodes: [500, 502, 503, 504] }, members: [{ originId: "r1" }, { originId: "r2" }] };
    it("the viewer flow enters through the CDN: its figure in series, its origin failover puts the regions in parallel", () => {
        const viewer = flow([...twoRegions(), cdn([group])], "viewer");
        assert.deepStrictEqual([viewer.entry?.tier, viewer.entry?.percent, viewer.groups[0].inParallel], ["cdn", 99.9, true]);
        assert.strictEqual(viewer.percent, Math.floor((1 - (1 - front) ** 2) * 0.999 * 1e7 + 1e-7) / 1e5);
        assert.match(flowTargetFindings([viewer])[0].message, /its entry aws\.cloudfront has a published figure of 99\.9%/);
        const noFailover = flow([...twoRegions(), cdn([])], "viewer");
        assert.deepStrictEqual([noFailover.groups[0].inParallel, noFailover.groups[0].why], [false, "no CDN origin failover: the distribution has no origin group"]);
        assert.ok((noFailover.percent ?? 100) < (viewer.percent ?? 0));
    });
    it("a stack without steering enters its flows through the CDN, as the flow walk does", () => {
        const single = flow([...awsRegion("r1"), cdn([])], "order");
        assert.strictEqual(single.entry?.tier, "cdn");
        assert.strictEqual(single.groups[0].writer, undefined);
        assert.strictEqual(single.percent, Math.floor(front * 0.9999 * 0.999 * 1e7 + 1e-7) / 1e5);
    });
    it("a WebSocket flow bypasses a CDN that does not carry WebSocket (Alibaba Cloud CDN): no CDN figure in series", () => {
        const aliCdn = withDeps(n("alicloud:cdn/domainNew:DomainNew", { sources: [{ content: "alb.r1" }] }, undefined, "cdn"), { sources: [lbUrn("r1")] });
        const nodes = [...awsRegion("r1"), aliCdn];
        const interaction = flow(nodes, "interaction");
        assert.strictEqual(interaction.entry, null);
        assert.deepStrictEqual(interaction.groups.map((g) => [g.regions, g.inParallel]), [[["r1"], false]]);
        assert.strictEqual(interaction.percent, Math.floor(front * 1e7 + 1e-7) / 1e5);
        assert.strictEqual(flow(nodes, "order").entry?.tier, "cdn", "an order still enters through the CDN");
        assert.strictEqual(flow([...awsRegion("r1"), cdn([])], "interaction").entry?.tier, "cdn", "CloudFront carries WebSocket");
    });
});
