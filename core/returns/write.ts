// Writes (streams) one fill-in workbook for a responsible unit: the instructions with the contacts block (填报人, 联系电话, 审核人,
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
import { protectStreamed } from '../xlsx/protection';
import { recordExport, type ReturnsExport } from '../../db/repos/returns';
import { returnsDue } from '../../db/repos/returns-received';

/** The instructions sheet: a label column and a value column, both on an A4 portrait page without scaling. */
const LABEL_WIDTH = 18;
const VALUE_WIDTH = 60;

/** Protection against slips, not a secret: a low spin count keeps 30 workbooks quick to write. */
const PROTECT = { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true, autoFilter: true, spinCount: 100 };

type Book = ExcelJS.stream.xlsx.WorkbookWriter;
type Sheet = ExcelJS.Worksheet;
type Validations = { add(range: string, v: ExcelJS.DataValidation): void };

/** A sheet of the streamed workbook, typed as the table helpers take it (they serve both kinds of workbook). */
const addSheet = (wb: Book, name: string, options: Partial<ExcelJS.AddWorksheetOptions>): Sheet => wb.addWorksheet(name, options) as unknown as Sheet;

function validateColumn(ws: Sheet, col: number, rows: number, v: ExcelJS.DataValidation): void {
  if (!rows) return;
  const c = colLetter(col);
  // One declaration over the column's rows: exceljs would otherwise merge per-cell ones in text order of the addresses.
  (ws as unknown as { dataValidations: Validations }).dataValidations.add(rows > 1 ? `${c}${FIRST_ROW}:${c}${FIRST_ROW + rows - 1}` : `${c}${FIRST_ROW}`, v);
}

async function writeSheet<R>(wb: Book, name: string, title: string, columns: ReturnColumn<R>[], rows: R[], lines: [string, string], password: string): Promise<void> {
  const items = rows.map((row, i) => ({ n: i + 1, row }));
  const layout = new Layout(columns);
  for (const x of items) layout.measure(x);
  const widths = layout.widths();
  const frame = frameOf(columns);
  const ws = addSheet(wb, name, sheetOptions(frame));
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
  await protectStreamed(ws, password, PROTECT);
}

async function writeGuide(wb: Book, unit: string, lines: string[], password: string): Promise<void> {
  const ws = addSheet(wb, GUIDE_SHEET, { pageSetup: printSetup(undefined, true), headerFooter: PAGE_FOOTER, views: [{ showGridLines: false }] });
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
  await protectStreamed(ws, password, PROTECT);
}

export interface WrittenReturn { record: Omit<ReturnsExport, 'createdAt' | 'supersededBy'>; tasks: number; targets: number }

/**
 * Writes the workbook of `unit` to `file` from its rows as they stood at action `since` (read in the same step), and
 * returns the export to record (token, round, unit, newest action, checksum, layout and headers); nothing is recorded
 * here, so a set of workbooks is recorded at once when all of them are written.
 */
export async function writeReturn(db: DB, round: Round, unit: string, file: string, rows: { tasks: ReturnTaskRow[]; targets: ReturnTargetRow[] },
  since: number, recordAs = file): Promise<WrittenReturn> {
  const { tasks, targets } = rows;
  const exportId = crypto.randomUUID();
  const password = exportId.slice(0, 8);
  const lines: [string, string] = [`填报单位:${unit}`, `评估时点:${chineseDate(round.cutoff)}(${round.name})`];
  const due = returnsDue(db, round.id);

  const taskColumns = present(TASK_COLUMNS, tasks);
  const targetColumns = present(TARGET_COLUMNS, targets);
  const named = <R>(columns: ReturnColumn<R>[], list: R[]): [string, string][] => {
    const at = columns.flatMap((c, i) => (c.identity ? [i] : []));
    return list.map((row, i) => [String(columns[0].value({ n: i + 1, row })), identityText(at.map((k) => columns[k].value({ n: i + 1, row })))]);
  };
  const checksum = returnsChecksum(exportId, SHEETS, named(taskColumns, tasks), named(targetColumns, targets));
  // Streamed and packed by zlib at its quickest level: 30 workbooks are written at once, and level 1 still shrinks
  // them to a fraction of their size.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as ExcelJS.stream.xlsx.WorkbookStreamWriterOptions);
  wb.creator = '规划评估台';
  try {
    await writeGuide(wb, unit, [lines[1], `本表共有重点任务 ${tasks.length} 项、主要指标 ${targets.length} 个。`, ...(due ? [`报送截止日期:${dateText(due)}。`] : [])], password);
    await writeSheet(wb, TASK_SHEET, `${unit}重点任务进展填报表`, taskColumns, tasks, lines, password);
    await writeSheet(wb, TARGET_SHEET, `${unit}主要指标完成情况填报表`, targetColumns, targets, lines, password);
    const meta = addSheet(wb, META_SHEET, { state: 'veryHidden' });
    const entries: [string, string | number][] = [
      [META_MARK, 1], ['exportId', exportId], ['roundId', round.id], ['roundName', round.name], ['unit', unit],
      ['createdAt', new Date().toISOString()], ['checksum', checksum], ['sheets', JSON.stringify(SHEETS)], ['layout', LAYOUT],
    ];
    entries.forEach(([k, v], i) => {
      meta.getCell(`A${i + 1}`).value = k;
      meta.getCell(`B${i + 1}`).value = v;
    });
    await protectStreamed(meta, password, PROTECT);
    await wb.commit();
  } catch (e) {
    fs.rmSync(file, { force: true });
    throw e;
  }
  return {
    record: {
      id: exportId, roundId: round.id, unit, file: recordAs, maxActionId: since, checksum, sheets: SHEETS, taskCount: tasks.length,
      targetCount: targets.length, layout: LAYOUT, headers: { tasks: recorded(taskColumns), targets: recorded(targetColumns) },
    },
    tasks: tasks.length, targets: targets.length,
  };
}

/** Records the workbooks written in one transaction, each replacing its unit's earlier one; how many each replaced. */
export const recordReturns = (db: DB, written: WrittenReturn[]): number[] =>
  db.transaction(() => written.map((w) => recordExport(db, w.record)))();
