// Plans as a whole: the list, the chapter tree, and deleting a plan with its tasks and targets (after a backup).
import type { Handlers } from '../dispatch';
import { listPlans, planTree, planExists, planTitle, deletePlanRows } from '../../db/repos/plans';
import { beginAction, recordCell } from '../../db/repos/history';
import { notFound } from '../common/errors';
import { safetyBackup } from './backups';

export const planHandlers: Pick<Handlers, 'plans.list' | 'plans.tree' | 'plans.delete'> = {
  'plans.list': (ctx) => listPlans(ctx.db),
  'plans.tree': (ctx) => planTree(ctx.db),
  'plans.delete': async (ctx, { id }) => {
    if (!planExists(ctx.db, id)) throw notFound('规划', id);
    await safetyBackup(ctx, `before-delete-plan`);
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, { source: 'delete', label: '删除规划', detail: id, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'plan', id, null, 'deleted', planTitle(ctx.db, id), null);
      const gone = deletePlanRows(ctx.db, id);
      return { actionId, tasks: gone.tasks, targets: gone.targets, roundId: null };
    })();
  },
};
