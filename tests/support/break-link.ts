// One link of a planned stack broken for a flow test: the resources with `mutate` applied to those
// of `type` whose logical name ends with `nameEnds` (a copy of each; null removes it).

import * as assert from "assert";

import { FlowResource } from "../../policies/flows/graph";

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
