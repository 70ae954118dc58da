// Services for plans, tasks, targets and rounds: queries for the grids and the edit operations.
import type { Handlers } from '../dispatch';
import { listPlans, planTree, planExists, deletePlanRows } from '../../db/repos/plans';
import { queryTasks, getTask } from '../../db/repos/tasks';
import { queryTargets } from '../../db/repos/targets';
import { listRounds, insertRound, copyRoundValues, updateRound, deleteRound, findRoundByName } from '../../db/repos/rounds';
import { beginAction, recordCell } from '../../db/repos/history';
import { applyEdits, requireRound } from './edits';
import { thresholds, roundOrThrow, currentRound } from './settings';
import { AppError, notFound, invalid } from '../errors';
import type { DB } from '../../db/connection';
import { safetyBackup } from './backups';
import type { TargetRow } from '../contract/model';

export function targetsFor(db: DB, args: Parameters<typeof queryTargets>[1]): { rows: TargetRow[]; total: number } {
  const round = roundOrThrow(db, args.roundId);
  return queryTargets(db, args, round.cutoff, thresholds(db));
}

export const dataHandlers: Pick<Handlers,
  'plans.list' | 'plans.tree' | 'plans.delete' | 'tasks.query' | 'tasks.get' | 'tasks.edit' | 'tasks.bulkSet' |
  'targets.query' | 'targets.get' | 'targets.edit' | 'targets.bulkSet' | 'rounds.list' | 'rounds.create' | 'rounds.update' | 'rounds.delete'> = {
  'plans.list': (ctx) => listPlans(ctx.db),
  'plans.tree': (ctx) => planTree(ctx.db),
  'plans.delete': async (ctx, { id }) => {
    if (!planExists(ctx.db, id)) throw notFound('规划', id);
    await safetyBackup(ctx, `before-delete-plan`);
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, 'delete', '删除规划', id, null, 'final');
      const title = (ctx.db.prepare('SELECT title FROM plans WHERE id = ?').get(id) as { title: string }).title;
      recordCell(ctx.db, actionId, 'plan', id, null, '删除', title, null);
      const gone = deletePlanRows(ctx.db, id);
      return { actionId, tasks: gone.tasks, targets: gone.targets, roundId: null };
    })();
  },

  'tasks.query': (ctx, args) => {
    requireRound(ctx.db, args.roundId);
    return queryTasks(ctx.db, args);
  },
  'tasks.get': (ctx, { id, roundId, compareRoundId }) => {
    requireRound(ctx.db, roundId);
    const t = getTask(ctx.db, id, roundId, compareRoundId);
    if (!t) throw notFound('任务', id);
    return t;
  },
  'tasks.edit': (ctx, { roundId, edits, source }) => {
    const changed = applyEdits(ctx.db, 'task', roundId, edits, { source });
    return { changed, rows: changed.tasks.length ? queryTasks(ctx.db, { roundId, ids: changed.tasks }).rows : [] };
  },
  'tasks.bulkSet': (ctx, { roundId, ids, field, value }) => {
    const changed = applyEdits(ctx.db, 'task', roundId, ids.map((id) => ({ id, field, value })), { source: 'bulk' });
    return { count: changed.tasks.length, changed };
  },

  'targets.query': (ctx, args) => targetsFor(ctx.db, args),
  'targets.get': (ctx, { id, roundId, compareRoundId }) => {
    const t = targetsFor(ctx.db, { roundId, compareRoundId, ids: [id] }).rows[0];
    if (!t) throw notFound('指标', id);
    return t;
  },
  'targets.edit': (ctx, { roundId, edits, source }) => {
    const changed = applyEdits(ctx.db, 'target', roundId, edits, { source });
    return { changed, rows: changed.targets.length ? targetsFor(ctx.db, { roundId, ids: changed.targets }).rows : [] };
  },
  'targets.bulkSet': (ctx, { roundId, ids, field, value }) => {
    const changed = applyEdits(ctx.db, 'target', roundId, ids.map((id) => ({ id, field, value })), { source: 'bulk' });
    return { count: changed.targets.length, changed };
  },

  'rounds.list': (ctx) => {
    currentRound(ctx.db);
    return listRounds(ctx.db);
  },
  'rounds.create': (ctx, { name, cutoff, copyFrom }) => {
    if (findRoundByName(ctx.db, name)) throw invalid(`已有名为「${name}」的评估轮次`);
    if (copyFrom != null) roundOrThrow(ctx.db, copyFrom);
    return ctx.db.transaction(() => {
      const r = insertRound(ctx.db, name, cutoff, copyFrom ?? null);
      const actionId = beginAction(ctx.db, 'round', `新建评估轮次「${name}」`, '', null, 'final');
      recordCell(ctx.db, actionId, 'round', String(r.id), r.id, '新建', null, `${name}(截至 ${cutoff})`);
      if (copyFrom != null) copyRoundValues(ctx.db, copyFrom, r.id);
      return r;
    })();
  },
  'rounds.update': (ctx, { id, name, cutoff }) => {
    const before = roundOrThrow(ctx.db, id);
    if (name && name !== before.name && findRoundByName(ctx.db, name)) throw invalid(`已有名为「${name}」的评估轮次`);
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, 'round', '修改评估轮次', '', null, 'final');
      if (name !== undefined && name !== before.name) recordCell(ctx.db, actionId, 'round', String(id), id, 'name', before.name, name);
      if (cutoff !== undefined && cutoff !== before.cutoff) recordCell(ctx.db, actionId, 'round', String(id), id, 'cutoff', before.cutoff, cutoff);
      updateRound(ctx.db, id, { name, cutoff });
      return roundOrThrow(ctx.db, id);
    })();
  },
  'rounds.delete': async (ctx, { id }) => {
    const r = roundOrThrow(ctx.db, id);
    if (listRounds(ctx.db).length <= 1) throw new AppError('invalid', '至少要保留一个评估轮次');
    await safetyBackup(ctx, 'before-delete-round');
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, 'round', `删除评估轮次「${r.name}」`, '', null, 'final');
      recordCell(ctx.db, actionId, 'round', String(id), id, '删除', `${r.name}(截至 ${r.cutoff})`, null);
      return { deleted: deleteRound(ctx.db, id) };
    })();
  },
};
