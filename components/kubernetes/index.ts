export { Microservice, MicroserviceArgs } from "./microservice";
export { CREDENTIAL_ENV, DataEndpoints, ENDPOINT_ENV, LiveCommerceServices, LiveCommerceServicesArgs } from "./services";
export { ReplicaFloors, ReplicaFloorsArgs } from "./replica-floors";
