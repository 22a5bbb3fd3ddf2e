import * as assert from "assert";

import { POLICIES } from "../../policies/all";
import { steeringEntry } from "../../policies/stack/ha-stack-require-steering-health-checks";
import { res, violations } from "./helpers";
import { isRecord } from "../../policies/lib/values";
import { EvalResource } from "../../tools/lib/evaluate";

const policy = (name: string) => {
    const p = POLICIES.find((x) => x.name === name);
    assert.ok(p, name);
    return p;
};

describe("stack rules", () => {
    it("ha-k8s-deployment-require-pdb: covered passes, uncovered fails", async () => {
        const d = res("kubernetes:apps/v1:Deployment", { metadata: { namespace: "shop" }, spec: { replicas: 3, template: { metadata: { labels: { app: "order" } } } } }, "d");
        const pdb = res("kubernetes:policy/v1:PodDisruptionBudget", { metadata: { namespace: "shop" }, spec: { selector: { matchLabels: { app: "order" } } } }, "p");
        const other = res("kubernetes:policy/v1:PodDisruptionBudget", { metadata: { namespace: "other" }, spec: { selector: { matchLabels: { app: "order" } } } }, "p");
        assert.deepStrictEqual(await violations(policy("ha-k8s-deployment-require-pdb"), [d, pdb]), []);
        assert.strictEqual((await violations(policy("ha-k8s-deployment-require-pdb"), [d, other])).length, 1);
    });
    it("ha-database-cluster-require-multiple-nodes: counts Aurora instances", async () => {
        const c = res("aws:rds/cluster:Cluster", { engine: "aurora-mysql", clusterIdentifier: "orders" }, "c");
        const i = (k: string) => res("aws:rds/clusterInstance:ClusterInstance", { clusterIdentifier: "orders" }, k);
        assert.deepStrictEqual(await violations(policy("ha-database-cluster-require-multiple-nodes"), [c, i("a"), i("b")]), []);
        assert.strictEqual((await violations(policy("ha-database-cluster-require-multiple-nodes"), [c, i("a")])).length, 1);
        // A reader in another zone: two instances pinned to one zone are a finding; unpinned ones are RDS's choice.
        const z = (k: string, zone: string) => res("aws:rds/clusterInstance:ClusterInstance", { clusterIdentifier: "orders", availabilityZone: zone }, k);
        assert.deepStrictEqual(await violations(policy("ha-database-cluster-require-multiple-nodes"), [c, z("a", "us-east-1a"), z("b", "us-east-1b")]), []);
        const oneZone = await violations(policy("ha-database-cluster-require-multiple-nodes"), [c, z("a", "us-east-1a"), z("b", "us-east-1a")]);
        assert.deepStrictEqual(oneZone.map((v) => v.message), ["Aurora cluster's 2 instances all sit in us-east-1a: no reader in another availability zone to fail over to."]);
    });
    it("sec-listener-require-https: redirect and modern TLS pass; plain HTTP and old TLS fail", async () => {
        const p = policy("sec-listener-require-https");
        const redirect = res("aws:lb/listener:Listener", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", statusCode: "HTTP_301" } }] }, "h");
        const https = res("aws:lb/listener:Listener", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }, "s");
        assert.deepStrictEqual(await violations(p, [redirect, https]), []);
        assert.strictEqual((await violations(p, [res("aws:lb/listener:Listener", { protocol: "HTTP", defaultActions: [{ type: "forward" }] }, "h")])).length, 1);
        assert.strictEqual((await violations(p, [res("aws:lb/listener:Listener", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }, "s")])).length, 1);
        const aliHttp = res("alicloud:alb/listener:Listener", { listenerProtocol: "HTTP" }, "ah", "urn:parent");
        const aliRule = res("alicloud:alb/rule:Rule", { ruleActions: [{ type: "Redirect", order: 1, redirectConfig: { protocol: "HTTPS" } }] }, "ar", "urn:parent");
        assert.deepStrictEqual(await violations(p, [aliHttp, aliRule]), []);
        assert.strictEqual((await violations(p, [aliHttp])).length, 1);
        assert.strictEqual((await violations(p, [res("alicloud:alb/listener:Listener", { listenerProtocol: "HTTPS", securityPolicyId: "tls_cipher_policy_1_0" }, "as")])).length, 1);
    });
    it("sec-listener-tls-policy-unsettable: names each HTTPS listener an SAE ingress creates; nothing else", async () => {
        const p = policy("sec-listener-tls-policy-unsettable");
        const found = await violations(p, [res("alicloud:sae/ingress:Ingress", { listenerProtocol: "HTTPS", listenerPort: 443 }, "i")]);
        assert.strictEqual(found.length, 1);
        assert.match(found[0].message, /ALB's default TLS policy: alicloud_sae_ingress \(provider v1.294\) has no security policy argument/);
        assert.deepStrictEqual(await violations(p, [res("alicloud:sae/ingress:Ingress", { listenerProtocol: "HTTP", listenerPort: 80 }, "i")]), []);
        assert.deepStrictEqual(await violations(p, [res("alicloud:alb/listener:Listener", { listenerProtocol: "HTTPS", securityPolicyId: "tls_cipher_policy_1_0" }, "l")]), []);
    });
    it("sec-ecs-task-require-least-privilege-secrets: an execution role that reads a secret its task definition does not reference, or a task role that reads any, is a finding", async () => {
        const p = policy("sec-ecs-task-require-least-privilege-secrets");
        const db = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-1-AbCdEf";
        const cache = "arn:aws:secretsmanager:us-east-1:123456789012:secret:cache-token-GhIjKl";
        const read = (...arns: string[]) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: arns }] });
        const publish = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "cloudwatch:PutMetricData", Resource: "*" }] });
        const stack = (executionReads: string, taskPolicy: string): EvalResource[] => {
            const execution = res("aws:iam/role:Role", {}, "interaction-execution");
            const task = res("aws:iam/role:Role", {}, "interaction-task-role");
            const def = {
                ...res("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "interaction", secrets: [{ name: "REDIS_PASSWORD", valueFrom: `${cache}:password::` }] }]) }, "interaction-task"),
                propertyDependencies: { executionRoleArn: [execution.urn], taskRoleArn: [task.urn] },
            };
            const secrets = { ...res("aws:iam/rolePolicy:RolePolicy", { policy: executionReads }, "interaction-execution-secrets"), propertyDependencies: { role: [execution.urn] } };
            const app = { ...res("aws:iam/rolePolicy:RolePolicy", { policy: taskPolicy }, "interaction-task-role-publish"), propertyDependencies: { role: [task.urn] } };
            return [execution, task, def, secrets, app];
        };
        assert.deepStrictEqual(await violations(p, stack(read(cache), publish)), []);
        const shared = await violations(p, stack(read(db, cache), publish));
        assert.strictEqual(shared.length, 1);
        assert.match(shared[0].urn, /interaction-task$/);
        assert.match(shared[0].message, /execution role may secretsmanager:GetSecretValue on arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-1-AbCdEf, which the task definition does not reference/);
        assert.strictEqual((await violations(p, stack(read("arn:aws:secretsmanager:us-east-1:123456789012:secret:*"), publish))).length, 1, "a wildcard is more than the referenced secret");
        const appReads = await violations(p, stack(read(cache), read(cache)));
        assert.strictEqual(appReads.length, 1);
        assert.match(appReads[0].message, /task role lets the application code secretsmanager:GetSecretValue/);
    });
    it("ha-stack-require-multi-region: mature needs >= 2 regions, not applicable below mature", async () => {
        const p = policy("ha-stack-require-multi-region");
        const one = [res("aws:ec2/vpc:Vpc", { tags: { stage: "mature", region: "us-east-1" } }, "v1")];
        const two = [...one, res("aws:ec2/vpc:Vpc", { tags: { stage: "mature", region: "us-west-2" } }, "v2")];
        assert.strictEqual((await violations(p, one, "mature")).length, 1);
        assert.deepStrictEqual(await violations(p, two, "mature"), []);
        assert.deepStrictEqual(await violations(p, one, "growth"), []);
    });
});

describe("per-stage pack config files", () => {
    it("policies/config/<stage>.json match the policies (regenerate with npm run pack-config)", async () => {
        const fs = await import("fs");
        const path = await import("path");
        const { packConfigText } = await import("../../tools/pack-config");
        const { ROOT } = await import("../../tools/lib/stackfiles");
        const { STAGES } = await import("../../policies/lib/stage");
        for (const stage of STAGES) {
            assert.strictEqual(fs.readFileSync(path.join(ROOT, "policies", "config", `${stage}.json`), "utf8"), packConfigText(stage), stage);
        }
    });

    it("growth treats the 99.99% target as advisory and the unverified figures as advisory; mature makes the target mandatory", async () => {
        const { POLICIES } = await import("../../policies/all");
        const { packConfigFor } = await import("../../policies/lib/pack-config");
        const growth = packConfigFor(POLICIES, "growth");
        const mature = packConfigFor(POLICIES, "mature");
        assert.deepStrictEqual(growth["ha-stack-availability-target"], { enforcementLevel: "advisory", stage: "growth" });
        assert.deepStrictEqual(mature["ha-stack-availability-target"], { enforcementLevel: "mandatory", stage: "mature" });
        assert.deepStrictEqual(mature["ha-stack-availability-unverified"], { enforcementLevel: "advisory", stage: "mature" });
        assert.deepStrictEqual(growth["ha-stack-failover-budget"], { enforcementLevel: "mandatory", stage: "growth" });
        assert.strictEqual(packConfigFor(POLICIES, "startup")["ha-database-require-multi-zone"], "advisory");
        assert.strictEqual(packConfigFor(POLICIES, "startup")["sec-security-group-forbid-world-sensitive-ports"], "mandatory");
    });
    it("the multi-region guarantees are mandatory for mature, advisory below; the per-flow target is advisory at every stage", async () => {
        const { packConfigFor } = await import("../../policies/lib/pack-config");
        for (const name of ["ha-stack-require-global-database", "ha-stack-require-cdn-origin-failover", "ha-stack-require-steering-health-checks"]) {
            assert.deepStrictEqual(packConfigFor(POLICIES, "mature")[name], { enforcementLevel: "mandatory", stage: "mature" }, name);
            assert.deepStrictEqual(packConfigFor(POLICIES, "growth")[name], { enforcementLevel: "advisory", stage: "growth" }, name);
        }
        for (const stage of ["startup", "growth", "mature"] as const) assert.deepStrictEqual(packConfigFor(POLICIES, stage)["ha-stack-flow-availability-target"], { enforcementLevel: "advisory", stage }, stage);
    });
    it("the stage files set flow-connected like a policy: mandatory at every stage, as a broken flow fails its request", async () => {
        const fs = await import("fs");
        const path = await import("path");
        const { ROOT } = await import("../../tools/lib/stackfiles");
        for (const stage of ["startup", "growth", "mature"] as const) {
            const file: unknown = JSON.parse(fs.readFileSync(path.join(ROOT, "policies", "config", `${stage}.json`), "utf8"));
            assert.strictEqual(isRecord(file) ? file["flow-connected"] : undefined, "mandatory", stage);
        }
    });
});

describe("ha-stack-require-global-database: the residency boundary", () => {
    const p = policy("ha-stack-require-global-database");
    const provider = (region: string): EvalResource => ({ ...res("pulumi:providers:aws", { region }, `p-${region}`), provider: null });
    const inRegion = (type: string, props: Record<string, unknown>, region: string, deps: Record<string, string[]> = {}): EvalResource => ({ ...res(type, props, `${type.split(":")[1]}-${region}`), provider: `${provider(region).urn}::id`, propertyDependencies: deps });
    const regions = ["r1", "r2", "r3"];
    const lbs = regions.map((r) => inRegion("aws:lb/loadBalancer:LoadBalancer", {}, r));
    const primary = inRegion("aws:rds/cluster:Cluster", { engine: "aurora-mysql" }, "r1");
    const global = { ...res("aws:rds/globalCluster:GlobalCluster", { globalClusterIdentifier: "g" }, "global"), propertyDependencies: { sourceDbClusterIdentifier: [primary.urn] } };
    const second = inRegion("aws:rds/cluster:Cluster", { engine: "aurora-mysql", globalClusterIdentifier: "g", enableGlobalWriteForwarding: true }, "r2", { globalClusterIdentifier: [global.urn] });
    const third = inRegion("aws:rds/cluster:Cluster", { engine: "aurora-mysql" }, "r3");
    const stack = [...regions.map(provider), ...lbs, primary, global, second, third];
    it("requires a secondary in every region by default, naming the region's cluster", async () => {
        const found = await violations(p, stack, "mature");
        assert.deepStrictEqual(found.map((v) => [v.enforcement, v.urn]), [["mandatory", third.urn]]);
        assert.match(found[0].message, /^region r3 holds no secondary of the global database/);
    });
    it("accepts a region outside the residency boundary that keeps its own database", async () => {
        assert.deepStrictEqual(await violations(p, stack, "mature", { "ha-stack-require-global-database": { residencyRegions: ["r1", "r2"] } }), []);
    });
    it("accepts a region the stack tags as outside its residency boundary (residency: separate:<region>)", async () => {
        const tagged = stack.map((r) => (r === third ? { ...r, inputs: { ...r.inputs, tags: { residency: "separate:r3" } } } : r));
        assert.deepStrictEqual(await violations(p, tagged, "mature"), []);
    });
    it("ha-stack-require-steering-health-checks asks a health check only of regions that hold the same data as another", async () => {
        const steering = policy("ha-stack-require-steering-health-checks");
        const found = await violations(steering, stack, "mature");
        assert.deepStrictEqual(found.map((v) => v.urn).sort(), [lbs[0].urn, lbs[1].urn].sort());
        assert.match(found[0].message, /has no health-checked steering entry/);
    });
    it("ha-stack-require-steering-health-checks names the steering entry of the stack's own cloud", () => {
        assert.match(steeringEntry("alicloud:alb/loadBalancer:LoadBalancer"), /^a GTM address pool/);
        assert.doesNotMatch(steeringEntry("alicloud:alb/loadBalancer:LoadBalancer"), /Route 53/);
        assert.match(steeringEntry("aws:lb/loadBalancer:LoadBalancer"), /^a Route 53 record/);
        assert.doesNotMatch(steeringEntry("aws:lb/loadBalancer:LoadBalancer"), /GTM/);
    });
    it("requires write forwarding of an Aurora secondary", async () => {
        const found = await violations(p, stack.map((r) => (r === second ? { ...r, inputs: { ...r.inputs, enableGlobalWriteForwarding: false } } : r)), "mature", { "ha-stack-require-global-database": { residencyRegions: ["r1", "r2"] } });
        assert.deepStrictEqual(found.map((v) => v.urn), [second.urn]);
        assert.match(found[0].message, /does not forward writes \(enableGlobalWriteForwarding\)/);
    });
    it("is not applicable to a stack serving from one region", async () => {
        assert.deepStrictEqual(await violations(p, [provider("r1"), lbs[0], primary], "mature"), []);
    });
});

describe("ha-kubernetes-node-pools-require-multi-zone", () => {
    const policy = POLICIES.find((p) => p.name === "ha-kubernetes-node-pools-require-multi-zone") ?? assert.fail("policy missing");
    const ack = (zone: string, extra: Record<string, unknown> = {}) => res("alicloud:cs/nodePool:NodePool", { clusterId: "c1", vswitchIds: [`vsw-${zone}`], desiredSize: 1, ...extra }, `pool-${zone}`);
    const eks = (zone: string, minSize = 1) => res("aws:eks/nodeGroup:NodeGroup", { clusterName: "c2", subnetIds: [`subnet-${zone}`], scalingConfig: { minSize, maxSize: 3, desiredSize: 1 } }, `group-${zone}`);

    it("passes one pool per zone over two zones, on both clouds", async () => {
        assert.deepStrictEqual(await violations(policy, [ack("a"), ack("b")]), []);
        assert.deepStrictEqual(await violations(policy, [eks("a"), eks("b")]), []);
    });
    it("fails when a cluster's pools cover one zone (vswitchIds / subnetIds)", async () => {
        assert.match((await violations(policy, [ack("a")]))[0].message, /node pools of cluster c1 spans 1 zone/);
        assert.match((await violations(policy, [eks("a")]))[0].message, /node pools of cluster c2 spans 1 zone/);
    });
    it("fails a pool without a node in its zone (desiredSize, scalingConfig.minSize)", async () => {
        assert.match((await violations(policy, [ack("a", { desiredSize: 0 }), ack("b")]))[0].message, /minimum of 0 instance/);
        assert.match((await violations(policy, [ack("a", { scalingConfig: { enable: true, minSize: 0, maxSize: 3 } }), ack("b")]))[0].message, /minimum of 0 instance/);
        assert.match((await violations(policy, [eks("a", 0), eks("b")]))[0].message, /minimum of 0 instance/);
    });
});
