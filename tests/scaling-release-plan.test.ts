// Plans at fixed instants around an event's release: the release is never moved by an up shortly
// before it, stays declared through the clouds' retry windows after it, and the up after it asserts
// the released bounds (never leaves raised ones in Pulumi's state under ignoreChanges).

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { CEILINGS_LOWERED_FINDING, EVENT_PRESCALE_FINDING } from "../tools/lib/scaling";
import { diffPlans } from "../tools/lib/upgrade";
import { at, list, stackDir, stackFile } from "./helpers";

const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];
const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
/** Pre-scale 09:30Z, release 16:30Z. */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 };

const DIR = stackDir({
    // 200,000 viewers raise the group's ceiling above its everyday 40: the group drains from it after the release.
    "release-drain-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }] }),
    // The same sale with a daily evening peak of as many viewers: the peak keeps the group's ceiling at 100.
    "release-drain-peak-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }], peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 200000, timeZone: "America/New_York" }] }),
    // The same sale and a second event (pre-scale 16:53Z) inside the 10-minute lead of an up in the sale's release retention.
    "release-next-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve2", start: "2026-12-12T17:23:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 120000 }] }),
    "release-none-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA }),
    "release-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [SALE] }),
    "release-alicloud-vm": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, events: [{ ...SALE, streams: 40 }] }),
    "release-pods-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [SALE], kubernetes: { services: { interaction: { minReplicas: 3, maxReplicas: 12 } } } }),
});

type Planned = Awaited<ReturnType<typeof planStack>>;
const plan = (stack: string, hhmm: string) => planStack(stack, DIR, { now: new Date(`2026-12-12T${hhmm}:00Z`) });
const of = (p: Planned, type: string) => p.resources.filter((r) => r.type === type);
/** [name, min, max, ignoreChanges] of the resources of `type`. */
const bounds = (p: Planned, type: string, min: string[], max: string[]) => of(p, type).map((r) => [r.name, at(r.inputs, ...min), at(r.inputs, ...max), r.ignoreChanges ?? []]);
/** The change preview's [name, op] of the resources whose name matches `pattern`, unchanged ones left out. */
const changes = (base: Planned, head: Planned, pattern: RegExp) =>
    diffPlans(base.resources, head.resources, { base: "base", head: "head" })
        .changes.filter((c) => c.op !== "same" && pattern.test(c.name))
        .map((c) => [c.name, c.op]);

const GROUP = "aws:autoscaling/group:Group";
const GROUP_ACTION = "aws:autoscaling/schedule:Schedule";
const TARGET = "aws:appautoscaling/target:Target";
const TARGET_ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
const ESS_GROUP = "alicloud:ess/scalingGroup:ScalingGroup";
const ESS_TASK = "alicloud:ess/scheduledTask:ScheduledTask";
const CRONJOB = "kubernetes:batch/v1:CronJob";
const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";

describe("an event's release around its instant (sale, release 16:30Z)", function () {
    this.timeout(300_000);

    it("AWS: ups at 16:25Z and 16:27Z keep the release at 16:30Z (not now + 10 minutes), so the second changes no action", async () => {
        const p1625 = await plan("release-aws-vm", "16:25");
        const p1627 = await plan("release-aws-vm", "16:27");
        for (const p of [p1625, p1627]) {
            assert.deepStrictEqual(of(p, GROUP_ACTION).map((r) => [at(r.inputs, "scheduledActionName"), at(r.inputs, "startTime"), at(r.inputs, "minSize"), at(r.inputs, "maxSize")]), [["sale-release", "2026-12-12T16:30:00Z", 4, 40]]);
            assert.deepStrictEqual(of(p, TARGET_ACTION).map((r) => at(r.inputs, "schedule")), ["at(2026-12-12T16:30:00)"]);
            assert.deepStrictEqual(bounds(p, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 20, 40, []]]);
        }
        assert.deepStrictEqual(changes(p1625, p1627, /schedule|group|target/), []);
    });

    it("AWS, 200,000 viewers: the up at 16:31Z (release passed, the group draining from its raised ceiling) asserts the released bounds on the group and the readers' target, no ignoreChanges keeps the raised ones in state", async () => {
        const p = await plan("release-drain-aws-vm", "16:31");
        assert.deepStrictEqual(bounds(p, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 100, []]]);
        assert.deepStrictEqual(bounds(p, TARGET, ["minCapacity"], ["maxCapacity"]), [["lc-us-east-1-read-capacity-target", 1, 15, []]]);
        // EC2 Auto Scaling and Application Auto Scaling run a one-off action once: it is not kept. Only
        // the lowering of the raised ceiling at the drain's end (16:52Z) is still ahead.
        assert.deepStrictEqual([of(p, GROUP_ACTION).map((r) => at(r.inputs, "scheduledActionName")), of(p, TARGET_ACTION).length], [["sale-lower"], 0]);
        assert.deepStrictEqual(at(p.outputs, "scaling", "schedule"), [
            {
                source: "sale",
                status: "past",
                detail: "released at 2026-12-12T16:30:00Z; this pulumi up sets the released bounds on the scaled resources itself; its scheduled actions run once at their instant and are not kept (a new one with a past instant is refused); scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 40 at 2026-12-12T16:52:00Z; keep the event in the stack file",
            },
        ]);
    });

    it("AWS, a second event's pre-scale within the lead of the up at 16:45Z (the sale's retention): the up sets eve2's floor 30 with the sale's raised ceiling 100 kept, and the report says so", async () => {
        const p = await plan("release-next-aws-vm", "16:45");
        assert.deepStrictEqual(bounds(p, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 30, 100, []]]);
        assert.deepStrictEqual(
            at(p.outputs, "scaling", "schedule", 0, "detail"),
            "released at 2026-12-12T16:30:00Z; this pulumi up sets eve2's floors on the scaled resources itself, the raised ceiling of sale kept; its scheduled actions run once at their instant and are not kept (a new one with a past instant is refused); scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 60 at 2026-12-12T16:52:00Z; keep the event in the stack file",
        );
    });

    it("ESS: the release tasks go once their LaunchTime has passed (a new task with a past LaunchTime is refused); the up at 16:31Z asserts the released bounds on the groups", async () => {
        const p1625 = await plan("release-alicloud-vm", "16:25");
        const p1631 = await plan("release-alicloud-vm", "16:31");
        const p1649 = await plan("release-alicloud-vm", "16:49");
        const p1651 = await plan("release-alicloud-vm", "16:51");
        const tasks = (p: Planned) => of(p, ESS_TASK).map((r) => [r.name, at(r.inputs, "launchTime"), at(r.inputs, "minValue"), at(r.inputs, "maxValue"), at(r.inputs, "launchExpirationTime")]);
        const released = [
            ["lc-cn-hangzhou-app-schedule-sale-release", "2026-12-12T16:30Z", 4, 40, 600],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-release", "2026-12-12T16:30Z", 2, 20, 600],
        ];
        // After its LaunchTime a release is not declared on ESS (a new task with a past LaunchTime is
        // refused); the up sets the released bounds on the groups instead (below). The task that
        // lowers the transcoders' raised ceiling (MaxValue alone) at the end of their drain stays until then.
        const lowering = ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T16:56Z", undefined, 12, 600];
        assert.deepStrictEqual(tasks(p1625), [released[0], lowering, released[1]]);
        // The transcoders' lowering (16:56Z) stays declared, unchanged, until its instant, also closer
        // than the 10-minute lead (16:49Z, 16:51Z): an earlier up declared it, so the up sends nothing for it.
        for (const p of [p1631, p1649, p1651]) assert.deepStrictEqual(tasks(p), [lowering]);
        // In the release's retention (16:49Z) the up sets the released bounds; after it (16:51Z) the
        // transcoders' bounds stay with the schedules until their lowering has run.
        assert.deepStrictEqual(bounds(p1649, ESS_GROUP, ["minSize"], ["maxSize"]), [
            ["lc-cn-hangzhou-app-group", 4, 40, ["desiredCapacity"]],
            ["lc-cn-hangzhou-video-asg", 2, 20, []],
        ]);
        assert.deepStrictEqual(bounds(p1651, ESS_GROUP, ["minSize"], ["maxSize"]), [
            ["lc-cn-hangzhou-app-group", 4, 40, ["desiredCapacity"]],
            ["lc-cn-hangzhou-video-asg", 2, 12, ["minSize", "maxSize"]],
        ]);
        assert.match(String(at(p1649.outputs, "scaling", "schedule", 0, "detail")), /; scheduled actions lower the raised ceilings when the drains end: the transcoders 20 -> 12 at 2026-12-12T16:56:00Z; keep the event in the stack file$/);
        assert.deepStrictEqual(
            at(p1651.outputs, "scaling", "schedule", 0, "detail"),
            "released at 2026-12-12T16:30:00Z; declares no floor, but this tier still drains from its raised ceiling by its scale-in rule: the transcoders from 20 (everyday 12) until about 2026-12-12T16:56:00Z; its bounds stay with the schedules until then; scheduled actions lower the raised ceilings when the drains end: the transcoders 20 -> 12 at 2026-12-12T16:56:00Z (keep the event in the stack file; delete it after 2026-12-12T16:59:00Z)",
        );
        // ESS names its one-off actions scheduled tasks (HorizonText.oneOffActions); AWS's are scheduled actions (above).
        assert.match(String(at(p1631.outputs, "scaling", "schedule", 0, "detail")), /^released at 2026-12-12T16:30:00Z; this pulumi up sets the released bounds on the scaled resources itself; its scheduled tasks run once at their instant and are not kept/);
        assert.deepStrictEqual(bounds(p1631, ESS_GROUP, ["minSize"], ["maxSize"]), [
            ["lc-cn-hangzhou-app-group", 4, 40, ["desiredCapacity"]],
            ["lc-cn-hangzhou-video-asg", 2, 20, []],
        ]);
    });

    it("Kubernetes: the release floor job and its RBAC stay declared, unchanged, after 16:30Z (16:31Z) and the release job goes at 16:51Z while the lowering job (17:00Z, within the lead) stays; the HPAs carry the released bounds with patchForce", async () => {
        const p1625 = await plan("release-pods-aws", "16:25");
        const p1631 = await plan("release-pods-aws", "16:31");
        const p1651 = await plan("release-pods-aws", "16:51");
        // The job that lowers the raised maxReplicas at the end of the pods' drain (17:00Z) stays until then.
        const lowering = ["lc-us-east-1-services-floors-sale-lower", "0 17 12 12 *", 600];
        for (const p of [p1625, p1631]) {
            assert.deepStrictEqual(of(p, CRONJOB).map((r) => [r.name, at(r.inputs, "spec", "schedule"), at(r.inputs, "spec", "startingDeadlineSeconds")]), [lowering, ["lc-us-east-1-services-floors-sale-release", "30 16 12 12 *", 600]]);
            assert.deepStrictEqual(p.resources.filter((r) => r.name.startsWith("lc-us-east-1-services-floors-")).map((r) => r.type).sort(), [CRONJOB, CRONJOB, "kubernetes:core/v1:ServiceAccount", "kubernetes:rbac.authorization.k8s.io/v1:Role", "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding"]);
        }
        assert.deepStrictEqual(changes(p1625, p1631, /floors/), []);
        // At 16:51Z the pods' lowering (17:00Z) is closer than the lead but still ahead: its job stays
        // declared, unchanged; the release job goes (the Role then names the lowering job alone) and
        // the HPAs keep their bounds with the schedules until the lowering has run.
        assert.deepStrictEqual(of(p1651, CRONJOB).map((r) => [r.name, at(r.inputs, "spec", "schedule"), at(r.inputs, "spec", "startingDeadlineSeconds")]), [lowering]);
        assert.deepStrictEqual(changes(p1631, p1651, /floors/), [
            ["lc-us-east-1-services-floors-sale-release", "delete"],
            ["lc-us-east-1-services-floors-role", "update"],
        ]);
        assert.deepStrictEqual(of(p1651, HPA).map((r) => [r.name, at(r.inputs, "spec", "maxReplicas"), r.ignoreChanges ?? []]), [
            ["lc-us-east-1-services-interaction-hpa", 12, ["spec.minReplicas", "spec.maxReplicas"]],
            ["lc-us-east-1-services-order-hpa", 20, ["spec.minReplicas", "spec.maxReplicas"]],
            ["lc-us-east-1-services-product-hpa", 10, ["spec.minReplicas", "spec.maxReplicas"]],
            ["lc-us-east-1-services-user-hpa", 10, ["spec.minReplicas", "spec.maxReplicas"]],
        ]);
        const interaction = of(p1631, HPA).find((r) => r.name.endsWith("interaction-hpa"));
        assert.deepStrictEqual(
            [at(interaction?.inputs, "spec", "minReplicas"), at(interaction?.inputs, "spec", "maxReplicas"), at(interaction?.inputs, "metadata", "annotations", "pulumi.com/patchForce"), interaction?.ignoreChanges ?? []],
            [3, 40, "true", []],
        );
        // Only the floor job is kept: the report says so, and the readers' AWS action is gone.
        assert.deepStrictEqual(at(p1631.outputs, "scaling", "schedule", 0, "detail"), "released at 2026-12-12T16:30:00Z; this pulumi up sets the released bounds on the scaled resources itself; the pods' floor jobs keep the release declared until 2026-12-12T16:50:00Z, where it may still start late; the other tiers' scheduled actions run once at their instant and are not kept (a new one with a past instant is refused); scheduled actions lower the raised ceilings when the drains end: the pods of user 20 -> 10 at 2026-12-12T17:00:00Z; the pods of product 20 -> 10 at 2026-12-12T17:00:00Z; the pods of order 30 -> 20 at 2026-12-12T17:00:00Z; the pods of interaction 40 -> 12 at 2026-12-12T17:00:00Z; keep the event in the stack file");
        assert.deepStrictEqual(of(p1631, TARGET_ACTION).map((r) => r.name), []);
    });
});

describe("bounds a later up sends are accepted by the cloud", function () {
    this.timeout(300_000);

    it("Kubernetes: after the drain hold ends (2026-12-13T09:00Z, no up during the event) the HPAs declare their everyday bounds with patchForce, so the apply takes spec.maxReplicas back from the floor jobs' kubectl patch instead of a Server-Side Apply conflict", async () => {
        const p = await planStack("release-pods-aws", DIR, { now: new Date("2026-12-13T09:00:00Z") });
        assert.deepStrictEqual(
            of(p, HPA).map((r) => [r.name, at(r.inputs, "spec", "maxReplicas"), at(r.inputs, "metadata", "annotations", "pulumi.com/patchForce"), r.ignoreChanges ?? []]),
            [
                ["lc-us-east-1-services-interaction-hpa", 12, "true", []],
                ["lc-us-east-1-services-order-hpa", 20, "true", []],
                ["lc-us-east-1-services-product-hpa", 10, "true", []],
                ["lc-us-east-1-services-user-hpa", 10, "true", []],
            ],
        );
    });

    it("AWS: the app group skips the provider's capacity waiting (waitForCapacityTimeout \"0\"), so an up that raises minSize during an event neither waits up to 10 minutes for the instances nor fails on a scaling activity", async () => {
        for (const hhmm of ["09:00", "12:05"]) {
            const p = await plan("release-aws-vm", hhmm);
            assert.deepStrictEqual(of(p, GROUP).map((r) => [at(r.inputs, "minSize"), at(r.inputs, "waitForCapacityTimeout")]), [[hhmm === "09:00" ? 4 : 20, "0"]]);
        }
    });

    it("ESS: a scaling group created inside the raised window (12:05Z) starts with desiredCapacity at its asserted minSize, within [minSize, maxSize]", async () => {
        const p = await plan("release-alicloud-vm", "12:05");
        const group = of(p, ESS_GROUP).find((r) => r.name === "lc-cn-hangzhou-app-group");
        assert.deepStrictEqual([at(group?.inputs, "minSize"), at(group?.inputs, "maxSize"), at(group?.inputs, "desiredCapacity")], [20, 40, 20]);
    });
});

describe("the ceilings-lowered advisory names only ceilings the up really lowers", function () {
    this.timeout(300_000);
    const lowered = async (stack: string) => (await checkPlan(await planStack(stack, DIR, { now: new Date("2026-12-13T09:00:00Z") }))).policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING).map((v) => v.message);

    it("AWS, 200,000 viewers, drain ended 16:52Z: without other events or peaks the group's ceiling goes 100 -> 40", async () => {
        assert.deepStrictEqual(await lowered("release-drain-aws-vm"), [
            "event sale: this pulumi up may lower raised ceilings (the app group 100 -> 40) unless an earlier up after the drain already has; the scheduled actions declared with the event lowered the app group 100 -> 40 at 2026-12-12T16:52:00Z if a pulumi up declared them before then (plan with --base to tell); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left",
        ]);
    });

    it("a daily peak of as many viewers still holds the group's ceiling at 100: no finding, and the event is reported as declaring nothing", async () => {
        const p = await checkPlan(await planStack("release-drain-peak-aws-vm", DIR, { now: new Date("2026-12-13T09:00:00Z") }));
        assert.deepStrictEqual(p.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING), []);
        assert.deepStrictEqual(at(p.outputs, "scaling", "schedule", 0), { source: "sale", status: "past", detail: "released at 2026-12-12T16:30:00Z; declares nothing (delete it from the stack file at will)" });
    });
});

describe("an up inside the raised window is late only when no earlier up declared the event", function () {
    this.timeout(300_000);
    /** The 12:05Z plan of release-aws-vm judged against `baseStack` planned at `baseAt`, as `plan --base` does (the base written to a file and read back). */
    const against = async (baseStack: string, baseAt: string) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-late-")), "base.json");
        fs.writeFileSync(file, JSON.stringify(await planStack(baseStack, DIR, { now: new Date(baseAt) })));
        const head = await checkPlan(await plan("release-aws-vm", "12:05"));
        const base = await readBase(file);
        return withBase(head, base, upgradeAgainst(head, base, file), Date.parse("2026-12-12T12:05:00Z"));
    };
    const late = (p: Awaited<ReturnType<typeof checkPlan>>) => p.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING).map((v) => v.message);
    const entry = (p: Awaited<ReturnType<typeof checkPlan>>) => p.scaling.schedule[0];

    it("alone (no --base) the up at 12:05Z reports the event inProgress, says it cannot tell, and has no finding", async () => {
        const p = await checkPlan(await plan("release-aws-vm", "12:05"));
        assert.deepStrictEqual(late(p), []);
        assert.deepStrictEqual([at(entry(p), "status"), at(entry(p), "detail")], [
            "inProgress",
            "floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 155 min after its pre-scale at 2026-12-12T09:30:00Z, 125 min after the start: the floors were in force since then if an earlier pulumi up declared the event, which this plan cannot tell (it reads no live state; plan with --base <the previous up's plan> to tell); release at 2026-12-12T16:30:00Z",
        ]);
    });

    it("against the plan of an up at 09:00Z, which declared the pre-scale: inProgress, no finding", async () => {
        const p = await against("release-aws-vm", "2026-12-12T09:00:00Z");
        assert.deepStrictEqual(late(p), []);
        assert.deepStrictEqual([at(entry(p), "status"), at(entry(p), "detail")], [
            "inProgress",
            "floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 155 min after its pre-scale at 2026-12-12T09:30:00Z, 125 min after the start: the --base plan declared it, so its floors were in force since its pre-scale; release at 2026-12-12T16:30:00Z",
        ]);
    });

    it("against the plan of an up at 11:00Z, inside the raised window (its floor asserted, no pre-scale action): inProgress, its floors in force since that up", async () => {
        const p = await against("release-aws-vm", "2026-12-12T11:00:00Z");
        assert.deepStrictEqual(late(p), []);
        assert.deepStrictEqual([at(entry(p), "status"), at(entry(p), "detail")], [
            "inProgress",
            "floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 155 min after its pre-scale at 2026-12-12T09:30:00Z, 125 min after the start: the --base plan declared it, so its floors were in force since 2026-12-12T11:00:00Z; release at 2026-12-12T16:30:00Z",
        ]);
    });

    it("against the plan of the stack before the event was added: late, and the advisory finding", async () => {
        const p = await against("release-none-aws-vm", "2026-12-12T09:00:00Z");
        assert.strictEqual(at(entry(p), "status"), "late");
        assert.deepStrictEqual(late(p), [
            "event sale: floor asserted by this pulumi up on the scaled resources (2026-12-12T12:05:00Z), 155 min after its pre-scale at 2026-12-12T09:30:00Z, 125 min after the start: no earlier pulumi up declared it (the --base plan's actions did not hold its floors), so its floors are raised only now; release at 2026-12-12T16:30:00Z",
        ]);
    });
});

describe("plan --base carries the values Pulumi keeps for ignored properties, so a chain of plans shows the up that sets them", function () {
    this.timeout(300_000);
    const saved = (p: unknown) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-carry-")), "base.json");
        fs.writeFileSync(file, JSON.stringify(p));
        return file;
    };
    const chained = async (file: string, hhmm: string) => {
        const head = await checkPlan(await plan("release-drain-aws-vm", hhmm));
        const base = await readBase(file);
        return { head, base, report: upgradeAgainst(head, base, file), carried: withBase(head, base, upgradeAgainst(head, base, file), Date.parse(`2026-12-12T${hhmm}:00Z`)) };
    };

    it("AWS, 200,000 viewers: 12:05Z asserts 50/100; 16:51Z (the drain ends at 16:52Z, closer than the lead) keeps the lowering at 16:52Z and the group's state unchanged; 17:00Z, after it, deletes the run lowering and sets 4/40 on the group", async () => {
        const p1205 = await checkPlan(await plan("release-drain-aws-vm", "12:05"));
        assert.deepStrictEqual(bounds(p1205, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 50, 100, []]]);
        const at1651 = await chained(saved(p1205), "16:51");
        assert.deepStrictEqual(bounds(at1651.head, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, ["minSize", "maxSize"]]]);
        const touched = (report: typeof at1651.report) => report.changes.filter((c) => c.type === GROUP || c.name.endsWith("-sale-lower")).map((c) => [c.name, c.op, c.properties.map((p) => p.name).sort()]);
        assert.deepStrictEqual(touched(at1651.report), [
            ["lc-us-east-1-app-group", "same", []],
            ["lc-us-east-1-app-schedule-sale-lower", "same", []],
        ]);
        const at1700 = await chained(saved(at1651.carried), "17:00");
        assert.deepStrictEqual(bounds(at1700.head, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, []]]);
        assert.deepStrictEqual(touched(at1700.report), [
            ["lc-us-east-1-app-schedule-sale-lower", "delete", []],
            ["lc-us-east-1-app-group", "update", ["maxSize", "minSize"]],
        ]);
    });
});

describe("SAE: an event that alone exceeds the rules left declares nothing and holds no rule", function () {
    this.timeout(300_000);
    /** An SAE stack with a daily peak, week-fest (seven calendar days, GMT+8: more rules than the peak leaves) and inner, one day inside it with `innerOnline` viewers. */
    const coverSae = (innerOnline: number) =>
        stackFile({
            stage: "growth",
            cloud: "alicloud",
            compute: "serverless",
            domain: "live.example.com",
            regions: HANGZHOU,
            tls: { certificateId: "14211234-cn-hangzhou" },
            peaks: [{ name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" }],
            events: [
                { name: "week-fest", start: "2026-12-10T02:00:00Z", end: "2026-12-16T14:00:00Z", peakOnline: 40000 },
                { name: "inner", start: "2026-12-12T02:00:00Z", end: "2026-12-12T06:00:00Z", peakOnline: innerOnline },
            ],
        });
    // inner with week-fest's audience lies inside its window: covered by it were week-fest declared.
    const SAE_DIR = stackDir({ "cover-sae": coverSae(80000), "cover-sae-same": coverSae(40000) });

    it("planned at 2026-11-22: inner with the same audience as week-fest is not covered by it, since week-fest declares nothing: scheduled, with its own day's rule", async () => {
        const p = await planStack("cover-sae-same", SAE_DIR, { now: new Date("2026-11-22T00:00:00Z") });
        assert.deepStrictEqual(list(at(p.outputs, "scaling", "schedule")).map((r) => [at(r, "source"), at(r, "status"), String(at(r, "detail")).split(",")[0]]), [
            ["week-fest", "unschedulable", "not pre-scaled: it touches 7 calendar days (GMT+8) from now on"],
            ["inner", "scheduled", "pre-scale at 2026-12-12T01:30:00Z"],
            ["evening", "recurring", "19:00-23:00 Asia/Shanghai every day; SAE timers long-term (no end date)"],
        ]);
        assert.deepStrictEqual(
            p.resources.filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-interaction-events-")).map((r) => at(r.inputs, "scalingRuleName")),
            ["interaction-events-1212"],
        );
    });

    it("planned at 2026-11-22: week-fest is unschedulable, inner (one day inside it, a larger audience) is scheduled and gets its day's rule", async () => {
        const p = await planStack("cover-sae", SAE_DIR, { now: new Date("2026-11-22T00:00:00Z") });
        assert.deepStrictEqual(list(at(p.outputs, "scaling", "schedule")).map((r) => [at(r, "source"), at(r, "status")]), [
            ["week-fest", "unschedulable"],
            ["inner", "scheduled"],
            ["evening", "recurring"],
        ]);
        assert.deepStrictEqual(
            p.resources.filter((r) => r.type === "alicloud:sae/applicationScalingRule:ApplicationScalingRule" && r.name.startsWith("lc-cn-hangzhou-sae-interaction-events-")).map((r) => at(r.inputs, "scalingRuleName")),
            ["interaction-events-1212"],
        );
    });
});
