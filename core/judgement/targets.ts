// Targets as the planner sees them: the stored rows with each one's judgement from the rules (序时进度, 完成进度,
// verdict and light) at the round's cut-off and thresholds. The grids, the dashboard, the report and the returns read
// targets through here, so a verdict reads the same everywhere.
import type { DB } from '../../db/connection';
import type { TargetRow, Verdict } from '../../contract/model';
import { readTargets, type TargetFilters, type StoredTarget } from '../../db/repos/targets';
import { judgeTarget } from '../rules/judge';
import { roundOrThrow, thresholds } from '../common/settings';
import type { Thresholds } from '../../contract/model';

export interface JudgedQuery extends TargetFilters { verdicts?: string[]; offset?: number; limit?: number }

export function judge(t: StoredTarget, cutoff: string, limits: Thresholds): TargetRow {
  return {
    ...t,
    judgement: judgeTarget({
      name: t.name, unit: t.unit, category: t.category, attribute: t.attribute, baseline: t.baseline, milestones: t.milestones,
      actual: t.eval.actual, cutoff, thresholds: limits,
      override: t.eval.verdictOverride ? { verdict: t.eval.verdictOverride, reason: t.eval.overrideReason } : undefined,
    }),
  };
}

/** The targets the filters select, judged; the verdict filter and the page apply to the judged rows. */
export function judgedTargets(db: DB, f: JudgedQuery): { rows: TargetRow[]; total: number } {
  const round = roundOrThrow(db, f.roundId);
  const limits = thresholds(db);
  let rows = readTargets(db, f).map((t) => judge(t, round.cutoff, limits));
  if (f.verdicts?.length) {
    const want = new Set<Verdict>(f.verdicts as Verdict[]);
    rows = rows.filter((r) => want.has(r.judgement.verdict));
  }
  const total = rows.length;
  if (f.offset || f.limit) rows = rows.slice(f.offset ?? 0, (f.offset ?? 0) + (f.limit ?? rows.length));
  return { rows, total };
}
