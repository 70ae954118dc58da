// Looks an operation up in the contract, validates its arguments, calls its service and wraps the answer in the envelope.
import { contract, isOpName, type Envelope, type OpName, type ParsedArgs, type Result } from '../contract';
import { AppError, describeZodError } from './common/errors';
import { handlers } from './handlers';
import { forClient, type Context } from './common/context';

export type Handler<K extends OpName> = (ctx: Context, args: ParsedArgs<K>) => Result<K> | Promise<Result<K>>;
export type Handlers = { [K in OpName]: Handler<K> };

/** `client` names the window or tab the request comes from: each has its own undo stack. */
export async function dispatch(ctx: Context, op: unknown, args: unknown, client?: string): Promise<Envelope<unknown>> {
  if (!isOpName(op)) {
    return { ok: false, error: { code: 'unknown_op', message: `未知的操作:${String(op).slice(0, 100)}` } };
  }
  const parsed = contract[op].args.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'bad_args', message: describeZodError(parsed.error) } };
  try {
    const handler = handlers[op] as (ctx: Context, a: unknown) => unknown;
    const value = await handler(forClient(ctx, client), parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
    const msg = e instanceof Error ? e.message : String(e);
    if (/SQLITE_BUSY|database is locked/.test(msg)) {
      return { ok: false, error: { code: 'busy', message: '数据库正忙,请稍后再试。' } };
    }
    if (/SQLITE_FULL|disk is full|ENOSPC/.test(msg)) {
      return { ok: false, error: { code: 'disk_full', message: '磁盘空间不足,操作未完成,数据未改变。' } };
    }
    console.error(`[${op}]`, e);
    return { ok: false, error: { code: 'internal', message: `操作失败:${msg}` } };
  }
}

/** For callers inside Node (command line, tests): unwraps the envelope or throws an AppError. */
export async function call<K extends OpName>(ctx: Context, op: K, args: unknown): Promise<Result<K>> {
  const r = await dispatch(ctx, op, args);
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as Result<K>;
}
