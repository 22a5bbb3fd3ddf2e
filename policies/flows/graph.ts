// The planned resource graph the flow analysis walks: resources by type and region, and the
// references between them (an input holding another resource's id, ARN or address).
//
// Works on the three inputs `check --from` accepts. A plan and a stack export carry ids and the
// cloud-computed outputs; a first `pulumi preview` does not (every id of a new resource is unknown,
// printed as UNKNOWN), so a reference is then followed through the preview's
// `propertyDependencies` (input property -> URNs its value comes from), and a hop whose value is
// unknown and not covered by a dependency is reported `unknown`, never guessed.

import { isRecord, list, str } from "../lib/values";
import { dnsName } from "./contracts";

/** How `pulumi preview --json` prints a value not known until the resource exists. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** A resource as the flow analysis sees it (a PlannedResource, or a ResourceV3 of a preview or export). */
export interface FlowResource {
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly parent: string | null;
    readonly provider: string | null;
    readonly inputs: Record<string, unknown>;
    readonly id?: string;
    readonly outputs?: Record<string, unknown>;
    readonly propertyDependencies?: Record<string, string[]>;
    /** URNs of every resource this one waits for (its inputs' resources and the `dependsOn` option); absent when none or not recorded. */
    readonly dependencies?: readonly string[];
}

/** A followed reference: the resource found, or why none was. */
export type Ref<T = FlowResource> = { readonly kind: "found"; readonly resource: T } | { readonly kind: "missing" } | { readonly kind: "unknown" };

export const MISSING: Ref<never> = { kind: "missing" };
export const UNKNOWN_REF: Ref<never> = { kind: "unknown" };

/** Reads a dotted path (`a.b.0.c`) of a resource's inputs. */
export function at(value: unknown, path: string): unknown {
    let v = value;
    for (const key of path.split(".")) {
        if (Array.isArray(v)) v = v[Number(key)];
        else if (isRecord(v)) v = v[key];
        else return undefined;
    }
    return v;
}

/** Strings of a value that may be a string or a list of them. */
export function strings(v: unknown): string[] {
    if (typeof v === "string") return [v];
    return list(v).filter((x): x is string => typeof x === "string");
}

/** The outputs of a resource that identify it when another resource refers to it. */
function identities(r: FlowResource, fields: readonly string[]): string[] {
    const out: string[] = [];
    if (r.id !== undefined && r.id !== "" && r.id !== UNKNOWN) out.push(r.id);
    for (const f of ["arn", ...fields]) {
        const v = r.outputs?.[f] ?? (f === "arn" ? undefined : r.inputs[f]);
        if (typeof v === "string" && v !== "" && v !== UNKNOWN) out.push(v);
    }
    return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
    const values = map.get(key);
    if (values === undefined) map.set(key, [value]);
    else values.push(value);
}

export class FlowGraph {
    readonly resources: readonly FlowResource[];
    private readonly byUrn: ReadonlyMap<string, FlowResource>;
    private readonly children = new Map<string, FlowResource[]>();
    private readonly regions = new Map<string, string | undefined>();
    /** Resources by type token, in input order. */
    private readonly byType = new Map<string, FlowResource[]>();
    /** `${type}\0${region}` -> resources of that type in that region, built on first use. */
    private readonly byTypeRegion = new Map<string, FlowResource[]>();
    /** `${type}\0${fields}` -> identity -> resources of that type carrying it, built on first use. */
    private readonly byIdentity = new Map<string, Map<string, FlowResource[]>>();
    /** `${type}\0${path}` -> referenced value or dependency URN -> referrers, built on first use. */
    private readonly byReference = new Map<string, Map<string, FlowResource[]>>();
    /** `${type}\0${urn}` -> resources of that type with that URN (a derived resource shares its creator's URN). */
    private readonly byTypeUrn = new Map<string, FlowResource[]>();
    /** Position of each resource in `resources`, to return lookups in input order. */
    private readonly position = new Map<FlowResource, number>();

    /**
     * `derived` are resources the cloud creates that the program does not declare (an EKS cluster's
     * security group): found by type and reference, never by URN (they share their creator's).
     */
    constructor(resources: readonly FlowResource[], derived: readonly FlowResource[] = []) {
        this.resources = [...resources, ...derived];
        this.byUrn = new Map(resources.map((r) => [r.urn, r]));
        this.resources.forEach((r, i) => {
            this.position.set(r, i);
            push(this.byType, r.type, r);
            push(this.byTypeUrn, `${r.type}\0${r.urn}`, r);
        });
        for (const r of resources) {
            if (r.parent === null) continue;
            const siblings = this.children.get(r.parent) ?? [];
            siblings.push(r);
            this.children.set(r.parent, siblings);
        }
    }

    get(urn: string): FlowResource | undefined {
        return this.byUrn.get(urn);
    }

    /** Resources of a type token, optionally only those in `region`. */
    ofType(type: string, region?: string): FlowResource[] {
        const all = this.byType.get(type) ?? [];
        if (region === undefined) return [...all];
        const key = `${type}\0${region}`;
        let inRegion = this.byTypeRegion.get(key);
        if (inRegion === undefined) {
            inRegion = all.filter((r) => this.regionOf(r) === region);
            this.byTypeRegion.set(key, inRegion);
        }
        return [...inRegion];
    }

    /** Resources of `type` by each value that identifies them (id, ARN, `fields`). */
    private identityIndex(type: string, fields: readonly string[]): Map<string, FlowResource[]> {
        const key = `${type}\0${fields.join(",")}`;
        let index = this.byIdentity.get(key);
        if (index === undefined) {
            index = new Map();
            for (const r of this.byType.get(type) ?? []) for (const id of new Set(identities(r, fields))) push(index, id, r);
            this.byIdentity.set(key, index);
        }
        return index;
    }

    /** Referrers of `type` by each string at `path` of their inputs and each URN its top-level property depends on. */
    private referenceIndex(type: string, path: string): Map<string, FlowResource[]> {
        const key = `${type}\0${path}`;
        let index = this.byReference.get(key);
        if (index === undefined) {
            index = new Map();
            const top = path.split(".")[0];
            for (const r of this.byType.get(type) ?? []) {
                const values = strings(at(r.inputs, path));
                const keys = new Set(values.map((v) => `value:${v}`));
                if (values.includes(UNKNOWN)) for (const urn of r.propertyDependencies?.[top] ?? []) keys.add(`urn:${urn}`);
                for (const k of keys) push(index, k, r);
            }
            this.byReference.set(key, index);
        }
        return index;
    }

    /** `found` in input order, each once. */
    private ordered(found: Iterable<FlowResource>): FlowResource[] {
        return [...new Set(found)].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
    }

    /**
     * Region of a resource: its provider's `region` input, else its `region` tag, else the region of
     * its provider resource, else the first region found among its parent's direct children, walking
     * up (a Kubernetes object's region is that of the cluster its provider sits next to).
     */
    regionOf(r: FlowResource): string | undefined {
        if (this.regions.has(r.urn)) return this.regions.get(r.urn);
        this.regions.set(r.urn, undefined); // cycle guard
        const region = this.ownRegion(r) ?? this.providerRegion(r) ?? this.parentRegion(r);
        this.regions.set(r.urn, region);
        return region;
    }

    private ownRegion(r: FlowResource): string | undefined {
        const own = r.type.startsWith("pulumi:providers:") ? str(r.inputs.region) : undefined;
        const tags = r.inputs.tags;
        const tag = isRecord(tags) ? str(tags.region) : undefined;
        const providerRegion = this.providerResource(r)?.inputs.region;
        return own ?? str(providerRegion) ?? (tag === "global" ? undefined : tag);
    }

    private providerResource(r: FlowResource): FlowResource | undefined {
        const urn = r.provider?.split("::").slice(0, -1).join("::");
        return urn === undefined ? undefined : this.byUrn.get(urn);
    }

    private providerRegion(r: FlowResource): string | undefined {
        const p = this.providerResource(r);
        return p === undefined || p.urn === r.urn ? undefined : this.regionOf(p);
    }

    private parentRegion(r: FlowResource): string | undefined {
        let parent = r.parent === null ? undefined : this.byUrn.get(r.parent);
        while (parent !== undefined) {
            for (const c of this.children.get(parent.urn) ?? []) {
                const own = this.ownRegion(c);
                if (own !== undefined) return own;
            }
            parent = parent.parent === null ? undefined : this.byUrn.get(parent.parent);
        }
        return undefined;
    }

    /**
     * The resources of `type` an input of `from` refers to. `value` is the input's value (a string
     * or a list); `property` is the top-level input it sits under (for a preview's
     * propertyDependencies); `fields` are the outputs besides id and arn a reference may carry
     * (e.g. `dnsName`, `name`).
     */
    refs(from: FlowResource, property: string, value: unknown, type: string, fields: readonly string[] = []): Ref<FlowResource[]> {
        const wanted = strings(value);
        const index = this.identityIndex(type, fields);
        const found = this.ordered(wanted.flatMap((w) => index.get(w) ?? []));
        if (found.length > 0) return { kind: "found", resource: found };
        if (wanted.includes(UNKNOWN) || (wanted.length === 0 && value === UNKNOWN)) {
            // the engine records dependencies per top-level input property
            const deps = from.propertyDependencies?.[property.split(".")[0]] ?? [];
            const viaDeps = this.ordered(deps.flatMap((urn) => this.byTypeUrn.get(`${type}\0${urn}`) ?? []));
            return viaDeps.length > 0 ? { kind: "found", resource: viaDeps } : UNKNOWN_REF;
        }
        return MISSING;
    }

    /**
     * As `refs`, for an input holding DNS names (a CDN source, a CloudFront origin, a GTM address)
     * matched to the `dnsName` (and id, ARN) of resources of `type` without regard to case: DNS
     * names compare case-insensitively (RFC 4343, section 3) and without a final root dot (RFC 1034
     * section 3.1): contracts.dnsName, so `ALB-1.CN-SHANGHAI....aliyuncs.com.` names the same load
     * balancer as `alb-1.cn-shanghai....aliyuncs.com`.
     */
    dnsRefs(from: FlowResource, property: string, value: unknown, type: string): Ref<FlowResource[]> {
        const key = `${type}\0dns`;
        let index = this.byIdentity.get(key);
        if (index === undefined) {
            index = new Map();
            for (const r of this.byType.get(type) ?? []) for (const id of new Set(identities(r, ["dnsName"]).map(dnsName))) push(index, id, r);
            this.byIdentity.set(key, index);
        }
        const lookup = index;
        const found = this.ordered(strings(value).flatMap((w) => lookup.get(dnsName(w)) ?? []));
        return found.length > 0 ? { kind: "found", resource: found } : this.refs(from, property, value, type, ["dnsName"]);
    }

    /** The one resource of `type` an input refers to (the first when several). */
    ref(from: FlowResource, property: string, value: unknown, type: string, fields: readonly string[] = []): Ref {
        const r = this.refs(from, property, value, type, fields);
        return r.kind === "found" ? { kind: "found", resource: r.resource[0] } : r;
    }

    /** Resources of `type` whose input at `path` refers to `target` (reverse reference). */
    referrers(target: FlowResource, type: string, path: string, fields: readonly string[] = []): FlowResource[] {
        const index = this.referenceIndex(type, path);
        return this.ordered([...identities(target, fields).map((id) => `value:${id}`), `urn:${target.urn}`].flatMap((k) => index.get(k) ?? []));
    }

    /** Whether a value is unknown (a first preview). */
    static isUnknown(v: unknown): boolean {
        return v === UNKNOWN || strings(v).includes(UNKNOWN);
    }
}
