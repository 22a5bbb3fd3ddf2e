// Errors never echo a secret: a key the CLI lists as secret (PULUMI_CONFIG_SECRET_KEYS) is never
// quoted, free text in an address field is shown only when written as an address, and a pack config
// value outside its closed list only when written as a name of that list's alphabet.

import * as assert from "assert";

import { ConfigError, parseConfigValues } from "../../components/model";
import { redactSecrets, secretConfigKeys } from "../../components/model/errors";
import { resolveSpec } from "../../components/profiles";
import { validatePackConfig } from "../../tools/lib/pack-config";
import { InputFormatError, declaredResidency } from "../../tools/lib/inputs";
import { POLICIES } from "../../policies/all";

const NOW = new Date("2026-11-30T00:00:00Z");
const BASE = { "live-commerce:stage": "growth", "live-commerce:cloud": "aws", "live-commerce:regions": JSON.stringify([{ name: "us-east-1", zones: ["us-east-1a", "us-east-1b"] }]) };

function configError(config: Record<string, string>): ConfigError {
    try {
        resolveSpec(parseConfigValues(config, "live-commerce"), { now: NOW, project: "live-commerce" });
    } catch (e) {
        if (e instanceof ConfigError) return e;
        throw e;
    }
    throw new Error("the config was accepted");
}

describe("errors never echo a secret", () => {
    it("reads the CLI's list of secret keys (PULUMI_CONFIG_SECRET_KEYS, a JSON list)", () => {
        assert.deepStrictEqual(secretConfigKeys('["live-commerce:domain","live-commerce:monitoring"]'), ["live-commerce:domain", "live-commerce:monitoring"]);
        assert.deepStrictEqual(secretConfigKeys(undefined), []);
        assert.deepStrictEqual(secretConfigKeys("not json"), []);
    });
    it("a secret key's value is never quoted, also inside a structured value", () => {
        const config = { ...BASE, "live-commerce:domain": "hunter_two.example", "live-commerce:kubernetes": JSON.stringify({ imageRegistry: "s3cr3t registry!" }) };
        const error = configError(config);
        assert.match(error.message, /hunter_two\.example/, "without the list the domain's pattern error shows the text");
        const redacted = redactSecrets(error, config, ["live-commerce:domain", "live-commerce:kubernetes"]);
        assert.doesNotMatch(redacted.message, /hunter_two|s3cr3t/);
        assert.match(redacted.message, /domain: .*an encrypted secret/);
        // keys not listed are untouched
        assert.strictEqual(redactSecrets(error, config, ["live-commerce:tags"]).message, error.message);
    });
    it("text written like a password (adminCidrs, domain) is shown only by its kind", () => {
        const error = configError({ ...BASE, "live-commerce:adminCidrs": JSON.stringify(["Hunter2SuperSecret/8"]) });
        assert.doesNotMatch(error.message, /Hunter2/);
        assert.match(error.message, /adminCidrs\[0\]: .*\(got a string; value not shown\)/);
        assert.match(configError({ ...BASE, "live-commerce:adminCidrs": JSON.stringify(["10.0.0.1/33"]) }).message, /got "10\.0\.0\.1\/33"/);
        assert.doesNotMatch(configError({ ...BASE, "live-commerce:domain": "Hunter2SuperSecret.com" }).message, /Hunter2/);
    });
    it("pack config: a value outside a closed list is shown only when written as a name", () => {
        const error = (config: unknown): string => {
            try {
                validatePackConfig(config, POLICIES, "pack.json");
            } catch (e) {
                return e instanceof Error ? e.message : String(e);
            }
            return "";
        };
        const secret = error({ "sec-data-store-require-residency": { boundary: "TopSecretPW123" } });
        assert.notStrictEqual(secret, "");
        assert.doesNotMatch(secret, /TopSecretPW123/);
        assert.match(secret, /got a string; value not shown/);
        assert.match(error({ "sec-data-store-require-residency": { boundary: "mainland-chna" } }), /got "mainland-chna"/);
    });
    it("an input's declared residency boundary: the same rule", () => {
        assert.throws(() => declaredResidency({ boundary: "TopSecretPW123" }, "preview config live-commerce:residency", "p.json"), (e: unknown) => e instanceof InputFormatError && !e.message.includes("TopSecret") && /value not shown/.test(e.message));
    });
});
