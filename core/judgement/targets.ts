// Targets as the planner sees them: the stored rows with each one's judgement from the rules (序时进度, 完成进度,
// verdict and light) at its data date (数据截至: the target's own, else the round's, else the cut-off), with the round's
// thresholds and the plan's period. The grids, the dashboard, the report and the returns read targets through here, so
// a verdict reads the same everywhere.
import type { DB } from '../../db/connection';
import type { Round, TargetRow, Verdict, Flag, Thresholds } from '../../contract/model';
import type { Standing } from '../../contract/lights';
import { readTargets, type TargetFilters, type StoredTarget } from '../../db/repos/targets';
import { judgeTarget, baseYearOf } from '../rules/judge';
import { roundOrThrow, thresholds } from '../common/settings';

export interface JudgedQuery extends TargetFilters { verdicts?: string[]; lights?: string[]; standings?: string[]; offset?: number; limit?: number }

/** Where a target stands: its light decides, 提前实现 counted as done. */
export function targetStanding(t: TargetRow): Standing {
  const { flag, verdict } = t.judgement;
  if (flag === 'none') return 'unjudged';
  if (flag !== 'green') return 'lagging';
  return verdict === '提前实现' ? 'done' : 'onTrack';
}

/** The data date an actual value refers to when its own is not set: the round's default, else the cut-off. */
export const roundDataDate = (round: Pick<Round, 'cutoff' | 'dataDate'>): string => round.dataDate || round.cutoff;

export function judge(t: StoredTarget, round: Pick<Round, 'cutoff' | 'dataDate'>, limits: Thresholds): TargetRow {
  const { planPeriod, ...row } = t;
  const base = baseYearOf(t.baseline.year, planPeriod.start);
  return {
    ...row,
    baseline: base.derived ? { ...t.baseline, derivedYear: base.year } : t.baseline,
    judgement: judgeTarget({
      name: t.name, unit: t.unit, category: t.category, attribute: t.attribute, baseline: t.baseline, milestones: t.milestones,
      actual: t.eval.actual, cutoff: round.cutoff, dataDate: t.eval.dataDate || roundDataDate(round), planStart: planPeriod.start,
      judgeKind: t.judgeKind, judgeDirection: t.judgeDirection, thresholds: limits,
      override: t.eval.verdictOverride ? { verdict: t.eval.verdictOverride, reason: t.eval.overrideReason } : undefined,
    }),
  };
}

/** The targets the filters select, judged; the verdict and light filters and the page apply to the judged rows. */
export function judgedTargets(db: DB, f: JudgedQuery): { rows: TargetRow[]; total: number } {
  const round = roundOrThrow(db, f.roundId);
  const limits = thresholds(db, round.id);
  let rows = readTargets(db, f).map((t) => judge(t, round, limits));
  if (f.verdicts?.length) {
    const want = new Set<Verdict>(f.verdicts as Verdict[]);
    rows = rows.filter((r) => want.has(r.judgement.verdict));
  }
  if (f.lights?.length) {
    const want = new Set<Flag>(f.lights as Flag[]);
    rows = rows.filter((r) => want.has(r.judgement.flag));
  }
  if (f.standings?.length) {
    const want = new Set<string>(f.standings);
    rows = rows.filter((r) => want.has(targetStanding(r)));
  }
  const total = rows.length;
  if (f.offset || f.limit) rows = rows.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? rows.length));
  return { rows, total };
}
