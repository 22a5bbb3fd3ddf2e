// What the policy workflow may do for the event it runs on (.github/workflows/policy.yml): upload
// SARIF, comment on the pull request, run the real preview. Run in the workflow as
//   node bin/tools/workflow-gate.js >> "$GITHUB_OUTPUT"
// with GITHUB_EVENT_NAME, GITHUB_EVENT_PATH, GITHUB_REPOSITORY and HAS_PREVIEW_CREDENTIALS set.
//
// The rules (GitHub Actions documentation, "Automatic token authentication" / "Events that trigger
// workflows: pull_request"): a pull request from a fork gets a read-only GITHUB_TOKEN and no
// secrets, so it can neither upload code-scanning results (security-events: write) nor comment;
// secrets are absent on a fork's own pushes until its owner adds them.

import * as fs from "fs";

import { isRecord, record, str } from "../policies/lib/values";

export interface GateContext {
    /** GITHUB_EVENT_NAME. */
    readonly eventName: string;
    /** The repository the workflow runs in (GITHUB_REPOSITORY, owner/name). */
    readonly repository: string;
    /** For pull requests: the head repository (owner/name), from the event payload. */
    readonly headRepository: string | undefined;
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
    const sameRepository = pullRequest && c.headRepository === c.repository;
    const writeToken = sameRepository || c.eventName === "push";
    return {
        uploadSarif: writeToken && c.sarifUploadVariable !== "false",
        comment: sameRepository,
        preview: c.eventName === "push" && c.hasPreviewCredentials,
    };
}

/** The context from the runner's environment and event payload. */
export function contextFromEnv(env: NodeJS.ProcessEnv): GateContext {
    let event: unknown = {};
    const file = env.GITHUB_EVENT_PATH;
    if (file !== undefined && fs.existsSync(file)) event = JSON.parse(fs.readFileSync(file, "utf8"));
    const head = record(record(isRecord(event) ? event.pull_request : undefined).head);
    return {
        eventName: env.GITHUB_EVENT_NAME ?? "",
        repository: env.GITHUB_REPOSITORY ?? "",
        headRepository: str(record(head.repo).full_name),
        hasPreviewCredentials: env.HAS_PREVIEW_CREDENTIALS === "true",
        sarifUploadVariable: env.POLICY_SARIF_UPLOAD,
    };
}

/** `key=value` lines for $GITHUB_OUTPUT. */
export function outputLines(d: GateDecisions): string {
    return `upload_sarif=${d.uploadSarif}\ncomment=${d.comment}\npreview=${d.preview}\n`;
}

if (require.main === module) process.stdout.write(outputLines(gateDecisions(contextFromEnv(process.env))));
