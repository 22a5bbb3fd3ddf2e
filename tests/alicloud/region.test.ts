import * as assert from "assert";

import { mockId } from "../../tools/lib/mocks";
import { PlannedResource } from "../../tools/lib/record";
import { REGION_OUTPUT_KEYS } from "../../components/region-outputs";
import { MYSQL_STACK, childrenOf, countsByType, named, ofType, usePlans } from "./plans";


const BLOCKS = ["Cache", "Database", "LoadBalancer", "Monitoring", "Network", "Queue", "Storage"];
/** Growth and mature stacks run the business tier on the managed Kubernetes cluster (compute `kubernetes`), not an app group. */
const KUBERNETES_BLOCKS = ["KubernetesCluster", "Services"];

function leaves(value: unknown): unknown[] {
    if (Array.isArray(value)) return value.flatMap(leaves);
    if (typeof value === "object" && value !== null) return Object.values(value).flatMap(leaves);
    return [value];
}

describe("alicloud Region", function () {
    const stacks = usePlans();

    it("composes every block under the region, with names free of the stage", () => {
        const plan = stacks()["growth-alicloud"];
        const region = named(plan, "live-commerce:alicloud:Region", "lc-cn-hangzhou");
        const blocks = childrenOf(plan, region).filter((r: PlannedResource) => r.type.startsWith("live-commerce:"));
        assert.deepStrictEqual(blocks.map((b) => b.type.split(":")[2]).sort(), [...BLOCKS, ...KUBERNETES_BLOCKS].sort());
        for (const stack of ["startup-alicloud", "growth-alicloud", "mature-alicloud"] as const) {
            const staged = stacks()[stack].resources.filter((r) => /startup|growth|mature/.test(r.name) && r.type !== "pulumi:pulumi:Stack");
            assert.deepStrictEqual(staged.map((r) => r.name), [], stack);
        }
    });

    it("growing from startup to growth on MySQL keeps every startup resource name (only adds)", () => {
        const key = (r: PlannedResource) => `${r.type}::${r.name}`;
        const growth = new Set(stacks()[MYSQL_STACK].resources.map(key));
        const missing = stacks()["startup-alicloud"].resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !growth.has(key(r))).map(key);
        assert.deepStrictEqual(missing, []);
    });

    it("growing from startup to the growth default swaps the MySQL database for PolarDB and the app group for Kubernetes (two migrations)", () => {
        const key = (r: PlannedResource) => `${r.type}::${r.name}`;
        const growth = new Set(stacks()["growth-alicloud"].resources.map(key));
        const missing = stacks()["startup-alicloud"].resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !growth.has(key(r))).map(key);
        assert.deepStrictEqual(missing, [
            "alicloud:cms/monitorGroup:MonitorGroup::lc-cn-hangzhou-app-metrics",
            ...["in", "out-connections", "out-cpu"].map((a) => `alicloud:ess/alarm:Alarm::lc-cn-hangzhou-app-alarm-${a}`),
            "alicloud:ess/scalingConfiguration:ScalingConfiguration::lc-cn-hangzhou-app-config",
            "alicloud:ess/scalingGroup:ScalingGroup::lc-cn-hangzhou-app-group",
            ...["in", "out-connections", "out-cpu"].map((a) => `alicloud:ess/scalingRule:ScalingRule::lc-cn-hangzhou-app-rule-${a}`),
            "alicloud:ram/policy:Policy::lc-cn-hangzhou-app-publish-metrics",
            "alicloud:ram/role:Role::lc-cn-hangzhou-app-role",
            "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment::lc-cn-hangzhou-app-publish-metrics",
            "alicloud:kms/key:Key::lc-cn-hangzhou-db-disk-key",
            "alicloud:rds/accountPrivilege:AccountPrivilege::lc-cn-hangzhou-db-account-privilege",
            "alicloud:rds/backupPolicy:BackupPolicy::lc-cn-hangzhou-db-backup",
            "alicloud:rds/database:Database::lc-cn-hangzhou-db-schema",
            "alicloud:rds/instance:Instance::lc-cn-hangzhou-db-mysql",
            "alicloud:rds/rdsAccount:RdsAccount::lc-cn-hangzhou-db-account",
            ...["appConnectionsPerInstance", "appCpuPercent"].flatMap((m) => ["critical", "fatal", "warning"].map((l) => `alicloud:cms/alarm:Alarm::lc-cn-hangzhou-monitoring-alarm-${m}-${l}`)),
            "live-commerce:alicloud:AutoScaling::lc-cn-hangzhou-app",
        ]);
    });

    it("resource counts of the growth stack: the region, its live video tier and the CDN", () => {
        // Business tier on Kubernetes (no app group): each node pool joins the 3 route server groups
        // (6 attachments), the app group admits the ALB's 2 vSwitches on the node ports (2 rules).
        // Video (self-run transcoding over two zones): the ingest NLB with 3 listeners (RTMP, SRT,
        // the play origin) and 3 server groups, the transcoder ESS group (the only ESS group) with
        // its configuration, 2 rules, 2 alarms and 3 server-group attachments, an ingest security
        // group with 3 rules, the transcoders' RAM role with its recording policy and attachment,
        // and the play CDN domain with its 3 configs (no Live domains). CDN: the domain and its 6
        // configs (HTTPS, TLS, origin scheme, and a zero-TTL cache rule on /api, /order and /ws). No steering with one region. A route table, attachment and default route per
        // zone (NAT per zone).
        assert.deepStrictEqual(countsByType(stacks()["growth-alicloud"]), {
            "alicloud:alb/listener:Listener": 2,
            "alicloud:alb/loadBalancer:LoadBalancer": 1,
            "alicloud:alb/rule:Rule": 3,
            "alicloud:alb/serverGroup:ServerGroup": 3,
            "alicloud:alikafka/instance:Instance": 1,
            "alicloud:alikafka/topic:Topic": 2,
            "alicloud:cdn/domainConfig:DomainConfig": 9,
            "alicloud:cdn/domainNew:DomainNew": 2,
            "alicloud:cms/alarm:Alarm": 18,
            "alicloud:cms/alarmContactGroup:AlarmContactGroup": 3,
            // ACK node autoscaling of the cluster (the managed cluster-autoscaler grows the pools).
            "alicloud:cs/autoscalingConfig:AutoscalingConfig": 1,
            "alicloud:cs/managedKubernetes:ManagedKubernetes": 1,
            "alicloud:cs/nodePool:NodePool": 2,
            "alicloud:ecs/eipAddress:EipAddress": 2,
            "alicloud:ecs/eipAssociation:EipAssociation": 2,
            "alicloud:ecs/securityGroup:SecurityGroup": 4,
            "alicloud:ecs/securityGroupRule:SecurityGroupRule": 12,
            "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment": 6,
            // Transcoders only (the business tier is Kubernetes): one alarm and rule per direction.
            "alicloud:ess/alarm:Alarm": 2,
            "alicloud:ess/scalingConfiguration:ScalingConfiguration": 1,
            "alicloud:ess/scalingGroup:ScalingGroup": 1,
            "alicloud:ess/scalingRule:ScalingRule": 2,
            "alicloud:ess/serverGroupAttachment:ServerGroupAttachment": 3,
            "alicloud:kms/key:Key": 1,
            "alicloud:nlb/listener:Listener": 3,
            "alicloud:nlb/loadBalancer:LoadBalancer": 1,
            "alicloud:nlb/serverGroup:ServerGroup": 3,
            "alicloud:oss/bucket:Bucket": 1,
            "alicloud:oss/bucketAcl:BucketAcl": 1,
            "alicloud:oss/bucketPublicAccessBlock:BucketPublicAccessBlock": 1,
            "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption": 1,
            "alicloud:oss/bucketVersioning:BucketVersioning": 1,
            "alicloud:polardb/account:Account": 1,
            "alicloud:polardb/accountPrivilege:AccountPrivilege": 1,
            "alicloud:polardb/backupPolicy:BackupPolicy": 1,
            "alicloud:polardb/cluster:Cluster": 1,
            "alicloud:polardb/database:Database": 1,
            "alicloud:ram/policy:Policy": 1,
            "alicloud:ram/role:Role": 1,
            "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment": 1,
            "alicloud:redis/tairInstance:TairInstance": 1,
            "alicloud:vpc/natGateway:NatGateway": 2,
            "alicloud:vpc/network:Network": 1,
            "alicloud:vpc/routeEntry:RouteEntry": 2,
            "alicloud:vpc/routeTable:RouteTable": 2,
            // per zone: the app vSwitch and the transcoders', each attached to the zone's route table with a SNAT entry
            "alicloud:vpc/routeTableAttachment:RouteTableAttachment": 4,
            "alicloud:vpc/snatEntry:SnatEntry": 4,
            "alicloud:vpc/switch:Switch": 4,
        });
    });

    it("every region of the mature stack is a complete backend", () => {
        const plan = stacks()["mature-alicloud"];
        assert.strictEqual(ofType(plan, "live-commerce:alicloud:Region").length, 3);
        for (const block of [...BLOCKS, "KubernetesCluster"]) assert.strictEqual(ofType(plan, `live-commerce:alicloud:${block}`).length, 3, block);
        assert.strictEqual(ofType(plan, "live-commerce:alicloud:AutoScaling").length, 0, "one business tier: Kubernetes");
    });

    it("stack outputs carry endpoints and never a password", () => {
        const plan = stacks()["growth-alicloud"];
        const regions = plan.outputs.regions;
        assert.ok(typeof regions === "object" && regions !== null && !Array.isArray(regions));
        const hz = Object.entries(regions).find(([k]) => k === "cn-hangzhou")?.[1];
        assert.ok(typeof hz === "object" && hz !== null && !Array.isArray(hz));
        const keys = Object.keys(hz).sort();
        assert.deepStrictEqual(keys, [...REGION_OUTPUT_KEYS, "video"].sort());
        const video = Object.entries(hz).find(([k]) => k === "video")?.[1];
        assert.deepStrictEqual(video, {
            ingestDomain: "push-cn-hangzhou.live.example.com",
            ingestEndpoint: `${mockId("alicloud:nlb/loadBalancer:LoadBalancer", "lc-cn-hangzhou-video-nlb")}.cn-hangzhou.nlb.aliyuncsslb.com`,
            // the play CDN domain's CNAME (the mocks answer the CDN's cname form)
            playCname: "play-cn-hangzhou.live.example.com.w.kunlunsl.com",
            playDomain: "play-cn-hangzhou.live.example.com",
        });
        const values = leaves(plan.outputs).map(String);
        assert.ok(!values.some((v) => v.includes("mock-secret")), "a generated password reached the stack outputs");
    });
});
