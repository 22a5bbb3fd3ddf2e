// A first preview judged like the resolved plan: for every shipped stack, `plan --preview` (ids,
// ARNs, endpoints of new resources unknown) gives the same verdicts and the same estimate as
// `plan`; a first-preview JSON of a growth stack checked with `check --from` reads stage growth
// from the preview's config and gives the same mandatory verdicts, and a broken placement in it
// is still caught.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { check, parseCheckArgs } from "../../tools/check";
import { Violation } from "../../tools/lib/evaluate";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { listStacks } from "../../tools/lib/stackfiles";
import { checkPlan } from "../../tools/plan";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { shippedPlan, shippedPreviewPlan } from "../support/shipped";

/**
 * The flow findings (policies/flows, `flow-connected`) follow a first preview's unknowns through its
 * propertyDependencies; a hop whose input is unknown until creation is an advisory "cannot be judged
 * until created" of the flow (tests/flows-preview.test.ts lists which), compared apart.
 */
const FLOWS = "flow-connected";
const flowUndetermined = (v: Violation): boolean => v.policy === FLOWS && v.enforcement === "advisory" && /cannot be judged until created/.test(v.message);
const verdicts = (vs: readonly Violation[]): string[] => vs.filter((v) => !flowUndetermined(v)).map((v) => `${v.enforcement} ${v.policy} ${v.urn}`).sort();

describe("plan --preview gives the verdicts of the resolved plan", () => {
    for (const stack of listStacks()) {
        it(stack, async () => {
            const [resolved, preview] = [await checkPlan(await shippedPlan(stack)), await checkPlan(await shippedPreviewPlan(stack))];
            assert.ok(preview.preview && !resolved.preview);
            assert.ok(JSON.stringify(preview.resources).includes(UNKNOWN_STRING), "a first preview has unknown ids");
            assert.deepStrictEqual(verdicts(preview.policy.violations), verdicts(resolved.policy.violations));
            assert.deepStrictEqual(preview.policy.violations.filter((v) => !flowUndetermined(v) && /during preview|cannot be judged/.test(v.message)), []);
            assert.strictEqual(preview.availability.percent, resolved.availability.percent);
        });
    }
});

/** A `pulumi preview --json` document of a first preview: every resource a create step, the stack config in `config`. */
function previewJson(plan: Plan, resources: readonly PlannedResource[]): unknown {
    return {
        config: { "live-commerce:stage": plan.stage, "live-commerce:cloud": plan.cloud },
        steps: resources.map((r) => ({ op: "create", urn: r.urn, newState: { urn: r.urn, type: r.type, custom: r.custom, parent: r.parent ?? "", provider: r.provider ?? "", inputs: r.inputs, propertyDependencies: r.propertyDependencies ?? {} } })),
        diagnostics: [],
        changeSummary: { create: resources.length },
    };
}

/** The inputs without `stage` tags: the stage must come from the preview's config. */
function untagged(r: PlannedResource): PlannedResource {
    const tags = r.inputs.tags;
    if (typeof tags !== "object" || tags === null || Array.isArray(tags)) return r;
    return { ...r, inputs: { ...r.inputs, tags: Object.fromEntries(Object.entries(tags).filter(([k]) => k !== "stage")) } };
}

describe("check --from a first-preview JSON of growth-aws", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "first-preview-"));
    const write = (doc: unknown): string => {
        const f = path.join(dir, `preview-${fs.readdirSync(dir).length}.json`);
        fs.writeFileSync(f, JSON.stringify(doc));
        return f;
    };

    it("reads stage growth from the config and gives the mandatory verdicts of the resolved plan", async () => {
        const [plan, resolved] = [await shippedPreviewPlan("growth-aws"), await checkPlan(await shippedPlan("growth-aws"))];
        const [, out] = await check(parseCheckArgs(["--from", write(previewJson(plan, plan.resources.map(untagged))), "--output", "json"]));
        const report: unknown = JSON.parse(out);
        assert.ok(typeof report === "object" && report !== null && "stage" in report && "policy" in report && typeof report.policy === "object" && report.policy !== null && "violations" in report.policy && Array.isArray(report.policy.violations));
        assert.strictEqual(report.stage, "growth");
        const found: Violation[] = report.policy.violations.filter((v: unknown): v is Violation => typeof v === "object" && v !== null && "policy" in v && "enforcement" in v && "urn" in v && "message" in v);
        const mandatory = (vs: readonly Violation[]): string[] => verdicts(vs.filter((v) => v.enforcement === "mandatory"));
        // The shipped stack waits for settings (notDeployableUntilSet); a real program stops before
        // declaring anything then, so no real preview carries the flow hops waiting for them.
        const waiting = new Set(resolved.policy.violations.filter((v) => v.policy === FLOWS && /not deployable until/.test(v.message)).map((v) => v.urn));
        assert.ok(waiting.size > 0);
        const judged = found.filter((v) => !(v.policy === FLOWS && waiting.has(v.urn)));
        assert.deepStrictEqual(mandatory(judged), mandatory(resolved.policy.violations));
        assert.deepStrictEqual(mandatory(judged), []);
        // No policy is skipped or left unjudged; a flow hop whose input only exists after creation (an
        // IRSA trust names the cluster's OIDC issuer) is an advisory naming it (tests/flows-preview.test.ts).
        assert.doesNotMatch(out, /can't run policy/);
        const unjudged = found.filter((v) => /cannot be judged until created/.test(v.message));
        assert.deepStrictEqual(unjudged.filter((v) => v.policy !== FLOWS || v.enforcement !== "advisory"), []);
    });

    it("still catches an EKS control plane whose subnets sit in one zone", async () => {
        const plan = await shippedPreviewPlan("growth-aws");
        const cluster = plan.resources.find((r) => r.type === "aws:eks/cluster:Cluster");
        const deps = (cluster?.propertyDependencies?.vpcConfig ?? []).filter((u) => u.includes("aws:ec2/subnet:Subnet::"));
        assert.ok(deps.length >= 2, JSON.stringify(cluster?.propertyDependencies));
        const vpcConfig = cluster?.inputs.vpcConfig;
        const oneZone = plan.resources.map((r) =>
            r === cluster ? { ...r, inputs: { ...r.inputs, vpcConfig: { ...(typeof vpcConfig === "object" && vpcConfig !== null ? vpcConfig : {}), subnetIds: [UNKNOWN_STRING, UNKNOWN_STRING] } }, propertyDependencies: { ...r.propertyDependencies, vpcConfig: [deps[0]] } } : r,
        );
        const [code, out] = await check(parseCheckArgs(["--from", write(previewJson(plan, oneZone)), "--output", "json"]));
        assert.strictEqual(code, 1);
        assert.match(out, /ha-kubernetes-cluster-require-multi-zone[^]*EKS cluster spans 1 zone/);
    });
});
