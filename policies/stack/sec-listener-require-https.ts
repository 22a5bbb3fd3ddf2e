import type { PolicyResource } from "@pulumi/policy";

import { parentOf } from "../lib/nodes";
import { stackRule, stringListConfig } from "../lib/policy";
import { Props, list, record, str } from "../lib/values";

interface Config {
    readonly allowedAwsSslPolicies: readonly string[];
    readonly allowedAlicloudSecurityPolicies: readonly string[];
}

export const MODERN_AWS_SSL_POLICIES: readonly string[] = [
    "ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04", "ELBSecurityPolicy-FS-1-2-Res-2020-10",
];
export const MODERN_ALICLOUD_POLICIES: readonly string[] = ["tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3"];

/** AWS: an HTTP listener whose default actions all redirect to HTTPS. */
export function awsRedirectsToHttps(props: Props): boolean {
    const actions = list(props.defaultActions).map(record);
    return actions.length > 0 && actions.every((a) => a.type === "redirect" && str(record(a.redirect).protocol) === "HTTPS");
}

/** Alibaba Cloud: an alb.Rule of the same component that redirects to HTTPS (ALB listeners only forward by default). */
export function alicloudRedirectRule(listener: PolicyResource, all: readonly PolicyResource[]): boolean {
    return all.some(
        (r) => r.type === "alicloud:alb/rule:Rule" && parentOf(r) === parentOf(listener) && list(r.props.ruleActions).map(record).some((a) => a.type === "Redirect" && str(record(a.redirectConfig).protocol) === "HTTPS"),
    );
}

export function listenerFindings(r: PolicyResource, all: readonly PolicyResource[], c: Config): string[] {
    const p: Props = r.props;
    if (r.type === "aws:lb/listener:Listener") {
        if (p.protocol === "HTTP") return awsRedirectsToHttps(p) ? [] : ["HTTP listener does not only redirect to HTTPS."];
        if (p.protocol === "HTTPS" && !c.allowedAwsSslPolicies.includes(str(p.sslPolicy) ?? "")) return [`HTTPS listener sslPolicy ${str(p.sslPolicy) ?? "(default, allows TLS 1.0)"} is not a modern TLS 1.2+ policy.`];
        return [];
    }
    if (r.type === "alicloud:alb/listener:Listener") {
        if (p.listenerProtocol === "HTTP") return alicloudRedirectRule(r, all) ? [] : ["HTTP listener has no alb.Rule redirecting to HTTPS."];
        if (p.listenerProtocol === "HTTPS" && !c.allowedAlicloudSecurityPolicies.includes(str(p.securityPolicyId) ?? "")) return [`HTTPS listener securityPolicyId ${str(p.securityPolicyId) ?? "(default)"} is not a modern TLS 1.2+ policy.`];
    }
    return [];
}

export const secListenerRequireHttps = stackRule(
    {
        name: "sec-listener-require-https",
        description: "Viewers reach load balancers over HTTPS with a modern TLS policy; HTTP listeners only redirect to HTTPS.",
        category: "security",
        remediation: "AWS: HTTPS listeners with `sslPolicy` ELBSecurityPolicy-TLS13-1-2-2021-06; HTTP listeners with a single `redirect` action to HTTPS. Alibaba Cloud: HTTPS listeners with `securityPolicyId` tls_cipher_policy_1_2_strict(_with_1_3); HTTP listeners with an alb.Rule whose Redirect action targets HTTPS.",
        config: {
            allowedAwsSslPolicies: stringListConfig(MODERN_AWS_SSL_POLICIES, "Accepted AWS ELB security policies."),
            allowedAlicloudSecurityPolicies: stringListConfig(MODERN_ALICLOUD_POLICIES, "Accepted Alibaba Cloud ALB security policies."),
        },
    },
    (args, report) => {
        const listeners = args.resources.filter((r) => r.type === "aws:lb/listener:Listener" || r.type === "alicloud:alb/listener:Listener");
        if (listeners.length === 0) args.notApplicable("no listener");
        const c = args.getConfig<Config>();
        for (const l of listeners) listenerFindings(l, args.resources, c).forEach((m) => report(m, l.urn));
    },
);
