// Stack resources as plain nodes for the pure stack checks.

import type { PolicyResource } from "@pulumi/policy";

import { Node } from "../availability/tiers";
import { dependencyUrns, plainProps } from "./refs";
import { Props, record, str, tagValue } from "./values";

/** Region of a resource: its provider's `region`, else its `region` tag. */
export function regionOf(providerProps: Props | undefined, props: Props): string | undefined {
    return str(record(providerProps).region) ?? tagValue(props, "region");
}

/** Stack resources as nodes: plain props (unknowns as sentinels, never thrown) and their dependencies. */
export function toNodes(resources: readonly PolicyResource[]): Node[] {
    return resources.map((r) => {
        const props = plainProps(r.props);
        return { urn: r.urn, type: r.type, props, region: regionOf(r.provider === undefined ? undefined : plainProps(r.provider.props), props), deps: dependencyUrns(r) };
    });
}

/** Parent URN of a resource (for grouping siblings of one component). */
export function parentOf(r: PolicyResource): string | undefined {
    return r.parent?.urn ?? r.opts.parent;
}
