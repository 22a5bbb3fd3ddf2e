// The mature multi-region guarantees move the estimate: removing the global database, the CDN
// origin failover or one region's steering health check from a shipped mature plan lowers the
// availability it reports (the stack's, or the viewer flow's for the CDN), resolved and in preview,
// and the rule for it reports a mandatory violation naming the resource.

import * as assert from "assert";

import { POLICIES } from "../../policies/all";
import { EvalResource, availabilityOf, evaluatePolicies } from "../../tools/lib/evaluate";
import { isRecord, list } from "../../policies/lib/values";
import { shippedPlan, shippedPreviewPlan } from "../support/shipped";
import { withoutResource } from "./helpers";

interface Removal {
    readonly what: string;
    readonly policy: string;
    readonly apply: (resources: readonly EvalResource[]) => EvalResource[];
    /** Which estimate must drop: the stack's, or the viewer flow's. */
    readonly drops: "stack" | "viewer";
}

const withoutFirst = (type: string) => (resources: readonly EvalResource[]): EvalResource[] => {
    const first = resources.find((r) => r.type === type);
    return first === undefined ? [...resources] : withoutResource(resources, first);
};

/** The CDN without origin failover, as the stage presets below mature declare it: one origin, no group. */
function singleOrigin(resources: readonly EvalResource[]): EvalResource[] {
    return resources.map((r) => {
        if (r.type === "aws:cloudfront/distribution:Distribution") {
            const first = list(r.inputs.origins)[0];
            const id = isRecord(first) ? first.originId : undefined;
            const deps = r.propertyDependencies?.origins ?? [];
            return { ...r, inputs: { ...r.inputs, origins: [first], originGroups: [], defaultCacheBehavior: { ...(isRecord(r.inputs.defaultCacheBehavior) ? r.inputs.defaultCacheBehavior : {}), targetOriginId: id } }, propertyDependencies: { ...r.propertyDependencies, origins: deps.slice(0, 1) } };
        }
        if (r.type === "alicloud:cdn/domainNew:DomainNew") {
            const sources = list(r.inputs.sources);
            const deps = r.propertyDependencies?.sources ?? [];
            return { ...r, inputs: { ...r.inputs, sources: sources.slice(0, 1) }, propertyDependencies: { ...r.propertyDependencies, sources: deps.slice(0, 1) } };
        }
        return r;
    });
}

const REMOVALS: Readonly<Record<string, readonly Removal[]>> = {
    "mature-aws": [
        { what: "the Aurora global cluster", policy: "ha-stack-require-global-database", apply: withoutFirst("aws:rds/globalCluster:GlobalCluster"), drops: "stack" },
        { what: "one region's Route 53 health check", policy: "ha-stack-require-steering-health-checks", apply: withoutFirst("aws:route53/healthCheck:HealthCheck"), drops: "stack" },
        { what: "the CloudFront origin group", policy: "ha-stack-require-cdn-origin-failover", apply: singleOrigin, drops: "viewer" },
    ],
    "mature-alicloud": [
        { what: "the PolarDB global database network", policy: "ha-stack-require-global-database", apply: withoutFirst("alicloud:polardb/globalDatabaseNetwork:GlobalDatabaseNetwork"), drops: "stack" },
        { what: "one region's GTM monitor", policy: "ha-stack-require-steering-health-checks", apply: withoutFirst("alicloud:dns/monitorConfig:MonitorConfig"), drops: "stack" },
        { what: "the CDN's sources in other regions", policy: "ha-stack-require-cdn-origin-failover", apply: singleOrigin, drops: "viewer" },
    ],
};

function estimateOf(resources: readonly EvalResource[], which: "stack" | "viewer"): number {
    const a = availabilityOf(POLICIES, resources);
    const value = which === "stack" ? a.percent : a.flows.find((f) => f.key === "viewer")?.percent;
    assert.ok(typeof value === "number", `no ${which} estimate`);
    return value;
}

describe("the mature multi-region guarantees are rules, and the estimate drops without them", () => {
    for (const [stack, removals] of Object.entries(REMOVALS)) {
        for (const [mode, planOf] of [["resolved", shippedPlan], ["preview", shippedPreviewPlan]] as const) {
            for (const removal of removals) {
                it(`${stack} (${mode}) without ${removal.what}: ${removal.policy} is mandatory and the ${removal.drops} estimate drops`, async () => {
                    const plan = await planOf(stack);
                    const broken = removal.apply(plan.resources);
                    const before = estimateOf(plan.resources, removal.drops);
                    const after = estimateOf(broken, removal.drops);
                    assert.ok(after < before, `${after} is not below ${before}`);
                    const policy = POLICIES.filter((p) => p.name === removal.policy);
                    assert.deepStrictEqual((await evaluatePolicies(policy, plan.resources, { stage: "mature" })).violations, []);
                    const found = (await evaluatePolicies(policy, broken, { stage: "mature" })).violations;
                    assert.ok(found.length > 0 && found.every((v) => v.enforcement === "mandatory" && v.urn !== ""), JSON.stringify(found));
                });
            }
        }
    }
});

describe("the multi-region rules in a first preview without the dependencies that resolve a reference", () => {
    it("report nothing for an unknown reference no dependency resolves; ha-stack-cannot-judge-from-input lists it", async () => {
        const plan = await shippedPreviewPlan("mature-aws");
        const blind = plan.resources.map((r) => (r.type === "aws:route53/healthCheck:HealthCheck" ? { ...r, propertyDependencies: {} } : r));
        const rules = POLICIES.filter((p) => p.name === "ha-stack-require-steering-health-checks" || p.name === "ha-stack-cannot-judge-from-input");
        const found = (await evaluatePolicies(rules, blind, { stage: "mature" })).violations;
        assert.deepStrictEqual(found.filter((v) => v.policy === "ha-stack-require-steering-health-checks"), []);
        const listed = found.filter((v) => v.policy === "ha-stack-cannot-judge-from-input" && v.message.startsWith("ha-stack-require-steering-health-checks:"));
        assert.strictEqual(listed.length, 2);
        assert.ok(listed.every((v) => v.enforcement === "advisory" && v.urn.includes("aws:route53/healthCheck:HealthCheck") && v.message.includes("fqdn is not known before the resources exist")));
    });
});
