// The AWS components and the deployment of an AWS stack.

export { AutoScaling } from "./autoscaling";
export { Cache } from "./cache";
export { Cdn } from "./cdn";
export { Database } from "./database";
export { LoadBalancer } from "./loadbalancer";
export { Monitoring } from "./monitoring";
export { Network } from "./network";
export { Queue } from "./queue";
export { Region } from "./region";
export { Steering } from "./steering";
export { Storage } from "./storage";
export { Video } from "./video";
export { KubernetesCluster } from "./kubernetes";
export * from "./deployment";
