// Returns round trip through dispatch: export a unit's workbook, fill it in as a person would (a formula, a value
// changed here meanwhile, a task the unit only shares), import, and check the preview, per-cell decisions, the
// database and the history; altered files (ids swapped between rows included) change nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { call } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import type { TestDb as Fixture } from '../helpers/db';
import { fileIn, folderTo, writtenPath } from '../helpers/files';
import { exportReturn, openBook, put, putContacts, columnOf, rowOf, saveAs } from '../helpers/returns';

const exportFor = (f: Fixture, unit: string) => exportReturn(f.ctx, f.roundId, unit, path.join(f.dir, 'out'));

const history = (f: Fixture) => f.ctx.db.prepare(`SELECT h.entity, h.entity_id, h.field, h.old_value, h.new_value, a.source, a.detail
  FROM history h JOIN actions a ON a.id = h.action_id WHERE a.source = 'return' ORDER BY h.id`).all() as Record<string, string>[];
const snapshot = (f: Fixture) => JSON.stringify([
  f.ctx.db.prepare('SELECT * FROM task_evals ORDER BY task_id').all(), f.ctx.db.prepare('SELECT * FROM target_evals ORDER BY target_id').all(),
  f.ctx.db.prepare('SELECT count(*) FROM history').get(), f.ctx.db.prepare('SELECT count(*) FROM returns_received').get(),
]);
const evalOf = (f: Fixture, id: string, col: string) => f.ctx.db.prepare(`SELECT ${col} FROM task_evals WHERE task_id = ? AND round_id = ?`).pluck().get(id, f.roundId);

test('round trip: changes previewed per cell, conflicts flagged, a shared task kept as the unit\'s input, history written', async () => {
  const f = makeFixture();
  try {
    const file = await exportFor(f, UNITS.GX);
    // An edit made here after the export: the same cell the unit will change.
    await call(f.ctx, 'tasks.edit', { roundId: f.roundId, source: 'edit', edits: [{ id: 't-1', field: 'evidence', value: '本机修改的进展' }] });

    const wb = await openBook(file);
    putContacts(wb);
    put(wb, '重点任务', 't-1', '进展情况', '单位填写的进展');
    put(wb, '重点任务', 't-1', '存在问题', '配套项目落地慢。');
    put(wb, '重点任务', 't-5', '评估状态', '序时推进');
    put(wb, '重点任务', 't-5', '进度(%)', { formula: '30+15', result: 45 } as ExcelJS.CellFormulaValue);
    put(wb, '重点任务', 't-5', '进展情况', '=HYPERLINK("http://example.com","点此")');
    put(wb, '重点任务', 't-4', '进展情况', '工信局配合完善政策体系。'); // t-4 is led by 发展改革委: 工信局 only shares it
    put(wb, '重点任务', 't-6', '进度(%)', { formula: 'A1*2' } as ExcelJS.CellFormulaValue);
    put(wb, '主要指标', 'g-qy', '实际值', 2010);
    put(wb, '主要指标', 'g-qy', '数据来源', '市工业和信息化局统计');
    const filled = await saveAs(wb, file, '回收');

    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, filled)] });
    assert.equal(p.files[0].error, null);
    assert.equal(p.files[0].unit, UNITS.GX);
    assert.equal(p.files[0].blocked, null);
    assert.deepEqual(p.files[0].contacts, { filler: '张明', phone: '023-63891234', reviewer: '王建国', filledOn: '2023-07-03' });
    const byId = new Map(p.rows.map((r) => [r.entityId, r]));
    assert.deepEqual([...byId.keys()].sort(), ['g-qy', 't-1', 't-4', 't-5', 't-6']);
    const c1 = byId.get('t-1')!;
    assert.equal(c1.conflict, true);
    assert.equal(c1.takenByDefault, false);
    const before = f.ctx.db.prepare(`SELECT old_value FROM history WHERE entity_id = 't-1' AND field = 'evidence' ORDER BY id DESC LIMIT 1`).pluck().get();
    assert.deepEqual(c1.changes.map((c) => [c.field, c.oldValue, c.newValue, c.currentValue, c.conflict]),
      [['evidence', before, '单位填写的进展', '本机修改的进展', true], ['problems', '关键零部件本地配套率偏低。', '配套项目落地慢。', '关键零部件本地配套率偏低。', false]]);
    const c5 = byId.get('t-5')!;
    assert.equal(c5.conflict, false);
    assert.equal(c5.takenByDefault, true);
    assert.deepEqual(c5.changes.map((c) => [c.field, c.newValue]), [['status', '序时推进'], ['progress', '45'], ['evidence', '=HYPERLINK("http://example.com","点此")']]);
    assert.deepEqual([byId.get('t-4')!.role, byId.get('t-4')!.takenByDefault], ['responsible', false]);
    assert.match(byId.get('t-6')!.problem ?? '', /公式且没有保存计算结果/);
    assert.deepEqual(byId.get('g-qy')!.changes.map((c) => [c.field, c.oldValue, c.newValue]), [['actual', '', '2010'], ['dataSource', '', '市工业和信息化局统计']]);
    assert.ok(p.rows.every((r) => r.changes.every((c) => !String(c.newValue).includes('[object'))));

    const applied = await call(f.ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    assert.deepEqual([applied.skippedConflicts, applied.appliedRows, applied.appliedCells, applied.skippedBlocked], [1, 2, 5, 0]);
    assert.deepEqual(f.ctx.db.prepare(`SELECT status, progress, evidence FROM task_evals WHERE task_id = 't-5' AND round_id = ?`).get(f.roundId),
      { status: '序时推进', progress: 45, evidence: '=HYPERLINK("http://example.com","点此")' });
    assert.equal(evalOf(f, 't-1', 'evidence'), '本机修改的进展');
    assert.equal(evalOf(f, 't-4', 'evidence') ?? '', '', 'a unit that only shares the task does not replace its text by default');
    const inputs = f.ctx.db.prepare(`SELECT entity_id, field, value FROM unit_inputs WHERE unit = ? ORDER BY entity_id, field`).raw().all(UNITS.GX) as string[][];
    assert.deepEqual(inputs.filter((r) => r[0] === 't-4'), [['t-4', 'evidence', '工信局配合完善政策体系。']]);
    assert.equal(inputs.length, 9, 'every cell the unit changed is its input, the unreadable one with its problem');
    const h = history(f);
    assert.equal(h.length, 5);
    assert.ok(h.every((x) => x.source === 'return' && x.detail.includes(UNITS.GX) && x.detail.includes(path.basename(filled))));
    const rec = f.ctx.db.prepare('SELECT state, pending_rows, applied_rows FROM returns_received').get();
    assert.deepEqual(rec, { state: 'partial', pending_rows: 1, applied_rows: 2 });

    // Per cell: the row's other cell goes in, the conflicting one stays as it is here; then that one is taken on purpose.
    const again = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, filled)] });
    assert.equal(f.ctx.db.prepare('SELECT count(*) FROM returns_received').pluck().get(), 1, 'the same file is the same return');
    const k = again.rows.find((r) => r.entityId === 't-1')!.key;
    const one = await call(f.ctx, 'returns.apply', { previewId: again.previewId, accept: [{ key: k, fields: ['problems'] }] });
    assert.deepEqual([one.appliedRows, one.appliedCells], [1, 1]);
    assert.deepEqual([evalOf(f, 't-1', 'problems'), evalOf(f, 't-1', 'evidence')], ['配套项目落地慢。', '本机修改的进展']);
    const third = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, filled)] });
    const k3 = third.rows.find((r) => r.entityId === 't-1')!.key;
    const taken = await call(f.ctx, 'returns.apply', { previewId: third.previewId, accept: [{ key: k3, fields: ['evidence'] }] });
    assert.equal(taken.appliedCells, 1, 'a conflicting cell chosen on its own is the planner\'s decision');
    assert.equal(evalOf(f, 't-1', 'evidence'), '单位填写的进展');
  } finally {
    f.close();
  }
});

test('a return taken in again untouched shows no change, whatever line ends or control characters the stored text has', async () => {
  const f = makeFixture();
  try {
    f.ctx.db.prepare(`UPDATE task_evals SET evidence = ?, problems = ?, next_steps = ? WHERE task_id = 't-1' AND round_id = ?`)
      .run('第一行\r\n第二行\r第三行', '问题\u0007一\u000b', '  下步打算  ', f.roundId);
    f.ctx.db.prepare(`UPDATE target_evals SET actual = ' 1180 ' WHERE target_id = 'g-zjz' AND round_id = ?`).run(f.roundId);
    const file = await exportFor(f, UNITS.GX);
    const wb = await openBook(file);
    putContacts(wb);
    const untouched = await saveAs(wb, file, '原样');
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, untouched)] });
    assert.equal(p.files[0].error, null);
    assert.deepEqual(p.rows, []);
    assert.equal(p.previewId, '');
    assert.equal(f.ctx.db.prepare('SELECT count(*) FROM unit_inputs').pluck().get(), 0);
    assert.equal(f.ctx.db.prepare('SELECT state FROM returns_received').pluck().get(), 'nochange');
  } finally {
    f.close();
  }
});

async function altered(f: Fixture, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = await exportFor(f, UNITS.KJ);
  const wb = await openBook(file);
  putContacts(wb);
  change(wb);
  return saveAs(wb, file, '改');
}

test('altered or foreign workbooks are explained and change nothing', async () => {
  const f = makeFixture();
  try {
    const before = snapshot(f);
    const swap = (wb: ExcelJS.Workbook) => {
      // Two hidden ids swapped between rows: each row's values would land on the other task.
      const ws = wb.getWorksheet('重点任务')!;
      const [a, b] = [ws.getRow(4).getCell(1), ws.getRow(5).getCell(1)];
      [a.value, b.value] = [b.value, a.value];
      ws.getRow(4).getCell(columnOf(ws, '进展情况')).value = '换了编号的进展';
    };
    const cases: [string, (wb: ExcelJS.Workbook) => void, RegExp][] = [
      ['row added', (wb) => { const ws = wb.getWorksheet('重点任务')!; ws.getRow(ws.rowCount + 1).getCell(5).value = '新增的任务'; }, /新增的行/],
      ['id changed', (wb) => { const ws = wb.getWorksheet('重点任务')!; ws.getRow(4).getCell(1).value = 'x-999'; ws.getRow(4).getCell(columnOf(ws, '进展情况')).value = '改了'; }, /编号被改动/],
      ['ids swapped', swap, /编号与该行的名称不对应/],
      ['sheet renamed', (wb) => { wb.getWorksheet('主要指标')!.name = '指标'; }, /工作表被重命名/],
      ['header changed', (wb) => { const ws = wb.getWorksheet('重点任务')!; ws.getCell(3, columnOf(ws, '进展情况')).value = '情况'; }, /表头被改动/],
      ['not ours', (wb) => { wb.removeWorksheet(wb.getWorksheet('_meta')!.id); }, /不是规划评估台下发的填报表/],
    ];
    for (const [what, change, message] of cases) {
      const file = await altered(f, change);
      const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, file)] });
      assert.match(p.files[0].error ?? '', message, what);
      assert.equal(p.rows.length, 0, what);
      assert.equal(p.previewId, '');
    }
    const plain = path.join(f.dir, 'plain.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '随便';
    await wb.xlsx.writeFile(plain);
    const notZip = path.join(f.dir, 'fake.xlsx');
    fs.writeFileSync(notZip, 'this is not a workbook');
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, plain), fileIn(f.ctx, notZip)] });
    assert.match(p.files[0].error ?? '', /不是规划评估台下发的填报表/);
    assert.match(p.files[1].error ?? '', /不是 Excel 工作簿/);
    // Only the exports were recorded; no return was taken in and no value changed.
    assert.equal(snapshot(f), before);
  } finally {
    f.close();
  }
});

test('a workbook issued again replaces the old one: the old one is refused, naming the new file, and its rows say what the unit says now', async () => {
  const f = makeFixture();
  try {
    const old = await exportFor(f, UNITS.KJ);
    const wb = await openBook(old);
    putContacts(wb);
    put(wb, '重点任务', 'k-1', '进展情况', '按旧表填写');
    const oldFilled = await saveAs(wb, old, '旧');
    await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, oldFilled)] });
    const r = await call(f.ctx, 'export.returns', { roundId: f.roundId, units: [UNITS.KJ], folder: f.ctx.handles.register(path.join(f.dir, 'again'), 'folder').handle });
    assert.equal(r.files[0].replaced, true);
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, oldFilled)] });
    assert.match(p.files[0].error ?? '', /已被替换的旧填报表/);
    assert.ok(p.files[0].error!.includes(r.files[0].name), p.files[0].error!);
    assert.equal(evalOf(f, 'k-1', 'evidence'), '');

    // The new workbook is the unit's word on its rows: what the old one said of them no longer stands.
    const fresh = await openBook(f.ctx.handles.resolve(r.files[0].handle, 'read'));
    putContacts(fresh);
    put(fresh, '主要指标', 'g-yf', '实际值', '2.76');
    await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(fresh, old, '新'))] });
    const inputs = f.ctx.db.prepare('SELECT entity_id, field, value FROM unit_inputs ORDER BY entity_id').raw().all();
    assert.deepEqual(inputs, [['g-yf', 'actual', '2.76']]);
  } finally {
    f.close();
  }
});

test('a row whose task was deleted after the export is named and left out; the rest of the return goes in', async () => {
  const f = makeFixture();
  try {
    const file = await exportFor(f, UNITS.KJ);
    const wb = await openBook(file);
    putContacts(wb);
    put(wb, '重点任务', 'k-1', '进展情况', '科学中心启动建设。');
    put(wb, '主要指标', 'g-yf', '实际值', '2.8');
    const filled = await saveAs(wb, file, '回收');
    await call(f.ctx, 'plans.delete', { id: 'p-kj' });
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, filled)] });
    assert.match(p.rows.find((r) => r.entityId === 'k-1')?.problem ?? '', /在下发后已被删除/);
    const r = await call(f.ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    assert.deepEqual([r.appliedRows, r.appliedCells], [1, 1]);
    assert.equal(f.ctx.db.prepare(`SELECT actual FROM target_evals WHERE target_id = 'g-yf'`).pluck().get(), '2.8');
  } finally {
    f.close();
  }
});

test('zip bombs are refused from the central directory before parsing', async () => {
  const f = makeFixture();
  try {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(8 * 1024 * 1024, 0x41));
    const bomb = path.join(f.dir, 'bomb.xlsx');
    fs.writeFileSync(bomb, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } }));
    assert.ok(fs.statSync(bomb).size < 1024 * 1024);
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, bomb)] });
    assert.match(p.files[0].error ?? '', /压缩炸弹/);
  } finally {
    f.close();
  }
});

test('an edit made here while the workbooks are being written is kept: the unit\'s untouched cell leaves it, its own change to it is a conflict', async () => {
  const f = makeFixture();
  try {
    // k-1 belongs to 科技局 and 发展改革委; 工信局's workbook, written first, is done before the edit comes in.
    let edited = false;
    f.ctx.progress = (p) => {
      if (p.op !== 'export.returns' || edited) return;
      edited = true;
      void call(f.ctx, 'tasks.edit', { roundId: f.roundId, source: 'edit', edits: [
        { id: 'k-1', field: 'status', value: '序时推进' }, { id: 'k-1', field: 'evidence', value: '本机在导出时写的进展' }] });
    };
    const r = await call(f.ctx, 'export.returns', { roundId: f.roundId, folder: folderTo(f.ctx, path.join(f.dir, 'all')) });
    assert.ok(edited);
    assert.equal(r.files[0].unit, UNITS.GX, 'the edit came in after the first workbook');
    assert.equal(evalOf(f, 'k-1', 'status'), '序时推进');
    const kj = writtenPath(f.ctx, r.files.find((x) => x.unit === UNITS.KJ)!.handle);
    const wb = await openBook(kj);
    putContacts(wb);
    assert.equal(rowOf(wb.getWorksheet('重点任务')!, 'k-1').getCell(columnOf(wb.getWorksheet('重点任务')!, '评估状态')).value, '未启动',
      'the workbook shows the task as it was when the rows were read');
    put(wb, '重点任务', 'k-1', '进展情况', '科技局填写的进展');
    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(wb, kj, '回收'))] });
    const k1 = p.rows.find((x) => x.entityId === 'k-1')!;
    assert.deepEqual(k1.changes.map((c) => [c.field, c.newValue, c.currentValue, c.conflict]), [['evidence', '科技局填写的进展', '本机在导出时写的进展', true]],
      'the status the unit left as it saw it is no change; the text it wrote over the edit is a conflict');
    await call(f.ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    assert.deepEqual([evalOf(f, 'k-1', 'status'), evalOf(f, 'k-1', 'evidence')], ['序时推进', '本机在导出时写的进展']);
  } finally {
    f.close();
  }
});
