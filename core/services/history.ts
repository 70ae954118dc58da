// Undo, redo and restore over the action log. Each window undoes only its own steps, and only where a cell still holds
// the value the step left: a cell changed since (by an import, a return, another window) keeps that later value, and
// the answer says how many were kept and why. Restoring an earlier value is an edit like any other.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { Changed, ActionSummary } from '../../contract/model';
import {
  beginAction, recordCell, cellsOf, getAction, getCell, lastUndoable, lastRedoable, setActionState, listActions,
  entityHistory, laterChange, dropAction, type CellRow,
} from '../../db/repos/history';
import { readField, writeField, applyEdits, same, type Entity } from '../write/edits';
import { normalizeField } from '../rules/normalize';
import { fieldLabel, sourceLabel } from '../../contract/labels';
import { invalid, notFound } from '../common/errors';
import { stmt } from '../../db/statements';
import { getRound } from '../../db/repos/rounds';
import { openRoundOrThrow } from '../common/settings';
import {
  isDefinitionCell, readCell, writeCell, settleCorrections, applyDefinitions, parseCanonical, ChangeSet, ROW_FIELDS, STRUCTURAL_FIELDS, type CellEntity,
} from '../write/definitions';
import { rowExists, planOf, type DefEntity } from '../../db/repos/definitions';

const EVAL_ENTITIES = new Set(['task', 'target']);
const isEvalCell = (c: CellRow) => EVAL_ENTITIES.has(c.entity) && c.round_id != null;

/** A definition cell whose row is gone (a field of a deleted task) has nothing to replay; rows and aliases always do. */
const definitionLive = (db: DB, c: CellRow) => c.entity === 'unit' || ROW_FIELDS.has(c.field) || rowExists(db, c.entity as DefEntity, c.entity_id);

export interface StepResult { action: ActionSummary | null; changed: Changed; kept: number; note: string }

/** Why cells were kept: "3 个单元格之后已被导入修改、1 个单元格之后已在另一窗口修改". */
function keptNote(kept: { source: string; other: boolean }[]): string {
  const by = new Map<string, number>();
  for (const k of kept) {
    const why = k.other && k.source !== 'import' && k.source !== 'return' ? '已在另一窗口修改' : `已被${sourceLabel(k.source)}修改`;
    by.set(why, (by.get(why) ?? 0) + 1);
  }
  return [...by].map(([why, n]) => `${n} 个单元格之后${why}`).join('、');
}

const exists = (db: DB, c: CellRow) =>
  !!stmt(db, `SELECT 1 FROM ${c.entity === 'task' ? 'tasks' : 'targets'} WHERE id = ?`).get(c.entity_id) &&
  !!stmt(db, 'SELECT 1 FROM rounds WHERE id = ?').get(c.round_id);

function step(db: DB, kind: 'undo' | 'redo', client: string): StepResult {
  const target = kind === 'undo' ? lastUndoable(db, client) : lastRedoable(db, client);
  const none: Changed = { actionId: null, tasks: [], targets: [], roundId: null };
  if (target == null) return { action: null, changed: none, kept: 0, note: '' };
  return db.transaction((): StepResult => {
    const original = getAction(db, target)!;
    const cells = cellsOf(db, target).filter((c) => isEvalCell(c) || isDefinitionCell(c));
    for (const r of new Set(cells.filter(isEvalCell).map((c) => c.round_id!))) if (getRound(db, r)) openRoundOrThrow(db, r, kind === 'undo' ? '撤销这一步' : '重做这一步');
    const defs = new ChangeSet(db);
    const replayed: CellRow[] = [];
    const actionId = beginAction(db, { source: kind, label: `${kind === 'undo' ? '撤销' : '重做'}:${original.label}`, reverts: target, state: 'final', client });
    const changed: Changed = { actionId, tasks: [], targets: [], roundId: null };
    const kept: { source: string; other: boolean }[] = [];
    let written = 0;
    for (const c of kind === 'undo' ? [...cells].reverse() : cells) {
      if (!isEvalCell(c)) {
        if (!definitionLive(db, c)) continue;
        const left = kind === 'undo' ? c.new_value : c.old_value;
        const current = readCell(db, c.entity as CellEntity, c.entity_id, c.field);
        if (current !== left) {
          const later = laterChange(db, c, target);
          kept.push({ source: later?.source ?? 'edit', other: !!later && later.client !== client });
          continue;
        }
        const value = kind === 'undo' ? c.old_value : c.new_value;
        const structural = c.entity !== 'task' && c.entity !== 'target' ? true : STRUCTURAL_FIELDS.has(c.field);
        const planId = c.entity === 'unit' || !structural ? null : planOf(db, c.entity as DefEntity, c.entity_id);
        writeCell(db, c.entity as CellEntity, c.entity_id, c.field, value);
        recordCell(db, actionId, c.entity, c.entity_id, null, c.field, current, value);
        defs.add(c.entity as CellEntity, c.entity_id, planId ?? (c.entity === 'unit' || !structural ? null : planOf(db, c.entity as DefEntity, c.entity_id)));
        replayed.push(c);
        written++;
        continue;
      }
      if (!exists(db, c)) continue;
      const entity = c.entity as Entity;
      // What the step (or the undo of it) left in the cell; anything else there now is later work, and stays.
      const left = kind === 'undo' ? c.new_value : c.old_value;
      const current = readField(db, entity, c.round_id!, c.entity_id, c.field);
      if (!same(current ?? '', normalizeField(c.field, left) ?? '')) {
        const later = laterChange(db, c, target);
        kept.push({ source: later?.source ?? 'edit', other: !!later && later.client !== client });
        continue;
      }
      const value = normalizeField(c.field, kind === 'undo' ? c.old_value : c.new_value);
      writeField(db, entity, c.round_id!, c.entity_id, c.field, value);
      recordCell(db, actionId, entity, c.entity_id, c.round_id, c.field, current, value);
      (entity === 'task' ? changed.tasks : changed.targets).push(c.entity_id);
      changed.roundId = c.round_id;
      written++;
    }
    const note = keptNote(kept);
    if (!written && kept.length) {
      // Every cell was changed since: the step can no longer be undone, and the next undo goes on to the one before.
      dropAction(db, actionId);
      setActionState(db, target, 'final');
      return { action: null, changed: none, kept: kept.length, note: `「${original.label}」涉及的${note},未${kind === 'undo' ? '撤销' : '重做'}` };
    }
    setActionState(db, target, kind === 'undo' ? 'undone' : 'done');
    settleCorrections(db, replayed);
    const d = defs.result(actionId);
    changed.tasks.push(...d.tasks.filter((id) => !changed.tasks.includes(id)));
    changed.targets.push(...d.targets.filter((id) => !changed.targets.includes(id)));
    if (d.plans?.length) changed.plans = d.plans;
    return { action: getAction(db, target), changed, kept: kept.length, note: note ? `${note},未${kind === 'undo' ? '撤销' : '重做'}` : '' };
  })();
}

export const historyHandlers: Pick<Handlers, 'history.entity' | 'history.actions' | 'history.undo' | 'history.redo' | 'history.restore'> = {
  'history.entity': (ctx, { entity, id, roundId }) => entityHistory(ctx.db, entity, id, roundId),
  'history.actions': (ctx, { limit, before }) => listActions(ctx.db, limit ?? 100, before),
  'history.undo': (ctx) => step(ctx.db, 'undo', ctx.client),
  'history.redo': (ctx) => step(ctx.db, 'redo', ctx.client),
  'history.restore': (ctx, { historyId, which }) => {
    const cell = getCell(ctx.db, historyId);
    if (!cell) throw notFound('历史记录', historyId);
    const value = which === 'new' ? cell.new_value : cell.old_value;
    if (isDefinitionCell(cell) && cell.entity !== 'unit' && !ROW_FIELDS.has(cell.field) && cell.field !== 'seq') {
      const changed = applyDefinitions(ctx.db, [{ entity: cell.entity as DefEntity, id: cell.entity_id, field: cell.field, value: parseCanonical(cell.field, value) }], {
        source: 'restore', label: `恢复${fieldLabel(cell.field)}为历史值`, detail: `history#${historyId}`, client: ctx.client,
      });
      return { changed };
    }
    if (!isEvalCell(cell)) throw invalid('这条历史记录不能恢复(新增、删除和单位合并请用撤销)');
    const changed = applyEdits(ctx.db, cell.entity as Entity, cell.round_id!, [{ id: cell.entity_id, field: cell.field, value }], {
      source: 'restore', label: `恢复${fieldLabel(cell.field)}为历史值`, detail: `history#${historyId}`, client: ctx.client,
    });
    return { changed };
  },
};
