// The open database behind every service, swappable: a restore closes it, replaces the files and puts a new connection
// in; meanwhile requests are answered "正在恢复" and retried by the client. It also knows when the database is read-only
// (every edit refused) or damaged (only the recovery operations run).
import type { DB, OpenOptions } from '../../db/connection';
import { AppError } from './errors';

export type StoreState = 'ready' | 'read_only' | 'damaged' | 'restoring';

export const RESTORING_MESSAGE = '正在恢复,请稍候';

/** How long a restore waits for requests already running (an export, a preview) to finish before it goes ahead. */
const DRAIN_MS = 20_000;

/** What a swap leaves: the connection now in use and its state, and its result (or the error, after the swap back). */
export type Swapped<T> = { db: DB | null; readOnly?: string | null; damaged?: string | null } & ({ value: T } | { error: unknown });

export class Store {
  private current: DB | null;
  private restoring = false;
  private running = 0;
  private drained: (() => void)[] = [];
  /** Why the database is only read (shown in the 只读 banner), or null. */
  readOnly: string | null;
  /** Why the database cannot be used (shown on the recovery screen), or null. */
  damaged: string | null;
  /** What went wrong at start without stopping it (an unwritable backups folder), shown once to the planner. */
  readonly warnings: string[];
  /** How the connection is opened again after a restore (the Electron build passes its own SQLite binding). */
  readonly options: OpenOptions;

  constructor(public readonly file: string, db: DB | null,
    opts: { readOnly?: string | null; damaged?: string | null; warnings?: string[]; options?: OpenOptions } = {}) {
    this.current = db;
    this.readOnly = opts.readOnly ?? null;
    this.damaged = db ? opts.damaged ?? null : opts.damaged ?? '数据库未打开';
    this.warnings = opts.warnings ?? [];
    this.options = opts.options ?? {};
  }

  get state(): StoreState {
    if (this.restoring) return 'restoring';
    if (this.damaged || !this.current) return 'damaged';
    return this.readOnly ? 'read_only' : 'ready';
  }

  /** The connection; while a restore runs, or when the database is damaged, the caller gets a Chinese refusal. */
  get db(): DB {
    if (this.restoring) throw new AppError('restoring', RESTORING_MESSAGE);
    if (!this.current) throw new AppError('damaged', `数据库无法使用:${this.damaged ?? '未打开'}。请从备份恢复。`);
    return this.current;
  }

  /** The connection if there is one, whatever the state (for closing, and for the safety copy before a restore). */
  get raw(): DB | null {
    return this.current;
  }

  /** Counts a request in; the returned function counts it out. */
  enter(): () => void {
    this.running++;
    let left = false;
    return () => {
      if (left) return;
      left = true;
      this.running--;
      if (this.running <= 1) for (const f of this.drained.splice(0)) f();
    };
  }

  /**
   * Runs `swap` with every other request held: new ones are answered "正在恢复", the ones already running get up to
   * DRAIN_MS to finish. `swap` gets the old connection (or null) and gives the new one and its state.
   */
  async exclusive<T>(swap: (old: DB | null) => Promise<Swapped<T>>): Promise<T> {
    if (this.restoring) throw new AppError('restoring', RESTORING_MESSAGE);
    this.restoring = true;
    try {
      if (this.running > 1) {
        await new Promise<void>((resolve) => {
          const late = setTimeout(resolve, DRAIN_MS);
          this.drained.push(() => { clearTimeout(late); resolve(); });
        });
      }
      const old = this.current;
      let r: Swapped<T>;
      try {
        r = await swap(old);
      } catch (e) {
        // A swap that failed after closing the connection leaves none: the recovery screen takes over.
        if (old && !old.open) { this.current = null; this.damaged = e instanceof Error ? e.message : String(e); }
        throw e;
      }
      this.current = r.db;
      this.readOnly = r.readOnly ?? null;
      this.damaged = r.db ? r.damaged ?? null : r.damaged ?? '数据库未打开';
      if ('error' in r) throw r.error;
      return r.value;
    } finally {
      this.restoring = false;
    }
  }

  close(): void {
    if (this.current?.open) this.current.close();
  }
}
