// Writes the `config:` block of Pulumi.yaml and docs/CONFIG.md from the one config declaration
// (components/model/schema.ts) and the stage presets. `npm run config-docs`; `-- --check` exits 1
// when a committed file differs from what would be written (tests/tools/config-docs.test.ts runs
// the same comparison).

import * as fs from "fs";
import * as path from "path";

import { renderConfigDoc, withProjectConfig } from "./lib/config-docs";
import { ROOT } from "./lib/stackfiles";

export const GENERATED = [
    { file: path.join(ROOT, "Pulumi.yaml"), render: (current: string): string => withProjectConfig(current) },
    { file: path.join(ROOT, "docs", "CONFIG.md"), render: (): string => renderConfigDoc() },
];

function main(argv: readonly string[]): number {
    const check = argv.includes("--check");
    let stale = 0;
    for (const g of GENERATED) {
        const current = fs.existsSync(g.file) ? fs.readFileSync(g.file, "utf8") : "";
        const next = g.render(current);
        if (next === current) continue;
        stale++;
        if (check) process.stderr.write(`${path.relative(ROOT, g.file)} is out of date: run npm run config-docs\n`);
        else fs.writeFileSync(g.file, next);
    }
    return check && stale > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
