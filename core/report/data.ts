// What a report shows, read for a scope (everything, plans, a unit, exactly the rows the grid shows): tasks streamed
// row by row from SQLite, targets with their judgements, and the per-plan counts of the 汇总 sheet.
import type { DB } from '../../db/connection';
import { NO_UNIT, type Round, type TargetRow } from '../../contract/model';
import type { DashboardGroup } from '../../contract/app';
import { tally } from '../judgement/counts';
import type { CommonFilters } from '../../db/repos/filters';
import { streamTasks, countScopeTasks, type ReportTask } from '../../db/repos/report-tasks';
import { judgedTargets } from '../judgement/targets';
import { taskLighter } from '../judgement/tasks';
import { chineseDate } from '../xlsx/text';

export type { ReportTask };

export interface ReportScope { planIds?: string[]; unit?: string; taskIds?: string[]; targetIds?: string[] }

/**
 * Grid-exact scope: when the rows of either grid are listed, only listed rows are exported (an unlisted kind: none).
 */
function filtersFor(scope: ReportScope, entity: 'task' | 'target'): CommonFilters {
  const exact = scope.taskIds != null || scope.targetIds != null;
  const ids = entity === 'task' ? scope.taskIds : scope.targetIds;
  return { planIds: scope.planIds, unit: scope.unit, ids: exact ? ids ?? [] : undefined };
}

/** The tasks of a scope in document order, streamed (see db/repos/report-tasks.ts), each with its light. */
export function* iterateTasks(db: DB, roundId: number, compareRoundId: number | undefined, scope: ReportScope): Generator<ReportTask> {
  const lightOf = taskLighter(db, roundId);
  for (const t of streamTasks(db, roundId, compareRoundId, filtersFor(scope, 'task'), scope.planIds)) yield { ...t, light: lightOf(t) };
}

export const countTasks = (db: DB, scope: ReportScope, kinds: 'projects' | 'tasks'): number => countScopeTasks(db, filtersFor(scope, 'task'), kinds);

export function reportTargets(db: DB, roundId: number, compareRoundId: number | undefined, scope: ReportScope): TargetRow[] {
  const f = filtersFor(scope, 'target');
  return judgedTargets(db, { roundId, compareRoundId, planIds: f.planIds, unit: f.unit, ids: f.ids }).rows;
}

/** Per plan in document order, tasks by status and targets by verdict, and the total row (合计). */
export function planSummaries(db: DB, roundId: number, scope: ReportScope, targets: TargetRow[]): { rows: DashboardGroup[]; total: DashboardGroup } {
  const t = tally(db, roundId, filtersFor(scope, 'task'), targets, { units: false });
  return { rows: t.byPlan, total: { ...t.total, label: '合计' } };
}

/** 单位 line and the round line of every sheet. */
export function heading(round: Round, scope: ReportScope, plans: { title: string; issuer: string | null }[]): { unit: string; when: string; subject: string } {
  const issuers = [...new Set(plans.map((p) => p.issuer).filter(Boolean))] as string[];
  // Rows without a unit are reported under their issuer: 未明确责任单位 is no unit to head a report.
  const unit = scope.unit && scope.unit !== NO_UNIT ? scope.unit : issuers.length === 1 ? issuers[0] : '';
  const subject = plans.length === 1 ? `《${plans[0].title}》` : '规划';
  return { unit: `单位:${unit}`, when: `评估时点:${chineseDate(round.cutoff)}(${round.name})`, subject };
}
