/**
 * A stack configuration that cannot be deployed. `issues` holds one line per problem; `project` is
 * the Pulumi project whose config it is (the message's header). Defaults to "live-commerce", the
 * project name as shipped.
 */
export class ConfigError extends Error {
    readonly issues: readonly string[];

    constructor(issues: readonly string[], project = "live-commerce") {
        super(`invalid ${project} stack config:\n${issues.map((i) => `  - ${i}`).join("\n")}`);
        this.name = "ConfigError";
        this.issues = issues;
    }
}

/** Whether a value is or holds a `secure:` object (an encrypted secret of a stack file). */
export function holdsSecret(value: unknown): boolean {
    // iterative: a config value parsed from text may nest arbitrarily deep
    const pending: unknown[] = [value];
    while (pending.length > 0) {
        const v = pending.pop();
        if (typeof v !== "object" || v === null) continue;
        if (!Array.isArray(v) && "secure" in v) return true;
        for (const item of Array.isArray(v) ? v : Object.values(v)) pending.push(item);
    }
    return false;
}

/**
 * Renders a config value for an error message: strings quoted, objects as JSON; a value holding a
 * `secure:` object is never rendered: "an encrypted secret".
 */
export function show(value: unknown): string {
    if (value === undefined) return "nothing";
    if (holdsSecret(value)) return "an encrypted secret";
    return JSON.stringify(value);
}

/**
 * What kind of value a config value is, for errors about keys whose values are never shown
 * (schema.ts: SHOWS_VALUE): "a string", "a number", "true/false", "null", "a list", "an object",
 * "an encrypted secret", "nothing".
 */
export function kindOf(value: unknown): string {
    if (value === undefined) return "nothing";
    if (value === null) return "null";
    if (holdsSecret(value)) return "an encrypted secret";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "object") return "an object";
    if (typeof value === "boolean") return "true/false";
    return `a ${typeof value}`;
}
