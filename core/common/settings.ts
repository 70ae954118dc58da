// Settings read by several services: thresholds (those a finalised round was judged with stay with it), the current
// round (created on first need), the check that a round is still open to edits, the operator's name and the office.
import type { DB } from '../../db/connection';
import { DEFAULT_THRESHOLDS, type Thresholds, type Round } from '../../contract/model';
import type { Settings } from '../../contract/app';
import { getSetting, setSetting } from '../../db/repos/settings';
import { listRounds, getRound, insertRound } from '../../db/repos/rounds';
import { AppError, notFound } from './errors';

export const DEFAULT_ROUND = { name: '2025年中期评估', cutoff: '2025-06-30' };

/** Thresholds kept per finalised round (round id → the thresholds at the time it was finalised). */
export const FROZEN_THRESHOLDS = 'finalizedThresholds';

/** The thresholds in force; for a finalised round, those it was finalised with. */
export function thresholds(db: DB, roundId?: number): Thresholds {
  if (roundId != null) {
    const frozen = getSetting<Record<string, Partial<Thresholds>>>(db, FROZEN_THRESHOLDS, {})[String(roundId)];
    if (frozen && getRound(db, roundId)?.finalizedAt) return { ...DEFAULT_THRESHOLDS, ...frozen };
  }
  return { ...DEFAULT_THRESHOLDS, ...getSetting<Partial<Thresholds>>(db, 'thresholds', {}) };
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

/** The round, unless it is finalised (定稿): then nothing is accepted into it until it is reopened. */
export function openRoundOrThrow(db: DB, id: number, doing = '修改'): Round {
  const r = roundOrThrow(db, id);
  if (r.finalizedAt) {
    throw new AppError('finalized', `评估轮次「${r.name}」已于${r.finalizedAt.slice(0, 10)}定稿，不能${doing}。如需${doing}，请先在“评估轮次”中撤销定稿并说明原因。`);
  }
  return r;
}

/** The evaluating office named on reports and notices ('' until the planner sets it). */
export function office(db: DB): string {
  return getSetting<string>(db, 'office', '');
}

export function readSettings(db: DB): Settings {
  return {
    thresholds: thresholds(db),
    layouts: getSetting<Record<string, unknown>>(db, 'layouts', {}),
    currentRoundId: currentRound(db).id,
    operator: operatorName(db),
    office: office(db),
  };
}

/** The operator's name (操作人), kept as a JSON string under 'operator'; db/repos/history.ts records it with each action. */
export function operatorName(db: DB): string {
  const v = getSetting<unknown>(db, 'operator', '');
  return typeof v === 'string' ? v : '';
}

export function writeSetting(db: DB, key: string, value: unknown): void {
  db.transaction(() => setSetting(db, key, value))();
}
