// Plans of the real program for the cross-region tests, computed once per test run and shared by
// the edge, video and global database tests: the six stack files of stacks/ plus a few variants
// written to one temporary stacks directory.

import { Plan, planStack } from "../../tools/lib/record";
import { list, rawConfig, stackDir, stackFile } from "../helpers";
import { shippedPlan } from "../support/shipped";

export const STACK_FILES = ["startup-aws", "startup-alicloud", "growth-aws", "growth-alicloud", "mature-aws", "mature-alicloud"] as const;

export const ACM_ARN = "arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0123-4567-89ab-0123456789ab";
export const ZONE_ID = "Z0123456789ABCDEFGHIJ";
export const SINGAPORE = { name: "ap-southeast-1", zones: ["ap-southeast-1a", "ap-southeast-1b", "ap-southeast-1c"] };

/** Variants: a certificate and a given zone on AWS; two and three mature regions on Alibaba Cloud; a CAS certificate. */
export const VARIANTS = ["aws-cert-zone", "ali-two", "ali-three", "ali-cas"] as const;
export type StackName = (typeof STACK_FILES)[number] | (typeof VARIANTS)[number];

function variantsDir(): string {
    return stackDir({
        "aws-cert-zone": stackFile(rawConfig("mature", "aws", { cdn: { certificate: ACM_ARN }, dns: { zoneId: ZONE_ID } })),
        "ali-two": stackFile(rawConfig("mature", "alicloud")),
        "ali-three": stackFile(rawConfig("mature", "alicloud", { regions: [...list(rawConfig("mature", "alicloud").regions), SINGAPORE] })),
        "ali-cas": stackFile(rawConfig("growth", "alicloud", { cdn: { certificate: "12345", certificateNames: ["live.example.com", "*.live.example.com"] } })),
    });
}

let cached: Promise<ReadonlyMap<StackName, Plan>> | undefined;

/** Every plan, computed on first use (the runtime runs one program at a time, so sequentially). */
export function globalPlans(): Promise<ReadonlyMap<StackName, Plan>> {
    if (cached === undefined) {
        cached = (async () => {
            const out = new Map<StackName, Plan>();
            for (const stack of STACK_FILES) out.set(stack, await shippedPlan(stack));
            const dir = variantsDir();
            for (const stack of VARIANTS) out.set(stack, await planStack(stack, dir));
            return out;
        })();
    }
    return cached;
}

/** Registers a mocha `before` hook that computes the plans; returns the accessor for the tests. */
export function useGlobalPlans(): (stack: StackName) => Plan {
    let all: ReadonlyMap<StackName, Plan> | undefined;
    before(async function () {
        all = await globalPlans();
    });
    return (stack) => {
        const p = all?.get(stack);
        if (p === undefined) throw new Error(`stack ${stack} not planned (before() hook not run?)`);
        return p;
    };
}

/** A region's stack output `key` (outputs.regions.<region>.<key>) as a non-empty string; fails otherwise. */
export function regionOutput(plan: Plan, region: string, key: string): string {
    const regions = plan.outputs.regions;
    const r = typeof regions === "object" && regions !== null && !Array.isArray(regions) ? Object.entries(regions).find(([k]) => k === region)?.[1] : undefined;
    const v = typeof r === "object" && r !== null && !Array.isArray(r) ? Object.entries(r).find(([k]) => k === key)?.[1] : undefined;
    if (typeof v !== "string" || v === "") throw new Error(`${plan.stack}: no output regions.${region}.${key}`);
    return v;
}
