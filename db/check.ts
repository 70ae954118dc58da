// Whether a database file (the planner's or a backup) can be used: not empty, an SQLite header, opens, passes
// quick_check when asked, and what it holds. Also the start-up probe of the planner's database.
import fs from 'node:fs';
import Database from 'better-sqlite3';

export { BackupProblem } from './problems';

export type FileCheck =
  | { ok: true; version: number; counts: { plans: number; tasks: number; targets: number } }
  | { ok: false; problem: string };

const HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Reads the first bytes of a file: what is wrong with it ("是空的…", said of the file), or null when the header is right. */
export function headerProblem(file: string): string | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code === 'ENOENT' ? '不存在' : code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : `无法读取(${code ?? '未知原因'})`;
  }
  try {
    const head = Buffer.alloc(100);
    const n = fs.readSync(fd, head, 0, 100, 0);
    if (n === 0) return '是空的(0 字节)';
    if (n < 100 || !head.subarray(0, 16).equals(HEADER)) return '不是 SQLite 数据库,或文件头已损坏';
    return null;
  } catch {
    return '读取时出错';
  } finally {
    fs.closeSync(fd);
  }
}

const COUNTS_SQL = `SELECT (SELECT count(*) FROM plans) AS plans, (SELECT count(*) FROM tasks) AS tasks, (SELECT count(*) FROM targets) AS targets`;

/** Opens a file no connection has open (a backup, a copy) read-only and looks into it; `full` runs quick_check over every page (seconds on a big database). */
export function checkDatabaseFile(file: string, opts: { full: boolean }): FileCheck {
  const head = headerProblem(file);
  if (head) return { ok: false, problem: `文件${head}` };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: 2000 });
    if (opts.full) {
      const rows = db.pragma('quick_check(5)') as { quick_check: string }[];
      if (rows.length !== 1 || rows[0].quick_check !== 'ok') return { ok: false, problem: '完整性检查未通过,文件已损坏' };
    }
    const version = db.pragma('user_version', { simple: true }) as number;
    const counts = db.prepare(COUNTS_SQL).get() as { plans: number; tasks: number; targets: number };
    return { ok: true, version, counts };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/no such table/.test(msg)) return { ok: false, problem: '不是规划评估台的数据库' };
    return { ok: false, problem: /malformed|not a database|corrupt/i.test(msg) ? '文件已损坏' : `无法打开(${msg.slice(0, 80)})` };
  } finally {
    db?.close();
    // A read-only look at a file in WAL mode (a backup of an older version) leaves empty journal files behind.
    try {
      if (fs.statSync(`${file}-wal`).size === 0) for (const f of [`${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    } catch { /* none */ }
  }
}

/** The quick look at start: the schema and the main tables answer (every page is checked once a day, with the backup). */
export function probeDatabase(db: Database.Database): void {
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.prepare(COUNTS_SQL).get();
}
