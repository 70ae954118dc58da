// Adding, deleting and moving tasks and targets, each as one undoable action: a new row is recorded whole (undo takes
// it away), a deleted one with everything it held (its milestones, units and evaluations of every round come back on
// undo), and the order of the plan's rows moves cell by cell.
import crypto from 'node:crypto';
import type { DB } from '../../db/connection';
import type { Changed } from '../../contract/model';
import { fieldLabel } from '../../contract/labels';
import { planWriter } from '../../db/repos/plan-rows';
import { writeDefinition, snapshotRow, evaluationsOf, targetsOfTask, rowExists, planOf, planRows } from '../../db/repos/definitions';
import { recordCell } from '../../db/repos/history';
import { planExists } from '../../db/repos/plans';
import { normalizeDefinition } from './define-values';
import { inAction, putCell, placeRow, nameOf, type ChangeSet, type DefineOptions } from './definitions';
import { AppError, invalid, notFound } from '../common/errors';

const NOUN = { task: '任务', target: '指标' } as const;
const REQUIRED = { task: 'title', target: 'name' } as const;

function newId(planId: string, entity: 'task' | 'target'): string {
  return `${planId.slice(0, 70)}-${entity === 'task' ? 'T' : 'G'}n-${crypto.randomBytes(5).toString('hex')}`;
}

function checkedValues(entity: 'task' | 'target', values: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  if (!String(values[REQUIRED[entity]] ?? '').trim()) throw invalid(`新${NOUN[entity]}须填写${fieldLabel(REQUIRED[entity])}。未做任何修改。`);
  for (const [field, v] of Object.entries(values)) {
    try {
      out.set(field, normalizeDefinition(entity, field, v));
    } catch (err) {
      if (err instanceof AppError) throw new AppError(err.code, `新${NOUN[entity]}的${fieldLabel(field)}:${err.message}。未做任何修改。`);
      throw err;
    }
  }
  return out;
}

export interface NewRow { planId: string; path?: string[]; after?: string; values: Record<string, unknown> }

/** The row to place a new one before: the one following `after` in the plan's order. */
function beforeOf(db: DB, entity: 'task' | 'target', planId: string, after: string | undefined): string | null {
  // '' is the end: a new target goes last, a new task after the last of its chapter.
  if (!after) return entity === 'target' ? '' : null;
  if (planOf(db, entity, after) !== planId) throw notFound(NOUN[entity], after);
  const rows = planRows(db, entity, planId);
  const i = rows.findIndex((r) => r.id === after);
  return rows[i + 1]?.id ?? '';
}

export interface PreparedRow { entity: 'task' | 'target'; id: string; planId: string; before: string | null; seq: number; values: Map<string, string> }

/** Checks a new row's values (and its place) before anything is written. */
export function prepareRow(db: DB, entity: 'task' | 'target', n: NewRow, seqOffset = 0): PreparedRow {
  if (!planExists(db, n.planId)) throw notFound('规划', n.planId);
  const values = checkedValues(entity, { ...(n.path && entity === 'task' ? { path: n.path } : {}), ...n.values });
  if (entity === 'target' && values.get('taskId')) {
    const t = values.get('taskId')!;
    if (planOf(db, 'task', t) !== n.planId) throw invalid(`本规划中没有任务「${t.slice(0, 30)}」。未做任何修改。`);
  }
  const before = beforeOf(db, entity, n.planId, n.after);
  const seq = planRows(db, entity, n.planId).reduce((m, r) => Math.max(m, r.seq), 0) + 1 + seqOffset;
  return { entity, id: newId(n.planId, entity), planId: n.planId, before, seq, values };
}

/** Writes a prepared row inside an action: the new row is one cell ('created') holding all of it. */
export function insertRow(db: DB, actionId: number, changes: ChangeSet, r: PreparedRow): void {
  const w = planWriter(db);
  const { entity, id, planId, values } = r;
  if (entity === 'task') {
    w.task({ id, planId, code: '', path: [], title: values.get('title')!, body: '', kind: 'task', leadUnits: [], responsibleUnits: [], subpoints: [], seq: r.seq, sourceLine: null });
  } else {
    w.target({ id, planId, taskId: null, code: '', name: values.get('name')!, unit: '', category: '', attribute: '', baselineYear: null, baselineValue: null,
      scope: values.get('taskId') ? 'in_task' : 'table', responsibleUnits: [], seq: r.seq, sourceLine: null }, []);
  }
  for (const [field, v] of values) writeDefinition(db, entity, id, field, v);
  if (r.before !== '') placeRow(db, actionId, entity, id, r.before, changes);
  recordCell(db, actionId, entity, id, null, 'created', null, snapshotRow(db, entity, id));
  changes.add(entity, id, planId);
}

/** Adds a task or a target to a plan as one undoable action. */
export function createRow(db: DB, entity: 'task' | 'target', n: NewRow, opts: DefineOptions): { id: string; changed: Changed } {
  const r = prepareRow(db, entity, n);
  const label = `新增${NOUN[entity]}「${(r.values.get(REQUIRED[entity]) ?? '').slice(0, 30)}」`;
  const changed = inAction(db, opts, label, (actionId, changes) => insertRow(db, actionId, changes, r));
  return { id: r.id, changed };
}

/**
 * Deletes tasks or targets with their evaluations. Rows that hold evaluations need the planner's confirmation first
 * (the refusal says how many); a deleted task's targets stay, no longer linked to it. Undo brings everything back.
 */
export function deleteRows(db: DB, entity: 'task' | 'target', ids: string[], confirmed: boolean, opts: DefineOptions): Changed {
  const unique = [...new Set(ids)];
  for (const id of unique) if (!rowExists(db, entity, id)) throw notFound(NOUN[entity], id);
  const ev = evaluationsOf(db, entity, unique);
  if (ev.rows && !confirmed) {
    const what = unique.length === 1 ? `${NOUN[entity]}「${nameOf(db, entity, unique[0]).slice(0, 40)}」` : `${unique.length} 项${NOUN[entity]}中有 ${ev.rows} 项`;
    throw new AppError('confirm', `${what}已有评估记录(${ev.evals} 条),删除后评估记录一并删除,可以撤销。确定删除吗?`);
  }
  const label = unique.length === 1 ? `删除${NOUN[entity]}「${nameOf(db, entity, unique[0]).slice(0, 30)}」` : `删除 ${unique.length} 项${NOUN[entity]}`;
  return inAction(db, opts, label, (actionId, changes) => {
    for (const id of unique) {
      const planId = planOf(db, entity, id);
      if (entity === 'task') for (const g of targetsOfTask(db, id)) if (putCell(db, actionId, 'target', g, 'taskId', '', false)) changes.add('target', g, planId);
      putCell(db, actionId, entity, id, 'deleted', null, false);
      changes.add(entity, id, planId);
    }
  });
}

/** Moves tasks under another chapter and/or before another task of the same plan, in the order given. */
export function moveTasks(db: DB, ids: string[], path: string[] | undefined, before: string | null | undefined, opts: DefineOptions): Changed {
  const unique = [...new Set(ids)];
  for (const id of unique) if (!rowExists(db, 'task', id)) throw notFound('任务', id);
  const plans = new Set(unique.map((id) => planOf(db, 'task', id)));
  if (before && !plans.has(planOf(db, 'task', before))) throw invalid('只能在同一规划内移动任务。未做任何修改。');
  if (plans.size > 1 && (before || path)) throw invalid('一次只能移动同一规划的任务。未做任何修改。');
  if (before && unique.includes(before)) throw invalid('不能把任务移到它自己前面。未做任何修改。');
  const canonical = path ? normalizeDefinition('task', 'path', path) : null;
  const label = unique.length === 1 ? `移动任务「${nameOf(db, 'task', unique[0]).slice(0, 30)}」` : `移动 ${unique.length} 项任务`;
  return inAction(db, opts, label, (actionId, changes: ChangeSet) => {
    for (const id of unique) {
      const planId = planOf(db, 'task', id);
      if (canonical != null && putCell(db, actionId, 'task', id, 'path', canonical, true)) changes.add('task', id, planId);
      const seqBefore = planRows(db, 'task', planId!).find((r) => r.id === id)!.seq;
      placeRow(db, actionId, 'task', id, before ?? null, changes);
      if (planRows(db, 'task', planId!).find((r) => r.id === id)!.seq !== seqBefore) changes.add('task', id, planId);
    }
  });
}
