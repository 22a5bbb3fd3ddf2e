// Renders the one config declaration (components/model/schema.ts) with the stage presets' defaults
// into the `config:` block of Pulumi.yaml and docs/CONFIG.md. `npm run config-docs` writes both;
// tests/tools/config-docs.test.ts fails when the committed files differ from what this renders.

import * as yaml from "js-yaml";

import { CONFIG_FIELDS, Field, Fields, STAGES, STAGE_PRESETS, Stage } from "../../components/model";
import { describeBounds, isConfigObject } from "../../components/model/reader";

/** The value at `keys` inside `value` (objects only), or undefined. */
function at(value: unknown, keys: readonly string[]): unknown {
    let v = value;
    for (const k of keys) v = isConfigObject(v) ? v[k] : undefined;
    return v;
}

/** A default as the docs print it: `unset` for null, `none` for an empty list, lists comma-separated. */
export function showDefault(v: unknown): string {
    if (v === null) return "unset";
    if (Array.isArray(v)) return v.length === 0 ? "none" : v.map((x) => showDefault(x)).join(", ");
    if (isConfigObject(v)) return Object.keys(v).length === 0 ? "none" : JSON.stringify(v);
    return String(v);
}

/** The preset default of a top-level key or a path inside one, per stage. */
function presetDefault(stage: Stage, keys: readonly string[]): unknown {
    const preset = STAGE_PRESETS[stage];
    if (keys.length === 1 && keys[0] === "compute") return preset.compute;
    return at(preset.spec, keys);
}

/**
 * The default of a field in words: its `defaultDoc`, else the stage presets' values ("2" when every
 * stage has 2; "2 (startup), 4 (growth), 6 (mature)" otherwise); undefined when it has none.
 */
export function defaultText(f: Field, keys: readonly string[]): string | undefined {
    if (f.required) return undefined;
    if (f.defaultDoc !== undefined) return f.defaultDoc;
    const values = STAGES.map((stage) => ({ stage, text: showDefault(presetDefault(stage, keys)), missing: presetDefault(stage, keys) === undefined }));
    if (values.some((v) => v.missing)) return undefined;
    const groups: { text: string; stages: Stage[] }[] = [];
    for (const v of values) {
        const g = groups.find((x) => x.text === v.text);
        if (g === undefined) groups.push({ text: v.text, stages: [v.stage] });
        else g.stages.push(v.stage);
    }
    return groups.length === 1 ? groups[0].text : groups.map((g) => `${g.text} (${g.stages.join(", ")})`).join(", ");
}

/** The values a field allows, in words. */
export function allowedText(f: Field): string {
    switch (f.kind) {
        case "number":
            return describeBounds(f);
        case "boolean":
            return "true or false";
        case "text":
            return f.what;
        case "optionalText":
            return `${f.what}, or unset`;
        case "choice":
            return `one of ${f.values.join(", ")}`;
        case "choiceList":
            return `a list of ${f.values.join(", ")}`;
        case "textList":
            return `a list, each ${f.what}`;
        case "nameOrList":
            return `one of ${f.names}, or a list, each ${f.what}`;
        case "textMap":
            return "a map of text to text";
        case "section":
            return `an object {${Object.keys(f.fields).join(", ")}}`;
        case "list":
            return `a list of {${Object.keys(f.item).join(", ")}}`;
    }
}

export interface ConfigRow {
    /** `app.size.vcpu`, `regions[].cidr`. */
    readonly key: string;
    readonly allowed: string;
    readonly default: string | undefined;
    readonly clouds: string;
    /** The compute tiers that use the key ("" when every tier does). */
    readonly computes: string;
    readonly doc: string;
    readonly required: boolean;
    /** An object or a list of objects, whose keys follow as rows of their own. */
    readonly container: boolean;
}

/** One row per leaf of the declaration (sections are flattened; list items as `key[].field`), plus each section's own row. */
export function configRows(fields: Fields = CONFIG_FIELDS, parent: readonly string[] = [], label = "", inheritedClouds = "", inheritedComputes = ""): ConfigRow[] {
    return Object.entries(fields).flatMap(([key, f]) => {
        const keys = [...parent, key];
        const name = label === "" ? key : `${label}.${key}`;
        const clouds = f.clouds !== undefined ? f.clouds.join(", ") : inheritedClouds;
        // A tier some clouds use the key with only reads "serverless on aws" (computeClouds).
        const computes = f.computes !== undefined ? f.computes.map((c) => (f.computeClouds?.[c] !== undefined ? `${c} on ${f.computeClouds[c].join(", ")}` : c)).join(", ") : inheritedComputes;
        const row: ConfigRow = {
            key: name,
            allowed: allowedText(f),
            default: f.kind === "section" || f.kind === "list" ? undefined : defaultText(f, keys),
            clouds,
            computes,
            doc: f.doc,
            required: f.required === true,
            container: f.kind === "section" || f.kind === "list",
        };
        if (f.kind === "section") return [row, ...configRows(f.fields, keys, name, clouds, computes)];
        if (f.kind === "list") return [row, ...configRows(f.item, [], `${name}[]`, clouds, computes)];
        return [row];
    });
}

function sentence(row: ConfigRow): string {
    const parts = [row.allowed];
    if (row.required) parts.push("required");
    else if (row.default !== undefined) parts.push(`defaults to ${row.default}`);
    if (row.clouds !== "") parts.push(`${row.clouds} only`);
    if (row.computes !== "") parts.push(`compute ${row.computes} only`);
    return `${row.key} (${parts.join("; ")})`;
}

/** The description of a top-level key in Pulumi.yaml: its meaning, then each key inside it with what it allows and its default. */
export function projectDescription(key: string, f: Field): string {
    const rows = configRows({ [key]: f });
    const [top, ...inner] = rows;
    const head = [f.doc];
    if (inner.length === 0) {
        head.push(`Allowed: ${top.allowed}.`);
        if (top.required) head.push("Required.");
        else if (top.default !== undefined) head.push(`Defaults to ${top.default}.`);
        if (top.clouds !== "") head.push(`Used on ${top.clouds} only.`);
        if (top.computes !== "") head.push(`Used with compute ${top.computes} only.`);
        return head.join(" ");
    }
    if (top.required) head.push("Required.");
    const inside = (r: ConfigRow): ConfigRow => ({ ...r, key: r.key.slice(r.key.startsWith(`${key}[].`) ? key.length + 3 : key.length + 1) });
    return `${head.join(" ")} Keys: ${inner.map((r) => (r.container ? `${inside(r).key}: ${r.doc}` : `${sentence(inside(r))}: ${r.doc}`)).join(" ")}`;
}

/** The Pulumi project config `type` of a key: scalar and array keys only (Pulumi project config types). */
function projectType(f: Field): Record<string, unknown> {
    if (f.kind === "text" || f.kind === "choice") return { type: "string" };
    if (f.kind === "number") return { type: f.integer ? "integer" : "number" };
    if (f.kind === "boolean") return { type: "boolean" };
    if (f.kind === "textList") return { type: "array", items: { type: "string" } };
    return {};
}

/**
 * The project default of a key: the stage-independent value when every stage has the same one and
 * the key is a scalar or text list (prefix lc, appPort 8080); otherwise empty ("", {} or []),
 * which the program reads as "the stage preset".
 */
function projectDefault(key: string, f: Field): unknown {
    if (f.kind === "section" || f.kind === "textMap") return {};
    if (f.kind === "list" || f.kind === "choiceList") return [];
    const values = STAGES.map((stage) => presetDefault(stage, [key]));
    const first = values[0];
    const same = first !== undefined && values.every((v) => JSON.stringify(v) === JSON.stringify(first));
    if (same && (f.kind === "number" || f.kind === "text" || f.kind === "textList")) return first;
    return f.kind === "textList" ? [] : "";
}

export const PULUMI_YAML_CONFIG_HEADER = [
    "  # Generated from components/model/schema.ts and the stage presets by `npm run config-docs`:",
    "  # edit those, not this block (a test compares them). Structured keys (objects, lists of objects)",
    "  # carry no `type`: Pulumi project config types are scalar or array only. An empty default",
    '  # ("", {} or []) means "the stage preset"; a stack file sets only what differs. docs/CONFIG.md',
    "  # lists every key with what it allows and its default per stage.",
];

/** The `config:` block of Pulumi.yaml (from the `config:` line to the end of the file). */
export function renderProjectConfig(): string {
    const config: Record<string, unknown> = {};
    const fields: Fields = CONFIG_FIELDS;
    for (const [key, f] of Object.entries(fields)) {
        const decl: Record<string, unknown> = { ...projectType(f), description: projectDescription(key, f) };
        if (!f.required) decl.default = projectDefault(key, f);
        config[key] = decl;
    }
    const body = yaml.dump({ config }, { lineWidth: 110, noRefs: true, quotingType: '"' });
    const [first, ...rest] = body.split("\n");
    return [first, ...PULUMI_YAML_CONFIG_HEADER, ...rest].join("\n");
}

/** Pulumi.yaml with its `config:` block replaced by the rendered one (everything above it kept). */
export function withProjectConfig(pulumiYaml: string): string {
    const lines = pulumiYaml.split("\n");
    const at = lines.findIndex((l) => l === "config:");
    const head = at < 0 ? lines : lines.slice(0, at);
    return `${[...head, renderProjectConfig()].join("\n").replace(/\n+$/, "")}\n`;
}

function cell(text: string): string {
    return text.replace(/\|/g, "\\|");
}

/** docs/CONFIG.md: every key with what it allows, its default per stage, its clouds and its meaning. */
export function renderConfigDoc(): string {
    const rows = configRows();
    return [
        "# Stack config reference",
        "",
        "<!-- Generated from components/model/schema.ts and components/model/presets.ts by `npm run config-docs`; do not edit. -->",
        "",
        "Every key of the stack config, namespaced by the project name of `Pulumi.yaml` (`live-commerce:app` in the shipped",
        "stacks; a fork that renames the project uses its own name). A stack file sets only what differs from its stage",
        "preset. A key a cloud does not use is an error on the other cloud, naming the key and the cloud; a key the stack's",
        "`compute` does not use (\"Compute ... only\" below) is an error naming the key, the compute and the tiers that use it;",
        "an unknown key is an error naming the key (its value is never shown: it may be a secret). Errors show the value given for",
        "numbers, true/false, choices and patterned text; for a tag value, or a value of the wrong shape where a section,",
        "a list of objects or a map is declared, only its kind (\"a string\", \"an object\"); a `secure:` value never",
        "(\"an encrypted secret\"), nor text written like a password (a word with lower- and upper-case letters and a",
        "digit, or letters running into digits without `-./:@`, as `hunter2`), nor text over 256 characters",
        "(\"a string; value not shown\"), nor any part of the value of a key the Pulumi CLI lists as secret",
        "(`PULUMI_CONFIG_SECRET_KEYS`, the keys set with `pulumi config set --secret`). The offline plan rejects a `secure:`",
        "value anywhere in a stack file by its path.",
        "",
        "How values typed by `pulumi config set --path` are read (the CLI stores `true`/`false` as booleans and",
        "integers as numbers inside a path):",
        "",
        "- a text key (a tag value, an image tag, a name) takes an integer or a boolean as its text: `tags.cost-center 4711`",
        '  is the tag text "4711". The CLI drops a leading zero before the program sees it (`007` becomes 7): set such',
        "  text with `--type string`;",
        '- a number key takes text that is a plain decimal number (`"4"`, as YAML `minSize: "4"` or `--type string` stores it);',
        '- a true/false key takes the text "true" or "false";',
        "- a YAML number that is not an integer where text is declared (`kubernetes.version: 1.30`) is an error asking",
        "  for quoted text: YAML reads it as the number 1.3, whose text is not what was written.",
        "",
        "| key | allowed | default | clouds | meaning |",
        "|---|---|---|---|---|",
        ...rows.map((r) => `| \`${r.key}\` | ${cell(r.allowed)} | ${cell(r.required ? "required" : (r.default ?? ""))} | ${r.clouds === "" ? "both" : r.clouds} | ${cell(r.computes === "" ? r.doc : `Compute ${r.computes} only. ${r.doc}`)} |`),
        "",
    ].join("\n");
}
