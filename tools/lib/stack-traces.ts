// The switch that keeps stack traces on while planning. A module of its own, without imports, so the
// command-line entry (tools/lib/cli.ts) reads it without loading the Pulumi runtime.

/**
 * Set to "1", planning keeps stack traces on. The command-line tools set it when they run a failed
 * command again to show where it crashed (tools/lib/cli.ts): a failure that never reaches
 * planProgram (an error thrown inside an `apply`, an unhandled rejection) is re-run that way.
 */
export const STACK_TRACES_ENV = "LC_PLAN_STACK_TRACES";
