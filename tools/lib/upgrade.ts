// Change preview against a base: what `pulumi up` would do to each resource when a stack moves
// from the base plan (the stack before the change) to the head plan, judged by the providers'
// replace-on-change rules (policies/conformance/replace-on-change.ts), and whether every stateful
// resource keeps its data.

import { ReplaceRule, StatefulKind, guideOf, rulesFor } from "../../policies/conformance/replace-on-change";
import { deferredSettings } from "../../policies/conformance/applied-on-update";
import { MaintenanceWindowRule, pendingUntilMaintenance } from "../../policies/conformance/applied-in-maintenance-window";
import { isRecord } from "../../policies/lib/values";
import { Migration, migrationFor } from "./migrations";
import { PlannedResource } from "./record";

export const CHANGE_OPS = ["same", "update", "replace", "create", "delete"] as const;
export type ChangeOp = (typeof CHANGE_OPS)[number];

/** The fields of a planned (or exported) resource the comparison reads. */
export type UpgradeResource = Pick<PlannedResource, "urn" | "type" | "name" | "parent" | "custom" | "inputs" | "retainOnDelete" | "replaceOnChanges" | "ignoreChanges">;

/** Where a replace named by the program's own `replaceOnChanges` option comes from. */
export const PROGRAM_REPLACE_SOURCE = "the program's replaceOnChanges resource option";

export interface ChangedProperty {
    /** Input property path (Pulumi names, nested blocks joined by "."). */
    readonly name: string;
    /** True when the provider replaces the resource on this change. */
    readonly replaces: boolean;
    /** Where the replace-on-change flag was read; null for an in-place property. */
    readonly source: string | null;
    /** The guide section that says how to make this change without losing data, when the rule names one. */
    readonly guide: string | null;
}

/**
 * What happens to the data or capacity of a stateful resource: `kept` (same or updated in place),
 * `new` (created), `retained` (removed from the stack but kept in the cloud, retainOnDelete),
 * `migrated` (replaced or deleted with a documented migration), `lost` (replaced or deleted
 * without one). Null for resources that hold nothing.
 */
export type Survival = "kept" | "new" | "retained" | "migrated" | "lost";

export interface UpgradeChange {
    /** URN in the head plan (the base plan's URN for a delete). */
    readonly urn: string;
    readonly type: string;
    readonly name: string;
    readonly op: ChangeOp;
    readonly stateful: boolean;
    /** What the resource holds, when stateful. */
    readonly kind: StatefulKind | null;
    /** Changed input properties (the ones behind a replace first). Empty for same, create and delete. */
    readonly properties: readonly ChangedProperty[];
    /** The documented migration of a stateful replace or delete, if any. */
    readonly migration: Migration | null;
    readonly survival: Survival | null;
    /**
     * Properties of a created resource its provider applies only on a later update
     * (policies/conformance/applied-on-update.ts): the second `pulumi up` applies them. Empty for other ops.
     */
    readonly secondUp: readonly string[];
    /**
     * Properties an update changes that the cloud applies only in the resource's next maintenance
     * window (policies/conformance/applied-in-maintenance-window.ts: `applyImmediately` not set),
     * each with the guide that applies it in order. Empty for other ops.
     */
    readonly maintenanceWindow: readonly Pick<MaintenanceWindowRule, "property" | "guide">[];
    /**
     * Properties an update changes whose effect on the running resource the preview explains
     * (UPDATE_NOTES), each with its note and guide section. Empty for other ops.
     */
    readonly notes: readonly Pick<UpdateNote, "property" | "note" | "guide">[];
}

/** An in-place change whose effect the preview explains: what the cloud does with it, where that is read, and the guide section. */
export interface UpdateNote {
    /** Pulumi type token. */
    readonly type: string;
    /** Input property (Pulumi name). */
    readonly property: string;
    /** What the cloud does with the change, as the preview prints it. */
    readonly note: string;
    /** Where the behaviour was read. */
    readonly source: string;
    /** The guide section that says more. */
    readonly guide: string;
}

/** The note on an Aurora cluster's capacity range change (UPDATE_NOTES). */
export const AURORA_RANGE_NOTE = "the capacity range takes effect at once (whatever applyImmediately says) and acts on db.serverless instances only: provisioned instances keep their class and do not restart";

/**
 * In-place changes the preview explains:
 * - The Aurora cluster's `serverlessv2ScalingConfiguration` (added to a stack deployed before the
 *   range was declared on every cluster, or changed by `database.serverless` or the database size):
 *   resourceClusterUpdate sends it with ModifyDBCluster ServerlessV2ScalingConfiguration
 *   (terraform-provider-aws v6.66 internal/service/rds/cluster.go), and Aurora applies a new
 *   capacity range immediately, whether the modification is applied immediately or in the next
 *   maintenance window (Amazon Aurora User Guide, "Managing Aurora Serverless v2 DB clusters",
 *   "Setting the Aurora Serverless v2 capacity range for a cluster"). The range is set at the
 *   cluster level and applies to each db.serverless instance in it, so provisioned instances are not
 *   modified (same section); the instances' own class changes are MaintenanceWindowRule's.
 */
export const UPDATE_NOTES: readonly UpdateNote[] = [
    {
        type: "aws:rds/cluster:Cluster",
        property: "serverlessv2ScalingConfiguration",
        note: AURORA_RANGE_NOTE,
        source: 'Amazon Aurora User Guide, "Managing Aurora Serverless v2 DB clusters", "Setting the Aurora Serverless v2 capacity range for a cluster"',
        guide: "docs/UPGRADING.md#aurora-capacity-range-applied-at-once",
    },
];

/** The notes (UPDATE_NOTES) of the properties an update of `type` changes (`changed`, input names). */
export function updateNotes(type: string, changed: readonly string[], notes: readonly UpdateNote[] = UPDATE_NOTES): Pick<UpdateNote, "property" | "note" | "guide">[] {
    return notes.filter((n) => n.type === type && changed.includes(n.property)).map(({ property, note, guide }) => ({ property, note, guide }));
}

export interface UpgradeReport {
    readonly base: string;
    readonly head: string;
    readonly changes: readonly UpgradeChange[];
    /** Stateful replaces and deletes without a documented migration: each makes the preview fail. */
    readonly undocumented: readonly UpgradeChange[];
    /** Listener ports a created resource asks for while a deleted one still holds them (portHandovers). */
    readonly handovers: readonly PortHandover[];
    /** SAE scaling rules created on applications that already run (rulesOnRunningApps): SAE refuses them while an application is busy. */
    readonly rulesOnRunningApps: readonly string[];
}

/** A listener port the head creates a listener on while the resource of the base that holds it is deleted only at the end of the update. */
export interface PortHandover {
    readonly port: number;
    /** Logical name of the created listener. */
    readonly created: string;
    /** Logical name of the deleted holder of the port. */
    readonly deleted: string;
    /** The guide section with the order of steps. */
    readonly guide: string;
}

/** The resource types that hold an ALB listener port on Alibaba Cloud, with the guide section of the switch that creates each while the other goes. */
const PORT_HOLDERS: Readonly<Record<string, string>> = {
    // Created by the switch back from serverless: the load balancer's own HTTPS listener.
    "alicloud:alb/listener:Listener": "docs/UPGRADING.md#compute-serverless-back-to-kubernetes-or-vm",
    // Created by the switch to serverless: the SAE ingress, which creates its listener itself.
    "alicloud:sae/ingress:Ingress": "docs/UPGRADING.md#compute-kubernetes-or-vm-to-serverless",
};

/**
 * The listener ports the head asks for (a created ALB listener or SAE ingress) that a resource the
 * head deletes holds: Pulumi creates and updates before it deletes removed resources, and an ALB
 * listener port is taken by one listener (alicloud.alb.Listener `listenerPort`; SAE CreateIngress
 * `ListenerPort`, "the port cannot be occupied"), so the `pulumi up` fails on the create. Both
 * directions of the compute switch on Alibaba Cloud: to serverless, the SAE ingress
 * (alicloud.sae.Ingress `listenerPort`, on the ALB `slbId`) asks for 443 while the load balancer's
 * HTTPS listener still holds it; back to kubernetes or vm, the listener asks for 443 while the
 * ingress holds it (docs/UPGRADING.md).
 */
export function portHandovers(base: readonly UpgradeResource[], head: readonly UpgradeResource[]): PortHandover[] {
    const kept = new Set(head.map(matchKey));
    const existing = new Set(base.map(matchKey));
    const holds = (r: UpgradeResource): boolean => r.type in PORT_HOLDERS && r.inputs.listenerPort !== undefined;
    const held = base.filter((r) => holds(r) && !kept.has(matchKey(r)));
    const created = head.filter((r) => holds(r) && !existing.has(matchKey(r)));
    return created.flatMap((asker) =>
        held
            .filter((holder) => Number(holder.inputs.listenerPort) === Number(asker.inputs.listenerPort))
            .map((holder) => ({ port: Number(asker.inputs.listenerPort), created: asker.name, deleted: holder.name, guide: PORT_HOLDERS[asker.type] })),
    );
}

const SAE_APPLICATION = "alicloud:sae/application:Application";
const SAE_SCALING_RULE = "alicloud:sae/applicationScalingRule:ApplicationScalingRule";
/** Where the operational note on new SAE rules lives. */
export const SAE_BUSY_GUIDE = "docs/SCALING.md#new-sae-rules-on-a-running-application";

/**
 * The SAE scaling rules the head creates (logical names) on applications the base already runs:
 * SAE CreateApplicationScalingRule, "Operation description": "If an application is in the process of
 * scale-out, scale-in, deployment (including single-batch release, phased release, and canary
 * release), instance type change, restart, or stop, you cannot add or enable an auto scaling policy
 * for the application", and the provider retries the Create only on throttling (NeedRetry), not on
 * `Application.ChangerOrderRunning` as its Update and Delete do
 * (terraform-provider-alicloud alicloud/resource_alicloud_sae_application_scaling_rule.go). A
 * `pulumi up` that adds an event's rules while the application scales (a peak) can fail there.
 * Rules of applications the head creates come with the stack's or the switch's first `pulumi up`
 * and are not named here (no peak runs on an application that is not there yet).
 */
export function rulesOnRunningApps(base: readonly UpgradeResource[], head: readonly UpgradeResource[]): string[] {
    const running = new Set(base.filter((r) => r.type === SAE_APPLICATION).map(matchKey));
    const existing = new Set(base.map(matchKey));
    const appKept = head.some((r) => r.type === SAE_APPLICATION && running.has(matchKey(r)));
    return appKept ? head.filter((r) => r.type === SAE_SCALING_RULE && !existing.has(matchKey(r))).map((r) => r.name) : [];
}

/** The key resources are matched by across stacks: type and logical name (the stack name may differ). */
export function matchKey(r: Pick<UpgradeResource, "type" | "name">): string {
    return `${r.type}::${r.name}`;
}

function canonical(v: unknown): string {
    if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
    if (isRecord(v)) {
        return `{${Object.keys(v)
            .filter((k) => v[k] !== undefined)
            .sort()
            .map((k) => `${JSON.stringify(k)}:${canonical(v[k])}`)
            .join(",")}}`;
    }
    return v === undefined ? "null" : JSON.stringify(v);
}

/** The value at a dotted property path; a one-element list (a Terraform block) is stepped through. */
export function valueAt(inputs: Readonly<Record<string, unknown>>, path: string): unknown {
    let v: unknown = inputs;
    for (const part of path.split(".")) {
        const here: unknown = Array.isArray(v) && v.length === 1 ? v[0] : v;
        if (!isRecord(here)) return undefined;
        v = here[part];
    }
    return v;
}

/** `inputs` with the value at a dotted `path` set to `value` (records along the path created or copied; the input is not changed). */
export function withValueAt(inputs: Readonly<Record<string, unknown>>, path: string, value: unknown): Record<string, unknown> {
    const [head, ...rest] = path.split(".");
    if (rest.length === 0) return { ...inputs, [head]: value };
    const inner = inputs[head];
    return { ...inputs, [head]: withValueAt(isRecord(inner) ? inner : {}, rest.join("."), value) };
}

/**
 * The head plan's resources as Pulumi keeps them in state after the `pulumi up` (`--base`: the
 * previous up's plan, itself carried the same way): a property a head resource ignores
 * (ignoreChanges) keeps the base's value, as Pulumi sends and stores the old value for it. So a plan
 * taken with --base and used as the next plan's base shows the up that stops ignoring a property
 * and sets it (the bounds an up inside an event asserted, kept under ignoreChanges, set back to the
 * everyday ones once the drain has ended). A property the base does not hold stays as declared.
 */
export function carryIgnored<R extends UpgradeResource>(base: readonly UpgradeResource[], head: readonly R[]): R[] {
    const before = new Map(base.map((r) => [matchKey(r), r]));
    return head.map((r) => {
        const old = before.get(matchKey(r));
        const ignored = r.ignoreChanges ?? [];
        if (old === undefined || ignored.length === 0) return r;
        return { ...r, inputs: keptInputs(old.inputs, r.inputs, ignored) };
    });
}

/**
 * `inputs` with each `ignored` path (ignoreChanges, top-level or nested: `spec.maxReplicas`) set to
 * its value in `old`, as Pulumi sends and stores it; a path `old` does not hold keeps the new value.
 */
export function keptInputs(old: Readonly<Record<string, unknown>>, inputs: Readonly<Record<string, unknown>>, ignored: readonly string[]): Record<string, unknown> {
    return ignored.reduce<Record<string, unknown>>((acc, path) => {
        const kept = valueAt(old, path);
        return kept === undefined ? acc : withValueAt(acc, path, kept);
    }, { ...inputs });
}

function differs(a: unknown, b: unknown): boolean {
    return canonical(a) !== canonical(b);
}

/**
 * The changed input properties of a resource present in both plans: every top-level input that
 * differs, plus each replace-on-change rule (top-level or nested) whose value differs. The rules
 * are the provider's (rulesFor) and the properties the program names in the resource's
 * `replaceOnChanges` option (`programReplaces`, PROGRAM_REPLACE_SOURCE) the table does not list.
 */
export function changedProperties(type: string, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, programReplaces: readonly string[] = []): ChangedProperty[] {
    const provider = rulesFor(type).replaceOn;
    const rules: readonly ReplaceRule[] = [...provider, ...programReplaces.filter((p) => !provider.some((r) => r.property === p)).map((property) => ({ property, source: PROGRAM_REPLACE_SOURCE }))];
    const replacing = rules.filter((r) => differs(valueAt(before, r.property), valueAt(after, r.property)));
    const replacingTop = new Set(replacing.map((r) => r.property));
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    const inPlace = keys.filter((k) => !replacingTop.has(k) && differs(before[k], after[k]));
    return [
        ...replacing.map((r): ChangedProperty => ({ name: r.property, replaces: true, source: r.source, guide: guideOf(r, valueAt(before, r.property)) })),
        // A nested rule that did not fire leaves its block an in-place change.
        ...inPlace.filter((k) => !replacing.some((r) => r.property.startsWith(`${k}.`))).map((k): ChangedProperty => ({ name: k, replaces: false, source: null, guide: null })),
    ];
}

function survivalOf(op: ChangeOp, migration: Migration | null, retained: boolean): Survival {
    if (op === "same" || op === "update") return "kept";
    if (op === "create") return "new";
    if (migration !== null) return "migrated";
    return op === "delete" && retained ? "retained" : "lost";
}

/**
 * Compares two plans resource by resource (custom resources only; components hold no state).
 * A resource of the base missing from the head is a delete, one of the head missing from the
 * base a create; in both, the op of a resource follows from its changed properties: any
 * replace-on-change property makes it a replace. Sorted by op severity, then URN.
 */
export function diffPlans(base: readonly UpgradeResource[], head: readonly UpgradeResource[], names: { base: string; head: string }): UpgradeReport {
    const custom = (rs: readonly UpgradeResource[]) => rs.filter((r) => r.custom);
    const before = new Map(custom(base).map((r) => [matchKey(r), r]));
    const after = new Map(custom(head).map((r) => [matchKey(r), r]));
    const change = (r: UpgradeResource, op: ChangeOp, properties: readonly ChangedProperty[], retained: boolean): UpgradeChange => {
        const kind = rulesFor(r.type).stateful;
        const baseInputs = before.get(matchKey(r))?.inputs ?? {};
        const migration = kind !== null && (op === "replace" || op === "delete") ? migrationFor(r, op, properties, [...after.values()], baseInputs) : null;
        const secondUp = op === "create" ? deferredSettings(r).map((d) => d.property) : [];
        const maintenanceWindow = op === "update" ? pendingUntilMaintenance(r.type, properties.map((p) => p.name), r.inputs).map(({ property, guide }) => ({ property, guide })) : [];
        const notes = op === "update" ? updateNotes(r.type, properties.map((p) => p.name)) : [];
        return { urn: r.urn, type: r.type, name: r.name, op, stateful: kind !== null, kind, properties, migration, survival: kind === null ? null : survivalOf(op, migration, retained), secondUp, maintenanceWindow, notes };
    };
    const changes: UpgradeChange[] = [];
    for (const [key, r] of after) {
        const old = before.get(key);
        if (old === undefined) {
            changes.push(change(r, "create", [], false));
            continue;
        }
        // A property the head's ignoreChanges names keeps its old value: Pulumi neither updates nor
        // replaces on it. A nested one (the HPA's `spec.minReplicas`) is compared with its old value
        // in place, so the rest of its block (`spec`) alone decides whether the block changed.
        const ignored = r.ignoreChanges ?? [];
        const properties = changedProperties(r.type, old.inputs, keptInputs(old.inputs, r.inputs, ignored), r.replaceOnChanges ?? []).filter((p) => !ignored.includes(p.name));
        const op: ChangeOp = properties.some((p) => p.replaces) ? "replace" : properties.length > 0 ? "update" : "same";
        changes.push(change(r, op, properties, old.retainOnDelete === true));
    }
    for (const [key, r] of before) if (!after.has(key)) changes.push(change(r, "delete", [], r.retainOnDelete === true));
    const severity: Readonly<Record<ChangeOp, number>> = { delete: 0, replace: 1, create: 2, update: 3, same: 4 };
    changes.sort((a, b) => severity[a.op] - severity[b.op] || (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0));
    return { ...names, changes, undocumented: changes.filter(isUndocumentedLoss), handovers: portHandovers(custom(base), custom(head)), rulesOnRunningApps: rulesOnRunningApps(custom(base), custom(head)) };
}

/** A stateful replace or delete with no documented migration. */
export function isUndocumentedLoss(c: UpgradeChange): boolean {
    return c.stateful && (c.op === "replace" || c.op === "delete") && c.migration === null;
}

/** Resources per op, in CHANGE_OPS order. */
export function countByOp(changes: readonly UpgradeChange[]): Record<ChangeOp, number> {
    const counts: Record<ChangeOp, number> = { same: 0, update: 0, replace: 0, create: 0, delete: 0 };
    for (const c of changes) counts[c.op]++;
    return counts;
}
