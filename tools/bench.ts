// Benchmark of the offline plan: each stack's plan against the floor of merely loading the
// provider SDK modules the program uses, each in a fresh process, in one run.
//
//   npm run bench [-- --runs 3]
//
// Prints per stack the median wall time, its ratio to the floor and the peak resident memory.

import { spawnSync } from "child_process";
import * as path from "path";

import { ROOT, listStacks } from "./lib/stackfiles";

/** The modules the program loads; loading them is the floor no plan can beat. */
export const SDK_MODULES = ["@pulumi/pulumi", "@pulumi/alicloud", "@pulumi/aws", "@pulumi/kubernetes", "@pulumi/random"];

interface Sample {
    readonly wallMs: number;
    readonly maxRssMiB: number;
}

const REPORT = "process.stdout.write('\\n' + JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }))";

function runNode(args: string[]): Sample {
    const started = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (r.status !== 0) throw new Error(`${args.join(" ")} failed (${r.status}): ${r.stderr}`);
    const last = r.stdout.trimEnd().split("\n").pop() ?? "";
    const parsed: unknown = JSON.parse(last);
    const kib = typeof parsed === "object" && parsed !== null && "maxRssKiB" in parsed && typeof parsed.maxRssKiB === "number" ? parsed.maxRssKiB : NaN;
    return { wallMs, maxRssMiB: kib / 1024 };
}

function floorSample(): Sample {
    return runNode(["-e", `${SDK_MODULES.map((m) => `require(${JSON.stringify(m)});`).join(" ")} ${REPORT}`]);
}

function planSample(stack: string): Sample {
    const script = [
        "require('ts-node').register({ transpileOnly: true });",
        `require(${JSON.stringify(path.join(ROOT, "tools", "lib", "record.ts"))}).planStack(${JSON.stringify(stack)})`,
        `.then(() => { ${REPORT}; }, (e) => { console.error(e); process.exit(1); });`,
    ].join("\n");
    return runNode(["-e", script]);
}

export function median(values: readonly number[]): number {
    const s = [...values].sort((a, b) => a - b);
    const mid = Math.floor(s.length / 2);
    return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

function measure(runs: number, sample: () => Sample): Sample {
    const samples = Array.from({ length: runs }, sample);
    return { wallMs: median(samples.map((s) => s.wallMs)), maxRssMiB: Math.max(...samples.map((s) => s.maxRssMiB)) };
}

function main(): void {
    const i = process.argv.indexOf("--runs");
    const runs = i >= 0 ? Math.max(1, Number(process.argv[i + 1]) || 1) : 3;
    const floor = measure(runs, floorSample);
    const rows = listStacks().map((stack) => ({ stack, ...measure(runs, () => planSample(stack)) }));
    const line = (name: string, s: Sample, ratio: string): string =>
        `${name.padEnd(18)} ${s.wallMs.toFixed(0).padStart(8)} ms ${ratio.padStart(8)} ${s.maxRssMiB.toFixed(0).padStart(8)} MiB`;
    process.stdout.write(
        [
            `offline plan benchmark: median of ${runs} run(s) per row, each in a fresh process (node ${process.version})`,
            `${"".padEnd(18)} ${"wall".padStart(11)} ${"x floor".padStart(8)} ${"peak RSS".padStart(12)}`,
            line("floor (load SDKs)", floor, "1.00"),
            ...rows.map((r) => line(r.stack, r, (r.wallMs / floor.wallMs).toFixed(2))),
            "",
        ].join("\n"),
    );
}

if (require.main === module) main();
