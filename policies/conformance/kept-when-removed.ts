// Properties a program stops declaring that the provider neither diffs nor sends: the cloud keeps
// the value it has. The change preview leaves them out of a resource's changes and names them, with
// the guide section that says what the kept value means for the next steps.
//
// Every rule names the file it was read from (terraform-provider-aws v6.66, bridged by @pulumi/aws
// 7.48.0). Property names are the Pulumi input names.

export interface KeptWhenRemovedRule {
    /** Pulumi type token. */
    readonly type: string;
    /** Input property (Pulumi name). */
    readonly property: string;
    /** Where the behaviour was read. */
    readonly source: string;
    /** The guide section that says what the kept value means. */
    readonly guide: string;
}

/**
 * The Aurora Serverless v2 capacity range of a cluster (`serverlessv2ScalingConfiguration`), removed
 * when compute serverless switches back (database.serverless false): the block carries
 * `DiffSuppressFunc: verify.SuppressMissingOptionalConfigurationBlock` and its `max_capacity` a
 * suppression for a block removed from the configuration ("doing so doesn't actually remove the
 * scaling configuration from AWS this dsf does allow the user to remove the block from their
 * configuration without perpetual diffs", hashicorp/terraform-provider-aws#40473), and
 * resourceClusterUpdate sets ModifyDBCluster `ServerlessV2ScalingConfiguration` only while the block
 * is set. So the range stays on the cluster, which the instances still on `db.serverless` need until
 * their class change applies (applied-in-maintenance-window.ts), and no diff comes back later.
 */
export const KEPT_WHEN_REMOVED: readonly KeptWhenRemovedRule[] = [
    {
        type: "aws:rds/cluster:Cluster",
        property: "serverlessv2ScalingConfiguration",
        source: "terraform-provider-aws internal/service/rds/cluster.go (serverlessv2_scaling_configuration: SuppressMissingOptionalConfigurationBlock, #40473; resourceClusterUpdate sends the range only while the block is set)",
        guide: "docs/UPGRADING.md#compute-serverless-back-to-kubernetes-or-vm",
    },
];

/**
 * The rules of `type` whose property the base declares (`before`) and the head no longer does
 * (`after`): removals the provider does not send, so the cloud keeps the value.
 */
export function keptWhenRemoved(type: string, before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>, rules: readonly KeptWhenRemovedRule[] = KEPT_WHEN_REMOVED): KeptWhenRemovedRule[] {
    const set = (v: unknown): boolean => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
    return rules.filter((r) => r.type === type && set(before[r.property]) && !set(after[r.property]));
}
