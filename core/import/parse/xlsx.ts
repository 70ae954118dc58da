// .xlsx workbooks → blocks of one plan: per sheet its title rows (merged across the sheet, "编制单位：…　日期：…" split
// apart) as text, its header row and the rows below it as a table (indicator tables and 分工表 task tables alike),
// its 注 rows as the table's note. The cells come from xlsx-cells.ts, read once per row, whatever the sheet's width.
import { AppError } from '../../common/errors';
import { ImportFileError } from './errors';
import type { Block, TableBlock } from './text/blocks';
import { tidyLine } from './text/clean';
import { isHeaderRow } from './text/row-tables';
import { scannedParts, scanSheet, SHEET_PART } from '../../files/sheet-scan';
import { BOOK_PARTS, readSheets, type SheetCells } from './xlsx-cells';

const HEADER_SEARCH = 15;

/** The distinct texts of a row that is no table row (a title merged across the sheet, a signature, a note). */
function rowTexts(cells: string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (!c || out.includes(c)) continue;
    out.push(c);
  }
  return out.flatMap((t) => t.split(/[\u3000 ]{2,}|\n/)).map((t) => tidyLine(t)).filter(Boolean);
}

function sheetBlocks(sheet: SheetCells): Block[] {
  const cell = (c: string) => (c.includes('\n') ? c.split(/\r?\n/).map(tidyLine).filter(Boolean).join('\n') : tidyLine(c));
  const rows = sheet.rows.map((r) => ({ cells: r.cells.map(cell), line: r.line })).filter((r) => r.cells.some(Boolean));
  const out: Block[] = [];
  const h = rows.slice(0, HEADER_SEARCH).findIndex((r) => isHeaderRow(r.cells));
  const text = (cells: string[], line: number) => { for (const t of rowTexts(cells)) out.push({ kind: 'text', text: t, line, aside: true }); };
  if (h < 0) { for (const r of rows) text(r.cells, r.line); return out; }
  for (const r of rows.slice(0, h)) text(r.cells, r.line);
  let header = rows[h]!.cells.map((c) => c.replace(/\n/g, ''));
  // A header over two rows: the second names the columns under a cell merged across them ("责任单位" over "牵头单位 |
  // 配合单位"); its other cells repeat the first row's (merged down) or are empty.
  const second = rows[h + 1]?.cells.map((c) => c.replace(/\n/g, '')) ?? [];
  const across = (c: number) => !!header[c] && (header[c] === header[c - 1] || header[c] === header[c + 1]);
  const under = second.filter((x, c) => x && x !== header[c] && across(c)).length;
  let body = h + 1;
  if (under >= 2 && second.every((x, c) => !x || x === header[c] || across(c))) {
    header = header.map((x, c) => (second[c] && second[c] !== x ? x + second[c] : x));
    body = h + 2;
  }
  let width = header.length;
  while (width > 0 && !header[width - 1]) width--;
  const table: TableBlock = { kind: 'table', line: rows[h]!.line, caption: '', header: header.slice(0, width), rows: [], complete: true, note: '' };
  const after: { cells: string[]; line: number }[] = [];
  for (const r of rows.slice(body)) {
    const first = r.cells.find(Boolean) ?? '';
    const distinct = new Set(r.cells.filter(Boolean));
    if (/^(注|备注|说明)[:：\d]/.test(first) && distinct.size === 1) { table.note = table.note ? `${table.note}\n${first}` : first; continue; }
    if (after.length || (distinct.size === 1 && first.length > 40)) { after.push(r); continue; }
    const cells = r.cells.slice(0, width);
    while (cells.length < width) cells.push('');
    table.rows.push(cells);
  }
  out.push(table);
  for (const r of after) text(r.cells, r.line);
  return out;
}

/**
 * The blocks of every visible sheet of a workbook, in sheet order. The package is guarded as a zip and its sheets
 * pre-scanned (far cells refused, ranges clamped) before any cell is read; a sheet kept outside xl/worksheets/ is
 * scanned as it is read.
 */
export async function xlsxBlocks(file: string, data: Buffer, limits: { maxBytes?: number } = {}): Promise<Block[]> {
  const wanted = (p: string) => BOOK_PARTS.includes(p) || /^xl\/[^]*\.xml$/i.test(p);
  const { parts } = await scannedParts(data, file, limits, wanted);
  const part = (name: string) => {
    const xml = parts.get(name) ?? '';
    return SHEET_PART.test(name) || !/<(?:\w+:)?sheetData\b/.test(xml) ? xml : scanSheet(xml, file, name.replace(/^.*\//, '')) ?? xml;
  };
  let sheets: SheetCells[];
  try {
    sheets = readSheets(part);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new ImportFileError(`文件「${file}」无法作为 .xlsx 打开(文件已损坏或不是 Excel 工作簿)。`);
  }
  const out: Block[] = [];
  for (const sheet of sheets) if (!sheet.hidden) out.push(...sheetBlocks(sheet));
  if (!out.some((b) => b.kind === 'table')) {
    throw new ImportFileError(`文件「${file}」中没有找到指标表或任务表(需要「指标名称」和年份、目标值列,或「任务/工作内容」和「牵头单位/责任单位/完成时限」列)。`);
  }
  return out;
}
