// The per-stage pack config files (policies/config/<stage>.json) that `pulumi preview
// --policy-pack-config` reads: each policy's enforcement at that stage, and the stage itself for
// the policies that take it. Generated from the policies (`npm run pack-config`), checked by a test.

import type { EnforcementLevel, Policy } from "@pulumi/policy";

import { stageDefaultsOf } from "./policy";
import { Stage, categoryOf, enforcementFor } from "./stage";

export type PackConfigEntry = EnforcementLevel | { readonly enforcementLevel: EnforcementLevel; readonly stage: Stage };

/** `policies`: the pack's, and the findings the tools report beside them (flow-connected, policies/flows/finding.ts). */
export function packConfigFor(policies: readonly Pick<Policy, "name" | "tags" | "configSchema">[], stage: Stage): Record<string, PackConfigEntry> {
    return Object.fromEntries(
        policies.map((p): [string, PackConfigEntry] => {
            const level = enforcementFor(categoryOf(p.tags), stage, {}, stageDefaultsOf(p));
            const takesStage = p.configSchema?.properties?.stage !== undefined;
            return [p.name, takesStage ? { enforcementLevel: level, stage } : level];
        }),
    );
}
