// One link of a planned stack broken for a flow test: the resources with `mutate` applied to those
// of `type` whose logical name ends with `nameEnds` (a copy of each; null removes it).

import * as assert from "assert";

import { analyzeFlows } from "../../policies/flows/analyze";
import { FlowResource, at } from "../../policies/flows/graph";
import { FlowResult } from "../../policies/flows/walk";

export type Mutate = (r: FlowResource) => FlowResource | null;

/** The resources with the link broken; fails when no resource matches. */
export function breakLink(resources: readonly FlowResource[], type: string, nameEnds: string, mutate: Mutate): FlowResource[] {
    let hit = 0;
    const out = resources.flatMap((r) => {
        if (r.type !== type || !r.name.endsWith(nameEnds)) return [r];
        hit++;
        const m = mutate(JSON.parse(JSON.stringify(r)));
        return m === null ? [] : [m];
    });
    assert.ok(hit > 0, `no ${type} named *${nameEnds}`);
    return out;
}

/** A link to break and the hop of the flow that must then break. */
export interface LinkCase {
    readonly flow: string;
    readonly link: string;
    readonly type: string;
    readonly nameEnds: string;
    readonly mutate: Mutate;
    /** The check of the hop that must break (a prefix). */
    readonly hop: string;
    /** The check the broken hop reports, when removing the link renames it (a missing rule). */
    readonly reported?: string;
}

/** One e-mail subscription per SNS topic (monitoring.contacts given), so the alarm walk goes past the first topic. */
export function withSubscriptions(resources: readonly FlowResource[]): FlowResource[] {
    const subscriptions = resources
        .filter((r) => r.type === "aws:sns/topic:Topic")
        .map((t): FlowResource => ({ urn: `${t.urn}-subscription`, type: "aws:sns/topicSubscription:TopicSubscription", name: `${t.name}-0`, parent: t.parent, provider: t.provider, inputs: { topic: at(t.outputs, "arn"), protocol: "email", endpoint: "oncall@example.com" } }));
    return [...resources, ...subscriptions];
}

/** A contact in every CloudMonitor contact group, declared with an e-mail channel (monitoring.contacts given). */
export function withContacts(resources: readonly FlowResource[]): FlowResource[] {
    const group = resources.find((r) => r.type === "alicloud:cms/alarmContactGroup:AlarmContactGroup") ?? assert.fail("no contact group");
    const contact: FlowResource = { urn: `${group.urn}-oncall`, type: "alicloud:cms/alarmContact:AlarmContact", name: "oncall-contact", parent: group.parent, provider: group.provider, inputs: { alarmContactName: "oncall", channelsMail: "oncall@example.com", describe: "on-call", lang: "en" } };
    return [...resources.map((r) => (r.type === "alicloud:cms/alarmContactGroup:AlarmContactGroup" ? ({ ...r, inputs: { ...r.inputs, contacts: ["oncall"] } }) : r)), contact];
}

/** A single link of a planned stack, and the hop and resource its flow must then break at. */
export interface HopLink {
    readonly flow: string;
    readonly region: string;
    readonly link: string;
    readonly type: string;
    readonly nameEnds: string;
    readonly mutate: Mutate;
    /** The check of the hop that must break (a prefix). */
    readonly hop: string;
    /** The logical name of the resource the broken hop is on. */
    readonly resource: string;
    /** The check of that hop before the break, when the break renames it (a port). Defaults to `hop`. */
    readonly held?: string;
    /** The resource that hop holds on before the break, when the break moves it (a missing link, the entry). Defaults to `resource`. */
    readonly heldOn?: string;
    /** Extra resources added with the break (a drop rule). */
    readonly add?: (resources: readonly FlowResource[]) => FlowResource[];
    /** The broken hop's exact check and reason, when the case pins them. */
    readonly exactly?: { readonly hop: string; readonly reason: string };
}

/** The flow `key` of `region`; fails when the analysis has none. */
export function flowOf(flows: readonly FlowResult[], key: string, region: string): FlowResult {
    return flows.find((f) => f.key === key && f.region === region) ?? assert.fail(`no flow ${key} in ${region}`);
}

/** The hop holds before; with the link broken the flow is broken at that hop on that resource, by the resources (no setting). */
export function assertBreaksAt(resources: readonly FlowResource[], l: HopLink): void {
    const beforeFlow = flowOf(analyzeFlows(resources), l.flow, l.region);
    const held = l.held ?? l.hop;
    const heldOn = l.heldOn ?? l.resource;
    // The hops of that check hold before: the stack's part kept, the operator's (a DNS record outside the stack) never judged.
    const hops = beforeFlow.hops.filter((h) => h.check.startsWith(held) && h.resource === heldOn);
    assert.ok(hops.length > 0 && hops.every((h) => h.ok === true || h.operator === true), `hop "${held}" on ${heldOn} holds before (hops: ${beforeFlow.hops.map((h) => `${h.resource}: ${h.check}=${h.ok}`).join("; ")})`);
    const broken = breakLink(resources, l.type, l.nameEnds, l.mutate);
    const after = flowOf(analyzeFlows([...broken, ...(l.add?.(resources) ?? [])]), l.flow, l.region);
    assert.strictEqual(after.status, "broken");
    assert.ok(after.broken?.hop.startsWith(l.hop), `broken at "${after.broken?.hop}": ${after.broken?.reason}, expected "${l.hop}"`);
    assert.strictEqual(after.broken?.setting, undefined, "the break is the resources', not a placeholder's");
    const urn = resources.find((r) => r.name === l.resource)?.urn;
    assert.ok(urn !== undefined && urn !== "", `${l.resource} is in the plan`);
    assert.strictEqual(after.broken?.urn, urn, `the broken hop names ${l.resource}`);
    if (l.exactly !== undefined) assert.deepStrictEqual({ hop: after.broken?.hop, reason: after.broken?.reason }, l.exactly);
}

/** A copy of the resource named `name` as a new resource `newName` (its own URN) with `inputs` over its own: a rule added beside a planned one. */
export function ruleLike(resources: readonly FlowResource[], name: string, newName: string, inputs: Record<string, unknown>): FlowResource {
    const r = resources.find((x) => x.name === name) ?? assert.fail(`no ${name}`);
    return { ...r, name: newName, urn: r.urn.replace(/::[^:]+$/, `::${newName}`), inputs: { ...r.inputs, ...inputs } };
}
