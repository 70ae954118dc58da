// The parsing worker's side: answers {id, job, args} with the job's result or its error (a Chinese AppError keeps its
// code and message). The job table is given by the worker's entry (core/services/parse-jobs.ts).
import { parentPort } from 'node:worker_threads';
import { AppError } from '../common/errors';

export type Job = (args: never) => Promise<unknown>;

/**
 * A big result (a plan of thousands of items) crosses as one JSON string: copying a string is a memcpy, and JSON.parse
 * on the main thread is several times quicker than rebuilding the same objects from a structured clone.
 */
export type Json<T> = string & { readonly __json?: T };
export const toJson = <T>(v: T): Json<T> => JSON.stringify(v) as Json<T>;
export const fromJson = <T>(j: Json<T>): T => JSON.parse(j) as T;
export interface JobRequest { id: number; job: string; args: unknown }
export type JobAnswer = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: { code: string; message: string; known: boolean } };

export function serveParseJobs(jobs: Record<string, Job>): void {
  const port = parentPort;
  if (!port) throw new Error('serveParseJobs runs in a worker thread only');
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
