import { kubernetes as k8s } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const haK8sDeploymentRequireResources = resourceRule(
    {
        name: "ha-k8s-deployment-require-resources",
        description: "Every container requests CPU and memory and has a memory limit, so the scheduler and autoscalers size nodes and no pod starves its neighbours.",
        category: "availability",
        remediation: "Set `resources.requests.cpu`, `resources.requests.memory` and `resources.limits.memory` on each container.",
    },
    [
        validateResourceOfType(k8s.apps.v1.Deployment, (d, _args, report) => {
            // init containers too: the scheduler sizes a pod by the larger of its init and app containers' requests
            for (const c of [...(d.spec?.template?.spec?.initContainers ?? []), ...(d.spec?.template?.spec?.containers ?? [])]) {
                const requests = c.resources?.requests ?? {};
                const limits = c.resources?.limits ?? {};
                const missing = [requests.cpu === undefined ? "requests.cpu" : "", requests.memory === undefined ? "requests.memory" : "", limits.memory === undefined ? "limits.memory" : ""].filter((m) => m !== "");
                if (missing.length > 0) report(`Container ${c.name} lacks ${missing.join(", ")}.`);
            }
        }),
    ],
);
