// The returns_exports table: one row per returns workbook written, read back to recognise and check a filled one.
import type { DB } from '../connection';
import { nowIso, fromJsonArray } from '../json';
import { stmt } from '../statements';
import { unitCondition } from './filters';

export interface ReturnsExport {
  id: string; roundId: number; unit: string; file: string; maxActionId: number; checksum: string;
  sheets: string[]; taskCount: number; targetCount: number; createdAt: string;
}

export function maxActionId(db: DB): number {
  return (db.prepare('SELECT COALESCE(max(id), 0) AS m FROM actions').get() as { m: number }).m;
}

export function recordExport(db: DB, e: Omit<ReturnsExport, 'createdAt'>): void {
  db.prepare(`INSERT INTO returns_exports (id, round_id, unit, file, max_action_id, checksum, sheets, task_count, target_count, created_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    .run(e.id, e.roundId, e.unit, e.file, e.maxActionId, e.checksum, JSON.stringify(e.sheets), e.taskCount, e.targetCount, nowIso());
}

export function findExport(db: DB, id: string): ReturnsExport | null {
  const r = db.prepare('SELECT * FROM returns_exports WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    id: r.id as string, roundId: r.round_id as number, unit: r.unit as string, file: r.file as string,
    maxActionId: r.max_action_id as number, checksum: r.checksum as string, sheets: JSON.parse(r.sheets as string) as string[],
    taskCount: r.task_count as number, targetCount: r.target_count as number, createdAt: r.created_at as string,
  };
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

/** A task as its unit sees it in the fill-in workbook. */
export interface ReturnTaskRow {
  id: string; planTitle: string; chapter: string; title: string; leadUnits: string[]; responsibleUnits: string[];
  status: string; progress: number | null; evidence: string; problems: string; nextSteps: string; note: string;
}

/** The tasks a unit leads or shares, with their evaluation in the round: the rows of its fill-in workbook. */
export function unitTasks(db: DB, roundId: number, unit: string): ReturnTaskRow[] {
  const rows = db.prepare(`SELECT t.id, p.title AS plan_title, t.chapter, t.title, t.lead_units, t.responsible_units,
      COALESCE(e.status, '待评估') AS status, e.progress, COALESCE(e.evidence, '') AS evidence, COALESCE(e.problems, '') AS problems,
      COALESCE(e.next_steps, '') AS next_steps, COALESCE(e.note, '') AS note
    FROM tasks t JOIN plans p ON p.id = t.plan_id LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = ?
    WHERE ${unitCondition('task', 't.id', unit).sql}
    ORDER BY p.seq, p.id, t.seq`).all(roundId, ...unitCondition('task', 't.id', unit).params) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as string, planTitle: r.plan_title as string, chapter: r.chapter as string, title: r.title as string,
    leadUnits: fromJsonArray(r.lead_units as string), responsibleUnits: fromJsonArray(r.responsible_units as string),
    status: r.status as string, progress: (r.progress as number | null) ?? null, evidence: r.evidence as string,
    problems: r.problems as string, nextSteps: r.next_steps as string, note: r.note as string,
  }));
}
