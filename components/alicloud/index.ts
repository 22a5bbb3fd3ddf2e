// The Alibaba Cloud components and the deployment of an Alibaba Cloud stack. Both clouds' index
// files export the same names for the same roles (tests/mirror.test.ts); the names below "Alibaba
// Cloud only" have no AWS counterpart.

export { AutoScaling, type AutoScalingArgs } from "./autoscaling";
export { Cache, type CacheArgs } from "./cache";
export { Cdn, type OriginArgs, type CdnArgs } from "./cdn";
export { Database, type DatabaseArgs } from "./database";
export { LoadBalancer, type LoadBalancerArgs } from "./loadbalancer";
export { Monitoring, type MonitoringArgs } from "./monitoring";
export { Network, type NetworkArgs } from "./network";
export { Queue, type QueueArgs } from "./queue";
export { Region, type RegionArgs, type RegionStackSpec } from "./region";
export { Steering, type SteeringArgs } from "./steering";
export { Storage, type StorageArgs } from "./storage";
export { Video, type VideoArgs } from "./video";
export { KubernetesCluster, type KubernetesClusterArgs } from "./kubernetes";
export { ServerlessServices, type ServerlessServicesArgs, type ServerlessServicesSpec } from "./serverless";
// The catalogue of this cloud's classes, sizes and layouts (the types some *Args take, e.g. a
// cache's or database's layout, and the functions that compute them from a spec).
export * as catalogue from "./catalogue";
// The stack's deployment under the names both clouds share, and under this cloud's own names.
export {
    deployAlicloud as deploy,
    deployAlicloudEdge as deployEdge,
    type AlicloudDeployment as StackDeployment,
    type AlicloudEdge as StackEdge,
    deployAlicloud,
    deployAlicloudEdge,
    type AlicloudDeployment,
    type AlicloudEdge,
} from "./deployment";

// Alibaba Cloud only: what the CloudMonitor alarms read of the stack spec (the AWS Monitoring takes
// its alarm rules ready-made).
export { type MonitoringSpec } from "./monitoring";

// Deprecated names, kept for programs written against them.
export { ServerlessApps, type ServerlessAppsArgs } from "./serverless";
