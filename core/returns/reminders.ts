// The 催报 list as an Excel table: every unit that has not returned its workbook, how late it is, and whom to call (the
// contacts it gave in the round before), in the same bordered table look as the other exports.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { ReturnsBoard, BoardUnit } from '../../contract/returns';
import { RETURN_STATE_LABELS } from '../../contract/returns';
import { Layout, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, type ColumnSpec } from '../xlsx/table';
import { chineseDate } from '../xlsx/text';
import { dateText } from './layout';
import { toRemind } from './board';

type Row = { n: number; row: BoardUnit };

const COLUMNS: ColumnSpec<Row>[] = [
  { header: '序号', value: (x) => x.n, align: 'center', min: 6, max: 8 },
  { header: '单位', value: (x) => x.row.unit, min: 14, max: 24 },
  { header: '任务数', value: (x) => x.row.tasks, align: 'center', min: 8, max: 8 },
  { header: '指标数', value: (x) => x.row.targets, align: 'center', min: 8, max: 8 },
  { header: '下发日期', value: (x) => (x.row.issued ? chineseDate(x.row.issued.at) : ''), align: 'center', min: 14, max: 16 },
  { header: '填报表文件', value: (x) => x.row.issued?.file ?? '', min: 20, max: 36 },
  {
    header: '回收情况', align: 'center', min: 12, max: 16,
    value: (x) => (x.row.state === 'overdue' && x.row.daysLate ? `逾期 ${x.row.daysLate} 天` : RETURN_STATE_LABELS[x.row.state]),
  },
  { header: '上轮填报人', value: (x) => x.row.lastContacts?.filler ?? '', min: 10, max: 14 },
  { header: '联系电话', value: (x) => x.row.lastContacts?.phone ?? '', min: 14, max: 18 },
  { header: '审核人(负责人)', value: (x) => x.row.lastContacts?.reviewer ?? '', min: 12, max: 14 },
  { header: '催报记录', value: () => '', min: 16, max: 24 },
];

/** Writes the list of `board` to `file`; returns how many units it names. */
export async function writeReminders(board: ReturnsBoard, file: string): Promise<number> {
  const units = toRemind(board);
  const items = units.map((row, i) => ({ n: i + 1, row }));
  const layout = new Layout(COLUMNS);
  for (const x of items) layout.measure(x);
  const widths = layout.widths();
  const frame = frameOf(COLUMNS);
  const wb = new ExcelJS.Workbook();
  wb.creator = '规划评估台';
  const ws = wb.addWorksheet('催报名单', sheetOptions(frame));
  setColumns(ws, COLUMNS, widths);
  const due = board.due ? `报送截止:${dateText(board.due)}` : '报送截止:未设定';
  writeTitle(ws, widths, `${board.roundName}填报表催报名单`, `${due}  未报送 ${units.length} 个单位`, `统计时间:${chineseDate(board.today)}`);
  writeHeader(ws, COLUMNS, widths, frame);
  items.forEach((x, i) => writeRow(ws, COLUMNS, widths, frame.headerLast + 1 + i, x));
  const tmp = `${file}.part`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
  return units.length;
}
