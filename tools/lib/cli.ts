// Shared entry point of the command-line tools.

/**
 * Runs `main` and exits with its code once stdout is flushed (a large report piped to another
 * program must arrive whole); an unexpected error prints its stack and exits 1.
 */
export function runCli(main: () => Promise<number>): void {
    main().then(
        (code) => process.stdout.write("", () => process.exit(code)),
        (e: unknown) => {
            process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
            process.exit(1);
        },
    );
}
