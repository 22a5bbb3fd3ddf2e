// A strict, iterative check of JSON text (RFC 8259) run before JSON.parse, for the two things
// JSON.parse does not say well: a key given twice in one object (JSON.parse keeps the last value
// without a word, which can change a verdict), and where a syntax error is (JSON.parse's message
// quotes the text around it, which may be a secret). One pass, no recursion: time and stack stay
// linear in the text's size whatever its nesting.

/** What is wrong with a JSON text and where (1-based line and column, in UTF-16 code units). */
export interface JsonProblem {
    readonly line: number;
    readonly column: number;
    /** "duplicate key <path>" or what the parser expected there; never the surrounding text. */
    readonly message: string;
}

type Frame = { readonly kind: "object"; readonly keys: Set<string>; key: string } | { readonly kind: "array"; index: number };

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** The path of the value a frame stack points at: `config["live-commerce:stage"]`, `steps[0].newState`. */
function pathOf(stack: readonly Frame[]): string {
    return stack
        .map((f, i) => (f.kind === "array" ? `[${f.index}]` : IDENTIFIER.test(f.key) ? `${i === 0 ? "" : "."}${f.key}` : `[${JSON.stringify(f.key)}]`))
        .join("");
}

function position(text: string, offset: number, message: string): JsonProblem {
    let line = 1;
    let start = 0;
    for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
        line++;
        start = i + 1;
    }
    return { line, column: offset - start + 1, message };
}

/** End offset (after the closing quote) of the string starting at `at`, or a problem. */
function scanString(text: string, at: number): number | JsonProblem {
    let i = at + 1;
    while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return i + 1;
        if (c < 0x20) return position(text, i, "a control character inside a string (escape it)");
        if (c === 0x5c) {
            const e = text[i + 1];
            if (e === "u") {
                if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return position(text, i, "a \\u escape needs four hex digits");
                i += 6;
            } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
            else return position(text, i, "an invalid escape in a string");
        } else i++;
    }
    return position(text, at, "a string that is never closed");
}

/**
 * The first problem of a JSON text (syntax error or duplicate key), or undefined when it is strict
 * JSON with unique keys in every object. A byte order mark or trailing text is a problem too.
 */
export function scanJson(text: string): JsonProblem | undefined {
    const stack: Frame[] = [];
    // what the next token may be: a value, an object key (or "}" right after "{"), ":", or "," / close
    let expect: "value" | "first-value" | "key" | "first-key" | "colon" | "after" = "value";
    let i = 0;
    const n = text.length;
    for (;;) {
        while (i < n && (text[i] === " " || text[i] === "\t" || text[i] === "\n" || text[i] === "\r")) i++;
        if (i >= n) {
            if (stack.length === 0 && expect === "after") return undefined;
            return position(text, n, stack.length === 0 ? "no JSON value" : `the text ends inside ${stack[stack.length - 1].kind === "object" ? "an object" : "a list"}`);
        }
        const c = text[i];
        const top = stack[stack.length - 1];
        if (expect === "after") {
            if (top === undefined) return position(text, i, "text after the JSON value");
            if (c === ",") {
                if (top.kind === "array") top.index++;
                expect = top.kind === "object" ? "key" : "value";
                i++;
            } else if ((c === "}" && top.kind === "object") || (c === "]" && top.kind === "array")) {
                stack.pop();
                i++;
            } else return position(text, i, top.kind === "object" ? 'expected "," or "}"' : 'expected "," or "]"');
            continue;
        }
        if (expect === "colon") {
            if (c !== ":") return position(text, i, 'expected ":" after a key');
            expect = "value";
            i++;
            continue;
        }
        if (expect === "key" || expect === "first-key") {
            if (c === "}" && expect === "first-key") {
                stack.pop();
                expect = "after";
                i++;
                continue;
            }
            if (c !== '"' || top === undefined || top.kind !== "object") return position(text, i, 'expected a key in double quotes');
            const end = scanString(text, i);
            if (typeof end !== "number") return end;
            const raw = text.slice(i + 1, end - 1);
            const key = raw.includes("\\") ? String(JSON.parse(text.slice(i, end))) : raw;
            top.key = key;
            if (top.keys.has(key)) return position(text, i, `duplicate key ${JSON.stringify(key)}${stack.length > 1 ? ` in ${pathOf(stack.slice(0, -1))}` : ""}`);
            top.keys.add(key);
            expect = "colon";
            i = end;
            continue;
        }
        // a value
        if (c === "]" && expect === "first-value") {
            stack.pop();
            expect = "after";
            i++;
        } else if (c === "{") {
            stack.push({ kind: "object", keys: new Set(), key: "" });
            expect = "first-key";
            i++;
        } else if (c === "[") {
            stack.push({ kind: "array", index: 0 });
            expect = "first-value";
            i++;
        } else if (c === '"') {
            const end = scanString(text, i);
            if (typeof end !== "number") return end;
            i = end;
            expect = "after";
        } else if (text.startsWith("true", i) || text.startsWith("null", i)) {
            i += 4;
            expect = "after";
        } else if (text.startsWith("false", i)) {
            i += 5;
            expect = "after";
        } else {
            NUMBER.lastIndex = i;
            const m = NUMBER.exec(text);
            if (m === null || m[0] === "" || m[0] === "-") return position(text, i, c === "\uFEFF" ? "a byte order mark before the JSON (save the file without it)" : "expected a JSON value");
            i += m[0].length;
            expect = "after";
        }
    }
}
