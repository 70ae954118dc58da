// Returns round trip through dispatch: export a unit's workbook, fill it in as a person would (including a formula and
// a value changed here meanwhile), import, and check the preview, the database and the history; altered files change nothing.
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

async function exportFor(f: Fixture, unit: string): Promise<string> {
  const r = await call(f.ctx, 'export.returns', { roundId: f.roundId, units: [unit], folder: folderTo(f.ctx, path.join(f.dir, 'out')) });
  assert.equal(r.files.length, 1);
  return writtenPath(f.ctx, r.files[0].handle);
}

const history = (f: Fixture) => f.ctx.db.prepare(`SELECT h.entity, h.entity_id, h.field, h.old_value, h.new_value, a.source, a.detail
  FROM history h JOIN actions a ON a.id = h.action_id WHERE a.source = 'return' ORDER BY h.id`).all() as Record<string, string>[];
const snapshot = (f: Fixture) => JSON.stringify([
  f.ctx.db.prepare('SELECT * FROM task_evals ORDER BY task_id').all(), f.ctx.db.prepare('SELECT * FROM target_evals ORDER BY target_id').all(),
  f.ctx.db.prepare('SELECT count(*) FROM history').get(),
]);

function rowOf(ws: ExcelJS.Worksheet, id: string): ExcelJS.Row {
  for (let r = 4; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(1).value === id) return ws.getRow(r);
  throw new Error(`no row ${id}`);
}

test('the returns workbook: locked and open columns, dropdown, instructions, hidden ids and metadata', async () => {
  const f = makeFixture();
  try {
    const file = await exportFor(f, UNITS.GX);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['填报说明', '重点任务', '主要指标', '_meta']);
    assert.equal(wb.getWorksheet('_meta')!.state, 'veryHidden');
    assert.match(String(wb.getWorksheet('填报说明')!.getCell('A6').value), /下拉列表/);
    const ws = wb.getWorksheet('重点任务')!;
    assert.equal(ws.getColumn(1).hidden, true);
    assert.equal(ws.getCell('H3').value, '评估状态');
    // t-1 (lead), t-2 (lead), t-3, t-4 (responsible), t-5 (lead), t-6 (responsible): every task the unit leads or shares.
    const ids: string[] = [];
    for (let r = 4; r <= ws.rowCount; r++) ids.push(String(ws.getRow(r).getCell(1).value));
    assert.deepEqual(ids.sort(), ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6']);
    const r1 = rowOf(ws, 't-1');
    assert.equal(r1.getCell(5).protection?.locked, undefined, 'read-only columns keep the default lock');
    assert.equal(r1.getCell(8).protection?.locked, false);
    assert.equal(r1.getCell(8).dataValidation.type, 'list');
    assert.match(String(r1.getCell(8).dataValidation.formulae?.[0]), /序时推进/);
    assert.equal(r1.getCell(9).dataValidation.type, 'decimal');
    assert.ok((ws as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet, 'sheet is protected');
    // text that looks like a formula is written as text, formatted as text
    const r2 = rowOf(ws, 't-2');
    assert.equal(r2.getCell(10).value, '=SUM(A1:A9) 项目前期手续办理中');
    assert.equal(r2.getCell(10).type, ExcelJS.ValueType.String);
    assert.equal(r2.getCell(10).numFmt, '@');
    const targets = wb.getWorksheet('主要指标')!;
    assert.equal(targets.getCell('H3').value, '实际值');
    assert.deepEqual([rowOf(targets, 'g-zjz').getCell(8).value, rowOf(targets, 'g-qy').getCell(8).value], ['1180', null]);
  } finally {
    f.close();
  }
});

test('round trip: a filled return previews each change, flags conflicts, reads formulas by value and lands in history', async () => {
  const f = makeFixture();
  try {
    const file = await exportFor(f, UNITS.GX);
    // An edit made here after the export: the same cell the unit will change.
    await call(f.ctx, 'tasks.edit', { roundId: f.roundId, source: 'edit', edits: [{ id: 't-1', field: 'evidence', value: '本机修改的进展' }] });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('重点任务')!;
    const t1 = rowOf(ws, 't-1');
    t1.getCell(10).value = '单位填写的进展';
    const t4 = rowOf(ws, 't-4');
    t4.getCell(8).value = '序时推进';
    t4.getCell(9).value = { formula: '30+15', result: 45 } as ExcelJS.CellFormulaValue;
    t4.getCell(10).value = '=HYPERLINK("http://example.com","点此")';
    const t6 = rowOf(ws, 't-6');
    t6.getCell(9).value = { formula: 'A1*2' } as ExcelJS.CellFormulaValue;
    const tg = wb.getWorksheet('主要指标')!;
    rowOf(tg, 'g-qy').getCell(8).value = 2010;
    rowOf(tg, 'g-qy').getCell(9).value = '市工业和信息化局统计';
    const filled = path.join(f.dir, '回收-工信局.xlsx');
    await wb.xlsx.writeFile(filled);

    const p = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, filled)] });
    assert.equal(p.files[0].error, null);
    assert.equal(p.files[0].unit, UNITS.GX);
    const byId = new Map(p.rows.map((r) => [r.entityId, r]));
    assert.deepEqual([...byId.keys()].sort(), ['g-qy', 't-1', 't-4', 't-6']);
    const c1 = byId.get('t-1')!;
    assert.equal(c1.conflict, true);
    assert.deepEqual(c1.changes.map((c) => [c.field, c.oldValue, c.newValue, c.currentValue, c.conflict]),
      [['evidence', f.ctx.db.prepare(`SELECT old_value FROM history WHERE entity_id = 't-1' AND field = 'evidence' ORDER BY id DESC LIMIT 1`).pluck().get(), '单位填写的进展', '本机修改的进展', true]]);
    const c4 = byId.get('t-4')!;
    assert.equal(c4.conflict, false);
    assert.deepEqual(c4.changes.map((c) => [c.field, c.newValue]), [['status', '序时推进'], ['progress', '45'], ['evidence', '=HYPERLINK("http://example.com","点此")']]);
    assert.match(byId.get('t-6')!.problem ?? '', /公式且没有保存计算结果/);
    assert.deepEqual(byId.get('g-qy')!.changes.map((c) => [c.field, c.oldValue, c.newValue]), [['actual', '', '2010'], ['dataSource', '', '市工业和信息化局统计']]);

    const applied = await call(f.ctx, 'returns.apply', { previewId: p.previewId, accept: 'all' });
    assert.equal(applied.skippedConflicts, 1);
    assert.equal(applied.appliedRows, 2);
    assert.equal(applied.appliedCells, 5);
    const t4row = f.ctx.db.prepare(`SELECT status, progress, evidence FROM task_evals WHERE task_id = 't-4' AND round_id = ?`).get(f.roundId);
    assert.deepEqual(t4row, { status: '序时推进', progress: 45, evidence: '=HYPERLINK("http://example.com","点此")' });
    assert.equal(f.ctx.db.prepare(`SELECT evidence FROM task_evals WHERE task_id = 't-1' AND round_id = ?`).pluck().get(f.roundId), '本机修改的进展');
    const h = history(f);
    assert.equal(h.length, 5);
    assert.ok(h.every((x) => x.source === 'return' && x.detail.includes(UNITS.GX) && x.detail.includes('回收-工信局.xlsx')));

    // The conflict can still be taken on purpose.
    const again = await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, filled)] });
    const k = again.rows.find((r) => r.entityId === 't-1')!.key;
    const forced = await call(f.ctx, 'returns.apply', { previewId: again.previewId, accept: [k], overrideConflicts: true });
    assert.equal(forced.appliedCells, 1);
    assert.equal(f.ctx.db.prepare(`SELECT evidence FROM task_evals WHERE task_id = 't-1' AND round_id = ?`).pluck().get(f.roundId), '单位填写的进展');
  } finally {
    f.close();
  }
});

async function altered(f: Fixture, change: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = await exportFor(f, UNITS.KJ);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  change(wb);
  const out = file.replace(/\.xlsx$/, '-改.xlsx');
  await wb.xlsx.writeFile(out);
  return out;
}

test('altered or foreign workbooks are explained and change nothing', async () => {
  const f = makeFixture();
  try {
    const before = snapshot(f);
    const cases: [string, (wb: ExcelJS.Workbook) => void, RegExp][] = [
      ['row added', (wb) => { const ws = wb.getWorksheet('重点任务')!; ws.getRow(ws.rowCount + 1).getCell(5).value = '新增的任务'; }, /新增的行/],
      ['id changed', (wb) => { const ws = wb.getWorksheet('重点任务')!; ws.getRow(4).getCell(1).value = 'x-999'; ws.getRow(4).getCell(10).value = '改了'; }, /编号被改动/],
      ['sheet renamed', (wb) => { wb.getWorksheet('主要指标')!.name = '指标'; }, /工作表被重命名/],
      ['header changed', (wb) => { wb.getWorksheet('重点任务')!.getCell('J3').value = '情况'; }, /表头被改动/],
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
    assert.equal(snapshot(f), before);
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
