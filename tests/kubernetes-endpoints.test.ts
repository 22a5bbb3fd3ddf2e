import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { execFileSync } from "child_process";
import * as path from "path";

import { BLUEPRINT_PROJECT } from "../components/model";
import { resolveSpec } from "../components/profiles";
import { RecordingMocks, Registration } from "../tools/lib/mocks";
import { SECRET, sanitize } from "../tools/lib/record";
import { ROOT } from "../tools/lib/stackfiles";

const NOW = new Date("2026-11-01T00:00:00Z");

/** Declares LiveCommerceServices under mocks with the given endpoints and returns what was registered. */
async function declare(endpoints: Record<string, pulumi.Input<string>>): Promise<Registration[]> {
    const mocks = new RecordingMocks("us-east-1");
    await pulumi.runtime.setMocks(mocks, BLUEPRINT_PROJECT, "endpoints", false);
    const { LiveCommerceServices } = await import("../components/kubernetes");
    const spec = resolveSpec({ stage: "growth", cloud: "aws", regions: [{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }] }, { now: NOW });
    await pulumi.runtime.runInPulumiStack(async () => {
        new LiveCommerceServices("t", { spec, kubectlImage: null, endpoints });
        return {};
    });
    await pulumi.runtime.disconnect();
    return mocks.registrations;
}

function find(regs: readonly Registration[], type: string, name: string): Registration | undefined {
    return regs.find((r) => r.type === type && r.name === name);
}

function field(value: unknown, key: string): unknown {
    return typeof value === "object" && value !== null && !Array.isArray(value) ? Object.entries(value).find(([k]) => k === key)?.[1] : undefined;
}

/** The signature key Pulumi marks a serialized secret with; the wrapped value is under `value`. */
const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";

function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (typeof value !== "object" || value === null) return value;
    if (field(value, SECRET_SIG_KEY) !== undefined) return unwrapSecrets(field(value, "value"));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unwrapSecrets(v)]));
}

describe("kubernetes endpoint wiring", () => {
    it("publishes present endpoints in the ConfigMap, the password only in a Secret, and both reach the pods", async () => {
        const regs = await declare({
            redisHost: "r-abc.redis.rds.aliyuncs.com",
            databaseHost: "rm-abc.mysql.rds.aliyuncs.com",
            kafkaBrokers: "b-1:9092,b-2:9092",
            databasePassword: pulumi.secret("s3cret-value"),
        });
        const config = find(regs, "kubernetes:core/v1:ConfigMap", "t-config");
        assert.ok(config);
        assert.deepStrictEqual(field(config.inputs, "data"), {
            APP_STAGE: "growth",
            REDIS_HOST: "r-abc.redis.rds.aliyuncs.com",
            DATABASE_HOST: "rm-abc.mysql.rds.aliyuncs.com",
            KAFKA_BROKERS: "b-1:9092,b-2:9092",
        });
        const secret = find(regs, "kubernetes:core/v1:Secret", "t-order-credentials");
        assert.ok(secret);
        // The SDK makes the whole stringData secret on the wire; the plan keeps its keys, never the values.
        assert.deepStrictEqual(sanitize(field(secret.inputs, "stringData")), { DATABASE_PASSWORD: SECRET });
        // interaction uses no database: it gets no Secret (it has no other credential here).
        assert.strictEqual(find(regs, "kubernetes:core/v1:Secret", "t-interaction-credentials"), undefined);
        assert.ok(!JSON.stringify(sanitize(regs.map((r) => r.inputs))).includes("s3cret-value"));
        const deployment = find(regs, "kubernetes:apps/v1:Deployment", "t-order-deployment");
        assert.ok(deployment);
        const envFrom = JSON.stringify(sanitize(deployment.inputs));
        assert.ok(envFrom.includes('"envFrom":[{"configMapRef":{"name":"data-endpoints"}},{"secretRef":{"name":"order-credentials"}}]'), envFrom);

        // The schema sees the real shape: a secret value is validated as what it wraps (never printed).
        const objects = regs.filter((r) => r.type.startsWith("kubernetes:") && r.type !== "kubernetes:helm.sh/v3:Release").map((r) => ({ name: r.name, object: unwrapSecrets(r.inputs) }));
        const out = execFileSync(process.execPath, [path.join(ROOT, "tests", "support", "validate-kubernetes.mjs")], { input: JSON.stringify(objects), encoding: "utf8" });
        assert.deepStrictEqual(JSON.parse(out), []);
    });

    it("leaves absent endpoints out and creates no Secret without a password", async () => {
        const regs = await declare({ databaseReaderHost: "rr-abc.mysql.rds.aliyuncs.com" });
        assert.deepStrictEqual(field(find(regs, "kubernetes:core/v1:ConfigMap", "t-config")?.inputs, "data"), {
            APP_STAGE: "growth",
            DATABASE_READER_HOST: "rr-abc.mysql.rds.aliyuncs.com",
        });
        assert.deepStrictEqual(regs.filter((r) => r.type === "kubernetes:core/v1:Secret"), []);
    });
});
