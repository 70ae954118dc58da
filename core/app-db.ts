// Creates the embedded default database from the seed texts, and opens the planner's database at start
// (building it on first start, backing it up once a day, finding it damaged or read-only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabaseSync, type OpenOptions } from '../db/connection';
import { backupDatabase, listBackups, backupDirFor, BackupProblem } from '../db/backup';
import { openChecked, type Opened } from './common/open-db';
import { Store } from './common/store';
import { AppError, explainError } from './common/errors';
import { parseSeeds } from './import/seed';
import { storePlans } from './import/store';
import { insertRound } from '../db/repos/rounds';
import { DEFAULT_ROUND } from './common/settings';
import { APP_NAME } from './common/version';

/** The per-user data folder, the same one Electron's app.getPath('userData') gives for this product name. */
export function userDataDir(): string {
  if (process.env.PLAN_REVIEW_DATA) return path.resolve(process.env.PLAN_REVIEW_DATA);
  const home = os.homedir();
  if (process.platform === 'win32') return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

export const defaultDbFile = (): string => path.join(userDataDir(), 'plan-review.db');

/** Builds a database from the seed texts into `out` (written beside it first, then moved in place). */
export async function buildSeedDatabase(out: string, opts: OpenOptions & { seedDir?: string } = {}): Promise<{ plans: number; tasks: number; targets: number }> {
  const plans = await parseSeeds(opts.seedDir);
  const tmp = `${out}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  const db = openDatabaseSync(tmp, opts);
  let r;
  try {
    r = storePlans(db, plans, '内置种子文档');
    db.transaction(() => insertRound(db, DEFAULT_ROUND.name, DEFAULT_ROUND.cutoff, null))();
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  for (const f of [`${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.renameSync(tmp, out);
  return { plans: r.plans, tasks: r.tasks, targets: r.targets };
}

/** What the app starts with: the database (possibly read-only, or damaged: the recovery screen), and any warnings. */
export interface AppDatabase { store: Store; created: boolean }

/**
 * Opens the planner's database, creating it from the seeds on first start; one automatic backup a day, checked before it
 * is kept: a database that fails the check is not backed up and opens the recovery screen. A backups folder that
 * cannot be written is a warning, not a stop.
 */
export async function openAppDatabase(file: string, opts: OpenOptions & { seedDir?: string } = {}): Promise<AppDatabase> {
  let created = false;
  const warnings: string[] = [];
  const options: OpenOptions = { ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}), warn: (m) => warnings.push(m) };
  if (!fs.existsSync(file)) {
    const dir = path.dirname(path.resolve(file));
    if (fs.existsSync(dir) && !writableDir(dir)) {
      throw new AppError('no_permission', `无法在「${dir}」创建数据库:该文件夹是只读的,或没有写入权限。请换一个可以写入的位置。`);
    }
    try {
      await buildSeedDatabase(file, opts);
    } catch (e) {
      const known = explainError(e);
      throw new AppError(known?.code ?? 'cant_create', `无法创建数据库 ${file}:${known?.message ?? (e instanceof Error ? e.message : String(e))}`);
    }
    created = true;
  }
  let opened = await openChecked(file, options);
  if (opened.db && !created && !opened.readOnly) opened = await dailyBackup(file, opened, warnings);
  return { store: new Store(file, opened.db, { ...opened, warnings, options }), created };
}

function writableDir(dir: string): boolean {
  try {
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

async function dailyBackup(file: string, opened: Opened, warnings: string[]): Promise<Opened> {
  const last = listBackups(file).find((b) => b.reason === 'daily');
  if (last && Date.now() - Date.parse(last.at) <= 24 * 3600_000) return opened;
  try {
    await backupDatabase(opened.db!, file, 'daily');
    return opened;
  } catch (e) {
    if (e instanceof BackupProblem && e.damaged) {
      opened.db!.close();
      return { db: null, readOnly: null, damaged: '数据库未通过每日完整性检查,文件已损坏' };
    }
    const known = explainError(e);
    warnings.push(`今天的自动备份没有完成:${known?.message ?? (e instanceof Error ? e.message : String(e))}备份文件夹:${backupDirFor(file)}`);
    return opened;
  }
}
