// The building block of the contract: an operation is a name, a Chinese description, an argument schema and a result type.
import { z } from 'zod';

// Validation messages in Chinese, wherever the contract is checked.
z.config(z.locales.zhCN());

export interface OpSpec<A extends z.ZodType, R> {
  desc: string;
  args: A;
  /** Phantom: carries the result type only. */
  readonly __result?: R;
}

/** op<Result>()('说明', argsSchema) */
export const op = <R>() => <A extends z.ZodType>(desc: string, args: A): OpSpec<A, R> => ({ desc, args });

export const id = z.string().min(1).max(200);
export const roundId = z.number().int().positive();
export const text = (max = 100_000) => z.string().max(max);
export const empty = z.object({}).strict();

/** Any JSON value whose serialized form stays within `maxBytes` (a saved view, a column layout). */
export const jsonValue = (maxBytes: number, what: string) => z.unknown().refine((v) => {
  try {
    const s = JSON.stringify(v ?? null);
    return s !== undefined && s.length <= maxBytes && new TextEncoder().encode(s).length <= maxBytes;
  } catch {
    return false;
  }
}, { message: `${what}的内容过大(超过 ${Math.round(maxBytes / 1024)} KB)或无法保存` });

/** The envelope that crosses every boundary: no thrown error leaves a transport. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
