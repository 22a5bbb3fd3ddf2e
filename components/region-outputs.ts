// The stack outputs of one region, the same keys on both clouds: each Region component's
// outputs() returns this. A key a cloud has nothing for is null there (and says so below).

import * as pulumi from "@pulumi/pulumi";

import { AlarmLevel, ComputeTier, DatabaseEngine, SecurityRole, ServiceName } from "./model";

type In<T> = pulumi.Input<T>;

/** Ids and endpoints of one region of the stack, never secrets. */
export interface RegionOutputs {
    readonly vpcId: In<string>;
    readonly zones: readonly string[];
    /** The private subnets (AWS) or vSwitches (Alibaba Cloud) of the app and data tiers, one per zone. */
    readonly privateSubnetIds: readonly In<string>[];
    /** The public subnets of the load balancer and the NAT gateways (AWS); null on Alibaba Cloud, whose ALB takes its addresses in the vSwitches above. */
    readonly publicSubnetIds: readonly In<string>[] | null;
    readonly securityGroupIds: Readonly<Record<SecurityRole, In<string>>>;
    /** Public DNS name of the region's application load balancer. */
    readonly loadBalancerDnsName: In<string>;
    /** Route 53 hosted zone id of the load balancer (AWS); null on Alibaba Cloud. */
    readonly loadBalancerZoneId: In<string> | null;
    /**
     * DNS records that validate the load balancer's ACM certificate (AWS: create them in the
     * domain's zone); null on Alibaba Cloud, whose listener takes an uploaded certificate
     * (`tls.certificateId`).
     */
    readonly certificateValidationRecords: In<readonly { readonly name: string; readonly type: string; readonly value: string }[]> | null;
    readonly compute: ComputeTier;
    /** The VM app group (compute `vm`): ESS scaling group id or EC2 Auto Scaling group name, and its instance type; null otherwise. */
    readonly appGroup: { readonly id: In<string>; readonly instanceType: string } | null;
    /** The serverless services (compute `serverless`): SAE namespace id or ECS cluster name, and each service's SAE application id or ECS service name; null otherwise. */
    readonly serverless: { readonly clusterId: In<string>; readonly serviceIds: Readonly<Record<ServiceName, In<string>>> } | null;
    readonly cacheEndpoint: In<string>;
    readonly cachePort: In<number>;
    readonly databaseEngine: DatabaseEngine;
    readonly databaseEndpoint: In<string>;
    /** Endpoints the app reads from: Aurora reader / RDS replica endpoints (AWS), the read/write splitting endpoint (Alibaba Cloud); [] when none. */
    readonly databaseReaderEndpoints: readonly In<string>[];
    readonly databasePort: In<number>;
    /** Kafka bootstrap servers (MSK TLS brokers, ApsaraMQ for Kafka); null when `queue.enabled` is false. */
    readonly queueBootstrapServers: In<string> | null;
    readonly mediaBucket: In<string>;
    /** The load balancer access-log bucket (AWS); null on Alibaba Cloud, which keeps no access-log bucket. */
    readonly logsBucket: In<string> | null;
    /** Where each alarm level notifies: SNS topic ARNs (AWS), CloudMonitor contact group names (Alibaba Cloud). */
    readonly alarmTargets: Readonly<Record<AlarmLevel, In<string>>>;
    /** The managed cluster and the services' namespace (compute `kubernetes`); null otherwise. */
    readonly kubernetes: { readonly clusterName: In<string>; readonly namespace: In<string> } | null;
}

/** Every key of RegionOutputs, in the order outputs() lists them. */
export const REGION_OUTPUT_KEYS = [
    "vpcId",
    "zones",
    "privateSubnetIds",
    "publicSubnetIds",
    "securityGroupIds",
    "loadBalancerDnsName",
    "loadBalancerZoneId",
    "certificateValidationRecords",
    "compute",
    "appGroup",
    "serverless",
    "cacheEndpoint",
    "cachePort",
    "databaseEngine",
    "databaseEndpoint",
    "databaseReaderEndpoints",
    "databasePort",
    "queueBootstrapServers",
    "mediaBucket",
    "logsBucket",
    "alarmTargets",
    "kubernetes",
] as const satisfies readonly (keyof RegionOutputs)[];
