export { Microservice, MicroserviceArgs } from "./microservice";
export { DATABASE_PASSWORD_ENV, DataEndpoints, ENDPOINT_ENV, LiveCommerceServices, LiveCommerceServicesArgs } from "./services";
