// The live-commerce flows on AWS, walked over the planned resources of one region.

import {
    APP_CONNECTIONS_METRIC,
    APP_CONTRACT_PATHS,
    DATABASE_PASSWORD_ENV,
    DATABASE_SECRET_ENV,
    DATA_PORTS,
    EKS_METRICS_SERVER_ADDON,
    FLOW_METHODS,
    methodsNotAllowed,
    FLOW_ROUTE,
    FlowKey,
    POD_CONNECTIONS_SERIES,
    ROUTES,
    ROUTE_METHOD,
    WEBSOCKET_PING_INTERVAL_SECONDS,
    websocketIdleVerdict,
    ROUTE_SERVICE,
    RouteName,
    ServiceAccountRef,
    flowDefinition,
    serviceAccountSubject,
    ORDERS_TOPIC,
    targetHealthCheck,
} from "../../components/model";
import { APP_METRICS_NAMESPACE } from "../../components/aws/metrics";
import { ALB_DEFAULT_IDLE_TIMEOUT_SECONDS } from "../../components/aws/profile";
import { AWS_DEFAULT_IMAGE } from "../../components/aws/catalogue";
import { MANAGED_POLICY } from "../../components/aws/cdn";
import { AWSLOGS_ACTIONS, CREDENTIAL_KEYS, ECR_PULL_ACTIONS, ECS_TASKS_SERVICE, READ_SECRET_ACTION, TASK_EXECUTION_POLICY_DOCUMENT, TASK_EXECUTION_POLICY_NAME, isPrivateEcrImage, secretArnOf } from "../../components/aws/identity";
import { isRecord, list, num, str } from "../lib/values";
import { SECRET_TEXT } from "../lib/refs";
import { FlowGraph, FlowResource, MISSING, Ref, UNKNOWN, at, strings } from "./graph";
import { CloudWalkers, FlowResult, ListenerRules, RequestFlowKey, Verdict, Walk, levelTargets, precedenceHop, routeGroupTest, routeRuleHop, undetermined, unevaluated, walk } from "./walk";
import { HealthCheck, dnsName, routeGroupVerdict, sameDnsName, LB_HTTPS_PORT, headerTakesEveryRequest, sourceIpClients, ListenerRuleView, RuleCondition, SteeringProbe, answeringRule, listenerRuleView, rewriteVerdict, routeRule, rulePatterns, samplePaths, sharingRules, weightedForwardVerdict, steeringProbeVerdict, accessDecision, accessVerdict, subscriptionReachesPerson, wildcardMatches, allowedConditionValues, coversName, decodeUserData, endpointSettingVerdict, healthCheckVerdict, policyStatements, portInRange, statementsAllow, statementsAllowOn } from "./contracts";
import { NodeAutoscaling, hpaScaling, nodePortService, podSecretHolds, podsAnswer, podsReachStore, projectsTokenFile, releasesOf, serviceReachesPods } from "./kubernetes";
import { AUTOSCALER_SCALING_ACTIONS, IRSA_ROLE_ANNOTATION, IRSA_TOKEN, autoscalerDiscoveryTags } from "../../components/aws/cluster-addons";

const T = {
    distribution: "aws:cloudfront/distribution:Distribution",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    listener: "aws:lb/listener:Listener",
    rule: "aws:lb/listenerRule:ListenerRule",
    targetGroup: "aws:lb/targetGroup:TargetGroup",
    certificate: "aws:acm/certificate:Certificate",
    validation: "aws:acm/certificateValidation:CertificateValidation",
    group: "aws:autoscaling/group:Group",
    attachment: "aws:autoscaling/attachment:Attachment",
    launchTemplate: "aws:ec2/launchTemplate:LaunchTemplate",
    eks: "aws:eks/cluster:Cluster",
    nodeGroup: "aws:eks/nodeGroup:NodeGroup",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    record: "aws:route53/record:Record",
    healthCheck: "aws:route53/healthCheck:HealthCheck",
    zone: "aws:route53/zone:Zone",
    service: "kubernetes:core/v1:Service",
    deployment: "kubernetes:apps/v1:Deployment",
    configMap: "kubernetes:core/v1:ConfigMap",
    auroraCluster: "aws:rds/cluster:Cluster",
    rdsInstance: "aws:rds/instance:Instance",
    cache: "aws:elasticache/replicationGroup:ReplicationGroup",
    msk: "aws:msk/cluster:Cluster",
    subnet: "aws:ec2/subnet:Subnet",
    routeTableAssociation: "aws:ec2/routeTableAssociation:RouteTableAssociation",
    route: "aws:ec2/route:Route",
    nat: "aws:ec2/natGateway:NatGateway",
    igw: "aws:ec2/internetGateway:InternetGateway",
    routeTable: "aws:ec2/routeTable:RouteTable",
    channel: "aws:ivs/channel:Channel",
    recording: "aws:ivs/recordingConfiguration:RecordingConfiguration",
    bucket: "aws:s3/bucket:Bucket",
    sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
    instanceProfile: "aws:iam/instanceProfile:InstanceProfile",
    role: "aws:iam/role:Role",
    rolePolicy: "aws:iam/rolePolicy:RolePolicy",
    alarm: "aws:cloudwatch/metricAlarm:MetricAlarm",
    policy: "aws:autoscaling/policy:Policy",
    topic: "aws:sns/topic:Topic",
    subscription: "aws:sns/topicSubscription:TopicSubscription",
    topicPolicy: "aws:sns/topicPolicy:TopicPolicy",
    bucketPolicy: "aws:s3/bucketPolicy:BucketPolicy",
    key: "aws:kms/key:Key",
    logGroup: "aws:cloudwatch/logGroup:LogGroup",
    rolePolicyAttachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    ecsService: "aws:ecs/service:Service",
    ecsCluster: "aws:ecs/cluster:Cluster",
    taskDefinition: "aws:ecs/taskDefinition:TaskDefinition",
    scalableTarget: "aws:appautoscaling/target:Target",
    scalingPolicy: "aws:appautoscaling/policy:Policy",
    eksAddon: "aws:eks/addon:Addon",
    secret: "aws:secretsmanager/secret:Secret",
    oidcProvider: "aws:iam/openIdConnectProvider:OpenIdConnectProvider",
    asgTag: "aws:autoscaling/tag:Tag",
} as const;

/**
 * The CloudFront managed origin request policy AllViewer: forwards every viewer header, Host
 * included, so CloudFront checks the origin certificate against the viewer's hostname.
 * Source: CloudFront Developer Guide, "Use managed origin request policies" (policy id
 * 216adef6-5c7f-47e4-b989-5492eafa07d3) and "Requiring HTTPS for communication between CloudFront
 * and your custom origin": CloudFront verifies that the origin certificate matches the origin
 * domain name or, when the Host header is forwarded, the Host header.
 */
export const ALL_VIEWER_ORIGIN_REQUEST_POLICY: string = MANAGED_POLICY.allViewer;

/** The service principals that take roles and use keys on the flows' hops. */
const EC2_SERVICE = "ec2.amazonaws.com";
const EKS_SERVICE = "eks.amazonaws.com";
const CLOUDWATCH_SERVICE = "cloudwatch.amazonaws.com";

function found<T>(r: Ref<T>): T | undefined {
    return r.kind === "found" ? r.resource : undefined;
}

/** Where a request flow ends up: the resource that answers and the security group it sits in. */
interface Targets {
    readonly answerer: FlowResource;
    readonly securityGroup: FlowResource;
    /** The subnets the answering resources sit in, each with the resource that names it (a node group of several). */
    readonly subnets: readonly PlacedSubnet[];
    readonly subnetsOf: FlowResource;
}

/** A subnet id as a resource gives it, and that resource (the one its findings name). */
interface PlacedSubnet {
    readonly id: unknown;
    readonly of: FlowResource;
}

/** The subnet ids `of` gives in `ids`, each with `of`. */
function placedIn(of: FlowResource, ids: unknown): PlacedSubnet[] {
    return strings(ids).map((id) => ({ id, of }));
}

/**
 * The names that reach a load balancer for requests on `path` and must be on its certificate: DNS
 * entries, and CloudFront's: the viewer's Host when the behaviour serving `path` forwards it (the
 * AllViewer origin request policy), else the origin's domain name (CloudFront Developer Guide,
 * "Origin request policies": without Host forwarded CloudFront sends the origin domain as Host and SNI).
 */
function entryNames(g: FlowGraph, alb: FlowResource, path: string): { names: string[]; cdn: FlowResource | undefined; cdnOk: true | string; records: FlowResource[] } {
    const names: string[] = [];
    const dist = g.ofType(T.distribution)[0];
    let cdnOk: true | string = "no CloudFront origin reaches this region's load balancer";
    if (dist !== undefined) {
        const origins = list(dist.inputs.origins).filter(isRecord);
        const viaRecord = (host: string): boolean => g.ofType(T.record).some((r) => r.inputs.name === host && aliasesTo(g, r, alb));
        // In a first preview every origin's domain name is unknown; the distribution's dependencies
        // on `origins` then name the load balancers it reaches (any of them, hence refs, not ref).
        const reaching = origins.filter((o) => {
            const host = str(o.domainName) ?? "";
            const lbs = g.dnsRefs(dist, "origins", host, T.lb);
            return (lbs.kind === "found" && lbs.resource.some((lb) => lb.urn === alb.urn)) || viaRecord(host);
        });
        const behaviour = behaviourFor(dist, path);
        const targeted = behaviourOrigins(dist, behaviour);
        const origin = reaching.find((o) => targeted.includes(str(o.originId) ?? ""));
        if (origin !== undefined) {
            const hostForwarded = behaviour.originRequestPolicyId === ALL_VIEWER_ORIGIN_REQUEST_POLICY;
            names.push(...(hostForwarded ? strings(dist.inputs.aliases) : [str(origin.domainName) ?? ""]));
            cdnOk = originReachesListener(origin);
        } else if (reaching.length > 0) {
            cdnOk = `the behaviour for ${path} (${str(behaviour.pathPattern) ?? "default"}) sends requests to ${String(behaviour.targetOriginId ?? "no origin")}, not an origin that reaches this region's load balancer (${reaching.map((o) => String(o.originId)).join(", ")}): those requests never reach it`;
        }
    }
    const records = g.ofType(T.record).filter((r) => aliasesTo(g, r, alb));
    names.push(...records.map((r) => str(r.inputs.name) ?? ""));
    return { names: [...new Set(names)], cdn: dist, cdnOk, records };
}

/**
 * The stack's load balancers the distribution's origins reach when none of them is `alb` (by its
 * DNS name or a record aliasing it) and the distribution fails over nowhere (no `originGroups`, as
 * with cdn.originFailover false): the region is then no CloudFront origin by design. Empty otherwise:
 * a distribution with an origin group that leaves this region out breaks the flow at its origin hop.
 */
function otherOrigins(g: FlowGraph, dist: FlowResource, alb: FlowResource): FlowResource[] {
    if (list(dist.inputs.originGroups).length > 0) return [];
    const hosts = list(dist.inputs.origins).filter(isRecord).map((o) => str(o.domainName) ?? "");
    if (hosts.some((h) => g.ofType(T.record).some((r) => r.inputs.name === h && aliasesTo(g, r, alb)))) return [];
    const lbs = hosts.flatMap((h) => found(g.dnsRefs(dist, "origins", h, T.lb)) ?? []);
    if (lbs.some((lb) => lb.urn === alb.urn)) return [];
    return [...new Map(lbs.map((lb) => [lb.urn, lb])).values()];
}

/**
 * CloudFront reaches the load balancer's HTTPS listener: `originProtocolPolicy` https-only (the
 * HTTP listener only redirects to HTTPS, so http-only or match-viewer loops on the redirect) on
 * `httpsPort` 443, the listener's port (CloudFront Developer Guide, "Origin settings": Protocol,
 * HTTPS port; httpsPort defaults to 443).
 */
function originReachesListener(origin: Record<string, unknown>): true | string {
    const policy = str(at(origin, "customOriginConfig.originProtocolPolicy"));
    if (policy !== "https-only") return `the origin's protocol policy is ${String(policy)}: CloudFront would call the load balancer over HTTP, whose listener only redirects to HTTPS (a redirect loop); use https-only`;
    const port = num(at(origin, "customOriginConfig.httpsPort")) ?? 443;
    return port === 443 ? true : `the origin's HTTPS port is ${port}; the load balancer listens for HTTPS on 443`;
}

/**
 * Route 53 alias records to a load balancer or distribution are of type A or AAAA (Route 53
 * Developer Guide, "Choosing between alias and non-alias records": an alias record's type is A or
 * AAAA for ELB and CloudFront targets), in the hosted zone of the stack that serves the name.
 */
function recordVerdict(g: FlowGraph, record: FlowResource): Verdict {
    const type = str(record.inputs.type);
    if (type !== "A" && type !== "AAAA") return `${record.name} is of type ${String(type)}: an alias to a load balancer or distribution is an A or AAAA record`;
    const family = aliasFamilyVerdict(g, record, type);
    if (family !== true) return family;
    const zones = g.ofType(T.zone);
    if (zones.length === 0) return true; // the zone is managed outside the stack
    const zone = found(g.ref(record, "zoneId", record.inputs.zoneId, T.zone, ["zoneId"]));
    if (zone === undefined) return FlowGraph.isUnknown(record.inputs.zoneId) ? undetermined("zoneId") : `${record.name} is in zone ${String(record.inputs.zoneId)}, not a hosted zone of the stack (${zones.map((z) => String(z.inputs.name)).join(", ")})`;
    const name = dnsName(str(record.inputs.name) ?? "");
    const zoneName = dnsName(str(zone.inputs.name) ?? "");
    return name === zoneName || name.endsWith(`.${zoneName}`) ? true : `${record.name} names ${name}, outside its zone ${zoneName}`;
}

/** The values of aws.lb.LoadBalancer `ipAddressType` whose load balancer has public IPv6 addresses ("ipv4 (all load balancer types), dualstack (all load balancer types), and dualstack-without-public-ipv4 (type application only)"; default ipv4). */
const IPV6_ADDRESS_TYPES: readonly string[] = ["dualstack", "dualstack-without-public-ipv4"];

/**
 * An alias record answers only in an address family its target serves (an alias takes the
 * target's addresses of the record's type): an application load balancer of `ipAddressType` ipv4
 * (the default) has no IPv6 address, so an AAAA alias to it answers nothing, and one of
 * dualstack-without-public-ipv4 has no public IPv4 address for an A alias ("clients resolve the
 * AAAA DNS records assigned to the Application Load Balancer", AWS Networking blog "Introducing
 * dual-stack without public IPv4 Application Load Balancer"); a CloudFront distribution answers
 * AAAA only with `isIpv6Enabled` (aws.cloudfront.Distribution: "Whether the IPv6 is enabled for
 * the distribution"; Route 53 Developer Guide, "Routing traffic to an Amazon CloudFront
 * distribution": an AAAA alias record when IPv6 is enabled).
 */
function aliasFamilyVerdict(g: FlowGraph, record: FlowResource, type: "A" | "AAAA"): Verdict {
    for (const a of list(record.inputs.aliases).filter(isRecord)) {
        const lb = found(g.ref(record, "aliases", a.name, T.lb, ["dnsName"]));
        if (lb !== undefined) {
            const addressType = str(lb.inputs.ipAddressType) ?? "ipv4";
            if (type === "AAAA" && !IPV6_ADDRESS_TYPES.includes(addressType)) return `${record.name} is an AAAA alias of ${lb.name}, whose ipAddressType ${addressType} has no IPv6 address: the record answers nothing; use an A record`;
            if (type === "A" && addressType === "dualstack-without-public-ipv4") return `${record.name} is an A alias of ${lb.name}, which has no public IPv4 address (ipAddressType ${addressType}): the record answers nothing; use an AAAA record`;
        }
        const dist = found(g.ref(record, "aliases", a.name, T.distribution, ["domainName"]));
        if (dist !== undefined && type === "AAAA" && dist.inputs.isIpv6Enabled !== true) return `${record.name} is an AAAA alias of ${dist.name}, which does not enable IPv6 (isIpv6Enabled): the record answers nothing; use an A record`;
    }
    return true;
}

/**
 * A latency record answers the name clients resolve: the stack output steering.hostname (read from
 * the stack resource's outputs, as the plan and an export record them), else the name the other
 * regions' records of the latency set carry (Route 53 latency routing answers among the records
 * of one name and type, Route 53 Developer Guide, "Latency-based routing").
 */
function recordNameVerdict(g: FlowGraph, record: FlowResource): Verdict {
    if (list(record.inputs.latencyRoutingPolicies).length === 0) return true;
    const name = record.inputs.name;
    const expected = at(g.ofType("pulumi:pulumi:Stack")[0]?.outputs, "steering.hostname");
    if (typeof expected === "string" && !FlowGraph.isUnknown(expected)) return sameDnsName(name, expected) ? true : `${record.name} answers ${String(name)}, not ${expected} (stack output steering.hostname), the name clients resolve: they never reach this region`;
    const others = g.ofType(T.record).filter((r) => r !== record && list(r.inputs.latencyRoutingPolicies).length > 0 && !sameDnsName(r.inputs.name, String(name)));
    return others.length === 0 ? true : `${record.name} answers ${String(name)}, the other regions' latency records ${String(others[0].inputs.name)}: clients of that name never reach this region`;
}


/**
 * A Route 53 health check tells whether this region's load balancer answers (Route 53 answers with
 * a latency record only while its health check is healthy: Developer Guide, "How Amazon Route 53
 * chooses records when health checking is configured"): it is neither `disabled` ("Route 53
 * considers the status of the health check to always be healthy") nor `invertHealthcheck`
 * (aws.route53.HealthCheck), it checks this load balancer (`fqdn`, its DNS name), and it probes
 * what the load balancer answers (steeringProbeVerdict). `type` HTTPS or HTTPS_STR_MATCH send an
 * HTTPS request, HTTP and HTTP_STR_MATCH an HTTP one, TCP only connects (Route 53 API
 * HealthCheckConfig: Type, Port, ResourcePath). The provider sends `port` only when set
 * (terraform-provider-aws route53/health_check.go), and the API reference gives no default: an
 * unset port is undetermined, never assumed. A string match needs the body the health path
 * answers, which the plan does not hold: undetermined.
 */
function route53ProbeVerdict(g: FlowGraph, check: FlowResource, alb: FlowResource): Verdict {
    if (check.inputs.disabled === true) return `${check.name} is disabled: Route 53 takes it as always healthy, so a dead region keeps its answers`;
    if (check.inputs.invertHealthcheck === true) return `${check.name} is inverted (invertHealthcheck): a live region is taken out of the answers and a dead one kept`;
    const checked = g.ref(check, "fqdn", check.inputs.fqdn, T.lb, ["dnsName"]);
    if (checked.kind === "unknown") return undetermined("fqdn");
    if (checked.kind === "missing" || checked.resource.urn !== alb.urn) return `${check.name} checks ${String(check.inputs.fqdn ?? check.inputs.ipAddress ?? "nothing")}, not ${alb.name}: this region's answers follow another endpoint's health`;
    const type = String(check.inputs.type ?? "none");
    const https = type === "HTTPS" || type === "HTTPS_STR_MATCH";
    const http = type === "HTTP" || type === "HTTP_STR_MATCH";
    const probe: SteeringProbe = { protocol: https ? "HTTPS" : http ? "HTTP" : type, port: num(check.inputs.port), path: str(check.inputs.resourcePath) };
    const verdict = steeringProbeVerdict(check.name, probe, LB_HTTPS_PORT, APP_CONTRACT_PATHS.health);
    if (verdict === true && type === "HTTPS_STR_MATCH") return undetermined("searchString");
    return verdict;
}

function aliasesTo(g: FlowGraph, record: FlowResource, alb: FlowResource): boolean {
    return list(record.inputs.aliases).filter(isRecord).some((a) => found(g.ref(record, "aliases", a.name, T.lb, ["dnsName"]))?.urn === alb.urn);
}

/** Whether a record aliases the distribution (its `domainName` output, or in a first preview its dependency). */
function aliasesToDistribution(g: FlowGraph, record: FlowResource, dist: FlowResource): boolean {
    return list(record.inputs.aliases).filter(isRecord).some((a) => found(g.ref(record, "aliases", a.name, T.distribution, ["domainName"]))?.urn === dist.urn);
}

/**
 * The distribution serves its aliases on its own certificate: at least one alias, and the ACM
 * certificate of `viewerCertificate.acmCertificateArn` (a stack's certificate, through its
 * validation) covers every alias (CloudFront Developer Guide, "Requirements for using alternate
 * domain names": the certificate must cover each alternate domain name).
 */
function cdnCertificate(g: FlowGraph, dist: FlowResource, aliases: readonly string[]): Verdict {
    const arn = at(dist.inputs, "viewerCertificate.acmCertificateArn");
    if (aliases.length === 0 || str(arn) === undefined) return "the distribution serves no alias (cdn.certificate unset): viewers reach only *.cloudfront.net";
    const viaValidation = found(g.ref(dist, "viewerCertificate", arn, T.validation, ["certificateArn"]));
    const cert = found(g.ref(viaValidation ?? dist, viaValidation !== undefined ? "certificateArn" : "viewerCertificate", viaValidation?.inputs.certificateArn ?? arn, T.certificate));
    if (cert === undefined) return true; // a certificate imported outside the stack: its names are not in the plan
    const names = [str(cert.inputs.domainName) ?? "", ...strings(cert.inputs.subjectAlternativeNames)];
    const uncovered = aliases.filter((a) => !coversName(names, a));
    return uncovered.length === 0 ? true : `${uncovered.join(", ")} not on the distribution's certificate (${names.join(", ")}): CloudFront rejects the alias`;
}

function certificateNames(g: FlowGraph, listener: FlowResource): { names: string[]; certificate: FlowResource | undefined } {
    const arn = listener.inputs.certificateArn;
    const viaValidation = found(g.ref(listener, "certificateArn", arn, T.validation, ["certificateArn"]));
    const cert = found(g.ref(viaValidation ?? listener, "certificateArn", viaValidation?.inputs.certificateArn ?? arn, T.certificate));
    if (cert === undefined) return { names: [], certificate: undefined };
    return { names: [str(cert.inputs.domainName) ?? "", ...strings(cert.inputs.subjectAlternativeNames)], certificate: cert };
}

/** Security group path: `to` admits one of `from` on `port` (ingress) and `from` may send there (egress). */
function sgAdmits(g: FlowGraph, from: readonly FlowResource[], to: FlowResource, port: number): true | string {
    const ingress = g.ofType(T.ingress).filter((r) => found(g.ref(r, "securityGroupId", r.inputs.securityGroupId, T.sg))?.urn === to.urn);
    const admitted = ingress.some((r) => portInRange(port, r.inputs) && from.some((f) => found(g.ref(r, "referencedSecurityGroupId", r.inputs.referencedSecurityGroupId, T.sg))?.urn === f.urn));
    if (!admitted) return `${to.name} has no ingress rule admitting ${[...new Set(from.map((f) => f.name))].join(" or ")} on port ${port}`;
    const egressOf = (f: FlowResource) => g.ofType(T.egress).filter((r) => found(g.ref(r, "securityGroupId", r.inputs.securityGroupId, T.sg))?.urn === f.urn);
    const sends = from.some((f) =>
        inlineEgressAll(f) ||
        egressOf(f).some((r) => portInRange(port, r.inputs) && (r.inputs.cidrIpv4 === "0.0.0.0/0" || found(g.ref(r, "referencedSecurityGroupId", r.inputs.referencedSecurityGroupId, T.sg))?.urn === to.urn)),
    );
    return sends ? true : `${from.map((f) => f.name).join(", ")} has no egress rule to ${to.name} on port ${port}`;
}

/** A group whose inline `egress` allows all traffic anywhere (protocol -1 to 0.0.0.0/0). */
function inlineEgressAll(sg: FlowResource): boolean {
    return list(sg.inputs.egress).filter(isRecord).some((e) => String(e.protocol) === "-1" && strings(e.cidrBlocks).includes("0.0.0.0/0"));
}

function securityGroupsOf(g: FlowGraph, r: FlowResource, property: string): FlowResource[] {
    const refs = g.refs(r, property, at(r.inputs, property), T.sg);
    return refs.kind === "found" ? refs.resource : [];
}

/**
 * The target group ARN of the action that answers: actions run in `order` (lowest first, then in
 * list order); authenticate actions come first, then the one that ends the chain (ELB User Guide,
 * "Listener rules": action types forward, redirect, fixed-response, authenticate-oidc,
 * authenticate-cognito). A reason when that action is not a forward.
 */
function forwardAction(actions: unknown): { readonly arn: unknown; readonly weighted: readonly { readonly arn: unknown; readonly weight: number }[] } | string {
    const first = endAction(actions);
    if (first === undefined) return "is missing";
    if (first.type !== "forward") return `is ${String(first.type)}, not forward: requests never reach a target group`;
    // A weighted forward (`forward.targetGroups[]`, weight 0-999, default 1: terraform-provider-aws
    // lb_listener_rule forward target_group `weight`) sends each group its share; the walk follows
    // the first group that takes any (weightedHop judges the others).
    const weighted = first.targetGroupArn !== undefined ? [{ arn: first.targetGroupArn, weight: 1 }] : list(at(first, "forward.targetGroups")).filter(isRecord).map((t) => ({ arn: t.arn, weight: num(t.weight) ?? 1 }));
    const arn = (weighted.find((x) => x.weight > 0) ?? weighted[0])?.arn;
    return arn === undefined ? "forwards to no target group" : { arn, weighted };
}

/**
 * What answers behind a target group, as `<what>:<port>`: the Auto Scaling groups registering in
 * it (aws.autoscaling.Group `targetGroupArns`, aws.autoscaling.Attachment `lbTargetGroupArn`) on
 * the group's port, and the ECS services registering their tasks (`loadBalancers[].targetGroupArn`)
 * on their container port.
 */
function awsRegistrations(g: FlowGraph, region: string, tg: FlowResource): string[] {
    const port = String(tg.inputs.port);
    const groups = g.referrers(tg, T.group, "targetGroupArns").map((x) => `${x.name}:${port}`);
    const attached = g.referrers(tg, T.attachment, "lbTargetGroupArn").map((a) => `${String(a.inputs.autoscalingGroupName)}:${port}`);
    const services = g.ofType(T.ecsService, region).flatMap((svc) =>
        list(svc.inputs.loadBalancers)
            .filter(isRecord)
            .filter((lb) => found(g.ref(svc, "loadBalancers", lb.targetGroupArn, T.targetGroup))?.urn === tg.urn)
            .map((lb) => `${svc.name}:${String(lb.containerPort)}`),
    );
    return [...groups, ...attached, ...services];
}

/** Every target group a weighted forward of `router` (its `property`) gives requests to serves the route (contracts.weightedForwardVerdict). */
function awsWeightedHop(g: FlowGraph, w: Walk, region: string, router: FlowResource, property: string, weighted: readonly { readonly arn: unknown; readonly weight: number }[]): void {
    const all = weighted.map((x) => ({ group: found(g.ref(router, property, x.arn, T.targetGroup)), id: x.arn, weight: x.weight }));
    if (all.length > 1) w.hop(router, `every weighted target group of ${router.name} serves the route`, weightedForwardVerdict(all, (tg) => awsRegistrations(g, region, tg), "target group"));
}

/**
 * A listener rule's URL rewrite keeps the route's requests on the route's paths
 * (contracts.rewriteVerdict): aws.lb.ListenerRule `transforms[]` of type `url-rewrite`
 * (`urlRewriteConfig.rewrite.regex`, `replace` with `$1` captures) rewrites the request path
 * before it is forwarded (ELB User Guide, "Transforms for listener rules": URL rewrite). The regular
 * expression is evaluated as JavaScript's (the PCRE subset both share); one that does not compile
 * here leaves the hop undetermined. A `host-header-rewrite` changes only the Host, which the app
 * image contract (docs/METRICS.md) does not route on.
 */
function awsRewriteHop(w: Walk, router: FlowResource, patterns: readonly string[], samples: readonly string[]): void {
    const rewrites = list(router.inputs.transforms).filter(isRecord).filter((t) => t.type === "url-rewrite");
    if (rewrites.length === 0) return;
    const check = `${router.name}'s url-rewrite keeps requests on ${patterns.join(" ")}`;
    // A regex or replacement not known yet (a first preview) is settled once created; a known one this cannot apply is not.
    if (rewrites.some((t) => FlowGraph.isUnknown(at(t, "urlRewriteConfig.rewrite.regex")) || FlowGraph.isUnknown(at(t, "urlRewriteConfig.rewrite.replace")))) return w.hop(router, check, undetermined("transforms"));
    const apply = (path: string): string | undefined => {
        let out = path;
        for (const t of rewrites) {
            const regex = str(at(t, "urlRewriteConfig.rewrite.regex"));
            const replace = str(at(t, "urlRewriteConfig.rewrite.replace"));
            if (regex === undefined || replace === undefined) return undefined;
            try {
                out = out.replace(new RegExp(regex), replace);
            } catch {
                return undefined;
            }
        }
        return out;
    };
    w.hop(router, check, rewriteVerdict(patterns, samples, apply, `transforms (url-rewrite of ${router.name})`));
}

/** The action that ends a rule's chain: in `order` (lowest first, then list order), past the authenticate actions; undefined without one. */
function endAction(actions: unknown): Record<string, unknown> | undefined {
    return list(actions)
        .filter(isRecord)
        .map((a, i) => ({ a, order: num(a.order) ?? 50_000 + i }))
        .sort((x, y) => x.order - y.order)
        .map((x) => x.a)
        .find((a) => !String(a.type).startsWith("authenticate-"));
}

/**
 * The HTTPS listener's rules as the load balancer evaluates them (contracts.answeringRule):
 * priority (aws.lb.ListenerRule `priority`, 1-50000, lowest first), host-header, path-pattern and
 * http-request-method values (`conditions[].hostHeader.values`, `pathPattern.values`,
 * `httpRequestMethod.values`); a source-ip condition taking every client (contracts.sourceIpClients)
 * or an http-header condition taking every request (headerTakesEveryRequest) matches every request,
 * one taking no client (::/0 on an IPv4-only load balancer) none;
 * any other http-header, query-string or source-ip condition, or regex values, cannot be judged
 * from the plan (unevaluated).
 */
function awsListenerRules(g: FlowGraph, region: string, listener: FlowResource): ListenerRuleView<FlowResource>[] {
    const lb = found(g.ref(listener, "loadBalancerArn", listener.inputs.loadBalancerArn, T.lb));
    // aws.lb.LoadBalancer `ipAddressType`: ipv4 (the default), dualstack, dualstack-without-public-ipv4.
    const dualStack = lb !== undefined && String(lb.inputs.ipAddressType ?? "ipv4").startsWith("dualstack");
    const takesEveryRequest = (c: Record<string, unknown>): boolean => {
        const keys = Object.keys(c);
        if (keys.length !== 1) return false;
        // A source-ip condition taking no client is judged too (a `source` condition: it excludes every request).
        if (isRecord(c.sourceIp)) return sourceIpClients(strings(c.sourceIp.values), dualStack) !== "some";
        if (isRecord(c.httpHeader) && c.httpHeader.regexValues === undefined) return headerTakesEveryRequest(c.httpHeader.httpHeaderName, strings(c.httpHeader.values));
        return false;
    };
    return g
        .ofType(T.rule, region)
        .filter((x) => found(g.ref(x, "listenerArn", x.inputs.listenerArn, T.listener))?.urn === listener.urn)
        .map((rule) => {
            const conditions = list(rule.inputs.conditions).filter(isRecord);
            // A condition with regexValues matches when a value or a regular expression does: its values alone never exclude a request.
            const kinds: readonly (readonly [string, RuleCondition])[] = [["hostHeader", "host"], ["pathPattern", "path"], ["httpRequestMethod", "method"]];
            const judged = [
                ...conditions.flatMap((c) => kinds.filter(([key]) => isRecord(c[key]) && at(c, `${key}.regexValues`) === undefined).map(([key, condition]) => ({ condition, values: strings(at(c, `${key}.values`)) }))),
                ...conditions.filter((c) => isRecord(c.sourceIp) && sourceIpClients(strings(at(c, "sourceIp.values")), dualStack) === "none").map((c) => ({ condition: "source" as const, values: strings(at(c, "sourceIp.values")) })),
            ];
            // A source-ip or http-header condition that takes every request never excludes one, one taking no client excludes all: both judged.
            const other = conditions.filter((c) => !takesEveryRequest(c)).find((c) => Object.keys(c).some((k) => !["hostHeader", "pathPattern", "httpRequestMethod"].includes(k)) || at(c, "hostHeader.regexValues") !== undefined || at(c, "pathPattern.regexValues") !== undefined);
            return listenerRuleView(rule, num(rule.inputs.priority), judged, other === undefined ? undefined : `conditions (${Object.keys(other).join(", ")})`, endAction(rule.inputs.actions)?.type === "forward");
        });
}

/**
 * What a listener rule that does not forward does: the action ending its chain (endAction) with the
 * code it answers (aws.lb.ListenerRule `actions[].fixedResponse.statusCode`, `redirect.statusCode`).
 */
function awsRuleDoes(rule: FlowResource): string {
    const end = endAction(rule.inputs.actions);
    if (end === undefined) return "rule ending in no action";
    const code = end.type === "fixed-response" ? at(end, "fixedResponse.statusCode") : end.type === "redirect" ? at(end, "redirect.statusCode") : undefined;
    return `${String(end.type)}${code !== undefined ? ` ${String(code)}` : ""}`;
}

/**
 * The HTTPS listener's rules and what they forward to, for the rule hops (walk.routeRuleHop,
 * walk.precedenceHop): condition types as aws.lb.ListenerRule `conditions[]` names them.
 */
function awsListenerView(g: FlowGraph, region: string, listener: FlowResource): ListenerRules {
    const groupOf = (r: FlowResource) => {
        const a = forwardAction(r.urn === listener.urn ? r.inputs.defaultActions : r.inputs.actions);
        return typeof a === "string" ? undefined : found(g.ref(r, r.urn === listener.urn ? "defaultActions" : "actions", a.arn, T.targetGroup));
    };
    return { listener, rules: awsListenerRules(g, region, listener), does: awsRuleDoes, groupOf, groupWord: "target group", conditionWords: { host: "hostHeader", path: "pathPattern", method: "httpRequestMethod", source: "sourceIp" } };
}

/** The route's requests, for every name reaching the listener, meet no rule ahead of `router` on the HTTPS listener (precedenceHop). */
function awsPrecedenceHop(w: Walk, rules: ListenerRules, router: FlowResource, patterns: readonly string[], names: readonly string[], route: RouteName): void {
    const check = `no rule ahead of ${router.urn === rules.listener.urn ? "the default action" : router.name} answers ${names.join(", ")} ${patterns.length === 0 ? DYNAMIC_API_PATH : patterns.join(" ")} first`;
    precedenceHop(w, rules, router, names, samplePaths(patterns, DYNAMIC_API_PATH, rulePatterns(rules.rules)), ROUTE_METHOD[route], check);
}

/**
 * A target group's health check (ELB API TargetGroup: Protocol; HealthCheckProtocol defaults to
 * the group's HTTP/HTTPS protocol; HealthCheckPort `traffic-port` by default; Matcher.HttpCode
 * defaults to 200). For an ECS service the traffic port is the registered container port, checked there.
 */
function awsHealthCheck(tg: FlowResource): HealthCheck {
    const protocol = str(tg.inputs.protocol) ?? "HTTP";
    const port = at(tg.inputs, "healthCheck.port");
    return {
        protocol,
        checkProtocol: str(at(tg.inputs, "healthCheck.protocol")) ?? protocol,
        checkPort: port === undefined || port === "traffic-port" ? undefined : (num(port) ?? Number(port)),
        codes: [str(at(tg.inputs, "healthCheck.matcher")) ?? "200"],
    };
}

/** A request path of the API route (the load balancer's default action): dynamic, per user. */
const DYNAMIC_API_PATH = "/api/products";

/**
 * The CDN behaviour that serves a dynamic path (the first ordered behaviour whose pathPattern
 * matches it, else the default: CloudFront Developer Guide, "Cache behavior settings", Path
 * pattern) uses the managed CachingDisabled policy: API, order and WebSocket responses differ per
 * user and are never served from the edge cache (the managed policy ids: "Use managed cache policies").
 */
function dynamicNotCached(dist: FlowResource, paths: readonly string[]): true | string {
    for (const path of paths) {
        const v = pathNotCached(dist, path);
        if (v !== true) return v;
    }
    return true;
}

/** dynamicNotCached for one request path. */
function pathNotCached(dist: FlowResource, path: string): true | string {
    const behaviour = behaviourFor(dist, path);
    const policy = str(behaviour.cachePolicyId);
    return policy === MANAGED_POLICY.cachingDisabled ? true : `the behaviour for ${path} (${str(behaviour.pathPattern) ?? "default"}) uses cache policy ${String(policy)}, not CachingDisabled (${MANAGED_POLICY.cachingDisabled}): per-user responses would be served from the edge cache`;
}

/**
 * The origin ids a cache behaviour sends requests to: its `targetOriginId`, or, when that names an
 * origin group, the group's member origins (primary, then failover): CloudFront Developer Guide,
 * "Cache behavior settings" (Origin and origin groups) and "Optimize high availability with
 * CloudFront origin failover" (aws.cloudfront.Distribution `originGroups[].originId`, `members[].originId`).
 */
function behaviourOrigins(dist: FlowResource, behaviour: Record<string, unknown>): string[] {
    const target = str(behaviour.targetOriginId);
    if (target === undefined) return [];
    const group = list(dist.inputs.originGroups).filter(isRecord).find((grp) => grp.originId === target);
    return group === undefined ? [target] : list(group.members).filter(isRecord).map((m) => str(m.originId)).filter((m): m is string => m !== undefined);
}

/**
 * The request paths of a route as the distribution's behaviours tell them apart: samplePaths
 * against every ordered behaviour's pathPattern, so a behaviour taking only part of the route
 * (`/order/*` ahead of `/order*`) is met on that part.
 */
function edgePaths(dist: FlowResource, patterns: readonly string[], fallback: string): string[] {
    return samplePaths(patterns, fallback, list(dist.inputs.orderedCacheBehaviors).filter(isRecord).map((b) => str(b.pathPattern) ?? ""));
}

/** The behaviour that serves `path`: the first ordered behaviour whose pathPattern matches it (case-sensitively: wildcardMatches), else the default (CloudFront Developer Guide, "Cache behavior settings", Path pattern). */
function behaviourFor(dist: FlowResource, path: string): Record<string, unknown> {
    return list(dist.inputs.orderedCacheBehaviors).filter(isRecord).find((b) => wildcardMatches(str(b.pathPattern) ?? "", path)) ?? (isRecord(dist.inputs.defaultCacheBehavior) ? dist.inputs.defaultCacheBehavior : {});
}

/**
 * The behaviour serving `path` allows every method the flow sends (aws.cloudfront.Distribution
 * `allowedMethods`: GET and HEAD; GET, HEAD and OPTIONS; or all seven, CloudFront Developer Guide,
 * "Allowed HTTP methods"): CloudFront answers any other method 403 without reaching the origin.
 */
function behaviourAllows(dist: FlowResource, paths: readonly string[], needed: readonly string[]): Verdict {
    for (const path of paths) {
        const v = pathAllows(dist, path, needed);
        if (v !== true) return v;
    }
    return true;
}

/** behaviourAllows for one request path. */
function pathAllows(dist: FlowResource, path: string, needed: readonly string[]): Verdict {
    const behaviour = behaviourFor(dist, path);
    if (FlowGraph.isUnknown(behaviour.allowedMethods)) return undetermined("allowedMethods");
    const allowed = strings(behaviour.allowedMethods);
    const missing = methodsNotAllowed(allowed, needed);
    return missing.length === 0 ? true : `the behaviour for ${path} (${str(behaviour.pathPattern) ?? "default"}) allows ${allowed.join(", ")}, not ${missing.join(", ")}: CloudFront answers those requests 403`;
}

/** Whether a flow key walks a request route (FLOW_ROUTE). */
function isFlowRoute(key: FlowKey): key is keyof typeof FLOW_METHODS {
    return key in FLOW_METHODS;
}

/** The request path of a route in a region: entry, listener, rule, target group, targets, health, security groups. */
/** The request path of a flow in `region`; null when the region is not entered (a CDN flow in a region that is no CloudFront origin). */
function requestPath(g: FlowGraph, w: Walk, region: string, key: FlowKey, route: RouteName): Targets | null {
    const alb = g.ofType(T.lb, region)[0] ?? w.absent(undefined, "load balancer", `no application load balancer in ${region}`);
    const patterns = ROUTES.find((x) => x.name === route)?.pathPatterns ?? [];
    const entry = entryNames(g, alb, patterns[0] ?? DYNAMIC_API_PATH);
    if (key === "viewer" || entry.records.length === 0) {
        const dist = entry.cdn ?? w.absent(alb, "CDN", "no CloudFront distribution serves the domain");
        const servedBy = otherOrigins(g, dist, alb);
        if (servedBy.length > 0) {
            w.hop(dist, `${dist.name} is served by ${servedBy.map((x) => x.name).join(", ")}: ${alb.name} is no CloudFront origin (cdn.originFailover false), its region is not entered through the CDN`, true);
            return null;
        }
        const aliases = strings(dist.inputs.aliases);
        w.hop(dist, "serves the viewer hostname on its own certificate", cdnCertificate(g, dist, aliases));
        // Where the stack holds the zone, each alias is an alias record of the distribution.
        if (g.ofType(T.zone).length > 0) {
            const missing = aliases.filter((a) => !g.ofType(T.record).some((r) => sameDnsName(r.inputs.name, a) && aliasesToDistribution(g, r, dist) && recordVerdict(g, r) === true));
            w.hop(dist, `DNS: ${aliases.join(", ")} alias the distribution`, missing.length === 0 ? true : `no A/AAAA alias record of the stack's zone points ${missing.join(", ")} at ${dist.name}: viewers cannot resolve it`);
        }
        const path = patterns[0] ?? DYNAMIC_API_PATH;
        const paths = edgePaths(dist, patterns, path);
        // Every path of the route: a behaviour taking part of it (an ordered pathPattern) may send it to another origin.
        w.hop(dist, `origin -> ${alb.name}`, [entry.cdnOk, ...paths.slice(1).map((p) => entryNames(g, alb, p).cdnOk)].find((v) => v !== true) ?? true);
        w.hop(dist, `${path} is not cached at the edge`, dynamicNotCached(dist, paths));
        if (isFlowRoute(key)) w.hop(dist, `${path} allows ${FLOW_METHODS[key].join(", ")} at the edge`, behaviourAllows(dist, paths, FLOW_METHODS[key]));
    } else {
        const record = entry.records[0];
        const verdict = recordVerdict(g, record);
        w.hop(record, `${String(record.inputs.name)} aliases ${alb.name}`, verdict === true ? recordNameVerdict(g, record) : verdict);
        // A record without a health check is the multi-region rules' finding (ha-stack-require-steering-health-checks), not a break of the path.
        const check = record.inputs.healthCheckId === undefined ? undefined : found(g.ref(record, "healthCheckId", record.inputs.healthCheckId, T.healthCheck));
        if (check !== undefined) w.hop(check, `Route 53 health check requests ${APP_CONTRACT_PATHS.health} over HTTPS on ${alb.name}:${LB_HTTPS_PORT}`, route53ProbeVerdict(g, check, alb));
    }
    const https = g.ofType(T.listener, region).find((l) => l.inputs.protocol === "HTTPS" && num(l.inputs.port) === 443 && found(g.ref(l, "loadBalancerArn", l.inputs.loadBalancerArn, T.lb))?.urn === alb.urn);
    if (https === undefined) w.hop(alb, "HTTPS listener on 443", `${alb.name} has no HTTPS listener on 443`);
    const listener = https ?? alb;
    if (ROUTES.find((x) => x.name === route)?.longLived === true) {
        // The idle timeout of an application load balancer is the load balancer's attribute (aws_lb
        // `idle_timeout`); the app servers, pods and tasks ping at the contract's interval.
        const idle = num(alb.inputs.idleTimeout);
        const from = idle === undefined ? "the load balancer's default: idleTimeout unset" : "the load balancer's idleTimeout";
        const seconds = idle ?? ALB_DEFAULT_IDLE_TIMEOUT_SECONDS;
        w.hop(alb, `WebSockets stay open: pings every ${WEBSOCKET_PING_INTERVAL_SECONDS} s within the ${seconds} s idle timeout`, websocketIdleVerdict(seconds, WEBSOCKET_PING_INTERVAL_SECONDS, from));
    }
    const cert = certificateNames(g, listener);
    const uncovered = entry.names.filter((n) => !coversName(cert.names, n));
    w.hop(
        listener,
        `certificate covers ${entry.names.join(", ")}`,
        cert.certificate === undefined ? "the listener's certificate is not one the stack declares" : uncovered.length === 0 ? true : `${uncovered.join(", ")} not on the certificate (${cert.names.join(", ")}): TLS to this listener fails for that name`,
    );
    let tgRef: Ref;
    let router: FlowResource = listener;
    const listenerView = awsListenerView(g, region, listener);
    if (patterns.length === 0) {
        const action = forwardAction(listener.inputs.defaultActions);
        w.hop(listener, "default action forwards", typeof action === "string" ? `the listener's default action ${action}` : true);
        if (typeof action !== "string") awsWeightedHop(g, w, region, listener, "defaultActions", action.weighted);
        tgRef = g.ref(listener, "defaultActions", typeof action === "string" ? undefined : action.arn, T.targetGroup);
    } else {
        // The route's rule: the rule routing its patterns that takes the request first (routeRule).
        const views = listenerView.rules;
        const rule = routeRule(views, patterns, DYNAMIC_API_PATH, entry.names[0] ?? "", ROUTE_METHOD[route], routeGroupTest(listenerView, route, ROUTE_SERVICE[route]));
        // A rule the plan cannot judge (regexValues) may be the one routing it: unknown, not broken.
        const unjudged = rule === undefined ? answeringRule(views, { host: entry.names[0] ?? "", path: patterns[0], method: ROUTE_METHOD[route] }) : undefined;
        if (unjudged?.kind === "undetermined") w.stopUndetermined(unjudged.rule, `rule ${patterns.join(" ")}`, unevaluated(unjudged.condition));
        if (rule === undefined) w.hop(listener, `rule ${patterns.join(" ")}`, `no listener rule routes ${patterns.join(" ")}`);
        router = rule ?? listener;
        // Every name and path of the route takes the rule, or another rule forwarding to its group (a route split per host).
        routeRuleHop(w, listenerView, router, entry.names, samplePaths(patterns, DYNAMIC_API_PATH, rulePatterns(views)), ROUTE_METHOD[route], `rule ${patterns.join(" ")} matches requests for ${entry.names.join(", ")}`);
        const action = forwardAction(router.inputs.actions);
        // The rule forwards, and to the route's target group (or one with the same targets behind it).
        const toRoute = () => routeGroupVerdict(router.name, listenerView.groupOf(router), route, ROUTE_SERVICE[route], g.ofType(T.targetGroup, region), (tg) => awsRegistrations(g, region, tg), "target group");
        w.hop(router, `rule ${patterns.join(" ")} forwards`, typeof action === "string" ? `the rule's action ${action}` : toRoute());
        if (typeof action !== "string") awsWeightedHop(g, w, region, router, "actions", action.weighted);
        awsRewriteHop(w, router, patterns, samplePaths(patterns, DYNAMIC_API_PATH));
        tgRef = g.ref(router, "actions", typeof action === "string" ? undefined : action.arn, T.targetGroup);
    }
    awsPrecedenceHop(w, listenerView, router, patterns, entry.names, route);
    // A rule ahead carrying part of the route to its group is judged as the route's rule is.
    const views = listenerView.rules;
    for (const s of sharingRules(views, entry.names, samplePaths(patterns, DYNAMIC_API_PATH, rulePatterns(views)), ROUTE_METHOD[route], router)) {
        const a = forwardAction(s.rule.inputs.actions);
        if (typeof a !== "string") awsWeightedHop(g, w, region, s.rule, "actions", a.weighted);
        awsRewriteHop(w, s.rule, patterns, s.paths);
    }
    const tg = w.follow(router, `${patterns.length === 0 ? "default action" : patterns.join(" ")} -> ${route} target group`, tgRef, `forwards to no target group the stack declares`);
    const port = num(tg.inputs.port) ?? 0;
    const healthPath = str(at(tg.inputs, "healthCheck.path")) ?? "/";
    w.hop(tg, `health check ${healthPath} over HTTP on the traffic port answers 200`, healthCheckVerdict(tg.name, awsHealthCheck(tg), port));
    const albGroups = securityGroupsOf(g, alb, "securityGroups");

    if (g.ofType(T.eks, region).length > 0) {
        const service = ROUTE_SERVICE[route];
        const attachments = g.referrers(tg, T.attachment, "lbTargetGroupArn");
        // Each attachment registers the Auto Scaling group of a node group of the cluster (output
        // resources[0].autoscalingGroups[0].name; in a first preview followed through its dependency).
        const nodeGroups = g.ofType(T.nodeGroup, region);
        const groupNames = nodeGroups.map((n) => at(n.outputs, "resources.0.autoscalingGroups.0.name")).filter((x): x is string => typeof x === "string" && !FlowGraph.isUnknown(x));
        const ofNodes = (a: FlowResource) => groupNames.includes(String(a.inputs.autoscalingGroupName)) || (FlowGraph.isUnknown(a.inputs.autoscalingGroupName) && nodeGroups.some((n) => (a.propertyDependencies?.autoscalingGroupName ?? []).includes(n.urn)));
        const attached = attachments.filter(ofNodes);
        const strays = attachments.filter((a) => !ofNodes(a)).map((a) => String(a.inputs.autoscalingGroupName));
        w.hop(
            tg,
            `registered targets: the EKS nodes`,
            attached.length > 0 && strays.length === 0
                ? true
                : attachments.length === 0
                  ? `no node group is attached to ${tg.name}: the ${service} service is not reachable from the load balancer (a ClusterIP service only)`
                  : groupNames.length === 0 && nodeGroups.length > 0 && attached.length === 0
                    ? undetermined("autoscalingGroupName")
                    : `${tg.name} registers ${strays.join(", ")}, not an Auto Scaling group of a node group of the cluster`,
        );
        const svc = nodePortService(g, w, region, attached[0], service, port);
        const svcRes = svc ?? attached[0];
        const dep = g.ofType(T.deployment, region).find((d) => at(d.inputs, "metadata.name") === service);
        if (svc !== undefined && dep !== undefined) serviceReachesPods(w, svc, port, dep);
        w.hop(dep ?? svcRes, `pods answer ${healthPath}`, podsAnswer(dep, healthPath, service, "target group"));
        const eks = g.ofType(T.eks, region)[0];
        const nodes = g.ofType(T.nodeGroup, region);
        // The cluster and its nodes act with their roles: the cluster role trusts eks.amazonaws.com,
        // each node role ec2.amazonaws.com (EKS User Guide, "Amazon EKS cluster IAM role", "Amazon EKS node IAM role").
        trustHop(w, w.follow(eks, "cluster role", g.ref(eks, "roleArn", eks.inputs.roleArn, T.role), "the cluster's role is not declared in the stack"), EKS_SERVICE);
        for (const role of new Set(nodes.map((n) => w.follow(n, "node role", g.ref(n, "nodeRoleArn", n.inputs.nodeRoleArn, T.role), "the node group's role is not declared in the stack")))) trustHop(w, role, EC2_SERVICE);
        const sg = g.ofType(T.sg, region).find((x) => x.urn === eks.urn) ?? w.absent(eks, "cluster security group", `${eks.name} has no cluster security group`);
        w.hop(sg, `admits the load balancer on ${port}`, sgAdmits(g, albGroups, sg, port));
        return { answerer: nodes[0] ?? eks, securityGroup: sg, subnets: nodes.flatMap((n) => placedIn(n, n.inputs.subnetIds)), subnetsOf: nodes[0] ?? eks };
    }

    if (g.ofType(T.ecsService, region).length > 0) return ecsTargets(g, w, region, tg, router, healthPath, albGroups);

    const groups = g.referrers(tg, T.group, "targetGroupArns");
    const group = groups[0];
    if (group === undefined) w.hop(tg, "registered targets", `no scaling group registers its instances in ${tg.name}`);
    const asg = group ?? tg;
    w.hop(tg, `registered targets: ${asg.name}`, true);
    const lt = w.follow(asg, "launch template", g.ref(asg, "launchTemplate", at(asg.inputs, "launchTemplate.id"), T.launchTemplate), "the group's launch template is not declared");
    const userData = decodeUserData(lt.inputs.userData);
    const servesByUserData = userData !== null && userData.includes(healthPath) && userData.includes(String(port));
    // The app image contract (docs/METRICS.md): an image set in `app.imageId` serves the app on
    // appPort with the health path; the stock OS image serves nothing.
    const appImage = typeof lt.inputs.imageId === "string" && lt.inputs.imageId !== AWS_DEFAULT_IMAGE;
    w.hop(lt, `instances answer ${healthPath} on ${port}`, servesByUserData || appImage ? true : { reason: `the stock image (${String(lt.inputs.imageId)}) with no user data serves nothing on ${port}: set app.imageId to an image that keeps the app image contract; the ELB health check replaces instances forever`, setting: "app" });
    const sg = securityGroupsOf(g, lt, "vpcSecurityGroupIds")[0] ?? w.absent(lt, "targets' security group", `${lt.name} has no security group the stack declares`);
    w.hop(sg, `admits the load balancer on ${port}`, sgAdmits(g, albGroups, sg, port));
    return { answerer: asg, securityGroup: sg, subnets: placedIn(asg, asg.inputs.vpcZoneIdentifiers), subnetsOf: asg };
}

/** The container definitions of a task definition (a JSON string, as aws.ecs.TaskDefinition takes them). */
function containerDefinitions(taskDefinition: FlowResource): Record<string, unknown>[] {
    const v = taskDefinition.inputs.containerDefinitions;
    if (typeof v !== "string") return [];
    try {
        return list(JSON.parse(v)).filter(isRecord);
    } catch {
        return [];
    }
}

/**
 * The serverless tier's targets: the ECS service that registers its tasks in the route's target
 * group (`loadBalancers[].targetGroupArn`) on a container port its task definition maps. Tasks of
 * the awsvpc network mode register by IP: the target group must be of target type `ip` (ECS API /
 * CloudFormation reference, AWS::ECS::Service LoadBalancer: for services with awsvpc tasks "when you
 * create any target groups for these services, you must choose ip as the target type, not
 * instance"; Fargate requires awsvpc). The health check
 * goes to the registered port (`traffic-port`, the default: ELB User Guide, "Health checks for
 * Application Load Balancer target groups"); the tasks' security group admits the load balancer on it.
 */
function ecsTargets(g: FlowGraph, w: Walk, region: string, tg: FlowResource, router: FlowResource, healthPath: string, albGroups: readonly FlowResource[]): Targets {
    const entryOf = (s: FlowResource) => list(s.inputs.loadBalancers).filter(isRecord).find((lb) => found(g.ref(s, "loadBalancers", lb.targetGroupArn, T.targetGroup))?.urn === tg.urn);
    const service = g.ofType(T.ecsService, region).find((s) => entryOf(s) !== undefined);
    if (service === undefined) w.hop(tg, "registered targets", `no ECS service registers its tasks in ${tg.name} (loadBalancers[].targetGroupArn)`);
    const svc = service ?? tg;
    const entry = entryOf(svc) ?? {};
    w.hop(tg, `registered targets: ECS service ${svc.name}`, tg.inputs.targetType === "ip" ? true : `${tg.name} has target type ${String(tg.inputs.targetType ?? "instance")}: awsvpc tasks register by IP (target type ip)`);
    w.hop(svc, `created after ${router.name} forwards to ${tg.name} (dependsOn)`, waitsForRouter(svc, router, tg));
    const port = num(entry.containerPort) ?? 0;
    const containerName = str(entry.containerName) ?? "";
    const task = w.follow(svc, "task definition", g.ref(svc, "taskDefinition", svc.inputs.taskDefinition, T.taskDefinition), "the service's task definition is not declared");
    const container = containerDefinitions(task).find((c) => c.name === containerName);
    // A port mapping's protocol defaults to tcp (ECS API PortMapping.protocol: tcp | udp); the load balancer speaks TCP.
    const maps = list(container?.portMappings).filter(isRecord).some((m) => num(m.containerPort) === port && (m.protocol === undefined || m.protocol === "tcp"));
    // In a first preview the definitions wait for endpoints and secrets not created yet (one JSON string): unknown, not broken.
    // The later hops read the same definitions (environment, secrets): the walk stops here.
    if (!maps && FlowGraph.isUnknown(task.inputs.containerDefinitions)) w.stopUndetermined(task, `container ${containerName} maps port ${port}`, undetermined("containerDefinitions"));
    w.hop(task, `container ${containerName} maps port ${port}`, maps ? true : `no container ${containerName} mapping TCP port ${port} in ${task.name}: ECS cannot register the tasks`);
    // Only tasks that start register: their secrets, log stream and image come with the execution role.
    ecsTasksStart(g, w, region, svc);
    // The target group is the only gate in front of a task: it checks readiness (targetHealthCheck), or a task warming up or draining gets new requests.
    const readyPath = targetHealthCheck("ip").path;
    w.hop(tg, `health check is the tasks' readiness (${readyPath})`, healthPath === readyPath ? true : `${tg.name} checks ${healthPath}, not ${readyPath}: a task that is warming up or draining (503 on ${readyPath}) still gets new requests`);
    const hcPort = at(tg.inputs, "healthCheck.port");
    w.hop(tg, `health check ${healthPath} reaches the container port ${port}`, hcPort === undefined || hcPort === "traffic-port" || num(hcPort) === port || hcPort === String(port) ? true : `${tg.name} checks port ${String(hcPort)}, the tasks serve ${port}`);
    const sg = securityGroupsOf(g, svc, "networkConfiguration.securityGroups")[0] ?? w.absent(svc, "tasks' security group", `${svc.name} has no security group the stack declares`);
    w.hop(sg, `admits the load balancer on ${port}`, sgAdmits(g, albGroups, sg, port));
    return { answerer: svc, securityGroup: sg, subnets: placedIn(svc, at(svc.inputs, "networkConfiguration.subnets")), subnetsOf: svc };
}

/**
 * An ECS service registering in a target group is created only once a listener (or rule) forwards
 * to that group: ECS CreateService refuses a target group that is not yet behind a load balancer
 * ("InvalidParameterException: The target group with targetGroupArn ... does not have an associated
 * load balancer"; aws/aws-cdk#1160 "AWS::ECS::Service needs DependsOn ListenerRule",
 * hashicorp/terraform-provider-aws#3495: depends_on recommended). Nothing in the service's inputs
 * names the listener, so the order comes only from `dependsOn`: the service's recorded
 * `dependencies` must hold the router (the rule, or the listener of the default route). Unknown
 * when the input records no dependencies.
 */
function waitsForRouter(svc: FlowResource, router: FlowResource, tg: FlowResource): Verdict {
    if (svc.dependencies === undefined) return undetermined("dependencies");
    return svc.dependencies.includes(router.urn) ? true : `${svc.name} does not wait for ${router.name} (dependsOn): a first pulumi up may create it before ${tg.name} is behind the load balancer, and ECS refuses it (the target group "does not have an associated load balancer")`;
}

/** The task definition of an ECS service and the container its load balancer entry names. */
function ecsContainer(g: FlowGraph, w: Walk, svc: FlowResource): { task: FlowResource; container: Record<string, unknown> | undefined; name: string } {
    const name = str(list(svc.inputs.loadBalancers).filter(isRecord)[0]?.containerName) ?? "";
    const task = w.follow(svc, "task definition", g.ref(svc, "taskDefinition", svc.inputs.taskDefinition, T.taskDefinition), "the service's task definition is not declared");
    return { task, container: containerDefinitions(task).find((c) => c.name === name), name };
}


/**
 * The JSON key of an ECS `valueFrom` (`<secret-arn>:<json-key>:<version-stage>:<version-id>`; ECS
 * Developer Guide, "Pass Secrets Manager secrets through Amazon ECS environment variables"): ""
 * when none is given (the whole secret string is injected), undefined when the ARN is unknown.
 */
function secretJsonKey(valueFrom: string): string | undefined {
    if (FlowGraph.isUnknown(valueFrom) && !valueFrom.includes(":")) return undefined;
    const parts = valueFrom.split(":");
    if (parts.length === 10) return parts[7];
    if (parts.length === 4 && FlowGraph.isUnknown(parts[0])) return parts[1];
    return parts.length === 7 ? "" : undefined;
}

/**
 * Whether the secret holds the JSON key the container injects. The secret RDS manages for a master
 * user holds `username` and `password` (RDS User Guide, "Password management with Amazon RDS and
 * AWS Secrets Manager"); a secret the program writes holds the same keys (CREDENTIAL_KEYS). A
 * missing key fails the task at start; no key injects the whole JSON object, not the credential.
 */
function holdsJsonKey(env: string, valueFrom: string | undefined): Verdict {
    const key = valueFrom === undefined ? undefined : secretJsonKey(valueFrom);
    if (key === undefined) return undetermined("containerDefinitions");
    const keys: readonly string[] = Object.values(CREDENTIAL_KEYS);
    if (keys.includes(key)) return true;
    return key === "" ? `${env} names no JSON key of its secret: the whole JSON secret would be injected, not the credential (keys ${keys.join(", ")})` : `${env} reads JSON key ${key}, the secret holds ${keys.join(", ")}: the tasks cannot start`;
}

/**
 * A credential reaches the service's container: the container injects `env` from Secrets Manager
 * (`secrets[].valueFrom`), and the secret is one RDS manages for `store` (`masterUserSecrets`) or
 * one the stack declares. That the execution role may read it is a hop of ecsTasksStart (ECS
 * Developer Guide, "Pass Secrets Manager secrets through Amazon ECS environment variables").
 */
function ecsSecret(g: FlowGraph, w: Walk, svc: FlowResource, env: string, store: FlowResource | null): void {
    const { task, container, name } = ecsContainer(g, w, svc);
    const valueFrom = str(list(container?.secrets).filter(isRecord).find((x) => x.name === env)?.valueFrom);
    w.hop(
        task,
        `container gets ${env} from Secrets Manager`,
        valueFrom !== undefined ? true : FlowGraph.isUnknown(task.inputs.containerDefinitions) ? null : `container ${name} of ${task.name} has no ${env} secret: the service cannot log in`,
    );
    const arn = secretArnOf(valueFrom ?? "");
    const managed = list(store?.outputs?.masterUserSecrets).filter(isRecord).map((x) => str(x.secretArn));
    const declared = found(g.ref(task, "containerDefinitions", arn, T.secret));
    w.hop(
        declared ?? store ?? task,
        `the ${env} secret is ${store !== null ? `managed by RDS for ${store.name} or ` : ""}declared in the stack`,
        managed.includes(arn) || declared !== undefined ? true : `${arn} is neither a secret RDS manages${store !== null ? ` for ${store.name}` : ""} nor a secret the stack declares`,
    );
}

/**
 * The database credential of an ECS service's tasks: the app reads the secret DATABASE_SECRET_ARN
 * names with the task definition's task role (the RDS-managed master secret rotates, so a value
 * ECS injected at task start would go stale: credentialDelivery, components/aws/identity.ts). The
 * secret is one RDS manages for `store` or one the stack declares; the task role trusts ECS tasks
 * and may secretsmanager:GetSecretValue on it, and kms:Decrypt on a customer managed key that
 * encrypts it. Without DATABASE_SECRET_ARN, ECS injects DATABASE_PASSWORD (ecsSecret).
 */
function ecsDatabaseCredential(g: FlowGraph, w: Walk, region: string, svc: FlowResource, store: FlowResource | null): void {
    const { task, container } = ecsContainer(g, w, svc);
    const secretEnv = list(container?.environment).filter(isRecord).find((e) => e.name === DATABASE_SECRET_ENV);
    if (secretEnv === undefined) return ecsSecret(g, w, svc, DATABASE_PASSWORD_ENV, store);
    const who = str(svc.inputs.name) ?? svc.name;
    const arn = str(secretEnv.value);
    if (arn === undefined || FlowGraph.isUnknown(secretEnv.value)) return w.hop(task, `${who}: tasks read the database secret ${DATABASE_SECRET_ENV} names`, undetermined(`environment.${DATABASE_SECRET_ENV}`));
    const managedBy = list(store?.outputs?.masterUserSecrets).filter(isRecord).some((x) => x.secretArn === arn) ? store : undefined;
    const declared = found(g.ref(task, "containerDefinitions", arn, T.secret));
    w.hop(
        declared ?? store ?? task,
        `the ${DATABASE_SECRET_ENV} secret is ${store !== null ? `managed by RDS for ${store.name} or ` : ""}declared in the stack`,
        managedBy !== undefined || declared !== undefined ? true : `${arn} is neither a secret RDS manages${store !== null ? ` for ${store.name}` : ""} nor a secret the stack declares`,
    );
    const role = w.follow(task, `${who}: task role`, g.ref(task, "taskRoleArn", task.inputs.taskRoleArn, T.role, ["name"]), `the task definition has no task role the stack declares: the ${who} tasks cannot read ${DATABASE_SECRET_ENV}`);
    const cluster = w.follow(svc, "ECS cluster", g.ref(svc, "cluster", svc.inputs.cluster, T.ecsCluster, ["name"]), "the service's cluster is not declared");
    trustHop(w, role, ECS_TASKS_SERVICE, ecsTaskArn(region, str(cluster.inputs.name) ?? ""));
    const policies = rolePolicyDocuments(g, role);
    w.hop(role, `${who}: task role may ${READ_SECRET_ACTION} on the database secret`, allowsOn(policies, READ_SECRET_ACTION, arn, `no policy of ${role.name} allows ${READ_SECRET_ACTION} on ${arn}: the ${who} tasks cannot log in to the database`));
    const keyRef = declared?.inputs.kmsKeyId ?? managedBy?.inputs.masterUserSecretKmsKeyId;
    if (keyRef !== undefined) {
        const key = found(g.ref(declared ?? managedBy ?? task, declared !== undefined ? "kmsKeyId" : "masterUserSecretKmsKeyId", keyRef, T.key, ["keyId"]));
        const keyArn = str(key?.outputs?.arn) ?? str(keyRef) ?? "";
        w.hop(role, `${who}: task role may kms:Decrypt with the database secret's key`, allowsOn(policies, "kms:Decrypt", keyArn, `the database secret is encrypted with ${keyArn} and no policy of ${role.name} allows kms:Decrypt on it: the ${who} tasks cannot read it`));
    }
}

/** The documents of a role's policies: its inline policies and the AWS managed policies attached to it that the flows know (AmazonECSTaskExecutionRolePolicy). */
function rolePolicyDocuments(g: FlowGraph, role: FlowResource): unknown[] {
    const inline = g.referrers(role, T.rolePolicy, "role", ["name"]).map((p) => p.inputs.policy);
    const managed = g
        .referrers(role, T.rolePolicyAttachment, "role", ["name"])
        .filter((a) => typeof a.inputs.policyArn === "string" && a.inputs.policyArn.endsWith(`:iam::aws:policy/${TASK_EXECUTION_POLICY_NAME}`))
        .map(() => TASK_EXECUTION_POLICY_DOCUMENT);
    return [...inline, ...managed];
}

/** The verdict of "one of `policies` allows `action` on `arn`": undetermined while a document is unknown (a first preview) and none allows it yet. */
function allowsOn(policies: readonly unknown[], action: string, arn: string, denied: string): Verdict {
    if (policies.some((p) => FlowGraph.isUnknown(p)) || FlowGraph.isUnknown(arn)) return policies.some((p) => !FlowGraph.isUnknown(p) && statementsAllowOn(p, action, arn)) ? true : undetermined("policy");
    // IAM's evaluation: an explicit Deny overrides, an Allow counts only when its conditions hold (contracts.accessVerdict).
    return accessVerdict(policies, { action, resource: arn }, "the role's policies", denied);
}

/**
 * The service's tasks start: ECS, with the task definition's execution role, fetches every secret
 * the container references (`secrets[].valueFrom`) and, before the container starts, fails the task
 * when one cannot be read (ECS Developer Guide, "Amazon ECS task execution IAM role": Secrets Manager
 * permissions, secretsmanager:GetSecretValue on the secret, kms:Decrypt "only if your secret uses a
 * custom KMS key"); each secret holds the JSON key the container reads; the awslogs driver writes to
 * a log group the stack declares in the region, with logs:CreateLogStream and logs:PutLogEvents; an
 * image in a private ECR registry is pulled with the ECR actions (same page, AmazonECSTaskExecutionRolePolicy).
 */
function ecsTasksStart(g: FlowGraph, w: Walk, region: string, svc: FlowResource): void {
    const { task, container, name } = ecsContainer(g, w, svc);
    const who = str(svc.inputs.name) ?? svc.name;
    const role = w.follow(task, `${who}: execution role`, g.ref(task, "executionRoleArn", task.inputs.executionRoleArn, T.role, ["name"]), "the task definition has no execution role the stack declares: ECS cannot fetch its secrets, image or log stream");
    trustHop(w, role, ECS_TASKS_SERVICE);
    // In a first preview the definitions wait for endpoints and secrets not created yet (one JSON string).
    if (container === undefined) return w.hop(task, `${who}: container ${name} is defined`, FlowGraph.isUnknown(task.inputs.containerDefinitions) ? undetermined("containerDefinitions") : `${task.name} defines no container ${name}`);
    const policies = rolePolicyDocuments(g, role);
    const stores = [...g.ofType(T.auroraCluster, region), ...g.ofType(T.rdsInstance, region)];
    for (const secret of list(container?.secrets).filter(isRecord)) {
        const env = str(secret.name) ?? "";
        const valueFrom = str(secret.valueFrom) ?? "";
        const arn = secretArnOf(valueFrom);
        w.hop(task, `${who}: the ${env} secret holds the JSON key the container reads`, holdsJsonKey(env, valueFrom));
        w.hop(role, `${who}: execution role may ${READ_SECRET_ACTION} on the ${env} secret`, allowsOn(policies, READ_SECRET_ACTION, arn, `no policy of ${role.name} allows ${READ_SECRET_ACTION} on ${arn}: the ${who} tasks cannot start (ECS fetches secrets with the execution role)`));
        // A customer managed key: the secret's `kmsKeyId`, or the key RDS encrypts its managed secret with.
        const declared = found(g.ref(task, "containerDefinitions", arn, T.secret));
        const managedBy = stores.find((s) => list(s.outputs?.masterUserSecrets).filter(isRecord).some((m) => m.secretArn === arn));
        const keyRef = declared?.inputs.kmsKeyId ?? managedBy?.inputs.masterUserSecretKmsKeyId;
        if (keyRef !== undefined) {
            const key = found(g.ref(declared ?? managedBy ?? task, declared !== undefined ? "kmsKeyId" : "masterUserSecretKmsKeyId", keyRef, T.key, ["keyId"]));
            const keyArn = str(key?.outputs?.arn) ?? str(keyRef) ?? "";
            w.hop(role, `${who}: execution role may kms:Decrypt with the ${env} secret's key`, allowsOn(policies, "kms:Decrypt", keyArn, `the ${env} secret is encrypted with ${keyArn} and no policy of ${role.name} allows kms:Decrypt on it: the ${who} tasks cannot start`));
        }
    }
    const log = isRecord(container?.logConfiguration) ? container?.logConfiguration : undefined;
    if (log !== undefined && log.logDriver === "awslogs") {
        const options = isRecord(log.options) ? log.options : {};
        const group = found(g.ref(task, "containerDefinitions", options["awslogs-group"], T.logGroup, ["name"]));
        w.hop(group ?? task, `${who}: awslogs writes to a log group of the stack in ${region}`, group !== undefined && options["awslogs-region"] === region ? true : `awslogs-group ${String(options["awslogs-group"])} in ${String(options["awslogs-region"])} is not a log group the stack declares in ${region} (awslogs-create-group is unset): the tasks cannot start`);
        const groupArn = `${str(group?.outputs?.arn) ?? "*"}:log-stream:${str(options["awslogs-stream-prefix"]) ?? ""}*`;
        const denied = AWSLOGS_ACTIONS.filter((a) => typeof allowsOn(policies, a, groupArn, "denied") === "string");
        w.hop(role, `${who}: execution role may ${AWSLOGS_ACTIONS.join(", ")} on the log group`, denied.length === 0 ? true : `no policy of ${role.name} allows ${denied.join(", ")} on ${groupArn}: the awslogs driver cannot write and the tasks fail`);
    }
    const image = str(container?.image) ?? "";
    // Tasks without a public IP (assignPublicIp false) in private subnets reach the registry, ECR,
    // Secrets Manager and CloudWatch Logs through the NAT gateway, as the stack declares no VPC
    // endpoints ("for a job that's running on Fargate resources in a private subnet to send outbound
    // traffic to the internet (for example, to pull container images), the private subnet requires a
    // NAT gateway", AWS Batch API NetworkConfiguration.assignPublicIp, pointing to the ECS Developer
    // Guide, "Amazon ECS task networking").
    egressHop(g, w, { subnets: placedIn(svc, at(svc.inputs, "networkConfiguration.subnets")), subnetsOf: svc }, `the ${who} tasks cannot pull ${image || "their image"} or fetch their secrets`, `${who}: `);
    if (isPrivateEcrImage(image)) {
        const denied = ECR_PULL_ACTIONS.filter((a) => !policies.some((p) => statementsAllow(p, a)));
        w.hop(role, `${who}: execution role may pull ${image} from ECR`, denied.length === 0 ? true : `no policy of ${role.name} allows ${denied.join(", ")}: the image cannot be pulled`);
    }
}

/**
 * The role may publish into the namespace the scaling alarms read: cloudwatch:PutMetricData with
 * the request's `cloudwatch:namespace` (CloudWatch User Guide, "Using condition keys to limit
 * access to CloudWatch namespaces"), no Deny overriding it, every condition met (contracts.accessVerdict).
 */
function publishHop(g: FlowGraph, w: Walk, role: FlowResource): void {
    const policies = g.referrers(role, T.rolePolicy, "role", ["name"]).map((p) => p.inputs.policy);
    // A policy unknown in a first preview (the task role's database secret policy names the secret
    // RDS creates with the cluster) leaves the hop undetermined only when the known ones do not allow it.
    const known = policies.filter((p) => !FlowGraph.isUnknown(p));
    const verdict = accessVerdict(known, { action: "cloudwatch:PutMetricData", context: { "cloudwatch:namespace": APP_METRICS_NAMESPACE } }, role.name);
    w.hop(role, `may cloudwatch:PutMetricData into ${APP_METRICS_NAMESPACE}`, verdict !== true && known.length < policies.length ? undetermined("policy") : verdict);
}

/**
 * The role's trust policy lets `service` take it: sts:AssumeRole for that service principal, no
 * Deny overriding it (EC2 instance profiles: ec2.amazonaws.com, IAM User Guide "Use an IAM role to
 * grant permissions to applications running on Amazon EC2 instances"; ECS tasks: ecs-tasks.amazonaws.com).
 */
function trustHop(w: Walk, role: FlowResource, service: string, sourceArn?: string): void {
    const policy = role.inputs.assumeRolePolicy;
    // The service assumes the role on behalf of this account and, where given, this source (the
    // confused-deputy condition keys aws:SourceAccount and aws:SourceArn: IAM User Guide, "The confused deputy problem").
    const account = accountOf(role.outputs?.arn);
    const context: Record<string, string> = { ...(account !== undefined ? { "aws:SourceAccount": account } : {}), ...(sourceArn !== undefined && account !== undefined ? { "aws:SourceArn": sourceArn.replace("<account>", account) } : {}) };
    const verdict = FlowGraph.isUnknown(policy) ? undetermined("assumeRolePolicy") : accessVerdict([policy], { action: "sts:AssumeRole", service, context }, `the trust policy of ${role.name}`);
    // In a first preview the role's ARN (its account) is unknown: a trust conditioned on the account waits for it.
    w.hop(role, `trusted by ${service}`, account === undefined && typeof verdict === "object" ? undetermined("assumeRolePolicy") : verdict);
}

/** The ARN of a task of an ECS cluster, as ECS names the source when tasks take their roles (`arn:aws:ecs:<region>:<account>:task/<cluster>/<task id>`). */
function ecsTaskArn(region: string, cluster: string): string {
    return `arn:aws:ecs:${region}:<account>:task/${cluster}/0`;
}

/** The account id of an ARN (`arn:<partition>:<service>:<region>:<account>:...`), when known. */
function accountOf(arn: unknown): string | undefined {
    const account = typeof arn === "string" && !FlowGraph.isUnknown(arn) ? arn.split(":")[4] : undefined;
    return account === undefined || account === "" ? undefined : account;
}

/**
 * The TCP port a data store listens on, read from its resource: an Aurora cluster's or RDS
 * instance's `port` (Defaults to 3306 for MySQL engines: RDS API CreateDBCluster/CreateDBInstance
 * `Port`), a replication group's `port` (Defaults to 6379: ElastiCache API CreateReplicationGroup
 * `Port`), and for MSK the port of the client authentication it takes (MSK Developer Guide, "Port
 * information": 9092 plaintext, 9094 TLS, 9096 SASL/SCRAM, 9098 IAM; `encryptionInTransit.clientBroker`
 * defaults to TLS).
 */
export function listenPort(store: FlowResource): number {
    if (store.type === T.msk) return mskClientPort(store);
    if (store.type === T.cache) return num(store.inputs.port) ?? DATA_PORTS.redis;
    return num(store.inputs.port) ?? DATA_PORTS.mysql;
}

/** The endpoints (hosts, or MSK's `host:port` broker lists) a data store answers on: its outputs. */
function storeEndpoints(store: FlowResource): string[] {
    const fields = ["endpoint", "address", "primaryEndpointAddress", "configurationEndpointAddress", "bootstrapBrokers", "bootstrapBrokersTls", "bootstrapBrokersSaslIam", "bootstrapBrokersSaslScram"];
    return fields.map((f) => str(store.outputs?.[f])).filter((x): x is string => x !== undefined && x !== "");
}

/**
 * The endpoint settings the app reads (env name -> value), from where its tier takes them: the
 * ECS container's `environment`, the Kubernetes ConfigMap `data-endpoints` of the region. None for
 * the VM tier (the app image reads them itself: docs/METRICS.md).
 */
function appEndpointSettings(g: FlowGraph, w: Walk, region: string, targets: Targets): { readonly holder: FlowResource; readonly property: string; readonly settings: Map<string, unknown> } | undefined {
    if (targets.answerer.type === T.ecsService) {
        const { task, container } = ecsContainer(g, w, targets.answerer);
        return container === undefined ? undefined : { holder: task, property: "containerDefinitions", settings: new Map(list(container.environment).filter(isRecord).map((e) => [String(e.name), e.value])) };
    }
    const config = g.ofType(T.configMap, region).find((c) => at(c.inputs, "metadata.name") === "data-endpoints");
    const data = config?.inputs.data;
    return config !== undefined && isRecord(data) ? { holder: config, property: "data", settings: new Map(Object.entries(data)) } : undefined;
}

/**
 * The data store in the region: in a security group that admits the targets on the port the store
 * listens on (listenPort), and, where the app's endpoint settings are in the plan, named there by
 * one of its endpoints on that port (`env`).
 */
function dataHop(g: FlowGraph, w: Walk, region: string, targets: Targets, store: FlowResource | undefined, sgProperty: string, what: string, env: string): FlowResource {
    const s = store ?? w.absent(targets.answerer, what, `no ${what} in ${region}`);
    const port = listenPort(s);
    const sg = securityGroupsOf(g, s, sgProperty)[0] ?? w.absent(s, `${what} security group`, `${s.name} has no security group the stack declares`);
    w.hop(sg, `admits ${targets.securityGroup.name} on ${port}`, sgAdmits(g, [targets.securityGroup], sg, port));
    w.hop(s, `${what} in ${sg.name}`, true);
    const app = appEndpointSettings(g, w, region, targets);
    const setting = app?.settings.get(env);
    // A tier that takes its settings from the stack and is given no setting for the store cannot find it.
    if (app !== undefined && setting === undefined) w.hop(app.holder, `the app's ${env} names ${s.name} on ${port}`, `${app.holder.name} gives the app no ${env}: it cannot find ${s.name}`);
    if (app !== undefined && setting !== undefined) {
        const endpoints = storeEndpoints(s);
        // In a first preview the endpoint is unknown; when the setting is computed from the store (a dependency on it), it is the store's own endpoint.
        const fromStore = (app.holder.propertyDependencies?.[app.property] ?? []).includes(s.urn);
        w.hop(s, `the app's ${env} names ${s.name} on ${port}`, endpointSettingVerdict(env, setting, endpoints, port, fromStore));
    }
    return s;
}

/**
 * The port the app reaches an MSK cluster's brokers on from inside the VPC, as the cluster is
 * configured (MSK Developer Guide, "Port information": 9092 plaintext, 9094 TLS, 9096 SASL/SCRAM,
 * 9098 IAM access control). With unauthenticated access (or no client authentication) the client
 * port follows `encryptionInfo.encryptionInTransit.clientBroker` ("Valid values: `TLS`,
 * `TLS_PLAINTEXT`, and `PLAINTEXT`. Default value is `TLS`", aws.msk.Cluster): 9092 for PLAINTEXT,
 * else 9094 (the TLS listener, which the app's bootstrapBrokersTls names); a cluster with SASL only
 * is reached on 9098 (IAM) or 9096 (SCRAM).
 */
export function mskClientPort(msk: FlowResource): number {
    const auth = at(msk.inputs, "clientAuthentication");
    const sasl = at(auth, "sasl");
    const open = auth === undefined || at(auth, "unauthenticated") === true || (at(sasl, "iam") !== true && at(sasl, "scram") !== true);
    if (!open) return at(sasl, "iam") === true ? 9098 : 9096;
    return at(msk.inputs, "encryptionInfo.encryptionInTransit.clientBroker") === "PLAINTEXT" ? 9092 : 9094;
}

/**
 * The IAM role the order service's clients act with, where the tier gives them one the plan
 * names: the ECS task role (task definition `taskRoleArn`), or the VM tier's instance profile role
 * (launch template `iamInstanceProfile`). undefined when the plan does not tell (the EKS pods' role
 * comes from their service account).
 */
function clientRole(g: FlowGraph, targets: Targets): FlowResource | undefined {
    const svc = targets.answerer;
    if (svc.type === T.ecsService) {
        const task = found(g.ref(svc, "taskDefinition", svc.inputs.taskDefinition, T.taskDefinition));
        return task === undefined ? undefined : found(g.ref(task, "taskRoleArn", task.inputs.taskRoleArn, T.role, ["name"]));
    }
    if (svc.type === T.group) {
        const lt = found(g.ref(svc, "launchTemplate", at(svc.inputs, "launchTemplate.id"), T.launchTemplate));
        const profileRef = lt === undefined ? undefined : (at(lt.inputs, "iamInstanceProfile.arn") ?? at(lt.inputs, "iamInstanceProfile.name"));
        const profile = lt === undefined || profileRef === undefined ? undefined : found(g.ref(lt, "iamInstanceProfile", profileRef, T.instanceProfile, ["name"]));
        return profile === undefined ? undefined : found(g.ref(profile, "role", profile.inputs.role, T.role, ["name"]));
    }
    return undefined;
}

/**
 * The order service's clients can authenticate to the MSK cluster by a method it enables
 * (aws.msk.Cluster `clientAuthentication`: `unauthenticated`, `tls.certificateAuthorityArns`,
 * `sasl.iam`, `sasl.scram`; no block: unauthenticated access). Unauthenticated: any client of the
 * security group. SASL/IAM: the clients' role allows kafka-cluster:Connect on the cluster and
 * kafka-cluster:WriteData and kafka-cluster:DescribeTopic on the orders topic (MSK Developer Guide,
 * "IAM access control": the actions a producer needs; topic ARN
 * arn:aws:kafka:<region>:<account>:topic/<cluster name>/<cluster uuid>/<topic>). Mutual TLS only:
 * each client presents a certificate issued by one of the cluster's private CAs, and the stack gives
 * the app none (no certificate, keystore or ACM Private CA in the plan): every connection is
 * refused. SCRAM only: the credentials come from a Secrets Manager secret associated with the
 * cluster (aws.msk.ScramSecretAssociation), which the app's settings would have to name.
 */
function mskClientAuthVerdict(g: FlowGraph, msk: FlowResource, targets: Targets): Verdict {
    const auth = msk.inputs.clientAuthentication;
    if (!isRecord(auth) || auth.unauthenticated === true) return true;
    const sasl = isRecord(auth.sasl) ? auth.sasl : {};
    if (sasl.iam === true) {
        const role = clientRole(g, targets);
        if (role === undefined) return undetermined("the clients' IAM role (clientAuthentication.sasl.iam)");
        const clusterArn = str(msk.outputs?.arn) ?? UNKNOWN;
        const parts = /^arn:aws[\w-]*:kafka:([^:]+):(\d+):cluster\/([^/]+)\/([^/]+)$/.exec(clusterArn);
        const topicArn = parts === null ? undefined : `arn:aws:kafka:${parts[1]}:${parts[2]}:topic/${parts[3]}/${parts[4]}/${ORDERS_TOPIC}`;
        const policies = rolePolicyDocuments(g, role);
        const connect = allowsOn(policies, "kafka-cluster:Connect", clusterArn, `${role.name} may not kafka-cluster:Connect to ${msk.name} (SASL/IAM): the order service cannot connect`);
        if (connect !== true) return connect;
        if (topicArn === undefined) return undetermined("arn (the topic ARN follows the cluster's)");
        for (const action of ["kafka-cluster:WriteData", "kafka-cluster:DescribeTopic"]) {
            const v = allowsOn(policies, action, topicArn, `${role.name} may not ${action} on topic ${ORDERS_TOPIC} of ${msk.name}: orders are not published`);
            if (v !== true) return v;
        }
        return true;
    }
    if (sasl.scram === true) {
        const associated = g.ofType("aws:msk/scramSecretAssociation:ScramSecretAssociation").some((a) => found(g.ref(a, "clusterArn", a.inputs.clusterArn, T.msk))?.urn === msk.urn);
        return associated ? undetermined("the app's SCRAM credentials (not in the plan)") : `${msk.name} takes only SASL/SCRAM clients and no secret is associated with it (aws.msk.ScramSecretAssociation): no client can log in`;
    }
    if (isRecord(auth.tls)) return `${msk.name} takes only mutual-TLS clients (clientAuthentication.tls) and the order service has no client certificate from its CAs: every connection is refused`;
    return `${msk.name} enables no client authentication the order service can use`;
}

/** The route table a subnet is associated with, and its 0.0.0.0/0 route. */
function defaultRoute(g: FlowGraph, subnet: FlowResource): FlowResource | undefined {
    const assoc = g.referrers(subnet, T.routeTableAssociation, "subnetId")[0];
    const table = assoc === undefined ? undefined : found(g.ref(assoc, "routeTableId", assoc.inputs.routeTableId, T.routeTable));
    return table === undefined ? undefined : g.referrers(table, T.route, "routeTableId").find((r) => r.inputs.destinationCidrBlock === "0.0.0.0/0");
}

/**
 * Each subnet of the targets routes 0.0.0.0/0 to a public NAT gateway (connectivityType `public`,
 * the default; a private NAT gateway cannot reach the internet: VPC User Guide, "NAT gateways",
 * Connectivity type) that sits in a public subnet, one whose default route goes to an internet
 * gateway (VPC User Guide: "create a public NAT gateway in a public subnet"). A subnet the plan
 * does not declare cannot be judged (undetermined), never taken as routed.
 */
function egressHop(g: FlowGraph, w: Walk, targets: Pick<Targets, "subnets" | "subnetsOf">, why = "payment APIs are unreachable", label = ""): void {
    for (const { id: subnetId, of } of targets.subnets) {
        const subnet = found(g.ref(of, "subnetIds", subnetId, T.subnet));
        if (subnet === undefined) {
            // a secret, or an id of no subnet of the stack: its route is nowhere in the input
            const secret = subnetId === SECRET_TEXT;
            const what = secret ? "a subnet given as a secret" : FlowGraph.isUnknown(subnetId) ? `subnet ${String(subnetId)}` : `subnet ${String(subnetId)} (not declared by the stack)`;
            w.hop(of, `${secret ? "a secret subnet" : `subnet ${String(subnetId)}`} routes 0.0.0.0/0 to a NAT gateway`, undetermined(what, !FlowGraph.isUnknown(subnetId)));
            continue;
        }
        const route = defaultRoute(g, subnet);
        const nat = route === undefined ? undefined : found(g.ref(route, "natGatewayId", route.inputs.natGatewayId, T.nat));
        if (nat === undefined) w.hop(subnet, `${label}routes 0.0.0.0/0 to a NAT gateway`, `${subnet.name} has no default route to a NAT gateway: ${why}`);
        const gateway = nat ?? subnet;
        const connectivity = str(gateway.inputs.connectivityType) ?? "public";
        const natSubnet = found(g.ref(gateway, "subnetId", gateway.inputs.subnetId, T.subnet));
        const natRoute = natSubnet === undefined ? undefined : defaultRoute(g, natSubnet);
        const igw = natRoute === undefined ? undefined : found(g.ref(natRoute, "gatewayId", natRoute.inputs.gatewayId, T.igw));
        w.hop(
            gateway,
            `${label}${subnet.name}: a public NAT gateway in a subnet routed to the internet gateway`,
            connectivity !== "public"
                ? `${gateway.name} is a ${connectivity} NAT gateway: it cannot reach the internet`
                : natSubnet === undefined
                  ? FlowGraph.isUnknown(gateway.inputs.subnetId) ? undetermined("subnetId") : `${gateway.name} sits in a subnet the plan does not declare`
                  : igw === undefined
                    ? `${gateway.name} sits in ${natSubnet.name}, which has no default route to an internet gateway: its traffic goes nowhere`
                    : true,
        );
    }
    w.hop(targets.subnetsOf, `${label}every subnet of the targets routes 0.0.0.0/0 to a NAT gateway`, true);
}

function requestFlow(g: FlowGraph, region: string, key: RequestFlowKey): FlowResult {
    const def = flowDefinition(key);
    return walk(key, def.name, region, (w) => {
        const targets = requestPath(g, w, region, key, FLOW_ROUTE[key]);
        // A region that is no CloudFront origin (cdn.originFailover false): its CDN viewers are served by the origin's region, walked there.
        if (targets === null) return;
        if (key === "order") {
            const cluster = g.ofType(T.auroraCluster, region)[0];
            const store = cluster ?? g.ofType(T.rdsInstance, region).find((i) => i.inputs.replicateSourceDb === undefined);
            const db = dataHop(g, w, region, targets, store, "vpcSecurityGroupIds", "database writer", "DATABASE_HOST");
            const orderPods = g.ofType(T.deployment, region).find((d) => at(d.inputs, "metadata.name") === ROUTE_SERVICE.order);
            if (orderPods !== undefined) databaseCredential(g, w, region, orderPods);
            if (db.type === T.auroraCluster && db.inputs.globalClusterIdentifier !== undefined && db.inputs.masterUsername === undefined) {
                w.hop(db, "writes reach the primary region (write forwarding)", db.inputs.enableGlobalWriteForwarding === true ? true : "a secondary cluster without write forwarding: orders fail here");
            }
            if (targets.answerer.type === T.ecsService) ecsDatabaseCredential(g, w, region, targets.answerer, db);
            podsReachStore(g, w, region, ROUTE_SERVICE.order);
            const msk = g.ofType(T.msk, region)[0];
            if (msk !== undefined) {
                // Authentication first: the client port and the brokers' endpoint follow from it (mskClientPort).
                w.hop(msk, "the order service authenticates as the cluster requires (clientAuthentication)", mskClientAuthVerdict(g, msk, targets));
                dataHop(g, w, region, targets, msk, "brokerNodeGroupInfo.securityGroups", "Kafka", "KAFKA_BROKERS");
            }
            egressHop(g, w, targets);
        }
        if (key === "hot-products") {
            const cache = dataHop(g, w, region, targets, g.ofType(T.cache, region)[0], "securityGroupIds", "cache", "REDIS_HOST");
            // A cache with an AUTH token (aws.elasticache.ReplicationGroup `authToken`) takes only clients that send it: the pods need it from a Secret.
            podsReachStore(g, w, region, ROUTE_SERVICE[FLOW_ROUTE[key]], cache.inputs.authToken === undefined ? undefined : { key: "REDIS_PASSWORD", what: "the cache password" });
            if (targets.answerer.type === T.ecsService) ecsSecret(g, w, targets.answerer, "REDIS_PASSWORD", null);
        }
    });
}

/** The service principal of Amazon IVS (its service-linked role AWSServiceRoleForIVSRecordToS3 writes the recordings). */
const IVS_SERVICE = "ivs.amazonaws.com";

function streamFlow(g: FlowGraph, region: string): FlowResult {
    const def = flowDefinition("stream");
    return walk("stream", def.name, region, (w) => {
        const channel = g.ofType(T.channel, region)[0] ?? w.absent(g.ofType(T.lb, region)[0], "IVS channel", `no live channel in ${region}`);
        const type = str(channel.inputs.type) ?? "STANDARD";
        w.hop(channel, "ingest RTMPS/SRT, transcodes 720p/480p, plays over the IVS network", type === "STANDARD" ? true : `channel type ${type} passes the source through only`);
        const recording = w.follow(channel, "records", g.ref(channel, "recordingConfigurationArn", channel.inputs.recordingConfigurationArn, T.recording), "the channel records nowhere");
        const bucket = w.follow(recording, "to the region's media bucket", g.ref(recording, "destinationConfiguration", at(recording.inputs, "destinationConfiguration.s3.bucketName"), T.bucket, ["bucket"]), "the recording bucket is not declared");
        // IVS writes the recordings with its service-linked role (IVS User Guide, "Auto-Record to Amazon S3"), allowed by that
        // role's own policy in the account; a bucket policy Deny of s3:PutObject that applies to it overrides that Allow
        // (IAM User Guide, "Policy evaluation logic"). IVS calls S3 over TLS (aws:SecureTransport true).
        const name = str(bucket.inputs.bucket) ?? str(bucket.outputs?.bucket) ?? "";
        for (const policy of g.referrers(bucket, T.bucketPolicy, "bucket", ["bucket"])) {
            const decision = accessDecision([policy.inputs.policy], { action: "s3:PutObject", service: IVS_SERVICE, resource: `arn:aws:s3:::${name}/ivs/recording`, context: { "aws:SecureTransport": "true" } });
            w.hop(policy, "bucket policy lets IVS put the recordings", decision.kind === "deny" ? `the bucket policy of ${bucket.name} denies s3:PutObject (${decision.statement}): IVS records nothing` : decision.kind === "undetermined" ? undetermined(`Condition ${decision.keys.join(", ")}`) : true);
        }
        const sse = g.referrers(bucket, T.sse, "bucket", ["bucket"]);
        w.hop(bucket, "encrypted at rest", sse.length > 0 ? true : `${bucket.name} has no server-side encryption configuration`);
    });
}

/**
 * The serverless tier's scaling signal: each ECS service has a scalable target
 * (`service/<cluster>/<service>`, ecs:service:DesiredCount), a scale-out policy on it, and an alarm
 * that triggers the policy reading the service's AWS/ECS CPUUtilization, which ECS publishes for
 * every service by ClusterName and ServiceName (ECS Developer Guide, "Amazon ECS CloudWatch metrics").
 */
function ecsScaling(g: FlowGraph, w: Walk, region: string): void {
    for (const svc of g.ofType(T.ecsService, region)) {
        const cluster = w.follow(svc, "ECS cluster", g.ref(svc, "cluster", svc.inputs.cluster, T.ecsCluster, ["name"]), "the service's cluster is not declared");
        const clusterName = str(cluster.inputs.name) ?? "";
        const serviceName = str(svc.inputs.name) ?? "";
        const resourceId = `service/${clusterName}/${serviceName}`;
        // The app publishes its connection count with the task role (the scale-out alarm reads it with the CPU).
        // New tasks must start for a scale-out to add capacity.
        ecsTasksStart(g, w, region, svc);
        const { task } = ecsContainer(g, w, svc);
        const role = w.follow(task, `task role of ${serviceName}`, g.ref(task, "taskRoleArn", task.inputs.taskRoleArn, T.role, ["name"]), "the task definition has no task role the stack declares: the app cannot publish its connection metric");
        trustHop(w, role, ECS_TASKS_SERVICE, ecsTaskArn(region, clusterName));
        publishHop(g, w, role);
        const target = g.ofType(T.scalableTarget, region).find((t) => t.inputs.resourceId === resourceId && t.inputs.scalableDimension === "ecs:service:DesiredCount");
        w.hop(target ?? svc, `scalable target ${resourceId}`, target !== undefined ? true : `no Application Auto Scaling target ${resourceId} (ecs:service:DesiredCount)`);
        const policy = g.ofType(T.scalingPolicy, region).find((p) => p.inputs.resourceId === resourceId && p.name.endsWith("scale-out"));
        const alarm = policy === undefined ? undefined : g.referrers(policy, T.alarm, "alarmActions")[0];
        if (alarm === undefined) w.hop(target ?? svc, "scale-out alarm acts on the service", `no alarm triggers a scale-out policy of ${resourceId}`);
        const a = alarm ?? svc;
        const reads = list(a.inputs.metricQueries).filter(isRecord).some((q) => at(q, "metric.namespace") === "AWS/ECS" && at(q, "metric.metricName") === "CPUUtilization" && at(q, "metric.dimensions.ClusterName") === clusterName && at(q, "metric.dimensions.ServiceName") === serviceName);
        w.hop(a, `reads AWS/ECS CPUUtilization of ${resourceId} and triggers the scale-out policy`, reads ? true : `the alarm reads no AWS/ECS CPUUtilization of ${resourceId}`);
    }
}

/** The EKS metrics-server: the `metrics-server` add-on on the cluster (EKS does not deploy it by default). */
function eksMetricsServer(g: FlowGraph, region: string) {
    const eks = g.ofType(T.eks, region)[0];
    const addon = g.ofType(T.eksAddon, region).find((a) => a.inputs.addonName === EKS_METRICS_SERVER_ADDON && found(g.ref(a, "clusterName", a.inputs.clusterName, T.eks, ["name"]))?.urn === eks.urn);
    return {
        resource: addon ?? eks,
        check: "metrics-server serves pod CPU (EKS add-on metrics-server)",
        verdict: addon !== undefined ? (true as const) : `${eks.name} has no metrics-server add-on: EKS does not deploy metrics-server, so no HPA gets pod CPU`,
    };
}

/**
 * The role trusts exactly one service account of `eks` (IRSA): an Allow of sts:AssumeRoleWithWebIdentity
 * for the cluster's IAM OIDC provider (the provider whose url is the cluster's issuer) whose
 * StringEquals `<issuer>:sub` is `system:serviceaccount:<namespace>:<name>` and nothing else (EKS User
 * Guide, "Assign IAM roles to Kubernetes service accounts").
 */
function irsaTrust(g: FlowGraph, w: Walk, role: FlowResource, eks: FlowResource, account: ServiceAccountRef): void {
    const subject = serviceAccountSubject(account);
    const issuer = str(at(eks.outputs, "identities.0.oidcs.0.issuer"));
    const provider = issuer === undefined ? undefined : g.ofType(T.oidcProvider).find((p) => p.inputs.url === issuer);
    const check = `trusts exactly ${subject} of ${eks.name}'s OIDC provider`;
    // The trust names the cluster's OIDC issuer, unknown until the cluster exists (a first preview).
    if (FlowGraph.isUnknown(role.inputs.assumeRolePolicy) || issuer === undefined) return w.hop(role, check, undetermined("assumeRolePolicy"));
    if (provider === undefined) return w.hop(role, check, `${eks.name} has no IAM OIDC provider for its issuer ${issuer}: no service account can take a role`);
    const providerArn = str(provider.outputs?.arn) ?? "";
    const federated = policyStatements(role.inputs.assumeRolePolicy).some((st) => st.Effect === "Allow" && strings(st.Action).includes("sts:AssumeRoleWithWebIdentity") && strings(at(st, "Principal.Federated")).includes(providerArn));
    const subjects = allowedConditionValues(role.inputs.assumeRolePolicy, "sts:AssumeRoleWithWebIdentity", `${issuer.replace(/^https:\/\//, "")}:sub`);
    w.hop(
        role,
        check,
        !federated
            ? `${role.name} does not trust ${provider.name} (Principal.Federated) with sts:AssumeRoleWithWebIdentity`
            : subjects === null
              ? `${role.name} has no condition on the token's sub: every service account of the cluster may take it`
              : subjects.length === 1 && subjects[0] === subject
                ? true
                : `${role.name} trusts ${subjects.join(", ") || "no service account"}, the pods run as ${subject}`,
    );
    // The projected token's `aud` is the audience the pod requests (IRSA_TOKEN.audience, sts.amazonaws.com); a trust
    // that requires another `<issuer>:aud` rejects it (IAM User Guide, "Available keys for AWS web identity federation": `aud`).
    const audiences = allowedConditionValues(role.inputs.assumeRolePolicy, "sts:AssumeRoleWithWebIdentity", `${issuer.replace(/^https:\/\//, "")}:aud`);
    w.hop(role, `trusts the token's audience ${IRSA_TOKEN.audience}`, audiences === null || audiences.includes(IRSA_TOKEN.audience) ? true : `${role.name} requires the token's aud to be ${audiences.join(", ") || "nothing"}, the pods' token is for ${IRSA_TOKEN.audience}: STS rejects it`);
}

/** The IAM role an IRSA-annotated or IRSA-mounted workload names, followed to the stack's role. */
function roleByArn(g: FlowGraph, w: Walk, from: FlowResource, property: string, arn: unknown, missing: string): FlowResource {
    return w.follow(from, "IAM role (IRSA)", arn === undefined ? MISSING : g.ref(from, property, arn, T.role), missing);
}

/** The `aws:ResourceTag/<key>` values the Allow statements of `action` require (StringEquals), by key; null when some statement is unconditioned. */
function resourceTagConditions(policy: unknown, action: string): Record<string, string[]> | null {
    const out: Record<string, string[]> = {};
    for (const st of policyStatements(policy)) {
        if (st.Effect !== "Allow" || !statementsAllow({ Statement: [st] }, action)) continue;
        const eq = at(st, "Condition.StringEquals");
        const tagKeys = isRecord(eq) ? Object.keys(eq).filter((k) => k.startsWith("aws:ResourceTag/")) : [];
        if (tagKeys.length === 0) return null;
        for (const k of tagKeys) out[k.slice("aws:ResourceTag/".length)] = [...(out[k.slice("aws:ResourceTag/".length)] ?? []), ...strings(isRecord(eq) ? eq[k] : undefined)];
    }
    return out;
}

/**
 * Pending pods reach the EKS cluster autoscaler (the `cluster-autoscaler` release), which discovers
 * this cluster's node groups by their Auto Scaling group tags, acts with its own IAM role (IRSA,
 * trusted for exactly its service account), and may resize exactly those groups: the role's
 * SetDesiredCapacity/TerminateInstanceInAutoScalingGroup condition tags are on every group, and each
 * group can grow (kubernetes/autoscaler cloudprovider/aws README: "Auto-Discovery Setup", "IAM Policy").
 */
function eksNodeAutoscaling(g: FlowGraph, region: string): NodeAutoscaling {
    return (w) => {
        const eks = g.ofType(T.eks, region)[0];
        const clusterName = str(eks.inputs.name) ?? eks.name;
        const release = releasesOf(g, region, "cluster-autoscaler")[0];
        if (release === undefined) w.hop(eks, "Pending pods: a cluster autoscaler", `no cluster-autoscaler release in ${region}: Pending pods add no nodes`);
        const ca = release ?? eks;
        // A first preview may not know the values yet (an input that waits on a new resource).
        if (FlowGraph.isUnknown(ca.inputs.values)) w.hop(ca, `Pending pods: the autoscaler discovers ${clusterName}'s node groups in ${region}`, null);
        const discovered = at(ca.inputs, "values.autoDiscovery.clusterName");
        const awsRegion = at(ca.inputs, "values.awsRegion");
        w.hop(
            ca,
            `Pending pods: the autoscaler discovers ${clusterName}'s node groups in ${region}`,
            at(ca.inputs, "values.cloudProvider") === "aws" && discovered === clusterName && awsRegion === region ? true : `the autoscaler discovers cluster ${String(discovered)} in ${String(awsRegion)}; the node groups are ${clusterName}'s in ${region}`,
        );
        const annotations = at(ca.inputs, "values.rbac.serviceAccount.annotations");
        const account = { namespace: str(ca.inputs.namespace) ?? "default", name: str(at(ca.inputs, "values.rbac.serviceAccount.name")) ?? "" };
        const role = roleByArn(g, w, ca, "values", isRecord(annotations) ? annotations[IRSA_ROLE_ANNOTATION] : undefined, `the autoscaler's service account names no IAM role of the stack (${IRSA_ROLE_ANNOTATION}): it cannot resize node groups`);
        irsaTrust(g, w, role, eks, account);
        const policies = g.referrers(role, T.rolePolicy, "role", ["name"]).map((p) => p.inputs.policy);
        const needed = [...AUTOSCALER_SCALING_ACTIONS, "autoscaling:DescribeAutoScalingGroups", "autoscaling:DescribeTags"];
        const denied = needed.filter((a) => !policies.some((p) => statementsAllow(p, a)));
        w.hop(role, `may ${needed.join(", ")}`, denied.length === 0 ? true : `no policy of ${role.name} allows ${denied.join(", ")}`);
        const conditions = AUTOSCALER_SCALING_ACTIONS.map((a) => policies.map((p) => resourceTagConditions(p, a)).find((c) => c !== undefined && (c === null || Object.keys(c).length > 0)) ?? null);
        const keys = Object.keys(autoscalerDiscoveryTags(clusterName));
        for (const ng of g.ofType(T.nodeGroup, region)) {
            const min = num(at(ng.inputs, "scalingConfig.minSize")) ?? 0;
            const max = num(at(ng.inputs, "scalingConfig.maxSize")) ?? 0;
            w.hop(ng, `can grow (minSize ${min} < maxSize ${max})`, max > min ? true : `${ng.name} has maxSize ${max}: the autoscaler cannot add a node`);
            const asg = at(ng.outputs, "resources.0.autoscalingGroups.0.name");
            const tags = g.ofType(T.asgTag, region).filter((t) => (typeof asg === "string" && t.inputs.autoscalingGroupName === asg) || (FlowGraph.isUnknown(t.inputs.autoscalingGroupName) && (t.propertyDependencies?.autoscalingGroupName ?? []).includes(ng.urn)));
            const tagged = new Map(tags.map((t) => [String(at(t.inputs, "tag.key")), String(at(t.inputs, "tag.value"))]));
            const missing = keys.filter((k) => !tagged.has(k));
            w.hop(ng, `Auto Scaling group tagged for discovery (${keys.join(", ")})`, asg === undefined && tags.length === 0 ? null : missing.length === 0 ? true : `${ng.name}'s Auto Scaling group lacks the discovery tag ${missing.join(", ")}: the autoscaler never finds it`);
            const unmet = conditions.flatMap((c) => (c === null ? [] : Object.entries(c).filter(([k, values]) => !values.includes(tagged.get(k) ?? "")).map(([k, values]) => `${k}=${values.join("|")}`)));
            w.hop(ng, `the autoscaler's role may resize it`, unmet.length === 0 ? true : `${role.name} may resize only groups tagged ${unmet.join(", ")}, which ${ng.name}'s group is not`);
        }
    };
}

/**
 * The database credential of a Deployment: either the secret ARN it reads with its IRSA role (the
 * RDS-managed master secret: the role trusts its service account and may GetSecretValue on that
 * ARN), or a Kubernetes Secret it loads that holds DATABASE_PASSWORD.
 */
function databaseCredential(g: FlowGraph, w: Walk, region: string, deployment: FlowResource): void {
    const container = list(at(deployment.inputs, "spec.template.spec.containers")).filter(isRecord)[0] ?? {};
    const env = new Map(list(container.env).filter(isRecord).map((e) => [String(e.name), e.value]));
    const secretArn = env.get(DATABASE_SECRET_ENV);
    if (secretArn !== undefined) {
        const role = roleByArn(g, w, deployment, "spec", env.get(IRSA_TOKEN.roleEnv), `${deployment.name} reads ${DATABASE_SECRET_ENV} but takes no IAM role (${IRSA_TOKEN.roleEnv})`);
        w.hop(deployment, `mounts the web identity token at ${IRSA_TOKEN.tokenFileEnv}`, projectsTokenFile(deployment, IRSA_TOKEN.tokenFileEnv, IRSA_TOKEN.audience));
        const eks = g.ofType(T.eks, region)[0];
        irsaTrust(g, w, role, eks, { namespace: str(at(deployment.inputs, "metadata.namespace")) ?? "default", name: str(at(deployment.inputs, "spec.template.spec.serviceAccountName")) ?? "default" });
        const policies = g.referrers(role, T.rolePolicy, "role", ["name"]).map((p) => p.inputs.policy);
        const check = "may secretsmanager:GetSecretValue on the database secret";
        const secret = str(secretArn);
        // The secret's ARN or a policy document can be unknown in a first preview (the secret and the
        // policies are created with the stack): the hop is undetermined then, unless a known policy allows it.
        // The RDS-managed secret's ARN exists once the cluster does: in a first preview the pods' env names an unknown.
        if (secret === undefined || FlowGraph.isUnknown(secretArn)) return w.hop(deployment, check, undetermined(`env.${DATABASE_SECRET_ENV}`));
        const known = policies.filter((p) => !FlowGraph.isUnknown(p));
        const verdict = accessVerdict(known, { action: "secretsmanager:GetSecretValue", resource: secret }, role.name);
        w.hop(role, check, verdict !== true && known.length < policies.length ? undetermined("policy") : verdict);
        return;
    }
    podSecretHolds(g, w, region, deployment, DATABASE_PASSWORD_ENV, "the database password");
}

/**
 * A scale-out alarm acts: its actions are enabled (`actionsEnabled`, default true) and it fires
 * when the value rises above the threshold (GreaterThanThreshold or GreaterThanOrEqualToThreshold:
 * CloudWatch API PutMetricAlarm ComparisonOperator).
 */
function alarmActs(alarm: FlowResource): true | string {
    if (alarm.inputs.actionsEnabled === false) return `${alarm.name} has its actions disabled (actionsEnabled false): it never scales out`;
    const op = str(alarm.inputs.comparisonOperator) ?? "";
    return op === "GreaterThanThreshold" || op === "GreaterThanOrEqualToThreshold" ? true : `${alarm.name} compares ${op}: a scale-out alarm fires when the load rises above the threshold`;
}

function scalingFlow(g: FlowGraph, region: string): FlowResult {
    const def = flowDefinition("scaling");
    return walk("scaling", def.name, region, (w) => {
        // The compute tier, read from the resources present: serverless (ECS services), kubernetes (EKS), else the VM app group.
        if (g.ofType(T.ecsService, region).length > 0) return ecsScaling(g, w, region);
        if (g.ofType(T.eks, region).length > 0) return hpaScaling(g, w, region, eksMetricsServer(g, region), POD_CONNECTIONS_SERIES, eksNodeAutoscaling(g, region));
        const asg = g.ofType(T.group, region)[0] ?? w.absent(g.ofType(T.lb, region)[0], "app scaling group", `no scaling group in ${region}`);
        const lt = w.follow(asg, "launch template", g.ref(asg, "launchTemplate", at(asg.inputs, "launchTemplate.id"), T.launchTemplate), "the group's launch template is not declared");
        const profileRef = at(lt.inputs, "iamInstanceProfile.arn") ?? at(lt.inputs, "iamInstanceProfile.name");
        const profile = w.follow(lt, "instance profile", profileRef === undefined ? MISSING : g.ref(lt, "iamInstanceProfile", profileRef, T.instanceProfile, ["name"]), "no instance profile: instances have no identity to publish the connection metric");
        const role = w.follow(profile, "role", g.ref(profile, "role", profile.inputs.role, T.role, ["name"]), "the profile's role is not declared");
        trustHop(w, role, EC2_SERVICE);
        publishHop(g, w, role);
        const userData = decodeUserData(lt.inputs.userData) ?? "";
        const publishes = [APP_METRICS_NAMESPACE, APP_CONNECTIONS_METRIC, "AutoScalingGroupName"].every((x) => userData.includes(x));
        // The publisher reads its group name from the instance metadata tags: the metadata endpoint
        // must be on (httpEndpoint defaults to enabled) and expose tags (EC2 User Guide, "Instance metadata options").
        const tagsInMetadata = at(lt.inputs, "metadataOptions.instanceMetadataTags") === "enabled" && at(lt.inputs, "metadataOptions.httpEndpoint") !== "disabled";
        w.hop(
            lt,
            `agent publishes ${APP_METRICS_NAMESPACE} ${APP_CONNECTIONS_METRIC} per AutoScalingGroupName`,
            FlowGraph.isUnknown(lt.inputs.userData)
                ? undetermined("userData")
                : !publishes
                ? `no user data publishes ${APP_CONNECTIONS_METRIC} with the AutoScalingGroupName dimension: the metric is never sent`
                : tagsInMetadata
                  ? true
                  : "instance metadata or its tags are disabled (metadataOptions.httpEndpoint, instanceMetadataTags): the publisher cannot read its group name",
        );
        const policy = g.referrers(asg, T.policy, "autoscalingGroupName", ["name"]).find((p) => p.name.endsWith("scale-out"));
        const alarm = policy === undefined ? undefined : g.referrers(policy, T.alarm, "alarmActions")[0];
        if (alarm === undefined) w.hop(asg, "scale-out alarm acts on the group", "no alarm triggers a scaling policy of the group");
        const a = alarm ?? asg;
        const groupName = str(asg.outputs?.name) ?? str(asg.inputs.name);
        const query = list(a.inputs.metricQueries).filter(isRecord).find((q) => at(q, "metric.metricName") === APP_CONNECTIONS_METRIC && at(q, "metric.namespace") === APP_METRICS_NAMESPACE);
        const dimension = at(query, "metric.dimensions.AutoScalingGroupName");
        // metricQueries name the group: unknown as a whole in a first preview of a new group
        w.hop(
            a,
            `reads ${APP_METRICS_NAMESPACE} ${APP_CONNECTIONS_METRIC} of ${asg.name} and triggers the scale-out policy`,
            FlowGraph.isUnknown(a.inputs.metricQueries) || FlowGraph.isUnknown(dimension)
                ? undetermined("metricQueries")
                : query === undefined
                  ? `the alarm does not read ${APP_CONNECTIONS_METRIC}`
                  : groupName === undefined || FlowGraph.isUnknown(groupName)
                    ? undetermined("name")
                    : dimension !== groupName
                      ? `the alarm reads ${APP_CONNECTIONS_METRIC} of AutoScalingGroupName=${String(dimension)}, the publisher sends it as ${groupName}: the alarm never sees it`
                      : alarmActs(a),
        );
    });
}

/** An alarm reaches a person: its action is an SNS topic, encrypted with a key CloudWatch may use, with a subscriber. */
/**
 * The dimensions CloudWatch publishes each AWS namespace's metrics under, and the values of the
 * stack's resources they take: AWS/ApplicationELB LoadBalancer and TargetGroup (the ARN suffixes;
 * ELB User Guide, "CloudWatch metrics for your Application Load Balancer": Metric dimensions, also
 * AvailabilityZone), AWS/RDS DBClusterIdentifier and DBInstanceIdentifier (Aurora User Guide,
 * "Amazon CloudWatch metrics for Amazon Aurora"; RDS User Guide, dimensions), AWS/ElastiCache
 * CacheClusterId (the member cluster `<replicationGroupId>-<node group>-<node>`) and CacheNodeId
 * (ElastiCache User Guide, "Host-level metrics"/"Metrics for Valkey and Redis OSS": dimensions), AWS/Kafka
 * "Cluster Name" (MSK Developer Guide, "Metrics"), AWS/EC2 and AWS/AutoScaling
 * AutoScalingGroupName, AWS/ECS ClusterName and ServiceName. A metric under another dimension name
 * does not exist: the alarm stays INSUFFICIENT_DATA and never fires.
 */
const NAMESPACE_DIMENSIONS: Readonly<Record<string, readonly string[]>> = {
    "AWS/ApplicationELB": ["LoadBalancer", "TargetGroup", "AvailabilityZone"],
    "AWS/RDS": ["DBClusterIdentifier", "DBInstanceIdentifier", "Role", "EngineName", "DatabaseClass"],
    "AWS/ElastiCache": ["CacheClusterId", "CacheNodeId"],
    "AWS/Kafka": ["Cluster Name", "Broker ID", "Topic"],
    "AWS/EC2": ["AutoScalingGroupName", "InstanceId"],
    "AWS/AutoScaling": ["AutoScalingGroupName"],
    "AWS/ECS": ["ClusterName", "ServiceName"],
};
/** Dimensions whose value is not a resource of the stack (a zone, a role, an engine). */
const DESCRIPTIVE_DIMENSIONS = ["AvailabilityZone", "Role", "EngineName", "DatabaseClass", "Broker ID", "Topic", "CacheNodeId"];

const STACK_VALUES = new WeakMap<FlowGraph, ReadonlySet<string>>();

/** The values by which a metric dimension names a resource of the stack (ARN suffixes, identifiers, names), once per graph. */
function stackDimensionValues(g: FlowGraph): ReadonlySet<string> {
    const hit = STACK_VALUES.get(g);
    if (hit !== undefined) return hit;
    const values = new Set<string>();
    const add = (v: unknown) => {
        if (typeof v === "string" && v !== "" && !FlowGraph.isUnknown(v)) values.add(v);
    };
    for (const r of [...g.ofType(T.lb), ...g.ofType(T.targetGroup)]) add(r.outputs?.arnSuffix);
    for (const r of [...g.ofType(T.auroraCluster), ...g.ofType("aws:rds/clusterInstance:ClusterInstance"), ...g.ofType(T.rdsInstance)]) [r.inputs.clusterIdentifier, r.inputs.identifier, r.id].forEach(add);
    for (const r of g.ofType(T.msk)) [r.inputs.clusterName, r.outputs?.clusterName].forEach(add);
    for (const r of g.ofType(T.group)) [r.inputs.name, r.outputs?.name, r.id].forEach(add);
    for (const r of [...g.ofType(T.ecsCluster), ...g.ofType(T.ecsService)]) [r.inputs.name, r.outputs?.name].forEach(add);
    STACK_VALUES.set(g, values);
    return values;
}

/**
 * Whether a CloudWatch alarm watches a resource of the stack under the dimensions its namespace
 * publishes (NAMESPACE_DIMENSIONS): every dimension of each metric it reads (`dimensions`, or each
 * `metricQueries[].metric`) is a documented one, and each naming a resource names one of the stack
 * (an ElastiCache member cluster of a replication group of the stack). A custom namespace (the
 * app's own metrics) is judged by its values only. Undetermined while a value is unknown.
 */
function alarmWatchesStack(g: FlowGraph, alarm: FlowResource): Verdict {
    const metrics = [
        ...(alarm.inputs.namespace !== undefined ? [{ namespace: str(alarm.inputs.namespace) ?? "", dimensions: alarm.inputs.dimensions }] : []),
        ...list(alarm.inputs.metricQueries).filter(isRecord).map((q) => q.metric).filter(isRecord).map((m) => ({ namespace: str(m.namespace) ?? "", dimensions: m.dimensions })),
    ];
    const values = stackDimensionValues(g);
    const groups = g.ofType(T.cache).map((r) => str(r.inputs.replicationGroupId)).filter((x): x is string => x !== undefined);
    for (const m of metrics) {
        const dims = isRecord(m.dimensions) ? Object.entries(m.dimensions) : [];
        const known = NAMESPACE_DIMENSIONS[m.namespace];
        for (const [name, value] of dims) {
            if (known !== undefined && !known.includes(name)) return `${alarm.name} reads ${m.namespace} under dimension ${name}, which ${m.namespace} does not publish (${known.join(", ")}): the metric never exists and the alarm never fires`;
            if (DESCRIPTIVE_DIMENSIONS.includes(name)) continue;
            if (FlowGraph.isUnknown(value)) return undetermined(`dimensions.${name}`);
            const v = String(value);
            const ours = values.has(v) || (name === "CacheClusterId" && groups.some((id) => v.startsWith(`${id}-`)));
            if (!ours) return `${alarm.name} watches ${name} ${v}, which is no resource of the stack: its alarm never fires for this platform`;
        }
    }
    return true;
}

function reachesPerson(g: FlowGraph, w: Walk, alarm: FlowResource, label: string): void {
    // aws.cloudwatch.MetricAlarm `actionsEnabled`: "Indicates whether or not actions should be executed during any changes to the alarm's state. Defaults to `true`."
    if (alarm.type === T.alarm) w.hop(alarm, `${label}alarm actions enabled`, alarm.inputs.actionsEnabled === false ? `${alarm.name} has actionsEnabled false: it changes state and notifies no one` : true);
    const topic = w.follow(alarm, `${label}notifies an SNS topic`, g.ref(alarm, "alarmActions", alarm.inputs.alarmActions, T.topic), "the alarm notifies no topic the stack declares");
    const keyId = topic.inputs.kmsMasterKeyId;
    const key = keyId === undefined ? undefined : found(g.ref(topic, "kmsMasterKeyId", keyId, T.key, ["keyId"]));
    if (keyId !== undefined) {
        // CloudWatch publishes to an encrypted topic with kms:GenerateDataKey* and kms:Decrypt (SNS
        // Developer Guide, "Configure KMS permissions for AWS services"); the request carries the
        // alarm's account and ARN as aws:SourceAccount / aws:SourceArn.
        const arn = alarm.outputs?.arn;
        const account = accountOf(arn) ?? accountOf(topic.outputs?.arn);
        const context: Record<string, string> = { ...(account !== undefined ? { "aws:SourceAccount": account } : {}), ...(typeof arn === "string" && !FlowGraph.isUnknown(arn) ? { "aws:SourceArn": arn } : {}) };
        const check = `${label}encrypted with a key CloudWatch may use`;
        if (key === undefined) w.hop(topic, check, `key ${String(keyId)} does not let cloudwatch.amazonaws.com use it (an AWS managed key's policy cannot): CloudWatch cannot publish`);
        else {
            // aws.kms.Key `isEnabled`: "Specifies whether the key is enabled. Defaults to `true`"; a disabled key encrypts nothing (KMS Developer Guide, "Enable and disable keys").
            w.hop(key, `${label}key enabled`, key.inputs.isEnabled === false ? `${key.name} is disabled (isEnabled false): SNS cannot encrypt the alarm messages and CloudWatch cannot publish` : true);
            const verdicts = ["kms:GenerateDataKey", "kms:Decrypt"].map((action) => accessVerdict([key.inputs.policy], { action, service: CLOUDWATCH_SERVICE, context }, `the key policy of ${key.name}`));
            w.hop(key, check, verdicts.find((v) => v !== true) ?? true);
        }
    }
    // A topic policy that denies CloudWatch sns:Publish stops every notification (an explicit Deny overrides any Allow: IAM User Guide, "Policy evaluation logic").
    for (const policy of g.referrers(topic, T.topicPolicy, "arn")) {
        const decision = accessDecision([policy.inputs.policy], { action: "sns:Publish", service: CLOUDWATCH_SERVICE, resource: str(topic.outputs?.arn) });
        w.hop(policy, `${label}topic policy lets CloudWatch publish`, decision.kind === "deny" ? `the topic policy of ${topic.name} denies sns:Publish to ${CLOUDWATCH_SERVICE} (${decision.statement}): no alarm reaches the topic` : true);
    }
    const level = String(at(topic.inputs, "tags.level") ?? "critical");
    const subs = g.referrers(topic, T.subscription, "topic");
    if (subs.length === 0) {
        // The monitoring component names a level's subscriptions `<name>-<level>-<i>` (components/aws/monitoring.ts): one of them on another topic is a moved link, not an unset setting.
        const moved = g.ofType(T.subscription).filter((x) => x.name.includes(`-${level}-`) && found(g.ref(x, "topic", x.inputs.topic, T.topic))?.urn !== topic.urn);
        const elsewhere = moved.map((x) => `${x.name} subscribes to ${found(g.ref(x, "topic", x.inputs.topic, T.topic))?.name ?? "a topic the stack does not declare"}`);
        return w.hop(topic, `${label}has a subscriber`, moved.length > 0 ? `${topic.name} has no subscription: ${elsewhere.join("; ")}` : { reason: `${topic.name} has no subscription: set monitoring.contacts.${level}`, setting: "monitoring" });
    }
    w.hop(topic, `${label}has a subscriber`, true);
    for (const sub of subs) w.hop(sub, `${label}subscription reaches a person`, subscriptionReachesPerson(sub.inputs.protocol, sub.inputs.endpoint));
}

/** Whether an alarm's metric queries read a metric of the ECS service (ClusterName and ServiceName dimensions). */
function watchesService(alarm: FlowResource, cluster: string, service: string): boolean {
    return list(alarm.inputs.metricQueries).filter(isRecord).some((q) => at(q, "metric.dimensions.ClusterName") === cluster && at(q, "metric.dimensions.ServiceName") === service);
}

function alarmFlow(g: FlowGraph, region: string): FlowResult {
    const def = flowDefinition("alarm");
    return walk("alarm", def.name, region, (w) => {
        const critical = g.ofType(T.alarm, region).filter((a) => isRecord(a.inputs.tags) && a.inputs.tags.level === "critical");
        const alarm = critical[0] ?? w.absent(g.ofType(T.lb, region)[0], "critical alarm", `no critical alarm in ${region}`);
        reachesPerson(g, w, alarm, "");
        // Serverless tier: every ECS service has a critical alarm of its own that reaches a person.
        for (const svc of g.ofType(T.ecsService, region)) {
            const cluster = str(found(g.ref(svc, "cluster", svc.inputs.cluster, T.ecsCluster, ["name"]))?.inputs.name) ?? "";
            const service = str(svc.inputs.name) ?? "";
            const own = critical.find((a) => watchesService(a, cluster, service));
            w.hop(own ?? svc, `${service}: critical alarm on the service`, own !== undefined ? true : `no critical alarm reads a metric of ECS service ${cluster}/${service}: its failures reach no one`);
            reachesPerson(g, w, own ?? svc, `${service}: `);
        }
        // Every level's topic that an alarm notifies reaches a person, not only the critical one.
        for (const t of levelTargets(g.ofType(T.alarm, region), (a) => JSON.stringify(a.inputs.alarmActions ?? null), alarm)) reachesPerson(g, w, t.alarm, `${t.level}: `);
        // Every alarm that notifies a person watches a metric of the stack under the dimensions its namespace publishes.
        for (const a of g.ofType(T.alarm, region).filter((x) => isRecord(x.inputs.tags) && typeof x.inputs.tags.level === "string")) w.hop(a, `${a.name} watches a resource of the stack`, alarmWatchesStack(g, a));
    });
}

/**
 * The security group EKS creates for a cluster (output `vpcConfig.clusterSecurityGroupId`), as a
 * resource of the graph: managed nodes sit in it, and rules refer to it by that id. It carries the
 * cluster's URN, so a preview's propertyDependencies on the cluster lead to it.
 */
function clusterSecurityGroups(resources: readonly FlowResource[]): FlowResource[] {
    return resources
        .filter((r) => r.type === T.eks)
        .map((r) => {
            const id = str(at(r.outputs, "vpcConfig.clusterSecurityGroupId"));
            // EKS creates the group with an outbound rule allowing all traffic to 0.0.0.0/0 (EKS User
            // Guide, "View Amazon EKS security group requirements for clusters": default rules).
            const egress = [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }];
            return { urn: r.urn, type: T.sg, name: `${r.name} cluster security group`, parent: r.parent, provider: r.provider, inputs: { tags: r.inputs.tags, egress }, ...(id !== undefined ? { id } : {}) };
        });
}

/** The graph of an AWS stack, with the security groups AWS creates for EKS clusters. */
export function awsGraph(resources: readonly FlowResource[]): FlowGraph {
    return new FlowGraph(resources, clusterSecurityGroups(resources));
}

/** The walkers of an AWS stack's flows (analyze.ts runs them per region). */
export const AWS_WALKERS: CloudWalkers = { loadBalancerType: T.lb, request: requestFlow, stream: streamFlow, scaling: scalingFlow, alarm: alarmFlow };

