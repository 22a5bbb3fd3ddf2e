// Properties a provider sends to the cloud on update with the resource's `applyImmediately`
// setting, which defaults to false: the cloud then holds the change as pending and applies it in the
// resource's next maintenance window, not during the `pulumi up`. The change preview names them on
// the resources it updates, with the guide section that says how to apply them in order.
//
// Every rule names the file or docstring it was read from (terraform-provider-aws v6.66, bridged by
// @pulumi/aws 7.48.0). Property names are the Pulumi input names.

export interface MaintenanceWindowRule {
    /** Pulumi type token. */
    readonly type: string;
    /** Input property (Pulumi name). */
    readonly property: string;
    /** Where the update path was read. */
    readonly source: string;
    /** The guide section with the order of steps that applies the change now. */
    readonly guide: string;
}

/**
 * Aurora instance class (`db.serverless` <-> a provisioned class on a compute switch): the
 * provider's resourceClusterInstanceUpdate sends ModifyDBInstance with `ApplyImmediately` taken from
 * `apply_immediately` ("Specifies whether any database modifications are applied immediately, or
 * during the next maintenance window. Default is `false`", website/docs/r/rds_cluster_instance;
 * aws.rds.ClusterInstance `applyImmediately` docstring, rds/clusterInstance.d.ts), and its Read sets
 * `instance_class` from the class in force, so until the window each `pulumi up` shows the change
 * again. The RDS instance (`aws.rds.Instance`) has the same setting and default (rds/instance.d.ts).
 *
 * Alibaba Cloud applies its class changes during the `pulumi up`, so none is listed: an RDS
 * instance's `effectiveTime` (ModifyDBInstanceSpec EffectiveTime) "Default value: Immediate"
 * (alicloud rds/instance.d.ts), and a PolarDB node class change (`dbNodeClass`: ModifyDBNodeClass)
 * is scheduled only by its PlannedStartTime, which "takes effect only when ModifyType is set to
 * Upgrade" and "If this parameter is empty, the upgrade task is immediately performed" (PolarDB API
 * reference, ModifyDBNodeClass, request parameter PlannedStartTime). The blueprint sets neither
 * (`effectiveTime`, `plannedStartTime`), so both apply during the `pulumi up`. (The docstring of
 * `plannedStartTime` in alicloud polardb/cluster.d.ts speaks of the kernel version upgrade task,
 * UpgradeDBClusterVersion, not of a class change.)
 */
export const APPLIED_IN_MAINTENANCE_WINDOW: readonly MaintenanceWindowRule[] = [
    {
        type: "aws:rds/clusterInstance:ClusterInstance",
        property: "instanceClass",
        source: "terraform-provider-aws internal/service/rds/cluster_instance.go (resourceClusterInstanceUpdate: ModifyDBInstance with ApplyImmediately = apply_immediately, default false)",
        guide: "docs/UPGRADING.md#aurora-instance-class-applied-in-the-maintenance-window",
    },
    {
        // An RDS MySQL instance (database.engine mysql) has no reader to move the writer to: its own
        // guide (modify-db-instance --apply-immediately; an outage single-AZ, a failover Multi-AZ).
        type: "aws:rds/instance:Instance",
        property: "instanceClass",
        source: "@pulumi/aws rds/instance.d.ts applyImmediately: \"applied immediately, or during the next maintenance window. Default is `false`\"",
        guide: "docs/UPGRADING.md#rds-instance-class-applied-in-the-maintenance-window",
    },
];

/**
 * The rules whose property an update changes (`changed`, input names) while the resource's
 * `applyImmediately` input is not true: what the cloud applies only in the next maintenance window.
 */
export function pendingUntilMaintenance(type: string, changed: readonly string[], after: Readonly<Record<string, unknown>>, rules: readonly MaintenanceWindowRule[] = APPLIED_IN_MAINTENANCE_WINDOW): MaintenanceWindowRule[] {
    if (after.applyImmediately === true) return [];
    return rules.filter((r) => r.type === type && changed.includes(r.property));
}
