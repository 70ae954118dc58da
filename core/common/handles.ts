// Files and folders the user chose, known to the service by opaque handles: the desktop app's dialogs and the command
// line register them, the renderer only passes handles back. No client ever names a path, and an output is never the
// database itself, its journal files or its backups.
import crypto from 'node:crypto';
import path from 'node:path';
import { AppError } from './errors';

export type HandleMode = 'read' | 'write' | 'folder';
interface Entry { path: string; mode: HandleMode }

export class Handles {
  private entries = new Map<string, Entry>();

  /** Registers a path the user chose (or the service wrote) and gives its handle and the name to show. */
  register(file: string, mode: HandleMode): { handle: string; name: string } {
    const handle = `h-${crypto.randomBytes(16).toString('hex')}`;
    this.entries.set(handle, { path: path.resolve(file), mode });
    return { handle, name: path.basename(file) };
  }

  /** The path behind a handle; a handle unknown or of another kind is refused. A written file may be read again. */
  resolve(handle: string, mode: HandleMode): string {
    const e = this.entries.get(handle);
    if (!e || (e.mode !== mode && !(mode === 'read' && e.mode === 'write'))) {
      throw new AppError('bad_handle', '所选文件已失效,请重新选择');
    }
    return e.path;
  }
}

/** Refuses an output that would overwrite the database, its -wal/-shm files, or anything in its backups folder. */
export function guardOutput(dbFile: string, target: string, backupDir: string): void {
  if (dbFile === ':memory:') return;
  const t = path.resolve(target);
  const db = path.resolve(dbFile);
  const backups = path.resolve(backupDir) + path.sep;
  const same = (a: string, b: string) => (process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b);
  if ([db, `${db}-wal`, `${db}-shm`, `${db}-journal`].some((x) => same(x, t)) || (process.platform === 'win32' ? t.toLowerCase() : t).startsWith(process.platform === 'win32' ? backups.toLowerCase() : backups)) {
    throw new AppError('invalid', '不能把导出文件保存为数据库文件或保存到备份文件夹,请另选位置');
  }
}
