// Offline evaluation of the policy pack: builds the validation args the CrossGuard engine would
// pass (type, props, urn, name, opts, isType, asType, getConfig with configSchema defaults,
// notApplicable, stackTags) and runs every resource and stack policy on planned resources.

import type { EnforcementLevel, Policies, PolicyResource, PolicyResourceOptions, ReportViolation, ResourceValidation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";

import { PlannedResource } from "./record";
import { estimate, Estimate } from "../../policies/availability/estimate";
import { regionOf } from "../../policies/lib/nodes";
import { containsUnknown, isUnknown } from "../../policies/lib/refs";
import { stageDefaultsOf } from "../../policies/lib/policy";
import { Stage, categoryOf, enforcementFor, isStage, stageFromTags } from "../../policies/lib/stage";
import { deepFreeze, isRecord, record } from "../../policies/lib/values";
import { SUBNET_ZONE_INPUTS } from "../../policies/lib/zones";
import { estimateConfig } from "../../policies/stack/availability-config";

/** A resource as the evaluator sees it: the plan's PlannedResource (also read from a preview or an export). */
export type EvalResource = PlannedResource;

export interface Violation {
    readonly policy: string;
    readonly enforcement: EnforcementLevel;
    readonly urn: string;
    readonly message: string;
    /**
     * What the finding is about within its resource when one rule can report several things there
     * (a flow's name, region and hop): part of the SARIF fingerprint, never wording or numbers.
     * Undefined for a policy finding (its rule and resource identify it).
     */
    readonly subject?: string;
}

export interface PolicyResult {
    readonly stage: Stage | undefined;
    readonly violations: Violation[];
}

/** Pack config: policy name -> enforcement level, or {enforcementLevel?, stages?, ...properties}. */
export type PackConfig = Readonly<Record<string, unknown>>;

/** What `notApplicable` throws, as the engine's NotApplicableError: an Error with the reason. */
class NotApplicable extends Error {
    constructor(readonly reason: string) {
        super(reason);
        this.name = "NotApplicableError";
    }
}

/** The engine's `args.notApplicable`, without a stack-trace capture (no one reads it). */
function notApplicable(reason?: string): never {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    const e = new NotApplicable(reason ?? "not applicable");
    Error.stackTraceLimit = limit;
    throw e;
}

/** The configSchema defaults of a policy overlaid with its pack config properties. */
export function policyConfig(policy: ResourceValidationPolicy | StackValidationPolicy, pack: PackConfig): Record<string, unknown> {
    const defaults = Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {}).map(([k, s]) => [k, s.default]));
    const own = pack[policy.name];
    return { ...defaults, ...(isRecord(own) ? own : {}) };
}

function enforcementConfig(policy: ResourceValidationPolicy | StackValidationPolicy, pack: PackConfig): unknown {
    const own = pack[policy.name];
    return typeof own === "string" ? { enforcementLevel: own } : own;
}

/**
 * A deep JSON copy, deeply frozen. The engine hands each validation its own deserialised props;
 * here one copy per resource serves every policy, frozen so that no policy changes what the next
 * one sees, and a validation that writes to its props runs again on a fresh copy of its own
 * (runOnce). The copy is untyped JSON, which is what lets `asType` return the class's args.
 */
function frozenProps(props: Record<string, unknown>) {
    // props already deeply frozen (an input resource's own copy, tools/lib/inputs.ts) are shared as they are
    return Object.isFrozen(props) ? props : deepFreeze(freshProps(props));
}

function freshProps(props: Record<string, unknown>) {
    return JSON.parse(JSON.stringify(props));
}

/**
 * What `@pulumi/policy`'s unknownCheckingProxy throws (proxy.js, 1.21.0: UnknownValueError) when a
 * policy reads a value that is unknown during preview; the CLI then reports the policy as advisory
 * "can't run ... during preview" and the rule is not enforced for that resource.
 */
export class UnknownValueRead extends Error {
    constructor(readonly path: readonly string[]) {
        super(`value at .${path.join(".")} can't be known during preview`);
    }
}

/**
 * A view of `value` that throws UnknownValueRead when a property holding an unknown is read, as
 * the CLI's proxy does. `value` must not be frozen (a Proxy must return a frozen property as is).
 */
export function unknownChecking<T>(value: T, path: readonly string[] = []): T {
    if (typeof value !== "object" || value === null) return value;
    return new Proxy(value, {
        get: (target, key, receiver) => {
            const field: unknown = Reflect.get(target, key, receiver);
            if (typeof key === "symbol") return field;
            if (isUnknown(field)) throw new UnknownValueRead([...path, key]);
            const desc = Object.getOwnPropertyDescriptor(target, key);
            if (desc !== undefined && "value" in desc && desc.configurable === false && desc.writable === false) return field;
            return unknownChecking(field, [...path, key]);
        },
    });
}

/**
 * A resource's props as policies receive them: the frozen copy (`freeze`) or a fresh one; when
 * they hold values unknown until creation, always a fresh copy behind the unknown-checking proxy
 * (which cannot wrap frozen objects).
 */
function policyProps(props: Record<string, unknown>, freeze: boolean) {
    if (containsUnknown(props)) return unknownChecking(freshProps(props));
    return freeze ? frozenProps(props) : freshProps(props);
}

/** Whether `e` is a strict-mode write to a frozen object (assign, add, delete, sort in place). */
function isFrozenWrite(e: unknown): boolean {
    return e instanceof TypeError && /read only property|object is not extensible|Cannot delete property|Cannot (add|define) property/.test(e.message);
}

/**
 * Runs one validation as the engine would: not-applicable is no finding; a validation that writes
 * to the shared frozen props runs again on `fresh()` props of its own, its findings of the first
 * attempt dropped.
 */
async function runOnce<A>(validate: (args: A, report: ReportViolation) => void | Promise<void>, shared: A, fresh: () => A, report: ReportViolation, policy: string): Promise<string | undefined> {
    const found: [string, string | undefined][] = [];
    const collect: ReportViolation = (message, urn) => found.push([message, urn]);
    let skipped: string | undefined;
    try {
        skipped = await runGuarded(() => validate(shared, collect), policy);
    } catch (e) {
        if (!isFrozenWrite(e)) throw e;
        found.length = 0;
        skipped = await runGuarded(() => validate(fresh(), collect), policy);
    }
    for (const [message, urn] of found) report(message, urn);
    return skipped;
}

function sameType(type: string, cls: object): boolean {
    return Reflect.get(cls, "__pulumiType") === type;
}

/** The options of a resource as the engine passes them (none of ours set any), with its parent's URN. */
function optsOf(parent: string | null): PolicyResourceOptions {
    return { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [], parent: parent ?? undefined };
}

/**
 * What the views of one evaluation share instead of holding copies: the provider of each provider
 * reference and the (deeply frozen) options of each parent, built once per evaluation. A large
 * stack has a handful of providers and a parent per component, so a view costs a few fields.
 */
class ViewCache {
    private readonly providers = new Map<string, PolicyResource["provider"]>();
    private readonly opts = new Map<string | null, PolicyResourceOptions>();

    constructor(private readonly byUrn: ReadonlyMap<string, EvalResource>) {}

    provider(r: EvalResource): PolicyResource["provider"] {
        if (r.provider === null) return undefined;
        if (this.providers.has(r.provider)) return this.providers.get(r.provider);
        const provider = deepFreeze(providerOf(r, this.byUrn));
        this.providers.set(r.provider, provider);
        return provider;
    }

    options(parent: string | null): PolicyResourceOptions {
        const found = this.opts.get(parent);
        if (found !== undefined) return found;
        const opts = deepFreeze(optsOf(parent));
        this.opts.set(parent, opts);
        return opts;
    }
}

function providerOf(r: EvalResource, byUrn: ReadonlyMap<string, EvalResource>): PolicyResource["provider"] {
    const urn = r.provider?.split("::").slice(0, -1).join("::");
    const p = urn !== undefined ? byUrn.get(urn) : undefined;
    return p === undefined ? undefined : { type: p.type, props: p.inputs, urn: p.urn, name: p.name };
}

/**
 * A resource as both kinds of policies see it: the fields of its validation args, and the
 * dependencies and parent a stack policy reads (a stack policy gets its own copy, policyResources, before the first stack
 * policy runs). One object per resource serves every policy of an evaluation.
 */
type ResourceView = Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "opts" | "provider" | "isType" | "asType"> & Pick<PolicyResource, "parent" | "dependencies" | "propertyDependencies">;

/**
 * The view of a resource: frozen props and shared options and provider (`cache`), or, for a
 * validation that wrote to them (runOnce), fresh copies of its own (`cache` undefined).
 * `isType` and `asType` are the class's methods (read `this.type` and `this.props`, which the
 * validation args copy), so a view of a large stack holds fields only.
 */
class View implements ResourceView {
    parent?: PolicyResource;
    readonly dependencies: PolicyResource[] = [];
    readonly propertyDependencies: Record<string, PolicyResource[]> = {};

    constructor(
        readonly type: string,
        readonly props: ReturnType<typeof policyProps>,
        readonly urn: string,
        readonly name: string,
        readonly opts: PolicyResourceOptions,
        readonly provider: PolicyResource["provider"],
    ) {}

    isType(cls: object): boolean {
        return sameType(this.type, cls);
    }

    asType(cls: object) {
        return sameType(this.type, cls) ? this.props : undefined;
    }
}

function resourceView(r: EvalResource, byUrn: ReadonlyMap<string, EvalResource>, cache?: ViewCache): ResourceView {
    const props = policyProps(r.inputs, cache !== undefined);
    return new View(r.type, props, r.urn, r.name, cache !== undefined ? cache.options(r.parent) : optsOf(r.parent), cache !== undefined ? cache.provider(r) : providerOf(r, byUrn));
}

/** `config` is a frozenProps copy: untyped JSON, which is what lets `getConfig<T>()` return the policy's typed config. */
function withConfig(view: ResourceView, config: ReturnType<typeof frozenProps>, stackTags: ReadonlyMap<string, string>): ResourceValidationArgs {
    return { type: view.type, props: view.props, urn: view.urn, name: view.name, opts: view.opts, provider: view.provider, isType: view.isType, asType: view.asType, stackTags, getConfig: () => config, notApplicable };
}

/** A known, non-empty text value (not the preview's unknown sentinel). */
function knownText(v: unknown): v is string {
    return typeof v === "string" && v.trim() !== "" && !isUnknown(v);
}

/**
 * The properties a stack policy reads: the engine calls AnalyzeStack on each resource's outputs,
 * which for a bridged provider's resource carry its cloud `id` beside the inputs. The rules match
 * known references (a subnet id in a load balancer's `subnets`) to resources by it. Inputs without
 * an `id` of their own get the resource's known id. A subnet/vSwitch whose zone input is unset has
 * the zone the cloud chose in its outputs (terraform-provider-aws resource_aws_subnet:
 * `availability_zone` / `availability_zone_id` Optional+Computed): each known output zone fills its
 * unset input, as the CLI's stack policies see it (a name given, its id from the outputs). Undefined when there is nothing to add.
 */
export function stackProps(r: EvalResource): Record<string, unknown> | undefined {
    const extra: Record<string, unknown> = {};
    if (r.id !== undefined && r.id !== "" && !isUnknown(r.id) && !("id" in r.inputs)) extra.id = r.id;
    const zoneKeys = SUBNET_ZONE_INPUTS[r.type] ?? [];
    // each zone key the inputs leave unset (an AZ name's id, or both): the zone the cloud chose
    const outputs = r.outputs;
    if (outputs !== undefined) for (const k of zoneKeys) if (!knownText(r.inputs[k]) && knownText(outputs[k])) extra[k] = outputs[k];
    if (Object.keys(extra).length === 0) return undefined;
    // deeply frozen inputs (an input resource's own copy) stay shared: only the top level is new
    return Object.isFrozen(r.inputs) ? Object.freeze({ ...r.inputs, ...extra }) : { ...r.inputs, ...extra };
}

/** The resources as stack policies see them, each with its parent; built once per evaluation. */
function policyResources(resources: readonly EvalResource[], viewOf: (urn: string) => ResourceView | undefined, freeze = true): PolicyResource[] {
    const out = new Map<string, PolicyResource>();
    for (const r of resources) {
        const view = viewOf(r.urn);
        const props = stackProps(r);
        if (view !== undefined) out.set(r.urn, { type: view.type, props: props === undefined ? view.props : policyProps(props, freeze), urn: view.urn, name: view.name, opts: view.opts, provider: view.provider, isType: view.isType, asType: view.asType, dependencies: [], propertyDependencies: {} });
    }
    for (const r of resources) {
        const self = out.get(r.urn);
        if (self === undefined) continue;
        const parent = r.parent !== null ? out.get(r.parent) : undefined;
        if (parent !== undefined) self.parent = parent;
        for (const [key, urns] of Object.entries(r.propertyDependencies ?? {})) {
            self.propertyDependencies[key] = urns.map((u) => out.get(u)).filter((d): d is PolicyResource => d !== undefined);
        }
    }
    return [...out.values()];
}

/** Fills an empty `stage` property (stack policies) with the known stage. */
function withStage(config: Record<string, unknown>, stage: Stage | undefined): Record<string, unknown> {
    return config.stage === "" && stage !== undefined ? { ...config, stage } : config;
}

function isStackPolicy(p: ResourceValidationPolicy | StackValidationPolicy): p is StackValidationPolicy {
    return "validateStack" in p;
}

/** Runs one validation; an unknown read is returned as the CLI's advisory message. */
async function runGuarded(fn: () => void | Promise<void>, policy: string): Promise<string | undefined> {
    try {
        await fn();
    } catch (e) {
        if (e instanceof UnknownValueRead) return `can't run policy '${policy}' during preview: ${e.message}`;
        if (!(e instanceof NotApplicable)) throw e;
    }
    return undefined;
}

/**
 * The resource type a validation declares: `validateResourceOfType` attaches the class's type token
 * as `__pulumiType` (the engine uses it to filter too); undefined for a validation of every type.
 */
function declaredType(fn: ResourceValidation): string | undefined {
    const t: unknown = Reflect.get(fn, "__pulumiType");
    return typeof t === "string" ? t : undefined;
}

/**
 * The resources a policy's validations run on, in plan order: those of the types its validations
 * declare, or every resource when one of them declares no type.
 */
function resourcesFor(fns: readonly ResourceValidation[], byType: ReadonlyMap<string, readonly EvalResource[]>, all: readonly EvalResource[], order: ReadonlyMap<string, number>): readonly EvalResource[] {
    const types = fns.map(declaredType);
    if (types.some((t) => t === undefined)) return all;
    const picked = [...new Set(types)].flatMap((t) => (t === undefined ? [] : (byType.get(t) ?? [])));
    return picked.sort((a, b) => (order.get(a.urn) ?? 0) - (order.get(b.urn) ?? 0));
}

/** Whether a validation runs on a resource of `type`. */
function appliesTo(fn: ResourceValidation, type: string): boolean {
    const declared = declaredType(fn);
    return declared === undefined || declared === type;
}

function groupByType(resources: readonly EvalResource[]): Map<string, EvalResource[]> {
    const out = new Map<string, EvalResource[]>();
    for (const r of resources) {
        const list = out.get(r.type);
        if (list === undefined) out.set(r.type, [r]);
        else list.push(r);
    }
    return out;
}

/** The stage of the resources: the plan's stage when known, else the resources' `stage` tags. */
export function stageOf(resources: readonly EvalResource[], declared?: string): Stage | undefined {
    return isStage(declared) ? declared : stageFromTags(resources.map((r) => r.inputs));
}

/**
 * Runs every policy of the pack on the resources, as the CrossGuard engine would: each resource
 * validation only on the resources of the type it declares (all resources when it declares none),
 * each stack validation once over all resources. Props are prepared once per resource.
 */
export async function evaluatePolicies(policies: Policies, resources: readonly EvalResource[], options: { stage?: string; config?: PackConfig; stackTags?: ReadonlyMap<string, string> } = {}): Promise<PolicyResult> {
    const pack = options.config ?? {};
    const stage = stageOf(resources, options.stage);
    const stackTags = options.stackTags ?? new Map<string, string>();
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const byType = groupByType(resources);
    const order = new Map(resources.map((r, i) => [r.urn, i]));
    // a resource's view is made when a policy first reads it: a policy of a few types (or the one
    // policy a test evaluates) prepares the props of those resources only; options and providers
    // are shared (ViewCache), and one view serves resource and stack policies
    const cache = new ViewCache(byUrn);
    const views = new Map<string, ResourceView>();
    const viewOf = (urn: string): ResourceView | undefined => {
        const hit = views.get(urn);
        if (hit !== undefined) return hit;
        const r = byUrn.get(urn);
        if (r === undefined) return undefined;
        const view = resourceView(r, byUrn, cache);
        views.set(urn, view);
        return view;
    };
    let stackResources: PolicyResource[] | undefined;
    const violations: Violation[] = [];
    for (const policy of policies) {
        const enforcement = enforcementFor(categoryOf(policy.tags), stage, enforcementConfig(policy, pack), stageDefaultsOf(policy));
        if (enforcement === "disabled") continue;
        const config = frozenProps(withStage(policyConfig(policy, pack), stage));
        if (isStackPolicy(policy)) {
            const report: ReportViolation = (message, urn) => violations.push({ policy: policy.name, enforcement, urn: urn ?? "", message });
            stackResources ??= policyResources(resources, viewOf);
            const args: StackValidationArgs = { resources: stackResources, stackTags, getConfig: () => config, notApplicable };
            const fresh = (): StackValidationArgs => {
                const own = freshProps(config);
                const unfrozen = new Map(resources.map((r) => [r.urn, resourceView(r, byUrn)]));
                return { ...args, resources: policyResources(resources, (urn) => unfrozen.get(urn), false), getConfig: () => own };
            };
            const skipped = await runOnce((a, rep) => policy.validateStack(a, rep), args, fresh, report, policy.name);
            if (skipped !== undefined) violations.push({ policy: policy.name, enforcement: "advisory", urn: "", message: skipped });
            continue;
        }
        const fns = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        for (const r of resourcesFor(fns, byType, resources, order)) {
            const view = viewOf(r.urn);
            if (view === undefined) continue;
            const args = withConfig(view, config, stackTags);
            const report: ReportViolation = (message) => violations.push({ policy: policy.name, enforcement, urn: r.urn, message });
            const fresh = (): ResourceValidationArgs => withConfig(resourceView(r, byUrn), freshProps(config), stackTags);
            for (const fn of fns) {
                if (!appliesTo(fn, r.type)) continue;
                const skipped = await runOnce(fn, args, fresh, report, policy.name);
                if (skipped !== undefined) violations.push({ policy: policy.name, enforcement: "advisory", urn: r.urn, message: skipped });
            }
        }
    }
    return { stage, violations };
}

/** The availability estimate of the resources with the target policy's config. */
export function availabilityOf(policies: Policies, resources: readonly EvalResource[], pack: PackConfig = {}): Estimate {
    const policy = policies.find((p) => p.name === "ha-stack-availability-target");
    const config = policy !== undefined ? policyConfig(policy, pack) : {};
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const nodes = resources.map((r) => ({ urn: r.urn, type: r.type, props: stackProps(r) ?? r.inputs, region: regionOf(record(providerOf(r, byUrn)?.props), r.inputs, r.type), deps: r.propertyDependencies ?? {} }));
    return estimate(nodes, estimateConfig(config));
}

export function hasMandatory(violations: readonly Violation[]): boolean {
    return violations.some((v) => v.enforcement === "mandatory");
}
