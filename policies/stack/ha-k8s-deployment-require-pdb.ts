import { stackRule } from "../lib/policy";
import { plainProps } from "../lib/refs";
import { Props, record, str } from "../lib/values";

/** Namespace of a Kubernetes object ("default" when unset). */
function namespaceOf(props: Props): string {
    return str(record(props.metadata).namespace) ?? "default";
}

/** True when every matchLabels entry of `selector` is among `labels` (and the selector is not empty). */
export function selects(selector: unknown, labels: Props): boolean {
    const match = Object.entries(record(record(selector).matchLabels));
    return match.length > 0 && match.every(([k, v]) => labels[k] === v);
}

export interface Workload {
    readonly urn: string;
    readonly props: Props;
    /** The cluster it is applied to: the URN of its Kubernetes provider (undefined: the default provider). */
    readonly cluster?: string;
}

/** Deployments (with >= 2 replicas) that no PodDisruptionBudget of their namespace in the same cluster selects. */
export function uncovered(deployments: readonly Workload[], pdbs: readonly Workload[]): Workload[] {
    return deployments.filter((d) => {
        const spec = record(d.props.spec);
        const replicas = typeof spec.replicas === "number" ? spec.replicas : 1;
        if (replicas < 2) return false; // ha-k8s-deployment-require-replicas reports these
        const labels = record(record(record(spec.template).metadata).labels);
        return !pdbs.some((p) => p.cluster === d.cluster && namespaceOf(p.props) === namespaceOf(d.props) && selects(record(p.props.spec).selector, labels));
    });
}

export const haK8sDeploymentRequirePdb = stackRule(
    {
        name: "ha-k8s-deployment-require-pdb",
        description: "Every replicated Deployment is covered by a PodDisruptionBudget, so node drains and upgrades keep it serving.",
        category: "availability",
        remediation: "Add a policy/v1 PodDisruptionBudget in the same namespace whose `spec.selector.matchLabels` select the pod template labels, with `maxUnavailable: 1` (or `minAvailable`).",
    },
    (args, report) => {
        // A PDB only protects pods of its own cluster: workloads are matched per Kubernetes provider.
        const workloads = (type: string): Workload[] => args.resources.filter((r) => r.type === type).map((r) => ({ urn: r.urn, props: plainProps(r.props), cluster: r.provider?.urn }));
        const deployments = workloads("kubernetes:apps/v1:Deployment");
        if (deployments.length === 0) args.notApplicable("no Deployment");
        const pdbs = workloads("kubernetes:policy/v1:PodDisruptionBudget");
        uncovered(deployments, pdbs).forEach((d) => report("Deployment is not selected by any PodDisruptionBudget of its namespace.", d.urn));
    },
);
