// Writes one fill-in workbook for a responsible unit: the instructions with the contacts block (填报人, 联系电话, 审核人,
// 填报日期), its tasks (lead or responsible) and targets, read-only columns locked and fill-in columns open, status as a
// dropdown, hidden ids and a hidden metadata sheet. Each data validation is declared once, over one column's rows.
import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import type { Round } from '../../contract/model';
import { TASK_STATUSES } from '../../contract/model';
import { Layout, frameOf, sheetOptions, setColumns, writeTitle, writeHeader, writeRow, setAutoFilter, colLetter } from '../xlsx/table';
import { look, printSetup, PAGE_FOOTER, LINE_HEIGHT, ROW_PADDING, fillInSwatch } from '../xlsx/style';
import {
  TASK_COLUMNS, TARGET_COLUMNS, TASK_SHEET, TARGET_SHEET, GUIDE_SHEET, META_SHEET, META_MARK, SHEETS, FIRST_ROW, GUIDE_LINES, LAYOUT,
  CONTACTS, CONTACTS_HEADING, returnsChecksum, recorded, present, identityText, dateText, type ReturnColumn, type ReturnTaskRow, type ReturnTargetRow,
} from './layout';
import { chineseDate, wrappedLines } from '../xlsx/text';
import { maxActionId, recordExport } from '../../db/repos/returns';
import { returnsDue } from '../../db/repos/returns-received';
import { unitTaskRows, unitTargetRows } from './rows';

export { unitTaskRows as unitTasks, unitTargetRows as unitTargets };

/** The instructions sheet: a label column and a value column, both on an A4 portrait page without scaling. */
const LABEL_WIDTH = 18;
const VALUE_WIDTH = 60;

/** Protection against slips, not a secret: a low spin count keeps 30 workbooks quick to write. */
const PROTECT = { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true, autoFilter: true, spinCount: 100 };

type Validations = { add(range: string, v: ExcelJS.DataValidation): void };

function validateColumn(ws: ExcelJS.Worksheet, col: number, rows: number, v: ExcelJS.DataValidation): void {
  if (!rows) return;
  const c = colLetter(col);
  // One declaration over the column's rows: exceljs would otherwise merge per-cell ones in text order of the addresses.
  (ws as unknown as { dataValidations: Validations }).dataValidations.add(rows > 1 ? `${c}${FIRST_ROW}:${c}${FIRST_ROW + rows - 1}` : `${c}${FIRST_ROW}`, v);
}

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
  columns.forEach((c, i) => {
    if (c.field === 'status') {
      validateColumn(ws, i + 1, items.length, {
        type: 'list', allowBlank: true, formulae: [`"${TASK_STATUSES.join(',')}"`], showErrorMessage: true,
        errorStyle: 'stop', errorTitle: '评估状态', error: `请从下拉列表中选择:${TASK_STATUSES.join('、')}`,
      });
    }
    if (c.field === 'progress') {
      validateColumn(ws, i + 1, items.length, {
        type: 'decimal', operator: 'between', allowBlank: true, formulae: [0, 100], showErrorMessage: true,
        errorStyle: 'stop', errorTitle: '进度(%)', error: '请填写 0 到 100 之间的数字',
      });
    }
  });
  await ws.protect(password, PROTECT);
}

function writeGuide(wb: ExcelJS.Workbook, unit: string, lines: string[]): void {
  const ws = wb.addWorksheet(GUIDE_SHEET, { pageSetup: printSetup(undefined, true), headerFooter: PAGE_FOOTER, views: [{ showGridLines: false }] });
  ws.columns = [{ width: LABEL_WIDTH }, { width: VALUE_WIDTH }];
  const full = LABEL_WIDTH + VALUE_WIDTH;
  let r = 1;
  const line = (text: string, kind: 'title' | 'note' | 'header' = 'note') => {
    const cell = ws.getCell(r, 1);
    cell.value = text || null;
    cell.style = look(kind);
    ws.mergeCells(r, 1, r, 2);
    ws.getRow(r).height = kind === 'title' ? 40 : text ? wrappedLines(text, (full - 2.5) / 1.1) * LINE_HEIGHT + ROW_PADDING + 6 : 10;
    r++;
  };
  line(`${unit} 规划中期评估填报说明`, 'title');
  lines.forEach((t) => line(t));
  line('');
  line(CONTACTS_HEADING, 'header');
  for (const c of CONTACTS) {
    ws.getCell(r, 1).value = c.label;
    ws.getCell(r, 1).style = look('header');
    const v = ws.getCell(r, 2);
    v.style = c.key === 'filledOn'
      ? look('center', { swatch: fillInSwatch, unlocked: true, numFmt: 'yyyy"年"m"月"d"日"' })
      : look('text', { swatch: fillInSwatch, unlocked: true, textFormat: true });
    if (c.key === 'filledOn') {
      v.dataValidation = {
        type: 'date', operator: 'between', allowBlank: true, formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2099, 11, 31))],
        showErrorMessage: true, errorStyle: 'warning', errorTitle: '填报日期', error: '请填写日期,如 2025-07-03',
      };
    }
    ws.getRow(r).height = LINE_HEIGHT + ROW_PADDING + 8;
    r++;
  }
  line('');
  GUIDE_LINES.forEach((t) => line(t));
}

export interface WrittenReturn { exportId: string; tasks: number; targets: number; replaced: number }

/**
 * Writes the workbook to `file` and records the export (token, round, unit, newest action, checksum, layout and
 * headers); an earlier workbook of the unit in the round is replaced by it and refused when it comes back.
 */
export async function writeReturn(db: DB, round: Round, unit: string, file: string, rows?: { tasks: ReturnTaskRow[]; targets: ReturnTargetRow[] }): Promise<WrittenReturn> {
  const tasks = rows?.tasks ?? unitTaskRows(db, round, unit);
  const targets = rows?.targets ?? unitTargetRows(db, round, unit);
  const exportId = crypto.randomUUID();
  const since = maxActionId(db);
  const password = exportId.slice(0, 8);
  const lines: [string, string] = [`填报单位:${unit}`, `评估时点:${chineseDate(round.cutoff)}(${round.name})`];
  const due = returnsDue(db, round.id);

  const wb = new ExcelJS.Workbook();
  wb.creator = '规划评估台';
  writeGuide(wb, unit, [lines[1], `本表共有重点任务 ${tasks.length} 项、主要指标 ${targets.length} 个。`, ...(due ? [`报送截止日期:${dateText(due)}。`] : [])]);
  await wb.getWorksheet(GUIDE_SHEET)!.protect(password, PROTECT);
  const taskColumns = present(TASK_COLUMNS, tasks);
  const targetColumns = present(TARGET_COLUMNS, targets);
  await writeSheet(wb, TASK_SHEET, `${unit}重点任务进展填报表`, taskColumns, tasks, lines, password);
  await writeSheet(wb, TARGET_SHEET, `${unit}主要指标完成情况填报表`, targetColumns, targets, lines, password);

  const named = <R>(columns: ReturnColumn<R>[], list: R[]): [string, string][] => {
    const at = columns.flatMap((c, i) => (c.identity ? [i] : []));
    return list.map((row, i) => [String(columns[0].value({ n: i + 1, row })), identityText(at.map((k) => columns[k].value({ n: i + 1, row })))]);
  };
  const checksum = returnsChecksum(exportId, SHEETS, named(taskColumns, tasks), named(targetColumns, targets));
  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const entries: [string, string | number][] = [
    [META_MARK, 1], ['exportId', exportId], ['roundId', round.id], ['roundName', round.name], ['unit', unit],
    ['createdAt', new Date().toISOString()], ['checksum', checksum], ['sheets', JSON.stringify(SHEETS)], ['layout', LAYOUT],
  ];
  entries.forEach(([k, v], i) => {
    meta.getCell(`A${i + 1}`).value = k;
    meta.getCell(`B${i + 1}`).value = v;
  });
  await meta.protect(password, PROTECT);

  const tmp = `${file}.part`;
  // Quick packing: 30 workbooks are written at once, and level 1 still shrinks them to a fraction of their size.
  await wb.xlsx.writeFile(tmp, { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as Partial<ExcelJS.XlsxWriteOptions>);
  fs.renameSync(tmp, file);
  const replaced = db.transaction(() => recordExport(db, {
    id: exportId, roundId: round.id, unit, file, maxActionId: since, checksum, sheets: SHEETS, taskCount: tasks.length, targetCount: targets.length,
    layout: LAYOUT, headers: { tasks: recorded(taskColumns), targets: recorded(targetColumns) },
  }))();
  return { exportId, tasks: tasks.length, targets: targets.length, replaced };
}
