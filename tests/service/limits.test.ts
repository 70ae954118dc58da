// Free-form arguments have size limits (a saved view or column layout at most 256 KB), the operator's name is a setting
// recorded with every action, and SQLite and system errors reach the planner explained in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { call, dispatch } from '../../core/dispatch';
import { explainError } from '../../core/common/errors';
import { MAX_STATE_BYTES } from '../../contract/app';
import { fixtureDb } from '../helpers/db';
import { outTo } from '../helpers/files';
import { readOnly, writable } from '../helpers/damage';

test('a saved view or a column layout over 256 KB is refused before anything is stored', async () => {
  const t = fixtureDb();
  try {
    const big = { columns: 'x'.repeat(MAX_STATE_BYTES) };
    const cjk = { filters: '规'.repeat(Math.ceil(MAX_STATE_BYTES / 3) + 10) };
    for (const [op, args] of [['views.save', { grid: 'tasks', name: '大视图', state: big }], ['views.save', { grid: 'tasks', name: '中文', state: cjk }],
      ['settings.setLayout', { grid: 'tasks', layout: big }]] as const) {
      const r = await dispatch(t.ctx, op, args);
      assert.equal(!r.ok && r.error.code, 'bad_args', op);
      assert.match(!r.ok ? r.error.message : '', /过大.*256 KB/);
    }
    assert.equal((await call(t.ctx, 'views.list', { grid: 'tasks' })).length, 0);
    const fits = { columns: 'x'.repeat(MAX_STATE_BYTES - 100) };
    assert.equal((await call(t.ctx, 'views.save', { grid: 'tasks', name: '刚好', state: fits })).name, '刚好');
  } finally {
    t.close();
  }
});

test("the operator's name is a setting, given back by app.info and settings.get, and recorded on every action", async () => {
  const t = fixtureDb();
  try {
    const tooLong = await dispatch(t.ctx, 'settings.setOperator', { name: '名'.repeat(51) });
    assert.equal(!tooLong.ok && tooLong.error.code, 'bad_args');
    assert.equal((await call(t.ctx, 'settings.setOperator', { name: ' 王科员\u0007 ' })).operator, '王科员');
    assert.equal((await call(t.ctx, 'settings.get', {})).operator, '王科员');
    assert.equal((await call(t.ctx, 'app.info', {})).operator, '王科员');
    await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'status', value: '滞后' }] });
    const h = await call(t.ctx, 'history.entity', { entity: 'task', id: 'fx-t1' });
    assert.equal(h[0].operator, '王科员');
    assert.equal((await call(t.ctx, 'history.actions', { limit: 1 }))[0].operator, '王科员');
  } finally {
    t.close();
  }
});

test('SQLite and system errors are explained in Chinese with a code the window can act on', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ code: 'SQLITE_READONLY', message: 'attempt to write a readonly database' }, 'read_only', /只读/],
    [{ code: 'SQLITE_READONLY_DBMOVED', message: 'x' }, 'read_only', /只读/],
    [{ code: 'SQLITE_CORRUPT', message: 'database disk image is malformed' }, 'damaged', /已损坏.*备份恢复/],
    [{ code: 'SQLITE_NOTADB', message: 'file is not a database' }, 'damaged', /已损坏/],
    [{ code: 'SQLITE_CANTOPEN', message: 'unable to open database file' }, 'cant_open', /无法打开数据库文件/],
    [{ code: 'SQLITE_IOERR_WRITE', message: 'disk I/O error' }, 'io_error', /读写数据库文件时出错/],
    [{ code: 'SQLITE_BUSY', message: 'database is locked' }, 'busy', /正忙/],
    [{ code: 'SQLITE_FULL', message: 'database or disk is full' }, 'disk_full', /磁盘空间不足/],
    [{ code: 'EACCES', path: '/x/报告.xlsx' }, 'no_permission', /没有权限读写文件「报告\.xlsx」/],
    [{ code: 'EPERM', path: 'C:\\x\\报告.xlsx' }, 'no_permission', /「报告\.xlsx」/],
    [{ code: 'EBUSY', path: '/x/填报表.xlsx' }, 'file_locked', /正被其他程序占用.*WPS/],
    [{ code: 'ENOENT', path: '/x/a.docx' }, 'not_found', /找不到文件或文件夹「a\.docx」/],
    [{ code: 'EROFS', path: '/mnt/cd/a.db' }, 'read_only', /只读的磁盘/],
    [{ code: 'ENOSPC' }, 'disk_full', /磁盘空间不足/],
    [{ code: 'EIO', path: '/x/a.db' }, 'io_error', /读写文件「a\.db」时出错/],
  ];
  for (const [e, code, message] of cases) {
    const r = explainError(Object.assign(new Error(String(e.message ?? e.code)), e));
    assert.equal(r?.code, code, JSON.stringify(e));
    assert.match(r!.message, message, JSON.stringify(e));
  }
  assert.equal(explainError(new TypeError('x is undefined')), null, 'a defect is not dressed up as a system error');
});

test('an export onto a file that cannot be written fails with the reason in Chinese, naming the file', async (tc) => {
  const t = fixtureDb();
  const out = path.join(t.dir, '交换文件.json');
  fs.writeFileSync(out, '');
  try {
    if (!readOnly(out)) return tc.skip('cannot make files read-only here');
    const r = await dispatch(t.ctx, 'export.json', { out: outTo(t.ctx, out) });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'no_permission');
    assert.match(!r.ok ? r.error.message : '', /「交换文件\.json」/);
  } finally {
    writable(out);
    t.close();
  }
});
