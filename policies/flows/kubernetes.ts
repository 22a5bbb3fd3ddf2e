// The Kubernetes tier's scaling signal, shared by EKS and ACK: each HorizontalPodAutoscaler scales a
// Deployment on pod CPU, which the Kubernetes Metrics Server serves through the resource metrics API.

import { isRecord, list, str } from "../lib/values";
import { FlowGraph, FlowResource, at } from "./graph";
import { Verdict, Walk } from "./walk";

const HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
const DEPLOYMENT = "kubernetes:apps/v1:Deployment";

/** Where the cluster's resource metrics come from: the resource that provides metrics-server and its verdict. */
export interface MetricsServer {
    readonly resource: FlowResource;
    readonly check: string;
    readonly verdict: Verdict;
}

/** Whether an HPA metric is the pod CPU utilization of the resource metrics API (autoscaling/v2 `type: Resource`, `resource.name: cpu`). */
function readsPodCpu(metric: unknown): boolean {
    return isRecord(metric) && metric.type === "Resource" && at(metric, "resource.name") === "cpu" && at(metric, "resource.target.type") === "Utilization";
}

/**
 * The HPA path of the scaling signal in `region`: metrics-server serves pod CPU, then for each HPA:
 * it scales a declared Deployment, reads pod CPU utilization, and every container of the Deployment
 * requests CPU (Kubernetes, "Horizontal Pod Autoscaling": "if some of the Pod's containers do not have
 * the relevant resource request set, CPU utilization for the Pod will not be defined and the
 * autoscaler will not take any action for that metric"). The per-pod connection metric (a `Pods`
 * metric) needs a custom-metrics adapter, which the stacks do not deploy: it is not walked here
 * (docs/METRICS.md).
 */
export function hpaScaling(g: FlowGraph, w: Walk, region: string, metricsServer: MetricsServer): void {
    const hpas = g.ofType(HPA, region);
    if (hpas.length === 0) w.absent("HorizontalPodAutoscaler", `no HorizontalPodAutoscaler in ${region}`);
    w.hop(metricsServer.resource, metricsServer.check, metricsServer.verdict);
    for (const hpa of hpas) {
        const ref = at(hpa.inputs, "spec.scaleTargetRef");
        const name = str(at(ref, "name"));
        const namespace = at(hpa.inputs, "metadata.namespace");
        const deployment = g.ofType(DEPLOYMENT, region).find((d) => at(d.inputs, "metadata.name") === name && at(d.inputs, "metadata.namespace") === namespace);
        w.hop(hpa, `scales Deployment ${name ?? "(none)"}`, at(ref, "kind") === "Deployment" && deployment !== undefined ? true : `${hpa.name} targets no Deployment the stack declares`);
        w.hop(hpa, "reads pod CPU utilization (resource metrics)", list(at(hpa.inputs, "spec.metrics")).some(readsPodCpu) ? true : `${hpa.name} reads no pod CPU utilization: no metric the cluster serves drives it`);
        const d = deployment ?? hpa;
        const containers = list(at(d.inputs, "spec.template.spec.containers")).filter(isRecord);
        const unrequested = containers.filter((c) => at(c, "resources.requests.cpu") === undefined).map((c) => String(c.name));
        w.hop(d, "containers request CPU", containers.length > 0 && unrequested.length === 0 ? true : `containers ${unrequested.join(", ") || "(none)"} request no CPU: CPU utilization is undefined and the HPA takes no action`);
    }
}
