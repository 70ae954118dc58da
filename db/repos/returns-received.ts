// The workbooks taken in (returns_received: who filled each in, its contacts, file, time, counts and review state) and
// every unit's own input per round, entity, row and field (unit_inputs): what the unit changed in its return.
import type { DB } from '../connection';
import { nowIso } from '../json';
import { stmt } from '../statements';

export const RECEIVED_STATES = ['pending', 'applied', 'partial', 'declined', 'kept', 'nochange', 'replaced'] as const;
export type ReceivedState = (typeof RECEIVED_STATES)[number];

export interface Received {
  id: number; exportId: string; roundId: number; unit: string; file: string; digest: string; receivedAt: string; operator: string;
  filler: string; phone: string; reviewer: string; filledOn: string;
  rows: number; changedRows: number; pendingRows: number; conflicts: number; problems: number; appliedRows: number; appliedCells: number;
  state: ReceivedState; reviewedAt: string;
}

const toReceived = (r: Record<string, unknown>): Received => ({
  id: r.id as number, exportId: r.export_id as string, roundId: r.round_id as number, unit: r.unit as string, file: r.file as string,
  digest: r.digest as string, receivedAt: r.received_at as string, operator: r.operator as string, filler: r.filler as string,
  phone: r.phone as string, reviewer: r.reviewer as string, filledOn: r.filled_on as string, rows: r.rows as number,
  changedRows: r.changed_rows as number, pendingRows: r.pending_rows as number, conflicts: r.conflicts as number,
  problems: r.problems as number, appliedRows: r.applied_rows as number, appliedCells: r.applied_cells as number,
  state: r.state as ReceivedState, reviewedAt: r.reviewed_at as string,
});

export function getReceived(db: DB, id: number): Received | null {
  const r = stmt(db, 'SELECT * FROM returns_received WHERE id = ?').get(id) as Record<string, unknown> | undefined;
  return r ? toReceived(r) : null;
}

/** Every workbook taken in for a round, oldest first. */
export function roundReceived(db: DB, roundId: number): Received[] {
  return (stmt(db, 'SELECT * FROM returns_received WHERE round_id = ? ORDER BY id').all(roundId) as Record<string, unknown>[]).map(toReceived);
}

export type NewReceived = Pick<Received, 'exportId' | 'roundId' | 'unit' | 'file' | 'digest' | 'operator' | 'filler' | 'phone' | 'reviewer' | 'filledOn' | 'rows' | 'changedRows' | 'problems'>;

/**
 * Takes a workbook in: the same file (same export, same content) taken in again is the same return and keeps its
 * review state; another file of the unit in the round replaces the returns of it still waiting for review.
 */
export function takeIn(db: DB, r: NewReceived): Received {
  const found = stmt(db, 'SELECT id FROM returns_received WHERE export_id = ? AND digest = ?').pluck().get(r.exportId, r.digest) as number | undefined;
  let id = found;
  if (id == null) {
    id = Number(stmt(db, `INSERT INTO returns_received (export_id, round_id, unit, file, digest, received_at, operator, filler, phone, reviewer,
        filled_on, rows, changed_rows, problems) VALUES (@exportId, @roundId, @unit, @file, @digest, @at, @operator, @filler, @phone, @reviewer,
        @filledOn, @rows, @changedRows, @problems)`).run({ ...r, at: nowIso() }).lastInsertRowid);
  } else {
    stmt(db, 'UPDATE returns_received SET file = ?, changed_rows = ?, problems = ? WHERE id = ?').run(r.file, r.changedRows, r.problems, id);
  }
  stmt(db, `UPDATE returns_received SET state = 'replaced' WHERE round_id = ? AND unit = ? AND id != ? AND state IN ('pending', 'nochange')`)
    .run(r.roundId, r.unit, id);
  return getReceived(db, id)!;
}

/** After a preview: how many rows wait for the planner's decision; a return not yet reviewed takes its state from it. */
export function setReviewCounts(db: DB, id: number, c: { pendingRows: number; conflicts: number }): void {
  stmt(db, `UPDATE returns_received SET pending_rows = @pendingRows, conflicts = @conflicts,
    state = CASE WHEN state IN ('pending', 'nochange', 'kept')
      THEN CASE WHEN @pendingRows > 0 THEN 'pending' WHEN changed_rows > 0 THEN 'kept' ELSE 'nochange' END ELSE state END WHERE id = @id`)
    .run({ ...c, id });
}

/** After a review: what was taken, what still waits (rows accepted but held back), and the state that follows. */
export function recordReview(db: DB, id: number, r: { appliedRows: number; appliedCells: number; pendingRows: number; declinedRows: number }): void {
  const before = getReceived(db, id);
  if (!before || before.state === 'replaced') return;
  const applied = before.appliedRows + r.appliedRows;
  const state: ReceivedState = r.pendingRows > 0 ? (applied > 0 ? 'partial' : 'pending')
    : applied > 0 ? (r.declinedRows > 0 ? 'partial' : 'applied')
    : r.declinedRows > 0 ? 'declined' : before.changedRows > 0 ? 'kept' : 'nochange';
  stmt(db, `UPDATE returns_received SET applied_rows = @applied, applied_cells = applied_cells + @cells, pending_rows = @pending,
    reviewed_at = @at, state = @state WHERE id = @id`).run({ applied, cells: r.appliedCells, pending: r.pendingRows, at: nowIso(), state, id });
}

export function setContacts(db: DB, id: number, c: { filler: string; phone: string; reviewer: string; filledOn: string }): void {
  stmt(db, 'UPDATE returns_received SET filler = @filler, phone = @phone, reviewer = @reviewer, filled_on = @filledOn WHERE id = @id').run({ ...c, id });
}

export interface UnitInput { entity: 'task' | 'target'; id: string; field: string; value: string | null; problem: string | null; line: number }

/**
 * A unit's input for the rows of a workbook is what its latest return of that workbook's rows says: the rows it
 * carries (`rows`) drop what earlier returns said of them; rows it does not carry keep theirs.
 */
export function storeInputs(db: DB, receivedId: number, roundId: number, unit: string, rows: { entity: string; id: string }[], inputs: UnitInput[]): void {
  stmt(db, `DELETE FROM unit_inputs WHERE round_id = ? AND unit = ? AND (entity, entity_id) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))`)
    .run(roundId, unit, JSON.stringify(rows.map((r) => [r.entity, r.id])));
  const ins = stmt(db, `INSERT OR REPLACE INTO unit_inputs (round_id, unit, entity, entity_id, field, value, problem, line, received_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const i of inputs) ins.run(roundId, unit, i.entity, i.id, i.field, i.value, i.problem, i.line, receivedId);
}

/** The inputs a return brought, in sheet order. */
export function receivedInputs(db: DB, receivedId: number): UnitInput[] {
  return (stmt(db, `SELECT entity, entity_id AS id, field, value, problem, line FROM unit_inputs WHERE received_id = ?
    ORDER BY entity DESC, line, field`).all(receivedId) as UnitInput[]);
}

export interface RowInput { unit: string; field: string; value: string | null; problem: string | null; receivedId: number }

/** Every unit's input for one row in a round. */
export function rowInputs(db: DB, roundId: number, entity: 'task' | 'target', id: string): RowInput[] {
  return stmt(db, `SELECT unit, field, value, problem, received_id AS receivedId FROM unit_inputs
    WHERE round_id = ? AND entity = ? AND entity_id = ? ORDER BY unit, field`).all(roundId, entity, id) as RowInput[];
}

/** The rows of a round that more than one unit sent an input for: which units, which fields. */
export function sharedRows(db: DB, roundId: number, entity: 'task' | 'target'): { id: string; units: string[]; fields: string[] }[] {
  const rows = stmt(db, `SELECT entity_id AS id, json_group_array(DISTINCT unit) AS units, json_group_array(DISTINCT field) AS fields
    FROM unit_inputs WHERE round_id = ? AND entity = ? GROUP BY entity_id HAVING count(DISTINCT unit) > 1 ORDER BY entity_id`)
    .all(roundId, entity) as { id: string; units: string; fields: string }[];
  return rows.map((r) => ({ id: r.id, units: JSON.parse(r.units) as string[], fields: JSON.parse(r.fields) as string[] }));
}

/** How many distinct rows each receipt brought inputs for. */
export function inputRowCounts(db: DB, roundId: number): Map<number, number> {
  const rows = stmt(db, 'SELECT received_id, count(DISTINCT entity || entity_id) FROM unit_inputs WHERE round_id = ? GROUP BY received_id')
    .raw(true).all(roundId) as [number, number][];
  return new Map(rows);
}

/** The contacts a unit gave last: its newest return with a 填报人 in a round before this one (by cut-off). */
export function lastContacts(db: DB, roundId: number): Map<string, { filler: string; phone: string; reviewer: string; filledOn: string; round: string }> {
  const rows = stmt(db, `SELECT x.unit, x.filler, x.phone, x.reviewer, x.filled_on, r.name FROM returns_received x JOIN rounds r ON r.id = x.round_id
    WHERE x.filler != '' AND r.cutoff < (SELECT cutoff FROM rounds WHERE id = ?) ORDER BY r.cutoff, x.id`)
    .raw(true).all(roundId) as [string, string, string, string, string, string][];
  return new Map(rows.map(([unit, filler, phone, reviewer, filledOn, round]) => [unit, { filler, phone, reviewer, filledOn, round }]));
}

export function returnsDue(db: DB, roundId: number): string {
  return (stmt(db, 'SELECT returns_due FROM rounds WHERE id = ?').pluck().get(roundId) as string | undefined) ?? '';
}

export function setReturnsDue(db: DB, roundId: number, due: string): void {
  stmt(db, 'UPDATE rounds SET returns_due = ? WHERE id = ?').run(due, roundId);
}
