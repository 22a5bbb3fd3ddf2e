import * as k8s from "./sdk";
import * as pulumi from "@pulumi/pulumi";

import { HelmChart, METRICS_NAMESPACE, NAMESPACE, PART_OF_LABEL, PROMETHEUS_ADAPTER_CHART, PROMETHEUS_CHART, PROMETHEUS_RELEASE, adapterValues, prometheusValues } from "../model";

/** Seconds a Helm release may take to become ready (its Deployments rolled out) before `pulumi up` fails it. */
export const RELEASE_TIMEOUT_SECONDS = 600;

/** The Release arguments of a pinned chart (helm.v3.Release `chart`, `version`, `repositoryOpts.repo`). */
export function chartArgs(c: HelmChart): Pick<k8s.helm.v3.ReleaseArgs, "chart" | "version" | "repositoryOpts"> {
    return { chart: c.chart, version: c.version, repositoryOpts: { repo: c.repo } };
}

/**
 * The pods' connection count as a custom metric, the same on EKS and ACK: a namespace of its own
 * (Pod Security Standard `baseline`), Prometheus scraping the live-commerce pods' `http` ports
 * (prometheusValues), and prometheus-adapter serving the count as the custom metric
 * POD_CONNECTIONS_METRIC of custom.metrics.k8s.io (adapterValues), which the connection-holding
 * services' HorizontalPodAutoscalers read. Deploys to the cluster of its parent's `kubernetes` provider.
 */
export class ConnectionMetrics extends pulumi.ComponentResource {
    constructor(name: string, opts?: pulumi.ComponentResourceOptions) {
        super("live-commerce:kubernetes:ConnectionMetrics", name, {}, opts);
        const ns = new k8s.core.v1.Namespace(
            `${name}-namespace`,
            { metadata: { name: METRICS_NAMESPACE, labels: { [PART_OF_LABEL]: NAMESPACE, "pod-security.kubernetes.io/enforce": "baseline" } } },
            { parent: this },
        );
        const prometheus = new k8s.helm.v3.Release(
            `${name}-prometheus`,
            { name: PROMETHEUS_RELEASE, ...chartArgs(PROMETHEUS_CHART), namespace: ns.metadata.name, values: prometheusValues(), timeout: RELEASE_TIMEOUT_SECONDS },
            { parent: this },
        );
        new k8s.helm.v3.Release(
            `${name}-adapter`,
            { name: PROMETHEUS_ADAPTER_CHART.chart, ...chartArgs(PROMETHEUS_ADAPTER_CHART), namespace: ns.metadata.name, values: adapterValues(), timeout: RELEASE_TIMEOUT_SECONDS },
            { parent: this, dependsOn: [prometheus] },
        );
        this.registerOutputs({});
    }
}
