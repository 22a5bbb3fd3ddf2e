// The shipped stacks with every placeholder setting filled in (components/model/placeholders.ts):
// a domain of the user's own, an uploaded certificate and the names it covers, alarm recipients,
// the app image and the service registry. Planned from a copy of stacks/ in a temporary folder.

import * as fs from "fs";
import * as yaml from "js-yaml";
import * as os from "os";
import * as path from "path";

import { isRecord } from "../../policies/lib/values";
import { STACKS_DIR, listStacks } from "../../tools/lib/stackfiles";

/** A domain of the user's own (not reserved by RFC 2606). */
export const FILLED_DOMAIN = "shop.live-commerce.cn";

/** The settings a deployment gives, merged over a stack's config (`<project>:<key>` -> value). */
export function filledSettings(project: string, cloud: string): Record<string, unknown> {
    const k = (key: string) => `${project}:${key}`;
    const contacts = ["oncall@live-commerce.cn"];
    return {
        [k("domain")]: FILLED_DOMAIN,
        ...(cloud === "alicloud" ? { [k("tls")]: { certificateId: "12345678-cn-hangzhou", certificateNames: [FILLED_DOMAIN, `*.${FILLED_DOMAIN}`] } } : {}),
        [k("monitoring")]: { contacts: { warning: contacts, critical: contacts, fatal: contacts } },
        [k("app")]: { imageId: cloud === "alicloud" ? "m-bp1filledappimage0" : "ami-0123456789abcdef0" },
        [k("kubernetes")]: { imageRegistry: cloud === "alicloud" ? "registry-vpc.cn-hangzhou.aliyuncs.com/live-commerce" : "123456789012.dkr.ecr.us-east-1.amazonaws.com/live-commerce", kubectlImage: cloud === "alicloud" ? "registry-vpc.cn-hangzhou.aliyuncs.com/live-commerce/kubectl:v1.31.0" : "registry.k8s.io/kubectl:v1.31.0" },
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
export function filledStacksDir(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lc-filled-"));
    for (const f of fs.readdirSync(STACKS_DIR)) fs.copyFileSync(path.join(STACKS_DIR, f), path.join(dir, f));
    for (const stack of listStacks()) {
        const file = path.join(dir, `Pulumi.${stack}.yaml`);
        const doc = yaml.load(fs.readFileSync(file, "utf8"));
        const config = isRecord(doc) && isRecord(doc.config) ? doc.config : {};
        const cloud = String(Object.entries(config).find(([key]) => key.endsWith(":cloud"))?.[1] ?? "");
        const project = Object.keys(config)[0]?.split(":")[0] ?? "live-commerce";
        const filled = filledSettings(project, cloud);
        const next: Record<string, unknown> = { ...config };
        for (const [key, value] of Object.entries(filled)) next[key] = key.endsWith(":domain") ? value : merge(config[key], value);
        fs.writeFileSync(file, yaml.dump({ ...(isRecord(doc) ? doc : {}), config: next }));
    }
    return dir;
}
