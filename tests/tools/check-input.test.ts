// check --from on what a real pipeline hands it: where the stage comes from, and every kind of bad
// input getting one clear error (exit 2), never a pass on nothing.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

import { check, isInputError, parseCheckArgs } from "../../tools/check";
import { UNKNOWN_STRING } from "../../policies/lib/refs";
import { isRecord } from "../../policies/lib/values";
import { ROOT } from "../../tools/lib/stackfiles";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-input-"));
let n = 0;
function file(content: unknown): string {
    const f = path.join(dir, `in-${n++}.json`);
    fs.writeFileSync(f, typeof content === "string" ? content : JSON.stringify(content));
    return f;
}

/** Runs check as main does: [exit code, output or error message]. */
async function run(args: string[]): Promise<[number, string]> {
    try {
        return await check(parseCheckArgs(args));
    } catch (e) {
        if (isInputError(e)) return [2, e.message];
        throw e;
    }
}

const URN = (stack: string, type: string, name: string): string => `urn:pulumi:${stack}::live-commerce::${type}::${name}`;
const sshRule = (stack: string, tags: Record<string, string> = {}) => ({
    urn: URN(stack, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh"),
    type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    custom: true,
    inputs: { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv4: "0.0.0.0/0", securityGroupId: UNKNOWN_STRING, tags },
});
const asg = (stack: string) => ({
    urn: URN(stack, "aws:autoscaling/group:Group", "asg"),
    type: "aws:autoscaling/group:Group",
    custom: true,
    inputs: { minSize: 1, maxSize: 2, vpcZoneIdentifiers: [UNKNOWN_STRING], healthCheckType: "ELB" },
});
const preview = (config: Record<string, string>, resources: unknown[], diagnostics: unknown[] = []) => ({ config, steps: resources.map((r) => ({ op: "create", newState: r })), diagnostics });

describe("check: the stage of the input", () => {
    it("reads a preview's config live-commerce:stage (no tags needed)", async () => {
        const [code, out] = await run(["--from", file(preview({ "live-commerce:stage": "startup", "live-commerce:cloud": "aws" }, [asg("shop-prod")])), "--output", "json"]);
        // a one-zone group is advisory at startup
        assert.strictEqual(code, 0);
        assert.strictEqual(JSON.parse(out).stage, "startup");
        assert.strictEqual(JSON.parse(out).stack, "shop-prod");
    });
    it("reads an export's stack outputs", async () => {
        const root = { urn: URN("shop-prod", "pulumi:pulumi:Stack", "live-commerce-shop-prod"), type: "pulumi:pulumi:Stack", custom: false, outputs: { stage: "growth", cloud: "aws" } };
        const [code, out] = await run(["--from", file({ version: 3, deployment: { resources: [root, asg("shop-prod")] } }), "--output", "json"]);
        assert.strictEqual(code, 1);
        assert.strictEqual(JSON.parse(out).stage, "growth");
    });
    it("--stage overrides the input", async () => {
        const [code, out] = await run(["--from", file(preview({ "live-commerce:stage": "growth" }, [asg("s")])), "--stage", "startup", "--output", "json"]);
        assert.strictEqual(code, 0);
        assert.strictEqual(JSON.parse(out).stage, "startup");
    });
    it("an input without a stage is an error unless --stage is given", async () => {
        const f = file(preview({}, [asg("s")]));
        const [code, message] = await run(["--from", f]);
        assert.strictEqual(code, 2);
        assert.match(message, /the stage cannot be found .*pass --stage startup\|growth\|mature/);
        assert.strictEqual((await run(["--from", f, "--stage", "growth"]))[0], 1);
    });
    it("a stage that is not one rejects", async () => {
        const [code, message] = await run(["--from", file(preview({ "live-commerce:stage": "prod" }, [asg("s")]))]);
        assert.strictEqual(code, 2);
        assert.match(message, /stage "prod" is not one of startup, growth, mature/);
    });
});

describe("check: bad input is one clear error with exit 2", () => {
    const cases: readonly [string, () => string, RegExp][] = [
        ["a missing file", () => path.join(dir, "nope.json"), /--from .*nope\.json: no such file/],
        ["a directory", () => dir, /not a file/],
        ["an empty file", () => file(""), /the file is empty/],
        ["npm's banner before the JSON", () => file("> live-commerce@0.1.0 plan\n> ts-node tools/plan.ts\n\n{}"), /not valid JSON .*npm's script banner: run `npm run -s/],
        ["garbage", () => file("{not json"), /not valid JSON/],
        ["a number", () => file("42"), /not a JSON object or list/],
        ["an empty list", () => file([]), /empty list of plans; a gate never passes on nothing/],
        ["a preview without steps", () => file({ steps: [] }), /no resource to check/],
        ["an export without resources", () => file({ deployment: {} }), /"deployment.resources" must be a list/],
        ["a failed preview", () => file(preview({ "live-commerce:stage": "growth" }, [], [{ severity: "error", message: "error: program failed" }])), /the preview failed \(1 error diagnostic\(s\); their text is in the preview's output, not repeated here\)/],
        ["a failed preview whose error quotes a secret", () => file(preview({ "live-commerce:stage": "growth" }, [], [{ severity: "error", urn: "urn:pulumi:s::p::aws:rds/cluster:Cluster::db", message: "masterPassword Hunter2Secret rejected" }])), /^(?!.*Hunter2).*the preview failed \(1 error diagnostic\(s\), first of urn:pulumi:s::p::aws:rds\/cluster:Cluster::db;/],
        ["a string that is not UTF-8", () => { const f = path.join(dir, `in-${n++}.json`); fs.writeFileSync(f, Buffer.concat([Buffer.from('{"stack":"s","stage":"growth","resources":[{"urn":"u","type":"t","inputs":{"cidr":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}]}')])); return f; }, /not valid JSON at line 1, column 83: a string that is not valid UTF-8/],
        ["a number beyond a double", () => file('{"stack":"s","stage":"growth","resources":[{"urn":"u","type":"t","inputs":{"minSize":1e400}}]}'), /not valid JSON at line 1, column 86: a number beyond the range of a double/],
        ["NaN", () => file('{"stack":"s","stage":"growth","resources":[{"urn":"u","type":"t","inputs":{"minSize":NaN}}]}'), /not valid JSON at line 1, column 86: expected a JSON value/],
        ["a UTF-16 file (PowerShell's >)", () => { const f = path.join(dir, `in-${n++}.json`); fs.writeFileSync(f, Buffer.from('\uFEFF{"steps":[]}', "utf16le")); return f; }, /not valid JSON at line 1, column 1: a UTF-16 byte order mark/],
        ["a list nested 200,000 deep", () => file(`${"[".repeat(200_000)}${"]".repeat(200_000)}`), /\[0\]: a plan must be a JSON object/],
        ["a resource without a type", () => file({ stack: "s", stage: "growth", resources: [{ urn: "urn:pulumi:s::p::x::y", inputs: {} }] }), /resources\[0\]: resource urn:pulumi:s::p::x::y has no "type"/],
        ["a resource without a urn", () => file({ stack: "s", stage: "growth", resources: [{ type: "aws:s3/bucket:Bucket" }] }), /resources\[0\]: the resource has no "urn"/],
        ["an unknown document", () => file({ hello: 1 }), /unknown input/],
        ["a resource nested 10,000 deep (lists)", () => file(`{"stack":"s","stage":"growth","resources":[{"urn":"urn:pulumi:s::p::aws:s3/bucket:Bucket::b","type":"aws:s3/bucket:Bucket","inputs":{"tags":${"[".repeat(10_000)}${"]".repeat(10_000)}}}]}`), /resources\[0\]: "inputs" of urn:pulumi:s::p::aws:s3\/bucket:Bucket::b nest deeper than 64 levels/],
        ["a resource nested 10,000 deep (objects)", () => file(`{"stack":"s","stage":"growth","resources":[{"urn":"urn:pulumi:s::p::aws:s3/bucket:Bucket::b","type":"aws:s3/bucket:Bucket","outputs":${'{"a":'.repeat(10_000)}1${"}".repeat(10_000)}}]}`), /resources\[0\]: "outputs" of urn:pulumi:s::p::aws:s3\/bucket:Bucket::b nest deeper than 64 levels/],
    ];
    for (const [what, make, expected] of cases) {
        it(what, async () => {
            const [code, message] = await run(["--from", make()]);
            assert.strictEqual(code, 2, message);
            assert.match(message, expected);
            assert.doesNotMatch(message, /\n\s+at /); // no stack trace
        });
    }
});

describe("check: the residency boundary of a preview's config", () => {
    // a bucket in eu-west-1 of a project named "shop": outside the us boundary
    const bucket = { urn: "urn:pulumi:prod::shop::aws:s3/bucket:Bucket::media", type: "aws:s3/bucket:Bucket", custom: true, inputs: { bucket: "media", tags: { region: "eu-west-1" } } };
    const doc = (residency: unknown) => ({ config: { "shop:stage": "growth", ...(residency === undefined ? {} : { "shop:residency": residency }) }, steps: [{ op: "create", newState: bucket }], diagnostics: [] });
    const residencyFindings = async (residency: unknown): Promise<unknown[]> => {
        const [, out] = await run(["--from", file(doc(residency)), "--output", "json"]);
        const report: unknown = JSON.parse(out);
        const violations = isRecord(report) && isRecord(report.policy) && Array.isArray(report.policy.violations) ? report.policy.violations : [];
        return violations.filter((v) => isRecord(v) && v.policy === "sec-data-store-require-residency").map((v) => (isRecord(v) ? [v.enforcement, v.message] : v));
    };
    for (const [form, residency] of [["JSON text", '{"boundary": "us"}'], ["an object", { boundary: "us" }], ["a list of regions", '{"boundary": ["us-east-1"]}']] as const) {
        it(`reads <project>:residency given as ${form}`, async () => {
            const found = await residencyFindings(residency);
            assert.strictEqual(found.length, 1, JSON.stringify(found));
            assert.match(JSON.stringify(found[0]), /"mandatory","aws:s3\/bucket:Bucket is in eu-west-1, outside the residency boundary/);
        });
    }
    it("without it the rule is not applicable", async () => {
        assert.deepStrictEqual(await residencyFindings(undefined), []);
    });
    it("a boundary that is not one is an input error naming the key and the value", async () => {
        const [code, message] = await run(["--from", file(doc('{"boundary": "europe"}'))]);
        assert.strictEqual(code, 2);
        assert.match(message, /preview config shop:residency must be \{"boundary": "mainland-china" \| "us" \| \[region ids\]\} \(got boundary "europe"\)/);
    });
    const residencyOf = async (args: string[]): Promise<unknown[]> => {
        const [, out] = await run([...args, "--output", "json"]);
        const report: unknown = JSON.parse(out);
        const violations = isRecord(report) && isRecord(report.policy) && Array.isArray(report.policy.violations) ? report.policy.violations : [];
        return violations.filter((v) => isRecord(v) && v.policy === "sec-data-store-require-residency").map((v) => (isRecord(v) ? v.message : v));
    };
    const plan = (residency: unknown) => ({ stack: "prod", stage: "growth", cloud: "aws", resources: [bucket], ...(residency === undefined ? {} : { outputs: { residency } }) });
    const exported = (residency: unknown) => ({ deployment: { resources: [{ urn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod", type: "pulumi:pulumi:Stack", outputs: { stage: "growth", ...(residency === undefined ? {} : { residency }) } }, bucket] } });
    for (const [kind, make] of [["a plan's outputs.residency", plan], ["an export's stack output residency", exported]] as const) {
        it(`reads ${kind} (the program's residency output)`, async () => {
            const found = await residencyOf(["--from", file(make({ boundary: "us" }))]);
            assert.strictEqual(found.length, 1, JSON.stringify(found));
            assert.match(String(found[0]), /aws:s3\/bucket:Bucket is in eu-west-1, outside the residency boundary/);
            assert.deepStrictEqual(await residencyOf(["--from", file(make(undefined))]), []);
            assert.deepStrictEqual(await residencyOf(["--from", file(make({ boundary: ["eu-west-1"] }))]), []);
            const [code, message] = await run(["--from", file(make({ boundary: { secure: "Hunter2" } }))]);
            assert.strictEqual(code, 2, message);
            assert.match(message, /residency" must be \{"boundary": .*\(got boundary an encrypted secret; value not shown\)/);
        });
    }
    it("--residency overrides the input and the pack config; a region that is none is a usage error", async () => {
        const from = file(doc('{"boundary": "us"}'));
        assert.deepStrictEqual(await residencyOf(["--from", from, "--residency", "eu-west-1"]), []);
        assert.strictEqual((await residencyOf(["--from", from, "--residency", "us-east-1,us-west-2"])).length, 1);
        assert.deepStrictEqual(await residencyOf(["--from", from, "--residency", "eu-west-1", "--config", file({ "sec-data-store-require-residency": { boundary: "us" } })]), []);
        const [code, message] = await run(["--from", from, "--residency", "eu-west-7"]);
        assert.strictEqual(code, 2);
        assert.match(message, /^--residency must be mainland-china, us or region ids separated by commas: regions\.0 must be equal to one of the allowed values \(got "eu-west-7"\)/);
    });
    it("the shipped mature stacks export their boundary; check reads it from the plan without the resources' tags", async () => {
        const { shippedPlan } = await import("../support/shipped");
        const plan = await shippedPlan("mature-aws");
        assert.deepStrictEqual(plan.outputs.residency, { boundary: "us" });
        assert.strictEqual((await shippedPlan("growth-aws")).outputs.residency, undefined);
        // the tags gone, a replica moved outside: only the plan's output can name the boundary
        const untagged = plan.resources.map((r) => (isRecord(r.inputs.tags) ? { ...r, inputs: { ...r.inputs, tags: { ...r.inputs.tags, residency: undefined } } } : r));
        const moved = [...untagged, { ...bucket, urn: "urn:pulumi:mature-aws::live-commerce::aws:s3/bucket:Bucket::eu-copy" }];
        const found = await residencyOf(["--from", file({ ...plan, resources: moved })]);
        assert.ok(found.some((m) => /eu-copy|eu-west-1, outside the residency boundary/.test(String(m))), JSON.stringify(found));
    });
    it("the pack config's boundary comes before the input's", async () => {
        assert.deepStrictEqual(await residencyOf(["--from", file(plan({ boundary: "us" })), "--config", file({ "sec-data-store-require-residency": { regions: ["eu-west-1"] } })]), []);
    });
});

describe("check: duplicate keys, malformed steps and JSON syntax errors", () => {
    const RULE = JSON.stringify(sshRule("s"));
    const exact: readonly [string, () => string, string][] = [
        ["config given twice", () => file(`{"config":{"live-commerce:stage":"growth"},"config":{"live-commerce:stage":"startup"},"steps":[{"op":"create","newState":${RULE}}]}`), 'duplicate key "config" at line 1, column 44; JSON keeps only the last value, so remove one'],
        ["the stage given twice", () => file(`{"config":{"live-commerce:stage":"growth",\n "live-commerce:stage":"startup"},"steps":[]}`), 'duplicate key "live-commerce:stage" in config at line 2, column 2; JSON keeps only the last value, so remove one'],
        ["a key given twice in a step's resource", () => file(`{"steps":[{"op":"create","newState":{"urn":"u","urn":"v"}}]}`), 'duplicate key "urn" in steps[0].newState at line 1, column 48; JSON keeps only the last value, so remove one'],
        ["a list as a step", () => file(`{"config":{"live-commerce:stage":"growth"},"steps":[[],{"op":"create","newState":${RULE}}]}`), "steps[0] is not an object (got a list); each preview step is {op, urn, newState}"],
        ["null as a step", () => file(`{"config":{"live-commerce:stage":"growth"},"steps":[{"op":"create","newState":${RULE}},null]}`), "steps[1] is not an object (got null); each preview step is {op, urn, newState}"],
        ["a step 10,000 lists deep", () => file(`{"steps":${"[".repeat(10_000)}${"]".repeat(10_000)}}`), "steps[0] is not an object (got a list); each preview step is {op, urn, newState}"],
        ["a step without a resource, counted among all steps", () => file(`{"config":{"live-commerce:stage":"growth"},"steps":[{"op":"delete"},{"op":"create","newState":${RULE}},{"op":"create"}]}`), "steps[2].newState: a resource must be a JSON object"],
        ["an unquoted secret", () => file('{"deployment":{"resources":[{"inputs":{"password": SuperSecretHunter2XYZ}}]}}'), "not valid JSON at line 1, column 52: expected a JSON value"],
        ["a secret never closed", () => file('{"inputs":{"password":"SuperSecretHunter2XYZ'), "not valid JSON at line 1, column 23: a string that is never closed"],
        ["a byte order mark", () => file('\uFEFF{"steps":[]}'), "not valid JSON at line 1, column 1: a byte order mark before the JSON (save the file without it)"],
        ["text after the document", () => file('{"steps":[]}\n{"steps":[]}'), "not valid JSON at line 2, column 1: text after the JSON value"],
    ];
    for (const [what, make, expected] of exact) {
        it(`rejects ${what}`, async () => {
            const f = make();
            const [code, message] = await run(["--from", f]);
            assert.strictEqual(code, 2, message);
            assert.strictEqual(message, `${f}: ${expected}`);
            assert.doesNotMatch(message, /SuperSecre|Hunter2/);
        });
    }
    it("rejects a pack config with a policy given twice (all: mandatory, then advisory)", async () => {
        const config = file('{"all":"mandatory","all":"advisory"}');
        const [code, message] = await run(["--from", file(preview({ "live-commerce:stage": "growth" }, [sshRule("s")])), "--config", config]);
        assert.strictEqual(code, 2, message);
        assert.strictEqual(message, `${config}: duplicate key "all" at line 1, column 20; JSON keeps only the last value, so remove one`);
    });
    it("still reads JSON with escaped keys and unique keys in sibling objects", async () => {
        const [code, out] = await run(["--from", file(`{"config":{"live-commerce:st\\u0061ge":"growth"},"steps":[{"op":"create","newState":${RULE}},{"op":"create","newState":${JSON.stringify({ ...sshRule("s"), urn: URN("s", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "ssh2") })}}]}`), "--output", "json"]);
        assert.strictEqual(code, 1, out);
        assert.strictEqual(JSON.parse(out).stage, "growth");
    });
});

describe("check: the pack config is validated as the CLI validates it", () => {
    const input = (): string => file(preview({ "live-commerce:stage": "growth" }, [sshRule("s")]));
    const cases: readonly [string, unknown, RegExp][] = [
        ["a string where an integer is required", { "ha-database-require-backups": { minRetentionDays: "seven" } }, /^[^\n]*: invalid pack config:\n  ha-database-require-backups: minRetentionDays must be integer \(got a string; value not shown\)$/],
        ["null for a threshold", { "ha-autoscaling-group-require-multi-zone": { minZones: null } }, /minZones must be integer \(got null\)/],
        ["a string where a list is required", { "sec-security-group-forbid-world-sensitive-ports": { ports: "22" } }, /ports must be array \(got a string; value not shown\)/],
        ["below the minimum", { "ha-autoscaling-group-require-multi-zone": { minZones: 0 } }, /minZones must be >= 1 \(got 0\)/],
        ["a misspelled policy name", { "ha-autoscaling-group-require-multizone": "advisory" }, /"ha-autoscaling-group-require-multizone" is not a policy of the pack/],
        ["a policy's old name", { "ha-preview-cannot-judge-until-created": "advisory" }, /"ha-preview-cannot-judge-until-created" was renamed ha-stack-cannot-judge-from-input .*: rename the key/],
        ["a level that is not one", { "ha-autoscaling-group-require-multi-zone": "strict" }, /ha-autoscaling-group-require-multi-zone: must be an enforcement level \(advisory, mandatory, remediate, disabled\) or an object \(got "strict"\)/],
        ["properties under all", { all: { enforcementLevel: "mandatory", minZones: 3 } }, /all: only "enforcementLevel" applies/],
        ["a residency region that is no region id", { "sec-data-store-require-residency": { regions: ["cn-hangzou"] } }, /sec-data-store-require-residency: regions\.0 must be equal to one of the allowed values \(got "cn-hangzou"\); did you mean cn-hangzhou\?/],
        ["an empty residency region list", { "sec-data-store-require-residency": { regions: [] } }, /sec-data-store-require-residency: regions must NOT have fewer than 1 items \(got \[\]\)/],
    ];
    for (const [what, config, expected] of cases) {
        it(`rejects ${what}`, async () => {
            const [code, message] = await run(["--from", input(), "--config", file(config)]);
            assert.strictEqual(code, 2, message);
            assert.match(message, expected);
        });
    }
    it("never shows a value that may be a secret: free text, a secure: object, a password-like property; shows levels, numbers and region ids", async () => {
        const cases: readonly [unknown, string][] = [
            [{ "ha-database-require-backups": { minRetentionDays: "Hunter2SuperSecret" } }, "ha-database-require-backups: minRetentionDays must be integer (got a string; value not shown)"],
            [{ "ha-database-require-backups": { minRetentionDays: { secure: "AAABAHunter2SuperSecret" } } }, "ha-database-require-backups: minRetentionDays must be integer (got an encrypted secret)"],
            [{ "ha-database-require-backups": { password: "Hunter2SuperSecret" } }, 'ha-database-require-backups: "password" is not a property of the policy; allowed: enforcementLevel, minRetentionDays, stages'],
            [{ "ha-database-require-backups": ["Hunter2SuperSecret"] }, "ha-database-require-backups: must be an enforcement level (advisory, mandatory, remediate, disabled) or an object (got a list; value not shown)"],
            [{ "ha-database-require-backups": { enforcementLevel: "Hunter2SuperSecretHunter2SuperSecretHunter2SuperSecret" } }, "ha-database-require-backups: enforcementLevel must be one of advisory, mandatory, remediate, disabled (got a string; value not shown)"],
            [{ "ha-database-require-backups": { stages: { growth: "strict" } } }, 'ha-database-require-backups: stages.growth must be equal to one of the allowed values (got "strict")'],
            [{ "ha-database-require-backups": { minRetentionDays: 7.5 } }, "ha-database-require-backups: minRetentionDays must be integer (got 7.5)"],
            [{ "ha-database-require-backup": "advisory" }, '"ha-database-require-backup" is not a policy of the pack (nor "all"); did you mean ha-database-require-backups?'],
        ];
        for (const [config, expected] of cases) {
            const f = file(config);
            const [code, message] = await run(["--from", input(), "--config", f]);
            assert.strictEqual(code, 2, message);
            assert.strictEqual(message, `${f}: invalid pack config:\n  ${expected}`);
            assert.doesNotMatch(message, /Hunter2/);
        }
    });
    for (const [what, where, expected] of [
        ["a missing --config file", () => path.join(dir, "no-config.json"), /--config .*no-config\.json: no such file/],
        ["a folder as --config", () => dir, /--config .*: not a file/],
    ] as const) {
        it(`rejects ${what}`, async () => {
            const [code, message] = await run(["--from", input(), "--config", where()]);
            assert.strictEqual(code, 2, message);
            assert.match(message, expected);
            assert.doesNotMatch(message, /\n\s+at /);
        });
    }
    it("accepts flow-connected like a policy: a level or stages, no other property", async () => {
        const from = input();
        assert.strictEqual((await run(["--from", from, "--config", file({ "flow-connected": "advisory" })]))[0], 1);
        const bad = file({ "flow-connected": { enforcementLevel: "disabled", hops: 1 } });
        assert.deepStrictEqual(await run(["--from", from, "--config", bad]), [2, `${bad}: invalid pack config:\n  flow-connected: "hops" is not a property of the policy; allowed: enforcementLevel, stages`]);
        // growth input: flow-connected off for growth only leaves the security rule's violation
        assert.strictEqual((await run(["--from", from, "--config", file({ "flow-connected": { stages: { growth: "disabled" } } })]))[0], 1);
    });
    it("honours all: every policy at that level, a policy's own level first", async () => {
        const from = input();
        assert.strictEqual((await run(["--from", from, "--config", file({ all: "advisory" })]))[0], 0);
        assert.strictEqual((await run(["--from", from, "--config", file({ all: "advisory", "sec-security-group-forbid-world-sensitive-ports": "mandatory" })]))[0], 1);
    });
    it("accepts the shipped stage configs", async () => {
        for (const stage of ["startup", "growth", "mature"]) {
            // --stage: each config judges the input at its own stage (without it, another stage's config is an error)
            const [code, message] = await run(["--from", input(), "--config", path.join(ROOT, "policies", "config", `${stage}.json`), "--stage", stage]);
            assert.strictEqual(code, 1, message);
        }
    });
});

describe("check: malformed previews, exports and plans are one exact error with exit 2", () => {
    const ok = asg("s");
    const withStage = (resources: unknown[], extra: Record<string, unknown> = {}) => ({ ...preview({ "live-commerce:stage": "growth" }, resources), ...extra });
    const steps = (list: { op?: unknown; newState?: unknown }[]) => ({ config: { "live-commerce:stage": "growth" }, steps: list, diagnostics: [] });
    const root = (outputs: Record<string, unknown>) => ({ urn: URN("s", "pulumi:pulumi:Stack", "live-commerce-s"), type: "pulumi:pulumi:Stack", custom: false, outputs });
    const ops = "same, create, update, delete, replace, create-replacement, delete-replaced, read, read-replacement, refresh, discard, discard-replaced, remove-pending-replace, import, import-replacement";
    const cases: readonly [string, unknown, (f: string) => string][] = [
        ["a step whose op is the unknown value", steps([{ op: UNKNOWN_STRING, newState: ok }]), (f) => `${f}: steps[0].op must be one of ${ops} (got the preview's unknown value)`],
        ["a step whose op is misspelled", steps([{ op: "craete", newState: ok }]), (f) => `${f}: steps[0].op must be one of ${ops} (got "craete")`],
        ["a step without an op", steps([{ newState: ok }]), (f) => `${f}: steps[0].op must be one of ${ops} (got nothing)`],
        ["propertyDependencies as a list", withStage([{ ...ok, propertyDependencies: [ok.urn] }]), (f) => `${f}: steps[0].newState: "propertyDependencies" of ${ok.urn} must be an object of property name to a list of URNs (got a list)`],
        ["propertyDependencies as a string", withStage([{ ...ok, propertyDependencies: ok.urn }]), (f) => `${f}: steps[0].newState: "propertyDependencies" of ${ok.urn} must be an object of property name to a list of URNs (got a string)`],
        ["a dependency that is not a URN", withStage([{ ...ok, propertyDependencies: { vpcZoneIdentifiers: ["subnet-1"] } }]), (f) => `${f}: steps[0].newState: "propertyDependencies" of ${ok.urn}: vpcZoneIdentifiers[0] is not a URN (got a string of 8 characters; value not shown)`],
        ["a preview step repeated", withStage([ok, ok]), (f) => `${f}: steps[0] (create) and steps[1] (create) are the same resource ${ok.urn}; a preview lists each resource once (twice only in the steps of one replacement, or after its refresh step, which \`pulumi preview --json --refresh\` prints with op "refresh"): check the input is the output of \`pulumi preview --json\`, unedited`],
        ["every resource of a plan tripled", { stack: "s", stage: "growth", resources: [ok, ok, ok] }, (f) => `${f}: resources[0] and resources[1] are the same resource ${ok.urn}; each resource is listed once`],
        ["an export's resource twice", { version: 3, deployment: { resources: [root({ stage: "growth" }), ok, ok] } }, (f) => `${f}: deployment.resources[1] and deployment.resources[2] are the same resource ${ok.urn}; each resource is listed once`],
        ["a URN that is not one", { stack: "s", stage: "growth", resources: [{ ...ok, urn: "not-a-urn" }] }, (f) => `${f}: resources[0]: "urn" is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>; got "not-a-urn")`],
        ["the unknown value as a URN", withStage([{ ...ok, urn: UNKNOWN_STRING }]), (f) => `${f}: steps[0].newState: "urn" is not a Pulumi URN (urn:pulumi:<stack>::<project>::<type>::<name>; got the preview's unknown value)`],
        ["a URN of another type", { stack: "s", stage: "growth", resources: [{ ...ok, type: "aws:s3/bucket:Bucket" }] }, (f) => `${f}: resources[0]: "urn" ${ok.urn} names type aws:autoscaling/group:Group, but the resource's "type" is aws:s3/bucket:Bucket`],
        ["the stage as a list", preview({ "live-commerce:stage": JSON.parse('["growth"]') }, [ok]), (f) => `${f}: preview config live-commerce:stage must be text (got a list)`],
        ["the stage as a secure: object", { config: { "live-commerce:stage": { secure: "v1:AAAA" } }, steps: [{ op: "create", newState: ok }] }, (f) => `${f}: preview config live-commerce:stage must be text (got an encrypted secret; it is never one: set it as plain text)`],
        ["an export's stage output as a number", { version: 3, deployment: { resources: [root({ stage: 2 }), ok] } }, (f) => `${f}: stack output "stage" must be text (got a number)`],
        ["a plan whose cloud contradicts its resources", { stack: "s", stage: "growth", cloud: "alicloud", resources: [ok] }, (f) => `${f}: the input declares cloud alicloud, but ${ok.urn} is a resource of aws; check the input's cloud`],
        ["a plan whose cloud is not one", { stack: "s", stage: "growth", cloud: "gcp", resources: [ok] }, (f) => `${f}: cloud "gcp" is not one of alicloud, aws`],
    ];
    for (const [what, doc, expected] of cases) {
        it(what, async () => {
            const f = file(doc);
            const [code, message] = await run(["--from", f]);
            assert.strictEqual(code, 2, message);
            assert.strictEqual(message, expected(f));
        });
    }
    it("the steps of one replacement share a URN and count once; removed resources are not judged", async () => {
        const [code, out] = await run(["--from", file(steps([{ op: "create-replacement", newState: ok }, { op: "replace", newState: ok }, { op: "delete-replaced" }, { op: "delete" }])), "--output", "json"]);
        assert.strictEqual(code, 1, out);
        const report: unknown = JSON.parse(out);
        assert.ok(isRecord(report) && isRecord(report.policy) && Array.isArray(report.policy.violations));
        assert.strictEqual(report.policy.violations.filter((v) => isRecord(v) && v.policy === "ha-autoscaling-group-require-multi-zone").length, 1);
    });
    it("an export's resource pending deletion (delete: true) beside its replacement is left out", async () => {
        const [code] = await run(["--from", file({ version: 3, deployment: { resources: [root({ stage: "growth" }), { ...ok, delete: true }, ok] } })]);
        assert.strictEqual(code, 1);
    });
    it("a null propertyDependencies entry (a nil list as older CLIs write it) is no dependency", async () => {
        const [code, out] = await run(["--from", file(withStage([{ ...ok, propertyDependencies: { vpcZoneIdentifiers: null, minSize: [] } }])), "--output", "json"]);
        // judged like the same group without the entry: its one unknown subnet is "cannot be judged", not an input error
        const [plainCode, plainOut] = await run(["--from", file(withStage([ok])), "--output", "json"]);
        assert.strictEqual(code, plainCode, out);
        assert.deepStrictEqual(JSON.parse(out).policy, JSON.parse(plainOut).policy);
    });
});

describe("check: which steps of a preview make the whole stack", () => {
    const stackUrn = URN("s", "pulumi:pulumi:Stack", "live-commerce-s");
    const stackRoot = { urn: stackUrn, type: "pulumi:pulumi:Stack", custom: false, inputs: {} };
    const group = asg("s");
    const sg = sshRule("s");
    const doc = (list: { op: string; newState: unknown }[]) => ({ config: { "live-commerce:stage": "growth" }, steps: list, diagnostics: [] });
    const partial = (f: string) => `${f}: the preview lists only the resources it changes (no unchanged resource besides the stack); run \`pulumi preview --json --show-sames\` so the whole stack is judged`;
    it("refuses a preview of an existing stack without --show-sames (no changes: only the Stack's same step)", async () => {
        const f = file(doc([{ op: "same", newState: stackRoot }]));
        assert.deepStrictEqual(await run(["--from", f]), [2, `${f}: the preview lists only the stack's root resource, none of its resources; run \`pulumi preview --json --show-sames\` so the whole stack is judged`]);
    });
    it("refuses a preview of an existing stack whose only steps are updates (an image-tag bump), never a verdict on the changed resources alone", async () => {
        const f = file(doc([{ op: "same", newState: stackRoot }, { op: "update", newState: group }]));
        assert.deepStrictEqual(await run(["--from", f]), [2, partial(f)]);
    });
    it("judges the same change listed with --show-sames (unchanged resources as same steps)", async () => {
        const [code, out] = await run(["--from", file(doc([{ op: "same", newState: stackRoot }, { op: "same", newState: sg }, { op: "update", newState: group }])), "--output", "json"]);
        assert.strictEqual(code, 1, out);
        const policies = JSON.parse(out).policy.violations.map((v: { policy: string }) => v.policy);
        assert.ok(policies.includes("sec-security-group-forbid-world-sensitive-ports"), out);
    });
    it("judges a first preview (the Stack and every resource are create) without same steps", async () => {
        const [code, out] = await run(["--from", file(doc([{ op: "create", newState: stackRoot }, { op: "create", newState: sg }])), "--output", "json"]);
        assert.strictEqual(code, 1, out);
    });
    it("accepts pulumi preview --refresh: a refresh step then the resource's own step; the later state is judged", async () => {
        const open = { ...sg, inputs: { ...sg.inputs, cidrIpv4: "10.0.0.0/8" } };
        const f = file(doc([{ op: "refresh", newState: stackRoot }, { op: "refresh", newState: open }, { op: "refresh", newState: group }, { op: "same", newState: stackRoot }, { op: "update", newState: sg }]));
        const [code, out] = await run(["--from", f, "--output", "json"]);
        assert.strictEqual(code, 1, out);
        const ssh = JSON.parse(out).policy.violations.filter((v: { policy: string }) => v.policy === "sec-security-group-forbid-world-sensitive-ports");
        // the update's state (0.0.0.0/0) counts, not the refreshed one (10.0.0.0/8)
        assert.strictEqual(ssh.length, 1, out);
    });
    it("still refuses two refresh steps of one resource", async () => {
        const f = file(doc([{ op: "create", newState: stackRoot }, { op: "refresh", newState: group }, { op: "refresh", newState: group }]));
        const [code, message] = await run(["--from", f]);
        assert.strictEqual(code, 2);
        assert.match(message, /steps\[1\] \(refresh\) and steps\[2\] \(refresh\) are the same resource/);
    });
});

describe("check: an export's subnet without a zone input is in the zone its outputs name", () => {
    const root = { urn: URN("s", "pulumi:pulumi:Stack", "live-commerce-s"), type: "pulumi:pulumi:Stack", custom: false, outputs: { stage: "growth", cloud: "aws" } };
    const subnet = (name: string, id: string, inputZone: string | undefined, outputZone: string) => ({
        urn: URN("s", "aws:ec2/subnet:Subnet", name),
        type: "aws:ec2/subnet:Subnet",
        custom: true,
        id,
        inputs: { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", ...(inputZone !== undefined ? { availabilityZone: inputZone } : {}) },
        outputs: { id, vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", availabilityZone: outputZone, availabilityZoneId: outputZone === "us-east-1a" ? "use1-az1" : "use1-az2" },
    });
    const group = { ...asg("s"), id: "lc-asg", inputs: { minSize: 2, maxSize: 4, vpcZoneIdentifiers: ["subnet-a", "subnet-b"], healthCheckType: "ELB" } };
    const spread = async (outputZoneOfB: string): Promise<string[]> => {
        const doc = { version: 3, deployment: { resources: [root, subnet("a", "subnet-a", "us-east-1a", "us-east-1a"), subnet("b", "subnet-b", undefined, outputZoneOfB), group] } };
        const [, out] = await run(["--from", file(doc), "--output", "json"]);
        return JSON.parse(out).policy.violations.filter((v: { policy: string }) => v.policy === "ha-autoscaling-group-require-multi-zone").map((v: { message: string; enforcement: string }) => `${v.enforcement}: ${v.message}`);
    };
    it("both subnets in us-east-1a (the second by its outputs): one zone, a mandatory finding", async () => {
        const found = await spread("us-east-1a");
        assert.strictEqual(found.length, 1, found.join("\n"));
        assert.match(found[0], /^mandatory: .*1 zone/);
    });
    it("the second subnet in us-east-1b by its outputs: two zones, no finding", async () => {
        assert.deepStrictEqual(await spread("us-east-1b"), []);
    });
});
