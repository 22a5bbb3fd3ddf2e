import * as alicloud from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import {
    BusinessRoute,
    APP_WARM_UP_SECONDS,
    PROBES,
    RegionSpec,
    AlarmLevel,
    SAE_TIME_ZONE,
    SERVICE_ALARM_METRICS,
    ServerlessUnitPlan,
    ServiceName,
    StackSpec,
    TERMINATION_GRACE_SECONDS,
    declarableEvents,
    defaultRoute,
    regionHostnames,
    planServerlessUnits,
    saeMetricPlan,
    saeReleasePlan,
    saeUnitTimers,
    SaeTimer,
    serviceAlarmRules,
    serviceImage,
    SERVICE_DATA_ACCESS,
    serviceCredentialEnvs,
    unitDrain,
    WEBSOCKET_PING_ENV,
    websocketPingSeconds,
    cidrLabel,
    portRange,
    serviceDataRules,
    DATA_PORTS,
    RouteName,
    hostOfRoute,
    saeEventRuleSuffix,
} from "../model";
import { DATABASE_PASSWORD_KEY, REDIS_PASSWORD_KEY, saeEnvs } from "./identity";
import { cmsServiceMetric } from "./metrics";
import { cmsAlarm } from "./monitoring";
import { ALB_DEFAULT_IDLE_TIMEOUT_SECONDS, ALICLOUD_PROFILE, ALICLOUD_SCHEDULE_HORIZON } from "./profile";

/** Endpoints the services read from their environment (host names only; the passwords reach them by ConfigMap reference). */
export interface ServiceEndpoints {
    readonly databaseHost: pulumi.Input<string>;
    readonly databaseReaderHost: pulumi.Input<string> | null;
    readonly redisHost: pulumi.Input<string>;
    readonly kafkaBrokers: pulumi.Input<string> | null;
}

/**
 * What the serverless tier reads of the stack spec: the name prefix and project (namespace id and
 * descriptions), the domain, regions and residency (the ingress hostnames: regionHostnames), the app port, the services (images, sizes,
 * instance bounds), the scaling thresholds, the alarm thresholds, the events and peaks it is
 * scheduled for, the app group's floor (the capacity an event needs is sized against it) and the
 * listener certificate (`tls.certificateId`), and the database the profiles' event limits read
 * (CloudProfile.eventLimit).
 */
export type ServerlessServicesSpec = Pick<StackSpec, "prefix" | "project" | "domain" | "regions" | "residency" | "appPort" | "kubernetes" | "scaling" | "monitoring" | "events" | "peaks" | "app" | "tls" | "queue" | "compute" | "video" | "database">;

/** Inputs of ServerlessServices on Alibaba Cloud (SAE). Every field is required. */
export interface ServerlessServicesArgs {
    readonly spec: ServerlessServicesSpec;
    /** The region: its name and zones (the instances spread over every zone's vSwitch). */
    readonly region: RegionSpec;
    readonly vpcId: pulumi.Input<string>;
    /** Private vSwitch of every zone: the instances spread over all of them. */
    readonly vswitchIds: pulumi.Input<string>[];
    /**
     * The CIDR blocks the ALB reaches the applications from (its zones' vSwitches, the private
     * vSwitches of the region): each application's own security group admits them on the app port.
     */
    readonly loadBalancerCidrs: readonly string[];
    /**
     * The data tier's security group (Kafka's): it admits each application's group on the ports of
     * that service's data-tier rules enforced by a security group (serviceDataRules; the database and
     * the cache admit by IP whitelist, the region's private vSwitches).
     */
    readonly dataSecurityGroupId: pulumi.Input<string>;
    /** The region's ALB: the SAE ingress creates the HTTPS listener and its path rules on it. */
    readonly loadBalancerId: pulumi.Input<string>;
    readonly routes: readonly BusinessRoute[];
    /** The host name each path route takes (routeHostnames: the WebSocket and order routes); null: every name the region answers (regionHostnames). */
    readonly routeHosts: Readonly<Record<RouteName, string | null>>;
    readonly endpoints: ServiceEndpoints;
    /**
     * The database account the services that use the database (SERVICE_DATA_ACCESS) log in with.
     * The password is written into each such application's own ConfigMap and reaches the containers
     * by reference (envs `valueFrom.configMapRef`), so the application's `envs` never hold it.
     */
    readonly databaseCredential: { readonly username: string; readonly password: pulumi.Input<string> };
    /** The cache password (secret): in the ConfigMap of every application whose service uses the cache, referenced as REDIS_PASSWORD. */
    readonly cachePassword: pulumi.Input<string>;
    /** The CloudMonitor contact group of each alarm level: the per-application alarms notify them. */
    readonly contactGroups: Readonly<Record<AlarmLevel, pulumi.Input<string>>>;
    /** The instant the timetable is planned against (epoch ms; the program passes the wall clock). */
    readonly now: number;
    readonly tags: Record<string, string>;
}

/** Properties of an SAE application a later `pulumi up` leaves as the scaling rules set them (see the application's options). */
export const SAE_APPLICATION_IGNORE_CHANGES = ["replicas"] as const;

/** SAE namespace short ids: "up to 20 characters ... only lowercase letters and digits" (alicloud_sae_namespace). */
const NAMESPACE_SHORT_ID_MAX = 20;
/** SAE scaling rule names: "It cannot exceed 32 characters in length" (UpdateApplicationScalingRule ScalingRuleName). */
const SAE_RULE_NAME_MAX = 32;

/**
 * The business tier on Serverless App Engine: a namespace, one Image application per service over
 * every zone's vSwitch (at least one instance per zone), readiness and liveness probes on the same
 * paths as the Kubernetes tier, mixed scaling rules per service (metric rules at the seed's
 * thresholds plus one timer per period of the recurring peaks: daily, or the days of a weekly
 * peak), one mixed rule per planned event and calendar day it touches (that day only), three-level alarms per application
 * (acs_serverless CPU and memory), each application's passwords (only those its service uses,
 * serviceCredentialEnvs) by reference to a ConfigMap of its own, and one SAE ingress that creates the ALB's HTTPS listener with a path rule per service.
 */
export class ServerlessServices extends pulumi.ComponentResource {
    readonly namespaceId: pulumi.Output<string>;
    readonly appIds: Readonly<Record<ServiceName, pulumi.Output<string>>>;
    readonly ingressId: pulumi.Output<string>;

    constructor(name: string, args: ServerlessServicesArgs, opts?: pulumi.ComponentResourceOptions) {
        // Type token renamed from ServerlessApps (the same role on both clouds): the alias keeps the URNs of deployed stacks.
        super("live-commerce:alicloud:ServerlessServices", name, {}, { ...opts, aliases: [...(opts?.aliases ?? []), { type: "live-commerce:alicloud:ServerlessApps" }] });
        const { spec, region, tags } = args;
        const shortId = `${spec.prefix}${region.name.replace(/-/g, "")}`.slice(0, NAMESPACE_SHORT_ID_MAX);
        const namespace = new alicloud.sae.Namespace(
            `${name}-namespace`,
            { namespaceName: name, namespaceShortId: shortId, namespaceDescription: `${spec.project} ${region.name}`, enableMicroRegistration: false },
            { parent: this },
        );
        // SAE takes the vSwitches of an application as one comma-separated VSwitchId (as RDS does).
        const vswitchId = pulumi.all(args.vswitchIds).apply((ids) => ids.join(","));
        // The credentials: one ConfigMap per application (alicloud_sae_config_map `data`, a JSON
        // object), holding only the passwords its service uses (serviceCredentialEnvs), kept secret
        // in state and plan. SAE's Secret (CreateSecret, envs `secretRef`) would be the dedicated
        // store, but the pinned provider (@pulumi/alicloud 3.108.0, sae/*.d.ts) has no resource for
        // it (docs/CONFORMANCE.md). A ConfigMap of its own per application means a mount of every key
        // (ConfigMapMountDesc `sae-sys-configmap-all`) still exposes no other service's password.
        const passwords: Readonly<Record<string, pulumi.Input<string>>> = { [DATABASE_PASSWORD_KEY]: args.databaseCredential.password, [REDIS_PASSWORD_KEY]: args.cachePassword };
        const credentialsOf = (service: ServiceName): alicloud.sae.ConfigMap => {
            const keys = serviceCredentialEnvs(service);
            return new alicloud.sae.ConfigMap(
                `${name}-${service}-credentials`,
                {
                    namespaceId: namespace.namespaceId,
                    name: `${service}-credentials`,
                    description: `${spec.project} ${service} service credentials`,
                    data: pulumi.secret(pulumi.all(keys.map((k) => passwords[k])).apply((values) => JSON.stringify(Object.fromEntries(keys.map((k, i) => [k, values[i]]))))),
                },
                { parent: this, additionalSecretOutputs: ["data"] },
            );
        };
        // The SAE ingress's HTTPS listener closes connections idle for ALB's default 15 s (the
        // ingress takes no idle timeout, ALB_DEFAULT_IDLE_TIMEOUT_SECONDS), where the listeners of
        // the vm and kubernetes tiers keep them 600 s: the service behind a long-lived route (/ws)
        // pings its WebSockets often enough to keep them open through that listener
        // (websocketPingSeconds, the app image contract's WEBSOCKET_PING_ENV, docs/METRICS.md).
        const holdsWebSockets = (service: ServiceName): boolean => args.routes.some((r) => r.longLived && r.target.kind === "service" && r.target.service === service);
        const envsOf = (service: ServiceName, configMap: alicloud.sae.ConfigMap): pulumi.Output<string> => {
            const database = SERVICE_DATA_ACCESS[service].database;
            return pulumi
                .all([args.endpoints.databaseHost, args.endpoints.databaseReaderHost ?? "", args.endpoints.redisHost, args.endpoints.kafkaBrokers ?? "", configMap.id])
                .apply(([db, reader, redis, kafka, configMapId]) =>
                    saeEnvs(
                        [
                            // A service without the database gets neither its address nor its account.
                            { name: "DATABASE_HOST", value: database ? db : "" },
                            { name: "DATABASE_READER_HOST", value: database ? reader : "" },
                            { name: "REDIS_HOST", value: redis },
                            { name: "KAFKA_BROKERS", value: kafka },
                            { name: "DATABASE_USER", value: database ? args.databaseCredential.username : "" },
                            { name: WEBSOCKET_PING_ENV, value: holdsWebSockets(service) ? String(websocketPingSeconds(ALB_DEFAULT_IDLE_TIMEOUT_SECONDS)) : "" },
                        ],
                        serviceCredentialEnvs(service).map((key) => ({ name: key, configMapId, key })),
                    ),
                );
        };
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
                    securityGroupId: this.applicationSecurityGroup(name, unit.service, args).id,
                    timezone: SAE_TIME_ZONE,
                    envs: envsOf(unit.service, credentialsOf(unit.service)),
                    readinessV2: { ...probe(PROBES.readiness), successThreshold: PROBES.readiness.successThreshold, initialDelaySeconds: 0 },
                    livenessV2: { ...probe(PROBES.liveness), initialDelaySeconds: APP_WARM_UP_SECONDS },
                    terminationGracePeriodSeconds: TERMINATION_GRACE_SECONDS,
                    // Releases with the scaling rules enabled: at least one instance per zone serving,
                    // the rules re-enabled after each DeployApplication (saeReleasePlan).
                    ...saeReleasePlan(region),
                    tags: { ...tags, service: unit.service },
                },
                // The scaling rules own the instance count after creation: the provider's Update
                // calls RescaleApplication whenever `replicas` differs from the state
                // (resource_alicloud_sae_application.go, `d.HasChange("replicas") &&
                // !d.IsNewResource()` -> PUT /pop/v1/sam/app/rescaleApplication), so a later
                // `pulumi up` would set a scaled-out application back to its floor in the middle of
                // a peak. The floor itself lives in every rule's minReplicas (as ECS desiredCount
                // is left to Application Auto Scaling on AWS).
                { parent: this, ignoreChanges: [...SAE_APPLICATION_IGNORE_CHANGES] },
            );
            apps.set(unit.service, app);
            // The earliest events the rules left by the peaks can hold, within the ESS quota the
            // transcoders' tasks count against too; the others wait (ALICLOUD_PROFILE.eventLimit:
            // saeEventLimit, essEventLimit), as the schedule report says.
            const declared = declarableEvents(spec, args.now, ALICLOUD_SCHEDULE_HORIZON, ALICLOUD_PROFILE.eventLimit(spec, args.now));
            this.scalingRules(name, app, unit, saeUnitTimers(spec, region, unit, args.now, ALICLOUD_SCHEDULE_HORIZON, unitDrain(spec, ALICLOUD_PROFILE, unit), declared), spec, region);
            for (const rule of serviceAlarmRules(spec, [unit.service], SERVICE_ALARM_METRICS)) {
                const m = cmsServiceMetric(rule.metric);
                if (m !== null) cmsAlarm(this, name, rule, m, app.id, args.contactGroups[rule.level], { metric: rule.metric, service: unit.service });
            }
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
        const hosts = regionHostnames(spec, region.name);
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
                // One rule per domain and path pattern of each route ("/order" and "/order/*"): SAE
                // keeps its routing rules as forwarding rules of the ALB listener ("Each routing rule
                // you create in SAE maps to a listener configuration on the ALB instance", SAE "Get
                // started with ALB Ingress gateway routing"), and an ALB path condition matches
                // exactly or by wildcard, not by prefix (ALB "Forwarding rules and domain/path
                // matching": Path, "Exact Match and Wildcard", `/api/*`). SAE CreateIngress
                // (`Rules[].path`) does not document a prefix match either, so "/order" alone would
                // send /order/123 to the default rule's application.
                rules: args.routes.flatMap((route) =>
                    route.pathPatterns.flatMap((path) =>
                        routeDomains(hostOfRoute(args.routeHosts, route), hosts).map((domain) => ({
                            appId: appOf(serviceOf(route)).id,
                            appName: appOf(serviceOf(route)).appName,
                            containerPort: spec.appPort,
                            domain,
                            path,
                            backendProtocol: "http",
                        })),
                    ),
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
     * The security group of one application's instances (SAE CreateApplication SecurityGroupId,
     * alicloud_sae_application `security_group_id`): the app port from the ALB's vSwitches only, and
     * the data tier's group admits it on the Kafka ports when its service publishes
     * (serviceDataRules). MySQL and Redis admit by IP whitelist (PolarDB / RDS / Tair `securityIps`,
     * the region's private vSwitches), which a security group does not narrow: on Alibaba Cloud the
     * interaction service is kept from the database by its credentials (it holds none), not by the network.
     */
    private applicationSecurityGroup(name: string, service: ServiceName, args: ServerlessServicesArgs): alicloud.ecs.SecurityGroup {
        const { spec, tags } = args;
        const base = `${name}-${service}-sg`;
        const sg = new alicloud.ecs.SecurityGroup(
            base,
            { securityGroupName: `${name}-${service}`, description: `live-commerce ${service} service instances`, vpcId: args.vpcId, securityGroupType: "normal", tags: { ...tags, service } },
            { parent: this },
        );
        const common = { type: "ingress", ipProtocol: "tcp", nicType: "intranet", policy: "accept", priority: 1 };
        for (const cidr of args.loadBalancerCidrs) {
            new alicloud.ecs.SecurityGroupRule(`${base}-${spec.appPort}-${cidrLabel(cidr)}`, { ...common, securityGroupId: sg.id, portRange: portRange({ fromPort: spec.appPort, toPort: spec.appPort }), cidrIp: cidr, description: "app traffic from the load balancer" }, { parent: this });
        }
        for (const rule of serviceDataRules(spec, service).filter((r) => r.fromPort === DATA_PORTS.kafka.from)) {
            new alicloud.ecs.SecurityGroupRule(
                `${base}-data-${rule.fromPort}`,
                { ...common, securityGroupId: args.dataSecurityGroupId, portRange: portRange(rule), sourceSecurityGroupId: sg.id, description: rule.description },
                { parent: this },
            );
        }
        return sg;
    }

    /**
     * Metric rules and recurring peaks in `mix` rules, one per timer period (SAE combines a timer
     * with metric rules in one rule of type mix: alicloud_sae_application_scaling_rule
     * `scaling_rule_type` "mix", `scaling_rule_timer.schedules` with min/max replicas, one `period`
     * per timer); for the `declared` events one more `mix` rule per calendar day (GMT+8) any of
     * them touches, valid on that day only (beginDate = endDate) with that day's points of the one
     * floor timeline of the events (tierSchedule): lifting the floor before a start, holding it from
     * 00:00 on a day an event is running at midnight, restoring the bounds after the last end
     * (saeEventTimers).
     */
    private scalingRules(name: string, app: alicloud.sae.Application, unit: ServerlessUnitPlan, timers: { readonly peaks: readonly SaeTimer[]; readonly events: readonly SaeTimer[]; readonly heldCeiling: number | null }, spec: Pick<StackSpec, "scaling">, region: Pick<RegionSpec, "zones">): void {
        const m = saeMetricPlan(spec, unit);
        const { minReadyInstances, minReadyInstanceRatio } = saeReleasePlan(region);
        const metric = {
            minReplicas: unit.minInstances,
            // While a released event's raised ceiling drains, the metric bounds keep it too: its
            // day rule is gone, and a maximum below the running instances would cut them at once.
            maxReplicas: Math.max(unit.maxInstances, timers.heldCeiling ?? 0),
            metrics: [
                { metricType: "CPU", metricTargetAverageUtilization: m.cpuPercent },
                { metricType: "tcpActiveConn", metricTargetAverageUtilization: m.tcpActiveConnections },
            ],
            scaleUpRules: { step: m.scaleUp.step, stabilizationWindowSeconds: m.scaleUp.stabilizationWindowSeconds, disabled: false },
            scaleDownRules: { step: m.scaleDown.step, stabilizationWindowSeconds: m.scaleDown.stabilizationWindowSeconds, disabled: false },
        };
        // One rule per timer period (a rule has one period; checkSaeScalingRules keeps the count
        // within SAE's limit, saeDeclaredEvents the events within what is left); the first keeps
        // the rule's original name.
        (timers.peaks.length > 0 ? timers.peaks : [null]).forEach((timer, i) => {
            const suffix = i === 0 ? "" : `-${i + 1}`;
            new alicloud.sae.ApplicationScalingRule(
                `${name}-${unit.service}-scaling${suffix}`,
                {
                    appId: app.id,
                    scalingRuleName: `${unit.service}-elastic${suffix}`,
                    scalingRuleEnable: true,
                    minReadyInstances,
                    minReadyInstanceRatio,
                    scalingRuleType: timer !== null ? "mix" : "metric",
                    scalingRuleMetric: metric,
                    ...(timer !== null ? { scalingRuleTimer: { ...(timer.beginDate !== undefined ? { beginDate: timer.beginDate } : {}), ...(timer.endDate !== undefined ? { endDate: timer.endDate } : {}), period: timer.period, schedules: [...timer.schedules] } } : {}),
                },
                { parent: this },
            );
        });
        // One rule per calendar day the declared events touch, valid on that day only, shared by
        // overlapping events (one floor timeline; saeEventTimers).
        // checkSaeScalingRules keeps each day's points within SAE's limit (saeEventPointIssues).
        for (const timer of timers.events) {
            const day = timer.beginDate ?? "";
            const mmdd = day.slice(5).replace("-", "");
            new alicloud.sae.ApplicationScalingRule(
                `${name}-${unit.service}-${saeEventRuleSuffix(day)}`,
                {
                    appId: app.id,
                    // SAE rule names: up to 32 characters (CreateApplicationScalingRule ScalingRuleName).
                    scalingRuleName: `${`${unit.service}-events`.slice(0, SAE_RULE_NAME_MAX - mmdd.length - 1)}-${mmdd}`,
                    scalingRuleEnable: true,
                    minReadyInstances,
                    minReadyInstanceRatio,
                    scalingRuleType: "mix",
                    scalingRuleMetric: metric,
                    scalingRuleTimer: { beginDate: day, endDate: timer.endDate ?? day, period: timer.period, schedules: [...timer.schedules] },
                },
                { parent: this },
            );
        }
    }
}

/** @deprecated Renamed ServerlessServices (the same name on both clouds). */
export const ServerlessApps = ServerlessServices;
/** @deprecated Renamed ServerlessServicesArgs. */
export type ServerlessAppsArgs = ServerlessServicesArgs;

/** The domains of a route's ingress rules: its own host name (routeHostnames), else every name the region answers (regionHostnames). */
function routeDomains(host: string | null, hosts: readonly string[]): readonly string[] {
    return host === null ? hosts : [host];
}
