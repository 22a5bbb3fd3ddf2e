// The `@pulumi/kubernetes` classes and functions the components use, each imported from its own
// module of the SDK and grouped under the SDK's own namespaces, so a component reads as it would
// with the package index (`import * as k8s from "./sdk"`, then `k8s.apps.v1.Deployment`) and gets
// the same classes (same module, same `__pulumiType`) and types. Requiring the package index
// instead loads every API group of the SDK and its Helm and YAML support (see
// policies/lib/resource-classes.ts): a few hundred milliseconds of CPU at every start of a plan or
// `pulumi up`. A component that needs another class or function adds it here.

import * as appsV1Deployment from "@pulumi/kubernetes/apps/v1/deployment";
import * as autoscalingV2HorizontalPodAutoscaler from "@pulumi/kubernetes/autoscaling/v2/horizontalPodAutoscaler";
import * as batchV1CronJob from "@pulumi/kubernetes/batch/v1/cronJob";
import * as coreV1ConfigMap from "@pulumi/kubernetes/core/v1/configMap";
import * as coreV1Namespace from "@pulumi/kubernetes/core/v1/namespace";
import * as coreV1Secret from "@pulumi/kubernetes/core/v1/secret";
import * as coreV1Service from "@pulumi/kubernetes/core/v1/service";
import * as coreV1ServiceAccount from "@pulumi/kubernetes/core/v1/serviceAccount";
import * as helmV3Release from "@pulumi/kubernetes/helm/v3/release";
import * as policyV1PodDisruptionBudget from "@pulumi/kubernetes/policy/v1/podDisruptionBudget";
import * as provider from "@pulumi/kubernetes/provider";
import * as rbacV1Role from "@pulumi/kubernetes/rbac/v1/role";
import * as rbacV1RoleBinding from "@pulumi/kubernetes/rbac/v1/roleBinding";

export import Provider = provider.Provider;
export namespace apps {
    export namespace v1 {
        export import Deployment = appsV1Deployment.Deployment;
    }
}
export namespace autoscaling {
    export namespace v2 {
        export import HorizontalPodAutoscaler = autoscalingV2HorizontalPodAutoscaler.HorizontalPodAutoscaler;
    }
}
export namespace batch {
    export namespace v1 {
        export import CronJob = batchV1CronJob.CronJob;
    }
}
export namespace core {
    export namespace v1 {
        export import ConfigMap = coreV1ConfigMap.ConfigMap;
        export import Namespace = coreV1Namespace.Namespace;
        export import Secret = coreV1Secret.Secret;
        export import Service = coreV1Service.Service;
        export import ServiceAccount = coreV1ServiceAccount.ServiceAccount;
    }
}
export namespace helm {
    export namespace v3 {
        export import Release = helmV3Release.Release;
        export type ReleaseArgs = helmV3Release.ReleaseArgs;
    }
}
export namespace policy {
    export namespace v1 {
        export import PodDisruptionBudget = policyV1PodDisruptionBudget.PodDisruptionBudget;
    }
}
export namespace rbac {
    export namespace v1 {
        export import Role = rbacV1Role.Role;
        export import RoleBinding = rbacV1RoleBinding.RoleBinding;
    }
}
