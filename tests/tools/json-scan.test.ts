// The strict streaming JSON reader: the values JSON.parse builds, whatever the chunk boundaries;
// duplicate keys and malformed text rejected with line and column; revived values in place.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { JsonReadError, StrictJsonReader, parseJsonText, readJsonFile } from "../../tools/lib/json-scan";

/** Reads `text` pushed `size` bytes at a time. */
function chunked(text: string, size: number): unknown {
    const bytes = Buffer.from(text, "utf8");
    const reader = new StrictJsonReader();
    for (let i = 0; i < bytes.length; i += size) reader.push(bytes.subarray(i, i + size));
    return reader.end();
}

const SAMPLE = JSON.stringify({
    stack: "growth-aws",
    n: [0, -0.5, 12.25e-3, 1e21, -7, 123456789],
    flags: [true, false, null],
    text: 'escapes \\ " / \b \f \n \r \t \u0001 and Unicode: 杭州 Zürich 😀',
    "__proto__": { polluted: true },
    nested: { a: [{ b: [[], {}] }], "": "empty key" },
});

describe("json-scan: the strict streaming reader", () => {
    it("builds the values JSON.parse builds, for every chunk size (tokens, escapes and UTF-8 characters cut anywhere)", () => {
        const expected: unknown = JSON.parse(SAMPLE);
        for (const size of [1, 2, 3, 5, 7, 64, 1 << 20]) assert.deepStrictEqual(chunked(SAMPLE, size), expected, `chunks of ${size}`);
        assert.strictEqual(Object.getPrototypeOf(chunked(SAMPLE, 3)), Object.prototype);
        assert.strictEqual(({} as Record<string, unknown>).polluted, undefined);
    });
    it("reads a file in chunks, a string longer than a chunk included", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "json-scan-")), "long.json");
        const long = "x".repeat(3 << 20);
        fs.writeFileSync(file, JSON.stringify({ long, after: [1, 2] }));
        assert.deepStrictEqual(readJsonFile(file), { long, after: [1, 2] });
    });
    it("rejects a key given twice, naming the key, its object's path, line and column", () => {
        for (const size of [1, 4, 1 << 20]) {
            assert.throws(
                () => chunked('{"steps":[{"newState":{"urn":"a",\n  "urn":"b"}}]}', size),
                (e: unknown) => e instanceof JsonReadError && e.kind === "duplicate" && e.problem === 'duplicate key "urn" in steps[0].newState' && e.line === 2 && e.column === 3,
            );
        }
    });
    it("names line and column of a syntax error in characters, never the text around it", () => {
        const cases: readonly [string, number, number, string][] = [
            ['{"a": "杭州", "b": tru}', 1, 18, "expected a JSON value"],
            ['{"a": 1,}', 1, 9, "expected a key in double quotes"],
            ['{"a": 01}', 1, 8, 'expected "," or "}"'],
            ["[1, 2", 1, 6, "the text ends inside a list"],
            ['{"a": "secret', 1, 7, "a string that is never closed"],
            ['{"a": "\\x"}', 1, 8, "an invalid escape in a string"],
            ['{"a": -}', 1, 7, "expected a JSON value"],
            ['{"a": 1e999}', 1, 7, "a number beyond the range of a double (about 1.8e308)"],
        ];
        for (const [text, line, column, problem] of cases) {
            for (const size of [1, 1 << 20]) {
                assert.throws(
                    () => chunked(text, size),
                    (e: unknown) => e instanceof JsonReadError && e.line === line && e.column === column && e.problem === problem,
                    `${text} in chunks of ${size}`,
                );
            }
        }
        assert.throws(() => parseJsonText("  \n "), (e: unknown) => e instanceof JsonReadError && e.kind === "empty");
    });
    it("hands each value near the root to revive, children first, and keeps what it returns", () => {
        const seen: string[] = [];
        const doc = parseJsonText('{"resources":[{"urn":"a"},{"urn":"b"}],"stage":"growth"}', {
            reviveDepth: 2,
            revive: (p, v) => {
                seen.push(p.join("."));
                return p.length === 2 && typeof v === "object" && v !== null && "urn" in v ? `converted ${String(v.urn)}` : v;
            },
        });
        assert.deepStrictEqual(doc, { resources: ["converted a", "converted b"], stage: "growth" });
        assert.deepStrictEqual(seen, ["resources.0", "resources.1", "resources", "stage", ""]);
    });
});
