import * as aws from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { BusinessRoute, DEREGISTRATION_DELAY_SECONDS, HEALTH_CHECK, TargetKind, targetHealthCheck, WEBSOCKET_IDLE_TIMEOUT_SECONDS, defaultRoute, elbNamePrefix } from "../model";

export interface LoadBalancerArgs {
    readonly vpcId: pulumi.Input<string>;
    /** One public subnet per zone: the load balancer spans every zone of the region. */
    readonly publicSubnetIds: pulumi.Input<string>[];
    readonly securityGroupId: pulumi.Input<string>;
    readonly appPort: number;
    /** Port of each route's target group when it differs from appPort (the Kubernetes node ports). Defaults to appPort for every route. */
    readonly routePorts?: Readonly<Record<string, number>>;
    /** Public DNS name viewers use; the certificate is issued for it (DNS validation). */
    readonly domain: string;
    /**
     * Further names that reach this load balancer and must be on its certificate (subject
     * alternative names): api.<domain>, which DNS steers here. Every name a client or CloudFront
     * (forwarding Host) connects with is checked against the certificate. Changing the list
     * replaces the certificate (ACM `subject_alternative_names` forces a new certificate).
     */
    readonly alternativeNames: readonly string[];
    readonly logsBucket: pulumi.Input<string>;
    readonly logPrefix: string;
    /** Routes of the compute tier (businessRoutes): one target group and listener rule each. */
    readonly routes: readonly BusinessRoute[];
    /** `instance` (EC2 app group) or `ip` (pods, Fargate tasks: awsvpc network mode registers by address). */
    readonly targetKind: TargetKind;
    readonly tags: Record<string, string>;
}

/** TLS 1.3 and 1.2 only, forward-secret ciphers. */
export const SSL_POLICY = "ELBSecurityPolicy-TLS13-1-2-2021-06";
/** Sticky sessions of the WebSocket route: a reconnecting viewer returns to the same server for a day. */
const WS_STICKINESS_SECONDS = 86400;

/**
 * Internet-facing Application Load Balancer over every zone: HTTPS only (HTTP redirects), an ACM
 * certificate validated by DNS, path routing per ROUTES to one target group each, health checks
 * that take a dead server out within 10 s, access logs to the encrypted logs bucket.
 */
export class LoadBalancer extends pulumi.ComponentResource {
    readonly dnsName: pulumi.Output<string>;
    readonly zoneId: pulumi.Output<string>;
    readonly arnSuffix: pulumi.Output<string>;
    /** ARN per route, in the order of `routes`. */
    readonly targetGroupArns: pulumi.Output<string>[];
    readonly targetGroupArnSuffixes: pulumi.Output<string>[];
    /** ARN of each route's target group by route name. */
    readonly targetGroupArnByRoute: Readonly<Record<string, pulumi.Output<string>>>;
    /** ARN suffix (`targetgroup/<name>/<id>`, the CloudWatch TargetGroup dimension) of each route's target group by route name. */
    readonly targetGroupArnSuffixByRoute: Readonly<Record<string, pulumi.Output<string>>>;
    /**
     * What a consumer that registers targets with each route's target group must wait for, by
     * route name: the HTTPS listener (whose default action forwards to the fallback route's group)
     * and the route's own listener rule (none for a route without path patterns). ECS CreateService
     * with `loadBalancers` fails with InvalidParameterException "The target group with
     * targetGroupArn ... does not have an associated load balancer" while no listener or rule
     * forwards to the group yet (aws/aws-cdk#1160, hashicorp/terraform#32908; the fix there is an
     * explicit dependency on the listener and its rules), and the service takes only the group's
     * ARN, which carries no dependency on the listener.
     */
    readonly routeListeners: Readonly<Record<string, readonly pulumi.Resource[]>>;
    /** DNS records to create at the domain's DNS host so that ACM issues the certificate. */
    readonly certificateValidationRecords: pulumi.Output<{ name: string; type: string; value: string }[]>;

    constructor(name: string, args: LoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:aws:LoadBalancer", name, {}, opts);
        const { tags } = args;
        const certificate = new aws.acm.Certificate(
            `${name}-certificate`,
            { domainName: args.domain, subjectAlternativeNames: [...args.alternativeNames], validationMethod: "DNS", keyAlgorithm: "EC_prime256v1", tags },
            { parent: this },
        );
        // Waits until ACM has issued the certificate (the validation records exist at the DNS host).
        const validated = new aws.acm.CertificateValidation(`${name}-certificate-validation`, { certificateArn: certificate.arn }, { parent: this });

        const lb = new aws.lb.LoadBalancer(
            `${name}-alb`,
            {
                namePrefix: elbNamePrefix("alb"),
                loadBalancerType: "application",
                internal: false,
                subnets: args.publicSubnetIds,
                securityGroups: [args.securityGroupId],
                enableDeletionProtection: true,
                dropInvalidHeaderFields: true,
                desyncMitigationMode: "strictest",
                enableCrossZoneLoadBalancing: true,
                idleTimeout: WEBSOCKET_IDLE_TIMEOUT_SECONDS,
                accessLogs: { bucket: args.logsBucket, prefix: args.logPrefix, enabled: true },
                tags,
            },
            { parent: this },
        );

        const groups = new Map<string, aws.lb.TargetGroup>(args.routes.map((route) => [route.name, this.targetGroup(name, route, args)]));
        const groupOf = (route: BusinessRoute): aws.lb.TargetGroup => {
            const g = groups.get(route.name);
            if (g === undefined) throw new pulumi.ResourceError(`no target group for route ${route.name}`, this);
            return g;
        };
        const fallback = defaultRoute(args.routes);

        const https = new aws.lb.Listener(
            `${name}-https`,
            {
                loadBalancerArn: lb.arn,
                port: 443,
                protocol: "HTTPS",
                sslPolicy: SSL_POLICY,
                certificateArn: validated.certificateArn,
                defaultActions: [{ type: "forward", targetGroupArn: groupOf(fallback).arn }],
                tags,
            },
            { parent: this },
        );
        new aws.lb.Listener(
            `${name}-http`,
            {
                loadBalancerArn: lb.arn,
                port: 80,
                protocol: "HTTP",
                defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
                tags,
            },
            { parent: this },
        );
        const rules = new Map<string, aws.lb.ListenerRule>();
        for (const route of args.routes.filter((r) => r.pathPatterns.length > 0)) {
            const rule = new aws.lb.ListenerRule(
                `${name}-rule-${route.name}`,
                {
                    listenerArn: https.arn,
                    priority: route.priority,
                    conditions: [{ pathPattern: { values: [...route.pathPatterns] } }],
                    actions: [{ type: "forward", targetGroupArn: groupOf(route).arn }],
                    tags,
                },
                { parent: this },
            );
            rules.set(route.name, rule);
        }

        this.dnsName = lb.dnsName;
        this.zoneId = lb.zoneId;
        this.arnSuffix = lb.arnSuffix;
        this.targetGroupArns = args.routes.map((r) => groupOf(r).arn);
        this.targetGroupArnSuffixes = args.routes.map((r) => groupOf(r).arnSuffix);
        this.targetGroupArnByRoute = Object.fromEntries(args.routes.map((r) => [r.name, groupOf(r).arn]));
        this.targetGroupArnSuffixByRoute = Object.fromEntries(args.routes.map((r) => [r.name, groupOf(r).arnSuffix]));
        this.routeListeners = Object.fromEntries(
            args.routes.map((r): [string, pulumi.Resource[]] => {
                const rule = rules.get(r.name);
                return [r.name, rule === undefined ? [https] : [https, rule]];
            }),
        );
        this.certificateValidationRecords = certificate.domainValidationOptions.apply((options) =>
            options.map((o) => ({ name: o.resourceRecordName ?? "", type: o.resourceRecordType ?? "", value: o.resourceRecordValue ?? "" })),
        );
        this.registerOutputs({ dnsName: this.dnsName, zoneId: this.zoneId });
    }

    private targetGroup(name: string, route: BusinessRoute, args: LoadBalancerArgs): aws.lb.TargetGroup {
        return new aws.lb.TargetGroup(
            `${name}-tg-${route.name}`,
            {
                namePrefix: elbNamePrefix(route.name),
                vpcId: args.vpcId,
                targetType: args.targetKind,
                protocol: "HTTP",
                port: args.routePorts?.[route.name] ?? args.appPort,
                deregistrationDelay: DEREGISTRATION_DELAY_SECONDS,
                healthCheck: {
                    enabled: true,
                    protocol: "HTTP",
                    port: "traffic-port",
                    path: targetHealthCheck(args.targetKind).path,
                    interval: HEALTH_CHECK.intervalSeconds,
                    timeout: HEALTH_CHECK.timeoutSeconds,
                    healthyThreshold: HEALTH_CHECK.healthyThreshold,
                    unhealthyThreshold: HEALTH_CHECK.unhealthyThreshold,
                    matcher: "200",
                },
                stickiness: { type: "lb_cookie", enabled: route.longLived, cookieDuration: WS_STICKINESS_SECONDS },
                tags: { ...args.tags, route: route.name },
            },
            { parent: this },
        );
    }
}
