import * as k8s from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    POD_CONNECTIONS_METRIC,
    CONTAINER_SECURITY_CONTEXT,
    HTTP_PORT_NAME,
    WebIdentityToken,
    PDB_MAX_UNAVAILABLE,
    POD_SECURITY_CONTEXT,
    PROBES,
    SERVICE_PORT,
    SERVICE_RESOURCES,
    ServiceName,
    StackSpec,
    TERMINATION_GRACE_SECONDS,
    TMP_VOLUME,
    hostAntiAffinity,
    hpaIgnoreChanges,
    planHpa,
    podLabels,
    serviceImage,
    zoneSpread,
} from "../model";

/**
 * The annotation under which pulumi-kubernetes applies with Force (provider/pkg/await/await.go
 * patchForce: metadata.AnnotationPatchForce "pulumi.com/patchForce").
 */
export const PATCH_FORCE_ANNOTATION = "pulumi.com/patchForce";

/** A cloud role the pods take with a projected service account token (the cloud gives the token's shape). */
export interface PodIdentity {
    readonly token: WebIdentityToken;
    readonly roleArn: pulumi.Input<string>;
}

/** The projected token volume, its mount and the variables of a pod identity; empty without one. */
function webIdentity(identity: PodIdentity | undefined) {
    if (identity === undefined) return { volumes: [], mounts: [], env: [] };
    const t = identity.token;
    return {
        volumes: [{ name: t.volume, projected: { sources: [{ serviceAccountToken: { audience: t.audience, expirationSeconds: t.expirationSeconds, path: t.path } }] } }],
        mounts: [{ name: t.volume, mountPath: t.directory, readOnly: true }],
        env: [
            { name: t.roleEnv, value: identity.roleArn },
            { name: t.tokenFileEnv, value: `${t.directory}/${t.path}` },
        ],
    };
}

export interface MicroserviceArgs {
    readonly spec: Pick<StackSpec, "kubernetes" | "scaling" | "appPort">;
    readonly service: ServiceName;
    readonly namespace: pulumi.Input<string>;
    /** ConfigMap whose keys become the container's environment (endpoints of the region's data tier). */
    readonly configMapName: pulumi.Input<string>;
    /** Secret whose keys become the container's environment (this service's credentials only). Defaults to none (the service needs no credential). */
    readonly secretName?: pulumi.Input<string>;
    /** The service account the pods run as (its cloud identity, when annotated with one). */
    readonly serviceAccountName: pulumi.Input<string>;
    /** The cloud role the pods take (a projected token and the SDK's web identity variables, e.g. IRSA). Defaults to none. */
    readonly identity?: PodIdentity;
    /** Further plain environment variables of the container (e.g. the name of a secret it reads with its identity). Defaults to none. */
    readonly env?: Readonly<Record<string, pulumi.Input<string>>>;
    /** Expose the service on this node port (type NodePort) for the load balancer. Defaults to none: a ClusterIP service. */
    readonly nodePort?: number;
    /**
     * The HPA's minReplicas is set on a timetable by the floor CronJobs (ReplicaFloors): Pulumi then
     * sets it at creation only. Defaults to false (Pulumi keeps minReplicas).
     */
    readonly scheduledFloors?: boolean;
    /**
     * The HPA bounds an up inside an event's raised window sets itself (hpaAssertedBounds): Pulumi
     * then applies minReplicas and maxReplicas, forcing the ownership the floor jobs' `kubectl
     * patch` holds. Defaults to none.
     */
    readonly assertedBounds?: { readonly minReplicas: number; readonly maxReplicas: number };
}

/**
 * One live-commerce microservice: Deployment (non-root, read-only root filesystem, zone spread,
 * host anti-affinity, probes that act within 10 s), ClusterIP Service, HorizontalPodAutoscaler
 * (autoscaling/v2) and PodDisruptionBudget. Deploys to whichever cluster the `kubernetes` provider
 * of its parent points at.
 */
export class Microservice extends pulumi.ComponentResource {
    readonly deploymentName: pulumi.Output<string>;
    readonly serviceName: pulumi.Output<string>;
    /** In-cluster address of the service, e.g. order.live-commerce.svc.cluster.local:80. */
    readonly address: pulumi.Output<string>;

    constructor(name: string, args: MicroserviceArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:kubernetes:Microservice", name, {}, opts);
        const { spec, service, namespace } = args;
        const settings = spec.kubernetes.services[service];
        if (settings.minReplicas > settings.maxReplicas) {
            throw new pulumi.ResourceError(`kubernetes.services.${service}: minReplicas ${settings.minReplicas} > maxReplicas ${settings.maxReplicas}`, this);
        }
        const labels = podLabels(service);
        const metadata = { name: service, namespace, labels };
        const hpa = planHpa(spec, service);
        const asserted = args.assertedBounds;
        const identity = webIdentity(args.identity);

        const deployment = new k8s.apps.v1.Deployment(
            `${name}-deployment`,
            {
                metadata,
                spec: {
                    replicas: settings.minReplicas,
                    selector: { matchLabels: labels },
                    strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: 0, maxSurge: "25%" } },
                    template: {
                        metadata: { labels },
                        spec: {
                            serviceAccountName: args.serviceAccountName,
                            // No Kubernetes API token: the services never call the API server. A cloud
                            // identity (IRSA) comes as its own projected token, injected by EKS for a
                            // service account annotated with a role.
                            automountServiceAccountToken: false,
                            terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
                            securityContext: POD_SECURITY_CONTEXT,
                            topologySpreadConstraints: zoneSpread(service),
                            affinity: hostAntiAffinity(service),
                            volumes: [{ name: TMP_VOLUME.name, emptyDir: { sizeLimit: TMP_VOLUME.sizeLimit } }, ...identity.volumes],
                            containers: [
                                {
                                    name: service,
                                    image: serviceImage(spec.kubernetes, service),
                                    ports: [{ name: HTTP_PORT_NAME, containerPort: spec.appPort, protocol: "TCP" }],
                                    env: [{ name: "SERVICE_NAME", value: service }, ...identity.env, ...Object.entries(args.env ?? {}).map(([k, v]) => ({ name: k, value: v }))],
                                    envFrom: [
                                        { configMapRef: { name: args.configMapName } },
                                        ...(args.secretName === undefined ? [] : [{ secretRef: { name: args.secretName } }]),
                                    ],
                                    resources: SERVICE_RESOURCES[service],
                                    readinessProbe: PROBES.readiness,
                                    livenessProbe: PROBES.liveness,
                                    startupProbe: PROBES.startup,
                                    securityContext: CONTAINER_SECURITY_CONTEXT,
                                    volumeMounts: [{ name: TMP_VOLUME.name, mountPath: TMP_VOLUME.mountPath }, ...identity.mounts],
                                },
                            ],
                        },
                    },
                },
            },
            // The autoscaler owns the replica count once running; `replicas` only seeds the first rollout.
            { parent: this, ignoreChanges: ["spec.replicas"] },
        );

        const svc = new k8s.core.v1.Service(
            `${name}-service`,
            {
                metadata,
                spec:
                    args.nodePort === undefined
                        ? { type: "ClusterIP", selector: labels, ports: [{ name: HTTP_PORT_NAME, port: SERVICE_PORT, targetPort: HTTP_PORT_NAME, protocol: "TCP" }] }
                        : { type: "NodePort", selector: labels, ports: [{ name: HTTP_PORT_NAME, port: SERVICE_PORT, targetPort: HTTP_PORT_NAME, nodePort: args.nodePort, protocol: "TCP" }] },
            },
            { parent: this },
        );

        const cpu = { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: hpa.metrics.cpuAverageUtilization } } };
        const connections =
            hpa.metrics.connectionsAverageValue === null
                ? []
                : [{ type: "Pods", pods: { metric: { name: POD_CONNECTIONS_METRIC }, target: { type: "AverageValue", averageValue: String(hpa.metrics.connectionsAverageValue) } } }];
        const { scaleUp, scaleDown } = hpa.behavior;
        new k8s.autoscaling.v2.HorizontalPodAutoscaler(
            `${name}-hpa`,
            {
                // Always applied with Force: a floor job's `kubectl patch` (an Update) moves
                // spec.minReplicas/maxReplicas to its own field manager, and any later up that sends
                // them (an asserted floor, the everyday bounds once the drain hold ends or a peak is
                // removed) would fail with a Server-Side Apply conflict. pulumi-kubernetes forces an
                // apply only under the pulumi.com/patchForce annotation, the provider's
                // enablePatchForce or PULUMI_K8S_ENABLE_PATCH_FORCE ("The pulumi.com/patchForce
                // annotation on the resource" first; provider docs, enablePatchForce;
                // provider/pkg/await/await.go patchForce). Under ignoreChanges the fields another
                // manager owns are dropped from the apply (pulumi-kubernetes#2566), so Force takes
                // nothing from the floor jobs then.
                metadata: { ...metadata, annotations: { [PATCH_FORCE_ANNOTATION]: "true" } },
                spec: {
                    scaleTargetRef: { apiVersion: "apps/v1", kind: "Deployment", name: deployment.metadata.name },
                    minReplicas: asserted?.minReplicas ?? settings.minReplicas,
                    maxReplicas: asserted?.maxReplicas ?? settings.maxReplicas,
                    metrics: [cpu, ...connections],
                    behavior: {
                        scaleUp: {
                            stabilizationWindowSeconds: scaleUp.stabilizationWindowSeconds,
                            selectPolicy: "Max",
                            policies: [
                                { type: "Percent", value: scaleUp.percent, periodSeconds: scaleUp.periodSeconds },
                                { type: "Pods", value: scaleUp.pods, periodSeconds: scaleUp.periodSeconds },
                            ],
                        },
                        // Max of the two: scaleInStepPercent of the pods, at least scaleInStep pods.
                        scaleDown: {
                            stabilizationWindowSeconds: scaleDown.stabilizationWindowSeconds,
                            selectPolicy: "Max",
                            policies: [
                                { type: "Percent", value: scaleDown.percent, periodSeconds: scaleDown.periodSeconds },
                                { type: "Pods", value: scaleDown.pods, periodSeconds: scaleDown.periodSeconds },
                            ],
                        },
                    },
                },
            },
            // With floors on a timetable, one owner of spec.minReplicas after creation: the floor CronJobs (replica-floors.ts) patch it
            // on the timetable. With server-side apply, pulumi-kubernetes drops an ignoreChanges field
            // from its apply when another field manager owns it on the cluster ("Drop the field from the
            // inputs if it is present on the cluster and not managed by the current field manager. This
            // ensures that we don't get any conflict errors", pulumi-kubernetes#2566, v4.3.0), so the next
            // `pulumi up` neither fights nor co-owns the floor. A changed minReplicas reaches the HPA
            // through the floor jobs' release action (docs/SCALING.md, "Pods").
            { parent: this, ignoreChanges: hpaIgnoreChanges(args.scheduledFloors === true, asserted !== undefined) },
        );

        new k8s.policy.v1.PodDisruptionBudget(
            `${name}-pdb`,
            { metadata, spec: { maxUnavailable: PDB_MAX_UNAVAILABLE, selector: { matchLabels: labels } } },
            { parent: this },
        );

        this.deploymentName = deployment.metadata.name;
        this.serviceName = svc.metadata.name;
        this.address = pulumi.interpolate`${svc.metadata.name}.${svc.metadata.namespace}.svc.cluster.local:${SERVICE_PORT}`;
        this.registerOutputs({ deploymentName: this.deploymentName, serviceName: this.serviceName, address: this.address });
    }
}
