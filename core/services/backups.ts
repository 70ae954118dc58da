// Backups from the app: on demand, before risky steps (delete, import, restore), and restoring one in place.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../common/context';
import type { Handlers } from '../dispatch';
import type { BackupEntry } from '../../contract/app';
import { backupDatabase, listBackups } from '../../db/backup';
import { openRaw, migrate } from '../../db/connection';
import { latestVersion } from '../../db/migrations';
import { REBUILD_SEARCH_SQL } from '../../db/migrations/search-rebuild';
import { AppError, invalid } from '../common/errors';

/** A backup before a step that removes data; in-memory databases (tests of pure logic) have none. */
export async function safetyBackup(ctx: Context, reason: string): Promise<BackupEntry | null> {
  if (ctx.dbFile === ':memory:') return null;
  return backupDatabase(ctx.db, ctx.dbFile, reason);
}

/** Copies a backup's content into the open database through the backup API, after checking it is one of ours. */
async function restoreInto(ctx: Context, name: string): Promise<{ restoredFrom: string; safetyBackup: BackupEntry }> {
  const entry = listBackups(ctx.dbFile).find((b) => b.name === name);
  if (!entry || path.basename(name) !== name) throw invalid(`找不到备份:${name}`);
  const src = openRaw(entry.file, { readonly: true });
  try {
    const ok = src.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new AppError('invalid', `备份文件已损坏,不能恢复:${name}`);
    const v = src.pragma('user_version', { simple: true }) as number;
    if (v > latestVersion) throw new AppError('invalid', '该备份来自更新版本的规划评估台,不能恢复');
    const safety = await backupDatabase(ctx.db, ctx.dbFile, 'before-restore');
    await src.backup(ctx.dbFile + '.restoring');
    src.close();
    const tmp = openRaw(ctx.dbFile + '.restoring');
    try {
      migrate(tmp);
      // Replace every table's content inside one transaction of the open connection.
      ctx.db.exec(`ATTACH DATABASE '${(ctx.dbFile + '.restoring').replace(/'/g, "''")}' AS bak`);
      try {
        ctx.db.pragma('foreign_keys = OFF');
        ctx.db.transaction(() => {
          const tables = ctx.db.prepare(`SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'`).all() as { name: string }[];
          for (const { name: t } of tables) ctx.db.exec(`DELETE FROM main."${t}"`);
          for (const { name: t } of tables) {
            const exists = ctx.db.prepare(`SELECT 1 FROM bak.sqlite_master WHERE type = 'table' AND name = ?`).get(t);
            if (exists) ctx.db.exec(`INSERT INTO main."${t}" SELECT * FROM bak."${t}"`);
          }
          // The search index keeps no text to copy: it is built again from the restored tasks and targets.
          ctx.db.exec(REBUILD_SEARCH_SQL);
        })();
      } finally {
        ctx.db.pragma('foreign_keys = ON');
        ctx.db.exec('DETACH DATABASE bak');
      }
    } finally {
      tmp.close();
      fs.rmSync(ctx.dbFile + '.restoring', { force: true });
    }
    return { restoredFrom: entry.file, safetyBackup: safety };
  } finally {
    if (src.open) src.close();
  }
}

export const backupHandlers: Pick<Handlers, 'backups.list' | 'backups.create' | 'backups.restore'> = {
  'backups.list': (ctx) => (ctx.dbFile === ':memory:' ? [] : listBackups(ctx.dbFile)),
  'backups.create': async (ctx, { reason }) => {
    const b = await safetyBackup(ctx, reason || 'manual');
    if (!b) throw invalid('内存数据库无法备份');
    return b;
  },
  'backups.restore': (ctx, { name }) => restoreInto(ctx, name),
};
