/** A stack configuration that cannot be deployed. `issues` holds one line per problem. */
export class ConfigError extends Error {
    readonly issues: readonly string[];

    constructor(issues: readonly string[]) {
        super(`invalid live-commerce stack config:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
        this.name = "ConfigError";
        this.issues = issues;
    }
}

/** Renders a config value for an error message: strings quoted, objects as JSON. */
export function show(value: unknown): string {
    if (value === undefined) return "nothing";
    return JSON.stringify(value);
}
