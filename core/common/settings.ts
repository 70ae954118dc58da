// Settings read by several services: thresholds, the current round (created on first need), the evaluating office and
// the operator.
import type { DB } from '../../db/connection';
import { DEFAULT_THRESHOLDS, type Thresholds, type Round } from '../../contract/model';
import type { Settings } from '../../contract/app';
import { getSetting, setSetting } from '../../db/repos/settings';
import { listRounds, getRound, insertRound } from '../../db/repos/rounds';
import { notFound } from './errors';

export const DEFAULT_ROUND = { name: '2025年中期评估', cutoff: '2025-06-30' };

export function thresholds(db: DB): Thresholds {
  return getSetting<Thresholds>(db, 'thresholds', DEFAULT_THRESHOLDS);
}

/** The round the planner works in; a database without rounds gets the default one. */
export function currentRound(db: DB): Round {
  const id = getSetting<number | null>(db, 'currentRoundId', null);
  const r = id != null ? getRound(db, id) : null;
  if (r) return r;
  const all = listRounds(db);
  if (all.length) return all[all.length - 1];
  return db.transaction(() => insertRound(db, DEFAULT_ROUND.name, DEFAULT_ROUND.cutoff, null))();
}

export function roundOrThrow(db: DB, id: number): Round {
  const r = getRound(db, id);
  if (!r) throw notFound('评估轮次', id);
  return r;
}

/** The evaluating office named on reports and notices ('' until the planner sets it). */
export function office(db: DB): string {
  return getSetting<string>(db, 'office', '');
}

/** The operator's name recorded with every action (db/repos/history.ts reads the same key). */
export function operator(db: DB): string {
  return getSetting<string>(db, 'operator', '');
}

export function readSettings(db: DB): Settings {
  return {
    thresholds: thresholds(db),
    layouts: getSetting<Record<string, unknown>>(db, 'layouts', {}),
    currentRoundId: currentRound(db).id,
    operator: operator(db),
    office: office(db),
  };
}

export function writeSetting(db: DB, key: string, value: unknown): void {
  db.transaction(() => setSetting(db, key, value))();
}
