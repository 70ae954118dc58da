// Cells of a returned workbook as the unit left them: text, numbers and dates as typed, a formula only by the result
// the spreadsheet saved with it (never evaluated), and a clear problem, never an object's name, for anything else.
import type ExcelJS from 'exceljs';
import { cellText } from '../xlsx/text';

export type ReadValue = { value: string | number | null } | { problem: string };

/** The text of a string, a rich text, or a hyperlink whose text is either; null for anything else. */
function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    if ('richText' in v && Array.isArray((v as { richText: unknown }).richText)) {
      return (v as { richText: { text?: unknown }[] }).richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
    }
    if ('text' in v) return textOf((v as { text: unknown }).text) ?? '';
  }
  return null;
}

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
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { problem: `单元格 ${cell.address} 的日期无法识别` } : { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'number') return Number.isFinite(v) ? { value: v } : { problem: `单元格 ${cell.address} 的数值无法识别` };
  if (typeof v === 'boolean') return { value: v ? '是' : '否' };
  if (typeof v === 'object' && 'error' in v) return { problem: `单元格 ${cell.address} 是错误值 ${String((v as { error: unknown }).error)}` };
  const t = textOf(v);
  return t == null ? { problem: `单元格 ${cell.address} 的内容无法识别` } : { value: cellText(t) };
}

/** The text of a value read, trimmed; '' for an empty or unreadable one. */
export const valueText = (r: ReadValue): string => ('value' in r && r.value != null ? String(r.value).trim() : '');

/** A cell's text, trimmed; '' for an empty or unreadable one. */
export const plain = (c: ExcelJS.Cell): string => valueText(readCell(c));
