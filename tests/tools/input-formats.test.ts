// One stack, three inputs: `check --from` of the offline plan JSON, of a `pulumi preview --json`
// document of the same stack (every resource a `same` step with its propertyDependencies, the
// stack's config in `config`) and of a `pulumi stack export` of it (the stack outputs on the
// `pulumi:pulumi:Stack` resource) gives the same mandatory findings and the same exit code: the
// flow hops waiting for a setting the stack has not given (`not deployable until ... is set`)
// stay advisory in all three.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { check, parseCheckArgs } from "../../tools/check";
import { unsetInPreviewConfig } from "../../tools/lib/inputs";
import { Plan } from "../../tools/lib/record";
import { loadStackConfig } from "../../tools/lib/stackfiles";
import { checkPlan, readBase } from "../../tools/plan";
import { isRecord } from "../../policies/lib/values";
import { shippedPlan } from "../support/shipped";

const STACK = "growth-alicloud";

function previewJson(plan: Plan, config: Record<string, string>): unknown {
    return {
        config,
        // an unchanged stack: every step `same`, its newState with the id and outputs of the state
        steps: plan.resources.map((r) => ({ op: "same", urn: r.urn, newState: { urn: r.urn, type: r.type, custom: r.custom, ...(r.id !== undefined ? { id: r.id } : {}), parent: r.parent ?? "", provider: r.provider ?? "", inputs: r.inputs, outputs: r.outputs ?? {}, propertyDependencies: r.propertyDependencies ?? {} } })),
        diagnostics: [],
    };
}

function exportJson(plan: Plan): unknown {
    const stack = plan.resources.find((r) => r.type === "pulumi:pulumi:Stack");
    const resources = plan.resources.map((r) => ({ urn: r.urn, type: r.type, custom: r.custom, ...(r.parent !== undefined && r.parent !== null ? { parent: r.parent } : {}), ...(r.provider !== null ? { provider: r.provider } : {}), ...(r.id !== undefined ? { id: r.id } : {}), inputs: r.inputs, outputs: r === stack ? plan.outputs : (r.outputs ?? {}), propertyDependencies: r.propertyDependencies ?? {} }));
    return { version: 3, deployment: { manifest: {}, resources: stack === undefined ? [...resources, { urn: `urn:pulumi:${plan.stack}::live-commerce::pulumi:pulumi:Stack::live-commerce-${plan.stack}`, type: "pulumi:pulumi:Stack", custom: false, outputs: plan.outputs }] : resources } };
}

describe("check --from gives one verdict whatever the input format of an unchanged stack", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "formats-"));
    const write = (name: string, doc: unknown): string => {
        const f = path.join(dir, name);
        fs.writeFileSync(f, JSON.stringify(doc));
        return f;
    };
    const mandatory = (out: string): string[] => {
        const doc: unknown = JSON.parse(out);
        const violations = isRecord(doc) && isRecord(doc.policy) && Array.isArray(doc.policy.violations) ? doc.policy.violations.filter(isRecord) : [];
        return violations.filter((v) => v.enforcement === "mandatory").map((v) => `${String(v.policy)} ${String(v.urn)} ${String(v.message)}`).sort();
    };
    const waiting = (out: string): number => (out.match(/not deployable until live-commerce:[a-z]+ is set/g) ?? []).length;

    it(`${STACK}: plan, preview and export give the same mandatory findings and exit code`, async () => {
        const plan = await shippedPlan(STACK);
        assert.ok(plan.notDeployableUntilSet.length > 0, "the shipped stack waits for settings");
        const planned = await checkPlan(plan);
        const config = loadStackConfig(STACK);
        const [planRun, previewRun, exportRun] = [
            await check(parseCheckArgs(["--from", write("plan.json", planned), "--output", "json"])),
            await check(parseCheckArgs(["--from", write("preview.json", previewJson(plan, config)), "--output", "json"])),
            await check(parseCheckArgs(["--from", write("export.json", exportJson(plan)), "--output", "json"])),
        ];
        assert.ok(waiting(planRun[1]) > 0, "the plan reports hops waiting for settings as advisories");
        assert.deepStrictEqual(mandatory(previewRun[1]), mandatory(planRun[1]), "preview");
        assert.deepStrictEqual(mandatory(exportRun[1]), mandatory(planRun[1]), "export");
        assert.deepStrictEqual([previewRun[0], exportRun[0]], [planRun[0], planRun[0]]);
        assert.strictEqual(planRun[0], 0);
        assert.deepStrictEqual([waiting(previewRun[1]), waiting(exportRun[1])], [waiting(planRun[1]), waiting(planRun[1])]);
    });

    it("a --base carries the instant of its up: a plan's plannedAt, an export's deployment.manifest.time (Go RFC 3339 with nanoseconds); a preview none", async () => {
        const plan = await shippedPlan(STACK);
        // a stack without events or peaks records no instant: its plan is the same bytes whenever it is made
        assert.strictEqual(plan.plannedAt, undefined);
        const exported = exportJson(plan);
        const timed = isRecord(exported) && isRecord(exported.deployment) ? { ...exported, deployment: { ...exported.deployment, manifest: { time: "2026-12-12T11:45:00.123456789Z", magic: "m", version: "v3.200.0" } } } : exported;
        const bases = [
            await readBase(write("base-plan.json", { ...plan, plannedAt: "2026-12-12T11:45:00.500Z" })),
            await readBase(write("base-export.json", timed)),
            await readBase(write("base-preview.json", previewJson(plan, loadStackConfig(STACK)))),
            await readBase(write("base-undated.json", { ...plan, plannedAt: "11:45" })),
        ];
        assert.deepStrictEqual(
            bases.map((b) => b.plannedAt),
            [Date.parse("2026-12-12T11:45:00.500Z"), Date.parse("2026-12-12T11:45:00.123Z"), undefined, undefined],
        );
    });

    it("a preview whose config gives every setting keeps a broken hop mandatory", async () => {
        const plan = { ...loadStackConfig(STACK) };
        // the keys the offline plan lists, from the config alone
        const planned = await shippedPlan(STACK);
        assert.deepStrictEqual(unsetInPreviewConfig(plan, "live-commerce").sort(), [...new Set(planned.notDeployableUntilSet.map((m) => m.key))].sort());
        const given = {
            ...plan,
            "live-commerce:monitoring": JSON.stringify({ contacts: { warning: ["ops@shop.cn"], critical: ["ops@shop.cn"], fatal: ["ops@shop.cn"] } }),
        };
        assert.ok(unsetInPreviewConfig(plan, "live-commerce").includes("live-commerce:monitoring"));
        assert.ok(!unsetInPreviewConfig(given, "live-commerce").includes("live-commerce:monitoring"));
        // config the program refuses gives no key: the hops stay mandatory
        assert.deepStrictEqual(unsetInPreviewConfig({ ...plan, "live-commerce:stage": "prod" }, "live-commerce"), []);
        // a secret hides its value: the {secret} entry is not read
        assert.ok(unsetInPreviewConfig({ ...plan, "live-commerce:monitoring": { secret: true, value: "[secret]" } }, "live-commerce").includes("live-commerce:monitoring"));
    });
});
