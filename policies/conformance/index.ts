// Provider conformance: every planned resource checked against the providers' own rules (the
// table in alicloud.ts and aws.ts), as the provider's Check and the cloud API would on
// `pulumi preview` / `pulumi up`. Pure: resources in, violations out.

import { isRecord, Props } from "../lib/values";
import { ALICLOUD_RULES } from "./alicloud";
import { AWS_RULES } from "./aws";
import { KUBERNETES_RULES } from "./kubernetes";
import { ConformanceRule, autoNameOf, isCheckable } from "./checkers";
import { duplicateRulePriorities } from "./rule-priorities";
import { dbSubnetGroupCoverage } from "./subnet-groups";

export type { ConformanceRule, ValueTest } from "./checkers";

/** Every rule of both clouds. */
export const CONFORMANCE_RULES: readonly ConformanceRule[] = [...ALICLOUD_RULES, ...AWS_RULES, ...KUBERNETES_RULES];

/** What the checker needs of a planned (or previewed, or exported) resource. */
export interface ConformanceResource {
    readonly urn: string;
    readonly type: string;
    /** Logical name (the last URN segment): the base of Pulumi's auto-name. */
    readonly name: string;
    readonly custom: boolean;
    readonly inputs: Props;
    /** Cloud id, where known: what a reference to the resource by id is matched with (cross-resource rules). */
    readonly id?: string;
    /** Input property -> URNs its value comes from: stands in for unknown ids (cross-resource rules). */
    readonly propertyDependencies?: Readonly<Record<string, readonly string[]>>;
}

export interface ConformanceViolation {
    readonly urn: string;
    readonly type: string;
    /** Concrete path of the value, e.g. `escalationsWarn.comparisonOperator` or `zoneMappings[1].zoneId`. */
    readonly property: string;
    /** The rejected value (an auto-name shows its random part as x's). Reports quote it only where `freeText` is false (tools/lib/report.ts). */
    readonly value: unknown;
    /** The rule checks free text by its length only (ValueTest.freeText): the value may be anything and is never quoted. */
    readonly freeText: boolean;
    /** What the provider accepts, with the condition the rule applies under. */
    readonly rule: string;
    readonly source: string;
}

/** Values at `path` (`a.b`, `a[].b`) with their concrete paths; absent values are left out. */
export function valuesAt(inputs: Props, path: string): { readonly path: string; readonly value: unknown }[] {
    let found: { path: string; value: unknown }[] = [{ path: "", value: inputs }];
    for (const raw of path.split(".")) {
        const each = raw.endsWith("[]");
        const key = each ? raw.slice(0, -2) : raw;
        found = found.flatMap(({ path: at, value }) => {
            if (!isRecord(value) || !(key in value) || value[key] === undefined || value[key] === null) return [];
            const here = at === "" ? key : `${at}.${key}`;
            const v = value[key];
            if (!each) return [{ path: here, value: v }];
            return Array.isArray(v) ? v.map((item, i) => ({ path: `${here}[${i}]`, value: item })) : [];
        });
    }
    return found;
}

/** The violations of one rule on one resource. */
export function checkRule(rule: ConformanceRule, r: ConformanceResource): ConformanceViolation[] {
    if (!r.custom || r.type !== rule.type) return [];
    if (rule.when !== undefined && !rule.when.holds(r.inputs)) return [];
    const describe = rule.when !== undefined ? `${rule.test.describe} (${rule.when.describe})` : rule.test.describe;
    const set = valuesAt(r.inputs, rule.property);
    const autoNamed = rule.autoName === true && (rule.autoNameUnless === undefined || r.inputs[rule.autoNameUnless] === undefined);
    const values =
        set.length > 0
            ? set
            : autoNamed
              ? [{ path: rule.property, value: autoNameOf(r.name) }]
              : rule.required === true
                ? [{ path: rule.property, value: undefined }]
                : [];
    const auto = set.length === 0 && autoNamed;
    return values
        .filter(({ value }) => isCheckable(value) && !rule.test.accepts(value, r.inputs))
        .map(({ path, value }) => ({
            urn: r.urn,
            type: r.type,
            property: path,
            value: value ?? null,
            freeText: rule.test.freeText === true && !auto,
            rule: auto ? `${describe}; unset, so Pulumi auto-names it: logical name + "-" + 7 random characters` : describe,
            source: rule.source,
        }));
}

/**
 * Every violation of `rules` (default: the whole table) on `resources`, in resource then rule
 * order, then those of the rules across resources (subnet-groups.ts: a DB subnet group's
 * Availability Zones, which its subnets give; rule-priorities.ts: listener rules sharing a priority).
 */
export function checkConformance(resources: readonly ConformanceResource[], rules: readonly ConformanceRule[] = CONFORMANCE_RULES): ConformanceViolation[] {
    const byType = new Map<string, ConformanceRule[]>();
    for (const rule of rules) byType.set(rule.type, [...(byType.get(rule.type) ?? []), rule]);
    return [...resources.flatMap((r) => (byType.get(r.type) ?? []).flatMap((rule) => checkRule(rule, r))), ...dbSubnetGroupCoverage(resources), ...duplicateRulePriorities(resources)];
}

/** Resource types the table has rules for. */
export function coveredTypes(rules: readonly ConformanceRule[] = CONFORMANCE_RULES): string[] {
    return [...new Set(rules.map((r) => r.type))].sort();
}
