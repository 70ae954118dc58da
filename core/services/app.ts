// Services about the app: info, settings, saved views and the dashboard's counts.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { Dashboard } from '../../contract/app';
import { tally } from '../judgement/counts';
import { tableCounts } from '../../db/repos/counts';
import { latestVersion } from '../../db/migrations';
import { keptUntilChange } from '../../db/change-key';
import { getSetting, listViews, saveView, deleteView } from '../../db/repos/settings';
import { readSettings, writeSetting, roundOrThrow } from '../common/settings';
import { judgedTargets } from '../judgement/targets';
import { listUnits } from '../../db/repos/plans';
import { APP_VERSION } from '../common/version';

/** Tasks by status and targets by verdict, per plan and per responsible unit (lead and responsible both count). */
export function dashboard(db: DB, roundId: number, planIds?: string[]): Dashboard {
  roundOrThrow(db, roundId);
  const t = tally(db, roundId, { planIds }, judgedTargets(db, { roundId, planIds }).rows, { allPlans: true });
  return { roundId, ...t };
}

/** The unit list and the dashboard take a pass over every task: each is kept until the database changes. */
const keptUnits = keptUntilChange((db: DB) => listUnits(db));
const keptDashboard = keptUntilChange((db: DB, a: { roundId: number; planIds?: string[] }) => dashboard(db, a.roundId, a.planIds));

export const appHandlers: Pick<Handlers,
  'app.info' | 'settings.get' | 'settings.setThresholds' | 'settings.setLayout' | 'settings.setCurrentRound' | 'settings.setOffice' |
  'settings.setOperator' |
  'views.list' | 'views.save' | 'views.delete' | 'dashboard.summary' | 'units.list' | 'jobs.progress'> = {
  'app.info': (ctx) => ({ version: APP_VERSION, dbFile: ctx.dbFile, schemaVersion: latestVersion, transport: ctx.transport, counts: tableCounts(ctx.db) }),
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
  'settings.setOffice': (ctx, { office }) => {
    writeSetting(ctx.db, 'office', office.replace(/\s+/g, ' '));
    return readSettings(ctx.db);
  },
  'settings.setOperator': (ctx, { name }) => {
    writeSetting(ctx.db, 'operator', name.replace(/[\u0000-\u001f\u007f]/g, ''));
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
