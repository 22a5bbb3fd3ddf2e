// Single links of the shipped plans broken as a reviewer would break them in the plan JSON: each
// must break its flow at exactly that hop and resource, also when an earlier hop only waits for a
// setting (the stock image, no certificate), and a link the traffic does not use must not.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { policyStatements } from "../policies/flows/contracts";
import { FlowResource } from "../policies/flows/graph";
import { isRecord, record } from "../policies/lib/values";
import { HopLink, assertBreaksAt, breakLink, flowOf as flow, withContacts, withSubscriptions } from "./support/break-link";
import { shippedPlan } from "./support/shipped";

function with_(r: FlowResource, key: string, value: unknown): FlowResource {
    return { ...r, inputs: { ...r.inputs, [key]: value } };
}

type Link = HopLink;

/** Each link: the hop holds before, and after the break the flow is broken at that hop on that resource. */
function breaks(stack: string, links: readonly Link[], prepare: (resources: readonly FlowResource[]) => FlowResource[] = (r) => [...r]): void {
    let resources: FlowResource[] = [];
    before(async () => {
        resources = prepare((await shippedPlan(stack)).resources);
    });
    for (const l of links) {
        it(`${stack} ${l.flow}: ${l.link} is caught at "${l.hop}" on ${l.resource}`, () => assertBreaksAt(resources, l));
    }
}

const AWS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const ALI_RULE = "alicloud:ecs/securityGroupRule:SecurityGroupRule";

/** A copy of the rule named `name` as a new rule (another name and URN) with `change` applied. */
function ruleCopy(resources: readonly FlowResource[], name: string, suffix: string, change: Record<string, unknown>): FlowResource[] {
    const r = resources.find((x) => x.name === name) ?? assert.fail(`no ${name}`);
    return [{ ...r, name: `${r.name}-${suffix}`, urn: `${r.urn}-${suffix}`, inputs: { ...r.inputs, ...change } }];
}

describe("flow links past a hop waiting for a setting (startup-aws runs the stock image)", function () {
    this.timeout(240_000);
    breaks("startup-aws", [
        { flow: "order", region: "us-east-1", link: "the data tier's 3306 rule removed", type: AWS_RULE, nameEnds: "sg-data-3306-from-app", mutate: () => null, hop: "admits lc-us-east-1-network-sg-app on 3306", resource: "lc-us-east-1-network-sg-data" },
        { flow: "order", region: "us-east-1", link: "the 3306 rule on UDP", type: AWS_RULE, nameEnds: "sg-data-3306-from-app", mutate: (r) => with_(r, "ipProtocol", "udp"), hop: "admits lc-us-east-1-network-sg-app on 3306", resource: "lc-us-east-1-network-sg-data" },
        { flow: "hot-products", region: "us-east-1", link: "the 6379 rule on ICMP", type: AWS_RULE, nameEnds: "sg-data-6379-from-app", mutate: (r) => with_(r, "ipProtocol", "icmp"), hop: "admits lc-us-east-1-network-sg-app on 6379", resource: "lc-us-east-1-network-sg-data" },
        { flow: "order", region: "us-east-1", link: "the database on port 3307", type: "aws:rds/instance:Instance", nameEnds: "db-primary", mutate: (r) => with_(r, "port", 3307), hop: "admits lc-us-east-1-network-sg-app on 3307", held: "admits lc-us-east-1-network-sg-app on 3306", resource: "lc-us-east-1-network-sg-data" },
        { flow: "hot-products", region: "us-east-1", link: "the cache on port 6380", type: "aws:elasticache/replicationGroup:ReplicationGroup", nameEnds: "cache-valkey", mutate: (r) => with_(r, "port", 6380), hop: "admits lc-us-east-1-network-sg-app on 6380", held: "admits lc-us-east-1-network-sg-app on 6379", resource: "lc-us-east-1-network-sg-data" },
    ]);

    it("the broken flow lists the placeholder it went past, and both are findings (the placeholder advisory)", async () => {
        const resources = (await shippedPlan("startup-aws")).resources;
        const order = flow(analyzeFlows(breakLink(resources, AWS_RULE, "sg-data-3306-from-app", () => null)), "order", "us-east-1");
        assert.deepStrictEqual(order.advisories?.map((a) => [a.hop, a.setting]), [["instances answer /healthz on 8080", "live-commerce:app"]]);
        const { flowViolations } = await import("../tools/lib/inputs");
        assert.deepStrictEqual(
            flowViolations([order], ["live-commerce:app"]).map((v) => [v.enforcement, v.message.replace(/:.*/, "")]),
            [
                ["mandatory", 'flow "placing an order" in us-east-1 is broken at hop "admits lc-us-east-1-network-sg-app on 3306"'],
                ["advisory", 'flow "placing an order" in us-east-1 is broken at hop "instances answer /healthz on 8080"'],
            ],
        );
    });
});

describe("flow links on Alibaba Cloud past the missing certificate (mature-alicloud)", function () {
    this.timeout(240_000);
    const data = "lc-ap-southeast-1-network-sg-data";
    const hop = "admits the targets on 9092";
    breaks("mature-alicloud", [
        { flow: "order", region: "ap-southeast-1", link: "the Kafka rule removed", type: ALI_RULE, nameEnds: "sg-data-9092-from-app", mutate: () => null, hop, resource: data },
        { flow: "order", region: "ap-southeast-1", link: "the Kafka rule on UDP", type: ALI_RULE, nameEnds: "sg-data-9092-from-app", mutate: (r) => with_(r, "ipProtocol", "udp"), hop, resource: data },
        {
            flow: "order",
            region: "ap-southeast-1",
            link: "a drop rule of the same priority for every source",
            type: ALI_RULE,
            nameEnds: "sg-data-9092-from-app",
            mutate: (r) => r,
            add: (resources) => ruleCopy(resources, "lc-ap-southeast-1-network-sg-data-9092-from-app", "drop", { policy: "drop", priority: 1, sourceSecurityGroupId: undefined, cidrIp: "0.0.0.0/0" }),
            hop,
            resource: data,
        },
        {
            flow: "order",
            region: "ap-southeast-1",
            link: "a drop rule for the app group of a higher priority",
            type: ALI_RULE,
            nameEnds: "sg-data-9092-from-app",
            mutate: (r) => with_(r, "priority", 10),
            add: (resources) => ruleCopy(resources, "lc-ap-southeast-1-network-sg-data-9092-from-app", "drop", { policy: "drop", priority: 5 }),
            hop,
            resource: data,
        },
    ]);

    it("a drop rule of a lower priority (a higher number) than the accept rule leaves the flow connected past it", async () => {
        const resources = (await shippedPlan("mature-alicloud")).resources;
        const drop = ruleCopy(resources, "lc-ap-southeast-1-network-sg-data-9092-from-app", "drop", { policy: "drop", priority: 100 });
        const order = flow(analyzeFlows([...resources, ...drop]), "order", "ap-southeast-1");
        assert.strictEqual(order.hops.find((h) => h.check === hop)?.ok, true);
    });
});

describe("flow links of the data tier's ports and endpoints (growth-aws)", function () {
    this.timeout(240_000);
    const nodes = "lc-us-east-1-k8s-cluster cluster security group";
    breaks("growth-aws", [
        { flow: "order", region: "us-east-1", link: "Aurora on port 3307", type: "aws:rds/cluster:Cluster", nameEnds: "db-cluster", mutate: (r) => with_(r, "port", 3307), hop: `admits ${nodes} on 3307`, held: `admits ${nodes} on 3306`, resource: "lc-us-east-1-network-sg-data" },
        {
            flow: "order",
            region: "us-east-1",
            link: "the Kafka rule admitting only the plaintext port 9092 of a TLS-only cluster",
            type: AWS_RULE,
            nameEnds: "k8s-data-9092-from-nodes",
            mutate: (r) => ({ ...r, inputs: { ...r.inputs, fromPort: 9092, toPort: 9092 } }),
            hop: `admits ${nodes} on 9094`,
            resource: "lc-us-east-1-network-sg-data",
        },
        {
            flow: "order",
            region: "us-east-1",
            link: "DATABASE_HOST pointing elsewhere",
            type: "kubernetes:core/v1:ConfigMap",
            nameEnds: "services-config",
            mutate: (r) => with_(r, "data", { ...record(r.inputs.data), DATABASE_HOST: "db.elsewhere.example.net" }),
            hop: "the app's DATABASE_HOST names",
            resource: "lc-us-east-1-db-cluster",
        },
        {
            flow: "order",
            region: "us-east-1",
            link: "KAFKA_BROKERS on the plaintext port 9092 of a TLS-only cluster",
            type: "kubernetes:core/v1:ConfigMap",
            nameEnds: "services-config",
            mutate: (r) => with_(r, "data", { ...record(r.inputs.data), KAFKA_BROKERS: String(record(r.inputs.data).KAFKA_BROKERS).replace(/:9094/g, ":9092") }),
            hop: "the app's KAFKA_BROKERS names",
            resource: "lc-us-east-1-queue-kafka",
        },
        { flow: "hot-products", region: "us-east-1", link: "the cache on port 6380", type: "aws:elasticache/replicationGroup:ReplicationGroup", nameEnds: "cache-valkey", mutate: (r) => with_(r, "port", 6380), hop: `admits ${nodes} on 6380`, held: `admits ${nodes} on 6379`, resource: "lc-us-east-1-network-sg-data" },
    ]);
});

const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const policyOf = (statements: readonly Record<string, unknown>[]) => JSON.stringify({ Version: "2012-10-17", Statement: statements });

describe("flow links of identities: Deny statements, conditions and trust (startup-aws)", function () {
    this.timeout(240_000);
    const put = { Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*" };
    breaks("startup-aws", [
        {
            flow: "scaling",
            region: "us-east-1",
            link: "a Deny of PutMetricData next to the Allow",
            type: ROLE_POLICY,
            nameEnds: "-app-publish-metrics",
            mutate: (r) => with_(r, "policy", policyOf([put, { Sid: "NoMetrics", Effect: "Deny", Action: "cloudwatch:*", Resource: "*" }])),
            hop: "may cloudwatch:PutMetricData",
            resource: "lc-us-east-1-app-role",
        },
        {
            flow: "scaling",
            region: "us-east-1",
            link: "a StringLike namespace condition the request does not meet",
            type: ROLE_POLICY,
            nameEnds: "-app-publish-metrics",
            mutate: (r) => with_(r, "policy", policyOf([{ ...put, Condition: { StringLike: { "cloudwatch:namespace": "Other/*" } } }])),
            hop: "may cloudwatch:PutMetricData",
            resource: "lc-us-east-1-app-role",
        },
        {
            flow: "scaling",
            region: "us-east-1",
            link: "the instance role trusting another service",
            type: "aws:iam/role:Role",
            nameEnds: "-app-role",
            mutate: (r) => with_(r, "assumeRolePolicy", policyOf([{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } }])),
            hop: "trusted by ec2.amazonaws.com",
            resource: "lc-us-east-1-app-role",
        },
        {
            flow: "alarm",
            region: "us-east-1",
            link: "the key policy's CloudWatch statement limited to another account",
            type: "aws:kms/key:Key",
            nameEnds: "alarms-key",
            mutate: (r) =>
                with_(
                    r,
                    "policy",
                    policyOf([{ Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": "210987654321" } } }]),
                ),
            hop: "encrypted with a key CloudWatch may use",
            resource: "lc-us-east-1-monitoring-alarms-key",
        },
    ]);

    it("a condition the request does not carry (aws:SourceIp) leaves the hop undetermined, never kept", async () => {
        const resources = (await shippedPlan("startup-aws")).resources;
        const broken = breakLink(resources, ROLE_POLICY, "-app-publish-metrics", (r) => with_(r, "policy", policyOf([{ ...put, Condition: { IpAddress: { "aws:SourceIp": "10.0.0.0/8" } } }])));
        const scaling = flow(analyzeFlows(broken), "scaling", "us-east-1");
        const hop = scaling.hops.find((h) => h.check.startsWith("may cloudwatch:PutMetricData")) ?? assert.fail("no publish hop");
        assert.deepStrictEqual([scaling.status, hop.ok, hop.unknown], ["unknown", null, "Condition IpAddress aws:SourceIp"]);
    });
});

const DIST = "aws:cloudfront/distribution:Distribution";
const TG = "aws:lb/targetGroup:TargetGroup";

/** The distribution with its first origin's customOriginConfig changed. */
function withOrigin(r: FlowResource, change: Record<string, unknown>): FlowResource {
    const origins = (Array.isArray(r.inputs.origins) ? r.inputs.origins : []).map((o, i) => (i === 0 ? { ...record(o), customOriginConfig: { ...record(record(o).customOriginConfig), ...change } } : o));
    if (origins.length === 0) return assert.fail("no origin");
    return with_(r, "origins", origins);
}

/** The target group with its health check changed. */
function withHealthCheck(r: FlowResource, change: Record<string, unknown>): FlowResource {
    return with_(r, "healthCheck", { ...record(r.inputs.healthCheck), ...change });
}

describe("flow links of the request path: origin, rules, target groups, registration, DNS (mature-aws)", function () {
    this.timeout(240_000);
    const tgApi = "lc-us-east-1-lb-tg-api";
    breaks("mature-aws", [
        { flow: "viewer", region: "us-east-1", link: "origin protocol http-only (the ALB's 80 redirects)", type: DIST, nameEnds: "distribution", mutate: (r) => withOrigin(r, { originProtocolPolicy: "http-only" }), hop: "origin ->", resource: "lc-cdn-distribution" },
        { flow: "viewer", region: "us-east-1", link: "origin HTTPS port 8443", type: DIST, nameEnds: "distribution", mutate: (r) => withOrigin(r, { httpsPort: 8443 }), hop: "origin ->", resource: "lc-cdn-distribution" },
        { flow: "viewer", region: "us-east-1", link: "the CDN certificate not covering the alias", type: DIST, nameEnds: "distribution", mutate: (r) => with_(r, "aliases", ["shop.example.org"]), hop: "serves the viewer hostname", resource: "lc-cdn-distribution" },
        {
            flow: "viewer",
            region: "us-east-1",
            link: "the API (default) behaviour cached with CachingOptimized",
            type: DIST,
            nameEnds: "distribution",
            mutate: (r) => with_(r, "defaultCacheBehavior", { ...record(r.inputs.defaultCacheBehavior), cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6" }),
            hop: "/api/products is not cached at the edge",
            resource: "lc-cdn-distribution",
        },
        {
            flow: "viewer",
            region: "us-east-1",
            link: "a cached behaviour for /api/* ahead of the default",
            type: DIST,
            nameEnds: "distribution",
            mutate: (r) => with_(r, "orderedCacheBehaviors", [{ ...record(r.inputs.defaultCacheBehavior), pathPattern: "/api/*", cachePolicyId: "658327ea-f89d-4fab-a63d-7e88639e58f6" }, ...(Array.isArray(r.inputs.orderedCacheBehaviors) ? r.inputs.orderedCacheBehaviors : [])]),
            hop: "/api/products is not cached at the edge",
            resource: "lc-cdn-distribution",
        },
        { flow: "viewer", region: "us-east-1", link: "the apex alias record removed", type: "aws:route53/record:Record", nameEnds: "steering-cdn", mutate: () => null, hop: "DNS: live.example.com alias the distribution", resource: "lc-cdn-distribution" },
        {
            flow: "order",
            region: "us-east-1",
            link: "an extra hostHeader condition that never matches",
            type: "aws:lb/listenerRule:ListenerRule",
            nameEnds: "rule-order",
            mutate: (r) => with_(r, "conditions", [...(Array.isArray(r.inputs.conditions) ? r.inputs.conditions : []), { hostHeader: { values: ["admin.example.org"] } }]),
            hop: "rule /order /order/* matches requests",
            resource: "lc-us-east-1-lb-rule-order",
        },
        {
            flow: "order",
            region: "us-east-1",
            link: "the rule's action a fixed response",
            type: "aws:lb/listenerRule:ListenerRule",
            nameEnds: "rule-order",
            mutate: (r) => with_(r, "actions", [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "503" } }]),
            hop: "rule /order /order/* forwards",
            resource: "lc-us-east-1-lb-rule-order",
        },
        { flow: "viewer", region: "us-east-1", link: "health check on port 9999", type: TG, nameEnds: "tg-api", mutate: (r) => withHealthCheck(r, { port: "9999" }), hop: "health check /healthz", resource: tgApi },
        { flow: "viewer", region: "us-east-1", link: "health check over HTTPS on HTTP targets", type: TG, nameEnds: "tg-api", mutate: (r) => withHealthCheck(r, { protocol: "HTTPS" }), hop: "health check /healthz", resource: tgApi },
        { flow: "viewer", region: "us-east-1", link: "health check matcher 204", type: TG, nameEnds: "tg-api", mutate: (r) => withHealthCheck(r, { matcher: "204" }), hop: "health check /healthz", resource: tgApi },
        { flow: "viewer", region: "us-east-1", link: "the target group speaking HTTPS", type: TG, nameEnds: "tg-api", mutate: (r) => with_(r, "protocol", "HTTPS"), hop: "health check /healthz", resource: tgApi },
        { flow: "viewer", region: "us-east-1", link: "an attachment of another Auto Scaling group", type: "aws:autoscaling/attachment:Attachment", nameEnds: "k8s-api-nodes-us-east-1a", mutate: (r) => with_(r, "autoscalingGroupName", "some-other-asg"), hop: "registered targets: the EKS nodes", resource: tgApi },
        {
            flow: "viewer",
            region: "us-east-1",
            link: "the node role trusting another service",
            type: "aws:iam/role:Role",
            nameEnds: "k8s-node-role",
            mutate: (r) => with_(r, "assumeRolePolicy", policyOf([{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } }])),
            hop: "trusted by ec2.amazonaws.com",
            resource: "lc-us-east-1-k8s-node-role",
        },
        {
            flow: "viewer",
            region: "us-east-1",
            link: "a Deny of sts:AssumeRole in the cluster role's trust",
            type: "aws:iam/role:Role",
            nameEnds: "k8s-cluster-role",
            mutate: (r) => with_(r, "assumeRolePolicy", policyOf([...policyStatements(r.inputs.assumeRolePolicy), { Sid: "NoOne", Effect: "Deny", Action: "sts:AssumeRole", Principal: "*" }])),
            hop: "trusted by eks.amazonaws.com",
            resource: "lc-us-east-1-k8s-cluster-role",
        },
        { flow: "order", region: "us-east-1", link: "the latency record of type TXT", type: "aws:route53/record:Record", nameEnds: "steering-latency-us-east-1", mutate: (r) => with_(r, "type", "TXT"), hop: "api.live.example.com aliases", resource: "lc-steering-latency-us-east-1" },
        { flow: "order", region: "us-east-1", link: "the latency record in another zone", type: "aws:route53/record:Record", nameEnds: "steering-latency-us-east-1", mutate: (r) => with_(r, "zoneId", "Z0THERZONE"), hop: "api.live.example.com aliases", resource: "lc-steering-latency-us-east-1" },
    ]);
});

describe("flow links of egress and the scaling signal (startup-aws)", function () {
    this.timeout(240_000);
    const nat = "lc-us-east-1-network-nat-us-east-1a";
    breaks("startup-aws", [
        { flow: "order", region: "us-east-1", link: "a private NAT gateway", type: "aws:ec2/natGateway:NatGateway", nameEnds: "nat-us-east-1a", mutate: (r) => with_(r, "connectivityType", "private"), hop: "lc-us-east-1-network-private-us-east-1a: a public NAT gateway", resource: nat },
        { flow: "order", region: "us-east-1", link: "the internet gateway route removed", type: "aws:ec2/route:Route", nameEnds: "rt-public-default", mutate: () => null, hop: "lc-us-east-1-network-private-us-east-1a: a public NAT gateway", resource: nat },
        { flow: "scaling", region: "us-east-1", link: "the alarm's dimension naming another group", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "app-scale-out-alarm", mutate: (r) => with_(r, "metricQueries", (Array.isArray(r.inputs.metricQueries) ? r.inputs.metricQueries : []).map((q) => ({ ...record(q), metric: { ...record(record(q).metric), dimensions: { AutoScalingGroupName: "nosuch" } } }))), hop: "reads LiveCommerce/App", resource: "lc-us-east-1-app-scale-out-alarm" },
        { flow: "scaling", region: "us-east-1", link: "the alarm's actions disabled", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "app-scale-out-alarm", mutate: (r) => with_(r, "actionsEnabled", false), hop: "reads LiveCommerce/App", resource: "lc-us-east-1-app-scale-out-alarm" },
        { flow: "scaling", region: "us-east-1", link: "the alarm comparing LessThanThreshold", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "app-scale-out-alarm", mutate: (r) => with_(r, "comparisonOperator", "LessThanThreshold"), hop: "reads LiveCommerce/App", resource: "lc-us-east-1-app-scale-out-alarm" },
        { flow: "scaling", region: "us-east-1", link: "the metadata endpoint disabled", type: "aws:ec2/launchTemplate:LaunchTemplate", nameEnds: "-app-launch-template", mutate: (r) => with_(r, "metadataOptions", { ...record(r.inputs.metadataOptions), httpEndpoint: "disabled" }), hop: "agent publishes", resource: "lc-us-east-1-app-launch-template" },
    ]);

    it("a subnet the plan does not declare leaves the egress hop undetermined, not connected", async () => {
        const resources = (await shippedPlan("startup-aws")).resources;
        const broken = breakLink(resources, "aws:autoscaling/group:Group", "app-group", (r) => with_(r, "vpcZoneIdentifiers", [...(Array.isArray(r.inputs.vpcZoneIdentifiers) ? r.inputs.vpcZoneIdentifiers : []), "subnet-elsewhere"]));
        const order = flow(analyzeFlows(broken), "order", "us-east-1");
        const hop = order.hops.find((h) => h.check === "subnet subnet-elsewhere routes 0.0.0.0/0 to a NAT gateway") ?? assert.fail(order.hops.map((h) => h.check).join("; "));
        assert.deepStrictEqual([hop.ok, hop.resource], [null, "lc-us-east-1-app-group"]);
        assert.notStrictEqual(order.status, "connected");
    });
});

describe("flow links of the ECS tier's registration and roles (growth-aws-serverless)", function () {
    this.timeout(240_000);
    const lambdaTrust = (r: FlowResource) => with_(r, "assumeRolePolicy", policyOf([{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "lambda.amazonaws.com" } }]));
    breaks("growth-aws-serverless", [
        { flow: "order", region: "us-east-1", link: "the execution role trusting another service", type: "aws:iam/role:Role", nameEnds: "fargate-order-execution", mutate: lambdaTrust, hop: "trusted by ecs-tasks.amazonaws.com", resource: "lc-us-east-1-fargate-order-execution" },
        {
            flow: "scaling",
            region: "us-east-1",
            link: "the task role's trust limited to another account",
            type: "aws:iam/role:Role",
            nameEnds: "fargate-interaction-task-role",
            mutate: (r) => with_(r, "assumeRolePolicy", String(r.inputs.assumeRolePolicy).replace(/"aws:SourceAccount":"\d+"/, '"aws:SourceAccount":"210987654321"')),
            hop: "trusted by ecs-tasks.amazonaws.com",
            resource: "lc-us-east-1-fargate-interaction-task-role",
        },
        {
            flow: "viewer",
            region: "us-east-1",
            link: "the container's port mapping on UDP",
            type: "aws:ecs/taskDefinition:TaskDefinition",
            nameEnds: "product-task",
            mutate: (r) => with_(r, "containerDefinitions", String(r.inputs.containerDefinitions).replace(/"protocol":"tcp"/g, '"protocol":"udp"')),
            hop: "container product maps port",
            resource: "lc-us-east-1-fargate-product-task",
        },
    ]);
});

describe("flow links of the request path on Alibaba Cloud past the missing certificate (mature-alicloud)", function () {
    this.timeout(240_000);
    const region = "cn-hangzhou";
    breaks("mature-alicloud", [
        {
            flow: "viewer",
            region,
            link: "the CDN source on port 80",
            type: "alicloud:cdn/domainNew:DomainNew",
            nameEnds: "cdn-domain",
            mutate: (r) => with_(r, "sources", (Array.isArray(r.inputs.sources) ? r.inputs.sources : []).map((x) => ({ ...record(x), port: 80 }))),
            hop: "origin -> lc-cn-hangzhou-lb-alb:443",
            resource: "lc-cdn-domain",
        },
        {
            flow: "order",
            region,
            link: "an extra Host condition in ruleConditions",
            type: "alicloud:alb/rule:Rule",
            nameEnds: "cn-hangzhou-lb-rule-order",
            mutate: (r) => with_(r, "ruleConditions", [...(Array.isArray(r.inputs.ruleConditions) ? r.inputs.ruleConditions : []), { type: "Host", hostConfig: { values: ["admin.example.org"] } }]),
            hop: "rule /order /order/* matches requests",
            resource: "lc-cn-hangzhou-lb-rule-order",
        },
        {
            flow: "order",
            region,
            link: "the rule's action a fixed response",
            type: "alicloud:alb/rule:Rule",
            nameEnds: "cn-hangzhou-lb-rule-order",
            mutate: (r) => with_(r, "ruleActions", [{ type: "FixedResponse", order: 1, fixedResponseConfig: { content: "closed", httpCode: "503" } }]),
            hop: "rule /order /order/* forwards",
            resource: "lc-cn-hangzhou-lb-rule-order",
        },
        {
            flow: "viewer",
            region,
            link: "the server group's health-check port 9999",
            type: "alicloud:alb/serverGroup:ServerGroup",
            nameEnds: "cn-hangzhou-lb-group-api",
            mutate: (r) => with_(r, "healthCheckConfig", { ...record(r.inputs.healthCheckConfig), healthCheckConnectPort: 9999 }),
            hop: "health check /healthz",
            resource: "lc-cn-hangzhou-lb-group-api",
        },
        {
            flow: "viewer",
            region,
            link: "the server group's health-check codes 3xx",
            type: "alicloud:alb/serverGroup:ServerGroup",
            nameEnds: "cn-hangzhou-lb-group-api",
            mutate: (r) => with_(r, "healthCheckConfig", { ...record(r.inputs.healthCheckConfig), healthCheckCodes: ["http_3xx"] }),
            hop: "health check /healthz",
            resource: "lc-cn-hangzhou-lb-group-api",
        },
    ]);
});

/** The first container of a Deployment with `change` applied. */
function withContainer(r: FlowResource, change: (c: Record<string, unknown>) => Record<string, unknown>): FlowResource {
    const spec = record(r.inputs.spec);
    const template = record(spec.template);
    const pod = record(template.spec);
    const containers = (Array.isArray(pod.containers) ? pod.containers : []).map((c, i) => (i === 0 ? change(record(c)) : c));
    return with_(r, "spec", { ...spec, template: { ...template, spec: { ...pod, containers } } });
}

describe("a missing link names the resource that holds it (growth-alicloud, growth-aws-serverless)", function () {
    this.timeout(240_000);
    breaks("growth-alicloud", [
        {
            flow: "stream",
            region: "cn-hangzhou",
            link: "the play domain's origin on port 81",
            type: "alicloud:cdn/domainNew:DomainNew",
            nameEnds: "video-play-domain",
            mutate: (r) => with_(r, "sources", (Array.isArray(r.inputs.sources) ? r.inputs.sources : []).map((x) => ({ ...record(x), port: 81 }))),
            hop: "play domain",
            resource: "lc-cn-hangzhou-video-play-domain",
        },
        {
            flow: "viewer",
            region: "cn-hangzhou",
            link: "a node pool in a security group the stack does not declare",
            type: "alicloud:cs/nodePool:NodePool",
            nameEnds: "k8s-nodes-cn-hangzhou-i",
            mutate: (r) => with_(r, "securityGroupIds", ["sg-elsewhere"]),
            hop: "node security group",
            held: "admits the load balancer's vSwitches on 30080",
            heldOn: "lc-cn-hangzhou-network-sg-app",
            resource: "lc-cn-hangzhou-k8s-nodes-cn-hangzhou-i",
        },
    ]);
    breaks("growth-aws-serverless", [
        {
            flow: "viewer",
            region: "us-east-1",
            link: "the tasks in a security group the stack does not declare",
            type: "aws:ecs/service:Service",
            nameEnds: "fargate-product",
            mutate: (r) => with_(r, "networkConfiguration", { ...record(r.inputs.networkConfiguration), securityGroups: ["sg-elsewhere"] }),
            hop: "tasks' security group",
            held: "task definition",
            resource: "lc-us-east-1-fargate-product",
        },
    ]);
});

describe("flow links of the Kubernetes tier: probes, Service type, ConfigMap, Secret, IRSA audience (growth-aws, growth-alicloud)", function () {
    this.timeout(240_000);
    const probeOn9999 = (r: FlowResource) => withContainer(r, (c) => ({ ...c, livenessProbe: { ...record(c.livenessProbe), httpGet: { ...record(record(c.livenessProbe).httpGet), port: 9999 } } }));
    const clusterIp = (r: FlowResource) => with_(r, "spec", { ...record(r.inputs.spec), type: "ClusterIP" });
    const noConfigMap = (r: FlowResource) => withContainer(r, (c) => ({ ...c, envFrom: (Array.isArray(c.envFrom) ? c.envFrom : []).filter((e) => record(e).configMapRef === undefined) }));
    const noRedisPassword = (r: FlowResource) => with_(r, "stringData", Object.fromEntries(Object.entries(record(r.inputs.stringData)).filter(([k]) => k !== "REDIS_PASSWORD")));
    breaks("growth-aws", [
        { flow: "viewer", region: "us-east-1", link: "the liveness probe on port 9999", type: "kubernetes:apps/v1:Deployment", nameEnds: "services-product-deployment", mutate: probeOn9999, hop: "pods answer /healthz", resource: "lc-us-east-1-services-product-deployment" },
        { flow: "viewer", region: "us-east-1", link: "the Service of type ClusterIP with its nodePort kept", type: "kubernetes:core/v1:Service", nameEnds: "services-product-service", mutate: clusterIp, hop: "node port 30080 -> service product", resource: "lc-us-east-1-services-product-service" },
        { flow: "order", region: "us-east-1", link: "envFrom without the endpoints ConfigMap", type: "kubernetes:apps/v1:Deployment", nameEnds: "services-order-deployment", mutate: noConfigMap, hop: "lc-us-east-1-services-order-deployment loads ConfigMap data-endpoints", resource: "lc-us-east-1-services-order-deployment" },
        { flow: "hot-products", region: "us-east-1", link: "the Secret without REDIS_PASSWORD", type: "kubernetes:core/v1:Secret", nameEnds: "services-product-credentials", mutate: noRedisPassword, hop: "lc-us-east-1-services-product-deployment gets the cache password (REDIS_PASSWORD)", heldOn: "lc-us-east-1-services-product-credentials", resource: "lc-us-east-1-services-product-deployment" },
        {
            flow: "order",
            region: "us-east-1",
            link: "the IRSA trust requiring another token audience",
            type: "aws:iam/role:Role",
            nameEnds: "k8s-order-role",
            mutate: (r) => with_(r, "assumeRolePolicy", String(r.inputs.assumeRolePolicy).replace(/sts\.amazonaws\.com/g, "sts.example.com")),
            hop: "trusts the token's audience sts.amazonaws.com",
            resource: "lc-us-east-1-k8s-order-role",
        },
    ]);
    breaks("growth-alicloud", [
        { flow: "interaction", region: "cn-hangzhou", link: "the liveness probe on port 9999", type: "kubernetes:apps/v1:Deployment", nameEnds: "services-interaction-deployment", mutate: probeOn9999, hop: "pods answer /healthz", resource: "lc-cn-hangzhou-services-interaction-deployment" },
        { flow: "order", region: "cn-hangzhou", link: "the Service of type ClusterIP with its nodePort kept", type: "kubernetes:core/v1:Service", nameEnds: "services-order-service", mutate: clusterIp, hop: "node port 30082 -> service order", resource: "lc-cn-hangzhou-services-order-service" },
        { flow: "hot-products", region: "cn-hangzhou", link: "the Secret without REDIS_PASSWORD", type: "kubernetes:core/v1:Secret", nameEnds: "services-product-credentials", mutate: noRedisPassword, hop: "lc-cn-hangzhou-services-product-deployment gets the cache password (REDIS_PASSWORD)", heldOn: "lc-cn-hangzhou-services-product-credentials", resource: "lc-cn-hangzhou-services-product-deployment" },
    ]);
});

describe("flow links of an alarm reaching a person (startup-aws with subscriptions, growth-alicloud with contacts)", function () {
    this.timeout(240_000);
    const ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";
    const SUB = "aws:sns/topicSubscription:TopicSubscription";
    const criticalAlarm = "lc-us-east-1-monitoring-appConnectionsPerInstance-critical";
    const criticalSub = "lc-us-east-1-monitoring-critical-0";
    const key = "lc-us-east-1-monitoring-alarms-key";
    const topicPolicy = (resources: readonly FlowResource[], statement: Record<string, unknown>): FlowResource[] => {
        const topic = resources.find((r) => r.name === "lc-us-east-1-monitoring-critical") ?? assert.fail("no critical topic");
        return [
            ...resources,
            { urn: `${topic.urn}-policy`, type: "aws:sns/topicPolicy:TopicPolicy", name: "lc-us-east-1-monitoring-critical-policy", parent: topic.parent, provider: topic.provider, inputs: { arn: record(topic.outputs).arn, policy: policyOf([statement]) } },
        ];
    };
    breaks(
        "startup-aws",
        [
            { flow: "alarm", region: "us-east-1", link: "the critical alarm's actions disabled", type: ALARM, nameEnds: "appConnectionsPerInstance-critical", mutate: (r) => with_(r, "actionsEnabled", false), hop: "alarm actions enabled", resource: criticalAlarm },
            { flow: "alarm", region: "us-east-1", link: "the subscription's protocol sqs with an e-mail endpoint", type: SUB, nameEnds: "monitoring-critical-0", mutate: (r) => with_(r, "protocol", "sqs"), hop: "subscription reaches a person", resource: criticalSub },
            { flow: "alarm", region: "us-east-1", link: "the subscription's endpoint empty", type: SUB, nameEnds: "monitoring-critical-0", mutate: (r) => with_(r, "endpoint", ""), hop: "subscription reaches a person", resource: criticalSub },
            { flow: "alarm", region: "us-east-1", link: "the alarm key disabled", type: "aws:kms/key:Key", nameEnds: "alarms-key", mutate: (r) => with_(r, "isEnabled", false), hop: "key enabled", resource: key },
        ],
        withSubscriptions,
    );

    it("the moved subscription's break names where it went, not a setting to set", async () => {
        const resources = withSubscriptions((await shippedPlan("startup-aws")).resources);
        const topics = resources.filter((r) => r.type === "aws:sns/topic:Topic").map((t) => [t.name, String(record(t.outputs).arn)]);
        const fatalArn = topics.find(([n]) => n.endsWith("-fatal"))?.[1] ?? assert.fail("no fatal topic");
        const alarm = flow(analyzeFlows(breakLink(resources, SUB, "monitoring-critical-0", (r) => with_(r, "topic", fatalArn))), "alarm", "us-east-1");
        assert.deepStrictEqual([alarm.broken?.hop, alarm.broken?.reason, alarm.broken?.setting], ["has a subscriber", "lc-us-east-1-monitoring-critical has no subscription: lc-us-east-1-monitoring-critical-0 subscribes to lc-us-east-1-monitoring-fatal", undefined]);
    });

    it("a topic policy denying CloudWatch sns:Publish breaks the alarm flow on that policy", async () => {
        const resources = withSubscriptions((await shippedPlan("startup-aws")).resources);
        const denied = topicPolicy(resources, { Sid: "NoAlarms", Effect: "Deny", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: "*" });
        const alarm = flow(analyzeFlows(denied), "alarm", "us-east-1");
        assert.deepStrictEqual([alarm.status, alarm.broken?.hop, alarm.broken?.urn], ["broken", "topic policy lets CloudWatch publish", denied[denied.length - 1].urn]);
        const allowed = topicPolicy(resources, { Effect: "Allow", Principal: { Service: "cloudwatch.amazonaws.com" }, Action: "sns:Publish", Resource: "*" });
        assert.strictEqual(flow(analyzeFlows(allowed), "alarm", "us-east-1").hops.find((h) => h.check === "topic policy lets CloudWatch publish")?.ok, true);
    });

    const CMS_ALARM = "alicloud:cms/alarm:Alarm";
    const group = "lc-cn-hangzhou-monitoring-contacts-critical";
    breaks(
        "growth-alicloud",
        [
            {
                flow: "alarm",
                region: "cn-hangzhou",
                link: "the critical alarm's dimensions naming another instance",
                type: CMS_ALARM,
                nameEnds: "alarm-cacheCpuPercent-critical",
                mutate: (r) => with_(r, "metricDimensions", JSON.stringify([{ instanceId: "r-elsewhere" }])),
                hop: "alarm watches a resource of the stack",
                resource: "lc-cn-hangzhou-monitoring-alarm-cacheCpuPercent-critical",
            },
            { flow: "alarm", region: "cn-hangzhou", link: "the critical alarm rule disabled", type: CMS_ALARM, nameEnds: "alarm-cacheCpuPercent-critical", mutate: (r) => with_(r, "enabled", false), hop: "alarm rule enabled", resource: "lc-cn-hangzhou-monitoring-alarm-cacheCpuPercent-critical" },
            {
                flow: "alarm",
                region: "cn-hangzhou",
                link: "the contact group listing an undeclared contact",
                type: "alicloud:cms/alarmContactGroup:AlarmContactGroup",
                nameEnds: "contacts-critical",
                mutate: (r) => with_(r, "contacts", ["oncall", "ghost"]),
                hop: "contact ghost has a channel",
                held: "has contacts",
                resource: group,
            },
            { flow: "alarm", region: "cn-hangzhou", link: "the contact's channelsMail empty", type: "alicloud:cms/alarmContact:AlarmContact", nameEnds: "oncall-contact", mutate: (r) => with_(r, "channelsMail", ""), hop: "contact oncall has a channel", resource: "oncall-contact" },
        ],
        withContacts,
    );
});

describe("flow links of egress on Alibaba Cloud: the NAT gateway, its EIP and the SNAT address (growth-alicloud)", function () {
    this.timeout(240_000);
    const region = "cn-hangzhou";
    const snat = "lc-cn-hangzhou-network-snat-cn-hangzhou-h";
    const bound = `${snat} translates to an EIP bound to`;
    breaks("growth-alicloud", [
        { flow: "order", region, link: "the EIP association removed from the NAT gateway", type: "alicloud:ecs/eipAssociation:EipAssociation", nameEnds: "nat-eip-assoc-cn-hangzhou-h", mutate: () => null, hop: bound, resource: snat },
        { flow: "order", region, link: "the SNAT address not an EIP of the gateway", type: "alicloud:vpc/snatEntry:SnatEntry", nameEnds: "snat-cn-hangzhou-h", mutate: (r) => with_(r, "snatIp", "198.51.100.7"), hop: bound, resource: snat },
        { flow: "order", region, link: "the SNAT address the other zone's EIP", type: "alicloud:vpc/snatEntry:SnatEntry", nameEnds: "snat-cn-hangzhou-h", mutate: (r) => with_(r, "snatIp", "203.0.113.101"), hop: bound, resource: snat },
        { flow: "order", region, link: "a VPC NAT gateway (networkType intranet)", type: "alicloud:vpc/natGateway:NatGateway", nameEnds: "network-nat-cn-hangzhou-h", mutate: (r) => with_(r, "networkType", "intranet"), hop: "lc-cn-hangzhou-network-nat-cn-hangzhou-h is an Internet NAT gateway", resource: "lc-cn-hangzhou-network-nat-cn-hangzhou-h" },
    ]);
});

describe("flow links of the order topic and the recording bucket (growth-alicloud, growth-aws)", function () {
    this.timeout(240_000);
    breaks("growth-alicloud", [
        { flow: "order", region: "cn-hangzhou", link: "the orders topic deleted", type: "alicloud:alikafka/topic:Topic", nameEnds: "queue-topic-orders", mutate: () => null, hop: "topic orders exists on", resource: "lc-cn-hangzhou-queue-kafka" },
    ]);
    breaks("growth-aws", [
        {
            flow: "stream",
            region: "us-east-1",
            link: "the media bucket policy denying s3:PutObject",
            type: "aws:s3/bucketPolicy:BucketPolicy",
            nameEnds: "storage-media-policy",
            mutate: (r) => with_(r, "policy", policyOf([...policyStatements(r.inputs.policy), { Sid: "NoWrites", Effect: "Deny", Principal: "*", Action: "s3:PutObject", Resource: "*" }])),
            hop: "bucket policy lets IVS put the recordings",
            resource: "lc-us-east-1-storage-media-policy",
        },
    ]);
});

describe("flow links of the app's endpoint settings on Alibaba Cloud (growth-alicloud)", function () {
    this.timeout(240_000);
    const region = "cn-hangzhou";
    const CONFIG = "kubernetes:core/v1:ConfigMap";
    const setting = (key: string, value: (old: string) => string) => (r: FlowResource) => with_(r, "data", { ...record(r.inputs.data), [key]: value(String(record(r.inputs.data)[key])) });
    breaks("growth-alicloud", [
        { flow: "order", region, link: "DATABASE_HOST pointing elsewhere", type: CONFIG, nameEnds: "services-config", mutate: setting("DATABASE_HOST", () => "db.elsewhere.example.net"), hop: "the app's DATABASE_HOST names", resource: "lc-cn-hangzhou-db-polardb" },
        { flow: "order", region, link: "KAFKA_BROKERS on port 9093", type: CONFIG, nameEnds: "services-config", mutate: setting("KAFKA_BROKERS", (v) => v.replace(/:9092/g, ":9093")), hop: "the app's KAFKA_BROKERS names", resource: "lc-cn-hangzhou-queue-kafka" },
        {
            flow: "hot-products",
            region,
            link: "the Tair instance on port 6380 (REDIS_HOST names no port: the client's 6379)",
            type: "alicloud:redis/tairInstance:TairInstance",
            nameEnds: "cache-redis",
            mutate: (r) => with_(r, "port", 6380),
            hop: "the app's REDIS_HOST names lc-cn-hangzhou-cache-redis on 6380",
            held: "the app's REDIS_HOST names lc-cn-hangzhou-cache-redis on 6379",
            resource: "lc-cn-hangzhou-cache-redis",
        },
    ]);
});

describe("flow links of the database grant: the app's Normal account has a privilege on the schema", function () {
    this.timeout(240_000);
    const grant = "account app has a privilege on the application's database";
    const polardb = "alicloud:polardb/accountPrivilege:AccountPrivilege";
    const rds = "alicloud:rds/accountPrivilege:AccountPrivilege";
    const region = "cn-hangzhou";
    const privilege = "lc-cn-hangzhou-db-account-privilege";
    breaks("growth-alicloud-serverless", [
        { flow: "order", region, link: "the PolarDB privilege ReadOnly", type: polardb, nameEnds: "db-account-privilege", mutate: (r) => with_(r, "accountPrivilege", "ReadOnly"), hop: grant, resource: privilege },
        { flow: "order", region, link: "the PolarDB privilege's default (ReadOnly)", type: polardb, nameEnds: "db-account-privilege", mutate: (r) => with_(r, "accountPrivilege", undefined), hop: grant, resource: privilege },
        { flow: "order", region, link: "the PolarDB privilege on another database", type: polardb, nameEnds: "db-account-privilege", mutate: (r) => with_(r, "dbNames", ["other"]), hop: grant, resource: privilege },
    ]);
    breaks("startup-alicloud", [
        { flow: "order", region, link: "the RDS privilege DDLOnly", type: rds, nameEnds: "db-account-privilege", mutate: (r) => with_(r, "privilege", "DDLOnly"), hop: grant, resource: privilege },
        { flow: "order", region, link: "the RDS privilege on another database", type: rds, nameEnds: "db-account-privilege", mutate: (r) => with_(r, "dbNames", ["other"]), hop: grant, resource: privilege },
    ]);

    for (const [stack, type] of [
        ["growth-alicloud-serverless", polardb],
        ["startup-alicloud", rds],
    ] as const) {
        it(`${stack}: without the privilege the order flow breaks at the account, which can log in but reach no database`, async () => {
            const resources = (await shippedPlan(stack)).resources;
            const after = flow(analyzeFlows(breakLink(resources, type, "db-account-privilege", () => null)), "order", region);
            assert.strictEqual(after.status, "broken");
            assert.strictEqual(after.broken?.hop, grant);
            assert.strictEqual(after.broken?.urn, resources.find((r) => r.name === "lc-cn-hangzhou-db-account")?.urn);
            assert.match(after.broken?.reason ?? "", /type Normal\) has no account privilege \(alicloud:(polardb|rds)\/accountPrivilege:AccountPrivilege\) on lc-cn-hangzhou-db-/);
        });
    }
});

describe("flow links of the SAE ingress: every path pattern of a route has its rule (ALB matches exactly or by wildcard)", function () {
    this.timeout(240_000);
    const withoutPath = (path: string) => (r: FlowResource) => with_(r, "rules", (Array.isArray(r.inputs.rules) ? r.inputs.rules : []).filter((x) => !(isRecord(x) && x.path === path)));
    breaks("growth-alicloud-serverless", [
        {
            flow: "order",
            region: "cn-hangzhou",
            link: "the /order/* rules removed (only the first pattern sent)",
            type: "alicloud:sae/ingress:Ingress",
            nameEnds: "sae-ingress",
            mutate: withoutPath("/order/*"),
            hop: "rules for every path of the route (/order, /order/*)",
            resource: "lc-cn-hangzhou-sae-ingress",
        },
    ]);
});

describe("flow links of the Fargate target groups: the health check is the tasks' readiness", function () {
    this.timeout(240_000);
    breaks("growth-aws-serverless", [
        {
            flow: "order",
            region: "us-east-1",
            link: "the order target group checking /healthz",
            type: "aws:lb/targetGroup:TargetGroup",
            nameEnds: "tg-order",
            mutate: (r) => with_(r, "healthCheck", { ...record(r.inputs.healthCheck), path: "/healthz" }),
            hop: "health check is the tasks' readiness (/ready)",
            resource: "lc-us-east-1-lb-tg-order",
        },
    ]);
});
