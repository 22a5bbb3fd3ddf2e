// Reads the inputs `check --from` accepts: a saved offline plan (`npm run plan -- --format json`,
// one plan or a list), the JSON of `pulumi preview --json`, or a `pulumi stack export` file.
// Every input must name its stage (or `--stage` gives it) and hold at least one resource: a gate
// never passes on nothing.

import { POLICIES } from "../../policies/all";
import { checkConformance } from "../../policies/conformance";
import type { EnforcementLevel } from "@pulumi/policy";

import { STAGES, Stage, isStage, stageFromTags } from "../../policies/lib/stage";
import { deepFreeze, depthOf, isRecord, list, str, tagValue } from "../../policies/lib/values";
import { EvalResource, PackConfig, Violation, availabilityOf, evaluatePolicies } from "./evaluate";
import { sanitize } from "./record";
import { BOUNDARY_NAMES, isBoundaryName } from "../../components/model/residency";
import { describeHidden, holdsSecret, kindOf, mayQuote } from "../../components/model/errors";
import { CLOUDS } from "../../components/model/schema";
import { UNKNOWN_STRING, isUnknown } from "../../policies/lib/refs";
import { quotableName } from "./name-alphabet";
import { missingSettings, parseConfigValues } from "../../components/model";
import { profileOf, resolveSpec } from "../../components/profiles";
import { StackReport, reportedConformance } from "./report";
import { analyzeFlows } from "../../policies/flows/analyze";
import { FlowResult } from "../../policies/flows/walk";
import { FLOW_CONNECTED, flowConnectedLevel } from "../../policies/flows/finding";

/** The policy name under which a broken flow is reported. */
export const FLOW_POLICY = FLOW_CONNECTED.name;

/**
 * A broken flow as a finding naming the broken hop and its resource: mandatory, except where the
 * hop waits for a setting the stack lists as not yet given (`unset`, the plan's
 * `notDeployableUntilSet` keys): then advisory, as the placeholder itself is. A real program with
 * such a setting missing stops before declaring anything, so no preview of it reaches the gate.
 */
export function flowViolations(flows: readonly FlowResult[], unset: readonly string[] = [], level: EnforcementLevel = "mandatory"): Violation[] {
    if (level === "disabled") return [];
    const found = flows.flatMap((f) => {
        if (f.broken === undefined) return undeterminedHops(f); // an unknown flow's hops, or a connected flow's operator links
        // The break, then every resource waiting for a setting the walk went past, once per resource
        // and key (the break may be one; a contact group several alarms notify is one finding).
        const seen = new Set<string>();
        const breaks = [f.broken, ...(f.advisories ?? [])].filter((b) => {
            const key = `${b.urn}\0${b.setting ?? b.hop}`;
            if (seen.has(key)) return false;
            seen.add(key);
            return true;
        });
        return breaks.map((b) => {
            const pending = b.setting !== undefined && unset.includes(b.setting);
            const where = `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} is broken at hop "${b.hop}": ${b.reason}`;
            return { policy: FLOW_POLICY, enforcement: pending ? ("advisory" as const) : ("mandatory" as const), urn: b.urn, message: pending ? `${where} (not deployable until ${b.setting} is set)` : where, subject: flowSubject(f, b.setting ?? b.hop) };
        });
    });
    return level === "advisory" ? found.map((v) => ({ ...v, enforcement: "advisory" as const })) : found;
}

/**
 * The enforcement level of the flow findings at `stage` set by a validated pack config
 * (tools/lib/pack-config.ts folds `all` into the `flow-connected` entry; policies/flows/finding.ts
 * reads its level and `stages`): "disabled" drops them, "advisory" makes every one advisory,
 * "mandatory" (and "remediate", as a flow cannot be remediated) keeps the defaults of
 * flowViolations. Defaults to "mandatory".
 */
export function flowEnforcement(config: PackConfig, stage?: Stage): EnforcementLevel {
    return flowConnectedLevel(config, stage);
}

/** The stable subject of a flow finding (Violation.subject): the flow, its region and the hop or setting. */
function flowSubject(f: FlowResult, hop: string): string {
    return `${f.name} / ${f.region ?? "global"} / ${hop}`;
}

/**
 * The hops of a flow that cannot be judged until their resources exist (a first preview), or at
 * all (a policy condition, a literal the analysis does not evaluate: Hop `unevaluated`, an
 * unreadable value, a link the operator sets outside the stack), as advisory findings naming the
 * resource and what is unknown, worded by that kind: never a broken flow.
 */
function undeterminedHops(f: FlowResult): Violation[] {
    return f.hops.flatMap((h) =>
        h.ok === null
            ? [
                  {
                      policy: FLOW_POLICY,
                      enforcement: "advisory" as const,
                      urn: h.urn,
                      subject: flowSubject(f, h.check),
                      // A policy condition the plan cannot evaluate (contracts.accessVerdict) stays undetermined after creation too.
                      message: h.unknown?.startsWith("Condition ")
                          ? `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} cannot be judged at hop "${h.check}": ${h.resource} depends on a policy ${h.unknown} the plan cannot evaluate`
                          : h.unevaluated === true
                          ? `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} cannot be judged from the plan at all at hop "${h.check}": ${h.resource} ${h.unknown ?? "holds a value"} is a value the plan holds but the analysis does not evaluate, so creating the resources does not settle it`
                          : h.operator === true
                          ? `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} cannot be judged at hop "${h.check}": it depends on ${h.unknown ?? "a link"}, which the operator sets outside the stack (no plan, preview or export shows it)`
                          : h.unreadable === true
                          ? `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} cannot be judged at hop "${h.check}": ${h.resource} uses ${h.unknown ?? "a value"}, whose state the input does not carry`
                          : `flow "${f.name}"${f.region !== null ? ` in ${f.region}` : ""} cannot be judged until created at hop "${h.check}": ${h.unknown !== undefined ? `${h.resource} ${h.unknown}` : `the reference from ${h.resource}`} is not known before the resources exist`,
                  },
              ]
            : [],
    );
}

export interface StackInput {
    readonly stack: string;
    /** The stage the input declares (plan `stage`, preview config, export stack outputs, resource tags); "" only for a `--base` file, which is compared, not judged. */
    readonly stage: Stage | "";
    /** The cloud the input declares ("" when it does not say). */
    readonly cloud: string;
    readonly resources: EvalResource[];
    /** Config keys the stack has not given yet (an offline plan's `notDeployableUntilSet`). */
    readonly unset?: readonly string[];
    /**
     * The residency boundary a preview's config declares (`<project>:residency`), as the
     * sec-data-store-require-residency config it stands for: `{boundary}` for a name, `{regions}`
     * for a list. Undefined when the input declares none.
     */
    readonly residency?: { readonly boundary: string } | { readonly regions: readonly string[] };
    /**
     * The instant (epoch ms) of the `pulumi up` the input stands for: an offline plan's
     * `plannedAt`, an export's `deployment.manifest.time` (ManifestV1 `Time`, "Time of the update",
     * pulumi sdk/go/common/apitype/core.go). Undefined for a preview and for a plan that records none.
     */
    readonly plannedAt?: number;
}

export const RESIDENCY_POLICY = "sec-data-store-require-residency";

export class InputFormatError extends Error {}

function stackFromUrn(urn: string): string {
    return /^urn:pulumi:([^:]+)::/.exec(urn)?.[1] ?? "";
}

/** The project of a URN (`urn:pulumi:<stack>::<project>::...`): the namespace of its stack's config keys. */
function projectFromUrn(urn: string): string {
    return /^urn:pulumi:[^:]+::([^:]+)::/.exec(urn)?.[1] ?? "";
}

/** Where a resource sits in the input, for error messages: "resources[3]". */
type Where = string;

/**
 * Deepest nesting of a resource's inputs or outputs that `check` reads. The providers' schemas nest
 * blocks a few levels and a Kubernetes object about a dozen; deeper is not a resource but a hostile
 * or corrupted input, rejected before any rule walks it.
 */
export const MAX_PROPERTY_DEPTH = 64;

/**
 * The form of a Pulumi URN (pulumi/pulumi sdk/go/common/resource/urn.go):
 * `urn:pulumi:<stack>::<project>::<qualified type>::<name>`, the qualified type being the parents'
 * types and the resource's own joined by `$`.
 */
const URN_FORM = /^urn:pulumi:([^:\s]+)::([^:\s]+)::([^\s]+?)::([^\n\r]*)$/;

/** A URN as an error quotes it: as given when it has the URN form, else only its kind and length. */
function quotedUrn(urn: string): string {
    return URN_FORM.test(urn) && urn.length <= 1024 ? urn : describeHidden(urn);
}

/** What is wrong with a resource's URN (undefined when nothing): not the URN form, or a last type that is not the resource's `type`. */
export function urnIssue(urn: string, type: string): string | undefined {
    const m = URN_FORM.exec(urn);
    if (m === null) return `is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>; got ${isUnknown(urn) ? "the preview's unknown value" : quotableName(urn) ? JSON.stringify(urn) : describeHidden(urn)})`;
    const own = m[3].split("$").pop();
    if (own !== type) return `${urn} names type ${own ?? ""}, but the resource's "type" is ${quotableType(type)}`;
    return undefined;
}

/** A resource type as an error quotes it: a Pulumi type token as given, else its kind and length. */
function quotableType(type: string): string {
    return /^[\w.-]+:[\w./-]*:[\w.-]+$/.test(type) ? type : describeHidden(type);
}

/**
 * A resource's `propertyDependencies` as the engine writes them (ResourceV3 / preview `newState`):
 * an object of property name to a list of URNs. Anything else (a list, a string, a list holding
 * something other than a URN) is an error naming the resource and the property; absent (or null)
 * is none, and so is a property whose list is null (older CLIs serialise a nil list as `null`,
 * and the Node SDK sends an entry for every input).
 */
/** A property name as an error quotes it: an identifier path the stack config's rule lets it quote (mayQuote), else "a property". */
function propertyWord(key: string): string {
    return /^[A-Za-z_$][\w$.-]*$/.test(key) && mayQuote(key) ? key : "a property";
}

function dependenciesOf(raw: unknown, what: string, intern: Intern): Record<string, string[]> {
    if (raw === undefined || raw === null) return {};
    if (!isRecord(raw)) throw new InputFormatError(`${what} must be an object of property name to a list of URNs (got ${kindOf(raw)})`);
    const out: Record<string, string[]> = {};
    for (const [key, urns] of Object.entries(raw)) {
        // a nil list as older CLIs serialise it: no dependency
        if (urns === null) continue;
        if (!Array.isArray(urns)) throw new InputFormatError(`${what}: ${propertyWord(key)} must be a list of URNs (got ${kindOf(urns)})`);
        const bad = urns.findIndex((u) => typeof u !== "string" || !URN_FORM.test(u));
        if (bad !== -1) throw new InputFormatError(`${what}: ${propertyWord(key)}[${bad}] is not a URN (got ${typeof urns[bad] === "string" ? describeHidden(urns[bad]) : kindOf(urns[bad])})`);
        out[key] = urns.filter((u): u is string => typeof u === "string").map(intern);
    }
    return out;
}

/** Whether two JSON values are equal (same scalars, same keys, same items). */
function sameJson(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
    if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
    if (Array.isArray(b) || !isRecord(a) || !isRecord(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
}

/**
 * A resource's outputs with every property equal to the same input property replaced by the
 * input's value itself: an export's (or a plan's) outputs repeat most inputs, and one frozen copy
 * serves both (the values policies read are the same), which halves what such a resource holds.
 */
function sharingInputs(outputs: unknown, inputs: unknown): unknown {
    if (!isRecord(outputs) || !isRecord(inputs)) return outputs;
    for (const key of Object.keys(outputs)) {
        if (Object.hasOwn(inputs, key) && outputs[key] !== inputs[key] && sameJson(outputs[key], inputs[key])) outputs[key] = inputs[key];
    }
    return outputs;
}

/** Returns one instance of each text it is given (see internTable); the identity keeps every text as read. */
export type Intern = (text: string) => string;

const asRead: Intern = (text) => text;

/**
 * An intern table for the texts one input repeats: a resource's URN is written again as each
 * child's `parent`, in every `propertyDependencies` naming it, and a provider reference in every
 * resource it serves; read one by one, each copy would be a string of its own (a URN is 100 to 200
 * characters, a large export holds several per resource). The table keeps one.
 */
export function internTable(): Intern {
    const seen = new Map<string, string>();
    return (text) => {
        const found = seen.get(text);
        if (found !== undefined) return found;
        seen.set(text, text);
        return text;
    };
}

/** Longest property text `internTexts` shares: tag values, regions, zones, enumerations, references; not free text. */
const INTERNED_TEXT = 200;

/** `value` (a fresh copy of its own: sanitize's) with every text of at most INTERNED_TEXT characters in it replaced by `intern`'s instance. */
function internTexts(value: unknown, intern: Intern): unknown {
    if (intern === asRead) return value;
    const pending: unknown[] = [value];
    while (pending.length > 0) {
        const v = pending.pop();
        if (Array.isArray(v)) {
            for (let i = 0; i < v.length; i++) {
                const x: unknown = v[i];
                if (typeof x === "string") v[i] = x.length <= INTERNED_TEXT ? intern(x) : x;
                else if (typeof x === "object" && x !== null) pending.push(x);
            }
        } else if (isRecord(v)) {
            for (const k of Object.keys(v)) {
                const x = v[k];
                if (typeof x === "string") v[k] = x.length <= INTERNED_TEXT ? intern(x) : x;
                else if (typeof x === "object" && x !== null) pending.push(x);
            }
        }
    }
    return value;
}

/** A ResourceV3 (preview newState, export resource, plan resource) as an evaluator resource; secrets become "[secret]". URNs, types and provider references go through `intern`. */
export function fromResourceV3(v: unknown, where: Where, intern: Intern = asRead): EvalResource {
    if (!isRecord(v)) throw new InputFormatError(`${where}: a resource must be a JSON object`);
    if (typeof v.urn !== "string" || v.urn === "") throw new InputFormatError(`${where}: the resource has no "urn"`);
    if (typeof v.type !== "string" || v.type === "") throw new InputFormatError(`${where}: resource ${quotedUrn(v.urn)} has no "type"`);
    const urnProblem = urnIssue(v.urn, v.type);
    if (urnProblem !== undefined) throw new InputFormatError(`${where}: "urn" ${urnProblem}`);
    for (const key of ["inputs", "outputs"]) {
        if (depthOf(v[key], MAX_PROPERTY_DEPTH) > MAX_PROPERTY_DEPTH) throw new InputFormatError(`${where}: "${key}" of ${v.urn} nest deeper than ${MAX_PROPERTY_DEPTH} levels; no provider resource does`);
    }
    if (v.inputs !== undefined && !isRecord(v.inputs)) throw new InputFormatError(`${where}: "inputs" of ${v.urn} must be an object`);
    // the resource's own copies, deeply frozen: every policy reads them without a copy of its own
    const inputs = deepFreeze(internTexts(sanitize(isRecord(v.inputs) ? v.inputs : {}), intern));
    const outputs = deepFreeze(sharingInputs(internTexts(sanitize(isRecord(v.outputs) ? v.outputs : {}), intern), inputs));
    const propertyDependencies = dependenciesOf(v.propertyDependencies, `${where}: "propertyDependencies" of ${v.urn}`, intern);
    const id = str(v.id);
    // every resource this one waits for (its inputs' and `dependsOn`): a preview's and an export's `dependencies`
    const dependencies = [...new Set(list(v.dependencies).filter((u): u is string => typeof u === "string"))].sort().map(intern);
    const parent = str(v.parent);
    const provider = str(v.provider);
    // A plan's own field (PlannedResource.ignoreChanges): which inputs Pulumi leaves at their state
    // (a --base plan's scheduled bounds); a state export holds none.
    const ignoreChanges = list(v.ignoreChanges).filter((p): p is string => typeof p === "string").map(intern);
    return {
        urn: intern(v.urn),
        type: intern(v.type),
        name: v.urn.split("::").pop() ?? "",
        parent: parent !== undefined ? intern(parent) : null,
        custom: v.custom === true,
        provider: provider !== undefined && provider !== "" ? intern(provider) : null,
        inputs: isRecord(inputs) ? inputs : {},
        ...(v.retainOnDelete === true ? { retainOnDelete: true } : {}),
        ...(ignoreChanges.length > 0 ? { ignoreChanges } : {}),
        ...(id !== undefined && id !== "" ? { id } : {}),
        ...(isRecord(outputs) && Object.keys(outputs).length > 0 ? { outputs } : {}),
        ...(Object.keys(propertyDependencies).length > 0 ? { propertyDependencies } : {}),
        ...(dependencies.length > 0 ? { dependencies } : {}),
    };
}

/**
 * A resource of the input converted as soon as the reader completed it (`inputReviver`), so that the
 * raw document is never held whole; a conversion error is kept and thrown where the resource is
 * read, in the order the document's checks read it.
 */
export class ConvertedResource {
    constructor(private readonly result: EvalResource | InputFormatError) {}

    resource(): EvalResource {
        if (this.result instanceof InputFormatError) throw this.result;
        return this.result;
    }

    /** The converted resource, or undefined when it did not convert. */
    peek(): EvalResource | undefined {
        return this.result instanceof InputFormatError ? undefined : this.result;
    }
}

function convert(v: unknown, where: Where, intern: Intern): ConvertedResource {
    try {
        return new ConvertedResource(fromResourceV3(v, where, intern));
    } catch (e) {
        if (e instanceof InputFormatError) return new ConvertedResource(e);
        throw e;
    }
}

/** A resource of a parsed document: converted already (ConvertedResource) or converted now. */
function resourceAt(v: unknown, where: Where): EvalResource {
    return v instanceof ConvertedResource ? v.resource() : fromResourceV3(v, where);
}

/** The ops of a step (pulumi/pulumi pkg/resource/deploy/step.go, StepOps). */
export const STEP_OPS: readonly string[] = ["same", "create", "update", "delete", "replace", "create-replacement", "delete-replaced", "read", "read-replacement", "refresh", "discard", "discard-replaced", "remove-pending-replace", "import", "import-replacement"];

/** Ops whose step removes a resource: it has no new state to judge. */
const REMOVING_OPS: readonly string[] = ["delete", "discard", "delete-replaced", "discard-replaced", "remove-pending-replace"];

/** Ops of the steps of one replacement: the only steps that may share a URN (a preview lists each resource once otherwise). */
const REPLACEMENT_OPS: readonly string[] = ["replace", "create-replacement", "delete-replaced", "read-replacement", "discard-replaced", "import-replacement", "remove-pending-replace"];

/**
 * The new state of a preview step as `check` judges it. `pulumi preview --json` writes each step
 * as the engine announces it, before the step runs (pulumi/pulumi pkg/backend/display/json.go
 * ShowPreviewDigest reads only `engine.ResourcePreEvent`; pulumi/pulumi#9571), and the step
 * generator builds every registered resource's new state with no id and no outputs
 * (pkg/resource/deploy/step_generator.go: `resource.NewState(goal.Type, urn, goal.Custom, false,
 * "", inputs, nil, ...)`; NewSameStep and NewUpdateStep both require `new.ID == ""`). What fills
 * them happens after the JSON is written (pkg/resource/deploy/step.go):
 * - `same`: SameStep.Apply copies the old id and outputs: they are the old state's.
 * - `update`: UpdateStep.Apply sets `new.ID = old.ID` ("Always propagate the ID ... even in
 *   previews") and takes the outputs from the provider's Update of the old outputs with the new
 *   inputs: see updatedOutputs.
 * Every other step's new state is its own (a create's id is unknown until created, a read or
 * import names its id).
 */
export function stepNewState(step: Record<string, unknown>): unknown {
    const next = step.newState;
    const old = step.oldState;
    if ((step.op !== "same" && step.op !== "update") || !isRecord(next) || !isRecord(old)) return next;
    const lacksId = next.id === undefined || next.id === null || next.id === "";
    const lacksOutputs = !isRecord(next.outputs) || Object.keys(next.outputs).length === 0;
    const oldOutputs = isRecord(old.outputs) ? old.outputs : undefined;
    const fillId = lacksId && old.id !== undefined && old.id !== null && old.id !== "";
    const fillOutputs = lacksOutputs && oldOutputs !== undefined;
    if (!fillId && !fillOutputs) return next;
    const outputs = oldOutputs === undefined ? undefined : step.op === "same" ? oldOutputs : updatedOutputs(oldOutputs, isRecord(old.inputs) ? old.inputs : {}, isRecord(next.inputs) ? next.inputs : {}, changedKeys(step));
    return { ...next, ...(fillId ? { id: old.id } : {}), ...(fillOutputs ? { outputs } : {}) };
}

/**
 * The outputs an in-place update leaves (UpdateStep.Apply: `s.new.Outputs = resp.Properties` of
 * the provider's Update of the old outputs with the new inputs, a preview's planned state): the old
 * outputs, with each property the update changes (`changed`) planned from its old output and new
 * input (plannedValue), and the unknown value where the update removes the input (the provider
 * computes what it becomes: unknown, never missing). An in-place update keeps the resource, so its
 * id, ARN and every property the update does not touch stay as they are (a change that needs a new
 * resource is a `replace` step, whose state is new). A change only `diffReasons` / `detailedDiff`
 * name (a secret printed as `[secret]` in both states) is planned the same way: a secret text is
 * its new input as printed, an object keeps the computed keys its input does not set.
 */
export function updatedOutputs(oldOutputs: Record<string, unknown>, oldInputs: Record<string, unknown>, newInputs: Record<string, unknown>, changed: ReadonlySet<string>): Record<string, unknown> {
    const keys = new Set([...changed, ...[...new Set([...Object.keys(oldInputs), ...Object.keys(newInputs)])].filter((k) => !sameJson(oldInputs[k], newInputs[k]))]);
    const outputs: Record<string, unknown> = { ...oldOutputs };
    for (const key of keys) {
        if (Object.hasOwn(newInputs, key)) outputs[key] = plannedValue(oldOutputs[key], oldInputs[key], newInputs[key]);
        else if (Object.hasOwn(oldOutputs, key)) outputs[key] = UNKNOWN_STRING;
    }
    return outputs;
}

/**
 * The planned value of one changed property: its new input (`config`) merged with its old output
 * (`prior`) the way a bridged provider plans an in-place update. pulumi-terraform-bridge plans
 * through Terraform's PlanResourceChange, whose proposed new state (hashicorp/terraform
 * internal/plans/objchange/objchange.go ProposedNew: "combining the computed attribute values from
 * prior with the configured attribute values from config ... including the attributes of any
 * nested blocks") keeps, at every depth, a computed attribute the configuration does not set: an
 * EKS cluster's `vpcConfig.clusterSecurityGroupId` (computed only, @pulumi/aws eks.Cluster
 * ClusterVpcConfig) survives an update of `vpcConfig.subnetIds`. So:
 * - an object keeps the prior's keys the input does not set; a key the input sets is planned in
 *   turn (one whose input is unchanged keeps its prior output, as a top-level one does); a key the
 *   old input set and the new one drops is unknown where the prior has it (null or the provider's
 *   default: the provider decides);
 * - a list of objects: each input element is planned from a prior element it could have come from
 *   (every key it sets equal in that element: objchange validPriorFromConfig, how set elements are
 *   matched), the one at its own index first (lists are matched by index, proposedNewNestingList),
 *   else the first unused one (sets are matched by content, proposedNewNestingSet, and their order
 *   is the provider's). A changed element whose prior cannot be told (it matches none) is its new
 *   input with the keys only its same-index prior element carries unknown: a list would keep
 *   them, a set would compute them anew, and the JSON does not say which (so "cannot be judged",
 *   never a stale value nor a missing one);
 * - anything else (a scalar, a list of scalars, an unknown input) is the new input.
 */
export function plannedValue(prior: unknown, oldInput: unknown, config: unknown): unknown {
    if (isRecord(config) && isRecord(prior)) {
        const old = isRecord(oldInput) ? oldInput : {};
        const out: Record<string, unknown> = { ...prior };
        for (const [k, v] of Object.entries(config)) out[k] = Object.hasOwn(prior, k) && Object.hasOwn(old, k) && sameJson(old[k], v) ? prior[k] : plannedValue(prior[k], old[k], v);
        for (const k of Object.keys(old)) if (!Object.hasOwn(config, k) && Object.hasOwn(prior, k)) out[k] = UNKNOWN_STRING;
        return out;
    }
    if (Array.isArray(config) && Array.isArray(prior)) {
        const oldList = Array.isArray(oldInput) && oldInput.length === prior.length ? oldInput : undefined;
        const used = new Set<number>();
        return config.map((element, i) => {
            if (!isRecord(element)) return element;
            const same = i < prior.length && !used.has(i) && derivable(prior[i], element) ? i : prior.findIndex((p, j) => !used.has(j) && derivable(p, element));
            if (same !== -1) {
                used.add(same);
                return plannedValue(prior[same], oldList?.[same], element);
            }
            return withUnknownComputed(prior[i], element);
        });
    }
    return config;
}

/** Whether a prior (output) value could have come from a configured one: every key it sets is equal in it, or derivable where both are objects (objchange validPriorFromConfig); keys only the prior has are computed. */
function derivable(prior: unknown, config: unknown): boolean {
    if (isRecord(config)) return isRecord(prior) && Object.entries(config).every(([k, v]) => Object.hasOwn(prior, k) && derivable(prior[k], v));
    return sameJson(prior, config);
}

/** A changed element's planned value where its prior cannot be told: the input, with the keys only `prior` carries unknown (at every depth of objects both have). */
function withUnknownComputed(prior: unknown, config: Record<string, unknown>): Record<string, unknown> {
    if (!isRecord(prior)) return config;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(config)) out[k] = isRecord(v) ? withUnknownComputed(prior[k], v) : v;
    for (const k of Object.keys(prior)) if (!Object.hasOwn(config, k)) out[k] = UNKNOWN_STRING;
    return out;
}

/**
 * The top-level properties a preview step says it changes: its `diffReasons` (property keys) and
 * the first element of each `detailedDiff` path (sdk/go/common/display PreviewStep: `diffReasons`,
 * `detailedDiff` keyed by property path such as `tags.owner`, `rules[0].port` or `["a.b"].c`).
 * A secret prints as "[secret]" in both states, so only these name its change.
 */
export function changedKeys(step: Record<string, unknown>): Set<string> {
    const keys = new Set<string>();
    if (Array.isArray(step.diffReasons)) for (const k of step.diffReasons) if (typeof k === "string" && k !== "") keys.add(k);
    if (isRecord(step.detailedDiff)) {
        for (const path of Object.keys(step.detailedDiff)) {
            const m = /^(?:\["((?:[^"\\]|\\.)*)"\]|([^.[]+))/.exec(path);
            const key = m?.[2] ?? (m?.[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : undefined);
            if (key !== undefined && key !== "") keys.add(key);
        }
    }
    return keys;
}

/**
 * Whether a step's `protect` flag changes (ResourceV3 `protect`, `json:"protect,omitempty"`, absent
 * when false: pulumi/pulumi sdk/go/common/apitype/core.go): pkg/backend/display shouldShow prints a
 * `same` step whose old and new `protect` differ even without `--show-sames`, so such a step says
 * nothing about whether unchanged resources are listed.
 */
function protectChanges(step: Record<string, unknown>): boolean {
    const old = isRecord(step.oldState) ? step.oldState.protect === true : false;
    const next = isRecord(step.newState) ? step.newState.protect === true : false;
    return isRecord(step.oldState) && isRecord(step.newState) && old !== next;
}

/** The URN a step names (its own `urn`, else its old or new state's): what a removing step removes. */
function stepUrn(step: Record<string, unknown>): string | undefined {
    if (typeof step.urn === "string") return step.urn;
    for (const state of [step.oldState, step.newState]) if (isRecord(state) && typeof state.urn === "string") return state.urn;
    return undefined;
}

/** Whether a step removes its resource: a removing op, or a `refresh` that found it gone (no new state; deploy/step.go RefreshStep.ResultOp is delete). */
function removesResource(step: Record<string, unknown>): boolean {
    return typeof step.op === "string" && (REMOVING_OPS.includes(step.op) || (step.op === "refresh" && (step.newState === undefined || step.newState === null)));
}

/** Top-level keys of a preview step that `check` reads (op, the URN a removing step removes, whether protect changes, the new state); the others (oldState, diffs) are dropped as they are read. */
function reviveStep(step: unknown, what: string, i: number, intern: Intern): unknown {
    if (!isRecord(step) || typeof step.op !== "string" || !STEP_OPS.includes(step.op)) return isRecord(step) ? { op: step.op } : step;
    const urn = stepUrn(step);
    if (removesResource(step)) return { op: step.op, ...(urn !== undefined ? { urn } : {}) };
    return { op: step.op, ...(protectChanges(step) ? { protectChanges: true } : {}), newState: convert(stepNewState(step), `${what}: steps[${i}].newState`, intern) };
}

/** An error naming the first URN two resources share (`items` as `[where, urn]` in document order); none when every URN is distinct. */
function checkDistinctUrns(what: string, items: readonly (readonly [string, string])[]): void {
    const first = new Map<string, string>();
    for (const [where, urn] of items) {
        const seen = first.get(urn);
        if (seen !== undefined) throw new InputFormatError(`${what}: ${seen} and ${where} are the same resource ${urn}; each resource is listed once`);
        first.set(urn, where);
    }
}

/** How deep in a document `inputReviver` looks: `deployment.resources[i]`, `[i].resources[j]`. */
export const INPUT_REVIVE_DEPTH = 3;

/**
 * The reviver (tools/lib/json-scan.ts) that converts each resource of an input the moment the
 * reader completes it: a plan's `resources[i]` (also in a list of plans), an export's
 * `deployment.resources[i]`, a preview's `steps[i]` (its `newState`). `what` names the input in errors.
 */
export function inputReviver(what: string): (path: readonly (string | number)[], value: unknown) => unknown {
    const intern = internTable();
    return (path, value) => {
        const [a, b, c] = path;
        if (path.length === 2 && a === "resources" && typeof b === "number") return convert(value, `${what}: resources[${b}]`, intern);
        if (path.length === 2 && a === "steps" && typeof b === "number") return reviveStep(value, what, b, intern);
        if (path.length === 3 && typeof a === "number" && b === "resources" && typeof c === "number") return convert(value, `${what}[${a}]: resources[${c}]`, intern);
        if (path.length === 3 && a === "deployment" && b === "resources" && typeof c === "number") return isPendingDeletion(value) ? PENDING_DELETION : convert(value, `${what}: deployment.resources[${c}]`, intern);
        return value;
    };
}

/** The stack outputs of a ResourceV3 list: the root `pulumi:pulumi:Stack` resource's `outputs`. */
function stackOutputs(resources: readonly unknown[]): Record<string, unknown> {
    for (const r of resources) {
        const v = r instanceof ConvertedResource ? r.peek() : r;
        if (isRecord(v) && v.type === "pulumi:pulumi:Stack") return isRecord(v.outputs) ? v.outputs : {};
    }
    return {};
}

interface Declared {
    readonly stage?: string;
    readonly cloud?: string;
}

/**
 * The stage of an input: `--stage` when given, else what the input declares, else the single
 * value of its resources' `stage` tags. Neither: an error naming where the stage is read from.
 */
export function resolveInputStage(what: string, declared: Declared, resources: readonly EvalResource[], override: Stage | undefined, required = true): Stage | "" {
    if (override !== undefined) return override;
    const shown = (v: string): string => (quotableName(v) ? JSON.stringify(v) : "a value not shown");
    const tags = [...new Set(resources.map((r) => tagValue(r.inputs, "stage")).filter((t): t is string => t !== undefined))].sort();
    if (declared.stage !== undefined) {
        if (!isStage(declared.stage)) throw new InputFormatError(`${what}: stage ${shown(declared.stage)} is not one of ${STAGES.join(", ")}`);
        // the stage the input declares and the one its resources are tagged with must agree
        const other = tags.filter((t) => t !== declared.stage);
        if (other.length > 0) throw new InputFormatError(`${what}: the input declares stage ${declared.stage} but its resources are tagged stage ${other.map(shown).join(", ")}; pass --stage ${STAGES.join("|")} to judge it at one stage`);
        return declared.stage;
    }
    const tagged = stageFromTags(resources.map((r) => r.inputs));
    if (tagged !== undefined) return tagged;
    if (tags.length > 1) throw new InputFormatError(`${what}: the resources are tagged with more than one stage (${tags.map(shown).join(", ")}); pass --stage ${STAGES.join("|")}`);
    if (tags.length === 1) throw new InputFormatError(`${what}: the resources' stage tag ${shown(tags[0])} is not one of ${STAGES.join(", ")}; pass --stage ${STAGES.join("|")}`);
    if (!required) return "";
    throw new InputFormatError(
        `${what}: the stage cannot be found (plan "stage", preview config "<project>:stage", export stack output "stage", or one "stage" tag on the resources); pass --stage ${STAGES.join("|")}`,
    );
}

/** A resource the policies judge: a custom resource or a component (not Pulumi's own stack or provider). */
function isChecked(r: EvalResource): boolean {
    return r.custom || !r.type.startsWith("pulumi:");
}

/**
 * Whether an export's resource is pending deletion (ResourceV3 `delete: true`: the old copy of a
 * resource replaced create-before-delete, or one whose deletion has not completed). It is no
 * longer part of the stack; its replacement, under the same URN, is what the rules judge. A
 * resource marked `pendingReplacement` (deleted for a delete-before-replace, to be created again)
 * stays: it is the stack's only copy of that resource.
 */
function isPendingDeletion(v: unknown): boolean {
    return (isRecord(v) && v.delete === true) || v === PENDING_DELETION;
}

/** What the reviver leaves in place of an export's resource pending deletion. */
const PENDING_DELETION = Object.freeze({ pendingDeletion: true });

function resourcesOf(what: string, items: readonly unknown[], prefix: string): EvalResource[] {
    const kept = items.flatMap((r, i): [string, unknown][] => (isPendingDeletion(r) ? [] : [[`${prefix}[${i}]`, r]]));
    const resources = kept.map(([where, r]) => resourceAt(r, `${what}: ${where}`));
    checkDistinctUrns(what, resources.map((r, i) => [kept[i][0], r.urn]));
    if (!resources.some(isChecked)) throw new InputFormatError(`${what}: no resource to check; a gate never passes on nothing`);
    return resources;
}

function stackInput(what: string, stack: string, declared: Declared, resources: EvalResource[], override: Stage | undefined, required: boolean): StackInput {
    checkDeclaredCloud(what, declared.cloud ?? "", resources);
    return { stack, stage: resolveInputStage(what, declared, resources, override, required), cloud: declared.cloud ?? "", resources };
}

function fromPlan(v: unknown, what: string, override: Stage | undefined, required: boolean): StackInput {
    if (!isRecord(v)) throw new InputFormatError(`${what}: a plan must be a JSON object`);
    if (!Array.isArray(v.resources)) throw new InputFormatError(`${what}: a plan needs a "resources" list`);
    const resources = resourcesOf(what, v.resources, "resources");
    const unset = list(v.notDeployableUntilSet).flatMap((m) => (isRecord(m) && typeof m.key === "string" ? [m.key] : []));
    const residency = declaredResidency(isRecord(v.outputs) ? v.outputs.residency : undefined, 'plan output "residency"', what);
    const plannedAt = instantOf(v.plannedAt);
    return { ...stackInput(what, str(v.stack) ?? stackFromUrn(resources[0].urn), { stage: declaredText(v.stage, 'plan "stage"', what), cloud: declaredText(v.cloud, 'plan "cloud"', what) }, resources, override, required), unset, ...(residency !== undefined ? { residency } : {}), ...(plannedAt !== undefined ? { plannedAt } : {}) };
}

/**
 * A declared stage or cloud: text, or a preview config's `{value: text}` object; absent (or null)
 * is undefined. Anything else (a list, a number, a `secure:` or `{secret}` object) is an error
 * naming `source` and the kind it got: silently read as "not declared" it would let the resources'
 * tags decide.
 */
export function declaredText(raw: unknown, source: string, what: string): string | undefined {
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === "string") return raw;
    if (isRecord(raw) && typeof raw.value === "string" && raw.secret !== true) return raw.value;
    const secret = holdsSecret(raw) || (isRecord(raw) && raw.secret === true);
    throw new InputFormatError(`${what}: ${source} must be text (got ${secret ? "an encrypted secret; it is never one: set it as plain text" : kindOf(isRecord(raw) && "value" in raw ? raw.value : raw)})`);
}

/** A configuration value of a preview's `config` map (plain text, or a `{value}` object); see declaredText. */
function configValue(config: unknown, key: string, what: string): string | undefined {
    return declaredText(isRecord(config) ? config[key] : undefined, `preview config ${key}`, what);
}

/**
 * The cloud an input declares checked against its resources: one of CLOUDS, and no resource of
 * the other cloud's provider package (`aws:...` in an alicloud stack). "" (not declared) passes.
 */
export function checkDeclaredCloud(what: string, cloud: string, resources: readonly EvalResource[]): void {
    if (cloud === "") return;
    const known = CLOUDS.find((c) => c === cloud);
    if (known === undefined) throw new InputFormatError(`${what}: cloud ${quotableName(cloud) ? JSON.stringify(cloud) : describeHidden(cloud)} is not one of ${CLOUDS.join(", ")}`);
    const other = resources.find((r) => CLOUDS.some((c) => c !== known && r.type.startsWith(`${c}:`)));
    if (other !== undefined) throw new InputFormatError(`${what}: the input declares cloud ${known}, but ${other.urn} is a resource of ${other.type.split(":")[0]}; check the input's cloud`);
}

/**
 * The residency an input declares: the stack config's shape (`{boundary: <name> | [region ids]}`,
 * components/model/schema.ts) as a preview's `<project>:residency` config (an object or its JSON
 * text, `pulumi preview --json` prints an object config value as JSON text, plain or wrapped in
 * `{value}`), or as the `residency` stack output of an export or a plan
 * (components/model/residency.ts, residencyOutput). `source` names where it was read, for errors,
 * which name the key and what is allowed and show a boundary name only (the project's rule:
 * a choice is shown, a value of the wrong shape only by its kind).
 */
export function declaredResidency(raw: unknown, source: string, what: string): StackInput["residency"] {
    if (raw === undefined || raw === null) return undefined;
    const unwrapped = isRecord(raw) && !("boundary" in raw) && "value" in raw ? raw.value : raw;
    let value: unknown = unwrapped;
    if (typeof unwrapped === "string") {
        try {
            value = JSON.parse(unwrapped);
        } catch {
            value = undefined;
        }
    }
    // the project default `{}` (and an empty text): no residency, as the program reads it
    if (unwrapped === "" || (isRecord(value) && Object.keys(value).length === 0)) return undefined;
    const allowed = `{"boundary": ${BOUNDARY_NAMES.map((n) => JSON.stringify(n)).join(" | ")} | [region ids]}`;
    const boundary = isRecord(value) ? value.boundary : undefined;
    if (typeof boundary === "string" && isBoundaryName(boundary)) return { boundary };
    if (Array.isArray(boundary) && boundary.length > 0 && boundary.every((r): r is string => typeof r === "string")) return { regions: boundary };
    const got = typeof boundary === "string" && quotableName(boundary) ? `boundary ${JSON.stringify(boundary)}` : isRecord(value) ? `boundary ${kindOf(boundary)}; value not shown` : `${typeof unwrapped === "string" ? "text that is not such JSON" : kindOf(unwrapped)}; value not shown`;
    throw new InputFormatError(`${what}: ${source} must be ${allowed} (got ${got})`);
}

/** The residency a preview's config declares under `key` (see declaredResidency). */
export function previewResidency(config: unknown, key: string, what: string): StackInput["residency"] {
    return declaredResidency(isRecord(config) ? config[key] : undefined, `preview config ${key}`, what);
}

/** The pack config with the input's declared residency for the residency policy, unless the pack config sets a boundary itself. */
export function withInputResidency(config: PackConfig, residency: StackInput["residency"]): PackConfig {
    if (residency === undefined) return config;
    const own = config[RESIDENCY_POLICY];
    const entry = isRecord(own) ? own : typeof own === "string" ? { enforcementLevel: own } : {};
    const set = (typeof entry.boundary === "string" && entry.boundary !== "") || (Array.isArray(entry.regions) && entry.regions.length > 0);
    return set ? config : { ...config, [RESIDENCY_POLICY]: { ...entry, ...residency } };
}

/**
 * The resources a preview's steps declare: each step's new state (a `same` or `update` step's with
 * the id and outputs the step keeps when it lacks them, stepNewState), except for resources the preview
 * removes. Every step's `op` must be a step op (STEP_OPS: the unknown value or a typo is an
 * error, never a skipped step), and a URN may appear in two steps only when both are steps of one
 * replacement, or when the first is the `refresh` step of `pulumi preview --refresh` (then its
 * last new state counts once, and a later `delete` removes it: a refreshed resource the program no
 * longer declares is deleted, never judged as part of the stack).
 *
 * A partial preview is refused (partialPreviewReason): `pulumi preview --json` leaves out unchanged
 * resources unless `--show-sames` is given, and judging only the changed ones as the whole stack
 * would give false verdicts.
 */
function previewResources(steps: readonly unknown[], what: string, unchangedCounted: number | undefined): EvalResource[] {
    const byUrn = new Map<string, { readonly index: number; readonly op: string; readonly protectChanges: boolean; resource: EvalResource }>();
    const removed = new Set<string>();
    let refreshed = false;
    steps.forEach((s, i) => {
        if (!isRecord(s)) return;
        if (typeof s.op !== "string" || !STEP_OPS.includes(s.op)) {
            const got = s.op === undefined ? "nothing" : isUnknown(s.op) ? "the preview's unknown value" : typeof s.op === "string" && quotableName(s.op) ? JSON.stringify(s.op) : typeof s.op === "string" ? describeHidden(s.op) : kindOf(s.op);
            throw new InputFormatError(`${what}: steps[${i}].op must be one of ${STEP_OPS.join(", ")} (got ${got})`);
        }
        if (removesResource(s)) {
            const urn = stepUrn(s);
            if (urn !== undefined) removed.add(urn);
            return;
        }
        const resource = resourceAt(stepNewState(s), `${what}: steps[${i}].newState`);
        const seen = byUrn.get(resource.urn);
        const entry = { index: i, op: s.op, protectChanges: s.protectChanges === true || protectChanges(s), resource };
        if (s.op === "refresh" && resource.type !== ROOT_STACK_TYPE) refreshed = true;
        if (seen === undefined) byUrn.set(resource.urn, entry);
        else if (REPLACEMENT_OPS.includes(seen.op) && REPLACEMENT_OPS.includes(s.op)) seen.resource = resource;
        else if (seen.op === "refresh" && s.op !== "refresh") byUrn.set(resource.urn, entry);
        // a refresh step is printed as `refresh` whatever it finds (the JSON is made of the steps' pre-events,
        // pkg/engine/events.go resourcePreEvent: `makeStepEventMetadata(step.Op(), ...)`; its result op, update or
        // delete, reaches only the outputs event): any other pair is not `pulumi preview --json` output
        else throw new InputFormatError(`${what}: steps[${seen.index}] (${seen.op}) and steps[${i}] (${s.op}) are the same resource ${resource.urn}; a preview lists each resource once (twice only in the steps of one replacement, or after its refresh step, which \`pulumi preview --json --refresh\` prints with op "refresh"): check the input is the output of \`pulumi preview --json\`, unedited`);
    });
    // a refreshed resource the preview then deletes is gone: its refreshed (old) state is not the stack's
    for (const urn of removed) if (byUrn.get(urn)?.op === "refresh") byUrn.delete(urn);
    const listed = [...byUrn.values()].map((e) => ({ op: e.op, type: e.resource.type, urn: e.resource.urn, parent: e.resource.parent, protectChanges: e.protectChanges }));
    const reason = partialPreviewReason({ listed, removed, refreshed, unchangedCounted });
    if (reason !== undefined) throw new InputFormatError(`${what}: ${reason}`);
    return [...byUrn.values()].map((e) => e.resource);
}

/** The root stack type (pulumi/pulumi sdk resource.RootStackType). */
const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";

/** What a preview lists, as partialPreviewReason reads it. */
export interface PreviewListing {
    /** Each listed resource's last step: its op, type, URN, parent, and whether it is a `same` step that changes `protect`. */
    readonly listed: readonly { readonly op: string; readonly type: string; readonly urn: string; readonly parent: string | null; readonly protectChanges: boolean }[];
    /** The URNs the preview removes (delete steps, a refresh that found the resource gone). */
    readonly removed: ReadonlySet<string>;
    /** Whether a resource other than the stack has a `refresh` step (`pulumi preview --refresh` of a CLI that prints them). */
    readonly refreshed: boolean;
    /** The preview's `changeSummary.same`: 0 when the summary counts no same step; undefined when the preview has no changeSummary. */
    readonly unchangedCounted: number | undefined;
}

/**
 * Why a preview's steps are a partial list of the stack (undefined when they are the whole stack).
 * `pulumi preview --json` prints a `same` step only with `--show-sames`, or when its `protect`
 * flag changes, while the root Stack is always printed (pulumi/pulumi pkg/backend/display/json.go
 * ShowPreviewDigest: `shouldShow(m, opts) || isRootStack(m)`; shouldShow: `if step.Op ==
 * deploy.OpSame { if step.Old.Protect != step.New.Protect { return true }; return
 * opts.ShowSameResources }`). Its `changeSummary` (display.PreviewDigest, from the engine's
 * SummaryEvent ResourceChanges) counts every logical step whether printed or not (pkg/engine/update.go
 * previewActions.OnResourceStepPost: `acts.Ops[op]++` for `step.Logical()`, not for internal
 * steps such as default providers; a `refresh` step of `preview --refresh` is not logical and not
 * counted). So, in order:
 * - only the root Stack listed, as a `same` step: an existing stack whose resources are left out;
 * - a listed resource whose parent is in no step: the parent is an unchanged resource left out
 *   (a parent is always registered before its children, and is removed only with them);
 * - with a changeSummary: fewer resources listed unchanged (last step `same` or `refresh`) than
 *   its `same` count;
 * - without one (an older CLI, a hand-made input): the stack exists already (its Stack step is
 *   not `create`) yet no other resource has a `same` step (one whose `protect` changes does not
 *   count) or a `refresh` step.
 */
export function partialPreviewReason(p: PreviewListing): string | undefined {
    const urns = new Set(p.listed.map((r) => r.urn));
    const sameShown = p.listed.some((r) => r.type !== ROOT_STACK_TYPE && r.op === "same" && !r.protectChanges);
    const remedy = sameShown
        ? "a preview made with --show-sames lists every resource: check the input is the whole output of `pulumi preview --json --show-sames`"
        : "run `pulumi preview --json --show-sames` so the whole stack is judged";
    // an existing stack of which only the Stack is listed: nothing to judge whatever the summary says
    if (p.listed.length > 0 && p.listed.every((r) => r.type === ROOT_STACK_TYPE && r.op === "same") && !p.refreshed) return `the preview lists only the stack's root resource, none of its resources; ${remedy}`;
    const orphan = p.listed.find((r) => r.parent !== null && r.parent !== "" && !urns.has(r.parent) && !p.removed.has(r.parent));
    if (orphan !== undefined) return `the preview lists ${orphan.urn} but not its parent ${orphan.parent}: it leaves out unchanged resources; ${remedy}`;
    if (p.unchangedCounted !== undefined) {
        const shown = p.listed.filter((r) => r.op === "same" || r.op === "refresh").length;
        if (shown < p.unchangedCounted) return `the preview lists ${shown} of the ${p.unchangedCounted} unchanged resources its changeSummary counts; ${remedy}`;
        return undefined;
    }
    const stackExists = p.listed.some((r) => r.type === ROOT_STACK_TYPE && r.op !== "create" && r.op !== "refresh");
    if (stackExists && !sameShown && !p.refreshed) return `the preview lists only the resources it changes (no unchanged resource besides the stack); ${remedy}`;
    return undefined;
}

/**
 * The `same` count of a preview's `changeSummary` (pulumi/pulumi sdk/go/common/display
 * PreviewDigest: `ChangeSummary ResourceChanges json:"changeSummary,omitempty"`, ResourceChanges
 * `map[StepOp]int`; absent when no step was counted): 0 when it has no `same` entry, undefined
 * when the preview has no changeSummary. A count that is not a whole number is an input error.
 */
export function unchangedCount(changeSummary: unknown, what: string): number | undefined {
    if (changeSummary === undefined || changeSummary === null) return undefined;
    if (!isRecord(changeSummary)) throw new InputFormatError(`${what}: "changeSummary" must be an object of step op to count (got ${kindOf(changeSummary)})`);
    const same = changeSummary.same;
    if (same === undefined) return 0;
    if (typeof same !== "number" || !Number.isInteger(same) || same < 0) throw new InputFormatError(`${what}: "changeSummary.same" must be a count (got ${kindOf(same)})`);
    return same;
}

function fromPreview(doc: Record<string, unknown>, what: string, override: Stage | undefined, required: boolean): StackInput {
    const errors = list(doc.diagnostics).filter((d) => isRecord(d) && d.severity === "error");
    if (errors.length > 0) {
        // the diagnostic's text is not repeated: a program's error may quote a decrypted secret
        const first = errors.find(isRecord);
        const urn = first !== undefined && typeof first.urn === "string" && /^urn:pulumi:[^\s]*$/.test(first.urn) ? `, first of ${first.urn}` : "";
        throw new InputFormatError(`${what}: the preview failed (${errors.length} error diagnostic(s)${urn}; their text is in the preview's output, not repeated here); fix the preview before checking it`);
    }
    const steps = list(doc.steps);
    // every step must be an object: a malformed one is an error naming its index, never skipped
    const bad = steps.findIndex((s) => !isRecord(s));
    if (bad !== -1) throw new InputFormatError(`${what}: steps[${bad}] is not an object (got ${Array.isArray(steps[bad]) ? "a list" : steps[bad] === null ? "null" : `a ${typeof steps[bad]}`}); each preview step is {op, urn, newState}`);
    const resources = previewResources(steps, what, unchangedCount(doc.changeSummary, what));
    if (!resources.some(isChecked)) throw new InputFormatError(`${what}: no resource to check; a gate never passes on nothing`);
    const project = projectFromUrn(resources[0].urn);
    const declared = { stage: configValue(doc.config, `${project}:stage`, what), cloud: configValue(doc.config, `${project}:cloud`, what) };
    const residency = previewResidency(doc.config, `${project}:residency`, what);
    const unset = unsetInPreviewConfig(doc.config, project);
    return { ...stackInput(what, stackFromUrn(resources[0].urn), declared, resources, override, required), unset, ...(residency !== undefined ? { residency } : {}) };
}

function fromExport(deployment: Record<string, unknown>, what: string, override: Stage | undefined, required: boolean): StackInput {
    if (!Array.isArray(deployment.resources)) throw new InputFormatError(`${what}: "deployment.resources" must be a list`);
    const resources = resourcesOf(what, deployment.resources, "deployment.resources");
    const outputs = stackOutputs(deployment.resources);
    const residency = declaredResidency(outputs.residency, 'stack output "residency"', what);
    const unset = list(outputs.notDeployableUntilSet).filter((k): k is string => typeof k === "string");
    const plannedAt = instantOf(isRecord(deployment.manifest) ? deployment.manifest.time : undefined);
    return { ...stackInput(what, stackFromUrn(resources[0].urn), { stage: declaredText(outputs.stage, 'stack output "stage"', what), cloud: declaredText(outputs.cloud, 'stack output "cloud"', what) }, resources, override, required), unset, ...(residency !== undefined ? { residency } : {}), ...(plannedAt !== undefined ? { plannedAt } : {}) };
}

/** An ISO 8601 instant with its zone ("2026-12-12T11:45:00.000Z", "2026-12-12T19:45:00+08:00") as epoch ms; undefined for anything else (StackInput.plannedAt is optional). */
function instantOf(v: unknown): number | undefined {
    const t = typeof v === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) ? Date.parse(v) : NaN;
    return Number.isFinite(t) ? t : undefined;
}

/**
 * The settings a preview's stack config still lacks (components/model/placeholders.ts,
 * missingSettings, as the program and the offline plan's `notDeployableUntilSet` compute them),
 * so the flow hops waiting for them get the verdict the plan of the same stack gets. The config
 * map as `pulumi preview --json` prints it: `<project>:<key>` to text or `{value}` (an object
 * value as its JSON text). Config the program would refuse (ConfigError), or a secret that
 * hides a value, gives no keys: the hops stay mandatory, as a real preview could not run.
 */
export function unsetInPreviewConfig(config: unknown, project: string, now: Date = new Date()): string[] {
    if (!isRecord(config)) return [];
    const text: Record<string, string> = {};
    for (const [key, raw] of Object.entries(config)) {
        const v = isRecord(raw) ? (raw.secret === true ? undefined : raw.value) : raw;
        if (v === undefined || v === null) continue;
        text[key] = typeof v === "string" ? v : JSON.stringify(v);
    }
    try {
        const spec = resolveSpec(parseConfigValues(text, project), { now, project });
        return [...new Set(missingSettings(spec, profileOf(spec.cloud)).map((m) => m.key))];
    } catch {
        return [];
    }
}

/**
 * Detects the format of a parsed JSON document and returns the stacks in it. `what` names the
 * input in errors (its file name); `stage` overrides the stage the input declares.
 */
export function parseInput(doc: unknown, what = "input", stage?: Stage, stageRequired = true): StackInput[] {
    if (Array.isArray(doc)) {
        if (doc.length === 0) throw new InputFormatError(`${what}: an empty list of plans; a gate never passes on nothing`);
        return doc.map((p, i) => fromPlan(p, `${what}[${i}]`, stage, stageRequired));
    }
    if (!isRecord(doc)) throw new InputFormatError(`${what}: not a JSON object or list`);
    if (Array.isArray(doc.resources)) return [fromPlan(doc, what, stage, stageRequired)];
    if (Array.isArray(doc.steps) || Array.isArray(doc.diagnostics)) return [fromPreview(doc, what, stage, stageRequired)];
    if (isRecord(doc.deployment)) return [fromExport(doc.deployment, what, stage, stageRequired)];
    throw new InputFormatError(`${what}: unknown input: expected an offline plan ({stack, stage, resources}), \`pulumi preview --json\` ({steps, config}) or \`pulumi stack export\` ({deployment: {resources}})`);
}

/** Policies, provider conformance and availability of one stack. */
export async function evaluateStack(input: Pick<StackInput, "stack" | "resources" | "unset" | "residency"> & { readonly stage: string }, pack: PackConfig = {}): Promise<StackReport> {
    const config = withInputResidency(pack, input.residency);
    const result = await evaluatePolicies(POLICIES, input.resources, { stage: input.stage, config });
    const flows = analyzeFlows(input.resources);
    return {
        stack: input.stack,
        stage: input.stage || result.stage || "",
        policy: { violations: [...result.violations, ...flowViolations(flows, input.unset, flowEnforcement(config, isStage(input.stage) ? input.stage : result.stage))] },
        conformance: { violations: checkConformance(input.resources).map(reportedConformance) },
        availability: availabilityOf(POLICIES, input.resources, config),
        flows,
    };
}

export const POLICY_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
    ...POLICIES.map((p): [string, string] => [p.name, p.description]),
    [FLOW_POLICY, FLOW_CONNECTED.description],
]);

/** The one stack of a base file (`--base`): a saved plan, a preview or an export; two or more stacks are an error. */
export function singleStack(stacks: readonly StackInput[], file: string): StackInput {
    if (stacks.length !== 1) throw new InputFormatError(`${file}: a base must hold exactly one stack (got ${stacks.length}); plan one stack with --stack`);
    return stacks[0];
}

/** The one stack of a parsed base document (`--base`); it needs no stage (a base is compared, not judged). */
export function readSingleStack(doc: unknown, file: string, stage?: Stage): StackInput {
    return singleStack(parseInput(doc, file, stage, false), file);
}
