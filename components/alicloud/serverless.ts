import * as alicloud from "@pulumi/alicloud";
import * as pulumi from "@pulumi/pulumi";

import {
    BusinessRoute,
    PROBES,
    RegionSpec,
    SAE_DAILY_PERIOD,
    ServerlessUnitPlan,
    ServiceName,
    StackSpec,
    TERMINATION_GRACE_SECONDS,
    OneOffAction,
    RecurringAction,
    TierSchedule,
    defaultRoute,
    globalHostnames,
    planServerlessUnits,
    saeMetricPlan,
    oneOffLocal,
    recurringLocalTime,
    serviceImage,
    unitSchedule,
} from "../model";

/** Endpoints the services read from their environment (host names only; credentials stay out of SAE env). */
export interface ServiceEndpoints {
    readonly databaseHost: pulumi.Input<string>;
    readonly databaseReaderHost: pulumi.Input<string> | null;
    readonly redisHost: pulumi.Input<string>;
    readonly kafkaBrokers: pulumi.Input<string> | null;
}

export interface ServerlessAppsArgs {
    readonly spec: StackSpec;
    readonly region: RegionSpec;
    readonly vpcId: pulumi.Input<string>;
    /** Private vSwitch of every zone: the instances spread over all of them. */
    readonly vswitchIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    /** The region's ALB: the SAE ingress creates the HTTPS listener and its path rules on it. */
    readonly loadBalancerId: pulumi.Input<string>;
    readonly routes: readonly BusinessRoute[];
    readonly endpoints: ServiceEndpoints;
    /** The instant the timetable is planned against (epoch ms; the program passes the wall clock). */
    readonly now: number;
    readonly tags: Record<string, string>;
}

/**
 * Time zone of the applications and therefore of their timed rules. SAE's default is
 * Asia/Shanghai (alicloud_sae_application `timezone`: "Default value: Asia/Shanghai"); the
 * blueprint sets it explicitly and writes every timer time in it.
 */
export const SAE_TIME_ZONE = "Asia/Shanghai";
/** SAE namespace short ids: "up to 20 characters ... only lowercase letters and digits" (alicloud_sae_namespace). */
const NAMESPACE_SHORT_ID_MAX = 20;

/**
 * The business tier on Serverless App Engine: a namespace, one Image application per service over
 * every zone's vSwitch (at least one instance per zone), readiness and liveness probes on the same
 * paths as the Kubernetes tier, one mixed scaling rule per service (metric rules at the seed's
 * thresholds plus the recurring peaks' timer), one mixed rule per planned event (its days only),
 * and one SAE ingress that creates the ALB's HTTPS listener with a path rule per service.
 */
export class ServerlessApps extends pulumi.ComponentResource {
    readonly namespaceId: pulumi.Output<string>;
    readonly appIds: Readonly<Record<ServiceName, pulumi.Output<string>>>;
    readonly ingressId: pulumi.Output<string>;

    constructor(name: string, args: ServerlessAppsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:alicloud:ServerlessApps", name, {}, opts);
        const { spec, region, tags } = args;
        const shortId = `${spec.prefix}${region.name.replace(/-/g, "")}`.slice(0, NAMESPACE_SHORT_ID_MAX);
        const namespace = new alicloud.sae.Namespace(
            `${name}-namespace`,
            { namespaceName: name, namespaceShortId: shortId, namespaceDescription: `${spec.project} ${region.name}`, enableMicroRegistration: false },
            { parent: this },
        );
        // SAE takes the vSwitches of an application as one comma-separated VSwitchId (as RDS does).
        const vswitchId = pulumi.all(args.vswitchIds).apply((ids) => ids.join(","));
        const envs = pulumi
            .all([args.endpoints.databaseHost, args.endpoints.databaseReaderHost ?? "", args.endpoints.redisHost, args.endpoints.kafkaBrokers ?? ""])
            .apply(([db, reader, redis, kafka]) =>
                JSON.stringify(
                    [
                        { name: "DATABASE_HOST", value: db },
                        { name: "DATABASE_READER_HOST", value: reader },
                        { name: "REDIS_HOST", value: redis },
                        { name: "KAFKA_BROKERS", value: kafka },
                    ].filter((e) => e.value !== ""),
                ),
            );
        const units = planServerlessUnits(spec.kubernetes.services, region);
        const apps = new Map<ServiceName, alicloud.sae.Application>();
        for (const unit of units) {
            const probe = (p: (typeof PROBES)["readiness"]) => ({
                httpGet: { path: p.httpGet.path, port: spec.appPort, scheme: "HTTP" },
                periodSeconds: p.periodSeconds,
                timeoutSeconds: p.timeoutSeconds,
                failureThreshold: p.failureThreshold,
            });
            const app = new alicloud.sae.Application(
                `${name}-${unit.service}`,
                {
                    appName: `${spec.prefix}-${unit.service}`,
                    appDescription: `${spec.project} ${unit.service} service`,
                    namespaceId: namespace.namespaceId,
                    packageType: "Image",
                    imageUrl: serviceImage(spec.kubernetes, unit.service),
                    programmingLanguage: "other",
                    cpu: unit.vcpu * 1000,
                    memory: unit.memoryGiB * 1024,
                    replicas: unit.minInstances,
                    vpcId: args.vpcId,
                    vswitchId,
                    securityGroupId: args.securityGroupId,
                    timezone: SAE_TIME_ZONE,
                    envs,
                    readinessV2: { ...probe(PROBES.readiness), successThreshold: PROBES.readiness.successThreshold, initialDelaySeconds: 0 },
                    livenessV2: { ...probe(PROBES.liveness), initialDelaySeconds: PROBES.startup.periodSeconds * PROBES.startup.failureThreshold },
                    terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
                    // Rolling releases keep at least one instance per zone serving.
                    minReadyInstances: region.zones.length,
                    minReadyInstanceRatio: -1,
                    autoEnableApplicationScalingRule: true,
                    tags: { ...tags, service: unit.service },
                },
                { parent: this },
            );
            apps.set(unit.service, app);
            this.scalingRules(name, app, unit, unitSchedule(spec, region, unit, args.now), spec, args.now);
        }
        const appOf = (service: ServiceName): alicloud.sae.Application => {
            const a = apps.get(service);
            if (a === undefined) throw new pulumi.ResourceError(`no SAE application for ${service}`, this);
            return a;
        };
        const serviceOf = (route: BusinessRoute): ServiceName => {
            if (route.target.kind !== "service") throw new pulumi.ResourceError(`route ${route.name} targets the VM app group, which compute serverless does not have`, this);
            return route.target.service;
        };
        const hosts = Object.values(globalHostnames(spec));
        const fallback = defaultRoute(args.routes);
        const ingress = new alicloud.sae.Ingress(
            `${name}-ingress`,
            {
                namespaceId: namespace.namespaceId,
                slbId: args.loadBalancerId,
                loadBalanceType: "alb",
                listenerPort: 443,
                listenerProtocol: "HTTPS",
                ...(spec.tls.certificateId !== null ? { certIds: spec.tls.certificateId } : {}),
                description: `${name} HTTPS`,
                // SAE ingress paths are prefixes: the first pattern of each route ("/api/users", "/order", "/ws").
                rules: args.routes
                    .filter((r) => r.pathPatterns.length > 0)
                    .flatMap((route) =>
                        hosts.map((domain) => ({
                            appId: appOf(serviceOf(route)).id,
                            appName: appOf(serviceOf(route)).appName,
                            containerPort: spec.appPort,
                            domain,
                            path: route.pathPatterns[0],
                            backendProtocol: "http",
                        })),
                    ),
                defaultRule: { appId: appOf(serviceOf(fallback)).id, appName: appOf(serviceOf(fallback)).appName, containerPort: spec.appPort },
            },
            { parent: this },
        );

        this.namespaceId = namespace.namespaceId;
        this.appIds = { user: appOf("user").id, product: appOf("product").id, order: appOf("order").id, interaction: appOf("interaction").id };
        this.ingressId = ingress.id;
        this.registerOutputs({ namespaceId: this.namespaceId, ingressId: this.ingressId });
    }

    /**
     * Metric rules and recurring peaks in one `mix` rule (SAE combines a timer with metric rules in
     * one rule of type mix: alicloud_sae_application_scaling_rule `scaling_rule_type` "mix",
     * `scaling_rule_timer.schedules` with min/max replicas); one more `mix` rule per planned event,
     * limited to its days by begin and end date, its schedules lifting the floor before the start and
     * restoring the bounds after the end.
     */
    private scalingRules(name: string, app: alicloud.sae.Application, unit: ServerlessUnitPlan, timed: TierSchedule, spec: StackSpec, now: number): void {
        const m = saeMetricPlan(spec, unit);
        const metric = {
            minReplicas: unit.minInstances,
            maxReplicas: unit.maxInstances,
            metrics: [
                { metricType: "CPU", metricTargetAverageUtilization: m.cpuPercent },
                { metricType: "tcpActiveConn", metricTargetAverageUtilization: m.tcpActiveConnections },
            ],
            scaleUpRules: { step: m.scaleUp.step, stabilizationWindowSeconds: m.scaleUp.stabilizationWindowSeconds, disabled: false },
            scaleDownRules: { step: m.scaleDown.step, stabilizationWindowSeconds: m.scaleDown.stabilizationWindowSeconds, disabled: false },
        };
        const daily = (t: RecurringAction) => ({ atTime: recurringLocalTime(t, SAE_TIME_ZONE, now), minReplicas: t.minSize, maxReplicas: t.maxSize });
        const once = (t: OneOffAction) => ({ atTime: oneOffLocal(t, SAE_TIME_ZONE).time, minReplicas: t.minSize, maxReplicas: t.maxSize });
        new alicloud.sae.ApplicationScalingRule(
            `${name}-${unit.service}-scaling`,
            {
                appId: app.id,
                scalingRuleName: `${unit.service}-elastic`,
                scalingRuleEnable: true,
                scalingRuleType: timed.recurring.length > 0 ? "mix" : "metric",
                scalingRuleMetric: metric,
                ...(timed.recurring.length > 0 ? { scalingRuleTimer: { period: SAE_DAILY_PERIOD, schedules: timed.recurring.map(daily) } } : {}),
            },
            { parent: this },
        );
        const events = new Map<string, OneOffAction[]>();
        for (const t of timed.oneOff) events.set(t.source, [...(events.get(t.source) ?? []), t]);
        for (const [event, changes] of events) {
            const dates = changes.map((t) => oneOffLocal(t, SAE_TIME_ZONE).date).sort();
            new alicloud.sae.ApplicationScalingRule(
                `${name}-${unit.service}-event-${event}`,
                {
                    appId: app.id,
                    scalingRuleName: `${unit.service}-${event}`.slice(0, 32),
                    scalingRuleEnable: true,
                    scalingRuleType: "mix",
                    scalingRuleMetric: metric,
                    scalingRuleTimer: { beginDate: dates[0], endDate: dates[dates.length - 1], period: SAE_DAILY_PERIOD, schedules: changes.map(once) },
                },
                { parent: this },
            );
        }
    }
}
