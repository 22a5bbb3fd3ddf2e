// Reads the inputs `check --from` accepts: a saved offline plan (`npm run plan -- --format json`,
// one plan or a list), the JSON of `pulumi preview --json`, or a `pulumi stack export` file.

import { POLICIES } from "../../policies/all";
import { checkConformance } from "../../policies/conformance";
import { isRecord, list, str } from "../../policies/lib/values";
import { EvalResource, PackConfig, Violation, availabilityOf, evaluatePolicies } from "./evaluate";
import { sanitize } from "./record";
import { StackReport } from "./report";
import { analyzeFlows } from "../../policies/flows/analyze";
import { FlowResult } from "../../policies/flows/walk";

/** The policy name under which a broken flow is reported. */
export const FLOW_POLICY = "flow-connected";

/**
 * A broken flow as a finding naming the broken hop and its resource: mandatory, except where the
 * hop waits for a setting the stack lists as not yet given (`unset`, the plan's
 * `notDeployableUntilSet` keys): then advisory, as the placeholder itself is. A real program with
 * such a setting missing stops before declaring anything, so no preview of it reaches the gate.
 */
export function flowViolations(flows: readonly FlowResult[], unset: readonly string[] = []): Violation[] {
    return flows.flatMap((f) => {
        if (f.broken === undefined) return [];
        const pending = f.broken.setting !== undefined && unset.includes(f.broken.setting);
        const where = `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} is broken at hop "${f.broken.hop}": ${f.broken.reason}`;
        return [{ policy: FLOW_POLICY, enforcement: pending ? ("advisory" as const) : ("mandatory" as const), urn: f.broken.urn, message: pending ? `${where} (not deployable until ${f.broken.setting} is set)` : where }];
    });
}

export interface StackInput {
    readonly stack: string;
    /** Declared stage ("" when the input does not say). */
    readonly stage: string;
    readonly resources: EvalResource[];
    /** Config keys the stack has not given yet (an offline plan's `notDeployableUntilSet`). */
    readonly unset?: readonly string[];
}

export class InputFormatError extends Error {}

function stackFromUrn(urn: string): string {
    return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1] ?? "";
}

/** A ResourceV3 (preview newState or export resource) as an evaluator resource; secrets become "[secret]". */
export function fromResourceV3(v: unknown): EvalResource | undefined {
    if (!isRecord(v) || typeof v.urn !== "string" || typeof v.type !== "string") return undefined;
    const inputs = sanitize(isRecord(v.inputs) ? v.inputs : {});
    const outputs = sanitize(isRecord(v.outputs) ? v.outputs : {});
    const deps = isRecord(v.propertyDependencies) ? v.propertyDependencies : {};
    const propertyDependencies = Object.fromEntries(Object.entries(deps).map(([k, urns]) => [k, list(urns).filter((u): u is string => typeof u === "string")]));
    const id = str(v.id);
    return {
        urn: v.urn,
        type: v.type,
        name: v.urn.split("::").pop() ?? "",
        parent: str(v.parent) ?? null,
        custom: v.custom === true,
        provider: str(v.provider) ?? null,
        inputs: isRecord(inputs) ? inputs : {},
        ...(v.retainOnDelete === true ? { retainOnDelete: true } : {}),
        ...(id !== undefined && id !== "" ? { id } : {}),
        ...(isRecord(outputs) && Object.keys(outputs).length > 0 ? { outputs } : {}),
        ...(Object.keys(propertyDependencies).length > 0 ? { propertyDependencies } : {}),
    };
}

function fromPlan(v: Record<string, unknown>): StackInput {
    const unset = list(v.notDeployableUntilSet).flatMap((m) => (isRecord(m) && typeof m.key === "string" ? [m.key] : []));
    return { stack: str(v.stack) ?? "", stage: str(v.stage) ?? "", resources: list(v.resources).map(fromResourceV3).filter((r): r is EvalResource => r !== undefined), unset };
}

function named(resources: EvalResource[]): StackInput {
    return { stack: stackFromUrn(resources[0]?.urn ?? ""), stage: "", resources };
}

/** Detects the format of a parsed JSON document and returns the stacks in it. */
export function parseInput(doc: unknown): StackInput[] {
    if (Array.isArray(doc)) return doc.filter(isRecord).map(fromPlan);
    if (!isRecord(doc)) throw new InputFormatError("input is not a JSON object");
    if (Array.isArray(doc.resources) && "stack" in doc) return [fromPlan(doc)];
    if (Array.isArray(doc.steps)) {
        const states = doc.steps.filter(isRecord).filter((s) => s.op !== "delete").map((s) => fromResourceV3(s.newState));
        return [named(states.filter((r): r is EvalResource => r !== undefined))];
    }
    if (isRecord(doc.deployment)) return [named(list(doc.deployment.resources).map(fromResourceV3).filter((r): r is EvalResource => r !== undefined))];
    throw new InputFormatError("unknown input: expected an offline plan ({stack, resources}), `pulumi preview --json` ({steps}) or `pulumi stack export` ({deployment})");
}

/** Policies, provider conformance and availability of one stack. */
export async function evaluateStack(input: StackInput, config: PackConfig = {}): Promise<StackReport> {
    const result = await evaluatePolicies(POLICIES, input.resources, { stage: input.stage, config });
    const flows = analyzeFlows(input.resources);
    return {
        stack: input.stack,
        stage: input.stage || result.stage || "",
        policy: { violations: [...result.violations, ...flowViolations(flows, input.unset)] },
        conformance: { violations: checkConformance(input.resources) },
        availability: availabilityOf(POLICIES, input.resources, config),
        flows,
    };
}

export const POLICY_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
    ...POLICIES.map((p): [string, string] => [p.name, p.description]),
    [FLOW_POLICY, "Every live-commerce flow connects end to end, hop by hop (certificate names, listener to targets answering the health check, security-group path, identity, route to egress)"],
]);

/** The one stack of a base file (`--base`): a saved plan, a preview or an export; two or more stacks are an error. */
export function readSingleStack(doc: unknown, file: string): StackInput {
    const stacks = parseInput(doc);
    if (stacks.length !== 1) throw new InputFormatError(`${file}: a base must hold exactly one stack (got ${stacks.length}); plan one stack with --stack`);
    return stacks[0];
}
