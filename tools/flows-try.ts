import * as fs from "fs";
import { analyzeFlows } from "../policies/flows/analyze";
for (const s of process.argv.slice(2)) {
  const p = JSON.parse(fs.readFileSync(`/tmp/flows-${s}.json`, "utf8"));
  for (const f of analyzeFlows(p.resources)) console.log(s, f.region, f.key, f.status, f.hops.length, f.broken ? `${f.broken.hop}: ${f.broken.reason}` : "");
}
