// An ACK stack without kubernetes.kubectlImage declares no floor jobs and asserts no floor on the
// HPAs: the report of an event inside its raised window says so, and no --base makes it late; after
// the release no pod ceiling is reported raised, draining or lowered (no job raised one).

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { eventDrains } from "../components/model";
import { PROFILES, resolveSpec } from "../components/profiles";
import { checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { EVENT_PRESCALE_FINDING } from "../tools/lib/scaling";
import { at, list, rawConfig, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
/** Pre-scale 09:30Z, release 16:30Z. */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 };
const ACK = { stage: "growth", cloud: "alicloud", domain: "live.example.com", regions: HANGZHOU };
/** The sale with 40 broadcasts: it raises the self-run transcoders' ceiling too (ESS tasks, no kubectl needed). */
const STREAMED = { ...SALE, streams: 40 };
const MIRROR = "registry.cn-hangzhou.aliyuncs.com/acme/kubectl:v1.33.0";

const DIR = stackDir({
    "nokubectl-ack": stackFile({ ...ACK, events: [SALE] }),
    "nokubectl-ack-none": stackFile(ACK),
    "nokubectl-ack-streams": stackFile({ ...ACK, events: [STREAMED] }),
    "kubectl-ack-streams": stackFile({ ...ACK, events: [STREAMED], kubernetes: { kubectlImage: MIRROR } }),
});

describe("ACK without kubernetes.kubectlImage: an event inside its raised window is reported as raising nothing", function () {
    this.timeout(300_000);
    const NOT_DECLARED =
        "not declared until kubernetes.kubectlImage is set (the pods' floor jobs run kubectl; no floor job is declared without it), and no floor is asserted on the pods' HPAs either (they carry raised bounds only with the floor jobs): its pre-scale at 2026-12-12T09:30:00Z raises nothing; release at 2026-12-12T16:30:00Z";

    it("the up at 12:05Z: no CronJob, the HPAs keep the everyday bounds, and the report says no floor is asserted (not 'floor asserted')", async () => {
        const plan = await planStack("nokubectl-ack", DIR, { now: new Date("2026-12-12T12:05:00Z") });
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "kubernetes:batch/v1:CronJob").length, 0);
        assert.deepStrictEqual(
            plan.resources.filter((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler").map((r) => [r.name, at(r.inputs, "spec", "minReplicas"), at(r.inputs, "spec", "maxReplicas")])
                .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
            [
                ["lc-cn-hangzhou-services-interaction-hpa", 3, 40],
                ["lc-cn-hangzhou-services-order-hpa", 3, 20],
                ["lc-cn-hangzhou-services-product-hpa", 2, 10],
                ["lc-cn-hangzhou-services-user-hpa", 2, 10],
            ],
        );
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [{ source: "sale", status: "inProgress", detail: NOT_DECLARED }]);
    });

    it("against the plan of the stack before the event was added: still not late (nothing is declared on the pods), no finding", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-nokubectl-")), "base.json");
        fs.writeFileSync(file, JSON.stringify(await planStack("nokubectl-ack-none", DIR, { now: new Date("2026-12-12T09:00:00Z") })));
        const head = await checkPlan(await planStack("nokubectl-ack", DIR, { now: new Date("2026-12-12T12:05:00Z") }));
        const base = await readBase(file);
        const p = withBase(head, base, upgradeAgainst(head, base, file), Date.parse("2026-12-12T12:05:00Z"));
        assert.deepStrictEqual(p.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING), []);
        assert.deepStrictEqual([at(p.scaling.schedule[0], "status"), at(p.scaling.schedule[0], "detail")], ["inProgress", NOT_DECLARED]);
    });
});

describe("ACK without kubernetes.kubectlImage: after the release only the tiers that were raised are reported draining and lowered", function () {
    this.timeout(300_000);
    /** Logical names of the resources that lower or release an event's raised bounds, with their type. */
    const lowerings = (plan: { resources: readonly { type: string; name: string }[] }) => plan.resources.filter((r) => /-(lower|release)$/.test(r.name)).map((r) => [r.type, r.name]);

    it("eventDrains: the pods' tiers drain only with floor jobs (the jobs raise their maxReplicas); the transcoders' either way", () => {
        const spec = resolveSpec(rawConfig("growth", "alicloud", { domain: "live.example.com", events: [STREAMED] }), { now: new Date("2026-12-01T00:00:00Z") });
        const tiers = (floorJobs: boolean) => eventDrains(spec, PROFILES.alicloud, true, floorJobs)(STREAMED).map((d) => d.tier);
        assert.deepStrictEqual(tiers(false), ["the transcoders"]);
        assert.deepStrictEqual(tiers(true), ["the pods of user", "the pods of product", "the pods of order", "the transcoders"]);
    });

    it("the up at 16:45Z, within the release's retention: no floor job keeps the release, and the one lowering named is the transcoders' ESS task the plan declares", async () => {
        const plan = await planStack("nokubectl-ack-streams", DIR, { now: new Date("2026-12-12T16:45:00Z") });
        assert.deepStrictEqual(lowerings(plan), [["alicloud:ess/scheduledTask:ScheduledTask", "lc-cn-hangzhou-video-transcoders-schedule-sale-lower"]]);
        assert.deepStrictEqual(at(plan.outputs, "scaling", "schedule"), [
            {
                source: "sale",
                status: "past",
                detail: "released at 2026-12-12T16:30:00Z; this pulumi up sets the released bounds on the scaled resources itself; its scheduled tasks run once at their instant and are not kept (a new one with a past instant is refused); scheduled actions lower the raised ceilings when the drains end: the transcoders 20 -> 12 at 2026-12-12T16:56:00Z; keep the event in the stack file",
            },
        ]);
    });

    it("the up at 17:00Z, after the drains: the ceilings lowered are the transcoders' only, and the plan's drain is the HPA's own from within its everyday maxReplicas, as with a kubectl image", async () => {
        const plan = await planStack("nokubectl-ack-streams", DIR, { now: new Date("2026-12-12T17:00:00Z") });
        const sale = at(plan.outputs, "scaling", "schedule", 0);
        assert.deepStrictEqual([at(sale, "ceilingsLowered"), at(sale, "loweredByActions")], ["the transcoders 20 -> 12", "the transcoders 20 -> 12 at 2026-12-12T16:56:00Z"]);
        assert.ok(!String(at(sale, "detail")).includes("the pods of"), String(at(sale, "detail")));
        const drain = list(at(plan.outputs, "scaling", "drain"));
        const hpa = plan.resources.find((r) => r.name === "lc-cn-hangzhou-services-interaction-hpa");
        assert.deepStrictEqual(
            drain.map((d) => [at(d, "tier"), at(d, "toInstances"), Number(at(d, "fromInstances")) <= Number(at(hpa?.inputs, "spec", "maxReplicas"))]),
            [["pods", at(hpa?.inputs, "spec", "minReplicas"), true]],
        );
        const withImage = await planStack("kubectl-ack-streams", DIR, { now: new Date("2026-12-12T17:00:00Z") });
        assert.deepStrictEqual(drain, list(at(withImage.outputs, "scaling", "drain")));
    });
});
