// The CrossGuard policy pack: `pulumi preview --policy-pack policies [--policy-pack-config policies/config/<stage>.json]`.
// Only builds the pack; the policies live in their own modules (policies/all.ts).

import { PolicyPack } from "@pulumi/policy";

import { POLICIES } from "./all";

new PolicyPack("live-commerce-availability", {
    policies: POLICIES,
});
