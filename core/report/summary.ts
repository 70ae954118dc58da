// The 汇总 sheet: three tables on one column grid (tasks by status per plan, targets by verdict and light per plan,
// and the units' progress in the dashboard's order), the notes and the 落款; and the 统计图 sheet, the chart alone on
// one page.
import type { stream, Worksheet } from 'exceljs';
import { TASK_STATUSES, VERDICTS, type TargetRow } from '../../contract/model';
import type { DashboardGroup } from '../../contract/app';
import { Layout, fitWidths, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, frameOf, headerHeight, rowHeight, type ColumnSpec } from '../xlsx/table';
import { Pages, writeSign } from '../xlsx/sections';
import { look, printSetup, PAGE_FOOTER, LINE_HEIGHT, ROW_PADDING, PRINT_WIDTH } from '../xlsx/style';
import { addPicture } from '../xlsx/drawing';
import { CHART_SIZE, type ChartPicture } from '../chart/chart';
import type { Heading } from './data';
import { onTrack, judgedCount, unitProgress, type Row } from './tallies';

const rate = (part: number, whole: number) => (whole > 0 ? { value: part / whole, numFmt: '0.0%' } : null);

export const SUMMARY_NOTES = [
  '注：1.完成率 = 评估状态为“已完成”的任务数 ÷ 任务总数；推进率 = “已完成”“序时推进”“超序时”的任务数 ÷ 任务总数。',
  '2.符合预期率 = 评估结论为“提前实现”“快于预期”“基本符合预期”的指标数 ÷ 不含“数据暂缺”的指标数。',
  '3.红灯、黄灯按完成进度落后于序时进度的程度确定；统计图见“统计图”工作表。',
];

const num = (header: string, value: (r: Row) => number | { value: number; numFmt: string } | null, group?: string): ColumnSpec<Row> =>
  ({ header, group, value, align: 'number', min: 7, max: 9, keep: true });
const head = (name: string): ColumnSpec<Row>[] => [
  { header: '序号', value: (r) => (r.n ? r.n : ''), align: 'center', min: 5, max: 6, keep: true },
  { header: name, value: (r) => r.g.label, min: 16, max: 28, keep: true },
];

function planTaskColumns(): ColumnSpec<Row>[] {
  return [
    ...head('规划'), num('任务数', (r) => r.g.tasks.total),
    ...TASK_STATUSES.map((s) => num(s, (r) => r.g.tasks[s])),
    num('完成率', (r) => rate(r.g.tasks['已完成'], r.g.tasks.total)),
  ];
}

function planTargetColumns(): ColumnSpec<Row>[] {
  return [
    ...head('规划'), num('指标数', (r) => r.g.targets.total),
    ...VERDICTS.map((v) => num(v, (r) => r.g.targets[v])),
    num('符合预期率', (r) => rate(onTrack(r.g), judgedCount(r.g))),
    num('红灯', (r) => r.flags.red), num('黄灯', (r) => r.flags.yellow),
  ];
}

function unitColumns(): ColumnSpec<Row>[] {
  const T = '重点任务（项）', G = '主要指标（个）';
  return [
    ...head('责任单位'),
    num('任务数', (r) => r.g.tasks.total, T), num('已完成', (r) => r.g.tasks['已完成'], T),
    num('序时推进', (r) => unitProgress(r.g).going, T), num('滞后', (r) => r.g.tasks['滞后'], T),
    num('未启动', (r) => r.g.tasks['未启动'], T), num('待评估', (r) => r.g.tasks['待评估'], T),
    num('推进率', (r) => rate(unitProgress(r.g).moving, r.g.tasks.total), T),
    num('指标数', (r) => r.g.targets.total, G), num('符合预期', (r) => onTrack(r.g), G), num('滞后', (r) => r.g.targets['滞后'], G),
  ];
}

interface Table { caption: string; columns: ColumnSpec<Row>[]; rows: Row[] }

export interface Sums { rows: DashboardGroup[]; units: DashboardGroup[]; total: DashboardGroup }

/** Red and yellow targets per plan, and in all. */
function flagsByPlan(targets: TargetRow[]): Map<string, { red: number; yellow: number }> {
  const out = new Map<string, { red: number; yellow: number }>([['all', { red: 0, yellow: 0 }]]);
  for (const t of targets) {
    const f = t.judgement.flag;
    if (f !== 'red' && f !== 'yellow') continue;
    for (const k of [t.planId, 'all']) {
      let c = out.get(k);
      if (!c) out.set(k, (c = { red: 0, yellow: 0 }));
      c[f]++;
    }
  }
  return out;
}

export function writeSummarySheet(wb: stream.xlsx.WorkbookWriter, sums: Sums, targets: TargetRow[], title: string, h: Heading): void {
  const flags = flagsByPlan(targets);
  const row = (g: DashboardGroup, n: number): Row => ({ n, g, flags: flags.get(g.key === 'all' ? 'all' : g.key) ?? { red: 0, yellow: 0 } });
  const plans = [...sums.rows.map((g, i) => row(g, i + 1)), row(sums.total, 0)];
  const tables: Table[] = [];
  if (sums.total.tasks.total) tables.push({ caption: '重点任务推进情况（按规划）', columns: planTaskColumns(), rows: plans });
  if (sums.total.targets.total) tables.push({ caption: '主要指标完成情况（按规划）', columns: planTargetColumns(), rows: plans });
  if (sums.units.length) tables.push({ caption: '责任单位推进情况', columns: unitColumns(), rows: sums.units.map((g, i) => row(g, i + 1)) });

  // One grid for all three: each column as wide as the widest table needs it.
  const ncols = Math.max(...tables.map((t) => t.columns.length));
  const grid: number[] = Array.from({ length: ncols }, () => 0);
  const grow = { wanted: [...grid], mass: grid.map(() => 0) };
  for (const t of tables) {
    const layout = new Layout(t.columns);
    for (const r of t.rows) layout.measure(r);
    layout.widths().forEach((w, i) => { grid[i] = Math.max(grid[i], w); });
    const g = layout.growth();
    g.wanted.forEach((w, i) => { grow.wanted[i] = Math.max(grow.wanted[i], w); grow.mass[i] += g.mass[i]; });
  }
  const gridSpec = Array.from({ length: ncols }, (_, i) => tables.find((t) => t.columns[i])!.columns[i]);
  const widths = fitWidths(gridSpec, grid, PRINT_WIDTH, grow) ?? grid;
  const ws = wb.addWorksheet('汇总', sheetOptions(frameOf([]), { repeatHeader: false }));
  setColumns(ws, gridSpec, widths);
  const pages = new Pages(ws, writeTitle(ws, widths, title, h.unit, h.when));
  let at = 3;
  tables.forEach((t, k) => {
    const height = () => headerHeight(t.columns, widths, frameOf(t.columns, at));
    const header = () => {
      const frame = frameOf(t.columns, at);
      pages.add(writeHeader(ws, t.columns, widths, frame));
      at = frame.headerLast + 1;
    };
    pages.room(at, CAPTION + height() + 3 * LINE_HEIGHT);
    caption(ws, at++, `${'一二三'[k]}、${t.caption}`, ncols);
    pages.add(CAPTION);
    header();
    for (const r of t.rows) {
      // A table going on over a page gets its header again.
      if (!pages.room(at, rowHeight(t.columns, widths, r))) header();
      pages.add(writeRow(ws, t.columns, widths, at++, r, r.n === 0));
    }
    at++;
    pages.add(LINE_HEIGHT);
  });
  const notes = SUMMARY_NOTES.length * (LINE_HEIGHT * 2 + ROW_PADDING) + 3 * (LINE_HEIGHT + ROW_PADDING);
  pages.room(at, notes);
  for (const note of SUMMARY_NOTES) {
    const r = ws.getRow(at);
    r.getCell(1).value = note;
    r.getCell(1).style = look('note');
    r.height = LINE_HEIGHT * 2 + ROW_PADDING;
    ws.mergeCells(at, 1, at, ncols);
    r.commit();
    at++;
  }
  writeSign(ws, at + 1, [h.office, h.date], ncols);
  ws.commit();
}

const CAPTION = 26;

function caption(ws: Worksheet, at: number, text: string, ncols: number): void {
  const r = ws.getRow(at);
  r.getCell(1).value = text;
  r.getCell(1).style = look('subtitle-left');
  r.height = CAPTION;
  ws.mergeCells(at, 1, at, ncols);
  r.commit();
}

/** Columns of the 统计图 sheet: together about as wide as the picture in LibreOffice's column units (7.05 pt). */
const CHART_COLUMNS = 12;

/** The chart on a sheet of its own, printed on one page (fitted to one page across and down). */
export function writeChartSheet(wb: stream.xlsx.WorkbookWriter, picture: ChartPicture, title: string, h: Heading): void {
  const width = (CHART_SIZE.width * 0.75) / 7.05 / CHART_COLUMNS;
  const ws = wb.addWorksheet('统计图', {
    pageSetup: { ...printSetup(undefined), fitToHeight: 1 }, headerFooter: PAGE_FOOTER,
    views: [{ showGridLines: false }], properties: { defaultRowHeight: 18 } as never,
  });
  const widths = Array.from({ length: CHART_COLUMNS }, () => Math.round(width * 4) / 4);
  ws.columns = widths.map((w) => ({ width: w }));
  writeTitle(ws, widths, title, h.unit, h.when);
  addPicture(wb, ws, picture.png, { col: 0, row: 2 }, CHART_SIZE);
  const rows = Math.ceil((CHART_SIZE.height * 0.75) / 18) + 1;
  for (let i = 0; i < rows; i++) {
    const r = ws.getRow(3 + i);
    r.height = 18;
    r.commit();
  }
  ws.commit();
}
