// Config shared by the two availability stack policies.

import type { PolicyConfigSchema } from "@pulumi/policy";

import { DEFAULT_ESTIMATE_CONFIG, EstimateConfig } from "../availability/estimate";
import { STAGE_CONFIG } from "../lib/policy";
import { isRecord, num } from "../lib/values";

export const ESTIMATE_CONFIG_SCHEMA: PolicyConfigSchema["properties"] = {
    ...STAGE_CONFIG,
    targetPercent: { type: "number", default: DEFAULT_ESTIMATE_CONFIG.targetPercent, description: "Availability target in percent." },
    failoverBudgetSeconds: { type: "integer", default: DEFAULT_ESTIMATE_CONFIG.failoverBudgetSeconds, description: "Failover budget per in-region tier in seconds." },
    figures: { type: "object", default: {}, description: "Availability figure overrides in percent by key (see docs/POLICIES.md), e.g. {\"aws.msk\": 99.9}." },
    failoverSeconds: { type: "object", default: {}, description: "Failover time overrides in seconds by key, e.g. {\"alicloud.rds.ha\": 30}." },
    offPathTypes: { type: "array", items: { type: "string" }, default: [], description: "Resource types to treat as off the request path." },
};

function numbers(v: unknown): Record<string, number> {
    if (!isRecord(v)) return {};
    return Object.fromEntries(Object.entries(v).flatMap(([k, x]) => (num(x) !== undefined ? [[k, num(x) ?? 0]] : [])));
}

/** The estimate config from a policy's config values. */
export function estimateConfig(c: Record<string, unknown>): EstimateConfig {
    return {
        targetPercent: num(c.targetPercent) ?? DEFAULT_ESTIMATE_CONFIG.targetPercent,
        failoverBudgetSeconds: num(c.failoverBudgetSeconds) ?? DEFAULT_ESTIMATE_CONFIG.failoverBudgetSeconds,
        figures: numbers(c.figures),
        failoverSeconds: numbers(c.failoverSeconds),
        offPathTypes: Array.isArray(c.offPathTypes) ? c.offPathTypes.filter((t): t is string => typeof t === "string") : [],
    };
}
