// The evaluation report workbook, streamed to disk: 汇总, 主要指标完成情况表, 重点任务进展情况表 and, when the scope has
// 专栏 projects, 重大项目. The columns are sized from every row before the first is written: the tasks of a scope are read
// once and held (100 000 tasks take ~70 MB); a larger scope is read twice instead, so memory stays bounded.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import { listPlans } from '../../db/repos/plans';
import { invalid } from '../common/errors';
import { Layout, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, setAutoFilter, type ColumnSpec, type SheetFrame } from '../xlsx/table';
import { iterateTasks, countTasks, reportTargets, planSummaries, heading, type ReportScope } from './data';
import { targetColumns, taskColumns, projectColumns, milestoneYears } from './sheets';
import { writeSummarySheet } from './summary';

export interface ReportRequest { round: Round; compare: Round | null; scope: ReportScope; file: string }

/** The most tasks held in memory between sizing and writing; past it they are read from the database twice. */
export const HELD_TASKS = 250_000;
export type Progress = (done: number, total: number, message: string) => void;

/** One list sheet: measure every row, then open the sheet, write every row in the same order, close. */
class ListSheet<R> {
  private layout: Layout<{ n: number; row: R }>;
  private frame: SheetFrame;
  private ws: ExcelJS.Worksheet | null = null;
  private widths: number[] = [];
  private measured = 0;
  private written = 0;
  constructor(private name: string, private title: string, private columns: ColumnSpec<{ n: number; row: R }>[]) {
    this.layout = new Layout(columns);
    this.frame = frameOf(columns);
  }
  measure(row: R): void {
    this.layout.measure({ n: ++this.measured, row });
  }
  open(wb: ExcelJS.stream.xlsx.WorkbookWriter, unitLine: string, whenLine: string): void {
    this.widths = this.layout.widths();
    this.ws = wb.addWorksheet(this.name, sheetOptions(this.frame));
    setColumns(this.ws, this.columns, this.widths);
    writeTitle(this.ws, this.widths, this.title, unitLine, whenLine);
    writeHeader(this.ws, this.columns, this.widths, this.frame);
  }
  write(row: R): void {
    this.written++;
    writeRow(this.ws!, this.columns, this.widths, this.frame.headerLast + this.written, { n: this.written, row });
  }
  close(): number {
    setAutoFilter(this.ws!, this.frame);
    this.ws!.commit();
    return this.written;
  }
}

/** Writes the report to `req.file` (through a temporary file, so a failed export leaves nothing half-written). */
export async function writeReport(db: DB, req: ReportRequest, progress?: Progress, held = HELD_TASKS): Promise<{ rows: number }> {
  const { round, compare, scope } = req;
  const targets = reportTargets(db, round.id, compare?.id, scope);
  const summaries = planSummaries(db, round.id, scope, targets);
  const taskCount = countTasks(db, scope, 'tasks');
  const projectCount = countTasks(db, scope, 'projects');
  if (!targets.length && !taskCount && !projectCount) throw invalid('所选范围内没有任务或指标,未导出');

  const inScope = new Set(summaries.rows.map((s) => s.key));
  const h = heading(round, scope, listPlans(db).filter((p) => inScope.has(p.id)));
  const total = targets.length + taskCount + projectCount;
  let done = 0;
  const tick = () => {
    if (++done % 5000 === 0) progress?.(done, total, '正在写入');
  };

  const targetSheet = new ListSheet('主要指标完成情况表', `${h.subject}主要指标完成情况表`, targetColumns(milestoneYears(targets), !!compare));
  const taskSheet = new ListSheet('重点任务进展情况表', `${h.subject}重点任务进展情况表`, taskColumns(!!compare));
  const projectSheet = projectCount ? new ListSheet('重大项目', `${h.subject}重大项目进展情况表`, projectColumns()) : null;
  const kept = taskCount + projectCount <= held ? [...iterateTasks(db, round.id, compare?.id, scope)] : null;
  const tasks = () => kept ?? iterateTasks(db, round.id, compare?.id, scope);
  for (const t of targets) targetSheet.measure(t);
  for (const t of tasks()) (t.kind === 'project' ? projectSheet : taskSheet)?.measure(t);

  const tmp = `${req.file}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  wb.creator = '规划评估台';
  try {
    writeSummarySheet(wb, summaries.rows, summaries.total, `${h.subject}中期评估情况汇总表`, h.unit, h.when);
    targetSheet.open(wb, h.unit, h.when);
    for (const t of targets) {
      targetSheet.write(t);
      tick();
    }
    let rows = targetSheet.close();
    // Both sheets are open while the tasks stream past; the project sheet's few rows wait in memory for their turn.
    taskSheet.open(wb, h.unit, h.when);
    projectSheet?.open(wb, h.unit, h.when);
    for (const t of tasks()) {
      (t.kind === 'project' ? projectSheet : taskSheet)?.write(t);
      tick();
    }
    rows += taskSheet.close() + (projectSheet?.close() ?? 0);
    await wb.commit();
    fs.renameSync(tmp, req.file);
    progress?.(total, total, '已完成');
    return { rows };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
