// Offline evaluation of the policy pack: builds the validation args the CrossGuard engine would
// pass (type, props, urn, name, opts, isType, asType, getConfig with configSchema defaults,
// notApplicable, stackTags) and runs every resource and stack policy on planned resources.

import type { EnforcementLevel, Policies, PolicyResource, PolicyResourceOptions, ReportViolation, ResourceValidationArgs, ResourceValidationPolicy, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";

import { PlannedResource } from "./record";
import { estimate, Estimate } from "../../policies/availability/estimate";
import { regionOf } from "../../policies/lib/nodes";
import { stageDefaultsOf } from "../../policies/lib/policy";
import { Stage, categoryOf, enforcementFor, isStage, stageFromTags } from "../../policies/lib/stage";
import { isRecord, record } from "../../policies/lib/values";
import { estimateConfig } from "../../policies/stack/availability-config";

/** A resource as the evaluator sees it: the plan's PlannedResource (also read from a preview or an export). */
export type EvalResource = PlannedResource;

export interface Violation {
    readonly policy: string;
    readonly enforcement: EnforcementLevel;
    readonly urn: string;
    readonly message: string;
}

export interface PolicyResult {
    readonly stage: Stage | undefined;
    readonly violations: Violation[];
}

/** Pack config: policy name -> enforcement level, or {enforcementLevel?, stages?, ...properties}. */
export type PackConfig = Readonly<Record<string, unknown>>;

class NotApplicable extends Error {}

function notApplicable(reason?: string): never {
    throw new NotApplicable(reason ?? "not applicable");
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
 * A deep JSON copy, as the engine hands each validation its own deserialised props; the copy is
 * untyped JSON, which is what lets `asType` return the class's typed args.
 */
function copyProps(props: Record<string, unknown>) {
    return JSON.parse(JSON.stringify(props));
}

function sameType(type: string, cls: object): boolean {
    return Reflect.get(cls, "__pulumiType") === type;
}

const OPTS: PolicyResourceOptions = { protect: false, ignoreChanges: [], aliases: [], customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 }, additionalSecretOutputs: [] };

function providerOf(r: EvalResource, byUrn: ReadonlyMap<string, EvalResource>): PolicyResource["provider"] {
    const urn = r.provider?.split("::").slice(0, -1).join("::");
    const p = urn !== undefined ? byUrn.get(urn) : undefined;
    return p === undefined ? undefined : { type: p.type, props: p.inputs, urn: p.urn, name: p.name };
}

/** What a resource's validation args and its stack-policy view have in common. */
function resourceView(r: EvalResource, byUrn: ReadonlyMap<string, EvalResource>): Pick<ResourceValidationArgs, "type" | "props" | "urn" | "name" | "opts" | "provider" | "isType" | "asType"> {
    return {
        type: r.type,
        props: copyProps(r.inputs),
        urn: r.urn,
        name: r.name,
        opts: { ...OPTS, parent: r.parent ?? undefined },
        provider: providerOf(r, byUrn),
        isType: (cls) => sameType(r.type, cls),
        asType: (cls) => (sameType(r.type, cls) ? copyProps(r.inputs) : undefined),
    };
}

export function resourceArgs(r: EvalResource, config: Record<string, unknown>, byUrn: ReadonlyMap<string, EvalResource>, stackTags: ReadonlyMap<string, string>): ResourceValidationArgs {
    return { ...resourceView(r, byUrn), stackTags, getConfig: () => copyProps(config), notApplicable };
}

function policyResources(resources: readonly EvalResource[]): PolicyResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const out = new Map<string, PolicyResource>();
    for (const r of resources) {
        out.set(r.urn, { ...resourceView(r, byUrn), dependencies: [], propertyDependencies: {} });
    }
    for (const r of resources) {
        const self = out.get(r.urn);
        const parent = r.parent !== null ? out.get(r.parent) : undefined;
        if (self !== undefined && parent !== undefined) self.parent = parent;
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

async function runGuarded(fn: () => void | Promise<void>): Promise<void> {
    try {
        await fn();
    } catch (e) {
        if (!(e instanceof NotApplicable)) throw e;
    }
}

/** The stage of the resources: the plan's stage when known, else the resources' `stage` tags. */
export function stageOf(resources: readonly EvalResource[], declared?: string): Stage | undefined {
    return isStage(declared) ? declared : stageFromTags(resources.map((r) => r.inputs));
}

export async function evaluatePolicies(policies: Policies, resources: readonly EvalResource[], options: { stage?: string; config?: PackConfig; stackTags?: ReadonlyMap<string, string> } = {}): Promise<PolicyResult> {
    const pack = options.config ?? {};
    const stage = stageOf(resources, options.stage);
    const stackTags = options.stackTags ?? new Map<string, string>();
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const violations: Violation[] = [];
    for (const policy of policies) {
        const enforcement = enforcementFor(categoryOf(policy.tags), stage, enforcementConfig(policy, pack), stageDefaultsOf(policy));
        if (enforcement === "disabled") continue;
        const config = withStage(policyConfig(policy, pack), stage);
        if (isStackPolicy(policy)) {
            const report: ReportViolation = (message, urn) => violations.push({ policy: policy.name, enforcement, urn: urn ?? "", message });
            const args: StackValidationArgs = { resources: policyResources(resources), stackTags, getConfig: () => copyProps(config), notApplicable };
            await runGuarded(() => policy.validateStack(args, report));
            continue;
        }
        const fns = policy.validateResource === undefined ? [] : Array.isArray(policy.validateResource) ? policy.validateResource : [policy.validateResource];
        for (const r of resources) {
            const report: ReportViolation = (message) => violations.push({ policy: policy.name, enforcement, urn: r.urn, message });
            for (const fn of fns) await runGuarded(() => fn(resourceArgs(r, config, byUrn, stackTags), report));
        }
    }
    return { stage, violations };
}

/** The availability estimate of the resources with the target policy's config. */
export function availabilityOf(policies: Policies, resources: readonly EvalResource[], pack: PackConfig = {}): Estimate {
    const policy = policies.find((p) => p.name === "ha-stack-availability-target");
    const config = policy !== undefined ? policyConfig(policy, pack) : {};
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const nodes = resources.map((r) => ({ urn: r.urn, type: r.type, props: r.inputs, region: regionOf(record(providerOf(r, byUrn)?.props), r.inputs) }));
    return estimate(nodes, estimateConfig(config));
}

export function hasMandatory(violations: readonly Violation[]): boolean {
    return violations.some((v) => v.enforcement === "mandatory");
}
