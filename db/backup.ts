// Backups you can trust, kept in a folder beside the database: written under a temporary name, checked (quick_check)
// and only then renamed into place; listed and pruned by an exact match of the database's own name; the newest good
// one is never pruned; a restore checks the backup again and replaces the database files while no connection is open.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkDatabaseFile, type FileCheck } from './check';
import { BackupProblem } from './problems';

export { checkDatabaseFile, type FileCheck } from './check';
export { BackupProblem } from './problems';

export const KEEP_BACKUPS = 20;
/** Copies of a damaged database kept for inspection (never offered for restore). */
const KEEP_DAMAGED = 3;
const STAMP = /-(\d{8}-\d{6}-\d{3})-/g;
/** A backup that made no progress for this long is given up (a lock held elsewhere, a file that cannot be read). */
const STALL_MS = 30_000;
const PARTIAL_MAX_AGE_MS = 10 * 60_000;

export function backupDirFor(dbFile: string, dir?: string): string {
  return dir ?? path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

/** When a backup was taken, from its name (local time, as written), else null. */
function stampDate(s: string): Date | null {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})$/.exec(s);
  if (!m) return null;
  const d = new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${String(d.getMilliseconds()).padStart(3, '0')}`;
}

const baseOf = (dbFile: string) => path.basename(dbFile).replace(/\.[^.]+$/, '');
const sameName = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);

/**
 * A backup's name taken apart: `<database>-<YYYYMMDD-HHMMSS-mmm>-<reason><ext>`, split at the last time stamp, so
 * the backups of plan.db and of plan-2024.db (or of a database named like a backup) never mix.
 */
export function parseBackupName(name: string, ext = '.db'): { base: string; stamp: string; reason: string } | null {
  if (!name.endsWith(ext)) return null;
  const stem = name.slice(0, -ext.length);
  let last: RegExpExecArray | null = null;
  for (const m of stem.matchAll(STAMP)) last = m as RegExpExecArray;
  if (!last || last.index === 0) return null;
  const reason = stem.slice(last.index + last[0].length);
  if (!/^[\w\u4e00-\u9fa5-]+$/.test(reason)) return null;
  return { base: stem.slice(0, last.index), stamp: last[1], reason };
}

export interface BackupInfo {
  file: string; name: string; reason: string; size: number; at: string;
  /** Filled in when listed with `inspect`: why it cannot be restored (null: it can), and what it holds. */
  problem?: string | null; counts?: { plans: number; tasks: number; targets: number } | null;
}

function entries(folder: string, dbFile: string, ext = '.db'): { name: string; stamp: string; reason: string }[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  const base = baseOf(dbFile);
  return names.flatMap((name) => {
    const p = parseBackupName(name, ext);
    return p && sameName(p.base, base) ? [{ name, stamp: p.stamp, reason: p.reason }] : [];
  }).sort((a, b) => (a.stamp === b.stamp ? a.name.localeCompare(b.name) : a.stamp < b.stamp ? -1 : 1));
}

/** The database's backups, newest first; `inspect` opens each to say whether it can be restored and what it holds. */
export function listBackups(dbFile: string, dir?: string, opts: { inspect?: boolean } = {}): BackupInfo[] {
  const folder = backupDirFor(dbFile, dir);
  return entries(folder, dbFile).reverse().flatMap((e) => {
    const file = path.join(folder, e.name);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return [];
    }
    if (!st.isFile()) return [];
    const info: BackupInfo = { file, name: e.name, reason: e.reason, size: st.size, at: (stampDate(e.stamp) ?? st.mtime).toISOString() };
    if (opts.inspect) {
      const c = checkDatabaseFile(file, { full: false });
      info.problem = c.ok ? null : c.problem;
      info.counts = c.ok ? c.counts : null;
    }
    return [info];
  });
}

/**
 * Copies the open database into the backups folder through SQLite's backup API: into `<name>.partial` first, checked
 * with quick_check, then renamed; a damaged database is not backed up (BackupProblem) and nothing is left behind.
 */
export async function backupDatabase(db: Database.Database, dbFile: string, reason: string, dir?: string): Promise<BackupInfo> {
  const folder = backupDirFor(dbFile, dir);
  try {
    fs.mkdirSync(folder, { recursive: true });
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (e) {
    throw new BackupProblem(`备份文件夹无法写入(只读,或没有写入权限;${String((e as { code?: unknown }).code ?? '')}),没有备份`);
  }
  const safeReason = reason.replace(/[^\w\u4e00-\u9fa5-]+/g, '_') || 'manual';
  let at = Date.now();
  let name = `${baseOf(dbFile)}-${stamp(new Date(at))}-${safeReason}.db`;
  while (fs.existsSync(path.join(folder, name))) name = `${baseOf(dbFile)}-${stamp(new Date(++at))}-${safeReason}.db`;
  const target = path.join(folder, name);
  const partial = `${target}.partial`;
  try {
    let remaining = Infinity;
    let moved = Date.now();
    await db.backup(partial, {
      progress: ({ remainingPages }) => {
        if (remainingPages < remaining) { remaining = remainingPages; moved = Date.now(); }
        else if (Date.now() - moved > STALL_MS) throw new BackupProblem('备份停滞(数据库可能被其他程序锁定,或无法读取),已放弃,未留下不完整的备份');
        return 256;
      },
    });
    // A backup is a plain file (no -wal/-shm beside it, even when opened to be looked at).
    const copy = new Database(partial);
    try { copy.pragma('journal_mode = DELETE'); } finally { copy.close(); }
    const check = checkDatabaseFile(partial, { full: true });
    if (!check.ok) throw new BackupProblem(`数据库未通过完整性检查(${check.problem}),未备份`, true);
    fs.renameSync(partial, target);
  } catch (e) {
    if (/^SQLITE_(CORRUPT|NOTADB)/.test(String((e as { code?: unknown }).code))) throw new BackupProblem('数据库文件已损坏,未备份', true);
    throw e;
  } finally {
    fs.rmSync(partial, { force: true });
  }
  pruneBackups(dbFile, dir);
  const st = fs.statSync(target);
  return { file: target, name, reason: safeReason, size: st.size, at: new Date(at).toISOString() };
}

/** A copy of a damaged database file (and its journal), kept beside the backups for inspection, never restored. */
export function keepDamagedCopy(dbFile: string, dir?: string): string | null {
  if (!fs.existsSync(dbFile)) return null;
  const folder = backupDirFor(dbFile, dir);
  fs.mkdirSync(folder, { recursive: true });
  const target = path.join(folder, `${baseOf(dbFile)}-${stamp(new Date())}-damaged.damaged`);
  fs.copyFileSync(dbFile, target);
  if (fs.existsSync(`${dbFile}-wal`)) fs.copyFileSync(`${dbFile}-wal`, `${target}-wal`);
  for (const old of entries(folder, dbFile, '.damaged').slice(0, -KEEP_DAMAGED)) {
    for (const f of [old.name, `${old.name}-wal`]) fs.rmSync(path.join(folder, f), { force: true });
  }
  return target;
}

/**
 * Keeps the newest KEEP_BACKUPS backups of this database, and whatever else the newest good one is; removes copies
 * left half-written by a backup that was cut off.
 */
export function pruneBackups(dbFile: string, dir?: string): void {
  const folder = backupDirFor(dbFile, dir);
  const all = entries(folder, dbFile);
  const keep = new Set(all.slice(-KEEP_BACKUPS).map((e) => e.name));
  const newestGood = [...all].reverse().find((e) => checkDatabaseFile(path.join(folder, e.name), { full: false }).ok);
  if (newestGood) keep.add(newestGood.name);
  for (const e of all) if (!keep.has(e.name)) fs.rmSync(path.join(folder, e.name), { force: true });
  const base = baseOf(dbFile);
  for (const n of fs.readdirSync(folder)) {
    if (!n.endsWith('.db.partial') || !sameName(parseBackupName(n.slice(0, -'.partial'.length))?.base ?? '', base)) continue;
    const f = path.join(folder, n);
    try {
      if (Date.now() - fs.statSync(f).mtimeMs > PARTIAL_MAX_AGE_MS) fs.rmSync(f, { force: true });
    } catch { /* gone meanwhile */ }
  }
}

/** A backup chosen for restore, by its exact name among this database's backups, checked in full; or a BackupProblem. */
export function backupToRestore(dbFile: string, name: string, latestVersion: number, dir?: string): BackupInfo & { check: FileCheck & { ok: true } } {
  const entry = path.basename(name) === name ? listBackups(dbFile, dir).find((b) => b.name === name) : undefined;
  if (!entry) throw new BackupProblem(`找不到备份:${name.slice(0, 200)}`);
  const check = checkDatabaseFile(entry.file, { full: true });
  if (!check.ok) throw new BackupProblem(`备份「${name}」不能用于恢复:${check.problem}。请选择其他备份`);
  if (check.version > latestVersion) throw new BackupProblem('该备份来自更新版本的规划评估台,不能恢复');
  return { ...entry, check };
}

/**
 * Puts a backup in place of the database: the copy is prepared beside it (migrated to this version, its journal folded
 * in), the old journal files go, and the copy is renamed over the database. No connection to dbFile may be open.
 */
export function replaceDatabaseFiles(dbFile: string, backupFile: string, prepare: (copy: string) => void): void {
  const next = `${dbFile}.restoring`;
  for (const f of [next, `${next}-wal`, `${next}-shm`]) fs.rmSync(f, { force: true });
  try {
    fs.copyFileSync(backupFile, next);
    prepare(next);
    for (const f of [`${next}-wal`, `${next}-shm`, `${dbFile}-wal`, `${dbFile}-shm`, `${dbFile}-journal`]) fs.rmSync(f, { force: true });
    fs.renameSync(next, dbFile);
  } finally {
    for (const f of [next, `${next}-wal`, `${next}-shm`]) fs.rmSync(f, { force: true });
  }
}
