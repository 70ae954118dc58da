// What every command of the command line is: its usage line and what it runs; and the helpers they share (open the
// database named by --db, the round named by --round, files named on the command line as handles).
import fs from 'node:fs';
import path from 'node:path';
import { str, type Parsed } from './args';
import { openDatabase } from '../db/connection';
import { createContext, type Context } from '../core/common/context';
import { currentRound } from '../core/common/settings';
import { findRoundByName } from '../db/repos/rounds';

export interface Command { usage: string; what: string; run: (p: Parsed) => Promise<void> }

export async function withContext<T>(p: Parsed, fn: (ctx: Context) => Promise<T>, requireExisting = true): Promise<T> {
  const file = path.resolve(str(p, 'db', true)!);
  if (requireExisting && !fs.existsSync(file)) throw new Error(`找不到数据库文件:${file}`);
  const db = await openDatabase(file);
  try {
    return await fn(createContext(db, file, 'cli'));
  } finally {
    db.close();
  }
}

export function roundArg(ctx: Context, p: Parsed): number {
  const name = str(p, 'round');
  if (!name) return currentRound(ctx.db).id;
  const r = findRoundByName(ctx.db, name);
  if (!r) throw new Error(`找不到评估轮次:${name}`);
  return r.id;
}

/** Files named on the command line, handed to the service as handles like a dialog's choice. */
export const inputs = (ctx: Context, files: string[]) => files.map((f) => ({ handle: ctx.handles.register(path.resolve(f), 'read').handle }));
export const output = (ctx: Context, file: string) => ctx.handles.register(path.resolve(file), 'write').handle;
export const folder = (ctx: Context, dir: string) => ctx.handles.register(path.resolve(dir), 'folder').handle;
/** The path of a file the service wrote, to print. */
export const pathOf = (ctx: Context, handle: string) => ctx.handles.resolve(handle, 'read');
