import { kubernetes as k8s } from "../lib/resource-classes";
import { validateResourceOfType } from "@pulumi/policy";

import { resourceRule } from "../lib/policy";

export const ZONE_TOPOLOGY_KEY = "topology.kubernetes.io/zone";

export const haK8sDeploymentRequireZoneSpread = resourceRule(
    {
        name: "ha-k8s-deployment-require-zone-spread",
        description: "Pods of a Deployment are spread across zones (topology spread constraint or pod anti-affinity on the zone key).",
        category: "availability",
        remediation: `Add \`topologySpreadConstraints: [{maxSkew: 1, topologyKey: "${ZONE_TOPOLOGY_KEY}", whenUnsatisfiable: "ScheduleAnyway", labelSelector}]\` to the pod template.`,
    },
    [
        validateResourceOfType(k8s.apps.v1.Deployment, (d, _args, report) => {
            const pod = d.spec?.template?.spec;
            const spread = (pod?.topologySpreadConstraints ?? []).some((c) => c.topologyKey === ZONE_TOPOLOGY_KEY);
            const anti = pod?.affinity?.podAntiAffinity;
            const antiKeys = [...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => t.topologyKey), ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((t) => t.podAffinityTerm?.topologyKey)];
            if (!spread && !antiKeys.includes(ZONE_TOPOLOGY_KEY)) report(`Deployment pods are not spread over ${ZONE_TOPOLOGY_KEY}.`);
        }),
    ],
);
