// Helpers for policy tests: one resource or a small stack through the offline evaluator.

import type { Policies, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";

import { EvalResource, Violation, evaluatePolicies } from "../../tools/lib/evaluate";

const PROVIDER = "urn:pulumi:t::live-commerce::pulumi:providers:aws::p";

export function res(type: string, inputs: Record<string, unknown>, name = "r", parent: string | null = null): EvalResource {
    return { urn: `urn:pulumi:t::live-commerce::${type}::${name}`, type, name, parent, custom: true, provider: `${PROVIDER}::id`, inputs };
}

export const providerRes = (region: string): EvalResource => ({ urn: PROVIDER, type: "pulumi:providers:aws", name: "p", parent: null, custom: true, provider: null, inputs: { region } });

export async function violations(policy: ResourceValidationPolicy | StackValidationPolicy, resources: readonly EvalResource[], stage = "growth", config: Record<string, unknown> = {}): Promise<Violation[]> {
    const policies: Policies = [policy];
    return (await evaluatePolicies(policies, resources, { stage, config })).violations;
}

/** Deep-merges `patch` into `base` (objects merge, everything else replaces). */
export function patch(base: Record<string, unknown>, p: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(p)) {
        const b = out[k];
        out[k] = typeof v === "object" && v !== null && !Array.isArray(v) && typeof b === "object" && b !== null && !Array.isArray(b) ? patch({ ...b }, { ...v }) : v;
    }
    return out;
}

/** Sets (or with `undefined` removes) a top-level input and its recorded dependencies together, as a program would. */
export const setRef = (prop: string, value: unknown, deps: readonly string[]) => (r: EvalResource): EvalResource => {
    const inputs = Object.fromEntries(Object.entries(r.inputs).filter(([k]) => k !== prop));
    const propertyDependencies = Object.fromEntries(Object.entries(r.propertyDependencies ?? {}).filter(([k]) => k !== prop));
    return { ...r, inputs: value === undefined ? inputs : { ...inputs, [prop]: value }, propertyDependencies: deps.length === 0 ? propertyDependencies : { ...propertyDependencies, [prop]: [...deps] } };
};

/**
 * The resources without `removed`, as a program that stops declaring it would leave them: every
 * property that referred to it (by its recorded dependency) loses the reference, and a property
 * that referred to nothing else is no longer set.
 */
export function withoutResource(resources: readonly EvalResource[], removed: EvalResource): EvalResource[] {
    return resources.filter((r) => r !== removed).map((r) => {
        const hit = Object.entries(r.propertyDependencies ?? {}).filter(([, urns]) => urns.includes(removed.urn));
        if (hit.length === 0) return r;
        let next = r;
        for (const [prop, urns] of hit) {
            const rest = urns.filter((u) => u !== removed.urn);
            next = setRef(prop, rest.length === 0 ? undefined : next.inputs[prop], rest)(next);
        }
        return next;
    });
}

