// The library surface of the model (package export `live-commerce/model`): the config and the spec
// at the top level, every decision module as a namespace (`network.planRegionNetwork`,
// `naming.baseTags`, ...). The blueprint itself imports `components/model` (index.ts), the flat list.

// Config -> spec (`resolveSpec` with both clouds' profiles is `live-commerce/profiles`).
export { BLUEPRINT_PROJECT, readIdentity, resolveSpecWith, type ResolveOptions } from "./spec";
export type { CloudProfile, CloudProfiles } from "./profile";
export { parseConfigValues } from "./config";
export { ConfigError } from "./errors";
export { NotDeployableError, missingSettings, type MissingSetting } from "./placeholders";
export { STAGE_PRESETS, type StagePreset } from "./presets";
export { CONFIG_FIELDS, type ConfigKey, type ConfigValue } from "./schema";
// The spec's types and enumerations.
export type * from "./types";
export { ALARM_LEVELS, CACHE_MODES, CLOUDS, COMPUTE_TIERS, DATABASE_ENGINES, NAT_STRATEGIES, RECURRENCES, SERVICE_NAMES, STAGES, WEEKDAYS } from "./types";

// The decisions, one namespace per module.
export * as alarms from "./alarms";
export * as appMetrics from "./app-metrics";
export * as cidr from "./cidr";
export * as compute from "./compute";
/** CDN origins, DNS failover times, the rendition ladder, the transcoding tier (global.ts). */
export * as edge from "./global";
export * as flows from "./flows";
export * as globalDatabase from "./global-database";
export * as kubernetes from "./kubernetes";
export * as loadbalancer from "./loadbalancer";
export * as naming from "./naming";
export * as network from "./network";
export * as placement from "./placement";
export * as scaling from "./scaling";
export * as schedule from "./schedule";
export * as schema from "./schema";
export * as security from "./security";
export * as serverless from "./serverless";
export * as sizes from "./sizes";
export * as timeToPeak from "./timetopeak";
export * as timezone from "./timezone";
export * as validate from "./validate";
