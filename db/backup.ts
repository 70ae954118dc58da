// Online backups through SQLite's backup API, kept in a folder beside the database; the newest N are kept.
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';

export const KEEP_BACKUPS = 20;

export function backupDirFor(dbFile: string, dir?: string): string {
  return dir ?? path.join(path.dirname(path.resolve(dbFile)), 'backups');
}

function stamp(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${String(d.getMilliseconds()).padStart(3, '0')}`;
}

export interface BackupInfo { file: string; name: string; reason: string; size: number; at: string }

export async function backupDatabase(db: Database.Database, dbFile: string, reason: string, dir?: string): Promise<BackupInfo> {
  const folder = backupDirFor(dbFile, dir);
  fs.mkdirSync(folder, { recursive: true });
  const base = path.basename(dbFile).replace(/\.[^.]+$/, '');
  const safeReason = reason.replace(/[^\w\u4e00-\u9fa5-]+/g, '_');
  const name = `${base}-${stamp()}-${safeReason}.db`;
  const target = path.join(folder, name);
  await db.backup(target);
  prune(folder, base);
  const st = fs.statSync(target);
  return { file: target, name, reason, size: st.size, at: st.mtime.toISOString() };
}

export function listBackups(dbFile: string, dir?: string): BackupInfo[] {
  const folder = backupDirFor(dbFile, dir);
  if (!fs.existsSync(folder)) return [];
  const base = path.basename(dbFile).replace(/\.[^.]+$/, '');
  return fs.readdirSync(folder)
    .filter((n) => n.startsWith(base + '-') && n.endsWith('.db'))
    .sort()
    .reverse()
    .map((name) => {
      const file = path.join(folder, name);
      const st = fs.statSync(file);
      const reason = name.slice(base.length + 1).replace(/\.db$/, '').split('-').slice(3).join('-');
      return { file, name, reason, size: st.size, at: st.mtime.toISOString() };
    });
}

function prune(folder: string, base: string): void {
  const all = fs.readdirSync(folder).filter((n) => n.startsWith(base + '-') && n.endsWith('.db')).sort();
  for (const old of all.slice(0, Math.max(0, all.length - KEEP_BACKUPS))) fs.rmSync(path.join(folder, old), { force: true });
}
