// The evaluation report workbook, streamed to disk: 汇总, 主要指标完成情况表, 重点任务进展情况表 and, when the scope has
// 专栏 projects, 重大项目. Each list sheet is read twice — once to size its columns, once to write — so memory stays flat.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import type { Round } from '../contract/model';
import { listPlans } from '../../db/repos/plans';
import { invalid } from '../errors';
import { Layout, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, setAutoFilter, type ColumnSpec } from './xlsx-table';
import { iterateTasks, countTasks, reportTargets, planSummaries, heading, type ReportScope } from './report-data';
import { targetColumns, taskColumns, projectColumns, milestoneYears, type Numbered } from './report-sheets';
import { writeSummarySheet } from './report-summary';

export interface ReportRequest { round: Round; compare: Round | null; scope: ReportScope; file: string }
export type Progress = (done: number, total: number, message: string) => void;

interface ListSheet<R> {
  name: string; title: string; columns: ColumnSpec<Numbered<R>>[];
  /** Called twice: the rows must come in the same order both times. */
  rows: () => Iterable<R>;
}

function* numbered<R>(rows: Iterable<R>): Generator<Numbered<R>> {
  let n = 0;
  for (const row of rows) yield { n: ++n, row };
}

function writeListSheet<R>(wb: ExcelJS.stream.xlsx.WorkbookWriter, s: ListSheet<R>, unitLine: string, whenLine: string, tick: () => void): number {
  const layout = new Layout(s.columns);
  for (const r of numbered(s.rows())) layout.measure(r);
  const widths = layout.widths();
  const frame = frameOf(s.columns);
  const ws = wb.addWorksheet(s.name, sheetOptions(frame));
  setColumns(ws, s.columns, widths);
  writeTitle(ws, widths, s.title, unitLine, whenLine);
  writeHeader(ws, s.columns, widths, frame);
  let line = frame.headerLast;
  for (const r of numbered(s.rows())) {
    writeRow(ws, s.columns, widths, ++line, r);
    tick();
  }
  setAutoFilter(ws, frame);
  ws.commit();
  return line - frame.headerLast;
}

/** Writes the report to `req.file` (through a temporary file, so a failed export leaves nothing half-written). */
export async function writeReport(db: DB, req: ReportRequest, progress?: Progress): Promise<{ rows: number }> {
  const { round, compare, scope } = req;
  const targets = reportTargets(db, round.id, compare?.id, scope);
  const summaries = planSummaries(db, round.id, scope, targets);
  const taskCount = countTasks(db, scope, 'tasks');
  const projectCount = countTasks(db, scope, 'projects');
  if (!targets.length && !taskCount && !projectCount) throw invalid('所选范围内没有任务或指标,未导出');

  const inScope = new Set(summaries.map((s) => s.planId));
  const h = heading(round, scope, listPlans(db).filter((p) => inScope.has(p.id)));
  const total = targets.length + taskCount + projectCount;
  let done = 0;
  const tick = () => {
    if (++done % 2000 === 0) progress?.(done, total, '正在写入');
  };

  const tmp = `${req.file}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  wb.creator = '规划评估台';
  try {
    writeSummarySheet(wb, summaries, `${h.subject}中期评估情况汇总表`, h.unit, h.when);
    let rows = writeListSheet(wb, {
      name: '主要指标完成情况表', title: `${h.subject}主要指标完成情况表`,
      columns: targetColumns(milestoneYears(targets), !!compare), rows: () => targets,
    }, h.unit, h.when, tick);
    rows += writeListSheet(wb, {
      name: '重点任务进展情况表', title: `${h.subject}重点任务进展情况表`, columns: taskColumns(!!compare),
      rows: () => iterateTasks(db, round.id, compare?.id, scope, 'tasks'),
    }, h.unit, h.when, tick);
    if (projectCount) {
      rows += writeListSheet(wb, {
        name: '重大项目', title: `${h.subject}重大项目进展情况表`, columns: projectColumns(),
        rows: () => iterateTasks(db, round.id, compare?.id, scope, 'projects'),
      }, h.unit, h.when, tick);
    }
    await wb.commit();
    fs.renameSync(tmp, req.file);
    progress?.(total, total, '已完成');
    return { rows };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
