// `npm test`: the type-check (`tsc`, strict, which also writes the declarations in dist/) runs on
// one core while the build (tools/build.cjs) and mocha run on the other, instead of one after the
// other. The command fails when either fails. tsc's output is printed once mocha has finished, so
// it does not interleave with the test report.
//
// One test needs tsc's output: tests/examples.test.ts type-checks examples/live-shop against the
// declarations in dist/. The runner tells it where tsc's exit status will be written
// (LC_DECLARATIONS_STATUS, a file that appears when tsc exits); that test waits for it before its
// own type-check. Run on its own (`npx mocha ...`), the variable is unset and the test reads dist/
// as it is. Its file runs after every other test file (AFTER_TSC): mocha runs one test at a time, so
// a wait for tsc early in the run would leave a core idle while tsc finishes.
//
//   node tools/test.cjs [mocha arguments]   (npm test [-- mocha arguments])
//
// Written in plain JavaScript because it runs before anything is compiled.
"use strict";

const { spawn, spawnSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");
const TESTS = "bin/tests";
/** Test files that wait for tsc (LC_DECLARATIONS_STATUS): run last, root-relative. */
const AFTER_TSC = ["bin/tests/examples.test.js"];

/**
 * Every compiled test file (bin/tests/**\/*.test.js), root-relative, sorted, those of AFTER_TSC
 * last.
 */
function testFiles() {
    const found = [];
    const walk = (dir) => {
        for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
            const rel = `${dir}/${e.name}`;
            if (e.isDirectory()) walk(rel);
            else if (e.name.endsWith(".test.js")) found.push(rel);
        }
    };
    walk(TESTS);
    found.sort();
    return [...found.filter((f) => !AFTER_TSC.includes(f)), ...found.filter((f) => AFTER_TSC.includes(f))];
}

/** Runs `args` under this Node, resolving with its exit status (1 when it could not start or was killed). */
function run(args, options) {
    return new Promise((resolve) => {
        const child = spawn(process.execPath, args, { cwd: ROOT, ...options });
        child.on("error", (e) => {
            process.stderr.write(`${args.join(" ")}: ${e.message}\n`);
            resolve(1);
        });
        child.on("close", (status) => resolve(status === null ? 1 : status));
    });
}

/** `tsc` (tsconfig.json), its output kept; writes its exit status to `statusFile` when it exits. */
function typeCheck(statusFile) {
    let output = "";
    const collect = (d) => (output += d.toString());
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [require.resolve("typescript/bin/tsc")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        const done = (status) => {
            // written whole, then renamed: a reader never sees a partial file
            fs.writeFileSync(`${statusFile}.tmp`, String(status));
            fs.renameSync(`${statusFile}.tmp`, statusFile);
            resolve({ status, output });
        };
        child.on("error", (e) => {
            output += `${e.message}\n`;
            done(1);
        });
        child.on("close", (status) => done(status === null ? 1 : status));
    });
}

async function main() {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-test-"));
    const statusFile = path.join(dir, "tsc-status");
    try {
        const tsc = typeCheck(statusFile);
        const build = spawnSync(process.execPath, [path.join(__dirname, "build.cjs")], { cwd: ROOT, stdio: "inherit" });
        const mocha =
            build.status === 0
                ? await run([require.resolve("mocha/bin/mocha.js"), ...testFiles(), ...process.argv.slice(2)], {
                      stdio: "inherit",
                      env: { ...process.env, LC_DECLARATIONS_STATUS: statusFile },
                  })
                : 1;
        const checked = await tsc;
        if (checked.output !== "") process.stdout.write(checked.output);
        process.stdout.write(`type-check (tsc): ${checked.status === 0 ? "passed" : `failed (exit ${checked.status})`}\n`);
        if (build.status !== 0) process.stdout.write(`build (tools/build.cjs): failed (exit ${build.status})\n`);
        return checked.status === 0 && build.status === 0 && mocha === 0 ? 0 : 1;
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

main().then(
    (code) => process.exit(code),
    (e) => {
        process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
        process.exit(1);
    },
);
