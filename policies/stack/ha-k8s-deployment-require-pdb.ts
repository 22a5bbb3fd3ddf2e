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

/**
 * Pods of `replicas` an IntOrString budget value stands for: an integer as it is, "N%" of the
 * replicas rounded up (Kubernetes docs, "Specifying a Disruption Budget for your Application",
 * Rounding logic when specifying percentages: the disruption controller rounds both minAvailable
 * and maxUnavailable percentages up). Undefined when unset or not readable (unknown until created).
 */
export function budgetPods(value: unknown, replicas: number): number | undefined {
    if (typeof value === "number" && Number.isInteger(value) && value >= 0) return value;
    const pct = typeof value === "string" ? /^(\d+)%$/.exec(value.trim()) : null;
    return pct === null ? undefined : Math.ceil((Number(pct[1]) * replicas) / 100);
}

/**
 * Whether a PodDisruptionBudget spec keeps at least one of `replicas` pods during a voluntary
 * disruption: `maxUnavailable` below the replicas, or `minAvailable` of at least one. A budget
 * of `maxUnavailable: "100%"` or `minAvailable: 0` / `"0%"` lets a drain evict every pod at once.
 * A value that cannot be read (unknown until created) is taken as keeping pods.
 */
export function keepsPods(pdbSpec: Props, replicas: number): boolean {
    if (pdbSpec.maxUnavailable !== undefined && pdbSpec.maxUnavailable !== null) {
        const n = budgetPods(pdbSpec.maxUnavailable, replicas);
        return n === undefined || n < replicas;
    }
    if (pdbSpec.minAvailable !== undefined && pdbSpec.minAvailable !== null) {
        const n = budgetPods(pdbSpec.minAvailable, replicas);
        return n === undefined || n >= 1;
    }
    return true;
}

/** Deployments (with >= 2 replicas) that no PodDisruptionBudget of their namespace in the same cluster selects while keeping one of their pods. */
export function uncovered(deployments: readonly Workload[], pdbs: readonly Workload[]): Workload[] {
    return deployments.filter((d) => {
        const spec = record(d.props.spec);
        const replicas = typeof spec.replicas === "number" ? spec.replicas : 1;
        if (replicas < 2) return false; // ha-k8s-deployment-require-replicas reports these
        const labels = record(record(record(spec.template).metadata).labels);
        return !pdbs.some((p) => p.cluster === d.cluster && namespaceOf(p.props) === namespaceOf(d.props) && selects(record(p.props.spec).selector, labels) && keepsPods(record(p.props.spec), replicas));
    });
}

export const haK8sDeploymentRequirePdb = stackRule(
    {
        name: "ha-k8s-deployment-require-pdb",
        description: "Every replicated Deployment is covered by a PodDisruptionBudget that keeps at least one of its pods, so node drains and upgrades keep it serving.",
        category: "availability",
        remediation: "Add a policy/v1 PodDisruptionBudget in the same namespace whose `spec.selector.matchLabels` select the pod template labels, with `maxUnavailable: 1` (or `minAvailable`).",
    },
    (args, report) => {
        // A PDB only protects pods of its own cluster: workloads are matched per Kubernetes provider.
        const workloads = (type: string): Workload[] => args.resources.filter((r) => r.type === type).map((r) => ({ urn: r.urn, props: plainProps(r.props), cluster: r.provider?.urn }));
        const deployments = workloads("kubernetes:apps/v1:Deployment");
        if (deployments.length === 0) args.notApplicable("no Deployment");
        const pdbs = workloads("kubernetes:policy/v1:PodDisruptionBudget");
        uncovered(deployments, pdbs).forEach((d) => report("Deployment is not selected by any PodDisruptionBudget of its namespace that keeps one of its pods (maxUnavailable below its replicas, or minAvailable >= 1).", d.urn));
    },
);
