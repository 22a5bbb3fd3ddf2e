import { stackRule } from "../lib/policy";
import { str } from "../lib/values";

/**
 * Listeners whose TLS policy the program cannot set, so sec-listener-require-https cannot judge
 * them: the HTTPS listener an SAE ingress creates on the ALB. `alicloud_sae_ingress` at the pinned
 * provider (terraform-provider-alicloud v1.294, `@pulumi/alicloud` 3.108.0 `sae/ingress.d.ts`) takes
 * cert ids, rules, ports, protocol and the load balancer, and no security (TLS) policy: the listener
 * gets the ALB's default policy. Advisory at every stage: it names the gap instead of passing it.
 */
export const secListenerTlsPolicyUnsettable = stackRule(
    {
        name: "sec-listener-tls-policy-unsettable",
        description: "Names HTTPS listeners created by another service (the SAE ingress) whose TLS policy the provider schema cannot set, so no modern TLS policy is guaranteed.",
        category: "security",
        remediation: "Set the listener's TLS policy outside the program (ALB console or API, tls_cipher_policy_1_2_strict) until the provider's alicloud_sae_ingress takes one, or route to SAE through a listener the program declares.",
        stageDefaults: { startup: "advisory", growth: "advisory", mature: "advisory" },
    },
    (args, report) => {
        const ingresses = args.resources.filter((r) => r.type === "alicloud:sae/ingress:Ingress" && str(r.props.listenerProtocol) === "HTTPS");
        if (ingresses.length === 0) args.notApplicable("no HTTPS listener created by an SAE ingress");
        for (const i of ingresses) {
            report(
                "the SAE ingress creates the ALB's HTTPS listener with the ALB's default TLS policy: alicloud_sae_ingress (provider v1.294) has no security policy argument, so tls_cipher_policy_1_2_strict cannot be set (docs/CONFORMANCE.md)",
                i.urn,
            );
        }
    },
);
