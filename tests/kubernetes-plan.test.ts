import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

import { mockId } from "../tools/lib/mocks";
import { Plan, SECRET } from "../tools/lib/record";
import { ROOT } from "../tools/lib/stackfiles";
import { PlanCache, at, ofType, one } from "./helpers";
import { shippedPlan } from "./support/shipped";

const DEPLOYMENT = "kubernetes:apps/v1:Deployment";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const PDB = "kubernetes:policy/v1:PodDisruptionBudget";
const SERVICE = "kubernetes:core/v1:Service";
const LABELS = (service: string) => ({ "app.kubernetes.io/name": service, "app.kubernetes.io/part-of": "live-commerce" });
/** API groups and versions Kubernetes 1.33 serves for the objects the blueprint renders. */
const SERVED_BY_1_33 = ["v1", "apps/v1", "autoscaling/v2", "policy/v1"];

describe("kubernetes layer in the offline plan", function () {
    const plans = new PlanCache();
    const plan = (stack: string): Plan => plans.get(stack);

    before(async function () {
        for (const stack of ["startup-aws", "startup-alicloud", "growth-aws", "growth-alicloud", "mature-aws", "mature-alicloud"]) {
            plans.set(stack, await shippedPlan(stack));
        }
    });

    describe("startup", () => {
        for (const stack of ["startup-aws", "startup-alicloud"]) {
            it(`${stack}: no cluster, no workloads, no kubernetes provider`, () => {
                const k8sish = plan(stack).resources.filter(
                    (r) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes" || r.type.startsWith("aws:eks/") || r.type.startsWith("alicloud:cs/") || r.type.includes("KubernetesCluster"),
                );
                assert.deepStrictEqual(k8sish, []);
            });
        }
    });

    describe("clusters", () => {
        it("growth-aws: EKS with private endpoint only, KMS-encrypted Secrets, one node group per zone", () => {
            const p = plan("growth-aws");
            const cluster = one(p, "aws:eks/cluster:Cluster", "lc-us-east-1-k8s-cluster");
            assert.strictEqual(at(cluster.inputs, "vpcConfig", "endpointPublicAccess"), false);
            assert.strictEqual(at(cluster.inputs, "vpcConfig", "endpointPrivateAccess"), true);
            assert.strictEqual(at(cluster.inputs, "version"), "1.33");
            assert.deepStrictEqual(at(cluster.inputs, "encryptionConfig", "resources"), ["secrets"]);
            const key = one(p, "aws:kms/key:Key", "lc-us-east-1-k8s-secrets-key");
            assert.strictEqual(at(key.inputs, "enableKeyRotation"), true);
            const groups = ofType(p, "aws:eks/nodeGroup:NodeGroup");
            assert.deepStrictEqual(groups.map((g) => g.name).sort(), ["lc-us-east-1-k8s-nodes-us-east-1a", "lc-us-east-1-k8s-nodes-us-east-1b"]);
            const subnets = groups.map((g) => at(g.inputs, "subnetIds"));
            assert.strictEqual(new Set(subnets.map((s) => JSON.stringify(s))).size, 2, "each node group in its own zone's subnet");
            // The node type is in the launch template: a node group's instanceTypes is replace-on-change,
            // a launch template version rolls each group one node at a time.
            const template = one(p, "aws:ec2/launchTemplate:LaunchTemplate", "lc-us-east-1-k8s-nodes");
            assert.strictEqual(at(template.inputs, "instanceType"), "c6i.xlarge");
            // Node pool headroom (surgeNodesPerZone): the floor pods' requests (5.5 CPU) and the 21 pods a
            // 10x jump adds to interaction's 3 (21 CPU) over 2.8 CPU per 4 vCPU node = 10 nodes, 5 per zone.
            for (const g of groups) {
                assert.deepStrictEqual(at(g.inputs, "scalingConfig"), { desiredSize: 5, maxSize: 10, minSize: 5 });
                assert.strictEqual(at(g.inputs, "instanceTypes"), undefined);
                assert.deepStrictEqual(at(g.inputs, "launchTemplate"), { id: mockId("aws:ec2/launchTemplate:LaunchTemplate", "lc-us-east-1-k8s-nodes"), version: "1" });
                assert.deepStrictEqual(at(g.inputs, "updateConfig"), { maxUnavailable: 1 });
            }
        });

        it("growth-alicloud: ACK Pro over every zone's vSwitch, intranet API, KMS-encrypted Secrets, one node pool per zone", () => {
            const p = plan("growth-alicloud");
            const cluster = one(p, "alicloud:cs/managedKubernetes:ManagedKubernetes", "lc-cn-hangzhou-k8s-cluster");
            assert.strictEqual(at(cluster.inputs, "clusterSpec"), "ack.pro.small");
            assert.strictEqual(at(cluster.inputs, "slbInternetEnabled"), false);
            assert.strictEqual(at(cluster.inputs, "newNatGateway"), false);
            const key = one(p, "alicloud:kms/key:Key", "lc-cn-hangzhou-k8s-secrets-key");
            assert.ok(typeof at(cluster.inputs, "encryptionProviderKey") === "string" && at(cluster.inputs, "encryptionProviderKey") !== "");
            assert.strictEqual(at(key.inputs, "automaticRotation"), "Enabled");
            // the app vSwitches, not the transcoders' (-vsw-media-)
            const vswitches = ofType(p, "alicloud:vpc/switch:Switch").filter((v) => !v.name.includes("-vsw-media-"));
            assert.strictEqual(vswitches.length, 2);
            const clusterVswitches = at(cluster.inputs, "vswitchIds");
            assert.ok(Array.isArray(clusterVswitches) && clusterVswitches.length === 2);
            assert.deepStrictEqual([...clusterVswitches].sort(), vswitches.map((v) => v.id).sort());
            const pools = ofType(p, "alicloud:cs/nodePool:NodePool");
            assert.strictEqual(pools.length, 2);
            assert.deepStrictEqual(pools.map((x) => at(x.inputs, "vswitchIds", 0)).sort(), [...clusterVswitches].sort());
            for (const pool of pools) assert.deepStrictEqual(at(pool.inputs, "scalingConfig"), { enable: true, maxSize: 10, minSize: 5 });
        });

        it("mature: a cluster per region and node pools in 3 zones of each", () => {
            assert.strictEqual(ofType(plan("mature-alicloud"), "alicloud:cs/managedKubernetes:ManagedKubernetes").length, 3);
            assert.strictEqual(ofType(plan("mature-alicloud"), "alicloud:cs/nodePool:NodePool").length, 9);
            assert.strictEqual(ofType(plan("mature-aws"), "aws:eks/cluster:Cluster").length, 2);
            const groups = ofType(plan("mature-aws"), "aws:eks/nodeGroup:NodeGroup");
            assert.strictEqual(groups.length, 6);
            for (const g of groups) assert.deepStrictEqual(at(g.inputs, "scalingConfig"), { desiredSize: 2, maxSize: 20, minSize: 2 });
        });

        it("the kubeconfig is secret and no credential text reaches the plan", () => {
            for (const stack of ["growth-aws", "growth-alicloud", "mature-aws", "mature-alicloud"]) {
                const providers = ofType(plan(stack), "pulumi:providers:kubernetes");
                assert.ok(providers.length > 0);
                for (const pr of providers) assert.strictEqual(at(pr.inputs, "kubeconfig"), SECRET);
                const text = JSON.stringify(plan(stack));
                assert.ok(!text.includes("certificate-authority-data"), stack);
                assert.ok(!text.includes("get-token"), stack);
            }
        });

        it("every workload deploys through its region's cluster provider", () => {
            const p = plan("mature-aws");
            for (const r of p.resources.filter((x) => x.type.startsWith("kubernetes:"))) {
                const region = /^(lc-[a-z]+-[a-z]+-\d)-/.exec(r.name)?.[1] ?? r.name;
                assert.ok(r.provider?.includes(`pulumi:providers:kubernetes::${region}-k8s-provider::`), `${r.name} -> ${r.provider}`);
            }
        });
    });

    describe("workloads", () => {
        const replicas: [string, string, string, number, number][] = [
            ["growth-aws", "lc-us-east-1", "user", 2, 10],
            ["growth-aws", "lc-us-east-1", "product", 2, 10],
            ["growth-aws", "lc-us-east-1", "order", 3, 20],
            ["growth-aws", "lc-us-east-1", "interaction", 3, 40],
            ["mature-alicloud", "lc-cn-shanghai", "order", 3, 60],
            ["mature-alicloud", "lc-cn-shanghai", "interaction", 3, 200],
        ];
        for (const [stack, region, service, min, max] of replicas) {
            it(`${stack} ${service}: ${min} replicas, autoscaled ${min}..${max}`, () => {
                const base = `${region}-services-${service}`;
                const d = one(plan(stack), DEPLOYMENT, `${base}-deployment`);
                assert.strictEqual(at(d.inputs, "spec", "replicas"), min);
                const h = one(plan(stack), HPA, `${base}-hpa`);
                assert.strictEqual(at(h.inputs, "spec", "minReplicas"), min);
                assert.strictEqual(at(h.inputs, "spec", "maxReplicas"), max);
                assert.deepStrictEqual(at(h.inputs, "spec", "scaleTargetRef"), { apiVersion: "apps/v1", kind: "Deployment", name: service });
            });
        }

        it("interaction scales on CPU 70% and 5,000 connections per pod; up to +900% per minute; scale-down waits the AND alarm's 10 minutes, then 25% (at least 1 pod) per 2 minutes", () => {
            const h = one(plan("growth-alicloud"), HPA, "lc-cn-hangzhou-services-interaction-hpa");
            assert.deepStrictEqual(at(h.inputs, "spec", "metrics"), [
                { resource: { name: "cpu", target: { averageUtilization: 70, type: "Utilization" } }, type: "Resource" },
                { pods: { metric: { name: "app_connections" }, target: { averageValue: "5000", type: "AverageValue" } }, type: "Pods" },
            ]);
            assert.strictEqual(at(h.inputs, "spec", "behavior", "scaleDown", "stabilizationWindowSeconds"), 600);
            assert.strictEqual(at(h.inputs, "spec", "behavior", "scaleDown", "selectPolicy"), "Max");
            assert.deepStrictEqual(at(h.inputs, "spec", "behavior", "scaleDown", "policies"), [
                { periodSeconds: 120, type: "Percent", value: 25 },
                { periodSeconds: 120, type: "Pods", value: 1 },
            ]);
            assert.strictEqual(at(h.inputs, "spec", "behavior", "scaleUp", "stabilizationWindowSeconds"), 0);
            assert.deepStrictEqual(at(h.inputs, "spec", "behavior", "scaleUp", "policies"), [
                { periodSeconds: 60, type: "Percent", value: 900 },
                { periodSeconds: 60, type: "Pods", value: 4 },
            ]);
        });

        it("order scales on CPU 70% only", () => {
            const h = one(plan("growth-aws"), HPA, "lc-us-east-1-services-order-hpa");
            assert.deepStrictEqual(at(h.inputs, "spec", "metrics"), [{ resource: { name: "cpu", target: { averageUtilization: 70, type: "Utilization" } }, type: "Resource" }]);
        });

        for (const service of ["user", "product", "order", "interaction"]) {
            it(`${service}: selectors of Deployment, Service, PDB and spread match the pod labels exactly`, () => {
                const p = plan("growth-aws");
                const base = `lc-us-east-1-services-${service}`;
                const d = one(p, DEPLOYMENT, `${base}-deployment`);
                const pod = at(d.inputs, "spec", "template");
                assert.deepStrictEqual(at(pod, "metadata", "labels"), LABELS(service));
                assert.deepStrictEqual(at(d.inputs, "spec", "selector"), { matchLabels: LABELS(service) });
                assert.deepStrictEqual(at(one(p, SERVICE, `${base}-service`).inputs, "spec", "selector"), LABELS(service));
                const pdb = one(p, PDB, `${base}-pdb`);
                assert.deepStrictEqual(at(pdb.inputs, "spec"), { maxUnavailable: 1, selector: { matchLabels: LABELS(service) } });
                assert.deepStrictEqual(at(pod, "spec", "topologySpreadConstraints"), [
                    { labelSelector: { matchLabels: LABELS(service) }, maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "DoNotSchedule" },
                ]);
                assert.deepStrictEqual(at(pod, "spec", "affinity", "podAntiAffinity", "preferredDuringSchedulingIgnoredDuringExecution"), [
                    { podAffinityTerm: { labelSelector: { matchLabels: LABELS(service) }, topologyKey: "kubernetes.io/hostname" }, weight: 100 },
                ]);
            });

            it(`${service}: probes act within 10 s, non-root, read-only root, no escalation, no capabilities, requests and limits`, () => {
                const d = one(plan("mature-aws"), DEPLOYMENT, `lc-us-west-2-services-${service}-deployment`);
                const podSpec = at(d.inputs, "spec", "template", "spec");
                const c = at(podSpec, "containers", 0);
                for (const probe of ["readinessProbe", "livenessProbe"]) {
                    const period = at(c, probe, "periodSeconds");
                    const failures = at(c, probe, "failureThreshold");
                    assert.ok(typeof period === "number" && typeof failures === "number" && period * failures <= 10, `${probe}: ${period} x ${failures}`);
                    assert.deepStrictEqual(at(c, probe, "httpGet", "port"), "http");
                }
                assert.strictEqual(at(podSpec, "securityContext", "runAsNonRoot"), true);
                assert.deepStrictEqual(at(c, "securityContext"), {
                    allowPrivilegeEscalation: false,
                    capabilities: { drop: ["ALL"] },
                    privileged: false,
                    readOnlyRootFilesystem: true,
                    runAsNonRoot: true,
                });
                assert.ok(typeof at(c, "resources", "requests", "cpu") === "string" && typeof at(c, "resources", "limits", "memory") === "string");
                assert.strictEqual(at(c, "image"), `registry.example.com/live-commerce/${service}:1.0.0`);
                assert.strictEqual(at(c, "ports", 0, "containerPort"), 8080);
            });
        }

        it("the services read the region's endpoints from the data-endpoints ConfigMap and only their own credentials", () => {
            const region = (stack: string, name: string, key: string) => at(plan(stack).outputs, "regions", name, key);
            // AWS: the Valkey configuration endpoint, the Aurora writer and reader endpoints, the MSK brokers; the Redis AUTH token
            // in each service's Secret; the database password stays in the RDS-managed secret, which user, product and order
            // read with their own IAM role (IRSA), interaction not at all.
            const aws = plan("growth-aws");
            const d = one(aws, DEPLOYMENT, "lc-us-east-1-services-order-deployment");
            assert.deepStrictEqual(at(d.inputs, "spec", "template", "spec", "containers", 0, "envFrom"), [
                { configMapRef: { name: "data-endpoints" } },
                { secretRef: { name: "order-credentials" } },
            ]);
            assert.strictEqual(at(d.inputs, "spec", "template", "spec", "serviceAccountName"), "order");
            const secretArn = at(one(aws, "aws:rds/cluster:Cluster", "lc-us-east-1-db-cluster").outputs, "masterUserSecrets", 0, "secretArn");
            assert.match(String(secretArn), /^arn:aws:secretsmanager:us-east-1:\d{12}:secret:rds!/);
            const roleArn = at(one(aws, "aws:iam/role:Role", "lc-us-east-1-k8s-order-role").outputs, "arn");
            assert.deepStrictEqual(at(d.inputs, "spec", "template", "spec", "containers", 0, "env"), [
                { name: "SERVICE_NAME", value: "order" },
                { name: "AWS_ROLE_ARN", value: roleArn },
                { name: "AWS_WEB_IDENTITY_TOKEN_FILE", value: "/var/run/secrets/eks.amazonaws.com/serviceaccount/token" },
                { name: "DATABASE_SECRET_ARN", value: secretArn },
            ]);
            assert.deepStrictEqual(at(d.inputs, "spec", "template", "spec", "volumes", 1), {
                name: "aws-iam-token",
                projected: { sources: [{ serviceAccountToken: { audience: "sts.amazonaws.com", expirationSeconds: 86400, path: "token" } }] },
            });
            assert.deepStrictEqual(JSON.parse(String(one(aws, "aws:iam/rolePolicy:RolePolicy", "lc-us-east-1-k8s-order-role-policy").inputs.policy)), {
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secretArn] }],
            });
            const interaction = one(aws, DEPLOYMENT, "lc-us-east-1-services-interaction-deployment");
            assert.deepStrictEqual(at(interaction.inputs, "spec", "template", "spec", "containers", 0, "env"), [{ name: "SERVICE_NAME", value: "interaction" }]);
            assert.strictEqual(aws.resources.find((r) => r.name === "lc-us-east-1-k8s-interaction-role"), undefined);
            const awsData = at(one(aws, "kubernetes:core/v1:ConfigMap", "lc-us-east-1-services-config").inputs, "data");
            assert.deepStrictEqual(awsData, {
                APP_STAGE: "growth",
                DATABASE_HOST: region("growth-aws", "us-east-1", "databaseEndpoint"),
                DATABASE_READER_HOST: at(region("growth-aws", "us-east-1", "databaseReaderEndpoints"), 0),
                KAFKA_BROKERS: region("growth-aws", "us-east-1", "queueBootstrapServers"),
                REDIS_HOST: region("growth-aws", "us-east-1", "cacheEndpoint"),
            });
            assert.match(String(at(awsData, "DATABASE_READER_HOST")), /^lc-us-east-1-db\.cluster-ro-/);
            assert.match(String(at(awsData, "REDIS_HOST")), /^clustercfg\.lc-us-east-1-cache\./);
            for (const service of ["user", "product", "order", "interaction"]) {
                assert.deepStrictEqual(at(one(aws, "kubernetes:core/v1:Secret", `lc-us-east-1-services-${service}-credentials`).inputs, "stringData"), { REDIS_PASSWORD: SECRET }, service);
            }

            // Alibaba Cloud: the Redis host, the PolarDB cluster endpoint, the Kafka endpoints; database and Redis passwords.
            const ali = plan("growth-alicloud");
            const aliData = at(one(ali, "kubernetes:core/v1:ConfigMap", "lc-cn-hangzhou-services-config").inputs, "data");
            for (const [env, output] of [
                ["REDIS_HOST", ["cacheEndpoint"]],
                ["DATABASE_HOST", ["databaseEndpoint"]],
                ["DATABASE_READER_HOST", ["databaseReaderEndpoints", 0]],
                ["KAFKA_BROKERS", ["queueBootstrapServers"]],
            ] as const) {
                assert.strictEqual(at(aliData, env), at(plan("growth-alicloud").outputs, "regions", "cn-hangzhou", ...output), env);
            }
            // PolarDB's cluster endpoint splits reads from writes, so both names point at it (a host, not a prefix).
            assert.strictEqual(at(aliData, "DATABASE_READER_HOST"), at(aliData, "DATABASE_HOST"));
            assert.match(String(at(aliData, "REDIS_HOST")), /^r-[0-9a-f]+\.redis\.rds\.aliyuncs\.com$/);
            assert.match(String(at(aliData, "DATABASE_HOST")), /^pc-[0-9a-f]+\./);
            assert.strictEqual(String(at(aliData, "KAFKA_BROKERS")).split(",").length, 3);
            for (const service of ["user", "product", "order"]) {
                assert.deepStrictEqual(at(one(ali, "kubernetes:core/v1:Secret", `lc-cn-hangzhou-services-${service}-credentials`).inputs, "stringData"), { DATABASE_PASSWORD: SECRET, REDIS_PASSWORD: SECRET }, service);
            }
            // interaction works on the cache and the queue: no database password.
            assert.deepStrictEqual(at(one(ali, "kubernetes:core/v1:Secret", "lc-cn-hangzhou-services-interaction-credentials").inputs, "stringData"), { REDIS_PASSWORD: SECRET });
        });
    });

    describe("autoscaling add-ons", () => {
        const RELEASE = "kubernetes:helm.sh/v3:Release";
        for (const [stack, region] of [
            ["growth-aws", "lc-us-east-1"],
            ["mature-alicloud", "lc-cn-shanghai"],
        ]) {
            it(`${stack}: Prometheus scrapes the pods' http ports and prometheus-adapter serves app_connections, charts pinned`, () => {
                const prometheus = one(plan(stack), RELEASE, `${region}-services-connection-metrics-prometheus`);
                assert.deepStrictEqual([prometheus.inputs.chart, prometheus.inputs.version, prometheus.inputs.name, prometheus.inputs.namespace], ["prometheus", "27.19.0", "prometheus", "live-commerce-metrics"]);
                assert.deepStrictEqual(at(prometheus.inputs, "repositoryOpts"), { repo: "https://prometheus-community.github.io/helm-charts" });
                const files = at(prometheus.inputs, "values", "serverFiles");
                const job = at(typeof files === "object" && files !== null ? Object.entries(files).find(([k]) => k === "prometheus.yml")?.[1] : undefined, "scrape_configs", 0);
                assert.deepStrictEqual(at(job, "kubernetes_sd_configs"), [{ role: "pod", namespaces: { names: ["live-commerce"] } }]);
                assert.deepStrictEqual(at(job, "relabel_configs", 1), { source_labels: ["__meta_kubernetes_pod_container_port_name"], action: "keep", regex: "http" });
                const adapter = one(plan(stack), RELEASE, `${region}-services-connection-metrics-adapter`);
                assert.deepStrictEqual([adapter.inputs.chart, adapter.inputs.version, adapter.inputs.namespace], ["prometheus-adapter", "4.14.1", "live-commerce-metrics"]);
                assert.deepStrictEqual(at(adapter.inputs, "values", "prometheus"), { url: "http://prometheus-server.live-commerce-metrics.svc", port: 80 });
                assert.deepStrictEqual(at(adapter.inputs, "values", "rules"), {
                    default: false,
                    custom: [
                        {
                            seriesQuery: 'live_commerce_app_connections{namespace!="",pod!=""}',
                            resources: { overrides: { namespace: { resource: "namespace" }, pod: { resource: "pod" } } },
                            name: { matches: "^live_commerce_app_connections$", as: "app_connections" },
                            metricsQuery: "sum(<<.Series>>{<<.LabelMatchers>>}) by (<<.GroupBy>>)",
                        },
                    ],
                });
                // The HPA reads exactly the metric the adapter serves.
                const hpa = one(plan(stack), HPA, `${region}-services-interaction-hpa`);
                assert.strictEqual(at(hpa.inputs, "spec", "metrics", 1, "pods", "metric", "name"), "app_connections");
            });
        }

        it("EKS: the cluster autoscaler discovers the cluster's tagged node groups with an IRSA role limited to them", () => {
            const p = plan("growth-aws");
            const ca = one(p, RELEASE, "lc-us-east-1-k8s-cluster-autoscaler");
            assert.deepStrictEqual([ca.inputs.chart, ca.inputs.version, ca.inputs.namespace], ["cluster-autoscaler", "9.50.1", "kube-system"]);
            assert.deepStrictEqual(at(ca.inputs, "values", "autoDiscovery"), { clusterName: "lc-us-east-1-k8s" });
            assert.deepStrictEqual(at(ca.inputs, "values", "image"), { repository: "registry.k8s.io/autoscaling/cluster-autoscaler", tag: "v1.33.3" });
            const role = one(p, "aws:iam/role:Role", "lc-us-east-1-k8s-cluster-autoscaler");
            assert.deepStrictEqual(at(ca.inputs, "values", "rbac", "serviceAccount"), { create: true, name: "cluster-autoscaler", annotations: { "eks.amazonaws.com/role-arn": at(role.outputs, "arn") } });
            const issuer = String(at(one(p, "aws:eks/cluster:Cluster", "lc-us-east-1-k8s-cluster").outputs, "identities", 0, "oidcs", 0, "issuer")).replace("https://", "");
            const provider = one(p, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", "lc-us-east-1-k8s-oidc");
            assert.deepStrictEqual(at(provider.inputs, "clientIdLists"), ["sts.amazonaws.com"]);
            assert.deepStrictEqual(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement, [
                {
                    Effect: "Allow",
                    Principal: { Federated: at(provider.outputs, "arn") },
                    Action: "sts:AssumeRoleWithWebIdentity",
                    Condition: { StringEquals: { [`${issuer}:sub`]: "system:serviceaccount:kube-system:cluster-autoscaler", [`${issuer}:aud`]: "sts.amazonaws.com" } },
                },
            ]);
            const policy = JSON.parse(String(one(p, "aws:iam/rolePolicy:RolePolicy", "lc-us-east-1-k8s-cluster-autoscaler-policy").inputs.policy));
            assert.deepStrictEqual(policy.Statement[0], {
                Effect: "Allow",
                Action: ["autoscaling:SetDesiredCapacity", "autoscaling:TerminateInstanceInAutoScalingGroup"],
                Resource: "*",
                Condition: { StringEquals: { "aws:ResourceTag/k8s.io/cluster-autoscaler/lc-us-east-1-k8s": "owned" } },
            });
            // Both discovery tags on each node group's Auto Scaling group.
            const tags = p.resources.filter((r) => r.type === "aws:autoscaling/tag:Tag");
            for (const zone of ["us-east-1a", "us-east-1b"]) {
                const asg = at(one(p, "aws:eks/nodeGroup:NodeGroup", `lc-us-east-1-k8s-nodes-${zone}`).outputs, "resources", 0, "autoscalingGroups", 0, "name");
                assert.deepStrictEqual(
                    tags.filter((t) => t.inputs.autoscalingGroupName === asg).map((t) => at(t.inputs, "tag")),
                    [
                        { key: "k8s.io/cluster-autoscaler/enabled", value: "true", propagateAtLaunch: false },
                        { key: "k8s.io/cluster-autoscaler/lc-us-east-1-k8s", value: "owned", propagateAtLaunch: false },
                    ],
                    zone,
                );
            }
        });

        it("ACK: node autoscaling by cluster-autoscaler on every auto-scaling node pool", () => {
            const p = plan("growth-alicloud");
            const config = one(p, "alicloud:cs/autoscalingConfig:AutoscalingConfig", "lc-cn-hangzhou-k8s-node-autoscaling");
            const { clusterId, ...settings } = config.inputs;
            assert.strictEqual(clusterId, one(p, "alicloud:cs/managedKubernetes:ManagedKubernetes", "lc-cn-hangzhou-k8s-cluster").id);
            assert.deepStrictEqual(settings, { scalerType: "cluster-autoscaler", expander: "least-waste", scaleDownEnabled: true, unneededDuration: "10m", utilizationThreshold: "0.5", skipNodesWithSystemPods: false });
            for (const pool of p.resources.filter((r) => r.type === "alicloud:cs/nodePool:NodePool")) assert.strictEqual(at(pool.inputs, "scalingConfig", "enable"), true, pool.name);
        });
    });

    describe("schema", () => {
        it("every Kubernetes object of the growth and mature plans is valid against the Kubernetes OpenAPI schema", () => {
            const objects = ["growth-aws", "growth-alicloud", "mature-aws", "mature-alicloud"].flatMap((stack) =>
                plan(stack)
                    .resources.filter((r) => r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release")
                    .map((r) => ({ name: `${stack}/${r.name}`, object: r.inputs })),
            );
            // Per region: the two namespaces, ConfigMap and 4 x (ServiceAccount, Secret, Deployment, Service, HPA, PDB); 7 regions in the four stacks.
            assert.strictEqual(objects.length, 7 * 27);
            for (const o of objects) assert.ok(SERVED_BY_1_33.includes(String(at(o.object, "apiVersion"))), `${o.name}: ${at(o.object, "apiVersion")}`);
            const out = execFileSync(process.execPath, [path.join(ROOT, "tests", "support", "validate-kubernetes.mjs")], { input: JSON.stringify(objects), encoding: "utf8" });
            assert.deepStrictEqual(JSON.parse(out), []);
        });

        it("the validator rejects an invalid object (the check can fail)", () => {
            const broken = { apiVersion: "policy/v1", kind: "PodDisruptionBudget", metadata: { name: "x" }, spec: { maxUnavailable: 1, selector: { matchLabels: "app=x" } } };
            const out = execFileSync(process.execPath, [path.join(ROOT, "tests", "support", "validate-kubernetes.mjs")], { input: JSON.stringify([{ name: "broken", object: broken }]), encoding: "utf8" });
            const problems: unknown = JSON.parse(out);
            assert.ok(Array.isArray(problems) && problems.length === 1, out);
        });
    });
});
