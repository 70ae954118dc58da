// Correcting and completing the plans themselves: plan details, task and target definitions (typed, pasted, filled
// down; answered with the rows the grid shows), adding, deleting and moving rows. Every change is one undoable action.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { Changed } from '../../contract/model';
import { lightedTasks } from '../judgement/tasks';
import { listPlans } from '../../db/repos/plans';
import { judgedTargets } from '../judgement/targets';
import { applyDefinitions, defineLabel, type DefEdit } from '../write/definitions';
import { createRow, deleteRows, moveTasks } from '../write/rows';
import { requireRound } from '../write/edits';
import { notFound } from '../common/errors';

const SOURCE = 'define';

function define(db: DB, client: string, entity: 'task' | 'target', how: string, edits: { id: string; field: string; value: unknown }[]): Changed {
  const list: DefEdit[] = edits.map((e) => ({ entity, ...e }));
  return applyDefinitions(db, list, { source: SOURCE, label: defineLabel(how, list), client });
}

const taskRows = (db: DB, roundId: number, compareRoundId: number | undefined, ids: string[]) =>
  (ids.length ? lightedTasks(db, { roundId, compareRoundId, ids, full: true }).rows : []);
const targetRows = (db: DB, roundId: number, compareRoundId: number | undefined, ids: string[]) =>
  (ids.length ? judgedTargets(db, { roundId, compareRoundId, ids }).rows : []);

export const defineHandlers: Pick<Handlers,
  'plans.update' | 'tasks.define' | 'tasks.create' | 'tasks.delete' | 'tasks.move' | 'targets.define' | 'targets.create' | 'targets.delete'> = {
  'plans.update': (ctx, { id, changes }) => {
    const edits: DefEdit[] = Object.entries(changes).map(([field, value]) => ({ entity: 'plan', id, field, value }));
    if (!listPlans(ctx.db).some((p) => p.id === id)) throw notFound('规划', id);
    const changed = edits.length ? applyDefinitions(ctx.db, edits, { source: SOURCE, label: defineLabel('edit', edits), client: ctx.client })
      : { actionId: null, tasks: [], targets: [], roundId: null, plans: [] };
    return { plan: listPlans(ctx.db).find((p) => p.id === id)!, changed };
  },

  'tasks.define': (ctx, { roundId, compareRoundId, source, edits }) => {
    requireRound(ctx.db, roundId);
    const changed = define(ctx.db, ctx.client, 'task', source, edits);
    return { changed, rows: taskRows(ctx.db, roundId, compareRoundId, changed.tasks) };
  },
  'tasks.create': (ctx, { roundId, compareRoundId, planId, path, after, values }) => {
    requireRound(ctx.db, roundId);
    const { id, changed } = createRow(ctx.db, 'task', { planId, path, after, values }, { source: SOURCE, client: ctx.client });
    return { changed, row: taskRows(ctx.db, roundId, compareRoundId, [id])[0] };
  },
  'tasks.delete': (ctx, { ids, confirmed }) => ({ changed: deleteRows(ctx.db, 'task', ids, !!confirmed, { source: SOURCE, client: ctx.client }) }),
  'tasks.move': (ctx, { ids, path, before }) => ({ changed: moveTasks(ctx.db, ids, path, before, { source: SOURCE, client: ctx.client }) }),

  'targets.define': (ctx, { roundId, compareRoundId, source, edits }) => {
    requireRound(ctx.db, roundId);
    const changed = define(ctx.db, ctx.client, 'target', source, edits);
    return { changed, rows: targetRows(ctx.db, roundId, compareRoundId, changed.targets) };
  },
  'targets.create': (ctx, { roundId, compareRoundId, planId, after, values }) => {
    requireRound(ctx.db, roundId);
    const { id, changed } = createRow(ctx.db, 'target', { planId, after, values }, { source: SOURCE, client: ctx.client });
    return { changed, row: targetRows(ctx.db, roundId, compareRoundId, [id])[0] };
  },
  'targets.delete': (ctx, { ids, confirmed }) => ({ changed: deleteRows(ctx.db, 'target', ids, !!confirmed, { source: SOURCE, client: ctx.client }) }),
};
