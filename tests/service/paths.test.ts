// No client names a filesystem path: file arguments are handles the dialogs or the command line registered, and an
// output that is the database, its journal files or anything in its backups folder is refused, changing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { dispatch, call } from '../../core/dispatch';
import { backupDirFor } from '../../db/backup';
import { fixtureDb } from '../helpers/db';
import { outTo, folderTo } from '../helpers/files';

test('paths from the client are refused by the contract, whatever the operation', async () => {
  const t = fixtureDb();
  try {
    for (const [op, args] of [
      ['import.preview', { files: [{ path: '/etc/passwd' }] }], ['returns.preview', { files: [{ path: t.file }] }],
      ['export.json', { outPath: t.file }], ['export.report', { roundId: t.roundId, out: t.file }], ['files.reveal', { path: t.file }],
      ['export.returns', { roundId: t.roundId, folder: path.dirname(t.file) }],
    ] as const) {
      const r = await dispatch(t.ctx, op, args);
      assert.equal(!r.ok && r.error.code, 'bad_args', op);
    }
    const unknown = await dispatch(t.ctx, 'files.reveal', { handle: `h-${'a'.repeat(32)}` });
    assert.equal(!unknown.ok && unknown.error.code, 'unsupported', 'no dialogs outside the desktop app');
    const readOnlyHandle = t.ctx.handles.register(path.join(t.dir, 'chosen.json'), 'read').handle;
    const asOutput = await dispatch(t.ctx, 'export.json', { out: readOnlyHandle });
    assert.equal(!asOutput.ok && asOutput.error.code, 'bad_handle', 'a file chosen to be read is not a place to write');
  } finally {
    t.close();
  }
});

test('an export onto the database, its -wal/-shm or into its backups folder is refused and the database stays as it was', async () => {
  const t = fixtureDb();
  try {
    await call(t.ctx, 'backups.create', { reason: 'manual' });
    const before = fs.readFileSync(t.file);
    const backups = backupDirFor(t.file);
    for (const target of [t.file, `${t.file}-wal`, `${t.file}-shm`, path.join(backups, 'x.json')]) {
      const r = await dispatch(t.ctx, 'export.json', { out: outTo(t.ctx, target) });
      assert.equal(r.ok, false, target);
      assert.match(!r.ok ? r.error.message : '', /不能把导出文件保存为数据库文件/, target);
    }
    const folder = await dispatch(t.ctx, 'export.returns', { roundId: t.roundId, folder: folderTo(t.ctx, backups) });
    assert.equal(folder.ok, false);
    assert.deepEqual(fs.readFileSync(t.file), before);
    assert.equal((await call(t.ctx, 'tasks.edit', { roundId: t.roundId, source: 'edit', edits: [{ id: 'fx-t1', field: 'note', value: '仍可保存' }] })).changed.tasks.length, 1);
  } finally {
    t.close();
  }
});
