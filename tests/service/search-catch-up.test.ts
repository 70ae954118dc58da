// The search index of imported rows is written after their commit: an import that stopped in between leaves a mark in
// the settings, and opening the database indexes the marked plans, so nothing imported is missing from search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase, openDatabaseSync } from '../../db/connection';
import { planWriter } from '../../db/repos/plan-rows';
import { catchUpIndex, catchUpStep, indexPending, markIndexPending } from '../../db/repos/search-pending';
import { indexer, indexedRows } from '../../db/repos/search';
import { searchCondition } from '../../db/repos/search-hits';
import { call } from '../../core/dispatch';
import { fixtureDb } from '../helpers/db';
import { fileIn } from '../helpers/files';
import { tempDir } from '../helpers/db';

const hits = (db: ReturnType<typeof openDatabaseSync>, q: string) =>
  db.prepare(`SELECT d.entity_id FROM search_index s JOIN search_docs d ON d.id = (s.rowid & 2147483647) WHERE search_index MATCH ?`).pluck().all(q);

test('rows written with their index deferred are found once the index catches up, also after a crash on the next open', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'plans.db');
  const db = openDatabaseSync(file);
  db.transaction(() => {
    const w = planWriter(db, { deferIndex: true });
    w.plan({ id: 'p1', title: '氢能方案', docNumber: null, issuer: null, issued: null, periodStart: 2024, periodEnd: 2026, kind: 'action_plan', sourceFile: null, sourceLine: null, seq: 1, importedAt: '2024-01-01' });
    w.task({ id: 't1', planId: 'p1', code: '1', path: [], title: '建设加氢站', body: '新建加氢站3座', kind: 'task', leadUnits: [], responsibleUnits: [], subpoints: [], seq: 1, sourceLine: 1 });
    w.target({ id: 'g1', planId: 'p1', taskId: 't1', code: '', name: '加氢站数量', unit: '座', category: '', attribute: '', baselineYear: null, baselineValue: null, scope: 'in_task', responsibleUnits: [], seq: 1, sourceLine: 1 }, [{ year: 2026, value: '3', qualifier: '', cumulative: false }]);
    markIndexPending(db, ['p1']);
  })();
  assert.deepEqual(hits(db, '"加氢"'), [], 'not indexed before the catch-up');
  db.close();
  const again = await openDatabase(file);
  assert.deepEqual((hits(again, '"加氢"') as string[]).sort(), ['g1', 't1']);
  assert.equal(again.prepare("SELECT count(*) FROM settings WHERE key = 'search_pending'").pluck().get(), 0);
  assert.equal(catchUpIndex(again), 0, 'nothing left to index');
  again.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Writes a plan of `n` tasks (each with one target) with its index deferred and marked pending, as an import does. */
function pendingPlan(db: ReturnType<typeof openDatabaseSync>, planId: string, n: number): void {
  db.transaction(() => {
    const w = planWriter(db, { deferIndex: true });
    markIndexPending(db, [planId]);
    w.plan({ id: planId, title: `${planId}方案`, docNumber: null, issuer: null, issued: null, periodStart: 2024, periodEnd: 2026, kind: 'action_plan', sourceFile: null, sourceLine: null, seq: 1, importedAt: '2024-01-01' });
    for (let i = 1; i <= n; i++) {
      w.task({ id: `${planId}-t${i}`, planId, code: `${i}.`, path: [], title: `建设第${i}座加氢站`, body: '', kind: 'task', leadUnits: [], responsibleUnits: [], subpoints: [], seq: i, sourceLine: i });
      w.target({ id: `${planId}-g${i}`, planId, taskId: `${planId}-t${i}`, code: '', name: `加氢站${i}`, unit: '座', category: '', attribute: '', baselineYear: null, baselineValue: null, scope: 'in_task', responsibleUnits: [], seq: i, sourceLine: i }, []);
    }
  })();
}

test('the catch-up goes a slice per transaction; a search or an edit in between indexes the rest first, and no row is indexed twice', () => {
  const dir = tempDir();
  const db = openDatabaseSync(path.join(dir, 'plans.db'));
  pendingPlan(db, 'p1', 25);
  // 50 rows in slices of 20: the first two leave rows pending, the third ends it.
  assert.deepEqual([catchUpStep(db, 20), catchUpStep(db, 20)], [{ rows: 20, more: true }, { rows: 20, more: true }]);
  assert.equal((hits(db, '"加氢"') as string[]).length, 40, 'two slices indexed');
  assert.ok(indexPending(db));
  assert.deepEqual(catchUpStep(db, 20), { rows: 10, more: false });
  assert.equal(indexPending(db), false);
  assert.equal((hits(db, '"加氢"') as string[]).length, 50);

  // Half-way through a second plan, one of its rows is edited and indexed on its own: the rest comes first, once.
  pendingPlan(db, 'p2', 10);
  catchUpStep(db, 5);
  db.prepare("UPDATE tasks SET title = '建设氢能示范园' WHERE id = 'p2-t9'").run();
  indexer(db)('task', 'p2-t9');
  assert.equal(indexPending(db), false, 'the edit finished the catch-up');
  const rows = indexedRows(db);
  assert.equal(rows.length, 70, 'one index row per task and target');
  assert.equal(new Set(rows.map((r) => `${r.entity}:${r.id}`)).size, 70);
  assert.deepEqual(hits(db, '"氢能 能示 示范 范园"'), ['p2-t9']);

  // A search while rows are pending sees them all.
  pendingPlan(db, 'p3', 30);
  catchUpStep(db, 7);
  const found = searchCondition(db, 'task', '加氢站');
  assert.ok(found && !indexPending(db));
  assert.equal(db.prepare(`SELECT count(*) FROM tasks t WHERE t.plan_id = 'p3' AND ${found.sql}`).pluck().get(...found.params), 30);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a mark left by an older version (a list of plans) is read and caught up; a plan marked during a catch-up restarts it', () => {
  const dir = tempDir();
  const db = openDatabaseSync(path.join(dir, 'plans.db'));
  pendingPlan(db, 'p1', 4);
  db.prepare("UPDATE settings SET value = '[\"p1\"]' WHERE key = 'search_pending'").run();
  assert.equal(catchUpIndex(db), 8);
  pendingPlan(db, 'p2', 6);
  catchUpStep(db, 4);
  pendingPlan(db, 'p3', 3);
  while (catchUpStep(db, 4).more);
  const rows = indexedRows(db);
  assert.equal(rows.length, 26);
  assert.equal(new Set(rows.map((r) => `${r.entity}:${r.id}`)).size, 26, 'rows indexed before the restart are not indexed twice');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an import returns with its index pending and catches it up between requests; a search right after it finds the rows', async () => {
  const t = fixtureDb();
  // Three chapters of 900 items: more rows than one slice of the catch-up.
  const text = ['某区加氢站建设行动方案(2024—2026年)', ...['一', '二', '三'].flatMap((c) => [`${c}、第${c}批项目`,
    ...Array.from({ length: 900 }, (_, i) => `${i + 1}.建设第${c}批第${i + 1}号加氢站示范项目。(责任单位:区发展改革委)`)])].join('\n');
  const file = path.join(t.dir, '加氢站方案.txt');
  fs.writeFileSync(file, text);
  const preview = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, file)] });
  const r = await call(t.ctx, 'import.commit', { previewId: preview.previewId });
  assert.equal(r.tasks, 2700);
  assert.ok(indexPending(t.db), 'the index of 2700 rows is not written before the import returns');
  const rows = (await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '加氢站示范' })).rows;
  assert.ok(rows.length > 0 && !indexPending(t.db));
  assert.equal((await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '加氢站示范', limit: 5000 })).total, 2700);

  // Left alone, the app indexes the rest a slice at a time.
  const preview2 = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, file)] });
  await call(t.ctx, 'import.commit', { previewId: preview2.previewId });
  assert.ok(indexPending(t.db));
  for (let i = 0; i < 200 && indexPending(t.db); i++) await new Promise((res) => setImmediate(res));
  assert.equal(indexPending(t.db), false, 'caught up without a search');
  assert.equal((await call(t.ctx, 'tasks.query', { roundId: t.roundId, search: '加氢站示范', limit: 5000 })).total, 2700);
  t.close();
});
