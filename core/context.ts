// What every service receives: the open database, where it lives, and the in-memory state of long operations.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import type { DB } from '../db/connection';

export interface Context {
  db: DB;
  dbFile: string;
  /** Where exports go when no path is given, and where uploaded files are staged. */
  workDir: string;
  transport: 'ipc' | 'web' | 'cli' | 'test';
  /** Previews waiting for the planner's confirmation, by id. */
  pending: Map<string, { kind: string; createdAt: number; data: unknown }>;
  /** Optional progress reporting for long work (import, export, returns). */
  progress?: (p: { op: string; done: number; total: number; message?: string }) => void;
  /** The latest progress of each long operation, read by the UI while the operation runs. */
  jobs: Map<string, { op: string; done: number; total: number; message: string; at: number }>;
}

export function createContext(db: DB, dbFile: string, transport: Context['transport'], workDir?: string): Context {
  const dir = workDir ?? path.join(dbFile === ':memory:' ? os.tmpdir() : path.dirname(path.resolve(dbFile)), 'exports');
  fs.mkdirSync(dir, { recursive: true });
  const jobs: Context['jobs'] = new Map();
  return {
    db, dbFile, workDir: dir, transport, pending: new Map(), jobs,
    progress: (p) => { jobs.set(p.op, { op: p.op, done: p.done, total: p.total, message: p.message ?? '', at: Date.now() }); },
  };
}
