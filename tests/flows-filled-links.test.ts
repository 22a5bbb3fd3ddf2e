// Single links of the shipped plans (settings filled in, tests/support/filled.ts) whose break a
// user would not see otherwise: health checks that probe what nothing answers, steering entries
// that never answer, a CDN behaviour that sends a path to another origin, a DNS record of an
// address family the load balancer does not serve. Each is caught at exactly that hop and resource.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { DATA_PORTS } from "../components/model";
import { cidrContains, rangeIncludes } from "../policies/flows/contracts";
import { strings } from "../policies/flows/graph";
import { isRecord, list, record } from "../policies/lib/values";
import { HopLink, Mutate, assertBreaksAt, breakLink, flowOf } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";

interface Link extends HopLink {
    readonly stack: string;
}

function with_(r: FlowResource, key: string, value: unknown): FlowResource {
    return { ...r, inputs: { ...r.inputs, [key]: value } };
}

/** The resource with the nested object input `key` merged with `over`. */
const merged =
    (key: string, over: Record<string, unknown>): Mutate =>
    (r) =>
        with_(r, key, { ...record(r.inputs[key]), ...over });

const ALI_SERVER_GROUP = "alicloud:alb/serverGroup:ServerGroup";

const GTM_POOL = "alicloud:dns/addressPool:AddressPool";
const GTM_MONITOR = "alicloud:dns/monitorConfig:MonitorConfig";

/** A GTM MonitorConfig whose monitorExtendInfo (a JSON string) is merged with `over`. */
const monitorInfo =
    (over: Record<string, unknown>): Mutate =>
    (r) =>
        with_(r, "monitorExtendInfo", JSON.stringify({ ...JSON.parse(String(r.inputs.monitorExtendInfo)), ...over }));

const SNAT = "alicloud:vpc/snatEntry:SnatEntry";

const R53_CHECK = "aws:route53/healthCheck:HealthCheck";
const R53_RECORD = "aws:route53/record:Record";
const DISTRIBUTION = "aws:cloudfront/distribution:Distribution";

/** An S3 origin added to the distribution and an ordered behaviour sending /order* to it. */
const orderToS3: Mutate = (r) => {
    const withOrigin = with_(r, "origins", [...list(r.inputs.origins), { domainName: "static-bucket.s3.us-east-1.amazonaws.com", originId: "static", s3OriginConfig: { originAccessIdentity: "" } }]);
    return with_(withOrigin, "orderedCacheBehaviors", [{ ...record(r.inputs.defaultCacheBehavior), pathPattern: "/order*", targetOriginId: "static" }, ...list(r.inputs.orderedCacheBehaviors)]);
};

const LINKS: readonly Link[] = [
    ...(
        [
            ["on a path nothing answers", { resourcePath: "/nothing-here" }],
            ["on port 8443", { port: 8443 }],
            ["a TCP connect on port 80", { type: "TCP", resourcePath: undefined, port: 80 }],
            ["an HTTP request to the redirecting listener on 80", { type: "HTTP", port: 80 }],
            ["disabled", { disabled: true }],
            ["inverted", { invertHealthcheck: true }],
        ] as const
    ).map(
        ([what, over]): Link => ({
            stack: "mature-aws",
            flow: "interaction",
            region: "us-west-2",
            link: `the region's Route 53 health check ${what}`,
            type: R53_CHECK,
            nameEnds: "steering-hc-us-west-2",
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, ...over } }),
            hop: "Route 53 health check",
            resource: "lc-steering-hc-us-west-2",
        }),
    ),
    {
        stack: "mature-aws",
        flow: "order",
        region: "us-east-1",
        link: "the region's latency record an AAAA alias of its IPv4-only load balancer",
        type: R53_RECORD,
        nameEnds: "steering-latency-us-east-1",
        mutate: (r) => with_(r, "type", "AAAA"),
        hop: `api.${FILLED_DOMAIN} aliases`,
        resource: "lc-steering-latency-us-east-1",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "an ordered CloudFront behaviour sending /order* to an S3 origin",
        type: DISTRIBUTION,
        nameEnds: "cdn-distribution",
        mutate: orderToS3,
        hop: "origin ->",
        resource: "lc-cdn-distribution",
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-shanghai",
        link: "the region's GTM address set OFFLINE",
        type: GTM_POOL,
        nameEnds: "steering-pool-cn-shanghai",
        mutate: (r) => with_(r, "addresses", list(r.inputs.addresses).map((a) => (isRecord(a) ? { ...a, mode: "OFFLINE" } : a))),
        hop: "lc-steering-pool-cn-shanghai answers",
        resource: "lc-steering-pool-cn-shanghai",
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-shanghai",
        link: "the region's GTM health check on a path nothing answers",
        type: GTM_MONITOR,
        nameEnds: "steering-health-cn-shanghai",
        mutate: monitorInfo({ path: "/nothing-here" }),
        hop: "GTM health check",
        resource: "lc-steering-health-cn-shanghai",
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-hangzhou",
        link: "the region's GTM health check on port 8443",
        type: GTM_MONITOR,
        nameEnds: "steering-health-cn-hangzhou",
        mutate: monitorInfo({ port: 8443 }),
        hop: "GTM health check",
        resource: "lc-steering-health-cn-hangzhou",
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-shanghai",
        link: "the region's GTM health check a TCP connect on 443",
        type: GTM_MONITOR,
        nameEnds: "steering-health-cn-shanghai",
        mutate: (r) => with_(r, "protocolType", "TCP"),
        hop: "GTM health check",
        resource: "lc-steering-health-cn-shanghai",
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-shanghai",
        link: "the WebSocket server group's health check on another port (healthCheckConnectPort)",
        type: ALI_SERVER_GROUP,
        nameEnds: "cn-shanghai-lb-group-ws",
        mutate: merged("healthCheckConfig", { healthCheckConnectPort: 30099 }),
        hop: "health check",
        resource: "lc-cn-shanghai-lb-group-ws",
    },
    {
        stack: "growth-alicloud",
        flow: "order",
        region: "cn-hangzhou",
        link: "the order server group's health check on another port (healthCheckConnectPort)",
        type: ALI_SERVER_GROUP,
        nameEnds: "lb-group-order",
        mutate: merged("healthCheckConfig", { healthCheckConnectPort: 8081 }),
        hop: "health check",
        resource: "lc-cn-hangzhou-lb-group-order",
    },
    // The transcoders' boot downloads Docker and the media server image: their vSwitches' egress is a hop of the stream.
    {
        stack: "mature-alicloud",
        flow: "stream",
        region: "cn-shanghai",
        link: "the SNAT entries of zone cn-shanghai-e removed",
        type: SNAT,
        nameEnds: "cn-shanghai-e",
        mutate: () => null,
        hop: "SNAT entry on a NAT gateway",
        resource: "lc-cn-shanghai-network-vsw-media-cn-shanghai-e",
        held: "lc-cn-shanghai-network-nat-cn-shanghai-e is an Internet NAT gateway",
        heldOn: "lc-cn-shanghai-network-nat-cn-shanghai-e",
    },
    {
        stack: "growth-alicloud",
        flow: "stream",
        region: "cn-hangzhou",
        link: "the transcoders' vSwitch of zone cn-hangzhou-i detached from its zone's route table",
        type: "alicloud:vpc/routeTableAttachment:RouteTableAttachment",
        nameEnds: "rta-media-cn-hangzhou-i",
        mutate: () => null,
        hop: "routes 0.0.0.0/0 to its NAT gateway",
        resource: "lc-cn-hangzhou-network-vsw-media-cn-hangzhou-i",
        held: "lc-cn-hangzhou-network-vsw-media-cn-hangzhou-i routes 0.0.0.0/0",
        heldOn: "lc-cn-hangzhou-network-rt-cn-hangzhou-i",
    },
    // Least privilege: the transcoders' vSwitches stay outside the data tier's IP whitelists.
    {
        stack: "mature-alicloud",
        flow: "stream",
        region: "cn-shanghai",
        link: "PolarDB's whitelist widened to the VPC (admitting the transcoders' vSwitches)",
        type: "alicloud:polardb/cluster:Cluster",
        nameEnds: "cn-shanghai-db-polardb",
        mutate: (r) => with_(r, "dbClusterIpArrays", [{ dbClusterIpArrayName: "default", securityIps: ["10.20.0.0/16"] }]),
        hop: "lc-cn-shanghai-db-polardb's whitelist admits none of the transcoders' vSwitches",
        resource: "lc-cn-shanghai-db-polardb",
    },
    {
        stack: "growth-alicloud",
        flow: "stream",
        region: "cn-hangzhou",
        link: "Tair's whitelist admitting a transcoders' vSwitch",
        type: "alicloud:redis/tairInstance:TairInstance",
        nameEnds: "cache-redis",
        mutate: (r) => with_(r, "securityIps", `${String(r.inputs.securityIps)},10.10.48.0/20`),
        hop: "lc-cn-hangzhou-cache-redis's whitelist admits none of the transcoders' vSwitches",
        resource: "lc-cn-hangzhou-cache-redis",
    },
];

describe("single links of the filled plans are caught at their hop", function () {
    this.timeout(600_000);
    for (const l of LINKS) {
        it(`${l.stack} ${l.flow}: ${l.link} is caught at "${l.hop}" on ${l.resource}`, async () => assertBreaksAt((await filledPlan(l.stack)).resources, l));
    }

    it("mature-alicloud: a GTM address ONLINE is still answered; the other region's flow stays connected when one pool is OFFLINE", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const online = breakLink(resources, GTM_POOL, "steering-pool-cn-shanghai", (r) => with_(r, "addresses", list(r.inputs.addresses).map((a) => (isRecord(a) ? { ...a, mode: "ONLINE" } : a))));
        assert.strictEqual(flowOf(analyzeFlows(online), "interaction", "cn-shanghai").status, "connected");
        const offline = breakLink(resources, GTM_POOL, "steering-pool-cn-shanghai", (r) => with_(r, "addresses", list(r.inputs.addresses).map((a) => (isRecord(a) ? { ...a, mode: "OFFLINE" } : a))));
        assert.strictEqual(flowOf(analyzeFlows(offline), "interaction", "cn-hangzhou").status, "connected");
    });

    it("mature-aws: an AAAA latency alias of a dualstack load balancer answers (kept); a health check without a port is unknown, never kept", async () => {
        const resources = (await filledPlan("mature-aws")).resources;
        const aaaa = breakLink(breakLink(resources, R53_RECORD, "steering-latency-us-east-1", (r) => with_(r, "type", "AAAA")), "aws:lb/loadBalancer:LoadBalancer", "us-east-1-lb-alb", (r) => with_(r, "ipAddressType", "dualstack"));
        assert.strictEqual(flowOf(analyzeFlows(aaaa), "order", "us-east-1").status, "connected");
        const defaultPort = breakLink(resources, R53_CHECK, "steering-hc-us-east-1", (r) => with_(r, "port", undefined));
        const unset = flowOf(analyzeFlows(defaultPort), "order", "us-east-1");
        assert.strictEqual(unset.status, "unknown");
        assert.strictEqual(unset.hops.find((h) => h.check.startsWith("Route 53 health check"))?.ok, null);
    });

    it("growth-aws: an ordered CloudFront behaviour sending /order* to the S3 origin breaks only the order flow", async () => {
        const flows = analyzeFlows(breakLink((await filledPlan("growth-aws")).resources, DISTRIBUTION, "cdn-distribution", orderToS3));
        assert.deepStrictEqual(["viewer", "interaction", "hot-products"].map((k) => `${k}: ${flowOf(flows, k, "us-east-1").status}`), ["viewer: connected", "interaction: connected", "hot-products: connected"]);
        assert.match(flowOf(flows, "order", "us-east-1").broken?.reason ?? "", /sends requests to static, not an origin that reaches/);
    });

    it("mature-alicloud: healthCheckConnectPort 0 checks the backend port (kept)", async () => {
        const resources = breakLink((await filledPlan("mature-alicloud")).resources, ALI_SERVER_GROUP, "cn-shanghai-lb-group-ws", merged("healthCheckConfig", { healthCheckConnectPort: 0 }));
        assert.strictEqual(flowOf(analyzeFlows(resources), "interaction", "cn-shanghai").status, "connected");
    });
});

describe("broken-hop reasons and hop labels read once", function () {
    this.timeout(600_000);

    it("mature-alicloud order: the Kafka group without the app group's rule names the app group once", async () => {
        const resources = breakLink((await filledPlan("mature-alicloud")).resources, "alicloud:ecs/securityGroupRule:SecurityGroupRule", "cn-shanghai-network-sg-data-9092-from-app", () => null);
        const f = flowOf(analyzeFlows(resources), "order", "cn-shanghai");
        assert.strictEqual(f.status, "broken");
        assert.strictEqual(f.broken?.reason, "lc-cn-shanghai-network-sg-data has no rule admitting lc-cn-shanghai-network-sg-app on TCP 9092");
    });

    it("mature-alicloud interaction: each zone's node pool attachment is labelled with the service's node port, not another attachment", async () => {
        const f = flowOf(analyzeFlows((await filledPlan("mature-alicloud")).resources), "interaction", "cn-shanghai");
        const labels = f.hops.filter((h) => h.check.startsWith("registers node port"));
        assert.ok(labels.length >= 2, `one hop per further zone (${labels.length})`);
        for (const h of labels) assert.strictEqual(h.check, "registers node port 30081, the interaction service's");
    });
});

describe("least privilege: the transcoders reach no data store", function () {
    this.timeout(600_000);
    for (const stack of ["growth-alicloud", "mature-alicloud"]) {
        it(`${stack}: no data-tier rule admits a security group of the transcoders on ${DATA_PORTS.mysql}, ${DATA_PORTS.redis} or ${DATA_PORTS.kafka.from}`, async () => {
            const resources = (await filledPlan(stack)).resources;
            const launches = resources.filter((r) => r.type === "alicloud:ess/scalingConfiguration:ScalingConfiguration" && r.name.endsWith("-video-launch"));
            assert.ok(launches.length > 0, "the stack runs transcoders");
            const groups = new Set(launches.flatMap((l) => strings(l.inputs.securityGroupIds)));
            const ports = [DATA_PORTS.mysql, DATA_PORTS.redis, DATA_PORTS.kafka.from];
            const admitting = resources
                .filter((r) => r.type === "alicloud:ecs/securityGroupRule:SecurityGroupRule" && r.inputs.type === "ingress" && r.inputs.policy !== "drop")
                .filter((r) => groups.has(String(r.inputs.sourceSecurityGroupId)) && ports.some((p) => rangeIncludes(r.inputs.portRange, p)))
                .map((r) => r.name);
            assert.deepStrictEqual(admitting, []);
        });

        it(`${stack}: no PolarDB, RDS or Tair IP whitelist admits a vSwitch the transcoders launch in`, async () => {
            const resources = (await filledPlan(stack)).resources;
            const groups = resources.filter((r) => r.type === "alicloud:ess/scalingGroup:ScalingGroup" && r.name.endsWith("-video-asg"));
            assert.ok(groups.length > 0, "the stack runs transcoders");
            const ids = new Set(groups.flatMap((g) => strings(g.inputs.vswitchIds)));
            const cidrs = resources.filter((r) => r.type === "alicloud:vpc/switch:Switch" && ids.has(r.id ?? "")).map((v) => String(v.inputs.cidrBlock));
            assert.strictEqual(cidrs.length, ids.size, "every vSwitch of the transcoders is declared");
            const whitelists = resources.flatMap((r) =>
                r.type === "alicloud:polardb/cluster:Cluster"
                    ? list(r.inputs.dbClusterIpArrays).filter(isRecord).flatMap((a) => strings(a.securityIps)).map((ip) => ({ store: r.name, ip }))
                    : r.type === "alicloud:rds/instance:Instance" || r.type === "alicloud:redis/tairInstance:TairInstance"
                      ? strings(r.inputs.securityIps).flatMap((x) => x.split(",")).map((ip) => ({ store: r.name, ip: ip.trim() }))
                      : [],
            );
            assert.ok(whitelists.length > 0, "the stores have whitelists");
            const admitting = whitelists.flatMap((w) => cidrs.filter((c) => cidrContains(w.ip, c)).map((c) => `${w.store} admits ${c} (${w.ip})`));
            assert.deepStrictEqual(admitting, []);
        });
    }
});
