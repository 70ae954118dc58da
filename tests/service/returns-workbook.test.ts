// The returns workbook as a unit receives it: the contacts block, the task's body and deadline, the unit's part and what
// it reported in the round before, targets with baseline, milestones in the plan's notation, data date and light;
// locked and open columns, each data validation declared once over ranges that do not overlap, every part valid
// against the ECMA-376 schemas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { call } from '../../core/dispatch';
import { makeFixture, UNITS } from '../helpers/report-fixture';
import { fileIn, outTo } from '../helpers/files';
import { exportReturn, openBook, put, putContacts, rowOf, columnOf, saveAs, idsOf, validationRanges, assertNoOverlap } from '../helpers/returns';
import { FLAG_COLORS, argb } from '../../contract/colors';

const VALIDATE = '/work/shared/ooxml-validate.sh';
const xmllint = spawnSync('sh', ['-c', 'command -v xmllint'], { encoding: 'utf8' }).status === 0;
const noValidator = xmllint ? false : 'xmllint is missing (apt-get install -y libxml2-utils): the schema check cannot run';

test('the workbook carries contacts, the task body, last round\'s own report, the target\'s figures, data date and light', async () => {
  const f = makeFixture();
  try {
    // Last round: 工信局 returned its own text for t-1; the new round is copied from it.
    const first = await exportReturn(f.ctx, f.roundId, UNITS.GX, path.join(f.dir, 'r1'));
    const wb1 = await openBook(first);
    putContacts(wb1);
    put(wb1, '重点任务', 't-1', '进展情况', '工信局上轮报送:建成智能工厂12家。');
    await call(f.ctx, 'returns.preview', { files: [fileIn(f.ctx, await saveAs(wb1, first, '回收'))] });
    const next = await call(f.ctx, 'rounds.create', { name: '2024年度评估', cutoff: '2024-12-31', copyFrom: f.roundId });
    await call(f.ctx, 'returns.setDue', { roundId: next.id, due: '2025-01-20' });
    f.ctx.db.prepare(`UPDATE tasks SET deadline = '2025-12-31' WHERE id = 't-3'`).run();
    const file = await exportReturn(f.ctx, next.id, UNITS.GX, path.join(f.dir, 'r2'));
    const wb = await openBook(file);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['填报说明', '重点任务', '主要指标', '_meta']);
    assert.equal(wb.getWorksheet('_meta')!.state, 'veryHidden');
    for (const w of wb.worksheets) {
      const p = (w as unknown as { sheetProtection?: { sheet?: boolean; spinCount?: number; autoFilter?: boolean } }).sheetProtection;
      assert.equal(p?.sheet, true, `${w.name} is protected`);
      assert.equal(p?.spinCount, 100, `${w.name}: a password hash of 100 spins`);
    }

    const guide = wb.getWorksheet('填报说明')!;
    const text = (c: { value: unknown }) => String(c.value ?? '');
    const labels = [...Array(guide.rowCount).keys()].map((i) => text(guide.getCell(i + 1, 1)));
    for (const l of ['填报信息(必填)', '填报人', '联系电话', '审核人(负责人)', '填报日期']) assert.ok(labels.includes(l), l);
    assert.ok(labels.some((l) => l.includes('2025年1月20日')), 'the deadline is stated');
    assert.ok(labels.some((l) => l.includes('下拉列表')));
    const filledOnRow = labels.indexOf('填报日期') + 1;
    assert.equal(guide.getCell(filledOnRow, 2).protection?.locked, false);
    assert.equal(guide.getCell(filledOnRow, 2).dataValidation.type, 'date');
    assert.equal(guide.getCell(labels.indexOf('填报人') + 1, 2).protection?.locked, false);

    const ws = wb.getWorksheet('重点任务')!;
    const headers = [...Array(ws.columnCount).keys()].map((i) => text(ws.getCell(3, i + 1)));
    assert.deepEqual(headers, ['编号(请勿修改)', '序号', '规划', '章节', '任务', '任务内容', '完成时限', '牵头单位', '责任单位', '本单位职责', '预警', '上轮填报',
      '评估状态', '进度(%)', '进展情况', '存在问题', '下步打算', '备注']);
    assert.equal(ws.getColumn(1).hidden, true);
    assert.deepEqual(idsOf(ws).sort(), ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6']);
    const t5 = rowOf(ws, 't-5');
    assert.equal(t5.getCell(columnOf(ws, '任务内容')).value, '总投资120亿元,建设动力电池电芯及模组生产线。');
    assert.equal(t5.getCell(columnOf(ws, '任务内容')).alignment?.wrapText, true);
    assert.equal(t5.getCell(columnOf(ws, '任务内容')).protection?.locked, undefined, 'read-only columns keep the default lock');
    assert.equal(t5.getCell(columnOf(ws, '进展情况')).protection?.locked, false);
    assert.equal(rowOf(ws, 't-4').getCell(columnOf(ws, '本单位职责')).value, '责任');
    assert.equal(t5.getCell(columnOf(ws, '本单位职责')).value, '牵头');
    assert.equal(rowOf(ws, 't-3').getCell(columnOf(ws, '完成时限')).value, '2025年12月31日');
    assert.equal(rowOf(ws, 't-3').getCell(columnOf(ws, '任务内容')).value, null, 'a body that only repeats the title is not written twice');
    // Its own report of the last round where it sent one, else what the round kept.
    assert.equal(rowOf(ws, 't-1').getCell(columnOf(ws, '上轮填报')).value, '评估状态:序时推进;进度:55%\n进展情况:工信局上轮报送:建成智能工厂12家。');
    assert.equal(rowOf(ws, 't-3').getCell(columnOf(ws, '上轮填报')).value, '评估状态:已完成;进度:100%\n进展情况:已完成全部年度目标。');
    assert.equal(ws.getCell(4, columnOf(ws, '评估状态')).dataValidation.type, 'list');
    assert.equal(ws.getCell(4, columnOf(ws, '进度(%)')).dataValidation.type, 'decimal');
    // Text that looks like a formula is written as text, formatted as text.
    const t2 = rowOf(ws, 't-2').getCell(columnOf(ws, '进展情况'));
    assert.equal(t2.value, '=SUM(A1:A9) 项目前期手续办理中');
    assert.equal(t2.numFmt, '@');

    const tg = wb.getWorksheet('主要指标')!;
    const cell = (id: string, h: string) => rowOf(tg, id).getCell(columnOf(tg, h));
    assert.equal(cell('g-zjz', '基期值').value, '2020年：1000');
    assert.equal(cell('g-zjz', '目标值').value, '2022年：1200\n2025年：1500');
    assert.equal(cell('g-nh', '目标值').value, '2025年：[13.5]');
    assert.equal(cell('g-zjz', '指标属性').value, '预期性');
    assert.equal(cell('g-zjz', '数据截至').value, '2024年12月31日');
    assert.equal(cell('g-zjz', '上轮实际值').value, '1180');
    const light = cell('g-zjz', '预警');
    assert.match(String(light.value), /^(红灯|黄灯|绿灯)\(/);
    const flag = String(light.value).startsWith('红') ? 'red' : String(light.value).startsWith('黄') ? 'yellow' : 'green';
    assert.equal((light.fill as { fgColor?: { argb?: string } }).fgColor?.argb, argb(FLAG_COLORS[flag].fill));
    assert.equal(cell('g-zjz', '实际值').value, '1180');

    const v = await validationRanges(file);
    const all = [...v.values()].flat();
    assert.deepEqual(all.map((x) => x.type).sort(), ['date', 'decimal', 'list']);
    assert.ok(all.some((x) => x.type === 'list' && /^M4:M9$/.test(x.sqref)), JSON.stringify(all));
    assertNoOverlap(v, 'returns workbook');
  } finally {
    f.close();
  }
});

test('every part of a returns workbook and of the 催报 list is valid against the ECMA-376 schemas', { skip: noValidator }, async () => {
  const f = makeFixture();
  try {
    const file = await exportReturn(f.ctx, f.roundId, UNITS.GX, path.join(f.dir, 'out'));
    const remind = await call(f.ctx, 'export.reminders', { roundId: f.roundId, out: outTo(f.ctx, path.join(f.dir, '催报.xlsx')) });
    assert.equal(remind.units, 1);
    for (const x of [file, path.join(f.dir, '催报.xlsx')]) {
      const r = spawnSync('bash', [VALIDATE, x], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${path.basename(x)}:\n${r.stdout}\n${r.stderr}`);
    }
  } finally {
    f.close();
  }
});
