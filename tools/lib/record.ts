// Runs the real program under recording mocks and returns what `pulumi up` would declare.

import * as pulumi from "@pulumi/pulumi";
import { RegisterResourceRequest } from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { getMonitor } from "@pulumi/pulumi/runtime/settings";

import { ConfigError, MissingSetting } from "../../components/model";
import { MINUTE_MS } from "../../components/model/timezone";
import { RecordingMocks, Registration, UnmockedCallError } from "./mocks";
import { answerRegistrations } from "./monitor";
import { ROOT, StackFileError, UnknownStackError, loadStackConfig, projectName } from "./stackfiles";
import { STACK_TRACES_ENV } from "./stack-traces";

export { STACK_TRACES_ENV };

export const SECRET = "[secret]";
/**
 * How the engine prints a value that is not known until the resource is created (`pulumi preview
 * --json`, stack policies' serialized props): the string sentinel of `@pulumi/pulumi/runtime/rpc`
 * (`unknownValue`), which `@pulumi/policy` also uses as its unknown string value.
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The signature key/value Pulumi uses to mark a secret in serialized properties. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export interface PlannedResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    /** URN of the parent, null for the root stack. */
    readonly parent: string | null;
    readonly custom: boolean;
    /** Provider reference `urn::id`, null when the default provider (or none) is used. */
    readonly provider: string | null;
    readonly inputs: Record<string, unknown>;
    /**
     * True when the program sets `retainOnDelete`: removing the resource from the stack (or
     * replacing it) leaves it in the cloud. Absent otherwise.
     */
    readonly retainOnDelete?: boolean;
    /**
     * The URNs the resource's own `aliases` option names, in the engine's form (engineUrns): an
     * Alias's unset name, type and parent are the resource's own. URNs the program or an SDK gives
     * as text are listed as given. Absent when it declares none. The engine also derives aliases of
     * the children of an aliased resource (tests/global/aliases.test.ts); those are not listed.
     */
    readonly aliases?: readonly string[];
    /** Cloud id of a custom resource (the mocked id in a plan; absent or unknown in a preview). */
    readonly id?: string;
    /** Attributes the cloud computes (arn, dnsName, ...), as far as the input carries them. */
    readonly outputs?: Record<string, unknown>;
    /** Input property -> URNs of the resources its value comes from (`pulumi preview --json`). */
    readonly propertyDependencies?: Record<string, string[]>;
    /**
     * URNs of every resource this one waits for (the registration's `dependencies`: its inputs'
     * resources plus the `dependsOn` option), sorted. Absent when there are none.
     */
    readonly dependencies?: readonly string[];
    /** The properties the `ignoreChanges` option names, as given. Absent when there are none. */
    readonly ignoreChanges?: readonly string[];
    /** The properties the `replaceOnChanges` option names, as given: a change of one replaces the resource. Absent when there are none. */
    readonly replaceOnChanges?: readonly string[];
}

export interface Plan {
    readonly stack: string;
    readonly stage: string;
    readonly cloud: string;
    /** Planned as a first `pulumi preview` sees it: ids, ARNs and endpoints of new resources unknown. */
    readonly preview: boolean;
    readonly resources: PlannedResource[];
    readonly outputs: Record<string, unknown>;
    /** Config keys still holding placeholders: `pulumi up` refuses the stack until they are set. */
    readonly notDeployableUntilSet: readonly MissingSetting[];
    /**
     * The minute the program planned against (DeployOptions.now, UTC ISO, seconds dropped: the
     * scheduled actions run on whole minutes, so none falls between): the instant of the `pulumi up`
     * this plan stands for when it is the next one's `--base` (the bounds it asserts on the scaled
     * resources hold from then: floorsHeldInBase). Only on a plan whose up asserts a floor its own
     * actions also set (assertsScheduledFloors: an up inside a raised window), so any other plan
     * stays byte-identical whenever it is made; absent from plans made before it was recorded.
     */
    readonly plannedAt?: string;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Replaces secret values with "[secret]" and sorts object keys, so output is safe and byte-stable.
 * A secret map (e.g. a Kubernetes Secret's `stringData`, which the SDK marks secret as a whole)
 * keeps its keys, each value "[secret]": which credentials a resource holds is not itself secret.
 */
export function sanitize(value: unknown): unknown {
    if (pulumi.isUnknown(value)) return UNKNOWN;
    if (Array.isArray(value)) return value.map(sanitize);
    if (isPlainObject(value)) {
        if (value[SECRET_SIG_KEY] === SECRET_SIG) return redact(value.value);
        return Object.fromEntries(
            Object.keys(value)
                .sort()
                .map((k) => [k, sanitize(value[k])]),
        );
    }
    return value;
}

/** The shape of a secret value: the keys of a map (sorted), every value "[secret]". */
function redact(value: unknown): unknown {
    if (!isPlainObject(value) || value[SECRET_SIG_KEY] === SECRET_SIG) return SECRET;
    return Object.fromEntries(
        Object.keys(value)
            .sort()
            .map((k) => [k, SECRET]),
    );
}

/**
 * The URN an alias names, in the engine's form: a URN as given, or an Alias whose unset name and
 * type are the resource's own and whose unset parent is the resource's parent (the engine collapses
 * an alias spec the same way: pulumi/pulumi pkg/resource/deploy/step_generator.go,
 * collapseAliasToUrn). An Alias naming its parent by URN text is read as an engine-form URN.
 */
async function aliasUrn(alias: pulumi.Input<pulumi.URN | pulumi.Alias>, s: Seen, chainOf: (r: pulumi.Resource | undefined) => string, project: string, stack: string): Promise<string> {
    const a = await settle(pulumi.output(alias));
    if (typeof a === "string") return a;
    const name = a.name === undefined ? s.name : await settle(pulumi.output(a.name));
    const type = a.type === undefined ? s.type : await settle(pulumi.output(a.type));
    const parentChain =
        a.parent === undefined ? chainOf(s.parent) : pulumi.Resource.isInstance(a.parent) ? chainOf(a.parent) : ((await settle(pulumi.output(a.parent))).split("::")[2] ?? "");
    return engineUrn(project, stack, parentChain === "" ? type : `${parentChain}$${type}`, name);
}

/**
 * A URN as the engine forms it: `urn:pulumi:<stack>::<project>::<type chain>::<name>`, the chain
 * being the types from the top-level ancestor down to the resource, joined by `$`, without the root
 * stack's type (pulumi/pulumi sdk/nodejs/resource.ts createUrn). The mocks form `urn` differently
 * (the parent's own type only, and the stack's type above top-level resources: runtime/mocks.ts
 * newUrn), so a plan's `urn` is not the URN a deployed stack holds.
 */
export function engineUrn(project: string, stack: string, chain: string, name: string): string {
    return `urn:pulumi:${stack}::${project}::${chain}::${name}`;
}

/** The engine-form URN (engineUrn) of every resource of a plan, by its plan `urn`; the root stack keeps its own. */
export function engineUrns(plan: Pick<Plan, "stack" | "resources">): ReadonlyMap<string, string> {
    const byUrn = new Map(plan.resources.map((r) => [r.urn, r]));
    const chains = new Map<string, string>();
    const chainOf = (r: PlannedResource): string => {
        const known = chains.get(r.urn);
        if (known !== undefined) return known;
        const parent = r.parent === null ? undefined : byUrn.get(r.parent);
        const parentChain = parent === undefined || parent.parent === null ? "" : chainOf(parent);
        const chain = parentChain === "" ? r.type : `${parentChain}$${r.type}`;
        chains.set(r.urn, chain);
        return chain;
    };
    // The project is the one of the plan's own URNs (the root stack's: urn:pulumi:<stack>::<project>::...).
    const project = /^urn:pulumi:[^:]*::([^:]+)::/.exec(plan.resources.find((r) => r.parent === null)?.urn ?? "")?.[1] ?? "";
    return new Map(plan.resources.map((r) => [r.urn, r.parent === null ? r.urn : engineUrn(project, plan.stack, chainOf(r), r.name)]));
}

function settle<T>(o: pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => {
        o.apply((v) => {
            resolve(v);
            return v;
        });
    });
}

/**
 * Whether an Output's value is known. Outputs carry `isKnown: Promise<boolean>` (OutputImpl in
 * @pulumi/pulumi output.js); in a preview the value of an unknown Output never reaches `apply`.
 */
async function isKnownOutput(o: pulumi.Output<unknown>): Promise<boolean> {
    const known: unknown = Reflect.get(o, "isKnown");
    return known instanceof Promise ? (await known) === true : true;
}

/** Resolves stack outputs; a secret Output becomes "[secret]", an unknown one (preview) the unknown sentinel. */
async function resolveOutputs(value: unknown): Promise<unknown> {
    if (pulumi.Output.isInstance(value)) {
        if (await pulumi.isSecret(value)) return SECRET;
        if (!(await isKnownOutput(value))) return UNKNOWN;
        return resolveOutputs(await settle(value));
    }
    if (value instanceof Promise) return resolveOutputs(await value);
    if (Array.isArray(value)) return Promise.all(value.map(resolveOutputs));
    if (isPlainObject(value)) {
        const entries = await Promise.all(Object.keys(value).sort().map(async (k) => [k, await resolveOutputs(value[k])] as const));
        return Object.fromEntries(entries);
    }
    return value;
}

interface Seen {
    readonly resource: pulumi.Resource;
    readonly type: string;
    readonly name: string;
    readonly parent: pulumi.Resource | undefined;
    readonly retainOnDelete: boolean;
    readonly aliases: readonly pulumi.Input<pulumi.URN | pulumi.Alias>[];
}

function firstRegion(config: Readonly<Record<string, string>>, project: string): string {
    try {
        const regions: unknown = JSON.parse(config[`${project}:regions`] ?? "[]");
        if (Array.isArray(regions) && isPlainObject(regions[0]) && typeof regions[0].name === "string") return regions[0].name;
    } catch {
        // an invalid regions value is reported by the program's validation
    }
    return "us-east-1";
}

/**
 * Plans one stack: loads its config, runs stacks/program.ts under RecordingMocks inside a root
 * stack (as the CLI does), and returns every registered resource with its parent and provider.
 */
export async function planStack(stack: string, stacksDir?: string, options: PlanOptions = {}): Promise<Plan> {
    let missing: readonly MissingSetting[] = [];
    // One instant for the program and the record of it (Plan.plannedAt).
    const now = options.now ?? new Date();
    const plan = await planProgram(
        stack,
        async () =>
            (await import("../../stacks/program")).deploy({
                onPlaceholders: (m) => {
                    missing = m;
                },
                now,
            }),
        stacksDir,
        options,
    );
    // Only an up inside a raised window asserts floors its actions also set (a plan that already
    // depends on the minute: its report names it); any other plan stays byte-identical whenever it is made.
    const { assertsScheduledFloors } = await import("./scaling");
    const asserts = assertsScheduledFloors(plan.resources, now.getTime());
    return { ...plan, notDeployableUntilSet: missing, ...(asserts ? { plannedAt: new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS).toISOString() } : {}) };
}

export interface PlanOptions {
    /** Plan as a first `pulumi preview` (see RecordingMocks). Defaults to false. */
    readonly preview?: boolean;
    /**
     * Folder of the Pulumi.yaml whose `name` is the project and whose `config:` defaults apply, as
     * the CLI reads it. Defaults to the repository root.
     */
    readonly root?: string;
    /** The instant the program plans against (DeployOptions.now). Defaults to the wall clock. */
    readonly now?: Date;
}

/** Each registration's property dependencies (input property -> URNs), all its dependencies and its ignoreChanges, by `type::name`. */
export type DependencyLog = Map<string, { readonly properties: Record<string, string[]>; readonly all: string[]; readonly ignoreChanges: string[]; readonly replaceOnChanges: string[] }>;

/** The dependencies a RegisterResourceRequest carries, sorted and without duplicates. */
function dependenciesOf(req: RegisterResourceRequest): Record<string, string[]> {
    const deps: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((d, key) => {
        const urns = d.getUrnsList();
        if (urns.length > 0) deps[key] = [...new Set(urns)].sort();
    });
    return deps;
}

/** The `dependencies`, `ignoreChanges` and `replaceOnChanges` fields of a planned resource: present only when not empty. */
function dependencyFields(logged: { readonly all: string[]; readonly ignoreChanges: string[]; readonly replaceOnChanges: string[] } | undefined): { dependencies?: string[]; ignoreChanges?: string[]; replaceOnChanges?: string[] } {
    if (logged === undefined) return {};
    return {
        ...(logged.all.length > 0 ? { dependencies: logged.all } : {}),
        ...(logged.ignoreChanges.length > 0 ? { ignoreChanges: logged.ignoreChanges } : {}),
        ...(logged.replaceOnChanges.length > 0 ? { replaceOnChanges: logged.replaceOnChanges } : {}),
    };
}

/**
 * `pulumi.runtime.setMocks`, with the mock monitor answering registrations without a protobuf
 * response (tools/lib/monitor.ts) and logging what the engine receives besides the inputs: each
 * registration's property dependencies.
 */
async function setGraphMocks(mocks: pulumi.runtime.Mocks, project: string, stack: string, preview: boolean): Promise<DependencyLog> {
    await pulumi.runtime.setMocks(mocks, project, stack, preview);
    const log: DependencyLog = new Map();
    const installed = getMonitor();
    if (!(installed instanceof MockMonitor)) throw new Error("setMocks did not install a MockMonitor");
    answerRegistrations(installed, mocks, (req) =>
        log.set(`${req.getType()}::${req.getName()}`, { properties: dependenciesOf(req), all: [...new Set(req.getDependenciesList())].sort(), ignoreChanges: req.getIgnorechangesList(), replaceOnChanges: req.getReplaceonchangesList() }),
    );
    return log;
}

/**
 * Plans `program` (a function declaring resources and returning stack outputs, whose `stage` and
 * `cloud` name the stack) with the config of `stack`, exactly as planStack plans the real program.
 * The program is called only after the mocks and the config are in place.
 */
export async function planProgram(stack: string, program: () => Promise<Record<string, unknown>>, stacksDir?: string, options: PlanOptions = {}): Promise<Plan> {
    if (process.env[STACK_TRACES_ENV] === "1") return recordProgram(stack, program, stacksDir, options);
    const restore = withoutStackTraces();
    let restored = false;
    try {
        return await recordProgram(stack, program, stacksDir, options);
    } catch (first) {
        if (isReported(first)) throw first;
        // An unexpected failure: plan again with stack traces on, so the error carries its trace.
        restore();
        restored = true;
        await recordProgram(stack, program, stacksDir, options);
        throw first;
    } finally {
        if (!restored) restore();
    }
}

/** How many plans run without stack traces now; the first installs the accessor, the last removes it. */
let untraced = 0;
let tracedLimit: PropertyDescriptor | undefined;

/**
 * Turns stack-trace capture off until the returned function is called: `Error.stackTraceLimit`
 * becomes an accessor that reads 0 and ignores writes. V8 captures a stack only when that property
 * is a data property holding a number (Isolate::GetStackTraceLimit reads it with GetDataProperty),
 * so no error made meanwhile captures a trace or carries a `stack`. The Pulumi runtime records
 * `new Error().stack` for every promise it tracks (runtime/debuggable.js, four per output property
 * of every resource), and `Resource.callsites()` (resource.js) sets the limit to Infinity and
 * parses a full trace for every resource to send the engine its source position; the mocks read
 * neither, and without the accessor that one assignment would defeat a limit of 0. The plan's own
 * errors print their message alone; an unexpected one is planned again with traces on.
 */
function withoutStackTraces(): () => void {
    if (untraced++ === 0) {
        tracedLimit = Object.getOwnPropertyDescriptor(Error, "stackTraceLimit");
        Object.defineProperty(Error, "stackTraceLimit", { get: () => 0, set: () => undefined, enumerable: true, configurable: true });
    }
    let done = false;
    return () => {
        if (done) return;
        done = true;
        if (--untraced > 0) return;
        if (tracedLimit !== undefined) Object.defineProperty(Error, "stackTraceLimit", tracedLimit);
        else Reflect.deleteProperty(Error, "stackTraceLimit");
    };
}


/**
 * Errors the tools report by their message alone (a user's config, an unknown stack, an unmocked
 * data source, a leaked secret): their stack trace is never shown.
 */
function isReported(e: unknown): boolean {
    return e instanceof ConfigError || e instanceof UnknownStackError || e instanceof StackFileError || e instanceof UnmockedCallError || e instanceof SecretLeakError;
}

/**
 * Runs the program under the recording mocks. The Pulumi runtime captures a stack trace for every
 * promise and resource it tracks (`new Error().stack`), which the plan never shows; planProgram
 * runs this without stack-trace capture (unless STACK_TRACES_ENV is "1"), which makes those
 * captures free.
 */
async function recordProgram(stack: string, program: () => Promise<Record<string, unknown>>, stacksDir: string | undefined, options: PlanOptions): Promise<Plan> {
    const root = options.root ?? ROOT;
    const project = projectName(root);
    const config = loadStackConfig(stack, stacksDir, root);
    const preview = options.preview ?? false;
    const mocks = new RecordingMocks(firstRegion(config, project), preview);
    const dependencies = await setGraphMocks(mocks, project, stack, preview);
    pulumi.runtime.setAllConfig(config, []);

    const seen: Seen[] = [];
    let stage = "";
    let cloud = "";
    // The program's own outputs object, resolved key by key (in a preview the stack's outputs as
    // one value are unknown as soon as any part is).
    let programOutputs: Record<string, unknown> = {};
    await pulumi.runtime.runInPulumiStack(async () => {
        pulumi.runtime.registerStackTransformation((args) => {
            seen.push({ resource: args.resource, type: args.type, name: args.name, parent: args.opts.parent, retainOnDelete: args.opts.retainOnDelete === true, aliases: args.opts.aliases ?? [] });
            return undefined;
        });
        const outputs = await program();
        stage = String(outputs.stage);
        cloud = String(outputs.cloud);
        programOutputs = outputs;
        return outputs;
    });

    const urnOf = new Map<pulumi.Resource, string>();
    await Promise.all(seen.flatMap((s) => [s.resource, ...(s.parent ? [s.parent] : [])]).map(async (r) => urnOf.set(r, await settle(r.urn))));
    const byKey = new Map<string, Registration>();
    for (const reg of mocks.registrations) {
        const key = `${reg.type}::${reg.name}`;
        if (byKey.has(key)) throw new Error(`two resources share type and name ${key}; names must be unique within a stack`);
        byKey.set(key, reg);
    }
    const stackUrn = `urn:pulumi:${stack}::${project}::pulumi:pulumi:Stack::${project}-${stack}`;
    const seenOf = new Map(seen.map((s) => [s.resource, s]));
    const chains = new Map<pulumi.Resource, string>();
    const chainOf = (r: pulumi.Resource | undefined): string => {
        const s = r === undefined ? undefined : seenOf.get(r);
        if (r === undefined || s === undefined) return ""; // the root stack
        const known = chains.get(r);
        if (known !== undefined) return known;
        const parentChain = chainOf(s.parent);
        const chain = parentChain === "" ? s.type : `${parentChain}$${s.type}`;
        chains.set(r, chain);
        return chain;
    };
    const aliasesOf = new Map<pulumi.Resource, string[]>();
    await Promise.all(
        seen
            .filter((s) => s.aliases.length > 0)
            .map(async (s) => aliasesOf.set(s.resource, await Promise.all(s.aliases.map((a) => aliasUrn(a, s, chainOf, project, stack))))),
    );
    const resources: PlannedResource[] = [
        { urn: stackUrn, type: "pulumi:pulumi:Stack", name: `${project}-${stack}`, parent: null, custom: false, provider: null, inputs: {}, propertyDependencies: {} },
        ...seen.map((s): PlannedResource => {
            const reg = byKey.get(`${s.type}::${s.name}`);
            if (reg === undefined) throw new Error(`resource ${s.type}::${s.name} was declared but never registered`);
            return {
                urn: urnOf.get(s.resource) ?? "",
                type: s.type,
                name: s.name,
                parent: s.parent ? (urnOf.get(s.parent) ?? stackUrn) : stackUrn,
                custom: reg.custom,
                provider: reg.provider,
                inputs: sanitizeRecord(reg.inputs),
                ...(s.retainOnDelete ? { retainOnDelete: true } : {}),
                ...(aliasesOf.has(s.resource) ? { aliases: aliasesOf.get(s.resource) } : {}),
                ...(reg.id === null ? {} : { id: reg.id }),
                ...(Object.keys(reg.outputs).length === 0 ? {} : { outputs: sanitizeRecord(reg.outputs) }),
                propertyDependencies: dependencies.get(`${s.type}::${s.name}`)?.properties ?? {},
                ...dependencyFields(dependencies.get(`${s.type}::${s.name}`)),
            };
        }),
    ].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    const outputs = await resolveOutputs(programOutputs);
    await pulumi.runtime.disconnect(); // wait for outstanding registrations before the next stack resets the runtime
    const stackOutputs = isPlainObject(outputs) ? outputs : {};
    // The stack resource carries the stack outputs, as in `pulumi stack export` (the flow analysis reads the CNAMEs it gives).
    const withStackOutputs = resources.map((r) => (r.urn === stackUrn && Object.keys(stackOutputs).length > 0 ? { urn: r.urn, type: r.type, name: r.name, parent: r.parent, custom: r.custom, provider: r.provider, inputs: r.inputs, outputs: stackOutputs, propertyDependencies: r.propertyDependencies } : r));
    const plan: Plan = { stack, stage, cloud, preview, resources: withStackOutputs, outputs: stackOutputs, notDeployableUntilSet: [] };
    assertNoSecretLeak(plan, mocks.secretValues);
    return plan;
}

export class SecretLeakError extends Error {}

/** Fails when a generated secret value appears anywhere in the plan (inputs or outputs). */
export function assertNoSecretLeak(plan: Plan, secretValues: readonly string[]): void {
    const text = JSON.stringify(plan);
    const leaked = secretValues.filter((v) => text.includes(v));
    if (leaked.length > 0) {
        const where = plan.resources.filter((r) => leaked.some((v) => JSON.stringify(r.inputs).includes(v))).map((r) => r.urn);
        throw new SecretLeakError(`a secret value appears in plain text in the plan of ${plan.stack}: ${where.join(", ") || "stack outputs"}; wrap it with pulumi.secret()`);
    }
}

function sanitizeRecord(inputs: Record<string, unknown>): Record<string, unknown> {
    const clean = sanitize(inputs);
    return isPlainObject(clean) ? clean : {};
}
