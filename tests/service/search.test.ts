// The search over every text and the units: definitions, the evaluation texts of the round being searched (not of
// another round), kept in step by edits, copied rounds, deleted rounds and re-imports; and the 只看有变化 filter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call } from '../../core/dispatch';
import { storePlans } from '../../core/import/store';
import { fixtureDb, tempDir, oldSchemaFile } from '../helpers/db';
import { fixturePlans } from '../helpers/fixture';
import { openDatabase, openRaw } from '../../db/connection';
import { latestVersion } from '../../db/migrations';
import { indexedRows } from '../../db/repos/search';

type T = ReturnType<typeof fixtureDb>;
const taskIds = async (t: T, search: string, roundId = t.roundId) => (await call(t.ctx, 'tasks.query', { roundId, search })).rows.map((r) => r.id);
const targetIds = async (t: T, search: string, roundId = t.roundId) => (await call(t.ctx, 'targets.query', { roundId, search })).rows.map((r) => r.id);
const editTask = (t: T, id: string, field: 'evidence' | 'problems' | 'nextSteps' | 'note' | 'reporter' | 'status', value: string, roundId = t.roundId) =>
  call(t.ctx, 'tasks.edit', { roundId, source: 'edit', edits: [{ id, field, value }] });

test('the evaluation texts of the round are searched: 进展情况, 存在问题, 下步打算, 备注 and 填报单位', async () => {
  const t = fixtureDb();
  await editTask(t, 'fx-t3', 'evidence', '已完成智能化改造企业32家');
  await editTask(t, 'fx-t4', 'problems', '土地指标落实滞后');
  await editTask(t, 'fx-t5', 'nextSteps', '召开专题调度会');
  await editTask(t, 'fx-m1', 'note', '贴息资金已拨付');
  await editTask(t, 'fx-m2', 'reporter', '市人才服务中心');
  assert.deepEqual(await taskIds(t, '改造企业'), ['fx-t3']);
  assert.deepEqual(await taskIds(t, '滞后'), ['fx-t4'], '滞后 written in 存在问题');
  assert.deepEqual(await taskIds(t, '调度'), ['fx-t5']);
  assert.deepEqual(await taskIds(t, '拨付'), ['fx-m1']);
  assert.deepEqual(await taskIds(t, '人才服务中心'), ['fx-m2']);
  // Words are matched across the definition and the evaluation: 新能源 in the title, 滞后 in 存在问题.
  assert.deepEqual(await taskIds(t, '新能源 滞后'), ['fx-t4']);
  assert.deepEqual(await taskIds(t, '芯片 滞后'), []);
  // A single character is looked for in the evaluation texts too.
  assert.deepEqual(await taskIds(t, '拨'), ['fx-m1']);
  // A text cleared is no longer found; a status change does not touch the index.
  await editTask(t, 'fx-t4', 'problems', '');
  assert.deepEqual(await taskIds(t, '滞后'), []);
  await editTask(t, 'fx-t3', 'status', '已完成');
  assert.deepEqual(await taskIds(t, '改造企业'), ['fx-t3']);
  t.close();
});

test('another round\'s texts are not found in this round; a round copied from it carries them, a deleted round takes them away', async () => {
  const t = fixtureDb();
  await editTask(t, 'fx-t2', 'evidence', '引进设计企业6家');
  const r2 = await call(t.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30' });
  assert.deepEqual(await taskIds(t, '引进设计', r2.id), [], 'an empty round has no texts');
  assert.deepEqual(await taskIds(t, '芯片', r2.id), ['fx-t2'], 'definitions are found in every round');
  const r3 = await call(t.ctx, 'rounds.create', { name: '2025年评估', cutoff: '2025-06-30', copyFrom: t.roundId });
  assert.deepEqual(await taskIds(t, '引进设计', r3.id), ['fx-t2'], 'copied with the values');
  await editTask(t, 'fx-t2', 'evidence', '已引进设计企业9家,提前完成', r3.id);
  assert.deepEqual(await taskIds(t, '提前完成', r3.id), ['fx-t2']);
  assert.deepEqual(await taskIds(t, '提前完成'), [], 'the first round keeps its own text');
  const rows = () => indexedRows(t.db).filter((r) => r.round === r3.id);
  assert.deepEqual(rows(), [{ entity: 'task', id: 'fx-t2', round: r3.id }]);
  await call(t.ctx, 'rounds.delete', { id: r3.id });
  assert.deepEqual(rows(), [], 'the deleted round leaves no index rows');
  const r4 = await call(t.ctx, 'rounds.create', { name: '2026年评估', cutoff: '2026-06-30' });
  assert.deepEqual(await taskIds(t, '提前完成', r4.id), [], 'a new round that takes the freed number finds nothing of the old one');
  t.close();
});

test('units are searched, and the targets\' 数据来源, 说明 and 调整理由 in the round', async () => {
  const t = fixtureDb();
  assert.deepEqual(await taskIds(t, '招商投资局'), ['fx-t4'], 'a lead unit');
  assert.deepEqual((await taskIds(t, '科技局')).sort(), ['fx-t1', 'fx-t2'], 'lead or responsible');
  assert.deepEqual(await targetIds(t, '发展改革委'), ['fx-g2'], 'a target\'s responsible unit');
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [
    { id: 'fx-g1', field: 'dataSource', value: '统计快报' },
    { id: 'fx-g2', field: 'overrideReason', value: '核算口径调整' }, { id: 'fx-g2', field: 'verdictOverride', value: '滞后' },
  ] });
  assert.deepEqual(await targetIds(t, '快报'), ['fx-g1']);
  assert.deepEqual(await targetIds(t, '口径'), ['fx-g2']);
  assert.deepEqual(await taskIds(t, '口径'), [], 'targets\' texts are not tasks\' hits');
  t.close();
});

test('a re-import of the plan keeps its rows\' evaluation texts searchable', async () => {
  const t = fixtureDb();
  await editTask(t, 'fx-t1', 'problems', '加氢站选址困难');
  const plans = fixturePlans();
  plans[0].tasks[0].body += '(修订)';
  storePlans(t.db, plans, 'again');
  assert.deepEqual(await taskIds(t, '选址'), ['fx-t1']);
  assert.deepEqual(await taskIds(t, '修订'), ['fx-t1']);
  await call(t.ctx, 'plans.delete', { id: 'fx-plan-a' });
  assert.deepEqual(await taskIds(t, '选址'), []);
  assert.deepEqual(indexedRows(t.db).filter((r) => r.id.startsWith('fx-t')), [], 'nothing of the deleted plan is left in the index');
  assert.ok(indexedRows(t.db).some((r) => r.id === 'fx-m1'), 'the other plan is still indexed');
  t.close();
});

test('只看有变化: rows whose evaluation differs between the round and the comparison round, counted and paged', async () => {
  const t = fixtureDb();
  await editTask(t, 'fx-t1', 'status', '序时推进');
  await editTask(t, 'fx-t2', 'evidence', '引进6家');
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '950' }] });
  const r2 = await call(t.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', copyFrom: t.roundId });
  const changed = async (args: Record<string, unknown> = {}) =>
    (await call(t.ctx, 'tasks.query', { roundId: r2.id, compareRoundId: t.roundId, changedFromCompare: true, ...args }));
  assert.deepEqual((await changed()).rows, [], 'a copied round has no changes');
  await editTask(t, 'fx-t1', 'status', '已完成', r2.id);
  await editTask(t, 'fx-t3', 'nextSteps', '扩大改造范围', r2.id);
  await call(t.ctx, 'tasks.edit', { roundId: r2.id, source: 'edit', edits: [{ id: 'fx-m1', field: 'progress', value: 20 }] });
  assert.deepEqual((await changed()).rows.map((r) => r.id), ['fx-t1', 'fx-t3', 'fx-m1']);
  const page = await changed({ offset: 1, limit: 1 });
  assert.deepEqual([page.total, page.rows.map((r) => r.id)], [3, ['fx-t3']]);
  const lit = await changed({ lights: ['red', 'yellow', 'green', 'none'], offset: 0, limit: 10 });
  assert.deepEqual([lit.total, lit.rows.map((r) => r.id)], [3, ['fx-t1', 'fx-t3', 'fx-m1']], 'with a light filter, lights are read of the changed rows only');
  assert.deepEqual((await changed({ statuses: ['已完成'], offset: 0, limit: 10 })).rows.map((r) => r.id), ['fx-t1']);
  assert.deepEqual((await changed({ search: '改造' })).rows.map((r) => r.id), ['fx-t3']);
  // Without a comparison round the filter has nothing to compare and keeps every row.
  assert.equal((await call(t.ctx, 'tasks.query', { roundId: r2.id, changedFromCompare: true })).rows.length, 7);
  // A change back to the earlier value is no change.
  await editTask(t, 'fx-t1', 'status', '序时推进', r2.id);
  assert.deepEqual((await changed()).rows.map((r) => r.id), ['fx-t3', 'fx-m1']);

  const targets = async () => (await call(t.ctx, 'targets.query', { roundId: r2.id, compareRoundId: t.roundId, changedFromCompare: true })).rows.map((r) => r.id);
  assert.deepEqual(await targets(), []);
  await call(t.ctx, 'targets.edit', { roundId: r2.id, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1010' }] });
  await call(t.ctx, 'targets.edit', { roundId: r2.id, source: 'edit', edits: [{ id: 'fx-g2', field: 'dataSource', value: '统计年报' }] });
  assert.deepEqual(await targets(), ['fx-g1', 'fx-g2']);
  t.close();
});

test('a database of schema 6 migrates to a search index with the evaluation texts and the units', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'v6.db');
  oldSchemaFile(file, 6, '旧规划');
  const raw = openRaw(file);
  raw.prepare(`INSERT INTO tasks (id, plan_id, title, body, kind, lead_units) VALUES ('t1', 'p1', '培育氢能产业', '建设加氢站', 'task', '["区经济信息委"]')`).run();
  raw.prepare(`INSERT INTO rounds (id, name, cutoff, created_at) VALUES (1, '2023年中期评估', '2023-06-30', '2023-01-01'), (2, '2024年评估', '2024-06-30', '2024-01-01')`).run();
  raw.prepare(`INSERT INTO task_evals (round_id, task_id, evidence, problems, updated_at) VALUES (1, 't1', '建成加氢站3座', '用地审批滞后', '2023-06-01')`).run();
  raw.close();
  const db = await openDatabase(file);
  try {
    assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
    const hits = (q: string, round: number) => db.prepare(`SELECT DISTINCT d.entity_id FROM search_index s JOIN search_docs d ON d.id = (s.rowid & 2147483647)
      WHERE search_index MATCH ? AND (s.rowid >> 32) IN (0, ?)`).pluck().all(q, round);
    assert.deepEqual(hits('"滞后"', 1), ['t1'], 'the evaluation text of round 1');
    assert.deepEqual(hits('"滞后"', 2), [], 'not in round 2');
    assert.deepEqual(hits('"氢能"', 2), ['t1'], 'the definition in every round');
    assert.deepEqual(hits('"经济 济信 信息 息委"', 2), ['t1'], 'the lead unit');
    assert.ok(fs.readdirSync(path.join(dir, 'backups')).some((f) => f.includes('before-migration-6')), 'backed up before the migration');
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the operator is recorded with every action; the office is kept for the reports; backups tell what they hold', async () => {
  const t = fixtureDb();
  assert.equal((await call(t.ctx, 'settings.get', {})).operator, '');
  const s = await call(t.ctx, 'settings.setOperator', { name: '  张伟 ' });
  assert.equal(s.operator, '张伟');
  await editTask(t, 'fx-t1', 'evidence', '已开工');
  const h = await call(t.ctx, 'history.entity', { entity: 'task', id: 'fx-t1', roundId: t.roundId });
  assert.equal(h[0].operator, '张伟');
  assert.equal((await call(t.ctx, 'settings.setOffice', { office: '某区发展和改革委员会' })).office, '某区发展和改革委员会');
  assert.equal((await call(t.ctx, 'settings.get', {})).office, '某区发展和改革委员会');

  const b = await call(t.ctx, 'backups.create', { reason: 'manual' });
  await call(t.ctx, 'plans.delete', { id: 'fx-plan-b' });
  const [c, missing] = await call(t.ctx, 'backups.contents', { names: [b.name, 'nope.db'] });
  assert.deepEqual(c.counts, { plans: 2, tasks: 7, targets: 2, rounds: 1 });
  assert.equal(c.schemaVersion, latestVersion);
  assert.equal(missing.counts, null);
  assert.match(missing.problem, /找不到/);
  t.close();
});
