// Services about the app: info, settings, saved views and the dashboard's counts.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { DashboardGroup, Dashboard } from '../contract/app';
import { TASK_STATUSES, VERDICTS, type TaskStatus, type Verdict } from '../contract/model';
import { latestVersion } from '../../db/migrations';
import { keptUntilChange } from '../../db/change-key';
import { getSetting, listViews, saveView, deleteView } from '../../db/repos/settings';
import { readSettings, writeSetting, roundOrThrow } from './settings';
import { targetsFor } from './data';
import { listUnits } from '../../db/repos/plans';
import { APP_VERSION } from '../version';

function emptyGroup(key: string, label: string): DashboardGroup {
  const tasks = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const targets = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  return { key, label, tasks: { ...tasks, total: 0 }, targets: { ...targets, total: 0 } };
}

/** Tasks by status and targets by verdict, per plan and per responsible unit (lead and responsible both count). */
export function dashboard(db: DB, roundId: number, planIds?: string[]): Dashboard {
  roundOrThrow(db, roundId);
  const planFilter = planIds?.length ? 'AND t.plan_id IN (SELECT value FROM json_each(@plans))' : '';
  const params = planIds?.length ? { round: roundId, plans: JSON.stringify(planIds) } : { round: roundId };
  const plans = db.prepare(`SELECT id, title FROM plans ${planIds?.length ? 'WHERE id IN (SELECT value FROM json_each(@plans))' : ''} ORDER BY seq, id`)
    .all(planIds?.length ? { plans: JSON.stringify(planIds) } : {}) as { id: string; title: string }[];
  const byPlan = new Map(plans.map((p) => [p.id, emptyGroup(p.id, p.title)]));
  const byUnit = new Map<string, DashboardGroup>();
  const total = emptyGroup('all', '全部');

  const taskCounts = db.prepare(`SELECT t.plan_id AS k, COALESCE(e.status, '待评估') AS s, count(*) AS n FROM tasks t
    LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = @round WHERE 1 ${planFilter} GROUP BY k, s`).all(params) as { k: string; s: TaskStatus; n: number }[];
  for (const r of taskCounts) {
    const g = byPlan.get(r.k);
    if (g) { g.tasks[r.s] += r.n; g.tasks.total += r.n; }
    total.tasks[r.s] += r.n;
    total.tasks.total += r.n;
  }
  const unitCounts = db.prepare(`SELECT u.unit AS k, COALESCE(e.status, '待评估') AS s, count(DISTINCT t.id) AS n FROM tasks t
    JOIN entity_units u ON u.entity = 'task' AND u.entity_id = t.id
    LEFT JOIN task_evals e ON e.task_id = t.id AND e.round_id = @round WHERE 1 ${planFilter} GROUP BY k, s`).all(params) as { k: string; s: TaskStatus; n: number }[];
  for (const r of unitCounts) {
    let g = byUnit.get(r.k);
    if (!g) byUnit.set(r.k, (g = emptyGroup(r.k, r.k)));
    g.tasks[r.s] += r.n;
    g.tasks.total += r.n;
  }
  const targets = targetsFor(db, { roundId, planIds }).rows;
  for (const t of targets) {
    const v = t.judgement.verdict;
    const g = byPlan.get(t.planId);
    if (g) { g.targets[v]++; g.targets.total++; }
    total.targets[v]++;
    total.targets.total++;
    for (const u of new Set(t.responsibleUnits)) {
      let ug = byUnit.get(u);
      if (!ug) byUnit.set(u, (ug = emptyGroup(u, u)));
      ug.targets[v]++;
      ug.targets.total++;
    }
  }
  const units = [...byUnit.values()].sort((a, b) => b.tasks.total + b.targets.total - (a.tasks.total + a.targets.total) || a.label.localeCompare(b.label, 'zh-CN'));
  return { roundId, byPlan: [...byPlan.values()], byUnit: units, total };
}

/** The unit list and the dashboard take a pass over every task: each is kept until the database changes. */
const keptUnits = keptUntilChange((db: DB) => listUnits(db));
const keptDashboard = keptUntilChange((db: DB, a: { roundId: number; planIds?: string[] }) => dashboard(db, a.roundId, a.planIds));

export const appHandlers: Pick<Handlers,
  'app.info' | 'settings.get' | 'settings.setThresholds' | 'settings.setLayout' | 'settings.setCurrentRound' |
  'views.list' | 'views.save' | 'views.delete' | 'dashboard.summary' | 'units.list' | 'jobs.progress'> = {
  'app.info': (ctx) => {
    const n = (sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;
    return {
      version: APP_VERSION, dbFile: ctx.dbFile, schemaVersion: latestVersion, transport: ctx.transport,
      counts: {
        plans: n('SELECT count(*) AS n FROM plans'), tasks: n('SELECT count(*) AS n FROM tasks'),
        targets: n('SELECT count(*) AS n FROM targets'), rounds: n('SELECT count(*) AS n FROM rounds'),
      },
    };
  },
  'settings.get': (ctx) => readSettings(ctx.db),
  'settings.setThresholds': (ctx, t) => {
    writeSetting(ctx.db, 'thresholds', { yellow: t.yellow, red: t.red });
    return readSettings(ctx.db);
  },
  'settings.setLayout': (ctx, { grid, layout }) => {
    const layouts = getSetting<Record<string, unknown>>(ctx.db, 'layouts', {});
    writeSetting(ctx.db, 'layouts', { ...layouts, [grid]: layout });
    return readSettings(ctx.db);
  },
  'settings.setCurrentRound': (ctx, { roundId }) => {
    roundOrThrow(ctx.db, roundId);
    writeSetting(ctx.db, 'currentRoundId', roundId);
    return readSettings(ctx.db);
  },
  'views.list': (ctx, { grid }) => listViews(ctx.db, grid).map((v) => ({ id: v.id, grid: v.grid, name: v.name, state: JSON.parse(v.state), createdAt: v.created_at })),
  'views.save': (ctx, { grid, name, state }) => {
    const v = ctx.db.transaction(() => saveView(ctx.db, grid, name, state))();
    return { id: v.id, grid: v.grid, name: v.name, state: JSON.parse(v.state), createdAt: v.created_at };
  },
  'views.delete': (ctx, { id }) => ({ deleted: ctx.db.transaction(() => deleteView(ctx.db, id))() }),
  'dashboard.summary': (ctx, { roundId, planIds }) => keptDashboard(ctx.db, { roundId, planIds }),
  'units.list': (ctx) => keptUnits(ctx.db, undefined),
  'jobs.progress': (ctx, { op }) => ctx.jobs.get(op) ?? null,
};
