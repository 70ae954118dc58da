// The returns board over two rounds: the deadline set (and recorded), a unit issued a workbook again, one not returned
// past the deadline, and the 催报 list naming them with the contacts they gave in the round before.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { call, dispatch } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { fileIn, outTo } from '../helpers/files';
import { exportReturn, openBook, put, putContacts, saveAs, CONTACTS_OK } from '../helpers/returns';

test('board over two rounds: deadline, issue again, 逾期未报, and the 催报 list with last round\'s contacts', async () => {
  const f = makeFixture();
  const { GX, KJ, FG } = UNITS;
  try {
    const first = f.roundId;
    for (const [unit, filler] of [[GX, '张明'], [KJ, '赵敏']] as const) {
      const wb = await openBook(await exportReturn(f.ctx, first, unit, path.join(f.dir, 'r1')));
      putContacts(wb, { ...CONTACTS_OK, filler, phone: unit === KJ ? '023-61112222' : CONTACTS_OK.phone });
      await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(wb, path.join(f.dir, 'r1', `${unit}.xlsx`), '回收'))] });
    }
    const next = (await call(f.ctx, 'rounds.create', { name: '2024年度评估', cutoff: '2024-12-31', copyFrom: first })).id;
    assert.deepEqual(await call(f.ctx, 'returns.setDue', { roundId: next, due: '2025-01-20' }), { due: '2025-01-20' });
    const recorded = f.ctx.db.prepare(`SELECT h.field, h.old_value, h.new_value, a.source FROM history h JOIN actions a ON a.id = h.action_id ORDER BY h.id DESC LIMIT 1`).get();
    assert.deepEqual(recorded, { field: 'returnsDue', old_value: null, new_value: '2025-01-20', source: 'round' });
    const bad = await dispatch(f.ctx, 'returns.setDue', { roundId: next, due: '2025年1月20日' });
    assert.equal(bad.ok, false);

    const gx = await exportReturn(f.ctx, next, GX, path.join(f.dir, 'r2'));
    const kj = await exportReturn(f.ctx, next, KJ, path.join(f.dir, 'r2'));
    await exportReturn(f.ctx, next, FG, path.join(f.dir, 'r2'));
    let wb = await openBook(gx);
    putContacts(wb, { ...CONTACTS_OK, filledOn: '2025-01-18' });
    put(wb, '重点任务', 't-3', '进展情况', '年度目标全部完成。');
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(wb, gx, '回收'))] });
    wb = await openBook(kj);
    putContacts(wb, { ...CONTACTS_OK, filler: '赵敏', filledOn: '2025-01-25' });
    await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(wb, kj, '回收'))] });
    // 科技局 asks for a new workbook after sending one: it is issued again and waited for.
    await exportReturn(f.ctx, next, KJ, path.join(f.dir, 'r3'));

    let board = await call(f.ctx, 'returns.board', { roundId: next });
    const u = (b: typeof board, unit: string) => b.units.find((x) => x.unit === unit)!;
    assert.equal(board.due, '2025-01-20');
    assert.deepEqual([u(board, GX).state, u(board, GX).late, u(board, GX).pendingRows, u(board, GX).changedRows], ['pending', false, 1, 1]);
    assert.deepEqual([u(board, KJ).state, u(board, KJ).issued!.times, u(board, KJ).late, u(board, KJ).daysLate], ['reissued', 2, true, 5]);
    assert.deepEqual([u(board, FG).state, u(board, FG).returned, u(board, FG).lastContacts], ['overdue', null, null]);
    assert.deepEqual(u(board, KJ).lastContacts, { filler: '赵敏', phone: '023-61112222', reviewer: CONTACTS_OK.reviewer, filledOn: CONTACTS_OK.filledOn, round: '2023年中期评估' });
    assert.equal(u(board, UNITS.TJ).state, 'not_issued');

    await call(f.ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    board = await call(f.ctx, 'returns.board', { roundId: next });
    assert.deepEqual([u(board, GX).state, u(board, GX).pendingRows, u(board, GX).appliedRows], ['applied', 0, 1]);
    assert.deepEqual(board.totals, { units: 4, issued: 3, returned: 2, late: 1, overdue: 1, pending: 0, applied: 1 });

    const file = path.join(f.dir, '催报.xlsx');
    const r = await call(f.ctx, 'export.reminders', { roundId: next, out: outTo(f.ctx, file) });
    assert.equal(r.units, 2);
    const ws = (await openBook(file)).getWorksheet('催报名单')!;
    assert.equal(ws.getCell('A1').value, '2024年度评估填报表催报名单');
    const lines = [4, 5].map((n) => ws.getRow(n).values as unknown[]);
    const byUnit = new Map(lines.map((l) => [String(l[2]), l]));
    assert.deepEqual([byUnit.get(KJ)![7], byUnit.get(KJ)![8], byUnit.get(KJ)![9], byUnit.get(KJ)![10]], ['已重新下发', '赵敏', '023-61112222', CONTACTS_OK.reviewer]);
    assert.match(String(byUnit.get(FG)![7]), /^逾期 \d+ 天$/);
  } finally {
    f.close();
  }
});
