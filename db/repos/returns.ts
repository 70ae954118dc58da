// The returns_exports table: one row per returns workbook written, read back to recognise and check a filled one; a
// workbook issued again to the same unit in the same round names the one it replaces. And the rows a unit's workbook
// carries: its tasks and what it reported in an earlier round.
import type { DB } from '../connection';
import { nowIso, fromJsonArray } from '../json';
import { stmt } from '../statements';
import { unitCondition } from './filters';
import { NO_UNIT } from '../../contract/model';

export interface RecordedHeaders { tasks: { header: string; field?: string; identity?: boolean }[]; targets: { header: string; field?: string; identity?: boolean }[] }

export interface ReturnsExport {
  id: string; roundId: number; unit: string; file: string; maxActionId: number; checksum: string;
  sheets: string[]; taskCount: number; targetCount: number; createdAt: string;
  /** The export that replaced this one (issued again to the same unit in the same round), or null. */
  supersededBy: string | null;
  layout: number;
  /** The columns the workbook was written with; null for exports of layout 1, which did not record them. */
  headers: RecordedHeaders | null;
}

export function maxActionId(db: DB): number {
  return (db.prepare('SELECT COALESCE(max(id), 0) AS m FROM actions').get() as { m: number }).m;
}

/** Records a new export; earlier ones of the unit in the round are replaced by it. Returns how many it replaced. */
export function recordExport(db: DB, e: Omit<ReturnsExport, 'createdAt' | 'supersededBy'>): number {
  const replaced = db.prepare('UPDATE returns_exports SET superseded_by = ? WHERE round_id = ? AND unit = ? AND superseded_by IS NULL')
    .run(e.id, e.roundId, e.unit).changes;
  db.prepare(`INSERT INTO returns_exports (id, round_id, unit, file, max_action_id, checksum, sheets, task_count, target_count, created_at, layout, headers)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.id, e.roundId, e.unit, e.file, e.maxActionId, e.checksum, JSON.stringify(e.sheets), e.taskCount, e.targetCount, nowIso(),
      e.layout, e.headers ? JSON.stringify(e.headers) : '');
  return replaced;
}

const toExport = (r: Record<string, unknown>): ReturnsExport => ({
  id: r.id as string, roundId: r.round_id as number, unit: r.unit as string, file: r.file as string,
  maxActionId: r.max_action_id as number, checksum: r.checksum as string, sheets: JSON.parse(r.sheets as string) as string[],
  taskCount: r.task_count as number, targetCount: r.target_count as number, createdAt: r.created_at as string,
  supersededBy: (r.superseded_by as string | null) ?? null, layout: r.layout as number,
  headers: r.headers ? (JSON.parse(r.headers as string) as RecordedHeaders) : null,
});

export function findExport(db: DB, id: string): ReturnsExport | null {
  const r = stmt(db, 'SELECT * FROM returns_exports WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return r ? toExport(r) : null;
}

/** The workbook in force for a unit in a round: the newest one not replaced. */
export function currentExport(db: DB, roundId: number, unit: string): ReturnsExport | null {
  const r = stmt(db, 'SELECT * FROM returns_exports WHERE round_id = ? AND unit = ? AND superseded_by IS NULL ORDER BY created_at DESC, rowid DESC LIMIT 1')
    .get(roundId, unit) as Record<string, unknown> | undefined;
  return r ? toExport(r) : null;
}

/** Every export of a round, oldest first. */
export function roundExports(db: DB, roundId: number): ReturnsExport[] {
  return (stmt(db, 'SELECT * FROM returns_exports WHERE round_id = ? ORDER BY created_at, rowid').all(roundId) as Record<string, unknown>[]).map(toExport);
}

export interface CellState { exported: string | null; current: string | null; changedHere: boolean }

/** Tells, for a cell, the value it had when a workbook was exported and whether it was changed here since. */
export type CellStates = (entity: 'task' | 'target', id: string, roundId: number, field: string, current: string | null) => CellState;

/**
 * Reads the history written after the export once (along history_action: usually few rows): the first change of a
 * cell after the export holds the exported value as its old value; a cell with none still has its exported value.
 */
export function cellStatesSince(db: DB, since: number): CellStates {
  const firstOld = new Map<string, string | null>();
  // In action order, then row order: the order they were written in, read along history_action without a scan.
  const rows = stmt(db, 'SELECT entity, entity_id, round_id, field, old_value FROM history WHERE action_id > ? ORDER BY action_id, id')
    .raw(true).iterate(since) as Iterable<[string, string, number | null, string, string | null]>;
  for (const [entity, id, roundId, field, old] of rows) {
    const k = `${entity}\u0000${id}\u0000${roundId}\u0000${field}`;
    if (!firstOld.has(k)) firstOld.set(k, old);
  }
  return (entity, id, roundId, field, current) => {
    const k = `${entity}\u0000${id}\u0000${roundId}\u0000${field}`;
    if (!firstOld.has(k)) return { exported: current, current, changedHere: false };
    const exported = firstOld.get(k) ?? null;
    return { exported, current, changedHere: (exported ?? '') !== (current ?? '') };
  };
}

/** A task as stored, with its evaluation in the round: what a unit's fill-in workbook is made of. */
export interface UnitTask {
  id: string; planTitle: string; chapter: string; title: string; body: string; deadline: string;
  leadUnits: string[]; responsibleUnits: string[];
  status: string; progress: number | null; evidence: string; problems: string; nextSteps: string; note: string;
}

const UNIT_TASK_COLUMNS = `t.id, p.title AS plan_title, t.chapter, t.title, t.body, t.deadline, t.lead_units, t.responsible_units,
      COALESCE(e.status, '待评估') AS status, e.progress, COALESCE(e.evidence, '') AS evidence, COALESCE(e.problems, '') AS problems,
      COALESCE(e.next_steps, '') AS next_steps, COALESCE(e.note, '') AS note`;

const toUnitTask = (r: Record<string, unknown>): UnitTask => ({
  id: r.id as string, planTitle: r.plan_title as string, chapter: r.chapter as string, title: r.title as string,
  body: r.body as string, deadline: r.deadline as string,
  leadUnits: fromJsonArray(r.lead_units as string), responsibleUnits: fromJsonArray(r.responsible_units as string),
  status: r.status as string, progress: (r.progress as number | null) ?? null, evidence: r.evidence as string,
  problems: r.problems as string, nextSteps: r.next_steps as string, note: r.note as string,
});

/** The tasks a unit leads or shares, with their evaluation in the round: the rows of its fill-in workbook. */
export function unitTasks(db: DB, roundId: number, unit: string): UnitTask[] {
  const where = unitCondition('task', 't.id', unit);
  const rows = db.prepare(`SELECT ${UNIT_TASK_COLUMNS}
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ?
    WHERE ${where.sql}
    ORDER BY p.seq, p.id, t.seq`).all(roundId, ...where.params) as Record<string, unknown>[];
  return rows.map(toUnitTask);
}

/** The same for many units at once: each task read once (however many units share it), then given to each of its units. */
export function tasksOfUnits(db: DB, roundId: number, units: string[]): Map<string, UnitTask[]> {
  const out = new Map<string, UnitTask[]>(units.map((u) => [u, []]));
  const wanted = JSON.stringify(units);
  const unitsOf = new Map<string, string[]>();
  const pairs = db.prepare(`SELECT DISTINCT entity_id, unit FROM entity_units WHERE entity = 'task' AND unit IN (SELECT value FROM json_each(?))`)
    .raw(true).all(wanted) as [string, string][];
  for (const [id, unit] of pairs) unitsOf.set(id, [...(unitsOf.get(id) ?? []), unit]);
  const rows = db.prepare(`SELECT ${UNIT_TASK_COLUMNS}
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ?
    WHERE t.id IN (SELECT entity_id FROM entity_units WHERE entity = 'task' AND unit IN (SELECT value FROM json_each(?)))
    ORDER BY p.seq, p.id, t.seq`).all(roundId, wanted) as Record<string, unknown>[];
  for (const r of rows) {
    const task = toUnitTask(r);
    for (const unit of unitsOf.get(task.id) ?? []) out.get(unit)!.push(task);
  }
  // 未明确责任单位 is no unit of entity_units: the tasks that have none.
  if (out.has(NO_UNIT)) out.set(NO_UNIT, unitTasks(db, roundId, NO_UNIT));
  return out;
}

/** 数据截至 of each target's actual value in a round, and the round's own default (migration 006). */
export function dataDates(db: DB, roundId: number, ids: string[]): { byTarget: Map<string, string>; round: string } {
  const rows = db.prepare(`SELECT target_id, data_date FROM target_evals WHERE round_id = ? AND data_date != ''
    AND target_id IN (SELECT value FROM json_each(?))`).raw(true).all(roundId, JSON.stringify(ids)) as [string, string][];
  const round = (stmt(db, 'SELECT data_date FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined) ?? '';
  return { byTarget: new Map(rows), round };
}

/** The round a round follows: the one it was copied from, else the latest with an earlier cut-off. */
export function previousRoundId(db: DB, roundId: number): number | null {
  const r = stmt(db, `SELECT COALESCE(r.based_on, (SELECT p.id FROM rounds p WHERE p.cutoff < r.cutoff OR (p.cutoff = r.cutoff AND p.id < r.id)
      ORDER BY p.cutoff DESC, p.id DESC LIMIT 1)) AS prev FROM rounds r WHERE r.id = ?`).get(roundId) as { prev: number | null } | undefined;
  return r?.prev ?? null;
}

export type PreviousValues = Map<string, Record<string, string | null>>;

/**
 * What a unit reported in a round for the given rows: its own inputs where it sent a return, else the values the
 * round kept (which are the lead unit's own where it was the one reporting).
 */
export function previousValues(db: DB, roundId: number, unit: string, entity: 'task' | 'target', ids: string[]): PreviousValues {
  const out: PreviousValues = new Map();
  const sql = entity === 'task'
    ? `SELECT task_id AS id, status, progress, evidence FROM task_evals WHERE round_id = ? AND task_id IN (SELECT value FROM json_each(?))`
    : `SELECT target_id AS id, actual, data_date AS dataDate FROM target_evals WHERE round_id = ? AND target_id IN (SELECT value FROM json_each(?))`;
  for (const r of db.prepare(sql).all(roundId, JSON.stringify(ids)) as Record<string, unknown>[]) {
    const { id, ...rest } = r;
    out.set(id as string, Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, v == null ? null : String(v)])));
  }
  const own = db.prepare(`SELECT entity_id, field, value FROM unit_inputs WHERE round_id = ? AND unit = ? AND entity = ? AND problem IS NULL
    AND entity_id IN (SELECT value FROM json_each(?))`).raw(true).all(roundId, unit, entity, JSON.stringify(ids)) as [string, string, string | null][];
  for (const [id, field, value] of own) out.set(id, { ...(out.get(id) ?? {}), [field]: value });
  return out;
}

/** The lead units of each task given. */
export function taskLeads(db: DB, ids: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const rows = db.prepare(`SELECT entity_id, unit FROM entity_units WHERE entity = 'task' AND role = 'lead'
    AND entity_id IN (SELECT value FROM json_each(?))`).raw(true).all(JSON.stringify(ids)) as [string, string][];
  for (const [id, unit] of rows) out.set(id, [...(out.get(id) ?? []), unit]);
  return out;
}

export interface RowHeader { title: string; planTitle: string; leadUnits: string[]; responsibleUnits: string[] }

/** The name, plan and units of each task (or target) given. */
export function rowHeaders(db: DB, entity: 'task' | 'target', ids: string[]): Map<string, RowHeader> {
  const sql = entity === 'task'
    ? `SELECT t.id, t.title, p.title AS plan_title, t.lead_units, t.responsible_units FROM tasks t JOIN plans p ON p.id = t.plan_id
       WHERE t.id IN (SELECT value FROM json_each(?))`
    : `SELECT g.id, g.name AS title, p.title AS plan_title, '[]' AS lead_units, g.responsible_units FROM targets g JOIN plans p ON p.id = g.plan_id
       WHERE g.id IN (SELECT value FROM json_each(?))`;
  const rows = db.prepare(sql).all(JSON.stringify(ids)) as Record<string, string>[];
  return new Map(rows.map((r) => [r.id, {
    title: r.title, planTitle: r.plan_title, leadUnits: fromJsonArray(r.lead_units), responsibleUnits: fromJsonArray(r.responsible_units),
  }]));
}
