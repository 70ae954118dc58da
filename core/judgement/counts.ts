// Tallies for a round: tasks by status and light, targets by verdict and light, both by standing (done, on track,
// lagging, overdue, unjudged), per plan, per responsible unit and in total. The dashboard, the unit ranking and the
// report's 汇总 all count through here, so their numbers agree with each other and with the grids' light filter.
import type { DB } from '../../db/connection';
import type { DashboardGroup } from '../../contract/app';
import { TASK_STATUSES, VERDICTS, FLAGS, NO_UNIT, knownStatus, type Flag, type TaskStatus, type TaskLight, type TargetRow } from '../../contract/model';
import { STANDINGS, type Standing } from '../../contract/lights';
import type { CommonFilters } from '../../db/repos/filters';
import { plansInOrder } from '../../db/repos/counts';
import { taskLightRows, taskUnitPairs } from '../../db/repos/tasks';
import { taskLighter, taskStanding } from './tasks';
import { targetStanding } from './targets';

const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export function emptyGroup(key: string, label: string): DashboardGroup {
  return {
    key, label, tasks: { ...zeros(TASK_STATUSES), total: 0 }, targets: { ...zeros(VERDICTS), total: 0 },
    taskLights: zeros(FLAGS), targetLights: zeros(FLAGS), taskStanding: zeros(STANDINGS), targetStanding: zeros(STANDINGS),
  };
}

interface TaskMark { status: TaskStatus | undefined; flag: Flag; standing: Standing }

const addTask = (g: DashboardGroup, m: TaskMark) => {
  if (!m.status) return;
  g.tasks[m.status]++;
  g.tasks.total++;
  g.taskLights[m.flag]++;
  g.taskStanding[m.standing]++;
};
const addTarget = (g: DashboardGroup, t: TargetRow, standing: Standing) => {
  g.targets[t.judgement.verdict]++;
  g.targets.total++;
  g.targetLights[t.judgement.flag]++;
  g.targetStanding[standing]++;
};

export interface Tally { byPlan: DashboardGroup[]; byUnit: DashboardGroup[]; total: DashboardGroup }
export interface TallyOptions { units?: boolean; allPlans?: boolean }

/** A task as counted: its plan, status and light. */
export interface CountedTask { id: string; planId: string; status: TaskStatus; light: TaskLight }

/**
 * Counts the tasks the filters select (their lights by the one rule, core/judgement/tasks.ts) and the given judged
 * targets. Plans come in document order and only those with something in scope (all with `allPlans`); units by size,
 * largest first.
 */
export function tally(db: DB, roundId: number, taskFilters: CommonFilters, targets: TargetRow[], opts: TallyOptions = {}): Tally {
  const lightOf = taskLighter(db, roundId);
  const tasks = taskLightRows(db, { ...taskFilters, roundId }).map((t) => ({ id: t.id, planId: t.planId, status: t.status, light: lightOf(t) }));
  return count(plansInOrder(db, taskFilters.planIds), tasks, { pairs: () => taskUnitPairs(db, { ...taskFilters, roundId }) }, targets, opts);
}

/**
 * The same count over tasks already read with their lights and unit lists (a report holds its tasks): each task's
 * units are its lead and responsible units, trimmed, as entity_units holds them.
 */
export function tallyRead<T extends CountedTask & { leadUnits: string[]; responsibleUnits: string[] }>(db: DB, planIds: string[] | undefined,
  tasks: readonly T[], targets: TargetRow[], opts: TallyOptions = {}): Tally {
  const unitsOf = (t: T): string[] => {
    const out: string[] = [];
    for (const list of [t.leadUnits, t.responsibleUnits]) {
      for (const x of list) {
        const u = x.trim();
        if (u && !out.includes(u)) out.push(u);
      }
    }
    return out;
  };
  return count(plansInOrder(db, planIds), tasks, { of: unitsOf }, targets, opts);
}

/** A task's units: read with each task, or as (task, unit) pairs after all of them. */
type UnitsOf<T> = { of: (t: T) => readonly string[] } | { pairs: () => Iterable<[string, string]> };

function count<T extends CountedTask>(plans: { id: string; title: string }[], tasks: Iterable<T>, unitsOf: UnitsOf<T>,
  targets: TargetRow[], opts: TallyOptions): Tally {
  const byPlan = new Map(plans.map((p) => [p.id, emptyGroup(p.id, p.title)]));
  const total = emptyGroup('all', '全部');
  const byUnit = new Map<string, DashboardGroup>();
  const unit = (u: string) => {
    let g = byUnit.get(u);
    if (!g) byUnit.set(u, (g = emptyGroup(u, u)));
    return g;
  };
  const counting = opts.units !== false;
  const marks = new Map<string, TaskMark>();
  for (const t of tasks) {
    const m: TaskMark = { status: knownStatus(t.status), flag: t.light.flag, standing: taskStanding(t.status, t.light) };
    const g = byPlan.get(t.planId);
    if (g) addTask(g, m);
    addTask(total, m);
    if (!counting) continue;
    if ('pairs' in unitsOf) marks.set(t.id, m);
    else {
      // A task that names no unit counts under 未明确责任单位 rather than being dropped.
      const us = unitsOf.of(t);
      if (!us.length) addTask(unit(NO_UNIT), m);
      for (const u of us) addTask(unit(u), m);
    }
  }
  const targetStandings = targets.map(targetStanding);
  targets.forEach((t, i) => {
    const g = byPlan.get(t.planId);
    if (g) addTarget(g, t, targetStandings[i]);
    addTarget(total, t, targetStandings[i]);
  });
  if (counting) {
    if ('pairs' in unitsOf) {
      // Rows that name no unit count under 未明确责任单位 rather than being dropped.
      const named = new Set<string>();
      for (const [id, u] of unitsOf.pairs()) {
        const m = marks.get(id);
        if (m) { addTask(unit(u), m); named.add(id); }
      }
      for (const [id, m] of marks) if (!named.has(id)) addTask(unit(NO_UNIT), m);
    }
    targets.forEach((t, i) => {
      const named = t.responsibleUnits.map((x) => x.trim()).filter(Boolean);
      for (const u of new Set(named.length ? named : [NO_UNIT])) addTarget(unit(u), t, targetStandings[i]);
    });
  }
  const units = [...byUnit.values()].sort((a, b) => b.tasks.total + b.targets.total - (a.tasks.total + a.targets.total) || a.label.localeCompare(b.label, 'zh-CN'));
  const planGroups = [...byPlan.values()].filter((g) => opts.allPlans || g.tasks.total + g.targets.total > 0);
  return { byPlan: planGroups, byUnit: units, total };
}
