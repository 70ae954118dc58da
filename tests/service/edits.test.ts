// The one write path for evaluations against a real SQLite file: edits, bulk changes, refusals, undo and redo, restoring
// an earlier value, verdict overrides.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch, call } from '../../core/dispatch';
import { fixtureDb, snapshot } from '../helpers/db';

test('a status edit is saved and lands in the history in the same step', async () => {
  const t = fixtureDb();
  const r = await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
  assert.equal(r.rows[0].eval.status, '滞后');
  const got = await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId });
  assert.equal(got.eval.status, '滞后');
  const h = await call(t.ctx, 'history.entity', { entity: 'task', id: 'fx-t1' });
  assert.equal(h.length, 1);
  assert.deepEqual([h[0].field, h[0].oldValue, h[0].newValue, h[0].source], ['status', '待评估', '滞后', 'edit']);
  assert.ok(h[0].at.startsWith(new Date().getFullYear().toString()));
  t.close();
});

test('an edit that does not change the value records nothing', async () => {
  const t = fixtureDb();
  const r = await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '待评估' }] });
  assert.equal(r.changed.actionId, null);
  assert.equal((t.db.prepare(`SELECT count(*) AS n FROM history WHERE entity = 'task'`).get() as { n: number }).n, 0);
  t.close();
});

test('bad values, unknown rows, unknown operations and bad arguments change nothing and explain in Chinese', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t2', field: 'note', value: '已有备注' }] });
  const before = snapshot(t.db);
  const cases: [string, unknown, RegExp][] = [
    ['tasks.edit', { roundId: t.roundId, source: 'paste', edits: [{ id: 'fx-t1', field: 'note', value: '好' }, { id: 'fx-t2', field: 'status', value: '差不多' }] }, /第 2 个单元格.*不是有效的评估状态/],
    ['tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'progress', value: '120' }] }, /进度应为 0 到 100/],
    ['tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'no-such', field: 'status', value: '滞后' }] }, /找不到任务/],
    ['tasks.edit', { roundId: 999, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] }, /找不到评估轮次/],
    ['tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'title', value: 'x' }] }, /参数不正确/],
    ['tasks.drop', {}, /未知的操作/],
    ['targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'verdictOverride', value: '很好' }] }, /不是有效的评估结论/],
    ['rounds.create', { name: '2023年中期评估', cutoff: '2023-12-31' }, /已有名为/],
    ['rounds.create', { name: '新一轮', cutoff: '2023/12/31' }, /截止日期应为 YYYY-MM-DD/],
  ];
  for (const [op, args, msg] of cases) {
    const r = await dispatch(t.ctx, op, args);
    assert.equal(r.ok, false, `${op} should fail`);
    if (!r.ok) assert.match(r.error.message, msg);
  }
  assert.equal(snapshot(t.db), before);
  t.close();
});

test('bulk set changes many rows as one step that undo and redo treat as one', async () => {
  const t = fixtureDb();
  const ids = ['fx-t1', 'fx-t2', 'fx-t3', 'fx-m1'];
  const r = await call(t.ctx, 'tasks.bulkSet', { roundId: t.roundId, ids, field: 'status', value: '序时推进' });
  assert.equal(r.count, 4);
  const statuses = async () => (await call(t.ctx, 'tasks.query', { roundId: t.roundId, ids })).rows.map((x) => x.eval.status);
  assert.deepEqual(await statuses(), ['序时推进', '序时推进', '序时推进', '序时推进']);
  const u = await call(t.ctx, 'history.undo', {});
  assert.equal(u.changed.tasks.length, 4);
  assert.deepEqual(await statuses(), ['待评估', '待评估', '待评估', '待评估']);
  await call(t.ctx, 'history.redo', {});
  assert.deepEqual(await statuses(), ['序时推进', '序时推进', '序时推进', '序时推进']);
  t.close();
});

test('undo walks back step by step, redo forward, and a new edit clears redo', async () => {
  const t = fixtureDb();
  const set = (value: string) => call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value }] });
  const status = async () => (await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status;
  await set('未启动');
  await set('序时推进');
  await set('已完成');
  await call(t.ctx, 'history.undo', {});
  assert.equal(await status(), '序时推进');
  await call(t.ctx, 'history.undo', {});
  assert.equal(await status(), '未启动');
  await call(t.ctx, 'history.redo', {});
  assert.equal(await status(), '序时推进');
  await set('滞后');
  const redo = await call(t.ctx, 'history.redo', {});
  assert.equal(redo.action, null, 'nothing to redo after a new edit');
  assert.equal(await status(), '滞后');
  await call(t.ctx, 'history.undo', {});
  await call(t.ctx, 'history.undo', {});
  await call(t.ctx, 'history.undo', {});
  assert.equal(await status(), '待评估');
  const none = await call(t.ctx, 'history.undo', {});
  assert.equal(none.action, null);
  t.close();
});

test('an earlier value is restored from the history in one step, itself recorded and undoable', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t2', field: 'evidence', value: '已引进设计企业6家' }] });
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t2', field: 'evidence', value: '误填' }] });
  const h = await call(t.ctx, 'history.entity', { entity: 'task', id: 'fx-t2' });
  const wrong = h.find((x) => x.newValue === '误填')!;
  await call(t.ctx, 'history.restore', { historyId: wrong.id });
  assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t2', roundId: t.roundId })).eval.evidence, '已引进设计企业6家');
  const after = await call(t.ctx, 'history.entity', { entity: 'task', id: 'fx-t2' });
  assert.equal(after[0].source, 'restore');
  await call(t.ctx, 'history.undo', {});
  assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t2', roundId: t.roundId })).eval.evidence, '误填');
  t.close();
});

test('overriding a target verdict needs a reason; the computed verdict stays beside the override', async () => {
  const t = fixtureDb();
  const before = snapshot(t.db);
  const bad = await dispatch(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'verdictOverride', value: '滞后' }] });
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.error.message, /规上工业总产值.*须填写调整理由/);
  assert.equal(snapshot(t.db), before);
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [
    { id: 'fx-g1', field: 'actual', value: '1050' },
    { id: 'fx-g1', field: 'verdictOverride', value: '滞后' },
    { id: 'fx-g1', field: 'overrideReason', value: '统计口径调整,实际进度偏慢' },
  ] });
  const g = await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId });
  assert.equal(g.judgement.verdict, '滞后');
  assert.equal(g.judgement.overridden, true);
  assert.notEqual(g.judgement.computed, '数据暂缺');
  const clearReason = await dispatch(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'overrideReason', value: '' }] });
  assert.equal(clearReason.ok, false, 'the reason cannot be removed while the override stands');
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'verdictOverride', value: '' }, { id: 'fx-g1', field: 'overrideReason', value: '' }] });
  assert.equal((await call(t.ctx, 'targets.get', { id: 'fx-g1', roundId: t.roundId })).judgement.overridden, false);
  t.close();
});

