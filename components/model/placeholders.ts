// Placeholders: config a user must give before the first `pulumi up`. The shipped example stacks
// plan offline with documentation values (reserved example domains, an example registry, no
// certificate, no alarm recipients); a real deployment of them would fail or alarm nobody.

import { kubectlImage, serviceImage } from "./kubernetes";
import { liftsAppTier } from "./schedule";
import { CloudProfile } from "./profile";
import { ALARM_LEVELS, SERVICE_NAMES, StackSpec } from "./types";

/** One config key the user must set, with why the current value cannot be deployed. */
export interface MissingSetting {
    /** The config key, e.g. `live-commerce:domain` (the project name of Pulumi.yaml, then the key). */
    readonly key: string;
    readonly reason: string;
}

/**
 * Second-level names and top-level domains reserved for documentation and testing (RFC 2606,
 * RFC 6761): no certificate authority validates them and no public DNS zone serves them.
 */
const RESERVED_SUFFIXES = ["example.com", "example.net", "example.org", "example", "test", "invalid", "localhost"];

/** Whether `host` is, or is under, a reserved documentation domain. */
export function isReservedDomain(host: string): boolean {
    const h = host.toLowerCase().replace(/\.$/, "");
    return RESERVED_SUFFIXES.some((s) => h === s || h.endsWith(`.${s}`));
}

/** The registry host of an image reference (`host/path:tag`), or the reference itself. */
function registryHost(image: string): string {
    return image.split("/")[0] ?? image;
}

/**
 * Settings still holding placeholders: the domain (reserved name), the HTTPS certificate where
 * the cloud needs an uploaded one (CloudProfile.tlsCertificateRequired, `tls.certificateId` unset),
 * the images of the compute tier that serves the routes (`compute`): `vm` the app scaling group's
 * image (`app.imageId` unset: the stock OS image); `kubernetes` and `serverless` the four service
 * images (Deployments, SAE applications, Fargate tasks all run `serviceImage`, set by
 * `kubernetes.imageRegistry` or `kubernetes.services.<name>.image`) while their registry is a
 * reserved documentation domain; and the alarm recipients (a level without contacts). Empty when
 * the stack can deploy.
 */
export function missingSettings(spec: StackSpec, profile: Pick<CloudProfile, "tlsCertificateRequired" | "defaultKubectlImage">): MissingSetting[] {
    const missing: MissingSetting[] = [];
    if (isReservedDomain(spec.domain)) {
        missing.push({ key: `${spec.project}:domain`, reason: `${spec.domain} is a reserved documentation domain (RFC 2606): no certificate can be issued for it and no public zone serves it; set your own domain` });
    }
    if (profile.tlsCertificateRequired && spec.tls.certificateId === null) {
        missing.push({ key: `${spec.project}:tls`, reason: "no certificateId: the ALB HTTPS listener cannot be created; upload the domain's certificate to Certificate Management Service and set {certificateId: <id>}" });
    }
    if (spec.compute === "kubernetes" || spec.compute === "serverless") {
        // Both tiers run the four services from serviceImage (components/kubernetes/microservice.ts,
        // components/alicloud/serverless.ts imageUrl, components/aws/serverless.ts container image).
        const placeholders = SERVICE_NAMES.map((service) => ({ service, host: registryHost(serviceImage(spec.kubernetes, service)) })).filter((s) => isReservedDomain(s.host));
        if (placeholders.length > 0) {
            const hosts = [...new Set(placeholders.map((p) => p.host))].join(", ");
            missing.push({ key: `${spec.project}:kubernetes`, reason: `images of ${placeholders.map((p) => p.service).join(", ")} (compute ${spec.compute}) come from a placeholder registry (${hosts}); set imageRegistry or services.<name>.image` });
        }
    }
    // Only an event or peak that lifts the pods needs a floor job (liftsAppTier); one the everyday floors hold declares none.
    if (spec.compute === "kubernetes" && [...spec.events, ...spec.peaks].some((e) => liftsAppTier(spec, e.peakOnline)) && kubectlImage(spec, profile) === null) {
        // The pod floors' CronJobs (components/kubernetes/replica-floors.ts) run kubectl from this image.
        missing.push({
            key: `${spec.project}:kubernetes`,
            reason: "no kubectlImage: the jobs that raise the pods' floors for events and peaks need kubectl from a registry the region reaches (registry.k8s.io is not reachable from mainland China); mirror registry.k8s.io/kubectl:v" + spec.kubernetes.version + ".0 to your ACR and set kubectlImage",
        });
    }
    if (spec.compute === "vm" && spec.app.imageId === null) {
        // On compute vm the app scaling group serves every route: the stock OS image serves nothing on the health-check path.
        missing.push({ key: `${spec.project}:app`, reason: "no imageId: the app instances boot the stock OS image, which serves nothing on the health-check port; set app.imageId to an image that keeps the app image contract (docs/METRICS.md)" });
    }
    const silent = ALARM_LEVELS.filter((level) => spec.monitoring.contacts[level].length === 0);
    if (silent.length > 0) {
        missing.push({ key: `${spec.project}:monitoring`, reason: `no alarm recipients for ${silent.join(", ")}: set contacts.{${silent.join(",")}} to e-mail addresses` });
    }
    return missing;
}

/** The one-line summary the offline plan prints: `not deployable until set: key, key`. */
export function notDeployableLine(missing: readonly MissingSetting[]): string {
    return `not deployable until set: ${[...new Set(missing.map((m) => m.key))].join(", ")}`;
}

/** Thrown by the real program before any resource is declared while settings are placeholders. */
export class NotDeployableError extends Error {
    readonly missing: readonly MissingSetting[];

    constructor(missing: readonly MissingSetting[]) {
        super(`${notDeployableLine(missing)}\n${missing.map((m) => `  - ${m.key}: ${m.reason}`).join("\n")}`);
        this.name = "NotDeployableError";
        this.missing = missing;
    }
}
