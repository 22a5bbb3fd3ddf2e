import { kubernetes as k8s } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { intConfig, resourceRule } from "../lib/policy";

interface Config {
    readonly minReplicas: number;
}

export const haK8sDeploymentRequireReplicas = resourceRule(
    {
        name: "ha-k8s-deployment-require-replicas",
        description: "Deployments and their autoscalers keep >= 2 replicas so a node or zone can fail.",
        category: "availability",
        remediation: "Set `spec.replicas` >= 2 on the Deployment and `spec.minReplicas` >= 2 on its HorizontalPodAutoscaler.",
        config: { minReplicas: intConfig(2, "Minimum replicas.", 1) },
    },
    [
        validateResourceOfType(k8s.apps.v1.Deployment, (d, args, report) => {
            const replicas = d.spec?.replicas ?? 1;
            const min = args.getConfig<Config>().minReplicas;
            if (replicas < min) report(`Deployment runs ${replicas} replica(s); at least ${min} are required.`);
        }),
        validateResourceOfType(k8s.autoscaling.v2.HorizontalPodAutoscaler, (h, args, report) => {
            const replicas = h.spec?.minReplicas ?? 1;
            const min = args.getConfig<Config>().minReplicas;
            if (replicas < min) report(`HorizontalPodAutoscaler minReplicas is ${replicas}; at least ${min} are required.`);
        }),
    ],
);
