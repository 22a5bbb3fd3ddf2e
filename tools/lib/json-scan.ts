// A strict, streaming JSON reader (RFC 8259) for the gate's inputs. One pass over the bytes builds
// the values and rejects, with line and column, what JSON.parse would take or say badly:
// - a key given twice in one object (JSON.parse keeps the last value without a word, which can
//   change a verdict);
// - a syntax error, named by what was expected there, never by the text around it (JSON.parse's
//   message quotes that text, which may be a secret);
// - a byte order mark, and a number beyond the range of a double (JSON.parse makes it Infinity).
// The file is read in chunks and never held whole; a `revive` callback sees each completed value
// near the top of the document and returns what to keep in its place (check converts each resource
// as soon as its last byte is read, so the raw document is never held either). No recursion: time
// and stack are linear in the input whatever its nesting.

import { isUtf8 } from "buffer";
import * as fs from "fs";

/** What is wrong with a JSON text and where. */
export interface JsonProblem {
    /** 1-based line. */
    readonly line: number;
    /** 1-based column, in characters (a multi-byte UTF-8 character counts once). */
    readonly column: number;
    /** "duplicate key <key> in <path>" or what the reader expected there; never the surrounding text. */
    readonly message: string;
}

/** Why a JSON text was rejected: `empty` (nothing but white space), `duplicate` (a key given twice) or `syntax`. */
export class JsonReadError extends Error implements JsonProblem {
    constructor(
        readonly kind: "empty" | "duplicate" | "syntax",
        readonly line: number,
        readonly column: number,
        readonly problem: string,
        /** Whether the text starts (after white space) with ">", as npm's script banner does. */
        readonly startsWithBanner: boolean,
    ) {
        super(`${problem} at line ${line}, column ${column}`);
    }
}

/** Where a value sits: the keys and list indices from the document's root. */
export type JsonPath = readonly (string | number)[];

export interface JsonReadOptions {
    /**
     * Called with every completed value whose path is at most `reviveDepth` long (the root has the
     * empty path), children before their parent; its return value takes the value's place.
     */
    readonly revive?: (path: JsonPath, value: unknown) => unknown;
    /** Defaults to 0 (only the root). */
    readonly reviveDepth?: number;
}

type Frame = { readonly kind: "object"; readonly value: Record<string, unknown>; key: string } | { readonly kind: "array"; readonly value: unknown[] };

// what the next token may be
const VALUE = 0; // a value
const FIRST_VALUE = 1; // a value or "]" right after "["
const KEY = 2; // a key
const FIRST_KEY = 3; // a key or "}" right after "{"
const COLON = 4;
const AFTER = 5; // "," or a close, or the end after the root

/** Returned by a token reader when the token runs past the bytes read so far. */
const MORE = -1;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** The path of the value a frame stack points at: `config["live-commerce:stage"]`, `steps[0].newState`. */
function pathText(stack: readonly Frame[]): string {
    return stack
        .map((f, i) => (f.kind === "array" ? `[${f.value.length}]` : IDENTIFIER.test(f.key) ? `${i === 0 ? "" : "."}${f.key}` : `[${JSON.stringify(f.key)}]`))
        .join("");
}

/** Whether bytes [from, to) hold a byte >= 0x80 (a lead byte not followed by continuation bytes counts too). */
function hasHighByte(buf: Buffer, from: number, to: number): boolean {
    for (let k = from; k < to; k++) if (buf[k] >= 0x80) return true;
    return false;
}

function isDigit(b: number): boolean {
    return b >= 0x30 && b <= 0x39;
}

/**
 * The incremental reader: `push` chunks of bytes, then `end()` for the value. A token cut by a
 * chunk's end is kept and read again with the next chunk (amortised linear: the caller reads at
 * least as many bytes as are pending).
 */
export class StrictJsonReader {
    private buf: Buffer = Buffer.alloc(0);
    private pos = 0;
    /** Absolute offset of buf[0]. */
    private base = 0;
    private line = 1;
    /** Absolute offset of the current line's first byte. */
    private lineStart = 0;
    /** UTF-8 continuation bytes of the current line before `pos` (a character counts once in a column). */
    private wide = 0;
    private expect = VALUE;
    private readonly stack: Frame[] = [];
    private root: unknown = undefined;
    private seenToken = false;
    private banner = false;
    private readonly reviveDepth: number;

    constructor(private readonly options: JsonReadOptions = {}) {
        this.reviveDepth = options.revive === undefined ? -1 : (options.reviveDepth ?? 0);
    }

    /** Bytes waiting for the rest of their token. */
    get pending(): number {
        return this.buf.length - this.pos;
    }

    push(chunk: Buffer): void {
        this.buf = this.pos >= this.buf.length ? chunk : Buffer.concat([this.buf.subarray(this.pos), chunk]);
        this.base += this.pos;
        this.pos = 0;
        this.run(false);
    }

    /** The document's value, or a JsonReadError. */
    end(): unknown {
        this.run(true);
        return this.root;
    }

    private fail(offset: number, message: string, kind: "duplicate" | "syntax" = "syntax"): never {
        const abs = this.base + offset;
        throw new JsonReadError(kind, this.line, abs - this.lineStart - this.wide + 1, message, this.banner);
    }

    private run(final: boolean): void {
        const buf = this.buf;
        const n = buf.length;
        for (;;) {
            let i = this.pos;
            while (i < n) {
                const b = buf[i];
                if (b === 0x20 || b === 0x09 || b === 0x0d) i++;
                else if (b === 0x0a) {
                    i++;
                    this.line++;
                    this.lineStart = this.base + i;
                    this.wide = 0;
                } else break;
            }
            this.pos = i;
            if (i >= n) {
                if (!final) return;
                if (this.stack.length === 0 && this.expect === AFTER) return;
                if (!this.seenToken) throw new JsonReadError("empty", this.line, 1, "no JSON value", false);
                this.fail(i, this.stack.length === 0 ? "no JSON value" : `the text ends inside ${this.stack[this.stack.length - 1].kind === "object" ? "an object" : "a list"}`);
            }
            if (!this.seenToken) {
                this.seenToken = true;
                this.banner = buf[i] === 0x3e;
                if (this.base + i === 0 && buf[i] === 0xef) this.fail(i, "a byte order mark before the JSON (save the file without it)");
                if (this.base + i === 0 && (buf[i] === 0xff || buf[i] === 0xfe)) this.fail(i, "a UTF-16 byte order mark (save the file as UTF-8: PowerShell's > writes UTF-16)");
            }
            const c = buf[i];
            const top = this.stack[this.stack.length - 1];
            switch (this.expect) {
                case AFTER:
                    if (top === undefined) this.fail(i, "text after the JSON value");
                    if (c === 0x2c) {
                        this.expect = top.kind === "object" ? KEY : VALUE;
                        this.pos = i + 1;
                    } else if ((c === 0x7d && top.kind === "object") || (c === 0x5d && top.kind === "array")) {
                        this.pos = i + 1;
                        this.stack.pop();
                        this.complete(top.value);
                    } else this.fail(i, top.kind === "object" ? 'expected "," or "}"' : 'expected "," or "]"');
                    continue;
                case COLON:
                    if (c !== 0x3a) this.fail(i, 'expected ":" after a key');
                    this.expect = VALUE;
                    this.pos = i + 1;
                    continue;
                case KEY:
                case FIRST_KEY: {
                    if (c === 0x7d && this.expect === FIRST_KEY && top !== undefined) {
                        this.pos = i + 1;
                        this.stack.pop();
                        this.complete(top.value);
                        continue;
                    }
                    if (c !== 0x22 || top === undefined || top.kind !== "object") this.fail(i, "expected a key in double quotes");
                    const key = this.string(i, final);
                    if (key === MORE) return;
                    if (Object.prototype.hasOwnProperty.call(top.value, key)) {
                        this.fail(i, `duplicate key ${JSON.stringify(key)}${this.stack.length > 1 ? ` in ${pathText(this.stack.slice(0, -1))}` : ""}`, "duplicate");
                    }
                    top.key = key;
                    this.expect = COLON;
                    continue;
                }
                default:
                    if (this.value(i, c, final) === MORE) return;
            }
        }
    }

    /** Reads the value starting at `i` (first byte `c`); MORE when it runs past the bytes read. */
    private value(i: number, c: number, final: boolean): number {
        if (c === 0x5d && this.expect === FIRST_VALUE) {
            const top = this.stack.pop();
            this.pos = i + 1;
            this.complete(top?.value);
            return 0;
        }
        if (c === 0x7b) {
            this.stack.push({ kind: "object", value: {}, key: "" });
            this.expect = FIRST_KEY;
            this.pos = i + 1;
            return 0;
        }
        if (c === 0x5b) {
            this.stack.push({ kind: "array", value: [] });
            this.expect = FIRST_VALUE;
            this.pos = i + 1;
            return 0;
        }
        if (c === 0x22) {
            const s = this.string(i, final);
            if (s === MORE) return MORE;
            this.complete(s);
            return 0;
        }
        if (c === 0x74 || c === 0x66 || c === 0x6e) {
            const word = c === 0x74 ? "true" : c === 0x66 ? "false" : "null";
            const have = Math.min(word.length, this.buf.length - i);
            for (let k = 0; k < have; k++) if (this.buf[i + k] !== word.charCodeAt(k)) this.fail(i, "expected a JSON value");
            if (have < word.length) {
                if (final) this.fail(i, "expected a JSON value");
                return MORE;
            }
            this.pos = i + word.length;
            this.complete(word === "true" ? true : word === "false" ? false : null);
            return 0;
        }
        const end = this.number(i, final);
        if (end === MORE) return MORE;
        const v = Number(this.buf.toString("latin1", i, end));
        if (!Number.isFinite(v)) this.fail(i, "a number beyond the range of a double (about 1.8e308)");
        this.pos = end;
        this.complete(v);
        return 0;
    }

    /** End offset of the longest JSON number at `i`, or MORE; a problem when there is none. */
    private number(i: number, final: boolean): number {
        const buf = this.buf;
        const n = buf.length;
        let j = i;
        if (buf[j] === 0x2d) j++;
        if (j >= n) {
            if (!final) return MORE;
            this.fail(i, "expected a JSON value");
        }
        if (buf[j] === 0x30) j++;
        else if (isDigit(buf[j])) while (j < n && isDigit(buf[j])) j++;
        else this.fail(i, "expected a JSON value");
        if (j >= n) return final ? j : MORE;
        // a fraction or exponent only counts when complete, as the grammar's longest valid prefix
        if (buf[j] === 0x2e) {
            if (j + 1 >= n) return final ? j : MORE;
            if (isDigit(buf[j + 1])) {
                j += 2;
                while (j < n && isDigit(buf[j])) j++;
                if (j >= n) return final ? j : MORE;
            }
        }
        if (buf[j] === 0x65 || buf[j] === 0x45) {
            let k = j + 1;
            if (k < n && (buf[k] === 0x2b || buf[k] === 0x2d)) k++;
            if (k >= n) return final ? j : MORE;
            if (isDigit(buf[k])) {
                while (k < n && isDigit(buf[k])) k++;
                if (k >= n) return final ? k : MORE;
                j = k;
            }
        }
        return j;
    }

    /** The string starting at `i` (its opening quote), decoded; `pos` moves past it. MORE when it is not closed yet. */
    private string(i: number, final: boolean): string | typeof MORE {
        const buf = this.buf;
        const n = buf.length;
        let j = i + 1;
        let escaped = false;
        let wide = 0;
        while (j < n) {
            const b = buf[j];
            if (b === 0x22) break;
            if (b < 0x20) this.fail(j, "a control character inside a string (escape it)");
            if (b === 0x5c) {
                escaped = true;
                if (j + 1 >= n) {
                    j = n;
                    break;
                }
                const e = buf[j + 1];
                if (e === 0x75) {
                    if (j + 5 >= n) {
                        j = n;
                        break;
                    }
                    for (let k = j + 2; k < j + 6; k++) {
                        const h = buf[k] | 0x20;
                        if (!(isDigit(buf[k]) || (h >= 0x61 && h <= 0x66))) this.fail(j, "a \\u escape needs four hex digits");
                    }
                    j += 6;
                } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) j += 2;
                else this.fail(j, "an invalid escape in a string");
                continue;
            }
            if (b >= 0x80 && b < 0xc0) wide++;
            j++;
        }
        if (j >= n) {
            if (final) this.fail(i, "a string that is never closed");
            return MORE;
        }
        // RFC 8259 8.1: JSON text is UTF-8; a byte sequence that is not would be replaced without a word
        if ((wide > 0 || hasHighByte(buf, i + 1, j)) && !isUtf8(buf.subarray(i + 1, j))) this.fail(i, "a string that is not valid UTF-8 (save the file as UTF-8)");
        // a fresh string (never a slice of the chunk, which would keep the chunk alive)
        const s = escaped ? String(JSON.parse(buf.toString("utf8", i, j + 1))) : buf.toString("utf8", i + 1, j);
        this.wide += wide;
        this.pos = j + 1;
        return s;
    }

    /** Stores a completed value in its parent (or as the root), revived where its path asks for it. */
    private complete(v: unknown): void {
        const depth = this.stack.length;
        const value = depth <= this.reviveDepth && this.options.revive !== undefined ? this.options.revive(this.path(), v) : v;
        const top = this.stack[depth - 1];
        if (top === undefined) this.root = value;
        else if (top.kind === "array") top.value.push(value);
        else if (top.key === "__proto__") Object.defineProperty(top.value, "__proto__", { value, enumerable: true, writable: true, configurable: true });
        else top.value[top.key] = value;
        this.expect = AFTER;
    }

    private path(): JsonPath {
        return this.stack.map((f) => (f.kind === "array" ? f.value.length : f.key));
    }
}

/** Bytes read per chunk (more when a single token is longer). */
const CHUNK = 1 << 20;

/** Reads a JSON file strictly, in chunks (see StrictJsonReader); throws JsonReadError. */
export function readJsonFile(file: string, options: JsonReadOptions = {}): unknown {
    const reader = new StrictJsonReader(options);
    const fd = fs.openSync(file, "r");
    try {
        for (;;) {
            const chunk = Buffer.allocUnsafe(Math.max(CHUNK, reader.pending));
            const read = fs.readSync(fd, chunk, 0, chunk.length, null);
            if (read === 0) break;
            reader.push(chunk.subarray(0, read));
        }
    } finally {
        fs.closeSync(fd);
    }
    return reader.end();
}

/** Parses a JSON text strictly (see StrictJsonReader); throws JsonReadError. */
export function parseJsonText(text: string, options: JsonReadOptions = {}): unknown {
    const reader = new StrictJsonReader(options);
    reader.push(Buffer.from(text, "utf8"));
    return reader.end();
}
