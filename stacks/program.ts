// The live-commerce program: read config -> resolve spec -> validate -> deploy.

import * as pulumi from "@pulumi/pulumi";

import { ConfigError, MissingSetting, NotDeployableError, StackSpec, missingSettings, parseConfigValues, eventDrains, kubectlImage, scalingSimulation, scheduleReport, scheduledBoundsNote, stackBoundsViolations, stackScheduleHorizon } from "../components/model";
import { redactSecrets, secretConfigKeys } from "../components/model/errors";
import { profileOf, resolveSpec } from "../components/profiles";
import { residencyOutput } from "../components/model/residency";

/**
 * Reads and validates the stack's config: the keys of the project named in Pulumi.yaml
 * (`pulumi.getProject()`), so a fork that renames the project keeps its stacks. Throws a
 * ConfigError before any resource is declared.
 */
export function readSpec(now: Date = new Date()): StackSpec {
    const project = pulumi.getProject();
    const config = pulumi.runtime.allConfig();
    try {
        return resolveSpec(parseConfigValues(config, project), { now, project });
    } catch (e) {
        // a key the CLI lists as secret (PULUMI_CONFIG_SECRET_KEYS) is never quoted, whatever its kind
        throw e instanceof ConfigError ? redactSecrets(e, config, secretConfigKeys(process.env.PULUMI_CONFIG_SECRET_KEYS)) : e;
    }
}

export interface DeployOptions {
    /**
     * Receives the settings that still hold placeholders (reserved example domain, example
     * registry, missing certificate, alarm recipients) and lets the program go on: the offline
     * planner's choice. Unset (`pulumi up`), such settings stop the program with a
     * NotDeployableError naming each key, before any resource is declared.
     */
    readonly onPlaceholders?: (missing: readonly MissingSetting[]) => void;
    /**
     * The instant validation and every schedule are planned against (the offline planner's tests
     * plan at fixed instants, e.g. on either side of a daylight-saving change). Defaults to the
     * wall clock.
     */
    readonly now?: Date;
}

/**
 * Declares the stack and returns its outputs. Throws ConfigError or NotDeployableError before
 * declaring anything. One wall-clock instant drives validation and every schedule, so a run is
 * consistent; `scaling` reports what became of each event and peak (past, scheduled, deferred
 * beyond the cloud's horizon, recurring) and the simulated time to peak.
 */
export async function deploy(options: DeployOptions = {}): Promise<Record<string, unknown>> {
    const now = options.now ?? new Date();
    const spec = readSpec(now);
    const profile = profileOf(spec.cloud);
    const missing = missingSettings(spec, profile);
    if (options.onPlaceholders !== undefined) options.onPlaceholders(missing);
    else if (missing.length > 0) throw new NotDeployableError(missing);
    // Only the stack's own cloud is loaded: each cloud's components load that provider's SDK index.
    // The pods' floor jobs run kubectl: without an image none is declared (components/kubernetes/services.ts), and the report says so.
    const floorJobs = kubectlImage(spec, profile) !== null;
    const boundsNote = scheduledBoundsNote(spec, profile.serverlessScaler, floorJobs);
    const deployment = spec.cloud === "alicloud" ? (await import("../components/alicloud")).deployAlicloud(spec, now.getTime()) : (await import("../components/aws")).deployAws(spec, now.getTime());
    return {
        stage: spec.stage,
        cloud: spec.cloud,
        ...(spec.residency !== null ? { residency: residencyOutput(spec.residency) } : {}),
        // Only an offline plan gets here with placeholders: the keys, so an export of it is judged as the plan is (tools/lib/inputs.ts).
        ...(missing.length > 0 ? { notDeployableUntilSet: [...new Set(missing.map((m) => m.key))] } : {}),
        onlineUsers: spec.onlineUsers,
        scaling: {
            schedule: scheduleReport(
                spec,
                now.getTime(),
                stackScheduleHorizon(spec, profile.scheduleHorizon),
                profile.eventLimit(spec, now.getTime()),
                (t) => profile.eventLimit(spec, t),
                profile.horizonText(spec, now.getTime()),
                eventDrains(spec, profile, spec.cloud === "alicloud" /* its self-run transcoders are scheduled; AWS IVS is managed */, floorJobs),
                floorJobs,
            ),
            ...scalingSimulation(spec, profile),
            // The plan's guard: every schedule's replayed bounds keep each ceiling at or above the floor and the needs in force.
            boundsViolations: stackBoundsViolations(spec, profile, now.getTime()),
            // Who owns the app tier's bounds while schedules are declared: the plan's note on an edited bound.
            ...(boundsNote === null ? {} : { boundsNote }),
        },
        regions: Object.fromEntries(spec.regions.map((r, i) => [r.name, { ...deployment.regions[i].outputs(), video: deployment.videos[i].outputs() }])),
        ...deployment.edge.outputs,
        ...(deployment.globalDatabase !== undefined ? { globalDatabase: { id: deployment.globalDatabase.id, primaryRegion: spec.regions[0].name } } : {}),
    };
}
