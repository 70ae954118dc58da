// The evaluation report read back cell by cell: sheets, titles naming the round's kind, the office's 单位 line and
// 落款, a section per plan with its own milestone years, rows numbered within it, the 预警 column in colour, values
// written once, no empty column, widths within the printable page, the unit ranking, the chart sheet and the scopes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { call } from '../../core/dispatch';
import { FLAG_COLORS, STATUS_COLORS, VERDICT_COLORS, argb } from '../../contract/colors';
import { wrappedLines } from '../../core/xlsx/text';
import { textRoom } from '../../core/xlsx/widths';
import { LINE_HEIGHT, PRINT_WIDTH } from '../../core/xlsx/style';
import { chineseDate } from '../../core/xlsx/text';
import { isoDay, summaries, iterateTasks, resolveScope, type ReportScope } from '../../core/report/data';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { fixtureDb, type TestDb as Fixture } from '../helpers/db';
import { writeReport, HELD_TASKS } from '../../core/report/workbook';
import { outTo } from '../helpers/files';
import { assertValidOoxml, cannotValidate } from '../helpers/ooxml';

async function exported(f: Fixture, args: Record<string, unknown> = {}): Promise<{ wb: ExcelJS.Workbook; file: string }> {
  const file = path.join(f.dir, `r-${Math.random().toString(36).slice(2)}.xlsx`);
  await call(f.ctx, 'export.report', { roundId: f.roundId, out: outTo(f.ctx, file), ...args });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, file };
}
const report = async (f: Fixture, args: Record<string, unknown> = {}) => (await exported(f, args)).wb;

const texts = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v)));
function column(ws: ExcelJS.Worksheet, header: string, headerRow = 3): number {
  for (const r of [headerRow, headerRow + 1]) {
    const i = texts(ws, r).indexOf(header);
    if (i >= 0) return i + 1;
  }
  throw new Error(`no column ${header}`);
}
function rowWhere(ws: ExcelJS.Worksheet, col: number, text: string): ExcelJS.Row {
  for (let r = 1; r <= ws.rowCount; r++) if (String(ws.getRow(r).getCell(col).value ?? '') === text) return ws.getRow(r);
  throw new Error(`no row with ${text}`);
}
const rowsOf = (ws: ExcelJS.Worksheet) => Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1));
const width = (ws: ExcelJS.Worksheet) => ws.columns.reduce((a, c) => a + (c.width ?? 0), 0);
const merges = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;
const lastLetter = (ws: ExcelJS.Worksheet) => ws.getColumn(ws.columnCount).letter;

test('the report: sheets, titles with the round kind, the office line and 落款, sections per plan, lights, values once', async () => {
  const f = makeFixture();
  try {
    await call(f.ctx, 'settings.setOffice', { office: '某市发展和改革委员会' });
    const { wb, file } = await exported(f);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['汇总', '统计图', '主要指标完成情况表', '重点任务进展情况表', '重大项目']);
    if (!cannotValidate()) assertValidOoxml(file);

    const tg = wb.getWorksheet('主要指标完成情况表')!;
    assert.equal(tg.getCell('A1').value, '规划中期评估主要指标完成情况表');
    assert.equal(tg.getCell('A1').font.name, '黑体');
    assert.ok(merges(tg).includes(`A1:${lastLetter(tg)}1`));
    assert.equal(tg.getCell('A2').value, '单位：某市发展和改革委员会');
    assert.match(String(texts(tg, 2).pop()), /评估时点：2023年6月30日（2023年中期评估）/);
    // the 落款 under the table: the office, then the date of the export
    const tail = rowsOf(tg).slice(-2).map((r) => String(r.getCell(1).value));
    assert.deepEqual(tail, ['某市发展和改革委员会', chineseDate(isoDay(new Date()))]);
    assert.equal(tg.getRow(tg.rowCount).getCell(1).alignment.horizontal, 'right');

    // first plan's table: its own years 2022 and 2025 under 目标值, base year in the heading
    assert.deepEqual(texts(tg, 4).filter((h) => /^\d{4}年$/.test(h)), ['2022年', '2025年']);
    assert.ok(texts(tg, 3).includes('目标值'));
    assert.ok(texts(tg, 3).includes('2020年基期值'));
    // no column repeats the plan, none is empty in the scope (no target has a 说明), and 预警 is there
    for (const h of ['规划', '说明', '类别']) assert.ok(!texts(tg, 3).includes(h), `no ${h} column`);
    for (const h of ['序号', '指标名称', '单位', '属性', '实际值', '完成进度', '序时进度', '评估结论', '预警', '数据来源', '责任单位']) column(tg, h);
    // the section row of each plan: merged across the table, with title and period
    const band = rowWhere(tg, 1, '一、《某市“十四五”制造业高质量发展规划》（2021—2025年）');
    assert.ok(merges(tg).includes(`A${band.number}:${lastLetter(tg)}${band.number}`));
    assert.equal(band.getCell(1).font.name, '黑体');
    assert.equal(tg.getRow(band.number + 1).getCell(1).value, '经济发展', 'the category under it');

    const name = column(tg, '指标名称');
    const r = rowWhere(tg, name, '规模以上工业增加值');
    assert.equal(r.getCell(1).value, 1);
    assert.deepEqual([r.getCell(column(tg, '实际值')).value, r.getCell(column(tg, '实际值')).numFmt], [1180, '#,##0']);
    assert.equal(r.getCell(column(tg, '2022年', 4)).value, 1200);
    const verdict = r.getCell(column(tg, '评估结论'));
    assert.equal((verdict.fill as ExcelJS.FillPattern).fgColor?.argb, argb(VERDICT_COLORS[String(verdict.value) as keyof typeof VERDICT_COLORS].fill));
    const light = r.getCell(column(tg, '预警'));
    assert.equal(light.value, '黄灯');
    assert.equal((light.fill as ExcelJS.FillPattern).fgColor?.argb, argb(FLAG_COLORS.yellow.fill));
    assert.equal(light.font.color?.argb, argb(FLAG_COLORS.yellow.text));
    assert.equal(rowWhere(tg, name, '单位工业增加值能耗下降').getCell(column(tg, '2025年', 4)).value, '[13.5]');
    assert.equal(rowWhere(tg, name, '研发经费投入强度').getCell(column(tg, '2025年', 4)).value, '3.0以上');
    assert.equal(rowWhere(tg, name, '研发经费投入强度').getCell(column(tg, '预警')).value, '绿灯');
    // the second plan has other years: its own header, 2025年 spanning both year columns, numbering from 1 again
    const second = rowWhere(tg, 1, '二、《某市科技创新“十四五”规划》（2021—2025年）');
    const subHeader = tg.getRow(second.number - 1);
    assert.equal(subHeader.getCell(column(tg, '2022年', 4)).value, '2025年');
    const kj = rowWhere(tg, name, '高新技术企业数');
    assert.equal(kj.getCell(1).value, 1);
    const y1 = column(tg, '2022年', 4);
    assert.ok(merges(tg).includes(`${tg.getColumn(y1).letter}${kj.number}:${tg.getColumn(y1 + 1).letter}${kj.number}`));
    assert.equal(tg.pageSetup.printTitlesRow, undefined, 'two tables: each brings its own header');

    const tk = wb.getWorksheet('重点任务进展情况表')!;
    assert.deepEqual(texts(tk, 3), ['序号', '任务', '牵头单位', '责任单位', '评估状态', '预警', '进度', '进展情况', '存在问题', '下步打算']);
    assert.equal(tk.getCell('A4').value, '一、《某市“十四五”制造业高质量发展规划》（2021—2025年）');
    assert.equal(tk.getCell('A5').value, '第三章 发展重点　一、壮大先进制造业集群');
    const lagging = rowWhere(tk, 2, '建设集成电路特色工艺生产线');
    assert.equal(lagging.getCell(1).value, 2);
    const status = lagging.getCell(5);
    assert.equal(status.value, '滞后');
    assert.equal((status.fill as ExcelJS.FillPattern).fgColor?.argb, argb(STATUS_COLORS['滞后'].fill));
    assert.equal(lagging.getCell(6).value, '红灯', 'a lagging task past its 节点 is red, as in the grid');
    assert.deepEqual([lagging.getCell(7).value, lagging.getCell(7).numFmt], [0.2, '0%']);
    for (const c of [8, 9, 10]) {
      assert.equal(lagging.getCell(c).type, ExcelJS.ValueType.String, 'text that looks like a formula stays text');
      assert.equal(lagging.getCell(c).numFmt, '@');
    }
    assert.equal(rowWhere(tk, 2, '建设综合性科学中心').getCell(1).value, 1, 'numbered within its plan');
    for (const row of rowsOf(tk).filter((x) => typeof x.getCell(1).value === 'number')) {
      for (let c = 1; c <= tk.columnCount; c++) {
        const lines = wrappedLines(String(row.getCell(c).value ?? ''), textRoom(tk.getColumn(c).width!));
        assert.ok(row.height >= lines * LINE_HEIGHT, `row ${row.number} col ${c} tall enough`);
      }
    }
    assert.equal((tk.views[0] as ExcelJS.WorksheetViewFrozen).ySplit, 3);
    assert.deepEqual(tk.autoFilter, 'A3:J3');
    const ps = tk.pageSetup;
    assert.deepEqual([ps.paperSize, ps.orientation, ps.fitToPage, ps.fitToWidth, ps.fitToHeight, ps.printTitlesRow], [9, 'landscape', true, 1, 0, '3:3']);
    for (const ws of [tg, tk, wb.getWorksheet('重大项目')!, wb.getWorksheet('汇总')!]) assert.ok(width(ws) <= PRINT_WIDTH + 0.01, `${ws.name} fits the page at 10 pt`);

    const pj = wb.getWorksheet('重大项目')!;
    assert.deepEqual(texts(pj, 3), ['序号', '项目名称', '建设内容', '牵头单位', '责任单位', '评估状态', '预警', '进度', '进展情况']);
    assert.equal(pj.getCell('A5').value, '专栏1 重大项目');

    const chart = wb.getWorksheet('统计图')!;
    assert.equal(chart.getCell('A1').value, '规划中期评估情况统计图');
    assert.equal(chart.getImages().length, 1);
    assert.deepEqual([chart.pageSetup.fitToWidth, chart.pageSetup.fitToHeight], [1, 1], 'the chart prints on one page');
    const media = (wb.model as unknown as { media: { extension: string; buffer: Buffer }[] }).media;
    assert.equal(media[0].extension, 'png');
    assert.deepEqual([...media[0].buffer.subarray(1, 4)], [0x50, 0x4e, 0x47]);
  } finally {
    f.close();
  }
});

test('汇总 counts as the dashboard does, per plan and per unit in the dashboard\'s order', async () => {
  const f = makeFixture();
  try {
    const sm = (await report(f)).getWorksheet('汇总')!;
    const dash = await call(f.ctx, 'dashboard.summary', { roundId: f.roundId });
    assert.equal(sm.getCell('A1').value, '规划中期评估情况汇总表');
    assert.equal(sm.getCell('A3').value, '一、重点任务推进情况（按规划）');
    const head = 4;
    const total = rowWhere(sm, 2, '合计');
    assert.equal(total.getCell(column(sm, '任务数', head)).value, dash.total.tasks.total);
    assert.equal(total.getCell(column(sm, '已完成', head)).value, dash.total.tasks['已完成']);
    assert.equal(total.getCell(2).font.bold, true);
    const targets = rowWhere(sm, 1, '二、主要指标完成情况（按规划）').number + 1;
    const zz = sm.getRow(targets + 1);
    assert.equal(zz.getCell(2).value, '某市“十四五”制造业高质量发展规划');
    assert.equal(zz.getCell(column(sm, '指标数', targets)).value, dash.byPlan.find((p) => p.key === 'p-zz')!.targets.total);
    assert.equal(zz.getCell(column(sm, '黄灯', targets)).value, 1);
    const units = rowWhere(sm, 1, '三、责任单位推进情况').number + 2;
    const listed = rowsOf(sm).slice(units).filter((r) => typeof r.getCell(1).value === 'number').map((r) => String(r.getCell(2).value));
    assert.deepEqual(listed, dash.byUnit.map((u) => u.label));
    const gx = rowWhere(sm, 2, UNITS.GX);
    const g = dash.byUnit.find((u) => u.label === UNITS.GX)!;
    assert.equal(gx.getCell(column(sm, '任务数', units - 1)).value, g.tasks.total);
    assert.equal(gx.getCell(column(sm, '滞后', units - 1)).value, g.tasks['滞后']);
  } finally {
    f.close();
  }
});

test('the round kind names every title; the office line follows the setting', async () => {
  const f = makeFixture();
  try {
    const round = await call(f.ctx, 'rounds.update', { id: f.roundId, kind: '年度评估' });
    assert.equal(round.kind, '年度评估');
    const wb = await report(f, { scope: { planIds: ['p-kj'] } });
    assert.equal(wb.getWorksheet('汇总')!.getCell('A1').value, '《某市科技创新“十四五”规划》年度评估情况汇总表');
    assert.equal(wb.getWorksheet('重点任务进展情况表')!.getCell('A1').value, '《某市科技创新“十四五”规划》年度评估重点任务进展情况表');
    assert.equal(wb.getWorksheet('统计图')!.getCell('A1').value, '《某市科技创新“十四五”规划》年度评估情况统计图');
    assert.equal(wb.getWorksheet('主要指标完成情况表')!.getCell('A2').value, '单位：某市人民政府', 'without the setting: the plan\'s issuer');
    const made = await call(f.ctx, 'rounds.create', { name: '2025年终期评估', cutoff: '2025-12-31' });
    assert.equal(made.kind, '终期评估');
    await assert.rejects(call(f.ctx, 'rounds.update', { id: f.roundId, kind: '随便评估' }), /参数不正确/);
  } finally {
    f.close();
  }
});

test('scopes: one plan, one unit, the grid rows, a comparison round, only evaluated, only red and yellow, only with 存在问题', async () => {
  const f = makeFixture();
  try {
    const one = await report(f, { scope: { planIds: ['p-kj'] } });
    assert.equal(one.getWorksheet('主要指标完成情况表')!.getCell('A1').value, '《某市科技创新“十四五”规划》中期评估主要指标完成情况表');
    assert.equal(one.getWorksheet('重大项目'), undefined);

    const unit = await report(f, { scope: { unit: UNITS.TJ } });
    assert.equal(unit.getWorksheet('主要指标完成情况表')!.getCell('A1').value, '《某市“十四五”制造业高质量发展规划》中期评估主要指标完成情况表（市统计局）');
    const targetRows = (wb: ExcelJS.Workbook) => rowsOf(wb.getWorksheet('主要指标完成情况表')!).filter((r) => typeof r.getCell(1).value === 'number').map((r) => String(r.getCell(2).value));
    const taskRows = (wb: ExcelJS.Workbook) => rowsOf(wb.getWorksheet('重点任务进展情况表')!).filter((r) => typeof r.getCell(1).value === 'number').map((r) => String(r.getCell(2).value));
    assert.deepEqual(targetRows(unit), ['规模以上工业增加值', '研发经费投入强度']);

    const grid = await report(f, { scope: { taskIds: ['t-3', 'k-1'], targetIds: ['g-gq'] } });
    assert.deepEqual(taskRows(grid), ['实施智能制造“十百千”工程', '建设综合性科学中心']);
    assert.deepEqual(targetRows(grid), ['高新技术企业数']);

    const evaluated = await report(f, { scope: { evaluatedOnly: true } });
    assert.ok(!taskRows(evaluated).includes('完善制造业高质量发展政策体系'), 'no 待评估 task');
    assert.ok(!targetRows(evaluated).includes('规模以上工业企业数量'), 'no target without an actual value');
    assert.equal(taskRows(evaluated).length, 4);

    const warned = await report(f, { scope: { warningsOnly: true } });
    assert.deepEqual(targetRows(warned), ['规模以上工业增加值']);
    assert.deepEqual(taskRows(warned), ['建设集成电路特色工艺生产线']);
    assert.equal(rowWhere(warned.getWorksheet('汇总')!, 2, '合计').getCell(3).value, 1, '汇总 counts the same rows');

    const problems = await report(f, { scope: { problemsOnly: true } });
    assert.deepEqual(taskRows(problems), ['培育新能源汽车和智能网联汽车产业集群', '建设集成电路特色工艺生产线']);
    assert.equal(targetRows(problems).length, 5, 'targets are not narrowed by 存在问题');

    const next = await call(f.ctx, 'rounds.create', { name: '2024年评估', cutoff: '2024-06-30', copyFrom: f.roundId });
    const cmp = await report(f, { roundId: next.id, compareRoundId: f.roundId });
    assert.ok(texts(cmp.getWorksheet('重点任务进展情况表')!, 3).includes('对比轮次状态'));
    assert.ok(width(cmp.getWorksheet('重点任务进展情况表')!) <= PRINT_WIDTH + 0.01);

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
    const today = new Date(2023, 6, 10);
    const dump = async (held: number) => {
      const file = path.join(f.dir, `held-${held}.xlsx`);
      await writeReport(f.ctx.db, { round, compare: null, scope: {}, file, today }, undefined, held);
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

test('a report counts the tasks it has read exactly as the dashboard counts them from the database, in every scope', async () => {
  const f = fixtureDb();
  try {
    const round = (await call(f.ctx, 'rounds.list', {})).find((r) => r.id === f.roundId)!;
    // Some tasks judged, some lagging, one without any unit, one whose unit is written with spaces around it.
    const ids = f.ctx.db.prepare('SELECT id FROM tasks ORDER BY seq LIMIT 40').pluck().all() as string[];
    await call(f.ctx, 'tasks.edit', { roundId: f.roundId, source: 'edit', edits: ids.flatMap((id, i) => [
      { id, field: 'status', value: ['滞后', '序时推进', '已完成', '超序时'][i % 4] }, { id, field: 'problems', value: i % 3 ? '' : '要素保障不足。' }]) });
    f.ctx.db.prepare(`UPDATE tasks SET lead_units = '[]', responsible_units = '[]' WHERE id = ?`).run(ids[1]);
    f.ctx.db.prepare(`DELETE FROM entity_units WHERE entity_id = ?`).run(ids[1]);
    f.ctx.db.prepare(`UPDATE tasks SET lead_units = (SELECT json_group_array(' ' || value || ' ') FROM json_each(lead_units)) WHERE id = ?`).run(ids[2]);
    const unit = f.ctx.db.prepare(`SELECT unit FROM entity_units WHERE entity = 'task' GROUP BY unit ORDER BY count(*) DESC LIMIT 1`).pluck().get() as string;
    const plan = f.ctx.db.prepare('SELECT id FROM plans ORDER BY seq LIMIT 1').pluck().get() as string;
    const scopes: ReportScope[] = [{}, { unit }, { planIds: [plan] }, { warningsOnly: true }, { problemsOnly: true }, { evaluatedOnly: true, unit }];
    for (const s of scopes) {
      const { scope, targets } = resolveScope(f.ctx.db, round, null, s);
      const read = [...iterateTasks(f.ctx.db, round.id, undefined, scope)];
      assert.ok(read.length > 0, JSON.stringify(s));
      assert.deepEqual(summaries(f.ctx.db, round.id, scope, targets, read), summaries(f.ctx.db, round.id, scope, targets), JSON.stringify(s));
    }
  } finally {
    f.close();
  }
});
