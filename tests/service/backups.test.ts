// Backups you can trust, on real files: names matched exactly per database, empty, truncated, half-written and damaged
// backups never offered or restored, a damaged database never backed up (so the good backups survive any number of
// failed attempts), the newest good one never pruned, and a restore that replaces the files, also over a damaged or
// unreadable database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call, dispatch } from '../../core/dispatch';
import { createContext } from '../../core/common/context';
import { openChecked } from '../../core/common/open-db';
import { Store } from '../../core/common/store';
import { openDatabaseSync } from '../../db/connection';
import { backupDatabase, listBackups, pruneBackups, KEEP_BACKUPS, backupDirFor, BackupProblem } from '../../db/backup';
import { fixtureDb, fixtureFile, tempDir } from '../helpers/db';
import { damagePages, spoilHeader, truncateTo } from '../helpers/damage';

const stampOf = (i: number) => `2020${String(1 + Math.floor(i / 28)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}-120000-000`;

test('plan.db sees only its own backups: not those of plan-2024.db, nor of a database named like a backup', async () => {
  const dir = tempDir();
  const names = ['plan.db', 'plan-2024.db', 'plan-20240101-120000-000-daily.db'];
  const dbs = names.map((n) => { const f = path.join(dir, n); const db = openDatabaseSync(f); return { f, db }; });
  try {
    for (const { f, db } of dbs) await backupDatabase(db, f, 'manual');
    for (const { f } of dbs) {
      const mine = listBackups(f);
      assert.equal(mine.length, 1, `${path.basename(f)}: ${mine.map((b) => b.name).join(', ')}`);
      assert.ok(mine[0].name.startsWith(path.basename(f).replace(/\.db$/, '-')));
    }
    // Pruning plan.db's backups leaves the others alone, and a name of another database cannot be restored into plan.db.
    for (let i = 0; i < KEEP_BACKUPS + 3; i++) await backupDatabase(dbs[0].db, dbs[0].f, 'manual');
    assert.equal(listBackups(dbs[0].f).length, KEEP_BACKUPS);
    assert.equal(listBackups(dbs[1].f).length, 1);
    const ctx = createContext(dbs[0].db, dbs[0].f, 'test');
    const r = await dispatch(ctx, 'backups.restore', { name: listBackups(dbs[1].f)[0].name });
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.error.message : '', /找不到备份/);
  } finally {
    for (const { db } of dbs) if (db.open) db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('empty, truncated, half-written and damaged backups are marked and refused for restore with the reason; nothing changes', async () => {
  const t = fixtureDb();
  try {
    const good = await call(t.ctx, 'backups.create', { reason: 'manual' });
    const folder = backupDirFor(t.file);
    const base = 'test';
    fs.writeFileSync(path.join(folder, `${base}-${stampOf(1)}-empty.db`), '');
    fs.copyFileSync(good.file, path.join(folder, `${base}-${stampOf(2)}-truncated.db`));
    truncateTo(path.join(folder, `${base}-${stampOf(2)}-truncated.db`), 0.5);
    fs.copyFileSync(good.file, path.join(folder, `${base}-${stampOf(3)}-damaged.db`));
    damagePages(path.join(folder, `${base}-${stampOf(3)}-damaged.db`));
    // A backup cut off half-way is only ever a .partial: never listed.
    fs.copyFileSync(good.file, path.join(folder, `${base}-${stampOf(4)}-killed.db.partial`));
    const listed = await call(t.ctx, 'backups.list', { inspect: true });
    assert.deepEqual(listed.map((b) => b.reason).sort(), ['damaged', 'empty', 'manual', 'truncated']);
    assert.match(listed.find((b) => b.reason === 'empty')!.problem ?? '', /空的/);
    assert.ok(listed.find((b) => b.reason === 'truncated')!.problem);
    assert.equal(listed.find((b) => b.reason === 'manual')!.problem, null);
    assert.deepEqual(listed.find((b) => b.reason === 'manual')!.counts, { plans: 2, tasks: 7, targets: 2 });
    const before = fs.readFileSync(t.file);
    for (const reason of ['empty', 'truncated', 'damaged']) {
      const r = await dispatch(t.ctx, 'backups.restore', { name: listed.find((b) => b.reason === reason)!.name });
      assert.equal(r.ok, false, reason);
      assert.match(!r.ok ? r.error.message : '', /不能用于恢复/, reason);
    }
    assert.equal(t.ctx.store.state, 'ready');
    assert.deepEqual(fs.readFileSync(t.file), before, 'the database was not touched');
  } finally {
    t.close();
  }
});

test('a damaged database is never backed up: the good backup survives any number of failed restores and daily backups', async () => {
  const t = fixtureDb();
  try {
    const good = await call(t.ctx, 'backups.create', { reason: 'manual' });
    t.db.close();
    damagePages(t.file);
    const store = new Store(t.file, openDatabaseSync(t.file));
    const ctx = createContext(store, t.file, 'test');
    const bad = listBackups(t.file);
    for (let i = 0; i < KEEP_BACKUPS + 5; i++) {
      const daily = await dispatch(ctx, 'backups.create', { reason: 'daily' });
      assert.equal(daily.ok, false);
      assert.match(!daily.ok ? daily.error.message : '', /完整性检查/);
    }
    await assert.rejects(backupDatabase(store.db, t.file, 'daily'), (e) => e instanceof BackupProblem && e.damaged);
    assert.deepEqual(listBackups(t.file).map((b) => b.name), bad.map((b) => b.name), 'no backup of the damaged file was kept');
    assert.deepEqual(fs.readdirSync(backupDirFor(t.file)).filter((n) => n.endsWith('.partial')), [], 'and nothing half-written is left');
    // The restore goes ahead over the damaged database and keeps a copy of it beside the backups.
    const r = await call(ctx, 'backups.restore', { name: good.name });
    assert.equal(r.safetyBackup, null);
    assert.ok(r.damagedCopy && fs.existsSync(r.damagedCopy));
    assert.equal(ctx.store.state, 'ready');
    assert.equal(ctx.db.pragma('quick_check', { simple: true }), 'ok');
    assert.equal((await call(ctx, 'tasks.query', { roundId: t.roundId, search: '氢能' })).rows.length, 1);
    store.close();
  } finally {
    t.close();
  }
});

test('the newest good backup is never pruned, even behind more than twenty newer damaged files', async () => {
  const t = fixtureDb();
  try {
    const good = await call(t.ctx, 'backups.create', { reason: 'manual' });
    const folder = backupDirFor(t.file);
    fs.renameSync(good.file, path.join(folder, `test-${stampOf(0)}-manual.db`));
    for (let i = 1; i <= KEEP_BACKUPS + 4; i++) fs.writeFileSync(path.join(folder, `test-${stampOf(i)}-daily.db`), Buffer.alloc(8192, 1));
    pruneBackups(t.file);
    const left = listBackups(t.file).map((b) => b.name);
    assert.equal(left.length, KEEP_BACKUPS + 1);
    assert.ok(left.includes(`test-${stampOf(0)}-manual.db`), 'the only good backup stays');
  } finally {
    t.close();
  }
});

test('restore replaces the files with the connection closed and opens them again; an unreadable database is restored too', async () => {
  const t = fixtureDb();
  try {
    const b = await call(t.ctx, 'backups.create', { reason: 'manual' });
    await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '已完成' }] });
    const old = t.ctx.db;
    const r = await call(t.ctx, 'backups.restore', { name: b.name });
    assert.equal(old.open, false, 'the old connection is closed');
    assert.notEqual(t.ctx.db, old, 'a new one took its place');
    assert.match(r.safetyBackup?.name ?? '', /before-restore/);
    assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status, '待评估');
    // The state replaced is a checked backup: restoring it brings the edit back.
    await call(t.ctx, 'backups.restore', { name: r.safetyBackup!.name });
    assert.equal((await call(t.ctx, 'tasks.get', { id: 'fx-t1', roundId: t.roundId })).eval.status, '已完成');

    // Now the header is gone: the database cannot be opened; only the recovery operations answer, and the restore works.
    t.ctx.store.close();
    spoilHeader(t.file);
    const opened = await openChecked(t.file);
    assert.equal(opened.db, null);
    assert.match(opened.damaged ?? '', /不是 SQLite 数据库|文件头已损坏/);
    const ctx = createContext(new Store(t.file, null, opened), t.file, 'test');
    const refused = await dispatch(ctx, 'tasks.query', { roundId: t.roundId });
    assert.equal(!refused.ok && refused.error.code, 'damaged');
    const info = await call(ctx, 'app.info', {});
    assert.equal(info.state, 'damaged');
    const listed = await call(ctx, 'backups.list', {});
    assert.ok(listed.every((x) => x.counts !== undefined), 'on a damaged database the list says what each backup holds');
    await call(ctx, 'backups.restore', { name: b.name });
    assert.equal(ctx.store.state, 'ready');
    assert.equal((await call(ctx, 'app.info', {})).counts.tasks, 7);
    ctx.store.close();
  } finally {
    t.close();
  }
});

test('a 0-byte database found at start counts as damaged, not as a new empty one', async () => {
  const file = fixtureFile('zero.db');
  fs.writeFileSync(file, '');
  const opened = await openChecked(file);
  assert.equal(opened.db, null);
  assert.match(opened.damaged ?? '', /数据库文件是空的/);
  assert.equal(fs.statSync(file).size, 0, 'the file was not turned into a new database');
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
});
