// The Pulumi.yaml config block and docs/CONFIG.md are rendered from the one declaration
// (components/model/schema.ts) and the stage presets; the committed files must be what renders.

import * as assert from "assert";
import * as fs from "fs";
import * as yaml from "js-yaml";
import * as path from "path";

import { CONFIG_FIELDS, CONFIG_KEY_NAMES, Fields, STAGES, parseConfigValues } from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { isConfigObject } from "../../components/model/reader";
import { renderConfigDoc, withProjectConfig } from "../../tools/lib/config-docs";
import { ROOT, projectDefaults } from "../../tools/lib/stackfiles";
import { NOW, rawConfig } from "../helpers";

const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), "utf8");

describe("config documentation generated from the declaration", () => {
    it("Pulumi.yaml's config block is what npm run config-docs renders", () => {
        const committed = read("Pulumi.yaml");
        assert.strictEqual(withProjectConfig(committed), committed, "Pulumi.yaml is out of date: run npm run config-docs");
    });

    it("every description speaks to users: no source file, no name of the program's own code", () => {
        const internal = /components\/|\.ts\b|CloudProfile|StackSpec|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/;
        const texts = (fields: Fields, parent: string): string[] =>
            Object.entries(fields).flatMap(([key, f]) => {
                const at = parent === "" ? key : `${parent}.${key}`;
                const own = [f.doc, f.defaultDoc, f.cloudNote, f.computeNote, "what" in f ? f.what : undefined, "names" in f ? f.names : undefined, "itemWhat" in f ? f.itemWhat : undefined];
                const mine = own.flatMap((t) => (t !== undefined && internal.test(t) ? [`${at}: ${t}`] : []));
                return [...mine, ...(f.kind === "section" ? texts(f.fields, at) : f.kind === "list" ? texts(f.item, `${at}[]`) : [])];
            });
        assert.deepStrictEqual(texts(CONFIG_FIELDS, ""), []);
    });

    it("docs/CONFIG.md is what npm run config-docs renders", () => {
        assert.strictEqual(renderConfigDoc(), read("docs/CONFIG.md"), "docs/CONFIG.md is out of date: run npm run config-docs");
    });

    it("Pulumi.yaml declares exactly the declared keys, a default exactly for the optional ones", () => {
        const doc: unknown = yaml.load(read("Pulumi.yaml"));
        assert.ok(isConfigObject(doc) && isConfigObject(doc.config));
        const declared = doc.config;
        assert.deepStrictEqual(Object.keys(declared), CONFIG_KEY_NAMES);
        const fields: Fields = CONFIG_FIELDS;
        for (const [key, f] of Object.entries(fields)) {
            const decl: unknown = declared[key];
            assert.ok(isConfigObject(decl), key);
            assert.strictEqual("default" in decl, f.required !== true, `${key}: a default exactly when optional`);
        }
    });

    it("the project defaults of Pulumi.yaml resolve to exactly the stage presets, on every stage and cloud", () => {
        const { project, config } = projectDefaults();
        const defaults = parseConfigValues(config, project);
        for (const stage of STAGES) {
            for (const cloud of ["alicloud", "aws"] as const) {
                const bare = resolveSpec(rawConfig(stage, cloud), { now: NOW });
                const withDefaults = resolveSpec({ ...defaults, ...rawConfig(stage, cloud) }, { now: NOW });
                assert.deepStrictEqual(withDefaults, bare, `${stage}-${cloud}`);
            }
        }
    });

    it("states each stage's zone and region minimum as validation enforces it", () => {
        // Pulumi.yaml once said startup needs >= 1 zone while validation wanted 2: the description is
        // now checked against resolveSpec.
        const description = String(CONFIG_FIELDS.regions.doc);
        assert.match(description, /every region needs >= 2 zones .*mature >= 3/);
        assert.match(description, /mature >= 2/);
        const zones = (n: number): string[] => ["us-east-1a", "us-east-1b", "us-east-1c"].slice(0, n);
        assert.throws(() => resolveSpec(rawConfig("startup", "aws", { regions: [{ name: "us-east-1", zones: zones(1) }] }), { now: NOW }));
        assert.doesNotThrow(() => resolveSpec(rawConfig("startup", "aws", { regions: [{ name: "us-east-1", zones: zones(2) }] }), { now: NOW }));
        assert.throws(() => resolveSpec(rawConfig("mature", "aws", { regions: [{ name: "us-east-1", zones: zones(2) }, { name: "us-west-2", zones: ["us-west-2a", "us-west-2b"] }] }), { now: NOW }));
        assert.throws(() => resolveSpec(rawConfig("mature", "aws", { regions: [{ name: "us-east-1", zones: zones(3) }] }), { now: NOW }));
    });

    it("names the growth database as the stage resolves it (PolarDB / Aurora, not MySQL with a replica)", () => {
        const doc = read("Pulumi.yaml");
        assert.match(doc, /polardb on alicloud and aurora on aws \(growth, mature\)/);
        assert.strictEqual(resolveSpec(rawConfig("growth", "alicloud"), { now: NOW }).database.engine, "polardb");
        assert.strictEqual(resolveSpec(rawConfig("growth", "aws"), { now: NOW }).database.engine, "aurora");
    });
});
