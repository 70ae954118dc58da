// Layout rules of the reports: a narrow table widened into the page for its wrapping text, a plan's period written
// once, and Word tables leaving out the columns no row fills.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Layout, fitWidths, textRoom, unitsFor } from '../../core/xlsx/widths';
import type { ColumnSpec } from '../../core/xlsx/table';
import { periodAfter } from '../../core/report/words';
import { Tables } from '../../core/docx/table';

interface Row { title: string; units: string; status: string }
const columns: ColumnSpec<Row>[] = [
  { header: '任务', value: (r) => r.title, min: 16, max: 30 },
  { header: '责任单位', value: (r) => r.units, min: 8, max: 14 },
  { header: '评估状态', value: (r) => r.status, align: 'center', min: 8, max: 10 },
];

test('a table narrower than the page gives the room to its wrapping columns, in proportion to their text', () => {
  const layout = new Layout(columns);
  for (let i = 0; i < 50; i++) layout.measure({ title: '推进重点项目建设'.repeat(4), units: '市发展改革委、市经济信息委、市科技局'.repeat(2), status: '滞后' });
  const widths = layout.widths();
  assert.deepEqual(widths, [30, 14, 10], 'each at most its max while measured (评估状态 as wide as its header)');
  const grown = fitWidths(columns, widths, 100, layout.growth())!;
  assert.ok(Math.abs(grown.reduce((a, b) => a + b, 0) - 100) <= 1, `the page filled: ${grown}`);
  assert.equal(grown[2], 10, 'a column whose text fits keeps its width');
  // 64 against 72 units of text a row: the two wrapping columns end about as many lines deep.
  const lines = grown.slice(0, 2).map((w, i) => Math.ceil([64, 72][i] / textRoom(w)));
  assert.deepEqual(lines, [2, 2]);
  // never wider than one line of its widest text needs
  const roomy = fitWidths(columns, widths, 400, layout.growth())!;
  assert.deepEqual(roomy.slice(0, 2), [Math.min(60, unitsFor(64)), Math.min(60, unitsFor(72))], 'nor wider than 60 units');
  // a table too wide is still narrowed, and without growth a narrow one stays as it is
  assert.ok(fitWidths(columns, widths, 40)!.reduce((a, b) => a + b, 0) <= 40);
  assert.deepEqual(fitWidths(columns, widths, 100), widths);
});

test('a column holds its text on one line in Excel: three characters in a column of 8', () => {
  assert.ok(textRoom(8) >= 6, '预期性 and 约束性 fit the 属性 column');
  for (const w of [4, 10, 24, 40, 60]) assert.ok(textRoom(unitsFor(w)) >= w, `unitsFor(${w}) holds ${w}`);
});

test('a plan whose title names its years gets no period after it', () => {
  assert.equal(periodAfter('深入推进新时代新征程新重庆制造业高质量发展行动方案(2023—2027年)', 2023, 2027), '');
  assert.equal(periodAfter('重庆市江北区建设智造强区“十四五”规划', 2021, 2025), '（2021—2025年）');
  assert.equal(periodAfter('某行动计划2024年专项行动方案', null, 2024), '');
  assert.equal(periodAfter('某规划', null, null), '');
});

test('a Word table leaves out the columns no row fills, unless kept', () => {
  const tables = new Tables();
  tables.add([{ header: '序号', weight: 3, keep: true }, { header: '实际值', weight: 6 }, { header: '预警', weight: 4 }, { header: '说明', weight: 6 }],
    [{ band: '一、某规划' }, { cells: ['1', '', { text: '黄灯' }, ''] }, { cells: ['2', '', '', ''] }], 9000);
  const xml = tables.fill('<w:body><w:p><w:r><w:t>\u27e6表0\u27e7</w:t></w:r></w:p></w:body>');
  assert.equal((xml.match(/<w:gridCol /g) ?? []).length, 2);
  assert.ok(xml.includes('>序号<') && xml.includes('>预警<') && xml.includes('>黄灯<'));
  assert.ok(!xml.includes('>实际值<') && !xml.includes('>说明<'));
  assert.ok(xml.includes('<w:gridSpan w:val="2"/>'), 'the band spans the columns left');
});
