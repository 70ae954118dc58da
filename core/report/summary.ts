// The 汇总 sheet: per plan, tasks by status and targets by verdict with completion rates, a total row, and a bar chart
// picture whose numbered bars are named in the legend cells beneath it.
import type { stream } from 'exceljs';
import { TASK_STATUSES, VERDICTS } from '../../contract/model';
import { STATUS_COLORS, VERDICT_COLORS } from '../../contract/colors';
import { Layout, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, type ColumnSpec } from '../xlsx/table';
import { look, LINE_HEIGHT, ROW_PADDING } from '../xlsx/style';
import { barChartPng, CHART_SIZE } from '../xlsx/chart-png';
import { addPicture } from '../xlsx/drawing';
import type { DashboardGroup } from '../../contract/app';

const rate = (part: number, whole: number) => (whole > 0 ? { value: part / whole, numFmt: '0.0%' } : null);
const onTrack = (r: DashboardGroup) => r.targets['提前实现'] + r.targets['快于预期'] + r.targets['基本符合预期'];

export const SUMMARY_NOTES = [
  '注:1.完成率 = 评估状态为“已完成”的任务数 ÷ 任务总数。',
  '2.符合预期率 = 评估结论为“提前实现”“快于预期”“基本符合预期”的指标数 ÷ 不含“数据暂缺”的指标数。',
  '3.统计图中柱上数字为数量,柱下序号与下方图例对应。',
];

function summaryColumns(): ColumnSpec<DashboardGroup>[] {
  const T = '重点任务(项)', G = '主要指标(个)';
  return [
    { header: '规划', value: (r) => r.label, min: 16, max: 30 },
    { header: '任务数', group: T, value: (r) => r.tasks.total, align: 'number', min: 7, max: 9 },
    ...TASK_STATUSES.map((s): ColumnSpec<DashboardGroup> => ({ header: s, group: T, value: (r) => r.tasks[s], align: 'number', min: 7, max: 9 })),
    { header: '完成率', group: T, value: (r) => rate(r.tasks['已完成'], r.tasks.total), align: 'number', min: 8, max: 9 },
    { header: '指标数', group: G, value: (r) => r.targets.total, align: 'number', min: 7, max: 9 },
    ...VERDICTS.map((v): ColumnSpec<DashboardGroup> => ({ header: v, group: G, value: (r) => r.targets[v], align: 'number', min: 7, max: 9 })),
    { header: '符合预期率', group: G, value: (r) => rate(onTrack(r), r.targets.total - r.targets['数据暂缺']), align: 'number', min: 8, max: 10 },
  ];
}

export function writeSummarySheet(wb: stream.xlsx.WorkbookWriter, rows: DashboardGroup[], total: DashboardGroup, title: string, unitLine: string, whenLine: string): void {
  const columns = summaryColumns();
  const layout = new Layout(columns);
  for (const r of [...rows, total]) layout.measure(r);
  const widths = layout.widths();
  const frame = frameOf(columns);
  const ws = wb.addWorksheet('汇总', sheetOptions(frame));
  setColumns(ws, columns, widths);
  writeTitle(ws, widths, title, unitLine, whenLine);
  writeHeader(ws, columns, widths, frame);
  let n = frame.headerLast + 1;
  for (const r of rows) writeRow(ws, columns, widths, n++, r);
  writeRow(ws, columns, widths, n++, total, true);

  n++;
  const png = barChartPng([
    { title: '重点任务', bars: TASK_STATUSES.map((s) => ({ label: s, value: total.tasks[s], fill: STATUS_COLORS[s].fill, edge: STATUS_COLORS[s].text })) },
    { title: '主要指标', bars: VERDICTS.map((v) => ({ label: v, value: total.targets[v], fill: VERDICT_COLORS[v].fill, edge: VERDICT_COLORS[v].text })) },
  ]);
  const head = ws.getRow(n++);
  head.getCell(1).value = '统计图:左为重点任务按评估状态(项),右为主要指标按评估结论(个)';
  head.getCell(1).style = look('subtitle-left');
  head.height = 24;
  head.commit();
  addPicture(wb, ws, png, { col: 0, row: n - 1 }, CHART_SIZE);
  const pictureRows = Math.ceil((CHART_SIZE.height * 0.75) / 18) + 1;
  for (let i = 0; i < pictureRows; i++) {
    const r = ws.getRow(n++);
    r.height = 18;
    r.commit();
  }

  const half = Math.ceil(columns.length / 2);
  const legend = Math.max(TASK_STATUSES.length, VERDICTS.length);
  for (let i = 0; i < legend; i++) {
    const r = ws.getRow(n++);
    // A legend entry: the numbered name (over `span` columns) in the bar's colours, then its count.
    const put = (col: number, span: number, label: string | undefined, count: number, fill: { fill: string; text: string } | undefined) => {
      if (!label || !fill) return;
      r.getCell(col).value = `${i + 1}. ${label}`;
      for (let c = col; c < col + span; c++) r.getCell(c).style = look('text', { swatch: fill });
      if (span > 1) ws.mergeCells(n - 1, col, n - 1, col + span - 1);
      r.getCell(col + span).value = count;
      r.getCell(col + span).style = look('number');
    };
    const s = TASK_STATUSES[i], v = VERDICTS[i];
    put(1, 1, s, s ? total.tasks[s] : 0, s ? STATUS_COLORS[s] : undefined);
    put(half + 1, 3, v, v ? total.targets[v] : 0, v ? VERDICT_COLORS[v] : undefined);
    r.height = LINE_HEIGHT + ROW_PADDING;
    r.commit();
  }
  n++;
  for (const note of SUMMARY_NOTES) {
    const r = ws.getRow(n);
    r.getCell(1).value = note;
    r.getCell(1).style = look('note');
    r.height = LINE_HEIGHT + ROW_PADDING;
    ws.mergeCells(n, 1, n, columns.length);
    r.commit();
    n++;
  }
  ws.commit();
}
