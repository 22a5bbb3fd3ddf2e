// A planning thread of tools/lib/plan-threads.ts: plans the stacks it is sent, one at a time, and
// answers each with its outcome (or the error it crashed with) and the bytes planning it wrote to
// stdout and stderr (the program's and the runtime's warnings), which the command's thread prints
// in the order of the stacks. A null request ends the thread.

import { parentPort } from "worker_threads";

import { planOutcome } from "../plan";
import { PlanReply, isPlanRequest } from "./plan-threads";

type WriteCallback = (err?: Error | null) => void;

/** Makes `stream.write` append to `chunks` instead of writing; the returned function undoes it. */
function capture(stream: NodeJS.WriteStream, chunks: Buffer[]): () => void {
    const write = stream.write;
    stream.write = (chunk: string | Uint8Array, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
        chunks.push(typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk));
        const done = typeof encoding === "function" ? encoding : callback;
        if (done !== undefined) process.nextTick(done);
        return true;
    };
    return () => {
        stream.write = write;
    };
}

/** Takes the captured bytes, leaving `chunks` empty. */
function take(chunks: Buffer[]): Uint8Array {
    const bytes = Buffer.concat(chunks);
    chunks.length = 0;
    return bytes;
}

function serve(): void {
    const port = parentPort;
    if (port === null) throw new Error("tools/lib/plan-worker.js runs as a worker thread of tools/lib/plan-threads.ts");
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    const restore = [capture(process.stdout, stdout), capture(process.stderr, stderr)];
    port.on("message", (m: unknown) => {
        if (m === null) {
            // what runs at exit (the code cache's report) writes to the thread's own streams
            for (const r of restore) r();
            process.exit(0);
        }
        if (!isPlanRequest(m)) throw new Error(`a planning thread got an unexpected request: ${JSON.stringify(m)}`);
        planOutcome(m.stack, m.dir, m.preview).then(
            (outcome) => {
                const reply: PlanReply = { index: m.index, outcome, stdout: take(stdout), stderr: take(stderr) };
                port.postMessage(reply);
            },
            (crash: unknown) => {
                const reply: PlanReply = { index: m.index, crash, stdout: take(stdout), stderr: take(stderr) };
                port.postMessage(reply);
            },
        );
    });
}

serve();
