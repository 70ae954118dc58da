// Previews waiting for the planner's confirmation (an import, a batch of returns), kept in memory by id for an hour.
import crypto from 'node:crypto';
import type { Context } from './context';
import { AppError } from './errors';

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
