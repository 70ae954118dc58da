// Body rows of a streamed sheet are written as XML directly (core/xlsx/row-xml.ts): read back, they must be the rows
// exceljs itself writes for the same cells — values, styles, heights and merged cells — in a valid sheet.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { writeRow, writeTitle, type ColumnSpec } from '../../core/xlsx/table';
import { asPercent } from '../../core/xlsx/text';
import { FLAG_COLORS } from '../../contract/colors';
import { assertValidOoxml, cannotValidate } from '../helpers/ooxml';

interface Row { n: number; title: string; status: string; progress: number | null; note: string }
const columns: ColumnSpec<Row>[] = [
  { header: '序号', value: (r) => r.n, align: 'center' },
  { header: '任务', value: (r) => r.title },
  { header: '评估状态', value: (r) => r.status, align: 'center', swatch: (r) => (r.status === '滞后' ? FLAG_COLORS.red : undefined) },
  { header: '进度', value: (r) => asPercent(r.progress), align: 'number' },
  { header: '备注', value: (r) => r.note, fillIn: true },
];
const widths = [6, 20, 10, 8, 16];
const rows: Row[] = [
  { n: 1, title: '推进“智能网联汽车”<示范区>建设 & 配套', status: '滞后', progress: 35, note: '' },
  { n: 2, title: '=SUM(A1:A2) 看似公式的文字', status: '序时推进', progress: null, note: '  前后有空格  ' },
  { n: 3, title: '第一行\n第二行，较长的任务名称需要折行显示在单元格中'.repeat(2), status: '已完成', progress: 100, note: '单位填写' },
];

async function book(streamed: boolean, file: string): Promise<ExcelJS.Workbook> {
  const wb = streamed ? new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false }) : new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表') as ExcelJS.Worksheet;
  ws.columns = widths.map((width) => ({ width }));
  writeTitle(ws, widths, '任务表', '单位：某市发展改革委', '评估时点：2023年6月30日');
  rows.forEach((r, i) => writeRow(ws, columns, widths, 4 + i, r, i === 2, i === 0 ? { from: 3, to: 4 } : null));
  if (streamed) await (wb as ExcelJS.stream.xlsx.WorkbookWriter).commit();
  else await (wb as ExcelJS.Workbook).xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

test('rows written as XML read back as the rows exceljs writes for the same cells, in a valid sheet', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-review-rows-'));
  try {
    const fast = await book(true, path.join(dir, 'fast.xlsx'));
    const plain = await book(false, path.join(dir, 'plain.xlsx'));
    const dump = (wb: ExcelJS.Workbook) => {
      const ws = wb.getWorksheet('表')!;
      const out: unknown[] = [];
      for (let r = 1; r <= 6; r++) {
        const row = ws.getRow(r);
        out.push([r, row.height, [1, 2, 3, 4, 5].map((c) => {
          const cell = row.getCell(c);
          return [cell.value, cell.isMerged, cell.numFmt, cell.font?.bold ?? false, JSON.stringify(cell.fill ?? null), JSON.stringify(cell.border ?? null),
            cell.alignment?.wrapText ?? false, cell.alignment?.horizontal ?? null, cell.protection?.locked ?? null];
        })]);
      }
      return out;
    };
    assert.deepEqual(dump(fast), dump(plain));
    const ws = fast.getWorksheet('表')!;
    assert.equal(ws.getCell('B4').value, '推进“智能网联汽车”<示范区>建设 & 配套', 'markup characters come back as written');
    assert.equal(ws.getCell('E5').value, '  前后有空格  ');
    assert.equal(ws.getCell('D4').value, 0.35);
    assert.equal(ws.getCell('D4').numFmt, '0%');
    assert.deepEqual(ws.model.merges?.includes('D4:E4'), true, 'the span of row 4 is merged');
    assert.ok((ws.getRow(6).height ?? 0) > (ws.getRow(4).height ?? 0), 'the wrapped row is taller');
    if (!cannotValidate()) assertValidOoxml(path.join(dir, 'fast.xlsx'));
    else t.diagnostic(String(cannotValidate()));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
