// Provider conformance of the Kubernetes provider's Helm releases (both clouds): what Helm accepts.

import { ConformanceRule, allOf, lengthBetween, matches, present } from "./checkers";

const HELM = "helm/helm pkg/chartutil/validate_name.go";

export const KUBERNETES_RULES: readonly ConformanceRule[] = [
    // Helm release names: at most 53 characters (maxReleaseNameLen: the name goes into labels and
    // object names with suffixes), and a DNS-1123 subdomain (ValidateReleaseName: validName regexp).
    {
        type: "kubernetes:helm.sh/v3:Release",
        property: "name",
        required: true,
        test: allOf(lengthBetween(1, 53), matches(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/, "lowercase letters, digits, - and . (a DNS-1123 subdomain)")),
        source: `${HELM} (ValidateReleaseName: maxReleaseNameLen 53, validName)`,
    },
    // A release without a version installs whatever the repository holds at `pulumi up` time.
    { type: "kubernetes:helm.sh/v3:Release", property: "version", required: true, test: present("a chart version (helm.v3.Release `version`: \"if not set, the latest version is used\")"), source: "@pulumi/kubernetes 4.34.2 helm/v3/release.d.ts (version)" },
];
