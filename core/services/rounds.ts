// Evaluation rounds: list, create (optionally from an earlier round's values), rename or move the cut-off, delete.
import type { Handlers } from '../dispatch';
import { listRounds, insertRound, copyRoundValues, updateRound, deleteRound, findRoundByName } from '../../db/repos/rounds';
import { beginAction, recordCell } from '../../db/repos/history';
import { roundOrThrow, currentRound } from '../common/settings';
import { AppError, invalid } from '../common/errors';
import { safetyBackup } from './backups';

export const roundHandlers: Pick<Handlers, 'rounds.list' | 'rounds.create' | 'rounds.update' | 'rounds.delete'> = {
  'rounds.list': (ctx) => {
    currentRound(ctx.db);
    return listRounds(ctx.db);
  },
  'rounds.create': (ctx, { name, cutoff, copyFrom, kind }) => {
    if (findRoundByName(ctx.db, name)) throw invalid(`已有名为「${name}」的评估轮次`);
    if (copyFrom != null) roundOrThrow(ctx.db, copyFrom);
    return ctx.db.transaction(() => {
      const r = insertRound(ctx.db, name, cutoff, copyFrom ?? null, kind);
      const actionId = beginAction(ctx.db, { source: 'round', label: `新建评估轮次「${name}」`, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(r.id), r.id, 'created', null, `${name}(截至 ${cutoff})`);
      if (copyFrom != null) copyRoundValues(ctx.db, copyFrom, r.id);
      return r;
    })();
  },
  'rounds.update': (ctx, { id, name, cutoff, kind }) => {
    const before = roundOrThrow(ctx.db, id);
    if (name && name !== before.name && findRoundByName(ctx.db, name)) throw invalid(`已有名为「${name}」的评估轮次`);
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, { source: 'round', label: '修改评估轮次', state: 'final', client: ctx.client });
      if (name !== undefined && name !== before.name) recordCell(ctx.db, actionId, 'round', String(id), id, 'name', before.name, name);
      if (cutoff !== undefined && cutoff !== before.cutoff) recordCell(ctx.db, actionId, 'round', String(id), id, 'cutoff', before.cutoff, cutoff);
      if (kind !== undefined && kind !== before.kind) recordCell(ctx.db, actionId, 'round', String(id), id, 'kind', before.kind, kind);
      updateRound(ctx.db, id, { name, cutoff, kind });
      return roundOrThrow(ctx.db, id);
    })();
  },
  'rounds.delete': async (ctx, { id }) => {
    const r = roundOrThrow(ctx.db, id);
    if (listRounds(ctx.db).length <= 1) throw new AppError('invalid', '至少要保留一个评估轮次');
    await safetyBackup(ctx, 'before-delete-round');
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, { source: 'round', label: `删除评估轮次「${r.name}」`, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(id), id, 'deleted', `${r.name}(截至 ${r.cutoff})`, null);
      return { deleted: deleteRound(ctx.db, id) };
    })();
  },
};
