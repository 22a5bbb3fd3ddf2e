// The shipped stacks plan with placeholder settings (components/model/placeholders.ts), so their
// flows report broken at those hops, "not deployable until set". With the settings a deployment
// gives filled in (tests/support/filled.ts), every flow of every shipped stack is connected (up to
// the links the operator sets outside the stack, named and never judged), and single links of those
// plans break their flow at exactly that hop.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, list, record } from "../policies/lib/values";
import { flowViolations } from "../tools/lib/inputs";
import { listStacks } from "../tools/lib/stackfiles";
import { HopLink, Mutate, assertBreaksAt, breakLink, flowOf as flow } from "./support/break-link";
import { FILLED_DOMAIN, filledPlan } from "./support/filled";


function with_(r: FlowResource, key: string, value: unknown): FlowResource {
    return { ...r, inputs: { ...r.inputs, [key]: value } };
}

describe("every flow of every shipped stack is connected once its placeholder settings are set", function () {
    this.timeout(600_000);
    for (const stack of listStacks()) {
        it(stack, async () => {
            const plan = await filledPlan(stack);
            assert.deepStrictEqual(plan.notDeployableUntilSet.map((m) => `${m.key}: ${m.reason}`), [], "the filled settings leave nothing unset");
            const flows = analyzeFlows(plan.resources);
            assert.ok(flows.length > 0, "the stack has flows");
            // A link the operator sets outside the stack (the api CNAME to GTM) is never judged: the flow stands connected up to it (operatorLinks).
            const notConnected = flows
                .filter((f) => f.status !== "connected")
                .map((f) => `${f.key} ${f.region}: ${f.status}${f.broken !== undefined ? ` at "${f.broken.hop}": ${f.broken.reason}` : ""}${f.status === "unknown" ? ` (${f.hops.filter((h) => h.ok === null).map((h) => `${h.resource}: ${h.check} [${h.unknown ?? ""}]`).join("; ")})` : ""}`);
            assert.deepStrictEqual(notConnected, []);
        });
    }
});

describe("links the operator sets outside the stack are named, never judged", function () {
    this.timeout(600_000);
    it("mature-alicloud: api.<domain> a CNAME to GTM's access name is the operator's record, pointed at the stack output steering.accessName, in every GTM-steered request flow", async () => {
        const plan = await filledPlan("mature-alicloud");
        const steering = record(plan.resources.find((r) => r.type === "pulumi:pulumi:Stack")?.outputs?.steering);
        const access = String(steering.accessName);
        assert.match(access, new RegExp(`\\.${FILLED_DOMAIN.replace(/\./g, "\\.")}$`), "the output gives an access name in the domain");
        const operator = analyzeFlows(plan.resources).flatMap((f) => f.hops.filter((h) => h.operator === true).map((h) => ({ flow: `${f.key} ${f.region}`, status: f.status, resource: h.resource, ok: h.ok, unknown: h.unknown })));
        const expected = ["cn-hangzhou", "cn-shanghai"].flatMap((region) =>
            ["interaction", "order", "hot-products"].map((key) => ({ flow: `${key} ${region}`, status: "connected", resource: "lc-steering-gtm", ok: null, unknown: `the CNAME record api.${FILLED_DOMAIN} -> ${access} (stack output steering.accessName) in the domain's DNS` })),
        );
        assert.deepStrictEqual(operator, expected, "connected: the stack's part holds; the record is listed, not judged");
        const listed = analyzeFlows(plan.resources).filter((f) => f.operatorLinks !== undefined).map((f) => `${f.key} ${f.region}: ${(f.operatorLinks ?? []).join("; ")}`);
        assert.deepStrictEqual(listed, expected.map((e) => `${e.flow}: ${e.unknown}`));
    });

    it("the finding of an operator's link is advisory and says what to set", async () => {
        const plan = await filledPlan("mature-alicloud");
        const findings = flowViolations(analyzeFlows(plan.resources)).filter((v) => /operator sets outside the stack/.test(v.message));
        assert.deepStrictEqual([...new Set(findings.map((v) => v.enforcement))], ["advisory"]);
        assert.strictEqual(findings.length, 6);
    });
});

interface Link extends HopLink {
    readonly stack: string;
}

const ALB = "alicloud:alb/loadBalancer:LoadBalancer";
const RULE = "alicloud:alb/rule:Rule";
const INGRESS = "alicloud:sae/ingress:Ingress";

/** The ALB's tags with only the certificate names `names` (certificateNameTags). */
const certificateNames =
    (...names: string[]): Mutate =>
    (r) =>
        with_(r, "tags", { ...Object.fromEntries(Object.entries(record(r.inputs.tags)).filter(([k]) => !k.startsWith("certificate-name-"))), ...Object.fromEntries(names.map((n, i) => [`certificate-name-${i + 1}`, n])) });

const GTM = "alicloud:dns/gtmInstance:GtmInstance";

const CDN_CONFIG = "alicloud:cdn/domainConfig:DomainConfig";

/** A CDN domain config with its argument `name` set to `value`. */
const withArg =
    (name: string, value: string): Mutate =>
    (r) =>
        with_(r, "functionArgs", list(r.inputs.functionArgs).map((a) => (isRecord(a) && a.argName === name ? { ...a, argValue: value } : a)));

const SAE_APP = "alicloud:sae/application:Application";

/** The SAE application with the env `name` set to `value` (removed when undefined). */
const withEnv =
    (name: string, value: string | undefined): Mutate =>
    (r) => {
        const envs = list(JSON.parse(String(r.inputs.envs))).filter(isRecord);
        return with_(r, "envs", JSON.stringify(value === undefined ? envs.filter((e) => e.name !== name) : envs.map((e) => (e.name === name ? { ...e, value } : e))));
    };

/** The resource without its recorded dependencies on listeners and listener rules (its `dependsOn`). */
const withoutListenerDependencies: Mutate = (r) => ({ ...r, dependencies: (r.dependencies ?? []).filter((u) => !u.includes("aws:lb/listener")) });

const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

/** The alarm with the dimensions of every metric it reads (`dimensions`, `metricQueries[].metric.dimensions`) changed by `change`. */
const withDimensions =
    (change: (d: Record<string, unknown>) => Record<string, unknown>): Mutate =>
    (r) => {
        const queries = list(r.inputs.metricQueries).map((q) => (isRecord(q) && isRecord(q.metric) ? { ...q, metric: { ...q.metric, dimensions: change({ ...record(q.metric.dimensions) }) } } : q));
        const own = r.inputs.dimensions === undefined ? r : with_(r, "dimensions", change({ ...record(r.inputs.dimensions) }));
        return r.inputs.metricQueries === undefined ? own : with_(own, "metricQueries", queries);
    };

const MSK = "aws:msk/cluster:Cluster";

/** The task definition with the environment variable `name` removed from every container. */
const withoutEnvironment =
    (name: string): Mutate =>
    (r) =>
        with_(r, "containerDefinitions", JSON.stringify(list(JSON.parse(String(r.inputs.containerDefinitions))).map((c) => (isRecord(c) ? { ...c, environment: list(c.environment).filter((e) => !(isRecord(e) && e.name === name)) } : c))));

const LINKS: readonly Link[] = [
    { stack: "growth-aws-serverless", flow: "order", region: "us-east-1", link: "the order container without KAFKA_BROKERS", type: "aws:ecs/taskDefinition:TaskDefinition", nameEnds: "fargate-order-task", mutate: withoutEnvironment("KAFKA_BROKERS"), hop: "the app's KAFKA_BROKERS names", resource: "lc-us-east-1-fargate-order-task", heldOn: "lc-us-east-1-queue-kafka" },
    {
        stack: "growth-aws",
        flow: "hot-products",
        region: "us-east-1",
        link: "the services' ConfigMap without REDIS_HOST",
        type: "kubernetes:core/v1:ConfigMap",
        nameEnds: "services-config",
        mutate: (r) => with_(r, "data", Object.fromEntries(Object.entries(record(r.inputs.data)).filter(([k]) => k !== "REDIS_HOST"))),
        hop: "the app's REDIS_HOST names",
        resource: "lc-us-east-1-services-config",
        heldOn: "lc-us-east-1-cache-valkey",
    },
    { stack: "growth-aws-serverless", flow: "order", region: "us-east-1", link: "an MSK cluster taking only mutual-TLS clients", type: MSK, nameEnds: "queue-kafka", mutate: (r) => with_(r, "clientAuthentication", { tls: { certificateAuthorityArns: ["arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/0b0b0b0b-0b0b-0b0b-0b0b-0b0b0b0b0b0b"] } }), hop: "the order service authenticates", resource: "lc-us-east-1-queue-kafka" },
    { stack: "growth-aws-serverless", flow: "order", region: "us-east-1", link: "an MSK cluster taking only SASL/IAM clients, the task role without kafka-cluster permissions", type: MSK, nameEnds: "queue-kafka", mutate: (r) => with_(r, "clientAuthentication", { sasl: { iam: true } }), hop: "the order service authenticates", resource: "lc-us-east-1-queue-kafka" },
    { stack: "growth-aws", flow: "order", region: "us-east-1", link: "an MSK cluster taking only SASL/SCRAM clients with no secret associated", type: MSK, nameEnds: "queue-kafka", mutate: (r) => with_(r, "clientAuthentication", { sasl: { scram: true } }), hop: "the order service authenticates", resource: "lc-us-east-1-queue-kafka" },
    { stack: "growth-aws", flow: "alarm", region: "us-east-1", link: "the 5xx alarm on another load balancer", type: ALARM, nameEnds: "lb5xxPercent-critical", mutate: withDimensions((d) => ({ ...d, LoadBalancer: "app/other-alb/0123456789abcdef" })), hop: "lc-us-east-1-monitoring-lb5xxPercent-critical watches", resource: "lc-us-east-1-monitoring-lb5xxPercent-critical" },
    { stack: "growth-aws", flow: "alarm", region: "us-east-1", link: "the database alarm under a dimension AWS/RDS does not publish", type: ALARM, nameEnds: "dbConnectionUsagePercent-critical", mutate: withDimensions((d) => ({ DBClusterName: d.DBClusterIdentifier })), hop: "lc-us-east-1-monitoring-dbConnectionUsagePercent-critical watches", resource: "lc-us-east-1-monitoring-dbConnectionUsagePercent-critical" },
    { stack: "mature-aws", flow: "alarm", region: "us-east-1", link: "the cache alarm on a cluster of no replication group of the stack", type: ALARM, nameEnds: "cacheCpuPercent-warning", mutate: withDimensions(() => ({ CacheClusterId: "other-cache-0001-001" })), hop: "lc-us-east-1-monitoring-cacheCpuPercent-warning watches", resource: "lc-us-east-1-monitoring-cacheCpuPercent-warning" },
    { stack: "growth-aws-serverless", flow: "order", region: "us-east-1", link: "the order service not waiting for its listener rule", type: "aws:ecs/service:Service", nameEnds: "fargate-order", mutate: withoutListenerDependencies, hop: "created after", resource: "lc-us-east-1-fargate-order" },
    { stack: "growth-aws-serverless", flow: "viewer", region: "us-east-1", link: "the product service not waiting for the HTTPS listener", type: "aws:ecs/service:Service", nameEnds: "fargate-product", mutate: withoutListenerDependencies, hop: "created after", resource: "lc-us-east-1-fargate-product" },
    { stack: "growth-alicloud-serverless", flow: "order", region: "cn-hangzhou", link: "the order application's DATABASE_HOST naming another cluster", type: SAE_APP, nameEnds: "sae-order", mutate: withEnv("DATABASE_HOST", "pc-0000000000000000.rwlb.rds.aliyuncs.com"), hop: "lc-cn-hangzhou-sae-order's DATABASE_HOST names", resource: "lc-cn-hangzhou-sae-order" },
    { stack: "growth-alicloud-serverless", flow: "order", region: "cn-hangzhou", link: "the order application without KAFKA_BROKERS", type: SAE_APP, nameEnds: "sae-order", mutate: withEnv("KAFKA_BROKERS", undefined), hop: "lc-cn-hangzhou-sae-order's KAFKA_BROKERS names", resource: "lc-cn-hangzhou-sae-order" },
    { stack: "growth-alicloud-serverless", flow: "order", region: "cn-hangzhou", link: "the order application's brokers on another port", type: SAE_APP, nameEnds: "sae-order", mutate: withEnv("KAFKA_BROKERS", "203.0.113.43:9093"), hop: "lc-cn-hangzhou-sae-order's KAFKA_BROKERS names", resource: "lc-cn-hangzhou-sae-order" },
    { stack: "growth-alicloud-serverless", flow: "hot-products", region: "cn-hangzhou", link: "the product application's REDIS_HOST naming another instance", type: SAE_APP, nameEnds: "sae-product", mutate: withEnv("REDIS_HOST", "r-0000000000000000.redis.rds.aliyuncs.com"), hop: "lc-cn-hangzhou-sae-product's REDIS_HOST names", resource: "lc-cn-hangzhou-sae-product" },
    { stack: "growth-alicloud", flow: "order", region: "cn-hangzhou", link: "the /order zero-TTL cache rule removed", type: CDN_CONFIG, nameEnds: "no-cache-order", mutate: () => null, hop: "/order is not cached at the edge", resource: "lc-cdn-domain" },
    { stack: "growth-alicloud", flow: "viewer", region: "cn-hangzhou", link: "the /api cache rule keeping responses an hour", type: CDN_CONFIG, nameEnds: "no-cache-api", mutate: withArg("ttl", "3600"), hop: "/api/products is not cached at the edge", resource: "lc-cdn-domain" },
    { stack: "mature-alicloud", flow: "viewer", region: "cn-shanghai", link: "the /api cache rule for another directory", type: CDN_CONFIG, nameEnds: "no-cache-api", mutate: withArg("path", "/apis"), hop: "/api/products is not cached at the edge", resource: "lc-cdn-domain" },
    {
        stack: "growth-alicloud",
        flow: "interaction",
        region: "cn-hangzhou",
        link: "the /ws rule without its Host condition (WebSocket through the CDN domain)",
        type: RULE,
        nameEnds: "rule-ws",
        mutate: (r) => with_(r, "ruleConditions", list(r.inputs.ruleConditions).filter((c) => !(isRecord(c) && c.type === "Host"))),
        hop: "the edge carries WebSocket",
        resource: "lc-cdn-domain",
        heldOn: "lc-cn-hangzhou-lb-alb",
    },
    {
        stack: "growth-alicloud-serverless",
        flow: "interaction",
        region: "cn-hangzhou",
        link: "the SAE ingress /ws rule for the CDN domain",
        type: INGRESS,
        nameEnds: "ingress",
        mutate: (r) => with_(r, "rules", list(r.inputs.rules).map((x) => (isRecord(x) && x.path === "/ws" ? { ...x, domain: FILLED_DOMAIN } : x))),
        hop: "the edge carries WebSocket",
        resource: "lc-cdn-domain",
        heldOn: "lc-cn-hangzhou-lb-alb",
    },
    { stack: "growth-alicloud", flow: "interaction", region: "cn-hangzhou", link: "a certificate without the API name", type: ALB, nameEnds: "lb-alb", mutate: certificateNames(FILLED_DOMAIN), hop: "certificate for api.", resource: "lc-cn-hangzhou-lb-https" },
    { stack: "growth-alicloud", flow: "viewer", region: "cn-hangzhou", link: "a certificate for another domain", type: ALB, nameEnds: "lb-alb", mutate: certificateNames("*.other.cn"), hop: `certificate for ${FILLED_DOMAIN}`, resource: "lc-cn-hangzhou-lb-https" },
    { stack: "growth-alicloud", flow: "interaction", region: "cn-hangzhou", link: "a wildcard two labels above the API name", type: ALB, nameEnds: "lb-alb", mutate: certificateNames(FILLED_DOMAIN, "*.live-commerce.cn"), hop: "certificate for api.", resource: "lc-cn-hangzhou-lb-https" },
    { stack: "growth-alicloud-serverless", flow: "order", region: "cn-hangzhou", link: "the SAE ingress certificate without the domain", type: ALB, nameEnds: "lb-alb", mutate: certificateNames(`*.${FILLED_DOMAIN}`), hop: `certificate for ${FILLED_DOMAIN}`, resource: "lc-cn-hangzhou-sae-ingress" },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-shanghai",
        link: "GTM's address pool of the region removed",
        type: "alicloud:dns/addressPool:AddressPool",
        nameEnds: "pool-cn-shanghai",
        mutate: () => null,
        hop: "the edge carries WebSocket: GTM steers",
        resource: "lc-steering-gtm",
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "cn-shanghai",
        link: "GTM answering another name than the WebSocket one",
        type: GTM,
        nameEnds: "steering-gtm",
        mutate: (r) => with_(r, "publicUserDomainName", `www.${FILLED_DOMAIN}`),
        hop: "the edge carries WebSocket: GTM answers",
        resource: "lc-steering-gtm",
        held: "the edge carries WebSocket: GTM steers",
    },
    { stack: "mature-alicloud", flow: "interaction", region: "cn-hangzhou", link: "GTM's access strategy removed", type: "alicloud:dns/accessStrategy:AccessStrategy", nameEnds: "steering-latency", mutate: () => null, hop: "the edge carries WebSocket: GTM steers", resource: "lc-steering-gtm" },
    {
        stack: "growth-alicloud",
        flow: "interaction",
        region: "cn-hangzhou",
        link: "the stack output websocket giving the API name another load balancer's CNAME",
        type: "pulumi:pulumi:Stack",
        nameEnds: "growth-alicloud",
        mutate: (r) => ({ ...r, outputs: { ...r.outputs, websocket: { hostname: `api.${FILLED_DOMAIN}`, cname: "alb-0000000000000000.cn-hangzhou.alb.aliyuncs.com" } } }),
        hop: "the edge carries WebSocket",
        resource: "lc-cn-hangzhou-lb-alb",
    },
    {
        stack: "mature-alicloud",
        flow: "order",
        region: "cn-shanghai",
        link: "the stack output steering removed (no CNAME target for the API name)",
        type: "pulumi:pulumi:Stack",
        nameEnds: "mature-alicloud",
        mutate: (r) => ({ ...r, outputs: Object.fromEntries(Object.entries(r.outputs ?? {}).filter(([k]) => k !== "steering")) }),
        hop: `the API name reaches lc-cn-shanghai-lb-alb: api.${FILLED_DOMAIN} is a CNAME to GTM's access name`,
        resource: "lc-steering-gtm",
        exactly: {
            hop: `the API name reaches lc-cn-shanghai-lb-alb: api.${FILLED_DOMAIN} is a CNAME to GTM's access name (publicRr.publicZoneName), the stack output steering.accessName (a record the operator sets in the domain's DNS)`,
            reason: `no stack output (steering) gives api.${FILLED_DOMAIN} GTM's access name: the operator has no CNAME target for it, and order clients never reach GTM`,
        },
    },
    {
        stack: "mature-alicloud",
        flow: "interaction",
        region: "ap-southeast-1",
        link: "the separate region's CNAME output removed",
        type: "pulumi:pulumi:Stack",
        nameEnds: "mature-alicloud",
        mutate: (r) => ({ ...r, outputs: { ...r.outputs, separateRegions: {} } }),
        hop: "the edge carries WebSocket",
        resource: "lc-ap-southeast-1-lb-alb",
    },
    {
        stack: "growth-alicloud",
        flow: "interaction",
        region: "cn-hangzhou",
        link: "the second zone's node pool attached on another port",
        type: "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment",
        nameEnds: "k8s-ws-nodes-cn-hangzhou-i",
        mutate: (r) => with_(r, "port", 30099),
        hop: "registers node port 30081",
        resource: "lc-cn-hangzhou-k8s-ws-nodes-cn-hangzhou-i",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "the default CloudFront behaviour allowing only GET and HEAD",
        type: "aws:cloudfront/distribution:Distribution",
        nameEnds: "cdn-distribution",
        mutate: (r) => with_(r, "defaultCacheBehavior", { ...record(r.inputs.defaultCacheBehavior), allowedMethods: ["GET", "HEAD"] }),
        hop: "/order allows POST at the edge",
        resource: "lc-cdn-distribution",
    },
    {
        stack: "growth-aws",
        flow: "order",
        region: "us-east-1",
        link: "an ordered CloudFront behaviour for /order* allowing only GET and HEAD",
        type: "aws:cloudfront/distribution:Distribution",
        nameEnds: "cdn-distribution",
        mutate: (r) => with_(r, "orderedCacheBehaviors", [...list(r.inputs.orderedCacheBehaviors), { ...record(r.inputs.defaultCacheBehavior), pathPattern: "/order*", allowedMethods: ["GET", "HEAD"] }]),
        hop: "/order allows POST at the edge",
        resource: "lc-cdn-distribution",
    },
    {
        stack: "mature-aws",
        flow: "interaction",
        region: "us-west-2",
        link: "the region's Route 53 latency record renamed",
        type: "aws:route53/record:Record",
        nameEnds: "steering-latency-us-west-2",
        mutate: (r) => with_(r, "name", `apix.${FILLED_DOMAIN}`),
        hop: `apix.${FILLED_DOMAIN} aliases`,
        held: `api.${FILLED_DOMAIN} aliases`,
        resource: "lc-steering-latency-us-west-2",
    },
];

describe("flow links of the plans with settings filled in", function () {
    this.timeout(600_000);
    for (const l of LINKS) {
        it(`${l.stack} ${l.flow}: ${l.link} is caught at "${l.hop}" on ${l.resource}`, async () => assertBreaksAt((await filledPlan(l.stack)).resources, l));
    }

    it("mature-alicloud order: the region's address pool removed breaks at GTM naming the order clients, not a WebSocket route", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const f = flow(analyzeFlows(breakLink(resources, "alicloud:dns/addressPool:AddressPool", "pool-cn-shanghai", () => null)), "order", "cn-shanghai");
        assert.deepStrictEqual([f.status, f.broken?.reason], ["broken", `no address pool of lc-steering-gtm holds lc-cn-shanghai-lb-alb: order clients calling api.${FILLED_DOMAIN} never reach this region`]);
    });

    it("mature-alicloud interaction: the region's address pool dropped from the access strategy's default pools is caught at \"the edge carries WebSocket: GTM steers\" on lc-steering-gtm", async () => {
        const resources = (await filledPlan("mature-alicloud")).resources;
        const pool = resources.find((r) => r.type === "alicloud:dns/addressPool:AddressPool" && r.name === "lc-steering-pool-cn-shanghai") ?? assert.fail("no cn-shanghai pool");
        const dropPool: Mutate = (r) => with_(r, "defaultAddrPools", list(r.inputs.defaultAddrPools).filter((p) => !(isRecord(p) && p.addrPoolId === pool.id)));
        assert.ok(resources.some((r) => r.name === "lc-steering-latency" && list(r.inputs.defaultAddrPools).some((p) => isRecord(p) && p.addrPoolId === pool.id)), "the strategy serves the pool before");
        assertBreaksAt(resources, { flow: "interaction", region: "cn-shanghai", link: "pool dropped", type: "alicloud:dns/accessStrategy:AccessStrategy", nameEnds: "steering-latency", mutate: dropPool, hop: "the edge carries WebSocket: GTM steers", resource: "lc-steering-gtm" });
        assert.strictEqual(flow(analyzeFlows(breakLink(resources, "alicloud:dns/accessStrategy:AccessStrategy", "steering-latency", dropPool)), "interaction", "cn-hangzhou").status, "connected", "the other region's pool still served");
    });

    it("growth-alicloud interaction: the WebSocket server group's attachments registering the transcoders' scaling group are caught at \"registered targets: the ACK node pools\" on the server group", async () => {
        const resources = (await filledPlan("growth-alicloud")).resources;
        const transcoders = resources.find((r) => r.type === "alicloud:ess/scalingGroup:ScalingGroup" && r.name.endsWith("video-asg")) ?? assert.fail("no transcoder scaling group");
        const toTranscoders: Mutate = (r) => with_(r, "scalingGroupId", transcoders.id);
        assertBreaksAt(resources, { flow: "interaction", region: "cn-hangzhou", link: "attached to the transcoders", type: "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment", nameEnds: "k8s-ws-nodes-cn-hangzhou-h", mutate: toTranscoders, hop: "registered targets: the ACK node pools", resource: "lc-cn-hangzhou-lb-group-ws" });
        const broken = flow(analyzeFlows(breakLink(resources, "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment", "k8s-ws-nodes-cn-hangzhou-h", toTranscoders)), "interaction", "cn-hangzhou");
        assert.match(broken.broken?.reason ?? "", /lc-cn-hangzhou-k8s-ws-nodes-cn-hangzhou-h registers lc-cn-hangzhou-video-asg, not the scaling group of a node pool/);
    });

    it("growth-aws: an ordered CloudFront behaviour for /ws* without Host forwarded breaks only the WebSocket flow, at the certificate hop", async () => {
        const resources = (await filledPlan("growth-aws")).resources;
        // The managed CORS-S3Origin origin request policy (CloudFront Developer Guide, "Use managed origin request policies"): Host is not forwarded.
        const wsBehaviour: Mutate = (r) => with_(r, "orderedCacheBehaviors", [...list(r.inputs.orderedCacheBehaviors), { ...record(r.inputs.defaultCacheBehavior), pathPattern: "/ws*", originRequestPolicyId: "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf" }]);
        assertBreaksAt(resources, { flow: "interaction", region: "us-east-1", link: "/ws* without Host", type: "aws:cloudfront/distribution:Distribution", nameEnds: "cdn-distribution", mutate: wsBehaviour, hop: "certificate covers", resource: "lc-us-east-1-lb-https" });
        const flows = analyzeFlows(breakLink(resources, "aws:cloudfront/distribution:Distribution", "cdn-distribution", wsBehaviour));
        assert.deepStrictEqual(["viewer", "order", "hot-products"].map((k) => `${k}: ${flow(flows, k, "us-east-1").status}`), ["viewer: connected", "order: connected", "hot-products: connected"]);
    });

    it("growth-aws-serverless: SASL/IAM: the task role allowed to connect and write the orders topic authenticates; without WriteData the flow breaks there", async () => {
        const resources = (await filledPlan("growth-aws-serverless")).resources;
        const clusterArn = "arn:aws:kafka:us-east-1:123456789012:cluster/lc-us-east-1-queue-kafka/0f0f0f0f-0f0f-0f0f-0f0f-0f0f0f0f0f0f-1";
        const iam = breakLink(resources, MSK, "queue-kafka", (r) => ({ ...with_(r, "clientAuthentication", { sasl: { iam: true } }), outputs: { ...r.outputs, arn: clusterArn } }));
        const task = resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition" && r.name.endsWith("fargate-order-task")) ?? assert.fail("no order task definition");
        const role = resources.find((r) => r.type === "aws:iam/role:Role" && r.outputs?.arn === task.inputs.taskRoleArn) ?? assert.fail("no task role");
        const grant = (actions: string[]): FlowResource => ({
            urn: `${role.urn}-kafka`,
            type: "aws:iam/rolePolicy:RolePolicy",
            name: `${role.name}-kafka`,
            parent: role.parent,
            provider: role.provider,
            inputs: {
                role: role.inputs.name ?? role.outputs?.name,
                policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: actions, Resource: [clusterArn, "arn:aws:kafka:us-east-1:123456789012:topic/lc-us-east-1-queue-kafka/*"] }] }),
            },
        });
        const auth = (extra: FlowResource[]) => flow(analyzeFlows([...iam, ...extra]), "order", "us-east-1").hops.find((h) => h.check.startsWith("the order service authenticates"));
        assert.strictEqual(auth([grant(["kafka-cluster:Connect", "kafka-cluster:WriteData", "kafka-cluster:DescribeTopic"])])?.ok, true);
        const without = flow(analyzeFlows([...iam, grant(["kafka-cluster:Connect", "kafka-cluster:DescribeTopic"])]), "order", "us-east-1");
        assert.ok(without.broken?.hop.startsWith("the order service authenticates"), without.broken?.hop);
        assert.match(without.broken?.reason ?? "", /kafka-cluster:WriteData on topic orders/);
    });

    it("growth-alicloud: a CDN domain on an uploaded (cas) certificate is judged by cdn.certificateNames: covered ok, another name broken, none given unknown", async () => {
        const resources = (await filledPlan("growth-alicloud")).resources;
        const cas = (names: string[]): Mutate => (r) => certificateNames(...names)(with_(r, "certificateConfig", { certType: "cas", certId: "12345", certRegion: "cn-hangzhou", serverCertificateStatus: "on" }));
        const viewer = (names: string[]) => flow(analyzeFlows(breakLink(resources, "alicloud:cdn/domainNew:DomainNew", "cdn-domain", cas(names))), "viewer", "cn-hangzhou");
        const hop = (f: ReturnType<typeof viewer>) => f.hops.find((h) => h.check === "serves the domain over HTTPS");
        assert.strictEqual(hop(viewer([`*.live-commerce.cn`]))?.ok, true);
        const other = viewer(["*.other.cn"]);
        assert.strictEqual(other.broken?.hop, "serves the domain over HTTPS");
        assert.strictEqual(other.broken?.urn, resources.find((r) => r.name === "lc-cdn-domain")?.urn);
        const none = viewer([]);
        assert.strictEqual(none.status, "unknown");
        assert.strictEqual(hop(none)?.ok, null);
    });

    it("growth-alicloud: a certificate whose names are not given leaves the certificate hops unknown, never ok", async () => {
        const resources = breakLink((await filledPlan("growth-alicloud")).resources, ALB, "lb-alb", certificateNames());
        for (const key of ["viewer", "interaction", "order", "hot-products"]) {
            const f = flow(analyzeFlows(resources), key, "cn-hangzhou");
            assert.strictEqual(f.status, "unknown", key);
            const hop = f.hops.find((h) => h.check.startsWith("certificate for")) ?? assert.fail(`${key} has no certificate hop`);
            assert.strictEqual(hop.ok, null);
            assert.match(hop.unknown ?? "", /tls\.certificateNames/);
        }
    });

    it("growth-alicloud: the WebSocket route takes only the API name, the others any host", async () => {
        const rules = (await filledPlan("growth-alicloud")).resources.filter((r) => r.type === RULE && r.name.startsWith("lc-cn-hangzhou-lb-rule-"));
        const hosts = Object.fromEntries(rules.map((r) => [r.name, list(r.inputs.ruleConditions).filter(isRecord).filter((c) => c.type === "Host").map((c) => record(c.hostConfig).values)]));
        assert.deepStrictEqual(hosts, { "lc-cn-hangzhou-lb-rule-order": [], "lc-cn-hangzhou-lb-rule-ws": [[`api.${FILLED_DOMAIN}`]], "lc-cn-hangzhou-lb-rule-redirect": [] });
    });
});
