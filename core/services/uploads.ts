// Files in and out of the service: a file chosen by handle or uploaded by content, read with its size checked before
// any parser sees it; and where an export is written (the place chosen, or the work folder), never over the database.
import fs from 'node:fs';
import path from 'node:path';
import type { FileInput, ExportResult } from '../../contract/files';
import type { Context } from '../common/context';
import { invalid } from '../common/errors';
import { guardOutput } from '../common/handles';
import { backupDirFor } from '../../db/backup';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface LoadedFile { name: string; data: Buffer }

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

/** The name to show for a file input, before it is read. */
export const inputName = (ctx: Context, f: FileInput): string => ('handle' in f ? path.basename(safeResolve(ctx, f.handle)) : path.basename(f.name));
const safeResolve = (ctx: Context, handle: string): string => { try { return ctx.handles.resolve(handle, 'read'); } catch { return '(已失效的文件)'; } };

export function loadFile(ctx: Context, f: FileInput, maxBytes = MAX_FILE_BYTES): LoadedFile {
  if ('handle' in f) {
    const file = ctx.handles.resolve(f.handle, 'read');
    const name = path.basename(file);
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      throw invalid(`找不到文件「${name}」,它可能已被移动或删除`);
    }
    if (!st.isFile()) throw invalid(`「${name}」不是文件`);
    if (st.size > maxBytes) throw invalid(`文件「${name}」有 ${mb(st.size)} MB,超过 ${mb(maxBytes)} MB 的上限,未读取`);
    if (st.size === 0) throw invalid(`文件「${name}」是空的`);
    return { name, data: fs.readFileSync(file) };
  }
  const name = path.basename(f.name.replace(/\\/g, '/'));
  const approx = Math.floor((f.base64.length * 3) / 4);
  if (approx > maxBytes) throw invalid(`文件「${name}」约 ${mb(approx)} MB,超过 ${mb(maxBytes)} MB 的上限,未读取`);
  const data = Buffer.from(f.base64, 'base64');
  if (data.length === 0) throw invalid(`文件「${name}」是空的`);
  return { name, data };
}

const backupsOf = (ctx: Context) => backupDirFor(ctx.dbFile);

/** Where an export goes: the file chosen (by handle), or a new file of that name in the work folder. */
export function outputPath(ctx: Context, out: string | undefined, defaultName: string): string {
  const file = out ? ctx.handles.resolve(out, 'write') : path.join(ctx.workDir, defaultName);
  guardOutput(ctx.dbFile, file, backupsOf(ctx));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

/** The folder an export of several files goes to: the one chosen (by handle), or the work folder. */
export function outputFolder(ctx: Context, folder: string | undefined): string {
  const dir = folder ? ctx.handles.resolve(folder, 'folder') : ctx.workDir;
  guardOutput(ctx.dbFile, path.join(dir, 'x'), backupsOf(ctx));
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** What the client is told of a written file: its name and a handle to show it, never the path. */
export function written(ctx: Context, file: string, rows: number): ExportResult {
  const { handle, name } = ctx.handles.register(file, 'write');
  return { handle, name, rows };
}

export function stampForFile(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
