// Opens the planner's database as the app finds it on disk: a damaged or unreadable file (a 0-byte one included) is
// reported for the recovery screen instead of being taken for a new one; a file or folder that cannot be written opens
// read-only; every reason is in Chinese.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, SchemaTooNewError, ReadOnlyOldSchemaError, type DB, type OpenOptions } from '../../db/connection';
import { headerProblem, probeDatabase } from '../../db/check';
import { explainError } from './errors';

export interface Opened { db: DB | null; readOnly: string | null; damaged: string | null }

const writable = (p: string) => {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Why the database can only be read, or null: the file, or its folder where SQLite keeps the -wal and -shm files. */
export function readOnlyReason(file: string): string | null {
  if (!writable(file)) return '数据库文件是只读的';
  const journals = [`${file}-wal`, `${file}-shm`];
  if (!writable(path.dirname(file)) && !journals.every((j) => fs.existsSync(j) && writable(j))) return '数据库所在的文件夹是只读的';
  return null;
}

/** Copies made to read a database whose folder cannot hold SQLite's -shm file; removed when the process ends. */
const copies: string[] = [];
process.once('exit', () => { for (const d of copies) fs.rmSync(d, { recursive: true, force: true }); });

/**
 * A database in WAL mode cannot be read where its folder is read-only and no -shm file is there: it is read from a
 * copy in the temporary folder instead (what the file held when the app opened it).
 */
async function openCopy(file: string, opts: OpenOptions): Promise<DB> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-readonly-'));
  copies.push(dir);
  const copy = path.join(dir, path.basename(file));
  fs.copyFileSync(file, copy);
  if (fs.existsSync(`${file}-wal`)) fs.copyFileSync(`${file}-wal`, `${copy}-wal`);
  return openDatabase(copy, { ...opts, readonly: true });
}

/** Opens an existing database file; what is wrong with it comes back as `damaged` (the recovery screen) or `readOnly`. */
export async function openChecked(file: string, opts: OpenOptions = {}): Promise<Opened> {
  const head = headerProblem(file);
  if (head) return { db: null, readOnly: null, damaged: `数据库文件${head}` };
  let readOnly = readOnlyReason(file);
  let db: DB | null = null;
  try {
    try {
      db = await openDatabase(file, { ...opts, readonly: !!readOnly });
    } catch (e) {
      if (!readOnly || explainError(e)?.code !== 'cant_open') throw e;
      db = await openCopy(file, opts);
      readOnly = `${readOnly},显示的是打开时的内容`;
    }
    probeDatabase(db);
    return { db, readOnly, damaged: null };
  } catch (e) {
    const half = db as DB | null;
    if (half?.open) half.close();
    if (e instanceof SchemaTooNewError || e instanceof ReadOnlyOldSchemaError) throw e;
    const known = explainError(e);
    const why = known?.code === 'damaged' ? '文件已损坏'
      : known?.code === 'cant_open' ? '无法打开'
      : known?.code === 'io_error' ? '读取时磁盘出错'
      : known ? known.message : `无法读取(${e instanceof Error ? e.message.slice(0, 100) : String(e)})`;
    return { db: null, readOnly: null, damaged: `数据库${why}` };
  }
}
