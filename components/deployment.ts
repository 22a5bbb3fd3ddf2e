// The multi-region deployment of a stack, written once for both clouds: one explicit provider per
// region, the regions in order with the global database joined before the first secondary region,
// each region's video layer, then the cross-region edge (CDN, steering). Each cloud's
// deployment.ts supplies the steps that differ.

import * as pulumi from "@pulumi/pulumi";

import { CdnOrigin, EdgePlan, GlobalDatabaseRole, RegionSpec, StackSpec, forRegion, globalDatabaseRoles, providerName } from "./model";
import { RegionOutputs } from "./region-outputs";

/** The cross-region layer of a stack: its CDN and steering components, and their stack outputs. */
export interface Edge<C, S> {
    /** Absent when `cdn.enabled` is false. */
    readonly cdn?: C;
    /** Absent below two regions. */
    readonly steering?: S;
    readonly outputs: Record<string, pulumi.Input<unknown>>;
}

/** What the cross-region layer needs from one region's regional tier. */
export interface RegionalEndpoint {
    readonly region: string;
    /** Public DNS name of the region's application load balancer. */
    readonly loadBalancerDnsName: pulumi.Input<string>;
}

/** The CDN's origins with each region's load balancer as the hostname; null when the stack has no CDN. */
export function cdnOriginHosts<E extends RegionalEndpoint>(plan: EdgePlan, endpoints: readonly E[]): (CdnOrigin & { readonly hostname: pulumi.Input<string> })[] | null {
    return plan.cdn === null ? null : plan.cdn.origins.map((o) => ({ ...o, hostname: forRegion(endpoints, o.region).loadBalancerDnsName }));
}

/** What a cloud supplies: its provider, region, global database, video and edge, as declared resources. */
export interface CloudSteps<P, R, G, V, E> {
    /** The explicit provider of a region (named providerName(spec, region)). */
    readonly provider: (name: string, region: RegionSpec) => P;
    /**
     * The global database, declared once, before the first secondary region, from the first
     * region (the primary) under its provider.
     */
    readonly globalDatabase: (primary: R, provider: P) => G;
    /** One region of the stack: its role in the global database and, for a secondary, the database it joins. */
    readonly region: (region: RegionSpec, provider: P, role: GlobalDatabaseRole, global: { readonly primary: R; readonly database: G } | undefined) => R;
    /** The region's video layer. */
    readonly video: (region: RegionSpec, built: R, provider: P) => V;
    /** The cross-region layer over all regions, under the first region's provider. */
    readonly edge: (regions: readonly R[], provider: P) => E;
}

export interface Deployment<P, R, G, V, E> {
    readonly regions: readonly R[];
    readonly videos: readonly V[];
    /** The explicit provider of each region, in region order. */
    readonly providers: readonly P[];
    readonly globalDatabase?: G;
    readonly edge: E;
}

/** Declares a stack's regions, global database, video layers and edge with a cloud's steps. */
export function deployStack<P, R extends { outputs(): RegionOutputs }, G, V, E>(spec: StackSpec, steps: CloudSteps<P, R, G, V, E>): Deployment<P, R, G, V, E> {
    const providers = spec.regions.map((region) => steps.provider(providerName(spec, region.name), region));
    const roles = globalDatabaseRoles(spec);
    const regions: R[] = [];
    let globalDatabase: G | undefined;
    spec.regions.forEach((region, i) => {
        const role = roles[i];
        const primary = regions[0];
        if (role === "secondary" && globalDatabase === undefined && primary !== undefined) globalDatabase = steps.globalDatabase(primary, providers[0]);
        const global = role === "secondary" && globalDatabase !== undefined && primary !== undefined ? { primary, database: globalDatabase } : undefined;
        regions.push(steps.region(region, providers[i], role, global));
    });
    const videos = spec.regions.map((region, i) => steps.video(region, regions[i], providers[i]));
    const edge = steps.edge(regions, providers[0]);
    return { regions, videos, providers, ...(globalDatabase !== undefined ? { globalDatabase } : {}), edge };
}
