// A planned resource as `pulumi preview --json` and `pulumi stack export` print a state.

import type { PlannedResource } from "../../tools/lib/record";

/**
 * `r` as ResourceV3 (pulumi/pulumi sdk/go/common/apitype/core.go). `known`: with its id and
 * `outputs` (an old state, an export), else without (the new state of a same or update step,
 * which the CLI writes before the step runs). `outputs` defaults to the resource's own.
 */
export function resourceV3(r: PlannedResource, known: boolean, outputs: Record<string, unknown> | undefined = r.outputs, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return {
        urn: r.urn,
        custom: r.custom,
        type: r.type,
        ...(known && r.id !== undefined ? { id: r.id } : {}),
        inputs: r.inputs,
        ...(known && outputs !== undefined ? { outputs } : {}),
        ...(r.parent !== null ? { parent: r.parent } : {}),
        ...(r.provider !== null ? { provider: r.provider } : {}),
        ...(r.propertyDependencies !== undefined ? { propertyDependencies: r.propertyDependencies } : {}),
        ...extra,
    };
}
