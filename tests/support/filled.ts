// The shipped stacks with every placeholder setting filled in (components/model/placeholders.ts,
// missingSettings): a domain of the user's own, an uploaded certificate and the names it covers,
// alarm recipients, the app image (compute vm) and the service registry (kubernetes, serverless).
// Planned from a copy of stacks/ in a temporary folder.

import * as fs from "fs";
import * as yaml from "js-yaml";
import * as os from "os";
import * as path from "path";

import { StackSpec, parseConfigValues } from "../../components/model";
import { resolveSpec } from "../../components/profiles";
import { deepFreeze, isRecord } from "../../policies/lib/values";
import { Plan, planStack } from "../../tools/lib/record";
import { STACKS_DIR, listStacks, loadStackConfig } from "../../tools/lib/stackfiles";

/** A domain of the user's own (not reserved by RFC 2606). */
export const FILLED_DOMAIN = "shop.live-commerce.cn";

/** The settings a deployment of `spec` gives (`<key>` -> value, merged over the stack's own). */
export function filledSettings(spec: Pick<StackSpec, "cloud" | "compute">): Record<string, unknown> {
    const contacts = ["oncall@live-commerce.cn"];
    const ali = spec.cloud === "alicloud";
    const registry = ali ? "registry-vpc.cn-hangzhou.aliyuncs.com/live-commerce" : "123456789012.dkr.ecr.us-east-1.amazonaws.com/live-commerce";
    return {
        domain: FILLED_DOMAIN,
        ...(ali ? { tls: { certificateId: "12345678-cn-hangzhou", certificateNames: [FILLED_DOMAIN, `*.${FILLED_DOMAIN}`] } } : {}),
        monitoring: { contacts: { warning: contacts, critical: contacts, fatal: contacts } },
        ...(spec.compute === "vm" ? { app: { imageId: ali ? "m-bp1filledappimage0" : "ami-0123456789abcdef0" } } : {}),
        ...(spec.compute === "vm" ? {} : { kubernetes: { imageRegistry: registry, ...(ali && spec.compute === "kubernetes" ? { kubectlImage: `${registry}/kubectl:v1.31.0` } : {}) } }),
    };
}

/** Merges `over` into `base` key by key (objects deeply, everything else replaced). */
function merge(base: unknown, over: unknown): unknown {
    if (!isRecord(base) || !isRecord(over)) return over;
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) out[key] = merge(base[key], value);
    return out;
}

/** A copy of stacks/ whose stack files carry filledSettings; returns the folder. */
export function filledStacksDir(project: string = "live-commerce"): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-filled-"));
    for (const f of fs.readdirSync(STACKS_DIR)) fs.copyFileSync(path.join(STACKS_DIR, f), path.join(dir, f));
    for (const stack of listStacks()) {
        const spec = resolveSpec(parseConfigValues(loadStackConfig(stack), project), { now: new Date(), project });
        const file = path.join(dir, `Pulumi.${stack}.yaml`);
        const doc = yaml.load(fs.readFileSync(file, "utf8"));
        const config = isRecord(doc) && isRecord(doc.config) ? doc.config : {};
        const next: Record<string, unknown> = { ...config };
        for (const [key, value] of Object.entries(filledSettings(spec))) next[`${project}:${key}`] = merge(config[`${project}:${key}`], value);
        fs.writeFileSync(file, yaml.dump({ ...(isRecord(doc) ? doc : {}), config: next }));
    }
    return dir;
}

let filledDir: string | undefined;
const filledPlans = new Map<string, Promise<Plan>>();
/** The runtime runs one program at a time: plans are made one after the other. */
let filledQueue: Promise<unknown> = Promise.resolve();

/** The plan of a shipped stack with its placeholder settings filled in, made once per process (deeply frozen). */
export function filledPlan(stack: string): Promise<Plan> {
    const hit = filledPlans.get(stack);
    if (hit !== undefined) return hit;
    if (filledDir === undefined) {
        const dir = filledStacksDir();
        filledDir = dir;
        process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
    }
    const dir = filledDir;
    const next = filledQueue.then(() => planStack(stack, dir)).then(deepFreeze);
    filledQueue = next.catch(() => undefined);
    filledPlans.set(stack, next);
    return next;
}
