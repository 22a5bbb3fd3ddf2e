// The seam between the clouds: the model names no cloud, the two cloud folders mirror file for
// file, and both clouds' regions export the same outputs (RegionOutputs).

import * as assert from "assert";
import { readFileSync, readdirSync } from "fs";
import * as path from "path";

import { REGION_OUTPUT_KEYS } from "../components/region-outputs";
import { ROOT } from "../tools/lib/stackfiles";
import { shippedPlan } from "./support/shipped";

const COMPONENTS = path.join(ROOT, "components");

function sources(folder: string): string[] {
    return readdirSync(path.join(COMPONENTS, folder))
        .filter((f) => f.endsWith(".ts"))
        .sort();
}

describe("the seam between the clouds", () => {
    it("the two cloud folders list the same file names", () => {
        assert.deepStrictEqual(sources("alicloud"), sources("aws"));
    });

    it("the model has no cloud-named file and compares no value with a cloud name", () => {
        const files = sources("model");
        assert.deepStrictEqual(
            files.filter((f) => /aws|alicloud/i.test(f)),
            [],
        );
        const branches = files.flatMap((f) =>
            readFileSync(path.join(COMPONENTS, "model", f), "utf8")
                .split("\n")
                .map((line, i) => ({ where: `components/model/${f}:${i + 1}`, line }))
                .filter(({ line }) => /[!=]==\s*"(aws|alicloud)"|"(aws|alicloud)"\s*[!=]==/.test(line)),
        );
        assert.deepStrictEqual(branches, []);
    });

    it("both clouds' regions export the same output keys, in every shipped stack", async () => {
        for (const stack of ["startup-alicloud", "startup-aws", "growth-alicloud", "growth-aws", "growth-alicloud-serverless", "growth-aws-serverless", "mature-alicloud", "mature-aws"]) {
            const regions = (await shippedPlan(stack)).outputs.regions;
            assert.ok(typeof regions === "object" && regions !== null && !Array.isArray(regions), stack);
            for (const [name, outputs] of Object.entries(regions)) {
                assert.ok(typeof outputs === "object" && outputs !== null, `${stack} ${name}`);
                assert.deepStrictEqual(Object.keys(outputs).sort(), [...REGION_OUTPUT_KEYS, "video"].sort(), `${stack} ${name}`);
            }
        }
    });
});
