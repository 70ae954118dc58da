// Opens the one SQLite connection: WAL, foreign keys, synchronous=FULL, then migrates (after a backup).
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations, latestVersion } from './migrations';
import { backupDatabase, BackupProblem } from './backup';
import { grams } from './repos/search';
import { catchUpIndex } from './repos/search-pending';

export type DB = Database.Database;

export interface OpenOptions {
  /** Path of a better_sqlite3.node built for another ABI (the Electron dev build). */
  nativeBinding?: string;
  /** Backups are written here before migrations; default: a "backups" folder beside the database. */
  backupDir?: string;
  readonly?: boolean;
  /** Told of what went wrong but did not stop the opening (a backup that could not be written). */
  warn?: (message: string) => void;
}

export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(`数据库版本(${found})比本程序支持的版本(${latestVersion})更新，请升级规划评估台后再打开。`);
  }
}

function configure(db: DB, readonly: boolean): void {
  // The bigram function the search index is built with, also inside migrations and restores.
  db.function('plan_review_grams', { deterministic: true }, (text: unknown) => grams(String(text ?? '')));
  db.pragma('busy_timeout = 5000');
  if (readonly) return;
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = FULL');
}

export function openRaw(file: string, opts: OpenOptions = {}): DB {
  if (file !== ':memory:' && !opts.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
  try {
    configure(db, !!opts.readonly);
  } catch (e) {
    db.close();
    throw e;
  }
  return db;
}

export class ReadOnlyOldSchemaError extends Error {
  constructor(found: number) {
    super(`数据库是只读的,而且是旧版本(${found}),需要升级后才能使用。请把它复制到可以写入的文件夹后再打开。`);
  }
}

/** Applies every migration newer than user_version, each in its own transaction. */
export function migrate(db: DB): number[] {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latestVersion) throw new SchemaTooNewError(current);
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}

export function needsMigration(db: DB): boolean {
  return (db.pragma('user_version', { simple: true }) as number) < latestVersion;
}

/** Opens a database file for the app: backs it up first when it holds data of an older schema. */
export async function openDatabase(file: string, opts: OpenOptions = {}): Promise<DB> {
  const db = openRaw(file, opts);
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) throw new SchemaTooNewError(version);
    if (opts.readonly) {
      if (version < latestVersion) throw new ReadOnlyOldSchemaError(version);
      return db;
    }
    if (version > 0 && version < latestVersion && file !== ':memory:') {
      try {
        await backupDatabase(db, file, `before-migration-${version}-to-${latestVersion}`, opts.backupDir);
      } catch (e) {
        // The backups folder cannot be written: the migration still runs, each step in its own transaction.
        if (!(e instanceof BackupProblem) || e.damaged) throw e;
        opts.warn?.(`升级数据库前未能备份:${e.message}`);
      }
    }
    migrate(db);
    // An import that stopped between its rows' commit and its search index left a mark: index those rows now.
    if (!opts.readonly) catchUpIndex(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/** Synchronous open for tools and tests that create fresh files. */
export function openDatabaseSync(file: string, opts: OpenOptions = {}): DB {
  const db = openRaw(file, opts);
  try {
    migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}
