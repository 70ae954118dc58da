// The returns_exports table: one row per returns workbook written, read back to recognise and check a filled one.
import type { DB } from '../../db/connection';
import { nowIso } from '../../db/json';

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

/**
 * The value a cell had when the workbook was exported and whether it was changed here since: the first history row
 * after the export holds the exported value as its old value; with none, the current value is the exported one.
 */
export function cellState(db: DB, entity: 'task' | 'target', id: string, roundId: number, field: string, since: number, current: string | null): CellState {
  const first = db.prepare(`SELECT old_value FROM history WHERE entity = ? AND entity_id = ? AND round_id = ? AND field = ? AND action_id > ?
    ORDER BY id LIMIT 1`).get(entity, id, roundId, field, since) as { old_value: string | null } | undefined;
  if (!first) return { exported: current, current, changedHere: false };
  return { exported: first.old_value, current, changedHere: (first.old_value ?? '') !== (current ?? '') };
}
