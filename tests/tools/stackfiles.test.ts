// Stack files that are not one plain YAML mapping: one clear error naming the file, before any
// resource is declared (plan exits 2 on StackFileError).

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { StackFileError, loadStackConfig } from "../../tools/lib/stackfiles";

describe("stack file oddities", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stackfiles-"));
    const cases: readonly [string, string | null, RegExp][] = [
        ["two YAML documents", "config:\n  live-commerce:stage: startup\n---\nconfig: {}\n", /expected a single document in the stream/],
        ["a tab in the indentation", "config:\n\tlive-commerce:stage: startup\n", /tab characters must not be used in indentation at line 2/],
        ["a duplicate key", "config:\n  live-commerce:stage: startup\n  live-commerce:stage: growth\n", /duplicated mapping key at line 3/],
        ["an empty file", "", /the file is empty/],
        ["a list, not a mapping", "- a\n- b\n", /not a YAML mapping/],
        ["an encrypted secret", "config:\n  live-commerce:dbPassword:\n    secure: AAABAxyz\n", /^live-commerce:dbPassword is an encrypted secret; the offline plan cannot decrypt it/],
        ["an encrypted secret inside a map", "config:\n  live-commerce:tags:\n    owner: team\n    apikey:\n      secure: AAABAxyz\n", /^live-commerce:tags\.apikey is an encrypted secret; the offline plan cannot decrypt it/],
        ["10,000-deep nesting", `config:\n  live-commerce:tags: ${"[".repeat(10000)}${"]".repeat(10000)}\n`, /Pulumi\.deep\.yaml: (nested deeper than 32 levels|not valid YAML)/],
        ["a folder named like a stack file", null, /not a file/],
    ];
    const names = ["two", "tab", "dup", "empty", "list", "secure", "nested", "deep", "dir"];
    cases.forEach(([what, text, expected], i) => {
        it(what, () => {
            const file = path.join(dir, `Pulumi.${names[i]}.yaml`);
            if (text === null) fs.mkdirSync(file, { recursive: true });
            else fs.writeFileSync(file, text);
            assert.throws(() => loadStackConfig(names[i], dir), (e: unknown) => e instanceof StackFileError && expected.test(e.message) && !/AAABAxyz/.test(e.message));
        });
    });
});
