// Plans several stacks at once on worker threads (`npm run plan -- --all`, or several --stack): each
// thread loads its own Pulumi runtime, mocks and SDKs (the runtime's state - settings, mocks, the
// root stack resource - is per thread, like every module's), takes the next stack not yet planned
// when it is free (one of the cloud it planned last, if any is left: each cloud's components load
// that provider's SDK), and sends back the checked plan with what planning wrote to stdout and stderr.
// This thread hands the outcomes out in the order the stacks were named, each with its output, so
// the command prints exactly what planning the stacks one after the other prints: a refused stack
// stops the command after the output of the stacks before it, and the output of the stacks after it
// (planned meanwhile) is dropped.
//
// The threads start with the command's own node options (`execArgv`: the V8 heap sizes and the
// `-r ./tools/preload.cjs` preload, so the code cache and the deferred modules work in each).

import * as path from "path";
import { Worker } from "worker_threads";

import type { NamedOutcome, StackOutcome } from "../plan";
import { loadStackConfig, projectName } from "./stackfiles";

/** The compiled planning thread (tools/lib/plan-worker.ts), beside this file in bin/. */
const WORKER_FILE = path.join(__dirname, "plan-worker.js");

/** What a planning thread is asked: plan `stack` (position `index` in the command); null when no stack is left. */
export interface PlanRequest {
    readonly index: number;
    readonly stack: string;
    readonly dir: string;
    readonly preview: boolean;
}

/**
 * A planning thread's answer for one stack: its outcome, or the error it crashed with (`crash`,
 * outcome absent), and the bytes planning it wrote to stdout and stderr.
 */
export interface PlanReply {
    readonly index: number;
    readonly outcome?: StackOutcome;
    readonly crash?: unknown;
    readonly stdout: Uint8Array;
    readonly stderr: Uint8Array;
}

function isRecord(v: unknown): v is Record<string, unknown> {
    return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function isPlanRequest(m: unknown): m is PlanRequest {
    return isRecord(m) && typeof m.index === "number" && typeof m.stack === "string" && typeof m.dir === "string" && typeof m.preview === "boolean";
}

function isStackOutcome(o: unknown): o is StackOutcome {
    if (!isRecord(o)) return false;
    if (o.kind === "planned") return isRecord(o.plan);
    return o.kind === "refused" && (o.code === 1 || o.code === 2) && typeof o.message === "string";
}

export function isPlanReply(m: unknown): m is PlanReply {
    return isRecord(m) && typeof m.index === "number" && m.stdout instanceof Uint8Array && m.stderr instanceof Uint8Array && (m.outcome === undefined || isStackOutcome(m.outcome));
}

/**
 * The cloud a stack's config names (`<project>:cloud`); undefined when the stack file cannot be read
 * (planning it reports why) or names none.
 */
export function cloudOf(stack: string, dir: string): string | undefined {
    try {
        return loadStackConfig(stack, dir)[`${projectName()}:cloud`];
    } catch {
        return undefined;
    }
}

/**
 * The position in `pending` (stack positions, in command order) of the stack a thread that last
 * planned a stack of `cloud` plans next: the first of the same cloud (whose SDK and components that
 * thread has loaded already), else the first. -1 when none is left.
 */
export function nextFor(cloud: string | undefined, pending: readonly number[], clouds: readonly (string | undefined)[]): number {
    if (pending.length === 0) return -1;
    const same = cloud === undefined ? -1 : pending.findIndex((i) => clouds[i] === cloud);
    return same >= 0 ? same : 0;
}

/**
 * Plans `stacks` on `threads` worker threads and yields each stack's outcome in the order of
 * `stacks`, after writing what planning it wrote to stdout and stderr. A stack that crashed is
 * thrown (the error as the thread threw it: message and stack trace), as is a thread that failed
 * outside planning. Stopping early (a refused stack, a crash) terminates the threads.
 */
export async function* planOnThreads(stacks: readonly string[], dir: string, preview: boolean, threads: number): AsyncGenerator<NamedOutcome> {
    const replies = new Map<number, PlanReply>();
    const clouds = stacks.map((stack) => cloudOf(stack, dir));
    const pending = stacks.map((_, i) => i);
    let failure: { readonly error: unknown } | undefined;
    let wake: (() => void) | undefined;
    const notify = (): void => {
        const w = wake;
        wake = undefined;
        w?.();
    };
    const exited: Promise<void>[] = [];
    const workers: Worker[] = [];
    /** The cloud of the stack each thread planned last. */
    const lastCloud = new Map<Worker, string | undefined>();
    const askNext = (w: Worker): void => {
        const at = nextFor(lastCloud.get(w), pending, clouds);
        if (at < 0) {
            w.postMessage(null);
            return;
        }
        const [index] = pending.splice(at, 1);
        lastCloud.set(w, clouds[index]);
        const request: PlanRequest = { index, stack: stacks[index], dir, preview };
        w.postMessage(request);
    };
    for (let i = 0; i < Math.min(threads, stacks.length); i++) {
        const w = new Worker(WORKER_FILE);
        w.on("message", (m: unknown) => {
            if (isPlanReply(m)) {
                replies.set(m.index, m);
                askNext(w);
            } else failure ??= { error: new Error(`a planning thread sent an unexpected message: ${JSON.stringify(m)}`) };
            notify();
        });
        w.on("error", (error: unknown) => {
            failure ??= { error };
            notify();
        });
        exited.push(
            new Promise((resolve) =>
                w.on("exit", (code: number) => {
                    if (code !== 0) failure ??= { error: new Error(`a planning thread exited with code ${code}`) };
                    notify();
                    resolve();
                }),
            ),
        );
        workers.push(w);
        askNext(w);
    }
    let finished = false;
    try {
        for (let index = 0; index < stacks.length; index++) {
            let reply = replies.get(index);
            while (reply === undefined) {
                if (failure !== undefined) throw failure.error;
                await new Promise<void>((resolve) => {
                    wake = resolve;
                });
                reply = replies.get(index);
            }
            replies.delete(index);
            process.stdout.write(reply.stdout);
            process.stderr.write(reply.stderr);
            if (reply.outcome === undefined) throw reply.crash;
            yield { stack: stacks[index], outcome: reply.outcome };
        }
        finished = true;
    } finally {
        // Done: the threads end once told no stack is left (writing their part of the code cache);
        // stopped early: they are stopped.
        if (!finished) await Promise.all(workers.map((w) => w.terminate()));
        await Promise.all(exited);
    }
}
