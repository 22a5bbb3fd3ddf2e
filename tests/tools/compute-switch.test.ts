import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { APPLIED_ON_UPDATE, deferredSettings } from "../../policies/conformance/applied-on-update";
import { APPLIED_ON_UPDATE_FINDING, appliedOnUpdateFindings, readBase, upgradeAgainst } from "../../tools/plan";
import { PlannedResource, planStack } from "../../tools/lib/record";
import { STACKS_DIR } from "../../tools/lib/stackfiles";
import { AURORA_RANGE_NOTE, PROGRAM_REPLACE_SOURCE, UpgradeChange, UpgradeReport, diffPlans } from "../../tools/lib/upgrade";
import { POLARDB_REPLACE_ON_CHANGES } from "../../components/alicloud/database";
import { rulesFor } from "../../policies/conformance/replace-on-change";
import { renderUpgradeMarkdown, renderUpgradeText } from "../../tools/lib/upgrade-report";
import { shippedPlan } from "../support/shipped";
import { COMPUTE_TIERS, ComputeTier, businessRoutes } from "../../components/model";

const POLARDB = "alicloud:polardb/cluster:Cluster";
const TARGET_GROUP = "aws:lb/targetGroup:TargetGroup";

function res(stack: string, type: string, name: string, inputs: Record<string, unknown>): PlannedResource {
    return { urn: `urn:pulumi:${stack}::live-commerce::${type}::${name}`, type, name, parent: null, custom: true, provider: null, inputs };
}

function changesOf(report: UpgradeReport, type: string): UpgradeChange[] {
    return report.changes.filter((c) => c.type === type);
}

/** `plan --base`: the base plan written to a file and read back as the CLI does, compared with the head plan. */
async function againstBase(baseStack: string, headStack: string): Promise<UpgradeReport> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-switch-"));
    const file = path.join(dir, `${baseStack}.json`);
    fs.writeFileSync(file, JSON.stringify(await shippedPlan(baseStack)));
    return upgradeAgainst(await shippedPlan(headStack), await readBase(file), file);
}

describe("compute switches in the change preview (plan --base)", () => {
    const names = { base: "a", head: "b" };

    it("a provisioned PolarDB cluster turned AgileServerless is a refused replace that points at the guide, not an in-place update", () => {
        const before = res("a", POLARDB, "db-polardb", { dbNodeClass: "polar.mysql.x4.large", dbNodeCount: 2 });
        const after = res("b", POLARDB, "db-polardb", { dbNodeClass: "polar.mysql.sl.small", serverlessType: "AgileServerless", scaleMin: 1, scaleMax: 8 });
        const report = diffPlans([before], [after], names);
        const [c] = report.changes;
        assert.deepStrictEqual([c.op, c.survival, c.migration], ["replace", "lost", null]);
        assert.deepStrictEqual(
            c.properties.filter((p) => p.replaces).map((p) => [p.name, p.guide]),
            [["serverlessType", "docs/UPGRADING.md#compute-kubernetes-or-vm-to-serverless"]],
        );
        assert.deepStrictEqual(report.undocumented.map((u) => u.name), ["db-polardb"]);
        assert.match(renderUpgradeText(report), /refused: no in-place path; see docs\/UPGRADING\.md#compute-kubernetes-or-vm-to-serverless/);
        // Only the node class and the bounds of an existing serverless cluster: an in-place update.
        const resized = diffPlans([after], [{ ...after, inputs: { ...after.inputs, scaleMax: 16 } }], names);
        assert.deepStrictEqual([resized.changes[0].op, resized.undocumented], ["update", []]);
    });

    it("a property the program names in replaceOnChanges replaces the resource, with the option as its source", () => {
        const sg = (description: string) => ({ ...res("x", "alicloud:ecs/securityGroup:SecurityGroup", "sg", { description }), replaceOnChanges: ["description"] });
        const [c] = diffPlans([sg("a")], [sg("b")], names).changes;
        assert.deepStrictEqual([c.op, c.properties], ["replace", [{ name: "description", replaces: true, source: PROGRAM_REPLACE_SOURCE, guide: null }]]);
    });

    it("the program's replaceOnChanges of the PolarDB Serverless cluster is the provider table's rule", async function () {
        this.timeout(600_000);
        const cluster = (await shippedPlan("growth-alicloud-serverless")).resources.find((r) => r.type === POLARDB);
        assert.deepStrictEqual(cluster?.replaceOnChanges, [...POLARDB_REPLACE_ON_CHANGES]);
        assert.deepStrictEqual(rulesFor(POLARDB).replaceOn.map((r) => r.property), [...POLARDB_REPLACE_ON_CHANGES]);
    });

    it("a target group's port or target type replaces it (ForceNew), without failing the preview: it holds nothing", () => {
        const tg = (targetType: string, port: number) => res("x", TARGET_GROUP, "tg-order", { targetType, port, protocol: "HTTP", healthCheck: { path: "/healthz" } });
        const report = diffPlans([tg("instance", 30080)], [tg("ip", 8080)], names);
        const [c] = report.changes;
        assert.deepStrictEqual([c.op, c.stateful, c.properties.filter((p) => p.replaces).map((p) => p.name)], ["replace", false, ["port", "targetType"]]);
        assert.deepStrictEqual(report.undocumented, []);
        const [healthOnly] = diffPlans([tg("ip", 8080)], [{ ...tg("ip", 8080), inputs: { ...tg("ip", 8080).inputs, healthCheck: { path: "/ready" } } }], names).changes;
        assert.strictEqual(healthOnly.op, "update");
    });

    it("the cluster and node pools of compute kubernetes go by the documented migration only when the serverless services are declared", () => {
        const cluster = res("a", "alicloud:cs/managedKubernetes:ManagedKubernetes", "k8s-cluster", { clusterSpec: "ack.pro.small" });
        const app = res("b", "alicloud:sae/application:Application", "sae-order", { appName: "lc-order" });
        const switched = diffPlans([cluster], [app], names);
        assert.deepStrictEqual(switched.changes.filter((c) => c.op === "delete").map((c) => [c.survival, c.migration?.id]), [["migrated", "compute-kubernetes-to-serverless"]]);
        assert.deepStrictEqual(switched.undocumented, []);
        const dropped = diffPlans([cluster], [], names);
        assert.deepStrictEqual(dropped.undocumented.map((c) => c.name), ["k8s-cluster"]);
    });

    it("growth-alicloud -> growth-alicloud-serverless: the PolarDB cluster is refused, not updated in place", async function () {
        this.timeout(600_000);
        const report = await againstBase("growth-alicloud", "growth-alicloud-serverless");
        const clusters = changesOf(report, POLARDB);
        assert.strictEqual(clusters.length, 1);
        assert.deepStrictEqual([clusters[0].op, clusters[0].survival, clusters[0].properties.filter((p) => p.replaces).map((p) => p.name)], ["replace", "lost", ["serverlessType"]]);
        assert.deepStrictEqual(report.undocumented.map((u) => u.type), [POLARDB], "the preview fails on the cluster only");
    });

    it("the documented path: compute serverless with database.serverless.enabled false keeps the PolarDB cluster as it is", async function () {
        this.timeout(600_000);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-switch-stacks-"));
        const stack = "growth-alicloud-serverless";
        const shipped = fs.readFileSync(path.join(STACKS_DIR, `Pulumi.${stack}.yaml`), "utf8");
        fs.writeFileSync(path.join(dir, `Pulumi.${stack}.yaml`), `${shipped.trimEnd()}\n  live-commerce:database:\n    serverless:\n      enabled: false\n`);
        const baseFile = path.join(dir, "base.json");
        fs.writeFileSync(baseFile, JSON.stringify(await shippedPlan("growth-alicloud")));
        const report = upgradeAgainst(await planStack(stack, dir), await readBase(baseFile), baseFile);
        assert.deepStrictEqual(changesOf(report, POLARDB).map((c) => [c.op, c.survival]), [["same", "kept"]]);
        assert.deepStrictEqual(report.undocumented, []);
    });

    it("growth-aws -> growth-aws-serverless: the /order target group (kept by name) is replaced for its targetType (instance -> ip) and port; Aurora stays in place", async function () {
        this.timeout(600_000);
        const report = await againstBase("growth-aws", "growth-aws-serverless");
        const kept = changesOf(report, TARGET_GROUP).filter((c) => c.op !== "create" && c.op !== "delete");
        assert.deepStrictEqual(
            kept.map((g) => [g.name, g.op, g.properties.filter((p) => p.replaces).map((p) => p.name)]),
            [["lc-us-east-1-lb-tg-order", "replace", ["port", "targetType"]]],
        );
        for (const c of report.changes.filter((x) => x.type === "aws:rds/cluster:Cluster" || x.type === "aws:rds/clusterInstance:ClusterInstance")) {
            assert.ok(c.op === "same" || c.op === "update" || c.op === "create", `${c.op} ${c.name}`);
        }
        // The instances' class change waits for their maintenance window (applyImmediately unset), and the preview says so.
        const instances = changesOf(report, "aws:rds/clusterInstance:ClusterInstance");
        assert.deepStrictEqual(
            instances.map((c) => [c.op, c.maintenanceWindow]),
            instances.map(() => ["update", [{ property: "instanceClass", guide: "docs/UPGRADING.md#aurora-instance-class-applied-in-the-maintenance-window" }]]),
        );
        assert.ok(instances.length >= 2);
        assert.match(renderUpgradeText(report), /pending until the next maintenance window \(applyImmediately is not set\): instanceClass; see docs\/UPGRADING\.md#aurora-instance-class-applied-in-the-maintenance-window/);
        assert.ok(fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8").includes("## Aurora instance class: applied in the maintenance window"));
        assert.deepStrictEqual(report.undocumented, [], "the EKS cluster and node groups go by the documented migration");
    });
});

describe("listener rule priorities across a compute switch (Pulumi deletes the removed rules last)", () => {
    const LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
    /**
     * The priorities the head's created or changed rules ask for that a rule of the base still
     * holds when they are asked for: each base rule keeps its priority until the deletes at the end
     * of the update, unless the head keeps the same rule (by name) at the same priority.
     */
    function clashes(base: readonly PlannedResource[], head: readonly PlannedResource[]): string[] {
        const held = new Map(base.filter((r) => r.type === LISTENER_RULE).map((r) => [Number(r.inputs.priority), r.name]));
        return head
            .filter((r) => r.type === LISTENER_RULE)
            .filter((r) => base.find((b) => b.type === LISTENER_RULE && b.name === r.name)?.inputs.priority !== r.inputs.priority)
            .flatMap((r) => {
                const holder = held.get(Number(r.inputs.priority));
                return holder === undefined ? [] : [`${r.name} asks for priority ${String(r.inputs.priority)} held by ${holder}`];
            });
    }

    it("the vm and kubernetes routes (10, 20) and the serverless routes (110, 120, 130) share no priority, within both clouds' ranges", () => {
        const rulePriorities = (compute: ComputeTier): number[] => businessRoutes(compute).filter((r) => r.pathPatterns.length > 0).map((r) => r.priority);
        assert.deepStrictEqual(rulePriorities("serverless"), [110, 120, 130]);
        for (const compute of ["vm", "kubernetes"] as const) {
            assert.deepStrictEqual(rulePriorities(compute).filter((p) => rulePriorities("serverless").includes(p)), [], compute);
        }
        // aws.lb.ListenerRule.priority 1-50000; alicloud.alb.Rule.priority 1-10000 (SDK docstrings).
        for (const compute of COMPUTE_TIERS) for (const p of rulePriorities(compute)) assert.ok(p >= 1 && p <= 10000, `${compute} ${p}`);
    });

    it("growth-aws -> growth-aws-serverless and back: no created or changed rule asks for a priority a rule of the base still holds", async function () {
        this.timeout(600_000);
        const vm = (await shippedPlan("growth-aws")).resources;
        const serverless = (await shippedPlan("growth-aws-serverless")).resources;
        assert.ok(vm.some((r) => r.type === LISTENER_RULE) && serverless.some((r) => r.type === LISTENER_RULE));
        assert.deepStrictEqual(clashes(vm, serverless), []);
        assert.deepStrictEqual(clashes(serverless, vm), []);
        // What the check catches: the serverless routes' former priorities (10, 20, 30).
        const former = serverless.map((r) => (r.type === LISTENER_RULE ? { ...r, inputs: { ...r.inputs, priority: Number(r.inputs.priority) - 100 } } : r));
        assert.ok(clashes(vm, former).length > 0);
    });
});

describe("the compute switch on Alibaba Cloud hands port 443 between the ALB listener and the SAE ingress (plan --base warns both ways)", () => {
    it("growth-alicloud-serverless -> growth-alicloud: the HTTPS listener is created on 443 while the SAE ingress holding 443 is deleted last; the warning points at the guide", async function () {
        this.timeout(600_000);
        const report = await againstBase("growth-alicloud-serverless", "growth-alicloud");
        assert.deepStrictEqual(report.handovers, [{ port: 443, created: "lc-cn-hangzhou-lb-https", deleted: "lc-cn-hangzhou-sae-ingress", guide: "docs/UPGRADING.md#compute-serverless-back-to-kubernetes-or-vm" }]);
        assert.match(renderUpgradeText(report), /warning: lc-cn-hangzhou-lb-https is created on port 443 while lc-cn-hangzhou-sae-ingress, which holds it, is deleted only after the creates/);
        assert.ok(fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8").includes("## Compute: serverless back to kubernetes or vm"));
        // The PolarDB Serverless cluster turned provisioned: refused, pointing at the reverse switch's section (keep database.serverless.enabled true).
        const [cluster] = changesOf(report, POLARDB);
        assert.deepStrictEqual([cluster.op, cluster.properties.filter((p) => p.replaces).map((p) => [p.name, p.guide])], ["replace", [["serverlessType", "docs/UPGRADING.md#compute-serverless-back-to-kubernetes-or-vm"]]]);
        const text = renderUpgradeText(report);
        assert.match(text, /refused: no in-place path; see docs\/UPGRADING\.md#compute-serverless-back-to-kubernetes-or-vm\n/);
        assert.match(text, /1 stateful replace\/delete without a documented migration:\n {2}replace \S+::lc-cn-hangzhou-db-polardb \(see docs\/UPGRADING\.md#compute-serverless-back-to-kubernetes-or-vm\)/);
    });

    it("growth-alicloud -> growth-alicloud-serverless: the SAE ingress is created on 443 while the load balancer's HTTPS listener holding 443 is deleted last; the warning points at the forward guide", async function () {
        this.timeout(600_000);
        const report = await againstBase("growth-alicloud", "growth-alicloud-serverless");
        assert.deepStrictEqual(report.handovers, [{ port: 443, created: "lc-cn-hangzhou-sae-ingress", deleted: "lc-cn-hangzhou-lb-https", guide: "docs/UPGRADING.md#compute-kubernetes-or-vm-to-serverless" }]);
        assert.match(renderUpgradeText(report), /warning: lc-cn-hangzhou-sae-ingress is created on port 443 while lc-cn-hangzhou-lb-https, which holds it, is deleted only after the creates: pulumi up fails there; remove lc-cn-hangzhou-lb-https first \(docs\/UPGRADING\.md#compute-kubernetes-or-vm-to-serverless\)/);
        assert.ok(fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8").includes("## Compute: kubernetes or vm to serverless"));
    });

    it("a listener or ingress kept across the switch, or on another port, hands nothing over", () => {
        const listener = (port: number) => res("a", "alicloud:alb/listener:Listener", "lb-https", { listenerPort: port, listenerProtocol: "HTTPS" });
        const ingress = res("b", "alicloud:sae/ingress:Ingress", "sae-ingress", { listenerPort: 443, loadBalanceType: "alb" });
        assert.deepStrictEqual(diffPlans([listener(443)], [ingress], { base: "a", head: "b" }).handovers.map((h) => [h.created, h.deleted, h.port]), [["sae-ingress", "lb-https", 443]]);
        assert.deepStrictEqual(diffPlans([listener(443)], [listener(443), ingress], { base: "a", head: "b" }).handovers, [], "the listener stays: the ingress create fails for another reason, not a handover");
        assert.deepStrictEqual(diffPlans([listener(80)], [ingress], { base: "a", head: "b" }).handovers, []);
    });
});

describe("new SAE rules on running applications (SAE refuses them while an application is busy)", () => {
    const names = { base: "a", head: "b" };
    const app = res("s", "alicloud:sae/application:Application", "sae-order", { appName: "lc-order" });
    const rule = (name: string) => res("s", "alicloud:sae/applicationScalingRule:ApplicationScalingRule", name, { scalingRuleName: name });

    it("a rule added to an application the base runs is named, with the note pointing at docs/SCALING.md; rules of a new application or rules kept are not", () => {
        const report = diffPlans([app, rule("sae-order-scaling")], [app, rule("sae-order-scaling"), rule("sae-order-events-20261212")], names);
        assert.deepStrictEqual(report.rulesOnRunningApps, ["sae-order-events-20261212"]);
        assert.match(renderUpgradeText(report), /note: 1 SAE scaling rule\(s\) are created on running applications \(sae-order-events-20261212\): SAE refuses a new rule while the application scales.*\(docs\/SCALING\.md#new-sae-rules-on-a-running-application\)/);
        assert.ok(fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "SCALING.md"), "utf8").includes("### New SAE rules on a running application"));
        assert.deepStrictEqual(diffPlans([], [app, rule("sae-order-scaling")], names).rulesOnRunningApps, [], "a new stack: the applications are new");
        assert.deepStrictEqual(diffPlans([app, rule("sae-order-scaling")], [app, rule("sae-order-scaling")], names).rulesOnRunningApps, []);
    });
});

describe("changes the cloud applies in the maintenance window", () => {
    it("an instance class change is pending unless applyImmediately is set; a new instance has none", () => {
        const instance = (instanceClass: string, extra: Record<string, unknown> = {}) => res("x", "aws:rds/clusterInstance:ClusterInstance", "db-instance-0", { instanceClass, ...extra });
        const names = { base: "a", head: "b" };
        assert.deepStrictEqual(diffPlans([instance("db.r6g.large")], [instance("db.serverless")], names).changes[0].maintenanceWindow.map((m) => m.property), ["instanceClass"]);
        assert.deepStrictEqual(diffPlans([instance("db.r6g.large")], [instance("db.serverless", { applyImmediately: true })], names).changes[0].maintenanceWindow, []);
        assert.deepStrictEqual(diffPlans([], [instance("db.serverless")], names).changes[0].maintenanceWindow, []);
        assert.deepStrictEqual(diffPlans([instance("db.r6g.large")], [instance("db.r6g.large", { performanceInsightsEnabled: true })], names).changes[0].maintenanceWindow, []);
        assert.match(renderUpgradeMarkdown(diffPlans([instance("db.r6g.large")], [instance("db.serverless")], names)), /\| update \| `aws:rds\/clusterInstance:ClusterInstance` db-instance-0 \| database \| kept \| instanceClass \(applied in the maintenance window\) \|/);
    });
});

describe("the Aurora capacity range on the way back from serverless", () => {
    const CLUSTER = "aws:rds/cluster:Cluster";
    const names = { base: "a", head: "b" };
    const cluster = (extra: Record<string, unknown>) => res("x", CLUSTER, "lc-us-east-1-db-cluster", { engine: "aurora-mysql", engineMode: "provisioned", ...extra });
    const range = { serverlessv2ScalingConfiguration: { minCapacity: 2, maxCapacity: 16 } };

    it("a removed serverlessv2ScalingConfiguration is an update (the provider sends MinCapacity 0), not a value the cloud keeps", () => {
        const [c] = diffPlans([cluster(range)], [cluster({})], names).changes;
        assert.deepStrictEqual([c.op, c.properties.map((p) => p.name)], ["update", ["serverlessv2ScalingConfiguration"]]);
    });

    it("a range added to (or changed on) a cluster is an update the preview explains: applied at once, instances unchanged, with the guide section", () => {
        const instance = res("x", "aws:rds/clusterInstance:ClusterInstance", "lc-us-east-1-db-instance-0", { instanceClass: "db.r6g.large" });
        const report = diffPlans([cluster({}), instance], [cluster(range), instance], names);
        const [c] = changesOf(report, CLUSTER);
        assert.deepStrictEqual(
            [c.op, c.notes],
            ["update", [{ property: "serverlessv2ScalingConfiguration", note: AURORA_RANGE_NOTE, guide: "docs/UPGRADING.md#aurora-capacity-range-applied-at-once" }]],
        );
        assert.deepStrictEqual(changesOf(report, "aws:rds/clusterInstance:ClusterInstance").map((i) => i.op), ["same"]);
        assert.match(
            renderUpgradeText(report),
            /update {2}aws:rds\/cluster:Cluster lc-us-east-1-db-cluster \[database: kept\] {2}serverlessv2ScalingConfiguration\n {10}serverlessv2ScalingConfiguration: the capacity range takes effect at once \(whatever applyImmediately says\) and acts on db\.serverless instances only: provisioned instances keep their class and do not restart; see docs\/UPGRADING\.md#aurora-capacity-range-applied-at-once/,
        );
        const changed = diffPlans([cluster(range)], [cluster({ serverlessv2ScalingConfiguration: { minCapacity: 4, maxCapacity: 16 } })], names).changes[0];
        assert.deepStrictEqual(changed.notes.map((n) => n.property), ["serverlessv2ScalingConfiguration"]);
        assert.deepStrictEqual(diffPlans([], [cluster(range)], names).changes[0].notes, [], "a new cluster: nothing to explain");
        assert.deepStrictEqual(diffPlans([cluster(range)], [cluster({ ...range, backupRetentionPeriod: 14 })], names).changes[0].notes, [], "another property: no note");
        const guide = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8");
        const section = guide.slice(guide.indexOf("\n## Aurora capacity range: applied at once\n"));
        assert.ok(section.startsWith("\n## Aurora capacity range: applied at once\n"), "the section the link names exists");
        const body = section.slice(0, section.indexOf("\n## ", 3)).replace(/\s+/g, " ");
        assert.ok(body.includes("Managing Aurora Serverless v2 DB clusters") && body.includes("provisioned instances keep their class"), body);
    });

    it("mature-aws deployed before the range was declared on every cluster: the preview points each cluster's update at the guide", async function () {
        this.timeout(600_000);
        const head = await shippedPlan("mature-aws");
        const withoutRange = (r: PlannedResource): PlannedResource => {
            if (r.type !== CLUSTER) return r;
            const { serverlessv2ScalingConfiguration: _dropped, ...inputs } = r.inputs;
            return { ...r, inputs };
        };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-range-"));
        const file = path.join(dir, "mature-aws-old.json");
        fs.writeFileSync(file, JSON.stringify({ ...head, resources: head.resources.map(withoutRange) }));
        const report = upgradeAgainst(head, await readBase(file), file);
        const clusters = changesOf(report, CLUSTER);
        assert.ok(clusters.length >= 2, "both regions' clusters");
        assert.deepStrictEqual(
            clusters.map((c) => [c.op, c.notes.map((n) => n.guide)]),
            clusters.map(() => ["update", ["docs/UPGRADING.md#aurora-capacity-range-applied-at-once"]]),
        );
        assert.ok(changesOf(report, "aws:rds/clusterInstance:ClusterInstance").every((i) => i.op === "same"), "the instances do not change");
    });

    it("growth-aws-serverless -> growth-aws: the cluster declares the same range, so nothing is sent, while both instances wait for the window to leave db.serverless", async function () {
        this.timeout(600_000);
        const report = await againstBase("growth-aws-serverless", "growth-aws");
        const [c] = changesOf(report, CLUSTER);
        assert.deepStrictEqual([c.op, c.properties.map((p) => p.name)], ["same", []]);
        const instances = changesOf(report, "aws:rds/clusterInstance:ClusterInstance");
        assert.ok(instances.length >= 2 && instances.every((i) => i.maintenanceWindow.some((m) => m.property === "instanceClass")), "both instances stay db.serverless until their window");
        const guide = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8");
        const back = guide.slice(guide.indexOf("## Compute: serverless back to kubernetes or vm"));
        const section = back.slice(0, back.indexOf("\n## ", 3)).replace(/\s+/g, " ");
        assert.ok(section.includes("The range must be on the cluster as long as any instance is `db.serverless`"));
        assert.ok(!section.includes("sends no removal"), "the false premise is gone");
    });
});

describe("an RDS instance's class change (database.engine mysql on AWS)", () => {
    it("is pending until the maintenance window and points at the RDS instance guide, not Aurora's reader-first order", () => {
        const instance = (instanceClass: string) => res("x", "aws:rds/instance:Instance", "lc-us-east-1-db-primary", { instanceClass, engine: "mysql", multiAz: false });
        const report = diffPlans([instance("db.m7g.large")], [instance("db.m7g.xlarge")], { base: "a", head: "b" });
        assert.deepStrictEqual(report.changes[0].maintenanceWindow, [{ property: "instanceClass", guide: "docs/UPGRADING.md#rds-instance-class-applied-in-the-maintenance-window" }]);
        assert.match(renderUpgradeText(report), /pending until the next maintenance window \(applyImmediately is not set\): instanceClass; see docs\/UPGRADING\.md#rds-instance-class-applied-in-the-maintenance-window/);
        const guide = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8");
        const section = guide.slice(guide.indexOf("## RDS instance class: applied in the maintenance window"));
        assert.ok(section.startsWith("## RDS instance class: applied in the maintenance window"), "the section the link names exists");
        const body = section.slice(0, section.indexOf("\n## ", 3));
        assert.ok(body.includes("modify-db-instance") && body.includes("--apply-immediately"), "applies it with modify-db-instance --apply-immediately");
        assert.ok(!body.includes("failover-db-cluster"), "no Aurora cluster step");
    });

    it("a class change of an Alibaba Cloud RDS instance or PolarDB cluster applies during the pulumi up: nothing pending", () => {
        const names = { base: "a", head: "b" };
        const rds = (instanceType: string) => res("x", "alicloud:rds/instance:Instance", "db-primary", { instanceType });
        const polardb = (dbNodeClass: string) => res("x", POLARDB, "db-polardb", { dbNodeClass });
        assert.deepStrictEqual(diffPlans([rds("mysql.n2.medium.1")], [rds("mysql.n4.medium.1")], names).changes[0].maintenanceWindow, []);
        assert.deepStrictEqual(diffPlans([polardb("polar.mysql.x4.large")], [polardb("polar.mysql.x4.xlarge")], names).changes[0].maintenanceWindow, []);
    });

    it("the guide cites ModifyDBNodeClass on an empty PlannedStartTime for the PolarDB class change, not the kernel version upgrade's note", () => {
        const guide = fs.readFileSync(path.join(__dirname, "..", "..", "..", "docs", "UPGRADING.md"), "utf8").replace(/\s+/g, " ");
        assert.ok(guide.includes('"If this parameter is empty, the upgrade task is immediately performed" (PolarDB API reference, ModifyDBNodeClass, PlannedStartTime'));
        assert.ok(!guide.includes("If this parameter is left blank"), "the kernel version upgrade's sentence is not the source of a class change");
    });
});

describe("settings a provider applies only on update (the second pulumi up)", () => {
    it("every rule names the provider file it was read from", () => {
        for (const r of APPLIED_ON_UPDATE) assert.match(r.source, /^terraform-provider-(alicloud|aws) \S+\.go/, `${r.type}.${r.property}`);
    });

    it("a PolarDB cluster with hotReplicaMode gets an advisory finding; one without it gets none", () => {
        const hot = res("s", POLARDB, "db-polardb", { hotReplicaMode: "ON", dbNodeId: "1" });
        const findings = appliedOnUpdateFindings([hot, res("s", POLARDB, "other", { dbNodeClass: "polar.mysql.x4.large" })]);
        assert.deepStrictEqual(
            findings.map((f) => [f.policy, f.enforcement, f.urn]),
            [[APPLIED_ON_UPDATE_FINDING, "advisory", hot.urn]],
        );
        assert.match(findings[0].message, /hotReplicaMode = "ON" .*second `pulumi up`/);
        assert.deepStrictEqual(deferredSettings({ ...hot, type: "alicloud:rds/instance:Instance" }), []);
    });

    it("the shipped serverless stack's cluster is flagged, and a created cluster is marked for the second up in the change preview", async function () {
        this.timeout(600_000);
        const plan = await shippedPlan("growth-alicloud-serverless");
        const flagged = appliedOnUpdateFindings(plan.resources);
        assert.deepStrictEqual(
            flagged.map((f) => plan.resources.find((r) => r.urn === f.urn)?.type),
            [POLARDB],
        );
        const created = diffPlans([], plan.resources, { base: "empty", head: plan.stack });
        assert.deepStrictEqual(changesOf(created, POLARDB).map((c) => c.secondUp), [["hotReplicaMode"]]);
        assert.match(renderUpgradeText(created), /applied by the second pulumi up .*: hotReplicaMode/);
    });
});
