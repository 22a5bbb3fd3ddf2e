// `pulumi preview --json` documents of an existing stack, generated from the shipped growth-aws plan
// in the form the CLI prints them (pulumi/pulumi pkg/backend/display/json.go ShowPreviewDigest:
// steps with oldState/newState, `changeSummary` counting every logical step whether printed or
// not), judged by `check --from` like the `pulumi stack export` of the stack they leave behind:
// a refresh never hides a deletion, `same` steps without id or outputs are judged by their old
// state's, a `same` step printed for a changed `protect` flag never passes for `--show-sames`, and
// complete previews (the Stack unchanged, every other resource created or updated) are judged.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { check, isInputError, parseCheckArgs } from "../../tools/check";
import { PreviewListing, changedKeys, partialPreviewReason, plannedValue, stepNewState, unchangedCount } from "../../tools/lib/inputs";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { Plan, PlannedResource } from "../../tools/lib/record";
import { resourceV3 } from "../support/resource-v3";
import { shippedPlan } from "../support/shipped";

const ROOT = "pulumi:pulumi:Stack";

/** A resource as ResourceV3: with or without its id and outputs (the Stack's outputs its stage and cloud). */
function state(r: PlannedResource, plan: Plan, known: boolean, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return resourceV3(r, known, r.type === ROOT ? stackOutputs(plan) : r.outputs, extra);
}

/**
 * The stack outputs with the stage and cloud, without `notDeployableUntilSet`: the preview's config
 * below gives no settings either, so both inputs judge the hops waiting for settings alike.
 */
function stackOutputs(plan: Plan): Record<string, unknown> {
    return { stage: plan.stage, cloud: plan.cloud };
}

interface Step {
    readonly op: string;
    readonly r: PlannedResource;
    /** The new state (absent for a delete); defaults to the resource with its id and outputs. */
    readonly newState?: Record<string, unknown> | null;
    /** Whether `pulumi preview --json` prints the step (a same step only with --show-sames or a protect change). */
    readonly shown: boolean;
    /** The step's `diffReasons` (sdk/go/common/display PreviewStep), for an update. */
    readonly diffReasons?: readonly string[];
}

/** The JSON of `pulumi preview --json`: the printed steps, and a changeSummary counting every logical step (refresh steps are not logical). */
function previewDoc(plan: Plan, steps: readonly Step[]): unknown {
    const changeSummary: Record<string, number> = {};
    for (const s of steps) if (s.op !== "refresh") changeSummary[s.op] = (changeSummary[s.op] ?? 0) + 1;
    return {
        config: { "live-commerce:stage": plan.stage, "live-commerce:cloud": plan.cloud },
        steps: steps
            .filter((s) => s.shown)
            .map((s) => ({
                op: s.op,
                urn: s.r.urn,
                ...(s.op !== "create" ? { oldState: state(s.r, plan, true) } : {}),
                ...(s.op === "delete" || s.newState === null ? {} : { newState: s.newState ?? state(s.r, plan, s.op !== "create") }),
                ...(s.diffReasons !== undefined ? { diffReasons: s.diffReasons } : {}),
            })),
        duration: 1000,
        changeSummary,
    };
}

/** The JSON of `pulumi stack export` of the stack `resources` make. */
function exportDoc(plan: Plan, resources: readonly PlannedResource[]): unknown {
    return { version: 3, deployment: { resources: resources.map((r) => state(r, plan, true)) } };
}

/** Shipped stacks and the resource each case deletes: the last of its type (a zone's node pool, the Aurora reader). */
const DELETIONS: readonly (readonly [string, string])[] = [
    ["growth-aws", "aws:eks/nodeGroup:NodeGroup"],
    ["growth-aws", "aws:rds/clusterInstance:ClusterInstance"],
    ["growth-alicloud", "alicloud:cs/nodePool:NodePool"],
];

for (const [stack, deletedType] of DELETIONS)
describe(`check --from a preview of an existing stack judges what the stack will be (${stack}, one ${deletedType.split(":").pop() ?? deletedType} deleted)`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-steps-"));
    let n = 0;
    const write = (doc: unknown): string => {
        const f = path.join(dir, `input-${n++}.json`);
        fs.writeFileSync(f, JSON.stringify(doc));
        return f;
    };
    /** Exit code and the sorted mandatory findings (policy, resource, message) of `check --from`. */
    const judged = async (doc: unknown): Promise<[number, string[]]> => {
        const [code, out] = await check(parseCheckArgs(["--from", write(doc), "--output", "json"]));
        const report: unknown = JSON.parse(out);
        assert.ok(typeof report === "object" && report !== null && "policy" in report && typeof report.policy === "object" && report.policy !== null && "violations" in report.policy && Array.isArray(report.policy.violations), out);
        const mandatory = report.policy.violations.flatMap((v: unknown) =>
            typeof v === "object" && v !== null && "enforcement" in v && v.enforcement === "mandatory" && "policy" in v && "urn" in v && "message" in v ? [`${String(v.policy)} ${String(v.urn)} ${String(v.message)}`] : [],
        );
        return [code, mandatory.sort()];
    };
    /** The input error `check --from` refuses `doc` with (exit 2). */
    const refused = async (doc: unknown): Promise<string> => {
        try {
            const [code, out] = await check(parseCheckArgs(["--from", write(doc)]));
            assert.fail(`judged (exit ${code}) instead of refused: ${out}`);
        } catch (e) {
            if (!isInputError(e)) throw e;
            return e.message;
        }
    };

    let plan: Plan;
    let dropped: PlannedResource;
    before(async () => {
        plan = await shippedPlan(stack);
        const ofType = plan.resources.filter((r) => r.type === deletedType);
        assert.ok(ofType.length >= 2, `${stack} has two of ${deletedType}`);
        dropped = ofType[ofType.length - 1];
    });
    const kept = (): PlannedResource[] => plan.resources.filter((r) => r !== dropped);

    /** The findings of the stack as it is (its export): the stack file leaves settings unset, whose flow hops are mandatory here. */
    let unchanged: [number, string[]];
    /** The findings of the stack without the dropped node group: more than `unchanged` (the deletion is caught). */
    let withoutGroup: [number, string[]];
    before(async () => {
        unchanged = await judged(exportDoc(plan, plan.resources));
        withoutGroup = await judged(exportDoc(plan, kept()));
        assert.strictEqual(withoutGroup[0], 1);
        assert.ok(withoutGroup[1].length > unchanged[1].length && unchanged[1].every((f) => withoutGroup[1].includes(f)), `removing ${dropped.name} is a mandatory violation`);
    });

    it("the unchanged stack with --show-sames is judged as its export", async () => {
        assert.deepStrictEqual(await judged(previewDoc(plan, plan.resources.map((r) => ({ op: "same", r, shown: true })))), unchanged);
    });

    for (const showSames of [true, false]) {
        it(`preview --refresh${showSames ? " --show-sames" : ""} that deletes it is judged without it (refresh steps never keep a deleted resource)`, async () => {
            const steps: Step[] = [
                ...plan.resources.map((r) => ({ op: "refresh", r, shown: true })),
                ...plan.resources.map((r) => (r === dropped ? { op: "delete", r, shown: true } : { op: "same", r, shown: showSames || r.type === ROOT })),
            ];
            assert.deepStrictEqual(await judged(previewDoc(plan, steps)), withoutGroup);
        });
    }

    it("a refresh that finds a resource gone (no new state) removes it", async () => {
        const steps: Step[] = plan.resources.map((r) => (r === dropped ? { op: "refresh", r, newState: null, shown: true } : { op: "same", r, shown: true }));
        assert.deepStrictEqual(await judged(previewDoc(plan, steps)), withoutGroup);
    });

    it("same steps whose new state lacks the id and outputs are judged by their old state's (NewSameStep: new.ID is empty)", async () => {
        const steps: Step[] = plan.resources.map((r) => ({ op: "same", r, newState: state(r, plan, false), shown: true }));
        assert.deepStrictEqual(await judged(previewDoc(plan, steps)), unchanged);
        // and with a deletion, the deletion still counts
        const deleting: Step[] = plan.resources.map((r) => (r === dropped ? { op: "delete", r, shown: true } : { op: "same", r, newState: state(r, plan, false), shown: true }));
        assert.deepStrictEqual(await judged(previewDoc(plan, deleting)), withoutGroup);
    });

    it("a same step printed for a changed protect flag (no --show-sames) is refused as partial, never judged as the whole stack", async () => {
        const vpc = plan.resources.find((r) => r.type === "aws:ec2/vpc:Vpc" || r.type === "alicloud:vpc/network:Network");
        assert.ok(vpc !== undefined);
        const steps: Step[] = plan.resources.map((r) =>
            r === dropped ? { op: "delete", r, shown: true } : r === vpc ? { op: "same", r, newState: state(r, plan, false, { protect: true }), shown: true } : { op: "same", r, shown: r.type === ROOT },
        );
        assert.match(await refused(previewDoc(plan, steps)), /leaves out unchanged resources; run `pulumi preview --json --show-sames`|unchanged resources its changeSummary counts; run `pulumi preview --json --show-sames`/);
    });

    it("the Stack unchanged and every other resource created (a first up that stopped early) is judged, as the first preview is", async () => {
        const created = (r: PlannedResource): Step => ({ op: "create", r, shown: true });
        const rootSame = previewDoc(plan, plan.resources.map((r) => (r.type === ROOT ? { op: "same", r, shown: true } : created(r))));
        const first = previewDoc(plan, plan.resources.map(created));
        assert.deepStrictEqual(await judged(rootSame), await judged(first));
    });

    it("every resource updated at once (the Stack the only same step) is judged as its export", async () => {
        const steps: Step[] = plan.resources.map((r) => ({ op: r.type === ROOT ? "same" : "update", r, shown: true }));
        assert.deepStrictEqual(await judged(previewDoc(plan, steps)), unchanged);
    });

    /** The resource after an in-place update of its tags (inputs and outputs), as its export shows it; the others as they are. */
    const retagged = (r: PlannedResource): PlannedResource => {
        const tags = r.inputs.tags;
        if (typeof tags !== "object" || tags === null || Array.isArray(tags)) return r;
        const next = { ...tags, owner: "team-x" };
        return { ...r, inputs: { ...r.inputs, tags: next }, ...(r.outputs !== undefined ? { outputs: { ...r.outputs, tags: next } } : {}) };
    };
    /** Update steps as `pulumi preview --json` prints them: the new state without id and outputs (NewUpdateStep: `new.ID == ""`; the JSON is written at the step's pre-event). */
    const updates = (pick: (r: PlannedResource) => boolean): Step[] =>
        plan.resources.map((r) => (pick(r) ? { op: "update", r, newState: state(retagged(r), plan, false), diffReasons: ["tags"], shown: true } : { op: "same", r, newState: state(r, plan, false), shown: true }));

    it("update steps whose new state lacks the id and outputs (as the CLI prints them) are judged as the export of the updated stack: the id kept, the outputs the update leaves", async () => {
        const updated = (r: PlannedResource): boolean => r.type !== ROOT && r.custom;
        const after = await judged(exportDoc(plan, plan.resources.map((r) => (updated(r) ? retagged(r) : r))));
        assert.deepStrictEqual(await judged(previewDoc(plan, updates(updated))), after);
        assert.deepStrictEqual(after, unchanged, "a new tag value changes no verdict");
    });

    // one kind at a time: each is what other resources reference by id or ARN (a listener's target
    // group, an origin's load balancer, a node group's subnets)
    for (const type of stack.endsWith("-aws")
        ? ["aws:lb/targetGroup:TargetGroup", "aws:lb/loadBalancer:LoadBalancer", "aws:eks/nodeGroup:NodeGroup", "aws:ec2/subnet:Subnet"]
        : ["alicloud:alb/serverGroup:ServerGroup", "alicloud:alb/loadBalancer:LoadBalancer", "alicloud:cs/nodePool:NodePool", "alicloud:vpc/switch:Switch"])
        it(`updating every ${type.split(":").pop() ?? type} (no id, no outputs in the new state) gives the verdicts of the unchanged stack`, async () => {
            assert.ok(plan.resources.some((r) => r.type === type), `${stack} has a ${type}`);
            assert.deepStrictEqual(await judged(previewDoc(plan, updates((r) => r.type === type))), unchanged);
        });

    if (deletedType === "aws:eks/nodeGroup:NodeGroup")
        it("an update of the EKS cluster's vpcConfig (its printed input has no clusterSecurityGroupId, which EKS computes) keeps the cluster security group: the verdicts of the export of the updated stack", async () => {
            const cluster = plan.resources.find((r) => r.type === "aws:eks/cluster:Cluster");
            assert.ok(cluster !== undefined && cluster.outputs !== undefined);
            const vpcIn = cluster.inputs.vpcConfig;
            const vpcOut = cluster.outputs.vpcConfig;
            assert.ok(typeof vpcIn === "object" && vpcIn !== null && typeof vpcOut === "object" && vpcOut !== null && "clusterSecurityGroupId" in vpcOut && !("clusterSecurityGroupId" in vpcIn), "EKS computes the cluster security group");
            const updated: PlannedResource = { ...cluster, inputs: { ...cluster.inputs, vpcConfig: { ...vpcIn, endpointPublicAccess: true } }, outputs: { ...cluster.outputs, vpcConfig: { ...vpcOut, endpointPublicAccess: true } } };
            const steps: Step[] = plan.resources.map((r) => (r === cluster ? { op: "update", r, newState: state(updated, plan, false), diffReasons: ["vpcConfig"], shown: true } : { op: "same", r, newState: state(r, plan, false), shown: true }));
            const after = await judged(exportDoc(plan, plan.resources.map((r) => (r === cluster ? updated : r))));
            assert.deepStrictEqual(await judged(previewDoc(plan, steps)), after);
            assert.ok(!after[1].some((f) => f.includes("cluster security group has no ingress rule")), "the export of the updated stack admits the load balancer");
        });

    it("an update that deletes a resource at the same time still counts the deletion", async () => {
        const steps = updates((r) => r.type !== ROOT && r.custom && r !== dropped).map((s) => (s.r === dropped ? { op: "delete", r: dropped, shown: true } : s));
        assert.deepStrictEqual(await judged(previewDoc(plan, steps)), withoutGroup);
    });

    it("two steps of one resource that are not a replacement's or a refresh's (an update, then the same resource's same step) are refused, naming both", async () => {
        const steps: Step[] = plan.resources.flatMap((r): Step[] => (r === dropped ? [{ op: "update", r, diffReasons: ["tags"], shown: true }, { op: "same", r, shown: true }] : [{ op: "same", r, shown: true }]));
        const i = plan.resources.indexOf(dropped);
        assert.strictEqual(
            await refused(previewDoc(plan, steps)),
            `${dir}/input-${n - 1}.json: steps[${i}] (update) and steps[${i + 1}] (same) are the same resource ${dropped.urn}; a preview lists each resource once (twice only in the steps of one replacement, or after its refresh step, which \`pulumi preview --json --refresh\` prints with op "refresh"): check the input is the output of \`pulumi preview --json\`, unedited`,
        );
    });

    it("an update without --show-sames is refused, naming --show-sames", async () => {
        const steps: Step[] = plan.resources.map((r) => (r === dropped ? { op: "update", r, shown: true } : { op: "same", r, shown: r.type === ROOT }));
        assert.match(await refused(previewDoc(plan, steps)), /run `pulumi preview --json --show-sames` so the whole stack is judged/);
    });
});

describe("stepNewState: the state a same or update step leaves, from the new state the CLI prints before the step runs", () => {
    const urn = "urn:pulumi:s::p::aws:lb/targetGroup:TargetGroup::tg";
    const oldState = {
        urn,
        type: "aws:lb/targetGroup:TargetGroup",
        custom: true,
        id: "tg-1",
        inputs: { port: 30080, tags: { stage: "growth" }, healthCheck: { path: "/healthz" }, slowStart: 30 },
        outputs: { arn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/api/1", port: 30080, tags: { stage: "growth" }, healthCheck: { path: "/healthz" }, slowStart: 30 },
    };
    const printed = (inputs: Record<string, unknown>): Record<string, unknown> => ({ urn, type: oldState.type, custom: true, inputs });

    it("an update keeps its id and ARN; a changed input is its new value, a removed one unknown (the provider computes it), an added one set", () => {
        const step = { op: "update", oldState, newState: printed({ port: 30081, tags: { stage: "growth" }, healthCheck: { path: "/healthz" }, deregistrationDelay: 10 }) };
        assert.deepStrictEqual(stepNewState(step), {
            ...printed({ port: 30081, tags: { stage: "growth" }, healthCheck: { path: "/healthz" }, deregistrationDelay: 10 }),
            id: "tg-1",
            outputs: { arn: oldState.outputs.arn, port: 30081, tags: { stage: "growth" }, healthCheck: { path: "/healthz" }, slowStart: UNKNOWN_STRING, deregistrationDelay: 10 },
        });
    });
    it("a change only the step's diffReasons or detailedDiff name (a secret prints as [secret] in both states) takes the new input", () => {
        const step = { op: "update", oldState: { ...oldState, inputs: { ...oldState.inputs, tags: "[secret]" } }, newState: printed({ ...oldState.inputs, tags: "[secret]" }), detailedDiff: { "tags.owner": { kind: "update" } } };
        const next = stepNewState(step);
        assert.ok(typeof next === "object" && next !== null && "outputs" in next);
        assert.deepStrictEqual(next.outputs, { ...oldState.outputs, tags: "[secret]" });
    });
    it("reads the changed top-level properties from diffReasons and detailedDiff paths", () => {
        assert.deepStrictEqual([...changedKeys({ diffReasons: ["port"], detailedDiff: { "tags.owner": {}, "rules[0].port": {}, '["a.b"].c': {}, "healthCheck": {} } })].sort(), ["a.b", "healthCheck", "port", "rules", "tags"]);
        assert.deepStrictEqual([...changedKeys({ diffReasons: "port", detailedDiff: [] })], []);
    });
    it("an unknown new input (it depends on a resource being replaced) is an unknown output", () => {
        const next = stepNewState({ op: "update", oldState, newState: printed({ ...oldState.inputs, port: UNKNOWN_STRING }) });
        assert.ok(typeof next === "object" && next !== null && "outputs" in next);
        assert.deepStrictEqual(next.outputs, { ...oldState.outputs, port: UNKNOWN_STRING });
    });
    it("an update of an object property keeps the computed keys nested in it the input does not set (an EKS cluster's vpcConfig.clusterSecurityGroupId); a nested input it drops is unknown", () => {
        const cluster = "urn:pulumi:s::p::aws:eks/cluster:Cluster::k8s";
        const vpcConfig = { endpointPrivateAccess: true, endpointPublicAccess: false, subnetIds: ["subnet-a", "subnet-b"], publicAccessCidrs: ["10.0.0.0/8"] };
        const old = { urn: cluster, type: "aws:eks/cluster:Cluster", custom: true, id: "k8s", inputs: { vpcConfig }, outputs: { arn: "arn:aws:eks:us-east-1:123456789012:cluster/k8s", vpcConfig: { ...vpcConfig, clusterSecurityGroupId: "sg-cluster", vpcId: "vpc-1" } } };
        const next = { endpointPrivateAccess: true, endpointPublicAccess: true, subnetIds: ["subnet-a", "subnet-c"] };
        const state = stepNewState({ op: "update", oldState: old, newState: { urn: cluster, type: old.type, custom: true, inputs: { vpcConfig: next } }, diffReasons: ["vpcConfig"] });
        assert.ok(typeof state === "object" && state !== null && "outputs" in state);
        assert.deepStrictEqual(state.outputs, { arn: old.outputs.arn, vpcConfig: { ...next, clusterSecurityGroupId: "sg-cluster", vpcId: "vpc-1", publicAccessCidrs: UNKNOWN_STRING } });
    });
    it("an object property only diffReasons names (a nested secret prints as [secret] in both states) keeps its computed keys too", () => {
        const cluster = "urn:pulumi:s::p::aws:eks/cluster:Cluster::k8s";
        const vpcConfig = { subnetIds: ["subnet-a", "subnet-b"], publicAccessCidrs: "[secret]" };
        const old = { urn: cluster, type: "aws:eks/cluster:Cluster", custom: true, id: "k8s", inputs: { vpcConfig }, outputs: { vpcConfig: { ...vpcConfig, clusterSecurityGroupId: "sg-cluster" } } };
        const state = stepNewState({ op: "update", oldState: old, newState: { urn: cluster, type: old.type, custom: true, inputs: { vpcConfig } }, diffReasons: ["vpcConfig"] });
        assert.ok(typeof state === "object" && state !== null && "outputs" in state);
        assert.deepStrictEqual(state.outputs, { vpcConfig: { ...vpcConfig, clusterSecurityGroupId: "sg-cluster" } });
    });
    it("a list of objects: an element keeps the computed keys of the prior element it could have come from (same index first, else any: a set's order is the provider's); a changed one has them unknown", () => {
        const prior = [
            { port: 80, cidr: "10.0.0.0/8", ruleId: "r-80" },
            { port: 443, cidr: "10.0.0.0/8", ruleId: "r-443" },
        ];
        const oldInput = [
            { port: 80, cidr: "10.0.0.0/8" },
            { port: 443, cidr: "10.0.0.0/8" },
        ];
        // reordered (a set), one changed, one added
        assert.deepStrictEqual(
            plannedValue(prior, oldInput, [{ port: 443, cidr: "10.0.0.0/8" }, { port: 80, cidr: "10.1.0.0/16" }, { port: 8080, cidr: "10.0.0.0/8" }]),
            [
                { port: 443, cidr: "10.0.0.0/8", ruleId: "r-443" },
                { port: 80, cidr: "10.1.0.0/16", ruleId: UNKNOWN_STRING },
                { port: 8080, cidr: "10.0.0.0/8" },
            ],
        );
        assert.deepStrictEqual(plannedValue(["subnet-a", "subnet-b"], ["subnet-a", "subnet-b"], ["subnet-a"]), ["subnet-a"], "a list of scalars is its input");
        assert.strictEqual(plannedValue({ a: 1, b: 2 }, { a: 1 }, UNKNOWN_STRING), UNKNOWN_STRING, "an unknown input is unknown");
    });
    it("a same step takes the old outputs whole; a create keeps its own (unknown) state; a new state that carries id and outputs is its own", () => {
        assert.deepStrictEqual(stepNewState({ op: "same", oldState, newState: printed(oldState.inputs) }), { ...printed(oldState.inputs), id: "tg-1", outputs: oldState.outputs });
        assert.deepStrictEqual(stepNewState({ op: "create", newState: printed(oldState.inputs) }), printed(oldState.inputs));
        const full = { ...printed({ port: 1 }), id: "tg-2", outputs: { port: 1 } };
        assert.strictEqual(stepNewState({ op: "update", oldState, newState: full }), full);
    });
});

describe("partialPreviewReason", () => {
    const stack = "urn:pulumi:s::p::pulumi:pulumi:Stack::p-s";
    const urn = (name: string): string => `urn:pulumi:s::p::aws:ec2/vpc:Vpc::${name}`;
    const listing = (listed: PreviewListing["listed"], unchangedCounted: number | undefined, removed: string[] = []): PreviewListing => ({ listed, removed: new Set(removed), refreshed: false, unchangedCounted });
    const root = (op: string) => ({ op, type: ROOT, urn: stack, parent: null, protectChanges: false });
    const vpc = (name: string, op: string, protectChanges = false, parent: string | null = stack) => ({ op, type: "aws:ec2/vpc:Vpc", urn: urn(name), parent, protectChanges });

    it("counts the same steps against the changeSummary's same count", () => {
        assert.match(partialPreviewReason(listing([root("same"), vpc("a", "same", true)], 3)) ?? "", /lists 2 of the 3 unchanged resources its changeSummary counts; run `pulumi preview --json --show-sames`/);
        assert.strictEqual(partialPreviewReason(listing([root("same"), vpc("a", "same"), vpc("b", "update")], 2)), undefined);
        // the Stack the only unchanged resource: complete
        assert.strictEqual(partialPreviewReason(listing([root("same"), vpc("a", "create"), vpc("b", "update")], 1)), undefined);
    });

    it("a resource whose parent is in no step (and not removed) means unchanged resources are left out", () => {
        const parent = urn("component");
        assert.match(partialPreviewReason(listing([root("same"), vpc("a", "update", false, parent)], 1)) ?? "", /lists urn:pulumi:s::p::aws:ec2\/vpc:Vpc::a but not its parent/);
        assert.strictEqual(partialPreviewReason(listing([root("same"), vpc("component", "same"), vpc("a", "update", false, parent)], 2)), undefined);
    });

    it("without a changeSummary, a same step that changes protect proves nothing; a plain one does", () => {
        assert.match(partialPreviewReason(listing([root("same"), vpc("a", "same", true)], undefined)) ?? "", /no unchanged resource besides the stack/);
        assert.strictEqual(partialPreviewReason(listing([root("same"), vpc("a", "same")], undefined)), undefined);
        assert.strictEqual(partialPreviewReason(listing([root("create"), vpc("a", "create")], undefined)), undefined);
    });

    it("an existing stack of which only the Stack is listed is partial, whatever the changeSummary says", () => {
        assert.match(partialPreviewReason(listing([root("same")], 1)) ?? "", /lists only the stack's root resource, none of its resources; run `pulumi preview --json --show-sames`/);
        assert.match(partialPreviewReason(listing([root("same")], undefined)) ?? "", /lists only the stack's root resource/);
    });

    it("reads changeSummary.same as a count: absent summary undefined, no same entry 0, anything else an input error naming it", () => {
        assert.strictEqual(unchangedCount(undefined, "p.json"), undefined);
        assert.strictEqual(unchangedCount({ create: 3 }, "p.json"), 0);
        assert.strictEqual(unchangedCount({ same: 184, delete: 1 }, "p.json"), 184);
        assert.throws(() => unchangedCount([1], "p.json"), /^Error: p\.json: "changeSummary" must be an object of step op to count \(got a list\)$/);
        assert.throws(() => unchangedCount({ same: "184" }, "p.json"), /^Error: p\.json: "changeSummary\.same" must be a count/);
        assert.throws(() => unchangedCount({ same: 1.5 }, "p.json"), /"changeSummary\.same" must be a count/);
    });

    it("says the input is cut short, not to add --show-sames, when unchanged resources are listed already", () => {
        assert.match(partialPreviewReason(listing([root("same"), vpc("a", "same"), vpc("b", "same")], 5)) ?? "", /a preview made with --show-sames lists every resource: check the input is the whole output/);
    });
});

describe("check --from an export whose subnet values cannot be read: undetermined, never a zone of their own", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "unreadable-subnets-"));
    let n = 0;
    /** Every finding of `check --from` (enforcement, policy, resource, message), and its exit code. */
    const findings = async (doc: unknown): Promise<[number, { enforcement: string; policy: string; urn: string; message: string }[]]> => {
        const f = path.join(dir, `export-${n++}.json`);
        fs.writeFileSync(f, JSON.stringify(doc));
        const [code, out] = await check(parseCheckArgs(["--from", f, "--output", "json"]));
        const report: unknown = JSON.parse(out);
        assert.ok(typeof report === "object" && report !== null && "policy" in report && typeof report.policy === "object" && report.policy !== null && "violations" in report.policy && Array.isArray(report.policy.violations));
        return [code, report.policy.violations.flatMap((v: unknown) => (typeof v === "object" && v !== null && "enforcement" in v && "policy" in v && "urn" in v && "message" in v ? [{ enforcement: String(v.enforcement), policy: String(v.policy), urn: String(v.urn), message: String(v.message) }] : []))];
    };
    /** An export secret as `pulumi stack export` writes it (sdk/go/common/resource/sig.go Secret signature, ciphertext). */
    const SECRET = { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", ciphertext: "v1:Zm9vYmFy" };
    const EXTERNAL = "subnet-0123456789abcdef0";
    const NODE_POOLS = "ha-kubernetes-node-pools-require-multi-zone";

    let plan: Plan;
    let pools: PlannedResource[];
    let baseline: [number, { enforcement: string; policy: string; urn: string; message: string }[]];
    before(async () => {
        plan = await shippedPlan("growth-aws");
        pools = plan.resources.filter((r) => r.type === "aws:eks/nodeGroup:NodeGroup");
        assert.strictEqual(pools.length, 2, "growth-aws has one node group per zone");
        baseline = await findings(exportDoc(plan, plan.resources));
    });
    /** The export with the node groups `changed` placed on `subnetIds` (inputs and outputs), without the resources `removed`. */
    const placed = (changed: readonly PlannedResource[], subnetIds: unknown, removed: readonly PlannedResource[] = []): unknown => ({
        version: 3,
        deployment: {
            resources: plan.resources.filter((r) => !removed.includes(r)).map((r) => {
                const s = state(r, plan, true);
                if (!changed.includes(r)) return s;
                return { ...s, inputs: { ...r.inputs, subnetIds }, outputs: { ...(r.outputs ?? {}), subnetIds } };
            }),
        },
    });
    type Found = { enforcement: string; policy: string; urn: string; message: string };
    const nodePoolFindings = (all: readonly Found[]): Found[] => all.filter((f) => f.policy === NODE_POOLS || f.message.startsWith(`${NODE_POOLS}:`));

    for (const [label, changed, value, shown] of [
        ["a node group on a subnet the stack does not declare", (): PlannedResource[] => [pools[1]], [EXTERNAL], `${EXTERNAL} (no subnet of the stack)`],
        ["a node group whose subnetIds are a secret", (): PlannedResource[] => [pools[1]], SECRET, "subnetIds (a secret)"],
        ["both node groups' subnetIds secrets", (): PlannedResource[] => pools, SECRET, "subnetIds (a secret)"],
    ] as const) {
        it(`${label}: an advisory that the zones cannot be judged, no zone counted for it, no mandatory node-pool finding`, async () => {
            const [code, found] = await findings(placed(changed(), value));
            assert.deepStrictEqual(nodePoolFindings(baseline[1]), []);
            const pool = nodePoolFindings(found);
            assert.deepStrictEqual(pool.map((f) => f.enforcement), ["advisory"], JSON.stringify(pool));
            // filed under the node group whose subnets cannot be read (the first of them), not the cluster's first group
            assert.strictEqual(pool[0].urn, changed()[0].urn);
            assert.strictEqual(pool[0].policy, "ha-stack-cannot-judge-from-input");
            assert.ok(pool[0].message.includes(shown) && /cannot be judged: .*the input does not carry its zone, and no such value counts as a zone of its own/.test(pool[0].message), pool[0].message);
            // an export's values exist: never "until created" for what the input cannot tell
            assert.doesNotMatch(pool[0].message, /until created|before the resources exist/);
            const flows = found.filter((f) => f.policy === "flow-connected" && f.message.includes("routes 0.0.0.0/0 to a NAT gateway"));
            assert.ok(flows.length > 0 && flows.every((f) => f.enforcement === "advisory" && /whose state the input does not carry/.test(f.message) && !/before the resources exist/.test(f.message)), JSON.stringify(flows));
            // each names the node group that gives the subnet, not another one of the cluster
            assert.ok(flows.every((f) => changed().some((p) => f.message.includes(`: ${p.name} uses `))), JSON.stringify(flows));
            assert.strictEqual(code, baseline[0]);
            assert.ok(!JSON.stringify(found).includes("v1:Zm9vYmFy"), "the secret's ciphertext is never shown");
        });
    }

    it("both node groups on the same undeclared subnet: one subnet is at most one zone, a mandatory finding", async () => {
        const [code, found] = await findings(placed(pools, [EXTERNAL]));
        assert.strictEqual(code, 1);
        assert.ok(nodePoolFindings(found).some((f) => f.enforcement === "mandatory" && /spans 1 zone/.test(f.message)), JSON.stringify(nodePoolFindings(found)));
    });

    it("a node group whose one subnet is not declared still fails when its other group is removed: one subnet is at most one zone", async () => {
        const [code, found] = await findings(placed([pools[1]], [EXTERNAL], [pools[0]]));
        assert.strictEqual(code, 1);
        assert.ok(nodePoolFindings(found).some((f) => f.enforcement === "mandatory" && /spans 1 zone/.test(f.message)), JSON.stringify(nodePoolFindings(found)));
    });
});
