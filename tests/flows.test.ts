// The flow analysis catches a broken link at exactly the hop it breaks: each case takes a planned
// stack, breaks one link (a certificate name, an origin, a rule, a registration, a security-group
// rule, a key policy, a subscription, a route, a recording bucket) and expects the flow broken there.

import * as assert from "assert";

import { analyzeFlows } from "../policies/flows/analyze";
import { FlowGraph, FlowResource, UNKNOWN, at } from "../policies/flows/graph";
import { isRecord, list, num, record } from "../policies/lib/values";
import { projectsTokenFile, replicaRange, scrapesDeployment, selectsPods, targetsContainerPort } from "../policies/flows/kubernetes";
import { FlowResult } from "../policies/flows/walk";
import { FLOW_CONNECTED } from "../policies/flows/finding";
import { mskClientPort } from "../policies/flows/aws";
import { Plan } from "../tools/lib/record";
import { plan as awsPlan } from "./aws/plans";
import { MYSQL_STACK, POLARDB_STACK, usePlans } from "./alicloud/plans";
import { shippedPlan, shippedPreviewPlan } from "./support/shipped";
import { LinkCase, breakLink, withContacts, withSubscriptions } from "./support/break-link";


function flow(flows: readonly FlowResult[], key: string, region: string): FlowResult {
    return flows.find((f) => f.key === key && f.region === region) ?? assert.fail(`no flow ${key} in ${region}`);
}

type Case = LinkCase;

function with_<K extends string>(r: FlowResource, key: K, value: unknown): FlowResource {
    return { ...r, inputs: { ...r.inputs, [key]: value } };
}

/** The resource with its Helm `values` changed by `change` (a deep copy is passed). */
function withValues(r: FlowResource, change: (values: Record<string, unknown>) => void): FlowResource {
    const values: Record<string, unknown> = JSON.parse(JSON.stringify(r.inputs.values ?? {}));
    change(values);
    return with_(r, "values", values);
}

/** The value under `keys` (keys may hold dots, as `prometheus.yml` does). */
function dig(value: unknown, ...keys: string[]): unknown {
    return keys.reduce<unknown>((v, k) => (isRecord(v) ? v[k] : undefined), value);
}

/** The object under `keys`, to edit in place. */
function objectAt(value: unknown, ...keys: string[]): Record<string, unknown> {
    const v = dig(value, ...keys);
    return isRecord(v) ? v : assert.fail(`no object at ${keys.join(".")}`);
}

/** The first object of the list under `keys`, to edit in place. */
function firstAt(value: unknown, ...keys: string[]): Record<string, unknown> {
    const v = dig(value, ...keys);
    const f: unknown = Array.isArray(v) ? v[0] : undefined;
    return isRecord(f) ? f : assert.fail(`no list of objects at ${keys.join(".")}`);
}

const HPA_TYPE = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const RELEASE_TYPE = "kubernetes:helm.sh/v3:Release";

/** The interaction HPA reading another Pods metric name than the adapter serves. */
const renamedPodsMetric = (r: FlowResource): FlowResource =>
    with_(r, "spec", {
        ...record(r.inputs.spec),
        metrics: [
            { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 70 } } },
            { type: "Pods", pods: { metric: { name: "websocket_connections" }, target: { type: "AverageValue", averageValue: "5000" } } },
        ],
    });

/** The custom-metric path, shared by both clouds: HPA -> adapter rule -> Prometheus -> scraped pods. */
const customMetricCases: readonly Case[] = [
    { flow: "scaling", link: "the HPA's Pods metric name", type: HPA_TYPE, nameEnds: "interaction-hpa", mutate: renamedPodsMetric, hop: "serves app_connections per pod", reported: "serves the HPA's Pods metric websocket_connections" },
    {
        flow: "scaling",
        link: "the adapter rule's metric name",
        type: RELEASE_TYPE,
        nameEnds: "connection-metrics-adapter",
        mutate: (r) => withValues(r, (v) => (objectAt(firstAt(v, "rules", "custom"), "name").as = "connections")),
        hop: "serves app_connections per pod",
        reported: "serves the HPA's Pods metric app_connections",
    },
    {
        flow: "scaling",
        link: "the adapter rule's pod mapping",
        type: RELEASE_TYPE,
        nameEnds: "connection-metrics-adapter",
        mutate: (r) => withValues(r, (v) => (objectAt(firstAt(v, "rules", "custom"), "resources").overrides = { namespace: { resource: "namespace" } })),
        hop: "serves app_connections per pod",
    },
    { flow: "scaling", link: "the adapter's Prometheus URL", type: RELEASE_TYPE, nameEnds: "connection-metrics-adapter", mutate: (r) => withValues(r, (v) => (v.prometheus = { url: "http://prometheus.monitoring.svc", port: 9090 })), hop: "queries Prometheus at" },
    {
        flow: "scaling",
        link: "the adapter rule's series",
        type: RELEASE_TYPE,
        nameEnds: "connection-metrics-adapter",
        mutate: (r) => withValues(r, (v) => (firstAt(v, "rules", "custom").seriesQuery = 'http_connections{namespace!="",pod!=""}')),
        hop: "the adapter reads the pods' series live_commerce_app_connections",
    },
    {
        flow: "scaling",
        link: "the scrape job's port filter",
        type: RELEASE_TYPE,
        nameEnds: "connection-metrics-prometheus",
        mutate: (r) =>
            withValues(r, (v) => {
                const job = firstAt(v, "serverFiles", "prometheus.yml", "scrape_configs");
                job.relabel_configs = list(job.relabel_configs).map((x) => (isRecord(x) && x.regex === "http" ? { ...x, regex: "metrics" } : x));
            }),
        hop: "scrapes lc-",
    },
];

/** The task definition with the container secret `env` reading JSON key `key` of its secret (`<arn>:<key>::`). */
function withSecretKey(r: FlowResource, env: string, key: string): FlowResource {
    const text = typeof r.inputs.containerDefinitions === "string" ? r.inputs.containerDefinitions : assert.fail("no containerDefinitions");
    const definitions = list(JSON.parse(text)).filter(isRecord);
    for (const d of definitions) for (const x of list(d.secrets).filter(isRecord)) if (x.name === env && typeof x.valueFrom === "string") x.valueFrom = `${x.valueFrom.split(":").slice(0, 7).join(":")}:${key}::`;
    return with_(r, "containerDefinitions", JSON.stringify(definitions));
}

/** The Service with `change` applied to a deep copy of its `spec`. */
function withServiceSpec(r: FlowResource, change: (spec: Record<string, unknown>) => void): FlowResource {
    const spec: Record<string, unknown> = JSON.parse(JSON.stringify(r.inputs.spec ?? {}));
    change(spec);
    return with_(r, "spec", spec);
}

/** NodePort Service -> pods, and the HPA's replica range, shared by EKS and ACK. */
const serviceCases: readonly Case[] = [
    {
        flow: "interaction",
        link: "the Service's selector",
        type: "kubernetes:core/v1:Service",
        nameEnds: "interaction-service",
        mutate: (r) => withServiceSpec(r, (spec) => (spec.selector = { "app.kubernetes.io/name": "chat", "app.kubernetes.io/part-of": "live-commerce" })),
        hop: "selects lc-",
    },
    {
        flow: "order",
        link: "the Service's target port",
        type: "kubernetes:core/v1:Service",
        nameEnds: "order-service",
        mutate: (r) => withServiceSpec(r, (spec) => (firstAt(spec, "ports").targetPort = "web")),
        hop: "targets a container port of lc-",
    },
    {
        flow: "order",
        link: "the Service's numbered target port",
        type: "kubernetes:core/v1:Service",
        nameEnds: "order-service",
        mutate: (r) => withServiceSpec(r, (spec) => (firstAt(spec, "ports").targetPort = 9090)),
        hop: "targets a container port of lc-",
    },
    {
        flow: "scaling",
        link: "the HPA's replica range",
        type: HPA_TYPE,
        nameEnds: "order-hpa",
        mutate: (r) => with_(r, "spec", { ...record(r.inputs.spec), maxReplicas: num(at(r.inputs, "spec.minReplicas")) ?? 1 }),
        hop: "can scale out",
    },
];

function runCases(getResources: () => FlowResource[], region: string, cases: readonly Case[]): void {
    for (const c of cases) {
        it(`${c.flow}: ${c.link} is caught at "${c.hop}"`, () => {
            const resources = getResources();
            const before = flow(analyzeFlows(resources), c.flow, region);
            const hop = before.hops.find((h) => h.check.startsWith(c.hop));
            assert.ok(hop !== undefined && hop.ok === true, `hop "${c.hop}" holds before the link is broken (hops: ${before.hops.map((h) => `${h.check}=${h.ok}`).join("; ")})`);
            const after = flow(analyzeFlows(breakLink(resources, c.type, c.nameEnds, c.mutate)), c.flow, region);
            assert.strictEqual(after.status, "broken");
            const expected = c.reported ?? c.hop;
            assert.ok(after.broken?.hop.startsWith(expected), `broken at "${after.broken?.hop}", expected "${expected}"`);
            assert.ok((after.broken?.urn ?? "") !== "", "the broken hop names its resource");
        });
    }
}

describe("flows on AWS: one broken link is caught at exactly its hop", function () {
    this.timeout(240_000);
    let startup: Plan;
    let mature: Plan;
    before(async () => {
        startup = await awsPlan("startup-aws");
        mature = await awsPlan("mature-aws");
    });
    const requestCases: Case[] = [
        { flow: "viewer", link: "the CDN alias", type: "aws:cloudfront/distribution:Distribution", nameEnds: "distribution", mutate: (r) => with_(r, "aliases", []), hop: "serves the viewer hostname" },
        { flow: "viewer", link: "the CDN origin", type: "aws:cloudfront/distribution:Distribution", nameEnds: "distribution", mutate: (r) => with_(r, "origins", [{ originId: "x", domainName: "elsewhere.example.net" }]), hop: "origin ->" },
        { flow: "viewer", link: "Host forwarding (CloudFront checks the ELB name)", type: "aws:cloudfront/distribution:Distribution", nameEnds: "distribution", mutate: (r) => with_(r, "defaultCacheBehavior", { ...(r.inputs.defaultCacheBehavior as object), originRequestPolicyId: "b689b0a8-53d0-40ab-baf2-68738e2966ac" }), hop: "certificate covers" },
        { flow: "viewer", link: "the default action", type: "aws:lb/listener:Listener", nameEnds: "https", mutate: (r) => with_(r, "defaultActions", [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:1:targetgroup/none" }]), hop: "default action ->" },
        { flow: "viewer", link: "the scaling group's registration", type: "aws:autoscaling/group:Group", nameEnds: "group", mutate: (r) => with_(r, "targetGroupArns", []), hop: "registered targets" },
        { flow: "interaction", link: "the /ws rule", type: "aws:lb/listenerRule:ListenerRule", nameEnds: "rule-ws", mutate: () => null, hop: "/ws /ws/* ->", reported: "rule /ws" },
        { flow: "order", link: "the /order rule's target group", type: "aws:lb/listenerRule:ListenerRule", nameEnds: "rule-order", mutate: (r) => with_(r, "actions", [{ type: "forward", targetGroupArn: "arn:none" }]), hop: "/order /order/* ->" },
    ];
    runCases(() => startup.resources, "us-east-1", requestCases);
    runCases(() => mature.resources, "us-east-1", [
        { flow: "interaction", link: "the node groups' attachment", type: "aws:autoscaling/attachment:Attachment", nameEnds: "", mutate: () => null, hop: "registered targets: the EKS nodes" },
        { flow: "interaction", link: "the interaction NodePort", type: "kubernetes:core/v1:Service", nameEnds: "interaction-service", mutate: (r) => with_(r, "spec", { type: "ClusterIP" }), hop: "node port" },
        { flow: "interaction", link: "the pods' health path", type: "kubernetes:apps/v1:Deployment", nameEnds: "interaction-deployment", mutate: () => null, hop: "pods answer" },
        { flow: "viewer", link: "the node-port rule from the load balancer", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "node-ports-from-lb", mutate: () => null, hop: "admits the load balancer" },
        { flow: "order", link: "the data tier's MySQL rule for the nodes", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "k8s-data-3306-from-nodes", mutate: () => null, hop: "admits lc-us-east-1-k8s-cluster cluster security group on 3306" },
        { flow: "order", link: "the data tier's Kafka rule for the nodes", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "k8s-data-9092-from-nodes", mutate: () => null, hop: "admits lc-us-east-1-k8s-cluster cluster security group on 9094" },
        { flow: "order", link: "a zone's default route", type: "aws:ec2/route:Route", nameEnds: "rt-private-us-east-1b-default", mutate: () => null, hop: "every subnet of the targets routes" , reported: "routes 0.0.0.0/0 to a NAT gateway" },
        { flow: "hot-products", link: "the data tier's Redis rule for the nodes", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "k8s-data-6379-from-nodes", mutate: () => null, hop: "admits lc-us-east-1-k8s-cluster cluster security group on 6379" },
        { flow: "order", link: "the api.<domain> SAN", type: "aws:acm/certificate:Certificate", nameEnds: "-lb-certificate", mutate: (r) => with_(r, "subjectAlternativeNames", []), hop: "certificate covers" },
    ]);
    runCases(() => mature.resources, "us-west-2", [
        { flow: "order", link: "write forwarding of the secondary", type: "aws:rds/cluster:Cluster", nameEnds: "us-west-2-db-cluster", mutate: (r) => with_(r, "enableGlobalWriteForwarding", false), hop: "writes reach the primary region" },
    ]);
    runCases(() => startup.resources, "us-east-1", [
        { flow: "stream", link: "the channel's recording", type: "aws:ivs/channel:Channel", nameEnds: "channel", mutate: (r) => with_(r, "recordingConfigurationArn", undefined), hop: "records" },
        { flow: "stream", link: "the recording bucket", type: "aws:ivs/recordingConfiguration:RecordingConfiguration", nameEnds: "recording", mutate: (r) => with_(r, "destinationConfiguration", { s3: { bucketName: "another-bucket" } }), hop: "to the region's media bucket" },
        { flow: "stream", link: "the bucket's encryption", type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", nameEnds: "media-encryption", mutate: () => null, hop: "encrypted at rest" },
        { flow: "scaling", link: "the launch template's instance profile", type: "aws:ec2/launchTemplate:LaunchTemplate", nameEnds: "-app-launch-template", mutate: (r) => with_(r, "iamInstanceProfile", undefined), hop: "instance profile" },
        { flow: "scaling", link: "the profile's role", type: "aws:iam/instanceProfile:InstanceProfile", nameEnds: "-app-profile", mutate: (r) => with_(r, "role", "another-role"), hop: "role" },
        { flow: "scaling", link: "the role's PutMetricData statement", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "-app-publish-metrics", mutate: () => null, hop: "may cloudwatch:PutMetricData" },
        {
            flow: "scaling",
            link: "the statement's namespace (another than the alarms read)",
            type: "aws:iam/rolePolicy:RolePolicy",
            nameEnds: "-app-publish-metrics",
            mutate: (r) => with_(r, "policy", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*", Condition: { StringEquals: { "cloudwatch:namespace": "Other/App" } } }] })),
            hop: "may cloudwatch:PutMetricData",
        },
        { flow: "scaling", link: "the publisher in the user data", type: "aws:ec2/launchTemplate:LaunchTemplate", nameEnds: "-app-launch-template", mutate: (r) => with_(r, "userData", undefined), hop: "agent publishes" },
        { flow: "scaling", link: "instance tags in the metadata (the group name)", type: "aws:ec2/launchTemplate:LaunchTemplate", nameEnds: "-app-launch-template", mutate: (r) => with_(r, "metadataOptions", { httpEndpoint: "enabled", httpTokens: "required" }), hop: "agent publishes" },
        { flow: "alarm", link: "the alarm's topic", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "critical", mutate: (r) => with_(r, "alarmActions", ["arn:aws:sns:us-east-1:1:none"]), hop: "notifies an SNS topic" },
        { flow: "alarm", link: "the key policy's CloudWatch statement", type: "aws:kms/key:Key", nameEnds: "alarms-key", mutate: (r) => with_(r, "policy", JSON.stringify({ Version: "2012-10-17", Statement: [] })), hop: "encrypted with a key CloudWatch may use" },
    ]);
});

describe("MSK client port as configured", () => {
    const msk = (inputs: Record<string, unknown>): FlowResource => ({ urn: "urn:msk", type: "aws:msk/cluster:Cluster", name: "kafka", parent: null, provider: null, inputs });
    it("TLS (the default) 9094, plaintext 9092, IAM only 9098, SCRAM only 9096; unauthenticated access keeps the encryption's port", () => {
        assert.deepStrictEqual(
            [
                msk({}),
                msk({ encryptionInfo: { encryptionInTransit: { clientBroker: "TLS" } }, clientAuthentication: { unauthenticated: true } }),
                msk({ encryptionInfo: { encryptionInTransit: { clientBroker: "PLAINTEXT" } } }),
                msk({ clientAuthentication: { sasl: { iam: true } } }),
                msk({ clientAuthentication: { sasl: { scram: true } } }),
                msk({ clientAuthentication: { unauthenticated: true, sasl: { iam: true } } }),
            ].map(mskClientPort),
            [9094, 9094, 9092, 9098, 9096, 9094],
        );
    });
});

describe("flows per compute tier on AWS: ECS services and HPAs", function () {
    this.timeout(240_000);
    let serverless: Plan;
    let kubernetes: Plan;
    before(async () => {
        serverless = await awsPlan("growth-aws-serverless");
        kubernetes = await awsPlan("growth-aws");
    });
    const ecsService = "aws:ecs/service:Service";
    runCases(() => serverless.resources, "us-east-1", [
        // The rotating RDS-managed secret is read by the app with its task role, not injected at task start.
        { flow: "order", link: "the task role's read of the database secret", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "fargate-order-task-role-database-secret", mutate: () => null, hop: "order: task role may secretsmanager:GetSecretValue on the database secret" },
        { flow: "order", link: "the task definition's task role (the database secret's reader)", type: "aws:ecs/taskDefinition:TaskDefinition", nameEnds: "fargate-order-task", mutate: (r) => with_(r, "taskRoleArn", "arn:aws:iam::123456789012:role/elsewhere"), hop: "order: task role" },
        { flow: "hot-products", link: "the cache token's JSON key", type: "aws:ecs/taskDefinition:TaskDefinition", nameEnds: "product-task", mutate: (r) => withSecretKey(r, "REDIS_PASSWORD", "token"), hop: "product: the REDIS_PASSWORD secret holds the JSON key" },
        { flow: "order", link: "the ECS service's loadBalancers entry", type: ecsService, nameEnds: "fargate-order", mutate: (r) => with_(r, "loadBalancers", []), hop: "registered targets: ECS service", reported: "registered targets" },
        { flow: "hot-products", link: "the target type of the route's target group", type: "aws:lb/targetGroup:TargetGroup", nameEnds: "tg-product", mutate: (r) => with_(r, "targetType", "instance"), hop: "registered targets: ECS service" },
        { flow: "interaction", link: "the container port of the registration", type: ecsService, nameEnds: "fargate-interaction", mutate: (r) => with_(r, "loadBalancers", [{ ...(Array.isArray(r.inputs.loadBalancers) ? r.inputs.loadBalancers[0] : {}), containerPort: 9090 }]), hop: "container interaction maps port" },
        { flow: "viewer", link: "the tasks' rule from the load balancer", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "fargate-product-sg-from-lb", mutate: () => null, hop: "admits the load balancer on 8080" },
        { flow: "scaling", link: "the scale-out alarm's ECS metric", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "fargate-order-scale-out-alarm", mutate: (r) => with_(r, "metricQueries", []), hop: "reads AWS/ECS CPUUtilization of service/lc-us-east-1-fargate/order" },
        { flow: "scaling", link: "the service's scalable target", type: "aws:appautoscaling/target:Target", nameEnds: "fargate-user-target", mutate: () => null, hop: "scalable target service/lc-us-east-1-fargate/user" },
        // MSK serves TLS clients on 9094 (clientBroker TLS, unauthenticated): a rule for 9092 only does not reach it.
        { flow: "order", link: "the Kafka rule's TLS port", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "fargate-order-sg-data-9092", mutate: (r) => with_(r, "toPort", 9092), hop: "admits lc-us-east-1-fargate-order-sg on 9094" },
        // Each service's tasks reach MySQL through a rule for their own group: without the order group's rule no other rule admits them.
        { flow: "order", link: "the order tasks' MySQL rule", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", nameEnds: "fargate-order-sg-data-3306", mutate: () => null, hop: "admits lc-us-east-1-fargate-order-sg on 3306" },
    ]);
    runCases(() => withSubscriptions(serverless.resources), "us-east-1", [
        {
            flow: "order",
            link: "the secret DATABASE_SECRET_ARN names",
            type: "aws:ecs/taskDefinition:TaskDefinition",
            nameEnds: "fargate-order-task",
            mutate: (r) => with_(r, "containerDefinitions", mapContainers(r, (c) => ({ ...c, environment: list(c.environment).filter(isRecord).map((e) => (e.name === "DATABASE_SECRET_ARN" ? { ...e, value: "arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf" } : e)) }))),
            hop: "the DATABASE_SECRET_ARN secret is managed by RDS for lc-us-east-1-db-cluster or declared in the stack",
        },
        { flow: "order", link: "the task role's read of the secret", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "fargate-order-task-role-database-secret", mutate: (r) => with_(r, "policy", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: ["arn:aws:secretsmanager:us-east-1:123456789012:secret:other-*"] }] })), hop: "order: task role may secretsmanager:GetSecretValue on the database secret" },
        // Each service's own execution role: breaking one breaks that service at its secret and no other.
        { flow: "interaction", link: "the interaction execution role's read of the cache token", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "fargate-interaction-execution-secrets", mutate: () => null, hop: "interaction: execution role may secretsmanager:GetSecretValue on the REDIS_PASSWORD secret" },
        { flow: "scaling", link: "the user execution role's read of the cache token", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "fargate-user-execution-secrets", mutate: () => null, hop: "user: execution role may secretsmanager:GetSecretValue on the REDIS_PASSWORD secret" },
        { flow: "hot-products", link: "the product execution role's managed policy (awslogs)", type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", nameEnds: "fargate-product-execution-policy", mutate: () => null, hop: "product: execution role may logs:CreateLogStream, logs:PutLogEvents on the log group" },
        { flow: "order", link: "the services' log group", type: "aws:cloudwatch/logGroup:LogGroup", nameEnds: "fargate-logs", mutate: () => null, hop: "order: awslogs writes to a log group of the stack in us-east-1" },
        { flow: "order", link: "the execution role's trust in ECS tasks", type: "aws:iam/role:Role", nameEnds: "fargate-order-execution", mutate: (r) => with_(r, "assumeRolePolicy", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] })), hop: "trusted by ecs-tasks.amazonaws.com" },
        { flow: "hot-products", link: "the container's REDIS_PASSWORD secret", type: "aws:ecs/taskDefinition:TaskDefinition", nameEnds: "fargate-product-task", mutate: (r) => with_(r, "containerDefinitions", mapContainers(r, (c) => ({ ...c, secrets: [] }))), hop: "container gets REDIS_PASSWORD" },
        { flow: "hot-products", link: "the cache token secret", type: "aws:secretsmanager/secret:Secret", nameEnds: "cache-token", mutate: () => null, hop: "the REDIS_PASSWORD secret is declared in the stack" },
        { flow: "order", link: "the task definition's execution role", type: "aws:ecs/taskDefinition:TaskDefinition", nameEnds: "fargate-order-task", mutate: (r) => with_(r, "executionRoleArn", "arn:aws:iam::123456789012:role/elsewhere"), hop: "order: execution role" },
        { flow: "scaling", link: "the task role's publish policy", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "fargate-user-task-role-publish", mutate: () => null, hop: "may cloudwatch:PutMetricData into LiveCommerce/App" },
        { flow: "scaling", link: "the task role's trust in ECS tasks", type: "aws:iam/role:Role", nameEnds: "fargate-order-task-role", mutate: (r) => with_(r, "assumeRolePolicy", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] })), hop: "trusted by ecs-tasks.amazonaws.com" },
        { flow: "scaling", link: "the task definition's task role", type: "aws:ecs/taskDefinition:TaskDefinition", nameEnds: "fargate-user-task", mutate: (r) => with_(r, "taskRoleArn", undefined), hop: "task role of user" },
        { flow: "alarm", link: "the order service's critical alarms", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "critical", mutate: (r) => (at(r.inputs, "tags.service") === "order" ? null : r), hop: "order: critical alarm on the service" },
        { flow: "alarm", link: "the order service's critical alarm's topic", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "critical", mutate: (r) => (at(r.inputs, "tags.service") === "order" ? with_(r, "alarmActions", ["arn:aws:sns:us-east-1:1:none"]) : r), hop: "order: notifies an SNS topic" },
        // Every level's topic, not only the critical one, must reach a person.
        { flow: "alarm", link: "the fatal topic's subscription", type: "aws:sns/topicSubscription:TopicSubscription", nameEnds: "monitoring-fatal-0", mutate: () => null, hop: "fatal: has a subscriber" },
        { flow: "alarm", link: "the warning topic's subscription", type: "aws:sns/topicSubscription:TopicSubscription", nameEnds: "monitoring-warning-0", mutate: () => null, hop: "warning: has a subscriber" },
        { flow: "alarm", link: "the fatal alarms' topic", type: "aws:cloudwatch/metricAlarm:MetricAlarm", nameEnds: "fatal", mutate: (r) => with_(r, "alarmActions", ["arn:aws:sns:us-east-1:1:none"]), hop: "fatal: notifies an SNS topic" },
    ]);
    it("ECS secrets: one service's execution role losing a secret breaks that service only; a readable secret neither RDS-managed nor declared is caught at its origin", () => {
        const resources = withSubscriptions(serverless.resources);
        const noCache = breakLink(resources, "aws:iam/rolePolicy:RolePolicy", "fargate-interaction-execution-secrets", () => null);
        const flows = analyzeFlows(noCache);
        assert.strictEqual(flow(flows, "interaction", "us-east-1").broken?.hop, "interaction: execution role may secretsmanager:GetSecretValue on the REDIS_PASSWORD secret");
        assert.match(flow(flows, "interaction", "us-east-1").broken?.urn ?? "", /aws:iam\/role:Role::lc-us-east-1-fargate-interaction-execution$/);
        for (const other of ["order", "hot-products", "viewer"]) assert.strictEqual(flow(flows, other, "us-east-1").status, "connected", `${other} does not use the interaction service's role: ${JSON.stringify(flow(flows, other, "us-east-1").hops.filter((h) => h.ok !== true))}`);
        // A secret the role may read but the stack neither declares nor has RDS manage.
        const other = "arn:aws:secretsmanager:us-east-1:123456789012:secret:other-AbCdEf";
        const elsewhere = breakLink(
            breakLink(resources, "aws:ecs/taskDefinition:TaskDefinition", "fargate-order-task", (r) => with_(r, "containerDefinitions", mapContainers(r, (c) => ({ ...c, environment: list(c.environment).filter(isRecord).map((e) => (e.name === "DATABASE_SECRET_ARN" ? { ...e, value: other } : e)) })))),
            "aws:iam/rolePolicy:RolePolicy",
            "fargate-order-task-role-database-secret",
            (r) => with_(r, "policy", JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [other] }] })),
        );
        assert.strictEqual(flow(analyzeFlows(elsewhere), "order", "us-east-1").broken?.hop, "the DATABASE_SECRET_ARN secret is managed by RDS for lc-us-east-1-db-cluster or declared in the stack");
    });
    it("ECS database credential: without DATABASE_SECRET_ARN nor an injected DATABASE_PASSWORD the order service cannot log in; a customer managed key on the RDS secret needs kms:Decrypt for the task role", () => {
        const resources = withSubscriptions(serverless.resources);
        const noArn = breakLink(resources, "aws:ecs/taskDefinition:TaskDefinition", "fargate-order-task", (r) =>
            with_(r, "containerDefinitions", mapContainers(r, (c) => ({ ...c, environment: list(c.environment).filter(isRecord).filter((e) => e.name !== "DATABASE_SECRET_ARN") }))),
        );
        assert.strictEqual(flow(analyzeFlows(noArn), "order", "us-east-1").broken?.hop, "container gets DATABASE_PASSWORD from Secrets Manager");
        const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const cmk = breakLink(resources, "aws:rds/cluster:Cluster", "db-cluster", (r) => with_(r, "masterUserSecretKmsKeyId", keyArn));
        const f = flow(analyzeFlows(cmk), "order", "us-east-1");
        assert.strictEqual(f.broken?.hop, "order: task role may kms:Decrypt with the database secret's key");
        assert.match(f.broken?.urn ?? "", /aws:iam\/role:Role::lc-us-east-1-fargate-order-task-role$/);
        const granted = breakLink(cmk, "aws:iam/rolePolicy:RolePolicy", "fargate-order-task-role-database-secret", (r) => {
            const doc = JSON.parse(String(r.inputs.policy));
            return with_(r, "policy", JSON.stringify({ ...doc, Statement: [...doc.Statement, { Effect: "Allow", Action: ["kms:Decrypt"], Resource: [keyArn] }] }));
        });
        assert.strictEqual(flow(analyzeFlows(granted), "order", "us-east-1").status, "connected");
    });
    it("ECS image pull: tasks in a private subnet without a NAT route cannot pull their image or fetch their secrets", () => {
        const resources = withSubscriptions(serverless.resources);
        const before = flow(analyzeFlows(resources), "scaling", "us-east-1");
        assert.ok(before.hops.some((h) => h.check === "user: every subnet of the targets routes 0.0.0.0/0 to a NAT gateway" && h.ok === true));
        const f = flow(analyzeFlows(breakLink(resources, "aws:ec2/route:Route", "rt-private-us-east-1a-default", () => null)), "scaling", "us-east-1");
        assert.strictEqual(f.broken?.hop, "interaction: routes 0.0.0.0/0 to a NAT gateway");
        assert.match(f.broken?.reason ?? "", /private-us-east-1a has no default route to a NAT gateway: the interaction tasks cannot pull .* or fetch their secrets/);
    });
    it("ECS secrets: a secret under a customer managed key needs kms:Decrypt on that key; a private ECR image needs the ECR pull actions", () => {
        const resources = withSubscriptions(serverless.resources);
        const keyArn = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const cmk = breakLink(resources, "aws:secretsmanager/secret:Secret", "fargate-cache-token", (r) => with_(r, "kmsKeyId", keyArn));
        const f = flow(analyzeFlows(cmk), "interaction", "us-east-1");
        assert.strictEqual(f.broken?.hop, "interaction: execution role may kms:Decrypt with the REDIS_PASSWORD secret's key");
        assert.match(f.broken?.reason ?? "", /kms:Decrypt/);
        const granted = breakLink(cmk, "aws:iam/rolePolicy:RolePolicy", "fargate-interaction-execution-secrets", (r) => {
            const doc = JSON.parse(String(r.inputs.policy));
            return with_(r, "policy", JSON.stringify({ ...doc, Statement: [...doc.Statement, { Effect: "Allow", Action: ["kms:Decrypt"], Resource: [keyArn] }] }));
        });
        assert.strictEqual(flow(analyzeFlows(granted), "interaction", "us-east-1").status, "connected");
        // An image in this account's private registry, with the logs granted inline but no ECR action.
        const ecr = breakLink(
            breakLink(resources, "aws:ecs/taskDefinition:TaskDefinition", "fargate-order-task", (r) => with_(r, "containerDefinitions", mapContainers(r, (c) => ({ ...c, image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/order:1.0.0" })))),
            "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
            "fargate-order-execution-policy",
            (r) => with_(r, "policyArn", "arn:aws:iam::123456789012:policy/logs-only"),
        ).map((r) =>
            r.type === "aws:iam/rolePolicy:RolePolicy" && r.name.endsWith("fargate-order-execution-secrets")
                ? with_(r, "policy", JSON.stringify({ ...JSON.parse(String(r.inputs.policy)), Statement: [...JSON.parse(String(r.inputs.policy)).Statement, { Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: "*" }] }))
                : r,
        );
        assert.strictEqual(flow(analyzeFlows(ecr), "order", "us-east-1").broken?.hop, "order: execution role may pull 123456789012.dkr.ecr.us-east-1.amazonaws.com/order:1.0.0 from ECR");
    });
    it("alarm: a level without recipients (only critical set, or only fatal unset) breaks the flow at that level's topic, naming the monitoring key", () => {
        const resources = withSubscriptions(serverless.resources).filter((r) => !(r.type === "aws:sns/topicSubscription:TopicSubscription" && /-(warning|fatal)-0$/.test(r.name)));
        const f = flow(analyzeFlows(resources), "alarm", "us-east-1");
        assert.strictEqual(f.status, "broken");
        assert.strictEqual(f.broken?.hop, "warning: has a subscriber");
        assert.match(f.broken?.urn ?? "", /aws:sns\/topic:Topic::lc-us-east-1-monitoring-warning$/);
        assert.strictEqual(f.broken?.setting, "live-commerce:monitoring");
        const fatalOnly = withSubscriptions(serverless.resources).filter((r) => !(r.type === "aws:sns/topicSubscription:TopicSubscription" && r.name.endsWith("-fatal-0")));
        const g = flow(analyzeFlows(fatalOnly), "alarm", "us-east-1");
        assert.strictEqual(g.broken?.hop, "fatal: has a subscriber");
        assert.match(g.broken?.urn ?? "", /aws:sns\/topic:Topic::lc-us-east-1-monitoring-fatal$/);
    });
    runCases(() => kubernetes.resources, "us-east-1", [
        ...serviceCases,
        {
            flow: "order",
            link: "the IRSA token volume",
            type: "kubernetes:apps/v1:Deployment",
            nameEnds: "order-deployment",
            mutate: (r) => with_(r, "spec", { ...record(r.inputs.spec), template: { ...record(at(r.inputs, "spec.template")), spec: { ...record(at(r.inputs, "spec.template.spec")), volumes: [] } } }),
            hop: "mounts the web identity token at AWS_WEB_IDENTITY_TOKEN_FILE",
        },
        {
            flow: "order",
            link: "the IRSA token mount",
            type: "kubernetes:apps/v1:Deployment",
            nameEnds: "order-deployment",
            mutate: (r) => {
                const spec: Record<string, unknown> = JSON.parse(JSON.stringify(r.inputs.spec));
                const container = firstAt(spec, "template", "spec", "containers");
                container.volumeMounts = list(container.volumeMounts).filter((m) => isRecord(m) && m.name !== "aws-iam-token");
                return with_(r, "spec", spec);
            },
            hop: "mounts the web identity token at AWS_WEB_IDENTITY_TOKEN_FILE",
        },
        { flow: "scaling", link: "the HPA's metric source", type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", nameEnds: "order-hpa", mutate: (r) => with_(r, "spec", { ...(r.inputs.spec as object), metrics: [] }), hop: "reads pod CPU utilization" },
        { flow: "scaling", link: "the metrics-server add-on", type: "aws:eks/addon:Addon", nameEnds: "metrics-server", mutate: () => null, hop: "metrics-server serves pod CPU" },
        { flow: "scaling", link: "the pods' CPU request", type: "kubernetes:apps/v1:Deployment", nameEnds: "user-deployment", mutate: (r) => with_(r, "spec", { ...(r.inputs.spec as object), template: { spec: { containers: [{ name: "user" }] } } }), hop: "containers request CPU" },
        ...customMetricCases,
        // Pending pods -> cluster autoscaler -> node groups, with the autoscaler's own identity.
        { flow: "scaling", link: "the cluster autoscaler", type: RELEASE_TYPE, nameEnds: "k8s-cluster-autoscaler", mutate: () => null, hop: "Pending pods: the autoscaler discovers", reported: "Pending pods: a cluster autoscaler" },
        { flow: "scaling", link: "the autoscaler's cluster name", type: RELEASE_TYPE, nameEnds: "k8s-cluster-autoscaler", mutate: (r) => withValues(r, (v) => (v.autoDiscovery = { clusterName: "another-cluster" })), hop: "Pending pods: the autoscaler discovers" },
        { flow: "scaling", link: "a node group's discovery tag", type: "aws:autoscaling/tag:Tag", nameEnds: "us-east-1b-discovery-1", mutate: () => null, hop: "Auto Scaling group tagged for discovery" },
        { flow: "scaling", link: "the service account's role annotation", type: RELEASE_TYPE, nameEnds: "k8s-cluster-autoscaler", mutate: (r) => withValues(r, (v) => (v.rbac = { serviceAccount: { create: true, name: "cluster-autoscaler" } })), hop: "IAM role (IRSA)" },
        {
            flow: "scaling",
            link: "the trust condition on the service account",
            type: "aws:iam/role:Role",
            nameEnds: "k8s-cluster-autoscaler",
            mutate: (r) => with_(r, "assumeRolePolicy", JSON.stringify({ Version: "2012-10-17", Statement: JSON.parse(String(r.inputs.assumeRolePolicy)).Statement.map((st: object) => ({ ...st, Condition: undefined })) })),
            hop: "trusts exactly system:serviceaccount:kube-system:cluster-autoscaler",
        },
        {
            flow: "scaling",
            link: "the trusted service account",
            type: "aws:iam/role:Role",
            nameEnds: "k8s-cluster-autoscaler",
            mutate: (r) => with_(r, "assumeRolePolicy", String(r.inputs.assumeRolePolicy).replace("system:serviceaccount:kube-system:cluster-autoscaler", "system:serviceaccount:default:default")),
            hop: "trusts exactly system:serviceaccount:kube-system:cluster-autoscaler",
        },
        {
            flow: "scaling",
            link: "the autoscaler's SetDesiredCapacity permission",
            type: "aws:iam/rolePolicy:RolePolicy",
            nameEnds: "k8s-cluster-autoscaler-policy",
            mutate: (r) => with_(r, "policy", String(r.inputs.policy).replace('"autoscaling:SetDesiredCapacity",', "")),
            hop: "may autoscaling:SetDesiredCapacity",
        },
        {
            flow: "scaling",
            link: "the tag the autoscaler's permission is limited to",
            type: "aws:iam/rolePolicy:RolePolicy",
            nameEnds: "k8s-cluster-autoscaler-policy",
            mutate: (r) => with_(r, "policy", String(r.inputs.policy).replace("k8s.io/cluster-autoscaler/lc-us-east-1-k8s", "k8s.io/cluster-autoscaler/another-cluster")),
            hop: "the autoscaler's role may resize it",
        },
        { flow: "scaling", link: "a node group's room to grow", type: "aws:eks/nodeGroup:NodeGroup", nameEnds: "nodes-us-east-1a", mutate: (r) => with_(r, "scalingConfig", { minSize: 2, maxSize: 2, desiredSize: 2 }), hop: "can grow" },
        // The order pods' database credential: the RDS-managed secret, read with their own IAM role.
        { flow: "order", link: "the order role's GetSecretValue statement", type: "aws:iam/rolePolicy:RolePolicy", nameEnds: "k8s-order-role-policy", mutate: () => null, hop: "may secretsmanager:GetSecretValue on the database secret" },
        { flow: "order", link: "the order role's trusted service account", type: "aws:iam/role:Role", nameEnds: "k8s-order-role", mutate: (r) => with_(r, "assumeRolePolicy", String(r.inputs.assumeRolePolicy).replace("live-commerce:order", "live-commerce:interaction")), hop: "trusts exactly system:serviceaccount:live-commerce:order" },
    ]);
});

describe("flows of the ECS tier in a first preview", function () {
    this.timeout(240_000);
    it("container definitions not known yet (endpoints, the RDS-managed secret) leave the request flows unknown at the task definition, not broken", async () => {
        const preview = await shippedPreviewPlan("growth-aws-serverless");
        const flows = analyzeFlows(preview.resources);
        for (const key of ["viewer", "interaction", "order", "hot-products"]) {
            const f = flow(flows, key, "us-east-1");
            assert.strictEqual(f.status, "unknown", key);
            const last = f.hops[f.hops.length - 1];
            assert.deepStrictEqual([last.check.startsWith("container "), last.ok], [true, null], key);
        }
    });
});

/** Containers of a task definition rewritten by `f` (containerDefinitions is a JSON string). */
function mapContainers(r: FlowResource, f: (c: Record<string, unknown>) => Record<string, unknown>): string {
    const parsed: unknown = JSON.parse(String(r.inputs.containerDefinitions));
    return JSON.stringify((Array.isArray(parsed) ? parsed : []).map((c: unknown) => f(typeof c === "object" && c !== null ? Object.fromEntries(Object.entries(c)) : {})));
}

/** The SAE ingress with a certificate (tls.certificateId given), so the walk goes past the listener. */
function withIngressCertificate(resources: readonly FlowResource[]): FlowResource[] {
    return resources.map((r) => (r.type === "alicloud:sae/ingress:Ingress" ? with_(r, "certIds", "12345-cn-hangzhou") : r));
}

describe("flows per compute tier on Alibaba Cloud: SAE ingress and scaling rules, ACK HPAs", function () {
    this.timeout(240_000);
    let serverless: Plan;
    before(async () => {
        serverless = await shippedPlan("growth-alicloud-serverless");
    });
    const plans = usePlans();
    /** The numeric id of the stack's SAE ConfigMap whose name ends with `nameEnds` (what envs reference). */
    const configMapId = (nameEnds: string): number => Number(serverless.resources.find((r) => r.type === "alicloud:sae/configMap:ConfigMap" && r.name.endsWith(nameEnds))?.id);
    runCases(() => withIngressCertificate(serverless.resources), "cn-hangzhou", [
        { flow: "interaction", link: "the SAE ingress rule for /ws", type: "alicloud:sae/ingress:Ingress", nameEnds: "ingress", mutate: (r) => with_(r, "rules", (Array.isArray(r.inputs.rules) ? r.inputs.rules : []).filter((x: { path?: unknown }) => x.path !== "/ws")), hop: "/ws /ws/* -> application", reported: "rule /ws" },
        { flow: "order", link: "the rule's container port", type: "alicloud:sae/ingress:Ingress", nameEnds: "ingress", mutate: (r) => with_(r, "rules", (Array.isArray(r.inputs.rules) ? r.inputs.rules : []).map((x: object) => ({ ...x, containerPort: 9090 }))), hop: "instances answer /ready on" },
        { flow: "order", link: "the readiness probe's path (one the app image contract does not answer)", type: "alicloud:sae/application:Application", nameEnds: "sae-order", mutate: (r) => with_(r, "readinessV2", { ...(isRecord(r.inputs.readinessV2) ? r.inputs.readinessV2 : {}), httpGet: { path: "/health", port: 8080, scheme: "HTTP" } }), hop: "instances answer /ready on" },
        { flow: "viewer", link: "the ingress's listener protocol", type: "alicloud:sae/ingress:Ingress", nameEnds: "ingress", mutate: (r) => with_(r, "listenerProtocol", "HTTP"), hop: "HTTPS listener on 443" },
        { flow: "order", link: "the application's DATABASE_PASSWORD reference", type: "alicloud:sae/application:Application", nameEnds: "sae-order", mutate: (r) => with_(r, "envs", JSON.stringify(JSON.parse(String(r.inputs.envs)).filter((e: { name?: unknown }) => e.name !== "DATABASE_PASSWORD"))), hop: "instances get DATABASE_PASSWORD from a ConfigMap" },
        { flow: "hot-products", link: "the application's REDIS_PASSWORD reference", type: "alicloud:sae/application:Application", nameEnds: "sae-product", mutate: (r) => with_(r, "envs", JSON.stringify(JSON.parse(String(r.inputs.envs)).filter((e: { name?: unknown }) => e.name !== "REDIS_PASSWORD"))), hop: "instances get REDIS_PASSWORD from a ConfigMap" },
        { flow: "order", link: "the ConfigMap that holds the password", type: "alicloud:sae/configMap:ConfigMap", nameEnds: "order-credentials", mutate: () => null, hop: "ConfigMap " },
        // Credential scope: each application reads exactly its service's passwords, from a ConfigMap of its own.
        { flow: "order", link: "the interaction service's scope (a DATABASE_PASSWORD it does not use)", type: "alicloud:sae/application:Application", nameEnds: "sae-interaction", mutate: (r) => with_(r, "envs", JSON.stringify([...list(JSON.parse(String(r.inputs.envs))), { name: "DATABASE_PASSWORD", valueFrom: { configMapRef: { configMapId: configMapId("order-credentials"), key: "DATABASE_PASSWORD" } } }])), hop: "interaction: reads exactly the credentials it needs" },
        { flow: "order", link: "the user service's REDIS_PASSWORD (a credential it needs)", type: "alicloud:sae/application:Application", nameEnds: "sae-user", mutate: (r) => with_(r, "envs", JSON.stringify(list(JSON.parse(String(r.inputs.envs))).filter((e) => at(e, "name") !== "REDIS_PASSWORD"))), hop: "user: reads exactly the credentials it needs" },
        { flow: "order", link: "a ConfigMap of its own (interaction reads the order service's)", type: "alicloud:sae/application:Application", nameEnds: "sae-interaction", mutate: (r) => with_(r, "envs", String(r.inputs.envs).split(`"configMapId":${configMapId("interaction-credentials")}`).join(`"configMapId":${configMapId("order-credentials")}`)), hop: "interaction: credentials in a ConfigMap of its own", reported: "order: credentials in a ConfigMap of its own" },
        { flow: "order", link: "the application's service tag (which credentials it needs)", type: "alicloud:sae/application:Application", nameEnds: "sae-interaction", mutate: (r) => with_(r, "tags", { ...record(r.inputs.tags), service: undefined }), hop: "interaction: reads exactly the credentials it needs", reported: "names its service" },
        { flow: "order", link: "a mount of every key of a ConfigMap", type: "alicloud:sae/application:Application", nameEnds: "sae-interaction", mutate: (r) => with_(r, "configMapMountDescV2", [{ configMapId: String(configMapId("interaction-credentials")), key: "sae-sys-configmap-all", mountPath: "/etc/secrets" }]), hop: "interaction: reads exactly the credentials it needs" },
        { flow: "scaling", link: "the SAE scaling rule's metric", type: "alicloud:sae/applicationScalingRule:ApplicationScalingRule", nameEnds: "order-scaling", mutate: (r) => with_(r, "scalingRuleMetric", { ...(r.inputs.scalingRuleMetric as object), metrics: [{ metricType: "QPS", metricTargetAverageUtilization: 100 }] }), hop: "reads CPU, tcpActiveConn that SAE measures for lc-cn-hangzhou-sae-order", reported: "reads QPS" },
        // The seed's connection OR CPU signal, and releases that keep the rules working.
        { flow: "scaling", link: "the rule's connection metric (tcpActiveConn)", type: "alicloud:sae/applicationScalingRule:ApplicationScalingRule", nameEnds: "order-scaling", mutate: (r) => with_(r, "scalingRuleMetric", { ...(r.inputs.scalingRuleMetric as object), metrics: [{ metricType: "CPU", metricTargetAverageUtilization: 70 }] }), hop: "scales out on tcpActiveConn OR CPU" },
        { flow: "scaling", link: "the rule's ready instances during a release", type: "alicloud:sae/applicationScalingRule:ApplicationScalingRule", nameEnds: "order-scaling", mutate: (r) => with_(r, "minReadyInstances", 0), hop: "keeps an instance ready while SAE releases or scales" },
        { flow: "scaling", link: "the application's autoEnableApplicationScalingRule", type: "alicloud:sae/application:Application", nameEnds: "sae-order", mutate: (r) => with_(r, "autoEnableApplicationScalingRule", false), hop: "releases with its scaling rules on" },
    ]);
    runCases(() => withContacts(withIngressCertificate(serverless.resources)), "cn-hangzhou", [
        { flow: "alarm", link: "the order application's critical alarms", type: "alicloud:cms/alarm:Alarm", nameEnds: "critical", mutate: (r) => (at(r.inputs, "tags.service") === "order" ? null : r), hop: "lc-order: critical alarm on the application" },
        { flow: "alarm", link: "the order application's alarm's contact group", type: "alicloud:cms/alarm:Alarm", nameEnds: "critical", mutate: (r) => (at(r.inputs, "tags.service") === "order" ? with_(r, "contactGroups", ["nobody"]) : r), hop: "lc-order: notifies" },
        // Every level's contact group, not only the critical one, must reach a person.
        { flow: "alarm", link: "the fatal contact group's contacts", type: "alicloud:cms/alarmContactGroup:AlarmContactGroup", nameEnds: "contacts-fatal", mutate: (r) => with_(r, "contacts", []), hop: "fatal: has contacts" },
        { flow: "alarm", link: "the warning contact group's contacts", type: "alicloud:cms/alarmContactGroup:AlarmContactGroup", nameEnds: "contacts-warning", mutate: (r) => with_(r, "contacts", []), hop: "warning: has contacts" },
        { flow: "alarm", link: "the fatal alarms' contact group", type: "alicloud:cms/alarm:Alarm", nameEnds: "fatal", mutate: (r) => with_(r, "contactGroups", ["nobody"]), hop: "fatal: notifies" },
    ]);
    it("alarm: with only critical recipients (issue's case), the 14 fatal alarms' empty contact group breaks the flow at that group", () => {
        const onlyCritical = withContacts(withIngressCertificate(serverless.resources)).map((r) => (r.type === "alicloud:cms/alarmContactGroup:AlarmContactGroup" && !r.name.endsWith("-critical") ? with_(r, "contacts", []) : r));
        const f = flow(analyzeFlows(onlyCritical), "alarm", "cn-hangzhou");
        assert.strictEqual(f.status, "broken");
        assert.strictEqual(f.broken?.hop, "warning: has contacts");
        assert.match(f.broken?.urn ?? "", /::lc-cn-hangzhou-monitoring-contacts-warning$/);
        assert.match(f.broken?.reason ?? "", /set monitoring\.contacts\.warning/);
        assert.strictEqual(f.broken?.setting, "live-commerce:monitoring");
        const fatalEmpty = withContacts(withIngressCertificate(serverless.resources)).map((r) => (r.type === "alicloud:cms/alarmContactGroup:AlarmContactGroup" && r.name.endsWith("-fatal") ? with_(r, "contacts", []) : r));
        const g = flow(analyzeFlows(fatalEmpty), "alarm", "cn-hangzhou");
        assert.strictEqual(g.broken?.hop, "fatal: has contacts");
        assert.match(g.broken?.urn ?? "", /::lc-cn-hangzhou-monitoring-contacts-fatal$/);
        assert.match(g.broken?.reason ?? "", /set monitoring\.contacts\.fatal/);
    });
    runCases(() => plans()["growth-alicloud"].resources, "cn-hangzhou", [
        ...serviceCases.filter((c) => c.flow === "scaling"),
        { flow: "scaling", link: "the HPA's metric source", type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", nameEnds: "interaction-hpa", mutate: (r) => with_(r, "spec", { ...(r.inputs.spec as object), metrics: [{ type: "Pods", pods: { metric: { name: "connections" }, target: { type: "AverageValue", averageValue: "5000" } } }] }), hop: "reads pod CPU utilization" },
        { flow: "scaling", link: "the HPA's target", type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", nameEnds: "product-hpa", mutate: (r) => with_(r, "spec", { ...(r.inputs.spec as object), scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: "catalogue" } }), hop: "scales Deployment product", reported: "scales Deployment catalogue" },
        ...customMetricCases,
        // Pending pods -> ACK's node autoscaling -> node pools with auto scaling.
        { flow: "scaling", link: "the cluster's node autoscaling", type: "alicloud:cs/autoscalingConfig:AutoscalingConfig", nameEnds: "node-autoscaling", mutate: () => null, hop: "Pending pods: ACK's cluster-autoscaler", reported: "Pending pods: node autoscaling enabled" },
        { flow: "scaling", link: "the autoscaler type", type: "alicloud:cs/autoscalingConfig:AutoscalingConfig", nameEnds: "node-autoscaling", mutate: (r) => with_(r, "scalerType", "karpenter"), hop: "Pending pods: ACK's", reported: "Pending pods: ACK's karpenter" },
        { flow: "scaling", link: "a node pool's auto scaling", type: "alicloud:cs/nodePool:NodePool", nameEnds: "nodes-cn-hangzhou-h", mutate: (r) => with_(r, "scalingConfig", { ...record(r.inputs.scalingConfig), enable: false }), hop: "auto scaling enabled" },
    ]);
});

describe("flows on Alibaba Cloud: one broken link is caught at exactly its hop", function () {
    this.timeout(240_000);
    const plans = usePlans();
    const certified = (): FlowResource[] => plans()[POLARDB_STACK].resources;
    runCases(certified, "cn-hangzhou", [
        { flow: "viewer", link: "the CDN certificate", type: "alicloud:cdn/domainNew:DomainNew", nameEnds: "domain", mutate: (r) => with_(r, "certificateConfig", { serverCertificateStatus: "off" }), hop: "serves the domain over HTTPS" },
        { flow: "viewer", link: "the CDN source naming no load balancer of the stack", type: "alicloud:cdn/domainNew:DomainNew", nameEnds: "domain", mutate: (r) => with_(r, "sources", [{ content: "elsewhere.example.net", type: "domain" }]), hop: "every source of" },
        { flow: "viewer", link: "the CDN origin on port 80", type: "alicloud:cdn/domainNew:DomainNew", nameEnds: "domain", mutate: (r) => with_(r, "sources", list(r.inputs.sources).map((s) => (isRecord(s) ? { ...s, port: 80 } : s))), hop: "origin ->" },
        { flow: "viewer", link: "the listener certificate", type: "alicloud:alb/listener:Listener", nameEnds: "https", mutate: (r) => with_(r, "certificates", undefined), hop: "certificate for" },
        { flow: "interaction", link: "the /ws rule", type: "alicloud:alb/rule:Rule", nameEnds: "rule-ws", mutate: () => null, hop: "/ws /ws/* ->", reported: "rule /ws" },
        { flow: "interaction", link: "the node pools' attachment", type: "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment", nameEnds: "", mutate: () => null, hop: "registered targets" },
        { flow: "interaction", link: "the interaction NodePort", type: "kubernetes:core/v1:Service", nameEnds: "interaction-service", mutate: (r) => with_(r, "spec", { type: "ClusterIP" }), hop: "node port" },
        ...serviceCases.filter((c) => c.flow !== "scaling"),
        { flow: "viewer", link: "the node-port rule from the ALB's vSwitches", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", nameEnds: "", mutate: (r) => (r.inputs.description === "service node ports from the load balancer" ? null : r), hop: "admits the load balancer" },
        { flow: "order", link: "the database whitelist", type: "alicloud:polardb/cluster:Cluster", nameEnds: "polardb", mutate: (r) => with_(r, "dbClusterIpArrays", [{ dbClusterIpArrayName: "default", securityIps: ["192.168.0.0/24"] }]), hop: "whitelist admits" },
        { flow: "order", link: "the order pods' database password", type: "kubernetes:core/v1:Secret", nameEnds: "order-credentials", mutate: (r) => with_(r, "stringData", { REDIS_PASSWORD: "[secret]" }), hop: "lc-cn-hangzhou-services-order-deployment gets the database password" },
        { flow: "order", link: "the Kafka rule from the nodes' group", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", nameEnds: "-9092-from-app", mutate: () => null, hop: "admits the targets on 9092" },
        { flow: "order", link: "a zone's default route to its NAT gateway", type: "alicloud:vpc/routeEntry:RouteEntry", nameEnds: "-default", mutate: () => null, hop: "lc-cn-hangzhou-network-vsw" },
        { flow: "hot-products", link: "the Redis whitelist", type: "alicloud:redis/tairInstance:TairInstance", nameEnds: "", mutate: (r) => with_(r, "securityIps", ["192.168.0.0/24"]), hop: "whitelist admits" },
        { flow: "stream", link: "the RTMP listener's server group", type: "alicloud:nlb/listener:Listener", nameEnds: "video-listener-rtmp", mutate: (r) => with_(r, "serverGroupId", "sgp-elsewhere"), hop: "RTMP TCP 1935 -> server group" },
        { flow: "stream", link: "the transcoders' SRT registration port", type: "alicloud:ess/serverGroupAttachment:ServerGroupAttachment", nameEnds: "video-attach-srt", mutate: (r) => with_(r, "port", 10081), hop: "lc-cn-hangzhou-video-servers-srt -> lc-cn-hangzhou-video-asg on 10080" },
        { flow: "stream", link: "the RTMP group's health-check port", type: "alicloud:nlb/serverGroup:ServerGroup", nameEnds: "video-servers-rtmp", mutate: (r) => with_(r, "healthCheck", { ...(isRecord(r.inputs.healthCheck) ? r.inputs.healthCheck : {}), healthCheckConnectPort: 8081 }), hop: "health check probes a port the media server serves" },
        { flow: "stream", link: "the SRT rule of the ingest security group", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", nameEnds: "sg-ingest-srt", mutate: () => null, hop: "security group admits UDP 10080" },
        { flow: "stream", link: "the play origin's registration on the HTTP port", type: "alicloud:ess/serverGroupAttachment:ServerGroupAttachment", nameEnds: "video-attach-http", mutate: () => null, hop: "lc-cn-hangzhou-video-servers-http -> lc-cn-hangzhou-video-asg on 8080" },
        { flow: "stream", link: "the media server in the user data", type: "alicloud:ess/scalingConfiguration:ScalingConfiguration", nameEnds: "video-launch", mutate: (r) => with_(r, "userData", "#cloud-config\nwrite_files:\n  - path: /etc/live-commerce/transcoder.json\n    content: '{}'\n"), hop: "user data runs" },
        { flow: "stream", link: "the play domain's HTTPS certificate", type: "alicloud:cdn/domainNew:DomainNew", nameEnds: "video-play-domain", mutate: (r) => with_(r, "certificateConfig", { serverCertificateStatus: "off" }), hop: "play domain play-cn-hangzhou" },
        { flow: "stream", link: "the transcoders' RAM role", type: "alicloud:ess/scalingConfiguration:ScalingConfiguration", nameEnds: "video-launch", mutate: (r) => with_(r, "roleName", undefined), hop: "RAM role" },
        { flow: "stream", link: "the recording policy's bucket", type: "alicloud:ram/policy:Policy", nameEnds: "video-record", mutate: (r) => with_(r, "policyDocument", JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["oss:PutObject"], Resource: ["acs:oss:*:*:another-bucket/recordings/*"] }] })), hop: "may oss:PutObject into" },
        { flow: "stream", link: "the recording policy's attachment", type: "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", nameEnds: "video-record", mutate: () => null, hop: "may oss:PutObject into" },
        { flow: "stream", link: "the bucket's encryption", type: "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", nameEnds: "media-encryption", mutate: () => null, hop: "bucket encrypted" },
        { flow: "alarm", link: "the contact group's contacts", type: "alicloud:cms/alarmContactGroup:AlarmContactGroup", nameEnds: "critical", mutate: (r) => with_(r, "contacts", []), hop: "has contacts" },
    ]);
    // The app group's scaling signal: the stack on compute vm (the growth preset runs Kubernetes).
    runCases(() => plans()[MYSQL_STACK].resources, "cn-hangzhou", [
        { flow: "scaling", link: "the configuration's RAM role", type: "alicloud:ess/scalingConfiguration:ScalingConfiguration", nameEnds: "app-config", mutate: (r) => with_(r, "roleName", undefined), hop: "RAM role" },
        { flow: "scaling", link: "the role's trust in ECS", type: "alicloud:ram/role:Role", nameEnds: "app-role", mutate: (r) => with_(r, "assumeRolePolicyDocument", JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: ["fc.aliyuncs.com"] } }] })), hop: "trusted by ecs.aliyuncs.com" },
        { flow: "scaling", link: "the policy attachment", type: "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment", nameEnds: "app-publish-metrics", mutate: () => null, hop: "may cms:PutCustomMetric" },
        { flow: "scaling", link: "the policy's PutCustomMetric statement", type: "alicloud:ram/policy:Policy", nameEnds: "app-publish-metrics", mutate: (r) => with_(r, "policyDocument", JSON.stringify({ Version: "1", Statement: [{ Effect: "Allow", Action: ["cms:DescribeMetricList"], Resource: ["*"] }] })), hop: "may cms:PutCustomMetric" },
        { flow: "scaling", link: "the publisher in the user data", type: "alicloud:ess/scalingConfiguration:ScalingConfiguration", nameEnds: "app-config", mutate: (r) => with_(r, "userData", undefined), hop: "agent publishes" },
        { flow: "scaling", link: "the application group the alarm reads", type: "alicloud:ess/alarm:Alarm", nameEnds: "app-alarm-out-connections", mutate: (r) => with_(r, "cloudMonitorGroupId", 1), hop: "agent publishes" },
        { flow: "scaling", link: "the custom metric of the scale-out alarm", type: "alicloud:ess/alarm:Alarm", nameEnds: "app-alarm-out-connections", mutate: (r) => with_(r, "metricType", "system"), hop: "reads the custom metric" },
    ]);
});

describe("the new Kubernetes hops on a first preview", function () {
    this.timeout(240_000);
    // A first preview knows no ARN of a new role and no issuer of a new cluster: the trust and
    // credential hops are unknown there, never broken; every other hop of the path is checked.
    for (const stack of ["growth-aws", "mature-aws", "growth-alicloud"]) {
        it(`${stack}: the scaling signal and the order pods' credential are never broken by what a preview cannot know`, async () => {
            const p = await shippedPreviewPlan(stack);
            const flows = analyzeFlows(p.resources);
            for (const f of flows.filter((x) => x.key === "scaling")) assert.notStrictEqual(f.status, "broken", `${f.region}: ${f.broken?.hop ?? ""} ${f.broken?.reason ?? ""}`);
            for (const f of flows.filter((x) => x.key === "order" && x.broken !== undefined)) assert.ok(!/gets the database password|trusts exactly|GetSecretValue/.test(f.broken?.hop ?? ""), `${f.region}: ${f.broken?.hop ?? ""}`);
            const scaling = flows.filter((x) => x.key === "scaling");
            // The custom-metric path is fully known in a preview: it holds.
            for (const f of scaling) assert.ok(f.hops.some((h) => h.check.startsWith("serves app_connections per pod") && h.ok === true), `${f.region}: ${f.hops.map((h) => h.check).join("; ")}`);
        });
    }
});

describe("flow graph", () => {
    const r = (name: string, type: string, inputs: Record<string, unknown>, extra: Partial<FlowResource> = {}): FlowResource => ({ urn: `urn:${name}`, type, name, parent: null, provider: null, inputs, ...extra });
    it("follows a reference through a preview's propertyDependencies when the id is unknown, and reports unknown otherwise", () => {
        const sg = r("sg", "aws:ec2/securityGroup:SecurityGroup", {});
        const known = r("rule", "x", { securityGroupId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, { propertyDependencies: { securityGroupId: ["urn:sg"] } });
        const blind = r("rule2", "x", { securityGroupId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" });
        const g = new FlowGraph([sg, known, blind]);
        assert.deepStrictEqual(g.ref(known, "securityGroupId", known.inputs.securityGroupId, sg.type), { kind: "found", resource: sg });
        assert.deepStrictEqual(g.ref(blind, "securityGroupId", blind.inputs.securityGroupId, sg.type), { kind: "unknown" });
        assert.deepStrictEqual(g.ref(blind, "securityGroupId", "sg-other", sg.type), { kind: "missing" });
    });

    it("a scrape job keeps a Deployment's pods only in its namespace, on a kept port, labelled namespace and pod", () => {
        const deployment = r("d", "kubernetes:apps/v1:Deployment", {
            metadata: { name: "interaction", namespace: "live-commerce" },
            spec: { template: { metadata: { labels: { "app.kubernetes.io/part-of": "live-commerce" } }, spec: { containers: [{ name: "interaction", ports: [{ name: "http", containerPort: 8080 }] }] } } },
        });
        const job = (names: string[], relabel: object[]) => ({ job_name: "j", kubernetes_sd_configs: [{ role: "pod", namespaces: { names } }], relabel_configs: relabel });
        const labels = [
            { source_labels: ["__meta_kubernetes_namespace"], action: "replace", target_label: "namespace" },
            { source_labels: ["__meta_kubernetes_pod_name"], action: "replace", target_label: "pod" },
        ];
        const keepPartOf = { source_labels: ["__meta_kubernetes_pod_label_app_kubernetes_io_part_of"], action: "keep", regex: "live-commerce" };
        assert.strictEqual(scrapesDeployment(job(["live-commerce"], [keepPartOf, ...labels]), deployment), true);
        assert.strictEqual(scrapesDeployment(job(["monitoring"], [keepPartOf, ...labels]), deployment), "job j discovers pods in monitoring, not live-commerce");
        // Prometheus anchors the regex: "live" does not keep "live-commerce".
        assert.strictEqual(scrapesDeployment(job(["live-commerce"], [{ ...keepPartOf, regex: "live" }, ...labels]), deployment), "job j keeps no port of d's pods");
        assert.strictEqual(scrapesDeployment(job(["live-commerce"], [keepPartOf]), deployment), "job j does not label its targets with namespace and pod");
    });

    it("a Service reaches a Deployment's pods by selector and target port; an HPA scales within its replica range; unknown in a first preview", () => {
        const deployment = r("d", "kubernetes:apps/v1:Deployment", {
            metadata: { namespace: "live-commerce" },
            spec: { template: { metadata: { labels: { app: "order" } }, spec: { containers: [{ name: "order", ports: [{ name: "http", containerPort: 8080 }] }] } } },
        });
        const service = (selector: unknown, targetPort: unknown, namespace = "live-commerce") => r("s", "kubernetes:core/v1:Service", { metadata: { namespace }, spec: { selector, ports: [{ port: 80, nodePort: 30082, targetPort }] } });
        assert.strictEqual(selectsPods(service({ app: "order" }, "http"), deployment), true);
        assert.strictEqual(selectsPods(service({ app: "orders" }, "http"), deployment), "s selects app=orders, which d's pods do not carry: it reaches no pods");
        assert.strictEqual(selectsPods(service({ app: "order" }, "http", "default"), deployment), "s is in namespace default, d's pods in live-commerce");
        assert.strictEqual(selectsPods(service({}, "http"), deployment), "s has no selector: it reaches no pods");
        assert.deepStrictEqual(selectsPods(service({ app: UNKNOWN }, "http"), deployment), { unknown: "spec", kind: "preview" });
        assert.strictEqual(targetsContainerPort(service({ app: "order" }, "http"), 30082, deployment), true);
        assert.strictEqual(targetsContainerPort(service({ app: "order" }, 8080), 30082, deployment), true);
        assert.strictEqual(targetsContainerPort(service({ app: "order" }, "web"), 30082, deployment), "s targets port web, d's containers declare http/8080: the node port reaches no container");
        assert.strictEqual(targetsContainerPort(service({ app: "order" }, 9090), 30082, deployment), "s targets port 9090, d's containers declare http/8080: the node port reaches no container");
        // No targetPort: the Service's `port` (80) is used, which no container declares.
        assert.strictEqual(targetsContainerPort(service({ app: "order" }, undefined), 30082, deployment), "s targets port 80, d's containers declare http/8080: the node port reaches no container");
        assert.deepStrictEqual(targetsContainerPort(service({ app: "order" }, UNKNOWN), 30082, deployment), { unknown: "spec", kind: "preview" });
        const hpa = (spec: Record<string, unknown>) => r("h", "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", { spec });
        assert.strictEqual(replicaRange(hpa({ minReplicas: 2, maxReplicas: 10 })), true);
        assert.strictEqual(replicaRange(hpa({ minReplicas: 3, maxReplicas: 3 })), "h has maxReplicas 3 and minReplicas 3: it can never scale out");
        // minReplicas defaults to 1.
        assert.strictEqual(replicaRange(hpa({ maxReplicas: 1 })), "h has maxReplicas 1 and minReplicas 1: it can never scale out");
        assert.deepStrictEqual(replicaRange(hpa({ minReplicas: 2, maxReplicas: UNKNOWN })), { unknown: "spec", kind: "preview" });
        const mounted = (volumes: unknown, file: unknown = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token") =>
            r("o", "kubernetes:apps/v1:Deployment", {
                spec: {
                    template: {
                        spec: {
                            containers: [{ name: "order", env: [{ name: "AWS_WEB_IDENTITY_TOKEN_FILE", value: file }], volumeMounts: [{ name: "aws-iam-token", mountPath: "/var/run/secrets/eks.amazonaws.com/serviceaccount" }] }],
                            volumes,
                        },
                    },
                },
            });
        const token = (audience: string, path = "token") => [{ name: "aws-iam-token", projected: { sources: [{ serviceAccountToken: { audience, path } }] } }];
        assert.strictEqual(projectsTokenFile(mounted(token("sts.amazonaws.com")), "AWS_WEB_IDENTITY_TOKEN_FILE", "sts.amazonaws.com"), true);
        assert.strictEqual(projectsTokenFile(mounted([]), "AWS_WEB_IDENTITY_TOKEN_FILE", "sts.amazonaws.com"), "o mounts volume aws-iam-token at /var/run/secrets/eks.amazonaws.com/serviceaccount, and the pod declares no such volume: the pod cannot take its role");
        assert.strictEqual(projectsTokenFile(mounted(token("sts.amazonaws.com", "jwt")), "AWS_WEB_IDENTITY_TOKEN_FILE", "sts.amazonaws.com"), "volume aws-iam-token projects no service account token at token: /var/run/secrets/eks.amazonaws.com/serviceaccount/token does not exist and the pod cannot take its role");
        assert.strictEqual(projectsTokenFile(mounted(token("kubernetes.default.svc")), "AWS_WEB_IDENTITY_TOKEN_FILE", "sts.amazonaws.com"), "the token at /var/run/secrets/eks.amazonaws.com/serviceaccount/token is for audience kubernetes.default.svc, STS takes sts.amazonaws.com");
        assert.strictEqual(projectsTokenFile(mounted(token("sts.amazonaws.com"), "/tmp/token"), "AWS_WEB_IDENTITY_TOKEN_FILE", "sts.amazonaws.com"), "AWS_WEB_IDENTITY_TOKEN_FILE is /tmp/token, which no volume mount of o holds: the pod cannot take its role");
        assert.deepStrictEqual(projectsTokenFile(mounted(UNKNOWN), "AWS_WEB_IDENTITY_TOKEN_FILE", "sts.amazonaws.com"), { unknown: "spec", kind: "preview" });
    });
});

describe("README: What flows where", () => {
    it("is the section generated from the flow definitions (npm run flows-doc)", async () => {
        const fs = await import("fs");
        const { README, withFlowsSection } = await import("../tools/flows-doc");
        const readme = fs.readFileSync(README, "utf8");
        assert.strictEqual(withFlowsSection(readme), readme, "README.md is out of date: run npm run flows-doc");
        for (const f of (await import("../components/model")).FLOWS) assert.ok(readme.includes(`**${f.name}**`), `README names the flow ${f.name}`);
    });
});

describe("flow output", () => {
    const broken: FlowResult = {
        key: "order",
        name: "placing an order",
        region: "us-east-1",
        status: "broken",
        hops: [
            { resource: "lb-https", urn: "urn:a", check: "certificate covers live.example.com", ok: true },
            { resource: "sg-data", urn: "urn:b", check: "admits sg-app on 3306", ok: false },
        ],
        broken: { hop: "admits sg-app on 3306", reason: "sg-data has no ingress rule admitting sg-app on port 3306", urn: "urn:b" },
    };
    it("a broken flow is one mandatory finding naming the hop and its resource", async () => {
        const { flowViolations, FLOW_POLICY } = await import("../tools/lib/inputs");
        const connected: FlowResult = { key: "viewer", name: "viewer web and API", region: "us-east-1", status: "connected", hops: [] };
        assert.deepStrictEqual(flowViolations([broken, connected]), [
            { policy: FLOW_POLICY, enforcement: "mandatory", urn: "urn:b", message: 'flow "placing an order" in us-east-1 is broken at hop "admits sg-app on 3306": sg-data has no ingress rule admitting sg-app on port 3306', subject: "placing an order / us-east-1 / admits sg-app on 3306" },
        ]);
    });
    it("the pack config sets the level of the flow findings: flow-connected or all, advisory or disabled", async () => {
        const { flowViolations, flowEnforcement } = await import("../tools/lib/inputs");
        const { validatePackConfig } = await import("../tools/lib/pack-config");
        const { POLICIES } = await import("../policies/all");
        const levels = (doc: unknown): string[] => flowViolations([broken], [], flowEnforcement(validatePackConfig(doc, POLICIES, "c.json", [FLOW_CONNECTED]))).map((v) => v.enforcement);
        assert.deepStrictEqual(levels({}), ["mandatory"]);
        assert.deepStrictEqual(levels({ "flow-connected": "advisory" }), ["advisory"]);
        assert.deepStrictEqual(levels({ "flow-connected": { enforcementLevel: "advisory" } }), ["advisory"]);
        assert.deepStrictEqual(levels({ all: "disabled" }), []);
        assert.deepStrictEqual(levels({ all: "disabled", "flow-connected": "mandatory" }), ["mandatory"]);
        assert.throws(() => validatePackConfig({ "flow-connected": "strict" }, POLICIES, "c.json", [FLOW_CONNECTED]), { message: 'c.json: invalid pack config:\n  flow-connected: must be an enforcement level (advisory, mandatory, remediate, disabled) or an object (got "strict")' });
        assert.throws(() => validatePackConfig({ "flow-connected": { enforcementLevel: "advisory", minHops: 2 } }, POLICIES, "c.json", [FLOW_CONNECTED]), { message: 'c.json: invalid pack config:\n  flow-connected: "minHops" is not a property of the policy; allowed: enforcementLevel, stages' });
    });
    it("flow-connected takes a level per stage (stages), validated against its configSchema like every policy's", async () => {
        const { flowViolations, flowEnforcement } = await import("../tools/lib/inputs");
        const { validatePackConfig } = await import("../tools/lib/pack-config");
        const { POLICIES } = await import("../policies/all");
        const config = validatePackConfig({ "flow-connected": { stages: { startup: "advisory", mature: "disabled" } } }, POLICIES, "c.json", [FLOW_CONNECTED]);
        const at = (stage: "startup" | "growth" | "mature"): string[] => flowViolations([broken], [], flowEnforcement(config, stage)).map((v) => v.enforcement);
        assert.deepStrictEqual([at("startup"), at("growth"), at("mature")], [["advisory"], ["mandatory"], []]);
        // the stage level comes before the entry's own level and all, as for the pack's policies
        assert.deepStrictEqual(flowViolations([broken], [], flowEnforcement(validatePackConfig({ all: "advisory", "flow-connected": { stages: { growth: "mandatory" } } }, POLICIES, "c.json", [FLOW_CONNECTED]), "growth")).map((v) => v.enforcement), ["mandatory"]);
        assert.throws(() => validatePackConfig({ "flow-connected": { stages: { growth: "strict" } } }, POLICIES, "c.json", [FLOW_CONNECTED]), { message: 'c.json: invalid pack config:\n  flow-connected: stages.growth must be equal to one of the allowed values (got "strict")' });
        assert.throws(() => validatePackConfig({ "flow-connected": { stages: { prod: "advisory" } } }, POLICIES, "c.json", [FLOW_CONNECTED]), { message: 'c.json: invalid pack config:\n  flow-connected: stages must NOT have additional properties ("prod")' });
    });
    it("text: one line per flow, the broken hop marked; Markdown: a Mermaid flowchart with the broken hop in red", async () => {
        const { flowLine, flowMermaid } = await import("../policies/flows/render");
        assert.strictEqual(flowLine(broken), "[BROKEN] placing an order (us-east-1): lb-https -> sg-data x  -- admits sg-app on 3306: sg-data has no ingress rule admitting sg-app on port 3306");
        const md = flowMermaid([broken]);
        assert.ok(md.startsWith("```mermaid\nflowchart LR\n"));
        assert.ok(md.includes('f0h1["sg-data: admits sg-app on 3306"]') && md.includes("f0h0 --> f0h1") && md.includes("style f0h1 fill:#f88"), md);
    });
});

describe("flow findings and placeholders", () => {
    const broken = (setting?: string): FlowResult => ({
        key: "alarm",
        name: "alarm reaches a person",
        region: "us-east-1",
        status: "broken",
        hops: [],
        broken: { hop: "has a subscriber", reason: "no subscription", urn: "urn:t", ...(setting !== undefined ? { setting } : {}) },
    });

    it("a hop waiting for a setting the stack has not given is advisory and names the key", async () => {
        const { flowViolations } = await import("../tools/lib/inputs");
        const [v] = flowViolations([broken("live-commerce:monitoring")], ["live-commerce:domain", "live-commerce:monitoring"]);
        assert.strictEqual(v.enforcement, "advisory");
        assert.match(v.message, /is broken at hop "has a subscriber": no subscription \(not deployable until live-commerce:monitoring is set\)$/);
    });

    it("the same hop is mandatory once the key counts as given, and a break no setting mends always is", async () => {
        const { flowViolations } = await import("../tools/lib/inputs");
        assert.deepStrictEqual(
            flowViolations([broken("live-commerce:monitoring"), broken()], ["live-commerce:tls"]).map((v) => v.enforcement),
            ["mandatory", "mandatory"],
        );
    });
});
