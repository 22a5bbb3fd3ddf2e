// The AWS profile: what the cloud-neutral model needs to know about AWS (CloudProfile), and the
// names the program gives AWS resources itself. Pure: no @pulumi import.

import {
    AURORA_MAX_READ_REPLICAS,
    AWS_SCHEDULED_ACTION_QUOTAS,
    AwsScheduledTier,
    CloudProfile,
    KUBERNETES_DEFERRAL,
    StackSpec,
    appTierBounds,
    appTierDrain,
    awsEventLimit,
    checkAwsPeakActions,
    planServerlessUnits,
    raisesAppCeiling,
    checkTaskGracePeriod,
    shortHash,
    show,
    stackScheduleHorizon,
    tierSchedule,
    unitDrain,
    unitSchedule,
} from "../model";
import { EC2_CATALOGUE, checkAwsServices, databaseLayout } from "./catalogue";
import { checkClusterAutoscaler } from "./cluster-addons";
import { AWS_REGIONS, AWS_RESIDENCY_BOUNDARIES } from "./regions";

/**
 * Seconds an application load balancer keeps an idle connection when `idleTimeout` is unset:
 * aws_lb `idle_timeout`, "Time in seconds that the connection is allowed to be idle. Only valid for
 * Load Balancers of type `application`. Default: 60." (@pulumi/aws 7.48.0 lb/loadBalancer.d.ts).
 */
export const ALB_DEFAULT_IDLE_TIMEOUT_SECONDS = 60;

/**
 * Length limits of the identifiers the program sets itself: ElastiCache replication group ids 40,
 * RDS instance and cluster ids 63. (Load balancers and target groups are auto-named by the provider
 * within their 32-character limit.) `iamRoleLogical`: the logical name of an auto-named IAM role,
 * 64 (IAM API CreateRole `RoleName`: "Maximum length of 64") less the "-" and 7 random characters
 * Pulumi's auto-naming appends (tfbridge AutoName, default random length 7), so the physical name
 * keeps the whole logical name.
 */
export const AWS_NAME_LIMITS = { cacheId: 40, dbId: 63, iamRoleLogical: 64 - 8 } as const;

/** `${base}-${role}` when it fits `max`, else a cut base plus a hash of the full name: unique and stable. */
export function awsName(base: string, role: string, max: number): string {
    const full = `${base}-${role}`;
    if (full.length <= max) return full;
    const tail = `-${shortHash(full)}-${role}`;
    return `${base.slice(0, Math.max(1, max - tail.length)).replace(/-+$/, "")}${tail}`.slice(0, max);
}


/**
 * Instance tag keys allowed when tags are readable in the instance metadata (the app launch template
 * enables it for the connection publisher): "Can only include letters (a-z, A-Z), numbers (0-9), and
 * the following characters: + - = . , _ : @. Can't contain spaces or /. Can't consist only of .
 * (one period), .. (two periods), or _index" (EC2 User Guide, "View tags for your EC2 instances
 * using instance metadata"); a key outside them fails every launch.
 */
export const METADATA_TAG_KEY = /^[a-zA-Z0-9+\-=.,_:@]+$/;

export function checkInstanceTagKeys(spec: Pick<StackSpec, "tags">): string[] {
    return Object.keys(spec.tags)
        .filter((k) => !METADATA_TAG_KEY.test(k) || [".", "..", "_index"].includes(k))
        .map((k) => `tags: key ${show(k)} cannot be an instance tag readable in the instance metadata (the app servers read their group name there); allowed: letters, digits and + - = . , _ : @, not ".", ".." or "_index"`);
}


/**
 * AWS as the model sees it.
 * - Engines: RDS for MySQL and Aurora MySQL; Aurora is the clustered engine (global database,
 *   Serverless v2).
 * - Zones: a zone id is the region id plus one letter (`us-east-1a`).
 * - Scaling: "Amazon EC2 Auto Scaling doesn't support cooldowns for step scaling policies" (EC2
 *   Auto Scaling User Guide, "Step and simple scaling policies"); instances warming up count toward
 *   the current capacity instead, and the scale-in alarm acts every period.
 * - DNS steering: Route 53 health checks every 10 s ("fast" interval) with failure thresholds 1-10;
 *   an alias record to an application load balancer is answered with the load balancer's 60 s TTL.
 * - CDN: CloudFront origin groups hold exactly two members (a primary and one failover origin).
 * - Certificates: CloudFront reads ACM certificates from us-east-1 only; the load balancers get ACM
 *   certificates validated by DNS, so `tls.certificateId` is not needed to deploy.
 */
export const AWS_PROFILE: CloudProfile & { readonly cloud: "aws" } = {
    cloud: "aws",
    title: "AWS",
    engines: ["mysql", "aurora"],
    clusteredEngine: "aurora",
    // Aurora Serverless v2: up to 256 ACU in steps of 0.5 (aws_rds_cluster
    // `serverlessv2_scaling_configuration`, provider v6.66: "a range of `0` up to `256` in steps of
    // `0.5`"); a default floor of 2 ACU. The range is a cluster setting that applies to each
    // db.serverless instance (Amazon Aurora User Guide, "Managing Aurora Serverless v2 DB clusters",
    // "Setting the Aurora Serverless v2 capacity range for a cluster"): the cluster keeps it with
    // provisioned instances (components/aws/database.ts).
    // The floor starts at 0.5: MinCapacity 0 is what engines with auto-pause accept (RDS API
    // ServerlessV2ScalingConfiguration MinCapacity: "For Aurora versions that support the Aurora
    // Serverless v2 auto-pause feature, the smallest value that you can use is 0. For versions that
    // don't support Aurora Serverless v2 auto-pause, the smallest value that you can use is 0.5"),
    // and AURORA_VERSION 3.08.2 does (Aurora MySQL 3.08.0 and higher). 0 ACU turns auto-pause on:
    // an instance without user connections for SecondsUntilAutoPause pauses ("The default is 300
    // seconds", RDS API ServerlessV2ScalingConfigurationInfo SecondsUntilAutoPause), and the first
    // connection waits for it to resume ("It can take up to 15 seconds for the database to
    // resume", AWS Database Blog, "Introducing scaling to 0 capacity with Amazon Aurora Serverless
    // v2"); the feature "helps to manage costs for systems that don't have a stringent service
    // level objective (SLO)" (Aurora User Guide, "Scaling to Zero ACUs with automatic pause and
    // resume for Aurora Serverless v2"). The blueprint's 99.99% target is such an objective.
    serverlessCapacity: {
        unit: "ACU",
        min: 0.5,
        max: 256,
        step: 0.5,
        maxMinCapacity: 256,
        defaultMinCapacity: 2,
        rangeWhileProvisioned: true,
        pause: {
            capacity: 0,
            effect: "an idle db.serverless instance pauses after 300 s without user connections by default, and a connection to a paused instance waits up to about 15 s for it to resume: meant for systems without a stringent service level objective, not a 99.99% live platform",
        },
    },
    regions: AWS_REGIONS,
    residencyBoundaries: AWS_RESIDENCY_BOUNDARIES,
    instances: EC2_CATALOGUE,
    stepScalingCooldown: false,
    // Application Auto Scaling step policies on the ECS services (components/aws/serverless.ts).
    serverlessScaler: "applicationAutoScalingSteps",
    // The share of requests the targets answer with a 5xx (metric math HTTPCode_Target_5XX_Count /
    // RequestCount, serviceAlarmQueries).
    lb5xxMetric: "lb5xxPercent",
    // The Kubernetes project's kubectl of the cluster's minor (shell-free, entrypoint kubectl).
    defaultKubectlImage: (minor: string) => `registry.k8s.io/kubectl:v${minor}.0`,
    // ECS service quota "Tasks per service" is 5,000 (Amazon ECS service quotas), above the
    // services' ceilings (maxReplicas is at most 1,000, schema.ts).
    serverlessInstanceLimit: null,
    dnsHealthCheck: { service: "Route 53", shortestIntervalSeconds: 10, ttlSeconds: 60, failureThresholds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], timeoutSeconds: 4 },
    cdnOriginLimit: 2,
    cdnCertificate: { pattern: /^arn:aws:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]{36}$/, what: "the ARN of an ACM certificate in us-east-1 (CloudFront reads certificates from us-east-1 only)" },
    dnsZoneId: { pattern: /^Z[A-Z0-9]{1,31}$/, what: "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ" },
    // "WebSocket functionality is automatically enabled to work with any distribution" (CloudFront
    // Developer Guide, "Use WebSockets with CloudFront distributions"), given the viewer's
    // Sec-WebSocket-* headers reach the origin (the default behaviour, which serves /ws, forwards
    // every viewer header with the managed AllViewer origin request policy: components/aws/cdn.ts).
    cdnCarriesWebSocket: true,
    // An origin group serves GET, HEAD and OPTIONS only: "CloudFront fails over to the secondary
    // origin only when the HTTP method of the viewer request is GET, HEAD, or OPTIONS" (CloudFront
    // Developer Guide, "Optimize high availability with CloudFront origin failover").
    cdnFailoverReadsOnly: true,
    tlsCertificateRequired: false,
    // A separate region's api-<region> name would need a Route 53 record and a name on the region's
    // ACM certificate, which the AWS edge does not build.
    separateRegions: false,
    check: (spec: StackSpec) => [...checkInstanceTagKeys(spec), ...checkAwsServices(spec), ...checkClusterAutoscaler(spec), ...checkAwsPeakActions(spec), ...checkTaskGracePeriod(spec)],
    // PutScheduledUpdateGroupAction documents no upper limit on StartTime (only "in the past" is an
    // error; EC2 Auto Scaling API Reference), nor does Application Auto Scaling PutScheduledAction.
    scheduleHorizon: null,
    // The scheduled-action quotas (125 per Auto Scaling group, 200 per scalable target): the events
    // that do not fit are deferred to a later pulumi up, never an error (awsEventLimit).
    // An event that raises a tier's ceiling takes one more action, its ceiling lowering (eventDrains, ceilingLowerings).
    // The actions are counted as each tier's schedule declares them (awsScheduledTiers).
    eventLimit: (spec: Pick<StackSpec, "compute" | "scaling" | "events" | "peaks" | "app" | "video" | "kubernetes" | "regions" | "database">, now: number) =>
        awsEventLimit(spec, now, stackScheduleHorizon(spec, null), awsScheduledTiers(spec, now), (event) => raisesAppCeiling(spec, AWS_PROFILE, event)),
    // No horizon: recurring actions run in the peak's own zone without an end (`TimeZone`). On compute
    // kubernetes the pods' one-off floor jobs hold events to KUBERNETES_ONE_OFF_HORIZON (stackScheduleHorizon);
    // their recurring jobs have no end either.
    horizonText: (spec: Pick<StackSpec, "compute">) => (spec.compute === "kubernetes" ? { deferral: KUBERNETES_DEFERRAL, declaredUntil: () => null } : null),
};

/**
 * The tiers of an AWS stack that declare scheduled actions, in each region, with the quota each
 * counts against (AWS_SCHEDULED_ACTION_QUOTAS) and its schedule as the components declare it: the
 * app Auto Scaling group on compute vm (components/aws/autoscaling.ts, 125 per Auto Scaling group),
 * each ECS service's scalable target on compute serverless (components/aws/serverless.ts) and the
 * Aurora readers' scalable target (components/aws/database.ts, ReadCapacity), 200 per scalable
 * target each. The pods of compute kubernetes follow the app tier by floor jobs, no AWS scheduled
 * action. Under AWS_PROFILE's horizon (none).
 */
export function awsScheduledTiers(spec: Pick<StackSpec, "compute" | "scaling" | "events" | "peaks" | "app" | "video" | "kubernetes" | "regions" | "database">, now: number): AwsScheduledTier[] {
    const horizon = stackScheduleHorizon(spec, AWS_PROFILE.scheduleHorizon);
    const target = AWS_SCHEDULED_ACTION_QUOTAS.scalableTarget;
    return spec.regions.flatMap((region): AwsScheduledTier[] => {
        const appDrain = appTierDrain(spec, AWS_PROFILE);
        const app: AwsScheduledTier[] =
            spec.compute === "vm" ? [{ quota: AWS_SCHEDULED_ACTION_QUOTAS.autoScalingGroup, schedule: (limit) => tierSchedule(spec, region, "appGroup", appTierBounds(spec, region), now, horizon, limit, appDrain) }] : [];
        const units: AwsScheduledTier[] =
            spec.compute === "serverless"
                ? planServerlessUnits(spec.kubernetes.services, region).map((unit) => {
                      const drain = unitDrain(spec, AWS_PROFILE, unit);
                      return { quota: target, schedule: (limit) => unitSchedule(spec, region, unit, now, horizon, limit, drain) };
                  })
                : [];
        const layout = databaseLayout(spec, region);
        // As components/aws/region.ts declares the readers' schedule: their count the floor, no drain.
        const readers = layout.kind === "aurora-mysql" ? layout.instances.filter((i) => i.role === "reader").length : null;
        const database: AwsScheduledTier[] =
            readers === null ? [] : [{ quota: target, schedule: (limit) => tierSchedule(spec, region, "readReplicas", { minSize: readers, maxSize: AURORA_MAX_READ_REPLICAS, zones: 1 }, now, horizon, limit) }];
        return [...app, ...units, ...database];
    });
}
