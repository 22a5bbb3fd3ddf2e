// Errors never echo a secret: a key the CLI lists as secret (PULUMI_CONFIG_SECRET_KEYS) is never
// quoted, free text in an address field is shown only when written as an address, and a pack config
// value outside its closed list only when written as a name of that list's alphabet.

import * as assert from "assert";

import { ConfigError, parseConfigValues } from "../../components/model";
import { mayQuote, redactSecrets, secretConfigKeys } from "../../components/model/errors";
import { resolveSpec } from "../../components/profiles";
import { validatePackConfig } from "../../tools/lib/pack-config";
import { InputFormatError, declaredResidency, evaluateStack } from "../../tools/lib/inputs";
import { OUTPUTS } from "../../tools/lib/report";
import { renderReports } from "../../tools/check";
import { isRecord } from "../../policies/lib/values";
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

describe("reports never echo a rejected value that may be a secret", () => {
    const urn = (type: string, name: string): string => `urn:pulumi:s::live-commerce::${type}::${name}`;
    const resource = (type: string, name: string, inputs: Record<string, unknown>) => ({ urn: urn(type, name), type, name, parent: null, custom: true, provider: null, inputs });
    const token = `ghp_SECRET${"x".repeat(300)}`;
    const resources = [
        resource("aws:autoscaling/tag:Tag", "tag", { autoscalingGroupName: "g", tag: { key: "k", value: token, propagateAtLaunch: true } }),
        resource("aws:ec2/securityGroup:SecurityGroup", "sg", { description: "password=SECRETSECRET2 ~", vpcId: "vpc-1" }),
        resource("aws:cloudwatch/metricAlarm:MetricAlarm", "alarm", { comparisonOperator: ">", evaluationPeriods: 1, metricName: "CPUUtilization", namespace: "AWS/EC2", period: 60, statistic: "Average", threshold: 80 }),
    ];
    it("free text (a tag value, a description) by its length; a choice as given; in table, JSON, SARIF and Markdown", async () => {
        const report = await evaluateStack({ stack: "s", stage: "growth", resources });
        const got = Object.fromEntries(report.conformance.violations.map((v) => [v.property, v.got]));
        assert.strictEqual(got["tag.value"], "a string of 310 characters; value not shown");
        assert.strictEqual(got.description, "a string of 24 characters; value not shown");
        assert.strictEqual(got.comparisonOperator, '">"');
        for (const output of OUTPUTS) {
            const text = renderReports([report], output);
            assert.doesNotMatch(text, /ghp_|SECRETSECRET/, output);
            assert.ok(text.includes("a string of 310 characters; value not shown"), output);
        }
        // the JSON carries the value only where it is quoted
        const json: unknown = JSON.parse(renderReports([report], "json"));
        assert.ok(isRecord(json) && isRecord(json.conformance) && Array.isArray(json.conformance.violations));
        assert.deepStrictEqual(json.conformance.violations.map((v: unknown) => (isRecord(v) ? [v.property, "value" in v] : [])), [["tag.value", false], ["description", false], ["comparisonOperator", true]]);
    });
    it("one rule for config errors and reports: text written like a password is never quoted, ids and addresses are", () => {
        for (const hidden of ["hunter2", "s3cr3t", "Hunter2SuperSecret", "a0b1c2d3e4f5", "sale hunter2", "x".repeat(257)]) assert.strictEqual(mayQuote(hidden), false, hidden);
        for (const shown of ["arn:aws:acm:eu-west-1:123456789012:certificate/0123abcd-0123-4567-89ab-0123456789ab", "us-east-1", "cn-hangzhou-k", "us-east-1z", "10.0.0.1/33", "live.example.com", "t3.micro", "80x", "1e3", "mainland-chna", ">", 42, null, ["growth"]]) assert.strictEqual(mayQuote(shown), true, String(shown));
        const error = configError({ ...BASE, "live-commerce:domain": "hunter2" });
        assert.doesNotMatch(error.message, /hunter2/);
        assert.match(error.message, /domain: .*\(got a string; value not shown\)/);
        assert.doesNotMatch(configError({ ...BASE, "live-commerce:stage": "hunter2" }).message, /hunter2/);
        const region = configError({ ...BASE, "live-commerce:regions": JSON.stringify([{ name: "hunter2", zones: ["x"] }]) });
        assert.doesNotMatch(region.message, /hunter2/);
        assert.match(region.message, /regions\[0\]\.name: unknown region a string; value not shown/);
        assert.match(configError({ ...BASE, "live-commerce:regions": JSON.stringify([{ name: "us-east-7", zones: ["us-east-7a"] }]) }).message, /unknown region "us-east-7"/);
    });
});
