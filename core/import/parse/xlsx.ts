// .xlsx indicator tables (指标名称/单位/基期/目标值/属性/责任单位, year columns) → one plan of table targets per workbook.
import ExcelJS from 'exceljs';
import type { InterchangePlan } from '../../../contract/interchange';
import { planId } from './ids';
import { ImportFileError } from './errors';
import type { TableBlock } from './text/blocks';
import { tidyLine } from './text/clean';
import { periodFromTitle } from './text/dates';
import { columnsOf, tableTargets } from './text/table-targets';
import { itemId, uniqueIds } from './ids';

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

const isHeader = (cells: string[]) => cells.some((c) => /指标/.test(c)) && cells.some((c) => /20\d\d|目标|基期/.test(c));

export async function parseXlsx(file: string, data: Buffer): Promise<InterchangePlan[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(`文件「${file}」无法作为 .xlsx 打开(文件已损坏或不是 Excel 工作簿)。`);
  }
  const plans: InterchangePlan[] = [];
  wb.eachSheet((ws) => {
    const rows: { cells: string[]; line: number }[] = [];
    const columns = ws.columnCount; // computed over every row: read once per sheet, not per cell
    ws.eachRow({ includeEmpty: false }, (row, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= columns; c++) cells.push(tidyLine(cellText(row.getCell(c).value)));
      rows.push({ cells, line: n });
    });
    const h = rows.findIndex((r) => isHeader(r.cells));
    if (h < 0) return;
    const above = rows.slice(0, h).map((r) => r.cells.filter(Boolean).join('')).filter(Boolean);
    const title = above[0] ?? (wb.worksheets.length > 1 ? ws.name : file.replace(/\.[^.]+$/, ''));
    const period = periodFromTitle(title);
    const table: TableBlock = { kind: 'table', line: rows[h]!.line, caption: title, header: rows[h]!.cells, rows: rows.slice(h + 1).map((r) => r.cells), complete: true, note: '' };
    const cols = columnsOf(table.header, period?.[0] ?? null);
    const years = cols.filter((c) => c.year !== null).map((c) => c.year!);
    const pid = planId(null, title);
    const targets = tableTargets(table, period?.[0] ?? null, period?.[1] ?? (years.length ? Math.max(...years) : null)).map((t) => ({
      id: itemId(pid, 'G', `t${t.code}`, t.name), code: t.code, name: t.name, unit: t.unit, category: t.category, attribute: t.attribute,
      baseline: t.baseline, milestones: t.milestones, scope: 'table' as const, taskId: null, responsibleUnits: t.responsibleUnits, source: { line: t.line },
    }));
    uniqueIds(targets);
    const base = cols.find((c) => c.role === 'baseline')?.year ?? null;
    plans.push({
      id: pid, title, docNumber: null, issuer: null, issued: null,
      periodStart: period?.[0] ?? (base !== null ? base + 1 : years.length ? Math.min(...years) : null),
      periodEnd: period?.[1] ?? (years.length ? Math.max(...years) : null),
      kind: 'plan', source: { file, line: rows[h]!.line }, targets, tasks: [],
    });
  });
  if (!plans.length) throw new ImportFileError(`文件「${file}」中没有找到指标表(需要「指标名称」列和年份或目标值列)。`);
  return plans;
}
