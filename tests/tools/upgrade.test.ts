import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { REPLACE_ON_CHANGE } from "../../policies/conformance/replace-on-change";
import { check, parseCheckArgs } from "../../tools/check";
import { UsageError, parseArgs } from "../../tools/plan";
import { MIGRATIONS } from "../../tools/lib/migrations";
import { ROOT } from "../../tools/lib/stackfiles";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { UpgradeChange, UpgradeReport, diffPlans } from "../../tools/lib/upgrade";
import { BEGIN, DOC, END, UPGRADE_PAIRS, pairReports, upgradeTables } from "../../tools/upgrade-docs";
import { MYSQL_STACK, plans as alicloudPlans } from "../alicloud/plans";
import { plan as awsPlan } from "../aws/plans";

function res(stack: string, type: string, name: string, inputs: Record<string, unknown>, parent = "db", extra: Partial<PlannedResource> = {}): PlannedResource {
    return {
        urn: `urn:pulumi:${stack}::live-commerce::live-commerce:component$${type}::${name}`,
        type,
        name,
        parent: `urn:pulumi:${stack}::live-commerce::live-commerce:component::${parent}`,
        custom: true,
        provider: null,
        inputs,
        ...extra,
    };
}

const TOPIC = "aws:msk/topic:Topic";
const MSK = "aws:msk/cluster:Cluster";

function only(report: UpgradeReport, name: string): UpgradeChange {
    const found = report.changes.filter((c) => c.name === name);
    assert.strictEqual(found.length, 1, `one change named ${name}`);
    return found[0];
}

describe("change preview against a base (diffPlans)", () => {
    const names = { base: "a", head: "b" };

    it("a replace-on-change property makes a stateful replace that names its provider source and fails without a migration", () => {
        const base = [res("a", TOPIC, "orders", { name: "orders", replicationFactor: 2, partitionCount: 12 })];
        const head = [res("b", TOPIC, "orders", { name: "orders", replicationFactor: 3, partitionCount: 24 })];
        const report = diffPlans(base, head, names);
        const c = only(report, "orders");
        assert.strictEqual(c.op, "replace");
        assert.deepStrictEqual(
            c.properties.map((p) => [p.name, p.replaces]),
            [
                ["replicationFactor", true],
                ["partitionCount", false],
            ],
        );
        assert.match(c.properties[0].source ?? "", /internal\/service\/kafka\/topic\.go/);
        assert.deepStrictEqual([c.stateful, c.kind, c.survival, c.migration], [true, "topic", "lost", null]);
        assert.deepStrictEqual(report.undocumented.map((u) => u.name), ["orders"]);
    });

    it("an updatable property is an in-place update; matching ignores the stack name", () => {
        const report = diffPlans([res("startup", TOPIC, "orders", { replicationFactor: 2, partitionCount: 12 })], [res("growth", TOPIC, "orders", { replicationFactor: 2, partitionCount: 24 })], names);
        const c = only(report, "orders");
        assert.deepStrictEqual([c.op, c.survival, c.properties.map((p) => p.name)], ["update", "kept", ["partitionCount"]]);
        assert.strictEqual(c.urn, res("growth", TOPIC, "orders", {}).urn);
        assert.deepStrictEqual(report.undocumented, []);
    });

    it("a nested rule fires on its own path: broker subnets replace the MSK cluster, the broker type does not", () => {
        const info = (subnets: string[], type: string) => ({ brokerNodeGroupInfo: { clientSubnets: subnets, instanceType: type } });
        const moved = diffPlans([res("a", MSK, "kafka", info(["s1", "s2"], "kafka.m7g.large"))], [res("b", MSK, "kafka", info(["s1", "s2", "s3"], "kafka.m7g.large"))], names);
        assert.deepStrictEqual(
            only(moved, "kafka").properties.map((p) => [p.name, p.replaces]),
            [["brokerNodeGroupInfo.clientSubnets", true]],
        );
        const resized = diffPlans([res("a", MSK, "kafka", info(["s1", "s2"], "kafka.m7g.large"))], [res("b", MSK, "kafka", info(["s1", "s2"], "kafka.m7g.xlarge"))], names);
        assert.deepStrictEqual([only(resized, "kafka").op, only(resized, "kafka").properties.map((p) => p.name)], ["update", ["brokerNodeGroupInfo"]]);
    });

    it("same, create and delete; stateless resources never fail the preview", () => {
        const base = [res("a", "aws:sns/topic:Topic", "alarms", { name: "x" }), res("a", "aws:ec2/eip:Eip", "old", { domain: "vpc" })];
        const head = [res("b", "aws:sns/topic:Topic", "alarms", { name: "x" }), res("b", "aws:ec2/eip:Eip", "new", { domain: "vpc" })];
        const report = diffPlans(base, head, names);
        assert.deepStrictEqual(
            report.changes.map((c) => [c.name, c.op, c.stateful]),
            [
                ["old", "delete", false],
                ["new", "create", false],
                ["alarms", "same", false],
            ],
        );
        assert.deepStrictEqual(report.undocumented, []);
    });

    it("deleting RDS MySQL is a documented migration only when PolarDB is declared beside it", () => {
        const rds = res("a", "alicloud:rds/instance:Instance", "lc-db-mysql", { engine: "MySQL" }, "lc-db", { retainOnDelete: true });
        const polardb = res("b", "alicloud:polardb/cluster:Cluster", "lc-db-polardb", { dbType: "MySQL" }, "lc-db");
        const migrated = only(diffPlans([rds], [polardb], names), "lc-db-mysql");
        assert.deepStrictEqual([migrated.op, migrated.survival, migrated.migration?.doc], ["delete", "migrated", "docs/UPGRADING.md#database-mysql-to-polardb"]);
        const elsewhere = res("b", "alicloud:polardb/cluster:Cluster", "lc-db-polardb", { dbType: "MySQL" }, "other-region-db");
        const report = diffPlans([rds], [elsewhere], names);
        assert.deepStrictEqual([only(report, "lc-db-mysql").survival, only(report, "lc-db-mysql").migration], ["retained", null]);
        assert.deepStrictEqual(report.undocumented.map((c) => c.name), ["lc-db-mysql"]);
    });

    it("Redis standard -> cluster edition is the documented migration; a shard count change of a cluster is not", () => {
        const KV = "alicloud:kvstore/instance:Instance";
        const standard = res("a", KV, "redis", { instanceClass: "tair.rdb.2g" });
        const cluster = (shards: number) => res("b", KV, "redis", { instanceClass: "tair.rdb.with.proxy.4g", shardCount: shards });
        assert.strictEqual(only(diffPlans([standard], [cluster(2)], names), "redis").migration?.id, "alicloud-redis-standard-to-cluster");
        const reshard = only(diffPlans([cluster(2)], [cluster(4)], names), "redis");
        assert.deepStrictEqual([reshard.op, reshard.migration, reshard.survival], ["replace", null, "lost"]);
    });

    it("a nested property the head ignores (an HPA's spec.maxReplicas) is compared at its old value: the head declaring other bounds under ignoreChanges is no update, another spec field is", () => {
        const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
        const spec = (min: number, max: number, target: string) => ({ spec: { minReplicas: min, maxReplicas: max, scaleTargetRef: { kind: "Deployment", name: target } } });
        const base = res("a", HPA, "hpa", spec(6, 40, "order"));
        const ignoring = { ignoreChanges: ["spec.minReplicas", "spec.maxReplicas"] };
        assert.strictEqual(only(diffPlans([base], [res("b", HPA, "hpa", spec(3, 12, "order"), "db", ignoring)], names), "hpa").op, "same");
        const retargeted = only(diffPlans([base], [res("b", HPA, "hpa", spec(3, 12, "user"), "db", ignoring)], names), "hpa");
        assert.deepStrictEqual([retargeted.op, retargeted.properties.map((p) => p.name)], ["update", ["spec"]]);
        // Without ignoreChanges the new bounds are an update of spec.
        assert.strictEqual(only(diffPlans([base], [res("b", HPA, "hpa", spec(3, 12, "order"))], names), "hpa").op, "update");
    });
});

describe("replace-on-change rules and migrations", () => {
    it("every rule names the provider file it was read from", () => {
        for (const [type, rules] of Object.entries(REPLACE_ON_CHANGE)) {
            for (const r of rules.replaceOn) assert.match(r.source, /^terraform-provider-(alicloud|aws) \S+\.(go|markdown)/, `${type}.${r.property}`);
        }
    });

    it("every migration points at a heading of its guide", () => {
        const slug = (heading: string) => heading.trim().toLowerCase().replace(/[^a-z0-9 -]/g, "").replace(/ /g, "-");
        for (const m of MIGRATIONS) {
            const [file, anchor] = m.doc.split("#");
            const headings = fs
                .readFileSync(path.join(ROOT, file), "utf8")
                .split("\n")
                .filter((l) => l.startsWith("#"))
                .map((l) => slug(l.replace(/^#+/, "")));
            assert.ok(headings.includes(anchor), `${m.doc}: no such heading`);
        }
    });
});

describe("plan --base and check --base", () => {
    it("plan --base compares one stack", () => {
        assert.strictEqual(parseArgs(["--stack", "growth-aws", "--base", "b.json"]).base, "b.json");
        assert.throws(() => parseArgs(["--all", "--base", "b.json"]), (e: unknown) => e instanceof UsageError && /--base compares one stack/.test(e.message));
        assert.throws(() => parseArgs(["--stack", "growth-aws", "--base"]), (e: unknown) => e instanceof UsageError && /--base needs a plan JSON file/.test(e.message));
    });

    it("check --base prints the upgrade JSON and exits 1 on an undocumented stateful replace", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-upgrade-"));
        const write = (name: string, stack: string, rf: number): string => {
            const plan: Plan = { stack, stage: "growth", cloud: "aws", preview: false, resources: [res(stack, TOPIC, "orders", { name: "orders", replicationFactor: rf })], outputs: {}, notDeployableUntilSet: [] };
            const file = path.join(dir, name);
            fs.writeFileSync(file, JSON.stringify(plan));
            return file;
        };
        const base = write("base.json", "growth-aws", 2);
        const [code, out] = await check(parseCheckArgs(["--from", write("head.json", "mature-aws", 3), "--base", base, "--output", "json"]));
        assert.strictEqual(code, 1);
        const doc: unknown = JSON.parse(out);
        const changes = typeof doc === "object" && doc !== null && "upgrade" in doc && typeof doc.upgrade === "object" && doc.upgrade !== null && "changes" in doc.upgrade ? doc.upgrade.changes : undefined;
        assert.ok(Array.isArray(changes));
        assert.deepStrictEqual(Object.keys(changes[0]).filter((k) => ["urn", "op", "stateful", "properties", "migration"].includes(k)).sort(), ["migration", "op", "properties", "stateful", "urn"]);
        assert.strictEqual(changes[0].op, "replace");
        const [same] = await check(parseCheckArgs(["--from", write("same.json", "mature-aws", 2), "--base", base]));
        assert.strictEqual(same, 0);
    });
});

describe("the shipped stage upgrades", () => {
    let reports: UpgradeReport[] = [];
    let upgradedAli: UpgradeReport | undefined;
    let upgradedAws: UpgradeReport | undefined;
    before(async function () {
        this.timeout(600_000);
        const ali = await alicloudPlans();
        const all = new Map<string, Plan>(Object.entries(ali));
        for (const stack of ["startup-aws", "growth-aws", "mature-aws", "growth-mysql-aws"]) all.set(stack, await awsPlan(stack));
        reports = pairReports(all);
        // The startup stack files with only the stage changed (the engine stays pinned to mysql).
        upgradedAli = diffPlans(ali["startup-alicloud"].resources, ali[MYSQL_STACK].resources, { base: "startup-alicloud", head: MYSQL_STACK });
        const startupAws = all.get("startup-aws");
        const mysqlAws = all.get("growth-mysql-aws");
        if (startupAws !== undefined && mysqlAws !== undefined) upgradedAws = diffPlans(startupAws.resources, mysqlAws.resources, { base: "startup-aws", head: "growth-mysql-aws" });
    });
    const report = (base: string, head: string): UpgradeReport => {
        const r = reports.find((x) => x.base === base && x.head === head);
        assert.ok(r !== undefined, `${base} -> ${head}`);
        return r;
    };

    it("no pair replaces or deletes a stateful resource without a documented migration", () => {
        assert.strictEqual(reports.length, UPGRADE_PAIRS.length);
        for (const r of reports) assert.deepStrictEqual(r.undocumented.map((c) => c.urn), [], `${r.base} -> ${r.head}`);
    });

    it("growth -> mature keeps Kafka/MSK, its topics and the node pools in place on both clouds", () => {
        for (const [base, head] of [
            ["growth-alicloud", "mature-alicloud"],
            ["growth-aws", "mature-aws"],
        ]) {
            const kept = report(base, head).changes.filter((c) => c.kind === "queue" || c.kind === "topic" || c.kind === "node-pool" || c.kind === "database" || c.kind === "cache");
            const existing = kept.filter((c) => c.op !== "create");
            assert.ok(existing.length >= 5, `${base} -> ${head}: stateful resources compared`);
            for (const c of existing) assert.ok(c.op === "same" || c.op === "update", `${head}: ${c.op} ${c.type} ${c.name}`);
        }
    });

    it("startup -> growth moves the database only through its documented migration", () => {
        const ali = report("startup-alicloud", "growth-alicloud").changes.filter((c) => c.op === "delete" && c.stateful);
        assert.deepStrictEqual(ali.map((c) => [c.type, c.migration?.id]).sort(), [
            ["alicloud:rds/database:Database", "alicloud-rds-mysql-to-polardb"],
            ["alicloud:rds/instance:Instance", "alicloud-rds-mysql-to-polardb"],
        ]);
        const aws = report("startup-aws", "growth-aws").changes.filter((c) => c.op === "delete" && c.stateful);
        assert.deepStrictEqual(aws.map((c) => [c.type, c.migration?.id, c.survival]), [["aws:rds/instance:Instance", "aws-rds-mysql-to-aurora", "migrated"]]);
    });

    it("an upgraded startup stack keeps its RDS MySQL instance: the edition changes in place, the second zone only through its documented migration", () => {
        assert.ok(upgradedAli !== undefined && upgradedAws !== undefined);
        const rds = only(upgradedAli, "lc-cn-hangzhou-db-mysql");
        assert.deepStrictEqual(
            [rds.op, rds.migration?.id, rds.properties.filter((p) => p.replaces).map((p) => p.name).sort()],
            ["replace", "alicloud-rds-basic-to-high-availability", ["vswitchId", "zoneIdSlaveA"]],
        );
        assert.ok(rds.properties.some((p) => p.name === "category" && !p.replaces), "category changes in place");
        for (const r of [upgradedAli, upgradedAws]) {
            assert.deepStrictEqual(r.undocumented.map((c) => c.urn), [], `${r.base} -> ${r.head}`);
            assert.deepStrictEqual(r.changes.filter((c) => c.kind === "database" && c.op === "delete"), [], `${r.head} deletes no database`);
        }
        assert.strictEqual(only(upgradedAws, "lc-us-east-1-db-primary").op, "update");
    });

    it("docs/UPGRADING.md holds the tables the preview prints", () => {
        const doc = fs.readFileSync(DOC, "utf8");
        const block = doc.slice(doc.indexOf(BEGIN), doc.indexOf(END) + END.length);
        assert.strictEqual(block, upgradeTables(reports), "run npm run upgrade-docs");
    });
});
