// What every command of the command line is: its usage line and what it runs; and the helpers they share (open the
// database named by --db, the round named by --round, files named on the command line as handles).
import fs from 'node:fs';
import path from 'node:path';
import { str, type Parsed } from './args';
import { createContext, type Context } from '../core/common/context';
import { openChecked } from '../core/common/open-db';
import { Store } from '../core/common/store';
import { currentRound } from '../core/common/settings';
import { findRoundByName } from '../db/repos/rounds';

export interface Command { usage: string; what: string; run: (p: Parsed) => Promise<void> }

export async function withContext<T>(p: Parsed, fn: (ctx: Context) => Promise<T>, requireExisting = true): Promise<T> {
  const file = path.resolve(str(p, 'db', true)!);
  if (requireExisting && !fs.existsSync(file)) throw new Error(`找不到数据库文件:${file}`);
  // A damaged database still opens, as a store that answers only the recovery operations (restore --name works).
  const warnings: string[] = [];
  const options = { warn: (m: string) => warnings.push(m) };
  const opened = await openChecked(file, options);
  const store = new Store(file, opened.db, { ...opened, warnings, options });
  for (const w of warnings) console.error(`注意:${w}`);
  if (opened.readOnly) console.error(`注意:${opened.readOnly},只能读取,不能修改。`);
  try {
    return await fn(createContext(store, file, 'cli'));
  } finally {
    store.close();
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
