// Pure checks of zone spread shared by autoscaling groups, node pools and clusters.

import { Referrer, SECRET_TEXT, depsOf, isUnknown } from "./refs";
import { Props, list, record } from "./values";

/** Findings of a group spread over `zones` distinct zones (zone, subnet or vSwitch ids) with `minSize` instances. */
export function spreadFindings(kind: string, zones: number, minSize: number | undefined, minZones: number): string[] {
    const out: string[] = [];
    if (zones < minZones) {
        out.push(`${kind} spans ${zones} zone(s)/subnet(s); at least ${minZones} are required so one zone can fail.`);
    }
    if (minSize !== undefined && zones > 0 && minSize < zones) {
        out.push(`${kind} keeps a minimum of ${minSize} instance(s) over ${zones} zone(s)/subnet(s); the minimum must be >= the zone count so every zone runs capacity.`);
    }
    return out;
}

/** Seconds to detect a dead target: interval x unhealthy threshold. */
export function detectionSeconds(intervalSeconds: number, unhealthyThreshold: number): number {
    return intervalSeconds * unhealthyThreshold;
}

/**
 * The zone input of each subnet-like type: aws ec2.Subnet `availabilityZone` / `availabilityZoneId`
 * (terraform-provider-aws v6 resource_aws_subnet: both optional, computed when unset), alicloud
 * vpc.Switch `zoneId` (required; `availabilityZone` is its deprecated alias).
 */
export const SUBNET_ZONE_INPUTS: Readonly<Record<string, readonly string[]>> = {
    "aws:ec2/subnet:Subnet": ["availabilityZone", "availabilityZoneId"],
    "alicloud:vpc/switch:Switch": ["zoneId", "availabilityZone"],
};

/**
 * Where a placement is read: a property path (`a.b`, `a[].b`) holding zone ids or subnet/vSwitch
 * ids. `single`: the property holds one id (not a list), so an unknown value is one entry.
 */
export interface ZoneSource {
    readonly path: string;
    readonly kind: "zone" | "subnet";
    readonly single?: boolean;
}

/** What a placement is known to cover. */
export interface ZoneCount {
    /** Distinct zones known to be covered. */
    readonly zones: number;
    /** Those zones (a subnet outside the stack, known by its id alone, appears as its id). */
    readonly names: readonly string[];
    /** The most zones it can cover once the undetermined values are known (Infinity: a list of unknown length). */
    readonly atMost: number;
    /** Property paths (`subnets`, `<subnet>.zoneId`) holding a value that cannot be resolved until the resources are created, or that the input does not let be read (`unreadable`). */
    readonly undetermined: readonly string[];
    /**
     * Those of `undetermined` whose value the input holds but the gate cannot read: a secret, a
     * value that is no id, a subnet/vSwitch id of no subnet the stack declares (its zone is
     * nowhere in the input). Never a zone of their own. Absent or empty when there are none.
     */
    readonly unreadable?: readonly string[];
}

/** Whether `v` is an id (zone, subnet or vSwitch) the input lets be read: non-empty text, neither unknown nor a secret. */
function isReadableId(v: unknown): v is string {
    return typeof v === "string" && v.trim() !== "" && !isUnknown(v) && v !== SECRET_TEXT;
}

/** The values at a property path; `[]` steps into each element of a list. */
export function valuesAt(props: Props, path: string): unknown[] {
    return readPath(props, path).values;
}

/**
 * The values at a property path, and whether their number is unknown: a list or an object on the
 * way is itself unknown (a first preview's `apply` result), or the list property is (`whole`), or
 * is a secret as a whole (`secret`: pulumi/pulumi pkg/backend/display/json.go massagePropertyValue
 * and an export read by check show a secret as the text "[secret]", whatever it holds).
 */
function readPath(props: Props, path: string, single = false): { values: unknown[]; whole: boolean; secret: boolean } {
    let current: unknown[] = [props];
    let whole = false;
    let secret = false;
    const steps = path.split(".");
    steps.forEach((step, i) => {
        const each = step.endsWith("[]");
        const key = each ? step.slice(0, -2) : step;
        const last = i === steps.length - 1;
        current = current.flatMap((v) => {
            if (isUnknown(v)) {
                whole = true;
                return [];
            }
            const next = record(v)[key];
            if (isUnknown(next) && (each || !last || !single)) {
                whole = true;
                return [];
            }
            if (next === SECRET_TEXT && (each || !last || !single)) {
                secret = true;
                return [];
            }
            return each ? [...list(next)] : next === undefined || next === null ? [] : Array.isArray(next) ? next : [next];
        });
    });
    return { values: current, whole, secret };
}

/** The top-level property of a path (what the engine's property dependencies are keyed by). */
function topOf(path: string): string {
    return path.split(/[.[]/)[0];
}

type Graph = ReadonlyMap<string, { readonly type: string; readonly props: Props }>;

const SUBNETS_BY_ID = new WeakMap<Graph, ReadonlyMap<string, string>>();

/**
 * Subnet/vSwitch URNs by their known cloud id (`id`: the id a stack policy reads among a bridged
 * resource's properties, and the offline evaluator gives). Built once per graph.
 */
function subnetsById(byUrn: Graph): ReadonlyMap<string, string> {
    const known = SUBNETS_BY_ID.get(byUrn);
    if (known !== undefined) return known;
    const index = new Map<string, string>();
    for (const [urn, n] of byUrn) {
        const id = n.props.id;
        if (SUBNET_ZONE_INPUTS[n.type] !== undefined && typeof id === "string" && id !== "" && !isUnknown(id)) index.set(id, urn);
    }
    SUBNETS_BY_ID.set(byUrn, index);
    return index;
}

/** The zone of a subnet/vSwitch of the stack, or the path of its zone input when unknown, a secret or unset (the cloud then picks it). */
function subnetZone(urn: string, n: { readonly type: string; readonly props: Props }): { readonly zone: string } | { readonly open: string } {
    const keys = SUBNET_ZONE_INPUTS[n.type];
    const zone = keys.map((k) => n.props[k]).find(isReadableId);
    if (zone !== undefined) return { zone: zone.trim() };
    const name = urn.split("::").pop() ?? urn;
    const unknownKey = keys.find((k) => isUnknown(n.props[k]));
    const secretKey = keys.find((k) => n.props[k] === SECRET_TEXT);
    return { open: unknownKey !== undefined ? `${name}.${unknownKey}` : secretKey !== undefined ? `${name}.${secretKey} (a secret)` : `${name}.${keys[0]} (unset)` };
}

/**
 * One placement entry not settled yet: the zones it may be in (undefined: any zone) and the path
 * that holds it; `any`: a value of unknown length that no dependency bounds (any number of zones).
 */
interface Open {
    readonly path: string;
    readonly candidates?: readonly string[];
    readonly any?: true;
    /** The input holds the value but it cannot be read (ZoneCount.unreadable). */
    readonly unreadable?: true;
}

/** What is open about a value the input holds but the gate cannot read, at `path` (see ZoneCount.unreadable); undefined for a value it reads. */
function unreadableEntry(path: string, v: unknown): Open | undefined {
    if (v === SECRET_TEXT) return { path: `${path} (a secret)`, unreadable: true };
    if (typeof v === "string" || v === undefined || v === null || isUnknown(v)) return undefined;
    return { path: `${path} (${Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`}, not an id)`, unreadable: true };
}

/**
 * Zones a resource covers, counting zones (not ids).
 * - Zone ids count as they are (without surrounding spaces); when a resource gives zone ids, its
 *   subnet ids are not counted as well (ids and zones never add up).
 * - A known subnet/vSwitch id is matched by id to the subnet of the stack and counts as its zone;
 *   an id of no subnet in the stack is undetermined (unreadable: its zone is nowhere in the input),
 *   never a zone of its own (when the stack's subnets carry no ids at all, it is placed among the
 *   subnets the property depends on, as an unknown id is). So is a secret (an entry, or the whole
 *   property: any number of entries) and a value that is no id.
 * - Only unknown ids (a first preview) are stood in for by the subnets the property depends on
 *   (`propertyDependencies`) that no known id matched. A list whose length is known has that many
 *   entries: as many unknown entries as dependent subnets are those subnets (each computed from
 *   one); fewer entries than dependent subnets cover at most that many of their zones (a program's
 *   `[subnets[0].id]` beside a dependency on every subnet). A value whose number of entries a
 *   first preview cannot count (`pulumi.all(ids).apply(...)`, SAE's joined `vswitchId`) is taken as
 *   the subnets it depends on: the resolved plan, where the ids are known, judges the slice.
 * - A subnet whose zone input is unknown, or unset (the cloud picks one), is undetermined, never a
 *   zone of its own.
 * Unknown values that no dependency resolves are reported as undetermined.
 */
export function zoneCount(r: Referrer, sources: readonly ZoneSource[], byUrn: Graph): ZoneCount {
    const zones = new Set<string>();
    const open: Open[] = [];
    // Literal subnet ids count as zones only when no zone id is given: ids and zones never mix.
    const hasZoneIds = sources.some((s) => s.kind === "zone" && readPath(r.props, s.path).values.some(isReadableId));
    const paired = (s: ZoneSource): ZoneSource | undefined => sources.find((o) => o.kind !== s.kind && s.path.includes("[]") && topOf(o.path) === topOf(s.path));
    for (const s of sources) {
        const pair = paired(s);
        // entries holding a zone id and a subnet id (zoneMappings[]): each entry's zone id, else its subnet's zone
        if (pair !== undefined) {
            if (s.kind === "subnet") continue;
            const { values: all, whole } = readPath(r.props, `${s.path.split("[]")[0]}[]`);
            const zoneKey = s.path.split("[].")[1];
            const subnetKey = pair.path.split("[].")[1];
            // a subnet/vSwitch is in one zone: entries on the same known one are one entry, whatever zone ids they claim
            const entries = onePerKnownSubnet(all, subnetKey);
            const subnetValues: unknown[] = [];
            // the zones of entries placed by their zone id whose subnet id is unknown: each took one dependent subnet of that zone
            const taken: string[] = [];
            for (const e of entries) {
                const z = record(e)[zoneKey];
                if (isReadableId(z)) {
                    zones.add(z.trim());
                    if (isUnknown(record(e)[subnetKey])) taken.push(z.trim());
                } else subnetValues.push(isUnknown(e) ? e : record(e)[subnetKey]);
            }
            resolveSubnets(r, pair.path, subnetValues, whole, byUrn, zones, open, taken);
            continue;
        }
        if (s.kind === "subnet" && hasZoneIds) continue;
        const { values, whole, secret } = readPath(r.props, s.path, s.single === true);
        if (secret) open.push({ path: `${s.path} (a secret)`, any: true, unreadable: true });
        if (s.kind === "subnet") {
            resolveSubnets(r, s.path, values, whole, byUrn, zones, open);
            continue;
        }
        let unknowns = 0;
        for (const v of values) {
            const unreadable = unreadableEntry(s.path, v);
            if (unreadable !== undefined) open.push(unreadable);
            else if (isUnknown(v)) unknowns++;
            else if (typeof v === "string" && v.trim() !== "") zones.add(v.trim());
        }
        for (let i = 0; i < unknowns; i++) open.push({ path: s.path });
        if (whole) open.push({ path: s.path, any: true });
    }
    return summarize(...inOneForm(zones, open, byUrn));
}

/**
 * AWS Availability Zone ids (`use1-az1`, a Local Zone's `use1-bos1-az1`) and names (`us-east-1a`):
 * a name maps to an id per account ("AZ IDs for cross-account consistency", AWS RAM User Guide,
 * working-with-az-ids), so a name and an id are never compared as text.
 */
const AZ_ID = /^[a-z]{2,4}\d(-[a-z]+\d+)?-az\d+$/;
const AZ_NAME = /^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/;

const AZ_IDS_BY_NAME = new WeakMap<Graph, ReadonlyMap<string, string>>();

/** AZ id by AZ name, from the subnets of the stack that know both (an export's outputs, or both inputs set). Built once per graph. */
function azIdsByName(byUrn: Graph): ReadonlyMap<string, string> {
    const known = AZ_IDS_BY_NAME.get(byUrn);
    if (known !== undefined) return known;
    const index = new Map<string, string>();
    for (const n of byUrn.values()) {
        const name = n.props.availabilityZone;
        const id = n.props.availabilityZoneId;
        if (n.type === "aws:ec2/subnet:Subnet" && typeof name === "string" && typeof id === "string" && AZ_NAME.test(name.trim()) && AZ_ID.test(id.trim())) index.set(name.trim(), id.trim());
    }
    AZ_IDS_BY_NAME.set(byUrn, index);
    return index;
}

/**
 * The zones and open entries with AZ names and AZ ids in one form: when a placement gives both
 * forms, each name whose id a subnet of the stack tells is counted as that id; a name whose id is
 * not known stays open (its id is computed at creation), never a second zone beside the ids.
 */
function inOneForm(zones: ReadonlySet<string>, open: readonly Open[], byUrn: Graph): [Set<string>, Open[]] {
    const all = [...zones, ...open.flatMap((o) => o.candidates ?? [])];
    if (!all.some((z) => AZ_ID.test(z)) || !all.some((z) => AZ_NAME.test(z))) return [new Set(zones), [...open]];
    const ids = azIdsByName(byUrn);
    const example = all.find((z) => AZ_ID.test(z)) ?? "";
    const out = new Set<string>();
    const left: Open[] = [];
    for (const z of zones) {
        const id = AZ_NAME.test(z) ? ids.get(z) : z;
        if (id !== undefined) out.add(id);
        else left.push({ path: `the AZ id of ${z} (a name beside AZ ids such as ${example}; names map to ids per account)` });
    }
    for (const o of open) {
        const candidates = o.candidates?.map((z) => (AZ_NAME.test(z) ? ids.get(z) : z));
        if (candidates === undefined || candidates.every((z): z is string => z !== undefined)) left.push(candidates === undefined ? o : { ...o, candidates: [...new Set(candidates)] });
        else left.push({ path: o.path, ...(o.any === true ? { any: true } : {}) });
    }
    return [out, left];
}

/** The entries of a list whose `subnetKey` holds a known id, the first per id; entries without a known id all kept. */
function onePerKnownSubnet(entries: readonly unknown[], subnetKey: string): unknown[] {
    const seen = new Set<string>();
    return entries.filter((e) => {
        const id = record(e)[subnetKey];
        if (!isReadableId(id)) return true;
        if (seen.has(id.trim())) return false;
        seen.add(id.trim());
        return true;
    });
}

/**
 * Adds the zones of the subnet/vSwitch ids `values` (read at `path`; `whole`: their number is
 * unknown) to `zones`, and what stays open to `open` (see zoneCount). `taken`: zones whose
 * dependent subnet another entry of the property already stands for (one subnet each).
 */
function resolveSubnets(r: Referrer, path: string, values: readonly unknown[], whole: boolean, byUrn: Graph, zones: Set<string>, open: Open[], taken: readonly string[] = []): void {
    const ids = subnetsById(byUrn);
    const settle = (urn: string): void => {
        const z = subnetZone(urn, byUrn.get(urn) ?? { type: "", props: {} });
        if ("zone" in z) zones.add(z.zone);
        else open.push({ path: z.open });
    };
    // a comma-separated list (SAE's vswitchId) names one id per entry
    const entries = values.flatMap((x) => (typeof x === "string" && x.includes(",") ? x.split(",").map((t) => t.trim()).filter((t) => t !== "") : [x]));
    let unknowns = 0;
    const matched = new Set<string>();
    const unmatched: string[] = [];
    for (const v of entries) {
        const unreadable = unreadableEntry(path, v);
        if (unreadable !== undefined) open.push(unreadable);
        else if (isUnknown(v)) unknowns++;
        else if (typeof v !== "string" || v.trim() === "") continue;
        else {
            const urn = ids.get(v);
            if (urn === undefined) unmatched.push(v);
            else {
                matched.add(urn);
                settle(urn);
            }
        }
    }
    // A known id of no subnet by id: a subnet outside the stack, whose zone the input does not
    // carry (undetermined, one entry per distinct id), unless the stack's subnets carry no ids to
    // match (an input without them): then it is placed like an unknown id, among the subnets the
    // property depends on.
    const dependent = depsOf(r, topOf(path)).filter((u) => SUBNET_ZONE_INPUTS[byUrn.get(u)?.type ?? ""] !== undefined);
    const idless = dependent.length > 0 && dependent.every((u) => { const id = byUrn.get(u)?.props.id; return typeof id !== "string" || id === "" || isUnknown(id); });
    if (idless) unknowns += unmatched.length;
    else [...new Set(unmatched.map((v) => v.trim()))].forEach((v) => open.push({ path: `${path}: ${v}${UNDECLARED_SUBNET}`, unreadable: true }));
    if (unknowns === 0 && !whole) return;
    const left = [...taken];
    const standIns = depsOf(r, topOf(path)).filter((u) => {
        if (matched.has(u) || SUBNET_ZONE_INPUTS[byUrn.get(u)?.type ?? ""] === undefined) return false;
        const z = subnetZone(u, byUrn.get(u) ?? { type: "", props: {} });
        const i = "zone" in z ? left.indexOf(z.zone) : -1;
        if (i === -1) return true;
        left.splice(i, 1);
        return false;
    });
    if (standIns.length === 0) {
        for (let i = 0; i < unknowns; i++) open.push({ path });
        if (whole) open.push({ path, any: true });
    } else if (whole || unknowns >= standIns.length) {
        // as many entries as subnets (each computed from one of them), or a number of entries a
        // first preview cannot count (an `apply` joining the ids): the subnets stand in
        standIns.forEach(settle);
    } else {
        // fewer entries than subnets: at most that many of the subnets' zones
        const found = standIns.map((u) => subnetZone(u, byUrn.get(u) ?? { type: "", props: {} }));
        const candidates = found.every((z) => "zone" in z) ? [...new Set(found.map((z) => ("zone" in z ? z.zone : "")))] : undefined;
        for (let i = 0; i < unknowns; i++) open.push({ path, candidates });
    }
}

/** The count of known zones and open entries: each open entry adds at most one zone, and only one it may be in. */
function summarize(zones: ReadonlySet<string>, open: readonly Open[]): ZoneCount {
    // an entry that can only be in one zone is in it
    const known = new Set(zones);
    for (const o of open) if (o.candidates !== undefined && o.candidates.length === 1) known.add(o.candidates[0]);
    const unsettled = open.filter((o) => !(o.candidates !== undefined && o.candidates.length === 1));
    const free = unsettled.filter((o) => o.candidates === undefined);
    const bounded = unsettled.filter((o) => o.candidates !== undefined);
    const reachable = new Set(bounded.flatMap((o) => o.candidates ?? []).filter((z) => !known.has(z)));
    const extra = unsettled.some((o) => o.any === true) ? Number.POSITIVE_INFINITY : free.length + Math.min(bounded.length, reachable.size);
    const counted = [...free, ...(reachable.size > 0 ? bounded : [])];
    const paths = [...new Set(counted.map((o) => o.path))];
    const unreadable = [...new Set(counted.filter((o) => o.unreadable === true).map((o) => o.path))];
    return { zones: known.size, names: [...known].sort(), atMost: known.size + extra, undetermined: extra === 0 ? [] : paths, ...(extra !== 0 && unreadable.length > 0 ? { unreadable } : {}) };
}

/** How an undetermined path names a subnet/vSwitch id of no subnet the stack declares (`<path>: <id>` then this). */
export const UNDECLARED_SUBNET = " (no subnet of the stack)";

/** A spread verdict: violated for sure, met, or not known until the resources are created. */
export type Verdict = "violated" | "met" | "undetermined";

/** Whether a placement meets `min` zones, given what is known. */
export function zoneVerdict(c: ZoneCount, min: number): Verdict {
    if (c.zones >= min) return "met";
    return c.atMost < min ? "violated" : "undetermined";
}

/**
 * Where each zonal resource type keeps its placement (SDK input names at @pulumi/alicloud 3.108.0
 * and @pulumi/aws 7.48.0): zone ids, or subnet/vSwitch ids resolved to their zones.
 */
export const ZONE_SOURCES: Readonly<Record<string, readonly ZoneSource[]>> = {
    "alicloud:ess/scalingGroup:ScalingGroup": [{ path: "vswitchIds", kind: "subnet" }, { path: "vswitchId", kind: "subnet", single: true }],
    "aws:autoscaling/group:Group": [{ path: "vpcZoneIdentifiers", kind: "subnet" }, { path: "availabilityZones", kind: "zone" }],
    "alicloud:alb/loadBalancer:LoadBalancer": [{ path: "zoneMappings[].zoneId", kind: "zone" }, { path: "zoneMappings[].vswitchId", kind: "subnet" }],
    // NLB: `zoneMappings[]` of `vswitchId` and `zoneId`, both required, "You must add at least two
    // zones" (@pulumi/alicloud nlb/loadBalancer.d.ts zoneMappings; input.d.ts nlb.LoadBalancerZoneMapping).
    "alicloud:nlb/loadBalancer:LoadBalancer": [{ path: "zoneMappings[].zoneId", kind: "zone" }, { path: "zoneMappings[].vswitchId", kind: "subnet" }],
    "aws:lb/loadBalancer:LoadBalancer": [{ path: "subnets", kind: "subnet" }, { path: "subnetMappings[].subnetId", kind: "subnet" }],
    "alicloud:cs/managedKubernetes:ManagedKubernetes": [{ path: "zoneIds", kind: "zone" }, { path: "vswitchIds", kind: "subnet" }, { path: "workerVswitchIds", kind: "subnet" }],
    "aws:eks/cluster:Cluster": [{ path: "vpcConfig.subnetIds", kind: "subnet" }],
    "alicloud:cs/nodePool:NodePool": [{ path: "vswitchIds", kind: "subnet" }],
    "aws:eks/nodeGroup:NodeGroup": [{ path: "subnetIds", kind: "subnet" }],
    "aws:msk/cluster:Cluster": [{ path: "brokerNodeGroupInfo.clientSubnets", kind: "subnet" }],
    // SAE: one comma-separated `vswitchId`; ECS services on Fargate: `networkConfiguration.subnets`.
    "alicloud:sae/application:Application": [{ path: "vswitchId", kind: "subnet" }],
    "aws:ecs/service:Service": [{ path: "networkConfiguration.subnets", kind: "subnet" }],
    // ApsaraMQ for Kafka: brokers run in `selectedZones` when set; otherwise in the vSwitches' zones.
    "alicloud:alikafka/instance:Instance": [{ path: "selectedZones", kind: "zone" }, { path: "vswitchIds", kind: "subnet" }, { path: "vswitchId", kind: "subnet", single: true }],
};

/** Zones of a resource by its type's ZONE_SOURCES (Kafka: selectedZones alone when it lists any). */
export function zonesOfType(r: Referrer & { readonly type: string }, byUrn: ReadonlyMap<string, { readonly type: string; readonly props: Props }>): ZoneCount {
    const sources = ZONE_SOURCES[r.type] ?? [];
    if (r.type === "alicloud:alikafka/instance:Instance" && valuesAt(r.props, "selectedZones").length > 0) return zoneCount(r, sources.slice(0, 1), byUrn);
    return zoneCount(r, sources, byUrn);
}

/** The zones a zonal resource is known to cover, by name. */
export function zoneNamesOf(r: Referrer & { readonly type: string }, byUrn: ReadonlyMap<string, { readonly type: string; readonly props: Props }>): readonly string[] {
    return zonesOfType(r, byUrn).names;
}
