// A finalised round (定稿) on real SQLite: every way into it is refused with a Chinese message and changes nothing
// (cell edits, bulk, undo, restore, returns, moving its dates, deleting it), the thresholds it was judged with stay with
// it, and reopening it (with a reason, kept in the history) lets edits in again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { call, dispatch } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { fileIn } from '../helpers/files';
import { exportReturn, openBook, put, putContacts, saveAs } from '../helpers/returns';

const refused = async (p: Promise<unknown>): Promise<string> => {
  const e = await p.then(() => null, (err: Error) => err);
  assert.ok(e, 'refused');
  return e.message;
};

test('a finalised round takes no edit and no return until it is reopened, with the reasons in the history', async () => {
  const f = makeFixture();
  try {
    const { ctx, roundId } = f;
    await call(ctx, 'tasks.edit', { roundId, source: 'edit', edits: [{ id: 't-1', field: 'evidence', value: '定稿前的进展' }] });
    const historyId = ctx.db.prepare(`SELECT id FROM history WHERE entity_id = 't-1' AND field = 'evidence' ORDER BY id DESC LIMIT 1`).pluck().get() as number;
    // A return exported and filled before the round is finalised.
    const wb = await openBook(await exportReturn(ctx, roundId, UNITS.GX, path.join(f.dir, 'out')));
    put(wb, '重点任务', 't-3', '进展情况', '单位回填的进展');
    putContacts(wb);
    const filled = await saveAs(wb, path.join(f.dir, '回收.xlsx'), '已填');
    const preview = await call(ctx, 'returns.preview', { files: [fileIn(ctx, filled)] });
    assert.ok(preview.rows.length > 0);

    await call(ctx, 'settings.setThresholds', { yellow: 5, red: 20, dueSoonDays: 10 });
    const noReason = await dispatch(ctx, 'rounds.finalize', { id: roundId, reason: '  ' });
    assert.equal(noReason.ok, false);
    const fin = await call(ctx, 'rounds.finalize', { id: roundId, reason: '报区政府审定稿' });
    assert.ok(fin.finalizedAt);
    assert.match(await refused(call(ctx, 'rounds.finalize', { id: roundId, reason: '再次' })), /已于.*定稿/);

    const evals = () => JSON.stringify([ctx.db.prepare('SELECT * FROM task_evals WHERE round_id = ? ORDER BY task_id').all(roundId),
      ctx.db.prepare('SELECT * FROM target_evals WHERE round_id = ? ORDER BY target_id').all(roundId)]);
    const cells = () => ctx.db.prepare(`SELECT count(*) FROM history WHERE round_id = ? AND entity IN ('task', 'target')`).pluck().get(roundId);
    const evalsBefore = evals();
    const cellsBefore = cells();
    const msg = await refused(call(ctx, 'tasks.edit', { roundId, source: 'edit', edits: [{ id: 't-1', field: 'evidence', value: '定稿后的修改' }] }));
    assert.match(msg, /评估轮次「2023年中期评估」已于\d{4}-\d{2}-\d{2}定稿，不能修改。如需修改，请先在“评估轮次”中撤销定稿并说明原因。/);
    await refused(call(ctx, 'targets.edit', { roundId, source: 'paste', edits: [{ id: 'g-qy', field: 'actual', value: '2000' }] }));
    await refused(call(ctx, 'tasks.bulkSet', { roundId, ids: ['t-1', 't-2'], field: 'status', value: '序时推进' }));
    await refused(call(ctx, 'targets.bulkSet', { roundId, ids: ['g-qy'], field: 'dataDate', value: '2022-12-31' }));
    assert.match(await refused(call(ctx, 'history.undo', {})), /不能撤销这一步/);
    await refused(call(ctx, 'history.restore', { historyId, which: 'old' }));
    assert.match(await refused(call(ctx, 'returns.apply', { previewId: preview.previewId, accept: 'all' })), /不能接受回收填报/);
    assert.match(await refused(call(ctx, 'rounds.update', { id: roundId, cutoff: '2023-12-31' })), /不能修改截止日期或数据截至日期/);
    await refused(call(ctx, 'rounds.setDataDate', { id: roundId, dataDate: '2022-12-31' }));
    await call(ctx, 'rounds.create', { name: '另一轮', cutoff: '2024-06-30' });
    assert.match(await refused(call(ctx, 'rounds.delete', { id: roundId })), /不能删除/);
    // The thresholds it was finalised with stay with it; another round follows the settings.
    const frozen = (await call(ctx, 'targets.query', { roundId })).rows.map((r) => r.judgement.flag);
    await call(ctx, 'settings.setThresholds', { yellow: 50, red: 90, dueSoonDays: 100 });
    assert.deepEqual((await call(ctx, 'targets.query', { roundId })).rows.map((r) => r.judgement.flag), frozen);
    // Nothing of the evaluations or their history changed.
    assert.equal(evals(), evalsBefore);
    assert.equal(cells(), cellsBefore);

    const reopened = await call(ctx, 'rounds.reopen', { id: roundId, reason: '区政府要求补充数据' });
    assert.equal(reopened.finalizedAt, '');
    assert.equal(evals(), evalsBefore);
    assert.notDeepEqual((await call(ctx, 'targets.query', { roundId })).rows.map((r) => r.judgement.flag), frozen, 'reopened, it follows the settings again');
    await call(ctx, 'tasks.edit', { roundId, source: 'edit', edits: [{ id: 't-1', field: 'evidence', value: '重新打开后的修改' }] });
    const applied = await call(ctx, 'returns.apply', { previewId: preview.previewId, accept: 'all' });
    assert.equal(applied.appliedRows, 1);
    assert.deepEqual((await call(ctx, 'settings.get', {})).thresholds, { yellow: 50, red: 90, dueSoonDays: 100 });

    const actions = (await call(ctx, 'history.actions', { limit: 50 })).filter((a) => a.source === 'finalize');
    assert.deepEqual(actions.map((a) => [a.label, a.detail]), [
      ['撤销评估轮次「2023年中期评估」的定稿', '区政府要求补充数据'], ['评估轮次「2023年中期评估」定稿', '报区政府审定稿']]);
  } finally {
    f.close();
  }
});
