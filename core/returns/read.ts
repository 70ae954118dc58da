// Reads a filled returns workbook back and proves it is one of ours, still in force and unaltered: the hidden
// metadata, the export record (a workbook replaced by a newer one is refused, naming it), the sheet names, the headers
// it was written with, and the checksum that binds each row id to the text of its row. The contacts are read too.
// The workbook is read without the database (readReturnFile, run in the parsing worker), then checked against it.
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { DB } from '../../db/connection';
import { missingIds, rowName } from '../../db/repos/rows';
import type { Round } from '../../contract/model';
import { getRound } from '../../db/repos/rounds';
import { invalid } from '../common/errors';
import { safeWorkbook } from '../files/sheet-scan';
import { MAX_RETURN_BYTES } from '../files/zip-guard';
import { findExport, type ReturnsExport } from '../../db/repos/returns';
import { readCell, plain, valueText, type ReadValue } from './cells';
import {
  META_SHEET, META_MARK, TASK_SHEET, TARGET_SHEET, GUIDE_SHEET, HEADER_ROW, FIRST_ROW, LAYOUT_1, CONTACTS, returnsChecksum, identityText,
  dateText, type RecordedColumn, type ContactKey,
} from './layout';

export type { ReadValue };
export interface ReadRow { id: string; line: number; identity: string; values: Map<string, ReadValue> }
export interface ReadReturn {
  exp: ReturnsExport; round: Round; tasks: ReadRow[]; targets: ReadRow[];
  /** The contacts block as typed (layout 1 had none). */
  contacts: Partial<Record<ContactKey, string | number | null>>;
}

const REFUSED = '未导入。请在原表中填写,或重新下发填报表。';

/** A data sheet as read without the database: its header texts and each numbered row's cells. */
export interface RawSheet { header: string[]; rows: { id: string; line: number; cells: ReadValue[] }[] }

/** What a returns workbook holds, read without the database: metadata, sheet names, data sheets (or why one fails), contacts. */
export interface ReturnFile {
  meta: Record<string, string>; sheets: string[];
  tasks: RawSheet | { error: string }; targets: RawSheet | { error: string };
  /** Label and value of the first sheet's first rows, where layout 2 keeps the contacts block. */
  guide: [string, ReadValue][];
}

const META_KEYS = ['exportId', 'unit', 'roundId', 'checksum'];
/** No layout has more columns than this; a header row reaching further is refused when checked. */
const MAX_COLUMNS = 60;

function rawSheet(name: string, ws: ExcelJS.Worksheet | undefined): RawSheet | { error: string } {
  if (!ws) return { error: `缺少工作表「${name}」。${REFUSED}` };
  const header: string[] = [];
  for (let c = 1; c <= MAX_COLUMNS + 1; c++) header.push(plain(ws.getCell(HEADER_ROW, c)));
  while (header.length && !header[header.length - 1]) header.pop();
  const width = Math.min(header.length, MAX_COLUMNS);
  const rows: RawSheet['rows'] = [];
  const seen = new Set<string>();
  for (let line = FIRST_ROW; line <= ws.rowCount; line++) {
    const row = ws.getRow(line);
    const id = plain(row.getCell(1));
    if (!id) {
      let filled = false;
      row.eachCell((c) => { if (plain(c)) filled = true; });
      if (filled) return { error: `「${name}」表第 ${line} 行没有编号,可能是新增的行;填报表不能增加行。${REFUSED}` };
      continue;
    }
    if (seen.has(id)) return { error: `「${name}」表中编号「${id}」出现了两次(第 ${line} 行),可能是复制了行。${REFUSED}` };
    seen.add(id);
    const cells: ReadValue[] = [];
    for (let c = 1; c <= width; c++) cells.push(readCell(row.getCell(c)));
    rows.push({ id, line, cells });
  }
  return { header, rows };
}

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
  const guideSheet = wb.getWorksheet(GUIDE_SHEET);
  const guide: [string, ReadValue][] = [];
  for (let r = 1; guideSheet && r <= Math.min(guideSheet.rowCount, 60); r++) {
    const label = plain(guideSheet.getCell(r, 1));
    if (label) guide.push([label, readCell(guideSheet.getCell(r, 2))]);
  }
  return {
    meta: Object.fromEntries(META_KEYS.map((k) => [k, metaValue(k)])), sheets: wb.worksheets.map((w) => w.name),
    tasks: rawSheet(TASK_SHEET, wb.getWorksheet(TASK_SHEET)), targets: rawSheet(TARGET_SHEET, wb.getWorksheet(TARGET_SHEET)), guide,
  };
}

/** A data sheet checked against the headers it was written with, its rows keyed by field. */
function sheetRows(name: string, raw: RawSheet | { error: string }, columns: RecordedColumn[]): ReadRow[] {
  if ('error' in raw) throw invalid(raw.error);
  columns.forEach((c, i) => {
    const h = raw.header[i] ?? '';
    if (h !== c.header) throw invalid(`「${name}」表的表头被改动:第 ${i + 1} 列应为「${c.header}」,现为「${h}」。${REFUSED}`);
  });
  const extra = raw.header[columns.length];
  if (extra) throw invalid(`「${name}」表增加了列「${extra}」。${REFUSED}`);
  const named = columns.flatMap((c, i) => (c.identity ? [i] : []));
  return raw.rows.map((r) => {
    const values = new Map<string, ReadValue>();
    columns.forEach((c, i) => { if (c.field) values.set(c.field, r.cells[i] ?? { value: null }); });
    return { id: r.id, line: r.line, identity: identityText(named.map((k) => (r.cells[k] ? valueText(r.cells[k]) : ''))), values };
  });
}

function explainMismatch(db: DB, exp: ReturnsExport, tasks: ReadRow[], targets: ReadRow[]): string {
  const parts: string[] = [];
  const check = (sheet: string, entity: 'task' | 'target', rows: ReadRow[], expected: number) => {
    if (rows.length !== expected) parts.push(`「${sheet}」表导出时有 ${expected} 行,现在有 ${rows.length} 行`);
    const gone = new Set(missingIds(db, entity, rows.map((r) => r.id)));
    const unknown = rows.filter((r) => gone.has(r.id));
    if (unknown.length) parts.push(`「${sheet}」表第 ${unknown.slice(0, 3).map((r) => r.line).join('、')} 行的编号被改动`);
    // A row whose id names another task: its name no longer goes with the id (ids swapped or copied between rows).
    const moved = rows.filter((r) => !gone.has(r.id) && r.identity.split('\u0001')[0] !== rowName(db, entity, r.id).trim());
    if (moved.length && !unknown.length) parts.push(`「${sheet}」表第 ${moved.slice(0, 3).map((r) => r.line).join('、')} 行的编号与该行的名称不对应(隐藏的编号被调换或复制)`);
  };
  check(TASK_SHEET, 'task', tasks, exp.taskCount);
  check(TARGET_SHEET, 'target', targets, exp.targetCount);
  if (!parts.length) parts.push('行的编号与导出时不一致(行被替换或编号被改动)');
  return `填报表被改动:${parts.join(';')}。${REFUSED}`;
}

/** The contacts block of the first sheet: the value beside each label. */
function readContacts(guide: [string, ReadValue][]): ReadReturn['contacts'] {
  const out: ReadReturn['contacts'] = {};
  for (const [label, v] of guide) {
    const c = CONTACTS.find((x) => x.label === label);
    if (c) out[c.key] = 'value' in v ? v.value : null;
  }
  return out;
}

function refuseReplaced(db: DB, name: string, exp: ReturnsExport): never {
  let newer = findExport(db, exp.supersededBy!);
  while (newer?.supersededBy) newer = findExport(db, newer.supersededBy);
  const when = newer ? dateText(newer.createdAt.slice(0, 10)) : '';
  throw invalid(`「${name}」是已被替换的旧填报表:${exp.unit}的填报表已于${when}重新下发为「${newer ? path.basename(newer.file) : '新表'}」,请单位在新表中填写后报送。未导入。`);
}

/** Proves a read workbook is one this database sent out, still in force and unaltered. */
export function checkReturn(db: DB, name: string, file: ReturnFile): ReadReturn {
  const exp = findExport(db, file.meta.exportId ?? '');
  if (!exp) throw invalid(`「${name}」不是从本数据库下发的填报表(可能来自另一台电脑的数据库,或识别信息被改动),未导入`);
  if (file.meta.unit !== exp.unit || Number(file.meta.roundId) !== exp.roundId || file.meta.checksum !== exp.checksum) {
    throw invalid(`「${name}」的识别信息被改动。${REFUSED}`);
  }
  if (exp.supersededBy) refuseReplaced(db, name, exp);
  const names = file.sheets;
  const missing = exp.sheets.filter((s) => !names.includes(s));
  const added = names.filter((s) => !exp.sheets.includes(s));
  if (missing.length || added.length) {
    const what = [missing.length ? `缺少「${missing.join('」「')}」` : '', added.length ? `多出「${added.join('」「')}」` : ''].filter(Boolean).join(',');
    throw invalid(`「${name}」的工作表被重命名、删除或增加:${what}。${REFUSED}`);
  }
  const headers = exp.headers ?? LAYOUT_1;
  const tasks = sheetRows(TASK_SHEET, file.tasks, headers.tasks);
  const targets = sheetRows(TARGET_SHEET, file.targets, headers.targets);
  const pairs = (rows: ReadRow[]): [string, string][] => rows.map((r) => [r.id, r.identity]);
  const sum = returnsChecksum(exp.id, names, pairs(tasks), pairs(targets), exp.layout);
  if (sum !== exp.checksum) throw invalid(`「${name}」${explainMismatch(db, exp, tasks, targets)}`);
  const round = getRound(db, exp.roundId);
  if (!round) throw invalid(`「${name}」所属的评估轮次已被删除,无法导入`);
  return { exp, round, tasks, targets, contacts: exp.layout >= 2 ? readContacts(file.guide) : {} };
}

export async function readReturn(db: DB, name: string, data: Buffer): Promise<ReadReturn> {
  return checkReturn(db, name, await readReturnFile(name, data));
}
