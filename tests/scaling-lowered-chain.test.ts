// Chains of `pulumi up` plans through an event's drain (each plan the next one's --base, as Pulumi
// keeps state): a one-off action declared with the event lowers each tier's raised ceiling when its
// drain ends, whether or not an up runs after the event (Pulumi's state keeps the everyday bounds
// under ignoreChanges, so an up alone would send nothing); the up after the drain declares the held
// bounds, and the ceilings-lowered advisory fires only where an up really lowers a ceiling in force
// (the SAE rules, a base without the lowering actions), never for an event released long before.

import * as assert from "assert";

import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { CheckedPlan, checkPlan, readBase, upgradeAgainst, withBase } from "../tools/plan";
import { planStack } from "../tools/lib/record";
import { CEILINGS_LOWERED_FINDING, CEILING_CUT_FINDING, FLOOR_LEFT_RAISED_FINDING, BOUND_NOT_SENT_FINDING, reraisedInBase } from "../tools/lib/scaling";
import { at, stackDir, stackFile } from "./helpers";

const VIRGINIA = [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }];
const HANGZHOU = [{ name: "cn-hangzhou", zones: ["cn-hangzhou-h", "cn-hangzhou-i"] }];
const TWO_REGIONS = [...VIRGINIA, { name: "us-west-2", zones: ["us-west-2a", "us-west-2b"] }];
/** Pre-scale 09:30Z, release 16:30Z. */
const SALE = { name: "sale", start: "2026-12-12T10:00:00Z", end: "2026-12-12T16:00:00Z" };
/** Released on 11 November: long past on 12 December. */
const OLD = { name: "old-sale", start: "2026-11-11T12:00:00Z", end: "2026-11-11T16:00:00Z", peakOnline: 200000 };
/** 18:00-19:00Z: pre-scale 17:30Z, release 19:30Z, after the sale's drains. */
const LATE = { name: "late", start: "2026-12-12T18:00:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 80000 };
/** 15:00-17:00Z, overlapping the sale: pre-scale 14:30Z, release 17:30Z. */
const FLASH = { name: "flash", start: "2026-12-12T15:00:00Z", end: "2026-12-12T17:00:00Z", peakOnline: 80000 };
/** 11:00-18:00 in London (UTC in December): pre-scale 10:30Z, release 18:30Z, open through the drain's end. */
const DAY_PEAK = { name: "day", start: "11:00", end: "18:00", timeZone: "Europe/London" };

/** A growth SAE stack in Hangzhou. */
const SAE_STACK = { stage: "growth", cloud: "alicloud", compute: "serverless", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" } };

const DIR = stackDir({
    // 200,000 viewers: app floor 50, ceiling 100; the day peak of 100,000: floor 25, ceiling 50 (everyday 40).
    "lower-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, peakOnline: 100000 }] }),
    "lower-alicloud-vm": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...OLD, streams: 80 }, { ...SALE, peakOnline: 200000, streams: 80 }], peaks: [{ ...DAY_PEAK, peakOnline: 100000, streams: 8 }] }),
    "lower-pods-aws": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
    "lower-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
    // The day peak ends 16:30 in London: its release (17:00Z) falls inside the pods' drain (to 17:06Z).
    "lower-pods-early-peak": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, end: "16:30", peakOnline: 40000 }] }),
    // The day peak ends 16:22 in London: its release (16:52Z) falls in the minute the group's drain ends.
    "lower-aws-vm-same-minute": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }], peaks: [{ ...DAY_PEAK, end: "16:22", peakOnline: 100000 }] }),
    // A later event whose pre-scale (16:52Z) takes the minute the sale's lowering would run in: the lowering moves to 16:53Z.
    "lower-aws-vm-eve": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 }] }),
    // Eve's pre-scale (17:04Z) takes the app group's lowering minute: the task moves to 17:05Z.
    "lower-alicloud-vm-eve": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...SALE, peakOnline: 200000, streams: 80 }, { name: "eve", start: "2026-12-12T17:34:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000, streams: 40 }] }),
    // A day peak ending 16:34 in London: its release (17:04Z) runs after the transcoders' lowering (17:02Z) and in the app group's lowering minute (the task moves to 17:05Z).
    "lower-alicloud-vm-peak-1704": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...SALE, peakOnline: 200000, streams: 80 }], peaks: [{ ...DAY_PEAK, end: "16:34", peakOnline: 100000, streams: 20 }] }),
    "lower-alicloud-vm-no-peak": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...SALE, peakOnline: 200000, streams: 80 }] }),
    // The same stack with the sale deleted from the stack file.
    "lower-alicloud-vm-no-event": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" } }),
    "lower-aws-vm-no-event": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA }),
    "lower-pods-no-event": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA }),
    "lower-fargate-no-peak": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }] }),
    "lower-fargate-no-event": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA }),
    // The sale edited while it runs: 60,000 viewers raise no ceiling; only the eve left.
    "edit-aws-vm-small": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 60000 }] }),
    // The day peak alone on ESS: its recurring tasks keep the first run they were created with (launchTime under ignoreChanges).
    "peak-alicloud-vm": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, peaks: [{ ...DAY_PEAK, peakOnline: 100000, streams: 8 }] }),
    // The sale edited while it runs to 2,000 viewers: no tier of it lifts any more (the floor releases).
    "tiny-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 2000 }] }),
    // The sale at 2,000 while it runs, with the 200,000-viewer sale of 11 November still in the stack file.
    "tiny-aws-vm-old": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 2000 }] }),
    "tiny-pods-old": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [OLD, { ...SALE, peakOnline: 2000 }] }),
    "edit-pods-small": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 60000 }] }),
    // The upgrade-growth-vm stack moved to compute kubernetes: the app group goes.
    "upgrade-growth-pods": stackFile({ stage: "growth", cloud: "aws", compute: "kubernetes", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 100000 }] }),
    "edit-sae-smaller": stackFile({ ...SAE_STACK, events: [{ ...SALE, peakOnline: 50000 }] }),
    // A daily peak 18:00-20:00 UTC (pre-scale 01:30 GMT+8), then lowered, then deleted.
    "peak-sae": stackFile({ ...SAE_STACK, kubernetes: { saeInstanceWhitelist: true }, peaks: [{ name: "eve", start: "18:00", end: "20:00", peakOnline: 200000, timeZone: "Etc/UTC" }] }),
    "peak-sae-smaller": stackFile({ ...SAE_STACK, kubernetes: { saeInstanceWhitelist: true }, peaks: [{ name: "eve", start: "18:00", end: "20:00", peakOnline: 100000, timeZone: "Etc/UTC" }] }),
    // Two overlapping events (eve pre-scaled 14:30Z inside the sale, which ends 16:00Z), and the same with the sale lowered to 2,000.
    "overlap-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve", start: "2026-12-12T15:00:00Z", end: "2026-12-12T20:00:00Z", peakOnline: 100000 }] }),
    "overlap-aws-vm-small": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 2000 }, { name: "eve", start: "2026-12-12T15:00:00Z", end: "2026-12-12T20:00:00Z", peakOnline: 100000 }] }),
    // The same with a short larger flash sale (13:00-13:30Z) inside the sale.
    "overlap3-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "flash", start: "2026-12-12T13:00:00Z", end: "2026-12-12T13:30:00Z", peakOnline: 250000 }, { name: "eve", start: "2026-12-12T15:00:00Z", end: "2026-12-12T20:00:00Z", peakOnline: 100000 }] }),
    "overlap3-aws-vm-small": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 2000 }, { name: "flash", start: "2026-12-12T13:00:00Z", end: "2026-12-12T13:30:00Z", peakOnline: 250000 }, { name: "eve", start: "2026-12-12T15:00:00Z", end: "2026-12-12T20:00:00Z", peakOnline: 100000 }] }),
    // A larger flash sale inside the sale, and a weekly peak (Saturday 06:00-08:00 New York: 11:00-13:00Z) whose runs fall in both.
    "flash-wk-aws-vm": stackFile({
        stage: "growth",
        cloud: "aws",
        compute: "vm",
        domain: "live.example.com",
        regions: VIRGINIA,
        events: [{ ...SALE, peakOnline: 200000 }, { name: "flash", start: "2026-12-12T12:00:00Z", end: "2026-12-12T13:00:00Z", peakOnline: 300000 }],
        peaks: [
            { name: "eve", start: "18:00", end: "20:00", peakOnline: 150000, timeZone: "Europe/Berlin" },
            { name: "wk", start: "06:00", end: "08:00", peakOnline: 120000, timeZone: "America/New_York", recurrence: "weekly", days: ["sat"] },
        ],
    }),
    // The sale extended after its release ran (end 18:00Z).
    "extended-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, end: "2026-12-12T18:00:00Z", peakOnline: 200000 }] }),
    "tiny-aws-vm-peak": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 2000 }], peaks: [{ ...DAY_PEAK, peakOnline: 100000 }] }),
    "tiny-alicloud-vm": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...SALE, peakOnline: 2000, streams: 2 }] }),
    "tiny-pods": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 2000 }] }),
    "tiny-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 2000 }] }),
    "edit-aws-vm-eve-only": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 }] }),
    // Two regions, one cluster each: the same HPA names in both (the floor findings tell the clusters apart).
    "pods-two-regions-sale": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: TWO_REGIONS, events: [{ ...SALE, peakOnline: 80000 }] }),
    "pods-two-regions-none": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: TWO_REGIONS }),
    // 12,001 viewers: interaction alone, 4 pods (two zones); the late event holds the same floor.
    "pods-same-floor": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 12001 }, { ...LATE, peakOnline: 12001 }] }),
    "pods-same-floor-late-only": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...LATE, peakOnline: 12001 }] }),
    // A stage upgrade while the sale runs: mature's everyday ceiling (120) is above the sale's raised one (52).
    "upgrade-growth-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 100000 }] }),
    "upgrade-mature-vm": stackFile({
        stage: "mature",
        cloud: "aws",
        compute: "vm",
        domain: "live.example.com",
        regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b", "us-east-1c"] }, { name: "us-west-2", zones: ["us-west-2a", "us-west-2b", "us-west-2c"] }],
        residency: { boundary: "us" },
        events: [{ ...SALE, peakOnline: 100000 }],
    }),
    "lower-pods-eve": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 }] }),
    "edit-pods-eve-only": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 }] }),
    "edit-aws-vm-ended": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, end: "2026-12-12T12:00:00Z", peakOnline: 200000 }] }),
    "edit-aws-vm-peak": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, peaks: [{ ...DAY_PEAK, peakOnline: 100000 }] }),
    "edit-sae-sale": stackFile({ ...SAE_STACK, events: [{ ...SALE, peakOnline: 80000 }] }),
    "edit-sae-none": stackFile(SAE_STACK),
    "lower-aws-vm-no-peak": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }] }),
    // A second event after the sale's lowering (late: pre-scale 17:30Z, release 19:30Z; 80,000 viewers: app floor 20, whose ceiling 40 is the everyday one).
    "lower-aws-vm-late": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, LATE] }),
    // A second event overlapping the sale (flash: pre-scale 14:30Z, release 17:30Z, after the sale's lowering at 16:52Z).
    "lower-aws-vm-flash": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, FLASH] }),
    "lower-fargate-late": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, LATE] }),
    "lower-pods-late": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, LATE] }),
    // An evening peak none of whose runs (pre-scale 18:30Z, release 21:30Z) falls in the sale's raised span (09:30Z-16:52Z).
    "lower-aws-vm-evening": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }], peaks: [{ name: "evening", start: "19:00", end: "21:00", timeZone: "Europe/London", peakOnline: 100000 }] }),
    "lower-pods-no-peak": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }] }),
    "lower-alicloud-vm-late": stackFile({ stage: "growth", cloud: "alicloud", compute: "vm", domain: "live.example.com", regions: HANGZHOU, tls: { certificateId: "14211234-cn-hangzhou" }, events: [{ ...SALE, peakOnline: 200000, streams: 80 }, { ...LATE, streams: 40 }] }),
    // eve2 (120,000 viewers: app floor 30, ceiling 60) pre-scaled 16:53Z on the group, 17:07Z on Fargate and the pods: an up
    // in its lead during the sale's drain asserts its floors, and the sale's lowering before that pre-scale must hold them.
    "lead-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve2", start: "2026-12-12T17:23:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 120000 }] }),
    "lead-fargate": stackFile({ stage: "growth", cloud: "aws", compute: "serverless", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve2", start: "2026-12-12T17:37:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 120000 }] }),
    "lead-pods": stackFile({ stage: "growth", cloud: "aws", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve2", start: "2026-12-12T17:37:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 120000 }] }),
    // eve (100,000: ceiling 52) pre-scaled 16:52Z and eve2 (ceiling 60) 16:53Z: the sale's lowering moves to 16:54Z.
    "moved-aws-vm": stackFile({ stage: "growth", cloud: "aws", compute: "vm", domain: "live.example.com", regions: VIRGINIA, events: [{ ...SALE, peakOnline: 200000 }, { name: "eve", start: "2026-12-12T17:22:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 100000 }, { name: "eve2", start: "2026-12-12T17:23:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 120000 }] }),
    // The sale of 2026-11-11 drained long before these ups: on SAE too it declares nothing and raises no finding.
    "old-sae": stackFile({ ...SAE_STACK, events: [{ ...OLD, peakOnline: 90000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
    // eve2 pre-scaled 17:07Z (01:07 GMT+8), after the day peak's release (17:04Z): an up at 17:00Z is inside its lead.
    "lead-sae": stackFile({
        ...SAE_STACK,
        events: [
            { ...SALE, peakOnline: 60000, streams: 40 },
            { name: "eve2", start: "2026-12-12T17:37:00Z", end: "2026-12-12T19:00:00Z", peakOnline: 50000, streams: 30 },
        ],
        peaks: [{ name: "day", start: "11:00", end: "16:34", timeZone: "Europe/London", peakOnline: 30000, streams: 20 }],
    }),
    "lower-sae": stackFile({ ...SAE_STACK, events: [{ ...SALE, peakOnline: 90000 }], peaks: [{ ...DAY_PEAK, peakOnline: 40000 }] }),
});

/** The plans of ups at `instants` (2026-12-12, hh:mm UTC), each judged against the one before as `plan --base` does (written to a file, read back, carried). */
async function chain(stack: string, instants: readonly string[], asBase: (plan: CheckedPlan) => CheckedPlan = (plan) => plan): Promise<CheckedPlan[]> {
    return chainOf(instants.map((hhmm) => [stack, hhmm]), asBase);
}

/** chain over ups of possibly different stack files (`[stack, hh:mm]`: the stack file edited between ups). */
async function chainOf(ups: readonly (readonly [string, string])[], asBase: (plan: CheckedPlan) => CheckedPlan = (plan) => plan): Promise<CheckedPlan[]> {
    const plans: CheckedPlan[] = [];
    for (const [stack, hhmm] of ups) {
        const now = new Date(`2026-12-12T${hhmm}:00Z`);
        const head = await checkPlan(await planStack(stack, DIR, { now }));
        const last = plans.at(-1);
        if (last === undefined) {
            plans.push(head);
            continue;
        }
        const prev = asBase(last);
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "lc-lower-")), "base.json");
        fs.writeFileSync(file, JSON.stringify(prev));
        const base = await readBase(file);
        plans.push(withBase(head, base, upgradeAgainst(head, base, file), now.getTime()));
    }
    return plans;
}

/** [name, min, max, ignoreChanges] of the resources of `type` (min and max at their input paths). */
const bounds = (p: CheckedPlan, type: string, min: readonly string[], max: readonly string[]) =>
    p.resources.filter((r) => r.type === type).map((r) => [r.name, at(r.inputs, ...min), at(r.inputs, ...max), r.ignoreChanges ?? []]);
/** The change preview's [name, op, changed properties] of the resources of `type`, unchanged ones left out. */
const updates = (p: CheckedPlan, type: string) => (p.upgrade?.changes ?? []).filter((c) => c.type === type && c.op !== "same").map((c) => [c.name, c.op, c.properties.map((x) => x.name).sort()]);
const findings = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING).map((v) => v.message);
const entry = (p: CheckedPlan, source: string) => p.scaling.schedule.find((r) => at(r, "source") === source);

/** The scheduled actions of `type` whose logical name ends with `suffix`: [name, ...the inputs at `paths`]. */
const actions = (p: CheckedPlan, type: string, suffix: string, paths: readonly (readonly string[])[]) =>
    p.resources.filter((r) => r.type === type && r.name.endsWith(suffix)).map((r) => [r.name, ...paths.map((keys) => at(r.inputs, ...keys))]);
/** The kubectl patches of a floor job (one per service, user/product/order/interaction in SERVICE_NAMES order). */
const patches = (p: CheckedPlan, name: string) =>
    list(at(p.resources.find((r) => r.name === name)?.inputs, "spec", "jobTemplate", "spec", "template", "spec", "containers"))
        .filter((c) => at(c, "name") !== "once")
        .map((c) => JSON.parse(String(list(at(c, "args")).at(-1))));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

describe("a drained event's raised ceilings go back by the clouds' own scheduled actions, with or without an up after the event", function () {
    this.timeout(600_000);

    const AT = ["12:05", "16:41", "17:30", "17:40"];
    /** The findings of each up of a chain. */
    const perUp = (plans: readonly CheckedPlan[]) => plans.map(findings);
    const LOWERS = (what: string) => [`event sale: this pulumi up lowers raised ceilings (${what}); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left`];

    it("AWS EC2 Auto Scaling, no up during the event (09:00 -> 17:30): the 09:00 up declares the lowering at the drain's end (MaxSize 52 alone), the 17:30 up declares the day peak's 26/52 and lowers nothing in force", async () => {
        const plans = await chain("lower-aws-vm", ["09:00", "17:30"]);
        const SCHEDULE = "aws:autoscaling/schedule:Schedule";
        assert.deepStrictEqual(actions(plans[0], SCHEDULE, "-sale-lower", [["startTime"], ["minSize"], ["maxSize"], ["desiredCapacity"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 52, -1]]);
        assert.deepStrictEqual(at(entry(plans[0], "sale"), "detail"), "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 52 at 2026-12-12T16:52:00Z (a recurring peak's actions declared with the raised ceiling set it again when they run, until a pulumi up after the drains declares them anew)");
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 26, 52, []]]);
        assert.deepStrictEqual(actions(plans[1], SCHEDULE, "-sale-lower", []), []);
        assert.deepStrictEqual(perUp(plans), [[], []]);
        assert.deepStrictEqual(
            at(entry(plans[1], "sale"), "detail"),
            "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 52 at 2026-12-12T16:52:00Z, so this pulumi up lowers none in force (delete the event from the stack file at will)",
        );
    });

    it("AWS EC2 Auto Scaling, no up during the event nor after it until 19:00 (09:00 -> 19:00): the day peak's release at 18:30Z, declared with the raised ceiling 100, set it again after the lowering, so the --base judgement names it and the finding says this up sets maxSize 52", async () => {
        const plans = await chain("lower-aws-vm", ["09:00", "19:00"]);
        assert.deepStrictEqual(actions(plans[0], "aws:autoscaling/schedule:Schedule", "-day-release", [["recurrence"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-day-release", "30 18 * * *", 4, 100]]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 52, []]]);
        assert.deepStrictEqual(at(entry(plans[1], "sale"), "reraisedBy"), "day-release at 2026-12-12T18:30:00Z");
        assert.deepStrictEqual(
            at(entry(plans[1], "sale"), "detail"),
            "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 52 at 2026-12-12T16:52:00Z, but its recurring day-release at 2026-12-12T18:30:00Z (declared with the raised ceiling) ran after the lowering of the app group 100 -> 52 at 2026-12-12T16:52:00Z and set that ceiling again; this pulumi up sets lc-us-east-1-app-group maxSize = 52 itself, which lowers the re-raised ceiling: the cloud removes capacity above a lowered ceiling at once, whatever the load, so run it once the viewers have left",
        );
        assert.deepStrictEqual(perUp(plans), [[], LOWERS("lc-us-east-1-app-group maxSize = 52")]);
    });

    it("Alibaba Cloud ESS, the day peak's release (17:04Z) between the transcoders' lowering (17:02Z) and the app group's (17:05Z), no up in between (09:00 -> 17:05): the --base judgement names the transcoders re-raised to 40 (this up sends nothing for them: run --refresh), not the app group", async () => {
        const plans = await chain("lower-alicloud-vm-peak-1704", ["09:00", "17:05"]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        assert.deepStrictEqual(actions(plans[0], TASK, "", [["launchTime"], ["maxValue"]]).filter((a) => /-(sale-lower|day-release-1704-all)$/.test(String(a[0]))), [
            ["lc-cn-hangzhou-app-schedule-day-release-1704-all", "2026-12-12T17:04Z", 100],
            ["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:05Z", 52],
            ["lc-cn-hangzhou-video-transcoders-schedule-day-release-1704-all", "2026-12-12T17:04Z", 40],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02Z", 12],
        ]);
        // The 17:05 up declares the held 12 on the transcoders, which Pulumi's state already holds: nothing is sent.
        assert.deepStrictEqual(bounds(plans[1], "alicloud:ess/scalingGroup:ScalingGroup", ["minSize"], ["maxSize"]), [
            ["lc-cn-hangzhou-app-group", 4, 40, ["desiredCapacity", "minSize", "maxSize"]],
            ["lc-cn-hangzhou-video-asg", 2, 12, []],
        ]);
        assert.deepStrictEqual(updates(plans[1], "alicloud:ess/scalingGroup:ScalingGroup"), []);
        assert.strictEqual(at(entry(plans[1], "sale"), "reraisedBy"), "day-release at 2026-12-12T17:04:00Z");
        assert.strictEqual(at(entry(plans[1], "sale"), "reraisedLowerings"), "the transcoders 40 -> 12 at 2026-12-12T17:02:00Z");
        assert.deepStrictEqual(
            at(entry(plans[1], "sale"), "detail"),
            "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 52 at 2026-12-12T17:05:00Z; the transcoders 40 -> 12 at 2026-12-12T17:02:00Z, but its recurring day-release at 2026-12-12T17:04:00Z (declared with the raised ceiling) ran after the lowering of the transcoders 40 -> 12 at 2026-12-12T17:02:00Z and set that ceiling again, and Pulumi's state holds the held one, so this pulumi up sends nothing for it; run it as pulumi up --refresh (the refresh reads the raised ceilings into state, so the up sets the held ones) once the viewers have left; its scheduled actions lowering the app group 100 -> 52 at 2026-12-12T17:05:00Z stay declared until they have surely run; keep the event in the stack file until then (deleting it deletes them, and a raised ceiling whose lowering has not run stays in force): delete it after 2026-12-12T17:08:00Z",
        );
        assert.deepStrictEqual(perUp(plans), [
            [],
            [
                "event sale: the --base plan's recurring day-release at 2026-12-12T17:04:00Z (declared with the raised ceiling) ran after the lowering of the transcoders 40 -> 12 at 2026-12-12T17:02:00Z and set that ceiling again: it is still in force and Pulumi's state holds the held one, so this pulumi up sends nothing for it; run it as pulumi up --refresh, which lowers it; the cloud removes the capacity above them at once whatever the load: run it once the viewers have left",
            ],
        ]);
    });

    it("Alibaba Cloud ESS, the day peak's actions re-sized by an up during the sale (09:00 -> 10:31 -> 16:35 -> 17:03 -> 17:04 -> 17:06 -> 17:10): the transcoders' day-release (17:04Z) sets 12, their lowered ceiling, and the app group's runs before its lowering (17:05Z), so the --base judgement names no re-raise and no finding", async () => {
        const plans = await chain("lower-alicloud-vm-peak-1704", ["09:00", "10:31", "16:35", "17:03", "17:04", "17:06", "17:10"]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        // The base of the 17:06 up: the 10:31 up re-sized the transcoders' day actions to their own ceiling 12; the app group's
        // day-release keeps the sale's 100, but runs before the app group's lowering.
        assert.deepStrictEqual(actions(plans[4], TASK, "", [["launchTime"], ["maxValue"]]).filter((a) => /-(sale-lower|day-release-1704-all)$/.test(String(a[0]))), [
            ["lc-cn-hangzhou-app-schedule-day-release-1704-all", "2026-12-12T17:04Z", 100],
            ["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:05Z", 52],
            ["lc-cn-hangzhou-video-transcoders-schedule-day-release-1704-all", "2026-12-12T17:04Z", 12],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02Z", 12],
        ]);
        for (const p of plans.slice(5)) {
            assert.strictEqual(at(entry(p, "sale"), "reraisedBy"), undefined);
            assert.strictEqual(at(entry(p, "sale"), "reraisedLowerings"), undefined);
            assert.strictEqual(at(entry(p, "sale"), "ceilingsLowered"), undefined);
        }
        assert.deepStrictEqual(
            at(entry(plans[6], "sale"), "detail"),
            "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 52 at 2026-12-12T17:05:00Z; the transcoders 40 -> 12 at 2026-12-12T17:02:00Z, so this pulumi up lowers none in force (delete the event from the stack file at will)",
        );
        assert.deepStrictEqual(perUp(plans), [[], [], [], [], [], [], []]);
    });

    it("Alibaba Cloud ESS, an up after the transcoders' lowering (17:02Z) while the app group's (17:04Z) is still declared (09:00 -> 17:05, and 17:05 alone): the report names the app group's lowering and keeps the event until 17:07, never 'delete at will'", async () => {
        const plans = await chain("lower-alicloud-vm-no-peak", ["09:00", "17:05"]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        assert.deepStrictEqual(actions(plans[1], TASK, "-lower", [["launchTime"], ["maxValue"]]), [["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:04Z", 40]]);
        const KEEP = "its scheduled actions lowering the app group 100 -> 40 at 2026-12-12T17:04:00Z stay declared until they have surely run; keep the event in the stack file until then (deleting it deletes them, and a raised ceiling whose lowering has not run stays in force): delete it after 2026-12-12T17:07:00Z";
        assert.strictEqual(at(entry(plans[1], "sale"), "pendingLowerings"), "the app group 100 -> 40 at 2026-12-12T17:04:00Z");
        assert.strictEqual(at(entry(plans[1], "sale"), "keepUntil"), "2026-12-12T17:07:00Z");
        assert.strictEqual(
            at(entry(plans[1], "sale"), "detail"),
            `released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 40 at 2026-12-12T17:04:00Z; the transcoders 40 -> 12 at 2026-12-12T17:02:00Z, so this pulumi up lowers none in force (${KEEP})`,
        );
        assert.deepStrictEqual(perUp(plans), [[], []]);
        const [alone] = await chain("lower-alicloud-vm-no-peak", ["17:05"]);
        assert.ok(String(at(entry(alone, "sale"), "detail")).endsWith(`; still draining, their bounds with the schedules until then: the app group from 100 (everyday 40) until about 2026-12-12T17:04:00Z; ${KEEP}`));
    });

    it("the sale deleted from the stack file before its lowerings have run (ESS 09:00 -> 17:03; EC2 Auto Scaling 09:00 -> 16:50; the pods' job and the ECS services' actions): the up deletes them and sends nothing, so the --base judgement finds the ceilings left raised; deleted after their margin (17:08, 16:56), no finding", async () => {
        const early = await chainOf([["lower-alicloud-vm-no-peak", "09:00"], ["lower-alicloud-vm-no-event", "17:03"]]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        assert.deepStrictEqual(updates(early[1], TASK), [
            ["lc-cn-hangzhou-app-schedule-sale-lower", "delete", []],
            ["lc-cn-hangzhou-app-schedule-sale-prescale", "delete", []],
            ["lc-cn-hangzhou-app-schedule-sale-release", "delete", []],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "delete", []],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-prescale", "delete", []],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-release", "delete", []],
        ]);
        assert.deepStrictEqual(updates(early[1], "alicloud:ess/scalingGroup:ScalingGroup"), []);
        const left = (name: string, when: string, after: string) =>
            `event sale: the --base plan declared ${name} to lower its raised ceiling at ${when}, after this pulumi up; the event is no longer in the stack file, so this pulumi up deletes it, and Pulumi's state holds the everyday ceiling, so nothing is sent: the raised ceiling stays in force; keep the event in the stack file until after ${after}, or run this pulumi up as pulumi up --refresh (the refresh reads the raised ceiling into state, so the up sets the everyday one) once the viewers have left: the cloud removes the capacity above it at once whatever the load`;
        assert.deepStrictEqual(findings(early[1]), [
            left("lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:04:00Z", "2026-12-12T17:07:00Z"),
            // 17:02 is a minute before the up: within the margin, it may not have run.
            left("lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02:00Z", "2026-12-12T17:05:00Z").replace(", after this pulumi up;", ", which may not have run by this pulumi up;"),
        ]);
        const aws = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["lower-aws-vm-no-event", "16:50"]]);
        assert.deepStrictEqual(findings(aws[1]), [left("lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", "2026-12-12T16:55:00Z")]);
        // The pods' lowering job (one-off cron in Etc/UTC) and the ECS services' at(...) actions read the same way.
        const pods = await chainOf([["lower-pods-no-peak", "09:00"], ["lower-pods-no-event", "17:05"]]);
        assert.deepStrictEqual(findings(pods[1]), [left("lc-us-east-1-services-floors-sale-lower", "2026-12-12T17:06:00Z", "2026-12-12T17:09:00Z")]);
        const fargate = await chainOf([["lower-fargate-no-peak", "09:00"], ["lower-fargate-no-event", "17:00"]]);
        assert.deepStrictEqual(findings(fargate[1]), [
            left("lc-us-east-1-fargate-interaction-schedule-sale-lower", "2026-12-12T17:06:00Z", "2026-12-12T17:09:00Z"),
            ...["order", "product", "user"].map((service) => left(`lc-us-east-1-fargate-${service}-schedule-sale-lower`, "2026-12-12T17:04:00Z", "2026-12-12T17:07:00Z")),
        ]);
        // Deleted at 17:05, a minute after the app group's lowering (17:04) and within its 3-minute
        // margin: it may not have run by the up; the transcoders' (17:02) has.
        const margin = await chainOf([["lower-alicloud-vm-no-peak", "09:00"], ["lower-alicloud-vm-no-event", "17:05"]]);
        assert.deepStrictEqual(findings(margin[1]), [
            left("lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:04:00Z", "2026-12-12T17:07:00Z").replace(", after this pulumi up;", ", which may not have run by this pulumi up;"),
        ]);
        const late = await chainOf([["lower-alicloud-vm-no-peak", "09:00"], ["lower-alicloud-vm-no-event", "17:08"]]);
        const awsLate = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["lower-aws-vm-no-event", "16:56"]]);
        assert.deepStrictEqual([findings(late[1]), findings(awsLate[1])], [[], []]);
    });

    it("an event edited while it runs (EC2 Auto Scaling, sale 10:00-16:00Z at 200,000, pre-scaled at 09:30Z): deleted, its raised floors (app group, Aurora readers) and its lowering are findings until a later action sets them; its audience lowered, the removed lowering and the readers' floor are; deleted before its pre-scale ran, nothing", async () => {
        const all = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING || v.policy === FLOOR_LEFT_RAISED_FINDING).map((v) => `${v.policy}: ${v.message}`);
        const deleted = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["lower-aws-vm-no-event", "14:00"]]);
        const eveLeft = await chainOf([["lower-aws-vm-eve", "09:00"], ["edit-aws-vm-eve-only", "14:00"]]);
        const smaller = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["edit-aws-vm-small", "14:00"]]);
        const early = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["lower-aws-vm-no-event", "09:20"]]);
        const lowering = (at: string, until: string) =>
            `${CEILINGS_LOWERED_FINDING}: event sale: the --base plan declared lc-us-east-1-app-schedule-sale-lower to lower its raised ceiling at ${at}, after this pulumi up; the event is no longer in the stack file, so this pulumi up deletes it, and Pulumi's state holds the everyday ceiling, so nothing is sent: the raised ceiling stays in force${until}`;
        const floor = (resource: string, live: number, prescale: string, held: number, stays: string) =>
            `${FLOOR_LEFT_RAISED_FINDING}: ${resource}: the floor in force is ${live}, set by ${prescale} (2026-12-12T09:30:00Z), while the stack file as planned now holds ${held} there; this pulumi up sends nothing for it (Pulumi's state holds ${held}), so the floor stays ${live} ${stays} (a lower floor removes no capacity: the scale-in rule drains it)`;
        const refresh = (held: number) => `for good; keep the stack file as it was until the floor is released, or run this pulumi up as pulumi up --refresh (the refresh reads the raised floor into state, so the up sends ${held})`;
        assert.deepStrictEqual(all(deleted[1]), [
            lowering("2026-12-12T16:52:00Z", "; keep the event in the stack file until after 2026-12-12T16:55:00Z, or run this pulumi up as pulumi up --refresh (the refresh reads the raised ceiling into state, so the up sets the everyday one) once the viewers have left: the cloud removes the capacity above it at once whatever the load"),
            floor("lc-us-east-1-app-group", 50, "lc-us-east-1-app-schedule-sale-prescale", 4, refresh(4)),
            // The Aurora readers' scalable target: no lowering, its release alone brought it back.
            floor("lc-us-east-1-read-capacity-target", 13, "lc-us-east-1-read-capacity-schedule-sale-prescale", 1, refresh(1)),
        ]);
        // Another event left: its pre-scale (16:52Z) sets both bounds, so they stay raised only until then.
        assert.deepStrictEqual(all(eveLeft[1]), [
            lowering("2026-12-12T16:53:00Z", " until lc-us-east-1-app-schedule-eve-prescale sets it to 52 at 2026-12-12T16:52:00Z, which removes the capacity above 52 at once, whatever the load; keep the event in the stack file until after 2026-12-12T16:56:00Z"),
            floor("lc-us-east-1-app-group", 50, "lc-us-east-1-app-schedule-sale-prescale", 4, "until lc-us-east-1-app-schedule-eve-prescale sets 26 at 2026-12-12T16:52:00Z; keep the stack file as it was until the floor is released"),
            floor("lc-us-east-1-read-capacity-target", 13, "lc-us-east-1-read-capacity-schedule-sale-prescale", 1, "until lc-us-east-1-read-capacity-schedule-eve-prescale sets 7 at 2026-12-12T16:52:00Z; keep the stack file as it was until the floor is released"),
        ]);
        // Two clusters (one per region) whose HPAs share their names: each region's raised floors are a finding.
        const twoRegions = await chainOf([["pods-two-regions-sale", "09:00"], ["pods-two-regions-none", "14:00"]]);
        assert.deepStrictEqual(
            twoRegions[1].policy.violations.filter((v) => v.policy === FLOOR_LEFT_RAISED_FINDING).map((v) => v.message.split(": the floor in force is ")[0]).sort(),
            ["us-east-1", "us-west-2"]
                .flatMap((region) => [`lc-${region}-read-capacity-target`, ...["user", "product", "order", "interaction"].map((service) => `lc-${region}-services-${service}-hpa`)])
                .sort(),
        );
        assert.deepStrictEqual(
            twoRegions[1].policy.violations.filter((v) => v.message.startsWith("lc-us-west-2-services-interaction-hpa")).map((v) => v.message.split(", while")[0]),
            ["lc-us-west-2-services-interaction-hpa: the floor in force is 20, set by lc-us-west-2-services-floors-sale-prescale (2026-12-12T09:30:00Z)"],
        );
        // Upgraded to mature while the sale runs: the mature up asserts 27/120 on the group itself
        // (inside the raised window, no ignoreChanges), above the raised 52: no ceiling is left raised.
        const upgraded = await chainOf([["upgrade-growth-vm", "09:00"], ["upgrade-mature-vm", "12:30"]]);
        assert.deepStrictEqual(findings(upgraded[1]), []);
        // A later action that sets the same floor leaves it raised: the finding names the first that lowers it.
        const same = await chainOf([["pods-same-floor", "09:00"], ["pods-same-floor-late-only", "12:00"]]);
        assert.deepStrictEqual(
            same[1].policy.violations.filter((v) => v.policy === FLOOR_LEFT_RAISED_FINDING).map((v) => v.message.split(" (a lower floor")[0].split(", so the floor stays ")[1]),
            ["4 until lc-us-east-1-services-floors-late-release sets 3 at 2026-12-12T19:30:00Z; keep the stack file as it was until the floor is released"],
        );
        // The same on the pods: the eve's floor job sets each HPA's maxReplicas, and the finding names each.
        const podsEve = await chainOf([["lower-pods-eve", "09:00"], ["edit-pods-eve-only", "14:00"]]);
        assert.deepStrictEqual(all(podsEve[1]).filter((m) => m.startsWith(CEILINGS_LOWERED_FINDING)), [
            `${CEILINGS_LOWERED_FINDING}: event sale: the --base plan declared lc-us-east-1-services-floors-sale-lower to lower its raised ceiling at 2026-12-12T17:06:00Z, after this pulumi up; the event is no longer in the stack file, so this pulumi up deletes it, and Pulumi's state holds the everyday ceiling, so nothing is sent: the raised ceiling stays in force until lc-us-east-1-services-floors-eve-prescale sets it to user 26, product 26, order 40, interaction 52 at 2026-12-12T16:52:00Z, which removes the capacity above user 26, product 26, order 40, interaction 52 at once, whatever the load; keep the event in the stack file until after 2026-12-12T17:09:00Z`,
        ]);
        // 60,000 viewers raise no ceiling: the sale's lowering goes and its release (still declared) sets
        // the everyday ceiling at 16:30Z; the up sends the new floors itself (16 on the group, 4 readers).
        assert.deepStrictEqual(all(smaller[1]), [
            `${CEILINGS_LOWERED_FINDING}: event sale: the --base plan declared lc-us-east-1-app-schedule-sale-lower to lower its raised ceiling at 2026-12-12T16:52:00Z, after this pulumi up; the event as the stack file now sets it raises that ceiling no more (its audience lowered), so this pulumi up deletes it, and Pulumi's state holds the everyday ceiling, so nothing is sent: the raised ceiling stays in force until lc-us-east-1-app-schedule-sale-release sets it to 40 at 2026-12-12T16:30:00Z, which removes the capacity above 40 at once, whatever the load; keep the event's audience until after 2026-12-12T16:55:00Z`,
        ]);
        // Deleted at 09:20Z, before its pre-scale (09:30Z): nothing was raised, nothing to say.
        assert.deepStrictEqual(all(early[1]), []);
        // Deleted at 09:28Z: the pre-scale may run before the up reaches the cloud, and then its raised
        // ceiling stays, the lowering being deleted with it.
        const close = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["lower-aws-vm-no-event", "09:28"]]);
        assert.deepStrictEqual(
            all(close[1]).map((m) => m.split(", while")[0]),
            [
                lowering(
                    "2026-12-12T16:52:00Z",
                    "; keep the event in the stack file until after 2026-12-12T16:55:00Z, or run this pulumi up as pulumi up --refresh (the refresh reads the raised ceiling into state, so the up sets the everyday one) once the viewers have left: the cloud removes the capacity above it at once whatever the load",
                ).replace(
                    "nothing is sent: the raised ceiling stays in force",
                    "nothing is sent: if lc-us-east-1-app-schedule-sale-prescale raises it at 2026-12-12T09:30:00Z before this pulumi up lands (within 3 minutes), the raised ceiling stays in force",
                ),
                `${FLOOR_LEFT_RAISED_FINDING}: lc-us-east-1-app-group: the floor in force when this pulumi up lands may be 50, set by lc-us-east-1-app-schedule-sale-prescale (2026-12-12T09:30:00Z), which runs within 3 minutes of it`,
                `${FLOOR_LEFT_RAISED_FINDING}: lc-us-east-1-read-capacity-target: the floor in force when this pulumi up lands may be 13, set by lc-us-east-1-read-capacity-schedule-sale-prescale (2026-12-12T09:30:00Z), which runs within 3 minutes of it`,
            ],
        );
        // Its end moved to 12:00Z at 14:00Z: the release (12:30Z) is past, so the up declares none and
        // asserts the released floor, which Pulumi's state already holds: nothing is sent.
        const ended = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["edit-aws-vm-ended", "14:00"]]);
        assert.deepStrictEqual(
            all(ended[1]).filter((m) => m.startsWith(FLOOR_LEFT_RAISED_FINDING)).map((m) => m.split(": the floor in force is ")[1]?.split(",")[0]),
            ["50", "13"],
        );
        // A daily peak deleted while open (pre-scaled at 10:30Z): its floor stays, no release declared any more.
        const peak = await chainOf([["edit-aws-vm-peak", "09:00"], ["lower-aws-vm-no-event", "14:00"]]);
        assert.deepStrictEqual(
            all(peak[1]),
            [floor("lc-us-east-1-app-group", 26, "lc-us-east-1-app-schedule-day-prescale", 4, refresh(4)), floor("lc-us-east-1-read-capacity-target", 7, "lc-us-east-1-read-capacity-schedule-day-prescale", 1, refresh(1))].map((m) => m.replace("(2026-12-12T09:30:00Z)", "(2026-12-12T10:30:00Z)")),
        );
    });

    it("SAE, the sale (80,000, pre-scaled at 09:30Z) deleted while it runs: the up deletes the day rules holding its raised floors, a finding per application naming the bounds it falls back to at once; deleted before its pre-scale, nothing", async () => {
        const deleted = await chainOf([["edit-sae-sale", "09:00"], ["edit-sae-none", "14:00"]]);
        const rule = (service: string, held: string, left: string, cut: string) =>
            `the --base plan declared the SAE event rule lc-cn-hangzhou-sae-${service}-events-20261212, whose point of 2026-12-12T09:30:00Z holds ${held} instances now (an event's raised floor); this pulumi up deletes it (the event is no longer in the stack file, or lifts that day no more), so the application falls back to its other rules, ${left} instances, at once${cut}; keep the event in the stack file, as it was, until after 2026-12-12T16:33:00Z (its release)`;
        const cut = (max: number) => `, and the cloud removes the instances above ${max} at once, whatever the load`;
        assert.deepStrictEqual(findings(deleted[1]), [
            // interaction's everyday ceiling (40) is above the sale's: only its floor drops.
            rule("interaction", "20 to 40", "3 to 40", ""),
            rule("order", "16 to 32", "3 to 20", cut(20)),
            rule("product", "10 to 20", "2 to 10", cut(10)),
            rule("user", "10 to 20", "2 to 10", cut(10)),
        ]);
        const early = await chainOf([["edit-sae-sale", "09:00"], ["edit-sae-none", "09:20"]]);
        assert.deepStrictEqual(findings(early[1]), []);
    });

    it("AWS EC2 Auto Scaling, the day peak's release (16:52Z, 4/100) in the minute the drain ends: the lowering runs at 16:53Z, after it, and the report gives that minute", async () => {
        const [p] = await chain("lower-aws-vm-same-minute", ["09:00"]);
        const SCHEDULE = "aws:autoscaling/schedule:Schedule";
        assert.deepStrictEqual(actions(p, SCHEDULE, "-day-release", [["recurrence"], ["timeZone"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-day-release", "52 16 * * *", "Europe/London", 4, 100]]);
        assert.deepStrictEqual(actions(p, SCHEDULE, "-sale-lower", [["startTime"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:53:00Z", -1, 52]]);
        assert.match(String(at(entry(p, "sale"), "detail")), /the app group 100 -> 52 at 2026-12-12T16:53:00Z/);
    });

    /** The 09:00 up declared sale-lower (16:52Z, maxSize 40); an up at `hhmm`, within its lead, keeps it unchanged: the group's [min, max, ignoreChanges] and updated properties, and the report. */
    const keptLowering = async (hhmm: string, group: readonly unknown[], groupUpdates: readonly unknown[], detail: string) => {
        const plans = await chain("lower-aws-vm-no-peak", ["09:00", hhmm]);
        const SCHEDULE = "aws:autoscaling/schedule:Schedule";
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", ...group]]);
        assert.deepStrictEqual(actions(plans[1], SCHEDULE, "-sale-lower", [["startTime"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 40]]);
        assert.deepStrictEqual(updates(plans[1], "aws:autoscaling/group:Group"), groupUpdates);
        assert.deepStrictEqual(updates(plans[1], SCHEDULE), [
            ["lc-us-east-1-app-schedule-sale-prescale", "delete", []],
            ["lc-us-east-1-app-schedule-sale-release", "delete", []],
        ]);
        assert.deepStrictEqual(perUp(plans), [[], []]);
        assert.deepStrictEqual(at(entry(plans[1], "sale"), "detail"), detail);
    };

    it("AWS EC2 Auto Scaling without a peak, the base's lowering (16:52Z) not yet run at an up within its lead (09:00 -> 16:51): the lowering stays declared unchanged at its instant and the group keeps its bounds with the schedules, so the up removes nothing that lowers the raised ceiling", () =>
        keptLowering(
            "16:51",
            [4, 40, ["minSize", "maxSize"]],
            [],
            "released at 2026-12-12T16:30:00Z; declares no floor, but this tier still drains from its raised ceiling by its scale-in rule: the app group from 100 (everyday 40) until about 2026-12-12T16:52:00Z; its bounds stay with the schedules until then; scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 40 at 2026-12-12T16:52:00Z (keep the event in the stack file; delete it after 2026-12-12T16:55:00Z)",
        ));

    it("AWS EC2 Auto Scaling without a peak, an up in the release's retention within the lowering's lead (09:00 -> 16:45, lowering 16:52Z): the lowering the 09:00 up declared stays unchanged, next to the released 4/100", () =>
        keptLowering(
            "16:45",
            [4, 100, []],
            [["lc-us-east-1-app-group", "update", ["maxSize"]]],
            "released at 2026-12-12T16:30:00Z; this pulumi up sets the released bounds on the scaled resources itself; its scheduled actions run once at their instant and are not kept (a new one with a past instant is refused); scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 40 at 2026-12-12T16:52:00Z; keep the event in the stack file",
        ));

    it("AWS EC2 Auto Scaling without a peak (09:00 -> 17:30): the lowering sets MaxSize 40, the everyday one the 17:30 up declares", async () => {
        const plans = await chain("lower-aws-vm-no-peak", ["09:00", "17:30"]);
        assert.deepStrictEqual(actions(plans[0], "aws:autoscaling/schedule:Schedule", "-sale-lower", [["startTime"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 40]]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, []]]);
        assert.deepStrictEqual(perUp(plans), [[], []]);
    });

    it("a --base plan that declared the event's actions but no lowering (planned before the lowerings existed): the ceilings its actions raised are still in force, and the finding says to run pulumi up --refresh", async () => {
        const withoutLowering = (plan: CheckedPlan): CheckedPlan => ({ ...plan, resources: plan.resources.filter((r) => !r.name.endsWith("-sale-lower")) });
        const plans = await chain("lower-aws-vm-no-peak", ["09:00", "17:30"], withoutLowering);
        assert.deepStrictEqual(perUp(plans), [
            [],
            [
                "event sale: the --base plan declared no action lowering its raised ceilings (the app group 100 -> 40 at 2026-12-12T16:52:00Z): they are still in force and this pulumi up sends nothing for them; run it as pulumi up --refresh, which lowers them (the app group 100 -> 40 at 2026-12-12T16:52:00Z); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left",
            ],
        ]);
    });

    it("an in-event up (12:05 -> 16:41 -> 17:30 -> 17:40): the group carries 50/100, then in the release's retention the released 26/100 with the lowering (16:52Z, the lead ahead) declared; 17:30 sends 26/52 and lowers nothing in force; the event of 11 November is never named", async () => {
        const plans = await chain("lower-aws-vm", AT);
        const GROUP = "aws:autoscaling/group:Group";
        assert.deepStrictEqual(plans.map((p) => bounds(p, GROUP, ["minSize"], ["maxSize"])[0]), [
            ["lc-us-east-1-app-group", 50, 100, []],
            ["lc-us-east-1-app-group", 26, 100, []],
            ["lc-us-east-1-app-group", 26, 52, []],
            ["lc-us-east-1-app-group", 26, 52, []],
        ]);
        assert.deepStrictEqual(actions(plans[1], "aws:autoscaling/schedule:Schedule", "-sale-lower", [["startTime"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", 52]]);
        assert.deepStrictEqual(plans.map((p) => updates(p, GROUP)), [[], [["lc-us-east-1-app-group", "update", ["minSize"]]], [["lc-us-east-1-app-group", "update", ["maxSize"]]], []]);
        assert.deepStrictEqual(perUp(plans), [[], [], [], []]);
        assert.deepStrictEqual(at(entry(plans[3], "sale"), "detail"), "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the --base plan already holds the ceilings the declared events and peaks hold, so this pulumi up lowers none in force (delete the event from the stack file at will)");
        for (const p of plans) assert.deepStrictEqual(at(entry(p, "old-sale"), "detail"), "released at 2026-11-11T16:30:00Z; declares nothing (delete it from the stack file at will)");
    });

    it("an up with the lowering closer than the lead (12:05 -> 16:51, lowering 16:52Z): the lowering the 12:05 up declared stays unchanged at 16:52Z (maxSize 52); the group keeps 50/100 with the schedules, so the up updates neither and lowers nothing itself", async () => {
        const plans = await chain("lower-aws-vm", ["12:05", "16:51"]);
        const GROUP = "aws:autoscaling/group:Group";
        const SCHEDULE = "aws:autoscaling/schedule:Schedule";
        assert.deepStrictEqual(bounds(plans[1], GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 50, 100, ["minSize", "maxSize"]]]);
        for (const p of plans) assert.deepStrictEqual(actions(p, SCHEDULE, "-sale-lower", [["startTime"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 52]]);
        assert.deepStrictEqual(updates(plans[1], GROUP), []);
        assert.deepStrictEqual(updates(plans[1], SCHEDULE), [["lc-us-east-1-app-schedule-sale-release", "delete", []]]);
        assert.deepStrictEqual(perUp(plans), [[], []]);
    });

    it("an up within the lead of the day peak's release (16:51 -> 18:25, release 18:30Z) declares the released floor 4, not the peak's 26 again", async () => {
        const plans = await chain("lower-aws-vm", ["16:51", "18:25"]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 52, []]]);
    });

    it("without --base the up at 17:30 says what the lowering actions did if declared and that it may lower the ceilings itself", async () => {
        const p = await checkPlan(await planStack("lower-aws-vm", DIR, { now: new Date("2026-12-12T17:30:00Z") }));
        assert.deepStrictEqual(findings(p), [
            "event sale: this pulumi up may lower raised ceilings (the app group 100 -> 52) unless an earlier up after the drain already has; the scheduled actions declared with the event lowered the app group 100 -> 52 at 2026-12-12T16:52:00Z if a pulumi up declared them before then (plan with --base to tell); the cloud removes the capacity above them at once whatever the load: run it once the viewers have left",
        ]);
    });

    it("Alibaba Cloud ESS (09:00 -> 17:30): tasks that set MaxValue alone (app group 52 at 17:04Z, transcoders 12 at 17:02Z); the 17:30 up declares the held bounds and lowers nothing in force", async () => {
        const plans = await chain("lower-alicloud-vm", ["09:00", "17:30"]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        assert.deepStrictEqual(actions(plans[0], TASK, "-sale-lower", [["launchTime"], ["minValue"], ["maxValue"], ["desiredCapacity"], ["description"]]), [
            ["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:04Z", undefined, 52, undefined, "ceiling of sale lowered when its drain ends: max 100 -> 52"],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02Z", undefined, 12, undefined, "ceiling of sale lowered when its drain ends: max 40 -> 12"],
        ]);
        assert.deepStrictEqual(bounds(plans[1], "alicloud:ess/scalingGroup:ScalingGroup", ["minSize"], ["maxSize"]), [
            ["lc-cn-hangzhou-app-group", 26, 52, ["desiredCapacity"]],
            ["lc-cn-hangzhou-video-asg", 2, 12, []],
        ]);
        assert.deepStrictEqual(perUp(plans), [[], []]);
    });

    it("Kubernetes (09:00 -> 17:30): one job at the end of the pods' longest drain patches maxReplicas alone, to the day peak's ceilings", async () => {
        const plans = await chain("lower-pods-aws", ["09:00", "17:30"]);
        const name = "lc-us-east-1-services-floors-sale-lower";
        assert.deepStrictEqual(at(plans[0].resources.find((r) => r.name === name)?.inputs, "spec", "schedule"), "6 17 12 12 *");
        assert.deepStrictEqual(patches(plans[0], name), [{ spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 20 } }, { spec: { maxReplicas: 40 } }]);
        assert.deepStrictEqual(perUp(plans), [[], []]);
        assert.match(String(at(entry(plans[1], "sale"), "detail")), /the scheduled actions the --base plan declared lowered the pods of user 50 -> 10 at 2026-12-12T17:06:00Z; .*the pods of interaction 100 -> 40 at 2026-12-12T17:06:00Z, so this pulumi up lowers none in force/);
    });

    it("Kubernetes, a peak released inside the pods' drain (12:05 -> 16:52, peak release 17:00Z): its release job keeps the raised maxReplicas until the lowering job at 17:06Z", async () => {
        const plans = await chain("lower-pods-early-peak", ["12:05", "16:52"]);
        for (const p of plans) {
            assert.deepStrictEqual(patches(p, "lc-us-east-1-services-floors-day-release"), [
                { spec: { minReplicas: 2, maxReplicas: 50 } },
                { spec: { minReplicas: 2, maxReplicas: 50 } },
                { spec: { minReplicas: 3, maxReplicas: 76 } },
                { spec: { minReplicas: 3, maxReplicas: 100 } },
            ]);
        }
        assert.deepStrictEqual(patches(plans[1], "lc-us-east-1-services-floors-sale-lower"), [{ spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 20 } }, { spec: { maxReplicas: 40 } }]);
    });

    it("pods with a daily peak (12:05 -> 17:03): user and product have drained, but the HPAs stay with the schedules until the one job lowers every service at 17:06, so the report names that job and no up-set ceiling nor --refresh", async () => {
        const HELD =
            "released at 2026-12-12T16:30:00Z; declares no floor, but these tiers still drain from their raised ceilings by their scale-in rules: the pods of user from 50 (everyday 10) until about 2026-12-12T17:02:00Z; the pods of product from 50 (everyday 10) until about 2026-12-12T17:02:00Z; the pods of order from 76 (everyday 20) until about 2026-12-12T17:04:00Z; the pods of interaction from 100 (everyday 40) until about 2026-12-12T17:06:00Z; their bounds stay with the schedules until then; scheduled actions lower the raised ceilings when the drains end: the pods of user 50 -> 10 at 2026-12-12T17:06:00Z; the pods of product 50 -> 10 at 2026-12-12T17:06:00Z; the pods of order 76 -> 20 at 2026-12-12T17:06:00Z; the pods of interaction 100 -> 40 at 2026-12-12T17:06:00Z (keep the event in the stack file; delete it after 2026-12-12T17:09:00Z)";
        const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
        const plans = await chain("lower-pods-early-peak", ["12:05", "17:03"]);
        const alone = await checkPlan(await planStack("lower-pods-early-peak", DIR, { now: new Date("2026-12-12T17:03:00Z") }));
        for (const p of [plans[1], alone]) {
            // Nothing the up could send: every HPA's bounds stay under ignoreChanges, the job stays declared.
            for (const b of bounds(p, HPA, ["spec", "minReplicas"], ["spec", "maxReplicas"])) assert.deepStrictEqual(b[3], ["spec.minReplicas", "spec.maxReplicas"]);
            assert.deepStrictEqual(patches(p, "lc-us-east-1-services-floors-sale-lower"), [{ spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 20 } }, { spec: { maxReplicas: 40 } }]);
            assert.deepStrictEqual(entry(p, "sale"), { source: "sale", status: "past", detail: HELD });
            assert.deepStrictEqual(findings(p), []);
        }
        // The day peak's release (17:00Z) ran inside the sale's raised span (to 17:06Z): the 12:05 up
        // declared its recurring jobs with the sale's raised maxReplicas; the 17:03 up, after that
        // run, declares them with the peak's own, so they raise nothing again tomorrow.
        assert.deepStrictEqual(updates(plans[1], "kubernetes:batch/v1:CronJob"), [
            ["lc-us-east-1-services-floors-sale-release", "delete", []],
            ["lc-us-east-1-services-floors-day-prescale", "update", ["spec"]],
            ["lc-us-east-1-services-floors-day-release", "update", ["spec"]],
        ]);
        const released = (max: readonly number[]) => [2, 2, 3, 3].map((min, i) => ({ spec: { minReplicas: min, maxReplicas: max[i] } }));
        assert.deepStrictEqual(patches(plans[0], "lc-us-east-1-services-floors-day-release"), released([50, 50, 76, 100]));
        assert.deepStrictEqual(patches(plans[1], "lc-us-east-1-services-floors-day-release"), released([10, 10, 20, 40]));
    });

    it("a lowering moved off a later event's pre-scale minute keeps its moved minute on the ups inside the lead, where that pre-scale is asserted, not declared (ESS 09:00 -> 16:55 -> 17:03 -> 17:06; EC2 Auto Scaling 09:00 -> 16:45 -> 16:50)", async () => {
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        const ali = await chain("lower-alicloud-vm-eve", ["09:00", "16:55", "17:03", "17:06"]);
        for (const p of ali) assert.deepStrictEqual(actions(p, TASK, "-app-schedule-sale-lower", [["launchTime"], ["maxValue"]]), [["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:05Z", 52]]);
        // Eve's pre-scale (17:04Z) is asserted by the 16:55 and 17:03 ups: its task goes, the lowering stays unchanged.
        assert.deepStrictEqual(actions(ali[1], TASK, "-eve-prescale", []), []);
        for (const p of ali.slice(1)) assert.deepStrictEqual(updates(p, TASK).filter((u) => String(u[0]) === "lc-cn-hangzhou-app-schedule-sale-lower"), []);
        assert.match(String(at(entry(ali[2], "sale"), "detail")), /the app group 100 -> 52 at 2026-12-12T17:05:00Z/);
        // Kept until the moved lowering (17:05Z) has surely run, not the drain's end (17:04Z) plus the margin.
        assert.match(String(at(entry(ali[2], "sale"), "detail")), /\(keep the event in the stack file; delete it after 2026-12-12T17:08:00Z\)$/);
        const SCHEDULE = "aws:autoscaling/schedule:Schedule";
        const aws = await chain("lower-aws-vm-eve", ["09:00", "16:45", "16:50"]);
        for (const p of aws) assert.deepStrictEqual(actions(p, SCHEDULE, "-app-schedule-sale-lower", [["startTime"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:53:00Z", 52]]);
        for (const p of aws.slice(1)) assert.deepStrictEqual(updates(p, SCHEDULE).filter((u) => String(u[0]).endsWith("-sale-lower")), []);
    });

    it("a lowering moved off a later event's pre-scale minute is reported at its moved minute, and one after that event's release from the ceiling the release sets (EC2 Auto Scaling, ESS)", async () => {
        const SCHEDULE = "aws:autoscaling/schedule:Schedule";
        const [aws] = await chain("lower-aws-vm-eve", ["09:00"]);
        assert.deepStrictEqual(actions(aws, SCHEDULE, "", [["startTime"], ["maxSize"]]).filter((a) => String(a[0]).includes("-app-")), [
            ["lc-us-east-1-app-schedule-eve-lower", "2026-12-12T19:50:00Z", 40],
            // Each action's ceiling is the needs in force at its instant: eve's own 52 once the sale's span has ended (16:52Z), never the sale's 100 again.
            ["lc-us-east-1-app-schedule-eve-prescale", "2026-12-12T16:52:00Z", 52],
            ["lc-us-east-1-app-schedule-eve-release", "2026-12-12T19:30:00Z", 52],
            ["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:53:00Z", 52],
            ["lc-us-east-1-app-schedule-sale-prescale", "2026-12-12T09:30:00Z", 100],
            ["lc-us-east-1-app-schedule-sale-release", "2026-12-12T16:30:00Z", 100],
        ]);
        assert.strictEqual(at(entry(aws, "sale"), "detail"), "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 52 at 2026-12-12T16:53:00Z");
        assert.strictEqual(at(entry(aws, "eve"), "detail"), "pre-scale at 2026-12-12T16:52:00Z, release at 2026-12-12T19:30:00Z; scheduled actions lower the raised ceilings when the drains end: the app group 52 -> 40 at 2026-12-12T19:50:00Z");
        const [ali] = await chain("lower-alicloud-vm-eve", ["09:00"]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        assert.deepStrictEqual(actions(ali, TASK, "-lower", [["launchTime"], ["maxValue"]]), [
            ["lc-cn-hangzhou-app-schedule-eve-lower", "2026-12-12T20:00Z", 40],
            ["lc-cn-hangzhou-app-schedule-sale-lower", "2026-12-12T17:05Z", 52],
            ["lc-cn-hangzhou-video-transcoders-schedule-eve-lower", "2026-12-12T19:56Z", 12],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-lower", "2026-12-12T17:02Z", 12],
        ]);
        assert.strictEqual(at(entry(ali, "sale"), "detail"), "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 52 at 2026-12-12T17:05:00Z; the transcoders 40 -> 12 at 2026-12-12T17:02:00Z");
        assert.strictEqual(at(entry(ali, "eve"), "detail"), "pre-scale at 2026-12-12T17:04:00Z, release at 2026-12-12T19:30:00Z; scheduled actions lower the raised ceilings when the drains end: the app group 52 -> 40 at 2026-12-12T20:00:00Z; the transcoders 20 -> 12 at 2026-12-12T19:56:00Z");
    });

    it("ECS on Fargate (09:00 -> 17:30): one action per service sets MaxCapacity alone at its own drain's end", async () => {
        const plans = await chain("lower-fargate", ["09:00", "17:30"]);
        const ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
        assert.deepStrictEqual(actions(plans[0], ACTION, "-sale-lower", [["schedule"], ["scalableTargetAction"]]), [
            ["lc-us-east-1-fargate-interaction-schedule-sale-lower", "at(2026-12-12T17:06:00)", { maxCapacity: 40 }],
            ["lc-us-east-1-fargate-order-schedule-sale-lower", "at(2026-12-12T17:04:00)", { maxCapacity: 20 }],
            ["lc-us-east-1-fargate-product-schedule-sale-lower", "at(2026-12-12T17:04:00)", { maxCapacity: 12 }],
            ["lc-us-east-1-fargate-user-schedule-sale-lower", "at(2026-12-12T17:04:00)", { maxCapacity: 12 }],
        ]);
        assert.deepStrictEqual(perUp(plans), [[], []]);
    });

    it("SAE (no scheduled action lowers a rule): the rules keep the raised maximum through the drain (16:51) and drop it on the 17:30 up, the finding on that up only", async () => {
        const plans = await chain("lower-sae", AT);
        const RULE = "alicloud:sae/applicationScalingRule:ApplicationScalingRule";
        const metricMax = (p: CheckedPlan) => bounds(p, RULE, ["scalingRuleMetric", "minReplicas"], ["scalingRuleMetric", "maxReplicas"]).filter((b) => String(b[0]).endsWith("-scaling")).map((b) => [b[0], b[2]]);
        assert.deepStrictEqual(metricMax(plans[1]), [
            ["lc-cn-hangzhou-sae-interaction-scaling", 48],
            ["lc-cn-hangzhou-sae-order-scaling", 36],
            ["lc-cn-hangzhou-sae-product-scaling", 24],
            ["lc-cn-hangzhou-sae-user-scaling", 24],
        ]);
        assert.deepStrictEqual(metricMax(plans[2]), [
            ["lc-cn-hangzhou-sae-interaction-scaling", 40],
            ["lc-cn-hangzhou-sae-order-scaling", 20],
            ["lc-cn-hangzhou-sae-product-scaling", 10],
            ["lc-cn-hangzhou-sae-user-scaling", 10],
        ]);
        assert.deepStrictEqual(
            perUp(plans),
            [
                [],
                [],
                LOWERS("lc-cn-hangzhou-sae-interaction-scaling maxReplicas 48 -> 40; lc-cn-hangzhou-sae-order-scaling maxReplicas 36 -> 20; lc-cn-hangzhou-sae-product-scaling maxReplicas 24 -> 12; lc-cn-hangzhou-sae-user-scaling maxReplicas 24 -> 12"),
                [],
            ],
        );
        assert.deepStrictEqual(updates(plans[3], "alicloud:sae/applicationScalingRule:ApplicationScalingRule"), []);
    });
});

describe("SAE: an up in an event's lead, and an event drained long ago", function () {
    this.timeout(600_000);
    const RULE = "alicloud:sae/applicationScalingRule:ApplicationScalingRule";
    it("an up at 17:00Z inside eve2's lead (pre-scale 17:07Z = 01:07 GMT+8) writes one point per time: eve2's floor at 00:00, in force from the up, and its pre-scale at 01:07 (kept after the day peak's release at 17:04Z), never two points at 01:07", async () => {
        const plans = await chain("lead-sae", ["09:00", "10:25", "17:00"]);
        const rule = plans[2].resources.find((r) => r.type === RULE && r.name === "lc-cn-hangzhou-sae-user-events-20261213");
        assert.deepStrictEqual(rule?.inputs.scalingRuleTimer, {
            beginDate: "2026-12-13",
            endDate: "2026-12-13",
            period: "* * *",
            schedules: [
                { atTime: "00:00", minReplicas: 8, maxReplicas: 16 },
                { atTime: "01:07", minReplicas: 8, maxReplicas: 16 },
                { atTime: "03:30", minReplicas: 2, maxReplicas: 16 },
            ],
        });
    });
    it("an up on 2026-12-12 with an event released 2026-11-11T16:30Z: past, declares nothing, no ceilings-lowered finding", async () => {
        const [plan] = await chain("old-sae", ["09:00"]);
        const past = entry(plan, "old-sale");
        assert.strictEqual(at(past, "status"), "past");
        assert.strictEqual(at(past, "detail"), "released at 2026-11-11T16:30:00Z; declares nothing (delete it from the stack file at will)");
        assert.deepStrictEqual(findings(plan), []);
    });
});

describe("a second event never keeps a drained event's raised ceiling in force: each action's ceiling is the needs in force at its instant", function () {
    this.timeout(600_000);
    const SCHEDULE = "aws:autoscaling/schedule:Schedule";
    const GROUP = "aws:autoscaling/group:Group";
    const appActions = (p: CheckedPlan) => actions(p, SCHEDULE, "", [["startTime"], ["minSize"], ["maxSize"]]).filter((a) => String(a[0]).includes("-app-"));

    it("EC2 Auto Scaling, a later event (09:00 -> 20:30): late's pre-scale and release carry its own ceiling 40, so nothing raises the sale's 100 again after sale-lower (16:52Z), and the 20:30 up's 'lowers none in force' is true", async () => {
        const plans = await chain("lower-aws-vm-late", ["09:00", "20:30"]);
        assert.deepStrictEqual(appActions(plans[0]), [
            ["lc-us-east-1-app-schedule-late-prescale", "2026-12-12T17:30:00Z", 20, 40],
            ["lc-us-east-1-app-schedule-late-release", "2026-12-12T19:30:00Z", 4, 40],
            ["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 40],
            ["lc-us-east-1-app-schedule-sale-prescale", "2026-12-12T09:30:00Z", 50, 100],
            ["lc-us-east-1-app-schedule-sale-release", "2026-12-12T16:30:00Z", 4, 100],
        ]);
        assert.deepStrictEqual(at(entry(plans[0], "late"), "detail"), "pre-scale at 2026-12-12T17:30:00Z, release at 2026-12-12T19:30:00Z");
        assert.deepStrictEqual(bounds(plans[1], GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, []]]);
        assert.deepStrictEqual(
            at(entry(plans[1], "sale"), "detail"),
            "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 40 at 2026-12-12T16:52:00Z, so this pulumi up lowers none in force (delete the event from the stack file at will)",
        );
        assert.deepStrictEqual([findings(plans[0]), findings(plans[1])], [[], []]);
    });

    it("EC2 Auto Scaling, an overlapping event released after the sale's lowering (09:00 -> 17:40): flash's release (17:30Z) sets 4/40, not the sale's 100", async () => {
        const plans = await chain("lower-aws-vm-flash", ["09:00", "17:40"]);
        assert.deepStrictEqual(appActions(plans[0]), [
            ["lc-us-east-1-app-schedule-flash-release", "2026-12-12T17:30:00Z", 4, 40],
            ["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 40],
            ["lc-us-east-1-app-schedule-sale-prescale", "2026-12-12T09:30:00Z", 50, 100],
            ["lc-us-east-1-app-schedule-sale-release", "2026-12-12T16:30:00Z", 20, 100],
        ]);
        assert.deepStrictEqual(bounds(plans[1], GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, []]]);
        assert.match(String(at(entry(plans[1], "sale"), "detail")), /lowered the app group 100 -> 40 at 2026-12-12T16:52:00Z, so this pulumi up lowers none in force/);
    });

    it("ECS on Fargate, a later event: each service's late actions carry late's own ceiling, and the report gives each service's own lowering minute and the ceiling its last action sets", async () => {
        const [p] = await chain("lower-fargate-late", ["09:00"]);
        const ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";
        assert.deepStrictEqual(
            actions(p, ACTION, "", [["schedule"], ["scalableTargetAction"]]).filter((a) => /fargate-(user|interaction)-schedule-late/.test(String(a[0]))),
            [
                ["lc-us-east-1-fargate-interaction-schedule-late-prescale", "at(2026-12-12T17:30:00)", { minCapacity: 20, maxCapacity: 40 }],
                ["lc-us-east-1-fargate-interaction-schedule-late-release", "at(2026-12-12T19:30:00)", { minCapacity: 3, maxCapacity: 40 }],
                ["lc-us-east-1-fargate-user-schedule-late-lower", "at(2026-12-12T19:56:00)", { maxCapacity: 10 }],
                ["lc-us-east-1-fargate-user-schedule-late-prescale", "at(2026-12-12T17:30:00)", { minCapacity: 10, maxCapacity: 20 }],
                ["lc-us-east-1-fargate-user-schedule-late-release", "at(2026-12-12T19:30:00)", { minCapacity: 2, maxCapacity: 20 }],
            ],
        );
        assert.deepStrictEqual(
            at(entry(p, "sale"), "detail"),
            "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; scheduled actions lower the raised ceilings when the drains end: the user service 52 -> 10 at 2026-12-12T17:04:00Z; the product service 52 -> 10 at 2026-12-12T17:04:00Z; the order service 76 -> 20 at 2026-12-12T17:04:00Z; the interaction service 100 -> 40 at 2026-12-12T17:06:00Z",
        );
        assert.deepStrictEqual(
            at(entry(p, "late"), "detail"),
            "pre-scale at 2026-12-12T17:30:00Z, release at 2026-12-12T19:30:00Z; scheduled actions lower the raised ceilings when the drains end: the user service 20 -> 10 at 2026-12-12T19:56:00Z; the product service 20 -> 10 at 2026-12-12T19:56:00Z; the order service 32 -> 20 at 2026-12-12T19:58:00Z",
        );
        // The same minutes in the JSON the report's scaling section carries.
        assert.deepStrictEqual(
            p.scaling.schedule.map((r) => [at(r, "source"), String(at(r, "detail")).match(/\d{2}:\d{2}:00Z/g)]),
            [
                ["sale", ["09:30:00Z", "16:30:00Z", "17:04:00Z", "17:04:00Z", "17:04:00Z", "17:06:00Z"]],
                ["late", ["17:30:00Z", "19:30:00Z", "19:56:00Z", "19:56:00Z", "19:58:00Z"]],
            ],
        );
    });

    it("Kubernetes, a later event: late's jobs patch late's own maxReplicas (interaction stays 40), so its lowering job and the report start from them", async () => {
        const [p] = await chain("lower-pods-late", ["09:00"]);
        const max = (name: string) => patches(p, name).map((x) => at(x, "spec", "maxReplicas"));
        assert.deepStrictEqual(
            ["sale-prescale", "sale-release", "sale-lower", "late-prescale", "late-release", "late-lower"].map((k) => [k, max(`lc-us-east-1-services-floors-${k}`)]),
            [
                ["sale-prescale", [50, 50, 76, 100]],
                ["sale-release", [50, 50, 76, 100]],
                ["sale-lower", [10, 10, 20, 40]],
                ["late-prescale", [20, 20, 30, 40]],
                ["late-release", [20, 20, 30, 40]],
                ["late-lower", [10, 10, 20, 40]],
            ],
        );
        assert.match(String(at(entry(p, "late"), "detail")), /scheduled actions lower the raised ceilings when the drains end: the pods of user 20 -> 10 at 2026-12-12T19:58:00Z; the pods of product 20 -> 10 at 2026-12-12T19:58:00Z; the pods of order 30 -> 20 at 2026-12-12T19:58:00Z$/);
    });

    it("Alibaba Cloud ESS, a later event: late's tasks carry late's own ceilings on the app group (40) and the transcoders (20, not the sale's 40), and its transcoders' lowering task sets 12", async () => {
        const [p] = await chain("lower-alicloud-vm-late", ["09:00"]);
        const TASK = "alicloud:ess/scheduledTask:ScheduledTask";
        assert.deepStrictEqual(actions(p, TASK, "", [["launchTime"], ["minValue"], ["maxValue"]]).filter((a) => String(a[0]).includes("-late-")), [
            ["lc-cn-hangzhou-app-schedule-late-prescale", "2026-12-12T17:30Z", 20, 40],
            ["lc-cn-hangzhou-app-schedule-late-release", "2026-12-12T19:30Z", 4, 40],
            // 40 streams: 10 transcoders, ceiling 20 (the sale's 80 streams raised it to 40 until 17:02Z).
            ["lc-cn-hangzhou-video-transcoders-schedule-late-lower", "2026-12-12T19:56Z", undefined, 12],
            ["lc-cn-hangzhou-video-transcoders-schedule-late-prescale", "2026-12-12T17:30Z", 10, 20],
            ["lc-cn-hangzhou-video-transcoders-schedule-late-release", "2026-12-12T19:30Z", 2, 20],
        ]);
    });

    it("EC2 Auto Scaling, an evening peak none of whose runs falls in the sale's raised span (09:00 -> 22:00): its daily actions carry the peak's own 52, so its runs after the lowering raise nothing again, the --base judgement names no re-raise, and the 22:00 up lowers none in force", async () => {
        const plans = await chain("lower-aws-vm-evening", ["09:00", "22:00"]);
        assert.deepStrictEqual(actions(plans[0], SCHEDULE, "", [["recurrence"], ["minSize"], ["maxSize"]]).filter((x) => String(x[0]).includes("-evening-")), [
            ["lc-us-east-1-app-schedule-evening-prescale", "30 18 * * *", 26, 52],
            ["lc-us-east-1-app-schedule-evening-release", "30 21 * * *", 4, 52],
        ]);
        assert.deepStrictEqual(at(entry(plans[0], "sale"), "detail"), "pre-scale at 2026-12-12T09:30:00Z, release at 2026-12-12T16:30:00Z; scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 52 at 2026-12-12T16:52:00Z");
        assert.strictEqual(at(entry(plans[1], "sale"), "reraisedBy"), undefined);
        assert.deepStrictEqual(
            at(entry(plans[1], "sale"), "detail"),
            "released at 2026-12-12T16:30:00Z; its estimated drain has ended: the scheduled actions the --base plan declared lowered the app group 100 -> 52 at 2026-12-12T16:52:00Z, so this pulumi up lowers none in force (delete the event from the stack file at will)",
        );
        assert.deepStrictEqual([findings(plans[0]), findings(plans[1])], [[], []]);
    });

    it("an up in the lowering's own minute or just after it (09:00 -> 16:52 -> 16:54 -> 16:55, lowering 16:52Z) keeps it declared unchanged, since EC2 Auto Scaling may run it up to two minutes late; the 16:55 up removes it and lowers none in force", async () => {
        const plans = await chain("lower-aws-vm-no-peak", ["09:00", "16:52", "16:54", "16:55"]);
        for (const p of plans.slice(1, 3)) {
            assert.deepStrictEqual(actions(p, SCHEDULE, "-sale-lower", [["startTime"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", 40]]);
            assert.deepStrictEqual(bounds(p, GROUP, ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, ["minSize", "maxSize"]]]);
            assert.match(String(at(entry(p, "sale"), "detail")), /scheduled actions lower the raised ceilings when the drains end: the app group 100 -> 40 at 2026-12-12T16:52:00Z \(keep the event in the stack file; delete it after 2026-12-12T16:55:00Z\)$/);
        }
        assert.deepStrictEqual(updates(plans[2], SCHEDULE), []);
        assert.deepStrictEqual(updates(plans[3], SCHEDULE), [["lc-us-east-1-app-schedule-sale-lower", "delete", []]]);
        assert.match(String(at(entry(plans[3], "sale"), "detail")), /lowered the app group 100 -> 40 at 2026-12-12T16:52:00Z, so this pulumi up lowers none in force/);
        assert.deepStrictEqual(plans.map(findings), [[], [], [], []]);
    });

    it("Kubernetes, an up in the lowering job's minute (09:00 -> 17:06, job at 17:06Z): the CronJob stays (deleting it would delete its running Job) and the HPAs stay with the schedules", async () => {
        const plans = await chain("lower-pods-no-peak", ["09:00", "17:06"]);
        assert.deepStrictEqual(patches(plans[1], "lc-us-east-1-services-floors-sale-lower"), [{ spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 10 } }, { spec: { maxReplicas: 20 } }, { spec: { maxReplicas: 40 } }]);
        assert.deepStrictEqual(updates(plans[1], "kubernetes:batch/v1:CronJob").filter((u) => String(u[0]).endsWith("-sale-lower")), []);
        for (const b of bounds(plans[1], "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", ["spec", "minReplicas"], ["spec", "maxReplicas"])) assert.deepStrictEqual(b[3], ["spec.minReplicas", "spec.maxReplicas"]);
    });
});

describe("a lowering never cuts a running event's ceiling nor sets a maximum below the minimum", function () {
    this.timeout(600_000);
    const SCHEDULE = "aws:autoscaling/schedule:Schedule";
    const ACTION = "aws:appautoscaling/scheduledAction:ScheduledAction";

    it("EC2 Auto Scaling, an up in eve2's lead during the sale's drain (09:00 -> 16:45, eve2 pre-scale 16:53Z): the up sends 30/100 and sale-lower at 16:52Z carries eve2's 60, not 40", async () => {
        const plans = await chain("lead-aws-vm", ["09:00", "16:45"]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 30, 100, []]]);
        assert.deepStrictEqual(actions(plans[1], SCHEDULE, "", [["startTime"], ["minSize"], ["maxSize"]]).filter((a) => String(a[0]).includes("-app-")), [
            ["lc-us-east-1-app-schedule-eve2-lower", "2026-12-12T19:50:00Z", -1, 40],
            ["lc-us-east-1-app-schedule-eve2-release", "2026-12-12T19:30:00Z", 4, 60],
            ["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:52:00Z", -1, 60],
        ]);
    });

    it("ECS on Fargate, an up in eve2's lead during the sale's drain (09:00 -> 16:58, eve2 pre-scale 17:07Z): each service's sale-lower keeps eve2's ceiling, never below the minimum the up sends (user 16/52, lowered to 32)", async () => {
        const plans = await chain("lead-fargate", ["09:00", "16:58"]);
        assert.deepStrictEqual(bounds(plans[1], "aws:appautoscaling/target:Target", ["minCapacity"], ["maxCapacity"]).filter((b) => String(b[0]).includes("-fargate-")), [
            ["lc-us-east-1-fargate-interaction-target", 30, 100, []],
            ["lc-us-east-1-fargate-order-target", 24, 76, []],
            ["lc-us-east-1-fargate-product-target", 16, 52, []],
            ["lc-us-east-1-fargate-user-target", 16, 52, []],
        ]);
        assert.deepStrictEqual(actions(plans[1], ACTION, "-sale-lower", [["schedule"], ["scalableTargetAction"]]), [
            ["lc-us-east-1-fargate-interaction-schedule-sale-lower", "at(2026-12-12T17:06:00)", { maxCapacity: 60 }],
            ["lc-us-east-1-fargate-order-schedule-sale-lower", "at(2026-12-12T17:04:00)", { maxCapacity: 48 }],
            ["lc-us-east-1-fargate-product-schedule-sale-lower", "at(2026-12-12T17:04:00)", { maxCapacity: 32 }],
            ["lc-us-east-1-fargate-user-schedule-sale-lower", "at(2026-12-12T17:04:00)", { maxCapacity: 32 }],
        ]);
    });

    it("Kubernetes, an up in eve2's lead during the sale's drain (09:00 -> 16:58): the HPAs carry eve2's floors and the lowering job patches eve2's maxReplicas, never below minReplicas", async () => {
        const plans = await chain("lead-pods", ["09:00", "16:58"]);
        assert.deepStrictEqual(bounds(plans[1], "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", ["spec", "minReplicas"], ["spec", "maxReplicas"]).map((b) => b.slice(1, 3)), [
            [30, 100],
            [23, 76],
            [15, 50],
            [15, 50],
        ]);
        assert.deepStrictEqual(at(plans[1].resources.find((r) => r.name === "lc-us-east-1-services-floors-sale-lower")?.inputs, "spec", "schedule"), "6 17 12 12 *");
        assert.deepStrictEqual(patches(plans[1], "lc-us-east-1-services-floors-sale-lower"), [{ spec: { maxReplicas: 30 } }, { spec: { maxReplicas: 30 } }, { spec: { maxReplicas: 46 } }, { spec: { maxReplicas: 60 } }]);
        // The HPAs carry no ignoreChanges: the report says the up sets their bounds, not the schedules.
        for (const b of bounds(plans[1], "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", ["spec", "minReplicas"], ["spec", "maxReplicas"])) assert.deepStrictEqual(b[3], []);
        assert.match(
            String(at(entry(plans[1], "sale"), "detail")),
            /until about 2026-12-12T17:06:00Z; this pulumi up sets their bounds itself \(eve2's floors, the raised ceiling kept\); scheduled actions lower the raised ceilings when the drains end: the pods of user 50 -> 30 at 2026-12-12T17:06:00Z;/,
        );
    });

    it("EC2 Auto Scaling, a lowering moved off two pre-scale minutes (eve 16:52Z, eve2 16:53Z): sale-lower runs at 16:54Z with eve2's 60, not eve's 52", async () => {
        const [plan] = await chain("moved-aws-vm", ["09:00"]);
        assert.deepStrictEqual(actions(plan, SCHEDULE, "-sale-lower", [["startTime"], ["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-lower", "2026-12-12T16:54:00Z", -1, 60]]);
        assert.deepStrictEqual(actions(plan, SCHEDULE, "-prescale", [["startTime"], ["minSize"], ["maxSize"]]).filter((a) => String(a[0]).includes("-app-")), [
            ["lc-us-east-1-app-schedule-eve-prescale", "2026-12-12T16:52:00Z", 26, 52],
            ["lc-us-east-1-app-schedule-eve2-prescale", "2026-12-12T16:53:00Z", 30, 60],
            ["lc-us-east-1-app-schedule-sale-prescale", "2026-12-12T09:30:00Z", 50, 100],
        ]);
    });
});

describe("reraisedInBase: a lowering the --base plan declared is re-raised only by a later run of its recurring actions with a higher ceiling on the same scaled resource", () => {
    const NOW = Date.parse("2026-12-12T17:10:00Z");
    const VIDEO = "urn:pulumi:ackpk::live-commerce::live-commerce:alicloud:Video::lc-cn-hangzhou-video";
    const task = (name: string, launchTime: string, maxValue: number, cron?: string) => ({
        name: `lc-cn-hangzhou-video-transcoders-schedule-${name}`,
        type: "alicloud:ess/scheduledTask:ScheduledTask",
        parent: VIDEO,
        inputs: { launchTime, maxValue, ...(cron === undefined ? {} : { recurrenceType: "Cron", recurrenceValue: cron, recurrenceEndTime: "2027-03-11T00:00Z" }) },
    });
    /** A floor job patching the HPA `hpa` (namespace live-commerce) with `patch`, on `schedule` in `timeZone`. */
    const job = (name: string, schedule: string, timeZone: string, patches: readonly (readonly [string, Record<string, number>])[]) => ({
        name: `lc-cn-hangzhou-services-floors-${name}`,
        type: "kubernetes:batch/v1:CronJob",
        inputs: {
            spec: {
                schedule,
                timeZone,
                jobTemplate: { spec: { template: { spec: { containers: patches.map(([hpa, spec]) => ({ name: hpa, args: ["patch", "hpa", hpa, "--namespace", "live-commerce", "--type", "merge", "--patch", JSON.stringify({ spec })] })) } } } },
            },
        },
    });

    it("ESS: the transcoders' day-release (17:04Z) after their lowering (17:02Z) re-raises them only when it carries more than the lowered 12", () => {
        const lower = task("sale-lower", "2026-12-12T17:02Z", 12);
        assert.deepStrictEqual(reraisedInBase([lower, task("day-release-1704-all", "2026-12-12T17:04Z", 40, "4 17 * * *")], "sale", NOW), [Date.parse("2026-12-12T17:02:00Z")]);
        assert.deepStrictEqual(reraisedInBase([lower, task("day-release-1704-all", "2026-12-12T17:04Z", 12, "4 17 * * *")], "sale", NOW), []);
        // Not yet run at 17:03.
        assert.deepStrictEqual(reraisedInBase([lower, task("day-release-1704-all", "2026-12-12T17:04Z", 40, "4 17 * * *")], "sale", Date.parse("2026-12-12T17:03:00Z")), []);
    });

    it("Kubernetes (ackpk's 17:03 base): the pods' day-release job (17:04 Europe/London) runs before their lowering job (17:06Z), so nothing is re-raised; run after it, each HPA is judged by its own patch", () => {
        const lower = job("sale-lower", "6 17 12 12 *", "Etc/UTC", [["user", { maxReplicas: 26 }], ["interaction", { maxReplicas: 52 }]]);
        const release = (schedule: string, interaction: number) => job("day-release", schedule, "Europe/London", [["user", { minReplicas: 2, maxReplicas: 26 }], ["interaction", { minReplicas: 3, maxReplicas: interaction }]]);
        assert.deepStrictEqual(reraisedInBase([lower, release("4 17 * * *", 100)], "sale", NOW), []);
        assert.deepStrictEqual(reraisedInBase([lower, release("8 17 * * *", 100)], "sale", NOW), [Date.parse("2026-12-12T17:06:00Z")]);
        assert.deepStrictEqual(reraisedInBase([lower, release("8 17 * * *", 52)], "sale", NOW), []);
    });
});

describe("an event's audience lowered while it runs to one that lifts no tier: its release still lowers the floors, the floor alone", function () {
    this.timeout(600_000);
    const floorLeft = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === FLOOR_LEFT_RAISED_FINDING).map((v) => v.message.split(" (a lower floor")[0].split(", so the floor stays ")[1]);

    it("EC2 Auto Scaling (200,000 at 09:00 -> 2,000 at 14:00): the app group's release sets MinSize 4 alone (MaxSize -1) at 16:30Z, the Aurora readers' MinCapacity 1 alone; the raised floors stay only until then, and the group's bounds stay with the schedules", async () => {
        const plans = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["tiny-aws-vm", "14:00"]]);
        assert.deepStrictEqual(actions(plans[1], "aws:autoscaling/schedule:Schedule", "", [["startTime"], ["minSize"], ["maxSize"], ["desiredCapacity"]]), [["lc-us-east-1-app-schedule-sale-release-floor", "2026-12-12T16:30:00Z", 4, -1, -1]]);
        assert.deepStrictEqual(actions(plans[1], "aws:appautoscaling/scheduledAction:ScheduledAction", "", [["schedule"], ["scalableTargetAction"]]), [["lc-us-east-1-read-capacity-schedule-sale-release-floor", "at(2026-12-12T16:30:00)", { minCapacity: 1 }]]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, ["minSize", "maxSize"]]]);
        // Without the floor release the raised floors stayed "for good"; now they stay until the release's own instant.
        assert.deepStrictEqual(floorLeft(plans[1]), [
            "50 until lc-us-east-1-app-schedule-sale-release-floor sets 4 at 2026-12-12T16:30:00Z; keep the stack file as it was until the floor is released",
            "13 until lc-us-east-1-read-capacity-schedule-sale-release-floor sets 1 at 2026-12-12T16:30:00Z; keep the stack file as it was until the floor is released",
        ]);
        assert.deepStrictEqual([at(entry(plans[1], "sale"), "status"), String(at(entry(plans[1], "sale"), "detail")).split("; ").at(-1)], [
            "inProgress",
            "its release at 2026-12-12T16:30:00Z still lowers the floor of each tier it lifts no more, alone (floor releases: MinSize only, the ceilings in force stay until the next action that sets them), in case an earlier pulumi up raised them for a larger audience",
        ]);
        // After the release the event declares nothing any more.
        const after = await chainOf([["tiny-aws-vm", "14:00"], ["tiny-aws-vm", "16:31"]]);
        assert.deepStrictEqual(after[1].resources.filter((r) => r.name.includes("release-floor")).map((r) => r.name), []);
    });

    it("after the release minute: the pods' floor job stays declared through the retention (a job may start 600 s late), the AWS and ESS actions, which run once and refuse a past instant, do not", async () => {
        const declared = async (stack: string, hhmm: string) => (await chainOf([[stack, hhmm]]))[0].resources.filter((r) => /-sale-release(-floor)?$/.test(r.name)).map((r) => r.name);
        assert.deepStrictEqual(await declared("tiny-pods", "16:35"), ["lc-us-east-1-services-floors-sale-release"]);
        // The report keeps the event while its job is declared, never "delete it at will".
        assert.deepStrictEqual(at(entry((await chainOf([["tiny-pods", "16:35"]]))[0], "sale"), "detail"), "released at 2026-12-12T16:30:00Z; the pods' floor jobs keep the release declared until 2026-12-12T16:50:00Z, where it may still start late; the other tiers' scheduled actions run once at their instant and are not kept (a new one with a past instant is refused) (its floor release; keep the event in the stack file, as it is, until then)");
        assert.deepStrictEqual(await declared("tiny-pods", "16:51"), []);
        assert.deepStrictEqual(await declared("tiny-aws-vm", "16:35"), []);
        assert.deepStrictEqual(await declared("tiny-alicloud-vm", "16:35"), []);
    });

    it("EC2 Auto Scaling with the day peak open at the release (11:00-18:00 London): the release sets the peak's floor 26, never the everyday 4 under the open peak", async () => {
        const plans = await chainOf([["tiny-aws-vm-peak", "14:00"]]);
        assert.deepStrictEqual(actions(plans[0], "aws:autoscaling/schedule:Schedule", "-release-floor", [["minSize"], ["maxSize"]]), [["lc-us-east-1-app-schedule-sale-release-floor", 26, -1]]);
    });

    it("Alibaba Cloud ESS: tasks that set MinValue alone on the app group (4) and the transcoders (2) at 16:30Z", async () => {
        const plans = await chainOf([["tiny-alicloud-vm", "14:00"]]);
        assert.deepStrictEqual(actions(plans[0], "alicloud:ess/scheduledTask:ScheduledTask", "", [["launchTime"], ["minValue"], ["maxValue"], ["desiredCapacity"]]), [
            ["lc-cn-hangzhou-app-schedule-sale-release-floor", "2026-12-12T16:30Z", 4, undefined, undefined],
            ["lc-cn-hangzhou-video-transcoders-schedule-sale-release-floor", "2026-12-12T16:30Z", 2, undefined, undefined],
        ]);
    });

    it("Kubernetes and ECS on Fargate: the pods' job patches minReplicas alone (the everyday floors), each ECS service's action sets MinCapacity alone", async () => {
        // The job keeps the full release's name: an earlier up's release CronJob is updated in place, never deleted while its Job may run.
        const [pods] = await chainOf([["tiny-pods", "14:00"]]);
        assert.deepStrictEqual(patches(pods, "lc-us-east-1-services-floors-sale-release"), [{ spec: { minReplicas: 2 } }, { spec: { minReplicas: 2 } }, { spec: { minReplicas: 3 } }, { spec: { minReplicas: 3 } }]);
        assert.deepStrictEqual(at(pods.resources.find((r) => r.name === "lc-us-east-1-services-floors-sale-release")?.inputs, "spec", "schedule"), "30 16 12 12 *");
        const [fargate] = await chainOf([["tiny-fargate", "14:00"]]);
        assert.deepStrictEqual(
            actions(fargate, "aws:appautoscaling/scheduledAction:ScheduledAction", "-release-floor", [["scalableTargetAction"]]).filter((a) => String(a[0]).includes("fargate")),
            [["interaction", 3], ["order", 3], ["product", 2], ["user", 2]].map(([s, n]) => [`lc-us-east-1-fargate-${s}-schedule-sale-release-floor`, { minCapacity: n }]),
        );
    });
});

describe("an up inside a recurring peak's open window, the stack file unchanged", function () {
    this.timeout(600_000);

    it("ESS (09:00 -> 12:00, day peak pre-scaled at 10:30Z): no floor is reported left raised, since the recurring tasks Pulumi keeps hold the peak's floor (their first run as created, not the next one computed from the up)", async () => {
        const plans = await chainOf([["peak-alicloud-vm", "09:00"], ["peak-alicloud-vm", "12:00"]]);
        assert.deepStrictEqual(plans[1].policy.violations.filter((v) => v.policy === FLOOR_LEFT_RAISED_FINDING || v.policy === CEILINGS_LOWERED_FINDING).map((v) => v.message), []);
    });
});

describe("an up inside a running event never cuts the ceiling in force without saying so", function () {
    this.timeout(600_000);
    const cuts = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === CEILING_CUT_FINDING).map((v) => v.message.split(": the cloud removes")[0]);
    const lowered = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === CEILINGS_LOWERED_FINDING).map((v) => v.message);

    it("EC2 Auto Scaling, the audience lowered 200,000 -> 100,000 while the sale runs (09:00 -> 12:00): the up asserts 26/52 against the 100 the pre-scale set, a finding naming both", async () => {
        const plans = await chainOf([["lower-aws-vm-no-peak", "09:00"], ["upgrade-growth-vm", "12:00"]]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 26, 52, []]]);
        assert.deepStrictEqual(cuts(plans[1]), ["lc-us-east-1-app-group: this pulumi up sets the ceiling 52 while 100 is in force, set by lc-us-east-1-app-schedule-sale-prescale (2026-12-12T09:30:00Z)"]);
    });

    it("EC2 Auto Scaling, lowered to 60,000 after an up inside the window (10:00 -> 14:00): the up sends maxSize 40 against the 100 it asserted; the cut is the finding, not 'nothing is sent'", async () => {
        const plans = await chainOf([["lower-aws-vm-no-peak", "10:00"], ["edit-aws-vm-small", "14:00"]]);
        assert.deepStrictEqual(cuts(plans[1]), ["lc-us-east-1-app-group: this pulumi up sets the ceiling 40 while 100 is in force, set by the --base plan's pulumi up (2026-12-12T10:00:00Z)"]);
        assert.deepStrictEqual(lowered(plans[1]), []);
    });

    it("Kubernetes, the same edit: each HPA whose maxReplicas this up cuts is named", async () => {
        const plans = await chainOf([["lower-pods-no-peak", "10:00"], ["edit-pods-small", "14:00"]]);
        assert.deepStrictEqual(cuts(plans[1]).map((m) => m.split(": this pulumi up sets the ceiling ")[0]), ["interaction", "order", "product", "user"].map((s) => `lc-us-east-1-services-${s}-hpa`));
    });

    it("a compute change while the sale runs (vm -> kubernetes, 09:00 -> 12:00): the app group and its lowering go together, so no ceiling is said to stay in force on it", async () => {
        const plans = await chainOf([["upgrade-growth-vm", "09:00"], ["upgrade-growth-pods", "12:00"]]);
        assert.deepStrictEqual(lowered(plans[1]).filter((m) => m.includes("-app-schedule-")), []);
    });

    it("SAE, the audience lowered 80,000 -> 50,000 while the sale runs (10:00 -> 12:00): the rewritten day rule's point in force holds fewer instances at most, a finding per application it cuts", async () => {
        const plans = await chainOf([["edit-sae-sale", "10:00"], ["edit-sae-smaller", "12:00"]]);
        const found = plans[1].policy.violations.filter((v) => v.policy === CEILING_CUT_FINDING).map((v) => v.message.split(": this pulumi up rewrites")[0]);
        assert.ok(found.length > 0 && found.every((name) => /-events-20261212$/.test(name)), found.join("\n"));
        assert.match(plans[1].policy.violations.find((v) => v.policy === CEILING_CUT_FINDING)?.message ?? "", /holds at most \d+ instances, while its point of 2026-12-1\dT\d\d:\d\d:00Z holds \d+ in the --base plan: SAE applies the rewritten rule at once/);
        const same = await chainOf([["edit-sae-sale", "10:00"], ["edit-sae-sale", "12:00"]]);
        assert.deepStrictEqual(same[1].policy.violations.filter((v) => v.policy === CEILING_CUT_FINDING), []);
    });

    it("overlapping events, the first lowered to 2,000 while it runs (08:00 -> 12:00): eve's pre-scale, no longer merged into the sale's release, sets 52 at 14:30Z while the sale's 100 is in force: named, though eve's later lowering covers the sale's", async () => {
        const plans = await chainOf([["overlap-aws-vm", "08:00"], ["overlap-aws-vm-small", "12:00"]]);
        assert.deepStrictEqual(
            lowered(plans[1]).map((m) => m.split("the raised ceiling stays in force ")[1]?.split("; keep")[0]),
            ["until lc-us-east-1-app-schedule-eve-prescale sets it to 52 at 2026-12-12T14:30:00Z, which removes the capacity above 52 at once, whatever the load"],
        );
    });

    it("the same with a larger flash sale inside: the cut comes from flash's lowering (40 at 14:23Z) after its pre-scale raised 128, and is named", async () => {
        const plans = await chainOf([["overlap3-aws-vm", "08:00"], ["overlap3-aws-vm-small", "12:00"]]);
        assert.deepStrictEqual(
            lowered(plans[1]).map((m) => m.split("the raised ceiling stays in force ")[1]?.split("; keep")[0]),
            ["until lc-us-east-1-app-schedule-flash-prescale sets it to 128 at 2026-12-12T12:30:00Z; then lc-us-east-1-app-schedule-flash-lower sets it to 40 at 2026-12-12T14:23:00Z, which removes the capacity above 40 at once, whatever the load"],
        );
    });

    it("an event extended after its release ran, on a base whose up inside the window put the raised floor in Pulumi's state (10:00 -> 16:40): the up asserts 50 but sends nothing, a finding advising --refresh", async () => {
        const plans = await chainOf([["lower-aws-vm-no-peak", "10:00"], ["extended-aws-vm", "16:40"]]);
        assert.deepStrictEqual(
            plans[1].policy.violations.filter((v) => v.policy === BOUND_NOT_SENT_FINDING).map((v) => v.message),
            [
                "lc-us-east-1-app-group: this pulumi up asserts the floor 50, which Pulumi's state already holds (the --base plan's pulumi up of 2026-12-12T10:00:00Z), so nothing is sent, while lc-us-east-1-app-schedule-sale-release has set 4 since (2026-12-12T16:30:00Z): the floor stays 4; run this pulumi up as pulumi up --refresh (the refresh reads 4 into state, so the up sends 50)",
                "lc-us-east-1-read-capacity-target: this pulumi up asserts the floor 13, which Pulumi's state already holds (the --base plan's pulumi up of 2026-12-12T10:00:00Z), so nothing is sent, while lc-us-east-1-read-capacity-schedule-sale-release has set 1 since (2026-12-12T16:30:00Z): the floor stays 1; run this pulumi up as pulumi up --refresh (the refresh reads 1 into state, so the up sends 13)",
            ],
        );
        // After an up in the release's retention (16:35, released 4/100 asserted) the lowering set 40 at 16:52: the
        // extension at 17:10 asserts 50/100, sends the floor, and not the ceiling its state already holds.
        const late = await chainOf([["lower-aws-vm-no-peak", "10:00"], ["lower-aws-vm-no-peak", "16:35"], ["extended-aws-vm", "17:10"]]);
        assert.deepStrictEqual(
            late[2].policy.violations.filter((v) => v.policy === BOUND_NOT_SENT_FINDING).map((v) => v.message),
            [
                "lc-us-east-1-app-group: this pulumi up asserts the ceiling 100, which Pulumi's state already holds (an earlier pulumi up sent it), so nothing is sent, while lc-us-east-1-app-schedule-sale-lower has set 40 since (2026-12-12T16:52:00Z): the ceiling stays 40 (a floor this up sends above it is refused); run this pulumi up as pulumi up --refresh (the refresh reads 40 into state, so the up sends 100)",
            ],
        );
        // The event's ordinary life with the stack file unchanged (ups inside the window, a minute before the
        // release, just after it, after the drain): nothing to say, on a group and on the pods.
        for (const stack of ["lower-aws-vm-no-peak", "lower-pods-no-peak"]) {
            const life = await chainOf(["10:00", "14:00", "16:29", "16:31", "17:30"].map((t) => [stack, t] as const));
            assert.deepStrictEqual(
                life.flatMap((p) => p.policy.violations.filter((v) => v.policy === BOUND_NOT_SENT_FINDING || v.policy === CEILING_CUT_FINDING).map((v) => v.message)),
                [],
                stack,
            );
        }
        // With the day peak too, through its release (18:30Z) and the next up: the --base plan's
        // ignoreChanges are read back, so a bound the schedules own is never taken for one its up sent.
        const withPeak = await chainOf(["10:00", "14:00", "16:31", "17:30", "18:35", "19:00"].map((t) => ["lower-aws-vm", t] as const));
        assert.deepStrictEqual(
            withPeak.flatMap((p) => p.policy.violations.filter((v) => [BOUND_NOT_SENT_FINDING, CEILING_CUT_FINDING, FLOOR_LEFT_RAISED_FINDING].includes(v.policy)).map((v) => v.message)),
            [],
        );
    });

    it("SAE, a daily peak lowered or deleted while its window is open (18:30 -> 19:00Z): the rewritten rules allow fewer instances at once, a finding per application; the same edit after the release, none", async () => {
        const cut = (p: CheckedPlan) => p.policy.violations.filter((v) => v.policy === CEILING_CUT_FINDING).map((v) => v.message.split(": SAE applies")[0]);
        const lowered = await chainOf([["peak-sae", "18:30"], ["peak-sae-smaller", "19:00"]]);
        assert.deepStrictEqual(cut(lowered[1])[0], "lc-cn-hangzhou-sae-interaction-scaling: this pulumi up rewrites the SAE rule so that it allows at most 52 instances now (its daily point of 01:30 (GMT+8)), while its daily point of 01:30 (GMT+8) allows 100 in the --base plan");
        const deleted = await chainOf([["peak-sae", "18:30"], ["edit-sae-none", "19:00"]]);
        assert.deepStrictEqual(cut(deleted[1])[0], "lc-cn-hangzhou-sae-interaction-scaling: this pulumi up rewrites the SAE rule so that it allows at most 40 instances now (its metric rule), while its daily point of 01:30 (GMT+8) allows 100 in the --base plan");
        const afterwards = await chainOf([["peak-sae", "18:30"], ["peak-sae-smaller", "23:00"]]);
        assert.deepStrictEqual(cut(afterwards[1]), []);
    });

    it("Kubernetes, the event deleted a minute after its release (09:00 -> 16:31): the release job may not have started (600 s start window) and this up deletes its CronJob, so each HPA's raised floor is a finding", async () => {
        const plans = await chainOf([["lower-pods-no-peak", "09:00"], ["lower-pods-no-event", "16:31"]]);
        assert.deepStrictEqual(
            plans[1].policy.violations.filter((v) => v.policy === FLOOR_LEFT_RAISED_FINDING).map((v) => v.message.split(": the floor in force")[0]).sort(),
            ["interaction", "order", "product", "user"].map((s) => `lc-us-east-1-services-${s}-hpa`),
        );
        // Deleted once the start window has passed (16:41): the job has run, nothing to say about the HPAs.
        const later = await chainOf([["lower-pods-no-peak", "09:00"], ["lower-pods-no-event", "16:41"]]);
        assert.deepStrictEqual(later[1].policy.violations.filter((v) => v.policy === FLOOR_LEFT_RAISED_FINDING && v.message.includes("-hpa:")), []);
    });

    it("an up inside the sale after a peak's run and its restore set the peaks' one ceiling (152, holding the flash sale's need): the up asserts it, never the sale's own 100 (08:00 -> 11:00)", async () => {
        const plans = await chainOf([["flash-wk-aws-vm", "08:00"], ["flash-wk-aws-vm", "11:00"]]);
        assert.deepStrictEqual(bounds(plans[1], "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 50, 152, []]]);
        assert.deepStrictEqual(plans[1].policy.violations.filter((v) => v.policy === CEILING_CUT_FINDING), []);
    });

    it("an edit that keeps the ceiling (the stack file unchanged, or a stage upgrade to a larger everyday ceiling) is no cut", async () => {
        const same = await chainOf([["lower-aws-vm-no-peak", "10:00"], ["lower-aws-vm-no-peak", "14:00"]]);
        const upgraded = await chainOf([["upgrade-growth-vm", "09:00"], ["upgrade-mature-vm", "12:30"]]);
        assert.deepStrictEqual([cuts(same[1]), cuts(upgraded[1])], [[], []]);
    });

    it("a released event of long ago never makes an up inside a running event lower the ceiling the running event's pre-scale raised (no 'lowered' bounds asserted while an event runs)", async () => {
        const [vm] = await chainOf([["tiny-aws-vm-old", "12:00"]]);
        assert.deepStrictEqual(bounds(vm, "aws:autoscaling/group:Group", ["minSize"], ["maxSize"]), [["lc-us-east-1-app-group", 4, 40, ["minSize", "maxSize"]]]);
        const [pods] = await chainOf([["tiny-pods-old", "12:00"]]);
        assert.deepStrictEqual(
            pods.resources.filter((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler").map((r) => r.ignoreChanges ?? []),
            [0, 1, 2, 3].map(() => ["spec.minReplicas", "spec.maxReplicas"]),
        );
    });
});
