// The alphabet of closed-list names. A module of its own, importing only the stack config's quoting
// rule (components/model/errors.ts), so that the plan's input checks (tools/lib/inputs.ts) read it
// without loading the pack config's JSON Schema validator (tools/lib/pack-config.ts: Ajv, some 60
// modules) that only `check` uses.

import { mayQuote } from "../../components/model/errors";

/**
 * The alphabet of every closed list a pack config is checked against (enforcement levels, stages,
 * boundary names, region ids): lower-case letters, digits and dashes, at most 40. A value outside
 * the list is shown only when written so (`strict`, `cn-hangzou`); anything else (`TopSecretPW123`)
 * may be a pasted secret and is shown by its kind.
 */
export const NAME_ALPHABET = /^[a-z0-9][a-z0-9-]{0,39}$/;

/** Whether an error may quote text given where a closed list's name is expected: written in NAME_ALPHABET and quotable by the stack config's rule (components/model/errors.ts, mayQuote: `hunter2` is not). */
export function quotableName(value: string): boolean {
    return NAME_ALPHABET.test(value) && mayQuote(value);
}
