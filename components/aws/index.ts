// The AWS components and the deployment of an AWS stack. Both clouds' index files export the same
// names for the same roles (tests/mirror.test.ts); the names below "AWS only" have no Alibaba Cloud
// counterpart.

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
    deployAws as deploy,
    deployAwsEdge as deployEdge,
    type AwsDeployment as StackDeployment,
    type AwsEdge as StackEdge,
    deployAws,
    deployAwsEdge,
    type AwsDeployment,
    type AwsEdge,
} from "./deployment";

// AWS only: Aurora read replicas scaled by Application Auto Scaling (PolarDB scales its read-only
// nodes inside the cluster), the load balancers' Route 53 zone ids the steering aliases need, and
// the region CloudFront reads certificates from.
export { ReadCapacity, type ReadCapacityArgs } from "./database";
export { type RegionalEndpoints, CLOUDFRONT_CERTIFICATE_REGION } from "./deployment";

// Deprecated names, kept for programs written against them.
export { FargateServices, type FargateServicesArgs } from "./serverless";
