// The engine's side of a resource registration under mocks, answered without building a protobuf
// response. The program and the Pulumi runtime run unchanged: the runtime prepares each resource,
// serializes its inputs into a RegisterResourceRequest and resolves its outputs from the response
// (runtime/resource.js registerResource), exactly as under `pulumi up`. Only the mock engine's
// answer differs in form: MockMonitor.registerResource (@pulumi/pulumi 3.270.0 runtime/mocks.js)
// converts the serialized state into a protobuf Struct (Struct.fromJavaScript), which the runtime
// converts straight back (Struct#toJavaScript, in rpc.deserializeProperties), and the runtime's
// debug log formats the whole message as a string on every registration. Here the response is an
// object with the getters the runtime reads, and its `getObject().toJavaScript()` returns what the
// Struct round trip returns (structValue), without the round trip.

import * as pulumi from "@pulumi/pulumi";
import { RegisterResourceRequest, Result } from "@pulumi/pulumi/proto/resource_pb";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties, serializeProperties } from "@pulumi/pulumi/runtime/rpc";

/** What the runtime reads of a RegisterResourceResponse (runtime/resource.js registerResource). */
export interface RegistrationResponse {
    getUrn(): string;
    getId(): string;
    getObject(): { toJavaScript(): Record<string, unknown> };
    /** Undefined: the mocks report no output dependencies (an empty map to the runtime). */
    getPropertydependenciesMap(): undefined;
    getResult(): Result;
    getUnknown(): boolean;
}

/**
 * `Value.fromJavaScript(v).toJavaScript()` of google-protobuf's struct_pb: scalars and null as
 * they are, arrays element by element, objects by their enumerable keys (`for...in`) in the sorted
 * order of a protobuf map; anything else (undefined, a function) throws as fromJavaScript does.
 */
export function structValue(v: unknown): unknown {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
    if (Array.isArray(v)) return v.map(structValue);
    if (typeof v === "object") return structFields(v);
    throw new Error("Unexpected struct type.");
}

/** `Struct.fromJavaScript(o).toJavaScript()`: see structValue. */
export function structFields(o: object): Record<string, unknown> {
    const keys: string[] = [];
    for (const k in o) keys.push(k);
    const out: Record<string, unknown> = {};
    for (const k of keys.sort()) out[k] = structValue(Reflect.get(o, k));
    return out;
}

/**
 * The URN the mock engine gives a registration (MockMonitor.newUrn): the parent's type chain, the
 * type and the name under the stack and project.
 */
export function mockUrn(parent: string, type: string, name: string): string {
    const qualified = parent === "" ? type : `${parent.split("::")[2].split("$").pop()}$${type}`;
    return `urn:pulumi:${[pulumi.getStack(), pulumi.getProject(), qualified, name].join("::")}`;
}

/**
 * Answers `monitor`'s registrations as MockMonitor.registerResource does (the same call of
 * `mocks.newResource`, the same URN, the same serialized state kept in `monitor.resources` for
 * invokes and registerResourceOutputs), with a RegistrationResponse. A registration with
 * transforms (resource option `transforms`) goes to MockMonitor itself. `observe` sees every
 * request first.
 */
export function answerRegistrations(monitor: MockMonitor, mocks: pulumi.runtime.Mocks, observe: (req: RegisterResourceRequest) => void): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = async (req: unknown, callback: (err: unknown, response: unknown) => void): Promise<void> => {
        if (!(req instanceof RegisterResourceRequest)) return register(req, callback);
        observe(req);
        if (req.getTransformsList().length > 0) return register(req, callback);
        try {
            const inputs = req.getObject();
            if (inputs === undefined) throw new Error(`registration of ${req.getType()}::${req.getName()} carries no inputs`);
            const result = await mocks.newResource({
                type: req.getType(),
                name: req.getName(),
                inputs: deserializeProperties(inputs),
                provider: req.getProvider(),
                custom: req.getCustom(),
                id: req.getImportid(),
                transforms: [],
            });
            const urn = mockUrn(req.getParent(), req.getType(), req.getName());
            const state = await serializeProperties("", result.state);
            monitor.resources.set(urn, { urn, id: result.id ?? null, state });
            // converted here, where MockMonitor converts it: a value a Struct cannot hold fails the registration
            const object = structFields(state);
            const response: RegistrationResponse = {
                getUrn: () => urn,
                getId: () => result.id || "",
                getObject: () => ({ toJavaScript: () => object }),
                getPropertydependenciesMap: () => undefined,
                getResult: () => Result.SUCCESS,
                getUnknown: () => false,
            };
            callback(null, response);
        } catch (err) {
            callback(err, undefined);
        }
    };
}
