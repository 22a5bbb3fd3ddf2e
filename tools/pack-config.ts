// Writes policies/config/<stage>.json from the policies: `npm run pack-config`.

import * as fs from "fs";
import * as path from "path";

import { POLICIES } from "../policies/all";
import { FLOW_CONNECTED } from "../policies/flows/finding";
import { packConfigFor } from "../policies/lib/pack-config";
import { STAGES } from "../policies/lib/stage";
import { ROOT } from "./lib/stackfiles";

export function packConfigText(stage: (typeof STAGES)[number]): string {
    return `${JSON.stringify(packConfigFor([...POLICIES, FLOW_CONNECTED], stage), null, 2)}\n`;
}

if (require.main === module) {
    for (const stage of STAGES) {
        const file = path.join(ROOT, "policies", "config", `${stage}.json`);
        fs.writeFileSync(file, packConfigText(stage));
        process.stdout.write(`wrote ${path.relative(ROOT, file)}\n`);
    }
}
