// The second `pulumi up` after a rename: a resource whose URN changes (a new component type token,
// a new name, a new parent) is deleted and created again unless an alias names its old URN; for a
// database or a bucket that loses the data. tests/fixtures/urns-before-seam.json holds the URNs a
// stack deployed before the cloud seam's renames has; every one must still be in the stack's plan
// or be reached by an alias of exactly one resource of it. A change that removes a resource on
// purpose removes its URN from the fixture, so the deletion is stated where it is reviewed; new
// resources are free to appear.

import * as assert from "assert";
import { readFileSync } from "fs";
import * as path from "path";

import { Plan, PlannedResource, engineUrns } from "../../tools/lib/record";
import { listStacks } from "../../tools/lib/stackfiles";
import { shippedPlan } from "../support/shipped";

interface UrnFixture {
    readonly source: string;
    /** Per stack: its engine-form URNs (engineUrns) without the `urn:pulumi:<stack>::<project>::` prefix, the root stack left out. */
    readonly stacks: Readonly<Record<string, readonly string[]>>;
}

function isUrnFixture(v: unknown): v is UrnFixture {
    if (typeof v !== "object" || v === null || !("stacks" in v) || !("source" in v)) return false;
    const stacks: unknown = v.stacks;
    return typeof stacks === "object" && stacks !== null && Object.values(stacks).every((list) => Array.isArray(list) && list.every((u) => typeof u === "string"));
}

function loadFixture(): UrnFixture {
    const parsed: unknown = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "..", "tests", "fixtures", "urns-before-seam.json"), "utf8"));
    if (!isUrnFixture(parsed)) throw new Error("tests/fixtures/urns-before-seam.json: expected { source, stacks: { <stack>: [urn, ...] } }");
    return parsed;
}

/** The name part of a URN (after the last `::`). */
function urnName(urn: string): string {
    return urn.slice(urn.lastIndexOf("::") + 2);
}

/** The engine-form URN of a child of type `type` named `name` under a parent whose URN is `parentUrn`. */
function childUrn(parentUrn: string, type: string, name: string): string {
    const [scheme, project, parentChain] = parentUrn.split("::");
    return `${scheme}::${project}::${parentChain}$${type}::${name}`;
}

/**
 * Every engine-form URN the engine matches each resource against, by the resource's engine-form
 * URN: the URNs its own aliases name, and for each alias of its parent (own or inherited) the URN it
 * would have had under that parent, with the parent's old name as the prefix when its name starts
 * with the parent's name. This is the engine's rule (pulumi/pulumi
 * pkg/resource/deploy/step_generator.go: generateAliases multiplies out the parent's aliases
 * through inheritedChildAlias).
 */
function aliasesOf(plan: Plan): ReadonlyMap<string, readonly string[]> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const engine = engineUrns(plan);
    const memo = new Map<string, readonly string[]>();
    const of = (r: PlannedResource): readonly string[] => {
        const hit = memo.get(r.urn);
        if (hit !== undefined) return hit;
        const parent = r.parent === null ? undefined : byUrn.get(r.parent);
        const inherited =
            parent === undefined
                ? []
                : of(parent).map((parentAlias) => childUrn(parentAlias, r.type, r.name.startsWith(parent.name) ? urnName(parentAlias) + r.name.slice(parent.name.length) : r.name));
        const all = [...new Set([...(r.aliases ?? []), ...inherited])];
        memo.set(r.urn, all);
        return all;
    };
    return new Map(plan.resources.map((r) => [engine.get(r.urn) ?? r.urn, of(r)]));
}

/** The aliases of the resource of `stack`'s plan whose URN ends with `urnEnd`. */
async function aliasOf(stack: string, urnEnd: string): Promise<readonly string[]> {
    const hit = (await shippedPlan(stack)).resources.find((r) => r.urn.endsWith(urnEnd));
    assert.ok(hit !== undefined, `${stack}: no resource ${urnEnd}`);
    return hit.aliases ?? [];
}

describe("renames keep existing stacks in place (aliases)", function () {
    const fixture = loadFixture();

    it("the fixture covers every shipped stack", () => {
        assert.deepStrictEqual(Object.keys(fixture.stacks).sort(), listStacks().sort());
    });

    for (const stack of Object.keys(fixture.stacks).sort()) {
        it(`${stack}: every URN of the deployed stack is in the plan or aliased by exactly one resource`, async () => {
            const plan = await shippedPlan(stack);
            const prefix = `urn:pulumi:${stack}::live-commerce::`;
            const before = new Set((fixture.stacks[stack] ?? []).map((u) => prefix + u));
            const now = new Set([...engineUrns(plan).values()].filter((u) => !u.includes("::pulumi:pulumi:Stack::")));
            const aliases = aliasesOf(plan);
            const claims = new Map<string, string[]>();
            for (const [urn, list] of aliases) for (const old of list) if (before.has(old) && !now.has(old)) claims.set(old, [...(claims.get(old) ?? []), urn]);
            const lost = [...before].filter((u) => !now.has(u) && (claims.get(u) ?? []).length !== 1);
            assert.deepStrictEqual(lost, [], "URNs a second `pulumi up` would delete (no alias, or more than one)");
        });
    }

    it("the renames: the Alibaba Cloud app group's type token and the AWS child roles -lb, -app, -db", async () => {
        assert.deepStrictEqual(await aliasOf("startup-alicloud", "live-commerce:alicloud:Region$live-commerce:alicloud:AutoScaling::lc-cn-hangzhou-app"), [
            "urn:pulumi:startup-alicloud::live-commerce::live-commerce:alicloud:Region$live-commerce:alicloud:Autoscaling::lc-cn-hangzhou-app",
        ]);
        const aws = "urn:pulumi:startup-aws::live-commerce::live-commerce:aws:Region$";
        assert.deepStrictEqual(await aliasOf("startup-aws", "live-commerce:aws:Region$live-commerce:aws:LoadBalancer::lc-us-east-1-lb"), [`${aws}live-commerce:aws:LoadBalancer::lc-us-east-1-loadbalancer`]);
        assert.deepStrictEqual(await aliasOf("startup-aws", "live-commerce:aws:Region$live-commerce:aws:AutoScaling::lc-us-east-1-app"), [`${aws}live-commerce:aws:AutoScaling::lc-us-east-1-autoscaling`]);
        assert.deepStrictEqual(await aliasOf("startup-aws", "live-commerce:aws:Region$live-commerce:aws:Database::lc-us-east-1-db"), [`${aws}live-commerce:aws:Database::lc-us-east-1-database`]);
    });

    it("the renames: the serverless tier's type token ServerlessServices on both clouds (was ServerlessApps, FargateServices)", async () => {
        assert.deepStrictEqual(await aliasOf("growth-alicloud-serverless", "live-commerce:alicloud:Region$live-commerce:alicloud:ServerlessServices::lc-cn-hangzhou-sae"), [
            "urn:pulumi:growth-alicloud-serverless::live-commerce::live-commerce:alicloud:Region$live-commerce:alicloud:ServerlessApps::lc-cn-hangzhou-sae",
        ]);
        assert.deepStrictEqual(await aliasOf("growth-aws-serverless", "live-commerce:aws:Region$live-commerce:aws:ServerlessServices::lc-us-east-1-fargate"), [
            "urn:pulumi:growth-aws-serverless::live-commerce::live-commerce:aws:Region$live-commerce:aws:FargateServices::lc-us-east-1-fargate",
        ]);
    });
});
