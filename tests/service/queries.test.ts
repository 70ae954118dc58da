// Reading and keeping data against a real SQLite file: search, filters, rounds, re-import, interchange JSON, backups,
// progress of long exports, settings and views, the plan tree and the unit list, kept answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatch, call } from '../../core/dispatch';
import { storePlans } from '../../core/import/store';
import { fixtureDb } from '../helpers/db';
import { fixturePlans } from '../helpers/fixture';
import { openDatabaseSync } from '../../db/connection';
import { outTo } from '../helpers/files';

test('search finds two-character Chinese words in titles and bodies, and single characters', async () => {
  const t = fixtureDb();
  const ids = async (search: string) => (await call(t.ctx, 'tasks.query', { roundId: t.roundId, search })).rows.map((r) => r.id);
  assert.deepEqual(await ids('氢能'), ['fx-t1']);
  assert.deepEqual(await ids('芯片'), ['fx-t2']);
  assert.deepEqual(await ids('加氢站'), ['fx-t1'], 'found in the body');
  assert.deepEqual(await ids('集成电路 设计'), ['fx-t2'], 'all words must match');
  assert.deepEqual((await ids('氢')).sort(), ['fx-t1']);
  assert.deepEqual(await ids('量子计算'), []);
  t.close();
});

test('filters by plan, chapter, unit, kind, status and changed-since combine', async () => {
  const t = fixtureDb();
  const q = async (args: Record<string, unknown>) => (await call(t.ctx, 'tasks.query', { roundId: t.roundId, ...args })).rows.map((r) => r.id);
  assert.deepEqual(await q({ planIds: ['fx-plan-b'] }), ['fx-m1', 'fx-m2']);
  assert.deepEqual(await q({ chapter: ['三、主要任务', '(一)做强先进制造业'] }), ['fx-t1', 'fx-t2']);
  assert.deepEqual(await q({ chapter: ['三、主要任务'] }), ['fx-t1', 'fx-t2', 'fx-t3']);
  assert.deepEqual(await q({ unit: '区科技局' }), ['fx-t1', 'fx-t2']);
  assert.deepEqual(await q({ kinds: ['safeguard', 'project'] }), ['fx-t4', 'fx-t5']);
  const stamp = new Date(Date.now() - 1000).toISOString().slice(0, 10);
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t3', field: 'status', value: '已完成' }] });
  assert.deepEqual(await q({ statuses: ['已完成'] }), ['fx-t3']);
  assert.deepEqual(await q({ changedSince: stamp }), ['fx-t3']);
  assert.deepEqual(await q({ changedSince: '2999-01-01' }), []);
  t.close();
});

test('a new round can start from the values of an earlier one and be compared side by side', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '序时推进' }] });
  const r2 = await call(t.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', copyFrom: t.roundId });
  await call(t.ctx, 'tasks.edit', { roundId: r2.id, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '已完成' }] });
  const row = await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: r2.id, compareRoundId: t.roundId });
  assert.equal(row.eval.status, '已完成');
  assert.equal(row.compare?.status, '序时推进');
  assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status, '序时推进');
  t.close();
});

test('re-importing a document updates it in place: no duplicates, recorded evaluations kept', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t2', field: 'evidence', value: '已引进6家' }] });
  const plans = fixturePlans();
  plans[0].tasks[1].id = 'renamed-id';
  plans[0].tasks[1].body += '(修订)';
  plans[0].tasks.splice(2, 1);
  storePlans(t.db, plans, 'again');
  const n = (sql: string) => (t.db.prepare(sql).get() as { n: number }).n;
  assert.equal(n('SELECT count(*) AS n FROM plans'), 2);
  assert.equal(n(`SELECT count(*) AS n FROM tasks WHERE plan_id = 'fx-plan-a'`), 4, 'the vanished, never-evaluated task is removed');
  const kept = await call(t.ctx, 'tasks.get', { id: 'fx-t2', roundId: t.roundId });
  assert.equal(kept.eval.evidence, '已引进6家');
  assert.match(kept.body, /修订/);
  t.close();
});

test('the interchange JSON carries plans, tasks, targets and evaluations and reads back into an empty database', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'targets.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-g1', field: 'actual', value: '1050' }] });
  const out = `${t.dir}/data.json`;
  await call(t.ctx, 'export.json', { out: outTo(t.ctx, out) });
  const json = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(out, 'utf8')));
  assert.equal(json.format, 'plan-review');
  assert.equal(json.version, 1);
  assert.equal(json.plans.length, 2);
  const g1 = json.plans[0].targets.find((g: { id: string }) => g.id === 'fx-g1');
  assert.equal(g1.evaluation['2023年中期评估'].actual, '1050');
  assert.deepEqual(g1.milestones, [{ year: 2025, value: '1300', qualifier: '', cumulative: false }]);
  const t2 = fixtureDb({ empty: true });
  storePlans(t2.db, json.plans, 'data.json');
  const g = (await call(t2.ctx, 'targets.get', { id: 'fx-g1', roundId: t2.roundId })).eval.actual;
  assert.equal(g, '1050');
  t.close();
  t2.close();
});

test('deleting a round keeps a backup first and refuses to delete the last round', async () => {
  const t = fixtureDb();
  const only = await dispatch(t.ctx, 'rounds.delete', { id: t.roundId });
  assert.equal(only.ok, false);
  const r2 = await call(t.ctx, 'rounds.create', { name: '试评', cutoff: '2024-01-01' });
  await call(t.ctx, 'rounds.delete', { id: r2.id });
  const backups = await call(t.ctx, 'backups.list', {});
  assert.equal(backups.length, 1);
  assert.match(backups[0].name, /before-delete-round/);
  t.close();
});

test('a backup can be restored and the state before the restore is kept as another backup', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
  const b = await call(t.ctx, 'backups.create', { reason: 'manual' });
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '已完成' }] });
  const r = await call(t.ctx, 'backups.restore', { name: b.name });
  assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status, '滞后');
  assert.match(r.safetyBackup?.name ?? '', /before-restore/);
  assert.equal((await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '氢能' })).rows.length, 1, 'search index restored too');
  assert.equal(t.ctx.db.pragma('integrity_check', { simple: true }), 'ok');
  t.close();
});

test('a task that vanished from a re-imported document but was evaluated is kept, and stays searchable', async () => {
  const t = fixtureDb();
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
  const plans = fixturePlans();
  plans[0].tasks = plans[0].tasks.filter((x) => x.id !== 'fx-t1');
  storePlans(t.db, plans, 'again');
  const hit = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '氢能' })).rows.map((r) => r.id);
  assert.deepEqual(hit, ['fx-t1']);
  assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status, '滞后');
  const again = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '芯片' })).rows.map((r) => r.id);
  assert.deepEqual(again, ['fx-t2'], 'no duplicate index rows after re-import');
  t.close();
});

test('a long export reports its progress, which the UI can ask for while it runs', async () => {
  const t = fixtureDb();
  assert.equal(await call(t.ctx, 'jobs.progress', { op: 'export.report' }), null);
  const running = call(t.ctx, 'export.report', { roundId: t.roundId, out: outTo(t.ctx, `${t.dir}/report.xlsx`) });
  await running;
  const p = await call(t.ctx, 'jobs.progress', { op: 'export.report' });
  assert.ok(p, 'the finished export left its last progress');
  assert.equal(p.done, p.total);
  assert.ok(p.total >= 7, `total ${p.total}`);
  t.close();
});

test('column layouts, thresholds, the current round and saved views are kept in the database', async () => {
  const t = fixtureDb();
  const layout = [{ colId: 'title', width: 420 }, { colId: 'status', width: 130, sort: 'asc' }];
  await call(t.ctx, 'settings.setLayout', { grid: 'tasks', layout });
  await call(t.ctx, 'settings.setThresholds', { yellow: 5, red: 20, dueSoonDays: 45 });
  const bad = await dispatch(t.ctx, 'settings.setThresholds', { yellow: 30, red: 10 });
  assert.equal(bad.ok, false);
  const zero = await dispatch(t.ctx, 'settings.setThresholds', { yellow: 0, red: 10 });
  assert.equal(zero.ok, false, 'a zero yellow threshold would call a target on schedule late');
  assert.deepEqual((await call(t.ctx, 'settings.setThresholds', { yellow: 5, red: 20 })).thresholds, { yellow: 5, red: 20, dueSoonDays: 45 }, 'the due-soon days are kept when not given');
  const r2 = await call(t.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30' });
  await call(t.ctx, 'settings.setCurrentRound', { roundId: r2.id });
  await call(t.ctx, 'views.save', { grid: 'tasks', name: '滞后任务', state: { statuses: ['滞后'] } });
  t.db.close();
  const { openDatabaseSync } = await import('../../db/connection');
  const { createContext } = await import('../../core/common/context');
  const db = openDatabaseSync(t.file);
  const ctx = createContext(db, t.file, 'test');
  const s = await call(ctx, 'settings.get', {});
  assert.deepEqual(s.layouts.tasks, layout);
  assert.deepEqual(s.thresholds, { yellow: 5, red: 20, dueSoonDays: 45 });
  assert.equal(s.currentRoundId, r2.id);
  const views = await call(ctx, 'views.list', { grid: 'tasks' });
  assert.deepEqual(views.map((v) => [v.name, v.state]), [['滞后任务', { statuses: ['滞后'] }]]);
  db.close();
  t.close();
});

test('the plan tree groups tasks by chapter in document order, and the unit list follows imports', async () => {
  const t = fixtureDb();
  const tree = await call(t.ctx, 'plans.tree', {});
  const a = tree.find((n) => n.plan.id === 'fx-plan-a')!;
  assert.deepEqual(a.chapters.map((c) => [c.name, c.taskCount]), [['三、主要任务', 3], ['专栏3-2 重点项目', 1], ['五、保障措施', 1]]);
  assert.deepEqual(a.chapters[0].children.map((c) => [c.name, c.taskCount, c.path]), [
    ['(一)做强先进制造业', 2, ['三、主要任务', '(一)做强先进制造业']], ['(二)推进数字化转型', 1, ['三、主要任务', '(二)推进数字化转型']],
  ]);
  const units = await call(t.ctx, 'units.list', {});
  assert.deepEqual(units.find((u) => u.unit === '区科技局'), { unit: '区科技局', tasks: 2, targets: 0 });
  const plans = fixturePlans();
  plans[1].tasks[1].leadUnits = ['市科技局'];
  storePlans(t.db, plans, 'again');
  const after = await call(t.ctx, 'units.list', {});
  assert.ok(after.some((u) => u.unit === '市科技局'), 'a unit added by a re-import appears');
  assert.ok(!after.some((u) => u.unit === '市人力社保局'), 'a unit no longer named disappears');
  t.close();
});

test('a search with many hits pages in display order with the right total, and sees edits to the text index', async () => {
  const t = fixtureDb();
  const plans = fixturePlans();
  const many = Array.from({ length: 6200 }, (_, i) => ({
    id: `big-${i}`, code: String(i + 1), path: ['二、主要任务'], title: `第${i + 1}项${i % 10 !== 0 ? '产业' : '工作'}任务`, body: '推进建设。',
    kind: 'task' as const, leadUnits: [], responsibleUnits: [], subpoints: [],
  }));
  plans.push({ ...plans[1], id: 'fx-plan-big', title: '大规划', docNumber: null, tasks: many, targets: [] });
  storePlans(t.db, plans, 'big');
  const all = ['fx-t1', 'fx-t4', ...many.filter((_, i) => i % 10 !== 0).map((x) => x.id)];
  assert.ok(all.length > 5000, 'enough hits to walk the rows in display order');
  const page1 = await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '产业', offset: 0, limit: 1500 });
  const page2 = await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '产业', offset: 1500, limit: 1500 });
  assert.equal(page1.total, all.length);
  assert.deepEqual([...page1.rows, ...page2.rows].map((r) => r.id), all.slice(0, 3000));
  const few = await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '芯片', offset: 0, limit: 1500 });
  assert.deepEqual([few.total, few.rows.map((r) => r.id)], [1, ['fx-t2']]);
  plans[2].tasks = many.slice(0, 10);
  storePlans(t.db, plans, 'smaller');
  const after = await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '产业', offset: 0, limit: 1500 });
  assert.deepEqual(after.rows.map((r) => r.id), ['fx-t1', 'fx-t4', 'big-1', 'big-2', 'big-3', 'big-4', 'big-5', 'big-6', 'big-7', 'big-8', 'big-9'], 'a re-import is seen at once');
  t.close();
});

test('the dashboard and the unit list are given again until the database changes, here or through another connection', async () => {
  const t = fixtureDb();
  const first = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId });
  assert.equal(await call(t.ctx, 'dashboard.summary', { roundId: t.roundId }), first, 'unchanged database: the kept answer');
  const lagging = () => first.total.tasks['滞后'];
  await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
  const afterEdit = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId });
  assert.equal(afterEdit.total.tasks['滞后'], lagging() + 1);
  // Another connection to the same file (a second window, the command line) changes a status: the answer follows.
  const other = openDatabaseSync(t.file);
  other.prepare(`UPDATE task_evals SET status = '已完成' WHERE task_id = 'fx-t1' AND round_id = ?`).run(t.roundId);
  other.close();
  const afterOther = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId });
  assert.equal(afterOther.total.tasks['滞后'], lagging());
  assert.equal(afterOther.total.tasks['已完成'], first.total.tasks['已完成'] + 1);
  const onePlan = await call(t.ctx, 'dashboard.summary', { roundId: t.roundId, planIds: ['fx-plan-a'] });
  assert.deepEqual(onePlan.byPlan.map((p) => p.key), ['fx-plan-a'], 'each argument has its own answer');
  t.close();
});
