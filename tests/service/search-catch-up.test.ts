// The search index of imported rows is written after their commit: an import that stopped in between leaves a mark in
// the settings, and opening the database indexes the marked plans, so nothing imported is missing from search.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import { openDatabase, openDatabaseSync } from '../../db/connection';
import { planWriter } from '../../db/repos/plan-rows';
import { catchUpIndex, markIndexPending } from '../../db/repos/search';
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
