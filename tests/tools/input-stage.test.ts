// The stage an input is judged at: a preview whose config and whose resources' tags disagree, an
// invalid stage value, and a pack config made for another stage are errors (exit 2) naming both,
// unless --stage says which stage to judge at.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { check, checkConfigStage, isInputError, packConfigStage, parseCheckArgs } from "../../tools/check";
import { InputFormatError, parseInput } from "../../tools/lib/inputs";
import { shippedPlan } from "../support/shipped";
import { checkPlan } from "../../tools/plan";
import { ROOT } from "../../tools/lib/stackfiles";

const URN = "urn:pulumi:shop::live-commerce::aws:s3/bucketV2:BucketV2::media";
const preview = (config: Record<string, string>, tags: Record<string, string>): unknown => ({
    config,
    steps: [{ op: "create", urn: URN, newState: { urn: URN, type: "aws:s3/bucketV2:BucketV2", custom: true, inputs: { bucket: "media", tags } } }],
    diagnostics: [],
});
const message = (f: () => unknown): string => {
    try {
        f();
    } catch (e) {
        assert.ok(e instanceof InputFormatError, String(e));
        return e.message;
    }
    return "";
};

describe("the stage of an input", () => {
    it("a preview whose config says startup while its resources are tagged growth: an error naming both", () => {
        const m = message(() => parseInput(preview({ "live-commerce:stage": "startup" }, { stage: "growth" }), "p.json"));
        assert.strictEqual(m, "p.json: the input declares stage startup but its resources are tagged stage \"growth\"; pass --stage startup|growth|mature to judge it at one stage");
        // --stage decides
        assert.strictEqual(parseInput(preview({ "live-commerce:stage": "startup" }, { stage: "growth" }), "p.json", "growth")[0].stage, "growth");
        // config and tags agreeing
        assert.strictEqual(parseInput(preview({ "live-commerce:stage": "growth" }, { stage: "growth" }), "p.json")[0].stage, "growth");
    });
    it("an invalid stage value is named, not \"cannot be found\"", () => {
        assert.strictEqual(message(() => parseInput(preview({ "live-commerce:stage": "prod" }, {}), "p.json")), 'p.json: stage "prod" is not one of startup, growth, mature');
        assert.strictEqual(message(() => parseInput(preview({}, { stage: "prod" }), "p.json")), 'p.json: the resources\' stage tag "prod" is not one of startup, growth, mature; pass --stage startup|growth|mature');
        // a value that may be a secret is not repeated
        assert.doesNotMatch(message(() => parseInput(preview({ "live-commerce:stage": "Hunter2Secret" }, {}), "p.json")), /Hunter2/);
    });
});

describe("a pack config for another stage", () => {
    it("is the stage its file name says", () => {
        assert.strictEqual(packConfigStage("policies/config/startup.json"), "startup");
        assert.strictEqual(packConfigStage("/tmp/team-rules.json"), undefined);
    });
    it("on an input of another stage: an error naming both (exit 2), unless --stage is given", () => {
        assert.throws(() => checkConfigStage("policies/config/startup.json", [{ stack: "growth-aws", stage: "growth" }], undefined), (e: unknown) => isInputError(e) && /^--config policies\/config\/startup\.json is the pack config of stage startup, but growth-aws is stage growth; use policies\/config\/growth\.json/.test(e.message));
        assert.doesNotThrow(() => checkConfigStage("policies/config/startup.json", [{ stack: "growth-aws", stage: "growth" }], "startup"));
        assert.doesNotThrow(() => checkConfigStage("policies/config/growth.json", [{ stack: "growth-aws", stage: "growth" }], undefined));
    });
    it("check --from a growth plan with the startup config exits 2 through the CLI's error path", async () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stage-")), "plan.json");
        fs.writeFileSync(file, JSON.stringify(await checkPlan(await shippedPlan("growth-aws"))));
        const startup = path.join(ROOT, "policies", "config", "startup.json");
        await assert.rejects(check(parseCheckArgs(["--from", file, "--config", startup])), (e: unknown) => isInputError(e) && /pack config of stage startup, but growth-aws is stage growth/.test(e.message));
        const [code] = await check(parseCheckArgs(["--from", file, "--config", path.join(ROOT, "policies", "config", "growth.json")]));
        assert.strictEqual(code, 0);
    });
    it("is the stage its content sets, whatever the file is called: startup's levels renamed growth.json exit 2", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stage-"));
        const file = path.join(dir, "plan.json");
        fs.writeFileSync(file, JSON.stringify(await checkPlan(await shippedPlan("growth-aws"))));
        const renamed = path.join(dir, "growth.json");
        fs.copyFileSync(path.join(ROOT, "policies", "config", "startup.json"), renamed);
        await assert.rejects(check(parseCheckArgs(["--from", file, "--config", renamed])), (e: unknown) => isInputError(e) && e.message.startsWith(`--config ${renamed} sets stage startup (ha-stack-require-multi-region, `) && /\), but growth-aws is judged at stage growth; use policies\/config\/growth\.json\n/.test(e.message));
        // --stage sets the stage the input is judged at: the config must set the same
        await assert.rejects(check(parseCheckArgs(["--from", file, "--config", path.join(ROOT, "policies", "config", "growth.json"), "--stage", "mature"])), (e: unknown) => isInputError(e) && /sets stage growth .*is judged at stage mature; use policies\/config\/mature\.json or --stage growth/.test(e.message));
        const mixed = path.join(dir, "mixed.json");
        fs.writeFileSync(mixed, JSON.stringify({ "ha-stack-require-multi-region": { stage: "startup" }, "ha-stack-availability-model": { stage: "growth" } }));
        await assert.rejects(check(parseCheckArgs(["--from", file, "--config", mixed])), (e: unknown) => isInputError(e) && /^--config .*mixed\.json sets more than one stage: startup \(ha-stack-require-multi-region\), growth \(ha-stack-availability-model\); a pack config is for one stage/.test(e.message));
        const [code] = await check(parseCheckArgs(["--from", file, "--config", path.join(ROOT, "policies", "config", "growth.json")]));
        assert.strictEqual(code, 0);
    });
});
