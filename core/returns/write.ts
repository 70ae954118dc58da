// Writes one fill-in workbook for a responsible unit: its tasks (lead or responsible) and targets, read-only columns
// locked and fill-in columns open, status as a dropdown, an instructions sheet, hidden ids and a hidden metadata sheet.
import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import { TASK_STATUSES } from '../../contract/model';
import { judgedTargets } from '../judgement/targets';
import { Layout, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, setAutoFilter } from '../xlsx/table';
import { look, printSetup, PAGE_FOOTER, LINE_HEIGHT, ROW_PADDING } from '../xlsx/style';
import {
  TASK_COLUMNS, TARGET_COLUMNS, TASK_SHEET, TARGET_SHEET, GUIDE_SHEET, META_SHEET, META_MARK, SHEETS, FIRST_ROW, GUIDE_LINES,
  returnsChecksum, type ReturnColumn, type ReturnTaskRow, type ReturnTargetRow,
} from './layout';
import { chineseDate, wrappedLines } from '../xlsx/text';
import { maxActionId, recordExport, unitTasks } from '../../db/repos/returns';

export { unitTasks };

export function unitTargets(db: DB, roundId: number, unit: string): ReturnTargetRow[] {
  return judgedTargets(db, { roundId, unit }).rows.map((g) => ({
    id: g.id, planTitle: g.planTitle, name: g.name, unit: g.unit, baseline: g.baseline, milestones: g.milestones,
    actual: g.eval.actual, dataSource: g.eval.dataSource, note: g.eval.note,
  }));
}

/** The instructions column fits an A4 portrait page without scaling. */
const GUIDE_WIDTH = 78;

const PROTECT = { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true, autoFilter: true, spinCount: 1000 };

async function writeSheet<R>(wb: ExcelJS.Workbook, name: string, title: string, columns: ReturnColumn<R>[], rows: R[], lines: [string, string], password: string): Promise<void> {
  const items = rows.map((row, i) => ({ n: i + 1, row }));
  const layout = new Layout(columns);
  for (const x of items) layout.measure(x);
  const widths = layout.widths();
  const frame = frameOf(columns);
  const ws = wb.addWorksheet(name, sheetOptions(frame));
  setColumns(ws, columns, widths);
  writeTitle(ws, widths, title, lines[0], lines[1]);
  writeHeader(ws, columns, widths, frame);
  items.forEach((x, i) => writeRow(ws, columns, widths, FIRST_ROW + i, x));
  setAutoFilter(ws, frame);
  const validate = (col: number, v: ExcelJS.DataValidation) => {
    for (let r = FIRST_ROW; r < FIRST_ROW + items.length; r++) ws.getCell(r, col).dataValidation = v;
  };
  columns.forEach((c, i) => {
    if (c.field === 'status') {
      validate(i + 1, {
        type: 'list', allowBlank: true, formulae: [`"${TASK_STATUSES.join(',')}"`], showErrorMessage: true,
        errorStyle: 'stop', errorTitle: '评估状态', error: `请从下拉列表中选择:${TASK_STATUSES.join('、')}`,
      });
    }
    if (c.field === 'progress') {
      validate(i + 1, {
        type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true,
        errorStyle: 'stop', errorTitle: '进度(%)', error: '请填写 0 到 100 之间的数字',
      });
    }
  });
  await ws.protect(password, PROTECT);
}

export interface WrittenReturn { exportId: string; tasks: number; targets: number }

/** Writes the workbook to `file` and records the export (token, round, unit, newest action, checksum). */
export async function writeReturn(db: DB, round: Round, unit: string, file: string, rows?: { tasks: ReturnTaskRow[]; targets: ReturnTargetRow[] }): Promise<WrittenReturn> {
  const tasks = rows?.tasks ?? unitTasks(db, round.id, unit);
  const targets = rows?.targets ?? unitTargets(db, round.id, unit);
  const exportId = crypto.randomUUID();
  const since = maxActionId(db);
  const password = exportId.slice(0, 8);
  const lines: [string, string] = [`填报单位:${unit}`, `评估时点:${chineseDate(round.cutoff)}(${round.name})`];

  const wb = new ExcelJS.Workbook();
  wb.creator = '规划评估台';
  const guide = wb.addWorksheet(GUIDE_SHEET, { pageSetup: printSetup(undefined, true), headerFooter: PAGE_FOOTER, views: [{ showGridLines: false }] });
  guide.columns = [{ width: GUIDE_WIDTH }];
  guide.getCell('A1').value = `${unit} 规划中期评估填报说明`;
  guide.getCell('A1').style = look('title');
  guide.getRow(1).height = 40;
  [lines[1], `本表共有重点任务 ${tasks.length} 项、主要指标 ${targets.length} 个。`, '', ...GUIDE_LINES].forEach((t, i) => {
    const cell = guide.getCell(`A${i + 2}`);
    cell.value = t;
    cell.style = look('note');
    guide.getRow(i + 2).height = t ? wrappedLines(t, (GUIDE_WIDTH - 2.5) / 1.1) * LINE_HEIGHT + ROW_PADDING + 6 : 10;
  });
  await guide.protect(password, PROTECT);

  await writeSheet(wb, TASK_SHEET, `${unit}重点任务进展填报表`, TASK_COLUMNS, tasks, lines, password);
  await writeSheet(wb, TARGET_SHEET, `${unit}主要指标完成情况填报表`, TARGET_COLUMNS, targets, lines, password);

  const checksum = returnsChecksum(exportId, SHEETS, tasks.map((t) => t.id), targets.map((t) => t.id));
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const entries: [string, string | number][] = [
    [META_MARK, 1], ['exportId', exportId], ['roundId', round.id], ['roundName', round.name], ['unit', unit],
    ['createdAt', new Date().toISOString()], ['checksum', checksum], ['sheets', JSON.stringify(SHEETS)],
  ];
  entries.forEach(([k, v], i) => {
    meta.getCell(`A${i + 1}`).value = k;
    meta.getCell(`B${i + 1}`).value = v;
  });
  await meta.protect(password, PROTECT);

  const tmp = `${file}.part`;
  await wb.xlsx.writeFile(tmp);
  fs.renameSync(tmp, file);
  db.transaction(() => recordExport(db, {
    id: exportId, roundId: round.id, unit, file, maxActionId: since, checksum, sheets: SHEETS, taskCount: tasks.length, targetCount: targets.length,
  }))();
  return { exportId, tasks: tasks.length, targets: targets.length };
}
