// The Done-when stack of elastic scaling, planned on both clouds with the real program: one past
// event, one event 120 days ahead, two overlapping events and a daily peak. Every instant is
// relative to the wall clock the program plans against.

import * as assert from "assert";
import { execFileSync } from "child_process";
import * as path from "path";

import { CheckedPlan, checkPlan } from "../tools/plan";
import { FLOW_POLICY } from "../tools/lib/inputs";
import { planStack } from "../tools/lib/record";
import { TIME_TO_PEAK_FINDING } from "../tools/lib/scaling";
import { ROOT } from "../tools/lib/stackfiles";
import { zonedToUtc } from "../components/model";
import { at, list, ofType, stackDir, stackFile } from "./helpers";

const DAY = 86_400_000;
const HOUR = 3_600_000;
/** Midnight UTC of the day `days` from now: whole days keep the expected instants stable. */
function day(days: number, hours = 0): string {
    const t = Math.floor(Date.now() / DAY) * DAY + days * DAY + hours * HOUR;
    return new Date(t).toISOString().replace(/\.000Z$/, "Z");
}
const minute = (iso: string, deltaMinutes: number): string => new Date(Date.parse(iso) + deltaMinutes * 60_000).toISOString().replace(/\.000Z$/, "Z");

const EVENTS = [
    { name: "past-sale", start: day(-20, 12), end: day(-20, 15), peakOnline: 30000, timeZone: "Asia/Shanghai" },
    { name: "far-sale", start: day(120, 2), end: day(120, 6), peakOnline: 60000, timeZone: "Asia/Shanghai" },
    // Two events overlapping from 04:00 to 06:00 UTC on day 10: one floor timeline.
    { name: "sale-a", start: day(10, 2), end: day(10, 6), peakOnline: 40000, timeZone: "Asia/Shanghai" },
    { name: "sale-b", start: day(10, 4), end: day(10, 8), peakOnline: 80000, timeZone: "Asia/Shanghai" },
];
const PEAK = { name: "evening", recurrence: "daily", start: "20:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" };

const REGIONS = {
    aws: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }],
    alicloud: [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }],
};
const MATURE_REGIONS = [
    { name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] },
    { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"] },
];
// An event inside the daily evening peak, 5 days ahead: 20:00-22:00 local within 19:00-23:00.
const NEW_YORK_DAY = new Date(Date.parse(day(5)));
const newYork = (minuteOfDay: number): string =>
    new Date(zonedToUtc(NEW_YORK_DAY.getUTCFullYear(), NEW_YORK_DAY.getUTCMonth() + 1, NEW_YORK_DAY.getUTCDate(), minuteOfDay, "America/New_York")).toISOString().replace(/\.000Z$/, "Z");
const INSIDE = {
    aws: { event: { name: "sale", start: newYork(20 * 60), end: newYork(22 * 60), peakOnline: 80000 }, peak: { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "America/New_York" } },
    // 20:00-22:00 in Shanghai (UTC+8, no daylight saving) is 12:00-14:00 UTC.
    alicloud: { event: { name: "sale", start: day(5, 12), end: day(5, 14), peakOnline: 80000 }, peak: { name: "evening", start: "19:00", end: "23:00", peakOnline: 20000, timeZone: "Asia/Shanghai" } },
};
/** Further events of the SAE stack: three within 90 days, two beyond (one daily peak leaves 4 rules). */
const MORE_EVENTS = [20, 30, 40, 100, 120].map((d, i) => ({ name: `later-${i + 1}`, start: day(d, 12), end: day(d, 14), peakOnline: 40000 }));

/**
 * Audiences within the app group's everyday floor (mature 6 over three zones, growth 4 over two)
 * that interaction's own floor (3) cannot hold, at 4,000 connections per instance (5,000 x 0.8):
 * 16,000 and 12,001 viewers need 4, so 6 over three zones and 4 over two; 8,000 need 2 (within 3).
 */
const LIFT = {
    events: [
        { name: "launch", start: day(10, 12), end: day(10, 14), peakOnline: 16000 },
        { name: "quiet", start: day(12, 12), end: day(12, 14), peakOnline: 8000 },
    ],
    peak: { name: "evening", start: "19:00", end: "23:00", peakOnline: 12001, timeZone: "America/New_York" },
};

/** A kubectl mirror in the stack's own registry (the setting Alibaba Cloud stacks need for the floor jobs). */
const KUBECTL_MIRROR = "registry.example.com/mirror/kubectl:v1.33.0";

const DIR = stackDir({
    "inside-peak-aws": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: REGIONS.aws, events: [INSIDE.aws.event], peaks: [INSIDE.aws.peak] }),
    "inside-peak-aws-serverless": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: REGIONS.aws, events: [INSIDE.aws.event], peaks: [INSIDE.aws.peak] }),
    "inside-peak-alicloud": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: REGIONS.alicloud, events: [INSIDE.alicloud.event], peaks: [INSIDE.alicloud.peak] }),
    "inside-peak-alicloud-serverless": stackFile({
        stage: "growth",
        cloud: "alicloud",
        compute: "serverless",
        domain: "live.example.com",
        regions: REGIONS.alicloud,
        events: [INSIDE.alicloud.event, ...MORE_EVENTS],
        peaks: [INSIDE.alicloud.peak],
        tls: { certificateId: "14211234-cn-hangzhou" },
    }),
    ...Object.fromEntries(
        (["aws", "alicloud"] as const).map((cloud) => [
            `timetable-${cloud}`,
            stackFile({ stage: "growth", cloud, compute: "vm", domain: "live.example.com", regions: REGIONS[cloud], events: EVENTS, peaks: [PEAK] }),
        ]),
    ),
    // The same timetable on the Kubernetes tier (the growth default): the pods' floors follow it.
    "timetable-kubernetes-alicloud": stackFile({
        stage: "growth",
        cloud: "alicloud",
        domain: "live.example.com",
        regions: REGIONS.alicloud,
        events: EVENTS,
        peaks: [PEAK],
        kubernetes: { kubectlImage: KUBECTL_MIRROR },
    }),
    // Without kubectlImage: AWS runs registry.k8s.io/kubectl; Alibaba Cloud schedules no floors and is not deployable until set.
    "timetable-kubernetes-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: REGIONS.aws, events: EVENTS, peaks: [PEAK] }),
    "timetable-kubernetes-alicloud-unset": stackFile({ stage: "growth", cloud: "alicloud", domain: "live.example.com", regions: REGIONS.alicloud, events: EVENTS, peaks: [PEAK] }),
    // Audiences the app group's everyday floor holds but the connection-holding service's own floor
    // does not (LIFT): pre-scaled on the pods and serverless services all the same.
    "interaction-lift-eks": stackFile({ stage: "mature", cloud: "aws", compute: "kubernetes", domain: "live.example.com", regions: MATURE_REGIONS, events: LIFT.events, peaks: [LIFT.peak] }),
    "interaction-lift-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: REGIONS.aws, events: LIFT.events, peaks: [LIFT.peak] }),
    "interaction-lift-sae": stackFile({
        stage: "growth",
        cloud: "alicloud",
        compute: "serverless",
        domain: "live.example.com",
        regions: REGIONS.alicloud,
        events: LIFT.events,
        peaks: [{ ...LIFT.peak, timeZone: "Asia/Shanghai" }],
        tls: { certificateId: "14211234-cn-hangzhou" },
    }),
    // interaction's everyday ceiling (5) below twice its floor (3): the launch raises it to 12, the lowering sets 5 again.
    "interaction-cap-eks": stackFile({ stage: "mature", cloud: "aws", compute: "kubernetes", domain: "live.example.com", regions: MATURE_REGIONS, events: [LIFT.events[0]], kubernetes: { services: { interaction: { minReplicas: 3, maxReplicas: 5 } } } }),
    "interaction-cap-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: REGIONS.aws, events: [LIFT.events[0]], kubernetes: { services: { interaction: { minReplicas: 3, maxReplicas: 5 } } } }),
    // A mature stack whose pods' ceiling cannot hold a 10x jump (interaction 3 -> 24 needed, maxReplicas 12).
    "capped-mature-aws": stackFile({
        stage: "mature",
        cloud: "aws",
        domain: "live.example.com",
        regions: MATURE_REGIONS,
        kubernetes: { services: { interaction: { minReplicas: 3, maxReplicas: 12 } } },
    }),
});

const planned = new Map<string, Promise<CheckedPlan>>();
/** The checked plan of a stack of DIR, planned once per run. */
function planOf(stack: string): Promise<CheckedPlan> {
    const hit = planned.get(stack) ?? planStack(stack, DIR).then(checkPlan);
    planned.set(stack, hit);
    return hit;
}

describe("elastic scaling on the plan: past, far, overlapping events and a daily peak", function () {
    this.timeout(300_000);

    it("AWS: plans with no mandatory finding; every scheduled action sets bounds only; 120 days ahead is declared", async () => {
        const plan = await planOf("timetable-aws");
        // no mandatory finding besides the flows still open (pinned per stack in tests/tools/check.test.ts)
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const rows = ofType(plan, "aws:autoscaling/schedule:Schedule")
            .map((r) => [at(r.inputs, "scheduledActionName"), at(r.inputs, "startTime") ?? at(r.inputs, "recurrence"), at(r.inputs, "timeZone"), at(r.inputs, "minSize"), at(r.inputs, "maxSize"), at(r.inputs, "desiredCapacity")])
            .sort((a, b) => String(a[1]).localeCompare(String(b[1])));
        // Needs: 20,000 -> 6, 40,000 -> 10, 60,000 -> 16 (15 rounded to 2 zones), 80,000 -> 20. The
        // daily pre-scale 19:30 and release 23:30 Shanghai are 11:30 and 15:30 UTC, outside both sales.
        assert.deepStrictEqual(rows, [
            ["far-sale-prescale", minute(day(120, 2), -30), undefined, 16, 40, -1],
            ["far-sale-release", minute(day(120, 6), 30), undefined, 4, 40, -1],
            ["sale-a-prescale", minute(day(10, 2), -30), undefined, 10, 40, -1],
            ["sale-b-prescale", minute(day(10, 4), -30), undefined, 20, 40, -1],
            ["sale-b-release", minute(day(10, 8), 30), undefined, 4, 40, -1],
            ["evening-prescale", "30 19 * * *", "Asia/Shanghai", 6, 40, -1],
            ["evening-release", "30 23 * * *", "Asia/Shanghai", 4, 40, -1],
        ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))));
        assert.deepStrictEqual(
            list(plan.scaling.schedule).map((r) => [at(r, "source"), at(r, "status")]),
            [
                ["past-sale", "past"],
                ["far-sale", "scheduled"],
                ["sale-a", "scheduled"],
                ["sale-b", "scheduled"],
                ["evening", "recurring"],
            ],
        );
    });

    it("Alibaba Cloud: the far event is reported as scheduled when within 90 days; the peak is a UTC cron until the horizon", async () => {
        const plan = await planOf("timetable-alicloud");
        // no mandatory finding besides the flows still open (pinned per stack in tests/tools/check.test.ts)
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const app = ofType(plan, "alicloud:ess/scheduledTask:ScheduledTask").filter((r) => r.name.startsWith("lc-cn-hangzhou-app-"));
        const rows = app.map((r) => [at(r.inputs, "scheduledTaskName"), at(r.inputs, "launchTime"), at(r.inputs, "recurrenceValue"), at(r.inputs, "minValue"), at(r.inputs, "maxValue"), at(r.inputs, "desiredCapacity")]);
        const hhmm = (iso: string, delta: number) => minute(iso, delta).slice(0, 16) + "Z";
        assert.deepStrictEqual(
            rows.filter((r) => r[2] === undefined).sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
            [
                ["lc-cn-hangzhou-app-sale-a-prescale", hhmm(day(10, 2), -30), undefined, 10, 40, undefined],
                ["lc-cn-hangzhou-app-sale-b-prescale", hhmm(day(10, 4), -30), undefined, 20, 40, undefined],
                ["lc-cn-hangzhou-app-sale-b-release", hhmm(day(10, 8), 30), undefined, 4, 40, undefined],
            ],
        );
        const recurring = app.filter((r) => at(r.inputs, "recurrenceType") === "Cron").map((r) => [at(r.inputs, "scheduledTaskName"), at(r.inputs, "recurrenceValue"), at(r.inputs, "minValue"), at(r.inputs, "maxValue")]);
        assert.deepStrictEqual(recurring, [
            ["lc-cn-hangzhou-app-evening-presca-1hgm2j", "30 11 * * *", 6, 40],
            ["lc-cn-hangzhou-app-evening-releas-0phx5m", "30 15 * * *", 4, 40],
        ]);
        for (const r of app.filter((x) => at(x.inputs, "recurrenceType") === "Cron")) {
            const end = Date.parse(String(at(r.inputs, "recurrenceEndTime")).replace(/Z$/, ":00Z"));
            assert.ok(end <= Date.now() + 90 * DAY && end > Date.now() + 85 * DAY, String(at(r.inputs, "recurrenceEndTime")));
        }
        const far = list(plan.scaling.schedule).find((r) => at(r, "source") === "far-sale");
        assert.strictEqual(at(far, "status"), "deferred");
        assert.match(String(at(far, "detail")), /^scheduled when within 90 days/);
    });

    it("AWS: Aurora readers follow the timetable on Application Auto Scaling (at in UTC, cron in the peak's zone), with CPU target tracking", async () => {
        const plan = await planOf("timetable-aws");
        const target = ofType(plan, "aws:appautoscaling/target:Target");
        assert.deepStrictEqual(
            target.map((t) => [at(t.inputs, "resourceId"), at(t.inputs, "scalableDimension"), at(t.inputs, "minCapacity"), at(t.inputs, "maxCapacity")]),
            [["cluster:lc-us-east-1-db", "rds:cluster:ReadReplicaCount", 1, 15]],
        );
        const at0 = (iso: string, delta: number) => `at(${minute(iso, delta).replace(/Z$/, "")})`;
        // One reader at the everyday floor of 4 app instances; readers grow with the app floor: 10/4 -> 3, 20/4 -> 5, 16/4 -> 4, 6/4 -> 2.
        assert.deepStrictEqual(
            ofType(plan, "aws:appautoscaling/scheduledAction:ScheduledAction")
                .map((r) => [at(r.inputs, "name"), at(r.inputs, "schedule"), at(r.inputs, "timezone"), at(r.inputs, "scalableTargetAction", "minCapacity")])
                .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
            [
                ["evening-prescale", "cron(30 19 * * ? *)", "Asia/Shanghai", 2],
                ["evening-release", "cron(30 23 * * ? *)", "Asia/Shanghai", 1],
                ["far-sale-prescale", at0(day(120, 2), -30), undefined, 4],
                ["far-sale-release", at0(day(120, 6), 30), undefined, 1],
                ["sale-a-prescale", at0(day(10, 2), -30), undefined, 3],
                ["sale-b-prescale", at0(day(10, 4), -30), undefined, 5],
                ["sale-b-release", at0(day(10, 8), 30), undefined, 1],
            ],
        );
        const policy = ofType(plan, "aws:appautoscaling/policy:Policy")[0];
        assert.deepStrictEqual(at(policy.inputs, "targetTrackingScalingPolicyConfiguration", "predefinedMetricSpecification"), { predefinedMetricType: "RDSReaderAverageCPUUtilization" });
        assert.strictEqual(at(policy.inputs, "targetTrackingScalingPolicyConfiguration", "targetValue"), 70);
    });

    it("pods follow the timetable: one CronJob per action patching every HPA's minReplicas in proportion to the app floor, and one maxReplicas", async () => {
        const plan = await planOf("timetable-kubernetes-alicloud");
        const jobs = ofType(plan, "kubernetes:batch/v1:CronJob").map((r) => {
            const containers = list(at(r.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers"));
            return [
                at(r.inputs, "spec", "schedule"),
                at(r.inputs, "spec", "timeZone"),
                containers
                    .map((c) =>
                        list(at(c, "args"))
                            .join(" ")
                            .replace(/^patch hpa (\w+) --namespace live-commerce --type merge --patch \{"spec":\{"minReplicas":(\d+),"maxReplicas":(\d+)\}\}$/, "$1=$2/$3")
                            .replace(/^patch hpa (\w+) --namespace live-commerce --type merge --patch \{"spec":\{"maxReplicas":(\d+)\}\}$/, "$1=/$2")
                            .replace(/^patch cronjob ([\w-]+) --namespace live-commerce --type merge --patch \{"spec":\{"suspend":true\}\}$/, "suspends $1"),
                    )
                    .join(" "),
            ];
        });
        const utc = (iso: string, delta: number) => {
            const d = new Date(Date.parse(iso) + delta * 60_000);
            return `${d.getUTCMinutes()} ${d.getUTCHours()} ${d.getUTCDate()} ${d.getUTCMonth() + 1} *`;
        };
        // Growth floors 2/2/3/3. The CPU-bound services grow with the app floor (x10/4 -> 5/5/8, x20/4 -> 10/10/15,
        // x6/4 -> 3/3/5); interaction holds the connections: one pod per app instance (10, 20, 6). Releases back to 2/2/3/3.
        // Each job sets maxReplicas from the app floors in force at its instant: twice the largest pod floor (ceilingAbove) above the
        // growth ceilings 10/10/20/40. sale-a's pre-scale holds its own floor (5/5/8: 10/10/20), sale-b's pre-scale and release
        // sale-b's (10/10/15: 20/20/30) until its lowering; the evening's jobs, which run in no event's raised span, the peak's alone.
        assert.deepStrictEqual(
            jobs.sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
            [
                ["30 19 * * *", "Asia/Shanghai", "user=3/10 product=3/10 order=5/20 interaction=6/40"],
                ["30 23 * * *", "Asia/Shanghai", "user=2/10 product=2/10 order=3/20 interaction=3/40"],
                [utc(day(10, 2), -30), "Etc/UTC", "user=5/10 product=5/10 order=8/20 interaction=10/40 suspends floor-sale-a-prescale"],
                [utc(day(10, 4), -30), "Etc/UTC", "user=10/20 product=10/20 order=15/30 interaction=20/40 suspends floor-sale-b-prescale"],
                [utc(day(10, 8), 30), "Etc/UTC", "user=2/20 product=2/20 order=3/30 interaction=3/40 suspends floor-sale-b-release"],
                // The pods' longest drain from the raised ceilings ends 28 minutes after the release: one job sets maxReplicas alone back to the everyday ones.
                [utc(day(10, 8), 58), "Etc/UTC", "user=/10 product=/10 order=/20 interaction=/40 suspends floor-sale-b-lower"],
            ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
        );
        // kubectl patch sends one PATCH per named object (RunPatch: the builder maps names without a GET), so the role allows exactly that.
        const role = ofType(plan, "kubernetes:rbac.authorization.k8s.io/v1:Role").find((r) => r.name.endsWith("-floors-role"));
        // A one-off job suspends its own CronJob once it has run (its cron has no year), so the role also
        // allows patch on exactly those CronJobs; the recurring ones are not named.
        assert.deepStrictEqual(at(role?.inputs, "rules"), [
            { apiGroups: ["autoscaling"], resourceNames: ["user", "product", "order", "interaction"], resources: ["horizontalpodautoscalers"], verbs: ["patch"] },
            { apiGroups: ["batch"], resourceNames: ["floor-sale-a-prescale", "floor-sale-b-prescale", "floor-sale-b-release", "floor-sale-b-lower"], resources: ["cronjobs"], verbs: ["patch"] },
        ]);
        const oneOff = ofType(plan, "kubernetes:batch/v1:CronJob").filter((r) => at(r.inputs, "spec", "timeZone") === "Etc/UTC");
        assert.deepStrictEqual([...new Set(oneOff.map((r) => [at(r.inputs, "spec", "suspend"), at(r.inputs, "metadata", "annotations", "pulumi.com/patchForce")].join()))], ["false,true"]);
        const images = ofType(plan, "kubernetes:batch/v1:CronJob").flatMap((r) => list(at(r.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers")).map((c) => at(c, "image")));
        assert.deepStrictEqual([...new Set(images)], [KUBECTL_MIRROR]);
    });

    it("the kubectl image: registry.k8s.io/kubectl of the cluster's minor on AWS; on Alibaba Cloud a required setting, no floor jobs and not deployable until set", async () => {
        const aws = await planOf("timetable-kubernetes-aws");
        const images = ofType(aws, "kubernetes:batch/v1:CronJob").flatMap((r) => list(at(r.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers")).map((c) => at(c, "image")));
        assert.deepStrictEqual([...new Set(images)], ["registry.k8s.io/kubectl:v1.33.0"]);
        const unset = await planOf("timetable-kubernetes-alicloud-unset");
        assert.deepStrictEqual(ofType(unset, "kubernetes:batch/v1:CronJob"), []);
        assert.ok(
            unset.notDeployableUntilSet.some((m) => m.key === "live-commerce:kubernetes" && m.reason.startsWith("no kubectlImage: the jobs that raise the pods' floors for events and peaks need kubectl from a registry the region reaches")),
            JSON.stringify(unset.notDeployableUntilSet),
        );
    });

    it("the floor jobs and their access are valid Kubernetes objects (OpenAPI schema)", async () => {
        const plan = await planOf("timetable-kubernetes-alicloud");
        const objects = plan.resources
            .filter((r) => r.type.startsWith("kubernetes:") && r.name.includes("-floors"))
            .map((r) => ({ name: r.name, object: r.inputs }));
        assert.strictEqual(objects.length, 3 + 6, "service account, role, binding and six CronJobs (five floor jobs, one ceiling lowering)");
        const out = execFileSync(process.execPath, [path.join(ROOT, "tests", "support", "validate-kubernetes.mjs")], { input: JSON.stringify(objects), encoding: "utf8" });
        assert.deepStrictEqual(JSON.parse(out), []);
    });

    it("a mature stack whose unplanned 10x jump misses 5 minutes gets a mandatory finding per region", async () => {
        const plan = await planOf("capped-mature-aws");
        assert.deepStrictEqual(
            plan.policy.violations.filter((v) => v.policy === TIME_TO_PEAK_FINDING).map((v) => [v.enforcement, v.message]),
            ["us-east-1", "us-west-2"].map((region) => [
                "mandatory",
                `${region} pods: an unplanned 10x jump is never served, more than 5 (interaction 3 -> 24 pods: HPA acts after 30 s (15 s scrape + 15 s sync), ` +
                    "scale-up up to +900% or 4 pods per 60 s; 27 pods fit the 2 nodes per zone kept as headroom, the rest wait 250 s for a new node; 125 s pod start to Ready; maxReplicas 12 caps it at 12)",
            ]),
        );
    });

    it("time to peak: the unplanned 10x jump is met within 5 minutes on both growth clouds and the planned event before its start", async () => {
        for (const cloud of ["aws", "alicloud"] as const) {
            const plan = await planOf(`timetable-${cloud}`);
            assert.deepStrictEqual(
                plan.scaling.timeToPeak.map((e) => [e.scenario, e.minutes, e.meets5Minutes]),
                [
                    ["unplanned10x", 3.2, true],
                    ["plannedEvent", 2.2, true],
                ],
                cloud,
            );
            assert.deepStrictEqual(plan.policy.violations.filter((v) => v.policy === TIME_TO_PEAK_FINDING), [], cloud);
        }
    });
});

describe("an event inside a recurring peak releases to the peak's floor, on every scheduled tier of both clouds", function () {
    this.timeout(300_000);
    // The sale (80,000 online) releases 30 minutes after its end, at 22:30 local: inside the evening
    // peak (19:00-23:00, released at 23:30). Needs of the peak (20,000 online): app group 6 (floor 4),
    // readers 2 (floor 1); services: interaction 6 (one per app instance), user and product 2 x 6 / 4 -> 3
    // -> 4 (2 zones), order 3 x 6 / 4 -> 5 -> 6.
    const saleRelease = minute(INSIDE.aws.event.end, 30);

    it("AWS VM: the autoscaling Schedule and the readers' ScheduledAction at 22:30 New York keep the evening's floor", async () => {
        const plan = await planOf("inside-peak-aws");
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const schedule = (name: string) => ofType(plan, "aws:autoscaling/schedule:Schedule").find((r) => at(r.inputs, "scheduledActionName") === name)?.inputs;
        assert.deepStrictEqual(schedule("sale-release"), {
            autoscalingGroupName: at(schedule("sale-prescale"), "autoscalingGroupName"),
            desiredCapacity: -1,
            maxSize: 40,
            minSize: 6,
            scheduledActionName: "sale-release",
            startTime: saleRelease,
        });
        assert.deepStrictEqual([at(schedule("evening-release"), "recurrence"), at(schedule("evening-release"), "timeZone"), at(schedule("evening-release"), "minSize")], ["30 23 * * *", "America/New_York", 4]);
        const readers = (name: string) => ofType(plan, "aws:appautoscaling/scheduledAction:ScheduledAction").find((r) => at(r.inputs, "name") === name)?.inputs;
        assert.deepStrictEqual([at(readers("sale-release"), "schedule"), at(readers("sale-release"), "scalableTargetAction")], [`at(${saleRelease.slice(0, 19)})`, { maxCapacity: 15, minCapacity: 2 }]);
        assert.deepStrictEqual(at(readers("evening-release"), "scalableTargetAction"), { maxCapacity: 15, minCapacity: 1 });
    });

    it("AWS Fargate: each service's release ScheduledAction inside the peak keeps the evening's floor of that service, not its minimum", async () => {
        const plan = await planOf("inside-peak-aws-serverless");
        const action = (name: string) => ofType(plan, "aws:appautoscaling/scheduledAction:ScheduledAction").find((r) => at(r.inputs, "name") === name)?.inputs;
        assert.deepStrictEqual(
            ["user", "product", "order", "interaction"].map((service) => [service, at(action(`${service}-sale-release`), "schedule"), at(action(`${service}-sale-release`), "scalableTargetAction")]),
            [
                ["user", `at(${saleRelease.slice(0, 19)})`, { maxCapacity: 20, minCapacity: 4 }],
                ["product", `at(${saleRelease.slice(0, 19)})`, { maxCapacity: 20, minCapacity: 4 }],
                ["order", `at(${saleRelease.slice(0, 19)})`, { maxCapacity: 32, minCapacity: 6 }],
                ["interaction", `at(${saleRelease.slice(0, 19)})`, { maxCapacity: 40, minCapacity: 6 }],
            ],
        );
        // The evening's release (23:30) runs after the sale's lowering (its raised span ends with its drain): the peak's own ceiling.
        assert.deepStrictEqual(at(action("order-evening-release"), "scalableTargetAction"), { maxCapacity: 20, minCapacity: 3 });
    });

    it("Alibaba Cloud ESS: the one-off ScheduledTask at 22:30 Shanghai keeps the evening's floor", async () => {
        const plan = await planOf("inside-peak-alicloud");
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const task = (key: string) => ofType(plan, "alicloud:ess/scheduledTask:ScheduledTask").find((r) => at(r.inputs, "scheduledTaskName") === `lc-cn-hangzhou-app-${key}`)?.inputs;
        assert.deepStrictEqual(
            [at(task("sale-release"), "launchTime"), at(task("sale-release"), "minValue"), at(task("sale-release"), "maxValue"), at(task("sale-release"), "recurrenceType")],
            [minute(INSIDE.alicloud.event.end, 30).slice(0, 16) + "Z", 6, 40, undefined],
        );
        // The recurring task's name carries its cron (recurringTaskKey: evening-release-1530-all, cut to 40 characters with a hash).
        assert.deepStrictEqual([at(task("evening-releas-0phx5m"), "recurrenceValue"), at(task("evening-releas-0phx5m"), "minValue")], ["30 15 * * *", 4]);
    });

    it("SAE: the event's timer releases to the evening's floor; 6 events (2 beyond 90 days) plan with 5 rules per application, the far 2 reported", async () => {
        const plan = await planOf("inside-peak-alicloud-serverless");
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const rules = ofType(plan, "alicloud:sae/applicationScalingRule:ApplicationScalingRule");
        // One rule per calendar day (GMT+8) the events touch, named by the day: each event here is one evening.
        const ymd = (days: number): string => day(days).slice(0, 10).replace(/-/g, "");
        const sale = rules.find((r) => r.name === `lc-cn-hangzhou-sae-order-events-${ymd(5)}`)?.inputs;
        assert.deepStrictEqual(at(sale, "scalingRuleTimer"), {
            beginDate: day(5).slice(0, 10),
            endDate: day(5).slice(0, 10),
            period: "* * *",
            schedules: [
                // order at the sale (80,000 online, 20 app instances): 3 x 20 / 4 = 15 -> 16 (2 zones); ceiling twice that, 32.
                { atTime: "19:30", maxReplicas: 32, minReplicas: 16 },
                { atTime: "22:30", maxReplicas: 32, minReplicas: 6 },
            ],
        });
        for (const service of ["user", "product", "order", "interaction"]) {
            const names = rules.filter((r) => r.name.startsWith(`lc-cn-hangzhou-sae-${service}-`)).map((r) => r.name.replace(`lc-cn-hangzhou-sae-${service}-`, "")).sort();
            assert.deepStrictEqual(names, [`events-${ymd(20)}`, `events-${ymd(30)}`, `events-${ymd(40)}`, `events-${ymd(5)}`, "scaling"].sort(), service);
        }
        assert.deepStrictEqual(
            list(plan.scaling.schedule).map((r) => [at(r, "source"), at(r, "status")]),
            [
                ["sale", "scheduled"],
                ["later-1", "scheduled"],
                ["later-2", "scheduled"],
                ["later-3", "scheduled"],
                ["later-4", "deferred"],
                ["later-5", "deferred"],
                ["evening", "recurring"],
            ],
        );
        assert.match(String(at(list(plan.scaling.schedule)[4], "detail")), /^scheduled when within 90 days/);
    });
});

describe("an audience the app group's everyday floor holds but interaction's own floor does not is pre-scaled on pods and serverless services", function () {
    this.timeout(300_000);
    const lifted = (plan: CheckedPlan) => list(plan.scaling.schedule).map((r) => [at(r, "source"), String(at(r, "detail")).includes("the app tier needs no lift")]);

    it("EKS: the launch's and the evening's floor jobs raise interaction alone to 6 pods and release it to 3; the quiet event lifts nothing", async () => {
        const plan = await planOf("interaction-lift-eks");
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const floors = (name: string) =>
            list(at(ofType(plan, "kubernetes:batch/v1:CronJob").find((r) => r.name === `lc-us-east-1-services-floors-${name}`)?.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers"))
                .map((c) => list(at(c, "args")).join(" "))
                .filter((a) => a.startsWith("patch hpa"))
                .map((a) => a.replace(/^patch hpa (\w+) .*"minReplicas":(\d+),"maxReplicas":(\d+).*$/, "$1=$2/$3"));
        // Mature floors 2/2/3/3, ceilings 30/30/60/200: only interaction needs more (one pod per app instance).
        assert.deepStrictEqual(floors("launch-prescale"), ["user=2/30", "product=2/30", "order=3/60", "interaction=6/200"]);
        assert.deepStrictEqual(floors("launch-release"), ["user=2/30", "product=2/30", "order=3/60", "interaction=3/200"]);
        assert.deepStrictEqual(floors("evening-prescale"), ["user=2/30", "product=2/30", "order=3/60", "interaction=6/200"]);
        assert.strictEqual(ofType(plan, "kubernetes:batch/v1:CronJob").filter((r) => r.name.includes("-quiet-")).length, 0);
        assert.deepStrictEqual(lifted(plan), [
            ["launch", false],
            ["quiet", true],
            ["evening", false],
        ]);
        assert.match(String(at(list(plan.scaling.schedule)[1], "detail")), /the app tier needs no lift: 8000 viewers fit every service's everyday minReplicas \(interaction 3, holding the connections\)$/);
    });

    it("Fargate: interaction's scheduled actions raise its tasks to 4 for the launch and the evening; no other service has one", async () => {
        const plan = await planOf("interaction-lift-fargate");
        const actions = ofType(plan, "aws:appautoscaling/scheduledAction:ScheduledAction").map((r) => at(r.inputs, "name"));
        assert.deepStrictEqual(actions.filter((n) => !String(n).startsWith("interaction-")), []);
        const action = (name: string) => ofType(plan, "aws:appautoscaling/scheduledAction:ScheduledAction").find((r) => at(r.inputs, "name") === name)?.inputs;
        // Growth interaction: 3 tasks at minimum, 40 at most; 4 needed over two zones (12,001 and 16,000 viewers).
        assert.deepStrictEqual(at(action("interaction-launch-prescale"), "scalableTargetAction"), { maxCapacity: 40, minCapacity: 4 });
        assert.deepStrictEqual(at(action("interaction-launch-release"), "scalableTargetAction"), { maxCapacity: 40, minCapacity: 3 });
        assert.deepStrictEqual(at(action("interaction-evening-prescale"), "scalableTargetAction"), { maxCapacity: 40, minCapacity: 4 });
        assert.deepStrictEqual(lifted(plan), [
            ["launch", false],
            ["quiet", true],
            ["evening", false],
        ]);
    });

    it("SAE: interaction's rules hold the launch's and the evening's 4 instances; no other application has a timer", async () => {
        const plan = await planOf("interaction-lift-sae");
        assert.deepStrictEqual(plan.policy.violations.filter((v) => v.enforcement === "mandatory" && v.policy !== FLOW_POLICY), []);
        const rules = ofType(plan, "alicloud:sae/applicationScalingRule:ApplicationScalingRule");
        assert.deepStrictEqual(rules.filter((r) => at(r.inputs, "scalingRuleTimer") !== undefined && !r.name.startsWith("lc-cn-hangzhou-sae-interaction-")).map((r) => r.name), []);
        const ymd = day(10).slice(0, 10).replace(/-/g, "");
        // The launch, 20:00-22:00 Shanghai: pre-scale 19:30, release 22:30 (GMT+8); the evening 19:00-23:00 Shanghai.
        assert.deepStrictEqual(list(at(rules.find((r) => r.name === `lc-cn-hangzhou-sae-interaction-events-${ymd}`)?.inputs, "scalingRuleTimer", "schedules")), [
            { atTime: "19:30", maxReplicas: 40, minReplicas: 4 },
            { atTime: "22:30", maxReplicas: 40, minReplicas: 4 },
        ]);
        assert.deepStrictEqual(list(at(rules.find((r) => r.name === "lc-cn-hangzhou-sae-interaction-scaling")?.inputs, "scalingRuleTimer", "schedules")), [
            { atTime: "18:30", maxReplicas: 40, minReplicas: 4 },
            { atTime: "23:30", maxReplicas: 40, minReplicas: 3 },
        ]);
        assert.deepStrictEqual(lifted(plan), [
            ["launch", false],
            ["quiet", true],
            ["evening", false],
        ]);
    });
});

describe("a service whose everyday ceiling is below twice its floor gets that ceiling back after an event", function () {
    this.timeout(300_000);
    it("EKS: the launch raises interaction to 6 pods and 12 at most; the lowering job sets 5, the everyday maxReplicas, not twice the everyday floor", async () => {
        const plan = await planOf("interaction-cap-eks");
        const job = (name: string) =>
            list(at(ofType(plan, "kubernetes:batch/v1:CronJob").find((r) => r.name === `lc-us-east-1-services-floors-${name}`)?.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers"))
                .map((c) => list(at(c, "args")).join(" "))
                .filter((a) => a.startsWith("patch hpa interaction"))
                .map((a) => a.replace(/^patch hpa interaction .*--patch /, ""));
        assert.deepStrictEqual(job("launch-prescale"), ['{"spec":{"minReplicas":6,"maxReplicas":12}}']);
        assert.deepStrictEqual(job("launch-release"), ['{"spec":{"minReplicas":3,"maxReplicas":12}}']);
        assert.deepStrictEqual(job("launch-lower"), ['{"spec":{"maxReplicas":5}}']);
    });
    it("Fargate: the interaction service's lowering sets maxCapacity 5", async () => {
        const plan = await planOf("interaction-cap-fargate");
        const action = ofType(plan, "aws:appautoscaling/scheduledAction:ScheduledAction").find((r) => at(r.inputs, "name") === "interaction-launch-lower");
        assert.deepStrictEqual(at(action?.inputs, "scalableTargetAction"), { maxCapacity: 5 });
    });
});
