// The schedules' invariant (boundsViolations): replaying what an up asserts and declares, every
// tier's ceiling holds the needs in force and is never below its floor. Two ways it broke: an up in
// a later event's lead during an earlier event's drain (the later event's pre-scale asserted by the
// up, the earlier lowering sized without it), and a lowering moved off a taken minute keeping the
// ceiling of its due minute.

import * as assert from "assert";

import {
    ServiceName,
    StackSpec,
    TierSchedule,
    appTierSchedule,
    boundsViolations,
    planServerlessUnits,
    podBoundsView,
    podBoundsViolations,
    podCeilings,
    scheduleCeiling,
    stackBoundsViolations,
    unitDrain,
    unitSchedule,
} from "../../components/model";
import { PROFILES, resolveSpec } from "../../components/profiles";
import { SCHEDULE_BOUNDS_FINDING, scalingFindings, scalingSection } from "../../tools/lib/scaling";
import { rawConfig } from "../helpers";

const NOW = new Date("2026-11-22T00:00:00Z");
/** Pre-scale 09:30Z, release 16:30Z; on growth 200,000 viewers: app floor 50, ceiling 100. */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z", peakOnline: 200000 };
/** 120,000 viewers: app floor 30, ceiling 60. */
const eve2 = (start: string) => ({ name: "eve2", start, end: "2026-12-12T19:00:00Z", peakOnline: 120000 });
/** 100,000 viewers: app floor 26, ceiling 52. */
const eve = (start: string) => ({ name: "eve", start, end: "2026-12-12T19:00:00Z", peakOnline: 100000 });
const UNTIL = Date.parse("2026-12-13T00:00:00Z");
const t = (hhmm: string) => Date.parse(`2026-12-12T${hhmm}:00Z`);

const specOf = (compute: "vm" | "serverless" | "kubernetes", events: readonly object[]) => resolveSpec(rawConfig("growth", "aws", { compute, events }), { now: NOW });
const app = (spec: StackSpec, hhmm: string) => appTierSchedule(spec, PROFILES.aws, spec.regions[0], t(hhmm));
const unit = (spec: StackSpec, service: ServiceName, hhmm: string) => {
    const u = planServerlessUnits(spec.kubernetes.services, spec.regions[0]).find((x) => x.service === service);
    if (u === undefined) throw new Error(`no unit ${service}`);
    const s = unitSchedule(spec, spec.regions[0], u, t(hhmm), PROFILES.aws.scheduleHorizon, PROFILES.aws.eventLimit(spec, t(hhmm)), unitDrain(spec, PROFILES.aws, u));
    return { s, check: () => boundsViolations(s, UNTIL, (needs) => scheduleCeiling({ maxSize: u.maxInstances }, needs)) };
};
const groupCheck = (spec: StackSpec, s: TierSchedule) => boundsViolations(s, UNTIL, (needs) => scheduleCeiling(spec.app, needs));
const lowerings = (s: TierSchedule) => (s.lowerings ?? []).map((l) => [l.key, l.at, l.maxSize]);
const asserted = (s: TierSchedule) => [s.asserted?.kind, s.asserted?.minSize, s.asserted?.maxSize];
/** The maxReplicas each pod service's lowering job patches. */
const podLowerings = (spec: StackSpec, s: TierSchedule) => (s.lowerings ?? []).map((l) => [l.key, l.at, podCeilings(spec, l.heldNeeds)]);

describe("model: an up in a later event's lead during an earlier event's drain asserts the later floor, and the earlier lowering holds the later event's need", () => {
    it("EC2 Auto Scaling (eve2 pre-scale 16:53Z, up at 16:45): the group is asserted 30/100 and sale-lower at 16:52Z sets 60, eve2's ceiling, not 40", () => {
        const spec = specOf("vm", [SALE, eve2("2026-12-12T17:23:00Z")]);
        const s = app(spec, "16:45");
        assert.deepStrictEqual(asserted(s), ["prescale", 30, 100]);
        assert.deepStrictEqual(s.oneOff.map((a) => [a.key, a.at, a.minSize, a.maxSize]), [["eve2-release", "2026-12-12T19:30:00Z", 4, 60]]);
        assert.deepStrictEqual(lowerings(s), [
            ["sale-lower", "2026-12-12T16:52:00Z", 60],
            ["eve2-lower", "2026-12-12T19:50:00Z", 40],
        ]);
        assert.deepStrictEqual(groupCheck(spec, s), []);
    });

    it("ECS on Fargate (eve2 pre-scale 17:07Z, up at 16:58): the user target is asserted 16/52 and its sale-lower at 17:04Z sets 32, not 10 below the minimum 16; interaction's at 17:06Z sets 60", () => {
        const spec = specOf("serverless", [SALE, eve2("2026-12-12T17:37:00Z")]);
        const user = unit(spec, "user", "16:58");
        assert.deepStrictEqual(asserted(user.s), ["prescale", 16, 52]);
        assert.deepStrictEqual(lowerings(user.s), [
            ["sale-lower", "2026-12-12T17:04:00Z", 32],
            ["eve2-lower", "2026-12-12T20:00:00Z", 10],
        ]);
        assert.deepStrictEqual(user.check(), []);
        const interaction = unit(spec, "interaction", "16:58");
        assert.deepStrictEqual(lowerings(interaction.s), [
            ["sale-lower", "2026-12-12T17:06:00Z", 60],
            ["eve2-lower", "2026-12-12T20:02:00Z", 40],
        ]);
        assert.deepStrictEqual(interaction.check(), []);
    });

    it("Kubernetes (eve2 pre-scale 17:07Z, up at 16:58): the lowering job at 17:06Z patches eve2's maxReplicas (user 30, interaction 60), never below the minReplicas the up asserts", () => {
        const spec = specOf("kubernetes", [SALE, eve2("2026-12-12T17:37:00Z")]);
        const s = app(spec, "16:58");
        assert.deepStrictEqual(podLowerings(spec, s)[0], ["sale-lower", "2026-12-12T17:06:00Z", { user: 30, product: 30, order: 46, interaction: 60 }]);
        assert.deepStrictEqual(podBoundsView(spec, s, "user").asserted(s.asserted ?? { source: "", since: 0, kind: "prescale", minSize: 0, maxSize: 0 }), { minSize: 15, maxSize: 50 });
        assert.deepStrictEqual(podBoundsViolations(spec, s, UNTIL), []);
    });
});

describe("model: a lowering moved off a taken minute is sized at the minute it runs", () => {
    it("EC2 Auto Scaling (eve pre-scale 16:52Z, eve2 16:53Z): sale-lower moves to 16:54Z and sets 60, eve2's ceiling, not eve's 52", () => {
        const spec = specOf("vm", [SALE, eve("2026-12-12T17:22:00Z"), eve2("2026-12-12T17:23:00Z")]);
        const s = app(spec, "09:00");
        assert.deepStrictEqual(lowerings(s)[0], ["sale-lower", "2026-12-12T16:54:00Z", 60]);
        assert.deepStrictEqual(groupCheck(spec, s), []);
    });

    it("ECS on Fargate (eve pre-scale 17:04Z, eve2 17:05Z): the user service's sale-lower moves to 17:06Z and sets 32, eve2's ceiling, not eve's 26", () => {
        const spec = specOf("serverless", [SALE, eve("2026-12-12T17:34:00Z"), eve2("2026-12-12T17:35:00Z")]);
        const user = unit(spec, "user", "09:00");
        assert.deepStrictEqual(lowerings(user.s)[0], ["sale-lower", "2026-12-12T17:06:00Z", 32]);
        assert.deepStrictEqual(user.check(), []);
    });

    it("Kubernetes (eve pre-scale 17:06Z, eve2 17:07Z): the lowering job moves to 17:08Z and patches eve2's maxReplicas", () => {
        const spec = specOf("kubernetes", [SALE, eve("2026-12-12T17:36:00Z"), eve2("2026-12-12T17:37:00Z")]);
        const s = app(spec, "09:00");
        assert.deepStrictEqual(podLowerings(spec, s)[0], ["sale-lower", "2026-12-12T17:08:00Z", { user: 30, product: 30, order: 46, interaction: 60 }]);
        assert.deepStrictEqual(podBoundsViolations(spec, s, UNTIL), []);
    });
});

describe("model: boundsViolations", () => {
    const spec = specOf("vm", [SALE, eve2("2026-12-12T17:23:00Z")]);
    const s = app(spec, "16:45");
    const cut = (maxSize: number): TierSchedule => ({ ...s, lowerings: (s.lowerings ?? []).map((l) => (l.key === "sale-lower" ? { ...l, maxSize } : l)) });

    it("names a lowering that cuts a running event's ceiling (sale-lower 40 while eve2 holds 60) at each instant it is in force", () => {
        assert.deepStrictEqual(groupCheck(spec, cut(40)), ["2026-12-12T16:52:00Z sale-lower: maxSize 40 below 60, the ceiling the needs in force hold (30)"]);
    });

    it("names a ceiling below the floor", () => {
        assert.deepStrictEqual(groupCheck(spec, cut(20)), [
            "2026-12-12T16:52:00Z sale-lower: maxSize 20 below minSize 30",
            "2026-12-12T16:52:00Z sale-lower: maxSize 20 below 60, the ceiling the needs in force hold (30)",
        ]);
    });

    it("holds for every up of a day with a sale and two later events, on the app group, every ECS service and every pod service", () => {
        const ups = ["09:00", "16:35", "16:45", "16:50", "16:52", "16:54", "16:58", "17:03", "17:10", "19:25", "19:40", "19:55", "20:10"];
        const vm = specOf("vm", [SALE, eve("2026-12-12T17:22:00Z"), eve2("2026-12-12T17:23:00Z")]);
        const fargate = specOf("serverless", [SALE, eve("2026-12-12T17:34:00Z"), eve2("2026-12-12T17:37:00Z")]);
        const pods = specOf("kubernetes", [SALE, eve("2026-12-12T17:36:00Z"), eve2("2026-12-12T17:37:00Z")]);
        const found = ups.flatMap((hhmm) => [
            ...groupCheck(vm, app(vm, hhmm)).map((v) => `vm ${hhmm}: ${v}`),
            ...(["user", "product", "order", "interaction"] as const).flatMap((service) => unit(fargate, service, hhmm).check().map((v) => `fargate ${service} ${hhmm}: ${v}`)),
            ...podBoundsViolations(pods, app(pods, hhmm), UNTIL).map((v) => `pods ${hhmm}: ${v}`),
        ]);
        assert.deepStrictEqual(found, []);
    });
});

describe("plan: the schedules' bounds guard (stackBoundsViolations, ha-scaling-schedule-bounds)", () => {
    it("finds nothing on the repro stacks at the ups that broke it (EC2 16:45, Fargate and pods 16:58, the moved lowering 09:00)", () => {
        assert.deepStrictEqual(
            [
                stackBoundsViolations(specOf("vm", [SALE, eve2("2026-12-12T17:23:00Z")]), PROFILES.aws, t("16:45")),
                stackBoundsViolations(specOf("serverless", [SALE, eve2("2026-12-12T17:37:00Z")]), PROFILES.aws, t("16:58")),
                stackBoundsViolations(specOf("kubernetes", [SALE, eve2("2026-12-12T17:37:00Z")]), PROFILES.aws, t("16:58")),
                stackBoundsViolations(specOf("vm", [SALE, eve("2026-12-12T17:22:00Z"), eve2("2026-12-12T17:23:00Z")]), PROFILES.aws, t("09:00")),
            ],
            [[], [], [], []],
        );
    });

    it("a violation in the program's scaling output is a mandatory finding naming it", () => {
        const section = scalingSection({ scaling: { schedule: [], timeToPeak: [], drain: [], boundsViolations: ["us-east-1 app group: 2026-12-12T16:52:00Z sale-lower: maxSize 40 below 60, the ceiling the needs in force hold (30)"] } });
        assert.deepStrictEqual(
            scalingFindings(section, "growth").filter((v) => v.policy === SCHEDULE_BOUNDS_FINDING),
            [{ policy: SCHEDULE_BOUNDS_FINDING, enforcement: "mandatory", urn: "", message: "scheduled bounds: us-east-1 app group: 2026-12-12T16:52:00Z sale-lower: maxSize 40 below 60, the ceiling the needs in force hold (30)" }],
        );
        assert.deepStrictEqual(scalingFindings(scalingSection({ scaling: { schedule: [], timeToPeak: [], drain: [], boundsViolations: [] } }), "growth"), []);
    });
});
