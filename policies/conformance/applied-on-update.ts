// Properties a provider applies only when it updates an existing resource: its Create sends them
// to no API call, and the Update it runs right after Create skips them for a new resource
// (terraform-plugin-sdk `d.IsNewResource()` / `!d.IsNewResource()` guards). A new resource that
// sets one gets it from the second `pulumi up` (the Read after Create records the cloud's value, the
// next diff sees the difference and the Update applies it). The offline plan reports each as an
// advisory finding, and the change preview against a base names them on the resources it creates.
//
// Every rule names the file it was read from (terraform-provider-alicloud, bridged by
// @pulumi/alicloud 3.108.0, provider ~v1.294; terraform-provider-aws, bridged by @pulumi/aws
// 7.48.0, provider v6.66). Property names are the Pulumi input names.

import { isRecord } from "../lib/values";

export interface AppliedOnUpdateRule {
    /** Pulumi type token. */
    readonly type: string;
    /** Input property (Pulumi name). */
    readonly property: string;
    /** Where the create and update paths were read. */
    readonly source: string;
    /** What a new resource runs without until the second `pulumi up`. */
    readonly effect: string;
}

/**
 * PolarDB `hot_replica_mode`: buildPolarDBCreateRequest sends no HotReplicaMode to CreateDBCluster
 * (the API has none: "You cannot directly set hot replica nodes when you create a cluster. You can
 * only enable the failover with hot replica feature for existing read-only nodes", PolarDB
 * "Configure hot replica nodes"), and resourceAlicloudPolarDBClusterUpdate, called at the end of
 * Create, returns at `if d.IsNewResource()` before its `d.HasChange("hot_replica_mode")` branch
 * (ModifyDBNodeHotReplicaMode). `parameters` is applied before that return, so
 * loose_innodb_trx_resume is ON from the first `pulumi up`; the hot replica is not. The provider
 * source was read at the stored version (commit 006d0e3), whose schema predates the pinned SDK's
 * `globalSecurityGroupLists` (polardb/cluster.d.ts); the API page's statement holds for any
 * provider version, the Create path is to be read again on a provider upgrade.
 */
export const APPLIED_ON_UPDATE: readonly AppliedOnUpdateRule[] = [
    {
        type: "alicloud:polardb/cluster:Cluster",
        property: "hotReplicaMode",
        source: "terraform-provider-alicloud alicloud/resource_alicloud_polardb_cluster.go (no HotReplicaMode in buildPolarDBCreateRequest; Update returns for a new resource before ModifyDBNodeHotReplicaMode)",
        effect: "the read-only node is no hot replica: a failover takes about 20-30 s instead of 3-10 s and transactions are not resumed (PolarDB, Configure hot replica nodes)",
    },
];

/** One property of a resource that its first `pulumi up` does not apply. */
export interface DeferredSetting {
    readonly urn: string;
    readonly type: string;
    readonly property: string;
    readonly value: unknown;
    readonly source: string;
    readonly effect: string;
}

/**
 * The properties a resource sets that the provider applies only on a later update (APPLIED_ON_UPDATE):
 * every rule of its type whose property is set (neither absent nor null). Empty for other types.
 */
export function deferredSettings(r: { readonly urn: string; readonly type: string; readonly inputs: unknown }, rules: readonly AppliedOnUpdateRule[] = APPLIED_ON_UPDATE): DeferredSetting[] {
    const inputs = r.inputs;
    if (!isRecord(inputs)) return [];
    return rules
        .filter((rule) => rule.type === r.type && inputs[rule.property] !== undefined && inputs[rule.property] !== null)
        .map((rule) => ({ urn: r.urn, type: r.type, property: rule.property, value: inputs[rule.property], source: rule.source, effect: rule.effect }));
}

/** The finding's text: the resource, the property and its value, what runs without it, the source. */
export function deferredMessage(d: DeferredSetting): string {
    return `${d.type} ${d.property} = ${JSON.stringify(d.value)} is applied only by the second \`pulumi up\` of a new resource (the provider applies it on update only): until then ${d.effect}. Run \`pulumi up\` again after the first; source: ${d.source}`;
}
