import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { DATA_PORTS, DatabaseSpec, PrimaryStandby, ScalingSpec, PolardbServerlessPlan, polardbServerlessPlan } from "../model";
import { polardbClassFor, polardbNodeCount, rdsClassFor } from "./catalogue";
import { generatedPassword } from "./password";

export interface DatabaseArgs {
    readonly database: DatabaseSpec;
    /** The stack's scaling policy: its CPU thresholds drive PolarDB Serverless scaling. */
    readonly scaling: ScalingSpec;
    readonly placement: PrimaryStandby;
    /** Zone of each read-only instance (replicaZones()). */
    readonly replicaZones: readonly string[];
    readonly vpcId: pulumi.Input<string>;
    /** vSwitch id per zone of the region. */
    readonly vswitchOf: (zone: string) => pulumi.Input<string>;
    /** The only networks allowed to connect: the region's private vSwitch CIDRs. */
    readonly allowedCidrs: readonly string[];
    readonly tags: Record<string, string>;
    /**
     * Membership of a PolarDB global database network: the primary writes; a secondary is created
     * as a standby of the network, replicates schema and accounts from the primary (so it creates
     * none and shares the primary's password) and forwards writes to it. Defaults to none: a
     * cluster (or instance) of its own.
     */
    readonly global?: GlobalMembership;
}

export type GlobalMembership = { readonly role: "primary" } | { readonly role: "secondary"; readonly gdnId: pulumi.Input<string>; readonly password: pulumi.Output<string> };

/** MySQL 8.0 (RDS and PolarDB); AWS RDS runs 8.4: the difference stays on deployed stacks (docs/CLOUDS.md). */
export const MYSQL_VERSION = "8.0";
/** Application account and schema created on every database; AWS names its schema `livecommerce` (docs/CLOUDS.md, "Differences that stay"). */
export const APP_ACCOUNT = "app";
export const APP_SCHEMA = "commerce";
/**
 * The application account's privilege on the schema: read and write (DML and DDL) on `commerce`
 * only, nothing on other databases. The same value on RDS (`privilege`) and PolarDB
 * (`account_privilege`): "ReadWrite" in both providers' valid values.
 */
export const APP_ACCOUNT_PRIVILEGE = "ReadWrite";
/** Daily backups at 02:00-03:00 China Standard Time, every day of the week. */
const BACKUP_WINDOW_UTC = "18:00Z-19:00Z";
const EVERY_DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/**
 * The transactional database of a region, in one of two shapes:
 * - engine mysql: an RDS MySQL instance, Basic (one node) or HighAvailability (primary and standby
 *   in different zones, automatic failover), plus `readReplicas` read-only instances and a database
 *   proxy whose read/write endpoint sends reads to them;
 * - engine polardb: a PolarDB MySQL cluster with 1 + readReplicas nodes (at least 2), a hot standby
 *   storage cluster in the standby zone; its cluster endpoint splits reads from writes.
 * Both: deletion protection, daily backups kept `backupRetentionDays`, TDE encryption at rest,
 * access only from the region's private networks, a generated secret password.
 */
export class Database extends pulumi.ComponentResource {
    readonly engine: DatabaseSpec["engine"];
    /** RDS instance id or PolarDB cluster id. */
    readonly instanceId: pulumi.Output<string>;
    /** Primary (read/write) endpoint. */
    readonly endpoint: pulumi.Output<string>;
    /**
     * Read/write splitting: the database proxy's connection string (MySQL with read replicas), the
     * cluster endpoint (PolarDB, which splits reads and writes itself); null without replicas.
     */
    readonly readWriteSplitEndpoint: pulumi.Output<string> | null;
    readonly readReplicaIds: pulumi.Output<string>[];
    readonly port: number;
    /** The application account's name (APP_ACCOUNT). */
    readonly username = APP_ACCOUNT;
    /** Secret. */
    readonly password: pulumi.Output<string>;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:Database", name, {}, opts);
        const { database } = args;
        if (database.highAvailability && args.placement.standbyZone === null) {
            throw new pulumi.ResourceError("database.highAvailability needs a standby zone: give the region >= 2 zones", this);
        }
        if (args.global !== undefined && database.engine !== "polardb") {
            throw new pulumi.ResourceError(`a global database needs engine polardb (got ${database.engine})`, this);
        }
        const password = args.global?.role === "secondary" ? args.global.password : generatedPassword(`${name}-password`, this).result;
        this.engine = database.engine;
        this.port = DATA_PORTS.mysql;
        this.password = pulumi.secret(password);
        const built = database.engine === "polardb" ? this.polardb(name, args, password) : this.mysql(name, args, password);
        this.instanceId = built.instanceId;
        this.endpoint = built.endpoint;
        this.readWriteSplitEndpoint = built.split;
        this.readReplicaIds = built.replicas;
        this.registerOutputs({ instanceId: this.instanceId, endpoint: this.endpoint });
    }

    private mysql(name: string, args: DatabaseArgs, password: pulumi.Output<string>): Built {
        const { database, placement, tags } = args;
        const standby = database.highAvailability ? placement.standbyZone : null;
        const zones = standby !== null ? [placement.primaryZone, standby] : [placement.primaryZone];
        const securityIps = [...args.allowedCidrs];
        const basic = standby === null;
        // The cloud disk is encrypted with a KMS key in every edition (RDS must be authorized to use
        // KMS in the account: AliyunRDSInstanceEncryptionDefaultRole), so growing from Basic to
        // High-availability keeps the key. TDE needs the High-availability or Cluster Edition
        // (configure-tde-for-an-apsaradb-rds-for-mysql-instance, prerequisites): only those add it.
        const diskKey = new alicloud.kms.Key(
            `${name}-disk-key`,
            { description: `${name} RDS cloud disk encryption`, keySpec: "Aliyun_AES_256", keyUsage: "ENCRYPT/DECRYPT", protectionLevel: "SOFTWARE", pendingWindowInDays: 30, tags },
            { parent: this },
        );
        const encryption = basic ? { encryptionKey: diskKey.id } : { encryptionKey: diskKey.id, tdeStatus: "Enabled" };
        const instance = new alicloud.rds.Instance(
            `${name}-mysql`,
            {
                instanceName: name,
                engine: "MySQL",
                engineVersion: MYSQL_VERSION,
                category: standby !== null ? "HighAvailability" : "Basic",
                instanceType: rdsClassFor(database.size, standby !== null ? "highAvailability" : "basic"),
                instanceStorage: database.storageGiB,
                dbInstanceStorageType: "cloud_essd",
                storageAutoScale: "Enable",
                storageThreshold: 20,
                storageUpperBound: database.storageGiB * 4,
                zoneId: placement.primaryZone,
                ...(standby !== null ? { zoneIdSlaveA: standby, haConfig: "Auto" } : {}),
                // RDS takes the vSwitch of the primary and the standby zone as one comma-separated list.
                vswitchId: pulumi.all(zones.map((z) => args.vswitchOf(z))).apply((ids) => ids.join(",")),
                instanceChargeType: "Postpaid",
                securityIps,
                securityIpMode: "normal",
                deletionProtection: true,
                ...encryption,
                sslAction: "Open",
                releasedKeepPolicy: "All",
                tags,
            },
            { parent: this, retainOnDelete: true },
        );
        new alicloud.rds.BackupPolicy(
            `${name}-backup`,
            {
                instanceId: instance.id,
                backupRetentionPeriod: database.backupRetentionDays,
                preferredBackupPeriods: EVERY_DAY,
                preferredBackupTime: BACKUP_WINDOW_UTC,
                // The Basic Edition does not support setting log backup (rds/backupPolicy.d.ts, enableBackupLog).
                ...(basic ? {} : { enableBackupLog: true, logBackupRetentionPeriod: database.backupRetentionDays }),
                releasedKeepPolicy: "All",
            },
            { parent: this },
        );
        const schema = new alicloud.rds.Database(`${name}-schema`, { instanceId: instance.id, dataBaseName: APP_SCHEMA, characterSet: "utf8mb4" }, { parent: this, retainOnDelete: true });
        const account = new alicloud.rds.RdsAccount(
            `${name}-account`,
            { dbInstanceId: instance.id, accountName: APP_ACCOUNT, accountPassword: password, accountType: "Normal" },
            { parent: this, additionalSecretOutputs: ["accountPassword"] },
        );
        // A Normal account has no privilege on any database until one is granted (RDS
        // GrantAccountPrivilege; alicloud_db_account_privilege `privilege` "ReadWrite": "only for
        // MySQL, MariaDB and SQL Server", rds/accountPrivilege.d.ts): read and write on the schema only.
        new alicloud.rds.AccountPrivilege(
            `${name}-account-privilege`,
            { instanceId: instance.id, accountName: account.accountName, dbNames: [schema.dataBaseName], privilege: APP_ACCOUNT_PRIVILEGE },
            { parent: this },
        );
        const replicas = args.replicaZones.map(
            (zone, i) =>
                new alicloud.rds.ReadOnlyInstance(
                    `${name}-mysql-ro-${i}`,
                    {
                        instanceName: `${name}-ro-${i}`,
                        masterDbInstanceId: instance.id,
                        engineVersion: MYSQL_VERSION,
                        instanceType: rdsClassFor(database.size, "readOnly"),
                        instanceStorage: database.storageGiB,
                        dbInstanceStorageType: "cloud_essd",
                        zoneId: zone,
                        vswitchId: args.vswitchOf(zone),
                        instanceChargeType: "Postpaid",
                        securityIps,
                        deletionProtection: true,
                        tags,
                    },
                    { parent: this },
                ),
        );
        const proxy =
            replicas.length > 0
                ? new alicloud.rds.RdsDbProxy(
                      `${name}-proxy`,
                      {
                          instanceId: instance.id,
                          instanceNetworkType: "VPC",
                          vpcId: args.vpcId,
                          vswitchId: args.vswitchOf(placement.primaryZone),
                          dbProxyInstanceNum: 2,
                          dbProxyEndpointReadWriteMode: "ReadWrite",
                          readOnlyInstanceDistributionType: "Standard",
                          readOnlyInstanceMaxDelayTime: 30,
                          dbProxyFeatures: "TransactionReadSqlRouteOptimizeStatus:1;ConnectionPersist:1;ReadWriteSpliting:1",
                      },
                      { parent: this, dependsOn: replicas },
                  )
                : null;
        return {
            instanceId: instance.id,
            endpoint: instance.connectionString,
            split: proxy !== null ? proxy.dbProxyConnectionString : null,
            replicas: replicas.map((r) => r.id),
        };
    }

    /** Provisioned nodes, or PolarDB Serverless (polardbServerlessPlan) when `database.serverless` is set. */
    private polardbCompute(args: DatabaseArgs): PolardbCompute {
        const { database } = args;
        if (database.serverless === null) return { dbNodeClass: polardbClassFor(database.size), dbNodeCount: polardbNodeCount(database.readReplicas) };
        const plan = polardbServerlessPlan({ scaling: args.scaling }, database.serverless, database.readReplicas);
        // transaction resumption (loose_innodb_trx_resume) with the hot replica: polardbServerlessPlan
        return { ...plan, parameters: plan.parameters.map((p) => ({ ...p })) };
    }

    private polardb(name: string, args: DatabaseArgs, password: pulumi.Output<string>): Built {
        const { database, placement, tags } = args;
        const multiZone = database.highAvailability && placement.standbyZone !== null;
        const cluster = new alicloud.polardb.Cluster(
            `${name}-polardb`,
            {
                description: name,
                dbType: "MySQL",
                dbVersion: MYSQL_VERSION,
                ...this.polardbCompute(args),
                payType: "PostPaid",
                creationCategory: "Normal",
                zoneId: placement.primaryZone,
                vswitchId: args.vswitchOf(placement.primaryZone),
                ...(multiZone ? { hotStandbyCluster: "ON", standbyAz: placement.standbyZone ?? undefined } : { hotStandbyCluster: "OFF" }),
                dbClusterIpArrays: [{ dbClusterIpArrayName: "default", securityIps: [...args.allowedCidrs] }],
                deletionLock: 1,
                tdeStatus: "Enabled",
                encryptNewTables: "ON",
                backupRetentionPolicyOnClusterDeletion: "ALL",
                ...(args.global?.role === "secondary" ? { creationOption: "CreateGdnStandby", gdnId: args.global.gdnId } : {}),
                tags,
            },
            // serverless_type has no Update path in the provider: a change replaces the cluster
            // instead of an update that cannot apply (POLARDB_REPLACE_ON_CHANGES).
            { parent: this, retainOnDelete: true, replaceOnChanges: [...POLARDB_REPLACE_ON_CHANGES] },
        );
        new alicloud.polardb.BackupPolicy(
            `${name}-backup`,
            {
                dbClusterId: cluster.id,
                backupRetentionPeriod: String(database.backupRetentionDays),
                preferredBackupPeriods: EVERY_DAY,
                preferredBackupTime: BACKUP_WINDOW_UTC,
                backupRetentionPolicyOnClusterDeletion: "ALL",
            },
            { parent: this },
        );
        if (args.global?.role !== "secondary") {
            const schema = new alicloud.polardb.Database(`${name}-schema`, { dbClusterId: cluster.id, dbName: APP_SCHEMA, characterSetName: "utf8mb4" }, { parent: this, retainOnDelete: true });
            const account = new alicloud.polardb.Account(
                `${name}-account`,
                { dbClusterId: cluster.id, accountName: APP_ACCOUNT, accountPassword: password, accountType: "Normal" },
                { parent: this, additionalSecretOutputs: ["accountPassword"] },
            );
            // A Normal account reaches no database until granted (PolarDB GrantAccountPrivilege;
            // alicloud_polardb_account_privilege `account_privilege`, valid values "ReadOnly",
            // "ReadWrite", "DMLOnly", "DDLOnly", default "ReadOnly", polardb/accountPrivilege.d.ts).
            new alicloud.polardb.AccountPrivilege(
                `${name}-account-privilege`,
                { dbClusterId: cluster.id, accountName: account.accountName, dbNames: [schema.dbName], accountPrivilege: APP_ACCOUNT_PRIVILEGE },
                { parent: this },
            );
        }
        return {
            instanceId: cluster.id,
            // The cluster endpoint PolarDB creates with every cluster is read/write splitting: writes
            // to the primary node, reads balanced over the read-only nodes, new nodes added.
            endpoint: cluster.connectionString,
            split: cluster.connectionString,
            replicas: [],
        };
    }
}

/**
 * Cluster properties whose change replaces the cluster (Pulumi `replaceOnChanges`): `serverlessType`
 * is sent only to CreateDBCluster (terraform-provider-alicloud resource_alicloud_polardb_cluster.go,
 * buildPolarDBCreateRequest: ServerlessType with ScaleMin/ScaleMax/ScaleRoNumMin/ScaleRoNumMax for
 * AgileServerless) and the resource's Update has no branch for it, so switching a provisioned cluster
 * to PolarDB Serverless (or back) in place cannot apply. The replacement is a new, empty cluster;
 * the offline change preview refuses it without a migration (docs/UPGRADING.md, "Compute kubernetes
 * or vm to serverless").
 */
export const POLARDB_REPLACE_ON_CHANGES = ["serverlessType"] as const;

type PolardbCompute = { readonly dbNodeClass: string; readonly dbNodeCount: number } | (Omit<PolardbServerlessPlan, "parameters"> & { readonly parameters: { name: string; value: string }[] });

interface Built {
    readonly instanceId: pulumi.Output<string>;
    readonly endpoint: pulumi.Output<string>;
    readonly split: pulumi.Output<string> | null;
    readonly replicas: pulumi.Output<string>[];
}
