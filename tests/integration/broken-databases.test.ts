// The app started on broken disks, as the web host and the desktop app start: a read-only database (also with
// leftover -wal/-shm) opens read-only at once, refuses every edit in Chinese and writes no backup; a read-only folder,
// an unwritable backups folder, a damaged, truncated or empty database each get a clear outcome instead of a hang,
// an English message or an empty database; the command line restores a damaged database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { openAppDatabase } from '../../core/app-db';
import { createContext } from '../../core/common/context';
import { call, dispatch } from '../../core/dispatch';
import { backupDirFor, listBackups } from '../../db/backup';
import { serveApart } from '../helpers/browser';
import { fixtureFile, tempDir, olderBackup } from '../helpers/db';
import { apiOf } from '../helpers/http';
import { damagePages, readOnly, truncateTo, writable } from '../helpers/damage';

const ROOT = path.resolve(__dirname, '..', '..');
const cli = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'cli/main.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });

/** A database as a crash leaves it: its -wal holds the last edit, its -shm is there, no connection is open. */
function crashImage(): string {
  const file = fixtureFile('crashed.db');
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.prepare(`UPDATE tasks SET title = '崩溃前的最后修改' WHERE id = 'fx-t1'`).run();
  const image = path.join(path.dirname(file), 'image');
  fs.mkdirSync(image);
  for (const s of ['', '-wal', '-shm']) fs.copyFileSync(file + s, path.join(image, `plan.db${s}`));
  db.close();
  return path.join(image, 'plan.db');
}

test('a read-only database with leftover -wal/-shm starts at once, read-only, refusing every edit in Chinese, with no backup written', { timeout: 120_000 }, async (t) => {
  const file = crashImage();
  const parts = [file, `${file}-wal`, `${file}-shm`];
  if (!readOnly(...parts)) return t.skip('cannot make files read-only here (root without chattr)');
  try {
    const t0 = performance.now();
    const host = await serveApart(file);
    try {
      assert.ok(performance.now() - t0 < 60_000);
      const api = apiOf(host);
      const info = await api('app.info', {});
      assert.ok(info.ok && (info.value as { readOnly: boolean }).readOnly, JSON.stringify(info));
      const q = await api('tasks.get', { id: 'fx-t1', roundId: 1 });
      assert.equal(q.ok && (q.value as { title: string }).title, '崩溃前的最后修改', 'what the -wal held is read');
      for (const [op, args] of [['tasks.edit', { roundId: 1, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] }],
        ['settings.setThresholds', { yellow: 5, red: 10 }], ['rounds.create', { name: '新一轮', cutoff: '2025-12-31' }]] as const) {
        const r = await api(op, args);
        assert.equal(!r.ok && r.error.code, 'read_only', `${op}: ${JSON.stringify(r)}`);
        assert.match(!r.ok ? r.error.message : '', /只读/);
      }
      const backups = path.join(path.dirname(file), 'backups');
      assert.ok(!fs.existsSync(backups) || fs.readdirSync(backups).every((n) => fs.statSync(path.join(backups, n)).size > 0), 'no 0-byte backup');
    } finally {
      await host.close();
    }
  } finally {
    writable(...parts);
  }
});

test('a database in a read-only folder opens read-only; an unwritable backups folder is a warning, not a stop', async (t) => {
  const file = fixtureFile('plan.db');
  const dir = path.dirname(file);
  if (!readOnly(dir)) return t.skip('cannot make folders read-only here');
  try {
    const { store } = await openAppDatabase(file);
    assert.equal(store.state, 'read_only');
    assert.match(store.readOnly ?? '', /文件夹是只读的/);
    const r = await dispatch(createContext(store, file, 'test'), 'tasks.edit', { roundId: 1, source: 'edit', edits: [{ id: 'fx-t1', field: 'note', value: 'x' }] });
    assert.equal(!r.ok && r.error.code, 'read_only');
    store.close();
  } finally {
    writable(dir);
  }
  const backups = backupDirFor(file);
  fs.mkdirSync(backups, { recursive: true });
  if (!readOnly(backups)) return t.skip('cannot make folders read-only here');
  try {
    const { store } = await openAppDatabase(file);
    assert.equal(store.state, 'ready', 'the app starts');
    assert.match(store.warnings.join(), /自动备份没有完成.*备份文件夹无法写入/);
    const info = await call(createContext(store, file, 'test'), 'app.info', {});
    assert.equal(info.warnings.length, 1);
    store.close();
  } finally {
    writable(backups);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('no database and a read-only folder: a Chinese message, not an English one', async (t) => {
  const dir = tempDir();
  if (!readOnly(dir)) return t.skip('cannot make folders read-only here');
  try {
    await assert.rejects(openAppDatabase(path.join(dir, 'new.db')), /无法在.*创建数据库.*(没有写入权限|只读)/);
  } finally {
    writable(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('damaged, truncated and empty databases open the recovery state, are not backed up, and the command line restores them', { timeout: 180_000 }, async () => {
  for (const [what, spoil] of [['damaged pages', damagePages], ['truncated', (f: string) => truncateTo(f, 0.4)], ['empty', (f: string) => fs.writeFileSync(f, '')]] as const) {
    const file = fixtureFile('broken.db');
    const first = await openAppDatabase(file);
    first.store.close();
    assert.equal(listBackups(file).length, 1, 'the daily backup of the sound database');
    olderBackup(listBackups(file)[0].file, 25);
    const good = listBackups(file);
    spoil(file);
    const { store } = await openAppDatabase(file);
    assert.equal(store.state, 'damaged', what);
    assert.ok(store.damaged && /\p{Script=Han}/u.test(store.damaged), what);
    assert.deepEqual(listBackups(file).map((b) => b.name), good.map((b) => b.name), `${what}: the daily backup skipped it`);
    store.close();
    const r = cli('restore', '--db', file, '--name', good[0].name);
    assert.equal(r.status, 0, `${what}: ${r.stderr}`);
    const again = await openAppDatabase(file);
    assert.equal(again.store.state, 'ready', what);
    assert.equal((await call(createContext(again.store, file, 'test'), 'app.info', {})).counts.tasks, 7);
    again.store.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
});
