// The action log and its cells: every user edit is an action with history rows, written in the edit's transaction.
import type { DB } from '../connection';
import type { HistoryEntry, ActionSummary } from '../../contract/model';
import { nowIso } from '../json';
import { stmt } from '../statements';

/** The sources of actions a window can undo (undo and redo themselves are steps over these). */
export const UNDOABLE_SOURCES = ['edit', 'paste', 'fill', 'bulk', 'restore', 'return', 'define', 'unit'] as const;

export interface NewAction {
  source: string; label: string; detail?: string; reverts?: number | null; state?: 'done' | 'final';
  /** The window (or tab, or command) the action came from: undo and redo stay within it. */
  client?: string;
}

/** Starts an action; the operator's name (操作人, a setting) is recorded with it. */
export function beginAction(db: DB, a: NewAction): number {
  const op = stmt(db, `SELECT value FROM settings WHERE key = 'operator'`).get() as { value: string } | undefined;
  let operator = '';
  try { operator = op ? String(JSON.parse(op.value) ?? '') : ''; } catch { operator = ''; }
  const info = stmt(db, 'INSERT INTO actions (at, source, label, detail, state, reverts, client, operator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(nowIso(), a.source, a.label, a.detail ?? '', a.state ?? 'done', a.reverts ?? null, a.client ?? '', operator);
  return Number(info.lastInsertRowid);
}

/** A new step of a window clears that window's redo stack, as in any editor. */
export function clearRedo(db: DB, client: string): void {
  stmt(db, `UPDATE actions SET state = 'final' WHERE state = 'undone' AND client = ?`).run(client);
}

export function recordCell(db: DB, actionId: number, entity: string, entityId: string, roundId: number | null, field: string, oldValue: unknown, newValue: unknown): void {
  stmt(db, 'INSERT INTO history (action_id, entity, entity_id, round_id, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(actionId, entity, entityId, roundId, field, asText(oldValue), asText(newValue));
}

export const asText = (v: unknown): string | null => (v == null ? null : typeof v === 'string' ? v : String(v));

export function dropAction(db: DB, id: number): void {
  stmt(db, 'DELETE FROM actions WHERE id = ?').run(id);
}

interface ActionRow { id: number; at: string; source: string; label: string; detail: string; state: string; cells: number; operator: string; client: string }

const ACTION_SELECT = `SELECT a.id, a.at, a.source, a.label, a.detail, a.state, a.operator, a.client,
  (SELECT count(*) FROM history h WHERE h.action_id = a.id) AS cells FROM actions a`;

export function getAction(db: DB, id: number): ActionSummary | null {
  return (stmt(db, `${ACTION_SELECT} WHERE a.id = ?`).get(id) as ActionRow | undefined) ?? null;
}

export function listActions(db: DB, limit: number, before?: number): ActionSummary[] {
  return stmt(db, `${ACTION_SELECT} WHERE a.id < ? ORDER BY a.id DESC LIMIT ?`).all(before ?? Number.MAX_SAFE_INTEGER, limit) as ActionRow[];
}

/** The last step a window can undo: its newest undoable action still in force. */
export function lastUndoable(db: DB, client: string): number | null {
  const r = stmt(db, `SELECT id FROM actions WHERE state = 'done' AND client = ? AND source IN (SELECT value FROM json_each(?)) ORDER BY id DESC LIMIT 1`)
    .get(client, JSON.stringify(UNDOABLE_SOURCES)) as { id: number } | undefined;
  return r?.id ?? null;
}

/** The step a window redoes: the one it undid most recently. */
export function lastRedoable(db: DB, client: string): number | null {
  const r = stmt(db, `SELECT u.reverts AS id FROM actions u JOIN actions o ON o.id = u.reverts
    WHERE u.source = 'undo' AND u.client = ? AND o.state = 'undone' ORDER BY u.id DESC LIMIT 1`).get(client) as { id: number } | undefined;
  return r?.id ?? null;
}

/** The newest change of one cell after an action: which source made it, and from which window. */
export function laterChange(db: DB, c: CellRow, after: number): { source: string; client: string } | null {
  return (stmt(db, `SELECT a.source, a.client FROM history h JOIN actions a ON a.id = h.action_id
    WHERE h.entity = ? AND h.entity_id = ? AND h.field = ? AND h.round_id IS ? AND h.action_id > ? ORDER BY h.id DESC LIMIT 1`)
    .get(c.entity, c.entity_id, c.field, c.round_id, after) as { source: string; client: string } | undefined) ?? null;
}

export function setActionState(db: DB, id: number, state: 'done' | 'undone' | 'final'): void {
  stmt(db, 'UPDATE actions SET state = ? WHERE id = ?').run(state, id);
}

export interface CellRow { id: number; entity: string; entity_id: string; round_id: number | null; field: string; old_value: string | null; new_value: string | null }

/** How many cells an action changed. */
export function actionCells(db: DB, actionId: number): number {
  return (stmt(db, 'SELECT count(*) AS n FROM history WHERE action_id = ?').get(actionId) as { n: number }).n;
}

export function cellsOf(db: DB, actionId: number): CellRow[] {
  return stmt(db, 'SELECT * FROM history WHERE action_id = ? ORDER BY id').all(actionId) as CellRow[];
}

export function getCell(db: DB, historyId: number): CellRow | null {
  return (stmt(db, 'SELECT * FROM history WHERE id = ?').get(historyId) as CellRow | undefined) ?? null;
}

export function entityHistory(db: DB, entity: string, id: string, roundId?: number): HistoryEntry[] {
  const rows = stmt(db, `SELECT h.id, h.action_id, a.at, a.source, a.label, a.detail, a.state, a.operator, h.entity, h.entity_id, h.round_id,
      h.field, h.old_value, h.new_value
    FROM history h JOIN actions a ON a.id = h.action_id
    WHERE h.entity = ? AND h.entity_id = ? AND (? IS NULL OR h.round_id = ? OR h.round_id IS NULL) ORDER BY h.id DESC LIMIT 2000`)
    .all(entity, id, roundId ?? null, roundId ?? null) as Record<string, unknown>[];
  return rows.map((r) => ({
    id: r.id as number, actionId: r.action_id as number, at: r.at as string, source: r.source as string,
    label: r.label as string, detail: r.detail as string, state: r.state as string, operator: r.operator as string, entity: r.entity as string,
    entityId: r.entity_id as string, roundId: (r.round_id as number | null) ?? null, field: r.field as string,
    oldValue: (r.old_value as string | null) ?? null, newValue: (r.new_value as string | null) ?? null,
  }));
}
