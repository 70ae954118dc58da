// Evaluation rounds: list, create (optionally from an earlier round's values), rename, move the cut-off or the default
// data date (数据截至), finalise (定稿: nothing accepted until reopened, the thresholds kept with it) and reopen, delete.
import type { Handlers } from '../dispatch';
import type { DB } from '../../db/connection';
import type { Context } from '../common/context';
import { listRounds, insertRound, copyRoundValues, updateRound, deleteRound, findRoundByName } from '../../db/repos/rounds';
import { beginAction, recordCell } from '../../db/repos/history';
import { getSetting, setSetting } from '../../db/repos/settings';
import { nowIso } from '../../db/json';
import { roundOrThrow, openRoundOrThrow, currentRound, thresholds, FROZEN_THRESHOLDS } from '../common/settings';
import { AppError, invalid } from '../common/errors';
import { safetyBackup } from './backups';

/** Records a change of the round's settings as one final action (not undoable: it is no evaluation value). */
function changeRound(ctx: Context, id: number, patch: { name?: string; cutoff?: string; dataDate?: string; kind?: string }) {
  const before = roundOrThrow(ctx.db, id);
  if (patch.name && patch.name !== before.name && findRoundByName(ctx.db, patch.name)) throw invalid(`已有名为「${patch.name}」的评估轮次`);
  const moves = (patch.cutoff !== undefined && patch.cutoff !== before.cutoff) || (patch.dataDate !== undefined && patch.dataDate !== before.dataDate);
  if (moves) openRoundOrThrow(ctx.db, id, '修改截止日期或数据截至日期');
  return ctx.db.transaction(() => {
    const actionId = beginAction(ctx.db, { source: 'round', label: '修改评估轮次', state: 'final', client: ctx.client });
    for (const field of ['name', 'cutoff', 'dataDate', 'kind'] as const) {
      if (patch[field] !== undefined && patch[field] !== before[field]) recordCell(ctx.db, actionId, 'round', String(id), id, field, before[field], patch[field]);
    }
    updateRound(ctx.db, id, patch);
    return roundOrThrow(ctx.db, id);
  })();
}

function frozen(db: DB): Record<string, unknown> {
  return getSetting<Record<string, unknown>>(db, FROZEN_THRESHOLDS, {});
}

export const roundHandlers: Pick<Handlers, 'rounds.list' | 'rounds.create' | 'rounds.update' | 'rounds.delete' | 'rounds.setDataDate' | 'rounds.finalize' | 'rounds.reopen'> = {
  'rounds.list': (ctx) => {
    currentRound(ctx.db);
    return listRounds(ctx.db);
  },
  'rounds.create': (ctx, { name, cutoff, copyFrom, dataDate, kind }) => {
    if (findRoundByName(ctx.db, name)) throw invalid(`已有名为「${name}」的评估轮次`);
    if (copyFrom != null) roundOrThrow(ctx.db, copyFrom);
    return ctx.db.transaction(() => {
      const r = insertRound(ctx.db, name, cutoff, copyFrom ?? null, { dataDate, kind });
      const actionId = beginAction(ctx.db, { source: 'round', label: `新建评估轮次「${name}」`, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(r.id), r.id, 'created', null, `${name}(截至 ${cutoff}${dataDate ? `,数据截至 ${dataDate}` : ''})`);
      if (copyFrom != null) copyRoundValues(ctx.db, copyFrom, r.id);
      return r;
    })();
  },
  'rounds.update': (ctx, { id, name, cutoff, dataDate, kind }) => changeRound(ctx, id, { name, cutoff, dataDate, kind }),
  'rounds.setDataDate': (ctx, { id, dataDate }) => changeRound(ctx, id, { dataDate }),
  'rounds.finalize': (ctx, { id, reason }) => {
    const r = roundOrThrow(ctx.db, id);
    if (r.finalizedAt) throw invalid(`评估轮次「${r.name}」已于${r.finalizedAt.slice(0, 10)}定稿`);
    return ctx.db.transaction(() => {
      const at = nowIso();
      const actionId = beginAction(ctx.db, { source: 'finalize', label: `评估轮次「${r.name}」定稿`, detail: reason, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(id), id, 'finalizedAt', '', at);
      setSetting(ctx.db, FROZEN_THRESHOLDS, { ...frozen(ctx.db), [String(id)]: thresholds(ctx.db) });
      updateRound(ctx.db, id, { finalizedAt: at });
      return roundOrThrow(ctx.db, id);
    })();
  },
  'rounds.reopen': (ctx, { id, reason }) => {
    const r = roundOrThrow(ctx.db, id);
    if (!r.finalizedAt) throw invalid(`评估轮次「${r.name}」尚未定稿`);
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, { source: 'finalize', label: `撤销评估轮次「${r.name}」的定稿`, detail: reason, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(id), id, 'finalizedAt', r.finalizedAt, '');
      const { [String(id)]: _dropped, ...rest } = frozen(ctx.db);
      setSetting(ctx.db, FROZEN_THRESHOLDS, rest);
      updateRound(ctx.db, id, { finalizedAt: '' });
      return roundOrThrow(ctx.db, id);
    })();
  },
  'rounds.delete': async (ctx, { id }) => {
    const r = openRoundOrThrow(ctx.db, id, '删除');
    if (listRounds(ctx.db).length <= 1) throw new AppError('invalid', '至少要保留一个评估轮次');
    await safetyBackup(ctx, 'before-delete-round');
    return ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, { source: 'round', label: `删除评估轮次「${r.name}」`, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(id), id, 'deleted', `${r.name}(截至 ${r.cutoff})`, null);
      return { deleted: deleteRound(ctx.db, id) };
    })();
  },
};
