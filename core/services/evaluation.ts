// The evaluation of tasks and targets in a round: the grids' queries, one row, and edits (cells, paste, fill, bulk).
// An edit answers with exactly the rows the grid shows (with the comparison round's values), so one edit is one request;
// an actual that is saved but cannot be judged (not a number) comes back as a warning.
import type { Handlers } from '../dispatch';
import type { TargetRow } from '../../contract/model';
import { lightedTasks, lightedTask } from '../judgement/tasks';
import { judgedTargets } from '../judgement/targets';
import { applyEdits, requireRound } from '../write/edits';
import { notFound } from '../common/errors';

/** The warnings of the rows whose actual value or data date was just typed, each naming its target. */
function editWarnings(rows: TargetRow[], edits: { id: string; field: string }[]): string[] {
  const typed = new Set(edits.filter((e) => e.field === 'actual' || e.field === 'dataDate').map((e) => e.id));
  return rows.filter((r) => typed.has(r.id)).flatMap((r) => r.judgement.warnings.map((w) => `指标「${r.name}」:${w}`));
}

export const evaluationHandlers: Pick<Handlers,
  'tasks.query' | 'tasks.get' | 'tasks.edit' | 'tasks.bulkSet' | 'targets.query' | 'targets.get' | 'targets.edit' | 'targets.bulkSet'> = {
  'tasks.query': (ctx, args) => {
    requireRound(ctx.db, args.roundId);
    return lightedTasks(ctx.db, args);
  },
  'tasks.get': (ctx, { id, roundId, compareRoundId }) => {
    requireRound(ctx.db, roundId);
    const t = lightedTask(ctx.db, id, roundId, compareRoundId);
    if (!t) throw notFound('任务', id);
    return t;
  },
  'tasks.edit': (ctx, { roundId, compareRoundId, edits, source }) => {
    const changed = applyEdits(ctx.db, 'task', roundId, edits, { source, client: ctx.client });
    return { changed, rows: changed.tasks.length ? lightedTasks(ctx.db, { roundId, compareRoundId, ids: changed.tasks, full: true }).rows : [] };
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
    const rows = changed.targets.length ? judgedTargets(ctx.db, { roundId, compareRoundId, ids: changed.targets }).rows : [];
    return { changed, rows, warnings: editWarnings(rows, edits) };
  },
  'targets.bulkSet': (ctx, { roundId, ids, field, value }) => {
    const changed = applyEdits(ctx.db, 'target', roundId, ids.map((id) => ({ id, field, value })), { source: 'bulk', client: ctx.client });
    return { count: changed.targets.length, changed };
  },
};
