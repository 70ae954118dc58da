// The automatic backups (before a migration, before an import, once a day at start) and restoring one from the
// command line: each backup is a sound database of the state before the step, and a restore brings that state back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openRaw, openDatabase, openDatabaseSync } from '../../db/connection';
import { migrations, latestVersion } from '../../db/migrations';
import { listBackups } from '../../db/backup';
import { openAppDatabase } from '../../core/app-db';
import { call } from '../../core/dispatch';
import { fixtureDb, tempDir, oldSchemaFile, olderBackup } from '../helpers/db';
import { fileIn } from '../helpers/files';

const ROOT = path.resolve(__dirname, '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });

test('opening a database of an older schema backs it up first, and the backup keeps the old schema and data', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'old.db');
  oldSchemaFile(file, migrations[0].version, '旧版规划');
  const db = await openDatabase(file);
  assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
  db.close();
  const b = listBackups(file).find((x) => x.reason.startsWith('before-migration'));
  assert.ok(b, 'a backup before the migration');
  const old = openRaw(b.file, { readonly: true });
  assert.equal(old.pragma('user_version', { simple: true }), migrations[0].version);
  assert.equal(old.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal((old.prepare('SELECT title FROM plans').get() as { title: string }).title, '旧版规划');
  old.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('an import is preceded by a backup holding the database as it was', async () => {
  const t = fixtureDb();
  try {
    const src = path.join(t.dir, 'plan.txt');
    fs.writeFileSync(src, '某区数字经济发展行动方案\n一、主要任务\n(一)建设算力中心。牵头单位:区大数据发展局。\n(二)培育数据要素市场。牵头单位:区发展改革委。\n');
    const before = (t.db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n;
    const preview = await call(t.ctx, 'import.preview', { files: [fileIn(t.ctx, src)] });
    assert.ok(preview.previewId, JSON.stringify(preview.problems));
    await call(t.ctx, 'import.commit', { previewId: preview.previewId });
    const b = (await call(t.ctx, 'backups.list', {})).find((x) => x.reason === 'before-import');
    assert.ok(b, 'a backup before the import');
    const old = openRaw(b.file, { readonly: true });
    assert.equal((old.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n, before);
    old.close();
    assert.equal((t.db.prepare('SELECT count(*) AS n FROM plans').get() as { n: number }).n, before + 1);
  } finally {
    t.close();
  }
});

test('the app backs the database up once a day when it starts', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'daily.db');
  const seed = openDatabaseSync(file);
  seed.close();
  const first = await openAppDatabase(file);
  first.store.close();
  const second = await openAppDatabase(file);
  second.store.close();
  const daily = listBackups(file).filter((b) => b.reason === 'daily');
  assert.equal(daily.length, 1, 'one daily backup, not one per start');
  // A day later (the last one is dated yesterday), the next start writes another.
  olderBackup(daily[0].file, 25);
  (await openAppDatabase(file)).store.close();
  assert.equal(listBackups(file).filter((b) => b.reason === 'daily').length, 2);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('restore from the command line brings a backup back and keeps the state it replaced', async () => {
  const t = fixtureDb();
  try {
    const backup = await call(t.ctx, 'backups.create', { reason: 'manual' });
    await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
    t.db.close();
    const listed = cli('restore', '--db', t.file);
    assert.equal(listed.status, 0, listed.stderr);
    assert.match(listed.stdout, new RegExp(backup.name.replace(/[.]/g, '\\.')));
    const r = cli('restore', '--db', t.file, '--name', backup.name);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /已从 .* 恢复/);
    const db = openDatabaseSync(t.file);
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      const status = db.prepare('SELECT status FROM task_evals WHERE task_id = ?').get('fx-t1') as { status: string } | undefined;
      assert.notEqual(status?.status, '滞后', 'the edit made after the backup is gone');
      const search = db.prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '"氢能"'`).get() as { n: number };
      assert.ok(search.n > 0, 'search still finds text after the restore');
    } finally {
      db.close();
    }
    assert.ok(listBackups(t.file).some((b) => b.reason === 'before-restore'), 'the replaced state is kept as a backup');
    const bad = cli('restore', '--db', t.file, '--name', 'no-such-backup.db');
    assert.notEqual(bad.status, 0);
    assert.match(bad.stderr, /找不到备份/);
  } finally {
    t.close();
  }
});
