// The offline policy evaluator behaves as the CrossGuard engine does for what policies can observe.

import * as assert from "assert";
import * as aws from "@pulumi/aws";
import { Policies, validateResourceOfType } from "@pulumi/policy";

import { EvalResource, evaluatePolicies } from "../../tools/lib/evaluate";

const resource = (type: string, name: string, inputs: Record<string, unknown>): EvalResource => ({
    urn: `urn:pulumi:s::live-commerce::${type}::${name}`,
    type,
    name,
    parent: null,
    custom: true,
    provider: null,
    inputs,
});

const BUCKET = "aws:s3/bucket:Bucket";
const QUEUE = "aws:sqs/queue:Queue";
const RESOURCES = [resource(BUCKET, "b", { tags: { z: "1", a: "2" } }), resource(QUEUE, "q", { tags: { k: "v" } })];

describe("offline policy evaluator", () => {
    it("runs a typed validation only on its type, an untyped one on every resource", async () => {
        const seen: string[] = [];
        const policies: Policies = [
            {
                name: "typed",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: validateResourceOfType(aws.s3.Bucket, (_b, args) => {
                    seen.push(`typed:${args.name}`);
                }),
            },
            {
                name: "untyped",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args) => {
                    seen.push(`untyped:${args.name}`);
                },
            },
        ];
        await evaluatePolicies(policies, RESOURCES, { stage: "growth" });
        assert.deepStrictEqual(seen, ["typed:b", "untyped:b", "untyped:q"]);
    });

    it("notApplicable throws an Error with the reason (as NotApplicableError), never a finding", async () => {
        let caught: unknown;
        const policies: Policies = [
            {
                name: "skips",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args, report) => {
                    try {
                        args.notApplicable("no tags here");
                    } catch (e) {
                        caught = e;
                    }
                    report("reported after catching");
                    args.notApplicable("done");
                },
            },
        ];
        const result = await evaluatePolicies(policies, RESOURCES.slice(0, 1), { stage: "growth" });
        assert.ok(caught instanceof Error && caught.message === "no tags here" && caught.name === "NotApplicableError");
        assert.deepStrictEqual(
            result.violations.map((v) => v.message),
            ["reported after catching"],
        );
    });

    it("a validation that sorts or writes its props still runs, on its own copy, and the next policy sees the original", async () => {
        const keys: string[][] = [];
        const policies: Policies = [
            {
                name: "writes",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args, report) => {
                    report("first attempt");
                    args.props.tags = { ...args.props.tags, added: "x" };
                    keys.push(Object.keys(args.props.tags).sort());
                },
            },
            {
                name: "reads",
                description: "d",
                enforcementLevel: "mandatory",
                validateResource: (args) => {
                    keys.push(Object.keys(args.props.tags));
                },
            },
        ];
        const result = await evaluatePolicies(policies, RESOURCES.slice(0, 1), { stage: "growth" });
        assert.deepStrictEqual(keys, [["a", "added", "z"], ["z", "a"]]);
        assert.deepStrictEqual(
            result.violations.map((v) => v.message),
            ["first attempt"],
            "the findings of the attempt on the frozen props are dropped, not doubled",
        );
    });
});
