// The evaluation of tasks and targets in a round: the grids' queries, one row, and edits (cells, paste, fill, bulk).
// An edit answers with exactly the rows the grid shows (with the comparison round's values), so one edit is one request.
import type { Handlers } from '../dispatch';
import { queryTasks, getTask } from '../../db/repos/tasks';
import { judgedTargets } from '../judgement/targets';
import { applyEdits, requireRound } from '../write/edits';
import { notFound } from '../common/errors';

export const evaluationHandlers: Pick<Handlers,
  'tasks.query' | 'tasks.get' | 'tasks.edit' | 'tasks.bulkSet' | 'targets.query' | 'targets.get' | 'targets.edit' | 'targets.bulkSet'> = {
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
  'tasks.edit': (ctx, { roundId, compareRoundId, edits, source }) => {
    const changed = applyEdits(ctx.db, 'task', roundId, edits, { source, client: ctx.client });
    return { changed, rows: changed.tasks.length ? queryTasks(ctx.db, { roundId, compareRoundId, ids: changed.tasks, full: true }).rows : [] };
  },
  'tasks.bulkSet': (ctx, { roundId, ids, field, value }) => {
    const changed = applyEdits(ctx.db, 'task', roundId, ids.map((id) => ({ id, field, value })), { source: 'bulk', client: ctx.client });
    return { count: changed.tasks.length, changed };
  },

  'targets.query': (ctx, args) => judgedTargets(ctx.db, args),
  'targets.get': (ctx, { id, roundId, compareRoundId }) => {
    const t = judgedTargets(ctx.db, { roundId, compareRoundId, ids: [id] }).rows[0];
    if (!t) throw notFound('指标', id);
    return t;
  },
  'targets.edit': (ctx, { roundId, compareRoundId, edits, source }) => {
    const changed = applyEdits(ctx.db, 'target', roundId, edits, { source, client: ctx.client });
    return { changed, rows: changed.targets.length ? judgedTargets(ctx.db, { roundId, compareRoundId, ids: changed.targets }).rows : [] };
  },
  'targets.bulkSet': (ctx, { roundId, ids, field, value }) => {
    const changed = applyEdits(ctx.db, 'target', roundId, ids.map((id) => ({ id, field, value })), { source: 'bulk', client: ctx.client });
    return { count: changed.targets.length, changed };
  },
};
