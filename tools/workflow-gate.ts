// What the policy workflow may do for the event it runs on (.github/workflows/policy.yml): upload
// SARIF, comment on the pull request, run the real preview. Run in the workflow as
//   node bin/tools/workflow-gate.js >> "$GITHUB_OUTPUT"
// with GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_ACTOR and
// HAS_PREVIEW_CREDENTIALS set; and per stack of the preview matrix as
//   node bin/tools/workflow-gate.js --stack "$STACK" >> "$GITHUB_OUTPUT"
// with HAS_PREVIEW_CREDENTIALS, HAS_AWS_CREDENTIALS and HAS_ALICLOUD_CREDENTIALS set, which prints
// whether that stack's preview runs, its configured stage and, when skipped, the notice saying why.
//
// The rules (GitHub Actions documentation, "Automatic token authentication" / "Events that trigger
// workflows: pull_request"): a pull request from a fork gets a read-only GITHUB_TOKEN and no
// secrets, so it can neither upload code-scanning results (security-events: write) nor comment;
// secrets are absent on a fork's own pushes until its owner adds them. Dependabot's pull requests
// come from the same repository but run like a fork's: "GITHUB_TOKEN has read-only permissions by
// default" and "secrets are not available" except Dependabot secrets (GitHub Docs, "Automating
// Dependabot with GitHub Actions", "Troubleshooting Dependabot on GitHub Actions"); the actor of such
// a run is `dependabot[bot]`, and so is the pull request's author.

import * as fs from "fs";

import * as path from "path";

import { isRecord, record, str } from "../policies/lib/values";
import { STACKS_DIR, listStacks, projectName, readYamlObject } from "./lib/stackfiles";

/** The login GitHub gives Dependabot's runs and pull requests. */
export const DEPENDABOT = "dependabot[bot]";

export interface GateContext {
    /** GITHUB_EVENT_NAME. */
    readonly eventName: string;
    /** The repository the workflow runs in (GITHUB_REPOSITORY, owner/name). */
    readonly repository: string;
    /** For pull requests: the head repository (owner/name), from the event payload. */
    readonly headRepository: string | undefined;
    /** GITHUB_ACTOR: who triggered the run. */
    readonly actor?: string;
    /** For pull requests: the login of the pull request's author, from the event payload. */
    readonly pullRequestAuthor?: string;
    /** Whether the preview credentials (Pulumi token) are set. */
    readonly hasPreviewCredentials: boolean;
    /** The repository variable POLICY_SARIF_UPLOAD: "false" where code scanning is not enabled. */
    readonly sarifUploadVariable: string | undefined;
}

export interface GateDecisions {
    /** The token may write security events: same-repository pull requests and pushes. */
    readonly uploadSarif: boolean;
    /** The token may write pull request comments: same-repository pull requests. */
    readonly comment: boolean;
    /** The real `pulumi preview` with the pack: pushes with credentials. */
    readonly preview: boolean;
}

/** Decides what the workflow does; a fork's pull request only runs the offline check. */
export function gateDecisions(c: GateContext): GateDecisions {
    const pullRequest = c.eventName === "pull_request";
    const dependabot = c.actor === DEPENDABOT || c.pullRequestAuthor === DEPENDABOT;
    const sameRepository = pullRequest && c.headRepository === c.repository && !dependabot;
    const writeToken = sameRepository || (c.eventName === "push" && !dependabot);
    return {
        uploadSarif: writeToken && c.sarifUploadVariable !== "false",
        comment: sameRepository,
        preview: c.eventName === "push" && c.hasPreviewCredentials && !dependabot,
    };
}

/** The context from the runner's environment and event payload. */
export function contextFromEnv(env: NodeJS.ProcessEnv): GateContext {
    let event: unknown = {};
    const file = env.GITHUB_EVENT_PATH;
    if (file !== undefined && fs.existsSync(file)) event = JSON.parse(fs.readFileSync(file, "utf8"));
    const pullRequest = record(isRecord(event) ? event.pull_request : undefined);
    const head = record(pullRequest.head);
    const author = str(record(pullRequest.user).login);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? "",
        repository: env.GITHUB_REPOSITORY ?? "",
        headRepository: str(record(head.repo).full_name),
        ...(env.GITHUB_ACTOR !== undefined ? { actor: env.GITHUB_ACTOR } : {}),
        ...(author !== undefined ? { pullRequestAuthor: author } : {}),
        hasPreviewCredentials: env.HAS_PREVIEW_CREDENTIALS === "true",
        sarifUploadVariable: env.POLICY_SARIF_UPLOAD,
    };
}

/**
 * The stacks of the stack files in `dir` (`Pulumi.<stack>.yaml`, whatever the stack's name): the
 * preview job's matrix. [] when there is none, or no such folder.
 */
export function stackNames(dir: string = STACKS_DIR): string[] {
    return fs.existsSync(dir) && fs.statSync(dir).isDirectory() ? listStacks(dir) : [];
}

/**
 * `key=value` lines for $GITHUB_OUTPUT, with the stacks of the preview matrix (JSON). Without a
 * stack there is no preview: GitHub fails a job whose matrix is empty ("Matrix vector 'stack' does
 * not contain any values"), so the job is skipped instead.
 */
export function outputLines(d: GateDecisions, stacks?: readonly string[]): string {
    const lines = `upload_sarif=${d.uploadSarif}\ncomment=${d.comment}\npreview=${d.preview && (stacks === undefined || stacks.length > 0)}\n`;
    return stacks === undefined ? lines : `${lines}stacks=${JSON.stringify(stacks)}\n`;
}

/** The credentials set in the preview job (true when the secret or variable is non-empty). */
export interface PreviewCredentials {
    /** PULUMI_ACCESS_TOKEN: the backend holding the stacks. */
    readonly pulumi: boolean;
    /** AWS_ACCESS_KEY_ID with its secret, or the OIDC role variable AWS_ROLE_TO_ASSUME. */
    readonly aws: boolean;
    /** ALICLOUD_ACCESS_KEY with its secret. */
    readonly alicloud: boolean;
}

/** One stack of the preview matrix: whether its preview runs, its stage, and why not. */
export interface StackPreviewDecision {
    readonly run: boolean;
    /** The stack's configured `<project>:stage` (names the pack config); "" when skipped. */
    readonly stage: string;
    /** Why the stack is skipped (a workflow `::notice::`); "" when it runs. */
    readonly notice: string;
}

const STAGE_NAMES = ["startup", "growth", "mature"];
const CLOUD_CREDENTIALS: Readonly<Record<string, { readonly key: keyof PreviewCredentials; readonly names: string }>> = {
    aws: { key: "aws", names: "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY secrets, or the AWS_ROLE_TO_ASSUME variable (OIDC)" },
    alicloud: { key: "alicloud", names: "ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY secrets" },
};

/**
 * Whether the real preview of one stack runs: skipped (a notice, not a failure) when the Pulumi
 * token or the credentials of the stack's own cloud are missing, or when the stack file does not
 * name a known stage and cloud (the offline check reports that). A stack that does not exist in
 * the backend yet is not a reason to skip: the job creates it with `pulumi stack select --create`,
 * so its first preview (every id unknown) is judged too.
 */
export function stackPreviewDecision(stack: string, config: Readonly<Record<string, unknown>>, project: string, credentials: PreviewCredentials): StackPreviewDecision {
    const skip = (why: string): StackPreviewDecision => ({ run: false, stage: "", notice: `preview of ${stack} skipped: ${why}` });
    if (!credentials.pulumi) return skip("the PULUMI_ACCESS_TOKEN secret is not set");
    const stage = config[`${project}:stage`];
    const cloud = config[`${project}:cloud`];
    if (typeof stage !== "string" || !STAGE_NAMES.includes(stage)) return skip(`its stack file sets no ${project}:stage of ${STAGE_NAMES.join(", ")} (the offline check reports it)`);
    const needs = typeof cloud === "string" ? CLOUD_CREDENTIALS[cloud] : undefined;
    if (needs === undefined) return skip(`its stack file sets no ${project}:cloud of ${Object.keys(CLOUD_CREDENTIALS).join(", ")} (the offline check reports it)`);
    if (!credentials[needs.key]) return skip(`a ${cloud} stack needs the ${needs.names}`);
    return { run: true, stage, notice: "" };
}

/** The credentials from the job's environment (HAS_*_CREDENTIALS set to "true" by the workflow; AWS_ROLE_TO_ASSUME the OIDC role's ARN). */
export function credentialsFromEnv(env: NodeJS.ProcessEnv): PreviewCredentials {
    return {
        pulumi: env.HAS_PREVIEW_CREDENTIALS === "true",
        aws: env.HAS_AWS_CREDENTIALS === "true" || (env.AWS_ROLE_TO_ASSUME ?? "") !== "",
        alicloud: env.HAS_ALICLOUD_CREDENTIALS === "true",
    };
}

/** `key=value` lines for $GITHUB_OUTPUT of one stack's decision. */
export function stackOutputLines(d: StackPreviewDecision): string {
    return `run=${d.run}\nstage=${d.stage}\nnotice=${d.notice.replace(/[\r\n]/g, " ")}\n`;
}

/** The decision for a stack file of stacks/ (its config read as written, secure values untouched). */
export function stackDecisionFromFile(stack: string, env: NodeJS.ProcessEnv, dir: string = STACKS_DIR): StackPreviewDecision {
    const file = path.join(dir, `Pulumi.${stack}.yaml`);
    const doc = fs.existsSync(file) ? readYamlObject(file) : {};
    return stackPreviewDecision(stack, record(doc.config), projectName(), credentialsFromEnv(env));
}

if (require.main === module) {
    const at = process.argv.indexOf("--stack");
    const stack = at >= 0 ? process.argv[at + 1] : undefined;
    process.stdout.write(stack !== undefined ? stackOutputLines(stackDecisionFromFile(stack, process.env)) : outputLines(gateDecisions(contextFromEnv(process.env)), stackNames()));
}
