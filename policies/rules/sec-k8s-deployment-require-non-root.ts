import { kubernetes as k8s } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const secK8sDeploymentRequireNonRoot = resourceRule(
    {
        name: "sec-k8s-deployment-require-non-root",
        description: "Containers run as a non-root user.",
        category: "security",
        remediation: "Set `securityContext.runAsNonRoot: true` on the pod (or on every container) and no `runAsUser: 0`.",
    },
    [
        validateResourceOfType(k8s.apps.v1.Deployment, (d, _args, report) => {
            const pod = d.spec?.template?.spec;
            const podNonRoot = pod?.securityContext?.runAsNonRoot === true && pod.securityContext.runAsUser !== 0;
            // init containers run in the same pod, before the app: they must not run as root either
            for (const c of [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])]) {
                const sc = c.securityContext;
                const nonRoot = (sc?.runAsNonRoot ?? podNonRoot) === true && sc?.runAsUser !== 0;
                if (!nonRoot) report(`Container ${c.name} may run as root (runAsNonRoot not true, or runAsUser 0).`);
            }
        }),
    ],
);
