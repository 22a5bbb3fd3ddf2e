// The live-commerce flows on Alibaba Cloud, walked over the planned resources of one region.

import {
    APP_CONTRACT_PATHS,
    API_PATH,
    APP_CONNECTIONS_METRIC,
    DATABASE_PASSWORD_ENV,
    DATA_PORTS,
    FLOW_ROUTE,
    INGEST_LISTENERS,
    LIVE_REGIONS,
    MEDIA_HTTP_PORT,
    PLAY_ORIGIN_PORT,
    POD_CONNECTIONS_SERIES,
    REDIS_PASSWORD_ENV,
    RENDITIONS,
    ROUTES,
    ROUTE_METHOD,
    WEBSOCKET_PING_ENV,
    WEBSOCKET_PING_INTERVAL_SECONDS,
    websocketIdleVerdict,
    ROUTE_SERVICE,
    RouteName,
    SERVICE_NAMES,
    SERVICE_ROUTES,
    SRS_IMAGE,
    certificateNamesOf,
    flowDefinition,
    serviceCredentialEnvs,
    srsConfig,
    ORDERS_TOPIC,
} from "../../components/model";
import { PUBLISH_ACTION } from "../../components/alicloud/metrics";
import { ALB_DEFAULT_IDLE_TIMEOUT_SECONDS } from "../../components/alicloud/profile";
import { isRecord, list, num, str } from "../lib/values";
import { DATA_ENDPOINTS_CONFIG_MAP, NodeAutoscaling, hpaScaling, nodePortService, podsAnswer, podsReachStore, serviceReachesPods } from "./kubernetes";
import { FlowGraph, FlowResource, MISSING, Ref, UNKNOWN, at, strings } from "./graph";
import { CloudWalkers, FlowResult, ListenerRules, RequestFlowKey, Verdict, Walk, levelTargets, operatorSide, precedenceHop, routeGroupTest, routeRuleHop, undetermined, unevaluated, walk } from "./walk";
import { HealthCheck, LB_HTTPS_PORT, routeGroupVerdict, headerTakesEveryRequest, sourceIpClients, ListenerRuleView, RuleCondition, SteeringProbe, HTTP_METHODS, listenerRuleView, aliRulesAdmit, answeringRule, hostMatches, sameDnsName, routeRule, routeRules, rulePatterns, samplePaths, cidrContains, coversName, decodeUserData, endpointSettingVerdict, healthCheckVerdict, protocolCarries, rangeIncludes, rewriteVerdict, sharingRules, statementsAllow, steeringProbeVerdict, weightedForwardVerdict, wildcardMatches } from "./contracts";

const T = {
    cdn: "alicloud:cdn/domainNew:DomainNew",
    cdnConfig: "alicloud:cdn/domainConfig:DomainConfig",
    gtm: "alicloud:dns/gtmInstance:GtmInstance",
    gtmPool: "alicloud:dns/addressPool:AddressPool",
    gtmStrategy: "alicloud:dns/accessStrategy:AccessStrategy",
    gtmMonitor: "alicloud:dns/monitorConfig:MonitorConfig",
    alb: "alicloud:alb/loadBalancer:LoadBalancer",
    listener: "alicloud:alb/listener:Listener",
    rule: "alicloud:alb/rule:Rule",
    serverGroup: "alicloud:alb/serverGroup:ServerGroup",
    group: "alicloud:ess/scalingGroup:ScalingGroup",
    config: "alicloud:ess/scalingConfiguration:ScalingConfiguration",
    albAttachment: "alicloud:ess/albServerGroupAttachment:AlbServerGroupAttachment",
    cluster: "alicloud:cs/managedKubernetes:ManagedKubernetes",
    nodePool: "alicloud:cs/nodePool:NodePool",
    autoscalingConfig: "alicloud:cs/autoscalingConfig:AutoscalingConfig",
    sg: "alicloud:ecs/securityGroup:SecurityGroup",
    sgRule: "alicloud:ecs/securityGroupRule:SecurityGroupRule",
    vswitch: "alicloud:vpc/switch:Switch",
    service: "kubernetes:core/v1:Service",
    deployment: "kubernetes:apps/v1:Deployment",
    polardb: "alicloud:polardb/cluster:Cluster",
    rds: "alicloud:rds/instance:Instance",
    redis: "alicloud:redis/tairInstance:TairInstance",
    kafka: "alicloud:alikafka/instance:Instance",
    kafkaTopic: "alicloud:alikafka/topic:Topic",
    nat: "alicloud:vpc/natGateway:NatGateway",
    snat: "alicloud:vpc/snatEntry:SnatEntry",
    eip: "alicloud:ecs/eipAddress:EipAddress",
    eipAssociation: "alicloud:ecs/eipAssociation:EipAssociation",
    routeTable: "alicloud:vpc/routeTable:RouteTable",
    routeTableAttachment: "alicloud:vpc/routeTableAttachment:RouteTableAttachment",
    routeEntry: "alicloud:vpc/routeEntry:RouteEntry",
    liveDomain: "alicloud:live/domain:Domain",
    nlb: "alicloud:nlb/loadBalancer:LoadBalancer",
    nlbListener: "alicloud:nlb/listener:Listener",
    nlbServerGroup: "alicloud:nlb/serverGroup:ServerGroup",
    nlbAttachment: "alicloud:ess/serverGroupAttachment:ServerGroupAttachment",
    bucket: "alicloud:oss/bucket:Bucket",
    bucketEncryption: "alicloud:oss/bucketServerSideEncryption:BucketServerSideEncryption",
    essAlarm: "alicloud:ess/alarm:Alarm",
    scalingRule: "alicloud:ess/scalingRule:ScalingRule",
    cmsAlarm: "alicloud:cms/alarm:Alarm",
    contactGroup: "alicloud:cms/alarmContactGroup:AlarmContactGroup",
    contact: "alicloud:cms/alarmContact:AlarmContact",
    ramRole: "alicloud:ram/role:Role",
    ramPolicy: "alicloud:ram/policy:Policy",
    ramAttachment: "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment",
    monitorGroup: "alicloud:cms/monitorGroup:MonitorGroup",
    saeApp: "alicloud:sae/application:Application",
    saeIngress: "alicloud:sae/ingress:Ingress",
    saeRule: "alicloud:sae/applicationScalingRule:ApplicationScalingRule",
    saeConfigMap: "alicloud:sae/configMap:ConfigMap",
    configMap: "kubernetes:core/v1:ConfigMap",
    polardbAccount: "alicloud:polardb/account:Account",
    polardbDatabase: "alicloud:polardb/database:Database",
    polardbPrivilege: "alicloud:polardb/accountPrivilege:AccountPrivilege",
    rdsAccount: "alicloud:rds/rdsAccount:RdsAccount",
    rdsDatabase: "alicloud:rds/database:Database",
    rdsPrivilege: "alicloud:rds/accountPrivilege:AccountPrivilege",
} as const;

/**
 * The account, database and privilege types of each database store, and their field names
 * (polardb/account.d.ts `dbClusterId`, `accountName`, `accountType`; polardb/database.d.ts `dbName`;
 * polardb/accountPrivilege.d.ts `dbClusterId`, `accountName`, `dbNames`, `accountPrivilege`;
 * rds/rdsAccount.d.ts `dbInstanceId`; rds/database.d.ts `instanceId`, `dataBaseName`;
 * rds/accountPrivilege.d.ts `instanceId`, `accountName`, `dbNames`, `privilege`).
 */
const GRANTS = {
    polardb: { account: T.polardbAccount, accountStore: "dbClusterId", database: T.polardbDatabase, databaseStore: "dbClusterId", databaseName: "dbName", privilege: T.polardbPrivilege, privilegeStore: "dbClusterId", privilegeField: "accountPrivilege" },
    rds: { account: T.rdsAccount, accountStore: "dbInstanceId", database: T.rdsDatabase, databaseStore: "instanceId", databaseName: "dataBaseName", privilege: T.rdsPrivilege, privilegeStore: "instanceId", privilegeField: "privilege" },
} as const;
/** Privileges that let an application read and write its data (both providers' valid values; "ReadOnly" and "DDLOnly" do not). */
const DATA_PRIVILEGES: readonly string[] = ["ReadWrite", "DMLOnly"];

/** The trusted service of a RAM role for ECS (RAM: "Create a RAM role for a trusted Alibaba Cloud service"). */
const ECS_SERVICE = "ecs.aliyuncs.com";

function found<T>(r: Ref<T>): T | undefined {
    return r.kind === "found" ? r.resource : undefined;
}

interface Targets {
    readonly answerer: FlowResource;
    /** Security groups the answering instances sit in. */
    readonly securityGroups: readonly FlowResource[];
    /** vSwitches the answering instances run in. */
    readonly vswitches: readonly FlowResource[];
}

function vswitchesOf(g: FlowGraph, r: FlowResource): FlowResource[] {
    const refs = g.refs(r, "vswitchIds", r.inputs.vswitchIds, T.vswitch);
    return refs.kind === "found" ? refs.resource : [];
}

/** The ingress rules of an Alibaba Cloud security group. */
function rulesOf(g: FlowGraph, sg: FlowResource): FlowResource[] {
    return g.ofType(T.sgRule).filter((r) => found(g.ref(r, "securityGroupId", r.inputs.securityGroupId, T.sg))?.urn === sg.urn);
}

/** The security group admits TCP traffic from the CIDRs (all of them) on `port`: an accept rule, no drop rule of the same or a higher priority (contracts.aliRulesAdmit). */
function sgAdmitsCidrs(g: FlowGraph, sg: FlowResource, cidrs: readonly string[], port: number): true | string {
    const rules = rulesOf(g, sg).filter((r) => protocolCarries(r.inputs.ipProtocol, "tcp") && rangeIncludes(r.inputs.portRange, port));
    const missing = cidrs.filter((c) => !aliRulesAdmit(rules, (r) => typeof r.inputs.cidrIp === "string" && cidrContains(r.inputs.cidrIp, c)));
    return missing.length === 0 ? true : `${sg.name} does not admit ${missing.join(", ")} on TCP ${port}`;
}

/** The security group admits TCP traffic from one of the groups `from` on `port` (a drop rule for every source, 0.0.0.0/0, also counts against it). */
function sgAdmitsGroup(g: FlowGraph, sg: FlowResource, from: readonly FlowResource[], port: number): true | string {
    const rules = rulesOf(g, sg).filter((r) => protocolCarries(r.inputs.ipProtocol, "tcp") && rangeIncludes(r.inputs.portRange, port));
    const ok = from.some((f) => aliRulesAdmit(rules, (r) => r.inputs.cidrIp === "0.0.0.0/0" || found(g.ref(r, "sourceSecurityGroupId", r.inputs.sourceSecurityGroupId, T.sg))?.urn === f.urn));
    return ok ? true : `${sg.name} has no rule admitting ${[...new Set(from.map((f) => f.name))].join(" or ") || "the targets' security group"} on TCP ${port}`;
}

/**
 * A server group's health check (alicloud_alb_server_group: `protocol` HTTP/HTTPS/gRPC, default
 * HTTP; health_check_config `health_check_protocol` default HTTP, `health_check_connect_port`
 * "The backend port that is used for health checks ... If you set the value to `0`, the backend
 * port is used" (alicloud types/input.d.ts ServerGroupHealthCheckConfig.healthCheckConnectPort),
 * `health_check_codes` default http_2xx).
 */
function aliHealthCheck(sgp: FlowResource): HealthCheck {
    const protocol = str(sgp.inputs.protocol) ?? "HTTP";
    const port = num(at(sgp.inputs, "healthCheckConfig.healthCheckConnectPort"));
    const codes = strings(at(sgp.inputs, "healthCheckConfig.healthCheckCodes"));
    return { protocol, checkProtocol: str(at(sgp.inputs, "healthCheckConfig.healthCheckProtocol")) ?? "HTTP", checkPort: port === undefined || port === 0 ? undefined : port, codes: codes.length > 0 ? codes : ["http_2xx"] };
}

/**
 * The server group of the action that ends an ALB rule's chain: actions run in `order`; Rewrite,
 * InsertHeader, RemoveHeader, TrafficLimit, TrafficMirror and Cors go on, ForwardGroup, Redirect
 * and FixedResponse end it (alicloud_alb_rule `rule_actions.type`; ALB API CreateRule RuleActions).
 * A reason when the chain does not end in a forward.
 */
function aliForwardAction(actions: unknown): { readonly serverGroupId: unknown; readonly weighted: readonly AliTuple[] } | string {
    const end = terminalAction(actions);
    if (end === undefined) return "ends in no forward";
    if (end.type !== "ForwardGroup") return `is ${String(end.type)}, not ForwardGroup: requests never reach a server group`;
    const weighted = serverGroupTuples(end);
    return { serverGroupId: (weighted.find((x) => x.weight > 0) ?? weighted[0])?.serverGroupId, weighted };
}

/** One server group of a ForwardGroup action and its weight. */
interface AliTuple {
    readonly serverGroupId: unknown;
    readonly weight: number;
}

/**
 * The server groups of a ForwardGroup action (a rule's, or a listener's default action) with their
 * weights: `forwardGroupConfig.serverGroupTuples[]`, weight 0-100, "Default value: `100`"
 * (alicloud.alb.Rule RuleRuleActionForwardGroupConfigServerGroupTuple `weight`); requests are split
 * by weight, and the walk follows the first group that takes any (aliWeightedHop judges the others).
 */
function serverGroupTuples(action: unknown): AliTuple[] {
    return list(at(action, "forwardGroupConfig.serverGroupTuples"))
        .filter(isRecord)
        .map((t) => ({ serverGroupId: t.serverGroupId, weight: num(t.weight) ?? 100 }));
}

/** Every server group a weighted forward of `router` (its `property`) gives requests to serves the route (contracts.weightedForwardVerdict). */
function aliWeightedHop(g: FlowGraph, w: Walk, region: string, router: FlowResource, property: string, weighted: readonly AliTuple[]): void {
    const all = weighted.map((x) => ({ group: found(g.ref(router, property, x.serverGroupId, T.serverGroup)), id: x.serverGroupId, weight: x.weight }));
    if (all.length > 1) w.hop(router, `every weighted server group of ${router.name} serves the route`, weightedForwardVerdict(all, (group) => registrations(g, region, group), "server group"));
}

/**
 * A rule's Rewrite actions (those ordered before the ForwardGroup: actions run in `order`) keep
 * the route's requests on the route's paths (contracts.rewriteVerdict). alicloud.alb.Rule
 * `rule_actions.rewrite_config.path`: "The path is case-sensitive. Default value: ${path}", which
 * keeps the request's path; any other value replaces it (`${path}` within it stands for the
 * request's path); a value with another variable or a wildcard is not evaluated here
 * (undetermined). A host or query rewrite does not change the path the app image contract
 * (docs/METRICS.md) serves.
 */
function aliRewriteHop(w: Walk, router: FlowResource, patterns: readonly string[], samples: readonly string[]): void {
    const end = terminalAction(router.inputs.ruleActions);
    const endOrder = end === undefined ? Number.MAX_SAFE_INTEGER : (num(end.order) ?? Number.MAX_SAFE_INTEGER);
    const rewrites = list(router.inputs.ruleActions)
        .filter(isRecord)
        .filter((a) => a.type === "Rewrite" && (num(a.order) ?? 0) < endOrder)
        .sort((a, b) => (num(a.order) ?? 0) - (num(b.order) ?? 0));
    if (rewrites.length === 0) return;
    const check = `${router.name}'s Rewrite keeps requests on ${patterns.join(" ")}`;
    // A path not known yet (a first preview) is settled once created; a known one this cannot apply is not.
    if (rewrites.some((r) => FlowGraph.isUnknown(at(r, "rewriteConfig.path")))) return w.hop(router, check, undetermined("ruleActions"));
    const apply = (path: string): string | undefined => {
        let out = path;
        for (const r of rewrites) {
            const to = str(at(r, "rewriteConfig.path")) ?? "${path}";
            const literal = to.split("${path}");
            if (literal.some((part) => /[*?]|\$\{/.test(part)) || literal.length > 2) return undefined;
            out = literal.join(out);
        }
        return out;
    };
    w.hop(router, check, rewriteVerdict(patterns, samples, apply, `the Rewrite action of ${router.name}`));
}

/**
 * An ALB rule applies only when all its conditions match (ALB API CreateRule RuleConditions): a
 * Path condition with the route's pattern, a Host condition covering the domain the CDN forwards
 * as Host; a condition on headers, methods, query strings, cookies or source IPs cannot be judged
 * from the plan (undetermined).
 */
function aliRuleMatches(conditions: unknown, path: string, host: string): Verdict {
    for (const c of list(conditions).filter(isRecord)) {
        if (c.type === "Path") {
            if (!strings(at(c, "pathConfig.values")).some((p) => wildcardMatches(p, path))) return `a Path condition (${strings(at(c, "pathConfig.values")).join(", ")}) does not match ${path}`;
        } else if (c.type === "Host") {
            const values = strings(at(c, "hostConfig.values"));
            if (!values.some((v) => hostMatches(v, host))) return `a Host condition (${values.join(", ")}) does not match ${host}: those requests never take the rule`;
        } else return unevaluated(`ruleConditions (${String(c.type)})`);
    }
    return true;
}

/**
 * The host names the route's requests must carry to take it: the values of the Host condition of
 * its ALB rule, or the domains of its SAE ingress rules; null when it takes any host (no Host
 * condition); undefined when nothing routes it (no rule: the walk finds that break itself).
 */
function routedHosts(g: FlowGraph, region: string, alb: FlowResource, patterns: readonly string[]): string[] | null | undefined {
    if (patterns.length === 0) return null;
    const ingress = g.ofType(T.saeIngress, region).find((i) => found(g.ref(i, "slbId", i.inputs.slbId, T.alb))?.urn === alb.urn);
    if (ingress !== undefined) {
        const domains = list(ingress.inputs.rules).filter(isRecord).filter((r) => r.path === patterns[0]).map((r) => str(r.domain)).filter((d): d is string => d !== undefined);
        return domains.length === 0 ? undefined : [...new Set(domains)];
    }
    const listener = g.ofType(T.listener, region).find((l) => l.inputs.listenerProtocol === "HTTPS" && found(g.ref(l, "loadBalancerId", l.inputs.loadBalancerId, T.alb))?.urn === alb.urn);
    // The rules written for the route (routeRules), not a rule ahead of them that also names its path: the precedence hop judges that one.
    const view = listener === undefined ? undefined : aliListenerView(g, region, listener);
    const route = ROUTES.find((r) => r.pathPatterns.join(" ") === patterns.join(" "))?.name;
    const rules = view === undefined ? [] : routeRules(view.rules, patterns, DYNAMIC_API_PATH, route === undefined ? undefined : routeGroupTest(view, route, ROUTE_SERVICE[route]));
    // Of several, the first the listener evaluates (smaller priority first, unnumbered last).
    const rule = [...rules].sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER))[0];
    if (rule === undefined) return undefined;
    return rule.hosts.length === 0 ? null : [...rule.hosts];
}

/**
 * The entry of the WebSocket route: Alibaba Cloud CDN does not carry WebSocket ("CDN does not
 * support Websocket, but Dynamic Route for CDN supports Websocket", FAQ
 * https://www.alibabacloud.com/help/faq-detail/40177.htm), so a WebSocket name served by a CDN
 * domain breaks the flow there; a name the CDN does not serve resolves to the ALB, whose HTTP and
 * HTTPS listeners carry WebSocket with no setting. Where GTM answers the name
 * (alicloud.dns.GtmInstance `publicUserDomainName`), one of its address pools must hold this ALB
 * (alicloud.dns.AddressPool `addresses[].address`, type DOMAIN) and be served by its access strategy
 * (gtmSteersVerdict); a region GTM steers under another name breaks on the GTM instance. Without GTM
 * for the name, a stack output must give it the ALB's CNAME (websocketOutputVerdict). Returns the
 * host the ALB sees.
 */
function websocketEntry(g: FlowGraph, w: Walk, region: string, alb: FlowResource, patterns: readonly string[]): string | null {
    const hosts = routedHosts(g, region, alb, patterns);
    // Nothing routes the WebSocket path: the walk goes on from the viewers' entry to that missing rule.
    if (hosts === undefined) return cdnEntry(g, w, alb, patterns[0]);
    const cdns = g.ofType(T.cdn).filter((c) => c.inputs.cdnType !== "video");
    // The rule's Host values are patterns (wildcards, no case: hostMatches): the route takes the CDN domain when one of them matches it.
    const viaCdn = hosts === null ? cdns[0] : cdns.find((c) => hosts.some((h) => hostMatches(h, String(c.inputs.domainName))));
    const check = "the edge carries WebSocket";
    if (viaCdn !== undefined) {
        w.hop(
            viaCdn,
            check,
            `${String(viaCdn.inputs.domainName)}${patterns[0]} enters through the CDN domain ${viaCdn.name}${hosts === null ? " (the ALB rule takes any host)" : ""}: Alibaba Cloud CDN does not carry WebSocket (only DCDN's websocket feature does); give the route a host name resolved straight to the ALB`,
        );
    }
    // The name the clients call is the one the stack serves for the region (servedName), not the
    // rule's Host value, which may be a wildcard or another case: whether the rule takes that name
    // is the listener's to judge (albPath: the route's rule for that host). Without a served name,
    // a literal Host value (no wildcard) is the only name the clients can call.
    const host = servedName(g, region, alb, "websocket") ?? hosts?.find((h) => !/[*?]/.test(h)) ?? w.absent(alb, check, `no host name reaches ${alb.name}'s WebSocket route`);
    return nameEntry(g, w, region, alb, host, check, "WebSocket clients");
}

/**
 * The entry by a host name resolved to the ALB (no CDN): where GTM answers the name
 * (alicloud.dns.GtmInstance `publicUserDomainName`), one of its address pools must hold this ALB
 * and be served by its access strategy (gtmSteersVerdict); a region GTM steers under another name
 * breaks on the GTM instance. Without GTM for the name, a stack output must give it the ALB's CNAME
 * (websocketOutputVerdict). `who` names the clients in the reasons. Returns the host the ALB sees.
 */
function nameEntry(g: FlowGraph, w: Walk, region: string, alb: FlowResource, host: string, check: string, who: string): string {
    const gtm = g.ofType(T.gtm).find((x) => sameDnsName(x.inputs.publicUserDomainName, host));
    if (gtm === undefined) {
        const output = websocketOutputVerdict(g, region, alb, host, who);
        // GTM steers this region (a pool holds its ALB) but answers another name, and no output resolves this one: the name reaches no region.
        const instances = g.ofType(T.gtm).filter((x) => poolsHoldingAlb(g, x, alb).length > 0);
        if (output !== true && instances.length > 0) {
            w.hop(instances[0], `${check}: GTM answers ${host}`, `${instances.map((x) => `${x.name} answers ${String(x.inputs.publicUserDomainName)}`).join(", ")}, not ${host}, and no stack output resolves ${host} to ${alb.name}: ${who} reach no region`);
        }
        w.hop(alb, `${check}: ${host} resolves to ${alb.name} (stack output websocket or separateRegions), whose HTTPS listener carries ${who === "WebSocket clients" ? "WebSocket" : "the request"}`, output);
        return host;
    }
    const pools = poolsHoldingAlb(g, gtm, alb);
    w.hop(gtm, `${check}: ${host} is a CNAME to GTM's access name (publicRr.publicZoneName), the stack output steering.accessName (a record the operator sets in the domain's DNS)`, steeringRecordVerdict(g, gtm, host, who));
    w.hop(gtm, `${check}: GTM steers ${host} to ${alb.name}, whose HTTPS listener carries ${who === "WebSocket clients" ? "WebSocket" : "the request"}`, gtmSteersVerdict(g, gtm, pools, alb, host, who));
    gtmPoolHops(g, w, pools, alb);
    return host;
}


/**
 * GTM answers with the region's ALB only while its address in the pool is not OFFLINE and the
 * pool's health check passes. Address `mode` (alicloud.dns.AddressPool `addresses[].mode`: SMART,
 * ONLINE, OFFLINE; Alibaba Cloud DNS API UpdateDnsGtmAddressPool Addr.Mode: SMART "智能返回",
 * ONLINE "永远在线", OFFLINE "永远离线"; GTM "Function overview": in Always Offline mode GTM
 * "removes the IP address from the IP address list responded to the DNS request"). The pool's
 * MonitorConfig (`addrPoolId`) probes what the ALB answers (steeringProbeVerdict; its
 * `monitorExtendInfo` is a JSON string with `port`, `host`, `path`, `code`, `failureRate`, `sni`
 * for HTTP(S): API AddDnsGtmMonitor MonitorExtendInfo). A pool without a MonitorConfig is the
 * multi-region rules' finding (ha-stack-require-steering-health-checks), not a break of the path.
 */
function gtmPoolHops(g: FlowGraph, w: Walk, pools: readonly FlowResource[], alb: FlowResource): void {
    for (const pool of pools) {
        const addresses = list(pool.inputs.addresses).filter(isRecord).filter((a) => (found(g.dnsRefs(pool, "addresses", a.address, T.alb)) ?? []).some((r) => r.urn === alb.urn));
        const modes = addresses.map((a) => String(a.mode ?? "SMART"));
        w.hop(pool, `${pool.name} answers ${alb.name} (address mode not OFFLINE)`, modes.some((m) => m !== "OFFLINE") ? true : `${pool.name} holds ${alb.name} in mode OFFLINE ("always offline"): GTM never answers with it`);
        const monitor = g.referrers(pool, T.gtmMonitor, "addrPoolId")[0];
        if (monitor !== undefined) w.hop(monitor, `GTM health check of ${pool.name} requests ${APP_CONTRACT_PATHS.health} over HTTPS on ${LB_HTTPS_PORT}`, gtmMonitorVerdict(monitor));
    }
}

/**
 * A resource's input that the provider takes as a JSON string (CloudMonitor `metricDimensions`,
 * GTM `monitorExtendInfo`), parsed; undetermined while it is unknown or holds an unknown value (a
 * first preview), a reason when it is not JSON. A value that is not a string is taken as it is.
 */
function jsonInput(r: FlowResource, property: string): { readonly parsed: unknown } | { readonly failed: Verdict } {
    const v = r.inputs[property];
    if (FlowGraph.isUnknown(v) || (typeof v === "string" && v.includes(UNKNOWN))) return { failed: undetermined(property) };
    if (typeof v !== "string") return { parsed: v };
    try {
        return { parsed: JSON.parse(v) };
    } catch {
        return { failed: `${r.name}'s ${property} is not JSON` };
    }
}

/** A GTM MonitorConfig as a steering probe (`protocolType`, `monitorExtendInfo` port and path), judged by steeringProbeVerdict; undetermined while unknown. */
function gtmMonitorVerdict(monitor: FlowResource): Verdict {
    const info = jsonInput(monitor, "monitorExtendInfo");
    if ("failed" in info) return info.failed;
    const extend = isRecord(info.parsed) ? info.parsed : {};
    const probe: SteeringProbe = { protocol: String(monitor.inputs.protocolType ?? "none"), port: num(extend.port), path: str(extend.path) };
    return steeringProbeVerdict(monitor.name, probe, LB_HTTPS_PORT, APP_CONTRACT_PATHS.health);
}

/**
 * GTM answers with the address pools of an access strategy of the instance: the strategy's
 * `defaultAddrPools` serve, its `failoverAddrPools` only when the default pools are unavailable
 * (alicloud.dns.AccessStrategy `instanceId`, `defaultAddrPools[].addrPoolId`,
 * `failoverAddrPools[].addrPoolId`; GTM 3.0 API CreateDnsGtmAccessStrategy). A pool holding the ALB
 * that no strategy serves by default is never answered.
 */
function gtmSteersVerdict(g: FlowGraph, gtm: FlowResource, pools: readonly FlowResource[], alb: FlowResource, host: string, who: string): Verdict {
    if (pools.length === 0) return `no address pool of ${gtm.name} holds ${alb.name}: ${who} calling ${host} never reach this region`;
    const strategies = g.referrers(gtm, T.gtmStrategy, "instanceId");
    if (strategies.length === 0) return `${gtm.name} has no access strategy: GTM answers ${host} with no address pool`;
    const serving = strategies.flatMap((s) => list(s.inputs.defaultAddrPools).filter(isRecord).map((d) => d.addrPoolId));
    if (serving.some((id) => FlowGraph.isUnknown(id))) {
        const deps = strategies.flatMap((s) => s.propertyDependencies?.defaultAddrPools ?? []);
        if (pools.some((p) => deps.includes(p.urn))) return true;
        return undetermined("defaultAddrPools");
    }
    const ids = new Set(strings(serving));
    return pools.some((p) => p.id !== undefined && ids.has(p.id))
        ? true
        : `no access strategy of ${gtm.name} serves ${pools.map((p) => p.name).join(", ")} in its defaultAddrPools: GTM never answers ${host} with ${alb.name}`;
}

/**
 * The access domain a GTM instance answers: `publicRr`.`publicZoneName` in custom mode
 * (alicloud.dns.GtmInstance `publicRr` "The CNAME access domain name", `publicZoneName` "The domain
 * name that is used to access GTM over the Internet"; `publicCnameMode` CUSTOM, the only mode GTM
 * still offers: UpdateDnsGtmInstanceGlobalConfig PublicCnameMode, help.aliyun.com/document_detail/2357230.html). A reason when the instance
 * answers no name the stack can give (another mode: terraform-provider-alicloud
 * resource_alicloud_alidns_gtm_instance.go ignores public_rr and public_zone_name under
 * SYSTEM_ASSIGN; or either field unset); undetermined while either is unknown.
 */
function gtmAccessDomain(gtm: FlowResource): { readonly name: string } | { readonly failed: Verdict } {
    const mode = gtm.inputs.publicCnameMode;
    if (FlowGraph.isUnknown(mode)) return { failed: undetermined("publicCnameMode") };
    if (mode !== undefined && mode !== "CUSTOM") return { failed: `${gtm.name}'s publicCnameMode is ${String(mode)}: GTM assigns its own access name (publicRr and publicZoneName are ignored), a name no stack output gives; set publicCnameMode CUSTOM` };
    const rr = gtm.inputs.publicRr;
    const zone = gtm.inputs.publicZoneName;
    if (FlowGraph.isUnknown(rr) || FlowGraph.isUnknown(zone)) return { failed: undetermined("publicRr, publicZoneName") };
    if (str(rr) === undefined || str(zone) === undefined) return { failed: `${gtm.name} sets no ${str(rr) === undefined ? "publicRr" : "publicZoneName"}: it answers no access name (publicRr.publicZoneName) a CNAME record could point at` };
    return { name: `${String(rr)}.${String(zone)}` };
}

/**
 * GTM answers only queries for its access domain (gtmAccessDomain): the steered name reaches it by
 * a CNAME record the operator sets in the domain's DNS, outside the stack, pointing at the stack
 * output `steering.accessName` (components/alicloud/deployment.ts, docs/GLOBAL.md). The output is
 * computed from the config, not read from the instance (components/alicloud/steering.ts), so it is
 * compared with the access domain the instance is given (DNS names, without case: sameDnsName):
 * where they differ the record the output asks for names a domain GTM does not answer, broken at
 * the GTM instance. Where they agree the record is the operator's: in no plan, preview or export,
 * so never judged kept (operatorSide). Broken too where the stack gives the operator no target (no
 * `steering` output for `host`); undetermined while the outputs are not recorded or unknown.
 */
function steeringRecordVerdict(g: FlowGraph, gtm: FlowResource, host: string, who: string): Verdict {
    const outputs = g.ofType("pulumi:pulumi:Stack")[0]?.outputs;
    if (outputs === undefined || Object.keys(outputs).length === 0) return undetermined("outputs (steering: the stack outputs are not recorded)");
    const steering = outputs.steering;
    if (!isRecord(steering) || !sameDnsName(steering.hostname, host)) return `no stack output (steering) gives ${host} GTM's access name: the operator has no CNAME target for it, and ${who} never reach GTM`;
    const accessName = steering.accessName;
    if (FlowGraph.isUnknown(accessName) || typeof accessName !== "string") return undetermined("outputs (steering.accessName)");
    const access = gtmAccessDomain(gtm);
    if ("failed" in access) return access.failed;
    if (!sameDnsName(accessName, access.name)) {
        return `${gtm.name} answers the access name ${access.name} (publicRr.publicZoneName), but the stack output steering.accessName tells the operator to point ${host} at ${accessName}: GTM does not answer that name, so ${who} calling ${host} never reach GTM`;
    }
    return operatorSide(`the CNAME record ${host} -> ${accessName} (stack output steering.accessName) in the domain's DNS`);
}

/**
 * Without GTM the WebSocket name resolves to the ALB by the CNAME the stack outputs for the user's
 * DNS: `websocket` ({hostname, cname}, one home region) or `separateRegions.<region>` (a region
 * outside the residency boundary), read from the stack resource's outputs (pulumi:pulumi:Stack, as
 * the plan, a preview and an export record them). Kept when that output names `host` and the ALB's
 * DNS name (alicloud.alb.LoadBalancer `dnsName`).
 */
function websocketOutputVerdict(g: FlowGraph, region: string, alb: FlowResource, host: string, who: string): Verdict {
    const stack = g.ofType("pulumi:pulumi:Stack")[0];
    const outputs = stack?.outputs;
    if (stack === undefined || outputs === undefined || Object.keys(outputs).length === 0) return undetermined("outputs (websocket, separateRegions: the stack outputs are not recorded)");
    const separate = at(outputs, `separateRegions.${region}`);
    const entries = [outputs.websocket, separate].filter(isRecord).filter((e) => sameDnsName(e.hostname, host));
    if (entries.length === 0) return `no stack output (websocket, separateRegions.${region}) gives ${host} a CNAME: ${who} cannot resolve it to ${alb.name}`;
    if (entries.some((e) => FlowGraph.isUnknown(e.cname))) return undetermined("outputs (the CNAME of the load balancer)");
    const cname = entries.map((e) => e.cname);
    return (found(g.dnsRefs(stack, "outputs", cname, T.alb)) ?? []).some((x) => x.urn === alb.urn)
        ? true
        : `the stack output gives ${host} the CNAME ${cname.map(String).join(", ")}, not ${alb.name}'s DNS name: ${who} reach another load balancer`;
}

/**
 * Every ALB server-group attachment of a route's server group registers the scaling group of a
 * node pool of the region's cluster (alicloud.ess.AlbServerGroupAttachment `scalingGroupId`;
 * alicloud.cs.NodePool output `scalingGroupId`; in a first preview followed through the
 * attachment's dependency on the node pool), as AWS checks its node groups' Auto Scaling groups.
 */
function nodePoolTargetsVerdict(g: FlowGraph, region: string, sgp: FlowResource, attachments: readonly FlowResource[], service: string): Verdict {
    if (attachments.length === 0) return `no node pool is attached to ${sgp.name}: the ${service} service is not reachable from the load balancer (a ClusterIP service only)`;
    const pools = g.ofType(T.nodePool, region);
    const groupIds = pools.map((n) => n.outputs?.scalingGroupId).filter((x): x is string => typeof x === "string" && !FlowGraph.isUnknown(x));
    const ofNodes = (a: FlowResource) => groupIds.includes(String(a.inputs.scalingGroupId)) || (FlowGraph.isUnknown(a.inputs.scalingGroupId) && pools.some((n) => (a.propertyDependencies?.scalingGroupId ?? []).includes(n.urn)));
    const strays = attachments.filter((a) => !ofNodes(a));
    if (strays.length === 0) return true;
    if (groupIds.length === 0 && pools.length > 0 && strays.every((a) => FlowGraph.isUnknown(a.inputs.scalingGroupId))) return undetermined("scalingGroupId");
    const named = (a: FlowResource) => g.ofType(T.group).find((x) => x.id === a.inputs.scalingGroupId)?.name ?? String(a.inputs.scalingGroupId);
    return `${strays.map((a) => `${a.name} registers ${named(a)}`).join(", ")}, not the scaling group of a node pool of the cluster: the ${service} service's nodes are not the targets`;
}

/**
 * The listener certificate is valid for `host`: a certificate is set (else the hop waits for
 * `tls`), and `host` is one of the names the ALB's tags declare it covers (tls.certificateNames,
 * certificateNameTags; a wildcard matches one label, RFC 6125 section 6.4.3). Without declared
 * names the hop cannot be judged: undetermined, never assumed.
 */
function certificateVerdict(alb: FlowResource, certificateId: unknown, host: string, unset: string): Verdict {
    if (str(certificateId) === undefined) return { reason: unset, setting: "tls" };
    const names = certificateNamesOf(alb.inputs.tags);
    if (names.length === 0) return undetermined(`tags (tls.certificateNames: the names certificate ${String(certificateId)} covers are not given)`);
    return coversName(names, host) ? true : `certificate ${String(certificateId)} covers ${names.join(", ")}, not ${host}: clients refuse the TLS handshake`;
}

/**
 * The request path of a flow in `region`, from its entry to the targets that answer it; null when the
 * region is not entered (a CDN flow in a region that is no CDN origin). Entries, as on AWS: the viewer
 * flow through the CDN; the WebSocket flow by its host name (websocketEntry); the order and
 * hot-products flows by the region's API name where one reaches the region (GTM steering, or the
 * separateRegions output outside the residency boundary), else through the CDN.
 */
function requestPath(g: FlowGraph, w: Walk, region: string, key: RequestFlowKey): Targets | null {
    const route = FLOW_ROUTE[key];
    const alb = g.ofType(T.alb, region)[0] ?? w.absent(undefined, "load balancer", `no ALB in ${region}`);
    const patterns = ROUTES.find((x) => x.name === route)?.pathPatterns ?? [];
    // The ALB reaches its backends from its own vSwitches (it carries no security group).
    const lbCidrs = list(alb.inputs.zoneMappings).filter(isRecord).map((z) => found(g.ref(alb, "zoneMappings", z.vswitchId, T.vswitch))).map((v) => str(v?.inputs.cidrBlock)).filter((c): c is string => c !== undefined);
    const apiName = key === "viewer" ? undefined : servedName(g, region, alb, "api");
    const host =
        ROUTES.find((x) => x.name === route)?.longLived === true
            ? websocketEntry(g, w, region, alb, patterns)
            : apiName !== undefined
              ? nameEntry(g, w, region, alb, apiName, `the API name reaches ${alb.name}`, `${key === "order" ? "order" : "API"} clients`)
              : cdnEntry(g, w, alb, patterns[0] ?? DYNAMIC_API_PATH);
    if (host === null) return null;
    if (route === "order") orderOffCdnHop(g, w, region, alb, patterns);
    return albPath(g, w, region, alb, route, patterns, host, lbCidrs);
}

/** The GTM address pools of an instance holding the ALB (alicloud.dns.AddressPool `addresses[].address`, type DOMAIN, the ALB's DNS name). */
function poolsHoldingAlb(g: FlowGraph, gtm: FlowResource, alb: FlowResource): FlowResource[] {
    return g.referrers(gtm, T.gtmPool, "instanceId").filter((p) => list(p.inputs.addresses).filter(isRecord).some((a) => (found(g.dnsRefs(p, "addresses", a.address, T.alb)) ?? []).some((r) => r.urn === alb.urn)));
}

/**
 * The name the stack serves for the region's API (`api`) or WebSocket (`websocket`) clients, the
 * name they call: where one of a GTM instance's pools holds the ALB, the name the stack output
 * `steering.hostname` tells the operator to CNAME to GTM (else the name the instance answers,
 * alicloud.dns.GtmInstance `publicUserDomainName`), else the separateRegions output's hostname of the region (a
 * region outside the residency boundary), else for WebSocket the `websocket` output's hostname (one
 * home region without GTM), else a name GTM answers that the region's Host-restricted routes take
 * (by their Host patterns, hostMatches: the region is meant to be steered though no pool holds its
 * ALB, and the walk then breaks on GTM); undefined when none does (one region: the API is read
 * through the CDN).
 */
function servedName(g: FlowGraph, region: string, alb: FlowResource, kind: "api" | "websocket"): string | undefined {
    const gtm = g.ofType(T.gtm).find((x) => poolsHoldingAlb(g, x, alb).length > 0);
    const outputs = g.ofType("pulumi:pulumi:Stack")[0]?.outputs;
    // The name the stack tells the operator to point at GTM (steering.hostname) is the one clients
    // call; where GTM answers another, the walk breaks on GTM answering the wrong name (nameEntry).
    if (gtm !== undefined) return (outputs === undefined ? undefined : str(at(outputs, "steering.hostname"))) ?? str(gtm.inputs.publicUserDomainName);
    const separate = outputs === undefined ? undefined : str(at(outputs, `separateRegions.${region}.hostname`));
    if (separate !== undefined) return separate;
    const websocket = kind === "websocket" && outputs !== undefined ? str(at(outputs, "websocket.hostname")) : undefined;
    if (websocket !== undefined) return websocket;
    // The region's routes take a name GTM answers (its /order or /ws rule's Host condition) while no
    // pool holds its ALB: the clients still call that name, and the break is GTM's (gtmSteersVerdict), not the CDN's.
    const named = ROUTES.filter((r) => r.pathPatterns.length > 0).flatMap((r) => routedHosts(g, region, alb, r.pathPatterns) ?? []);
    const answered = g.ofType(T.gtm).map((x) => str(x.inputs.publicUserDomainName)).filter((n): n is string => n !== undefined);
    return answered.find((n) => named.some((h) => hostMatches(h, n)));
}

/**
 * Orders stay in the region they are posted to: where the CDN's sources span regions (standby
 * sources in other regions take every request when the primary fails, CDN "Configure an origin
 * server"), the region's order rule must not take the CDN domain (a Host condition on the API name,
 * orderHostname), or an order posted to the CDN domain is written by another region's order service
 * (across the residency boundary for a separate region). A region whose ALB is no source of the
 * CDN domain (a separate region outside the residency boundary: the CDN keeps its sources inside
 * it) is sent nothing by the CDN, so no order posted to the CDN domain reaches it: the hop says so
 * and judges no refusal there.
 */
function orderOffCdnHop(g: FlowGraph, w: Walk, region: string, alb: FlowResource, patterns: readonly string[]): void {
    const cdn = g.ofType(T.cdn).find((c) => c.inputs.cdnType !== "video");
    if (cdn === undefined || patterns.length === 0) return;
    const albs = [...new Map(list(cdn.inputs.sources).filter(isRecord).flatMap((s) => found(g.dnsRefs(cdn, "sources", s.content, T.alb)) ?? []).map((x) => [x.urn, x])).values()];
    // A source that is no load balancer of the stack may take the orders posted to the CDN domain: named, never passed over.
    if (albs.some((x) => x.urn === alb.urn)) cdnSourcesHop(g, w, cdn);
    if (albs.length < 2) return;
    const domain = String(cdn.inputs.domainName);
    if (!albs.some((x) => x.urn === alb.urn)) {
        w.hop(cdn, `orders posted to ${domain} never reach ${alb.name}: it is no source of ${cdn.name} (its sources: ${albs.map((x) => x.name).join(", ")}), so the CDN sends it no request for ${domain} and its ${patterns[0]} rule needs no refusal of that host`, true);
        return;
    }
    const hosts = routedHosts(g, region, alb, patterns);
    // No order rule: the walk finds that break at the listener.
    if (hosts === undefined) return;
    const others = albs.filter((x) => x.urn !== alb.urn).map((x) => x.name);
    w.hop(
        cdn,
        `orders posted to ${domain} never reach ${alb.name}'s ${patterns[0]} rule (the CDN's sources span ${albs.length} regions)`,
        hosts !== null && !hosts.some((h) => hostMatches(h, domain))
            ? true
            : `the ${patterns[0]} rule of ${alb.name} ${hosts === null ? "takes any host" : `takes ${domain}`}, and ${cdn.name} fails over to sources in other regions (${others.join(", ")}): an order posted to ${domain}${patterns[0]} can be written by another region's order service, across the residency boundary for a separate region; give the rule a Host condition on the API name only`,
    );
    offHostOrderHop(g, w, region, alb, patterns, domain);
}

/**
 * What an order posted to the CDN domain meets on the ALB once the Host-restricted order rule does
 * not take it, on every path of the route (samplePaths: /order and /order/x): the first rule by
 * priority whose conditions match (answeringRule; alicloud.alb.Rule `priority`, a smaller value a
 * higher priority), else the listener's default action. Only a FixedResponse with a 4xx code
 * refuses it (offHostAnswerVerdict; a Redirect does not); a forward to a server group whose
 * targets also answer the order route (the same scaling group or node pool on the same port: with
 * compute vm every route's group registers the same app servers) writes the order after all. On
 * the serverless tier the SAE ingress's rules for that domain, else its default rule, must not
 * send any path of the route to the order application (saeOffHostOrderHop).
 */
function offHostOrderHop(g: FlowGraph, w: Walk, region: string, alb: FlowResource, patterns: readonly string[], domain: string): void {
    const path = patterns[0];
    const check = `an order posted to ${domain}${path} is refused, not served by the default action (every path: ${patterns.join(", ")})`;
    const ingress = g.ofType(T.saeIngress, region).find((i) => found(g.ref(i, "slbId", i.inputs.slbId, T.alb))?.urn === alb.urn);
    if (ingress !== undefined) {
        saeOffHostOrderHop(g, w, ingress, patterns, domain, check);
        return;
    }
    const listener = g.ofType(T.listener, region).find((l) => l.inputs.listenerProtocol === "HTTPS" && found(g.ref(l, "loadBalancerId", l.inputs.loadBalancerId, T.alb))?.urn === alb.urn);
    if (listener === undefined) return;
    const rules = aliListenerRules(g, region, listener).sort((a, b) => (a.priority ?? Number.MAX_SAFE_INTEGER) - (b.priority ?? Number.MAX_SAFE_INTEGER));
    const orderRule = rules.map((v) => v.rule).find((r) => aliRuleMatches(r.inputs.ruleConditions, path, firstHost(r) ?? domain) === true && firstHost(r) !== undefined);
    const orderAction = orderRule === undefined ? undefined : aliForwardAction(orderRule.inputs.ruleActions);
    const orderGroup = orderRule === undefined || orderAction === undefined || typeof orderAction === "string" ? undefined : found(g.ref(orderRule, "ruleActions", orderAction.serverGroupId, T.serverGroup));
    // Every path of the route: an order posted to /order/checkout meets the rules as /order does.
    // Every method: GET /order/<id> reads a user's order and PUT, PATCH or DELETE change it as a POST
    // places one, so a refusal for POST alone lets the others through (HTTP_METHODS: the methods an
    // ALB Method condition tells apart).
    let held: FlowResource | undefined;
    for (const sample of samplePaths(patterns, path, rulePatterns(rules))) {
        for (const method of [ROUTE_METHOD.order, ...HTTP_METHODS.filter((m) => m !== ROUTE_METHOD.order)]) {
            const answer = answeringRule(rules, { host: domain, path: sample, method });
            if (answer.kind === "undetermined") return w.hop(answer.rule, check, unevaluated(answer.condition));
            const verdict = offHostAnswerVerdict(g, region, listener, answer.kind === "rule" ? answer.rule : undefined, orderGroup, `${method} ${domain}${sample}`, path);
            if (verdict.ok !== true) return w.hop(verdict.on, check, verdict.ok);
            held = held ?? verdict.on;
        }
    }
    w.hop(held ?? listener, check, true);
}

/**
 * On the serverless tier, an order posted to `domain` (the CDN domain) meets the SAE ingress's
 * rules (alicloud.sae.Ingress `rules[].domain`, `path`, `appId`; the rest takes `defaultRule`): on
 * every path of the route (samplePaths: /order and /order/x), no rule for that domain whose path
 * matches it (exactly or by wildcard, as ALB matches: wildcardMatches) and, without one, not the
 * default rule sends it to the order application (the application the route's patterns reach on
 * the API name). The ingress gives its rules no priority of their own, so any rule that matches
 * may answer: each is judged.
 */
function saeOffHostOrderHop(g: FlowGraph, w: Walk, ingress: FlowResource, patterns: readonly string[], domain: string, check: string): void {
    const rules = list(ingress.inputs.rules).filter(isRecord);
    const appOf = (property: string, appId: unknown) => found(g.ref(ingress, property, appId, T.saeApp));
    const orderApps = rules.filter((r) => patterns.includes(String(r.path)) && r.domain !== domain).map((r) => appOf("rules", r.appId)?.urn);
    const fallback = isRecord(ingress.inputs.defaultRule) ? ingress.inputs.defaultRule : undefined;
    for (const sample of samplePaths(patterns, patterns[0] ?? "", rules.map((r) => str(r.path) ?? ""))) {
        const taking = rules.filter((r) => typeof r.domain === "string" && hostMatches(r.domain, domain) && typeof r.path === "string" && wildcardMatches(r.path, sample));
        const answers = taking.length > 0 ? taking.map((r) => ({ by: `the ingress rule ${String(r.domain)}${String(r.path)}`, app: appOf("rules", r.appId) })) : [{ by: "the ingress's default rule", app: appOf("defaultRule", fallback?.appId) }];
        const hit = answers.find((a) => a.app !== undefined && orderApps.includes(a.app.urn));
        if (hit !== undefined) return w.hop(ingress, check, `${domain}${sample} takes ${hit.by} to ${hit.app?.name ?? ""}, the order application: orders posted to the CDN domain are written by whichever region the CDN sent them to`);
    }
    w.hop(ingress, check, true);
}

/**
 * What an order posted off the API name (`request`, host and path) meets at the rule that answers
 * it (`taken`; undefined: the listener's default action). A FixedResponse with a 4xx code
 * (alicloud.alb.Rule `rule_actions.fixed_response_config.http_code`: "2xx, 4xx or 5xx", ALB API
 * CreateRule FixedResponseConfig.HttpCode) refuses it; a Redirect does not; a FixedResponse 2xx tells the
 * client the order was taken while nobody wrote it, a 5xx reports a failure that is the client's
 * (a misdirected request is 421, RFC 9110 section 15.5.20). A forward to a server group whose
 * targets also answer the order route writes it after all.
 */
function offHostAnswerVerdict(g: FlowGraph, region: string, listener: FlowResource, taken: FlowResource | undefined, orderGroup: FlowResource | undefined, request: string, path: string): { readonly on: FlowResource; readonly ok: Verdict } {
    const router = taken ?? listener;
    const answer = taken === undefined ? undefined : terminalAction(taken.inputs.ruleActions);
    // A redirect is no refusal: a 301, 302 or 303 lets the client retry the POST as a GET (RFC 9110
    // sections 15.4.2-15.4.4), and a 307 or 308 replays the order to wherever the rule points.
    if (answer?.type === "Redirect") return { on: router, ok: `${request} is answered by ${router.name} with a Redirect, not a 4xx refusal: the client may retry the order as a GET (301/302/303) or replay it to the redirect's target (307/308); answer 421 Misdirected Request` };
    if (answer?.type === "FixedResponse") {
        const code = str(at(answer, "fixedResponseConfig.httpCode")) ?? String(at(answer, "fixedResponseConfig.httpCode"));
        return { on: router, ok: /^4\d\d$/.test(code) ? true : `${request} is answered by ${router.name} with a FixedResponse ${code}, not a 4xx refusal: the client ${code.startsWith("2") ? "is told the order was taken while no order service wrote it" : "sees a server failure instead of being sent to the API name"}; answer 421 Misdirected Request` };
    }
    const action = taken === undefined ? { serverGroupId: at(listener.inputs, "defaultActions.0.forwardGroupConfig.serverGroupTuples.0.serverGroupId") } : aliForwardAction(taken.inputs.ruleActions);
    if (typeof action === "string") return { on: router, ok: `${request} takes ${router.name}, whose action ${action}: it neither refuses the order nor reaches a server group` };
    const ref = g.ref(router, taken === undefined ? "defaultActions" : "ruleActions", action.serverGroupId, T.serverGroup);
    if (ref.kind === "unknown") return { on: router, ok: undetermined(taken === undefined ? "defaultActions" : "ruleActions") };
    const group = found(ref);
    if (group === undefined || orderGroup === undefined) return { on: router, ok: true };
    const shared = registrations(g, region, group).filter((x) => registrations(g, region, orderGroup).includes(x));
    return {
        on: router,
        ok:
            group.urn !== orderGroup.urn && shared.length === 0
                ? true
                : `${request} misses the Host-restricted ${path} rule and takes ${taken === undefined ? `${listener.name}'s default action` : taken.name} -> ${group.name}, whose targets (${shared.join(", ") || group.name}) also answer ${path}: an order posted to the CDN domain is written by whichever region the CDN sent it to; refuse it with a rule on every path of the route for any host answering a 4xx FixedResponse`,
    };
}

/**
 * Whether a Host or Path condition value of an ALB rule is a regular expression: ALB matches a
 * domain name or path exactly, by `*` and `?` wildcards, or, for a value starting with `~`, as a
 * regular expression (ALB "Configure domain name- and URL path-based forwarding rules for ALB":
 * "Regular expression match"; the value starts with a tilde); the plan does not evaluate it (as ELB
 * regexValues).
 */
function aliRegexValue(v: string): boolean {
    return v.startsWith("~");
}

/**
 * The HTTPS listener's rules as the ALB evaluates them for requests (contracts.answeringRule):
 * priority (alicloud.alb.Rule `priority`, 1-10000, smaller first), Host, Path and Method condition
 * values (`ruleConditions[].hostConfig`, `pathConfig`, `methodConfig`); a SourceIp condition taking
 * every client (contracts.sourceIpClients) or a Header condition taking every request
 * (contracts.headerTakesEveryRequest) matches every request, a SourceIp condition taking no client
 * (::/0 on an IPv4-only ALB) none; any other Header, QueryString,
 * Cookie, SourceIp or response condition, or a regular-expression value (aliRegexValue: its
 * condition then excludes no request), cannot be judged from the plan (unevaluated). A rule of `direction`
 * Response is left out: it "is applied to the responses returned by backend servers"
 * (alicloud.alb.Rule `direction`, default Request), so it neither answers a request nor refuses one.
 */
function aliListenerRules(g: FlowGraph, region: string, listener: FlowResource): ListenerRuleView<FlowResource>[] {
    const alb = found(g.ref(listener, "loadBalancerId", listener.inputs.loadBalancerId, T.alb));
    // alicloud.alb.LoadBalancer `addressIpVersion`: IPv4 (the default) or DualStack.
    const dualStack = alb !== undefined && String(alb.inputs.addressIpVersion ?? "IPv4").toLowerCase() === "dualstack";
    const takesEveryRequest = (c: Record<string, unknown>): boolean => {
        // A SourceIp condition taking no client is judged too (a `source` condition: it excludes every request).
        if (c.type === "SourceIp") return sourceIpClients(strings(at(c, "sourceIpConfig.values")), dualStack) !== "some";
        if (c.type === "Header") return !strings(at(c, "headerConfig.values")).some(aliRegexValue) && headerTakesEveryRequest(at(c, "headerConfig.key"), strings(at(c, "headerConfig.values")));
        return false;
    };
    return g
        .ofType(T.rule, region)
        .filter((r) => found(g.ref(r, "listenerId", r.inputs.listenerId, T.listener))?.urn === listener.urn && r.inputs.direction !== "Response")
        .map((rule) => {
            const conditions = list(rule.inputs.ruleConditions).filter(isRecord);
            const of = (c: Record<string, unknown>) => strings(at(c, `${String(c.type).toLowerCase()}Config.values`));
            const kinds: Readonly<Record<string, RuleCondition>> = { Host: "host", Path: "path", Method: "method" };
            // A condition holding a regular expression matches when a value or the expression does: its values alone never exclude a request.
            const judged = conditions.flatMap((c) => {
                const sources = strings(at(c, "sourceIpConfig.values"));
                if (c.type === "SourceIp") return sourceIpClients(sources, dualStack) === "none" ? [{ condition: "source" as const, values: sources }] : [];
                const condition = kinds[String(c.type)];
                return condition === undefined || of(c).some(aliRegexValue) ? [] : [{ condition, values: of(c) }];
            });
            // A SourceIp or Header condition that takes every request never excludes one, a SourceIp one taking no client excludes all: both judged.
            const other = conditions.filter((c) => !takesEveryRequest(c)).find((c) => !["Host", "Path", "Method"].includes(String(c.type)) || of(c).some(aliRegexValue));
            const unjudged = other === undefined ? undefined : of(other).some(aliRegexValue) ? `ruleConditions (${String(other.type)} regular expression ${of(other).filter(aliRegexValue).join(", ")})` : `ruleConditions (${String(other.type)})`;
            return listenerRuleView(rule, num(rule.inputs.priority), judged, unjudged, terminalAction(rule.inputs.ruleActions)?.type === "ForwardGroup");
        });
}

/**
 * What an ALB rule that does not forward does: its terminal action (terminalAction) with the code it
 * answers (alicloud.alb.Rule `ruleActions[].fixedResponseConfig.httpCode`, `redirectConfig.httpCode`).
 */
function aliRuleDoes(rule: FlowResource): string {
    const end = terminalAction(rule.inputs.ruleActions);
    if (end === undefined) return "rule ending in no action";
    const code = end.type === "FixedResponse" ? at(end, "fixedResponseConfig.httpCode") : end.type === "Redirect" ? at(end, "redirectConfig.httpCode") : undefined;
    return `${String(end.type)}${code !== undefined ? ` ${String(code)}` : ""}`;
}

/**
 * The HTTPS listener's rules and what they forward to, for the rule hops (walk.routeRuleHop,
 * walk.precedenceHop): condition types as alicloud.alb.Rule `ruleConditions[].type` names them.
 */
function aliListenerView(g: FlowGraph, region: string, listener: FlowResource): ListenerRules {
    const groupOf = (r: FlowResource) => {
        const a = r.urn === listener.urn ? { serverGroupId: at(listener.inputs, "defaultActions.0.forwardGroupConfig.serverGroupTuples.0.serverGroupId") } : aliForwardAction(r.inputs.ruleActions);
        return typeof a === "string" ? undefined : found(g.ref(r, r.urn === listener.urn ? "defaultActions" : "ruleActions", a.serverGroupId, T.serverGroup));
    };
    return { listener, rules: aliListenerRules(g, region, listener), does: aliRuleDoes, groupOf, groupWord: "server group", conditionWords: { host: "Host", path: "Path", method: "Method", source: "SourceIp" } };
}

/** The route's requests meet no rule ahead of `router` on the HTTPS listener (precedenceHop). */
function aliPrecedenceHop(w: Walk, rules: ListenerRules, router: FlowResource, patterns: readonly string[], host: string, route: RouteName): void {
    const check = `no rule ahead of ${router.urn === rules.listener.urn ? "the default action" : router.name} answers ${host}${patterns.length === 0 ? DYNAMIC_API_PATH : patterns.join(" ")} first`;
    precedenceHop(w, rules, router, [host], samplePaths(patterns, DYNAMIC_API_PATH, rulePatterns(rules.rules)), ROUTE_METHOD[route], check);
}

/** The first Host condition value of an ALB rule, undefined without one. */
function firstHost(rule: FlowResource): string | undefined {
    return list(rule.inputs.ruleConditions).filter(isRecord).filter((c) => c.type === "Host").flatMap((c) => strings(at(c, "hostConfig.values")))[0];
}

/** The action that ends an ALB rule's chain (aliForwardAction: actions in `order`, the first ForwardGroup, Redirect or FixedResponse), undefined without one. */
function terminalAction(actions: unknown): Record<string, unknown> | undefined {
    const terminal = ["ForwardGroup", "Redirect", "FixedResponse"];
    return list(actions)
        .filter(isRecord)
        .map((a, i) => ({ a, order: num(a.order) ?? 50_000 + i }))
        .sort((x, y) => x.order - y.order)
        .map((x) => x.a)
        .find((a) => terminal.includes(String(a.type)));
}

/**
 * What answers behind an ALB server group, as `<scaling group>:<port>` pairs: the ESS scaling groups
 * registering in it (alicloud.ess.ScalingGroup `albServerGroups[].albServerGroupId`, `port`) and the
 * node pools' attachments (alicloud.ess.AlbServerGroupAttachment `albServerGroupId`, `scalingGroupId`, `port`).
 */
function registrations(g: FlowGraph, region: string, group: FlowResource): string[] {
    const ess = g.ofType(T.group, region).flatMap((x) =>
        list(x.inputs.albServerGroups)
            .filter(isRecord)
            .filter((s) => (found(g.refs(x, "albServerGroups", s.albServerGroupId, T.serverGroup)) ?? []).some((r) => r.urn === group.urn))
            .map((s) => `${x.name}:${String(s.port)}`),
    );
    const attached = g.referrers(group, T.albAttachment, "albServerGroupId").map((a) => `${String(a.inputs.scalingGroupId)}:${String(a.inputs.port)}`);
    return [...ess, ...attached];
}

/**
 * A CDN domain serves its name over HTTPS on a certificate valid for it (alicloud.cdn.DomainNew
 * `certificateConfig`: `serverCertificateStatus` on; `certType` free, issued by the CDN for the
 * domain itself, or cas, a Certificate Management Service certificate whose names the domain's
 * tags declare: cdn.certificateNames, certificateNameTags). Without declared names a cas
 * certificate cannot be judged: undetermined, never assumed.
 */
function cdnCertificateVerdict(cdn: FlowResource): Verdict {
    if (at(cdn.inputs, "certificateConfig.serverCertificateStatus") !== "on") return `${cdn.name} has no HTTPS certificate (certificateConfig.serverCertificateStatus on)`;
    if (at(cdn.inputs, "certificateConfig.certType") !== "cas") return true;
    const host = String(cdn.inputs.domainName);
    const names = certificateNamesOf(cdn.inputs.tags);
    if (names.length === 0) return undetermined(`tags (cdn.certificateNames: the names certificate ${String(at(cdn.inputs, "certificateConfig.certId"))} covers are not given)`);
    return coversName(names, host) ? true : `the CDN certificate covers ${names.join(", ")}, not ${host}: viewers refuse the TLS handshake`;
}

/** The `residency` tag value of separate partitions: `separate:<region>` (components/model/residency.ts residencyTag). */
const SEPARATE_PARTITION = "separate:";

/** The residency partition a resource is tagged with (its `residency` tag: the boundary's name, or `separate:<region>`); undefined without one (no residency). */
function partitionOf(r: FlowResource): string | undefined {
    return str(at(r.inputs, "tags.residency"));
}

/** A request path of the API route (the load balancer's default action): dynamic, per user (as on AWS). */
const DYNAMIC_API_PATH = `${API_PATH}/products`;

/** The arguments of a CDN domain config (alicloud.cdn.DomainConfig `functionArgs`: argName -> argValue). */
function functionArgs(config: FlowResource): Record<string, string> {
    return Object.fromEntries(list(config.inputs.functionArgs).filter(isRecord).map((a) => [String(a.argName), String(a.argValue)]));
}

/**
 * The CDN serves `path` uncached: of the domain's directory cache rules (DomainConfig
 * `path_based_ttl_set`: path, ttl, weight 1-99 with 1 the default, the larger weight applying)
 * that cover the path, the one that applies has TTL 0 ("not cached on CDN nodes", doc-detail/27145).
 * With no rule the default policy caches a response with an ETag or Last-Modified up to 3,600 s
 * (CDN default cache policy, doc-detail/40080): a per-user response could be served to another user.
 */
function cdnDynamicNotCached(g: FlowGraph, cdn: FlowResource, path: string): Verdict {
    const configs = g.referrers(cdn, T.cdnConfig, "domainName", ["domainName"]).filter((c) => c.inputs.functionName === "path_based_ttl_set");
    if (configs.some((c) => FlowGraph.isUnknown(c.inputs.functionArgs))) return undetermined("functionArgs");
    const covering = configs
        .map(functionArgs)
        .filter((a) => a.path !== undefined && (path === a.path || path.startsWith(a.path.endsWith("/") ? a.path : `${a.path}/`)))
        .sort((x, y) => (num(y.weight) ?? Number(y.weight ?? 1)) - (num(x.weight) ?? Number(x.weight ?? 1)));
    const rule = covering[0];
    if (rule === undefined) return `no cache rule (path_based_ttl_set) of ${cdn.name} covers ${path}: the CDN's default policy caches a response with an ETag or Last-Modified up to 3,600 s, so a per-user response could be served to another user`;
    return Number(rule.ttl) === 0 ? true : `the cache rule for ${rule.path} of ${cdn.name} keeps ${path} ${rule.ttl} s at the edge: per-user responses would be served from the cache`;
}

/**
 * The sources of a CDN domain that name no load balancer of the stack, each as `content (type)`:
 * a known `content` (alicloud.cdn.DomainNew `sources.content`, with `type` domain, ipaddr or oss)
 * matching no ALB's DNS name (compared without case, RFC 4343: FlowGraph.dnsRefs). An ALB is
 * reached by its DNS name only (alicloud.alb.LoadBalancer `dnsName`; it has no fixed address), so
 * an ipaddr or oss source is never one. An unknown content (a first preview) is not listed: it
 * resolves through the source's dependencies or leaves its hop unknown.
 */
function strayCdnSources(g: FlowGraph, cdn: FlowResource): string[] {
    return list(cdn.inputs.sources)
        .filter(isRecord)
        .filter((s) => !FlowGraph.isUnknown(s.content) && g.dnsRefs(cdn, "sources", s.content, T.alb).kind === "missing")
        .map((s) => `${String(s.content)} (${String(s.type ?? "domain")})`);
}

/**
 * Every source of the CDN domain is a load balancer of the stack: the CDN sends requests to its
 * sources by priority and weight, and a standby source takes every request when the primary fails,
 * whatever the method (CDN "Configure an origin server"). A source the stack does not declare
 * answers the domain's requests, orders included, with routes, certificate and residency the plan
 * cannot follow, so the flow breaks at the CDN domain naming it (strayCdnSources).
 */
function cdnSourcesHop(g: FlowGraph, w: Walk, cdn: FlowResource): void {
    const strays = strayCdnSources(g, cdn);
    w.hop(
        cdn,
        `every source of ${cdn.name} is a load balancer of the stack`,
        strays.length === 0
            ? true
            : `${cdn.name}'s source ${strays.join(", ")} names no load balancer of the stack (DNS names compared without case): the CDN sends requests for ${String(cdn.inputs.domainName)} to it, and every request when it is the one source left, to an origin whose routes, certificate and residency the stack does not declare; point each source at a region's ALB DNS name`,
    );
}

/**
 * The CDN in front of the ALB: HTTPS for viewers, an origin on the ALB's HTTPS listener, `path` not
 * cached. Returns the host the CDN forwards (its domain), or null when the CDN's one source is another
 * region's load balancer (cdn.originFailover false: the CDN's viewers are served by the origin's
 * region, whose flow is walked there, and never enter this one).
 */
function cdnEntry(g: FlowGraph, w: Walk, alb: FlowResource, path: string): string | null {
    const cdn = g.ofType(T.cdn).find((c) => c.inputs.cdnType !== "video") ?? w.absent(alb, "CDN", "no CDN domain serves the viewers");
    // Every origin a source refers to: in a first preview the contents are unknown and resolve to the load balancers the sources depend on.
    const origins = list(cdn.inputs.sources).filter(isRecord).flatMap((s) => found(g.dnsRefs(cdn, "sources", s.content, T.alb)) ?? []);
    const servedBy = [...new Map(origins.map((x) => [x.urn, x])).values()];
    // One origin region and it is another one (cdn.originFailover false); sources in several regions that leave this one out break at the origin hop.
    if (servedBy.length === 1 && !origins.some((x) => x.urn === alb.urn)) {
        w.hop(cdn, `${String(cdn.inputs.domainName)} is served by ${servedBy.map((x) => x.name).join(", ")}: ${alb.name} is no CDN origin (cdn.originFailover false), its region is not entered through the CDN`, true);
        return null;
    }
    // A region outside the residency boundary is no source of the boundary's CDN (cdnOrigins): its users reach it by its own API name.
    const partition = partitionOf(alb);
    if (servedBy.length > 1 && !origins.some((x) => x.urn === alb.urn) && partition?.startsWith(SEPARATE_PARTITION) === true && servedBy.every((x) => partitionOf(x) !== partition)) {
        w.hop(cdn, `${String(cdn.inputs.domainName)} is served by ${servedBy.map((x) => x.name).join(", ")}: ${alb.name} (residency ${partition}) is no CDN origin, its region is not entered through the CDN`, true);
        return null;
    }
    w.hop(cdn, "serves the domain over HTTPS", cdnCertificateVerdict(cdn));
    cdnSourcesHop(g, w, cdn);
    const foreign = servedBy.filter((x) => partitionOf(x) !== partition);
    w.hop(
        cdn,
        `the CDN's sources stay inside ${alb.name}'s residency partition (${partition ?? "none"})`,
        foreign.length === 0
            ? true
            : `${cdn.name} also has ${foreign.map((x) => `${x.name} (residency ${partitionOf(x) ?? "none"})`).join(", ")} as a source: a standby source takes every request when the primary fails, whatever the method (CDN "Configure an origin server"), so ${alb.name}'s users' cart and user API calls to ${String(cdn.inputs.domainName)} are answered and stored across the residency boundary; keep the CDN's sources inside the boundary`,
    );
    const toAlb = list(cdn.inputs.sources).filter(isRecord).filter((s) => (found(g.dnsRefs(cdn, "sources", s.content, T.alb)) ?? []).some((x) => x.urn === alb.urn));
    // The CDN fetches from the source's port (alicloud_cdn_domain_new sources.port, default 80); the
    // ALB answers the domain on its HTTPS listener (443), its HTTP listener only redirects.
    const sourcePorts = toAlb.map((s) => num(s.port) ?? 80);
    w.hop(
        cdn,
        `origin -> ${alb.name}:443 (Host = ${String(cdn.inputs.domainName)})`,
        toAlb.length === 0 ? `no CDN origin reaches ${alb.name}` : sourcePorts.every((p) => p === 443) ? true : `the CDN source for ${alb.name} is on port ${sourcePorts.join(", ")}: the load balancer answers HTTPS on 443 (its HTTP listener only redirects)`,
    );
    w.hop(cdn, `${path} is not cached at the edge`, cdnDynamicNotCached(g, cdn, path));
    return str(cdn.inputs.domainName) ?? "";
}

/** From the ALB's HTTPS listener (or the SAE ingress on it) for requests carrying `host` to the targets that answer the route. */
function albPath(g: FlowGraph, w: Walk, region: string, alb: FlowResource, route: RouteName, patterns: readonly string[], host: string, lbCidrs: readonly string[]): Targets {
    const longLived = ROUTES.find((x) => x.name === route)?.longLived === true;
    const saeIngress = g.ofType(T.saeIngress, region).find((i) => found(g.ref(i, "slbId", i.inputs.slbId, T.alb))?.urn === alb.urn);
    if (g.ofType(T.saeApp, region).length > 0) return saeTargets(g, w, region, alb, saeIngress, host, patterns, lbCidrs, longLived);
    const https = g.ofType(T.listener, region).find((l) => l.inputs.listenerProtocol === "HTTPS" && found(g.ref(l, "loadBalancerId", l.inputs.loadBalancerId, T.alb))?.urn === alb.urn);
    if (https === undefined) w.hop(alb, "HTTPS listener", `${alb.name} has no HTTPS listener`);
    const listener = https ?? alb;
    w.hop(listener, `certificate for ${host}`, certificateVerdict(alb, at(listener.inputs, "certificates.certificateId"), host, "the HTTPS listener has no certificate (set tls.certificateId): it cannot be created"));
    // The app servers and pods ping at the contract's interval (they set no WEBSOCKET_PING_ENV).
    if (longLived) websocketIdleHop(w, listener, num(listener.inputs.idleTimeout), WEBSOCKET_PING_INTERVAL_SECONDS);
    let router: FlowResource = listener;
    let groupId: unknown;
    const listenerView = aliListenerView(g, region, listener);
    if (patterns.length === 0) {
        const weighted = serverGroupTuples(list(listener.inputs.defaultActions)[0]);
        aliWeightedHop(g, w, region, listener, "defaultActions", weighted);
        groupId = (weighted.find((x) => x.weight > 0) ?? weighted[0])?.serverGroupId;
    } else {
        // The route's rule: the rule routing its patterns that takes the request first (routeRule).
        const views = listenerView.rules;
        const rule = routeRule(views, patterns, DYNAMIC_API_PATH, host, ROUTE_METHOD[route], routeGroupTest(listenerView, route, ROUTE_SERVICE[route]));
        // A rule the plan cannot judge (a `~` regular expression) may be the one routing it: unknown, not broken.
        const unjudged = rule === undefined ? answeringRule(views, { host, path: patterns[0], method: ROUTE_METHOD[route] }) : undefined;
        if (unjudged?.kind === "undetermined") w.stopUndetermined(unjudged.rule, `rule ${patterns.join(" ")}`, unevaluated(unjudged.condition));
        if (rule === undefined) w.hop(listener, `rule ${patterns.join(" ")}`, `no rule routes ${patterns.join(" ")}`);
        router = rule ?? listener;
        // Every path of the route takes the rule, or another rule forwarding to its server group.
        routeRuleHop(w, listenerView, router, [host], samplePaths(patterns, DYNAMIC_API_PATH, rulePatterns(views)), ROUTE_METHOD[route], `rule ${patterns.join(" ")} matches requests for ${host}`);
        const action = aliForwardAction(router.inputs.ruleActions);
        // The rule forwards, and to the route's server group (or one with the same targets behind it).
        const toRoute = () => routeGroupVerdict(router.name, listenerView.groupOf(router), route, ROUTE_SERVICE[route], g.ofType(T.serverGroup, region), (group) => registrations(g, region, group), "server group");
        w.hop(router, `rule ${patterns.join(" ")} forwards`, typeof action === "string" ? `the rule's action ${action}` : toRoute());
        if (typeof action !== "string") aliWeightedHop(g, w, region, router, "ruleActions", action.weighted);
        aliRewriteHop(w, router, patterns, samplePaths(patterns, DYNAMIC_API_PATH));
        groupId = typeof action === "string" ? undefined : action.serverGroupId;
    }
    aliPrecedenceHop(w, listenerView, router, patterns, host, route);
    // A rule ahead carrying part of the route to its server group is judged as the route's rule is.
    const views = listenerView.rules;
    for (const s of sharingRules(views, [host], samplePaths(patterns, DYNAMIC_API_PATH, rulePatterns(views)), ROUTE_METHOD[route], router)) {
        const a = aliForwardAction(s.rule.inputs.ruleActions);
        if (typeof a !== "string") aliWeightedHop(g, w, region, s.rule, "ruleActions", a.weighted);
        aliRewriteHop(w, s.rule, patterns, s.paths);
    }
    const sgp = w.follow(router, `${patterns.length === 0 ? "default action" : patterns.join(" ")} -> ${route} server group`, g.ref(router, patterns.length === 0 ? "defaultActions" : "ruleActions", groupId, T.serverGroup), "forwards to no server group the stack declares");
    const healthPath = str(at(sgp.inputs, "healthCheckConfig.healthCheckPath")) ?? "/";
    const checkHealth = (port: number) => w.hop(sgp, `health check ${healthPath} over HTTP on the traffic port answers 200`, healthCheckVerdict(sgp.name, aliHealthCheck(sgp), port));

    const cluster = g.ofType(T.cluster, region)[0];
    if (cluster !== undefined) {
        const service = ROUTE_SERVICE[route];
        const attachments = g.referrers(sgp, T.albAttachment, "albServerGroupId");
        w.hop(sgp, "registered targets: the ACK node pools", nodePoolTargetsVerdict(g, region, sgp, attachments, service));
        const port = num(attachments[0].inputs.port) ?? 0;
        checkHealth(port);
        const svc = nodePortService(g, w, region, attachments[0], service, port);
        // Each attachment registers its scaling group's nodes on its own port (alicloud.ess.AlbServerGroupAttachment `port`): every zone's pool must take the service's node port.
        for (const a of attachments.slice(1)) {
            const p = a.inputs.port;
            w.hop(a, `registers node port ${port}, the ${service} service's`, FlowGraph.isUnknown(p) ? undetermined("port") : num(p) === port ? true : `${a.name} registers its nodes on ${String(p)}, not the ${service} service's node port ${port}: requests sent to those nodes are refused`);
        }
        const dep = g.ofType(T.deployment, region).find((d) => at(d.inputs, "metadata.name") === service);
        if (svc !== undefined && dep !== undefined) serviceReachesPods(w, svc, port, dep);
        w.hop(dep ?? attachments[0], `pods answer ${healthPath}`, podsAnswer(dep, healthPath, service, "server group"));
        const pools = g.ofType(T.nodePool, region);
        // Every node pool's nodes answer the load balancer: each pool sits in a security group of the stack that admits it.
        const sgs = pools.flatMap((p) => {
            const r = g.refs(p, "securityGroupIds", p.inputs.securityGroupIds, T.sg);
            if (r.kind === "found" && r.resource.length > 0) return r.resource;
            if (r.kind === "unknown") {
                w.hop(p, "node security group", undetermined("securityGroupIds"));
                return [];
            }
            return w.absent(p, "node security group", `${p.name} names no security group of the stack: no rule can admit its nodes`);
        });
        if (pools.length === 0) w.absent(cluster, "node security group", `${cluster.name} has no node pool: nothing answers the load balancer`);
        for (const sg of new Set(sgs)) w.hop(sg, `admits the load balancer's vSwitches on ${port}`, sgAdmitsCidrs(g, sg, lbCidrs, port));
        return { answerer: pools[0] ?? cluster, securityGroups: [...new Set(sgs)], vswitches: pools.flatMap((p) => vswitchesOf(g, p)) };
    }

    // In a first preview every group id is unknown: the dependencies of albServerGroups name all the groups it registers in (refs, not ref).
    const group = g.ofType(T.group, region).find((x) => list(x.inputs.albServerGroups).filter(isRecord).some((s) => (found(g.refs(x, "albServerGroups", s.albServerGroupId, T.serverGroup)) ?? []).some((r) => r.urn === sgp.urn)));
    if (group === undefined) w.hop(sgp, "registered targets", `no scaling group is attached to ${sgp.name}`);
    const asg = group ?? sgp;
    const port = num(list(asg.inputs.albServerGroups).filter(isRecord).map((s) => s.port)[0]) ?? 0;
    w.hop(sgp, `registered targets: ${asg.name} on ${port}`, true);
    checkHealth(port);
    const config = g.referrers(asg, T.config, "scalingGroupId")[0];
    if (config === undefined) w.hop(asg, "scaling configuration", "the group has no scaling configuration");
    const cfg = config ?? asg;
    const userData = decodeUserData(cfg.inputs.userData);
    const servesByUserData = userData !== null && userData.includes(healthPath) && userData.includes(String(port));
    // The app image contract (docs/METRICS.md): an image set in `app.imageId` serves the app; the
    // stock OS image (imageName) serves nothing.
    const appImage = typeof cfg.inputs.imageId === "string" && cfg.inputs.imageId !== "";
    w.hop(cfg, `instances answer ${healthPath} on ${port}`, servesByUserData || appImage ? true : { reason: `the stock image (${String(cfg.inputs.imageName ?? "none")}) with no user data serves nothing on ${port}: set app.imageId to an image that keeps the app image contract`, setting: "app" });
    const sgsRef = g.refs(cfg, "securityGroupIds", cfg.inputs.securityGroupIds, T.sg);
    const sgs = sgsRef.kind === "found" ? sgsRef.resource : [];
    const sg = sgs[0] ?? w.absent(cfg, "targets' security group", `${cfg.name} has no security group the stack declares`);
    w.hop(sg, `admits the load balancer's vSwitches on ${port}`, sgAdmitsCidrs(g, sg, lbCidrs, port));
    return { answerer: asg, securityGroups: sgs, vswitches: vswitchesOf(g, asg) };
}

/**
 * An open WebSocket survives lulls: the listener's idle timeout (`idleTimeout`, or ALB's default
 * ALB_DEFAULT_IDLE_TIMEOUT_SECONDS when unset) is longer than the service's ping interval
 * (websocketIdleVerdict).
 */
function websocketIdleHop(w: Walk, resource: FlowResource, idleTimeout: number | undefined, pingSeconds: number): void {
    const idle = idleTimeout ?? ALB_DEFAULT_IDLE_TIMEOUT_SECONDS;
    const from = idleTimeout === undefined ? "ALB's default: the listener sets no idle timeout" : "the listener's idleTimeout";
    w.hop(resource, `WebSockets stay open: pings every ${pingSeconds} s within the ${idle} s idle timeout`, websocketIdleVerdict(idle, pingSeconds, from));
}

/** The ping interval an SAE application's envs set (WEBSOCKET_PING_ENV), else the contract's WEBSOCKET_PING_INTERVAL_SECONDS; undefined when the envs are unknown (a first preview). */
function saePingSeconds(app: FlowResource): number | undefined {
    const envs = saeEnvs(app);
    if (envs === null) return undefined;
    const set = envs.find((e) => e.name === WEBSOCKET_PING_ENV);
    const value = set === undefined ? undefined : Number(set.value);
    return value !== undefined && Number.isInteger(value) && value > 0 ? value : WEBSOCKET_PING_INTERVAL_SECONDS;
}

/**
 * The serverless tier's request path: the SAE ingress (alicloud_sae_ingress with
 * `load_balance_type = "alb"`) creates the HTTPS listener on the region's ALB and one forwarding rule
 * per `rules` entry (domain + path, matched exactly or by wildcard as ALB does -> application and container port; `default_rule` for the
 * rest: terraform-provider-alicloud docs r/sae_ingress). Each rule reaches the application on the
 * port its readiness probe checks, and the application's security group admits the ALB's vSwitches.
 */
function saeTargets(g: FlowGraph, w: Walk, region: string, alb: FlowResource, ingress: FlowResource | undefined, host: string, patterns: readonly string[], lbCidrs: readonly string[], longLived: boolean): Targets {
    const i = ingress ?? w.absent(g.ofType(T.alb, region)[0], "HTTPS listener", `no SAE ingress on the ALB in ${region}: nothing listens for HTTPS`);
    w.hop(i, "HTTPS listener on 443 (SAE ingress)", i.inputs.listenerProtocol === "HTTPS" && num(i.inputs.listenerPort) === 443 ? true : `${i.name} listens on ${String(i.inputs.listenerProtocol)} ${String(i.inputs.listenerPort)}, not HTTPS 443`);
    w.hop(i, `certificate for ${host}`, certificateVerdict(alb, i.inputs.certIds, host, "the SAE ingress has no certificate (set tls.certificateId): its HTTPS listener cannot be created"));
    let rule: Record<string, unknown> | undefined;
    if (patterns.length === 0) rule = isRecord(i.inputs.defaultRule) ? i.inputs.defaultRule : undefined;
    else rule = list(i.inputs.rules).filter(isRecord).find((r) => r.path === patterns[0] && r.domain === host);
    if (rule === undefined) w.hop(i, `rule ${patterns.join(" ") || "default"}`, patterns.length === 0 ? "the ingress has no default rule" : `no ingress rule routes ${host}${patterns[0]}`);
    if (patterns.length === 0) saeUserRouteHop(g, w, region, i, host);
    // ALB matches a path exactly or by wildcard: every pattern of the route needs its rule to the same application (saeServices' ingress).
    const unrouted = patterns.filter((p) => !list(i.inputs.rules).filter(isRecord).some((x) => x.path === p && x.domain === host && rule !== undefined && x.appId === rule.appId));
    if (rule !== undefined && patterns.length > 1) w.hop(i, `rules for every path of the route (${patterns.join(", ")})`, unrouted.length === 0 ? true : `no ingress rule routes ${host}${unrouted.join(", ")} to the same application: ALB matches a path exactly or by wildcard, so those requests go to the default rule's application`);
    if (rule !== undefined) saePrecedenceHop(w, i, host, patterns, rule);
    const r = rule ?? {};
    const port = num(r.containerPort) ?? 0;
    const app = w.follow(i, `${patterns.length === 0 ? "default rule" : patterns.join(" ")} -> application on ${port}`, g.ref(i, patterns.length === 0 ? "defaultRule" : "rules", r.appId, T.saeApp), "routes to no SAE application the stack declares");
    if (longLived) {
        // The ingress's listener keeps ALB's default idle timeout: alicloud_sae_ingress has no idle timeout (sae/ingress.d.ts).
        const ping = saePingSeconds(app);
        if (ping === undefined) w.hop(app, "WebSocket ping interval", undetermined("envs"));
        else websocketIdleHop(w, i, undefined, ping);
    }
    const probePath = str(at(app.inputs, "readinessV2.httpGet.path"));
    const probePort = num(at(app.inputs, "readinessV2.httpGet.port"));
    // The readiness probe must GET the app image contract's readiness path (docs/METRICS.md): an
    // image built to the contract answers nothing else, so any other path never becomes ready.
    const readyVerdict: Verdict =
        probePath !== APP_CONTRACT_PATHS.ready
            ? `${app.name} probes ${probePath ?? "nothing"}, the app image contract answers readiness on ${APP_CONTRACT_PATHS.ready}`
            : probePort === port
              ? true
              : `${app.name} probes ${probePath} on ${String(probePort)}, the ingress sends to ${port}`;
    w.hop(app, `instances answer ${APP_CONTRACT_PATHS.ready} on ${port} (the app image contract)`, readyVerdict);
    const sg = found(g.ref(app, "securityGroupId", app.inputs.securityGroupId, T.sg)) ?? w.absent(app, "application security group", `${app.name} names no security group of the stack`);
    w.hop(sg, `admits the load balancer's vSwitches on ${port}`, sgAdmitsCidrs(g, sg, lbCidrs, port));
    const vswitches = g.refs(app, "vswitchId", strings(app.inputs.vswitchId).flatMap((v) => v.split(",")), T.vswitch);
    return { answerer: app, securityGroups: [sg], vswitches: vswitches.kind === "found" ? vswitches.resource : [] };
}

/**
 * No other ingress rule takes part of the route from its own rule (`rule`; the default rule for a
 * route without patterns). SAE turns each `rules` entry into a forwarding rule of the ALB listener
 * ("Each routing rule you create in SAE maps to a listener configuration on the ALB instance", SAE
 * "Get started with ALB Ingress gateway routing"), and sends what matches no entry to the default
 * rule (SAE API CreateIngress DefaultRule: "All requests that do not match ... Rules are forwarded to
 * the specified application"): an entry for the host matching the default route's path takes it
 * from the default rule, broken. Among entries, neither alicloud.sae.Ingress `rules` (appId,
 * appName, containerPort, domain, path, backendProtocol, rewritePath) nor CreateIngress Rules gives
 * a priority, and SAE documents no order it assigns: where another entry for the host matches a
 * path of the route (samplePaths against every entry's path) and sends it to another application
 * or port, which entry answers cannot be told from the plan: undetermined, never passed.
 */
function saePrecedenceHop(w: Walk, ingress: FlowResource, host: string, patterns: readonly string[], rule: Record<string, unknown>): void {
    const rules = list(ingress.inputs.rules).filter(isRecord);
    const fallback = DYNAMIC_API_PATH;
    const samples = samplePaths(patterns, fallback, rules.map((r) => str(r.path) ?? ""));
    const elsewhere = rules.filter((r) => hostMatches(str(r.domain) ?? "", host) && (r.appId !== rule.appId || r.containerPort !== rule.containerPort) && samples.some((p) => wildcardMatches(str(r.path) ?? "", p)));
    const named = elsewhere.map((r) => `${String(r.domain)}${String(r.path)} -> ${String(r.appName ?? r.appId)}:${String(r.containerPort)}`).join(", ");
    const check = `no other ingress rule takes ${host}${patterns.length === 0 ? fallback : patterns.join(" ")} from ${patterns.length === 0 ? "the default rule" : "the route's rules"}`;
    if (elsewhere.length === 0) return w.hop(ingress, check, true);
    if (patterns.length === 0) return w.hop(ingress, check, `${named} takes ${host}${fallback} ahead of the default rule: the API's requests reach another application`);
    w.hop(ingress, check, unevaluated(`rules (${named} also matches the route; SAE documents no order among ingress rules)`));
}

/**
 * The user API on the host a default-route flow enters by (the CDN domain, the region's API name):
 * the serverless tier routes `/api/users` to the user application (SERVICE_ROUTES), by one ingress
 * rule per domain and path (alicloud.sae.Ingress `rules[].domain`, `path`; ALB matches a path
 * exactly or by wildcard). Without rules for this host every path of the route falls to the default
 * rule's application, which keeps no accounts: the users of that name cannot sign in. The user
 * application is the SAE application tagged `service: user` (components/alicloud/serverless.ts).
 */
function saeUserRouteHop(g: FlowGraph, w: Walk, region: string, ingress: FlowResource, host: string): void {
    const route = SERVICE_ROUTES.find((r) => r.target.kind === "service" && r.target.service === "user");
    const app = g.ofType(T.saeApp, region).find((a) => at(a.inputs, "tags.service") === "user");
    if (route === undefined || app === undefined) return;
    const rules = list(ingress.inputs.rules).filter(isRecord);
    const onHost = rules.filter((r) => r.domain === host && route.pathPatterns.includes(String(r.path)));
    const unrouted = route.pathPatterns.filter((p) => !onHost.some((r) => r.path === p && (FlowGraph.isUnknown(r.appId) || found(g.ref(ingress, "rules", r.appId, T.saeApp))?.urn === app.urn)));
    w.hop(
        ingress,
        `${host}${route.pathPatterns[0]} reaches ${app.name} (the user API)`,
        unrouted.length === 0 ? (onHost.some((r) => FlowGraph.isUnknown(r.appId)) ? undetermined("rules") : true) : `no ingress rule routes ${unrouted.map((p) => `${host}${p}`).join(", ")} to ${app.name}: the user API of ${host} falls to the default rule's application (${rules.filter((r) => r.path === route.pathPatterns[0]).map((r) => String(r.domain)).join(", ") || "no domain"} routed only)`,
    );
}

/**
 * SAE metrics a scaling rule may read for any application (alicloud_sae_application_scaling_rule
 * `metrics.metric_type`, SDK docstring: CPU, MEMORY, tcpActiveConn, SLB_QPS, SLB_RT,
 * INTRANET_SLB_QPS, INTRANET_SLB_RT); QPS and RT are measured for Java applications only.
 */
const SAE_METRICS = ["CPU", "MEMORY", "tcpActiveConn", "SLB_QPS", "SLB_RT", "INTRANET_SLB_QPS", "INTRANET_SLB_RT"];
const SAE_JAVA_METRICS = ["QPS", "RT"];

/**
 * The seed's scale-out signal on SAE (connections > scaleOut.connectionsPerInstance OR CPU >
 * scaleOut.cpuPercent): SAE adds instances when any metric of a rule is above its target
 * (saeMetricPlan), and `tcpActiveConn` ("The average number of TCP active connections for a single
 * instance in 30 seconds", alicloud_sae_application_scaling_rule `metric_type`) is SAE's metric
 * nearest to the connections per instance of the VM tier (docs/SCALING.md).
 */
const SAE_SIGNAL = ["tcpActiveConn", "CPU"] as const;

/**
 * The serverless tier's scaling signal: each SAE application has an enabled scaling rule on
 * metrics SAE measures for it, every enabled rule keeps the seed's connection OR CPU signal
 * (SAE_SIGNAL), and the application releases with its rules enabled (saeReleasePlan: the rules
 * re-enabled after a DeployApplication, at least one ready instance).
 */
function saeScaling(g: FlowGraph, w: Walk, region: string): void {
    for (const app of g.ofType(T.saeApp, region)) {
        const rules = g.referrers(app, T.saeRule, "appId").filter((r) => r.inputs.scalingRuleEnable === true && (r.inputs.scalingRuleType === "metric" || r.inputs.scalingRuleType === "mix"));
        if (rules.length === 0) w.hop(app, "enabled metric scaling rule", `${app.name} has no enabled metric or mix scaling rule`);
        const java = String(app.inputs.programmingLanguage ?? "").toLowerCase() === "java";
        for (const rule of rules) {
            const metrics = list(at(rule.inputs, "scalingRuleMetric.metrics")).filter(isRecord);
            const types = metrics.map((m) => String(m.metricType));
            const unmeasured = types.filter((t) => !SAE_METRICS.includes(t) && !(java && SAE_JAVA_METRICS.includes(t)));
            w.hop(rule, `reads ${types.join(", ") || "no metric"} that SAE measures for ${app.name}`, types.length > 0 && unmeasured.length === 0 ? true : `${rule.name} reads ${unmeasured.join(", ") || "no metric"}, which SAE does not measure for this application`);
            const lacking = SAE_SIGNAL.filter((t) => !metrics.some((m) => m.metricType === t && (num(m.metricTargetAverageUtilization) ?? 0) > 0));
            w.hop(rule, `scales out on ${SAE_SIGNAL.join(" OR ")} (the seed's connections OR CPU)`, lacking.length === 0 ? true : `${rule.name} has no ${lacking.join(", ")} metric with a target: the seed's ${lacking.includes("tcpActiveConn") ? "connection" : "CPU"} signal is lost`);
            const ready = num(rule.inputs.minReadyInstances);
            w.hop(rule, "keeps an instance ready while SAE releases or scales (minReadyInstances >= 1)", ready !== undefined && ready >= 1 ? true : `${rule.name} sets minReadyInstances ${String(rule.inputs.minReadyInstances)}: 0 interrupts the business during an upgrade`);
        }
        const ready = num(app.inputs.minReadyInstances);
        w.hop(
            app,
            "releases with its scaling rules on (autoEnableApplicationScalingRule, minReadyInstances >= 1)",
            app.inputs.autoEnableApplicationScalingRule !== true
                ? `${app.name} does not set autoEnableApplicationScalingRule: SAE deploys only with the scaling rules disabled, and they would stay off after the release`
                : ready === undefined || ready < 1
                  ? `${app.name} sets minReadyInstances ${String(app.inputs.minReadyInstances)}: a release stops every instance at once`
                  : true,
        );
    }
}

/**
 * ACK installs metrics-server as a system component when it creates a cluster ("Component
 * overview": metrics-server, system component, "collects resource usage data for the auto scaling
 * feature"; system components are installed automatically with the cluster).
 */
function ackMetricsServer(cluster: FlowResource) {
    return { resource: cluster, check: "metrics-server serves pod CPU (ACK system component)", verdict: true as const };
}

/**
 * Pending pods reach ACK's node autoscaling: the cluster's AutoscalingConfig runs a known scaler
 * (alicloud_cs_autoscaling_config `scaler_type`: cluster-autoscaler or goatscaler), and every node
 * pool of the cluster has auto scaling enabled (`scaling_config.enable`) with room to grow. The
 * autoscaler acts with the account's ACK service role AliyunCSManagedAutoScalerRole, outside the
 * stack (README prerequisites).
 */
function ackNodeAutoscaling(g: FlowGraph, cluster: FlowResource): NodeAutoscaling {
    return (w) => {
        const config = g.referrers(cluster, T.autoscalingConfig, "clusterId")[0];
        if (config === undefined) w.hop(cluster, "Pending pods: node autoscaling enabled", `${cluster.name} has no AutoscalingConfig: Pending pods add no nodes`);
        const c = config ?? cluster;
        const scaler = str(c.inputs.scalerType) ?? "cluster-autoscaler";
        w.hop(c, `Pending pods: ACK's ${scaler} scales the node pools`, ["cluster-autoscaler", "goatscaler"].includes(scaler) ? true : `scalerType ${scaler} is not cluster-autoscaler or goatscaler`);
        const pools = g.referrers(cluster, T.nodePool, "clusterId");
        if (pools.length === 0) w.hop(cluster, "node pools", `${cluster.name} has no node pool`);
        for (const pool of pools) {
            const min = num(at(pool.inputs, "scalingConfig.minSize")) ?? 0;
            const max = num(at(pool.inputs, "scalingConfig.maxSize")) ?? 0;
            const enabled = at(pool.inputs, "scalingConfig.enable") === true;
            w.hop(pool, `auto scaling enabled, can grow (minSize ${min} < maxSize ${max})`, !enabled ? `${pool.name} has auto scaling disabled (scalingConfig.enable): the autoscaler never grows it` : max > min ? true : `${pool.name} has maxSize ${max}: no node can be added`);
        }
    };
}

/**
 * The IP whitelist of a data store: PolarDB's `dbClusterIpArrays[].securityIps` (alicloud.polardb.Cluster),
 * the RDS instance's and the Tair instance's `securityIps` (a list, or one comma-separated string).
 */
function storeWhitelist(store: FlowResource): string[] {
    const ips = store.type === T.polardb ? list(store.inputs.dbClusterIpArrays).filter(isRecord).flatMap((a) => strings(a.securityIps)) : store.inputs.securityIps;
    return strings(ips).flatMap((x) => x.split(",")).map((x) => x.trim()).filter((x) => x !== "");
}

/** A data store whose IP whitelist must admit the targets' vSwitches. */
function whitelistHop(w: Walk, store: FlowResource | undefined, targets: Targets, what: string): void {
    const s = store ?? w.absent(targets.answerer, what, `no ${what}`);
    const whitelist = storeWhitelist(s);
    const missing = targets.vswitches.map((v) => str(v.inputs.cidrBlock) ?? "").filter((c) => !whitelist.some((ip) => cidrContains(ip, c)));
    w.hop(s, `whitelist admits the targets' vSwitches`, missing.length === 0 && targets.vswitches.length > 0 ? true : `${s.name} whitelist (${whitelist.join(", ")}) does not admit ${missing.join(", ") || "the targets"}`);
}

/**
 * Whether every address of a SNAT entry (`snatIp`: "Separate multiple EIP or NAT IP addresses with
 * commas", alicloud.vpc.SnatEntry) is an EIP of the stack associated with the entry's NAT gateway
 * (alicloud.ecs.EipAssociation `allocationId` on `instanceId` of `instanceType` Nat): an address not
 * bound to the gateway translates nothing. In a first preview (the addresses unknown) kept when the
 * entry's `snatIp` depends on an EIP associated with the gateway, else undetermined.
 */
function snatOnBoundEip(g: FlowGraph, snat: FlowResource, nat: FlowResource): Verdict {
    const bound = g
        .referrers(nat, T.eipAssociation, "instanceId")
        .map((a) => found(g.ref(a, "allocationId", a.inputs.allocationId, T.eip)))
        .filter((e): e is FlowResource => e !== undefined);
    if (FlowGraph.isUnknown(snat.inputs.snatIp)) {
        // A first preview: the address of a new EIP is unknown; the entry's dependencies name the EIP it takes.
        const deps = snat.propertyDependencies?.snatIp ?? [];
        return bound.some((e) => deps.includes(e.urn)) ? true : undetermined("snatIp");
    }
    const ips = strings(snat.inputs.snatIp).flatMap((x) => x.split(",")).map((x) => x.trim()).filter((x) => x !== "");
    if (ips.length === 0) return `${snat.name} has no snatIp: no egress`;
    const boundIps = bound.map((e) => e.outputs?.ipAddress);
    if (boundIps.some((ip) => ip === undefined || FlowGraph.isUnknown(ip))) return undetermined("snatIp");
    const stray = ips.filter((ip) => !boundIps.includes(ip));
    return stray.length === 0 ? true : `${snat.name} translates to ${stray.join(", ")}, which is no EIP associated with ${nat.name} (${boundIps.map(String).join(", ") || "none"}): no egress`;
}

/**
 * Each vSwitch of the targets has internet egress: a SNAT entry (`sourceVswitchId`) on an Internet
 * NAT gateway, translating to an EIP bound to it, and a default route to that gateway.
 * `consequence` ends the reasons of a break (what the targets cannot do without egress).
 */
function egressHop(g: FlowGraph, w: Walk, region: string, targets: Pick<Targets, "vswitches">, consequence = "no egress"): void {
    const nats = g.ofType(T.nat, region);
    for (const v of targets.vswitches) {
        const snat = g.referrers(v, T.snat, "sourceVswitchId")[0];
        // the SNAT table id is the gateway's output: unknown in a first preview, then followed through the entry's dependencies
        const nat =
            snat === undefined
                ? undefined
                : (nats.find((n) => strings(n.outputs?.snatTableIds).includes(String(snat.inputs.snatTableId))) ??
                  (FlowGraph.isUnknown(snat.inputs.snatTableId) ? found(g.ref(snat, "snatTableId", snat.inputs.snatTableId, T.nat)) : undefined));
        if (nat === undefined) w.hop(v, "SNAT entry on a NAT gateway", `${v.name} has no SNAT entry: ${consequence}`);
        else {
            // alicloud.vpc.NatGateway `networkType`: "`internet`: Internet NAT Gateway. `intranet`: VPC NAT Gateway" (a VPC NAT gateway reaches no internet).
            w.hop(nat, `${nat.name} is an Internet NAT gateway`, nat.inputs.networkType === "intranet" ? `${nat.name} is a VPC NAT gateway (networkType intranet): it cannot reach the internet` : true);
            if (snat !== undefined) w.hop(snat, `${snat.name} translates to an EIP bound to ${nat.name}`, snatOnBoundEip(g, snat, nat));
        }
        const attachment = g.referrers(v, T.routeTableAttachment, "vswitchId")[0];
        if (attachment === undefined) {
            // Without a custom route table a vSwitch uses the VPC's system route table, which holds one
            // 0.0.0.0/0 route (to the first NAT gateway); with one gateway per zone the others carry nothing.
            w.hop(v, "routes 0.0.0.0/0 to its NAT gateway", nats.length <= 1 ? true : `${v.name} uses the VPC's system route table, whose one default route cannot lead to its zone's NAT gateway ${nat?.name ?? ""}: attach a route table per zone (${consequence})`);
            continue;
        }
        const table = found(g.ref(attachment, "routeTableId", attachment.inputs.routeTableId, T.routeTable));
        const entry = table === undefined ? undefined : g.referrers(table, T.routeEntry, "routeTableId").find((e) => e.inputs.destinationCidrblock === "0.0.0.0/0" && e.inputs.nexthopType === "NatGateway");
        const next = entry === undefined ? undefined : found(g.ref(entry, "nexthopId", entry.inputs.nexthopId, T.nat));
        w.hop(table ?? attachment, `${v.name} routes 0.0.0.0/0 to ${nat?.name ?? "its NAT gateway"}`, next !== undefined && nat !== undefined && next.urn === nat.urn ? true : `the route table of ${v.name} has no default route to the NAT gateway holding its SNAT entry: ${consequence}`);
    }
}

/**
 * The application's account may use the application's database: every Normal account of the store
 * (a Normal account has no privilege until one is granted: GrantAccountPrivilege) holds a privilege
 * that reads and writes data (DATA_PRIVILEGES) on a database the stack declares on that store. A
 * store without accounts of the stack's own (a global database's secondary cluster, whose accounts
 * replicate from the primary) has nothing to check.
 */
function grantHop(g: FlowGraph, w: Walk, store: FlowResource, kind: keyof typeof GRANTS): void {
    const k = GRANTS[kind];
    const accounts = g.referrers(store, k.account, k.accountStore).filter((a) => a.inputs.accountType === "Normal");
    const databases = g.referrers(store, k.database, k.databaseStore);
    const privileges = g.referrers(store, k.privilege, k.privilegeStore);
    for (const account of accounts) {
        const name = String(account.inputs.accountName);
        const grants = privileges.filter((p) => {
            const r = g.refs(p, "accountName", p.inputs.accountName, k.account, ["accountName"]);
            return r.kind === "found" && r.resource.some((a) => a.urn === account.urn);
        });
        if (grants.length === 0) {
            w.hop(account, `account ${name} has a privilege on the application's database`, `${account.name} (type Normal) has no account privilege (${k.privilege}) on ${store.name}: it can log in but reach no database`);
            continue;
        }
        const onDatabase = grants.filter((p) => {
            const r = g.refs(p, "dbNames", p.inputs.dbNames, k.database, [k.databaseName]);
            return r.kind === "found" && r.resource.some((d) => databases.includes(d));
        });
        const grant = onDatabase[0] ?? grants[0];
        const privilege = String(grant.inputs[k.privilegeField] ?? "ReadOnly");
        w.hop(
            grant,
            `account ${name} has a privilege on the application's database`,
            onDatabase.length === 0
                ? `${grant.name} grants ${name} ${strings(grant.inputs.dbNames).join(", ") || "no database"}, none of the databases of ${store.name}`
                : DATA_PRIVILEGES.includes(privilege)
                  ? true
                  : `${grant.name} grants ${privilege} (default ReadOnly), not ${DATA_PRIVILEGES.join(" or ")}: the application cannot write`,
        );
    }
}

/**
 * A password reaches the SAE application's instances: its `envs` set `env` from one key of a
 * ConfigMap (`valueFrom.configMapRef`, CreateApplication Envs), and that ConfigMap (its id is the
 * ConfigMapId) is one the stack declares in the application's namespace.
 */
function saeCredential(g: FlowGraph, w: Walk, app: FlowResource, env: string): void {
    const parsed = saeEnvs(app);
    if (parsed === null) return w.hop(app, `instances get ${env} from a ConfigMap`, null);
    const ref = at(parsed.find((e) => e.name === env), "valueFrom.configMapRef");
    const id = isRecord(ref) ? ref.configMapId : undefined;
    const keyed = isRecord(ref) && typeof ref.key === "string" && ref.key !== "";
    w.hop(app, `instances get ${env} from a ConfigMap`, typeof id === "number" && keyed ? true : `${app.name} sets no ${env} from a ConfigMap key (envs valueFrom.configMapRef): the instances cannot log in`);
    const configMap = found(g.ref(app, "envs", String(id), T.saeConfigMap));
    w.hop(
        configMap ?? app,
        `ConfigMap ${String(id)} in the application's namespace`,
        configMap === undefined ? `${app.name} reads ConfigMap ${String(id)}, which the stack does not declare` : configMap.inputs.namespaceId === app.inputs.namespaceId ? true : `ConfigMap ${configMap.name} is in namespace ${String(configMap.inputs.namespaceId)}, ${app.name} in ${String(app.inputs.namespaceId)}`,
    );
}

/** The entries of an SAE application's `envs` (a JSON array; CreateApplication Envs); none when it does not parse, null when unknown (a first preview). */
function saeEnvs(app: FlowResource): Record<string, unknown>[] | null {
    const envs = app.inputs.envs;
    if (FlowGraph.isUnknown(envs)) return null;
    try {
        return list(typeof envs === "string" ? JSON.parse(envs) : []).filter(isRecord);
    } catch {
        return [];
    }
}

/** The ConfigMap keys an SAE application reads: its envs' `valueFrom.configMapRef` and its ConfigMap mounts (`configMapMountDescV2`); null when its envs are unknown (a first preview). */
function saeConfigMapReads(app: FlowResource): { readonly configMapId: string; readonly key: string }[] | null {
    const parsed = saeEnvs(app);
    if (parsed === null) return null;
    const fromEnvs = parsed
        .map((e) => at(e, "valueFrom.configMapRef"))
        .filter(isRecord)
        .map((r) => ({ configMapId: String(r.configMapId), key: String(r.key) }));
    const mounts = list(app.inputs.configMapMountDescV2)
        .filter(isRecord)
        .map((m) => ({ configMapId: String(m.configMapId), key: String(m.key) }));
    return [...fromEnvs, ...mounts];
}

/** Every credential an SAE application may hold (serviceCredentialEnvs of all services). */
const SAE_CREDENTIALS: readonly string[] = [DATABASE_PASSWORD_ENV, REDIS_PASSWORD_ENV];
/** SAE's key that mounts every key of a ConfigMap (CreateApplication ConfigMapMountDesc: "sae-sys-configmap-all"). */
const SAE_ALL_KEYS = "sae-sys-configmap-all";

/**
 * Each SAE application reads exactly the credentials its service uses (serviceCredentialEnvs of its
 * `service` tag): no password it does not need, none it needs missing; and the ConfigMaps it reads
 * credentials from are its own (no other application reads them), so a mount of every key exposes
 * no other service's password.
 */
function saeCredentialScope(g: FlowGraph, w: Walk, region: string): void {
    const readers = new Map<string, string>();
    for (const app of g.ofType(T.saeApp, region)) {
        const tag = at(app.inputs, "tags.service");
        const service = SERVICE_NAMES.find((s) => s === tag);
        if (service === undefined) {
            w.hop(app, "names its service (tag service)", `${app.name} has no service tag (${String(tag)}): the credentials it needs are unknown`);
            continue;
        }
        const needs = serviceCredentialEnvs(service);
        const reads = saeConfigMapReads(app);
        const check = `${service}: reads exactly the credentials it needs (${needs.join(", ") || "none"})`;
        if (reads === null) {
            w.hop(app, check, undetermined("envs"));
            continue;
        }
        const credentialReads = reads.filter((r) => SAE_CREDENTIALS.includes(r.key) || r.key === SAE_ALL_KEYS);
        const keys = new Set(credentialReads.flatMap((r) => (r.key === SAE_ALL_KEYS ? [...SAE_CREDENTIALS] : [r.key])));
        const extra = [...keys].filter((k) => !needs.includes(k));
        const missing = needs.filter((k) => !keys.has(k));
        w.hop(
            app,
            check,
            extra.length > 0 ? `${app.name} can read ${extra.join(", ")}, which the ${service} service does not use` : missing.length > 0 ? `${app.name} gets no ${missing.join(", ")}, which the ${service} service needs` : true,
        );
        for (const id of new Set(credentialReads.map((r) => r.configMapId))) {
            const configMap = found(g.ref(app, "envs", id, T.saeConfigMap));
            if (configMap === undefined) continue; // saeCredential judges an undeclared ConfigMap
            const other = readers.get(configMap.urn);
            w.hop(configMap, `${service}: credentials in a ConfigMap of its own`, other === undefined || other === app.name ? true : `${configMap.name} is read by ${other} and ${app.name}: each can read the other's passwords`);
            readers.set(configMap.urn, app.name);
        }
    }
}

/**
 * The hop from the app's endpoint setting `env` to a data store of this region, where the tier
 * takes its settings from the stack: the SAE application that answers the route (`answerer`; its
 * `envs`, CreateApplication Envs: a JSON array of {name, value}) or the Kubernetes ConfigMap
 * data-endpoints. The setting names one of the store's endpoints (`endpoints`, its outputs) on the
 * port it listens on; a host without a port is reached on the client's `defaultPort`; a store of
 * another region (or any other host) breaks the hop. Nothing for the VM tier, whose image reads
 * its settings itself (docs/METRICS.md).
 */
function endpointSettingHop(g: FlowGraph, w: Walk, region: string, answerer: FlowResource, store: FlowResource, env: string, endpoints: readonly unknown[], port: number, defaultPort?: number): void {
    const known = endpoints.filter((e): e is string => typeof e === "string" && e !== "" && !FlowGraph.isUnknown(e));
    if (answerer.type === T.saeApp) {
        const check = `${answerer.name}'s ${env} names ${store.name} on ${port}`;
        const envs = saeEnvs(answerer);
        if (envs === null) return w.hop(answerer, check, undetermined("envs"));
        const entry = envs.find((e) => e.name === env);
        const fromStore = (answerer.propertyDependencies?.envs ?? []).includes(store.urn);
        w.hop(answerer, check, entry === undefined ? `${answerer.name} is given no ${env} (envs): it cannot find ${store.name}` : endpointSettingVerdict(env, entry.value, known, port, fromStore, defaultPort));
        return;
    }
    const config = g.ofType(T.configMap, region).find((c) => at(c.inputs, "metadata.name") === DATA_ENDPOINTS_CONFIG_MAP);
    const data = config?.inputs.data;
    if (config === undefined || !isRecord(data) || data[env] === undefined) return;
    const fromStore = (config.propertyDependencies?.data ?? []).includes(store.urn);
    w.hop(store, `the app's ${env} names ${store.name} on ${port}`, endpointSettingVerdict(env, data[env], known, port, fromStore, defaultPort));
}

function requestFlow(g: FlowGraph, region: string, key: RequestFlowKey): FlowResult {
    const def = flowDefinition(key);
    return walk(key, def.name, region, (w) => {
        const targets = requestPath(g, w, region, key);
        // A region that is no CDN origin (cdn.originFailover false): its CDN viewers are served by the origin's region, walked there.
        if (targets === null) return;
        if (key === "order") {
            const polar = g.ofType(T.polardb, region)[0];
            if (polar !== undefined) {
                whitelistHop(w, polar, targets, "database writer");
                // alicloud.polardb.Cluster outputs `connectionString` (the cluster endpoint) and `port`.
                endpointSettingHop(g, w, region, targets.answerer, polar, "DATABASE_HOST", [polar.outputs?.connectionString], num(polar.outputs?.port) ?? DATA_PORTS.mysql, DATA_PORTS.mysql);
                grantHop(g, w, polar, "polardb");
            } else {
                const rds = g.ofType(T.rds, region)[0];
                whitelistHop(w, rds, targets, "database writer");
                // alicloud.rds.Instance outputs `connectionString` (the instance's internal endpoint) and `port`.
                if (rds !== undefined) endpointSettingHop(g, w, region, targets.answerer, rds, "DATABASE_HOST", [rds.outputs?.connectionString], num(rds.outputs?.port) ?? DATA_PORTS.mysql, DATA_PORTS.mysql);
                if (rds !== undefined) grantHop(g, w, rds, "rds");
            }
            if (targets.answerer.type === T.saeApp) {
                saeCredential(g, w, targets.answerer, DATABASE_PASSWORD_ENV);
                saeCredentialScope(g, w, region);
            }
            const kafka = g.ofType(T.kafka, region)[0];
            if (kafka !== undefined) {
                const sg = found(g.ref(kafka, "securityGroup", kafka.inputs.securityGroup, T.sg)) ?? w.absent(kafka, "Kafka security group", `${kafka.name} names no security group of the stack`);
                w.hop(sg, `admits the targets on ${DATA_PORTS.kafka.from}`, sgAdmitsGroup(g, sg, targets.securityGroups, DATA_PORTS.kafka.from));
                w.hop(kafka, "Kafka in that security group", true);
                // alicloud.alikafka.Instance output `endPoint`: the default (VPC, PLAINTEXT) endpoint, host:port pairs.
                endpointSettingHop(g, w, region, targets.answerer, kafka, "KAFKA_BROKERS", [kafka.outputs?.endPoint], DATA_PORTS.kafka.from);
                // The order service publishes each order to the `orders` topic (presets COMMON.queueTopics); an ApsaraMQ for
                // Kafka instance creates no topic on first write (alicloud.alikafka.Topic is the only way a topic exists).
                const topics = g.referrers(kafka, T.kafkaTopic, "instanceId");
                w.hop(kafka, `topic ${ORDERS_TOPIC} exists on ${kafka.name}`, topics.some((t) => t.inputs.topic === ORDERS_TOPIC) ? true : `${kafka.name} has no topic ${ORDERS_TOPIC} (alikafka Topic): the order service's writes fail`);
            }
            podsReachStore(g, w, region, ROUTE_SERVICE.order, { key: DATABASE_PASSWORD_ENV, what: "the database password" });
            egressHop(g, w, region, targets);
        }
        if (key === "hot-products") {
            const redis = g.ofType(T.redis, region)[0];
            whitelistHop(w, redis, targets, "cache");
            // alicloud.redis.TairInstance `port` (the instance's service port) and output `connectionDomain`; a REDIS_HOST without a port reaches 6379 (Redis's default).
            if (redis !== undefined) endpointSettingHop(g, w, region, targets.answerer, redis, "REDIS_HOST", [redis.outputs?.connectionDomain], num(redis.inputs.port) ?? num(redis.outputs?.port) ?? DATA_PORTS.redis, DATA_PORTS.redis);
            if (targets.answerer.type === T.saeApp) saeCredential(g, w, targets.answerer, REDIS_PASSWORD_ENV);
            // A Tair instance with a password and VPC auth not off (alicloud.redis.TairInstance `vpcAuthMode`: "Open (enables password authentication), Close (disables password authentication ...)") takes only clients that send it.
            if (redis !== undefined && redis.inputs.password !== undefined && redis.inputs.vpcAuthMode !== "Close") podsReachStore(g, w, region, ROUTE_SERVICE[FLOW_ROUTE[key]], { key: REDIS_PASSWORD_ENV, what: "the cache password" });
        }
    });
}

function streamFlow(g: FlowGraph, region: string): FlowResult {
    const def = flowDefinition("stream");
    return walk("stream", def.name, region, (w) => {
        const nlb = g.ofType(T.nlb, region)[0];
        if (nlb === undefined) return managedStream(g, w, region);
        const asg = g.ofType(T.group, region).find((x) => g.referrers(x, T.nlbAttachment, "scalingGroupId").length > 0) ?? w.absent(nlb, "transcoder group", `no scaling group is attached to ${nlb.name}'s server groups`);
        const cfg = g.referrers(asg, T.config, "scalingGroupId")[0] ?? w.absent(asg, "transcoder launch", `${asg.name} has no scaling configuration`);
        const userData = decodeUserData(cfg.inputs.userData) ?? "";
        const groups = found(g.refs(cfg, "securityGroupIds", cfg.inputs.securityGroupIds, T.sg)) ?? [];
        // ingest (RTMP, SRT) and the play origin (HTTP): listener -> server group -> the transcoders on the backend port
        const ports: { readonly what: string; readonly port: number; readonly backend: number; readonly proto: string }[] = [
            ...INGEST_LISTENERS.map((l) => ({ what: l.protocol.toUpperCase(), port: l.port, backend: l.port, proto: l.transport })),
            { what: "play origin (HLS/HTTP-FLV)", port: PLAY_ORIGIN_PORT, backend: MEDIA_HTTP_PORT, proto: "TCP" },
        ];
        for (const p of ports) {
            const listener = g.referrers(nlb, T.nlbListener, "loadBalancerId").find((l) => l.inputs.listenerPort === p.port && l.inputs.listenerProtocol === p.proto) ?? w.absent(nlb, `${p.what} listener`, `${nlb.name} has no ${p.proto} listener on ${p.port}`);
            const sg = w.follow(listener, `${p.what} ${p.proto} ${p.port} -> server group`, g.ref(listener, "serverGroupId", listener.inputs.serverGroupId, T.nlbServerGroup), "the listener forwards to no server group the stack declares");
            const attached = g.referrers(sg, T.nlbAttachment, "serverGroupId").find((a) => found(g.ref(a, "scalingGroupId", a.inputs.scalingGroupId, T.group))?.urn === asg.urn);
            w.hop(sg, `${sg.name} -> ${asg.name} on ${p.backend}`, attached === undefined ? `no attachment registers ${asg.name} in ${sg.name}` : attached.inputs.port === p.backend ? true : `${asg.name} is registered on ${String(attached.inputs.port)}, the media server serves ${p.what} on ${p.backend}`);
            // the health check must reach a TCP port the media server listens on (RTMP or HTTP), or no target is ever healthy
            const probe = num(at(sg.inputs, "healthCheck.healthCheckConnectPort"));
            const served = [...INGEST_LISTENERS.filter((x) => x.transport === "TCP").map((x) => x.port), MEDIA_HTTP_PORT];
            w.hop(sg, `health check probes a port the media server serves (${served.join(", ")})`, probe !== undefined && served.includes(probe) ? true : `${sg.name} probes port ${String(probe)}, where nothing listens: every transcoder stays unhealthy`);
            const transport = p.proto === "UDP" ? "udp" : "tcp";
            const open = groups.some((grp) => aliRulesAdmit(rulesOf(g, grp), (r) => protocolCarries(r.inputs.ipProtocol, transport) && rangeIncludes(r.inputs.portRange, p.backend)));
            w.hop(cfg, `security group admits ${p.proto} ${p.backend}`, open ? true : `no security group of ${cfg.name} admits ${p.proto} ${p.backend}: the NLB cannot reach the media server`);
        }
        // the transcoders run the media server: the user data starts it with these ports and the ladder
        const srs = srsConfig(RENDITIONS);
        w.hop(cfg, `user data runs ${SRS_IMAGE} with RTMP, SRT, HTTP and the ${RENDITIONS.map((r) => r.name).join("/")} ladder`, userData.includes(SRS_IMAGE) && userData.includes(indentOf(srs)) ? true : `the user data does not run the media server (${SRS_IMAGE}) with its configuration: nothing listens on ${ports.map((p) => p.backend).join(", ")}`);
        // Booting needs the internet: the user data installs Docker from mirrors.aliyun.com and pulls the
        // media server from registry.cn-hangzhou.aliyuncs.com (components/alicloud/video.ts
        // transcoderUserData), so every vSwitch the group launches in needs egress.
        const launchIn = g.refs(asg, "vswitchIds", asg.inputs.vswitchIds, T.vswitch);
        if (launchIn.kind === "unknown") w.hop(asg, "transcoders' vSwitches", undetermined("vswitchIds"));
        else if (launchIn.kind === "missing" || launchIn.resource.length === 0) w.hop(asg, "transcoders' vSwitches", `${asg.name} launches in no vSwitch the stack declares: its egress cannot be followed`);
        else {
            egressHop(g, w, region, { vswitches: launchIn.resource }, `no egress: ${asg.name}'s transcoders cannot install Docker (mirrors.aliyun.com) or pull ${SRS_IMAGE} (registry.cn-hangzhou.aliyuncs.com), so the media server never starts and the NLB health checks fail`);
            // Least privilege: the transcoders sit in vSwitches of their own (planTranscoderSubnets), which no
            // data store's IP whitelist admits; in the app vSwitches they could reach the stores whatever their security group.
            const cidrs = launchIn.resource.map((v) => str(v.inputs.cidrBlock)).filter((c): c is string => c !== undefined);
            for (const store of [T.polardb, T.rds, T.redis].flatMap((t) => g.ofType(t, region))) {
                const admitted = cidrs.filter((c) => storeWhitelist(store).some((ip) => cidrContains(ip, c)));
                w.hop(store, `${store.name}'s whitelist admits none of the transcoders' vSwitches`, admitted.length === 0 ? true : `${store.name}'s whitelist admits ${admitted.join(", ")}, where ${asg.name} launches transcoders: they can reach it whatever their security group (give them vSwitches of their own)`);
            }
        }
        // play: the play domain's CDN fetches from the NLB's HTTP listener
        const fromNlb = (c: FlowResource): boolean => {
            const sources = list(c.inputs.sources).filter(isRecord).filter((src) => src.port === PLAY_ORIGIN_PORT);
            return (found(g.dnsRefs(c, "sources", sources.map((src) => src.content), T.nlb)) ?? []).some((x) => x.urn === nlb.urn);
        };
        const play = g.ofType(T.cdn, region).find(fromNlb) ?? w.absent(g.ofType(T.cdn, region).find((c) => c.inputs.cdnType === "video") ?? nlb, "play domain", `no CDN domain in ${region} has ${nlb.name} (port ${PLAY_ORIGIN_PORT}) as its origin`);
        w.hop(play, `play domain ${String(play.inputs.domainName)} (cdnType ${String(play.inputs.cdnType)}) serves HTTPS from ${nlb.name}:${PLAY_ORIGIN_PORT}`, play.inputs.cdnType === "video" ? cdnCertificateVerdict(play) : "the play domain is not a video CDN domain (cdnType video)");
        // recording: the instances' RAM role may put objects into the region's encrypted bucket
        const role = w.follow(cfg, "RAM role", cfg.inputs.roleName === undefined ? MISSING : g.ref(cfg, "roleName", cfg.inputs.roleName, T.ramRole, ["roleName"]), "no RAM role (roleName): the recording uploader has no credentials");
        w.hop(role, `trusted by ${ECS_SERVICE}`, statementsAllow(role.inputs.assumeRolePolicyDocument, "sts:AssumeRole", ECS_SERVICE) ? true : `${role.name} does not trust ${ECS_SERVICE}`);
        const bucket = g.ofType(T.bucket, region)[0] ?? w.absent(role, "recordings bucket", `no OSS bucket in ${region}`);
        const names = identitiesOf(bucket, "bucket");
        const policies = g
            .referrers(role, T.ramAttachment, "roleName", ["roleName"])
            .map((a) => found(g.ref(a, "policyName", a.inputs.policyName, T.ramPolicy, ["policyName"])))
            .filter((p): p is FlowResource => p !== undefined);
        const put = policies.filter((p) => statementsAllow(p.inputs.policyDocument, "oss:PutObject"));
        w.hop(role, `may oss:PutObject into ${bucket.name}`, put.length === 0 ? `no policy attached to ${role.name} allows oss:PutObject` : put.some((p) => FlowGraph.isUnknown(p.inputs.policyDocument) || names.some((n) => String(p.inputs.policyDocument).includes(`:${n}/`))) ? true : `the policy of ${role.name} names another bucket than ${bucket.name}`);
        w.hop(cfg, `user data uploads recordings to ${bucket.name}`, names.some((n) => userData.includes(`BUCKET=${n}\n`)) || FlowGraph.isUnknown(cfg.inputs.userData) ? true : `the user data uploads to no bucket the role may write (${bucket.name})`);
        const sse = g.referrers(bucket, T.bucketEncryption, "bucket", ["bucket"])[0];
        w.hop(bucket, "bucket encrypted (server-side, KMS)", sse?.inputs.sseAlgorithm === "KMS" ? true : `${bucket.name} has no KMS server-side encryption`);
    });
}

/** A one-zone region: the managed ApsaraVideo Live domains (mapping and templates set outside the stack). */
function managedStream(g: FlowGraph, w: Walk, region: string): void {
    const domains = g.ofType(T.liveDomain, region);
    const ingest = domains.find((d) => d.inputs.domainType === "liveEdge") ?? w.absent(g.ofType(T.alb, region)[0], "ingest domain", `no ApsaraVideo Live ingest domain or self-run ingest NLB in ${region}`);
    const liveRegion = str(ingest.inputs.region) ?? "";
    w.hop(ingest, `ingest domain in a Live region (${liveRegion})`, LIVE_REGIONS.includes(liveRegion) ? true : `${liveRegion} is not an ApsaraVideo Live region (${LIVE_REGIONS.join(", ")})`);
    const play = domains.find((d) => d.inputs.domainType === "liveVideo") ?? w.absent(ingest, "play domain", `no ApsaraVideo Live play domain in ${region}`);
    w.hop(play, "play domain in the ingest domain's Live region", play.inputs.region === ingest.inputs.region ? true : `play domain in ${String(play.inputs.region)}, ingest in ${liveRegion}`);
}

/** The SRS config as the user data carries it (indented under its write_files entry). */
function indentOf(config: string): string {
    return config.split("\n").map((l) => `      ${l}`).join("\n");
}

/** Known values a resource is referred to by: its id, and the output `field` (e.g. dnsName, bucket). */
function identitiesOf(r: FlowResource, field: string): string[] {
    return [r.id, r.inputs[field], r.outputs?.[field]].filter((v): v is string => typeof v === "string" && v !== UNKNOWN);
}

function scalingFlow(g: FlowGraph, region: string): FlowResult {
    const def = flowDefinition("scaling");
    return walk("scaling", def.name, region, (w) => {
        // The compute tier, read from the resources present: serverless (SAE), kubernetes (ACK), else the VM app group.
        if (g.ofType(T.saeApp, region).length > 0) return saeScaling(g, w, region);
        const cluster = g.ofType(T.cluster, region)[0];
        if (cluster !== undefined) return hpaScaling(g, w, region, ackMetricsServer(cluster), POD_CONNECTIONS_SERIES, ackNodeAutoscaling(g, cluster));
        const asg = g.ofType(T.group, region).find((x) => x.name.endsWith("-app-group") || list(x.inputs.albServerGroups).length > 0) ?? w.absent(g.ofType(T.alb, region)[0], "app scaling group", `no app scaling group in ${region}`);
        const cfg = g.referrers(asg, T.config, "scalingGroupId")[0] ?? w.absent(asg, "scaling configuration", `${asg.name} has no scaling configuration`);
        const role = w.follow(
            cfg,
            "RAM role",
            cfg.inputs.roleName === undefined ? MISSING : g.ref(cfg, "roleName", cfg.inputs.roleName, T.ramRole, ["roleName"]),
            "no RAM role (roleName): instances have no identity to publish the connection metric",
        );
        w.hop(role, `trusted by ${ECS_SERVICE}`, statementsAllow(role.inputs.assumeRolePolicyDocument, "sts:AssumeRole", ECS_SERVICE) ? true : `${role.name} does not trust ${ECS_SERVICE}: instances cannot take its credentials`);
        const policies = g
            .referrers(role, T.ramAttachment, "roleName", ["roleName"])
            .map((a) => found(g.ref(a, "policyName", a.inputs.policyName, T.ramPolicy, ["policyName"])))
            .filter((p): p is FlowResource => p !== undefined);
        w.hop(role, `may ${PUBLISH_ACTION}`, policies.some((p) => statementsAllow(p.inputs.policyDocument, PUBLISH_ACTION)) ? true : `no policy attached to ${role.name} allows ${PUBLISH_ACTION}`);
        const alarm = g.referrers(asg, T.essAlarm, "scalingGroupId").find((a) => a.name.endsWith("-out-connections")) ?? w.absent(asg, "scale-out alarm", `no scale-out alarm on the connections on ${asg.name}`);
        const groupId = alarm.inputs.cloudMonitorGroupId;
        const userData = decodeUserData(cfg.inputs.userData) ?? "";
        const publishes = userData.includes("PutCustomMetric") && userData.includes(APP_CONNECTIONS_METRIC);
        w.hop(
            cfg,
            `agent publishes ${APP_CONNECTIONS_METRIC} to the alarm's application group`,
            // the user data names the application group: unknown in a first preview of a new group
            FlowGraph.isUnknown(cfg.inputs.userData)
                ? undetermined("userData")
                : !publishes
                ? `no user data publishes ${APP_CONNECTIONS_METRIC} (PutCustomMetric): the metric is never sent`
                : groupId === UNKNOWN
                  ? undetermined("cloudMonitorGroupId")
                  : typeof groupId !== "number" || found(g.ref(alarm, "cloudMonitorGroupId", String(groupId), T.monitorGroup)) === undefined
                    ? `the alarm reads no application group the stack declares (cloudMonitorGroupId ${String(groupId)})`
                    : userData.includes(`GroupId ${groupId} `)
                      ? true
                      : `the user data publishes to another application group than the alarm reads (${groupId})`,
        );
        const reads = alarm.inputs.metricType === "custom" && [alarm.inputs.metricName, ...list(alarm.inputs.expressions).filter(isRecord).map((e) => e.metricName)].includes(APP_CONNECTIONS_METRIC);
        w.hop(alarm, `reads the custom metric ${APP_CONNECTIONS_METRIC}`, reads ? true : `the alarm does not read the custom metric ${APP_CONNECTIONS_METRIC} (metricType ${String(alarm.inputs.metricType ?? "system")})`);
        const rule = w.follow(alarm, "triggers the group's scaling rule", g.ref(alarm, "alarmActions", alarm.inputs.alarmActions, T.scalingRule, ["ari"]), "the alarm triggers no scaling rule the stack declares");
        w.hop(rule, `acts on ${asg.name}`, found(g.ref(rule, "scalingGroupId", rule.inputs.scalingGroupId, T.group))?.urn === asg.urn ? true : "the rule belongs to another group");
    });
}

/** The level of a CloudMonitor alarm (tag `level`, components/alicloud/monitoring.ts). */
function levelOf(alarm: FlowResource): string {
    return String(at(alarm.inputs, "tags.level") ?? "critical");
}

/** An alarm reaches a person: it names a contact group the stack declares, and the group has contacts. */
function reachesPerson(g: FlowGraph, w: Walk, region: string, alarm: FlowResource, label: string): void {
    // alicloud.cms.Alarm `enabled`: "Whether to enable alarm rule. Default value: `true`."
    if (alarm.type === T.cmsAlarm) w.hop(alarm, `${label}alarm rule enabled`, alarm.inputs.enabled === false ? `${alarm.name} is disabled (enabled false): it never notifies` : true);
    if (alarm.type === T.cmsAlarm) w.hop(alarm, `${label}alarm watches a resource of the stack`, watchesStackResource(g, alarm));
    const names = strings(alarm.inputs.contactGroups);
    const group = g.ofType(T.contactGroup, region).find((c) => names.includes(String(c.inputs.alarmContactGroupName)));
    w.hop(alarm, `${label}notifies ${group?.name ?? "a contact group"}`, group !== undefined ? true : "the alarm names no contact group the stack declares");
    const cg = group ?? alarm;
    const members = strings(cg.inputs.contacts);
    w.hop(cg, `${label}has contacts`, members.length > 0 ? true : { reason: `${cg.name} has no contacts: set monitoring.contacts.${levelOf(alarm)}`, setting: "monitoring" });
    // Each member is an alarm contact (alicloud.cms.AlarmContactGroup `contacts`: "The name of the alarm contacts in the alarm group") with a channel to reach it.
    for (const name of members) {
        const contact = g.ofType(T.contact).find((c) => c.inputs.alarmContactName === name);
        w.hop(contact ?? cg, `${label}contact ${name} has a channel`, contact === undefined ? `${cg.name} lists ${name}, which is not an alarm contact the stack declares: no one is notified` : contactReachable(contact));
    }
}

/**
 * Whether a CloudMonitor alarm contact has a channel that reaches a person: an e-mail address
 * (`channelsMail`), a phone number (`channelsSms`), a DingTalk webhook (`channelsDingWebHook`) or
 * a TradeManager id (`channelsAliim`) (alicloud.cms.AlarmContact). Undetermined when unknown.
 */
function contactReachable(contact: FlowResource): Verdict {
    const channels = ["channelsMail", "channelsSms", "channelsDingWebHook", "channelsAliim"].map((k) => contact.inputs[k]);
    if (channels.some((c) => FlowGraph.isUnknown(c))) return undetermined("channelsMail");
    const mail = contact.inputs.channelsMail;
    if (typeof mail === "string" && mail.trim() !== "" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(mail.trim())) return `${contact.name}'s channelsMail is not an e-mail address: nothing is delivered`;
    return channels.some((c) => typeof c === "string" && c.trim() !== "") ? true : `${contact.name} has no channel (channelsMail, channelsSms, channelsDingWebHook, channelsAliim all empty): no one is notified`;
}

const MONITORED_IDS = new WeakMap<FlowGraph, ReadonlySet<string>>();

/** The ids of the resources an alarm of the stack may watch (load balancers, stores, queues, groups, SAE applications), once per graph. */
function monitoredIds(g: FlowGraph): ReadonlySet<string> {
    const hit = MONITORED_IDS.get(g);
    if (hit !== undefined) return hit;
    const ids = new Set([T.alb, T.polardb, T.rds, T.redis, T.kafka, T.group, T.saeApp, T.nlb].flatMap((t) => g.ofType(t)).flatMap((r) => [r.id, str(r.outputs?.id)]).filter((x): x is string => x !== undefined && x !== ""));
    MONITORED_IDS.set(g, ids);
    return ids;
}

/**
 * Whether every resource a CloudMonitor alarm's `metricDimensions` (a JSON list of {dimension: id},
 * alicloud.cms.Alarm) names is one the stack declares (a load balancer, database, cache, queue,
 * scaling group or SAE application): an alarm on another resource watches nothing of this platform.
 * Undetermined while the dimensions are unknown (a first preview).
 */
function watchesStackResource(g: FlowGraph, alarm: FlowResource): Verdict {
    const dims = jsonInput(alarm, "metricDimensions");
    if ("failed" in dims) return dims.failed;
    const parsed = dims.parsed;
    // `{"resource":"_ALL"}` scopes the alarm to every instance of its project in the region (components/alicloud/metrics.ts CMS_ALL_RESOURCES).
    const ids = list(parsed)
        .filter(isRecord)
        .flatMap((d) => Object.entries(d).filter(([k, v]) => !(k === "resource" && v === "_ALL")).map(([, v]) => v))
        .filter((v): v is string => typeof v === "string");
    if (ids.length === 0 && list(parsed).length > 0) return true;
    if (ids.length === 0) return `${alarm.name} names no resource in metricDimensions`;
    const declared = monitoredIds(g);
    const stray = ids.filter((id) => !declared.has(id));
    return stray.length === 0 ? true : `${alarm.name} watches ${stray.join(", ")}, which is no resource of the stack: its alarm never fires for this platform`;
}

/** Whether a CloudMonitor alarm is scoped to the resource `id` (metricDimensions, a JSON list of {dimension: id}). */
function scopedTo(alarm: FlowResource, id: string): boolean {
    const dims = alarm.inputs.metricDimensions;
    if (typeof dims !== "string") return false;
    try {
        return list(JSON.parse(dims)).filter(isRecord).some((d) => Object.values(d).includes(id));
    } catch {
        return false;
    }
}

function alarmFlow(g: FlowGraph, region: string): FlowResult {
    const def = flowDefinition("alarm");
    return walk("alarm", def.name, region, (w) => {
        const critical = g.ofType(T.cmsAlarm, region).filter((a) => isRecord(a.inputs.tags) && a.inputs.tags.level === "critical");
        const alarm = critical[0] ?? w.absent(g.ofType(T.alb, region)[0], "critical alarm", `no critical alarm in ${region}`);
        reachesPerson(g, w, region, alarm, "");
        // Serverless tier: every SAE application has a critical alarm of its own that reaches a person.
        for (const app of g.ofType(T.saeApp, region)) {
            const ids = [app.id, str(app.outputs?.id)].filter((x): x is string => x !== undefined && x !== "" && x !== UNKNOWN);
            const label = `${str(app.inputs.appName) ?? app.name}: `;
            const own = critical.find((a) => a.inputs.project === "acs_serverless" && ids.some((id) => scopedTo(a, id)));
            // The application's id is unknown in a first preview: the hop cannot be judged then.
            w.hop(own ?? app, `${label}critical alarm on the application`, own !== undefined ? true : ids.length === 0 ? null : `no critical acs_serverless alarm is scoped to ${app.name}: its failures reach no one`);
            // Without its own alarm (its id unknown in a first preview) there is no alarm of the application to follow.
            if (own !== undefined) reachesPerson(g, w, region, own, label);
        }
        // Every level's contact group that an alarm notifies reaches a person, not only the critical one.
        for (const t of levelTargets(g.ofType(T.cmsAlarm, region), (a) => JSON.stringify(a.inputs.contactGroups ?? null), alarm)) reachesPerson(g, w, region, t.alarm, `${t.level}: `);
    });
}

/** The walkers of an Alibaba Cloud stack's flows (analyze.ts runs them per region). */
export const ALICLOUD_WALKERS: CloudWalkers = { loadBalancerType: T.alb, request: requestFlow, stream: streamFlow, scaling: scalingFlow, alarm: alarmFlow };

