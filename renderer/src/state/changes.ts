// Every write the renderer makes goes through here: cell edits, bulk sets, undo, redo and restores. Each announces what
// changed so the grids and the detail panel refresh just those rows, wherever they are after sorting and filtering. An
// edit's answer carries the changed rows as the grid shows them, so one edit is one request: they are applied as they
// come; only what came without rows (a bulk change, an undo) is fetched again.
import type { Changed, TaskRow, TargetRow, TaskEditable, TargetEditable } from '../../../contract';
import { send } from '../api';
import { toast } from '../toast';

export type Entity = 'task' | 'target';
export type EditSource = 'edit' | 'paste' | 'fill' | 'bulk';
export interface CellEdit { id: string; field: string; value: string | number | null }

/** Rows that came with an answer, as read with that comparison round. */
export interface FreshRows { entity: Entity; compareRoundId: number | undefined; rows: (TaskRow | TargetRow)[] }
type Listener = (c: Changed, fresh?: FreshRows) => void;
let listeners: Listener[] = [];

export function onChanged(l: Listener): () => void {
  listeners.push(l);
  return () => { listeners = listeners.filter((x) => x !== l); };
}

export function announce(c: Changed, fresh?: FreshRows): void {
  if (!c.tasks.length && !c.targets.length && !c.plans?.length) return;
  for (const l of listeners) l(c, fresh);
}

/** The rows a listener can take as they came: for its entity and comparison round, all the changed ones. */
export function usable<T>(fresh: FreshRows | undefined, entity: Entity, compareRoundId: number | undefined, ids: string[]): T[] | null {
  if (!fresh || fresh.entity !== entity || fresh.compareRoundId !== compareRoundId) return null;
  const have = new Set(fresh.rows.map((r) => r.id));
  return ids.every((id) => have.has(id)) ? (fresh.rows as T[]) : null;
}

/** Saves cells of one entity as one undoable action; rejects (nothing written) with the service's Chinese message. */
export async function saveEdits(entity: Entity, roundId: number, compareRoundId: number | undefined, edits: CellEdit[], source: EditSource): Promise<Changed> {
  const r = entity === 'task'
    ? await send('tasks.edit', { roundId, compareRoundId, source, edits: edits.map((e) => ({ ...e, field: e.field as TaskEditable })) })
    : await send('targets.edit', { roundId, compareRoundId, source, edits: edits.map((e) => ({ ...e, field: e.field as TargetEditable })) });
  announce(r.changed, { entity, compareRoundId, rows: r.rows });
  // Saved, but not to be judged as typed (an actual that is not a number): said at once, and marked in the row.
  if ('warnings' in r && r.warnings.length) toast(`已保存。${r.warnings.slice(0, 3).join(';')}${r.warnings.length > 3 ? ` 等 ${r.warnings.length} 处` : ''}`, 'warn');
  return r.changed;
}

export async function bulkSet(entity: Entity, roundId: number, ids: string[], field: string, value: string | null): Promise<number> {
  const r = entity === 'task'
    ? await send('tasks.bulkSet', { roundId, ids, field: field as TaskEditable, value })
    : await send('targets.bulkSet', { roundId, ids, field: field as TargetEditable, value });
  announce(r.changed);
  return r.count;
}

/** Undo or redo this window's last step; says what it did, and which cells kept a later value. */
export async function undoRedo(kind: 'undo' | 'redo'): Promise<void> {
  const r = await send(kind === 'undo' ? 'history.undo' : 'history.redo', {});
  if (!r.action) {
    toast(r.note || (kind === 'undo' ? '没有可撤销的操作' : '没有可重做的操作'), r.note ? 'error' : undefined);
    return;
  }
  announce(r.changed);
  toast(`${kind === 'undo' ? '已撤销' : '已重做'}:${r.action.label}${r.note ? `(${r.note})` : ''}`, 'success');
}

export async function restoreHistory(historyId: number): Promise<void> {
  const r = await send('history.restore', { historyId, which: 'old' });
  announce(r.changed);
  toast('已恢复为历史值', 'success');
}

/** Fresh copies of the given rows, without the grid's filters: the rows to update in place. */
export async function fetchRows(entity: 'task', roundId: number, compareRoundId: number | undefined, ids: string[]): Promise<TaskRow[]>;
export async function fetchRows(entity: 'target', roundId: number, compareRoundId: number | undefined, ids: string[]): Promise<TargetRow[]>;
export async function fetchRows(entity: Entity, roundId: number, compareRoundId: number | undefined, ids: string[]): Promise<(TaskRow | TargetRow)[]> {
  if (!ids.length) return [];
  return entity === 'task'
    ? (await send('tasks.query', { roundId, compareRoundId, ids })).rows
    : (await send('targets.query', { roundId, compareRoundId, ids })).rows;
}
