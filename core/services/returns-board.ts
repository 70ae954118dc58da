// The returns board: who has answered and who is late, the round's deadline, the 催报 list as Excel, contacts the
// planner enters for a return, and every unit's own inputs side by side with the final text composed from them.
import type { Handlers } from '../dispatch';
import { invalid, notFound } from '../common/errors';
import { roundOrThrow } from '../common/settings';
import { outputPath, written, stampForFile } from './uploads';
import { safeFileName } from '../xlsx/text';
import { returnsBoard } from '../returns/board';
import { writeReminders } from '../returns/reminders';
import { rowInputsView, sharedTasks } from '../returns/inputs';
import { checkContacts, contactsBlock, today } from '../returns/contacts';
import { applyEdits, readField } from '../write/edits';
import { FIELD_LABELS } from '../../contract/labels';
import { asText, beginAction, recordCell } from '../../db/repos/history';
import { getReceived, setContacts, setReturnsDue, returnsDue } from '../../db/repos/returns-received';
import { rowHeaders } from '../../db/repos/returns';

export const returnsBoardHandlers: Pick<Handlers, 'returns.board' | 'returns.setDue' | 'returns.setContacts' | 'returns.inputs' |
  'returns.shared' | 'returns.compose' | 'export.reminders'> = {
  'returns.board': (ctx, { roundId }) => returnsBoard(ctx.db, roundId),

  'returns.setDue': (ctx, { roundId, due }) => {
    const round = roundOrThrow(ctx.db, roundId);
    const before = returnsDue(ctx.db, roundId);
    if (before === due) return { due };
    ctx.db.transaction(() => {
      const actionId = beginAction(ctx.db, { source: 'round', label: `设置「${round.name}」的报送截止日期`, state: 'final', client: ctx.client });
      recordCell(ctx.db, actionId, 'round', String(roundId), roundId, 'returnsDue', before || null, due || null);
      setReturnsDue(ctx.db, roundId, due);
    })();
    return { due };
  },

  'returns.setContacts': (ctx, { receivedId, ...typed }) => {
    const rec = getReceived(ctx.db, receivedId);
    if (!rec) throw notFound('回收的填报表', receivedId);
    const check = checkContacts(typed, today());
    if (check.problems.length) throw invalid(`${check.problems.join(';')}。未保存。`);
    ctx.db.transaction(() => setContacts(ctx.db, receivedId, check.contacts))();
    return { contacts: check.contacts, blocked: contactsBlock(check) };
  },

  'returns.inputs': (ctx, { roundId, entity, id }) => {
    roundOrThrow(ctx.db, roundId);
    return rowInputsView(ctx.db, roundId, entity, id);
  },
  'returns.shared': (ctx, { roundId }) => {
    roundOrThrow(ctx.db, roundId);
    return sharedTasks(ctx.db, roundId);
  },

  'returns.compose': (ctx, { roundId, id, field, value, units }) => {
    roundOrThrow(ctx.db, roundId);
    const head = rowHeaders(ctx.db, 'task', [id]).get(id);
    if (!head) throw notFound('任务', id);
    const view = rowInputsView(ctx.db, roundId, 'task', id);
    const stranger = units.filter((u) => !view.units.some((v) => v.unit === u));
    if (stranger.length) throw invalid(`「${stranger.join('、')}」不是任务「${head.title}」的牵头或责任单位,也没有报送它的填报`);
    const how = units.length === 1 ? `采用${units[0]}的填报` : `合并${units.join('、')}的填报`;
    const changed = applyEdits(ctx.db, 'task', roundId, [{ id, field, value }], {
      source: 'return', label: `${FIELD_LABELS[field] ?? field}:${how}`, detail: `「${head.title}」${how}`, client: ctx.client,
    });
    return { value: asText(readField(ctx.db, 'task', roundId, id, field)), changed };
  },

  'export.reminders': async (ctx, { roundId, out }) => {
    const board = returnsBoard(ctx.db, roundId);
    const file = outputPath(ctx, out, `${safeFileName(`催报名单-${board.roundName}`)}-${stampForFile()}.xlsx`);
    const units = await writeReminders(board, file);
    return { ...written(ctx, file, units), units };
  },
};
