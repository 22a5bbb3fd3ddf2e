// Shared entry point of the command-line tools.

import { spawnSync } from "child_process";

import { STACK_TRACES_ENV } from "./stack-traces";

/**
 * Runs `main` and exits with its code once stdout is flushed (a large report piped to another
 * program must arrive whole). An unexpected error (a rejection of `main`, an unhandled rejection
 * or exception, e.g. thrown inside an `apply`) runs the same command once more with stack traces
 * and source maps on (`STACK_TRACES_ENV`), so the crash prints where it happened in the
 * TypeScript sources; then exits 1.
 */
export function runCli(main: () => Promise<number>): void {
    let crashed = false;
    const crash = (e: unknown): void => {
        if (crashed) return;
        crashed = true;
        if (process.env[STACK_TRACES_ENV] !== "1") {
            const again = spawnSync(process.execPath, ["--enable-source-maps", ...process.execArgv, ...process.argv.slice(1)], { stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, [STACK_TRACES_ENV]: "1" } });
            if (again.status !== 0) process.exit(1);
        }
        process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
        process.exit(1);
    };
    process.on("unhandledRejection", crash);
    process.on("uncaughtException", crash);
    main().then((code) => process.stdout.write("", () => process.exit(code)), crash);
}
