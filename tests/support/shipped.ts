// Plans of the shipped stacks (stacks/), made once per test process and shared by every suite.
// A plan is deterministic (tests/plan.test.ts asserts the same bytes twice), so planning a stack
// again in another suite would only repeat the same work. Plans are deeply frozen: a suite that
// wants to break a resource copies it first.

import { Plan, planStack } from "../../tools/lib/record";
import { listStacks } from "../../tools/lib/stackfiles";
import { deepFreeze } from "../../policies/lib/values";

const plans = new Map<string, Promise<Plan>>();
/** The runtime runs one program at a time: plans are made one after the other. */
let queue: Promise<unknown> = Promise.resolve();

/** The plan of a stack file in stacks/; fails for any other name. */
export function shippedPlan(stack: string): Promise<Plan> {
    const hit = plans.get(stack);
    if (hit !== undefined) return hit;
    if (!listStacks().includes(stack)) return Promise.reject(new Error(`${stack} is not a shipped stack (${listStacks().join(", ")})`));
    const next = queue.then(() => planStack(stack)).then(deepFreeze);
    queue = next.catch(() => undefined);
    plans.set(stack, next);
    return next;
}

/** Whether `stack` names a stack file in stacks/. */
export function isShipped(stack: string): boolean {
    return listStacks().includes(stack);
}

const previews = new Map<string, Promise<Plan>>();

/** The plan of a shipped stack as a first `pulumi preview` sees it (plan --preview), made once. */
export function shippedPreviewPlan(stack: string): Promise<Plan> {
    const hit = previews.get(stack);
    if (hit !== undefined) return hit;
    if (!listStacks().includes(stack)) return Promise.reject(new Error(`${stack} is not a shipped stack (${listStacks().join(", ")})`));
    const next = queue.then(() => planStack(stack, undefined, { preview: true })).then(deepFreeze);
    queue = next.catch(() => undefined);
    previews.set(stack, next);
    return next;
}
