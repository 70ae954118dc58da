// The evaluation report workbook, streamed to disk: 汇总, 统计图, 主要指标完成情况表, 重点任务进展情况表 (and its second
// part when its columns do not fit the page) and, when the scope has 专栏 projects, 重大项目. Every list is sectioned by
// plan. Columns are sized from every row before the first is written: the tasks of a scope are read once and held
// (100 000 tasks take ~70 MB); a larger scope is read twice instead, so memory stays bounded.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import { invalid } from '../common/errors';
import { Layout } from '../xlsx/table';
import { TableSheet, arrange, type Numbered } from '../xlsx/sections';
import { iterateTasks, countTasks, resolveScope, summaries, planSections, heading, chapterText, type ReportScope, type ReportTask, type Heading, type PlanSection } from './data';
import { taskColumns, projectColumns } from './sheets';
import { writeTargetSheet } from './target-sheet';
import { writeSummarySheet, writeChartSheet } from './summary';
import { summaryChartAside } from '../chart/chart';

export interface ReportRequest { round: Round; compare: Round | null; scope: ReportScope; file: string; today?: Date }

/** The most tasks held in memory between sizing and writing; past it they are read from the database twice. */
export const HELD_TASKS = 250_000;
export type Progress = (done: number, total: number, message: string) => void;

/** A sectioned task list (tasks or projects): measured first, then written plan by plan, chapter by chapter. */
class TaskList {
  readonly layout: Layout<Numbered<ReportTask>>;
  private sheets: TableSheet<ReportTask>[] = [];
  private last: { plan: string; chapter: string }[] = [];
  private n = 0;
  private plan = '';
  constructor(private names: [string, string], private titles: [string, string], columns: ReturnType<typeof taskColumns>) {
    this.layout = new Layout(columns);
  }
  measure(t: ReportTask): void {
    this.layout.measure({ n: 0, row: t });
  }
  open(wb: ExcelJS.stream.xlsx.WorkbookWriter, h: Heading): void {
    const parts = arrange(this.layout);
    this.sheets = parts.map((p, i) => new TableSheet(wb, this.names[i], this.titles[i], p, h, { oneTable: true }));
    this.sheets.forEach((s) => s.header());
    this.last = this.sheets.map(() => ({ plan: '', chapter: '' }));
  }
  write(t: ReportTask, sections: Map<string, PlanSection>): void {
    if (t.planId !== this.plan) {
      this.plan = t.planId;
      this.n = 0;
    }
    const item = { n: ++this.n, row: t };
    this.sheets.forEach((s, i) => {
      // The second part lists only the rows with something in its own columns.
      if (i > 0 && !s.columns.some((c) => c.part2 && c.value(item) != null && c.value(item) !== '')) return;
      const last = this.last[i];
      if (last.plan !== t.planId) {
        s.band(sections.get(t.planId)?.band ?? t.planTitle, 'section');
        last.plan = t.planId;
        last.chapter = '';
      }
      if (t.chapter && last.chapter !== t.chapter) {
        s.band(chapterText(t.chapter), 'chapter');
        last.chapter = t.chapter;
      }
      s.write(item);
    });
  }
  close(h: Heading): number {
    // Rows are counted once, in the first part.
    return this.sheets.map((s) => s.close([h.office, h.date]))[0] ?? 0;
  }
}

/** Writes the report to `req.file` (through a temporary file, so a failed export leaves nothing half-written). */
export async function writeReport(db: DB, req: ReportRequest, progress?: Progress, held = HELD_TASKS): Promise<{ rows: number }> {
  const { round, compare } = req;
  const { scope, targets } = resolveScope(db, round, compare, req.scope);
  const taskCount = countTasks(db, scope, 'tasks');
  const projectCount = countTasks(db, scope, 'projects');
  if (!targets.length && !taskCount && !projectCount) throw invalid('所选范围内没有任务或指标，未导出');

  // The tasks are read once and counted from what was read; the chart is drawn on a worker thread while they are measured.
  const kept = taskCount + projectCount <= held ? [...iterateTasks(db, round.id, compare?.id, scope)] : null;
  const sums = summaries(db, round.id, scope, targets, kept ?? undefined);
  const chart = summaryChartAside(sums.total);
  const sections = planSections(db, sums.rows.map((s) => s.key));
  const h = heading(db, round, scope, [...sections.values()].map((s) => s.plan), req.today);
  const total = targets.length + taskCount + projectCount;
  let done = 0;
  const tick = () => {
    if (++done % 5000 === 0) progress?.(done, total, '正在写入');
  };

  const name = (what: string) => `${h.subject}${h.kind}${what}${h.of}`;
  const taskList = taskCount ? new TaskList(['重点任务进展情况表', '重点任务存在问题及下步打算'],
    [name('重点任务进展情况表'), name('重点任务存在问题及下步打算表')], taskColumns(!!compare)) : null;
  const projectList = projectCount ? new TaskList(['重大项目', '重大项目存在问题'],
    [name('重大项目进展情况表'), name('重大项目存在问题表')], projectColumns(!!compare)) : null;
  const listFor = (t: ReportTask) => (t.kind === 'project' ? projectList : taskList);
  const tasks = () => kept ?? iterateTasks(db, round.id, compare?.id, scope);
  for (const t of tasks()) listFor(t)?.measure(t);

  const tmp = `${req.file}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: true, useSharedStrings: false });
  wb.creator = '规划评估台';
  try {
    writeSummarySheet(wb, sums, targets, name('情况汇总表'), h);
    writeChartSheet(wb, await chart, name('情况统计图'), h);
    let rows = 0;
    if (targets.length) {
      rows += writeTargetSheet(wb, targets, sections, !!compare, name('主要指标完成情况表'), h, tick);
    }
    // The task and project sheets are open together while the tasks stream past.
    taskList?.open(wb, h);
    projectList?.open(wb, h);
    for (const t of tasks()) {
      listFor(t)?.write(t, sections);
      tick();
    }
    rows += (taskList?.close(h) ?? 0) + (projectList?.close(h) ?? 0);
    await wb.commit();
    fs.renameSync(tmp, req.file);
    progress?.(total, total, '已完成');
    return { rows };
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
