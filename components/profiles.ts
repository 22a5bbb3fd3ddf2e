// The profile of each cloud, for the code that reads the cloud from config: the program, the
// offline planner and the tests. Pure: the profiles import no @pulumi package.

import { CloudProfile, CloudProfiles, Cloud, ResolveOptions, StackSpec, resolveSpecWith } from "./model";
import { ALICLOUD_PROFILE } from "./alicloud/profile";
import { AWS_PROFILE } from "./aws/profile";

export const PROFILES: CloudProfiles = { alicloud: ALICLOUD_PROFILE, aws: AWS_PROFILE };

/** The profile of `cloud`. */
export function profileOf(cloud: Cloud): CloudProfile {
    return PROFILES[cloud];
}

/**
 * Resolves a stack's config into a StackSpec with the profiles of both clouds (resolveSpecWith).
 * Throws a ConfigError listing every problem.
 */
export function resolveSpec(raw: Parameters<typeof resolveSpecWith>[1], options: ResolveOptions): StackSpec {
    return resolveSpecWith(PROFILES, raw, options);
}
