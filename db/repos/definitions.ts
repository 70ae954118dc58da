// The definition fields of plans, tasks and targets, one at a time, in the canonical text the history stores (lists
// and milestones as JSON, years as digits, '' for nothing): read, write (keeping the unit rows and the search index in
// step), whole-row snapshots to delete and restore a row with its milestones, units and evaluations, and the list of
// fields a planner corrected.
import type { DB } from '../connection';
import { stmt } from '../statements';
import { fromJsonArray, toJson } from '../json';
import { indexer, unindexIds } from './search';

export type DefEntity = 'plan' | 'task' | 'target';
type Kind = 'text' | 'nullText' | 'int' | 'json';
interface Column { col: string; kind: Kind }

const c = (col: string, kind: Kind = 'text'): Column => ({ col, kind });
const COLUMNS: Record<DefEntity, Record<string, Column>> = {
  plan: {
    title: c('title'), docNumber: c('doc_number', 'nullText'), issuer: c('issuer', 'nullText'), issued: c('issued', 'nullText'),
    periodStart: c('period_start', 'int'), periodEnd: c('period_end', 'int'), kind: c('kind'),
  },
  task: {
    code: c('code'), title: c('title'), body: c('body'), kind: c('kind'), path: c('path', 'json'), leadUnits: c('lead_units', 'json'),
    responsibleUnits: c('responsible_units', 'json'), deadline: c('deadline'), subpoints: c('subpoints', 'json'), seq: c('seq', 'int'),
  },
  target: {
    code: c('code'), name: c('name'), unit: c('unit'), category: c('category'), attribute: c('attribute'),
    baselineYear: c('baseline_year', 'int'), baselineValue: c('baseline_value', 'nullText'), responsibleUnits: c('responsible_units', 'json'),
    taskId: c('task_id', 'nullText'), judgeDirection: c('judge_direction'), judgeKind: c('judge_kind'), seq: c('seq', 'int'),
  },
};
const TABLE: Record<DefEntity, string> = { plan: 'plans', task: 'tasks', target: 'targets' };
const SEARCHED: Record<DefEntity, Set<string>> = {
  plan: new Set(), task: new Set(['title', 'body', 'subpoints']), target: new Set(['name', 'category']),
};

/** The task's deadline and milestones (节点), and the fields a planner corrected, for the grid query. */
/** The definition fields a planner corrected, as a JSON array column of a task or target query. */
export const DEFINITION_COLS = (entity: 'task' | 'target', a: string): string =>
  `(SELECT json_group_array(field) FROM edited_fields ef WHERE ef.entity = '${entity}' AND ef.entity_id = ${a}.id) AS edited`;

export const isDefinitionField = (entity: DefEntity, field: string): boolean =>
  field in COLUMNS[entity] || (entity === 'task' && field === 'taskMilestones') || (entity === 'target' && field === 'milestones');

export function rowExists(db: DB, entity: DefEntity, id: string): boolean {
  return !!stmt(db, `SELECT 1 FROM ${TABLE[entity]} WHERE id = ?`).get(id);
}

/** The plan a task or target belongs to (the plan itself for a plan); null when the row is gone. */
export function planOf(db: DB, entity: DefEntity, id: string): string | null {
  if (entity === 'plan') return rowExists(db, 'plan', id) ? id : null;
  return (stmt(db, `SELECT plan_id AS p FROM ${TABLE[entity]} WHERE id = ?`).get(id) as { p: string } | undefined)?.p ?? null;
}

/** One field's stored value as canonical text; null when the row does not exist. */
export function readDefinition(db: DB, entity: DefEntity, id: string, field: string): string | null {
  if (!rowExists(db, entity, id)) return null;
  if (entity === 'target' && field === 'milestones') {
    const ms = stmt(db, 'SELECT year, value, qualifier, cumulative FROM target_milestones WHERE target_id = ? ORDER BY year').all(id) as
      { year: number; value: string; qualifier: string; cumulative: number }[];
    return JSON.stringify(ms.map((m) => ({ year: m.year, value: m.value, qualifier: m.qualifier, cumulative: !!m.cumulative })));
  }
  if (entity === 'task' && field === 'taskMilestones') {
    return JSON.stringify(stmt(db, 'SELECT due, what FROM task_milestones WHERE task_id = ? ORDER BY seq').all(id));
  }
  const col = COLUMNS[entity][field];
  const v = (stmt(db, `SELECT ${col.col} AS v FROM ${TABLE[entity]} WHERE id = ?`).get(id) as { v: unknown }).v;
  if (col.kind === 'json') return toJson(fromJsonArray(v as string));
  return v == null ? '' : String(v);
}

/** Writes one field from its canonical text, with the unit rows, the chapter and the search index that follow from it. */
export function writeDefinition(db: DB, entity: DefEntity, id: string, field: string, value: string): void {
  if (entity === 'target' && field === 'milestones') {
    stmt(db, 'DELETE FROM target_milestones WHERE target_id = ?').run(id);
    for (const m of JSON.parse(value || '[]') as { year: number; value: string; qualifier: string; cumulative: boolean }[]) {
      stmt(db, 'INSERT OR REPLACE INTO target_milestones (target_id, year, value, qualifier, cumulative) VALUES (?, ?, ?, ?, ?)')
        .run(id, m.year, m.value, m.qualifier ?? '', m.cumulative ? 1 : 0);
    }
    return;
  }
  if (entity === 'task' && field === 'taskMilestones') {
    stmt(db, 'DELETE FROM task_milestones WHERE task_id = ?').run(id);
    (JSON.parse(value || '[]') as { due: string; what: string }[]).forEach((m, i) =>
      stmt(db, 'INSERT INTO task_milestones (task_id, seq, due, what) VALUES (?, ?, ?, ?)').run(id, i + 1, m.due, m.what ?? ''));
    return;
  }
  const col = COLUMNS[entity][field];
  const stored = col.kind === 'int' ? (value === '' ? null : Number(value))
    : col.kind === 'nullText' ? (value === '' ? null : value) : col.kind === 'json' ? toJson(fromJsonArray(value)) : value;
  stmt(db, `UPDATE ${TABLE[entity]} SET ${col.col} = ? WHERE id = ?`).run(stored, id);
  if (entity === 'task' && field === 'path') stmt(db, 'UPDATE tasks SET chapter = ? WHERE id = ?').run(fromJsonArray(value).join(' / '), id);
  if (field === 'leadUnits' || field === 'responsibleUnits') syncUnits(db, entity as 'task' | 'target', id);
  if (SEARCHED[entity].has(field)) indexer(db)(entity as 'task' | 'target', id);
}

/** The entity_units rows of a task or target, rebuilt from its unit lists. */
export function syncUnits(db: DB, entity: 'task' | 'target', id: string): void {
  const r = (entity === 'task'
    ? stmt(db, 'SELECT lead_units AS l, responsible_units AS r FROM tasks WHERE id = ?').get(id)
    : stmt(db, `SELECT '[]' AS l, responsible_units AS r FROM targets WHERE id = ?`).get(id)) as { l: string; r: string } | undefined;
  stmt(db, 'DELETE FROM entity_units WHERE entity = ? AND entity_id = ?').run(entity, id);
  if (!r) return;
  const ins = stmt(db, 'INSERT OR IGNORE INTO entity_units (entity, entity_id, unit, role) VALUES (?, ?, ?, ?)');
  for (const u of fromJsonArray(r.l)) if (u.trim()) ins.run(entity, id, u.trim(), 'lead');
  for (const u of fromJsonArray(r.r)) if (u.trim()) ins.run(entity, id, u.trim(), 'responsible');
}

const EVAL_KEYS = new Set(['round_id', 'task_id', 'target_id', 'updated_at']);

interface Snapshot { entity: 'task' | 'target'; row: Record<string, unknown>; milestones: unknown[]; evals: Record<string, unknown>[]; edited: string[] }

/** A whole task or target as one text: its row, milestones, evaluations of every round and corrected fields. */
export function snapshotRow(db: DB, entity: 'task' | 'target', id: string): string | null {
  const row = stmt(db, `SELECT * FROM ${TABLE[entity]} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;
  if (!row) return null;
  const milestones = entity === 'task'
    ? stmt(db, 'SELECT seq, due, what FROM task_milestones WHERE task_id = ? ORDER BY seq').all(id)
    : stmt(db, 'SELECT year, value, qualifier, cumulative FROM target_milestones WHERE target_id = ? ORDER BY year').all(id);
  // An evaluation left empty (every value back to its default) is as good as none.
  const evals = (stmt(db, `SELECT * FROM ${entity === 'task' ? 'task_evals WHERE task_id' : 'target_evals WHERE target_id'} = ? ORDER BY round_id`).all(id) as Record<string, unknown>[])
    .filter((e) => Object.entries(e).some(([k, v]) => !EVAL_KEYS.has(k) && v != null && v !== '' && v !== '待评估'));
  const snap: Snapshot = { entity, row, milestones, evals, edited: editedFields(db, entity, id) };
  return JSON.stringify(snap);
}

const insertSql = (table: string, keys: string[]) => `INSERT INTO ${table} (${keys.join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;

/** Puts a row back from its snapshot (evaluations of rounds deleted since stay out; a vanished task link is cleared). */
export function restoreRow(db: DB, snapshot: string): { entity: 'task' | 'target'; id: string; planId: string } {
  const s = JSON.parse(snapshot) as Snapshot;
  const row = { ...s.row };
  const id = row.id as string;
  if (s.entity === 'target' && row.task_id != null && !rowExists(db, 'task', row.task_id as string)) row.task_id = null;
  db.prepare(insertSql(TABLE[s.entity], Object.keys(row))).run(...Object.values(row));
  for (const m of s.milestones as Record<string, unknown>[]) {
    const full = { [s.entity === 'task' ? 'task_id' : 'target_id']: id, ...m };
    db.prepare(insertSql(s.entity === 'task' ? 'task_milestones' : 'target_milestones', Object.keys(full))).run(...Object.values(full));
  }
  for (const e of s.evals) {
    if (!stmt(db, 'SELECT 1 FROM rounds WHERE id = ?').get(e.round_id)) continue;
    db.prepare(insertSql(s.entity === 'task' ? 'task_evals' : 'target_evals', Object.keys(e))).run(...Object.values(e));
  }
  for (const f of s.edited) markEdited(db, s.entity, id, f, null);
  syncUnits(db, s.entity, id);
  indexer(db)(s.entity, id);
  return { entity: s.entity, id, planId: row.plan_id as string };
}

/** Removes a task or target with its unit rows, search entry and corrections (milestones and evaluations by cascade). */
export function deleteRow(db: DB, entity: 'task' | 'target', id: string): void {
  unindexIds(db, [id]);
  stmt(db, 'DELETE FROM entity_units WHERE entity = ? AND entity_id = ?').run(entity, id);
  stmt(db, 'DELETE FROM edited_fields WHERE entity = ? AND entity_id = ?').run(entity, id);
  stmt(db, `DELETE FROM ${TABLE[entity]} WHERE id = ?`).run(id);
}

export function markEdited(db: DB, entity: DefEntity, id: string, field: string, actionId: number | null): void {
  stmt(db, `INSERT INTO edited_fields (entity, entity_id, field, action_id) VALUES (?, ?, ?, ?)
    ON CONFLICT (entity, entity_id, field) DO UPDATE SET action_id = excluded.action_id`).run(entity, id, field, actionId);
}

export function unmarkEdited(db: DB, entity: DefEntity, id: string, field: string): void {
  stmt(db, 'DELETE FROM edited_fields WHERE entity = ? AND entity_id = ? AND field = ?').run(entity, id, field);
}

export function editedFields(db: DB, entity: DefEntity, id: string): string[] {
  return stmt(db, 'SELECT field FROM edited_fields WHERE entity = ? AND entity_id = ? ORDER BY field').pluck().all(entity, id) as string[];
}

/** The rows of a kind with any field (or the one given) marked as corrected: a bulk read asks once, not row by row. */
export function editedIds(db: DB, entity: DefEntity, field?: string): Set<string> {
  return new Set((field == null
    ? stmt(db, 'SELECT DISTINCT entity_id FROM edited_fields WHERE entity = ?').pluck().all(entity)
    : stmt(db, 'SELECT entity_id FROM edited_fields WHERE entity = ? AND field = ?').pluck().all(entity, field)) as string[]);
}

/** Whether a planner's change of a field (by one of the sources given) is still in force, i.e. was not undone. */
export function correctionInForce(db: DB, entity: DefEntity, id: string, field: string, sources: readonly string[]): boolean {
  return !!stmt(db, `SELECT 1 FROM history h JOIN actions a ON a.id = h.action_id
    WHERE h.entity = ? AND h.entity_id = ? AND h.field = ? AND h.round_id IS NULL AND a.state IN ('done', 'final')
      AND a.source IN (SELECT value FROM json_each(?)) LIMIT 1`).get(entity, id, field, JSON.stringify(sources));
}

/** A plan's tasks (or targets) in document order, with their chapter paths. */
export function planRows(db: DB, entity: 'task' | 'target', planId: string): { id: string; path: string[]; seq: number }[] {
  const rows = stmt(db, entity === 'task' ? 'SELECT id, path, seq FROM tasks WHERE plan_id = ? ORDER BY seq, rowid' : `SELECT id, '[]' AS path, seq FROM targets WHERE plan_id = ? ORDER BY seq, rowid`)
    .all(planId) as { id: string; path: string; seq: number }[];
  return rows.map((r) => ({ id: r.id, path: fromJsonArray(r.path), seq: r.seq }));
}

/** The tasks of a plan whose title or code is the text given (to link a target to a task by what a planner pastes). */
export function tasksNamed(db: DB, planId: string, text: string): string[] {
  return stmt(db, 'SELECT id FROM tasks WHERE plan_id = ? AND (id = ? OR title = ? OR code = ?) ORDER BY seq').pluck().all(planId, text, text, text) as string[];
}

/** The targets linked to a task. */
export function targetsOfTask(db: DB, taskId: string): string[] {
  return stmt(db, 'SELECT id FROM targets WHERE task_id = ? ORDER BY seq').pluck().all(taskId) as string[];
}

/** How many of the given rows have evaluations recorded, and how many evaluations (rounds) in all. */
export function evaluationsOf(db: DB, entity: 'task' | 'target', ids: string[]): { rows: number; evals: number } {
  const t = entity === 'task' ? 'task_evals WHERE task_id' : 'target_evals WHERE target_id';
  const col = entity === 'task' ? 'task_id' : 'target_id';
  return db.prepare(`SELECT count(DISTINCT ${col}) AS rows, count(*) AS evals FROM ${t} IN (SELECT value FROM json_each(?))`).get(JSON.stringify(ids)) as { rows: number; evals: number };
}
