// Undo that never destroys later work, against a real SQLite file: a cell changed since an action (by an import,
// another window) keeps its later value and the answer says so; each window undoes only its own steps.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { call } from '../../core/dispatch';
import { forClient } from '../../core/common/context';
import { storePlans } from '../../core/import/store';
import { fixtureDb } from '../helpers/db';
import { fixturePlans } from '../helpers/fixture';

const ROUND = '2023年中期评估';

test('edit, then a re-import sets the cell: undo keeps the import value and says why', async () => {
  const t = fixtureDb();
  const status = async () => (await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status;
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
  const plans = fixturePlans();
  plans[0].tasks[0].evaluation = { [ROUND]: { cutoff: '2023-06-30', status: '已完成', progress: 100, evidence: '', problems: '', nextSteps: '', note: '', reporter: '', reportedOn: '' } };
  storePlans(t.db, plans, 'again');
  assert.equal(await status(), '已完成');

  const u = await call(t.ctx, 'history.undo', {});
  assert.equal(u.action, null, 'the only cell of the step was changed since: nothing is undone');
  assert.equal(u.kept, 1);
  assert.match(u.note, /1 个单元格之后已被导入修改/);
  assert.match(u.note, /未撤销/);
  assert.equal(await status(), '已完成', 'the import value stays');
  const again = await call(t.ctx, 'history.undo', {});
  assert.equal(again.action, null);
  assert.equal(again.note, '', 'the step is no longer on the stack');
  t.close();
});

test('a step whose cells were partly changed since is undone where they still hold its value', async () => {
  const t = fixtureDb();
  const get = async (id: string) => (await call(t.ctx, 'tasks.get', { id, roundId: t.roundId })).eval.status;
  await call(t.ctx, 'tasks.bulkSet', { roundId: t.roundId, ids: ['fx-t1', 'fx-t2', 'fx-t3'], field: 'status', value: '序时推进' });
  const other = forClient(t.ctx, 'window-2');
  await call(other, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t2', field: 'status', value: '滞后' }] });
  const u = await call(t.ctx, 'history.undo', {});
  assert.ok(u.action, 'the bulk step is undone');
  assert.equal(u.kept, 1);
  assert.match(u.note, /1 个单元格之后已在另一窗口修改/);
  assert.deepEqual([await get('fx-t1'), await get('fx-t2'), await get('fx-t3')], ['待评估', '滞后', '待评估']);
  // Redo puts the step back where the cells still hold what the undo left.
  const r = await call(t.ctx, 'history.redo', {});
  assert.ok(r.action);
  assert.deepEqual([await get('fx-t1'), await get('fx-t2'), await get('fx-t3')], ['序时推进', '滞后', '序时推进']);
  // The history keeps both windows' values.
  const h = await call(t.ctx, 'history.entity', { entity: 'task', id: 'fx-t2' });
  assert.deepEqual(h.map((x) => [x.source, x.newValue]).reverse(), [['bulk', '序时推进'], ['edit', '滞后']]);
  t.close();
});

test('two windows on one database: each undoes and redoes only its own steps', async () => {
  const t = fixtureDb();
  const a = forClient(t.ctx, 'window-a');
  const b = forClient(t.ctx, 'window-b');
  const get = async (id: string) => (await call(t.ctx, 'tasks.get', { id, roundId: t.roundId })).eval.evidence;
  await call(a, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'evidence', value: 'A 写的' }] });
  await call(b, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t2', field: 'evidence', value: 'B 写的' }] });
  const undoneA = await call(a, 'history.undo', {});
  assert.ok(undoneA.action);
  assert.deepEqual([await get('fx-t1'), await get('fx-t2')], ['', 'B 写的'], 'window A undid its own step, not B\'s newer one');
  assert.equal((await call(a, 'history.undo', {})).action, null, 'window A has nothing more to undo');
  // A's redo stack is its own: B's new edit does not clear it.
  await call(b, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t3', field: 'evidence', value: 'B 又写' }] });
  assert.ok((await call(a, 'history.redo', {})).action);
  assert.equal(await get('fx-t1'), 'A 写的');
  const undoneB = await call(b, 'history.undo', {});
  assert.ok(undoneB.action);
  assert.deepEqual([await get('fx-t1'), await get('fx-t2'), await get('fx-t3')], ['A 写的', 'B 写的', '']);
  t.close();
});
