// Backups from the app: on demand, before risky steps (delete, import, restore), and restoring one: the connection is
// closed, the files replaced and the database opened again while every other request is held ("正在恢复,请稍候").
// A restore also works when the database is damaged or cannot be opened at all (the recovery screen).
import type { Context } from '../common/context';
import type { Handlers } from '../dispatch';
import type { BackupEntry } from '../../contract/app';
import { backupDatabase, listBackups, backupToRestore, replaceDatabaseFiles, keepDamagedCopy, BackupProblem } from '../../db/backup';
import { openDatabaseSync } from '../../db/connection';
import { latestVersion } from '../../db/migrations';
import { openChecked } from '../common/open-db';
import { invalid } from '../common/errors';

/** A backup before a step that removes data; in-memory and read-only databases (which cannot change) have none. */
export async function safetyBackup(ctx: Context, reason: string): Promise<BackupEntry | null> {
  if (ctx.dbFile === ':memory:' || ctx.store.readOnly) return null;
  return backupDatabase(ctx.db, ctx.dbFile, reason);
}

export interface RestoreResult { restoredFrom: string; safetyBackup: BackupEntry | null; damagedCopy: string | null }

async function restore(ctx: Context, name: string): Promise<RestoreResult> {
  if (ctx.dbFile === ':memory:') throw invalid('内存数据库没有备份');
  if (ctx.store.readOnly) throw invalid(`数据库以只读方式打开(${ctx.store.readOnly}),不能恢复备份`);
  const chosen = backupToRestore(ctx.dbFile, name, latestVersion);
  return ctx.store.exclusive(async (old) => {
    // The state being replaced is kept: as a checked backup when it is sound, as a plain copy when it is damaged.
    let safety: BackupEntry | null = null;
    if (old && !ctx.store.damaged) {
      try {
        safety = await backupDatabase(old, ctx.dbFile, 'before-restore');
      } catch (e) {
        if (!(e instanceof BackupProblem && e.damaged)) return { db: old, error: e };
      }
    }
    if (old?.open) old.close();
    const damagedCopy = safety ? null : keepDamagedCopy(ctx.dbFile);
    let replaced: unknown = null;
    try {
      replaceDatabaseFiles(ctx.dbFile, chosen.file, (copy) => openDatabaseSync(copy, ctx.store.options).close());
    } catch (e) {
      replaced = e;
    }
    // Open whatever is in place now: the restored backup, or (when the files could not be replaced) the old database.
    const opened = await openChecked(ctx.dbFile, ctx.store.options);
    if (replaced) return { ...opened, error: replaced };
    return { ...opened, value: { restoredFrom: chosen.file, safetyBackup: safety, damagedCopy } };
  });
}

export const backupHandlers: Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (ctx, { inspect }) => (ctx.dbFile === ':memory:' ? [] : listBackups(ctx.dbFile, undefined, { inspect: inspect ?? ctx.store.state === 'damaged' })),
  'backups.create': async (ctx, { reason }) => {
    if (ctx.store.readOnly) throw invalid(`数据库以只读方式打开(${ctx.store.readOnly}),无需备份;需要时请直接复制数据库文件`);
    const b = await safetyBackup(ctx, reason || 'manual');
    if (!b) throw invalid('内存数据库无法备份');
    return b;
  },
  'backups.restore': (ctx, { name }) => restore(ctx, name),
};
