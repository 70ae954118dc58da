// The evaluation report read back cell by cell: sheets, merged titles, fonts, borders, fills from the palette, numbers
// with formats, widths that fit the text, row heights, frozen header, autofilter, print setup, the chart and the scopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { call } from '../../core/dispatch';
import { STATUS_COLORS, VERDICT_COLORS, argb } from '../../contract/colors';
import { displayWidth, wrappedLines } from '../../core/xlsx/text';
import { LINE_HEIGHT } from '../../core/xlsx/style';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import type { TestDb as Fixture } from '../helpers/db';
import { writeReport, HELD_TASKS } from '../../core/report/workbook';
import { outTo } from '../helpers/files';

async function report(f: Fixture, args: Record<string, unknown> = {}): Promise<ExcelJS.Workbook> {
  const out = path.join(f.dir, `r-${Math.random().toString(36).slice(2)}.xlsx`);
  await call(f.ctx, 'export.report', { roundId: f.roundId, out: outTo(f.ctx, out), ...args });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  return wb;
}

const headers = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
function column(ws: ExcelJS.Worksheet, header: string, headerRow = 3): number {
  for (const r of [headerRow, headerRow + 1]) {
    const i = headers(ws, r).indexOf(header);
    if (i >= 0) return i + 1;
  }
  throw new Error(`no column ${header}`);
}
function rowWhere(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(col).value ?? '') === text) return ws.getRow(r);
  throw new Error(`no row with ${text}`);
}

test('the report: four sheets in government style, numbers as numbers, palette colours, print setup', async () => {
  const f = makeFixture();
  try {
    const wb = await report(f);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['汇总', '主要指标完成情况表', '重点任务进展情况表', '重大项目']);

    const tg = wb.getWorksheet('主要指标完成情况表')!;
    assert.equal(tg.getCell('A1').value, '规划主要指标完成情况表');
    assert.equal(tg.getCell('A1').font.name, '黑体');
    assert.ok(tg.getCell('A1').isMerged);
    assert.equal((tg.model as unknown as { merges: string[] }).merges.includes(`A1:${tg.getColumn(tg.columnCount).letter}1`), true);
    assert.match(String(tg.getCell('A2').value), /^单位:某市人民政府/);
    assert.match(String((tg.getRow(2).values as unknown[]).filter(Boolean).pop()), /评估时点:2023年6月30日\(2023年中期评估\)/);
    // two-level header: 目标值 over each milestone year
    assert.deepEqual(headers(tg, 4).filter((h) => /年$/.test(h)), ['2022年', '2025年']);
    assert.ok(headers(tg, 3).includes('目标值'));
    for (const h of ['序号', '规划', '指标名称', '单位', '属性', '基期值', '实际值', '完成进度', '序时进度', '评估结论', '数据来源', '责任单位', '说明']) column(tg, h);
    const head = tg.getCell(3, column(tg, '指标名称'));
    assert.equal(head.font.bold, true);
    assert.equal(head.font.name, '黑体');
    assert.equal(head.border.top?.style, 'thin');

    const r = rowWhere(tg, column(tg, '指标名称'), '规模以上工业增加值');
    const actual = r.getCell(column(tg, '实际值'));
    assert.equal(actual.value, 1180);
    assert.equal(actual.numFmt, '#,##0');
    assert.equal(r.getCell(column(tg, '2022年')).value, 1200);
    assert.equal(r.getCell(column(tg, '指标名称')).font.name, '仿宋_GB2312');
    const completion = r.getCell(column(tg, '完成进度'));
    assert.equal(typeof completion.value, 'number');
    assert.match(completion.numFmt, /%$/);
    const verdict = r.getCell(column(tg, '评估结论'));
    const v = String(verdict.value) as keyof typeof VERDICT_COLORS;
    assert.equal((verdict.fill as ExcelJS.FillPattern).fgColor?.argb, argb(VERDICT_COLORS[v].fill));
    assert.equal(rowWhere(tg, column(tg, '指标名称'), '单位工业增加值能耗下降').getCell(column(tg, '2025年')).value, '[13.5]');
    assert.equal(rowWhere(tg, column(tg, '指标名称'), '研发经费投入强度').getCell(column(tg, '2025年')).value, '3.0以上');

    const tk = wb.getWorksheet('重点任务进展情况表')!;
    assert.deepEqual(headers(tk, 3), ['序号', '规划', '章节', '任务', '类别', '牵头单位', '责任单位', '评估状态', '进度', '进展情况', '存在问题', '下步打算']);
    const lagging = rowWhere(tk, 4, '建设集成电路特色工艺生产线');
    const status = lagging.getCell(8);
    assert.equal(status.value, '滞后');
    assert.equal((status.fill as ExcelJS.FillPattern).fgColor?.argb, argb(STATUS_COLORS['滞后'].fill));
    assert.equal(status.font.color?.argb, argb(STATUS_COLORS['滞后'].text));
    assert.deepEqual([lagging.getCell(9).value, lagging.getCell(9).numFmt], [0.2, '0%']);
    // text that looks like a formula stays text
    for (const c of [10, 11, 12]) {
      assert.equal(lagging.getCell(c).type, ExcelJS.ValueType.String);
      assert.equal(lagging.getCell(c).numFmt, '@');
    }
    assert.equal(lagging.getCell(10).value, '=SUM(A1:A9) 项目前期手续办理中');
    // widths fit the header and short text; long text wraps and the row is tall enough for it
    tk.columns.forEach((col, i) => assert.ok((col.width ?? 0) >= Math.min(displayWidth(headers(tk, 3)[i]), 8), `width of ${headers(tk, 3)[i]}`));
    const unitCol = tk.getColumn(6).width!;
    for (let n = 4; n <= tk.rowCount; n++) {
      const row = tk.getRow(n);
      assert.ok(displayWidth(String(row.getCell(6).value ?? '').split('、')[0]) <= unitCol, 'a unit name fits its column');
      for (let c = 1; c <= 12; c++) {
        const t = String(row.getCell(c).value ?? '');
        const lines = wrappedLines(t, (tk.getColumn(c).width! - 2.5) / 1.1);
        assert.ok(row.height >= lines * LINE_HEIGHT, `row ${n} col ${c} tall enough`);
      }
    }
    assert.equal(tk.views[0].state, 'frozen');
    assert.equal((tk.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 3);
    assert.deepEqual(tk.autoFilter, 'A3:L3');
    const ps = tk.pageSetup;
    assert.deepEqual([ps.paperSize, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight, ps.printTitlesRow], [9, 'landscape', true, 1, 0, '3:3']);
    assert.equal(tg.pageSetup.printTitlesRow, '3:4');
    assert.match(tk.headerFooter.oddFooter ?? '', /第 &P 页 共 &N 页/);

    const pj = wb.getWorksheet('重大项目')!;
    assert.deepEqual(headers(pj, 3).slice(0, 5), ['序号', '规划', '专栏', '项目名称', '建设内容']);
    assert.equal(pj.rowCount, 5);

    const sm = wb.getWorksheet('汇总')!;
    const total = rowWhere(sm, 1, '合计');
    assert.equal(total.getCell(2).value, 7);
    assert.equal(total.getCell(2).font.bold, true);
    assert.equal(total.getCell(column(sm, '已完成', 3)).value, 1);
    assert.equal(total.getCell(column(sm, '指标数', 3)).value, 5);
    assert.equal(sm.getImages().length, 1);
    const media = (wb.model as unknown as { media: { extension: string; buffer: Buffer }[] }).media;
    assert.equal(media[0].extension, 'png');
    assert.deepEqual([...media[0].buffer.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.equal(rowWhere(sm, 1, '5. 滞后').getCell(2).value, 1);
  } finally {
    f.close();
  }
});

test('scopes: one plan, one unit, exactly the grid rows, a comparison round; empty or unknown scopes are refused', async () => {
  const f = makeFixture();
  try {
    const one = await report(f, { scope: { planIds: ['p-kj'] } });
    assert.equal(one.getWorksheet('主要指标完成情况表')!.getCell('A1').value, '《某市科技创新“十四五”规划》主要指标完成情况表');
    assert.equal(one.getWorksheet('重点任务进展情况表')!.rowCount, 4);
    assert.equal(one.getWorksheet('重大项目'), undefined);

    const unit = await report(f, { scope: { unit: UNITS.TJ } });
    assert.match(String(unit.getWorksheet('汇总')!.getCell('A2').value), /单位:市统计局/);
    assert.equal(unit.getWorksheet('主要指标完成情况表')!.rowCount, 6, 'two targets under a two-row header');

    const grid = await report(f, { scope: { taskIds: ['t-3', 'k-1'], targetIds: ['g-gq'] } });
    assert.equal(grid.getWorksheet('重点任务进展情况表')!.rowCount, 5);
    assert.equal(grid.getWorksheet('主要指标完成情况表')!.rowCount, 5);

    const next = await call(f.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', copyFrom: f.roundId });
    const cmp = await report(f, { roundId: next.id, compareRoundId: f.roundId });
    assert.ok(headers(cmp.getWorksheet('重点任务进展情况表')!, 3).includes('对比轮次状态'));

    await assert.rejects(call(f.ctx, 'export.report', { roundId: f.roundId, scope: { unit: '不存在的单位' } }), /没有任务或指标/);
    await assert.rejects(call(f.ctx, 'export.report', { roundId: 999 }), /找不到评估轮次/);
    await assert.rejects(call(f.ctx, 'export.report', { roundId: f.roundId, scope: { bogus: 1 } }), /参数不正确/);
  } finally {
    f.close();
  }
});

test('the report is the same whether the tasks are held between sizing and writing or read twice', async () => {
  const f = makeFixture();
  try {
    const round = (await call(f.ctx, 'rounds.list', {})).find((r) => r.id === f.roundId)!;
    const dump = async (held: number) => {
      const file = path.join(f.dir, `held-${held}.xlsx`);
      await writeReport(f.ctx.db, { round, compare: null, scope: {}, file }, undefined, held);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      return wb.worksheets.map((ws) => {
        const rows: unknown[] = [];
        ws.eachRow((r, n) => rows.push([n, r.height, (r.values as unknown[]).slice(1), JSON.stringify(r.getCell(1).style)]));
        return { name: ws.name, widths: ws.columns.map((c) => c.width), rows };
      });
    };
    const held = await dump(HELD_TASKS);
    assert.ok(held.find((s) => s.name === '重点任务进展情况表')!.rows.length > 5);
    assert.deepEqual(await dump(0), held);
  } finally {
    f.close();
  }
});
