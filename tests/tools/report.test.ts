// What reviewers see: Markdown that quotes names safely and says "upper bound" where the figure is
// one, SARIF results at the responsible stack file line with fingerprints stable across estimates.

import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

import { estimate } from "../../policies/availability/estimate";
import type { Violation } from "../../tools/lib/evaluate";
import { StackReport, fingerprint, markdownCell, occurrences, renderMarkdown, renderSarif, renderTable } from "../../tools/lib/report";
import { renderUpgradeMarkdown } from "../../tools/lib/upgrade-report";
import { flowViolations } from "../../tools/lib/inputs";
import type { FlowResult } from "../../policies/flows/walk";
import { Node } from "../../policies/availability/tiers";
import { ROOT, STACKS_DIR, keyLine, locateFinding } from "../../tools/lib/stackfiles";

const empty = estimate([]);
const violation = (message: string, urn = "urn:pulumi:s::live-commerce::aws:rds/instance:Instance::orders-db"): Violation => ({ policy: "ha-database-require-backups", enforcement: "mandatory", urn, message });

describe("Markdown report", () => {
    it("escapes what it quotes: pipes, line breaks, HTML, backticks", () => {
        assert.strictEqual(markdownCell("a|b\nc</details>`x`"), "a\\|b c&lt;/details&gt;\\`x\\`");
        const report: StackReport = { stack: "evil|</details>\nname", stage: "growth", policy: { violations: [violation("keeps backups 1 day(s)")] }, conformance: { violations: [] }, flows: [], availability: empty };
        const md = renderMarkdown([report]);
        assert.doesNotMatch(md, /evil\|<\/details>/);
        assert.strictEqual(md.split("\n").filter((l) => l.includes("</details>")).length, 1);
        assert.match(md, /\| orders-db \| keeps backups 1 day\(s\) \|/);
    });
    it("pings no one and links nowhere: @mentions, e-mail addresses, URLs and issue references in quoted names", () => {
        const cell = markdownCell("@everyone @org/team a@e.vil http://e.vil https://e.vil/x www.e.vil #12");
        // GitHub mentions `@name`, autolinks `scheme://`, `www.` and `a@b.c`, references `#12`: none survives as written
        assert.doesNotMatch(cell, /@[\w-]|:\/\/|\bwww\.|#\d/i);
        // and the text reads the same once the zero-width joiners are removed
        assert.strictEqual(cell.replace(/\u200d/g, ""), "@everyone @org/team a@e.vil http://e.vil https://e.vil/x www.e.vil #12");
        const report: StackReport = { stack: "@everyone", stage: "growth", policy: { violations: [violation("see http://e.vil", "urn:pulumi:s::live-commerce::aws:rds/instance:Instance::@org/team")] }, conformance: { violations: [] }, flows: [], availability: empty };
        assert.doesNotMatch(renderMarkdown([report]), /@[\w-]|:\/\//);
        const upgrade = renderUpgradeMarkdown({ base: "@base", head: "http://head", changes: [{ urn: "urn:pulumi:s::p::aws:rds/instance:Instance::@team", type: "aws:rds/instance:Instance", name: "@team\n</details>", op: "replace", stateful: true, kind: "database", survival: "lost", properties: [{ name: "www.x", replaces: true, source: null, guide: null }], migration: null, secondUp: [], maintenanceWindow: [], notes: [] }], undocumented: [], handovers: [], rulesOnRunningApps: [] });
        assert.doesNotMatch(upgrade, /@[\w-]|:\/\/|\bwww\.|<\/details>/);
        assert.match(upgrade, /`aws:rds\/instance:Instance`/);
    });
    it("says upper bound where the estimate is one", () => {
        const upper: StackReport = { stack: "s", stage: "growth", policy: { violations: [] }, conformance: { violations: [] }, flows: [], availability: { ...empty, status: "upper-bound", percent: 99.94, monthlyDowntimeMinutes: 25.92 } };
        assert.match(renderMarkdown([upper]), /at most 99\.94% \(upper bound: some components have no published figure\) \(at least 25\.92 min\/month downtime\)/);
        const known: StackReport = { ...upper, availability: { ...upper.availability, status: "estimated" } };
        assert.doesNotMatch(renderMarkdown([known]), /upper bound|at most/);
    });
});

describe("availability per flow in the reports", () => {
    const n = (type: string, props: Record<string, unknown>, name: string, region: string | undefined = "r1"): Node => ({ urn: `urn:${name}`, type, props, region });
    const nodes: Node[] = [
        // subnet ids count as the zones of the stack's subnets they name (policies/lib/zones.ts)
        n("aws:ec2/subnet:Subnet", { id: "a", availabilityZone: "r1a" }, "subnet-a"),
        n("aws:ec2/subnet:Subnet", { id: "b", availabilityZone: "r1b" }, "subnet-b"),
        n("aws:lb/loadBalancer:LoadBalancer", { subnets: ["a", "b"] }, "lb"),
        n("aws:autoscaling/group:Group", { vpcZoneIdentifiers: ["a", "b"], minSize: 2 }, "app"),
        n("aws:rds/cluster:Cluster", { engine: "aurora-mysql" }, "db"),
        n("aws:rds/clusterInstance:ClusterInstance", {}, "i1"),
        n("aws:rds/clusterInstance:ClusterInstance", {}, "i2"),
        { ...n("aws:cloudfront/distribution:Distribution", { origins: [{ originId: "r1" }] }, "cdn", undefined), deps: { origins: ["urn:lb"] } },
    ];
    const report: StackReport = { stack: "s", stage: "growth", policy: { violations: [] }, conformance: { violations: [] }, flows: [], availability: estimate(nodes) };
    it("Markdown: one row per flow with its target verdict, estimate and how it is made", () => {
        const md = renderMarkdown([report]);
        assert.match(md, /<details open><summary>Availability per flow of s: 3 target flow\(s\) below 99\.99%<\/summary>/);
        assert.match(md, /\| viewer web and API \| 99\.99% ❌ \| 99\.88002% \| cdn 99\.9000 x \(r1 99\.9800\) \|/);
        assert.match(md, /\| reading hot products \(cache\) \| - \|/);
        assert.match(md, /lowest target flow: placing an order 99\.87003% \(below target\)/);
    });
    it("text: one line per flow", () => {
        const text = renderTable([report]);
        assert.match(text, /\n {2}flow placing an order: 99\.87003% \[BELOW 99\.99%\] = cdn 99\.9000 x \(r1 99\.9700\)\n/);
        // a region without the tier a flow crosses (no cache) has no estimate for it, never 100%
        assert.match(text, /\n {2}flow reading hot products \(cache\): unknown \(incomplete\) \[no target\] = cdn 99\.9000 x \(r1 \?\)\n/);
    });
});

describe("SARIF report", () => {
    it("fingerprints depend on the rule and the resource, never on the message", () => {
        assert.strictEqual(fingerprint("s", violation("estimated 99.94% availability (25.9 min/month)")), fingerprint("s", violation("estimated 98.7% availability (561.6 min/month)")));
        // the wording may change ("estimated" / "at most") and the alert stays the same
        assert.strictEqual(fingerprint("s", violation("estimated 99.94% is below the target")), fingerprint("s", violation("at most 99.94% (upper bound) is below the target")));
        assert.notStrictEqual(fingerprint("s", violation("x")), fingerprint("s", violation("x", "urn:pulumi:s::live-commerce::aws:rds/instance:Instance::other")));
        assert.notStrictEqual(fingerprint("s", violation("x")), fingerprint("s", { ...violation("x"), policy: "ha-database-require-multi-az" }));
        assert.notStrictEqual(fingerprint("s", violation("x")), fingerprint("t", violation("x")));
        // two findings of one rule on one resource are told apart by their order, not their text
        assert.deepStrictEqual(occurrences([violation("a"), violation("b"), violation("c", "urn:other")]), [0, 1, 0]);
        assert.notStrictEqual(fingerprint("s", violation("a"), 0), fingerprint("s", violation("a"), 1));
    });
    it("a flow finding's fingerprint is its flow, region and hop", () => {
        const flow = (name: string, hop: string, reason: string): FlowResult => ({ key: name, name, region: "us-east-1", status: "broken", hops: [], broken: { hop, urn: "urn:lb", reason } });
        const [a] = flowViolations([flow("placing an order", "listener", "no HTTPS listener")]);
        const [b] = flowViolations([flow("placing an order", "listener", "the listener forwards to nothing")]);
        const [c] = flowViolations([flow("viewer web and API", "listener", "no HTTPS listener")]);
        assert.strictEqual(fingerprint("s", a), fingerprint("s", b));
        assert.notStrictEqual(fingerprint("s", a), fingerprint("s", c));
    });
    it("points at the stack file line of the responsible key, and names the resource", () => {
        const text = fs.readFileSync(path.join(STACKS_DIR, "Pulumi.growth-aws.yaml"), "utf8");
        const stageLine = keyLine(text, "stage");
        assert.ok(stageLine !== undefined && stageLine > 1);
        assert.deepStrictEqual(locateFinding("growth-aws", "ha-database-require-backups"), { uri: "stacks/Pulumi.growth-aws.yaml", line: keyLine(text, "database") ?? stageLine });
        assert.deepStrictEqual(locateFinding("growth-aws", "ha-load-balancer-require-multi-zone"), { uri: "stacks/Pulumi.growth-aws.yaml", line: keyLine(text, "regions") });
        // a residency finding points at the residency key where the stack sets one, else at the stage
        const mature = fs.readFileSync(path.join(STACKS_DIR, "Pulumi.mature-alicloud.yaml"), "utf8");
        const residencyLine = keyLine(mature, "residency");
        assert.ok(residencyLine !== undefined);
        assert.deepStrictEqual(locateFinding("mature-alicloud", "sec-data-store-require-residency"), { uri: "stacks/Pulumi.mature-alicloud.yaml", line: residencyLine });
        assert.deepStrictEqual(locateFinding("growth-aws", "sec-data-store-require-residency"), { uri: "stacks/Pulumi.growth-aws.yaml", line: stageLine });
        const report: StackReport = { stack: "growth-aws", stage: "growth", policy: { violations: [violation("keeps backups 1 day(s)")] }, conformance: { violations: [] }, flows: [], availability: empty };
        const sarif: unknown = JSON.parse(renderSarif([report], new Map(), (stack, rule) => locateFinding(stack, rule, STACKS_DIR, ROOT)));
        const text2 = JSON.stringify(sarif);
        assert.match(text2, /"informationUri":"https:\/\/www\.pulumi\.com\/docs\/iac\/using-pulumi\/crossguard\/"/);
        assert.match(text2, new RegExp(`"startLine":${keyLine(text, "database") ?? stageLine}`));
        assert.match(text2, /"logicalLocations":\[\{"fullyQualifiedName":"urn:pulumi:s::live-commerce::aws:rds\/instance:Instance::orders-db","name":"orders-db","kind":"resource"\}\]/);
    });
});
