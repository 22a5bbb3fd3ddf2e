// The Alibaba Cloud profile: what the cloud-neutral model needs to know about Alibaba Cloud
// (CloudProfile). Pure: no @pulumi import.

import {
    groupDrain,
    CloudProfile,
    EventLimit,
    HorizonText,
    RecurringPeak,
    SAE_MAX_SCALING_RULES,
    SAE_MAX_TRIGGER_POINTS,
    SAE_TIME_ZONE,
    ScheduleHorizon,
    StackSpec,
    bothEventLimits,
    checkComputeSize,
    checkEssPeakTasks,
    essEventLimit,
    recurringActions,
    saeEventLimit,
    saeEventPointIssues,
    saePeakTimers,
    saeTimers,
    liftsAppTier,
    appTierBounds,
    PEAK_LIMIT_WHY,
    peakLimitWorst,
    tierNeed,
    transcodeTier,
    utcMinute,
    utcRecurrences,
} from "../model";
import { ECS_CATALOGUE, checkAlicloudClasses } from "./catalogue";
import { ALICLOUD_REGIONS, ALICLOUD_RESIDENCY_BOUNDARIES } from "./regions";

/**
 * Seconds an ALB listener keeps an idle connection when it is created without an idle timeout:
 * ALB CreateListener / ROS ALIYUN::ALB::Listener `IdleTimeout`, "Default value: 15. Unit: seconds.
 * If no request is received within the specified timeout period, ALB closes the current connection"
 * (Resource Orchestration Service, ALIYUN::ALB::Listener). The SAE ingress creates its listener with
 * no idle timeout: alicloud_sae_ingress at the pinned provider (@pulumi/alicloud 3.108.0,
 * sae/ingress.d.ts) has no such argument, and SAE CreateIngress none.
 */
export const ALB_DEFAULT_IDLE_TIMEOUT_SECONDS = 15;

/**
 * How far ahead Alibaba Cloud accepts a one-off scheduled action (the profile's scheduleHorizon):
 * ESS CreateScheduledTask: LaunchTime "cannot be later than 90 days from the date of scheduled task
 * creation" (and RecurrenceEndTime the same in the ROS ALIYUN::ESS::ScheduledTask reference; the
 * provider docstring of recurrence_end_time says 365, the stricter 90 is used). The SAE timers of
 * daylight-saving zones are planned over the same span (saeTimers).
 */
export const ALICLOUD_SCHEDULE_HORIZON: ScheduleHorizon = { days: 90, service: "Alibaba Cloud ESS" };

/**
 * SAE takes at most SAE_MAX_SCALING_RULES scaling rules per application and SAE_MAX_TRIGGER_POINTS
 * trigger points a day in one timer. The serverless tier declares one rule per timer period of its
 * recurring peaks (saePeakTimers: peaks on the same days share one), per span of one offset for
 * a peak in a zone with daylight saving and per change date holding points of both offsets, so the peaks alone may need at most that many rules. Events never block on the rule count: the rules left take the earliest upcoming events and
 * the others are reported deferred (saeEventLimit, scheduleReport); a day whose events need more
 * than SAE_MAX_TRIGGER_POINTS points in its rule is an error (saeEventPointIssues).
 */
export function checkSaeScalingRules(spec: StackSpec, now: number): string[] {
    if (spec.compute !== "serverless") return [];
    const points = saeEventPointIssues(spec, now, ALICLOUD_SCHEDULE_HORIZON);
    // The rules the peaks take at the worst instant of the next year (a daylight-saving change
    // within the horizon splits a peak's timers): a stack valid now stays valid.
    const worst = peakLimitWorst([SAE_TIME_ZONE, ...spec.peaks.map((p) => p.timeZone)], now, ALICLOUD_SCHEDULE_HORIZON.days, (at) => saePeakTimers(spec, at, ALICLOUD_SCHEDULE_HORIZON).length);
    const timers = saePeakTimers(spec, worst.at, ALICLOUD_SCHEDULE_HORIZON);
    // A timer limited to one daylight-saving offset names its dates (saeTimers).
    const periods = timers.map((t) => (t.beginDate === undefined ? t.period : `${t.period} from ${t.beginDate} to ${t.endDate ?? "open"}`));
    const crowded = timers
        .filter((t) => t.schedules.length > SAE_MAX_TRIGGER_POINTS)
        .map((t) => `peaks: ${t.schedules.length} trigger points in the SAE timer ${JSON.stringify(t.period)}; allowed: at most ${SAE_MAX_TRIGGER_POINTS} a day (SAE CreateApplicationScalingRule), so merge peaks`);
    if (periods.length <= SAE_MAX_SCALING_RULES) return [...crowded, ...points];
    return [
        ...crowded,
        ...points,
        `peaks: ${periods.length} SAE scaling rules per application${worst.at > now ? ` from ${utcMinute(worst.at)} (${PEAK_LIMIT_WHY})` : ""} (one per timer period of the peaks, per offset of a zone with daylight saving, and per change date holding points of both offsets: ${periods.map((p) => JSON.stringify(p)).join(", ")}); allowed: at most ${SAE_MAX_SCALING_RULES} (SAE CreateApplicationScalingRule), so give peaks the same days or a zone without daylight saving`,
    ];
}


/**
 * The schedule report's words for Alibaba Cloud's tiers (HorizonText), naming the tiers a peak
 * lifts: the ESS scheduled tasks (app group on compute vm, transcoders on every compute when the
 * peak's streams need more than their floor) take the 90-day horizon, one task per span of one
 * UTC offset (utcRecurrences), reported by the earliest end of the actions' last tasks; the SAE rules of a serverless stack hold
 * timers dated per offset up to the first change after the horizon (saeTimers), or long-term
 * timers without dates in a zone without changes.
 */
export function alicloudHorizonText(spec: StackSpec, now: number): HorizonText {
    const declaredUntil = (peak: RecurringPeak): string | null => {
        // The ESS tiers the peak lifts in some region: the app group (compute vm) and the transcoders.
        const lifts = (tier: "appGroup" | "transcoders"): boolean =>
            spec.regions.some((region) => {
                const bounds = tier === "appGroup" ? appTierBounds(spec, region) : { ...transcodeTier(spec, region), zones: region.zones.length };
                return tierNeed(spec, region, tier, bounds, peak.peakOnline, peak.streams) > bounds.minSize;
            });
        const tiers = [...(spec.compute === "vm" && lifts("appGroup") ? ["app group"] : []), ...(lifts("transcoders") ? ["transcoders"] : [])];
        const actions = recurringActions(spec, peak, 2, { minSize: 1, maxSize: 2, zones: 1 });
        const essEnd = actions.map((a) => utcRecurrences(ALICLOUD_SCHEDULE_HORIZON, a, now).at(-1)?.endAt ?? "").sort()[0];
        const ess = tiers.length === 0 ? [] : [`ESS tasks (${tiers.join(", ")}) declared until ${essEnd}`];
        const ends = spec.compute === "serverless" && liftsAppTier(spec, peak.peakOnline) ? saeTimers(actions, SAE_TIME_ZONE, now, ALICLOUD_SCHEDULE_HORIZON).map((t) => t.endDate) : [];
        const sae = ends.length === 0 ? [] : [ends.some((e) => e === undefined) ? "SAE timers long-term (no end date)" : `SAE timers dated until ${ends.filter((e): e is string => e !== undefined).sort().at(-1) ?? ""} (GMT+8)`];
        return ess.length + sae.length === 0 ? null : [...ess, ...sae].join(", ");
    };
    return {
        deferral:
            spec.compute === "serverless"
                ? `Alibaba Cloud ESS accepts the transcoders' scheduled tasks up to ${ALICLOUD_SCHEDULE_HORIZON.days} days ahead; the SAE rules' dated timers are planned over the same span`
                : `Alibaba Cloud ESS accepts scheduled tasks up to ${ALICLOUD_SCHEDULE_HORIZON.days} days ahead`,
        declaredUntil,
        // ESS calls its one-off actions scheduled tasks (CreateScheduledTask).
        oneOffActions: "scheduled tasks",
    };
}

/** What the Alibaba Cloud event limit reads of a stack. */
type EventLimitSpec = Pick<StackSpec, "compute" | "scaling" | "events" | "peaks" | "app" | "video" | "kubernetes" | "regions">;

/** The limits already worked out, per stack spec (immutable) and instant: every tier schedule, the report and each later instant it tries ask for them. */
const EVENT_LIMITS = new WeakMap<EventLimitSpec, Map<number, EventLimit>>();

/**
 * The events an Alibaba Cloud `pulumi up` at `now` declares at once: the ESS scheduled-task quota
 * (essEventLimit, with the groups' drains: groupDrain) and, on a serverless stack, SAE's rules per
 * application (saeEventLimit), the fewer binding (bothEventLimits). Pure; worked out once per spec
 * and instant.
 */
export function alicloudEventLimit(spec: EventLimitSpec, now: number): EventLimit {
    const known = EVENT_LIMITS.get(spec)?.get(now);
    if (known !== undefined) return known;
    const limit = bothEventLimits(essEventLimit(spec, now, ALICLOUD_SCHEDULE_HORIZON, (bounds) => groupDrain(spec, ALICLOUD_PROFILE, bounds)), spec.compute === "serverless" ? saeEventLimit(spec, now, ALICLOUD_SCHEDULE_HORIZON) : null);
    const byInstant = EVENT_LIMITS.get(spec) ?? new Map<number, EventLimit>();
    byInstant.set(now, limit);
    EVENT_LIMITS.set(spec, byInstant);
    return limit;
}

/**
 * Alibaba Cloud as the model sees it.
 * - Engines: ApsaraDB RDS for MySQL and PolarDB for MySQL; PolarDB is the clustered engine (global
 *   database network, serverless).
 * - Zones: mainland zone ids add `-` and a letter to the region id (`cn-hangzhou-h`), zone ids of
 *   numbered regions add a letter (`ap-southeast-1a`).
 * - Scaling: an ESS simple scaling rule waits its cooldown after each execution (ess.ScalingRule
 *   `cooldown`), so scale-out steps and scale-in steps are spaced by it.
 * - DNS steering: the GTM SDK's MonitorConfig accepts an interval of 60 s only and an evaluation
 *   count of 1-3; the instance's global TTL is one of 60, 120, 300, 600 s.
 * - CDN: Alibaba Cloud CDN takes a list of sources with priorities (up to 20).
 * - Certificates: the ALB HTTPS listener needs a Certificate Management Service certificate
 *   (`tls.certificateId`); the CDN takes the numeric id of one.
 */
export const ALICLOUD_PROFILE: CloudProfile & { readonly cloud: "alicloud" } = {
    cloud: "alicloud",
    title: "Alibaba Cloud",
    engines: ["mysql", "polardb"],
    clusteredEngine: "polardb",
    // PolarDB AgileServerless: `scale_min` 1 to 31 PCU, `scale_max` 1 to 32 PCU (alicloud_polardb_cluster
    // schema, provider v1.294: "Valid values: 1 PCU to 32 PCUs when serverlessType is AgileServerless");
    // a default floor of 1 PCU. `scale_min`/`scale_max` belong to a serverless cluster only
    // (serverless_type AgileServerless); a cluster of provisioned nodes declares none
    // (components/alicloud/database.ts).
    serverlessCapacity: { unit: "PCU", min: 1, max: 32, step: 1, maxMinCapacity: 31, defaultMinCapacity: 1, rangeWhileProvisioned: false, pause: null },
    regions: ALICLOUD_REGIONS,
    residencyBoundaries: ALICLOUD_RESIDENCY_BOUNDARIES,
    instances: ECS_CATALOGUE,
    stepScalingCooldown: true,
    // SAE scaling rules on the applications (components/alicloud/serverless.ts).
    serverlessScaler: "saeRules",
    // ALB publishes a 5xx share only per forwarding rule and only through the API
    // (`RuleHTTPCodeUpstream5XXRatio`, dimensions loadBalancerId, listenerProtocol, listenerPort,
    // ruleId; "ALB monitoring metrics", "ALB metrics that you can view only using an API or an SDK"),
    // and CloudMonitor alarms take no metric math; the rules of the serverless tier belong to the SAE
    // ingress (no rule id the program knows) and the default action has no rule. So the alarm counts
    // what ALB publishes per instance, `LoadBalancerHTTPCodeUpstream5XX` ("The number of 5XX status
    // codes that are returned by backend servers to the ALB instance per second. Unit: Count/s"),
    // under its own name: a count per second, not a share.
    lb5xxMetric: "lb5xxPerSecond",
    // registry.k8s.io is not reachable from mainland China and no ACR-hosted kubectl of a current
    // minor is documented (kubectlImage): the setting is required when pod floors are scheduled.
    defaultKubectlImage: null,
    // SAE CreateApplicationScalingRule / UpdateApplicationScalingRule, "Operation description":
    // "If you want to configure more than 50 instances for an application, you must contact SAE
    // technical support to add your account to the whitelist."
    serverlessInstanceLimit: {
        instances: 50,
        raisedFlag: "saeInstanceWhitelist",
        source: "SAE CreateApplicationScalingRule: more than 50 instances per application need the account on SAE's whitelist (contact SAE technical support)",
    },
    dnsHealthCheck: { service: "Alibaba Cloud GTM", shortestIntervalSeconds: 60, ttlSeconds: 60, failureThresholds: [1, 2, 3], timeoutSeconds: 3 },
    cdnOriginLimit: 20,
    cdnCertificate: { pattern: /^\d{1,20}$/, what: "the numeric id of a Certificate Management Service certificate" },
    // GTM steers without a Route 53 zone: `dns.zoneId` is declared aws only (schema.ts).
    dnsZoneId: null,
    // Alibaba Cloud CDN does not carry WebSocket ("CDN does not support Websocket, but Dynamic Route
    // for CDN supports Websocket", FAQ https://www.alibabacloud.com/help/faq-detail/40177.htm), and
    // DCDN's WebSocket is a value-added feature enabled by ticket after enterprise real-name
    // verification (DCDN "Configure WebSocket", doc-detail/145585), which no `pulumi up` can do. ALB
    // HTTP and HTTPS listeners carry WebSocket with no setting, so the WebSocket name resolves to them.
    cdnCarriesWebSocket: false,
    // Standby sources take every request: "If the primary origin server fails the health check three
    // consecutive times, Alibaba Cloud CDN forwards requests to the origin server whose priority is
    // Secondary" (CDN "Configure an origin server", priorities Primary and Secondary), whatever the
    // method: an order posted to the CDN domain can be written in a standby source's region.
    cdnFailoverReadsOnly: false,
    tlsCertificateRequired: true,
    // The edge outputs each separate region's api-<region> name and its load balancer (CNAME at the
    // user's DNS); the listener certificate of tls.certificateId must cover the name.
    separateRegions: true,
    check: (spec: StackSpec, now: Date) => [
        ...checkAlicloudClasses(spec),
        ...checkComputeSize(ECS_CATALOGUE, spec.video.transcoderSize, "video.transcoderSize"),
        ...checkSaeScalingRules(spec, now.getTime()),
        ...checkEssPeakTasks(spec, now.getTime(), ALICLOUD_SCHEDULE_HORIZON),
    ],
    scheduleHorizon: ALICLOUD_SCHEDULE_HORIZON,
    // The ESS scheduled-task quota per account and region bounds the events every stack declares at
    // once (the app group's and the transcoders' tasks: essEventLimit), and SAE's rules per
    // application those of a serverless stack too (saeEventLimit).
    eventLimit: (spec: EventLimitSpec, now: number) => alicloudEventLimit(spec, now),
    horizonText: alicloudHorizonText,
};
