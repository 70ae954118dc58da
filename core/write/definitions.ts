// The one write path for definitions (plans, tasks, targets, unit aliases): every value is checked first, then written
// with its history in one transaction, the corrected field listed so a re-import keeps it, the search index kept in
// step. Nothing else is recomputed: a target's judgement follows from its definition when it is read. The undo
// machinery replays definition cells (and whole rows added or deleted) through readCell and writeCell here.
import type { DB } from '../../db/connection';
import type { Changed } from '../../contract/model';
import { fieldLabel } from '../../contract/labels';
import { beginAction, clearRedo, dropAction, recordCell } from '../../db/repos/history';
import {
  readDefinition, writeDefinition, rowExists, planOf, markEdited, unmarkEdited, correctionInForce, snapshotRow, restoreRow,
  deleteRow, isDefinitionField, tasksNamed, planRows, type DefEntity,
} from '../../db/repos/definitions';
import { readAlias, writeAlias } from '../../db/repos/units';
import { rowName } from '../../db/repos/rows';
import { planTitle } from '../../db/repos/plans';
import { normalizeDefinition } from './define-values';
import { AppError, invalid, notFound } from '../common/errors';

export type CellEntity = DefEntity | 'unit';
export interface DefEdit { entity: DefEntity; id: string; field: string; value: unknown }
export interface DefineOptions { source: string; label?: string; detail?: string; client?: string; markEdited?: boolean }

/** Sources whose changes of a definition are the planner's corrections (a re-import keeps them). */
export const CORRECTION_SOURCES = ['define', 'restore'] as const;
/** Whole-row cells: a row added, or deleted with everything it held. */
export const ROW_FIELDS = new Set(['created', 'deleted']);
const JSON_FIELDS = new Set(['path', 'leadUnits', 'responsibleUnits', 'subpoints', 'milestones', 'taskMilestones']);
const NOUN: Record<DefEntity, string> = { plan: '规划', task: '任务', target: '指标' };

/** A canonical text back into the value the checks take (lists as lists). */
export const parseCanonical = (field: string, v: string | null): unknown => (v != null && JSON_FIELDS.has(field) ? JSON.parse(v) : v);

export const nameOf = (db: DB, entity: DefEntity, id: string): string => (entity === 'plan' ? planTitle(db, id) ?? id : rowName(db, entity, id));

export function isDefinitionCell(c: { entity: string; round_id: number | null; field: string }): boolean {
  if (c.round_id != null) return false;
  if (c.entity === 'unit') return c.field === 'alias';
  if (c.entity !== 'plan' && c.entity !== 'task' && c.entity !== 'target') return false;
  return ROW_FIELDS.has(c.field) ? c.entity !== 'plan' : isDefinitionField(c.entity, c.field);
}

/** What a definition cell holds now, as the history wrote it; null when its row (or alias) is not there. */
export function readCell(db: DB, entity: CellEntity, id: string, field: string): string | null {
  if (entity === 'unit') return readAlias(db, id);
  if (ROW_FIELDS.has(field)) return entity === 'plan' ? null : snapshotRow(db, entity, id);
  return readDefinition(db, entity, id, field);
}

/** Puts a definition cell to a value the history holds (a row cell: null removes the row, a snapshot restores it). */
export function writeCell(db: DB, entity: CellEntity, id: string, field: string, value: string | null): void {
  if (entity === 'unit') { writeAlias(db, id, value); return; }
  if (entity === 'plan') { writeDefinition(db, entity, id, field, value ?? ''); return; }
  if (!ROW_FIELDS.has(field)) { writeDefinition(db, entity, id, field, value ?? ''); return; }
  if (value == null) {
    if (rowExists(db, entity, id)) deleteRow(db, entity, id);
    if (field === 'deleted') markEdited(db, entity, id, 'deleted', null);
  } else {
    if (!rowExists(db, entity, id)) restoreRow(db, value);
    unmarkEdited(db, entity, id, 'deleted');
  }
}

/** After an undo or redo: a field stays listed as corrected while a planner's change of it is in force. */
export function settleCorrections(db: DB, cells: { entity: string; entity_id: string; field: string }[]): void {
  for (const c of cells) {
    if (c.entity === 'unit' || ROW_FIELDS.has(c.field) || c.field === 'seq') continue;
    const e = c.entity as DefEntity;
    if (!rowExists(db, e, c.entity_id)) continue;
    if (correctionInForce(db, e, c.entity_id, c.field, CORRECTION_SOURCES)) markEdited(db, e, c.entity_id, c.field, null);
    else unmarkEdited(db, e, c.entity_id, c.field);
  }
}

/** Fields whose change moves a row in its plan's tree or order. */
export const STRUCTURAL_FIELDS = new Set(['path', 'seq', ...ROW_FIELDS]);

/** Collects what one write changed: the rows to refresh, and the plans whose tree, order or rows changed (to read again). */
export class ChangeSet {
  tasks = new Set<string>();
  targets = new Set<string>();
  plans = new Set<string>();
  others = 0;
  constructor(private db: DB) {}
  /** A row changed; with its plan when the plan's tree, order or set of rows changed. */
  add(entity: CellEntity, id: string, planId?: string | null): void {
    if (entity === 'unit') this.others++;
    if (entity === 'task') this.tasks.add(id);
    if (entity === 'target') this.targets.add(id);
    const p = planId ?? (entity === 'plan' ? id : null);
    if (p) this.plans.add(p);
  }
  /** The plan of a row (looked up before it goes). */
  plan(entity: DefEntity, id: string): string | null { return planOf(this.db, entity, id); }
  result(actionId: number | null): Changed {
    return { actionId, tasks: [...this.tasks], targets: [...this.targets], roundId: null, plans: [...this.plans] };
  }
}

/** Writes one cell with its history line (and lists the field as corrected when asked); false when unchanged. */
export function putCell(db: DB, actionId: number, entity: CellEntity, id: string, field: string, value: string | null, mark: boolean): boolean {
  const old = readCell(db, entity, id, field);
  if (old === value) return false;
  writeCell(db, entity, id, field, value);
  recordCell(db, actionId, entity, id, null, field, old, value);
  if (mark && entity !== 'unit' && !ROW_FIELDS.has(field)) markEdited(db, entity, id, field, actionId);
  return true;
}

/** Runs a definition write as one action of the window; an action that changed nothing is not kept. */
export function inAction(db: DB, opts: DefineOptions, label: string, body: (actionId: number, changes: ChangeSet) => void): Changed {
  const changes = new ChangeSet(db);
  let actionId: number | null = null;
  db.transaction(() => {
    clearRedo(db, opts.client ?? '');
    actionId = beginAction(db, { source: opts.source, label: opts.label ?? label, detail: opts.detail, client: opts.client });
    body(actionId, changes);
    if (!changes.tasks.size && !changes.targets.size && !changes.plans.size && !changes.others) {
      dropAction(db, actionId);
      actionId = null;
    }
  })();
  return changes.result(actionId);
}

/** The canonical value of one edit, checked; the message names the row and the field. */
function checked(db: DB, e: DefEdit, i: number, many: boolean): string {
  try {
    let v = normalizeDefinition(e.entity, e.field, e.value);
    if (e.entity === 'target' && e.field === 'taskId' && v) v = taskFor(db, e.id, v);
    return v;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const where = `${many ? `第 ${i + 1} 个单元格,` : ''}${NOUN[e.entity]}「${nameOf(db, e.entity, e.id).slice(0, 40)}」的${fieldLabel(e.field === 'taskMilestones' ? 'taskMilestones' : e.field)}`;
    throw new AppError(err.code, `${where}:${err.message}。未做任何修改。`);
  }
}

/** The task a target is linked to, by id, title or code within the target's plan. */
function taskFor(db: DB, targetId: string, text: string): string {
  const plan = planOf(db, 'target', targetId);
  const hits = plan ? tasksNamed(db, plan, text) : [];
  if (!hits.length) throw invalid(`本规划中没有任务「${text.slice(0, 30)}」`);
  if (hits.length > 1) throw invalid(`本规划中有 ${hits.length} 项任务都叫「${text.slice(0, 30)}」,请在详情中选择`);
  return hits[0];
}

/** Checks that span fields: a period that ends before it starts, a baseline year not before the target year. */
function crossCheck(db: DB, values: Map<string, string>, e: { entity: DefEntity; id: string }): void {
  const get = (field: string) => values.get(`${e.entity}\u0000${e.id}\u0000${field}`) ?? readDefinition(db, e.entity, e.id, field) ?? '';
  const name = nameOf(db, e.entity, e.id).slice(0, 40);
  if (e.entity === 'plan') {
    const [s, t] = [get('periodStart'), get('periodEnd')];
    if (s && t && Number(s) > Number(t)) throw invalid(`规划「${name}」的起始年份 ${s} 晚于终止年份 ${t}。未做任何修改。`);
  }
  if (e.entity === 'target') {
    const by = get('baselineYear');
    const years = (JSON.parse(get('milestones') || '[]') as { year: number }[]).map((m) => m.year);
    if (by && years.length && Number(by) >= Math.max(...years)) {
      throw invalid(`指标「${name}」的基期年份 ${by} 应早于目标年份 ${Math.max(...years)}。未做任何修改。`);
    }
  }
}

/** The label of a batch of definition edits typed, pasted or filled down. */
export function defineLabel(source: string, edits: DefEdit[]): string {
  if (source === 'paste') return `粘贴 ${edits.length} 个单元格(规划内容)`;
  if (source === 'fill') return `向下填充 ${edits.length} 个单元格(规划内容)`;
  return edits.length === 1 ? `修改${NOUN[edits[0].entity]}的${fieldLabel(edits[0].field)}` : `修改 ${edits.length} 项规划内容`;
}

export interface CheckedEdit { entity: DefEntity; id: string; field: string; value: string }

/** Every value of a batch, and every check across fields, tried before anything is written; a bad one names its row and field. */
export function checkDefinitions(db: DB, edits: DefEdit[]): CheckedEdit[] {
  for (const e of edits) if (!rowExists(db, e.entity, e.id)) throw notFound(NOUN[e.entity], e.id);
  const values = new Map<string, string>();
  const canonical = edits.map((e, i) => {
    const v = checked(db, e, i, edits.length > 1);
    values.set(`${e.entity}\u0000${e.id}\u0000${e.field}`, v);
    return { entity: e.entity, id: e.id, field: e.field, value: v };
  });
  const rows = new Map(edits.map((e) => [`${e.entity}\u0000${e.id}`, e]));
  for (const e of rows.values()) crossCheck(db, values, e);
  return canonical;
}

/** Writes checked edits inside an action; unchanged cells are skipped, a task given another chapter takes its place there. */
export function writeDefinitions(db: DB, actionId: number, changes: ChangeSet, edits: CheckedEdit[], mark: boolean): void {
  for (const e of edits) {
    if (!putCell(db, actionId, e.entity, e.id, e.field, e.value, mark)) continue;
    changes.add(e.entity, e.id, STRUCTURAL_FIELDS.has(e.field) ? changes.plan(e.entity, e.id) : null);
    if (e.entity === 'task' && e.field === 'path') placeRow(db, actionId, 'task', e.id, null, changes);
  }
}

/** Applies definition edits as one undoable action: all checked first, so a bad value changes nothing. */
export function applyDefinitions(db: DB, edits: DefEdit[], opts: DefineOptions): Changed {
  const canonical = checkDefinitions(db, edits);
  return inAction(db, opts, defineLabel(opts.source, edits), (actionId, changes) => writeDefinitions(db, actionId, changes, canonical, opts.markEdited !== false));
}

/**
 * Puts a task or target in its place in the plan's order: before the row named, else (a task) after the last task of
 * its chapter or of the nearest chapter above it, else at the end. The seq of every row that moves is a cell of the
 * action.
 */
export function placeRow(db: DB, actionId: number, entity: 'task' | 'target', id: string, before: string | null, changes: ChangeSet): void {
  const planId = planOf(db, entity, id)!;
  const all = planRows(db, entity, planId);
  const me = all.find((r) => r.id === id)!;
  const rest = all.filter((r) => r.id !== id);
  let at = before ? rest.findIndex((r) => r.id === before) : -1;
  if (at < 0) {
    const shared = (p: string[]) => { let n = 0; while (n < p.length && n < me.path.length && p[n] === me.path[n]) n++; return n; };
    let best = -1;
    let bestLen = 0;
    rest.forEach((r, i) => { const n = shared(r.path); if (n > 0 && n >= bestLen) { best = i; bestLen = n; } });
    at = best >= 0 ? best + 1 : rest.length;
  }
  rest.splice(at, 0, me);
  rest.forEach((r, i) => {
    if (r.seq !== i + 1 && putCell(db, actionId, entity, r.id, 'seq', String(i + 1), false)) changes.add(entity, r.id, planId);
  });
}
