import * as k8s from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { PATCH_FORCE_ANNOTATION } from "./microservice";
import { NAMESPACE, PART_OF_LABEL, RUN_AS_USER, SERVICE_NAMES, ServiceName, FLOOR_JOB_STARTING_DEADLINE_SECONDS, StackSpec, TierSchedule, boundedName, localCron, oneOffCron, podBoundsView } from "../model";

export interface ReplicaFloorsArgs {
    readonly spec: Pick<StackSpec, "app" | "kubernetes">;
    /** The kubectl image the jobs run (kubectlImage: kubernetes.kubectlImage or the cloud's default). */
    readonly image: string;
    readonly namespace: pulumi.Input<string>;
    /** The app group's schedule of the region (tierSchedule, tier appGroup): the pod floors follow its floors. */
    readonly schedule: TierSchedule;
}

/**
 * Longest CronJob name: "The name must be no longer than 52 characters. This is because the CronJob
 * controller will automatically append 11 characters to the name you provide" (Kubernetes
 * documentation, CronJob, "Writing a CronJob spec"). Longer keys (an event name of up to 32
 * characters with `-restore-<yyyymmddhhmm>`) are cut with a hash (boundedName), never to a shared prefix.
 */
export const CRONJOB_NAME_MAX = 52;


/**
 * The pods' floors on the app group's timetable: one CronJob per scheduled action, one container
 * per service running `kubectl patch hpa <service> --type merge -p {"spec":{"minReplicas":N,"maxReplicas":M}}`
 * (the floor from podFloors, the one ceiling of every job from podCeilings), under a service account that may only patch the namespace's
 * HorizontalPodAutoscalers and the one-off CronJobs. Recurring actions run on the peak's cron in its IANA zone
 * (CronJob `timeZone`); one-off ones on their UTC minute (cron has no year: a later `pulumi up`
 * after the event removes the job, as past events declare nothing, and its run suspends its own
 * CronJob, so it never runs a year later without one; the service account may patch those CronJobs alone). The cluster autoscaler adds the
 * nodes the raised floors need.
 */
export class ReplicaFloors extends pulumi.ComponentResource {
    constructor(name: string, args: ReplicaFloorsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:kubernetes:ReplicaFloors", name, {}, opts);
        const { image, namespace, schedule, spec } = args;
        const labels = { [PART_OF_LABEL]: NAMESPACE };
        const meta = (n: string) => ({ name: n, namespace, labels });
        const account = new k8s.core.v1.ServiceAccount(`${name}-account`, { metadata: meta("replica-floors") }, { parent: this });
        // Each job's maxReplicas are sized on the app floors in force at its instant (actionNeeds,
        // podCeilings: podBoundsView, the view the schedule's invariant check replays): a release never
        // lowers maxReplicas below the running pods, and no job of a later event patches a drained
        // event's raised maxReplicas again.
        const view = (service: ServiceName) => podBoundsView(spec, schedule, service);
        const replicas = (b: { minSize: number; maxSize: number }) => ({ minReplicas: b.minSize, maxReplicas: b.maxSize });
        const jobs: { key: string; cron: string; timeZone: string; once?: true; patch: (service: ServiceName) => { minReplicas?: number; maxReplicas?: number } }[] = [
            // A release stays declared RELEASE_RETENTION_MINUTES after its instant (TierSchedule.retained):
            // its job may start up to FLOOR_JOB_STARTING_DEADLINE_SECONDS late, and deleting the CronJob
            // (Foreground propagation) would delete the Job still running.
            ...[...schedule.oneOff, ...(schedule.retained ?? [])].map((a) => ({ key: a.key, cron: oneOffCron(a.at), timeZone: "Etc/UTC", once: true as const, patch: (s: ServiceName) => replicas(view(s).oneOff(a)) })),
            ...schedule.recurring.map((a) => ({ key: a.key, cron: localCron(a), timeZone: a.timeZone, patch: (s: ServiceName) => replicas(view(s).recurring(a)) })),
            // A drained event's raised maxReplicas go back when the pods' drain ends (CeilingLowering):
            // the job patches maxReplicas alone, to the ceilings the needs and the floor in force then
            // hold (never below minReplicas), leaving minReplicas to the floor jobs.
            ...(schedule.lowerings ?? []).map((a) => ({ key: a.key, cron: oneOffCron(a.at), timeZone: "Etc/UTC", once: true as const, patch: (s: ServiceName) => ({ maxReplicas: view(s).lowering(a) }) })),
            // The release of an event whose audience no longer lifts the pods patches minReplicas
            // alone (FloorRelease), leaving the maxReplicas in force. Its CronJob keeps the full
            // release's name (`<event>-release`): a CronJob is updated in place (a Job it has started
            // runs on), where deleting it would delete a release job still running; kept declared
            // RELEASE_RETENTION_MINUTES after its minute, as a retained release is.
            ...(schedule.floorReleases ?? []).map((a) => ({ key: `${a.source}-release`, cron: oneOffCron(a.at), timeZone: "Etc/UTC", once: true as const, patch: (s: ServiceName) => ({ minReplicas: view(s).floorRelease(a) }) })),
        ];
        const cronJobName = (key: string): string => boundedName(`floor-${key}`, CRONJOB_NAME_MAX);
        // A one-off job's cron has no year (oneOffCron): its run suspends its own CronJob (CronJobSpec
        // suspend: "This flag tells the controller to suspend subsequent executions, it does not apply
        // to already started executions. Defaults to false."), so it never runs again a year later if
        // no up removes it. The account may patch only those CronJobs (resourceNames).
        const onceNames = jobs.filter((j) => j.once === true).map((j) => cronJobName(j.key));
        const role = new k8s.rbac.v1.Role(
            `${name}-role`,
            {
                metadata: meta("replica-floors"),
                rules: [
                    { apiGroups: ["autoscaling"], resources: ["horizontalpodautoscalers"], resourceNames: [...SERVICE_NAMES], verbs: ["patch"] },
                    // An empty resourceNames would allow every CronJob: the rule only with one-off jobs.
                    ...(onceNames.length === 0 ? [] : [{ apiGroups: ["batch"], resources: ["cronjobs"], resourceNames: onceNames, verbs: ["patch"] }]),
                ],
            },
            { parent: this },
        );
        new k8s.rbac.v1.RoleBinding(
            `${name}-binding`,
            {
                metadata: meta("replica-floors"),
                roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: role.metadata.name },
                subjects: [{ kind: "ServiceAccount", name: account.metadata.name, namespace }],
            },
            { parent: this },
        );
        for (const job of jobs) {
            new k8s.batch.v1.CronJob(
                `${name}-${job.key}`,
                {
                    // Applied with Force (PATCH_FORCE_ANNOTATION): the job's own patch moves spec.suspend to
                    // kubectl's field manager, and an up that changes the CronJob (a moved instant)
                    // sends suspend false again, which a Server-Side Apply conflict would refuse.
                    metadata: job.once === true ? { ...meta(cronJobName(job.key)), annotations: { [PATCH_FORCE_ANNOTATION]: "true" } } : meta(cronJobName(job.key)),
                    spec: {
                        schedule: job.cron,
                        timeZone: job.timeZone,
                        ...(job.once === true ? { suspend: false } : {}),
                        concurrencyPolicy: "Forbid",
                        startingDeadlineSeconds: FLOOR_JOB_STARTING_DEADLINE_SECONDS,
                        jobTemplate: {
                            spec: {
                                backoffLimit: 3,
                                template: {
                                    metadata: { labels },
                                    spec: {
                                        serviceAccountName: account.metadata.name,
                                        restartPolicy: "OnFailure",
                                        securityContext: { runAsNonRoot: true, runAsUser: RUN_AS_USER, runAsGroup: RUN_AS_USER, seccompProfile: { type: "RuntimeDefault" } },
                                        containers: [
                                            ...SERVICE_NAMES.map((service) => ({ name: service, args: ["patch", "hpa", service, "--namespace", NAMESPACE, "--type", "merge", "--patch", JSON.stringify({ spec: job.patch(service) })] })),
                                            ...(job.once === true ? [{ name: "once", args: ["patch", "cronjob", cronJobName(job.key), "--namespace", NAMESPACE, "--type", "merge", "--patch", JSON.stringify({ spec: { suspend: true } })] }] : []),
                                        ].map((c) => ({
                                            ...c,
                                            image,
                                            resources: { requests: { cpu: "10m", memory: "32Mi" }, limits: { cpu: "100m", memory: "64Mi" } },
                                            securityContext: { runAsNonRoot: true, allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
                                        })),
                                    },
                                },
                            },
                        },
                    },
                },
                { parent: this },
            );
        }
        this.registerOutputs({});
    }
}
