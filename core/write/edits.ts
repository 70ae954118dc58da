// The one write path for evaluation values: checks every value first, then writes and records history in one transaction.
import type { DB } from '../../db/connection';
import type { Changed } from '../../contract/model';
import { beginAction, clearRedo, dropAction, recordCell } from '../../db/repos/history';
import { readTaskEvalField, writeTaskEvalField, type TaskEvalField } from '../../db/repos/tasks';
import { readTargetEvalField, writeTargetEvalField, type TargetEvalField } from '../../db/repos/targets';
import { getRound } from '../../db/repos/rounds';
import { missingIds, rowName } from '../../db/repos/rows';
import { normalizeField } from '../rules/normalize';
import { FIELD_LABELS } from '../../contract/labels';
import { AppError, notFound } from '../common/errors';

export type Entity = 'task' | 'target';
export interface CellEdit { id: string; field: string; value: unknown; roundId?: number }

export function readField(db: DB, entity: Entity, roundId: number, id: string, field: string): string | number | null {
  return entity === 'task' ? readTaskEvalField(db, roundId, id, field as TaskEvalField) : readTargetEvalField(db, roundId, id, field as TargetEvalField);
}

export function writeField(db: DB, entity: Entity, roundId: number, id: string, field: string, value: string | number | null): void {
  if (entity === 'task') writeTaskEvalField(db, roundId, id, field as TaskEvalField, value);
  else writeTargetEvalField(db, roundId, id, field as TargetEvalField, value == null ? '' : String(value));
}

/** Stored and typed values compare as text: 35 and "35" are the same value. */
export const same = (a: unknown, b: unknown) => (a ?? '') === (b ?? '') || (a != null && b != null && String(a) === String(b));

export function requireRound(db: DB, roundId: number): void {
  if (!getRound(db, roundId)) throw notFound('评估轮次', roundId);
}

/** Fails (changing nothing) unless every id names an existing row. */
export function requireIds(db: DB, entity: Entity, ids: string[]): void {
  const missing = missingIds(db, entity, ids);
  if (missing.length) throw notFound(entity === 'task' ? '任务' : '指标', missing.slice(0, 3).join('、'));
}

export interface ApplyOptions { source: string; label?: string; detail?: string; undoable?: boolean; client?: string }

/**
 * Applies cell edits as one action. Every value is checked before anything is written; a bad one names its row and field
 * and nothing changes. Cells whose value is unchanged are skipped; an action with no cells is not kept.
 */
export function applyEdits(db: DB, entity: Entity, roundId: number, edits: CellEdit[], opts: ApplyOptions): Changed {
  requireRound(db, roundId);
  requireIds(db, entity, edits.map((e) => e.id));
  const normalized = edits.map((e, i) => {
    try {
      return { ...e, value: normalizeField(e.field, e.value) };
    } catch (err) {
      if (err instanceof AppError && edits.length > 1) {
        throw new AppError(err.code, `第 ${i + 1} 个单元格(${FIELD_LABELS[e.field] ?? e.field}):${err.message}。未做任何修改。`);
      }
      throw err;
    }
  });
  if (entity === 'target') requireOverrideReasons(db, roundId, normalized);
  const changedIds = new Set<string>();
  let actionId: number | null = null;
  db.transaction(() => {
    if (opts.undoable !== false) clearRedo(db, opts.client ?? '');
    actionId = beginAction(db, {
      source: opts.source, label: opts.label ?? defaultLabel(opts.source, edits.length), detail: opts.detail,
      state: opts.undoable === false ? 'final' : 'done', client: opts.client,
    });
    let cells = 0;
    for (const e of normalized) {
      const r = e.roundId ?? roundId;
      const old = readField(db, entity, r, e.id, e.field);
      if (same(old, e.value)) continue;
      writeField(db, entity, r, e.id, e.field, e.value);
      recordCell(db, actionId, entity, e.id, r, e.field, old, e.value);
      changedIds.add(e.id);
      cells++;
    }
    if (!cells) {
      dropAction(db, actionId);
      actionId = null;
    }
  })();
  const ids = [...changedIds];
  return { actionId, tasks: entity === 'task' ? ids : [], targets: entity === 'target' ? ids : [], roundId };
}

/** A planner's verdict that replaces the computed one must say why: checked on the state the batch would leave. */
function requireOverrideReasons(db: DB, roundId: number, edits: { id: string; field: string; value: unknown; roundId?: number }[]): void {
  const touched = new Map<string, { r: number; override?: string; reason?: string }>();
  for (const e of edits) {
    if (e.field !== 'verdictOverride' && e.field !== 'overrideReason') continue;
    const r = e.roundId ?? roundId;
    const key = `${r}\u0000${e.id}`;
    const t = touched.get(key) ?? { r };
    if (e.field === 'verdictOverride') t.override = String(e.value ?? '');
    else t.reason = String(e.value ?? '');
    touched.set(key, t);
  }
  for (const [key, t] of touched) {
    const id = key.split('\u0000')[1];
    const override = t.override ?? String(readField(db, 'target', t.r, id, 'verdictOverride') ?? '');
    const reason = t.reason ?? String(readField(db, 'target', t.r, id, 'overrideReason') ?? '');
    if (override && !reason.trim()) {
      const name = rowName(db, 'target', id);
      throw new AppError('invalid', `指标「${name}」调整评估结论为「${override}」时须填写调整理由。未做任何修改。`);
    }
  }
}

function defaultLabel(source: string, n: number): string {
  switch (source) {
    case 'paste': return `粘贴 ${n} 个单元格`;
    case 'fill': return `向下填充 ${n} 个单元格`;
    case 'bulk': return `批量修改 ${n} 行`;
    default: return n === 1 ? '修改单元格' : `修改 ${n} 个单元格`;
  }
}
