import { kubernetes as k8s } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const haK8sDeploymentRequireProbes = resourceRule(
    {
        name: "ha-k8s-deployment-require-probes",
        description: "Every container has a readiness probe (no traffic before it is ready) and a liveness probe (restarted when stuck).",
        category: "availability",
        remediation: "Add `readinessProbe` and `livenessProbe` to each container of the pod template.",
    },
    [
        validateResourceOfType(k8s.apps.v1.Deployment, (d, _args, report) => {
            for (const c of d.spec?.template?.spec?.containers ?? []) {
                if (c.readinessProbe === undefined) report(`Container ${c.name} has no readinessProbe.`);
                if (c.livenessProbe === undefined) report(`Container ${c.name} has no livenessProbe.`);
            }
        }),
    ],
);
