// The writes of 编辑规划: definition edits (typed, pasted, filled down), rows added, deleted and moved, plan details,
// unit renames and merges. Each is one undoable step and announces what changed, as the evaluation edits do; a change
// of the unit lists is told to whoever lists units.
import type { Changed, TaskDefinable, TargetDefinable } from '../../../../contract';
import { send, ApiError } from '../../api';
import { announce, type CellEdit, type EditSource, type Entity } from '../../state/changes';

const UNIT_FIELDS = new Set(['leadUnits', 'responsibleUnits']);
let unitListeners: (() => void)[] = [];

/** Called when unit names may have come or gone (a unit typed, a rename, a merge). */
export function onUnitsChanged(l: () => void): () => void {
  unitListeners.push(l);
  return () => { unitListeners = unitListeners.filter((x) => x !== l); };
}
export const unitsChanged = () => { for (const l of unitListeners) l(); };

export async function saveDefinitions(entity: Entity, roundId: number, compareRoundId: number | undefined, edits: CellEdit[], source: EditSource): Promise<Changed> {
  const how = source === 'bulk' ? 'edit' : source;
  const r = entity === 'task'
    ? await send('tasks.define', { roundId, compareRoundId, source: how, edits: edits.map((e) => ({ ...e, field: e.field as TaskDefinable })) })
    : await send('targets.define', { roundId, compareRoundId, source: how, edits: edits.map((e) => ({ ...e, field: e.field as TargetDefinable })) });
  announce(r.changed, { entity, compareRoundId, rows: r.rows });
  if (edits.some((e) => UNIT_FIELDS.has(e.field))) unitsChanged();
  return r.changed;
}

/** One definition field of one row, with a list or a text, from the detail panel. */
export const defineField = (entity: Entity, roundId: number, compareRoundId: number | undefined, id: string, field: string, value: unknown) =>
  saveDefinitions(entity, roundId, compareRoundId, [{ id, field, value: value as string }], 'edit').then(() => undefined);

/**
 * Deletes rows; when they hold evaluations the service asks first, and `confirm` is asked with its message (the
 * planner's answer decides). Resolves to the number deleted, 0 when the planner declined.
 */
export async function deleteRows(entity: Entity, ids: string[], confirm: (message: string) => Promise<boolean>): Promise<number> {
  const op = entity === 'task' ? 'tasks.delete' : 'targets.delete';
  try {
    announce((await send(op, { ids })).changed);
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'confirm') throw e;
    if (!(await confirm(e.message))) return 0;
    announce((await send(op, { ids, confirmed: true })).changed);
  }
  return ids.length;
}

export async function moveTasks(ids: string[], to: { path?: string[]; before?: string | null }): Promise<void> {
  announce((await send('tasks.move', { ids, ...to })).changed);
}
