import * as k8s from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { DATABASE_PASSWORD_ENV, DATABASE_SECRET_ENV, REDIS_PASSWORD_ENV, NAMESPACE, PART_OF_LABEL, SERVICE_NAMES, ServiceName, StackSpec, TierSchedule, hpaAssertedBounds, serviceAccountOf, serviceCredentials, serviceNodePort } from "../model";
import { ConnectionMetrics } from "./connection-metrics";
import { Microservice, PodIdentity } from "./microservice";
import { ReplicaFloors } from "./replica-floors";

/**
 * Endpoints of the region's data tier the services connect to. A field is optional until the
 * regional component that provides it exists; an absent field is left out of the ConfigMap (the
 * services then run without that dependency) rather than filled with a made-up host.
 */
export interface DataEndpoints {
    /** Redis (cluster) connection host of the region. */
    readonly redisHost?: pulumi.Input<string>;
    /** Read/write endpoint of the database. */
    readonly databaseHost?: pulumi.Input<string>;
    /** Read-only endpoint of the database (read/write split). */
    readonly databaseReaderHost?: pulumi.Input<string>;
    /** Kafka bootstrap servers, comma separated. */
    readonly kafkaBrokers?: pulumi.Input<string>;
    /** Database password: a secret Output (from @pulumi/random); it goes into a Secret only. */
    readonly databasePassword?: pulumi.Input<string>;
    /** Redis password: a secret Output (from @pulumi/random); it goes into a Secret only. */
    readonly redisPassword?: pulumi.Input<string>;
    /**
     * ARN of the secret that holds the database password (AWS: the RDS-managed master secret), which
     * the database-using services read with their own IAM role (`roleArns`) instead of a Kubernetes Secret.
     */
    readonly databaseSecretArn?: pulumi.Input<string>;
}

const PLAIN_ENDPOINTS = ["redisHost", "databaseHost", "databaseReaderHost", "kafkaBrokers"] as const;
/** Environment variable each plain endpoint is published under in the ConfigMap. */
export const ENDPOINT_ENV: Readonly<Record<(typeof PLAIN_ENDPOINTS)[number], string>> = {
    redisHost: "REDIS_HOST",
    databaseHost: "DATABASE_HOST",
    databaseReaderHost: "DATABASE_READER_HOST",
    kafkaBrokers: "KAFKA_BROKERS",
};
const CREDENTIALS = ["databasePassword", "redisPassword"] as const;
/** Environment variable each credential is published under in the Secret. */
export const CREDENTIAL_ENV: Readonly<Record<(typeof CREDENTIALS)[number], string>> = {
    databasePassword: DATABASE_PASSWORD_ENV,
    redisPassword: REDIS_PASSWORD_ENV,
};

export interface LiveCommerceServicesArgs {
    readonly spec: Pick<StackSpec, "kubernetes" | "scaling" | "appPort" | "stage" | "app">;
    /** Image of the pod floor jobs (kubectlImage of the spec and the cloud's profile); null: the floors are not scheduled. */
    readonly kubectlImage: string | null;
    readonly endpoints: DataEndpoints;
    /** The region's app-group schedule: the pods' floors follow it (ReplicaFloors). Defaults to none: no timed floors (a stack without events or peaks). */
    readonly schedule?: TierSchedule;
    /** The cloud role each service's pods take (EKS: IRSA); a service without one has no cloud identity. */
    readonly identities?: Partial<Record<ServiceName, PodIdentity>>;
}

/**
 * The business tier on Kubernetes: a namespace under the `restricted` Pod Security Standard, the
 * ConfigMap with the region's data-tier endpoints, and the user, product, order and interaction
 * microservices, each with its own service account and a Secret of the credentials it uses
 * (serviceCredentials) and no others.
 */
export class LiveCommerceServices extends pulumi.ComponentResource {
    readonly namespace: pulumi.Output<string>;
    readonly services: Readonly<Record<ServiceName, Microservice>>;

    constructor(name: string, args: LiveCommerceServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:kubernetes:Services", name, {}, opts);
        const { endpoints } = args;
        const labels = { [PART_OF_LABEL]: NAMESPACE };
        const ns = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            {
                metadata: {
                    name: NAMESPACE,
                    labels: { ...labels, "pod-security.kubernetes.io/enforce": "restricted", "pod-security.kubernetes.io/warn": "restricted" },
                },
            },
            { parent: this },
        );
        const namespace = ns.metadata.name;

        const data: Record<string, pulumi.Input<string>> = { APP_STAGE: args.spec.stage };
        for (const field of PLAIN_ENDPOINTS) {
            const value = endpoints[field];
            if (value !== undefined) data[ENDPOINT_ENV[field]] = value;
        }
        const config = new k8s.core.v1.ConfigMap(`${name}-config`, { metadata: { name: "data-endpoints", namespace, labels }, data }, { parent: this });

        // The pods' floors follow the timetable when there is one and a kubectl image to run it (kubectlImage).
        const schedule = args.schedule;
        const image = args.kubectlImage;
        const timed = schedule !== undefined && (schedule.oneOff.length + schedule.recurring.length + (schedule.retained ?? []).length + (schedule.lowerings ?? []).length + (schedule.floorReleases ?? []).length > 0 || schedule.asserted !== undefined);
        // Inside an event's raised window the HPAs carry the raised bounds themselves (hpaAssertedBounds).
        const asserted = schedule === undefined || image === null ? null : hpaAssertedBounds(args.spec, schedule);
        // After the last release the HPAs keep their raised bounds until their drain ends (drainHold).
        const held = schedule?.drainHold !== undefined;
        // Only in an offline plan: pulumi up refuses such a stack first (missingSettings names kubernetes.kubectlImage).
        if (timed && image === null) pulumi.log.warn("kubernetes.kubectlImage is not set: the pods' floors are not scheduled; set it to a kubectl image on a registry the region reaches", this);
        const scheduledFloors = (timed || held) && image !== null;
        const build = (service: ServiceName): Microservice => {
            const access = new Set(serviceCredentials(service));
            const account = new k8s.core.v1.ServiceAccount(
                `${name}-${service}-account`,
                { metadata: { name: serviceAccountOf(service).name, namespace, labels }, automountServiceAccountToken: false },
                { parent: this },
            );
            // This service's credentials only: the database password for the services that use the database, the cache's for all.
            const credentials: Record<string, pulumi.Output<string>> = {};
            if (access.has("database") && endpoints.databasePassword !== undefined) credentials[CREDENTIAL_ENV.databasePassword] = pulumi.secret(endpoints.databasePassword);
            if (access.has("cache") && endpoints.redisPassword !== undefined) credentials[CREDENTIAL_ENV.redisPassword] = pulumi.secret(endpoints.redisPassword);
            const secret =
                Object.keys(credentials).length === 0
                    ? undefined
                    : new k8s.core.v1.Secret(
                          `${name}-${service}-credentials`,
                          { metadata: { name: `${service}-credentials`, namespace, labels }, type: "Opaque", stringData: credentials },
                          { parent: this },
                      );
            const secretArn = access.has("database") ? endpoints.databaseSecretArn : undefined;
            const identity = args.identities?.[service];
            return new Microservice(
                `${name}-${service}`,
                {
                    spec: args.spec,
                    service,
                    namespace,
                    configMapName: config.metadata.name,
                    secretName: secret?.metadata.name,
                    serviceAccountName: account.metadata.name,
                    ...(identity !== undefined ? { identity } : {}),
                    ...(secretArn !== undefined ? { env: { [DATABASE_SECRET_ENV]: secretArn } } : {}),
                    nodePort: serviceNodePort(service),
                    scheduledFloors,
                    ...(asserted === null ? {} : { assertedBounds: asserted[service] }),
                },
                { parent: this },
            );
        };
        // The pods' connection count as the custom metric the connection-holding services' HPAs read.
        new ConnectionMetrics(`${name}-connection-metrics`, { parent: this });
        this.services = { user: build("user"), product: build("product"), order: build("order"), interaction: build("interaction") };
        if (schedule !== undefined && image !== null && timed) {
            new ReplicaFloors(`${name}-floors`, { spec: args.spec, image, namespace, schedule }, { parent: this, dependsOn: Object.values(this.services) });
        }
        this.namespace = namespace;
        this.registerOutputs({ namespace: this.namespace, addresses: SERVICE_NAMES.map((s) => this.services[s].address) });
    }
}
