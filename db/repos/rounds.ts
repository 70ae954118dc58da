// Evaluation rounds: a name and a cut-off date; a new round may start from the values of an earlier one.
import type { DB } from '../connection';
import type { Round } from '../../contract/model';
import { nowIso } from '../json';
import { indexRoundEvals, unindexRound } from './search';

interface RoundRow { id: number; name: string; cutoff: string; based_on: number | null; created_at: string }
const toRound = (r: RoundRow): Round => ({ id: r.id, name: r.name, cutoff: r.cutoff, basedOn: r.based_on, createdAt: r.created_at });

export function listRounds(db: DB): Round[] {
  return (db.prepare('SELECT * FROM rounds ORDER BY cutoff, id').all() as RoundRow[]).map(toRound);
}

export function getRound(db: DB, id: number): Round | null {
  const r = db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as RoundRow | undefined;
  return r ? toRound(r) : null;
}

export function findRoundByName(db: DB, name: string): Round | null {
  const r = db.prepare('SELECT * FROM rounds WHERE name = ?').get(name) as RoundRow | undefined;
  return r ? toRound(r) : null;
}

export function insertRound(db: DB, name: string, cutoff: string, basedOn: number | null): Round {
  const info = db.prepare('INSERT INTO rounds (name, cutoff, based_on, created_at) VALUES (?, ?, ?, ?)').run(name, cutoff, basedOn, nowIso());
  return getRound(db, Number(info.lastInsertRowid))!;
}

/** Copies every evaluation of one round into another (which must be empty), with their search index rows. */
export function copyRoundValues(db: DB, from: number, to: number): { tasks: number; targets: number } {
  const now = nowIso();
  const t = db.prepare(`INSERT INTO task_evals (round_id, task_id, status, progress, evidence, problems, next_steps, note, reporter, reported_on, updated_at)
    SELECT ?, task_id, status, progress, evidence, problems, next_steps, note, reporter, reported_on, ? FROM task_evals WHERE round_id = ?`).run(to, now, from);
  const g = db.prepare(`INSERT INTO target_evals (round_id, target_id, actual, data_source, note, verdict_override, override_reason, reporter, reported_on, updated_at)
    SELECT ?, target_id, actual, data_source, note, verdict_override, override_reason, reporter, reported_on, ? FROM target_evals WHERE round_id = ?`).run(to, now, from);
  indexRoundEvals(db, to);
  return { tasks: t.changes, targets: g.changes };
}

export function updateRound(db: DB, id: number, patch: { name?: string; cutoff?: string }): void {
  if (patch.name !== undefined) db.prepare('UPDATE rounds SET name = ? WHERE id = ?').run(patch.name, id);
  if (patch.cutoff !== undefined) db.prepare('UPDATE rounds SET cutoff = ? WHERE id = ?').run(patch.cutoff, id);
}

export function deleteRound(db: DB, id: number): number {
  unindexRound(db, id);
  return db.prepare('DELETE FROM rounds WHERE id = ?').run(id).changes;
}
