// The shipped stacks plan with placeholder settings (components/model/placeholders.ts), so their
// flows report broken at those hops, "not deployable until set". With the settings a deployment
// gives filled in (tests/support/filled.ts), every flow of every shipped stack is connected.

import * as assert from "assert";
import * as fs from "fs";

import { analyzeFlows } from "../policies/flows/analyze";
import { planStack } from "../tools/lib/record";
import { listStacks } from "../tools/lib/stackfiles";
import { filledStacksDir } from "./support/filled";

describe("every flow of every shipped stack is connected once its placeholder settings are set", function () {
    this.timeout(600_000);
    let dir = "";
    before(() => {
        dir = filledStacksDir();
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));
    for (const stack of listStacks()) {
        it(stack, async () => {
            const plan = await planStack(stack, dir);
            assert.deepStrictEqual(plan.notDeployableUntilSet.map((m) => `${m.key}: ${m.reason}`), [], "the filled settings leave nothing unset");
            const flows = analyzeFlows(plan.resources);
            assert.ok(flows.length > 0, "the stack has flows");
            const notConnected = flows.filter((f) => f.status !== "connected").map((f) => `${f.key} ${f.region}: ${f.status}${f.broken !== undefined ? ` at "${f.broken.hop}": ${f.broken.reason}` : ""}${f.status === "unknown" ? ` (${f.hops.filter((h) => h.ok === null).map((h) => `${h.resource}: ${h.check} [${h.unknown ?? ""}]`).join("; ")})` : ""}`);
            assert.deepStrictEqual(notConnected, []);
        });
    }
});
