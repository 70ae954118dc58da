// Runs a parse job (a file from outside: a plan document, a filled-in return) in a worker thread with a wall-clock
// limit and a memory limit, so the window, IPC and the web host go on answering meanwhile and a hostile file ends with
// a Chinese message instead of a frozen or crashed app. Up to two workers live at once and are reused while healthy.
import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { AppError } from '../common/errors';
import type { ParseJobs } from '../services/parse-jobs';
import type { JobAnswer } from './parse-worker';

export interface ParseLimits { timeoutMs: number; heapMb: number }
let limits: ParseLimits = { timeoutMs: 30_000, heapMb: 320 };
/** Tests make the limits small; the app keeps the defaults. */
export function setParseLimits(next: Partial<ParseLimits>): ParseLimits {
  const before = limits;
  limits = { ...limits, ...next };
  return before;
}

const MAX_WORKERS = 2;
const IDLE_MS = 30_000;

/**
 * The worker's entry: from the TypeScript sources (tests, the command line) tsx compiles it in the worker; the
 * Electron bundle has it as its own file beside main.js (build/build.mjs).
 */
function spawn(): Worker {
  const fromSources = __filename.endsWith('.ts');
  const resourceLimits = { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 };
  if (!fromSources) return new Worker(path.join(__dirname, 'parse-worker.js'), { resourceLimits });
  const entry = path.resolve(__dirname, '..', 'services', 'parse-jobs.ts');
  return new Worker(`require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits });
}

interface Slot { worker: Worker; idle: NodeJS.Timeout | null }
const idle: Slot[] = [];
let live = 0;
const waiting: ((s: Slot) => void)[] = [];
let nextId = 1;

function acquire(): Promise<Slot> {
  const s = idle.pop();
  if (s) {
    if (s.idle) clearTimeout(s.idle);
    s.worker.ref();
    return Promise.resolve(s);
  }
  if (live < MAX_WORKERS) {
    live++;
    const slot: Slot = { worker: spawn(), idle: null };
    slot.worker.once('exit', () => { live--; const i = idle.indexOf(slot); if (i >= 0) idle.splice(i, 1); });
    return Promise.resolve(slot);
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(s: Slot): void {
  const next = waiting.shift();
  if (next) return next(s);
  s.worker.unref();
  s.idle = setTimeout(() => void s.worker.terminate(), IDLE_MS);
  s.idle.unref();
  idle.push(s);
}

/** A worker that failed is ended; someone waiting gets a fresh one. */
function discard(s: Slot): void {
  void s.worker.terminate();
  const next = waiting.shift();
  if (next) {
    live++;
    const slot: Slot = { worker: spawn(), idle: null };
    slot.worker.once('exit', () => { live--; });
    next(slot);
  }
}

/** Ends the idle workers (the next job starts a fresh one, with the limits of the moment). */
export async function endParseWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((s) => { if (s.idle) clearTimeout(s.idle); return s.worker.terminate(); }));
}

type Args<K extends keyof ParseJobs> = Parameters<ParseJobs[K]>[0];
type Answer<K extends keyof ParseJobs> = Awaited<ReturnType<ParseJobs[K]>>;

/** Runs `job` in a worker; `label` (the file's name) goes into the messages of a file that is refused. */
export async function inWorker<K extends keyof ParseJobs>(job: K, args: Args<K>, label: string): Promise<Answer<K>> {
  const slot = await acquire();
  const { timeoutMs, heapMb } = limits;
  const id = nextId++;
  return new Promise<Answer<K>>((resolve, reject) => {
    const w = slot.worker;
    let settled = false;
    const finish = (healthy: boolean, f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      w.off('message', onMessage);
      w.off('error', onError);
      w.off('exit', onExit);
      if (healthy) release(slot); else discard(slot);
      f();
    };
    const onMessage = (m: JobAnswer) => {
      if (m.id !== id) return;
      if (m.ok) finish(true, () => resolve(m.value as Answer<K>));
      else finish(true, () => reject(m.error.known ? new AppError(m.error.code, m.error.message) : new Error(m.error.message)));
    };
    const onError = (e: Error & { code?: string }) => finish(false, () => reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new AppError('too_complex', `「${label}」过大或结构过于复杂,读取时超出了内存上限(${heapMb} MB),已停止读取,未导入`)
      : new AppError('internal', `读取「${label}」时出错:${e.message.slice(0, 200)}`)));
    const onExit = () => finish(false, () => reject(new AppError('internal', `读取「${label}」时读取进程意外结束,未导入`)));
    const timer = setTimeout(() => finish(false, () => reject(new AppError('timeout',
      `「${label}」在 ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} 秒` : `${timeoutMs} 毫秒`}内没有读完(内容过大或结构异常),已停止读取,未导入`))), timeoutMs);
    w.on('message', onMessage);
    w.on('error', onError);
    w.on('exit', onExit);
    w.postMessage({ id, job, args });
  });
}
