// Creates the embedded default database from the seed texts, and opens the planner's database at start
// (building it on first start, backing it up once a day).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, openDatabaseSync, type DB, type OpenOptions } from '../db/connection';
import { backupDatabase, listBackups } from '../db/backup';
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

/** Opens the planner's database, creating it from the seeds on first start; one automatic backup a day. */
export async function openAppDatabase(file: string, opts: OpenOptions & { seedDir?: string } = {}): Promise<{ db: DB; created: boolean }> {
  let created = false;
  if (!fs.existsSync(file)) {
    await buildSeedDatabase(file, opts);
    created = true;
  }
  const db = await openDatabase(file, opts);
  if (!created) {
    const last = listBackups(file).find((b) => b.reason === 'daily');
    if (!last || Date.now() - Date.parse(last.at) > 24 * 3600_000) await backupDatabase(db, file, 'daily');
  }
  return { db, created };
}
