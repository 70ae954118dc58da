// What each backup holds, for the administration page: its plans, tasks, targets and rounds, read from the file
// (read-only, nothing restored), or why it cannot be read.
import type { Handlers } from '../dispatch';
import type { BackupContents } from '../../contract/app';
import { listBackups } from '../../db/backup';
import { openRaw } from '../../db/connection';
import { tableCounts } from '../../db/repos/counts';

function contentsOf(file: string, name: string): BackupContents {
  try {
    const db = openRaw(file, { readonly: true });
    try {
      return { name, counts: tableCounts(db), schemaVersion: db.pragma('user_version', { simple: true }) as number, problem: '' };
    } finally {
      db.close();
    }
  } catch {
    return { name, counts: null, schemaVersion: null, problem: '无法读取该备份文件' };
  }
}

export const backupContentsHandlers: Pick<Handlers, 'backups.contents'> = {
  'backups.contents': (ctx, { names }) => {
    const known = new Map((ctx.dbFile === ':memory:' ? [] : listBackups(ctx.dbFile)).map((b) => [b.name, b.file]));
    return names.map((name) => {
      const file = known.get(name);
      return file ? contentsOf(file, name) : { name, counts: null, schemaVersion: null, problem: '找不到该备份' };
    });
  },
};
