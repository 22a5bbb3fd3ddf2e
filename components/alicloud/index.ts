// The Alibaba Cloud components and the deployment of an Alibaba Cloud stack.

export { AutoScaling, type AutoScalingArgs } from "./autoscaling";
export { Cache, type CacheArgs } from "./cache";
export { Cdn, type OriginArgs, type CdnArgs } from "./cdn";
export { Database, type DatabaseArgs } from "./database";
export { LoadBalancer, type LoadBalancerArgs } from "./loadbalancer";
export { Monitoring, type MonitoringArgs, type MonitoringSpec } from "./monitoring";
export { Network, type NetworkArgs } from "./network";
export { Queue, type QueueArgs } from "./queue";
export { Region, type RegionArgs } from "./region";
export { Steering, type SteeringArgs } from "./steering";
export { Storage, type StorageArgs } from "./storage";
export { Video, type VideoArgs } from "./video";
export { KubernetesCluster, type KubernetesClusterArgs } from "./kubernetes";
export { ServerlessApps, type ServerlessAppsArgs } from "./serverless";
export * from "./deployment";
