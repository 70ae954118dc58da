// The parsing worker's side: answers {id, job, args} with the job's result or its error (a Chinese AppError keeps its
// code and message). The job table is given by the worker's entry (core/services/parse-jobs.ts).
import { parentPort } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import { AppError } from '../common/errors';

export type Job = (args: never) => Promise<unknown>;
export interface JobRequest { id: number; job: string; args: unknown }
export type JobAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: string; message: string; known: boolean } };

/**
 * A big result (a plan of thousands of items) in pieces: its skeleton with the long arrays emptied, and those arrays'
 * items as JSON strings of a few hundred each. Strings cross to the main thread as a plain copy, and the main thread
 * puts the result together again in short steps, answering other requests in between.
 */
export interface Pieces<T> { skeleton: string; parts: { path: (string | number)[]; json: string }[]; readonly __of?: T }

export function toPieces<T>(value: T, size = 400): Pieces<T> {
  const parts: Pieces<T>['parts'] = [];
  const walk = (v: unknown, path: (string | number)[]): unknown => {
    if (Array.isArray(v)) {
      if (v.length <= size) return v.map((x, i) => walk(x, [...path, i]));
      for (let i = 0; i < v.length; i += size) parts.push({ path, json: JSON.stringify(v.slice(i, i + size)) });
      return [];
    }
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, [...path, k])]));
    return v;
  };
  return { skeleton: JSON.stringify(walk(value, [])), parts };
}

export async function fromPieces<T>(p: Pieces<T>): Promise<T> {
  const value = JSON.parse(p.skeleton) as T;
  for (const part of p.parts) {
    await new Promise((resolve) => setImmediate(resolve));
    let at: unknown = value;
    for (const k of part.path) at = (at as Record<string | number, unknown>)[k];
    (at as unknown[]).push(...(JSON.parse(part.json) as unknown[]));
  }
  return value;
}

/**
 * Parsing is background work: on Linux the worker thread lowers its own scheduling priority (a thread id is a process
 * id there), so on a busy machine the main thread, which answers the window, is served first.
 */
function yieldToMainThread(): void {
  if (process.platform !== 'linux') return;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(fs.readlinkSync('/proc/thread-self'))?.[1]);
    if (tid) os.setPriority(tid, 10);
  } catch { /* not allowed here: the thread keeps the normal priority */ }
}

export function serveParseJobs(jobs: Record<string, Job>): void {
  const port = parentPort;
  if (!port) throw new Error('serveParseJobs runs in a worker thread only');
  yieldToMainThread();
  port.on('message', (req: JobRequest) => {
    void (async () => {
      let answer: JobAnswer;
      try {
        const job = Object.prototype.hasOwnProperty.call(jobs, req.job) ? jobs[req.job] : null;
        if (!job) throw new Error(`unknown job ${req.job}`);
        answer = { id: req.id, ok: true, value: await job(req.args as never) };
      } catch (e) {
        const known = e instanceof AppError;
        answer = { id: req.id, ok: false, error: { code: known ? e.code : 'internal', message: e instanceof Error ? e.message : String(e), known } };
      }
      port.postMessage(answer);
    })();
  });
}
