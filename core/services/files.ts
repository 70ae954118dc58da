// Reading files handed in by path or by upload, with size limits checked before anything is parsed.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { FileInput } from '../contract/files';
import type { Context } from '../context';
import { invalid, AppError } from '../errors';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export interface LoadedFile { name: string; data: Buffer; path: string | null }

const mb = (n: number) => (n / 1024 / 1024).toFixed(1);

export function loadFile(f: FileInput, maxBytes = MAX_FILE_BYTES): LoadedFile {
  if ('path' in f) {
    const name = path.basename(f.path);
    let st: fs.Stats;
    try {
      st = fs.statSync(f.path);
    } catch {
      throw invalid(`找不到文件:${f.path}`);
    }
    if (!st.isFile()) throw invalid(`「${name}」不是文件`);
    if (st.size > maxBytes) throw invalid(`文件「${name}」有 ${mb(st.size)} MB,超过 ${mb(maxBytes)} MB 的上限,未读取`);
    if (st.size === 0) throw invalid(`文件「${name}」是空的`);
    return { name, data: fs.readFileSync(f.path), path: f.path };
  }
  const approx = Math.floor((f.base64.length * 3) / 4);
  if (approx > maxBytes) throw invalid(`文件「${f.name}」约 ${mb(approx)} MB,超过 ${mb(maxBytes)} MB 的上限,未读取`);
  const data = Buffer.from(f.base64, 'base64');
  if (data.length === 0) throw invalid(`文件「${f.name}」是空的`);
  return { name: path.basename(f.name), data, path: null };
}

/** Keeps a preview until the planner confirms or drops it; old ones expire after an hour. */
export function putPending(ctx: Context, kind: string, data: unknown): string {
  const now = Date.now();
  for (const [k, v] of ctx.pending) if (now - v.createdAt > 3600_000) ctx.pending.delete(k);
  const id = crypto.randomUUID();
  ctx.pending.set(id, { kind, createdAt: now, data });
  return id;
}

export function takePending<T>(ctx: Context, kind: string, id: string, remove = true): T {
  const p = ctx.pending.get(id);
  if (!p || p.kind !== kind) throw new AppError('expired', '预览已失效,请重新选择文件');
  if (remove) ctx.pending.delete(id);
  return p.data as T;
}

/** Where an export goes: the path asked for, or a new file in the work folder. */
export function outputPath(ctx: Context, outPath: string | undefined, defaultName: string): string {
  const file = outPath ? path.resolve(outPath) : path.join(ctx.workDir, defaultName);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

export function stampForFile(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
