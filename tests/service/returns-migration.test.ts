// Migration 007 over a database of schema 6 holding a workbook issued before it (layout 1: no contacts, ids not bound to
// their rows): the tables of the returns board appear, the old export is kept, and its filled workbook is still read,
// held back until the planner enters the contacts it could not carry, then applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { openDatabase, openRaw } from '../../db/connection';
import { latestVersion } from '../../db/migrations';
import { createContext } from '../../core/common/context';
import { call } from '../../core/dispatch';
import { returnsChecksum, LAYOUT_1, SHEETS } from '../../core/returns/layout';
import { tempDir, oldSchemaFile } from '../helpers/db';
import { fileIn } from '../helpers/files';

const UNIT = '区经济信息委';
const EXPORT_ID = '0b7c6a52-1111-4222-8333-944455556666';

/** A filled workbook as layout 1 wrote it: the old columns, the checksum over the sorted ids only. */
async function layoutOneReturn(file: string, checksum: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('填报说明').getCell('A1').value = `${UNIT} 规划中期评估填报说明`;
  const tasks = wb.addWorksheet('重点任务');
  LAYOUT_1.tasks.forEach((c, i) => { tasks.getCell(3, i + 1).value = c.header; });
  tasks.getRow(4).values = ['t1', 1, '旧规划', '一、产业', '培育氢能产业', UNIT, '', '序时推进', 40, '建成加氢站2座。', '', '', ''];
  const targets = wb.addWorksheet('主要指标');
  LAYOUT_1.targets.forEach((c, i) => { targets.getCell(3, i + 1).value = c.header; });
  const meta = wb.addWorksheet('_meta', { state: 'veryHidden' });
  [['plan-review-returns', 1], ['exportId', EXPORT_ID], ['roundId', 1], ['unit', UNIT], ['checksum', checksum]].forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  await wb.xlsx.writeFile(file);
}

test('a schema-6 database migrates to the returns board, and a workbook issued before it is still taken in', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'v6.db');
  oldSchemaFile(file, 6, '旧规划');
  const checksum = returnsChecksum(EXPORT_ID, SHEETS, [['t1', '']], [], 1);
  const raw = openRaw(file);
  raw.exec(`INSERT INTO tasks (id, plan_id, title, kind, lead_units) VALUES ('t1', 'p1', '培育氢能产业', 'task', '["${UNIT}"]');
    INSERT INTO entity_units (entity, entity_id, unit, role) VALUES ('task', 't1', '${UNIT}', 'lead');
    INSERT INTO rounds (id, name, cutoff, created_at) VALUES (1, '2025年中期评估', '2025-06-30', '2025-01-01');
    INSERT INTO task_evals (round_id, task_id, status, updated_at) VALUES (1, 't1', '未启动', '2025-01-01');`);
  raw.prepare(`INSERT INTO returns_exports (id, round_id, unit, file, max_action_id, checksum, sheets, task_count, target_count, created_at)
    VALUES (?, 1, ?, '/old/填报表.xlsx', 0, ?, ?, 1, 0, '2025-06-01T09:00:00.000+08:00')`).run(EXPORT_ID, UNIT, checksum, JSON.stringify(SHEETS));
  raw.close();

  const db = await openDatabase(file);
  try {
    assert.equal(db.pragma('user_version', { simple: true }), latestVersion);
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    assert.ok(['superseded_by', 'layout', 'headers'].every((c) => cols('returns_exports').includes(c)));
    assert.ok(['export_id', 'filler', 'phone', 'reviewer', 'filled_on', 'state', 'pending_rows', 'applied_rows'].every((c) => cols('returns_received').includes(c)));
    assert.deepEqual(cols('unit_inputs'), ['round_id', 'unit', 'entity', 'entity_id', 'field', 'value', 'problem', 'line', 'received_id']);
    assert.deepEqual(db.prepare('SELECT layout, superseded_by, headers FROM returns_exports').get(), { layout: 1, superseded_by: null, headers: '' });

    const ctx = createContext(db, file, 'test', path.join(dir, 'exports'));
    const filled = path.join(dir, '回收-旧表.xlsx');
    await layoutOneReturn(filled, checksum);
    const p = await call(ctx, 'returns.preview', { files: [fileIn(ctx, filled)] });
    assert.equal(p.files[0].error, null);
    assert.match(p.files[0].blocked ?? '', /未填写填报人、联系电话、审核人\(负责人\)、填报日期/);
    assert.deepEqual(p.rows.map((r) => [r.entityId, r.takenByDefault, r.changes.map((c) => c.newValue)]), [['t1', false, ['序时推进', '40', '建成加氢站2座。']]]);
    const held = await call(ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    assert.deepEqual([held.appliedRows, held.skippedBlocked], [0, 1]);

    const again = await call(ctx, 'returns.review', { roundId: 1 });
    assert.equal(again.rows.length, 1, 'still waiting for review');
    await assert.rejects(call(ctx, 'returns.setContacts', { receivedId: p.files[0].receivedId!, filler: '刘洋', phone: '电话', reviewer: '陈刚', filledOn: '2025-06-20' }), /不像电话号码/);
    const set = await call(ctx, 'returns.setContacts', { receivedId: p.files[0].receivedId!, filler: '刘洋', phone: '023-67001234', reviewer: '陈刚', filledOn: '2025-06-20' });
    assert.equal(set.blocked, null);
    const reread = await call(ctx, 'returns.preview', { files: [fileIn(ctx, filled)] });
    assert.deepEqual([reread.files[0].receivedId, reread.files[0].blocked, reread.rows[0].takenByDefault], [p.files[0].receivedId, null, true],
      'the same file read again is the same return, with the contacts entered for it');
    await call(ctx, 'returns.cancel', { previewId: reread.previewId });
    const done = await call(ctx, 'returns.apply', { previewId: again.previewId, accept: 'all' });
    assert.deepEqual([done.appliedRows, done.appliedCells], [1, 3]);
    assert.deepEqual(db.prepare('SELECT status, progress, evidence FROM task_evals WHERE task_id = ?').get('t1'), { status: '序时推进', progress: 40, evidence: '建成加氢站2座。' });
    assert.equal(db.prepare('SELECT state FROM returns_received').pluck().get(), 'applied');
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
