// Every resource rule: a passing fixture per resource type, and one failing case per property read.

import * as assert from "assert";

import { POLICIES } from "../../policies/all";
import { EvalResource } from "../../tools/lib/evaluate";
import { patch, res, violations } from "./helpers";

interface Case {
    readonly policy: string;
    readonly type: string;
    readonly pass: Record<string, unknown>;
    /** label -> patch that must produce a violation. */
    readonly fail: Record<string, Record<string, unknown>>;
}

const container = { name: "app", image: "app:1", readinessProbe: { httpGet: { path: "/ready", port: 8080 } }, livenessProbe: { httpGet: { path: "/live", port: 8080 } }, resources: { requests: { cpu: "500m", memory: "512Mi" }, limits: { memory: "1Gi" } }, securityContext: { runAsNonRoot: true } };
const deployment = (c: Record<string, unknown> = {}, pod: Record<string, unknown> = {}, replicas = 3): Record<string, unknown> => ({
    apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "app" },
    spec: { replicas, selector: { matchLabels: { app: "app" } }, template: { metadata: { labels: { app: "app" } }, spec: { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "topology.kubernetes.io/zone", whenUnsatisfiable: "ScheduleAnyway" }], containers: [{ ...container, ...c }], ...pod } } },
});

const CASES: Case[] = [
    { policy: "ha-autoscaling-group-require-multi-zone", type: "alicloud:ess/scalingGroup:ScalingGroup", pass: { minSize: 2, maxSize: 10, vswitchIds: ["vsw-a", "vsw-b"] }, fail: { vswitchIds: { vswitchIds: ["vsw-a"] }, minSize: { minSize: 1 } } },
    { policy: "ha-serverless-app-require-multi-zone", type: "alicloud:sae/application:Application", pass: { appName: "lc-order", packageType: "Image", replicas: 2, vswitchId: "vsw-a,vsw-b" }, fail: { vswitchId: { vswitchId: "vsw-a" }, replicas: { replicas: 1 } } },
    { policy: "ha-serverless-app-require-multi-zone", type: "aws:ecs/service:Service", pass: { name: "order", desiredCount: 2, networkConfiguration: { subnets: ["s-a", "s-b"] } }, fail: { subnets: { networkConfiguration: { subnets: ["s-a"] } }, desiredCount: { desiredCount: 1 } } },
    { policy: "ha-autoscaling-group-require-multi-zone", type: "aws:autoscaling/group:Group", pass: { minSize: 2, maxSize: 10, vpcZoneIdentifiers: ["s-a", "s-b"] }, fail: { vpcZoneIdentifiers: { vpcZoneIdentifiers: ["s-a"] }, minSize: { minSize: 1 } } },
    { policy: "ha-autoscaling-group-require-lb-health-check", type: "alicloud:ess/scalingGroup:ScalingGroup", pass: { minSize: 2, maxSize: 4, healthCheckTypes: ["LOAD_BALANCER"] }, fail: { healthCheckTypes: { healthCheckTypes: ["ECS"] } } },
    { policy: "ha-autoscaling-group-require-lb-health-check", type: "aws:autoscaling/group:Group", pass: { minSize: 2, maxSize: 4, healthCheckType: "ELB" }, fail: { healthCheckType: { healthCheckType: "EC2" } } },
    { policy: "ha-load-balancer-require-multi-zone", type: "alicloud:alb/loadBalancer:LoadBalancer", pass: { zoneMappings: [{ zoneId: "a", vswitchId: "v1" }, { zoneId: "b", vswitchId: "v2" }] }, fail: { zoneMappings: { zoneMappings: [{ zoneId: "a", vswitchId: "v1" }] } } },
    { policy: "ha-load-balancer-require-multi-zone", type: "aws:lb/loadBalancer:LoadBalancer", pass: { subnets: ["s-a", "s-b"] }, fail: { subnets: { subnets: ["s-a"] } } },
    { policy: "ha-load-balancer-require-deletion-protection", type: "alicloud:alb/loadBalancer:LoadBalancer", pass: { deletionProtectionEnabled: true }, fail: { deletionProtectionEnabled: { deletionProtectionEnabled: false } } },
    { policy: "ha-load-balancer-require-deletion-protection", type: "aws:lb/loadBalancer:LoadBalancer", pass: { enableDeletionProtection: true }, fail: { enableDeletionProtection: { enableDeletionProtection: false } } },
    { policy: "ha-load-balancer-require-fast-health-check", type: "alicloud:alb/serverGroup:ServerGroup", pass: { healthCheckConfig: { healthCheckEnabled: true, healthCheckInterval: 2, unhealthyThreshold: 3 } }, fail: { healthCheckEnabled: { healthCheckConfig: { healthCheckEnabled: false } }, healthCheckInterval: { healthCheckConfig: { healthCheckInterval: 10 } }, unhealthyThreshold: { healthCheckConfig: { unhealthyThreshold: 10 } } } },
    { policy: "ha-load-balancer-require-fast-health-check", type: "aws:lb/targetGroup:TargetGroup", pass: { healthCheck: { enabled: true, interval: 5, unhealthyThreshold: 2 } }, fail: { enabled: { healthCheck: { enabled: false } }, interval: { healthCheck: { interval: 30 } }, unhealthyThreshold: { healthCheck: { unhealthyThreshold: 5 } } } },
    { policy: "ha-cache-require-multi-zone", type: "alicloud:kvstore/instance:Instance", pass: { zoneId: "a", secondaryZoneId: "b" }, fail: { secondaryZoneId: { secondaryZoneId: "a" }, "secondaryZoneId unset": { secondaryZoneId: "" } } },
    { policy: "ha-cache-require-multi-zone", type: "alicloud:redis/tairInstance:TairInstance", pass: { zoneId: "a", secondaryZoneId: "b" }, fail: { secondaryZoneId: { secondaryZoneId: "a" }, "secondaryZoneId unset": { secondaryZoneId: "" } } },
    { policy: "ha-cache-require-multi-zone", type: "aws:elasticache/replicationGroup:ReplicationGroup", pass: { description: "c", multiAzEnabled: true }, fail: { multiAzEnabled: { multiAzEnabled: false } } },
    { policy: "ha-cache-require-replica-failover", type: "alicloud:kvstore/instance:Instance", pass: { nodeType: "MASTER_SLAVE" }, fail: { nodeType: { nodeType: "STAND_ALONE" } } },
    { policy: "ha-cache-require-replica-failover", type: "alicloud:redis/tairInstance:TairInstance", pass: { nodeType: "MASTER_SLAVE" }, fail: { nodeType: { nodeType: "STAND_ALONE" } } },
    { policy: "ha-cache-require-replica-failover", type: "aws:elasticache/replicationGroup:ReplicationGroup", pass: { description: "c", automaticFailoverEnabled: true, numCacheClusters: 2 }, fail: { automaticFailoverEnabled: { automaticFailoverEnabled: false }, numCacheClusters: { numCacheClusters: 1 } } },
    { policy: "ha-database-require-multi-zone", type: "alicloud:rds/instance:Instance", pass: { engine: "MySQL", engineVersion: "8.0", instanceType: "x", instanceStorage: 100, category: "HighAvailability", zoneId: "a", zoneIdSlaveA: "b" }, fail: { category: { category: "Basic" }, zoneIdSlaveA: { zoneIdSlaveA: "a" } } },
    { policy: "ha-database-require-multi-zone", type: "alicloud:polardb/cluster:Cluster", pass: { dbType: "MySQL", dbVersion: "8.0", dbNodeCount: 2, hotStandbyCluster: "ON" }, fail: { dbNodeCount: { dbNodeCount: 1 }, hotStandbyCluster: { hotStandbyCluster: "OFF" } } },
    { policy: "ha-database-require-multi-zone", type: "aws:rds/instance:Instance", pass: { instanceClass: "db.r6g.large", multiAz: true }, fail: { multiAz: { multiAz: false } } },
    { policy: "ha-database-require-backups", type: "alicloud:rds/backupPolicy:BackupPolicy", pass: { instanceId: "i", backupRetentionPeriod: 7 }, fail: { backupRetentionPeriod: { backupRetentionPeriod: 3 } } },
    { policy: "ha-database-require-backups", type: "alicloud:polardb/backupPolicy:BackupPolicy", pass: { dbClusterId: "c", dataLevel1BackupRetentionPeriod: 7 }, fail: { dataLevel1BackupRetentionPeriod: { dataLevel1BackupRetentionPeriod: 3 } } },
    { policy: "ha-database-require-backups", type: "aws:rds/instance:Instance", pass: { instanceClass: "db.r6g.large", backupRetentionPeriod: 7 }, fail: { backupRetentionPeriod: { backupRetentionPeriod: 1 } } },
    { policy: "ha-database-require-backups", type: "aws:rds/cluster:Cluster", pass: { engine: "aurora-mysql", backupRetentionPeriod: 14 }, fail: { backupRetentionPeriod: { backupRetentionPeriod: 1 } } },
    { policy: "ha-database-require-rpo-zero", type: "alicloud:rds/instance:Instance", pass: { engine: "MySQL", engineVersion: "8.0", instanceType: "x", instanceStorage: 100, category: "cluster" }, fail: { category: { category: "HighAvailability" } } },
    { policy: "ha-database-require-rpo-zero", type: "aws:rds/instance:Instance", pass: { instanceClass: "db.r6g.large", multiAz: true }, fail: { multiAz: { multiAz: false } } },
    { policy: "ha-stateful-require-deletion-protection", type: "alicloud:rds/instance:Instance", pass: { engine: "MySQL", engineVersion: "8.0", instanceType: "x", instanceStorage: 100, deletionProtection: true }, fail: { deletionProtection: { deletionProtection: false } } },
    { policy: "ha-stateful-require-deletion-protection", type: "alicloud:polardb/cluster:Cluster", pass: { dbType: "MySQL", dbVersion: "8.0", deletionLock: 1 }, fail: { deletionLock: { deletionLock: 0 } } },
    { policy: "ha-stateful-require-deletion-protection", type: "alicloud:kvstore/instance:Instance", pass: { instanceReleaseProtection: true }, fail: { instanceReleaseProtection: { instanceReleaseProtection: false } } },
    { policy: "ha-stateful-require-deletion-protection", type: "aws:rds/instance:Instance", pass: { instanceClass: "x", deletionProtection: true, skipFinalSnapshot: false }, fail: { deletionProtection: { deletionProtection: false }, skipFinalSnapshot: { skipFinalSnapshot: true } } },
    { policy: "ha-stateful-require-deletion-protection", type: "aws:rds/cluster:Cluster", pass: { engine: "aurora-mysql", deletionProtection: true }, fail: { deletionProtection: { deletionProtection: false }, skipFinalSnapshot: { skipFinalSnapshot: true } } },
    { policy: "sec-data-store-require-encryption", type: "alicloud:rds/instance:Instance", pass: { engine: "MySQL", engineVersion: "8.0", instanceType: "x", instanceStorage: 100, encryptionKey: "key" }, fail: { "encryptionKey/tdeStatus": { encryptionKey: "", tdeStatus: "Disabled" } } },
    { policy: "sec-data-store-require-encryption", type: "alicloud:polardb/cluster:Cluster", pass: { dbType: "MySQL", dbVersion: "8.0", tdeStatus: "Enabled" }, fail: { tdeStatus: { tdeStatus: "Disabled" } } },
    { policy: "sec-data-store-require-encryption", type: "alicloud:kvstore/instance:Instance", pass: { tdeStatus: "Enabled" }, fail: { tdeStatus: { tdeStatus: "Disabled" } } },
    { policy: "sec-data-store-require-encryption", type: "alicloud:redis/tairInstance:TairInstance", pass: { tdeStatus: "enabled" }, fail: { tdeStatus: { tdeStatus: "disabled" } } },
    { policy: "sec-data-store-require-encryption", type: "aws:rds/instance:Instance", pass: { instanceClass: "x", storageEncrypted: true }, fail: { storageEncrypted: { storageEncrypted: false } } },
    { policy: "sec-data-store-require-encryption", type: "aws:rds/cluster:Cluster", pass: { engine: "aurora-mysql", storageEncrypted: true }, fail: { storageEncrypted: { storageEncrypted: false } } },
    { policy: "sec-data-store-require-encryption", type: "aws:elasticache/replicationGroup:ReplicationGroup", pass: { description: "c", atRestEncryptionEnabled: true, transitEncryptionEnabled: true }, fail: { atRestEncryptionEnabled: { atRestEncryptionEnabled: false }, transitEncryptionEnabled: { transitEncryptionEnabled: false } } },
    { policy: "sec-data-store-forbid-public-access", type: "alicloud:rds/instance:Instance", pass: { engine: "MySQL", engineVersion: "8.0", instanceType: "x", instanceStorage: 100, securityIps: ["10.0.0.0/8"] }, fail: { securityIps: { securityIps: ["0.0.0.0/0"] } } },
    { policy: "sec-data-store-forbid-public-access", type: "alicloud:polardb/cluster:Cluster", pass: { dbType: "MySQL", dbVersion: "8.0", securityIps: ["10.0.0.0/8"] }, fail: { securityIps: { securityIps: ["0.0.0.0/0"] } } },
    { policy: "sec-data-store-forbid-public-access", type: "alicloud:kvstore/instance:Instance", pass: { securityIps: ["10.0.0.0/8"] }, fail: { securityIps: { securityIps: ["10.0.0.0/8,0.0.0.0"] } } },
    { policy: "sec-data-store-forbid-public-access", type: "alicloud:redis/tairInstance:TairInstance", pass: { securityIps: "10.0.0.0/8" }, fail: { securityIps: { securityIps: "10.0.0.0/8,0.0.0.0/0" } } },
    { policy: "sec-data-store-forbid-public-access", type: "aws:rds/instance:Instance", pass: { instanceClass: "x", publiclyAccessible: false }, fail: { publiclyAccessible: { publiclyAccessible: true } } },
    { policy: "sec-data-store-forbid-public-access", type: "aws:rds/clusterInstance:ClusterInstance", pass: { clusterIdentifier: "c", engine: "aurora-mysql", instanceClass: "x" }, fail: { publiclyAccessible: { publiclyAccessible: true } } },
    { policy: "sec-security-group-forbid-world-sensitive-ports", type: "alicloud:ecs/securityGroupRule:SecurityGroupRule", pass: { type: "ingress", ipProtocol: "tcp", portRange: "443/443", cidrIp: "0.0.0.0/0", securityGroupId: "sg" }, fail: { portRange: { portRange: "22/22" }, ipProtocol: { ipProtocol: "all" }, "cidrIp with 3306": { portRange: "3306/3306" } } },
    { policy: "sec-security-group-forbid-world-sensitive-ports", type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", pass: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", securityGroupId: "sg" }, fail: { fromPort: { fromPort: 0 }, toPort: { toPort: 6379 }, ipProtocol: { ipProtocol: "-1" }, cidrIpv6: { cidrIpv4: undefined, cidrIpv6: "::/0", fromPort: 22, toPort: 22 } } },
    { policy: "sec-security-group-forbid-world-sensitive-ports", type: "aws:ec2/securityGroupRule:SecurityGroupRule", pass: { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["10.0.0.0/8"], securityGroupId: "sg" }, fail: { cidrBlocks: { cidrBlocks: ["0.0.0.0/0"] }, ipv6CidrBlocks: { ipv6CidrBlocks: ["::/0"] } } },
    { policy: "sec-security-group-forbid-world-sensitive-ports", type: "aws:ec2/securityGroup:SecurityGroup", pass: { ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] }, fail: { ingress: { ingress: [{ protocol: "tcp", fromPort: 9092, toPort: 9094, cidrBlocks: ["0.0.0.0/0"] }] } } },
    { policy: "ha-queue-require-multi-zone", type: "alicloud:alikafka/instance:Instance", pass: { deployType: 5, selectedZones: ["a", "b"] }, fail: { selectedZones: { selectedZones: ["a"] } } },
    { policy: "ha-queue-require-multi-zone", type: "aws:msk/cluster:Cluster", pass: { kafkaVersion: "3.6", numberOfBrokerNodes: 3, brokerNodeGroupInfo: { clientSubnets: ["a", "b", "c"], instanceType: "kafka.m5.large", securityGroups: [] } }, fail: { clientSubnets: { brokerNodeGroupInfo: { clientSubnets: ["a"] } }, numberOfBrokerNodes: { numberOfBrokerNodes: 4 } } },
    { policy: "ha-kubernetes-cluster-require-multi-zone", type: "alicloud:cs/managedKubernetes:ManagedKubernetes", pass: { vswitchIds: ["a", "b"] }, fail: { vswitchIds: { vswitchIds: ["a"] } } },
    { policy: "ha-kubernetes-cluster-require-multi-zone", type: "aws:eks/cluster:Cluster", pass: { roleArn: "r", vpcConfig: { subnetIds: ["a", "b"] } }, fail: { subnetIds: { vpcConfig: { subnetIds: ["a"] } } } },
    { policy: "ha-k8s-deployment-require-replicas", type: "kubernetes:apps/v1:Deployment", pass: deployment(), fail: { replicas: deployment({}, {}, 1) } },
    { policy: "ha-k8s-deployment-require-replicas", type: "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", pass: { spec: { minReplicas: 2, maxReplicas: 10, scaleTargetRef: { kind: "Deployment", name: "app" } } }, fail: { minReplicas: { spec: { minReplicas: 1 } } } },
    { policy: "ha-k8s-deployment-require-zone-spread", type: "kubernetes:apps/v1:Deployment", pass: deployment(), fail: { topologySpreadConstraints: deployment({}, { topologySpreadConstraints: [{ maxSkew: 1, topologyKey: "kubernetes.io/hostname", whenUnsatisfiable: "DoNotSchedule" }] }) } },
    { policy: "ha-k8s-deployment-require-probes", type: "kubernetes:apps/v1:Deployment", pass: deployment(), fail: { readinessProbe: deployment({ readinessProbe: undefined }), livenessProbe: deployment({ livenessProbe: undefined }) } },
    { policy: "ha-k8s-deployment-require-resources", type: "kubernetes:apps/v1:Deployment", pass: deployment(), fail: { "requests.cpu": deployment({ resources: { requests: { memory: "1Gi" }, limits: { memory: "1Gi" } } }), "requests.memory": deployment({ resources: { requests: { cpu: "1" }, limits: { memory: "1Gi" } } }), "limits.memory": deployment({ resources: { requests: { cpu: "1", memory: "1Gi" } } }) } },
    { policy: "sec-k8s-deployment-require-non-root", type: "kubernetes:apps/v1:Deployment", pass: deployment(), fail: { runAsNonRoot: deployment({ securityContext: { runAsNonRoot: false } }), runAsUser: deployment({ securityContext: { runAsNonRoot: true, runAsUser: 0 } }) } },
];

/** JSON drops `undefined`, as the engine's serialisation does. */
function clean(v: Record<string, unknown>): Record<string, unknown> {
    const parsed: unknown = JSON.parse(JSON.stringify(v));
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
}

describe("resource rules", () => {
    for (const c of CASES) {
        const policy = POLICIES.find((p) => p.name === c.policy);
        describe(`${c.policy} on ${c.type}`, () => {
            it("passes the fixture", async () => {
                assert.ok(policy, `policy ${c.policy} exists`);
                assert.deepStrictEqual(await violations(policy, [res(c.type, c.pass)]), []);
            });
            for (const [label, p] of Object.entries(c.fail)) {
                it(`fails on ${label}`, async () => {
                    assert.ok(policy);
                    const isWhole = c.type === "kubernetes:apps/v1:Deployment" && "spec" in p && "apiVersion" in p;
                    const v = await violations(policy, [res(c.type, clean(isWhole ? p : patch(c.pass, p)))]);
                    assert.ok(v.length > 0, `expected a violation for ${label}`);
                    assert.ok(v.every((x) => x.policy === c.policy && x.enforcement === "mandatory"));
                });
            }
        });
    }

    it("covers every resource rule of the pack", () => {
        const tested = new Set(CASES.map((c) => c.policy));
        const resourceRules = POLICIES.filter((p) => "validateResource" in p).map((p) => p.name);
        assert.deepStrictEqual(resourceRules.filter((n) => !tested.has(n)), []);
    });

    it("is advisory for startup stacks and mandatory for security rules at every stage", async () => {
        const lb = POLICIES.find((p) => p.name === "ha-load-balancer-require-multi-zone");
        const sg = POLICIES.find((p) => p.name === "sec-security-group-forbid-world-sensitive-ports");
        assert.ok(lb && sg);
        assert.strictEqual((await violations(lb, [res("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a"] })], "startup"))[0].enforcement, "advisory");
        assert.strictEqual((await violations(sg, [res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0" })], "startup"))[0].enforcement, "mandatory");
    });

    it("takes enforcement and thresholds from the pack config", async () => {
        const lb = POLICIES.find((p) => p.name === "ha-load-balancer-require-multi-zone");
        assert.ok(lb);
        const single = [res("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a"] })];
        assert.strictEqual((await violations(lb, single, "growth", { [lb.name]: { stages: { growth: "advisory" } } }))[0].enforcement, "advisory");
        assert.deepStrictEqual(await violations(lb, single, "growth", { [lb.name]: { minZones: 1 } }), []);
        assert.deepStrictEqual(await violations(lb, single, "growth", { [lb.name]: "disabled" }), []);
    });
});

// The object-storage rules are stack checks: a bucket's versioning, encryption, ACL and public access
// block are either its own inputs or separate resources that name it in `bucket` (siblings under the
// same component). Fixtures: one stack per cloud with separate resources, one with inline inputs,
// and one failing stack per property read.
describe("object-storage rules (inline inputs or separate resources of the bucket)", () => {
    const PARENT = "urn:pulumi:t::live-commerce::live-commerce:x:Storage::st";
    const rule = (name: string) => {
        const p = POLICIES.find((x) => x.name === name);
        assert.ok(p, name);
        return p;
    };
    const VERSIONING = "ha-object-storage-require-versioning-and-redundancy";
    const ENCRYPTION = "sec-object-storage-require-encryption";
    const PRIVATE = "sec-object-storage-require-private";
    const RULES = [VERSIONING, ENCRYPTION, PRIVATE];
    const kid = (type: string, name: string, inputs: Record<string, unknown>) => res(type, inputs, name, PARENT);

    // Alibaba Cloud: the bucket's generated name (as the offline mocks and the provider produce it) in `bucket`.
    const ossBucket = kid("alicloud:oss/bucket:Bucket", "st-media", { redundancyType: "ZRS", storageClass: "Standard" });
    const ossName = "st-media-1a2b3c4";
    const oss = {
        acl: kid("alicloud:oss/bucketAcl:BucketAcl", "st-media-acl", { bucket: ossName, acl: "private" }),
        versioning: kid("alicloud:oss/bucketVersioning:BucketVersioning", "st-media-versioning", { bucket: ossName, status: "Enabled" }),
        encryption: kid("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", "st-media-encryption", { bucket: ossName, sseAlgorithm: "KMS" }),
        block: kid("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock", "st-media-public-access-block", { bucket: ossName, blockPublicAccess: true }),
    };
    const ossStack = (over: Partial<Record<keyof typeof oss | "bucket", EvalResource | null>> = {}): EvalResource[] =>
        [over.bucket === undefined ? ossBucket : over.bucket, ...(Object.keys(oss) as (keyof typeof oss)[]).map((k) => (over[k] === undefined ? oss[k] : over[k]))].filter(
            (r): r is EvalResource => r !== null,
        );

    // AWS: the bucket's id is its name, set here by the program.
    const s3Bucket = kid("aws:s3/bucket:Bucket", "st-logs", { bucket: "lc-logs" });
    const flags = { blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };
    const s3 = {
        versioning: kid("aws:s3/bucketVersioning:BucketVersioning", "st-logs-versioning", { bucket: "lc-logs", versioningConfiguration: { status: "Enabled" } }),
        encryption: kid("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "st-logs-encryption", {
            bucket: "lc-logs",
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }],
        }),
        block: kid("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "st-logs-public-access", { bucket: "lc-logs", ...flags }),
    };
    const s3Stack = (over: Partial<Record<keyof typeof s3 | "bucket", EvalResource | null>> = {}): EvalResource[] =>
        [over.bucket === undefined ? s3Bucket : over.bucket, ...(Object.keys(s3) as (keyof typeof s3)[]).map((k) => (over[k] === undefined ? s3[k] : over[k]))].filter(
            (r): r is EvalResource => r !== null,
        );

    const failsOnly = async (policy: string, stack: readonly EvalResource[], label: string) => {
        for (const name of RULES) {
            const v = await violations(rule(name), stack);
            if (name === policy) assert.ok(v.length > 0 && v.every((x) => x.policy === policy && x.enforcement === "mandatory"), `${label}: expected a ${policy} violation`);
            else assert.deepStrictEqual(v, [], `${label}: ${name}`);
        }
    };

    it("pass: buckets configured by separate resources (Alibaba Cloud and AWS)", async () => {
        for (const name of RULES) {
            assert.deepStrictEqual(await violations(rule(name), ossStack()), [], `oss ${name}`);
            assert.deepStrictEqual(await violations(rule(name), s3Stack()), [], `s3 ${name}`);
        }
    });

    it("pass: buckets configured inline (only the public access block is always a separate resource)", async () => {
        const inlineOss = kid("alicloud:oss/bucket:Bucket", "st-media", { redundancyType: "ZRS", acl: "private", versioning: { status: "Enabled" }, serverSideEncryptionRule: { sseAlgorithm: "KMS" } });
        const inlineS3 = kid("aws:s3/bucket:Bucket", "st-logs", {
            bucket: "lc-logs",
            versioning: { enabled: true },
            serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } },
        });
        for (const name of RULES) {
            assert.deepStrictEqual(await violations(rule(name), ossStack({ bucket: inlineOss, acl: null, versioning: null, encryption: null })), [], `oss ${name}`);
            assert.deepStrictEqual(await violations(rule(name), s3Stack({ bucket: inlineS3, versioning: null, encryption: null })), [], `s3 ${name}`);
        }
    });

    it("pass: a separate resource whose bucket is unknown (preview of a new bucket) is matched by its sibling's logical name", async () => {
        const unknown = { versioning: kid("alicloud:oss/bucketVersioning:BucketVersioning", "st-media-versioning", { status: "Enabled" }) };
        const other = kid("alicloud:oss/bucket:Bucket", "st-logs", { redundancyType: "ZRS", versioning: { status: "Enabled" } });
        assert.deepStrictEqual(await violations(rule(VERSIONING), [...ossStack(unknown), other]), []);
    });

    const FAILS: [string, string, EvalResource[]][] = [
        [VERSIONING, "redundancyType", ossStack({ bucket: kid("alicloud:oss/bucket:Bucket", "st-media", { redundancyType: "LRS" }) })],
        [VERSIONING, "oss versioning missing", ossStack({ versioning: null })],
        [VERSIONING, "oss versioning status", ossStack({ versioning: kid("alicloud:oss/bucketVersioning:BucketVersioning", "st-media-versioning", { bucket: ossName, status: "Suspended" }) })],
        [VERSIONING, "oss inline versioning", ossStack({ versioning: null, bucket: kid("alicloud:oss/bucket:Bucket", "st-media", { redundancyType: "ZRS", versioning: { status: "Suspended" } }) })],
        [VERSIONING, "versioning of another bucket", ossStack({ versioning: kid("alicloud:oss/bucketVersioning:BucketVersioning", "x-versioning", { bucket: "other-bucket", status: "Enabled" }) })],
        [VERSIONING, "s3 versioning missing", s3Stack({ versioning: null })],
        [VERSIONING, "s3 versioningConfiguration.status", s3Stack({ versioning: kid("aws:s3/bucketVersioning:BucketVersioning", "st-logs-versioning", { bucket: "lc-logs", versioningConfiguration: { status: "Suspended" } }) })],
        [ENCRYPTION, "oss encryption missing", ossStack({ encryption: null })],
        [ENCRYPTION, "oss sseAlgorithm", ossStack({ encryption: kid("alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption", "st-media-encryption", { bucket: ossName, sseAlgorithm: "none" }) })],
        [ENCRYPTION, "oss inline serverSideEncryptionRule", ossStack({ encryption: null, bucket: kid("alicloud:oss/bucket:Bucket", "st-media", { redundancyType: "ZRS", serverSideEncryptionRule: { sseAlgorithm: "none" } }) })],
        [ENCRYPTION, "s3 encryption missing", s3Stack({ encryption: null })],
        [ENCRYPTION, "s3 rules", s3Stack({ encryption: kid("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "st-logs-encryption", { bucket: "lc-logs", rules: [{}] }) })],
        [PRIVATE, "oss inline acl", ossStack({ bucket: kid("alicloud:oss/bucket:Bucket", "st-media", { redundancyType: "ZRS", acl: "public-read" }) })],
        [PRIVATE, "oss BucketAcl acl", ossStack({ acl: kid("alicloud:oss/bucketAcl:BucketAcl", "st-media-acl", { bucket: ossName, acl: "public-read-write" }) })],
        [PRIVATE, "oss public access block missing", ossStack({ block: null })],
        [PRIVATE, "oss blockPublicAccess", ossStack({ block: kid("alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock", "st-media-public-access-block", { bucket: ossName, blockPublicAccess: false }) })],
        [PRIVATE, "s3 inline acl", s3Stack({ bucket: kid("aws:s3/bucket:Bucket", "st-logs", { bucket: "lc-logs", acl: "public-read" }) })],
        [PRIVATE, "s3 public access block missing", s3Stack({ block: null })],
        ...Object.keys(flags).map((flag): [string, string, EvalResource[]] => [
            PRIVATE,
            `s3 ${flag}`,
            s3Stack({ block: kid("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "st-logs-public-access", { bucket: "lc-logs", ...flags, [flag]: false }) }),
        ]),
    ];
    for (const [policy, label, stack] of FAILS) {
        it(`${policy} fails on ${label}`, () => failsOnly(policy, stack, label));
    }
});
