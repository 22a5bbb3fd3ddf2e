// The pods' one-off floor jobs (compute kubernetes) are CronJobs whose schedule has no year and whose
// names are at most 52 characters: an event a year or more ahead is deferred on every tier (never
// fired a year early), and long event names give every job a name of its own.

import * as assert from "assert";

import { checkPlan } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { at, list, stackDir, stackFile } from "./helpers";

const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];
const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const EKS = { stage: "growth", cloud: "aws", compute: "kubernetes", domain: "live.example.com", regions: VIRGINIA };
const NOW = new Date("2026-12-10T00:00:00Z");
/** 367 days ahead: its cron "30 11 12 12 *" would first run on 2026-12-12, two days after the up. */
const FAR = { name: "far", start: "2027-12-12T12:00:00Z", end: "2027-12-12T15:00:00Z", peakOnline: 100000 };
/** 300 days ahead: within a year, declared now. */
const NEAR = { name: "near", start: "2027-10-06T12:00:00Z", end: "2027-10-06T15:00:00Z", peakOnline: 100000 };
/** A 32-character name (the longest allowed), pre-scaled 09:30Z and lifted through two evening peaks' releases. */
const LONG = { name: "black-friday-mega-sale-livestrea", start: "2026-12-12T10:00:00Z", end: "2026-12-13T18:00:00Z", peakOnline: 200000 };
const EVENING = { name: "evening", start: "19:00", end: "21:00", peakOnline: 60000, timeZone: "Asia/Shanghai" };

const DIR = stackDir({
    "jobs-eks-far": stackFile({ ...EKS, events: [FAR, NEAR] }),
    "jobs-vm-far": stackFile({ ...EKS, compute: "vm", events: [FAR] }),
    "jobs-eks-long": stackFile({ ...EKS, events: [LONG], peaks: [EVENING] }),
    "jobs-ack-long": stackFile({ stage: "growth", cloud: "alicloud", domain: "live.example.com", regions: HANGZHOU, kubernetes: { kubectlImage: "registry.cn-hangzhou.aliyuncs.com/acme/kubectl:v1.33.0" }, events: [LONG], peaks: [EVENING] }),
});

const CRONJOB = "kubernetes:batch/v1:CronJob";
const cronJobs = (resources: readonly { type: string; inputs: Record<string, unknown> }[]) =>
    resources.filter((r) => r.type === CRONJOB).map((r) => [String(at(r.inputs, "metadata", "name")), String(at(r.inputs, "spec", "schedule"))]);

describe("the pods' one-off floor jobs (CronJobs: no year in the schedule, names of at most 52 characters)", function () {
    this.timeout(300_000);

    it("EKS: an event 367 days ahead declares no job (it would run on 2026-12-12) and is reported deferred, naming the reason; one 300 days ahead is declared on its own date", async () => {
        const plan = await planStack("jobs-eks-far", DIR, { now: NOW });
        const jobs = cronJobs(plan.resources);
        assert.deepStrictEqual(jobs.filter(([name]) => name.includes("far")), []);
        assert.deepStrictEqual(jobs.filter(([name]) => name === "floor-near-prescale"), [["floor-near-prescale", "30 11 6 10 *"]]);
        // Deferred on every tier: the Aurora readers' scalable target has no action for it either.
        assert.deepStrictEqual(plan.resources.filter((r) => r.type === "aws:appautoscaling/scheduledAction:ScheduledAction" && r.name.includes("-far-")).map((r) => r.name), []);
        const entry = (await checkPlan(plan)).scaling.schedule.find((e) => at(e, "source") === "far");
        // An up on 2026-12-13: the cron "30 11 12 12 *" then first runs on 2027-12-12.
        assert.deepStrictEqual(entry, {
            source: "far",
            status: "deferred",
            detail: "scheduled when within 364 days (a CronJob schedule has no year, so the pods' one-off floor jobs are declared within 364 days of their instant): a pulumi up on or after 2026-12-13T11:30:00Z declares it",
        });
    });

    it("EC2 Auto Scaling (compute vm): no year-less job, so the same event is declared now (AWS scheduled actions take any future instant)", async () => {
        const plan = await planStack("jobs-vm-far", DIR, { now: NOW });
        assert.deepStrictEqual(
            plan.resources.filter((r) => r.type === "aws:autoscaling/schedule:Schedule" && r.name.includes("-far-")).map((r) => [r.name, at(r.inputs, "startTime")]),
            [
                ["lc-us-east-1-app-schedule-far-lower", "2027-12-12T15:50:00Z"],
                ["lc-us-east-1-app-schedule-far-prescale", "2027-12-12T11:30:00Z"],
                ["lc-us-east-1-app-schedule-far-release", "2027-12-12T15:30:00Z"],
            ],
        );
    });

    for (const stack of ["jobs-eks-long", "jobs-ack-long"]) {
        it(`${stack}: a 32-character event name with two restores on one day gives every CronJob its own name of at most 52 characters, and the role names each once`, async () => {
            const plan = await planStack(stack, DIR, { now: NOW });
            const names = cronJobs(plan.resources).map(([name]) => name);
            const restores = names.filter((n) => n.startsWith("floor-black-friday-mega-sale-livestrea-res"));
            assert.ok(restores.length >= 2, `restores: ${restores.join(", ")}`);
            assert.deepStrictEqual(new Set(names).size, names.length, names.join(", "));
            assert.deepStrictEqual(names.filter((n) => n.length > 52), []);
            const role = plan.resources.find((r) => r.type === "kubernetes:rbac.authorization.k8s.io/v1:Role" && r.name.endsWith("-floors-role"));
            const allowed = list(at(list(at(role?.inputs, "rules")).find((r) => list(at(r, "resources")).includes("cronjobs")), "resourceNames"));
            assert.ok(allowed.length >= restores.length, `the role names ${allowed.length} CronJobs`);
            assert.deepStrictEqual(new Set(allowed).size, allowed.length);
        });
    }
});
