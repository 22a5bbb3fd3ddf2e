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
 * `secure:` object is never rendered: "an encrypted secret"; a value holding text an error never
 * quotes (mayQuote) only by its kind.
 */
export function show(value: unknown): string {
    if (value === undefined) return "nothing";
    if (holdsSecret(value)) return "an encrypted secret";
    if (!mayQuote(value)) return `${kindOf(value)}; value not shown`;
    return JSON.stringify(value);
}

/**
 * Longest text an error quotes (in UTF-16 code units): the ids, ARNs (an ACM certificate's is
 * about 90), names, addresses and choices of the stack config and the providers' enumerations and
 * formats are shorter; longer text (a pasted key or document) is described by its length only.
 */
export const MAX_QUOTED_TEXT = 256;

/**
 * Text written like a password, key or token, or holding a word so written: one that mixes lower-case and
 * upper-case letters and a digit (`Hunter2SuperSecret`), or runs letters and digits together
 * with none of the separators ids, names and addresses are written with (`-`, `.`, `/`, `:`, `@`;
 * runsTogether): `hunter2`, `s3cr3t`, a hex key. Region and zone ids (`us-east-1`, `cn-hangzhou-k`), CIDRs,
 * DNS names and instance types (`t3.micro`) are not written so. The CLI hands the program
 * `secure:` values decrypted, so such text is never shown, even where the key shows values; the
 * keys the CLI lists as secret are redacted whatever they hold (redactSecrets).
 */
export function readsLikePassword(value: unknown): boolean {
    if (typeof value !== "string") return false;
    return value.split(/\s+/).some((word) => (/[a-z]/.test(word) && /[A-Z]/.test(word) && /[0-9]/.test(word)) || runsTogether(word));
}

/** A word of 4 or more characters with 2 or more letters running into digits and no separator (`hunter2`; not `80x`, `1e3`, `gp3`, `us-east-1`). */
function runsTogether(word: string): boolean {
    return word.length >= 4 && (word.match(/[A-Za-z]/g) ?? []).length >= 2 && /[A-Za-z][0-9]|[0-9][A-Za-z]/.test(word) && !/[-./:@]/.test(word);
}

/**
 * The one rule of what an error or report may quote, for the stack config (show) and for the
 * values a provider would reject (tools/lib/report.ts): numbers, true/false and null; text of at
 * most MAX_QUOTED_TEXT characters, without control characters, not written like a password
 * (readsLikePassword); lists and objects of such values. Never a `secure:` object. Whether a key
 * shows values at all is decided per kind before this (schema.ts SHOWS_VALUE: free text never).
 */
export function mayQuote(value: unknown): boolean {
    const pending: unknown[] = [value];
    while (pending.length > 0) {
        const v = pending.pop();
        if (typeof v === "string") {
            if (v.length > MAX_QUOTED_TEXT || /[\u0000-\u001f\u007f]/.test(v) || readsLikePassword(v)) return false;
        } else if (typeof v === "object" && v !== null) {
            if (!Array.isArray(v) && "secure" in v) return false;
            for (const item of Array.isArray(v) ? v : Object.values(v)) pending.push(item);
        } else if (typeof v === "number" && !Number.isFinite(v)) return false;
    }
    return true;
}

/**
 * A value an error does not quote, described: its kind, and for text its length
 * ("a string of 300 characters"), so the reader can still tell what was given.
 */
export function describeHidden(value: unknown): string {
    return typeof value === "string" && !holdsSecret(value) ? `a string of ${value.length} character${value.length === 1 ? "" : "s"}; value not shown` : `${kindOf(value)}; value not shown`;
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

/**
 * The keys the Pulumi CLI lists as secret: the environment variable PULUMI_CONFIG_SECRET_KEYS, a
 * JSON list of full keys (`<project>:<key>`) the CLI sets for the program (the name is
 * `configSecretKeysEnvKey` in @pulumi/pulumi runtime/config.js, read there by isConfigSecret).
 * Text that is not such a list gives none.
 */
export function secretConfigKeys(envValue: string | undefined): string[] {
    if (envValue === undefined || envValue === "") return [];
    try {
        const keys: unknown = JSON.parse(envValue);
        return Array.isArray(keys) ? keys.filter((k): k is string => typeof k === "string") : [];
    } catch {
        return [];
    }
}

/** Every text a secret config value holds: the value as given and, when it is JSON, each string and number in it. */
function secretTexts(value: string): string[] {
    const texts = [value];
    try {
        const pending: unknown[] = [JSON.parse(value)];
        while (pending.length > 0) {
            const v = pending.pop();
            if (typeof v === "string" || typeof v === "number") texts.push(String(v));
            else if (typeof v === "object" && v !== null) pending.push(...(Array.isArray(v) ? v : Object.values(v)));
        }
    } catch {
        // plain text: the value itself
    }
    return texts.filter((t) => t.length > 0);
}

/**
 * A ConfigError whose issues never quote the value of a secret key (`secretKeys` from
 * secretConfigKeys; `config` the program's config map of `<project>:<key>` to text): every
 * occurrence of that value, or of a text inside it, reads "an encrypted secret". The CLI hands the
 * program `secure:` values decrypted, so the value-showing rules alone cannot tell a secret.
 */
export function redactSecrets(error: ConfigError, config: Readonly<Record<string, string>>, secretKeys: readonly string[]): ConfigError {
    const texts = secretKeys.flatMap((k) => (config[k] !== undefined ? secretTexts(config[k]) : [])).sort((a, b) => b.length - a.length);
    if (texts.length === 0) return error;
    const redact = (issue: string): string => texts.reduce((out, t) => out.split(JSON.stringify(t)).join("an encrypted secret").split(t).join("an encrypted secret"), issue);
    return new ConfigError(error.issues.map(redact));
}
