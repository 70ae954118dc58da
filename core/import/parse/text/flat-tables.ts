// Tables flattened one cell per line with empty cells dropped ("指标类别 / 指标名称 / 2020年 / … / 属性", then the
// cells row after row): the header read from its header words, rows split at their 序号, after their 属性, or where a
// name follows values; a category written only on the first row of its group is kept in its column.
import type { Block } from './blocks';
import type { RawLine } from './clean';
import { readNumber } from './numbering';
import { HEADER_WORD } from './row-tables';
import { isTableNote, readNote, takeCaption } from './table-notes';

const YEAR_ONLY = /^20\d\d年?$/;
const YEAR_SUFFIX = /^(年度)?(目标值?|预期值?|现状|基期值?)$|^年$/;
const VALUE = /^[[【(（]?\s*[<>≥≤约＞>]?\s*[-+]?\d|^[-—/／]+$|^(完成|控制在|稳定在|不减少|有效保障|全覆盖|与.+同步)/;
const ATTRIBUTE = /^(预期性|约束性)$/;
const isHeaderCell = (s: string) => s.length <= 16 && HEADER_WORD.test(s.replace(/\s+/g, ''));
const isTableEnd = (s: string) => s.length > 40 || (/[。]$/.test(s) && s.length > 20) || isTableNote(s) || !!readNumber(s) || /^(表|专栏|附表)\s*\d/.test(s);

/** Whether a flattened table starts at line `i`: three header cells or more, among them a year, a target or an attribute column. */
export function startsFlatTable(lines: RawLine[], i: number): boolean {
  const cells: string[] = [];
  for (let k = i; k < lines.length && cells.length < 12; k++) {
    const t = lines[k]!.text;
    if (!t) continue;
    if (!isHeaderCell(t) && !(YEAR_SUFFIX.test(t) && cells.length)) break;
    cells.push(t);
  }
  return cells.length >= 3 && cells.some((c) => /20\d\d|目标|属性|基期/.test(c)) && cells.some((c) => /指标|名称|项目|序号/.test(c));
}

/** Rows of flattened cells: at their sequence numbers 1, 2, 3…, else after each attribute, else where a name follows values. */
function splitRows(cells: string[], header: string[]): string[][] {
  const rows: string[][] = [];
  const seq = header.findIndex((h) => /序号|编号/.test(h));
  if (seq >= 0) {
    // A category column before 序号: its cell, written on a group's first row only, stands before that row's number.
    const before = seq > 0;
    let expect = 1;
    let lead: string[] = [];
    for (let k = 0; k < cells.length; k++) {
      const t = cells[k]!;
      const next = cells[k + 1] ?? '';
      if (t === String(expect) && next && !/^[\d.[\]%]+$/.test(next)) {
        const prev = rows[rows.length - 1];
        const last = prev?.[prev.length - 1] ?? '';
        // (After the row's attribute, or after its last figure where a merged attribute cell was left out.)
        const beforeLast = prev?.[prev.length - 2] ?? '';
        if (before && prev && prev.length > 2 && (ATTRIBUTE.test(beforeLast) || VALUE.test(beforeLast)) && !VALUE.test(last) && !ATTRIBUTE.test(last)) lead = [prev.pop()!];
        rows.push([...lead, t]);
        lead = [];
        expect++;
        continue;
      }
      if (rows.length) rows[rows.length - 1]!.push(t);
      else if (before) lead.push(t);
    }
    return rows;
  }
  const byAttribute = /属性|性质/.test(header[header.length - 1] ?? '');
  let cur: string[] = [];
  let sawValue = false;
  for (const t of cells) {
    if (!byAttribute && sawValue && !VALUE.test(t) && cur.length) { rows.push(cur); cur = []; sawValue = false; }
    cur.push(t);
    if (VALUE.test(t)) sawValue = true;
    if (byAttribute && ATTRIBUTE.test(t)) { rows.push(cur); cur = []; sawValue = false; }
  }
  if (cur.length) rows.push(cur);
  return rows;
}

/**
 * A header of two rows read one cell per line: "…单位 / 指标值 / 指标属性 / 2020年 / 2025年", the years under 指标值. The
 * years take its place.
 */
function spreadYears(header: string[]): void {
  const span = header.findIndex((h) => /^(指标值|指标数值|数值|规划值|目标值|预期目标)$/.test(h));
  let years = 0;
  while (years < header.length && /^20\d\d/.test(header[header.length - 1 - years]!)) years++;
  if (span < 0 || years < 2 || span >= header.length - years - 1) return;
  const tail = header.splice(header.length - years, years);
  header.splice(span, 1, ...tail);
}

export function readFlatTable(lines: RawLine[], start: number, out: Block[]): number {
  const header: string[] = [];
  let i = start;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    if (YEAR_SUFFIX.test(t) && header.length && YEAR_ONLY.test(header[header.length - 1]!)) { header[header.length - 1] += t; continue; }
    if (!isHeaderCell(t)) break;
    header.push(t);
  }
  spreadYears(header);
  const cells: string[] = [];
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (!t) continue;
    if (isTableEnd(t)) break;
    cells.push(t);
  }
  const rows = splitRows(cells, header);
  if (rows.length < 1 || header.length < 2) return start;
  const caption = takeCaption(out);
  const { note, next } = readNote(lines, i);
  out.push({ kind: 'table', line: lines[start]!.line, caption, header, rows, complete: false, note });
  return next;
}
