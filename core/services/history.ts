// Undo, redo and restore over the action log; each writes the values back through the same path as an edit.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { Changed, ActionSummary } from '../contract/model';
import {
  beginAction, recordCell, cellsOf, getAction, getCell, lastUndoable, lastRedoable, setActionState, listActions,
  entityHistory, type CellRow,
} from '../../db/repos/history';
import { readField, writeField, applyEdits, type Entity } from './edits';
import { normalizeField, FIELD_LABELS } from './normalize';
import { invalid, notFound } from '../errors';

const EVAL_ENTITIES = new Set(['task', 'target']);

function replay(db: DB, cells: CellRow[], use: 'old' | 'new', actionId: number): Changed {
  const changed: Changed = { actionId, tasks: [], targets: [], roundId: null };
  for (const c of cells) {
    if (!EVAL_ENTITIES.has(c.entity) || c.round_id == null) continue;
    const entity = c.entity as Entity;
    const table = entity === 'task' ? 'tasks' : 'targets';
    if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(c.entity_id)) continue;
    if (!db.prepare('SELECT 1 FROM rounds WHERE id = ?').get(c.round_id)) continue;
    const value = normalizeField(c.field, use === 'old' ? c.old_value : c.new_value);
    const current = readField(db, entity, c.round_id, c.entity_id, c.field);
    writeField(db, entity, c.round_id, c.entity_id, c.field, value);
    recordCell(db, actionId, entity, c.entity_id, c.round_id, c.field, current, value);
    (entity === 'task' ? changed.tasks : changed.targets).push(c.entity_id);
    changed.roundId = c.round_id;
  }
  return changed;
}

function step(db: DB, kind: 'undo' | 'redo'): { action: ActionSummary | null; changed: Changed } {
  const target = kind === 'undo' ? lastUndoable(db) : lastRedoable(db);
  if (target == null) return { action: null, changed: { actionId: null, tasks: [], targets: [], roundId: null } };
  return db.transaction(() => {
    const original = getAction(db, target)!;
    const cells = cellsOf(db, target);
    const label = `${kind === 'undo' ? '撤销' : '重做'}:${original.label}`;
    const actionId = beginAction(db, kind, label, '', target, 'final');
    const changed = replay(db, kind === 'undo' ? [...cells].reverse() : cells, kind === 'undo' ? 'old' : 'new', actionId);
    setActionState(db, target, kind === 'undo' ? 'undone' : 'done');
    return { action: getAction(db, target), changed };
  })();
}

export const historyHandlers: Pick<Handlers, 'history.entity' | 'history.actions' | 'history.undo' | 'history.redo' | 'history.restore'> = {
  'history.entity': (ctx, { entity, id, roundId }) => entityHistory(ctx.db, entity, id, roundId),
  'history.actions': (ctx, { limit, before }) => listActions(ctx.db, limit ?? 100, before),
  'history.undo': (ctx) => step(ctx.db, 'undo'),
  'history.redo': (ctx) => step(ctx.db, 'redo'),
  'history.restore': (ctx, { historyId, which }) => {
    const cell = getCell(ctx.db, historyId);
    if (!cell) throw notFound('历史记录', historyId);
    if (!EVAL_ENTITIES.has(cell.entity) || cell.round_id == null) throw invalid('这条历史记录不是评估内容,不能恢复');
    const value = which === 'new' ? cell.new_value : cell.old_value;
    const changed = applyEdits(ctx.db, cell.entity as Entity, cell.round_id, [{ id: cell.entity_id, field: cell.field, value }], {
      source: 'restore', label: `恢复${FIELD_LABELS[cell.field] ?? cell.field}为历史值`, detail: `history#${historyId}`,
    });
    return { changed };
  },
};

