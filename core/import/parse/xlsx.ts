// .xlsx workbooks → blocks of one plan: per sheet its title rows (merged across the sheet, "编制单位：…　日期：…" split
// apart) as text, its header row and the rows below it as a table (indicator tables and 分工表 task tables alike),
// its 注 rows as the table's note. Cells are read once per row, whatever the sheet's width.
import ExcelJS from 'exceljs';
import { ImportFileError } from './errors';
import type { Block, TableBlock } from './text/blocks';
import { tidyLine } from './text/clean';
import { isHeaderRow } from './text/row-tables';

const pad = (n: number) => String(n).padStart(2, '0');

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
    return '';
  }
  if (typeof v === 'number') return String(Math.round(v * 1e10) / 1e10);
  return String(v);
}

const HEADER_SEARCH = 15;

/** The rows of a sheet as texts, empty cells kept as '' (the row's own cells only). */
function sheetRows(ws: ExcelJS.Worksheet): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(tidyLine(cellText(values[c]).replace(/\r?\n/g, ' ')));
    if (cells.some(Boolean)) rows.push({ cells, line: n });
  });
  return rows;
}

/** The distinct texts of a row that is no table row (a title merged across the sheet, a signature, a note). */
function rowTexts(cells: string[]): string[] {
  const out: string[] = [];
  for (const c of cells) {
    if (!c || out.includes(c)) continue;
    out.push(c);
  }
  return out.flatMap((t) => t.split(/[\u3000 ]{2,}/)).map((t) => tidyLine(t)).filter(Boolean);
}

function sheetBlocks(ws: ExcelJS.Worksheet): Block[] {
  const rows = sheetRows(ws);
  const out: Block[] = [];
  const h = rows.slice(0, HEADER_SEARCH).findIndex((r) => isHeaderRow(r.cells));
  const text = (cells: string[], line: number) => { for (const t of rowTexts(cells)) out.push({ kind: 'text', text: t, line, aside: true }); };
  if (h < 0) { for (const r of rows) text(r.cells, r.line); return out; }
  for (const r of rows.slice(0, h)) text(r.cells, r.line);
  const header = rows[h]!.cells;
  let width = header.length;
  while (width > 0 && !header[width - 1]) width--;
  const table: TableBlock = { kind: 'table', line: rows[h]!.line, caption: '', header: header.slice(0, width), rows: [], complete: true, note: '' };
  const after: { cells: string[]; line: number }[] = [];
  for (const r of rows.slice(h + 1)) {
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

/** The blocks of every visible sheet of a workbook, in sheet order. */
export async function xlsxBlocks(file: string, data: Buffer): Promise<Block[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(`文件「${file}」无法作为 .xlsx 打开(文件已损坏或不是 Excel 工作簿)。`);
  }
  const out: Block[] = [];
  for (const ws of wb.worksheets) if (ws.state !== 'hidden' && ws.state !== 'veryHidden') out.push(...sheetBlocks(ws));
  if (!out.some((b) => b.kind === 'table')) {
    throw new ImportFileError(`文件「${file}」中没有找到指标表或任务表(需要「指标名称」和年份、目标值列,或「任务/工作内容」和「牵头单位/责任单位/完成时限」列)。`);
  }
  return out;
}
