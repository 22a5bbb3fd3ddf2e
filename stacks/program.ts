// The live-commerce program: read config -> resolve spec -> validate -> deploy.

import * as pulumi from "@pulumi/pulumi";

import { deployAlicloud } from "../components/alicloud";
import { deployAws } from "../components/aws";
import { StackSpec, parseConfigValues, resolveSpec, scalingSimulation, scheduleReport } from "../components/model";

/** Reads and validates the stack's config. Throws a ConfigError before any resource is declared. */
export function readSpec(now: Date = new Date()): StackSpec {
    return resolveSpec(parseConfigValues(pulumi.runtime.allConfig()), { now });
}

/**
 * Declares the stack and returns its outputs. One wall-clock instant drives validation and every
 * schedule, so a run is consistent; `scaling` reports what became of each event and peak (past,
 * scheduled, deferred beyond the cloud's horizon, recurring) and the simulated time to peak.
 */
export async function deploy(): Promise<Record<string, unknown>> {
    const now = new Date();
    const spec = readSpec(now);
    const deployment = spec.cloud === "alicloud" ? deployAlicloud(spec, now.getTime()) : deployAws(spec, now.getTime());
    return {
        stage: spec.stage,
        cloud: spec.cloud,
        onlineUsers: spec.onlineUsers,
        scaling: { schedule: scheduleReport(spec, now.getTime()), ...scalingSimulation(spec) },
        regions: Object.fromEntries(spec.regions.map((r, i) => [r.name, { ...deployment.regions[i].outputs(), video: deployment.videos[i].outputs() }])),
        ...deployment.edge.outputs,
        ...(deployment.globalDatabase !== undefined ? { globalDatabase: { id: deployment.globalDatabase.id, primaryRegion: spec.regions[0].name } } : {}),
    };
}
