// What a report shows, read for a scope (everything, plans, a unit, exactly the rows the grid shows, and only the
// evaluated, the red and yellow or the tasks with 存在问题): tasks streamed row by row from SQLite, targets with their
// judgements, the per-plan and per-unit counts of the 汇总, the plans' section titles and the heading lines.
import type { DB } from '../../db/connection';
import { NO_UNIT, type Round, type TargetRow, type PlanSummary } from '../../contract/model';
import type { DashboardGroup } from '../../contract/app';
import { tally, tallyRead, type Tally } from '../judgement/counts';
import type { CommonFilters } from '../../db/repos/filters';
import { streamTasks, countScopeTasks, type ReportTask } from '../../db/repos/report-tasks';
import { listPlans } from '../../db/repos/plans';
import { judgedTargets } from '../judgement/targets';
import { taskLighter } from '../judgement/tasks';
import { office } from '../common/settings';
import { chineseDate } from '../xlsx/text';
import { targetEvaluated, targetWarned, taskEvaluated, taskWarned, hasProblems } from './lights';
import { chineseNumber, periodAfter } from './words';

export type { ReportTask };

export interface ReportScope {
  planIds?: string[]; unit?: string; taskIds?: string[]; targetIds?: string[];
  evaluatedOnly?: boolean; warningsOnly?: boolean; problemsOnly?: boolean;
}

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
  // Each task read is a new object: it takes its light in place rather than being copied field by field.
  for (const t of streamTasks(db, roundId, compareRoundId, filtersFor(scope, 'task'), scope.planIds)) {
    (t as ReportTask).light = lightOf(t);
    yield t as ReportTask;
  }
}

export const countTasks = (db: DB, scope: ReportScope, kinds: 'projects' | 'tasks'): number => countScopeTasks(db, filtersFor(scope, 'task'), kinds);

export function reportTargets(db: DB, roundId: number, compareRoundId: number | undefined, scope: ReportScope): TargetRow[] {
  const f = filtersFor(scope, 'target');
  return judgedTargets(db, { roundId, compareRoundId, planIds: f.planIds, unit: f.unit, ids: f.ids }).rows;
}

const narrowed = (s: ReportScope): boolean => !!(s.evaluatedOnly || s.warningsOnly || s.problemsOnly);

/** Whether a task stays in a narrowed scope. */
export const keepsTask = (s: ReportScope) => (t: ReportTask): boolean =>
  (!s.evaluatedOnly || taskEvaluated(t)) && (!s.warningsOnly || taskWarned(t)) && (!s.problemsOnly || hasProblems(t));
const keepsTarget = (s: ReportScope) => (t: TargetRow): boolean =>
  (!s.evaluatedOnly || targetEvaluated(t)) && (!s.warningsOnly || targetWarned(t));

/**
 * The scope as exact rows, and its targets judged. A narrowed scope (only evaluated, red and yellow, with 存在问题)
 * becomes the ids that pass its tests, so every sheet, count and paragraph reads the same rows.
 */
export function resolveScope(db: DB, round: Round, compare: Round | null, scope: ReportScope): { scope: ReportScope; targets: TargetRow[] } {
  const all = reportTargets(db, round.id, compare?.id, scope);
  if (!narrowed(scope)) return { scope, targets: all };
  const targets = all.filter(keepsTarget(scope));
  const keep = keepsTask(scope);
  const taskIds: string[] = [];
  for (const t of iterateTasks(db, round.id, undefined, scope)) if (keep(t)) taskIds.push(t.id);
  return { scope: { planIds: scope.planIds, unit: scope.unit, taskIds, targetIds: targets.map((t) => t.id) }, targets };
}

/** Per plan (document order) and per responsible unit, tasks by status and targets by verdict, and the total (合计). */
type Summaries = { rows: DashboardGroup[]; units: DashboardGroup[]; total: DashboardGroup };
const asSummaries = (t: Tally): Summaries => ({ rows: t.byPlan, units: t.byUnit, total: { ...t.total, label: '合计' } });

/** The counts of a scope; from its tasks when they are already read, else from the database. */
export function summaries(db: DB, roundId: number, scope: ReportScope, targets: TargetRow[], tasks?: readonly ReportTask[]): Summaries {
  const f = filtersFor(scope, 'task');
  return asSummaries(tasks ? tallyRead(db, f.planIds, tasks, targets) : tally(db, roundId, f, targets));
}

/** A plan's section: "一、《…》(2021—2025年)", numbered in the order of the report. */
export interface PlanSection { id: string; title: string; band: string; plan: PlanSummary }

export function planSections(db: DB, planIds: string[]): Map<string, PlanSection> {
  const byId = new Map(listPlans(db).map((p) => [p.id, p]));
  const out = new Map<string, PlanSection>();
  planIds.forEach((id, i) => {
    const plan = byId.get(id);
    if (!plan) return;
    out.set(id, { id, title: plan.title, band: `${chineseNumber(i + 1)}、《${plan.title}》${periodAfter(plan.title, plan.periodStart, plan.periodEnd)}`, plan });
  });
  return out;
}

/** A chapter path as one line: "第三章 发展重点　一、壮大先进制造业集群". */
export const chapterText = (chapter: string): string => chapter.split(' / ').map((s) => s.trim()).filter(Boolean).join('　');

export interface Heading {
  /** 单位:… and 评估时点:… of every sheet. */
  unit: string; when: string;
  /** 《…》 for one plan, else 规划; the kind of the round (中期评估…); a unit scope's name in brackets. */
  subject: string; kind: string; of: string;
  /** The evaluating office and the date of the 落款. */
  office: string; date: string;
}

/** The heading lines of a report: the office from the settings (else the plans' one issuer), the round's kind and date. */
export function heading(db: DB, round: Round, scope: ReportScope, plans: { title: string; issuer: string | null }[], today = new Date()): Heading {
  const issuers = [...new Set(plans.map((p) => p.issuer).filter(Boolean))] as string[];
  const name = office(db) || (issuers.length === 1 ? issuers[0] : '');
  const subject = plans.length === 1 ? `《${plans[0].title}》` : '规划';
  return {
    unit: `单位：${name}`, when: `评估时点：${chineseDate(round.cutoff)}（${round.name}）`,
    subject, kind: round.kind || '中期评估', of: scope.unit && scope.unit !== NO_UNIT ? `（${scope.unit}）` : '',
    office: name, date: chineseDate(isoDay(today)),
  };
}

/** The local date as YYYY-MM-DD. */
export function isoDay(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
