export { Microservice, MicroserviceArgs, PodIdentity } from "./microservice";
export { CREDENTIAL_ENV, DataEndpoints, ENDPOINT_ENV, LiveCommerceServices, LiveCommerceServicesArgs } from "./services";
export { ReplicaFloors, ReplicaFloorsArgs } from "./replica-floors";
export { ConnectionMetrics, RELEASE_TIMEOUT_SECONDS, chartArgs } from "./connection-metrics";
