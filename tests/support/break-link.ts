// One link of a planned stack broken for a flow test: the resources with `mutate` applied to those
// of `type` whose logical name ends with `nameEnds` (a copy of each; null removes it).

import * as assert from "assert";

import { FlowResource, at } from "../../policies/flows/graph";

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
