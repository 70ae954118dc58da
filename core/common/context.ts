// What every service receives: the open database (through the swappable store), where it lives, the files the user chose (by handle), the desktop
// shell's dialogs where there is one, who is asking, and the in-memory state of long operations.
import path from 'node:path';
import fs from 'node:fs';
import os from 'node:os';
import type { DB } from '../../db/connection';
import { Handles } from './handles';
import { Store } from './store';

/** The desktop app's native dialogs, given by the Electron main process; the web host and the command line have none. */
export interface Shell {
  openFiles(kind: 'plans' | 'returns'): Promise<string[]>;
  saveFile(defaultName: string): Promise<string | null>;
  pickFolder(): Promise<string | null>;
  reveal(file: string): void;
}

export interface Context {
  /** The connection of the moment (read through the store: a restore swaps it). */
  readonly db: DB;
  /** The database behind `db`: its state (ready, read-only, damaged, restoring) and the swap a restore makes. */
  store: Store;
  dbFile: string;
  /** Where exports go when no place is chosen, and where the browser downloads them from. */
  workDir: string;
  transport: 'ipc' | 'web' | 'cli' | 'test';
  /** The window (or browser tab, or command) a request comes from: each has its own undo stack. */
  client: string;
  handles: Handles;
  shell?: Shell;
  /** Previews waiting for the planner's confirmation, by id. */
  pending: Map<string, { kind: string; createdAt: number; data: unknown }>;
  /** Optional progress reporting for long work (import, export, returns). */
  progress?: (p: { op: string; done: number; total: number; message?: string }) => void;
  /** The latest progress of each long operation, read by the UI while the operation runs. */
  jobs: Map<string, { op: string; done: number; total: number; message: string; at: number }>;
}

/** A context over a connection, or over a store (one that may be read-only or damaged, as the app opens it). */
export function createContext(db: DB | Store, dbFile: string, transport: Context['transport'], workDir?: string): Context {
  const dir = workDir ?? path.join(dbFile === ':memory:' ? os.tmpdir() : path.dirname(path.resolve(dbFile)), 'exports');
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    // An unwritable work folder only matters when something is exported there; the export then says why it failed.
  }
  const jobs: Context['jobs'] = new Map();
  const store = db instanceof Store ? db : new Store(dbFile, db);
  return {
    get db() { return store.db; },
    store, dbFile, workDir: dir, transport, client: transport, handles: new Handles(), pending: new Map(), jobs,
    progress: (p) => { jobs.set(p.op, { op: p.op, done: p.done, total: p.total, message: p.message ?? '', at: Date.now() }); },
  };
}

/**
 * The same context for one client: its undo stack and its requests apart from the other windows'. It inherits from the
 * shared one (not a copy), so the connection it reads is always the store's current one.
 */
export const forClient = (ctx: Context, client: string | undefined): Context =>
  (client && client !== ctx.client ? Object.assign(Object.create(ctx) as Context, { client }) : ctx);
