// The store itself: migrations from empty, pragmas, backups before migrating, refusing a newer schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, openDatabaseSync, openRaw } from '../../db/connection';
import { migrations, latestVersion } from '../../db/migrations';
import { listBackups } from '../../db/backup';
import { tempDir, oldSchemaFile, fixtureDb } from '../helpers/db';
import { TREE_SQL, UNITS_SQL, listUnits } from '../../db/repos/plans';
import { queryTasks, type TaskFilters } from '../../db/repos/tasks';
import { synthesize } from '../../core/synth/generate';

test('migrating an empty file creates every table and records the version', () => {
  const dir = tempDir();
  const db = openDatabaseSync(path.join(dir, 'a.db'));
  assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
  for (const t of ['plans', 'tasks', 'targets', 'target_milestones', 'rounds', 'task_evals', 'target_evals', 'actions', 'history', 'settings', 'saved_views', 'entity_units', 'search_index', 'search_docs']) {
    assert.ok(tables.includes(t), `missing table ${t}`);
  }
  assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(db.pragma('foreign_keys', { simple: true }), 1);
  assert.equal(db.pragma('synchronous', { simple: true }), 2, 'synchronous=FULL');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('reopening an up-to-date database applies nothing and makes no backup', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'b.db');
  openDatabaseSync(file).close();
  const db = await openDatabase(file);
  assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
  db.close();
  assert.equal(listBackups(file).length, 0);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an older database is backed up before it is migrated, and the backup keeps the old schema', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'old.db');
  oldSchemaFile(file, migrations[0].version, '旧规划');
  const db = await openDatabase(file);
  assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
  assert.equal((db.prepare('SELECT title FROM plans').get() as { title: string }).title, '旧规划');
  db.close();
  const backups = listBackups(file);
  if (latestVersion > migrations[0].version) {
    assert.equal(backups.length, 1);
    assert.match(backups[0].name, /before-migration-1-to-/);
    const b = openRaw(backups[0].file, { readonly: true });
    assert.equal(b.pragma('user_version', { simple: true }), migrations[0].version);
    b.close();
  } else {
    assert.equal(backups.length, 0);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a database from a newer version is refused with a Chinese message and left untouched', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'new.db');
  const raw = openRaw(file);
  raw.pragma('user_version = 9999');
  raw.close();
  const before = fs.readFileSync(file);
  await assert.rejects(openDatabase(file), /比本程序支持的版本.*更新/);
  assert.deepEqual(fs.readFileSync(file), before);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('migrations are numbered in increasing order and never share a number', () => {
  const versions = migrations.map((m) => m.version);
  assert.deepEqual([...versions].sort((a, b) => a - b), versions);
  assert.equal(new Set(versions).size, versions.length);
});

test('the contentless search index is rebuilt from the tasks when a database of schema 3 is migrated', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'v3.db');
  oldSchemaFile(file, 3, '旧规划');
  const raw = openRaw(file);
  raw.prepare(`INSERT INTO tasks (id, plan_id, title, body, kind, subpoints) VALUES ('t1', 'p1', '培育氢能产业', '建设加氢站', 'task', '["招引燃料电池企业"]')`).run();
  raw.close();
  const db = await openDatabase(file);
  const hits = (q: string) => db.prepare(`SELECT d.entity_id FROM search_index s JOIN search_docs d ON d.id = s.rowid WHERE search_index MATCH ?`).pluck().all(q);
  assert.deepEqual(hits('"氢能"'), ['t1']);
  assert.deepEqual(hits('"燃料 料电"'), ['t1'], 'subpoints are indexed');
  assert.deepEqual(hits('"量子"'), []);
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the chapter tree and the unit list are read from covering indexes, and a unit in two roles counts a task once', async () => {
  const t = fixtureDb();
  const plan = (sql: string) => (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
  assert.match(plan(TREE_SQL), /COVERING INDEX tasks_tree/);
  assert.doesNotMatch(plan(TREE_SQL), /GROUP BY/, 'grouped in index order, no temporary tree for the grouping');
  assert.match(plan(UNITS_SQL), /COVERING INDEX entity_units_count/);
  const before = listUnits(t.db).find((u) => u.unit === '区科技局')!;
  const task = (t.db.prepare(`SELECT entity_id FROM entity_units WHERE entity = 'task' AND unit = '区科技局'`).get() as { entity_id: string }).entity_id;
  t.db.prepare(`INSERT OR IGNORE INTO entity_units (entity, entity_id, unit, role) VALUES ('task', ?, '区科技局', 'lead'), ('task', ?, '区科技局', 'responsible')`).run(task, task);
  assert.deepEqual(listUnits(t.db).find((u) => u.unit === '区科技局'), before);
  t.close();
});

test('the grid\'s pages, read through the covering indexes, join up to exactly the rows of one full query, with any filter', async () => {
  const dir = tempDir('plan-review-pages-');
  const file = path.join(dir, 'pages.db');
  synthesize(file, { plans: 7, tasks: 1500, targetsPerPlan: 2 });
  const db = await openDatabase(file);
  try {
    const rounds = (db.prepare('SELECT id FROM rounds ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    const unit = (db.prepare(`SELECT unit FROM entity_units WHERE entity = 'task' GROUP BY unit ORDER BY count(*) DESC LIMIT 1`).get() as { unit: string }).unit;
    const cases: Omit<TaskFilters, 'roundId'>[] = [
      {}, { statuses: ['滞后', '超序时'] }, { unit }, { search: '产业' }, { compareRoundId: rounds[0] }, { kinds: ['task'], statuses: ['已完成'] },
    ];
    for (const c of cases) {
      const f: TaskFilters = { roundId: rounds[rounds.length - 1], ...c };
      const all = queryTasks(db, f);
      assert.ok(all.rows.length > 150, `${JSON.stringify(c)} has enough rows to page through (${all.rows.length})`);
      const paged: string[] = [];
      for (let offset = 0; offset < all.rows.length; offset += 137) {
        const page = queryTasks(db, { ...f, offset, limit: 137 });
        assert.equal(page.total, all.rows.length, JSON.stringify(c));
        paged.push(...page.rows.map((r) => JSON.stringify(r)));
      }
      assert.deepEqual(paged, all.rows.map((r) => JSON.stringify(r)), JSON.stringify(c));
    }
    assert.ok(db.prepare(`EXPLAIN QUERY PLAN SELECT t.rowid FROM tasks t JOIN plans p ON p.id = t.plan_id ORDER BY p.seq, p.id, t.seq LIMIT 10 OFFSET 10`)
      .all().some((r) => /COVERING INDEX tasks_plan/.test((r as { detail: string }).detail)), 'the page is found through tasks_plan alone');
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
