// Reads a filled returns workbook back and proves it is one of ours and unaltered: the hidden metadata, the export
// record, the sheet names, the headers and the checksum of the row ids. Formulas are read as their cached value.
// The workbook is read without the database (readReturnFile, run in the parsing worker), then checked against it.
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import { missingIds } from '../../db/repos/rows';
import type { Round } from '../../contract/model';
import { getRound } from '../../db/repos/rounds';
import { AppError, invalid } from '../common/errors';
import { cellText } from '../xlsx/text';
import { safeWorkbook } from '../files/sheet-scan';
import { MAX_RETURN_BYTES } from '../files/zip-guard';
import { findExport, type ReturnsExport } from '../../db/repos/returns';
import {
  META_SHEET, META_MARK, TASK_SHEET, TARGET_SHEET, HEADER_ROW, FIRST_ROW, TASK_COLUMNS, TARGET_COLUMNS, returnsChecksum,
  type ReturnColumn,
} from './layout';

export type ReadValue = { value: string | number | null } | { problem: string };
export interface ReadRow { id: string; line: number; values: Map<string, ReadValue> }
export interface ReadReturn { exp: ReturnsExport; round: Round; tasks: ReadRow[]; targets: ReadRow[] }

const REFUSED = '未导入。请在原表中填写,或重新下发填报表。';

/** A cell as the unit left it; a formula counts only by the result Excel saved with it, and is never evaluated. */
export function readCell(cell: ExcelJS.Cell): ReadValue {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v)) {
    const result = (v as { result?: unknown }).result;
    if (result === undefined || result === null || (typeof result === 'object' && !(result instanceof Date))) {
      return { problem: `单元格 ${cell.address} 是公式且没有保存计算结果,请改为直接填写数值或文字` };
    }
    v = result;
  }
  if (v == null) return { value: null };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') return { value: v };
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (typeof v === 'string') return { value: cellText(v) };
  if (typeof v === 'object') {
    if ('richText' in v) return { value: cellText((v as { richText: { text: string }[] }).richText.map((r) => r.text).join('')) };
    if ('text' in v) return { value: cellText((v as { text: unknown }).text) };
    if ('error' in v) return { problem: `单元格 ${cell.address} 是错误值 ${(v as { error: string }).error}` };
  }
  return { problem: `单元格 ${cell.address} 的内容无法识别` };
}

const plain = (c: ExcelJS.Cell): string => {
  const r = readCell(c);
  return 'value' in r && r.value != null ? String(r.value).trim() : '';
};

function readSheet<R>(name: string, ws: ExcelJS.Worksheet | undefined, columns: ReturnColumn<R>[]): ReadRow[] {
  if (!ws) throw invalid(`缺少工作表「${name}」。${REFUSED}`);
  columns.forEach((c, i) => {
    const h = plain(ws.getCell(HEADER_ROW, i + 1));
    if (h !== c.header) throw invalid(`「${name}」表的表头被改动:第 ${i + 1} 列应为「${c.header}」,现为「${h}」。${REFUSED}`);
  });
  const extra = plain(ws.getCell(HEADER_ROW, columns.length + 1));
  if (extra) throw invalid(`「${name}」表增加了列「${extra}」。${REFUSED}`);
  const rows: ReadRow[] = [];
  const seen = new Set<string>();
  for (let line = FIRST_ROW; line <= ws.rowCount; line++) {
    const row = ws.getRow(line);
    const id = plain(row.getCell(1));
    if (!id) {
      let filled = false;
      row.eachCell((c) => { if (plain(c)) filled = true; });
      if (filled) throw invalid(`「${name}」表第 ${line} 行没有编号,可能是新增的行;填报表不能增加行。${REFUSED}`);
      continue;
    }
    if (seen.has(id)) throw invalid(`「${name}」表中编号「${id}」出现了两次(第 ${line} 行),可能是复制了行。${REFUSED}`);
    seen.add(id);
    const values = new Map<string, ReadValue>();
    columns.forEach((c, i) => { if (c.field) values.set(c.field, readCell(row.getCell(i + 1))); });
    rows.push({ id, line, values });
  }
  return rows;
}

function explainMismatch(db: DB, exp: ReturnsExport, tasks: ReadRow[], targets: ReadRow[]): string {
  const parts: string[] = [];
  const check = (sheet: string, entity: 'task' | 'target', rows: ReadRow[], expected: number) => {
    if (rows.length !== expected) parts.push(`「${sheet}」表导出时有 ${expected} 行,现在有 ${rows.length} 行`);
    const gone = new Set(missingIds(db, entity, rows.map((r) => r.id)));
    const unknown = rows.filter((r) => gone.has(r.id));
    if (unknown.length) parts.push(`「${sheet}」表第 ${unknown.slice(0, 3).map((r) => r.line).join('、')} 行的编号被改动`);
  };
  check(TASK_SHEET, 'task', tasks, exp.taskCount);
  check(TARGET_SHEET, 'target', targets, exp.targetCount);
  if (!parts.length) parts.push('行的编号与导出时不一致(行被替换或编号被改动)');
  return `填报表被改动:${parts.join(';')}。${REFUSED}`;
}

/** What a returns workbook holds, read without the database: its metadata, sheet names and rows (or why a sheet fails). */
export interface ReturnFile {
  meta: Record<string, string>; sheets: string[];
  tasks: ReadRow[] | { error: string }; targets: ReadRow[] | { error: string };
}

const META_KEYS = ['exportId', 'unit', 'roundId', 'checksum'];

export async function readReturnFile(name: string, data: Buffer): Promise<ReturnFile> {
  const safe = await safeWorkbook(data, name, { maxBytes: MAX_RETURN_BYTES });
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(safe as unknown as ArrayBuffer);
  } catch {
    throw invalid(`「${name}」无法作为 Excel 工作簿打开,可能已损坏,未读取`);
  }
  const meta = wb.getWorksheet(META_SHEET);
  if (!meta || plain(meta.getCell(1, 1)) !== META_MARK) {
    throw invalid(`「${name}」不是规划评估台下发的填报表(缺少识别信息),未导入`);
  }
  const metaValue = (key: string): string => {
    for (let r = 1; r <= Math.min(meta.rowCount, 1000); r++) if (plain(meta.getCell(r, 1)) === key) return plain(meta.getCell(r, 2));
    return '';
  };
  const sheet = <R>(sheetName: string, columns: ReturnColumn<R>[]): ReadRow[] | { error: string } => {
    try {
      return readSheet(sheetName, wb.getWorksheet(sheetName), columns);
    } catch (e) {
      if (e instanceof AppError) return { error: e.message };
      throw e;
    }
  };
  return {
    meta: Object.fromEntries(META_KEYS.map((k) => [k, metaValue(k)])), sheets: wb.worksheets.map((w) => w.name),
    tasks: sheet(TASK_SHEET, TASK_COLUMNS), targets: sheet(TARGET_SHEET, TARGET_COLUMNS),
  };
}

const rowsOf = (r: ReadRow[] | { error: string }): ReadRow[] => {
  if ('error' in r) throw invalid(r.error);
  return r;
};

/** Proves a read workbook is one this database sent out, unaltered. */
export function checkReturn(db: DB, name: string, file: ReturnFile): ReadReturn {
  const exp = findExport(db, file.meta.exportId ?? '');
  if (!exp) throw invalid(`「${name}」不是从本数据库下发的填报表(可能来自另一台电脑的数据库,或识别信息被改动),未导入`);
  if (file.meta.unit !== exp.unit || Number(file.meta.roundId) !== exp.roundId || file.meta.checksum !== exp.checksum) {
    throw invalid(`「${name}」的识别信息被改动。${REFUSED}`);
  }
  const names = file.sheets;
  const missing = exp.sheets.filter((s) => !names.includes(s));
  const added = names.filter((s) => !exp.sheets.includes(s));
  if (missing.length || added.length) {
    const what = [missing.length ? `缺少「${missing.join('」「')}」` : '', added.length ? `多出「${added.join('」「')}」` : ''].filter(Boolean).join(',');
    throw invalid(`「${name}」的工作表被重命名、删除或增加:${what}。${REFUSED}`);
  }
  const tasks = rowsOf(file.tasks);
  const targets = rowsOf(file.targets);
  const sum = returnsChecksum(exp.id, names, tasks.map((r) => r.id), targets.map((r) => r.id));
  if (sum !== exp.checksum) throw invalid(`「${name}」${explainMismatch(db, exp, tasks, targets)}`);
  const round = getRound(db, exp.roundId);
  if (!round) throw invalid(`「${name}」所属的评估轮次已被删除,无法导入`);
  return { exp, round, tasks, targets };
}

export async function readReturn(db: DB, name: string, data: Buffer): Promise<ReadReturn> {
  return checkReturn(db, name, await readReturnFile(name, data));
}
