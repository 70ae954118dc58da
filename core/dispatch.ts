// Looks an operation up in the contract, validates its arguments, calls its service and wraps the answer in the envelope.
// While a restore runs every request is answered "正在恢复" (the client sends it again); on a damaged database only the
// recovery operations run; SQLite and system errors reach the planner explained in Chinese.
import { contract, isOpName, type Envelope, type OpName, type ParsedArgs, type Result } from '../contract';
import { AppError, describeZodError, explainError } from './common/errors';
import { handlers } from './handlers';
import { forClient, type Context } from './common/context';
import { RESTORING_MESSAGE } from './common/store';

export type Handler<K extends OpName> = (ctx: Context, args: ParsedArgs<K>) => Result<K> | Promise<Result<K>>;
export type Handlers = { [K in OpName]: Handler<K> };

/** What a damaged or unreadable database still answers: the recovery screen's questions and the restore. */
const RECOVERY_OPS = new Set<string>(['app.info', 'backups.list', 'backups.restore', 'jobs.progress']);

/** `client` names the window or tab the request comes from: each has its own undo stack. */
export async function dispatch(ctx: Context, op: unknown, args: unknown, client?: string): Promise<Envelope<unknown>> {
  if (!isOpName(op)) {
    return { ok: false, error: { code: 'unknown_op', message: `未知的操作:${String(op).slice(0, 100)}` } };
  }
  const parsed = contract[op].args.safeParse(args ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'bad_args', message: describeZodError(parsed.error) } };
  const state = ctx.store.state;
  if (state === 'restoring' && op !== 'jobs.progress') return { ok: false, error: { code: 'restoring', message: RESTORING_MESSAGE } };
  if (state === 'damaged' && !RECOVERY_OPS.has(op)) {
    return { ok: false, error: { code: 'damaged', message: `数据库无法使用:${ctx.store.damaged}。请从备份恢复。` } };
  }
  const leave = ctx.store.enter();
  try {
    const handler = handlers[op] as (ctx: Context, a: unknown) => unknown;
    const value = await handler(forClient(ctx, client), parsed.data);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: { code: e.code, message: e.message } };
    const known = explainError(e);
    if (known?.code === 'read_only' && ctx.store.readOnly) {
      return { ok: false, error: { code: 'read_only', message: `数据库以只读方式打开(${ctx.store.readOnly}),不能修改,修改没有保存。` } };
    }
    if (known) return { ok: false, error: known };
    console.error(`[${op}]`, e);
    const msg = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: 'internal', message: `操作失败(程序内部错误):${msg.slice(0, 300)}` } };
  } finally {
    leave();
  }
}

/** For callers inside Node (command line, tests): unwraps the envelope or throws an AppError. */
export async function call<K extends OpName>(ctx: Context, op: K, args: unknown): Promise<Result<K>> {
  const r = await dispatch(ctx, op, args);
  if (!r.ok) throw new AppError(r.error.code, r.error.message);
  return r.value as Result<K>;
}
