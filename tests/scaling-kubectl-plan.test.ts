// An ACK stack without kubernetes.kubectlImage declares no floor jobs and asserts no floor on the
// HPAs: the report of an event inside its raised window says so, and no --base makes it late.

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { EVENT_PRESCALE_FINDING } from "../tools/lib/scaling";
import { at, stackDir, stackFile } from "./helpers";

const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
/** Pre-scale 09:30Z, release 16:30Z. */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 80000 };
const ACK = { stage: "growth", cloud: "alicloud", domain: "live.example.com", regions: HANGZHOU };

const DIR = stackDir({
    "nokubectl-ack": stackFile({ ...ACK, events: [SALE] }),
    "nokubectl-ack-none": stackFile(ACK),
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
        const p = withBase(head, base, upgradeAgainst(head, base, file));
        assert.deepStrictEqual(p.policy.violations.filter((v) => v.policy === EVENT_PRESCALE_FINDING), []);
        assert.deepStrictEqual([at(p.scaling.schedule[0], "status"), at(p.scaling.schedule[0], "detail")], ["inProgress", NOT_DECLARED]);
    });
});
