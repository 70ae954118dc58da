// Tallies for a round: tasks by status and targets by verdict, per plan, per responsible unit and in total. The
// dashboard and the report's 汇总 both count through here, so their numbers agree.
import type { DB } from '../../db/connection';
import type { DashboardGroup } from '../../contract/app';
import { TASK_STATUSES, VERDICTS, NO_UNIT, type TaskStatus, type Verdict, type TargetRow } from '../../contract/model';
import type { CommonFilters } from '../../db/repos/filters';
import { taskStatusCounts, plansInOrder } from '../../db/repos/counts';

export function emptyGroup(key: string, label: string): DashboardGroup {
  const tasks = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const targets = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  return { key, label, tasks: { ...tasks, total: 0 }, targets: { ...targets, total: 0 } };
}

const addTasks = (g: DashboardGroup, s: TaskStatus, n: number) => {
  if (!(s in g.tasks)) return;
  g.tasks[s] += n;
  g.tasks.total += n;
};
const addTarget = (g: DashboardGroup, v: Verdict) => {
  g.targets[v]++;
  g.targets.total++;
};

export interface Tally { byPlan: DashboardGroup[]; byUnit: DashboardGroup[]; total: DashboardGroup }

/**
 * Counts the tasks the filters select (in SQL) and the given judged targets. Plans come in document order and only
 * those with something in scope; units by size, largest first.
 */
export function tally(db: DB, roundId: number, taskFilters: CommonFilters, targets: TargetRow[], opts: { units?: boolean; allPlans?: boolean } = {}): Tally {
  const plans = plansInOrder(db, taskFilters.planIds);
  const byPlan = new Map(plans.map((p) => [p.id, emptyGroup(p.id, p.title)]));
  const total = emptyGroup('all', '全部');
  for (const r of taskStatusCounts(db, roundId, 'plan', taskFilters)) {
    const g = byPlan.get(r.key);
    if (g) addTasks(g, r.status, r.n);
    addTasks(total, r.status, r.n);
  }
  for (const t of targets) {
    const g = byPlan.get(t.planId);
    if (g) addTarget(g, t.judgement.verdict);
    addTarget(total, t.judgement.verdict);
  }
  const byUnit = new Map<string, DashboardGroup>();
  const unit = (u: string) => {
    let g = byUnit.get(u);
    if (!g) byUnit.set(u, (g = emptyGroup(u, u)));
    return g;
  };
  if (opts.units !== false) {
    for (const r of taskStatusCounts(db, roundId, 'unit', taskFilters)) addTasks(unit(r.key), r.status, r.n);
    for (const t of targets) {
      const named = t.responsibleUnits.map((u) => u.trim()).filter(Boolean);
      for (const u of new Set(named.length ? named : [NO_UNIT])) addTarget(unit(u), t.judgement.verdict);
    }
  }
  const units = [...byUnit.values()].sort((a, b) => b.tasks.total + b.targets.total - (a.tasks.total + a.targets.total) || a.label.localeCompare(b.label, 'zh-CN'));
  const planGroups = [...byPlan.values()].filter((g) => opts.allPlans || g.tasks.total + g.targets.total > 0);
  return { byPlan: planGroups, byUnit: units, total };
}
