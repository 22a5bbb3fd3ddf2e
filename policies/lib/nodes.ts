// Stack resources as plain nodes for the pure stack checks.

import type { PolicyResource } from "@pulumi/policy";

import { Node } from "../availability/tiers";
import { dependencyUrns, isUnknown, plainProps } from "./refs";
import { Props, record, str, tagValue } from "./values";

/**
 * Region of a resource: its own `region` input where its type has one (every regional resource of
 * @pulumi/aws 7.x: "Region where this resource will be managed. Defaults to the Region set in the
 * provider configuration"), else its provider's `region`, else its `region` tag. `type` is the
 * resource's type token; the own input is read for `aws:` types only.
 */
export function regionOf(providerProps: Props | undefined, props: Props, type = ""): string | undefined {
    const own = type.startsWith("aws:") ? str(props.region) : undefined;
    return (own !== undefined && own !== "" && !isUnknown(own) ? own : undefined) ?? str(record(providerProps).region) ?? tagValue(props, "region");
}

const NODES = new WeakMap<readonly PolicyResource[], readonly Node[]>();

/**
 * Stack resources as nodes: plain props (unknowns as sentinels, never thrown) and their
 * dependencies. Built once per resource list: every stack check of one evaluation shares it.
 */
export function toNodes(resources: readonly PolicyResource[]): readonly Node[] {
    const known = NODES.get(resources);
    if (known !== undefined) return known;
    const nodes = Object.freeze(resources.map((r) => {
        const props = plainProps(r.props);
        return { urn: r.urn, type: r.type, props, region: regionOf(r.provider === undefined ? undefined : plainProps(r.provider.props), props, r.type), deps: dependencyUrns(r) };
    }));
    NODES.set(resources, nodes);
    return nodes;
}

/** Parent URN of a resource (for grouping siblings of one component). */
export function parentOf(r: PolicyResource): string | undefined {
    return r.parent?.urn ?? r.opts.parent;
}
