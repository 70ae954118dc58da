// What the written report says, gathered in one pass over the scope's tasks: per plan its counts (through tally, as
// the dashboard and the Excel 汇总 count), per chapter done / on track / lagging with the names of the lagging and
// overdue tasks, the 存在问题 and 下步打算 texts by plan and unit, and the rows of the attached task table.
import type { DB } from '../../db/connection';
import type { Round, TargetRow, TaskStatus } from '../../contract/model';
import { TASK_STATUSES } from '../../contract/model';
import type { DashboardGroup } from '../../contract/app';
import { invalid } from '../common/errors';
import { iterateTasks, resolveScope, summaries, planSections, heading, type ReportScope, type ReportTask, type Heading, type PlanSection } from './data';
import { taskLight, taskWarned, overdueDays } from './lights';

/** Names kept per list: a paragraph names this many and counts the rest (等N项). */
export const NAMES_KEPT = 12;
/** The attached task table lists every task up to this many; past it, only those lagging, not started or warned. */
export const ATTACHED_TASKS = 1000;

export interface NameList { names: string[]; count: number }
const names = (): NameList => ({ names: [], count: 0 });
const add = (l: NameList, name: string) => {
  l.count++;
  if (l.names.length < NAMES_KEPT) l.names.push(name);
};

export interface ChapterFacts { name: string; total: number; status: Record<TaskStatus, number>; lagging: NameList; overdue: NameList }

export interface PlanFacts {
  section: PlanSection; counts: DashboardGroup; targets: TargetRow[]; chapters: ChapterFacts[];
  /** Texts by unit (the lead units, else the responsible ones), in the order units first appear. */
  problems: Map<string, string[]>; nextSteps: Map<string, string[]>;
}

export interface ReportFacts {
  round: Round; heading: Heading; plans: PlanFacts[]; total: DashboardGroup; units: DashboardGroup[]; targets: TargetRow[];
  projects: number;
  /** Red and yellow task lights, when the rows carry lights. */
  taskLights: { red: number; yellow: number } | null;
  attached: { rows: ReportTask[]; total: number; all: boolean };
}

const unitKey = (t: ReportTask): string => (t.leadUnits.length ? t.leadUnits : t.responsibleUnits).join('、') || '未明确责任单位';
const topChapter = (chapter: string): string => chapter.split(' / ')[0]?.trim() ?? '';
const push = (m: Map<string, string[]>, k: string, text: string) => {
  if (!text.trim()) return;
  let l = m.get(k);
  if (!l) m.set(k, (l = []));
  l.push(text);
};
/** Tasks the attached table keeps when it cannot list them all. */
const needsNotice = (t: ReportTask): boolean => taskWarned(t) || t.status === '滞后' || t.status === '未启动';

/** `onTotals` sees the scope's counts before the tasks are read (the chart is drawn from them meanwhile). */
export function gatherFacts(db: DB, round: Round, requested: ReportScope, today = new Date(), onTotals?: (total: DashboardGroup) => void): ReportFacts {
  const { scope, targets } = resolveScope(db, round, null, requested);
  const sums = summaries(db, round.id, scope, targets);
  if (!targets.length && !sums.total.tasks.total) throw invalid('所选范围内没有任务或指标，未导出');
  onTotals?.(sums.total);
  const sections = planSections(db, sums.rows.map((g) => g.key));
  const plans = new Map<string, PlanFacts>();
  for (const g of sums.rows) {
    plans.set(g.key, { section: sections.get(g.key)!, counts: g, targets: [], chapters: [], problems: new Map(), nextSteps: new Map() });
  }
  for (const t of targets) plans.get(t.planId)?.targets.push(t);

  const chapters = new Map<string, ChapterFacts>();
  let projects = 0;
  let lights: { red: number; yellow: number } | null = null;
  const all: ReportTask[] = [];
  const lagging: ReportTask[] = [];
  let total = 0;
  for (const t of iterateTasks(db, round.id, undefined, scope)) {
    const plan = plans.get(t.planId);
    if (!plan) continue;
    total++;
    if (t.kind === 'project') projects++;
    const name = topChapter(t.chapter);
    const key = `${t.planId}\u0000${name}`;
    let c = chapters.get(key);
    if (!c) {
      c = { name, total: 0, status: Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>, lagging: names(), overdue: names() };
      chapters.set(key, c);
      plan.chapters.push(c);
    }
    c.total++;
    c.status[t.status]++;
    if (t.status === '滞后' || taskWarned(t)) add(c.lagging, t.title);
    const late = overdueDays(t);
    if (late != null) add(c.overdue, `${t.title}（超期${late}天）`);
    const light = taskLight(t);
    if (light) {
      lights ??= { red: 0, yellow: 0 };
      if (light.flag === 'red' || light.flag === 'yellow') lights[light.flag]++;
    }
    push(plan.problems, unitKey(t), t.problems);
    push(plan.nextSteps, unitKey(t), t.nextSteps);
    if (all.length <= ATTACHED_TASKS) all.push(t);
    if (lagging.length < ATTACHED_TASKS && needsNotice(t)) lagging.push(t);
  }
  const fits = total <= ATTACHED_TASKS;
  return {
    round, heading: heading(db, round, scope, [...sections.values()].map((s) => s.plan), today),
    plans: [...plans.values()], total: sums.total, units: sums.units, targets, projects, taskLights: lights,
    attached: { rows: fits ? all : lagging, total, all: fits },
  };
}
