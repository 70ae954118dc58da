// Talking to a web host from a test: its API with the token, how long other requests wait while a long one runs, and
// the peak memory of its process (Linux's VmHWM, reset between measurements where /proc allows it).
import fs from 'node:fs';
import type { Envelope } from '../../contract';

export type Api = (op: string, args: unknown) => Promise<Envelope<unknown>>;

export function apiOf(host: { port: number; token: string }, client?: string): Api {
  return (op, args) => post(host, JSON.stringify({ op, args }), client);
}

/** The value of an answer that must have succeeded. */
export function valueOf<T>(r: Envelope<unknown>): T {
  if (!r.ok) throw new Error(`request failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

/** Sends a request body made beforehand (a large upload is serialised before any waiting is timed). */
export async function post(host: { port: number; token: string }, body: string, client?: string): Promise<Envelope<unknown>> {
  const res = await fetch(`http://127.0.0.1:${host.port}/api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Plan-Review-Token': host.token, ...(client ? { 'X-Plan-Review-Client': client } : {}) },
    body,
  });
  return (await res.json()) as Envelope<unknown>;
}

/**
 * Runs `work` while other requests (the round list) go out every `gapMs`, not waiting for each other: gives the work's
 * answer and time, and how long each of the other requests waited. A host that freezes makes all of those sent
 * meanwhile wait; the machine's own hiccups make a few wait.
 */
export async function whileAnswering<T>(api: Api, work: () => Promise<T>, gapMs = 20): Promise<{ value: T; ms: number; waits: number[] }> {
  const waits: number[] = [];
  const sent: Promise<void>[] = [];
  let done = false;
  const ping = async () => {
    const t0 = performance.now();
    const r = await api('rounds.list', {});
    if (!r.ok) throw new Error(`the other request failed: ${JSON.stringify(r)}`);
    waits.push(performance.now() - t0);
  };
  const pinging = (async () => {
    while (!done) {
      sent.push(ping());
      await new Promise((res) => setTimeout(res, gapMs));
    }
  })();
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, waits };
  } finally {
    done = true;
    await pinging;
    await Promise.all(sent);
  }
}

/** The share-th smallest of the figures (0.9: nine in ten were at most this). */
export function percentile(xs: number[], share: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] : 0;
}

/** Resets the process's peak memory figure; false where the system does not allow it. */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The process's peak resident memory in bytes (0 where /proc is not there). */
export function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}
