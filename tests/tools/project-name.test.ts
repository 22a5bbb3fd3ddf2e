// A fork renames the project in Pulumi.yaml (and the keys of its stack files with it): every shipped
// stack still plans the same resources with the same inputs, only the project name differs.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { checkPlan, exitCodeOf } from "../../tools/plan";
import { Plan, planStack } from "../../tools/lib/record";
import { ROOT, STACKS_DIR, listStacks, projectName } from "../../tools/lib/stackfiles";
import { shippedPlan } from "../support/shipped";

const RENAMED = "shop-live";

/** A copy of Pulumi.yaml and the stack files with the project renamed, as a fork would have it. */
function renamedCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "live-commerce-renamed-"));
    const original = projectName();
    const project = fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8");
    assert.match(project, new RegExp(`^name: ${original}$`, "m"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), project.replace(new RegExp(`^name: ${original}$`, "m"), `name: ${RENAMED}`));
    fs.mkdirSync(path.join(dir, "stacks"));
    for (const stack of listStacks()) {
        const text = fs.readFileSync(path.join(STACKS_DIR, `Pulumi.${stack}.yaml`), "utf8");
        fs.writeFileSync(path.join(dir, "stacks", `Pulumi.${stack}.yaml`), text.split(`${original}:`).join(`${RENAMED}:`));
    }
    return dir;
}

describe("renaming the project in a copy of the repository", () => {
    const dir = renamedCopy();
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("reads the project name from Pulumi.yaml", () => {
        assert.strictEqual(projectName(dir), RENAMED);
    });

    const renamedPlans = new Map<string, Plan>();

    for (const stack of listStacks()) {
        it(`${stack} plans the same resources and inputs under the new name`, async () => {
            const original = await shippedPlan(stack);
            const renamed = await planStack(stack, path.join(dir, "stacks"), { root: dir });
            renamedPlans.set(stack, renamed);
            const text = JSON.stringify(renamed);
            assert.ok(text.includes(`::${RENAMED}::`), "URNs carry the new project name");
            assert.ok(text.includes(`"project":"${RENAMED}"`), "the project tag is the new name");
            // Only the name differs: with it put back, the plan is the shipped one, byte for byte.
            assert.strictEqual(text.split(RENAMED).join(projectName()), JSON.stringify(original));
        });
    }

    // The placeholders' flows (certificate, app image, recipients) wait for <project>:<key>: under the
    // new name they are advisory as before, not mandatory breaks.
    for (const stack of ["startup-aws", "growth-alicloud"]) {
        it(`${stack} gets the same policy findings and exit code under the new name`, async () => {
            const renamed = renamedPlans.get(stack);
            assert.ok(renamed, `${stack} planned above`);
            const [before, after] = [await checkPlan(await shippedPlan(stack)), await checkPlan(renamed)];
            assert.ok(after.policy.violations.some((v) => v.message.includes(`not deployable until ${RENAMED}:`)), "a placeholder flow names the new key");
            assert.strictEqual(JSON.stringify(after.policy).split(RENAMED).join(projectName()), JSON.stringify(before.policy));
            assert.strictEqual(exitCodeOf([after]), exitCodeOf([before]));
        });
    }
});
