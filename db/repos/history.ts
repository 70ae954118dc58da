// The action log and its cells: every user edit is an action with history rows, written in the edit's transaction.
import type { DB } from '../connection';
import type { HistoryEntry, ActionSummary } from '../../core/contract/model';
import { nowIso } from '../json';

export const UNDOABLE_SOURCES = ['edit', 'paste', 'fill', 'bulk', 'restore', 'return', 'redo'] as const;

export function beginAction(db: DB, source: string, label: string, detail = '', reverts: number | null = null, state = 'done'): number {
  const info = db.prepare('INSERT INTO actions (at, source, label, detail, state, reverts) VALUES (?, ?, ?, ?, ?, ?)')
    .run(nowIso(), source, label, detail, state, reverts);
  return Number(info.lastInsertRowid);
}

/** A new user step clears the redo stack, as in any editor. */
export function clearRedo(db: DB): void {
  db.prepare(`UPDATE actions SET state = 'final' WHERE state = 'undone'`).run();
}

export function recordCell(db: DB, actionId: number, entity: string, entityId: string, roundId: number | null, field: string, oldValue: unknown, newValue: unknown): void {
  db.prepare('INSERT INTO history (action_id, entity, entity_id, round_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(actionId, entity, entityId, roundId, field, asText(oldValue), asText(newValue));
}

export const asText = (v: unknown): string | null => (v == null ? null : typeof v === 'string' ? v : String(v));

export function dropAction(db: DB, id: number): void {
  db.prepare('DELETE FROM actions WHERE id = ?').run(id);
}

interface ActionRow { id: number; at: string; source: string; label: string; detail: string; state: string; cells: number }

const ACTION_SELECT = `SELECT a.id, a.at, a.source, a.label, a.detail, a.state,
  (SELECT count(*) FROM history h WHERE h.action_id = a.id) AS cells FROM actions a`;

export function getAction(db: DB, id: number): ActionSummary | null {
  return (db.prepare(`${ACTION_SELECT} WHERE a.id = ?`).get(id) as ActionRow | undefined) ?? null;
}

export function listActions(db: DB, limit: number, before?: number): ActionSummary[] {
  return db.prepare(`${ACTION_SELECT} WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`).all(before ?? Number.MAX_SAFE_INTEGER, limit) as ActionRow[];
}

/** The last step that can be undone: the newest undoable action still in force. */
export function lastUndoable(db: DB): number | null {
  const r = db.prepare(`SELECT id FROM actions WHERE state = 'done' AND source IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1`)
    .get(JSON.stringify(UNDOABLE_SOURCES)) as { id: number } | undefined;
  return r?.id ?? null;
}

/** The step to redo: the one undone most recently. */
export function lastRedoable(db: DB): number | null {
  const r = db.prepare(`SELECT u.reverts AS id FROM actions u JOIN actions o ON o.id = u.reverts
    WHERE u.source = 'undo' AND o.state = 'undone' ORDER BY u.id DESC LIMIT 1`).get() as { id: number } | undefined;
  return r?.id ?? null;
}

export function setActionState(db: DB, id: number, state: 'done' | 'undone' | 'final'): void {
  db.prepare('UPDATE actions SET state = ? WHERE id = ?').run(state, id);
}

export interface CellRow { id: number; entity: string; entity_id: string; round_id: number | null; field: string; old_value: string | null; new_value: string | null }

export function cellsOf(db: DB, actionId: number): CellRow[] {
  return db.prepare('SELECT * FROM history WHERE action_id = ? ORDER BY id').all(actionId) as CellRow[];
}

export function getCell(db: DB, historyId: number): CellRow | null {
  return (db.prepare('SELECT * FROM history WHERE id = ?').get(historyId) as CellRow | undefined) ?? null;
}

export function entityHistory(db: DB, entity: string, id: string, roundId?: number): HistoryEntry[] {
  const rows = db.prepare(`SELECT h.id, h.action_id, a.at, a.source, a.label, a.detail, a.state, h.entity, h.entity_id, h.round_id,
      h.field, h.old_value, h.new_value
    FROM history h JOIN actions a ON a.id = h.action_id
    WHERE h.entity = ? AND h.entity_id = ? AND (? IS NULL OR h.round_id = ? OR h.round_id IS NULL) ORDER BY h.id DESC LIMIT 2000`)
    .all(entity, id, roundId ?? null, roundId ?? null) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number, actionId: r.action_id as number, at: r.at as string, source: r.source as string,
    label: r.label as string, detail: r.detail as string, state: r.state as string, entity: r.entity as string,
    entityId: r.entity_id as string, roundId: (r.round_id as number | null) ?? null, field: r.field as string,
    oldValue: (r.old_value as string | null) ?? null, newValue: (r.new_value as string | null) ?? null,
  }));
}
