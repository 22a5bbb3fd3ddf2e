import * as assert from "assert";
import * as path from "path";

import { check, parseCheckArgs } from "../../tools/check";
import { checkPlan } from "../../tools/plan";
import { planStack } from "../../tools/lib/record";
import { listStacks } from "../../tools/lib/stackfiles";

const fixture = (f: string): string => path.join(__dirname, "..", "fixtures", f);

describe("check --from", () => {
    it("fails a preview JSON with a mandatory violation", async () => {
        const [code, out] = await check(parseCheckArgs(["--from", fixture("preview.json"), "--output", "json"]));
        assert.strictEqual(code, 1);
        assert.match(out, /sec-security-group-forbid-world-sensitive-ports/);
    });
    it("reads a stack export (secrets stay hidden) and infers the stage from tags", async () => {
        const [code, out] = await check(parseCheckArgs(["--from", fixture("export.json"), "--output", "json"]));
        assert.strictEqual(code, 1);
        const report: unknown = JSON.parse(out);
        assert.match(JSON.stringify(report), /"stage":"growth"/);
        assert.match(out, /ha-load-balancer-require-multi-zone/);
    });
    it("treats HA findings of a startup plan as advisory", async () => {
        const [code, out] = await check(parseCheckArgs(["--from", fixture("plan.json"), "--output", "markdown"]));
        assert.strictEqual(code, 0);
        assert.match(out, /\| startup-aws \| startup \| 0 ✅ \|/);
    });
    it("writes SARIF 2.1.0", async () => {
        const [, out] = await check(parseCheckArgs(["--from", fixture("preview.json"), "--output", "sarif"]));
        const sarif: unknown = JSON.parse(out);
        assert.match(JSON.stringify(sarif), /"version":"2.1.0"/);
        assert.match(out, /"level": "error"/);
    });
    it("rejects unknown outputs", () => assert.throws(() => parseCheckArgs(["--from", "x", "--output", "xml"])));
});

describe("shipped stacks", () => {
    for (const stack of listStacks()) {
        it(`${stack} has no mandatory violation and meets the target once its request path exists`, async () => {
            const p = await checkPlan(await planStack(stack));
            assert.deepStrictEqual(p.policy.violations.filter((v) => v.enforcement === "mandatory"), []);
            const a = p.availability;
            if (p.stage !== "startup" && a.status !== "no-request-path") {
                assert.strictEqual(a.status, "estimated", JSON.stringify(a.findings));
                assert.ok((a.percent ?? 0) >= a.targetPercent, `${a.percent}%`);
            }
        });
    }
});
