// AppError carries a code and a Chinese message a planner can act on; everything else becomes "internal".
import { ZodError } from 'zod';
import { BackupProblem } from '../../db/problems';

export class AppError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export const notFound = (what: string, id: string | number) => new AppError('not_found', `找不到${what}:${id}`);
export const invalid = (message: string) => new AppError('invalid', message);

export function describeZodError(e: ZodError): string {
  const parts = e.issues.slice(0, 5).map((i) => {
    const where = i.path.length ? `「${i.path.join('.')}」` : '';
    return `${where}${i.message}`;
  });
  return `参数不正确:${parts.join(';')}`;
}

/** The file an OS error names, as the planner knows it (its name, not the whole path). */
function fileOf(e: { path?: unknown; dest?: unknown }): string {
  const p = typeof e.path === 'string' ? e.path : typeof e.dest === 'string' ? e.dest : '';
  // A file written under a temporary name is named as the planner will know it.
  const name = (p.split(/[\\/]/).filter(Boolean).pop() ?? '').replace(/\.(part|partial|tmp|restoring|building)$/, '');
  return name ? `「${name}」` : '';
}

/**
 * The Chinese explanation of an SQLite or operating-system error, with a code the client can act on; null for an
 * error that is neither (a defect, reported as internal).
 */
export function explainError(e: unknown): { code: string; message: string } | null {
  if (!e || typeof e !== 'object') return null;
  if (e instanceof BackupProblem) return { code: e.code, message: e.message };
  const err = e as { code?: unknown; message?: unknown; path?: unknown; dest?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  const msg = typeof err.message === 'string' ? err.message : '';
  const file = fileOf(err);
  if (/^SQLITE_READONLY/.test(code) || /attempt to write a readonly database/.test(msg)) {
    return { code: 'read_only', message: '数据库是只读的(文件或所在文件夹没有写入权限,或位于只读的磁盘、光盘或网络位置),修改没有保存。' };
  }
  if (/^SQLITE_(CORRUPT|NOTADB)/.test(code) || /database disk image is malformed|file is not a database/.test(msg)) {
    return { code: 'damaged', message: '数据库文件已损坏,操作未完成。请关闭程序后重新打开,按提示从备份恢复。' };
  }
  if (/^SQLITE_(BUSY|LOCKED)/.test(code) || /database is locked/.test(msg)) {
    return { code: 'busy', message: '数据库正忙(可能另一个程序或窗口正在写入),请稍后再试。' };
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || /disk is full/.test(msg)) {
    return { code: 'disk_full', message: '磁盘空间不足,操作未完成,数据未改变。请清理磁盘后重试。' };
  }
  if (/^SQLITE_CANTOPEN/.test(code) || /unable to open database file/.test(msg)) {
    return { code: 'cant_open', message: '无法打开数据库文件(文件被移动、删除,或没有访问权限)。' };
  }
  if (/^SQLITE_IOERR/.test(code) || /disk I\/O error/.test(msg)) {
    return { code: 'io_error', message: '读写数据库文件时出错(磁盘、U 盘或网络位置可能有故障),操作未完成。' };
  }
  if (/^SQLITE_(PERM|AUTH)/.test(code)) return { code: 'no_permission', message: '没有权限访问数据库,操作未完成。' };
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return { code: 'no_permission', message: `没有权限读写文件${file}(文件或文件夹是只读的,或被系统保护),操作未完成。` };
    case 'EROFS':
      return { code: 'read_only', message: `文件${file}位于只读的磁盘或位置上,无法写入。` };
    case 'EBUSY':
    case 'ETXTBSY':
      return { code: 'file_locked', message: `文件${file}正被其他程序占用(例如在 Excel 或 WPS 中打开),请关闭后重试。` };
    case 'ENOENT':
      return { code: 'not_found', message: `找不到文件或文件夹${file},它可能已被移动或删除。` };
    case 'ENOTDIR':
    case 'EISDIR':
      return { code: 'invalid', message: `${file || '该位置'}不是预期的文件或文件夹。` };
    case 'EEXIST':
      return { code: 'invalid', message: `文件${file}已存在。` };
    case 'ENAMETOOLONG':
      return { code: 'invalid', message: '文件路径过长,请换一个较短的位置或文件名。' };
    case 'EMFILE':
    case 'ENFILE':
      return { code: 'busy', message: '同时打开的文件过多,请稍后再试。' };
    case 'EIO':
      return { code: 'io_error', message: `读写文件${file}时出错(磁盘、U 盘或网络位置可能有故障)。` };
    case 'EADDRINUSE':
      return { code: 'port_in_use', message: '端口已被占用(可能已有一个规划评估台在运行)。' };
    default:
      return null;
  }
}
