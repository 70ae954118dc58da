// Evaluation rounds: a name, a cut-off date, the default data date of their actual values and whether they are
// finalised; a new round may start from the values of an earlier one.
import type { DB } from '../connection';
import type { Round } from '../../contract/model';
import { nowIso } from '../json';
import { indexRoundEvals, unindexRound } from './search';

interface RoundRow {
  id: number; name: string; cutoff: string; based_on: number | null; created_at: string;
  kind: string | null; data_date: string; returns_due: string; finalized_at: string;
}
const toRound = (r: RoundRow): Round => ({
  id: r.id, name: r.name, cutoff: r.cutoff, basedOn: r.based_on, createdAt: r.created_at,
  kind: r.kind || '中期评估', dataDate: r.data_date ?? '', returnsDue: r.returns_due ?? '', finalizedAt: r.finalized_at ?? '',
});

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

/** The kind a round's name says (2024年度评估, 终期评估), else 中期评估. */
export const kindOfName = (name: string): string => (/终期/.test(name) ? '终期评估' : /年度/.test(name) ? '年度评估' : '中期评估');

export function insertRound(db: DB, name: string, cutoff: string, basedOn: number | null, opts: { dataDate?: string; kind?: string } = {}): Round {
  const info = db.prepare('INSERT INTO rounds (name, cutoff, based_on, created_at, data_date, kind) VALUES (?, ?, ?, ?, ?, ?)')
    .run(name, cutoff, basedOn, nowIso(), opts.dataDate ?? '', opts.kind ?? kindOfName(name));
  return getRound(db, Number(info.lastInsertRowid))!;
}

/** Copies every evaluation of one round into another (which must be empty), with their search index rows. */
export function copyRoundValues(db: DB, from: number, to: number): { tasks: number; targets: number } {
  const now = nowIso();
  const t = db.prepare(`INSERT INTO task_evals (round_id, task_id, status, progress, evidence, problems, next_steps, note, reporter, reported_on, updated_at)
    SELECT ?, task_id, status, progress, evidence, problems, next_steps, note, reporter, reported_on, ? FROM task_evals WHERE round_id = ?`).run(to, now, from);
  const g = db.prepare(`INSERT INTO target_evals (round_id, target_id, actual, data_source, note, verdict_override, override_reason, reporter, reported_on, data_date, updated_at)
    SELECT ?, target_id, actual, data_source, note, verdict_override, override_reason, reporter, reported_on, data_date, ? FROM target_evals WHERE round_id = ?`).run(to, now, from);
  indexRoundEvals(db, to);
  return { tasks: t.changes, targets: g.changes };
}

export function updateRound(db: DB, id: number, patch: { name?: string; cutoff?: string; dataDate?: string; finalizedAt?: string; kind?: string }): void {
  if (patch.name !== undefined) db.prepare('UPDATE rounds SET name = ? WHERE id = ?').run(patch.name, id);
  if (patch.kind !== undefined) db.prepare('UPDATE rounds SET kind = ? WHERE id = ?').run(patch.kind, id);
  if (patch.cutoff !== undefined) db.prepare('UPDATE rounds SET cutoff = ? WHERE id = ?').run(patch.cutoff, id);
  if (patch.dataDate !== undefined) db.prepare('UPDATE rounds SET data_date = ? WHERE id = ?').run(patch.dataDate, id);
  if (patch.finalizedAt !== undefined) db.prepare('UPDATE rounds SET finalized_at = ? WHERE id = ?').run(patch.finalizedAt, id);
}

export function deleteRound(db: DB, id: number): number {
  unindexRound(db, id);
  return db.prepare('DELETE FROM rounds WHERE id = ?').run(id).changes;
}
