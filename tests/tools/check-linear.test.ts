// `check` is linear in its input: the work it does per resource does not grow with the stack. Wall
// time belongs in `npm run bench` (the 2/20/200 MB rows); here the work is counted structurally, as
// reads of the resources' fields, over k and 2k copies of a shipped plan (distinct URNs and ids,
// references inside each copy): a lookup that scans every resource per resource would read four
// times as much at 2k, a linear check about twice.

import * as assert from "assert";

import { analyzeFlows } from "../../policies/flows/analyze";
import { EvalResource } from "../../tools/lib/evaluate";
import { evaluateStack, parseInput } from "../../tools/lib/inputs";
import { replicate } from "../../tools/lib/replicate";
import { shippedPlan } from "../support/shipped";

/** The resources of `copies` copies of the stack's plan, each behind a proxy counting field reads into `reads`. */
async function counted(stack: string, copies: number, reads: { n: number }): Promise<EvalResource[]> {
    const plan = await shippedPlan(stack);
    const [input] = parseInput({ stack: plan.stack, stage: plan.stage, cloud: plan.cloud, resources: replicate(plan.resources, copies) }, stack);
    return input.resources.map(
        (r) =>
            new Proxy(r, {
                get: (target, key, receiver) => {
                    reads.n++;
                    return Reflect.get(target, key, receiver);
                },
            }),
    );
}

describe("check is linear in its input", function () {
    this.timeout(120_000);
    for (const stack of ["growth-aws", "mature-alicloud"]) {
        it(`${stack}: twice the resources, about twice the reads (flows, policies, conformance, availability)`, async () => {
            const work = async (copies: number): Promise<number> => {
                const reads = { n: 0 };
                const resources = await counted(stack, copies, reads);
                analyzeFlows(resources);
                await evaluateStack({ stack, stage: "growth", resources });
                return reads.n;
            };
            const [small, large] = [await work(3), await work(6)];
            assert.ok(large / small < 2.3, `${small} reads for 3 copies, ${large} for 6 (x${(large / small).toFixed(2)})`);
        });
    }

    it("copies keep distinct URNs and ids", async () => {
        const plan = await shippedPlan("growth-aws");
        const [input] = parseInput({ stack: plan.stack, stage: plan.stage, resources: replicate(plan.resources, 2) }, "growth-aws");
        const copied = plan.resources.filter((r) => r.type !== "pulumi:pulumi:Stack").length;
        assert.strictEqual(input.resources.length, 2 * copied);
        assert.strictEqual(new Set(input.resources.map((r) => r.urn)).size, 2 * copied);
        const ids = input.resources.flatMap((r) => (r.id === undefined ? [] : [r.id]));
        assert.strictEqual(new Set(ids).size, ids.length);
    });
});
