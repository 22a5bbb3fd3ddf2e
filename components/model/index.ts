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
export * from "./kubernetes";
