// The cloud-neutral model: pure functions and types, no @pulumi import.
export * from "./types";
export * from "./errors";
export * from "./presets";
export * from "./cidr";
export * from "./zones";
export * from "./spec";
export * from "./config";
export * from "./validate";
export * from "./security";
export * from "./network";
export * from "./naming";
export * from "./scaling";
export * from "./alarms";
export * from "./sizes";
export * from "./alicloud-classes";
export * from "./loadbalancer";
export * from "./placement";
