// Benchmark of what users wait for: the offline plan of each stack and of all stacks, run the way the
// README runs them (`npm run -s plan -- ...`, npm's own start included), against the floor of merely
// loading the SDK modules those plans load; and the test suite's wall time.
//
//   npm run bench [-- --runs 3] [--skip-tests] [--skip-check]
//
// `check` rows: `npm run -s check` of a `pulumi stack export` of 2, 20 and 200 MB, made of copies of
// the growth-aws plan's resources with distinct URNs and ids (tools/lib/replicate.ts). Targets: time
// linear in the input (200 MB well under a minute) and peak memory a small multiple of it; they
// have no floor.
//
// Rows: each stack; the six stacks of the growth-stage matrix (startup, growth, mature x alicloud,
// aws) planned in one process, the figure issue 10 sets a 3 s target for; and every stack (--all).
// Every figure is the median of --runs fresh processes (default 3, at least 1): wall time, and CPU
// time (user + system, of every node process of the run, npm's too), which a machine shared with
// other work slows far less than the wall time. The floor of a row is a bare `node` that requires
// every @pulumi/* module file that row's plan loaded (the runtime, the resource classes the program
// declares, the providers and the policy SDK), in the order they loaded, as issue 10 defines it:
// plain node, without the plan's code cache and deferred modules (tools/preload.cjs), which let a
// plan load in less time than its floor. Peak memory is the largest resident set of any node
// process of the row (npm's too). The test suite runs once.

import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { writeLargeExport } from "./lib/replicate";
import { isRecord, str } from "../policies/lib/values";
import { ROOT, listStacks } from "./lib/stackfiles";

interface Sample {
    readonly wallMs: number;
    /** User plus system CPU time of every node process of the run. */
    readonly cpuMs: number;
    readonly maxRssMiB: number;
}

/** A row of the table: what was run, its median sample and the median of its floor. */
interface Row extends Sample {
    readonly name: string;
    /** The floor of the row: loading the SDK modules its plans load; undefined for the test suite. */
    readonly floor?: Sample;
}

/**
 * A script preloaded into every node process of a sample (through NODE_OPTIONS): at exit it appends
 * the process's peak resident set (KiB), its CPU time (user and system, microseconds) and, when
 * asked, the @pulumi/* module files it loaded.
 */
const PROBE = `
const fs = require("fs");
const { isMainThread } = require("worker_threads");
process.on("exit", () => {
    const out = process.env.LC_BENCH_OUT;
    if (!out) return;
    const modules = process.env.LC_BENCH_MODULES === "1"
        ? Object.keys(require.cache).filter((f) => /[\\\\/]node_modules[\\\\/]@pulumi[\\\\/]/.test(f))
        : [];
    // A worker thread (the plan's planning threads) reports only the modules it loaded: resource
    // usage is the whole process's, which its main thread reports once.
    const usage = isMainThread ? process.resourceUsage() : { maxRSS: 0, userCPUTime: 0, systemCPUTime: 0 };
    fs.appendFileSync(out, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime, modules }) + "\\n");
});
`;

interface ProbeLine {
    readonly maxRssKiB: number;
    readonly cpuMicros: number;
    readonly modules: readonly string[];
}

function isProbeLine(v: unknown): v is ProbeLine {
    return (
        typeof v === "object" &&
        v !== null &&
        "maxRssKiB" in v &&
        typeof v.maxRssKiB === "number" &&
        "cpuMicros" in v &&
        typeof v.cpuMicros === "number" &&
        "modules" in v &&
        Array.isArray(v.modules)
    );
}

class Bench {
    private readonly dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-bench-"));
    private readonly probe = path.join(this.dir, "probe.cjs");
    private runs = 0;

    constructor() {
        fs.writeFileSync(this.probe, PROBE);
    }

    /** Runs a command once under the probe; returns its wall and CPU time, peak memory and loaded SDK modules. */
    run(command: string, args: readonly string[], modules = false, completed: (status: number | null, stdout: string) => boolean = (status) => status === 0): Sample & { readonly modules: readonly string[] } {
        const out = path.join(this.dir, `run-${this.runs++}.jsonl`);
        const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${this.probe}`.trim(), LC_BENCH_OUT: out, LC_BENCH_MODULES: modules ? "1" : "0" };
        const started = process.hrtime.bigint();
        const r = spawnSync(command, args, { cwd: ROOT, env, encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        if (!completed(r.status, r.stdout)) throw new Error(`${command} ${args.join(" ")} failed (exit ${r.status}): a failed run is no figure\n${r.stderr.slice(-2000)}`);
        const lines = fs.existsSync(out)
            ? fs
                  .readFileSync(out, "utf8")
                  .split("\n")
                  .filter((l) => l !== "")
                  .map((l): unknown => JSON.parse(l))
                  .filter(isProbeLine)
            : [];
        return { wallMs, cpuMs: lines.reduce((sum, l) => sum + l.cpuMicros, 0) / 1000, maxRssMiB: Math.max(0, ...lines.map((l) => l.maxRssKiB)) / 1024, modules: lines.flatMap((l) => l.modules) };
    }

    /** Writes a file into the benchmark's scratch folder and returns its path. */
    file(name: string, text: string): string {
        const f = path.join(this.dir, name);
        fs.writeFileSync(f, text);
        return f;
    }

    cleanup(): void {
        fs.rmSync(this.dir, { recursive: true, force: true });
    }
}

/**
 * Whether a plan run completed: exit 0, or exit 1 (a mandatory finding) with the whole JSON plan
 * on stdout. A crash also exits 1, but prints no plan.
 */
export function planCompleted(status: number | null, stdout: string): boolean {
    if (status === 0) return true;
    if (status !== 1) return false;
    try {
        const doc: unknown = JSON.parse(stdout);
        const plans: unknown[] = Array.isArray(doc) ? doc : [doc];
        return plans.length > 0 && plans.every((p) => typeof p === "object" && p !== null && "resources" in p && Array.isArray(p.resources));
    } catch {
        return false;
    }
}

export function median(values: readonly number[]): number {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measure(runs: number, sample: () => Sample): Sample {
    const samples = Array.from({ length: runs }, sample);
    return { wallMs: median(samples.map((s) => s.wallMs)), cpuMs: median(samples.map((s) => s.cpuMs)), maxRssMiB: Math.max(...samples.map((s) => s.maxRssMiB)) };
}

/** The node script of the floor: require each module file, in load order. */
export function floorScript(modules: readonly string[]): string {
    return modules.map((m) => `require(${JSON.stringify(m)});`).join("\n");
}

export interface BenchArgs {
    readonly runs: number;
    readonly tests: boolean;
    /** The `check` rows on large exports. */
    readonly check: boolean;
}

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
    const i = argv.indexOf("--runs");
    const runs = i >= 0 ? Math.max(1, Math.floor(Number(argv[i + 1])) || 1) : 3;
    return { runs, tests: !argv.includes("--skip-tests"), check: !argv.includes("--skip-check") };
}

/** Sizes of the generated exports the `check` rows read, in MB (10^6 bytes). */
export const CHECK_SIZES_MB: readonly number[] = [2, 20, 200];

/** Whether a check run completed: exit 0 or 1 (a finding) with its report written. */
function checkCompleted(out: string): (status: number | null) => boolean {
    return (status) => (status === 0 || status === 1) && fs.existsSync(out) && fs.statSync(out).size > 0;
}

export function renderRows(runs: number, rows: readonly Row[]): string {
    const ms = (v: number | undefined): string => (v === undefined ? "-" : `${v.toFixed(0)} ms`);
    const line = (r: Row): string =>
        `${r.name.padEnd(34)} ${ms(r.wallMs).padStart(10)} ${ms(r.cpuMs).padStart(10)} ${ms(r.floor?.wallMs).padStart(10)} ${(r.floor ? (r.wallMs / r.floor.wallMs).toFixed(2) : "-").padStart(8)} ${`${r.maxRssMiB.toFixed(0)} MiB`.padStart(10)}`;
    return [
        `benchmark: median of ${runs} fresh process(es) per figure (node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)})`,
        `${"".padEnd(34)} ${"wall".padStart(10)} ${"cpu".padStart(10)} ${"floor".padStart(10)} ${"x floor".padStart(8)} ${"peak RSS".padStart(10)}`,
        ...rows.map(line),
        "",
    ].join("\n");
}

/**
 * The six stacks of the growth-stage matrix (startup, growth, mature x alicloud, aws) among
 * `stacks`, in matrix order: those issue 10's "all six stacks in one process" names. Variants such
 * as growth-aws-serverless are not among them.
 */
export function matrixStacks(stacks: readonly string[]): string[] {
    const matrix = ["startup", "growth", "mature"].flatMap((stage) => ["alicloud", "aws"].map((cloud) => `${stage}-${cloud}`));
    return matrix.filter((s) => stacks.includes(s));
}

function main(): void {
    const args = parseBenchArgs(process.argv.slice(2));
    const bench = new Bench();
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const planArgs = (target: readonly string[]): string[] => ["run", "-s", "plan", "--", ...target, "--format", "json"];
    /** A plan row: a warm-up run records the SDK modules it loads (and builds bin/ if needed), then plan and floor are timed. */
    const planRow = (name: string, target: readonly string[]): Row => {
        const modules = [...new Set(bench.run(npm, planArgs(target), true, planCompleted).modules)];
        const floorFile = bench.file(`floor-${name.replace(/[^a-z0-9-]/gi, "_")}.cjs`, floorScript(modules));
        const floor = measure(args.runs, () => bench.run(process.execPath, [floorFile]));
        return { name, floor, ...measure(args.runs, () => bench.run(npm, planArgs(target), false, planCompleted)) };
    };
    try {
        const stacks = listStacks();
        const six = matrixStacks(stacks);
        const rows: Row[] = [
            ...stacks.map((stack) => planRow(stack, ["--stack", stack])),
            planRow(`${six.length} matrix stacks, one process`, six.flatMap((stack) => ["--stack", stack])),
            planRow(`all ${stacks.length} stacks (--all)`, ["--all"]),
        ];
        if (args.check) {
            const planFile = bench.file("growth-aws.json", "");
            bench.run(npm, ["run", "-s", "plan", "--", "--stack", "growth-aws", "--format", "json", "--out", planFile], false, checkCompleted(planFile));
            const doc: unknown = JSON.parse(fs.readFileSync(planFile, "utf8"));
            if (!isRecord(doc) || !Array.isArray(doc.resources)) throw new Error(`${planFile}: not a plan`);
            const plan = { stack: str(doc.stack) ?? "growth-aws", stage: str(doc.stage) ?? "growth", cloud: str(doc.cloud) ?? "aws", resources: doc.resources };
            for (const mb of CHECK_SIZES_MB) {
                const input = bench.file(`export-${mb}mb.json`, "");
                writeLargeExport(input, plan, mb * 1e6);
                const out = `${input}.report.json`;
                rows.push({ name: `check ${mb} MB export`, ...measure(args.runs, () => bench.run(npm, ["run", "-s", "check", "--", "--from", input, "--output", "json", "--out", out], false, checkCompleted(out))) });
                fs.rmSync(input);
            }
        }
        if (args.tests) rows.push({ name: "npm test (type-check + mocha)", ...bench.run(npm, ["test", "--silent"]) });
        process.stdout.write(renderRows(args.runs, rows));
    } finally {
        bench.cleanup();
    }
}

if (require.main === module) main();
